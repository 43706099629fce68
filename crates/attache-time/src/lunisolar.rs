//! Sun and moon positions for calendars fixed by the sky: Hindu festivals (a lunar day,
//! tithi, of a lunar month; or the sun entering a sidereal sign) and the start of an Islamic
//! month (the day after a conjunction before sunset in Mecca). Low-precision series from
//! Meeus, Astronomical Algorithms (ch. 25, 47, 49): minutes off, enough to name the day.

use crate::resolve::{add_days, ymd};
use jiff::civil::Date;

/// Julian Day of 2000-01-01 00:00 UTC.
const JD2000: f64 = 2451544.5;
/// India Standard Time, as a fraction of a day.
const IST: f64 = 5.5 / 24.0;

/// The Julian Ephemeris Day of new moon number `k` (0 = 6 January 2000), by the mean
/// lunation and its main periodic terms (Meeus ch. 49).
pub(crate) fn new_moon_jde(k: f64) -> f64 {
    let t = k / 1236.85;
    let (t2, t3, t4) = (t * t, t * t * t, t * t * t * t);
    let jde =
        2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
    let m = (2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3).to_radians();
    let mp = (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4)
        .to_radians();
    let f = (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4)
        .to_radians();
    let om = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3).to_radians();
    let e = 1.0 - 0.002516 * t - 0.0000074 * t2;
    jde - 0.4072 * mp.sin()
        + 0.17241 * e * m.sin()
        + 0.01608 * (2.0 * mp).sin()
        + 0.01039 * (2.0 * f).sin()
        + 0.00739 * e * (mp - m).sin()
        - 0.00514 * e * (mp + m).sin()
        + 0.00208 * e * e * (2.0 * m).sin()
        - 0.00111 * (mp - 2.0 * f).sin()
        - 0.00057 * (mp + 2.0 * f).sin()
        + 0.00056 * e * (2.0 * mp + m).sin()
        - 0.00042 * (3.0 * mp).sin()
        + 0.00042 * e * (m + 2.0 * f).sin()
        + 0.00038 * e * (m - 2.0 * f).sin()
        - 0.00024 * e * (2.0 * mp - m).sin()
        - 0.00017 * om.sin()
}

/// The date (in a zone `offset` days east of UTC) that contains the Julian Day `jd`.
fn date_at(jd: f64, offset: f64) -> Option<Date> {
    add_days(ymd(2000, 1, 1)?, (jd - JD2000 + offset).floor() as i64)
}

/// Julian Day of midnight UTC starting `d`.
fn jd_of(d: Date) -> Option<f64> {
    let base = ymd(2000, 1, 1)?;
    Some(JD2000 + (d - base).get_days() as f64)
}

/// The number of the last new moon at or before `jd`.
fn lunation_before(jd: f64) -> f64 {
    let mut k = ((jd - 2451550.09766) / 29.530588861).floor() + 1.0;
    while new_moon_jde(k) > jd {
        k -= 1.0;
    }
    k
}

/// Apparent geocentric longitude of the sun, degrees.
fn sun_long(jd: f64) -> f64 {
    let t = (jd - 2451545.0) / 36525.0;
    let l0 = 280.46646 + 36000.76983 * t;
    let m = (357.52911 + 35999.05029 * t).to_radians();
    let c = (1.914602 - 0.004817 * t) * m.sin()
        + 0.019993 * (2.0 * m).sin()
        + 0.000289 * (3.0 * m).sin();
    (l0 + c - 0.00569).rem_euclid(360.0)
}

/// The largest periodic terms of the moon's longitude: multiples of D, M, M', F and the
/// amplitude in millionths of a degree (Meeus table 47.A).
const MOON: [(f64, f64, f64, f64, f64); 34] = [
    (0., 0., 1., 0., 6288774.),
    (2., 0., -1., 0., 1274027.),
    (2., 0., 0., 0., 658314.),
    (0., 0., 2., 0., 213618.),
    (0., 1., 0., 0., -185116.),
    (0., 0., 0., 2., -114332.),
    (2., 0., -2., 0., 58793.),
    (2., -1., -1., 0., 57066.),
    (2., 0., 1., 0., 53322.),
    (2., -1., 0., 0., 45758.),
    (0., 1., -1., 0., -40923.),
    (1., 0., 0., 0., -34720.),
    (0., 1., 1., 0., -30383.),
    (2., 0., 0., -2., 15327.),
    (0., 0., 1., 2., -12528.),
    (0., 0., 1., -2., 10980.),
    (4., 0., -1., 0., 10675.),
    (0., 0., 3., 0., 10034.),
    (4., 0., -2., 0., 8548.),
    (2., 1., -1., 0., -7888.),
    (2., 1., 0., 0., -6766.),
    (1., 0., -1., 0., -5163.),
    (1., 1., 0., 0., 4987.),
    (2., -1., 1., 0., 4036.),
    (2., 0., 2., 0., 3994.),
    (4., 0., 0., 0., 3861.),
    (2., 0., -3., 0., 3665.),
    (0., 1., -2., 0., -2689.),
    (2., 0., -1., 2., -2602.),
    (2., -1., -2., 0., 2390.),
    (1., 0., 1., 0., -2348.),
    (2., -2., 0., 0., 2236.),
    (0., 1., 2., 0., -2120.),
    (0., 2., 0., 0., -2069.),
];

