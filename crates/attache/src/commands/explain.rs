//! `attache explain`: code one article and show, for each item, the rule or table entry that
//! produced it.

use std::path::PathBuf;
use std::process::ExitCode;

use attache_core::{CodeOptions, Engine};
use attache_ingest::{read_inputs, Input};

use super::input::parse_date;

#[derive(clap::Args)]
pub struct Args {
    /// The article (any input kind `attache code` reads; the first document is explained).
    pub input: PathBuf,
    #[arg(long, value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
    #[arg(long = "dict")]
    pub dicts: Vec<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let engine = Engine::load(&args.dicts)?;
    let opts = CodeOptions {
        date: args.date,
        ..Default::default()
    };
    let read = super::code::read_options(None, true);
    // the first document of the input is explained
    if let Some(item) = read_inputs(std::slice::from_ref(&args.input), &read).next() {
        match item {
            Input::Document(a) => {
                let an = engine.analyze(&a.doc, &opts);
                print!("{}", attache_core::explain::render(&engine, &an));
                return Ok(ExitCode::SUCCESS);
            }
            Input::Invalid { id, warning } => {
                eprintln!("attache: {id}: {warning}");
                return Ok(ExitCode::from(1));
            }
            Input::Skipped { reason, .. } => {
                eprintln!("attache: {}: {reason}", args.input.display());
                return Ok(ExitCode::from(1));
            }
            Input::Error { source, message } => {
                eprintln!("attache: {source}: {message}");
                return Ok(ExitCode::from(1));
            }
        }
    }
    eprintln!("attache: {}: no document", args.input.display());
    Ok(ExitCode::from(1))
}
