//! Price file importers: Stooq CSV, Yahoo CSV, Yahoo chart JSON, and a long CSV with many tickers.
//!
//! A row that cannot be used (bad date, non-positive or missing close, a date seen twice) is
//! rejected with its file and line and the rest of the file still imports; a file that cannot be
//! read as any of these formats at all is an error and nothing of it is imported.

use std::path::Path;

use chrono::{DateTime, NaiveDate};
use serde::Deserialize;

use crate::model::PriceBar;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Auto,
    /// `Date,Open,High,Low,Close,Volume`
    Stooq,
    /// `Date,Open,High,Low,Close,Adj Close,Volume`
    YahooCsv,
    /// The chart API's JSON: `chart.result[0].timestamp[]`, `indicators.quote[0]`, `indicators.adjclose[0]`.
    YahooJson,
    /// `date,ticker,close[,adj_close,volume]` (extra columns open/high/low are read too).
    Long,
}

/// What one file yielded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub format: Option<Format>,
    pub bars: Vec<PriceBar>,
    /// `FILE:LINE: problem` for every rejected row.
    pub rejected: Vec<String>,
    /// Days the source lists without a price (Yahoo's nulls): not errors, just no bar.
    pub empty_days: usize,
}

/// `mara.us.csv` → `MARA`, `BTC-USD.json` → `BTC-USD`, `spy.csv` → `SPY`.
pub fn ticker_from_path(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let stem = name.split('.').next()?;
    (!stem.is_empty()).then(|| stem.to_ascii_uppercase())
}

/// Parse a price file. `ticker` is required for single-ticker formats (from `--ticker` or the file
/// name); the long format carries its own. Errors name the file.
pub fn parse_file(
    path: &Path,
    bytes: &[u8],
    format: Format,
    ticker: Option<&str>,
) -> Result<Parsed, String> {
    let shown = path.display().to_string();
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("{shown}: not UTF-8 text ({e})"))?
        .trim_start_matches('\u{feff}');
    let format = match format {
        Format::Auto => detect(text).ok_or_else(|| {
            format!("{shown}: not a price file this tool reads (expected Stooq/Yahoo CSV, Yahoo chart JSON or a date,ticker,close CSV)")
        })?,
        f => f,
    };
    let need_ticker = || {
        ticker.map(str::to_string).ok_or_else(|| {
            format!("{shown}: cannot tell the ticker: pass --ticker or name the file after it")
        })
    };
    let mut parsed = match format {
        Format::YahooJson => parse_yahoo_json(&shown, text, &need_ticker()?)?,
        Format::Long => parse_csv(&shown, text, None)?,
        Format::Stooq | Format::YahooCsv => parse_csv(&shown, text, Some(&need_ticker()?))?,
        Format::Auto => unreachable!("resolved above"),
    };
    parsed.format = Some(format);
    if parsed.bars.is_empty() {
        let why = parsed
            .rejected
            .first()
            .cloned()
            .unwrap_or_else(|| format!("{shown}: no price rows"));
        return Err(if parsed.rejected.is_empty() {
            why
        } else {
            format!(
                "{shown}: no usable rows ({} rejected; first: {why})",
                parsed.rejected.len()
            )
        });
    }
    Ok(parsed)
}

