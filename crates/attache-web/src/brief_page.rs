//! The brief page `/pairs/{A}-{B}/brief`: the pair's report written by `attache-brief` from
//! the store, every sentence cited, sources linking to the document pages.

use std::sync::Arc;

use attache_brief::{build, render, Options};
use attache_store::Pair;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};

use crate::api::{ApiError, Params};
use crate::pages::{error_page, layout};
use crate::svg::esc;
use crate::AppState;

type Q = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// `?from=YYYY[-MM[-DD]]&to=…` bound the publication dates of the documents used.
pub async fn brief(State(st): State<Arc<AppState>>, Path(raw): Path<String>, q: Q) -> Response {
    let p = match Params::from_query(q, &["from", "to"]) {
        Ok(p) => p,
        Err(e) => return error_page(e),
    };
    let pair = match Pair::parse(&raw) {
        Ok(p) => p,
        Err(m) => return error_page(ApiError::bad("pair", m)),
    };
    if pair.to_string() != raw {
        return Redirect::permanent(&format!("/pairs/{pair}/brief")).into_response();
    }
    let (from, to) = match (p.date("from"), p.date("to")) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(e), _) | (_, Err(e)) => return error_page(e),
    };
    let pair2 = pair.clone();
    let res = st
        .with_store(move |s| {
            Ok(build(
                s,
                &pair2,
                &Options {
                    from,
                    to,
                    ..Default::default()
                },
            )?)
        })
        .await;
    let brief = match res {
        Ok(b) => b,
        Err(e) => return error_page(e),
    };
    let body = format!(
        r#"<nav class="crumbs"><a href="/">Pairs</a> › <a href="/pairs/{p}">{p}</a> › brief</nav><style>{css}</style>{html}"#,
        p = esc(&pair.to_string()),
        css = render::BRIEF_CSS,
        html = render::html_fragment(&brief, render::Links::Dashboard)
    );
    layout(&format!("{pair} brief"), "", &body).into_response()
}
