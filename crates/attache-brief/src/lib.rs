//! The brief: a report on two countries' relations written from the attache store, every
//! sentence generated from stored events and facts and cited to the document sentences
//! behind it.
//!
//! [`build`] reads the pair's documents through the store's queries and returns a [`Brief`]
//! (sections of cited lines plus a numbered source list); [`render`] writes it as Markdown or
//! HTML. The CLI (`attache brief`) and the dashboard (`/pairs/{A}-{B}/brief`) share both.
//!
//! Sentence templates are general: any pair, any event code (CAMEO roots as the fallback
//! wording) and every indicator of the contract. Figures stated by several documents are
//! merged when they agree within 5%; otherwise they are shown side by side. Consistency flags
//! follow the rules of `attache_core::checks` (parts against totals within 5%, changes beyond
//! 30%), applied across all the pair's documents rather than one at a time; they are
//! recomputed here so the dashboard does not link the whole engine.

use std::collections::{BTreeMap, HashMap};

use attache_model::{Document, Event, EventStatus, Fact, Mention};
use attache_store::{EventQuery, FactQuery, Pair, Store};
use serde::Serialize;

pub mod render;
pub mod words;

use words::*;

/// Tolerance of a parts-against-total sum, as a share of the total (as in the facts stage).
pub const SUM_TOLERANCE: f64 = 0.05;
/// A change between consecutive periods beyond this share is flagged.
pub const SHARP_CHANGE: f64 = 0.30;
/// Two statements of one figure further apart than this share are shown side by side.
pub const CONFLICT_TOLERANCE: f64 = 0.05;
/// Events within this many months before the newest document are "recent".
pub const RECENT_MONTHS: i64 = 12;

/// What to include.
#[derive(Debug, Clone)]
pub struct Options {
    /// Only documents published on or after this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub from: Option<String>,
    /// Only documents published on or before this date (prefix comparison).
    pub to: Option<String>,
    /// At most this many documents, the most recently published first.
    pub max_documents: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            from: None,
            to: None,
            max_documents: 500,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Country {
    pub code: String,
    pub name: String,
}

/// The report.
#[derive(Debug, Clone, Serialize)]
pub struct Brief {
    pub pair: String,
    pub a: Country,
    pub b: Country,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Documents the brief was written from.
    pub documents: usize,
    /// Documents of the pair in the window (more than `documents` when capped).
    pub documents_available: usize,
    /// Earliest and latest publication dates of those documents.
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    pub sections: Vec<Section>,
    pub sources: Vec<Source>,
}

impl Brief {
    /// No record names both countries (in the window).
    pub fn is_empty(&self) -> bool {
        self.sections.iter().all(|s| s.lines.is_empty())
    }

    /// The plain statement printed when there is nothing to report.
    pub fn empty_message(&self) -> String {
        let window = match (&self.from, &self.to) {
            (None, None) => String::new(),
            (f, t) => format!(
                " published {}{}",
                f.as_deref()
                    .map(|f| format!("from {f} "))
                    .unwrap_or_default(),
                t.as_deref().map(|t| format!("to {t}")).unwrap_or_default()
            )
            .trim_end()
            .to_string(),
        };
        format!(
            "No records for {} in the store: no stored document{window} has an event or a fact between {} and {}.",
            self.pair, self.a.name, self.b.name
        )
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Stable anchor: `relationship`, `contacts`, `history`, `agreements`, `trade`, `people`,
    /// `tourism`, `frictions`, `other`.
    pub id: String,
    pub title: String,
    pub lines: Vec<Line>,
}

/// One generated sentence with its citations (numbers into [`Brief::sources`]).
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub text: String,
    pub cites: Vec<usize>,
    /// Consistency flags on the figures of this sentence.
    pub flags: Vec<Flag>,
    /// Conflicting statements of one figure, side by side (empty unless sources differ).
    pub sides: Vec<Side>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Flag {
    /// `sum`, `change`, `conflict` or a check kind stored by the coder.
    pub kind: String,
    /// `consistent`, `inconsistent` or `flagged`.
    pub status: String,
    pub text: String,
    pub cites: Vec<usize>,
}

/// One of several differing statements of a figure.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    pub value: String,
    pub cites: Vec<usize>,
}

/// A cited sentence of a stored document.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub n: usize,
    pub doc_id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// `[start, end)` in code points of the document's text.
    pub span: [usize; 2],
    pub text: String,
    /// Records stated in this sentence: `event-3`, `fact-5` (anchors of the document page).
    pub records: Vec<String>,
}

/// Errors are the store's.
pub type Result<T> = std::result::Result<T, attache_store::StoreError>;

// ---------------------------------------------------------------------------------------
// Drafting: lines refer to document sentences; numbers are assigned in reading order last.

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Ref {
    doc: usize,
    sentence: usize,
    span: [usize; 2],
    anchor: String,
}

#[derive(Debug, Clone, Default)]
struct Draft {
    text: String,
    refs: Vec<Ref>,
    flags: Vec<(String, String, String, Vec<Ref>)>,
    sides: Vec<(String, Vec<Ref>)>,
    /// Sort key inside the section.
    order: String,
}

fn refs_of(doc: usize, mentions: &[Mention], anchor: String) -> Vec<Ref> {
    mentions
        .iter()
        .map(|m| Ref {
            doc,
            sentence: m.sentence,
            span: m.span,
            anchor: anchor.clone(),
        })
        .collect()
}

struct Ctx<'a> {
    pair: &'a Pair,
    docs: Vec<Document>,
    names: HashMap<String, String>,
}

