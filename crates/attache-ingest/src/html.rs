//! HTML pages: main text and metadata (title, publication date, site name, byline, canonical
//! URL, language), with the page's declared or detected encoding.
//!
//! Chosen by measurement (see `attache ingest-eval`): the `trafilatura` crate gives the main
//! text (best token F1 on Zyte's benchmark and best snippet score on trafilatura's news pages
//! among the Rust extractors measured), and `dom_smoothie` (a Mozilla Readability port) gives
//! title, byline, site name and the metadata date (it matches Readability's expected titles
//! and dates). We add `<time datetime>`, URL-path dates, canonical URL and language.

use attache_model::{InputDocument, PublishedBasis};

use crate::{dates, decode, Article, Format};

/// What is extracted from one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    pub text: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Where the date came from: `meta` (meta tags, JSON-LD), `time` (`<time datetime>`),
    /// `url` (a date in the URL path), `page` (trafilatura's guess from the page).
    pub published_from: Option<&'static str>,
    pub site_name: Option<String>,
    pub byline: Option<String>,
    pub canonical_url: Option<String>,
    pub language: Option<String>,
    pub warnings: Vec<String>,
}

impl HtmlArticle {
    pub fn into_article(self) -> Article {
        let published_basis = self.published.as_ref().map(|_| PublishedBasis::Metadata);
        Article {
            doc: InputDocument {
                id: None,
                text: Some(self.text),
                published: self.published,
                title: self.title,
                url: self.canonical_url.clone(),
                source: self.site_name.clone(),
            },
            origin: String::new(),
            format: Some(Format::Html),
            published_basis,
            site_name: self.site_name,
            byline: self.byline,
            language: self.language,
            canonical_url: self.canonical_url,
            warnings: self.warnings,
            dedup: None,
        }
    }
}

fn clean(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// Extracts the article of an HTML page given as bytes; `url` (the page's address, if known)
/// resolves relative links and gives a last-resort date.
pub fn extract_html(bytes: &[u8], url: Option<&str>) -> HtmlArticle {
    let declared = decode::declared_charset(bytes);
    let (html, warning) = decode::decode(bytes, declared.as_deref());
    let mut out = extract_html_str(&html, url);
    if let Some(w) = warning {
        out.warnings.insert(0, w);
    }
    out
}

/// [`extract_html`] on a page already decoded to text.
pub fn extract_html_str(html: &str, url: Option<&str>) -> HtmlArticle {
    let mut out = HtmlArticle::default();
    let abs_url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));

    // Main text.
    let mut topts = trafilatura::Options::default();
    topts.original_url = abs_url.and_then(|u| url::Url::parse(u).ok());
    let traf = trafilatura::extract(html, &topts).ok();
    // From trafilatura's HTML rather than its text, to keep paragraph breaks (its text joins
    // paragraphs with spaces, which later stages would read as one block).
    let mut text = traf
        .as_ref()
        .map(|r| {
            // Its HTML drops some spaces between inline elements ("and<em>Name"), so the
            // words come from its text and only the breaks from its HTML.
            let from_html = fragment_text(&r.content_html);
            merge_breaks(r.content_text.trim(), &from_html)
                .unwrap_or_else(|| r.content_text.trim().to_string())
        })
        .unwrap_or_default();

    // Metadata (and a fallback text) from the Readability port.
    let doc = dom_query::Document::from(html);
    out.language = doc
        .select("html")
        .attr("lang")
        .and_then(|l| clean(&l))
        .or_else(|| meta_content(&doc, "meta[http-equiv='content-language' i]"))
        .or_else(|| meta_content(&doc, "meta[property='og:locale']"))
        .map(|l| l.replace('_', "-"));
    out.canonical_url = doc
        .select("link[rel='canonical']")
        .attr("href")
        .and_then(|h| clean(&h))
        .or_else(|| meta_content(&doc, "meta[property='og:url']"))
        .or_else(|| abs_url.map(str::to_string));
    let time_date = doc
        .select("article time[datetime], time[datetime]")
        .attr("datetime")
        .and_then(|d| dates::parse_stamp(&d))
        .map(|s| s.ymd());

    match dom_smoothie::Readability::with_document(doc, abs_url, None) {
        Ok(mut r) => {
            let meta = r.get_article_metadata(r.parse_json_ld());
            out.title = clean(&meta.title).or_else(|| clean(&r.get_article_title()));
            out.byline = meta.byline.as_deref().and_then(clean);
            out.site_name = meta.site_name.as_deref().and_then(clean);
            if let Some(p) = meta.published_time.as_deref().and_then(dates::parse_stamp) {
                out.published = Some(p.ymd());
                out.published_from = Some("meta");
            }
            if text.len() < 300 {
                // trafilatura found little: take Readability's text when it has more.
                if let Ok(a) = r.parse() {
                    let alt = a.text_content.trim().to_string();
                    if alt.len() > text.len() {
                        text = alt;
                    }
                }
            }
        }
        Err(e) => out
            .warnings
            .push(format!("metadata extraction failed: {e}")),
    }
    if out.published.is_none() {
        if let Some(d) = time_date {
            out.published = Some(d);
            out.published_from = Some("time");
        }
    }
    if out.published.is_none() {
        if let Some(d) = out
            .canonical_url
            .as_deref()
            .and_then(dates::date_in_url)
            .or_else(|| url.and_then(dates::date_in_url))
        {
            out.published = Some(d);
            out.published_from = Some("url");
        }
    }
    if let Some(t) = &traf {
        if out.published.is_none() {
            if let Some(d) = t.metadata.date {
                out.published = Some(d.format("%Y-%m-%d").to_string());
                out.published_from = Some("page");
            }
        }
        if out.title.is_none() {
            out.title = clean(&t.metadata.title);
        }
        if out.site_name.is_none() {
            out.site_name = clean(&t.metadata.sitename);
        }
        if out.byline.is_none() {
            out.byline = clean(&t.metadata.author);
        }
    }
    out.text = tidy_text(&text);
    if out.text.is_empty() {
        out.warnings
            .push("no main text found in the page".to_string());
    }
    out
}

