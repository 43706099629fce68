//! Words for the brief: dates, numbers, ordinals and event predicates in plain English.
//! Everything here is a pure function of a record's fields; nothing is invented.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(m: &str) -> Option<&'static str> {
    let m: usize = m.parse().ok()?;
    MONTHS.get(m.checked_sub(1)?).copied()
}

/// A TIMEX-style date in words: `2025-07-23` → `23 July 2025`, `1992-01` → `January 1992`,
/// `2023-Q1` → `the first quarter of 2023`, `199X` → `the 1990s`; anything else as written.
pub fn date_words(d: &str) -> String {
    let d = d.trim();
    if let Some((a, b)) = d.split_once('/') {
        return format!("{} and {}", date_words(a), date_words(b));
    }
    let parts: Vec<&str> = d.split('-').collect();
    let year_ok = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] if year_ok(y) => y.to_string(),
        [y] if y.len() == 4 && y.ends_with('X') && y[..3].bytes().all(|b| b.is_ascii_digit()) => {
            format!("the {}0s", &y[..3])
        }
        [y, q] if year_ok(y) && q.len() == 2 && q.starts_with('Q') => {
            let n = match &q[1..] {
                "1" => "first",
                "2" => "second",
                "3" => "third",
                "4" => "fourth",
                _ => return d.to_string(),
            };
            format!("the {n} quarter of {y}")
        }
        [y, s] if year_ok(y) && ["SP", "SU", "FA", "WI"].contains(s) => {
            let n = match *s {
                "SP" => "spring",
                "SU" => "summer",
                "FA" => "autumn",
                _ => "winter",
            };
            format!("{n} {y}")
        }
        [y, m] if year_ok(y) => match month_name(m) {
            Some(n) => format!("{n} {y}"),
            None => d.to_string(),
        },
        [y, m, day] if year_ok(y) => match (month_name(m), day.parse::<u32>()) {
            (Some(n), Ok(dd)) => format!("{dd} {n} {y}"),
            _ => d.to_string(),
        },
        _ => d.to_string(),
    }
}

/// The opening of a sentence dated by `d`: `On 23 July 2025`, `In January 1992`,
/// `Between 1995 and 2016`.
pub fn when_phrase(d: &str) -> String {
    if d.contains('/') {
        return format!("Between {}", date_words(d));
    }
    let w = date_words(d);
    if w.as_bytes().first().is_some_and(u8::is_ascii_digit) && d.len() == 10 {
        format!("On {w}")
    } else {
        format!("In {w}")
    }
}

/// The prepositional phrase of a date inside a sentence: `on 23 July 2025`, `in 1992`.
pub fn when_inline(d: &str) -> String {
    let mut s = when_phrase(d);
    if let Some(c) = s.get_mut(..1) {
        c.make_ascii_lowercase();
    }
    s
}

/// Digits grouped by thousands: `120000` → `120,000`; fractions to two places at most.
pub fn grouped(v: f64) -> String {
    if !v.is_finite() {
        return "?".into();
    }
    let neg = v < 0.0;
    let a = v.abs();
    let int = a.trunc() as u64;
    let frac = a - a.trunc();
    let digits = int.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if frac > 0.005 {
        let f = format!("{frac:.2}");
        out.push_str(f.trim_start_matches('0').trim_end_matches('0'));
    }
    if neg {
        format!("-{out}")
    } else {
        out
    }
}

/// An amount in words: money with its unit (`USD 6.0 billion`), percent (`125%`), counts
/// grouped (`120,000`).
pub fn amount(v: f64, unit: Option<&str>) -> String {
    match unit {
        Some("percent") => format!("{}%", grouped(v)),
        Some(u) if is_money_unit(u) => {
            let a = v.abs();
            let body = if a >= 1e12 {
                format!("{:.1} trillion", v / 1e12)
            } else if a >= 1e9 {
                format!("{:.1} billion", v / 1e9)
            } else if a >= 1e6 {
                format!("{:.1} million", v / 1e6)
            } else {
                grouped(v)
            };
            format!("{u} {body}")
        }
        Some(u) if !u.is_empty() => format!("{} {u}", grouped(v)),
        _ => grouped(v),
    }
}

/// ISO 4217-looking codes: three capital letters.
pub fn is_money_unit(u: &str) -> bool {
    u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase())
}

/// The qualifier of a figure as words placed before it (`about`, `more than`).
pub fn qualifier_words(q: Option<&str>) -> &'static str {
    match q {
        Some("approx") => "about ",
        Some("more_than") => "more than ",
        Some("less_than") => "less than ",
        Some("at_least") => "at least ",
        Some("at_most") => "at most ",
        _ => "",
    }
}

