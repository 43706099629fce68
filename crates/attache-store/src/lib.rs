//! The attache store: coded documents in SQLite (schema, migrations, idempotent batched
//! ingest, the queries behind the HTTP API, and exports).
//!
//! Every document keeps its full coded JSON (the contract shape); the relational tables are
//! projections of it for querying. A batch is one transaction, so a killed ingest leaves the
//! database at the last committed batch and a rerun skips what is already stored.

use std::path::{Path, PathBuf};

use attache_model::{Check, Document, Mention};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};
use serde::Serialize;

pub mod export;
#[cfg(feature = "parquet")]
mod parquet_export;
mod queries;
pub mod sample;

pub use queries::*;

/// Numbered migrations, applied in order; `PRAGMA user_version` records the last applied.
const MIGRATIONS: &[(i64, &str)] = &[(1, include_str!("../migrations/0001_init.sql"))];

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: i64 = 1;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "database {path} has schema version {found}, newer than this build supports ({supported})"
    )]
    SchemaTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "database {path} is not initialised (schema version {found}); run `attache ingest` first"
    )]
    NotInitialised { path: PathBuf, found: i64 },
    #[error("migration {version} failed: {source}")]
    Migration {
        version: i64,
        source: rusqlite::Error,
    },
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Other(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What one `ingest_batch` did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BatchStats {
    /// New documents stored.
    pub inserted: usize,
    /// Documents whose id was stored with different coded content: replaced.
    pub updated: usize,
    /// Documents already stored with the same coded content: left as they were.
    pub skipped: usize,
    pub events: usize,
    pub facts: usize,
}

impl BatchStats {
    pub fn add(&mut self, o: &BatchStats) {
        self.inserted += o.inserted;
        self.updated += o.updated;
        self.skipped += o.skipped;
        self.events += o.events;
        self.facts += o.facts;
    }
}

/// An unordered pair of country (or organization) codes, stored sorted: `KAZ-KOR`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pair {
    pub a: String,
    pub b: String,
}

impl Pair {
    /// The dyad of two actors' countries; `None` unless both are known and different.
    pub fn from_countries(x: Option<&str>, y: Option<&str>) -> Option<Pair> {
        let (x, y) = (x?.trim(), y?.trim());
        if x.is_empty() || y.is_empty() || x == y {
            return None;
        }
        let (a, b) = if x <= y { (x, y) } else { (y, x) };
        Some(Pair {
            a: a.to_string(),
            b: b.to_string(),
        })
    }

    /// Parses `A-B` in either order and any case; codes are 3 to 12 letters or digits.
    pub fn parse(s: &str) -> std::result::Result<Pair, String> {
        let (x, y) = s
            .split_once('-')
            .ok_or_else(|| format!("pair {s:?} must be two codes joined by '-', e.g. KAZ-KOR"))?;
        let norm = |c: &str| -> std::result::Result<String, String> {
            let c = c.trim().to_ascii_uppercase();
            if (3..=12).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_alphanumeric()) {
                Ok(c)
            } else {
                Err(format!(
                    "pair {s:?}: {c:?} is not a country code (3-12 letters, e.g. KOR or IGOUNO)"
                ))
            }
        };
        let (x, y) = (norm(x)?, norm(y)?);
        if x == y {
            return Err(format!("pair {s:?} names the same country twice"));
        }
        Ok(Pair::from_countries(Some(&x), Some(&y)).expect("two distinct non-empty codes"))
    }
}

impl std::fmt::Display for Pair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.a, self.b)
    }
}

/// FNV-1a, 64 bits, as 16 hex digits: stable across Rust versions (unlike `DefaultHasher`)
/// and good enough to tell whether a stored document changed.
pub fn fnv64(data: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// `YYYY-MM` of a TIMEX-style date when it has a month; else `None`.
pub fn month_of(date: &str) -> Option<String> {
    let b = date.as_bytes();
    if b.len() >= 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
    {
        Some(date[..7].to_string())
    } else {
        None
    }
}

/// The store: one SQLite connection.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) a database for writing, in WAL mode, and migrates it.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open(&path).map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        // WAL: readers (the server) never block the writer; NORMAL sync is durable against
        // a killed process (only an OS crash can lose the last commits, never corrupt).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        let mut store = Store { conn, path };
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing database read-only (what the server uses).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let store = Store { conn, path };
        let found = store.schema_version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                path: store.path,
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            return Err(StoreError::NotInitialised {
                path: store.path,
                found,
            });
        }
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The raw connection, for ad-hoc reads (tests, exports).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn migrate(&mut self) -> Result<()> {
        let found = self.schema_version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                path: self.path.clone(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        for &(version, sql) in MIGRATIONS {
            if version <= found {
                continue;
            }
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)
                .and_then(|_| tx.pragma_update(None, "user_version", version))
                .map_err(|source| StoreError::Migration { version, source })?;
            tx.commit()?;
        }
        Ok(())
    }

    /// `PRAGMA integrity_check`: `"ok"` when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows.join("; "))
    }

    /// Whether a document with this id is stored (used to skip coding on resume).
    pub fn contains(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?
            .exists([id])?)
    }

    /// Stores a batch of coded documents in one transaction. A document already stored with
    /// the same id and the same coded content is skipped; with different content, replaced.
    pub fn ingest_batch(&mut self, docs: &[Document]) -> Result<BatchStats> {
        let tx = self.conn.transaction()?;
        let mut stats = BatchStats::default();
        for doc in docs {
            ingest_one(&tx, doc, &mut stats)?;
        }
        tx.commit()?;
        Ok(stats)
    }

    /// Checkpoints the WAL into the main file (call at the end of a long ingest).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

