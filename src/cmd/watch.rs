use std::io::Write;
use std::path::Path;

use anyhow::Context;
use chrono::{DateTime, Utc};
use serde::Serialize;
use tokio::sync::watch as signal_watch;

use super::Workspace;
use crate::config::{Config, Source, Span};
use crate::crawl::{CrawlOptions, Outcome};
use crate::model::fmt_time;
use crate::store::Store;
use crate::watch::{Known, Schedule};

/// Poll each source on its own schedule, alert on new deals and filings, keep a feed of the deals.
///
/// A foreground loop: crawls the sources that are due (`every` of each [[source]], else
/// `[crawl] every`, default 15m; the EDGAR sources together, `[edgar] every`), analyses and
/// indexes what is new, delivers the alerts of the [[alert]] tables, rewrites `[watch] feed` if
/// set, then sleeps until the next source is due. The crawl lock is held only while crawling, so
/// search, deals and the rest keep working. SIGINT or SIGTERM ends it with exit 0; no source's
/// transaction is ever cut. One status line per cycle on stderr; `--json` prints one JSON object
/// per cycle on stdout instead.
///
/// Exit status: 0, also when stopped by SIGINT/SIGTERM; with --once, 1 when a source or the cycle
/// failed; 2 usage or configuration error (and a second watch on the same data directory: 1).
///
/// Examples:
///   hashpivot watch
///   hashpivot watch --every 5m --source edgar:IREN --source "IREN IR"
///   hashpivot watch --once --json          one cycle: what is due now, then exit
///   nohup hashpivot watch >> watch.log 2>&1 &
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Poll every source this often, whatever feeds.toml says (e.g. 5m, 90s, 1h).
    #[arg(long, value_name = "DURATION")]
    pub every: Option<Span>,
    /// Run one cycle (the sources due now, alerts, feed) and exit.
    #[arg(long)]
    pub once: bool,
    /// Watch only this source (repeatable); EDGAR sources are named edgar:<TICKER>.
    #[arg(long = "source", value_name = "NAME")]
    pub sources: Vec<String>,
    /// Do not fetch article pages for summary-only items.
    #[arg(long)]
    pub no_articles: bool,
    /// One JSON object per cycle on stdout.
    #[arg(long)]
    pub json: bool,
}

/// What one cycle did: the status line, the `--json` object, and `status`'s "last cycle".
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize)]
pub struct Cycle {
    pub cycle: u64,
    pub pid: u32,
    pub started_at: String,
    pub finished_at: String,
    pub polled: Vec<String>,
    pub failed: Vec<FailedSource>,
    /// What the crawl noted without failing: links refused, one line per host.
    #[serde(default)]
    pub notes: Vec<String>,
    pub new_documents: usize,
    pub deals_new: usize,
    pub deals_updated: usize,
    pub alerts_decided: usize,
    pub alerts_delivered: usize,
    pub alerts_retrying: usize,
    pub alerts_failed: usize,
    /// Entries written to `[watch] feed`.
    pub feed_entries: Option<usize>,
    /// Why nothing was polled although sources were due (another crawl held the lock).
    pub waiting: Option<String>,
    /// An error that cut the cycle short (it is tried again at the next one).
    pub error: Option<String>,
    pub next_due_at: Option<String>,
    pub next_sources: Vec<String>,
    /// Ended by SIGINT/SIGTERM.
    pub interrupted: bool,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct FailedSource {
    pub source: String,
    pub error: String,
}

/// The `meta` key of the last cycle.
pub const LAST_CYCLE: &str = "watch.last_cycle";

/// How long to wait when another crawl holds the lock, or a cycle failed.
const RETRY_SECS: i64 = 30;

pub fn run(ctx: &Workspace, args: Args) -> anyhow::Result<i32> {
    let mut cfg = super::load_config(&ctx.config)?;
    if let Some(every) = args.every {
        if every.0 < std::time::Duration::from_secs(1) {
            return Err(crate::UsageError(format!(
                "--every {}: must be at least 1s",
                every.to_text()
            ))
            .into());
        }
        cfg.crawl.every = every;
        cfg.edgar.every = Some(every);
        for s in &mut cfg.sources {
            s.every = Some(every);
        }
    }
    let sources = selected(&cfg, &args.sources)?;
    let _watch = super::CrawlLock::acquire_watch(&ctx.data_dir)?;
    let mut store = super::open_store(&ctx.data_dir)?;
    store.ingesting()?;
    let mut schedule = resume(&store, &sources)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    rt.block_on(async {
        let mut stop = stop_signal();
        let mut n = 0;
        loop {
            n += 1;
            let c = cycle(ctx, &cfg, &args, &mut store, &mut schedule, &mut stop, n).await;
            report(&mut store, &c, args.json)?;
            if c.interrupted || *stop.borrow() {
                return Ok(0);
            }
            if args.once {
                return Ok(if c.error.is_some() || !c.failed.is_empty() {
                    1
                } else {
                    0
                });
            }
            let wake = next_wake(&store, &schedule);
            tokio::select! {
                _ = sleep_until(wake) => {}
                _ = stopped(&mut stop) => return Ok(0),
            }
        }
    })
}

/// The configured sources, or those named (each must exist): the crawl's own selection.
fn selected(cfg: &Config, names: &[String]) -> anyhow::Result<Vec<Source>> {
    let chosen = crate::crawl::select_sources(cfg, names)?;
    if chosen.is_empty() {
        return Err(crate::UsageError(
            "no sources to watch: add [[source]] or [[company]] tables to feeds.toml".into(),
        )
        .into());
    }
    Ok(chosen)
}

/// The schedule, resumed from the store: a source polled recently is not polled again at once.
fn resume(store: &Store, sources: &[Source]) -> anyhow::Result<Schedule> {
    let rows = store.sources()?;
    let time = |s: &Option<String>| {
        s.as_deref()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc))
    };
    Ok(Schedule::new(sources, |name| {
        rows.iter()
            .find(|r| r.name == name)
            .map(|r| Known {
                last_polled: time(&r.last_fetched_at),
                backoff_until: time(&r.next_due_at),
            })
            .unwrap_or_default()
    }))
}

