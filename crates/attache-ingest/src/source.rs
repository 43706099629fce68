//! The streaming reader behind [`crate::read_inputs`]: walks paths lazily, opens each input
//! (gzip detected by magic bytes), sniffs its kind and yields its documents one at a time.

use std::collections::{HashSet, VecDeque};
use std::fs;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use attache_model::InputDocument;

use crate::jsonl::{parse_line, read_line_capped, truncate_to};
use crate::reuters::{record_to_input, RecordSplitter};
use crate::sniff::{sniff, Sniffed};
use crate::{decode, feed, html, lang, Article, Format, Input, Progress, ReadOptions};

const PREFIX_BYTES: usize = 8192;
const BUF_BYTES: usize = 64 * 1024;

type Reader = Box<dyn BufRead + Send>;

enum Pending {
    /// A path; `explicit` when the user named it (then FIFOs and devices are read too).
    Path {
        path: PathBuf,
        explicit: bool,
    },
    Stdin,
    Stream {
        name: String,
        reader: Box<dyn Read + Send>,
    },
}

enum Current {
    Lines {
        reader: Reader,
        name: String,
        lineno: u64,
    },
    Sgml {
        reader: Reader,
        name: String,
        lineno: u64,
        splitter: RecordSplitter,
    },
}

/// Counts bytes read from the underlying input, for progress.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Iterator of [`Input`]s over files, directories, `.gz` files and standard input.
pub struct Inputs {
    opts: ReadOptions,
    /// Inputs still to open, as a stack (next one last).
    pending: Vec<Pending>,
    current: Option<Current>,
    queue: VecDeque<Input>,
    progress: Progress,
    bytes: Arc<AtomicU64>,
    visited_dirs: HashSet<PathBuf>,
    deduper: Option<crate::Deduper>,
}

