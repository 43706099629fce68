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

/// Word classes (bit flags) computed once per token so both stages can skip most words
/// with one lookup.
pub mod cls {
    /// A number word or ordinal ("five", "million", "fifth", "dozen").
    pub const NUM: u8 = 1;
    /// A word that can start a time expression on its own ("July", "Monday", "yesterday").
    pub const TIME: u8 = 2;
    /// A frequent word that starts a time expression only before a number or time word
    /// ("the", "last", "this", "a").
    pub const GATED: u8 = 4;
    /// A time unit or part of day ("year", "week", "morning").
    pub const TUNIT: u8 = 8;
    /// A word that can start a quantity besides numbers ("minus", "percent", "a").
    pub const QSTART: u8 = 16;
    /// The first word of a holiday name ("Christmas", "Easter", "new").
    pub const HOLI: u8 = 32;
}

/// Every word [`classify_slow`] knows.
const WORDS: &[&str] = &[
    "christmas",
    "xmas",
    "boxing",
    "valentine",
    "valentines",
    "halloween",
    "thanksgiving",
    "black",
    "martin",
    "mlk",
    "civil",
    "memorial",
    "labor",
    "labour",
    "veterans",
    "mother",
    "mothers",
    "father",
    "fathers",
    "st",
    "saint",
    "easter",
    "good",
    "maundy",
    "holy",
    "palm",
    "ash",
    "shrove",
    "pancake",
    "pentecost",
    "whit",
    "white",
    "ascension",
    "new",
    "min",
    "mins",
    "sec",
    "secs",
    "hr",
    "hrs",
    "mth",
    "mths",
    "wk",
    "wks",
    "mos",
    "fortnights",
    "millennia",
    "w",
    "rest",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "noughties",
    "zero",
    "naught",
    "nought",
    "nil",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fourty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "mln",
    "mn",
    "bln",
    "bn",
    "tln",
    "trn",
    "lakh",
    "lakhs",
    "crore",
    "crores",
    "dozen",
    "dozens",
    "first",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "nineth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "millionth",
    "billionth",
    "trillionth",
    "single",
    "pair",
    "second",
    "half",
    "quarter",
    "few",
    "several",
    "couple",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "febr",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "weds",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
    "yesterday",
    "today",
    "tomorrow",
    "tmrw",
    "tomorrows",
    "tonight",
    "now",
    "currently",
    "nowadays",
    "recently",
    "lately",
    "early",
    "mid",
    "middle",
    "late",
    "end",
    "start",
    "beginning",
    "close",
    "earlier",
    "later",
    "fiscal",
    "fy",
    "q",
    "h",
    "final",
    "many",
    "numerous",
    "daily",
    "nightly",
    "weekly",
    "biweekly",
    "fortnightly",
    "monthly",
    "quarterly",
    "annually",
    "yearly",
    "annual",
    "hourly",
    "biannual",
    "biannually",
    "semiannual",
    "every",
    "once",
    "twice",
    "noon",
    "midday",
    "midnight",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "the",
    "last",
    "past",
    "previous",
    "preceding",
    "this",
    "current",
    "next",
    "coming",
    "following",
    "upcoming",
    "at",
    "some",
    "each",
    "times",
    "a",
    "an",
    "per",
    "present",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "decade",
    "decades",
    "century",
    "centuries",
    "quarters",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
    "hour",
    "hours",
    "minute",
    "minutes",
    "seconds",
    "fortnight",
    "yr",
    "yrs",
    "qtr",
    "millennium",
    "minus",
    "negative",
    "percent",
    "percents",
];

