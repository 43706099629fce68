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

/// The currency bare "dlrs" mean in this story: the currency of its first dollar amount
/// ("7.45 billion H.K. Dlrs"), so a Hong Kong story's later "dlrs" are HKD while a story
/// that only names "the Taiwan dollar" or converts "to 10 mln Taiwan dlrs" keeps U.S. dollars.
pub fn quant_context(text: &str) -> QuantContext {
    let lower = text.to_lowercase();
    // the first dollar word after a figure: "46 mln dlrs", "800 mln Canadian dlrs"
    let first_amount = ["dlr", "dollar"]
        .iter()
        .flat_map(|w| lower.match_indices(w).map(|(i, _)| i).collect::<Vec<_>>())
        .filter(|&i| {
            let lo = lower[..i]
                .char_indices()
                .rev()
                .nth(30)
                .map(|x| x.0)
                .unwrap_or(0);
            let before = &lower[lo..i];
            before.chars().any(|c| c.is_ascii_digit()) && !before.contains(", ")
        })
        .min();
    let Some(at) = first_amount else {
        return QuantContext {
            default_dollar: None,
        };
    };
    let lo = lower[..at]
        .char_indices()
        .rev()
        .nth(30)
        .map(|x| x.0)
        .unwrap_or(0);
    let mut end = (at + 8).min(lower.len());
    while !lower.is_char_boundary(end) {
        end += 1;
    }
    let window = &lower[lo..end];
    let lower = window.to_string();
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

/// Words that may stand between a money cue and its figure ("surplus with the United States
/// last year was a record 51.5 billion dlrs"); any other word ("boosted", "debt") means the
/// figure belongs to something else. Mentions, dates and other quantities may stand there too.
const BRIDGE: &[&str] = &[
    "with",
    "to",
    "from",
    "by",
    "of",
    "in",
    "into",
    "at",
    "for",
    "on",
    "the",
    "a",
    "an",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "been",
    "be",
    "will",
    "would",
    "could",
    "may",
    "hit",
    "reached",
    "reach",
    "reaching",
    "totalled",
    "totaled",
    "totalling",
    "totaling",
    "totals",
    "total",
    "amounted",
    "amounting",
    "amounts",
    "amount",
    "stood",
    "stands",
    "standing",
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "fell",
    "fallen",
    "fall",
    "falls",
    "falling",
    "grew",
    "grown",
    "grow",
    "grows",
    "growing",
    "jumped",
    "jump",
    "jumps",
    "increased",
    "increase",
    "increases",
    "increasing",
    "decreased",
    "decrease",
    "decreasing",
    "declined",
    "decline",
    "declining",
    "dropped",
    "drop",
    "widened",
    "widen",
    "widening",
    "narrowed",
    "narrow",
    "narrowing",
    "doubled",
    "tripled",
    "climbed",
    "slipped",
    "eased",
    "shrank",
    "expanded",
    "came",
    "come",
    "nearly",
    "sharply",
    "slightly",
    "about",
    "around",
    "some",
    "record",
    "revised",
    "provisional",
    "estimated",
    "approximately",
    "roughly",
    "almost",
    "close",
    "more",
    "than",
    "over",
    "under",
    "below",
    "above",
    "only",
    "just",
    "up",
    "down",
    "worth",
    "valued",
    "which",
    "that",
    "'",
    "s",
    ",",
    "-",
    "(",
    ")",
    "through",
    "via",
    "last",
    "this",
    "year",
    "expected",
    "seen",
    "forecast",
    "put",
    "set",
    "reported",
    "trade",
    "bilateral",
    "net",
    "goods",
    "merchandise",
    "figure",
    "level",
    "balance",
    "payments",
    "basis",
    "products",
    "also",
    "still",
    "already",
    "further",
    "currently",
    "now",
    "some",
    "exceeded",
    "topped",
    "surpassed",
    "averaged",
    "registered",
    "recorded",
    "posted",
    "showed",
    "shows",
    "show",
    "ran",
    "run",
    "its",
    "their",
    "us",
    "abroad",
    "nations",
    "countries",
    "states",
    "between",
    "all",
    "full",
    "whole",
    "overseas",
];

/// Words a `...` gap of a cue phrase may not cross.
const GAP_STOPS: &[&str] = &[
    "deficit",
    "deficits",
    "surplus",
    "surpluses",
    "gap",
    "shortfall",
    "imbalance",
    "balance",
    "with",
    "to",
    "from",
    "between",
    "and",
    ",",
    ".",
    "exports",
    "imports",
    "investment",
];

/// Verbs (and particles) after which a figure is the change, and the level follows "to".
const DELTA_WORDS: &[&str] = &[
    "rose",
    "fell",
    "increased",
    "decreased",
    "grew",
    "jumped",
    "declined",
    "dropped",
    "by",
    "up",
    "down",
    "widened",
    "narrowed",
    "gained",
    "lost",
    "climbed",
    "slipped",
    "added",
    "shrank",
    "expanded",
    "eased",
];

/// Markers of the earlier figure of a change ("to X from Y", "X versus Y").
const FROM_WORDS: &[&str] = &["from", "versus", "vs", "against", "compared"];

/// Words before a balance cue that make it some other balance ("budget deficit").
const OTHER_BALANCES: &[&str] = &[
    "budget",
    "fiscal",
    "account",
    "payments",
    "spending",
    "government",
    "federal",
    "cash",
    "competiveness",
    "competitiveness",
    "current",
    "capital",
    "invisibles",
    "services",
];

/// Modifiers that may stand between a possessive or adjective and its cue.
const NP_MODIFIERS: &[&str] = &[
    "'",
    "s",
    "trade",
    "record",
    "bilateral",
    "total",
    "overall",
    "annual",
    "the",
    "a",
    "an",
    "its",
    "their",
    "of",
    "dlr",
    "dlrs",
    "mln",
    "billion",
    "million",
    "pct",
    "largest",
    "biggest",
    "mainly",
    "direct",
    "merchandise",
    "visible",
    "number",
    "ethnic",
    "key",
    "main",
    "net",
    "chief",
    "principal",
    "major",
    "leading",
    "top",
    "huge",
    "massive",
    "large",
    "big",
    "growing",
    "monthly",
    "yearly",
    "quarterly",
    "provisional",
    "revised",
    "still",
    "new",
];

fn is_period_date(t: &TimeExpr) -> bool {
    t.kind == TimexType::Date && is_period_value(&t.value)
}

fn period_of(t: &TimeExpr) -> String {
    // a range runs forward ("1995/2016"); a backward one ("2025-05-04/2024", a dateline's
    // day joined to "Last year" across the dash) is no range: keep the value
    match &t.range {
        Some(r) => match r.split_once('/') {
            Some((a, b)) if a <= b => r.clone(),
            _ => t.value.clone(),
        },
        None => t.value.clone(),
    }
}

/// A figure bound to a cue: the quantity, the change it states, the tokens it covers.
#[derive(Debug, Clone)]
struct Bound {
    q: usize,
    change_from: Option<usize>,
    used: Vec<usize>,
    /// token range of the value quantity
    vstart: usize,
    vend: usize,
    /// token range of the "from Y" part, where dates belong to the earlier figure
    from_span: Option<(usize, usize)>,
    /// the figure came after "rose X to": a quantity read as the range "X to Y" is a
    /// change and its level, not a range
    delta: bool,
}

/// One sentence, tokenized, with positions of mentions, dates and quantities in tokens.
struct Ctx<'a> {
    inp: &'a FactInput<'a>,
    si: usize,
    words: Vec<String>,
    toks: &'a [attache_text::Token],
    /// (mention index, first token, end token)
    ments: Vec<(usize, usize, usize)>,
    /// (quantity index, first token, end token)
    quants: Vec<(usize, usize, usize)>,
    /// (time index, first token, end token), period dates only
    times: Vec<(usize, usize, usize)>,
}

