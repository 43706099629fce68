//! Calendar arithmetic against the reference date, and TIMEX3 value formatting.

use jiff::civil::{Date, Weekday};

/// The reference date (publication date) relative expressions resolve against.
#[derive(Debug, Clone, Copy)]
pub struct Anchor(pub Option<Date>);

pub fn fmt_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub fn fmt_month(y: i32, m: u8) -> String {
    format!("{y:04}-{m:02}")
}

pub fn fmt_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub fn ymd(y: i32, m: u8, d: u8) -> Option<Date> {
    if !(1..=9999).contains(&y) {
        return None;
    }
    Date::new(y as i16, m as i8, d as i8).ok()
}

/// Monday = 1 .. Sunday = 7.
pub fn wd_num(w: Weekday) -> i8 {
    w.to_monday_one_offset()
}

/// `d` plus `n` days; `None` when out of range (never panics on huge `n`).
pub fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

/// `d` plus `n` months; `None` when out of range.
pub fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_months(n).ok()?).ok()
}

impl Anchor {
    pub fn year(&self) -> Option<i32> {
        self.0.map(|d| d.year() as i32)
    }

    /// The most recent day with weekday `wd` (1..7) on or before the reference.
    pub fn weekday_back(&self, wd: i8, strictly: bool) -> Option<Date> {
        let r = self.0?;
        let mut diff = (wd_num(r.weekday()) - wd).rem_euclid(7) as i64;
        if strictly && diff == 0 {
            diff = 7;
        }
        add_days(r, -diff)
    }

    /// The next day with weekday `wd` strictly after the reference.
    pub fn weekday_forward(&self, wd: i8) -> Option<Date> {
        let r = self.0?;
        let mut diff = (wd - wd_num(r.weekday())).rem_euclid(7) as i64;
        if diff == 0 {
            diff = 7;
        }
        add_days(r, diff)
    }

    /// Day `wd` of the reference's week, shifted by `weeks`.
    pub fn weekday_in_week(&self, wd: i8, weeks: i64) -> Option<Date> {
        let r = self.0?;
        let diff = (wd - wd_num(r.weekday())) as i64 + 7 * weeks;
        add_days(r, diff)
    }

    /// The quarter `q` mentioned without a year: the latest one not after the reference's quarter.
    pub fn quarter_year_back(&self, q: u8) -> Option<i32> {
        let r = self.0?;
        let cur = (r.month() as u8 - 1) / 3 + 1;
        Some(if q <= cur {
            r.year() as i32
        } else {
            r.year() as i32 - 1
        })
    }
}

pub fn weekday_num(w: &str) -> Option<i8> {
    Some(match w {
        "monday" | "mon" | "mondays" => 1,
        "tuesday" | "tue" | "tues" | "tuesdays" => 2,
        "wednesday" | "wed" | "weds" | "wednesdays" => 3,
        "thursday" | "thu" | "thur" | "thurs" | "thursdays" => 4,
        "friday" | "fri" | "fridays" => 5,
        "saturday" | "sat" | "saturdays" => 6,
        "sunday" | "sun" | "sundays" => 7,
        _ => return None,
    })
}
