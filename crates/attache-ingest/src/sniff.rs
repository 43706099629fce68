//! Detects the kind of an input from its first bytes (and, only as a tie-breaker, its name).

/// The kinds of input the reader understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One JSON document per line (the contract's input).
    Jsonl,
    /// A single JSON object (one document) or an array of them.
    Json,
    /// A plain-text article: one document per file.
    Text,
    /// An HTML page: main text and metadata are extracted.
    Html,
    /// RSS 0.9x/1.0/2.0, Atom or JSON Feed: one document per item.
    Feed,
    /// Reuters-21578 SGML: one document per `<REUTERS>` record.
    Reuters,
}

impl Format {
    /// Parses a `--input` value.
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" | "jsonlines" => Format::Jsonl,
            "json" => Format::Json,
            "text" | "txt" | "plain" => Format::Text,
            "html" | "htm" => Format::Html,
            "feed" | "rss" | "atom" | "jsonfeed" => Format::Feed,
            "reuters" | "sgml" | "sgm" => Format::Reuters,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Text => "text",
            Format::Html => "html",
            Format::Feed => "feed",
            Format::Reuters => "reuters",
        }
    }
}

/// Outcome of sniffing: a format, or a reason the input is not text at all.
#[derive(Debug, PartialEq)]
pub enum Sniffed {
    Format(Format),
    Binary(String),
}

fn extension(name: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    let base = base.strip_suffix(".gz").unwrap_or(base);
    match base.rsplit_once('.') {
        Some((_, ext)) => ext.to_ascii_lowercase(),
        None => String::new(),
    }
}

/// Decides the format of an input from its first bytes (`prefix`, already decompressed).
pub fn sniff(name: &str, prefix: &[u8]) -> Sniffed {
    let ext = extension(name);
    let utf16 = prefix.starts_with(&[0xFF, 0xFE]) || prefix.starts_with(&[0xFE, 0xFF]);
    if !utf16 {
        if let Some(reason) = binary_reason(prefix) {
            return Sniffed::Binary(reason);
        }
    }
    let text = if utf16 {
        crate::decode::decode(prefix, None).0
    } else {
        String::from_utf8_lossy(prefix).into_owned()
    };
    let trimmed = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if matches!(ext.as_str(), "jsonl" | "ndjson") {
        return Sniffed::Format(Format::Jsonl);
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return Sniffed::Format(sniff_json(trimmed, &ext));
    }
    if trimmed.starts_with('<') {
        let lower: String = trimmed
            .chars()
            .take(8192)
            .collect::<String>()
            .to_ascii_lowercase();
        if lower.contains("<!doctype lewis") || lower.contains("<reuters") {
            return Sniffed::Format(Format::Reuters);
        }
        if let Some(root) = first_element(&lower) {
            match root.as_str() {
                "rss" | "rdf:rdf" | "feed" | "rdf" => return Sniffed::Format(Format::Feed),
                "html" | "head" | "body" | "meta" | "title" | "div" | "p" | "article"
                | "section" | "main" | "link" | "script" | "style" | "header" | "table"
                | "span" | "h1" | "h2" | "br" | "a" | "ul" | "nav" => {
                    return Sniffed::Format(Format::Html)
                }
                _ => {}
            }
        }
        if lower.starts_with("<!doctype html") || lower.contains("<html") {
            return Sniffed::Format(Format::Html);
        }
        if lower.starts_with("<?xml") {
            // Unknown XML: the feed reader will name the problem if it is not a feed.
            return Sniffed::Format(Format::Feed);
        }
    }
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Sniffed::Format(Format::Html),
        "rss" | "atom" => Sniffed::Format(Format::Feed),
        "sgm" | "sgml" => Sniffed::Format(Format::Reuters),
        _ => Sniffed::Format(Format::Text),
    }
}