/// Known words bucketed by first letter and length: a lookup compares a handful of
/// candidates (most words find an empty bucket). `index[bucket]` is `(start, count)` into `words`.
struct Buckets {
    index: Vec<(u16, u16)>,
    words: Vec<(&'static [u8], u8)>,
}

static BUCKETS: std::sync::LazyLock<Buckets> = std::sync::LazyLock::new(|| {
    let mut lists: Vec<Vec<(&'static [u8], u8)>> = vec![Vec::new(); 26 * 13];
    for w in WORDS {
        let c = classify_slow(w);
        let b = w.as_bytes();
        if c != 0
            && b.len() <= 12
            && b[0].is_ascii_lowercase()
            && !lists[bucket(b)].iter().any(|(x, _)| *x == b)
        {
            lists[bucket(b)].push((b, c));
        }
    }
    let mut index = Vec::with_capacity(lists.len());
    let mut words = Vec::new();
    for l in lists {
        index.push((words.len() as u16, l.len() as u16));
        words.extend(l);
    }
    Buckets { index, words }
});

#[inline]
fn bucket(b: &[u8]) -> usize {
    (b[0] - b'a') as usize * 13 + b.len()
}

/// The class flags of a lowercase word.
pub fn classify(w: &str) -> u8 {
    classify_bytes(&BUCKETS, w.as_bytes())
}

#[inline]
fn classify_bytes(t: &Buckets, b: &[u8]) -> u8 {
    if b.is_empty() || b.len() > 12 || !b[0].is_ascii_lowercase() {
        return 0;
    }
    let (start, count) = t.index[bucket(b)];
    if count == 0 {
        return 0;
    }
    let last = b[b.len() - 1];
    // Same length within a bucket: check the last byte, then a byte loop (short words).
    for (x, c) in &t.words[start as usize..(start + count) as usize] {
        if x[x.len() - 1] == last && x.iter().zip(b).all(|(p, q)| p == q) {
            return *c;
        }
    }
    0
}

fn classify_slow(w: &str) -> u8 {
    use cls::*;
    match w {
        "zero" | "naught" | "nought" | "nil" | "one" | "two" | "three" | "four" | "five"
        | "six" | "seven" | "eight" | "nine" | "ten" | "eleven" | "twelve" | "thirteen"
        | "fourteen" | "fifteen" | "sixteen" | "seventeen" | "eighteen" | "nineteen" | "twenty"
        | "thirty" | "forty" | "fourty" | "fifty" | "sixty" | "seventy" | "eighty" | "ninety"
        | "hundred" | "hundreds" | "thousand" | "thousands" | "million" | "millions"
        | "billion" | "billions" | "trillion" | "trillions" | "mln" | "mn" | "bln" | "bn"
        | "tln" | "trn" | "lakh" | "lakhs" | "crore" | "crores" | "dozen" | "dozens" | "first"
        | "third" | "fourth" | "fifth" | "sixth" | "seventh" | "eighth" | "ninth" | "nineth"
        | "tenth" | "eleventh" | "twelfth" | "thirteenth" | "fourteenth" | "fifteenth"
        | "sixteenth" | "seventeenth" | "eighteenth" | "nineteenth" | "twentieth" | "thirtieth"
        | "fortieth" | "fiftieth" | "sixtieth" | "seventieth" | "eightieth" | "ninetieth"
        | "hundredth" | "thousandth" | "millionth" | "billionth" | "trillionth" | "single"
        | "pair" => NUM,
        "second" => NUM | TUNIT,
        "half" | "quarter" => NUM | TIME | TUNIT | QSTART,
        "few" | "several" | "couple" => NUM | TIME | TUNIT,
        "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august"
        | "september" | "october" | "november" | "december" | "jan" | "feb" | "febr" | "mar"
        | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec" | "monday"
        | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "mon"
        | "tue" | "tues" | "wed" | "weds" | "thu" | "thur" | "thurs" | "fri" | "sat" | "sun"
        | "mondays" | "tuesdays" | "wednesdays" | "thursdays" | "fridays" | "saturdays"
        | "sundays" | "yesterday" | "today" | "tomorrow" | "tmrw" | "tomorrows" | "tonight"
        | "now" | "currently" | "nowadays" | "recently" | "lately" | "early" | "mid" | "middle"
        | "late" | "end" | "start" | "beginning" | "close" | "earlier" | "later" | "fiscal"
        | "fy" | "q" | "h" | "final" | "many" | "numerous" | "daily" | "nightly" | "weekly"
        | "biweekly" | "fortnightly" | "monthly" | "quarterly" | "annually" | "yearly"
        | "annual" | "hourly" | "biannual" | "biannually" | "semiannual" | "every" | "once"
        | "twice" | "noon" | "midday" | "midnight" | "spring" | "summer" | "autumn" | "fall"
        | "winter" | "twenties" | "thirties" | "forties" | "fifties" | "sixties" | "seventies"
        | "eighties" | "nineties" | "noughties" | "rest" | "w" => TIME,
        "christmas" | "xmas" | "boxing" | "valentine" | "valentines" | "halloween"
        | "thanksgiving" | "black" | "martin" | "mlk" | "civil" | "memorial" | "labor"
        | "labour" | "veterans" | "mother" | "mothers" | "father" | "fathers" | "st" | "saint"
        | "easter" | "good" | "maundy" | "holy" | "palm" | "ash" | "shrove" | "pancake"
        | "pentecost" | "whit" | "white" | "ascension" | "new" => HOLI,
        "the" | "last" | "past" | "previous" | "preceding" | "this" | "current" | "next"
        | "coming" | "following" | "upcoming" | "at" | "some" | "each" | "times" => GATED,
        "a" | "an" => GATED | QSTART,
        "per" => GATED | QSTART,
        "present" => GATED | TUNIT,
        "year" | "years" | "month" | "months" | "week" | "weeks" | "day" | "days" | "decade"
        | "decades" | "century" | "centuries" | "quarters" | "weekend" | "morning"
        | "afternoon" | "evening" | "night" | "hour" | "hours" | "minute" | "minutes"
        | "seconds" | "fortnight" | "yr" | "yrs" | "qtr" | "millennium" | "min" | "mins"
        | "sec" | "secs" | "hr" | "hrs" | "mth" | "mths" | "wk" | "wks" | "mos" | "fortnights"
        | "millennia" => TUNIT,
        "minus" | "negative" | "percent" | "percents" => QSTART,
        _ => 0,
    }
}

/// A tokenized text plus its lowercase copy.
pub struct Lexed<'a> {
    pub text: &'a str,
    pub lower: String,
    pub toks: Vec<Tok>,
    /// [`classify`] flags of each token (0 for numbers and symbols).
    pub cls: Vec<u8>,
}

impl<'a> Lexed<'a> {
    pub fn new(text: &'a str) -> Self {
        let lower = text.to_ascii_lowercase();
        let toks = tokenize(text);
        // One table borrow and byte slices: no char-boundary checks per word.
        let table = &*BUCKETS;
        let lb = lower.as_bytes();
        let cls = toks
            .iter()
            .map(|t| {
                if t.kind == TokKind::Word {
                    classify_bytes(table, &lb[t.start..t.end])
                } else {
                    0
                }
            })
            .collect();
        Lexed {
            text,
            lower,
            toks,
            cls,
        }
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

    /// Class flags of token `i` (0 when out of range).
    #[inline]
    pub fn class(&self, i: usize) -> u8 {
        self.cls.get(i).copied().unwrap_or(0)
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

/// Byte classes for the tokenizer: one table lookup per byte.
const B_OTHER: u8 = 0;
const B_SPACE: u8 = 1;
const B_DIGIT: u8 = 2;
const B_ALPHA: u8 = 3;
const B_HIGH: u8 = 4;

static BYTE_CLASS: [u8; 256] = {
    let mut t = [B_OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c >= 0x80 {
            B_HIGH
        } else if c.is_ascii_whitespace() {
            B_SPACE
        } else if c.is_ascii_digit() {
            B_DIGIT
        } else if c.is_ascii_alphabetic() {
            B_ALPHA
        } else {
            B_OTHER
        };
        i += 1;
    }
    t
};

/// The end of a run of letters (ASCII or non-ASCII alphabetic) starting at byte `i`.
#[inline(always)]
fn word_end(text: &str, bytes: &[u8], mut i: usize) -> usize {
    loop {
        match bytes.get(i) {
            Some(&b) if BYTE_CLASS[b as usize] == B_ALPHA => i += 1,
            Some(&b) if b >= 0x80 => {
                let ch = text[i..].chars().next().unwrap_or(' ');
                if ch.is_alphabetic() {
                    i += ch.len_utf8();
                } else {
                    return i;
                }
            }
            _ => return i,
        }
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
        match BYTE_CLASS[c as usize] {
            B_SPACE => i += 1,
            B_ALPHA => {
                let s = i;
                i = word_end(text, bytes, i + 1);
                toks.push(Tok {
                    start: s,
                    end: i,
                    kind: TokKind::Word,
                });
            }
            B_DIGIT => {
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
            }
            B_OTHER => {
                toks.push(Tok {
                    start: i,
                    end: i + 1,
                    kind: TokKind::Sym,
                });
                i += 1;
            }
            _ => {
                let ch = text[i..].chars().next().unwrap_or(' ');
                let l = ch.len_utf8();
                if ch.is_whitespace() {
                    i += l;
                } else if ch.is_alphabetic() {
                    let s = i;
                    i = word_end(text, bytes, i);
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
        }
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_letters_spaces_and_signs() {
        let l = Lexed::new("naïve Ünïcode—café\u{a0}x\t1,234.5€ 3\u{2009}km");
        let w: Vec<&str> = (0..l.len()).map(|i| l.raw(i)).collect();
        assert_eq!(
            w,
            vec![
                "naïve",
                "Ünïcode",
                "—",
                "café",
                "x",
                "1,234.5",
                "€",
                "3",
                "km"
            ]
        );
        assert_eq!(l.kind(5), Some(TokKind::Num));
        assert_eq!(l.kind(6), Some(TokKind::Sym));
        assert!(l.joined(5) && !l.joined(7));
    }

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
