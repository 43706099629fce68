//! Data-driven checks of quantity extraction over our own example sentences (tests/cases.tsv).

use attache_quant::{extract, QuantContext};

#[test]
fn table_cases() {
    let table = include_str!("cases.tsv");
    let mut failures = Vec::new();
    for line in table.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let text = f[0].replace("\\n", "\n");
        let span = f[1].replace("\\n", "\n");
        let kind = f[2];
        let value: f64 = f[3].parse().unwrap();
        let unit = f.get(4).copied().filter(|s| !s.is_empty());
        let qual = f.get(5).copied().filter(|s| !s.is_empty());
        let range = f.get(6).copied().filter(|s| !s.is_empty());
        let got = extract(&text, &QuantContext::default());
        let hit = got.iter().find(|q| text[q.start..q.end] == span);
        let Some(q) = hit else {
            failures.push(format!(
                "{text:?}: no {span:?} in {:?}",
                got.iter()
                    .map(|q| &text[q.start..q.end])
                    .collect::<Vec<_>>()
            ));
            continue;
        };
        let mut errs = vec![];
        if q.kind.as_str() != kind {
            errs.push(format!("kind {}", q.kind.as_str()));
        }
        if (q.value - value).abs() > 1e-6 * value.abs().max(1.0) {
            errs.push(format!("value {}", q.value));
        }
        if q.unit.as_deref() != unit {
            errs.push(format!("unit {:?}", q.unit));
        }
        if q.qualifier.map(|x| x.as_str()) != qual {
            errs.push(format!("qualifier {:?}", q.qualifier));
        }
        if let Some(r) = range {
            let (a, b) = r.split_once(',').unwrap();
            let want = (a.parse::<f64>().unwrap(), b.parse::<f64>().unwrap());
            if q.range != Some(want) {
                errs.push(format!("range {:?}", q.range));
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
fn years_and_dates_are_not_quantities() {
    let text = "In 2023, on July 25, 2025 at 10:30, the 1990s ended; C5 met G7 on 7/25/2025.";
    let got = extract(text, &QuantContext::default());
    assert!(
        got.is_empty(),
        "{:?}",
        got.iter()
            .map(|q| &text[q.start..q.end])
            .collect::<Vec<_>>()
    );
}

#[test]
fn durations_with_counted_nouns_are_left_to_the_time_stage() {
    let text = "Output rose over the first four full years and 26 shopping days in 1986/87, \
                for two to three weeks.";
    let got = extract(text, &QuantContext::default());
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn character_references_are_not_quantities() {
    let text = "Profit rose 3 pct.  Reuter &#3;";
    let got = extract(text, &QuantContext::default());
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(&text[got[0].start..got[0].end], "3 pct");
}

#[test]
fn hong_kong_dollars_from_context() {
    let ctx = QuantContext {
        default_dollar: Some("HKD".into()),
    };
    let q = extract("Profit was 12 mln dlrs.", &ctx);
    assert_eq!(q[0].unit.as_deref(), Some("HKD"));
}

#[test]
fn odd_inputs_do_not_panic() {
    let odd = [
        "1e999999 dollars, 99999999999999999999999999 percent, $.",
        "1.2.3.4.5 million 1,2,3,4 ,,, ..5 -- -5 - 5 half half a a a",
        "one over zero, 0/0, 5/0, 3 out of 0, ½ ¾ ⅔",
        "US$ USD $ € £ ₩ 12,34,56,78,90 1.111.111,11",
        "",
        "ünïcödé €20 ₩500 — 3 percent",
        "1/4 o€ one half ofé two out of€ the % of a% 12,34,567 - 5-1/2 10-7/16x",
        "last but one next to last the second to last penultimate one before the last",
        "a third of 1,2,3 one-third two-thirds a fifth half a percentage point 7-9 lakh",
        "Net loss 5 vs los 6 Avg shrs 3 mln vs 2 mln &#3; 1986/87 20 or so 5 or more",
    ];
    for text in odd {
        for q in extract(text, &QuantContext::default()) {
            assert!(q.start <= q.end && q.end <= text.len(), "{text:?}: {q:?}");
            assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        }
        for n in attache_quant::numbers(text)
            .into_iter()
            .chain(attache_quant::percent_shares(text))
            .chain(attache_quant::numbers_split_ratios(text))
        {
            assert!(n.start <= n.end && n.end <= text.len(), "{text:?}: {n:?}");
            assert!(text.is_char_boundary(n.start) && text.is_char_boundary(n.end));
        }
        for r in attache_quant::relative_ordinals(text) {
            assert!(r.start <= r.end && r.end <= text.len(), "{text:?}: {r:?}");
        }
        for (s, e) in attache_quant::percent_words(text) {
            assert!(s <= e && e <= text.len());
        }
        for r in attache_quant::ranges_with(text, true) {
            assert!(r.start <= r.end && r.end <= text.len());
        }
    }
}
