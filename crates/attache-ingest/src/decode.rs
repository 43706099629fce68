//! Bytes to text: byte-order marks, declared charsets, and a Windows-1252 fallback for
//! bytes that are not UTF-8, with a warning instead of a failure.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Decodes `bytes`, honouring a BOM first, then `declared` (a charset label such as
/// `iso-8859-1`), then UTF-8, then Windows-1252. Returns the text and a warning when the
/// decoding was a guess or lossy.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> (String, Option<String>) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let warning = had_errors.then(|| format!("invalid {} bytes replaced", enc.name()));
        return (text.into_owned(), warning);
    }
    if let Some(label) = declared {
        if let Some(enc) = Encoding::for_label(label.trim().as_bytes()) {
            // A page declaring UTF-16 in a meta tag is in fact ASCII-compatible (the HTML
            // standard says so); treat such declarations as UTF-8.
            let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                UTF_8
            } else {
                enc
            };
            if enc != UTF_8 {
                let (text, had_errors) = enc.decode_without_bom_handling(bytes);
                let warning = had_errors
                    .then(|| format!("invalid bytes for declared charset {label} replaced"));
                return (text.into_owned(), warning);
            }
            // Declared UTF-8 but not valid: fall through to detection below, since pages
            // often declare UTF-8 and are in fact Windows-1252.
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            (
                text.into_owned(),
                Some("not valid UTF-8; decoded as Windows-1252".to_string()),
            )
        }
    }
}

/// Latin-1 (ISO-8859-1) decoding: every byte is the code point of the same value. The
/// Reuters-21578 files are read this way (one file holds a stray non-UTF-8 byte).
pub fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

/// The charset declared in the first bytes of an HTML page (`<meta charset>`,
/// `http-equiv` content type) or of an XML document (`<?xml encoding=...?>`).
pub fn declared_charset(prefix: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&prefix[..prefix.len().min(4096)]).to_ascii_lowercase();
    for key in ["charset=", "encoding="] {
        let mut from = 0;
        while let Some(pos) = head[from..].find(key) {
            let start = from + pos + key.len();
            let rest = head[start..].trim_start_matches(['"', '\'', ' ']);
            let label: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if !label.is_empty() && Encoding::for_label(label.as_bytes()).is_some() {
                return Some(label);
            }
            from = start;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_bom_declared_and_fallback() {
        let (t, w) = decode(b"\xEF\xBB\xBFcaf\xC3\xA9", None);
        assert_eq!(t, "café");
        assert!(w.is_none());
        let (t, w) = decode(b"caf\xE9 \x93quoted\x94", Some("iso-8859-1"));
        // encoding_rs maps the ISO-8859-1 label to Windows-1252, as browsers do.
        assert_eq!(t, "café \u{201C}quoted\u{201D}");
        assert!(w.is_none());
        let (t, w) = decode(b"caf\xE9", None);
        assert_eq!(t, "café");
        assert!(w.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn finds_declared_charsets() {
        assert_eq!(
            declared_charset(b"<html><head><meta charset=\"windows-1252\">").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            declared_charset(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>").as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(declared_charset(b"<html><body>no charset"), None);
    }
}
