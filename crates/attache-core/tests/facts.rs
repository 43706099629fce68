//! Facts on short articles of our own: every indicator, the direction rules (possessives,
//! "with", "to", "from", "in X's favour", "between X and Y", mirrored readings), carry-over
//! of parties, periods and currencies, and the consistency checks within and across
//! documents.

mod common;

use attache_core::checks::{check_across, within};
use attache_model::{Document, Fact};

fn code(text: &str, published: &str) -> Document {
    common::code(text, Some(published))
}

/// The facts of `indicator` as (subject, partner, period, value, unit).
fn facts<'a>(d: &'a Document, indicator: &str) -> Vec<&'a Fact> {
    d.facts
        .iter()
        .filter(|f| f.indicator == indicator)
        .collect()
}

fn one<'a>(d: &'a Document, indicator: &str) -> &'a Fact {
    let fs = facts(d, indicator);
    assert_eq!(
        fs.len(),
        1,
        "one {indicator} fact expected, got {:#?}\nall: {:#?}",
        fs,
        d.facts
    );
    fs[0]
}

fn parties(f: &Fact) -> (&str, &str) {
    (
        f.subject.as_deref().unwrap_or("-"),
        f.partner.as_deref().unwrap_or("-"),
    )
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= 1e-6 * b.abs().max(1.0))
}

#[test]
fn surplus_with_a_partner_and_possessive_subject() {
    let d = code("OSLO, May 4 - Norway's trade surplus with Sweden was 2.5 billion dlrs in 1986, officials said.", "1987-05-04");
    let f = one(&d, "trade.balance");
    assert_eq!(parties(f), ("NOR", "SWE"));
    assert!(close(f.value, 2.5e9));
    assert_eq!(f.unit.as_deref(), Some("USD"));
    assert_eq!(f.period.as_deref(), Some("1986"));
}

#[test]
fn a_deficit_is_a_negative_balance_and_last_year_is_the_year_before() {
    let d = code(
        "OSLO, May 4 - Last year Finland ran a 900 mln dlr deficit with Norway, the ministry said.",
        "1987-05-04",
    );
    let f = one(&d, "trade.balance");
    assert_eq!(parties(f), ("FIN", "NOR"));
    assert!(close(f.value, -9e8), "{:?}", f.value);
    assert_eq!(f.period.as_deref(), Some("1986"));
}

#[test]
fn in_x_favour_names_the_surplus_country() {
    let d = code(
        "OSLO, May 4 - Norway and Denmark discussed the bilateral trade imbalance, which last year amounted to 1.2 billion dlrs in Norway's favour.",
        "1987-05-04",
    );
    let f = one(&d, "trade.balance");
    assert_eq!(parties(f), ("NOR", "DNK"));
    assert!(close(f.value, 1.2e9));
}

#[test]
fn exports_to_and_imports_from_with_a_carried_subject_and_currency() {
    let d = code(
        "OTTAWA, May 4 - Chilean exports to Canada totalled about 300 mln Canadian dlrs in 1985 while imports from Canada reached 200 mln dlrs.",
        "1987-05-04",
    );
    let e = one(&d, "trade.exports");
    assert_eq!(parties(e), ("CHL", "CAN"));
    assert!(close(e.value, 3e8));
    assert_eq!(e.unit.as_deref(), Some("CAD"));
    assert_eq!(e.qualifier.as_deref(), Some("approx"));
    let i = one(&d, "trade.imports");
    assert_eq!(parties(i), ("CHL", "CAN"));
    assert!(close(i.value, 2e8));
    // the later bare "dlrs" are the story's Canadian dollars
    assert_eq!(i.unit.as_deref(), Some("CAD"));
    assert_eq!(i.period.as_deref(), Some("1985"));
}

#[test]
fn rose_to_from_gives_the_change_and_the_date_of_the_later_figure() {
    let d = code(
        "LIMA, May 4 - Peru's trade deficit with Brazil rose to 410 mln dlrs in 1986 from 350 mln in 1985, the central bank said.",
        "1987-05-04",
    );
    let f = one(&d, "trade.balance");
    assert_eq!(parties(f), ("PER", "BRA"));
    assert!(close(f.value, -4.1e8));
    let c = f.change.as_ref().expect("a change");
    assert!(
        close(Some(c.from), -3.5e8) && close(Some(c.to), -4.1e8),
        "{c:?}"
    );
    assert_eq!(f.period.as_deref(), Some("1986"));
}

