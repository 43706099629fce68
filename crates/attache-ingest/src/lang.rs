//! Language identification (whatlang): a verdict only when the detector is confident, so
//! short or mixed texts are never skipped on a guess.

/// ISO 639-1 code (or 639-3 when there is none) of `text`'s language, when reliably detected.
pub fn detect(text: &str) -> Option<String> {
    // The first few thousand characters decide; enough for a news article, and bounded.
    let end = text
        .char_indices()
        .nth(3000)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let sample = &text[..end];
    if sample.split_whitespace().count() < 12 {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    Some(to_639_1(code).unwrap_or(code).to_string())
}

fn to_639_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "eng" => "en",
        "deu" => "de",
        "fra" => "fr",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "rus" => "ru",
        "ukr" => "uk",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "ara" => "ar",
        "nld" => "nl",
        "tur" => "tr",
        "pol" => "pl",
        "ind" => "id",
        "hin" => "hi",
        "swe" => "sv",
        "fin" => "fi",
        "dan" => "da",
        "nob" => "nb",
        "ces" => "cs",
        "ell" => "el",
        "heb" => "he",
        "pes" => "fa",
        "vie" => "vi",
        "tha" => "th",
        "ron" => "ro",
        "hun" => "hu",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn english_and_german() {
        assert_eq!(
            super::detect("The foreign ministers of both countries met in Geneva on Tuesday to discuss the ceasefire and the exchange of prisoners.").as_deref(),
            Some("en")
        );
        assert_eq!(
            super::detect("Die Außenminister beider Länder trafen sich am Dienstag in Genf, um über die Waffenruhe und den Austausch von Gefangenen zu sprechen.").as_deref(),
            Some("de")
        );
        assert_eq!(super::detect("Too short."), None);
    }
}
