//! The exported dataset's four tables, each declared once as data: every column's name, type,
//! unit and meaning beside how its value is got from a row. The CSV, JSON Lines and Parquet writers
//! and the data dictionary in `dataset.json` all come from these declarations.

use chrono::{DateTime, NaiveDate, Utc};

use super::export::{Cell, ColType as T, ColumnDef, TableDef};
use crate::model::Deal;
use crate::store::ExportDoc;
use crate::study::StudyRun;

const fn c<R>(
    name: &'static str,
    ty: T,
    unit: &'static str,
    meaning: &'static str,
    get: fn(&R) -> Cell,
) -> ColumnDef<R> {
    ColumnDef {
        name,
        ty,
        unit,
        meaning,
        get,
    }
}

fn f(v: Option<f64>) -> Cell {
    v.map_or(Cell::Null, Cell::Float)
}

fn i(v: Option<i64>) -> Cell {
    v.map_or(Cell::Null, Cell::Int)
}

/// Text from outside (neutralised in CSV).
fn t(v: Option<&str>) -> Cell {
    v.map_or(Cell::Null, |s| Cell::Untrusted(s.to_string()))
}

/// Text we produced.
fn p(v: Option<&str>) -> Cell {
    v.map_or(Cell::Null, |s| Cell::Plain(s.to_string()))
}

fn day0_of(d: &ExportDoc) -> Option<String> {
    let t =
        DateTime::parse_from_rfc3339(d.published_at.as_deref().unwrap_or(&d.fetched_at)).ok()?;
    Some(crate::calendar::event_day(t.with_timezone(&Utc)).to_string())
}

pub static DOCUMENTS: TableDef<ExportDoc> = TableDef {
    name: "documents",
    description: "one row per stored document (news, press release or filing)",
    columns: &[
        c("id", T::Integer, "", "document id in hashpivot.db", |d| {
            Cell::Int(d.id)
        }),
        c(
            "source",
            T::String,
            "",
            "source name from feeds.toml (edgar:<TICKER> for filings)",
            |d| Cell::Untrusted(d.source.clone()),
        ),
        c(
            "kind",
            T::String,
            "",
            "news | press_release | filing",
            |d| Cell::Plain(d.kind.as_str().into()),
        ),
        c("url", T::String, "", "link to the document", |d| {
            t(d.url.as_deref())
        }),
        c("title", T::String, "", "headline", |d| {
            Cell::Untrusted(d.title.clone())
        }),
        c(
            "published_at",
            T::DateTime,
            "UTC, RFC 3339",
            "publication time (filings: EDGAR acceptance)",
            |d| p(d.published_at.as_deref()),
        ),
        c(
            "first_seen_at",
            T::DateTime,
            "UTC, RFC 3339",
            "when hashpivot first stored it",
            |d| Cell::Plain(d.fetched_at.clone()),
        ),
        c(
            "day0",
            T::Date,
            "YYYY-MM-DD",
            "NYSE session whose close follows publication (16:00 New York rule)",
            |d| p(day0_of(d).as_deref()),
        ),
        c(
            "tickers",
            T::ListString,
            "",
            "linked companies, most relevant first",
            |d| {
                Cell::List(
                    d.tickers
                        .iter()
                        .map(|(t, _)| Cell::Plain(t.clone()))
                        .collect(),
                )
            },
        ),
        c(
            "relevance",
            T::ListInteger,
            "0-100",
            "relevance of each linked company, same order",
            |d| {
                Cell::List(
                    d.tickers
                        .iter()
                        .map(|(_, r)| Cell::Int(*r as i64))
                        .collect(),
                )
            },
        ),
        c(
            "company_tones",
            T::ListFloat,
            "-1..1",
            "tone of what the document says about each linked company, same order",
            |d| {
                Cell::List(
                    d.tones
                        .iter()
                        .map(|t| t.map_or(Cell::Null, Cell::Float))
                        .collect(),
                )
            },
        ),
        c(
            "sentiment",
            T::Float,
            "-1..1",
            "tone of the document",
            |d| f(d.sentiment),
        ),
        c(
            "sentiment_method",
            T::String,
            "",
            "method and lexicon version of the tone score",
            |d| p(d.sentiment_method.as_deref()),
        ),
        c(
            "deal_id",
            T::Integer,
            "",
            "the deal this document reports, if any",
            |d| i(d.deal_id),
        ),
        c(
            "novelty",
            T::String,
            "",
            "first (the deal's first report) | repeat | empty",
            |d| match (d.deal_id, d.first_report) {
                (Some(_), true) => Cell::Plain("first".into()),
                (Some(_), false) => Cell::Plain("repeat".into()),
                _ => Cell::Null,
            },
        ),
        c("form", T::String, "", "SEC form (filings)", |d| {
            t(d.form_type.as_deref())
        }),
        c(
            "items",
            T::String,
            "",
            "8-K item numbers, comma separated",
            |d| p(d.items.as_deref()),
        ),
    ],
};

