//! attache-quant: finds numbers and quantities in news text (money, percentages, counts,
//! ordinals, measures), normalizes them to base units and ISO 4217 codes, and reads hedges
//! ("around", "more than") as qualifiers that stay outside the span.
//!
//! The tokenizer ([`lex`]) and number reader ([`num`]) are public because the time stage
//! reads "three days" and "the fourth quarter" with the same machinery.
//!
//! Wire-copy conventions live in `news`: a count keeps its counted noun ("37 U.S. cities"),
//! a bare "20 billion" borrows the currency of the figure before it, and "rose 700 mln dlrs
//! to 14.8 billion dlrs" is a change and a level rather than a range. [`ordinals`] reads
//! relative ordinals ("penultimate", "next one") for the reference suites.

pub mod lex;
mod news;
pub mod num;
pub mod ordinals;
pub mod ranges;
pub mod rich;

pub use ordinals::{relative_ordinals, RelativeOrdinal};
pub use ranges::{ranges, ranges_with, RangeExpr};

use lex::{Lexed, TokKind};
use num::Num;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuantityKind {
    Money,
    Percent,
    Count,
    Ordinal,
    Measure,
}

impl QuantityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Money => "money",
            QuantityKind::Percent => "percent",
            QuantityKind::Count => "count",
            QuantityKind::Ordinal => "ordinal",
            QuantityKind::Measure => "measure",
        }
    }
}

/// A hedge read from the words before a quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    Approx,
    MoreThan,
    LessThan,
    AtLeast,
    AtMost,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }
}

/// One quantity found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityExpr {
    /// Byte offsets `[start, end)`; hedge words are outside.
    pub start: usize,
    pub end: usize,
    pub kind: QuantityKind,
    /// In base units ("USD 6 billion" is 6.0e9); for a range, the low end.
    pub value: f64,
    pub range: Option<(f64, f64)>,
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// Where the hedge word(s) start, when there is a qualifier.
    pub hedge_start: Option<usize>,
    pub rule: &'static str,
}

/// Per-document settings.
#[derive(Debug, Clone, Default)]
pub struct QuantContext {
    /// The currency that bare "dlrs"/"$" mean (e.g. `HKD` in a Hong Kong story); `None` is USD.
    pub default_dollar: Option<String>,
}

/// A bare number reading (no news filtering), for evaluation and for other stages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberExpr {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub ordinal: bool,
}

/// Every number in `text`, leftmost-longest, read with the lenient grammar of [`rich`]
/// ("three fifths", "one over three", "1 234 567", "minus five") and without the filters that
/// news extraction applies (years and date parts are numbers here).
pub fn numbers(text: &str) -> Vec<NumberExpr> {
    let l = Lexed::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < l.len() {
        // Skip inside words like "C5" or "G7".
        if l.is_num(i) && i > 0 && l.joined(i - 1) && l.is_word(i - 1) {
            i += 1;
            continue;
        }
        // Pronoun "one": "the one you mentioned", "which one".
        if l.is(i, "one")
            && i > 0
            && matches!(
                l.w(i - 1),
                "the"
                    | "this"
                    | "that"
                    | "which"
                    | "each"
                    | "any"
                    | "every"
                    | "no"
                    | "another"
                    | "a"
                    | "some"
            )
            && rich::read(&l, i).is_some_and(|n| n.last == i + 1)
        {
            i += 1;
            continue;
        }
        // ".08": a leading decimal point.
        if l.is(i, ".")
            && l.joined(i)
            && l.is_num(i + 1)
            && (i == 0 || !l.joined(i - 1))
            && !l.raw(i + 1).contains(['.', ','])
        {
            let suffix = if l.joined(i + 1) && l.is_word(i + 2) {
                match l.raw(i + 2) {
                    "k" | "K" => Some(1e3),
                    "M" => Some(1e6),
                    "G" | "B" | "b" => Some(1e9),
                    _ => None,
                }
            } else {
                Some(1.0)
            };
            if let (Some(f), Ok(v)) = (suffix, format!("0.{}", l.raw(i + 1)).parse::<f64>()) {
                let last = if f == 1.0 { i + 1 } else { i + 2 };
                let neg = i > 0 && l.is(i - 1, "-") && l.joined(i - 1);
                let start = if neg { l.start(i - 1) } else { l.start(i) };
                out.push(NumberExpr {
                    start,
                    end: l.end(last),
                    value: if neg { -v * f } else { v * f },
                    ordinal: false,
                });
            }
            i += 2;
            continue;
        }
        // "192.168.1.2": dotted groups are separate numbers.
        if l.is_num(i)
            && l.raw(i).bytes().filter(|&b| b == b'.').count() > 1
            && !l.raw(i).contains(',')
        {
            let mut at = l.start(i);
            for part in l.raw(i).split('.') {
                if let Ok(v) = part.parse::<f64>() {
                    out.push(NumberExpr {
                        start: at,
                        end: at + part.len(),
                        value: v,
                        ordinal: false,
                    });
                }
                at += part.len() + 1;
            }
            i += 1;
            continue;
        }
        if let Some(mut n) = comma_forms(&l, i).or_else(|| rich::read(&l, i)) {
            if n.last <= i {
                i += 1;
                continue;
            }
            // Digits glued to a unit ("180ml", "29km") are measures, not bare numbers.
            if l.is_num(i) && n.last == i + 1 && l.joined(i) && l.is_word(i + 1) {
                i += 2;
                continue;
            }
            // A minus sign: joined ("-5") or alone before the number ("- 10 k").
            let mut start = l.start(i);
            if i > 0 && l.is_num(i) && l.is(i - 1, "-") {
                let glued_before = i > 1 && l.joined(i - 2) && l.kind(i - 2) != Some(TokKind::Sym);
                let gap = l.start(i) - l.end(i - 1);
                if !glued_before && gap <= 1 {
                    start = l.start(i - 1);
                    n.value = -n.value;
                }
            }
            out.push(NumberExpr {
                start,
                end: l.end(n.last - 1),
                value: n.value,
                ordinal: n.ordinal,
            });
            i = n.last;
        } else {
            i += 1;
        }
    }
    out
}

/// A ratio written with "out of" or "in" ("one out of three", "1 in twenty-one"): the byte
/// offsets of the separator words, when the number's text is such a ratio.
fn ratio_split(text: &str, n: &NumberExpr) -> Option<(usize, usize)> {
    let span = &text[n.start..n.end];
    for sep in [" out of ", " in "] {
        if let Some(p) = span.find(sep) {
            return Some((n.start + p, n.start + p + sep.len()));
        }
    }
    None
}

/// [`numbers`], with ratios read as their two numbers ("one out of three" is 1 and 3), as a
/// reader that turns ratios into percentages wants.
pub fn numbers_split_ratios(text: &str) -> Vec<NumberExpr> {
    let mut out = Vec::new();
    for n in numbers(text) {
        match ratio_split(text, &n) {
            Some((a, b)) => {
                for (s, e) in [(n.start, a), (b, n.end)] {
                    out.extend(numbers(&text[s..e]).into_iter().map(|m| NumberExpr {
                        start: m.start + s,
                        end: m.end + s,
                        ..m
                    }));
                }
            }
            None => out.push(n),
        }
    }
    out
}

/// Ratios and fractions of something read as percentages: "one out of three" (33.3), "one in
/// two" (50), "1/4 of" and "one half of" (the "of" is part of the span). Values are percents.
pub fn percent_shares(text: &str) -> Vec<NumberExpr> {
    let mut out = Vec::new();
    for n in numbers(text) {
        if n.ordinal || !(n.value > 0.0 && n.value < 1.0) {
            continue;
        }
        let mut end = n.end;
        if ratio_split(text, &n).is_none() {
            // A bare fraction is a share only of something: "1/4 of".
            let rest = &text[n.end..];
            let trimmed = rest.trim_start();
            let lower = trimmed.get(..2).map(str::to_ascii_lowercase);
            let boundary = trimmed
                .get(2..)
                .unwrap_or("")
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if lower.as_deref() != Some("of") || !boundary {
                continue;
            }
            end = n.end + (rest.len() - trimmed.len()) + 2;
        }
        out.push(NumberExpr {
            start: n.start,
            end,
            value: n.value * 100.0,
            ordinal: false,
        });
    }
    out
}

