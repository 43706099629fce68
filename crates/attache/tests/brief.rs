//! `attache brief` through the binary: the reference article ingested, its KOR-KAZ brief in
//! Markdown and HTML, and a pair without records (said plainly, exit 0). The brief's content is
//! tested in crates/attache-brief/tests; this checks the command and the web page around it.

use std::path::PathBuf;
use std::process::Command;

fn attache() -> Command {
    Command::new(env!("CARGO_BIN_EXE_attache"))
}

#[test]
fn brief_command_writes_the_pair_report_and_says_when_there_is_nothing() {
    let article =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/seed/article.txt");
    if !article.is_file() {
        eprintln!(
            "SKIP: {} is absent (../shared is not checked out next to the repository)",
            article.display()
        );
        return;
    }
    let dir = std::env::temp_dir().join(format!("attache-brief-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("b.db");
    let st = attache()
        .args(["ingest", "--quiet", "--jobs", "1", "--db"])
        .arg(&db)
        .arg(&article)
        .output()
        .unwrap();
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );

    let md = attache()
        .args(["brief", "KOR-KAZ", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        md.status.success(),
        "{}",
        String::from_utf8_lossy(&md.stderr)
    );
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("January 1992"), "{md}");
    assert!(md.contains("## Sources"), "{md}");
    assert!(md.contains("[1]"), "{md}");

    let html = attache()
        .args(["brief", "kaz-kor", "--format", "html", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(html.status.success());
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains(r#"id="src-1""#));

    // A window with no documents, and a pair with no records: said plainly, exit 0.
    for args in [
        vec!["brief", "KOR-KAZ", "--from", "2026"],
        vec!["brief", "BRA-JPN"],
    ] {
        let out = attache().args(&args).arg("--db").arg(&db).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("No records for"), "{args:?}: {text}");
    }

    // The dashboard page of the same brief.
    let server = attache_web::spawn(&db, "127.0.0.1:0").unwrap();
    let page = attache_web::client::get(&server.url("/pairs/KAZ-KOR/brief")).unwrap();
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Diplomatic relations"), "{}", page.body);
    assert!(page.body.contains("/documents/"), "{}", page.body);
    let page = attache_web::client::get(&server.url("/pairs/BRA-JPN/brief")).unwrap();
    assert_eq!(page.status, 200);
    assert!(page.body.contains("No records for BRA-JPN"));
}
