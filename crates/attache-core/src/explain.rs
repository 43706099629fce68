//! A readable account of one analysis: where the publication date came from, how each actor
//! was resolved, and for each event and fact the pattern or cue, the actors' resolution and
//! the date's source.

use std::fmt::Write;

use crate::{Analysis, Engine};

pub fn render(engine: &Engine, a: &Analysis) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "document {}", a.id);
    let _ = writeln!(
        s,
        "published {} ({}): {}",
        a.published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "unknown".into()),
        a.published_basis
            .map(|b| format!("{b:?}").to_lowercase())
            .unwrap_or_else(|| "-".into()),
        a.published_reason
    );
    if let Some(d) = &a.dateline {
        let _ = writeln!(
            s,
            "dateline {} → {} (source {})",
            d.place.as_deref().unwrap_or("-"),
            d.country.as_deref().unwrap_or("?"),
            d.source.as_deref().unwrap_or("-")
        );
    }
    for w in &a.warnings {
        let _ = writeln!(s, "warning: {w}");
    }
    let _ = writeln!(s, "\nactors");
    for (i, r) in a.actors.iter().enumerate() {
        let _ = writeln!(
            s,
            "  {:<32} {:<5} {:<12} {:?}  [{}]",
            r.name,
            r.country.as_deref().unwrap_or("-"),
            a.actor_codes[i].as_deref().unwrap_or("-"),
            r.kind,
            r.rule
        );
    }
    let _ = writeln!(s, "\nevents");
    for (i, e) in a.events.iter().enumerate() {
        let (sc, tc) = a.event_codes(i);
        let name = |x: Option<usize>| {
            x.map(|i| a.actors[i].name.clone())
                .unwrap_or_else(|| "-".into())
        };
        let pat = &engine.dict.patterns[e.pattern];
        let label = engine
            .dict
            .cameo_code(&e.code)
            .map(|c| c.label.clone())
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  {} {} ({label})",
            e.code,
            e.date.as_deref().unwrap_or("-")
        );
        let _ = writeln!(
            s,
            "    {} [{}] → {} [{}], {:?}, count {}",
            name(e.source),
            sc.as_deref().unwrap_or("-"),
            name(e.target),
            tc.as_deref().unwrap_or("-"),
            e.status,
            e.count
        );
        let _ = writeln!(s, "    pattern {}", pat.rule_name());
        let _ = writeln!(s, "    actors: {}", e.how);
        let _ = writeln!(s, "    date from the {}", e.date_source);
        for (si, sp) in &e.mentions {
            let _ = writeln!(
                s,
                "    sentence {si}: {}",
                a.text[sp.start..sp.end].replace('\n', " ")
            );
        }
    }
    let _ = writeln!(s, "\nfacts");
    for f in &a.facts {
        let _ = writeln!(
            s,
            "  {} {}→{} period {} value {} {} rank {} items {}",
            f.indicator,
            f.subject.as_deref().unwrap_or("-"),
            f.partner.as_deref().unwrap_or("-"),
            f.period.as_deref().unwrap_or("-"),
            f.value.map(|v| v.to_string()).unwrap_or_else(|| "-".into()),
            f.unit.as_deref().unwrap_or(""),
            f.rank.map(|v| v.to_string()).unwrap_or_else(|| "-".into()),
            f.items
                .as_ref()
                .map(|v| v.join(", "))
                .unwrap_or_else(|| "-".into()),
        );
        let _ = writeln!(s, "    {}", f.rule);
    }
    // consistency checks, as the output carries them
    let facts = crate::output::document(engine, &attache_model::InputDocument::default(), a).facts;
    let mut shown = std::collections::HashSet::new();
    for c in facts.iter().flat_map(|f| f.checks.iter()) {
        if shown.insert((c.kind.clone(), c.facts.clone())) {
            let _ = writeln!(
                s,
                "  check {} {} (facts {:?}): {}",
                c.kind, c.status, c.facts, c.message
            );
        }
    }
    let _ = writeln!(s, "\ntimes");
    for t in &a.times {
        let _ = writeln!(
            s,
            "  {:<24} {:<9} {:<16} rule {}",
            a.text[t.start..t.end].replace('\n', " "),
            t.kind.as_str(),
            t.value,
            t.rule
        );
    }
    let _ = writeln!(s, "\nquantities");
    for q in &a.quantities {
        let _ = writeln!(
            s,
            "  {:<24} {:<8} {} {} rule {}",
            a.text[q.start..q.end].replace('\n', " "),
            q.kind.as_str(),
            q.value,
            q.unit.as_deref().unwrap_or(""),
            q.rule
        );
    }
    s
}
