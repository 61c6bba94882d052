//! One file per subcommand. Each has its own `Args` (whose doc comment is its help text) and a
//! `run` that reads like the description, over the stages.

pub mod alerts;
pub mod analyze;
pub mod args;
pub mod crawl;
pub mod deals;
pub mod demo;
pub mod digest;
pub mod export;
pub mod feed;
pub mod init;
pub mod premium;
pub mod prices;
pub mod reindex;
pub mod search;
pub mod show;
pub mod sources;
pub mod status;
pub mod study;
pub mod tone;
pub mod watch;

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::store::Store;

/// hashpivot: follow the bitcoin miners turning into AI/HPC hosts.
///
/// Crawls news feeds, press releases and SEC filings about the miners in feeds.toml into a local
/// SQLite database (<data-dir>/hashpivot.db), recognises their AI/HPC deals, indexes everything for
/// search, and measures how the stocks moved around the deals beyond what the market and bitcoin
/// explain (event study, AI premium), with a weekly digest and a dataset export.
///
/// Examples:
///   hashpivot demo                 see everything work offline on sample data
///   hashpivot init                 write the starter feeds.toml
///   hashpivot sources check        how every source answers now (after editing feeds.toml)
///   hashpivot crawl                fetch every due source
///   hashpivot watch                poll each source on its schedule, alert on new deals
///   hashpivot status               what each source did last time
///   hashpivot show 42              one stored document, full text
///   hashpivot deals                the AI/HPC deals recognised in what was crawled
///   hashpivot search '$IREN lease' full-text search
///   hashpivot tone "Costs rose 12%" the tone of any text, and why
///   hashpivot prices import data/*.csv
///   hashpivot study                event study of the stored deals
///   hashpivot premium              the AI narrative premium, in one screen
#[derive(Debug, Parser)]
#[command(name = "hashpivot", version, verbatim_doc_comment)]
pub struct Cli {
    /// Folder holding hashpivot.db and index/.
    #[arg(long, global = true, env = "HASHPIVOT_DATA", default_value = ".")]
    pub data_dir: PathBuf,
    /// The configuration file [default: feeds.toml].
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::Args),
    Crawl(crawl::Args),
    Watch(watch::Args),
    Alerts(alerts::Args),
    Feed(feed::Args),
    Status(status::Args),
    Show(show::Args),
    Analyze(analyze::Args),
    Tone(tone::Args),
    Deals(deals::Args),
    Search(search::Args),
    Reindex(reindex::Args),
    #[command(subcommand)]
    Prices(prices::Command),
    #[command(subcommand)]
    Sources(sources::Command),
    Study(study::Args),
    Export(export::Args),
    Premium(premium::Args),
    Digest(digest::Args),
    Demo(demo::Args),
}

/// Run a parsed command line; the result is the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<i32> {
    let explicit = cli.config.is_some();
    let config = cli.config.unwrap_or_else(|| PathBuf::from("feeds.toml"));
    let ctx = Workspace {
        data_dir: cli.data_dir,
        config,
        explicit_config: explicit,
    };
    match cli.command {
        Command::Init(a) => init::run(&ctx.config, a),
        Command::Crawl(a) => crawl::run(&ctx.data_dir, &ctx.config, a),
        Command::Watch(a) => watch::run(&ctx, a),
        Command::Alerts(a) => alerts::run(&ctx, a),
        Command::Feed(a) => feed::run(&ctx, a),
        Command::Status(a) => status::run(&ctx.data_dir, a),
        Command::Show(a) => show::run(&ctx.data_dir, a),
        Command::Analyze(a) => analyze::run(&ctx, a),
        Command::Tone(a) => tone::run(&ctx, a),
        Command::Deals(a) => deals::run(&ctx, a),
        Command::Search(a) => search::run(&ctx, a),
        Command::Reindex(a) => reindex::run(&ctx, a),
        Command::Prices(c) => prices::run(&ctx, c),
        Command::Sources(c) => sources::run(&ctx, c),
        Command::Study(a) => study::run(&ctx, a),
        Command::Export(a) => export::run(&ctx, a),
        Command::Premium(a) => premium::run(&ctx, a),
        Command::Digest(a) => digest::run(&ctx, a),
        Command::Demo(a) => demo::run(&ctx, a),
    }
}

/// (cause, the names it covers), in the order first seen: one cause, one line, for failures that
/// hit several sources at once (`crawl`, `sources check`).
pub(crate) fn by_cause<'a>(
    failures: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<(&'a str, Vec<&'a str>)> {
    let mut causes: Vec<(&str, Vec<&str>)> = Vec::new();
    for (name, cause) in failures {
        match causes.iter_mut().find(|(c, _)| *c == cause) {
            Some((_, names)) => names.push(name),
            None => causes.push((cause, vec![name])),
        }
    }
    causes
}

