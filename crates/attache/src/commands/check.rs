//! `attache check`: load and validate every data table, then code every pattern's example
//! sentence and report those that do not give the pattern's event.

use std::path::PathBuf;
use std::process::ExitCode;

use attache_core::Engine;

#[derive(clap::Args)]
pub struct Args {
    /// A directory of extra dictionary entries to validate with ours.
    #[arg(long = "dict")]
    pub dicts: Vec<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let engine = match Engine::load(&args.dicts) {
        Ok(e) => e,
        Err(e) => {
            eprint!("{e}");
            return Ok(ExitCode::from(1));
        }
    };
    for (what, n) in engine.dict.summary() {
        println!("{n:>7}  {what}");
    }
    let report = attache_core::examples::check_examples(&engine);
    println!(
        "{:>7}  pattern examples coded as their pattern says ({} of {})",
        report.passed, report.passed, report.total
    );
    for f in &report.failures {
        println!("  example failed: {f}");
    }
    Ok(if report.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
