//! Statistics of the AI-premium report: the Welch t-test and a bootstrap interval for the difference
//! between two groups' mean CARs, OLS with heteroskedasticity-robust (HC1) standard errors, and
//! rolling betas.

use crate::study::ols;
use crate::study::stats::{mean, t_p};

/// Welch's unequal-variance t-test of mean(a) − mean(b).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Welch {
    pub diff: f64,
    pub t: f64,
    /// Welch–Satterthwaite degrees of freedom.
    pub df: f64,
    pub p: f64,
}

/// t = (ā − b̄)/√(s²_a/n_a + s²_b/n_b), df = (s²_a/n_a + s²_b/n_b)² / ((s²_a/n_a)²/(n_a−1) + (s²_b/n_b)²/(n_b−1)),
/// p two-sided from t(df). `None` with fewer than two observations in a group or no variance.
pub fn welch(a: &[f64], b: &[f64]) -> Option<Welch> {
    if a.len() < 2 || b.len() < 2 {
        return None;
    }
    let var = |x: &[f64]| {
        let m = mean(x).unwrap_or(f64::NAN);
        x.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (x.len() as f64 - 1.0)
    };
    let (va, vb) = (var(a) / a.len() as f64, var(b) / b.len() as f64);
    let se2 = va + vb;
    if se2 <= 0.0 {
        return None;
    }
    let diff = mean(a).unwrap_or(f64::NAN) - mean(b).unwrap_or(f64::NAN);
    let t = diff / se2.sqrt();
    let df = se2 * se2 / (va * va / (a.len() as f64 - 1.0) + vb * vb / (b.len() as f64 - 1.0));
    Some(Welch {
        diff,
        t,
        df,
        p: t_p(t, df),
    })
}

/// SplitMix64: small, seeded, and the same on every platform (the interval must be reproducible).
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform index in 0..n (n > 0), by rejection so every index is equally likely.
    pub fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next_u64();
            if x < zone {
                return (x % n) as usize;
            }
        }
    }
}

/// Percentile bootstrap interval for mean(a) − mean(b): `reps` resamples of each group with
/// replacement, the (1−level)/2 and (1+level)/2 quantiles of the resampled differences (nearest
/// rank). Seeded: the same inputs and seed give the same interval.
pub fn bootstrap_diff_ci(
    a: &[f64],
    b: &[f64],
    reps: usize,
    seed: u64,
    level: f64,
) -> Option<(f64, f64)> {
    if a.is_empty() || b.is_empty() || reps == 0 {
        return None;
    }
    let mut rng = SplitMix(seed);
    let mut diffs = Vec::with_capacity(reps);
    for _ in 0..reps {
        let ma = (0..a.len()).map(|_| a[rng.below(a.len())]).sum::<f64>() / a.len() as f64;
        let mb = (0..b.len()).map(|_| b[rng.below(b.len())]).sum::<f64>() / b.len() as f64;
        diffs.push(ma - mb);
    }
    diffs.sort_by(f64::total_cmp);
    let q = |p: f64| diffs[((p * reps as f64).ceil() as usize).clamp(1, reps) - 1];
    Some((q((1.0 - level) / 2.0), q((1.0 + level) / 2.0)))
}

/// OLS with HC1 standard errors.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Regression {
    pub names: Vec<String>,
    pub coef: Vec<f64>,
    pub se: Vec<f64>,
    pub t: Vec<f64>,
    pub p: Vec<f64>,
    pub n: usize,
    pub r2: f64,
}

