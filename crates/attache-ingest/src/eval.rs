//! Measures the readers against the shared third-party corpora (`../shared/corpora`): Zyte's
//! article-extraction benchmark (token-shingle F1), trafilatura's English news snippets,
//! Mozilla Readability's titles and dates, and the feed fixtures with their expected parses.
//! Used by `attache ingest-eval` and by tests that skip when the corpora are absent.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::{dates, extract_html, feed};

type Res<T> = Result<T, String>;

fn read_json(path: &Path) -> Res<serde_json::Value> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    // Some expected files are in Latin-1, not UTF-8.
    let (text, _) = crate::decode::decode(&bytes, None);
    serde_json::from_str(&text).map_err(|e| format!("{} is not valid JSON: {e}", path.display()))
}

/// Default location of the corpora, relative to the repository root.
pub fn default_corpora(repo_root: &Path) -> PathBuf {
    repo_root.join("../shared/corpora")
}

// ---------------------------------------------------------------- Zyte benchmark

/// Mean precision, recall and F1 over pages, as the benchmark's own scorer computes them.
#[derive(Debug, Clone)]
pub struct ZyteReport {
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Pages whose text has more than one paragraph (breaks kept for later stages).
    pub with_paragraphs: usize,
    /// Pages with the lowest F1: (key, url, f1).
    pub worst: Vec<(String, String, f64)>,
}

