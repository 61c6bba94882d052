//! hashpivot: crawl, store, index and study the news of bitcoin miners that are turning their power
//! and data-center sites into AI/HPC hosting.
//!
//! Data flows one way, commands → stages → store/config/model: `config` and `http` feed `crawl`,
//! which writes to `store` (SQLite, the source of truth); `analyze` recognises deals in what is
//! stored, `index` makes it searchable, `study` measures the market's reaction on the `calendar`,
//! and `report` renders the results. `cmd` wires the stages into subcommands; `main.rs` only parses
//! arguments and maps errors to exit codes. `ARCHITECTURE.md` in the repository is the map.

pub mod analyze;
pub mod calendar;
pub mod cmd;
pub mod config;
pub mod crawl;
pub mod http;
pub mod index;
pub mod loopback;
pub mod market;
pub mod model;
pub mod report;
pub mod store;
pub mod study;

/// An error that is the user's to fix (a bad `feeds.toml`, a bad argument): the binary exits with 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);