impl Inputs {
    pub(crate) fn new(paths: &[PathBuf], opts: ReadOptions) -> Self {
        let pending = paths
            .iter()
            .rev()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Pending::Stdin
                } else {
                    Pending::Path {
                        path: p.clone(),
                        explicit: true,
                    }
                }
            })
            .collect();
        Inputs {
            pending,
            current: None,
            queue: VecDeque::new(),
            progress: Progress::default(),
            bytes: Arc::new(AtomicU64::new(0)),
            visited_dirs: HashSet::new(),
            deduper: opts.dedup.then(crate::Deduper::default),
            opts,
        }
    }

    pub(crate) fn from_reader(name: &str, reader: Box<dyn Read + Send>, opts: ReadOptions) -> Self {
        let mut me = Inputs::new(&[], opts);
        me.pending.push(Pending::Stream {
            name: name.to_string(),
            reader,
        });
        me
    }

    /// Progress so far (also passed to the `progress` callback of the options).
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    fn report(&mut self) {
        self.progress.bytes = self.bytes.load(Ordering::Relaxed);
        if let Some(cb) = &self.opts.progress {
            cb(&self.progress);
        }
    }

    fn error(&mut self, source: &str, message: String) {
        self.queue.push_back(Input::Error {
            source: source.to_string(),
            message,
        });
    }

    /// Expands one pending entry: a directory into its sorted entries, a file or stream into
    /// an open source (or queued documents, or an error).
    fn open_next(&mut self, p: Pending) {
        match p {
            Pending::Stdin => {
                let reader: Box<dyn Read + Send> = Box::new(std::io::stdin());
                self.start("-", "stdin", reader);
            }
            Pending::Stream { name, reader } => self.start(&name.clone(), &name, reader),
            Pending::Path { path, explicit } => self.open_path(&path, explicit),
        }
    }

    fn open_path(&mut self, path: &Path, explicit: bool) {
        let name = path.display().to_string();
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                let dangling = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
                let what = if dangling {
                    " (dangling symbolic link)"
                } else {
                    ""
                };
                return self.error(&name, format!("cannot read {name}{what}: {e}"));
            }
        };
        if meta.is_dir() {
            return self.walk_dir(path, &name);
        }
        if !meta.is_file() && !explicit {
            return self.error(
                &name,
                format!("{name} is not a regular file (FIFO, socket or device); skipped"),
            );
        }
        match fs::File::open(path) {
            Ok(f) => self.start(&name, &name, Box::new(f)),
            Err(e) => self.error(&name, format!("cannot open {name}: {e}")),
        }
    }

    fn walk_dir(&mut self, path: &Path, name: &str) {
        if let Ok(canon) = fs::canonicalize(path) {
            if !self.visited_dirs.insert(canon) {
                return self.error(
                    name,
                    format!("{name}: directory already read (symlink loop?); skipped"),
                );
            }
        }
        let entries = match fs::read_dir(path) {
            Ok(rd) => rd,
            Err(e) => return self.error(name, format!("cannot list directory {name}: {e}")),
        };
        let mut children = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => {
                    let file_name = e.file_name();
                    // Hidden files (.git, .DS_Store) are not articles.
                    if file_name.to_string_lossy().starts_with('.') {
                        continue;
                    }
                    children.push(e.path());
                }
                Err(e) => self.error(name, format!("error listing directory {name}: {e}")),
            }
        }
        children.sort();
        for child in children.into_iter().rev() {
            self.pending.push(Pending::Path {
                path: child,
                explicit: false,
            });
        }
    }

    /// Opens a byte stream: gzip by magic bytes, then the kind by content.
    fn start(&mut self, name: &str, label: &str, raw: Box<dyn Read + Send>) {
        self.progress.files += 1;
        self.progress.current = name.to_string();
        self.report();
        let counted = Counting {
            inner: raw,
            count: self.bytes.clone(),
        };
        let mut buffered = BufReader::with_capacity(BUF_BYTES, counted);
        let gz = match buffered.fill_buf() {
            Ok(b) => b.starts_with(&[0x1f, 0x8b]),
            Err(e) => return self.error(name, format!("cannot read {name}: {e}")),
        };
        let mut inner: Box<dyn Read + Send> = if gz {
            Box::new(flate2::read::MultiGzDecoder::new(buffered))
        } else {
            Box::new(buffered)
        };
        // The name without .gz decides ties in sniffing (x.jsonl.gz is JSON Lines).
        let inner_name = label.strip_suffix(".gz").unwrap_or(label).to_string();
        let mut prefix = Vec::with_capacity(PREFIX_BYTES);
        if let Err(e) = (&mut inner)
            .take(PREFIX_BYTES as u64)
            .read_to_end(&mut prefix)
        {
            return self.error(name, read_error(name, gz, &e));
        }
        if prefix.is_empty() {
            return self.error(name, format!("{name} is empty; no document"));
        }
        let format = match (self.opts.format, sniff(&inner_name, &prefix)) {
            (_, Sniffed::Binary(why)) => {
                return self.error(name, format!("{name}: {why}; not a text document, skipped"))
            }
            (Some(f), _) => f,
            (None, Sniffed::Format(f)) => f,
        };
        let reader: Reader = Box::new(BufReader::with_capacity(
            BUF_BYTES,
            Cursor::new(prefix).chain(inner),
        ));
        match format {
            Format::Jsonl => {
                self.current = Some(Current::Lines {
                    reader,
                    name: label.to_string(),
                    lineno: 0,
                })
            }
            Format::Reuters => {
                self.current = Some(Current::Sgml {
                    reader,
                    name: label.to_string(),
                    lineno: 0,
                    splitter: RecordSplitter::default(),
                })
            }
            Format::Text | Format::Html | Format::Json | Format::Feed => {
                self.whole(name, label, &inner_name, gz, format, reader)
            }
        }
    }

    /// Formats read whole (one page, one feed, one text): read up to the cap, then parse.
    fn whole(
        &mut self,
        name: &str,
        label: &str,
        inner_name: &str,
        gz: bool,
        format: Format,
        mut reader: Reader,
    ) {
        let cap = self.opts.max_doc_bytes;
        let mut bytes = Vec::new();
        if let Err(e) = (&mut reader).take(cap as u64).read_to_end(&mut bytes) {
            return self.error(name, read_error(name, gz, &e));
        }
        let mut warnings = Vec::new();
        // Is there more beyond the cap? Then the document is cut, with a warning.
        let more = match reader.fill_buf() {
            Ok(b) => !b.is_empty(),
            Err(e) => return self.error(name, read_error(name, gz, &e)),
        };
        if more {
            warnings.push(format!(
                "{name} is larger than {cap} bytes; only the first {cap} bytes were read"
            ));
        }
        let stem = stem_of(inner_name);
        match format {
            Format::Text => {
                let (mut text, w) = decode::decode(&bytes, None);
                drop(bytes);
                if let Some(w) = w {
                    warnings.push(format!("{name}: {w}"));
                }
                truncate_to(&mut text, cap);
                if text.trim().is_empty() {
                    return self.error(name, format!("{name} holds only whitespace; no document"));
                }
                let id = if label == "stdin" {
                    content_id(&text)
                } else {
                    stem
                };
                let doc = InputDocument {
                    id: Some(id),
                    text: Some(text),
                    ..Default::default()
                };
                self.queue.push_back(Input::Document(Box::new(Article {
                    doc,
                    origin: name.to_string(),
                    format: Some(Format::Text),
                    warnings,
                    ..Article::default()
                })));
            }
            Format::Html => {
                let mut art = html::extract_html(&bytes, None).into_article();
                if art.doc.text.as_deref().is_none_or(|t| t.trim().is_empty()) {
                    return self.error(name, format!("{name}: no article text found in the HTML"));
                }
                let id = if label == "stdin" {
                    content_id(art.doc.text.as_deref().unwrap_or(""))
                } else {
                    stem
                };
                art.doc.id = Some(id);
                art.origin = name.to_string();
                art.warnings.splice(0..0, warnings);
                self.queue.push_back(Input::Document(Box::new(art)));
            }
            Format::Feed => match feed::parse_feed(&bytes, name, &stem) {
                Ok(items) => {
                    for mut art in items {
                        art.warnings.extend(warnings.iter().cloned());
                        self.queue.push_back(Input::Document(Box::new(art)));
                    }
                }
                Err(msg) => self.error(name, msg),
            },
            Format::Json => self.json_whole(name, &stem, &bytes),
            Format::Jsonl | Format::Reuters => unreachable!("streamed formats"),
        }
    }

    /// A JSON file holding one input document or an array of them.
    fn json_whole(&mut self, name: &str, stem: &str, bytes: &[u8]) {
        let (text, _) = decode::decode(bytes, None);
        let value: serde_json::Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => return self.error(name, format!("{name} is not valid JSON: {e}")),
        };
        let items: Vec<serde_json::Value> = match value {
            serde_json::Value::Array(a) => a,
            v => vec![v],
        };
        let single = items.len() == 1;
        for (i, item) in items.into_iter().enumerate() {
            let lineno = i as u64 + 1;
            let line = crate::jsonl::Line {
                bytes: item.to_string().into_bytes(),
                dropped: 0,
            };
            let label = if single {
                stem.to_string()
            } else {
                format!("{name}#{lineno}")
            };
            if let Some(mut input) = parse_line(name, lineno, line) {
                // Ids default to the file stem (one object) or file#n (arrays), not line numbers.
                match &mut input {
                    Input::Document(a)
                        if a.doc.id.as_deref() == Some(&format!("{name}:{lineno}")) =>
                    {
                        a.doc.id = Some(label.clone());
                        a.format = Some(Format::Json);
                    }
                    Input::Document(a) => a.format = Some(Format::Json),
                    Input::Invalid { id, warning } => {
                        if *id == format!("{name}:{lineno}") {
                            *id = label.clone();
                        }
                        *warning = warning.replace(
                            &format!("line {lineno} of {name}"),
                            &format!("item {lineno} of {name}"),
                        );
                    }
                    _ => {}
                }
                self.queue.push_back(input);
            }
        }
    }

    /// Advances the streaming source by one item (pushing it on the queue); false when done.
    fn step_current(&mut self) -> bool {
        let cap = self.opts.max_doc_bytes;
        let Some(cur) = self.current.as_mut() else {
            return false;
        };
        match cur {
            Current::Lines {
                reader,
                name,
                lineno,
            } => loop {
                match read_line_capped(reader.as_mut(), cap) {
                    Ok(Some(line)) => {
                        *lineno += 1;
                        if let Some(input) = parse_line(name, *lineno, line) {
                            self.queue.push_back(input);
                            return true;
                        }
                    }
                    Ok(None) => {
                        self.current = None;
                        return false;
                    }
                    Err(e) => {
                        let msg = format!(
                            "{name}: read error after line {lineno}: {e}{}",
                            truncation_hint(&e)
                        );
                        let n = name.clone();
                        self.current = None;
                        self.error(&n, msg);
                        return true;
                    }
                }
            },
            Current::Sgml {
                reader,
                name,
                lineno,
                splitter,
            } => loop {
                match read_line_capped(reader.as_mut(), cap) {
                    Ok(Some(line)) => {
                        *lineno += 1;
                        let text = decode::latin1(&line.bytes);
                        if let Some((start, rec)) = splitter.push(&text, *lineno, cap) {
                            self.queue.push_back(record_to_input(name, start, &rec));
                            return true;
                        }
                    }
                    Ok(None) => {
                        let open = splitter.finish();
                        let n = name.clone();
                        self.current = None;
                        if let Some(start) = open {
                            self.error(&n, format!("{n}: record starting at line {start} is not closed (file truncated?)"));
                            return true;
                        }
                        return false;
                    }
                    Err(e) => {
                        let msg = format!(
                            "{name}: read error after line {lineno}: {e}{}",
                            truncation_hint(&e)
                        );
                        let n = name.clone();
                        self.current = None;
                        self.error(&n, msg);
                        return true;
                    }
                }
            },
        }
    }

    fn filter_language(&self, input: Input) -> Input {
        if !self.opts.english_only {
            return input;
        }
        match input {
            Input::Document(mut art) => {
                let text = art.doc.text.as_deref().unwrap_or("");
                match lang::detect(text) {
                    Some(code) if code != "en" => {
                        let label = art.doc.id.clone().unwrap_or_else(|| art.origin.clone());
                        let reason = format!(
                            "{label} ({}) is not in English (detected language: {code}); skipped",
                            art.origin
                        );
                        art.language = Some(code);
                        Input::Skipped {
                            article: art,
                            reason,
                        }
                    }
                    Some(code) => {
                        if art.language.is_none() {
                            art.language = Some(code);
                        }
                        Input::Document(art)
                    }
                    None => Input::Document(art),
                }
            }
            other => other,
        }
    }
}

