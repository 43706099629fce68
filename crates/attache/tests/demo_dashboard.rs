//! The README's path end to end: `attache ingest examples/demo`, `attache serve` on loopback,
//! and the busiest pair's page loaded in headless Debian chromium (content checked, a
//! screenshot saved under the target directory). Skips when chromium is not installed.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    let path = std::env::var("PATH").unwrap_or_default();
    ["chromium", "chromium-browser"]
        .iter()
        .flat_map(|n| path.split(':').map(move |d| Path::new(d).join(n)))
        .find(|p| p.is_file())
}

fn run_chromium(bin: &Path, profile: &Path, args: &[String]) -> String {
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    // Drain stdout while waiting so a large DOM cannot block the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
        s
    });
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

#[test]
fn demo_corpus_dashboard_in_headless_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("SKIP demo_corpus_dashboard_in_headless_chromium: chromium is not installed (apt-get install -y chromium)");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let demo = root.join("examples/demo");
    let dir = std::env::temp_dir().join(format!("attache-demo-ui-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("demo.db");
    let out = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(&demo)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut server = Command::new(env!("CARGO_BIN_EXE_attache"))
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
    let base = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no loopback address in {line:?}"))
        .trim_end_matches('/')
        .to_string();

    let pairs = attache_web::client::get(&format!("{base}/api/pairs"))
        .unwrap()
        .json();
    let top = &pairs["items"][0];
    let pair = top["pair"]
        .as_str()
        .expect("the demo corpus has a country pair")
        .to_string();
    assert!(top["events"].as_u64().unwrap() > 0);
    let has_facts = top["facts"].as_u64().unwrap() > 0;

    let profile = dir.join("profile");
    let url = format!("{base}/pairs/{pair}");
    let dom = run_chromium(&browser, &profile, &["--dump-dom".into(), url.clone()]);
    let _ = std::fs::remove_dir_all(&profile);
    let shots = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
        .join("screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let shot = shots.join(format!("demo-pair-{pair}.png"));
    let _ = std::fs::remove_file(&shot);
    run_chromium(
        &browser,
        &profile,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2200".into(),
            url,
        ],
    );
    let _ = server.kill();
    let _ = server.wait();

    assert!(dom.contains("Timeline of events"), "pair page not rendered");
    assert!(dom.matches("<svg").count() >= 2, "charts missing");
    assert!(dom.contains(r#"class="event q"#), "no events listed");
    assert!(dom.contains("/documents/"), "no links to the sentences");
    if has_facts {
        assert!(
            dom.contains(r#"<table class="facts">"#),
            "facts table missing"
        );
    }
    assert!(
        std::fs::metadata(&shot)
            .map(|m| m.len() > 10_000)
            .unwrap_or(false),
        "no screenshot at {}",
        shot.display()
    );
    eprintln!("screenshot: {}", shot.display());
}
