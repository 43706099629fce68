//! Small closed-class word lists of English that the stages share (months, modals,
//! negations, speech verbs). Open-class words live in the data tables, not here.

pub fn month_number(w: &str) -> Option<u8> {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    let m = match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Words that mark a clause as negated when they stand before its verb.
pub const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "neither", "nor"];

/// Verbs and phrases before an event verb that negate it ("refused to visit").
pub const NEGATING_VERBS: &[&str] = &[
    "refused",
    "refuses",
    "refuse",
    "declined",
    "declines",
    "decline",
    "failed",
    "fails",
    "rejected",
    "canceled",
    "cancelled",
    "postponed",
    "called off",
];

/// Words before an event verb that place it in the future ("will visit", "plans to").
pub const FUTURE_MARKERS: &[&str] = &[
    // "U.S. threats to scrap the agreement", "vowed to retaliate": not done yet
    "threats",
    "threat",
    "threatening",
    "vowed",
    "vows",
    "vow",
    "will",
    "'ll",
    "shall",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "intend",
    "expected",
    "scheduled",
    "due",
    "set",
    "aims",
    "going",
    "would",
];

/// Words that make a clause hypothetical ("could attack", "if they agree").
pub const HYPOTHETICAL_MARKERS: &[&str] =
    &["could", "might", "may", "if", "unless", "should", "whether"];

/// Verbs of saying: the speaker is the source of the statement; what is reported keeps its
/// own actors.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "added",
    "noted",
    "announced",
    "reported",
    "according",
    "quoted",
];

/// Words that end a noun phrase in a subject search.
pub const CLAUSE_WORDS: &[&str] = &[
    "which", "who", "whom", "whose", "where", "when", "while", "whereas", "but", "although",
    "though", "because", "after", "before", "since", "as",
];

/// Capitalized words of the calendar: never names of people.
pub const CALENDAR_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
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

pub fn is_calendar_word(w: &str) -> bool {
    CALENDAR_WORDS.contains(&w)
}