impl Iterator for Inputs {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                let mut item = self.filter_language(item);
                if let (Some(d), Input::Document(a)) = (self.deduper.as_mut(), &mut item) {
                    let id = a.doc.id.clone().unwrap_or_else(|| a.origin.clone());
                    a.dedup = Some(d.add(&id, a.doc.text.as_deref().unwrap_or("")));
                }
                self.progress.items += 1;
                self.report();
                return Some(item);
            }
            if self.current.is_some() {
                self.step_current();
                continue;
            }
            let p = self.pending.pop()?;
            self.open_next(p);
        }
    }
}

fn truncation_hint(e: &std::io::Error) -> &'static str {
    if e.kind() == std::io::ErrorKind::UnexpectedEof {
        " (the compressed stream ends early: truncated gzip?)"
    } else {
        ""
    }
}

fn read_error(name: &str, gz: bool, e: &std::io::Error) -> String {
    let what = if gz { "gzip data" } else { "file" };
    format!("cannot read {name} ({what}): {e}{}", truncation_hint(e))
}

/// File name without directories and extensions (`a/b/story.html.gz` → `story`).
fn stem_of(name: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    let base = base.strip_suffix(".gz").unwrap_or(base);
    match base.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s.to_string(),
        _ => base.to_string(),
    }
}

/// A stable id from the content, for inputs without a name (standard input).
pub fn content_id(text: &str) -> String {
    format!("doc-{:016x}", crate::dedup::fnv64(text.as_bytes()))
}
