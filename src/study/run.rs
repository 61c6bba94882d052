//! The study as a stage: choose the events, load the benchmark calendar and every series' returns
//! from the store, run the engine on each event, aggregate and diagnose. `study`, `premium`,
//! `export` and `digest` all get their numbers from [`run`].
//!
//! This is the one file of `study/` that reads the store (and an events CSV); everything it calls
//! is a pure function over aligned arrays.

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;

use super::{
    Aggregate, Calendar, Diagnostics, EventResult, EventSpec, Model, Regressors, StudyParams,
    Window,
};
use crate::UsageError;
use crate::config::StudyConfig;
use crate::store::{DealFilter, Store};

/// What a study is run with: the engine's parameters and the two benchmark series.
#[derive(Debug, Clone, PartialEq)]
pub struct Setup {
    pub params: StudyParams,
    /// The market benchmark ticker; its sessions are the calendar.
    pub market: String,
    /// The factor ticker (bitcoin), if any.
    pub factor: Option<String>,
}

/// What a command line (or a report) changes of the configured `[study]` section.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub model: Option<Model>,
    pub market: Option<String>,
    /// A ticker, or "none".
    pub factor: Option<String>,
    /// "START:END"
    pub estimation: Option<String>,
    /// "START:END" each; empty keeps the configured windows.
    pub windows: Vec<String>,
    pub min_estimation: Option<usize>,
    pub log_returns: bool,
}

impl Setup {
    /// The configured `[study]` section with `o` applied, checked: a bad window or a factor model
    /// without a factor is a usage error naming the option.
    pub fn resolve(cfg: &StudyConfig, o: &Overrides) -> Result<Setup, UsageError> {
        let model = o.model.unwrap_or(cfg.model);
        let estimation = Window::parse(o.estimation.as_deref().unwrap_or(&cfg.estimation))
            .map_err(|e| UsageError(format!("--estimation: {e}")))?;
        let windows = if o.windows.is_empty() {
            &cfg.windows
        } else {
            &o.windows
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
            min_estimation: o.min_estimation.unwrap_or(cfg.min_estimation),
            log_returns: o.log_returns,
        };
        params.validate().map_err(UsageError)?;
        let market = o
            .market
            .clone()
            .unwrap_or(cfg.market.clone())
            .to_ascii_uppercase();
        let factor = o.factor.clone().unwrap_or(cfg.factor.clone());
        let factor = (!factor.eq_ignore_ascii_case("none")).then(|| factor.to_ascii_uppercase());
        if model == Model::Factor && factor.is_none() {
            return Err(UsageError(
                "the factor model needs a factor series: pass --factor BTC-USD, or --model market"
                    .into(),
            ));
        }
        Ok(Setup {
            params,
            market,
            factor,
        })
    }
}

/// Which events to study: an events CSV, or the stored deals; then filters on both.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// `event_id,ticker,date[,time][,counterparty]`; `None` studies the stored deals.
    pub events_file: Option<PathBuf>,
    /// Upper-case tickers; empty keeps all.
    pub tickers: Vec<String>,
    /// Only stored deals of this type (an error with `events_file`).
    pub deal_type: Option<crate::model::DealType>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Stored automatic deals less certain are left out (reviewed and hand-made deals count).
    pub min_confidence: f64,
    /// Only stored deals a user reviewed or made by hand.
    pub reviewed: bool,
}

/// A computed study: the inputs as resolved and every result, index-aligned with `events`.
pub struct StudyRun {
    pub params: StudyParams,
    pub market: String,
    pub factor: Option<String>,
    pub events: Vec<EventSpec>,
    pub results: Vec<EventResult>,
    /// Each event's day 0 as an index into `cal.dates` (None: after the last session).
    pub day0s: Vec<Option<usize>>,
    pub cal: Calendar,
    pub market_ret: Vec<Option<f64>>,
    pub factor_ret: Option<Vec<Option<f64>>>,
    pub agg: Aggregate,
    pub diag: Vec<Diagnostics>,
}

impl StudyRun {
    /// How many events entered the aggregates.
    pub fn included(&self) -> usize {
        self.results.iter().filter(|r| r.is_included()).count()
    }

    /// The CAR of every included event over window `wi` (in event order).
    pub fn cars(&self, wi: usize) -> Vec<f64> {
        self.results
            .iter()
            .filter(|r| r.is_included())
            .filter_map(|r| r.windows.get(wi).and_then(|w| w.as_ref()).map(|w| w.car))
            .collect()
    }

    /// Day 0 of event `i` as a date.
    pub fn day0_date(&self, i: usize) -> Option<NaiveDate> {
        self.day0s[i].map(|d| self.cal.dates[d])
    }
}

