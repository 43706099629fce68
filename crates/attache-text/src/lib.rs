//! Clean text, sentences, paragraphs and word tokens, each with byte spans into the clean text.
//!
//! Architecture invariant: this crate knows no dictionaries and does no IO. Every function is
//! total: any `&str` gives a result, never a panic.

mod sentences;
mod tokens;

pub use sentences::{split_sentences, Sentence, MAX_SENTENCE_BYTES};
pub use tokens::{tokenize, Token, TokenKind};

/// A half-open byte range `[start, end)` into the clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Cleans raw article text: drops a byte-order mark, turns `\r\n` and `\r` into `\n`, and
/// replaces control characters other than newline and tab with spaces (they carry no meaning
/// in news text and break downstream tools). Everything else is kept, so spans stay readable.
pub fn clean(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_normalizes_line_ends_and_controls() {
        assert_eq!(clean("\u{feff}a\r\nb\rc\u{3}d"), "a\nb\nc d");
    }
}
