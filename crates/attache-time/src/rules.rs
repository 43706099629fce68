//! The rules: each tries to read a time expression starting at one token; the longest wins.
//! Afterwards adjacent date and clock readings merge, ranges pair up and signals attach.

use crate::bounds::{midnight, Bounds, Grain, Point};
use crate::lunisolar::{islamic_month_start, new_moon_jde, sankranti, tithi_day, Watch};
use crate::resolve::*;
use crate::{TimeExpr, TimexType};
use attache_quant::lex::{cls, Lexed, TokKind};
use attache_quant::{currency_before, month_number, num, unit_after};
use jiff::civil::Date;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gran {
    Day,
    Month,
    Year,
    Other,
}

#[derive(Clone, Debug)]
struct M {
    first: usize,
    last: usize,
    kind: TimexType,
    value: String,
    modifier: Option<&'static str>,
    anchored: bool,
    rule: &'static str,
    range: Option<String>,
    day: Option<Date>,
    clock: Option<(u8, u8)>,
    gran: Gran,
    year: Option<i32>,
    /// Monday of the week a week expression denotes.
    week_monday: Option<Date>,
    /// Weekday (1..7) of a bare weekday expression.
    wd: Option<i8>,
    /// Month number of a month expression.
    month: Option<u8>,
    /// Amount and TIMEX3 unit letter of a duration ("Y", "M", "W", "D").
    dur: Option<(f64, &'static str)>,
    /// A second expression read by the same rule (the far end of "4 to 22 July").
    extra: Option<Box<M>>,
    /// Civil-time bounds (see [`crate::TimeExpr::bounds`]), boxed: most readings have none
    /// and a small `M` keeps the rule loop's moves cheap.
    bounds: Option<Box<Bounds>>,
    /// The grain a clock reading was written to ("3pm": hour, "3:30": minute).
    cgrain: Option<Grain>,
    /// The calendar rule of a holiday, to place it in another year.
    holiday: Option<Holiday>,
}

fn mk(first: usize, last: usize, kind: TimexType, value: String, rule: &'static str) -> M {
    M {
        first,
        last,
        kind,
        value,
        modifier: None,
        anchored: false,
        rule,
        range: None,
        day: None,
        clock: None,
        gran: Gran::Other,
        year: None,
        week_monday: None,
        wd: None,
        month: None,
        dur: None,
        extra: None,
        bounds: None,
        cgrain: None,
        holiday: None,
    }
}

fn date_m(first: usize, last: usize, d: Date, anchored: bool, rule: &'static str) -> M {
    let mut m = mk(first, last, TimexType::Date, fmt_date(d), rule);
    m.day = Some(d);
    m.anchored = anchored;
    m.gran = Gran::Day;
    m.year = Some(d.year() as i32);
    m
}

/// How a holiday falls in a given year.
#[derive(Clone, Copy, Debug)]
enum Holiday {
    /// Month and day.
    Fixed(u8, u8),
    /// Month, weekday (1..7), n-th occurrence.
    Nth(u8, i8, i64),
    /// Days after the n-th weekday of a month (Black Friday).
    AfterNth(u8, i8, i64, i64),
    /// Last weekday of a month.
    Last(u8, i8),
    /// Days from (Western) Easter Sunday.
    Easter(i64),
    /// Days from Orthodox Easter Sunday.
    OrthodoxEaster(i64),
    /// Month and day of the Islamic year (months begin the day after a conjunction before
    /// sunset in Mecca; observance may differ by a day where the month starts on sighting).
    Islamic(u8, u8),
    /// The last Friday of Ramadan.
    LastFridayOfRamadan,
    /// Month and day, a Sunday moved to the Saturday before (King's Day).
    NoSunday(u8, u8),
    /// Month and day, a weekend day moved to the nearest weekday (Boss's Day).
    NearestWeekday(u8, u8),
    /// Jewish holidays.
    Hebrew(Heb),
    /// The Chinese (lunar) New Year.
    ChineseNewYear,
    /// The Parsi (Shahenshahi) New Year: a calendar of 365 days, no leap day.
    ParsiNewYear,
    /// A Hindu festival: lunar day (1..30) of the lunar month in which the sun enters a
    /// sidereal sign (0 = Mesha), held where the lunar day covers a time of day, then moved
    /// by some days (Bhai Dooj two days after Diwali).
    Tithi(u8, u8, Watch, i8),
    /// The day (India) the sun enters a sidereal sign, moved by some days (Pongal, Vaisakhi).
    Sankranti(u8, i8),
    /// Navaratri: the nine nights from the new moon of Ashvin to Vijayadashami.
    Navaratri,
    /// Spans: Ramadan, Lent, Great Lent.
    Ramadan,
    Lent,
    GreatLent,
}

/// Jewish holidays; festivals of several days begin on the evening before their first day.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Heb {
    RoshHashanah,
    YomKippur,
    Sukkot,
    SheminiAtzeret,
    SimchatTorah,
    Hanukkah,
    TuBishvat,
    Passover,
    YomHashoah,
    YomHaatzmaut,
    LagBaomer,
    Shavuot,
    TishaBav,
}

/// Days elapsed before Hebrew year `y` began (the molad of Tishrei and its postponements).
fn hebrew_elapsed(y: i64) -> i64 {
    let months = (235 * y - 234).div_euclid(19);
    let parts = 12084 + 13753 * months;
    let d = 29 * months + parts.div_euclid(25920);
    if (3 * (d + 1)).rem_euclid(7) < 3 {
        d + 1
    } else {
        d
    }
}

/// Rosh Hashanah (1 Tishrei) of Hebrew year `y`.
fn rosh_hashanah(y: i64) -> Option<Date> {
    if !(3762..=11760).contains(&y) {
        return None;
    }
    let (a, b, c) = (
        hebrew_elapsed(y - 1),
        hebrew_elapsed(y),
        hebrew_elapsed(y + 1),
    );
    let corr = if c - b == 356 {
        2
    } else if b - a == 382 {
        1
    } else {
        0
    };
    // Fixed day numbers count 0001-01-01 as 1; the Hebrew epoch is fixed day -1373427.
    add_days(ymd(1, 1, 1)?, -1373427 + b + corr - 1)
}

/// Fixed day number of Islamic (y, m, d), arithmetic calendar, epoch 16 July 622 (Julian).
fn islamic_fixed(y: i64, m: i64, d: i64) -> i64 {
    227014 + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + 29 * (m - 1) + m / 2 + d
}

/// The Gregorian dates of Islamic (m, d) in the Islamic years around Gregorian year `y`.
fn islamic_near(y: i32, m: u8, d: u8) -> impl Iterator<Item = Date> {
    let base = ymd(1, 1, 1);
    let iy0 = ((y as i64 - 622) * 33) / 32;
    let ok = (700..=9000).contains(&y);
    (iy0 - 2..=iy0 + 2).filter_map(move |iy| {
        if !ok {
            return None;
        }
        let tab = add_days(base?, islamic_fixed(iy, m as i64, 1) - 1)?;
        add_days(islamic_month_start(tab).unwrap_or(tab), d as i64 - 1)
    })
}

/// The first Islamic (m, d) in Gregorian year `y`.
fn islamic_in(y: i32, m: u8, d: u8) -> Option<Date> {
    islamic_near(y, m, d).find(|g| g.year() as i32 == y)
}

/// The first Islamic (m, d) after `after`.
fn islamic_after(after: Date, m: u8, d: u8) -> Option<Date> {
    islamic_near(after.year() as i32, m, d)
        .filter(|g| *g > after)
        .min()
}

/// The Chinese New Year: the new moon (China time, UTC+8) that falls from 21 January to
/// 20 February (the second after the winter solstice but for rare years such as 1985).
fn chinese_new_year(y: i32) -> Option<Date> {
    if !(1900..=2200).contains(&y) {
        return None;
    }
    let base = ymd(2000, 1, 1)?;
    let from = ymd(y, 1, 21)?;
    let k0 = ((y - 2000) as f64 * 12.3685).floor();
    (-2..=3)
        .filter_map(|dk| {
            let jd = new_moon_jde(k0 + dk as f64);
            add_days(base, (jd - 2451544.5 + 8.0 / 24.0).floor() as i64)
        })
        .find(|d| *d >= from)
}

/// Orthodox Easter Sunday (the Julian computus, shown in the Gregorian calendar).
fn orthodox_easter(y: i32) -> Option<Date> {
    let (a, b, c) = (y % 4, y % 7, y % 19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = ymd(y, month as u8, day as u8)?;
    add_days(julian, (y / 100 - y / 400 - 2) as i64)
}

impl Heb {
    /// First day (the eve for festivals of several days) and, for those, the exclusive end.
    fn span(self, y: i32) -> Option<(Date, Option<Date>)> {
        use Heb::*;
        let hy = y as i64 + 3761;
        let wd = |d: Date| wd_num(d.weekday());
        let day = |d: Option<Date>| d.map(|d| (d, None));
        let festival = |first: Date, days: i64| Some((add_days(first, -1)?, add_days(first, days)));
        match self {
            RoshHashanah | YomKippur | Sukkot | SheminiAtzeret | SimchatTorah => {
                let rh = rosh_hashanah(hy)?;
                match self {
                    RoshHashanah => festival(rh, 2),
                    YomKippur => day(add_days(rh, 9)),
                    Sukkot => festival(add_days(rh, 14)?, 8),
                    SheminiAtzeret => day(add_days(rh, 21)),
                    _ => day(add_days(rh, 22)),
                }
            }
            Hanukkah => {
                let rh = rosh_hashanah(hy)?;
                let len = (rosh_hashanah(hy + 1)? - rh).get_days();
                let cheshvan = if len % 10 == 5 { 30 } else { 29 };
                festival(add_days(rh, 30 + cheshvan + 24)?, 7)
            }
            _ => {
                // 15 Nisan falls 163 days before the next Rosh Hashanah.
                let p = add_days(rosh_hashanah(hy)?, -163)?;
                match self {
                    Passover => festival(p, 8),
                    Shavuot => festival(add_days(p, 50)?, 2),
                    LagBaomer => day(add_days(p, 33)),
                    TuBishvat => {
                        let leap = (7 * (hy - 1) + 1).rem_euclid(19) < 7;
                        day(add_days(p, if leap { -89 } else { -59 }))
                    }
                    YomHashoah => {
                        let d = add_days(p, 12)?;
                        day(add_days(
                            d,
                            match wd(d) {
                                5 => -1,
                                7 => 1,
                                _ => 0,
                            },
                        ))
                    }
                    YomHaatzmaut => {
                        let d = add_days(p, 20)?;
                        day(add_days(
                            d,
                            match wd(d) {
                                5 => -1,
                                6 => -2,
                                1 => 1,
                                _ => 0,
                            },
                        ))
                    }
                    _ => {
                        let d = add_days(p, 112)?;
                        day(add_days(d, if wd(d) == 6 { 1 } else { 0 }))
                    }
                }
            }
        }
    }
}

impl Holiday {
    fn on(self, y: i32) -> Option<Date> {
        match self {
            Holiday::Fixed(m, d) => ymd(y, m, d),
            Holiday::Nth(m, wd, n) => nth_weekday(y, m, wd, n),
            Holiday::AfterNth(m, wd, n, k) => add_days(nth_weekday(y, m, wd, n)?, k),
            Holiday::Last(m, wd) => {
                let last = ymd(y, m, 1)?.last_of_month();
                add_days(last, -((wd_num(last.weekday()) - wd).rem_euclid(7) as i64))
            }
            Holiday::Easter(k) => add_days(easter(y)?, k),
            Holiday::OrthodoxEaster(k) => add_days(orthodox_easter(y)?, k),
            Holiday::Islamic(m, d) => islamic_in(y, m, d),
            Holiday::LastFridayOfRamadan => {
                let end = add_days(islamic_in(y, 10, 1)?, -1)?;
                add_days(end, -((wd_num(end.weekday()) - 5).rem_euclid(7) as i64))
            }
            Holiday::NoSunday(m, d) => {
                let x = ymd(y, m, d)?;
                add_days(x, if wd_num(x.weekday()) == 7 { -1 } else { 0 })
            }
            Holiday::NearestWeekday(m, d) => {
                let x = ymd(y, m, d)?;
                add_days(
                    x,
                    match wd_num(x.weekday()) {
                        6 => -1,
                        7 => 1,
                        _ => 0,
                    },
                )
            }
            Holiday::Hebrew(h) => h.span(y).map(|s| s.0),
            Holiday::Ramadan => islamic_in(y, 9, 1),
            Holiday::Tithi(sign, t, w, k) => add_days(tithi_day(y, sign, t, w)?, k as i64),
            Holiday::Sankranti(sign, k) => add_days(sankranti(y, sign)?, k as i64),
            Holiday::Navaratri => tithi_day(y, 6, 1, Watch::Sunset),
            Holiday::ChineseNewYear => chinese_new_year(y),
            Holiday::ParsiNewYear => {
                // 17 August 2018 began a year; each year is 365 days.
                let anchor = ymd(2018, 8, 17)?;
                let d = add_days(anchor, 365 * (y as i64 - 2018))?;
                // The year's start drifts a day every fourth year; it stays in August.
                (d.year() as i32 == y).then_some(d)
            }
            Holiday::Lent => add_days(easter(y)?, -46),
            Holiday::GreatLent => add_days(orthodox_easter(y)?, -48),
        }
    }

    /// The exclusive end of a holiday that spans days.
    fn end(self, start: Date) -> Option<Date> {
        let y = start.year() as i32;
        match self {
            Holiday::Hebrew(h) => h.span(y)?.1,
            // Ramadan runs to the day before Eid al-Fitr, in the same Islamic year.
            Holiday::Ramadan => islamic_after(start, 10, 1),
            Holiday::Lent => easter(y),
            Holiday::Navaratri => add_days(tithi_day(y, 6, 10, Watch::Sunset)?, 1),
            Holiday::GreatLent => add_days(orthodox_easter(y)?, -8),
            _ => None,
        }
    }
}

/// "EOD", "EOM", "EOY", "BOM", "BOY" written in capitals.
fn edge_abbrev(raw: &str) -> bool {
    matches!(raw, "EOD" | "EOM" | "EOY" | "BOM" | "BOY")
}

/// First words of holiday names outside the lexer's classes; [`holiday_word`] is their test.
const HOLIDAY_WORDS: &[&str] = &[
    "amun",
    "ashura",
    "baisakhi",
    "bakr",
    "basant",
    "bhai",
    "bhogi",
    "boghi",
    "bogi",
    "boss",
    "bosses",
    "branch",
    "chaitra",
    "chanukah",
    "chanukkah",
    "chhath",
    "chhoti",
    "chinese",
    "clean",
    "dala",
    "dasara",
    "deepavali",
    "dhanatrayodashi",
    "dhanteras",
    "dhulandi",
    "diwali",
    "durga",
    "dussehra",
    "eid",
    "feast",
    "ganesh",
    "gokulashtami",
    "great",
    "guru",
    "hannukkah",
    "hanukah",
    "hanukkah",
    "holi",
    "holika",
    "holocaust",
    "id",
    "islamic",
    "isra",
    "jamat",
    "jamshedi",
    "janmashtami",
    "jumu",
    "kaanum",
    "kali",
    "kamudu",
    "kanni",
    "karva",
    "karwa",
    "king",
    "kings",
    "koningsdag",
    "krishna",
    "lag",
    "lakshmi",
    "laylat",
    "lazarus",
    "lent",
    "lunar",
    "maattu",
    "maghi",
    "maha",
    "maharishi",
    "mahaveer",
    "mahavir",
    "makar",
    "makara",
    "mardi",
    "mattu",
    "mawlid",
    "naraka",
    "navaratri",
    "navratri",
    "orthodox",
    "pargat",
    "parsi",
    "passover",
    "pesach",
    "phagwah",
    "pongal",
    "prophet",
    "rabindra",
    "rabindranath",
    "rakhi",
    "raksha",
    "rama",
    "ramadan",
    "rath",
    "ratha",
    "rosh",
    "sacrifice",
    "samvatsaradi",
    "saraswati",
    "shavuos",
    "shavuot",
    "shemini",
    "simchat",
    "succos",
    "sukkos",
    "sukkot",
    "surya",
    "thai",
    "tisha",
    "tu",
    "ugadi",
    "vaisakhi",
    "vaishakhi",
    "valmiki",
    "vasakhi",
    "vasant",
    "vijayadashami",
    "yom",
    "yugadi",
];

/// A hash of a word's first two bytes and length into 1024 buckets.
const fn shape_hash(w: &[u8]) -> usize {
    let second = if w.len() > 1 { w[1] as usize } else { 0 };
    (w[0] as usize * 131 + second * 17 + w.len()) & 1023
}

/// Bit set for the shape of every holiday word: one load rejects almost every other word
/// ("Reuters", "Shares") before any string comparison.
const HOLIDAY_SHAPES: [u64; 16] = {
    let mut m = [0u64; 16];
    let mut k = 0;
    while k < HOLIDAY_WORDS.len() {
        let h = shape_hash(HOLIDAY_WORDS[k].as_bytes());
        m[h / 64] |= 1 << (h % 64);
        k += 1;
    }
    m
};

/// The (lowercase) word may begin a holiday's name.
#[inline]
fn holiday_shape(w: &[u8]) -> bool {
    if w.is_empty() {
        return false;
    }
    let h = shape_hash(w);
    HOLIDAY_SHAPES[h / 64] >> (h % 64) & 1 == 1
}

/// A word that begins a holiday's name and is in no word class of the lexer ("Eid",
/// "Ramadan", "Passover"): a first-byte dispatch keeps the check cheap on every word.
fn holiday_word(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b'a') => matches!(w, "amun" | "ashura"),
        Some(b'b') => matches!(
            w,
            "baisakhi"
                | "bakr"
                | "basant"
                | "bhai"
                | "bhogi"
                | "boghi"
                | "bogi"
                | "boss"
                | "bosses"
                | "branch"
        ),
        Some(b'c') => matches!(
            w,
            "chaitra" | "chanukah" | "chanukkah" | "chhath" | "chhoti" | "chinese" | "clean"
        ),
        Some(b'd') => matches!(
            w,
            "dala"
                | "dasara"
                | "deepavali"
                | "dhanatrayodashi"
                | "dhanteras"
                | "dhulandi"
                | "diwali"
                | "durga"
                | "dussehra"
        ),
        Some(b'e') => matches!(w, "eid"),
        Some(b'f') => matches!(w, "feast"),
        Some(b'g') => matches!(w, "ganesh" | "gokulashtami" | "great" | "guru"),
        Some(b'h') => matches!(
            w,
            "hannukkah" | "hanukah" | "hanukkah" | "holi" | "holika" | "holocaust"
        ),
        Some(b'i') => matches!(w, "id" | "islamic" | "isra"),
        Some(b'j') => matches!(w, "jamat" | "jamshedi" | "janmashtami" | "jumu"),
        Some(b'k') => matches!(
            w,
            "kaanum"
                | "kali"
                | "kamudu"
                | "kanni"
                | "karva"
                | "karwa"
                | "king"
                | "kings"
                | "koningsdag"
                | "krishna"
        ),
        Some(b'l') => matches!(
            w,
            "lag" | "lakshmi" | "laylat" | "lazarus" | "lent" | "lunar"
        ),
        Some(b'm') => matches!(
            w,
            "maattu"
                | "maghi"
                | "maha"
                | "maharishi"
                | "mahaveer"
                | "mahavir"
                | "makar"
                | "makara"
                | "mardi"
                | "mattu"
                | "mawlid"
        ),
        Some(b'n') => matches!(w, "naraka" | "navaratri" | "navratri"),
        Some(b'o') => matches!(w, "orthodox"),
        Some(b'p') => matches!(
            w,
            "pargat" | "prophet" | "parsi" | "passover" | "pesach" | "phagwah" | "pongal"
        ),
        Some(b'r') => matches!(
            w,
            "rabindra"
                | "rabindranath"
                | "rakhi"
                | "raksha"
                | "rama"
                | "ramadan"
                | "rath"
                | "ratha"
                | "rosh"
        ),
        Some(b's') => matches!(
            w,
            "sacrifice"
                | "samvatsaradi"
                | "saraswati"
                | "shavuos"
                | "shavuot"
                | "shemini"
                | "simchat"
                | "succos"
                | "sukkos"
                | "sukkot"
                | "surya"
        ),
        Some(b't') => matches!(w, "thai" | "tisha" | "tu"),
        Some(b'u') => matches!(w, "ugadi"),
        Some(b'v') => matches!(
            w,
            "vaisakhi" | "vaishakhi" | "valmiki" | "vasakhi" | "vasant" | "vijayadashami"
        ),
        Some(b'y') => matches!(w, "yom" | "yugadi"),
        _ => false,
    }
}

fn nth_weekday(y: i32, m: u8, wd: i8, n: i64) -> Option<Date> {
    let first = ymd(y, m, 1)?;
    add_days(
        first,
        (wd - wd_num(first.weekday())).rem_euclid(7) as i64 + 7 * (n - 1),
    )
}

/// Western Easter Sunday (the anonymous Gregorian computus).
fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u8, day as u8)
}

struct Cx<'a, 'b> {
    l: &'a Lexed<'b>,
    a: Anchor,
    /// The text has no uppercase letters at all (queries, test phrases): relax capital checks.
    lower_only: bool,
    past: bool,
}

const FULL_MONTHS: &[&str] = &[
    "january",
    "february",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn time_unit(w: &str) -> Option<(&'static str, f64, bool)> {
    // (TIMEX3 letter, multiplier, is a clock unit)
    Some(match w {
        "year" | "years" | "yr" | "yrs" => ("Y", 1.0, false),
        "month" | "months" | "mth" | "mths" | "mo" | "mos" => ("M", 1.0, false),
        "week" | "weeks" | "wk" | "wks" => ("W", 1.0, false),
        "day" | "days" => ("D", 1.0, false),
        "decade" | "decades" => ("Y", 10.0, false),
        "century" | "centuries" => ("Y", 100.0, false),
        "millennium" | "millennia" => ("Y", 1000.0, false),
        "fortnight" | "fortnights" => ("W", 2.0, false),
        "hour" | "hours" | "hr" | "hrs" | "h" => ("H", 1.0, true),
        "minute" | "minutes" | "min" | "mins" => ("M", 1.0, true),
        "second" | "seconds" | "sec" | "secs" => ("S", 1.0, true),
        "quarter" | "quarters" => ("Q", 1.0, false),
        _ => return None,
    })
}

fn hour_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    })
}

fn unit_word(w: &str) -> Option<u32> {
    hour_word(w).filter(|&v| v <= 9)
}