/// `text` with the line and paragraph breaks of `with_breaks`, when both hold the same
/// non-space characters (else `None`).
fn merge_breaks(text: &str, with_breaks: &str) -> Option<String> {
    // Break kind (1 = line, 2 = paragraph) before the n-th non-space character.
    let mut breaks = std::collections::HashMap::new();
    let mut n = 0usize;
    let mut newlines = 0;
    let mut sig_b = Vec::new();
    for c in with_breaks.chars() {
        if c == '\n' {
            newlines += 1;
        } else if !c.is_whitespace() {
            if newlines > 0 && n > 0 {
                breaks.insert(n, if newlines > 1 { 2 } else { 1 });
            }
            newlines = 0;
            sig_b.push(c);
            n += 1;
        }
    }
    if !text
        .chars()
        .filter(|c| !c.is_whitespace())
        .eq(sig_b.iter().copied())
    {
        return None;
    }
    let mut out = String::with_capacity(text.len() + breaks.len() * 2);
    let mut n = 0usize;
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        match breaks.get(&n) {
            Some(2) => out.push_str("\n\n"),
            Some(_) => out.push('\n'),
            None if pending_space && !out.is_empty() => out.push(' '),
            None => {}
        }
        pending_space = false;
        out.push(c);
        n += 1;
    }
    Some(out)
}

/// Collapses runs of spaces inside lines and of blank lines, keeping paragraph breaks.
pub fn tidy_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(&line);
    }
    out
}

fn meta_content(doc: &dom_query::Document, sel: &str) -> Option<String> {
    doc.select(sel).attr("content").and_then(|c| clean(&c))
}

