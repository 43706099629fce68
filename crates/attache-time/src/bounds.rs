//! Civil-time bounds of an expression: a start and an exclusive end, each fixed or counted
//! from the reference instant, for readers that want instants rather than TIMEX3 values.

use jiff::civil::{Date, DateTime, Time};

/// Time grains, finest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grain {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Grain {
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Second => "Second",
            Grain::Minute => "Minute",
            Grain::Hour => "Hour",
            Grain::Day => "Day",
            Grain::Week => "Week",
            Grain::Month => "Month",
            Grain::Quarter => "Quarter",
            Grain::Year => "Year",
        }
    }

    /// The next finer grain ("in 3 days" is read to the hour, "in 2 years" to the month).
    pub fn finer(self) -> Grain {
        match self {
            Grain::Second | Grain::Minute => Grain::Second,
            Grain::Hour => Grain::Minute,
            Grain::Day => Grain::Hour,
            Grain::Week => Grain::Day,
            Grain::Month => Grain::Day,
            Grain::Quarter => Grain::Month,
            Grain::Year => Grain::Month,
        }
    }
}

/// One bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Point {
    /// A fixed civil date-time.
    At(DateTime),
    /// The reference instant (whose clock time `extract` is not told) moved by `n` `unit`s,
    /// then truncated to `trunc`.
    Now { n: i64, unit: Grain, trunc: Grain },
}

/// `[start, end)`; `end` is `None` for a point read to `grain`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub start: Point,
    pub end: Option<Point>,
    pub grain: Grain,
}

impl Bounds {
    pub fn point(at: DateTime, grain: Grain) -> Bounds {
        Bounds {
            start: Point::At(at),
            end: None,
            grain,
        }
    }

    pub fn span(start: DateTime, end: DateTime, grain: Grain) -> Bounds {
        Bounds {
            start: Point::At(start),
            end: Some(Point::At(end)),
            grain,
        }
    }

    /// Days `[a, b)` at day grain.
    pub fn days(a: Date, b: Date) -> Bounds {
        Bounds::span(midnight(a), midnight(b), Grain::Day)
    }
}

pub fn midnight(d: Date) -> DateTime {
    d.to_datetime(Time::midnight())
}

/// `t` moved by `n` grains (calendar arithmetic for days and up).
pub fn shift(t: DateTime, n: i64, unit: Grain) -> Option<DateTime> {
    let s = jiff::Span::new();
    let s = match unit {
        Grain::Second => s.try_seconds(n).ok()?,
        Grain::Minute => s.try_minutes(n).ok()?,
        Grain::Hour => s.try_hours(n).ok()?,
        Grain::Day => s.try_days(n).ok()?,
        Grain::Week => s.try_weeks(n).ok()?,
        Grain::Month => s.try_months(n).ok()?,
        Grain::Quarter => s.try_months(n.checked_mul(3)?).ok()?,
        Grain::Year => s.try_years(n).ok()?,
    };
    t.checked_add(s).ok()
}

/// The start of the `g` containing `t` (weeks start on Monday).
pub fn truncate(t: DateTime, g: Grain) -> Option<DateTime> {
    let d = t.date();
    Some(match g {
        Grain::Second => DateTime::new(
            d.year(),
            d.month(),
            d.day(),
            t.hour(),
            t.minute(),
            t.second(),
            0,
        )
        .ok()?,
        Grain::Minute => {
            DateTime::new(d.year(), d.month(), d.day(), t.hour(), t.minute(), 0, 0).ok()?
        }
        Grain::Hour => DateTime::new(d.year(), d.month(), d.day(), t.hour(), 0, 0, 0).ok()?,
        Grain::Day => midnight(d),
        Grain::Week => midnight(
            d.checked_sub(jiff::Span::new().days(d.weekday().to_monday_zero_offset() as i64))
                .ok()?,
        ),
        Grain::Month => midnight(d.first_of_month()),
        Grain::Quarter => midnight(Date::new(d.year(), (d.month() - 1) / 3 * 3 + 1, 1).ok()?),
        Grain::Year => midnight(Date::new(d.year(), 1, 1).ok()?),
    })
}

impl Point {
    /// The civil date-time, given the reference instant.
    pub fn resolve(&self, now: DateTime) -> Option<DateTime> {
        match *self {
            Point::At(t) => Some(t),
            Point::Now { n, unit, trunc } => truncate(shift(now, n, unit)?, trunc),
        }
    }
}