/// A receiver that turns true on SIGINT or SIGTERM. The handlers are installed before this
/// returns, so a signal sent right after start-up already ends the watch cleanly.
fn stop_signal() -> signal_watch::Receiver<bool> {
    let (tx, rx) = signal_watch::channel(false);
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let term = signal(SignalKind::terminate());
        let int = signal(SignalKind::interrupt());
        tokio::spawn(async move {
            match (term, int) {
                (Ok(mut term), Ok(mut int)) => {
                    tokio::select! {
                        _ = term.recv() => {}
                        _ = int.recv() => {}
                    }
                }
                _ => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
            let _ = tx.send(true);
            // keep the sender: a dropped one would read as a stop to every later wait
            std::future::pending::<()>().await;
        });
    }
    #[cfg(not(unix))]
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        let _ = tx.send(true);
        std::future::pending::<()>().await;
    });
    rx
}

/// Resolves once a stop was asked for.
async fn stopped(rx: &mut signal_watch::Receiver<bool>) {
    if rx.wait_for(|v| *v).await.is_err() {
        std::future::pending::<()>().await;
    }
}

async fn sleep_until(at: DateTime<Utc>) {
    let wait = (at - Utc::now()).to_std().unwrap_or_default();
    tokio::time::sleep(wait).await;
}

/// The next source due, or the next alert retry, whichever is first.
fn next_wake(store: &Store, schedule: &Schedule) -> DateTime<Utc> {
    let source = schedule.next().map(|(at, _)| at);
    let delivery = store.next_delivery_at().ok().flatten();
    match (source, delivery) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a
            .or(b)
            .unwrap_or_else(|| Utc::now() + chrono::Duration::minutes(15)),
    }
}

async fn cycle(
    ctx: &Workspace,
    cfg: &Config,
    args: &Args,
    store: &mut Store,
    schedule: &mut Schedule,
    stop: &mut signal_watch::Receiver<bool>,
    n: u64,
) -> Cycle {
    let started = Utc::now();
    let mut c = Cycle {
        cycle: n,
        pid: std::process::id(),
        started_at: fmt_time(started),
        ..Cycle::default()
    };
    let due = schedule.due(started);
    if !due.is_empty() {
        match super::CrawlLock::acquire(&ctx.data_dir) {
            Err(e) => {
                c.waiting = Some(crate::error_chain(&e));
                schedule.defer(&due, started + chrono::Duration::seconds(RETRY_SECS));
            }
            Ok(lock) => {
                let crawled = tokio::select! {
                    r = crawl_and_analyse(ctx, cfg, args, store, schedule, &due, &mut c) => r,
                    _ = stopped(stop) => {
                        c.interrupted = true;
                        Ok(())
                    }
                };
                drop(lock);
                if let Err(e) = crawled {
                    c.error = Some(crate::error_chain(&e));
                    schedule.defer(&due, Utc::now() + chrono::Duration::seconds(RETRY_SECS));
                }
            }
        }
    }
    // pending deliveries go out even when their [[alert]] was removed (marked failed then)
    if !c.interrupted {
        tokio::select! {
            r = crate::alert::deliver(cfg, store, &ctx.data_dir, Utc::now()) => match r {
                Ok(d) => {
                    c.alerts_delivered = d.delivered;
                    c.alerts_retrying = d.retrying;
                    c.alerts_failed = d.failed;
                    for e in d.errors {
                        eprintln!("hashpivot: alert not delivered: {e}");
                    }
                }
                Err(e) => c.error = Some(format!("delivering alerts: {e}")),
            },
            _ = stopped(stop) => c.interrupted = true,
        }
    }
    if !c.interrupted
        && let Some(feed) = &cfg.watch.feed
    {
        match write_feed(store, &ctx.data_dir, feed) {
            Ok(n) => c.feed_entries = Some(n),
            Err(e) => c.error = Some(crate::error_chain(&e)),
        }
    }
    c.finished_at = fmt_time(Utc::now());
    if let Some((at, names)) = schedule.next() {
        c.next_due_at = Some(fmt_time(at.max(Utc::now())));
        c.next_sources = names;
    }
    c
}