impl Ctx<'_> {
    fn country(&self, code: &str) -> String {
        self.names
            .get(code)
            .cloned()
            .unwrap_or_else(|| code.to_string())
    }

    fn in_pair(&self, x: Option<&str>, y: Option<&str>) -> bool {
        match (x, y) {
            (Some(x), Some(y)) => {
                (x == self.pair.a && y == self.pair.b) || (x == self.pair.b && y == self.pair.a)
            }
            _ => false,
        }
    }

    /// A party as an analyst writes it: `Kazakhstan's president Kassym-Jomart Tokayev`,
    /// `Astana (Kazakhstan)`, `South Korea`.
    fn party(&self, doc: usize, p: Option<&attache_model::Party>) -> String {
        let Some(p) = p else {
            return "an unnamed party".into();
        };
        let country = p.country.as_deref().map(|c| self.country(c));
        let actor = self.docs[doc]
            .actors
            .iter()
            .find(|a| a.name == p.name && a.country == p.country);
        use attache_model::ActorKind::*;
        match (actor.map(|a| a.kind), country) {
            (Some(Country), _) => p.name.clone(),
            (_, Some(c)) if p.name == c => p.name.clone(),
            (Some(Person), Some(c)) => match actor.and_then(|a| a.role.as_deref()) {
                // An unnamed office holder ("Kazakh counterpart"): the office is the name.
                Some(role) if p.name.to_lowercase().contains(&role.to_lowercase()) => {
                    format!("{} {role}", possessive(&c))
                }
                Some(role) => format!("{} {role} {}", possessive(&c), p.name),
                None => format!("{} ({c})", p.name),
            },
            (_, Some(c)) if p.name.contains(&c) => p.name.clone(),
            (_, Some(c)) => format!("{} ({c})", p.name),
            (_, None) => p.name.clone(),
        }
    }

    /// The short form of a party for a second mention: a person's surname.
    fn short(&self, doc: usize, p: Option<&attache_model::Party>) -> String {
        let Some(p) = p else {
            return "the other party".into();
        };
        let person = self.docs[doc].actors.iter().any(|a| {
            a.name == p.name && a.country == p.country && a.kind == attache_model::ActorKind::Person
        });
        if person {
            p.name
                .split_whitespace()
                .last()
                .unwrap_or(&p.name)
                .to_string()
        } else {
            p.name.clone()
        }
    }

    /// "As reported on 25 July 2025" for a document (or nothing when undated).
    fn reported(&self, doc: usize) -> Option<String> {
        self.docs[doc]
            .published
            .as_deref()
            .map(|d| format!("As reported on {}", date_words(d)))
    }
}

/// Writes the brief of `pair` from the store.
pub fn build(store: &Store, pair: &Pair, opts: &Options) -> Result<Brief> {
    // The pair's documents, newest first, through the store's pair queries.
    let mut ids: BTreeMap<String, Option<String>> = BTreeMap::new();
    let page = 10_000;
    let mut offset = 0u64;
    loop {
        let ev = store.events(&EventQuery {
            pair: Some(pair.clone()),
            limit: page,
            offset,
            ..Default::default()
        })?;
        for e in &ev.items {
            ids.entry(e.doc_id.clone()).or_insert(e.published.clone());
        }
        offset += ev.items.len() as u64;
        if ev.items.is_empty() || offset >= ev.total {
            break;
        }
    }
    offset = 0;
    loop {
        let fa = store.facts(&FactQuery {
            pair: Some(pair.clone()),
            limit: page,
            offset,
            ..Default::default()
        })?;
        for f in &fa.items {
            ids.entry(f.doc_id.clone()).or_insert(f.published.clone());
        }
        offset += fa.items.len() as u64;
        if fa.items.is_empty() || offset >= fa.total {
            break;
        }
    }
    let in_window = |p: &Option<String>| -> bool {
        match (&opts.from, &opts.to) {
            (None, None) => true,
            (f, t) => {
                let Some(p) = p.as_deref() else { return false };
                f.as_deref().is_none_or(|f| p >= f)
                    && t.as_deref()
                        .is_none_or(|t| p.get(..t.len().min(p.len())).unwrap_or(p) <= t)
            }
        }
    };
    let mut chosen: Vec<(String, Option<String>)> =
        ids.into_iter().filter(|(_, p)| in_window(p)).collect();
    chosen.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let available = chosen.len();
    chosen.truncate(opts.max_documents.max(1));

    let mut docs = Vec::with_capacity(chosen.len());
    for (id, _) in &chosen {
        if let Some(d) = store.document(id)? {
            docs.push(d.document);
        }
    }
    Ok(write(pair, docs, available, opts))
}

