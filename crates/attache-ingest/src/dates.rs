//! Publication timestamps as pages and feeds write them (RFC 3339, RFC 2822, and the odd
//! formats real feeds use, e.g. `Sat, Dec 16 2023 02:02:33 PM`), and dates in URL paths.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

/// A parsed timestamp: the instant (when a time was given) and the local calendar day the
/// publisher wrote, which is the publication date we report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stamp {
    pub local_date: NaiveDate,
    pub instant: Option<DateTime<Utc>>,
}

impl Stamp {
    pub fn ymd(&self) -> String {
        self.local_date.format("%Y-%m-%d").to_string()
    }
}

fn zone_offset(z: &str) -> Option<i32> {
    let z = z.trim();
    let hours = match z.to_ascii_uppercase().as_str() {
        "Z" | "UT" | "UTC" | "GMT" => 0,
        "EST" => -5,
        "EDT" => -4,
        "CST" => -6,
        "CDT" => -5,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        "CET" => 1,
        "CEST" => 2,
        "BST" => 1,
        "IST" => 5, // India (+05:30) handled below
        "JST" => 9,
        _ => {
            let (sign, digits) = match z.as_bytes().first()? {
                b'+' => (1, &z[1..]),
                b'-' => (-1, &z[1..]),
                _ => return None,
            };
            let digits: String = digits.chars().filter(|c| c.is_ascii_digit()).collect();
            if digits.len() != 4 && digits.len() != 2 {
                return None;
            }
            let h: i32 = digits[..2].parse().ok()?;
            let m: i32 = if digits.len() == 4 {
                digits[2..].parse().ok()?
            } else {
                0
            };
            return Some(sign * (h * 3600 + m * 60));
        }
    };
    if z.eq_ignore_ascii_case("IST") {
        return Some(5 * 3600 + 1800);
    }
    Some(hours * 3600)
}

/// Parses a timestamp in any of the formats seen in pages and feeds.
pub fn parse_stamp(s: &str) -> Option<Stamp> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(from_fixed(dt));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(from_fixed(dt));
    }
    // ISO-like with a space, fractions, or no zone: `2017-11-03 03:01:00.000000`, `2018-04-05T06:00`.
    if s.len() >= 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' {
        if let Ok(d) = NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d") {
            let rest = s[10..].trim_start_matches(['T', ' ']);
            let (time_part, zone) = split_zone(rest);
            let instant = parse_time(time_part).and_then(|t| {
                let off = zone.and_then(zone_offset)?;
                let local = NaiveDateTime::new(d, t);
                FixedOffset::east_opt(off)?
                    .from_local_datetime(&local)
                    .single()
                    .map(|x| x.with_timezone(&Utc))
            });
            return Some(Stamp {
                local_date: d,
                instant,
            });
        }
    }
    // Compact `20240612`.
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        let d = NaiveDate::parse_from_str(s, "%Y%m%d").ok()?;
        return Some(Stamp {
            local_date: d,
            instant: None,
        });
    }
    loose(s)
}

fn from_fixed(dt: DateTime<FixedOffset>) -> Stamp {
    Stamp {
        local_date: dt.date_naive(),
        instant: Some(dt.with_timezone(&Utc)),
    }
}

fn split_zone(rest: &str) -> (&str, Option<&str>) {
    let rest = rest.trim();
    if let Some(t) = rest.strip_suffix('Z') {
        return (t, Some("Z"));
    }
    if let Some(pos) = rest.rfind(['+', '-']) {
        if pos > 0 {
            return (rest[..pos].trim(), Some(&rest[pos..]));
        }
    }
    if let Some((t, z)) = rest.rsplit_once(' ') {
        if zone_offset(z).is_some() {
            return (t, Some(z));
        }
    }
    (rest, None)
}

fn parse_time(t: &str) -> Option<NaiveTime> {
    let t = t.trim();
    if t.is_empty() {
        return None;
    }
    for f in [
        "%H:%M:%S%.f",
        "%H:%M:%S",
        "%H:%M",
        "%I:%M:%S %p",
        "%I:%M %p",
        "%I:%M:%S%p",
        "%I:%M%p",
    ] {
        if let Ok(x) = NaiveTime::parse_from_str(t, f) {
            return Some(x);
        }
    }
    None
}

