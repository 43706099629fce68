//! Runs the reference suites when `../shared/gold` is present (skips with a message otherwise)
//! and guards against regressions with floors well under the current rates.

use std::path::PathBuf;

fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "SKIP: {} not found (the shared reference suites are not in this checkout)",
            p.display()
        );
        None
    }
}

#[test]
fn recognizers_text_floors() {
    let Some(p) = shared("gold/recognizers-text/Specs") else {
        return;
    };
    let r = attache_eval::recognizers_text(&p).unwrap();
    println!("{r}");
    for row in &r.rows {
        if row.name.ends_with("/NumberModel") || row.name.ends_with("/DateParser") {
            assert!(
                row.rate() > 0.3,
                "{} fell to {:.1}%",
                row.name,
                100.0 * row.rate()
            );
        }
    }
}

#[test]
fn duckling_floors() {
    let Some(p) = shared("gold/duckling/duckling_en_corpus.json") else {
        return;
    };
    let r = attache_eval::duckling(&p).unwrap();
    println!("{r}");
    let numeral = r.rows.iter().find(|x| x.name == "numeral").unwrap();
    assert!(numeral.rate() > 0.3);
}

#[test]
#[ignore = "throughput measurement; run with --ignored in release"]
fn reuters_throughput() {
    let Some(p) = shared("corpora/reuters21578") else {
        return;
    };
    let r = attache_eval::bench_reuters(&p);
    println!("{r}");
    assert!(r.notes.iter().all(|n| !n.starts_with("error")), "{r}");
}
