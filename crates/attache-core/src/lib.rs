//! attache-core: the coding pipeline.
//!
//! clean text → sentences, tokens, clauses → dateline and publication date → actor mentions
//! (gazetteer, leftmost-longest) and their resolution in the document → time expressions
//! resolved against the publication date → quantities → events → facts → the contract's
//! [`Document`]. Every item keeps the byte span it came from; spans become code-point
//! offsets only in [`output`].
//!
//! Architecture invariant: coding never fails and never panics on any text; what it could
//! not do goes into the document's `warnings`.

use std::path::PathBuf;

use attache_dict::{Dictionaries, LoadError};
use attache_model::{Document, InputDocument, PublishedBasis};
use attache_text::{Span, Token};
use jiff::civil::Date;

pub mod actors;
pub mod checks;
pub mod clauses;
pub mod dateline;
pub mod events;
pub mod examples;
pub mod explain;
pub mod facts;
pub mod gazetteer;
pub mod lexicon;
pub mod output;
mod published;

pub use attache_dict;

/// A sentence with its tokens and clauses.
#[derive(Debug, Clone)]
pub struct Sent {
    pub span: Span,
    pub paragraph: usize,
    pub tokens: Vec<Token>,
    pub clauses: Vec<clauses::Clause>,
}

/// Options of one coding run.
#[derive(Debug, Clone, Default)]
pub struct CodeOptions {
    /// Publication date for inputs that have none (`--date`).
    pub date: Option<Date>,
    /// Keep events whose target the text does not name ("Greece rejected the idea"). Off
    /// by default: such an event says little about who acted on whom. Pattern checks turn
    /// it on to see that a pattern fires.
    pub untargeted_events: bool,
}

/// The engine: validated tables and the automata built from them. Build once, code many.
pub struct Engine {
    pub dict: Dictionaries,
    gazetteer: gazetteer::Gazetteer,
    matcher: events::Matcher,
    places: dateline::PlaceIndex,
}

/// Everything the pipeline found in one document, before serialization; `explain` reads it.
pub struct Analysis {
    pub id: String,
    pub text: String,
    pub sents: Vec<Sent>,
    pub dateline: Option<dateline::Dateline>,
    pub published: Option<Date>,
    pub published_basis: Option<PublishedBasis>,
    pub published_reason: String,
    pub actors: Vec<actors::ActorRec>,
    pub mentions: Vec<actors::MentionRef>,
    pub times: Vec<attache_time::TimeExpr>,
    pub quantities: Vec<attache_quant::QuantityExpr>,
    pub events: Vec<events::EventRec>,
    pub facts: Vec<facts::FactRec>,
    pub warnings: Vec<String>,
    /// Each actor's code as of the publication date.
    pub actor_codes: Vec<Option<String>>,
    /// Source and target codes of each event as of the event's date.
    event_codes: Vec<(Option<String>, Option<String>)>,
}

impl Engine {
    /// Loads our tables and the users' (`--dict DIR`).
    pub fn load(extra_dict_dirs: &[PathBuf]) -> Result<Engine, LoadError> {
        Ok(Engine::new(Dictionaries::load(extra_dict_dirs)?))
    }

    pub fn new(dict: Dictionaries) -> Engine {
        let gazetteer = gazetteer::Gazetteer::new(&dict);
        let matcher = events::Matcher::new(&dict);
        let places = dateline::PlaceIndex::new(&dict);
        Engine {
            dict,
            gazetteer,
            matcher,
            places,
        }
    }

    /// Codes one input document into the contract's shape.
    pub fn code(&self, input: &InputDocument, opts: &CodeOptions) -> Document {
        let a = self.analyze(input, opts);
        output::document(self, input, &a)
    }