/// The events a selection names, in file or deal order, filtered. Every way of coming up empty
/// is a usage error that says what to do.
pub fn select_events(store: &Store, sel: &Selection) -> anyhow::Result<Vec<EventSpec>> {
    if sel.reviewed && sel.events_file.is_some() {
        return Err(UsageError(
            "--reviewed selects stored deals; it does not apply to --events".into(),
        )
        .into());
    }
    let mut events: Vec<EventSpec> = match &sel.events_file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            super::parse_events_csv(&text, &path.display().to_string()).map_err(UsageError)?
        }
        None => {
            let deals = store.deals(&DealFilter {
                deal_type: sel.deal_type,
                min_confidence: (sel.min_confidence > 0.0).then_some(sel.min_confidence),
                reviewed_only: sel.reviewed,
                ..Default::default()
            })?;
            if deals.is_empty() && sel.reviewed {
                return Err(UsageError(
                    "no reviewed deals to study: review them with `hashpivot deals --review` and accept \
                     each real one with `hashpivot deals accept ID`"
                        .into(),
                )
                .into());
            }
            if deals.is_empty()
                && sel.min_confidence > 0.0
                && !store.deals(&DealFilter::default())?.is_empty()
            {
                return Err(UsageError(format!(
                    "no deals recognised with confidence {} or more: lower --min-confidence, or review them \
                     with `hashpivot deals --review`",
                    sel.min_confidence
                ))
                .into());
            }
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
                .map(EventSpec::from_deal)
                .collect::<Result<_, _>>()?
        }
    };
    if sel.deal_type.is_some() && sel.events_file.is_some() {
        return Err(UsageError(
            "--type filters stored deals; it does not apply to --events".into(),
        )
        .into());
    }
    events
        .retain(|e| sel.since.is_none_or(|d| e.date >= d) && sel.until.is_none_or(|d| e.date <= d));
    if events.is_empty() {
        return Err(UsageError("no events between --since and --until".into()).into());
    }
    if !sel.tickers.is_empty() {
        events.retain(|e| sel.tickers.contains(&e.ticker));
        if events.is_empty() {
            return Err(UsageError(format!("no events for {}", sel.tickers.join(", "))).into());
        }
    }
    Ok(events)
}

/// A ticker's returns on the calendar, or None when no prices are stored for it.
pub fn returns_of(
    store: &Store,
    cal: &Calendar,
    ticker: &str,
    log: bool,
) -> anyhow::Result<Option<Vec<Option<f64>>>> {
    let bars = store.prices(ticker)?;
    if bars.is_empty() {
        return Ok(None);
    }
    let series: Vec<(NaiveDate, f64)> = bars.iter().map(|b| (b.date, b.price())).collect();
    Ok(Some(super::returns(&cal.align(&series), log)))
}

/// Run the study on `events`: an event without prices, or after the last session, is kept and
/// excluded with its reason, so the output accounts for every event asked for.
pub fn run(store: &Store, setup: &Setup, events: Vec<EventSpec>) -> anyhow::Result<StudyRun> {
    let Setup {
        params,
        market,
        factor,
    } = setup.clone();
    let bench = store.prices(&market)?;
    if bench.is_empty() {
        return Err(UsageError(format!(
            "no prices for the market benchmark {market}: run `hashpivot prices import FILE` or `hashpivot prices fetch --ticker {market}`"
        ))
        .into());
    }
    let cal = Calendar::new(bench.iter().map(|b| b.date).collect());
    let market_ret = returns_of(store, &cal, &market, params.log_returns)?.unwrap_or_default();
    let factor_ret = match (&factor, params.model) {
        (Some(f), Model::Factor) => Some(returns_of(store, &cal, f, params.log_returns)?.ok_or_else(|| {
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
    let mut day0s = Vec::with_capacity(events.len());
    for e in &events {
        if !cache.contains_key(&e.ticker) {
            let r = returns_of(store, &cal, &e.ticker, params.log_returns)?;
            cache.insert(e.ticker.clone(), r);
        }
        day0s.push(cal.day0(e.date, e.time));
    }
    // the events with prices and a day 0 run together; the others are excluded with the reason
    let runnable: Vec<(&[Option<f64>], usize)> = events
        .iter()
        .zip(&day0s)
        .filter_map(|(e, d0)| Some((cache[&e.ticker].as_deref()?, (*d0)?)))
        .collect();
    let mut ran = super::run_events(&params, &reg, &runnable).into_iter();
    let results: Vec<EventResult> = events
        .iter()
        .zip(&day0s)
        .map(|(e, d0)| match (&cache[&e.ticker], d0) {
            (None, _) => EventResult::excluded(
                format!("no prices stored for {}", e.ticker),
                params.model.k(),
            ),
            (_, None) => EventResult::excluded(
                format!("{} is after the last {market} session", e.date),
                params.model.k(),
            ),
            (Some(_), Some(_)) => ran.next().expect("one result per runnable event"),
        })
        .collect();
    let agg = super::aggregate(&params, &results);
    let diag = super::diagnostics(
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