/// Decimal commas and other groupings the tokenizer splits: "1,3", "5,00", "1.111,11",
/// "12,34,567.89".
fn comma_forms(l: &Lexed, i: usize) -> Option<Num> {
    if !(l.is_num(i) && l.is(i + 1, ",") && l.joined(i) && l.joined(i + 1) && l.is_num(i + 2)) {
        return None;
    }
    let a = l.raw(i);
    let b = l.raw(i + 2);
    let mk = |s: String, last: usize| -> Option<Num> {
        let v: f64 = s.parse().ok()?;
        Some(Num {
            first: i,
            last,
            value: v,
            digits: true,
            words: false,
            ordinal: false,
            bare_int: false,
            scaled: false,
        })
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    // European: 1.111,11
    if a.contains('.')
        && a.split('.').skip(1).all(|g| g.len() == 3)
        && all_digits(b)
        && b.len() <= 2
    {
        return mk(format!("{}.{b}", a.replace('.', "")), i + 3);
    }
    // Indian: 12,34,567.89
    if all_digits(a) && a.len() <= 2 && b.len() > 3 && b.as_bytes()[2] == b',' {
        return mk(format!("{a}{}", b.replace(',', "")), i + 3);
    }
    let chained = (l.is(i + 3, ",") && l.joined(i + 3) && l.is_num(i + 4))
        || (i >= 2 && l.is(i - 1, ",") && l.joined(i - 1) && l.is_num(i - 2));
    if all_digits(a) && all_digits(b) && b.len() <= 2 && !chained {
        return mk(format!("{a}.{b}"), i + 3);
    }
    None
}

/// ISO 4217 codes we recognize when written as a word ("USD 6 billion", "42 KWD").
const ISO_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "KRW", "KZT", "CNY", "HKD", "CAD", "AUD", "CHF", "INR", "RUB",
    "SGD", "NZD", "SEK", "NOK", "DKK", "TWD", "BRL", "MXN", "ZAR", "TRY", "SAR", "AED", "IDR",
    "MYR", "THB", "PHP", "VND", "PKR", "UZS", "KGS", "TJS", "TMT", "AZN", "GEL", "AMD", "UAH",
    "BYN", "PLN", "CZK", "HUF", "RON", "BGN", "HRK", "RSD", "ISK", "ILS", "EGP", "KWD", "QAR",
    "BHD", "OMR", "JOD", "LBP", "IQD", "IRR", "SYP", "YER", "MAD", "DZD", "TND", "LYD", "NGN",
    "KES", "GHS", "ETB", "TZS", "UGX", "XOF", "XAF", "ARS", "CLP", "COP", "PEN", "VES", "UYU",
    "BOB", "PYG", "CRC", "GTQ", "CUP", "DOP", "JMD", "BDT", "LKR", "NPR", "MMK", "KHR", "LAK",
    "MNT", "BND", "MOP", "FJD", "PGK", "AFN", "DEM", "FRF", "ITL", "NLG", "BEF", "ESP", "FIM",
    "ATS", "PTE", "IEP", "GRD", "XDR", "BTC",
];

fn iso_code(raw: &str) -> Option<&'static str> {
    if raw == "RMB" {
        return Some("CNY");
    }
    if raw.len() != 3 || !raw.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    ISO_CODES.iter().find(|c| **c == raw).copied()
}

/// Lowercase ISO codes accepted next to a number ("half million usd", "10 rmb").
fn iso_code_lower(w: &str) -> Option<&'static str> {
    match w {
        "usd" => Some("USD"),
        "eur" => Some("EUR"),
        "gbp" => Some("GBP"),
        "rmb" | "cny" => Some("CNY"),
        "jpy" => Some("JPY"),
        "cad" => Some("CAD"),
        "aud" => Some("AUD"),
        "nzd" => Some("NZD"),
        "mxn" => Some("MXN"),
        "hkd" => Some("HKD"),
        "chf" => Some("CHF"),
        _ => None,
    }
}

/// A currency written before the number: returns (code, tokens used).
fn money_prefix<'c>(l: &Lexed, i: usize, ctx: &'c QuantContext) -> Option<(&'c str, usize)> {
    // Every prefix is a word or a sign; numbers (most calls) end here.
    if l.kind(i) != Some(TokKind::Word) && l.kind(i) != Some(TokKind::Sym) {
        return None;
    }
    let dollar = || ctx.default_dollar.as_deref().unwrap_or("USD");
    let w = l.w(i);
    let raw = l.raw(i);
    let sym = |s: &str| -> Option<&'static str> {
        Some(match s {
            "€" => "EUR",
            "£" => "GBP",
            "₩" => "KRW",
            "¥" => "JPY",
            "₹" => "INR",
            "₽" => "RUB",
            "₸" => "KZT",
            "₺" => "TRY",
            "₱" => "PHP",
            "₫" => "VND",
            _ => return None,
        })
    };
    if w == "$" {
        return Some((dollar(), 1));
    }
    if let Some(c) = sym(raw) {
        return Some((c, 1));
    }
    if raw == "₿" {
        return Some(("BTC", 1));
    }
    if l.is_word(i) {
        // "U.S $", "u.s $"
        if w == "u" && l.is(i + 1, ".") && l.is(i + 2, "s") && l.is(i + 3, "$") {
            return Some(("USD", 4));
        }
        // "US$", "HK$", "C$", "A$", "usd$", "c $" (lowercase styles write a space)
        // Lowercase styles write a space ("c $ 16.4", "us $ 150"); "a $" and "'s $" are not codes.
        let spaced_ok = l.near(i)
            && matches!(
                l.raw(i),
                "c" | "us" | "hk" | "usd" | "aud" | "cad" | "nzd" | "mxn" | "hkd"
            );
        if l.is(i + 1, "$") && (l.joined(i) || spaced_ok) {
            let c = match w {
                "us" | "u" | "usd" => "USD",
                "aud" => "AUD",
                "cad" => "CAD",
                "nzd" => "NZD",
                "mxn" => "MXN",
                "hkd" => "HKD",
                "hk" => "HKD",
                "c" | "can" | "ca" => "CAD",
                "a" | "au" | "aus" => "AUD",
                "s" | "sg" => "SGD",
                "nz" => "NZD",
                "nt" => "TWD",
                "r" => "BRL",
                "mex" | "mx" => "MXN",
                _ => return None,
            };
            return Some((c, 2));
        }
        // "U.S.$"
        if w == "u" && l.is(i + 1, ".") && l.is(i + 2, "s") && l.is(i + 3, ".") && l.is(i + 4, "$")
        {
            return Some(("USD", 5));
        }
        if let Some(c) = iso_code(raw) {
            return Some((c, 1));
        }
        if raw == "Rs" {
            return Some(("INR", if l.is(i + 1, ".") { 2 } else { 1 }));
        }
        if raw == "RM" {
            return Some(("MYR", 1));
        }
        // "ringgit 42", "malaysian ringgits 42"
        if matches!(w, "ringgit" | "ringgits") && l.is_num(i + 1) {
            return Some(("MYR", 1));
        }
        if matches!(w, "malaysia" | "malaysian")
            && matches!(l.w(i + 1), "ringgit" | "ringgits")
            && l.is_num(i + 2)
        {
            return Some(("MYR", 2));
        }
        if let Some(c) = iso_code_lower(raw) {
            if l.is_num(i + 1) && l.near(i) {
                return Some((c, 1));
            }
        }
    }
    None
}

