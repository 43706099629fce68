//! Events: event patterns matched in each clause, with source and target read from the
//! clause's structure, status from its modality, date from its time expressions, and one
//! event per real-world happening.
//!
//! Source: the subject, i.e. the nearest actor before the verb that is not inside a
//! prepositional phrase or an apposition; coordinated subjects ("X, Y and Z") each act, and
//! are each other's targets only in symmetric events; a conjoined verb or a participle after
//! a comma shares the clause's subject; a relative clause takes its antecedent; a nominal
//! event takes the actor inside its noun phrase; a pronoun ("he", "him", "the two
//! countries") the last actors named. In a passive, the "by" agent, a "between X and Y"
//! phrase, or for arrests and charges the state where it happened. Target: the pattern's
//! `{t}` slot or the first actor or place after the verb (a country adjective opening the
//! object counts; a closing attribution or a later conjoined verb ends the search); each
//! conjunct of a coordinated object is a target. Responsive verbs without an object
//! (accept, reject, deny) take as target the source of the last event addressed to their
//! subject.

use std::collections::{HashMap, HashSet};

use attache_dict::{
    patterns::{noun_forms, verb_forms},
    Dictionaries, PatternToken,
};
use attache_model::EventStatus;
use attache_text::{Span, Token};
use attache_time::{TimeExpr, TimexType};

use crate::actors::{MentionKind, MentionRef};
use crate::clauses::Clause;
use crate::lexicon::{
    FUTURE_MARKERS, HYPOTHETICAL_MARKERS, NEGATING_VERBS, NEGATIONS, SPEECH_VERBS,
};
use crate::Sent;

#[derive(Debug, Clone)]
enum CTok {
    Words {
        forms: HashSet<String>,
        verb: bool,
        participles: HashSet<String>,
        /// The verb's bare form when it is not also a past form ("visit", not "put"): in
        /// news it is mostly a noun ("an official visit") unless a modal, `to` or a subject
        /// stands right before it.
        bare: Option<String>,
    },
    Gap,
    Target,
}

#[derive(Debug, Clone)]
struct Compiled {
    pattern: usize,
    toks: Vec<CTok>,
}

/// The patterns compiled into word sets, indexed by the forms of their first word.
pub struct Matcher {
    compiled: Vec<Compiled>,
    by_first: HashMap<String, Vec<usize>>,
}

const RESPONSIVE: &[&str] = &[
    "accept", "agree", "reject", "refuse", "decline", "welcome", "respond", "reply", "deny",
];
const BE_FORMS: &[&str] = &[
    "was", "were", "been", "be", "is", "are", "being", "get", "got",
];
/// Adverbs that may stand between a conjunction or subject and its verb ("and later visited").
const VERB_ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "subsequently",
    "separately",
    "again",
    "briefly",
    "jointly",
    "reportedly",
    "allegedly",
    "formally",
    "officially",
    "quickly",
    "immediately",
    "finally",
];
/// CAMEO roots whose events are often domestic (protests, repression, violence, curfews,
/// concessions at home): without a named target they act on their own country.
const DOMESTIC_ROOTS: &[&str] = &["08", "10", "13", "14", "15", "17", "18", "19", "20"];
/// Parts of a country named before it ("in southeastern Serbia").
const DIRECTION_WORDS: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north",
    "south",
    "east",
    "west",
];
/// Words that tie a sentence to the time of the one before ("They also signed ...").
const CONTINUATION_CUES: &[&str] = &[
    "also",
    "then",
    "there",
    "later",
    "afterwards",
    "during",
    "subsequently",
    "same",
    "meanwhile",
    "next",
    "following",
];
const PREPOSITIONS: &[&str] = &[
    "in", "by", "to", "with", "from", "of", "for", "at", "on", "into", "against", "between",
    "about", "over", "toward", "towards", "than", "among", "across", "through", "via",
];

impl Matcher {
    pub fn new(d: &Dictionaries) -> Matcher {
        let mut compiled = Vec::new();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (pi, p) in d.patterns.iter().enumerate() {
            let toks: Vec<CTok> = p
                .tokens
                .iter()
                .map(|t| match t {
                    PatternToken::Verb(v) => {
                        let irr = d.irregular_verbs.get(v);
                        let participles = match irr {
                            Some((_, pp)) => pp.split('/').map(String::from).collect(),
                            None => verb_forms(v, None)
                                .into_iter()
                                .filter(|f| f.ends_with("ed"))
                                .collect(),
                        };
                        let past_same = irr.is_some_and(|(p, pp)| {
                            p.split('/').chain(pp.split('/')).any(|f| f == v)
                        });
                        CTok::Words {
                            forms: verb_forms(v, irr).into_iter().collect(),
                            verb: true,
                            participles,
                            bare: (!past_same).then(|| v.clone()),
                        }
                    }
                    PatternToken::Noun(n) => CTok::Words {
                        forms: noun_forms(n).into_iter().collect(),
                        verb: false,
                        participles: HashSet::new(),
                        bare: None,
                    },
                    PatternToken::Literal(alts) => CTok::Words {
                        forms: alts.iter().cloned().collect(),
                        verb: false,
                        participles: HashSet::new(),
                        bare: None,
                    },
                    PatternToken::Gap => CTok::Gap,
                    PatternToken::Target => CTok::Target,
                })
                .collect();
            let ci = compiled.len();
            if let Some(CTok::Words { forms, .. }) = toks.first() {
                for f in forms {
                    by_first.entry(f.clone()).or_default().push(ci);
                }
            }
            compiled.push(Compiled { pattern: pi, toks });
        }
        Matcher { compiled, by_first }
    }
}

/// A pattern match in a clause.
#[derive(Debug, Clone)]
struct Match {
    pattern: usize,
    start: usize,
    end: usize,
    verb: Option<usize>,
    passive_form: bool,
    target: Option<usize>,
    weight: usize,
}

/// An event found in the text, before output.
#[derive(Debug, Clone)]
pub struct EventRec {
    pub source: Option<usize>,
    pub target: Option<usize>,
    /// Whether the source and the target stand for the country where the event happened (a
    /// place taken for its country, never for the government a capital may stand for).
    pub located: (bool, bool),
    pub code: String,
    pub date: Option<String>,
    pub date_source: &'static str,
    pub status: EventStatus,
    pub count: u32,
    pub location: Option<usize>,
    /// (sentence index, clause byte span)
    pub mentions: Vec<(usize, Span)>,
    pub pattern: usize,
    pub paragraph: usize,
    /// How the actors were found, for `explain`.
    pub how: String,
}

pub struct EventInput<'a> {
    pub text: &'a str,
    pub actor_countries: Vec<Option<String>>,
    pub actor_roles: Vec<Option<String>>,
    /// CAMEO role codes (GOV, MIL, REB, ...) of the actors that have one.
    pub actor_sectors: Vec<Option<String>>,
    pub actor_is_person: Vec<bool>,
    /// Whether each mention names a country by its name ("India", not "Iraqi Kurds"): the
    /// state acting.
    pub mention_is_state: Vec<bool>,
    pub sents: &'a [Sent],
    pub mentions: &'a [MentionRef],
    pub times: &'a [TimeExpr],
    pub published: Option<String>,
    pub dateline_end: usize,
}

impl EventInput<'_> {
    /// A capital city standing for its government ("Washington eased sanctions").
    fn capital_mention(&self, mi: usize) -> bool {
        let m = &self.mentions[mi];
        m.kind == MentionKind::Place
            && self
                .actor_roles
                .get(m.actor)
                .is_some_and(|r| r.as_deref() == Some("capital"))
    }

    /// The last actor mention ending before byte `at` that `keep` accepts.
    fn last_mention_before(&self, at: usize, keep: impl Fn(&MentionRef) -> bool) -> Option<usize> {
        self.mentions
            .iter()
            .enumerate()
            .rev()
            .find(|(_, x)| x.span.end <= at && x.kind == MentionKind::Actor && keep(x))
            .map(|(mi, _)| mi)
    }

    /// The last mention of a person ending before byte `at`, other than the `except`
    /// actors: what "he", "she", "him" or "her" refers to.
    fn last_person_before(&self, at: usize, except: &[usize]) -> Option<usize> {
        self.last_mention_before(at, |x| {
            self.actor_is_person.get(x.actor).copied().unwrap_or(false)
                && !except.contains(&x.actor)
        })
    }

    /// The last mention of a country, organization or group ending before byte `at`: what
    /// "it" refers to.
    fn last_party_before(&self, at: usize) -> Option<usize> {
        self.last_mention_before(at, |x| {
            !self.actor_is_person.get(x.actor).copied().unwrap_or(true)
                && self.actors_country(x.actor).is_some()
        })
    }

    /// The last two people of two different countries named before byte `at`, in text
    /// order: what "the two leaders" or "the two ministers" refers to.
    fn last_two_people_before(&self, at: usize) -> Vec<usize> {
        let mut seen: Vec<(usize, String)> = Vec::new();
        for (mi, x) in self.mentions.iter().enumerate().rev() {
            if x.span.end > at
                || x.kind != MentionKind::Actor
                || !self.actor_is_person.get(x.actor).copied().unwrap_or(false)
            {
                continue;
            }
            let Some(c) = self.actors_country(x.actor) else {
                continue;
            };
            if !seen.iter().any(|(_, s)| *s == c) {
                seen.push((mi, c));
            }
            if seen.len() == 2 {
                break;
            }
        }
        seen.into_iter().rev().map(|(mi, _)| mi).collect()
    }

    /// What "the two countries" or "both sides" refers to: of the countries named before byte
    /// `at`, the two named most often (the story's two sides), the later named first on a
    /// tie; one mention of each (its last), in text order.
    fn last_two_countries_before(&self, at: usize) -> Vec<usize> {
        // (country, mentions, last mention index)
        let mut seen: Vec<(String, usize, usize)> = Vec::new();
        for (mi, x) in self.mentions.iter().enumerate() {
            if x.span.end > at || x.kind == MentionKind::Place {
                continue;
            }
            let Some(c) = self.actors_country(x.actor).filter(|c| c.len() == 3) else {
                continue;
            };
            match seen.iter_mut().find(|(s, _, _)| s == &c) {
                Some(e) => {
                    e.1 += 1;
                    e.2 = mi;
                }
                None => seen.push((c, 1, mi)),
            }
        }
        seen.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)));
        let mut pair: Vec<usize> = seen.iter().take(2).map(|e| e.2).collect();
        pair.sort_unstable();
        if pair.len() == 2 {
            pair
        } else {
            Vec::new()
        }
    }

    fn actors_country(&self, actor: usize) -> Option<String> {
        self.actor_countries.get(actor).cloned().flatten()
    }
}

/// Nouns for acts of force: "condemned the attacks" refers to the story's last such act.
const VIOLENT_EVENT_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "bombing",
    "bombings",
    "killing",
    "killings",
    "poisoning",
    "shelling",
    "invasion",
    "raid",
    "raids",
    "incursion",
    "offensive",
    "assault",
];