pub static DEALS: TableDef<Deal> = TableDef {
    name: "deals",
    description: "one row per real-world deal (or LOI or termination), curated and recognised",
    columns: &[
        c("id", T::Integer, "", "deal id", |d| Cell::Int(d.id)),
        c("ticker", T::String, "", "company of the universe", |d| {
            Cell::Plain(d.ticker.clone())
        }),
        c(
            "counterparty",
            T::String,
            "",
            "configured counterparty, or undisclosed",
            |d| Cell::Untrusted(d.counterparty.clone()),
        ),
        c(
            "counterparty_class",
            T::String,
            "",
            "hyperscaler | neocloud | chipmaker | other",
            |d| p(d.counterparty_class.as_deref()),
        ),
        c(
            "deal_type",
            T::String,
            "",
            "colocation | gpu_cloud | hosting | expansion | acquisition | financing",
            |d| Cell::Plain(d.deal_type.as_str().into()),
        ),
        c("kind", T::String, "", "deal | loi | termination", |d| {
            Cell::Plain(d.kind.as_str().into())
        }),
        c(
            "value_usd",
            T::Float,
            "USD",
            "contract value over the base term",
            |d| f(d.terms.value_usd),
        ),
        c(
            "value_with_options_usd",
            T::Float,
            "USD",
            "value with extension options exercised",
            |d| f(d.terms.value_with_options_usd),
        ),
        c(
            "rate_usd_per_mw_year",
            T::Float,
            "USD per MW per year",
            "stated rate, when the deal is priced per MW",
            |d| f(d.terms.rate_usd_per_mw_year),
        ),
        c(
            "capacity_mw",
            T::Float,
            "MW",
            "capacity (critical IT when stated)",
            |d| f(d.terms.capacity_mw),
        ),
        c(
            "capacity_basis",
            T::String,
            "",
            "critical_it | gross | empty when not stated",
            |d| p(d.terms.capacity_basis.map(|b| b.as_str())),
        ),
        c("term_years", T::Float, "years", "base term", |d| {
            f(d.terms.term_years)
        }),
        c(
            "announced_at",
            T::DateTime,
            "UTC, RFC 3339",
            "time of the first report",
            |d| Cell::Plain(d.announced_at.clone()),
        ),
        c(
            "event_day",
            T::Date,
            "YYYY-MM-DD",
            "trading day 0 (NYSE rules, 16:00 New York)",
            |d| Cell::Plain(d.event_day.to_string()),
        ),
        c("n_documents", T::Integer, "", "number of reports", |d| {
            Cell::Int(d.n_documents)
        }),
        c(
            "first_source",
            T::String,
            "",
            "source of the first report",
            |d| t(d.first_source.as_deref()),
        ),
        c(
            "sentiment",
            T::Float,
            "-1..1",
            "mean tone of the reports",
            |d| f(d.sentiment),
        ),
        c(
            "confidence",
            T::Float,
            "0..1",
            "recognition confidence (1 for curated deals)",
            |d| f(d.confidence),
        ),
        c("origin", T::String, "", "auto | curated", |d| {
            Cell::Plain(d.origin.as_str().into())
        }),
        c("status", T::String, "", "active | rejected", |d| {
            Cell::Plain(d.status.as_str().into())
        }),
        c("note", T::String, "", "analyst note", |d| {
            t(d.note.as_deref())
        }),
        c(
            "evidence",
            T::String,
            "",
            "the sentence the recognition rests on",
            |d| t(d.evidence.as_deref()),
        ),
    ],
};

/// Which sample of the AI-premium comparison an event belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// An AI deal (or an event of the events file).
    Ai,
    /// A control announcement: the same companies' other press releases and current reports.
    Control,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Ai => "ai",
            Group::Control => "control",
        }
    }
}

/// One included event on one relative day of the event span.
pub struct ArRow {
    pub event_id: String,
    pub ticker: String,
    pub tau: i32,
    pub date: NaiveDate,
    pub ret: Option<f64>,
    pub benchmark: Option<f64>,
    pub bitcoin: Option<f64>,
    pub expected: Option<f64>,
    pub ar: Option<f64>,
    pub car_to_date: f64,
    pub group: Group,
}

