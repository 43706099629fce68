//! `attache facts`: code articles and print their facts with the consistency checks, within
//! each document and across all of them, as a table or JSON.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use attache_core::checks::{check_across, CrossCheck};
use attache_core::{CodeOptions, Engine};
use attache_model::Fact;
use clap::ValueEnum;
use serde_json::json;

use super::code::{read_options, InputKind};
use super::input::{code_all, parse_date};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FactsFormat {
    /// A readable table: one line per fact, its checks under it, then the checks across documents.
    Table,
    /// One JSON object: `documents` (id, facts with their checks) and `cross_checks`.
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories or `-` for standard input (any input `attache code` reads).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Only facts between these two countries, in either order (e.g. KOR-KAZ).
    #[arg(long)]
    pub pair: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: FactsFormat,
    /// Publication date (YYYY-MM-DD) for inputs that have none.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
    /// Read every input as this kind instead of detecting it from content.
    #[arg(long, value_enum)]
    pub input: Option<InputKind>,
    /// A directory of extra dictionary entries (same file names and columns as `data/`).
    #[arg(long = "dict")]
    pub dicts: Vec<PathBuf>,
}

/// `KOR-KAZ` → the two codes, upper-cased.
fn parse_pair(s: &str) -> anyhow::Result<(String, String)> {
    let mut it = s.split(['-', ',', '/']).map(|x| x.trim().to_uppercase());
    match (it.next(), it.next(), it.next()) {
        (Some(a), Some(b), None) if !a.is_empty() && !b.is_empty() => Ok((a, b)),
        _ => anyhow::bail!("--pair `{s}`: expected two country codes such as KOR-KAZ"),
    }
}

fn in_pair(f: &Fact, pair: &Option<(String, String)>) -> bool {
    let Some((a, b)) = pair else { return true };
    let (s, p) = (f.subject.as_deref(), f.partner.as_deref());
    (s == Some(a) && p == Some(b)) || (s == Some(b) && p == Some(a))
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pair = args.pair.as_deref().map(parse_pair).transpose()?;
    let engine = Engine::load(&args.dicts)?;
    let opts = CodeOptions {
        date: args.date,
        ..Default::default()
    };
    let read = read_options(args.input, false);
    // (doc id, index in its document, fact)
    let mut docs: Vec<(String, Vec<(usize, Fact)>)> = Vec::new();
    let failures = code_all(&engine, &args.inputs, &read, &opts, |doc| {
        let kept = doc
            .facts
            .into_iter()
            .enumerate()
            .filter(|(_, f)| in_pair(f, &pair))
            .collect();
        docs.push((doc.id, kept));
        Ok(())
    })?;
    let flat: Vec<(String, Fact)> = docs
        .iter()
        .flat_map(|(id, fs)| fs.iter().map(move |(_, f)| (id.clone(), f.clone())))
        .collect();
    let cross = check_across(&flat);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        FactsFormat::Json => {
            let documents: Vec<_> = docs
                .iter()
                .map(|(id, fs)| {
                    let facts: Vec<_> = fs
                        .iter()
                        .map(|(i, f)| {
                            let mut v = serde_json::to_value(f).unwrap_or_default();
                            if let Some(o) = v.as_object_mut() {
                                o.insert("index".into(), json!(i));
                            }
                            v
                        })
                        .collect();
                    json!({"id": id, "facts": facts})
                })
                .collect();
            serde_json::to_writer_pretty(
                &mut out,
                &json!({"documents": documents, "cross_checks": cross}),
            )?;
            writeln!(out)?;
        }
        FactsFormat::Table => write_table(&mut out, &docs, &cross)?,
    }
    out.flush()?;
    Ok(if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_table(
    out: &mut impl Write,
    docs: &[(String, Vec<(usize, Fact)>)],
    cross: &[CrossCheck],
) -> anyhow::Result<()> {
    for (id, fs) in docs {
        writeln!(out, "== {id}: {} facts", fs.len())?;
        if fs.is_empty() {
            continue;
        }
        writeln!(
            out,
            "  {:>3}  {:<24} {:<10} {:<10} {:<16} {:>18} {:<8} detail",
            "#", "indicator", "subject", "partner", "period", "value", "unit"
        )?;
        for (i, f) in fs {
            let mut detail = Vec::new();
            if let Some(q) = &f.qualifier {
                if q != "exact" {
                    detail.push(q.clone());
                }
            }
            if let Some(c) = &f.change {
                detail.push(format!("change {} → {}", fmt_num(c.from), fmt_num(c.to)));
            }
            if let Some(r) = f.rank {
                detail.push(format!("rank {r}"));
            }
            if let Some(it) = &f.items {
                detail.push(format!("items: {}", it.join(", ")));
            }
            writeln!(
                out,
                "  {:>3}  {:<24} {:<10} {:<10} {:<16} {:>18} {:<8} {}",
                i,
                f.indicator,
                f.subject.as_deref().unwrap_or("-"),
                f.partner.as_deref().unwrap_or("-"),
                f.period.as_deref().unwrap_or("-"),
                f.value.map(fmt_num).unwrap_or_else(|| "-".into()),
                f.unit.as_deref().unwrap_or("-"),
                detail.join("; ")
            )?;
            let text: String = f.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let short: String = text.chars().take(110).collect();
            writeln!(
                out,
                "       \"{short}{}\"",
                if text.chars().count() > 110 {
                    "…"
                } else {
                    ""
                }
            )?;
        }
        // each check once, after the facts
        let mut seen = Vec::new();
        for (_, f) in fs {
            for c in &f.checks {
                if !seen.contains(c) {
                    seen.push(c.clone());
                }
            }
        }
        for c in seen {
            let ids: Vec<String> = c.facts.iter().map(|i| format!("#{i}")).collect();
            writeln!(
                out,
                "  check {} [{}] {}: {}",
                c.kind,
                c.status,
                ids.join(" "),
                c.message
            )?;
        }
    }
    if !cross.is_empty() {
        writeln!(out, "== across documents")?;
        for c in cross {
            let names: Vec<String> = c
                .docs
                .iter()
                .zip(&c.facts)
                .map(|(d, _)| d.clone())
                .collect();
            writeln!(
                out,
                "  check {} [{}] {}: {}",
                c.kind,
                c.status,
                names.join(" vs "),
                c.message
            )?;
        }
    }
    Ok(())
}