/// The event noun that opens the object at token `from` ("the attacks", "Sunday's missile
/// strike", "the move"), if the object is one.
fn event_noun_object(words: &[String], from: usize, end: usize) -> Option<&'static str> {
    const OTHER_EVENT_NOUNS: &[&str] = &["move", "decision", "speech", "remarks", "comments"];
    if from >= end
        || !matches!(
            words[from].as_str(),
            "the" | "this" | "these" | "that" | "its"
        )
    {
        return None;
    }
    // up to two modifiers before the noun ("the missile attacks", "the deadly air strike")
    (from + 1..end.min(from + 4)).find_map(|k| {
        let w = words[k].as_str();
        VIOLENT_EVENT_NOUNS
            .iter()
            .chain(OTHER_EVENT_NOUNS)
            .find(|n| **n == w)
            .copied()
    })
}

/// Words of accidents and disasters: deaths in a clause with one are no act of violence.
const ACCIDENT_WORDS: &[&str] = &[
    "accident",
    "accidental",
    "accidentally",
    "colliery",
    "underground",
    "miners",
    "crash",
    "collapse",
    "earthquake",
    "flood",
    "floods",
    "storm",
    "leak",
    "derailment",
];

/// Whether the words from `k` (before `end`) are "both <noun>" or "the two [<word>] <noun>"
/// for one of `nouns`.
fn pair_phrase(words: &[String], k: usize, end: usize, nouns: &[&str]) -> bool {
    let noun = |i: usize| i < end && nouns.contains(&words[i].as_str());
    match words[k].as_str() {
        "both" => noun(k + 1),
        "two" => k > 0 && words[k - 1] == "the" && (noun(k + 1) || noun(k + 2)),
        _ => false,
    }
}

/// "the two countries", "both sides", "the two foreign ministers": a pair that stands for
/// the last two countries named.
fn names_a_pair(words: &[String], k: usize, end: usize) -> bool {
    const PAIR_NOUNS: &[&str] = &[
        "countries",
        "sides",
        "nations",
        "governments",
        "leaders",
        "neighbours",
        "neighbors",
        "presidents",
        "ministers",
        "delegations",
        "capitals",
    ];
    pair_phrase(words, k, end, PAIR_NOUNS)
}

/// Adverbs that may stand between the words of a pattern ("spoke again by telephone").
const INNER_ADVERBS: &[&str] = &[
    "again",
    "also",
    "reportedly",
    "separately",
    "jointly",
    "briefly",
    "formally",
    "officially",
    "publicly",
    "finally",
    "immediately",
    "quickly",
    "repeatedly",
    "privately",
];

/// "the two leaders", "both presidents", "the two foreign ministers": a pair of people.
fn pair_of_people(words: &[String], k: usize, end: usize) -> bool {
    const PEOPLE: &[&str] = &[
        "leaders",
        "presidents",
        "ministers",
        "premiers",
        "men",
        "heads",
    ];
    pair_phrase(words, k, end, PEOPLE)
}

/// Perpetrators news names only by weapon, as unknown people or by the kind of attack ("were
/// killed in overnight raids"): an act of violence by one of them is coded to the country
/// where it happened.
const UNNAMED_PERPETRATORS: &[&str] = &[
    "bomb",
    "bombs",
    "bombing",
    "bombings",
    "bomber",
    "bombers",
    "explosion",
    "explosions",
    "blast",
    "blasts",
    "device",
    "landmine",
    "minefield",
    "gunmen",
    "gunman",
    "assailants",
    "attackers",
    "militants",
    "insurgents",
    "militia",
    "militias",
    "militiamen",
    "separatists",
    "rebels",
    "guerrillas",
    "guerillas",
    "jihadists",
    "extremists",
    "terrorists",
    "raid",
    "raids",
    "ambush",
    "attack",
    "attacks",
    "shelling",
    "clashes",
    "grenade",
    "mortar",
    "sniper",
];

/// Where an act of violence happened: the first country or place named between tokens
/// `start` and `end` (the clause up to a closing attribution, whose "officials in Nairobi"
/// are elsewhere) after "in", "near", "outside", "at" or "of" ("the Iraqi city of Basra"),
/// in its actor index.
fn violence_place(
    inp: &EventInput,
    ments: &[(usize, usize, usize)],
    words: &[String],
    start: usize,
    end: usize,
) -> Option<usize> {
    ments
        .iter()
        .filter(|(_, a, _)| *a > start && *a < end)
        .filter(|(mi, _, _)| {
            let m = &inp.mentions[*mi];
            let country_or_place = m.kind == MentionKind::Place
                || (m.kind == MentionKind::Actor
                    && !inp.actor_is_person.get(m.actor).copied().unwrap_or(true));
            country_or_place && inp.actors_country(m.actor).is_some_and(|c| c.len() == 3)
        })
        .find(|(mi, a, b)| {
            let before = |k: usize| words[*a - k].as_str();
            let prep = |w: &str| matches!(w, "in" | "near" | "outside" | "at" | "of");
            // a country or place, not a group ("Afghan troops") named after the preposition
            let roleless = inp.mentions[*mi].kind == MentionKind::Place
                || inp
                    .actor_sectors
                    .get(inp.mentions[*mi].actor)
                    .is_none_or(Option::is_none);
            // "in a residential sector of mostly Christian eastern Beirut": the preposition
            // may stand a few modifiers before the place
            let governed = (1..=5.min(*a - start)).find_map(|k| {
                let w = before(k);
                if prep(w) {
                    Some(true)
                } else if w == "," || PREPOSITIONS.contains(&w) {
                    Some(false)
                } else {
                    None
                }
            }) == Some(true);
            (roleless && governed)
                // "policemen in Nigeria": a group named with its place
                || words[*a..*b].iter().any(|w| w == "in")
        })
        .map(|(mi, _, _)| inp.mentions[*mi].actor)
}

/// Words after which a verb's bare form is a verb ("will visit", "to visit", "did not visit").
const BARE_VERB_LICENSORS: &[&str] = &[
    "to", "will", "would", "could", "can", "may", "might", "must", "should", "shall", "did",
    "does", "do", "not", "n't", "never", "'ll", "cannot", "and", "or", "we", "they", "i",
];

#[allow(clippy::too_many_arguments)]
fn match_at(
    c: &Compiled,
    words: &[String],
    subject_ends: &[bool],
    i: usize,
    k: usize,
    mention_at: &dyn Fn(usize) -> Option<(usize, usize)>,
    m: &mut Match,
    end_limit: usize,
) -> bool {
    if k == c.toks.len() {
        m.end = i;
        return true;
    }
    match &c.toks[k] {
        CTok::Words {
            forms,
            verb,
            participles,
            bare,
        } => {
            if i >= end_limit {
                return false;
            }
            if !forms.contains(&words[i]) {
                // "spoke again by telephone", "met separately with": an adverb inside a
                // pattern's words is skipped
                return k > 0
                    && INNER_ADVERBS.contains(&words[i].as_str())
                    && match_at(c, words, subject_ends, i + 1, k, mention_at, m, end_limit);
            }
            // the word before, past an adverb in -ly ("we strongly condemn")
            let before = if i > 1 && words[i - 1].ends_with("ly") {
                i - 1
            } else {
                i
            };
            if bare.as_deref() == Some(words[i].as_str())
                && !(before > 0
                    && (BARE_VERB_LICENSORS.contains(&words[before - 1].as_str())
                        || subject_ends.get(before).copied().unwrap_or(false)))
            {
                return false;
            }
            if *verb && m.verb.is_none() {
                m.verb = Some(i);
                m.passive_form = participles.contains(&words[i]);
                if match_at(
                    c,
                    words,
                    subject_ends,
                    i + 1,
                    k + 1,
                    mention_at,
                    m,
                    end_limit,
                ) {
                    return true;
                }
                m.verb = None;
                return false;
            }
            match_at(
                c,
                words,
                subject_ends,
                i + 1,
                k + 1,
                mention_at,
                m,
                end_limit,
            )
        }
        CTok::Gap => {
            // up to six words; a whole actor mention counts as one (its inner words can
            // still be matched by the next token)
            let mut units = 0;
            let mut j = i;
            let mut mention_end = 0;
            while j <= end_limit && units <= 6 {
                if match_at(c, words, subject_ends, j, k + 1, mention_at, m, end_limit) {
                    return true;
                }
                // "welcomed the agreement and urged Russia to": a gap stops at a second verb
                if j > i && words[j - 1] == "and" && j < words.len() && words[j].ends_with("ed") {
                    return false;
                }
                if j >= mention_end {
                    if let Some((_, e)) = mention_at(j) {
                        mention_end = e;
                    }
                    units += 1;
                }
                j += 1;
            }
            false
        }
        CTok::Target => {
            // skip a determiner before the slot
            let mut j = i;
            if j < end_limit
                && matches!(
                    words[j].as_str(),
                    "the" | "a" | "an" | "its" | "his" | "her" | "their"
                )
            {
                j += 1;
            }
            if let Some((mi, mend)) = mention_at(j) {
                let save = m.target;
                m.target = Some(mi);
                if match_at(
                    c,
                    words,
                    subject_ends,
                    mend,
                    k + 1,
                    mention_at,
                    m,
                    end_limit,
                ) {
                    return true;
                }
                m.target = save;
            } else if i < end_limit && matches!(words[i].as_str(), "him" | "her") {
                // "recognized her": the pronoun fills the slot; find() resolves it
                return match_at(
                    c,
                    words,
                    subject_ends,
                    i + 1,
                    k + 1,
                    mention_at,
                    m,
                    end_limit,
                );
            }
            false
        }
    }
}

