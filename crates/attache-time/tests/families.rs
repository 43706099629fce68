//! Behaviour of the expression families beyond plain dates: clock readings, clock ranges,
//! civil-time bounds (parts of day, "last 2 days", "in 2 hours", beginnings and ends of
//! units), holidays computed by calendar rules, durations with fractions.

use attache_time::{extract, Bounds, TimeExpr, TimexType};
use jiff::civil::{Date, DateTime};

fn reference() -> Date {
    Date::new(2013, 2, 12).unwrap()
}

/// The publication instant the bounds resolve against in these tests.
fn now() -> DateTime {
    DateTime::new(2013, 2, 12, 4, 30, 0, 0).unwrap()
}

fn one(text: &str) -> TimeExpr {
    let ts = extract(text, Some(reference()));
    assert_eq!(ts.len(), 1, "{text:?}: {ts:?}");
    ts.into_iter().next().unwrap()
}

fn dt(s: &str) -> DateTime {
    s.parse().unwrap()
}

fn span(b: &Bounds) -> (DateTime, DateTime) {
    (
        b.start.resolve(now()).unwrap(),
        b.end.unwrap().resolve(now()).unwrap(),
    )
}

#[test]
fn clocks_in_words_and_relative_to_an_hour() {
    for (text, want) in [
        ("at half past three", "2013-02-12T15:30"),
        ("a quarter to noon", "2013-02-12T11:45"),
        ("twenty minutes past 3pm", "2013-02-12T15:20"),
        ("at ten thirty am", "2013-02-12T10:30"),
        ("at 330 p.m.", "2013-02-12T15:30"),
        ("8 tonight", "2013-02-12T20:00"),
        ("tomorrow at 2", "2013-02-13T14:00"),
        ("at 5 tomorrow morning", "2013-02-13T05:00"),
    ] {
        let t = one(text);
        assert_eq!(t.value, want, "{text:?}");
        assert_eq!(t.kind, TimexType::Time, "{text:?}");
    }
}

#[test]
fn bare_numbers_in_prose_are_no_clock() {
    for text in [
        "The meeting ended at 5.",
        "The vote was 2-15 against the motion.",
        "Output rose 3.5 pct.",
        "Prices stood at 2000 in the morning session.",
    ] {
        let ts = extract(text, Some(reference()));
        assert!(
            ts.iter()
                .all(|t| t.kind != TimexType::Time || t.clock.is_none()),
            "{text:?}: {ts:?}"
        );
    }
}

#[test]
fn clock_ranges_share_their_am_pm() {
    let ts = extract("The office is open 3-4pm.", Some(reference()));
    assert_eq!(ts.len(), 2, "{ts:?}");
    assert_eq!(ts[0].value, "2013-02-12T15:00");
    assert_eq!(ts[1].value, "2013-02-12T16:00");
    assert!(ts[0].range.is_some() && ts[0].range == ts[1].range);
    let ts = extract("Talks run from 8am until 6 on Thursday.", Some(reference()));
    assert_eq!(ts.len(), 2, "{ts:?}");
    assert_eq!(ts[1].clock, Some((18, 0)));
    assert_eq!(ts[0].value.get(..10), ts[1].value.get(..10));
}

#[test]
fn parts_of_day_and_weekends_are_hours() {
    let b = one("tonight").bounds.expect("bounds");
    assert_eq!(span(&b), (dt("2013-02-12T18:00"), dt("2013-02-13T00:00")));
    let b = one("yesterday morning").bounds.expect("bounds");
    assert_eq!(span(&b), (dt("2013-02-11T00:00"), dt("2013-02-11T12:00")));
    let b = one("this weekend").bounds.expect("bounds");
    assert_eq!(span(&b), (dt("2013-02-15T18:00"), dt("2013-02-18T00:00")));
}

#[test]
fn spans_counted_from_the_reference_instant() {
    let b = one("the last 2 days").bounds.expect("bounds");
    assert_eq!(span(&b), (dt("2013-02-10T00:00"), dt("2013-02-12T00:00")));
    let b = one("the next 3 hours").bounds.expect("bounds");
    assert_eq!(span(&b), (dt("2013-02-12T05:00"), dt("2013-02-12T08:00")));
    // "in 2.5 hours": a point that far after the reference; the value stays a duration.
    let t = one("in 2.5 hours");
    assert_eq!(t.kind, TimexType::Duration);
    let b = t.bounds.expect("bounds");
    assert!(b.end.is_none());
    assert_eq!(b.start.resolve(now()), Some(dt("2013-02-12T07:00")));
    let b = one("two years ago").bounds.expect("bounds");
    assert_eq!(b.start.resolve(now()), Some(dt("2011-02-01T00:00")));
}

