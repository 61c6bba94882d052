mod output;

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::Ctx;
use crate::UsageError;
use crate::report::chart;
use crate::store::Store;
use crate::study::{
    self, Calendar, Diagnostics, EventResult, EventSpec, Model, Regressors, StudyParams, Window,
};
use output::{EventOut, Parameters, Report, event_out, print_human, write_csvs};

/// Event study: abnormal returns around events, beyond what the market and bitcoin explain.
///
/// The expected return comes from a model fitted on each event's estimation window (default the
/// factor model: OLS on the market benchmark and bitcoin); abnormal returns are averaged across
/// events per day (AAR) and per window (CAAR) and tested with the cross-sectional t, Patell, BMP,
/// Kolari–Pynnönen, Corrado rank, sign and generalized sign tests. Day 0 is the first session on or
/// after the event date, or with a time, the session whose close follows it (16:00 New York rule).
///
/// Events: the stored deals (default; --type and --ticker filter them), or --events FILE.csv with
/// columns event_id,ticker,date[,time][,counterparty].
///
/// Examples:
///   hashpivot study --events deals.csv
///   hashpivot study --events deals.csv --model market --window=-1:1 --window=0:5 --json
///   hashpivot study --events deals.csv --out results/ --plot caar.svg
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub opts: Options,
    /// Everything as one JSON document on stdout, full float precision.
    #[arg(long)]
    pub json: bool,
    /// Write events.csv, ar.csv, car.csv, aar.csv and caar.csv into DIR.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Write an SVG of the CAAR across event time with a 95% band.
    #[arg(long)]
    pub plot: Option<PathBuf>,
}

/// The study options shared by `study`, `export` and `premium`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Options {
    /// Expected-return model [default: [study] model, factor].
    #[arg(long, value_enum)]
    pub model: Option<Model>,
    /// Market benchmark ticker; its sessions are the calendar [default: [study] market, SPY].
    #[arg(long)]
    pub market: Option<String>,
    /// Factor ticker for the factor model, or "none" [default: [study] factor, BTC-USD].
    #[arg(long)]
    pub factor: Option<String>,
    /// Estimation window START:END [default: -120:-11].
    #[arg(long, allow_hyphen_values = true)]
    pub estimation: Option<String>,
    /// Event window START:END (repeatable) [default: -1:1, 0:1, 0:5, -5:5].
    #[arg(long = "window", allow_hyphen_values = true)]
    pub windows: Vec<String>,
    /// Minimum valid returns in the estimation window [default: 60].
    #[arg(long)]
    pub min_estimation: Option<usize>,
    /// Log returns instead of simple returns.
    #[arg(long)]
    pub log_returns: bool,
    /// Events CSV: event_id,ticker,date[,time][,counterparty].
    #[arg(long)]
    pub events: Option<PathBuf>,
    /// Only events of these tickers (repeatable).
    #[arg(long = "ticker")]
    pub tickers: Vec<String>,
    /// Only deals of this type (stored deals).
    #[arg(long = "type")]
    pub deal_type: Option<String>,
    /// Only events on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<chrono::NaiveDate>,
    /// Only events on or before this date (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<chrono::NaiveDate>,
}

pub(crate) fn resolve_params(
    cfg: &crate::config::Config,
    a: &Options,
) -> Result<(StudyParams, String, Option<String>), UsageError> {
    let model = a.model.unwrap_or(cfg.study.model);
    let estimation = Window::parse(a.estimation.as_deref().unwrap_or(&cfg.study.estimation))
        .map_err(|e| UsageError(format!("--estimation: {e}")))?;
    let windows = if a.windows.is_empty() {
        cfg.study.windows.clone()
    } else {
        a.windows.clone()
    };
    let windows = windows
        .iter()
        .map(|w| Window::parse(w))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| UsageError(format!("--window: {e}")))?;
    let params = StudyParams {
        model,
        estimation,
        windows,
        min_estimation: a.min_estimation.unwrap_or(cfg.study.min_estimation),
        log_returns: a.log_returns,
    };
    params.validate().map_err(UsageError)?;
    let market = a
        .market
        .clone()
        .unwrap_or(cfg.study.market.clone())
        .to_ascii_uppercase();
    let factor = a.factor.clone().unwrap_or(cfg.study.factor.clone());
    let factor = (!factor.eq_ignore_ascii_case("none")).then(|| factor.to_ascii_uppercase());
    if model == Model::Factor && factor.is_none() {
        return Err(UsageError(
            "the factor model needs a factor series: pass --factor BTC-USD, or --model market"
                .into(),
        ));
    }
    Ok((params, market, factor))
}

