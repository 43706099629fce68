//! Gazetteer matching: every name in the tables (countries, their adjectives, places,
//! organizations, office holders) and every title or organization noun, found
//! leftmost-longest at word boundaries.
//!
//! Names match case-sensitively (a country called "Chad" is not the word "chad"); titles and
//! organization nouns match case-insensitively ("President", "president").

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use attache_dict::{patterns::noun_forms, Dictionaries};
use attache_text::Span;

/// What a matched name refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A country name or alias: the country code.
    Country(String),
    /// A demonym or adjective of a country ("Kazakh", "South Korean").
    Adjective(String),
    /// A place (index into `Dictionaries::places`); capitals of countries too.
    Place(usize),
    /// An organization (index into `Dictionaries::organizations`).
    Organization(usize),
    /// An office holder (index into `Dictionaries::leaders`).
    Leader(usize),
    /// A title or organization noun (index into `Dictionaries::roles`); `plural` if matched
    /// in a generated plural form.
    Role { index: usize, plural: bool },
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub span: Span,
    pub entries: Vec<Entry>,
}

/// Countries whose leaders' names put the family name first ("Moon Jae-in", "Xi Jinping").
const FAMILY_NAME_FIRST: &[&str] = &["KOR", "PRK", "CHN", "TWN", "HKG", "MAC", "KHM"];

pub struct Gazetteer {
    /// Surname of an office holder → the full names of the holders who have it ("Tokayev"
    /// → "Kassym-Jomart Tokayev"); news names leaders by surname alone. Several holders may
    /// share one: the resolver picks the one in office at the document's date.
    pub leader_surnames: HashMap<String, Vec<String>>,
    /// The same index before common words and given names are taken out: after a title
    /// ("President Bush", "King Hassan") a surname is a surname.
    pub titled_surnames: HashMap<String, Vec<String>>,
    names: AhoCorasick,
    name_entries: Vec<Vec<Entry>>,
    roles: AhoCorasick,
    role_entries: Vec<Vec<Entry>>,
}

fn is_word_byte_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    !(before.is_some_and(|c| c.is_alphanumeric()) && after.is_some_and(|c| c.is_alphanumeric()))
}