/// A currency written after the number ("dlrs", "Canadian dlrs", "stg", "yen"): (code, tokens, factor).
fn money_suffix<'c>(l: &Lexed, j: usize, ctx: &'c QuantContext) -> Option<(&'c str, usize, f64)> {
    // Units are words or signs; a number or the end of text is none.
    if matches!(l.kind(j), None | Some(TokKind::Num)) {
        return None;
    }
    let dollar = ctx.default_dollar.as_deref().unwrap_or("USD");
    let is_dollar = |w: &str| matches!(w, "dlrs" | "dlr" | "dollars" | "dollar" | "dols" | "dls");
    // Nationality + dollars.
    let (nat, k): (Option<&str>, usize) = {
        let w = l.w(j);
        let w1 = l.w(j + 1);
        if w == "u" && l.is(j + 1, ".") && l.is(j + 2, "s") && l.is(j + 3, ".") {
            (Some("USD"), 4)
        } else if w == "h" && l.is(j + 1, ".") && l.is(j + 2, "k") && l.is(j + 3, ".") {
            (Some("HKD"), 4)
        } else if w == "hong" && w1 == "kong" {
            (Some("HKD"), 2)
        } else if w == "new" && w1 == "zealand" {
            (Some("NZD"), 2)
        } else if w == "new" && w1 == "taiwan" {
            (Some("TWD"), 2)
        } else {
            let c = match w {
                "us" | "american" => Some("USD"),
                "canadian" | "can" => Some("CAD"),
                "australian" | "aust" => Some("AUD"),
                "hk" => Some("HKD"),
                "singapore" | "sing" => Some("SGD"),
                "taiwan" | "nt" => Some("TWD"),
                "zimbabwe" => Some("ZWD"),
                _ => None,
            };
            (c, if c.is_some() { 1 } else { 0 })
        }
    };
    if let Some(c) = nat {
        if is_dollar(l.w(j + k)) {
            return Some((c, k + 1, 1.0));
        }
        // "76.85 U.S. cts"
        if matches!(l.w(j + k), "cts" | "cents") {
            return Some((c, k + 1, 0.01));
        }
    }
    let w = l.w(j);
    let w1 = l.w(j + 1);
    if is_dollar(w) || w == "bucks" {
        return Some((dollar, 1, 1.0));
    }
    // Symbols after the number: "10$", "20 €", "10¢", "3.14US$".
    match l.raw(j) {
        "$" => return Some((dollar, 1, 1.0)),
        "€" => {
            return Some((
                "EUR",
                if l.is(j + 1, "ur") && l.joined(j) {
                    2
                } else {
                    1
                },
                1.0,
            ))
        }
        "£" => return Some(("GBP", 1, 1.0)),
        "¢" => return Some((dollar, 1, 0.01)),
        "元" => return Some(("CNY", 1, 1.0)),
        "₡" => return Some(("CRC", 1, 1.0)),
        "₾" => return Some(("GEL", 1, 1.0)),
        "₭" => return Some(("LAK", 1, 1.0)),
        "₩" => return Some(("KRW", 1, 1.0)),
        "¥" => return Some(("JPY", 1, 1.0)),
        _ => {}
    }
    if l.is_word(j) {
        let raw = l.raw(j);
        if let Some(c) = iso_code(raw) {
            return Some((c, 1, 1.0));
        }
        if raw == "US" && l.is(j + 1, "$") && l.joined(j) {
            return Some(("USD", 2, 1.0));
        }
        if let Some(c) = iso_code_lower(w) {
            return Some((c, 1, 1.0));
        }
        // "30 MUSD", "120 MEUR": millions of a currency.
        if raw.len() == 4 && raw.starts_with('M') {
            if let Some(c) = iso_code(&raw[1..]) {
                return Some((c, 1, 1e6));
            }
        }
        if raw == "RM" {
            return Some(("MYR", 1, 1.0));
        }
        if raw == "LE" || (w == "l" && l.is(j + 1, ".") && l.is(j + 2, "e")) {
            let k = if raw == "LE" {
                1
            } else if l.is(j + 3, ".") {
                4
            } else {
                3
            };
            return Some(("EGP", k, 1.0));
        }
    }
    let two = |c: &'static str| Some((c, 2, 1.0));
    match (w, w1) {
        ("european", "currency") if matches!(l.w(j + 2), "units" | "unit") => {
            return Some(("XEU", 3, 1.0))
        }
        ("swiss", "francs" | "franc") => return two("CHF"),
        ("luxembourg", "francs" | "franc") => return two("LUF"),
        ("french", "francs" | "franc") => return two("FRF"),
        ("belgian", "francs" | "franc") => return two("BEF"),
        ("west", "german") if matches!(l.w(j + 2), "marks" | "mark") => {
            return Some(("DEM", 3, 1.0))
        }
        ("german" | "deutsche", "marks" | "mark") => return two("DEM"),
        ("pounds" | "pound", "sterling") => return two("GBP"),
        ("saudi", "riyals" | "riyal") => return two("SAR"),
        ("south", "african") if matches!(l.w(j + 2), "rand") => return Some(("ZAR", 3, 1.0)),
        ("indian", "rupees") => return two("INR"),
        ("japanese", "yen") => return two("JPY"),
        ("kazakh", "tenge") => return two("KZT"),
        ("chinese", "yuan") => return two("CNY"),
        ("finnish", "markka" | "markkas") => return two("FIM"),
        ("dutch", "guilders") => return two("NLG"),
        ("british", "pounds") => return two("GBP"),
        ("korean", "won") => return two("KRW"),
        ("kuwaiti", "dinar" | "dinars") => return two("KWD"),
        ("lebanese", "pounds" | "pound") => return two("LBP"),
        ("egyptian", "pounds" | "pound") => return two("EGP"),
        ("qatari", "riyals" | "riyal") => return two("QAR"),
        ("turkish", "lira" | "liras") => return two("TRY"),
        ("malaysia" | "malaysian", "ringgit" | "ringgits") => return two("MYR"),
        ("us", "dollar") => return two("USD"),
        ("mexican", "pesos" | "peso") => return two("MXN"),
        ("danish", "crowns" | "kroner" | "krone") => return two("DKK"),
        ("norwegian", "crowns" | "kroner" | "krone") => return two("NOK"),
        ("swedish", "crowns" | "kronor" | "krona") => return two("SEK"),
        ("kenyan", "shillings" | "shilling") => return two("KES"),
        ("pakistani" | "pakistan", "rupees" | "rupee") => return two("PKR"),
        ("chilean", "pesos" | "peso") => return two("CLP"),
        ("colombian", "pesos" | "peso") => return two("COP"),
        ("philippine", "pesos" | "peso") => return two("PHP"),
        ("irish", "pounds" | "pound" | "punts" | "punt") => return two("IEP"),
        ("cyprus", "pounds" | "pound") => return two("CYP"),
        ("russian", "roubles" | "rubles") => return two("RUB"),
        ("new", "shekels") => return two("ILS"),
        ("d", "-") if matches!(l.w(j + 2), "marks" | "mark") => return Some(("DEM", 3, 1.0)),
        _ => {}
    }
    let one = |c: &'static str| Some((c, 1, 1.0));
    match w {
        "stg" | "sterling" => one("GBP"),
        "pounds" | "pound" | "quid" => {
            if w1 == "of" {
                None
            } else {
                one("GBP")
            }
        }
        "yen" => one("JPY"),
        "markka" | "markkaa" | "markkas" => one("FIM"),
        "ecus" | "ecu" => one("XEU"),
        "won" => one("KRW"),
        "tenge" => one("KZT"),
        "marks" | "deutschmarks" | "deutschemarks" | "dm" => one("DEM"),
        "francs" => one("FRF"),
        // Singular after a scale word ("a 1.49 billion franc deficit"); "the 2,000 mark" is a
        // level, not money.
        "franc" | "mark" if j > 0 && num::scale_word(l.w(j - 1)).is_some() => {
            one(if w == "franc" { "FRF" } else { "DEM" })
        }
        "euros" | "euro" => one("EUR"),
        "yuan" | "renminbi" => one("CNY"),
        "rupees" | "rupee" | "rs" => one("INR"),
        "roubles" | "rubles" | "rouble" | "ruble" => one("RUB"),
        "pesos" => one("MXN"),
        "lire" => one("ITL"),
        "lira" | "liras" => one("TRY"),
        "riyals" | "riyal" => one("SAR"),
        "rand" => one("ZAR"),
        "guilders" => one("NLG"),
        "crowns" | "kronor" | "krona" => one("SEK"),
        "kroner" | "krone" => one("DKK"),
        "forints" | "forint" => one("HUF"),
        "zlotys" | "zloty" => one("PLN"),
        "escudos" | "escudo" => one("PTE"),
        "drachmas" | "drachma" | "drachmae" => one("GRD"),
        "punts" | "punt" => one("IEP"),
        "cruzados" | "cruzado" => one("BRC"),
        "australs" | "austral" => one("ARA"),
        // "99ct": cents glued to the figure.
        "ct" if j > 0 && l.joined(j - 1) && l.is_num(j - 1) => Some((dollar, 1, 0.01)),
        "ringgit" | "ringgits" => one("MYR"),
        "egyptianpound" | "geneh" => one("EGP"),
        "saudiriyal" => one("SAR"),
        "tugriks" | "tugrik" => one("MNT"),
        "rials" | "rial" => one("IRR"),
        "dinars" | "dinar" => one("XXX"), // ambiguous between countries: ISO "no currency"
        "shillings" | "shilling" => one("XXX"), // Kenya, Uganda, Tanzania, Somalia
        "schillings" | "schilling" => one("ATS"),
        "pesetas" | "peseta" => one("ESP"),
        "bitcoins" | "bitcoin" | "btc" => one("BTC"),
        "pennies" => Some((dollar, 1, 0.01)),
        "penny" => Some(("GBP", 1, 0.01)),
        "baht" => one("THB"),
        "rupiah" => one("IDR"),
        "shekels" => one("ILS"),
        "naira" => one("NGN"),
        "dong" => one("VND"),
        "soms" | "som" => one("KGS"),
        "hryvnia" | "hryvnias" => one("UAH"),
        // "13.5 cts": wire copy's cents.
        "cents" | "cent" | "cts" => Some((dollar, 1, 0.01)),
        "pence" | "p" if l.joined(j.saturating_sub(1)) || w == "pence" => Some(("GBP", 1, 0.01)),
        _ => None,
    }
}

