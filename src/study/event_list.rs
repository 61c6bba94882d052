//! Event lists: a CSV `event_id,ticker,date[,time]` (extra columns kept as labels), so researchers
//! can study any events without crawling anything.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::America::New_York;

/// One event to study.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSpec {
    pub id: String,
    pub ticker: String,
    pub date: NaiveDate,
    /// When it was published, if known (the 16:00 New York rule then decides day 0).
    pub time: Option<DateTime<Utc>>,
    /// A counterparty or other label shown beside the event (the `counterparty` or `label` column).
    pub label: Option<String>,
    /// The stored document the event comes from (a deal's first report, a control announcement).
    pub document_id: Option<i64>,
}

impl EventSpec {
    /// The one conversion of a stored deal into an event: id `D<deal id>`, its event day, its
    /// first report's time (so the 16:00 New York rule decides day 0 again on the study's own
    /// calendar), the counterparty as label. A date that does not read is an error naming the deal:
    /// an event silently moved to another day would be studied on the wrong day.
    pub fn from_deal(d: &crate::model::Deal) -> Result<EventSpec, crate::model::BadDealDate> {
        let bad = |what: &'static str, value: &str| crate::model::BadDealDate {
            deal_id: d.id,
            what,
            value: value.to_string(),
        };
        let time = DateTime::parse_from_rfc3339(&d.announced_at)
            .map_err(|_| bad("announcement time", &d.announced_at))?
            .with_timezone(&Utc);
        Ok(EventSpec {
            id: format!("D{}", d.id),
            ticker: d.ticker.clone(),
            date: d.event_day,
            time: Some(time),
            label: Some(d.counterparty.clone()),
            document_id: d.first_document_id,
        })
    }
}

/// Parse an events CSV. Any bad row fails the whole list, naming file and line: a silently dropped
/// event would bias the study.
pub fn parse_events_csv(text: &str, origin: &str) -> Result<Vec<EventSpec>, String> {
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| format!("{origin}: unreadable header: {e}"))?
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let col = |n: &str| headers.iter().position(|h| h == n);
    let (Some(id_i), Some(ticker_i), Some(date_i)) = (col("event_id"), col("ticker"), col("date"))
    else {
        return Err(format!(
            "{origin}: the header must name event_id, ticker and date (found: {})",
            headers.join(",")
        ));
    };
    let time_i = col("time");
    let label_i = col("counterparty").or_else(|| col("label"));
    let mut out = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| format!("{origin}: {e}"))?;
        let line = rec.position().map_or(0, |p| p.line());
        let get = |i: usize| rec.get(i).unwrap_or("").to_string();
        let id = get(id_i);
        if id.is_empty() {
            return Err(format!("{origin}:{line}: empty event_id"));
        }
        if !ids.insert(id.clone()) {
            return Err(format!("{origin}:{line}: event_id '{id}' is used twice"));
        }
        let ticker = get(ticker_i).to_ascii_uppercase();
        if ticker.is_empty() {
            return Err(format!("{origin}:{line}: empty ticker"));
        }
        let date_s = get(date_i);
        let date = NaiveDate::parse_from_str(&date_s, "%Y-%m-%d")
            .map_err(|_| format!("{origin}:{line}: bad date '{date_s}' (expected YYYY-MM-DD)"))?;
        let time = match time_i.map(get).filter(|s| !s.is_empty()) {
            None => None,
            Some(t) => Some(parse_time(date, &t).ok_or_else(|| {
                format!("{origin}:{line}: bad time '{t}' (expected HH:MM New York time or an RFC 3339 timestamp)")
            })?),
        };
        out.push(EventSpec {
            id,
            ticker,
            date,
            time,
            label: label_i.map(get).filter(|s| !s.is_empty()),
            document_id: None,
        });
    }
    if out.is_empty() {
        return Err(format!("{origin}: no events"));
    }
    Ok(out)
}

/// "16:05" or "16:05:30" (New York time on `date`), or an RFC 3339 timestamp.
fn parse_time(date: NaiveDate, s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    let t = NaiveTime::parse_from_str(s, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M"))
        .ok()?;
    New_York
        .from_local_datetime(&NaiveDateTime::new(date, t))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_with_times_and_labels() {
        let t = "event_id,ticker,date,time,counterparty\nE01,corz,2024-06-03,16:05,CoreWeave\nE22,IREN,2025-11-03,2025-11-03T12:00:00Z,Microsoft\nE27,RIOT,2026-01-16,,\n";
        let e = parse_events_csv(t, "ev.csv").unwrap();
        assert_eq!(e.len(), 3);
        assert_eq!(e[0].ticker, "CORZ");
        assert_eq!(e[0].time.unwrap().to_rfc3339(), "2024-06-03T20:05:00+00:00");
        assert_eq!(e[0].label.as_deref(), Some("CoreWeave"));
        assert_eq!(e[1].time.unwrap().to_rfc3339(), "2025-11-03T12:00:00+00:00");
        assert_eq!(e[2].time, None);
        assert_eq!(e[2].label, None);
    }

    #[test]
    fn bad_rows_fail_naming_the_line() {
        let t = "event_id,ticker,date\nA,IREN,2025-11-03\nB,IREN,2025-02-30\n";
        assert_eq!(
            parse_events_csv(t, "ev.csv").unwrap_err(),
            "ev.csv:3: bad date '2025-02-30' (expected YYYY-MM-DD)"
        );
        let t = "event_id,ticker,date\nA,IREN,2025-11-03\nA,CIFR,2025-11-03\n";
        assert_eq!(
            parse_events_csv(t, "ev.csv").unwrap_err(),
            "ev.csv:3: event_id 'A' is used twice"
        );
        assert_eq!(
            parse_events_csv("id,sym,day\n", "ev.csv").unwrap_err(),
            "ev.csv: the header must name event_id, ticker and date (found: id,sym,day)"
        );
    }
}
