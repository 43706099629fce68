//! Exports of stored events: GDELT 2.0 event rows (61 tab-separated columns), PLOVER JSON
//! Lines, CSV, and (feature `parquet`) Parquet.

use std::io::Write;

use serde_json::{json, Value};

use crate::{EventRow, Pair, Result, Store};

/// GDELT 2.0 event table columns, in file order (the 2.0 codebook: 61 columns).
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Output formats of `attache export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Gdelt,
    Plover,
    Csv,
    Parquet,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "gdelt" => Ok(Format::Gdelt),
            "plover" => Ok(Format::Plover),
            "csv" => Ok(Format::Csv),
            "parquet" => Ok(Format::Parquet),
            _ => Err(format!(
                "unknown export format {s:?} (gdelt, plover, csv, parquet)"
            )),
        }
    }
}

/// A full day `(year, month, day)` for an event: its own date, completed to the first day
/// of its month/year when partial (GDELT needs a day); the first date of a range; the
/// publication date when undated. `None` when nothing is known.
pub fn event_day(e: &EventRow) -> Option<(u32, u32, u32)> {
    let parse = |s: &str| -> Option<(u32, u32, u32)> {
        let s = s.split('/').next()?;
        let mut it = s.split('-');
        let y: u32 = it.next().filter(|y| y.len() == 4)?.parse().ok()?;
        let m: u32 = it.next().and_then(|m| m.parse().ok()).unwrap_or(1);
        let d: u32 = it.next().and_then(|d| d.parse().ok()).unwrap_or(1);
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
    };
    e.date
        .as_deref()
        .and_then(parse)
        .or_else(|| e.published.as_deref().and_then(parse))
}

/// Splits a CAMEO actor code into (country, known group, role codes) the way GDELT does:
/// `KORGOV` -> (KOR, -, [GOV]); `IGOUNO` -> (-, UNO, [IGO]).
fn split_actor(code: Option<&str>, country: Option<&str>) -> (String, String, Vec<String>) {
    let code = code.unwrap_or("");
    let country = country.unwrap_or("");
    let chunks = |s: &str| -> Vec<String> {
        s.as_bytes()
            .chunks(3)
            .filter(|c| c.len() == 3)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .take(3)
            .collect()
    };
    for org in ["IGO", "NGO", "IMG", "MNC"] {
        if let Some(rest) = country.strip_prefix(org) {
            let group = if rest.len() >= 3 {
                &rest[rest.len() - 3..]
            } else {
                rest
            };
            return (String::new(), group.to_string(), vec![org.to_string()]);
        }
    }
    let roles = code.strip_prefix(country).map(chunks).unwrap_or_default();
    (country.to_string(), String::new(), roles)
}

/// Makes a value safe for a tab-separated field (GDELT files have no quoting).
fn tsv(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// One GDELT 2.0 event row (61 values, not yet joined).
pub fn gdelt_row(e: &EventRow) -> Vec<String> {
    let mut row: Vec<String> = Vec::with_capacity(61);
    row.push(e.id.to_string());
    match event_day(e) {
        Some((y, m, d)) => {
            row.push(format!("{y:04}{m:02}{d:02}"));
            row.push(format!("{y:04}{m:02}"));
            row.push(format!("{y:04}"));
            // The codebook's approximation: (month * 30 + day) / 365.
            row.push(format!("{:.4}", y as f64 + (m * 30 + d) as f64 / 365.0));
        }
        None => row.extend(std::iter::repeat_n(String::new(), 4)),
    }
    for p in [&e.source, &e.target] {
        let (country, group, roles) = split_actor(
            p.as_ref().and_then(|p| p.code.as_deref()),
            p.as_ref().and_then(|p| p.country.as_deref()),
        );
        row.push(tsv(p
            .as_ref()
            .and_then(|p| p.code.as_deref())
            .unwrap_or("")));
        row.push(tsv(&p
            .as_ref()
            .map(|p| p.name.to_uppercase())
            .unwrap_or_default()));
        row.push(country);
        row.push(group);
        row.extend(std::iter::repeat_n(String::new(), 3)); // ethnic, religion 1, religion 2
        for i in 0..3 {
            row.push(roles.get(i).cloned().unwrap_or_default());
        }
    }
    let root_event = e.mentions.iter().any(|m| m.sentence == 0);
    row.push(if root_event { "1" } else { "0" }.into());
    row.push(e.cameo.clone());
    row.push(e.cameo.get(..3).unwrap_or(&e.cameo).to_string());
    row.push(e.cameo.get(..2).unwrap_or(&e.cameo).to_string());
    row.push(e.quad_class.to_string());
    row.push(format!("{:.1}", e.goldstein));
    row.push(e.mentions.len().max(1).to_string());
    row.push("1".into()); // NumSources: one document
    row.push("1".into()); // NumArticles
    row.push(String::new()); // AvgTone: not measured
    for _ in 0..2 {
        // Actor geography is not coded.
        row.push("0".into());
        row.extend(std::iter::repeat_n(String::new(), 7));
    }
    match &e.location {
        Some(l) => {
            // 4 = world city/landmark, 1 = country (name is the country itself).
            let is_country = l.country.as_deref().is_some_and(|c| c == l.name);
            row.push(if is_country { "1" } else { "4" }.into());
            row.push(tsv(&l.name));
            // The GDELT geo country is FIPS 10-4, which we do not map; left empty.
            row.extend(std::iter::repeat_n(String::new(), 6));
        }
        None => {
            row.push("0".into());
            row.extend(std::iter::repeat_n(String::new(), 7));
        }
    }
    let added: String = e
        .ingested_at
        .chars()
        .filter(char::is_ascii_digit)
        .take(14)
        .collect();
    row.push(added);
    row.push(tsv(e
        .url
        .as_deref()
        .map(str::to_string)
        .unwrap_or_else(|| format!("attache:{}#event-{}", e.doc_id, e.index))
        .as_str()));
    debug_assert_eq!(row.len(), 61);
    row
}

/// PLOVER category from a CAMEO root when the coder gave none (CAMEO-to-PLOVER at root
/// level; public statements and appeals have no PLOVER category of their own).
pub fn plover_of_root(root: &str) -> Option<&'static str> {
    Some(match root {
        "02" => "REQUEST",
        "03" => "AGREE",
        "04" => "CONSULT",
        "05" => "SUPPORT",
        "06" => "COOPERATE",
        "07" => "AID",
        "08" => "CONCEDE",
        "09" => "ACCUSE",
        "10" => "REQUEST",
        "11" => "ACCUSE",
        "12" => "REJECT",
        "13" => "THREATEN",
        "14" => "PROTEST",
        "15" => "MOBILIZE",
        "16" => "SANCTION",
        "17" => "COERCE",
        "18" | "19" | "20" => "ASSAULT",
        _ => return None,
    })
}

fn plover_entity(p: &crate::PartyRow) -> Value {
    let sector = match (&p.code, &p.country) {
        (Some(code), Some(c)) => code.strip_prefix(c.as_str()).unwrap_or("").to_string(),
        _ => String::new(),
    };
    json!({
        "code": p.country,
        "sector": if sector.is_empty() { Value::Null } else { Value::String(sector) },
        "entity_text": p.name,
        "actor_code": p.code,
    })
}

/// One PLOVER record (Table 6.1 of the PLOVER manual; field names in snake_case). CAMEO
/// fields we also know are added as extra named fields, as the manual allows.
pub fn plover_record(e: &EventRow) -> Value {
    let date = event_day(e).map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
    let event = e
        .plover
        .clone()
        .or_else(|| plover_of_root(&e.root).map(str::to_string));
    let first = e.mentions.first();
    json!({
        "id": format!("attache-{}-{}", e.doc_id, e.index),
        "has_event": event.is_some(),
        "date": date,
        "actor": e.source.iter().map(plover_entity).collect::<Vec<_>>(),
        "recipient": e.target.iter().map(plover_entity).collect::<Vec<_>>(),
        "event": event.into_iter().collect::<Vec<_>>(),
        "event_loc": e.location.as_ref().map(|l| json!({
            "extracted_place": l.name,
            "country_code": l.country,
        })),
        "event_text": [e.text.clone()],
        "quad_code": e.quad_class,
        "event_scale": e.goldstein,
        "mode": e.plover_mode.iter().collect::<Vec<_>>(),
        "context": [],
        "text": e.text,
        "text_info": first.map(|m| json!({
            "sequence": m.sentence,
            "start": m.span[0],
            "end": m.span[1],
        })),
        "cite_info": {
            "corpus": "attache",
            "citation": e.doc_id,
            "url": e.url,
            "title": e.doc_title,
            "language": "en",
            "coder": concat!("attache ", env!("CARGO_PKG_VERSION")),
            "codebook": "CAMEO 1.1b3 with PLOVER categories",
        },
        "coder": "attache",
        "coded_date": e.ingested_at.get(..10),
        "cameo": e.cameo,
        "status": e.status,
        "event_date_as_reported": e.date,
        "count": e.count,
    })
}

/// Column names of the CSV export.
pub const CSV_COLUMNS: [&str; 24] = [
    "event_id",
    "doc_id",
    "event_index",
    "date",
    "published",
    "pair",
    "source_name",
    "source_country",
    "source_code",
    "target_name",
    "target_country",
    "target_code",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "status",
    "count",
    "location",
    "location_country",
    "url",
    "title",
    "text",
];

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn csv_row(e: &EventRow) -> Vec<String> {
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    let party = |p: &Option<crate::PartyRow>| -> [String; 3] {
        match p {
            Some(p) => [p.name.clone(), o(&p.country), o(&p.code)],
            None => Default::default(),
        }
    };
    let [sn, sc, sk] = party(&e.source);
    let [tn, tc, tk] = party(&e.target);
    vec![
        e.id.to_string(),
        e.doc_id.clone(),
        e.index.to_string(),
        o(&e.date),
        o(&e.published),
        o(&e.pair),
        sn,
        sc,
        sk,
        tn,
        tc,
        tk,
        e.cameo.clone(),
        e.root.clone(),
        e.quad_class.to_string(),
        e.goldstein.to_string(),
        o(&e.plover),
        e.status.clone(),
        e.count.to_string(),
        e.location
            .as_ref()
            .map(|l| l.name.clone())
            .unwrap_or_default(),
        e.location
            .as_ref()
            .and_then(|l| l.country.clone())
            .unwrap_or_default(),
        o(&e.url),
        o(&e.doc_title),
        e.text.clone(),
    ]
}

/// Writes every event (of `pair`, if given) in `format`; returns the number written.
pub fn export(
    store: &Store,
    format: Format,
    pair: Option<&Pair>,
    out: &mut dyn Write,
) -> Result<u64> {
    match format {
        Format::Gdelt => store.for_each_event(pair, |e| {
            writeln!(out, "{}", gdelt_row(e).join("\t"))?;
            Ok(())
        }),
        Format::Plover => store.for_each_event(pair, |e| {
            serde_json::to_writer(&mut *out, &plover_record(e))?;
            out.write_all(b"\n")?;
            Ok(())
        }),
        Format::Csv => {
            writeln!(out, "{}", CSV_COLUMNS.join(","))?;
            store.for_each_event(pair, |e| {
                let row: Vec<String> = csv_row(e).iter().map(|s| csv_field(s)).collect();
                writeln!(out, "{}", row.join(","))?;
                Ok(())
            })
        }
        Format::Parquet => {
            #[cfg(feature = "parquet")]
            {
                crate::parquet_export::write(store, pair, out)
            }
            #[cfg(not(feature = "parquet"))]
            {
                let _ = out;
                Err(crate::StoreError::Other(
                    "this build has no Parquet support; rebuild with `--features parquet`".into(),
                ))
            }
        }
    }
}
