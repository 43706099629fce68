//! The shipped tables load cleanly and stay tidy, and the loader reports bad rows with file,
//! line and a stable code.

use attache_dict::{builtin_sources, Dictionaries, Source, TABLES};

fn src(name: &str, content: &str) -> Source {
    Source {
        name: name.into(),
        content: content.into(),
    }
}

fn with_builtin(extra: Vec<Source>) -> Result<Dictionaries, attache_dict::LoadError> {
    let mut s = builtin_sources();
    s.extend(extra);
    Dictionaries::from_sources(&s)
}

#[test]
fn shipped_tables_load_and_cover_cameo() {
    let d = Dictionaries::load(&[]).expect("our tables are valid");
    assert_eq!(d.cameo.len(), 311, "all CAMEO 1.1b3 event codes");
    for root in 1..=20 {
        assert!(
            d.cameo.contains_key(&format!("{root:02}")),
            "root {root:02}"
        );
    }
    assert!(d.country("KOR").is_some() && d.country("SUN").is_some());
    assert!(d.sectors.contains_key("GOV") && d.sectors.contains_key("ELI"));
    // every CAMEO root has at least one event pattern
    for root in 1..=20 {
        let r = format!("{root:02}");
        assert!(
            d.patterns.iter().any(|p| p.code.starts_with(&r)),
            "no event pattern for CAMEO root {r}"
        );
    }
}

#[test]
fn shipped_tables_are_sorted_by_key_without_duplicates() {
    for s in builtin_sources() {
        let mut prev: Option<String> = None;
        for (i, line) in s.content.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let key = line.split('\t').next().unwrap_or("").to_string();
            if TABLES.iter().any(|(_, cols)| cols.join("\t") == line) {
                continue; // header
            }
            if let Some(p) = &prev {
                assert!(
                    p <= &key,
                    "{}:{}: `{key}` sorts before `{p}`",
                    s.name,
                    i + 1
                );
            }
            prev = Some(key);
        }
    }
}

#[test]
fn a_bad_header_is_reported_with_file_and_line() {
    let err = with_builtin(vec![src("mine/en/roles.tsv", "# mine\nphrase\tcode\n")]).unwrap_err();
    let d = &err.0[0];
    assert_eq!(
        (d.file.as_str(), d.line, d.code),
        ("mine/en/roles.tsv", 2, "D001")
    );
}

#[test]
fn unknown_references_and_malformed_values_are_each_reported() {
    let err = with_builtin(vec![
        src("u/en/roles.tsv", "phrase\tcode\trole\tkind\nfoo\tXXX\tfoo\tperson\nbar\tGOV\tbar\tthing\n"),
        src("u/geo/countries.tsv", "code\tiso2\tname\taliases\tadjectives\tcapital\tvalid_from\tvalid_to\tambiguous\nkor\t\tBad\t\t\t\t\t\t\n"),
        src("u/en/events.tsv", "code\tpattern\texample\texpect\n042\t* +visit\tA visited B.\t\n999\t+go\tA went.\t\n"),
        src("u/ontology/cameo_events.tsv", "code\tlabel\tgoldstein\tquad_class\tplover\tplover_mode\n0999\tx\t11\t1\t\t\n"),
    ])
    .unwrap_err();
    let codes: Vec<(&str, usize, &str)> = err
        .0
        .iter()
        .map(|d| (d.file.as_str(), d.line, d.code))
        .collect();
    for want in [
        ("u/en/roles.tsv", 2, "D031"),
        ("u/en/roles.tsv", 3, "D032"),
        ("u/geo/countries.tsv", 2, "D020"),
        ("u/en/events.tsv", 2, "D041"),
        ("u/en/events.tsv", 3, "D040"),
        ("u/ontology/cameo_events.tsv", 2, "D011"),
    ] {
        assert!(codes.contains(&want), "{want:?} not in {codes:?}");
    }
    // the message names the reason
    assert!(err.to_string().contains("unknown role code `XXX`"));
}

#[test]
fn duplicate_keys_in_one_file_are_errors_but_user_rows_override_ours() {
    let err = with_builtin(vec![src(
        "u/en/roles.tsv",
        "phrase\tcode\trole\tkind\nsheriff\tCOP\tsheriff\tperson\nsheriff\tGOV\tsheriff\tperson\n",
    )])
    .unwrap_err();
    assert!(err.0.iter().any(|d| d.code == "D004" && d.line == 3));

    let d = with_builtin(vec![src(
        "u/en/roles.tsv",
        "phrase\tcode\trole\tkind\npresident\tELI\tpresident\tperson\n",
    )])
    .unwrap();
    let president: Vec<_> = d.roles.iter().filter(|r| r.phrase == "president").collect();
    assert_eq!(president.len(), 1);
    assert_eq!(president[0].code, "ELI");
}

#[test]
fn a_missing_user_directory_is_an_error_naming_it() {
    let err = Dictionaries::load(&["/no/such/attache/dir".into()]).unwrap_err();
    assert!(err.to_string().contains("/no/such/attache/dir"));
}