impl<'a> Ctx<'a> {
    fn new(inp: &'a FactInput<'a>, si: usize) -> Ctx<'a> {
        let s = &inp.sents[si];
        let toks = &s.tokens[..];
        let words: Vec<String> = toks
            .iter()
            .map(|t| t.text(inp.text).to_lowercase())
            .collect();
        let tok_of = |byte: usize| {
            toks.iter()
                .position(|t| t.span.end > byte)
                .unwrap_or(toks.len())
        };
        let range = |a: usize, b: usize| (tok_of(a), tok_of(b.saturating_sub(1)) + 1);
        let ments = inp
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.sentence == si)
            .map(|(mi, m)| {
                let (a, b) = range(m.span.start, m.span.end);
                (mi, a, b)
            })
            .collect();
        let quants = inp
            .quantities
            .iter()
            .enumerate()
            .filter(|(_, q)| q.start >= s.span.start && q.end <= s.span.end)
            .map(|(qi, q)| {
                let (a, b) = range(q.start, q.end);
                (qi, a, b)
            })
            .collect();
        let times = inp
            .times
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                t.start >= s.span.start && t.end <= s.span.end && t.start >= inp.dateline_end
            })
            .filter(|(_, t)| is_period_date(t))
            .map(|(ti, t)| {
                let (a, b) = range(t.start, t.end);
                (ti, a, b)
            })
            .collect();
        Ctx {
            inp,
            si,
            words,
            toks,
            ments,
            quants,
            times,
        }
    }

    fn w(&self, i: usize) -> &str {
        self.words.get(i).map(String::as_str).unwrap_or("")
    }

    fn clause_of(&self, t: usize) -> usize {
        let s = &self.inp.sents[self.si];
        s.clauses
            .iter()
            .position(|c| c.start <= t && t < c.end)
            .unwrap_or(0)
    }

    fn country(&self, mi: usize) -> Option<String> {
        self.inp.actors[self.inp.mentions[mi].actor].country.clone()
    }

    fn mention_at(&self, t: usize) -> Option<(usize, usize, usize)> {
        self.ments.iter().copied().find(|m| m.1 == t)
    }

    /// A country mention at `t`, after an optional "the".
    fn country_at(&self, t: usize) -> Option<(usize, usize, usize)> {
        let t = if self.w(t) == "the" { t + 1 } else { t };
        self.mention_at(t).filter(|m| self.country(m.0).is_some())
    }

    fn in_mention(&self, t: usize) -> bool {
        self.ments.iter().any(|m| m.1 <= t && t < m.2)
    }

    fn in_time(&self, t: usize) -> bool {
        self.times.iter().any(|x| x.1 <= t && t < x.2)
    }

    fn quant_at(&self, t: usize) -> Option<(usize, usize, usize)> {
        self.quants.iter().copied().find(|q| q.1 == t)
    }

    /// The figure after token `from` for a cue that takes `takes`: the first wanted quantity
    /// before `limit`, crossing only bridge words when `strict`; "rose X to Y" gives Y,
    /// "to Y from Z" / "Y versus Z" give the change Z → Y.
    fn bind_after(
        &self,
        from: usize,
        limit: usize,
        takes: &str,
        used: &[bool],
        strict: bool,
    ) -> Option<Bound> {
        let mut t = from;
        let mut first = None;
        while t < limit.min(self.words.len()) {
            if let Some(q) = self.quant_at(t) {
                if !used[q.0] && wanted(takes, &self.inp.quantities[q.0]) {
                    first = Some(q);
                    break;
                }
                t = q.2.max(t + 1);
                continue;
            }
            let ok = self.in_mention(t)
                || self.in_time(t)
                || BRIDGE.contains(&self.w(t))
                || (self.w(t) == "and" && self.mention_at(t + 1).is_some());
            if strict && !ok {
                return None;
            }
            t += 1;
        }
        let (q1, a, b) = first?;
        let mut b_val = Bound {
            q: q1,
            change_from: None,
            used: vec![q1],
            vstart: a,
            vend: b,
            from_span: None,
            delta: false,
        };
        // "rose 2.78 billion dlrs or three pct to 95.7 billion dlrs", "from 10 to 42"
        // "increased by only 7.3 billion": look past adverbs and hedges
        let mut k = a;
        while k > 0
            && matches!(
                self.w(k - 1),
                "only"
                    | "just"
                    | "about"
                    | "some"
                    | "nearly"
                    | "almost"
                    | "roughly"
                    | "around"
                    | "an"
                    | "estimated"
                    | "a"
                    | "approximately"
                    | "sharply"
                    | "slightly"
            )
        {
            k -= 1;
        }
        let before = if k > 0 { self.w(k - 1) } else { "" };
        let mut k = b;
        if self.w(k) == "or" {
            if let Some(p) = self.quant_at(k + 1) {
                k = p.2;
            }
        }
        if self.w(k) == "to" {
            if let Some(q2) = self
                .quant_at(k + 1)
                .filter(|q| !used[q.0] && wanted(takes, &self.inp.quantities[q.0]))
            {
                if DELTA_WORDS.contains(&before) {
                    b_val = Bound {
                        q: q2.0,
                        change_from: None,
                        used: vec![q1, q2.0],
                        vstart: q2.1,
                        vend: q2.2,
                        from_span: None,
                        delta: false,
                    };
                } else if before == "from" {
                    b_val = Bound {
                        q: q2.0,
                        change_from: Some(q1),
                        used: vec![q1, q2.0],
                        vstart: q2.1,
                        vend: q2.2,
                        from_span: Some((a - 1, b)),
                        delta: false,
                    };
                }
            }
        }
        b_val.delta = DELTA_WORDS.contains(&before);
        if b_val.change_from.is_none() {
            // "to Y in 1986 from Z in 1985", "Y, down from December's Z"
            let mut t = b_val.vend;
            let stop = (b_val.vend + 8).min(self.words.len());
            while t < stop {
                let w = self.w(t);
                if FROM_WORDS.contains(&w) {
                    let mut u = t + 1;
                    if w == "compared" && self.w(u) == "with" {
                        u += 1;
                    }
                    while u < stop + 3
                        && (self.in_time(u) || matches!(self.w(u), "'" | "s" | "the"))
                    {
                        u += 1;
                    }
                    if let Some(q3) = self
                        .quant_at(u)
                        .filter(|q| !used[q.0] && wanted(takes, &self.inp.quantities[q.0]))
                    {
                        b_val.change_from = Some(q3.0);
                        b_val.used.push(q3.0);
                        b_val.from_span = Some((t, q3.2));
                    }
                    break;
                }
                if !(self.in_time(t)
                    || matches!(
                        w,
                        "in" | "the"
                            | ","
                            | "during"
                            | "for"
                            | "sharply"
                            | "down"
                            | "up"
                            | "of"
                            | "last"
                            | "year"
                    ))
                {
                    break;
                }
                t += 1;
            }
        }
        Some(b_val)
    }

    /// The period of a figure: a date right after it, then between cue and figure, then
    /// before the cue in its clause, then anywhere in the clause and sentence (never the date
    /// of the earlier figure of a change, nor a "since"/"ago" date).
    fn period(
        &self,
        cue_start: usize,
        cue_end: usize,
        b: Option<&Bound>,
        takes: &str,
    ) -> Option<String> {
        let excluded = |t: &(usize, usize, usize)| -> bool {
            let te = &self.inp.times[t.0];
            if let Some(bb) = b {
                if let Some((fs, fe)) = bb.from_span {
                    if t.1 >= fs && t.1 <= fe + 4 {
                        return true;
                    }
                }
            }
            if takes != "date" && matches!(te.signal.as_deref(), Some("since") | Some("from")) {
                return true;
            }
            // the date of an earlier figure: "from 19.8 billion in 1985"
            let after_from_figure = self.quants.iter().any(|q| {
                q.2 <= t.1
                    && t.1 - q.2 <= 2
                    && q.1 > 0
                    && (FROM_WORDS.contains(&self.w(q.1 - 1))
                        || (self.w(q.1 - 1) == "s"
                            && q.1 >= 4
                            && FROM_WORDS.contains(&self.w(q.1 - 4))))
            });
            after_from_figure
                || t.1 > 0 && matches!(self.w(t.1 - 1), "from" | "since" | "than")
                || matches!(self.w(t.2), "ago" | "earlier")
        };
        let ok: Vec<(usize, usize, usize)> = self
            .times
            .iter()
            .copied()
            .filter(|t| !excluded(t))
            .collect();
        // "the October to December fourth quarter": a date ending in an ordinal before
        // "quarter" names the quarter
        let val = |t: &(usize, usize, usize)| {
            let v = period_of(&self.inp.times[t.0]);
            // "in the October to December fourth quarter"
            for k in t.2..(t.2 + 6).min(self.words.len()) {
                if self.w(k) == "quarter" && k > 0 {
                    if let Some(n) = ordinal_word(self.w(k - 1)).filter(|n| (1..=4).contains(n)) {
                        if v.len() >= 4 {
                            return format!("{}-Q{n}", &v[..4]);
                        }
                    }
                }
                if self.quant_at(k).is_some() || FROM_WORDS.contains(&self.w(k)) {
                    break;
                }
            }
            v
        };
        if let Some(bb) = b {
            if let Some(t) = ok.iter().find(|t| t.1 >= bb.vend && t.1 <= bb.vend + 3) {
                return Some(val(t));
            }
            // "the 3.56 billion exported to the U.S. in July 1984"
            if bb.vend <= cue_start {
                if let Some(t) = ok.iter().find(|t| t.1 >= cue_end && t.1 <= cue_end + 6) {
                    return Some(val(t));
                }
            }
            if let Some(t) = ok.iter().find(|t| t.1 >= cue_start && t.2 <= bb.vstart) {
                return Some(val(t));
            }
        }
        let cl = self.clause_of(cue_start);
        if let Some(t) = ok
            .iter()
            .rfind(|t| t.2 <= cue_start && self.clause_of(t.1) == cl)
        {
            return Some(val(t));
        }
        let near = |ts: Vec<&(usize, usize, usize)>| {
            ts.into_iter()
                .min_by_key(|t| t.1.abs_diff(cue_start))
                .map(val)
        };
        near(ok.iter().filter(|t| self.clause_of(t.1) == cl).collect())
            .or_else(|| near(ok.iter().collect()))
    }

    /// "the quarter", "the year", "the month": the latest date of that grain before this sentence.
    fn anaphoric_period(&self) -> Option<String> {
        let grain = (0..self.words.len().saturating_sub(1)).find_map(|i| {
            (matches!(self.w(i), "the" | "that" | "this")
                && matches!(self.w(i + 1), "quarter" | "month" | "period"))
            .then(|| self.w(i + 1).to_string())
        })?;
        let start = self.inp.sents[self.si].span.start;
        self.inp
            .times
            .iter()
            .rfind(|t| {
                let v = period_of(t);
                t.end <= start
                    && t.start >= self.inp.dateline_end
                    && is_period_date(t)
                    && match grain.as_str() {
                        "quarter" => v.contains("-Q"),
                        "month" => v.len() == 7,
                        _ => true,
                    }
            })
            .map(period_of)
    }
}