/// Writes the brief from already loaded documents (what [`build`] does after its queries).
pub fn write(pair: &Pair, docs: Vec<Document>, available: usize, opts: &Options) -> Brief {
    // Country names as the documents write them (the most frequent country actor name).
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    for d in &docs {
        for a in &d.actors {
            if a.kind == attache_model::ActorKind::Country {
                if let Some(c) = &a.country {
                    *counts.entry((c.clone(), a.name.clone())).or_default() += a.mentions.len();
                }
            }
        }
    }
    let mut names: HashMap<String, (String, usize)> = HashMap::new();
    for ((c, n), k) in counts {
        let e = names.entry(c).or_insert((n.clone(), 0));
        if k > e.1 || (k == e.1 && n < e.0) {
            *e = (n, k);
        }
    }
    let names: HashMap<String, String> = names.into_iter().map(|(c, (n, _))| (c, n)).collect();
    let published: Vec<&str> = docs.iter().filter_map(|d| d.published.as_deref()).collect();
    let first_published = published.iter().min().map(|s| s.to_string());
    let last_published = published.iter().max().map(|s| s.to_string());
    let ctx = Ctx { pair, docs, names };

    let mut sections: Vec<(&str, &str, Vec<Draft>)> = vec![
        ("relationship", "The relationship", vec![]),
        ("contacts", "Recent high-level contacts", vec![]),
        ("history", "History of visits and contacts", vec![]),
        ("agreements", "Agreements and cooperation", vec![]),
        ("trade", "Trade and investment", vec![]),
        ("people", "People and culture", vec![]),
        ("tourism", "Tourism and connectivity", vec![]),
        ("frictions", "Frictions", vec![]),
        ("other", "Other figures", vec![]),
    ];
    let mut put = |id: &str, d: Draft| {
        if let Some(s) = sections.iter_mut().find(|s| s.0 == id) {
            s.2.push(d);
        }
    };
    for (sec, d) in event_drafts(&ctx, last_published.as_deref()) {
        put(sec, d);
    }
    for (sec, d) in fact_drafts(&ctx) {
        put(sec, d);
    }

    // Number the sources in reading order.
    let mut numbers: HashMap<(usize, usize), usize> = HashMap::new();
    let mut sources: Vec<Source> = Vec::new();
    let mut chars_cache: HashMap<usize, Vec<char>> = HashMap::new();
    let mut cite = |refs: &[Ref]| -> Vec<usize> {
        let mut out = Vec::new();
        for r in refs {
            let key = (r.doc, r.sentence);
            let n = match numbers.get(&key) {
                Some(&n) => {
                    let s = &mut sources[n - 1];
                    if !s.records.contains(&r.anchor) {
                        s.records.push(r.anchor.clone());
                    }
                    n
                }
                None => {
                    let d = &ctx.docs[r.doc];
                    let chars = chars_cache
                        .entry(r.doc)
                        .or_insert_with(|| d.text.chars().collect());
                    let (s, e) = sentence_around(chars, r.span);
                    let n = sources.len() + 1;
                    sources.push(Source {
                        n,
                        doc_id: d.id.clone(),
                        title: d.title.clone(),
                        url: d.url.clone(),
                        outlet: d.source.clone(),
                        published: d.published.clone(),
                        sentence: r.sentence,
                        span: [s, e],
                        text: chars[s..e].iter().collect::<String>().trim().to_string(),
                        records: vec![r.anchor.clone()],
                    });
                    numbers.insert(key, n);
                    n
                }
            };
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out
    };
    let mut out_sections = Vec::new();
    for (id, title, mut drafts) in sections {
        drafts.sort_by(|x, y| x.order.cmp(&y.order));
        let mut lines = Vec::new();
        for d in drafts {
            let cites = cite(&d.refs);
            let sides = d
                .sides
                .iter()
                .map(|(v, r)| Side {
                    value: v.clone(),
                    cites: cite(r),
                })
                .collect();
            let flags = d
                .flags
                .iter()
                .map(|(k, s, t, r)| Flag {
                    kind: k.clone(),
                    status: s.clone(),
                    text: t.clone(),
                    cites: cite(r),
                })
                .collect();
            lines.push(Line {
                text: d.text,
                cites,
                flags,
                sides,
            });
        }
        out_sections.push(Section {
            id: id.to_string(),
            title: title.to_string(),
            lines,
        });
    }
    Brief {
        pair: pair.to_string(),
        a: Country {
            code: pair.a.clone(),
            name: ctx.country(&pair.a),
        },
        b: Country {
            code: pair.b.clone(),
            name: ctx.country(&pair.b),
        },
        from: opts.from.clone(),
        to: opts.to.clone(),
        documents: ctx.docs.len(),
        documents_available: available,
        first_published,
        last_published,
        sections: out_sections,
        sources,
    }
}

/// The sentence around a span: back to the previous sentence end or line break, forward to
/// the next. Spans are clauses or sentences in code points; the result is for quoting.
fn sentence_around(chars: &[char], span: [usize; 2]) -> (usize, usize) {
    let n = chars.len();
    let (mut s, mut e) = (span[0].min(n), span[1].min(n).max(span[0].min(n)));
    let ends_sentence = |i: usize| -> bool {
        // chars[i] is a terminator followed by whitespace, not an initial (`U.S.`, `J.`).
        if !matches!(chars[i], '.' | '!' | '?') {
            return false;
        }
        if i + 1 < n && !chars[i + 1].is_whitespace() && !matches!(chars[i + 1], '"' | '”') {
            return false;
        }
        if chars[i] == '.' && i >= 1 && chars[i - 1].is_uppercase() {
            return i >= 2 && chars[i - 2].is_alphabetic();
        }
        true
    };
    while s > 0 {
        let c = chars[s - 1];
        if c == '\n' {
            break;
        }
        if c.is_whitespace() && s >= 2 && ends_sentence(s - 2) {
            break;
        }
        s -= 1;
    }
    // The span itself may end just after a terminator.
    if e > s && e <= n && ends_sentence(e - 1) {
        return (s, e);
    }
    while e < n {
        if chars[e] == '\n' {
            break;
        }
        if ends_sentence(e) {
            e += 1;
            if e < n && matches!(chars[e], '"' | '”') {
                e += 1;
            }
            break;
        }
        e += 1;
    }
    (s, e)
}

// ---------------------------------------------------------------------------------------
// Events

struct EvGroup<'a> {
    doc: usize,
    ev: &'a Event,
    head: Option<String>,
    refs: Vec<Ref>,
    /// The event's own date (not the publication date it may have fallen back to).
    own_date: Option<String>,
}

fn lower(p: Option<&attache_model::Party>) -> String {
    p.map(|p| p.name.to_lowercase()).unwrap_or_default()
}

/// `YYYY-MM` months between the start of `d` (or of the end of a range) and `reference`.
fn months_before(d: &str, reference: &str) -> Option<i64> {
    let d = d.rsplit('/').next().unwrap_or(d);
    let ym = |s: &str| -> Option<i64> {
        let y: i64 = s.get(..4)?.parse().ok()?;
        let m: i64 = s.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(12);
        Some(y * 12 + m)
    };
    Some(ym(reference)? - ym(d)?)
}

