//! End to end through the binary: `ingest --coded` of coded documents (twice: the second run
//! changes nothing), `export` in each format, `serve` on loopback and `bench-api` from a
//! second process.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

fn attache() -> Command {
    Command::new(env!("CARGO_BIN_EXE_attache"))
}

fn run_json(c: &mut Command) -> serde_json::Value {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    serde_json::from_str(stdout.lines().last().unwrap()).unwrap()
}

#[test]
fn ingest_export_serve_and_bench_through_the_binary() {
    let dir = std::env::temp_dir().join(format!("attache-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let coded = dir.join("coded.jsonl");
    let db = dir.join("cli.db");
    let docs = attache_store::sample::documents(60);
    {
        let mut f = std::fs::File::create(&coded).unwrap();
        for d in &docs {
            writeln!(f, "{}", serde_json::to_string(d).unwrap()).unwrap();
        }
    }
    let ingest = |db: &Path| {
        run_json(
            attache()
                .args(["ingest", "--coded", "--batch", "7", "--quiet"])
                .arg(&coded)
                .arg("--db")
                .arg(db),
        )
    };
    let first = ingest(&db);
    assert_eq!(first["inserted"], 60);
    let second = ingest(&db);
    assert_eq!(second["inserted"], 0);
    assert_eq!(second["unchanged"], 60);

    let events: usize = docs.iter().map(|d| d.events.len()).sum();
    for (format, check) in [("gdelt", 0), ("plover", 1), ("csv", 2)] {
        let out = dir.join(format!("x.{format}"));
        let st = attache()
            .args(["export", "--format", format, "--db"])
            .arg(&db)
            .arg("--out")
            .arg(&out)
            .status()
            .unwrap();
        assert!(st.success());
        let text = std::fs::read_to_string(&out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        match check {
            0 => {
                assert_eq!(lines.len(), events);
                assert!(lines.iter().all(|l| l.split('\t').count() == 61));
            }
            1 => assert_eq!(lines.len(), events),
            _ => assert_eq!(lines.len(), events + 1),
        }
    }
    let st = attache()
        .args(["export", "--format", "gdelt", "--pair", "kor-jpn", "--db"])
        .arg(&db)
        .stdout(Stdio::piped())
        .output()
        .unwrap();
    assert!(st.status.success());
    let n_pair = String::from_utf8(st.stdout).unwrap().lines().count();
    assert!(n_pair > 0 && n_pair < events);
    let bad = attache()
        .args(["export", "--format", "xml", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!bad.status.success());

    // serve on an ephemeral loopback port; the address is printed on stderr.
    let mut server = attache()
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(server.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim_end_matches('/')
        .to_string();
    let bench = run_json(attache().args([
        "bench-api",
        "--url",
        &format!("{url}/api/pairs/KAZ-KOR"),
        "--requests",
        "300",
        "--concurrency",
        "4",
        "--warmup",
        "10",
    ]));
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(bench["errors"], 0);
    assert_eq!(bench["requests_ok"], 300);
    let p50 = bench["latency_ms"]["p50"].as_f64().unwrap();
    let p99 = bench["latency_ms"]["p99"].as_f64().unwrap();
    assert!(p50 > 0.0 && p99 >= p50);
    // Non-loopback targets are refused.
    let out = attache()
        .args(["bench-api", "--url", "http://192.0.2.1:80/"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}