/// A preposition before token `t`, or before the "the" before it.
fn prep_before(words: &[String], t: usize) -> bool {
    let p = |i: usize| {
        matches!(
            words[i].as_str(),
            "to" | "in"
                | "from"
                | "of"
                | "for"
                | "at"
                | "on"
                | "by"
                | "with"
                | "than"
                | "against"
                | "through"
                | "via"
                | "into"
                | "including"
        )
    };
    (t > 0 && p(t - 1)) || (t > 1 && words[t - 1] == "the" && p(t - 2))
}

fn wanted(takes: &str, q: &QuantityExpr) -> bool {
    match takes {
        "money" => {
            q.kind == QuantityKind::Money
                || (q.kind == QuantityKind::Count && q.value >= 1e6 && q.unit.is_none())
        }
        "count" => q.kind == QuantityKind::Count,
        "percent" => q.kind == QuantityKind::Percent,
        "ordinal" => q.kind == QuantityKind::Ordinal,
        _ => false,
    }
}

/// A cue phrase: words, where `...` stands for up to three words of any kind.
fn match_phrase(words: &[String], i: usize, ph: &[String]) -> Option<usize> {
    let mut t = i;
    let mut k = 0;
    while k < ph.len() {
        if ph[k] == "..." {
            let next = ph.get(k + 1)?;
            let found = (t..(t + 4).min(words.len())).find(|&u| &words[u] == next)?;
            // the gap holds no other cue's head and no party ("trade deficit with Japan was")
            if words[t..found]
                .iter()
                .any(|w| GAP_STOPS.contains(&w.as_str()))
            {
                return None;
            }
            t = found + 1;
            k += 2;
            continue;
        }
        if words.get(t) != Some(&ph[k]) {
            return None;
        }
        t += 1;
        k += 1;
    }
    Some(t)
}