/// `5` → `fifth`; beyond ten, `11th`.
pub fn ordinal(n: u32) -> String {
    const W: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    match n {
        1..=10 => W[(n - 1) as usize].to_string(),
        _ => {
            let suf = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suf}")
        }
    }
}

/// `5` → `five times`; `1` → `once`.
pub fn times(n: u32) -> String {
    const W: [&str; 10] = [
        "once", "twice", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    match n {
        1 | 2 => W[(n - 1) as usize].to_string(),
        3..=10 => format!("{} times", W[(n - 1) as usize]),
        _ => format!("{n} times"),
    }
}

/// `Kazakhstan` → `Kazakhstan's`; `United States` → `United States'`.
pub fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// Upper-cases the first letter of a sentence.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// `a, b and c`.
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [x] => x.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// What an event says, as a verb phrase in the past (`visited`) and after "is to" (`visit`);
/// the target follows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Predicate {
    pub past: &'static str,
    pub base: &'static str,
}

const fn p(past: &'static str, base: &'static str) -> Predicate {
    Predicate { past, base }
}

/// The head of a dictionary pattern named in an event's `rule` (`events.tsv:72 036 \`+invite\``
/// → `invite`; `+speak by phone` → `speak by phone`): the verb and the plain words after it.
pub fn rule_head(rule: Option<&str>) -> Option<String> {
    let r = rule?;
    let start = r.find('`')? + 1;
    let end = start + r[start..].find('`')?;
    let pat = &r[start..end];
    let mut words = pat.split_whitespace().skip_while(|w| !w.starts_with('+'));
    let head = words.next()?.trim_start_matches('+').to_ascii_lowercase();
    let mut out = head;
    for w in words {
        if w.starts_with(['*', '~', '{', '+']) || w.contains('|') {
            break;
        }
        out.push(' ');
        out.push_str(&w.to_ascii_lowercase());
    }
    Some(out)
}

/// The predicate of a pattern head, for the verbs whose meaning is narrower than their
/// CAMEO code (a phone call is a CAMEO 041 "consult" but an analyst says "spoke by phone").
fn head_predicate(head: &str) -> Option<Predicate> {
    Some(match head {
        "speak by phone" | "talk by phone" | "phone" | "telephone" | "speak by telephone"
        | "call" => p("spoke by phone with", "speak by phone with"),
        "visit" | "make" | "pay" => p("visited", "visit"),
        "travel to" | "fly to" | "head to" => p("travelled to", "travel to"),
        "arrive in" | "land in" => p("arrived in", "arrive in"),
        "tour" => p("toured", "tour"),
        "host" => p("hosted", "host"),
        "meet" | "meet with" => p("met", "meet"),
        "speak with" => p("spoke with", "speak with"),
        "invite" => p("invited", "invite"),
        "accept" => p("accepted an invitation from", "accept an invitation from"),
        "sign" => p("signed an agreement with", "sign an agreement with"),
        "reaffirm" => p(
            "reaffirmed a commitment to cooperation with",
            "reaffirm cooperation with",
        ),
        _ => return None,
    })
}

