//! HTML pages: main text and metadata (title, date, site name, byline, canonical URL,
//! language), with the page's declared or detected encoding.

use attache_model::{InputDocument, PublishedBasis};

use crate::{decode, Article, Format};

/// What is extracted from one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    pub text: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
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
        }
    }
}

/// Extracts the article of an HTML page given as bytes; `url` (if known) helps date guessing.
pub fn extract_html(bytes: &[u8], _url: Option<&str>) -> HtmlArticle {
    let declared = decode::declared_charset(bytes);
    let (html, warning) = decode::decode(bytes, declared.as_deref());
    let mut out = HtmlArticle::default();
    if let Some(w) = warning {
        out.warnings.push(w);
    }
    out.text = strip_tags(&html);
    out
}

/// Placeholder extraction: visible text without tags.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
