//! Event patterns: a tiny, typed language for the way news English states an event.
//!
//! A pattern is a sequence of space-separated tokens:
//! - `+visit`: any inflection of the verb *visit* (visits, visited, visiting; irregular
//!   forms come from `en/irregular_verbs.tsv`), the pattern's main verb;
//! - `~talk`: the noun *talk* in singular or plural;
//! - `word` or `word|other`: that literal word (case-insensitive);
//! - `*`: a gap of up to six words (a whole actor mention counts as one);
//! - `{t}`: the target: an actor must stand here.
//!
//! Inflections are generated, never listed, so one entry covers every tense.

/// One token of a parsed pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternToken {
    Verb(String),
    Noun(String),
    Literal(Vec<String>),
    Gap,
    Target,
}

#[derive(Debug, Clone)]
pub struct EventPattern {
    pub code: String,
    pub source_text: String,
    pub tokens: Vec<PatternToken>,
    pub example: String,
    /// `SRC>TGT` countries expected when the example is coded (`-` for none), if given.
    pub expect: Option<String>,
    pub file: String,
    pub line: usize,
}

impl EventPattern {
    /// A stable name for provenance: `file:line code pattern`.
    pub fn rule_name(&self) -> String {
        let file = self.file.rsplit('/').next().unwrap_or(&self.file);
        format!("{file}:{} {} `{}`", self.line, self.code, self.source_text)
    }
}

