//! `attache ingest`: read articles, code them and store them in the SQLite store, in
//! batches of one transaction each; reruns resume (documents already stored are not
//! coded again).

use std::collections::HashSet;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use attache_core::{CodeOptions, Engine};
use attache_ingest::Input;
use attache_model::Document;
use attache_store::{BatchStats, Store};

use super::code::{read_options, InputKind};
use super::input::parse_date;

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories or `-` (JSON Lines, text, HTML, feeds, Reuters SGML, .gz).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The database file (created if missing).
    #[arg(long, default_value = "attache.db")]
    pub db: PathBuf,
    /// Documents per transaction.
    #[arg(long, default_value_t = 200)]
    pub batch: usize,
    /// The inputs are already coded documents (JSON Lines from `attache code --format jsonl`).
    #[arg(long)]
    pub coded: bool,
    /// Code documents again even when their id is already stored (replaces changed ones).
    #[arg(long)]
    pub recode: bool,
    /// Publication date (YYYY-MM-DD) for inputs that have none.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
    /// Read every input as this kind instead of detecting it from content.
    #[arg(long, value_enum)]
    pub input: Option<InputKind>,
    /// A directory of extra dictionary entries.
    #[arg(long = "dict")]
    pub dicts: Vec<PathBuf>,
    /// Keep documents whose language is not English.
    #[arg(long)]
    pub all_languages: bool,
    /// Threads that code documents (default: the number of CPUs).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// No progress line.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Progress on stderr: a rewritten line on a terminal, a line every 10 s otherwise.
struct ProgressLine {
    start: Instant,
    last: Instant,
    tty: bool,
    quiet: bool,
}

