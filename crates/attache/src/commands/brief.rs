//! `attache brief A-B`: the report on two countries' relations written from the store, every
//! sentence cited (Markdown, HTML or JSON on standard output).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use attache_brief::{build, render, Options};
use attache_store::{Pair, Store};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Md,
    Html,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// The pair, two country codes joined by '-' (KOR-KAZ; either order).
    #[arg(value_parser = |s: &str| Pair::parse(s))]
    pub pair: Pair,
    /// The database written by `attache ingest`.
    #[arg(long, default_value = "attache.db")]
    pub db: PathBuf,
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// Only documents published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_parser = parse_prefix_date)]
    pub from: Option<String>,
    /// Only documents published on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_parser = parse_prefix_date)]
    pub to: Option<String>,
    /// At most this many documents, the most recently published first.
    #[arg(long, default_value_t = 500)]
    pub max_documents: usize,
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked as a date.
fn parse_prefix_date(s: &str) -> Result<String, String> {
    let full = match s.len() {
        4 => format!("{s}-01-01"),
        7 => format!("{s}-01"),
        _ => s.to_string(),
    };
    full.parse::<jiff::civil::Date>()
        .map(|_| s.to_string())
        .map_err(|e| format!("`{s}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {e}"))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.db.is_file() {
        anyhow::bail!(
            "no database at {}; create one with `attache ingest FILES --db {}`",
            args.db.display(),
            args.db.display()
        );
    }
    let store = Store::open_read_only(&args.db)?;
    let brief = build(
        &store,
        &args.pair,
        &Options {
            from: args.from,
            to: args.to,
            max_documents: args.max_documents,
        },
    )?;
    let out = match args.format {
        Format::Md => render::markdown(&brief),
        Format::Html => render::html_page(&brief),
        Format::Json => serde_json::to_string_pretty(&brief)? + "\n",
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    if brief.is_empty() {
        // Said plainly on stderr too, so a script writing the output to a file sees it.
        eprintln!("attache: {}", brief.empty_message());
    }
    Ok(ExitCode::SUCCESS)
}
