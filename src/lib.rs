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

/// mimalloc's `mi_option_purge_delay`: its place in `mi_option_e` (mimalloc 3, which
/// libmimalloc-sys builds by default; a test checks that it holds that option's default).
const MI_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keep freed memory for reuse instead of giving it back to the system a second later (mimalloc's
/// default): memory a stage frees and soon takes again (an index segment's arena when the next one
/// fills, an event study's results from one run to the next) was handed back and faulted in again.
/// Alternating runs: a million-document rebuild 48.3 and 47.2 s → 45.8 and 44.3 s (peak RSS 350 →
/// 420 MB), the study bench's best of five 16.1 → 14.7 ms on average of eight, its spread from
/// process to process narrower. A long `watch` keeps its peak, a crawl's (about 250 MB). Call it
/// first thing in `main`, before any thread starts (mimalloc's options are not set atomically); the
/// binary and the benches do.
pub fn tune_allocator() {
    // SAFETY: a plain store into mimalloc's option table, made before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_PURGE_DELAY, -1) }
}

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

#[cfg(test)]
mod tests {
    #[test]
    fn the_purge_delay_is_the_mimalloc_option_tune_allocator_sets() {
        // the option at that place reads mimalloc 3's default purge delay, 1000 ms (its
        // neighbours default to 1 and 0), as long as no test tunes it
        let at = |o| unsafe { libmimalloc_sys::mi_option_get(o) };
        assert_eq!(
            [
                super::MI_PURGE_DELAY - 1,
                super::MI_PURGE_DELAY,
                super::MI_PURGE_DELAY + 1
            ]
            .map(at),
            [1, 1000, 0]
        );
    }
}