/// Where a command finds its data directory and configuration.
pub struct Workspace {
    pub data_dir: PathBuf,
    pub config: PathBuf,
    /// `--config` was given: a missing file is then an error even for commands that can run on
    /// the defaults.
    pub explicit_config: bool,
}

impl Workspace {
    /// The database, or with none yet an empty in-memory store: for commands that only compute
    /// from what is stored, so their own messages say what is missing (deals, prices) and how to
    /// add it, and no empty database is left behind in a folder the user did not mean.
    pub fn store_or_empty(&self) -> anyhow::Result<Store> {
        if self.data_dir.join("hashpivot.db").exists() {
            open_existing_store(&self.data_dir)
        } else {
            Ok(Store::open_in_memory()?)
        }
    }

    /// The config, or the defaults when the default `feeds.toml` is absent.
    pub fn config_or_default(&self) -> anyhow::Result<Config> {
        Ok(Config::load_or_default(
            &self.config,
            !self.explicit_config,
        )?)
    }
}

pub(crate) fn load_config(path: &Path) -> anyhow::Result<Config> {
    Ok(Config::load(path)?)
}

/// Open the database, creating it if needed: for commands that store something.
pub(crate) fn open_store(data_dir: &Path) -> anyhow::Result<Store> {
    Ok(Store::open(data_dir)?)
}

/// Open an existing database: for commands that only read (or change what is stored), so that
/// running one in the wrong folder says so instead of leaving an empty database behind.
pub(crate) fn open_existing_store(data_dir: &Path) -> anyhow::Result<Store> {
    let path = data_dir.join("hashpivot.db");
    if !path.exists() {
        anyhow::bail!(
            "no database at {}: run `hashpivot crawl` there first, or pass --data-dir",
            path.display()
        );
    }
    Ok(Store::open(data_dir)?)
}

/// Held for the whole crawl: a second crawl on the same data directory refuses to start.
pub(crate) struct CrawlLock {
    _file: File,
}

impl CrawlLock {
    pub(crate) fn acquire(data_dir: &Path) -> anyhow::Result<CrawlLock> {
        Self::acquire_file(data_dir, "crawl.lock", "another crawl")
    }

    /// The watch's own lock (`watch.lock`): one `watch` per data directory, and `status` can
    /// tell whether one is running.
    pub(crate) fn acquire_watch(data_dir: &Path) -> anyhow::Result<CrawlLock> {
        Self::acquire_file(data_dir, "watch.lock", "another watch")
    }

    /// Is a watch running on this data directory (its lock held)? Returns its pid when it is.
    pub(crate) fn watch_running(data_dir: &Path) -> Option<String> {
        let path = data_dir.join("watch.lock");
        let mut file = OpenOptions::new().read(true).open(path).ok()?;
        match file.try_lock() {
            Ok(()) => None,
            Err(_) => {
                let mut pid = String::new();
                let _ = file.read_to_string(&mut pid);
                Some(pid.trim().to_string())
            }
        }
    }

    fn acquire_file(data_dir: &Path, name: &str, what: &str) -> anyhow::Result<CrawlLock> {
        std::fs::create_dir_all(data_dir)
            .with_context(|| format!("creating data directory {}", data_dir.display()))?;
        let path = data_dir.join(name);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .with_context(|| format!("opening {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {
                file.set_len(0)?;
                file.rewind()?;
                write!(file, "{}", std::process::id())?;
                file.flush()?;
                Ok(CrawlLock { _file: file })
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut pid = String::new();
                let _ = file.read_to_string(&mut pid);
                let pid = pid.trim();
                anyhow::bail!(
                    "{what} is running (pid {}) on {}",
                    if pid.is_empty() { "unknown" } else { pid },
                    data_dir.display()
                )
            }
            Err(std::fs::TryLockError::Error(e)) => {
                Err(e).with_context(|| format!("locking {}", path.display()))
            }
        }
    }
}

/// Bring the search index up to date after new documents or analysis. A failure is reported on
/// stderr and does not fail the command: everything is stored, and `reindex` rebuilds the index.
pub(crate) fn update_index(data_dir: &Path, store: &mut Store) -> Option<usize> {
    match crate::index::update(data_dir, store) {
        Ok(n) => Some(n),
        Err(e) => {
            eprintln!("hashpivot: search index not updated: {e}");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_error_line_names_each_cause_once() {
        // a store error quotes rusqlite's message and also chains it
        let sql = rusqlite::Error::InvalidColumnName("evnt_day".into());
        let e = anyhow::Error::from(crate::store::StoreError::Sql {
            context: "listing deals",
            source: sql,
        })
        .context("study");
        assert_eq!(
            crate::error_chain(&e),
            "study: listing deals: Invalid column name: evnt_day"
        );
        // distinct causes are all kept
        let e = anyhow::anyhow!("line 14: bad date").context("reading prices from MARA.csv");
        assert_eq!(
            crate::error_chain(&e),
            "reading prices from MARA.csv: line 14: bad date"
        );
    }
}
