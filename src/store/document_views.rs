//! Read views of documents for other stages: what the search index is built from (and which
//! documents it has seen), the dataset export, and the premium report's control announcements.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::{SqlContext, Store, StoreError};

/// A document as the search index takes it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexDoc {
    pub id: i64,
    pub source: String,
    pub kind: String,
    pub url: Option<String>,
    pub title: String,
    pub summary: Option<String>,
    pub body: Option<String>,
    /// published_at, else fetched_at (RFC 3339)
    pub published: String,
    pub form_type: Option<String>,
    pub sentiment: Option<f64>,
    /// (ticker, relevance)
    pub tickers: Vec<(String, u8)>,
    /// The active deal this document reports, if any.
    pub deal_id: Option<i64>,
}

impl Store {
    /// Documents to index after `after_id`: those not indexed since they last changed, or all.
    pub fn documents_to_index(
        &self,
        all: bool,
        after_id: i64,
        limit: usize,
    ) -> Result<Vec<IndexDoc>, StoreError> {
        let sql = index_batch_sql(all);
        let mut st = self
            .conn
            .prepare_cached(&sql)
            .ctx("preparing index batch")?;
        let rows = st
            .query_map(params![after_id, limit as i64], |r| {
                Ok(IndexDoc {
                    id: r.get(0)?,
                    source: r.get(1)?,
                    kind: r.get(2)?,
                    url: r.get(3)?,
                    title: r.get(4)?,
                    summary: r.get(5)?,
                    body: r.get(6)?,
                    published: r.get(7)?,
                    form_type: r.get(8)?,
                    sentiment: r.get(9)?,
                    tickers: vec![],
                    deal_id: r.get(10)?,
                })
            })
            .ctx("reading index batch")?;
        let mut docs = rows
            .collect::<Result<Vec<_>, _>>()
            .ctx("reading index batch")?;
        if let (Some(first), Some(last)) = (docs.first().map(|d| d.id), docs.last().map(|d| d.id)) {
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT document_id, ticker, relevance FROM mentions WHERE document_id BETWEEN ?1 AND ?2
                     ORDER BY document_id, relevance DESC, ticker",
                )
                .ctx("preparing mention batch")?;
            let rows = st
                .query_map(params![first, last], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, u8>(2)?,
                    ))
                })
                .ctx("reading mention batch")?;
            let mut by_doc: HashMap<i64, Vec<(String, u8)>> = HashMap::new();
            for row in rows {
                let (d, t, rel) = row.ctx("reading mention batch")?;
                by_doc.entry(d).or_default().push((t, rel));
            }
            for d in docs.iter_mut() {
                if let Some(t) = by_doc.remove(&d.id) {
                    d.tickers = t;
                }
            }
        }
        Ok(docs)
    }

    /// Record that these documents are in the index: they leave the queue (the rows are not written).
    pub fn mark_indexed(&mut self, ids: &[i64]) -> Result<(), StoreError> {
        let tx = self.conn.transaction().ctx("starting index bookkeeping")?;
        {
            // the queue is a narrow table: the rows of text are not written
            let mut st = tx
                .prepare_cached("DELETE FROM index_queue WHERE document_id = ?1")
                .ctx("preparing index bookkeeping")?;
            for id in ids {
                st.execute(params![id]).ctx("marking indexed")?;
            }
        }
        tx.commit().ctx("committing index bookkeeping")
    }

    /// Documents not yet in the index (for status and tests).
    pub fn count_unindexed(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM index_queue", [], |r| r.get(0))
            .ctx("counting unindexed documents")
    }
}

/// The query for a batch of documents to index after an id: all of them, or the queued ones.
fn index_batch_sql(all: bool) -> String {
    // the queue drives the walk in its own order (a subquery in `IN`, or a sort, would be
    // built anew for every batch)
    let (from, key) = if all {
        ("documents d", "d.id")
    } else {
        (
            "index_queue q CROSS JOIN documents d ON d.id = q.document_id",
            "q.document_id",
        )
    };
    format!(
        "SELECT d.id, d.source, d.kind, d.url, d.title, d.summary, d.body, coalesce(d.published_at, d.fetched_at),
            d.form_type, d.sentiment,
            (SELECT min(dd.deal_id) FROM deal_documents dd JOIN deals k ON k.id = dd.deal_id
              WHERE dd.document_id = d.id AND k.status = 'active' AND k.kind = 'deal')
         FROM {from} WHERE {key} > ?1 ORDER BY {key} LIMIT ?2",
    )
}

