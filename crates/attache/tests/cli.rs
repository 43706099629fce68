//! The binary on bad and good input: clear messages, non-zero exits where nothing could be
//! read, never a panic, and no input document dropped silently.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_attache"))
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("attache-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn code(path: &Path) -> Output {
    bin()
        .args(["code", "--format", "jsonl"])
        .arg(path)
        .output()
        .unwrap()
}

fn docs(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("each output line is a JSON document"))
        .collect()
}

fn no_panic(out: &Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "panic: {err}");
}

#[test]
fn empty_file_is_named_and_fails() {
    let d = tmpdir("empty");
    let f = d.join("empty.txt");
    std::fs::write(&f, "").unwrap();
    let out = code(&f);
    no_panic(&out);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
}

#[test]
fn binary_file_is_named_and_fails() {
    let d = tmpdir("binary");
    let f = d.join("photo.html");
    std::fs::write(&f, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01").unwrap();
    let out = code(&f);
    no_panic(&out);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("photo.html") && err.contains("binary"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let d = tmpdir("latin1");
    let f = d.join("latin1.txt");
    std::fs::write(
        &f,
        b"PARIS, March 3, 1987 - France met Germany in the caf\xe9 on Monday.\n",
    )
    .unwrap();
    let out = code(&f);
    no_panic(&out);
    assert!(out.status.success());
    let ds = docs(&out);
    assert_eq!(ds.len(), 1);
    let warnings = ds[0]["warnings"].to_string();
    assert!(warnings.contains("UTF-8"), "{warnings}");
    assert!(ds[0]["text"].as_str().unwrap().contains("café"));
}

#[test]
fn broken_jsonl_lines_each_give_a_document_with_a_warning() {
    let d = tmpdir("jsonl");
    let f = d.join("in.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"a\",\"text\":\"Japan criticized China.\",\"published\":\"2024-01-02\"}\nnot json at all\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"Peru met Chile.\",\"published\":\"bad-date\"}\n",
    )
    .unwrap();
    let out = code(&f);
    no_panic(&out);
    assert!(out.status.success());
    let ds = docs(&out);
    let ids: Vec<&str> = ds.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert_eq!(ids[0], "a");
    assert!(ids[1].contains("in.jsonl:2"), "{ids:?}");
    assert!(ds[1]["warnings"].to_string().contains("JSON"));
    assert!(ds[2]["warnings"].to_string().contains("text"));
    assert!(ds[3]["warnings"].to_string().contains("bad-date"));
    // the good line is coded
    assert_eq!(
        ds[0]["events"][0]["cameo"].as_str().map(|c| &c[..2]),
        Some("11")
    );
}

#[test]
fn fifty_megabytes_without_a_newline_is_coded() {
    let d = tmpdir("big");
    let f = d.join("big.txt");
    let unit = "Officials met in a long run-on report without any sentence end and ";
    let mut s = String::with_capacity(50 * 1024 * 1024 + unit.len());
    while s.len() < 50 * 1024 * 1024 {
        s.push_str(unit);
    }
    std::fs::write(&f, &s).unwrap();
    let out = code(&f);
    no_panic(&out);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ds = docs(&out);
    assert_eq!(ds.len(), 1);
}

#[test]
fn check_validates_the_tables_and_every_pattern_example() {
    let out = bin().arg("check").output().unwrap();
    no_panic(&out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("CAMEO event codes"));
}

#[test]
fn check_reports_a_bad_user_table_with_file_line_and_reason() {
    let d = tmpdir("dict");
    std::fs::create_dir_all(d.join("en")).unwrap();
    std::fs::write(
        d.join("en/events.tsv"),
        "code\tpattern\texample\texpect\n999\t+frobnicate\tX frobnicated Y.\t\n",
    )
    .unwrap();
    let out = bin().arg("check").arg("--dict").arg(&d).output().unwrap();
    no_panic(&out);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("events.tsv:2") && err.contains("D040"),
        "{err}"
    );
}

#[test]
fn a_user_pattern_extends_the_engine() {
    let d = tmpdir("userdict");
    std::fs::create_dir_all(d.join("en")).unwrap();
    std::fs::write(
        d.join("en/events.tsv"),
        "code\tpattern\texample\texpect\n042\t+drop in on\tNorway dropped in on Sweden.\tNOR>SWE\n",
    )
    .unwrap();
    let f = d.join("a.txt");
    std::fs::write(
        &f,
        "OSLO, May 2, 2024 - Norway dropped in on Denmark on Tuesday.\n",
    )
    .unwrap();
    let out = bin()
        .args(["code", "--format", "jsonl", "--dict"])
        .arg(&d)
        .arg(&f)
        .output()
        .unwrap();
    no_panic(&out);
    let ds = docs(&out);
    let ev = &ds[0]["events"][0];
    assert_eq!(ev["cameo"], "042");
    assert_eq!(ev["source"]["country"], "NOR");
    assert_eq!(ev["target"]["country"], "DNK");
    assert_eq!(ev["date"], "2024-04-30");
}

#[test]
fn explain_names_the_rules() {
    let d = tmpdir("explain");
    let f = d.join("a.txt");
    std::fs::write(
        &f,
        "WARSAW, November 12, 2025 - Germany criticized Poland on Tuesday.\n",
    )
    .unwrap();
    let out = bin().arg("explain").arg(&f).output().unwrap();
    no_panic(&out);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("pattern events.tsv:"), "{s}");
    assert!(s.contains("date from the clause"), "{s}");
}

#[test]
fn untargeted_events_are_kept_only_when_asked() {
    let d = tmpdir("untargeted");
    let f = d.join("greece.txt");
    std::fs::write(&f, "ATHENS, May 3 - Greece rejected the idea on Monday.\n").unwrap();
    let events = |extra: &[&str]| {
        let out = bin()
            .args(["code", "--format", "jsonl", "--date", "2024-05-03"])
            .args(extra)
            .arg(&f)
            .output()
            .unwrap();
        no_panic(&out);
        assert!(out.status.success());
        docs(&out)[0]["events"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    };
    assert!(events(&[]).is_empty());
    let kept = events(&["--untargeted-events"]);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(kept[0]["source"]["country"], "GRC");
    assert!(kept[0]["target"].is_null(), "{kept:?}");
}