/// A ticker's returns on the calendar.
pub(crate) fn returns_of(
    store: &Store,
    cal: &Calendar,
    ticker: &str,
    log: bool,
) -> anyhow::Result<Option<Vec<Option<f64>>>> {
    let bars = store.prices(ticker)?;
    if bars.is_empty() {
        return Ok(None);
    }
    let series: Vec<(chrono::NaiveDate, f64)> = bars.iter().map(|b| (b.date, b.price())).collect();
    Ok(Some(study::returns(&cal.align(&series), log)))
}

/// A computed study: the inputs as resolved and every result.
pub(crate) struct StudyRun {
    pub params: StudyParams,
    pub market: String,
    pub factor: Option<String>,
    pub events: Vec<EventSpec>,
    pub results: Vec<EventResult>,
    pub day0s: Vec<Option<usize>>,
    pub cal: Calendar,
    pub market_ret: Vec<Option<f64>>,
    pub factor_ret: Option<Vec<Option<f64>>>,
    pub agg: study::Aggregate,
    pub diag: Vec<Diagnostics>,
}

/// Resolve the options, load events and prices, and run the study.
pub(crate) fn compute(ctx: &Ctx, a: &Options) -> anyhow::Result<StudyRun> {
    let cfg = ctx.config_or_default()?;
    // options are checked before anything is loaded
    resolve_params(&cfg, a)?;
    let mut events: Vec<EventSpec> = match &a.events {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            study::parse_events_csv(&text, &path.display().to_string()).map_err(UsageError)?
        }
        None => {
            // the stored deals: day 0 from the first report's time (16:00 New York rule)
            let store = stored_or_empty(ctx)?;
            let deals = store.deals(&crate::store::DealFilter {
                deal_type: a.deal_type.clone(),
                ..Default::default()
            })?;
            if deals.is_empty() {
                return Err(UsageError(
                    "no deals stored to study: run `hashpivot crawl` (deals are recognised after each crawl), \
                     add them with `hashpivot deals add`, or pass --events FILE.csv"
                        .into(),
                )
                .into());
            }
            deals
                .iter()
                .map(|d| EventSpec {
                    id: format!("D{}", d.id),
                    ticker: d.ticker.clone(),
                    date: chrono::NaiveDate::parse_from_str(&d.event_day, "%Y-%m-%d")
                        .unwrap_or_default(),
                    time: chrono::DateTime::parse_from_rfc3339(&d.announced_at)
                        .ok()
                        .map(|t| t.with_timezone(&chrono::Utc)),
                    label: Some(d.counterparty.clone()),
                })
                .collect()
        }
    };
    if a.deal_type.is_some() && a.events.is_some() {
        return Err(UsageError(
            "--type filters stored deals; it does not apply to --events".into(),
        )
        .into());
    }
    events.retain(|e| a.since.is_none_or(|d| e.date >= d) && a.until.is_none_or(|d| e.date <= d));
    if events.is_empty() {
        return Err(UsageError("no events between --since and --until".into()).into());
    }
    if !a.tickers.is_empty() {
        let want: Vec<String> = a.tickers.iter().map(|t| t.to_ascii_uppercase()).collect();
        events.retain(|e| want.contains(&e.ticker));
        if events.is_empty() {
            return Err(UsageError(format!("no events for {}", want.join(", "))).into());
        }
    }

    compute_with(ctx, a, events)
}

/// The database, or with none yet an empty in-memory store: nothing is stored, so the study's own
/// messages say what is missing (deals, prices) and how to add it, and no empty database is left
/// behind in a folder the user did not mean.
fn stored_or_empty(ctx: &Ctx) -> anyhow::Result<Store> {
    if ctx.data_dir.join("hashpivot.db").exists() {
        super::open_existing_store(&ctx.data_dir)
    } else {
        Ok(Store::open_in_memory()?)
    }
}

