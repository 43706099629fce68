//! Facts: quantities bound to an indicator, a subject and partner country, a period and a
//! unit, read from the sentence that states them.
//!
//! A cue from `en/indicators.tsv` ("surplus", "exports to", "largest investor") names the
//! indicator; the quantity of the kind the cue takes that stands nearest it in its clause
//! is the value. Who is subject and who partner comes from the language around the cue:
//! a possessive or adjective before it ("Japan's surplus", "Korean investment"), `with`,
//! `to`, `from`, `in` after it, "between X and Y", "in X's favour", the clause's subject;
//! what the sentence leaves out carries over from the fact before it in the paragraph, then
//! from the story's two main countries. Periods come from the nearest date of the clause,
//! then the sentence, then the fact before.

use std::collections::HashMap;

use attache_dict::Dictionaries;
use attache_model::ActorKind;
use attache_quant::{QuantContext, QuantityExpr, QuantityKind};
use attache_text::Span;
use attache_time::{TimeExpr, TimexType};

use crate::actors::{ActorRec, MentionKind, MentionRef};
use crate::Sent;

#[derive(Debug, Clone)]
pub struct FactRec {
    pub indicator: String,
    pub subject: Option<String>,
    pub partner: Option<String>,
    pub period: Option<String>,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
    pub change: Option<(f64, f64)>,
    pub rank: Option<u32>,
    pub items: Option<Vec<String>>,
    pub sentence: usize,
    pub span: Span,
    /// The cue and how the parties were found, for provenance.
    pub rule: String,
}

pub struct FactInput<'a> {
    pub text: &'a str,
    pub sents: &'a [Sent],
    pub mentions: &'a [MentionRef],
    pub actors: &'a [ActorRec],
    pub times: &'a [TimeExpr],
    pub quantities: &'a [QuantityExpr],
    pub dateline_end: usize,
    pub dateline_country: Option<String>,
}

/// The currency bare "dlrs" mean in this story: the first explicitly non-U.S. dollar.
pub fn quant_context(text: &str) -> QuantContext {
    let lower = text.to_lowercase();
    let cues: &[(&str, &str)] = &[
        ("h.k. dlr", "HKD"),
        ("hong kong dollar", "HKD"),
        ("hk$", "HKD"),
        ("hong kong dlr", "HKD"),
        ("canadian dlr", "CAD"),
        ("canadian dollar", "CAD"),
        ("c$", "CAD"),
        ("australian dlr", "AUD"),
        ("australian dollar", "AUD"),
        ("a$", "AUD"),
        ("new zealand dlr", "NZD"),
        ("new zealand dollar", "NZD"),
        ("singapore dlr", "SGD"),
        ("singapore dollar", "SGD"),
        ("taiwan dlr", "TWD"),
        ("new taiwan dollar", "TWD"),
    ];
    let first = cues
        .iter()
        .filter_map(|(c, code)| lower.find(c).map(|i| (i, *code)))
        .min_by_key(|x| x.0);
    QuantContext {
        default_dollar: first.map(|x| x.1.to_string()),
    }
}

struct Cue {
    indicator: String,
    sign: f64,
    takes: String,
    /// token range of the cue in its sentence
    start: usize,
    end: usize,
    phrase: String,
}

fn ordinal_word(w: &str) -> Option<u32> {
    let w = w.to_lowercase();
    let base = w.split('-').next().unwrap_or(&w).to_string();
    let n = match base.as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "fifth" | "5th" => 5,
        "sixth" | "6th" => 6,
        "seventh" | "7th" => 7,
        "eighth" | "8th" => 8,
        "ninth" | "9th" => 9,
        "tenth" | "10th" => 10,
        "largest" | "biggest" | "top" => 1,
        _ => return None,
    };
    Some(n)
}

fn is_period_value(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 4 && b[..4].iter().all(|c| c.is_ascii_digit())
}

