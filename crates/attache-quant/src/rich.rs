//! Lenient number reading for [`crate::numbers`]: fractions in words ("three fifths",
//! "five and a half million"), "one over three", "minus", scientific notation, digit groups
//! written with spaces, "point seventy-one", ordinals written as one word ("twentyfifth").
//!
//! News extraction uses the stricter [`crate::num::read`]; this reader serves general text
//! and the evaluation against reference suites.

use crate::lex::{Lexed, TokKind};
use crate::num::{self, ordinal_word, parse_digits, scale_word, tens_word, unit_word, Num};

fn scale_any(w: &str) -> Option<f64> {
    scale_word(w).or(match w {
        "lkh" | "lkhs" | "lac" | "lacs" => Some(1e5),
        "cr" | "koti" | "krore" | "krores" | "kr" => Some(1e7),
        _ => None,
    })
}

fn is_dozen(w: &str) -> bool {
    matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs")
}

fn is_dash(w: &str) -> bool {
    matches!(w, "-" | "—" | "–")
}

/// A denominator word ("fifths", "quarter", "half", "hundredths").
fn denom_word(w: &str) -> Option<f64> {
    match w {
        "half" | "halves" => return Some(2.0),
        "quarter" | "quarters" => return Some(4.0),
        _ => {}
    }
    let base = w.strip_suffix('s').unwrap_or(w);
    let v = ordinal_word(base)?;
    (v >= 3.0 || w == "firsts").then_some(v)
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Last {
    None,
    A,
    Unit,
    Teen,
    Tens,
    Dig,
    Hundred,
    Scale,
    Dozen,
}

/// A cardinal in words and/or digits.
#[derive(Clone, Copy, Debug)]
struct Card {
    value: f64,
    end: usize,
    last: Last,
    /// Value of the biggest scale word used (1 when none).
    scale: f64,
    /// Value before the last "and" and the token index right after it.
    before_and: Option<(f64, usize)>,
    words: bool,
}

fn cardinal(l: &Lexed, i: usize) -> Option<Card> {
    cardinal_lim(l, i, usize::MAX)
}

/// A cardinal that may not reach past token `lim`.
fn cardinal_lim(l: &Lexed, i: usize, lim: usize) -> Option<Card> {
    let mut total = 0.0f64;
    let mut cur = 0.0f64;
    let mut last = Last::None;
    let mut j = i;
    let mut end = i;
    let mut scale = 1.0f64;
    let mut last_scale = f64::MAX;
    let mut before_and = None;
    let mut pending_and: Option<(f64, usize)> = None;
    let mut words = false;
    let mut and_at = 0usize;
    while j < l.len().min(lim) {
        if j > i && !l.near(j - 1) {
            break;
        }
        let w = l.w(j);
        let after_and = pending_and.is_some();
        if l.is_num(j) {
            if !(matches!(last, Last::None | Last::Scale)
                || after_and && matches!(last, Last::Hundred | Last::Scale))
            {
                break;
            }
            let raw = l.raw(j);
            if raw.bytes().filter(|&b| b == b'.').count() > 1 {
                break;
            }
            let Some(v) = parse_digits(raw) else { break };
            if j > i && l.joined(j - 1) || (after_and && v == 0.0) {
                break;
            }
            // Digits followed by an ordinal suffix or glued letters are not part of this.
            if l.joined(j) && l.is_word(j + 1) {
                if last == Last::None {
                    return None;
                }
                break;
            }
            if last == Last::None {
                // Digits start a cardinal only when a scale word follows ("3 hundred and 21").
                let nw = l.w(j + 1);
                if !(nw == "hundred" || nw == "hundreds" || scale_any(nw).is_some() || is_dozen(nw))
                {
                    return None;
                }
            }
            if let Some(pa) = pending_and.take() {
                before_and = Some(pa);
            }
            cur += v;
            last = Last::Dig;
        } else if let Some(u) = unit_word(w) {
            let teen = u >= 10.0;
            let ok = match last {
                Last::None | Last::Hundred | Last::Scale | Last::A => true,
                Last::Tens => !teen && u > 0.0,
                _ => false,
            };
            if !ok || (u == 0.0 && last != Last::None) {
                break;
            }
            if let Some(pa) = pending_and.take() {
                before_and = Some(pa);
            }
            cur += u;
            last = if teen { Last::Teen } else { Last::Unit };
            words = true;
        } else if let Some(t) = tens_word(w) {
            match last {
                Last::None | Last::Hundred | Last::Scale => cur += t,
                // "one twenty two", "nineteen seventy": an implicit hundred.
                Last::Unit | Last::Teen if cur < 100.0 && total == 0.0 && !after_and => {
                    cur = cur * 100.0 + t
                }
                _ => break,
            }
            if let Some(pa) = pending_and.take() {
                before_and = Some(pa);
            }
            last = Last::Tens;
            words = true;
        } else if is_dash(w) && last == Last::Tens {
            // "twenty-five", "fifty - two"
            match unit_word(l.w(j + 1)) {
                Some(u) if (1.0..10.0).contains(&u) && l.near(j) => {
                    cur += u;
                    last = Last::Unit;
                    j += 2;
                    end = j;
                    continue;
                }
                _ => break,
            }
        } else if w == "hundred" || w == "hundreds" {
            if !matches!(
                last,
                Last::Unit | Last::Teen | Last::Tens | Last::Dig | Last::A
            ) || after_and
            {
                break;
            }
            if before_and.is_some() && last_scale == f64::MAX {
                // "3 hundred and 2 hundred" are two numbers.
                let (v, _) = before_and.unwrap_or((0.0, 0));
                return Some(Card {
                    value: v,
                    end: and_at,
                    last: Last::Hundred,
                    scale,
                    before_and: None,
                    words,
                });
            }
            cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
            last = Last::Hundred;
            words = true;
        } else if let Some(s) = scale_any(w) {
            if cur == 0.0 && total > 0.0 && s > last_scale && !after_and {
                total *= s;
            } else if cur > 0.0 && !after_and {
                if s >= last_scale && total > 0.0 {
                    // "three crore twelve lakh": scales must fall; otherwise multiply through.
                    total = (total + cur) * s;
                } else {
                    total += cur * s;
                }
            } else {
                break;
            }
            cur = 0.0;
            last_scale = s;
            scale = scale.max(s);
            last = Last::Scale;
            words = true;
        } else if is_dozen(w) {
            if !matches!(
                last,
                Last::Unit | Last::Teen | Last::Tens | Last::Dig | Last::A | Last::Hundred
            ) || after_and
            {
                break;
            }
            cur = if cur == 0.0 { 12.0 } else { cur * 12.0 };
            last = Last::Dozen;
            words = true;
            if l.is(j + 1, "of") && !l.is_num(j + 2) {
                // "a dozen of" keeps "of" outside
            }
        } else if (w == "a" || w == "an") && last == Last::None {
            let nw = l.w(j + 1);
            if nw == "hundred" || scale_any(nw).is_some() || is_dozen(nw) {
                cur = 1.0;
                last = Last::A;
                j += 1;
                continue;
            }
            break;
        } else if w == "and" && matches!(last, Last::Hundred | Last::Scale) && !after_and {
            // "one hundred and three quarters": the fraction is read by the caller.
            if fraction(l, j + 1).is_some() {
                break;
            }
            pending_and = Some((total + cur, j + 1));
            and_at = j;
            j += 1;
            continue;
        } else {
            break;
        }
        j += 1;
        end = j;
    }
    if end == i || last == Last::A {
        return None;
    }
    Some(Card {
        value: total + cur,
        end,
        last,
        scale,
        before_and,
        words,
    })
}

/// "three fifths", "a half", "one twenty-fifth", "two hundred and fifty-four hundredths".
fn fraction(l: &Lexed, i: usize) -> Option<(f64, usize)> {
    // Find the denominator: the first denominator word within a few tokens.
    let mut k = i;
    let lim = (i + 12).min(l.len());
    let mut found = None;
    while k < lim {
        let w = l.w(k);
        if k > i && denom_word(w).is_some() && l.is_word(k) {
            found = Some(k);
            break;
        }
        if !(l.is_word(k) || is_dash(w)) || (k > i && !l.near(k - 1)) {
            break;
        }
        k += 1;
    }
    let k = found?;
    let dw = l.w(k);
    let plural = dw.ends_with('s');
    let mut den = denom_word(dw)?;
    let mut num_end = k;
    // "twenty-fifths", "thirty fifths" after a non-empty numerator: a compound denominator.
    let mut p = k;
    if p > i && is_dash(l.w(p - 1)) {
        p -= 1;
    }
    if p > i + 1 && den < 10.0 {
        if let Some(t) = tens_word(l.w(p - 1)) {
            if p - 1 > i && !l.is(p - 2, "and") {
                den += t;
                num_end = p - 1;
            }
        }
    } else if p > i && den < 10.0 && is_dash(l.w(k - 1)) && tens_word(l.w(p - 1)).is_some() {
        return None; // "twenty-fifth" is an ordinal
    }
    if num_end == k && k > i && is_dash(l.w(k - 1)) {
        num_end = k - 1; // "one-eighth", "one - fourth"
    }
    // The numerator covers exactly [i, num_end).
    let (numer, before_and) = match l.w(i) {
        "a" | "an" if num_end == i + 1 => (1.0, None),
        _ => {
            let c = cardinal_lim(l, i, num_end).or_else(|| cardinal_or_small(l, i))?;
            if c.end != num_end {
                return None;
            }
            (c.value, c.before_and)
        }
    };
    if numer == 0.0 {
        return None;
    }
    if numer == 1.0 && plural && den != 2.0 {
        return None;
    }
    // A singular denominator needs a numerator of one ("one fifth", "a third"); "twenty
    // fifth" is an ordinal.
    if numer != 1.0 && !plural && !matches!(dw, "half" | "quarter") {
        return None;
    }
    if before_and.is_some() {
        return None; // "X and three fifths" is read by the caller
    }
    let value = numer / den;
    Some((value, k + 1))
}

/// A cardinal, also accepting a bare digit token ("1 over 3").
fn cardinal_or_small(l: &Lexed, i: usize) -> Option<Card> {
    if let Some(c) = cardinal(l, i) {
        return Some(c);
    }
    if l.is_num(i) && !(l.joined(i) && l.is_word(i + 1)) {
        let v = parse_digits(l.raw(i))?;
        return Some(Card {
            value: v,
            end: i + 1,
            last: Last::Dig,
            scale: 1.0,
            before_and: None,
            words: false,
        });
    }
    None
}

fn num_at(i: usize, last: usize, value: f64, ordinal: bool, words: bool) -> Num {
    Num {
        first: i,
        last,
        value,
        digits: !words,
        words,
        ordinal,
        bare_int: false,
        scaled: false,
    }
}

/// Reads a number at token `i` with the lenient grammar.
pub fn read(l: &Lexed, i: usize) -> Option<Num> {
    let w = l.w(i);
    // Signs in words.
    if (w == "minus" || w == "negative") && l.near(i) {
        let n = read(l, i + 1)?;
        if n.ordinal {
            return None;
        }
        return Some(Num {
            first: i,
            value: -n.value,
            ..n
        });
    }
    // Idioms: "a couple (of)", "a pair", "a few", "single".
    let idiom = |k: usize, v: f64| -> Option<Num> {
        let k = if l.is(k, "of") && !l.is_word(k + 1) {
            k + 1
        } else {
            k
        };
        Some(num_at(i, k, v, false, true))
    };
    match (w, l.w(i + 1)) {
        ("a", "couple") => return idiom(i + 2, 2.0),
        ("a", "pair") => return idiom(i + 2, 2.0),
        ("a", "few") => return idiom(i + 2, 3.0),
        ("a", "dozen") if l.is(i + 2, "of") && !l.is_word(i + 3) => return idiom(i + 2, 12.0),
        ("couple", _) => return idiom(i + 1, 2.0),
        ("few", _) => return idiom(i + 1, 3.0),
        ("single", _) => return idiom(i + 1, 1.0),
        _ => {}
    }
    // "point 77"
    if w == "point" && l.is_num(i + 1) && l.near(i) {
        let v: f64 = format!("0.{}", l.raw(i + 1)).parse().ok()?;
        return Some(num_at(i, i + 2, v, false, true));
    }
    // "a quarter million", "a half million"
    if (w == "a" || w == "an") && matches!(l.w(i + 1), "half" | "quarter") {
        if let Some(s) = scale_any(l.w(i + 2)) {
            let f = if l.is(i + 1, "half") { 0.5 } else { 0.25 };
            return Some(num_at(i, i + 3, f * s, false, true));
        }
    }
    // "half a dozen", "half million", "quarter million", "half"
    if w == "half" || w == "quarter" {
        let f = if w == "half" { 0.5 } else { 0.25 };
        if (l.is(i + 1, "a") || l.is(i + 1, "an")) && is_dozen(l.w(i + 2)) {
            return Some(num_at(i, i + 3, 12.0 * f, false, true));
        }
        if let Some(s) = scale_any(l.w(i + 1)) {
            return Some(num_at(i, i + 2, f * s, false, true));
        }
        if w == "half" {
            return Some(num_at(i, i + 1, 0.5, false, true));
        }
        return None;
    }
    // Unicode vulgar fractions.
    if l.kind(i) == Some(TokKind::Sym) {
        let v = match l.raw(i) {
            "½" => 0.5,
            "⅓" => 1.0 / 3.0,
            "⅔" => 2.0 / 3.0,
            "¼" => 0.25,
            "¾" => 0.75,
            "⅕" => 0.2,
            "⅙" => 1.0 / 6.0,
            "⅛" => 0.125,
            _ => return None,
        };
        return Some(num_at(i, i + 1, v, false, false));
    }
    // One-word compound ordinals: "twentyfifth".
    if l.is_word(i) && ordinal_word(w).is_none() && tens_word(w).is_none() {
        for t in [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ] {
            if let Some(rest) = w.strip_prefix(t) {
                if let Some(o) = ordinal_word(rest).filter(|o| *o < 10.0) {
                    return Some(num_at(i, i + 1, tens_word(t)? + o, true, true));
                }
            }
        }
    }
    // Fractions first ("three fifths"), then cardinals with their tails.
    if let Some((v, e)) = fraction(l, i) {
        let (v, e) = scale_tail(l, v, e);
        return Some(num_at(i, e, v, false, true));
    }
    let Some(c) = cardinal(l, i) else {
        // Digits and plain ordinals go through the strict reader, then the digit tails.
        let n = num::read(l, i)?;
        if n.ordinal {
            // "twenty—fifth" with an em dash.
            return Some(n);
        }
        return Some(digit_tails(l, n));
    };
    let mut value = c.value;
    let e = c.end;
    // Ordinal tail: "one hundred twenty fifth", "two hundredth", "three trillionth".
    if let Some(o) = ordinal_word(l.w(e)).filter(|_| l.near(e - 1)) {
        let ok = match c.last {
            Last::Tens => o < 10.0,
            // "a hundred trillionth": a bigger scale multiplies through.
            Last::Hundred => !(100.0..1000.0).contains(&o),
            Last::Scale => o < 100.0,
            Last::Unit | Last::Teen => o >= 100.0,
            _ => false,
        };
        if ok {
            let v = if o >= 100.0 { value * o } else { value + o };
            return Some(num_at(i, e + 1, v, true, true));
        }
    }
    if c.last == Last::Tens && is_dash(l.w(e)) {
        if let Some(o) = ordinal_word(l.w(e + 1)).filter(|o| *o < 10.0) {
            return Some(num_at(i, e + 2, value + o, true, true));
        }
    }
    // "and a half", "and three fifths", "and a half million"
    if l.is(e, "and") {
        if let Some((f, fe)) = fraction(l, e + 1) {
            if let Some(s) = scale_any(l.w(fe)) {
                value = if c.scale > 1.0 {
                    value + f * s
                } else {
                    (value + f) * s
                };
                return Some(num_at(i, fe + 1, value, false, true));
            }
            let f = if c.last == Last::Scale {
                f * c.scale
            } else {
                f
            };
            return Some(num_at(i, fe, value + f, false, true));
        }
    }
    // "point five", "point seventy-one", "point nought four"
    if l.is(e, "point") && c.last != Last::Scale {
        let mut k = e + 1;
        let mut digits = String::new();
        loop {
            let w = l.w(k);
            let d = match w {
                "oh" | "o" | "nought" | "naught" | "zero" => Some(0),
                _ => unit_word(w).filter(|u| *u < 10.0).map(|u| u as u32),
            };
            match d {
                Some(d) => {
                    digits.push(char::from(b'0' + d as u8));
                    k += 1;
                }
                None => break,
            }
        }
        if digits.is_empty() {
            if let Some(c2) = cardinal(l, e + 1).filter(|c2| c2.value < 100.0) {
                digits = format!("{}", c2.value as u64);
                k = c2.end;
            } else if let Some(u) = unit_word(l.w(e + 1)) {
                digits = format!("{}", u as u64);
                k = e + 2;
            }
        }
        if !digits.is_empty() {
            let v: f64 = format!("{}.{digits}", value as u64).parse().ok()?;
            let (v, k) = scale_tail(l, v, k);
            return Some(num_at(i, k, v, false, true));
        }
    }
    value_over(l, i, value, e, c.words)
}

/// "of a million", "million" after a fraction.
fn scale_tail(l: &Lexed, v: f64, e: usize) -> (f64, usize) {
    if l.is(e, "of") && l.is(e + 1, "a") {
        if let Some(s) = scale_any(l.w(e + 2)) {
            return (v * s, e + 3);
        }
    }
    if let Some(s) = scale_any(l.w(e)) {
        return (v * s, e + 1);
    }
    (v, e)
}

/// "one over three", "two out of five hundred", "1 in twenty-one".
fn value_over(l: &Lexed, i: usize, value: f64, e: usize, words: bool) -> Option<Num> {
    let (k, strict) = match l.w(e) {
        "over" => (e + 1, false),
        "out" if l.is(e + 1, "of") => (e + 2, true),
        "in" => (e + 1, true),
        _ => return Some(num_at(i, e, value, false, words)),
    };
    // "300 in 2008" is not a fraction: a year follows.
    let yearish = l.is_num(k)
        && l.raw(k).len() == 4
        && parse_digits(l.raw(k)).is_some_and(|v| (1000.0..=2100.0).contains(&v));
    if let Some(d) = cardinal_or_small(l, k).filter(|_| !yearish) {
        let next_word =
            l.is_word(d.end) && !matches!(l.w(d.end), "and" | "is" | "equals" | "plus" | "minus");
        if d.value != 0.0 && (!strict || value < d.value) && !(next_word && !(d.words && strict)) {
            return Some(num_at(i, d.end, value / d.value, false, words));
        }
        if d.value != 0.0 && strict && value < d.value && d.words {
            return Some(num_at(i, d.end, value / d.value, false, words));
        }
    }
    Some(num_at(i, e, value, false, words))
}

/// Tails after a digit reading: scientific notation, spaced groups, spaced scale letters, "over".
fn digit_tails(l: &Lexed, n: Num) -> Num {
    let mut n = n;
    let e = n.last;
    // "1e10", "1.3e6", "12.32e+14", "-12e-1"
    if l.joined(e - 1) && l.is_word(e) {
        let w = l.w(e);
        if let Some(rest) = w.strip_prefix('e') {
            if rest.is_empty() {
                let (sign, k) = match l.w(e + 1) {
                    "+" if l.joined(e) => (1.0, e + 2),
                    "-" if l.joined(e) => (-1.0, e + 2),
                    _ => (1.0, e + 1),
                };
                if l.is_num(k) && l.joined(k - 1) {
                    if let Some(p) = parse_digits(l.raw(k)) {
                        n.value *= 10f64.powf(sign * p);
                        n.last = k + 1;
                        return n;
                    }
                }
            }
        }
        // "1.3x10^6"
        if w == "x" && l.raw(e + 1) == "10" && l.is(e + 2, "^") {
            {
                let mut k = e + 3;
                let mut sign = 1.0;
                while matches!(l.w(k), "+" | "-") {
                    if l.is(k, "-") {
                        sign = -sign;
                    }
                    k += 1;
                }
                if let Some(p) = parse_digits(l.raw(k)) {
                    n.value *= 10f64.powf(sign * p);
                    n.last = k + 1;
                    return n;
                }
            }
        }
    }
    // "1.1^23", "2.5^-1", "1.1^--23"
    if l.is(e, "^") && l.joined(e - 1) {
        let mut k = e + 1;
        let mut sign = 1.0;
        while matches!(l.w(k), "+" | "-") {
            if l.is(k, "-") {
                sign = -sign;
            }
            k += 1;
        }
        if l.is_num(k) {
            if let Some(p) = parse_digits(l.raw(k)) {
                let neg = n.value < 0.0;
                let v = n.value.abs().powf(sign * p);
                n.value = if neg { -v } else { v };
                n.last = k + 1;
                return n;
            }
        }
    }
    // Spaced thousands groups: "1 234 567", "40 000", "1\u{202f}234\u{202f}567.89".
    if n.bare_int && l.raw(n.first).len() <= 3 {
        let mut k = e;
        let mut s = l.raw(n.first).to_string();
        while l.is_num(k) && !l.joined(k - 1) {
            let gap = &l.text[l.end(k - 1)..l.start(k)];
            let raw = l.raw(k);
            let digits = raw.split('.').next().unwrap_or("");
            if !(gap == " " || gap == "\u{202f}")
                || digits.len() != 3
                || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                break;
            }
            s.push_str(raw);
            k += 1;
            if raw.contains('.') {
                break;
            }
        }
        if k != e {
            if let Ok(v) = s.parse::<f64>() {
                n.value = v;
                n.last = k;
                n.bare_int = false;
                return n;
            }
        }
    }
    // Spaced scale letters at the end: "2.33 k", "1,674.5 G", "1,674,200.5 M"
    if !n.scaled && !l.joined(e - 1) && l.is_word(e) && l.near(e - 1) {
        let raw = l.raw(e);
        let s = match raw {
            "k" | "K" => Some(1e3),
            "M" => Some(1e6),
            "G" | "B" => Some(1e9),
            _ => None,
        };
        if let Some(s) = s {
            if !l.is_word(e + 1) {
                n.value *= s;
                n.last = e + 1;
                n.scaled = true;
                return n;
            }
        }
    }
    // "1 point 1"
    if l.is(e, "point") && l.is_num(e + 1) && n.bare_int {
        if let Ok(v) = format!("{}.{}", l.raw(n.first), l.raw(e + 1)).parse::<f64>() {
            return Num {
                last: e + 2,
                value: v,
                bare_int: false,
                ..n
            };
        }
    }
    // "20/100", "3/15": fractions with larger denominators than news dates allow.
    if n.bare_int
        && l.is(e, "/")
        && l.joined(e - 1)
        && l.joined(e)
        && l.is_num(e + 1)
        && !l.is(e + 2, "/")
    {
        if let Some(d) =
            parse_digits(l.raw(e + 1)).filter(|d| *d >= 2.0 && *d <= 1000.0 && n.value < *d)
        {
            return Num {
                last: e + 2,
                value: n.value / d,
                bare_int: false,
                ..n
            };
        }
    }
    // "2000 over 3", "1 over twenty-one", "1 in twenty-one"
    if !n.scaled && !n.ordinal {
        if let Some(m) = value_over(l, n.first, n.value, e, false) {
            if m.last != e {
                return Num {
                    last: m.last,
                    value: m.value,
                    bare_int: false,
                    ..n
                };
            }
        }
    }
    n
}