fn teen_word(w: &str) -> Option<u32> {
    Some(match w {
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn dur_value(n: Option<f64>, unit: &str, mult: f64, clock: bool) -> String {
    let (n, unit) = if unit == "Q" {
        (n.map(|v| v * 3.0), "M")
    } else {
        (n, unit)
    };
    let num = match n {
        Some(v) => fmt_num(v * mult),
        None => "X".to_string(),
    };
    let unit = if mult == 10.0 && n.is_none() {
        "DE"
    } else if mult == 100.0 && n.is_none() {
        "CE"
    } else {
        unit
    };
    if clock {
        format!("PT{num}{unit}")
    } else {
        format!("P{num}{unit}")
    }
}

impl Cx<'_, '_> {
    /// The sentence around token `i` speaks of the future ("will", "next", "scheduled").
    fn future_at(&self, i: usize) -> bool {
        if self.past {
            return false;
        }
        let l = self.l;
        let lo = i.saturating_sub(15);
        let mut k = i;
        while k > lo {
            k -= 1;
            let w = l.w(k);
            // A clause boundary ends the search: "who will retire, met on Wednesday".
            if matches!(w, "." | "!" | "?" | ";" | ",") {
                break;
            }
            if matches!(
                w,
                "will"
                    | "shall"
                    | "scheduled"
                    | "upcoming"
                    | "due"
                    | "plans"
                    | "planned"
                    | "expected"
                    | "ll"
                    | "would"
                    | "intends"
                    | "going"
            ) {
                return true;
            }
        }
        false
    }

    /// A month-day without a year: backwards from the reference, forwards in future sentences.
    fn month_day(&self, m: u8, d: u8, i: usize) -> Option<Date> {
        let r = self.a.0?;
        let y = r.year() as i32;
        let this = ymd(y, m, d);
        if self.future_at(i) {
            match this {
                Some(c) if c >= r => Some(c),
                _ => (1..=8)
                    .map(|k| ymd(y + k, m, d))
                    .find(|c| c.is_some())
                    .flatten(),
            }
        } else {
            match this {
                Some(c) if c <= r => Some(c),
                _ => (1..=8)
                    .map(|k| ymd(y - k, m, d))
                    .find(|c| c.is_some())
                    .flatten(),
            }
        }
    }

    /// A bare month: its year, backwards or (in future sentences) forwards.
    fn month_year(&self, m: u8, i: usize) -> Option<i32> {
        let r = self.a.0?;
        let (ry, rm) = (r.year() as i32, r.month() as u8);
        Some(if self.future_at(i) {
            if m >= rm {
                ry
            } else {
                ry + 1
            }
        } else if m <= rm {
            ry
        } else {
            ry - 1
        })
    }

    /// A bare weekday: the most recent (or, in future sentences, the next) such day.
    fn weekday_day(&self, wd: i8, i: usize) -> Option<Date> {
        if self.future_at(i) {
            let r = self.a.0?;
            if wd_num(r.weekday()) == wd {
                return Some(r);
            }
            self.a.weekday_forward(wd)
        } else {
            self.a.weekday_back(wd, false)
        }
    }

    fn cap(&self, i: usize) -> bool {
        self.lower_only || self.l.capitalized(i)
    }

    /// A month name at `i`: (month, next token).
    fn month_at(&self, i: usize) -> Option<(u8, usize)> {
        let l = self.l;
        if !l.is_word(i) {
            return None;
        }
        let w = l.w(i);
        let m = month_number(w)?;
        let full = FULL_MONTHS.contains(&w);
        let abbrev = !full && !matches!(w, "march" | "may");
        let mut next = i + 1;
        // "Jan. 5", "Aug. 2016": the dot belongs to the month when a number follows.
        if abbrev && l.is(next, ".") && l.joined(i) && (l.is_num(next + 1) || l.is(next + 1, ",")) {
            next += 1;
        }
        let before = if i > 0 { l.w(i - 1) } else { "" };
        let before_strong = matches!(
            before,
            "last"
                | "next"
                | "this"
                | "early"
                | "late"
                | "mid"
                | "of"
                | "in"
                | "since"
                | "until"
                | "from"
                | "through"
                | "to"
                | "between"
                | "during"
                | "till"
                | "by"
                | "coming"
                | "previous"
        ) || matches!(before, "st" | "nd" | "rd" | "th")
            || (i > 0 && l.is_num(i - 1))
            || (before == "," && i > 1 && l.is_num(i - 2) && l.raw(i - 2).len() == 4);
        let day_word_after = |k: usize| -> bool {
            l.is_word(k)
                && num::read(l, k).is_some_and(|n| (1.0..=31.0).contains(&n.value) && n.words)
        };
        let after_ok = (l.is_num(next) && l.near(next - 1) && {
            let v = num::parse_digits(l.raw(next)).unwrap_or(0.0);
            (1.0..=31.0).contains(&v) || (1000.0..=2100.0).contains(&v)
        }) || ((l.is(next, "-") || l.is(next, "/"))
            && l.joined(next - 1)
            && l.is_num(next + 1))
            || day_word_after(next) && (self.cap(i) || full);
        if !(full || self.cap(i) || after_ok || before_strong && abbrev) {
            // "march", "may", "jan": only before a day or a year, or after "last"/"in".
            return None;
        }
        if matches!(w, "may" | "march" | "mar") || (abbrev && !l.is(i + 1, ".")) {
            // A modal "May" or the verb "march" need support: a day/year after, or a
            // preposition or time word before.
            let before_ok = before_strong
                || matches!(
                    before,
                    "and"
                        | "end"
                        | "-"
                        | "or"
                        | "the"
                        | "each"
                        | "every"
                        | "that"
                        | "throughout"
                        | "before"
                        | "after"
                        | ","
                );
            if !(after_ok || before_ok && (self.cap(i) || abbrev)) {
                return None;
            }
        }
        Some((m, next))
    }

    /// A weekday at `i`: (1..7, next, plural).
    fn weekday_at(&self, i: usize) -> Option<(i8, usize, bool)> {
        let l = self.l;
        if !l.is_word(i) {
            return None;
        }
        let w = l.w(i);
        let d = weekday_num(w)?;
        let full = w.ends_with("day") || w.ends_with("days");
        let mut next = i + 1;
        if !full {
            if !self.cap(i) {
                return None;
            }
            if l.is(next, ".") && l.joined(i) {
                next += 1;
            } else if !(l.is(next, ",")
                || (i > 0 && matches!(l.w(i - 1), "on" | "this" | "next" | "last")))
            {
                return None;
            }
        }
        Some((d, next, w.ends_with("days")))
    }

    /// A day of month at `i`: digits 1..31 with an optional "st/nd/rd/th", or an ordinal word.
    fn day_at(&self, i: usize, words: bool) -> Option<(u8, usize)> {
        let l = self.l;
        if l.is_num(i) {
            let raw = l.raw(i);
            if raw.len() > 2 || raw.contains(['.', ',']) {
                return None;
            }
            let v: u8 = raw.parse().ok()?;
            if !(1..=31).contains(&v) {
                return None;
            }
            let mut next = i + 1;
            if l.joined(i) && matches!(l.w(next), "st" | "nd" | "rd" | "th") {
                next += 1;
            }
            // Not a quantity ("May 5 percent").
            if unit_after(l, next) && !matches!(l.w(next), "points" | "times") {
                return None;
            }
            return Some((v, next));
        }
        if words && l.is_word(i) {
            let n = num::read(l, i)?;
            if n.ordinal && (1.0..=31.0).contains(&n.value) {
                return Some((n.value as u8, n.last));
            }
        }
        None
    }

    /// A month-day without a year, resolved like "July 25".
    fn md_only(&self, i: usize, e: usize, m: u8, d: u8) -> Option<M> {
        Some(match self.month_day(m, d, i) {
            Some(dt) => date_m(i, e, dt, true, "date.md.numeric"),
            None => {
                let mut x = mk(
                    i,
                    e,
                    TimexType::Date,
                    format!("XXXX-{m:02}-{d:02}"),
                    "date.md.numeric",
                );
                x.anchored = true;
                x.gran = Gran::Day;
                x
            }
        })
    }

    /// "this month", "next month", "the previous month" at `j`: (year, month, end).
    fn rel_month_at(&self, j: usize) -> Option<(i32, u8, usize)> {
        let l = self.l;
        let r = self.a.0?;
        if l.is(j, "the") && l.is(j + 1, "month") {
            return Some((r.year() as i32, r.month() as u8, j + 2));
        }
        let k = if l.is(j, "the") { j + 1 } else { j };
        let dir = match l.w(k) {
            "this" | "current" | "present" => 0,
            "next" | "coming" | "following" => 1,
            "last" | "previous" | "past" => -1,
            _ => return None,
        };
        if !l.is(k + 1, "month") {
            return None;
        }
        let d = add_months(r.first_of_month(), dir)?;
        Some((d.year() as i32, d.month() as u8, k + 2))
    }

    /// A day of month alone: the most recent such day (or the next, in future sentences).
    fn day_of_month(&self, d: u8, i: usize) -> Option<Date> {
        let r = self.a.0?;
        let fwd = self.future_at(i);
        let mut cur = r.first_of_month();
        for _ in 0..13 {
            if let Some(c) = ymd(cur.year() as i32, cur.month() as u8, d) {
                if (fwd && c >= r) || (!fwd && c <= r) {
                    return Some(c);
                }
            }
            cur = add_months(cur, if fwd { 1 } else { -1 })?;
        }
        None
    }

    /// The date nearest the reference (within a year) whose day of month is `d` and whose
    /// weekday is `wd`: "Friday the 13th".
    fn weekday_day_of_month(&self, wd: i8, d: u8) -> Option<Date> {
        let r = self.a.0?;
        let mut best: Option<(i64, Date)> = None;
        for k in -12..=12i64 {
            let m = add_months(r.first_of_month(), k)?;
            if let Some(c) = ymd(m.year() as i32, m.month() as u8, d) {
                if wd_num(c.weekday()) == wd {
                    let dist = (c - r).get_days().abs() as i64;
                    if best.is_none_or(|(bd, _)| dist < bd) {
                        best = Some((dist, c));
                    }
                }
            }
        }
        best.map(|b| b.1)
    }

    /// "the 27th", "on 15": a day of month with no month (in the "the"/"on" context).
    fn r_bare_day(&self, i: usize) -> Option<M> {
        let l = self.l;
        if !l.is_num(i) || l.raw(i).len() > 2 {
            return None;
        }
        let (d, e) = self.day_at(i, false)?;
        let suffixed = e > i + 1;
        if !suffixed
            && (l.is_word(e)
                || l.is_num(e)
                || l.is(e, "-")
                || l.is(e, "/")
                || l.is(e, ":")
                || l.is(e, "%"))
        {
            return None;
        }
        if suffixed && (l.is_word(e) && !matches!(l.w(e), "and" | "or" | "to" | "of")) {
            return None;
        }
        let x = match self.day_of_month(d, i) {
            Some(dt) => date_m(i, e, dt, true, "date.bare_day"),
            None => {
                let mut x = mk(
                    i,
                    e,
                    TimexType::Date,
                    format!("XXXX-XX-{d:02}"),
                    "date.bare_day",
                );
                x.anchored = true;
                x.gran = Gran::Day;
                x
            }
        };
        Some(x)
    }

    /// A day of month written as a cardinal in words ("May twenty one").
    fn day_cardinal_at(&self, i: usize) -> Option<(u8, usize)> {
        let l = self.l;
        if !l.is_word(i) {
            return None;
        }
        let n = num::read(l, i)?;
        if n.ordinal || !(1.0..=31.0).contains(&n.value) || n.value.fract() != 0.0 {
            return None;
        }
        if unit_after(l, n.last) || time_unit(l.w(n.last)).is_some() {
            return None;
        }
        Some((n.value as u8, n.last))
    }

    /// A four-digit year (or "'98") at `i`.
    fn year_at(&self, i: usize, lenient: bool) -> Option<(i32, usize)> {
        let l = self.l;
        if l.is_num(i) {
            let raw = l.raw(i);
            if raw.len() == 4 && raw.bytes().all(|b| b.is_ascii_digit()) {
                let y: i32 = raw.parse().ok()?;
                let lo = if lenient { 1000 } else { 1900 };
                if (lo..=2100).contains(&y) {
                    return Some((y, i + 1));
                }
            }
            return None;
        }
        if (l.is(i, "'") || l.is(i, "’"))
            && l.joined(i)
            && l.is_num(i + 1)
            && l.raw(i + 1).len() == 2
            && !l.is_word(i + 2)
        {
            {
                let v: i32 = l.raw(i + 1).parse().ok()?;
                return Some((if v < 40 { 2000 + v } else { 1900 + v }, i + 2));
            }
        }
        None
    }

    /// Two-digit and word decades: "the 70s", "70's", "'40s", "the seventies",
    /// "the nineteen seventies", "the noughties".
    fn decade_2d(&self, i: usize) -> Option<M> {
        let l = self.l;
        let mut k = i;
        if l.is(k, "'") || l.is(k, "’") {
            k += 1;
        }
        if l.is_num(k) && l.raw(k).len() == 2 && (k == i || l.joined(i)) {
            let v: i32 = l.raw(k).parse().ok()?;
            let e = if l.joined(k) && l.is(k + 1, "s") {
                k + 2
            } else if l.joined(k)
                && (l.is(k + 1, "'") || l.is(k + 1, "’"))
                && l.joined(k + 1)
                && l.is(k + 2, "s")
            {
                k + 3
            } else {
                return None;
            };
            if v % 10 != 0 {
                return None;
            }
            let y = if v < 30 { 2000 + v } else { 1900 + v };
            let ys = y.to_string();
            return Some(mk(
                i,
                e,
                TimexType::Date,
                format!("{}X", &ys[..3]),
                "date.decade",
            ));
        }
        let w = l.w(i);
        let dec = |w: &str| -> Option<i32> {
            Some(match w {
                "twenties" => 2,
                "thirties" => 3,
                "forties" => 4,
                "fifties" => 5,
                "sixties" => 6,
                "seventies" => 7,
                "eighties" => 8,
                "nineties" => 9,
                "noughties" | "aughts" => 0,
                "tens" => 1,
                _ => return None,
            })
        };
        // "the seventies" (preceded by "the" or "nineteen").
        if let Some(d) = dec(w) {
            if d == 1 || !(i > 0 && l.is(i - 1, "the")) {
                return None;
            }
            let c = if d == 0 { 200 } else { 190 + d };
            return Some(mk(
                i,
                i + 1,
                TimexType::Date,
                format!("{c}X"),
                "date.decade",
            ));
        }
        if w == "nineteen" || w == "eighteen" {
            if let Some(d) = dec(l.w(i + 1)) {
                let c = if w == "nineteen" { 190 } else { 180 } + d;
                return Some(mk(
                    i,
                    i + 2,
                    TimexType::Date,
                    format!("{c}X"),
                    "date.decade",
                ));
            }
        }
        if w == "twenty" && l.is(i + 1, "-") && l.is(i + 2, "tens") {
            return Some(mk(i, i + 3, TimexType::Date, "201X".into(), "date.decade"));
        }
        if w == "two" && l.is(i + 1, "thousand") {
            if l.is(i + 2, "and") && l.is(i + 3, "tens") {
                return Some(mk(i, i + 4, TimexType::Date, "201X".into(), "date.decade"));
            }
            if l.is(i + 2, "thousands") {
                return None;
            }
        }
        if w == "two" && l.is(i + 1, "thousands") {
            return Some(mk(i, i + 2, TimexType::Date, "200X".into(), "date.decade"));
        }
        None
    }

    /// A year in digits or (in date contexts) in words.
    fn year_any(&self, k: usize) -> Option<(i32, usize)> {
        self.year_at(k, true).or_else(|| self.word_year_at(k))
    }

    /// A year written in words after a date ("two thousand and eighteen", "nineteen seventy eight").
    fn word_year_at(&self, k: usize) -> Option<(i32, usize)> {
        let l = self.l;
        if !l.is_word(k) || l.class(k) & cls::NUM == 0 {
            return None;
        }
        let n = attache_quant::rich::read(l, k)?;
        if n.ordinal
            || n.last < k + 2
            || n.value.fract() != 0.0
            || !(1000.0..=2100.0).contains(&n.value)
        {
            return None;
        }
        Some((n.value as i32, n.last))
    }

    /// A number at `i` is glued to letters or a currency ("C5", "USD 2016") or followed by a unit.
    fn not_a_year(&self, i: usize, next: usize) -> bool {
        let l = self.l;
        (i > 0
            && l.joined(i - 1)
            && (l.is_word(i - 1)
                || l.is(i - 1, "$")
                || (l.is(i - 1, "-") && i > 1 && l.joined(i - 2) && l.is_word(i - 2))))
            || currency_before(l, i)
            || unit_after(l, next)
            || (l.joined(next - 1) && (l.is_word(next) || l.is_num(next)))
            || (l.joined(next - 1)
                && matches!(l.w(next), "%" | "," | ".")
                && l.is_num(next + 1)
                && l.joined(next))
    }

    // ---------------------------------------------------------------- explicit dates

    /// "July 25", "July 25, 2025", "Jan. 5", "January 1992", "January of 1992", "May".
    fn r_month_first(&self, i: usize) -> Option<M> {
        let l = self.l;
        let (m, mut j) = self.month_at(i)?;
        if l.is(j, "the") && self.day_at(j + 1, true).is_some() {
            j += 1;
        }
        // "Oct-2", "Oct/2", "October. 2"
        let sep_day =
            |sep_ok: bool| sep_ok && l.joined(j - 1) && l.is_num(j + 1) && l.raw(j + 1).len() <= 2;
        if sep_day((l.is(j, "-") || l.is(j, "/")) && l.joined(j)) || sep_day(l.is(j, ".")) {
            j += 1;
        }
        let words_ok = l.is(j - 1, "the") || self.cap(i);
        if let Some((d, mut k)) = self.day_at(j, false).or_else(|| {
            if words_ok {
                self.day_at(j, true).or_else(|| self.day_cardinal_at(j))
            } else {
                None
            }
        }) {
            if l.near(j - 1) {
                // Year after the day: "July 25, 2025", "July 25 2025".
                let mut kk = k;
                if l.is(kk, ",") {
                    kk += 1;
                }
                if let Some((y, e)) = self.year_at(kk, true) {
                    if !self.not_a_year(kk, e) || l.is(e, ",") || l.is(e, ".") {
                        if let Some(dt) = ymd(y, m, d) {
                            return Some(date_m(i, e, dt, false, "date.mdy"));
                        }
                    }
                }
                if let Some((y, e)) = self.word_year_at(kk) {
                    if let Some(dt) = ymd(y, m, d) {
                        return Some(date_m(i, e, dt, false, "date.mdy"));
                    }
                }
                if l.is(k, ",") && l.is(k + 1, "'") {
                    if let Some((y, e)) = self.year_at(k + 1, true) {
                        if let Some(dt) = ymd(y, m, d) {
                            return Some(date_m(i, e, dt, false, "date.mdy"));
                        }
                    }
                }
                // "July 25" alone.
                if l.is(k, "-") || l.is(k, "/") {
                    // "July 25-27": leave the day range to the range pass.
                }
                k = k.max(j + 1);
                return Some(match self.month_day(m, d, i) {
                    Some(dt) => date_m(i, k, dt, true, "date.md"),
                    None => {
                        let mut x = mk(
                            i,
                            k,
                            TimexType::Date,
                            format!("XXXX-{m:02}-{d:02}"),
                            "date.md",
                        );
                        x.anchored = true;
                        x.gran = Gran::Day;
                        x
                    }
                });
            }
        }
        // "January 1992", "January of 1992", "Jan. 1992", "August 99"
        let mut jy = j;
        if l.is(jy, "of") || l.is(jy, ",") {
            jy += 1;
        }
        if let Some((y, e)) = self.year_any(jy) {
            if !self.not_a_year(jy, e) || l.is(e, ".") || l.is(e, ",") {
                let mut x = mk(i, e, TimexType::Date, fmt_month(y, m), "date.my");
                x.gran = Gran::Month;
                x.year = Some(y);
                return Some(x);
            }
        }
        if l.is_num(j) && l.raw(j).len() == 2 && !l.is_num(j + 1) && !unit_after(l, j + 1) {
            let v: i32 = l.raw(j).parse().ok()?;
            if v > 31 {
                let y = if v < 40 { 2000 + v } else { 1900 + v };
                let mut x = mk(i, j + 1, TimexType::Date, fmt_month(y, m), "date.my");
                x.gran = Gran::Month;
                x.year = Some(y);
                return Some(x);
            }
        }
        // "March after next": the one after the coming one.
        if l.is(j, "after") && l.is(j + 1, "next") {
            let r = self.a.0?;
            let (ry, rm) = (r.year() as i32, r.month() as u8);
            let y = if m > rm { ry + 1 } else { ry + 2 };
            let mut x = mk(i, j + 2, TimexType::Date, fmt_month(y, m), "date.month");
            x.gran = Gran::Month;
            x.year = Some(y);
            x.anchored = true;
            return Some(x);
        }
        // A bare month points back from the reference.
        let (value, year) = match self.month_year(m, i) {
            Some(y) => (fmt_month(y, m), Some(y)),
            None => (format!("XXXX-{m:02}"), None),
        };
        let mut x = mk(i, j, TimexType::Date, value, "date.month");
        x.month = Some(m);
        x.anchored = true;
        x.gran = Gran::Month;
        x.year = year;
        Some(x)
    }

    /// "25 July 2025", "25th of July", "the 25th of July".
    fn r_day_first(&self, i: usize) -> Option<M> {
        let l = self.l;
        let (d, mut j) = self.day_at(i, true).or_else(|| {
            if self.lower_only {
                self.day_cardinal_at(i)
            } else {
                None
            }
        })?;
        if l.is(j, ".") && l.is_num(i) && l.joined(j - 1) && self.month_at(j + 1).is_some() {
            j += 1; // "16. Nov. 2016"
        }
        if l.is(j, "of") {
            j += 1;
        } else if l.is_word(i) {
            return None; // "first May" is not a date; "first of May" is.
        }
        // "20th of next month", "the 20th of the current month"
        if let Some((y, m, e)) = self.rel_month_at(j) {
            let dt = ymd(y, m, d)?;
            return Some(date_m(i, e, dt, true, "date.day_of_rel_month"));
        }
        let (m, k) = self.month_at(j)?;
        if !(l.near(j - 1)) {
            return None;
        }
        let mut ky = k;
        if l.is(ky, ",") {
            ky += 1;
        }
        if let Some((y, e)) = self.year_at(ky, true) {
            if !self.not_a_year(ky, e) || l.is(e, ".") || l.is(e, ",") {
                if let Some(dt) = ymd(y, m, d) {
                    return Some(date_m(i, e, dt, false, "date.dmy"));
                }
            }
        }
        if let Some((y, e)) = self.word_year_at(ky) {
            if let Some(dt) = ymd(y, m, d) {
                return Some(date_m(i, e, dt, false, "date.dmy"));
            }
        }
        Some(match self.month_day(m, d, i) {
            Some(dt) => date_m(i, k, dt, true, "date.dm"),
            None => {
                let mut x = mk(
                    i,
                    k,
                    TimexType::Date,
                    format!("XXXX-{m:02}-{d:02}"),
                    "date.dm",
                );
                x.anchored = true;
                x.gran = Gran::Day;
                x
            }
        })
    }

    /// Numeric dates: "2025-07-25", "7/25/2025", "10.31.1974", "31-Oct-74", "2/15".
    fn r_numeric(&self, i: usize) -> Option<M> {
        let l = self.l;
        let raw = l.raw(i);
        // "10.31.1974" is one token with two dots.
        if raw.bytes().filter(|&b| b == b'.').count() == 2 && !raw.contains(',') {
            let p: Vec<&str> = raw.split('.').collect();
            let (a, b, c) = (
                p[0].parse::<u32>().ok()?,
                p[1].parse::<u32>().ok()?,
                p[2].parse::<i32>().ok()?,
            );
            if p[0].len() == 4 {
                // "2015.5.13"
                let dt = ymd(p[0].parse().ok()?, b as u8, c as u8)?;
                return Some(date_m(i, i + 1, dt, false, "date.numeric"));
            }
            if p[2].len() == 4 || p[2].len() == 2 {
                let y = if p[2].len() == 2 {
                    if c < 40 {
                        2000 + c
                    } else {
                        1900 + c
                    }
                } else {
                    c
                };
                let (m, d) = if a > 12 { (b, a) } else { (a, b) };
                let dt = ymd(y, m as u8, d as u8)?;
                return Some(date_m(i, i + 1, dt, false, "date.numeric"));
            }
            return None;
        }
        let on_before = i > 0
            && matches!(
                l.w(i - 1),
                "on" | "in" | "from" | "to" | "until" | "till" | "through"
            );
        // "on 4.22": month.day after "on"/"in" only (elsewhere it is a decimal).
        if on_before
            && raw.bytes().filter(|&b| b == b'.').count() == 1
            && !l.is_word(i + 1)
            && !l.is_num(i + 1)
        {
            let (a, b) = raw.split_once('.')?;
            if a.len() <= 2 && b.len() == 2 {
                let (m, d): (u8, u8) = (a.parse().ok()?, b.parse().ok()?);
                if (1..=12).contains(&m) && (1..=31).contains(&d) {
                    return self.md_only(i, i + 1, m, d);
                }
            }
        }
        if raw.contains(['.', ',']) {
            return None;
        }
        let sep = |k: usize| matches!(l.w(k), "/" | "-");
        let tight = |k: usize| l.joined(k) && l.joined(k + 1);
        // "2019-sep-1", "2019/sep/01"
        if raw.len() == 4
            && sep(i + 1)
            && tight(i)
            && l.is_word(i + 2)
            && l.w(i + 3) == l.w(i + 1)
            && tight(i + 2)
            && l.is_num(i + 4)
        {
            if let Some(m) = month_number(l.w(i + 2)) {
                let dt = ymd(raw.parse().ok()?, m, l.raw(i + 4).parse().ok()?)?;
                return Some(date_m(i, i + 5, dt, false, "date.iso"));
            }
        }
        // "3/2015", "11-2016": month and year.
        if raw.len() <= 2
            && sep(i + 1)
            && tight(i)
            && l.is_num(i + 2)
            && l.raw(i + 2).len() == 4
            && !sep(i + 3)
        {
            let m: u8 = raw.parse().ok()?;
            let y: i32 = l.raw(i + 2).parse().ok()?;
            if (1..=12).contains(&m) && (1000..=2100).contains(&y) {
                let mut x = mk(
                    i,
                    i + 3,
                    TimexType::Date,
                    fmt_month(y, m),
                    "date.numeric_month",
                );
                x.gran = Gran::Month;
                x.year = Some(y);
                x.month = Some(m);
                return Some(x);
            }
        }
        // ISO: 2025-07-25
        if raw.len() == 4 && sep(i + 1) && tight(i) && l.is_num(i + 2) {
            let y: i32 = raw.parse().ok()?;
            let m: u8 = l.raw(i + 2).parse().ok()?;
            if l.w(i + 3) == l.w(i + 1) && tight(i + 2) && l.is_num(i + 4) {
                let d: u8 = l.raw(i + 4).parse().ok()?;
                let dt = ymd(y, m, d)?;
                return Some(date_m(i, i + 5, dt, false, "date.iso"));
            }
            let r2 = l.raw(i + 2);
            // "2016-11", "2015-3", "2016/11"; but "2011-12" is a year span.
            let span_like = r2.len() == 2 && !r2.starts_with('0') && (y + 1) % 100 == m as i32;
            if r2.len() <= 2 && (1..=12).contains(&m) && !span_like && !sep(i + 3) {
                let mut x = mk(i, i + 3, TimexType::Date, fmt_month(y, m), "date.iso");
                x.gran = Gran::Month;
                x.year = Some(y);
                return Some(x);
            }
            return None;
        }
        if raw.len() > 2 {
            return None;
        }
        let a: u32 = raw.parse().ok()?;
        if !(sep(i + 1) && tight(i)) {
            return None;
        }
        let s = l.w(i + 1).to_string();
        // 31-Oct-74, 31/Oct/1974
        if let Some(m) = if l.is_word(i + 2) {
            month_number(l.w(i + 2))
        } else {
            None
        } {
            if l.w(i + 3) == s && tight(i + 2) && l.is_num(i + 4) {
                let yr = l.raw(i + 4);
                let c: i32 = yr.parse().ok()?;
                let y = match yr.len() {
                    4 => c,
                    2 => {
                        if c < 40 {
                            2000 + c
                        } else {
                            1900 + c
                        }
                    }
                    _ => return None,
                };
                let dt = ymd(y, m, a as u8)?;
                return Some(date_m(i, i + 5, dt, false, "date.numeric"));
            }
            return None;
        }
        if !l.is_num(i + 2) {
            return None;
        }
        let braw = l.raw(i + 2);
        if braw.len() > 2 || braw.contains(['.', ',']) {
            return None;
        }
        let b: u32 = braw.parse().ok()?;
        if l.w(i + 3) == s && tight(i + 2) && l.is_num(i + 4) {
            let yr = l.raw(i + 4);
            let c: i32 = yr.parse().ok()?;
            let y = match yr.len() {
                4 => c,
                2 => {
                    if c < 40 {
                        2000 + c
                    } else {
                        1900 + c
                    }
                }
                _ => return None,
            };
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            let dt = ymd(y, m as u8, d as u8)?;
            return Some(date_m(i, i + 5, dt, false, "date.numeric"));
        }
        // "2/15", "22/04" without a year: a plausible month/day that is not a fraction; "on 4-22".
        let no_more = !(l.is_num(i + 3) || l.is(i + 3, "/") || l.is(i + 3, "-"));
        let in_only = i > 0 && l.is(i - 1, "in");
        if no_more && (s == "/" || on_before) && !(in_only && s == "/" && a <= 12 && b <= 12) {
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            let plausible =
                (1..=12).contains(&m) && (1..=31).contains(&d) && (a > 12 || b > 12 || on_before);
            if plausible {
                return self.md_only(i, i + 3, m as u8, d as u8);
            }
        }
        None
    }

    // ---------------------------------------------------------------- years, decades, parts

    /// "2026", "fiscal 1986/87", "1995-96", "the 1990s", "'90s", "the year 2000".
    fn r_year(&self, i: usize) -> Option<M> {
        let l = self.l;
        let mut s = i;
        let fiscal = l.is(i, "fiscal") || l.is(i, "fy");
        if fiscal {
            s = i + 1;
            if l.is(s, "year") {
                s += 1;
            }
        }
        if !fiscal {
            if let Some(x) = self.decade_2d(i) {
                return Some(x);
            }
        }
        let after_signal = s > 0
            && matches!(
                l.w(s - 1),
                "in" | "of" | "since" | "until" | "by" | "from" | "through" | "to" | "and"
            );
        let (y, e) = self
            .year_at(s, true)
            .or_else(|| {
                if after_signal {
                    self.word_year_at(s)
                } else {
                    None
                }
            })
            .or_else(|| {
                if l.is(i, "year") {
                    self.word_year_at(i + 1)
                        .or_else(|| self.year_at(i + 1, true))
                        .or_else(|| {
                            // "year 247"
                            let raw = l.raw(i + 1);
                            let ok = l.is_num(i + 1)
                                && raw.len() <= 4
                                && raw.bytes().all(|b| b.is_ascii_digit())
                                && !l.is_word(i + 2);
                            ok.then(|| (raw.parse().unwrap_or(0), i + 2))
                                .filter(|(y, _)| *y > 0)
                        })
                } else {
                    None
                }
            })?;
        // "2016H2", "2018Q4"
        if l.joined(e - 1) && (l.is(e, "h") || l.is(e, "q")) && l.joined(e) && l.is_num(e + 1) {
            let v: u8 = l.raw(e + 1).parse().ok()?;
            let unit = if l.is(e, "q") { "Q" } else { "H" };
            if (unit == "Q" && (1..=4).contains(&v)) || (unit == "H" && (1..=2).contains(&v)) {
                let mut x = mk(
                    i,
                    e + 2,
                    TimexType::Date,
                    format!("{y:04}-{unit}{v}"),
                    "date.quarter",
                );
                x.year = Some(y);
                return Some(x);
            }
        }
        // Decades: "1990s", "1990's", "'90s"
        if l.joined(e - 1) && (l.is(e, "s") || (l.is(e, "'") && l.joined(e) && l.is(e + 1, "s"))) {
            let end = if l.is(e, "s") { e + 1 } else { e + 2 };
            if y % 10 == 0 {
                let ys = y.to_string();
                let mut x = mk(
                    i,
                    end,
                    TimexType::Date,
                    format!("{}X", &ys[..3]),
                    "date.decade",
                );
                x.year = Some(y);
                return Some(x);
            }
            return None;
        }
        if l.is_num(s) && self.not_a_year(s, e) && !(l.is(e, "/") || l.is(e, "-")) {
            return None;
        }
        let raw_num = l.is_num(s);
        // "1986/87", "1995-96", "fiscal 1986/87"
        if raw_num
            && (l.is(e, "/") || l.is(e, "-") || l.is(e, "–"))
            && l.joined(e - 1)
            && l.joined(e)
            && l.is_num(e + 1)
        {
            let r2 = l.raw(e + 1);
            if r2.len() == 2 && !l.is_num(e + 2) && !(l.is(e + 2, "/") || l.is(e + 2, "-")) {
                let v: i32 = r2.parse().ok()?;
                let y2 = y / 100 * 100 + v;
                let y2 = if y2 <= y { y2 + 100 } else { y2 };
                if y2 == y + 1 || fiscal {
                    let mut x = mk(
                        i,
                        e + 2,
                        TimexType::Date,
                        format!("{y}/{y2}"),
                        if fiscal {
                            "date.fiscal"
                        } else {
                            "date.year_span"
                        },
                    );
                    x.range = Some(format!("{y}/{y2}"));
                    x.year = Some(y);
                    return Some(x);
                }
            }
            if r2.len() == 4 && l.w(e) == "/" && fiscal {
                let y2: i32 = r2.parse().ok()?;
                let mut x = mk(
                    i,
                    e + 2,
                    TimexType::Date,
                    format!("{y}/{y2}"),
                    "date.fiscal",
                );
                x.range = Some(format!("{y}/{y2}"));
                x.year = Some(y);
                return Some(x);
            }
            if r2.len() != 4 {
                return None;
            }
        }
        if raw_num && !fiscal {
            // Years outside 1900..2100 need support: a signal word or "the year".
            let before = if s > 0 { l.w(s - 1) } else { "" };
            let supported = matches!(
                before,
                "in" | "since"
                    | "of"
                    | "by"
                    | "from"
                    | "until"
                    | "till"
                    | "year"
                    | "before"
                    | "after"
                    | "during"
                    | "between"
                    | "and"
                    | "to"
                    | "through"
                    | "circa"
                    | "c"
                    | "around"
            );
            if !(1900..=2100).contains(&y) && !supported {
                return None;
            }
            // A bare number in a list of numbers ("1,2000") or a score is not a year.
            if s > 0 && l.joined(s - 1) && matches!(l.w(s - 1), "," | "." | ":" | "/" | "+" | "#") {
                return None;
            }
        }
        let mut x = mk(
            i,
            e,
            TimexType::Date,
            format!("{y:04}"),
            if fiscal { "date.fiscal" } else { "date.year" },
        );
        x.gran = Gran::Year;
        x.year = Some(y);
        Some(x)
    }

    /// "the 20th century", "the twenty-first century".
    fn r_century(&self, i: usize) -> Option<M> {
        let l = self.l;
        let n = num::read(l, i)?;
        if !n.ordinal || !(1.0..=30.0).contains(&n.value) {
            return None;
        }
        let mut j = n.last;
        if l.is(j, "-") {
            j += 1;
        }
        if !l.is(j, "century") {
            return None;
        }
        let c = n.value as i32 - 1;
        Some(mk(
            i,
            j + 1,
            TimexType::Date,
            format!("{c:02}"),
            "date.century",
        ))
    }

    /// "mid-2000s", "late 1990s", "early 2024", "mid-January", "end-March", "late last year".
    fn r_part(&self, i: usize) -> Option<M> {
        let l = self.l;
        let w = l.w(i);
        let modifier = match w {
            "early" => "EARLY",
            "mid" | "middle" => "MID",
            "late" => "LATE",
            "end" => "END",
            "start" | "beginning" => "START",
            _ => return None,
        };
        let mut j = i + 1;
        if l.is(j, "-") && l.joined(i) {
            j += 1;
        } else if matches!(w, "end" | "start" | "beginning" | "middle") {
            return None; // "the end of" is its own rule
        }
        let inner = self
            .r_year(j)
            .or_else(|| self.r_month_first(j))
            .or_else(|| self.r_rel_unit(j))
            .or_else(|| self.r_century(j))
            .or_else(|| self.r_deictic(j).filter(|_| l.is(j, "tonight")))?;
        // "late tonight", "late last night": the part of day keeps its type.
        let part_of_day = inner.kind == TimexType::Time
            && inner.clock.is_none()
            && inner.value.len() > 3
            && part_hours(&inner.value[inner.value.len() - 2..]).is_some();
        if part_of_day && matches!(modifier, "LATE" | "EARLY") {
            let mut x = inner;
            x.first = i;
            x.modifier = Some(modifier);
            return Some(x);
        }
        if inner.kind != TimexType::Date {
            return None;
        }
        if inner.rule == "date.md" || inner.gran == Gran::Day {
            return None;
        }
        let mut x = inner;
        x.first = i;
        x.modifier = Some(modifier);
        x.rule = "date.part";
        x.bounds = boxed(self.edge_bounds(&x, modifier));
        Some(x)
    }

    /// "the end of March", "the beginning of 2024", "the middle of the year", "the turn of the century".
    fn r_end_of(&self, i: usize) -> Option<M> {
        let l = self.l;
        let modifier = match l.w(i) {
            "end" | "close" => "END",
            "beginning" | "start" => "START",
            "middle" => "MID",
            _ => return None,
        };
        if !l.is(i + 1, "of") {
            return None;
        }
        let mut j = i + 2;
        let the = usize::from(l.is(j, "the"));
        let inner = if matches!(l.w(j + the), "year" | "month" | "week" | "decade")
            && !l.is_num(j + the + 1)
        {
            j += the;
            let r = self.a.0;
            let (v, g) = match (l.w(j), r) {
                ("year", Some(r)) => (format!("{:04}", r.year()), Gran::Year),
                ("month", Some(r)) => (fmt_month(r.year() as i32, r.month() as u8), Gran::Month),
                ("week", Some(r)) => (fmt_week(r), Gran::Other),
                _ => ("XXXX".to_string(), Gran::Other),
            };
            let mut x = mk(j, j + 1, TimexType::Date, v, "date.end_of");
            x.gran = g;
            x.anchored = true;
            x
        } else {
            self.r_month_first(j)
                .or_else(|| self.r_year(j))
                .or_else(|| self.r_rel_unit(j))
                .or_else(|| self.r_quarter(j))
                .or_else(|| {
                    // "the following week", "around next week"
                    if matches!(l.w(j), "the" | "around") {
                        self.r_rel_unit(j + 1)
                    } else {
                        None
                    }
                })?
        };
        if inner.kind != TimexType::Date || inner.gran == Gran::Day {
            return None;
        }
        let mut x = inner;
        x.first = i;
        x.modifier = Some(modifier);
        x.rule = "date.end_of";
        x.bounds = boxed(self.edge_bounds(&x, modifier));
        Some(x)
    }

    /// The days or months "the beginning"/"the end" of a year, month or week covers: the first
    /// or last three months of a year, days 1-10 or 21-end of a month, Monday-Wednesday or
    /// Friday-Sunday of a week. After "by", the end reads as a deadline: from the reference
    /// to the end of the unit.
    fn edge_bounds(&self, x: &M, modifier: &str) -> Option<Bounds> {
        let l = self.l;
        let v = x.value.as_str();
        let b = v.as_bytes();
        let start = modifier == "START";
        if !start && modifier != "END" {
            return None;
        }
        let (a, e, unit_end, g) = if v.len() == 4 && b.iter().all(u8::is_ascii_digit) {
            let y: i32 = v.parse().ok()?;
            let (a, e) = if start {
                (ymd(y, 1, 1)?, ymd(y, 4, 1)?)
            } else {
                (ymd(y, 9, 1)?, ymd(y + 1, 1, 1)?)
            };
            (a, e, ymd(y + 1, 1, 1)?, Grain::Month)
        } else if v.len() == 7 && b[4] == b'-' && b[5].is_ascii_digit() {
            let first: Date = format!("{v}-01").parse().ok()?;
            let next = add_months(first, 1)?;
            let (a, e) = if start {
                (first, add_days(first, 10)?)
            } else {
                (add_days(first, 20)?, next)
            };
            (a, e, next, Grain::Day)
        } else if v.len() == 8 && b[5] == b'W' {
            let y: i16 = v[..4].parse().ok()?;
            let w: i8 = v[6..].parse().ok()?;
            let mon = jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Monday)
                .ok()?
                .date();
            let (a, e) = if start {
                (mon, add_days(mon, 3)?)
            } else {
                (add_days(mon, 4)?, add_days(mon, 7)?)
            };
            (a, e, add_days(mon, 7)?, Grain::Day)
        } else {
            return None;
        };
        let f = x.first;
        let by = (f > 0 && l.is(f - 1, "by")) || (f > 1 && l.is(f - 1, "the") && l.is(f - 2, "by"));
        Some(if by && !start {
            Bounds {
                start: Point::Now {
                    n: 0,
                    unit: Grain::Second,
                    trunc: Grain::Second,
                },
                end: Some(Point::At(midnight(unit_end))),
                grain: Grain::Second,
            }
        } else {
            Bounds::span(midnight(a), midnight(e), g)
        })
    }

    /// "the fourth quarter", "the first quarter of 2024", "Q1 2024", "the first half of 1987",
    /// "the first two months".
    fn r_quarter(&self, i: usize) -> Option<M> {
        let l = self.l;
        // Q1 2024
        let (q, j, unit): (u8, usize, &str) =
            if (l.is(i, "q") || l.is(i, "h")) && l.joined(i) && l.is_num(i + 1) {
                let v: u8 = l.raw(i + 1).parse().ok()?;
                let unit = if l.is(i, "q") { "Q" } else { "H" };
                if !self.l.capitalized(i) && !self.lower_only {
                    return None;
                }
                if v == 0 || (unit == "Q" && v > 4) || (unit == "H" && v > 2) {
                    return None;
                }
                (v, i + 2, unit)
            } else {
                let (q, j) = match l.w(i) {
                    "final" | "last" if l.is(i + 1, "quarter") => (4, i + 1),
                    _ => {
                        let n = num::read(l, i)?;
                        if !n.ordinal {
                            // "first two months": ordinal then count
                            return None;
                        }
                        (n.value as u8, n.last)
                    }
                };
                let mut j = j;
                if l.is(j, "-") {
                    j += 1;
                }
                match l.w(j) {
                    "quarter" | "qtr" | "quarters" if (1..=4).contains(&q) => (q, j + 1, "Q"),
                    "half" if (1..=2).contains(&q) => (q, j + 1, "H"),
                    _ => {
                        // "the first two months", "the first nine months of 1987"
                        if q != 1 || !l.is(i, "first") {
                            return None;
                        }
                        let n = num::read(l, j)?;
                        let k = n.last;
                        if !l.is(k, "months") || n.ordinal || !(2.0..=11.0).contains(&n.value) {
                            return None;
                        }
                        let cnt = n.value as u8;
                        let (y, e, anchored) = self
                            .of_year(k + 1)
                            .map(|(y, e)| (Some(y), e, false))
                            .unwrap_or_else(|| {
                                let y = self.a.0.map(|r| {
                                    if (r.month() as u8) > cnt {
                                        r.year() as i32
                                    } else {
                                        r.year() as i32 - 1
                                    }
                                });
                                (y, k + 1, true)
                            });
                        let v = match y {
                            Some(y) => format!("{}/{}", fmt_month(y, 1), fmt_month(y, cnt)),
                            None => format!("XXXX-01/XXXX-{cnt:02}"),
                        };
                        let mut x = mk(i, e, TimexType::Date, v, "date.months_span");
                        x.anchored = anchored;
                        x.year = y;
                        return Some(x);
                    }
                }
            };
        let (y, e, anchored) = match self.of_year(j) {
            Some((y, e)) => (Some(y), e, false),
            None => {
                let y = if unit == "Q" {
                    self.a.quarter_year_back(q)
                } else {
                    self.a.0.map(|r| {
                        let cur = if r.month() <= 6 { 1 } else { 2 };
                        if q <= cur {
                            r.year() as i32
                        } else {
                            r.year() as i32 - 1
                        }
                    })
                };
                (y, j, true)
            }
        };
        let v = match y {
            Some(y) => format!("{y:04}-{unit}{q}"),
            None => format!("XXXX-{unit}{q}"),
        };
        let mut x = mk(i, e, TimexType::Date, v, "date.quarter");
        x.anchored = anchored;
        x.year = y;
        Some(x)
    }

    /// "of 2024", "2024", "of this year", "of last year", "of the year": (year, end).
    fn of_year(&self, j: usize) -> Option<(i32, usize)> {
        let l = self.l;
        let k = if l.is(j, "of") || l.is(j, "in") {
            j + 1
        } else {
            j
        };
        if let Some((y, e)) = self.year_any(k) {
            if !self.not_a_year(k, e) || l.is(e, ".") || l.is(e, ",") {
                return Some((y, e));
            }
        }
        if k > j || l.is(k, "this") || l.is(k, "last") || l.is(k, "next") {
            let r = self.a.year()?;
            match (l.w(k), l.w(k + 1)) {
                ("this", "year") | ("the", "year") | ("the", "current") => return Some((r, k + 2)),
                ("last", "year") => return Some((r - 1, k + 2)),
                ("next", "year") => return Some((r + 1, k + 2)),
                _ => {}
            }
        }
        None
    }

    // ---------------------------------------------------------------- relative

    /// "last week", "this year", "next month", "last Friday", "the past three years".
    fn r_rel_unit(&self, i: usize) -> Option<M> {
        let l = self.l;
        let dir: i64 = match l.w(i) {
            "last" | "past" | "previous" | "preceding" => -1,
            "this" if l.is(i + 1, "past") => -1,
            "this" | "current" | "present" => 0,
            "next" | "coming" | "following" | "upcoming" => 1,
            _ => return None,
        };
        // "this past weekend" is the last one.
        let j = if l.is(i, "this") && dir < 0 {
            i + 2
        } else {
            i + 1
        };
        // Weekdays.
        if let Some((wd, e, _)) = self.weekday_at(j) {
            let d = match dir {
                -1 => self.a.weekday_back(wd, true),
                0 => self.a.weekday_in_week(wd, 0),
                // "next Sunday" is the Sunday of next week.
                _ => self.a.weekday_in_week(wd, 1),
            };
            return Some(match d {
                Some(d) => date_m(i, e, d, true, "date.rel_weekday"),
                None => {
                    let mut x = mk(
                        i,
                        e,
                        TimexType::Date,
                        format!("XXXX-WXX-{wd}"),
                        "date.rel_weekday",
                    );
                    x.anchored = true;
                    x
                }
            });
        }
        // "last March"
        if let Some((m, e)) = self.month_at(j) {
            if !l.is_num(e) {
                let y = self.a.0.map(|r| {
                    let ry = r.year() as i32;
                    let rm = r.month() as u8;
                    match dir {
                        -1 => {
                            if m < rm {
                                ry
                            } else {
                                ry - 1
                            }
                        }
                        0 => ry,
                        _ => {
                            if m > rm {
                                ry
                            } else {
                                ry + 1
                            }
                        }
                    }
                });
                let v = y.map_or(format!("XXXX-{m:02}"), |y| fmt_month(y, m));
                let mut x = mk(i, e, TimexType::Date, v, "date.rel_month");
                x.anchored = true;
                x.gran = Gran::Month;
                x.year = y;
                return Some(x);
            }
        }
        // "the past three years", "the last two weeks": durations.
        if dir == -1 || dir == 1 {
            if let Some(n) = num::read(l, j) {
                if !n.ordinal && n.value > 0.0 {
                    if let Some((u, mult, clock)) = time_unit(l.w(n.last)) {
                        let mut x = mk(
                            i,
                            n.last + 1,
                            TimexType::Duration,
                            dur_value(Some(n.value), u, mult, clock),
                            if dir < 0 {
                                "duration.last_n"
                            } else {
                                "duration.next_n"
                            },
                        );
                        x.anchored = false;
                        if !clock {
                            x.dur = Some((n.value * mult, u));
                        }
                        x.bounds =
                            boxed(last_next_bounds(dir, n.value * mult, unit_grain(u, clock)));
                        return Some(x);
                    }
                }
            }
            if matches!(l.w(j), "few" | "several") {
                if let Some((u, mult, clock)) = time_unit(l.w(j + 1)) {
                    let mut x = mk(
                        i,
                        j + 2,
                        TimexType::Duration,
                        dur_value(None, u, mult, clock),
                        if dir < 0 {
                            "duration.last_n"
                        } else {
                            "duration.next_n"
                        },
                    );
                    if !clock {
                        x.dur = Some((3.0 * mult, u));
                    }
                    x.bounds = boxed(last_next_bounds(dir, 3.0 * mult, unit_grain(u, clock)));
                    return Some(x);
                }
            }
        }
        let unit = match l.w(j) {
            "yr" => "year",
            "qtr" => "quarter",
            "week" if l.is(j + 1, "-") && l.is(j + 2, "end") && l.joined(j) => "weekend",
            u => u,
        };
        let r = self.a.0;
        // "the next day", "the previous day" (against the reference date).
        if unit == "day"
            && dir != 0
            && !l.is(j + 1, "of")
            && !l.is(j + 1, "before")
            && !l.is(j + 1, "after")
        {
            return Some(match r.and_then(|r| add_days(r, dir)) {
                Some(d) => date_m(i, j + 1, d, true, "date.rel_day"),
                None => {
                    let mut x = mk(
                        i,
                        j + 1,
                        TimexType::Date,
                        "XXXX-XX-XX".into(),
                        "date.rel_day",
                    );
                    x.anchored = true;
                    x
                }
            });
        }
        let (v, gran): (Option<String>, Gran) = match unit {
            "year" | "fiscal" => {
                let e = if unit == "fiscal" && l.is(j + 1, "year") {
                    1
                } else {
                    0
                };
                if e == 0 && unit == "fiscal" {
                    return None;
                }
                let v = r.map(|r| format!("{:04}", r.year() as i64 + dir));
                let mut x = mk(
                    i,
                    j + 1 + e,
                    TimexType::Date,
                    v.unwrap_or_else(|| "XXXX".into()),
                    "date.rel_year",
                );
                x.anchored = true;
                x.gran = Gran::Year;
                x.year = r.map(|r| (r.year() as i64 + dir) as i32);
                if l.is(j, "yr") {
                    x.last = j + 1;
                }
                return Some(x);
            }
            "month" => (
                r.and_then(|r| add_months(r, dir))
                    .map(|d| fmt_month(d.year() as i32, d.month() as u8)),
                Gran::Month,
            ),
            "week" => (
                r.and_then(|r| add_days(r, 7 * dir)).map(fmt_week),
                Gran::Other,
            ),
            "weekend" => (
                r.and_then(|r| {
                    let sat = match dir {
                        -1 => self.a.weekday_back(6, true),
                        0 => self.a.weekday_in_week(6, 0),
                        _ => self.a.weekday_forward(6),
                    };
                    let _ = r;
                    sat
                })
                .map(|d| format!("{}-WE", fmt_week(d))),
                Gran::Other,
            ),
            "quarter" => (
                r.map(|r| {
                    let q = (r.month() as i64 - 1) / 3 + dir;
                    let y = r.year() as i64 + q.div_euclid(4);
                    format!("{:04}-Q{}", y, q.rem_euclid(4) + 1)
                }),
                Gran::Other,
            ),
            "decade" => (
                r.map(|r| format!("{}X", (r.year() as i64 / 10 + dir))),
                Gran::Other,
            ),
            "century" => (
                r.map(|r| format!("{:02}", r.year() as i64 / 100 + dir)),
                Gran::Other,
            ),
            "spring" | "summer" | "autumn" | "fall" | "winter" => {
                let s = match unit {
                    "spring" => "SP",
                    "summer" => "SU",
                    "autumn" | "fall" => "FA",
                    _ => "WI",
                };
                (
                    r.map(|r| format!("{:04}-{s}", r.year() as i64 + dir)),
                    Gran::Other,
                )
            }
            "night" | "evening" if dir == -1 => (
                r.and_then(|r| add_days(r, -1)).map(|d| {
                    format!(
                        "{}T{}",
                        fmt_date(d),
                        if unit == "night" { "NI" } else { "EV" }
                    )
                }),
                Gran::Other,
            ),
            "morning" | "afternoon" | "evening" | "night" if dir == 0 => {
                let p = match unit {
                    "morning" => "MO",
                    "afternoon" => "AF",
                    "evening" => "EV",
                    _ => "NI",
                };
                let mut x = mk(
                    i,
                    j + 1,
                    TimexType::Time,
                    r.map_or(format!("XXXX-XX-XXT{p}"), |r| {
                        format!("{}T{p}", fmt_date(r))
                    }),
                    "time.rel_part",
                );
                x.anchored = true;
                x.day = r;
                return Some(x);
            }
            _ => return None,
        };
        let v = v.unwrap_or_else(|| {
            if dir == 0 {
                "PRESENT_REF".into()
            } else if dir < 0 {
                "PAST_REF".into()
            } else {
                "FUTURE_REF".into()
            }
        });
        let kind = if unit == "night" || unit == "evening" {
            TimexType::Time
        } else {
            TimexType::Date
        };
        let e = if l.is(j, "week") && unit == "weekend" {
            j + 3
        } else {
            j + 1
        };
        let mut x = mk(i, e, kind, v, "date.rel_unit");
        if unit == "week" {
            x.week_monday = r.and_then(|r| add_days(r, 7 * dir - (wd_num(r.weekday()) as i64 - 1)));
        }
        if unit == "month" {
            if let Some(d) = r.and_then(|r| add_months(r.first_of_month(), dir)) {
                x.month = Some(d.month() as u8);
                x.year = Some(d.year() as i32);
            }
        }
        x.anchored = true;
        x.gran = gran;
        Some(x)
    }

    /// "earlier this month", "later this year", "early next year", "late last year".
    fn r_earlier(&self, i: usize) -> Option<M> {
        let l = self.l;
        let modifier = match l.w(i) {
            "earlier" | "later" => None,
            _ => return None,
        };
        // "earlier in the week", "later in the year" read as "this week", "this year".
        let inner = if l.is(i + 1, "in")
            && l.is(i + 2, "the")
            && matches!(l.w(i + 3), "week" | "month" | "year")
        {
            let mut x = self.r_rel_unit(i + 2).or_else(|| {
                let r = self.a.0?;
                let v = match l.w(i + 3) {
                    "week" => fmt_week(r),
                    "month" => fmt_month(r.year() as i32, r.month() as u8),
                    _ => format!("{:04}", r.year()),
                };
                Some(mk(i + 2, i + 4, TimexType::Date, v, "date.rel_unit"))
            })?;
            x.last = i + 4;
            x
        } else {
            self.r_rel_unit(i + 1)?
        };
        if inner.kind != TimexType::Date {
            return None;
        }
        let mut x = inner;
        x.first = i;
        x.modifier = modifier;
        x.rule = if l.is(i, "earlier") {
            "date.earlier_this"
        } else {
            "date.later_this"
        };
        Some(x)
    }

    /// "yesterday", "today", "tomorrow", "tonight", "now", "recently", "this morning".
    fn r_deictic(&self, i: usize) -> Option<M> {
        let l = self.l;
        let r = self.a.0;
        let w = l.w(i);
        let day = |n: i64, e: usize, rule: &'static str| -> M {
            match r.and_then(|r| add_days(r, n)) {
                Some(d) => date_m(i, e, d, true, rule),
                None => {
                    let mut x = mk(i, e, TimexType::Date, "XXXX-XX-XX".into(), rule);
                    x.anchored = true;
                    x.gran = Gran::Day;
                    x
                }
            }
        };
        let x = match w {
            "yesterday" => day(-1, i + 1, "date.yesterday"),
            "today" => {
                if l.is(i + 1, "'") && l.is(i + 2, "s") {
                    return None;
                }
                day(0, i + 1, "date.today")
            }
            "tomorrow" | "tmrw" | "tomorrows" => day(1, i + 1, "date.tomorrow"),
            "tonight" => {
                let mut x = mk(
                    i,
                    i + 1,
                    TimexType::Time,
                    r.map_or("XXXX-XX-XXTNI".into(), |r| format!("{}TNI", fmt_date(r))),
                    "time.tonight",
                );
                x.anchored = true;
                x.day = r;
                x
            }
            "now" | "currently" | "nowadays" => {
                if w == "now" && l.is(i + 1, "that") {
                    return None;
                }
                let mut x = mk(i, i + 1, TimexType::Date, "PRESENT_REF".into(), "date.now");
                x.anchored = true;
                x
            }
            "recently" | "lately" => {
                let mut x = mk(
                    i,
                    i + 1,
                    TimexType::Date,
                    "PAST_REF".into(),
                    "date.recently",
                );
                x.anchored = true;
                x
            }
            "the"
                if l.is(i + 1, "day")
                    && matches!(l.w(i + 2), "before" | "after")
                    && matches!(l.w(i + 3), "yesterday" | "tomorrow" | "tmrw") =>
            {
                let n = match (l.w(i + 2), l.w(i + 3)) {
                    ("before", "yesterday") => -2,
                    ("after", "tomorrow" | "tmrw") => 2,
                    _ => return None,
                };
                day(n, i + 4, "date.day_before")
            }
            "day"
                if matches!(l.w(i + 1), "before" | "after")
                    && matches!(l.w(i + 2), "yesterday" | "tomorrow" | "tmrw") =>
            {
                let n = match (l.w(i + 1), l.w(i + 2)) {
                    ("before", "yesterday") => -2,
                    ("after", "tomorrow" | "tmrw") => 2,
                    _ => return None,
                };
                day(n, i + 3, "date.day_before")
            }
            "at" if l.is(i + 1, "present") => {
                let mut x = mk(i, i + 2, TimexType::Date, "PRESENT_REF".into(), "date.now");
                x.anchored = true;
                x
            }
            _ => return None,
        };
        // "yesterday morning", "tomorrow evening", "tomorrow at lunch"
        let mut e = x.last;
        if l.is(e, "at") && l.is(e + 1, "lunch") {
            e += 1;
        }
        if x.gran == Gran::Day
            && matches!(
                l.w(e),
                "morning" | "afternoon" | "evening" | "night" | "lunch" | "midday"
            )
        {
            let p = match l.w(e) {
                "morning" => "MO",
                "afternoon" => "AF",
                "evening" => "EV",
                "lunch" | "midday" => "MI",
                _ => "NI",
            };
            let mut y = x.clone();
            y.last = e + 1;
            y.kind = TimexType::Time;
            y.value = format!("{}T{p}", x.value);
            y.gran = Gran::Other;
            return Some(y);
        }
        Some(x)
    }

    /// "Wednesday", "on Wednesday, July 23", "Wednesday morning".
    fn r_weekday(&self, i: usize) -> Option<M> {
        let l = self.l;
        let (wd, mut j, plural) = self.weekday_at(i)?;
        // "Friday after next": the one after the coming one.
        if !plural && l.is(j, "after") && l.is(j + 1, "next") {
            let d = add_days(self.a.weekday_forward(wd)?, 7)?;
            return Some(date_m(i, j + 2, d, true, "date.weekday_after_next"));
        }
        if plural {
            // "on Mondays": a set.
            let mut x = mk(
                i,
                j,
                TimexType::Set,
                format!("XXXX-WXX-{wd}"),
                "set.weekday",
            );
            x.anchored = false;
            return Some(x);
        }
        let mut k = j;
        if l.is(k, ",") {
            k += 1;
        }
        if let Some(mut x) = self.r_month_first(k).or_else(|| self.r_day_first(k)) {
            if x.gran == Gran::Day {
                x.first = i;
                x.rule = "date.weekday_date";
                return Some(x);
            }
        }
        if l.is(j, "the") {
            if let Some(mut x) = self.r_day_first(j + 1) {
                x.first = i;
                return Some(x);
            }
            // "Thursday the 21st", "Friday the fifteen"
            if let Some((d, e)) = self
                .day_at(j + 1, true)
                .or_else(|| self.day_cardinal_at(j + 1))
            {
                if let Some(dt) = self
                    .weekday_day_of_month(wd, d)
                    .or_else(|| self.day_of_month(d, i))
                {
                    return Some(date_m(i, e, dt, true, "date.weekday_day"));
                }
            }
        }
        // "Tuesday 19th", "Thu 15th"
        if l.is_num(j) && l.joined(j) && matches!(l.w(j + 1), "st" | "nd" | "rd" | "th") {
            if let Some((d, e)) = self.day_at(j, false) {
                if let Some(dt) = self
                    .weekday_day_of_month(wd, d)
                    .or_else(|| self.day_of_month(d, i))
                {
                    return Some(date_m(i, e, dt, true, "date.weekday_day"));
                }
            }
        }
        let d = self.weekday_day(wd, i);
        let mut x = match d {
            Some(d) => {
                let mut x = date_m(i, j, d, true, "date.weekday");
                x.wd = Some(wd);
                x
            }
            None => {
                let mut x = mk(
                    i,
                    j,
                    TimexType::Date,
                    format!("XXXX-WXX-{wd}"),
                    "date.weekday",
                );
                x.anchored = true;
                x
            }
        };
        if matches!(l.w(j), "morning" | "afternoon" | "evening" | "night") && l.near(j - 1) {
            let p = match l.w(j) {
                "morning" => "MO",
                "afternoon" => "AF",
                "evening" => "EV",
                _ => "NI",
            };
            j += 1;
            x.last = j;
            x.kind = TimexType::Time;
            x.value = format!("{}T{p}", x.value);
        }
        Some(x)
    }

    /// A month anchor after "of"/"in": a month name (with optional year), "this/next/last
    /// month": (year, month, end).
    fn month_anchor(&self, j: usize, i: usize) -> Option<(i32, u8, usize)> {
        if let Some(x) = self.rel_month_at(j) {
            return Some(x);
        }
        let (m, e) = self.month_at(j)?;
        let l = self.l;
        let mut k = e;
        if l.is(k, ",") {
            k += 1;
        }
        if let Some((y, e2)) = self.year_any(k) {
            return Some((y, m, e2));
        }
        let y = self.month_year(m, i)?;
        Some((y, m, e))
    }

    /// "the first Friday of July", "the last Monday of March 2014", "second Sunday".
    fn r_nth_weekday(&self, i: usize) -> Option<M> {
        let l = self.l;
        let nth: i64 = match l.w(i) {
            "last" => -1,
            w => match num::ordinal_word(w) {
                Some(v) if v <= 5.0 => v as i64,
                _ => return None,
            },
        };
        let (wd, mut e, _) = self.weekday_at(i + 1)?;
        if nth == -1 && !(l.is(e, "of") || l.is(e, "in")) {
            return None; // "last Friday" is the relative rule
        }
        let r = self.a.0?;
        let (y, m) = if l.is(e, "of") || l.is(e, "in") {
            let (y, m, e2) = self.month_anchor(e + 1, i)?;
            e = e2;
            (y, m)
        } else {
            (r.year() as i32, r.month() as u8)
        };
        let first = ymd(y, m, 1)?;
        let dt = if nth > 0 {
            let off = (wd - wd_num(first.weekday())).rem_euclid(7) as i64;
            let d = add_days(first, off + 7 * (nth - 1))?;
            if d.month() as u8 != m {
                return None;
            }
            d
        } else {
            let last = first.last_of_month();
            let off = (wd_num(last.weekday()) - wd).rem_euclid(7) as i64;
            add_days(last, -off)?
        };
        Some(date_m(i, e, dt, true, "date.nth_weekday"))
    }

    /// "the first week of 2015", "the third week of this month", "the last week of July".
    fn r_nth_week(&self, i: usize) -> Option<M> {
        let l = self.l;
        let nth: i64 = match l.w(i) {
            "last" => -1,
            w => match num::ordinal_word(w) {
                Some(v) if v <= 53.0 => v as i64,
                _ => return None,
            },
        };
        if !l.is(i + 1, "week") {
            return None;
        }
        let j = i + 2;
        let k = if l.is(j, "of") || l.is(j, "in") {
            j + 1
        } else {
            j
        };
        // A year anchor: ISO weeks.
        let year = if let Some((y, e)) = self.year_any(k) {
            Some((y, e))
        } else {
            let r = self.a.year();
            match (l.w(k), l.w(k + 1), r) {
                ("this" | "current", "year", Some(y)) => Some((y, k + 2)),
                ("next", "year", Some(y)) => Some((y + 1, k + 2)),
                ("last" | "previous", "year", Some(y)) => Some((y - 1, k + 2)),
                _ => None,
            }
        };
        let (monday, e) = if let Some((y, e)) = year {
            let week = if nth > 0 {
                nth as i8
            } else {
                jiff::civil::ISOWeekDate::new(y as i16, 1, jiff::civil::Weekday::Monday)
                    .ok()?
                    .weeks_in_year()
            };
            (
                jiff::civil::ISOWeekDate::new(y as i16, week, jiff::civil::Weekday::Monday)
                    .ok()?
                    .date(),
                e,
            )
        } else {
            if k == j {
                return None;
            }
            let (y, m, e) = self.month_anchor(k, i)?;
            // Month weeks run Monday to Sunday; the first is the one holding the month's first Thursday.
            let first = ymd(y, m, 1)?;
            let thu = add_days(first, (4 - wd_num(first.weekday())).rem_euclid(7) as i64)?;
            let monday = if nth > 0 {
                add_days(thu, -3 + 7 * (nth - 1))?
            } else {
                let last = first.last_of_month();
                let lthu = add_days(last, -((wd_num(last.weekday()) - 4).rem_euclid(7) as i64))?;
                add_days(lthu, -3)?
            };
            (monday, e)
        };
        let mut x = mk(i, e, TimexType::Date, fmt_week(monday), "date.nth_week");
        x.week_monday = Some(monday);
        x.anchored = year.is_none();
        Some(x)
    }

    /// "the third last week of 2018", "2nd last week of October": counted back from the last.
    fn r_nth_last_week(&self, i: usize) -> Option<M> {
        let l = self.l;
        let n = num::read(l, i)?;
        if !n.ordinal || !(2.0..=5.0).contains(&n.value) || !l.is(n.last, "last") {
            return None;
        }
        let last = self.r_nth_week(n.last)?;
        let monday = add_days(last.week_monday?, -7 * (n.value as i64 - 1))?;
        let mut x = mk(
            i,
            last.last,
            TimexType::Date,
            fmt_week(monday),
            "date.nth_week",
        );
        x.week_monday = Some(monday);
        x.anchored = last.anchored;
        Some(x)
    }

    /// "summer 2016", "the summer of 2016", "spring of nineteen seventy eight".
    fn r_season(&self, i: usize) -> Option<M> {
        let l = self.l;
        let s = match l.w(i) {
            "spring" => "SP",
            "summer" => "SU",
            "autumn" | "fall" => "FA",
            "winter" => "WI",
            _ => return None,
        };
        let k = if l.is(i + 1, "of") { i + 2 } else { i + 1 };
        let (y, e) = self.year_any(k)?;
        if self.not_a_year(k, e) {
            return None;
        }
        let mut x = mk(i, e, TimexType::Date, format!("{y:04}-{s}"), "date.season");
        x.year = Some(y);
        Some(x)
    }

    /// "4 to 22 January", "from 4-23 in next month", "between 3 and 12 of Sept",
    /// "November 19-20": two days of one month. Returns the first day with the second as `extra`.
    fn r_day_range(&self, i: usize) -> Option<M> {
        let l = self.l;
        let joiner = |k: usize| {
            matches!(
                l.w(k),
                "to" | "till" | "until" | "through" | "-" | "–" | "and" | "thru"
            )
        };
        // Month first: "November 19-20"
        if let Some((m, j)) = self.month_at(i) {
            // "November between 19 and 20"
            let between = l.is(j, "between");
            let j = if between { j + 1 } else { j };
            let (d1, e1) = self.day_at(j, false)?;
            if !joiner(e1) || (l.is(e1, "and") && !between) {
                return None;
            }
            let (d2, e2) = self.day_at(e1 + 1, false)?;
            if d2 <= d1 || self.month_at(e2).is_some() {
                return None;
            }
            let mut k = e2;
            if l.is(k, ",") {
                k += 1;
            }
            let (y, e) = match self.year_any(k) {
                Some((y, e)) if !self.not_a_year(k, e) || l.is(e, ".") || l.is(e, ",") => (y, e),
                _ => (self.month_day(m, d1, i).map(|d| d.year() as i32)?, e2),
            };
            return self.range_pair(i, e1, e1 + 1, e, (y, m, d1), (y, m, d2));
        }
        // Day first: needs "from"/"between" before or a month after.
        let (d1, e1) = self.day_at(i, false)?;
        if !joiner(e1) {
            return None;
        }
        // "from 4 to January 22, 1995": the month and year come with the far end.
        if i > 0 && matches!(l.w(i - 1), "from" | "between") && !l.is(e1, "and")
            || l.is(e1, "and") && i > 0 && l.is(i - 1, "between")
        {
            if let Some(far) = self.r_month_first(e1 + 1).filter(|m| m.gran == Gran::Day) {
                if let Some(fd) = far.day {
                    if d1 < fd.day() as u8 {
                        let mut first = date_m(
                            i,
                            e1,
                            ymd(fd.year() as i32, fd.month() as u8, d1)?,
                            far.anchored,
                            "date.day_range",
                        );
                        let r = format!("{}/{}", first.value, far.value);
                        first.range = Some(r.clone());
                        let mut second = far;
                        second.range = Some(r);
                        first.extra = Some(Box::new(second));
                        return Some(first);
                    }
                }
            }
        }
        if l.is(e1, "and") && !(i > 0 && l.is(i - 1, "between")) {
            return None;
        }
        let (d2, e2) = self.day_at(e1 + 1, false)?;
        if d2 <= d1 {
            return None;
        }
        let mut k = e2;
        if l.is(k, "of") || l.is(k, "in") {
            k += 1;
        }
        let (y, m, e) = self.month_anchor(k, i)?;
        self.range_pair(i, e1, e1 + 1, e, (y, m, d1), (y, m, d2))
    }

    fn range_pair(
        &self,
        i: usize,
        e1: usize,
        s2: usize,
        e: usize,
        a: (i32, u8, u8),
        b: (i32, u8, u8),
    ) -> Option<M> {
        let da = ymd(a.0, a.1, a.2)?;
        let db = ymd(b.0, b.1, b.2)?;
        let r = format!("{}/{}", fmt_date(da), fmt_date(db));
        let mut first = date_m(i, e1, da, true, "date.day_range");
        let mut second = date_m(s2, e, db, true, "date.day_range");
        first.range = Some(r.clone());
        second.range = Some(r);
        first.extra = Some(Box::new(second));
        Some(first)
    }

    /// Holidays on the Gregorian calendar and Easter's cycle: "Christmas", "Thanksgiving 2013",
    /// "last Easter", "Martin Luther King Day of last year". Lunar-calendar holidays are not read.
    fn r_holiday(&self, i: usize) -> Option<M> {
        let l = self.l;
        let c = l.class(i);
        if c & cls::HOLI == 0
            && !(c == 0 && holiday_shape(l.w(i).as_bytes()))
            && !matches!(l.w(i), "day" | "night")
        {
            return None;
        }
        let w = |k: usize| l.w(i + k);
        let poss = |k: usize| -> usize {
            // "'s" after a name: "new year's", "valentine's"
            if (l.is(i + k, "'") || l.is(i + k, "’")) && l.is(i + k + 1, "s") {
                2
            } else {
                0
            }
        };
        // (rule, tokens)
        let (rule, mut k): (Holiday, usize) = match w(0) {
            "christmas" | "xmas" => match w(1) {
                "eve" => (Holiday::Fixed(12, 24), 2),
                "day" => (Holiday::Fixed(12, 25), 2),
                _ => (Holiday::Fixed(12, 25), 1),
            },
            "boxing" if w(1) == "day" => (Holiday::Fixed(12, 26), 2),
            "new" if w(1) == "year" => {
                let p = poss(2);
                match w(2 + p) {
                    "eve" => (Holiday::Fixed(12, 31), 3 + p),
                    "day" => (Holiday::Fixed(1, 1), 3 + p),
                    _ => return None,
                }
            }
            "valentine" | "valentines" => {
                let p = poss(1);
                if w(1 + p) == "day" {
                    (Holiday::Fixed(2, 14), 2 + p)
                } else {
                    return None;
                }
            }
            "halloween" => (Holiday::Fixed(10, 31), 1),
            "thanksgiving" => (Holiday::Nth(11, 4, 4), if w(1) == "day" { 2 } else { 1 }),
            "black" if w(1) == "friday" => (Holiday::AfterNth(11, 4, 4, 1), 2),
            "martin" if w(1) == "luther" && matches!(w(2), "king" | "kings") => {
                let mut k = 3 + poss(3);
                if w(k) == "jr" {
                    k += if l.is(i + k + 1, ".") { 2 } else { 1 };
                }
                if w(k) != "day" {
                    return None;
                }
                (Holiday::Nth(1, 1, 3), k + 1)
            }
            "mlk" => {
                let mut k = 1;
                if w(k) == "jr" {
                    k += if l.is(i + k + 1, ".") { 2 } else { 1 };
                }
                if w(k) != "day" {
                    return None;
                }
                (Holiday::Nth(1, 1, 3), k + 1)
            }
            "civil" if w(1) == "rights" && w(2) == "day" => (Holiday::Nth(1, 1, 3), 3),
            "memorial" if w(1) == "day" => (Holiday::Last(5, 1), 2),
            "labor" | "labour" if w(1) == "day" => (Holiday::Nth(9, 1, 1), 2),
            "veterans" if w(1) == "day" => (Holiday::Fixed(11, 11), 2),
            "mother" | "mothers" => {
                let p = poss(1);
                if w(1 + p) == "day" {
                    (Holiday::Nth(5, 7, 2), 2 + p)
                } else {
                    return None;
                }
            }
            "father" | "fathers" => {
                let p = poss(1);
                if w(1 + p) == "day" {
                    (Holiday::Nth(6, 7, 3), 2 + p)
                } else {
                    return None;
                }
            }
            "st" | "saint" => {
                let mut k = 1;
                if l.is(i + 1, ".") {
                    k += 1;
                }
                if !matches!(w(k), "patrick" | "patricks" | "paddy") {
                    return None;
                }
                k += 1 + poss(k + 1);
                if w(k) != "day" {
                    return None;
                }
                (Holiday::Fixed(3, 17), k + 1)
            }
            "easter" => match w(1) {
                "monday" => (Holiday::Easter(1), 2),
                "sunday" => (Holiday::Easter(0), 2),
                _ => (Holiday::Easter(0), 1),
            },
            "good" if w(1) == "friday" => (Holiday::Easter(-2), 2),
            "maundy" | "holy" if w(1) == "thursday" => (Holiday::Easter(-3), 2),
            "palm" if w(1) == "sunday" => (Holiday::Easter(-7), 2),
            "ash" if w(1) == "wednesday" => (Holiday::Easter(-46), 2),
            "shrove" if w(1) == "tuesday" => (Holiday::Easter(-47), 2),
            "pancake" if w(1) == "day" => (Holiday::Easter(-47), 2),
            "pentecost" => (Holiday::Easter(49), 1),
            "whit" | "white" if w(1) == "sunday" => (Holiday::Easter(49), 2),
            "whit" if w(1) == "monday" => (Holiday::Easter(50), 2),
            "ascension" if w(1) == "day" => (Holiday::Easter(39), 2),
            "ascension" if w(1) == "to" && w(2) == "heaven" => (Holiday::Islamic(7, 27), 3),
            "mardi" if w(1) == "gras" => (Holiday::Easter(-47), 2),
            "branch" if w(1) == "sunday" => (Holiday::Easter(-7), 2),
            "lent" => (Holiday::Lent, 1),
            "orthodox" => match (w(1), w(2)) {
                ("easter", "sunday") => (Holiday::OrthodoxEaster(0), 3),
                ("easter", _) => (Holiday::OrthodoxEaster(0), 2),
                ("good" | "great", "friday") => (Holiday::OrthodoxEaster(-2), 3),
                _ => return None,
            },
            "clean" if w(1) == "monday" => (Holiday::OrthodoxEaster(-48), 2),
            "lazarus" if w(1) == "saturday" => (Holiday::OrthodoxEaster(-8), 2),
            "great" if matches!(w(1), "fast" | "lent") => (Holiday::GreatLent, 2),
            "ramadan" => (Holiday::Ramadan, 1),
            "eid" | "id" => {
                let mut k = 1;
                if matches!(w(k), "al" | "ul" | "el") {
                    k += 1;
                }
                if w(k) == "-" {
                    k += 1;
                }
                match w(k) {
                    "fitr" => (Holiday::Islamic(10, 1), k + 1),
                    "adha" | "azha" => (Holiday::Islamic(12, 10), k + 1),
                    _ => return None,
                }
            }
            "bakr" if matches!(w(1), "id" | "eid") => (Holiday::Islamic(12, 10), 2),
            "sacrifice" if w(1) == "feast" => (Holiday::Islamic(12, 10), 2),
            "laylat" => {
                let k = (1..4).find(|&k| matches!(w(k), "qadr" | "kadr"))?;
                (Holiday::Islamic(9, 27), k + 1)
            }
            "night" if w(1) == "of" && matches!(w(2), "power" | "measures") => {
                (Holiday::Islamic(9, 27), 3)
            }
            "islamic" if w(1) == "new" && w(2) == "year" => (Holiday::Islamic(1, 1), 3),
            "amun" if w(1) == "jadid" => (Holiday::Islamic(1, 1), 2),
            "ashura" => (Holiday::Islamic(1, 10), 1),
            "day" if w(1) == "of" && w(2) == "ashura" => (Holiday::Islamic(1, 10), 3),
            "mawlid" => {
                let mut k = 1;
                if w(k) == "al" || w(k) == "an" {
                    k += 1;
                    if w(k) == "-" {
                        k += 1;
                    }
                    if !matches!(w(k), "nabawi" | "nabi") {
                        return None;
                    }
                    k += 1;
                }
                (Holiday::Islamic(3, 12), k)
            }
            "jamat" | "jumu" => {
                let k = (1..6).find(|&k| matches!(w(k), "wida" | "vida"))?;
                (Holiday::LastFridayOfRamadan, k + 1)
            }
            "isra" if w(1) == "and" && w(2) == "mi" => {
                let k = if w(3) == "'" { 4 } else { 3 };
                if w(k) != "raj" {
                    return None;
                }
                (Holiday::Islamic(7, 27), k + 1)
            }
            "prophet" => {
                let k = 1 + poss(1);
                if w(k) != "ascension" {
                    return None;
                }
                (Holiday::Islamic(7, 27), k + 1)
            }
            "night" if w(1) == "journey" => (Holiday::Islamic(7, 27), 2),
            "koningsdag" => (Holiday::NoSunday(4, 27), 1),
            "chinese" | "lunar" => {
                let mut k = 1;
                if w(0) == "chinese" && w(k) == "lunar" {
                    k += 1;
                }
                if w(k) != "new" || !matches!(w(k + 1), "year" | "years") {
                    return None;
                }
                k += 2;
                k += poss(k);
                if w(k) == "day" {
                    k += 1;
                }
                (Holiday::ChineseNewYear, k)
            }
            "parsi" if w(1) == "new" && w(2) == "year" => (Holiday::ParsiNewYear, 3),
            "jamshedi" if matches!(w(1), "navroz" | "nowruz" | "navroze") => {
                (Holiday::ParsiNewYear, 2)
            }
            "king" | "kings" => {
                let p = poss(1);
                if w(1 + p) != "day" {
                    return None;
                }
                (Holiday::NoSunday(4, 27), 2 + p)
            }
            "boss" | "bosses" => {
                let p = poss(1);
                if w(1 + p) != "day" {
                    return None;
                }
                (Holiday::NearestWeekday(10, 16), 2 + p)
            }
            "rosh" if matches!(w(1), "hashanah" | "hashana" | "hashanna") => {
                (Holiday::Hebrew(Heb::RoshHashanah), 2)
            }
            "yom" => match w(1) {
                "kippur" => (Holiday::Hebrew(Heb::YomKippur), 2),
                "hashoah" => (Holiday::Hebrew(Heb::YomHashoah), 2),
                "haatzmaut" => (Holiday::Hebrew(Heb::YomHaatzmaut), 2),
                "ha" if w(2) == "'" && w(3) == "atzmaut" => (Holiday::Hebrew(Heb::YomHaatzmaut), 4),
                _ => return None,
            },
            "holocaust" if w(1) == "day" => (Holiday::Hebrew(Heb::YomHashoah), 2),
            "chanukah" | "chanukkah" | "hanukkah" | "hanukah" | "hannukkah" => {
                (Holiday::Hebrew(Heb::Hanukkah), 1)
            }
            "passover" | "pesach" => (Holiday::Hebrew(Heb::Passover), 1),
            "sukkot" | "succos" | "sukkos" => (Holiday::Hebrew(Heb::Sukkot), 1),
            "feast" if w(1) == "of" => {
                let k = if w(2) == "the" { 3 } else { 2 };
                if !matches!(w(k), "ingathering" | "tabernacles" | "booths") {
                    return None;
                }
                (Holiday::Hebrew(Heb::Sukkot), k + 1)
            }
            "shavuot" | "shavuos" => (Holiday::Hebrew(Heb::Shavuot), 1),
            "shemini" if w(1) == "atzeret" => (Holiday::Hebrew(Heb::SheminiAtzeret), 2),
            "simchat" if w(1) == "torah" => (Holiday::Hebrew(Heb::SimchatTorah), 2),
            "tisha" => {
                let k = (1..4).find(|&k| matches!(w(k), "av" | "bav"))?;
                (Holiday::Hebrew(Heb::TishaBav), k + 1)
            }
            "tu" => {
                let k = (1..4).find(|&k| matches!(w(k), "bishvat" | "shvat" | "bshvat"))?;
                (Holiday::Hebrew(Heb::TuBishvat), k + 1)
            }
            "lag" => {
                let k = (1..4).find(|&k| matches!(w(k), "omer" | "baomer"))?;
                (Holiday::Hebrew(Heb::LagBaomer), k + 1)
            }
            // Hindu festivals: (sign of the lunar month, lunar day, time of day, shift).
            "diwali" | "deepavali" => (Holiday::Tithi(6, 30, Watch::Sunset, 0), 1),
            "lakshmi" if w(1) == "puja" => (Holiday::Tithi(6, 30, Watch::Sunset, 0), 2),
            "dhanteras" | "dhanatrayodashi" => (Holiday::Tithi(6, 30, Watch::Sunset, -2), 1),
            "kali" if w(1) == "chaudas" => (Holiday::Tithi(6, 30, Watch::Sunset, -1), 2),
            "naraka" if w(1) == "chaturdashi" => (Holiday::Tithi(6, 30, Watch::Sunset, -1), 2),
            "bhai" if matches!(w(1), "dooj" | "duj") => {
                (Holiday::Tithi(6, 30, Watch::Sunset, 2), 2)
            }
            "chhath" => (Holiday::Tithi(7, 6, Watch::Sunrise, 0), 1),
            "dala" if w(1) == "puja" => (Holiday::Tithi(7, 6, Watch::Sunrise, 0), 2),
            "surya" if w(1) == "shashthi" => (Holiday::Tithi(7, 6, Watch::Sunrise, 0), 2),
            "maha" if w(1) == "saptami" => (Holiday::Tithi(6, 7, Watch::Sunset, 0), 2),
            "maha" if matches!(w(1), "shivaratri" | "shivratri") => {
                (Holiday::Tithi(10, 29, Watch::Midnight, 0), 2)
            }
            "dussehra" | "dasara" | "vijayadashami" => (Holiday::Tithi(6, 10, Watch::Sunset, 0), 1),
            "navaratri" | "navratri" => (Holiday::Navaratri, 1),
            "durga" if w(1) == "puja" => (Holiday::Navaratri, 2),
            "karva" | "karwa" if w(1) == "chauth" => (Holiday::Tithi(6, 19, Watch::Moonrise, 0), 2),
            "ratha" | "rath" => {
                let k = if w(1) == "-" { 2 } else { 1 };
                if w(k) != "yatra" {
                    return None;
                }
                (Holiday::Tithi(3, 2, Watch::Sunrise, 0), k + 1)
            }
            "rakhi" => (Holiday::Tithi(4, 15, Watch::Sunrise, 0), 1),
            "raksha" if w(1) == "bandhan" => (Holiday::Tithi(4, 15, Watch::Sunrise, 0), 2),
            "mahavir" | "mahaveer" => match (w(1), w(2)) {
                ("jayanti", _) => (Holiday::Tithi(0, 13, Watch::Sunrise, 0), 2),
                ("janma", "kalyanak") => (Holiday::Tithi(0, 13, Watch::Sunrise, 0), 3),
                _ => return None,
            },
            "saraswati" if w(1) == "jayanti" => (Holiday::Tithi(10, 25, Watch::Sunrise, 0), 2),
            "krishna" if w(1) == "janmashtami" => (Holiday::Tithi(4, 23, Watch::Midnight, 0), 2),
            "janmashtami" | "gokulashtami" => (Holiday::Tithi(4, 23, Watch::Midnight, 0), 1),
            "ganesh" if w(1) == "chaturthi" => (Holiday::Tithi(5, 4, Watch::Sunrise, 0), 2),
            "rama" if w(1) == "navami" => (Holiday::Tithi(0, 9, Watch::Sunrise, 0), 2),
            "ugadi" | "yugadi" | "samvatsaradi" => (Holiday::Tithi(0, 1, Watch::Sunrise, 0), 1),
            "chaitra" if matches!(w(1), "sukladi" | "sukhladi") => {
                (Holiday::Tithi(0, 1, Watch::Sunrise, 0), 2)
            }
            "vasant" | "basant" if w(1) == "panchami" => {
                (Holiday::Tithi(10, 5, Watch::Sunrise, 0), 2)
            }
            "holika" if w(1) == "dahan" => (Holiday::Tithi(11, 15, Watch::Sunset, 0), 2),
            "chhoti" if w(1) == "holi" => (Holiday::Tithi(11, 15, Watch::Sunset, 0), 2),
            "kamudu" if w(1) == "pyre" => (Holiday::Tithi(11, 15, Watch::Sunset, 0), 2),
            "holi" | "dhulandi" | "phagwah" => (Holiday::Tithi(11, 15, Watch::Sunset, 1), 1),
            "valmiki" if w(1) == "jayanti" => (Holiday::Tithi(6, 15, Watch::Sunrise, 0), 2),
            "maharishi" if w(1) == "valmiki" && w(2) == "jayanti" => {
                (Holiday::Tithi(6, 15, Watch::Sunrise, 0), 3)
            }
            "pargat" if w(1) == "diwas" => (Holiday::Tithi(6, 15, Watch::Sunrise, 0), 2),
            "guru" => match (w(1), w(2), w(3)) {
                ("gobind", "singh", "jayanti") => (Holiday::Tithi(9, 7, Watch::Sunrise, 0), 4),
                ("ravidas" | "ravidass", "jayanti" | "birthday", _) => {
                    (Holiday::Tithi(10, 15, Watch::Sunrise, 0), 3)
                }
                _ => return None,
            },
            // Solar festivals: the day the sun enters a sidereal sign.
            "pongal" | "maghi" => (Holiday::Sankranti(9, 0), 1),
            "thai" if w(1) == "pongal" => (Holiday::Sankranti(9, 0), 2),
            "makara" | "makar" if matches!(w(1), "sankranti" | "sankranthi") => {
                (Holiday::Sankranti(9, 0), 2)
            }
            "bogi" | "boghi" | "bhogi" => {
                let k = if w(1) == "pandigai" { 2 } else { 1 };
                (Holiday::Sankranti(9, -1), k)
            }
            "maattu" | "mattu" if w(1) == "pongal" => (Holiday::Sankranti(9, 1), 2),
            "kaanum" | "kanni" if w(1) == "pongal" => (Holiday::Sankranti(9, 2), 2),
            "vaisakhi" | "baisakhi" | "vasakhi" | "vaishakhi" => (Holiday::Sankranti(0, 0), 1),
            // 25 Boishakh, counting the day after the sankranti as the first.
            "rabindra" | "rabindranath" if w(1) == "jayanti" => (Holiday::Sankranti(0, 25), 2),
            _ => return None,
        };
        let r = self.a.0;
        // Year: "Christmas 2013", "Easter Sunday two thousand ten", "Thanksgiving of next year".
        let mut year: Option<i32> = None;
        let mut anchored = true;
        let mut kk = i + k;
        if l.is(kk, "of") || l.is(kk, ",") || (l.is(kk, "in") && self.year_any(kk + 1).is_some()) {
            kk += 1;
        }
        if let Some((y, e)) = self
            .year_any(kk)
            .filter(|(_, e)| !self.not_a_year(kk, *e) || l.is_word(kk))
        {
            year = Some(y);
            anchored = false;
            k = e - i;
        } else if let (Some(r), true) = (
            r,
            matches!(l.w(kk), "next" | "last" | "this") && l.is(kk + 1, "year"),
        ) {
            let dy = match l.w(kk) {
                "next" => 1,
                "last" => -1,
                _ => 0,
            };
            year = Some(r.year() as i32 + dy);
            k = kk + 2 - i;
        }
        let dir = if i > 0 { l.w(i - 1) } else { "" };
        let date = match (year, r) {
            (Some(y), _) => rule.on(y),
            (None, Some(r)) => {
                let ry = r.year() as i32;
                let this = rule.on(ry);
                let prev = rule.on(ry - 1);
                let next = rule.on(ry + 1);
                match dir {
                    "next" | "coming" => this.filter(|d| *d > r).or(next),
                    "last" | "past" | "previous" => this.filter(|d| *d < r).or(prev),
                    "this" => this,
                    _ => {
                        if self.future_at(i) {
                            this.filter(|d| *d >= r).or(next)
                        } else {
                            this.filter(|d| *d <= r).or(prev)
                        }
                    }
                }
            }
            (None, None) => None,
        };
        let first = if matches!(
            dir,
            "next" | "last" | "this" | "coming" | "past" | "previous"
        ) && year.is_none()
        {
            i - 1
        } else {
            i
        };
        Some(match date {
            Some(d) => {
                let mut x = date_m(first, i + k, d, anchored, "date.holiday");
                x.holiday = Some(rule);
                if let Some(e) = rule.end(d) {
                    x.bounds = boxed(Some(Bounds::days(d, e)));
                }
                x
            }
            None => {
                let mut x = mk(
                    first,
                    i + k,
                    TimexType::Date,
                    "XXXX-XX-XX".into(),
                    "date.holiday",
                );
                x.anchored = true;
                x
            }
        })
    }

    /// Vague spans: "for years", "recent months", "decades" after "for"/"over"/"in recent";
    /// "the future", "the past", "the moment".
    fn r_vague(&self, i: usize) -> Option<M> {
        let l = self.l;
        let w = l.w(i);
        if w == "the" {
            let (v, e) = match l.w(i + 1) {
                "future" => ("FUTURE_REF", i + 2),
                "past" if !(l.is_num(i + 2) || l.class(i + 2) & (cls::NUM | cls::TUNIT) != 0) => {
                    ("PAST_REF", i + 2)
                }
                "moment" if i > 0 && l.is(i - 1, "at") => ("PRESENT_REF", i + 2),
                _ => return None,
            };
            let mut x = mk(i, e, TimexType::Date, v.into(), "date.vague");
            x.anchored = true;
            return Some(x);
        }
        let (first, k) = if w == "recent" { (i, i + 1) } else { (i, i) };
        let unit = l.w(k);
        let letter = match unit {
            "years" => "Y",
            "months" => "M",
            "weeks" => "W",
            "days" => "D",
            "decades" => "DE",
            "centuries" => "CE",
            "hours" => "TH",
            _ => return None,
        };
        let before = if first > 0 { l.w(first - 1) } else { "" };
        if w != "recent" && !matches!(before, "for" | "over" | "within") {
            return None;
        }
        let v = if let Some(h) = letter.strip_prefix('T') {
            format!("PTX{h}")
        } else {
            format!("PX{letter}")
        };
        Some(mk(first, k + 1, TimexType::Duration, v, "duration.vague"))
    }

    /// "(the) weekend": the coming one in sentences about the future, else the latest one.
    fn r_weekend(&self, i: usize) -> Option<M> {
        let l = self.l;
        if !(l.is(i, "weekend")
            && i > 0
            && matches!(l.w(i - 1), "the" | "on" | "over" | "at" | "during"))
        {
            return None;
        }
        let r = self.a.0?;
        let this_sat = self.a.weekday_in_week(6, 0)?;
        let sat = if self.future_at(i) || wd_num(r.weekday()) >= 6 {
            this_sat
        } else {
            add_days(this_sat, -7)?
        };
        let mut x = mk(
            i,
            i + 1,
            TimexType::Date,
            format!("{}-WE", fmt_week(sat)),
            "date.weekend",
        );
        x.anchored = true;
        Some(x)
    }

    /// "the week after next", "the month after the next", "the year after next".
    fn r_after_next(&self, i: usize) -> Option<M> {
        let l = self.l;
        let unit = l.w(i);
        if !matches!(unit, "week" | "month" | "year" | "weekend") || !l.is(i + 1, "after") {
            return None;
        }
        let k = if l.is(i + 2, "the") { i + 3 } else { i + 2 };
        if !l.is(k, "next") {
            return None;
        }
        let r = self.a.0?;
        let v = match unit {
            "week" => fmt_week(add_days(r, 14)?),
            "weekend" => format!("{}-WE", fmt_week(add_days(r, 14)?)),
            "month" => {
                let d = add_months(r.first_of_month(), 2)?;
                fmt_month(d.year() as i32, d.month() as u8)
            }
            _ => format!("{:04}", r.year() + 2),
        };
        let mut x = mk(i, k + 1, TimexType::Date, v, "date.after_next");
        x.anchored = true;
        Some(x)
    }

    /// "rest of the week", "rest of this month", "rest of the year": from the reference to the
    /// end of the unit (TIMEX3: the unit with mod END... we keep the unit and name the rule).
    fn r_rest_of(&self, i: usize) -> Option<M> {
        let l = self.l;
        if !l.is(i, "rest") {
            return None;
        }
        let mut k = i + 1;
        if l.is(k, "of") {
            k += 1;
        }
        if matches!(l.w(k), "the" | "this" | "my" | "current") {
            k += 1;
        }
        let r = self.a.0?;
        let (v, e) = match l.w(k) {
            "week" => (fmt_week(r), k + 1),
            "month" => (fmt_month(r.year() as i32, r.month() as u8), k + 1),
            "year" => (format!("{:04}", r.year()), k + 1),
            _ => return None,
        };
        let mut x = mk(i, e, TimexType::Date, v, "date.rest_of");
        x.anchored = true;
        x.day = Some(r);
        Some(x)
    }

    /// "week 10", "Week 31": ISO weeks of the reference year.
    fn r_week_number(&self, i: usize) -> Option<M> {
        let l = self.l;
        if !l.is(i, "week") || !l.is_num(i + 1) || l.raw(i + 1).len() > 2 {
            return None;
        }
        let n: i8 = l.raw(i + 1).parse().ok()?;
        let y = self.a.year()?;
        let monday = jiff::civil::ISOWeekDate::new(y as i16, n, jiff::civil::Weekday::Monday)
            .ok()?
            .date();
        let mut x = mk(
            i,
            i + 2,
            TimexType::Date,
            fmt_week(monday),
            "date.week_number",
        );
        x.week_monday = Some(monday);
        x.anchored = true;
        Some(x)
    }

    /// "the week of the 18th", "week of September 16th" (the week holding the day) and
    /// "the week starting February 4", "w/c Feb 4" (seven days from the day).
    fn r_week_of(&self, i: usize) -> Option<M> {
        let l = self.l;
        let (k, starting) = if l.is(i, "week") {
            match l.w(i + 1) {
                "of" => (i + 2, false),
                "starting" | "beginning" | "commencing" => {
                    (if l.is(i + 2, "on") { i + 3 } else { i + 2 }, true)
                }
                _ => return None,
            }
        } else if l.is(i, "w")
            && l.is(i + 1, "/")
            && l.is(i + 2, "c")
            && l.joined(i)
            && l.joined(i + 1)
        {
            (i + 3, true)
        } else {
            return None;
        };
        let k = if l.is(k, "the") { k + 1 } else { k };
        let d = self
            .r_month_first(k)
            .or_else(|| self.r_day_first(k))
            .or_else(|| self.r_bare_day(k))
            .filter(|m| m.gran == Gran::Day && m.day.is_some())?;
        let day = d.day?;
        if starting {
            let mut x = date_m(i, d.last, day, d.anchored, "date.week_starting");
            x.gran = Gran::Other;
            return Some(x);
        }
        let monday = add_days(day, -(wd_num(day.weekday()) as i64 - 1))?;
        let mut x = mk(i, d.last, TimexType::Date, fmt_week(monday), "date.week_of");
        x.week_monday = Some(monday);
        x.anchored = d.anchored;
        Some(x)
    }

    /// "2016 - 11", "11 / 2016": year and month with spaced separators.
    fn r_spaced_month(&self, i: usize) -> Option<M> {
        let l = self.l;
        if !l.is_num(i)
            || !matches!(l.w(i + 1), "-" | "/")
            || !l.is_num(i + 2)
            || l.joined(i) && l.joined(i + 1)
        {
            return None;
        }
        if l.is_num(i + 3)
            || matches!(l.w(i + 3), "-" | "/" | ":" | "%")
            || l.is_word(i + 3) && unit_after(l, i + 3)
        {
            return None;
        }
        let (a, b) = (l.raw(i), l.raw(i + 2));
        let (y, m) = match (a.len(), b.len()) {
            (4, 1..=2) => (a.parse::<i32>().ok()?, b.parse::<u8>().ok()?),
            (1..=2, 4) => (b.parse::<i32>().ok()?, a.parse::<u8>().ok()?),
            _ => return None,
        };
        if !(1..=12).contains(&m) || !(1900..=2100).contains(&y) {
            return None;
        }
        let mut x = mk(
            i,
            i + 3,
            TimexType::Date,
            fmt_month(y, m),
            "date.numeric_month",
        );
        x.gran = Gran::Month;
        x.year = Some(y);
        x.month = Some(m);
        Some(x)
    }

    // ---------------------------------------------------------------- durations and sets

    /// "three days", "18 months", "a decade", "two-year", "several weeks", "three years ago".
    fn r_duration(&self, i: usize) -> Option<M> {
        let l = self.l;
        let w = l.w(i);
        let (n, j): (Option<f64>, usize) = match w {
            // "a quarter of an hour", "three-quarters of an hour"
            "a" | "quarter" | "three" if self.quarters_of(i).is_some() => {
                let (v, j) = self.quarters_of(i)?;
                return self.finish_duration(i, j, Some(v));
            }
            "a" | "an" | "one" if l.is_word(i + 1) && time_unit(l.w(i + 1)).is_some() => {
                (Some(1.0), i + 1)
            }
            "several" | "few" | "many" | "some" | "numerous" | "couple" => {
                let mut j = i + 1;
                if w == "couple" && l.is(j, "of") {
                    j += 1;
                }
                if w == "couple" && time_unit(l.w(j)).is_some() {
                    return self.finish_duration(i, j, Some(2.0));
                }
                (None, j)
            }
            "half" if matches!(l.w(i + 1), "a" | "an") => {
                return self.finish_duration(i, i + 2, Some(0.5));
            }
            // "half hour", "half day"
            "half"
                if time_unit(l.w(i + 1)).is_some_and(|u| u.0 != "Q")
                    && !l.w(i + 1).ends_with('s')
                    && !(i > 0 && matches!(l.w(i - 1), "a" | "an" | "-" | "and")) =>
            {
                return self.finish_duration(i, i + 1, Some(0.5));
            }
            _ => {
                if w == "a" && l.is(i + 1, "few") {
                    return self.finish_duration(i, i + 2, None);
                }
                // "a pair of minutes" counts two, like "a couple of".
                if w == "a"
                    && l.is(i + 1, "pair")
                    && l.is(i + 2, "of")
                    && time_unit(l.w(i + 3)).is_some()
                {
                    return self.finish_duration(i, i + 3, Some(2.0));
                }
                if w == "a" && l.is(i + 1, "couple") && l.is(i + 2, "of") {
                    return self.finish_duration(i, i + 3, Some(2.0));
                }
                if w == "a" && l.is(i + 1, "couple") && time_unit(l.w(i + 2)).is_some() {
                    return self.finish_duration(i, i + 2, Some(2.0));
                }
                let n = num::read(l, i)?;
                if n.ordinal || n.value < 0.0 {
                    return None;
                }
                if n.digits && i > 0 && l.joined(i - 1) && l.is_word(i - 1) {
                    return None;
                }
                // "5 and a half minutes", "one and three quarters of an hour"
                let (v, j) = self.and_fraction(n.value, n.last);
                (Some(v), j)
            }
        };
        if !l.near(j - 1) {
            return None;
        }
        // "2 more minutes", "two additional minutes"
        let j = if matches!(l.w(j), "more" | "additional" | "extra" | "less" | "fewer")
            && time_unit(l.w(j + 1)).is_some()
        {
            j + 1
        } else {
            j
        };
        self.finish_duration(i, j, n)
    }

    /// "a quarter of an hour", "three quarters of a day": the fraction and the unit's token.
    fn quarters_of(&self, i: usize) -> Option<(f64, usize)> {
        let l = self.l;
        let (v, mut k) = match l.w(i) {
            "a" if l.is(i + 1, "quarter") => (0.25, i + 2),
            "quarter" => (0.25, i + 1),
            "three" => {
                let k = if l.is(i + 1, "-") { i + 2 } else { i + 1 };
                if !l.is(k, "quarters") {
                    return None;
                }
                (0.75, k + 1)
            }
            _ => return None,
        };
        if !l.is(k, "of") {
            return None;
        }
        k += 1;
        if matches!(l.w(k), "a" | "an") {
            k += 1;
        }
        time_unit(l.w(k)).filter(|u| u.0 != "Q")?;
        Some((v, k))
    }

    /// "and a half", "and three quarters (of)" after a whole amount.
    fn and_fraction(&self, n: f64, j: usize) -> (f64, usize) {
        let l = self.l;
        // "five-and-a-half": hyphens between the words.
        let hy = |k: usize| {
            if l.is(k, "-") && l.joined(k) {
                k + 1
            } else {
                k
            }
        };
        let j0 = j;
        let j = hy(j);
        if !l.is(j, "and") {
            return (n, j0);
        }
        let mut k = hy(j + 1);
        let count = match l.w(k) {
            "a" | "an" | "one" => {
                k = hy(k + 1);
                1.0
            }
            "two" => {
                k = hy(k + 1);
                2.0
            }
            "three" => {
                k = hy(k + 1);
                3.0
            }
            _ => 1.0,
        };
        let frac = match l.w(k) {
            "half" if count == 1.0 => 0.5,
            "quarter" | "quarters" => count / 4.0,
            _ => return (n, j0),
        };
        k += 1;
        if l.is(k, "of") {
            let a = usize::from(matches!(l.w(k + 1), "a" | "an"));
            if time_unit(l.w(k + 1 + a)).is_some() {
                k += 1 + a;
            }
        }
        if time_unit(l.w(k)).is_none() {
            return (n, j0);
        }
        (n + frac, k)
    }

    fn finish_duration(&self, i: usize, j: usize, n: Option<f64>) -> Option<M> {
        let l = self.l;
        let mut j = j;
        let hyphen = l.is(j, "-") && l.joined(j - 1) && l.joined(j);
        if hyphen {
            j += 1;
        }
        // Minute and second marks glued to a number after "in"/"for"/"within": "in 15'",
        // "in 1\"" (not feet and inches: "6'2\"").
        let mark = match l.w(j) {
            "'" | "’" => Some(("M", 1.0, true)),
            "\"" | "″" => Some(("S", 1.0, true)),
            _ => None,
        };
        let (u, mult, clock) = match mark {
            Some(m) => {
                let signal = i > 0 && matches!(l.w(i - 1), "in" | "for" | "within");
                // 1 to 59 only: "in 1986'" closes a quotation.
                let small = n.is_some_and(|v| v.fract() == 0.0 && (1.0..=59.0).contains(&v));
                if !(small && l.joined(j - 1) && signal) || l.is_num(j + 1) {
                    return None;
                }
                m
            }
            None => time_unit(l.w(j))?,
        };
        // "16h" is an hour only glued to a small number ("2016H2" is a half-year); a
        // fraction may stand apart ("1/4 h").
        if l.w(j) == "h"
            && !((l.joined(j - 1) || n.is_some_and(|v| v < 1.0))
                && n.is_some_and(|v| v <= 48.0)
                && !(l.joined(j) && l.is_num(j + 1)))
        {
            return None;
        }
        if n.is_none() && !l.w(j).ends_with('s') && !hyphen {
            return None;
        }
        if u == "S" && l.w(j) == "second" && n.is_none() {
            return None;
        }
        // "second" after "a" is the ordinal ("a second term").
        if l.w(j) == "second"
            && matches!(l.w(i), "a" | "one")
            && !matches!(l.w(j + 1), "from" | "ago" | "later")
        {
            return None;
        }
        // Ages are not durations of events: "a 37-year-old".
        if l.is(j + 1, "-") && l.is(j + 2, "old") {
            return None;
        }
        if l.is(j + 1, "old") {
            return None;
        }
        let mut e = j + 1;
        let mut n = n;
        // "an hour and a half", "one month and half"
        if let Some(v) = n {
            let k = if matches!(l.w(e + 1), "a" | "an") {
                e + 2
            } else {
                e + 1
            };
            if l.is(e, "and") && l.is(k, "half") && !l.is_word(k + 1) {
                n = Some(v + 0.5);
                e = k + 1;
            }
        }
        // Compound durations: "2 years, 3 months", "1 month and 21 days".
        let mut parts: Vec<(f64, &'static str, f64, bool)> =
            vec![(n.unwrap_or(3.0), u, mult, clock)];
        if n.is_some() {
            loop {
                let mut k = e;
                if l.is(k, ",") {
                    k += 1;
                }
                if l.is(k, "and") {
                    k += 1;
                }
                let Some(m) =
                    num::read(l, k).filter(|m| !m.ordinal && (m.value > 0.0 || m.bare_int))
                else {
                    break;
                };
                let Some((u2, mult2, clock2)) = time_unit(l.w(m.last)) else {
                    break;
                };
                if u2 == "Q" || parts.iter().any(|p| p.1 == u2 && p.3 == clock2) || !l.near(k) {
                    break;
                }
                parts.push((m.value, u2, mult2, clock2));
                e = m.last + 1;
            }
        }
        // "1 hour thirty", "2 hours and 10": bare minutes after hours.
        if parts.len() == 1 && u == "H" && clock && n.is_some_and(|v| v.fract() == 0.0) {
            let k = if l.is(e, "and") { e + 1 } else { e };
            if let Some(m) = num::read(l, k) {
                if !m.ordinal
                    && m.value.fract() == 0.0
                    && (1.0..=59.0).contains(&m.value)
                    && !l.is_word(m.last)
                    && !l.is_num(m.last)
                {
                    parts.push((m.value, "M", 1.0, true));
                    e = m.last;
                }
            }
        }
        // "three years ago", "1 month 21 days ago", "two weeks from now", "7 days hence"
        let back = l.is(e, "ago");
        let fwd = (l.is(e, "from") && l.is(e + 1, "now")) || l.is(e, "hence");
        if back || fwd {
            let end = if l.is(e, "from") { e + 2 } else { e + 1 };
            let dir = if back { -1 } else { 1 };
            if parts.len() == 1 {
                return Some(self.ago(i, end, parts[0].0, u, mult, clock, dir));
            }
            // Shift part by part; the value takes the finest unit's grain.
            let mut d = self.a.0;
            for &(v, pu, pm, pc) in &parts {
                if pc {
                    d = None;
                    break;
                }
                let k = ((v * pm).round() as i64)
                    .saturating_mul(dir)
                    .clamp(-100_000, 100_000);
                d = d.and_then(|d| match pu {
                    "Y" => add_months(d, 12 * k),
                    "M" => add_months(d, k),
                    "W" => add_days(d, 7 * k),
                    "D" => add_days(d, k),
                    _ => None,
                });
            }
            let mut x = match d {
                Some(d) => date_m(i, end, d, true, "date.ago"),
                None => {
                    let mut x = mk(
                        i,
                        end,
                        TimexType::Date,
                        if back {
                            "PAST_REF".into()
                        } else {
                            "FUTURE_REF".into()
                        },
                        "date.ago",
                    );
                    x.anchored = true;
                    x
                }
            };
            x.rule = "date.ago";
            return Some(x);
        }
        if parts.len() > 1 {
            let mut date_part = String::new();
            let mut clock_part = String::new();
            for &(v, pu, pm, pc) in &parts {
                let unit = if pm == 10.0 || pm == 100.0 { "Y" } else { pu };
                let s = format!("{}{unit}", fmt_num(v * pm));
                if pc {
                    clock_part.push_str(&s);
                } else {
                    date_part.push_str(&s);
                }
            }
            let v = if clock_part.is_empty() {
                format!("P{date_part}")
            } else {
                format!("P{date_part}T{clock_part}")
            };
            let mut x = mk(i, e, TimexType::Duration, v, "duration.compound");
            x.anchored = false;
            return Some(x);
        }
        if u == "Q"
            && (n.is_none()
                || n.is_some_and(|v| v >= 100.0)
                || matches!(l.w(e), "past" | "to" | "of" | "after" | "before")
                || hyphen)
        {
            return None;
        }
        let mut x = mk(
            i,
            e,
            TimexType::Duration,
            dur_value(n, u, mult, clock),
            "duration",
        );
        x.anchored = false;
        if let (false, Some(v)) = (clock, n) {
            x.dur = Some((v * mult, u));
        }
        Some(x)
    }

    #[allow(clippy::too_many_arguments)]
    fn ago(&self, i: usize, e: usize, n: f64, u: &str, mult: f64, clock: bool, dir: i64) -> M {
        let r = self.a.0;
        let k = ((n * mult).round() as i64)
            .saturating_mul(dir)
            .clamp(-100_000, 100_000);
        let v = if clock {
            None
        } else {
            r.and_then(|r| match u {
                "Y" => Some(format!("{:04}", r.year() as i64 + k)),
                "M" => add_months(r, k).map(|d| fmt_month(d.year() as i32, d.month() as u8)),
                "Q" => add_months(r, 3 * k)
                    .map(|d| format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1)),
                "W" => add_days(r, 7 * k).map(fmt_week),
                "D" => add_days(r, k).map(fmt_date),
                _ => None,
            })
        };
        let v = v.unwrap_or_else(|| {
            if dir < 0 {
                "PAST_REF".into()
            } else {
                "FUTURE_REF".into()
            }
        });
        let mut x = mk(i, e, TimexType::Date, v, "date.ago");
        x.anchored = true;
        if u == "D" {
            x.gran = Gran::Day;
        }
        // A fortnight is read as fourteen days.
        let (amount, g) = if u == "W" && mult == 2.0 {
            (14.0 * n, Some(Grain::Day))
        } else {
            (n * mult, unit_grain(u, clock))
        };
        x.bounds = boxed(g.and_then(|g| whole_units(amount, g)).map(|(k, g)| Bounds {
            start: Point::Now {
                n: k * dir,
                unit: g,
                trunc: g.finer(),
            },
            end: None,
            grain: g.finer(),
        }));
        // The exact day, whatever the unit ("two years ago" is 2014 in TIMEX3, 2014-11-07 as a day).
        if !clock {
            x.day = r.and_then(|r| match u {
                "Y" => add_months(r, 12 * k),
                "M" => add_months(r, k),
                "Q" => add_months(r, 3 * k),
                "W" => add_days(r, 7 * k),
                "D" => add_days(r, k),
                _ => None,
            });
        }
        x
    }

    /// "weekly", "every year", "each Monday", "twice a week", "annual".
    fn r_set(&self, i: usize) -> Option<M> {
        let l = self.l;
        let w = l.w(i);
        let v = match w {
            "daily" | "nightly" => "P1D",
            "weekly" => "P1W",
            "biweekly" | "fortnightly" => "P2W",
            "monthly" => "P1M",
            "quarterly" => "P3M",
            "annually" | "yearly" | "annual" => "P1Y",
            "hourly" => "PT1H",
            "biannual" | "biannually" | "semiannual" | "semi" => {
                if w == "semi" {
                    return None;
                }
                "P6M"
            }
            _ => "",
        };
        if !v.is_empty() {
            return Some(mk(i, i + 1, TimexType::Set, v.into(), "set.adverb"));
        }
        if matches!(w, "every" | "each" | "per") {
            let mut j = i + 1;
            let mut n = 1.0;
            if l.is(j, "other") {
                n = 2.0;
                j += 1;
            } else if let Some(k) = num::read(l, j).filter(|k| !k.ordinal && k.value > 1.0) {
                n = k.value;
                j = k.last;
            }
            if let Some((wd, e, _)) = self.weekday_at(j) {
                return Some(mk(
                    i,
                    e,
                    TimexType::Set,
                    format!("XXXX-WXX-{wd}"),
                    "set.every",
                ));
            }
            if let Some((u, mult, clock)) = time_unit(l.w(j)) {
                if w == "per" && (j > i + 1) {
                    return None;
                }
                return Some(mk(
                    i,
                    j + 1,
                    TimexType::Set,
                    dur_value(Some(n), u, mult, clock),
                    "set.every",
                ));
            }
            return None;
        }
        if matches!(w, "once" | "twice") || (w == "times" && i > 0 && num::read(l, i - 1).is_some())
        {
            let j = i + 1;
            if matches!(l.w(j), "a" | "an" | "per" | "every" | "each") {
                if let Some((u, mult, clock)) = time_unit(l.w(j + 1)) {
                    let s = if w == "times" { i - 1 } else { i };
                    let s = if w == "times" {
                        num::read(l, s).map_or(i, |_| s)
                    } else {
                        s
                    };
                    return Some(mk(
                        s,
                        j + 2,
                        TimexType::Set,
                        dur_value(Some(1.0), u, mult, clock),
                        "set.freq",
                    ));
                }
            }
        }
        None
    }

    // ---------------------------------------------------------------- clock times

    /// "3 p.m.", "10:30", "4:30pm EST", "1600 GMT", "noon", "midnight", "ten thirty am",
    /// "330 p.m.", "8 tonight", "tomorrow at 5".
    fn r_clock(&self, i: usize) -> Option<M> {
        let l = self.l;
        let mut secs: Option<u32> = None;
        let w = l.w(i);
        let mut grain = Grain::Minute;
        // A bare hour ("5", "eight"): a clock only with am/pm, o'clock or a day word beside it.
        let mut plain = false;
        // Digits run together ("1030"): a clock only with am/pm or after "at".
        let mut hhmm = false;
        // Written as on a 24-hour dial ("03:30", "15h"): no am/pm guess.
        let mut dial24 = false;
        let mut words = false;
        let (h, mi, mut j): (u32, u32, usize) = match w {
            "noon" | "midday" => {
                grain = Grain::Hour;
                (12, 0, i + 1)
            }
            "mid" if l.is(i + 1, "day") => {
                grain = Grain::Hour;
                (12, 0, i + 2)
            }
            "midnight" => {
                grain = Grain::Hour;
                (0, 0, i + 1)
            }
            _ if l.is_word(i) => {
                let h = hour_word(w)?;
                words = true;
                let k = if l.is(i + 1, "-") && l.joined(i) {
                    i + 2
                } else {
                    i + 1
                };
                match self.minute_words(k) {
                    Some((m, e)) => (h, m, e),
                    None => {
                        grain = Grain::Hour;
                        plain = true;
                        (h, 0, i + 1)
                    }
                }
            }
            _ => {
                if !l.is_num(i) {
                    return None;
                }
                let raw = l.raw(i);
                if raw.contains([',']) {
                    return None;
                }
                if raw.contains('.') {
                    // "10.30 am"
                    let (a, b) = raw.split_once('.')?;
                    if a.len() > 2 || b.len() != 2 {
                        return None;
                    }
                    let h: u32 = a.parse().ok()?;
                    let m: u32 = b.parse().ok()?;
                    let k = self.ampm(i + 1);
                    k?;
                    (h, m, i + 1)
                } else if raw.len() == 4
                    && matches!(
                        l.w(i + 1),
                        "gmt" | "utc" | "est" | "edt" | "bst" | "cet" | "hrs" | "hours" | "local"
                    )
                    && i > 0
                    && matches!(
                        l.w(i - 1),
                        "at" | "by"
                            | "until"
                            | "before"
                            | "after"
                            | "from"
                            | "to"
                            | "since"
                            | "around"
                    )
                {
                    let h: u32 = raw[..2].parse().ok()?;
                    let m: u32 = raw[2..].parse().ok()?;
                    dial24 = true;
                    (h, m, i + 1)
                } else if (raw.len() == 3 || raw.len() == 4)
                    && raw.bytes().all(|b| b.is_ascii_digit())
                {
                    // Digits run together are a clock only before am/pm or "ish", or in
                    // queries; otherwise a year or an amount, decided without more work.
                    let marked = self.ampm(i + 1).is_some() || l.is(i + 1, "ish");
                    if !(marked || self.lower_only) || (raw.len() == 4 && raw >= "1900" && !marked)
                    {
                        return None;
                    }
                    let (a, b) = raw.split_at(raw.len() - 2);
                    hhmm = true;
                    dial24 = true;
                    (a.parse().ok()?, b.parse().ok()?, i + 1)
                } else if raw.len() <= 2 {
                    let h: u32 = raw.parse().ok()?;
                    dial24 = raw.len() == 2 && raw.starts_with('0');
                    if l.is(i + 1, ":")
                        && l.joined(i)
                        && l.joined(i + 1)
                        && l.is_num(i + 2)
                        && l.raw(i + 2).len() == 2
                    {
                        let m: u32 = l.raw(i + 2).parse().ok()?;
                        let mut j = i + 3;
                        if l.is(j, ":") && l.joined(j - 1) && l.is_num(j + 1) {
                            secs = l.raw(j + 1).parse().ok();
                            grain = Grain::Second;
                            j += 2;
                        }
                        (h, m, j)
                    } else if l.joined(i)
                        && l.is(i + 1, "h")
                        && h <= 24
                        && !(i > 0
                            && matches!(l.w(i - 1), "in" | "for" | "within" | "over" | "after")
                            && !l.joined(i + 1))
                    {
                        // "15h00", "15h"; "in 1h" is an hour's time.
                        dial24 = true;
                        if l.joined(i + 1) && l.is_num(i + 2) && l.raw(i + 2).len() == 2 {
                            (h, l.raw(i + 2).parse().ok()?, i + 3)
                        } else {
                            grain = Grain::Hour;
                            (h, 0, i + 2)
                        }
                    } else {
                        grain = Grain::Hour;
                        plain = true;
                        (h, 0, i + 1)
                    }
                } else {
                    return None;
                }
            }
        };
        let mut h = h;
        // "3 o'clock", then "pm" or "in the afternoon"
        let mut oclock = false;
        if l.is(j, "o") && l.is(j + 1, "'") && l.is(j + 2, "clock") {
            j += 3;
            oclock = true;
        } else if l.is(j, "oclock") {
            j += 1;
            oclock = true;
        }
        // "3ish", "150ish"
        if l.is(j, "ish") && l.joined(j - 1) {
            j += 1;
        }
        // Most numbers end here: a bare hour needs am/pm, o'clock or a day word beside it.
        if plain && !oclock && self.ampm(j).is_none() && !self.day_word_beside(i, j) {
            return None;
        }
        let before = if i > 0 { l.w(i - 1) } else { "" };
        let mut has_ampm = false;
        // A letter glued to a bare number is pence or a series ("8p", "643p", "M-2A"): only
        // a reading with minutes ("3:15p") or a query without capitals ("7p") takes it as
        // a.m./p.m.
        let dotted = l.is_num(i) && l.raw(i).contains('.');
        let pence = matches!(l.w(j), "p" | "a")
            && l.joined(j - 1)
            && !(l.is(j + 1, ".") && l.is(j + 2, "m"))
            && (hhmm || dotted || (plain && !self.lower_only));
        // The second number of a fraction ("14-1/2 in morning trading") is no hour.
        if l.is_num(i) && i > 0 && l.is(i - 1, "/") && l.joined(i - 1) {
            return None;
        }
        if let Some((pm, e)) = self.ampm(j).filter(|_| !pence) {
            if h > 12 || h == 0 {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            }
            if !pm && h == 12 {
                h = 0;
            }
            j = e;
            has_ampm = true;
        } else {
            // Most numbers end here: a bare hour needs o'clock or a day word beside it.
            if plain && !oclock && !self.day_word_beside(i, j) {
                return None;
            }
            let after_at = matches!(
                before,
                "at" | "around" | "approximately" | "about" | "@" | "by" | "until"
            );
            // "at 1030" without am/pm reads as a clock only in queries (no capitals) or with
            // "ish"; in prose it is a price or a count ("priced at 101", "about 356").
            let ish = l.is(j - 1, "ish");
            let after_day = matches!(before, "tonight" | "tomorrow" | "today");
            let clock_like = (after_at || after_day)
                && (self.lower_only || ish)
                && !l.is_word(j)
                && !l.is_num(j)
                && !unit_after(l, j);
            let loose_digits = hhmm && !clock_like;
            let loose_words = words && !plain && !self.lower_only && !after_at;
            if loose_digits || loose_words || dotted {
                return None;
            }
        }
        if h > 24 || mi > 59 {
            return None;
        }
        let mut tz = false;
        if matches!(
            l.w(j),
            "gmt" | "utc" | "est" | "edt" | "bst" | "cet" | "pst" | "pdt" | "local"
        ) {
            j += 1;
            tz = true;
            if l.is(j, "time") {
                j += 1;
            }
        }
        // No am/pm: one to three o'clock is the afternoon's (meetings, not the small hours).
        if !has_ampm && !dial24 && !tz && (1..=3).contains(&h) {
            h += 12;
        }
        let r = self.a.0;
        let sec = secs
            .filter(|s| *s < 60)
            .map_or(String::new(), |s| format!(":{s:02}"));
        let v = match r {
            Some(r) => format!("{}T{h:02}:{mi:02}{sec}", fmt_date(r)),
            None => format!("XXXX-XX-XXT{h:02}:{mi:02}{sec}"),
        };
        let mut x = mk(i, j, TimexType::Time, v, "time.clock");
        x.clock = Some((h as u8, mi as u8));
        x.cgrain = Some(grain);
        x.anchored = true;
        Some(x)
    }

    /// "3-4pm", "from 9:30 to 11:00", "8am until 6", "between 3:30pm and 6 pm": two clock
    /// readings; a bare near end takes the far end's am/pm, a bare far end comes after the near
    /// one. Returns the near end with the far end as `extra`, both carrying the range.
    fn r_clock_range(&self, i: usize) -> Option<M> {
        let l = self.l;
        let near = self.r_clock(i);
        let (mut nh, nm, ngrain, k) = match &near {
            Some(x) => {
                let (h, m) = x.clock?;
                (h, m, x.cgrain.unwrap_or(Grain::Minute), x.last)
            }
            None => {
                let raw = l.raw(i);
                if !l.is_num(i) || raw.len() > 2 || raw.contains(['.', ',']) {
                    return None;
                }
                let h: u8 = raw.parse().ok()?;
                if !(1..=12).contains(&h) {
                    return None;
                }
                (h, 0, Grain::Hour, i + 1)
            }
        };
        let before = if i > 0 { l.w(i - 1) } else { "" };
        let sep = l.w(k);
        let ok = matches!(
            sep,
            "-" | "–" | "to" | "until" | "till" | "untill" | "through"
        ) || (sep == "and" && before == "between");
        if !ok {
            return None;
        }
        let far = match self.r_clock(k + 1) {
            Some(x) => x,
            None => {
                // A bare far end after a full near one: "8am until 6".
                let near = near.as_ref()?;
                let raw = l.raw(k + 1);
                if !l.is_num(k + 1)
                    || raw.len() > 2
                    || l.is_num(k + 2)
                    || unit_after(l, k + 2)
                    || (l.joined(k + 1) && matches!(l.w(k + 2), "/" | "." | ","))
                {
                    return None;
                }
                let mut h: u8 = raw.parse().ok()?;
                if !(1..=12).contains(&h) {
                    return None;
                }
                let (n0, _) = near.clock?;
                if h < n0 && h + 12 <= 23 {
                    h += 12;
                }
                let mut x = mk(k + 1, k + 2, TimexType::Time, String::new(), "time.clock");
                x.clock = Some((h, 0));
                x.cgrain = Some(Grain::Hour);
                x
            }
        };
        let (fh, fm) = far.clock?;
        let far_pm = fh >= 12;
        let far_explicit = far.last > k + 2 || far.cgrain != Some(Grain::Hour);
        if near.is_none() && !far_explicit {
            // "3-4pm": a bare near end needs a far end with am/pm or minutes.
            return None;
        }
        // The near end without am/pm of its own takes the far end's: "from 6:00 to 9:00 P.M.".
        let near_marked = (i..k).any(|t| {
            matches!(
                l.w(t),
                "am" | "pm" | "a" | "p" | "morning" | "afternoon" | "evening" | "night"
            )
        });
        if !near_marked && far_pm && nh < 12 && nh + 12 <= fh {
            nh += 12;
        }
        let r = self.a.0;
        let val = |h: u8, m: u8| match r {
            Some(r) => format!("{}T{h:02}:{m:02}", fmt_date(r)),
            None => format!("XXXX-XX-XXT{h:02}:{m:02}"),
        };
        let range = format!("{}/{}", val(nh, nm), val(fh, fm));
        let mut a = mk(i, k, TimexType::Time, val(nh, nm), "time.clock_range");
        a.clock = Some((nh, nm));
        a.cgrain = Some(ngrain);
        a.anchored = true;
        a.range = Some(range.clone());
        let mut b = far;
        b.value = val(fh, fm);
        b.rule = "time.clock_range";
        b.anchored = true;
        b.range = Some(range);
        a.extra = Some(Box::new(b));
        Some(a)
    }

    /// "by EOM", "the BOY": the end or beginning of the current day, month or year.
    fn r_edge_abbrev(&self, i: usize) -> Option<M> {
        let l = self.l;
        let r = self.a.0?;
        let raw = l.raw(i);
        let (v, modifier) = match raw {
            "EOM" | "BOM" => (
                fmt_month(r.year() as i32, r.month() as u8),
                if raw == "EOM" { "END" } else { "START" },
            ),
            "EOY" | "BOY" => (
                format!("{:04}", r.year()),
                if raw == "EOY" { "END" } else { "START" },
            ),
            "EOD" => (fmt_date(r), "END"),
            _ => return None,
        };
        let mut x = mk(i, i + 1, TimexType::Date, v, "date.end_of");
        x.modifier = Some(modifier);
        x.anchored = true;
        x.bounds = boxed(if raw == "EOD" {
            // Only as a deadline: from the reference to midnight.
            let by = (i > 0 && l.is(i - 1, "by")) || (i > 1 && l.is(i - 2, "by"));
            if !by {
                return None;
            }
            Some(Bounds {
                start: Point::Now {
                    n: 0,
                    unit: Grain::Second,
                    trunc: Grain::Second,
                },
                end: Some(Point::At(midnight(add_days(r, 1)?))),
                grain: Grain::Second,
            })
        } else {
            self.edge_bounds(&x, modifier)
        });
        Some(x)
    }

    /// "the morning of Christmas 2013", "the evening of July 4": a part of a given day.
    fn r_part_of(&self, i: usize) -> Option<M> {
        let l = self.l;
        let p = match l.w(i) {
            "morning" => "MO",
            "afternoon" => "AF",
            "evening" => "EV",
            "night" => "NI",
            _ => return None,
        };
        if !l.is(i + 1, "of") {
            return None;
        }
        let mut j = i + 2;
        if l.is(j, "the") {
            j += 1;
        }
        let rel = matches!(l.w(j), "this" | "next" | "last");
        let day = self
            .r_holiday(j)
            .or_else(|| if rel { self.r_holiday(j + 1) } else { None })
            .or_else(|| self.r_month_first(j))
            .or_else(|| self.r_day_first(j))
            .or_else(|| self.r_weekday(j))
            .or_else(|| self.r_deictic(j))?;
        let d = day
            .day
            .filter(|_| day.gran == Gran::Day && day.kind == TimexType::Date)?;
        let mut x = mk(
            i,
            day.last,
            TimexType::Time,
            format!("{}T{p}", fmt_date(d)),
            "time.part_of",
        );
        x.day = Some(d);
        x.anchored = day.anchored;
        Some(x)
    }

    /// "3 fridays from now", "2 thursdays ago": the n-th such weekday after or before the
    /// reference.
    fn r_n_weekdays(&self, i: usize) -> Option<M> {
        let l = self.l;
        let n = num::read(l, i)?;
        if n.ordinal || n.value.fract() != 0.0 || !(1.0..=52.0).contains(&n.value) {
            return None;
        }
        let (wd, e, plural) = self.weekday_at(n.last)?;
        if !plural {
            return None;
        }
        let k = n.value as i64 - 1;
        let (d, end) = match l.w(e) {
            "from" if l.is(e + 1, "now") => (add_days(self.a.weekday_forward(wd)?, 7 * k)?, e + 2),
            "hence" => (add_days(self.a.weekday_forward(wd)?, 7 * k)?, e + 1),
            "ago" | "back" => (add_days(self.a.weekday_back(wd, true)?, -7 * k)?, e + 1),
            _ => return None,
        };
        Some(date_m(i, end, d, true, "date.n_weekdays"))
    }

    /// "the last day of October 2015", "the 20th day of next month", "first day in March".
    fn r_nth_day(&self, i: usize) -> Option<M> {
        let l = self.l;
        let (nth, e): (i64, usize) = match l.w(i) {
            "last" => (-1, i + 1),
            _ => {
                let n = num::read(l, i)?;
                if !n.ordinal || !(1.0..=31.0).contains(&n.value) {
                    return None;
                }
                (n.value as i64, n.last)
            }
        };
        if !l.is(e, "day") || !(l.is(e + 1, "of") || l.is(e + 1, "in")) {
            return None;
        }
        let (y, m, end) = self.month_anchor(e + 2, i)?;
        let first = ymd(y, m, 1)?;
        let d = if nth < 0 {
            first.last_of_month()
        } else {
            let d = add_days(first, nth - 1)?;
            if d.month() as u8 != m {
                return None;
            }
            d
        };
        Some(date_m(i, end, d, true, "date.nth_day"))
    }

    /// A day word next to a bare hour: "tomorrow at 5", "8 tonight", "at 5 tomorrow afternoon".
    /// Prices share the pattern ("closed today at 19", "34-3/4 this morning"): the hour must
    /// be 1-12, stand alone (no fraction or decimal around it) and, after "at", follow a word
    /// of the coming hours and end the clause.
    fn day_word_beside(&self, i: usize, j: usize) -> bool {
        let l = self.l;
        // "at" and "this" are gated words, "tonight" and "tomorrow" time words: the classes
        // rule out most numbers' neighbours before any text is compared.
        let at_before = i >= 2
            && ((l.class(i - 1) & cls::GATED != 0 && l.is(i - 1, "at"))
                || (!l.is_word(i - 1) && l.is(i - 1, "@")));
        let day_after = l.class(j) & (cls::TIME | cls::GATED) != 0
            && matches!(l.w(j), "tonight" | "tomorrow" | "tmrw" | "this");
        if !at_before && !day_after {
            return false;
        }
        let raw = l.raw(i);
        let small = l.is_num(i) && raw.parse::<u8>().is_ok_and(|h| (1..=12).contains(&h))
            || hour_word(l.w(i)).is_some();
        let glued = (i > 0 && l.joined(i - 1) && !l.is_word(i - 1))
            || (l.joined(i) && matches!(l.w(i + 1), "-" | "/" | "." | ","));
        if !small || glued {
            return false;
        }
        let coming = |w: &str| {
            matches!(
                w,
                "tomorrow" | "tonight" | "tmrw" | "morning" | "afternoon" | "evening" | "night"
            )
        };
        if i >= 2 && matches!(l.w(i - 1), "at" | "@") && coming(l.w(i - 2)) {
            let next = l.w(j);
            return next.is_empty()
                || matches!(next, "." | "," | ";" | ")" | "on" | "in" | "and")
                || coming(next);
        }
        // "8 tonight", "9 tomorrow morning"; not "today" ("shares were up 8 today").
        match l.w(j) {
            "tonight" | "tomorrow" | "tmrw" => true,
            "this" => matches!(l.w(j + 1), "morning" | "afternoon" | "evening"),
            _ => false,
        }
    }

    /// Minutes written in words after an hour: "thirty", "fifty nine", "twenty-three",
    /// "oh three", "zero three".
    fn minute_words(&self, k: usize) -> Option<(u32, usize)> {
        let l = self.l;
        let w = l.w(k);
        let next = |k: usize| {
            if l.is(k + 1, "-") && l.joined(k) {
                k + 2
            } else {
                k + 1
            }
        };
        if matches!(w, "oh" | "o" | "ou" | "zero") {
            let k2 = next(k);
            let u = unit_word(l.w(k2))?;
            return Some((u, k2 + 1));
        }
        if let Some(t) = teen_word(w) {
            return Some((t, k + 1));
        }
        let t = match w {
            "twenty" => 20,
            "thirty" => 30,
            "forty" | "fourty" => 40,
            "fifty" => 50,
            _ => return None,
        };
        let k2 = next(k);
        match unit_word(l.w(k2)) {
            Some(u) => Some((t + u, k2 + 1)),
            None => Some((t, k + 1)),
        }
    }

    /// "half past three", "a quarter to noon", "20 minutes past 3pm", "twenty after 3pm",
    /// "15 to noon": minutes counted from an hour.
    fn r_rel_clock(&self, i: usize) -> Option<M> {
        let l = self.l;
        let (n, mut j, strong) = match l.w(i) {
            "half" => (30, i + 1, true),
            "quarter" => (15, i + 1, true),
            "a" if l.is(i + 1, "quarter") => (15, i + 2, true),
            _ => {
                let n = num::read(l, i)?;
                if n.ordinal || n.value.fract() != 0.0 || !(1.0..=59.0).contains(&n.value) {
                    return None;
                }
                let mut j = n.last;
                let minutes = matches!(l.w(j), "minutes" | "minute" | "min" | "mins");
                if minutes {
                    j += 1;
                }
                (n.value as u32, j, minutes)
            }
        };
        let rel = l.w(j);
        let sign: i32 = match rel {
            "past" | "after" => 1,
            "from" if strong => 1,
            "to" | "till" | "before" | "of" => -1,
            _ => return None,
        };
        j += 1;
        let target = self.r_clock(j).or_else(|| {
            // A bare hour after "past": "half past three", "quarter past 3".
            if rel != "past" {
                return None;
            }
            let h = if l.is_num(j) {
                let raw = l.raw(j);
                if raw.len() > 2 || raw.contains(['.', ',']) {
                    return None;
                }
                raw.parse::<u32>().ok()?
            } else {
                hour_word(l.w(j))?
            };
            if !(1..=12).contains(&h) || l.is_num(j + 1) || unit_after(l, j + 1) {
                return None;
            }
            let h = if h <= 3 { h + 12 } else { h };
            let mut x = mk(j, j + 1, TimexType::Time, String::new(), "time.clock");
            x.clock = Some((h as u8, 0));
            Some(x)
        })?;
        let (th, tm) = target.clock?;
        let explicit = !matches!(target.cgrain, Some(Grain::Hour))
            || l.w(j) == "noon"
            || l.w(j) == "midnight"
            || target.last > j + 1;
        if sign < 0 && !(strong || matches!(l.w(j), "noon" | "midnight")) {
            return None;
        }
        if rel == "after" && !(strong || explicit) {
            return None;
        }
        let total = (th as i32 * 60 + tm as i32 + sign * n as i32).rem_euclid(24 * 60);
        let (h, mi) = ((total / 60) as u8, (total % 60) as u8);
        let r = self.a.0;
        let v = match r {
            Some(r) => format!("{}T{h:02}:{mi:02}", fmt_date(r)),
            None => format!("XXXX-XX-XXT{h:02}:{mi:02}"),
        };
        let mut x = mk(i, target.last, TimexType::Time, v, "time.rel_clock");
        x.clock = Some((h, mi));
        x.cgrain = Some(Grain::Minute);
        x.anchored = true;
        Some(x)
    }

    fn ampm(&self, j: usize) -> Option<(bool, usize)> {
        let l = self.l;
        match l.w(j) {
            "am" => Some((false, j + 1)),
            "pm" => Some((true, j + 1)),
            "a" | "p" if l.is(j + 1, ".") && l.is(j + 2, "m") => {
                let pm = l.is(j, "p");
                let e = if l.is(j + 3, ".") { j + 4 } else { j + 3 };
                Some((pm, e))
            }
            // "3:15p", "7a" glued to the number; "3:30 p m" spaced
            "a" | "p" if l.joined(j - 1) && !l.is_word(j + 1) => {
                let e = if l.is(j + 1, ".") && !l.is_word(j + 2) {
                    j + 2
                } else {
                    j + 1
                };
                Some((l.is(j, "p"), e))
            }
            "a" | "p" if l.is(j + 1, "m") && !l.joined(j) => Some((l.is(j, "p"), j + 2)),
            // "in the afternoon", "in the evening", "in the morning"
            "in" if matches!(l.w(j + 1), "afternoon" | "evening" | "morning")
                && !l.is_word(j + 2) =>
            {
                Some((!l.is(j + 1, "morning"), j + 2))
            }
            "in" if l.is(j + 1, "the") => match l.w(j + 2) {
                "afternoon" | "evening" | "night" | "pm" => Some((true, j + 3)),
                "morning" | "am" => Some((false, j + 3)),
                _ => None,
            },
            _ => None,
        }
    }
}

const SIGNALS: &[&str] = &[
    "in",
    "on",
    "since",
    "between",
    "from",
    "by",
    "until",
    "till",
    "during",
    "before",
    "after",
    "at",
    "for",
    "within",
    "through",
    "throughout",
    "over",
    "of",
    "to",
    "around",
    "as",
];

pub fn run(l: &Lexed, reference: Option<Date>, opts: &crate::Options) -> Vec<TimeExpr> {
    let lower_only = !l.text.bytes().any(|b| b.is_ascii_uppercase());
    let cx = Cx {
        l,
        a: Anchor(reference),
        lower_only,
        past: opts.past,
    };
    let mut ms: Vec<M> = Vec::new();
    let n = l.len();
    let mut i = 0;
    while i < n {
        let t = l.toks[i];
        let go = match t.kind {
            TokKind::Num => true,
            TokKind::Word => {
                let c = l.class(i);
                if c == 0 {
                    // Words in no class (most words): "recent", holiday names in capitals,
                    // "EOM"-style abbreviations.
                    let w = l.w(i);
                    let wb = w.as_bytes();
                    w == "recent"
                        || (holiday_shape(wb) && {
                            let b = l.raw(i).as_bytes();
                            (lower_only
                                || b[0].is_ascii_uppercase()
                                    && b.get(1).is_some_and(u8::is_ascii_lowercase))
                                && holiday_word(w)
                        })
                        || (wb.len() == 3 && matches!(wb[0], b'e' | b'b') && edge_abbrev(l.raw(i)))
                } else {
                    c & (cls::NUM | cls::TIME | cls::HOLI) != 0
                        || (c & cls::GATED != 0 && {
                            let timeish = |k: usize| {
                                l.is_num(k)
                                    || l.class(k) & (cls::NUM | cls::TIME | cls::TUNIT) != 0
                                    || l.is(k, "'")
                            };
                            timeish(i + 1)
                                || (l.class(i + 1) & cls::GATED != 0 && timeish(i + 2))
                                || (l.is(i, "the")
                                    && matches!(l.w(i + 1), "past" | "future" | "moment"))
                        })
                        || (c & cls::TUNIT != 0
                            && (l.is(i, "weekend")
                                || (l.is(i, "night") && l.is(i + 1, "journey"))
                                || (l.is(i, "day") && matches!(l.w(i + 1), "after" | "before"))
                                || (i > 0 && matches!(l.w(i - 1), "for" | "over" | "within"))
                                || l.is(i + 1, "of")
                                || l.is_num(i + 1)
                                || matches!(l.w(i + 1), "starting" | "beginning" | "commencing")))
                }
            }
            TokKind::Sym => l.is(i, "'") || l.is(i, "’"),
        };
        if !go {
            i += 1;
            continue;
        }
        match best_at(&cx, i) {
            Some(mut m) => {
                let extra = m.extra.take();
                i = m.last.max(i + 1);
                ms.push(m);
                if let Some(x) = extra {
                    i = x.last.max(i);
                    ms.push(*x);
                }
            }
            None => i += 1,
        }
    }
    combine(&cx, &mut ms);
    merge_date_time(&cx, &mut ms);
    pair_ranges(&cx, &mut ms);
    for m in &mut ms {
        // "2014 AD", "14 a.d."
        if m.gran == Gran::Year || m.rule == "date.year" {
            let e = m.last;
            if l.is(e, "ad") {
                m.last += 1;
            } else if l.is(e, "a") && l.is(e + 1, ".") && l.is(e + 2, "d") {
                m.last += if l.is(e + 3, ".") { 4 } else { 3 };
            }
        }
        // "right now", "just now"
        if m.value == "PRESENT_REF" && m.first > 0 && matches!(l.w(m.first - 1), "right" | "just") {
            m.first -= 1;
        }
        finish_bounds(&cx, m);
    }
    ms.into_iter()
        .map(|m| {
            let signal = if m.first > 0 {
                let w = l.w(m.first - 1);
                SIGNALS.iter().find(|s| **s == w).map(|s| s.to_string())
            } else {
                None
            };
            TimeExpr {
                start: l.start(m.first),
                end: l.end(m.last - 1),
                kind: m.kind,
                value: m.value,
                modifier: m.modifier.map(str::to_string),
                signal,
                range: m.range,
                anchored: m.anchored,
                rule: m.rule,
                day: m.day,
                clock: m.clock,
                bounds: m.bounds.map(|b| *b),
            }
        })
        .collect()
}

/// The grain of a TIMEX3 duration letter.
fn unit_grain(u: &str, clock: bool) -> Option<Grain> {
    Some(match (u, clock) {
        ("S", true) => Grain::Second,
        ("M", true) => Grain::Minute,
        ("H", true) => Grain::Hour,
        ("D", _) => Grain::Day,
        ("W", _) => Grain::Week,
        ("M", false) => Grain::Month,
        ("Q", _) => Grain::Quarter,
        ("Y", _) => Grain::Year,
        _ => return None,
    })
}

/// An amount of `g` as a whole number of `g` or of a finer grain ("2.5 hours" = 150 minutes).
fn whole_units(n: f64, g: Grain) -> Option<(i64, Grain)> {
    if !n.is_finite() || n.abs() > 1e6 {
        return None;
    }
    if n.fract() == 0.0 {
        return Some((n as i64, g));
    }
    let (f, finer) = match g {
        Grain::Hour => (60.0, Grain::Minute),
        Grain::Minute => (60.0, Grain::Second),
        Grain::Day => (24.0, Grain::Hour),
        Grain::Week => (7.0, Grain::Day),
        Grain::Year => (12.0, Grain::Month),
        Grain::Quarter => (3.0, Grain::Month),
        _ => return None,
    };
    let v = n * f;
    (v.fract().abs() < 1e-9).then_some((v.round() as i64, finer))
}

/// "the last 2 days" = `[today - 2, today)`, "the next 3 hours" = `[this hour + 1, + 4)`.
fn last_next_bounds(dir: i64, n: f64, g: Option<Grain>) -> Option<Bounds> {
    let (k, g) = whole_units(n, g?)?;
    let (a, b) = if dir < 0 { (-k, 0) } else { (1, k + 1) };
    let at = |n: i64| Point::Now {
        n,
        unit: g,
        trunc: g,
    };
    Some(Bounds {
        start: at(a),
        end: Some(at(b)),
        grain: g,
    })
}

/// A TIMEX3 duration of one unit ("P7D", "PT2.5H", "PTXH" as three): amount and grain.
fn parse_duration(v: &str) -> Option<(f64, Grain)> {
    let (body, clock) = match v.strip_prefix("PT") {
        Some(b) => (b, true),
        None => (v.strip_prefix('P')?, false),
    };
    let u = body.get(body.len().checked_sub(1)?..)?;
    let num = &body[..body.len() - 1];
    let n: f64 = if num == "X" { 3.0 } else { num.parse().ok()? };
    Some((n, unit_grain(u, clock)?))
}

/// "2013-SU": astronomical seasons; a year's winter is the one that ends in it.
fn season_bounds(v: &str) -> Option<Bounds> {
    if v.len() != 7 || v.as_bytes()[4] != b'-' {
        return None;
    }
    let y: i32 = v[..4].parse().ok()?;
    let ((ya, ma, da), (yb, mb, db)) = match &v[5..] {
        "SP" => ((y, 3, 20), (y, 6, 21)),
        "SU" => ((y, 6, 21), (y, 9, 24)),
        "FA" => ((y, 9, 23), (y, 12, 21)),
        "WI" => ((y - 1, 12, 21), (y, 3, 21)),
        _ => return None,
    };
    Some(Bounds::days(ymd(ya, ma, da)?, ymd(yb, mb, db)?))
}

fn boxed(b: Option<Bounds>) -> Option<Box<Bounds>> {
    b.map(Box::new)
}

/// Parts of day as hours `[from, to)`.
fn part_hours(p: &str) -> Option<(i8, i8)> {
    Some(match p {
        "MO" => (0, 12),
        "MI" => (12, 14),
        "AF" => (12, 19),
        "EV" | "NI" => (18, 24),
        _ => return None,
    })
}

fn at_hour(d: Date, h: i8) -> Option<jiff::civil::DateTime> {
    if h >= 24 {
        return Some(midnight(add_days(d, 1)?));
    }
    Some(d.to_datetime(jiff::civil::Time::new(h, 0, 0, 0).ok()?))
}

/// "YYYY-MM-DDTHH:MM[:SS]".
fn parse_clock_value(v: &str) -> Option<jiff::civil::DateTime> {
    let (d, c) = v.split_once('T')?;
    let d: Date = d.parse().ok()?;
    let mut it = c.split(':');
    let h: i8 = it.next()?.parse().ok()?;
    let mi: i8 = it.next()?.parse().ok()?;
    let s: i8 = it.next().map_or(Some(0), |x| x.parse().ok())?;
    if h == 24 {
        return Some(midnight(add_days(d, 1)?));
    }
    Some(d.to_datetime(jiff::civil::Time::new(h, mi, s, 0).ok()?))
}

/// Civil-time bounds the value leaves implicit: clock readings to their written grain, parts
/// of day as hours, weekends from Friday evening; "by" a time runs from the reference.
fn finish_bounds(cx: &Cx, m: &mut M) {
    let l = cx.l;
    let by = m.first > 0 && l.is(m.first - 1, "by");
    if m.bounds.is_none() && m.clock.is_some() {
        if let Some(t) = parse_clock_value(&m.value) {
            m.bounds = boxed(Some(if by {
                Bounds {
                    start: Point::Now {
                        n: 0,
                        unit: Grain::Second,
                        trunc: Grain::Second,
                    },
                    end: Some(Point::At(t)),
                    grain: Grain::Second,
                }
            } else {
                Bounds::point(t, m.cgrain.unwrap_or(Grain::Minute))
            }));
        }
        return;
    }
    if m.bounds.is_none() && m.kind == TimexType::Duration && m.first > 0 {
        let mut before = l.w(m.first - 1);
        // "in about half an hour"
        if m.first > 1
            && matches!(before, "about" | "around" | "approximately" | "roughly")
            && l.is(m.first - 2, "in")
        {
            before = "in";
        }
        if matches!(before, "in" | "within" | "after") {
            if let Some((k, g)) = parse_duration(&m.value).and_then(|(n, g)| whole_units(n, g)) {
                let at = Point::Now {
                    n: k,
                    unit: g,
                    trunc: g.finer(),
                };
                m.bounds = boxed(Some(if before != "within" {
                    // The future reading: that long after the reference.
                    Bounds {
                        start: at,
                        end: None,
                        grain: g.finer(),
                    }
                } else {
                    Bounds {
                        start: Point::Now {
                            n: 0,
                            unit: Grain::Second,
                            trunc: Grain::Second,
                        },
                        end: Some(at),
                        grain: Grain::Second,
                    }
                }));
            }
        }
        return;
    }
    if m.bounds.is_some() || m.value.len() < 7 {
        return;
    }
    if let Some(b) = season_bounds(&m.value) {
        m.bounds = boxed(Some(b));
        return;
    }
    if m.value.len() < 8 {
        return;
    }
    let v = m.value.as_str();
    let tail = &v[v.len() - 2..];
    if v.as_bytes()[v.len() - 3] == b'T' {
        let d = m.day.or_else(|| v.get(..10).and_then(|d| d.parse().ok()));
        if let (Some((a, b)), Some(d)) = (part_hours(tail), d) {
            let a = if m.modifier == Some("LATE") { 21 } else { a };
            if let (Some(s), Some(e)) = (at_hour(d, a), at_hour(d, b)) {
                m.bounds = boxed(Some(Bounds::span(s, e, Grain::Hour)));
            }
        }
        return;
    }
    if tail == "WE" && v.len() == 11 {
        let (Ok(y), Ok(w)) = (v[..4].parse::<i16>(), v[6..8].parse::<i8>()) else {
            return;
        };
        let Ok(fri) = jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Friday) else {
            return;
        };
        let fri = fri.date();
        if let (Some(s), Some(e)) = (at_hour(fri, 18), add_days(fri, 3)) {
            m.bounds = boxed(Some(Bounds::span(s, midnight(e), Grain::Hour)));
        }
    }
}

