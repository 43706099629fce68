//! Store behaviour on real SQLite files: migrations, idempotent ingest, replacement,
//! duplicate clusters, the API queries, and the exports read back.

use std::collections::{HashMap, HashSet};

use attache_store::export::{self, Format, GDELT_COLUMNS};
use attache_store::{sample, DocQuery, EventQuery, FactQuery, Pair, Store};

fn tmpdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("attache-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn filled(name: &str, n: usize) -> (Store, Vec<attache_model::Document>) {
    let dir = tmpdir(name);
    let mut store = Store::open(dir.join("t.db")).unwrap();
    let docs = sample::documents(n);
    for chunk in docs.chunks(16) {
        store.ingest_batch(chunk).unwrap();
    }
    (store, docs)
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .connection()
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn migrations_set_the_schema_version_and_reopen_cleanly() {
    let dir = tmpdir("migr");
    let path = dir.join("m.db");
    {
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), attache_store::SCHEMA_VERSION);
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), attache_store::SCHEMA_VERSION);
    let mode: String = s
        .connection()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(s);
    let ro = Store::open_read_only(&path).unwrap();
    assert_eq!(ro.stats().unwrap().documents, 0);
    // A read-only handle cannot write.
    assert!(ro
        .connection()
        .execute("DELETE FROM documents", [])
        .is_err());
    // A file that was never initialised is refused with a clear error.
    let empty = dir.join("empty.db");
    rusqlite::Connection::open(&empty).unwrap();
    let err = Store::open_read_only(&empty).err().unwrap().to_string();
    assert!(err.contains("not initialised"), "{err}");
}

