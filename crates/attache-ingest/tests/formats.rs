//! Feeds, pages, duplicates and progress through `read_inputs`, on fixtures written here.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use attache_ingest::{read_inputs, read_stream, DupKind, Format, Input, ReadOptions};

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("attache-ingest-fmt-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(path: &Path, s: &str) {
    std::fs::write(path, s).unwrap();
}

fn documents(inputs: Vec<Input>) -> Vec<attache_ingest::Article> {
    inputs
        .into_iter()
        .filter_map(|i| match i {
            Input::Document(a) => Some(*a),
            _ => None,
        })
        .collect()
}

const BODY1: &str =
    "Foreign ministers from both countries met in Geneva and agreed to reopen their embassies \
within three months, according to a joint statement released after the meeting.";
const BODY2: &str =
    "The central bank left its main interest rate unchanged on Thursday, citing slowing \
inflation and weak export demand, and said it would review the policy again in the autumn.";

fn rss2() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example/</link><language>en</language>
<item><title>Ministers agree to reopen embassies</title><link>https://wire.example/2024/06/12/embassies</link>
<pubDate>Wed, 12 Jun 2024 21:30:00 -0700</pubDate><description>&lt;p&gt;{BODY1}&lt;/p&gt;</description></item>
<item><title>Rates &amp; inflation: bank holds</title><link>https://wire.example/rates</link>
<pubDate>Thu, Jun 13 2024 09:15:00 AM</pubDate><description><![CDATA[<p>{BODY2}</p><p>More <b>later</b>.</p>]]></description></item>
</channel></rss>"#
    )
}

#[test]
fn rss_atom_and_json_feed_items() {
    let dir = scratch("feeds");
    write(&dir.join("wire.xml"), &rss2());
    write(
        &dir.join("atom.feed"),
        &format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title><id>urn:x</id><updated>2024-06-12T10:00:00Z</updated>
<entry><title type="html">Talks &lt;em&gt;resume&lt;/em&gt;</title><id>urn:x:1</id><link rel="alternate" href="https://atom.example/talks"/>
<published>2024-06-11T08:00:00+02:00</published><updated>2024-06-12T10:00:00Z</updated>
<content type="html">&lt;p&gt;{BODY1}&lt;/p&gt;</content></entry></feed>"#
        ),
    );
    write(
        &dir.join("items.json"),
        &format!(
            r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "Example JSON", "items": [
  {{"id": "1", "url": "https://json.example/a", "title": "Bank holds rates", "date_published": "2024-06-13T09:00:00-04:00", "content_html": "<p>{BODY2}</p>"}},
  {{"id": "2", "url": "https://json.example/b", "title": "Summary only", "summary": "{BODY1}"}}
]}}"#
        ),
    );
    let opts = ReadOptions {
        english_only: false,
        ..ReadOptions::default()
    };
    let got: Vec<_> = read_inputs(std::slice::from_ref(&dir), &opts).collect();
    let d = documents(got.clone());
    assert_eq!(d.len(), 5, "{got:#?}");
    // Sorted order: atom.feed, items.json, wire.xml.
    assert_eq!(d[0].doc.title.as_deref(), Some("Talks resume"));
    assert_eq!(d[0].doc.url.as_deref(), Some("https://atom.example/talks"));
    assert_eq!(d[0].doc.published.as_deref(), Some("2024-06-11"));
    assert_eq!(d[0].doc.text.as_deref(), Some(BODY1));
    assert_eq!(d[0].doc.source.as_deref(), Some("Example Atom"));
    assert_eq!(d[0].doc.id.as_deref(), Some("atom#1"));
    assert_eq!(d[1].doc.published.as_deref(), Some("2024-06-13"));
    assert_eq!(d[1].doc.text.as_deref(), Some(BODY2));
    assert_eq!(d[2].doc.text.as_deref(), Some(BODY1));
    assert_eq!(d[2].doc.published, None);
    // RSS: the local day of an evening item, not the UTC one; an odd date format; HTML cleaned.
    assert_eq!(d[3].doc.published.as_deref(), Some("2024-06-12"));
    assert_eq!(d[3].doc.text.as_deref(), Some(BODY1));
    assert_eq!(
        d[4].doc.title.as_deref(),
        Some("Rates & inflation: bank holds")
    );
    assert_eq!(d[4].doc.published.as_deref(), Some("2024-06-13"));
    assert_eq!(
        d[4].doc.text.as_deref(),
        Some(format!("{BODY2}\n\nMore later.").as_str())
    );
    assert!(d.iter().all(|a| a.format == Some(Format::Feed)));
}