fn ingest_one(tx: &Transaction<'_>, doc: &Document, stats: &mut BatchStats) -> Result<()> {
    // The coded JSON is stored without `text` (it is in its own column): a third less space.
    let mut value = serde_json::to_value(doc)?;
    if let Some(obj) = value.as_object_mut() {
        obj.remove("text");
    }
    let coded_json = serde_json::to_string(&value)?;
    let coded_hash = fnv64(format!("{coded_json}\u{0}{}", doc.text).as_bytes());
    let content_hash = fnv64(doc.text.as_bytes());

    let existing: Option<(i64, String, Option<String>, String)> = tx
        .prepare_cached("SELECT rid, coded_hash, title, text FROM documents WHERE id = ?1")?
        .query_row([&doc.id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    if let Some((rid, hash, old_title, old_text)) = existing {
        if hash == coded_hash {
            stats.skipped += 1;
            return Ok(());
        }
        // External-content FTS needs the old values to remove its entries.
        tx.prepare_cached(
            "INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES('delete', ?1, ?2, ?3)",
        )?
        .execute(params![rid, old_title, old_text])?;
        tx.prepare_cached("DELETE FROM documents WHERE rid = ?1")?
            .execute([rid])?;
        stats.updated += 1;
    } else {
        stats.inserted += 1;
    }

    // Exact duplicates (same clean text) share the cluster of the first one stored.
    let cluster: Option<String> = if doc.text.trim().is_empty() {
        None
    } else {
        tx.prepare_cached(
            "SELECT cluster_id FROM documents WHERE content_hash = ?1 AND text = ?2 ORDER BY rid LIMIT 1",
        )?
        .query_row(params![content_hash, doc.text], |r| r.get(0))
        .optional()?
        .flatten()
    };
    let cluster = cluster.unwrap_or_else(|| doc.id.clone());

    let basis = doc
        .published_basis
        .and_then(|b| serde_json::to_value(b).ok())
        .and_then(|v| v.as_str().map(str::to_string));
    tx.prepare_cached(
        "INSERT INTO documents (id, content_hash, coded_hash, title, url, source, published,
            published_basis, dateline_place, dateline_country, language, text, cluster_id,
            n_events, n_facts, coded_json)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)",
    )?
    .execute(params![
        doc.id,
        content_hash,
        coded_hash,
        doc.title,
        doc.url,
        doc.source,
        doc.published,
        basis,
        doc.dateline.as_ref().and_then(|d| d.place.clone()),
        doc.dateline.as_ref().and_then(|d| d.country.clone()),
        doc.language,
        doc.text,
        cluster,
        doc.events.len() as i64,
        doc.facts.len() as i64,
        coded_json,
    ])?;
    let rid = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO documents_fts(rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![rid, doc.title, doc.text])?;

    {
        let mut st = tx.prepare_cached(
            "INSERT INTO actors (doc_rid, idx, name, country, code, kind, role, mentions)
             VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
        )?;
        for (i, a) in doc.actors.iter().enumerate() {
            let kind = serde_json::to_value(a.kind)?;
            st.execute(params![
                rid,
                i as i64,
                a.name,
                a.country,
                a.code,
                kind.as_str().unwrap_or("group"),
                a.role,
                serde_json::to_string(&a.mentions)?,
            ])?;
        }
    }

    let published_month = doc.published.as_deref().and_then(month_of);
    {
        let mut ev = tx.prepare_cached(
            "INSERT INTO events (doc_rid, idx, source_name, source_country, source_code,
                target_name, target_country, target_code, pair, cameo, root, quad_class,
                goldstein, plover, plover_mode, date, month, status, count, location_name,
                location_country, text, rule)
             VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23)",
        )?;
        let mut em = tx.prepare_cached(
            "INSERT INTO event_mentions (eid, sentence, start, end) VALUES (?1,?2,?3,?4)",
        )?;
        for (i, e) in doc.events.iter().enumerate() {
            let sc = e.source.as_ref().and_then(|p| p.country.as_deref());
            let tc = e.target.as_ref().and_then(|p| p.country.as_deref());
            let pair = Pair::from_countries(sc, tc).map(|p| p.to_string());
            // Undated events fall back to the publication month; year-only or range dates
            // have no month and stay out of monthly series.
            let month = match e.date.as_deref() {
                Some(d) => month_of(d),
                None => published_month.clone(),
            };
            let status = serde_json::to_value(e.status)?;
            ev.execute(params![
                rid,
                i as i64,
                e.source.as_ref().map(|p| &p.name),
                sc,
                e.source.as_ref().and_then(|p| p.code.as_deref()),
                e.target.as_ref().map(|p| &p.name),
                tc,
                e.target.as_ref().and_then(|p| p.code.as_deref()),
                pair,
                e.cameo,
                e.cameo.get(..2).unwrap_or(&e.cameo),
                e.quad_class as i64,
                e.goldstein,
                e.plover,
                e.plover_mode,
                e.date,
                month,
                status.as_str().unwrap_or("occurred"),
                e.count as i64,
                e.location.as_ref().map(|l| &l.name),
                e.location.as_ref().and_then(|l| l.country.as_deref()),
                e.text,
                e.rule,
            ])?;
            let eid = tx.last_insert_rowid();
            for m in &e.mentions {
                em.execute(params![
                    eid,
                    m.sentence as i64,
                    m.span[0] as i64,
                    m.span[1] as i64
                ])?;
            }
            stats.events += 1;
        }
    }

    {
        let mut fa = tx.prepare_cached(
            "INSERT INTO facts (doc_rid, idx, indicator, subject, partner, pair, period, value,
                unit, qualifier, change_from, change_to, rank, items, text, rule, mentions)
             VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)",
        )?;
        let mut fc = tx.prepare_cached(
            "INSERT INTO fact_checks (fid, kind, status, message, facts) VALUES (?1,?2,?3,?4,?5)",
        )?;
        for (i, f) in doc.facts.iter().enumerate() {
            let pair = Pair::from_countries(f.subject.as_deref(), f.partner.as_deref())
                .map(|p| p.to_string());
            let items = match &f.items {
                Some(v) => Some(serde_json::to_string(v)?),
                None => None,
            };
            fa.execute(params![
                rid,
                i as i64,
                f.indicator,
                f.subject,
                f.partner,
                pair,
                f.period,
                f.value.filter(|v| v.is_finite()),
                f.unit,
                f.qualifier,
                f.change.as_ref().map(|c| c.from),
                f.change.as_ref().map(|c| c.to),
                f.rank.map(|r| r as i64),
                items,
                f.text,
                f.rule,
                serde_json::to_string(&f.mentions)?,
            ])?;
            let fid = tx.last_insert_rowid();
            for c in &f.checks {
                fc.execute(params![
                    fid,
                    c.kind,
                    c.status,
                    c.message,
                    serde_json::to_string(&c.facts)?
                ])?;
            }
            stats.facts += 1;
        }
    }

    {
        let mut st = tx.prepare_cached(
            "INSERT INTO times (doc_rid, idx, text, type, value, start, end) VALUES (?1,?2,?3,?4,?5,?6,?7)",
        )?;
        for (i, t) in doc.times.iter().enumerate() {
            st.execute(params![
                rid,
                i as i64,
                t.text,
                t.kind,
                t.value,
                t.span[0] as i64,
                t.span[1] as i64
            ])?;
        }
        let mut sq = tx.prepare_cached(
            "INSERT INTO quantities (doc_rid, idx, text, kind, value, unit, qualifier, start, end)
             VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
        )?;
        for (i, q) in doc.quantities.iter().enumerate() {
            sq.execute(params![
                rid,
                i as i64,
                q.text,
                q.kind,
                if q.value.is_finite() { q.value } else { 0.0 },
                q.unit,
                q.qualifier,
                q.span[0] as i64,
                q.span[1] as i64
            ])?;
        }
    }
    Ok(())
}

