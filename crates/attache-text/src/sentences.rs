//! Sentence and paragraph splitting for news text.
//!
//! Rules, in order: a blank line or a newline followed by an indent ends a paragraph (wire
//! copy hard-wraps lines and indents paragraphs); a newline after sentence-final punctuation
//! ends a paragraph too (web copy puts one paragraph per line); `.`, `!`, `?` (optionally
//! followed by closing quotes or brackets) end a sentence when whitespace and an upper-case
//! letter, digit or opening quote follow, unless the word before is a known abbreviation
//! or an initial.

use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index of the paragraph that holds the sentence, from 0.
    pub paragraph: usize,
}

/// The longest sentence kept whole; longer runs are cut at the next whitespace.
pub const MAX_SENTENCE_BYTES: usize = 4000;

/// Abbreviations after which a period does not end a sentence (lower-cased, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "rev", "st", "sr", "jr", "messrs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs", "v", "etc", "inc", "corp", "co", "ltd",
    "bros", "dept", "fig", "approx", "est", "pres", "min", "mt", "ft", "u.s", "u.n", "u.k", "e.u",
    "h.k", "a.m", "p.m", "i.e", "e.g",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.chars().count() == 1 && w.chars().all(|c| c.is_alphabetic()) {
        return true; // an initial: "John F. Kennedy"
    }
    ABBREVIATIONS.contains(&w.as_str())
}

/// Splits clean text into sentences with paragraph numbers. Whitespace around sentences is
/// not part of their spans. Total: any input gives a result.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut paragraph = 0usize;
    let mut start: Option<usize> = None;
    let mut pending_paragraph_break = false;
    let mut i = 0usize;
    let n = text.len();
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize, p: usize| {
        let seg = &text[s..e];
        let trimmed_end = s + seg.trim_end().len();
        if trimmed_end > s {
            out.push(Sentence {
                span: Span::new(s, trimmed_end),
                paragraph: p,
            });
        }
    };
    while i < n {
        let c = text[i..].chars().next().unwrap_or(' ');
        let clen = c.len_utf8();
        if c == '\n' {
            // Paragraph break: blank line, or an indented next line.
            let rest = &text[i + 1..];
            let next_line_blank = rest.starts_with('\n') || rest.starts_with("\r\n");
            let indented = rest.starts_with("  ") || rest.starts_with('\t');
            let prev = text[..i].trim_end();
            let after_terminator = prev.ends_with(['.', '!', '?', '"', '\u{201d}', ')'])
                && !prev
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| w.ends_with('.') && is_abbreviation(w) && w.len() <= 3);
            if next_line_blank || indented || after_terminator {
                if let Some(s) = start.take() {
                    push(&mut out, s, i, paragraph);
                }
                pending_paragraph_break = true;
            }
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            // Text with no sentence ends (tables, run-on scrapes) is cut into pieces of at most
            // MAX_SENTENCE_BYTES so that later stages stay linear.
            if start.is_some_and(|s| i - s > MAX_SENTENCE_BYTES) {
                if let Some(s) = start.take() {
                    push(&mut out, s, i, paragraph);
                }
            }
            i += clen;
            continue;
        }
        if start.is_none() {
            if pending_paragraph_break && !out.is_empty() {
                paragraph += 1;
            }
            pending_paragraph_break = false;
            start = Some(i);
        }
        if matches!(c, '.' | '!' | '?') {
            // Extend over closing quotes/brackets and repeated terminators.
            let mut j = i + 1;
            while j < n {
                let d = text[j..].chars().next().unwrap_or(' ');
                if matches!(
                    d,
                    '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']' | '.' | '!' | '?'
                ) {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            let followed_by_space = j >= n || text[j..].starts_with(char::is_whitespace);
            if followed_by_space {
                let rest = text[j..].trim_start();
                let next = rest.chars().next();
                let starts_new = match next {
                    None => true,
                    Some(ch) => {
                        ch.is_uppercase()
                            || ch.is_ascii_digit()
                            || matches!(ch, '"' | '\u{201c}' | '\'' | '(' | '\u{2018}')
                    }
                };
                let word_before = text[start.unwrap_or(0)..i]
                    .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
                    .next()
                    .unwrap_or("");
                let abbrev = c == '.' && j == i + 1 && is_abbreviation(word_before);
                // "U.S. Officials": an abbreviation may still end a sentence, but only
                // when the next word is one that starts sentences; keep it simple and
                // treat a following lower-case word as continuation.
                if starts_new && !abbrev {
                    if let Some(s) = start.take() {
                        push(&mut out, s, j, paragraph);
                    }
                    i = j;
                    continue;
                }
            }
            i = j;
            continue;
        }
        i += clen;
    }
    if let Some(s) = start {
        push(&mut out, s, n, paragraph);
    }
    let _ = bytes;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(s: &str) -> Vec<(&str, usize)> {
        split_sentences(s)
            .iter()
            .map(|x| (&s[x.span.start..x.span.end], x.paragraph))
            .collect()
    }

    #[test]
    fn splits_on_terminators_but_not_abbreviations() {
        let s = "Mr. Kim met U.S. envoys in Jan. 2024. They talked. \"We agree,\" he said.";
        assert_eq!(
            sents(s),
            vec![
                ("Mr. Kim met U.S. envoys in Jan. 2024.", 0),
                ("They talked.", 0),
                ("\"We agree,\" he said.", 0)
            ]
        );
    }

    #[test]
    fn wire_copy_hard_wraps_and_indents_paragraphs() {
        let s = "TOKYO, March 2 - Japan and the U.S. Kick off top-level\ntrade talks tomorrow.\n    The talks, held annually, will\npave the way.";
        assert_eq!(
            sents(s),
            vec![
                (
                    "TOKYO, March 2 - Japan and the U.S. Kick off top-level\ntrade talks tomorrow.",
                    0
                ),
                ("The talks, held annually, will\npave the way.", 1)
            ]
        );
    }

    #[test]
    fn one_paragraph_per_line() {
        let s = "\nFirst one. Second one.\nThird one\nCopyright all rights";
        let got = sents(s);
        assert_eq!(got[0], ("First one.", 0));
        assert_eq!(got[1], ("Second one.", 0));
        assert_eq!(got[2].1, 1);
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_pieces() {
        let s = "word ".repeat(10_000);
        let got = split_sentences(&s);
        assert!(got.len() >= 10);
        assert!(got.iter().all(|x| x.span.len() <= MAX_SENTENCE_BYTES + 10));
    }

    #[test]
    fn total_on_odd_input() {
        for s in ["", ".", "\n\n", "?!", "a.\n", "ⓒ. Ω", "\"", "...\n    ..."] {
            let _ = split_sentences(s);
        }
    }
}