fn percent_suffix(l: &Lexed, j: usize) -> Option<(&'static str, usize)> {
    let w = l.w(j);
    let w1 = l.w(j + 1);
    match w {
        "%" => Some(("percent", 1)),
        "percentage" | "pct" if matches!(w1, "point" | "points") => Some(("percentage_points", 2)),
        "percent" | "pct" | "pc" | "percents" => Some(("percent", 1)),
        "percentage" => Some(("percent", 1)),
        "per" if w1 == "cent" => Some(("percent", 2)),
        "basis" if matches!(w1, "point" | "points") => Some(("basis_points", 2)),
        _ => None,
    }
}

fn measure_suffix(l: &Lexed, j: usize) -> Option<(&'static str, usize)> {
    if !l.is_word(j) {
        return None;
    }
    let w = l.w(j);
    let w1 = l.w(j + 1);
    if matches!(w, "square" | "sq") {
        return match w1 {
            "kilometers" | "kilometres" | "km" => Some(("square_kilometers", 2)),
            "miles" | "mile" => Some(("square_miles", 2)),
            "meters" | "metres" | "m" => Some(("square_meters", 2)),
            "feet" | "ft" => Some(("square_feet", 2)),
            _ => None,
        };
    }
    if matches!(w, "cubic" | "cu") {
        return match w1 {
            "meters" | "metres" | "m" => Some(("cubic_meters", 2)),
            "feet" | "ft" => Some(("cubic_feet", 2)),
            _ => None,
        };
    }
    if w == "metric" && matches!(w1, "tons" | "tonnes" | "ton") {
        return Some(("tonnes", 2));
    }
    // A short ton is 2,000 lb, a long ton 2,240 lb: neither is a metric tonne.
    if matches!(w, "short" | "long") && matches!(w1, "tons" | "ton") {
        return Some((
            if w == "short" {
                "short_tons"
            } else {
                "long_tons"
            },
            2,
        ));
    }
    if w == "barrels" && w1 == "per" && l.is(j + 2, "day") {
        return Some(("barrels_per_day", 3));
    }
    // "barrels a day", "barrels daily", "b/d".
    if w == "barrels" && w1 == "a" && l.is(j + 2, "day") {
        return Some(("barrels_per_day", 3));
    }
    if w == "barrels" && w1 == "daily" {
        return Some(("barrels_per_day", 2));
    }
    if w == "b" && w1 == "/" && l.is(j + 2, "d") && l.joined(j) && l.joined(j + 1) {
        return Some(("barrels_per_day", 3));
    }
    if w == "troy" && matches!(w1, "ounces" | "ounce" | "oz") {
        return Some(("ounces", 2));
    }
    let u = match w {
        "tonnes" | "tonne" | "tons" | "ton" | "mt" => "tonnes",
        "barrels" | "barrel" | "bbl" | "bbls" => "barrels",
        "bpd" => "barrels_per_day",
        "ounces" | "ounce" | "oz" => "ounces",
        "bushels" | "bushel" | "bu" => "bushels",
        "bales" => "bales",
        "kg" | "kilograms" | "kilogrammes" | "kilos" | "kilogram" => "kilograms",
        "grams" | "gram" | "g" => "grams",
        "lbs" | "lb" => "pounds",
        "pounds" if w1 == "of" => "pounds",
        "km" | "kilometers" | "kilometres" | "kilometer" | "kilometre" => "kilometers",
        "miles" | "mile" => "miles",
        "meters" | "metres" | "meter" | "metre" => "meters",
        "feet" | "ft" | "foot" => "feet",
        "acres" | "acre" => "acres",
        "hectares" | "hectare" | "ha" => "hectares",
        "megawatts" | "megawatt" | "mw" => "megawatts",
        "gigawatts" | "gw" => "gigawatts",
        "kilowatts" | "kw" => "kilowatts",
        "kwh" => "kilowatt_hours",
        "litres" | "liters" | "litre" | "liter" => "liters",
        "gallons" | "gallon" => "gallons",
        "carats" => "carats",
        "degrees" => "degrees",
        "teu" | "teus" => "teu",
        _ => return None,
    };
    Some((u, 1))
}

/// Words after a number that make it part of a time expression (left to the time stage).
fn time_unit(w: &str) -> bool {
    matches!(
        w,
        "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "second"
            | "seconds"
            | "yrs"
            | "mths"
            | "hrs"
            | "mins"
            | "am"
            | "pm"
            | "gmt"
            | "bst"
            | "edt"
            | "est"
            | "quarter"
            | "quarters"
            | "half"
            | "millennium"
    )
}

pub(crate) fn month_word(w: &str) -> Option<u8> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" | "febr" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Token `i` is a capitalized month name (with an optional abbreviation dot after it).
fn is_month_tok(l: &Lexed, i: usize) -> bool {
    l.is_word(i) && l.capitalized(i) && month_word(l.w(i)).is_some()
}

/// The number at `n` is part of a date or clock time, so it is not a quantity.
fn in_date_or_time(l: &Lexed, n: &Num) -> bool {
    let i = n.first;
    let e = n.last;
    if !n.digits {
        return false;
    }
    // Month before: "July 25", "Jan. 5"
    if i > 0 && is_month_tok(l, i - 1) {
        return true;
    }
    if i > 1 && l.is(i - 1, ".") && is_month_tok(l, i - 2) {
        return true;
    }
    // "25 July", "25th of July"
    if is_month_tok(l, e) || (l.is(e, "of") && is_month_tok(l, e + 1)) {
        return n.value <= 31.0;
    }
    // Numeric dates and clock times: "7/25/2025", "2025-07-25", "10:30", "10.30 am".
    let sepd = |k: usize| matches!(l.w(k), "/" | "-" | ":" | ".");
    if e < l.len()
        && sepd(e)
        && l.joined(e - 1)
        && l.joined(e)
        && l.is_num(e + 1)
        && (l.w(e) == ":" || (sepd(e + 2) && l.joined(e + 1) && l.is_num(e + 3)))
    {
        return true;
    }
    if i >= 2 && sepd(i - 1) && l.joined(i - 1) && l.joined(i - 2) && l.is_num(i - 2) {
        let s = l.w(i - 1);
        if s == ":"
            || (i >= 4 && sepd(i - 3) && l.joined(i - 3) && l.is_num(i - 4))
            || (sepd(e) && l.joined(e - 1) && l.is_num(e + 1))
        {
            return true;
        }
    }
    // "1990s", "mid-2000s", "'90s"
    if l.joined(e - 1) && l.w(e) == "s" && n.bare_int {
        return true;
    }
    if i > 0 && l.w(i - 1) == "'" && l.joined(i - 1) && n.bare_int {
        return true;
    }
    // "10 a.m.", "3 pm"
    let w = l.w(e);
    if (w == "a" || w == "p") && l.is(e + 1, ".") && l.is(e + 2, "m") {
        return true;
    }
    false
}

