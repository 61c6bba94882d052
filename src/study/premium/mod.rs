//! The AI narrative premium as a stage: the AI deals' study next to a control group's (the same
//! companies' other announcements), their difference per window with a Welch t-test and a seeded
//! bootstrap interval, a cross-sectional regression of CAR on the deals' terms, and each company's
//! rolling betas to bitcoin and the market before and after its first AI deal.
//!
//! `inference` holds the pure statistics; this file chooses the samples and builds the design.

mod inference;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::America::New_York;
use serde::Serialize;

pub use inference::{Regression, SplitMix, Welch, bootstrap_diff_ci, ols_hc1, rolling_beta, welch};

use super::run::{Setup, StudyRun, returns_of};
use super::stats::mean;
use super::{CaarRow, EventSpec, Status, Window};
use crate::model::Deal;
use crate::store::{DealFilter, Store};

/// Sessions in a rolling beta's window, and the fewest complete pairs that give one.
pub const BETA_WINDOW: usize = 60;
pub const BETA_MIN: usize = 40;

/// How the comparison is drawn.
#[derive(Debug, Clone)]
pub struct Options {
    /// Bootstrap resamples.
    pub bootstrap: usize,
    /// Bootstrap seed: the interval is reproducible for a given seed.
    pub seed: u64,
    /// Control announcements are kept between these dates (New York), like the AI events.
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// The series betas "to bitcoin" are measured against (the study's factor, else the
    /// configured one even when the study runs without a factor).
    pub bitcoin: Option<String>,
}

/// One window: the AI deals' CAAR beside the control group's, and their difference.
#[derive(Debug, Clone, Serialize)]
pub struct WindowComparison {
    pub window: Window,
    pub ai: CaarRow,
    pub control: CaarRow,
    /// mean CAR(AI) − mean CAR(control)
    pub diff: Option<f64>,
    pub welch: Option<Welch>,
    pub bootstrap_95: Option<(f64, f64)>,
}

/// A company's mean rolling betas before and after its first AI deal.
#[derive(Debug, Clone, Serialize)]
pub struct BetaShift {
    pub ticker: String,
    pub first_deal_day0: NaiveDate,
    pub bitcoin_before: Option<f64>,
    pub bitcoin_after: Option<f64>,
    pub market_before: Option<f64>,
    pub market_after: Option<f64>,
    pub windows_before: usize,
    pub windows_after: usize,
    /// The rolling beta to bitcoin by session relative to the first deal (±250), for the chart.
    #[serde(skip)]
    pub bitcoin_path: Option<Vec<(i64, Option<f64>)>>,
}

/// Everything the premium report shows.
pub struct Premium {
    pub ai: StudyRun,
    /// None when the companies have no other announcement stored.
    pub control: Option<StudyRun>,
    pub windows: Vec<WindowComparison>,
    /// The window the regression explains (CAR[-1,+1] when asked for, else the first).
    pub regression_window: Window,
    /// The regression, or why it was not estimated.
    pub regression: Result<Regression, String>,
    pub betas: Vec<BetaShift>,
}

/// Compute the premium for the AI-deal events `ai_events`.
pub fn compute(
    store: &Store,
    setup: &Setup,
    ai_events: Vec<EventSpec>,
    opts: &Options,
) -> anyhow::Result<Premium> {
    let ai = super::run(store, setup, ai_events)?;
    let control = control_study(store, setup, &ai, opts.since, opts.until)?;
    let windows = compare_windows(&ai, control.as_ref(), opts);
    let deals: HashMap<String, Deal> = store
        .deals(&DealFilter::default())?
        .into_iter()
        .map(|d| (format!("D{}", d.id), d))
        .collect();
    let wi = ai
        .params
        .windows
        .iter()
        .position(|w| *w == Window::new(-1, 1))
        .unwrap_or(0);
    let regression = regress_on_terms(&ai, &deals, wi);
    let betas = beta_shifts(store, &ai, opts.bitcoin.as_deref())?;
    Ok(Premium {
        regression_window: ai.params.windows[wi],
        ai,
        control,
        windows,
        regression,
        betas,
    })
}

