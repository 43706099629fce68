//! Wire types of the coded-document contract (`shared/spec/output.md`).
//!
//! Every field name here is part of the contract read by the scorer and by users' tools:
//! fields may be added, none renamed. Spans are `[start, end)` in Unicode code points into
//! [`Document::text`]. The pipeline works in byte offsets and converts at the boundary
//! (see [`CharIndex`]).

use serde::{Deserialize, Serialize};

/// One input document, as read from a `.jsonl` line or built from a file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct InputDocument {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// How the publication date was obtained.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum PublishedBasis {
    Metadata,
    Dateline,
    Given,
    Inferred,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Place {
    pub place: Option<String>,
    pub country: Option<String>,
}

/// A coded document: the unit of output.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Document {
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub published_basis: Option<PublishedBasis>,
    pub dateline: Option<Place>,
    pub language: Option<String>,
    pub text: String,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    pub facts: Vec<Fact>,
    pub times: Vec<Timex>,
    pub quantities: Vec<Quantity>,
    #[serde(default)]
    pub warnings: Vec<String>,
}

impl Document {
    /// A document with no content, used when an input could not be read; `warnings` says why.
    pub fn empty(id: String, warning: String) -> Self {
        Document {
            id,
            title: None,
            url: None,
            source: None,
            published: None,
            published_basis: None,
            dateline: None,
            language: None,
            text: String::new(),
            actors: vec![],
            events: vec![],
            facts: vec![],
            times: vec![],
            quantities: vec![],
            warnings: vec![warning],
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    Country,
    Group,
    Place,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Actor {
    pub name: String,
    pub country: Option<String>,
    pub code: Option<String>,
    pub kind: ActorKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub mentions: Vec<[usize; 2]>,
    /// Which table entry or rule resolved this actor (provenance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// An event participant as written inside an event.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Party {
    pub name: String,
    pub country: Option<String>,
    pub code: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    Occurred,
    Planned,
    Negated,
    Hypothetical,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Mention {
    pub sentence: usize,
    pub span: [usize; 2],
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Event {
    pub source: Option<Party>,
    pub target: Option<Party>,
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover_mode: Option<String>,
    pub date: Option<String>,
    /// Where `date` came from: `clause`, `sentence`, `context`, `published`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_source: Option<String>,
    pub status: EventStatus,
    pub count: u32,
    pub location: Option<Location>,
    pub mentions: Vec<Mention>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Change {
    pub from: f64,
    pub to: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Fact {
    pub indicator: String,
    pub subject: Option<String>,
    pub partner: Option<String>,
    pub period: Option<String>,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
    pub change: Option<Change>,
    pub rank: Option<u32>,
    pub items: Option<Vec<String>>,
    pub mentions: Vec<Mention>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Consistency checks that involve this fact (see the facts stage).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
}

/// A consistency check between facts: parts against totals, sharp changes, conflicts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Check {
    /// `sum`, `change`, `conflict`.
    pub kind: String,
    /// `consistent`, `inconsistent`, `flagged`.
    pub status: String,
    pub message: String,
    /// Indexes into the document's `facts` (or fact ids across documents).
    pub facts: Vec<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Timex {
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#mod: Option<String>,
    pub span: [usize; 2],
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Quantity {
    pub text: String,
    /// `money`, `percent`, `count`, `ordinal`, `measure`.
    pub kind: String,
    /// The number in base units; for a range, its lower end (the range is in `range`).
    pub value: f64,
    /// ISO 4217 code for money, `percent` for percentages, else a unit word or null.
    pub unit: Option<String>,
    /// `exact`, `approx`, `more_than`, `less_than`, `at_least`, `at_most`.
    pub qualifier: Option<String>,
    /// `[low, high]` for ranges such as "from 10 to 42".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<[f64; 2]>,
    pub span: [usize; 2],
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// Converts byte offsets of a string into code-point offsets, in O(1) per lookup.
///
/// The pipeline works on byte offsets (what Rust string slicing uses); the contract speaks
/// code points (what Python slicing uses). Build one index per document and convert at output.
pub struct CharIndex {
    /// `byte_to_char[b]` for every byte offset `b` on a char boundary (others hold the count
    /// of the char that contains them).
    byte_to_char: Vec<u32>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut byte_to_char = vec![0u32; text.len() + 1];
        let mut count = 0u32;
        let mut last = 0usize;
        for (b, _) in text.char_indices() {
            for slot in byte_to_char.iter_mut().take(b + 1).skip(last) {
                *slot = count;
            }
            count += 1;
            last = b + 1;
            // byte b itself maps to the char starting there (count - 1)
            byte_to_char[b] = count - 1;
        }
        for slot in byte_to_char.iter_mut().skip(last) {
            *slot = count;
        }
        CharIndex { byte_to_char }
    }

    /// Code-point offset of a byte offset (clamped to the text).
    pub fn char_of(&self, byte: usize) -> usize {
        let i = byte.min(self.byte_to_char.len() - 1);
        self.byte_to_char[i] as usize
    }

    pub fn span(&self, start: usize, end: usize) -> [usize; 2] {
        [self.char_of(start), self.char_of(end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_matches_python_slicing() {
        let text = "Copyright ⓒ Aju — ₩5";
        let idx = CharIndex::new(text);
        for (ci, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of(b), ci, "byte {b}");
        }
        assert_eq!(idx.char_of(text.len()), text.chars().count());
    }

    #[test]
    fn document_serializes_contract_field_names() {
        let doc = Document::empty("x".into(), "why".into());
        let v = serde_json::to_value(&doc).unwrap();
        for key in [
            "id",
            "title",
            "url",
            "source",
            "published",
            "published_basis",
            "dateline",
            "language",
            "text",
            "actors",
            "events",
            "facts",
            "times",
            "quantities",
            "warnings",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
    }
}
