//! Consistency checks between facts: parts against totals (exports + imports ≈ two-way
//! trade), sharp changes between periods (beyond ±30%), and conflicts (the same indicator,
//! pair and period stated with values more than 5% apart), within a document
//! ([`annotate`]) and across documents ([`check_across`]).
//!
//! Facts are compared in a canonical reading so that mirrored statements meet: "B imports
//! from A" is "A exports to B", "B's deficit with A" is "A's surplus with B" with the sign
//! flipped, and two-way trade has no direction. Only facts with the same unit are compared;
//! we never convert currencies.

use std::collections::BTreeMap;

use attache_model::{Check, Fact};
use serde::{Deserialize, Serialize};

/// Tolerance of a parts-against-total sum, as a share of the total.
pub const SUM_TOLERANCE: f64 = 0.05;
/// A change between two periods beyond this share of the earlier value is flagged.
pub const SHARP_CHANGE: f64 = 0.30;
/// Two statements of one figure further apart than this share conflict.
pub const CONFLICT_TOLERANCE: f64 = 0.05;

/// A check across documents; `facts` index the slice given to [`check_across`], `docs`
/// names the document of each.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CrossCheck {
    pub kind: String,
    pub status: String,
    pub message: String,
    pub facts: Vec<usize>,
    pub docs: Vec<String>,
}

/// A fact in its canonical reading: who to whom, and the value's sign in that reading.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    indicator: String,
    a: String,
    b: String,
    unit: String,
}

fn canonical(f: &Fact) -> Option<(Key, f64)> {
    let s = f.subject.clone()?;
    let p = f.partner.clone()?;
    let unit = f.unit.clone().unwrap_or_default();
    let (ind, a, b, sign) = match f.indicator.as_str() {
        "trade.imports" => ("trade.exports", p, s, 1.0),
        "trade.balance" if s > p => ("trade.balance", p, s, -1.0),
        "trade.total" | "relations.established" | "flights.weekly" if s > p => {
            (f.indicator.as_str(), p, s, 1.0)
        }
        other => (other, s, p, 1.0),
    };
    Some((
        Key {
            indicator: ind.to_string(),
            a,
            b,
            unit,
        },
        sign,
    ))
}

fn fmt_value(v: f64) -> String {
    let a = v.abs();
    let (x, suffix) = if a >= 1e9 {
        (v / 1e9, " bn")
    } else if a >= 1e6 {
        (v / 1e6, " mln")
    } else {
        (v, "")
    };
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    format!("{s}{suffix}")
}

fn pair_label(k: &Key) -> String {
    format!("{}–{}", k.a, k.b)
}

/// Periods comparable as a sequence: same granularity (year, quarter, month), no ranges.
fn period_rank(p: &str) -> Option<(u8, i64)> {
    if p.contains('/') {
        return None;
    }
    let y: i64 = p.get(..4)?.parse().ok()?;
    if p.len() == 4 {
        return Some((0, y));
    }
    if let Some(q) = p.strip_prefix(&format!("{y}-Q")) {
        let q: i64 = q.parse().ok()?;
        return Some((1, y * 4 + q));
    }
    if p.len() == 7 {
        let m: i64 = p[5..7].parse().ok()?;
        return Some((2, y * 12 + m));
    }
    None
}

/// One check over facts named by their positions in some list.
struct Found {
    kind: &'static str,
    status: &'static str,
    message: String,
    facts: Vec<usize>,
}

fn relative_gap(x: f64, y: f64) -> f64 {
    let m = x.abs().max(y.abs());
    if m == 0.0 {
        0.0
    } else {
        (x - y).abs() / m
    }
}

/// Conflicts: the same canonical figure for the same period, more than 5% apart.
fn conflicts(facts: &[&Fact], same_group: impl Fn(usize, usize) -> bool) -> Vec<Found> {
    let mut groups: BTreeMap<(Key, String), Vec<(usize, f64)>> = BTreeMap::new();
    for (i, f) in facts.iter().enumerate() {
        let (Some(v), Some(p)) = (f.value, f.period.clone()) else {
            continue;
        };
        if let Some((k, sign)) = canonical(f) {
            groups.entry((k, p)).or_default().push((i, v * sign));
        }
    }
    let mut out = Vec::new();
    for ((k, p), xs) in groups {
        for (n, &(i, x)) in xs.iter().enumerate() {
            for &(j, y) in &xs[n + 1..] {
                if same_group(i, j) || relative_gap(x, y) <= CONFLICT_TOLERANCE {
                    continue;
                }
                out.push(Found {
                    kind: "conflict",
                    status: "inconsistent",
                    message: format!(
                        "{} {} {p}: {} vs {} {} ({:.0}% apart)",
                        k.indicator,
                        pair_label(&k),
                        fmt_value(x),
                        fmt_value(y),
                        k.unit,
                        relative_gap(x, y) * 100.0
                    ),
                    facts: vec![i, j],
                });
            }
        }
    }
    out
}

