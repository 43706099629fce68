//! Clauses: a sentence's tokens cut where a new clause begins (`;`, ", while", ", which",
//! ", but", ", shortly after" ...). Events take their actors, dates and status from their
//! own clause, so "X visited A in 2021, while Y traveled to B in 2024" gives two events
//! with their own dates.

use attache_text::Token;

use crate::lexicon::CLAUSE_WORDS;

/// A clause: a token range `[start, end)` of its sentence, and whether it is subordinate
/// (a relative or adverbial clause, whose subject may be outside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    pub relative: bool,
}

pub fn split(text: &str, tokens: &[Token]) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut relative = false;
    let w = |i: usize| {
        tokens
            .get(i)
            .map(|t| t.text(text).to_ascii_lowercase())
            .unwrap_or_default()
    };
    let mut i = 0;
    while i < tokens.len() {
        let t = w(i);
        // ", and the leaders agreed": a coordinated clause with a subject of its own
        let and_clause = t == ","
            && w(i + 1) == "and"
            && i >= start + 3
            && tokens.get(i + 2).is_some_and(|n| {
                let nt = n.text(text);
                matches!(
                    nt.to_ascii_lowercase().as_str(),
                    "the" | "he" | "she" | "they" | "it" | "we" | "his" | "her" | "their" | "its"
                ) || nt.chars().next().is_some_and(char::is_uppercase)
            });
        // "Moon, who brokered the talks, spoke with Trump": a relative clause between commas
        // ends at its closing comma, and the main clause goes on after it
        let relative_ends = relative && t == "," && i > start + 1;
        // "If North Korea tests again, Japan could ...": a fronted subordinate clause ends
        // at its comma
        let fronted_ends = t == ","
            && start == 0
            && matches!(
                w(0).as_str(),
                "if" | "unless"
                    | "when"
                    | "although"
                    | "though"
                    | "while"
                    | "after"
                    | "before"
                    | "because"
                    | "once"
                    | "as"
            )
            && i > 2;
        let boundary_here = t == ";"
            || fronted_ends
            || and_clause
            || relative_ends
            || (t == "," && {
                let mut j = i + 1;
                if matches!(w(j).as_str(), "shortly" | "just" | "long" | "even") {
                    j += 1;
                }
                // ", under which", ", in which": a relative clause after a preposition
                let prep_relative = matches!(
                    w(j).as_str(),
                    "under" | "in" | "by" | "during" | "through" | "from"
                ) && matches!(w(j + 1).as_str(), "which" | "whom");
                CLAUSE_WORDS.contains(&w(j).as_str()) || prep_relative
            })
            || (matches!(t.as_str(), "while" | "whereas") && i > start)
            // "... since India revoked ...": a subordinate clause with a subject of its own
            || (matches!(t.as_str(), "since" | "after" | "before" | "when" | "because" | "although" | "until")
                && i > start + 2
                && tokens.get(i + 1).is_some_and(|n| {
                    let nt = n.text(text);
                    matches!(nt, "he" | "she" | "they" | "it" | "we")
                        || (nt.chars().next().is_some_and(char::is_uppercase)
                            && !nt.chars().all(|c| c.is_ascii_digit())
                            && !crate::lexicon::is_calendar_word(nt))
                }));
        if boundary_here && i > start {
            out.push(Clause {
                start,
                end: i,
                relative,
            });
            let next = if t == "," || t == ";" { i + 1 } else { i };
            relative = !relative_ends
                && matches!(
                    w(next).as_str(),
                    "which" | "who" | "whom" | "whose" | "where"
                );
            start = next;
            i = next.max(i + 1);
            continue;
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(Clause {
            start,
            end: tokens.len(),
            relative,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use attache_text::{tokenize, Span};

    fn clauses(s: &str) -> Vec<String> {
        let toks = tokenize(s, Span::new(0, s.len()));
        split(s, &toks)
            .iter()
            .map(|c| s[toks[c.start].span.start..toks[c.end - 1].span.end].to_string())
            .collect()
    }

    #[test]
    fn cuts_at_while_which_and_semicolons() {
        assert_eq!(
            clauses("A visited B in 2021, while C traveled to D in 2024."),
            vec!["A visited B in 2021", "while C traveled to D in 2024."]
        );
        assert_eq!(
            clauses("He confirmed the summit, which will take place in 2026."),
            vec!["He confirmed the summit", "which will take place in 2026."]
        );
        assert_eq!(
            clauses("Ruto spoke with Museveni on Monday, and the two leaders agreed to meet."),
            vec![
                "Ruto spoke with Museveni on Monday",
                "and the two leaders agreed to meet."
            ]
        );
        assert_eq!(
            clauses("Moon, who brokered the talks, spoke with Trump."),
            vec!["Moon", "who brokered the talks", "spoke with Trump."]
        );
        assert_eq!(
            clauses("If Iran tests again, Japan could act."),
            vec!["If Iran tests again", "Japan could act."]
        );
        assert_eq!(
            clauses("trade, culture, and development"),
            vec!["trade, culture, and development"]
        );
        assert_eq!(
            clauses("Ties were set up in 1992, shortly after it gained independence; trade grew."),
            vec![
                "Ties were set up in 1992",
                "shortly after it gained independence",
                "trade grew."
            ]
        );
    }
}
