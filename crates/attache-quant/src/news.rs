//! News conventions around a number: the counted noun after a count ("37 U.S. cities"), the
//! currency or unit a bare figure borrows from an earlier one in the sentence ("rose to 34
//! billion francs from 20 billion"), change verbs that make "X to Y" a change rather than a
//! range, and the sentence boundaries those rules must not cross.

use crate::lex::{Lexed, TokKind};
use crate::num::{scale_word, Num};

/// Words that end a noun phrase search: function words, auxiliaries and units that other
/// rules read. A plural-looking word among them ("was", "this") is never a counted noun.
pub(crate) fn stop_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "as"
            | "than"
            | "per"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "does"
            | "do"
            | "did"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "can"
            | "must"
            | "shall"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "this"
            | "these"
            | "those"
            | "thus"
            | "its"
            | "it"
            | "his"
            | "her"
            | "hers"
            | "their"
            | "theirs"
            | "ours"
            | "yours"
            | "us"
            | "we"
            | "they"
            | "he"
            | "she"
            | "you"
            | "i"
            | "plus"
            | "minus"
            | "less"
            | "unless"
            | "across"
            | "always"
            | "perhaps"
            | "yes"
            | "not"
            | "no"
            | "so"
            | "also"
            | "each"
            | "every"
            | "since"
            | "until"
            | "after"
            | "before"
            | "into"
            | "over"
            | "under"
            | "about"
            | "against"
            | "versus"
            | "vs"
            | "between"
            | "while"
            | "when"
            | "where"
            | "whereas"
            | "if"
            | "then"
            | "there"
            | "here"
            | "said"
            | "says"
            // Verbs in -s that follow a subject figure ("89 means", "10 remains").
            | "means"
            | "shows"
            | "remains"
            | "seems"
            | "appears"
            | "makes"
            | "takes"
            | "gives"
            | "goes"
            | "comes"
            | "looks"
            | "needs"
            | "includes"
            | "represents"
            | "becomes"
            | "stands"
            | "gets"
            | "keeps"
            | "holds"
            | "reflects"
            | "compares"
            | "equals"
            | "exceeds"
            | "accounts"
            | "amounts"
            | "pct"
            | "percent"
            | "mln"
            | "bln"
            | "billion"
            | "million"
            | "thousand"
            | "dlrs"
            | "more"
            | "most"
            | "some"
            | "all"
            | "both"
            | "either"
            | "neither"
            | "other"
            | "others"
            | "such"
            | "only"
            | "just"
            | "even"
            | "still"
            | "yet"
            | "already"
            | "again"
            | "ago"
            | "earlier"
            | "later"
            | "whereby"
    )
}

/// Plural nouns that do not end in "s".
fn irregular_plural(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "men"
            | "women"
            | "children"
            | "police"
            | "personnel"
            | "staff"
            | "cattle"
            | "livestock"
            | "sheep"
            | "swine"
            | "aircraft"
            | "head"
            | "feet"
            | "geese"
            | "mice"
            | "teeth"
            | "crew"
            | "faithful"
            | "youths"
            | "militia"
    )
}

/// A word that reads as a plural noun ("cities", "goods", "powers", "people").
fn plural_noun(w: &str) -> bool {
    if irregular_plural(w) {
        return true;
    }
    if stop_word(w) || w.len() < 3 || !w.ends_with('s') {
        return false;
    }
    !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is"))
}

/// Counted nouns that act as units in business news: the count keeps them as its unit.
pub(crate) fn count_unit(w: &str) -> Option<&'static str> {
    match w {
        "shares" => Some("shares"),
        _ => None,
    }
}

/// The counted noun phrase after a count ending at token `j`: up to three modifiers ("37 U.S.
/// cities", "six major industrial powers", "1,700 goods") and a plural head. Returns one past
/// the head.
pub(crate) fn counted_noun(l: &Lexed, j: usize) -> Option<usize> {
    let mut k = j;
    let mut modifiers = 0;
    while modifiers <= 3 {
        if k == 0 || !l.near(k - 1) || l.joined(k - 1) && k == j || paragraph_after(l, k - 1) {
            return None;
        }
        match l.kind(k)? {
            TokKind::Word => {}
            _ => return None,
        }
        let w = l.w(k);
        // "U.S.", "E.C.": an abbreviation of single letters with dots.
        if w.len() == 1 && l.capitalized(k) && l.is(k + 1, ".") && l.joined(k) {
            let mut e = k + 2;
            while l.is_word(e) && l.w(e).len() == 1 && l.is(e + 1, ".") && l.joined(e - 1) {
                e += 2;
            }
            if e == k + 2 {
                return None;
            }
            k = e;
            modifiers += 1;
            continue;
        }
        if stop_word(w) || l.class(k) & crate::lex::cls::NUM != 0 {
            return None;
        }
        if l.capitalized(k) {
            // A proper name as a modifier ("five Gulf states"), never as the head.
            if k == j && l.is(k + 1, ".") {
                return None;
            }
            k += 1;
            modifiers += 1;
            continue;
        }
        if plural_noun(w) {
            // "five-year", "self-" compounds glued by a hyphen are read by other rules.
            if l.joined(k) && l.is(k + 1, "-") {
                return None;
            }
            return Some(k + 1);
        }
        // A lowercase modifier ("major", "industrial", "oil"); a hyphen joins compounds.
        if l.joined(k) && l.is(k + 1, "-") && l.joined(k + 1) && l.is_word(k + 2) {
            k += 3;
        } else {
            k += 1;
        }
        modifiers += 1;
    }
    None
}

