//! Durations written with a fraction of an hour ("1/4h", "3/4 h"), as "a pair of" units,
//! and with minute and second marks ("in 15'", "in 1\""), which feet and inches ("6'2\"") must not trigger.

use attache_time::{extract, Point, TimeExpr, TimexType};
use jiff::civil::{Date, DateTime};

fn now() -> DateTime {
    DateTime::new(2013, 2, 12, 4, 30, 0, 0).unwrap()
}

fn ts(text: &str) -> Vec<TimeExpr> {
    extract(text, Some(Date::new(2013, 2, 12).unwrap()))
}

fn after(text: &str) -> i64 {
    let v = ts(text);
    assert_eq!(v.len(), 1, "{text:?}: {v:?}");
    let t = &v[0];
    assert_eq!(t.kind, TimexType::Duration, "{text:?}");
    assert_eq!(t.end, text.len(), "{text:?}: {t:?}");
    let b = t.bounds.expect("a point after now");
    let at = b.start.resolve(now()).unwrap();
    assert!(matches!(b.start, Point::Now { .. }));
    (at - now()).get_seconds() + 60 * (at - now()).get_minutes()
}

#[test]
fn fractions_of_an_hour_glued_or_spaced() {
    assert_eq!(after("in 1/4h"), 15 * 60);
    assert_eq!(after("in 1/4 h"), 15 * 60);
    assert_eq!(after("in 1/2h"), 30 * 60);
    assert_eq!(after("in 3/4 h"), 45 * 60);
    // The same amount as the word unit.
    assert_eq!(after("in 1/2h"), after("in 1/2 hour"));
}

#[test]
fn minute_and_second_marks_after_in() {
    assert_eq!(after("in 15'"), after("in 15 minutes"));
    assert_eq!(after("in 1'"), 60);
    assert_eq!(after("in 1\""), 1);
}

#[test]
fn feet_and_inches_are_not_times() {
    // Nor is a year that closes a quotation: "'output fell in 1986'".
    for text in [
        "he is 6'2\" tall",
        "a 6' fence",
        "standing 5' tall",
        "'output fell in 1986'",
    ] {
        assert!(
            ts(text).iter().all(|t| t.kind != TimexType::Duration),
            "{text:?}: {:?}",
            ts(text)
        );
    }
}

#[test]
fn a_pair_of_units_counts_two() {
    assert_eq!(after("in a pair of minutes"), after("in 2 minutes"));
    assert!(ts("a pair of shoes").is_empty());
}
