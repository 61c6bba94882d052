//! One event: estimation, abnormal returns, and per-window CAR, Var(CAR), SCAR, BHAR.
//!
//! Conventions (Campbell, Lo & MacKinlay 1997, ch. 4; MacKinlay 1997):
//! - the model is fitted by OLS on the complete cases of the estimation window; M = their count;
//!   k = parameters including the constant (factor 3, market 2, mean 1; market-adjusted k = 1);
//! - σ² = SSR/(M − k) (market-adjusted: the sample variance of the estimation-window ARs, M − 1);
//! - AR_t = R_t − x_t'β, with forecast-error variance Var(AR_t) = σ²(1 + x_t'(X'X)⁻¹x_t) and
//!   SAR_t = AR_t/√Var(AR_t) (market-adjusted: Var(AR_t) = σ², no leverage term);
//! - for a window [a, b]: CAR = Σ AR_t over the days with an AR (L of them: missing days are
//!   skipped, never filled), Var(CAR) = σ²(L + s'(X'X)⁻¹s) with s the sum of those days' regressor
//!   rows, SCAR = CAR/√Var(CAR), CSAR = Σ SAR_t, BHAR = Π(1 + R_t) − Π(1 + E[R_t]) (with log
//!   returns the gross returns are e^r).

use serde::Serialize;

use super::ols;
use super::{Model, StudyParams, Window};

/// Why an event is not in the averages.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Included,
    Excluded(String),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WindowResult {
    pub window: Window,
    pub car: f64,
    pub var_car: f64,
    pub scar: f64,
    pub bhar: f64,
    /// Days of the window with an abnormal return.
    pub l: usize,
    /// Σ SAR_t over the window (for the Patell test).
    #[serde(skip)]
    pub csar: f64,
}

/// Everything the cross-section needs from one event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventResult {
    pub status: Status,
    pub alpha: Option<f64>,
    pub betas: Vec<f64>,
    pub sigma: Option<f64>,
    pub m: usize,
    pub k: usize,
    /// Relative day of `ar[0]` (the first day of the event span).
    #[serde(skip)]
    pub span_start: i32,
    #[serde(skip)]
    pub ar: Vec<Option<f64>>,
    #[serde(skip)]
    pub sar: Vec<Option<f64>>,
    /// Actual and expected returns over the span (for exports).
    #[serde(skip)]
    pub ret: Vec<Option<f64>>,
    #[serde(skip)]
    pub expected: Vec<Option<f64>>,
    /// Estimation-window residuals by relative day from `params.estimation.start`.
    #[serde(skip)]
    pub est_resid: Vec<Option<f64>>,
    /// Share of positive estimation residuals (generalized sign test).
    #[serde(skip)]
    pub pos_share: f64,
    pub windows: Vec<Option<WindowResult>>,
}

impl EventResult {
    /// An event left out of the averages, with the reason.
    pub fn excluded(why: String, k: usize) -> EventResult {
        EventResult {
            status: Status::Excluded(why),
            alpha: None,
            betas: vec![],
            sigma: None,
            m: 0,
            k,
            span_start: 0,
            ar: vec![],
            sar: vec![],
            ret: vec![],
            expected: vec![],
            est_resid: vec![],
            pos_share: 0.0,
            windows: vec![],
        }
    }

    pub fn is_included(&self) -> bool {
        self.status == Status::Included
    }

    /// AR at relative day τ.
    pub fn ar_at(&self, tau: i32) -> Option<f64> {
        let i = usize::try_from(tau - self.span_start).ok()?;
        self.ar.get(i).copied().flatten()
    }

    pub fn sar_at(&self, tau: i32) -> Option<f64> {
        let i = usize::try_from(tau - self.span_start).ok()?;
        self.sar.get(i).copied().flatten()
    }

    /// Q_i = (M − k)/(M − k − 2), the variance of a t-distributed SAR (Patell 1976).
    pub fn q(&self) -> f64 {
        let dof = self.m as f64 - self.k as f64;
        dof / (dof - 2.0)
    }
}

/// The market data of one study, aligned on the calendar: returns of the benchmark and, for the
/// factor model, of the factor (bitcoin).
pub struct Regressors<'a> {
    pub market: &'a [Option<f64>],
    pub factor: Option<&'a [Option<f64>]>,
}

