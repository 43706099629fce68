//! The readers against the shared third-party corpora (skipped, with a message, when
//! `../shared` is absent): the figures the ingest issue asks for.

use std::path::PathBuf;

use attache_ingest::eval;

fn corpora() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora");
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "SKIP: {} absent (shared corpora not available)",
            p.display()
        );
        None
    }
}

#[test]
fn zyte_benchmark_f1() {
    let Some(c) = corpora() else { return };
    let r = eval::eval_zyte(&c.join("html-extraction/article-extraction-benchmark")).unwrap();
    eprintln!(
        "zyte: {} pages P={:.3} R={:.3} F1={:.3}",
        r.pages, r.precision, r.recall, r.f1
    );
    assert_eq!(r.pages, 181);
    assert!(r.f1 >= 0.95, "F1 {:.3}; worst pages {:?}", r.f1, r.worst);
}

#[test]
fn trafilatura_news_snippets() {
    let Some(c) = corpora() else { return };
    let r = eval::eval_trafilatura(&c.join("html-extraction/trafilatura-eval-en-news")).unwrap();
    eprintln!(
        "trafilatura snippets: {}/{} = {:.3}",
        r.right,
        r.snippets,
        r.rate()
    );
    assert!(r.rate() >= 0.90, "{:#?}", r.wrong);
}

#[test]
fn readability_titles_and_dates() {
    let Some(c) = corpora() else { return };
    let r = eval::eval_readability(&c.join("html-extraction/readability-test-pages")).unwrap();
    eprintln!(
        "readability: titles {}/{}, dates {}/{}",
        r.titles_right, r.pages, r.dates_right, r.dated_pages
    );
    assert_eq!(r.titles_right, r.pages, "{:#?}", r.wrong);
    assert_eq!(r.dates_right, r.dated_pages, "{:#?}", r.wrong);
}

#[test]
fn feed_fixtures() {
    let Some(c) = corpora() else { return };
    let r = eval::eval_feeds(&c.join("feeds")).unwrap();
    for l in &r.lines {
        eprintln!("{l}");
    }
    assert_eq!(r.passed, r.checked, "{:#?}", r.lines);
}

/// NBC New York writes `Sat, Dec 16 2023 02:02:33 PM`, which feed-rs alone leaves undated.
#[test]
fn odd_feed_dates_are_parsed() {
    let Some(c) = corpora() else { return };
    let bytes = std::fs::read(c.join("feeds/feed-rs/rss_2.0_nbcny.xml")).unwrap();
    let feed = attache_ingest::feed::parse_feed_items(&bytes).unwrap();
    assert_eq!(feed.items[0].published.as_deref(), Some("2023-12-16"));
}
