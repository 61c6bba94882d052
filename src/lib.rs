//! hashpivot: crawl, store, index and study the news of bitcoin miners that are turning their power
//! and data-center sites into AI/HPC hosting.
//!
//! Data flows one way, commands → stages → store/config/model: `config` and `http` feed `crawl`,
//! which writes to `store` (SQLite, the source of truth); `analyze` recognises deals in what is
//! stored, `index` makes it searchable, `study` measures the market's reaction on the `calendar`,
//! and `report` renders the results. `cmd` wires the stages into subcommands; `main.rs` only parses
//! arguments and maps errors to exit codes. `ARCHITECTURE.md` in the repository is the map.

pub mod alert;
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
pub mod progress;
pub mod report;
pub mod store;
pub mod study;
pub mod watch;

/// mimalloc for every program built on this crate (the binary, its benches and tests): a
/// rebuild of a million documents took 87–93 s with the system allocator and 69–71 s with it,
/// alternating on one machine (the system's gave freed arena pages back and faulted them in again,
/// and its locks and bins were a tenth of the feeding thread); see ARCHITECTURE.md, scale.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// An error that is the user's to fix (a bad `feeds.toml`, a bad argument): the binary exits with 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// An error and its causes on one line, each cause said once: `a: b: c`, where a cause that only
/// repeats what is already said (SQLite's "Error code 13: database or disk is full" under
/// rusqlite's "database or disk is full") is left out.
pub fn error_chain(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for c in e.chain() {
        let msg = c.to_string();
        let said = msg
            .strip_prefix("Error code ")
            .and_then(|r| r.split_once(": "))
            .map_or(msg.as_str(), |(_, rest)| rest);
        if line.ends_with(&msg) || (!said.is_empty() && line.contains(said)) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&msg);
    }
    line
}