pub fn find(d: &Dictionaries, matcher: &Matcher, inp: &EventInput) -> Vec<EventRec> {
    let mut events: Vec<EventRec> = Vec::new();
    for (si, s) in inp.sents.iter().enumerate() {
        let toks = &s.tokens;
        let words: Vec<String> = toks
            .iter()
            .map(|t| t.text(inp.text).to_lowercase())
            .collect();
        // mentions of this sentence, as token ranges
        let ments: Vec<(usize, usize, usize)> = inp
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.sentence == si)
            .filter_map(|(mi, m)| {
                let a = toks.iter().position(|t| t.span.start >= m.span.start)?;
                let b = toks.iter().rposition(|t| t.span.end <= m.span.end)? + 1;
                (a < b).then_some((mi, a, b))
            })
            .collect();
        let mention_at = |ti: usize| -> Option<(usize, usize)> {
            ments
                .iter()
                .find(|(mi, a, _)| *a == ti && inp.mentions[*mi].kind != MentionKind::Modifier)
                .map(|(mi, _, b)| (*mi, *b))
        };
        // subject_ends[i]: an actor mention ends right before token i ("Japan visit...")
        let mut subject_ends = vec![false; toks.len() + 1];
        for (mi, _, b) in &ments {
            if inp.mentions[*mi].kind != MentionKind::Modifier {
                subject_ends[*b] = true;
            }
        }
        let mut prev_subject: Option<Vec<usize>> = None;
        for cl0 in &s.clauses {
            // the dateline is no part of any clause
            let mut cl = *cl0;
            while cl.start < cl.end && toks[cl.start].span.start < inp.dateline_end {
                cl.start += 1;
            }
            if cl.start >= cl.end {
                continue;
            }
            let cl = &cl;
            let mut found: Vec<Match> = Vec::new();
            for i in cl.start..cl.end {
                let Some(cands) = matcher.by_first.get(&words[i]) else {
                    continue;
                };
                // "U.S. forces carried out ...": a word inside an actor's name ("forces") opens
                // no event
                if ments.iter().any(|(mi, a, b)| {
                    *a <= i && i < *b && inp.mentions[*mi].kind == MentionKind::Actor
                }) {
                    continue;
                }
                for &ci in cands {
                    let c = &matcher.compiled[ci];
                    let mut m = Match {
                        pattern: c.pattern,
                        start: i,
                        end: i,
                        verb: None,
                        passive_form: false,
                        target: None,
                        weight: 0,
                    };
                    if match_at(c, &words, &subject_ends, i, 0, &mention_at, &mut m, cl.end) {
                        m.weight = c.toks.iter().filter(|t| !matches!(t, CTok::Gap)).count();
                        found.push(m);
                    }
                }
            }
            // leftmost, then most specific; no overlaps
            found.sort_by(|a, b| {
                a.start
                    .cmp(&b.start)
                    .then(b.weight.cmp(&a.weight))
                    .then(a.end.cmp(&b.end))
            });
            let mut chosen: Vec<Match> = Vec::new();
            for m in found {
                if chosen.iter().any(|c| m.start < c.end && c.start < m.end) {
                    continue;
                }
                // an infinitive complement of an event already found ("invited X to make a
                // visit") is part of that event, not one of its own
                // "agreed to deepen ties and signed deals": a past-tense verb after "and" is a
                // second finite verb of the clause, not part of the complement
                // "the banned movement", "the wounded": a participle after a determiner is
                // an adjective or a noun
                if m.start > cl.start
                    && words[m.start].ends_with("ed")
                    && matches!(
                        words[m.start - 1].as_str(),
                        "the"
                            | "a"
                            | "an"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                            | "this"
                            | "these"
                            | "those"
                    )
                {
                    continue;
                }
                // "suspended visits by U.S. warships": a verb form in -s right after a
                // past-tense verb or a determiner is a noun
                if m.start > cl.start
                    && matches!(
                        d.patterns[m.pattern].tokens.first(),
                        Some(PatternToken::Literal(_))
                    )
                    && words[m.start].ends_with('s')
                    && !words[m.start].ends_with("ss")
                    && (words[m.start - 1].ends_with("ed")
                        || matches!(
                            words[m.start - 1].as_str(),
                            "the"
                                | "a"
                                | "his"
                                | "her"
                                | "its"
                                | "their"
                                | "of"
                                | "by"
                                | "two"
                                | "several"
                                | "more"
                                | "further"
                                | "official"
                                | "state"
                        ))
                {
                    continue;
                }
                let second_finite = m.start > cl.start
                    && words[m.start - 1] == "and"
                    && words[m.start].ends_with("ed");
                if !second_finite
                    && chosen.iter().any(|c| {
                        c.end <= m.start
                            && (words[c.end..m.start].iter().any(|w| w == "to")
                                || words[c.end - 1] == "to"
                                // "invited her to visit", "summoned the envoy in New Delhi
                                // to protest": a pattern opening with "to" is the purpose
                                || (words[m.start] == "to"
                                    && m.start - c.end <= 10
                                    && !words[c.end..m.start].iter().any(|w| w == ","))
                                // "said Peru must agree to ...": what a demand asks for
                                || (matches!(words[c.end - 1].as_str(), "must" | "should")
                                    && m.start - c.end <= 2)
                                // "demanded that Israel ease the blockade"
                                || (words[c.end - 1] == "that"
                                    && d.patterns[c.pattern].code.starts_with("10")
                                    && m.start - c.end <= 5))
                    })
                {
                    continue;
                }
                chosen.push(m);
            }
            // a clause with no event still names the subject later clauses may share
            // ("Benin opened its borders, but was still refusing entry to Ghana"); a relative
            // clause's does not ("Russia, whose warplanes support Assad, has denied ...")
            if chosen.is_empty() && !cl.relative {
                if let Some((mi, _, _)) = ments.iter().find(|(mi, a, _)| {
                    *a >= cl.start
                        && *a < cl.end
                        && inp.mentions[*mi].kind == MentionKind::Actor
                        && !(*a > cl.start && PREPOSITIONS.contains(&words[*a - 1].as_str()))
                }) {
                    prev_subject = Some(vec![*mi]);
                }
            }
            // the subject of the last event coded in this clause
            let mut clause_subject: Option<Vec<usize>> = None;
            // where each chosen match starts: a conjoined verb ends the previous one's object
            let match_starts: Vec<usize> = chosen.iter().map(|c| c.start).collect();
            for m in chosen {
                let pat = &d.patterns[m.pattern];
                let anchor = m.verb.unwrap_or(m.start);
                let be_before = |v: usize| {
                    (1..=3).any(|back| {
                        v >= back
                            && v - back >= cl.start
                            && BE_FORMS.contains(&words[v - back].as_str())
                    })
                };
                // a literal participle ("arrested|arresting") after a form of "be" is passive too
                // ("is opposed to", "were engaged in" are states, not passives)
                let stative = matches!(
                    pat.tokens.get(1),
                    Some(PatternToken::Literal(w))
                        if w.iter().any(|x| matches!(x.as_str(), "to" | "in" | "with" | "about" | "of"))
                );
                let literal_participle = m.verb.is_none()
                    && matches!(pat.tokens.first(), Some(PatternToken::Literal(_)))
                    && words[m.start].ends_with("ed")
                    && !stative;
                // "talks in Moscow brokered by Russia": a participle after a noun with an
                // agent is a passive too (a reduced relative clause)
                let reduced_relative = m.start > cl.start
                    && m.end == m.start + 1
                    && words[m.start].ends_with("ed")
                    && words.get(m.end).is_some_and(|w| w == "by")
                    && mention_at(m.end + 1).is_some()
                    && !matches!(words[m.start - 1].as_str(), "and" | "," | "or" | "but")
                    // the clause's own verb came first ("agreed to a truce ... brokered by"),
                    // or a common noun stands right before ("after talks hosted by")
                    && (match_starts.iter().any(|&st| st >= cl.start && st < m.start)
                        // "after talks in Washington hosted by"
                        || ments.iter().any(|(x, _, b)| {
                            *b == m.start && inp.mentions[*x].kind == MentionKind::Place
                        })
                        || (words[m.start - 1].chars().all(|c| c.is_ascii_lowercase())
                            && mention_at(m.start - 1).is_none()
                            && !matches!(
                                words[m.start - 1].as_str(),
                                "the" | "a" | "an" | "has" | "have" | "had" | "was" | "were"
                                    | "is" | "are" | "be" | "been" | "being" | "not" | "also"
                                    | "then" | "they" | "he" | "she" | "it" | "we" | "who"
                                    | "which" | "that" | "jointly" | "recently" | "reportedly"
                            )));
                let passive = (m.passive_form && m.verb.is_some_and(be_before))
                    || (literal_participle && be_before(m.start))
                    || reduced_relative;
                let mut how = Vec::new();
                // subject candidates before the match
                // "Druze inhabitants of the Syrian Golan Heights threatened": the people of a
                // place act for it
                let people_of_place = |a: usize| -> bool {
                    let mut j = a;
                    while j > cl.start
                        && j + 3 > a
                        && (words[j - 1] == "the"
                            || words[j - 1].chars().next().is_some_and(char::is_uppercase))
                    {
                        j -= 1;
                    }
                    j >= cl.start + 2
                        && words[j - 1] == "of"
                        && matches!(
                            words[j - 2].to_lowercase().as_str(),
                            "inhabitants" | "residents" | "people" | "citizens" | "villagers"
                        )
                };
                let before: Vec<&(usize, usize, usize)> = ments
                    .iter()
                    .filter(|(mi, a, b)| {
                        *a >= cl.start
                            && *b <= m.start
                            && (inp.mentions[*mi].kind == MentionKind::Actor
                                || inp.capital_mention(*mi)
                                || (inp.mentions[*mi].kind == MentionKind::Place
                                    && people_of_place(*a)))
                    })
                    .collect();
                let in_pp = |a: usize| -> bool {
                    let mut j = a;
                    while j > cl.start
                        && matches!(words[j - 1].as_str(), "the" | "a" | "an" | "its")
                    {
                        j -= 1;
                    }
                    // "a group of Moroccan diplomats held ...": the people after "of" act
                    // ("a member of the Syrian parliament", "Druze inhabitants of ...", "the
                    // first deployment of NATO troops")
                    let of_people = j >= 2
                        && words[j - 1] == "of"
                        && matches!(
                            words[j - 2].to_lowercase().as_str(),
                            "group"
                                | "groups"
                                | "member"
                                | "members"
                                | "supporters"
                                | "hundreds"
                                | "thousands"
                                | "dozens"
                                | "delegation"
                                | "leaders"
                                | "representatives"
                                | "team"
                                | "inhabitants"
                                | "residents"
                                | "citizens"
                                | "deployment"
                                | "contingent"
                                | "units"
                        );
                    // "workers affiliated with the Serbian Workers' Union", "militants loyal
                    // to Iraq's al-Qaeda": people act for the body they belong to
                    let belonging = j >= 2
                        && matches!(
                            (words[j - 2].as_str(), words[j - 1].as_str()),
                            ("affiliated", "with") | ("loyal", "to") | ("linked", "to")
                        );
                    j > cl.start
                        && PREPOSITIONS.contains(&words[j - 1].as_str())
                        && !of_people
                        && !people_of_place(a)
                        && !belonging
                };
                let mut subject: Vec<usize> = Vec::new();
                // the word before the verb, past adverbs ("and later visited")
                let mut lead = m.start;
                while lead > cl.start && VERB_ADVERBS.contains(&words[lead - 1].as_str()) {
                    lead -= 1;
                }
                // a verb opens the match: the pattern's verb, or a literal past or -ing form
                let verb_first = m.verb == Some(m.start)
                    || (matches!(pat.tokens.first(), Some(PatternToken::Literal(_)))
                        && (words[m.start].ends_with("ed") || words[m.start].ends_with("ing")));
                // "the killing of Soleimani": a gerund after a determiner is a noun
                let gerund = words[m.start].ends_with("ing")
                    && m.start > cl.start
                    && matches!(
                        words[m.start - 1].as_str(),
                        "the" | "a" | "an" | "this" | "its" | "their" | "his" | "her"
                    );
                let noun_first =
                    matches!(pat.tokens.first(), Some(PatternToken::Noun(_))) || gerund;
                let verb_first = verb_first && !gerund;
                let joined_by = if verb_first && lead > cl.start {
                    words[lead - 1].as_str()
                } else {
                    ""
                };
                // "Trump met Salih and visited the troops": a second verb phrase shares the
                // first one's subject, not its object
                // "..., killing four soldiers": a participle after a comma has the clause's
                // subject too
                // "Iranian forces smashed four brigades, killed 1,500 soldiers and ...": a
                // past-tense verb after a comma continues a series of verbs
                let verb_series = joined_by == ","
                    && words[m.start].ends_with("ed")
                    && (cl.start + 1..lead - 1).any(|k| {
                        words[k].ends_with("ed")
                            && words[k].chars().all(|c| c.is_ascii_lowercase())
                            && mention_at(k).is_none()
                            && !matches!(
                                words[k - 1].as_str(),
                                "the" | "a" | "an" | "its" | "their" | "his" | "her"
                            )
                    });
                let conjoined_verb = matches!(joined_by, "and" | "but" | "or" | "then")
                    || (joined_by == "," && words[m.start].ends_with("ing"))
                    || verb_series;
                // "the strike that killed Soleimani": the subject of a relative clause is the
                // noun phrase it hangs on
                let relative_pronoun = matches!(joined_by, "that" | "which" | "who");
                let mut subject_fixed = false;
                if conjoined_verb {
                    // the first verb's subject: after the last speech verb ("the agency said
                    // Iranian forces smashed ..., killed ...")
                    // ("The Kremlin said Maduro remained president and warned ...": after
                    // "and" the speaker may go on, so only a series skips the speaker)
                    let reported_from = (cl.start..lead)
                        .rev()
                        .find(|&k| verb_series && SPEECH_VERBS.contains(&words[k].as_str()))
                        .map_or(cl.start, |k| k + 1);
                    if let Some(ps) = clause_subject.clone().or_else(|| {
                        before
                            .iter()
                            .find(|(_, a, _)| *a >= reported_from && !in_pp(*a))
                            .map(|x| vec![x.0])
                    }) {
                        subject = ps;
                        subject_fixed = true;
                        how.push("conjoined verb: the first verb's subject".into());
                    }
                } else if relative_pronoun {
                    subject_fixed = true;
                    let mut j = lead - 1;
                    if j > 0 && words[j - 1] == "," {
                        j -= 1;
                    }
                    // the antecedent ends at most three words before the pronoun ("the U.S.
                    // drone strike that"); a country adjective counts ("an Israeli raid that")
                    if let Some(ante) = ments
                        .iter()
                        .filter(|(_, _, b)| *b <= j && *b + 3 >= j)
                        .max_by_key(|(_, _, b)| *b)
                    {
                        subject.push(ante.0);
                        how.push("relative clause: the antecedent is the source".into());
                    }
                }
                if noun_first && !subject_fixed {
                    // a nominal event ("Israeli airstrikes on Gaza", "the U.S. drone strike")
                    // is done by the actor inside its own noun phrase
                    let np_actor = ments
                        .iter()
                        .filter(|(_, a, b)| {
                            *b <= m.start
                                && *b + 2 >= m.start
                                && *a >= cl.start
                                && words[*b..m.start].iter().all(|w| {
                                    !PREPOSITIONS.contains(&w.as_str())
                                        && !matches!(w.as_str(), "," | "and" | "or")
                                })
                        })
                        .max_by_key(|(_, _, b)| *b);
                    if let Some(x) = np_actor {
                        subject.push(x.0);
                        subject_fixed = true;
                        how.push("nominal event: the actor in its noun phrase".into());
                    } else {
                        // "a response to the killing of Soleimani": a nominal event inside a
                        // prepositional phrase is not done by the clause's subject
                        let mut j = m.start;
                        while j > cl.start
                            && matches!(
                                words[j - 1].as_str(),
                                "the"
                                    | "a"
                                    | "an"
                                    | "this"
                                    | "that"
                                    | "its"
                                    | "their"
                                    | "his"
                                    | "her"
                            )
                        {
                            j -= 1;
                        }
                        if j > cl.start
                            && PREPOSITIONS.contains(&words[j - 1].as_str())
                            && !matches!(words[j - 1].as_str(), "with" | "by" | "through" | "via")
                        {
                            subject_fixed = true;
                        }
                    }
                }
                // "Canada and Brazil followed Washington in recognising Guaido": who follows
                // does the gerund, not whom they follow
                let follows_at = (words[m.start].ends_with("ing")
                    && m.start > cl.start
                    && words[m.start - 1] == "in")
                    .then(|| {
                        (cl.start..m.start).find(|&k| {
                            matches!(
                                words[k].as_str(),
                                "followed" | "follow" | "follows" | "joined"
                            )
                        })
                    })
                    .flatten();
                if subject_fixed {
                    // decided above
                } else if let Some(last) = before
                    .iter()
                    .rev()
                    .find(|(_, a, b)| !in_pp(*a) && follows_at.is_none_or(|f| *b <= f))
                {
                    // "Pakistan, a key U.S. ally, has refused": an apposition between commas
                    // describes the subject before it
                    let appositive_head = before.iter().find(|(_, _, b)| {
                        *b < last.1
                            && words[*b] == ","
                            && (last.2..m.start).any(|k| words[k] == ",")
                            && !words[*b + 1..last.1].iter().any(|w| w == ",")
                    });
                    let last = appositive_head.unwrap_or(last);
                    if appositive_head.is_some() {
                        how.push("the subject before an apposition".into());
                    }
                    subject.push(last.0);
                    // coordination: "X and Y <verb>"
                    let (_, a, _) = **last;
                    // "X and Y", "X and the Y"
                    let and_at = if a >= 1 && words[a - 1] == "and" {
                        Some(a - 1)
                    } else if a >= 2 && words[a - 1] == "the" && words[a - 2] == "and" {
                        Some(a - 2)
                    } else {
                        None
                    };
                    if let Some(k) = and_at {
                        // "X and Y", "X, Y and Z", "X, Y, and Z"
                        let mut end = if k >= 1 && words[k - 1] == "," {
                            k - 1
                        } else {
                            k
                        };
                        while let Some(prev) = before.iter().rev().find(|(_, _, b)| *b == end) {
                            subject.insert(0, prev.0);
                            if prev.1 >= 1 && words[prev.1 - 1] == "," {
                                end = prev.1 - 1;
                            } else {
                                break;
                            }
                        }
                    }
                }
                // "He met ...": a personal pronoun before the verb is the last person named
                if subject.is_empty()
                    && !subject_fixed
                    && words[cl.start..m.start]
                        .iter()
                        .any(|w| w == "he" || w == "she")
                {
                    if let Some(mi) = inp.last_person_before(toks[cl.start].span.start, &[]) {
                        subject.push(mi);
                        how.push("pronoun: the last person named".into());
                    }
                }
                // "... met in Sochi, when they signed a deal": "they" right before the verb is
                // the coordinated subject of the clause before
                if subject.is_empty()
                    && !subject_fixed
                    && lead > cl.start
                    && words[lead - 1] == "they"
                {
                    if let Some(ps) = prev_subject.clone().filter(|ps| ps.len() >= 2) {
                        subject = ps;
                        how.push("pronoun `they`: the coordinated subject before".into());
                    }
                }
                // "On Wednesday it summoned ...": "it" right before the verb is the last
                // country or organization named
                if subject.is_empty()
                    && !subject_fixed
                    && lead > cl.start
                    && words[lead - 1] == "it"
                {
                    if let Some(mi) = inp.last_party_before(toks[cl.start].span.start) {
                        subject.push(mi);
                        how.push("pronoun `it`: the last country or organization named".into());
                    }
                }
                // "A camp for Congolese refugees was attacked", "the homes of Palestinian
                // families were demolished": what a passive befell is who it befell
                if subject.is_empty() && !subject_fixed && passive {
                    if let Some(x) = before.iter().rev().find(|(_, a, _)| {
                        *a > cl.start
                            && matches!(words[*a - 1].as_str(), "of" | "for")
                            && !words[cl.start..*a - 1]
                                .iter()
                                .any(|w| matches!(w.as_str(), "," | "that" | "which" | "who"))
                    }) {
                        subject.push(x.0);
                        how.push("passive: the people its subject belongs to".into());
                    }
                }
                // '"We will respond," Lavrov said': "we" or "I" in a quotation is its speaker
                if subject.is_empty()
                    && !subject_fixed
                    && words[cl.start..m.start]
                        .iter()
                        .any(|w| w == "we" || w == "i")
                {
                    if let Some(speaker) = ments.iter().find(|(mi, a, b)| {
                        inp.mentions[*mi].kind == MentionKind::Actor
                            && *a > m.start
                            && (words
                                .get(*b)
                                .is_some_and(|w| matches!(w.as_str(), "said" | "says" | "told"))
                                || (*a > 0 && matches!(words[*a - 1].as_str(), "said" | "says")))
                    }) {
                        subject.push(speaker.0);
                        how.push("`we`/`I` in a quotation: its speaker".into());
                    }
                }
                // "The two countries began talks", "both sides agreed": the last two countries
                // named
                // (a noun of the pair read as an unnamed group, "the two leaders" in a story
                // with a dateline, is the pair too)
                let pair_at = (cl.start..m.start).find(|&k| names_a_pair(&words, k, m.start));
                let subject_is_the_pair = pair_at.is_some_and(|k| {
                    subject.iter().all(|&s| {
                        ments
                            .iter()
                            .any(|(x, a, _)| *x == s && *a > k && *a <= k + 3)
                    })
                });
                if (subject.is_empty() || subject_is_the_pair)
                    && !subject_fixed
                    && pair_at.is_some()
                {
                    // "the two ministers spoke": the last two people of two countries named;
                    // "the two countries": the two the story names most
                    let at = toks[cl.start].span.start;
                    let people = (cl.start..m.start).any(|k| pair_of_people(&words, k, m.start));
                    let pair = Some(inp.last_two_people_before(at))
                        .filter(|p| people && p.len() == 2)
                        .unwrap_or_else(|| inp.last_two_countries_before(at));
                    if pair.len() == 2 {
                        subject = pair;
                        how.push("`the two countries`: the last two countries named".into());
                    }
                }
                // "between X and Y"
                let between: Option<(usize, usize)> = (cl.start..cl.end).find_map(|t| {
                    if words[t] != "between" {
                        return None;
                    }
                    let x = ments
                        .iter()
                        .find(|(_, a, _)| *a == t + 1 || (*a == t + 2 && words[t + 1] == "the"))?;
                    let y = ments
                        .iter()
                        .find(|(_, a, _)| *a == x.2 + 1 && words[x.2] == "and")?;
                    Some((x.0, y.0))
                });
                let source_country = subject
                    .first()
                    .and_then(|&mi| inp.actors_country(inp.mentions[mi].actor));
                // ", South Korea's military said.": the attribution that closes a clause names
                // who reports the event, not its target
                let attribution_at = (anchor + 1..cl.end)
                    .find(|&k| {
                        words[k] == ","
                            && words[k + 1..cl.end.min(k + 9)]
                                .iter()
                                .any(|w| SPEECH_VERBS.contains(&w.as_str()))
                    })
                    .unwrap_or(cl.end);
                // "rejected the accusation and urged Washington": the next conjoined verb
                // closes this verb's object
                let next_verb_at = match_starts
                    .iter()
                    .copied()
                    .filter(|&st| {
                        st > m.start && st > 0 && matches!(words[st - 1].as_str(), "and" | "but")
                    })
                    .min()
                    .map(|st| st - 1)
                    .unwrap_or(cl.end);
                let after_target = || -> Option<usize> {
                    let end_scan = attribution_at.min(next_verb_at);
                    let full = ments
                        .iter()
                        .filter(|(mi, a, _)| {
                            *a > anchor
                                && *a < end_scan
                                && inp.mentions[*mi].kind != MentionKind::Modifier
                                // an actor of the subject is not its own target
                                && !subject
                                    .iter()
                                    .any(|&s| inp.mentions[s].actor == inp.mentions[*mi].actor)
                        })
                        .find(|(mi, a, _)| {
                            // a place after "in" is where it happened, not to whom; a place of
                            // the source's own country is no target either
                            // "met in Singapore": for meetings a country after "in" (not the
                            // pattern's own "in", as in "arrived in") is where, not with whom
                            let place = inp.mentions[*mi].kind == MentionKind::Place
                                || (pat.code.starts_with("04") && *a > m.end);
                            let where_it_happened = *a > 0
                                && (words[*a - 1] == "in"
                                    || (*a >= 2
                                        && words[*a - 2] == "in"
                                        && DIRECTION_WORDS.contains(&words[*a - 1].as_str())));
                            // "talks with Kabul": a capital outside "in" is its government,
                            // a party even to a group of its own country
                            // "shelled Juba", "would blockade Paris": a place that a threat,
                            // protest or force is aimed at is its target, in the source's own
                            // country too
                            // ("retook Mosul from the militants": from whom, not where)
                            let aimed_at = *a == m.end
                                && matches!(&pat.code[..2], "13" | "14" | "18" | "19" | "20")
                                && !words[m.end..end_scan].iter().any(|w| w == "from");
                            let own_country = source_country.is_some()
                                && inp.actors_country(inp.mentions[*mi].actor) == source_country
                                && !(inp.capital_mention(*mi) && *a > 0 && words[*a - 1] == "with")
                                && !aimed_at;
                            !place || !(where_it_happened || own_country)
                        })
                        .map(|x| x.0);
                    // "rejected an Indian proposal", "is opposed to French mediation in talks
                    // with Syria": a country adjective opening the object names the target
                    let object_adjective = ments
                        .iter()
                        .find(|(mi, a, _)| {
                            *a > anchor
                                && *a < end_scan
                                && inp.mentions[*mi].kind == MentionKind::Modifier
                                && (anchor + 1..*a).all(|k| {
                                    let w = &words[k];
                                    // the pattern's own words ("rejected an Indian proposal")
                                    k < m.end
                                        || matches!(
                                            w.as_str(),
                                            "a" | "an" | "the" | "any" | "all" | "new" | "latest"
                                        )
                                })
                                && inp.actors_country(inp.mentions[*mi].actor) != source_country
                        })
                        .map(|x| x.0);
                    object_adjective
                        .or(full)
                        // an adjective names the target when nothing else after the verb does
                        .or_else(|| {
                            ments
                                .iter()
                                .find(|(mi, a, b)| {
                                    *a > anchor
                                        && *a < end_scan
                                        && inp.mentions[*mi].kind == MentionKind::Modifier
                                        && inp.actors_country(inp.mentions[*mi].actor)
                                            != source_country
                                        // "on the Thai border" says where, not against whom
                                        && !(words.get(*b).is_some_and(|w| {
                                            matches!(w.as_str(), "border" | "frontier")
                                        }) && words[anchor..*a].iter().any(|w| {
                                            matches!(
                                                w.as_str(),
                                                "on" | "near" | "along" | "at" | "across"
                                            )
                                        }))
                                })
                                .map(|x| x.0)
                        })
                };
                let (mut source, mut target): (Option<usize>, Option<usize>);
                // the second conjunct of a coordinated subject that acts on the same target
                let mut co_sources: Vec<usize> = Vec::new();
                // further targets from a coordinated subject of a symmetric event
                let mut extra_targets: Vec<usize> = Vec::new();
                if passive {
                    let agent = ments
                        .iter()
                        .find(|(_, a, _)| {
                            *a > anchor && *a < cl.end && words[*a - 1] == "by"
                                || (*a >= 2
                                    && words[a - 2] == "by"
                                    && words[a - 1] == "the"
                                    && *a > anchor
                                    && *a < cl.end)
                        })
                        .map(|x| x.0);
                    if let Some(ag) = agent {
                        source = Some(ag);
                        target = subject.last().copied();
                        // "A and B agreed to a truce brokered by Russia": Russia brokered it
                        // between them; "..., after talks hosted by X": between the parties
                        // of the clause before
                        let parties = if subject.is_empty() && reduced_relative {
                            prev_subject.clone().unwrap_or_default()
                        } else {
                            subject.clone()
                        };
                        if parties.len() >= 2 {
                            target = parties.first().copied();
                            extra_targets = parties[1..].to_vec();
                        } else if target.is_none() {
                            target = parties.first().copied();
                        }
                        how.push("passive: agent after `by` is the source".to_string());
                    } else if let Some((x, y)) = between {
                        source = Some(x);
                        target = Some(y);
                        how.push("passive: `between X and Y`".to_string());
                    } else if subject.len() == 2 {
                        source = Some(subject[0]);
                        target = Some(subject[1]);
                        how.push("passive with coordinated subject".to_string());
                    } else {
                        target = subject.last().copied();
                        // "Two journalists were arrested in Russia", "a US national was put
                        // under investigation in Italy": the state where it happened acts
                        source = ["09", "11", "17"]
                            .contains(&&pat.code[..2])
                            .then(|| {
                                ments.iter().find(|(x, a, _)| {
                                    *a > anchor
                                        && *a < cl.end
                                        && words[*a - 1] == "in"
                                        && Some(*x) != target
                                        && inp
                                            .actors_country(inp.mentions[*x].actor)
                                            .is_some_and(|c| c.len() == 3)
                                })
                            })
                            .flatten()
                            .map(|x| x.0);
                        if source.is_some() {
                            how.push("passive without agent: the state where it happened".into());
                        }
                    }
                } else {
                    source = subject.first().copied();
                    // "X and Y signed a deal": coordinated subjects act on each other
                    // ... unless the clause names an object: "France and Germany called on
                    // Turkey" is two events, each country's call on Turkey
                    target = m.target.or_else(after_target);
                    // "Trump recognized him": an object pronoun is the last other person named
                    let object_pronoun = (anchor + 1..(m.end + 1).min(cl.end)).any(|k| {
                        words[k] == "him"
                            || (words[k] == "her"
                                && words.get(k + 1).is_none_or(|n| {
                                    !n.chars().next().is_some_and(char::is_alphanumeric)
                                        || matches!(
                                            n.as_str(),
                                            "as" | "to" | "on" | "in" | "for" | "at" | "after"
                                        )
                                }))
                    });
                    if target.is_none() && object_pronoun {
                        let subject_actors: Vec<usize> =
                            subject.iter().map(|&x| inp.mentions[x].actor).collect();
                        target = inp.last_person_before(toks[anchor].span.start, &subject_actors);
                        if target.is_some() {
                            how.push("object pronoun: the last other person named".into());
                        }
                    }
                    if subject.len() >= 2 {
                        // "Germany and Poland agreed ... after talks between their interior
                        // ministers": an object of one of the subjects' own countries is theirs,
                        // not a third party
                        let subject_countries: Vec<Option<String>> = subject
                            .iter()
                            .map(|&x| inp.actors_country(inp.mentions[x].actor))
                            .collect();
                        let own = target.is_some_and(|t| {
                            m.target.is_none()
                                && subject_countries
                                    .contains(&inp.actors_country(inp.mentions[t].actor))
                        });
                        // a place after the verb (or a country after "in") is where the two
                        // met, not their target; a capital stands for its government
                        let located = target.is_some_and(|t| {
                            (inp.mentions[t].kind == MentionKind::Place
                                && (!inp.capital_mention(t)
                                    || pat.code.starts_with("04")
                                    || ments.iter().any(|(x, a, _)| {
                                        *x == t && matches!(words[*a - 1].as_str(), "to" | "at")
                                    })))
                                || ments.iter().any(|(x, a, _)| {
                                    *x == t
                                        && *a >= 2
                                        && words[*a - 1] == "the"
                                        && words[*a - 2] == "at"
                                })
                                || ments
                                    .iter()
                                    .any(|(x, a, _)| *x == t && *a > m.end && words[*a - 1] == "in")
                        }) && m.target.is_none();
                        // "Esper and Stoltenberg flew to Kabul": a visit to a country neither
                        // subject belongs to is a visit there
                        let visited = pat.code.starts_with("042")
                            && target.is_some_and(|t| {
                                !subject_countries
                                    .contains(&inp.actors_country(inp.mentions[t].actor))
                            });
                        let located = located && !visited;
                        if own || located {
                            target = None;
                        } else if target.is_some() {
                            co_sources = subject[1..].to_vec();
                        }
                    }
                    if source.is_some() {
                        how.push("subject before the verb is the source".into());
                    }
                    if m.target.is_some() {
                        how.push("target from the pattern's slot".into());
                    } else if target.is_some() {
                        how.push("first actor after the verb is the target".into());
                    }
                    // only symmetric events are mutual: "X and Y met", not "X and Y offered
                    // to mediate"
                    // ("traded accusations", "exchanged fire": what is traded is mutual)
                    let reciprocal_verb = pat.tokens.iter().any(
                        |t| matches!(t, PatternToken::Verb(v) if v == "trade" || v == "exchange"),
                    );
                    let symmetric = (["03", "04", "05", "06", "08", "12", "19"]
                        .contains(&&pat.code[..2])
                        || reciprocal_verb)
                        && !matches!(pat.code.as_str(), "039" | "045");
                    // "met in Brasilia on the sidelines of a BRICS summit": an organization
                    // whose meeting is the occasion is no party to the meeting of the subjects
                    if subject.len() >= 2 && symmetric && m.target.is_none() {
                        if let Some(t) = target {
                            let occasion = ments.iter().any(|(x, a, _)| {
                                *x == t
                                    // "... brokered by Russia": a participle's agent
                                    && words[anchor..*a].iter().any(|w| {
                                        matches!(w.as_str(), "of" | "at" | "during" | "on" | "by")
                                    })
                                    && !words[anchor..*a].iter().any(|w| w == "with")
                            });
                            if occasion {
                                target = None;
                                how.push("an occasion, not a party, after the verb".into());
                            }
                        }
                    }
                    // "urged both sides to exercise restraint": the last two countries named
                    if target.is_none()
                        && !symmetric
                        && (anchor + 1..attribution_at.min(cl.end))
                            .any(|k| names_a_pair(&words, k, cl.end))
                    {
                        let pair = inp.last_two_countries_before(toks[cl.start].span.start);
                        if pair.len() == 2 {
                            target = Some(pair[0]);
                            extra_targets = vec![pair[1]];
                            how.push("`both sides`: the last two countries named".into());
                        }
                    }
                    if target.is_none() && subject.len() >= 2 && symmetric {
                        target = Some(subject[1]);
                        // "the leaders of Russia, Ukraine, France and Germany met": the first
                        // meets each of the others
                        extra_targets = subject[2..].to_vec();
                        how.push("coordinated subject: the other conjuncts are the targets".into());
                    }
                    if source.is_none() {
                        if let Some((x, y)) = between {
                            source = Some(x);
                            target = Some(y);
                            how.push("`between X and Y`".into());
                        }
                    }
                    if source.is_none() && !subject_fixed {
                        if let Some(ps) = &prev_subject {
                            source = ps.first().copied();
                            if target.is_none() && ps.len() == 2 {
                                target = Some(ps[1]);
                            }
                            how.push("subject carried from the previous clause".into());
                        }
                    }
                }
                if !subject.is_empty() {
                    clause_subject = Some(subject.clone());
                    prev_subject = Some(subject.clone());
                } else if let Some(s) = source {
                    prev_subject = Some(vec![s]);
                }
                // "ethnic Albanians demonstrated in Serbia": an ethnic group is coded by the
                // country it lives in, when the clause names one
                let residence = ments
                    .iter()
                    .find(|(mi, a, _)| {
                        *a > cl.start
                            && *a < cl.end
                            && (words[*a - 1] == "in"
                                // "in southeastern Serbia"
                                || (*a >= 2
                                    && words[*a - 2] == "in"
                                    && DIRECTION_WORDS.contains(&words[*a - 1].as_str())))
                            && matches!(
                                inp.mentions[*mi].kind,
                                MentionKind::Place | MentionKind::Actor
                            )
                            && inp
                                .actors_country(inp.mentions[*mi].actor)
                                .is_some_and(|c| c.len() == 3)
                    })
                    .map(|x| inp.mentions[x.0].actor);
                let targetless_ok_early = pat.expect.as_deref().is_some_and(|e| e.ends_with(">-"));
                let actor_of = |mi: usize| {
                    let m = &inp.mentions[mi];
                    let ethnic = ments
                        .iter()
                        .find(|(x, _, _)| *x == mi)
                        .is_some_and(|(_, a, _)| *a > 0 && words[*a - 1] == "ethnic");
                    match residence {
                        Some(r) if ethnic => r,
                        _ => m.actor,
                    }
                };
                let src_actor = source.map(actor_of);
                let mut tgt_actor = target.map(actor_of);
                // "shelled Aleppo": a place that protest or force is aimed at is the target as
                // a place (its country), even in the source's own country
                let place_aimed_at = target.is_some_and(|t| {
                    inp.mentions[t].kind == MentionKind::Place
                        && (m.target == Some(t)
                            || ments.iter().any(|(x, a, _)| {
                                *x == t
                                    && (*a == m.end
                                        // "fired rockets at Jerusalem"
                                        || (*a == m.end + 1
                                            && matches!(
                                                words[m.end].as_str(),
                                                "at" | "on" | "into" | "against" | "toward"
                                                    | "towards"
                                            )))
                            }))
                }) && matches!(&pat.code[..2], "14" | "18" | "19" | "20");
                // "Russia denied any involvement in the attack on Skripal": a target of the
                // source's own country with no role of its own is no interaction partner
                if let (Some(s), Some(t)) = (src_actor, tgt_actor.filter(|_| !place_aimed_at)) {
                    let same_country = inp.actors_country(s).is_some()
                        && inp.actors_country(s) == inp.actors_country(t);
                    let no_role = inp.actor_sectors.get(t).is_none_or(Option::is_none);
                    // an ethnic group coded by where it lives is a real target
                    let ethnic_target = target.is_some_and(|tm| {
                        ments
                            .iter()
                            .any(|(x, a, _)| *x == tm && *a > 0 && words[*a - 1] == "ethnic")
                    });
                    // "Trump ... at the White House": a government acting on its own
                    // government is no interaction either
                    let same_role = inp.actor_sectors.get(t).cloned().flatten().is_some()
                        && inp.actor_sectors.get(t) == inp.actor_sectors.get(s);
                    if same_country
                        && (no_role || same_role)
                        && !ethnic_target
                        && !targetless_ok_early
                    {
                        tgt_actor = None;
                        how.push("a roleless target of the source's own country dropped".into());
                    }
                }
                // responsive verbs without an object answer the last event addressed to them
                let main_verb = pat.tokens.iter().find_map(|t| match t {
                    PatternToken::Verb(v) => Some(v.as_str()),
                    _ => None,
                });
                if tgt_actor.is_none() && main_verb.is_some_and(|v| RESPONSIVE.contains(&v)) {
                    if let Some(sa) = src_actor {
                        if let Some(prev) = events.iter().rev().find(|e| {
                            e.source.is_some()
                                && e.target.is_some_and(|t| {
                                    t == sa
                                        || (inp.actors_country(t).is_some()
                                            && inp.actors_country(t) == inp.actors_country(sa))
                                })
                        }) {
                            tgt_actor = prev.source;
                            how.push("responsive verb: target is who addressed the source".into());
                        }
                    }
                }
                // "Merkel condemned the attacks", "Beijing dismissed the speech": an object
                // that is an earlier event of the story names who did it
                if tgt_actor.is_none()
                    && matches!(&pat.code[..2], "01" | "02" | "10" | "11" | "12" | "13")
                {
                    if let (Some(sa), Some(noun)) =
                        (src_actor, event_noun_object(&words, anchor + 1, cl.end))
                    {
                        // the story's lead act of force ("the attacks" a lead reports,
                        // not a background strike told later); else its last event
                        let violent = VIOLENT_EVENT_NOUNS.contains(&noun);
                        let other_party = |e: &&EventRec| {
                            e.source.is_some_and(|s| {
                                s != sa
                                    && inp.actors_country(s).is_some()
                                    && inp.actors_country(s) != inp.actors_country(sa)
                            })
                        };
                        let prev = if violent {
                            events
                                .iter()
                                .filter(other_party)
                                .find(|e| e.code.as_str() >= "14")
                        } else {
                            events.iter().rev().find(other_party)
                        };
                        if let Some(p) = prev {
                            tgt_actor = p.source;
                            how.push(format!(
                                "object `the {noun}`: who did the story's last such event"
                            ));
                        }
                    }
                }
                let targetless_ok = pat.expect.as_deref().is_some_and(|e| e.ends_with(">-"));
                let (mut src_located, mut tgt_located) = (false, place_aimed_at);
                // "Thousands protested in Serbia": a domestic event of the place's country
                let src_actor = src_actor.or_else(|| {
                    if !targetless_ok {
                        return None;
                    }
                    // "marched in Caracas", "marched through Minsk"
                    let loc = ments.iter().find(|(_, a, _)| {
                        *a > 0
                            && *a > cl.start
                            && *a < cl.end
                            && matches!(
                                words[*a - 1].as_str(),
                                "in" | "through" | "across" | "around" | "outside"
                            )
                    })?;
                    how.push("source: the country where it happened".into());
                    src_located = true;
                    Some(actor_of(loc.0))
                });
                // "A roadside bomb near Samarra killed a U.S. soldier", "gunmen killed five
                // policemen in northern Nigeria": violence whose perpetrator the text names
                // only by its weapon or as unknown men is coded to the country where it
                // happened, as are victims of no named country ("killed 23 people in Tel Aviv")
                let violent = matches!(&pat.code[..2], "18" | "19" | "20");
                let place_of_violence = violent
                    .then(|| violence_place(inp, &ments, &words, cl.start, attribution_at))
                    .flatten();
                let src_actor = src_actor.or_else(|| {
                    let lower: Vec<String> = words[cl.start..cl.end]
                        .iter()
                        .map(|w| w.to_lowercase())
                        .collect();
                    // "miners were killed in an underground explosion": an accident
                    let accident = lower.iter().any(|w| ACCIDENT_WORDS.contains(&w.as_str()));
                    let unnamed = !accident
                        && lower
                            .iter()
                            .any(|w| UNNAMED_PERPETRATORS.contains(&w.as_str()));
                    let p = place_of_violence.filter(|_| unnamed)?;
                    how.push(
                        "source: an unnamed perpetrator, the country where it happened".into(),
                    );
                    src_located = true;
                    Some(p)
                });
                if src_located && tgt_actor.is_some() && tgt_actor == place_of_violence {
                    // "gunmen killed five policemen in Nigeria": the place is both
                    tgt_located = true;
                }
                if tgt_actor.is_none() && !targetless_ok {
                    if let Some(p) = place_of_violence {
                        tgt_actor = Some(p);
                        tgt_located = true;
                        how.push("target: victims of no named country, where it happened".into());
                    }
                }
                // "made a surprise visit to U.S. troops in Iraq": a visit to one's own people
                // abroad is a visit to the country they are in
                if matches!(&pat.code[..3], "042" | "043") {
                    if let (Some(s), Some(t)) = (src_actor, tgt_actor) {
                        let own = inp.actors_country(s).is_some()
                            && inp.actors_country(s) == inp.actors_country(t);
                        let host = ments
                            .iter()
                            .filter(|(_, a, _)| *a > anchor && *a < attribution_at)
                            .find(|(mi, a, _)| {
                                let before = |k: usize| words[*a - k].as_str();
                                (before(1) == "in"
                                    || (*a >= 2
                                        && before(2) == "in"
                                        && DIRECTION_WORDS.contains(&before(1))))
                                    && inp.actors_country(inp.mentions[*mi].actor).is_some_and(
                                        |c| c.len() == 3 && Some(c) != inp.actors_country(s),
                                    )
                            });
                        if let (true, Some(h)) = (own, host) {
                            tgt_actor = Some(inp.mentions[h.0].actor);
                            tgt_located = true;
                            how.push("a visit to one's own people abroad: the host country".into());
                        }
                    }
                }
                let Some(mut src_actor) = src_actor else {
                    continue;
                };
                // "Defence Secretary Mark Esper and NATO's Jens Stoltenberg flew to Kabul": a
                // conjunct of no known country leaves the act to the others
                if inp.actors_country(src_actor).is_none() {
                    if let Some(k) = co_sources
                        .iter()
                        .position(|&mi| inp.actors_country(actor_of(mi)).is_some())
                    {
                        src_actor = actor_of(co_sources.remove(k));
                        how.push("the first conjunct has no country: the next one acts".into());
                    }
                }
                // an actor of no known country or organization codes as nothing useful
                if inp.actors_country(src_actor).is_none() {
                    continue;
                }
                // a bombing in Kabul with no named perpetrator or victim is Afghanistan's own
                if tgt_actor == Some(src_actor) && !targetless_ok && !(src_located && tgt_located) {
                    tgt_actor = None;
                }
                // a domestic event ("Thousands protested in Serbia") is the country's own
                if tgt_actor.is_none() && targetless_ok {
                    let in_place = ments
                        .iter()
                        .find(|(_, a, _)| *a > cl.start && *a < cl.end && words[*a - 1] == "in")
                        .map(|x| actor_of(x.0))
                        .filter(|&t| inp.actors_country(t).is_some());
                    // the target is the country either way, not the source acting on itself
                    tgt_located = true;
                    tgt_actor = in_place
                        // else the source's own country ("the government lifted the curfew");
                        // an international organization or armed group has none, and a
                        // statement (root 01) is no domestic event
                        .or_else(|| {
                            // a state's demand, threat or protest with no named addressee
                            // is aimed abroad as often as at home: no domestic guess
                            let state = source.is_some_and(|mi| {
                                inp.mention_is_state.get(mi).copied().unwrap_or(false)
                            }) || inp
                                .actor_sectors
                                .get(src_actor)
                                .is_some_and(|s| matches!(s.as_deref(), Some("GOV" | "MIL")));
                            let addressed = matches!(&pat.code[..2], "10" | "14");
                            (inp.actors_country(src_actor).is_some_and(|c| c.len() == 3)
                                && DOMESTIC_ROOTS.contains(&&pat.code[..2])
                                && !(state && addressed))
                                .then_some(src_actor)
                        });
                    if tgt_actor.is_some() {
                        how.push(
                            "domestic event: target is the place's or the source's country".into(),
                        );
                    } else {
                        // "Greece rejected the idea": the event stands, its target unknown
                        how.push("no target named".into());
                    }
                }
                // an event needs a target unless its pattern says it has none ("X protested")
                if tgt_actor.is_none() && !targetless_ok {
                    continue;
                }
                // status
                let mut lo = subject_end(&ments, source, cl.start);
                if conjoined_verb {
                    // "rejected the claim and urged ...": the second verb's status is its own
                    lo = lo.max(lead);
                }
                // the status window ends where the pattern starts, so a pattern's own
                // negation ("not +accept") does not negate it again
                let pre: Vec<&str> = words[lo.min(m.start)..m.start]
                    .iter()
                    .map(String::as_str)
                    .collect();
                let clause_words: Vec<&str> =
                    words[cl.start..anchor].iter().map(String::as_str).collect();
                let mut status = EventStatus::Occurred;
                if pre.iter().any(|w| NEGATIONS.contains(w))
                    || pre.iter().any(|w| NEGATING_VERBS.contains(w))
                {
                    status = EventStatus::Negated;
                } else if clause_words
                    .iter()
                    .any(|w| HYPOTHETICAL_MARKERS.contains(w))
                {
                    status = EventStatus::Hypothetical;
                } else if pre.iter().any(|w| FUTURE_MARKERS.contains(w))
                    || pre
                        .windows(2)
                        .any(|w| BE_FORMS.contains(&w[0]) && w[1] == "to")
                {
                    status = EventStatus::Planned;
                }
                // the pattern ends in an infinitive's "to" ("agreed to exchange"), not a
                // preposition ("traveled to Astana")
                let infinitive_after = m.end > m.start
                    && m.end < toks.len()
                    && words[m.end - 1] == "to"
                    && words[m.end].chars().all(|c| c.is_ascii_lowercase())
                    && !matches!(words[m.end].as_str(), "the" | "a" | "an" | "its" | "their")
                    && mention_at(m.end).is_none();
                let cspan = Span::new(toks[cl.start].span.start, toks[cl.end - 1].span.end);
                let (date, date_source) =
                    event_date(inp, s, &words, cl, &m, anchor, &events, infinitive_after);
                if status == EventStatus::Occurred {
                    if let (Some(dt), Some(p)) = (&date, &inp.published) {
                        let start = dt.split('/').next().unwrap_or(dt);
                        // only calendar dates compare as strings ("1987-W10" does not)
                        let numeric = start.chars().all(|c| c.is_ascii_digit() || c == '-');
                        if numeric
                            && start.len() >= 4
                            && p.len() >= start.len()
                            && start > &p[..start.len()]
                        {
                            status = EventStatus::Planned;
                        }
                    }
                }
                // "Ankara could suspend relations": a threat's modal is its content; the
                // threat itself was made
                if pat.code.starts_with("13")
                    && matches!(status, EventStatus::Planned | EventStatus::Hypothetical)
                {
                    status = EventStatus::Occurred;
                }
                // count: "five times"
                let count = count_in(&words, toks, inp.text, cl, m.end);
                // location
                let location = ments
                    .iter()
                    .filter(|(mi, a, _)| {
                        *a > anchor && *a < cl.end && inp.mentions[*mi].kind == MentionKind::Place
                    })
                    .find(|(_, a, _)| matches!(words[*a - 1].as_str(), "in" | "at"))
                    .map(|x| inp.mentions[x.0].actor)
                    .or_else(|| {
                        target
                            .filter(|t| inp.mentions[*t].kind == MentionKind::Place)
                            .map(actor_of)
                    });
                // CAMEO codes what actors say they will do as intent (03): a planned meeting
                // is an intent to meet, planned aid an intent to give aid
                // "will withdraw its force unless ...": an action announced on a condition
                // the target must meet is a threat
                let conditional_threat = status == EventStatus::Planned
                    && words[m.end.min(words.len())..]
                        .iter()
                        .any(|w| w == "unless")
                    && !pat.code.starts_with("13");
                let code = if conditional_threat {
                    how.push("planned 'unless' ...: a threat".into());
                    "130".to_string()
                } else if status == EventStatus::Planned {
                    intent_code(&pat.code).unwrap_or_else(|| pat.code.clone())
                } else {
                    pat.code.clone()
                };
                // "met his Japanese and South Korean counterparts", "urged Iran and Iraq":
                // each conjunct of the object is a target of its own
                let mut co_targets: Vec<usize> = extra_targets
                    .iter()
                    .map(|&mi| actor_of(mi))
                    .filter(|&a| Some(a) != tgt_actor && inp.actors_country(a).is_some())
                    .collect();
                if let Some(t) = target {
                    if let Some(&(_, ta, tb)) = ments.iter().find(|(x, _, _)| *x == t) {
                        let after = ments.iter().find(|(x, a, _)| {
                            tb < words.len()
                                && words[tb] == "and"
                                && (*a == tb + 1 || (*a == tb + 2 && words[tb + 1] == "the"))
                                && inp.mentions[*x].kind == MentionKind::Actor
                        });
                        let adjective_before = ments.iter().find(|(x, _, b)| {
                            ta >= 1
                                && words[ta - 1] == "and"
                                && *b == ta - 1
                                && inp.mentions[*x].kind == MentionKind::Modifier
                        });
                        for (x, _, _) in after.into_iter().chain(adjective_before) {
                            let a = actor_of(*x);
                            if Some(a) != tgt_actor
                                && a != src_actor
                                && inp.actors_country(a).is_some()
                                && !co_targets.contains(&a)
                            {
                                co_targets.push(a);
                            }
                        }
                    }
                }
                let mut co_events: Vec<usize> = Vec::new();
                for a in co_sources.iter().map(|&mi| actor_of(mi)) {
                    if a != src_actor
                        && Some(a) != tgt_actor
                        && inp.actors_country(a).is_some()
                        && inp.actors_country(a) != inp.actors_country(src_actor)
                        && !co_events.contains(&a)
                    {
                        co_events.push(a);
                    }
                }
                events.push(EventRec {
                    source: Some(src_actor),
                    target: tgt_actor,
                    located: (src_located, tgt_located),
                    code,
                    date,
                    date_source,
                    status,
                    count,
                    location,
                    mentions: vec![(si, cspan)],
                    pattern: m.pattern,
                    paragraph: s.paragraph,
                    how: how.join("; "),
                });
                let first = events.len() - 1;
                for co in co_events {
                    let mut other = events[first].clone();
                    other.source = Some(co);
                    other
                        .how
                        .push_str("; another conjunct of the subject: its own event");
                    events.push(other);
                }
                let by_source = events.len();
                for (co, idx) in co_targets
                    .iter()
                    .flat_map(|&co| (first..by_source).map(move |idx| (co, idx)))
                {
                    if events[idx].source == Some(co) {
                        continue;
                    }
                    let mut other = events[idx].clone();
                    other.target = Some(co);
                    other
                        .how
                        .push_str("; another conjunct of the object: its own event");
                    events.push(other);
                }
            }
        }
    }
    events
}

