//! Dashboard pages rendered on the server: home (pairs ranked, search), a pair's profile,
//! a document with its annotations highlighted, and search. Plain HTML + our own CSS and a
//! few lines of our own JS; charts are inline SVG from `svg.rs`. No network needed.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Arc;

use attache_store::{EventRow, FactRow, Pair, StoredDocument};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::api::{doc_query, ApiError, Params};
use crate::svg::{self, esc, QUAD_COLORS, QUAD_NAMES};
use crate::AppState;

const STYLE: &str = include_str!("../assets/style.css");
const SCRIPT: &str = include_str!("../assets/app.js");

type Q = Result<Query<Vec<(String, String)>>, QueryRejection>;
type St = State<Arc<AppState>>;

pub async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE).into_response()
}

pub async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}

pub(crate) fn layout(title: &str, q: &str, body: &str) -> Html<String> {
    Html(format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{t} · attache</title>
<link rel="stylesheet" href="/static/style.css">
</head><body>
<header class="top"><div class="wrap">
<a class="brand" href="/">attach<span>é</span></a>
<span class="tag">news → sourced event data</span>
<form class="search" action="/search" method="get" role="search">
<input type="search" name="q" value="{q}" placeholder="Search the documents…" aria-label="Search the documents">
<button type="submit">Search</button></form>
</div></header>
<main class="wrap">{body}</main>
<footer class="wrap">attache {v} · events coded with CAMEO and PLOVER · every item links to the sentence it came from · <a href="/api/openapi.json">API</a></footer>
<script src="/static/app.js" defer></script>
</body></html>"#,
        t = esc(title),
        q = esc(q),
        v = env!("CARGO_PKG_VERSION"),
    ))
}

pub(crate) fn error_page(e: ApiError) -> Response {
    let status = e.status();
    let body = format!(
        r#"<section class="error"><h1>{} {}</h1><p>{}</p><p><a href="/">Back to the pairs</a></p></section>"#,
        status.as_u16(),
        esc(status.canonical_reason().unwrap_or("")),
        esc(&e.to_string())
    );
    (status, layout("Error", "", &body)).into_response()
}

pub async fn not_found() -> Response {
    error_page(ApiError::NotFound("no such page".into()))
}

fn quad_dot(q: u8) -> String {
    let k = (q.clamp(1, 4) - 1) as usize;
    format!(
        r#"<span class="dot" style="background:{}" title="{}"></span>"#,
        QUAD_COLORS[k], QUAD_NAMES[k]
    )
}

fn fmt_goldstein(g: Option<f64>) -> String {
    match g {
        Some(g) => format!(
            r#"<span class="{}">{g:+.1}</span>"#,
            if g >= 0.0 { "pos" } else { "neg" }
        ),
        None => "–".into(),
    }
}

