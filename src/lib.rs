//! hashpivot: crawl, store, index and study the news of bitcoin miners that are turning their power
//! and data-center sites into AI/HPC hosting.
//!
//! Data flows one way through stages that each own a folder (see `DESIGN.md` in the project's shared
//! docs): `config` → `crawl` (fetch + parse) → `store` (SQLite, the source of truth). The `cmd`
//! module wires the stages into subcommands; `main.rs` only parses arguments and maps errors to exit
//! codes.

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