fn detect(text: &str) -> Option<Format> {
    let t = text.trim_start();
    if t.starts_with('{') {
        return Some(Format::YahooJson);
    }
    let header: Vec<String> = t
        .lines()
        .next()?
        .split(',')
        .map(|h| h.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let has = |n: &str| header.iter().any(|h| h == n);
    if has("date") && has("ticker") && has("close") {
        Some(Format::Long)
    } else if has("date") && has("close") && has("adj close") {
        Some(Format::YahooCsv)
    } else if has("date") && has("close") {
        Some(Format::Stooq)
    } else {
        None
    }
}

/// Every CSV flavour: columns found by header name, case-insensitively.
fn parse_csv(shown: &str, text: &str, fixed_ticker: Option<&str>) -> Result<Parsed, String> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| format!("{shown}: unreadable CSV header: {e}"))?
        .iter()
        .map(|h| h.to_ascii_lowercase().replace('_', " "))
        .collect();
    let col = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let date_i = col(&["date", "timestamp"]).ok_or_else(|| format!("{shown}: no Date column"))?;
    let close_i = col(&["close"]).ok_or_else(|| format!("{shown}: no Close column"))?;
    let ticker_i = col(&["ticker", "symbol"]);
    if fixed_ticker.is_none() && ticker_i.is_none() {
        return Err(format!("{shown}: no ticker column"));
    }
    let (open_i, high_i, low_i) = (col(&["open"]), col(&["high"]), col(&["low"]));
    let adj_i = col(&["adj close", "adjclose", "adjusted close"]);
    let vol_i = col(&["volume"]);
    let mut out = Parsed::default();
    let mut seen = std::collections::HashSet::new();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                out.rejected
                    .push(format!("{shown}:{line}: unreadable row: {e}"));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        let field = |i: Option<usize>| i.and_then(|i| rec.get(i)).filter(|s| !s.is_empty());
        let date_s = field(Some(date_i)).unwrap_or("");
        let Some(date) = parse_date(date_s) else {
            out.rejected
                .push(format!("{shown}:{line}: bad date '{date_s}'"));
            continue;
        };
        let ticker = match fixed_ticker {
            Some(t) => t.to_string(),
            None => match field(ticker_i) {
                Some(t) => t.to_ascii_uppercase(),
                None => {
                    out.rejected.push(format!("{shown}:{line}: no ticker"));
                    continue;
                }
            },
        };
        let close_s = field(Some(close_i)).unwrap_or("");
        if close_s.eq_ignore_ascii_case("null") || close_s.is_empty() {
            out.rejected
                .push(format!("{shown}:{line}: missing close on {date}"));
            continue;
        }
        let close = match close_s.parse::<f64>() {
            Ok(c) if c > 0.0 && c.is_finite() => c,
            Ok(_) => {
                out.rejected.push(format!(
                    "{shown}:{line}: non-positive close '{close_s}' on {date}"
                ));
                continue;
            }
            Err(_) => {
                out.rejected
                    .push(format!("{shown}:{line}: bad close '{close_s}' on {date}"));
                continue;
            }
        };
        let num = |i: Option<usize>| {
            field(i)
                .and_then(|s| s.parse::<f64>().ok())
                .filter(|x| x.is_finite())
        };
        let adj_close = num(adj_i);
        if adj_close.is_some_and(|a| a <= 0.0) {
            out.rejected.push(format!(
                "{shown}:{line}: non-positive adjusted close on {date}"
            ));
            continue;
        }
        if !seen.insert((ticker.clone(), date)) {
            out.rejected.push(format!(
                "{shown}:{line}: duplicate date {date} for {ticker}"
            ));
            continue;
        }
        out.bars.push(PriceBar {
            ticker,
            date,
            open: num(open_i),
            high: num(high_i),
            low: num(low_i),
            close,
            adj_close,
            volume: num(vol_i),
        });
    }
    Ok(out)
}

/// ISO dates; also `YYYYMMDD` (Stooq's URL form).
fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y%m%d"))
        .ok()
}

#[derive(Deserialize)]
struct Chart {
    chart: ChartBody,
}
#[derive(Deserialize)]
struct ChartBody {
    result: Option<Vec<ChartResult>>,
    error: Option<serde_json::Value>,
}
#[derive(Deserialize)]
struct ChartResult {
    #[serde(default)]
    meta: ChartMeta,
    #[serde(default)]
    timestamp: Vec<i64>,
    indicators: Indicators,
}
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ChartMeta {
    symbol: Option<String>,
    /// Seconds east of UTC of the exchange now (a fallback: it ignores daylight saving).
    #[serde(default)]
    gmtoffset: i64,
    /// The exchange's time zone (`America/New_York`, `UTC`): a bar's date is its timestamp there.
    exchange_timezone_name: Option<String>,
    /// `1d` for daily bars; intraday (`1m`, `1h`) and other granularities are refused.
    data_granularity: Option<String>,
}
#[derive(Deserialize)]
struct Indicators {
    quote: Vec<Quote>,
    #[serde(default)]
    adjclose: Vec<AdjClose>,
}
#[derive(Deserialize)]
struct Quote {
    #[serde(default)]
    open: Vec<Option<f64>>,
    #[serde(default)]
    high: Vec<Option<f64>>,
    #[serde(default)]
    low: Vec<Option<f64>>,
    #[serde(default)]
    close: Vec<Option<f64>>,
    #[serde(default)]
    volume: Vec<Option<f64>>,
}
#[derive(Deserialize)]
struct AdjClose {
    #[serde(default)]
    adjclose: Vec<Option<f64>>,
}

