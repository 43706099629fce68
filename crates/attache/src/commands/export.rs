//! `attache export`: stored events as GDELT 2.0 rows, PLOVER JSON Lines, CSV or Parquet.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use attache_store::export::{export, Format};
use attache_store::{Pair, Store};

#[derive(clap::Args)]
pub struct Args {
    /// gdelt (61 tab-separated columns), plover (JSON Lines), csv, parquet (needs the
    /// `parquet` build feature).
    #[arg(long, value_parser = |s: &str| s.parse::<Format>())]
    pub format: Format,
    /// Only the events of this country pair (either order), e.g. KAZ-KOR.
    #[arg(long, value_parser = |s: &str| Pair::parse(s))]
    pub pair: Option<Pair>,
    #[arg(long, default_value = "attache.db")]
    pub db: PathBuf,
    /// Output file (default: standard output).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.db.is_file() {
        anyhow::bail!("no database at {}", args.db.display());
    }
    let store = Store::open_read_only(&args.db)?;
    let mut out: Box<dyn Write> = match &args.out {
        Some(p) => {
            Box::new(BufWriter::new(std::fs::File::create(p).map_err(|e| {
                anyhow::anyhow!("cannot create {}: {e}", p.display())
            })?))
        }
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let n = export(&store, args.format, args.pair.as_ref(), &mut out)?;
    out.flush()?;
    eprintln!("attache: exported {n} events");
    Ok(ExitCode::SUCCESS)
}
