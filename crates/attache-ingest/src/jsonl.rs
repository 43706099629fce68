//! JSON Lines: one contract input document per line, read line by line with a size cap, each
//! bad line turned into an [`Input::Invalid`] that keeps its line number.

use std::io::BufRead;

use attache_model::{InputDocument, PublishedBasis};

use crate::{Article, Format, Input};

/// One line read with [`read_line_capped`].
pub struct Line {
    pub bytes: Vec<u8>,
    /// Bytes dropped beyond the cap (0 when the line fit).
    pub dropped: u64,
}

/// Reads one `\n`-terminated line, keeping at most `cap` bytes and skipping the rest of a longer
/// line, so a single huge line never has to fit in memory. `Ok(None)` at end of input.
pub fn read_line_capped<R: BufRead + ?Sized>(
    r: &mut R,
    cap: usize,
) -> std::io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let mut dropped = 0u64;
    let mut any = false;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, found, used) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], true, i + 1),
            None => (buf, false, buf.len()),
        };
        let room = cap.saturating_sub(bytes.len());
        if chunk.len() <= room {
            bytes.extend_from_slice(chunk);
        } else {
            bytes.extend_from_slice(&chunk[..room]);
            dropped += (chunk.len() - room) as u64;
        }
        r.consume(used);
        if found {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    Ok(Some(Line { bytes, dropped }))
}

/// Cuts `s` to at most `cap` bytes on a character boundary.
pub fn truncate_to(s: &mut String, cap: usize) {
    if s.len() > cap {
        let mut end = cap;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
}

/// Turns line `lineno` (1-based) of `name` into an input; `None` for a blank line.
pub fn parse_line(name: &str, lineno: u64, line: Line) -> Option<Input> {
    let label = format!("{name}:{lineno}");
    if line.bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return None;
    }
    if line.dropped > 0 {
        return Some(Input::Invalid {
            id: label.clone(),
            warning: format!(
                "line {lineno} of {name} is longer than the {} byte cap ({} bytes dropped); not parsed",
                line.bytes.len(),
                line.dropped
            ),
        });
    }
    let mut warnings = Vec::new();
    let text = match String::from_utf8(line.bytes) {
        Ok(s) => s,
        Err(e) => {
            warnings.push(format!(
                "line {lineno} of {name} is not valid UTF-8; invalid bytes replaced"
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let text = text.trim_start_matches('\u{feff}');
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Some(Input::Invalid {
                id: label,
                warning: format!("line {lineno} of {name} is not valid JSON: {e}"),
            })
        }
    };
    let Some(obj) = value.as_object() else {
        return Some(Input::Invalid {
            id: label,
            warning: format!("line {lineno} of {name} is JSON but not an object"),
        });
    };
    // Keep the given id even when the line is unusable, so the output can be matched back.
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => label.clone(),
    };
    let str_field = |k: &str| obj.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let Some(body) = str_field("text") else {
        let why = if obj.contains_key("text") {
            "has a `text` that is not a string"
        } else {
            "has no `text` field"
        };
        return Some(Input::Invalid {
            id,
            warning: format!("line {lineno} of {name} {why}"),
        });
    };
    let published = str_field("published").or_else(|| str_field("date"));
    let doc = InputDocument {
        id: Some(id),
        text: Some(body),
        published: published.clone(),
        title: str_field("title"),
        url: str_field("url"),
        source: str_field("source"),
    };
    Some(Input::Document(Box::new(Article {
        doc,
        origin: label,
        format: Some(Format::Jsonl),
        published_basis: published.map(|_| PublishedBasis::Metadata),
        language: str_field("language"),
        warnings,
        ..Article::default()
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_reader_skips_the_tail_of_long_lines() {
        let data = format!("short\n{}\nlast", "x".repeat(100));
        let mut r = std::io::BufReader::with_capacity(16, data.as_bytes());
        let a = read_line_capped(&mut r, 10).unwrap().unwrap();
        assert_eq!(a.bytes, b"short");
        let b = read_line_capped(&mut r, 10).unwrap().unwrap();
        assert_eq!(b.bytes.len(), 10);
        assert_eq!(b.dropped, 90);
        let c = read_line_capped(&mut r, 10).unwrap().unwrap();
        assert_eq!(c.bytes, b"last");
        assert!(read_line_capped(&mut r, 10).unwrap().is_none());
    }

    #[test]
    fn bad_lines_keep_their_number_and_id() {
        let line = |s: &str| Line {
            bytes: s.as_bytes().to_vec(),
            dropped: 0,
        };
        match parse_line("f.jsonl", 17, line("{\"id\": \"a\", \"txt\": 1}")).unwrap() {
            Input::Invalid { id, warning } => {
                assert_eq!(id, "a");
                assert!(warning.contains("line 17 of f.jsonl"), "{warning}");
                assert!(warning.contains("no `text`"), "{warning}");
            }
            other => panic!("{other:?}"),
        }
        match parse_line("f.jsonl", 3, line("{not json")).unwrap() {
            Input::Invalid { id, warning } => {
                assert_eq!(id, "f.jsonl:3");
                assert!(warning.contains("not valid JSON"));
            }
            other => panic!("{other:?}"),
        }
        assert!(parse_line("f.jsonl", 4, line("   ")).is_none());
    }
}
