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

/// The q-quantile of Student's t with `dof` degrees of freedom (NaN when dof < 1).
pub fn t_quantile(q: f64, dof: f64) -> f64 {
    match StudentsT::new(0.0, 1.0, dof) {
        Ok(d) => d.inverse_cdf(q),
        Err(_) => f64::NAN,
    }
}

fn finite(s: Stat) -> Option<Stat> {
    (s.stat.is_finite() && s.p.is_finite()).then_some(s)
}

/// The arithmetic mean; None for no values. The one mean of the code base.
pub fn mean(x: &[f64]) -> Option<f64> {
    (!x.is_empty()).then(|| x.iter().sum::<f64>() / x.len() as f64)
}

/// Sample standard deviation (N − 1).
pub fn sd(x: &[f64]) -> f64 {
    let m = mean(x).unwrap_or(f64::NAN);
    (x.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (x.len() as f64 - 1.0)).sqrt()
}

/// √N · mean / sd, p from t(N − 1).
pub fn cross_sectional_t(x: &[f64]) -> Option<Stat> {
    if x.len() < 2 {
        return None;
    }
    let n = x.len() as f64;
    let t = n.sqrt() * mean(x).unwrap_or(f64::NAN) / sd(x);
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
    let z = n.sqrt() * mean(s).unwrap_or(f64::NAN) / sd(s);
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

/// r̄: mean over all pairs of the estimation-residual correlations (pairwise-complete days; pairs
/// with fewer than 30 common days count as 0). Zero for fewer than two events.
///
/// Each pair costs one dot product of zero-filled series (a product vanishes wherever either value
/// is missing, so it is the sum over common days); the other sums over common days are each
/// series' totals minus its values on the few days the other one misses.
pub fn mean_pairwise_corr(resid: &[&[Option<f64>]]) -> f64 {
    let n = resid.len();
    if n < 2 {
        return 0.0;
    }
    struct Prep {
        vals: Vec<f64>,
        missing: Vec<usize>,
        s1: f64,
        s2: f64,
    }
    let prep: Vec<Prep> = resid
        .iter()
        .map(|r| {
            let vals: Vec<f64> = r.iter().map(|v| v.unwrap_or(0.0)).collect();
            Prep {
                s1: vals.iter().sum(),
                s2: vals.iter().map(|x| x * x).sum(),
                missing: r
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| v.is_none())
                    .map(|(d, _)| d)
                    .collect(),
                vals,
            }
        })
        .collect();
    let mut sum = 0.0;
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (&prep[i], &prep[j]);
            if a.vals.len() != b.vals.len() {
                sum += pairwise_corr(resid[i], resid[j], 30).unwrap_or(0.0);
                continue;
            }
            // a's values on days b misses (and a has), and vice versa
            let (mut sa, mut saa, mut sb, mut sbb) = (a.s1, a.s2, b.s1, b.s2);
            let mut both_missing = 0usize;
            for &d in &b.missing {
                let x = a.vals[d];
                sa -= x;
                saa -= x * x;
                if resid[i][d].is_none() {
                    both_missing += 1;
                }
            }
            for &d in &a.missing {
                let y = b.vals[d];
                sb -= y;
                sbb -= y * y;
            }
            let common = a.vals.len() - (a.missing.len() + b.missing.len() - both_missing);
            if common < 30 {
                continue;
            }
            let sab = dot4(&a.vals, &b.vals);
            let nf = common as f64;
            let cov = sab - sa * sb / nf;
            let va = saa - sa * sa / nf;
            let vb = sbb - sb * sb / nf;
            if va > 0.0 && vb > 0.0 {
                sum += cov / (va * vb).sqrt();
            }
        }
    }
    sum / (n * (n - 1) / 2) as f64
}

/// Dot product with four independent accumulators (lets the compiler use SIMD lanes).
fn dot4(a: &[f64], b: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let chunks = a.len() / 4;
    for c in 0..chunks {
        for l in 0..4 {
            acc[l] += a[4 * c + l] * b[4 * c + l];
        }
    }
    let mut s = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for k in 4 * chunks..a.len() {
        s += a[k] * b[k];
    }
    s
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

/// The Corrado–Zivney day statistics K_t over D and their scale S_U. `series[i][d]` is event i's AR
/// (or estimation residual) on day d of D. `None` when no event has data.
pub fn corrado_k(series: &[Vec<Option<f64>>]) -> Option<(Vec<Option<f64>>, f64)> {
    let days = series.first()?.len();
    let mut k_num = vec![0.0; days];
    let mut n_t = vec![0usize; days];
    let mut present: Vec<(usize, f64)> = Vec::with_capacity(days);
    for s in series {
        present.clear();
        present.extend(s.iter().enumerate().filter_map(|(d, v)| v.map(|v| (d, v))));
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
    Some((k, s_u))
}

/// The rank statistic for the days `test_days` of D from `corrado_k`'s output:
/// Σ K_t / (√L · S_U) over the L tested days with data (one day: K_τ/S_U).
pub fn corrado_z(k: &[Option<f64>], s_u: f64, test_days: &[usize]) -> Option<Stat> {
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

/// The Corrado–Zivney rank statistic over D for the tested days (see `corrado_k`).
pub fn corrado(series: &[Vec<Option<f64>>], test_days: &[usize]) -> Option<Stat> {
    let (k, s_u) = corrado_k(series)?;
    corrado_z(&k, s_u, test_days)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_mean_pairwise_corr_equals_the_direct_pairwise_complete_formula() {
        // 5 series of 40 days with scattered gaps, one too sparse (< 30 common days with anyone)
        let mut series: Vec<Vec<Option<f64>>> = (0..5)
            .map(|i| {
                (0..40)
                    .map(|d| {
                        Some(
                            ((d * (i + 3) * 7919) % 101) as f64 / 50.0 - 1.0
                                + 0.3 * ((d % 5) as f64),
                        )
                    })
                    .collect()
            })
            .collect();
        series[1][3] = None;
        series[2][3] = None;
        series[2][17] = None;
        series[3][0] = None;
        for v in &mut series[4][..15] {
            *v = None;
        }
        let refs: Vec<&[Option<f64>]> = series.iter().map(|v| v.as_slice()).collect();
        let mut direct = 0.0;
        for i in 0..5 {
            for j in i + 1..5 {
                direct += pairwise_corr(refs[i], refs[j], 30).unwrap_or(0.0);
            }
        }
        direct /= 10.0;
        let fast = mean_pairwise_corr(&refs);
        assert!((fast - direct).abs() < 1e-12, "{fast} vs {direct}");
        assert!(direct != 0.0);
    }
}