fn pager(base: &str, total: u64, limit: u32, offset: u64) -> String {
    let mut s = String::from(r#"<nav class="pager">"#);
    let sep = if base.contains('?') { '&' } else { '?' };
    if offset > 0 {
        let prev = offset.saturating_sub(limit as u64);
        let _ = write!(
            s,
            r#"<a href="{}{sep}offset={prev}">← Previous</a>"#,
            esc(base)
        );
    }
    let _ = write!(
        s,
        "<span>{}–{} of {total}</span>",
        if total == 0 { 0 } else { offset + 1 },
        (offset + limit as u64).min(total)
    );
    if offset + (limit as u64) < total {
        let _ = write!(
            s,
            r#"<a href="{}{sep}offset={}">Next →</a>"#,
            esc(base),
            offset + limit as u64
        );
    }
    s.push_str("</nav>");
    s
}

pub async fn home(State(st): St, q: Q) -> Response {
    let p = match Params::from_query(q, &["offset"]) {
        Ok(p) => p,
        Err(e) => return error_page(e),
    };
    let offset = match p.offset() {
        Ok(o) => o,
        Err(e) => return error_page(e),
    };
    let res = st
        .with_store(move |s| Ok((s.stats()?, s.pairs(50, offset)?)))
        .await;
    let (stats, page) = match res {
        Ok(x) => x,
        Err(e) => return error_page(e),
    };
    let mut b = String::new();
    let _ = write!(
        b,
        r#"<section class="hero"><h1>Country pairs</h1>
<p class="lede">Relations between countries as reported in the news: every event and fact below is tied to the sentence that states it.</p>
<div class="cards"><div class="card"><b>{}</b>documents</div><div class="card"><b>{}</b>events</div><div class="card"><b>{}</b>facts</div><div class="card"><b>{}</b>country pairs</div></div></section>"#,
        stats.documents, stats.events, stats.facts, stats.pairs
    );
    if page.items.is_empty() {
        b.push_str(r#"<p class="muted">No country pairs yet. Store some coded documents with <code>attache ingest</code>.</p>"#);
    } else {
        b.push_str(r#"<table class="pairs"><thead><tr><th>#</th><th>Pair</th><th>Events by QuadClass</th><th class="num">Events</th><th class="num">Facts</th><th class="num">Documents</th><th class="num">Mean Goldstein</th><th>Months</th></tr></thead><tbody>"#);
        for (i, p) in page.items.iter().enumerate() {
            let _ = write!(
                b,
                r#"<tr><td class="muted">{}</td><td><a class="pair" href="/pairs/{}">{} <span>–</span> {}</a></td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="muted">{}</td></tr>"#,
                offset + i as u64 + 1,
                esc(&p.pair),
                esc(&p.a),
                esc(&p.b),
                svg::quad_strip(&p.quad),
                p.events,
                p.facts,
                p.documents,
                fmt_goldstein(p.goldstein_mean),
                match (&p.first_month, &p.last_month) {
                    (Some(f), Some(l)) if f == l => esc(f),
                    (Some(f), Some(l)) => format!("{} – {}", esc(f), esc(l)),
                    _ => "–".into(),
                }
            );
        }
        b.push_str("</tbody></table>");
        b.push_str(&quad_legend());
        b.push_str(&pager("/", page.total, page.limit, page.offset));
    }
    layout("Country pairs", "", &b).into_response()
}

fn quad_legend() -> String {
    let mut s = String::from(r#"<div class="legend">"#);
    for k in 0..4 {
        let _ = write!(
            s,
            r#"<span><i style="background:{}"></i>{}</span>"#,
            QUAD_COLORS[k], QUAD_NAMES[k]
        );
    }
    s.push_str("</div>");
    s
}

fn party(p: &Option<attache_store::PartyRow>) -> String {
    match p {
        Some(p) => format!(
            r#"{}<span class="code">{}</span>"#,
            esc(&p.name),
            esc(p.code.as_deref().or(p.country.as_deref()).unwrap_or(""))
        ),
        None => r#"<span class="muted">unknown</span>"#.into(),
    }
}

fn event_item(e: &EventRow) -> String {
    format!(
        r#"<li class="event q{q}"><div class="when">{date}</div><div class="what">{dot}<b>{src}</b> → <b>{tgt}</b> <span class="cameo" title="CAMEO {cameo}">{label}</span>{status}
<blockquote>{text}</blockquote><a class="src" href="/documents/{doc}#event-{idx}">{title} ↗</a></div></li>"#,
        q = e.quad_class,
        date = esc(e
            .date
            .as_deref()
            .or(e.published.as_deref())
            .unwrap_or("undated")),
        dot = quad_dot(e.quad_class),
        src = party(&e.source),
        tgt = party(&e.target),
        cameo = esc(&e.cameo),
        label = esc(&format!(
            "{} {}",
            e.plover.as_deref().unwrap_or("CAMEO"),
            e.cameo
        )),
        status = if e.status != "occurred" {
            format!(r#" <span class="badge">{}</span>"#, esc(&e.status))
        } else {
            String::new()
        },
        text = esc(&e.text),
        doc = esc(&e.doc_id),
        idx = e.index,
        title = esc(e.doc_title.as_deref().unwrap_or(&e.doc_id)),
    )
}

fn fact_value(f: &FactRow) -> String {
    let mut s = String::new();
    if let Some(v) = f.value {
        let q = match f.qualifier.as_deref() {
            Some("approx") => "≈ ",
            Some("more_than") => "> ",
            Some("less_than") => "< ",
            Some("at_least") => "≥ ",
            Some("at_most") => "≤ ",
            _ => "",
        };
        let _ = write!(
            s,
            "{q}{} {}",
            svg::human(v),
            esc(f.unit.as_deref().unwrap_or(""))
        );
    }
    if let Some(r) = f.rank {
        let _ = write!(s, "rank {r}");
    }
    if let Some(c) = &f.change {
        let _ = write!(s, " ({} → {})", svg::human(c.from), svg::human(c.to));
    }
    if let Some(items) = &f.items {
        let _ = write!(s, " {}", esc(&items.join(", ")));
    }
    if s.is_empty() {
        "–".into()
    } else {
        s
    }
}

fn checks_html(f: &FactRow) -> String {
    let mut s = String::new();
    for c in &f.checks {
        let cls = if c.status == "consistent" {
            "ok"
        } else {
            "flag"
        };
        let icon = if cls == "ok" { "✓" } else { "⚠" };
        let _ = write!(
            s,
            r#"<span class="check {cls}" title="{}">{icon} {} {}</span>"#,
            esc(&c.message),
            esc(&c.kind),
            esc(&c.status)
        );
    }
    s
}

fn facts_table(facts: &[FactRow]) -> String {
    let mut b = String::from(
        r#"<table class="facts"><thead><tr><th>Period</th><th>Indicator</th><th>Subject → partner</th><th>Value</th><th>Checks</th><th>Stated in</th></tr></thead><tbody>"#,
    );
    for f in facts {
        let flagged = f.checks.iter().any(|c| c.status != "consistent");
        let _ = write!(
            b,
            r#"<tr class="{}"><td>{}</td><td><code>{}</code></td><td>{} → {}</td><td class="num">{}</td><td>{}</td><td class="quote">{} <a href="/documents/{}#fact-{}">↗</a></td></tr>"#,
            if flagged { "flagged" } else { "" },
            esc(f.period.as_deref().unwrap_or("–")),
            esc(&f.indicator),
            esc(f.subject.as_deref().unwrap_or("?")),
            esc(f.partner.as_deref().unwrap_or("?")),
            fact_value(f),
            checks_html(f),
            esc(&f.text),
            esc(&f.doc_id),
            f.index
        );
    }
    b.push_str("</tbody></table>");
    b
}

pub async fn pair(State(st): St, Path(raw): Path<String>, q: Q) -> Response {
    let p = match Params::from_query(q, &["month"]) {
        Ok(p) => p,
        Err(e) => return error_page(e),
    };
    let pair = match Pair::parse(&raw) {
        Ok(p) => p,
        Err(m) => return error_page(ApiError::bad("pair", m)),
    };
    if pair.to_string() != raw {
        return Redirect::permanent(&format!("/pairs/{pair}")).into_response();
    }
    let month = match p.get("month") {
        Some(m) if attache_store::month_of(m).as_deref() == Some(m) => Some(m.to_string()),
        Some(m) => {
            return error_page(ApiError::bad(
                "month",
                format!("month must be YYYY-MM, got {m:?}"),
            ))
        }
        None => None,
    };
    let pair2 = pair.clone();
    let month2 = month.clone();
    let res = st
        .with_store(move |s| {
            let prof = s.pair_profile(&pair2, 12)?;
            let events = s.events(&attache_store::EventQuery {
                pair: Some(pair2.clone()),
                from: month2.clone(),
                to: month2.clone(),
                limit: 100,
                ..Default::default()
            })?;
            Ok((prof, events))
        })
        .await;
    let (prof, events) = match res {
        Ok((Some(p), ev)) => (p, ev),
        Ok((None, _)) => {
            return error_page(ApiError::NotFound(format!("no events or facts for {pair}")))
        }
        Err(e) => return error_page(e),
    };
    let s = &prof.summary;
    let mut b = String::new();
    let _ = write!(
        b,
        r#"<nav class="crumbs"><a href="/">Pairs</a> › {pair} · <a href="/pairs/{pair}/brief">Read the brief</a></nav>
<section class="hero"><h1 class="pairname">{a} <span>–</span> {bb}</h1>
<div class="cards"><div class="card"><b>{}</b>events</div><div class="card"><b>{}</b>facts</div><div class="card"><b>{}</b>documents</div><div class="card"><b>{}</b>mean Goldstein</div><div class="card"><b>{}</b>period</div></div></section>"#,
        s.events,
        s.facts,
        s.documents,
        fmt_goldstein(s.goldstein_mean),
        match (&s.first_month, &s.last_month) {
            (Some(f), Some(l)) => format!("{} – {}", esc(f), esc(l)),
            _ => "–".into(),
        },
        pair = esc(&pair.to_string()),
        a = esc(&pair.a),
        bb = esc(&pair.b),
    );
    let bars: Vec<(String, [u64; 4])> = prof
        .months
        .iter()
        .map(|m| (m.month.clone(), m.quad))
        .collect();
    let pair_s = pair.to_string();
    let _ = write!(
        b,
        r#"<section class="panel"><h2>Timeline of events</h2><p class="hint">Events per month, coloured by QuadClass. Click a bar to list that month's events.</p>{}</section>"#,
        svg::quad_bars(&bars, |m| format!("/pairs/{pair_s}?month={m}#events"))
    );
    let line: Vec<(String, f64, u64)> = prof
        .months
        .iter()
        .map(|m| (m.month.clone(), m.goldstein_mean, m.quad.iter().sum()))
        .collect();
    let _ = write!(
        b,
        r#"<section class="panel"><h2>Goldstein trend</h2><p class="hint">Mean Goldstein score of the month's events (−10 most conflictual, +10 most cooperative).</p>{}</section>"#,
        svg::goldstein_line(&line)
    );
    b.push_str(r#"<section class="panel"><h2>Key events</h2><p class="hint">The strongest events on the Goldstein scale, in date order; each links to its sentence.</p><ol class="events">"#);
    for e in &prof.key_events {
        b.push_str(&event_item(e));
    }
    b.push_str("</ol></section>");

    // Facts: charts of the numeric indicators, then the table with checks flagged.
    let _ = write!(
        b,
        r#"<section class="panel" id="facts"><h2>Facts over time</h2>"#
    );
    if prof.facts.is_empty() {
        b.push_str(r#"<p class="muted">No facts for this pair.</p>"#);
    } else {
        let mut by_ind: BTreeMap<&str, Vec<(String, f64, bool)>> = BTreeMap::new();
        for f in &prof.facts {
            if let (Some(v), Some(per)) = (f.value, f.period.as_deref()) {
                let flagged = f.checks.iter().any(|c| c.status != "consistent");
                by_ind.entry(f.indicator.as_str()).or_default().push((
                    per.get(..4).unwrap_or(per).to_string(),
                    v,
                    flagged,
                ));
            }
        }
        let mut inds: Vec<_> = by_ind.into_iter().collect();
        inds.sort_by_key(|(_, v)| std::cmp::Reverse(v.len()));
        b.push_str(r#"<div class="factcharts">"#);
        for (ind, data) in inds.iter().take(4) {
            b.push_str(&svg::fact_dots(ind, data));
        }
        b.push_str(r#"</div><p class="hint">Hollow red points and highlighted rows are facts a consistency check flagged.</p>"#);
        // Flagged facts first in the table, then by period; long lists are cut (all are in JSON).
        let mut rows: Vec<&FactRow> = prof.facts.iter().collect();
        rows.sort_by_key(|f| !f.checks.iter().any(|c| c.status != "consistent"));
        let shown: Vec<FactRow> = rows.iter().take(60).map(|f| (*f).clone()).collect();
        b.push_str(&facts_table(&shown));
        if prof.facts.len() > shown.len() {
            let _ = write!(
                b,
                r#"<p class="hint">{} of {} facts shown; all of them: <a href="/api/facts?pair={}&amp;limit=1000">JSON</a>.</p>"#,
                shown.len(),
                prof.facts.len(),
                esc(&pair.to_string())
            );
        }
    }
    b.push_str("</section>");

    let _ = write!(
        b,
        r#"<section class="panel" id="events"><h2>{}</h2>"#,
        match &month {
            Some(m) => format!(
                r#"Events in {} <a class="clear" href="/pairs/{}#events">show all</a>"#,
                esc(m),
                esc(&pair.to_string())
            ),
            None => "Latest events".into(),
        }
    );
    b.push_str(r#"<ol class="events">"#);
    for e in &events.items {
        b.push_str(&event_item(e));
    }
    let _ = write!(
        b,
        r#"</ol><p class="hint">{} of {} events shown. All of them: <a href="/api/events?pair={p}&amp;limit=1000">JSON</a>.</p></section>"#,
        events.items.len(),
        events.total,
        p = esc(&pair.to_string())
    );
    layout(&format!("{} – {}", pair.a, pair.b), "", &b).into_response()
}

/// One annotation over `[start, end)` code points of the text.
struct Ann {
    start: usize,
    end: usize,
    class: String,
    label: String,
    anchor: Option<String>,
}

/// The text as HTML with every annotation highlighted. Annotations may overlap (an actor
/// inside an event sentence), so the text is cut at every boundary and each piece carries
/// the classes of all annotations covering it.
fn highlight(text: &str, anns: &[Ann]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    soften_hard_wraps(&mut chars);
    let n = chars.len();
    let mut bounds: Vec<usize> = vec![0, n];
    for a in anns {
        if a.start < a.end && a.end <= n {
            bounds.push(a.start);
            bounds.push(a.end);
        }
    }
    bounds.sort_unstable();
    bounds.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    for w in bounds.windows(2) {
        let (s, e) = (w[0], w[1]);
        for a in anns
            .iter()
            .filter(|a| a.start == s && a.end <= n && a.start < a.end)
        {
            if let Some(id) = &a.anchor {
                let _ = write!(out, r#"<a class="anchor" id="{}"></a>"#, esc(id));
            }
        }
        let cover: Vec<&Ann> = anns
            .iter()
            .filter(|a| a.start <= s && e <= a.end && a.end <= n)
            .collect();
        let piece: String = chars[s..e].iter().collect();
        if cover.is_empty() {
            out.push_str(&esc(&piece));
        } else {
            let mut classes: Vec<&str> = cover.iter().map(|a| a.class.as_str()).collect();
            classes.sort_unstable();
            classes.dedup();
            let labels: Vec<&str> = cover.iter().map(|a| a.label.as_str()).collect();
            let _ = write!(
                out,
                r#"<span class="hl {}" title="{}">{}</span>"#,
                classes.join(" "),
                esc(&labels.join("\n")),
                esc(&piece)
            );
        }
    }
    out.replace('\n', "<br>")
}

/// Wire copy is often hard-wrapped at ~60-80 columns; when most lines are that long, a
/// newline that does not end a sentence is shown as a space (same length, so spans stay put).
fn soften_hard_wraps(chars: &mut [char]) {
    let mut lens: Vec<usize> = Vec::new();
    let mut cur = 0;
    for &c in chars.iter() {
        if c == '\n' {
            lens.push(cur);
            cur = 0;
        } else {
            cur += 1;
        }
    }
    if lens.len() < 6 {
        return;
    }
    lens.sort_unstable();
    let median = lens[lens.len() / 2];
    if !(40..=90).contains(&median) {
        return;
    }
    for i in 0..chars.len() {
        if chars[i] != '\n' {
            continue;
        }
        let prev = chars[..i].iter().rev().find(|c| **c != ' ' && **c != '\r');
        let next = chars.get(i + 1);
        let ends_sentence = matches!(prev, Some('.' | '!' | '?' | '"' | ':' | '\n'));
        if !ends_sentence && next != Some(&'\n') {
            chars[i] = ' ';
        }
    }
}

pub async fn document(State(st): St, Path(id): Path<String>, q: Q) -> Response {
    if let Err(e) = Params::from_query(q, &[]) {
        return error_page(e);
    }
    let id2 = id.clone();
    let res = st.with_store(move |s| Ok(s.document(&id2)?)).await;
    let sd: StoredDocument = match res {
        Ok(Some(d)) => d,
        Ok(None) => return error_page(ApiError::NotFound(format!("no document with id {id:?}"))),
        Err(e) => return error_page(e),
    };
    let d = &sd.document;
    let mut anns: Vec<Ann> = Vec::new();
    for (i, e) in d.events.iter().enumerate() {
        for (k, m) in e.mentions.iter().enumerate() {
            anns.push(Ann {
                start: m.span[0],
                end: m.span[1],
                class: format!("ev q{}", e.quad_class.clamp(1, 4)),
                label: format!(
                    "event {i}: CAMEO {} {} ({}), Goldstein {:+.1}",
                    e.cameo,
                    e.plover.as_deref().unwrap_or(""),
                    serde_json::to_value(e.status)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_default(),
                    e.goldstein
                ),
                anchor: (k == 0).then(|| format!("event-{i}")),
            });
        }
    }
    for (i, f) in d.facts.iter().enumerate() {
        for (k, m) in f.mentions.iter().enumerate() {
            anns.push(Ann {
                start: m.span[0],
                end: m.span[1],
                class: "fact".into(),
                label: format!(
                    "fact {i}: {} {}",
                    f.indicator,
                    f.period.as_deref().unwrap_or("")
                ),
                anchor: (k == 0).then(|| format!("fact-{i}")),
            });
        }
    }
    for a in &d.actors {
        for m in &a.mentions {
            anns.push(Ann {
                start: m[0],
                end: m[1],
                class: "actor".into(),
                label: format!(
                    "actor: {} ({})",
                    a.name,
                    a.code.as_deref().or(a.country.as_deref()).unwrap_or("?")
                ),
                anchor: None,
            });
        }
    }
    for t in &d.times {
        anns.push(Ann {
            start: t.span[0],
            end: t.span[1],
            class: "time".into(),
            label: format!("time: {} = {}", t.kind, t.value),
            anchor: None,
        });
    }
    for q in &d.quantities {
        anns.push(Ann {
            start: q.span[0],
            end: q.span[1],
            class: "qty".into(),
            label: format!(
                "quantity: {} {} {}",
                q.kind,
                svg::human(q.value),
                q.unit.as_deref().unwrap_or("")
            ),
            anchor: None,
        });
    }
    let mut b = String::new();
    let _ = write!(
        b,
        r#"<nav class="crumbs"><a href="/">Pairs</a> › document</nav><article class="doc"><h1>{}</h1><p class="meta">{} · {} · {}{}{}</p>"#,
        esc(d.title.as_deref().unwrap_or(&d.id)),
        esc(d.published.as_deref().unwrap_or("undated")),
        esc(d.source.as_deref().unwrap_or("unknown source")),
        esc(&d.id),
        d.url
            .as_deref()
            .map(|u| format!(r#" · <a href="{}" rel="noreferrer">original</a>"#, esc(u)))
            .unwrap_or_default(),
        if sd.duplicates.is_empty() {
            String::new()
        } else {
            format!(" · {} duplicate(s)", sd.duplicates.len())
        }
    );
    b.push_str(r#"<div class="hlegend"><span class="hl actor">actor</span><span class="hl time">time</span><span class="hl qty">quantity</span><span class="hl fact">fact</span><span class="hl ev q1">verbal coop.</span><span class="hl ev q2">material coop.</span><span class="hl ev q3">verbal conflict</span><span class="hl ev q4">material conflict</span></div>"#);
    let _ = write!(
        b,
        r#"<div class="text">{}</div></article>"#,
        highlight(&d.text, &anns)
    );

    b.push_str(r#"<section class="panel"><h2>Events</h2><table class="list"><thead><tr><th>#</th><th>Date</th><th>Source → target</th><th>Code</th><th>Status</th><th class="num">Goldstein</th></tr></thead><tbody>"#);
    for (i, e) in d.events.iter().enumerate() {
        let p = |x: &Option<attache_model::Party>| {
            x.as_ref()
                .map(|p| {
                    format!(
                        "{} <span class=\"code\">{}</span>",
                        esc(&p.name),
                        esc(p.code.as_deref().unwrap_or(""))
                    )
                })
                .unwrap_or_else(|| "?".into())
        };
        let _ = write!(
            b,
            r##"<tr><td><a href="#event-{i}">{i}</a></td><td>{}</td><td>{} → {}</td><td>{}{} {}</td><td>{}</td><td class="num">{}</td></tr>"##,
            esc(e.date.as_deref().unwrap_or("–")),
            p(&e.source),
            p(&e.target),
            quad_dot(e.quad_class),
            esc(&e.cameo),
            esc(e.plover.as_deref().unwrap_or("")),
            esc(&serde_json::to_value(e.status)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()),
            fmt_goldstein(Some(e.goldstein))
        );
    }
    b.push_str("</tbody></table></section>");
    if !d.facts.is_empty() {
        b.push_str(r#"<section class="panel"><h2>Facts</h2><table class="list"><thead><tr><th>#</th><th>Indicator</th><th>Subject → partner</th><th>Period</th><th>Value</th><th>Checks</th></tr></thead><tbody>"#);
        for (i, f) in d.facts.iter().enumerate() {
            let row = FactRow {
                id: 0,
                doc_id: d.id.clone(),
                index: i as i64,
                doc_title: None,
                published: None,
                indicator: f.indicator.clone(),
                subject: f.subject.clone(),
                partner: f.partner.clone(),
                pair: None,
                period: f.period.clone(),
                value: f.value,
                unit: f.unit.clone(),
                qualifier: f.qualifier.clone(),
                change: f.change.clone(),
                rank: f.rank,
                items: f.items.clone(),
                text: f.text.clone(),
                rule: f.rule.clone(),
                mentions: f.mentions.clone(),
                checks: f.checks.clone(),
            };
            let _ = write!(
                b,
                r##"<tr><td><a href="#fact-{i}">{i}</a></td><td><code>{}</code></td><td>{} → {}</td><td>{}</td><td class="num">{}</td><td>{}</td></tr>"##,
                esc(&f.indicator),
                esc(f.subject.as_deref().unwrap_or("?")),
                esc(f.partner.as_deref().unwrap_or("?")),
                esc(f.period.as_deref().unwrap_or("–")),
                fact_value(&row),
                checks_html(&row)
            );
        }
        b.push_str("</tbody></table></section>");
    }
    if !d.warnings.is_empty() {
        b.push_str(r#"<section class="panel"><h2>Warnings</h2><ul>"#);
        for w in &d.warnings {
            let _ = write!(b, "<li>{}</li>", esc(w));
        }
        b.push_str("</ul></section>");
    }
    let _ = write!(
        b,
        r#"<p class="hint">As JSON: <a href="/api/documents/{}">/api/documents/{}</a></p>"#,
        esc(&d.id),
        esc(&d.id)
    );
    layout(d.title.as_deref().unwrap_or(&d.id), "", &b).into_response()
}

pub async fn search(State(st): St, q: Q) -> Response {
    let p = match Params::from_query(q, &["q", "from", "to", "offset", "limit"]) {
        Ok(p) => p,
        Err(e) => return error_page(e),
    };
    let dq = match doc_query(&p) {
        Ok(mut dq) => {
            dq.limit = dq.limit.min(50);
            dq
        }
        Err(e) => return error_page(e),
    };
    let qtext = dq.q.clone().unwrap_or_default();
    let (from, to) = (
        dq.from.clone().unwrap_or_default(),
        dq.to.clone().unwrap_or_default(),
    );
    let dq2 = dq.clone();
    let page = match st.with_store(move |s| Ok(s.documents(&dq2)?)).await {
        Ok(p) => p,
        Err(e) => return error_page(e),
    };
    let mut b = String::new();
    let _ = write!(
        b,
        r#"<h1>Search</h1><form class="filters" action="/search" method="get">
<label>Words <input type="search" name="q" value="{}"></label>
<label>From <input name="from" value="{}" placeholder="YYYY-MM-DD" size="10"></label>
<label>To <input name="to" value="{}" placeholder="YYYY-MM-DD" size="10"></label>
<button type="submit">Search</button></form><p class="hint">{} documents{}</p><ol class="hits">"#,
        esc(&qtext),
        esc(&from),
        esc(&to),
        page.total,
        if qtext.is_empty() {
            String::new()
        } else {
            format!(" match “{}”", esc(&qtext))
        }
    );
    for h in &page.items {
        let snippet = esc(&h.snippet)
            .replace('«', "<mark>")
            .replace('»', "</mark>");
        let _ = write!(
            b,
            r#"<li><a class="title" href="/documents/{}">{}</a><div class="meta">{} · {} · {} events · {} facts</div><p>{}</p></li>"#,
            esc(&h.id),
            esc(h.title.as_deref().unwrap_or(&h.id)),
            esc(h.published.as_deref().unwrap_or("undated")),
            esc(h.source.as_deref().unwrap_or("unknown source")),
            h.events,
            h.facts,
            snippet
        );
    }
    b.push_str("</ol>");
    let base = format!(
        "/search?q={}&from={}&to={}",
        url_encode(&qtext),
        url_encode(&from),
        url_encode(&to)
    );
    b.push_str(&pager(&base, page.total, dq.limit, dq.offset));
    layout(&format!("Search {qtext}"), &qtext, &b).into_response()
}

fn url_encode(s: &str) -> String {
    let mut o = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            o.push(b as char);
        } else {
            let _ = write!(o, "%{b:02X}");
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_wrapped_lines_are_joined_but_sentence_ends_kept() {
        let line = "word ".repeat(12);
        let text = format!("{line}\n{line}end.\n{line}\n{line}\n{line}\n{line}\n{line}");
        let mut chars: Vec<char> = text.chars().collect();
        soften_hard_wraps(&mut chars);
        let out: String = chars.iter().collect();
        assert_eq!(out.chars().count(), text.chars().count());
        assert_eq!(out.matches('\n').count(), 1, "{out}");
        assert!(out.contains("end.\n"));
        // Short texts are left alone.
        let mut few: Vec<char> = "a\nb".chars().collect();
        soften_hard_wraps(&mut few);
        assert_eq!(few.iter().collect::<String>(), "a\nb");
    }

    #[test]
    fn overlapping_annotations_are_cut_at_every_boundary() {
        let text = "Seoul & Astana <agreed> ₩5";
        let anns = vec![
            Ann {
                start: 0,
                end: 23,
                class: "ev q1".into(),
                label: "e".into(),
                anchor: Some("event-0".into()),
            },
            Ann {
                start: 0,
                end: 5,
                class: "actor".into(),
                label: "a".into(),
                anchor: None,
            },
            Ann {
                start: 24,
                end: 26,
                class: "qty".into(),
                label: "q".into(),
                anchor: None,
            },
            Ann {
                start: 20,
                end: 99,
                class: "bad".into(),
                label: "out of range".into(),
                anchor: None,
            },
        ];
        let h = highlight(text, &anns);
        assert!(
            h.starts_with(r#"<a class="anchor" id="event-0"></a><span class="hl actor ev q1""#),
            "{h}"
        );
        assert!(h.contains("&amp; Astana &lt;agreed&gt;"));
        assert!(
            h.contains(r#"<span class="hl qty" title="q">₩5</span>"#),
            "{h}"
        );
        assert!(!h.contains("bad"));
    }
}
