use std::io::Write;
use std::path::PathBuf;

use super::Workspace;
use crate::store::DealFilter;

/// Newest deals in a feed unless `--limit` says otherwise.
pub const DEFAULT_LIMIT: usize = 100;

/// Write the deals as an Atom 1.0 feed that any feed reader can subscribe to.
///
/// One entry per deal, newest first, with a stable id (urn:hashpivot:deal:<id>), `updated` when
/// its terms last changed, its reports as links. The file is replaced whole. `watch` rewrites it
/// after each cycle when `[watch] feed` is set in feeds.toml.
///
/// Examples:
///   hashpivot feed --out deals.atom
///   hashpivot feed --out iren.atom --ticker IREN --kind all
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The feed file to write.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// deal (default), loi, termination, corporate or all.
    #[arg(long)]
    pub kind: Option<String>,
    /// Only these tickers (repeatable).
    #[arg(long = "ticker")]
    pub tickers: Vec<String>,
    /// At most this many deals, newest first.
    #[arg(long, default_value_t = DEFAULT_LIMIT)]
    pub limit: usize,
}

pub fn run(ctx: &Workspace, a: Args) -> anyhow::Result<i32> {
    let kind = super::deals::parse_kind(a.kind.as_deref())?;
    let store = super::open_existing_store(&ctx.data_dir)?;
    let tickers: Vec<String> = a.tickers.iter().map(|t| t.to_ascii_uppercase()).collect();
    let mut selection = Vec::new();
    if let Some(k) = &a.kind {
        selection.push(format!("kind={k}"));
    }
    if !tickers.is_empty() {
        selection.push(format!("ticker={}", tickers.join(",")));
    }
    let filter = DealFilter {
        tickers,
        kind,
        ..DealFilter::default()
    };
    let n = crate::report::atom::write(&store, &filter, &selection.join(":"), a.limit, &a.out)?;
    writeln!(
        std::io::stdout().lock(),
        "{n} deals written to {}",
        a.out.display()
    )?;
    Ok(0)
}
