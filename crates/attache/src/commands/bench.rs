//! `attache bench`: coding throughput on a real corpus, on one thread. Reads every document
//! first (reading is not measured), then codes them all and reports articles/s, sentences/s
//! and MB/s of text.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use attache_core::{CodeOptions, Engine};
use attache_ingest::{read_inputs, Input, ReadOptions};

#[derive(clap::Args)]
pub struct Args {
    /// Corpus files or directories (default: ../shared/corpora/reuters21578).
    pub inputs: Vec<PathBuf>,
    /// Code at most this many documents.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Repeat the coding pass this many times and report the best.
    #[arg(long, default_value_t = 1)]
    pub repeat: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("../shared/corpora/reuters21578")]
    } else {
        args.inputs.clone()
    };
    for p in &inputs {
        if !p.exists() {
            anyhow::bail!(
                "{}: no such corpus (give files or directories to benchmark on)",
                p.display()
            );
        }
    }
    let engine = Engine::load(&[])?;
    let read = ReadOptions {
        english_only: false,
        ..ReadOptions::default()
    };
    let mut docs = Vec::new();
    for item in read_inputs(&inputs, &read) {
        if let Input::Document(a) = item {
            if a.doc.text.as_deref().is_some_and(|t| !t.trim().is_empty()) {
                docs.push(a.doc);
            }
        }
        if args.limit.is_some_and(|l| docs.len() >= l) {
            break;
        }
    }
    let bytes: usize = docs
        .iter()
        .map(|d| d.text.as_deref().map_or(0, str::len))
        .sum();
    let sentences: usize = docs
        .iter()
        .map(|d| attache_text::split_sentences(d.text.as_deref().unwrap_or("")).len())
        .sum();
    let opts = CodeOptions::default();
    let mut best = f64::MAX;
    let mut events = 0;
    let mut facts = 0;
    for _ in 0..args.repeat.max(1) {
        let t = Instant::now();
        events = 0;
        facts = 0;
        for d in &docs {
            let out = engine.code(d, &opts);
            events += out.events.len();
            facts += out.facts.len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let secs = best.max(1e-9);
    println!(
        "corpus      {} documents, {} sentences, {:.1} MB of text",
        docs.len(),
        sentences,
        bytes as f64 / 1e6
    );
    println!("coded       {events} events, {facts} facts in {secs:.2} s (one thread)");
    println!("articles/s  {:.0}", docs.len() as f64 / secs);
    println!("sentences/s {:.0}", sentences as f64 / secs);
    println!("MB/s        {:.2}", bytes as f64 / 1e6 / secs);
    Ok(ExitCode::SUCCESS)
}
