//! A small, allocation-light tokenizer shared by the quantity and time stages.
//!
//! Tokens are words, numbers (digits with `,` thousands groups and `.` decimals) and single
//! symbol characters, each with byte offsets into the original text. A lowercase copy of the
//! text (ASCII only, so byte offsets are preserved) lets rules compare words cheaply.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (ASCII or any non-ASCII alphabetic character).
    Word,
    /// Digits, with inner `,ddd` groups and `.d` decimals.
    Num,
    /// Any other single non-space character.
    Sym,
}

/// One token: byte offsets `[start, end)` into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

/// A tokenized text plus its lowercase copy.
pub struct Lexed<'a> {
    pub text: &'a str,
    pub lower: String,
    pub toks: Vec<Tok>,
}

impl<'a> Lexed<'a> {
    pub fn new(text: &'a str) -> Self {
        let lower = text.to_ascii_lowercase();
        let toks = tokenize(text);
        Lexed { text, lower, toks }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Lowercase text of token `i` ("" when out of range).
    #[inline]
    pub fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.lower[t.start..t.end],
            None => "",
        }
    }

    /// Original text of token `i` ("" when out of range).
    #[inline]
    pub fn raw(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.start..t.end],
            None => "",
        }
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
    }

    #[inline]
    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Num)
    }

    /// Token `i` is the given lowercase word or symbol.
    #[inline]
    pub fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == s
    }

    /// Tokens `i` and `i+1` touch (no whitespace between).
    #[inline]
    pub fn joined(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// The gap before token `i+1` (after token `i`) is an ordinary gap inside a sentence:
    /// no blank line. Numbers wrapped over a hard line break still join.
    #[inline]
    pub fn near(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => {
                let gap = &self.text.as_bytes()[a.end..b.start];
                gap.iter().filter(|&&c| c == b'\n').count() < 2
            }
            _ => false,
        }
    }

    /// Token `i` starts with an uppercase letter.
    #[inline]
    pub fn capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// Byte offset where token `i` starts (text length when out of range).
    #[inline]
    pub fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.start)
    }

    /// Byte offset where token `i` ends.
    #[inline]
    pub fn end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.end)
    }

    /// Index of the first token starting at or after byte `b`.
    pub fn index_at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.start < b)
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut toks = Vec::with_capacity(n / 5 + 4);
    let mut i = 0;
    while i < n {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let s = i;
            i += 1;
            loop {
                while i < n && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                if i + 1 < n && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                // A thousands group: exactly three digits, then no further digit.
                if i + 3 < n
                    && bytes[i] == b','
                    && bytes[i + 1].is_ascii_digit()
                    && bytes[i + 2].is_ascii_digit()
                    && bytes[i + 3].is_ascii_digit()
                    && (i + 4 >= n || !bytes[i + 4].is_ascii_digit())
                {
                    i += 4;
                    continue;
                }
                break;
            }
            toks.push(Tok {
                start: s,
                end: i,
                kind: TokKind::Num,
            });
            continue;
        }
        if c.is_ascii_alphabetic() {
            let s = i;
            while i < n {
                let b = bytes[i];
                if b.is_ascii_alphabetic() {
                    i += 1;
                } else if b >= 0x80 {
                    let ch = text[i..].chars().next().unwrap_or(' ');
                    if ch.is_alphabetic() {
                        i += ch.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            toks.push(Tok {
                start: s,
                end: i,
                kind: TokKind::Word,
            });
            continue;
        }
        if c < 0x80 {
            toks.push(Tok {
                start: i,
                end: i + 1,
                kind: TokKind::Sym,
            });
            i += 1;
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        let l = ch.len_utf8();
        if ch.is_whitespace() {
            i += l;
        } else if ch.is_alphabetic() {
            let s = i;
            while i < n {
                let b = bytes[i];
                if b.is_ascii_alphabetic() {
                    i += 1;
                } else if b >= 0x80 {
                    let ch = text[i..].chars().next().unwrap_or(' ');
                    if ch.is_alphabetic() {
                        i += ch.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            toks.push(Tok {
                start: s,
                end: i,
                kind: TokKind::Word,
            });
        } else {
            toks.push(Tok {
                start: i,
                end: i + l,
                kind: TokKind::Sym,
            });
            i += l;
        }
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_words_and_symbols() {
        let l = Lexed::new("US$4.7 billion, 120,000 and 1,23 5.");
        let w: Vec<&str> = (0..l.len()).map(|i| l.raw(i)).collect();
        assert_eq!(
            w,
            vec!["US", "$", "4.7", "billion", ",", "120,000", "and", "1", ",", "23", "5", "."]
        );
    }
}
