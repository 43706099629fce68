//! Reading inputs end to end: formats by content, bad input with clear messages, directories,
//! gzip, and the Reuters records as the project's fixtures build them.

use std::io::Write;
use std::path::{Path, PathBuf};

use attache_ingest::{read_inputs, Format, Input, ReadOptions};

/// A fresh scratch directory for one test (removed at the start of the next run).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attache-ingest-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::File::create(path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn all(paths: &[PathBuf]) -> Vec<Input> {
    read_inputs(paths, &ReadOptions::default()).collect()
}

fn docs(inputs: &[Input]) -> Vec<&attache_ingest::Article> {
    inputs
        .iter()
        .filter_map(|i| match i {
            Input::Document(a) => Some(&**a),
            _ => None,
        })
        .collect()
}

fn errors(inputs: &[Input]) -> Vec<(String, String)> {
    inputs
        .iter()
        .filter_map(|i| match i {
            Input::Error { source, message } => Some((source.clone(), message.clone())),
            _ => None,
        })
        .collect()
}

const ARTICLE: &str =
    "SEOUL, June 3 - The foreign ministers of South Korea and Japan met in Seoul on \
Tuesday and agreed to resume regular talks on trade and security, officials said.";

#[test]
fn jsonl_with_broken_lines_keeps_every_line() {
    let dir = scratch("jsonl");
    let p = dir.join("batch.jsonl");
    let body = format!(
        "{{\"id\":\"a\",\"text\":\"{ARTICLE}\",\"published\":\"2024-06-04\",\"title\":\"Talks\"}}\n\
         {{not json\n\
         \n\
         {{\"id\":\"c\",\"published\":null}}\n\
         [1,2]\n\
         {{\"text\":\"{ARTICLE}\"}}\n"
    );
    write(&p, body.as_bytes());
    let got = all(&[p]);
    assert_eq!(got.len(), 5, "{got:#?}");
    let Input::Document(a) = &got[0] else {
        panic!("{:?}", got[0])
    };
    assert_eq!(a.doc.id.as_deref(), Some("a"));
    assert_eq!(a.doc.published.as_deref(), Some("2024-06-04"));
    assert_eq!(a.doc.title.as_deref(), Some("Talks"));
    assert_eq!(a.format, Some(Format::Jsonl));
    match &got[1] {
        Input::Invalid { id, warning } => {
            assert!(id.ends_with("batch.jsonl:2"), "{id}");
            assert!(
                warning.contains("line 2") && warning.contains("not valid JSON"),
                "{warning}"
            );
        }
        other => panic!("{other:?}"),
    }
    match &got[2] {
        Input::Invalid { id, warning } => {
            assert_eq!(id, "c");
            assert!(
                warning.contains("line 4") && warning.contains("text"),
                "{warning}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&got[3], Input::Invalid { warning, .. } if warning.contains("not an object")));
    // A line without id gets file:line as its id.
    assert!(got[4].id().unwrap().ends_with("batch.jsonl:6"));
}

#[test]
fn kinds_are_detected_from_content() {
    let dir = scratch("kinds");
    // JSON Lines in a file named .txt; a plain article with no extension; an HTML page named .txt.
    write(
        &dir.join("a_lines.txt"),
        format!("{{\"id\":\"x\",\"text\":\"{ARTICLE}\"}}\n").as_bytes(),
    );
    write(&dir.join("b_story"), ARTICLE.as_bytes());
    write(
        &dir.join("c_page.txt"),
        format!("<!DOCTYPE html><html><head><title>T</title></head><body><p>{ARTICLE}</p></body></html>").as_bytes(),
    );
    let got = all(&[dir]);
    let d = docs(&got);
    let formats: Vec<_> = d.iter().map(|a| a.format.unwrap()).collect();
    assert_eq!(
        formats,
        vec![Format::Jsonl, Format::Text, Format::Html],
        "{got:#?}"
    );
    assert_eq!(d[1].doc.id.as_deref(), Some("b_story"));
    assert!(d[2]
        .doc
        .text
        .as_deref()
        .unwrap()
        .contains("foreign ministers"));
    assert!(!d[2].doc.text.as_deref().unwrap().contains("<p>"));
}

#[test]
fn gzip_by_magic_and_truncated_gzip_named() {
    let dir = scratch("gz");
    let mut lines = String::new();
    for i in 0..200 {
        lines.push_str(&format!(
            "{{\"id\":\"d{i}\",\"text\":\"{ARTICLE} Item {i}.\"}}\n"
        ));
    }
    let gz = gzip(lines.as_bytes());
    write(&dir.join("good.jsonl.gz"), &gz);
    // Same data, gzip without the .gz name.
    write(&dir.join("hidden_gzip.jsonl"), &gz);
    // Cut in the middle: earlier documents still come out, then a clear error.
    write(&dir.join("truncated.jsonl.gz"), &gz[..gz.len() / 2]);
    let got = all(&[
        dir.join("good.jsonl.gz"),
        dir.join("hidden_gzip.jsonl"),
        dir.join("truncated.jsonl.gz"),
    ]);
    let d = docs(&got);
    assert!(d.len() >= 400, "{}", d.len());
    assert!(d.len() < 600);
    let errs = errors(&got);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].0.ends_with("truncated.jsonl.gz"));
    assert!(errs[0].1.contains("truncated gzip"), "{}", errs[0].1);
}

#[test]
fn bad_files_give_clear_messages_and_others_still_read() {
    let dir = scratch("bad");
    write(&dir.join("a_empty.txt"), b"");
    write(
        &dir.join("b_binary.html"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    );
    // Invalid UTF-8 in a text file: decoded as Windows-1252 with a warning.
    let mut latin = ARTICLE.as_bytes().to_vec();
    latin.extend_from_slice(b" Caf\xe9 talks \x93resumed\x94.");
    write(&dir.join("c_latin.txt"), &latin);
    std::os::unix::fs::symlink(dir.join("does-not-exist"), dir.join("d_dangling.txt")).unwrap();
    write(&dir.join("e_good.txt"), ARTICLE.as_bytes());
    // A file we cannot read: chmod 000 works for ordinary users; root reads it anyway, so the
    // dangling link above is the unreadable entry that always fails.
    let locked = dir.join("f_locked.txt");
    write(&locked, ARTICLE.as_bytes());
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root = std::fs::File::open(&locked).is_ok();
    // A FIFO inside a directory is skipped (opening it would block).
    let fifo = dir.join("g_fifo");
    let made_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());

    let got = all(std::slice::from_ref(&dir));
    let errs = errors(&got);
    let find = |name: &str| {
        errs.iter()
            .find(|(s, _)| s.ends_with(name))
            .map(|(_, m)| m.clone())
    };
    assert!(find("a_empty.txt").unwrap().contains("empty"));
    let bin = find("b_binary.html").unwrap();
    assert!(
        bin.contains("binary") && bin.contains("b_binary.html"),
        "{bin}"
    );
    let dangling = find("d_dangling.txt").unwrap();
    assert!(dangling.contains("dangling"), "{dangling}");
    if made_fifo {
        assert!(find("g_fifo").unwrap().contains("not a regular file"));
    }
    if root {
        eprintln!("running as root: chmod 000 does not stop reading; f_locked.txt is read");
    } else {
        assert!(find("f_locked.txt").unwrap().contains("Permission denied"));
    }
    let d = docs(&got);
    let ids: Vec<_> = d.iter().map(|a| a.doc.id.clone().unwrap()).collect();
    assert!(
        ids.contains(&"c_latin".to_string()) && ids.contains(&"e_good".to_string()),
        "{ids:?}"
    );
    let latin = d
        .iter()
        .find(|a| a.doc.id.as_deref() == Some("c_latin"))
        .unwrap();
    assert!(latin
        .doc
        .text
        .as_deref()
        .unwrap()
        .contains("Café talks \u{201C}resumed\u{201D}"));
    assert!(
        latin.warnings.iter().any(|w| w.contains("Windows-1252")),
        "{:?}",
        latin.warnings
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn directories_are_walked_recursively_in_sorted_order() {
    let dir = scratch("walk");
    std::fs::create_dir_all(dir.join("b/inner")).unwrap();
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join(".hidden")).unwrap();
    for (p, tag) in [
        ("b/inner/z.txt", "three"),
        ("a/y.txt", "one"),
        ("b/x.txt", "two"),
        (".hidden/w.txt", "no"),
    ] {
        write(&dir.join(p), format!("{ARTICLE} Part {tag}.").as_bytes());
    }
    let got = all(&[dir]);
    let ids: Vec<_> = docs(&got)
        .iter()
        .map(|a| a.doc.id.clone().unwrap())
        .collect();
    assert_eq!(ids, vec!["y", "z", "x"]);
}

#[test]
fn oversized_documents_are_cut_with_a_warning() {
    let dir = scratch("big");
    let p = dir.join("one_line.txt");
    let line = "word ".repeat(50_000); // 250 kB, no newline
    write(&p, line.as_bytes());
    let jl = dir.join("long.jsonl");
    write(
        &jl,
        format!(
            "{{\"id\":\"long\",\"text\":\"{line}\"}}\n{{\"id\":\"ok\",\"text\":\"{ARTICLE}\"}}\n"
        )
        .as_bytes(),
    );
    let opts = ReadOptions {
        max_doc_bytes: 10_000,
        ..ReadOptions::default()
    };
    let got: Vec<_> = read_inputs(&[p, jl], &opts).collect();
    let Input::Document(a) = &got[0] else {
        panic!("{:?}", got[0])
    };
    assert!(a.doc.text.as_ref().unwrap().len() <= 10_000);
    assert!(a
        .warnings
        .iter()
        .any(|w| w.contains("larger than 10000 bytes")));
    assert!(
        matches!(&got[1], Input::Invalid { id, warning } if id == "long" || warning.contains("cap")),
        "{:?}",
        got[1]
    );
    assert_eq!(got[2].id(), Some("ok"));
}

#[test]
fn non_english_documents_are_skipped_by_name() {
    let dir = scratch("lang");
    let p = dir.join("mixed.jsonl");
    write(
        &p,
        format!(
            "{{\"id\":\"de\",\"text\":\"Die Außenminister beider Länder trafen sich am Dienstag in Genf, um über die Waffenruhe und den Austausch von Gefangenen zu sprechen.\"}}\n{{\"id\":\"en\",\"text\":\"{ARTICLE}\"}}\n"
        )
        .as_bytes(),
    );
    let got = all(std::slice::from_ref(&p));
    match &got[0] {
        Input::Skipped { article, reason } => {
            assert_eq!(article.doc.id.as_deref(), Some("de"));
            assert!(
                reason.contains("de") && reason.contains("not in English"),
                "{reason}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&got[1], Input::Document(a) if a.language.as_deref() == Some("en")));
    // With the filter off, both are documents.
    let opts = ReadOptions {
        english_only: false,
        ..ReadOptions::default()
    };
    assert_eq!(
        read_inputs(&[p], &opts)
            .filter(|i| matches!(i, Input::Document(_)))
            .count(),
        2
    );
}

#[test]
fn reuters_sgml_is_read_record_by_record() {
    let dir = scratch("sgml");
    let rec = |id: u32, body: &str| {
        format!(
            "<REUTERS TOPICS=\"YES\" NEWID=\"{id}\">\n<DATE>11-MAR-1987 00:08:58.81</DATE>\n<TEXT>&#2;\n<TITLE>TITLE {id}</TITLE>\n<DATELINE>    OSLO, March 10 - </DATELINE><BODY>{body}\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
        )
    };
    let mut sgm = String::from("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n");
    sgm.push_str(&rec(
        1,
        "Norway's trade surplus widened to 2.1 billion crowns in February,\nofficials said.",
    ));
    sgm.push_str(&rec(2, "Exports of fish &amp; oil rose."));
    // A byte that is not UTF-8 (Latin-1), as in the real corpus.
    let mut bytes = sgm.into_bytes();
    bytes.extend_from_slice(
        rec(3, "Prices in Malm\u{f6} fell.")
            .replace('\u{f6}', "\u{1}")
            .as_bytes(),
    );
    let pos = bytes.iter().rposition(|&b| b == 1).unwrap();
    bytes[pos] = 0xf6;
    write(&dir.join("sample.sgm"), &bytes);
    let got = all(&[dir.join("sample.sgm")]);
    let d = docs(&got);
    assert_eq!(d.len(), 3, "{got:#?}");
    assert_eq!(d[0].doc.id.as_deref(), Some("reuters-1"));
    assert_eq!(d[0].doc.published.as_deref(), Some("1987-03-11"));
    assert_eq!(
        d[0].doc.text.as_deref(),
        Some("OSLO, March 10 - Norway's trade surplus widened to 2.1 billion crowns in February,\nofficials said.")
    );
    assert_eq!(
        d[1].doc.text.as_deref(),
        Some("OSLO, March 10 - Exports of fish & oil rose.")
    );
    assert!(d[2].doc.text.as_deref().unwrap().contains("Malmö"));
}

/// The shared Reuters files read into exactly the documents of the project's fixture set.
#[test]
fn reuters_matches_shared_fixtures() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let fixtures = shared.join("fixtures/reuters-dev/articles.jsonl");
    let corpus = shared.join("corpora/reuters21578");
    if !fixtures.exists() || !corpus.exists() {
        eprintln!(
            "SKIP: {} absent (shared data not available)",
            shared.display()
        );
        return;
    }
    let want: Vec<serde_json::Value> = std::fs::read_to_string(&fixtures)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    let ids: std::collections::HashSet<String> = want
        .iter()
        .map(|w| w["id"].as_str().unwrap().to_string())
        .collect();
    let mut found = std::collections::HashMap::new();
    let opts = ReadOptions {
        english_only: false,
        ..ReadOptions::default()
    };
    let mut total = 0;
    for input in read_inputs(&files, &opts) {
        if let Input::Document(a) = input {
            total += 1;
            let id = a.doc.id.clone().unwrap();
            if ids.contains(&id) {
                found.insert(id, a);
            }
        }
    }
    assert!(total >= 21_000, "read {total} records");
    for w in &want {
        let id = w["id"].as_str().unwrap();
        let a = found.get(id).unwrap_or_else(|| panic!("{id} not read"));
        assert_eq!(a.doc.text.as_deref(), w["text"].as_str(), "{id} text");
        assert_eq!(
            a.doc.published.as_deref(),
            w["published"].as_str(),
            "{id} published"
        );
    }
}

#[test]
fn a_broken_line_on_a_stream_is_not_lost() {
    let data = "{bad\n{\"id\":\"ok\",\"text\":\"Talks resumed.\"}\n";
    let got: Vec<_> =
        attache_ingest::read_stream("stdin", std::io::Cursor::new(data), &ReadOptions::default())
            .collect();
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(
        matches!(&got[0], Input::Invalid { id, .. } if id == "stdin:1"),
        "{:?}",
        got[0]
    );
    assert_eq!(got[1].id(), Some("ok"));
    // A single broken line alone is still a line with a warning.
    let got: Vec<_> = attache_ingest::read_stream(
        "stdin",
        std::io::Cursor::new("{bad\n"),
        &ReadOptions::default(),
    )
    .collect();
    assert!(matches!(&got[..], [Input::Invalid { .. }]), "{got:#?}");
}
