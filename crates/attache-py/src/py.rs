//! The PyO3 module `attache._attache`: an `Engine` class whose methods take Python values,
//! release the GIL while coding, and return JSON (the Python package turns it into dicts).

use std::path::PathBuf;
use std::sync::Arc;

use attache_core::{CodeOptions, Engine};
use attache_model::InputDocument;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use crate::{check_published, code_docs, parse_date, to_json, to_json_lines};

/// Loaded tables and automata; build once per process and share (it is thread-safe).
#[pyclass(frozen, name = "Engine", module = "attache._attache")]
struct PyEngine {
    inner: Arc<Engine>,
}

/// `None`, a string, or anything with `isoformat()` (`datetime.date`, `datetime.datetime`,
/// `pandas.Timestamp`) as a string.
fn date_like(v: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<String>> {
    let Some(v) = v else { return Ok(None) };
    if v.is_none() {
        return Ok(None);
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Some(s.to_cow()?.into_owned()));
    }
    if let Ok(iso) = v.call_method0("isoformat") {
        return Ok(Some(iso.extract::<String>()?));
    }
    Err(PyTypeError::new_err(format!(
        "`{what}` must be a string (YYYY-MM-DD), a date or None, not {}",
        v.get_type().name()?
    )))
}

/// `None` or a string; an integer id is written as its digits (as the CLI reads JSON Lines).
fn opt_str(v: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<String>> {
    let Some(v) = v else { return Ok(None) };
    if v.is_none() {
        return Ok(None);
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Some(s.to_cow()?.into_owned()));
    }
    if what == "id" {
        if let Ok(n) = v.extract::<i64>() {
            return Ok(Some(n.to_string()));
        }
    }
    Err(PyTypeError::new_err(format!(
        "`{what}` must be a string or None, not {}",
        v.get_type().name()?
    )))
}

fn options(date: Option<&Bound<'_, PyAny>>) -> PyResult<CodeOptions> {
    let date = match date_like(date, "date")? {
        Some(s) => Some(parse_date(&s).map_err(PyValueError::new_err)?),
        None => None,
    };
    Ok(CodeOptions {
        date,
        ..Default::default()
    })
}

struct Fields<'a, 'py> {
    text: Option<&'a Bound<'py, PyAny>>,
    published: Option<&'a Bound<'py, PyAny>>,
    id: Option<&'a Bound<'py, PyAny>>,
    title: Option<&'a Bound<'py, PyAny>>,
    url: Option<&'a Bound<'py, PyAny>>,
    source: Option<&'a Bound<'py, PyAny>>,
}

/// Builds one input. `strict`: a missing text or an unreadable `published` is a `ValueError`;
/// otherwise they go to the engine, which codes what it can and says why in `warnings`
/// (the CLI's behaviour, wanted for batch jobs where one bad row must not stop the run).
fn input(f: Fields<'_, '_>, strict: bool) -> PyResult<InputDocument> {
    let text = match f.text {
        Some(t) if !t.is_none() => match t.cast::<PyString>() {
            Ok(s) => Some(s.to_cow()?.into_owned()),
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "`text` must be a string, not {}",
                    t.get_type().name()?
                )))
            }
        },
        _ if strict => return Err(PyValueError::new_err("`text` is required")),
        _ => None,
    };
    let published = date_like(f.published, "published")?;
    if strict {
        if let Some(p) = &published {
            check_published(p).map_err(PyValueError::new_err)?;
        }
    }
    Ok(InputDocument {
        id: opt_str(f.id, "id")?,
        text,
        published,
        title: opt_str(f.title, "title")?,
        url: opt_str(f.url, "url")?,
        source: opt_str(f.source, "source")?,
    })
}

/// One item of a batch: a string (the text) or a mapping with the contract's input keys
/// (`text`, `id`, `published` or `date`, `title`, `url`, `source`).
fn item(v: &Bound<'_, PyAny>, strict: bool) -> PyResult<InputDocument> {
    if v.cast::<PyString>().is_ok() {
        return input(
            Fields {
                text: Some(v),
                published: None,
                id: None,
                title: None,
                url: None,
                source: None,
            },
            strict,
        );
    }
    let Ok(d) = v.cast::<PyDict>() else {
        return Err(PyTypeError::new_err(format!(
            "a batch item must be a str or a dict, not {}",
            v.get_type().name()?
        )));
    };
    let text = d.get_item("text")?;
    let published = match d.get_item("published")? {
        Some(p) if !p.is_none() => Some(p),
        _ => d.get_item("date")?,
    };
    let (id, title, url, source) = (
        d.get_item("id")?,
        d.get_item("title")?,
        d.get_item("url")?,
        d.get_item("source")?,
    );
    input(
        Fields {
            text: text.as_ref(),
            published: published.as_ref(),
            id: id.as_ref(),
            title: title.as_ref(),
            url: url.as_ref(),
            source: source.as_ref(),
        },
        strict,
    )
}