/// The date of an event matched at `m`: the time of its clause nearest the verb (not a
/// complement's time, a deadline or a span's start), else a time fronted at the head of its
/// sentence, else the time of the clause a clause of time hangs on, else the paragraph's
/// time when the sentence continues it, else the publication date. Returns the date and
/// where it came from.
#[allow(clippy::too_many_arguments)]
fn event_date(
    inp: &EventInput,
    s: &Sent,
    words: &[String],
    cl: &Clause,
    m: &Match,
    anchor: usize,
    prior: &[EventRec],
    infinitive_after: bool,
) -> (Option<String>, &'static str) {
    let toks = &s.tokens;
    let cspan = Span::new(toks[cl.start].span.start, toks[cl.end - 1].span.end);
    let date_of = |t: &TimeExpr| -> Option<String> {
        if t.kind != TimexType::Date
            || t.value.starts_with('P')
            || t.value.contains("REF")
            || t.start < inp.dateline_end
        {
            return None;
        }
        Some(t.range.clone().unwrap_or_else(|| t.value.clone()))
    };
    let verb_pos = toks[anchor].span.start;
    let first_comma = toks
        .iter()
        .find(|t| t.text(inp.text) == ",")
        .map(|t| t.span.start)
        .unwrap_or(s.span.start);
    // a sentence that opens with an adverbial ("In 2023, ...", "On Monday, ...")
    let opens_with_adverbial = toks.first().is_some_and(|t| {
        matches!(
            t.text(inp.text).to_ascii_lowercase().as_str(),
            "in" | "on"
                | "at"
                | "during"
                | "last"
                | "earlier"
                | "since"
                | "by"
                | "this"
                | "after"
                | "before"
                | "over"
                | "until"
                | "from"
        ) || inp.times.iter().any(|x| x.start == t.span.start)
    });
    let first_comma = if opens_with_adverbial {
        first_comma
    } else {
        s.span.start
    };
    let clause_times: Vec<&TimeExpr> = inp
        .times
        .iter()
        .filter(|t| t.start >= cspan.start && t.end <= cspan.end && date_of(t).is_some())
        // "invited X to visit China next year": the complement's time is the
        // complement's, not the invitation's
        .filter(|t| {
            !(m.end..cl.end).any(|k| {
                words[k] == "to"
                    && toks[k].span.start >= toks[m.end.min(toks.len() - 1)].span.start
                    && toks[k].span.end <= t.start
            })
        })
        // "agreed to exchange prisoners by the end of the year": the complement
        // of a pattern ending in "to" has its own time; a deadline ("by",
        // "until") is not when the event happened
        .filter(|t| {
            let complement = infinitive_after && t.start >= toks[m.end - 1].span.end;
            // a deadline ("by", "until") or the start of a span ("since 2017") is
            // not when the event happened
            let deadline = matches!(t.signal.as_deref(), Some("by" | "until" | "till" | "since"));
            !complement && !deadline
        })
        .collect();
    let mut date_source = "clause";
    let mut date = clause_times
        .iter()
        .min_by_key(|t| (t.start < verb_pos, t.start.abs_diff(verb_pos)))
        .and_then(|t| date_of(t));
    if date.is_none() {
        let main_clause_times: Vec<&TimeExpr> = inp
            .times
            .iter()
            .filter(|t| t.start >= s.span.start && t.end <= s.span.end && date_of(t).is_some())
            // only times fronted at the head of the sentence ("In 2023, ...")
            .filter(|t| t.end <= cspan.start && t.end <= first_comma)
            .filter(|t| {
                // not inside a relative clause of the sentence
                !s.clauses.iter().any(|c| {
                    c.relative
                        && toks[c.start].span.start <= t.start
                        && t.end <= toks[c.end - 1].span.end
                })
            })
            .collect();
        if main_clause_times.len() == 1 {
            date = date_of(main_clause_times[0]);
            date_source = "sentence";
        }
    }
    // "talks began in early 2018, shortly after Washington imposed tariffs": a
    // clause of time takes the time of the clause it hangs on
    let mut lead_word = cl.start;
    while lead_word < cl.end
        && matches!(
            words[lead_word].as_str(),
            "shortly" | "just" | "soon" | "long" | ","
        )
    {
        lead_word += 1;
    }
    if date.is_none()
        && lead_word < cl.end
        && matches!(
            words[lead_word].as_str(),
            "after" | "before" | "when" | "as"
        )
    {
        if let Some(prev) = s.clauses.iter().rfind(|c| c.end <= cl.start) {
            let pspan = Span::new(toks[prev.start].span.start, toks[prev.end - 1].span.end);
            let prev_times: Vec<&TimeExpr> = inp
                .times
                .iter()
                .filter(|t| t.start >= pspan.start && t.end <= pspan.end)
                .filter(|t| date_of(t).is_some())
                .collect();
            if let [one] = prev_times.as_slice() {
                date = date_of(one);
                date_source = "sentence";
            }
        }
    }
    // "The talks came a week after 33 soldiers were killed" (counted back) and "Two days
    // later, ...", "The month before, ..." (counted at the head of the sentence): a time
    // counted from the story's previous dated event
    if date.is_none() {
        let offset = duration_before_event(inp, s, words, anchor)
            .or_else(|| relative_opening(inp, s, words));
        let previous = prior
            .iter()
            .rev()
            .find(|e| e.date.is_some() && e.date_source != "published");
        if let (Some((n, unit)), Some(prev)) = (offset, previous) {
            if let Some(d) = prev.date.as_deref().and_then(|d| shift_date(d, n, unit)) {
                date = Some(d);
                date_source = "previous event";
            }
        }
    }
    // a paragraph's time frame carries over when it was set for the paragraph
    // ("In June 2018, ...") or the sentence says it goes on ("also", "there",
    // "during the visit"); otherwise a sentence without a time is news of the day
    let continues = words
        .iter()
        .any(|w| CONTINUATION_CUES.contains(&w.as_str()));
    if date.is_none() {
        if let Some(prev) = prior.iter().rev().find(|e| {
            e.paragraph == s.paragraph
                && e.date.is_some()
                && e.date_source != "published"
                && (continues || e.date_source == "sentence")
        }) {
            date = prev.date.clone();
            date_source = "paragraph";
        }
    }
    // a sentence with no time of its own reports the story's news day: the day its lead
    // dates ("... on Wednesday", for a story filed on Thursday), else the publication date
    if date.is_none() {
        if let Some(day) = news_day(inp, prior) {
            date = Some(day);
            date_source = "news day";
        }
    }
    if date.is_none() {
        date = inp.published.clone();
        date_source = "published";
    }
    (date, date_source)
}