/// The predicate of a CAMEO code (our own wording of the CAMEO 1.1b3 categories), most
/// specific first, then the root.
fn cameo_predicate(code: &str) -> Predicate {
    let exact = match code {
        "030" | "031" | "032" | "033" | "034" => Some(p(
            "expressed the intent to cooperate with",
            "cooperate with",
        )),
        "036" => Some(p("expressed the intent to meet", "meet")),
        "040" => Some(p("held talks with", "hold talks with")),
        "041" => Some(p("spoke by phone with", "speak by phone with")),
        "042" => Some(p("visited", "visit")),
        "043" => Some(p("hosted", "host")),
        "044" => Some(p(
            "met at a third location with",
            "meet at a third location with",
        )),
        "045" => Some(p("mediated with", "mediate with")),
        "046" => Some(p("negotiated with", "negotiate with")),
        "051" => Some(p("praised", "praise")),
        "054" => Some(p(
            "granted diplomatic recognition to",
            "grant diplomatic recognition to",
        )),
        "055" => Some(p("apologised to", "apologise to")),
        "057" => Some(p(
            "signed a formal agreement with",
            "sign a formal agreement with",
        )),
        "061" => Some(p(
            "cooperated economically with",
            "cooperate economically with",
        )),
        "062" => Some(p("cooperated militarily with", "cooperate militarily with")),
        "063" => Some(p("cooperated on justice with", "cooperate on justice with")),
        "064" => Some(p("shared intelligence with", "share intelligence with")),
        "071" => Some(p("gave economic aid to", "give economic aid to")),
        "072" => Some(p("gave military aid to", "give military aid to")),
        "073" => Some(p("gave humanitarian aid to", "give humanitarian aid to")),
        _ => None,
    };
    if let Some(x) = exact {
        return x;
    }
    match code.get(..2).unwrap_or(code) {
        "01" => p("made a statement on", "make a statement on"),
        "02" => p("appealed to", "appeal to"),
        "03" => p("expressed the intent to cooperate with", "cooperate with"),
        "04" => p("consulted", "consult"),
        "05" => p(
            "cooperated diplomatically with",
            "cooperate diplomatically with",
        ),
        "06" => p("cooperated materially with", "cooperate materially with"),
        "07" => p("provided aid to", "provide aid to"),
        "08" => p("made concessions to", "make concessions to"),
        "09" => p("investigated", "investigate"),
        "10" => p("made demands of", "make demands of"),
        "11" => p("criticised", "criticise"),
        "12" => p("rejected a proposal of", "reject a proposal of"),
        "13" => p("threatened", "threaten"),
        "14" => p("protested against", "protest against"),
        "15" => p("mobilised forces against", "mobilise forces against"),
        "16" => p("reduced relations with", "reduce relations with"),
        "17" => p("used coercion against", "use coercion against"),
        "18" => p("assaulted", "assault"),
        "19" => p("fought", "fight"),
        "20" => p("used mass violence against", "use mass violence against"),
        _ => p("interacted with", "interact with"),
    }
}

/// The predicate of an event: from its pattern's head verb when that is more precise,
/// else from its CAMEO code.
pub fn predicate(cameo: &str, rule: Option<&str>) -> Predicate {
    rule_head(rule)
        .and_then(|h| {
            head_predicate(&h).or_else(|| head_predicate(h.split(' ').next().unwrap_or("")))
        })
        // A head verb only refines its own CAMEO family (a "visit" pattern coded 036 is an
        // intent to visit, not a visit).
        .filter(|pr| {
            cameo.starts_with("04") || (pr.past != "visited" && !pr.past.starts_with("spoke"))
        })
        .unwrap_or_else(|| cameo_predicate(cameo))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_words() {
        assert_eq!(date_words("2025-07-23"), "23 July 2025");
        assert_eq!(date_words("1992-01"), "January 1992");
        assert_eq!(date_words("1995/2016"), "1995 and 2016");
        assert_eq!(when_phrase("1995/2016"), "Between 1995 and 2016");
        assert_eq!(when_phrase("2025-07-23"), "On 23 July 2025");
        assert_eq!(when_phrase("2023"), "In 2023");
        assert_eq!(date_words("199X"), "the 1990s");
        assert_eq!(date_words("2023-Q2"), "the second quarter of 2023");
        assert_eq!(date_words("garbage"), "garbage");
    }

    #[test]
    fn amounts_read_as_words() {
        assert_eq!(amount(6.0e9, Some("USD")), "USD 6.0 billion");
        assert_eq!(amount(2.5e6, Some("EUR")), "EUR 2.5 million");
        assert_eq!(amount(125.0, Some("percent")), "125%");
        assert_eq!(amount(120000.0, None), "120,000");
        assert_eq!(grouped(1234567.5), "1,234,567.5");
        assert_eq!(ordinal(5), "fifth");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(times(5), "five times");
    }

    #[test]
    fn rule_heads_pick_the_verb_and_its_particles() {
        let r = Some("events.tsv:91 041 `+speak by phone`");
        assert_eq!(rule_head(r).as_deref(), Some("speak by phone"));
        assert_eq!(
            rule_head(Some("x 042 `+make * ~visit to`")).as_deref(),
            Some("make")
        );
        assert_eq!(
            rule_head(Some("x 054 `diplomatic ~relation * +establish`")).as_deref(),
            Some("establish")
        );
        assert_eq!(predicate("041", r).past, "spoke by phone with");
        assert_eq!(predicate("036", Some("x `+invite`")).past, "invited");
        // An unknown head falls back to the CAMEO code.
        assert_eq!(
            predicate("057", Some("x `+ink`")).past,
            "signed a formal agreement with"
        );
        assert_eq!(
            predicate("036", Some("x `will|would +visit`")).past,
            "expressed the intent to meet"
        );
    }
}
