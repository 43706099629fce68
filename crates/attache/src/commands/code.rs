//! `attache code`: code articles into the output contract.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use attache_core::{CodeOptions, Engine};
use attache_ingest::{Format, ReadOptions};
use attache_model::Document;
use clap::ValueEnum;

use super::input::{code_all, parse_date};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum OutputFormat {
    /// One JSON object per document (an array when there are several).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A readable table of each document's events and facts.
    Table,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InputKind {
    Jsonl,
    Text,
    Html,
    Feed,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories or `-` for standard input (JSON Lines, text, HTML, feeds, .gz).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for inputs that have none.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
    #[arg(long, value_enum, default_value = "json")]
    pub format: OutputFormat,
    /// Read every input as this kind instead of detecting it from content.
    #[arg(long, value_enum)]
    pub input: Option<InputKind>,
    /// A directory of extra dictionary entries (same file names and columns as `data/`).
    #[arg(long = "dict")]
    pub dicts: Vec<PathBuf>,
    /// Keep documents whose language is not English (coded as English text).
    #[arg(long)]
    pub all_languages: bool,
    /// Keep events whose target the text does not name (as GDELT keeps them, with an empty
    /// second actor); by default they are left out.
    #[arg(long)]
    pub untargeted_events: bool,
}

pub fn read_options(input: Option<InputKind>, all_languages: bool) -> ReadOptions {
    ReadOptions {
        format: input.map(|k| match k {
            InputKind::Jsonl => Format::Jsonl,
            InputKind::Text => Format::Text,
            InputKind::Html => Format::Html,
            InputKind::Feed => Format::Feed,
        }),
        english_only: !all_languages,
        ..ReadOptions::default()
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let engine = Engine::load(&args.dicts)?;
    let opts = CodeOptions {
        date: args.date,
        untargeted_events: args.untargeted_events,
    };
    let read = read_options(args.input, args.all_languages);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut collected: Vec<Document> = Vec::new();
    let failures = code_all(&engine, &args.inputs, &read, &opts, |doc| {
        match args.format {
            OutputFormat::Jsonl => {
                serde_json::to_writer(&mut out, &doc)?;
                out.write_all(b"\n")?;
            }
            OutputFormat::Json => collected.push(doc),
            OutputFormat::Table => write_table(&mut out, &doc)?,
        }
        Ok(())
    })?;
    if args.format == OutputFormat::Json {
        if collected.len() == 1 {
            serde_json::to_writer_pretty(&mut out, &collected[0])?;
        } else {
            serde_json::to_writer_pretty(&mut out, &collected)?;
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn party(p: &Option<attache_model::Party>) -> String {
    p.as_ref()
        .map(|p| {
            p.code
                .clone()
                .or(p.country.clone())
                .unwrap_or_else(|| p.name.clone())
        })
        .unwrap_or_else(|| "-".into())
}

fn write_table(out: &mut impl Write, d: &Document) -> anyhow::Result<()> {
    writeln!(
        out,
        "# {}  published {} ({})  dateline {}",
        d.id,
        d.published.as_deref().unwrap_or("?"),
        d.published_basis
            .map(|b| format!("{b:?}").to_lowercase())
            .unwrap_or_else(|| "-".into()),
        d.dateline
            .as_ref()
            .and_then(|p| p.place.clone())
            .unwrap_or_else(|| "-".into())
    )?;
    for w in &d.warnings {
        writeln!(out, "  warning: {w}")?;
    }
    if !d.events.is_empty() {
        writeln!(
            out,
            "  {:<12} {:<10} {:<10} {:<6} {:<11} {:<12} text",
            "date", "source", "target", "cameo", "status", "plover"
        )?;
    }
    for e in &d.events {
        let text: String = e.text.chars().take(70).collect();
        writeln!(
            out,
            "  {:<12} {:<10} {:<10} {:<6} {:<11} {:<12} {}",
            e.date.as_deref().unwrap_or("-"),
            party(&e.source),
            party(&e.target),
            e.cameo,
            format!("{:?}", e.status).to_lowercase(),
            e.plover.as_deref().unwrap_or("-"),
            text.replace('\n', " ")
        )?;
    }
    for f in &d.facts {
        writeln!(
            out,
            "  fact {:<24} {}→{} {:<10} {} {}",
            f.indicator,
            f.subject.as_deref().unwrap_or("-"),
            f.partner.as_deref().unwrap_or("-"),
            f.period.as_deref().unwrap_or("-"),
            f.value
                .map(|v| format!("{v}"))
                .or(f.rank.map(|r| format!("rank {r}")))
                .or(f.items.as_ref().map(|i| i.join(", ")))
                .unwrap_or_default(),
            f.unit.as_deref().unwrap_or("")
        )?;
        // each check once, at the first fact it involves
        for c in &f.checks {
            if c.facts
                .first()
                .is_some_and(|&first| std::ptr::eq(&d.facts[first.min(d.facts.len() - 1)], f))
            {
                writeln!(out, "    check {} {}: {}", c.kind, c.status, c.message)?;
            }
        }
    }
    Ok(())
}