/// β = (X'X)⁻¹X'y; HC1 covariance = n/(n−k) · (X'X)⁻¹ (Σ e_i² x_i x_i') (X'X)⁻¹ (MacKinnon & White
/// 1985); t = β/se with p from t(n − k). Rows of `x` include the constant.
///
/// The design mixes scales (log dollars near 20, MW in the hundreds, dummies of 0 and 1), so each
/// column is first divided by its largest absolute value: the normal equations are then solved on
/// columns of comparable size, where the solver's collinearity test means what it says, and the
/// coefficients and their covariance are scaled back (β_j = β̃_j / s_j, Cov_ij = Coṽ_ij / (s_i s_j)).
/// Residuals, and so the HC1 meat, are the same either way.
pub fn ols_hc1(names: &[&str], x: &[Vec<f64>], y: &[f64]) -> Option<Regression> {
    let k = x.first()?.len();
    let n = y.len();
    if n <= k {
        return None;
    }
    let scales: Vec<f64> = (0..k)
        .map(|j| {
            let m = x.iter().fold(0.0f64, |m, r| m.max(r[j].abs()));
            if m > 0.0 { m } else { 1.0 }
        })
        .collect();
    let xs: Vec<Vec<f64>> = x
        .iter()
        .map(|r| r.iter().zip(&scales).map(|(v, s)| v / s).collect())
        .collect();
    let fit = ols::fit(&xs, y)?;
    let inv = &fit.xtx_inv;
    let mut meat = vec![vec![0.0; k]; k];
    for (row, e) in xs.iter().zip(&fit.residuals) {
        for a in 0..k {
            for b in 0..k {
                meat[a][b] += e * e * row[a] * row[b];
            }
        }
    }
    let mul = |p: &[Vec<f64>], q: &[Vec<f64>]| -> Vec<Vec<f64>> {
        (0..k)
            .map(|i| {
                (0..k)
                    .map(|j| (0..k).map(|m| p[i][m] * q[m][j]).sum())
                    .collect()
            })
            .collect()
    };
    let cov = mul(&mul(inv, &meat), inv);
    let scale = n as f64 / (n - k) as f64;
    let se: Vec<f64> = (0..k)
        .map(|i| (cov[i][i] * scale).sqrt() / scales[i])
        .collect();
    let coef: Vec<f64> = fit.beta.iter().zip(&scales).map(|(b, s)| b / s).collect();
    let t: Vec<f64> = coef.iter().zip(&se).map(|(b, s)| b / s).collect();
    let p: Vec<f64> = t.iter().map(|t| t_p(*t, (n - k) as f64)).collect();
    let ym = mean(y).unwrap_or(f64::NAN);
    let sst: f64 = y.iter().map(|v| (v - ym).powi(2)).sum();
    Some(Regression {
        names: names.iter().map(|s| s.to_string()).collect(),
        coef,
        se,
        t,
        p,
        n,
        r2: if sst > 0.0 {
            1.0 - fit.ssr / sst
        } else {
            f64::NAN
        },
    })
}