/// A document as the dataset export writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportDoc {
    pub id: i64,
    pub source: String,
    pub kind: String,
    pub url: Option<String>,
    pub title: String,
    pub summary: Option<String>,
    pub published_at: Option<String>,
    pub fetched_at: String,
    pub sentiment: Option<f64>,
    pub sentiment_method: Option<String>,
    pub form_type: Option<String>,
    pub items: Option<String>,
    pub tickers: Vec<(String, u8)>,
    /// The tone about each linked company, same order.
    pub tones: Vec<Option<f64>>,
    pub deal_id: Option<i64>,
    /// The deal's first report is this document.
    pub first_report: bool,
}

impl Store {
    /// Documents published (or first seen) between two dates, inclusive, oldest first.
    pub fn documents_for_export(
        &self,
        since: Option<&str>,
        until: Option<&str>,
    ) -> Result<Vec<ExportDoc>, StoreError> {
        let mut docs = Vec::new();
        self.export_documents(since, until, EXPORT_BATCH, |batch| {
            docs.extend_from_slice(batch);
            Ok::<(), StoreError>(())
        })?;
        Ok(docs)
    }

    /// The same documents handed to `each` in batches of at most `batch`, read from one cursor:
    /// memory stays bounded however large the archive (an export of a million documents).
    pub fn export_documents<E: From<StoreError>>(
        &self,
        since: Option<&str>,
        until: Option<&str>,
        batch: usize,
        mut each: impl FnMut(&[ExportDoc]) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut st = self
            .conn
            .prepare(
                "SELECT d.id, d.source, d.kind, d.url, d.title, d.published_at, d.fetched_at, d.sentiment,
                        d.sentiment_method, d.form_type, d.items,
                        (SELECT min(dd.deal_id) FROM deal_documents dd JOIN deals k ON k.id = dd.deal_id
                          WHERE dd.document_id = d.id AND k.status = 'active'),
                        EXISTS(SELECT 1 FROM deals k WHERE k.first_document_id = d.id AND k.status = 'active'),
                        d.summary
                 FROM documents d
                 WHERE (?1 IS NULL OR substr(coalesce(d.published_at, d.fetched_at), 1, 10) >= ?1)
                   AND (?2 IS NULL OR substr(coalesce(d.published_at, d.fetched_at), 1, 10) <= ?2)
                 ORDER BY coalesce(d.published_at, d.fetched_at), d.id",
            )
            .ctx("preparing export")?;
        let mut mentions = self
            .conn
            .prepare_cached("SELECT ticker, relevance, tone FROM mentions WHERE document_id = ?1 ORDER BY relevance DESC, ticker")
            .ctx("preparing export mentions")?;
        let rows = st
            .query_map(params![since, until], |r| {
                Ok(ExportDoc {
                    id: r.get(0)?,
                    source: r.get(1)?,
                    kind: r.get(2)?,
                    url: r.get(3)?,
                    title: r.get(4)?,
                    published_at: r.get(5)?,
                    fetched_at: r.get(6)?,
                    sentiment: r.get(7)?,
                    sentiment_method: r.get(8)?,
                    form_type: r.get(9)?,
                    items: r.get(10)?,
                    tickers: vec![],
                    tones: vec![],
                    deal_id: r.get(11)?,
                    first_report: r.get(12)?,
                    summary: r.get(13)?,
                })
            })
            .ctx("reading export")?;
        let batch = batch.max(1);
        let mut docs: Vec<ExportDoc> = Vec::with_capacity(batch);
        for d in rows {
            let mut d = d.ctx("reading export")?;
            let found = mentions
                .query_map([d.id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, u8>(1)?,
                        r.get::<_, Option<f64>>(2)?,
                    ))
                })
                .ctx("reading export mentions")?
                .collect::<Result<Vec<_>, _>>()
                .ctx("reading export mentions")?;
            d.tones = found.iter().map(|r| r.2).collect();
            d.tickers = found.into_iter().map(|(t, r, _)| (t, r)).collect();
            docs.push(d);
            if docs.len() == batch {
                each(&docs)?;
                docs.clear();
            }
        }
        if !docs.is_empty() {
            each(&docs)?;
        }
        Ok(())
    }
}

