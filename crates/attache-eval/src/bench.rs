//! Throughput of the time and quantity stages over Reuters-21578 article bodies, one thread.

use std::path::Path;
use std::time::Instant;

use crate::{Report, Row};

/// Article bodies (`<BODY>` contents) of every `*.sgm` file in `dir`, read as Latin-1.
fn bodies(dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "sgm"))
        .collect();
    files.sort();
    if files.is_empty() {
        anyhow::bail!("{}: no .sgm files", dir.display());
    }
    let mut out = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).map_err(|e| anyhow::anyhow!("{}: {e}", f.display()))?;
        let text: String = bytes.iter().map(|&b| b as char).collect();
        let mut rest = text.as_str();
        while let Some(i) = rest.find("<BODY>") {
            let after = &rest[i + 6..];
            let Some(j) = after.find("</BODY>") else {
                break;
            };
            out.push(
                after[..j]
                    .replace("&lt;", "<")
                    .replace("&amp;", "&")
                    .replace("&gt;", ">"),
            );
            rest = &after[j + 7..];
        }
    }
    Ok(out)
}

/// CPU seconds used by this thread so far (Linux `/proc`), to measure throughput on a
/// machine shared with other work; `None` elsewhere.
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Measures MB/s of time + quantity extraction over the Reuters-21578 bodies in `dir`.
/// The report carries an error note instead of rows when the corpus cannot be read.
pub fn bench_reuters(dir: &Path) -> Report {
    let mut report = Report {
        title: format!(
            "time + quantity extraction over Reuters-21578 bodies ({}), one thread",
            dir.display()
        ),
        ..Default::default()
    };
    let docs = match bodies(dir) {
        Ok(d) => d,
        Err(e) => {
            report.notes.push(format!("error: {e:#}"));
            return report;
        }
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    let reference = Some(jiff::civil::date(1987, 3, 1));
    let ctx = attache_quant::QuantContext::default();
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let (mut nt, mut nq) = (0usize, 0usize);
    for _round in 0..5 {
        let t0 = Instant::now();
        let c0 = thread_cpu_secs();
        nt = 0;
        nq = 0;
        for d in &docs {
            let l = attache_quant::lex::Lexed::new(d);
            nt += attache_time::extract_lexed(&l, reference).len();
            nq += attache_quant::extract_lexed(&l, &ctx).len();
        }
        best = best.min(t0.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, thread_cpu_secs()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let mbs = bytes as f64 / 1e6 / best;
    let cpu = if best_cpu < f64::MAX && best_cpu > 0.0 {
        format!(
            ", {:.1} MB/s per CPU second (best of 5, {:.2} s)",
            bytes as f64 / 1e6 / best_cpu,
            best_cpu
        )
    } else {
        String::new()
    };
    report.rows.push(Row {
        name: "documents".into(),
        right: docs.len(),
        total: docs.len(),
        ..Default::default()
    });
    report.notes.push(format!("{} bodies, {:.1} MB, best of 5 wall: {:.3} s, {:.1} MB/s{cpu} (target 50 MB/s in release); {} times, {} quantities", docs.len(), bytes as f64 / 1e6, best, mbs, nt, nq));
    report
}