/// The day a story's lead dates its news: the first event of the first paragraph with a
/// day-precise date of its own clause or sentence, up to a week before publication.
fn news_day(inp: &EventInput, prior: &[EventRec]) -> Option<String> {
    let published = inp.published.as_deref()?;
    let pub_day: jiff::civil::Date = published.get(..10)?.parse().ok()?;
    let lead = prior.first()?;
    let e = prior
        .iter()
        .take_while(|e| e.paragraph == lead.paragraph)
        .find(|e| matches!(e.date_source, "clause" | "sentence"))?;
    let d = e.date.as_deref().filter(|d| d.len() == 10)?;
    let day: jiff::civil::Date = d.parse().ok()?;
    let back = pub_day.since(day).ok()?.get_days();
    ((1..=7).contains(&back)).then(|| d.to_string())
}

/// A sentence that opens with a time counted from the story's previous event: "Two days
/// later, ...", "A week after the visit, ...", "The month before, ...". Returns the signed
/// count and its unit (`D`, `W`, `M`, `Y`).
fn relative_opening(inp: &EventInput, s: &Sent, words: &[String]) -> Option<(i64, char)> {
    let direction = |w: &str| match w {
        "later" | "after" => Some(1),
        "earlier" | "before" => Some(-1),
        _ => None,
    };
    // "... met two days later in Sochi": a duration and "later" or "earlier" anywhere
    for t in inp
        .times
        .iter()
        .filter(|t| t.kind == TimexType::Duration && t.start >= s.span.start && t.end <= s.span.end)
    {
        let after = s.tokens.iter().position(|x| x.span.start >= t.end)?;
        let sign = match words.get(after).map(String::as_str) {
            Some("later") => 1,
            Some("earlier") => -1,
            _ => continue,
        };
        if let Some((n, unit)) = duration_count(&t.value) {
            return Some((sign * n, unit));
        }
    }
    let first = s.tokens.first()?;
    // "Two days later": a duration at the head of the sentence
    if let Some(t) = inp
        .times
        .iter()
        .find(|t| t.start == first.span.start && t.kind == TimexType::Duration)
    {
        let after = s.tokens.iter().position(|x| x.span.start >= t.end)?;
        let sign = direction(words.get(after)?)?;
        return duration_count(&t.value).map(|(n, unit)| (sign * n, unit));
    }
    // "The day before", "The month after"
    if words.len() >= 3 && words[0] == "the" {
        let unit = match words[1].as_str() {
            "day" => 'D',
            "week" => 'W',
            "month" => 'M',
            "year" => 'Y',
            _ => return None,
        };
        let sign = direction(&words[2])?;
        return Some((sign, unit));
    }
    None
}