/// Hedge words ending right before token `i`: (qualifier, first hedge token).
fn hedge_before(l: &Lexed, i: usize) -> Option<(Qualifier, usize)> {
    if i == 0 {
        return None;
    }
    let w1 = l.w(i - 1);
    let w2 = if i >= 2 { l.w(i - 2) } else { "" };
    let w3 = if i >= 3 { l.w(i - 3) } else { "" };
    use Qualifier::*;
    // Three words.
    let three = match (w3, w2, w1) {
        ("in", "excess", "of") => Some(MoreThan),
        ("no", "more", "than") | ("not", "more", "than") => Some(AtMost),
        ("no", "less", "than") | ("not", "less", "than") | ("no", "fewer", "than") => Some(AtLeast),
        ("as", "many", "as") | ("as", "much", "as") | ("as", "high", "as") => Some(AtMost),
        ("as", "few", "as") | ("as", "little", "as") | ("as", "low", "as") => Some(AtLeast),
        ("more", "or", "less") => Some(Approx),
        _ => None,
    };
    if let Some(q) = three {
        return Some((q, i - 3));
    }
    let two = match (w2, w1) {
        ("close", "to") | ("nearly", "some") => Some(Approx),
        ("more", "than")
        | ("greater", "than")
        | ("higher", "than")
        | ("larger", "than")
        | ("just", "over")
        | ("well", "over")
        | ("upwards", "of")
        | ("just", "above")
        | ("well", "above") => Some(MoreThan),
        ("less", "than")
        | ("fewer", "than")
        | ("lower", "than")
        | ("just", "under")
        | ("just", "below")
        | ("well", "below")
        | ("well", "under")
        | ("smaller", "than") => Some(LessThan),
        ("at", "least") | ("a", "minimum") => Some(AtLeast),
        ("at", "most") | ("up", "to") | ("a", "maximum") => Some(AtMost),
        ("an", "estimated")
        | ("some", "estimated")
        | ("an", "approximate")
        | ("approximately", "some") => Some(Approx),
        _ => None,
    };
    if let Some(q) = two {
        return Some((q, i - 2));
    }
    let one = match w1 {
        "around" | "about" | "approximately" | "roughly" | "some" | "nearly" | "almost"
        | "circa" | "approx" | "estimated" | "ca" | "approaching" | "~" => Some(Approx),
        "over" | "above" | "exceeding" | "beyond" | ">" => Some(MoreThan),
        "under" | "below" | "<" => Some(LessThan),
        "minimum" => Some(AtLeast),
        "maximum" | "max" => Some(AtMost),
        "exactly" | "precisely" => Some(Exact),
        _ => None,
    };
    one.map(|q| (q, i - 1))
}

/// A read quantity before hedges and ranges are applied.
struct Reading<'c> {
    first: usize,
    last: usize, // one past
    kind: QuantityKind,
    value: f64,
    /// A static code or the context's dollar: no allocation until the quantity is kept.
    unit: Option<&'c str>,
    num: Num,
    rule: &'static str,
}

/// Token `i` sits inside a URL or URL-encoded string (the whitespace-delimited chunk around it
/// holds "://", "www." or a "%2x"/"%3x" escape).
fn in_url(l: &Lexed, i: usize) -> bool {
    let b = l.text.as_bytes();
    let (mut s, mut e) = (l.start(i), l.end(i));
    while s > 0 && !b[s - 1].is_ascii_whitespace() {
        s -= 1;
    }
    while e < b.len() && !b[e].is_ascii_whitespace() {
        e += 1;
    }
    if e - s < 8 {
        return false;
    }
    let chunk = &l.text[s..e];
    chunk.contains("://") || chunk.contains("www.") || chunk.contains("%2") || chunk.contains("%3")
}

/// Something that makes a number a quantity starts at `j` (near the number's end).
fn unit_follows(l: &Lexed, j: usize, ctx: &QuantContext) -> bool {
    j > 0 && l.near(j - 1) && (money_suffix(l, j, ctx).is_some() || percent_suffix(l, j).is_some())
}

/// The number at `i`: the strict reading, or a longer lenient one when a currency or percent
/// sign follows it ("half million usd", "three quarters billion dollars").
fn read_number(l: &Lexed, i: usize, ctx: &QuantContext) -> Option<Num> {
    // "12,34,567.89": Indian digit grouping (lakhs), which the tokenizer splits after "12".
    if l.is_num(i)
        && l.raw(i).len() <= 2
        && l.is(i + 1, ",")
        && l.joined(i)
        && l.joined(i + 1)
        && l.is_num(i + 2)
        && l.raw(i + 2).as_bytes().get(2) == Some(&b',')
        && !(i > 0 && l.joined(i - 1))
    {
        let digits = format!("{}{}", l.raw(i), l.raw(i + 2).replace(',', ""));
        if let Ok(v) = digits.parse::<f64>() {
            return Some(Num {
                first: i,
                last: i + 3,
                value: v,
                digits: true,
                words: false,
                ordinal: false,
                bare_int: false,
                scaled: false,
            });
        }
    }
    let n = num::read(l, i);
    let w = l.w(i);
    let maybe_rich = l.is_word(i)
        && matches!(
            w,
            "half"
                | "quarter"
                | "a"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "hundred"
        )
        || l.is(i + 1, "point");
    if !maybe_rich {
        return n;
    }
    match (n, rich::read(l, i)) {
        (Some(n), Some(r)) if r.last > n.last && !r.ordinal && unit_follows(l, r.last, ctx) => {
            Some(Num { scaled: true, ..r })
        }
        (None, Some(r))
            if !r.ordinal && unit_follows(l, r.last, ctx) && (w != "a" || r.last > i + 2) =>
        {
            Some(Num { scaled: true, ..r })
        }
        (n, _) => n,
    }
}

/// Cents after a whole amount: "20 dollars 43 cents", "$20 and 43c", "15 dollars 50".
fn cents_tail(l: &Lexed, j: usize, main: &Num) -> Option<(f64, usize)> {
    if main.scaled || main.value.fract() != 0.0 || main.ordinal {
        return None;
    }
    let mut k = j;
    if l.is(k, "and") {
        k += 1;
    }
    if !l.near(k - 1) {
        return None;
    }
    let m = num::read(l, k)?;
    if m.ordinal
        || m.scaled
        || m.value.fract() != 0.0
        || !(1.0..100.0).contains(&m.value)
        || (m.digits && l.raw(k).len() > 2)
    {
        return None;
    }
    let e = m.last;
    let w = l.w(e);
    if matches!(
        w,
        "cents"
            | "cent"
            | "c"
            | "pence"
            | "p"
            | "sen"
            | "sens"
            | "kopiykas"
            | "kopecks"
            | "kopeks"
            | "centavos"
            | "centimes"
    ) && l.near(e - 1)
    {
        return Some((m.value / 100.0, e + 1));
    }
    if l.is_word(e) && w != "and" || percent_suffix(l, e).is_some() || l.is(e, "$") || l.is(e, "%")
    {
        return None;
    }
    Some((m.value / 100.0, e))
}