impl Gazetteer {
    pub fn new(d: &Dictionaries) -> Gazetteer {
        let mut names: HashMap<String, Vec<Entry>> = HashMap::new();
        let mut add = |k: &str, e: Entry| {
            let k = k.trim();
            if k.chars().count() < 2 {
                return;
            }
            let v = names.entry(k.to_string()).or_default();
            if !v.contains(&e) {
                v.push(e);
            }
        };
        for c in &d.countries {
            add(&c.name, Entry::Country(c.code.clone()));
            for a in &c.aliases {
                add(a, Entry::Country(c.code.clone()));
            }
            for a in &c.adjectives {
                add(a, Entry::Adjective(c.code.clone()));
            }
        }
        for (i, p) in d.places.iter().enumerate() {
            add(&p.name, Entry::Place(i));
            for a in &p.aliases {
                add(a, Entry::Place(i));
            }
        }
        for (i, o) in d.organizations.iter().enumerate() {
            add(&o.name, Entry::Organization(i));
            for a in &o.aliases {
                add(a, Entry::Organization(i));
            }
        }
        for (i, l) in d.leaders.iter().enumerate() {
            add(&l.name, Entry::Leader(i));
            for a in &l.aliases {
                add(a, Entry::Leader(i));
            }
        }
        let mut keys: Vec<String> = names.keys().cloned().collect();
        keys.sort();
        let name_entries: Vec<Vec<Entry>> = keys.iter().map(|k| names[k].clone()).collect();
        let names_ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .expect("gazetteer automaton builds");

        let mut roles: HashMap<String, Vec<Entry>> = HashMap::new();
        for (i, r) in d.roles.iter().enumerate() {
            let forms = if r.phrase.chars().any(|c| c.is_uppercase()) {
                vec![r.phrase.clone(), format!("{}s", r.phrase)]
            } else {
                let mut words: Vec<&str> = r.phrase.split(' ').collect();
                let last = words.pop().unwrap_or("");
                noun_forms(last)
                    .into_iter()
                    .map(|f| {
                        if words.is_empty() {
                            f
                        } else {
                            format!("{} {}", words.join(" "), f)
                        }
                    })
                    .collect()
            };
            for (k, f) in forms.into_iter().enumerate() {
                let v = roles.entry(f.to_lowercase()).or_default();
                let e = Entry::Role {
                    index: i,
                    plural: k > 0,
                };
                if !v
                    .iter()
                    .any(|x| matches!(x, Entry::Role { index, .. } if *index == i))
                {
                    v.push(e);
                }
            }
        }
        let mut rkeys: Vec<String> = roles.keys().cloned().collect();
        rkeys.sort();
        let role_entries = rkeys.iter().map(|k| roles[k].clone()).collect();
        let roles_ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(&rkeys)
            .expect("role automaton builds");
        let mut surnames: HashMap<String, Vec<String>> = HashMap::new();
        // family names of leaders who put them first ("Kim" of Kim Jong-un): a given name
        // elsewhere ("Kim Campbell") does not make them given names
        let mut family_names: std::collections::HashSet<String> = Default::default();
        for l in &d.leaders {
            for written in std::iter::once(&l.name).chain(l.aliases.iter()) {
                let words: Vec<&str> = written.split_whitespace().collect();
                if words.len() < 2 {
                    continue;
                }
                // "Moon Jae-in", "Wang Yi": the family name comes first
                let family_first = FAMILY_NAME_FIRST.contains(&l.country.as_str());
                let last = if family_first {
                    words[0]
                } else {
                    words[words.len() - 1]
                };
                // "Bashar al-Assad" is "Assad" in news
                let last = last
                    .strip_prefix("al-")
                    .or_else(|| last.strip_prefix("el-"))
                    .or_else(|| last.strip_prefix("Al-"))
                    .unwrap_or(last);
                let min_len = if family_first { 3 } else { 4 };
                if last.chars().count() < min_len
                    || !last.chars().next().is_some_and(char::is_uppercase)
                {
                    continue;
                }
                if family_first {
                    family_names.insert(last.to_string());
                }
                let holders = surnames.entry(last.to_string()).or_default();
                if !holders.contains(&l.name) {
                    holders.push(l.name.clone());
                }
            }
        }
        let titled_surnames = surnames.clone();
        // a surname that is also a country, place or organization name, or a capitalized
        // word of the calendar or of common English, is no surname hit
        const COMMON_WORDS: &[&str] = &[
            "Will", "Rice", "Price", "Young", "King", "Little", "Brown", "Green", "White", "Black",
            "Long", "Love", "Hope", "Grace", "Strong", "Mark", "Bush", "Hill", "Rose", "Ward",
            "Power", "Rich", "Wise", "Just", "Best", "Small", "Major", "Field", "Lord", "Faith",
            "Page", "West", "North", "South", "East",
        ];
        // a word that opens some office holder's name is a given name ("Osman Saleh
        // Mohammed" must not make every "Mohammed" Eritrea's foreign minister)
        let given_names: std::collections::HashSet<&str> = d
            .leaders
            .iter()
            .filter(|l| !FAMILY_NAME_FIRST.contains(&l.country.as_str()))
            .flat_map(|l| std::iter::once(&l.name).chain(l.aliases.iter()))
            .filter_map(|w| w.split_whitespace().next())
            .collect();
        surnames.retain(|k, _| {
            !COMMON_WORDS.contains(&k.as_str())
                && !crate::lexicon::is_calendar_word(k)
                && (!given_names.contains(k.as_str()) || family_names.contains(k))
        });
        let leader_surnames = surnames
            .into_iter()
            .filter(|(k, _)| {
                names
                    .get(k)
                    .is_none_or(|es| es.iter().all(|e| matches!(e, Entry::Leader(_))))
            })
            .collect();
        Gazetteer {
            leader_surnames,
            titled_surnames,
            names: names_ac,
            name_entries,
            roles: roles_ac,
            role_entries,
        }
    }

    /// Name hits in `text[range]`, leftmost-longest, at word boundaries.
    pub fn names(&self, text: &str, range: Span) -> Vec<Hit> {
        self.find(&self.names, &self.name_entries, text, range)
    }

    /// Title and organization-noun hits in `text[range]`.
    pub fn roles(&self, text: &str, range: Span) -> Vec<Hit> {
        self.find(&self.roles, &self.role_entries, text, range)
    }

    fn find(&self, ac: &AhoCorasick, entries: &[Vec<Entry>], text: &str, range: Span) -> Vec<Hit> {
        // a name hard-wrapped across lines ("the United\nStates") is still the name; '\n'
        // and ' ' are one byte each, so offsets stay the same
        let raw = &text[range.start..range.end];
        let owned;
        let hay = if raw.contains('\n') {
            owned = raw.replace('\n', " ");
            owned.as_str()
        } else {
            raw
        };
        let mut cands: Vec<(usize, usize, usize)> = ac
            .find_overlapping_iter(hay)
            .filter(|m| {
                is_word_byte_boundary(text, range.start + m.start())
                    && is_word_byte_boundary(text, range.start + m.end())
            })
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        // leftmost, then longest
        cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out = Vec::new();
        let mut pos = 0usize;
        for (s, e, p) in cands {
            if s < pos {
                continue;
            }
            out.push(Hit {
                span: Span::new(range.start + s, range.start + e),
                entries: entries[p].clone(),
            });
            pos = e;
        }
        out
    }
}
