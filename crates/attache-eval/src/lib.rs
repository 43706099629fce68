//! attache-eval: scores the time and quantity stages against the reference suites in
//! `../shared/gold/` (Microsoft Recognizers-Text English specs, Facebook Duckling's English
//! corpus) and measures their throughput over Reuters-21578 bodies.
//!
//! This crate is the only place that reads those suites; nothing here is copied into the
//! project. What counts as "right":
//!
//! * **Recognizers-Text models** (`NumberModel`, `NumberRangeModel`, `PercentModel`,
//!   `CurrencyModel`, `OrdinalModel`): a case is right when we return exactly as many entities
//!   as the spec, each with the same span (start and inclusive end, in characters; text compared
//!   case-insensitively) and the same resolved value (relative tolerance 1e-6). Percent values
//!   compare as numbers; currency values compare in the spec's unit (`50 cents` is 50 Cent, our
//!   0.5 USD), and the ISO code must match when the spec gives one. Ranges compare the interval
//!   notation `[a,b)`, `(a,)`, `(,b]` built from our range and qualifier.
//! * **Recognizers-Text parsers** (`DateParser`, `DatePeriodParser`): each expected entity must be
//!   found with the same span and the same resolution: the past resolution when the spec gives
//!   two (news resolves backwards). A `DatePeriod` compares `[startDate, endDate)`. Extra
//!   entities of other types (durations, times) are not penalized, since parser specs test one
//!   entity per case. Cases without a reference date are scored on spans only.
//! * Cases flagged `NotSupported`/`NotSupportedByDesign` for `dotnet` (the reference platform)
//!   are skipped and counted apart.
//! * **Duckling**: every phrase must read as one entity covering the whole phrase (signal words
//!   such as "on"/"in" may stay outside, as TimeML spans do) with the expected value; the
//!   reference time is 2013-02-12T04:30 (a Tuesday). Time phrases whose expected value lies
//!   after the reference while the phrase carries no year and no word that points forward
//!   ("next", "tomorrow", "in 3 days"...) form the *direction bucket*: Duckling resolves bare
//!   weekdays and months forward, news backward, so they are reported apart.

pub mod bench;
pub mod duckling;
pub mod rt;

use std::fmt;
use std::path::Path;

/// One scored line: a file, model or dimension.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub name: String,
    pub right: usize,
    pub total: usize,
    /// Cases skipped (flagged for the reference platform, unsupported kind).
    pub skipped: usize,
    /// Free text: target, examples of failures.
    pub note: String,
}

impl Row {
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
}

/// The result of one evaluation: rows plus free notes (failure samples, throughput).
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub title: String,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.title)?;
        if !self.rows.is_empty() {
            let w = self
                .rows
                .iter()
                .map(|r| r.name.len())
                .max()
                .unwrap_or(10)
                .max(10);
            writeln!(
                f,
                "{:<w$}  {:>6} {:>6} {:>7} {:>7}  note",
                "name", "right", "total", "rate", "skipped"
            )?;
            for r in &self.rows {
                writeln!(
                    f,
                    "{:<w$}  {:>6} {:>6} {:>6.1}% {:>7}  {}",
                    r.name,
                    r.right,
                    r.total,
                    100.0 * r.rate(),
                    r.skipped,
                    r.note
                )?;
            }
        }
        for n in &self.notes {
            writeln!(f, "{n}")?;
        }
        Ok(())
    }
}

pub use bench::bench_reuters;
pub use duckling::duckling;
pub use rt::recognizers_text;

/// Byte offset -> character offset.
pub(crate) fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].chars().count()
}

/// Reads a JSON file, dropping a UTF-8 byte-order mark; errors name the file.
pub(crate) fn read_json(path: &Path) -> anyhow::Result<serde_json::Value> {
    let raw =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(&raw);
    serde_json::from_str(raw)
        .map_err(|e| anyhow::anyhow!("{}: not valid JSON: {e}", path.display()))
}

pub(crate) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}