fn event_drafts(ctx: &Ctx<'_>, newest: Option<&str>) -> Vec<(&'static str, Draft)> {
    // One group per real-world event: the same code, parties, date and count in several
    // documents (wire copies, follow-ups) is one sentence with several citations.
    let mut groups: Vec<EvGroup<'_>> = Vec::new();
    let mut index: HashMap<(String, String, String, String, u32, bool), usize> = HashMap::new();
    for (di, d) in ctx.docs.iter().enumerate() {
        for (ei, e) in d.events.iter().enumerate() {
            let sc = e.source.as_ref().and_then(|p| p.country.as_deref());
            let tc = e.target.as_ref().and_then(|p| p.country.as_deref());
            if !ctx.in_pair(sc, tc)
                || !matches!(e.status, EventStatus::Occurred | EventStatus::Planned)
            {
                continue;
            }
            // Establishing relations is told by the relations.established fact of the
            // same sentence when there is one.
            if e.cameo.starts_with("054")
                && d.facts.iter().any(|f| {
                    f.indicator == "relations.established"
                        && f.mentions
                            .iter()
                            .any(|m| e.mentions.iter().any(|n| n.sentence == m.sentence))
                })
            {
                continue;
            }
            let own_date = if e.date_source.as_deref() == Some("published") {
                None
            } else {
                e.date.clone()
            };
            let refs = refs_of(di, &e.mentions, format!("event-{ei}"));
            let key = (
                e.cameo.clone(),
                lower(e.source.as_ref()),
                lower(e.target.as_ref()),
                own_date.clone().unwrap_or_default(),
                e.count,
                e.status == EventStatus::Planned,
            );
            // Undated events merge only within their document.
            let key = if own_date.is_none() {
                (key.0, key.1, key.2, format!("doc:{di}"), key.4, key.5)
            } else {
                key
            };
            match index.get(&key) {
                Some(&g) => groups[g].refs.extend(refs),
                None => {
                    index.insert(key, groups.len());
                    groups.push(EvGroup {
                        doc: di,
                        ev: e,
                        head: rule_head(e.rule.as_deref()),
                        refs,
                        own_date,
                    });
                }
            }
        }
    }

    // Combine what one sentence says about one dyad on one date ("spoke by phone ... and
    // reaffirmed ..."), and an invitation with its acceptance.
    let mut used = vec![false; groups.len()];
    let mut out = Vec::new();
    for i in 0..groups.len() {
        if used[i] {
            continue;
        }
        used[i] = true;
        let g = &groups[i];
        let mut members = vec![i];
        let first_sentence = g.ev.mentions.first().map(|m| m.sentence);
        for (j, h) in groups.iter().enumerate().skip(i + 1) {
            if used[j] || h.doc != g.doc {
                continue;
            }
            let same_sentence = h.ev.mentions.first().map(|m| m.sentence) == first_sentence;
            let same_dyad = lower(h.ev.source.as_ref()) == lower(g.ev.source.as_ref())
                && lower(h.ev.target.as_ref()) == lower(g.ev.target.as_ref());
            if same_sentence && same_dyad && h.own_date == g.own_date && h.ev.status == g.ev.status
            {
                used[j] = true;
                members.push(j);
            }
        }
        // An invitation and its acceptance by the invitee, in the same document.
        let mut accepted: Option<usize> = None;
        if g.head.as_deref() == Some("invite") {
            accepted = groups.iter().enumerate().position(|(j, h)| {
                !used[j]
                    && h.doc == g.doc
                    && h.head.as_deref() == Some("accept")
                    && lower(h.ev.source.as_ref()) == lower(g.ev.target.as_ref())
                    && lower(h.ev.target.as_ref()) == lower(g.ev.source.as_ref())
            });
            if let Some(j) = accepted {
                used[j] = true;
            }
        }
        let ms: Vec<&EvGroup<'_>> = members.iter().map(|&k| &groups[k]).collect();
        out.push(event_line(ctx, &ms, accepted.map(|j| &groups[j]), newest));
    }
    out
}

fn event_line(
    ctx: &Ctx<'_>,
    ms: &[&EvGroup<'_>],
    accepted: Option<&EvGroup<'_>>,
    newest: Option<&str>,
) -> (&'static str, Draft) {
    let g = ms[0];
    let e = g.ev;
    let src = ctx.party(g.doc, e.source.as_ref());
    let tgt = ctx.party(g.doc, e.target.as_ref());
    let planned = e.status == EventStatus::Planned;
    // Predicates of the combined events, the target named once.
    let mut preds: Vec<String> = Vec::new();
    for (k, m) in ms.iter().enumerate() {
        let pr = predicate(&m.ev.cameo, m.ev.rule.as_deref());
        // "will visit" is coded as an intent to meet (036); planned, it is a visit to come.
        let verb = if planned && m.head.as_deref() == Some("visit") {
            "visit"
        } else if planned {
            pr.base
        } else {
            pr.past
        };
        // Later predicates share the first one's target: drop their trailing preposition.
        // A place as the other party of a meeting or talks is where they happened:
        // "is to meet in Warsaw (Poland)", not "is to meet Warsaw".
        let target_is_place = ctx.docs[g.doc].actors.iter().any(|a| {
            e.target
                .as_ref()
                .is_some_and(|t| a.name == t.name && a.country == t.country)
                && a.kind == attache_model::ActorKind::Place
        });
        let meeting = (m.ev.cameo.starts_with("04") || m.ev.cameo == "036")
            && !matches!(m.ev.cameo.as_str(), "042" | "043")
            && !verb.contains("visit")
            && !verb.contains("travel")
            && !verb.contains("arrive");
        let mut s = if k == 0 && target_is_place && meeting {
            let v = verb.strip_suffix(" with").unwrap_or(verb);
            format!("{v} in {tgt}")
        } else if k == 0 {
            format!("{verb} {tgt}")
        } else {
            [" with", " to", " from", " in", " on", " of"]
                .iter()
                .find_map(|p| verb.strip_suffix(p))
                .unwrap_or(verb)
                .to_string()
        };
        if m.head.as_deref() == Some("invite") {
            let t = m.ev.text.to_lowercase();
            let what = ["visit", "summit", "talks", "meeting", "conference", "forum"]
                .into_iter()
                .find(|w| t.contains(w));
            match what {
                Some("visit") => s.push_str(" to visit"),
                Some("talks") => s.push_str(" to talks"),
                Some(w) => s.push_str(&format!(" to a {w}")),
                None => {}
            }
        }
        if !preds.contains(&s) {
            preds.push(s);
        }
    }
    let mut body = format!("{src} {}", join_and(&preds));
    if planned {
        body = format!("{src} is to {}", join_and(&preds));
    }
    if let Some(loc) = &e.location {
        let tname = e.target.as_ref().map(|p| p.name.as_str());
        let sname = e.source.as_ref().map(|p| p.name.as_str());
        if Some(loc.name.as_str()) != tname && Some(loc.name.as_str()) != sname {
            body.push_str(&format!(" in {}", loc.name));
        }
    }
    if e.count > 1 {
        body.push_str(&format!(" {}", times(e.count)));
    }
    let mut refs: Vec<Ref> = ms.iter().flat_map(|m| m.refs.iter().cloned()).collect();
    if let Some(a) = accepted {
        body.push_str(&format!(
            ", and {} accepted",
            ctx.short(a.doc, a.ev.source.as_ref())
        ));
        refs.extend(a.refs.iter().cloned());
    }
    let text = match (&g.own_date, planned) {
        (Some(d), true) => format!("{body} {}.", when_inline(d)),
        (Some(d), false) => format!("{}, {body}.", when_phrase(d)),
        (None, _) => match ctx.reported(g.doc) {
            Some(r) => format!("{r}, {body}."),
            None => format!("{}.", capitalize(&body)),
        },
    };
    let date = g
        .own_date
        .clone()
        .or_else(|| ctx.docs[g.doc].published.clone())
        .unwrap_or_default();
    let recent = planned
        || match newest {
            Some(n) => months_before(&date, n).is_some_and(|m| m < RECENT_MONTHS),
            None => false,
        };
    let root = e.cameo.get(..2).unwrap_or("");
    let connectivity = {
        let t = e.text.to_lowercase();
        [
            "flight",
            "airline",
            "air route",
            "railway",
            "rail link",
            "ferry",
        ]
        .iter()
        .any(|w| t.contains(w))
    };
    let section = match root {
        "05" if e.cameo.starts_with("054") => "relationship",
        "05" if e.cameo.starts_with("057") => "agreements",
        "06" | "07" | "08" if connectivity => "tourism",
        "06" | "07" | "08" => "agreements",
        "01" | "02" | "03" | "04" | "05" if recent => "contacts",
        "01" | "02" | "03" | "04" | "05" => "history",
        _ => "frictions",
    };
    let order = format!("{date}\u{0}{:06}", g.doc);
    (
        section,
        Draft {
            text,
            refs,
            order,
            ..Default::default()
        },
    )
}

// ---------------------------------------------------------------------------------------
// Facts

/// A fact in its canonical reading: "B imports from A" is "A exports to B"; two-way
/// figures have no direction; a deficit is the partner's surplus.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct FKey {
    indicator: String,
    a: String,
    b: String,
    unit: String,
}

