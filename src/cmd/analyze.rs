use std::io::Write;

use super::Workspace;

/// Recognise deals in the stored documents: companies mentioned (with relevance), AI/HPC deals and
/// their terms, tone, one deal per real-world event, and each deal's event day.
///
/// Runs automatically after every crawl on the new documents; `--all` redoes every document (after
/// a new hashpivot version or a feeds.toml change). Curated deals (`deals add`, `deals edit`) and
/// rejections (`deals reject`) survive. On a terminal it shows how many documents are done, the
/// rate and the time left.
///
/// Examples:
///   hashpivot analyze
///   hashpivot analyze --all --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Re-analyse every document, not only new ones.
    #[arg(long)]
    pub all: bool,
    /// The analysis report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Workspace, a: Args) -> anyhow::Result<i32> {
    let cfg = ctx.config_or_default()?;
    let mut store = super::open_store(&ctx.data_dir)?;
    // progress on a terminal, never in JSON or a pipe
    let progress = !a.json && std::io::IsTerminal::is_terminal(&std::io::stderr());
    let report = crate::analyze::run_with_progress(&cfg, &mut store, a.all, progress)?;
    super::update_index(&ctx.data_dir, &mut store);
    let mut out = std::io::stdout().lock();
    if a.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        writeln!(out, "{}", summary(&report))?;
        for d in &report.calendar_disagreements {
            eprintln!("calendar: {d}");
        }
    }
    Ok(0)
}

/// One line for humans.
pub fn summary(r: &crate::analyze::AnalyzeReport) -> String {
    let mut s = format!(
        "analyzed {} documents, {} with a deal, LOI or termination; deals: {} new, {} updated, {} removed",
        r.documents, r.detections, r.deals_new, r.deals_updated, r.deals_removed
    );
    if r.alerts > 0 {
        s.push_str(&format!("; {} alerts raised", r.alerts));
    }
    s
}