fn word_tokens(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn shingles(s: &str) -> HashMap<Vec<&str>, usize> {
    let t = word_tokens(s);
    let n = 4;
    let mut m = HashMap::new();
    let end = if t.len() >= n { t.len() - n + 1 } else { 1 };
    for i in 0..end {
        let sh = t[i..(i + n).min(t.len())].to_vec();
        if !sh.is_empty() {
            *m.entry(sh).or_insert(0) += 1;
        }
    }
    m
}

/// Normalized (tp, fp, fn) over 4-token shingles, as in the benchmark's `evaluate.py`.
pub fn shingle_match(truth: &str, pred: &str) -> (f64, f64, f64) {
    let a = shingles(truth);
    let b = shingles(pred);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &tc) in &a {
        let pc = b.get(k).copied().unwrap_or(0);
        tp += tc.min(pc) as f64;
        fn_ += tc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &b {
        fp += pc.saturating_sub(a.get(k).copied().unwrap_or(0)) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// Runs our HTML extraction over the benchmark folder (`ground-truth.json`, `html/*.html.gz`).
pub fn eval_zyte(dir: &Path) -> Res<ZyteReport> {
    let gt = read_json(&dir.join("ground-truth.json"))?;
    let obj = gt.as_object().ok_or("ground-truth.json is not an object")?;
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    let mut per_page = Vec::new();
    let mut with_paragraphs = 0;
    for (key, v) in obj {
        let truth = v["articleBody"].as_str().unwrap_or("");
        let url = v["url"].as_str();
        let path = dir.join("html").join(format!("{key}.html.gz"));
        let file = std::fs::File::open(&path)
            .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        let mut bytes = Vec::new();
        flate2::read::MultiGzDecoder::new(file)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot decompress {}: {e}", path.display()))?;
        let pred = extract_html(&bytes, url).text;
        if pred.contains('\n') {
            with_paragraphs += 1;
        }
        let (tp, fp, fn_) = shingle_match(truth, &pred);
        let exact = fp == 0.0 && fn_ == 0.0;
        let p = (tp + fp > 0.0).then(|| if exact { 1.0 } else { tp / (tp + fp) });
        let r = (tp + fn_ > 0.0).then(|| if exact { 1.0 } else { tp / (tp + fn_) });
        if let Some(p) = p {
            ps.push(p);
        }
        if let Some(r) = r {
            rs.push(r);
        }
        let (pp, rr) = (p.unwrap_or(0.0), r.unwrap_or(0.0));
        let f = if pp + rr > 0.0 {
            2.0 * pp * rr / (pp + rr)
        } else {
            0.0
        };
        per_page.push((key.clone(), url.unwrap_or("").to_string(), f));
    }
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (precision, recall) = (mean(&ps), mean(&rs));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    per_page.sort_by(|a, b| a.2.total_cmp(&b.2));
    per_page.truncate(10);
    Ok(ZyteReport {
        pages: obj.len(),
        precision,
        recall,
        f1,
        with_paragraphs,
        worst: per_page,
    })
}

// ---------------------------------------------------------------- trafilatura snippets

#[derive(Debug, Clone)]
pub struct SnippetReport {
    pub pages: usize,
    pub snippets: usize,
    pub right: usize,
    /// `MISSING file: snippet` or `LEAKED file: snippet`.
    pub wrong: Vec<String>,
}

impl SnippetReport {
    pub fn rate(&self) -> f64 {
        if self.snippets == 0 {
            0.0
        } else {
            self.right as f64 / self.snippets as f64
        }
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Must-contain (`with`) and must-not-contain (`without`) snippets of `evaldata-subset.json`.
pub fn eval_trafilatura(dir: &Path) -> Res<SnippetReport> {
    let ev = read_json(&dir.join("evaldata-subset.json"))?;
    let obj = ev
        .as_object()
        .ok_or("evaldata-subset.json is not an object")?;
    let mut rep = SnippetReport {
        pages: obj.len(),
        snippets: 0,
        right: 0,
        wrong: Vec::new(),
    };
    for (url, v) in obj {
        let file = v["file"].as_str().unwrap_or("");
        let path = dir.join("html").join(file);
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let text = squash(&extract_html(&bytes, Some(url)).text);
        for (key, want) in [("with", true), ("without", false)] {
            for s in v[key]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s.as_str())
            {
                rep.snippets += 1;
                if text.contains(&squash(s)) == want {
                    rep.right += 1;
                } else {
                    let what = if want { "MISSING" } else { "LEAKED" };
                    rep.wrong.push(format!("{what} {file}: {s}"));
                }
            }
        }
    }
    Ok(rep)
}

// ---------------------------------------------------------------- Readability metadata

#[derive(Debug, Clone)]
pub struct MetaReport {
    pub pages: usize,
    pub titles_right: usize,
    pub dated_pages: usize,
    pub dates_right: usize,
    pub wrong: Vec<String>,
}

/// Titles and publication days against Readability's `expected-metadata.json`.
pub fn eval_readability(dir: &Path) -> Res<MetaReport> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").exists())
        .collect();
    pages.sort();
    let mut rep = MetaReport {
        pages: pages.len(),
        titles_right: 0,
        dated_pages: 0,
        dates_right: 0,
        wrong: Vec::new(),
    };
    for page in pages {
        let name = page
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let meta = read_json(&page.join("expected-metadata.json"))?;
        let bytes = std::fs::read(page.join("source.html"))
            .map_err(|e| format!("cannot read {name}: {e}"))?;
        let got = extract_html(&bytes, None);
        let want_title = squash(meta["title"].as_str().unwrap_or(""));
        if got.title.as_deref().map(squash).as_deref() == Some(want_title.as_str()) {
            rep.titles_right += 1;
        } else {
            rep.wrong.push(format!(
                "TITLE {name}: want {want_title:?}, got {:?}",
                got.title
            ));
        }
        if let Some(want) = meta["publishedTime"].as_str().and_then(dates::parse_stamp) {
            rep.dated_pages += 1;
            if got.published.as_deref() == Some(want.ymd().as_str()) {
                rep.dates_right += 1;
            } else {
                rep.wrong.push(format!(
                    "DATE {name}: want {}, got {:?}",
                    want.ymd(),
                    got.published
                ));
            }
        }
    }
    Ok(rep)
}

// ---------------------------------------------------------------- feeds

#[derive(Debug, Clone)]
pub struct FeedReport {
    pub checked: usize,
    pub passed: usize,
    /// One line per feed: `ok name: N items` or `FAIL name: why`.
    pub lines: Vec<String>,
}

struct Expected {
    title: Option<String>,
    link: Option<String>,
    /// UTC instant as RFC 3339, when the expected parse has one.
    date: Option<String>,
}

fn expected_items(path: &Path) -> Res<Vec<Expected>> {
    let v = read_json(path)?;
    let name = path.to_string_lossy();
    let s = |v: &serde_json::Value| v.as_str().map(str::to_string);
    if name.ends_with(".expected.serde.json") {
        // feed-rs's model.
        Ok(v["entries"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| Expected {
                title: s(&e["title"]["content"]),
                link: s(&e["links"][0]["href"]),
                date: s(&e["published"]).or_else(|| s(&e["updated"])),
            })
            .collect())
    } else {
        // rss-parser's normalized shape.
        Ok(v["feed"]["items"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| Expected {
                title: s(&e["title"]),
                link: s(&e["link"]),
                date: s(&e["isoDate"]),
            })
            .collect())
    }
}

fn same_instant(want: &str, got: Option<chrono::DateTime<chrono::Utc>>) -> bool {
    let Some(got) = got else { return false };
    match chrono::DateTime::parse_from_rfc3339(want) {
        Ok(w) => w.with_timezone(&chrono::Utc) == got,
        Err(_) => dates::parse_stamp(want).is_some_and(|w| {
            w.instant
                .map_or(w.local_date == got.date_naive(), |i| i == got)
        }),
    }
}

/// Equality where the expected text has U+FFFD for characters its producer could not decode
/// (rss-parser read a Latin-1 feed as UTF-8): each run of them stands for one to three chars.
fn lossy_eq(want: &str, got: &str) -> bool {
    if !want.contains('\u{FFFD}') {
        return want == got;
    }
    let parts: Vec<&str> = want.split('\u{FFFD}').filter(|p| !p.is_empty()).collect();
    let mut rest = got;
    for (i, part) in parts.iter().enumerate() {
        match rest.find(part) {
            Some(pos)
                if (i == 0 && (pos == 0) != want.starts_with('\u{FFFD}'))
                    || (i > 0 && (1..=3).contains(&rest[..pos].chars().count())) =>
            {
                rest = &rest[pos + part.len()..];
            }
            _ => return false,
        }
    }
    rest.chars().count() <= 3 && (rest.is_empty() != want.ends_with('\u{FFFD}'))
}

fn check_feed(input: &Path, expected: &[Expected]) -> Result<usize, String> {
    let bytes = std::fs::read(input).map_err(|e| format!("cannot read: {e}"))?;
    let parsed = feed::parse_feed_items(&bytes)?;
    if parsed.items.len() != expected.len() {
        return Err(format!(
            "{} items, expected {}",
            parsed.items.len(),
            expected.len()
        ));
    }
    for (i, (got, want)) in parsed.items.iter().zip(expected).enumerate() {
        let n = i + 1;
        if let Some(t) = &want.title {
            let want_t = squash(&crate::fragment_text(t));
            if !lossy_eq(
                &want_t,
                &got.title.as_deref().map(squash).unwrap_or_default(),
            ) {
                return Err(format!(
                    "item {n}: title {:?}, expected {want_t:?}",
                    got.title
                ));
            }
        }
        if let Some(l) = &want.link {
            if got.link.as_deref() != Some(l.trim()) {
                return Err(format!("item {n}: link {:?}, expected {l:?}", got.link));
            }
        }
        if let Some(d) = &want.date {
            if !same_instant(d, got.published_utc) {
                return Err(format!(
                    "item {n}: date {:?}, expected {d}",
                    got.published_utc
                ));
            }
        }
        if got.published.is_none() && want.date.is_some() {
            return Err(format!("item {n}: no date"));
        }
    }
    Ok(parsed.items.len())
}

/// Every feed fixture with an expected parse, the JSON Feed without one (checked against its
/// own items), and the malformed feed (must fail with a message).
pub fn eval_feeds(dir: &Path) -> Res<FeedReport> {
    let mut rep = FeedReport {
        checked: 0,
        passed: 0,
        lines: Vec::new(),
    };
    let mut inputs: Vec<PathBuf> = Vec::new();
    for sub in ["feed-rs", "rss-parser", "trafilatura"] {
        let d = dir.join(sub);
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            let n = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            if !n.contains(".expected.") && !n.ends_with(".md") {
                inputs.push(p);
            }
        }
    }
    inputs.sort();
    if inputs.is_empty() {
        return Err(format!("no feed fixtures under {}", dir.display()));
    }
    for input in inputs {
        let name = input
            .strip_prefix(dir)
            .unwrap_or(&input)
            .display()
            .to_string();
        let stem = input
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let base = stem
            .rsplit_once('.')
            .map(|(b, _)| b.to_string())
            .unwrap_or(stem.clone());
        let candidates = [
            input.with_file_name(format!("{base}.expected.serde.json")),
            input.with_file_name(format!("{base}.expected.json")),
        ];
        rep.checked += 1;
        let outcome = if base.contains("invalid") {
            match std::fs::read(&input)
                .map_err(|e| e.to_string())
                .and_then(|b| feed::parse_feed_items(&b))
            {
                Err(e) => Ok(format!("fails as it should: {e}")),
                Ok(f) => Err(format!(
                    "malformed feed parsed into {} items",
                    f.items.len()
                )),
            }
        } else if let Some(exp) = candidates.iter().find(|c| c.exists()) {
            expected_items(exp)
                .and_then(|want| check_feed(&input, &want))
                .map(|n| format!("{n} items"))
        } else if stem.ends_with(".json") {
            // A JSON Feed without expected output: compare with its own items.
            read_json(&input).and_then(|v| {
                let want: Vec<Expected> = v["items"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|e| Expected {
                        title: e["title"].as_str().map(str::to_string),
                        link: e["url"].as_str().map(str::to_string),
                        date: e["date_published"].as_str().map(str::to_string),
                    })
                    .collect();
                check_feed(&input, &want)
                    .map(|n| format!("{n} items (against the feed's own JSON)"))
            })
        } else {
            Err("no expected output".to_string())
        };
        match outcome {
            Ok(msg) => {
                rep.passed += 1;
                rep.lines.push(format!("ok   {name}: {msg}"));
            }
            Err(msg) => rep.lines.push(format!("FAIL {name}: {msg}")),
        }
    }
    Ok(rep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_scores() {
        let (tp, fp, fn_) = shingle_match("a b c d e f", "a b c d e f");
        assert_eq!((tp, fp, fn_), (1.0, 0.0, 0.0));
        let (tp, fp, _) = shingle_match("a b c d e f", "x y z w");
        assert_eq!(tp, 0.0);
        assert!(fp > 0.0);
    }
}
