//! RSS 0.9x/1.0/2.0, Atom and JSON Feed (parsed by `feed-rs`): one document per item, with
//! its date, link, title, and content or summary cleaned of HTML. Dates go through our own
//! lenient parser so odd formats (`Sat, Dec 16 2023 02:02:33 PM`) still give a day.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use attache_model::{InputDocument, PublishedBasis};
use chrono::{DateTime, NaiveDate, Utc};

use crate::{dates, html, Article, Format};

/// One parsed feed item (also what the feed evaluation compares).
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    pub title: Option<String>,
    pub link: Option<String>,
    /// The day the publisher wrote (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// The instant, when the feed gave a time.
    pub published_utc: Option<DateTime<Utc>>,
    pub text: String,
    pub byline: Option<String>,
}

/// A parsed feed: its title and language, and its items in feed order.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub language: Option<String>,
    pub items: Vec<FeedItem>,
}

/// Parses feed bytes (the encoding comes from the XML prolog or is UTF-8).
pub fn parse_feed_items(bytes: &[u8]) -> Result<ParsedFeed, String> {
    // feed-rs gives instants in UTC; remember each stamp's local day so an evening item in
    // New York is not dated the next day.
    let local_days: Arc<Mutex<HashMap<i64, NaiveDate>>> = Arc::default();
    let days = local_days.clone();
    let parser = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .timestamp_parser(move |s| {
            let st = dates::parse_stamp(s)?;
            let instant = st
                .instant
                .or_else(|| st.local_date.and_hms_opt(0, 0, 0).map(|d| d.and_utc()))?;
            if let Ok(mut m) = days.lock() {
                m.insert(instant.timestamp(), st.local_date);
            }
            Some(instant)
        })
        .build();
    let utf8 = to_utf8_xml(bytes);
    let feed = match parser.parse(utf8.as_ref()) {
        Ok(f) => f,
        Err(e) => {
            // feed-rs needs `<rss version=...>`; real feeds sometimes omit the version.
            let head = &utf8[..utf8.len().min(4096)];
            match head.windows(5).position(|w| w == b"<rss>") {
                Some(pos) => {
                    let mut fixed = Vec::with_capacity(utf8.len() + 16);
                    fixed.extend_from_slice(&utf8[..pos]);
                    fixed.extend_from_slice(b"<rss version=\"2.0\">");
                    fixed.extend_from_slice(&utf8[pos + 5..]);
                    parser.parse(fixed.as_slice()).map_err(|e| e.to_string())?
                }
                None => return Err(e.to_string()),
            }
        }
    };
    let day_of = |dt: &DateTime<Utc>| -> String {
        let local = local_days
            .lock()
            .ok()
            .and_then(|m| m.get(&dt.timestamp()).copied());
        local
            .unwrap_or_else(|| dt.date_naive())
            .format("%Y-%m-%d")
            .to_string()
    };
    let mut items = Vec::with_capacity(feed.entries.len());
    for e in &feed.entries {
        let title = e
            .title
            .as_ref()
            .map(|t| html::fragment_text(&t.content))
            .filter(|t| !t.is_empty());
        let link = e
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or_else(|| e.links.first())
            .map(|l| l.href.trim().to_string());
        let when = e.published.or(e.updated);
        let body = e
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(html::fragment_text)
            .filter(|t| !t.is_empty())
            .or_else(|| {
                e.summary
                    .as_ref()
                    .map(|s| html::fragment_text(&s.content))
                    .filter(|t| !t.is_empty())
            })
            .unwrap_or_default();
        let byline = e
            .authors
            .first()
            .and_then(|p| p.name.as_deref())
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty());
        items.push(FeedItem {
            title,
            link,
            published: when.as_ref().map(day_of),
            published_utc: when,
            text: body,
            byline,
        });
    }
    Ok(ParsedFeed {
        title: feed
            .title
            .as_ref()
            .map(|t| html::fragment_text(&t.content))
            .filter(|t| !t.is_empty()),
        language: feed.language.clone(),
        items,
    })
}

/// XML feeds as UTF-8: decoded with the prolog's declared encoding, or (undeclared and not
/// UTF-8, as some real feeds are) as Windows-1252; the prolog then says UTF-8. JSON Feeds are
/// UTF-8 by definition and pass through.
fn to_utf8_xml(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let is_xml = bytes[start..].starts_with(b"<")
        || bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        || bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF]);
    if !is_xml {
        return std::borrow::Cow::Borrowed(bytes);
    }
    let head = &bytes[..bytes.len().min(512)];
    let prolog_end = head.windows(2).position(|w| w == b"?>");
    let declared = prolog_end.and_then(|end| crate::decode::declared_charset(&head[..end]));
    let is_utf8_decl = declared
        .as_deref()
        .is_none_or(|d| encoding_rs::Encoding::for_label(d.as_bytes()) == Some(encoding_rs::UTF_8));
    if is_utf8_decl
        && std::str::from_utf8(bytes).is_ok()
        && !bytes.starts_with(&[0xFF, 0xFE])
        && !bytes.starts_with(&[0xFE, 0xFF])
    {
        return std::borrow::Cow::Borrowed(bytes);
    }
    let (mut text, _) = crate::decode::decode(bytes, declared.as_deref());
    // The prolog must not claim the old encoding any more.
    if let Some(label) = declared {
        if let Some(end) = text.find("?>") {
            let lower = text[..end].to_ascii_lowercase();
            if let Some(pos) = lower.find(&label) {
                text.replace_range(pos..pos + label.len(), "utf-8");
            }
        }
    }
    std::borrow::Cow::Owned(text.into_bytes())
}

/// Reads a feed into one [`Article`] per item; ids are `<stem>#<n>` (1-based, feed order).
pub fn parse_feed(bytes: &[u8], name: &str, stem: &str) -> Result<Vec<Article>, String> {
    let feed =
        parse_feed_items(bytes).map_err(|e| format!("{name} is not a readable feed: {e}"))?;
    let mut out = Vec::with_capacity(feed.items.len());
    for (i, item) in feed.items.into_iter().enumerate() {
        let mut warnings = Vec::new();
        let text = if item.text.is_empty() {
            warnings.push(format!(
                "item {} of {name} has no content or summary; the title is the text",
                i + 1
            ));
            item.title.clone().unwrap_or_default()
        } else {
            item.text
        };
        let basis = item.published.as_ref().map(|_| PublishedBasis::Metadata);
        out.push(Article {
            doc: InputDocument {
                id: Some(format!("{stem}#{}", i + 1)),
                text: Some(text),
                published: item.published,
                title: item.title,
                url: item.link.clone(),
                source: feed.title.clone(),
            },
            origin: format!("{name}#{}", i + 1),
            format: Some(Format::Feed),
            published_basis: basis,
            site_name: feed.title.clone(),
            byline: item.byline,
            language: feed.language.clone(),
            canonical_url: item.link,
            warnings,
            dedup: None,
        });
    }
    Ok(out)
}
