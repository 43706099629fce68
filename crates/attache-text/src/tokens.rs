//! Word tokens: runs of letters and digits with their internal joiners (`U.S.`, `3.8`,
//! `120,000`, `Jae-myung`, `Korea's` stays one token up to the apostrophe: `Korea` + `'s`).

use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.start..self.span.end]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text[range]` into tokens. Joiners (`.`, `,`, `-`, `'`, `&`) stay inside a token
/// only between two word characters (`,` and `.` only between digits, or `.` in
/// abbreviations such as `U.S.`), so that spans of names and numbers are whole.
pub fn tokenize(text: &str, range: Span) -> Vec<Token> {
    let mut out = Vec::new();
    let s = &text[range.start..range.end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            let end = b + c.len_utf8();
            out.push(Token {
                span: Span::new(range.start + b, range.start + end),
                kind: TokenKind::Punct,
            });
            i += 1;
            continue;
        }
        let start = b;
        let mut j = i;
        let mut all_digits = true;
        loop {
            let (_, cj) = chars[j];
            if !(cj.is_ascii_digit()) {
                all_digits = false;
            }
            // Decide whether the next char continues the token.
            if j + 1 >= chars.len() {
                j += 1;
                break;
            }
            let (_, next) = chars[j + 1];
            if is_word_char(next) {
                j += 1;
                continue;
            }
            let after = chars.get(j + 2).map(|x| x.1);
            let joins = match next {
                '-' | '\u{2011}' | '&' => after.is_some_and(is_word_char),
                '\'' | '\u{2019}' => {
                    // keep "O'Brien", split the possessive "Korea's" and "leaders'"
                    let possessive = matches!(after, Some('s') | Some('S'))
                        && !chars.get(j + 3).is_some_and(|x| x.1.is_alphanumeric());
                    after.is_some_and(|a| a.is_alphabetic()) && !possessive
                }
                ',' => {
                    cj.is_ascii_digit()
                        && all_digits_run(&chars, j + 2, 3)
                        && !chars.get(j + 5).is_some_and(|x| x.1.is_ascii_digit())
                }
                '.' => {
                    (cj.is_ascii_digit() && after.is_some_and(|a| a.is_ascii_digit()))
                        || (cj.is_alphabetic()
                            && is_single_letter_run(&chars, start, j)
                            && after.is_some_and(|a| a.is_alphabetic())
                            && chars.get(j + 3).is_some_and(|x| x.1 == '.'))
                }
                _ => false,
            };
            if joins {
                j += 2;
                continue;
            }
            j += 1;
            break;
        }
        // Abbreviations written with periods (U.S., U.N.): take the final period too.
        let mut end_idx = j;
        if end_idx < chars.len()
            && chars[end_idx].1 == '.'
            && s[start..chars[end_idx].0].contains('.')
            && s[start..chars[end_idx].0]
                .split('.')
                .all(|p| p.chars().count() == 1)
        {
            end_idx += 1;
        }
        let end = chars.get(end_idx).map(|x| x.0).unwrap_or(s.len());
        let kind = if all_digits
            || s[start..end]
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.push(Token {
            span: Span::new(range.start + start, range.start + end),
            kind,
        });
        i = end_idx;
    }
    out
}

fn all_digits_run(chars: &[(usize, char)], from: usize, n: usize) -> bool {
    (from..from + n).all(|k| chars.get(k).is_some_and(|x| x.1.is_ascii_digit()))
}

/// True when chars[start..=j] is one letter optionally preceded by `X.` groups (`U.S`).
fn is_single_letter_run(chars: &[(usize, char)], start_byte: usize, j: usize) -> bool {
    let mut k = j;
    // walk back over "X." pairs
    loop {
        if !chars[k].1.is_alphabetic() {
            return false;
        }
        if k == 0 || chars[k].0 == start_byte {
            return true;
        }
        if chars[k - 1].1 != '.' {
            return false;
        }
        if k < 2 {
            return false;
        }
        k -= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, Span::new(0, s.len()))
            .iter()
            .map(|t| t.text(s))
            .collect()
    }

    #[test]
    fn keeps_names_numbers_and_abbreviations_whole() {
        assert_eq!(
            words("Lee Jae-myung met U.S. envoys on 3.8 and 120,000, Korea's."),
            vec![
                "Lee",
                "Jae-myung",
                "met",
                "U.S.",
                "envoys",
                "on",
                "3.8",
                "and",
                "120,000",
                ",",
                "Korea",
                "'",
                "s",
                "."
            ]
        );
    }

    #[test]
    fn sentence_final_period_is_separate() {
        assert_eq!(words("in 2024."), vec!["in", "2024", "."]);
        assert_eq!(words("C5+K Summit"), vec!["C5", "+", "K", "Summit"]);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "", "'", "a'", "1,", "1,2", "U.", ".U.S", "a-", "—–", "ⓒ 1.", "x.y.z.",
        ] {
            let _ = tokenize(s, Span::new(0, s.len()));
        }
    }
}