fn runtime(e: String) -> PyErr {
    PyRuntimeError::new_err(e)
}

#[pymethods]
impl PyEngine {
    /// Loads the embedded tables plus the users' extra dictionary directories (`--dict`).
    #[new]
    #[pyo3(signature = (dicts = None))]
    fn new(py: Python<'_>, dicts: Option<Vec<PathBuf>>) -> PyResult<Self> {
        let dirs = dicts.unwrap_or_default();
        let loaded = py.detach(|| Engine::load(&dirs));
        match loaded {
            Ok(e) => Ok(PyEngine { inner: Arc::new(e) }),
            Err(e) => Err(PyRuntimeError::new_err(format!(
                "attache: cannot load the tables: {e}"
            ))),
        }
    }

    /// Codes one article; returns the document as JSON.
    #[pyo3(signature = (text, published = None, id = None, title = None, url = None, source = None, date = None))]
    #[allow(clippy::too_many_arguments)]
    fn code_json(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        published: Option<&Bound<'_, PyAny>>,
        id: Option<&Bound<'_, PyAny>>,
        title: Option<&Bound<'_, PyAny>>,
        url: Option<&Bound<'_, PyAny>>,
        source: Option<&Bound<'_, PyAny>>,
        date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let opts = options(date)?;
        let doc = input(
            Fields {
                text: Some(text),
                published,
                id,
                title,
                url,
                source,
            },
            true,
        )?;
        let engine = self.inner.clone();
        py.detach(move || to_json(&engine.code(&doc, &opts)))
            .map_err(runtime)
    }

    /// Codes a list of items (str or dict) on `threads` threads; returns one JSON per item.
    /// Items are numbered from `offset` in error messages (the caller's position in its stream).
    #[pyo3(signature = (items, date = None, strict = true, threads = 1, offset = 0))]
    fn code_json_many(
        &self,
        py: Python<'_>,
        items: &Bound<'_, PyAny>,
        date: Option<&Bound<'_, PyAny>>,
        strict: bool,
        threads: usize,
        offset: usize,
    ) -> PyResult<Vec<String>> {
        let opts = options(date)?;
        let mut docs = Vec::new();
        for (i, v) in items.try_iter()?.enumerate() {
            let v = v?;
            docs.push(item(&v, strict).map_err(|e| {
                let i = i + offset;
                let msg = e.value(py).to_string();
                if e.is_instance_of::<PyTypeError>(py) {
                    PyTypeError::new_err(format!("item {i}: {msg}"))
                } else {
                    PyValueError::new_err(format!("item {i}: {msg}"))
                }
            })?);
        }
        let engine = self.inner.clone();
        py.detach(move || {
            code_docs(&engine, &docs, &opts, threads)
                .iter()
                .map(to_json)
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(runtime)
    }

    /// Codes the columns of a table (the Spark path): never raises on a bad row (the row's
    /// document carries the warning), returns the documents as JSON Lines bytes.
    #[pyo3(signature = (ids, texts, published, date = None, threads = 1, keep_text = true))]
    #[allow(clippy::too_many_arguments)]
    fn code_columns<'py>(
        &self,
        py: Python<'py>,
        ids: Vec<Option<String>>,
        texts: Vec<Option<String>>,
        published: Vec<Option<String>>,
        date: Option<&Bound<'_, PyAny>>,
        threads: usize,
        keep_text: bool,
    ) -> PyResult<Bound<'py, PyBytes>> {
        if ids.len() != texts.len() || texts.len() != published.len() {
            return Err(PyValueError::new_err(format!(
                "columns differ in length: {} ids, {} texts, {} published",
                ids.len(),
                texts.len(),
                published.len()
            )));
        }
        let opts = options(date)?;
        let engine = self.inner.clone();
        let buf = py
            .detach(move || {
                let docs: Vec<InputDocument> = ids
                    .into_iter()
                    .zip(texts)
                    .zip(published)
                    .map(|((id, text), published)| InputDocument {
                        id,
                        text,
                        published,
                        ..Default::default()
                    })
                    .collect();
                let mut coded = code_docs(&engine, &docs, &opts, threads);
                to_json_lines(&mut coded, keep_text)
            })
            .map_err(runtime)?;
        Ok(PyBytes::new(py, &buf))
    }
}

/// The version of the crate (and of the engine it was built with).
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
fn _attache(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyEngine>()?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    Ok(())
}
