//! JSON API handlers, parameter validation and the one error type mapped to HTTP statuses.

use std::collections::HashMap;
use std::sync::Arc;

use attache_store::{DocQuery, EventQuery, FactQuery, Pair, StoreError};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::AppState;

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 1000;

/// Every failure of the API, with its HTTP status.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{message}")]
    BadRequest { param: String, message: String },
    #[error("{0}")]
    NotFound(String),
    #[error("the database is busy or unavailable: {0}")]
    Unavailable(String),
    #[error("{0}")]
    Internal(String),
}

impl ApiError {
    pub fn bad(param: &str, message: impl Into<String>) -> ApiError {
        ApiError::BadRequest {
            param: param.to_string(),
            message: message.into(),
        }
    }
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
    fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest { .. } => "bad_request",
            ApiError::NotFound(_) => "not_found",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Internal(_) => "internal",
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match &e {
            StoreError::Open { .. } | StoreError::NotInitialised { .. } => {
                ApiError::Unavailable(e.to_string())
            }
            StoreError::Sqlite(rusqlite_err) if rusqlite_err.to_string().contains("locked") => {
                ApiError::Unavailable(e.to_string())
            }
            _ => ApiError::Internal(e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let param = match &self {
            ApiError::BadRequest { param, .. } => Some(param.clone()),
            _ => None,
        };
        let body = json!({"error": {
            "status": self.status().as_u16(),
            "code": self.code(),
            "message": self.to_string(),
            "param": param,
        }});
        (self.status(), Json(body)).into_response()
    }
}

/// Query parameters of one request, checked against the names an endpoint accepts.
pub struct Params(HashMap<String, String>);

impl Params {
    pub fn from_query(
        q: Result<Query<Vec<(String, String)>>, QueryRejection>,
        allowed: &[&str],
    ) -> Result<Params, ApiError> {
        let Query(pairs) =
            q.map_err(|e| ApiError::bad("query", format!("malformed query string: {e}")))?;
        let mut map = HashMap::new();
        for (k, v) in pairs {
            if !allowed.contains(&k.as_str()) {
                return Err(ApiError::bad(
                    &k,
                    format!(
                        "unknown parameter {k:?}; this endpoint accepts: {}",
                        allowed.join(", ")
                    ),
                ));
            }
            if map.insert(k.clone(), v).is_some() {
                return Err(ApiError::bad(&k, format!("parameter {k:?} given twice")));
            }
        }
        Ok(Params(map))
    }

    /// A parameter's value; empty values count as absent (forms send `?q=`).
    pub fn get(&self, k: &str) -> Option<&str> {
        self.0.get(k).map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    pub fn limit(&self) -> Result<u32, ApiError> {
        match self.get("limit") {
            None => Ok(DEFAULT_LIMIT),
            Some(v) => match v.parse::<u32>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
                _ => Err(ApiError::bad(
                    "limit",
                    format!("limit must be a whole number from 1 to {MAX_LIMIT}, got {v:?}"),
                )),
            },
        }
    }

    pub fn offset(&self) -> Result<u64, ApiError> {
        match self.get("offset") {
            None => Ok(0),
            Some(v) => v
                .parse::<u64>()
                .ok()
                .filter(|n| *n <= 10_000_000)
                .ok_or_else(|| {
                    ApiError::bad(
                        "offset",
                        format!("offset must be a whole number >= 0, got {v:?}"),
                    )
                }),
        }
    }

    pub fn pair(&self) -> Result<Option<Pair>, ApiError> {
        self.get("pair")
            .map(|v| Pair::parse(v).map_err(|m| ApiError::bad("pair", m)))
            .transpose()
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn date(&self, k: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.get(k) else {
            return Ok(None);
        };
        if valid_date(v) {
            Ok(Some(v.to_string()))
        } else {
            Err(ApiError::bad(
                k,
                format!("{k} must be a date YYYY, YYYY-MM or YYYY-MM-DD, got {v:?}"),
            ))
        }
    }

    pub fn root(&self) -> Result<Option<String>, ApiError> {
        let Some(v) = self.get("root") else {
            return Ok(None);
        };
        let ok = v.len() == 2 && v.parse::<u8>().is_ok_and(|n| (1..=20).contains(&n));
        if ok {
            Ok(Some(v.to_string()))
        } else {
            Err(ApiError::bad(
                "root",
                format!("root must be a CAMEO root code 01 to 20, got {v:?}"),
            ))
        }
    }

    pub fn status(&self) -> Result<Option<String>, ApiError> {
        let Some(v) = self.get("status") else {
            return Ok(None);
        };
        const OK: [&str; 4] = ["occurred", "planned", "negated", "hypothetical"];
        if OK.contains(&v) {
            Ok(Some(v.to_string()))
        } else {
            Err(ApiError::bad(
                "status",
                format!("status must be one of {}, got {v:?}", OK.join(", ")),
            ))
        }
    }

    pub fn indicator(&self) -> Result<Option<String>, ApiError> {
        let Some(v) = self.get("indicator") else {
            return Ok(None);
        };
        let ok = v.len() <= 64
            && v.bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'.' || b == b'_');
        if ok {
            Ok(Some(v.to_string()))
        } else {
            Err(ApiError::bad(
                "indicator",
                format!(
                    "indicator must look like trade.total (lowercase letters, dots), got {v:?}"
                ),
            ))
        }
    }

