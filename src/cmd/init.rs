use std::io::Write;
use std::path::Path;

use anyhow::Context;

use crate::config::STARTER;

/// Write the starter feeds.toml (the real universe and sources) if none exists.
///
/// Never overwrites an existing file.
///
/// Example: hashpivot init && $EDITOR feeds.toml
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub fn run(config: &Path, _args: Args) -> anyhow::Result<i32> {
    let mut f = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(config)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "{} already exists; left unchanged (remove it first to get the starter file)",
                config.display()
            );
            return Ok(0);
        }
        Err(e) => return Err(e).with_context(|| format!("creating {}", config.display())),
    };
    f.write_all(STARTER.as_bytes())
        .with_context(|| format!("writing {}", config.display()))?;
    eprintln!(
        "wrote {}: set `contact` under [crawl] (SEC requires an email), then run `hashpivot crawl`",
        config.display()
    );
    Ok(0)
}
