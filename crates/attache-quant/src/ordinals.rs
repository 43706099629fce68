//! Relative ordinals: positions counted from the end of a list or from the current item
//! ("last", "penultimate", "the second to last", "next", "previous one"). They have no number
//! of their own, so [`crate::numbers`] leaves them out; reference suites resolve them as an
//! offset from `end` or `current`.

use crate::lex::Lexed;
use crate::num::ordinal_word;

/// A relative ordinal: byte span `[start, end)`, what it counts from, and the offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelativeOrdinal {
    pub start: usize,
    pub end: usize,
    /// `"end"` or `"current"`.
    pub relative_to: &'static str,
    pub offset: i64,
}

impl RelativeOrdinal {
    /// The offset written as `end-1`, `current+0`.
    pub fn notation(&self) -> String {
        let sign = if self.offset < 0 { "-" } else { "+" };
        format!("{}{sign}{}", self.relative_to, self.offset.abs())
    }
}

/// Every relative ordinal in `text`, left to right.
pub fn relative_ordinals(text: &str) -> Vec<RelativeOrdinal> {
    let l = Lexed::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < l.len() {
        match read_at(&l, i) {
            Some((first, last, relative_to, offset)) => {
                out.push(RelativeOrdinal {
                    start: l.start(first),
                    end: l.end(last - 1),
                    relative_to,
                    offset,
                });
                i = last;
            }
            None => i += 1,
        }
    }
    out
}

/// A relative ordinal starting at token `i`: (first token, one past the last, base, offset).
fn read_at(l: &Lexed, i: usize) -> Option<(usize, usize, &'static str, i64)> {
    let w = |k: usize| l.w(k);
    let the = w(i) == "the";
    let j = if the { i + 1 } else { i };
    // "the last but one"
    if w(j) == "last" && w(j + 1) == "but" && w(j + 2) == "one" {
        return Some((i, j + 3, "end", -1));
    }
    // "the one before the last (one)"
    if the && w(j) == "one" && w(j + 1) == "before" && w(j + 2) == "the" && w(j + 3) == "last" {
        let e = if w(j + 4) == "one" { j + 5 } else { j + 4 };
        return Some((i, e, "end", -1));
    }
    // "next to last"; "the second to last", "third to last"
    if w(j + 1) == "to" && w(j + 2) == "last" {
        if w(j) == "next" {
            return Some((j, j + 3, "end", -1));
        }
        if let Some(o) = ordinal_word(w(j)).filter(|o| (2.0..=10.0).contains(o)) {
            return Some((i, j + 3, "end", -(o as i64 - 1)));
        }
    }
    if the {
        return None;
    }
    let one_after = |k: usize| if w(k + 1) == "one" { k + 2 } else { k + 1 };
    match w(i) {
        "antepenultimate" => Some((i, i + 1, "end", -2)),
        "penultimate" => Some((i, i + 1, "end", -1)),
        "last" => Some((i, i + 1, "end", 0)),
        "next" => Some((i, one_after(i), "current", 1)),
        "previous" => Some((i, one_after(i), "current", -1)),
        "current" => Some((i, one_after(i), "current", 0)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_and_current_items() {
        let cases = [
            ("Show me the second to last.", "the second to last", "end-1"),
            ("Pick the penultimate one.", "penultimate", "end-1"),
            (
                "It was the one before the last one.",
                "the one before the last one",
                "end-1",
            ),
            ("Turn to the previous one.", "previous one", "current-1"),
            ("We try one last time.", "last", "end+0"),
            ("Open the next page.", "next", "current+1"),
        ];
        for (text, span, note) in cases {
            let got = relative_ordinals(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(&text[got[0].start..got[0].end], span, "{text}");
            assert_eq!(got[0].notation(), note, "{text}");
        }
    }
}
