//! The place gazetteer on short sentences of our own: towns that conflict news names, written
//! the way English news spells them, resolve to their country; common words and given names
//! that GeoNames also lists as towns do not become places.

mod common;

use attache_model::{ActorKind, Document};
use common::code;

/// The places found in `d`, as (text as written, country).
fn places(d: &Document, text: &str) -> Vec<(String, String)> {
    d.actors
        .iter()
        .filter(|a| a.kind == ActorKind::Place)
        .flat_map(|a| {
            a.mentions.iter().map(move |m| {
                let written: String = text.chars().skip(m[0]).take(m[1] - m[0]).collect();
                (written, a.country.clone().unwrap_or_default())
            })
        })
        .collect()
}

fn country_of(text: &str, name: &str) -> Option<String> {
    let d = code(text, Some("2024-03-01"));
    places(&d, text)
        .into_iter()
        .find(|(w, _)| w == name)
        .map(|(_, c)| c)
}

#[test]
fn a_town_named_in_conflict_news_is_a_place_of_its_country() {
    let cases = [
        (
            "Three US servicemen were killed outside the Iraqi city of Basra on Tuesday.",
            "Basra",
            "IRQ",
        ),
        (
            "Fighting resumed in Khan Younis, the main city in the south of the strip.",
            "Khan Younis",
            "PSE",
        ),
        (
            "Clashes broke out near Samarra, north of the capital.",
            "Samarra",
            "IRQ",
        ),
        (
            "Marines entered Fallujah at dawn after days of shelling.",
            "Fallujah",
            "IRQ",
        ),
        (
            "Settlers and residents clashed in Hebron and Jericho.",
            "Jericho",
            "PSE",
        ),
        (
            "Government aircraft bombed a market in Idlib province.",
            "Idlib",
            "SYR",
        ),
        (
            "A car bomb exploded in Kandahar, police said.",
            "Kandahar",
            "AFG",
        ),
        (
            "Shelling hit Donetsk overnight, officials said.",
            "Donetsk",
            "UKR",
        ),
        ("The port of Hodeidah was struck again.", "Hodeidah", "YEM"),
    ];
    for (text, name, want) in cases {
        assert_eq!(
            country_of(text, name).as_deref(),
            Some(want),
            "{name} in {text:?}"
        );
    }
}

#[test]
fn a_name_written_with_or_without_the_arabic_article_is_the_same_town() {
    let a = country_of("Troops retook Ramadi last week.", "Ramadi");
    let b = country_of("Troops retook Ar Ramadi last week.", "Ar Ramadi");
    assert_eq!(a.as_deref(), Some("IRQ"));
    assert_eq!(a, b);
}

#[test]
fn a_news_spelling_names_the_country_of_the_town_news_means() {
    // GeoNames also lists a smaller Odessa in Texas and a St. Petersburg in Florida.
    assert_eq!(
        country_of("Drones struck the port of Odessa.", "Odessa").as_deref(),
        Some("UKR")
    );
    assert_eq!(
        country_of("The forum opened in St. Petersburg.", "St. Petersburg").as_deref(),
        Some("RUS")
    );
}

#[test]
fn common_words_and_given_names_that_are_also_towns_are_not_places() {
    let text = "Mary and George said Delta and Commonwealth shares rose; Norman Tyler sold \
                Salt and Mango futures while Brits watched the Metro.";
    let d = code(text, Some("2024-03-01"));
    let found = places(&d, text);
    assert!(found.is_empty(), "unexpected places: {found:?}");
}
