//! `attache ingest`: read articles, code them and store them in the SQLite store, in
//! batches of one transaction each; reruns resume (documents already stored are not
//! coded again).

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use attache_core::{CodeOptions, Engine};
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
        let opts = CodeOptions { date: args.date };
        let read = read_options(args.input, args.all_languages);
        let mut resumed = 0u64;
        for item in attache_ingest::read_inputs(&args.inputs, &read) {
            seen += 1;
            // Resume: an id already stored is not coded again.
            if !args.recode {
                if let Some(id) = item.id() {
                    if store.contains(id)? || batch.iter().any(|d| d.id == id) {
                        resumed += 1;
                        total.skipped += 1;
                        progress.show(seen, &total, false);
                        continue;
                    }
                }
            }
            let doc = match item {
                attache_ingest::Input::Document(a) => {
                    let mut doc = engine.code(&a.doc, &opts);
                    if a.published_basis.is_some()
                        && a.doc.published.is_some()
                        && doc.published.is_some()
                    {
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
                attache_ingest::Input::Invalid { id, warning } => Document::empty(id, warning),
                attache_ingest::Input::Skipped { article, reason } => {
                    let id = article
                        .doc
                        .id
                        .clone()
                        .unwrap_or_else(|| article.origin.clone());
                    let mut d = Document::empty(id, format!("skipped: {reason}"));
                    d.language = article.language.clone();
                    d
                }
                attache_ingest::Input::Error { source, message } => {
                    eprintln!("attache: {source}: {message}");
                    failures += 1;
                    continue;
                }
            };
            batch.push(doc);
            if batch.len() >= args.batch.max(1) {
                flush(&mut store, &mut batch, &mut total)?;
            }
            progress.show(seen, &total, false);
        }
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