fn read_quantity<'c>(l: &Lexed, i: usize, ctx: &'c QuantContext) -> Option<Reading<'c>> {
    // "-2.1 pct": a minus sign glued to the figure, after a space (not a hyphen range).
    let sign = l.is(i, "-") && l.joined(i) && l.is_num(i + 1) && (i == 0 || !l.joined(i - 1));
    // "minus five percent"
    if sign || matches!(l.w(i), "minus" | "negative") && l.near(i) {
        let mut r = read_quantity(l, i + 1, ctx)?;
        if r.kind == QuantityKind::Ordinal {
            return None;
        }
        r.first = i;
        r.value = -r.value;
        return Some(r);
    }
    // "half a percentage point", "a quarter of a percentage point".
    if matches!(l.w(i), "half" | "a" | "quarter" | "three") {
        let (v, k) = match (l.w(i), l.w(i + 1), l.w(i + 2)) {
            ("half", _, _) => (0.5, i + 1),
            ("a", "half" | "quarter", _) => (if l.is(i + 1, "half") { 0.5 } else { 0.25 }, i + 2),
            ("quarter", _, _) => (0.25, i + 1),
            ("three", "quarters", _) => (0.75, i + 2),
            _ => (0.0, i),
        };
        let k = match (l.w(k), l.w(k + 1)) {
            ("a" | "an", _) => k + 1,
            ("of", "a" | "an") => k + 2,
            _ => usize::MAX,
        };
        if v > 0.0 && k != usize::MAX {
            if let Some((unit, e)) = percent_suffix(l, k) {
                let n = Num {
                    first: i,
                    last: k,
                    value: v,
                    digits: false,
                    words: true,
                    ordinal: false,
                    bare_int: false,
                    scaled: false,
                };
                return Some(Reading {
                    first: i,
                    last: k + e,
                    kind: QuantityKind::Percent,
                    value: v,
                    unit: Some(unit),
                    num: n,
                    rule: "percent",
                });
            }
        }
    }
    // "percent of 10": the sign before the number.
    if matches!(l.w(i), "percent" | "percents") || (l.is(i, "per") && l.is(i + 1, "cent")) {
        let k = if l.is(i, "per") { i + 2 } else { i + 1 };
        if l.is(k, "of") && !(i > 0 && num::read(l, i - 1).is_some()) {
            if let Some(n) = num::read(l, k + 1).filter(|n| !n.ordinal) {
                return Some(Reading {
                    first: i,
                    last: n.last,
                    kind: QuantityKind::Percent,
                    value: n.value,
                    unit: Some("percent"),
                    num: n,
                    rule: "percent.prefix",
                });
            }
        }
        return None;
    }
    // "a dollar", "an euro"
    if matches!(l.w(i), "a" | "an")
        && matches!(
            l.w(i + 1),
            "dollar" | "euro" | "pound" | "yen" | "cent" | "penny"
        )
    {
        if let Some((code, k, f)) = money_suffix(l, i + 1, ctx) {
            let n = Num {
                first: i,
                last: i + 1,
                value: 1.0,
                digits: false,
                words: true,
                ordinal: false,
                bare_int: false,
                scaled: false,
            };
            let mut v = f;
            let mut last = i + 1 + k;
            if let Some((c, e)) = cents_tail(l, last, &n) {
                v += c;
                last = e;
            }
            return Some(Reading {
                first: i,
                last,
                kind: QuantityKind::Money,
                value: v,
                unit: Some(code),
                num: n,
                rule: "money.suffix",
            });
        }
    }
    // Currency before the number.
    if let Some((code, k)) = money_prefix(l, i, ctx) {
        let mut j = i + k;
        if l.is_num(j) || (l.is_word(j) && num::read(l, j).is_some_and(|n| !n.ordinal)) {
            // "US$ 4.7" allows a space; ISO codes need one word boundary anyway.
            if l.near(j - 1) {
                if let Some(n) = read_number(l, j, ctx) {
                    if !n.ordinal {
                        j = n.last;
                        let mut v = n.value;
                        // "$3.8bn" is read by `num`; "USD 6 billion" too; "$20 and 43c".
                        if let Some((c, e)) = cents_tail(l, j, &n) {
                            v += c;
                            j = e;
                        }
                        return Some(Reading {
                            first: i,
                            last: j,
                            kind: QuantityKind::Money,
                            value: v,
                            unit: Some(code),
                            num: n,
                            rule: "money.prefix",
                        });
                    }
                }
            }
        }
        // An ISO code that is not followed by a number is just a word.
        if !matches!(l.w(i), "$") && !l.is(i + 1, "$") && k == 1 && l.is_word(i) {
            // fall through to number reading of this token (it is not a number)
        }
        if k > 0 && !l.is_num(i) && !l.is_word(i) {
            return None;
        }
    }
    let n = read_number(l, i, ctx)?;
    let mut j = n.last;
    // URL fragments ("q=30%25", "%2D9114%29") are not quantities.
    if i > 0 && l.joined(i - 1) && matches!(l.w(i - 1), "%" | "=" | "?" | "&") {
        return None;
    }
    if in_url(l, i) {
        return None;
    }
    // "12-cent", "one-yen": a currency joined by a hyphen.
    if l.is(j, "-")
        && l.joined(j - 1)
        && l.joined(j)
        && matches!(
            l.w(j + 1),
            "cent" | "dollar" | "yen" | "pound" | "euro" | "dlr"
        )
    {
        if let Some((code, k, f)) = money_suffix(l, j + 1, ctx) {
            return Some(Reading {
                first: i,
                last: j + 1 + k,
                kind: QuantityKind::Money,
                value: n.value * f,
                unit: Some(code),
                num: n,
                rule: "money.suffix",
            });
        }
    }
    // "a 5.5 billion dlr deficit": suffixes may follow directly.
    if let Some((unit, k)) = percent_suffix(l, j) {
        if l.near(j - 1) {
            return Some(Reading {
                first: i,
                last: j + k,
                kind: QuantityKind::Percent,
                value: n.value,
                unit: Some(unit),
                num: n,
                rule: "percent",
            });
        }
    }
    if n.ordinal {
        return Some(Reading {
            first: i,
            last: j,
            kind: QuantityKind::Ordinal,
            value: n.value,
            unit: None,
            num: n,
            rule: "ordinal",
        });
    }
    if l.near(j - 1) {
        if let Some((code, k, f)) = money_suffix(l, j, ctx) {
            let mut v = n.value * f;
            j += k;
            // "75 USD million"; "5 billion dlrs" is already scaled.
            if let Some(s) = num::scale_word(l.w(j)).filter(|_| !n.scaled) {
                v *= s;
                j += 1;
            } else if f == 1.0 {
                if let Some((c, e)) = cents_tail(l, j, &n) {
                    v += c;
                    j = e;
                }
            }
            return Some(Reading {
                first: i,
                last: j,
                kind: QuantityKind::Money,
                value: v,
                unit: Some(code),
                num: n,
                rule: "money.suffix",
            });
        }
        if let Some((unit, k)) = measure_suffix(l, j) {
            return Some(Reading {
                first: i,
                last: j + k,
                kind: QuantityKind::Measure,
                value: n.value,
                unit: Some(unit),
                num: n,
                rule: "measure",
            });
        }
    }
    if j < l.len() && l.is(j, "-") && l.joined(j - 1) && l.joined(j) {
        // "a three-day visit" or "37-year-old": leave to other stages; the number still counts.
    }
    Some(Reading {
        first: i,
        last: j,
        kind: QuantityKind::Count,
        value: n.value,
        unit: None,
        num: n,
        rule: "count",
    })
}

/// Counts that are not worth reporting in news: years, date parts, pronoun "one".
fn drop_count(l: &Lexed, r: &Reading) -> bool {
    let n = &r.num;
    if r.kind == QuantityKind::Money
        || r.kind == QuantityKind::Percent
        || r.kind == QuantityKind::Measure
    {
        return false;
    }
    if in_date_or_time(l, n) {
        return true;
    }
    // "two-way trade", "a one-way ticket": an idiom, not a count.
    if n.words && l.is(n.last, "-") && l.joined(n.last - 1) && l.w(n.last + 1) == "way" {
        return true;
    }
    // "&#3;": a character reference left in wire text.
    if n.digits && n.first >= 2 && l.is(n.first - 1, "#") && l.is(n.first - 2, "&") {
        return true;
    }
    if r.kind == QuantityKind::Ordinal {
        // Dates ("the 25th of July"), centuries and quarters belong to the time stage;
        // plain "first"/"second" are too often not ranks.
        let nx = l.w(r.last);
        let nx = if nx == "-" { l.w(r.last + 1) } else { nx };
        if time_unit(nx) || nx == "of" && month_word(l.w(r.last + 1)).is_some() {
            return true;
        }
        if n.words && n.value <= 2.0 && !rank_word(nx) {
            return true;
        }
        return false;
    }
    // Bare years.
    if n.bare_int && n.value >= 1900.0 && n.value <= 2100.0 && l.raw(n.first).len() == 4 {
        return true;
    }
    // "1986/87", both halves.
    if n.bare_int && l.is(n.last, "/") && l.joined(n.last - 1) {
        return true;
    }
    if n.bare_int
        && n.first >= 2
        && l.is(n.first - 1, "/")
        && l.joined(n.first - 1)
        && l.joined(n.first - 2)
        && l.raw(n.first - 2).len() == 4
        && l.raw(n.first).len() == 2
    {
        return true;
    }
    let nx = l.w(r.last);
    if time_unit(nx) || (nx == "-" && l.joined(r.last - 1) && time_unit(l.w(r.last + 1))) {
        return true;
    }
    // "one of the", "no one": pronoun uses.
    if n.words && n.value == 1.0 && l.w(n.first) == "one" {
        return true;
    }
    // Words glued to letters: "C5", "G7", "F-16", "B-52".
    let i = n.first;
    if n.digits
        && i > 0
        && l.joined(i - 1)
        && (l.is_word(i - 1) || (l.is(i - 1, "-") && i > 1 && l.joined(i - 2) && l.is_word(i - 2)))
    {
        return true;
    }
    if n.digits && l.joined(r.last - 1) && l.is_word(r.last) && !n.scaled {
        return true;
    }
    false
}

fn rank_word(w: &str) -> bool {
    matches!(
        w,
        "largest"
            | "biggest"
            | "highest"
            | "lowest"
            | "smallest"
            | "most"
            | "place"
            | "largest-ever"
            | "ranked"
            | "round"
            | "consecutive"
            | "straight"
            | "best"
            | "worst"
            | "richest"
            | "busiest"
            | "leading"
            | "major"
    )
}

