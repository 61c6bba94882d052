//! The `sources` and `fetch_log` tables: what each source looked like at its last fetch.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{SqlContext, Store, StoreError};
use crate::model::fmt_time;

/// What the crawler needs to know before fetching a source.
#[derive(Debug, Clone, Default)]
pub struct SourceState {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub next_due_at: Option<DateTime<Utc>>,
    pub consecutive_failures: i64,
}

/// A source as `hashpivot status` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    pub name: String,
    pub kind: String,
    pub url: String,
    pub last_fetched_at: Option<String>,
    pub last_status: Option<i64>,
    pub last_new_items: Option<i64>,
    pub consecutive_failures: i64,
    pub next_due_at: Option<String>,
    pub last_error: Option<String>,
    /// How the last successful fetch was read when it needed recovery (`None`: normally).
    pub last_note: Option<String>,
    pub documents: i64,
}

/// One fetch attempt of a source, with what it changed.
#[derive(Debug, Clone)]
pub struct FetchLogEntry {
    pub url: String,
    pub started_at: DateTime<Utc>,
    pub http_status: Option<u16>,
    pub bytes: Option<u64>,
    /// `Some` for a failed fetch.
    pub error: Option<String>,
    /// Validators to keep for the next conditional GET (`None` keeps the stored ones).
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// When the source may be fetched again (`None`: at the next crawl).
    pub next_due_at: Option<DateTime<Utc>>,
    /// How the response was read when it needed recovery (a feed read item by item, say).
    pub note: Option<String>,
}

impl FetchLogEntry {
    /// A fetch of `url` that succeeded now (200), with no validators or schedule: what a bench or
    /// a test that stores documents directly records.
    pub fn ok(url: &str) -> FetchLogEntry {
        FetchLogEntry {
            url: url.to_string(),
            started_at: Utc::now(),
            http_status: Some(200),
            bytes: None,
            error: None,
            etag: None,
            last_modified: None,
            next_due_at: None,
            note: None,
        }
    }
}

impl Store {
    /// Make the `sources` table match the configuration (new rows for new sources, kind and URL
    /// kept current). Rows of sources no longer configured stay, with their documents.
    pub fn sync_sources(&mut self, list: &[(String, &str, String)]) -> Result<(), StoreError> {
        let tx = self.conn.transaction().ctx("starting source sync")?;
        {
            let mut st = tx
                .prepare(
                    "INSERT INTO sources(name, kind, url) VALUES (?1, ?2, ?3)
                     ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, url = excluded.url",
                )
                .ctx("preparing source sync")?;
            for (name, kind, url) in list {
                st.execute(params![name, kind, url])
                    .ctx("syncing sources")?;
            }
        }
        tx.commit().ctx("committing source sync")
    }

