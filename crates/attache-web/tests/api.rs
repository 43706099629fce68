//! API tests against a real server bound to loopback, over a store filled with documents.

use attache_store::{sample, Store};
use attache_web::client::{get, Conn};

fn server(name: &str, n: usize) -> (attache_web::RunningServer, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("attache-web-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("api.db");
    let mut store = Store::open(&db).unwrap();
    for chunk in sample::documents(n).chunks(25) {
        store.ingest_batch(chunk).unwrap();
    }
    drop(store);
    (attache_web::spawn(&db, "127.0.0.1:0").unwrap(), db)
}

fn error_param(r: &attache_web::client::Response) -> String {
    assert_eq!(r.status, 400, "{}", r.body);
    let v = r.json();
    assert_eq!(v["error"]["status"], 400);
    assert!(!v["error"]["message"].as_str().unwrap().is_empty());
    v["error"]["param"].as_str().unwrap_or("").to_string()
}

#[test]
fn health_pairs_and_a_pair_profile() {
    let (srv, _) = server("basic", 80);
    assert!(srv.addr.ip().is_loopback());
    let h = get(&srv.url("/api/health")).unwrap();
    assert_eq!(h.status, 200);
    assert!(h
        .content_type
        .as_deref()
        .unwrap()
        .starts_with("application/json"));
    let h = h.json();
    assert_eq!(h["status"], "ok");
    assert_eq!(h["documents"], 80);

    let pairs = get(&srv.url("/api/pairs")).unwrap().json();
    assert_eq!(pairs["total"], 3);
    assert_eq!(pairs["items"][0]["pair"], "KAZ-KOR");

    // Either order, any case.
    let a = get(&srv.url("/api/pairs/KOR-KAZ")).unwrap();
    let b = get(&srv.url("/api/pairs/kaz-kor")).unwrap();
    assert_eq!(a.status, 200);
    assert_eq!(a.body, b.body);
    let p = a.json();
    let months = p["months"].as_array().unwrap();
    assert!(!months.is_empty());
    let n: u64 = months
        .iter()
        .map(|m| {
            m["quad"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap())
                .sum::<u64>()
        })
        .sum();
    assert_eq!(n, p["summary"]["events"].as_u64().unwrap());
    assert!(months.iter().all(|m| m["goldstein_mean"].is_number()));
    assert!(!p["key_events"].as_array().unwrap().is_empty());
    let facts = p["facts"].as_array().unwrap();
    assert!(facts
        .iter()
        .any(|f| !f["checks"].as_array().unwrap().is_empty()));

    let none = get(&srv.url("/api/pairs/USA-FRA")).unwrap();
    assert_eq!(none.status, 404);
    assert_eq!(none.json()["error"]["code"], "not_found");
}

#[test]
fn events_are_filtered_and_paginated() {
    let (srv, _) = server("events", 80);
    let mut conn = Conn::connect(srv.addr).unwrap();
    let all = conn
        .get("/api/events?pair=KOR-KAZ&limit=1000")
        .unwrap()
        .json();
    let total = all["total"].as_u64().unwrap();
    assert_eq!(all["items"].as_array().unwrap().len() as u64, total);
    let mut ids = std::collections::HashSet::new();
    let mut offset = 0;
    while offset < total {
        // The same kept-alive connection serves every page.
        let page = conn
            .get(&format!(
                "/api/events?pair=KAZ-KOR&limit=10&offset={offset}"
            ))
            .unwrap()
            .json();
        assert_eq!(page["total"].as_u64().unwrap(), total);
        assert_eq!(page["limit"], 10);
        for e in page["items"].as_array().unwrap() {
            assert!(ids.insert(e["id"].as_i64().unwrap()));
            assert_eq!(e["pair"], "KAZ-KOR");
        }
        offset += 10;
    }
    assert_eq!(ids.len() as u64, total);
    let r = conn
        .get("/api/events?root=04&status=occurred&from=2024-02&to=2024-12")
        .unwrap()
        .json();
    for e in r["items"].as_array().unwrap() {
        assert!(e["cameo"].as_str().unwrap().starts_with("04"));
        assert_eq!(e["status"], "occurred");
        let d = e["date"].as_str().unwrap();
        assert!(("2024-02".."2025").contains(&d), "{d}");
    }
}

#[test]
fn facts_documents_and_one_document_with_spans() {
    let (srv, _) = server("docs", 40);
    let f = get(&srv.url("/api/facts?pair=KAZ-KOR&indicator=trade"))
        .unwrap()
        .json();
    assert!(f["total"].as_u64().unwrap() > 0);
    for x in f["items"].as_array().unwrap() {
        assert!(x["indicator"].as_str().unwrap().starts_with("trade."));
    }
    let d = get(&srv.url("/api/documents?q=pipeline&limit=5"))
        .unwrap()
        .json();
    assert!(d["total"].as_u64().unwrap() > 0);
    let id = d["items"][0]["id"].as_str().unwrap().to_string();
    let doc = get(&srv.url(&format!("/api/documents/{id}"))).unwrap();
    assert_eq!(doc.status, 200);
    let doc = doc.json();
    let text: Vec<char> = doc["document"]["text"].as_str().unwrap().chars().collect();
    for a in doc["document"]["actors"].as_array().unwrap() {
        for m in a["mentions"].as_array().unwrap() {
            let (s, e) = (
                m[0].as_u64().unwrap() as usize,
                m[1].as_u64().unwrap() as usize,
            );
            assert_eq!(
                text[s..e].iter().collect::<String>(),
                a["name"].as_str().unwrap()
            );
        }
    }
    assert_eq!(get(&srv.url("/api/documents/nope")).unwrap().status, 404);
    let spec = get(&srv.url("/api/openapi.json")).unwrap().json();
    assert_eq!(spec["openapi"], "3.1.0");
    for path in [
        "/api/pairs",
        "/api/pairs/{pair}",
        "/api/events",
        "/api/facts",
        "/api/documents",
        "/api/documents/{id}",
        "/api/health",
    ] {
        assert!(spec["paths"].get(path).is_some(), "{path} undocumented");
    }
}

#[test]
fn bad_parameters_get_clear_400_errors() {
    let (srv, _) = server("bad", 10);
    let cases = [
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=100000", "limit"),
        ("/api/events?limit=abc", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?pair=KOR", "pair"),
        ("/api/events?pair=KOR-KOR", "pair"),
        ("/api/events?from=2024-13", "from"),
        ("/api/events?to=yesterday", "to"),
        ("/api/events?from=2025&to=2024", "from"),
        ("/api/events?root=21", "root"),
        ("/api/events?status=maybe", "status"),
        ("/api/events?colour=red", "colour"),
        ("/api/events?limit=5&limit=6", "limit"),
        ("/api/facts?indicator=DROP%20TABLE", "indicator"),
        ("/api/pairs/K-OR", "pair"),
        ("/api/pairs?limit=2000", "limit"),
    ];
    for (url, param) in cases {
        let r = get(&srv.url(url)).unwrap();
        assert_eq!(error_param(&r), param, "{url}: {}", r.body);
    }
    assert_eq!(get(&srv.url("/api/nothing")).unwrap().status, 404);
    // Read-only: a write method is not routed.
    let s = std::net::TcpStream::connect(srv.addr).unwrap();
    use std::io::{Read, Write};
    let mut s = s;
    s.write_all(
        b"DELETE /api/documents/sample-0000 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    let mut buf = String::new();
    s.read_to_string(&mut buf).unwrap();
    assert!(buf.starts_with("HTTP/1.1 405"), "{buf}");
}

#[test]
fn dashboard_pages_render_from_the_store() {
    let (srv, _) = server("pages", 60);
    let home = get(&srv.url("/")).unwrap();
    assert_eq!(home.status, 200);
    assert!(home.body.contains(r#"href="/pairs/KAZ-KOR""#));
    let pair = get(&srv.url("/pairs/KAZ-KOR")).unwrap();
    assert_eq!(pair.status, 200);
    assert!(pair.body.matches("<svg").count() >= 3);
    assert!(pair.body.contains("Goldstein trend") && pair.body.contains("trade.total"));
    // Non-canonical order redirects to the canonical page.
    assert_eq!(get(&srv.url("/pairs/KOR-KAZ")).unwrap().status, 308);
    let doc = get(&srv.url("/documents/sample-0000")).unwrap();
    assert_eq!(doc.status, 200);
    assert!(doc.body.contains(r#"id="event-0""#) && doc.body.contains("hl actor"));
    let search = get(&srv.url("/search?q=pipeline")).unwrap();
    assert!(search.body.contains("<mark>pipeline</mark>"));
    assert_eq!(get(&srv.url("/search?from=bad")).unwrap().status, 400);
    assert_eq!(get(&srv.url("/nope")).unwrap().status, 404);
    let css = get(&srv.url("/static/style.css")).unwrap();
    assert!(css.content_type.unwrap().starts_with("text/css"));
}

#[test]
fn the_server_sees_batches_committed_while_it_runs() {
    // WAL: `attache ingest` can write while `attache serve` reads; each request sees the
    // last committed batch and never a half-written one.
    let (srv, db) = server("live", 10);
    let before = get(&srv.url("/api/health")).unwrap().json();
    assert_eq!(before["documents"], 10);
    let mut store = Store::open(&db).unwrap();
    let mut more = sample::documents(30);
    for (i, d) in more.iter_mut().enumerate() {
        d.id = format!("live-{i}");
    }
    for (k, chunk) in more.chunks(10).enumerate() {
        store.ingest_batch(chunk).unwrap();
        let h = get(&srv.url("/api/health")).unwrap().json();
        assert_eq!(h["documents"], 10 + 10 * (k as u64 + 1));
    }
    let doc = get(&srv.url("/api/documents/live-29")).unwrap();
    assert_eq!(doc.status, 200);
}
