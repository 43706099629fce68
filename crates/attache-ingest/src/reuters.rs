//! Reuters-21578 SGML: one document per `<REUTERS>` record, built the way the project's
//! fixtures are (`shared/fixtures/reuters-dev/README.md`): id `reuters-<NEWID>`, text =
//! dateline + " " + body with entities unescaped and the closing `Reuter` removed,
//! published = the day of `<DATE>`.

use attache_model::{InputDocument, PublishedBasis};

use crate::{Article, Format, Input};

/// Accumulates lines into records; fed line by line so a file is never read whole.
#[derive(Default)]
pub struct RecordSplitter {
    buf: String,
    inside: bool,
    start_line: u64,
}

impl RecordSplitter {
    /// Adds one line (without its newline); returns a complete record when one closes.
    pub fn push(&mut self, line: &str, lineno: u64, cap: usize) -> Option<(u64, String)> {
        if !self.inside {
            if let Some(pos) = line.find("<REUTERS") {
                self.inside = true;
                self.start_line = lineno;
                self.buf.clear();
                self.buf.push_str(&line[pos..]);
                self.buf.push('\n');
            }
        } else if self.buf.len() < cap {
            self.buf.push_str(line);
            self.buf.push('\n');
        }
        if self.inside && line.contains("</REUTERS>") {
            self.inside = false;
            return Some((self.start_line, std::mem::take(&mut self.buf)));
        }
        None
    }

    /// A record left open at end of input, if any.
    pub fn finish(&mut self) -> Option<u64> {
        self.inside.then_some(self.start_line)
    }
}

fn attr(open_tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = open_tag.find(&key)? + key.len();
    let end = open_tag[start..].find('"')? + start;
    Some(open_tag[start..end].to_string())
}

fn element<'a>(rec: &'a str, tag: &str) -> Option<&'a str> {
    let close = format!("</{tag}>");
    // The open tag may carry attributes (`<TEXT TYPE="UNPROC">`).
    let start = [format!("<{tag}>"), format!("<{tag} ")]
        .iter()
        .filter_map(|open| rec.find(open.as_str()))
        .min()?;
    let start = start + rec[start..].find('>')? + 1;
    // A missing close tag (seen in a few records) runs to the end of the enclosing TEXT.
    let end = rec[start..]
        .find(&close)
        .or_else(|| rec[start..].find("</TEXT>"))
        .map(|e| e + start)
        .unwrap_or(rec.len());
    Some(&rec[start..end])
}