/// "came a week after <this event>", "two days before <this event>": a duration followed by
/// "after" or "before" ahead of the event's verb at token `anchor`. Returns the signed count
/// and unit that lead from the story's previous event to this one (after: back in time).
fn duration_before_event(
    inp: &EventInput,
    s: &Sent,
    words: &[String],
    anchor: usize,
) -> Option<(i64, char)> {
    let verb_at = s.tokens.get(anchor)?.span.start;
    let t = inp
        .times
        .iter()
        .find(|t| t.kind == TimexType::Duration && t.start >= s.span.start && t.end <= verb_at)?;
    let after = s.tokens.iter().position(|x| x.span.start >= t.end)?;
    let sign = match words.get(after)?.as_str() {
        "after" => -1,
        "before" => 1,
        _ => return None,
    };
    // "Two days after the attack, Turkey retaliated": past the comma is the later event
    if words[after..anchor].iter().any(|w| w == ",") {
        return None;
    }
    duration_count(&t.value).map(|(n, unit)| (sign * n, unit))
}

/// A whole count of days, weeks, months or years in a TIMEX duration ("P2D" → 2, 'D').
fn duration_count(value: &str) -> Option<(i64, char)> {
    let v = value.strip_prefix('P')?;
    let unit = v.chars().last()?;
    let n: i64 = v.get(..v.len() - unit.len_utf8())?.parse().ok()?;
    matches!(unit, 'D' | 'W' | 'M' | 'Y').then_some((n, unit))
}