#[test]
fn reingesting_the_same_documents_changes_nothing() {
    let (mut store, docs) = filled("idem", 40);
    let before: Vec<i64> = [
        "documents",
        "events",
        "facts",
        "actors",
        "times",
        "quantities",
        "fact_checks",
        "event_mentions",
    ]
    .iter()
    .map(|t| count(&store, t))
    .collect();
    assert_eq!(before[0], 40);
    let expected_events: usize = docs.iter().map(|d| d.events.len()).sum();
    assert_eq!(before[1] as usize, expected_events);
    let stats = store.ingest_batch(&docs).unwrap();
    assert_eq!(stats.skipped, 40);
    assert_eq!(stats.inserted + stats.updated, 0);
    let after: Vec<i64> = [
        "documents",
        "events",
        "facts",
        "actors",
        "times",
        "quantities",
        "fact_checks",
        "event_mentions",
    ]
    .iter()
    .map(|t| count(&store, t))
    .collect();
    assert_eq!(before, after);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn a_changed_document_replaces_the_old_one_and_its_index_entries() {
    let (mut store, docs) = filled("replace", 10);
    let mut changed = docs[3].clone();
    changed.text = format!("{} Zanzibarian observers attended.", changed.text);
    changed.events.truncate(1);
    let stats = store.ingest_batch(std::slice::from_ref(&changed)).unwrap();
    assert_eq!((stats.updated, stats.inserted, stats.skipped), (1, 0, 0));
    assert_eq!(count(&store, "documents"), 10);
    let hits = store
        .documents(&DocQuery {
            q: Some("zanzibarian".into()),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.total, 1);
    assert_eq!(hits.items[0].id, changed.id);
    let stored = store.document(&changed.id).unwrap().unwrap();
    assert_eq!(stored.document, changed);
    // The old text's full-text entry is gone: a word only the old version lacked is found
    // once, and the old document's events were replaced.
    let n: i64 = store
        .connection()
        .query_row(
            "SELECT COUNT(*) FROM events e JOIN documents d ON d.rid = e.doc_rid WHERE d.id = ?1",
            [&changed.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn exact_duplicates_share_a_cluster() {
    let dir = tmpdir("cluster");
    let mut store = Store::open(dir.join("c.db")).unwrap();
    let docs = sample::documents(3);
    let mut copy = docs[0].clone();
    copy.id = "copy-of-0".into();
    store.ingest_batch(&docs).unwrap();
    store.ingest_batch(&[copy]).unwrap();
    let d = store.document("copy-of-0").unwrap().unwrap();
    assert_eq!(d.cluster_id.as_deref(), Some(docs[0].id.as_str()));
    let orig = store.document(&docs[0].id).unwrap().unwrap();
    assert_eq!(orig.duplicates, vec!["copy-of-0".to_string()]);
}

#[test]
fn pairs_are_unordered_and_ranked_by_activity() {
    let (store, docs) = filled("pairs", 60);
    let page = store.pairs(10, 0).unwrap();
    assert_eq!(page.total, 3);
    let names: Vec<&str> = page.items.iter().map(|p| p.pair.as_str()).collect();
    assert_eq!(names[0], "KAZ-KOR", "{names:?}");
    for w in page.items.windows(2) {
        assert!(w[0].events + w[0].facts >= w[1].events + w[1].facts);
    }
    // Counts agree with the documents: active events between the two countries, either direction.
    let mut expected: HashMap<String, u64> = HashMap::new();
    for d in &docs {
        for e in &d.events {
            let s = e.source.as_ref().unwrap().country.clone().unwrap();
            let t = e.target.as_ref().unwrap().country.clone().unwrap();
            let st = serde_json::to_value(e.status).unwrap();
            if st == "occurred" || st == "planned" {
                *expected
                    .entry(
                        Pair::from_countries(Some(&s), Some(&t))
                            .unwrap()
                            .to_string(),
                    )
                    .or_default() += 1;
            }
        }
    }
    for p in &page.items {
        assert_eq!(p.events, expected[&p.pair], "{}", p.pair);
        assert_eq!(p.quad.iter().sum::<u64>(), p.events);
    }
    assert_eq!(Pair::parse("kor-kaz").unwrap().to_string(), "KAZ-KOR");
    assert!(Pair::parse("KOR").is_err());
    assert!(Pair::parse("KOR-KOR").is_err());
    assert!(Pair::parse("K;R-KAZ").is_err());
}

#[test]
fn pair_profile_months_add_up_and_key_events_are_dated() {
    let (store, _) = filled("profile", 60);
    let pair = Pair::parse("KOR-KAZ").unwrap();
    let prof = store.pair_profile(&pair, 10).unwrap().unwrap();
    let in_months: u64 = prof.months.iter().map(|m| m.quad.iter().sum::<u64>()).sum();
    assert_eq!(in_months, prof.summary.events);
    assert!(prof.months.windows(2).all(|w| w[0].month < w[1].month));
    for m in &prof.months {
        assert!((-10.0..=10.0).contains(&m.goldstein_mean));
    }
    assert!(!prof.key_events.is_empty() && prof.key_events.len() <= 10);
    assert!(prof
        .key_events
        .iter()
        .all(|e| e.pair.as_deref() == Some("KAZ-KOR")));
    assert!(prof.key_events.iter().all(|e| !e.mentions.is_empty()));
    assert!(!prof.facts.is_empty());
    assert!(prof
        .facts
        .iter()
        .any(|f| f.checks.iter().any(|c| c.status == "inconsistent")));
    assert!(store
        .pair_profile(&Pair::parse("USA-FRA").unwrap(), 10)
        .unwrap()
        .is_none());
}

#[test]
fn event_filters_and_paging() {
    let (store, _) = filled("events", 60);
    let pair = Pair::parse("KAZ-KOR").unwrap();
    let all = store
        .events(&EventQuery {
            pair: Some(pair.clone()),
            limit: 1000,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.total as usize, all.items.len());
    // Paging walks the same set without overlap.
    let mut seen = HashSet::new();
    let mut offset = 0;
    loop {
        let p = store
            .events(&EventQuery {
                pair: Some(pair.clone()),
                limit: 7,
                offset,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(p.total, all.total);
        if p.items.is_empty() {
            break;
        }
        for e in &p.items {
            assert!(seen.insert(e.id), "event {} twice", e.id);
        }
        offset += 7;
    }
    assert_eq!(seen.len() as u64, all.total);
    let root = store
        .events(&EventQuery {
            pair: Some(pair.clone()),
            root: Some("04".into()),
            limit: 1000,
            ..Default::default()
        })
        .unwrap();
    assert!(root.total > 0 && root.items.iter().all(|e| e.cameo.starts_with("04")));
    let neg = store
        .events(&EventQuery {
            status: Some("negated".into()),
            limit: 1000,
            ..Default::default()
        })
        .unwrap();
    assert!(neg.items.iter().all(|e| e.status == "negated"));
    let range = store
        .events(&EventQuery {
            from: Some("2024-03".into()),
            to: Some("2024-05".into()),
            limit: 1000,
            ..Default::default()
        })
        .unwrap();
    assert!(range.total > 0);
    for e in &range.items {
        let d = e.date.as_deref().unwrap();
        assert!(("2024-03".."2024-06").contains(&d), "{d}");
    }
}

#[test]
fn facts_by_indicator_prefix_and_documents_by_words() {
    let (store, _) = filled("facts", 40);
    let trade = store
        .facts(&FactQuery {
            indicator: Some("trade".into()),
            limit: 500,
            ..Default::default()
        })
        .unwrap();
    let total = store
        .facts(&FactQuery {
            indicator: Some("trade.total".into()),
            limit: 500,
            ..Default::default()
        })
        .unwrap();
    assert!(trade.total > total.total && total.total > 0);
    assert!(total.items.iter().all(|f| f.indicator == "trade.total"));
    let hits = store
        .documents(&DocQuery {
            q: Some("pipeline Kazakhstan".into()),
            limit: 50,
            ..Default::default()
        })
        .unwrap();
    assert!(hits.total > 0);
    for h in &hits.items {
        let d = store.document(&h.id).unwrap().unwrap().document;
        let all = format!("{} {}", d.title.unwrap_or_default(), d.text);
        assert!(
            all.contains("pipeline") && all.contains("Kazakhstan"),
            "{all}"
        );
        assert!(h.snippet.contains('«'));
    }
    // Syntax that would break FTS5 is neutralised, not an error.
    store
        .documents(&DocQuery {
            q: Some("\"unbalanced AND (".into()),
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    let dated = store
        .documents(&DocQuery {
            from: Some("2025".into()),
            limit: 500,
            ..Default::default()
        })
        .unwrap();
    assert!(dated
        .items
        .iter()
        .all(|h| h.published.as_deref().unwrap() >= "2025"));
}

#[test]
fn stored_document_spans_point_at_their_text() {
    let (store, docs) = filled("spans", 12);
    for d in &docs {
        let got = store.document(&d.id).unwrap().unwrap().document;
        assert_eq!(&got, d);
        let chars: Vec<char> = got.text.chars().collect();
        for a in &got.actors {
            for m in &a.mentions {
                let s: String = chars[m[0]..m[1]].iter().collect();
                assert_eq!(s, a.name);
            }
        }
        for q in &got.quantities {
            let s: String = chars[q.span[0]..q.span[1]].iter().collect();
            assert_eq!(s, q.text);
        }
    }
}

/// Parses a GDELT export row with the codebook's column list and types.
fn parse_gdelt(line: &str) -> HashMap<&'static str, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    assert_eq!(cols.len(), 61, "{line}");
    GDELT_COLUMNS
        .iter()
        .copied()
        .zip(cols.iter().map(|s| s.to_string()))
        .collect()
}

#[test]
fn gdelt_export_has_61_typed_columns_and_reads_back_as_our_events() {
    let (store, _) = filled("gdelt", 30);
    // Types from the codebook shipped in shared/, when present; else the known INTEGER/FLOAT set.
    let doc = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpora/gdelt-samples/column-docs-gdeltPyR/events2.csv");
    let mut types: HashMap<String, String> = HashMap::new();
    if let Ok(text) = std::fs::read_to_string(&doc) {
        for line in text.lines().skip(1) {
            let mut it = line.splitn(3, ',');
            if let (Some(n), Some(t)) = (it.next(), it.next()) {
                types.insert(n.to_string(), t.to_string());
            }
        }
        let names: Vec<&str> = text
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').next())
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .collect();
        assert_eq!(
            names,
            GDELT_COLUMNS.to_vec(),
            "our column list is the codebook's"
        );
    } else {
        eprintln!(
            "SKIP part: {} absent; checking types from the built-in list",
            doc.display()
        );
        for c in GDELT_COLUMNS {
            let t = if ["FractionDate", "GoldsteinScale", "AvgTone"].contains(&c)
                || c.ends_with("_Lat")
                || c.ends_with("_Long")
            {
                "FLOAT"
            } else if [
                "GLOBALEVENTID",
                "SQLDATE",
                "MonthYear",
                "Year",
                "IsRootEvent",
                "QuadClass",
                "NumMentions",
                "NumSources",
                "NumArticles",
                "DATEADDED",
            ]
            .contains(&c)
                || c.ends_with("Geo_Type")
            {
                "INTEGER"
            } else {
                "STRING"
            };
            types.insert(c.into(), t.into());
        }
    }
    // The same reader and type checks accept real GDELT 2.0 rows (sample in shared/).
    let real = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpora/gdelt-samples/gdelt-big-data/20191024143000.export.CSV");
    let check_types = |row: &HashMap<&'static str, String>| {
        for (name, v) in row {
            if v.is_empty() {
                continue;
            }
            match types[*name].as_str() {
                "INTEGER" => assert!(v.parse::<i64>().is_ok(), "{name}={v:?} not an integer"),
                "FLOAT" => assert!(v.parse::<f64>().is_ok(), "{name}={v:?} not a float"),
                _ => {}
            }
        }
    };
    if let Ok(text) = std::fs::read_to_string(&real) {
        for line in text.lines().take(200) {
            check_types(&parse_gdelt(line));
        }
    }
    let mut out = Vec::new();
    let n = export::export(&store, Format::Gdelt, None, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len() as u64, n);
    let all = store
        .events(&EventQuery {
            limit: 10_000,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.total, n);
    let by_id: HashMap<i64, &attache_store::EventRow> =
        all.items.iter().map(|e| (e.id, e)).collect();
    for line in lines {
        let row = parse_gdelt(line);
        check_types(&row);
        let e = by_id[&row["GLOBALEVENTID"].parse::<i64>().unwrap()];
        assert_eq!(row["EventCode"], e.cameo);
        assert_eq!(row["EventRootCode"], &e.cameo[..2]);
        assert_eq!(row["QuadClass"].parse::<u8>().unwrap(), e.quad_class);
        assert!((row["GoldsteinScale"].parse::<f64>().unwrap() - e.goldstein).abs() < 0.05);
        assert_eq!(
            row["Actor1Code"],
            e.source.as_ref().unwrap().code.clone().unwrap()
        );
        assert_eq!(
            row["Actor1CountryCode"],
            e.source.as_ref().unwrap().country.clone().unwrap()
        );
        assert_eq!(
            row["Actor2CountryCode"],
            e.target.as_ref().unwrap().country.clone().unwrap()
        );
        let d = e.date.as_deref().unwrap().replace('-', "");
        assert!(row["SQLDATE"].starts_with(&d), "{} vs {d}", row["SQLDATE"]);
        assert_eq!(row["SQLDATE"].len(), 8);
        assert_eq!(row["DATEADDED"].len(), 14);
        assert_eq!(row["SOURCEURL"], e.url.clone().unwrap());
        if e.source
            .as_ref()
            .unwrap()
            .code
            .as_deref()
            .unwrap()
            .ends_with("GOV")
        {
            assert_eq!(row["Actor1Type1Code"], "GOV");
        }
    }
    // A pair filter gives only that pair's events.
    let mut out = Vec::new();
    let pair = Pair::parse("KOR-JPN").unwrap();
    export::export(&store, Format::Gdelt, Some(&pair), &mut out).unwrap();
    for line in String::from_utf8(out).unwrap().lines() {
        let row = parse_gdelt(line);
        let mut cs = [
            row["Actor1CountryCode"].clone(),
            row["Actor2CountryCode"].clone(),
        ];
        cs.sort();
        assert_eq!(cs, ["JPN".to_string(), "KOR".to_string()]);
    }
}

#[test]
fn plover_export_has_one_line_per_event_with_the_manuals_fields() {
    let (store, _) = filled("plover", 20);
    let mut out = Vec::new();
    let n = export::export(&store, Format::Plover, None, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count() as u64, n);
    assert_eq!(n, store.stats().unwrap().events);
    let mut ids = HashSet::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        // Required by the manual's Table 6.1: id, date, actor, event.
        assert!(ids.insert(v["id"].as_str().unwrap().to_string()));
        let date = v["date"].as_str().unwrap();
        assert_eq!(date.len(), 10);
        assert!(v["actor"].as_array().unwrap()[0]["code"].is_string());
        assert!(v["event"].as_array().unwrap()[0].is_string());
        for k in [
            "recipient",
            "event_text",
            "quad_code",
            "event_scale",
            "mode",
            "context",
            "text_info",
            "cite_info",
            "coder",
            "coded_date",
        ] {
            assert!(v.get(k).is_some(), "missing {k}");
        }
        let q = v["quad_code"].as_u64().unwrap();
        assert!((1..=4).contains(&q));
    }
}

#[test]
fn csv_export_quotes_fields_and_has_a_header() {
    let (store, _) = filled("csv", 10);
    let mut out = Vec::new();
    let n = export::export(&store, Format::Csv, None, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next().unwrap(), export::CSV_COLUMNS.join(","));
    assert_eq!(lines.count() as u64, n);
    #[cfg(not(feature = "parquet"))]
    {
        let err = export::export(&store, Format::Parquet, None, &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("--features parquet"));
    }
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_export_writes_a_parquet_file() {
    let (store, _) = filled("parquet", 10);
    let mut out = Vec::new();
    let n = export::export(&store, Format::Parquet, None, &mut out).unwrap();
    assert!(n > 0);
    assert_eq!(&out[..4], b"PAR1");
    assert_eq!(&out[out.len() - 4..], b"PAR1");
    // Read it back with the parquet reader: one row per event, the CSV columns.
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let path = std::env::temp_dir().join(format!("attache-{}.parquet", std::process::id()));
    std::fs::write(&path, &out).unwrap();
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let meta = reader.metadata().file_metadata();
    assert_eq!(meta.num_rows() as u64, n);
    let names: Vec<String> = meta
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    assert_eq!(names, export::CSV_COLUMNS.to_vec());
}
