//! Number recognition: digits, number words, multipliers, decimals, fractions and ordinals.
//!
//! Works on [`Lexed`] tokens and reports the value plus the token range it covers, so the
//! quantity and time stages can build on the same reading of "1.2 million" or "twenty-five".

use crate::lex::{Lexed, TokKind};

/// A number read at some token position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    pub value: f64,
    /// Written with at least one digit.
    pub digits: bool,
    /// Written with words only.
    pub words: bool,
    /// An ordinal ("fifth", "21st").
    pub ordinal: bool,
    /// A plain integer of digits without separators or multiplier ("1995").
    pub bare_int: bool,
    /// Carries a scale word or suffix ("million", "bn", "k").
    pub scaled: bool,
}

pub fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "naught" | "nought" | "nil" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

pub fn tens_word(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" | "fourty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Scale words that may follow a number ("million", "bln", "bn").
pub fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "thousands" => 1e3,
        "million" | "millions" | "mln" | "mn" | "mil" | "mio" => 1e6,
        "billion" | "billions" | "bln" | "bn" | "bil" => 1e9,
        "trillion" | "trillions" | "tln" | "trn" | "tn" => 1e12,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Scale letters glued to digits ("3.8bn", "5m", "20k").
fn glued_scale(w: &str) -> Option<f64> {
    Some(match w {
        "k" => 1e3,
        "m" | "mm" => 1e6,
        "b" => 1e9,
        "t" => 1e12,
        _ => return scale_word(w),
    })
}

pub fn ordinal_word(w: &str) -> Option<f64> {
    Some(match w {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        // "nineth" is a frequent misspelling.
        "ninth" | "nineth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    })
}

/// Denominator words: "half", "third(s)", "quarter(s)", "fifths"...
fn denominator_word(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        "hundredth" | "hundredths" => 100.0,
        "thousandth" | "thousandths" => 1000.0,
        _ => return None,
    })
}

fn is_number_word(w: &str) -> bool {
    unit_word(w).is_some()
        || tens_word(w).is_some()
        || scale_word(w).is_some()
        || w == "hundred"
        || w == "dozen"
}

/// The digits of `s` as an integer and the count of digits after the point ("1,234.5" is
/// (12345, 1)), when there are at most 15 digits (exact in an f64). `Err(())` for a second
/// point, `Ok(None)` for shapes the slow path reads.
fn decimal_parts(s: &str) -> Result<Option<(u64, u32)>, ()> {
    let mut int: u64 = 0;
    let mut digits = 0u32;
    let mut frac: Option<u32> = None;
    for b in s.bytes() {
        match b {
            b'0'..=b'9' => {
                int = int * 10 + u64::from(b - b'0');
                digits += 1;
                if let Some(f) = frac.as_mut() {
                    *f += 1;
                }
                if digits > 15 {
                    return Ok(None);
                }
            }
            b',' if frac.is_none() => {}
            b'.' if frac.is_none() => frac = Some(0),
            b'.' => return Err(()),
            _ => return Ok(None),
        }
    }
    Ok((digits > 0).then_some((int, frac.unwrap_or(0))))
}

const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The decimal `raw` times 10^`exp`, rounded once as parsing "{raw}e{exp}" would: the
/// integer and the power of ten are exact in an f64, so one multiplication or division
/// rounds like the parser.
fn scaled_decimal(raw: &str, exp: i32) -> Option<f64> {
    if let Ok(Some((int, frac))) = decimal_parts(raw) {
        let e = exp - frac as i32;
        if (0..=22).contains(&e) {
            return Some(int as f64 * POW10[e as usize]);
        }
        if (-22..0).contains(&e) {
            return Some(int as f64 / POW10[(-e) as usize]);
        }
    }
    format!("{}e{exp}", raw.replace(',', ""))
        .parse::<f64>()
        .ok()
}

/// Parses the digits of a `Num` token ("1,234.5"); `None` for odd shapes like "1.2.3".
pub fn parse_digits(s: &str) -> Option<f64> {
    // Fast path: up to 15 significant digits fit an f64 exactly, and dividing by an exact
    // power of ten rounds once, as parsing the decimal string does.
    match decimal_parts(s) {
        Err(()) => return None,
        Ok(Some((int, frac))) => return Some(int as f64 / POW10[frac as usize]),
        Ok(None) => {}
    }
    if s.bytes().filter(|&b| b == b'.').count() > 1 {
        return None;
    }
    let mut buf = [0u8; 48];
    let mut n = 0;
    for b in s.bytes() {
        if b == b',' {
            continue;
        }
        if n >= buf.len() {
            return None;
        }
        buf[n] = b;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()?.parse::<f64>().ok()
}

/// Reads a number starting exactly at token `i`.
pub fn read(l: &Lexed, i: usize) -> Option<Num> {
    match l.kind(i)? {
        TokKind::Num => read_digits(l, i),
        // Every word a number can start with is a NUM-class word or "a"/"an".
        TokKind::Word
            if l.class(i) & crate::lex::cls::NUM == 0 && !matches!(l.w(i), "a" | "an") =>
        {
            None
        }
        TokKind::Word => read_words(l, i),
        TokKind::Sym => None,
    }
}

fn ordinal_suffix(w: &str) -> bool {
    matches!(w, "st" | "nd" | "rd" | "th")
}

fn read_digits(l: &Lexed, i: usize) -> Option<Num> {
    let raw = l.raw(i);
    let mut v = parse_digits(raw)?;
    let has_sep = raw.contains(',') || raw.contains('.');
    let mut j = i + 1;
    let mut n = Num {
        first: i,
        last: j,
        value: v,
        digits: true,
        words: false,
        ordinal: false,
        bare_int: !has_sep,
        scaled: false,
    };
    // "21st", "4th"
    if l.joined(i) && ordinal_suffix(l.w(j)) && !has_sep {
        n.last = j + 1;
        n.ordinal = true;
        n.bare_int = false;
        return Some(n);
    }
    // "1 1/2", "3/4"
    if l.is(j, "/")
        && l.joined(i)
        && l.joined(j)
        && l.is_num(j + 1)
        && !l.is(j + 2, "/")
        && !has_sep
    {
        if let Some(d) = parse_digits(l.raw(j + 1)) {
            if (2.0..=16.0).contains(&d) && v < d && !l.raw(j + 1).contains(',') {
                n.value = v / d;
                n.last = j + 2;
                n.bare_int = false;
                return Some(n);
            }
        }
    }
    // "10-7/16", "1-3/4": wire copy joins a whole number and its fraction with a hyphen
    // (interest rates, fees); only binary fractions, so "10-7/25" stays a date-like form.
    if !has_sep
        && l.is(j, "-")
        && l.joined(i)
        && l.joined(j)
        && l.is_num(j + 1)
        && l.is(j + 2, "/")
        && l.joined(j + 1)
        && l.joined(j + 2)
        && l.is_num(j + 3)
        && !l.is(j + 4, "/")
    {
        if let (Some(a), Some(d)) = (parse_digits(l.raw(j + 1)), parse_digits(l.raw(j + 3))) {
            if matches!(d as u32, 2 | 4 | 8 | 16 | 32 | 64) && a < d && a.fract() == 0.0 {
                n.value = v + a / d;
                n.last = j + 4;
                n.bare_int = false;
                return Some(n);
            }
        }
    }
    if !has_sep
        && l.is_num(j)
        && !l.joined(i)
        && l.near(i)
        && l.is(j + 1, "/")
        && l.joined(j)
        && l.is_num(j + 2)
        && !l.is(j + 3, "/")
    {
        if let (Some(a), Some(d)) = (parse_digits(l.raw(j)), parse_digits(l.raw(j + 2))) {
            if (2.0..=16.0).contains(&d) && a < d {
                n.value = v + a / d;
                n.last = j + 3;
                n.bare_int = false;
                return Some(n);
            }
        }
    }
    // Multipliers: "1.2 million", "3.8bn", "5 thousand million".
    let mut scaled = false;
    // "a 6.0-mln dlr line": a hyphen glues the scale word as a compound modifier.
    if l.is(j, "-") && l.joined(j - 1) && l.joined(j) && scale_word(l.w(j + 1)).is_some() {
        j += 1;
    }
    loop {
        let w = l.w(j);
        let s = if l.joined(j - 1) {
            glued_scale(w)
        } else if l.near(j - 1) {
            scale_word(w).or(if w == "hundred" { Some(100.0) } else { None })
        } else {
            None
        };
        match s {
            Some(s) if l.is_word(j) => {
                // "5m" only when the letter ends the word ("5min" is another word).
                v *= s;
                j += 1;
                scaled = true;
            }
            _ => break,
        }
    }
    // "16.4 million" as 16.4e6 exactly, not 16.4 * 1e6 (which is 16399999.999999998).
    if scaled {
        let exp = (v / n.value).log10().round();
        if n.value != 0.0 && (10f64.powf(exp) - v / n.value).abs() < 1e-6 * (v / n.value) {
            if let Some(x) = scaled_decimal(raw, exp as i32) {
                v = x;
            }
        }
    }
    n.value = v;
    n.last = j;
    if scaled {
        n.scaled = true;
        n.bare_int = false;
    }
    Some(n)
}

/// "a third of", "one-third", "two-thirds", "a fifth": a fraction, not a rank. "A third
/// country" (a noun follows) stays an ordinal.
fn fraction_words(l: &Lexed, i: usize) -> Option<Num> {
    let w0 = l.w(i);
    let article = matches!(w0, "a" | "an");
    let numer = if article {
        1.0
    } else {
        unit_word(w0).filter(|u| (1.0..10.0).contains(u))?
    };
    let hyphen = l.is(i + 1, "-") && l.joined(i) && l.joined(i + 1);
    if article && hyphen {
        return None;
    }
    let k = if hyphen { i + 2 } else { i + 1 };
    let dw = l.w(k);
    let den = denominator_word(dw).filter(|_| l.is_word(k))?;
    let plural = dw.ends_with('s');
    if (numer == 1.0) == plural && den != 2.0 {
        return None;
    }
    if !hyphen && !plural {
        // "a third country" is a rank.
        let next = l.w(k + 1);
        let free = next == "of" || !l.is_word(k + 1) || crate::news::stop_word(next);
        if !free {
            return None;
        }
    }
    // "one quarter", "three quarters" are periods unless a share of something follows.
    if matches!(dw, "quarter" | "quarters")
        && !(l.is(k + 1, "of")
            && matches!(
                l.w(k + 2),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "all" | "this" | "that"
            ))
    {
        return None;
    }
    Some(Num {
        first: i,
        last: k + 1,
        value: numer / den,
        digits: false,
        words: true,
        ordinal: false,
        bare_int: false,
        scaled: false,
    })
}

fn read_words(l: &Lexed, i: usize) -> Option<Num> {
    let w0 = l.w(i);
    if let Some(f) = fraction_words(l, i) {
        return Some(f);
    }
    // Ordinal words, possibly compound ("twenty-first", "one hundred and first").
    if let Some(o) = ordinal_word(w0) {
        return Some(Num {
            first: i,
            last: i + 1,
            value: o,
            digits: false,
            words: true,
            ordinal: true,
            bare_int: false,
            scaled: false,
        });
    }
    #[derive(PartialEq, Clone, Copy)]
    enum Last {
        None,
        Unit,
        Teen,
        Tens,
        Hundred,
        Scale,
        Dozen,
    }
    let mut total = 0.0f64;
    let mut cur = 0.0f64;
    let mut last = Last::None;
    let mut j = i;
    let mut end = i; // one past the last consumed number token
    let mut ordinal = false;
    let mut any = false;
    loop {
        let w = l.w(j);
        if !l.is_word(j) {
            // "twenty-five": a hyphen between a tens word and a unit word.
            if (w == "-") && last == Last::Tens && l.joined(j - 1) && l.joined(j) {
                let nw = l.w(j + 1);
                if let Some(u) = unit_word(nw) {
                    if (1.0..10.0).contains(&u) {
                        cur += u;
                        last = Last::Unit;
                        j += 2;
                        end = j;
                        continue;
                    }
                }
                if let Some(o) = ordinal_word(nw) {
                    if (1.0..10.0).contains(&o) {
                        cur += o;
                        ordinal = true;
                        j += 2;
                        end = j;
                        break;
                    }
                }
            }
            break;
        }
        if j > i && !l.near(j - 1) {
            break;
        }
        if let Some(u) = unit_word(w) {
            let teen = u >= 10.0;
            let ok = match last {
                Last::None | Last::Hundred | Last::Scale => true,
                Last::Tens => !teen && u > 0.0,
                _ => false,
            };
            if !ok {
                break;
            }
            if u == 0.0 && last != Last::None {
                break;
            }
            cur += u;
            last = if teen { Last::Teen } else { Last::Unit };
            any = true;
        } else if let Some(t) = tens_word(w) {
            if !matches!(last, Last::None | Last::Hundred | Last::Scale) {
                break;
            }
            cur += t;
            last = Last::Tens;
            any = true;
        } else if w == "hundred" {
            if matches!(last, Last::Hundred) {
                break;
            }
            if !any && j == i {
                break;
            }
            cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
            last = Last::Hundred;
        } else if w == "dozen" || w == "dozens" {
            if !any && j == i {
                break;
            }
            cur = if cur == 0.0 { 12.0 } else { cur * 12.0 };
            last = Last::Dozen;
        } else if let Some(s) = scale_word(w) {
            if !any || last == Last::Scale && total > 0.0 && cur == 0.0 {
                break;
            }
            if matches!(w, "mn" | "mil" | "mio" | "bil" | "tn" | "trn") {
                // Abbreviations after words are rare; accept only the full set.
            }
            total += if cur == 0.0 { 1.0 } else { cur } * s;
            cur = 0.0;
            last = Last::Scale;
        } else if (w == "a" || w == "an") && j == i {
            // "a hundred", "a dozen", "a million"
            let nw = l.w(j + 1);
            if nw == "hundred"
                || nw == "thousand"
                || nw == "dozen"
                || nw == "million"
                || nw == "billion"
                || nw == "trillion"
            {
                cur = 1.0;
                any = true;
                last = Last::Unit;
                j += 1;
                continue; // `end` advances when the scale word is consumed
            }
            break;
        } else if w == "and" && matches!(last, Last::Hundred | Last::Scale) {
            let nw = l.w(j + 1);
            if unit_word(nw).is_some_and(|u| u > 0.0) || tens_word(nw).is_some() {
                j += 1;
                continue;
            }
            if let Some(o) = ordinal_word(nw) {
                if o < 100.0 {
                    cur += o;
                    ordinal = true;
                    j += 2;
                    end = j;
                }
            }
            break;
        } else if let Some(o) = ordinal_word(w) {
            // "one hundred first", "twenty first"
            let ok = match last {
                Last::Tens => o < 10.0,
                Last::Hundred | Last::Scale => o <= 100.0 || o >= 1000.0,
                Last::Unit if o >= 100.0 => true,
                _ => false,
            };
            if ok && any {
                if o >= 100.0 {
                    cur = if cur == 0.0 { o } else { cur * o };
                } else {
                    cur += o;
                }
                ordinal = true;
                j += 1;
                end = j;
            }
            break;
        } else {
            break;
        }
        j += 1;
        end = j;
    }
    if !any || end == i {
        return None;
    }
    let mut value = total + cur;
    let mut last_tok = end;
    // "one point five"
    if !ordinal && l.is(end, "point") && last != Last::Scale {
        let mut k = end + 1;
        let mut frac = String::from("0.");
        while let Some(u) = unit_word(l.w(k)) {
            if u >= 10.0 {
                break;
            }
            frac.push(char::from(b'0' + u as u8));
            k += 1;
        }
        if k > end + 1 {
            if let Ok(f) = frac.parse::<f64>() {
                value += f;
                last_tok = k;
                // "one point five million"
                if let Some(s) = scale_word(l.w(k)) {
                    value *= s;
                    last_tok = k + 1;
                }
            }
        }
    }
    // "three quarters", "two thirds", "one half"
    if !ordinal && total == 0.0 && cur > 0.0 && cur < 20.0 {
        if let Some(d) = denominator_word(l.w(last_tok)) {
            let plural = l.w(last_tok).ends_with('s');
            if (cur == 1.0) != plural || d == 2.0 {
                value = cur / d;
                last_tok += 1;
            }
        }
    }
    let _ = is_number_word;
    Some(Num {
        first: i,
        last: last_tok,
        value,
        digits: false,
        words: true,
        ordinal,
        bare_int: false,
        scaled: total > 0.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(s: &str) -> Option<(f64, String)> {
        let l = Lexed::new(s);
        let n = read(&l, 0)?;
        Some((n.value, s[l.start(n.first)..l.end(n.last - 1)].to_string()))
    }

    #[test]
    fn readings() {
        let cases: &[(&str, f64, &str)] = &[
            ("120,000 people", 120000.0, "120,000"),
            ("1.2 million", 1.2e6, "1.2 million"),
            ("3.8bn", 3.8e9, "3.8bn"),
            ("2.5 bln dlrs", 2.5e9, "2.5 bln"),
            ("seven billion", 7e9, "seven billion"),
            ("twenty-five", 25.0, "twenty-five"),
            ("a dozen eggs", 12.0, "a dozen"),
            (
                "one hundred and twenty three",
                123.0,
                "one hundred and twenty three",
            ),
            ("five times", 5.0, "five"),
            ("fifth-largest", 5.0, "fifth"),
            ("21st", 21.0, "21st"),
            ("three quarters", 0.75, "three quarters"),
            ("one point five", 1.5, "one point five"),
            ("51.48\nbillion", 51.48e9, "51.48\nbillion"),
            ("twenty-first", 21.0, "twenty-first"),
            ("10-7/16 pct", 10.4375, "10-7/16"),
            ("1-1/2 pct", 1.5, "1-1/2"),
            ("6.0-mln dlr", 6.0e6, "6.0-mln"),
            ("one-third of", 1.0 / 3.0, "one-third"),
            ("two-thirds", 2.0 / 3.0, "two-thirds"),
            ("a fifth of exports", 0.2, "a fifth"),
        ];
        for (s, v, span) in cases {
            let got = val(s).unwrap_or_else(|| panic!("no number in {s:?}"));
            assert!((got.0 - v).abs() < 1e-6 * v.abs().max(1.0), "{s}: {got:?}");
            assert_eq!(&got.1, span, "{s}");
        }
        assert!(val("one two").is_some_and(|v| v.0 == 1.0));
        assert!(val("the").is_none());
        assert!(val("five").is_some_and(|v| v.0 == 5.0));
        // A rank before a noun stays a rank.
        assert!(val("a third country").is_none());
    }

    #[test]
    fn digits_parse_like_decimal_strings() {
        for s in [
            "0.1",
            "1,234.5",
            "16.4",
            "0.0085",
            "143.80",
            "12",
            "999999999999999",
            "1.7976",
            "3.14159265358979",
            "1234567890.12345",
        ] {
            let want: f64 = s.replace(',', "").parse().unwrap();
            assert_eq!(parse_digits(s), Some(want), "{s}");
        }
        assert_eq!(parse_digits("1.2.3"), None);
        let long = "12345678901234567890.5";
        assert_eq!(parse_digits(long), long.parse().ok());
        for (raw, exp) in [
            ("16.4", 6),
            ("1,234.56", 9),
            ("0.0085", 3),
            ("51.48", 9),
            ("7", 12),
        ] {
            let want: f64 = format!("{}e{exp}", raw.replace(',', "")).parse().unwrap();
            assert_eq!(scaled_decimal(raw, exp), Some(want), "{raw}e{exp}");
        }
    }
}