/// A date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) moved by `n` units, at the coarser of its own
/// precision and the unit's ("2019-11" a month before is "2019-10").
fn shift_date(date: &str, n: i64, unit: char) -> Option<String> {
    let parts: Vec<&str> = date.split('-').collect();
    let y: i16 = parts.first()?.parse().ok()?;
    let m: i8 = parts.get(1).and_then(|x| x.parse().ok()).unwrap_or(1);
    let d: i8 = parts.get(2).and_then(|x| x.parse().ok()).unwrap_or(1);
    let day = jiff::civil::Date::new(y, m, d).ok()?;
    let span = match unit {
        'D' => jiff::Span::new().days(n),
        'W' => jiff::Span::new().weeks(n),
        'M' => jiff::Span::new().months(n),
        _ => jiff::Span::new().years(n),
    };
    let moved = day.checked_add(span).ok()?;
    let precision = match unit {
        'D' | 'W' => parts.len(),
        'M' => parts.len().min(2),
        _ => 1,
    };
    Some(match precision {
        1 => format!("{:04}", moved.year()),
        2 => format!("{:04}-{:02}", moved.year(), moved.month()),
        _ => moved.to_string(),
    })
}

/// The CAMEO code of a planned action: intent (root 03) for cooperation of roots 04–08,
/// threat (root 13) for repression and force of roots 17–20.
fn intent_code(code: &str) -> Option<String> {
    let c = match &code[..code.len().min(2)] {
        "04" => "036",
        "05" => "032",
        "06" => "031",
        "07" => "033",
        "08" => "035",
        // what actors say they will do by force is a threat (13x): repression, violence
        // (a sanction announced with "would" is a decision, and stays 16x)
        "17" => "137",
        "18" => "1383",
        "19" => "1384",
        "20" => "1385",
        _ => return None,
    };
    Some(c.to_string())
}

