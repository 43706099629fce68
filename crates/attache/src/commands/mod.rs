//! One module per subcommand: its clap `Args` and its `run`.

pub mod bench;
pub mod bench_api;
pub mod brief;
pub mod check;
pub mod code;
pub mod eval;
pub mod explain;
pub mod export;
pub mod facts;
pub mod ingest;
pub mod ingest_eval;
pub mod input;
pub mod serve;