fn canonical(f: &Fact) -> (FKey, f64) {
    let s = f.subject.clone().unwrap_or_default();
    let p = f.partner.clone().unwrap_or_default();
    let unit = f.unit.clone().unwrap_or_default();
    let (ind, a, b, sign) = match f.indicator.as_str() {
        "trade.imports" if !p.is_empty() => ("trade.exports".to_string(), p, s, 1.0),
        "trade.balance" if !p.is_empty() && s > p => ("trade.balance".to_string(), p, s, -1.0),
        "trade.total" | "relations.established" | "flights.weekly" if s > p && !p.is_empty() => {
            (f.indicator.clone(), p, s, 1.0)
        }
        other => (other.to_string(), s, p, 1.0),
    };
    (
        FKey {
            indicator: ind,
            a,
            b,
            unit,
        },
        sign,
    )
}

/// Indicators whose facts name no partner but still belong to a pair's brief when a
/// document about the pair states them.
const UNPAIRED: &[&str] = &["independence", "founded", "trade.exports", "trade.imports"];

#[derive(Debug, Clone)]
struct Stmt<'a> {
    /// Facts that state this figure (agreeing within the tolerance), first one representative.
    facts: Vec<(usize, usize, &'a Fact)>,
    value: Option<f64>,
}

impl Stmt<'_> {
    fn rep(&self) -> (usize, usize, &Fact) {
        self.facts[0]
    }
    fn refs(&self) -> Vec<Ref> {
        self.facts
            .iter()
            .flat_map(|(d, i, f)| refs_of(*d, &f.mentions, format!("fact-{i}")))
            .collect()
    }
}

fn relative_gap(x: f64, y: f64) -> f64 {
    let m = x.abs().max(y.abs());
    if m == 0.0 {
        0.0
    } else {
        (x - y).abs() / m
    }
}

/// The value of a fact as words: `about USD 6.0 billion`, `from 10 to 42`, `fifth`.
fn value_words(f: &Fact, v: Option<f64>) -> String {
    match v {
        Some(v) => format!(
            "{}{}",
            qualifier_words(f.qualifier.as_deref()),
            amount(v, f.unit.as_deref())
        ),
        None => String::new(),
    }
}

/// The clause a fact states, without its period (`two-way trade between A and B was …`).
fn fact_clause(ctx: &Ctx<'_>, f: &Fact, v: Option<f64>) -> String {
    let s = f
        .subject
        .as_deref()
        .map(|c| ctx.country(c))
        .unwrap_or_else(|| "an unnamed country".into());
    let p = f.partner.as_deref().map(|c| ctx.country(c));
    let val = value_words(f, v);
    let items = f
        .items
        .as_ref()
        .filter(|i| !i.is_empty())
        .map(|i| join_and(i));
    let to_p = |prep: &str| {
        p.as_ref()
            .map(|p| format!(" {prep} {p}"))
            .unwrap_or_default()
    };
    match f.indicator.as_str() {
        "trade.total" => format!(
            "two-way trade between {s}{} was {val}",
            p.as_ref().map(|p| format!(" and {p}")).unwrap_or_default()
        ),
        "trade.exports" | "trade.imports" => {
            let (noun, prep) = if f.indicator == "trade.exports" {
                ("exports", "to")
            } else {
                ("imports", "from")
            };
            match (items, v) {
                (Some(i), None) => {
                    format!("{} main {noun}{} include {i}", possessive(&s), to_p(prep))
                }
                (Some(i), Some(_)) => {
                    format!("{} {noun}{} ({i}) were {val}", possessive(&s), to_p(prep))
                }
                (None, _) => format!("{} {noun}{} were {val}", possessive(&s), to_p(prep)),
            }
        }
        "trade.balance" => match v {
            Some(x) if x < 0.0 => format!(
                "{} trade deficit{} was {}{}",
                possessive(&s),
                to_p("with"),
                qualifier_words(f.qualifier.as_deref()),
                amount(-x, f.unit.as_deref())
            ),
            _ => format!("{} trade surplus{} was {val}", possessive(&s), to_p("with")),
        },
        "investment.cumulative" => format!(
            "{} accumulated investment{} has reached {val}",
            possessive(&s),
            to_p("in")
        ),
        "investment.flow" => format!("{s} invested {val}{}", to_p("in")),
        "rank.investor" | "rank.trade_partner" => {
            let what = if f.indicator == "rank.investor" {
                "investor"
            } else {
                "trading partner"
            };
            let r = f.rank.map(ordinal).unwrap_or_else(|| "a leading".into());
            match &p {
                Some(p) => format!("{s} ranks as {} {r}-largest {what}", possessive(p)),
                None => format!("{s} ranks as a {r}-largest {what}"),
            }
        }
        "tourism.visitors" => format!("{val} visitors travelled from {s}{}", to_p("to")),
        "tourism.visitors.change" => match v {
            Some(x) => format!(
                "the number of visitors from {s}{} {} by {}{}",
                to_p("to"),
                if x < 0.0 { "fell" } else { "rose" },
                qualifier_words(f.qualifier.as_deref()),
                amount(x.abs(), f.unit.as_deref())
            ),
            None => format!("the number of visitors from {s}{} changed", to_p("to")),
        },
        "flights.weekly" => {
            let between = match &p {
                Some(p) => format!("between {s} and {p}"),
                None => format!("to and from {s}"),
            };
            let places = items.map(|i| format!(" ({i})")).unwrap_or_default();
            match (&f.change, v) {
                (Some(c), _) => format!(
                    "weekly flights {between}{places} {} from {} to {}",
                    if c.to < c.from {
                        "decreased"
                    } else {
                        "increased"
                    },
                    grouped(c.from),
                    grouped(c.to)
                ),
                (None, Some(_)) => format!("there were {val} weekly flights {between}{places}"),
                (None, None) => format!("weekly flights operate {between}{places}"),
            }
        }
        "population.diaspora" => format!(
            "{} people with roots in {s} live{}",
            if val.is_empty() {
                "some".to_string()
            } else {
                val
            },
            to_p("in")
        ),
        "relations.established" => format!(
            "diplomatic relations between {s}{} were established",
            p.as_ref().map(|p| format!(" and {p}")).unwrap_or_default()
        ),
        "independence" => format!("{s} became independent"),
        "founded" => match items {
            Some(i) if i.contains(&s) => format!("{i} was founded"),
            Some(i) => format!("{i} ({s}) was founded"),
            None => format!("an institution of {s} was founded"),
        },
        "visits.count" => format!(
            "leaders of {s} visited{} {}",
            p.as_ref().map(|p| format!(" {p}")).unwrap_or_default(),
            v.map(|x| times(x.round().max(0.0) as u32))
                .unwrap_or_default()
        ),
        other => {
            let mut x = format!("{other} for {s}{}", to_p("with"));
            if !val.is_empty() {
                x.push_str(&format!(" stood at {val}"));
            }
            if let Some(c) = &f.change {
                x.push_str(&format!(" (from {} to {})", grouped(c.from), grouped(c.to)));
            }
            if let Some(i) = items {
                x.push_str(&format!(" ({i})"));
            }
            x
        }
    }
}