#[test]
fn malformed_feed_is_a_clear_error() {
    let dir = scratch("badfeed");
    let p = dir.join("broken.rss");
    write(
        &p,
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title><item><title>cut",
    );
    let got: Vec<_> = read_inputs(&[p], &ReadOptions::default()).collect();
    assert_eq!(got.len(), 1);
    match &got[0] {
        Input::Error { source, message } => {
            assert!(source.ends_with("broken.rss"));
            assert!(
                message.contains("broken.rss") && message.contains("not a readable feed"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn html_page_through_the_reader() {
    let dir = scratch("html");
    let page = format!(
        r#"<html lang="en"><head><meta charset="utf-8"><title>Embassies to reopen - Example News</title>
<meta property="og:title" content="Embassies to reopen">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Embassies to reopen","datePublished":"2024-06-12T09:00:00Z","author":{{"@type":"Person","name":"Ann Writer"}}}}</script>
</head><body><header><a href="/">Example News</a> <a href="/world">World</a></header>
<main><article><h1>Embassies to reopen</h1><p>{BODY1}</p><p>{BODY2}</p></article></main>
<aside>Most read: celebrity gossip, weather, horoscopes</aside></body></html>"#
    );
    write(&dir.join("embassies.html"), &page);
    let d =
        documents(read_inputs(&[dir.join("embassies.html")], &ReadOptions::default()).collect());
    assert_eq!(d.len(), 1);
    let a = &d[0];
    assert_eq!(a.doc.id.as_deref(), Some("embassies"));
    assert_eq!(a.doc.title.as_deref(), Some("Embassies to reopen"));
    assert_eq!(a.doc.published.as_deref(), Some("2024-06-12"));
    assert_eq!(a.byline.as_deref(), Some("Ann Writer"));
    assert_eq!(a.language.as_deref(), Some("en"));
    let text = a.doc.text.as_deref().unwrap();
    assert!(
        text.contains("reopen their embassies") && text.contains("interest rate unchanged"),
        "{text}"
    );
    assert!(!text.contains("horoscopes"), "{text}");
}

#[test]
fn duplicates_are_marked_not_dropped() {
    let dir = scratch("dedup");
    let long =
        format!("{BODY1} {BODY2} {BODY1} The statement also covered visas, trade and culture.");
    let trimmed: String = long.chars().take(long.len() * 3 / 4).collect();
    let lines = [
        serde_json::json!({"id": "orig", "text": long}),
        serde_json::json!({"id": "copy", "text": long.to_uppercase()}),
        serde_json::json!({"id": "reprint", "title": "New headline", "text": format!("New headline. {trimmed}")}),
        serde_json::json!({"id": "other", "text": "Heavy rain flooded low-lying districts of the capital overnight, \
            closing schools and roads while emergency crews pumped water from basements and rail lines."}),
    ];
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    write(&dir.join("d.jsonl"), &body);
    let opts = ReadOptions {
        dedup: true,
        ..ReadOptions::default()
    };
    let d = documents(read_inputs(&[dir.join("d.jsonl")], &opts).collect());
    assert_eq!(d.len(), 4);
    let info: Vec<_> = d.iter().map(|a| a.dedup.clone().unwrap()).collect();
    assert_eq!(info[0].kind, DupKind::Original);
    assert_eq!(info[1].kind, DupKind::Exact);
    assert_eq!(info[2].kind, DupKind::Near);
    assert_eq!(info[2].duplicate_of.as_deref(), Some("orig"));
    assert_eq!(info[1].cluster, info[0].cluster);
    assert_eq!(info[2].cluster, info[0].cluster);
    assert_ne!(info[3].cluster, info[0].cluster);
}

#[test]
fn progress_is_reported_and_streams_are_read() {
    let calls = Arc::new(AtomicU64::new(0));
    let seen = calls.clone();
    let opts = ReadOptions {
        progress: Some(Arc::new(move |p: &attache_ingest::Progress| {
            seen.store(p.items, Ordering::Relaxed);
        })),
        ..ReadOptions::default()
    };
    let data =
        format!("{{\"id\":\"1\",\"text\":\"{BODY1}\"}}\n{{\"id\":\"2\",\"text\":\"{BODY2}\"}}\n");
    let mut it = read_stream("piped", std::io::Cursor::new(data.into_bytes()), &opts);
    let first = it.next().unwrap();
    assert_eq!(first.id(), Some("1"));
    assert_eq!(it.progress().files, 1);
    assert_eq!(it.next().unwrap().id(), Some("2"));
    assert!(it.next().is_none());
    assert_eq!(calls.load(Ordering::Relaxed), 2);
    assert!(it.progress().bytes > 100);
}
