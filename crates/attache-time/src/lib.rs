//! attache-time: finds time expressions in news text and normalizes them to TIMEX3 values
//! (DATE, TIME, DURATION, SET), resolving relative ones against the publication date.
//!
//! News conventions: bare weekdays and bare months point back from the reference date; a
//! month-day without a year takes the year that puts it nearest the reference. Spans exclude
//! the signal word before them ("in", "since", "between"), which is reported in `signal`.

mod bounds;
mod lunisolar;
mod resolve;
mod rules;

pub use bounds::{Bounds, Grain, Point};
pub use resolve::{fmt_date, Anchor};

use attache_quant::lex::Lexed;
use jiff::civil::Date;

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One time expression.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    /// Byte offsets `[start, end)`, without the signal word.
    pub start: usize,
    pub end: usize,
    pub kind: TimexType,
    /// TIMEX3 value ("2025-07-23", "199X", "P3D", "XXXX-WXX-3", "PRESENT_REF").
    pub value: String,
    /// TIMEX3 mod ("MID", "EARLY", "LATE", "START", "END", "APPROX").
    pub modifier: Option<String>,
    /// The signal word before the expression, lowercased ("in", "since", "between").
    pub signal: Option<String>,
    /// For both ends of a range: "1995/2016".
    pub range: Option<String>,
    /// The value depends on the reference date.
    pub anchored: bool,
    /// The rule that matched.
    pub rule: &'static str,
    /// The calendar day this expression denotes, when it denotes exactly one; for "two years
    /// ago" (value "2023") the exact day it counts back to.
    pub day: Option<Date>,
    /// Clock time (hour, minute) for TIME expressions with a clock reading.
    pub clock: Option<(u8, u8)>,
    /// The stretch of civil time the expression covers, where the TIMEX3 value cannot say it
    /// (parts of day as hours, "the last 2 days", "in 3 hours" from the unknown clock time of
    /// the reference, the grain a clock reading was written to). `None` when the value says all.
    pub bounds: Option<Bounds>,
}

/// How to resolve expressions that could point either way.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Always resolve bare weekdays, months and month-days backwards, ignoring future cues
    /// ("will", "next") in the sentence. The default (false) is the news reading: backwards
    /// unless the sentence speaks of the future.
    pub past: bool,
}

/// Finds the time expressions in `text`; relative ones resolve against `reference`.
pub fn extract(text: &str, reference: Option<Date>) -> Vec<TimeExpr> {
    let l = Lexed::new(text);
    rules::run(&l, reference, &Options::default())
}

/// [`extract`] with explicit [`Options`].
pub fn extract_with(text: &str, reference: Option<Date>, opts: &Options) -> Vec<TimeExpr> {
    let l = Lexed::new(text);
    rules::run(&l, reference, opts)
}

/// [`extract`] over an already tokenized text.
pub fn extract_lexed(l: &Lexed, reference: Option<Date>) -> Vec<TimeExpr> {
    rules::run(l, reference, &Options::default())
}

/// `t` moved by `n` grains (calendar arithmetic from days up); `None` out of range.
pub fn shift_dt(t: jiff::civil::DateTime, n: i64, g: Grain) -> Option<jiff::civil::DateTime> {
    bounds::shift(t, n, g)
}