#[test]
fn beginnings_and_ends_of_units() {
    let b = one("at the beginning of next week").bounds.expect("bounds");
    assert_eq!(span(&b), (dt("2013-02-18T00:00"), dt("2013-02-21T00:00")));
    let b = one("the end of 2012").bounds.expect("bounds");
    assert_eq!(span(&b), (dt("2012-09-01T00:00"), dt("2013-01-01T00:00")));
    // A deadline runs from the reference to the end of the unit.
    let b = one("by the end of next month").bounds.expect("bounds");
    assert_eq!(span(&b), (now(), dt("2013-04-01T00:00")));
}

#[test]
fn holidays_by_calendar_rules() {
    for (text, want) in [
        ("Yom Kippur 2018", "2018-09-19"),
        ("Orthodox Easter 2018", "2018-04-08"),
        ("Eid al-Fitr 2018", "2018-06-15"),
        ("King's Day 2014", "2014-04-26"),
        ("Boss's Day 2016", "2016-10-17"),
        ("Mardi Gras 2013", "2013-02-12"),
    ] {
        assert_eq!(one(text).value, want, "{text:?}");
    }
    let b = one("Passover 2018").bounds.expect("bounds");
    assert_eq!(span(&b), (dt("2018-03-30T00:00"), dt("2018-04-08T00:00")));
    let b = one("Ramadan 2018").bounds.expect("bounds");
    assert_eq!(span(&b), (dt("2018-05-16T00:00"), dt("2018-06-15T00:00")));
    let b = one("Hanukkah 2018").bounds.expect("bounds");
    assert_eq!(span(&b), (dt("2018-12-02T00:00"), dt("2018-12-10T00:00")));
}

#[test]
fn durations_with_fractions_and_bare_minutes() {
    for (text, want) in [
        ("an hour and a half", "PT1.5H"),
        ("5 and a half minutes", "PT5.5M"),
        ("one and three quarters of an hour", "PT1.75H"),
        ("1 hour and fifteen", "PT1H15M"),
        ("2 more minutes", "PT2M"),
        ("half day", "P0.5D"),
    ] {
        let ts = extract(text, None);
        let d: Vec<_> = ts
            .iter()
            .filter(|t| t.kind == TimexType::Duration)
            .collect();
        assert_eq!(d.len(), 1, "{text:?}: {ts:?}");
        assert_eq!(d[0].value, want, "{text:?}");
    }
}

#[test]
fn prices_and_pence_are_no_clocks() {
    for text in [
        "The bonds were priced at 101-3/4 pct.",
        "The stock was trading today at 20-7/8, off 1/2.",
        "Shares fell to 634p from 643p.",
        "The stock was down 1-1/8 to 34-3/4 this morning.",
        "The plant employs about 356.",
    ] {
        let ts = extract(text, Some(reference()));
        assert!(ts.iter().all(|t| t.clock.is_none()), "{text:?}: {ts:?}");
    }
}

#[test]
fn relative_days_weeks_and_lunar_new_year() {
    for (text, want) in [
        ("3 Fridays from now", "2013-03-01"),
        ("2 Thursdays ago", "2013-01-31"),
        ("the last day of October 2015", "2015-10-31"),
        ("the 20th day of next month", "2013-03-20"),
        ("Friday after next", "2013-02-22"),
        ("the third last week of 2018", "2018-W50"),
        ("Chinese New Year 2018", "2018-02-16"),
        ("Thanksgiving 3 months ago", "2012-11-22"),
    ] {
        assert_eq!(one(text).value, want, "{text:?}");
    }
    let t = one("the morning of Christmas 2013");
    assert_eq!(t.kind, TimexType::Time);
    let b = t.bounds.expect("bounds");
    assert_eq!(span(&b), (dt("2013-12-25T00:00"), dt("2013-12-25T12:00")));
    let b = one("by EOM").bounds.expect("bounds");
    assert_eq!(span(&b), (now(), dt("2013-03-01T00:00")));
}