/// Crawl the due sources, then analyse and index what is new (under the crawl lock).
async fn crawl_and_analyse(
    ctx: &Workspace,
    cfg: &Config,
    args: &Args,
    store: &mut Store,
    schedule: &mut Schedule,
    due: &[String],
    c: &mut Cycle,
) -> anyhow::Result<()> {
    let opts = CrawlOptions {
        sources: due.to_vec(),
        // the schedule already holds each source's back-off
        force: true,
        articles: !args.no_articles,
        progress: false,
        on_first_new: Some(crate::analyze::warm_up_in_background),
    };
    let started = Utc::now();
    let report = crate::crawl::crawl(cfg, store, &opts).await?;
    for s in &report.sources {
        let backoff = s
            .next_due_at
            .as_deref()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc));
        schedule.polled(&s.name, started, backoff);
        c.polled.push(s.name.clone());
        if s.outcome == Outcome::Failed {
            c.failed.push(FailedSource {
                source: s.name.clone(),
                error: s.error.clone().unwrap_or_default(),
            });
        }
    }
    c.new_documents = report.documents_new;
    c.notes = report.articles.notes.clone();
    let a = crate::analyze::run(cfg, store, false)?;
    c.deals_new = a.deals_new;
    c.deals_updated = a.deals_updated;
    c.alerts_decided = a.alerts;
    super::update_index(&ctx.data_dir, store);
    Ok(())
}

fn write_feed(store: &Store, data_dir: &Path, feed: &Path) -> anyhow::Result<usize> {
    let path = if feed.is_absolute() {
        feed.to_path_buf()
    } else {
        data_dir.join(feed)
    };
    crate::report::atom::write(
        store,
        &crate::store::DealFilter::default(),
        "",
        super::feed::DEFAULT_LIMIT,
        &path,
    )
}

/// The cycle's line on stderr (or object on stdout), and `status`'s copy in the store.
fn report(store: &mut Store, c: &Cycle, json: bool) -> anyhow::Result<()> {
    let text = serde_json::to_string(c)?;
    if let Err(e) = store.set_meta(LAST_CYCLE, &text) {
        eprintln!("hashpivot: the watch's last cycle was not recorded: {e}");
    }
    if json {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}")?;
        out.flush()?;
    } else {
        // why sources failed, one line per cause (as crawl says it), then the cycle's line
        let failed = c
            .failed
            .iter()
            .map(|f| (f.source.as_str(), f.error.as_str()));
        for line in super::crawl::failure_lines_of(failed) {
            eprintln!("{line}");
        }
        for note in &c.notes {
            eprintln!("note: {note}");
        }
        eprintln!("{}", status_line(c));
    }
    Ok(())
}

/// One line: what the cycle polled and found, and what is next.
pub fn status_line(c: &Cycle) -> String {
    let mut parts = Vec::new();
    if let Some(w) = &c.waiting {
        parts.push(format!("not polling: {w}"));
    }
    let mut polled = format!("{} sources polled", c.polled.len());
    if !c.failed.is_empty() {
        let names: Vec<&str> = c.failed.iter().map(|f| f.source.as_str()).collect();
        polled.push_str(&format!(" ({} failed: {})", names.len(), names.join(", ")));
    }
    parts.push(polled);
    parts.push(format!("{} new documents", c.new_documents));
    parts.push(format!(
        "{} new deal{}",
        c.deals_new,
        if c.deals_new == 1 { "" } else { "s" }
    ));
    if c.alerts_decided + c.alerts_delivered + c.alerts_retrying + c.alerts_failed > 0 {
        parts.push(format!(
            "alerts: {} raised, {} delivered, {} to retry, {} failed",
            c.alerts_decided, c.alerts_delivered, c.alerts_retrying, c.alerts_failed
        ));
    }
    if let Some(e) = &c.error {
        parts.push(format!("error: {e}"));
    }
    let next = match (&c.next_due_at, c.interrupted) {
        (_, true) => "stopped".to_string(),
        (Some(at), false) => format!("next: {} at {at}", names(&c.next_sources)),
        (None, false) => String::new(),
    };
    format!("watch {}: {}; {next}", c.started_at, parts.join(", "))
}

fn names(v: &[String]) -> String {
    match v {
        [] => "nothing".into(),
        [one] => one.clone(),
        [a, b] => format!("{a}, {b}"),
        [a, rest @ ..] => format!("{a} and {} more", rest.len()),
    }
}