/// Finds the quantities in `text`.
pub fn extract(text: &str, ctx: &QuantContext) -> Vec<QuantityExpr> {
    let l = Lexed::new(text);
    extract_lexed(&l, ctx)
}

/// [`extract`] over an already tokenized text.
pub fn extract_lexed(l: &Lexed, ctx: &QuantContext) -> Vec<QuantityExpr> {
    let mut out: Vec<QuantityExpr> = Vec::new();
    let mut meta: Vec<Meta> = Vec::new();
    let mut i = 0;
    while i < l.len() {
        if !could_start(l, i) {
            i += 1;
            continue;
        }
        let Some(r) = read_quantity(l, i, ctx) else {
            i += 1;
            continue;
        };
        if drop_count(l, &r) {
            i = r.last.max(i + 1);
            continue;
        }
        let mut q = QuantityExpr {
            start: l.start(r.first),
            end: l.end(r.last - 1),
            kind: r.kind,
            value: r.value,
            range: None,
            unit: r.unit.map(str::to_string),
            qualifier: None,
            hedge_start: None,
            rule: r.rule,
        };
        let mut next = r.last;
        let mut scale = news::scale_of(l, &r.num);
        // Ranges: "10 to 42", "between 5 and 10 pct", "3-4 billion dlrs".
        let between = r.first > 0 && l.is(r.first - 1, "between");
        let joiner = l.w(r.last);
        // "3.90/4.0 pct": a quoted pair of rates, glued by a slash, reads as a range.
        let slash_pair = joiner == "/"
            && r.kind == QuantityKind::Count
            && !r.num.bare_int
            && l.joined(r.last - 1)
            && l.joined(r.last)
            && l.is_num(r.last + 1)
            && !l.raw(r.last + 1).contains(',');
        // "68 or 69 pct": alternatives with one unit read as a range too.
        let or_pair = joiner == "or" && r.kind == QuantityKind::Count && !r.num.scaled;
        let is_join = matches!(joiner, "to" | "-" | "–" | "through")
            || (joiner == "and" && between)
            || slash_pair
            || or_pair;
        // "rose 700 mln dlrs to 14.8 billion dlrs": a change and a level, each with its unit.
        // "rose 100 mln to 22.8 billion": two scaled figures after a change verb are a change
        // and a level too (a range writes the scale once: "100 to 200 mln").
        // "fell 2-1/4 to 45-3/8": a level far above the change is no range end either.
        let change = joiner == "to"
            && r.first > 0
            && news::change_word(l.w(r.first - 1))
            && (r.kind != QuantityKind::Count
                || read_number(l, r.last + 1, ctx)
                    .is_some_and(|n| r.num.scaled && n.scaled || n.value > 4.0 * r.value));
        if is_join && !change && r.kind != QuantityKind::Ordinal && l.near(r.last) {
            let r2 = read_quantity(l, r.last + 1, ctx);
            // "two to three weeks", "six to 10 day": a duration range, the time stage's.
            if r.kind == QuantityKind::Count
                && r2.as_ref().is_some_and(|r2| {
                    let nx = l.w(r2.last);
                    let nx = if nx == "-" { l.w(r2.last + 1) } else { nx };
                    r2.kind == QuantityKind::Count && time_unit(nx)
                })
            {
                i = r.last;
                continue;
            }
            if let Some(r2) = r2 {
                let compatible = r2.kind == r.kind || r.kind == QuantityKind::Count;
                let hy = joiner == "-" || joiner == "–";
                let hy_ok = !hy
                    || (l.joined(r.last - 1) || !l.joined(r.last)) && !r2.num.bare_int
                    || (l.joined(r.last - 1) && l.joined(r.last));
                let slash_ok = !slash_pair || r2.kind == QuantityKind::Percent;
                let or_ok = !or_pair
                    || matches!(r2.kind, QuantityKind::Percent | QuantityKind::Money)
                        && !r2.num.scaled;
                // "fell 21,600 to 3.02 mln": an unscaled figure far from a scaled one is a
                // change and a level, not a range ("5 to 10 mln", "500,000 to 1 mln" are).
                let s2 = news::scale_of(l, &r2.num);
                // Two scaled figures far apart ("a rise of 200 mln to 82.2 billion") too.
                let levels = r.kind == QuantityKind::Count
                    && s2 > 1.0
                    && (r.num.scaled || r.num.value >= r2.num.value / s2)
                    && (r.value * 20.0 < r2.value || r.value > r2.value);
                if slash_ok
                    && or_ok
                    && !levels
                    && (compatible
                        && r2.kind != QuantityKind::Ordinal
                        && hy_ok
                        && !drop_count(l, &r2)
                        || (compatible
                            && r2.kind != QuantityKind::Count
                            && r2.kind != QuantityKind::Ordinal))
                {
                    let mut lo = r.value;
                    let hi = r2.value;
                    // "5 to 10 million dlrs", "between two and three billion dlrs": the scale
                    // (and currency factor) of the high end applies to the low end.
                    if r.kind == QuantityKind::Count
                        && s2 > 1.0
                        && !r.num.scaled
                        && r.num.value < r2.num.value / s2
                        && r2.num.value != 0.0
                    {
                        lo *= r2.value / r2.num.value * s2;
                        scale = s2;
                    }
                    if r.kind == QuantityKind::Count && r2.kind != QuantityKind::Count {
                        q.kind = r2.kind;
                        q.unit = r2.unit.map(str::to_string);
                        q.rule = r2.rule;
                    }
                    q.value = lo;
                    q.range = Some((lo, hi));
                    q.end = l.end(r2.last - 1);
                    q.rule = "range";
                    next = r2.last;
                }
            }
        }
        // "37 U.S. cities", "six major industrial powers": the counted noun joins the span.
        let mut counted = false;
        if q.kind == QuantityKind::Count {
            if let Some(e) = news::counted_noun(l, next) {
                // "four full years", "26 shopping days": a duration, the time stage's.
                if time_unit(l.w(e - 1)) {
                    i = e;
                    continue;
                }
                q.end = l.end(e - 1);
                counted = true;
                if let Some(u) = news::count_unit(l.w(e - 1)) {
                    q.unit = Some(u.to_string());
                }
                next = e;
            }
        }
        // "Net 38 mln", "Revs 1.71 billion": results tables state money without a currency.
        if q.kind == QuantityKind::Count
            && q.unit.is_none()
            && !counted
            && news::money_label(l, r.first)
        {
            q.kind = QuantityKind::Money;
            q.unit = Some(ctx.default_dollar.as_deref().unwrap_or("USD").to_string());
            q.rule = "money.label";
        }
        // "Avg shrs 14.7 mln": a share count in a results table.
        if q.kind == QuantityKind::Count
            && q.unit.is_none()
            && r.first > 0
            && matches!(l.w(r.first - 1), "shrs" | "shs")
        {
            q.unit = Some("shares".to_string());
        }
        if let Some((qual, h)) = hedge_before(l, r.first) {
            q.qualifier = Some(qual);
            q.hedge_start = Some(l.start(h));
        } else if l.is(next, "or") && l.near(next) {
            // "20 or so", "50 mln dlrs or more", "5 pct or less": a hedge after the figure.
            q.qualifier = match l.w(next + 1) {
                "so" => Some(Qualifier::Approx),
                "more" | "over" | "above" => Some(Qualifier::AtLeast),
                "less" | "fewer" | "under" | "below" => Some(Qualifier::AtMost),
                _ => None,
            };
        }
        meta.push(Meta {
            first: r.first,
            last: next,
            scale,
            counted,
        });
        out.push(q);
        i = next;
    }
    borrow_units(l, &mut out, &meta);
    out
}

/// Token positions and readings of an extracted quantity, for the rules that look back.
struct Meta {
    first: usize,
    last: usize,
    /// The scale word's factor (1e9 for "billion"), 1 when none.
    scale: f64,
    /// A counted noun follows the number ("37 U.S. cities").
    counted: bool,
}

