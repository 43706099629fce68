#[test]
fn scratch() {
    let text = std::fs::read_to_string("/work/shared/fixtures/seed/article.txt").unwrap();
    for t in attache_time::extract(&text, Some(jiff::civil::date(2025, 7, 25))) {
        println!(
            "T {:?} {} {} {:?} {:?} {:?} {}",
            &text[t.start..t.end],
            t.kind.as_str(),
            t.value,
            t.modifier,
            t.signal,
            t.range,
            t.rule
        );
    }
    for q in attache_quant::extract(&text, &Default::default()) {
        println!(
            "Q {:?} {} {} {:?} {:?} {:?}",
            &text[q.start..q.end],
            q.kind.as_str(),
            q.value,
            q.unit,
            q.qualifier,
            q.range
        );
    }
}
