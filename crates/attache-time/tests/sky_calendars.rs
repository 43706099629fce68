//! Holidays placed by the sky: Hindu festivals (a lunar day of a lunar month, or the sun
//! entering a sidereal sign) and Islamic months that begin after the conjunction.

use attache_time::{extract, Point, TimeExpr};
use jiff::civil::Date;

fn reference() -> Date {
    Date::new(2013, 2, 12).unwrap()
}

fn one(text: &str) -> TimeExpr {
    let ts = extract(text, Some(reference()));
    assert_eq!(ts.len(), 1, "{text:?}: {ts:?}");
    let t = ts.into_iter().next().unwrap();
    assert_eq!((t.start, t.end), (0, text.len()), "{text:?} whole: {t:?}");
    t
}

fn day(text: &str) -> Date {
    one(text).day.unwrap_or_else(|| panic!("{text:?}: no day"))
}

#[test]
fn festivals_read_as_whole_names_with_their_year() {
    for text in [
        "diwali 2019",
        "Deepavali in 2019",
        "bhai dooj 2019",
        "karva chauth in 2018",
        "ratha-yatra 2018",
        "mahaveer janma kalyanak 2020",
        "guru ravidas jayanti 2019",
        "makar sankranti 2019",
        "Rabindranath Jayanti 2018",
    ] {
        assert_eq!(
            day(text).year(),
            text[text.len() - 4..].parse::<i16>().unwrap()
        );
    }
}

#[test]
fn diwali_is_the_new_moon_between_mid_october_and_mid_november() {
    for y in 2000..2040 {
        let d = day(&format!("diwali {y}"));
        let lo = Date::new(y, 10, 13).unwrap();
        let hi = Date::new(y, 11, 16).unwrap();
        assert!(d >= lo && d <= hi, "diwali {y}: {d}");
        // The festival days around it keep their order.
        let dh = day(&format!("dhanteras {y}"));
        let bd = day(&format!("bhai dooj {y}"));
        assert_eq!((d - dh).get_days(), 2, "{y}");
        assert_eq!((bd - d).get_days(), 2, "{y}");
        // Lunar months are 29 or 30 days: a year later it moves back 11 days or on 18-19.
        let next = day(&format!("diwali {}", y + 1));
        let shift = (next - d).get_days() - 365;
        assert!(
            (-12..=-10).contains(&shift) || (17..=20).contains(&shift),
            "{y}: {shift}"
        );
    }
    // A published almanac date.
    assert_eq!(day("diwali 2019"), Date::new(2019, 10, 27).unwrap());
}

#[test]
fn holi_follows_holika_dahan_on_the_full_moon_of_phalguna() {
    for y in 2000..2040 {
        let h = day(&format!("holi {y}"));
        let hd = day(&format!("holika dahan {y}"));
        assert_eq!((h - hd).get_days(), 1, "{y}");
        assert!(
            h >= Date::new(y, 2, 25).unwrap() && h <= Date::new(y, 3, 31).unwrap(),
            "{y}: {h}"
        );
    }
    assert_eq!(day("holi 2019"), Date::new(2019, 3, 21).unwrap());
}

#[test]
fn navaratri_spans_the_nights_up_to_vijayadashami() {
    for y in 2005..2030 {
        let t = one(&format!("navaratri {y}"));
        let b = t.bounds.expect("a span");
        let dussehra = day(&format!("dussehra {y}"));
        let start = t.day.unwrap();
        let end = b.end.expect("an end");
        let n = (dussehra - start).get_days();
        assert!((8..=10).contains(&n), "{y}: {n} days");
        let after = dussehra.tomorrow().unwrap();
        assert!(
            matches!(end, Point::At(x) if x.date() == after),
            "{y}: {end:?}"
        );
    }
}

#[test]
fn solar_festivals_follow_the_sun_into_a_sidereal_sign() {
    for y in 1990..2040 {
        let p = day(&format!("pongal {y}"));
        assert!(
            p >= Date::new(y, 1, 13).unwrap() && p <= Date::new(y, 1, 16).unwrap(),
            "{y}: {p}"
        );
        assert_eq!((p - day(&format!("bogi pandigai {y}"))).get_days(), 1);
        assert_eq!((day(&format!("kaanum pongal {y}")) - p).get_days(), 2);
        let v = day(&format!("vaisakhi {y}"));
        assert!(
            v >= Date::new(y, 4, 12).unwrap() && v <= Date::new(y, 4, 15).unwrap(),
            "{y}: {v}"
        );
        assert_eq!((day(&format!("rabindra jayanti {y}")) - v).get_days(), 25);
    }
}

#[test]
fn islamic_months_begin_after_the_conjunction() {
    // Every Islamic month has 29 or 30 days: Ramadan runs to the day before Eid al-Fitr.
    for y in 1950..2050 {
        let t = one(&format!("Ramadan {y}"));
        let start = t.day.unwrap();
        let Some(Point::At(end)) = t.bounds.and_then(|b| b.end) else {
            panic!("Ramadan {y}: no end");
        };
        let n = (end.date() - start).get_days();
        assert!(n == 29 || n == 30, "Ramadan {y}: {n}");
        // "Eid al-Fitr 1968" is the first of that year's two.
        if end.date().year() as i32 == y {
            assert!(day(&format!("Eid al-Fitr {y}")) <= end.date(), "{y}");
        }
    }
    // Other names of Isra and Mi'raj (27 Rajab).
    assert_eq!(day("prophet's ascension 2018"), day("isra and mi'raj 2018"));
    assert_eq!(day("night journey 2019"), day("isra and mi'raj 2019"));
    // Published dates: Eid al-Adha 2018 (Saudi Arabia), the Islamic New Year 1440.
    assert_eq!(day("Eid al-Adha 2018"), Date::new(2018, 8, 21).unwrap());
    assert_eq!(
        day("Islamic New Year 2018"),
        Date::new(2018, 9, 11).unwrap()
    );
}
