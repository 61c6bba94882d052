//! The event study. Pure functions over aligned arrays, no I/O, except `run.rs`, the stage that
//! loads events and prices from the store and calls them.
//!
//! `returns` takes returns on the benchmark's calendar (`crate::calendar::Calendar`); `abnormal`
//! estimates one event's model and its abnormal returns; `stats` holds the cross-sectional tests;
//! `aggregate` (here) puts events together into average abnormal returns per day (AAR) and
//! cumulative ones per window (CAAR), each with every test; `diagnostics` finds clustered and
//! contaminated events; `event_list` reads events CSVs and converts stored deals into events;
//! `premium` compares AI deals with the same companies' other announcements.

pub mod abnormal;
pub mod event_list;
pub mod ols;
mod par;
pub mod premium;
pub mod returns;
pub mod run;
pub mod stats;

use serde::Serialize;

pub use crate::calendar::Calendar;
pub use abnormal::{EventResult, Regressors, Status, WindowResult, run_event, run_events};
pub use event_list::{EventSpec, parse_events_csv};
pub use returns::returns;
pub use run::{Overrides, Selection, Setup, StudyRun, returns_of, run, select_events};
pub use stats::Stat;

/// The expected-return model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Model {
    /// OLS on the market benchmark and the factor (bitcoin): the AI premium is what neither explains.
    Factor,
    /// OLS on the market benchmark.
    Market,
    /// AR = R − R_market, no estimation of betas.
    MarketAdjusted,
    /// Constant mean return.
    Mean,
}

impl Model {
    /// Parameters including the constant (market-adjusted: 1, for Patell's Q).
    pub fn k(self) -> usize {
        match self {
            Model::Factor => 3,
            Model::Market => 2,
            Model::Mean | Model::MarketAdjusted => 1,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Model::Factor => "factor",
            Model::Market => "market",
            Model::MarketAdjusted => "market-adjusted",
            Model::Mean => "mean",
        }
    }
}

/// A window of relative trading days, both ends included: [-1, +1] is three sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Window {
    pub start: i32,
    pub end: i32,
}

impl Window {
    pub fn new(start: i32, end: i32) -> Window {
        Window { start, end }
    }

    /// Parse "-1:1" or "-120:-11".
    pub fn parse(s: &str) -> Result<Window, String> {
        let (a, b) = s
            .split_once(':')
            .ok_or_else(|| format!("window '{s}': expected START:END, e.g. -1:1"))?;
        let start: i32 = a
            .trim()
            .parse()
            .map_err(|_| format!("window '{s}': '{a}' is not a whole number"))?;
        let end: i32 = b
            .trim()
            .parse()
            .map_err(|_| format!("window '{s}': '{b}' is not a whole number"))?;
        if start > end {
            return Err(format!("window '{s}': start is after end"));
        }
        Ok(Window { start, end })
    }

    pub fn len(&self) -> usize {
        (self.end - self.start + 1) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.end < self.start
    }
}

impl std::fmt::Display for Window {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{:+},{:+}]", self.start, self.end)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudyParams {
    pub model: Model,
    /// [-120, -11] by default: long enough for stable betas, ending ten sessions before the event
    /// so pre-announcement leakage does not contaminate the normal-return model.
    pub estimation: Window,
    pub windows: Vec<Window>,
    /// Fewer valid estimation returns than this excludes the event (default 60).
    pub min_estimation: usize,
    pub log_returns: bool,
}

impl Default for StudyParams {
    fn default() -> Self {
        StudyParams {
            model: Model::Factor,
            estimation: Window::new(-120, -11),
            windows: vec![
                Window::new(-1, 1),
                Window::new(0, 1),
                Window::new(0, 5),
                Window::new(-5, 5),
            ],
            min_estimation: 60,
            log_returns: false,
        }
    }
}

impl StudyParams {
    /// The smallest window covering every event window.
    pub fn span(&self) -> Window {
        Window {
            start: self.windows.iter().map(|w| w.start).min().unwrap_or(0),
            end: self.windows.iter().map(|w| w.end).max().unwrap_or(0),
        }
    }

    pub fn validate(&self) -> Result<(), String> {
        if self.windows.is_empty() {
            return Err("at least one event window is needed".into());
        }
        if self.estimation.end >= self.span().start {
            return Err(format!(
                "the estimation window {} must end before the first event-window day ({:+})",
                self.estimation,
                self.span().start
            ));
        }
        if self.min_estimation < self.model.k() + 3 {
            return Err(format!(
                "--min-estimation {} is too small for the {} model (at least {})",
                self.min_estimation,
                self.model.name(),
                self.model.k() + 3
            ));
        }
        Ok(())
    }
}