/// A sentence of a clause dated by the fact's period (or by its report).
fn dated(ctx: &Ctx<'_>, f: &Fact, doc: usize, clause: &str) -> String {
    match f.period.as_deref() {
        // The date is the content of these: "established in January 1992".
        Some(d)
            if matches!(
                f.indicator.as_str(),
                "relations.established" | "independence" | "founded"
            ) =>
        {
            format!("{} {}.", capitalize(clause), when_inline(d))
        }
        Some(d) => format!("{}, {clause}.", when_phrase(d)),
        None => match ctx.reported(doc) {
            Some(r) => format!("{r}, {clause}."),
            None => format!("{}.", capitalize(clause)),
        },
    }
}

fn fact_section(ind: &str) -> &'static str {
    match ind {
        "relations.established" | "independence" => "relationship",
        "population.diaspora" | "founded" => "people",
        "visits.count" => "history",
        i if i.starts_with("trade") || i.starts_with("investment") || i.starts_with("rank") => {
            "trade"
        }
        i if i.starts_with("tourism") || i.starts_with("flights") => "tourism",
        _ => "other",
    }
}

/// Period, or for undated facts the report date, as the grouping key of a statement.
fn period_key(ctx: &Ctx<'_>, doc: usize, f: &Fact) -> String {
    match &f.period {
        Some(p) => p.clone(),
        None => format!("~{}", ctx.docs[doc].published.clone().unwrap_or_default()),
    }
}

