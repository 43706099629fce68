//! The `attache` binary: command-line definition plus glue. Each subcommand lives in its
//! own module under `commands/` with its `Args` and `run`; the engine lives in the libraries.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod commands;

/// attache: news about international affairs in, sourced event and fact data out.
#[derive(Parser)]
#[command(name = "attache", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles into the output contract (JSON, JSON Lines or a table).
    Code(commands::code::Args),
    /// Load and validate every data table; report problems with file, line and reason.
    Check(commands::check::Args),
    /// Code an article and show, for each item, the rule or table entry that produced it.
    Explain(commands::explain::Args),
    /// Print the facts of articles with their consistency checks (table or JSON).
    Facts(commands::facts::Args),
    /// Score the time and quantity stages against the reference suites (rt, duckling) or bench them.
    Eval(commands::eval::Args),
    /// Measure the ingest readers on the shared corpora (zyte, trafilatura, readability, feeds).
    IngestEval(commands::ingest_eval::Args),
    /// Code articles and store them in the SQLite store (batched, resumable, idempotent).
    Ingest(commands::ingest::Args),
    /// Serve the JSON API and the dashboard over a store (read-only).
    Serve(commands::serve::Args),
    /// Write the brief on a country pair from the store, every sentence cited (md, html, json).
    Brief(commands::brief::Args),
    /// Export stored events: GDELT 2.0 rows, PLOVER JSON Lines, CSV or Parquet.
    Export(commands::export::Args),
    /// Coding throughput on a real corpus (default: Reuters-21578 in ../shared), one thread.
    Bench(commands::bench::Args),
    /// Load-test an API URL on loopback and report latency percentiles.
    BenchApi(commands::bench_api::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(a) => commands::code::run(a),
        Command::Check(a) => commands::check::run(a),
        Command::Explain(a) => commands::explain::run(a),
        Command::Facts(a) => commands::facts::run(a),
        Command::Eval(a) => commands::eval::run(a),
        Command::IngestEval(a) => commands::ingest_eval::run(a),
        Command::Ingest(a) => commands::ingest::run(a),
        Command::Serve(a) => commands::serve::run(a),
        Command::Brief(a) => commands::brief::run(a),
        Command::Export(a) => commands::export::run(a),
        Command::Bench(a) => commands::bench::run(a),
        Command::BenchApi(a) => commands::bench_api::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("attache: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
