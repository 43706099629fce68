//! Throughput of tokenizing plus quantity extraction over Reuters-21578 bodies, one thread:
//! `cargo run --release -p attache-quant --example quant_bench -- [DIR] [ROUNDS]`.
//! Meant for profiling the quantity side alone (e.g. under callgrind with ROUNDS=1).

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/corpora/reuters21578".into());
    let rounds: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let mut files: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "sgm"))
            .collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(1);
        }
    };
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        let Ok(bytes) = std::fs::read(&f) else {
            eprintln!("{}: unreadable", f.display());
            continue;
        };
        // Latin-1: every byte is one character.
        let text: String = bytes.iter().map(|&b| b as char).collect();
        for part in text.split("<BODY>").skip(1) {
            if let Some(end) = part.find("</BODY>") {
                docs.push(part[..end].replace("&lt;", "<").replace("&amp;", "&"));
            }
        }
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let ctx = attache_quant::QuantContext::default();
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..rounds {
        let t0 = Instant::now();
        n = 0;
        for d in &docs {
            let l = attache_quant::lex::Lexed::new(d);
            n += attache_quant::extract_lexed(&l, &ctx).len();
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    println!(
        "{} bodies, {:.1} MB, {n} quantities, best of {rounds}: {:.3} s, {:.1} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best
    );
}
