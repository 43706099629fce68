//! The dateline ("SEOUL, July 25 (AJP) -") and the publication date.
//!
//! The publication date comes, in order, from the input's metadata, the `--date` option, a
//! dateline with a year, or a dateline without one whose year is inferred from the text: the
//! years that past-tense clauses mention (the story is later), those that future clauses
//! mention (the story is earlier), and the terms of office of the leaders it names with their
//! titles ("President X" means X is in office; "former President Y" that Y's term is over).

use std::collections::HashMap;

use attache_dict::Dictionaries;
use jiff::civil::Date;

use crate::lexicon::month_number;

#[derive(Debug, Clone, PartialEq)]
pub struct Dateline {
    /// Byte span of the whole dateline, including the dash.
    pub end: usize,
    pub place: Option<String>,
    pub country: Option<String>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub year: Option<i16>,
    pub source: Option<String>,
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut out = String::new();
            let mut new_word = true;
            for c in w.chars() {
                if new_word {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                new_word = c == '-' || c == '\'' || c == '.';
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses a dateline at the start of the text: an upper-case place (optionally ", STATE"),
/// then optionally a month and day (and year), an agency in parentheses, and a dash.
pub fn parse(text: &str, places: &PlaceIndex) -> Option<Dateline> {
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    // The dateline must end in a dash within the first 120 bytes.
    let window_end = rest
        .char_indices()
        .take_while(|(i, _)| *i < 160)
        .last()
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let window = &rest[..window_end];
    let dash = window
        .find(" - ")
        .or_else(|| window.find(" — "))
        .or_else(|| window.find(" – "))
        .or_else(|| window.find(" -- "))?;
    let head = window[..dash].trim();
    let dash_len = window[dash..]
        .chars()
        .take_while(|c| c.is_whitespace() || matches!(c, '-' | '—' | '–'))
        .map(char::len_utf8)
        .sum::<usize>();
    // Agency in parentheses at the end of the head.
    let (head, source) = match (head.rfind('('), head.ends_with(')')) {
        (Some(i), true) => (
            head[..i].trim(),
            Some(head[i + 1..head.len() - 1].trim().to_string()),
        ),
        _ => (head, None),
    };
    let mut parts = head.split(',').map(str::trim);
    let place_raw = parts.next()?;
    let letters: Vec<char> = place_raw.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || place_raw.len() > 40 {
        return None;
    }
    // "CARACAS, Jan 24 (Reuters) -" is upper case; "Caracas, 24 January 2019 —" is a
    // dateline only when its place is one we know
    if letters.iter().any(|c| c.is_lowercase())
        && (places.country(&title_case(place_raw)).is_none()
            || !place_raw.split_whitespace().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase) || w == "de" || w == "al"
            }))
    {
        return None;
    }
    let mut month = None;
    let mut day = None;
    let mut year = None;
    for p in parts {
        let words: Vec<&str> = p.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            let w = w.trim_end_matches('.');
            if let Some(m) = month_number(w) {
                month = Some(m);
                if let Some(dn) = words
                    .get(i + 1)
                    .and_then(|x| x.trim_end_matches(',').parse::<u8>().ok())
                {
                    day = Some(dn);
                }
            } else if let Ok(n) = w.parse::<i16>() {
                if (1000..=2200).contains(&n) {
                    year = Some(n);
                } else if month.is_some() && day.is_none() && (1..=31).contains(&n) {
                    day = Some(n as u8);
                } else if month.is_none() && (1..=31).contains(&n) {
                    // "25 July"
                    day = Some(n as u8);
                }
            }
        }
    }
    let place = title_case(place_raw);
    let country = places.country(&place);
    Some(Dateline {
        end: lead + dash + dash_len,
        place: Some(place),
        country,
        month,
        day,
        year,
        source: source.filter(|s| !s.is_empty() && s.len() <= 30),
    })
}

/// Lower-cased place, capital and country names → country code, built once per engine so
/// that reading a dateline costs one lookup.
pub struct PlaceIndex(HashMap<String, String>);

impl PlaceIndex {
    pub fn new(d: &Dictionaries) -> PlaceIndex {
        let mut m: HashMap<String, String> = HashMap::new();
        // later inserts win: countries, then cities, then capitals
        for c in &d.countries {
            for n in std::iter::once(&c.name).chain(c.aliases.iter()) {
                m.insert(n.to_lowercase(), c.code.clone());
            }
        }
        for p in d.places.iter().filter(|p| p.kind != "capital") {
            if let Some(c) = &p.country {
                for n in std::iter::once(&p.name).chain(p.aliases.iter()) {
                    m.insert(n.to_lowercase(), c.clone());
                }
            }
        }
        for c in &d.countries {
            if let Some(cap) = &c.capital {
                m.insert(cap.to_lowercase(), c.code.clone());
            }
        }
        for p in d.places.iter().filter(|p| p.kind == "capital") {
            if let Some(c) = &p.country {
                for n in std::iter::once(&p.name).chain(p.aliases.iter()) {
                    m.insert(n.to_lowercase(), c.clone());
                }
            }
        }
        PlaceIndex(m)
    }

    /// The country of a place name: a place in the tables, a capital, or a country itself.
    pub fn country(&self, place: &str) -> Option<String> {
        self.0.get(&place.to_lowercase()).cloned()
    }
}

/// Evidence about when a story was written, gathered from its text.
#[derive(Debug, Default, Clone)]
pub struct YearEvidence {
    /// The story is on or after these dates.
    pub not_before: Vec<Date>,
    /// The story is on or before these dates.
    pub not_after: Vec<Date>,
}

/// Picks the year for a month-day dateline: the earliest year that is not before any lower
/// bound; upper bounds only break ties when there are no lower bounds.
pub fn infer_year(month: u8, day: u8, ev: &YearEvidence) -> Option<i16> {
    let lower = ev.not_before.iter().max().copied();
    let upper = ev.not_after.iter().min().copied();
    match (lower, upper) {
        (Some(lo), _) => {
            // February 29 exists only in leap years: look a few years ahead
            (lo.year()..=lo.year() + 4)
                .find(|&y| Date::new(y, month as i8, day as i8).is_ok_and(|cand| cand >= lo))
        }
        (None, Some(hi)) => {
            let cand = Date::new(hi.year(), month as i8, day as i8).ok()?;
            Some(if cand <= hi { hi.year() } else { hi.year() - 1 })
        }
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_is_the_earliest_after_past_events() {
        let ev = YearEvidence {
            not_before: vec![
                Date::new(2024, 6, 30).unwrap(),
                Date::new(2025, 6, 4).unwrap(),
            ],
            not_after: vec![Date::new(2026, 12, 31).unwrap()],
        };
        assert_eq!(infer_year(7, 25, &ev), Some(2025));
        let ev = YearEvidence {
            not_before: vec![Date::new(2025, 8, 1).unwrap()],
            not_after: vec![],
        };
        assert_eq!(infer_year(7, 25, &ev), Some(2026));
        assert_eq!(infer_year(7, 25, &YearEvidence::default()), None);
        let ev = YearEvidence {
            not_before: vec![Date::new(2018, 4, 26).unwrap()],
            not_after: vec![],
        };
        assert_eq!(infer_year(2, 29, &ev), Some(2020));
    }
}
