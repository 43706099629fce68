//! Shared input handling for the commands that code documents: read every input with
//! `attache-ingest`, turn unreadable lines and skipped documents into output documents with
//! a warning (so no input is dropped silently), and report unreadable files on stderr.

use std::path::PathBuf;

use attache_core::{CodeOptions, Engine};
use attache_ingest::{read_inputs, Input, ReadOptions};
use attache_model::Document;

/// Codes every document of `paths`, calling `emit` for each in input order. Returns the
/// number of inputs that could not be read (reported on stderr).
pub fn code_all(
    engine: &Engine,
    paths: &[PathBuf],
    read: &ReadOptions,
    opts: &CodeOptions,
    mut emit: impl FnMut(Document) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let mut failures = 0;
    for item in read_inputs(paths, read) {
        match item {
            Input::Document(a) => {
                let mut doc = engine.code(&a.doc, opts);
                if a.published_basis.is_some()
                    && a.doc.published.is_some()
                    && doc.published.is_some()
                {
                    doc.published_basis = a.published_basis;
                }
                if a.language.is_some() {
                    doc.language = a.language.clone();
                }
                let mut w = a.warnings.clone();
                w.append(&mut doc.warnings);
                doc.warnings = w;
                emit(doc)?;
            }
            Input::Invalid { id, warning } => emit(Document::empty(id, warning))?,
            Input::Skipped { article, reason } => {
                let id = article
                    .doc
                    .id
                    .clone()
                    .unwrap_or_else(|| article.origin.clone());
                eprintln!("attache: skipped {}: {reason}", article.origin);
                let mut d = Document::empty(id, format!("skipped: {reason}"));
                d.language = article.language.clone();
                emit(d)?;
            }
            Input::Error { source, message } => {
                if message.contains(&source) {
                    eprintln!("attache: {message}");
                } else {
                    eprintln!("attache: {source}: {message}");
                }
                failures += 1;
            }
        }
    }
    Ok(failures)
}

/// Parses `YYYY-MM-DD` for `--date`.
pub fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse::<jiff::civil::Date>()
        .map_err(|e| format!("`{s}` is not a date of the form YYYY-MM-DD: {e}"))
}