    /// Runs the pipeline and keeps every intermediate result.
    pub fn analyze(&self, input: &InputDocument, opts: &CodeOptions) -> Analysis {
        let raw = input.text.as_deref().unwrap_or("");
        let text = attache_text::clean(raw);
        let mut warnings = Vec::new();
        if input.text.is_none() {
            warnings.push("the input has no `text`".to_string());
        } else if text.trim().is_empty() {
            warnings.push("the input text is empty".to_string());
        }
        let id = input.id.clone().unwrap_or_else(|| content_id(&text));
        let sents: Vec<Sent> = attache_text::split_sentences(&text)
            .into_iter()
            .map(|s| {
                let tokens = attache_text::tokenize(&text, s.span);
                let clauses = clauses::split(&text, &tokens);
                Sent {
                    span: s.span,
                    paragraph: s.paragraph,
                    tokens,
                    clauses,
                }
            })
            .collect();
        let dl = dateline::parse(&text, &self.places);

        let mut resolver = actors::Resolver::new(&self.dict, &self.gazetteer);
        resolver.date_hint = input
            .published
            .as_deref()
            .map(|p| p.chars().take(10).collect())
            .or_else(|| opts.date.map(|d| d.to_string()));
        // the gazetteer reads each sentence once: for the story's country, then for its actors
        let name_hits: Vec<Vec<gazetteer::Hit>> = sents
            .iter()
            .map(|s| self.gazetteer.names(&text, s.span))
            .collect();
        resolver.home_country =
            resolver.story_country(&name_hits, dl.as_ref().and_then(|d| d.country.clone()));
        for (i, s) in sents.iter().enumerate() {
            resolver.sentence(&text, i, s.span, &s.tokens, &name_hits[i]);
        }
        resolver.drop_surnames_of_unnamed_countries();

        let (published, published_basis, published_reason) = published::decide(
            input,
            opts,
            dl.as_ref(),
            &text,
            &sents,
            &resolver,
            &mut warnings,
        );

        let times = attache_time::extract(&text, published);
        let quant_ctx = facts::quant_context(&text);
        let quantities = attache_quant::extract(&text, &quant_ctx);
        let published_s = published.map(|d| d.to_string());
        let dateline_end = dl.as_ref().map(|d| d.end).unwrap_or(0);
        let inp = events::EventInput {
            text: &text,
            actor_countries: resolver.actors.iter().map(|a| a.country.clone()).collect(),
            actor_roles: resolver.actors.iter().map(|a| a.role.clone()).collect(),
            actor_sectors: (0..resolver.actors.len())
                .map(|i| resolver.party_sector(i))
                .collect(),
            actor_is_person: resolver
                .actors
                .iter()
                .map(|a| a.kind == attache_model::ActorKind::Person)
                .collect(),
            mention_is_state: resolver
                .mentions
                .iter()
                .map(|m| {
                    let a = &resolver.actors[m.actor];
                    a.kind == attache_model::ActorKind::Country
                        && text.get(m.span.start..m.span.end) == Some(a.name.as_str())
                })
                .collect(),
            sents: &sents,
            mentions: &resolver.mentions,
            times: &times,
            published: published_s.clone(),
            dateline_end,
        };
        let raw_events = events::find(&self.dict, &self.matcher, &inp);
        let country_of = |a: Option<usize>| a.and_then(|i| resolver.actors[i].country.clone());
        let mut events = events::merge(raw_events, &country_of);
        if !opts.untargeted_events {
            events.retain(|e| country_of(e.target).is_some());
        }
        let facts = facts::find(
            &self.dict,
            &facts::FactInput {
                text: &text,
                sents: &sents,
                mentions: &resolver.mentions,
                actors: &resolver.actors,
                times: &times,
                quantities: &quantities,
                dateline_end,
                dateline_country: dl.as_ref().and_then(|d| d.country.clone()),
            },
        );
        // codes of each event's actors as of the event's date
        let event_codes = events
            .iter()
            .map(|e| {
                // a party taken from where the event happened is its country, not the
                // government a capital stands for nor the group named there
                let at = |a: Option<usize>, located: bool| {
                    a.and_then(|a| match located {
                        true => resolver.actors[a].country.clone(),
                        false => resolver.party_code_at(a, e.date.as_deref()),
                    })
                };
                (at(e.source, e.located.0), at(e.target, e.located.1))
            })
            .collect();
        let actor_codes_now: Vec<Option<String>> = (0..resolver.actors.len())
            .map(|i| resolver.code_at(i, published_s.as_deref()))
            .collect();
        Analysis {
            id,
            text: text.clone(),
            sents,
            dateline: dl,
            published,
            published_basis,
            published_reason,
            actors: resolver.actors.clone(),
            actor_codes: actor_codes_now,
            mentions: resolver.mentions.clone(),
            times,
            quantities,
            events,
            facts,
            warnings,
            event_codes,
        }
    }
}

impl Analysis {
    /// Source and target codes of event `i` as of its date.
    pub fn event_codes(&self, i: usize) -> (Option<String>, Option<String>) {
        self.event_codes[i].clone()
    }
}

/// A stable id from the content: FNV-1a 64 of the clean text.
pub fn content_id(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}