/// Every test for one day or window.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tests {
    /// Cross-sectional t (p from t(N − 1)).
    pub t: Option<Stat>,
    pub patell: Option<Stat>,
    pub bmp: Option<Stat>,
    pub kp: Option<Stat>,
    pub rank: Option<Stat>,
    pub sign: Option<Stat>,
    pub gsign: Option<Stat>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AarRow {
    pub tau: i32,
    pub n: usize,
    pub aar: Option<f64>,
    pub tests: Tests,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaarRow {
    pub window: Window,
    pub n: usize,
    pub caar: Option<f64>,
    pub tests: Tests,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aggregate {
    pub aar: Vec<AarRow>,
    pub caar: Vec<CaarRow>,
    /// Mean pairwise correlation of estimation residuals (Kolari–Pynnönen).
    pub r_bar: f64,
}

/// Average the included events into AAR per day and CAAR per window with every test.
pub fn aggregate(params: &StudyParams, events: &[EventResult]) -> Aggregate {
    let inc: Vec<&EventResult> = events.iter().filter(|e| e.is_included()).collect();
    let resid: Vec<&[Option<f64>]> = inc.iter().map(|e| e.est_resid.as_slice()).collect();
    // r̄ and the rest are independent: the rank tests and every row but its Kolari–Pynnönen test
    // run beside r̄ (each spreads over the cores too, and each fills the other's serial parts)
    let (r_bar, (mut aar, mut caar)) = std::thread::scope(|scope| {
        let rows = scope.spawn(|| rows_but_kp(params, &inc));
        let r_bar = stats::mean_pairwise_corr(&resid);
        (r_bar, rows.join().expect("study worker panicked"))
    });
    let with_kp = |n: usize, tests: &mut Tests| {
        tests.kp = tests.bmp.and_then(|b| stats::kolari_pynnonen(b, n, r_bar));
    };
    for row in &mut aar {
        with_kp(row.n, &mut row.tests);
    }
    for row in &mut caar {
        with_kp(row.n, &mut row.tests);
    }
    Aggregate { aar, caar, r_bar }
}

/// The AAR and CAAR rows with every test but Kolari–Pynnönen's (it needs r̄; `kp` is None).
fn rows_but_kp(params: &StudyParams, inc: &[&EventResult]) -> (Vec<AarRow>, Vec<CaarRow>) {
    let (day_k, window_k) = rank_k(params, inc);
    let span = params.span();
    let est_len = params.estimation.len();
    let mut aar = Vec::new();
    for tau in span.start..=span.end {
        let with: Vec<&&EventResult> = inc.iter().filter(|e| e.ar_at(tau).is_some()).collect();
        let ars: Vec<f64> = with.iter().filter_map(|e| e.ar_at(tau)).collect();
        let sars: Vec<f64> = with.iter().filter_map(|e| e.sar_at(tau)).collect();
        let n = ars.len();
        let positive = ars.iter().filter(|a| **a > 0.0).count();
        let p_hat = if n > 0 {
            with.iter().map(|e| e.pos_share).sum::<f64>() / n as f64
        } else {
            0.0
        };
        let bmp = stats::bmp(&sars);
        let tests = Tests {
            t: stats::cross_sectional_t(&ars),
            patell: stats::patell_day(
                &with
                    .iter()
                    .filter_map(|e| e.sar_at(tau).map(|s| (s, e.q())))
                    .collect::<Vec<_>>(),
            ),
            bmp,
            kp: None,
            rank: day_k.as_ref().and_then(|(k, s_u)| {
                stats::corrado_z(k, *s_u, &[est_len + (tau - span.start) as usize])
            }),
            sign: stats::sign_test(positive, n),
            gsign: stats::generalized_sign(positive, n, p_hat),
        };
        aar.push(AarRow {
            tau,
            n,
            aar: stats::mean(&ars),
            tests,
        });
    }

    let mut caar = Vec::new();
    for (wi, w) in params.windows.iter().enumerate() {
        let with: Vec<(&EventResult, &WindowResult)> = inc
            .iter()
            .filter_map(|e| e.windows.get(wi).and_then(|r| r.as_ref()).map(|r| (*e, r)))
            .collect();
        let cars: Vec<f64> = with.iter().map(|(_, r)| r.car).collect();
        let scars: Vec<f64> = with.iter().map(|(_, r)| r.scar).collect();
        let n = cars.len();
        let positive = cars.iter().filter(|c| **c > 0.0).count();
        let p_hat = if n > 0 {
            with.iter().map(|(e, _)| e.pos_share).sum::<f64>() / n as f64
        } else {
            0.0
        };
        let test_days: Vec<usize> = (0..w.len()).map(|d| est_len + d).collect();
        let bmp = stats::bmp(&scars);
        let tests = Tests {
            t: stats::cross_sectional_t(&cars),
            patell: stats::patell_window(
                &with
                    .iter()
                    .map(|(e, r)| (r.csar, r.l, e.q()))
                    .collect::<Vec<_>>(),
            ),
            bmp,
            kp: None,
            rank: window_k[wi]
                .as_ref()
                .and_then(|(k, s_u)| stats::corrado_z(k, *s_u, &test_days)),
            sign: stats::sign_test(positive, n),
            gsign: stats::generalized_sign(positive, n, p_hat),
        };
        caar.push(CaarRow {
            window: *w,
            n,
            caar: stats::mean(&cars),
            tests,
        });
    }
    (aar, caar)
}

/// The Corrado–Zivney K_t and S_U of each rank test's D: the days' D first, then each window's.
type RankK = Option<(Vec<Option<f64>>, f64)>;

fn rank_k(params: &StudyParams, inc: &[&EventResult]) -> (RankK, Vec<RankK>) {
    let span = params.span();
    // Corrado per day: D = estimation window ∪ the whole event span (every included event); per
    // window: D = estimation window ∪ W (the events with a result for W). One sort per event.
    let est_len = params.estimation.len();
    let span_len = (span.end - span.start + 1) as usize;
    let series: Vec<[&[Option<f64>]; 2]> = inc
        .iter()
        .map(|e| [e.est_resid.as_slice(), e.ar.as_slice()])
        .collect();
    let all_days = vec![true; est_len + span_len];
    let all_events = vec![true; inc.len()];
    let window_sets: Vec<(Vec<bool>, Vec<bool>)> = params
        .windows
        .iter()
        .enumerate()
        .map(|(wi, w)| {
            let days = (0..est_len + span_len)
                .map(|d| {
                    d < est_len || {
                        let tau = span.start + (d - est_len) as i32;
                        w.start <= tau && tau <= w.end
                    }
                })
                .collect();
            let events = inc
                .iter()
                .map(|e| e.windows.get(wi).is_some_and(|r| r.is_some()))
                .collect();
            (days, events)
        })
        .collect();
    let mut sets = vec![stats::RankSet {
        days: &all_days,
        events: &all_events,
    }];
    sets.extend(
        window_sets
            .iter()
            .map(|(days, events)| stats::RankSet { days, events }),
    );
    let mut ranks = stats::corrado_k_sets(&series, &sets).into_iter();
    let day_k = ranks.next().flatten();
    (day_k, ranks.collect())
}

/// One point of the average cumulative abnormal return path across event time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathPoint {
    pub tau: i32,
    pub n: usize,
    /// Mean over events of CAR_i(span start, τ).
    pub caar: f64,
    /// Its standard error: sd of the CAR_i(span start, τ) / √N.
    pub se: f64,
    /// The 95% interval caar ± t(0.975; N − 1) · se (NaN below two events).
    pub lo: f64,
    pub hi: f64,
}

/// CAAR from the first day of the event span to each τ, with a cross-sectional standard error (for
/// the plot's 95% band, from t(N − 1)). Days on which an event has no AR add nothing to its CAR.
pub fn caar_path(params: &StudyParams, events: &[EventResult]) -> Vec<PathPoint> {
    let inc: Vec<&EventResult> = events.iter().filter(|e| e.is_included()).collect();
    let span = params.span();
    let mut cum = vec![0.0; inc.len()];
    let mut out = Vec::new();
    for tau in span.start..=span.end {
        for (c, e) in cum.iter_mut().zip(&inc) {
            *c += e.ar_at(tau).unwrap_or(0.0);
        }
        let n = cum.len();
        let Some(caar) = stats::mean(&cum) else {
            continue;
        };
        let se = if n > 1 {
            stats::sd(&cum) / (n as f64).sqrt()
        } else {
            f64::NAN
        };
        let crit = stats::t_quantile(0.975, n as f64 - 1.0);
        out.push(PathPoint {
            tau,
            n,
            caar,
            se,
            lo: caar - crit * se,
            hi: caar + crit * se,
        });
    }
    out
}

/// Other events on the same day 0 (clustering) and same-ticker events whose day 0 falls in this
/// event's estimation window or event span (contamination), as indexes into `events`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Diagnostics {
    pub same_day: Vec<usize>,
    pub contaminating: Vec<usize>,
}

pub fn diagnostics(params: &StudyParams, events: &[(String, Option<usize>)]) -> Vec<Diagnostics> {
    let span = params.span();
    events
        .iter()
        .enumerate()
        .map(|(i, (ticker, d0))| {
            let mut d = Diagnostics::default();
            let Some(d0) = *d0 else { return d };
            for (j, (t2, e0)) in events.iter().enumerate() {
                let Some(e0) = *e0 else { continue };
                if i == j {
                    continue;
                }
                if e0 == d0 {
                    d.same_day.push(j);
                }
                let rel = e0 as i64 - d0 as i64;
                let in_est =
                    rel >= params.estimation.start as i64 && rel <= params.estimation.end as i64;
                let in_span = rel >= span.start as i64 && rel <= span.end as i64;
                if t2 == ticker && (in_est || in_span) {
                    d.contaminating.push(j);
                }
            }
            d
        })
        .collect()
}

#[cfg(test)]
mod tests;