/// Geocentric longitude of the moon, degrees.
fn moon_long(jd: f64) -> f64 {
    let t = (jd - 2451545.0) / 36525.0;
    let lp = 218.3164477 + 481267.88123421 * t;
    let d = (297.8501921 + 445267.1114034 * t).to_radians();
    let m = (357.5291092 + 35999.0502909 * t).to_radians();
    let mp = (134.9633964 + 477198.8675055 * t).to_radians();
    let f = (93.2720950 + 483202.0175233 * t).to_radians();
    let e = 1.0 - 0.002516 * t;
    let s: f64 = MOON
        .iter()
        .map(|&(a, b, c, g, amp)| {
            amp * e.powi(b.abs() as i32) * (a * d + b * m + c * mp + g * f).sin()
        })
        .sum();
    (lp + s / 1e6).rem_euclid(360.0)
}

/// Lahiri's ayanamsa, degrees: how far the sidereal zodiac lags the tropical.
fn ayanamsa(jd: f64) -> f64 {
    23.853 + (jd - 2451545.0) / 365.25 * 0.013969
}

/// The moment the sun enters sidereal sign `sign` (0 = Mesha, mid-April) in year `y`.
fn sankranti_jd(y: i32, sign: u8) -> Option<f64> {
    let s = sign as f64;
    let back = if sign >= 9 { 12.0 } else { 0.0 };
    let mut jd = jd_of(ymd(y, 4, 14)?)? + (s - back) * 30.44;
    for _ in 0..6 {
        let lon = (sun_long(jd) - ayanamsa(jd)).rem_euclid(360.0);
        let diff = (30.0 * s - lon + 180.0).rem_euclid(360.0) - 180.0;
        jd += diff / 0.9856;
    }
    Some(jd)
}

/// The day (India) of a sankranti: one that comes after sunset counts from the next day.
pub(crate) fn sankranti(y: i32, sign: u8) -> Option<Date> {
    let jd = sankranti_jd(y, sign)?;
    date_at(jd + 6.0 / 24.0, IST)
}

/// When in the day (India) a festival's lunar day must hold.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Watch {
    Sunrise,
    Sunset,
    Moonrise,
    Midnight,
}

impl Watch {
    fn hours(self) -> f64 {
        match self {
            Watch::Sunrise => 6.0,
            Watch::Sunset => 18.0,
            Watch::Moonrise => 20.5,
            Watch::Midnight => 24.0,
        }
    }
}

/// The day of lunar day `tithi` (1..30; 15 the full moon, 30 the new moon) of the lunar
/// month (from new moon to new moon) in which the sun enters sign `sign` in year `y`: the
/// first day whose `watch` falls in that lunar day or later.
pub(crate) fn tithi_day(y: i32, sign: u8, tithi: u8, watch: Watch) -> Option<Date> {
    let k = lunation_before(sankranti_jd(y, sign)?);
    let nm = new_moon_jde(k);
    let first = date_at(nm, IST)?;
    (-1..33).find_map(|i| {
        let d = add_days(first, i)?;
        let jd = jd_of(d)? + watch.hours() / 24.0 - IST;
        let mut e = (moon_long(jd) - sun_long(jd)).rem_euclid(360.0);
        if jd - nm < 3.0 && e > 300.0 {
            e -= 360.0;
        }
        if jd - nm > 26.0 && e < 60.0 {
            e += 360.0;
        }
        ((e / 12.0).floor() + 1.0 >= tithi as f64).then_some(d)
    })
}

/// The first day of the Islamic month whose tabular (arithmetic) start is `tabular`: the
/// day after the conjunction when it comes before sunset in Mecca (about 15:30 UTC),
/// otherwise the day after that (the Umm al-Qura practice).
pub(crate) fn islamic_month_start(tabular: Date) -> Option<Date> {
    let k = ((jd_of(tabular)? - 1.5 - 2451550.09766) / 29.530588861).round();
    let conj = new_moon_jde(k);
    let day = date_at(conj, 0.0)?;
    let frac = (conj - JD2000).rem_euclid(1.0);
    let start = add_days(day, if frac < 15.5 / 24.0 { 1 } else { 2 })?;
    ((start - tabular).get_days().abs() <= 3).then_some(start)
}
