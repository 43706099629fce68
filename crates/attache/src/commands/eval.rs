//! `attache eval`: scores the time and quantity stages against the shared reference suites
//! (Recognizers-Text, Duckling) and measures their throughput on Reuters-21578.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Which evaluation: `rt` (Recognizers-Text specs), `duckling` (Duckling corpus) or
    /// `bench-timeq` (throughput over Reuters-21578 bodies).
    #[arg(value_parser = ["rt", "duckling", "bench-timeq"])]
    pub suite: String,
    /// The suite's path (default: the copy under ../shared).
    pub path: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let default = match args.suite.as_str() {
        "rt" => "../shared/gold/recognizers-text/Specs",
        "duckling" => "../shared/gold/duckling/duckling_en_corpus.json",
        _ => "../shared/corpora/reuters21578",
    };
    let path = args.path.unwrap_or_else(|| PathBuf::from(default));
    if !path.exists() {
        anyhow::bail!(
            "{}: not found; pass the suite's path (attache eval {} PATH)",
            path.display(),
            args.suite
        );
    }
    let report = match args.suite.as_str() {
        "rt" => attache_eval::recognizers_text(&path)?,
        "duckling" => attache_eval::duckling(&path)?,
        _ => attache_eval::bench_reuters(&path),
    };
    print!("{report}");
    Ok(ExitCode::SUCCESS)
}