/// A "past"/"to" word after an amount: "20 past", "15 minutes to", "twenty five minutes to".
fn rel_clock_near(l: &Lexed, i: usize) -> bool {
    // The first letter and length of every word it looks for.
    let lead = |w: &str| {
        let b = w.as_bytes();
        matches!(
            (b.first(), b.len()),
            (Some(b'p'), 4)
                | (Some(b'a'), 5)
                | (Some(b't'), 2 | 4)
                | (Some(b'b'), 6)
                | (Some(b'o'), 2)
                | (Some(b'f'), 4)
                | (Some(b'm'), 3 | 4 | 6 | 7)
        )
    };
    if !lead(l.w(i + 1)) && !lead(l.w(i + 2)) {
        return false;
    }
    let rel = |w: &str| {
        matches!(
            w,
            "past" | "after" | "to" | "till" | "before" | "of" | "from"
        )
    };
    let minutes = |w: &str| matches!(w, "minutes" | "minute" | "min" | "mins");
    let (a, b) = (l.w(i + 1), l.w(i + 2));
    if rel(a) || (minutes(a) && rel(b)) {
        return true;
    }
    // A number in words runs over several tokens.
    (l.class(i) & cls::NUM != 0 && l.is_word(i) || l.is(i, "a"))
        && (rel(b) || (minutes(b) && rel(l.w(i + 3))))
}

