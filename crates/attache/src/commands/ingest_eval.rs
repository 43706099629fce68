//! `attache ingest-eval`: measures the ingest readers on the shared third-party corpora
//! (Zyte's extraction benchmark, trafilatura's news snippets, Readability's metadata, feeds).

use std::path::PathBuf;
use std::process::ExitCode;

use attache_ingest::eval;

#[derive(clap::Args)]
pub struct Args {
    /// Which evaluation: `zyte` (main-text token F1), `trafilatura` (must/must-not snippets),
    /// `readability` (titles and dates) or `feeds` (items, titles, links, dates).
    #[arg(value_parser = ["zyte", "trafilatura", "readability", "feeds"])]
    pub suite: String,
    /// The corpus folder (default: the copy under ../shared/corpora).
    pub path: Option<PathBuf>,
    /// List every wrong item, not only the figures.
    #[arg(long)]
    pub verbose: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let default = match args.suite.as_str() {
        "zyte" => "../shared/corpora/html-extraction/article-extraction-benchmark",
        "trafilatura" => "../shared/corpora/html-extraction/trafilatura-eval-en-news",
        "readability" => "../shared/corpora/html-extraction/readability-test-pages",
        _ => "../shared/corpora/feeds",
    };
    let path = args.path.unwrap_or_else(|| PathBuf::from(default));
    if !path.exists() {
        anyhow::bail!(
            "{}: not found; pass the corpus folder (attache ingest-eval {} PATH)",
            path.display(),
            args.suite
        );
    }
    let started = std::time::Instant::now();
    let fail = |e: String| anyhow::anyhow!(e);
    match args.suite.as_str() {
        "zyte" => {
            let r = eval::eval_zyte(&path).map_err(fail)?;
            println!(
                "zyte article-extraction benchmark: {} pages, precision {:.3}, recall {:.3}, F1 {:.3} ({} texts with paragraph breaks)",
                r.pages, r.precision, r.recall, r.f1, r.with_paragraphs
            );
            if args.verbose {
                for (key, url, f1) in &r.worst {
                    println!("  low F1 {f1:.3} {key} {url}");
                }
            }
        }
        "trafilatura" => {
            let r = eval::eval_trafilatura(&path).map_err(fail)?;
            println!(
                "trafilatura English news: {} pages, snippets right {}/{} = {:.3}",
                r.pages,
                r.right,
                r.snippets,
                r.rate()
            );
            if args.verbose {
                r.wrong.iter().for_each(|w| println!("  {w}"));
            }
        }
        "readability" => {
            let r = eval::eval_readability(&path).map_err(fail)?;
            println!(
                "readability test pages: titles right {}/{}, dates right {}/{} (pages with a date)",
                r.titles_right, r.pages, r.dates_right, r.dated_pages
            );
            if args.verbose {
                r.wrong.iter().for_each(|w| println!("  {w}"));
            }
        }
        _ => {
            let r = eval::eval_feeds(&path).map_err(fail)?;
            println!("feed fixtures: {}/{} as expected", r.passed, r.checked);
            for l in &r.lines {
                if args.verbose || l.starts_with("FAIL") {
                    println!("  {l}");
                }
            }
        }
    }
    eprintln!("({:.1} s)", started.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}