    pub fn source_state(&self, name: &str) -> Result<SourceState, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT etag, last_modified, next_due_at, consecutive_failures FROM sources WHERE name = ?1",
                [name],
                |r| {
                    Ok(SourceState {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                        next_due_at: r
                            .get::<_, Option<String>>(2)?
                            .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
                            .map(|t| t.with_timezone(&Utc)),
                        consecutive_failures: r.get(3)?,
                    })
                },
            )
            .optional()
            .ctx("reading source state")?;
        Ok(row.unwrap_or_default())
    }

    /// Every source with its last fetch, for `status`.
    pub fn sources(&self) -> Result<Vec<SourceRow>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT s.name, s.kind, s.url, s.last_fetched_at, s.last_status, s.last_new_items,
                        s.consecutive_failures, s.next_due_at, s.last_error, s.last_note,
                        (SELECT count(*) FROM documents d WHERE d.source = s.name)
                 FROM sources s ORDER BY s.kind, s.name",
            )
            .ctx("preparing source list")?;
        let rows = st
            .query_map([], |r| {
                Ok(SourceRow {
                    name: r.get(0)?,
                    kind: r.get(1)?,
                    url: r.get(2)?,
                    last_fetched_at: r.get(3)?,
                    last_status: r.get(4)?,
                    last_new_items: r.get(5)?,
                    consecutive_failures: r.get(6)?,
                    next_due_at: r.get(7)?,
                    last_error: r.get(8)?,
                    last_note: r.get(9)?,
                    documents: r.get(10)?,
                })
            })
            .ctx("listing sources")?;
        rows.collect::<Result<Vec<_>, _>>().ctx("listing sources")
    }

    /// Record a fetch attempt: the log row and the source's new state. `new_items` is what the
    /// attempt added. Runs inside the caller's transaction when called from `commit_fetch`.
    pub(super) fn record_fetch_tx(
        tx: &rusqlite::Connection,
        source: &str,
        entry: &FetchLogEntry,
        new_items: Option<i64>,
    ) -> Result<(), StoreError> {
        let started = fmt_time(entry.started_at);
        tx.execute(
            "INSERT INTO fetch_log(source, url, started_at, http_status, bytes, new_items, error, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                source,
                entry.url,
                started,
                entry.http_status,
                entry.bytes.map(|b| b as i64),
                new_items,
                entry.error,
                entry.note
            ],
        )
        .ctx("writing fetch log")?;
        let due = entry.next_due_at.map(fmt_time);
        if entry.error.is_some() {
            tx.execute(
                "UPDATE sources SET last_fetched_at = ?2, last_status = ?3, last_error = ?4,
                        last_new_items = 0, consecutive_failures = consecutive_failures + 1,
                        next_due_at = ?5
                 WHERE name = ?1",
                params![source, started, entry.http_status, entry.error, due],
            )
            .ctx("recording fetch failure")?;
        } else {
            tx.execute(
                "UPDATE sources SET last_fetched_at = ?2, last_status = ?3, last_error = NULL,
                        last_new_items = ?4, consecutive_failures = 0, next_due_at = ?5,
                        etag = coalesce(?6, etag), last_modified = coalesce(?7, last_modified),
                        last_note = ?8
                 WHERE name = ?1",
                params![
                    source,
                    started,
                    entry.http_status,
                    new_items.unwrap_or(0),
                    due,
                    entry.etag,
                    entry.last_modified,
                    entry.note
                ],
            )
            .ctx("recording fetch success")?;
        }
        Ok(())
    }

    /// Record a fetch that stored no documents (a failure, or a 304).
    pub fn record_fetch(&mut self, source: &str, entry: &FetchLogEntry) -> Result<(), StoreError> {
        let tx = self.conn.savepoint().ctx("starting fetch record")?;
        Self::record_fetch_tx(&tx, source, entry, None)?;
        tx.commit().ctx("committing fetch record")
    }
}

/// Fetching in a period, for the digest header.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FetchSummary {
    pub sources_polled: usize,
    /// (source, last error in the period) for sources whose last fetch in the period failed
    pub failing: Vec<(String, String)>,
}

impl Store {
    /// Which sources were fetched between two times (RFC 3339, inclusive start, exclusive end), and
    /// which of them failed on their last fetch in that period.
    pub fn fetch_summary(&self, from: &str, to: &str) -> Result<FetchSummary, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT f.source, f.error FROM fetch_log f
                 WHERE f.started_at >= ?1 AND f.started_at < ?2
                   AND f.id = (SELECT max(g.id) FROM fetch_log g WHERE g.source = f.source AND g.started_at >= ?1 AND g.started_at < ?2)
                 ORDER BY f.source",
            )
            .ctx("preparing fetch summary")?;
        let rows = st
            .query_map(params![from, to], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .ctx("reading fetch summary")?;
        let rows = rows
            .collect::<Result<Vec<_>, _>>()
            .ctx("reading fetch summary")?;
        Ok(FetchSummary {
            sources_polled: rows.len(),
            failing: rows
                .into_iter()
                .filter_map(|(s, e)| e.map(|e| (s, e)))
                .collect(),
        })
    }
}
