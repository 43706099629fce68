//! The dated table of office holders: a foreign minister or head of government named by
//! surname alone is coded by the office held on the event's date (GOV in office, ELI after),
//! and the shipped table is consistent (terms ordered, no two holders of one exclusive office
//! at once, one holder per country, office and start).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

mod common;

use attache_dict::{Dictionaries, Leader};
use attache_model::Document;

fn dict() -> &'static Dictionaries {
    static D: OnceLock<Dictionaries> = OnceLock::new();
    D.get_or_init(|| Dictionaries::load(&[]).expect("tables load"))
}

fn code(text: &str, published: &str) -> Document {
    common::code(text, Some(published))
}

/// (country, code) of the first event's source.
fn first_source(d: &Document) -> (String, String) {
    let s = d
        .events
        .first()
        .and_then(|e| e.source.as_ref())
        .unwrap_or_else(|| panic!("no event with a source: {:?}", d.events));
    (
        s.country.clone().unwrap_or_default(),
        s.code.clone().unwrap_or_default(),
    )
}

#[test]
fn a_foreign_minister_named_by_surname_is_gov_in_each_term_and_eli_between_and_after() {
    // Ramtane Lamamra was Algeria's foreign minister 2013-2017 and again 2021-2023.
    let text = "ALGIERS (Example) - Lamamra criticized Morocco on Monday.";
    let cases = [
        ("2015-06-10", "DZAGOV"),
        ("2019-06-12", "DZAELI"),
        ("2022-06-15", "DZAGOV"),
        ("2024-06-12", "DZAELI"),
    ];
    for (published, want) in cases {
        let d = code(text, published);
        assert_eq!(
            first_source(&d),
            ("DZA".to_string(), want.to_string()),
            "published {published}"
        );
    }
}

