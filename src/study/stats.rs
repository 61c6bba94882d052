//! Test statistics across events. Each is a pure function of per-event numbers; p-values are
//! two-sided, from t(N − 1) for the cross-sectional t and from N(0, 1) for the others.
//!
//! - cross-sectional t = √N · mean(X) / sd(X), sd with N − 1 (X = CAR_i per window, AR_iτ per day);
//! - Patell (1976): per day Z = Σ_i SAR_iτ / √(Σ_i Q_i); per window
//!   Z = (1/√N) · Σ_i CSAR_i / √(L_i · Q_i), with Q_i = (M_i − k)/(M_i − k − 2);
//! - BMP (Boehmer, Musumeci & Poulsen 1991): √N · mean(S) / sd(S) with S = SAR_iτ per day and
//!   S = SCAR_i = CAR_i/√Var(CAR_i) per window;
//! - Kolari & Pynnönen (2010): BMP · √((1 − r̄)/(1 + (N − 1) · r̄)), r̄ the mean pairwise correlation of
//!   the events' estimation-window residuals aligned in event time (pairwise-complete days; a pair with
//!   fewer than 30 common days counts as 0);
//! - Corrado (1989) rank test with Corrado & Zivney (1992) uniform ranks U_it = rank(AR_it)/(n_i + 1)
//!   over each event's n_i non-missing ARs in D = estimation window ∪ test days (average ranks for
//!   ties); K_t = Σ_i (U_it − ½)/√N_t; S_U = √((1/T) Σ_{t∈D} K_t²) over the T days of D with data; per
//!   window Z = Σ_{t∈W} K_t / (√L · S_U), per day Z = K_τ / S_U;
//! - sign Z = (w − N/2)/√(N/4); generalized sign (Cowan 1992) Z = (w − N·p̂)/√(N·p̂·(1 − p̂)), w the number
//!   of positive CARs (per day: ARs), p̂ the mean over events of each one's share of positive
//!   estimation-window residuals.

use serde::Serialize;
use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// A statistic and its two-sided p-value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Stat {
    pub stat: f64,
    pub p: f64,
}

pub fn normal_p(z: f64) -> f64 {
    let n = Normal::new(0.0, 1.0).expect("standard normal");
    2.0 * n.sf(z.abs())
}

pub fn t_p(t: f64, dof: f64) -> f64 {
    match StudentsT::new(0.0, 1.0, dof) {
        Ok(d) => 2.0 * d.sf(t.abs()),
        Err(_) => f64::NAN,
    }
}

fn finite(s: Stat) -> Option<Stat> {
    (s.stat.is_finite() && s.p.is_finite()).then_some(s)
}

pub fn mean(x: &[f64]) -> f64 {
    x.iter().sum::<f64>() / x.len() as f64
}

/// Sample standard deviation (N − 1).
pub fn sd(x: &[f64]) -> f64 {
    let m = mean(x);
    (x.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (x.len() as f64 - 1.0)).sqrt()
}

/// √N · mean / sd, p from t(N − 1).
pub fn cross_sectional_t(x: &[f64]) -> Option<Stat> {
    if x.len() < 2 {
        return None;
    }
    let n = x.len() as f64;
    let t = n.sqrt() * mean(x) / sd(x);
    finite(Stat {
        stat: t,
        p: t_p(t, n - 1.0),
    })
}

/// Σ SAR_i / √(Σ Q_i) over the events with a SAR that day.
pub fn patell_day(sar_q: &[(f64, f64)]) -> Option<Stat> {
    if sar_q.is_empty() {
        return None;
    }
    let z = sar_q.iter().map(|(s, _)| s).sum::<f64>()
        / sar_q.iter().map(|(_, q)| q).sum::<f64>().sqrt();
    finite(Stat {
        stat: z,
        p: normal_p(z),
    })
}

/// (1/√N) Σ CSAR_i / √(L_i Q_i).
pub fn patell_window(csar_l_q: &[(f64, usize, f64)]) -> Option<Stat> {
    if csar_l_q.is_empty() {
        return None;
    }
    let n = csar_l_q.len() as f64;
    let z = csar_l_q
        .iter()
        .map(|(c, l, q)| c / (*l as f64 * q).sqrt())
        .sum::<f64>()
        / n.sqrt();
    finite(Stat {
        stat: z,
        p: normal_p(z),
    })
}

/// √N · mean(S) / sd(S), p from N(0,1).
pub fn bmp(s: &[f64]) -> Option<Stat> {
    if s.len() < 2 {
        return None;
    }
    let n = s.len() as f64;
    let z = n.sqrt() * mean(s) / sd(s);
    finite(Stat {
        stat: z,
        p: normal_p(z),
    })
}

