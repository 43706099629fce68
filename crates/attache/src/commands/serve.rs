//! `attache serve`: the JSON API and the dashboard over a store, read-only.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The database written by `attache ingest`.
    #[arg(long, default_value = "attache.db")]
    pub db: PathBuf,
    /// Address to listen on (loopback by default; the API has no authentication).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.db.is_file() {
        anyhow::bail!(
            "no database at {}; create one with `attache ingest FILES --db {}`",
            args.db.display(),
            args.db.display()
        );
    }
    attache_web::run(&args.db, &args.addr)?;
    Ok(ExitCode::SUCCESS)
}
