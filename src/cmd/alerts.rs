use std::io::Write;

use super::Workspace;
use crate::report::text::trunc;

/// List the alerts raised (newest first) and where each was delivered.
///
/// Alerts are raised by the [[alert]] tables of feeds.toml on new deals (and on changed terms)
/// and, if asked, on new filings and press releases; `watch` and `crawl` deliver them. A failed
/// delivery is retried with back-off ([watch] alert_retry, alert_attempts) and then marked failed.
///
/// Examples:
///   hashpivot alerts
///   hashpivot alerts --failed
///   hashpivot alerts --json | jq '.[] | {id, ticker, counterparty}'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Only alerts with a delivery that failed for good.
    #[arg(long)]
    pub failed: bool,
    /// At most this many alerts.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// One JSON array on stdout: each alert as delivered, with created_at and its deliveries.
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Workspace, a: Args) -> anyhow::Result<i32> {
    let store = super::open_existing_store(&ctx.data_dir)?;
    let rows = store.alerts(a.failed, a.limit)?;
    let mut out = std::io::stdout().lock();
    if a.json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(0);
    }
    if rows.is_empty() {
        let what = if a.failed {
            "no failed alerts"
        } else {
            "no alerts yet (add an [[alert]] table to feeds.toml; `watch` and `crawl` raise them)"
        };
        writeln!(out, "{what}")?;
        return Ok(0);
    }
    writeln!(
        out,
        "{:<22} {:<20} {:<13} {:<6} {:<44} DELIVERIES",
        "ALERT", "CREATED", "EVENT", "TICKER", "WHAT"
    )?;
    for r in rows {
        let deliveries: Vec<String> = r
            .deliveries
            .iter()
            .map(|d| {
                let mut s = format!("{} {}", d.channel, d.status);
                if d.attempts > 1 || d.status != "delivered" {
                    s.push_str(&format!(" ({} attempts", d.attempts));
                    if let Some(e) = &d.last_error {
                        s.push_str(&format!(": {e}"));
                    }
                    s.push(')');
                }
                s
            })
            .collect();
        writeln!(
            out,
            "{:<22} {:<20} {:<13} {:<6} {:<44} {}",
            trunc(&r.alert.id, 22),
            r.created_at,
            r.alert.event,
            r.alert.ticker,
            trunc(&crate::alert::text(&r.alert), 44),
            deliveries.join("; ")
        )?;
    }
    Ok(0)
}
