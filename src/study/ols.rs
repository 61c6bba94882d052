//! Ordinary least squares by the normal equations, for small designs: the 1–3 regressors of the
//! event-study models (daily returns, all of one scale: exact to rounding) and the six columns of
//! the premium's regression on deal terms, which `premium::ols_hc1` first scales to columns of
//! comparable size. A pivot that vanishes relative to the matrix's scale reports collinearity
//! instead of a meaningless fit, which is why the columns must be of comparable scale.

/// A fitted regression: coefficients (constant first), (X'X)⁻¹, residuals and SSR.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub beta: Vec<f64>,
    pub xtx_inv: Vec<Vec<f64>>,
    pub residuals: Vec<f64>,
    pub ssr: f64,
}

/// Fit y = Xβ + e. Each row of `x` has k entries (include the constant yourself).
/// Returns `None` when X'X is singular (collinear regressors, or fewer rows than columns).
pub fn fit<R: AsRef<[f64]>>(x: &[R], y: &[f64]) -> Option<Fit> {
    let k = x.first()?.as_ref().len();
    if x.len() < k || x.len() != y.len() {
        return None;
    }
    // the event-study models' one to three columns in fixed-size arrays (unrolled by the
    // compiler), any other width in vectors; the same sums in the same order either way
    let (xtx, xty) = match k {
        1 => cross_products::<1, R>(x, y),
        2 => cross_products::<2, R>(x, y),
        3 => cross_products::<3, R>(x, y),
        _ => {
            let mut xtx = vec![vec![0.0; k]; k];
            let mut xty = vec![0.0; k];
            for (row, &yi) in x.iter().zip(y) {
                let row = row.as_ref();
                for a in 0..k {
                    xty[a] += row[a] * yi;
                    for b in 0..k {
                        xtx[a][b] += row[a] * row[b];
                    }
                }
            }
            (xtx, xty)
        }
    };
    let inv = invert(xtx)?;
    let beta: Vec<f64> = (0..k)
        .map(|a| (0..k).map(|b| inv[a][b] * xty[b]).sum())
        .collect();
    let residuals: Vec<f64> = x
        .iter()
        .zip(y)
        .map(|(row, yi)| yi - dot(row.as_ref(), &beta))
        .collect();
    let ssr = residuals.iter().map(|e| e * e).sum();
    Some(Fit {
        beta,
        xtx_inv: inv,
        residuals,
        ssr,
    })
}

/// X'X and X'y for rows of exactly K values.
fn cross_products<const K: usize, R: AsRef<[f64]>>(
    x: &[R],
    y: &[f64],
) -> (Vec<Vec<f64>>, Vec<f64>) {
    let mut xtx = [[0.0f64; K]; K];
    let mut xty = [0.0f64; K];
    for (row, &yi) in x.iter().zip(y) {
        let row: &[f64; K] = row.as_ref()[..K].try_into().expect("K values");
        for a in 0..K {
            xty[a] += row[a] * yi;
            for b in 0..K {
                xtx[a][b] += row[a] * row[b];
            }
        }
    }
    (xtx.iter().map(|r| r.to_vec()).collect(), xty.to_vec())
}

pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// v'Av for a small square matrix (its rows may be longer than v: the first v.len() count).
pub fn quad_form<R: AsRef<[f64]>>(a: &[R], v: &[f64]) -> f64 {
    let mut s = 0.0;
    for (row, vi) in a.iter().zip(v) {
        for (aij, vj) in row.as_ref().iter().zip(v) {
            s += vi * aij * vj;
        }
    }
    s
}