fn best_at(cx: &Cx, i: usize) -> Option<M> {
    let l = cx.l;
    let w = l.w(i);
    // A leading "the" joins expressions that TimeML writes with it ("the 1990s", "the fourth quarter").
    if w == "the" {
        let inner = cx
            .r_year(i + 1)
            .filter(|m| m.rule == "date.decade")
            .or_else(|| cx.r_century(i + 1))
            .or_else(|| cx.r_quarter(i + 1))
            .or_else(|| cx.r_part(i + 1))
            .or_else(|| {
                cx.r_rel_unit(i + 1).filter(|m| {
                    m.kind == TimexType::Duration
                        || m.rule == "date.rel_day"
                        || matches!(l.w(i + 2), "decade" | "century")
                })
            })
            .or_else(|| cx.r_day_first(i + 1).filter(|_| l.is_num(i + 1)))
            .or_else(|| cx.r_nth_weekday(i + 1))
            .or_else(|| cx.r_week_of(i + 1))
            .or_else(|| cx.r_season(i + 1))
            .or_else(|| cx.r_after_next(i + 1))
            .or_else(|| cx.r_weekend(i + 1))
            .or_else(|| cx.r_vague(i))
            .or_else(|| cx.r_nth_week(i + 1))
            .or_else(|| cx.r_bare_day(i + 1))
            .or_else(|| cx.r_deictic(i));
        if let Some(mut m) = inner {
            m.first = i;
            return Some(m);
        }
        return None;
    }
    let on_before = i > 0 && matches!(l.w(i - 1), "on" | "for");
    // Rules in order; the one that reaches furthest wins (ties: the earlier rule).
    let mut best: Option<M> = None;
    let reach = |m: &M| m.extra.as_ref().map_or(m.last, |x| x.last);
    let mut consider = |c: Option<M>| {
        if let Some(c) = c {
            if best.as_ref().is_none_or(|b| reach(&c) > reach(b)) {
                best = Some(c);
            }
        }
    };
    if l.is_num(i) {
        // Cheap looks at the next tokens decide which rules can apply.
        let short = l.raw(i).len() <= 2;
        let unit_near = (1..=4).any(|k| l.class(i + k) & cls::TUNIT != 0)
            || (1..=3).any(|k| l.is(i + k, "h"))
            || matches!(l.w(i + 1), "'" | "\"");
        let suffixed = l.joined(i) && matches!(l.w(i + 1), "st" | "nd" | "rd" | "th");
        if on_before {
            consider(cx.r_bare_day(i));
        }
        if short {
            consider(cx.r_day_range(i));
            consider(cx.r_day_first(i));
        }
        consider(cx.r_numeric(i));
        consider(cx.r_spaced_month(i));
        if suffixed {
            consider(cx.r_century(i));
            consider(cx.r_quarter(i));
        }
        consider(cx.r_clock(i));
        // Clock ranges, minutes past an hour, "3 fridays from now": small numbers only.
        if short {
            let next = l.w(i + 1);
            if matches!(
                next,
                "-" | "–"
                    | "to"
                    | "until"
                    | "till"
                    | "untill"
                    | "through"
                    | "and"
                    | ":"
                    | "am"
                    | "pm"
                    | "a"
                    | "p"
                    | "h"
            ) || l.is(i + 2, "-")
            {
                consider(cx.r_clock_range(i));
            }
            // Digits: "20 past", "15 minutes to".
            let rel = |w: &str| {
                matches!(
                    w,
                    "past" | "after" | "to" | "till" | "before" | "of" | "from"
                )
            };
            if rel(next)
                || (matches!(next, "minutes" | "minute" | "min" | "mins") && rel(l.w(i + 2)))
            {
                consider(cx.r_rel_clock(i));
            }
            if l.class(i + 1) & cls::TIME != 0 && weekday_num(next).is_some() {
                consider(cx.r_n_weekdays(i));
            }
        }
        if suffixed && l.is(i + 2, "day") {
            consider(cx.r_nth_day(i));
        }
        if suffixed && l.is(i + 2, "last") {
            consider(cx.r_nth_last_week(i));
        }
        if unit_near {
            consider(cx.r_duration(i));
        }
        consider(cx.r_year(i));
    } else if !l.is_word(i) {
        consider(cx.r_year(i));
    } else if l.class(i) == cls::HOLI || (l.class(i) == 0 && holiday_word(w)) {
        consider(cx.r_holiday(i));
    } else if l.class(i) == 0 && edge_abbrev(l.raw(i)) {
        consider(cx.r_edge_abbrev(i));
    } else {
        consider(cx.r_nth_weekday(i));
        consider(cx.r_nth_week(i));
        consider(cx.r_rest_of(i));
        consider(cx.r_vague(i));
        consider(cx.r_holiday(i));
        consider(cx.r_weekend(i));
        consider(cx.r_week_number(i));
        consider(cx.r_week_of(i));
        consider(cx.r_end_of(i));
        consider(cx.r_season(i));
        consider(cx.r_day_range(i));
        consider(cx.r_month_first(i));
        consider(cx.r_day_first(i));
        consider(cx.r_weekday(i));
        consider(cx.r_rel_unit(i));
        consider(cx.r_earlier(i));
        consider(cx.r_deictic(i));
        consider(cx.r_part(i));
        consider(cx.r_quarter(i));
        consider(cx.r_century(i));
        consider(cx.r_clock(i));
        if (l.class(i) & cls::NUM != 0 || l.is(i, "a")) && rel_clock_near(l, i) {
            consider(cx.r_rel_clock(i));
        }
        if l.class(i) & cls::NUM != 0
            && l.class(i + 1) & cls::TIME != 0
            && weekday_num(l.w(i + 1)).is_some()
        {
            consider(cx.r_n_weekdays(i));
        }
        let next = l.w(i + 1);
        if next == "day" {
            consider(cx.r_nth_day(i));
        }
        if next == "last" && l.is(i + 2, "week") {
            consider(cx.r_nth_last_week(i));
        }
        if next == "of" {
            consider(cx.r_part_of(i));
        }
        consider(cx.r_duration(i));
        consider(cx.r_year(i));
        consider(cx.r_set(i));
    }
    best
}