fn subject_end(
    ments: &[(usize, usize, usize)],
    source: Option<usize>,
    clause_start: usize,
) -> usize {
    source
        .and_then(|s| ments.iter().find(|m| m.0 == s))
        .map(|m| m.2)
        .unwrap_or(clause_start)
}

const NUMBER_WORDS: &[(&str, u32)] = &[
    ("once", 1),
    ("twice", 2),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("several", 0),
    ("thrice", 3),
];

fn count_in(words: &[String], _toks: &[Token], _text: &str, cl: &Clause, from: usize) -> u32 {
    for i in from.max(cl.start)..cl.end {
        let w = words[i].as_str();
        if w == "once" || w == "twice" || w == "thrice" {
            return NUMBER_WORDS
                .iter()
                .find(|x| x.0 == w)
                .map(|x| x.1)
                .unwrap_or(1);
        }
        if i + 1 < cl.end && words[i + 1] == "times" {
            if let Ok(n) = w.parse::<u32>() {
                return n;
            }
            if let Some((_, n)) = NUMBER_WORDS.iter().find(|x| x.0 == w) {
                if *n > 0 {
                    return *n;
                }
            }
        }
    }
    1
}

/// Merges mentions of the same happening: same source and target countries (in either
/// order for meetings and talks), same CAMEO root, compatible dates.
pub fn merge(
    events: Vec<EventRec>,
    country_of: &dyn Fn(Option<usize>) -> Option<String>,
) -> Vec<EventRec> {
    let mut out: Vec<EventRec> = Vec::new();
    for e in events {
        let (sc, tc) = (country_of(e.source), country_of(e.target));
        let root = &e.code[..e.code.len().min(3)];
        // mutual kinds: consultations, calls, meetings, negotiations, agreements signed (a
        // visit, its hosting, mediation and praise have a direction)
        let symmetric = matches!(root, "040" | "041" | "044" | "046" | "057");
        let same = out.iter_mut().find(|o| {
            let (os, ot) = (country_of(o.source), country_of(o.target));
            let parties = (os == sc && ot == tc) || (symmetric && os == tc && ot == sc);
            parties
                && o.code.starts_with(root)
                && o.status == e.status
                && dates_compatible(
                    o.date.as_deref(),
                    e.date.as_deref(),
                    o.date_source,
                    e.date_source,
                )
        });
        match same {
            Some(o) => {
                o.mentions.extend(e.mentions);
                if o.date_source == "published" && e.date_source != "published" {
                    o.date = e.date;
                    o.date_source = e.date_source;
                }
                if e.code.len() > o.code.len() {
                    o.code = e.code;
                }
            }
            None => out.push(e),
        }
    }
    out
}

fn dates_compatible(a: Option<&str>, b: Option<&str>, sa: &str, sb: &str) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.starts_with(b)
                || b.starts_with(a)
                || sa == "published"
                || sb == "published"
                || sa == "paragraph"
                || sb == "paragraph"
        }
        _ => true,
    }
}