/// The control events: the AI companies' press releases and current reports that report no deal,
/// one per company and New York day, in the same date range.
pub fn control_events(
    store: &Store,
    ai: &StudyRun,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> anyhow::Result<Vec<EventSpec>> {
    let ai_tickers: HashSet<&str> = ai.events.iter().map(|e| e.ticker.as_str()).collect();
    let mut seen = HashSet::new();
    Ok(store
        .control_announcements()?
        .into_iter()
        .filter(|(_, t, _)| ai_tickers.contains(t.as_str()))
        .filter_map(|(id, ticker, at)| {
            let t = DateTime::parse_from_rfc3339(&at).ok()?.with_timezone(&Utc);
            let date = t.with_timezone(&New_York).date_naive();
            if since.is_some_and(|d| date < d) || until.is_some_and(|d| date > d) {
                return None;
            }
            seen.insert((ticker.clone(), date)).then(|| EventSpec {
                id: format!("C{id}"),
                ticker,
                date,
                time: Some(t),
                label: None,
                document_id: Some(id),
            })
        })
        .collect())
}

/// The control group's study (None without control announcements); a control announcement inside
/// an AI deal's event window is the deal's news, not a control, and is excluded with that reason.
pub fn control_study(
    store: &Store,
    setup: &Setup,
    ai: &StudyRun,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> anyhow::Result<Option<StudyRun>> {
    let events = control_events(store, ai, since, until)?;
    if events.is_empty() {
        return Ok(None);
    }
    let mut c = super::run(store, setup, events)?;
    let span = ai.params.span();
    let ai_days: Vec<(&str, usize)> = ai
        .events
        .iter()
        .zip(&ai.day0s)
        .filter_map(|(e, d)| d.map(|d| (e.ticker.as_str(), d)))
        .collect();
    for ((e, d), r) in c.events.iter().zip(&c.day0s).zip(c.results.iter_mut()) {
        let Some(d) = d else { continue };
        if ai_days.iter().any(|(t, ad)| {
            *t == e.ticker
                && (*d as i64 - *ad as i64) >= span.start as i64
                && (*d as i64 - *ad as i64) <= span.end as i64
        }) && r.is_included()
        {
            r.status = Status::Excluded("inside an AI deal's event window".into());
        }
    }
    c.agg = super::aggregate(&c.params, &c.results);
    Ok(Some(c))
}

/// Per window: both CAARs with their tests, the difference of mean CARs, Welch and bootstrap.
fn compare_windows(
    ai: &StudyRun,
    control: Option<&StudyRun>,
    opts: &Options,
) -> Vec<WindowComparison> {
    ai.params
        .windows
        .iter()
        .enumerate()
        .map(|(wi, w)| {
            let x = ai.cars(wi);
            let y = control.map(|c| c.cars(wi)).unwrap_or_default();
            let diff = mean(&x).zip(mean(&y)).map(|(x, y)| x - y);
            WindowComparison {
                window: *w,
                ai: ai.agg.caar[wi].clone(),
                control: control.map_or_else(
                    || CaarRow {
                        window: *w,
                        n: 0,
                        caar: None,
                        tests: Default::default(),
                    },
                    |c| c.agg.caar[wi].clone(),
                ),
                diff,
                welch: welch(&x, &y),
                bootstrap_95: bootstrap_diff_ci(&x, &y, opts.bootstrap, opts.seed, 0.95),
            }
        })
        .collect()
}

/// CAR over window `wi` on log deal value, MW, term and counterparty class (dummies for
/// hyperscaler and neocloud; a class no deal has is left out, as it would make the design
/// singular), with HC1 standard errors. Only included deals with all three terms enter.
fn regress_on_terms(
    ai: &StudyRun,
    deals: &HashMap<String, Deal>,
    wi: usize,
) -> Result<Regression, String> {
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    for (e, r) in ai.events.iter().zip(&ai.results) {
        let (Some(d), Some(Some(w))) = (deals.get(&e.id), r.windows.get(wi)) else {
            continue;
        };
        if !r.is_included() {
            continue;
        }
        let (Some(v), Some(mw), Some(yr)) = (
            d.terms.value_usd.filter(|v| *v > 0.0),
            d.terms.capacity_mw,
            d.terms.term_years,
        ) else {
            continue;
        };
        let class = d.counterparty_class.as_deref().unwrap_or("");
        xs.push(vec![
            1.0,
            v.ln(),
            mw,
            yr,
            if class == "hyperscaler" { 1.0 } else { 0.0 },
            if class == "neocloud" { 1.0 } else { 0.0 },
        ]);
        ys.push(w.car);
    }
    let mut names = vec![
        "const",
        "ln_value_usd",
        "capacity_mw",
        "term_years",
        "hyperscaler",
        "neocloud",
    ];
    for col in (4..names.len()).rev() {
        if xs.iter().all(|x| x[col] == 0.0) {
            names.remove(col);
            for x in xs.iter_mut() {
                x.remove(col);
            }
        }
    }
    ols_hc1(&names, &xs, &ys).ok_or_else(|| {
        format!(
            "needs more than {} included deals with a value, MW and term (has {})",
            names.len(),
            ys.len()
        )
    })
}

/// Each company's rolling betas, averaged over the windows that end before its first AI deal's
/// day 0 and over those that start on or after it.
fn beta_shifts(
    store: &Store,
    ai: &StudyRun,
    bitcoin: Option<&str>,
) -> anyhow::Result<Vec<BetaShift>> {
    let btc = match (&ai.factor_ret, bitcoin) {
        (Some(f), _) => Some(f.clone()),
        (None, Some(name)) => returns_of(store, &ai.cal, name, ai.params.log_returns)?,
        _ => None,
    };
    let mut first_deal: HashMap<&str, usize> = HashMap::new();
    for (e, d) in ai.events.iter().zip(&ai.day0s) {
        if let Some(d) = d {
            first_deal
                .entry(e.ticker.as_str())
                .and_modify(|x| *x = (*x).min(*d))
                .or_insert(*d);
        }
    }
    let mut tickers: Vec<&str> = first_deal.keys().copied().collect();
    tickers.sort();
    let mut betas = Vec::new();
    for t in tickers {
        let d0 = first_deal[t];
        let Some(ret) = returns_of(store, &ai.cal, t, ai.params.log_returns)? else {
            continue;
        };
        let bm = rolling_beta(&ret, &ai.market_ret, BETA_WINDOW, BETA_MIN);
        let bb = btc
            .as_ref()
            .map(|b| rolling_beta(&ret, b, BETA_WINDOW, BETA_MIN));
        // a window is "before" when it ends before day 0, "after" when it starts on or after it
        let split = |b: &[Option<f64>]| {
            let before: Vec<f64> = (0..d0.min(b.len())).filter_map(|i| b[i]).collect();
            let after: Vec<f64> = (d0 + BETA_WINDOW - 1..b.len())
                .filter_map(|i| b[i])
                .collect();
            (before, after)
        };
        let (mb, ma) = split(&bm);
        let (bb_b, bb_a) = bb.as_ref().map(|b| split(b)).unwrap_or_default();
        betas.push(BetaShift {
            ticker: t.to_string(),
            first_deal_day0: ai.cal.dates[d0],
            bitcoin_before: mean(&bb_b),
            bitcoin_after: mean(&bb_a),
            market_before: mean(&mb),
            market_after: mean(&ma),
            windows_before: mb.len(),
            windows_after: ma.len(),
            bitcoin_path: bb.map(|b| {
                b.iter()
                    .enumerate()
                    .map(|(i, v)| (i as i64 - d0 as i64, *v))
                    .filter(|(x, _)| x.abs() <= 250)
                    .collect()
            }),
        });
    }
    Ok(betas)
}