/// Documents per batch of a streamed export.
pub const EXPORT_BATCH: usize = 8192;

impl Store {
    /// The bodies of these documents, by id (a document without a body, or no longer stored, is
    /// left out): what a search hit's snippet is cut from.
    pub fn bodies(&self, ids: &[i64]) -> Result<HashMap<i64, String>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT body FROM documents WHERE id = ?1 AND body IS NOT NULL")
            .ctx("preparing bodies")?;
        let mut out = HashMap::with_capacity(ids.len());
        for id in ids {
            let body: Option<String> = st
                .query_row(params![id], |r| r.get(0))
                .optional()
                .ctx("reading bodies")?;
            if let Some(b) = body {
                out.insert(*id, b);
            }
        }
        Ok(out)
    }

    /// The tone of documents: about `ticker` where the document mentions it (and its tone about
    /// that company was scored), else the document's own. Documents without a tone are left out.
    pub fn tones(
        &self,
        ids: &[i64],
        ticker: Option<&str>,
    ) -> Result<HashMap<i64, f64>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT coalesce((SELECT m.tone FROM mentions m WHERE m.document_id = d.id AND m.ticker = ?2), d.sentiment)
                 FROM documents d WHERE d.id = ?1",
            )
            .ctx("preparing tones")?;
        let mut out = HashMap::new();
        for id in ids {
            let t: Option<f64> = st
                .query_row(params![id, ticker], |r| r.get(0))
                .optional()
                .ctx("reading tones")?
                .flatten();
            if let Some(t) = t {
                out.insert(*id, t);
            }
        }
        Ok(out)
    }

    /// The control group of the premium report: press releases and 8-K/6-K filings that report no
    /// deal, with their company (the filer, or the press release's most relevant company at
    /// relevance ≥ 70) and time. (document id, ticker, time)
    pub fn control_announcements(&self) -> Result<Vec<(i64, String, String)>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT d.id, m.ticker, coalesce(d.published_at, d.fetched_at)
                 FROM documents d
                 JOIN mentions m ON m.document_id = d.id
                   AND m.ticker = (SELECT m2.ticker FROM mentions m2 WHERE m2.document_id = d.id
                                   ORDER BY m2.relevance DESC, m2.ticker LIMIT 1)
                 WHERE (d.kind = 'press_release' OR (d.kind = 'filing' AND d.form_type IN ('8-K', '8-K/A', '6-K')))
                   AND m.relevance >= 70
                   AND NOT EXISTS (SELECT 1 FROM detections x WHERE x.document_id = d.id AND x.kind = 'deal')
                   AND NOT EXISTS (SELECT 1 FROM deal_documents dd WHERE dd.document_id = d.id)
                 ORDER BY coalesce(d.published_at, d.fetched_at), d.id",
            )
            .ctx("preparing control announcements")?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .ctx("reading control announcements")?;
        rows.collect::<Result<Vec<_>, _>>()
            .ctx("reading control announcements")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_of_queued_documents_is_read_by_walking_the_queue_without_a_sort() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        for all in [false, true] {
            let plan: Vec<String> = s
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {}", index_batch_sql(all)))
                .unwrap()
                .query_map([0i64, 1000], |r| r.get::<_, String>(3))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            // no temporary B-tree (a sort of every queued row) and no list built from a subquery,
            // for each batch
            let text = plan.join("\n");
            assert!(!text.contains("TEMP B-TREE"), "{text}");
            assert!(!text.contains("LIST SUBQUERY"), "{text}");
            assert!(
                text.contains("USING INTEGER PRIMARY KEY (rowid>?)"),
                "{text}"
            );
        }
    }
}