/// The name of the first element after any XML declaration, comments and doctype.
fn first_element(lower: &str) -> Option<String> {
    let mut s = lower;
    loop {
        s = s.trim_start();
        if let Some(rest) = s.strip_prefix("<?") {
            s = &rest[rest.find("?>")? + 2..];
        } else if let Some(rest) = s.strip_prefix("<!--") {
            s = &rest[rest.find("-->")? + 3..];
        } else if let Some(rest) = s.strip_prefix("<!") {
            s = &rest[rest.find('>')? + 1..];
        } else if let Some(rest) = s.strip_prefix('<') {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '-' | '_'))
                .collect();
            return (!name.is_empty()).then_some(name);
        } else {
            return None;
        }
    }
}

fn sniff_json(trimmed: &str, ext: &str) -> Format {
    if trimmed.contains("jsonfeed.org/version") {
        return Format::Feed;
    }
    if trimmed.starts_with('[') {
        return Format::Json;
    }
    // JSON Lines when the first line is a complete JSON value on its own.
    let first_line = trimmed.lines().next().unwrap_or("");
    if serde_json::from_str::<serde_json::Value>(first_line).is_ok() {
        return Format::Jsonl;
    }
    if ext == "json" {
        return Format::Json;
    }
    // A small input that is one complete JSON value over several lines.
    if serde_json::from_str::<serde_json::Value>(trimmed).is_ok() {
        return Format::Json;
    }
    // Pretty-printed JSON: a lone `{` line, or an indented `"key":` on the second line.
    let second = trimmed.lines().nth(1).unwrap_or("");
    if first_line.trim() == "{"
        || (second.starts_with([' ', '\t']) && second.trim_start().starts_with('"'))
    {
        return Format::Json;
    }
    // Otherwise JSON Lines with a broken first line: each line gets its own verdict (the
    // contract: a bad line is a document with a warning, never a lost line).
    Format::Jsonl
}

/// Why a prefix looks like binary data (NUL bytes, many control characters), if it does.
pub fn binary_reason(prefix: &[u8]) -> Option<String> {
    if prefix.is_empty() {
        return None;
    }
    if let Some(pos) = prefix.iter().position(|&b| b == 0) {
        return Some(format!("binary content (NUL byte at offset {pos})"));
    }
    let controls = prefix
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if controls * 10 > prefix.len() {
        return Some(format!(
            "binary content ({controls} control bytes in the first {} bytes)",
            prefix.len()
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(name: &str, s: &str) -> Sniffed {
        sniff(name, s.as_bytes())
    }

    #[test]
    fn content_decides_over_name() {
        assert_eq!(
            f("x.txt", "{\"id\":\"a\",\"text\":\"b\"}\n{}"),
            Sniffed::Format(Format::Jsonl)
        );
        assert_eq!(
            f("x.txt", "<!DOCTYPE html><html>"),
            Sniffed::Format(Format::Html)
        );
        assert_eq!(
            f("x.html", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            Sniffed::Format(Format::Feed)
        );
        assert_eq!(
            f("x", "<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Sniffed::Format(Format::Feed)
        );
        assert_eq!(
            f(
                "x.xml",
                "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">"
            ),
            Sniffed::Format(Format::Reuters)
        );
        assert_eq!(
            f(
                "x.json",
                "{\n \"version\": \"https://jsonfeed.org/version/1.1\","
            ),
            Sniffed::Format(Format::Feed)
        );
        assert_eq!(
            f("x.json", "{\n \"id\": \"a\","),
            Sniffed::Format(Format::Json)
        );
        assert_eq!(
            f("story", "SEOUL, June 3 - Talks opened."),
            Sniffed::Format(Format::Text)
        );
        assert_eq!(
            f("broken.jsonl", "not json at all"),
            Sniffed::Format(Format::Jsonl)
        );
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            sniff("x.html", b"\x89PNG\r\n\x1a\n\0\0\0"),
            Sniffed::Binary(_)
        ));
        assert!(binary_reason(b"plain text\n").is_none());
    }
}
