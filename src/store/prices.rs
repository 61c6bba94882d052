//! The `prices` table: one row per ticker and date; re-imports update in place.

use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;

use super::{SqlContext, Store, StoreError};
use crate::model::PriceBar;

/// What one import wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PriceImport {
    pub inserted: usize,
    pub updated: usize,
}

/// A ticker's stored range, for `prices list`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TickerCoverage {
    pub ticker: String,
    pub first: String,
    pub last: String,
    pub rows: i64,
    /// Benchmark sessions between first and last with no bar for this ticker (`None` when no
    /// benchmark prices are stored).
    pub missing_sessions: Option<i64>,
}

impl Store {
    /// Insert or update bars, all in one transaction.
    pub fn upsert_prices(
        &mut self,
        bars: &[PriceBar],
        source: &str,
    ) -> Result<PriceImport, StoreError> {
        let tx = self.conn.transaction().ctx("starting price import")?;
        let mut out = PriceImport::default();
        {
            let mut exists = tx
                .prepare_cached("SELECT 1 FROM prices WHERE ticker = ?1 AND date = ?2")
                .ctx("preparing price import")?;
            let mut upsert = tx
                .prepare_cached(
                    "INSERT INTO prices(ticker, date, open, high, low, close, adj_close, volume, source)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                     ON CONFLICT(ticker, date) DO UPDATE SET open = excluded.open, high = excluded.high,
                        low = excluded.low, close = excluded.close, adj_close = excluded.adj_close,
                        volume = excluded.volume, source = excluded.source",
                )
                .ctx("preparing price import")?;
            for b in bars {
                let date = b.date.to_string();
                if exists
                    .exists(params![b.ticker, date])
                    .ctx("checking price")?
                {
                    out.updated += 1;
                } else {
                    out.inserted += 1;
                }
                upsert
                    .execute(params![
                        b.ticker,
                        date,
                        b.open,
                        b.high,
                        b.low,
                        b.close,
                        b.adj_close,
                        b.volume,
                        source
                    ])
                    .ctx("storing price")?;
            }
        }
        tx.commit().ctx("committing price import")?;
        Ok(out)
    }

    /// All bars of a ticker, oldest first.
    pub fn prices(&self, ticker: &str) -> Result<Vec<PriceBar>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT ticker, date, open, high, low, close, adj_close, volume FROM prices
                 WHERE ticker = ?1 ORDER BY date",
            )
            .ctx("preparing price read")?;
        let rows = st
            .query_map([ticker], |r| {
                let d: String = r.get(1)?;
                Ok(PriceBar {
                    ticker: r.get(0)?,
                    date: NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            1,
                            rusqlite::types::Type::Text,
                            Box::new(e),
                        )
                    })?,
                    open: r.get(2)?,
                    high: r.get(3)?,
                    low: r.get(4)?,
                    close: r.get(5)?,
                    adj_close: r.get(6)?,
                    volume: r.get(7)?,
                })
            })
            .ctx("reading prices")?;
        rows.collect::<Result<Vec<_>, _>>().ctx("reading prices")
    }

    /// Every stored ticker with its range; missing sessions counted against `benchmark`.
    pub fn price_coverage(&self, benchmark: &str) -> Result<Vec<TickerCoverage>, StoreError> {
        let has_bench: bool = self
            .conn
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM prices WHERE ticker = ?1)",
                [benchmark],
                |r| r.get(0),
            )
            .ctx("checking benchmark")?;
        let mut st = self
            .conn
            .prepare(
                "SELECT p.ticker, min(p.date), max(p.date), count(*),
                    (SELECT count(*) FROM prices b WHERE b.ticker = ?1
                        AND b.date BETWEEN min(p.date) AND max(p.date)
                        AND NOT EXISTS (SELECT 1 FROM prices q WHERE q.ticker = p.ticker AND q.date = b.date))
                 FROM prices p GROUP BY p.ticker ORDER BY p.ticker",
            )
            .ctx("preparing coverage")?;
        let rows = st
            .query_map([benchmark], |r| {
                Ok(TickerCoverage {
                    ticker: r.get(0)?,
                    first: r.get(1)?,
                    last: r.get(2)?,
                    rows: r.get(3)?,
                    missing_sessions: if has_bench { Some(r.get(4)?) } else { None },
                })
            })
            .ctx("reading coverage")?;
        rows.collect::<Result<Vec<_>, _>>().ctx("reading coverage")
    }
}
