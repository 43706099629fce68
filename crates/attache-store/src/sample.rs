//! Synthetic coded documents, written by us, for tests and demos of the store, the API and
//! the dashboard before (and independently of) the coding engine. The articles are short
//! invented reports; every span is computed from the text, so highlighting is exact.

use attache_model::{
    Actor, ActorKind, Change, Check, Document, Event, EventStatus, Fact, Location, Mention, Party,
    Place, PublishedBasis, Quantity, Timex,
};

struct Country {
    code: &'static str,
    name: &'static str,
    capital: &'static str,
    leader: &'static str,
}

const COUNTRIES: &[Country] = &[
    Country {
        code: "KOR",
        name: "South Korea",
        capital: "Seoul",
        leader: "President Lee Jae-myung",
    },
    Country {
        code: "KAZ",
        name: "Kazakhstan",
        capital: "Astana",
        leader: "President Kassym-Jomart Tokayev",
    },
    Country {
        code: "JPN",
        name: "Japan",
        capital: "Tokyo",
        leader: "Prime Minister Ishiba",
    },
    Country {
        code: "UZB",
        name: "Uzbekistan",
        capital: "Tashkent",
        leader: "President Shavkat Mirziyoyev",
    },
];

/// (CAMEO, QuadClass, Goldstein, PLOVER, status, sentence template). `{S}`/`{T}` are the
/// source/target leaders or countries, `{C}` the target's capital.
const ACTIONS: &[(&str, u8, f64, &str, EventStatus, &str)] = &[
    (
        "042",
        1,
        1.9,
        "CONSULT",
        EventStatus::Occurred,
        "{S} visited {C} for talks with {T}.",
    ),
    (
        "057",
        1,
        8.0,
        "SUPPORT",
        EventStatus::Occurred,
        "{S} and {T} signed an agreement on critical minerals.",
    ),
    (
        "036",
        1,
        4.0,
        "AGREE",
        EventStatus::Planned,
        "{S} said it would hold a new round of talks with {T} next month.",
    ),
    (
        "061",
        2,
        6.4,
        "COOPERATE",
        EventStatus::Occurred,
        "{S} and {T} launched a joint rail logistics venture.",
    ),
    (
        "071",
        2,
        7.4,
        "AID",
        EventStatus::Occurred,
        "{S} provided development loans to {T} for a water project.",
    ),
    (
        "111",
        3,
        -2.0,
        "ACCUSE",
        EventStatus::Occurred,
        "{S} criticized {T} over delays to the pipeline project.",
    ),
    (
        "128",
        3,
        -4.0,
        "REJECT",
        EventStatus::Occurred,
        "{S} rejected a request from {T} to reopen the fisheries deal.",
    ),
    (
        "163",
        4,
        -8.0,
        "COERCE",
        EventStatus::Occurred,
        "{S} imposed import restrictions on steel from {T}.",
    ),
    (
        "173",
        4,
        -5.0,
        "COERCE",
        EventStatus::Occurred,
        "{S} detained two nationals of {T} at the border.",
    ),
    (
        "042",
        1,
        1.9,
        "CONSULT",
        EventStatus::Negated,
        "{S} did not visit {C} as had been expected by {T}.",
    ),
];

/// A small deterministic generator (no dependency needed for test data).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Builds text sentence by sentence, recording code-point spans.
struct TextBuilder {
    text: String,
    chars: usize,
    sentences: usize,
}

impl TextBuilder {
    fn new() -> Self {
        TextBuilder {
            text: String::new(),
            chars: 0,
            sentences: 0,
        }
    }
    /// Appends a sentence; returns (sentence index, its span).
    fn push(&mut self, s: &str) -> (usize, [usize; 2]) {
        if !self.text.is_empty() {
            self.text.push(' ');
            self.chars += 1;
        }
        let start = self.chars;
        self.text.push_str(s);
        self.chars += s.chars().count();
        self.sentences += 1;
        (self.sentences - 1, [start, self.chars])
    }
}

/// Code-point span of `needle` inside `hay`, where `hay` starts at code point `base`.
fn find_span(hay: &str, base: usize, needle: &str) -> Option<[usize; 2]> {
    let b = hay.find(needle)?;
    let start = base + hay[..b].chars().count();
    Some([start, start + needle.chars().count()])
}

