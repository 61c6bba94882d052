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

/// v'Av for a small square matrix.
pub fn quad_form(a: &[Vec<f64>], v: &[f64]) -> f64 {
    let mut s = 0.0;
    for (i, row) in a.iter().enumerate() {
        for (j, aij) in row.iter().enumerate() {
            s += v[i] * aij * v[j];
        }
    }
    s
}

/// Gauss–Jordan inverse with partial pivoting.
fn invert(mut a: Vec<Vec<f64>>) -> Option<Vec<Vec<f64>>> {
    let k = a.len();
    let scale = a.iter().flatten().fold(0.0f64, |acc, v| acc.max(v.abs()));
    if scale == 0.0 {
        return None;
    }
    let mut inv: Vec<Vec<f64>> = (0..k)
        .map(|i| (0..k).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
        .collect();
    for col in 0..k {
        let piv = (col..k).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[piv][col].abs() <= 1e-12 * scale {
            return None;
        }
        a.swap(col, piv);
        inv.swap(col, piv);
        let p = a[col][col];
        for j in 0..k {
            a[col][j] /= p;
            inv[col][j] /= p;
        }
        for i in 0..k {
            if i != col {
                let f = a[i][col];
                if f != 0.0 {
                    for j in 0..k {
                        a[i][j] -= f * a[col][j];
                        inv[i][j] -= f * inv[col][j];
                    }
                }
            }
        }
    }
    Some(inv)
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
}
