-- 0001: the first schema of the attache store.
-- Documents keep their full coded JSON (the contract shape) so nothing is lost; the other
-- tables are projections of it for querying. Child rows are keyed by document rowid and
-- deleted with it.

CREATE TABLE documents (
    rid             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    content_hash    TEXT NOT NULL,   -- hash of the clean text: exact-duplicate clusters
    coded_hash      TEXT NOT NULL,   -- hash of the coded JSON and text: re-ingest detection
    title           TEXT,
    url             TEXT,
    source          TEXT,
    published       TEXT,
    published_basis TEXT,
    dateline_place  TEXT,
    dateline_country TEXT,
    language        TEXT,
    text            TEXT NOT NULL,
    cluster_id      TEXT,            -- id of the first stored document with the same text
    n_events        INTEGER NOT NULL DEFAULT 0,
    n_facts         INTEGER NOT NULL DEFAULT 0,
    coded_json      TEXT NOT NULL,   -- the coded document as JSON, without `text` (above)
    ingested_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_content_hash ON documents(content_hash);

CREATE TABLE actors (
    doc_rid  INTEGER NOT NULL REFERENCES documents(rid) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    name     TEXT NOT NULL,
    country  TEXT,
    code     TEXT,
    kind     TEXT NOT NULL,
    role     TEXT,
    mentions TEXT NOT NULL,          -- JSON [[start,end],...] in code points
    PRIMARY KEY (doc_rid, idx)
);
CREATE INDEX actors_country ON actors(country);

CREATE TABLE events (
    eid             INTEGER PRIMARY KEY,
    doc_rid         INTEGER NOT NULL REFERENCES documents(rid) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    source_name     TEXT,
    source_country  TEXT,
    source_code     TEXT,
    target_name     TEXT,
    target_country  TEXT,
    target_code     TEXT,
    pair            TEXT,            -- unordered dyad 'A-B' (sorted), null unless two countries
    cameo           TEXT NOT NULL,
    root            TEXT NOT NULL,   -- first two digits of the CAMEO code
    quad_class      INTEGER NOT NULL,
    goldstein       REAL NOT NULL,
    plover          TEXT,
    plover_mode     TEXT,
    date            TEXT,
    month           TEXT,            -- YYYY-MM of the event date (or of publication when undated)
    status          TEXT NOT NULL,
    count           INTEGER NOT NULL,
    location_name   TEXT,
    location_country TEXT,
    text            TEXT NOT NULL,
    rule            TEXT,
    UNIQUE (doc_rid, idx)
);
CREATE INDEX events_pair_month ON events(pair, month);
CREATE INDEX events_date ON events(date);

CREATE TABLE event_mentions (
    eid      INTEGER NOT NULL REFERENCES events(eid) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL
);
CREATE INDEX event_mentions_eid ON event_mentions(eid);

CREATE TABLE facts (
    fid         INTEGER PRIMARY KEY,
    doc_rid     INTEGER NOT NULL REFERENCES documents(rid) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    indicator   TEXT NOT NULL,
    subject     TEXT,
    partner     TEXT,
    pair        TEXT,
    period      TEXT,
    value       REAL,
    unit        TEXT,
    qualifier   TEXT,
    change_from REAL,
    change_to   REAL,
    rank        INTEGER,
    items       TEXT,                -- JSON array or null
    text        TEXT NOT NULL,
    rule        TEXT,
    mentions    TEXT NOT NULL,       -- JSON [{sentence, span}]
    UNIQUE (doc_rid, idx)
);
CREATE INDEX facts_pair ON facts(pair, indicator);

CREATE TABLE fact_checks (
    fid     INTEGER NOT NULL REFERENCES facts(fid) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    status  TEXT NOT NULL,
    message TEXT NOT NULL,
    facts   TEXT NOT NULL            -- JSON array of fact indexes in the document
);
CREATE INDEX fact_checks_fid ON fact_checks(fid);

CREATE TABLE times (
    doc_rid INTEGER NOT NULL REFERENCES documents(rid) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    type    TEXT NOT NULL,
    value   TEXT NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    PRIMARY KEY (doc_rid, idx)
);

CREATE TABLE quantities (
    doc_rid   INTEGER NOT NULL REFERENCES documents(rid) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    value     REAL NOT NULL,
    unit      TEXT,
    qualifier TEXT,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    PRIMARY KEY (doc_rid, idx)
);

-- Full-text index over titles and texts; external content (no second copy of the text),
-- kept in step by the ingest code in the same transaction.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content = 'documents', content_rowid = 'rid', tokenize = 'porter unicode61'
);
