use std::path::PathBuf;

use anyhow::Context;
use chrono::{DateTime, Utc};
use serde_json::json;

use super::Ctx;
use super::study::{Options, StudyRun, compute};
use crate::UsageError;
use crate::analyze::calendar;
use crate::model::fmt_time;
use crate::report::export::{Cell, Format, Table, col, opt_f, opt_i, opt_p, opt_t, write_table};
use crate::store::DealFilter;

/// Export an event-study-ready dataset: documents, deals, abnormal returns and event windows, one
/// file per table, with a data dictionary in dataset.json.
///
/// CSV is UTF-8 with RFC 4180 quoting, ISO dates, and any text cell starting with = + - @ tab or
/// CR neutralised (prefixed with ') against spreadsheet formula injection. JSON Lines has one
/// object per row with real types. Study options (model, windows ...) are those of `study`.
///
/// Examples:
///   hashpivot export --out dataset/
///   hashpivot export --out dataset/ --format jsonl --since 2025-01-01 --model market
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Output folder (created if needed).
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: Format,
    #[command(flatten)]
    pub opts: Options,
}

fn day0_of(published: Option<&str>, fetched: &str) -> Option<String> {
    let t = DateTime::parse_from_rfc3339(published.unwrap_or(fetched)).ok()?;
    Some(calendar::event_day(t.with_timezone(&Utc)).to_string())
}

