//! The brief written from a store: the reference article's KOR-KAZ brief states what the
//! article says, each statement cited; an empty pair says so; conflicting figures from two
//! documents appear side by side.

use std::path::PathBuf;

use attache_brief::{build, render, Brief, Line, Options};
use attache_core::{CodeOptions, Engine};
use attache_model::InputDocument;
use attache_store::{Pair, Store};

fn temp_db(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attache-brief-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("brief.db")
}

fn store_texts(db: &PathBuf, docs: &[InputDocument]) {
    let engine = Engine::load(&[]).expect("engine loads its data");
    let coded: Vec<_> = docs
        .iter()
        .map(|d| engine.code(d, &CodeOptions::default()))
        .collect();
    let mut store = Store::open(db).unwrap();
    store.ingest_batch(&coded).unwrap();
}

fn lines(b: &Brief, section: &str) -> Vec<Line> {
    b.sections
        .iter()
        .find(|s| s.id == section)
        .map(|s| s.lines.clone())
        .unwrap_or_default()
}

/// The line of `section` containing every one of `words`; it must cite at least one
/// source, and each cited source must be a sentence of a stored document.
fn cited(b: &Brief, section: &str, words: &[&str]) -> Line {
    let ls = lines(b, section);
    let l = ls
        .iter()
        .find(|l| words.iter().all(|w| l.text.contains(w)))
        .unwrap_or_else(|| {
            panic!(
                "no line in section {section} with {words:?}; lines:\n{}",
                ls.iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
        .clone();
    assert!(!l.cites.is_empty(), "uncited: {}", l.text);
    for &n in &l.cites {
        let s = &b.sources[n - 1];
        assert_eq!(s.n, n);
        assert!(!s.text.is_empty());
    }
    l
}

fn cited_text(b: &Brief, l: &Line) -> String {
    l.cites
        .iter()
        .map(|&n| b.sources[n - 1].text.clone())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn reference_article_brief_states_each_fact_with_its_citation() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/seed/article.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "SKIP: {} is absent (../shared is not checked out next to the repository)",
            path.display()
        );
        return;
    };
    let db = temp_db("seed");
    store_texts(
        &db,
        &[InputDocument {
            id: Some("seed-article".into()),
            text: Some(text),
            ..Default::default()
        }],
    );
    let store = Store::open_read_only(&db).unwrap();
    let pair = Pair::parse("KOR-KAZ").unwrap();
    let b = build(&store, &pair, &Options::default()).unwrap();
    let md = render::markdown(&b);
    eprintln!("{md}");
    assert!(!b.is_empty());
    assert_eq!(b.last_published.as_deref(), Some("2025-07-25"));

    // Every line of every section is cited.
    for s in &b.sections {
        for l in &s.lines {
            assert!(
                !l.cites.is_empty() || !l.sides.is_empty(),
                "uncited line: {}",
                l.text
            );
        }
    }

    // The relationship.
    let l = cited(
        &b,
        "relationship",
        &["Diplomatic relations", "January 1992"],
    );
    assert!(cited_text(&b, &l).contains("established in January 1992"));

    // Recent contacts: the call of 2025-07-23, the invitation and its acceptance.
    let l = cited(&b, "contacts", &["23 July 2025", "phone"]);
    assert!(cited_text(&b, &l).contains("spoke by phone"));
    let l = cited(&b, "contacts", &["invited", "to visit", "accepted"]);
    let t = cited_text(&b, &l);
    assert!(
        t.contains("invited Tokayev") && t.contains("Tokayev accepted"),
        "{t}"
    );

    // History of visits.
    let l = cited(&b, "history", &["August 2021", "Tokayev", "visited"]);
    assert!(cited_text(&b, &l).contains("August 2021"));
    let l = cited(&b, "history", &["June 2024", "Yoon Suk Yeol"]);
    assert!(cited_text(&b, &l).contains("June 2024"));
    let l = cited(
        &b,
        "history",
        &["Between 1995 and 2016", "Nazarbayev", "five times"],
    );
    assert!(cited_text(&b, &l).contains("five times"));

    // Trade by year with its checks.
    let l = cited(&b, "trade", &["In 2023", "about USD 6.0 billion"]);
    assert!(
        l.text
            .contains("exports to South Korea were about USD 3.8 billion"),
        "{}",
        l.text
    );
    assert!(
        l.text
            .contains("imports from South Korea were USD 2.2 billion"),
        "{}",
        l.text
    );
    let sum = l
        .flags
        .iter()
        .find(|f| f.kind == "sum")
        .expect("a sum check");
    assert_eq!(sum.status, "consistent");
    assert!(!sum.cites.is_empty());
    assert!(cited_text(&b, &l).contains("USD 6 billion in 2023"));
    let l = cited(&b, "trade", &["In 2024", "USD 3.1 billion"]);
    let ch = l
        .flags
        .iter()
        .find(|f| f.kind == "change")
        .expect("a change flag");
    assert_eq!(ch.status, "flagged");
    assert!(ch.text.contains("48% fall"), "{}", ch.text);
    assert!(cited_text(&b, &l).contains("USD 3.1 billion"));

    // Investment.
    let l = cited(&b, "trade", &["fifth-largest investor"]);
    assert!(cited_text(&b, &l).contains("fifth-largest investor"));
    let l = cited(&b, "trade", &["investment", "USD 9.6 billion"]);
    assert!(cited_text(&b, &l).contains("9.6 billion"));

    // Tourism and connectivity.
    let l = cited(
        &b,
        "tourism",
        &["In 2024", "weekly flights", "from 10 to 42"],
    );
    assert!(cited_text(&b, &l).contains("from 10 to 42"));
    let l = cited(
        &b,
        "tourism",
        &["In 2023", "visitors from South Korea", "125%"],
    );
    assert!(cited_text(&b, &l).contains("125 percent"));

    // People.
    let l = cited(&b, "people", &["more than 120,000"]);
    assert!(cited_text(&b, &l).contains("120,000"));

    // Sources name the document, its date and the sentence.
    assert!(b
        .sources
        .iter()
        .all(|s| s.doc_id == "seed-article" && s.published.as_deref() == Some("2025-07-25")));
    assert!(md.contains("## Sources"));
    let html = render::html_page(&b);
    assert!(html.contains(r#"<li id="src-1">"#));
}

#[test]
fn a_pair_without_records_says_so() {
    let db = temp_db("empty");
    store_texts(
        &db,
        &[InputDocument {
            id: Some("other".into()),
            text: Some(
                "The French president visited Germany on Monday to discuss energy prices.".into(),
            ),
            published: Some("2025-03-03".into()),
            ..Default::default()
        }],
    );
    let store = Store::open_read_only(&db).unwrap();
    let b = build(
        &store,
        &Pair::parse("BRA-JPN").unwrap(),
        &Options::default(),
    )
    .unwrap();
    assert!(b.is_empty());
    assert!(b.sources.is_empty());
    let md = render::markdown(&b);
    assert!(md.contains("No records for BRA-JPN"), "{md}");
}

#[test]
fn conflicting_figures_are_shown_side_by_side_with_their_sources() {
    let db = temp_db("conflict");
    // Two short articles of our own giving different figures for the same year.
    let one =
        "Bilateral trade between Chile and Peru reached USD 4 billion in 2022, officials said.";
    let two = "Bilateral trade between Chile and Peru reached USD 5.5 billion in 2022, with Chile exporting approximately USD 3 billion in goods to Peru and importing USD 2.5 billion.";
    store_texts(
        &db,
        &[
            InputDocument {
                id: Some("one".into()),
                text: Some(one.into()),
                published: Some("2023-02-01".into()),
                title: Some("Chile and Peru trade".into()),
                ..Default::default()
            },
            InputDocument {
                id: Some("two".into()),
                text: Some(two.into()),
                published: Some("2023-03-01".into()),
                title: Some("Trade figures".into()),
                ..Default::default()
            },
        ],
    );
    let store = Store::open_read_only(&db).unwrap();
    let b = build(
        &store,
        &Pair::parse("CHL-PER").unwrap(),
        &Options::default(),
    )
    .unwrap();
    let md = render::markdown(&b);
    eprintln!("{md}");
    let ls = lines(&b, "trade");
    let l = ls
        .iter()
        .find(|l| l.sides.len() == 2)
        .unwrap_or_else(|| panic!("no side-by-side line in:\n{md}"));
    assert!(l.text.contains("Sources differ"), "{}", l.text);
    assert!(l.text.contains("2022"), "{}", l.text);
    let values: Vec<&str> = l.sides.iter().map(|s| s.value.as_str()).collect();
    assert!(values.contains(&"USD 4.0 billion"), "{values:?}");
    assert!(values.contains(&"USD 5.5 billion"), "{values:?}");
    // Each side cites its own document.
    let docs: Vec<&str> = l
        .sides
        .iter()
        .map(|s| b.sources[s.cites[0] - 1].doc_id.as_str())
        .collect();
    assert!(docs.contains(&"one") && docs.contains(&"two"), "{docs:?}");
    assert!(l.flags.iter().any(|f| f.kind == "conflict"));
    // The second document's parts add up to its own total: the sum check says which
    // statement they support.
    let sum = l
        .flags
        .iter()
        .find(|f| f.kind == "sum")
        .unwrap_or_else(|| panic!("no sum check in:\n{md}"));
    assert_eq!(sum.status, "consistent");
    assert!(
        sum.text
            .contains("consistent with USD 5.5 billion, not with USD 4.0 billion"),
        "{}",
        sum.text
    );
    let html = render::html_fragment(&b, render::Links::Dashboard);
    assert!(html.contains(r#"class="sides""#));
    assert!(html.contains("/documents/one#fact-"));
}

#[test]
fn agreeing_figures_merge_into_one_sentence_citing_both() {
    let db = temp_db("agree");
    let one = "Bilateral trade between Chile and Peru reached USD 4 billion in 2022.";
    let two = "Bilateral trade between Chile and Peru stood at around USD 4.05 billion in 2022.";
    store_texts(
        &db,
        &[
            InputDocument {
                id: Some("a".into()),
                text: Some(one.into()),
                published: Some("2023-02-01".into()),
                ..Default::default()
            },
            InputDocument {
                id: Some("b".into()),
                text: Some(two.into()),
                published: Some("2023-03-01".into()),
                ..Default::default()
            },
        ],
    );
    let store = Store::open_read_only(&db).unwrap();
    let b = build(
        &store,
        &Pair::parse("PER-CHL").unwrap(),
        &Options::default(),
    )
    .unwrap();
    let ls = lines(&b, "trade");
    let l = ls
        .iter()
        .find(|l| l.text.contains("In 2022"))
        .unwrap_or_else(|| panic!("{}", render::markdown(&b)));
    assert!(l.sides.is_empty());
    assert_eq!(l.cites.len(), 2, "{}", render::markdown(&b));
    // A window on publication dates keeps only the first document.
    let w = build(
        &store,
        &Pair::parse("PER-CHL").unwrap(),
        &Options {
            to: Some("2023-02".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(w.documents, 1);
    assert!(w.sources.iter().all(|s| s.doc_id == "a"));
}

#[test]
fn planned_visits_are_recent_contacts_written_in_the_future() {
    let db = temp_db("planned");
    store_texts(
        &db,
        &[InputDocument {
            id: Some("plan".into()),
            text: Some(
                "The Hungarian president will visit Serbia in June 2026, the presidency said."
                    .into(),
            ),
            published: Some("2026-01-10".into()),
            ..Default::default()
        }],
    );
    let store = Store::open_read_only(&db).unwrap();
    let b = build(
        &store,
        &Pair::parse("SRB-HUN").unwrap(),
        &Options::default(),
    )
    .unwrap();
    let md = render::markdown(&b);
    let l = lines(&b, "contacts")
        .into_iter()
        .find(|l| l.text.contains("is to visit"))
        .unwrap_or_else(|| panic!("no planned visit in:\n{md}"));
    assert!(l.text.contains("June 2026"), "{}", l.text);
    assert!(l.text.contains("Serbia"), "{}", l.text);
    assert!(!l.cites.is_empty());
}
