//! Serialization boundary: the pipeline's byte spans and records become the contract's
//! [`Document`] with code-point spans.

use attache_model::{
    Actor, ActorKind, Change, CharIndex, Document, Event, Fact, InputDocument, Location, Mention,
    Party, Place, Quantity, Timex,
};

use crate::{Analysis, Engine};

pub fn document(engine: &Engine, input: &InputDocument, a: &Analysis) -> Document {
    let idx = CharIndex::new(&a.text);
    let span = |s: usize, e: usize| idx.span(s, e);
    let sentence_text = |i: usize| -> String {
        a.sents
            .get(i)
            .map(|s| a.text[s.span.start..s.span.end].to_string())
            .unwrap_or_default()
    };

    let actors = a
        .actors
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            // adjectives that only modified other nouns are no actors
            a.mentions
                .iter()
                .any(|m| m.actor == *i && m.kind != crate::actors::MentionKind::Modifier)
        })
        .map(|(i, r)| Actor {
            name: r.name.clone(),
            country: r.country.clone(),
            code: a.actor_codes.get(i).cloned().flatten(),
            kind: r.kind,
            role: if r.former {
                r.role.as_ref().map(|x| format!("former {x}"))
            } else {
                r.role.clone()
            },
            mentions: r.mentions.iter().map(|m| span(m.start, m.end)).collect(),
            rule: Some(r.rule.clone()),
        })
        .collect();

    let party = |actor: Option<usize>, code: Option<String>| -> Option<Party> {
        let r = &a.actors[actor?];
        Some(Party {
            name: r.name.clone(),
            country: r.country.clone(),
            code,
        })
    };
    let events = a
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let (sc, tc) = a.event_codes(i);
            let cameo = engine.dict.cameo_code(&e.code);
            let pat = &engine.dict.patterns[e.pattern];
            Event {
                source: party(e.source, sc),
                target: party(e.target, tc),
                cameo: e.code.clone(),
                quad_class: cameo.map(|c| c.quad_class).unwrap_or(1),
                goldstein: cameo.map(|c| c.goldstein).unwrap_or(0.0),
                plover: cameo.and_then(|c| c.plover.clone()),
                plover_mode: cameo.and_then(|c| c.plover_mode.clone()),
                date: e.date.clone(),
                date_source: Some(e.date_source.to_string()),
                status: e.status,
                count: e.count,
                location: e.location.map(|l| {
                    let r = &a.actors[l];
                    Location {
                        name: r.name.clone(),
                        country: r.country.clone(),
                    }
                }),
                mentions: e
                    .mentions
                    .iter()
                    .map(|(s, sp)| Mention {
                        sentence: *s,
                        span: span(sp.start, sp.end),
                    })
                    .collect(),
                text: sentence_text(e.mentions[0].0),
                rule: Some(pat.rule_name()),
            }
        })
        .collect();

    let mut facts: Vec<Fact> = a
        .facts
        .iter()
        .map(|f| Fact {
            indicator: f.indicator.clone(),
            subject: f.subject.clone(),
            partner: f.partner.clone(),
            period: f.period.clone(),
            value: f.value,
            unit: f.unit.clone(),
            qualifier: f.qualifier.clone(),
            change: f.change.map(|(from, to)| Change { from, to }),
            rank: f.rank,
            items: f.items.clone(),
            mentions: vec![Mention {
                sentence: f.sentence,
                span: span(f.span.start, f.span.end),
            }],
            text: sentence_text(f.sentence),
            rule: Some(f.rule.clone()),
            checks: vec![],
        })
        .collect();
    crate::checks::annotate(&mut facts);

    let times = a
        .times
        .iter()
        .map(|t| Timex {
            text: a.text[t.start..t.end].to_string(),
            kind: t.kind.as_str().to_string(),
            value: t.value.clone(),
            r#mod: t.modifier.clone(),
            span: span(t.start, t.end),
            rule: Some(t.rule.to_string()),
        })
        .collect();
    let quantities = a
        .quantities
        .iter()
        .map(|q| Quantity {
            text: a.text[q.start..q.end].to_string(),
            kind: q.kind.as_str().to_string(),
            value: q.value,
            unit: q.unit.clone(),
            qualifier: q.qualifier.map(|x| x.as_str().to_string()),
            range: q.range.map(|(x, y)| [x, y]),
            span: span(q.start, q.end),
            rule: Some(q.rule.to_string()),
        })
        .collect();

    let _ = ActorKind::Person;
    Document {
        id: a.id.clone(),
        title: input.title.clone(),
        url: input.url.clone(),
        source: input
            .source
            .clone()
            .or_else(|| a.dateline.as_ref().and_then(|d| d.source.clone())),
        published: a.published.map(|d| d.to_string()),
        published_basis: a.published_basis,
        dateline: a.dateline.as_ref().map(|d| Place {
            place: d.place.clone(),
            country: d.country.clone(),
        }),
        language: Some("en".into()),
        text: a.text.clone(),
        actors,
        events,
        facts,
        times,
        quantities,
        warnings: a.warnings.clone(),
    }
}
