use std::io::Write;
use std::path::Path;

use anyhow::Context;

use crate::crawl::{CrawlOptions, CrawlReport, Outcome};

/// Fetch every due source in feeds.toml and store what is new.
///
/// Feeds and pages are fetched with conditional GET; EDGAR sources list each company's new 8-K/6-K
/// filings and fetch their documents and press-release exhibits; summary-only feed items get their
/// article page fetched (robots.txt honoured). A failing source backs off (5 min, doubling, at most
/// 24 h) and never stops the others.
///
/// Exit status: 0 all sources fine, 1 some failed, 2 usage or configuration error.
///
/// Examples:
///   hashpivot crawl
///   hashpivot crawl --source CoinDesk --source edgar:IREN --force
///   hashpivot crawl --no-articles --json | jq '.sources[] | select(.outcome == "failed")'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Crawl only this source (repeatable); EDGAR sources are named edgar:<TICKER>.
    #[arg(long = "source", value_name = "NAME")]
    pub sources: Vec<String>,
    /// Fetch sources even while they are backing off after failures.
    #[arg(long)]
    pub force: bool,
    /// Do not fetch article pages for summary-only items.
    #[arg(long)]
    pub no_articles: bool,
    /// Do not analyse the new documents afterwards (run `hashpivot analyze` later).
    #[arg(long)]
    pub no_analyze: bool,
    /// Print the crawl report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

pub fn run(data_dir: &Path, config: &Path, args: Args) -> anyhow::Result<i32> {
    let cfg = super::load_config(config)?;
    let _lock = super::CrawlLock::acquire(data_dir)?;
    let mut store = super::open_store(data_dir)?;
    store.ingesting()?;
    let opts = CrawlOptions {
        sources: args.sources,
        force: args.force,
        articles: !args.no_articles,
        progress: !args.json,
        // the analysis that follows compiles its patterns meanwhile, on a core the crawl leaves
        // idle while it waits on the network and on SQLite (not waited for: a crawl that finds
        // nothing new analyses nothing)
        on_first_new: (!args.no_analyze).then_some(crate::analyze::warm_up_in_background as fn()),
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let report = rt.block_on(crate::crawl::crawl(&cfg, &mut store, &opts))?;
    // everything fetched is stored first; analysis then runs on the store
    let analysis = if args.no_analyze {
        None
    } else {
        Some(crate::analyze::run(&cfg, &mut store, false)?)
    };
    let indexed = super::update_index(data_dir, &mut store);
    // alerts the analysis raised (and earlier ones still pending) go out now
    let delivery = if cfg.alerts.is_empty() && store.next_delivery_at()?.is_none() {
        None
    } else {
        let d = rt.block_on(crate::alert::deliver(
            &cfg,
            &mut store,
            data_dir,
            chrono::Utc::now(),
        ))?;
        for e in &d.errors {
            eprintln!("hashpivot: alert not delivered: {e}");
        }
        Some(d)
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut v = serde_json::to_value(&report)?;
        if let (Some(obj), Some(d)) = (v.as_object_mut(), &delivery) {
            obj.insert("alerts".into(), serde_json::to_value(d)?);
        }
        if let (Some(obj), Some(a)) = (v.as_object_mut(), &analysis) {
            obj.insert("analysis".into(), serde_json::to_value(a)?);
        }
        if let (Some(obj), Some(n)) = (v.as_object_mut(), indexed) {
            obj.insert("indexed".into(), n.into());
        }
        serde_json::to_writer_pretty(&mut out, &v)?;
        writeln!(out)?;
    } else {
        print_human(&report)?;
        if let Some(a) = &analysis
            && a.documents > 0
        {
            writeln!(out, "{}", super::analyze::summary(a))?;
        }
    }
    Ok(if report.count(Outcome::Failed) > 0 {
        1
    } else {
        0
    })
}

/// The failure lines: one per cause. Sources that failed for the same reason (every EDGAR source
/// without a contact address, no network at all) share one line that lists them.
pub fn failure_lines(r: &CrawlReport) -> Vec<String> {
    failure_lines_of(
        r.sources
            .iter()
            .filter(|s| s.outcome == Outcome::Failed)
            .map(|s| {
                (
                    s.name.as_str(),
                    s.error.as_deref().unwrap_or("unknown error"),
                )
            }),
    )
}

/// The failure lines of (source, error) pairs, one per cause (`crawl` and `watch`).
pub fn failure_lines_of<'a>(failures: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<String> {
    super::by_cause(failures)
        .into_iter()
        .map(|(e, names)| match names.as_slice() {
            [one] => format!("failed: {one}: {e}"),
            many => format!("failed: {} sources ({}): {e}", many.len(), many.join(", ")),
        })
        .collect()
}

fn print_human(r: &CrawlReport) -> std::io::Result<()> {
    let mut err = std::io::stderr().lock();
    for line in failure_lines(r) {
        writeln!(err, "{line}")?;
    }
    let updated: usize = r.sources.iter().map(|s| s.updated).sum();
    let mut line = format!(
        "{} sources: {} fetched, {} unchanged, {} failed, {} backing off; {} new documents",
        r.sources.len(),
        r.count(Outcome::Fetched),
        r.count(Outcome::Unchanged),
        r.count(Outcome::Failed),
        r.count(Outcome::Skipped),
        r.documents_new
    );
    if updated > 0 {
        line.push_str(&format!(", {updated} updated"));
    }
    let a = &r.articles;
    for note in &a.notes {
        writeln!(err, "note: {note}")?;
    }
    if a.fetched + a.no_text + a.robots + a.failed + a.deferred + a.refused > 0 {
        line.push_str(&format!(
            "; articles: {} fetched, {} without text, {} disallowed by robots.txt, {} failed, {} deferred",
            a.fetched, a.no_text, a.robots, a.failed, a.deferred
        ));
        if a.refused > 0 {
            line.push_str(&format!(", {} links refused", a.refused));
        }
    }
    writeln!(std::io::stdout().lock(), "{line}")
}