/// Text of an HTML fragment (feed item content): tags removed, entities decoded, block
/// elements as line breaks.
pub fn fragment_text(fragment: &str) -> String {
    if !fragment.contains('<') && !fragment.contains('&') {
        return tidy_text(fragment);
    }
    let doc = dom_query::Document::fragment(fragment);
    // Block boundaries become paragraph breaks before taking the text.
    doc.select("br").replace_with_html("\n");
    for sel in [
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "figure",
        "figcaption",
        "dt",
        "dd",
        "ul",
        "ol",
        "table",
        "pre",
        "section",
        "article",
        "header",
        "footer",
    ] {
        for node in doc.select(sel).nodes() {
            node.append_html("\n\n");
        }
    }
    // Table cells stay on their row's line, but apart.
    for node in doc.select("td, th").nodes() {
        node.append_html(" ");
    }
    doc.select("script, style, noscript").remove();
    tidy_text(&doc.root().text())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="windows-1252">
<title>Ministers agree to resume talks | Example Times</title>
<meta property="og:title" content="Ministers agree to resume talks">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2024-06-12T08:30:00+09:00">
<meta name="author" content="Jane Reporter">
<link rel="canonical" href="https://example.org/world/2024/06/12/talks/">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="ad">Buy one get one free! Subscribe today for exclusive offers.</div>
<article>
<h1>Ministers agree to resume talks</h1>
<p>SEOUL - The foreign ministers of South Korea and Japan agreed on Wednesday to resume regular talks on trade and security, ending a pause of more than two years, officials in both capitals said.</p>
<p>The two ministers met for three hours in Seoul and issued a joint statement pledging closer cooperation on supply chains, export controls and maritime safety in the region.</p>
<p>A follow-up meeting of senior officials is planned for September in Tokyo, where negotiators will draft a framework on semiconductor materials and visa rules for business travellers.</p>
</article>
<section class="comments"><h3>Comments</h3><p>Great article, thanks!</p></section>
<footer>Copyright Example Times. All rights reserved.</footer>
</body></html>"#;

    #[test]
    fn extracts_text_and_metadata() {
        // Windows-1252 declared: a curly apostrophe byte decodes correctly.
        let mut bytes = PAGE
            .replace("capitals said", "capitals\u{1}said")
            .into_bytes();
        let pos = bytes.iter().position(|&b| b == 1).unwrap();
        bytes[pos] = 0x92;
        let a = extract_html(&bytes, None);
        assert!(
            a.text.contains("foreign ministers of South Korea"),
            "{}",
            a.text
        );
        assert!(a.text.contains("capitals\u{2019}said"), "{}", a.text);
        assert!(a.text.contains("semiconductor materials"));
        assert!(!a.text.contains("Subscribe today"), "{}", a.text);
        assert!(!a.text.contains("All rights reserved"), "{}", a.text);
        assert!(!a.text.contains("Sport"), "{}", a.text);
        assert_eq!(a.title.as_deref(), Some("Ministers agree to resume talks"));
        assert_eq!(a.published.as_deref(), Some("2024-06-12"));
        assert_eq!(a.published_from, Some("meta"));
        assert_eq!(a.site_name.as_deref(), Some("Example Times"));
        assert_eq!(a.byline.as_deref(), Some("Jane Reporter"));
        assert_eq!(
            a.canonical_url.as_deref(),
            Some("https://example.org/world/2024/06/12/talks/")
        );
        assert_eq!(a.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn encodings_bom_and_undeclared() {
        let page = "<html><head><title>Caf\u{e9} talks</title></head><body><article><p>Ministers met at a caf\u{e9} in Geneva on Monday and agreed to continue the talks next week, officials said after the meeting ended.</p></article></body></html>";
        // UTF-8 with a BOM.
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(page.as_bytes());
        let a = extract_html(&bom, None);
        assert_eq!(a.title.as_deref(), Some("Caf\u{e9} talks"));
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
        // Latin-1 bytes, nothing declared: detected, with a warning.
        let latin: Vec<u8> = page.chars().map(|c| c as u32 as u8).collect();
        let a = extract_html(&latin, None);
        assert_eq!(a.title.as_deref(), Some("Caf\u{e9} talks"));
        assert!(a.text.contains("caf\u{e9} in Geneva"), "{}", a.text);
        assert!(
            a.warnings.iter().any(|w| w.contains("Windows-1252")),
            "{:?}",
            a.warnings
        );
    }

    #[test]
    fn date_from_url_when_no_metadata() {
        let page = PAGE
            .replace(
                "<meta property=\"article:published_time\" content=\"2024-06-12T08:30:00+09:00\">",
                "",
            )
            .replace("2024/06/12", "2023/01/05");
        let a = extract_html(page.as_bytes(), None);
        assert_eq!(a.published.as_deref(), Some("2023-01-05"));
        assert_eq!(a.published_from, Some("url"));
    }

    #[test]
    fn breaks_are_merged_into_the_text() {
        assert_eq!(
            merge_breaks("One two. Three and Four .", "One two.\n\nThree and\nFour.").as_deref(),
            Some("One two.\n\nThree and\nFour .")
        );
        assert_eq!(merge_breaks("a b", "a c"), None);
    }

    #[test]
    fn fragments_become_plain_text() {
        let t =
            fragment_text("<p>First &amp; foremost.</p><p>Second<br>line</p><script>x()</script>");
        assert_eq!(t, "First & foremost.\n\nSecond\nline");
        assert_eq!(fragment_text("plain   words"), "plain words");
    }
}