/// Run the study on a given list of events (the options' event source is ignored).
pub(crate) fn compute_with(
    ctx: &Ctx,
    a: &Options,
    events: Vec<EventSpec>,
) -> anyhow::Result<StudyRun> {
    let cfg = ctx.config_or_default()?;
    let (params, market, factor) = resolve_params(&cfg, a)?;
    let store = stored_or_empty(ctx)?;
    let bench = store.prices(&market)?;
    if bench.is_empty() {
        return Err(UsageError(format!(
            "no prices for the market benchmark {market}: run `hashpivot prices import FILE` or `hashpivot prices fetch --ticker {market}`"
        ))
        .into());
    }
    let cal = Calendar::new(bench.iter().map(|b| b.date).collect());
    let market_ret = returns_of(&store, &cal, &market, params.log_returns)?.unwrap_or_default();
    let factor_ret = match (&factor, params.model) {
        (Some(f), Model::Factor) => Some(returns_of(&store, &cal, f, params.log_returns)?.ok_or_else(|| {
            UsageError(format!(
                "no prices for the factor {f}: import them, or use --factor none with --model market"
            ))
        })?),
        _ => None,
    };
    let reg = Regressors {
        market: &market_ret,
        factor: factor_ret.as_deref(),
    };

    let mut cache: HashMap<String, Option<Vec<Option<f64>>>> = HashMap::new();
    let mut results = Vec::with_capacity(events.len());
    let mut day0s = Vec::with_capacity(events.len());
    for e in &events {
        if !cache.contains_key(&e.ticker) {
            let r = returns_of(&store, &cal, &e.ticker, params.log_returns)?;
            cache.insert(e.ticker.clone(), r);
        }
        let d0 = cal.day0(e.date, e.time);
        day0s.push(d0);
        let res = match (&cache[&e.ticker], d0) {
            (None, _) => EventResult::excluded(
                format!("no prices stored for {}", e.ticker),
                params.model.k(),
            ),
            (_, None) => EventResult::excluded(
                format!("{} is after the last {market} session", e.date),
                params.model.k(),
            ),
            (Some(ret), Some(d0)) => study::run_event(&params, &reg, ret, d0),
        };
        results.push(res);
    }
    let agg = study::aggregate(&params, &results);
    let diag = study::diagnostics(
        &params,
        &events
            .iter()
            .zip(&day0s)
            .zip(&results)
            .map(|((e, d), r)| (e.ticker.clone(), if r.is_included() { *d } else { None }))
            .collect::<Vec<_>>(),
    );
    Ok(StudyRun {
        params,
        market,
        factor,
        events,
        results,
        day0s,
        cal,
        market_ret,
        factor_ret,
        agg,
        diag,
    })
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let StudyRun {
        params,
        market,
        factor,
        events,
        results,
        day0s,
        cal,
        agg,
        diag,
        ..
    } = compute(ctx, &args.opts)?;
    let a = &args;
    let outs: Vec<EventOut> = events
        .iter()
        .zip(&results)
        .zip(&day0s)
        .zip(&diag)
        .map(|(((e, r), d0), dg)| {
            event_out(e, r, d0.map(|i| cal.dates[i].to_string()), dg, &events)
        })
        .collect();
    let included = results.iter().filter(|r| r.is_included()).count();
    let parameters = Parameters {
        model: params.model,
        market: market.clone(),
        factor: if params.model == Model::Factor {
            factor.clone()
        } else {
            None
        },
        estimation: params.estimation,
        windows: params.windows.clone(),
        min_estimation: params.min_estimation,
        returns: if params.log_returns { "log" } else { "simple" },
        events: events.len(),
        included,
    };
    let report = Report {
        parameters,
        events: outs,
        aar: &agg.aar,
        caar: &agg.caar,
        r_bar: agg.r_bar,
    };
    if let Some(dir) = &a.out {
        write_csvs(dir, &report, &events, &results, &cal, &day0s, &params)?;
    }
    if let Some(path) = &a.plot {
        let path_pts = study::caar_path(&params, &results);
        let pts: Vec<(f64, f64, f64, f64)> = path_pts
            .iter()
            .map(|p| (p.tau as f64, p.caar, p.lo, p.hi))
            .collect();
        let title = format!(
            "CAAR across event time, {} model, N = {included} (95% band)",
            params.model.name()
        );
        let svg = chart::band_chart(&chart::BandChart {
            title: &title,
            x_label: "trading days relative to the announcement (day 0)",
            y_label: "cumulative average abnormal return",
            points: &pts,
            percent: true,
        });
        std::fs::write(path, svg).with_context(|| format!("writing {}", path.display()))?;
    }
    let mut out = std::io::stdout().lock();
    if a.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        print_human(&mut out, &report)?;
    }
    if included == 0 {
        eprintln!("hashpivot: no event could be studied (see the reasons above)");
        return Ok(1);
    }
    Ok(0)
}
