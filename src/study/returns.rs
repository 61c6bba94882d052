//! Returns on the study's calendar. A return is missing when either close is missing: a gap is
//! never bridged, since a two-day return posing as a one-day return would inflate that day's
//! abnormal return and its variance estimate.

/// Simple returns P_t/P_{t−1} − 1 (or log returns ln(P_t/P_{t−1})) on aligned prices; the first
/// session and any session where either close is missing have none.
pub fn returns(prices: &[Option<f64>], log: bool) -> Vec<Option<f64>> {
    let mut out = vec![None; prices.len()];
    for t in 1..prices.len() {
        if let (Some(p0), Some(p1)) = (prices[t - 1], prices[t]) {
            out[t] = Some(if log { (p1 / p0).ln() } else { p1 / p0 - 1.0 });
        }
    }
    out
}
