//! Data-driven checks of time extraction over our own example sentences (tests/cases.tsv):
//! input, reference date, expected span ("-" for none), value, and optionally type, mod, range.

use attache_time::extract;
use jiff::civil::Date;

#[test]
fn table_cases() {
    let mut failures = Vec::new();
    for line in include_str!("cases.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let (text, reference, span, value) = (f[0], f[1], f[2], f[3]);
        let reference: Option<Date> = if reference == "-" {
            None
        } else {
            Some(reference.parse().unwrap())
        };
        let got = extract(text, reference);
        let shown: Vec<String> = got
            .iter()
            .map(|t| format!("{:?}={}", &text[t.start..t.end], t.value))
            .collect();
        if span == "-" {
            if !got.is_empty() {
                failures.push(format!("{text:?}: expected nothing, got {shown:?}"));
            }
            continue;
        }
        let Some(t) = got.iter().find(|t| &text[t.start..t.end] == span) else {
            failures.push(format!("{text:?}: no {span:?} in {shown:?}"));
            continue;
        };
        let mut errs = vec![];
        if t.value != value {
            errs.push(format!("value {}", t.value));
        }
        if let Some(k) = f.get(4).filter(|s| !s.is_empty()) {
            if t.kind.as_str() != *k {
                errs.push(format!("type {}", t.kind.as_str()));
            }
        }
        let want_mod = f.get(5).copied().filter(|s| !s.is_empty());
        if t.modifier.as_deref() != want_mod {
            errs.push(format!("mod {:?}", t.modifier));
        }
        if let Some(r) = f.get(6).filter(|s| !s.is_empty()) {
            if t.range.as_deref() != Some(*r) {
                errs.push(format!("range {:?}", t.range));
            }
        }
        if !errs.is_empty() {
            failures.push(format!("{text:?}: {}", errs.join(", ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn signals_stay_outside_spans() {
    let text = "Gangnam University has offered courses since 2006.";
    let t = &extract(text, None)[0];
    assert_eq!(&text[t.start..t.end], "2006");
    assert_eq!(t.signal.as_deref(), Some("since"));
}

#[test]
fn odd_inputs_do_not_panic() {
    let odd = [
        "99999999999999999999 years ago",
        "in 1e308 days from now; 4294967296 weeks after tomorrow",
        "the 99999th week of 2015, the 0th of May, 31/02/2020, 2/30, Feb 30 2021",
        "between 3 and and 12 of, from to, - - 12-",
        "’90s '",
        "Q9 2024 H3 1999 the 40th century of 9999",
        "",
        "ünïcödé 25 Jüly 2025 — 3 p.m. ₩ £ €",
    ];
    let r = Some(jiff::civil::date(2025, 7, 25));
    for text in odd {
        for t in extract(text, r).into_iter().chain(extract(text, None)) {
            assert!(t.start <= t.end && t.end <= text.len(), "{text:?}: {t:?}");
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
    }
}