/// Adjacent readings that make one date: "next week Friday", "Friday of next week",
/// "June next year", "2016 November", "two days after tomorrow".
fn combine(cx: &Cx, ms: &mut Vec<M>) {
    let l = cx.l;
    let mut out: Vec<M> = Vec::with_capacity(ms.len());
    let mut k = 0;
    while k < ms.len() {
        if k + 1 < ms.len() {
            let (a, b) = (&ms[k], &ms[k + 1]);
            let g = b.first - a.last;
            let gw = if g == 1 { l.w(a.last) } else { "" };
            let close = g == 0
                || (g == 1 && matches!(gw, "on" | "of" | "," | "in" | "from"))
                || (g == 2 && l.is(a.last, "'") && l.is(a.last + 1, "s"));
            // Week + weekday, either order.
            let (wk, wdm) = if a.week_monday.is_some() && b.wd.is_some() {
                (Some(a), Some(b))
            } else if b.week_monday.is_some() && a.wd.is_some() {
                (Some(b), Some(a))
            } else {
                (None, None)
            };
            if let (true, Some(wk), Some(wdm)) = (close, wk, wdm) {
                if let (Some(mon), Some(wd)) = (wk.week_monday, wdm.wd) {
                    if let Some(d) = add_days(mon, wd as i64 - 1) {
                        out.push(date_m(a.first, b.last, d, true, "date.week_weekday"));
                        k += 2;
                        continue;
                    }
                }
            }
            // Month + year, either order: "June next year", "2016 November", "2016, nov".
            let (mm, yy) = if a.month.is_some() && b.gran == Gran::Year {
                (Some(a), Some(b))
            } else if b.month.is_some() && a.gran == Gran::Year && a.modifier.is_none() {
                (Some(b), Some(a))
            } else {
                (None, None)
            };
            if let (true, Some(mm), Some(yy)) =
                (close && mm.is_some_and(|m| m.rule == "date.month"), mm, yy)
            {
                if let (Some(m), Some(y)) = (mm.month, yy.year) {
                    let mut x = mk(
                        a.first,
                        b.last,
                        TimexType::Date,
                        fmt_month(y, m),
                        "date.month_year",
                    );
                    x.gran = Gran::Month;
                    x.year = Some(y);
                    x.month = Some(m);
                    x.anchored = yy.anchored;
                    out.push(x);
                    k += 2;
                    continue;
                }
            }
            // Quarter + year: "4th quarter 2018".
            if close
                && b.gran == Gran::Year
                && b.modifier.is_none()
                && a.rule == "date.quarter"
                && a.anchored
            {
                if let (Some(y), Some(q)) = (b.year, a.value.get(a.value.len().saturating_sub(2)..))
                {
                    let mut x = mk(
                        a.first,
                        b.last,
                        TimexType::Date,
                        format!("{y:04}-{q}"),
                        "date.quarter",
                    );
                    x.year = Some(y);
                    out.push(x);
                    k += 2;
                    continue;
                }
            }
            // Year + quarter or half: "2016 Q3", "2016 the third quarter".
            if close
                && a.gran == Gran::Year
                && a.modifier.is_none()
                && b.rule == "date.quarter"
                && b.anchored
            {
                if let (Some(y), Some(q)) = (a.year, b.value.get(b.value.len().saturating_sub(2)..))
                {
                    let mut x = mk(
                        a.first,
                        b.last,
                        TimexType::Date,
                        format!("{y:04}-{q}"),
                        "date.quarter",
                    );
                    x.year = Some(y);
                    out.push(x);
                    k += 2;
                    continue;
                }
            }
            // A holiday or month placed by a shift of the reference: "Thanksgiving in 9 months",
            // "Thanksgiving 3 months ago", "March in 1 year": the one in the shifted year.
            if (a.holiday.is_some() || a.rule == "date.month") && a.anchored {
                let shifted = if g == 0 && b.rule == "date.ago" {
                    b.day
                } else if g == 1 && gw == "in" && b.kind == TimexType::Duration {
                    b.dur.and_then(|(n, u)| {
                        let r = cx.a.0?;
                        match u {
                            "Y" => add_months(r, (12.0 * n) as i64),
                            "M" => add_months(r, n as i64),
                            "W" => add_days(r, (7.0 * n) as i64),
                            "D" => add_days(r, n as i64),
                            _ => None,
                        }
                    })
                } else {
                    None
                };
                if let Some(sd) = shifted {
                    let y = sd.year() as i32;
                    let placed = match (a.holiday, a.month) {
                        (Some(h), _) => h
                            .on(y)
                            .map(|d| date_m(a.first, b.last, d, true, "date.holiday")),
                        (None, Some(m)) => {
                            let mut x = mk(
                                a.first,
                                b.last,
                                TimexType::Date,
                                fmt_month(y, m),
                                "date.month",
                            );
                            x.gran = Gran::Month;
                            x.year = Some(y);
                            x.month = Some(m);
                            x.anchored = true;
                            Some(x)
                        }
                        _ => None,
                    };
                    if let Some(x) = placed {
                        out.push(x);
                        k += 2;
                        continue;
                    }
                }
            }
            // Duration + from/after/before + day: "two days after today", "three weeks from tomorrow".
            if g == 1 && matches!(gw, "from" | "after" | "before") && a.kind == TimexType::Duration
            {
                if let (Some((n, u)), Some(d)) = (a.dur, b.day.filter(|_| b.gran == Gran::Day)) {
                    let n = if gw == "before" { -n } else { n };
                    let shifted = match u {
                        "Y" => add_months(d, (12.0 * n) as i64),
                        "M" => add_months(d, n as i64),
                        "W" => add_days(d, (7.0 * n) as i64),
                        "D" => add_days(d, n as i64),
                        _ => None,
                    };
                    if let Some(sd) = shifted {
                        out.push(date_m(a.first, b.last, sd, true, "date.shifted"));
                        k += 2;
                        continue;
                    }
                }
            }
        }
        out.push(ms[k].clone());
        k += 1;
    }
    *ms = out;
}