pub static ABNORMAL_RETURNS: TableDef<ArRow> = TableDef {
    name: "abnormal_returns",
    description: "one row per included event and relative trading day of the event span",
    columns: &[
        c(
            "event_id",
            T::String,
            "",
            "D<deal id>, C<document id> for a control announcement, or the id from the events file",
            |r| Cell::Untrusted(r.event_id.clone()),
        ),
        c("ticker", T::String, "", "company", |r| {
            Cell::Plain(r.ticker.clone())
        }),
        c(
            "tau",
            T::Integer,
            "trading days",
            "day relative to day 0",
            |r| Cell::Int(r.tau as i64),
        ),
        c("date", T::Date, "YYYY-MM-DD", "session date", |r| {
            Cell::Plain(r.date.to_string())
        }),
        c(
            "return",
            T::Float,
            "fraction",
            "stock return (simple unless log returns were chosen)",
            |r| f(r.ret),
        ),
        c(
            "benchmark_return",
            T::Float,
            "fraction",
            "market benchmark return, same session",
            |r| f(r.benchmark),
        ),
        c(
            "bitcoin_return",
            T::Float,
            "fraction",
            "factor (bitcoin) return over the same span, factor model only",
            |r| f(r.bitcoin),
        ),
        c(
            "expected_return",
            T::Float,
            "fraction",
            "model's expected return",
            |r| f(r.expected),
        ),
        c(
            "ar",
            T::Float,
            "fraction",
            "abnormal return = return - expected_return",
            |r| f(r.ar),
        ),
        c(
            "car_to_date",
            T::Float,
            "fraction",
            "sum of ARs from the first day of the span to tau (missing days add 0)",
            |r| Cell::Float(r.car_to_date),
        ),
        c(
            "group",
            T::String,
            "",
            "ai (an AI deal, or an event of the events file) | control (the same companies' other announcements, as in premium)",
            |r| Cell::Plain(r.group.as_str().into()),
        ),
    ],
};

/// One included event over one event window.
pub struct WindowRow {
    pub event_id: String,
    pub ticker: String,
    pub window: crate::study::WindowResult,
    pub group: Group,
}

pub static EVENT_WINDOWS: TableDef<WindowRow> = TableDef {
    name: "event_windows",
    description: "one row per included event and event window",
    columns: &[
        c("event_id", T::String, "", "event", |r| {
            Cell::Untrusted(r.event_id.clone())
        }),
        c("ticker", T::String, "", "company", |r| {
            Cell::Plain(r.ticker.clone())
        }),
        c(
            "window_start",
            T::Integer,
            "trading days",
            "first day of the window",
            |r| Cell::Int(r.window.window.start as i64),
        ),
        c(
            "window_end",
            T::Integer,
            "trading days",
            "last day of the window",
            |r| Cell::Int(r.window.window.end as i64),
        ),
        c(
            "car",
            T::Float,
            "fraction",
            "cumulative abnormal return over the window's days with an AR",
            |r| Cell::Float(r.window.car),
        ),
        c(
            "var_car",
            T::Float,
            "fraction^2",
            "forecast-error-corrected variance of CAR",
            |r| Cell::Float(r.window.var_car),
        ),
        c("scar", T::Float, "", "CAR / sqrt(var_car)", |r| {
            Cell::Float(r.window.scar)
        }),
        c(
            "bhar",
            T::Float,
            "fraction",
            "buy-and-hold abnormal return",
            |r| Cell::Float(r.window.bhar),
        ),
        c(
            "l",
            T::Integer,
            "trading days",
            "days of the window with an AR",
            |r| Cell::Int(r.window.l as i64),
        ),
        c(
            "group",
            T::String,
            "",
            "ai | control, as in abnormal_returns",
            |r| Cell::Plain(r.group.as_str().into()),
        ),
    ],
};

/// The abnormal-return and window rows of a study's included events.
pub fn study_rows(run: &StudyRun, group: Group) -> (Vec<ArRow>, Vec<WindowRow>) {
    let span = run.params.span();
    let mut ar = Vec::new();
    let mut win = Vec::new();
    for ((e, r), d0) in run.events.iter().zip(&run.results).zip(&run.day0s) {
        let (Some(d0), true) = (d0, r.is_included()) else {
            continue;
        };
        let mut car = 0.0;
        for (i, tau) in (span.start..=span.end).enumerate() {
            let at = (*d0 as i64 + tau as i64) as usize;
            if let Some(a) = r.ar[i] {
                car += a;
            }
            ar.push(ArRow {
                event_id: e.id.clone(),
                ticker: e.ticker.clone(),
                tau,
                date: run.cal.dates[at],
                ret: r.ret[i],
                benchmark: run.market_ret.get(at).copied().flatten(),
                bitcoin: run
                    .factor_ret
                    .as_ref()
                    .and_then(|f| f.get(at).copied().flatten()),
                expected: r.expected[i],
                ar: r.ar[i],
                car_to_date: car,
                group,
            });
        }
        for w in r.windows.iter().flatten() {
            win.push(WindowRow {
                event_id: e.id.clone(),
                ticker: e.ticker.clone(),
                window: w.clone(),
                group,
            });
        }
    }
    (ar, win)
}

