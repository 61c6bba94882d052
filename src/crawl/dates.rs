//! Dates as real feeds write them.
//!
//! Feeds are supposed to use RFC 822 (RSS) or RFC 3339 (Atom); real ones also write day names
//! spelled out or cut short ("Tues,"), no day name, one-digit days, two-digit years, no seconds,
//! zone names (EST, PDT, CET, AEST), military zone letters, no zone at all, ISO 8601 without a
//! zone or with a space for the `T` (`2025-11-03 14:05`), and asctime. A time without a zone is
//! read as UTC. A string that reads as none of these is `None`: the caller falls back to the time
//! the item was first seen, and never drops the item for it.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use regex::Regex;

/// Read a feed date in any of the forms above.
pub fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(t.with_timezone(&Utc));
    }
    iso(s).or_else(|| rfc822_like(s))
}

/// ISO 8601 / W3C-DTF: `2025-11-03`, `2025-11-03T14:05`, `2025-11-03 14:05:09.5`, `20251103T1405Z`,
/// `2025-11`, each with an optional zone `Z`, `+hh:mm`, `+hhmm` or `+hh`.
fn iso(s: &str) -> Option<DateTime<Utc>> {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?x)^
            (\d{4})-?(\d{2})(?:-?(\d{2}))?
            (?:[T\ ]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?
            \s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$",
        )
        .expect("static regex")
    });
    let c = re.captures(s)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let date = NaiveDate::from_ymd_opt(num(1)? as i32, num(2)?, num(3).unwrap_or(1))?;
    let time = NaiveTime::from_hms_opt(
        num(4).unwrap_or(0),
        num(5).unwrap_or(0),
        num(6).unwrap_or(0),
    )?;
    let offset = match c.get(7).map(|m| m.as_str()) {
        None | Some("Z" | "UTC" | "GMT") => 0,
        Some(z) => numeric_offset(z)?,
    };
    at_offset(date.and_time(time), offset)
}

/// RFC 822 and its real-world relatives, read token by token: an optional day name, the day and
/// month in either order, the year (two digits mean 19xx from 50 up, else 20xx), a time with or
/// without seconds, and a zone (numeric, named or a military letter; none is UTC). asctime
/// (`Sun Jan  4 16:29:06 2004`) reads the same way.
fn rfc822_like(s: &str) -> Option<DateTime<Utc>> {
    let cleaned = s.replace(',', " ");
    let mut day = None;
    let mut month = None;
    let mut year = None;
    let mut time = None;
    let mut offset = None;
    for tok in cleaned.split_whitespace() {
        let tok = tok.trim_matches(|c: char| c == '.' || c == '(' || c == ')');
        if tok.is_empty() {
            continue;
        }
        if tok.contains(':') && time.is_none() && !tok.starts_with(['+', '-']) {
            time = Some(clock(tok)?);
            continue;
        }
        if month.is_none()
            && let Some(m) = month_number(tok)
        {
            month = Some(m);
            continue;
        }
        if is_day_name(tok) {
            continue;
        }
        if tok.starts_with(['+', '-']) && tok.len() > 1 {
            offset = Some(numeric_offset(tok)?);
            continue;
        }
        if let Ok(n) = tok.parse::<u32>() {
            if day.is_none() && (1..=31).contains(&n) && tok.len() <= 2 {
                day = Some(n);
            } else if year.is_none() {
                year = Some(match (n, tok.len()) {
                    (n, 1 | 2) if n >= 50 => 1900 + n,
                    (n, 1 | 2) => 2000 + n,
                    (n, 4) => n,
                    _ => return None,
                });
            } else {
                return None;
            }
            continue;
        }
        if offset.is_none()
            && let Some(o) = zone_name(tok)
        {
            offset = Some(o);
            continue;
        }
        // an unknown word: a date it is not, unless everything needed is already read
        if day.is_some() && month.is_some() && year.is_some() {
            break;
        }
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year? as i32, month?, day?)?;
    let time = time.unwrap_or(NaiveTime::MIN);
    at_offset(date.and_time(time), offset.unwrap_or(0))
}

fn clock(tok: &str) -> Option<NaiveTime> {
    let mut parts = tok.split(':');
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let sec = match parts.next() {
        Some(x) => x.split(['.', ',']).next()?.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(h, m, sec.min(59))
}

fn at_offset(t: NaiveDateTime, offset_secs: i32) -> Option<DateTime<Utc>> {
    FixedOffset::east_opt(offset_secs)?
        .from_local_datetime(&t)
        .single()
        .map(|t| t.with_timezone(&Utc))
}

/// `+hh:mm`, `+hhmm`, `+hh` (or `-`) as seconds east of UTC.
fn numeric_offset(z: &str) -> Option<i32> {
    let sign = match z.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits: String = z[1..].chars().filter(|c| *c != ':').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (
            digits[..1].parse::<i32>().ok()?,
            digits[1..].parse::<i32>().ok()?,
        ),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60))
}

/// A month's number from its name or abbreviation ("Dec", "sept", "December").
pub(crate) fn month_number(tok: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let t = tok.to_ascii_lowercase();
    if t.len() < 3 || !t.is_ascii() {
        return None;
    }
    (0..12)
        .find(|&i| t == MONTHS[i] || t == FULL[i] || (t.len() >= 3 && FULL[i].starts_with(&t)))
        .map(|i| i as u32 + 1)
}