pub fn run(ctx: &Ctx, a: Args) -> anyhow::Result<i32> {
    if a.format == Format::Parquet && !cfg!(feature = "parquet") {
        return Err(UsageError(
            "parquet export is not built into this binary: rebuild with `cargo install --path . --features parquet`, or export csv or jsonl".into(),
        )
        .into());
    }
    std::fs::create_dir_all(&a.out).with_context(|| format!("creating {}", a.out.display()))?;
    let store = super::open_existing_store(&ctx.data_dir)?;
    let since = a.opts.since.map(|d| d.to_string());
    let until = a.opts.until.map(|d| d.to_string());

    let docs = store.documents_for_export(since.as_deref(), until.as_deref())?;
    let documents = Table {
        name: "documents",
        description: "one row per stored document (news, press release or filing)",
        columns: vec![
            col("id", "integer", "", "document id in hashpivot.db"),
            col(
                "source",
                "string",
                "",
                "source name from feeds.toml (edgar:<TICKER> for filings)",
            ),
            col("kind", "string", "", "news | press_release | filing"),
            col("url", "string", "", "link to the document"),
            col("title", "string", "", "headline"),
            col(
                "published_at",
                "datetime",
                "UTC, RFC 3339",
                "publication time (filings: EDGAR acceptance)",
            ),
            col(
                "first_seen_at",
                "datetime",
                "UTC, RFC 3339",
                "when hashpivot first stored it",
            ),
            col(
                "day0",
                "date",
                "YYYY-MM-DD",
                "NYSE session whose close follows publication (16:00 New York rule)",
            ),
            col(
                "tickers",
                "list<string>",
                "",
                "linked companies, most relevant first",
            ),
            col(
                "relevance",
                "list<integer>",
                "0-100",
                "relevance of each linked company, same order",
            ),
            col("sentiment", "float", "-1..1", "tone of the document"),
            col(
                "sentiment_method",
                "string",
                "",
                "method and lexicon version of the tone score",
            ),
            col(
                "deal_id",
                "integer",
                "",
                "the deal this document reports, if any",
            ),
            col(
                "novelty",
                "string",
                "",
                "first (the deal's first report) | repeat | empty",
            ),
            col("form", "string", "", "SEC form (filings)"),
            col("items", "string", "", "8-K item numbers, comma separated"),
        ],
        rows: docs
            .iter()
            .map(|d| {
                vec![
                    Cell::Int(d.id),
                    Cell::Untrusted(d.source.clone()),
                    Cell::Plain(d.kind.clone()),
                    opt_t(d.url.as_deref()),
                    Cell::Untrusted(d.title.clone()),
                    opt_p(d.published_at.as_deref()),
                    Cell::Plain(d.fetched_at.clone()),
                    opt_p(day0_of(d.published_at.as_deref(), &d.fetched_at).as_deref()),
                    Cell::List(
                        d.tickers
                            .iter()
                            .map(|(t, _)| Cell::Plain(t.clone()))
                            .collect(),
                    ),
                    Cell::List(
                        d.tickers
                            .iter()
                            .map(|(_, r)| Cell::Int(*r as i64))
                            .collect(),
                    ),
                    opt_f(d.sentiment),
                    opt_p(d.sentiment_method.as_deref()),
                    opt_i(d.deal_id),
                    match (d.deal_id, d.first_report) {
                        (Some(_), true) => Cell::Plain("first".into()),
                        (Some(_), false) => Cell::Plain("repeat".into()),
                        _ => Cell::Null,
                    },
                    opt_t(d.form_type.as_deref()),
                    opt_p(d.items.as_deref()),
                ]
            })
            .collect(),
    };

    let deals = store.deals(&DealFilter {
        since: since.clone(),
        until: until.clone(),
        kind: Some("all".into()),
        ..Default::default()
    })?;
    let deals_t = Table {
        name: "deals",
        description: "one row per real-world deal (or LOI or termination), curated and recognised",
        columns: vec![
            col("id", "integer", "", "deal id"),
            col("ticker", "string", "", "company of the universe"),
            col(
                "counterparty",
                "string",
                "",
                "configured counterparty, or undisclosed",
            ),
            col(
                "counterparty_class",
                "string",
                "",
                "hyperscaler | neocloud | chipmaker | other",
            ),
            col(
                "deal_type",
                "string",
                "",
                "colocation | gpu_cloud | hosting | expansion | acquisition | financing",
            ),
            col("kind", "string", "", "deal | loi | termination"),
            col(
                "value_usd",
                "float",
                "USD",
                "contract value over the base term",
            ),
            col(
                "value_with_options_usd",
                "float",
                "USD",
                "value with extension options exercised",
            ),
            col(
                "rate_usd_per_mw_year",
                "float",
                "USD per MW per year",
                "stated rate, when the deal is priced per MW",
            ),
            col(
                "capacity_mw",
                "float",
                "MW",
                "capacity (critical IT when stated)",
            ),
            col(
                "capacity_basis",
                "string",
                "",
                "critical_it | gross | empty when not stated",
            ),
            col("term_years", "float", "years", "base term"),
            col(
                "announced_at",
                "datetime",
                "UTC, RFC 3339",
                "time of the first report",
            ),
            col(
                "event_day",
                "date",
                "YYYY-MM-DD",
                "trading day 0 (NYSE rules, 16:00 New York)",
            ),
            col("n_documents", "integer", "", "number of reports"),
            col("first_source", "string", "", "source of the first report"),
            col("sentiment", "float", "-1..1", "mean tone of the reports"),
            col(
                "confidence",
                "float",
                "0..1",
                "recognition confidence (1 for curated deals)",
            ),
            col("origin", "string", "", "auto | curated"),
            col("status", "string", "", "active | rejected"),
            col("note", "string", "", "analyst note"),
            col(
                "evidence",
                "string",
                "",
                "the sentence the recognition rests on",
            ),
        ],
        rows: deals
            .iter()
            .map(|d| {
                vec![
                    Cell::Int(d.id),
                    Cell::Plain(d.ticker.clone()),
                    Cell::Untrusted(d.counterparty.clone()),
                    opt_p(d.counterparty_class.as_deref()),
                    Cell::Plain(d.deal_type.clone()),
                    Cell::Plain(d.kind.clone()),
                    opt_f(d.value_usd),
                    opt_f(d.value_with_options_usd),
                    opt_f(d.rate_usd_per_mw_year),
                    opt_f(d.capacity_mw),
                    opt_p(d.capacity_basis.as_deref()),
                    opt_f(d.term_years),
                    Cell::Plain(d.announced_at.clone()),
                    Cell::Plain(d.event_day.clone()),
                    Cell::Int(d.n_documents),
                    opt_t(d.first_source.as_deref()),
                    opt_f(d.sentiment),
                    opt_f(d.confidence),
                    Cell::Plain(d.origin.clone()),
                    Cell::Plain(d.status.clone()),
                    opt_t(d.note.as_deref()),
                    opt_t(d.evidence.as_deref()),
                ]
            })
            .collect(),
    };

    // the study: abnormal returns and windows (empty, with the reason, when it cannot run)
    let study = compute(ctx, &a.opts);
    let (ar_rows, win_rows, study_meta) = match &study {
        Ok(run) => {
            let (ar, win) = study_rows(run);
            let p = &run.params;
            (
                ar,
                win,
                json!({
                    "model": p.model,
                    "market": run.market,
                    "factor": if p.model == crate::study::Model::Factor { run.factor.clone() } else { None },
                    "estimation": p.estimation,
                    "windows": p.windows,
                    "min_estimation": p.min_estimation,
                    "returns": if p.log_returns { "log" } else { "simple" },
                    "events": run.events.len(),
                    "included": run.results.iter().filter(|r| r.is_included()).count(),
                }),
            )
        }
        Err(e) => (vec![], vec![], json!({ "skipped": format!("{e:#}") })),
    };
    let ar_t = Table {
        name: "abnormal_returns",
        description: "one row per included event and relative trading day of the event span",
        columns: vec![
            col(
                "event_id",
                "string",
                "",
                "D<deal id>, or the id from the events file",
            ),
            col("ticker", "string", "", "company"),
            col("tau", "integer", "trading days", "day relative to day 0"),
            col("date", "date", "YYYY-MM-DD", "session date"),
            col(
                "return",
                "float",
                "fraction",
                "stock return (simple unless log returns were chosen)",
            ),
            col(
                "benchmark_return",
                "float",
                "fraction",
                "market benchmark return, same session",
            ),
            col(
                "bitcoin_return",
                "float",
                "fraction",
                "factor (bitcoin) return over the same span, factor model only",
            ),
            col(
                "expected_return",
                "float",
                "fraction",
                "model's expected return",
            ),
            col(
                "ar",
                "float",
                "fraction",
                "abnormal return = return - expected_return",
            ),
            col(
                "car_to_date",
                "float",
                "fraction",
                "sum of ARs from the first day of the span to tau (missing days add 0)",
            ),
        ],
        rows: ar_rows,
    };
    let win_t = Table {
        name: "event_windows",
        description: "one row per included event and event window",
        columns: vec![
            col("event_id", "string", "", "event"),
            col("ticker", "string", "", "company"),
            col(
                "window_start",
                "integer",
                "trading days",
                "first day of the window",
            ),
            col(
                "window_end",
                "integer",
                "trading days",
                "last day of the window",
            ),
            col(
                "car",
                "float",
                "fraction",
                "cumulative abnormal return over the window's days with an AR",
            ),
            col(
                "var_car",
                "float",
                "fraction^2",
                "forecast-error-corrected variance of CAR",
            ),
            col("scar", "float", "", "CAR / sqrt(var_car)"),
            col("bhar", "float", "fraction", "buy-and-hold abnormal return"),
            col(
                "l",
                "integer",
                "trading days",
                "days of the window with an AR",
            ),
        ],
        rows: win_rows,
    };
    let mut files = Vec::new();
    for t in [&documents, &deals_t, &ar_t, &win_t] {
        let file = write_table(&a.out, t, a.format)
            .with_context(|| format!("writing {} in {}", t.name, a.out.display()))?;
        files.push(json!({
            "name": t.name,
            "file": file,
            "rows": t.rows.len(),
            "description": t.description,
            "columns": t.columns,
        }));
    }
    let meta = json!({
        "tool": "hashpivot",
        "version": env!("CARGO_PKG_VERSION"),
        "generated_at": fmt_time(Utc::now()),
        "parameters": {
            "format": a.format,
            "since": since,
            "until": until,
            "study": study_meta,
        },
        "tables": files,
    });
    let path = a.out.join("dataset.json");
    std::fs::write(&path, serde_json::to_string_pretty(&meta)?)
        .with_context(|| format!("writing {}", path.display()))?;
    println!(
        "wrote {} documents, {} deals, {} abnormal-return rows and {} event windows to {}",
        documents.rows.len(),
        deals_t.rows.len(),
        ar_t.rows.len(),
        win_t.rows.len(),
        a.out.display()
    );
    if let Err(e) = study {
        eprintln!("hashpivot: abnormal returns not exported: {e:#}");
    }
    Ok(0)
}

