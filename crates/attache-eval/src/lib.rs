//! attache-eval: scores the time and quantity stages against the reference suites in
//! `../shared/gold/` (Microsoft Recognizers-Text English specs, Facebook Duckling's English
//! corpus) and measures their throughput over Reuters-21578 bodies.
//!
//! This crate is the only place that reads those suites; nothing here is copied into the
//! project. Run it with `attache eval rt|duckling|bench-timeq [PATH]`; set
//! `ATTACHE_EVAL_VERBOSE=1` to list every failing case. What counts as "right":
//!
//! * **Recognizers-Text models** (`NumberModel*`, `OrdinalModel*`, `PercentModel*`,
//!   `CurrencyModel`): a case is right when we return exactly as many entities as the spec
//!   (numbers from [`attache_quant::numbers`], percentages and money from
//!   [`attache_quant::extract`]), each with the same span (start and inclusive end, in
//!   characters) and the same value (relative tolerance 1e-6). Currency values compare in the
//!   spec's unit (`50 cents` is 50 Cent, ours 0.5 USD) and the ISO code must match when the
//!   spec gives one. Entities the spec gives with a null value ("a small percent") cannot be
//!   matched: we only report quantities that have a value.
//! * **`NumberRangeModel*`**: [`attache_quant::ranges()`] must give the same spans and the same
//!   interval notation (`[20,30)`, `(30,)`, `(,100]`).
//! * **Recognizers-Text parsers** (`DateParser`, `DatePeriodParser`): each expected entity must
//!   be found with the same span and the same resolution: the past resolution when the spec
//!   gives two (we run the time stage with `Options { past: true }`, which turns off the news
//!   reading of future cues such as "will"). Our span may leave out a signal word the spec
//!   keeps ("within 5 days", "on Friday next week"): TimeML keeps signals outside the
//!   expression, so such a span counts when adding our `signal` gives the spec's span. A date
//!   compares our day (or value) with the spec's date; a period compares `[startDate, endDate)`
//!   computed from our value: the TIMEX3 unit (year, month, ISO week, quarter, half, decade,
//!   century, weekend), EARLY/MID/LATE and START/END as fractions of it, the two ends of a range
//!   (`[start of first, start of second)`, the spec's convention), "the past/next N units",
//!   "within N units" (from the reference), "earlier/later this ..." (split at the reference)
//!   and "rest of the ..." (to the unit's last day). When the spec has no resolution (seasons)
//!   the TIMEX3 values compare. Extra entities of other kinds are not penalized: parser specs
//!   test one entity per case. Cases without a reference date are scored on spans only.
//! * `*Extractor` files (dates, periods, durations, sets, times) score spans only, all entities.
//! * Cases flagged `NotSupported`/`NotSupportedByDesign` for `dotnet` (the reference platform)
//!   are skipped and counted apart. Files with no matching stage (date-time models, ages,
//!   dimensions, temperatures, time zones...) are listed as not scored.
//! * **Duckling** (each phrase is one example): the phrase must read as one entity covering it
//!   (signal words such as "on"/"in"/"at", and for money "between"/"from"/"a", may stay outside)
//!   with the expected value. Numerals and ordinals come from [`attache_quant::numbers`], money
//!   from [`attache_quant::extract`] ("Unnamed" amounts may be bare counts), durations compare in
//!   seconds (months 30 days, years 365), times compare start and grain (clock grains compare
//!   the minute). Interval examples ("morning", "last 2 weeks") count as wrong: the time stage
//!   gives TIMEX3 values, not intervals. The reference time is 2013-02-12T04:30 (a Tuesday).
//!   Time phrases whose expected day lies after the reference while the phrase carries no year
//!   and no word that points forward ("next", "tomorrow", "in 3 days"...) form the *direction
//!   bucket*: Duckling resolves bare weekdays, months and holidays forward, news backward, so
//!   they are reported apart.
//! * **Throughput** ([`bench_reuters`]): time plus quantity extraction over the Reuters-21578
//!   `<BODY>` texts (read as Latin-1) on one thread sharing one tokenization, best of five
//!   rounds, as wall-clock MB/s and as MB per CPU second of the thread (the machine is shared,
//!   so the CPU figure is the one that measures our code).

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
