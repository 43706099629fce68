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
    // Floors a little under the rates reached, to catch regressions.
    let floors = [
        ("Number/NumberModel", 0.90),
        ("Number/NumberRangeModel", 0.88),
        ("Number/PercentModel", 0.80),
        ("NumberWithUnit/CurrencyModel", 0.88),
        ("DateTime/DateParser", 0.83),
        ("DateTime/DatePeriodParser", 0.82),
    ];
    for (name, floor) in floors {
        let row = r
            .rows
            .iter()
            .find(|x| x.name == name)
            .unwrap_or_else(|| panic!("no row {name}"));
        assert!(
            row.rate() >= floor,
            "{} fell to {:.1}% (floor {:.0}%)",
            row.name,
            100.0 * row.rate(),
            100.0 * floor
        );
    }
}

#[test]
fn duckling_floors() {
    let Some(p) = shared("gold/duckling/duckling_en_corpus.json") else {
        return;
    };
    let r = attache_eval::duckling(&p).unwrap();
    println!("{r}");
    for (name, floor) in [
        ("numeral", 0.92),
        ("ordinal", 0.92),
        ("amount-of-money", 0.92),
        ("time", 0.15),
    ] {
        let row = r
            .rows
            .iter()
            .find(|x| x.name == name)
            .unwrap_or_else(|| panic!("no row {name}"));
        assert!(
            row.rate() >= floor,
            "{name} fell to {:.1}% (floor {:.0}%)",
            100.0 * row.rate(),
            100.0 * floor
        );
    }
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