fn study_rows(run: &StudyRun) -> (Vec<Vec<Cell>>, Vec<Vec<Cell>>) {
    let span = run.params.span();
    let mut ar = Vec::new();
    let mut win = Vec::new();
    for ((e, r), d0) in run.events.iter().zip(&run.results).zip(&run.day0s) {
        let (Some(d0), true) = (d0, r.is_included()) else {
            continue;
        };
        let mut car = 0.0;
        for (i, tau) in (span.start..=span.end).enumerate() {
            let t = (*d0 as i64 + tau as i64) as usize;
            if let Some(a) = r.ar[i] {
                car += a;
            }
            ar.push(vec![
                Cell::Untrusted(e.id.clone()),
                Cell::Plain(e.ticker.clone()),
                Cell::Int(tau as i64),
                Cell::Plain(run.cal.dates[t].to_string()),
                opt_f(r.ret[i]),
                opt_f(run.market_ret.get(t).copied().flatten()),
                opt_f(
                    run.factor_ret
                        .as_ref()
                        .and_then(|f| f.get(t).copied().flatten()),
                ),
                opt_f(r.expected[i]),
                opt_f(r.ar[i]),
                Cell::Float(car),
            ]);
        }
        for w in r.windows.iter().flatten() {
            win.push(vec![
                Cell::Untrusted(e.id.clone()),
                Cell::Plain(e.ticker.clone()),
                Cell::Int(w.window.start as i64),
                Cell::Int(w.window.end as i64),
                Cell::Float(w.car),
                Cell::Float(w.var_car),
                Cell::Float(w.scar),
                Cell::Float(w.bhar),
                Cell::Int(w.l as i64),
            ]);
        }
    }
    (ar, win)
}
