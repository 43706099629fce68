//! Reads news as users have it into [`attache_model::InputDocument`]s: JSON Lines, plain
//! text, HTML pages, RSS/Atom/JSON feeds and Reuters-21578 SGML, from files, directories,
//! `.gz` files and standard input, with the kind of each input detected from its content.
//!
//! The entry point is [`read_inputs`], a lazy iterator of [`Input`]s: documents stream one at a
//! time (JSON Lines line by line, SGML record by record), so memory stays flat whatever the
//! input size. Nothing here panics on bad input: a bad line becomes [`Input::Invalid`] (the
//! caller writes an output document with a warning), an unreadable file becomes
//! [`Input::Error`] naming the file, and every readable document is still produced.

mod dates;
mod decode;
pub mod dedup;
pub mod eval;
pub mod feed;
mod html;
mod jsonl;
mod lang;
mod reuters;
mod sniff;
mod source;

use std::path::PathBuf;
use std::sync::Arc;

pub use attache_model::{InputDocument, PublishedBasis};
pub use dedup::{DedupInfo, Deduper, DupKind};
pub use html::{extract_html, extract_html_str, fragment_text, HtmlArticle};
pub use sniff::Format;
pub use source::Inputs;

/// Default cap on one document's text: larger inputs are cut with a warning so a single
/// 50 MB line cannot exhaust memory.
pub const DEFAULT_MAX_DOC_BYTES: usize = 20 * 1024 * 1024;

/// A progress callback (see [`ReadOptions::progress`]).
pub type ProgressFn = Arc<dyn Fn(&Progress) + Send + Sync>;

/// Options for [`read_inputs`].
#[derive(Clone)]
pub struct ReadOptions {
    /// Force the input kind (`--input jsonl`) instead of detecting it from content.
    pub format: Option<Format>,
    /// Cap on the bytes of one document (a line, a text file, a page); longer ones are cut
    /// with a warning.
    pub max_doc_bytes: usize,
    /// Skip documents whose language is reliably detected as not English (returned as
    /// [`Input::Skipped`], never dropped silently).
    pub english_only: bool,
    /// Called after every document and at the start of every file, for progress display.
    pub progress: Option<ProgressFn>,
    /// Mark exact and near duplicates ([`Article::dedup`]) with a [`Deduper`] over the run.
    pub dedup: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            english_only: true,
            progress: None,
            dedup: false,
        }
    }
}

impl std::fmt::Debug for ReadOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadOptions")
            .field("format", &self.format)
            .field("max_doc_bytes", &self.max_doc_bytes)
            .field("english_only", &self.english_only)
            .field("progress", &self.progress.is_some())
            .field("dedup", &self.dedup)
            .finish()
    }
}

/// Counters for progress display on long runs.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// Inputs (files, stdin) opened so far.
    pub files: u64,
    /// Items yielded so far (documents, invalid lines, skipped documents, errors).
    pub items: u64,
    /// Bytes read from the current and previous inputs (after decompression).
    pub bytes: u64,
    /// The input being read.
    pub current: String,
}

/// One document read from an input, with the metadata found beside its text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// The contract's input document (id, text, published, title, url, source).
    pub doc: InputDocument,
    /// Where it came from: `file.jsonl:17`, `reut2-000.sgm:NEWID=5`, `page.html`, `feed.xml#3`.
    pub origin: String,
    /// The kind of input it was read from.
    pub format: Option<Format>,
    /// How `doc.published` was obtained (metadata of the page, feed or record).
    pub published_basis: Option<PublishedBasis>,
    pub site_name: Option<String>,
    pub byline: Option<String>,
    /// Language declared by the input (`<html lang>`, feed language) or detected.
    pub language: Option<String>,
    pub canonical_url: Option<String>,
    /// Problems that did not stop the document (cut at the size cap, lossy decoding, ...).
    pub warnings: Vec<String>,
    /// Duplicate cluster, when [`ReadOptions::dedup`] is on.
    pub dedup: Option<DedupInfo>,
}

/// What [`read_inputs`] yields.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A readable document.
    Document(Box<Article>),
    /// One input unit that cannot be a document (a `.jsonl` line that is not JSON or lacks
    /// `text`). The caller writes an output document with id `id`, empty lists and `warning`.
    Invalid { id: String, warning: String },
    /// A readable document left out on purpose (e.g. not English); `reason` names it.
    Skipped {
        article: Box<Article>,
        reason: String,
    },
    /// A whole input (file, directory entry, stream) that could not be read, or could only be
    /// read in part; `source` names it. Documents read before the problem were yielded.
    Error { source: String, message: String },
}

impl Input {
    /// The id an output document for this input should carry, if it has one.
    pub fn id(&self) -> Option<&str> {
        match self {
            Input::Document(a) | Input::Skipped { article: a, .. } => a.doc.id.as_deref(),
            Input::Invalid { id, .. } => Some(id),
            Input::Error { .. } => None,
        }
    }
}

/// Streams the documents of `paths` (files, directories walked recursively in sorted order,
/// `.gz` files, and `-` for standard input), detecting each input's kind from its content.
pub fn read_inputs(paths: &[PathBuf], opts: &ReadOptions) -> Inputs {
    Inputs::new(paths, opts.clone())
}

/// Reads documents from any byte stream (already opened), named `name` in ids and messages.
pub fn read_stream<R: std::io::Read + Send + 'static>(
    name: &str,
    reader: R,
    opts: &ReadOptions,
) -> Inputs {
    Inputs::from_reader(name, Box::new(reader), opts.clone())
}
