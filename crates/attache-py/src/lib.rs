//! Python bindings of the engine: codes articles handed over from Python (one, a batch, or the
//! columns of an Arrow batch from Spark) and returns the contract's documents as JSON.
//!
//! The pure-Rust part (input checks, batch coding on threads, JSON Lines output) is always
//! compiled and tested by `cargo test -p attache-py`; the PyO3 layer is behind the `python`
//! feature, which maturin turns on (see `python/pyproject.toml`), so the workspace's default
//! build never compiles pyo3 nor needs a Python to link against.

use attache_core::{CodeOptions, Engine};
use attache_model::{Document, InputDocument};
use jiff::civil::Date;

#[cfg(feature = "python")]
mod py;

/// The engine is shared by reference between the threads of a batch and between Python
/// threads; this fails to compile if it ever stops being shareable.
const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<Engine>();
};

/// Parses a `YYYY-MM-DD` date (the `date` option, like the CLI's `--date`).
pub fn parse_date(s: &str) -> Result<Date, String> {
    s.trim()
        .parse::<Date>()
        .map_err(|e| format!("`{s}` is not a date of the form YYYY-MM-DD: {e}"))
}

/// Checks a `published` value the way the engine reads it (the first ten characters, so
/// `1987-02-26T15:01:01Z` is fine). The engine itself only warns about a bad value; callers
/// that asked for strict input turn this into an error instead.
pub fn check_published(s: &str) -> Result<(), String> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(());
    }
    let head = t.get(..10).unwrap_or(t);
    head.parse::<Date>()
        .map(|_| ())
        .map_err(|_| format!("`published` value `{s}` is not a YYYY-MM-DD date"))
}

/// Codes `docs` in order, on up to `threads` threads (contiguous chunks, so the output order is
/// the input order). One thread codes in the caller's thread.
pub fn code_docs(
    engine: &Engine,
    docs: &[InputDocument],
    opts: &CodeOptions,
    threads: usize,
) -> Vec<Document> {
    let threads = threads.clamp(1, docs.len().max(1));
    if threads == 1 {
        return docs.iter().map(|d| engine.code(d, opts)).collect();
    }
    let chunk = docs.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|d| engine.code(d, opts))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(docs.len());
        for h in handles {
            match h.join() {
                Ok(mut part) => out.append(&mut part),
                // The pipeline does not panic on text; should it ever, say so in the documents
                // rather than bringing down the Python process.
                Err(_) => out.extend(
                    std::iter::repeat_with(|| {
                        Document::empty(String::new(), "internal error while coding".into())
                    })
                    .take(chunk),
                ),
            }
        }
        out.truncate(docs.len());
        out
    })
}

/// Serializes one document as the contract's JSON.
pub fn to_json(doc: &Document) -> Result<String, String> {
    serde_json::to_string(doc).map_err(|e| format!("serializing document `{}`: {e}", doc.id))
}

/// Serializes documents as JSON Lines; without `keep_text` the (input) text is left empty,
/// which is what the Spark path wants: the article text is already in the input table.
pub fn to_json_lines(docs: &mut [Document], keep_text: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(docs.len() * 2048);
    for d in docs.iter_mut() {
        if !keep_text {
            d.text = String::new();
        }
        serde_json::to_writer(&mut out, d)
            .map_err(|e| format!("serializing document `{}`: {e}", d.id))?;
        out.push(b'\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        Engine::load(&[]).expect("embedded tables load")
    }

    fn doc(id: &str, text: &str, published: Option<&str>) -> InputDocument {
        InputDocument {
            id: Some(id.into()),
            text: Some(text.into()),
            published: published.map(str::to_string),
            ..InputDocument::default()
        }
    }

    #[test]
    fn published_is_checked_like_the_engine_reads_it() {
        assert!(check_published("1987-02-26").is_ok());
        assert!(check_published("1987-02-26T15:01:01Z").is_ok());
        assert!(check_published("  ").is_ok());
        assert!(check_published("26-FEB-1987").is_err());
        assert!(check_published("1987-02-30").is_err());
        assert!(parse_date("2024-13-01").is_err());
        assert_eq!(
            parse_date(" 2024-03-01 ").unwrap().to_string(),
            "2024-03-01"
        );
    }

    #[test]
    fn threads_keep_input_order_and_results() {
        let e = engine();
        let texts = [
            "WASHINGTON, March 3 - U.S. President Ronald Reagan met Japanese Prime Minister Yasuhiro Nakasone on Tuesday.",
            "Iran accused Iraq of attacking its oil platforms in the Gulf.",
            "The weather was mild.",
            "France and Germany signed a trade agreement in Paris.",
            "Soviet troops withdrew from Afghanistan, officials said.",
        ];
        let docs: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| doc(&format!("d{i}"), t, Some("1987-03-03")))
            .collect();
        let opts = CodeOptions::default();
        let one = code_docs(&e, &docs, &opts, 1);
        let three = code_docs(&e, &docs, &opts, 3);
        assert_eq!(one.len(), docs.len());
        assert_eq!(one, three);
        let ids: Vec<_> = three.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["d0", "d1", "d2", "d3", "d4"]);
        assert!(
            one.iter().any(|d| !d.events.is_empty()),
            "some sample sentence codes an event"
        );
        assert!(code_docs(&e, &[], &opts, 4).is_empty());
    }

    #[test]
    fn json_lines_drop_text_unless_kept() {
        let e = engine();
        let docs = [doc(
            "a",
            "Iran accused Iraq of attacking its oil platforms.",
            Some("1987-05-01"),
        )];
        let mut coded = code_docs(&e, &docs, &CodeOptions::default(), 1);
        let kept = to_json_lines(&mut coded.clone(), true).unwrap();
        let dropped = to_json_lines(&mut coded, false).unwrap();
        let kept: serde_json::Value = serde_json::from_slice(kept.trim_ascii_end()).unwrap();
        let dropped: serde_json::Value = serde_json::from_slice(dropped.trim_ascii_end()).unwrap();
        assert!(kept["text"].as_str().unwrap().starts_with("Iran"));
        assert_eq!(dropped["text"], "");
        assert_eq!(kept["events"], dropped["events"]);
        assert_eq!(dropped["published"], "1987-05-01");
    }
}