/// Unescapes the SGML entities of the corpus: `&lt;`, `&gt;`, `&amp;`, `&quot;` and numeric
/// `&#N;` (control characters included, as the fixtures keep them).
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        let semi = tail[..tail.len().min(12)].find(';');
        let replaced = semi.and_then(|semi| {
            let name = &tail[1..semi];
            let ch = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix('#')
                    .and_then(|n| n.parse::<u32>().ok())
                    .and_then(char::from_u32),
            }?;
            Some((ch, semi + 1))
        });
        match replaced {
            Some((ch, len)) => {
                out.push(ch);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Removes the wire's end marker: trailing `\x03`, whitespace and `Reuter` (any case, with
/// trailing dots), and the whitespace before it.
fn strip_end_marker(body: &str) -> &str {
    let s = body.trim_end_matches(|c: char| c == '\u{3}' || c.is_whitespace());
    let s2 = s.trim_end_matches('.');
    let lower_tail: String = s2
        .chars()
        .rev()
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_ascii_lowercase();
    if lower_tail == "reuter" {
        let cut = &s2[..s2.len() - 6];
        // Only a separate word: "Reuter" preceded by whitespace (or nothing).
        if cut.is_empty() || cut.ends_with(char::is_whitespace) {
            return cut.trim_end();
        }
    }
    s
}

fn month_number(m: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    let up = m.to_ascii_uppercase();
    MONTHS.iter().position(|x| *x == up).map(|i| i as u32 + 1)
}

/// `26-FEB-1987 15:01:01.79` → `1987-02-26`.
pub fn parse_date(s: &str) -> Option<String> {
    let day_part = s.split_whitespace().next()?;
    let mut it = day_part.split('-');
    let d: u32 = it.next()?.parse().ok()?;
    let m = month_number(it.next()?)?;
    let y: u32 = it.next()?.parse().ok()?;
    ((1..=31).contains(&d) && y > 1000).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Builds the input for one record; `name` and `line` locate it in messages.
pub fn record_to_input(name: &str, line: u64, rec: &str) -> Input {
    let open_end = rec.find('>').unwrap_or(rec.len());
    let open_tag = &rec[..open_end];
    let newid = attr(open_tag, "NEWID");
    let origin = match &newid {
        Some(n) => format!("{name}:NEWID={n}"),
        None => format!("{name}:{line}"),
    };
    let id = match &newid {
        Some(n) => format!("reuters-{n}"),
        None => format!("{name}:{line}"),
    };
    let mut warnings = Vec::new();
    let published = element(rec, "DATE").and_then(|d| {
        let p = parse_date(d.trim());
        if p.is_none() {
            warnings.push(format!("unreadable <DATE> {:?}", d.trim()));
        }
        p
    });
    let title = element(rec, "TITLE")
        .map(|t| unescape(t).trim().to_string())
        .filter(|t| !t.is_empty());
    let dateline = element(rec, "DATELINE").map(|d| unescape(d).trim().to_string());
    let text = match element(rec, "BODY") {
        Some(body) => {
            let body = unescape(body);
            let body = strip_end_marker(&body);
            match dateline.as_deref() {
                Some(d) if !d.is_empty() => format!("{d} {body}"),
                _ => body.to_string(),
            }
        }
        None => {
            // BRIEF records have only a title; UNPROC ones have raw text in <TEXT>.
            let raw = element(rec, "TEXT").unwrap_or("");
            let mut t = unescape(raw);
            for tag in ["TITLE", "DATELINE", "AUTHOR"] {
                if let (Some(a), Some(b)) =
                    (t.find(&format!("<{tag}>")), t.find(&format!("</{tag}>")))
                {
                    if a < b {
                        t.replace_range(a..b + tag.len() + 3, "");
                    }
                }
            }
            let t = strip_end_marker(&t).trim().to_string();
            if t.is_empty() {
                warnings.push("record has no <BODY>; the title is the text".to_string());
                title.clone().unwrap_or_default()
            } else {
                warnings.push("record has no <BODY>; used the raw <TEXT>".to_string());
                t
            }
        }
    };
    if text.trim().is_empty() {
        return Input::Invalid {
            id,
            warning: format!("Reuters record {origin} has no text"),
        };
    }
    let doc = InputDocument {
        id: Some(id),
        text: Some(text),
        published: published.clone(),
        title,
        url: None,
        source: Some("Reuters".to_string()),
    };
    Input::Document(Box::new(Article {
        doc,
        origin,
        format: Some(Format::Reuters),
        published_basis: published.map(|_| PublishedBasis::Metadata),
        language: Some("en".to_string()),
        warnings,
        ..Article::default()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REC: &str = "<REUTERS TOPICS=\"YES\" NEWID=\"42\">\n<DATE> 3-MAR-1987 09:15:00.00</DATE>\n<TEXT>&#2;\n<TITLE>TALKS &amp; TRADE</TITLE>\n<DATELINE>    GENEVA, March 3 - </DATELINE><BODY>Delegates met &lt;today&gt;.\n    More talks follow.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n";

    #[test]
    fn record_becomes_the_fixture_shape() {
        let Input::Document(a) = record_to_input("x.sgm", 1, REC) else {
            panic!()
        };
        assert_eq!(a.doc.id.as_deref(), Some("reuters-42"));
        assert_eq!(
            a.doc.text.as_deref(),
            Some("GENEVA, March 3 - Delegates met <today>.\n    More talks follow.")
        );
        assert_eq!(a.doc.published.as_deref(), Some("1987-03-03"));
        assert_eq!(a.doc.title.as_deref(), Some("TALKS & TRADE"));
    }

    #[test]
    fn splitter_yields_records() {
        let mut s = RecordSplitter::default();
        let mut out = vec![];
        for (i, l) in format!("<!DOCTYPE lewis>\n{REC}{REC}").lines().enumerate() {
            if let Some(r) = s.push(l, i as u64 + 1, 1 << 20) {
                out.push(r);
            }
        }
        assert_eq!(out.len(), 2);
        assert!(s.finish().is_none());
    }

    #[test]
    fn end_marker_variants() {
        assert_eq!(strip_end_marker("text\n REUTER...\n\u{3}"), "text");
        assert_eq!(strip_end_marker("text\n reuter\n\u{3}"), "text");
        assert_eq!(strip_end_marker("text about Reuter"), "text about");
        assert_eq!(strip_end_marker("ThomsonReuter"), "ThomsonReuter");
    }
}
