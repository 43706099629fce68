//! Memory stays flat on big inputs: a 1 GB generated JSON Lines file (gzip-compressed too)
//! and a 50 MB single-line text file are streamed in a child process whose peak resident
//! memory (VmHWM) must stay under 200 MB.
//!
//! Ignored by default (it writes ~1 GB and takes a while in debug builds); run it with
//! `cargo test --release -p attache-ingest --test memory -- --ignored`.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::Command;

use attache_ingest::{read_inputs, Input, ReadOptions};

const CHILD_ENV: &str = "ATTACHE_INGEST_MEMORY_CHILD";

fn peak_rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The child: streams the files named in the environment and prints counts and peak memory.
#[test]
#[ignore]
fn memory_child() {
    let Ok(paths) = std::env::var(CHILD_ENV) else {
        eprintln!("SKIP: only run as the child of big_inputs_stream_in_flat_memory");
        return;
    };
    let paths: Vec<PathBuf> = paths.split(':').map(PathBuf::from).collect();
    let (mut docs, mut other, mut bytes) = (0u64, 0u64, 0u64);
    for input in read_inputs(&paths, &ReadOptions::default()) {
        match input {
            Input::Document(a) => {
                docs += 1;
                bytes += a.doc.text.map_or(0, |t| t.len() as u64);
            }
            _ => other += 1,
        }
    }
    println!(
        "CHILD docs={docs} other={other} text_bytes={bytes} vmhwm_kb={}",
        peak_rss_kb()
    );
}

#[test]
#[ignore]
fn big_inputs_stream_in_flat_memory() {
    let dir = std::env::temp_dir().join(format!("attache-ingest-mem-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let jsonl = dir.join("big.jsonl");
    let gz = dir.join("big2.jsonl.gz");
    let line_file = dir.join("one_line.txt");
    let para = "The delegations of the two governments met again on Tuesday to discuss tariffs, \
        export quotas and the timetable for a new agreement, officials said after the talks. ";
    let body = para.repeat(12);
    let (mut n, mut written) = (0u64, 0u64);
    {
        let mut w = BufWriter::new(std::fs::File::create(&jsonl).unwrap());
        while written < 1_000_000_000 {
            let line = format!(
                "{{\"id\":\"d{n}\",\"text\":\"{body} Story {n}.\",\"published\":\"2024-06-12\"}}\n"
            );
            w.write_all(line.as_bytes()).unwrap();
            written += line.len() as u64;
            n += 1;
        }
    }
    {
        let mut w = flate2::write::GzEncoder::new(
            BufWriter::new(std::fs::File::create(&gz).unwrap()),
            flate2::Compression::fast(),
        );
        for i in 0..20_000 {
            writeln!(w, "{{\"id\":\"g{i}\",\"text\":\"{body}\"}}").unwrap();
        }
        w.finish().unwrap();
    }
    {
        let mut w = BufWriter::new(std::fs::File::create(&line_file).unwrap());
        for _ in 0..(50_000_000 / para.len()) {
            w.write_all(para.as_bytes()).unwrap();
        }
    }
    let paths = [&jsonl, &gz, &line_file]
        .map(|p| p.display().to_string())
        .join(":");
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "memory_child", "--ignored", "--nocapture"])
        .env(CHILD_ENV, &paths)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("CHILD "))
        .unwrap_or_else(|| {
            panic!(
                "child printed no result: {stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
    eprintln!("{line} (input: {written} bytes of JSON Lines in {n} lines, 20000 gzip lines, 50 MB one-line text)");
    let field = |k: &str| -> u64 {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(k)?.strip_prefix('=')?.parse().ok())
            .unwrap()
    };
    assert_eq!(field("docs"), n + 20_000 + 1, "every document read");
    assert!(
        field("vmhwm_kb") < 200 * 1024,
        "peak memory {} kB",
        field("vmhwm_kb")
    );
}
