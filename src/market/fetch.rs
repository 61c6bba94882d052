//! Daily bars from the Yahoo chart API (`<base>/<SYMBOL>?period1=&period2=&interval=1d`), through
//! the crawler's polite HTTP client.

use chrono::{NaiveDate, Utc};

use super::import::{Parsed, parse_yahoo_json};
use crate::config::Config;
use crate::http::{Client, Conditional};

/// Fetch one symbol's bars from `from` to today.
pub async fn fetch_symbol(
    client: &Client,
    cfg: &Config,
    symbol: &str,
    from: NaiveDate,
) -> Result<Parsed, String> {
    let p1 = from
        .and_hms_opt(0, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp());
    let p2 = Utc::now().timestamp() + 86_400;
    let mut url = url::Url::parse(&format!("{}/", cfg.prices.yahoo_url.trim_end_matches('/')))
        .and_then(|u| u.join(symbol))
        .map_err(|e| format!("{symbol}: bad chart URL: {e}"))?;
    url.query_pairs_mut()
        .append_pair("period1", &p1.to_string())
        .append_pair("period2", &p2.to_string())
        .append_pair("interval", "1d")
        .append_pair("events", "div|split");
    let shown = url.to_string();
    let body = match client
        .get_as(
            &shown,
            Client::lane_for(&shown),
            None,
            &cfg.prices.identity(),
        )
        .await
    {
        Ok(Conditional::Modified(f)) => f.body,
        Ok(Conditional::NotModified) => return Err(format!("{symbol}: unexpected 304")),
        Err(e) => return Err(format!("{symbol}: {e}")),
    };
    let text = String::from_utf8_lossy(&body);
    let mut parsed = parse_yahoo_json(symbol, &text, symbol)?;
    parsed.bars.retain(|b| b.date >= from);
    Ok(parsed)
}