/// The two ends of a clock range ("9:30 to 11:00") at `k`, `k + 1`.
fn clock_pair(ms: &[M], k: usize) -> bool {
    match (ms.get(k), ms.get(k + 1)) {
        (Some(a), Some(b)) => {
            a.rule == "time.clock_range" && b.rule == "time.clock_range" && a.range == b.range
        }
        _ => false,
    }
}

/// A day beside a clock range ("Thursday from 9:30 to 11:00", "1pm-2pm tomorrow") dates both
/// ends; the day's expression joins the range's span.
fn date_clock_range(cx: &Cx, ms: &mut Vec<M>) {
    let l = cx.l;
    let is_day = |m: &M| m.kind == TimexType::Date && m.gran == Gran::Day && m.day.is_some();
    let mut k = 0;
    while k < ms.len() {
        let (d, pair) = if is_day(&ms[k])
            && clock_pair(ms, k + 1)
            && (ms[k + 1].first == ms[k].last
                || (ms[k + 1].first == ms[k].last + 1
                    && matches!(l.w(ms[k].last), "from" | "at" | "," | "between" | "on")))
        {
            (k, k + 1)
        } else if clock_pair(ms, k)
            && ms.get(k + 2).is_some_and(is_day)
            && (ms[k + 2].first == ms[k + 1].last
                || (ms[k + 2].first == ms[k + 1].last + 1
                    && matches!(l.w(ms[k + 1].last), "on" | ",")))
        {
            (k + 2, k)
        } else {
            k += 1;
            continue;
        };
        let day = ms[d].day.map(fmt_date).unwrap_or_default();
        let (first, last) = (
            ms[d].first.min(ms[pair].first),
            ms[d].last.max(ms[pair + 1].last),
        );
        for m in &mut ms[pair..pair + 2] {
            if let Some((h, mi)) = m.clock {
                m.value = format!("{day}T{h:02}:{mi:02}");
            }
        }
        let range = format!("{}/{}", ms[pair].value, ms[pair + 1].value);
        ms[pair].range = Some(range.clone());
        ms[pair + 1].range = Some(range);
        ms[pair].first = first;
        ms[pair + 1].last = last;
        ms.remove(d);
        k += 2;
    }
}