fn fact_drafts(ctx: &Ctx<'_>) -> Vec<(&'static str, Draft)> {
    // Gather the pair's facts (and the partner-less ones of its documents).
    type Slot<'a> = Vec<(usize, usize, &'a Fact, f64)>;
    let mut groups: BTreeMap<(FKey, String, String), Slot<'_>> = BTreeMap::new();
    for (di, d) in ctx.docs.iter().enumerate() {
        let has_pair = d
            .facts
            .iter()
            .any(|f| ctx.in_pair(f.subject.as_deref(), f.partner.as_deref()))
            || d.events.iter().any(|e| {
                ctx.in_pair(
                    e.source.as_ref().and_then(|p| p.country.as_deref()),
                    e.target.as_ref().and_then(|p| p.country.as_deref()),
                )
            });
        for (fi, f) in d.facts.iter().enumerate() {
            let paired = ctx.in_pair(f.subject.as_deref(), f.partner.as_deref());
            let unpaired = has_pair
                && f.partner.is_none()
                && UNPAIRED.contains(&f.indicator.as_str())
                && f.subject
                    .as_deref()
                    .is_some_and(|s| s == ctx.pair.a || s == ctx.pair.b);
            if !paired && !unpaired {
                continue;
            }
            let (key, sign) = canonical(f);
            // Facts without a value are told by their rank, items or change.
            let extra = format!(
                "{:?}|{:?}|{:?}",
                f.rank,
                f.items,
                f.change
                    .as_ref()
                    .map(|c| (c.from.to_bits(), c.to.to_bits()))
            );
            let v = f.value.map(|v| v * sign).unwrap_or(f64::NAN);
            groups
                .entry((
                    key,
                    period_key(ctx, di, f),
                    if f.value.is_some() {
                        String::new()
                    } else {
                        extra
                    },
                ))
                .or_default()
                .push((di, fi, f, v));
        }
    }

    // Statements: one per group of agreeing values; several when sources differ.
    struct Group<'a> {
        key: FKey,
        period: String,
        stmts: Vec<Stmt<'a>>,
    }
    let mut all: Vec<Group<'_>> = Vec::new();
    for ((key, period, _), mut xs) in groups {
        xs.sort_by(|x, y| x.3.partial_cmp(&y.3).unwrap_or(std::cmp::Ordering::Equal));
        let mut stmts: Vec<Stmt<'_>> = Vec::new();
        for (di, fi, f, v) in xs {
            let value = if v.is_nan() { None } else { Some(v) };
            match stmts.last_mut() {
                Some(s)
                    if match (s.value, value) {
                        (Some(a), Some(b)) => relative_gap(a, b) <= CONFLICT_TOLERANCE,
                        (None, None) => true,
                        _ => false,
                    } =>
                {
                    s.facts.push((di, fi, f))
                }
                _ => stmts.push(Stmt {
                    facts: vec![(di, fi, f)],
                    value,
                }),
            }
        }
        all.push(Group { key, period, stmts });
    }

    let mut out = Vec::new();
    // Trade lines by period: total, exports both ways, balance in one sentence with a sum
    // check; other indicators one sentence each.
    let trade_parts = ["trade.total", "trade.exports", "trade.balance"];
    let mut trade_by_period: BTreeMap<(String, String, String, String), Vec<usize>> =
        BTreeMap::new();
    for (gi, g) in all.iter().enumerate() {
        if trade_parts.contains(&g.key.indicator.as_str()) && !g.key.b.is_empty() {
            let (lo, hi) = if g.key.a <= g.key.b {
                (g.key.a.clone(), g.key.b.clone())
            } else {
                (g.key.b.clone(), g.key.a.clone())
            };
            trade_by_period
                .entry((g.period.clone(), lo, hi, g.key.unit.clone()))
                .or_default()
                .push(gi);
        }
    }
    let mut done = vec![false; all.len()];
    // Change flags over each canonical series: consecutive periods of one granularity.
    let change_flags = series_changes(
        ctx,
        &all.iter()
            .map(|g| (&g.key, g.period.as_str(), &g.stmts))
            .collect::<Vec<_>>(),
    );

    let value_of = |s: &Stmt<'_>| -> String {
        let (_, _, f) = s.rep();
        let sign = canonical(f).1;
        value_words(f, s.value.map(|v| v * sign))
    };
    let side_by_side = |g: &Group<'_>| -> Draft {
        let (d, _, f) = g.stmts[0].rep();
        let what = fact_clause(ctx, f, None);
        let what = what
            .trim_end()
            .trim_end_matches(" was")
            .trim_end_matches(" were")
            .trim_end_matches(" has reached")
            .trim_end_matches(" stood at")
            .to_string();
        let when = if g.period.starts_with('~') {
            ctx.docs[d]
                .published
                .as_deref()
                .map(|p| format!(" as reported on {}", date_words(p)))
                .unwrap_or_default()
        } else {
            format!(" {}", when_inline(&g.period))
        };
        let sides: Vec<(String, Vec<Ref>)> =
            g.stmts.iter().map(|s| (value_of(s), s.refs())).collect();
        let vals: Vec<String> = sides.iter().map(|s| s.0.clone()).collect();
        Draft {
            text: format!(
                "Sources differ on {what}{when}: {}.",
                vals.join(" against ")
            ),
            refs: vec![],
            flags: vec![(
                "conflict".into(),
                "inconsistent".into(),
                format!(
                    "{} statements more than {:.0}% apart",
                    g.stmts.len(),
                    CONFLICT_TOLERANCE * 100.0
                ),
                sides.iter().flat_map(|s| s.1.iter().cloned()).collect(),
            )],
            sides,
            order: String::new(),
        }
    };

    for ((period, lo, hi, unit), gis) in &trade_by_period {
        let mut clauses: Vec<String> = Vec::new();
        let mut refs: Vec<Ref> = Vec::new();
        let mut flags = Vec::new();
        let mut rep: Option<(usize, &Fact)> = None;
        let mut total: Option<(&Stmt<'_>, f64)> = None;
        let mut ex_lo: Option<(&Stmt<'_>, f64)> = None;
        let mut ex_hi: Option<(&Stmt<'_>, f64)> = None;
        let mut conflicted_total: Option<(usize, &Vec<Stmt<'_>>)> = None;
        let mut order_gis = gis.clone();
        order_gis.sort_by_key(|&gi| {
            let k = &all[gi].key;
            (
                trade_parts
                    .iter()
                    .position(|p| *p == k.indicator)
                    .unwrap_or(9),
                k.a.clone(),
            )
        });
        for gi in order_gis {
            let g = &all[gi];
            done[gi] = true;
            if g.stmts.len() > 1 {
                let mut d = side_by_side(g);
                d.order = format!("{period}\u{0}{}", g.key.indicator);
                out.push(("trade", d));
                if g.key.indicator == "trade.total" {
                    conflicted_total = Some((out.len() - 1, &g.stmts));
                }
                continue;
            }
            let s = &g.stmts[0];
            let (d, _, f) = s.rep();
            let sign = canonical(f).1;
            clauses.push(fact_clause(ctx, f, s.value.map(|v| v * sign)));
            refs.extend(s.refs());
            rep.get_or_insert((d, f));
            if let Some(v) = s.value {
                match g.key.indicator.as_str() {
                    "trade.total" => total = Some((s, v)),
                    "trade.exports" if g.key.a == *lo => ex_lo = Some((s, v)),
                    "trade.exports" => ex_hi = Some((s, v)),
                    _ => {}
                }
            }
            if let Some(fl) = change_flags.get(&gi) {
                flags.extend(fl.iter().cloned());
            }
        }
        let Some((d, f)) = rep else { continue };
        if let (Some((ts, t)), Some((xs, x)), Some((ys, y))) = (total, ex_lo, ex_hi) {
            let ok = relative_gap(x + y, t) <= SUM_TOLERANCE;
            // "Kazakhstan's exports to South Korea (about USD 3.8 billion)".
            let part = |s: &Stmt<'_>| {
                let (_, _, f) = s.rep();
                let sign = canonical(f).1;
                let c = fact_clause(ctx, f, None);
                let c = c.trim_end().trim_end_matches(" were");
                format!("{c} ({})", value_words(f, s.value.map(|v| v * sign)))
            };
            let mut r = xs.refs();
            r.extend(ys.refs());
            r.extend(ts.refs());
            flags.push((
                "sum".to_string(),
                if ok { "consistent" } else { "inconsistent" }.to_string(),
                format!(
                    "{} and {} add up to {}, against a stated two-way trade of {}: {}",
                    part(xs),
                    part(ys),
                    amount(x + y, Some(unit.as_str()).filter(|u| !u.is_empty())),
                    value_of(ts),
                    if ok { "consistent" } else { "inconsistent" }
                ),
                r,
            ));
        }
        // Sources differ on the total: say which statement the parts support.
        if let (Some((at, sides)), Some((xs, x)), Some((ys, y))) = (conflicted_total, ex_lo, ex_hi)
        {
            let fits: Vec<&Stmt<'_>> = sides
                .iter()
                .filter(|s| {
                    s.value
                        .is_some_and(|t| relative_gap(x + y, t) <= SUM_TOLERANCE)
                })
                .collect();
            let others: Vec<String> = sides
                .iter()
                .filter(|s| !fits.iter().any(|f| std::ptr::eq(*f, *s)))
                .map(value_of)
                .collect();
            let mut r = xs.refs();
            r.extend(ys.refs());
            for f in &fits {
                r.extend(f.refs());
            }
            let unit = Some(unit.as_str()).filter(|u| !u.is_empty());
            let text = match fits.first() {
                Some(f) => format!(
                    "exports and imports stated for {} add up to {}: consistent with {}{}",
                    date_words(period),
                    amount(x + y, unit),
                    value_of(f),
                    if others.is_empty() {
                        String::new()
                    } else {
                        format!(", not with {}", others.join(" or "))
                    }
                ),
                None => format!(
                    "exports and imports stated for {} add up to {}, which matches none of the stated totals",
                    date_words(period),
                    amount(x + y, unit)
                ),
            };
            let status = if fits.is_empty() {
                "inconsistent"
            } else {
                "consistent"
            };
            out[at].1.flags.push(("sum".into(), status.into(), text, r));
        }
        let _ = (lo, hi);
        let clause = join_clauses(&clauses);
        out.push((
            "trade",
            Draft {
                text: dated(ctx, f, d, &clause),
                refs,
                flags,
                sides: vec![],
                order: format!("{period}\u{0}trade.total.parts"),
            },
        ));
    }

    for (gi, g) in all.iter().enumerate() {
        if done[gi] {
            continue;
        }
        let sec = fact_section(&g.key.indicator);
        let order = format!("{}\u{0}{}", g.period, g.key.indicator);
        if g.stmts.len() > 1 {
            let mut d = side_by_side(g);
            d.order = order;
            out.push((sec, d));
            continue;
        }
        let s = &g.stmts[0];
        let (d, _, f) = s.rep();
        let sign = canonical(f).1;
        let clause = fact_clause(ctx, f, s.value.map(|v| v * sign));
        let mut flags: Vec<(String, String, String, Vec<Ref>)> =
            change_flags.get(&gi).cloned().unwrap_or_default();
        // A fact's own change (from → to) beyond the threshold.
        if let Some(c) = &f.change {
            if c.from != 0.0 && f.unit.as_deref() != Some("percent") {
                let r = (c.to - c.from) / c.from.abs();
                if r.abs() > SHARP_CHANGE {
                    flags.push((
                        "change".into(),
                        "flagged".into(),
                        format!(
                            "a {}% {} from {} to {}",
                            (r.abs() * 100.0).round(),
                            if r < 0.0 { "fall" } else { "rise" },
                            grouped(c.from),
                            grouped(c.to)
                        ),
                        s.refs(),
                    ));
                }
            }
        }
        // Checks the coder stored whose kind this brief does not compute itself.
        for (_, _, f) in &s.facts {
            for c in &f.checks {
                if !matches!(c.kind.as_str(), "sum" | "change" | "conflict")
                    && !flags.iter().any(|x| x.2 == c.message)
                {
                    flags.push((
                        c.kind.clone(),
                        c.status.clone(),
                        c.message.clone(),
                        s.refs(),
                    ));
                }
            }
        }
        out.push((
            sec,
            Draft {
                text: dated(ctx, f, d, &clause),
                refs: s.refs(),
                flags,
                sides: vec![],
                order,
            },
        ));
    }
    out
}

/// "A was x; B were y" with the first clause capitalized by [`dated`].
fn join_clauses(cs: &[String]) -> String {
    cs.join("; ")
}

type FlagDraft = (String, String, String, Vec<Ref>);

/// Sharp changes between consecutive periods of one canonical figure, keyed by the group of
/// the later period; only groups stated without conflict take part.
fn series_changes(
    ctx: &Ctx<'_>,
    groups: &[(&FKey, &str, &Vec<Stmt<'_>>)],
) -> HashMap<usize, Vec<FlagDraft>> {
    let _ = ctx;
    fn rank(p: &str) -> Option<(u8, i64)> {
        if p.contains('/') || p.starts_with('~') {
            return None;
        }
        let y: i64 = p.get(..4)?.parse().ok()?;
        match p.len() {
            4 => Some((0, y)),
            7 if p.as_bytes()[5] == b'Q' => Some((1, y * 4 + p[6..].parse::<i64>().ok()?)),
            7 => Some((2, y * 12 + p[5..7].parse::<i64>().ok()?)),
            _ => None,
        }
    }
    let mut series: BTreeMap<(&FKey, u8), BTreeMap<i64, usize>> = BTreeMap::new();
    for (gi, (k, p, stmts)) in groups.iter().enumerate() {
        if stmts.len() != 1 || stmts[0].value.is_none() || k.unit == "percent" {
            continue;
        }
        if let Some((gran, ord)) = rank(p) {
            series.entry((k, gran)).or_default().insert(ord, gi);
        }
    }
    let mut out: HashMap<usize, Vec<FlagDraft>> = HashMap::new();
    for pts in series.values() {
        let pts: Vec<usize> = pts.values().copied().collect();
        for w in pts.windows(2) {
            let (i, j) = (w[0], w[1]);
            let (x, y) = (
                groups[i].2[0].value.unwrap_or(0.0),
                groups[j].2[0].value.unwrap_or(0.0),
            );
            if x == 0.0 {
                continue;
            }
            let r = (y - x) / x.abs();
            if r.abs() > SHARP_CHANGE {
                let (_, _, f) = groups[i].2[0].rep();
                let sign = canonical(f).1;
                let mut refs = groups[i].2[0].refs();
                refs.extend(groups[j].2[0].refs());
                out.entry(j).or_default().push((
                    "change".into(),
                    "flagged".into(),
                    format!(
                        "a {}% {} from {} {}",
                        (r.abs() * 100.0).round(),
                        if r < 0.0 { "fall" } else { "rise" },
                        value_words(f, Some(x * sign)),
                        when_inline(groups[i].1)
                    ),
                    refs,
                ));
            }
        }
    }
    out
}