/// BMP adjusted for cross-correlation: BMP · √((1 − r̄)/(1 + (N − 1) r̄)).
pub fn kolari_pynnonen(bmp: Stat, n: usize, r_bar: f64) -> Option<Stat> {
    let n = n as f64;
    let factor = ((1.0 - r_bar) / (1.0 + (n - 1.0) * r_bar)).sqrt();
    let z = bmp.stat * factor;
    finite(Stat {
        stat: z,
        p: normal_p(z),
    })
}

/// Pearson correlation over the days both series have; `None` below `min_common` such days.
pub fn pairwise_corr(a: &[Option<f64>], b: &[Option<f64>], min_common: usize) -> Option<f64> {
    let (mut n, mut sa, mut sb, mut saa, mut sbb, mut sab) = (0usize, 0.0, 0.0, 0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        if let (Some(x), Some(y)) = (x, y) {
            n += 1;
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
        }
    }
    if n < min_common.max(2) {
        return None;
    }
    let nf = n as f64;
    let cov = sab - sa * sb / nf;
    let va = saa - sa * sa / nf;
    let vb = sbb - sb * sb / nf;
    if va <= 0.0 || vb <= 0.0 {
        return None;
    }
    Some(cov / (va * vb).sqrt())
}

/// r̄: mean over all pairs of the estimation-residual correlations (pairs with fewer than 30
/// common days count as 0). Zero for fewer than two events.
pub fn mean_pairwise_corr(resid: &[&[Option<f64>]]) -> f64 {
    let n = resid.len();
    if n < 2 {
        return 0.0;
    }
    let mut sum = 0.0;
    for i in 0..n {
        for j in i + 1..n {
            sum += pairwise_corr(resid[i], resid[j], 30).unwrap_or(0.0);
        }
    }
    sum / (n * (n - 1) / 2) as f64
}

/// Ranks 1..n of the values with ties averaged.
pub fn average_ranks(x: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut ranks = vec![0.0; x.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && x[idx[j + 1]] == x[idx[i]] {
            j += 1;
        }
        let r = (i + j) as f64 / 2.0 + 1.0;
        for &k in &idx[i..=j] {
            ranks[k] = r;
        }
        i = j + 1;
    }
    ranks
}

/// The Corrado–Zivney rank statistic. `series[i][d]` is event i's AR (or estimation residual) on
/// day d of D; `test_days` are the positions in D of the tested day(s). Returns the statistic for
/// the sum over `test_days` (one day: K_τ/S_U).
pub fn corrado(series: &[Vec<Option<f64>>], test_days: &[usize]) -> Option<Stat> {
    let days = series.first()?.len();
    // uniform ranks per event
    let mut k_num = vec![0.0; days];
    let mut n_t = vec![0usize; days];
    for s in series {
        let present: Vec<(usize, f64)> = s
            .iter()
            .enumerate()
            .filter_map(|(d, v)| v.map(|v| (d, v)))
            .collect();
        let ni = present.len();
        if ni == 0 {
            continue;
        }
        let ranks = average_ranks(&present.iter().map(|(_, v)| *v).collect::<Vec<_>>());
        for ((d, _), r) in present.iter().zip(ranks) {
            k_num[*d] += r / (ni as f64 + 1.0) - 0.5;
            n_t[*d] += 1;
        }
    }
    let k: Vec<Option<f64>> = (0..days)
        .map(|d| (n_t[d] > 0).then(|| k_num[d] / (n_t[d] as f64).sqrt()))
        .collect();
    let with_data: Vec<f64> = k.iter().flatten().copied().collect();
    if with_data.is_empty() {
        return None;
    }
    let s_u = (with_data.iter().map(|v| v * v).sum::<f64>() / with_data.len() as f64).sqrt();
    let tested: Vec<f64> = test_days
        .iter()
        .filter_map(|&d| k.get(d).copied().flatten())
        .collect();
    if tested.is_empty() || s_u == 0.0 {
        return None;
    }
    let z = tested.iter().sum::<f64>() / ((tested.len() as f64).sqrt() * s_u);
    finite(Stat {
        stat: z,
        p: normal_p(z),
    })
}

/// (w − N/2)/√(N/4).
pub fn sign_test(positive: usize, n: usize) -> Option<Stat> {
    if n == 0 {
        return None;
    }
    let nf = n as f64;
    let z = (positive as f64 - nf / 2.0) / (nf / 4.0).sqrt();
    finite(Stat {
        stat: z,
        p: normal_p(z),
    })
}

/// (w − N p̂)/√(N p̂ (1 − p̂)).
pub fn generalized_sign(positive: usize, n: usize, p_hat: f64) -> Option<Stat> {
    if n == 0 || p_hat <= 0.0 || p_hat >= 1.0 {
        return None;
    }
    let nf = n as f64;
    let z = (positive as f64 - nf * p_hat) / (nf * p_hat * (1.0 - p_hat)).sqrt();
    finite(Stat {
        stat: z,
        p: normal_p(z),
    })
}
