//! One file per subcommand. Each has its own `Args` (whose doc comment is its help text) and a
//! `run` that reads like the description, over the stages.

pub mod crawl;
pub mod init;
pub mod show;
pub mod status;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::store::Store;

/// hashpivot: follow the bitcoin miners turning into AI/HPC hosts.
///
/// Crawls news feeds, press releases and SEC filings about the miners in feeds.toml into a local
/// SQLite database (<data-dir>/hashpivot.db).
///
/// Examples:
///   hashpivot init                 write the starter feeds.toml
///   hashpivot crawl                fetch every due source
///   hashpivot status               what each source did last time
///   hashpivot show 42              one stored document, full text
#[derive(Debug, Parser)]
#[command(name = "hashpivot", version, verbatim_doc_comment)]
pub struct Cli {
    /// Folder holding hashpivot.db and index/.
    #[arg(long, global = true, env = "HASHPIVOT_DATA", default_value = ".")]
    pub data_dir: PathBuf,
    /// The configuration file.
    #[arg(long, global = true, default_value = "feeds.toml")]
    pub config: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::Args),
    Crawl(crawl::Args),
    Status(status::Args),
    Show(show::Args),
}

/// Run a parsed command line; the result is the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<i32> {
    match cli.command {
        Command::Init(a) => init::run(&cli.config, a),
        Command::Crawl(a) => crawl::run(&cli.data_dir, &cli.config, a),
        Command::Status(a) => status::run(&cli.data_dir, a),
        Command::Show(a) => show::run(&cli.data_dir, a),
    }
}

pub(crate) fn load_config(path: &Path) -> anyhow::Result<Config> {
    Ok(Config::load(path)?)
}

pub(crate) fn open_store(data_dir: &Path) -> anyhow::Result<Store> {
    Ok(Store::open(data_dir)?)
}