/// The four tables of a dataset: documents, deals, and when a study ran, its abnormal returns and
/// windows for the AI events and the control events.
/// The deals, abnormal-returns and event-windows tables (the documents table is streamed by
/// [`write`]).
pub fn tables(
    deals: &[Deal],
    study: Option<(&StudyRun, Option<&StudyRun>)>,
) -> [super::export::Table; 3] {
    let (mut ar, mut win) = (Vec::new(), Vec::new());
    if let Some((ai, control)) = study {
        for (run, group) in [(Some(ai), Group::Ai), (control, Group::Control)] {
            if let Some(run) = run {
                let (a, w) = study_rows(run, group);
                ar.extend(a);
                win.extend(w);
            }
        }
    }
    [
        DEALS.table(deals),
        ABNORMAL_RETURNS.table(&ar),
        EVENT_WINDOWS.table(&win),
    ]
}

/// The study's parameters as `dataset.json` records them.
pub fn study_parameters(ai: &StudyRun, control: Option<&StudyRun>) -> serde_json::Value {
    let p = &ai.params;
    serde_json::json!({
        "model": p.model,
        "market": ai.market,
        "factor": if p.model == crate::study::Model::Factor { ai.factor.clone() } else { None },
        "estimation": p.estimation,
        "windows": p.windows,
        "min_estimation": p.min_estimation,
        "returns": if p.log_returns { "log" } else { "simple" },
        "events": ai.events.len(),
        "included": ai.included(),
        "control_events": control.map_or(0, |c| c.events.len()),
        "control_included": control.map_or(0, |c| c.included()),
    })
}

/// Write each table as a file in `dir`, then `dataset.json` with the tool's version, the time,
/// `parameters`, and for each table its file, row count, description and data dictionary. The
/// documents come from `documents`, which hands them over in batches (a store cursor), so an
/// export of a million documents holds one batch at a time; returns the four tables' row counts.
pub fn write(
    dir: &std::path::Path,
    format: super::export::Format,
    documents: impl FnOnce(&mut dyn FnMut(&[ExportDoc]) -> anyhow::Result<()>) -> anyhow::Result<()>,
    tables: &[super::export::Table],
    parameters: serde_json::Value,
) -> anyhow::Result<[usize; 4]> {
    use super::export::TableWriter;
    use anyhow::Context;
    // dataset.json is the manifest, written last: while an export runs (or after one was killed)
    // there is none, and every table file is either the previous one or the new one, whole
    let manifest = dir.join("dataset.json");
    match std::fs::remove_file(&manifest) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(e).with_context(|| format!("replacing {}", manifest.display()));
        }
        _ => {}
    }
    // what a killed export left half-written
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && name.ends_with(".partial") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let entry = |name: &str, file: String, rows: usize, description: &str, columns| {
        serde_json::json!({
            "name": name,
            "file": file,
            "rows": rows,
            "description": description,
            "columns": columns,
        })
    };
    let mut files = Vec::new();
    let mut counts = [0usize; 4];
    // the documents stream from the store batch by batch: memory stays bounded
    let columns = DOCUMENTS.dictionary();
    let writing = || format!("writing {} in {}", DOCUMENTS.name, dir.display());
    let mut w = TableWriter::create(dir, DOCUMENTS.name, &columns, format).with_context(writing)?;
    let mut rows = Vec::new();
    documents(&mut |batch: &[ExportDoc]| {
        rows.clear();
        rows.extend(batch.iter().map(|d| DOCUMENTS.row(d)));
        w.write_rows(&rows).with_context(writing)
    })?;
    let (file, n) = w.finish().with_context(writing)?;
    counts[0] = n;
    files.push(entry(
        DOCUMENTS.name,
        file,
        n,
        DOCUMENTS.description,
        &columns,
    ));
    for (k, t) in tables.iter().enumerate() {
        let file = super::export::write_table(dir, t, format)
            .with_context(|| format!("writing {} in {}", t.name, dir.display()))?;
        counts[k + 1] = t.rows.len();
        files.push(entry(t.name, file, t.rows.len(), t.description, &t.columns));
    }
    let meta = serde_json::json!({
        "tool": "hashpivot",
        "version": env!("CARGO_PKG_VERSION"),
        "generated_at": crate::model::fmt_time(Utc::now()),
        "parameters": parameters,
        "tables": files,
    });
    let text = serde_json::to_string_pretty(&meta)?;
    super::export::write_atomically(dir, "dataset.json", |p| std::fs::write(p, &text))
        .with_context(|| format!("writing {}", manifest.display()))?;
    Ok(counts)
}