#[test]
fn the_office_follows_the_event_date_not_the_publication_date() {
    // Nasser Judeh was Jordan's foreign minister from 2009 to January 2017.
    let d = code(
        "AMMAN (Example) - Judeh visited Egypt in March 2012. Judeh criticized Israel in 2020.",
        "2021-02-01",
    );
    let got: Vec<(String, String)> = d
        .events
        .iter()
        .map(|e| {
            (
                e.date.clone().unwrap_or_default(),
                e.source
                    .as_ref()
                    .and_then(|s| s.code.clone())
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert!(
        got.contains(&("2012-03".into(), "JORGOV".into())),
        "{got:?}"
    );
    assert!(got.contains(&("2020".into(), "JORELI".into())), "{got:?}");
}

#[test]
fn a_full_name_resolves_to_the_country_of_the_office() {
    // no country word in the sentence: the table alone gives Indonesia
    let d = code(
        "Retno Marsudi met officials in Geneva on Tuesday.",
        "2018-05-09",
    );
    let a = d
        .actors
        .iter()
        .find(|a| a.name.contains("Marsudi"))
        .expect("Marsudi is an actor");
    assert_eq!(a.country.as_deref(), Some("IDN"));
    assert_eq!(a.code.as_deref(), Some("IDNGOV"));
}

/// The earliest and latest day a partial date (`YYYY`, `YYYY-MM`) may stand for.
fn lo(d: &str) -> String {
    match d.len() {
        4 => format!("{d}-01-01"),
        7 => format!("{d}-01"),
        _ => d.to_string(),
    }
}

fn hi(d: &str) -> String {
    match d.len() {
        4 => format!("{d}-12-31"),
        7 => format!("{d}-28"),
        _ => d.to_string(),
    }
}

/// Whether two terms share more than a boundary day, reading partial dates leniently (a term
/// ending "2004" and one starting "2004-06" do not overlap for sure).
fn overlap(a: &Leader, b: &Leader) -> bool {
    let far = "9999-12-31".to_string();
    let a0 = hi(a.start.as_deref().unwrap_or("0000"));
    let b0 = hi(b.start.as_deref().unwrap_or("0000"));
    let a1 = a.end.as_deref().map(lo).unwrap_or(far.clone());
    let b1 = b.end.as_deref().map(lo).unwrap_or(far);
    a0 < b1 && b0 < a1
}

/// Offices several people hold at once: monarchs and co-princes shared between states are
/// listed once, but collective presidencies and co-premierships exist.
fn shared_office(l: &Leader) -> bool {
    matches!(
        (l.country.as_str(), l.office.as_str()),
        ("BIH", "president") | ("SMR", _) | ("AND", "co-prince") | ("CHE", "president")
    ) || l.country.starts_with("IGO")
        || l.office.contains("co-")
}

#[test]
fn terms_are_ordered_and_unique() {
    let d = dict();
    assert!(d.leaders.len() > 1500, "{} office holders", d.leaders.len());
    let mut keys = HashSet::new();
    for l in &d.leaders {
        if let (Some(s), Some(e)) = (&l.start, &l.end) {
            // compare at the coarser precision: "2004" ends no earlier than "2004-06-01" starts
            let n = s.len().min(e.len());
            assert!(
                s[..n] <= e[..n],
                "{} {}: ends {e} before {s}",
                l.name,
                l.office
            );
        }
        let key = (
            l.country.clone(),
            l.office.clone(),
            l.start.clone().unwrap_or_default(),
        );
        assert!(
            keys.insert(key.clone()),
            "two holders of {key:?} (one is {})",
            l.name
        );
    }
}

#[test]
fn no_two_people_hold_an_exclusive_office_at_once() {
    let mut by_office: HashMap<(&str, &str), Vec<&Leader>> = HashMap::new();
    for l in &dict().leaders {
        if !shared_office(l) {
            by_office
                .entry((l.country.as_str(), l.office.as_str()))
                .or_default()
                .push(l);
        }
    }
    let mut clashes = Vec::new();
    for ((country, office), terms) in &by_office {
        for (i, a) in terms.iter().enumerate() {
            for b in &terms[i + 1..] {
                if overlap(a, b) {
                    clashes.push(format!(
                        "{country} {office}: {} {:?}..{:?} and {} {:?}..{:?}",
                        a.name, a.start, a.end, b.name, b.start, b.end
                    ));
                }
            }
        }
    }
    clashes.sort();
    assert!(clashes.is_empty(), "{}", clashes.join("\n"));
}

#[test]
fn foreign_ministers_cover_the_g20_and_the_eu_in_2019() {
    let fm = |l: &Leader| {
        matches!(
            l.office.as_str(),
            "foreign minister" | "secretary of state" | "foreign secretary"
        )
    };
    let held: HashSet<&str> = dict()
        .leaders
        .iter()
        .filter(|l| fm(l))
        .filter(|l| {
            attache_core::actors::in_term("2019-03-01", l.start.as_deref(), l.end.as_deref())
        })
        .map(|l| l.country.as_str())
        .collect();
    let want = [
        "ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "IND", "ITA", "JPN", "KOR",
        "MEX", "RUS", "SAU", "TUR", "USA", "ZAF", "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK",
        "EST", "FIN", "GRC", "HUN", "IRL", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU",
        "SVK", "SVN", "ESP", "SWE",
    ];
    let missing: Vec<&str> = want.iter().copied().filter(|c| !held.contains(c)).collect();
    assert!(
        missing.is_empty(),
        "no foreign minister on 2019-03-01 for {missing:?}"
    );
}

/// The 193 member states of the United Nations (ISO alpha-3), and Serbia and Montenegro, a
/// member from 2003 to 2006; a state counts on a date only inside its validity in
/// data/geo/countries.tsv (Montenegro from 2006, South Sudan from 2011).
const UN_MEMBERS: &[&str] = &[
    "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR",
    "BGD", "BRB", "BLR", "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR",
    "BFA", "BDI", "CPV", "KHM", "CMR", "CAN", "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG",
    "CRI", "CIV", "HRV", "CUB", "CYP", "CZE", "PRK", "COD", "DNK", "DJI", "DMA", "DOM", "ECU",
    "EGY", "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH", "FJI", "FIN", "FRA", "GAB", "GMB", "GEO",
    "DEU", "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND", "HUN", "ISL", "IND",
    "IDN", "IRN", "IRQ", "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KIR", "KWT",
    "KGZ", "LAO", "LVA", "LBN", "LSO", "LBR", "LBY", "LIE", "LTU", "LUX", "MDG", "MWI", "MYS",
    "MDV", "MLI", "MLT", "MHL", "MRT", "MUS", "MEX", "FSM", "MCO", "MNG", "MNE", "MAR", "MOZ",
    "MMR", "NAM", "NRU", "NPL", "NLD", "NZL", "NIC", "NER", "NGA", "MKD", "NOR", "OMN", "PAK",
    "PLW", "PAN", "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "KOR", "MDA", "ROU", "RUS",
    "RWA", "KNA", "LCA", "VCT", "WSM", "SMR", "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP",
    "SVK", "SVN", "SLB", "SOM", "ZAF", "SSD", "ESP", "LKA", "SDN", "SUR", "SWE", "CHE", "SYR",
    "TJK", "THA", "TLS", "TGO", "TON", "TTO", "TUN", "TUR", "TKM", "TUV", "UGA", "UKR", "ARE",
    "GBR", "TZA", "USA", "URY", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB", "ZWE", "SCG",
];

fn is_foreign_minister(l: &Leader) -> bool {
    matches!(
        l.office.as_str(),
        "foreign minister" | "secretary of state" | "foreign secretary"
    )
}

/// UN member states on `date` (by the validity in countries.tsv) with no holder of an office
/// that `office` accepts on that date.
fn members_without(date: &str, office: impl Fn(&Leader) -> bool) -> (usize, Vec<&'static str>) {
    let d = dict();
    let valid = |code: &str| {
        d.countries.iter().any(|c| {
            c.code == code
                && c.valid_from.as_deref().is_none_or(|f| f <= date)
                && c.valid_to.as_deref().is_none_or(|t| date <= t)
        })
    };
    let held: HashSet<&str> = d
        .leaders
        .iter()
        .filter(|l| office(l))
        .filter(|l| attache_core::actors::in_term(date, l.start.as_deref(), l.end.as_deref()))
        .map(|l| l.country.as_str())
        .collect();
    let members: Vec<&'static str> = UN_MEMBERS.iter().copied().filter(|c| valid(c)).collect();
    let missing = members
        .iter()
        .copied()
        .filter(|c| !held.contains(c))
        .collect();
    (members.len(), missing)
}

#[test]
fn every_un_member_has_a_head_of_state_or_government_on_sample_dates() {
    // San Marino's two captains regent change every six months and are not listed; Somalia
    // had no national government from 1991 to 2000.
    let not_listed = |date: &str, c: &str| c == "SMR" || (c == "SOM" && date < "2000-08-27");
    let known: HashSet<&str> = dict().countries.iter().map(|c| c.code.as_str()).collect();
    let unknown: Vec<&&str> = UN_MEMBERS.iter().filter(|c| !known.contains(**c)).collect();
    assert!(unknown.is_empty(), "not in countries.tsv: {unknown:?}");
    for date in [
        "1995-06-01",
        "2005-06-01",
        "2012-06-01",
        "2019-06-01",
        "2020-06-01",
        "2025-06-01",
    ] {
        let (members, missing) = members_without(date, |l| {
            !is_foreign_minister(l) && !l.country.starts_with("IGO")
        });
        let missing: Vec<&str> = missing
            .into_iter()
            .filter(|c| !not_listed(date, c))
            .collect();
        assert!(members > 180, "{date}: only {members} members");
        assert!(
            missing.is_empty(),
            "{date}: no head of state or government for {missing:?}"
        );
    }
}

#[test]
fn most_un_members_have_a_foreign_minister_on_sample_dates() {
    // the fewest members (of 189 to 193) with a known foreign minister on each date: a few
    // below what the table reaches, so that a lost row shows up; raise them as rows are added
    let want = [
        ("1995-06-01", 122),
        ("2005-06-01", 150),
        ("2012-06-01", 157),
        ("2019-06-01", 180),
        ("2020-06-01", 181),
        ("2025-06-01", 181),
    ];
    for (date, at_least) in want {
        let (members, missing) = members_without(date, is_foreign_minister);
        let held = members - missing.len();
        assert!(
            held >= at_least,
            "{date}: {held} of {members} members have a foreign minister (want {at_least}); missing {missing:?}"
        );
    }
}