/// Verbs and prepositions of change: "rose 700 mln dlrs to 14.8 billion dlrs" is a change of
/// 700 mln to a level of 14.8 billion, not a range.
pub(crate) fn change_word(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "rise"
            | "rises"
            | "rising"
            | "fell"
            | "fall"
            | "falls"
            | "falling"
            | "increased"
            | "increase"
            | "increases"
            | "increasing"
            | "decreased"
            | "decrease"
            | "decreasing"
            | "grew"
            | "grow"
            | "growing"
            | "climbed"
            | "climbing"
            | "dropped"
            | "dropping"
            | "declined"
            | "declining"
            | "gained"
            | "gaining"
            | "lost"
            | "losing"
            | "jumped"
            | "jumping"
            | "slipped"
            | "slid"
            | "plunged"
            | "plummeted"
            | "soared"
            | "surged"
            | "widened"
            | "widening"
            | "narrowed"
            | "narrowing"
            | "eased"
            | "easing"
            | "shrank"
            | "shrunk"
            | "contracted"
            | "expanded"
            | "advanced"
            | "retreated"
            | "tumbled"
            | "improved"
            | "deteriorated"
            | "swelled"
            | "ballooned"
            | "raised"
            | "lowered"
            | "cut"
            | "trimmed"
            | "boosted"
            | "added"
            | "shed"
            | "up"
            | "down"
            | "by"
    )
}

/// Abbreviations whose dot does not end a sentence.
fn abbreviation(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "st"
            | "corp"
            | "inc"
            | "co"
            | "ltd"
            | "no"
            | "vs"
            | "gen"
            | "sen"
            | "rep"
            | "gov"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// The gap after token `k` starts a paragraph: a blank line, or a new line that starts
/// with an indent (wire copy indents paragraphs and hard-wraps lines inside them).
pub(crate) fn paragraph_after(l: &Lexed, k: usize) -> bool {
    let bytes = l.text.as_bytes();
    let gap = &bytes[l.end(k).min(bytes.len())..l.start(k + 1).min(bytes.len())];
    match gap.iter().position(|&c| c == b'\n') {
        Some(p) => {
            let rest = &gap[p + 1..];
            rest.contains(&b'\n') || rest.starts_with(b"  ") || rest.starts_with(b"\t")
        }
        None => false,
    }
}

/// A sentence or paragraph ends between tokens `a` and `b` (`a < b`).
pub(crate) fn sentence_break(l: &Lexed, a: usize, b: usize) -> bool {
    for k in a..b {
        if paragraph_after(l, k) {
            return true;
        }
        if k <= a {
            continue;
        }
        match l.w(k) {
            "!" | "?" => return true,
            "." => {
                let prev = l.w(k - 1);
                let single = prev.len() == 1 && l.is_word(k - 1);
                if !single && !abbreviation(prev) && !l.joined(k) {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// The scale a number carries ("billion" is 1e9, "3.8bn" 1e9, "five thousand million" 1e9);
/// 1 when none.
pub(crate) fn scale_of(l: &Lexed, n: &Num) -> f64 {
    if !n.scaled {
        return 1.0;
    }
    let mut s = 1.0;
    for k in n.first..n.last {
        if l.is_word(k) {
            let w = l.w(k);
            let f = scale_word(w).or(if l.joined(k.saturating_sub(1)) && k > n.first {
                match w {
                    "k" => Some(1e3),
                    "m" | "mm" => Some(1e6),
                    "b" => Some(1e9),
                    "t" => Some(1e12),
                    _ => None,
                }
            } else {
                None
            });
            if let Some(f) = f {
                s *= f;
            }
        }
    }
    s
}

/// Words that introduce a figure compared with an earlier one ("from 20 billion", "versus
/// 4.8", "against 1.2").
/// With `to_level`, "to" counts too ("rose 5 dlrs to 120"); an index level after a percent
/// change ("rose 5 pct to 120") is not a percentage, so percent rules leave it out.
pub(crate) fn comparison_word(l: &Lexed, i: usize, to_level: bool) -> bool {
    if i == 0 {
        return false;
    }
    match l.w(i - 1) {
        "from" | "versus" | "vs" | "against" => true,
        "to" => to_level,
        "with" => i >= 2 && matches!(l.w(i - 2), "compared" | "comparing"),
        "." => i >= 2 && l.is(i - 2, "vs"),
        _ => false,
    }
}

/// Row labels of earnings tables and results prose whose bare figures are money ("Net 38
/// mln vs 5.7 mln", "Revs 1.71 billion", "Net loss 586,000"): the figure starts at `i`.
pub(crate) fn money_label(l: &Lexed, i: usize) -> bool {
    let label = |w: &str| {
        matches!(
            w,
            "net" | "revs" | "revenues" | "revenue" | "sales" | "profit" | "loss" | "turnover"
        )
    };
    if i == 0 || !label(l.w(i - 1)) || !l.is_word(i - 1) {
        return false;
    }
    // "Net loss", "Oper net": the label may be two words; a bare "loss" needs a label
    // before it or a line start ("loss of 20 people" is no money).
    match l.w(i - 1) {
        "loss" | "profit" => i >= 2 && (label(l.w(i - 2)) || l.w(i - 2) == "vs"),
        _ => true,
    }
}