pub fn parse_pattern(s: &str) -> Result<Vec<PatternToken>, String> {
    let mut out = Vec::new();
    for raw in s.split_whitespace() {
        let tok = if raw == "*" {
            PatternToken::Gap
        } else if raw == "{t}" {
            PatternToken::Target
        } else if let Some(v) = raw.strip_prefix('+') {
            if v.is_empty() || !v.chars().all(|c| c.is_alphabetic() || c == '-') {
                return Err(format!("`{raw}`: a verb is `+` followed by a word"));
            }
            PatternToken::Verb(v.to_lowercase())
        } else if let Some(n) = raw.strip_prefix('~') {
            if n.is_empty() || !n.chars().all(|c| c.is_alphabetic() || c == '-') {
                return Err(format!("`{raw}`: a noun is `~` followed by a word"));
            }
            PatternToken::Noun(n.to_lowercase())
        } else if raw.starts_with('{') {
            return Err(format!("`{raw}`: the only slot is {{t}}"));
        } else {
            let alts: Vec<String> = raw.split('|').map(|w| w.to_lowercase()).collect();
            if alts.iter().any(|a| a.is_empty()) {
                return Err(format!("`{raw}`: empty alternative"));
            }
            PatternToken::Literal(alts)
        };
        out.push(tok);
    }
    if out.is_empty() {
        return Err("empty pattern".into());
    }
    if !out.iter().any(|t| {
        matches!(
            t,
            PatternToken::Verb(_) | PatternToken::Noun(_) | PatternToken::Literal(_)
        )
    }) {
        return Err("a pattern needs at least one word".into());
    }
    if matches!(out.first(), Some(PatternToken::Gap))
        || matches!(out.last(), Some(PatternToken::Gap))
    {
        return Err("a pattern cannot start or end with a gap".into());
    }
    Ok(out)
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Every form of a verb: lemma, third person, past, participle, gerund. Regular forms follow
/// English spelling rules; `irregular` gives (past, participle) where the verb is irregular.
/// Ambiguous doubling (travelled/traveled) yields both forms.
pub fn verb_forms(lemma: &str, irregular: Option<&(String, String)>) -> Vec<String> {
    let l = lemma.to_lowercase();
    // British spelling: "criticise" beside "criticize", "analyse" beside "analyze"
    let other_spelling = [
        ("ize", "ise"),
        ("ise", "ize"),
        ("yze", "yse"),
        ("yse", "yze"),
    ]
    .iter()
    .find(|(from, _)| l.len() > 5 && l.ends_with(from))
    .map(|(from, to)| format!("{}{to}", &l[..l.len() - from.len()]));
    let mut forms = regular_forms(&l, irregular);
    if let Some(o) = other_spelling.filter(|_| irregular.is_none()) {
        forms.extend(regular_forms(&o, None));
        forms.sort();
        forms.dedup();
    }
    forms
}

fn regular_forms(l: &str, irregular: Option<&(String, String)>) -> Vec<String> {
    let l = l.to_string();
    let mut forms = vec![l.clone()];
    let chars: Vec<char> = l.chars().collect();
    let n = chars.len();
    // third person singular
    let third = if l.ends_with('s')
        || l.ends_with('x')
        || l.ends_with("ch")
        || l.ends_with("sh")
        || l.ends_with('z')
        || l.ends_with('o')
    {
        format!("{l}es")
    } else if n >= 2 && chars[n - 1] == 'y' && !is_vowel(chars[n - 2]) {
        format!("{}ies", &l[..l.len() - 1])
    } else {
        format!("{l}s")
    };
    forms.push(third);
    // stems for -ed and -ing
    let cvc = n >= 3
        && !is_vowel(chars[n - 1])
        && !matches!(chars[n - 1], 'w' | 'x' | 'y')
        && is_vowel(chars[n - 2])
        && !is_vowel(chars[n - 3]);
    let (past, ing): (Vec<String>, Vec<String>) = if l.ends_with("ie") {
        (
            vec![format!("{l}d")],
            vec![format!("{}ying", &l[..l.len() - 2])],
        )
    } else if l.ends_with('e') && !l.ends_with("ee") {
        (
            vec![format!("{l}d")],
            vec![format!("{}ing", &l[..l.len() - 1])],
        )
    } else if l.ends_with("ee") {
        (vec![format!("{l}d")], vec![format!("{l}ing")])
    } else if n >= 2 && chars[n - 1] == 'y' && !is_vowel(chars[n - 2]) {
        (
            vec![format!("{}ied", &l[..l.len() - 1])],
            vec![format!("{l}ing")],
        )
    } else if cvc {
        let last = chars[n - 1];
        (
            vec![format!("{l}{last}ed"), format!("{l}ed")],
            vec![format!("{l}{last}ing"), format!("{l}ing")],
        )
    } else if l.ends_with('c') {
        (
            vec![format!("{l}ked"), format!("{l}ed")],
            vec![format!("{l}king")],
        )
    } else {
        (vec![format!("{l}ed")], vec![format!("{l}ing")])
    };
    match irregular {
        Some((p, pp)) => {
            for f in p.split('/').chain(pp.split('/')) {
                forms.push(f.to_string());
            }
        }
        None => forms.extend(past),
    }
    forms.extend(ing);
    forms.sort();
    forms.dedup();
    forms
}

/// Singular and plural of a noun.
pub fn noun_forms(noun: &str) -> Vec<String> {
    let l = noun.to_lowercase();
    let chars: Vec<char> = l.chars().collect();
    let n = chars.len();
    let plural = if l.ends_with('s')
        || l.ends_with('x')
        || l.ends_with("ch")
        || l.ends_with("sh")
        || l.ends_with('z')
    {
        format!("{l}es")
    } else if n >= 2 && chars[n - 1] == 'y' && !is_vowel(chars[n - 2]) {
        format!("{}ies", &l[..l.len() - 1])
    } else {
        format!("{l}s")
    };
    vec![l, plural]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_verbs_inflect() {
        let v = verb_forms("visit", None);
        for f in ["visit", "visits", "visited", "visiting"] {
            assert!(v.contains(&f.to_string()), "{f} in {v:?}");
        }
        let t = verb_forms("travel", None);
        assert!(t.contains(&"traveled".to_string()) && t.contains(&"travelled".to_string()));
        let i = verb_forms("invite", None);
        assert!(i.contains(&"invited".to_string()) && i.contains(&"inviting".to_string()));
        let s = verb_forms("speak", Some(&("spoke".into(), "spoken".into())));
        assert!(s.contains(&"spoke".to_string()) && s.contains(&"spoken".to_string()));
        assert!(!s.contains(&"speaked".to_string()));
        let b = verb_forms("criticize", None);
        assert!(b.contains(&"criticised".to_string()) && b.contains(&"criticizing".to_string()));
        assert!(verb_forms("analyse", None).contains(&"analyzed".to_string()));
        let c = verb_forms("accompany", None);
        assert!(c.contains(&"accompanied".to_string()) && c.contains(&"accompanies".to_string()));
    }

    #[test]
    fn nouns_pluralize() {
        assert_eq!(noun_forms("talk"), vec!["talk", "talks"]);
        assert_eq!(noun_forms("embassy"), vec!["embassy", "embassies"]);
    }

    #[test]
    fn patterns_parse_and_reject_bad_ones() {
        let p = parse_pattern("+invite {t} to").unwrap();
        assert_eq!(
            p,
            vec![
                PatternToken::Verb("invite".into()),
                PatternToken::Target,
                PatternToken::Literal(vec!["to".into()])
            ]
        );
        assert!(parse_pattern("* +visit").is_err());
        assert!(parse_pattern("+").is_err());
        assert!(parse_pattern("{x}").is_err());
        assert!(parse_pattern("").is_err());
    }
}