/// Beta of y on x (cov/var) over each window of `len` sessions ending at t, on complete pairs;
/// `None` where fewer than `min` complete pairs.
pub fn rolling_beta(
    y: &[Option<f64>],
    x: &[Option<f64>],
    len: usize,
    min: usize,
) -> Vec<Option<f64>> {
    (0..y.len())
        .map(|t| {
            if t + 1 < len {
                return None;
            }
            let pairs: Vec<(f64, f64)> = (t + 1 - len..=t)
                .filter_map(|i| Some((x[i]?, y[i]?)))
                .collect();
            if pairs.len() < min.max(3) {
                return None;
            }
            let mx = pairs.iter().map(|p| p.0).sum::<f64>() / pairs.len() as f64;
            let my = pairs.iter().map(|p| p.1).sum::<f64>() / pairs.len() as f64;
            let sxx: f64 = pairs.iter().map(|p| (p.0 - mx).powi(2)).sum();
            let sxy: f64 = pairs.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
            (sxx > 0.0).then(|| sxy / sxx)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const REF: &str = include_str!("../../../tests/fixtures/study/premium_reference.json");

    fn close(a: f64, b: f64, what: &str) {
        assert!(
            (a - b).abs() <= 1e-9 * b.abs().max(1e-6),
            "{what}: {a} vs {b}"
        );
    }

    fn nums(v: &Value) -> Vec<f64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect()
    }

    #[test]
    fn welch_matches_scipy() {
        let r: Value = serde_json::from_str(REF).unwrap();
        let w = &r["welch"];
        let got = welch(&nums(&w["a"]), &nums(&w["b"])).unwrap();
        close(got.diff, w["diff"].as_f64().unwrap(), "diff");
        close(got.t, w["t"].as_f64().unwrap(), "t");
        close(got.df, w["df"].as_f64().unwrap(), "df");
        close(got.p, w["p"].as_f64().unwrap(), "p");
    }

    #[test]
    fn hc1_regression_scales_columns_so_a_tiny_regressor_is_not_taken_for_collinear() {
        // x of order 1e-7: X'X has an entry of order 1e-14 next to n = 6, which the solver's
        // relative pivot test would call singular without scaling
        let xv = [1.0, 2.0, 4.0, 3.0, 6.0, 5.0].map(|v| v * 1e-7);
        let noise = [0.01, -0.02, 0.015, -0.005, 0.0, 0.002];
        let x: Vec<Vec<f64>> = xv.iter().map(|v| vec![1.0, *v]).collect();
        let y: Vec<f64> = xv
            .iter()
            .zip(&noise)
            .map(|(v, e)| 2.0 + 3e5 * v + e)
            .collect();
        let r = ols_hc1(&["const", "x"], &x, &y).expect("a fit");
        // the same fit with x in units of 1e-7 (a well-scaled design), slope scaled back
        let x1: Vec<Vec<f64>> = xv.iter().map(|v| vec![1.0, v * 1e7]).collect();
        let r1 = ols_hc1(&["const", "x"], &x1, &y).expect("a fit");
        assert!((r.coef[0] - r1.coef[0]).abs() < 1e-12);
        assert!((r.coef[1] - r1.coef[1] * 1e7).abs() < 1e-6 * r.coef[1].abs());
        assert!((r.se[1] - r1.se[1] * 1e7).abs() < 1e-6 * r.se[1]);
        assert!((r.t[1] - r1.t[1]).abs() < 1e-9);
    }

    #[test]
    fn hc1_regression_matches_statsmodels() {
        let r: Value = serde_json::from_str(REF).unwrap();
        let h = &r["hc1"];
        let cols: Vec<Vec<f64>> = ["log_value", "mw", "years", "hyperscaler", "neocloud"]
            .iter()
            .map(|c| nums(&h[*c]))
            .collect();
        let y = nums(&h["y"]);
        let x: Vec<Vec<f64>> = (0..y.len())
            .map(|i| {
                std::iter::once(1.0)
                    .chain(cols.iter().map(|c| c[i]))
                    .collect()
            })
            .collect();
        let got = ols_hc1(
            &[
                "const",
                "log_value",
                "mw",
                "years",
                "hyperscaler",
                "neocloud",
            ],
            &x,
            &y,
        )
        .unwrap();
        for (k, what) in ["coef", "se", "t", "p"].iter().enumerate() {
            let want = nums(&h[*what]);
            let have = [&got.coef, &got.se, &got.t, &got.p][k];
            for (i, (a, b)) in have.iter().zip(&want).enumerate() {
                close(*a, *b, &format!("{what}[{i}]"));
            }
        }
        close(got.r2, h["r2"].as_f64().unwrap(), "r2");
        assert_eq!(got.n, 14);
    }

    #[test]
    fn rolling_beta_matches_numpy_and_needs_enough_pairs() {
        let r: Value = serde_json::from_str(REF).unwrap();
        let ro = &r["rolling"];
        let opt = |v: &Value| -> Vec<Option<f64>> {
            v.as_array().unwrap().iter().map(|x| x.as_f64()).collect()
        };
        let got = rolling_beta(&opt(&ro["y"]), &opt(&ro["x"]), 30, 20);
        let want = opt(&ro["beta"]);
        assert_eq!(got.len(), want.len());
        for (i, (a, b)) in got.iter().zip(&want).enumerate() {
            match (a, b) {
                (Some(a), Some(b)) => close(*a, *b, &format!("beta[{i}]")),
                (None, None) => {}
                _ => panic!("beta[{i}]: {a:?} vs {b:?}"),
            }
        }
        assert_eq!(got[28], None);
        assert!(got[29].is_some());
    }

    #[test]
    fn bootstrap_is_seeded_and_degenerate_groups_give_the_exact_difference() {
        let a = [0.05; 8];
        let b = [0.01; 5];
        let (lo, hi) = bootstrap_diff_ci(&a, &b, 500, 7, 0.95).unwrap();
        close(lo, 0.04, "lo");
        close(hi, 0.04, "hi");
        let r: Value = serde_json::from_str(REF).unwrap();
        let (xa, xb) = (nums(&r["welch"]["a"]), nums(&r["welch"]["b"]));
        let one = bootstrap_diff_ci(&xa, &xb, 2000, 42, 0.95).unwrap();
        assert_eq!(
            one,
            bootstrap_diff_ci(&xa, &xb, 2000, 42, 0.95).unwrap(),
            "same seed, same interval"
        );
        assert_ne!(one, bootstrap_diff_ci(&xa, &xb, 2000, 43, 0.95).unwrap());
        // close to the normal approximation diff ± 1.96 se
        let w = welch(&xa, &xb).unwrap();
        let se = w.diff / w.t;
        assert!(
            (one.0 - (w.diff - 1.96 * se)).abs() < 0.35 * se,
            "{one:?} vs {w:?}"
        );
        assert!(
            (one.1 - (w.diff + 1.96 * se)).abs() < 0.35 * se,
            "{one:?} vs {w:?}"
        );
    }

    #[test]
    fn splitmix_below_is_in_range_and_covers_it() {
        let mut r = SplitMix(1);
        let mut seen = [false; 7];
        for _ in 0..200 {
            seen[r.below(7)] = true;
        }
        assert!(seen.iter().all(|s| *s));
    }
}
