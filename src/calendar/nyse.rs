//! The NYSE trading calendar by rule, so an announcement has an event day even before any prices
//! are stored: weekends; New Year's Day, Martin Luther King Jr. Day, Washington's Birthday, Good
//! Friday, Memorial Day, Juneteenth (from 2022), Independence Day, Labor Day, Thanksgiving and
//! Christmas, with NYSE's weekend rules (Sunday → Monday; Saturday → Friday, except New Year's Day,
//! which is then not made up); and the one-off closures since 2001.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};

/// Closures for national days of mourning and emergencies.
const ONE_OFF_CLOSURES: &[&str] = &[
    "2001-09-11",
    "2001-09-12",
    "2001-09-13",
    "2001-09-14", // September 11
    "2004-06-11", // President Reagan
    "2007-01-02", // President Ford
    "2012-10-29",
    "2012-10-30", // Hurricane Sandy
    "2018-12-05", // President G. H. W. Bush
    "2025-01-09", // President Carter
];

fn nth_weekday(year: i32, month: u32, wd: Weekday, n: u32) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, wd, n as u8).expect("valid nth weekday")
}

fn last_weekday(year: i32, month: u32, wd: Weekday) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("valid date");
    let mut d = next - Duration::days(1);
    while d.weekday() != wd {
        d -= Duration::days(1);
    }
    d
}

/// Easter Sunday (Anonymous Gregorian algorithm).
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("valid Easter")
}

/// A fixed-date holiday as observed: Saturday → Friday, Sunday → Monday.
fn observed(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => d - Duration::days(1),
        Weekday::Sun => d + Duration::days(1),
        _ => d,
    }
}

/// NYSE holidays of a year.
pub fn holidays(year: i32) -> Vec<NaiveDate> {
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("valid date");
    let mut h = Vec::new();
    // New Year's Day: Sunday → Monday; Saturday → not observed (NYSE rule 7.2)
    let ny = ymd(1, 1);
    match ny.weekday() {
        Weekday::Sat => {}
        Weekday::Sun => h.push(ny + Duration::days(1)),
        _ => h.push(ny),
    }
    h.push(nth_weekday(year, 1, Weekday::Mon, 3)); // Martin Luther King Jr. Day
    h.push(nth_weekday(year, 2, Weekday::Mon, 3)); // Washington's Birthday
    h.push(easter(year) - Duration::days(2)); // Good Friday
    h.push(last_weekday(year, 5, Weekday::Mon)); // Memorial Day
    if year >= 2022 {
        h.push(observed(ymd(6, 19))); // Juneteenth
    }
    h.push(observed(ymd(7, 4)));
    h.push(nth_weekday(year, 9, Weekday::Mon, 1)); // Labor Day
    h.push(nth_weekday(year, 11, Weekday::Thu, 4)); // Thanksgiving
    h.push(observed(ymd(12, 25)));
    h.sort();
    h
}

/// Is the NYSE open (a regular or early-close session) on this date?
pub fn is_session(d: NaiveDate) -> bool {
    if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        return false;
    }
    if ONE_OFF_CLOSURES.contains(&d.format("%Y-%m-%d").to_string().as_str()) {
        return false;
    }
    !holidays(d.year()).contains(&d)
}

/// The first session on or after `d`.
pub fn session_on_or_after(mut d: NaiveDate) -> NaiveDate {
    while !is_session(d) {
        d += Duration::days(1);
    }
    d
}

/// The event day of an announcement: the session whose close follows it. Published before 16:00
/// New York time on a session day → that day; otherwise the next session. (An early-close day is
/// still treated by the 16:00 rule: the closing auction was over, but after-hours trading and the
/// next day's open price it, and the rule stays simple and documented.)
pub fn event_day(at: DateTime<Utc>) -> NaiveDate {
    let (date, after_close) = super::against_the_close(at);
    if is_session(date) && !after_close {
        date
    } else {
        session_on_or_after(date + Duration::days(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn holiday_rules_2024_to_2026() {
        let h: Vec<String> = holidays(2025).iter().map(|d| d.to_string()).collect();
        assert_eq!(
            h,
            [
                "2025-01-01",
                "2025-01-20",
                "2025-02-17",
                "2025-04-18",
                "2025-05-26",
                "2025-06-19",
                "2025-07-04",
                "2025-09-01",
                "2025-11-27",
                "2025-12-25"
            ]
        );
        // 2022: New Year's Day on a Saturday is not observed; Juneteenth (Sunday) → Monday 06-20;
        // Christmas (Sunday) → Monday 12-26
        let h: Vec<String> = holidays(2022).iter().map(|d| d.to_string()).collect();
        assert!(!h.contains(&"2021-12-31".to_string()) && !h.contains(&"2022-01-01".to_string()));
        assert!(h.contains(&"2022-06-20".to_string()));
        assert!(h.contains(&"2022-12-26".to_string()));
        // no Juneteenth before 2022
        assert!(!holidays(2021).iter().any(|d| d.month() == 6));
        // Good Friday
        assert_eq!(easter(2024), d("2024-03-31"));
        assert!(!is_session(d("2024-03-29")));
        assert_eq!(easter(2026), d("2026-04-05"));
        // 2026: Independence Day on a Saturday → Friday 07-03
        assert!(!is_session(d("2026-07-03")));
        assert!(!is_session(d("2025-01-09")), "Carter day of mourning");
        assert!(is_session(d("2025-01-08")));
    }

    #[test]
    fn event_day_follows_the_1600_rule_around_weekends_holidays_and_dst() {
        // CORZ 2024-06-03 (Mon) after the close → Tue
        assert_eq!(event_day(t("2024-06-03T20:05:00Z")), d("2024-06-04"));
        // 15:59 EDT → same day
        assert_eq!(event_day(t("2024-06-03T19:59:00Z")), d("2024-06-03"));
        // IREN 8-K on Sunday 2025-11-02 → Monday
        assert_eq!(event_day(t("2025-11-02T21:00:00Z")), d("2025-11-03"));
        // Thursday 2025-07-03 after the close → Monday 07-07 (Friday 07-04 is a holiday)
        assert_eq!(event_day(t("2025-07-03T20:30:00Z")), d("2025-07-07"));
        // Wednesday 2025-01-08 after the close → Friday 01-10 (01-09 closed)
        assert_eq!(event_day(t("2025-01-08T21:30:00Z")), d("2025-01-10"));
        // DST: Sunday 2025-03-09 clocks spring forward; Monday 15:30 EDT = 19:30 UTC → Monday
        assert_eq!(event_day(t("2025-03-10T19:30:00Z")), d("2025-03-10"));
        // ... while 20:30 UTC is 16:30 EDT → Tuesday
        assert_eq!(event_day(t("2025-03-10T20:30:00Z")), d("2025-03-11"));
        // November after DST ends: 20:30 UTC is 15:30 EST → same day
        assert_eq!(event_day(t("2025-11-04T20:30:00Z")), d("2025-11-04"));
        // Good Friday 2025-04-18 morning → Monday 04-21
        assert_eq!(event_day(t("2025-04-18T13:00:00Z")), d("2025-04-21"));
    }
}
