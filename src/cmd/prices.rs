use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::Workspace;
use crate::UsageError;
use crate::market::{Format, parse_file, ticker_from_path};

/// Daily prices: import files, fetch from Yahoo, list what is stored.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Import(ImportArgs),
    Fetch(FetchArgs),
    List(ListArgs),
}

/// Import daily prices from files (re-importing updates rows).
///
/// Formats: Stooq CSV (Date,Open,High,Low,Close,Volume), Yahoo CSV (... Adj Close ...), Yahoo chart
/// JSON, and a long CSV (date,ticker,close[,adj_close,volume]). The ticker comes from --ticker, the
/// ticker column, or the file name (mara.us.csv → MARA). Rejected rows are listed with file and line;
/// a file that cannot be read at all stops the import and nothing is stored.
///
/// Examples:
///   hashpivot prices import data/SPY.csv data/BTC-USD.csv data/mara.us.csv
///   hashpivot prices import closes.csv --format long
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct ImportArgs {
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Ticker of every file (single-ticker formats).
    #[arg(long)]
    pub ticker: Option<String>,
    #[arg(long, value_enum, default_value = "auto")]
    pub format: Format,
}

/// Fetch daily prices from the Yahoo chart API (the universe, the benchmark and the factor by
/// default), from the day after the last stored bar.
///
/// Example: hashpivot prices fetch --ticker IREN --from 2024-01-01
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct FetchArgs {
    #[arg(long = "ticker", value_name = "T")]
    pub tickers: Vec<String>,
    /// First date (YYYY-MM-DD); default: the day after the last stored bar, or [prices] from.
    #[arg(long)]
    pub from: Option<chrono::NaiveDate>,
}

/// Per ticker: first and last date, rows, and sessions missing against the benchmark.
///
/// Example: hashpivot prices list --json | jq '.[] | select(.missing_sessions > 0)'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct ListArgs {
    /// The coverage as one JSON array.
    #[arg(long)]
    pub json: bool,
    /// Benchmark the missing sessions are counted against [default: [study] market].
    #[arg(long)]
    pub market: Option<String>,
}

pub fn run(ctx: &Workspace, cmd: Command) -> anyhow::Result<i32> {
    match cmd {
        Command::Import(a) => import(ctx, a),
        Command::Fetch(a) => fetch(ctx, a),
        Command::List(a) => list(ctx, a),
    }
}

fn import(ctx: &Workspace, a: ImportArgs) -> anyhow::Result<i32> {
    // Parse everything first: one unreadable file stops the import before anything is stored.
    let mut parsed = Vec::new();
    for f in &a.files {
        let bytes = std::fs::read(f).with_context(|| format!("reading {}", f.display()))?;
        let ticker = a
            .ticker
            .clone()
            .map(|t| t.to_ascii_uppercase())
            .or_else(|| ticker_from_path(f));
        let p = parse_file(f, &bytes, a.format, ticker.as_deref()).map_err(UsageError)?;
        parsed.push((f, p));
    }
    let mut store = super::open_store(&ctx.data_dir)?;
    let mut err = std::io::stderr().lock();
    let mut out = std::io::stdout().lock();
    for (f, p) in parsed {
        for r in &p.rejected {
            writeln!(err, "rejected: {r}")?;
        }
        let tickers: BTreeSet<&str> = p.bars.iter().map(|b| b.ticker.as_str()).collect();
        let source = format!("file:{}", f.display());
        let res = store.upsert_prices(&p.bars, &source)?;
        writeln!(
            out,
            "{}: {} rows for {} ({} new, {} updated){}{}",
            f.display(),
            p.bars.len(),
            tickers.into_iter().collect::<Vec<_>>().join(", "),
            res.inserted,
            res.updated,
            if p.rejected.is_empty() {
                String::new()
            } else {
                format!(", {} rejected", p.rejected.len())
            },
            if p.empty_days == 0 {
                String::new()
            } else {
                format!(", {} days without a price", p.empty_days)
            },
        )?;
    }
    Ok(0)
}

fn fetch(ctx: &Workspace, a: FetchArgs) -> anyhow::Result<i32> {
    let cfg = ctx.config_or_default()?;
    let mut tickers: Vec<String> = if a.tickers.is_empty() {
        let mut t: Vec<String> = cfg.companies.iter().map(|c| c.ticker.clone()).collect();
        t.push(cfg.study.market.clone());
        if !cfg.study.factor.eq_ignore_ascii_case("none") {
            t.push(cfg.study.factor.clone());
        }
        t
    } else {
        a.tickers.iter().map(|t| t.to_ascii_uppercase()).collect()
    };
    // each ticker once, in the order given (a ticker named twice is fetched once)
    let mut seen = std::collections::HashSet::new();
    tickers.retain(|t| seen.insert(t.clone()));
    let mut store = super::open_store(&ctx.data_dir)?;
    let client = crate::http::Client::new(&cfg)?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let mut failed = 0;
    let mut out = std::io::stdout().lock();
    for t in &tickers {
        let from = match a.from {
            Some(d) => d,
            None => store
                .prices(t)?
                .last()
                .and_then(|b| b.date.succ_opt())
                .unwrap_or(cfg.prices.from),
        };
        match rt.block_on(crate::market::fetch::fetch_symbol(&client, &cfg, t, from)) {
            Ok(p) => {
                let res = store.upsert_prices(&p.bars, "yahoo")?;
                writeln!(
                    out,
                    "{t}: {} rows from {from} ({} new, {} updated)",
                    p.bars.len(),
                    res.inserted,
                    res.updated
                )?;
            }
            Err(e) => {
                failed += 1;
                eprintln!("failed: {e}");
            }
        }
    }
    Ok(if failed > 0 { 1 } else { 0 })
}

fn list(ctx: &Workspace, a: ListArgs) -> anyhow::Result<i32> {
    let cfg = ctx.config_or_default()?;
    let market = a.market.unwrap_or(cfg.study.market).to_ascii_uppercase();
    let store = super::open_existing_store(&ctx.data_dir)?;
    let rows = store.price_coverage(&market)?;
    let mut out = std::io::stdout().lock();
    if a.json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(0);
    }
    if rows.is_empty() {
        writeln!(
            out,
            "no prices stored yet: run `hashpivot prices import FILE...` or `hashpivot prices fetch`"
        )?;
        return Ok(0);
    }
    writeln!(
        out,
        "{:<10} {:<10} {:<10} {:>6} {:>8}",
        "TICKER", "FIRST", "LAST", "ROWS", "MISSING"
    )?;
    for r in rows {
        writeln!(
            out,
            "{:<10} {:<10} {:<10} {:>6} {:>8}",
            r.ticker,
            r.first,
            r.last,
            r.rows,
            r.missing_sessions
                .map_or_else(|| "-".to_string(), |m| m.to_string())
        )?;
    }
    if store.prices(&market)?.is_empty() {
        writeln!(
            out,
            "(no {market} prices: missing sessions cannot be counted)"
        )?;
    }
    Ok(0)
}
