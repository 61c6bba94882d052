use std::io::Write;

use anyhow::Context;

use super::Workspace;
use crate::UsageError;
use crate::crawl::probe::{Probe, probe};

/// The configured sources: `sources check` probes how each one answers, storing nothing.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Check(CheckArgs),
}

/// Probe every source now and say how it answers, storing nothing: HTTP status, final URL, content
/// type, format, items parsed, newest item, and one verdict per source: ok, stale (no item newer
/// than --stale-days), moved (update feeds.toml), empty, or failing: <error>. EDGAR sources cost
/// one submissions request each. Exit 0 when every source is ok or stale, 1 when any fails, 2 on
/// usage errors. Run it after every edit of feeds.toml.
///
/// Examples:
///   hashpivot sources check
///   hashpivot sources check --source "IREN IR" --source edgar:IREN
///   hashpivot sources check --json | jq '.[] | select(.verdict != "ok")'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct CheckArgs {
    /// Only these sources (by name; repeat the flag).
    #[arg(long = "source", value_name = "NAME")]
    pub sources: Vec<String>,
    /// A source whose newest item is older than this many days is stale.
    #[arg(long, default_value_t = 30)]
    pub stale_days: i64,
    /// One JSON array of objects (name, verdict, url, http_status, final_url, content_type,
    /// format, items, newest, moved_to) on stdout.
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Workspace, c: Command) -> anyhow::Result<i32> {
    match c {
        Command::Check(a) => check(ctx, a),
    }
}

fn check(ctx: &Workspace, a: CheckArgs) -> anyhow::Result<i32> {
    if a.stale_days < 0 {
        return Err(UsageError(format!("--stale-days {}: must be 0 or more", a.stale_days)).into());
    }
    let cfg = super::load_config(&ctx.config)?;
    let all = cfg.all_sources();
    for wanted in &a.sources {
        if !all.iter().any(|s| &s.name == wanted) {
            let known: Vec<&str> = all.iter().map(|s| s.name.as_str()).collect();
            return Err(UsageError(format!(
                "unknown source '{wanted}'; configured sources: {}",
                known.join(", ")
            ))
            .into());
        }
    }
    let chosen: Vec<_> = all
        .into_iter()
        .filter(|s| a.sources.is_empty() || a.sources.contains(&s.name))
        .collect();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let probes = rt.block_on(probe(&cfg, chosen, a.stale_days))?;
    let mut out = std::io::stdout().lock();
    if a.json {
        serde_json::to_writer_pretty(&mut out, &probes)?;
        writeln!(out)?;
    } else {
        print_table(&mut out, &probes)?;
    }
    Ok(if probes.iter().any(Probe::is_failing) {
        1
    } else {
        0
    })
}

fn print_table(out: &mut impl Write, probes: &[Probe]) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<28} {:>4} {:<18} {:>5} {:<20} VERDICT",
        "SOURCE", "HTTP", "FORMAT", "ITEMS", "NEWEST"
    )?;
    // one cause, one line: failures shared by several sources are said once below the table
    let mut shared = super::by_cause(
        probes
            .iter()
            .filter(|p| p.is_failing())
            .map(|p| (p.name.as_str(), p.verdict.as_str())),
    );
    shared.retain(|(_, names)| names.len() > 1);
    for p in probes {
        let verdict = if shared.iter().any(|(v, _)| *v == p.verdict) {
            "failing (see below)"
        } else {
            p.verdict.as_str()
        };
        writeln!(
            out,
            "{:<28} {:>4} {:<18} {:>5} {:<20} {}",
            crate::report::text::trunc(&p.name, 28),
            p.http_status.map_or("-".into(), |s| s.to_string()),
            p.format.as_deref().unwrap_or("-"),
            p.items.map_or("-".into(), |n| n.to_string()),
            p.newest.as_deref().unwrap_or("-"),
            verdict
        )?;
    }
    for (v, names) in shared {
        writeln!(out, "{} sources ({}): {v}", names.len(), names.join(", "))?;
    }
    Ok(())
}