#[test]
fn rose_by_an_amount_to_a_level_gives_the_level() {
    let d = code(
        "ROME, May 4 - Italy's exports to Greece rose 40 mln dlrs to 900 mln dlrs in the fourth quarter of 1986.",
        "1987-05-04",
    );
    let f = one(&d, "trade.exports");
    assert_eq!(parties(f), ("ITA", "GRC"));
    assert!(close(f.value, 9e8), "{:?}", f.value);
    assert!(f.change.is_none());
}

#[test]
fn elliptical_partners_share_the_subject_and_period() {
    let d = code(
        "ROME, May 4 - Italy's surplus with Greece last year was 700 mln dlrs and with Turkey, 300 mln dlrs.",
        "1987-05-04",
    );
    let fs = facts(&d, "trade.balance");
    assert_eq!(fs.len(), 2, "{fs:#?}");
    assert_eq!(parties(fs[0]), ("ITA", "GRC"));
    assert_eq!(parties(fs[1]), ("ITA", "TUR"));
    assert!(close(fs[1].value, 3e8));
    assert_eq!(fs[1].period.as_deref(), Some("1986"));
}

#[test]
fn coordinated_exporting_and_importing_share_the_parties() {
    let d = code(
        "ROME, May 4 - Trade between Italy and Greece reached 1.5 billion dlrs in 1986, with Greece exporting 500 mln dlrs to Italy and importing 1.0 billion dlrs.",
        "1987-05-04",
    );
    let t = one(&d, "trade.total");
    assert!(matches!(parties(t), ("ITA", "GRC") | ("GRC", "ITA")));
    let e = one(&d, "trade.exports");
    assert_eq!(parties(e), ("GRC", "ITA"));
    let i = one(&d, "trade.imports");
    assert_eq!(parties(i), ("GRC", "ITA"));
    assert!(close(i.value, 1e9));
    // 0.5 + 1.0 = 1.5: consistent, and the check names the three facts
    let sum = t
        .checks
        .iter()
        .find(|c| c.kind == "sum")
        .expect("a sum check");
    assert_eq!(sum.status, "consistent");
    assert_eq!(sum.facts.len(), 3);
}

#[test]
fn a_subject_carries_to_the_next_sentence() {
    let d = code(
        "BONN, May 4 - Austrian exports to Hungary fell to 1.1 billion schillings in January.\n    The figures showed exports were 1.3 billion schillings in February.",
        "1987-05-04",
    );
    let fs = facts(&d, "trade.exports");
    assert_eq!(fs.len(), 2, "{fs:#?}");
    assert_eq!(parties(fs[1]), ("AUT", "HUN"));
    assert_eq!(fs[1].period.as_deref(), Some("1987-02"));
}

#[test]
fn investment_rank_visitors_diaspora_flights_and_dates() {
    let d = code(
        "VIENNA, June 3 (XNA) - Finland and Chile established diplomatic relations in March 1960. \
         Finland is Chile's third-largest investor and second-largest trading partner. \
         Finnish investment in Chile has reached 2 billion dlrs since 1990. \
         The ethnic Finnish community in Chile numbers about 4,000. \
         In 2024, the number of Finnish visitors to Chile rose by 40 percent. \
         Weekly flights between Helsinki and Santiago rose from 2 to 5 in 2024.",
        "2025-06-03",
    );
    let r = one(&d, "relations.established");
    assert_eq!(r.period.as_deref(), Some("1960-03"));
    let inv = one(&d, "rank.investor");
    assert_eq!(parties(inv), ("FIN", "CHL"));
    assert_eq!(inv.rank, Some(3));
    let tp = one(&d, "rank.trade_partner");
    assert_eq!(tp.rank, Some(2));
    let c = one(&d, "investment.cumulative");
    assert_eq!(parties(c), ("FIN", "CHL"));
    assert!(close(c.value, 2e9));
    let dia = one(&d, "population.diaspora");
    assert_eq!(parties(dia), ("FIN", "CHL"));
    assert!(close(dia.value, 4000.0));
    let v = one(&d, "tourism.visitors.change");
    assert!(close(v.value, 40.0));
    let fl = one(&d, "flights.weekly");
    let ch = fl.change.as_ref().expect("a change");
    assert!(close(Some(ch.from), 2.0) && close(Some(ch.to), 5.0));
}

