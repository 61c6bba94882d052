//! The trading calendar, in one place: the NYSE's sessions by rule (`nyse`: an announcement has an
//! event day before any price is stored), the sessions of the stored market benchmark (`sessions`:
//! the study's calendar), and the 16:00 New York rule that both apply.

pub mod nyse;
pub mod sessions;

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::America::New_York;

pub use nyse::{event_day, is_session, session_on_or_after};
pub use sessions::Calendar;

/// The regular session's close, New York time.
pub const CLOSE: NaiveTime = match NaiveTime::from_hms_opt(16, 0, 0) {
    Some(t) => t,
    None => panic!("16:00 is a time"),
};

/// The 16:00 New York rule's reading of a moment: its New York date, and whether it is at or after
/// that day's close. An announcement before the close is priced by that day's session (when it is
/// one); at or after it, by the next session. (An early-close day is still read at 16:00: the
/// closing auction was over, but after-hours trading and the next day's open price it, and the
/// rule stays simple and documented.)
pub fn against_the_close(at: DateTime<Utc>) -> (NaiveDate, bool) {
    let ny = at.with_timezone(&New_York);
    (ny.date_naive(), ny.time() >= CLOSE)
}

/// Compare the rule-based calendar with the benchmark's stored sessions over the range they cover:
/// each disagreement as "YYYY-MM-DD: rules say closed, prices say open" (or the reverse).
pub fn disagreements(price_dates: &[String]) -> Vec<String> {
    let dates: Vec<NaiveDate> = price_dates
        .iter()
        .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .collect();
    let (Some(first), Some(last)) = (dates.first().copied(), dates.last().copied()) else {
        return vec![];
    };
    let have: HashSet<NaiveDate> = dates.iter().copied().collect();
    let mut out = Vec::new();
    let mut d = first;
    while d <= last {
        let rule = is_session(d);
        let priced = have.contains(&d);
        if rule && !priced {
            out.push(format!(
                "{d}: the NYSE rules say open, the benchmark has no price"
            ));
        } else if !rule && priced {
            out.push(format!(
                "{d}: the NYSE rules say closed, the benchmark has a price"
            ));
        }
        d = d.succ_opt().expect("date in range");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_check_reports_both_directions() {
        // 2025-01-08 (Wed) priced; 01-09 closed but priced; 01-10 open but missing
        let dates = vec![
            "2025-01-08".to_string(),
            "2025-01-09".into(),
            "2025-01-13".into(),
        ];
        assert_eq!(
            disagreements(&dates),
            vec![
                "2025-01-09: the NYSE rules say closed, the benchmark has a price".to_string(),
                "2025-01-10: the NYSE rules say open, the benchmark has no price".into(),
            ]
        );
    }
}