fn is_day_name(tok: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let t = tok.to_ascii_lowercase();
    t.len() >= 2 && t.is_ascii() && DAYS.iter().any(|d| d.starts_with(&t))
}

/// Zone names as feeds write them (North American, European, a few Asia-Pacific ones, UT/GMT)
/// and the military letters of RFC 822, read as UTC as RFC 2822 says (`J` is not a zone).
fn zone_name(tok: &str) -> Option<i32> {
    let h = |x: i32| Some(x * 3600);
    match tok.to_ascii_uppercase().as_str() {
        "UT" | "UTC" | "GMT" | "Z" | "WET" => h(0),
        "EST" => h(-5),
        "EDT" => h(-4),
        "CST" => h(-6),
        "CDT" => h(-5),
        "MST" => h(-7),
        "MDT" => h(-6),
        "PST" => h(-8),
        "PDT" => h(-7),
        "AKST" => h(-9),
        "AKDT" => h(-8),
        "HST" => h(-10),
        "AST" => h(-4),
        "ADT" => h(-3),
        "NST" => Some(-(3 * 3600 + 1800)),
        "NDT" => Some(-(2 * 3600 + 1800)),
        "BST" | "CET" | "MET" | "WEST" => h(1),
        "CEST" | "MEST" | "EET" => h(2),
        "EEST" | "MSK" => h(3),
        "IST" => Some(5 * 3600 + 1800),
        "SGT" | "HKT" | "AWST" => h(8),
        "JST" | "KST" => h(9),
        "ACST" => Some(9 * 3600 + 1800),
        "AEST" => h(10),
        "AEDT" => h(11),
        "NZST" => h(12),
        "NZDT" => h(13),
        // RFC 822 gave the military letters the wrong signs; RFC 2822 reads them as -0000
        m if m.len() == 1 && m != "J" && m.as_bytes()[0].is_ascii_uppercase() => h(0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_date(s).map(|t| t.to_rfc3339())
    }

    #[test]
    fn standard_forms() {
        assert_eq!(
            d("Mon, 03 Nov 2025 13:00:00 GMT").as_deref(),
            Some("2025-11-03T13:00:00+00:00")
        );
        assert_eq!(
            d("2025-11-03T09:00:00-05:00").as_deref(),
            Some("2025-11-03T14:00:00+00:00")
        );
    }

    #[test]
    fn rfc822_as_real_feeds_write_it() {
        let want = Some("2025-11-03T18:05:00+00:00");
        for s in [
            "Mon, 3 Nov 2025 13:05:00 EST",
            "Monday, 03 Nov 2025 13:05 EST",
            "Tues, 03 Nov 2025 13:05:00 -0500",
            "03 Nov 2025 13:05:00 -05:00",
            "Mon, 03 November 2025 13:05:00 EST",
            "Mon, 03 Nov 25 13:05:00 EST",
            "Nov 03 2025 13:05:00 EST",
            "Mon, 03 Nov 2025 18:05:00 R",
            "Mon Nov  3 18:05:00 2025",
        ] {
            assert_eq!(d(s).as_deref(), want, "{s}");
        }
        assert_eq!(
            d("Thu, 01 Jan 2004 19:48:21 GMT").as_deref(),
            Some("2004-01-01T19:48:21+00:00")
        );
        assert_eq!(
            d("Wed, 31 Dec 2025 20:00:00 AEDT").as_deref(),
            Some("2025-12-31T09:00:00+00:00")
        );
        assert_eq!(
            d("Sat, 01 Sept 2001 00:00:00 PDT").as_deref(),
            Some("2001-09-01T07:00:00+00:00")
        );
        assert_eq!(
            d("Mon, 03 Nov 2025").as_deref(),
            Some("2025-11-03T00:00:00+00:00")
        );
    }

    #[test]
    fn iso_without_zone_or_t() {
        assert_eq!(
            d("2025-11-03 14:05").as_deref(),
            Some("2025-11-03T14:05:00+00:00")
        );
        assert_eq!(
            d("2025-11-03T14:05:09").as_deref(),
            Some("2025-11-03T14:05:09+00:00")
        );
        assert_eq!(
            d("2025-11-03T14:05:09.123+0100").as_deref(),
            Some("2025-11-03T13:05:09+00:00")
        );
        assert_eq!(
            d("2025-11-03").as_deref(),
            Some("2025-11-03T00:00:00+00:00")
        );
        assert_eq!(
            d("20251103T140509Z").as_deref(),
            Some("2025-11-03T14:05:09+00:00")
        );
        assert_eq!(d("2025-11").as_deref(), Some("2025-11-01T00:00:00+00:00"));
    }

    #[test]
    fn unreadable_is_none_never_a_panic() {
        for s in [
            "",
            "yesterday",
            "2025-13-45",
            "Mon, 32 Nov 2025 13:05:00 GMT",
            "Mon, 03 Foo 2025 13:05:00 GMT",
            "13:05 é ü 2025",
            "2025-11-03T25:00",
            "+",
            "Mon, 03 Nov 2025 13:05:00 +9999",
        ] {
            assert_eq!(d(s), None, "{s}");
        }
    }
}