/// Bare figures borrow the unit of an earlier figure in the same sentence, as wire copy
/// writes them: "rose to 34 billion francs in 1986 from 20 billion" (francs), "fell to 3.2 pct
/// from 4.8" (percent), "rising to 10 billion from six" (six billion).
fn borrow_units(l: &Lexed, out: &mut [QuantityExpr], meta: &[Meta]) {
    for k in 1..out.len() {
        let q = &out[k];
        let m = &meta[k];
        if q.kind != QuantityKind::Count
            || q.unit.is_some()
            || m.counted
            || q.range.is_some()
            || q.value == 0.0
        {
            continue;
        }
        let scaled = m.scale > 1.0;
        // The latest figure with a unit (a currency or measure for a scaled figure: "fell
        // 2.6 billion dlrs or nine pct to 26.9 billion"), within the sentence.
        let Some(p) = (0..k).rev().find(|&p| {
            out[p].unit.is_some()
                && match out[p].kind {
                    QuantityKind::Money | QuantityKind::Measure => true,
                    QuantityKind::Percent => !scaled,
                    // "Avg shrs 14.7 mln vs 12.6 mln": a count with a unit stops the search.
                    QuantityKind::Count => true,
                    QuantityKind::Ordinal => false,
                }
        }) else {
            continue;
        };
        // A scaled figure ("6.77 billion") reads as money within a few paragraphs of the last
        // money figure (wire paragraphs are a sentence or two); an unscaled one only within
        // its sentence.
        let apart = if scaled {
            m.first.saturating_sub(meta[p].last) > 150
        } else {
            news::sentence_break(l, meta[p].last - 1, m.first)
        };
        if apart {
            continue;
        }
        let compared = news::comparison_word(l, m.first, out[p].kind != QuantityKind::Percent);
        let adjacent = p + 1 == k && m.first.saturating_sub(meta[p].last) <= 12;
        let unit = out[p].unit.clone();
        let (kind, pscale) = (out[p].kind, meta[p].scale);
        let q = &mut out[k];
        match kind {
            // "from 20 billion": a scaled figure is money in a money sentence.
            QuantityKind::Money | QuantityKind::Measure if scaled => {
                q.kind = kind;
                q.unit = unit;
                q.rule = "borrowed";
            }
            // "from six" right after "10 billion francs": the scale comes along, once the
            // figure directly follows the one it is compared with.
            QuantityKind::Money | QuantityKind::Measure if compared && adjacent => {
                q.kind = kind;
                q.unit = unit;
                q.value *= pscale;
                q.rule = "borrowed";
            }
            QuantityKind::Percent if compared && adjacent => {
                q.kind = kind;
                q.unit = unit;
                q.rule = "borrowed";
            }
            QuantityKind::Count if compared && adjacent => {
                q.unit = unit;
                if !scaled {
                    q.value *= pscale;
                }
                q.rule = "borrowed";
            }
            _ => {}
        }
    }
}

/// A quick check that a quantity can start at token `i`.
#[inline]
fn could_start(l: &Lexed, i: usize) -> bool {
    match l.kind(i) {
        Some(TokKind::Num) => true,
        Some(TokKind::Sym) => {
            let b = l.raw(i).as_bytes()[0];
            b == b'$'
                || b >= 0x80
                || b == b'.'
                || (b == b'-' && l.joined(i) && l.is_num(i + 1) && (i == 0 || !l.joined(i - 1)))
        }
        Some(TokKind::Word) => {
            let c = l.class(i);
            if c & lex::cls::NUM != 0 {
                return true;
            }
            let next = l.kind(i + 1);
            if c & lex::cls::QSTART != 0 {
                // "a"/"an"/"per" are frequent: they start a quantity only before a number
                // word ("a million", "a third"), a currency noun ("a dollar"), "A$" or "cent".
                return match l.w(i) {
                    "a" | "an" => {
                        l.class(i + 1) & lex::cls::NUM != 0
                            || (next == Some(TokKind::Sym) && l.joined(i))
                            || matches!(
                                l.w(i + 1),
                                "dollar" | "euro" | "pound" | "yen" | "cent" | "penny"
                            )
                    }
                    "per" => l.is(i + 1, "cent"),
                    _ => true,
                };
            }
            // Currency codes and signs before a number: "USD 6", "US$4.7", "c $ 16.4", "Rs. 20",
            // "malaysian ringgit 42". Most words are followed by two more words: no prefix.
            match next {
                Some(TokKind::Num | TokKind::Sym) => {}
                Some(TokKind::Word) if l.is_num(i + 2) => {}
                _ => return false,
            }
            let next_num =
                |k: usize| l.is_num(k) || l.is(k, "$") || (l.is(k, ".") && l.is_num(k + 1));
            let w = l.w(i);
            let word_ok = l.raw(i).len() <= 4
                || matches!(w, "ringgit" | "ringgits" | "malaysia" | "malaysian");
            word_ok
                && (next_num(i + 1)
                    || next_num(i + 2)
                    || (l.is(i + 1, ".") && (l.is(i + 2, "s") || l.is_num(i + 2))))
                && money_prefix(l, i, &QuantContext::default()).is_some()
        }
        None => false,
    }
}

/// A unit, currency or percent sign starts at token `j` (so the number before it is a
/// quantity, not a year). Used by the time stage.
pub fn unit_after(l: &Lexed, j: usize) -> bool {
    if matches!(l.kind(j), None | Some(TokKind::Num)) {
        return false;
    }
    let ctx = QuantContext::default();
    percent_suffix(l, j).is_some()
        || money_suffix(l, j, &ctx).is_some()
        || measure_suffix(l, j).is_some()
        || matches!(
            l.w(j),
            "people"
                | "persons"
                | "workers"
                | "employees"
                | "jobs"
                | "troops"
                | "soldiers"
                | "shares"
                | "units"
                | "vehicles"
                | "cars"
                | "homes"
                | "houses"
                | "students"
                | "members"
                | "votes"
                | "seats"
                | "copies"
                | "points"
                | "times"
                | "pieces"
                | "cases"
                | "deaths"
                | "refugees"
                | "delegates"
                | "acres"
                | "children"
        )
}

/// A currency sign or code ends right before token `i` ("USD 2016", "$ 2000").
pub fn currency_before(l: &Lexed, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let ctx = QuantContext::default();
    (1..=5).any(|k| i >= k && money_prefix(l, i - k, &ctx).is_some_and(|(_, n)| n == k))
}

/// Percent words used as nouns without a figure ("a small percent", "the % of increase",
/// "calculate a percentage"): byte spans `[start, end)` of the word. They carry no value, so
/// [`extract`] leaves them out; reference suites count them as percentage mentions.
pub fn percent_words(text: &str) -> Vec<(usize, usize)> {
    let l = Lexed::new(text);
    let mut out = Vec::new();
    for i in 1..l.len() {
        if !matches!(l.w(i), "percent" | "percentage" | "%") {
            continue;
        }
        let det = matches!(
            l.w(i - 1),
            "a" | "an"
                | "the"
                | "this"
                | "that"
                | "what"
                | "which"
                | "small"
                | "large"
                | "big"
                | "high"
                | "low"
                | "higher"
                | "lower"
                | "certain"
                | "given"
                | "greater"
                | "smaller"
        );
        // "percentage points" and "percent of 10" carry a figure; the full reader has them.
        let figure_after =
            l.is(i + 1, "point") || l.is(i + 1, "points") || (l.is(i + 1, "of") && l.is_num(i + 2));
        // A sign glued to its neighbours is URL escaping ("a%20dog"), not a word.
        let glued = l.is(i, "%") && (l.joined(i - 1) || l.joined(i));
        if det && !figure_after && !glued {
            out.push((l.start(i), l.end(i)));
        }
    }
    out
}

/// The lowercase month number of a month word ("jan", "january"), for the time stage.
pub fn month_number(w: &str) -> Option<u8> {
    month_word(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_as_shares_and_as_two_numbers() {
        let got = percent_shares("one out of three and 1/4 of them");
        let spans: Vec<(usize, usize)> = got.iter().map(|n| (n.start, n.end)).collect();
        assert_eq!(spans, vec![(0, 16), (21, 27)]);
        assert!((got[0].value - 100.0 / 3.0).abs() < 1e-9);
        assert!((got[1].value - 25.0).abs() < 1e-9);
        let split = numbers_split_ratios("one out of three");
        let values: Vec<f64> = split.iter().map(|n| n.value).collect();
        assert_eq!(values, vec![1.0, 3.0]);
    }

    #[test]
    fn percent_words_without_figures() {
        let text = "Only a tiny percentage voted; the percent rose 5 percent, 2 percentage points.";
        let got: Vec<&str> = percent_words(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(got, vec!["percent"]);
        let text = "What percentage of the vote? A large percent.";
        assert_eq!(percent_words(text).len(), 2);
        assert!(percent_words("see x.org/a%20dog and the % of it").len() == 1);
    }

    #[test]
    fn lowercase_keeps_offsets() {
        let l = Lexed::new("Ünïcode 5 €");
        assert_eq!(l.raw(1), "5");
    }
}
