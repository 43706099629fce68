//! Deciding the publication date every relative expression is resolved against.

use attache_model::{ActorKind, InputDocument, PublishedBasis};
use jiff::civil::Date;

use crate::actors::Resolver;
use crate::dateline::{infer_year, Dateline, YearEvidence};
use crate::lexicon::month_number;
use crate::{CodeOptions, Sent};

fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let s = s.get(..10).unwrap_or(s);
    s.parse::<Date>().ok()
}

fn parse_partial(s: &str) -> Option<Date> {
    let parts: Vec<&str> = s.split('-').collect();
    let y: i16 = parts.first()?.parse().ok()?;
    let m: i8 = parts.get(1).and_then(|m| m.parse().ok()).unwrap_or(1);
    let d: i8 = parts.get(2).and_then(|d| d.parse().ok()).unwrap_or(1);
    Date::new(y, m, d).ok()
}

const FUTURE_WORDS: &[&str] = &[
    "will",
    "next",
    "scheduled",
    "plans",
    "planned",
    "upcoming",
    "expected",
    "due",
    "slated",
];

/// Years named in past-tense clauses bound the story from below, in future clauses from
/// above; titled office holders bound it by their terms.
fn evidence(text: &str, sents: &[Sent], resolver: &Resolver, dateline_end: usize) -> YearEvidence {
    let mut ev = YearEvidence::default();
    for s in sents {
        for cl in &s.clauses {
            let toks = &s.tokens[cl.start..cl.end];
            let words: Vec<String> = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
            let future = words.iter().any(|w| FUTURE_WORDS.contains(&w.as_str()));
            for (i, t) in toks.iter().enumerate() {
                if t.span.start < dateline_end {
                    continue;
                }
                let w = &words[i];
                let Ok(y) = w.parse::<i16>() else { continue };
                if !(1900..=2100).contains(&y) || w.len() != 4 {
                    continue;
                }
                // "in June 2024" bounds the story from the start of June; a bare past year
                // ("trade grew in 2022") is taken as at least half over
                let month = i
                    .checked_sub(1)
                    .and_then(|j| month_number(&words[j]))
                    .unwrap_or(7);
                if future {
                    if let Ok(d) = Date::new(y, 12, 31) {
                        ev.not_after.push(d);
                    }
                } else if let Ok(d) = Date::new(y, month as i8, 1) {
                    ev.not_before.push(d);
                }
            }
        }
    }
    for a in resolver
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
    {
        let Some(name) = &a.leader else { continue };
        let terms: Vec<_> = resolver
            .dict
            .leaders
            .iter()
            .filter(|l| &l.name == name)
            .collect();
        if a.former {
            if let Some(end) = terms.iter().filter_map(|t| t.end.as_deref()).max() {
                if let Some(d) = parse_partial(end) {
                    ev.not_before.push(d);
                }
            }
        } else if a.role.is_some() {
            // titled and not "former": in office; the latest term counts
            if let Some(t) = terms.iter().max_by_key(|t| t.start.clone()) {
                if let Some(d) = t.start.as_deref().and_then(parse_partial) {
                    ev.not_before.push(d);
                }
                if let Some(d) = t.end.as_deref().and_then(parse_partial) {
                    ev.not_after.push(d);
                }
            }
        }
    }
    ev
}

pub fn decide(
    input: &InputDocument,
    opts: &CodeOptions,
    dl: Option<&Dateline>,
    text: &str,
    sents: &[Sent],
    resolver: &Resolver,
    warnings: &mut Vec<String>,
) -> (Option<Date>, Option<PublishedBasis>, String) {
    if let Some(p) = input.published.as_deref().filter(|p| !p.trim().is_empty()) {
        match parse_date(p) {
            Some(d) => {
                return (
                    Some(d),
                    Some(PublishedBasis::Metadata),
                    format!("input metadata `{p}`"),
                )
            }
            None => warnings.push(format!(
                "`published` value `{p}` is not a YYYY-MM-DD date; ignored"
            )),
        }
    }
    if let Some(d) = opts.date {
        return (Some(d), Some(PublishedBasis::Given), "--date".into());
    }
    let Some(dl) = dl else {
        return (None, None, "no metadata, no --date, no dateline".into());
    };
    let (Some(m), Some(day)) = (dl.month, dl.day) else {
        return (None, None, "the dateline has no date".into());
    };
    if let Some(y) = dl.year {
        if let Ok(d) = Date::new(y, m as i8, day as i8) {
            return (
                Some(d),
                Some(PublishedBasis::Dateline),
                "dateline with year".into(),
            );
        }
    }
    let ev = evidence(text, sents, resolver, dl.end);
    match infer_year(m, day, &ev) {
        Some(y) => match Date::new(y, m as i8, day as i8) {
            Ok(d) => {
                let reason = format!(
                    "dateline month and day; year {y} inferred: after {} (past-tense years, leaders' terms), before {}",
                    ev.not_before.iter().max().map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                    ev.not_after.iter().min().map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                );
                (Some(d), Some(PublishedBasis::Inferred), reason)
            }
            Err(_) => (None, None, "invalid dateline date".into()),
        },
        None => {
            warnings.push("the dateline has no year and the text gives no evidence of one; relative dates are left unresolved".into());
            (None, None, "no year evidence".into())
        }
    }
}
