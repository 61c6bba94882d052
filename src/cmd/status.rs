use crate::report::text::trunc;
use std::io::Write;
use std::path::Path;

/// Show each source's last fetch: status, new items, failures, back-off and last error.
///
/// Examples:
///   hashpivot status
///   hashpivot status --json | jq '.[] | select(.consecutive_failures > 0)'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// One JSON array of sources on stdout.
    #[arg(long)]
    pub json: bool,
}

pub fn run(data_dir: &Path, args: Args) -> anyhow::Result<i32> {
    let store = super::open_existing_store(data_dir)?;
    let rows = store.sources()?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(0);
    }
    if let Some(line) = watch_line(data_dir, &store)? {
        writeln!(out, "{line}")?;
    }
    if rows.is_empty() {
        writeln!(out, "no sources crawled yet: run `hashpivot crawl`")?;
        return Ok(0);
    }
    writeln!(
        out,
        "{:<28} {:<6} {:<20} {:>4} {:>5} {:>5} {:>6} {:<20} LAST ERROR OR NOTE",
        "SOURCE", "KIND", "LAST FETCH", "HTTP", "NEW", "FAILS", "DOCS", "NEXT DUE"
    )?;
    for r in rows {
        writeln!(
            out,
            "{:<28} {:<6} {:<20} {:>4} {:>5} {:>5} {:>6} {:<20} {}",
            trunc(&r.name, 28),
            r.kind,
            r.last_fetched_at.as_deref().unwrap_or("never"),
            r.last_status
                .map(|s| s.to_string())
                .unwrap_or_else(|| "-".into()),
            r.last_new_items
                .map(|s| s.to_string())
                .unwrap_or_else(|| "-".into()),
            r.consecutive_failures,
            r.documents,
            r.next_due_at.as_deref().unwrap_or("now"),
            match (&r.last_error, &r.last_note) {
                (Some(e), _) => e.clone(),
                (None, Some(n)) => format!("note: {n}"),
                (None, None) => String::new(),
            }
        )?;
    }
    Ok(0)
}

/// The watch's state: running or not, and its last cycle (none when no watch ever ran here).
fn watch_line(data_dir: &Path, store: &crate::store::Store) -> anyhow::Result<Option<String>> {
    let Some(last) = store.meta(super::watch::LAST_CYCLE)? else {
        return Ok(None);
    };
    let state = match super::CrawlLock::watch_running(data_dir) {
        Some(pid) if pid.is_empty() => "watch running".to_string(),
        Some(pid) => format!("watch running (pid {pid})"),
        None => "watch not running".to_string(),
    };
    let line = match serde_json::from_str::<super::watch::Cycle>(&last) {
        Ok(c) => format!("{state}; last cycle: {}", super::watch::status_line(&c)),
        Err(_) => format!("{state}; last cycle not readable"),
    };
    Ok(Some(line))
}
