//! Read queries behind the HTTP API and the dashboard: pairs ranked by activity, a pair's
//! profile, filtered events, facts and documents, one document with its spans.

use attache_model::{Change, Check, Document, Location, Mention};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension, Row};
use serde::Serialize;

use crate::{parse_checks_json, parse_mentions, Pair, Result, Store};

/// Statuses counted in activity series: what happened or is announced, not what was denied
/// or merely imagined.
const ACTIVE_STATUSES: &str = "('occurred','planned')";

/// One page of results.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    pub total: u64,
    pub limit: u32,
    pub offset: u64,
    pub items: Vec<T>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct StoreStats {
    pub schema_version: i64,
    pub documents: u64,
    pub events: u64,
    pub facts: u64,
    pub pairs: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct PairSummary {
    pub pair: String,
    pub a: String,
    pub b: String,
    pub events: u64,
    pub facts: u64,
    pub documents: u64,
    /// Events per QuadClass 1..4 (verbal coop, material coop, verbal conflict, material conflict).
    pub quad: [u64; 4],
    pub goldstein_mean: Option<f64>,
    pub first_month: Option<String>,
    pub last_month: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MonthStat {
    pub month: String,
    /// Events per QuadClass 1..4.
    pub quad: [u64; 4],
    pub goldstein_mean: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct PairProfile {
    pub summary: PairSummary,
    pub months: Vec<MonthStat>,
    pub key_events: Vec<EventRow>,
    pub facts: Vec<FactRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PartyRow {
    pub name: String,
    pub country: Option<String>,
    pub code: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    pub id: i64,
    pub doc_id: String,
    /// Index of the event in its document's `events`.
    pub index: i64,
    pub doc_title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub source: Option<PartyRow>,
    pub target: Option<PartyRow>,
    pub pair: Option<String>,
    pub cameo: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub date: Option<String>,
    pub status: String,
    pub count: u32,
    pub location: Option<Location>,
    pub text: String,
    pub rule: Option<String>,
    pub mentions: Vec<Mention>,
    pub ingested_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FactRow {
    pub id: i64,
    pub doc_id: String,
    pub index: i64,
    pub doc_title: Option<String>,
    pub published: Option<String>,
    pub indicator: String,
    pub subject: Option<String>,
    pub partner: Option<String>,
    pub pair: Option<String>,
    pub period: Option<String>,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
    pub change: Option<Change>,
    pub rank: Option<u32>,
    pub items: Option<Vec<String>>,
    pub text: String,
    pub rule: Option<String>,
    pub mentions: Vec<Mention>,
    pub checks: Vec<Check>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocHit {
    pub id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// A passage around the matches, hits between « and »; the text's opening without a query.
    pub snippet: String,
    pub events: u64,
    pub facts: u64,
    pub cluster_id: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoredDocument {
    /// The coded document exactly as ingested (spans are code-point offsets into `text`).
    pub document: Document,
    pub cluster_id: Option<String>,
    /// Other stored documents with the same text.
    pub duplicates: Vec<String>,
    pub ingested_at: String,
}

#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    pub pair: Option<Pair>,
    /// Inclusive bounds on the event date (prefix comparison: `2025-07` covers the month).
    pub from: Option<String>,
    pub to: Option<String>,
    /// CAMEO root, two digits (`04`).
    pub root: Option<String>,
    pub status: Option<String>,
    pub limit: u32,
    pub offset: u64,
}

#[derive(Debug, Clone, Default)]
pub struct FactQuery {
    pub pair: Option<Pair>,
    pub indicator: Option<String>,
    pub limit: u32,
    pub offset: u64,
}

#[derive(Debug, Clone, Default)]
pub struct DocQuery {
    /// Words to find (all of them; `word*` for a prefix).
    pub q: Option<String>,
    /// Inclusive bounds on the publication date.
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: u32,
    pub offset: u64,
}

/// Turns user words into an FTS5 query that cannot be a syntax error: every word quoted,
/// all required; a trailing `*` keeps its prefix meaning.
pub fn fts_query(q: &str) -> Option<String> {
    let parts: Vec<String> = q
        .split_whitespace()
        .filter_map(|w| {
            let (w, prefix) = match w.strip_suffix('*') {
                Some(s) => (s, true),
                None => (w, false),
            };
            let w: String = w
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '\'' || *c == '.')
                .collect();
            if w.is_empty() {
                return None;
            }
            let quoted = format!("\"{}\"", w.replace('"', "\"\""));
            Some(if prefix { format!("{quoted}*") } else { quoted })
        })
        .collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts.join(" "))
    }
}

const EVENT_COLUMNS: &str = "e.eid, d.id, e.idx, d.title, d.url, d.published,
    e.source_name, e.source_country, e.source_code, e.target_name, e.target_country, e.target_code,
    e.pair, e.cameo, e.root, e.quad_class, e.goldstein, e.plover, e.plover_mode, e.date, e.status,
    e.count, e.location_name, e.location_country, e.text, e.rule,
    (SELECT json_group_array(json_object('sentence', m.sentence, 'span', json_array(m.start, m.end)))
       FROM event_mentions m WHERE m.eid = e.eid),
    d.ingested_at";

fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
    let party = |name: Option<String>, country: Option<String>, code: Option<String>| {
        name.map(|name| PartyRow {
            name,
            country,
            code,
        })
    };
    let mentions: Option<String> = r.get(26)?;
    Ok(EventRow {
        id: r.get(0)?,
        doc_id: r.get(1)?,
        index: r.get(2)?,
        doc_title: r.get(3)?,
        url: r.get(4)?,
        published: r.get(5)?,
        source: party(r.get(6)?, r.get(7)?, r.get(8)?),
        target: party(r.get(9)?, r.get(10)?, r.get(11)?),
        pair: r.get(12)?,
        cameo: r.get(13)?,
        root: r.get(14)?,
        quad_class: r.get::<_, i64>(15)?.clamp(0, 4) as u8,
        goldstein: r.get(16)?,
        plover: r.get(17)?,
        plover_mode: r.get(18)?,
        date: r.get(19)?,
        status: r.get(20)?,
        count: r.get::<_, i64>(21)?.max(0) as u32,
        location: r.get::<_, Option<String>>(22)?.map(|name| Location {
            name,
            country: r.get(23).ok().flatten(),
        }),
        text: r.get(24)?,
        rule: r.get(25)?,
        mentions: mentions.as_deref().map(parse_mentions).unwrap_or_default(),
        ingested_at: r.get(27)?,
    })
}

const FACT_COLUMNS: &str = "f.fid, d.id, f.idx, d.title, d.published, f.indicator, f.subject,
    f.partner, f.pair, f.period, f.value, f.unit, f.qualifier, f.change_from, f.change_to, f.rank,
    f.items, f.text, f.rule, f.mentions,
    (SELECT json_group_array(json_array(c.kind, c.status, c.message, c.facts))
       FROM fact_checks c WHERE c.fid = f.fid)";

fn fact_row(r: &Row<'_>) -> rusqlite::Result<FactRow> {
    let change = match (r.get::<_, Option<f64>>(13)?, r.get::<_, Option<f64>>(14)?) {
        (Some(from), Some(to)) => Some(Change { from, to }),
        _ => None,
    };
    let items: Option<String> = r.get(16)?;
    let mentions: String = r.get(19)?;
    let checks: Option<String> = r.get(20)?;
    let checks = checks
        .and_then(|s| serde_json::from_str::<Vec<(String, String, String, String)>>(&s).ok())
        .unwrap_or_default()
        .into_iter()
        .map(|(k, s, m, f)| parse_checks_json(k, s, m, &f))
        .collect();
    Ok(FactRow {
        id: r.get(0)?,
        doc_id: r.get(1)?,
        index: r.get(2)?,
        doc_title: r.get(3)?,
        published: r.get(4)?,
        indicator: r.get(5)?,
        subject: r.get(6)?,
        partner: r.get(7)?,
        pair: r.get(8)?,
        period: r.get(9)?,
        value: r.get(10)?,
        unit: r.get(11)?,
        qualifier: r.get(12)?,
        change,
        rank: r.get::<_, Option<i64>>(15)?.map(|v| v.max(0) as u32),
        items: items.and_then(|s| serde_json::from_str(&s).ok()),
        text: r.get(17)?,
        rule: r.get(18)?,
        mentions: parse_mentions(&mentions),
        checks,
    })
}

/// Adds inclusive date-prefix bounds on `col` to a WHERE clause.
fn date_bounds(
    col: &str,
    from: &Option<String>,
    to: &Option<String>,
    wh: &mut Vec<String>,
    args: &mut Vec<Value>,
) {
    if let Some(f) = from {
        args.push(Value::Text(f.clone()));
        wh.push(format!("{col} >= ?{}", args.len()));
    }
    if let Some(t) = to {
        args.push(Value::Text(t.clone()));
        let n = args.len();
        wh.push(format!("substr({col}, 1, length(?{n})) <= ?{n}"));
    }
}

impl Store {
    pub fn stats(&self) -> Result<StoreStats> {
        let c = &self.conn;
        let n =
            |sql: &str| -> Result<u64> { Ok(c.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
        Ok(StoreStats {
            schema_version: self.schema_version()?,
            documents: n("SELECT COUNT(*) FROM documents")?,
            events: n("SELECT COUNT(*) FROM events")?,
            facts: n("SELECT COUNT(*) FROM facts")?,
            pairs: n(
                "SELECT COUNT(*) FROM (SELECT pair FROM events WHERE pair IS NOT NULL
                      UNION SELECT pair FROM facts WHERE pair IS NOT NULL)",
            )?,
        })
    }

    /// Country pairs ranked by activity (events + facts), then by name.
    pub fn pairs(&self, limit: u32, offset: u64) -> Result<Page<PairSummary>> {
        let sql = format!(
            "WITH x AS (
               SELECT pair, doc_rid, 1 AS ev, 0 AS fa, goldstein AS g, month, quad_class AS q
                 FROM events WHERE pair IS NOT NULL AND status IN {ACTIVE_STATUSES}
               UNION ALL
               SELECT pair, doc_rid, 0, 1, NULL, NULL, 0 FROM facts WHERE pair IS NOT NULL)
             SELECT pair, SUM(ev), SUM(fa), COUNT(DISTINCT doc_rid), AVG(g), MIN(month), MAX(month),
                    SUM(q = 1), SUM(q = 2), SUM(q = 3), SUM(q = 4), COUNT(*) OVER ()
               FROM x GROUP BY pair ORDER BY SUM(ev) + SUM(fa) DESC, pair LIMIT ?1 OFFSET ?2"
        );
        let mut total = 0u64;
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let items = stmt
            .query_map(params![limit as i64, offset as i64], |r| {
                total = r.get::<_, i64>(11)? as u64;
                summary_row(r)
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if items.is_empty() && offset > 0 {
            total = self.conn.query_row(
                "SELECT COUNT(*) FROM (SELECT pair FROM events WHERE pair IS NOT NULL
                 UNION SELECT pair FROM facts WHERE pair IS NOT NULL)",
                [],
                |r| r.get::<_, i64>(0),
            )? as u64;
        }
        Ok(Page {
            total,
            limit,
            offset,
            items,
        })
    }

    /// Everything the pair page shows; `None` when the pair has no events and no facts.
    pub fn pair_profile(&self, pair: &Pair, key_events: u32) -> Result<Option<PairProfile>> {
        let p = pair.to_string();
        let sql = format!(
            "WITH x AS (
               SELECT pair, doc_rid, 1 AS ev, 0 AS fa, goldstein AS g, month, quad_class AS q
                 FROM events WHERE pair = ?1 AND status IN {ACTIVE_STATUSES}
               UNION ALL
               SELECT pair, doc_rid, 0, 1, NULL, NULL, 0 FROM facts WHERE pair = ?1)
             SELECT pair, SUM(ev), SUM(fa), COUNT(DISTINCT doc_rid), AVG(g), MIN(month), MAX(month),
                    SUM(q = 1), SUM(q = 2), SUM(q = 3), SUM(q = 4)
               FROM x GROUP BY pair"
        );
        let Some(summary) = self
            .conn
            .prepare_cached(&sql)?
            .query_row([&p], summary_row)
            .optional()?
        else {
            return Ok(None);
        };

        let mut months: Vec<MonthStat> = Vec::new();
        let sql = format!(
            "SELECT month, quad_class, COUNT(*), SUM(goldstein) FROM events
              WHERE pair = ?1 AND month IS NOT NULL AND status IN {ACTIVE_STATUSES}
              GROUP BY month, quad_class ORDER BY month"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([&p])?;
        let mut sums: Vec<f64> = Vec::new();
        while let Some(r) = rows.next()? {
            let month: String = r.get(0)?;
            let q: i64 = r.get(1)?;
            let n: i64 = r.get(2)?;
            let g: f64 = r.get(3)?;
            if months.last().map(|m| m.month != month).unwrap_or(true) {
                months.push(MonthStat {
                    month,
                    quad: [0; 4],
                    goldstein_mean: 0.0,
                });
                sums.push(0.0);
            }
            let last = months.len() - 1;
            if (1..=4).contains(&q) {
                months[last].quad[(q - 1) as usize] += n as u64;
            }
            sums[last] += g;
        }
        for (m, s) in months.iter_mut().zip(&sums) {
            let n: u64 = m.quad.iter().sum();
            m.goldstein_mean = if n > 0 { s / n as f64 } else { 0.0 };
        }

        // Key events: the strongest (|Goldstein|), then the most mentioned, then the latest;
        // shown in date order.
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.rid = e.doc_rid
              WHERE e.pair = ?1 AND e.status IN {ACTIVE_STATUSES}
              ORDER BY ABS(e.goldstein) DESC,
                       (SELECT COUNT(*) FROM event_mentions m WHERE m.eid = e.eid) DESC,
                       COALESCE(e.date, e.month) DESC, e.eid
              LIMIT ?2"
        );
        let mut key: Vec<EventRow> = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params![p, key_events as i64 * 4], event_row)?
            .collect::<rusqlite::Result<_>>()?;
        // Wire copies repeat the same sentence: keep one event per (text, code).
        let mut seen = std::collections::HashSet::new();
        key.retain(|e| seen.insert((e.text.clone(), e.cameo.clone())));
        key.truncate(key_events as usize);
        key.sort_by(|a, b| {
            let da = a.date.as_deref().or(a.published.as_deref()).unwrap_or("");
            let db = b.date.as_deref().or(b.published.as_deref()).unwrap_or("");
            da.cmp(db).then(a.id.cmp(&b.id))
        });

        let facts = self
            .facts(&FactQuery {
                pair: Some(pair.clone()),
                indicator: None,
                limit: 500,
                offset: 0,
            })?
            .items;
        Ok(Some(PairProfile {
            summary,
            months,
            key_events: key,
            facts,
        }))
    }

    pub fn events(&self, q: &EventQuery) -> Result<Page<EventRow>> {
        let mut wh: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        if let Some(p) = &q.pair {
            args.push(Value::Text(p.to_string()));
            wh.push(format!("e.pair = ?{}", args.len()));
        }
        date_bounds(
            "COALESCE(e.date, e.month)",
            &q.from,
            &q.to,
            &mut wh,
            &mut args,
        );
        if let Some(r) = &q.root {
            args.push(Value::Text(r.clone()));
            wh.push(format!("e.root = ?{}", args.len()));
        }
        if let Some(s) = &q.status {
            args.push(Value::Text(s.clone()));
            wh.push(format!("e.status = ?{}", args.len()));
        }
        let where_sql = where_clause(&wh);
        let total: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM events e {where_sql}"),
            params_from_iter(args.iter()),
            |r| r.get(0),
        )?;
        let n = args.len();
        args.push(Value::Integer(q.limit as i64));
        args.push(Value::Integer(q.offset as i64));
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.rid = e.doc_rid {where_sql}
              ORDER BY COALESCE(e.date, e.month, d.published) DESC, e.eid
              LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        let items = self
            .conn
            .prepare(&sql)?
            .query_map(params_from_iter(args.iter()), event_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Page {
            total: total as u64,
            limit: q.limit,
            offset: q.offset,
            items,
        })
    }

    /// Calls `f` for every event (of a pair, if given) in id order; for exports.
    pub fn for_each_event(
        &self,
        pair: Option<&Pair>,
        mut f: impl FnMut(&EventRow) -> Result<()>,
    ) -> Result<u64> {
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.rid = e.doc_rid
              WHERE (?1 IS NULL OR e.pair = ?1) ORDER BY e.eid"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([pair.map(|p| p.to_string())])?;
        let mut n = 0u64;
        while let Some(r) = rows.next()? {
            f(&event_row(r)?)?;
            n += 1;
        }
        Ok(n)
    }

    pub fn facts(&self, q: &FactQuery) -> Result<Page<FactRow>> {
        let mut wh: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        if let Some(p) = &q.pair {
            args.push(Value::Text(p.to_string()));
            wh.push(format!("f.pair = ?{}", args.len()));
        }
        if let Some(i) = &q.indicator {
            args.push(Value::Text(i.clone()));
            let n = args.len();
            // `trade` selects trade.total, trade.exports, ...
            wh.push(format!(
                "(f.indicator = ?{n} OR f.indicator LIKE ?{n} || '.%')"
            ));
        }
        let where_sql = where_clause(&wh);
        let total: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM facts f {where_sql}"),
            params_from_iter(args.iter()),
            |r| r.get(0),
        )?;
        let n = args.len();
        args.push(Value::Integer(q.limit as i64));
        args.push(Value::Integer(q.offset as i64));
        let sql = format!(
            "SELECT {FACT_COLUMNS} FROM facts f JOIN documents d ON d.rid = f.doc_rid {where_sql}
              ORDER BY COALESCE(f.period, d.published), f.indicator, f.fid
              LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        let items = self
            .conn
            .prepare(&sql)?
            .query_map(params_from_iter(args.iter()), fact_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Page {
            total: total as u64,
            limit: q.limit,
            offset: q.offset,
            items,
        })
    }

    pub fn documents(&self, q: &DocQuery) -> Result<Page<DocHit>> {
        let mut wh: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        let fts = q.q.as_deref().and_then(fts_query);
        if let Some(m) = &fts {
            args.push(Value::Text(m.clone()));
            wh.push(format!("documents_fts MATCH ?{}", args.len()));
        }
        date_bounds("d.published", &q.from, &q.to, &mut wh, &mut args);
        let where_sql = where_clause(&wh);
        let (from_sql, snippet, order) = if fts.is_some() {
            (
                "documents_fts JOIN documents d ON d.rid = documents_fts.rowid",
                "snippet(documents_fts, 1, '«', '»', '…', 24)",
                "bm25(documents_fts), d.published DESC",
            )
        } else {
            (
                "documents d",
                "substr(d.text, 1, 240)",
                "d.published DESC, d.rid",
            )
        };
        let total: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM {from_sql} {where_sql}"),
            params_from_iter(args.iter()),
            |r| r.get(0),
        )?;
        let n = args.len();
        args.push(Value::Integer(q.limit as i64));
        args.push(Value::Integer(q.offset as i64));
        let sql = format!(
            "SELECT d.id, d.title, d.source, d.url, d.published, {snippet}, d.n_events, d.n_facts,
                    d.cluster_id
               FROM {from_sql} {where_sql} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        let items = self
            .conn
            .prepare(&sql)?
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(DocHit {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    source: r.get(2)?,
                    url: r.get(3)?,
                    published: r.get(4)?,
                    snippet: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                    events: r.get::<_, i64>(6)? as u64,
                    facts: r.get::<_, i64>(7)? as u64,
                    cluster_id: r.get(8)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Page {
            total: total as u64,
            limit: q.limit,
            offset: q.offset,
            items,
        })
    }

    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>> {
        let row: Option<(String, Option<String>, String, String)> = self
            .conn
            .prepare_cached(
                "SELECT coded_json, cluster_id, ingested_at, text FROM documents WHERE id = ?1",
            )?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        let Some((json, cluster_id, ingested_at, text)) = row else {
            return Ok(None);
        };
        // The text lives in its own column; put it back into the contract shape.
        let mut value: serde_json::Value = serde_json::from_str(&json)?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("text".into(), serde_json::Value::String(text));
        }
        let document: Document = serde_json::from_value(value)?;
        let duplicates = match &cluster_id {
            Some(c) => self
                .conn
                .prepare_cached("SELECT id FROM documents WHERE cluster_id = ?1 AND id != ?2 ORDER BY rid LIMIT 100")?
                .query_map(params![c, id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?,
            None => vec![],
        };
        Ok(Some(StoredDocument {
            document,
            cluster_id,
            duplicates,
            ingested_at,
        }))
    }
}

fn summary_row(r: &Row<'_>) -> rusqlite::Result<PairSummary> {
    let pair: String = r.get(0)?;
    let (a, b) = pair
        .split_once('-')
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .unwrap_or_default();
    let n =
        |i: usize| -> rusqlite::Result<u64> { Ok(r.get::<_, Option<i64>>(i)?.unwrap_or(0) as u64) };
    Ok(PairSummary {
        a,
        b,
        events: n(1)?,
        facts: n(2)?,
        documents: n(3)?,
        goldstein_mean: r.get(4)?,
        first_month: r.get(5)?,
        last_month: r.get(6)?,
        quad: [n(7)?, n(8)?, n(9)?, n(10)?],
        pair,
    })
}

/// `WHERE a AND b ...` for the filters given, or nothing.
fn where_clause(conditions: &[String]) -> String {
    if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    }
}
