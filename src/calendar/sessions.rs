//! The study's calendar: the sessions on which the market benchmark has a bar. Every series,
//! bitcoin included, is re-indexed onto it before returns are taken (see `study::returns`), so a
//! stock's Monday return and bitcoin's Monday return span the same Friday-close-to-Monday-close
//! interval.

use chrono::{DateTime, NaiveDate, Utc};

/// Sorted, distinct session dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    pub dates: Vec<NaiveDate>,
}

impl Calendar {
    pub fn new(mut dates: Vec<NaiveDate>) -> Calendar {
        dates.sort();
        dates.dedup();
        Calendar { dates }
    }

    pub fn len(&self) -> usize {
        self.dates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }

    /// Index of the first session on or after `date`.
    pub fn on_or_after(&self, date: NaiveDate) -> Option<usize> {
        let i = self.dates.partition_point(|d| *d < date);
        (i < self.dates.len()).then_some(i)
    }

    /// Day 0 of an event: with a timestamp, the session whose close follows it (published before
    /// 16:00 New York time on a session day → that day, otherwise the next session); with a date
    /// only, the first session on or after it.
    pub fn day0(&self, date: NaiveDate, time: Option<DateTime<Utc>>) -> Option<usize> {
        match time {
            None => self.on_or_after(date),
            Some(t) => {
                let (local_date, after_close) = super::against_the_close(t);
                let i = self.on_or_after(local_date)?;
                if self.dates[i] == local_date && after_close {
                    (i + 1 < self.dates.len()).then_some(i + 1)
                } else {
                    Some(i)
                }
            }
        }
    }

    /// A series' prices on each session (None where it has no bar that day).
    pub fn align(&self, series: &[(NaiveDate, f64)]) -> Vec<Option<f64>> {
        let mut out = vec![None; self.dates.len()];
        let mut j = 0;
        let mut sorted: Vec<&(NaiveDate, f64)> = series.iter().collect();
        sorted.sort_by_key(|(d, _)| *d);
        for (i, d) in self.dates.iter().enumerate() {
            while j < sorted.len() && sorted[j].0 < *d {
                j += 1;
            }
            if j < sorted.len() && sorted[j].0 == *d {
                out[i] = Some(sorted[j].1);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn day0_for_dates_on_weekends_and_holidays_is_the_next_session() {
        let c = cal();
        assert_eq!(c.day0(d("2025-07-04"), None), Some(2)); // holiday → Mon
        assert_eq!(c.day0(d("2025-07-05"), None), Some(2)); // Saturday → Mon
        assert_eq!(c.day0(d("2025-07-03"), None), Some(1));
        assert_eq!(c.day0(d("2025-07-09"), None), None); // after the data
    }

    #[test]
    fn day0_with_a_timestamp_follows_the_1600_new_york_rule_across_dst() {
        let c = cal();
        let t = |s: &str| Some(DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc));
        // 15:59:59 EDT on Thu 07-03 → Thu
        assert_eq!(c.day0(d("2025-07-03"), t("2025-07-03T19:59:59Z")), Some(1));
        // 16:00:00 EDT → next session, Mon (Fri is a holiday)
        assert_eq!(c.day0(d("2025-07-03"), t("2025-07-03T20:00:00Z")), Some(2));
        // Monday 07:00 EDT pre-market → Monday
        assert_eq!(c.day0(d("2025-07-07"), t("2025-07-07T11:00:00Z")), Some(2));
        // Sunday evening → Monday
        assert_eq!(c.day0(d("2025-07-06"), t("2025-07-06T22:00:00Z")), Some(2));
        // In winter (EST, UTC−5): 20:30 UTC is 15:30 New York → same day
        let w = Calendar::new(vec![d("2025-12-17"), d("2025-12-18")]);
        assert_eq!(w.day0(d("2025-12-17"), t("2025-12-17T20:30:00Z")), Some(0));
        assert_eq!(w.day0(d("2025-12-17"), t("2025-12-17T21:00:00Z")), Some(1));
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
        let r = crate::study::returns(&c.align(&btc), false);
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
            crate::study::returns(&c.align(&stock), false),
            vec![None, Some(0.10000000000000009), None, None]
        );
        let lr = crate::study::returns(&c.align(&stock), true);
        assert!((lr[1].unwrap() - (1.1f64).ln()).abs() < 1e-15);
    }
}