/// Each model's regressor row at session t, or None if a regressor is missing: the constant
/// first (the market-adjusted model has none: its one value is the market's return).
impl Regressors<'_> {
    #[inline(always)]
    fn mean(&self, _t: usize) -> Option<[f64; 1]> {
        Some([1.0])
    }

    #[inline(always)]
    fn market(&self, t: usize) -> Option<[f64; 2]> {
        Some([1.0, self.market[t]?])
    }

    #[inline(always)]
    fn factor(&self, t: usize) -> Option<[f64; 3]> {
        Some([1.0, self.market[t]?, self.factor?[t]?])
    }

    #[inline(always)]
    fn market_only(&self, t: usize) -> Option<[f64; 1]> {
        Some([self.market[t]?])
    }
}

/// Events run at once on every core from this many on (below it a thread costs more than it
/// saves), in chunks of `EVENT_CHUNK` taken by whichever core is free.
const PARALLEL_EVENTS: usize = 256;
const EVENT_CHUNK: usize = 64;

/// Run many events (each its stock's returns and its day-0 index), results in the same order.
/// Each event is computed alone, so the results do not depend on the number of threads.
pub fn run_events(
    params: &StudyParams,
    reg: &Regressors<'_>,
    events: &[(&[Option<f64>], usize)],
) -> Vec<EventResult> {
    let one = |&(ret, d0): &(&[Option<f64>], usize)| run_event(params, reg, ret, d0);
    if events.len() < PARALLEL_EVENTS {
        return events.iter().map(one).collect();
    }
    let chunks: Vec<_> = events.chunks(EVENT_CHUNK).collect();
    super::par::map(chunks.len(), |c| {
        chunks[c].iter().map(one).collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// Run one event. `ret` are the stock's returns on the calendar, `day0` its event day's index.
pub fn run_event(
    params: &StudyParams,
    reg: &Regressors<'_>,
    ret: &[Option<f64>],
    day0: usize,
) -> EventResult {
    // one copy of the event's code per model, with its rows as arrays of their own length (the
    // loops over a row unrolled, no branch on the model per day)
    match params.model {
        Model::Factor => event_k(params, |t| reg.factor(t), true, ret, day0),
        Model::Market => event_k(params, |t| reg.market(t), true, ret, day0),
        Model::Mean => event_k(params, |t| reg.mean(t), true, ret, day0),
        Model::MarketAdjusted => event_k(params, |t| reg.market_only(t), false, ret, day0),
    }
}

/// One event of a model with `K` regressor values per row (`row(t)` at session t, None when
/// one is missing); `fit`: estimated by OLS (otherwise the expected return is the row's one
/// value, the market's).
#[inline(always)]
fn event_k<const K: usize>(
    params: &StudyParams,
    row: impl Fn(usize) -> Option<[f64; K]>,
    fit: bool,
    ret: &[Option<f64>],
    day0: usize,
) -> EventResult {
    // (k = K but for Patell's Q, which counts the market-adjusted model's one value too)
    let k = params.model.k();
    let n = ret.len() as i64;
    let est = params.estimation;
    let span = params.span();
    let t0 = day0 as i64;
    // returns exist from index 1 on
    if t0 + (est.start as i64) < 1 {
        return EventResult::excluded(
            format!(
                "estimation window [{}, {}] starts before the first return",
                est.start, est.end
            ),
            k,
        );
    }
    if t0 + span.end as i64 > n - 1 {
        return EventResult::excluded(
            format!(
                "event window ends after the last session (needs day +{})",
                span.end
            ),
            k,
        );
    }
    let idx = |tau: i32| (t0 + tau as i64) as usize;

    // Estimation: complete cases of R and the regressors, in window order. A first pass counts
    // them and sums the OLS cross products (no copy of the rows); a second writes each residual
    // where its return was.
    let est_len = (est.end - est.start + 1) as usize;
    let mut est_resid: Vec<Option<f64>> = vec![None; est_len];
    let mut small = fit.then(|| ols::Small::new(K));
    let mut m = 0;
    for (slot, tau) in est_resid.iter_mut().zip(est.start..=est.end) {
        let t = idx(tau);
        if let (Some(r), Some(x)) = (ret[t], row(t)) {
            m += 1;
            *slot = Some(r);
            if let Some(small) = small.as_mut() {
                small.add_row_k(&x, r);
            }
        }
    }
    if m < params.min_estimation {
        return EventResult::excluded(
            format!(
                "only {m} valid returns in the estimation window (minimum {})",
                params.min_estimation
            ),
            k,
        );
    }
    // the expected return of a regressor row: β (constant first), or the market itself
    let fitted = match small.map(ols::Small::solve) {
        Some(None) => {
            return EventResult::excluded(
                "regressors are collinear in the estimation window".into(),
                k,
            );
        }
        fitted => fitted.flatten(),
    };
    let expect = |x: &[f64; K]| match &fitted {
        Some((beta, _)) => ols::dot(x, &beta[..K]),
        None => x[0],
    };
    // the residuals, with their sum of squares (from −0.0, as `Iterator::sum`) and how many
    // are positive in the same pass
    let (mut ssr, mut positive) = (-0.0f64, 0usize);
    for (slot, tau) in est_resid.iter_mut().zip(est.start..=est.end) {
        if let Some(r) = slot {
            let x = row(idx(tau)).expect("a complete case has its regressors");
            *r -= expect(&x);
            ssr += *r * *r;
            positive += usize::from(*r > 0.0);
        }
    }
    let sigma2 = match fitted {
        // σ² = SSR/(M − k)
        Some(_) => ssr / (m as f64 - k as f64),
        // market-adjusted: the sample variance of the estimation-window ARs
        None => {
            let resid = || est_resid.iter().flatten();
            let mean = resid().sum::<f64>() / m as f64;
            resid().map(|a| (a - mean).powi(2)).sum::<f64>() / (m as f64 - 1.0)
        }
    };
    if sigma2.is_nan() || sigma2 <= 0.0 || m <= k + 2 {
        return EventResult::excluded("no residual variance in the estimation window".into(), k);
    }
    let pos_share = positive as f64 / m as f64;
    let (alpha, betas) = match &fitted {
        Some((beta, _)) => (Some(beta[0]), beta[1..k].to_vec()),
        None => (None, vec![]),
    };
    let xtx_inv = fitted.map(|(_, inv)| inv);

    // Event span
    let len = (span.end - span.start + 1) as usize;
    let mut ar = vec![None; len];
    let mut sar = vec![None; len];
    let mut expected = vec![None; len];
    let mut actual = vec![None; len];
    let mut rows: Vec<Option<[f64; K]>> = vec![None; len];
    for (i, tau) in (span.start..=span.end).enumerate() {
        let t = idx(tau);
        actual[i] = ret[t];
        let Some(x) = row(t) else { continue };
        let e = expect(&x);
        expected[i] = Some(e);
        if let Some(r) = ret[t] {
            let a = r - e;
            let var = match &xtx_inv {
                Some(inv) => sigma2 * (1.0 + ols::quad_form(&inv[..K], &x)),
                None => sigma2,
            };
            ar[i] = Some(a);
            sar[i] = Some(a / var.sqrt());
            rows[i] = Some(x);
        }
    }
    // a period's gross return: 1 + R for simple returns, e^r for log returns
    let growth = |r: f64| if params.log_returns { r.exp() } else { 1.0 + r };
    let windows = params
        .windows
        .iter()
        .map(|w| {
            let mut car = 0.0;
            let mut csar = 0.0;
            let mut l = 0usize;
            // Σ of the regressor rows
            let mut s = [0.0; K];
            let mut gross_r = 1.0;
            let mut gross_e = 1.0;
            for tau in w.start..=w.end {
                let i = (tau - span.start) as usize;
                if let (Some(a), Some(x)) = (ar[i], &rows[i]) {
                    car += a;
                    csar += sar[i].unwrap_or(0.0);
                    l += 1;
                    for (sj, xj) in s.iter_mut().zip(x) {
                        *sj += xj;
                    }
                    gross_r *= growth(actual[i].unwrap_or(0.0));
                    gross_e *= growth(expected[i].unwrap_or(0.0));
                }
            }
            if l == 0 {
                return None;
            }
            let var_car = match &xtx_inv {
                Some(inv) => sigma2 * (l as f64 + ols::quad_form(&inv[..K], &s)),
                None => sigma2 * l as f64,
            };
            Some(WindowResult {
                window: *w,
                car,
                var_car,
                scar: car / var_car.sqrt(),
                bhar: gross_r - gross_e,
                l,
                csar,
            })
        })
        .collect();
    EventResult {
        status: Status::Included,
        alpha,
        betas,
        sigma: Some(sigma2.sqrt()),
        m,
        k,
        span_start: span.start,
        ar,
        sar,
        ret: actual,
        expected,
        est_resid,
        pos_share,
        windows,
    }
}