pub fn find(d: &Dictionaries, inp: &FactInput) -> Vec<FactRec> {
    // cue phrases as token sequences, longest first
    let mut cues_tbl: Vec<(Vec<String>, usize)> = d
        .indicator_cues
        .iter()
        .enumerate()
        .map(|(i, c)| (c.phrase.split_whitespace().map(String::from).collect(), i))
        .collect();
    cues_tbl.sort_by(|a, b| b.0.len().cmp(&a.0.len()));

    // the story's two main countries: most mentioned
    let mut freq: HashMap<String, usize> = HashMap::new();
    for m in inp.mentions {
        if let Some(c) = &inp.actors[m.actor].country {
            if c.len() == 3 {
                *freq.entry(c.clone()).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(String, usize)> = freq.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let dyad: Vec<String> = ranked.iter().take(2).map(|x| x.0.clone()).collect();
    // the dominant currency, for bare "7.1 billion surplus"
    let mut cur: HashMap<&str, usize> = HashMap::new();
    for q in inp.quantities {
        if q.kind == QuantityKind::Money {
            if let Some(u) = &q.unit {
                *cur.entry(u.as_str()).or_default() += 1;
            }
        }
    }
    let main_currency = cur.into_iter().max_by_key(|x| x.1).map(|x| x.0.to_string());

    let mut out: Vec<FactRec> = Vec::new();
    let mut used_q: Vec<bool> = vec![false; inp.quantities.len()];
    for (si, s) in inp.sents.iter().enumerate() {
        if s.span.end <= inp.dateline_end {
            continue;
        }
        let toks = &s.tokens;
        let words: Vec<String> = toks
            .iter()
            .map(|t| t.text(inp.text).to_lowercase())
            .collect();
        // find cues
        let mut cues: Vec<Cue> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut hit = None;
            for (ph, ci) in &cues_tbl {
                if i + ph.len() <= words.len()
                    && words[i..i + ph.len()].iter().zip(ph).all(|(a, b)| a == b)
                {
                    hit = Some((ph.len(), *ci));
                    break;
                }
            }
            if let Some((len, ci)) = hit {
                let c = &d.indicator_cues[ci];
                // keep every indicator a phrase names (a cue may take money or items)
                for (ph2, cj) in &cues_tbl {
                    if ph2.len() == len && words[i..i + len].iter().zip(ph2).all(|(a, b)| a == b) {
                        let c2 = &d.indicator_cues[*cj];
                        cues.push(Cue {
                            indicator: c2.indicator.clone(),
                            sign: c2.sign,
                            takes: c2.takes.clone(),
                            start: i,
                            end: i + len,
                            phrase: c2.phrase.clone(),
                        });
                    }
                }
                let _ = c;
                i += len;
            } else {
                i += 1;
            }
        }
        if cues.is_empty() {
            continue;
        }
        let tok_of = |byte: usize| {
            toks.iter()
                .position(|t| t.span.end > byte)
                .unwrap_or(toks.len())
        };
        let ments: Vec<(usize, usize, usize)> = inp
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.sentence == si)
            .map(|(mi, m)| {
                (
                    mi,
                    tok_of(m.span.start),
                    tok_of(m.span.end.saturating_sub(1)) + 1,
                )
            })
            .collect();
        let country_at =
            |mi: usize| -> Option<String> { inp.actors[inp.mentions[mi].actor].country.clone() };
        let clause_of = |t: usize| {
            s.clauses
                .iter()
                .position(|c| c.start <= t && t < c.end)
                .unwrap_or(0)
        };
        let sent_quants: Vec<usize> = (0..inp.quantities.len())
            .filter(|&q| {
                inp.quantities[q].start >= s.span.start && inp.quantities[q].end <= s.span.end
            })
            .collect();
        let sent_times: Vec<&TimeExpr> = inp
            .times
            .iter()
            .filter(|t| {
                t.start >= s.span.start && t.end <= s.span.end && t.start >= inp.dateline_end
            })
            .filter(|t| t.kind == TimexType::Date && is_period_value(&t.value))
            .collect();
        let mut last_in_sentence: Option<(Option<String>, Option<String>)> = None;
        let mut claimed_cues: Vec<(usize, usize)> = Vec::new();
        for cue in &cues {
            if claimed_cues.contains(&(cue.start, cue.end)) {
                continue;
            }
            let cl = clause_of(cue.start);
            let clause = s.clauses[cl];
            let mut how = vec![format!("cue `{}`", cue.phrase)];
            // ---- value
            let mut value: Option<f64> = None;
            let mut unit: Option<String> = None;
            let mut qualifier: Option<String> = None;
            let mut change: Option<(f64, f64)> = None;
            let mut rank: Option<u32> = None;
            let mut items: Option<Vec<String>> = None;
            let mut period: Option<String> = None;
            let qtok = |q: usize| tok_of(inp.quantities[q].start);
            let wanted = |q: &QuantityExpr| -> bool {
                match cue.takes.as_str() {
                    "money" => {
                        q.kind == QuantityKind::Money
                            || (q.kind == QuantityKind::Count && q.value >= 1e6 && q.unit.is_none())
                    }
                    "count" => q.kind == QuantityKind::Count,
                    "percent" => q.kind == QuantityKind::Percent,
                    "ordinal" => q.kind == QuantityKind::Ordinal,
                    _ => false,
                }
            };
            let mut bound_q: Option<usize> = None;
            match cue.takes.as_str() {
                "money" | "count" | "percent" => {
                    let cands: Vec<usize> = sent_quants
                        .iter()
                        .copied()
                        .filter(|&q| !used_q[q] && wanted(&inp.quantities[q]))
                        .filter(|&q| {
                            let t = qtok(q);
                            // same clause, or a relative clause right after the cue's
                            clause_of(t) == cl
                                || (clause_of(t) == cl + 1
                                    && s.clauses.get(cl + 1).is_some_and(|c| c.relative))
                        })
                        .collect();
                    // nearest after the cue, else nearest before
                    let after = cands
                        .iter()
                        .copied()
                        .filter(|&q| qtok(q) >= cue.end)
                        .min_by_key(|&q| qtok(q));
                    let before = cands
                        .iter()
                        .copied()
                        .filter(|&q| qtok(q) < cue.start)
                        .max_by_key(|&q| qtok(q));
                    // a quantity right before the cue ("a 5.5 billion dlr deficit") binds first
                    let adjacent_before = before.filter(|&q| {
                        let qe = tok_of(inp.quantities[q].end.saturating_sub(1)) + 1;
                        qe + 2 >= cue.start
                    });
                    let pick = adjacent_before.or(after).or(before);
                    if let Some(q) = pick {
                        let qq = &inp.quantities[q];
                        bound_q = Some(q);
                        value = Some(qq.value * cue.sign);
                        unit = qq.unit.clone();
                        if cue.takes == "money" && unit.is_none() {
                            unit = main_currency.clone();
                        }
                        qualifier = qq.qualifier.map(|x| x.as_str().to_string());
                        if let Some((a, b)) = qq.range {
                            change = Some((a * cue.sign, b * cue.sign));
                            value = Some(b * cue.sign);
                        }
                        // "rose to X from Y", "from Y to X", "against Y", "compared with Y"
                        let qe = tok_of(qq.end.saturating_sub(1)) + 1;
                        let prev_q = sent_quants
                            .iter()
                            .copied()
                            .filter(|&o| {
                                o != q && wanted(&inp.quantities[o]) && clause_of(qtok(o)) == cl
                            })
                            .collect::<Vec<_>>();
                        for o in prev_q {
                            let ot = qtok(o);
                            if ot >= qe
                                && ot <= qe + 4
                                && words[qe..ot].iter().any(|w| {
                                    matches!(
                                        w.as_str(),
                                        "from" | "against" | "versus" | "vs" | "compared"
                                    )
                                })
                            {
                                change =
                                    Some((inp.quantities[o].value * cue.sign, qq.value * cue.sign));
                                used_q[o] = true;
                            } else if ot + 1 < qtok(q)
                                && ot >= cue.start.saturating_sub(1)
                                && words[..qtok(q)].last().is_some_and(|w| w == "to")
                                && words[ot.saturating_sub(1)] == "from"
                            {
                                change =
                                    Some((inp.quantities[o].value * cue.sign, qq.value * cue.sign));
                                used_q[o] = true;
                            }
                        }
                    }
                }
                "ordinal" => {
                    // "fifth-largest investor", "second largest trading partner"
                    let lo = cue.start.saturating_sub(2);
                    let mut found = None;
                    for t in (lo..cue.start).rev() {
                        let w = words[t].as_str();
                        if w.contains("largest") || w.contains("biggest") {
                            let ord = w
                                .split('-')
                                .next()
                                .and_then(ordinal_word)
                                .filter(|_| w.contains('-'));
                            let before = t
                                .checked_sub(1)
                                .and_then(|b| ordinal_word(&words[b]))
                                .filter(|_| !w.contains('-'));
                            found = Some(ord.or(before).unwrap_or(1));
                            break;
                        }
                    }
                    rank = found;
                }
                "items" => {
                    // "exports from Kazakhstan include ...": the list starts after the country
                    let mut from = cue.end;
                    if let Some(m) = ments.iter().find(|m| m.1 == cue.end) {
                        if cue.phrase.ends_with(" from") || cue.phrase.ends_with(" to") {
                            from = m.2;
                        }
                    }
                    items = read_items(&words, toks, inp.text, from, clause.end);
                }
                "date" => {}
                _ => {}
            }
            // ---- period
            let cue_pos = toks[cue.start].span.start;
            let nearest_time = |in_clause: bool| -> Option<&TimeExpr> {
                sent_times
                    .iter()
                    .copied()
                    .filter(|t| !in_clause || clause_of(tok_of(t.start)) == cl)
                    .filter(|t| t.signal.as_deref() != Some("since") || cue.takes == "date")
                    .min_by_key(|t| t.start.abs_diff(cue_pos))
            };
            if let Some(t) = nearest_time(true).or_else(|| nearest_time(false)) {
                period = Some(t.range.clone().unwrap_or_else(|| t.value.clone()));
            }
            let has_since = sent_times
                .iter()
                .any(|t| t.signal.as_deref() == Some("since"))
                || inp.times.iter().any(|t| {
                    t.start >= s.span.start
                        && t.end <= s.span.end
                        && t.signal.as_deref() == Some("since")
                });
            // a cue with nothing to bind is no fact
            let bound = value.is_some()
                || rank.is_some()
                || items.is_some()
                || change.is_some()
                || (cue.takes == "date" && period.is_some());
            if !bound {
                continue;
            }
            let mut indicator = cue.indicator.clone();
            if indicator == "investment.flow"
                && (has_since
                    || words
                        .iter()
                        .any(|w| matches!(w.as_str(), "cumulative" | "accumulated" | "total")))
            {
                indicator = "investment.cumulative".into();
            }
            if indicator == "investment.flow" && period.is_none() {
                indicator = "investment.cumulative".into();
            }
            // ---- parties
            let (mut subject, mut partner) = (None::<String>, None::<String>);
            // "between X and Y"
            for t in clause.start..clause.end {
                if words[t] == "between" {
                    let x = ments
                        .iter()
                        .find(|m| m.1 == t + 1 || (m.1 == t + 2 && words[t + 1] == "the"));
                    if let Some(x) = x {
                        if let Some(y) =
                            ments.iter().find(|m| m.1 == x.2 + 1 && words[x.2] == "and")
                        {
                            subject = country_at(x.0);
                            partner = country_at(y.0);
                            how.push("`between X and Y`".into());
                        }
                    }
                }
            }
            // "in X's favour"
            if subject.is_none() {
                for t in clause.start..clause.end.saturating_sub(3) {
                    if words[t] == "in"
                        && matches!(
                            words.get(t + 4).map(String::as_str),
                            Some("favour") | Some("favor")
                        )
                    {
                        if let Some(x) = ments.iter().find(|m| m.1 == t + 1) {
                            subject = country_at(x.0);
                            how.push("`in X's favour`".into());
                        }
                    }
                }
            }
            // possessive or adjective right before the cue (skipping modifiers)
            if subject.is_none() {
                let mut t = cue.start;
                let mut steps = 0;
                while t > clause.start && steps < 6 {
                    t -= 1;
                    steps += 1;
                    if let Some(m) = ments.iter().find(|m| {
                        m.2 == t + 1 || (m.2 + 2 == t + 1 && words[t] == "s" && words[t - 1] == "'")
                    }) {
                        let mm = &inp.mentions[m.0];
                        if mm.possessive
                            || mm.kind == MentionKind::Modifier
                            || inp.actors[mm.actor].kind == ActorKind::Country
                        {
                            subject = country_at(m.0);
                            how.push("possessive or adjective before the cue".into());
                        }
                        break;
                    }
                    let w = words[t].as_str();
                    let skippable = matches!(
                        w,
                        "'" | "s"
                            | "trade"
                            | "record"
                            | "bilateral"
                            | "total"
                            | "overall"
                            | "annual"
                            | "the"
                            | "a"
                            | "an"
                            | "its"
                            | "their"
                            | "of"
                            | "dlr"
                            | "dlrs"
                            | "mln"
                            | "billion"
                            | "million"
                            | "pct"
                            | "largest"
                            | "biggest"
                            | "mainly"
                            | "direct"
                            | "merchandise"
                            | "visible"
                            | "current"
                            | "account"
                            | "number"
                            | "ethnic"
                            | "key"
                            | "main"
                    ) || w.chars().any(|c| c.is_ascii_digit())
                        || ordinal_word(w).is_some();
                    if !skippable {
                        break;
                    }
                }
            }
            // partner after the cue: with / to / from / in
            if partner.is_none() {
                for t in cue.end..clause.end.min(cue.end + 12) {
                    let w = words[t].as_str();
                    let role = match (cue.indicator.as_str(), w) {
                        ("trade.imports", "from") => "partner",
                        ("trade.exports", "from") => "subject",
                        (_, "with") | (_, "to") | (_, "in") | (_, "into") => "partner",
                        _ => continue,
                    };
                    let target_tok = if words.get(t + 1).is_some_and(|x| x == "the") {
                        t + 2
                    } else {
                        t + 1
                    };
                    if let Some(m) = ments.iter().find(|m| m.1 == target_tok) {
                        let c = country_at(m.0);
                        if role == "partner" {
                            partner = c;
                        } else if subject.is_none() {
                            subject = c;
                        }
                        how.push(format!("`{w}` after the cue"));
                        if partner.is_some() {
                            break;
                        }
                    }
                }
            }
            // Possessive of the partner before a rank ("Kazakhstan's fifth-largest investor")
            if cue.takes == "ordinal" {
                if let Some(m) = ments.iter().rev().find(|m| {
                    m.2 <= cue.start && m.2 + 4 >= cue.start && inp.mentions[m.0].possessive
                }) {
                    partner = country_at(m.0);
                    if subject == partner {
                        subject = None;
                    }
                }
            }
            // the clause's subject: first actor of the clause before the cue, not in a PP
            if subject.is_none() {
                let first = ments.iter().find(|m| {
                    m.1 >= clause.start
                        && m.2 <= cue.start
                        && inp.mentions[m.0].kind != MentionKind::Place
                        && !(m.1 > 0
                            && matches!(
                                words[m.1 - 1].as_str(),
                                "to" | "in" | "from" | "of" | "for" | "at" | "on" | "by"
                            ))
                        && country_at(m.0) != partner
                });
                if let Some(m) = first {
                    subject = country_at(m.0);
                    how.push("subject of the clause".into());
                }
            }
            // "with Kazakhstan exporting ... and importing": carry within the sentence
            if let Some((ls, lp)) = &last_in_sentence {
                if subject.is_none() {
                    subject = ls.clone();
                    how.push("subject carried from the previous fact of the sentence".into());
                }
                if partner.is_none() {
                    partner = lp.clone();
                }
            }
            if cue.takes == "date" && subject.is_none() {
                // "The X Theatre, founded in 1932": the organization before the cue
                if let Some(m) = ments.iter().rev().find(|m| {
                    m.2 <= cue.start
                        && inp.actors[inp.mentions[m.0].actor].kind == ActorKind::Organization
                }) {
                    let a = &inp.actors[inp.mentions[m.0].actor];
                    subject = a.country.clone();
                    items = Some(vec![a.name.clone()]);
                }
            }
            if cue.indicator == "founded" {
                if let Some(m) = ments.iter().rev().find(|m| {
                    m.2 <= cue.start
                        && inp.actors[inp.mentions[m.0].actor].kind == ActorKind::Organization
                }) {
                    let a = &inp.actors[inp.mentions[m.0].actor];
                    subject = a.country.clone();
                    items = Some(vec![a.name.clone()]);
                } else {
                    continue;
                }
            }
            // carry from the fact before in the paragraph, then the story's dyad
            let prev = out
                .iter()
                .rev()
                .find(|f| inp.sents[f.sentence].paragraph == s.paragraph);
            if subject.is_none() {
                if let Some(p) = prev {
                    subject = p.subject.clone();
                    how.push("subject carried from the previous fact".into());
                } else if let Some(dc) = inp.dateline_country.clone().filter(|c| dyad.contains(c)) {
                    subject = Some(dc);
                    how.push("subject from the dateline".into());
                } else {
                    subject = dyad.first().cloned();
                    how.push("subject from the story's main countries".into());
                }
            }
            let bilateral = !matches!(cue.indicator.as_str(), "independence" | "founded");
            if partner.is_none() && bilateral {
                if let Some(p) = prev.filter(|p| p.subject == subject) {
                    partner = p.partner.clone();
                    how.push("partner carried from the previous fact".into());
                } else {
                    partner = dyad.iter().find(|c| Some(*c) != subject.as_ref()).cloned();
                    how.push("partner from the story's main countries".into());
                }
            }
            if !bilateral {
                partner = None;
            }
            if subject.is_some() && subject == partner {
                partner = None;
            }
            // a money figure without a period shares the period of the figure before it
            if period.is_none() && cue.takes == "money" && value.is_some() {
                if let Some(p) = prev.filter(|p| p.value.is_some() && p.unit.is_some()) {
                    period = p.period.clone();
                }
            }
            if cue.indicator == "relations.established" && period.is_none() {
                continue;
            }
            if let Some(q) = bound_q {
                used_q[q] = true;
            }
            claimed_cues.push((cue.start, cue.end));
            last_in_sentence = Some((subject.clone(), partner.clone()));
            let final_indicator =
                if indicator.starts_with("tourism.visitors") && cue.takes == "percent" {
                    "tourism.visitors.change".to_string()
                } else {
                    indicator
                };
            let span = Span::new(toks[clause.start].span.start, toks[clause.end - 1].span.end);
            out.push(FactRec {
                indicator: final_indicator,
                subject,
                partner,
                period,
                value: if cue.takes == "ordinal" { None } else { value },
                unit,
                qualifier,
                change,
                rank,
                items,
                sentence: si,
                span,
                rule: how.join("; "),
            });
        }
    }
    out
}

/// A list of goods after a cue: "include crude oil, metals, and steel", "like paper
/// machinery and ships to Canada".
fn read_items(
    words: &[String],
    toks: &[attache_text::Token],
    text: &str,
    from: usize,
    to: usize,
) -> Option<Vec<String>> {
    let mut i = from;
    while i < to
        && matches!(
            words[i].as_str(),
            "include"
                | "includes"
                | "included"
                | "including"
                | "such"
                | "as"
                | "like"
                | "are"
                | "were"
                | "mainly"
                | "mostly"
                | "chiefly"
                | "of"
                | ":"
        )
    {
        i += 1;
    }
    let mut items = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    while i < to {
        let w = words[i].as_str();
        if matches!(w, "," | "and" | "or") {
            if !cur.is_empty() {
                items.push(cur.clone());
                cur.clear();
            }
        } else if matches!(
            w,
            "." | "to" | "from" | "in" | "for" | "with" | ";" | "worth" | "valued"
        ) || w.chars().any(|c| c.is_ascii_digit())
        {
            break;
        } else {
            cur.push(i);
        }
        i += 1;
    }
    if !cur.is_empty() {
        items.push(cur);
    }
    let items: Vec<String> = items
        .into_iter()
        .filter(|it| it.len() <= 4)
        .map(|it| {
            text[toks[it[0]].span.start..toks[*it.last().expect("non-empty")].span.end].to_string()
        })
        .collect();
    (items.len() >= 2).then_some(items)
}