#[test]
fn goods_lists_after_include_and_before_were_among() {
    let d = code(
        "ROME, May 4 - Greece mainly exports olive oil, cotton and tobacco. Wine and marble were among Greece's chief exports to Italy.",
        "1987-05-04",
    );
    let fs = facts(&d, "trade.exports");
    assert_eq!(fs.len(), 2, "{fs:#?}");
    assert_eq!(fs[0].items.as_ref().map(Vec::len), Some(3));
    assert_eq!(parties(fs[1]), ("GRC", "ITA"));
    assert_eq!(
        fs[1].items.as_deref(),
        Some(&["Wine".to_string(), "marble".to_string()][..])
    );
}

#[test]
fn figures_of_other_things_are_not_bound() {
    let d = code(
        "ATHENS, May 4 - Greece wants to cut its trade deficit. The deficit has pushed foreign debt to 20 billion dlrs. The budget deficit was 3 billion dlrs.",
        "1987-05-04",
    );
    assert!(facts(&d, "trade.balance").is_empty(), "{:#?}", d.facts);
}

#[test]
fn a_sharp_fall_between_two_years_is_flagged() {
    let d = code(
        "ROME, May 4 - Bilateral trade between Italy and Greece reached 6.0 billion dlrs in 2023. In 2024, the total trade volume stood at 3.1 billion dlrs.",
        "2025-05-04",
    );
    let ts = facts(&d, "trade.total");
    assert_eq!(ts.len(), 2, "{ts:#?}");
    let c = ts[1]
        .checks
        .iter()
        .find(|c| c.kind == "change")
        .expect("a change check");
    assert_eq!(c.status, "flagged");
    assert!(c.message.contains("48%"), "{}", c.message);
    assert_eq!(c.facts, vec![0, 1]);
}

fn fact(ind: &str, s: &str, p: &str, period: &str, value: f64) -> Fact {
    Fact {
        indicator: ind.into(),
        subject: Some(s.into()),
        partner: Some(p.into()),
        period: Some(period.into()),
        value: Some(value),
        unit: Some("USD".into()),
        qualifier: None,
        change: None,
        rank: None,
        items: None,
        mentions: vec![],
        text: String::new(),
        rule: None,
        checks: vec![],
    }
}

#[test]
fn two_documents_that_disagree_conflict_and_mirrors_meet() {
    let docs = vec![
        (
            "a".to_string(),
            fact("trade.exports", "KAZ", "KOR", "2023", 3.8e9),
        ),
        // the same figure read from the other side agrees
        (
            "b".to_string(),
            fact("trade.imports", "KOR", "KAZ", "2023", 3.82e9),
        ),
        // 10% off: a conflict
        (
            "c".to_string(),
            fact("trade.exports", "KAZ", "KOR", "2023", 4.2e9),
        ),
        // another year: no conflict
        (
            "c".to_string(),
            fact("trade.exports", "KAZ", "KOR", "2022", 1.0e9),
        ),
    ];
    let cross = check_across(&docs);
    assert_eq!(cross.len(), 2, "{cross:#?}");
    assert!(cross
        .iter()
        .all(|c| c.kind == "conflict" && c.facts.contains(&2)));
    assert!(cross
        .iter()
        .any(|c| c.docs == vec!["a".to_string(), "c".to_string()]));
    // a deficit mirrors a surplus
    let bal = vec![
        (
            "a".to_string(),
            fact("trade.balance", "USA", "JPN", "1986", -50e9),
        ),
        (
            "b".to_string(),
            fact("trade.balance", "JPN", "USA", "1986", 51e9),
        ),
    ];
    assert!(check_across(&bal).is_empty());
}

#[test]
fn within_a_document_parts_that_miss_the_total_are_inconsistent() {
    let fs = vec![
        fact("trade.total", "KOR", "KAZ", "2023", 6.0e9),
        fact("trade.exports", "KAZ", "KOR", "2023", 3.8e9),
        fact("trade.imports", "KAZ", "KOR", "2023", 1.0e9),
    ];
    let checks = within(&fs);
    let sum = checks
        .iter()
        .find(|c| c.kind == "sum")
        .expect("a sum check");
    assert_eq!(sum.status, "inconsistent");
    let mut ids = sum.facts.clone();
    ids.sort();
    assert_eq!(ids, vec![0, 1, 2]);
}