/// "July 25 at 3 p.m.", "3 p.m. on Friday", "tomorrow at 5pm": one TIME value.
fn merge_date_time(cx: &Cx, ms: &mut Vec<M>) {
    let l = cx.l;
    date_clock_range(cx, ms);
    let mut out: Vec<M> = Vec::with_capacity(ms.len());
    let mut k = 0;
    while k < ms.len() {
        let a = &ms[k];
        if clock_pair(ms, k) {
            out.push(ms[k].clone());
            out.push(ms[k + 1].clone());
            k += 2;
            continue;
        }
        if k + 1 < ms.len() {
            let b = &ms[k + 1];
            let gap_ok = |x: &M, y: &M| {
                let g = y.first - x.last;
                g == 0
                    || (g == 1
                        && matches!(
                            l.w(x.last),
                            "at" | "," | "on" | "of" | "around" | "by" | "@"
                        ))
            };
            if gap_ok(a, b) {
                let (date, clock) = if a.clock.is_none() && b.clock.is_some() {
                    (a, b)
                } else if a.clock.is_some() && b.clock.is_none() {
                    (b, a)
                } else {
                    (a, a)
                };
                // "this afternoon at 3:20", "8 tonight": a part of day sets am/pm.
                let part = date.kind == TimexType::Time
                    && date.clock.is_none()
                    && date.day.is_some()
                    && date.value.len() >= 3;
                if !std::ptr::eq(date, clock) && part {
                    let (mut h, mi) = clock.clock.unwrap_or((0, 0));
                    let p = &date.value[date.value.len() - 2..];
                    if matches!(p, "AF" | "EV" | "NI") && (1..12).contains(&h) {
                        h += 12;
                    }
                    let d = date.day.map(fmt_date).unwrap_or_default();
                    let mut m = date.clone();
                    m.first = a.first;
                    m.last = b.last;
                    m.value = format!("{d}T{h:02}:{mi:02}");
                    m.clock = Some((h, mi));
                    m.rule = "time.part_clock";
                    out.push(m);
                    k += 2;
                    continue;
                }
                if !std::ptr::eq(date, clock)
                    && date.kind == TimexType::Date
                    && date.gran == Gran::Day
                {
                    let (h, mi) = clock.clock.unwrap_or((0, 0));
                    let mut m = date.clone();
                    m.first = a.first;
                    m.last = b.last;
                    m.kind = TimexType::Time;
                    m.value = format!("{}T{h:02}:{mi:02}", date.value);
                    m.clock = clock.clock;
                    m.rule = "time.date_clock";
                    out.push(m);
                    k += 2;
                    continue;
                }
            }
        }
        out.push(a.clone());
        k += 1;
    }
    *ms = out;
}