    pub fn q(&self) -> Result<Option<String>, ApiError> {
        let Some(v) = self.get("q") else {
            return Ok(None);
        };
        if v.chars().count() > 300 {
            return Err(ApiError::bad("q", "q is longer than 300 characters"));
        }
        Ok(Some(v.to_string()))
    }
}

pub fn valid_date(v: &str) -> bool {
    let parts: Vec<&str> = v.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => {
            digits(y, 4)
                && digits(m, 2)
                && digits(d, 2)
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
        }
        _ => false,
    }
}

type Q = Result<Query<Vec<(String, String)>>, QueryRejection>;
type St = State<Arc<AppState>>;

pub async fn health(State(st): St) -> Result<Json<serde_json::Value>, ApiError> {
    let stats = st.with_store(|s| Ok(s.stats()?)).await?;
    Ok(Json(json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "schema_version": stats.schema_version,
        "documents": stats.documents,
        "events": stats.events,
        "facts": stats.facts,
        "pairs": stats.pairs,
    })))
}

pub async fn pairs(State(st): St, q: Q) -> Result<Response, ApiError> {
    let p = Params::from_query(q, &["limit", "offset"])?;
    let (limit, offset) = (p.limit()?, p.offset()?);
    let page = st.with_store(move |s| Ok(s.pairs(limit, offset)?)).await?;
    Ok(Json(page).into_response())
}

pub fn parse_pair_path(raw: &str) -> Result<Pair, ApiError> {
    Pair::parse(raw).map_err(|m| ApiError::bad("pair", m))
}

pub async fn pair(State(st): St, Path(raw): Path<String>, q: Q) -> Result<Response, ApiError> {
    let p = Params::from_query(q, &["key_events"])?;
    let key = match p.get("key_events") {
        None => 12,
        Some(v) => v
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .ok_or_else(|| {
                ApiError::bad(
                    "key_events",
                    format!("key_events must be 1 to 100, got {v:?}"),
                )
            })?,
    };
    let pair = parse_pair_path(&raw)?;
    let name = pair.to_string();
    let prof = st
        .with_store(move |s| Ok(s.pair_profile(&pair, key)?))
        .await?;
    match prof {
        Some(p) => Ok(Json(p).into_response()),
        None => Err(ApiError::NotFound(format!(
            "no events or facts for pair {name}"
        ))),
    }
}

pub fn event_query(p: &Params) -> Result<EventQuery, ApiError> {
    let q = EventQuery {
        pair: p.pair()?,
        from: p.date("from")?,
        to: p.date("to")?,
        root: p.root()?,
        status: p.status()?,
        limit: p.limit()?,
        offset: p.offset()?,
    };
    if let (Some(f), Some(t)) = (&q.from, &q.to) {
        if f.as_str() > t.as_str() && !t.starts_with(f.as_str()) {
            return Err(ApiError::bad(
                "from",
                format!("from ({f}) is after to ({t})"),
            ));
        }
    }
    Ok(q)
}

pub async fn events(State(st): St, q: Q) -> Result<Response, ApiError> {
    let p = Params::from_query(
        q,
        &["pair", "from", "to", "root", "status", "limit", "offset"],
    )?;
    let eq = event_query(&p)?;
    let page = st.with_store(move |s| Ok(s.events(&eq)?)).await?;
    Ok(Json(page).into_response())
}

pub async fn facts(State(st): St, q: Q) -> Result<Response, ApiError> {
    let p = Params::from_query(q, &["pair", "indicator", "limit", "offset"])?;
    let fq = FactQuery {
        pair: p.pair()?,
        indicator: p.indicator()?,
        limit: p.limit()?,
        offset: p.offset()?,
    };
    let page = st.with_store(move |s| Ok(s.facts(&fq)?)).await?;
    Ok(Json(page).into_response())
}

pub fn doc_query(p: &Params) -> Result<DocQuery, ApiError> {
    Ok(DocQuery {
        q: p.q()?,
        from: p.date("from")?,
        to: p.date("to")?,
        limit: p.limit()?,
        offset: p.offset()?,
    })
}

pub async fn documents(State(st): St, q: Q) -> Result<Response, ApiError> {
    let p = Params::from_query(q, &["q", "from", "to", "limit", "offset"])?;
    let dq = doc_query(&p)?;
    let page = st.with_store(move |s| Ok(s.documents(&dq)?)).await?;
    Ok(Json(page).into_response())
}

