use std::io::Write;

use super::Workspace;

/// Rebuild the search index from SQLite into a fresh directory and swap it in when complete.
///
/// Needed after upgrading hashpivot (the index schema changed) or if the index was damaged; SQLite
/// is the source of truth, so nothing is lost. A crash mid-way leaves the previous index live. On a
/// terminal it shows how many documents are done, the rate and the time left.
///
/// Example: hashpivot reindex
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The rebuild report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Workspace, a: Args) -> anyhow::Result<i32> {
    let _lock = super::CrawlLock::acquire(&ctx.data_dir)?;
    let mut store = super::open_store(&ctx.data_dir)?;
    let t = std::time::Instant::now();
    let progress = !a.json && std::io::IsTerminal::is_terminal(&std::io::stderr());
    let r = crate::index::reindex_with_progress(&ctx.data_dir, &mut store, progress)?;
    let mut out = std::io::stdout().lock();
    if a.json {
        serde_json::to_writer(&mut out, &r)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "reindexed {} documents in {:.2} s",
            r.documents,
            t.elapsed().as_secs_f64()
        )?;
    }
    Ok(0)
}