/// Free-form dates: `Sat, Dec 16 2023 02:02:33 PM`, `16 December 2023 14:02 GMT`,
/// `December 16, 2023`, `Wed, 31 Jan 2018 07:26:05 +0000` with a bad weekday.
fn loose(s: &str) -> Option<Stamp> {
    let cleaned: String = s.replace(',', " ");
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    // Drop a leading weekday (it is often wrong in feeds, which makes RFC 2822 parsing fail).
    if words.first().is_some_and(|w| is_weekday(w)) {
        words.remove(0);
    }
    // A trailing zone.
    let mut zone = None;
    if let Some(last) = words.last() {
        if zone_offset(last).is_some() && !last.contains(':') {
            zone = zone_offset(last);
            words.pop();
        }
    }
    // Find day, month, year among the first words.
    let mut day = None;
    let mut month = None;
    let mut year = None;
    let mut used = 0;
    for (i, w) in words.iter().enumerate().take(4) {
        let w = w.trim_end_matches('.');
        // Ordinals: `16th`.
        let w = if w.starts_with(|c: char| c.is_ascii_digit()) {
            w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        } else {
            w
        };
        if let Some(m) = month_of(w) {
            if month.is_none() {
                month = Some(m);
                used = i + 1;
                continue;
            }
        }
        if let Ok(n) = w.parse::<u32>() {
            if w.len() == 4 && year.is_none() {
                year = Some(n as i32);
                used = i + 1;
            } else if (1..=31).contains(&n) && day.is_none() {
                day = Some(n);
                used = i + 1;
            }
        }
        if day.is_some() && month.is_some() && year.is_some() {
            break;
        }
    }
    let date = NaiveDate::from_ymd_opt(year?, month?, day?)?;
    let time_str = words[used..].join(" ");
    let instant = parse_time(&time_str).and_then(|t| {
        let off = zone?;
        FixedOffset::east_opt(off)?
            .from_local_datetime(&NaiveDateTime::new(date, t))
            .single()
            .map(|x| x.with_timezone(&Utc))
    });
    Some(Stamp {
        local_date: date,
        instant,
    })
}

fn is_weekday(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']).to_ascii_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .any(|d| w.starts_with(d))
        && w.len() <= 9
        && w.chars().all(|c| c.is_ascii_alphabetic())
}

fn month_of(w: &str) -> Option<u32> {
    let w = w.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    const M: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    M.iter()
        .position(|m| m.starts_with(&w) || (w == "sept" && *m == "september"))
        .map(|i| i as u32 + 1)
}

/// A date written in a URL path: `/2024/06/12/`, `/2024-06-12/`, `/20240612/`.
pub fn date_in_url(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let parts: Vec<&str> = path.split('/').collect();
    for w in parts.windows(3) {
        if let (Ok(y), Ok(m), Ok(d)) = (
            w[0].parse::<i32>(),
            w[1].parse::<u32>(),
            w[2].parse::<u32>(),
        ) {
            if w[0].len() == 4 && (1990..=2100).contains(&y) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                    return Some(date.format("%Y-%m-%d").to_string());
                }
            }
        }
    }
    for part in &parts {
        // `2024-06-12` or `2024-06-12-some-slug`.
        if part.len() >= 10 && part.as_bytes()[4] == b'-' && part.as_bytes()[7] == b'-' {
            if let Ok(d) = NaiveDate::parse_from_str(&part[..10], "%Y-%m-%d") {
                if (1990..=2100).contains(&chrono::Datelike::year(&d)) {
                    return Some(d.format("%Y-%m-%d").to_string());
                }
            }
        }
        if part.len() == 8 && part.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(d) = NaiveDate::parse_from_str(part, "%Y%m%d") {
                if (1990..=2100).contains(&chrono::Datelike::year(&d)) {
                    return Some(d.format("%Y-%m-%d").to_string());
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> Option<String> {
        parse_stamp(s).map(|x| x.ymd())
    }

    #[test]
    fn formats_seen_in_the_wild() {
        assert_eq!(
            ymd("2015-07-24T05:36:09+01:00").as_deref(),
            Some("2015-07-24")
        );
        assert_eq!(
            ymd("2017-11-03 03:01:00.000000").as_deref(),
            Some("2017-11-03")
        );
        assert_eq!(ymd("2018-04-05T06:00").as_deref(), Some("2018-04-05"));
        assert_eq!(
            ymd("Wed, 31 Jan 2018 07:26:05 GMT").as_deref(),
            Some("2018-01-31")
        );
        assert_eq!(
            ymd("Sat, Dec 16 2023 02:02:33 PM").as_deref(),
            Some("2023-12-16")
        );
        assert_eq!(ymd("December 16, 2023").as_deref(), Some("2023-12-16"));
        assert_eq!(
            ymd("Tue, 30 May 2017 18:45:00 +0530").as_deref(),
            Some("2017-05-30")
        );
        // Wrong weekday (Monday) for the date: still the date.
        assert_eq!(
            ymd("Mon, 31 Jan 2018 07:26:05 +0000").as_deref(),
            Some("2018-01-31")
        );
        assert_eq!(ymd("not a date"), None);
        // The local day is kept even when the instant falls on another UTC day.
        let s = parse_stamp("Wed, 31 Jan 2018 23:30:00 -0800").unwrap();
        assert_eq!(s.ymd(), "2018-01-31");
        assert_eq!(
            s.instant.unwrap().format("%Y-%m-%d").to_string(),
            "2018-02-01"
        );
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(
            date_in_url("https://example.org/world/2024/06/12/talks-resume/").as_deref(),
            Some("2024-06-12")
        );
        assert_eq!(
            date_in_url("https://example.org/2020-02-18-story.html").as_deref(),
            Some("2020-02-18")
        );
        assert_eq!(
            date_in_url("https://example.org/news/20190304/a").as_deref(),
            Some("2019-03-04")
        );
        assert_eq!(date_in_url("https://example.org/news/12345/a"), None);
    }
}