pub fn find(d: &Dictionaries, inp: &FactInput) -> Vec<FactRec> {
    // cue phrases as word sequences, longest first
    let mut cues_tbl: Vec<(Vec<String>, usize)> = d
        .indicator_cues
        .iter()
        .enumerate()
        .map(|(i, c)| (c.phrase.split_whitespace().map(String::from).collect(), i))
        .collect();
    cues_tbl.sort_by_key(|c| std::cmp::Reverse(c.0.len()));

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
    // a second country named once is no pair to fill a partner from
    let dyad_strong = ranked.get(1).is_some_and(|x| x.1 >= 2);

    let mut out: Vec<FactRec> = Vec::new();
    let mut used_q: Vec<bool> = vec![false; inp.quantities.len()];
    for (si, s) in inp.sents.iter().enumerate() {
        if s.span.end <= inp.dateline_end || s.tokens.is_empty() {
            continue;
        }
        let cx = Ctx::new(inp, si);
        let words = &cx.words;
        let toks = cx.toks;
        // ---- cues
        let mut cues: Vec<Cue> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut hit = None;
            for (ph, _) in &cues_tbl {
                if let Some(end) = match_phrase(words, i, ph) {
                    hit = Some((end, ph.clone()));
                    break;
                }
            }
            if let Some((end, ph)) = hit {
                for (ph2, cj) in &cues_tbl {
                    if *ph2 == ph {
                        let c2 = &d.indicator_cues[*cj];
                        cues.push(Cue {
                            indicator: c2.indicator.clone(),
                            sign: c2.sign,
                            takes: c2.takes.clone(),
                            start: i,
                            end,
                            phrase: c2.phrase.clone(),
                        });
                    }
                }
                i = end;
            } else {
                i += 1;
            }
        }
        // a cue right before another is its modifier ("bilateral trade deficit"); a balance
        // cue after "budget", "current account" is no trade balance
        let starts: Vec<usize> = cues.iter().map(|c| c.start).collect();
        cues.retain(|c| {
            !starts.contains(&c.end)
                && !(c.indicator == "trade.balance"
                    && ((1..=3).any(|k| {
                        c.start >= k && OTHER_BALANCES.contains(&words[c.start - k].as_str())
                    }) || words[c.end..(c.end + 10).min(words.len())]
                        .iter()
                        .any(|w| matches!(w.as_str(), "account" | "invisibles" | "budget"))))
        });
        let sent_facts_start = out.len();
        let mut claimed: Vec<(usize, usize)> = Vec::new();
        let mut taken_ments: Vec<usize> = Vec::new();
        for (ci, cue) in cues.iter().enumerate() {
            if claimed.contains(&(cue.start, cue.end)) {
                continue;
            }
            let cl = cx.clause_of(cue.start);
            let clause = s.clauses[cl];
            let next_cue = cues
                .iter()
                .map(|c| c.start)
                .filter(|&st| st >= cue.end)
                .min()
                .unwrap_or(words.len());
            let prev_cue_end = cues[..ci]
                .iter()
                .map(|c| c.end)
                .filter(|&e| e <= cue.start)
                .max()
                .unwrap_or(0);
            let mut how = vec![format!("cue `{}`", cue.phrase)];
            let mut bound: Option<Bound> = None;
            let mut rank = None;
            let mut items = None;
            // ---- value
            match cue.takes.as_str() {
                "money" | "count" | "percent" => {
                    // the clause, or a relative clause right after it
                    let mut limit = clause.end;
                    if s.clauses.get(cl + 1).is_some_and(|c| c.relative) {
                        limit = s.clauses[cl + 1].end;
                    }
                    let limit = limit.min(next_cue);
                    // "a 5.5 billion dlr deficit": a figure right before the cue
                    let adjacent = cx
                        .quants
                        .iter()
                        .copied()
                        .filter(|q| !used_q[q.0] && wanted(&cue.takes, &inp.quantities[q.0]))
                        .find(|q| {
                            q.2 <= cue.start
                                && q.2 >= prev_cue_end
                                && (q.2..cue.start).all(|t| {
                                    NP_MODIFIERS.contains(&words[t].as_str())
                                        || cx.in_mention(t)
                                        || cx.in_time(t)
                                        || words[t] == "quarter"
                                })
                                && cue.start - q.2 <= 4
                        });
                    if let Some(q) = adjacent {
                        let mut b = Bound {
                            q: q.0,
                            change_from: None,
                            used: vec![q.0],
                            vstart: q.1,
                            vend: q.2,
                            from_span: None,
                            delta: false,
                        };
                        // "a 5.5 billion dlr deficit ... up from 4.1 billion": rarely; keep simple
                        b.used.dedup();
                        bound = Some(b);
                        how.push("figure before the cue".into());
                    } else {
                        let strict = cue.takes == "money";
                        bound = cx.bind_after(cue.end, limit, &cue.takes, &used_q, strict);
                        if bound.is_some() {
                            how.push("figure after the cue".into());
                        } else if cue.takes != "money" {
                            // counts and percents may stand before the cue in its clause
                            bound = cx
                                .quants
                                .iter()
                                .copied()
                                .rfind(|q| {
                                    !used_q[q.0]
                                        && wanted(&cue.takes, &inp.quantities[q.0])
                                        && q.2 <= cue.start
                                        && q.1 >= prev_cue_end.max(clause.start)
                                })
                                .map(|q| Bound {
                                    q: q.0,
                                    change_from: None,
                                    used: vec![q.0],
                                    vstart: q.1,
                                    vend: q.2,
                                    from_span: None,
                                    delta: false,
                                });
                        }
                    }
                }
                "ordinal" => {
                    let lo = cue.start.saturating_sub(2);
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
                            rank = Some(ord.or(before).unwrap_or(1));
                            break;
                        }
                    }
                }
                "items" => {
                    // the list follows an intro word ("include", "such as") or a verb use
                    // of the cue ("South Korea mainly exports ..."); after "exports to" only
                    // once the country is named ("exports from Kazakhstan include ...")
                    let mut from = Some(cue.end);
                    if cue.phrase.ends_with(" from") || cue.phrase.ends_with(" to") {
                        from = cx.ments.iter().find(|m| m.1 == cue.end).map(|m| m.2);
                    }
                    let intro = |t: usize| {
                        matches!(
                            cx.w(t),
                            "include"
                                | "includes"
                                | "included"
                                | "including"
                                | "such"
                                | "like"
                                | "are"
                                | "were"
                                | "mainly"
                                | "mostly"
                                | "chiefly"
                                | "consist"
                                | "consisted"
                                | "products"
                                | "goods"
                        )
                    };
                    let verb_use = cue.start > 0
                        && (matches!(
                            cx.w(cue.start - 1),
                            "mainly"
                                | "mostly"
                                | "chiefly"
                                | "currently"
                                | "also"
                                | "largely"
                                | "primarily"
                                | "is"
                                | "are"
                                | "was"
                                | "were"
                        ) || cx.ments.iter().any(|m| {
                            m.2 == cue.start
                                && cx.country(m.0).is_some()
                                && !inp.mentions[m.0].possessive
                        }));
                    if let Some(f) = from.filter(|&f| intro(f) || verb_use) {
                        items = read_items(words, toks, inp.text, f, clause.end);
                    }
                    // "Herbal medicine and textiles were among China's chief exports"
                    if items.is_none() {
                        if let Some(among) = (clause.start..cue.start).rev().find(|&t| {
                            words[t] == "among" || words[t] == "include" || words[t] == "included"
                        }) {
                            let mut end = among;
                            while end > clause.start
                                && matches!(words[end - 1].as_str(), "were" | "are" | "was" | "is")
                            {
                                end -= 1;
                            }
                            items = read_items(words, toks, inp.text, clause.start, end);
                        }
                    }
                }
                _ => {}
            }
            let period = cx.period(cue.start, cue.end, bound.as_ref(), &cue.takes);
            let mut period = period;
            let has_value = bound.is_some();
            let ok = has_value
                || rank.is_some()
                || items.is_some()
                || (cue.takes == "date" && period.is_some());
            if !ok {
                continue;
            }
            // ---- parties
            let mut subject: Option<String> = None;
            let mut partner: Option<String> = None;
            let mut explicit = false;
            let mut favour = false;
            let win_lo = clause.start.max(prev_cue_end);
            // "between X and Y"
            // (next to the cue: "trade between", "relations between", "flights between")
            for t in cue.start.saturating_sub(1)..(cue.end + 1).min(clause.end) {
                if words[t] == "between" {
                    if let Some(x) = cx.country_at(t + 1) {
                        if words.get(x.2).is_some_and(|w| w == "and") {
                            if let Some(y) = cx.country_at(x.2 + 1) {
                                subject = cx.country(x.0);
                                partner = cx.country(y.0);
                                taken_ments.extend([x.0, y.0]);
                                explicit = true;
                                how.push("`between X and Y`".into());
                                break;
                            }
                        }
                    }
                }
            }
            // "in X's favour"
            if subject.is_none() {
                for (t, w) in words.iter().enumerate().skip(cue.start) {
                    if w == "in" {
                        if let Some(x) = cx.mention_at(t + 1) {
                            if matches!(cx.w(x.2 + 2), "favour" | "favor")
                                || matches!(cx.w(x.2), "favour" | "favor")
                            {
                                subject = cx.country(x.0);
                                taken_ments.push(x.0);
                                favour = true;
                                explicit = true;
                                how.push("`in X's favour`".into());
                                break;
                            }
                        }
                    }
                }
            }
            // "the Japanese selling us 3.7 billion sterling more than we sold them"
            if cue.phrase == "selling" || cue.phrase == "sold" {
                let more = bound.as_ref().is_some_and(|b| {
                    words
                        .get(b.vend..(b.vend + 6).min(words.len()))
                        .is_some_and(|ws| ws.iter().any(|w| w == "more"))
                });
                if !more {
                    continue;
                }
                if let Some(m) = cx
                    .ments
                    .iter()
                    .rev()
                    .find(|m| m.2 <= cue.start && m.2 + 2 >= cue.start)
                {
                    subject = cx.country(m.0);
                    explicit = true;
                }
                if matches!(cx.w(cue.end), "us" | "to") {
                    partner = inp
                        .dateline_country
                        .clone()
                        .filter(|c| Some(c) != subject.as_ref());
                }
                how.push("`X selling us ... more than`".into());
            }
            // possessive or adjective right before the cue; "its" refers back
            if subject.is_none() {
                let mut t = cue.start;
                while t > win_lo && cue.start - t < 7 {
                    t -= 1;
                    // "a one billion U.S. dlr investment": the currency's country is no party
                    if cx.quants.iter().any(|q| q.1 <= t && t < q.2) {
                        continue;
                    }
                    if let Some(m) = cx.ments.iter().find(|m| {
                        m.2 == t + 1
                            || (m.2 + 2 == t + 1
                                && words[t] == "s"
                                && t >= 1
                                && words[t - 1] == "'")
                    }) {
                        let mm = &inp.mentions[m.0];
                        if (mm.possessive
                            || mm.kind == MentionKind::Modifier
                            || inp.actors[mm.actor].kind == ActorKind::Country
                            || inp.actors[mm.actor]
                                .country
                                .as_deref()
                                .is_some_and(|c| c.starts_with("IGO")))
                            && (mm.possessive
                                || !prep_before(words, m.1)
                                || (m.2 == cue.start && words[m.1 - 1] == "with"))
                            && cx.country(m.0).is_some()
                        {
                            subject = cx.country(m.0);
                            taken_ments.push(m.0);
                            explicit = true;
                            how.push("possessive or adjective before the cue".into());
                        }
                        break;
                    }
                    let w = words[t].as_str();
                    if matches!(w, "its" | "their") {
                        // the latest country before it in the sentence, else the last fact's
                        let back = cx.ments.iter().rev().find(|m| {
                            m.2 <= t
                                && cx.country(m.0).is_some()
                                && inp.mentions[m.0].kind != MentionKind::Place
                        });
                        if let Some(m) = back {
                            subject = cx.country(m.0);
                            how.push("`its` refers to the country before".into());
                        } else if let Some(p) = out.last() {
                            subject = p.subject.clone();
                            how.push("`its` refers to the last fact's subject".into());
                        }
                        explicit = subject.is_some();
                        break;
                    }
                    let skippable = NP_MODIFIERS.contains(&w)
                        || w.chars().any(|c| c.is_ascii_digit())
                        || ordinal_word(w).is_some()
                        || cx.quants.iter().any(|q| q.1 <= t && t < q.2);
                    if !skippable {
                        break;
                    }
                }
            }
            // a country adjective inside a gapped cue ("ethnic Korean community")
            if subject.is_none() {
                if let Some(m) = cx
                    .ments
                    .iter()
                    .find(|m| m.1 > cue.start && m.2 < cue.end && cx.country(m.0).is_some())
                {
                    subject = cx.country(m.0);
                    taken_ments.push(m.0);
                    explicit = true;
                    how.push("country adjective inside the cue".into());
                }
            }
            // partner after the cue: with / to / from / in, up to the next cue
            if partner.is_none() {
                let end = clause.end.min(next_cue).min(cue.end + 14);
                let pstart = if cue.phrase.ends_with(" to")
                    || cue.phrase.ends_with(" from")
                    || cue.phrase.ends_with(" with")
                    || cue.phrase.ends_with(" in")
                {
                    cue.end - 1
                } else {
                    cue.end
                };
                let mut seen_with = false;
                for (t, w) in words.iter().enumerate().take(end).skip(pstart) {
                    let w = w.as_str();
                    let trade =
                        cue.indicator.starts_with("trade.") || cue.indicator.starts_with("rank.");
                    let role = match (cue.indicator.as_str(), w) {
                        ("trade.imports", "from") => "partner",
                        ("trade.exports", "from") => "subject",
                        (_, "from") if cue.indicator.starts_with("tourism") => "subject",
                        (_, "with") | (_, "to") | (_, "into") => "partner",
                        (_, "in") if !trade => "partner",
                        _ => continue,
                    };
                    // only the first "with" is the cue's: "deficit with Latin America rose
                    // ..., with Japan increased ..." names Japan's own figure
                    if w == "with" {
                        if seen_with {
                            continue;
                        }
                        seen_with = true;
                    }
                    if let Some(m) = cx.country_at(t + 1) {
                        if matches!(cx.w(m.2), "favour" | "favor")
                            || (cx.w(m.2) == "'" && matches!(cx.w(m.2 + 2), "favour" | "favor"))
                        {
                            continue;
                        }
                        // "with Kazakhstan exporting ...": the subject of what follows, no partner
                        if w == "with" && cx.w(m.2).ends_with("ing") {
                            continue;
                        }
                        let c = cx.country(m.0);
                        taken_ments.push(m.0);
                        if role == "partner" {
                            partner = c;
                        } else if subject.is_none() {
                            subject = c;
                            explicit = true;
                        }
                        how.push(format!("`{w}` after the cue"));
                        if partner.is_some() {
                            break;
                        }
                    }
                }
            }
            // "with Canada the deficit": the partner right before the cue
            if partner.is_none() && cue.start >= 2 {
                let lo = cue.start.saturating_sub(5).max(win_lo);
                if let Some(t) = (lo..cue.start).rev().find(|&t| words[t] == "with") {
                    if let Some(m) = cx.country_at(t + 1) {
                        if m.2 + 1 >= cue.start {
                            partner = cx.country(m.0);
                            taken_ments.push(m.0);
                            how.push("`with X` before the cue".into());
                        }
                    }
                }
            }
            // a possessive before a rank names the partner ("Kazakhstan's fifth-largest investor")
            if cue.takes == "ordinal" {
                if let Some(m) = cx.ments.iter().rev().find(|m| {
                    m.2 <= cue.start && m.2 + 4 >= cue.start && inp.mentions[m.0].possessive
                }) {
                    partner = cx.country(m.0);
                    if subject == partner {
                        subject = None;
                        explicit = false;
                    }
                }
                // "the U.S., its largest trading partner": the apposition's head ranks for
                // the country "its" refers to
                let lo = cue.start.saturating_sub(4);
                if let Some(t) = (lo..cue.start)
                    .rev()
                    .find(|&t| matches!(words[t].as_str(), "its" | "their"))
                {
                    if t >= 2 && words[t - 1] == "," {
                        if let Some(head) = cx
                            .ments
                            .iter()
                            .find(|m| m.2 == t - 1 && cx.country(m.0).is_some())
                        {
                            let hc = cx.country(head.0);
                            let referent = cx
                                .ments
                                .iter()
                                .rev()
                                .find(|m| {
                                    m.2 <= head.1
                                        && cx.country(m.0).is_some()
                                        && cx.country(m.0) != hc
                                })
                                .and_then(|m| cx.country(m.0))
                                .or_else(|| {
                                    out.last()
                                        .and_then(|p| p.subject.clone())
                                        .filter(|c| Some(c) != hc.as_ref())
                                });
                            if referent.is_some() {
                                subject = hc;
                                partner = referent;
                                explicit = true;
                                how.push("apposition `X, its N-th largest ...`".into());
                            }
                        }
                    }
                }
            }
            // the clause's subject: the first country of the clause before the cue, not in a PP
            let prev_cue_in_clause = cues[..ci].iter().any(|c| cx.clause_of(c.start) == cl);
            if subject.is_none() && !prev_cue_in_clause {
                let first = cx.ments.iter().find(|m| {
                    m.1 >= clause.start.max(prev_cue_end)
                        && m.2 <= cue.start
                        && inp.mentions[m.0].kind != MentionKind::Place
                        && matches!(inp.actors[inp.mentions[m.0].actor].kind, ActorKind::Country)
                        && !prep_before(words, m.1)
                        && cx.country(m.0) != partner
                });
                if let Some(m) = first {
                    subject = cx.country(m.0);
                    explicit = true;
                    how.push("subject of the clause".into());
                }
            }
            if cue.takes == "date" && subject.is_none() {
                if let Some(m) = cx.ments.iter().rev().find(|m| {
                    m.2 <= cue.start
                        && inp.actors[inp.mentions[m.0].actor].kind == ActorKind::Organization
                }) {
                    let a = &inp.actors[inp.mentions[m.0].actor];
                    subject = a.country.clone();
                    items = Some(vec![a.name.clone()]);
                }
            }
            if cue.indicator == "founded" {
                if let Some(m) = cx.ments.iter().rev().find(|m| {
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
            let bilateral_literal = (cue.start.saturating_sub(3)..cue.end)
                .any(|t| matches!(words[t].as_str(), "bilateral" | "two-way"));
            let bilateral_word = (cue.start.saturating_sub(3)..cue.end)
                .any(|t| matches!(words[t].as_str(), "bilateral" | "two-way"))
                || cue.indicator == "trade.total";
            let overall = (cue.start.saturating_sub(3)..cue.start)
                .any(|t| matches!(words[t].as_str(), "overall" | "global" | "worldwide"))
                || (cue.end..(cue.end + 2).min(words.len()))
                    .any(|t| matches!(words[t].as_str(), "abroad" | "overseas"));
            // ---- carry-over: the sentence's previous fact, the story's previous fact, the dateline, the dyad
            let carries = |f: &FactRec| {
                !matches!(
                    f.indicator.as_str(),
                    "independence" | "founded" | "relations.established" | "population.diaspora"
                )
            };
            let prev_sent = out[sent_facts_start..]
                .iter()
                .rev()
                .find(|f| carries(f))
                .cloned();
            let prev_doc = out
                .iter()
                .rev()
                .find(|f| {
                    carries(f)
                        && f.subject.is_some()
                        && inp.sents[f.sentence].paragraph + 3 >= s.paragraph
                })
                .cloned();
            // two-way trade with no party named: the story's pair, dateline country first
            if subject.is_none()
                && partner.is_none()
                && prev_sent.is_none()
                && (cue.indicator == "trade.total" || bilateral_word)
                && dyad.len() == 2
            {
                let first = inp
                    .dateline_country
                    .clone()
                    .filter(|c| dyad.contains(c))
                    .unwrap_or_else(|| dyad[0].clone());
                partner = dyad.iter().find(|c| **c != first).cloned();
                subject = Some(first);
                how.push("the story's two countries".into());
            }
            let carried_from = if subject.is_none() {
                if let Some(p) = prev_sent.clone().or(prev_doc.clone()) {
                    subject = p.subject.clone();
                    how.push("subject carried from the previous fact".into());
                    Some(p)
                } else {
                    if let Some(dc) = inp.dateline_country.clone().filter(|c| dyad.contains(c)) {
                        subject = Some(dc);
                        how.push("subject from the dateline".into());
                    } else {
                        subject = dyad.first().cloned();
                        how.push("subject from the story's main countries".into());
                    }
                    None
                }
            } else {
                None
            };
            let bilateral = !matches!(cue.indicator.as_str(), "independence" | "founded");
            if partner.is_none() && bilateral && !overall {
                let mirror = |p: &FactRec| -> Option<String> {
                    if p.subject == subject {
                        p.partner.clone()
                    } else if p.partner == subject {
                        p.subject.clone()
                    } else {
                        None
                    }
                };
                // the partner carries from the same sentence, or from a fact of the same
                // indicator before ("exports to the U.S. fell ... The figures showed exports were")
                if let Some(p) = carried_from
                    .as_ref()
                    .filter(|p| p.sentence == si || p.indicator == cue.indicator)
                {
                    partner = mirror(p);
                    how.push("partner carried from the previous fact".into());
                } else if let Some(p) = prev_sent
                    .as_ref()
                    .filter(|p| {
                        // "Taiwan's exports to China fell ..., while China's exports rose":
                        // a contrasting clause of the same indicator
                        p.indicator == cue.indicator
                            && p.span.end <= toks[clause.start].span.start
                            && matches!(
                                words[clause.start].as_str(),
                                "while" | "whereas" | "but" | "and"
                            )
                    })
                    .and_then(|p| mirror(p).map(|x| (p, x)))
                {
                    partner = Some(p.1);
                    how.push("partner from the sentence's previous fact".into());
                } else if carried_from.is_none() && !explicit && dyad_strong
                    || favour
                    || bilateral_literal
                    || cue.takes == "ordinal"
                    || cue.takes == "date"
                    || !cue.indicator.starts_with("trade.")
                        && !cue.indicator.starts_with("investment.")
                {
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
            if cue.phrase == "imbalance" && !favour {
                continue;
            }
            // a company's or a budget's figure is no bilateral investment or trade balance
            if cue.indicator.starts_with("investment.") && !explicit && partner.is_none() {
                continue;
            }
            let trade_word = (cue.start.saturating_sub(3)..cue.start).any(|t| words[t] == "trade");
            if cue.indicator == "trade.balance"
                && !trade_word
                && partner.is_none()
                && words
                    .iter()
                    .any(|w| matches!(w.as_str(), "budget" | "fiscal" | "spending" | "tax"))
            {
                continue;
            }
            // "restore diplomatic relations, broken off in 1986"
            if cue.indicator == "relations.established"
                && words.iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "broken"
                            | "broke"
                            | "severed"
                            | "severing"
                            | "restore"
                            | "restored"
                            | "suspended"
                            | "cut"
                    )
                })
            {
                continue;
            }
            // a figure without a date shares the date of "the quarter" or the fact it continues
            if period.is_none() && has_value {
                period = cx.anaphoric_period();
                if period.is_none() && cue.takes == "money" {
                    if let Some(p) = carried_from
                        .as_ref()
                        .or(prev_sent.as_ref())
                        .filter(|p| p.value.is_some())
                    {
                        period = p.period.clone();
                    } else if let Some(p) = out.last().filter(|p| {
                        inp.sents[p.sentence].paragraph + 1 >= s.paragraph && p.value.is_some()
                    }) {
                        period = p.period.clone();
                    }
                }
            }
            if cue.indicator == "relations.established" && period.is_none() {
                continue;
            }
            let mut indicator = cue.indicator.clone();
            let has_since = inp.times.iter().any(|t| {
                t.start >= s.span.start
                    && t.end <= s.span.end
                    && t.signal.as_deref() == Some("since")
            });
            if indicator == "investment.flow"
                && (has_since
                    || words
                        .iter()
                        .any(|w| matches!(w.as_str(), "cumulative" | "accumulated"))
                    || period.is_none())
            {
                indicator = "investment.cumulative".into();
            }
            if indicator.starts_with("tourism.visitors") && cue.takes == "percent" {
                indicator = "tourism.visitors.change".into();
            }
            let (value, unit, qualifier, change) = match &bound {
                Some(b) => figure(inp, b, cue.sign, favour),
                None => (None, None, None, None),
            };
            if let Some(b) = &bound {
                for &q in &b.used {
                    used_q[q] = true;
                }
            }
            claimed.push((cue.start, cue.end));
            let span = Span::new(toks[clause.start].span.start, toks[clause.end - 1].span.end);
            out.push(FactRec {
                indicator,
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
        // ---- ellipsis: "... and with EC nations, 16.7 billion dlrs", "and rose to 752 mln dlrs"
        if out.len() > sent_facts_start {
            let mut t = 0;
            while t < words.len() {
                let tmpl_idx = out[sent_facts_start..]
                    .iter()
                    .rposition(|f| toks.get(t).is_some_and(|tk| f.span.start <= tk.span.start))
                    .map(|k| k + sent_facts_start);
                let Some(ti) = tmpl_idx else {
                    t += 1;
                    continue;
                };
                let tmpl = out[ti].clone();
                if tmpl.value.is_none()
                    || !matches!(
                        tmpl.indicator.as_str(),
                        "trade.balance"
                            | "trade.total"
                            | "trade.exports"
                            | "trade.imports"
                            | "investment.flow"
                    )
                {
                    t += 1;
                    continue;
                }
                let next_cue = cues
                    .iter()
                    .map(|c| c.start)
                    .filter(|&st| st > t)
                    .min()
                    .unwrap_or(words.len());
                let mut made = None;
                if words[t] == "with" {
                    if let Some(m) = cx.country_at(t + 1).filter(|m| !taken_ments.contains(&m.0)) {
                        // "with Canada the deficit ..." belongs to the cue after it
                        if next_cue > m.2 + 2 {
                            let limit = (m.2 + 14).min(words.len()).min(next_cue);
                            let stop = (m.2..limit).find(|&u| words[u] == "with").unwrap_or(limit);
                            if let Some(b) = cx.bind_after(m.2, stop, "money", &used_q, true) {
                                taken_ments.push(m.0);
                                made = Some((
                                    b,
                                    cx.country(m.0),
                                    tmpl.subject.clone(),
                                    "elliptical `and with X`",
                                    m.2,
                                ));
                            }
                        }
                    }
                } else if words[t] == "and"
                    && DELTA_WORDS.contains(&cx.w(t + 1))
                    && cx.w(t + 2) == "to"
                {
                    if let Some(b) =
                        cx.bind_after(t + 2, next_cue.min(words.len()), "money", &used_q, true)
                    {
                        made = Some((
                            b,
                            tmpl.partner.clone(),
                            tmpl.subject.clone(),
                            "elliptical `and rose to`",
                            t + 1,
                        ));
                    }
                }
                if let Some((b, partner, subject, rule, at)) = made {
                    let sign = if tmpl.value.unwrap_or(0.0) < 0.0 {
                        -1.0
                    } else {
                        1.0
                    };
                    let (value, unit, qualifier, change) = figure(inp, &b, sign, false);
                    let period = cx
                        .period(at, at, Some(&b), "money")
                        .or_else(|| cx.anaphoric_period())
                        .or(tmpl.period.clone());
                    for &q in &b.used {
                        used_q[q] = true;
                    }
                    let cl = s.clauses[cx.clause_of(at)];
                    out.push(FactRec {
                        indicator: tmpl.indicator.clone(),
                        subject,
                        partner,
                        period,
                        value,
                        unit,
                        qualifier,
                        change,
                        rank: None,
                        items: None,
                        sentence: si,
                        span: Span::new(toks[cl.start].span.start, toks[cl.end - 1].span.end),
                        rule: format!(
                            "{rule} after `{}`",
                            tmpl.rule.split(';').next().unwrap_or("")
                        ),
                    });
                    t = b.vend;
                    continue;
                }
                t += 1;
            }
        }
    }
    // the facts in text order
    out.sort_by_key(|f| (f.sentence, f.span.start));
    out
}

/// Value, unit, qualifier and change (from, to) of a bound figure.
type Figure = (
    Option<f64>,
    Option<String>,
    Option<String>,
    Option<(f64, f64)>,
);

/// The value, unit, hedge and change of a bound figure; a bare "billion" takes the currency
/// of the latest money figure before it.
fn figure(inp: &FactInput, b: &Bound, sign: f64, favour: bool) -> Figure {
    let sign = if favour { 1.0 } else { sign };
    let q = &inp.quantities[b.q];
    let mut unit = q.unit.clone();
    if unit.is_none() && q.kind == QuantityKind::Count && q.value >= 1e6 {
        unit = inp.quantities[..b.q]
            .iter()
            .rev()
            .find(|x| x.kind == QuantityKind::Money && x.unit.is_some())
            .and_then(|x| x.unit.clone());
    }
    let mut value = q.value * sign;
    let mut change = None;
    if let Some((a, z)) = q.range {
        // "rose 900 mln dlrs to 2.6 billion dlrs": the level only
        if !b.delta {
            change = Some((a * sign, z * sign));
        }
        value = z * sign;
    }
    if let Some(f) = b.change_from {
        change = Some((inp.quantities[f].value * sign, value));
    }
    (
        Some(value),
        unit,
        q.qualifier.map(|x| x.as_str().to_string()),
        change,
    )
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
                | "products"
                | "goods"
                | "items"
                | "currently"
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