pub async fn document(State(st): St, Path(id): Path<String>, q: Q) -> Result<Response, ApiError> {
    Params::from_query(q, &[])?;
    if id.is_empty() || id.len() > 512 {
        return Err(ApiError::bad(
            "id",
            "document id must be 1 to 512 characters",
        ));
    }
    let id2 = id.clone();
    let doc = st.with_store(move |s| Ok(s.document(&id2)?)).await?;
    match doc {
        Some(d) => Ok(Json(d).into_response()),
        None => Err(ApiError::NotFound(format!("no document with id {id:?}"))),
    }
}

pub async fn not_found(Path(rest): Path<String>) -> ApiError {
    ApiError::NotFound(format!(
        "no API endpoint /api/{rest}; see /api/openapi.json"
    ))
}

pub async fn openapi() -> Json<serde_json::Value> {
    Json(openapi_doc())
}

fn param(name: &str, desc: &str, schema: serde_json::Value) -> serde_json::Value {
    json!({"name": name, "in": "query", "required": false, "description": desc, "schema": schema})
}

/// The OpenAPI 3.1 description of this API.
pub fn openapi_doc() -> serde_json::Value {
    let date = json!({"type": "string", "pattern": "^\\d{4}(-\\d{2}(-\\d{2})?)?$"});
    let pair = json!({"type": "string", "pattern": "^[A-Za-z0-9]{3,12}-[A-Za-z0-9]{3,12}$", "example": "KAZ-KOR"});
    let limit = param(
        "limit",
        "page size (default 50)",
        json!({"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}),
    );
    let offset = param(
        "offset",
        "items to skip",
        json!({"type": "integer", "minimum": 0}),
    );
    let err = json!({"description": "invalid parameter", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}});
    let page = |desc: &str| json!({"description": desc, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}});
    json!({
        "openapi": "3.1.0",
        "info": {"title": "attache API", "version": env!("CARGO_PKG_VERSION"),
                 "description": "Read-only access to coded news: country pairs, CAMEO/PLOVER events, facts and documents with character-offset provenance (offsets are Unicode code points)."},
        "paths": {
            "/api/health": {"get": {"summary": "Liveness and store counts", "responses": {"200": {"description": "ok"}}}},
            "/api/pairs": {"get": {"summary": "Country pairs ranked by activity (events + facts)",
                "parameters": [limit, offset], "responses": {"200": page("pairs"), "400": err}}},
            "/api/pairs/{pair}": {"get": {"summary": "A pair's profile: events per month by QuadClass, mean Goldstein per month, key events, facts with checks",
                "parameters": [{"name": "pair", "in": "path", "required": true, "description": "two codes joined by '-', either order", "schema": pair.clone()},
                               param("key_events", "how many key events (default 12)", json!({"type": "integer", "minimum": 1, "maximum": 100}))],
                "responses": {"200": {"description": "profile"}, "400": err, "404": {"description": "no data for the pair"}}}},
            "/api/events": {"get": {"summary": "Events, newest first",
                "parameters": [param("pair", "country pair A-B", pair.clone()), param("from", "earliest event date (inclusive)", date.clone()),
                               param("to", "latest event date (inclusive, prefix)", date.clone()),
                               param("root", "CAMEO root code", json!({"type": "string", "pattern": "^(0[1-9]|1[0-9]|20)$"})),
                               param("status", "event status", json!({"enum": ["occurred", "planned", "negated", "hypothetical"]})),
                               limit, offset],
                "responses": {"200": page("events"), "400": err}}},
            "/api/facts": {"get": {"summary": "Facts (with consistency checks), by period",
                "parameters": [param("pair", "country pair A-B", pair), param("indicator", "indicator or its prefix (trade matches trade.total)", json!({"type": "string"})), limit, offset],
                "responses": {"200": page("facts"), "400": err}}},
            "/api/documents": {"get": {"summary": "Documents by full-text search and publication date",
                "parameters": [param("q", "words, all required; word* for a prefix", json!({"type": "string", "maxLength": 300})),
                               param("from", "earliest publication date", date.clone()), param("to", "latest publication date", date), limit, offset],
                "responses": {"200": page("documents"), "400": err}}},
            "/api/documents/{id}": {"get": {"summary": "One coded document with all its spans",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "the document in the output contract shape, plus cluster_id and duplicates"}, "404": {"description": "unknown id"}}}},
            "/api/openapi.json": {"get": {"summary": "This description", "responses": {"200": {"description": "OpenAPI 3.1"}}}}
        },
        "components": {"schemas": {
            "Page": {"type": "object", "required": ["total", "limit", "offset", "items"],
                     "properties": {"total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"}, "items": {"type": "array"}}},
            "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
                "status": {"type": "integer"}, "code": {"type": "string"}, "message": {"type": "string"}, "param": {"type": ["string", "null"]}}}}}
        }}
    })
}
