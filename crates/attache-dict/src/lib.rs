//! attache's data tables: loading, validation and merging.
//!
//! The tables are human-readable TSV files under `data/` (format in `docs/dictionaries.md`),
//! embedded in the binary so that it runs anywhere, and extensible by users: a directory
//! given with `--dict DIR` holds files with the same relative paths and columns, whose rows
//! are added to ours (a row with the key of one of ours replaces it).
//!
//! Architecture invariant: every problem in a table is reported with file, line, a stable
//! code (`D001`...) and a reason; loading either returns fully validated tables or every
//! diagnostic found, never a half-loaded state.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

pub mod patterns;
pub mod tsv;

pub use patterns::{EventPattern, PatternToken};

/// A problem found in a data table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub code: &'static str,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {} {}",
            self.file, self.line, self.code, self.message
        )
    }
}

/// Loading failed: every diagnostic found, in file order.
#[derive(Debug)]
pub struct LoadError(pub Vec<Diagnostic>);

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} problem(s) in the data tables:", self.0.len())?;
        for d in &self.0 {
            writeln!(f, "  {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

#[derive(Debug, Clone)]
pub struct Country {
    pub code: String,
    pub iso2: Option<String>,
    pub name: String,
    pub aliases: Vec<String>,
    pub adjectives: Vec<String>,
    pub capital: Option<String>,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub ambiguous: bool,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    /// `None` for regions that span several countries ("Africa").
    pub country: Option<String>,
    pub kind: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Organization {
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Role {
    pub phrase: String,
    pub code: String,
    pub role: String,
    pub kind: String,
}

#[derive(Debug, Clone)]
pub struct Leader {
    pub name: String,
    pub aliases: Vec<String>,
    pub country: String,
    pub office: String,
    pub code: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` when unknown.
    pub start: Option<String>,
    /// `None` while in office.
    pub end: Option<String>,
}

#[derive(Debug, Clone)]
pub struct CameoCode {
    pub code: String,
    pub label: String,
    pub goldstein: f64,
    pub quad_class: u8,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Sector {
    pub code: String,
    pub label: String,
    pub kind: String,
}

/// One cue of a fact indicator: a phrase that, near a quantity, states that indicator.
#[derive(Debug, Clone)]
pub struct IndicatorCue {
    pub phrase: String,
    pub indicator: String,
    /// `+1`, or `-1` for cues that negate the value (a deficit is a negative balance).
    pub sign: f64,
    /// The kind of quantity the cue takes: `money`, `count`, `percent`, `ordinal`, `date`, `items`.
    pub takes: String,
}

/// All tables, validated and indexed.
#[derive(Debug, Default)]
pub struct Dictionaries {
    pub countries: Vec<Country>,
    pub places: Vec<Place>,
    pub organizations: Vec<Organization>,
    pub roles: Vec<Role>,
    pub leaders: Vec<Leader>,
    pub cameo: BTreeMap<String, CameoCode>,
    pub sectors: BTreeMap<String, Sector>,
    pub patterns: Vec<EventPattern>,
    pub irregular_verbs: HashMap<String, (String, String)>,
    pub indicator_cues: Vec<IndicatorCue>,
    country_by_code: HashMap<String, usize>,
}

/// A table file: where it is shown as coming from, and its text.
pub struct Source {
    pub name: String,
    pub content: String,
}

/// The relative paths and columns of every table, in load order.
pub const TABLES: &[(&str, &[&str])] = &[
    ("ontology/cameo_roles.tsv", &["code", "label", "kind"]),
    (
        "ontology/cameo_events.tsv",
        &[
            "code",
            "label",
            "goldstein",
            "quad_class",
            "plover",
            "plover_mode",
        ],
    ),
    (
        "geo/countries.tsv",
        &[
            "code",
            "iso2",
            "name",
            "aliases",
            "adjectives",
            "capital",
            "valid_from",
            "valid_to",
            "ambiguous",
        ],
    ),
    ("geo/places.tsv", &["name", "country", "kind", "aliases"]),
    (
        "ontology/organizations.tsv",
        &["code", "name", "aliases", "country", "sector"],
    ),
    ("en/roles.tsv", &["phrase", "code", "role", "kind"]),
    (
        "en/leaders.tsv",
        &[
            "name", "aliases", "country", "office", "code", "start", "end",
        ],
    ),
    ("en/irregular_verbs.tsv", &["lemma", "past", "participle"]),
    ("en/events.tsv", &["code", "pattern", "example", "expect"]),
    (
        "en/indicators.tsv",
        &["phrase", "indicator", "sign", "takes"],
    ),
];

/// Our tables, embedded at build time so the binary needs no data directory.
pub fn builtin_sources() -> Vec<Source> {
    macro_rules! table {
        ($p:literal) => {
            Source {
                name: concat!("data/", $p).to_string(),
                content: include_str!(concat!("../../../data/", $p)).to_string(),
            }
        };
    }
    vec![
        table!("ontology/cameo_roles.tsv"),
        table!("ontology/cameo_events.tsv"),
        table!("geo/countries.tsv"),
        table!("geo/places.tsv"),
        table!("ontology/organizations.tsv"),
        table!("en/roles.tsv"),
        table!("en/leaders.tsv"),
        table!("en/irregular_verbs.tsv"),
        table!("en/events.tsv"),
        table!("en/indicators.tsv"),
    ]
}

/// Reads the tables present in a user directory (same relative paths as ours).
pub fn dir_sources(dir: &Path) -> Result<Vec<Source>, LoadError> {
    if !dir.is_dir() {
        return Err(LoadError(vec![Diagnostic {
            file: dir.display().to_string(),
            line: 0,
            code: "D000",
            message: "is not a directory".into(),
        }]));
    }
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for (rel, _) in TABLES {
        let path: PathBuf = dir.join(rel);
        if !path.exists() {
            continue;
        }
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(content) => out.push(Source {
                    name: path.display().to_string(),
                    content,
                }),
                Err(e) => diags.push(Diagnostic {
                    file: path.display().to_string(),
                    line: 0,
                    code: "D000",
                    message: format!("is not UTF-8: {e}"),
                }),
            },
            Err(e) => diags.push(Diagnostic {
                file: path.display().to_string(),
                line: 0,
                code: "D000",
                message: format!("cannot be read: {e}"),
            }),
        }
    }
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(LoadError(diags))
    }
}

fn table_of(name: &str) -> Option<(&'static str, &'static [&'static str])> {
    TABLES
        .iter()
        .find(|(rel, _)| name.ends_with(rel))
        .map(|(r, c)| (*r, *c))
}

fn valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, n: usize| p.len() == n && p.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2),
        [y, m, d] => num(y, 4) && num(m, 2) && num(d, 2),
        _ => false,
    }
}

impl Dictionaries {
    /// Our embedded tables plus the users' directories, validated.
    pub fn load(extra_dirs: &[PathBuf]) -> Result<Dictionaries, LoadError> {
        let mut sources = builtin_sources();
        let mut diags = Vec::new();
        for d in extra_dirs {
            match dir_sources(d) {
                Ok(s) => sources.extend(s),
                Err(LoadError(mut ds)) => diags.append(&mut ds),
            }
        }
        if !diags.is_empty() {
            return Err(LoadError(diags));
        }
        Self::from_sources(&sources)
    }

    /// Builds and validates the tables from sources; later sources add to and override
    /// earlier ones (by key).
    pub fn from_sources(sources: &[Source]) -> Result<Dictionaries, LoadError> {
        let mut diags = Vec::new();
        let mut d = Dictionaries::default();
        // Rows grouped by table, in source order.
        let mut by_table: BTreeMap<&str, Vec<tsv::Row>> = BTreeMap::new();
        for s in sources {
            let Some((rel, cols)) = table_of(&s.name) else {
                diags.push(Diagnostic {
                    file: s.name.clone(),
                    line: 0,
                    code: "D000",
                    message: "is not one of attache's tables".into(),
                });
                continue;
            };
            let rows = tsv::parse(&s.name, &s.content, cols, &mut diags);
            // Duplicate keys within one file are mistakes; across files they are overrides.
            let mut seen: HashMap<String, usize> = HashMap::new();
            for r in &rows {
                let key = row_key(rel, r);
                if let Some(prev) = seen.insert(key.clone(), r.line) {
                    diags.push(r.diag(
                        "D004",
                        format!("duplicate key `{key}` (first on line {prev})"),
                    ));
                }
            }
            by_table.entry(rel).or_default().extend(rows);
        }
        let rows = |t: &str| -> Vec<tsv::Row> {
            // keep the last row of each key (user rows come after ours)
            let all = by_table.get(t).cloned().unwrap_or_default();
            let mut last: HashMap<String, usize> = HashMap::new();
            for (i, r) in all.iter().enumerate() {
                last.insert(row_key(t, r), i);
            }
            all.into_iter()
                .enumerate()
                .filter(|(i, r)| last.get(&row_key(t, r)) == Some(i))
                .map(|(_, r)| r)
                .collect()
        };

        for r in rows("ontology/cameo_roles.tsv") {
            d.sectors.insert(
                r.get("code").to_string(),
                Sector {
                    code: r.get("code").into(),
                    label: r.get("label").into(),
                    kind: r.get("kind").into(),
                },
            );
        }
        for r in rows("ontology/cameo_events.tsv") {
            let code = r.get("code");
            if !(2..=4).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_digit()) {
                diags.push(r.diag(
                    "D010",
                    format!("`{code}` is not a CAMEO event code (2 to 4 digits)"),
                ));
                continue;
            }
            let goldstein: f64 = match r.get("goldstein").parse() {
                Ok(g) if (-10.0..=10.0).contains(&g) => g,
                _ => {
                    diags.push(r.diag(
                        "D011",
                        format!(
                            "goldstein `{}` is not a number in [-10, 10]",
                            r.get("goldstein")
                        ),
                    ));
                    continue;
                }
            };
            let quad_class: u8 = match r.get("quad_class").parse() {
                Ok(q) if (1..=4).contains(&q) => q,
                _ => {
                    diags.push(r.diag(
                        "D012",
                        format!("quad_class `{}` is not 1 to 4", r.get("quad_class")),
                    ));
                    continue;
                }
            };
            d.cameo.insert(
                code.into(),
                CameoCode {
                    code: code.into(),
                    label: r.get("label").into(),
                    goldstein,
                    quad_class,
                    plover: r.opt("plover").map(String::from),
                    plover_mode: r.opt("plover_mode").map(String::from),
                },
            );
        }
        for r in rows("geo/countries.tsv") {
            let code = r.get("code");
            if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
                diags.push(r.diag("D020", format!("`{code}` is not an alpha-3 country code")));
                continue;
            }
            for col in ["valid_from", "valid_to"] {
                if let Some(v) = r.opt(col) {
                    if !valid_date(v) {
                        diags.push(r.diag(
                            "D021",
                            format!("{col} `{v}` is not YYYY, YYYY-MM or YYYY-MM-DD"),
                        ));
                    }
                }
            }
            d.countries.push(Country {
                code: code.into(),
                iso2: r.opt("iso2").map(String::from),
                name: r.get("name").into(),
                aliases: r.list("aliases").into_iter().map(String::from).collect(),
                adjectives: r.list("adjectives").into_iter().map(String::from).collect(),
                capital: r.opt("capital").map(String::from),
                valid_from: r.opt("valid_from").map(String::from),
                valid_to: r.opt("valid_to").map(String::from),
                ambiguous: r.get("ambiguous") == "yes",
            });
        }
        d.country_by_code = d
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.clone(), i))
            .collect();
        let known_country = |d: &Dictionaries, c: &str| d.country_by_code.contains_key(c);
        let orgs = rows("ontology/organizations.tsv");
        let org_codes: HashSet<String> = orgs.iter().map(|r| r.get("code").to_string()).collect();
        for r in rows("geo/places.tsv") {
            let country = r.opt("country");
            if let Some(c) = country {
                if !known_country(&d, c) && !org_codes.contains(c) {
                    diags.push(r.diag("D030", format!("unknown country `{c}`")));
                    continue;
                }
            }
            d.places.push(Place {
                name: r.get("name").into(),
                country: country.map(String::from),
                kind: r.get("kind").into(),
                aliases: r.list("aliases").into_iter().map(String::from).collect(),
            });
        }
        for r in orgs {
            let country = r.opt("country");
            if let Some(c) = country {
                if !known_country(&d, c) {
                    diags.push(r.diag("D030", format!("unknown country `{c}`")));
                    continue;
                }
            }
            let sector = r.opt("sector");
            if let Some(s) = sector {
                if !d.sectors.contains_key(s) {
                    diags.push(r.diag("D031", format!("unknown role code `{s}`")));
                    continue;
                }
            }
            d.organizations.push(Organization {
                // national organizations are keyed `KAZBUS:air-astana`: the code is before `:`
                code: r.get("code").split(':').next().unwrap_or("").into(),
                name: r.get("name").into(),
                aliases: r.list("aliases").into_iter().map(String::from).collect(),
                country: country.map(String::from),
                sector: sector.map(String::from),
            });
        }
        for r in rows("en/roles.tsv") {
            let code = r.get("code");
            if !d.sectors.contains_key(code) {
                diags.push(r.diag("D031", format!("unknown role code `{code}`")));
                continue;
            }
            let kind = r.get("kind");
            if !matches!(kind, "person" | "organization" | "group") {
                diags.push(r.diag(
                    "D032",
                    format!("kind `{kind}` is not person, organization or group"),
                ));
                continue;
            }
            d.roles.push(Role {
                phrase: r.get("phrase").to_lowercase(),
                code: code.into(),
                role: r.opt("role").unwrap_or(r.get("phrase")).into(),
                kind: kind.into(),
            });
        }
        let org_code_set: HashSet<String> =
            d.organizations.iter().map(|o| o.code.clone()).collect();
        for r in rows("en/leaders.tsv") {
            let country = r.get("country");
            // heads of international organizations carry the organization's code
            let is_org = org_code_set.contains(country);
            if !known_country(&d, country) && !is_org {
                diags.push(r.diag("D030", format!("unknown country `{country}`")));
                continue;
            }
            let code = r.get("code");
            let sector_ok = code.starts_with(country)
                && (code.len() == country.len() || d.sectors.contains_key(&code[country.len()..]));
            if !sector_ok {
                diags.push(r.diag(
                    "D033",
                    format!("code `{code}` is not `{country}` followed by a role code"),
                ));
                continue;
            }
            let mut bad = false;
            for col in ["start", "end"] {
                if let Some(v) = r.opt(col) {
                    if !valid_date(v) {
                        diags.push(r.diag(
                            "D021",
                            format!("{col} `{v}` is not YYYY, YYYY-MM or YYYY-MM-DD"),
                        ));
                        bad = true;
                    }
                }
            }
            if bad {
                continue;
            }
            d.leaders.push(Leader {
                name: r.get("name").into(),
                aliases: r.list("aliases").into_iter().map(String::from).collect(),
                country: country.into(),
                office: r.get("office").into(),
                code: code.into(),
                start: r.opt("start").map(String::from),
                end: r.opt("end").map(String::from),
            });
        }
        for r in rows("en/irregular_verbs.tsv") {
            d.irregular_verbs.insert(
                r.get("lemma").to_lowercase(),
                (
                    r.get("past").to_lowercase(),
                    r.get("participle").to_lowercase(),
                ),
            );
        }
        for r in rows("en/events.tsv") {
            let code = r.get("code");
            if !d.cameo.contains_key(code) {
                diags.push(r.diag("D040", format!("unknown CAMEO code `{code}`")));
                continue;
            }
            match patterns::parse_pattern(r.get("pattern")) {
                Ok(tokens) => d.patterns.push(EventPattern {
                    code: code.into(),
                    source_text: r.get("pattern").into(),
                    tokens,
                    example: r.get("example").into(),
                    expect: r.opt("expect").map(String::from),
                    file: r.file.into(),
                    line: r.line,
                }),
                Err(msg) => diags.push(r.diag("D041", msg)),
            }
            if r.get("example").is_empty() {
                diags.push(r.diag("D042", "every pattern needs an example sentence"));
            }
        }
        for r in rows("en/indicators.tsv") {
            let sign: f64 = match r.get("sign") {
                "+" | "+1" | "1" => 1.0,
                "-" | "-1" => -1.0,
                other => {
                    diags.push(r.diag("D050", format!("sign `{other}` is not + or -")));
                    continue;
                }
            };
            let takes = r.get("takes");
            if !matches!(
                takes,
                "money" | "count" | "percent" | "ordinal" | "date" | "items"
            ) {
                diags.push(r.diag(
                    "D051",
                    format!("takes `{takes}` is not money, count, percent, ordinal, date or items"),
                ));
                continue;
            }
            d.indicator_cues.push(IndicatorCue {
                phrase: r.get("phrase").to_lowercase(),
                indicator: r.get("indicator").into(),
                sign,
                takes: takes.into(),
            });
        }
        if diags.is_empty() {
            Ok(d)
        } else {
            Err(LoadError(diags))
        }
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_by_code.get(code).map(|&i| &self.countries[i])
    }

    /// The most specific CAMEO code entry known for `code` (falls back to its parents).
    pub fn cameo_code(&self, code: &str) -> Option<&CameoCode> {
        let mut c = code;
        loop {
            if let Some(x) = self.cameo.get(c) {
                return Some(x);
            }
            if c.len() <= 2 {
                return None;
            }
            c = &c[..c.len() - 1];
        }
    }

    /// Counts of entries per table, for `attache check`.
    pub fn summary(&self) -> Vec<(&'static str, usize)> {
        vec![
            ("CAMEO event codes", self.cameo.len()),
            ("CAMEO role codes", self.sectors.len()),
            ("countries", self.countries.len()),
            ("places", self.places.len()),
            ("organizations", self.organizations.len()),
            ("roles and titles", self.roles.len()),
            ("office holders", self.leaders.len()),
            ("irregular verbs", self.irregular_verbs.len()),
            ("event patterns", self.patterns.len()),
            ("fact indicator cues", self.indicator_cues.len()),
        ]
    }
}

/// The key of a row, for duplicate detection and overriding.
fn row_key(table: &str, r: &tsv::Row) -> String {
    match table {
        "en/events.tsv" => format!("{} {}", r.get("code"), r.get("pattern")),
        "en/leaders.tsv" => format!("{} {} {}", r.get("name"), r.get("office"), r.get("start")),
        "en/indicators.tsv" => format!(
            "{} {} {}",
            r.get("phrase"),
            r.get("indicator"),
            r.get("takes")
        ),
        "geo/places.tsv" => format!("{} {}", r.get("name"), r.get("country")),
        _ => r.fields_key(),
    }
}

impl tsv::Row<'_> {
    fn fields_key(&self) -> String {
        self.first().to_string()
    }
}