/// Gauss–Jordan inverse with partial pivoting.
fn invert(mut a: Vec<Vec<f64>>) -> Option<Vec<Vec<f64>>> {
    let k = a.len();
    let mut inv: Vec<Vec<f64>> = (0..k)
        .map(|i| (0..k).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
        .collect();
    gauss_jordan(&mut a, &mut inv, k).then_some(inv)
}

/// The inverse of the k × k matrix in the first k rows and columns of `a` (destroyed) into `inv`
/// (the identity there on entry), by Gauss–Jordan with partial pivoting. False when a pivot
/// vanishes relative to the matrix's largest value.
fn gauss_jordan<R: AsRef<[f64]> + AsMut<[f64]>>(a: &mut [R], inv: &mut [R], k: usize) -> bool {
    let scale = a[..k]
        .iter()
        .flat_map(|r| r.as_ref()[..k].iter())
        .fold(0.0f64, |acc, v| acc.max(v.abs()));
    if scale == 0.0 {
        return false;
    }
    let at = |m: &[R], i: usize, j: usize| m[i].as_ref()[j];
    for col in 0..k {
        let Some(piv) =
            (col..k).max_by(|&i, &j| at(a, i, col).abs().total_cmp(&at(a, j, col).abs()))
        else {
            return false;
        };
        if at(a, piv, col).abs() <= 1e-12 * scale {
            return false;
        }
        a.swap(col, piv);
        inv.swap(col, piv);
        let p = at(a, col, col);
        for j in 0..k {
            a[col].as_mut()[j] /= p;
            inv[col].as_mut()[j] /= p;
        }
        for i in 0..k {
            if i != col {
                let f = at(a, i, col);
                if f != 0.0 {
                    for j in 0..k {
                        let (aj, ij) = (at(a, col, j), at(inv, col, j));
                        a[i].as_mut()[j] -= f * aj;
                        inv[i].as_mut()[j] -= f * ij;
                    }
                }
            }
        }
    }
    true
}

/// `fit` for one to three columns without a vector: the cross products are summed row by row
/// (`add_row`, in the order `fit` sums them) and `solve` gives β and (X'X)⁻¹ in the first k
/// entries, the same values to the last bit. The event study fits one per event.
pub struct Small {
    xtx: [[f64; 3]; 3],
    xty: [f64; 3],
    k: usize,
}

impl Small {
    pub fn new(k: usize) -> Small {
        assert!(
            (1..=3).contains(&k),
            "Small takes one to three columns, not {k}"
        );
        Small {
            xtx: [[0.0; 3]; 3],
            xty: [0.0; 3],
            k,
        }
    }

    /// Add one row of k values (more are ignored) and its y, for a k known only at run time
    /// (the study knows its model's k and calls `add_row_k`; the tests try every k).
    #[cfg(test)]
    pub fn add_row(&mut self, row: &[f64], y: f64) {
        // one copy of the loops per k, unrolled (k is known only at run time); the same
        // products and sums in the same order for each
        match self.k {
            3 => self.add_row_k::<3>(row[..3].try_into().expect("three values"), y),
            2 => self.add_row_k::<2>(row[..2].try_into().expect("two values"), y),
            _ => self.add_row_k::<1>(row[..1].try_into().expect("one value"), y),
        }
    }

    /// `add_row` for a row of K = k values, its loops unrolled.
    #[inline(always)]
    pub fn add_row_k<const K: usize>(&mut self, row: &[f64; K], y: f64) {
        debug_assert_eq!(K, self.k);
        for a in 0..K {
            self.xty[a] += row[a] * y;
            for b in 0..K {
                self.xtx[a][b] += row[a] * row[b];
            }
        }
    }

    /// β and (X'X)⁻¹; None when X'X is singular.
    pub fn solve(mut self) -> Option<([f64; 3], [[f64; 3]; 3])> {
        let k = self.k;
        let mut inv = [[0.0; 3]; 3];
        for (i, row) in inv.iter_mut().enumerate().take(k) {
            row[i] = 1.0;
        }
        if !gauss_jordan(&mut self.xtx, &mut inv, k) {
            return None;
        }
        let mut beta = [0.0; 3];
        for (a, b) in beta.iter_mut().enumerate().take(k) {
            *b = (0..k).map(|c| inv[a][c] * self.xty[c]).sum();
        }
        Some((beta, inv))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_regression_matches_closed_form() {
        // y = 1 + 2x exactly, plus known residuals
        let xs = [0.0, 1.0, 2.0, 3.0];
        let e = [0.1, -0.1, -0.1, 0.1];
        let x: Vec<Vec<f64>> = xs.iter().map(|&v| vec![1.0, v]).collect();
        let y: Vec<f64> = xs.iter().zip(e).map(|(v, e)| 1.0 + 2.0 * v + e).collect();
        let f = fit(&x, &y).unwrap();
        // closed form: slope = Sxy/Sxx; the residual pattern is orthogonal to x and 1
        assert!((f.beta[0] - 1.0).abs() < 1e-12);
        assert!((f.beta[1] - 2.0).abs() < 1e-12);
        assert!((f.ssr - 0.04).abs() < 1e-12);
        // (X'X)^-1 for x = 0..3: [[7/10, -3/10], [-3/10, 1/5]]
        assert!((f.xtx_inv[0][0] - 0.7).abs() < 1e-12);
        assert!((f.xtx_inv[0][1] + 0.3).abs() < 1e-12);
        assert!((f.xtx_inv[1][1] - 0.2).abs() < 1e-12);
    }

    #[test]
    fn collinear_regressors_are_refused() {
        let x = vec![vec![1.0, 2.0], vec![1.0, 2.0], vec![1.0, 2.0]];
        assert!(fit(&x, &[1.0, 2.0, 3.0]).is_none());
    }

    #[test]
    fn the_small_fit_gives_the_general_fit_to_the_last_bit() {
        // 40 rows of a constant, a market-like and a factor-like column, y with noise
        let row = |i: usize| {
            let t = i as f64;
            [1.0, (t * 0.37).sin() * 0.01, (t * 0.91).cos() * 0.03]
        };
        let y: Vec<f64> = (0..40)
            .map(|i| {
                let r = row(i);
                0.0004 + 0.9 * r[1] + 0.25 * r[2] + ((i * 7919) % 13) as f64 * 1e-4
            })
            .collect();
        for k in 1..=3 {
            let x: Vec<Vec<f64>> = (0..40).map(|i| row(i)[..k].to_vec()).collect();
            let general = fit(&x, &y).unwrap();
            let mut small = Small::new(k);
            for (i, yi) in y.iter().enumerate() {
                small.add_row(&row(i), *yi);
            }
            let (beta, inv) = small.solve().unwrap();
            assert_eq!(beta[..k], general.beta[..], "k = {k}");
            for (a, want) in general.xtx_inv.iter().enumerate() {
                assert_eq!(inv[a][..k], want[..], "k = {k}");
            }
        }
        // a column repeated is singular for both
        let mut small = Small::new(2);
        for yi in &y {
            small.add_row(&[1.0, 1.0], *yi);
        }
        assert!(small.solve().is_none());
    }
}
