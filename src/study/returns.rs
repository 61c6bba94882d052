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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn cal() -> Calendar {
        // Thu 2025-07-03 (early close, still a session), Fri 07-04 holiday, Mon 07-07, Tue 07-08
        Calendar::new(vec![
            d("2025-07-08"),
            d("2025-07-03"),
            d("2025-07-07"),
            d("2025-07-02"),
        ])
    }

    #[test]
    fn bitcoin_is_reindexed_and_gaps_are_never_bridged() {
        let c = cal();
        // BTC trades every day: Monday's return runs from Thursday's close (Fri is a holiday)
        let btc = vec![
            (d("2025-07-02"), 100.0),
            (d("2025-07-03"), 110.0),
            (d("2025-07-04"), 130.0),
            (d("2025-07-05"), 90.0),
            (d("2025-07-06"), 120.0),
            (d("2025-07-07"), 121.0),
            (d("2025-07-08"), 99.0),
        ];
        let r = returns(&c.align(&btc), false);
        assert_eq!(r[0], None);
        assert!((r[1].unwrap() - 0.1).abs() < 1e-15);
        assert!((r[2].unwrap() - (121.0 / 110.0 - 1.0)).abs() < 1e-15);
        // a stock with no bar on Monday: Monday's and Tuesday's returns are both missing
        let stock = vec![
            (d("2025-07-02"), 10.0),
            (d("2025-07-03"), 11.0),
            (d("2025-07-08"), 12.0),
        ];
        assert_eq!(
            returns(&c.align(&stock), false),
            vec![None, Some(0.10000000000000009), None, None]
        );
        let lr = returns(&c.align(&stock), true);
        assert!((lr[1].unwrap() - (1.1f64).ln()).abs() < 1e-15);
    }
}
