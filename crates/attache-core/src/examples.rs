//! Every event pattern carries an example sentence and the countries it expects; this codes
//! each example and reports those that do not give the pattern's event. `attache check` and
//! the test suite run it, so a pattern and its example cannot drift apart.

use attache_model::InputDocument;
use jiff::civil::Date;

use crate::{CodeOptions, Engine};

pub struct ExampleReport {
    pub total: usize,
    pub passed: usize,
    pub failures: Vec<String>,
}

pub fn check_examples(engine: &Engine) -> ExampleReport {
    let opts = CodeOptions {
        date: Date::new(2024, 3, 15).ok(),
        untargeted_events: true,
    };
    let mut failures = Vec::new();
    let mut passed = 0;
    for p in &engine.dict.patterns {
        let doc = engine.code(
            &InputDocument {
                id: Some("example".into()),
                text: Some(p.example.clone()),
                ..Default::default()
            },
            &opts,
        );
        let (want_src, want_tgt) = match p.expect.as_deref().and_then(|e| e.split_once('>')) {
            Some((s, t)) => (Some(s.to_string()), Some(t.to_string())),
            None => (None, None),
        };
        let ok = doc.events.iter().any(|e| {
            let country = |x: &Option<attache_model::Party>| {
                x.as_ref()
                    .and_then(|p| p.country.clone())
                    .unwrap_or_else(|| "-".into())
            };
            e.cameo == p.code
                && want_src.as_ref().is_none_or(|s| &country(&e.source) == s)
                // `-`: no target is needed (a domestic event may take its place's country)
                && want_tgt.as_ref().is_none_or(|t| t == "-" || &country(&e.target) == t)
        });
        if ok {
            passed += 1;
        } else {
            let got: Vec<String> = doc
                .events
                .iter()
                .map(|e| {
                    format!(
                        "{} {}>{}",
                        e.cameo,
                        e.source
                            .as_ref()
                            .and_then(|p| p.country.clone())
                            .unwrap_or_else(|| "-".into()),
                        e.target
                            .as_ref()
                            .and_then(|p| p.country.clone())
                            .unwrap_or_else(|| "-".into())
                    )
                })
                .collect();
            failures.push(format!(
                "{}: `{}` expects {} {}, got [{}]",
                p.rule_name(),
                p.example,
                p.code,
                p.expect.as_deref().unwrap_or(""),
                got.join(", ")
            ));
        }
    }
    ExampleReport {
        total: engine.dict.patterns.len(),
        passed,
        failures,
    }
}