/// Yahoo chart JSON. Nulls are days without a price (no bar); the ticker defaults to `meta.symbol`.
pub fn parse_yahoo_json(shown: &str, text: &str, ticker: &str) -> Result<Parsed, String> {
    let chart: Chart =
        serde_json::from_str(text).map_err(|e| format!("{shown}: not Yahoo chart JSON: {e}"))?;
    if let Some(err) = chart.chart.error.filter(|e| !e.is_null()) {
        let part = |k: &str| err.get(k).and_then(|v| v.as_str()).map(str::trim);
        let said = match (part("code"), part("description")) {
            (Some(c), Some(d)) if !d.is_empty() => format!("{c}: {d}"),
            (Some(c), _) => c.to_string(),
            (None, Some(d)) => d.to_string(),
            (None, None) => err.to_string(),
        };
        return Err(format!("{shown}: the chart API returned an error: {said}"));
    }
    let r = chart
        .chart
        .result
        .and_then(|mut v| (!v.is_empty()).then(|| v.swap_remove(0)))
        .ok_or_else(|| format!("{shown}: chart.result is empty"))?;
    let q = r
        .indicators
        .quote
        .first()
        .ok_or_else(|| format!("{shown}: no indicators.quote"))?;
    if let Some(g) = r.meta.data_granularity.as_deref()
        && g != "1d"
    {
        return Err(format!(
            "{shown}: bars of {g}, not daily: only daily bars (interval=1d) are stored"
        ));
    }
    let zone: Option<chrono_tz::Tz> = r
        .meta
        .exchange_timezone_name
        .as_deref()
        .and_then(|z| z.parse().ok());
    let n = r.timestamp.len();
    if q.close.len() != n {
        return Err(format!(
            "{shown}: {} timestamps but {} closes",
            n,
            q.close.len()
        ));
    }
    let adj = r.indicators.adjclose.first().map(|a| &a.adjclose);
    let ticker = if ticker.is_empty() {
        r.meta.symbol.clone().unwrap_or_default()
    } else {
        ticker.to_string()
    };
    let mut out = Parsed::default();
    let mut seen = std::collections::HashSet::new();
    for i in 0..n {
        let date = match zone {
            Some(z) => DateTime::from_timestamp(r.timestamp[i], 0)
                .map(|t| t.with_timezone(&z).date_naive()),
            None => DateTime::from_timestamp(r.timestamp[i] + r.meta.gmtoffset, 0)
                .map(|t| t.date_naive()),
        };
        let Some(date) = date else {
            out.rejected.push(format!(
                "{shown}: timestamp[{i}]: bad timestamp {}",
                r.timestamp[i]
            ));
            continue;
        };
        let Some(close) = q.close[i] else {
            out.empty_days += 1;
            continue;
        };
        if close <= 0.0 || !close.is_finite() {
            out.rejected.push(format!(
                "{shown}: timestamp[{i}]: non-positive close {close} on {date}"
            ));
            continue;
        }
        if !seen.insert(date) {
            out.rejected
                .push(format!("{shown}: timestamp[{i}]: duplicate date {date}"));
            continue;
        }
        let at = |v: &Vec<Option<f64>>| v.get(i).copied().flatten();
        out.bars.push(PriceBar {
            ticker: ticker.clone(),
            date,
            open: at(&q.open),
            high: at(&q.high),
            low: at(&q.low),
            close,
            adj_close: adj.and_then(at).filter(|a| *a > 0.0),
            volume: at(&q.volume),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str, fmt: Format, ticker: Option<&str>) -> Result<Parsed, String> {
        parse_file(Path::new("data/x.csv"), text.as_bytes(), fmt, ticker)
    }

    #[test]
    fn stooq_rows_and_rejects_with_lines() {
        let t = "Date,Open,High,Low,Close,Volume\n2025-08-13,4.9,5.1,4.8,4.90,100\n2025-13-01,1,1,1,1,1\n2025-08-14,5,8,5,7.82,900\n2025-08-15,1,1,1,-2,1\n2025-08-14,5,8,5,7.82,900\n";
        let r = p(t, Format::Auto, Some("WULF")).unwrap();
        assert_eq!(r.format, Some(Format::Stooq));
        assert_eq!(r.bars.len(), 2);
        assert_eq!(r.bars[1].close, 7.82);
        assert_eq!(r.bars[1].volume, Some(900.0));
        assert_eq!(r.bars[1].adj_close, None);
        assert_eq!(
            r.rejected,
            vec![
                "data/x.csv:3: bad date '2025-13-01'".to_string(),
                "data/x.csv:5: non-positive close '-2' on 2025-08-15".into(),
                "data/x.csv:6: duplicate date 2025-08-14 for WULF".into(),
            ]
        );
    }

    #[test]
    fn yahoo_csv_uses_adj_close_and_rejects_nulls() {
        let t = "Date,Open,High,Low,Close,Adj Close,Volume\n2025-11-03,60,75,60,70.0,69.5,1000\n2025-11-04,null,null,null,null,null,null\n";
        let r = p(t, Format::Auto, Some("IREN")).unwrap();
        assert_eq!(r.format, Some(Format::YahooCsv));
        assert_eq!(r.bars[0].price(), 69.5);
        assert_eq!(
            r.rejected,
            vec!["data/x.csv:3: missing close on 2025-11-04".to_string()]
        );
    }

    #[test]
    fn long_csv_carries_tickers() {
        let t = "date,ticker,close,adj_close,volume\n2025-11-03,iren,70,69.5,10\n2025-11-03,CIFR,20,,5\n";
        let r = p(t, Format::Auto, None).unwrap();
        assert_eq!(r.format, Some(Format::Long));
        assert_eq!(
            r.bars.iter().map(|b| b.ticker.as_str()).collect::<Vec<_>>(),
            ["IREN", "CIFR"]
        );
        assert_eq!(r.bars[1].adj_close, None);
    }

    #[test]
    fn yahoo_json_dates_in_exchange_time_and_nulls_skipped() {
        // 2025-11-03 14:30 UTC = 09:30 New York (EST, gmtoffset -18000)
        let t = r#"{"chart":{"result":[{"meta":{"symbol":"IREN","gmtoffset":-18000},
            "timestamp":[1762180200,1762266600,1762353000],
            "indicators":{"quote":[{"close":[70.0,null,65.5],"open":[60,null,66],"volume":[1,null,2]}],
            "adjclose":[{"adjclose":[69.0,null,65.0]}]}}],"error":null}}"#;
        let r = parse_file(
            Path::new("IREN.json"),
            t.as_bytes(),
            Format::Auto,
            Some("IREN"),
        )
        .unwrap();
        assert_eq!(r.format, Some(Format::YahooJson));
        assert_eq!(r.empty_days, 1);
        assert_eq!(r.bars.len(), 2);
        assert_eq!(r.bars[0].date.to_string(), "2025-11-03");
        assert_eq!(r.bars[1].date.to_string(), "2025-11-05");
        assert_eq!(r.bars[1].price(), 65.0);
    }

    #[test]
    fn unreadable_files_are_errors() {
        assert_eq!(
            p("hello world\n", Format::Auto, Some("X")).unwrap_err(),
            "data/x.csv: not a price file this tool reads (expected Stooq/Yahoo CSV, Yahoo chart JSON or a date,ticker,close CSV)"
        );
        assert_eq!(
            p("Date,Close\nfoo,1\n", Format::Auto, Some("X")).unwrap_err(),
            "data/x.csv: no usable rows (1 rejected; first: data/x.csv:2: bad date 'foo')"
        );
        assert_eq!(
            p("Date,Close\n2025-01-02,1\n", Format::Stooq, None).unwrap_err(),
            "data/x.csv: cannot tell the ticker: pass --ticker or name the file after it"
        );
    }

    #[test]
    fn ticker_from_file_name() {
        assert_eq!(
            ticker_from_path(Path::new("d/mara.us.csv")).as_deref(),
            Some("MARA")
        );
        assert_eq!(
            ticker_from_path(Path::new("BTC-USD.json")).as_deref(),
            Some("BTC-USD")
        );
    }
}