/// "between 1995 and 2016", "from 1995 to 2016", "1995-2016", "Oct. 2 to October 22":
/// both ends carry the range. A near end without a year takes the far end's year.
fn pair_ranges(cx: &Cx, ms: &mut [M]) {
    let l = cx.l;
    for k in 0..ms.len().saturating_sub(1) {
        let (a, b) = (&ms[k], &ms[k + 1]);
        if a.kind != TimexType::Date
            || b.kind != TimexType::Date
            || a.range.is_some()
            || b.range.is_some()
        {
            continue;
        }
        let g = b.first - a.last;
        let before = if a.first > 0 { l.w(a.first - 1) } else { "" };
        let j = l.w(a.last);
        let same = a.gran == b.gran && a.gran != Gran::Other
            || (a.gran == Gran::Day && b.gran != Gran::Other);
        let ok = g == 1
            && ((before == "between" && j == "and")
                || (before == "from"
                    && matches!(j, "to" | "until" | "till" | "through" | "thru" | "-" | "–"))
                || (matches!(j, "-" | "–") && (l.joined(a.last - 1) && l.joined(a.last) || same))
                || (matches!(j, "to" | "through" | "till" | "until" | "thru") && same));
        if !ok {
            continue;
        }
        // "from Feb 1st to March 2019": the near end takes the far end's year.
        if a.anchored
            && a.gran == Gran::Day
            && !b.anchored
            && matches!(a.rule, "date.md" | "date.dm" | "date.md.numeric")
        {
            if let (Some(d), Some(y)) = (a.day, b.year) {
                if let Some(nd) = ymd(y, d.month() as u8, d.day() as u8) {
                    let na = date_m(a.first, a.last, nd, false, a.rule);
                    ms[k] = M { range: None, ..na };
                }
            }
        }
        // "from 10/1 to 11/7", "between now and November 15th": a far end that falls before
        // the near end is next year's.
        let near = ms[k].day.or(if ms[k].value == "PRESENT_REF" {
            cx.a.0
        } else {
            None
        });
        if let (Some(nd), Some(fd)) = (near, ms[k + 1].day) {
            let b = &ms[k + 1];
            if fd < nd && b.anchored && matches!(b.rule, "date.md" | "date.dm" | "date.md.numeric")
            {
                if let Some(nf) = ymd(fd.year() as i32 + 1, fd.month() as u8, fd.day() as u8) {
                    ms[k + 1] = date_m(b.first, b.last, nf, true, b.rule);
                }
            }
        }
        let r = format!("{}/{}", ms[k].value, ms[k + 1].value);
        ms[k].range = Some(r.clone());
        ms[k + 1].range = Some(r);
    }
}