fn leader_code(c: &Country) -> String {
    format!("{}GOV", c.code)
}

/// `n` documents spread over the months from 2024-01, mostly about KAZ-KOR, some about
/// KOR-JPN and KAZ-UZB. Deterministic for a given `n`.
pub fn documents(n: usize) -> Vec<Document> {
    let mut rng = Lcg(0x5eed_a77a_c4e5);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let (a, b) = match i % 5 {
            0..=2 => (&COUNTRIES[0], &COUNTRIES[1]),
            3 => (&COUNTRIES[0], &COUNTRIES[2]),
            _ => (&COUNTRIES[1], &COUNTRIES[3]),
        };
        let (src, tgt) = if rng.below(2) == 0 { (a, b) } else { (b, a) };
        let month = 1 + (i * 17 / n.max(1)) as u32; // spread over 17 months
        let (year, month) = (2024 + (month - 1) / 12, 1 + (month - 1) % 12);
        let day = 1 + rng.below(27) as u32;
        let published = format!("{year:04}-{month:02}-{day:02}");
        let mut tb = TextBuilder::new();
        let mut actors: Vec<Actor> = Vec::new();
        let mut events: Vec<Event> = Vec::new();
        let mut times: Vec<Timex> = Vec::new();
        let mut quantities: Vec<Quantity> = Vec::new();
        let mut facts: Vec<Fact> = Vec::new();

        let n_events = 1 + rng.below(3);
        for k in 0..n_events {
            let act = &ACTIONS[rng.below(ACTIONS.len())];
            let (s_name, t_name) = if k == 0 {
                (src.leader.to_string(), tgt.leader.to_string())
            } else {
                (src.name.to_string(), tgt.name.to_string())
            };
            let mut sentence = act
                .5
                .replace("{S}", &s_name)
                .replace("{T}", &t_name)
                .replace("{C}", tgt.capital);
            let date_phrase = format!("on {year:04}-{month:02}-{day:02}");
            if k == 0 {
                sentence = format!("{} {}.", sentence.trim_end_matches('.'), date_phrase);
            }
            let (si, span) = tb.push(&sentence);
            for (name, c, kind) in [(&s_name, src, k == 0), (&t_name, tgt, k == 0)] {
                if let Some(sp) = find_span(&sentence, span[0], name) {
                    actors.push(Actor {
                        name: name.clone(),
                        country: Some(c.code.to_string()),
                        code: Some(if kind {
                            leader_code(c)
                        } else {
                            c.code.to_string()
                        }),
                        kind: if kind {
                            ActorKind::Person
                        } else {
                            ActorKind::Country
                        },
                        role: kind.then(|| "head of state".to_string()),
                        mentions: vec![sp],
                        rule: None,
                    });
                }
            }
            if k == 0 {
                if let Some(sp) = find_span(&sentence, span[0], &date_phrase) {
                    times.push(Timex {
                        text: date_phrase.clone(),
                        kind: "DATE".into(),
                        value: published.clone(),
                        r#mod: None,
                        span: sp,
                        rule: None,
                    });
                }
            }
            let party = |name: &str, c: &Country| Party {
                name: name.to_string(),
                country: Some(c.code.to_string()),
                code: Some(if k == 0 {
                    leader_code(c)
                } else {
                    c.code.to_string()
                }),
            };
            events.push(Event {
                source: Some(party(&s_name, src)),
                target: Some(party(&t_name, tgt)),
                cameo: act.0.to_string(),
                quad_class: act.1,
                goldstein: act.2,
                plover: Some(act.3.to_string()),
                plover_mode: None,
                date: Some(if k == 0 {
                    published.clone()
                } else {
                    format!("{year:04}-{month:02}")
                }),
                date_source: Some(if k == 0 { "sentence" } else { "context" }.into()),
                status: act.4,
                count: 1,
                location: (act.0 == "042").then(|| Location {
                    name: tgt.capital.to_string(),
                    country: Some(tgt.code.to_string()),
                }),
                mentions: vec![Mention { sentence: si, span }],
                text: sentence.clone(),
                rule: Some(format!("sample:{}", act.0)),
            });
        }

        // A trade fact in most documents; every fourth one states parts that do not add up.
        if i % 2 == 0 {
            let fyear = year - 1;
            let total = 4.0 + (i % 7) as f64 * 0.5;
            let money = format!("USD {total:.1} billion");
            let sentence = format!(
                "Trade between {} and {} reached {money} in {fyear}, officials said.",
                tgt.name, src.name
            );
            let (si, span) = tb.push(&sentence);
            let qspan = find_span(&sentence, span[0], &money).unwrap_or(span);
            quantities.push(Quantity {
                text: money.clone(),
                kind: "money".into(),
                value: total * 1e9,
                unit: Some("USD".into()),
                qualifier: Some("exact".into()),
                range: None,
                span: qspan,
                rule: None,
            });
            if let Some(sp) = find_span(&sentence, span[0], &format!("in {fyear}")) {
                times.push(Timex {
                    text: format!("in {fyear}"),
                    kind: "DATE".into(),
                    value: fyear.to_string(),
                    r#mod: None,
                    span: sp,
                    rule: None,
                });
            }
            facts.push(Fact {
                indicator: "trade.total".into(),
                subject: Some(tgt.code.into()),
                partner: Some(src.code.into()),
                period: Some(fyear.to_string()),
                value: Some(total * 1e9),
                unit: Some("USD".into()),
                qualifier: Some("exact".into()),
                change: None,
                rank: None,
                items: None,
                mentions: vec![Mention { sentence: si, span }],
                text: sentence.clone(),
                rule: Some("sample:trade".into()),
                checks: vec![],
            });
            if i % 4 == 0 {
                let exp = total * 0.3;
                let imp = total * 0.4;
                let s2 = format!(
                    "Exports from {} reached USD {exp:.1} billion while imports came to USD {imp:.1} billion, rising from 10 to 42 shipments.",
                    src.name
                );
                let (si2, span2) = tb.push(&s2);
                let msg = format!(
                    "exports {:.1} + imports {:.1} = {:.1} billion, but the total is {total:.1} billion",
                    exp,
                    imp,
                    exp + imp
                );
                let check = Check {
                    kind: "sum".into(),
                    status: "inconsistent".into(),
                    message: msg,
                    facts: vec![facts.len() - 1, facts.len(), facts.len() + 1],
                };
                if let Some(last) = facts.last_mut() {
                    last.checks.push(check.clone());
                }
                for (ind, v) in [("trade.exports", exp), ("trade.imports", imp)] {
                    facts.push(Fact {
                        indicator: ind.into(),
                        subject: Some(src.code.into()),
                        partner: Some(tgt.code.into()),
                        period: Some(fyear.to_string()),
                        value: Some(v * 1e9),
                        unit: Some("USD".into()),
                        qualifier: Some("exact".into()),
                        change: (ind == "trade.exports").then_some(Change {
                            from: 10.0,
                            to: 42.0,
                        }),
                        rank: None,
                        items: None,
                        mentions: vec![Mention {
                            sentence: si2,
                            span: span2,
                        }],
                        text: s2.clone(),
                        rule: Some("sample:trade".into()),
                        checks: vec![check.clone()],
                    });
                }
            }
        }
        tb.push("The two sides agreed to continue consultations, according to a joint statement.");

        let title = format!(
            "{} and {}: {}",
            src.name,
            tgt.name,
            events[0]
                .plover
                .as_deref()
                .unwrap_or("report")
                .to_lowercase()
        );
        out.push(Document {
            id: format!("sample-{i:04}"),
            title: Some(title),
            url: Some(format!("https://example.org/news/{i}")),
            source: Some("Example Wire".into()),
            published: Some(published),
            published_basis: Some(PublishedBasis::Metadata),
            dateline: Some(Place {
                place: Some(src.capital.into()),
                country: Some(src.code.into()),
            }),
            language: Some("en".into()),
            text: tb.text,
            actors,
            events,
            facts,
            times,
            quantities,
            warnings: vec![],
        });
    }
    out
}
