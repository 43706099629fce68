//! Number ranges and bounds in words and symbols: "between 20 and 30", "more than 5000 or
//! equal to", "at most 100 and at least 20", "no less than thirty", ">= 30", "1000 - 5000".
//!
//! Each range is an interval with optional, open or closed ends; the hedge and comparison
//! words are part of the span here, unlike [`crate::extract`], where hedges become qualifiers.

use crate::lex::Lexed;
use crate::rich;

/// One end of an interval: value and whether it is included.
pub type Bound = Option<(f64, bool)>;

/// A range expression.
#[derive(Debug, Clone, PartialEq)]
pub struct RangeExpr {
    /// Byte offsets `[start, end)`, comparison words included.
    pub start: usize,
    pub end: usize,
    pub low: Bound,
    pub high: Bound,
}

impl RangeExpr {
    /// Interval notation: `[20,30)`, `(30,)`, `(,100]`.
    pub fn notation(&self) -> String {
        let f = |v: f64| {
            if v.fract() == 0.0 && v.abs() < 1e15 {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            }
        };
        let (lb, lv) = match self.low {
            Some((v, inc)) => (if inc { '[' } else { '(' }, f(v)),
            None => ('(', String::new()),
        };
        let (hb, hv) = match self.high {
            Some((v, inc)) => (if inc { ']' } else { ')' }, f(v)),
            None => (')', String::new()),
        };
        format!("{lb}{lv},{hv}{hb}")
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Side {
    Low,
    High,
    Equal,
}

/// A comparison phrase at `i`: (side, inclusive, tokens used).
fn comparator(l: &Lexed, i: usize) -> Option<(Side, bool, usize)> {
    let w = |k: usize| l.w(i + k);
    let comp = |k: usize| -> Option<Side> {
        match w(k) {
            "more" | "greater" | "larger" | "bigger" | "higher" => Some(Side::Low),
            "less" | "fewer" | "smaller" | "lower" => Some(Side::High),
            _ => None,
        }
    };
    // Symbols: ">=", "> =", "<=", "< =", ">", "<", "=", "≥", "≤"
    match l.raw(i) {
        // "<>30" (not equal), "=>30", "=<30": not a bound.
        ">" | "<" if i > 0 && l.joined(i - 1) && matches!(l.raw(i - 1), "<" | "=" | ">") => {
            return None
        }
        ">" | "<" => {
            let side = if l.raw(i) == ">" {
                Side::Low
            } else {
                Side::High
            };
            if l.is(i + 1, "=") {
                return Some((side, true, 2));
            }
            return Some((side, false, 1));
        }
        "≥" => return Some((Side::Low, true, 1)),
        "≤" => return Some((Side::High, true, 1)),
        "=" => return Some((Side::Equal, true, 1)),
        _ => {}
    }
    // "equal to or more than", "equal to or less than"
    if w(0) == "equal" && w(1) == "to" && w(2) == "or" {
        if let Some(side) = comp(3) {
            let k = if w(4) == "than" { 5 } else { 4 };
            return Some((side, true, k));
        }
    }
    // "at least or equal to"
    if w(0) == "at" && w(1) == "least" && w(2) == "or" && w(3) == "equal" && w(4) == "to" {
        return Some((Side::Low, true, 5));
    }
    // "more than or equal to", "less than or equal to", "bigger or equal than", "less or equal than"
    if let Some(side) = comp(0) {
        if w(1) == "than" && w(2) == "or" && w(3) == "equal" && matches!(w(4), "to" | "than") {
            return Some((side, true, 5));
        }
        if w(1) == "or" && w(2) == "equal" && matches!(w(3), "to" | "than") {
            return Some((side, true, 4));
        }
        if w(1) == "than" {
            return Some((side, false, 2));
        }
    }
    match (w(0), w(1), w(2)) {
        ("no" | "not", "less" | "fewer", "than") => return Some((Side::Low, true, 3)),
        ("no" | "not", "more" | "greater", "than") => return Some((Side::High, true, 3)),
        ("at", "least", _) => return Some((Side::Low, true, 2)),
        ("at", "most", _) => return Some((Side::High, true, 2)),
        ("up", "to", _) => return Some((Side::High, true, 2)),
        ("equal", "to", _) | ("equals", "to", _) | ("equaling", "to", _) => {
            return Some((Side::Equal, true, 2))
        }
        _ => {}
    }
    match w(0) {
        "above" | "over" | "exceed" | "exceeds" | "exceeding" | "surpass" | "surpasses"
        | "beyond" => Some((Side::Low, false, 1)),
        "below" | "under" => Some((Side::High, false, 1)),
        "equals" | "equaling" => Some((Side::Equal, true, 1)),
        _ => None,
    }
}

/// A number (with an optional article or "the" before ordinals) at `i`: (value, end).
fn number(l: &Lexed, i: usize) -> Option<(f64, usize)> {
    let mut k = i;
    if l.is(k, "the") {
        k += 1;
    }
    // A minus glued or spaced before digits: "-30", "- 30".
    let neg = l.is(k, "-") && l.is_num(k + 1);
    if neg {
        k += 1;
    }
    let n = rich::read(l, k)?;
    // Years and dates are not range ends here unless written as plain numbers.
    let v = if neg { -n.value } else { n.value };
    Some((v, n.last))
}

/// A postfix bound after a number: "or more", "and more", "or greater", "or less",
/// "or equal (to)", "or greater than": (side, inclusive, tokens used).
fn postfix(l: &Lexed, j: usize) -> Option<(Side, bool, usize)> {
    if !matches!(l.w(j), "or" | "and") {
        return None;
    }
    let side = match l.w(j + 1) {
        "more" | "greater" | "above" | "higher" | "larger" | "bigger" | "over" => Side::Low,
        "less" | "fewer" | "below" | "lower" | "smaller" | "under" => Side::High,
        "equal" => {
            return None;
        }
        _ => return None,
    };
    // "200 or greater than 190" is another bound, not a postfix.
    if l.is(j + 2, "than") {
        if number(l, j + 3).is_some() {
            return None;
        }
        return Some((side, true, 3));
    }
    Some((side, true, 2))
}

fn bound_of(side: Side, v: f64, inc: bool) -> (Bound, Bound) {
    match side {
        Side::Low => (Some((v, inc)), None),
        Side::High => (None, Some((v, inc))),
        Side::Equal => (Some((v, true)), Some((v, true))),
    }
}

/// One bound starting at `i` (comparator first or number first): (low, high, end).
fn one_bound(l: &Lexed, i: usize) -> Option<(Bound, Bound, usize)> {
    if let Some((side, inc, k)) = comparator(l, i) {
        let (v, mut e) = number(l, i + k)?;
        let mut inc = inc;
        // "less than 5000 or equal (to)" (but not "or equal to 6000")
        let more =
            |k: usize| number(l, k).is_some() || (l.is(k, "to") && number(l, k + 1).is_some());
        if l.is(e, "or") && l.is(e + 1, "equal") && !inc && !more(e + 2) {
            inc = true;
            e += 2;
            if l.is(e, "to") && number(l, e + 1).is_none() {
                e += 1;
            }
        }
        // "equal to 5000 or less", "equal to 5000 or more than"
        if side == Side::Equal {
            if let Some((s2, _, k2)) = postfix(l, e) {
                let (lo, hi) = bound_of(s2, v, true);
                return Some((lo, hi, e + k2));
            }
        }
        let (lo, hi) = bound_of(side, v, inc);
        return Some((lo, hi, e));
    }
    let (v, e) = number(l, i)?;
    let (side, inc, k) = postfix(l, e)?;
    let (lo, hi) = bound_of(side, v, inc);
    Some((lo, hi, e + k))
}

/// All range expressions in `text`.
pub fn ranges(text: &str) -> Vec<RangeExpr> {
    ranges_with(text, false)
}

/// All range expressions in `text`; with `closed_spans`, "between X and Y", "X to Y" and
/// "X-Y" include their high end (`[20,30]`), as some conventions read them.
pub fn ranges_with(text: &str, closed_spans: bool) -> Vec<RangeExpr> {
    let l = Lexed::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < l.len() {
        // "between X and Y", "from X to Y"
        if matches!(l.w(i), "between" | "from") {
            if let Some((a, e1)) = number(&l, i + 1) {
                let join_ok = if l.is(i, "between") {
                    l.is(e1, "and")
                } else {
                    matches!(l.w(e1), "to" | "till" | "until" | "through")
                };
                if join_ok {
                    if let Some((b, e2)) = number(&l, e1 + 1) {
                        out.push(RangeExpr {
                            start: l.start(i),
                            end: l.end(e2 - 1),
                            low: Some((a, true)),
                            high: Some((b, closed_spans)),
                        });
                        i = e2;
                        continue;
                    }
                }
            }
        }
        // "X to Y", "X - Y", "X~Y", "X through Y"
        if l.is_num(i) || l.is_word(i) {
            if let Some((a, e1)) = number(&l, i) {
                let phone = (i > 0 && l.is(i - 1, "+")) || matches!(l.w(e1 + 2), "-" | "/");
                if matches!(l.w(e1), "to" | "through" | "-" | "–" | "~")
                    && !(i > 0 && matches!(l.w(i - 1), "from" | "between"))
                    && !phone
                {
                    if let Some((b, e2)) = number(&l, e1 + 1) {
                        if b > a {
                            out.push(RangeExpr {
                                start: l.start(i),
                                end: l.end(e2 - 1),
                                low: Some((a, true)),
                                high: Some((b, closed_spans)),
                            });
                            i = e2;
                            continue;
                        }
                    }
                }
            }
        }
        if let Some((lo, hi, e)) = one_bound(&l, i) {
            let mut r = RangeExpr {
                start: l.start(i),
                end: l.end(e - 1),
                low: lo,
                high: hi,
            };
            let mut next = e;
            // A second bound on the other side: "larger than 10 and smaller than 20",
            // "at most 100 and at least 20", "above 1000 and below 1500".
            let mut k = e;
            if l.is(k, ",") {
                k += 1;
            }
            if matches!(l.w(k), "and" | "but") {
                k += 1;
            }
            if k > e || l.is(e, ",") {
                if let Some((lo2, hi2, e2)) = one_bound(&l, k) {
                    let fits = (r.low.is_some()
                        && r.high.is_none()
                        && hi2.is_some()
                        && lo2.is_none())
                        || (r.high.is_some() && r.low.is_none() && lo2.is_some() && hi2.is_none());
                    let ordered = match (r.low.or(lo2), r.high.or(hi2)) {
                        (Some((a, _)), Some((b, _))) => a < b,
                        _ => false,
                    };
                    if fits && ordered {
                        r.low = r.low.or(lo2);
                        r.high = r.high.or(hi2);
                        r.end = l.end(e2 - 1);
                        next = e2;
                    }
                }
            }
            out.push(r);
            i = next;
            continue;
        }
        // Skip over a whole number so its inner words do not start a bound.
        match number(&l, i) {
            Some((_, e)) if e > i => i = e,
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_spans_include_the_high_end() {
        let r = ranges_with("The range is 1000-5000", true);
        assert_eq!(r[0].notation(), "[1000,5000]");
        assert_eq!(
            ranges("The range is 1000-5000")[0].notation(),
            "[1000,5000)"
        );
    }

    #[test]
    fn odd_operators_are_no_bounds() {
        for text in ["<>30", "=>30", "=<30"] {
            assert!(ranges(text).is_empty(), "{text}: {:?}", ranges(text));
        }
    }

    #[test]
    fn readings() {
        let cases = [
            (
                "The number is between 20 and 30.",
                "between 20 and 30",
                "[20,30)",
            ),
            (
                "He is more than thirty years old.",
                "more than thirty",
                "(30,)",
            ),
            (
                "at most 100 and at least 20 apples",
                "at most 100 and at least 20",
                "[20,100]",
            ),
            ("His score is 200 or greater", "200 or greater", "[200,)"),
            ("x >= 30 holds", ">= 30", "[30,)"),
            (
                "less than or equal to 100",
                "less than or equal to 100",
                "(,100]",
            ),
            (
                "x is equal to one hundred and seventy.",
                "equal to one hundred and seventy",
                "[170,170]",
            ),
        ];
        for (text, span, note) in cases {
            let r = ranges(text);
            assert_eq!(r.len(), 1, "{text}: {r:?}");
            assert_eq!(&text[r[0].start..r[0].end], span, "{text}");
            assert_eq!(r[0].notation(), note, "{text}");
        }
    }
}