impl ProgressLine {
    fn new(quiet: bool) -> Self {
        let now = Instant::now();
        ProgressLine {
            start: now,
            last: now,
            tty: std::io::stderr().is_terminal(),
            quiet,
        }
    }
    fn show(&mut self, seen: u64, t: &BatchStats, force: bool) {
        let every = if self.tty { 0.25 } else { 10.0 };
        if self.quiet || (!force && self.last.elapsed().as_secs_f64() < every) {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let line = format!(
            "{seen} read, {} stored, {} unchanged, {} replaced · {} events, {} facts · {:.0} docs/s",
            t.inserted,
            t.skipped,
            t.updated,
            t.events,
            t.facts,
            seen as f64 / secs
        );
        if self.tty {
            eprint!("\r\x1b[2K{line}");
            if force {
                eprintln!();
            }
        } else {
            eprintln!("{line}");
        }
    }
}

/// One input as a document to store: coded, or empty with a warning when it could not be a
/// document; `Err` for an input that could not be read at all (reported, not stored).
fn to_document(engine: &Engine, opts: &CodeOptions, item: Input) -> Result<Document, String> {
    Ok(match item {
        Input::Document(a) => {
            let mut doc = engine.code(&a.doc, opts);
            if a.published_basis.is_some() && a.doc.published.is_some() && doc.published.is_some() {
                doc.published_basis = a.published_basis;
            }
            if a.language.is_some() {
                doc.language = a.language.clone();
            }
            let mut w = a.warnings.clone();
            w.append(&mut doc.warnings);
            doc.warnings = w;
            doc
        }
        Input::Invalid { id, warning } => Document::empty(id, warning),
        Input::Skipped { article, reason } => {
            let id = article
                .doc
                .id
                .clone()
                .unwrap_or_else(|| article.origin.clone());
            let mut d = Document::empty(id, format!("skipped: {reason}"));
            d.language = article.language.clone();
            d
        }
        Input::Error { source, message } => return Err(format!("{source}: {message}")),
    })
}

/// Codes a batch on `jobs` threads (documents are independent), keeping input order.
fn code_parallel(
    engine: &Engine,
    opts: &CodeOptions,
    items: Vec<Input>,
    jobs: usize,
) -> Vec<Result<Document, String>> {
    if jobs <= 1 || items.len() < 2 {
        return items
            .into_iter()
            .map(|i| to_document(engine, opts, i))
            .collect();
    }
    let per = items.len().div_ceil(jobs);
    let mut chunks: Vec<Vec<Input>> = Vec::new();
    let mut it = items.into_iter().peekable();
    while it.peek().is_some() {
        chunks.push(it.by_ref().take(per).collect());
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .into_iter()
                        .map(|i| to_document(engine, opts, i))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|_| vec![Err("a coding thread panicked".to_string())])
            })
            .collect()
    })
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(&args.db)?;
    let mut progress = ProgressLine::new(args.quiet);
    let mut seen = 0u64;
    let mut failures = 0usize;
    let mut total = BatchStats::default();
    let mut batch: Vec<Document> = Vec::with_capacity(args.batch.max(1));
    let flush = |store: &mut Store,
                 batch: &mut Vec<Document>,
                 total: &mut BatchStats|
     -> anyhow::Result<()> {
        if !batch.is_empty() {
            total.add(&store.ingest_batch(batch)?);
            batch.clear();
        }
        Ok(())
    };

    if args.coded {
        for path in &args.inputs {
            let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
                Box::new(std::io::stdin().lock())
            } else {
                let f = std::fs::File::open(path)
                    .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", path.display()))?;
                Box::new(std::io::BufReader::new(f))
            };
            for (i, line) in reader.lines().enumerate() {
                let line = line.map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                if line.trim().is_empty() {
                    continue;
                }
                seen += 1;
                match serde_json::from_str::<Document>(&line) {
                    Ok(d) => batch.push(d),
                    Err(e) => {
                        eprintln!(
                            "attache: {}:{}: not a coded document: {e}",
                            path.display(),
                            i + 1
                        );
                        failures += 1;
                    }
                }
                if batch.len() >= args.batch.max(1) {
                    flush(&mut store, &mut batch, &mut total)?;
                    progress.show(seen, &total, false);
                }
            }
        }
    } else {
        let engine = Engine::load(&args.dicts)?;
        let opts = CodeOptions {
            date: args.date,
            ..Default::default()
        };
        let read = read_options(args.input, args.all_languages);
        let jobs = args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .clamp(1, 32);
        let mut resumed = 0u64;
        let mut pending: Vec<Input> = Vec::with_capacity(args.batch.max(1));
        let mut pending_ids: HashSet<String> = HashSet::new();
        let code_and_store = |pending: &mut Vec<Input>,
                              pending_ids: &mut HashSet<String>,
                              store: &mut Store,
                              total: &mut BatchStats,
                              failures: &mut usize|
         -> anyhow::Result<()> {
            let items: Vec<Input> = std::mem::take(pending);
            pending_ids.clear();
            let mut docs = Vec::with_capacity(items.len());
            for r in code_parallel(&engine, &opts, items, jobs) {
                match r {
                    Ok(d) => docs.push(d),
                    Err(msg) => {
                        eprintln!("attache: {msg}");
                        *failures += 1;
                    }
                }
            }
            total.add(&store.ingest_batch(&docs)?);
            Ok(())
        };
        for item in attache_ingest::read_inputs(&args.inputs, &read) {
            seen += 1;
            // Resume: an id already stored (or already waiting in this batch) is not coded again.
            if !args.recode {
                if let Some(id) = item.id() {
                    if pending_ids.contains(id) || store.contains(id)? {
                        resumed += 1;
                        total.skipped += 1;
                        progress.show(seen, &total, false);
                        continue;
                    }
                    pending_ids.insert(id.to_string());
                }
            }
            pending.push(item);
            if pending.len() >= args.batch.max(1) {
                code_and_store(
                    &mut pending,
                    &mut pending_ids,
                    &mut store,
                    &mut total,
                    &mut failures,
                )?;
            }
            progress.show(seen, &total, false);
        }
        code_and_store(
            &mut pending,
            &mut pending_ids,
            &mut store,
            &mut total,
            &mut failures,
        )?;
        if resumed > 0 && !args.quiet {
            eprintln!("attache: {resumed} documents were already stored (resumed run)");
        }
    }
    flush(&mut store, &mut batch, &mut total)?;
    store.checkpoint()?;
    progress.show(seen, &total, true);
    let secs = progress.start.elapsed().as_secs_f64();
    let summary = serde_json::json!({
        "db": args.db.display().to_string(),
        "read": seen,
        "inserted": total.inserted,
        "updated": total.updated,
        "unchanged": total.skipped,
        "events": total.events,
        "facts": total.facts,
        "failed_inputs": failures,
        "seconds": (secs * 1000.0).round() / 1000.0,
        "docs_per_second": if secs > 0.0 { (seen as f64 / secs * 10.0).round() / 10.0 } else { 0.0 },
        "db_bytes": std::fs::metadata(&args.db).map(|m| m.len()).unwrap_or(0),
    });
    let mut out = std::io::stdout().lock();
    writeln!(out, "{summary}")?;
    Ok(if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