/// Parses the JSON list columns back into model types (shared by queries).
pub(crate) fn parse_mentions(s: &str) -> Vec<Mention> {
    serde_json::from_str(s).unwrap_or_default()
}

pub(crate) fn parse_checks_json(
    kind: String,
    status: String,
    message: String,
    facts: &str,
) -> Check {
    Check {
        kind,
        status,
        message,
        facts: serde_json::from_str(facts).unwrap_or_default(),
    }
}

/// Stores a stream of coded documents in batches of `batch_size`, one transaction each;
/// `on_batch` sees the running totals after every commit (for progress display). Documents
/// already stored unchanged are skipped, so a rerun after an interruption resumes.
pub fn ingest_all(
    store: &mut Store,
    docs: impl IntoIterator<Item = Document>,
    batch_size: usize,
    mut on_batch: impl FnMut(&BatchStats),
) -> Result<BatchStats> {
    let batch_size = batch_size.max(1);
    let mut total = BatchStats::default();
    let mut batch: Vec<Document> = Vec::with_capacity(batch_size);
    for d in docs {
        batch.push(d);
        if batch.len() >= batch_size {
            total.add(&store.ingest_batch(&batch)?);
            batch.clear();
            on_batch(&total);
        }
    }
    if !batch.is_empty() {
        total.add(&store.ingest_batch(&batch)?);
        on_batch(&total);
    }
    Ok(total)
}
