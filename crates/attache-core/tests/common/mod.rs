//! What the engine's integration tests share: one engine loaded once, and coding a text.

use std::sync::OnceLock;

use attache_core::{CodeOptions, Engine};
use attache_model::{Document, InputDocument};

pub fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::load(&[]).expect("tables load"))
}

/// Codes `text` as a document published on `published` (none: from the text, if at all).
pub fn code(text: &str, published: Option<&str>) -> Document {
    engine().code(
        &InputDocument {
            id: Some("t".into()),
            text: Some(text.into()),
            published: published.map(String::from),
            ..Default::default()
        },
        &CodeOptions::default(),
    )
}