/// Parts against totals: exports + imports of a pair against its two-way trade.
fn sums(facts: &[&Fact]) -> Vec<Found> {
    // (pair, period, unit) → (exports a→b, exports b→a, total)
    type Slot = (
        Option<(usize, f64)>,
        Option<(usize, f64)>,
        Option<(usize, f64)>,
    );
    let mut slots: BTreeMap<(String, String, String, String), Slot> = BTreeMap::new();
    for (i, f) in facts.iter().enumerate() {
        let (Some(v), Some(p)) = (f.value, f.period.clone()) else {
            continue;
        };
        let Some((k, _)) = canonical(f) else { continue };
        let (lo, hi, dir) = if k.a <= k.b {
            (k.a.clone(), k.b.clone(), 0)
        } else {
            (k.b.clone(), k.a.clone(), 1)
        };
        let slot = slots.entry((lo, hi, p, k.unit.clone())).or_default();
        match k.indicator.as_str() {
            "trade.exports" if dir == 0 => slot.0 = slot.0.or(Some((i, v))),
            "trade.exports" => slot.1 = slot.1.or(Some((i, v))),
            "trade.total" => slot.2 = slot.2.or(Some((i, v))),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for ((lo, hi, p, unit), slot) in slots {
        let (Some((i, x)), Some((j, y)), Some((t, total))) = slot else {
            continue;
        };
        let sum = x + y;
        let ok = relative_gap(sum, total) <= SUM_TOLERANCE;
        out.push(Found {
            kind: "sum",
            status: if ok { "consistent" } else { "inconsistent" },
            message: format!(
                "{lo}–{hi} {p}: {lo}→{hi} {} + {hi}→{lo} {} = {} {} {} two-way trade {} {unit}",
                fmt_value(x),
                fmt_value(y),
                fmt_value(sum),
                if ok { "≈" } else { "≠" },
                if ok { "" } else { "stated" },
                fmt_value(total)
            )
            .replace("  ", " "),
            facts: vec![i, j, t],
        });
    }
    out
}

/// One figure over periods: period order → (fact, value in the canonical reading, period).
type Series = BTreeMap<i64, (usize, f64, String)>;

/// Sharp changes: consecutive periods of one figure, and a fact's own from → to.
fn changes(facts: &[&Fact]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut series: BTreeMap<(Key, u8), Series> = BTreeMap::new();
    for (i, f) in facts.iter().enumerate() {
        if let Some(c) = &f.change {
            if c.from != 0.0 && f.unit.as_deref() != Some("percent") {
                let r = (c.to - c.from) / c.from.abs();
                if r.abs() > SHARP_CHANGE {
                    out.push(Found {
                        kind: "change",
                        status: "flagged",
                        message: format!(
                            "{} {}→{}: {} from {} to {} {}",
                            f.indicator,
                            f.subject.as_deref().unwrap_or("?"),
                            f.partner.as_deref().unwrap_or("?"),
                            describe(r),
                            fmt_value(c.from),
                            fmt_value(c.to),
                            f.unit.as_deref().unwrap_or("")
                        )
                        .trim_end()
                        .to_string(),
                        facts: vec![i],
                    });
                }
            }
        }
        let (Some(v), Some(p)) = (f.value, f.period.as_deref()) else {
            continue;
        };
        if f.unit.as_deref() == Some("percent") {
            continue;
        }
        let (Some((k, sign)), Some((gran, ord))) = (canonical(f), period_rank(p)) else {
            continue;
        };
        series
            .entry((k, gran))
            .or_default()
            .entry(ord)
            .or_insert((i, v * sign, p.to_string()));
    }
    for ((k, _), pts) in series {
        let pts: Vec<_> = pts.into_values().collect();
        for w in pts.windows(2) {
            let (i, x, ref p1) = w[0];
            let (j, y, ref p2) = w[1];
            if x == 0.0 {
                continue;
            }
            let r = (y - x) / x.abs();
            if r.abs() > SHARP_CHANGE {
                out.push(Found {
                    kind: "change",
                    status: "flagged",
                    message: format!(
                        "{} {}: {} from {p1} ({}) to {p2} ({}) {}",
                        k.indicator,
                        pair_label(&k),
                        describe(r),
                        fmt_value(x),
                        fmt_value(y),
                        k.unit
                    )
                    .trim_end()
                    .to_string(),
                    facts: vec![i, j],
                });
            }
        }
    }
    out
}

fn describe(r: f64) -> String {
    let pct = (r.abs() * 100.0).round();
    if r < 0.0 {
        format!("falls {pct}%")
    } else {
        format!("rises {pct}%")
    }
}

/// Every check among one document's facts, with indexes into `facts`.
pub fn within(facts: &[Fact]) -> Vec<Check> {
    let refs: Vec<&Fact> = facts.iter().collect();
    let mut found = sums(&refs);
    found.extend(changes(&refs));
    found.extend(conflicts(&refs, |_, _| false));
    found
        .into_iter()
        .map(|f| Check {
            kind: f.kind.into(),
            status: f.status.into(),
            message: f.message,
            facts: f.facts,
        })
        .collect()
}

/// Puts each check of [`within`] into the `checks` of every fact it involves.
pub fn annotate(facts: &mut [Fact]) {
    for c in within(facts) {
        for &i in &c.facts {
            if let Some(f) = facts.get_mut(i) {
                f.checks.push(c.clone());
            }
        }
    }
}

/// Conflicts between documents: the same indicator, pair and period stated by two
/// documents with values more than 5% apart. Pairs within one document are left to
/// [`within`].
pub fn check_across(facts: &[(String, Fact)]) -> Vec<CrossCheck> {
    let refs: Vec<&Fact> = facts.iter().map(|(_, f)| f).collect();
    conflicts(&refs, |i, j| facts[i].0 == facts[j].0)
        .into_iter()
        .map(|f| CrossCheck {
            kind: f.kind.into(),
            status: f.status.into(),
            message: f.message,
            docs: f.facts.iter().map(|&i| facts[i].0.clone()).collect(),
            facts: f.facts,
        })
        .collect()
}
