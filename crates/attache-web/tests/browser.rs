//! Browser test: the pair page loaded by headless Debian chromium from a server on loopback.
//! Skips (with a message) when chromium is not installed; CI installs it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use attache_store::{sample, Store};

fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        for dir in std::env::var("PATH").unwrap_or_default().split(':') {
            let p = Path::new(dir).join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Where screenshots go: the workspace target directory (or CARGO_TARGET_DIR).
fn screenshot_dir() -> PathBuf {
    let base = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let d = base.join("screenshots");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs chromium with a fresh profile and a hard time limit; returns stdout.
fn run_chromium(bin: &Path, args: &[String]) -> String {
    let profile = std::env::temp_dir().join(format!(
        "attache-chromium-{}-{}",
        std::process::id(),
        args.len()
    ));
    let _ = std::fs::remove_dir_all(&profile);
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
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start chromium");
    // Read stdout while waiting: a DOM dump larger than the pipe buffer would block.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
        s
    });
    let start = std::time::Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = reader.join().unwrap();
    let _ = std::fs::remove_dir_all(&profile);
    out
}

#[test]
fn pair_page_in_headless_chromium() {
    let Some(bin) = chromium() else {
        eprintln!("SKIP pair_page_in_headless_chromium: chromium is not installed (apt-get install -y chromium)");
        return;
    };
    let dir = std::env::temp_dir().join(format!("attache-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("b.db");
    let mut store = Store::open(&db).unwrap();
    store.ingest_batch(&sample::documents(150)).unwrap();
    drop(store);
    let srv = attache_web::spawn(&db, "127.0.0.1:0").unwrap();
    let url = srv.url("/pairs/KAZ-KOR");

    let dom = run_chromium(&bin, &["--dump-dom".into(), url.clone()]);
    assert!(
        dom.contains("Timeline of events"),
        "page not rendered: {}",
        &dom[..dom.len().min(500)]
    );
    assert!(dom.matches("<svg").count() >= 3, "charts missing");
    assert!(
        dom.contains("Key events") && dom.contains(r#"class="event q"#),
        "events missing"
    );
    assert!(
        dom.contains("trade.total") && dom.contains("check flag"),
        "facts with flagged checks missing"
    );
    assert!(
        dom.contains("/documents/sample-"),
        "links to sentences missing"
    );

    let shots = screenshot_dir();
    for (name, path, h) in [
        ("pair-KAZ-KOR.png", "/pairs/KAZ-KOR", 3400),
        ("home.png", "/", 900),
        ("document.png", "/documents/sample-0000", 1100),
        ("search.png", "/search?q=pipeline", 900),
    ] {
        let file = shots.join(name);
        let _ = std::fs::remove_file(&file);
        run_chromium(
            &bin,
            &[
                format!("--screenshot={}", file.display()),
                format!("--window-size=1280,{h}"),
                srv.url(path),
            ],
        );
        let meta =
            std::fs::metadata(&file).unwrap_or_else(|_| panic!("no screenshot {}", file.display()));
        assert!(
            meta.len() > 10_000,
            "screenshot {} too small",
            file.display()
        );
        eprintln!("screenshot: {}", file.display());
    }
}
