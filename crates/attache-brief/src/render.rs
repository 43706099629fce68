//! Writes a [`Brief`] as Markdown or HTML (a fragment for the dashboard, or a standalone
//! page with its own style for `attache brief --format html`).

use std::fmt::Write;

use crate::{words::date_words, Brief, Line};

/// Style of the brief's HTML (the dashboard includes it in the page; the standalone page in
/// its head).
pub const BRIEF_CSS: &str = r#"
.brief{max-width:60rem}
.brief h2{margin-top:1.6rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.brief .meta{color:#555}
.brief ul.lines{padding-left:1.2rem}
.brief ul.lines>li{margin:.45rem 0;line-height:1.45}
.brief sup.cite a{text-decoration:none;font-size:.8em;margin-left:1px}
.brief .flag{display:inline-block;margin:.2rem .4rem 0 0;padding:.05rem .45rem;border-radius:.6rem;font-size:.85em}
.brief .flag.consistent{background:#e6f4ea;color:#1e6b34}
.brief .flag.flagged{background:#fff4d6;color:#7a5200}
.brief .flag.inconsistent{background:#fde7e7;color:#8a1c1c}
.brief .sides{display:flex;gap:.8rem;margin:.4rem 0;flex-wrap:wrap}
.brief .side{flex:1 1 14rem;border:1px solid #e0b4b4;background:#fff8f8;border-radius:.4rem;padding:.4rem .6rem}
.brief .side b{display:block;font-size:1.05em}
.brief .side q{display:block;color:#444;font-size:.9em;margin-top:.2rem}
.brief ol.sources{font-size:.92em}
.brief ol.sources li{margin:.35rem 0}
.brief ol.sources q{color:#333}
.brief .empty{padding:1rem;background:#f5f5f5;border-radius:.4rem}
"#;

fn cites_md(c: &[usize]) -> String {
    c.iter().map(|n| format!("[{n}]")).collect()
}

/// The brief as Markdown: sections of cited sentences, flags and side-by-side conflicts
/// under their sentence, then the numbered sources with the cited sentences.
pub fn markdown(b: &Brief) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {} – {}: brief\n", b.a.name, b.b.name);
    if b.is_empty() {
        let _ = writeln!(s, "{}", b.empty_message());
        return s;
    }
    let _ = writeln!(s, "{}\n", header(b));
    for sec in b.sections.iter().filter(|s| !s.lines.is_empty()) {
        let _ = writeln!(s, "## {}\n", sec.title);
        for l in &sec.lines {
            line_md(&mut s, l);
        }
        s.push('\n');
    }
    let _ = writeln!(s, "## Sources\n");
    for src in &b.sources {
        let mut head = format!("[{}] ", src.n);
        head.push_str(src.title.as_deref().unwrap_or("(untitled)"));
        let mut meta = vec![format!("document `{}`", src.doc_id)];
        if let Some(o) = &src.outlet {
            meta.push(o.clone());
        }
        if let Some(p) = &src.published {
            meta.push(p.clone());
        }
        if let Some(u) = &src.url {
            meta.push(format!("<{u}>"));
        }
        meta.push(format!("sentence {}", src.sentence));
        let _ = writeln!(
            s,
            "{head} ({}): \"{}\"\n",
            meta.join(", "),
            src.text.replace('\n', " ")
        );
    }
    s
}

fn line_md(s: &mut String, l: &Line) {
    let _ = writeln!(s, "- {} {}", l.text, cites_md(&l.cites));
    if !l.sides.is_empty() {
        let _ = writeln!(s);
        let heads: Vec<String> = (1..=l.sides.len())
            .map(|i| format!("Statement {i}"))
            .collect();
        let _ = writeln!(s, "  | {} |", heads.join(" | "));
        let _ = writeln!(s, "  |{}", " --- |".repeat(l.sides.len()));
        let vals: Vec<String> = l
            .sides
            .iter()
            .map(|x| format!("{} {}", x.value, cites_md(&x.cites)))
            .collect();
        let _ = writeln!(s, "  | {} |\n", vals.join(" | "));
    }
    for f in &l.flags {
        let icon = if f.status == "consistent" {
            "✓"
        } else {
            "⚠"
        };
        let _ = writeln!(
            s,
            "  - {icon} {} ({}): {} {}",
            f.status,
            f.kind,
            f.text,
            cites_md(&f.cites)
        );
    }
}

fn header(b: &Brief) -> String {
    let mut h = format!(
        "Written from {} stored document{}",
        b.documents,
        if b.documents == 1 { "" } else { "s" }
    );
    match (&b.first_published, &b.last_published) {
        (Some(f), Some(l)) if f == l => {
            let _ = write!(h, " published on {}", date_words(f));
        }
        (Some(f), Some(l)) => {
            let _ = write!(h, " published {} to {}", date_words(f), date_words(l));
        }
        _ => {}
    }
    if b.documents_available > b.documents {
        let _ = write!(
            h,
            " (the {} most recent of {})",
            b.documents, b.documents_available
        );
    }
    h.push_str(
        ". Every sentence is generated from a stored event or fact and cites the sentences that state it.",
    );
    h
}

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// Percent-encodes a path segment.
fn seg(s: &str) -> String {
    let mut o = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            o.push(b as char);
        } else {
            let _ = write!(o, "%{b:02X}");
        }
    }
    o
}

fn cites_html(c: &[usize]) -> String {
    c.iter()
        .map(|n| format!(r##"<sup class="cite"><a href="#src-{n}">[{n}]</a></sup>"##))
        .collect()
}

/// Where source links point: the dashboard's document pages, or the article URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// `/documents/{id}#event-3` on the dashboard.
    Dashboard,
    /// The document's `url` when it has one.
    Urls,
}

/// The brief as an HTML fragment (`<article class="brief">…`).
pub fn html_fragment(b: &Brief, links: Links) -> String {
    let mut s = String::from(r#"<article class="brief">"#);
    let _ = write!(
        s,
        r#"<h1>{} – {} <small>brief</small></h1>"#,
        esc(&b.a.name),
        esc(&b.b.name)
    );
    if b.is_empty() {
        let _ = write!(
            s,
            r#"<p class="empty">{}</p></article>"#,
            esc(&b.empty_message())
        );
        return s;
    }
    let _ = write!(s, r#"<p class="meta">{}</p>"#, esc(&header(b)));
    for sec in b.sections.iter().filter(|s| !s.lines.is_empty()) {
        let _ = write!(
            s,
            r#"<section id="{}"><h2>{}</h2><ul class="lines">"#,
            esc(&sec.id),
            esc(&sec.title)
        );
        for l in &sec.lines {
            let _ = write!(s, "<li>{}{}", esc(&l.text), cites_html(&l.cites));
            if !l.sides.is_empty() {
                s.push_str(r#"<div class="sides">"#);
                for side in &l.sides {
                    let quotes: String = side
                        .cites
                        .iter()
                        .filter_map(|n| b.sources.get(n - 1))
                        .map(|src| {
                            format!(
                                "<q>{}</q><span class=\"meta\">{} {}</span>",
                                esc(&src.text),
                                esc(src.title.as_deref().unwrap_or(&src.doc_id)),
                                esc(src.published.as_deref().unwrap_or(""))
                            )
                        })
                        .collect();
                    let _ = write!(
                        s,
                        r#"<div class="side"><b>{}{}</b>{quotes}</div>"#,
                        esc(&side.value),
                        cites_html(&side.cites)
                    );
                }
                s.push_str("</div>");
            }
            for f in &l.flags {
                let icon = if f.status == "consistent" {
                    "✓"
                } else {
                    "⚠"
                };
                let _ = write!(
                    s,
                    r#"<br><span class="flag {}" title="{}">{icon} {}: {}{}</span>"#,
                    esc(&f.status),
                    esc(&f.kind),
                    esc(&f.status),
                    esc(&f.text),
                    cites_html(&f.cites)
                );
            }
            s.push_str("</li>");
        }
        s.push_str("</ul></section>");
    }
    s.push_str(r#"<section id="sources"><h2>Sources</h2><ol class="sources">"#);
    for src in &b.sources {
        let title = esc(src.title.as_deref().unwrap_or("(untitled)"));
        let link = match links {
            Links::Dashboard => format!(
                r#"<a href="/documents/{}#{}">{title}</a>"#,
                seg(&src.doc_id),
                esc(src.records.first().map(String::as_str).unwrap_or(""))
            ),
            Links::Urls => match &src.url {
                Some(u) => format!(r#"<a href="{}">{title}</a>"#, esc(u)),
                None => title,
            },
        };
        let _ = write!(
            s,
            r#"<li id="src-{}">{link} <span class="meta">· document <code>{}</code>{}{} · sentence {}</span><br><q>{}</q></li>"#,
            src.n,
            esc(&src.doc_id),
            src.outlet
                .as_deref()
                .map(|o| format!(" · {}", esc(o)))
                .unwrap_or_default(),
            src.published
                .as_deref()
                .map(|p| format!(" · {}", esc(p)))
                .unwrap_or_default(),
            src.sentence,
            esc(&src.text)
        );
    }
    s.push_str("</ol></section></article>");
    s
}

/// A standalone HTML page of the brief (links to the articles' URLs).
pub fn html_page(b: &Brief) -> String {
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{} – {}: brief</title>
<style>body{{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;padding:0 1rem;color:#1a1a1a}}{BRIEF_CSS}</style>
</head><body>{}</body></html>
"#,
        esc(&b.a.name),
        esc(&b.b.name),
        html_fragment(b, Links::Urls)
    )
}
