//! Analysis results: mentions, per-document detections, and deals with their reports.

use std::collections::HashMap;

use chrono::Utc;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{SqlContext, Store, StoreError};
use crate::model::{
    BadDealDate, Deal, DealKind, DealOrigin, DealTerms, DealType, DocAnalysis, fmt_time,
};

/// The text of a document to analyse.
#[derive(Debug, Clone)]
pub struct AnalysisDoc {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub summary: Option<String>,
    pub body: Option<String>,
    pub cik: Option<String>,
    pub items: Option<String>,
    /// When the source says it was published (RFC 3339), not when it was fetched.
    pub published: Option<String>,
    /// Where the document was found (an SEC archive address names its filer).
    pub url: Option<String>,
}

/// A stored detection with what clustering needs.
#[derive(Debug, Clone)]
pub struct ClusterInput {
    pub document_id: i64,
    pub source: String,
    pub at: String,
    pub title: String,
    pub lead: String,
    pub sentiment: Option<f64>,
    pub detection: crate::model::DetectionRecord,
}

/// A deal as clustering built it (auto deals).
#[derive(Debug, Clone)]
pub struct NewDeal {
    pub deal: Deal,
    /// (document id, evidence)
    pub documents: Vec<(i64, String)>,
}

/// Which kinds of deal a listing keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum KindFilter {
    /// Signed deals only (not LOIs or terminations).
    #[default]
    Deals,
    Only(DealKind),
    All,
}

/// Filters for `deals`.
#[derive(Debug, Clone, Default)]
pub struct DealFilter {
    pub tickers: Vec<String>,
    /// Event days from this date on.
    pub since: Option<chrono::NaiveDate>,
    /// Event days up to this date, inclusive.
    pub until: Option<chrono::NaiveDate>,
    pub deal_type: Option<DealType>,
    pub kind: KindFilter,
    pub min_confidence: Option<f64>,
    pub include_rejected: bool,
    /// Only deals a user reviewed (`deals accept`) or made by hand.
    pub reviewed_only: bool,
    /// Only automatic deals no user has reviewed yet.
    pub unreviewed_only: bool,
}

/// One report of a deal, for `deals show`.
#[derive(Debug, Clone, Serialize)]
pub struct DealReport {
    pub document_id: i64,
    pub source: String,
    pub kind: String,
    pub title: String,
    pub url: Option<String>,
    pub published_at: Option<String>,
    pub evidence: Option<String>,
}

/// What reconciling the deals did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reconciled {
    pub inserted: usize,
    pub updated: usize,
    pub removed: usize,
    /// Alerts decided.
    pub alerts: usize,
}

/// document → deal links.
fn deal_links(tx: &rusqlite::Transaction<'_>) -> Result<HashMap<i64, i64>, StoreError> {
    let mut st = tx
        .prepare("SELECT document_id, min(deal_id) FROM deal_documents GROUP BY document_id")
        .ctx("reading deal links")?;
    let rows = st
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
        .ctx("reading deal links")?;
    rows.collect::<Result<HashMap<_, _>, _>>()
        .ctx("reading deal links")
}

const DEAL_COLUMNS: &str = "id, ticker, counterparty, counterparty_class, deal_type, kind, value_usd, value_with_options_usd,
    rate_usd_per_mw_year, capacity_mw, capacity_basis, term_years, announced_at, event_day, n_documents, sentiment,
    confidence, origin, status, note, first_document_id, first_source, evidence, term_phrases, parties, reasons,
    reviewed_at";

/// A JSON column (where each term was read, the other parties): NULL when empty.
fn to_json<T: serde::Serialize>(v: &T, empty: bool) -> Option<String> {
    (!empty).then(|| serde_json::to_string(v).expect("plain data serializes"))
}

/// A JSON column read back; NULL is the empty value, and text that does not read is an error
/// naming the column.
fn from_json<T: serde::de::DeserializeOwned + Default>(
    r: &rusqlite::Row<'_>,
    i: usize,
) -> rusqlite::Result<T> {
    match r.get::<_, Option<String>>(i)? {
        None => Ok(T::default()),
        Some(t) => serde_json::from_str(&t).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        }),
    }
}

fn row_to_deal(r: &rusqlite::Row<'_>) -> rusqlite::Result<Deal> {
    let id: i64 = r.get(0)?;
    let day: String = r.get(13)?;
    let event_day = chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(
            13,
            rusqlite::types::Type::Text,
            Box::new(BadDealDate {
                deal_id: id,
                what: "event day",
                value: day.clone(),
            }),
        )
    })?;
    Ok(Deal {
        id,
        ticker: r.get(1)?,
        counterparty: r.get(2)?,
        counterparty_class: r.get(3)?,
        deal_type: r.get(4)?,
        kind: r.get(5)?,
        terms: DealTerms {
            value_usd: r.get(6)?,
            value_with_options_usd: r.get(7)?,
            rate_usd_per_mw_year: r.get(8)?,
            capacity_mw: r.get(9)?,
            capacity_basis: r.get(10)?,
            term_years: r.get(11)?,
        },
        announced_at: r.get(12)?,
        event_day,
        n_documents: r.get(14)?,
        sentiment: r.get(15)?,
        confidence: r.get(16)?,
        origin: r.get(17)?,
        status: r.get(18)?,
        note: r.get(19)?,
        first_document_id: r.get(20)?,
        first_source: r.get(21)?,
        evidence: r.get(22)?,
        phrases: from_json(r, 23)?,
        parties: from_json(r, 24)?,
        reasons: from_json(r, 25)?,
        reviewed_at: r.get(26)?,
    })
}

impl Store {
    /// How many documents `documents_for_analysis` will hand out in all.
    pub fn count_for_analysis(&self, all: bool, method: &str) -> Result<u64, StoreError> {
        let sql = if all {
            "SELECT count(*) FROM documents WHERE ?1 IS NOT NULL"
        } else {
            "SELECT count(*) FROM documents WHERE analyzed_at IS NULL OR sentiment_method IS NOT ?1"
        };
        let n: i64 = self
            .conn
            .query_row(sql, params![method], |r| r.get(0))
            .ctx("counting documents to analyse")?;
        Ok(n as u64)
    }

    /// Documents to analyse, in id order after `after_id`: the unanalysed ones and those whose
    /// tone was scored by another method than `method` (a new lexicon version re-reads them),
    /// or all.
    pub fn documents_for_analysis(
        &self,
        all: bool,
        after_id: i64,
        limit: usize,
        method: &str,
    ) -> Result<Vec<AnalysisDoc>, StoreError> {
        let sql = format!(
            "SELECT id, kind, title, summary, body, cik, items, published_at, url FROM documents WHERE id > ?1 {} ORDER BY id LIMIT ?2",
            if all {
                "AND ?3 IS NOT NULL"
            } else {
                "AND (analyzed_at IS NULL OR sentiment_method IS NOT ?3)"
            }
        );
        let mut st = self
            .conn
            .prepare_cached(&sql)
            .ctx("preparing analysis batch")?;
        let rows = st
            .query_map(params![after_id, limit as i64, method], |r| {
                Ok(AnalysisDoc {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    title: r.get(2)?,
                    summary: r.get(3)?,
                    body: r.get(4)?,
                    cik: r.get(5)?,
                    items: r.get(6)?,
                    published: r.get(7)?,
                    url: r.get(8)?,
                })
            })
            .ctx("reading analysis batch")?;
        rows.collect::<Result<Vec<_>, _>>()
            .ctx("reading analysis batch")
    }

    /// Store a batch of analyses in one transaction (replacing earlier ones of those documents).
    /// The alerts those documents call for are decided in the same transaction (see
    /// `store::alerts`); returns how many.
    pub fn save_analyses(
        &mut self,
        batch: &[DocAnalysis],
        plan: &super::AlertPlan,
    ) -> Result<usize, StoreError> {
        let now = fmt_time(Utc::now());
        let tx = self.conn.transaction().ctx("starting analysis batch")?;
        {
            let mut del_m = tx
                .prepare_cached("DELETE FROM mentions WHERE document_id = ?1")
                .ctx("preparing analysis")?;
            let mut del_d = tx
                .prepare_cached("DELETE FROM detections WHERE document_id = ?1")
                .ctx("preparing analysis")?;
            let mut ins_m = tx
                .prepare_cached("INSERT INTO mentions(document_id, ticker, relevance, in_title, count, tone) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .ctx("preparing analysis")?;
            let mut ins_d = tx
                .prepare_cached(
                    "INSERT INTO detections(document_id, kind, ticker, counterparty, counterparty_class, deal_type, value_usd,
                        value_with_options_usd, rate_usd_per_mw_year, capacity_mw, capacity_basis, term_years, confidence, evidence,
                        term_phrases, parties, reasons)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                )
                .ctx("preparing analysis")?;
            let mut upd = tx
                .prepare_cached("UPDATE documents SET sentiment = ?2, sentiment_method = ?3, analyzed_at = ?4, indexed_at = NULL, genre = ?5, deal_reasons = ?6 WHERE id = ?1")
                .ctx("preparing analysis")?;
            for a in batch {
                del_m.execute([a.document_id]).ctx("clearing mentions")?;
                del_d.execute([a.document_id]).ctx("clearing detection")?;
                for m in &a.mentions {
                    ins_m
                        .execute(params![
                            a.document_id,
                            m.ticker,
                            m.relevance,
                            m.in_title,
                            m.count as i64,
                            m.tone
                        ])
                        .ctx("storing mention")?;
                }
                if let Some(d) = &a.detection {
                    ins_d
                        .execute(params![
                            a.document_id,
                            d.kind,
                            d.ticker,
                            d.counterparty,
                            d.counterparty_class,
                            d.deal_type,
                            d.terms.value_usd,
                            d.terms.value_with_options_usd,
                            d.terms.rate_usd_per_mw_year,
                            d.terms.capacity_mw,
                            d.terms.capacity_basis,
                            d.terms.term_years,
                            d.confidence,
                            d.evidence,
                            to_json(&d.phrases, d.phrases.is_empty()),
                            to_json(&d.parties, d.parties.is_empty()),
                            to_json(&d.reasons, d.reasons.is_empty())
                        ])
                        .ctx("storing detection")?;
                }
                upd.execute(params![
                    a.document_id,
                    a.sentiment,
                    a.sentiment_method,
                    now,
                    a.genre,
                    to_json(&a.deal_reasons, a.deal_reasons.is_empty())
                ])
                .ctx("storing sentiment")?;
            }
        }
        let alerts = super::alerts::decide_document_alerts(&tx, plan, batch)?;
        tx.commit().ctx("committing analysis batch")?;
        Ok(alerts)
    }

    /// Every stored detection, with its document's time and text, oldest first.
    pub fn cluster_inputs(&self) -> Result<Vec<ClusterInput>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT d.id, d.source, coalesce(d.published_at, d.fetched_at), d.title, coalesce(d.summary, ''),
                        coalesce((SELECT m.tone FROM mentions m WHERE m.document_id = d.id AND m.ticker = x.ticker), d.sentiment),
                        x.kind, x.ticker, x.counterparty, x.counterparty_class, x.deal_type, x.value_usd, x.value_with_options_usd,
                        x.rate_usd_per_mw_year, x.capacity_mw, x.capacity_basis, x.term_years, x.confidence, x.evidence,
                        x.term_phrases, x.parties, x.reasons
                 FROM detections x JOIN documents d ON d.id = x.document_id
                 ORDER BY coalesce(d.published_at, d.fetched_at), d.id",
            )
            .ctx("preparing cluster inputs")?;
        let rows = st
            .query_map([], |r| {
                Ok(ClusterInput {
                    document_id: r.get(0)?,
                    source: r.get(1)?,
                    at: r.get(2)?,
                    title: r.get(3)?,
                    lead: r.get(4)?,
                    sentiment: r.get(5)?,
                    detection: crate::model::DetectionRecord {
                        kind: r.get(6)?,
                        ticker: r.get(7)?,
                        counterparty: r.get(8)?,
                        counterparty_class: r.get(9)?,
                        deal_type: r.get(10)?,
                        terms: DealTerms {
                            value_usd: r.get(11)?,
                            value_with_options_usd: r.get(12)?,
                            rate_usd_per_mw_year: r.get(13)?,
                            capacity_mw: r.get(14)?,
                            capacity_basis: r.get(15)?,
                            term_years: r.get(16)?,
                        },
                        confidence: r.get(17)?,
                        evidence: r.get(18)?,
                        phrases: from_json(r, 19)?,
                        parties: from_json(r, 20)?,
                        reasons: from_json(r, 21)?,
                    },
                })
            })
            .ctx("reading cluster inputs")?;
        rows.collect::<Result<Vec<_>, _>>()
            .ctx("reading cluster inputs")
    }

    /// Make the auto deals match the clusters, keyed by their first report so ids stay stable:
    /// existing auto deals are updated (a rejected one stays rejected), new clusters are inserted,
    /// auto deals whose cluster vanished are deleted. Curated deals are never touched, and a cluster
    /// whose first report is a curated deal's is left to it. Returns what it did.
    ///
    /// The alerts the deals call for are decided in the same transaction (see `store::alerts`).
    pub fn reconcile_deals(
        &mut self,
        clusters: &[NewDeal],
        plan: &super::AlertPlan,
    ) -> Result<Reconciled, StoreError> {
        let now = fmt_time(Utc::now());
        let tx = self.conn.transaction().ctx("starting deal reconcile")?;
        let links_before = deal_links(&tx)?;
        let existing: HashMap<i64, (i64, DealOrigin)> = {
            let mut st = tx
                .prepare("SELECT first_document_id, id, origin FROM deals WHERE first_document_id IS NOT NULL")
                .ctx("reading deals")?;
            let rows = st
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        (r.get::<_, i64>(1)?, r.get::<_, DealOrigin>(2)?),
                    ))
                })
                .ctx("reading deals")?;
            rows.collect::<Result<HashMap<_, _>, _>>()
                .ctx("reading deals")?
        };
        let (mut ins, mut upd) = (0, 0);
        let mut keep: Vec<i64> = Vec::new();
        let mut fresh: Vec<i64> = Vec::new();
        for c in clusters {
            let d = &c.deal;
            let first = d.first_document_id.unwrap_or_default();
            let id = match existing.get(&first) {
                Some((id, DealOrigin::Curated)) => {
                    keep.push(*id);
                    continue;
                }
                Some((id, _)) => {
                    let before: Option<Deal> = tx
                        .query_row(
                            &format!("SELECT {DEAL_COLUMNS} FROM deals WHERE id = ?1"),
                            [id],
                            row_to_deal,
                        )
                        .optional()
                        .ctx("reading deal")?;
                    if before.is_some_and(|b| super::deal_signature(&b) != super::deal_signature(d))
                    {
                        tx.execute(
                            "UPDATE deals SET terms_updated_at = ?2 WHERE id = ?1",
                            params![id, now],
                        )
                        .ctx("updating deal")?;
                    }
                    // only a deal that differs is rewritten (and counted, and its updated_at moved)
                    let changed = tx.execute(
                        "UPDATE deals SET ticker = ?2, counterparty = ?3, counterparty_class = ?4, deal_type = ?5, kind = ?6,
                            value_usd = ?7, value_with_options_usd = ?8, rate_usd_per_mw_year = ?9, capacity_mw = ?10,
                            capacity_basis = ?11, term_years = ?12, announced_at = ?13, event_day = ?14, n_documents = ?15,
                            sentiment = ?16, confidence = ?17, first_source = ?18, evidence = ?19, updated_at = ?20,
                            term_phrases = ?21, parties = ?22, reasons = ?23
                         WHERE id = ?1 AND NOT (ticker IS ?2 AND counterparty IS ?3 AND counterparty_class IS ?4
                            AND deal_type IS ?5 AND kind IS ?6 AND value_usd IS ?7 AND value_with_options_usd IS ?8
                            AND rate_usd_per_mw_year IS ?9 AND capacity_mw IS ?10 AND capacity_basis IS ?11
                            AND term_years IS ?12 AND announced_at IS ?13 AND event_day IS ?14 AND n_documents IS ?15
                            AND sentiment IS ?16 AND confidence IS ?17 AND first_source IS ?18 AND evidence IS ?19
                            AND term_phrases IS ?21 AND parties IS ?22 AND reasons IS ?23)",
                        params![
                            id, d.ticker, d.counterparty, d.counterparty_class, d.deal_type, d.kind, d.terms.value_usd,
                            d.terms.value_with_options_usd, d.terms.rate_usd_per_mw_year, d.terms.capacity_mw, d.terms.capacity_basis, d.terms.term_years,
                            d.announced_at, d.event_day, d.n_documents, d.sentiment, d.confidence, d.first_source, d.evidence, now,
                            to_json(&d.phrases, d.phrases.is_empty()), to_json(&d.parties, d.parties.is_empty()),
                            to_json(&d.reasons, d.reasons.is_empty())
                        ],
                    )
                    .ctx("updating deal")?;
                    upd += changed;
                    *id
                }
                None => {
                    tx.execute(
                        "INSERT INTO deals(ticker, counterparty, counterparty_class, deal_type, kind, value_usd, value_with_options_usd,
                            rate_usd_per_mw_year, capacity_mw, capacity_basis, term_years, announced_at, event_day, n_documents,
                            sentiment, confidence, origin, status, first_document_id, first_source, evidence, updated_at,
                            term_phrases, parties, reasons)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 'auto', 'active', ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
                        params![
                            d.ticker, d.counterparty, d.counterparty_class, d.deal_type, d.kind, d.terms.value_usd,
                            d.terms.value_with_options_usd, d.terms.rate_usd_per_mw_year, d.terms.capacity_mw, d.terms.capacity_basis, d.terms.term_years,
                            d.announced_at, d.event_day, d.n_documents, d.sentiment, d.confidence, first, d.first_source,
                            d.evidence, now, to_json(&d.phrases, d.phrases.is_empty()), to_json(&d.parties, d.parties.is_empty()),
                            to_json(&d.reasons, d.reasons.is_empty())
                        ],
                    )
                    .ctx("inserting deal")?;
                    ins += 1;
                    tx.last_insert_rowid()
                }
            };
            keep.push(id);
            // only fresh news can alert: older deals are not read again for it
            if plan.recent(&d.announced_at) {
                fresh.push(id);
            }
            tx.execute("DELETE FROM deal_documents WHERE deal_id = ?1", [id])
                .ctx("relinking deal")?;
            for (doc, ev) in &c.documents {
                tx.execute(
                    "INSERT OR IGNORE INTO deal_documents(deal_id, document_id, evidence) VALUES (?1, ?2, ?3)",
                    params![id, doc, ev],
                )
                .ctx("linking deal report")?;
            }
        }
        let stale: Vec<i64> = {
            let mut st = tx
                .prepare("SELECT id FROM deals WHERE origin = 'auto'")
                .ctx("reading deals")?;
            let rows = st
                .query_map([], |r| r.get::<_, i64>(0))
                .ctx("reading deals")?;
            rows.collect::<Result<Vec<_>, _>>()
                .ctx("reading deals")?
                .into_iter()
                .filter(|id| !keep.contains(id))
                .collect()
        };
        for id in &stale {
            tx.execute("DELETE FROM deals WHERE id = ?1", [id])
                .ctx("deleting stale deal")?;
        }
        // a document whose deal changed must be reindexed (its deal id is a search field)
        let links_after = deal_links(&tx)?;
        for doc in links_before.keys().chain(links_after.keys()) {
            if links_before.get(doc) != links_after.get(doc) {
                tx.execute(
                    "UPDATE documents SET indexed_at = NULL WHERE id = ?1",
                    [doc],
                )
                .ctx("marking for reindex")?;
            }
        }
        // the deals as stored (a rejected one stays rejected), their links current: the alerts
        // carry them
        let alerts = if plan.rules.is_empty() {
            0
        } else {
            let mut deals = Vec::new();
            let mut st = tx
                .prepare(&format!(
                    "SELECT {DEAL_COLUMNS} FROM deals WHERE id = ?1 AND status = 'active'"
                ))
                .ctx("reading deals")?;
            for id in &fresh {
                if let Some(d) = st
                    .query_row([id], row_to_deal)
                    .optional()
                    .ctx("reading deals")?
                {
                    deals.push(d);
                }
            }
            drop(st);
            super::alerts::decide_deal_alerts(&tx, plan, &deals)?
        };
        tx.commit().ctx("committing deal reconcile")?;
        Ok(Reconciled {
            inserted: ins,
            updated: upd,
            removed: stale.len(),
            alerts,
        })
    }

    pub fn deals(&self, f: &DealFilter) -> Result<Vec<Deal>, StoreError> {
        let mut sql = format!("SELECT {DEAL_COLUMNS} FROM deals WHERE 1 = 1");
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if !f.include_rejected {
            sql.push_str(" AND status = 'active'");
        }
        if !f.tickers.is_empty() {
            sql.push_str(&format!(
                " AND ticker IN ({})",
                vec!["?"; f.tickers.len()].join(", ")
            ));
            args.extend(f.tickers.iter().map(|t| t.clone().into()));
        }
        if let Some(s) = f.since {
            sql.push_str(" AND event_day >= ?");
            args.push(s.to_string().into());
        }
        if let Some(u) = f.until {
            sql.push_str(" AND event_day <= ?");
            args.push(u.to_string().into());
        }
        if let Some(t) = f.deal_type {
            sql.push_str(" AND deal_type = ?");
            args.push(t.as_str().to_string().into());
        }
        let kind = match f.kind {
            KindFilter::All => None,
            KindFilter::Deals => Some(DealKind::Deal),
            KindFilter::Only(k) => Some(k),
        };
        if let Some(k) = kind {
            sql.push_str(" AND kind = ?");
            args.push(k.as_str().to_string().into());
        }
        if let Some(c) = f.min_confidence {
            // a reviewed or hand-made deal is certain whatever the recogniser's confidence
            sql.push_str(
                " AND (coalesce(confidence, 1.0) >= ? OR origin = 'curated' OR reviewed_at IS NOT NULL)",
            );
            args.push(c.into());
        }
        if f.reviewed_only {
            sql.push_str(" AND (origin = 'curated' OR reviewed_at IS NOT NULL)");
        }
        if f.unreviewed_only {
            sql.push_str(" AND origin = 'auto' AND reviewed_at IS NULL");
        }
        sql.push_str(" ORDER BY event_day, id");
        let mut st = self.conn.prepare(&sql).ctx("preparing deal list")?;
        let rows = st
            .query_map(rusqlite::params_from_iter(args), row_to_deal)
            .ctx("listing deals")?;
        rows.collect::<Result<Vec<_>, _>>().ctx("listing deals")
    }

    pub fn deal(&self, id: i64) -> Result<Option<Deal>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {DEAL_COLUMNS} FROM deals WHERE id = ?1"),
                [id],
                row_to_deal,
            )
            .optional()
            .ctx("reading deal")
    }

    pub fn deal_reports(&self, id: i64) -> Result<Vec<DealReport>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT d.id, d.source, d.kind, d.title, d.url, d.published_at, dd.evidence
                 FROM deal_documents dd JOIN documents d ON d.id = dd.document_id
                 WHERE dd.deal_id = ?1 ORDER BY coalesce(d.published_at, d.fetched_at), d.id",
            )
            .ctx("preparing deal reports")?;
        let rows = st
            .query_map([id], |r| {
                Ok(DealReport {
                    document_id: r.get(0)?,
                    source: r.get(1)?,
                    kind: r.get(2)?,
                    title: r.get(3)?,
                    url: r.get(4)?,
                    published_at: r.get(5)?,
                    evidence: r.get(6)?,
                })
            })
            .ctx("reading deal reports")?;
        rows.collect::<Result<Vec<_>, _>>()
            .ctx("reading deal reports")
    }

    /// When each deal's terms last changed (an auto deal's re-reading, a curated deal's edit),
    /// else its announcement: the Atom feed's `updated`.
    pub fn deal_terms_times(&self) -> Result<HashMap<i64, String>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT id, max(announced_at, coalesce(terms_updated_at, ''),
                               CASE origin WHEN 'curated' THEN coalesce(updated_at, '') ELSE '' END)
                 FROM deals",
            )
            .ctx("preparing deal times")?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .ctx("reading deal times")?;
        rows.collect::<Result<HashMap<_, _>, _>>()
            .ctx("reading deal times")
    }

    /// The tone stored about each company a document mentions, most relevant first.
    pub fn company_tones(
        &self,
        document_id: i64,
    ) -> Result<Vec<(String, Option<f64>)>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT ticker, tone FROM mentions WHERE document_id = ?1 ORDER BY relevance DESC, ticker",
            )
            .ctx("preparing company tones")?;
        let rows = st
            .query_map([document_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .ctx("reading company tones")?;
        rows.collect::<Result<Vec<_>, _>>()
            .ctx("reading company tones")
    }

    /// Add a curated deal; returns its id.
    pub fn add_deal(&mut self, d: &Deal) -> Result<i64, StoreError> {
        self.conn
            .execute(
                "INSERT INTO deals(ticker, counterparty, counterparty_class, deal_type, kind, value_usd, value_with_options_usd,
                    rate_usd_per_mw_year, capacity_mw, capacity_basis, term_years, announced_at, event_day, n_documents,
                    sentiment, confidence, origin, status, note, updated_at, term_phrases, parties)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, NULL, 1.0, 'curated', 'active', ?14, ?15, ?16, ?17)",
                params![
                    d.ticker, d.counterparty, d.counterparty_class, d.deal_type, d.kind, d.terms.value_usd, d.terms.value_with_options_usd,
                    d.terms.rate_usd_per_mw_year, d.terms.capacity_mw, d.terms.capacity_basis, d.terms.term_years, d.announced_at, d.event_day, d.note,
                    fmt_time(Utc::now()), to_json(&d.phrases, d.phrases.is_empty()), to_json(&d.parties, d.parties.is_empty())
                ],
            )
            .ctx("adding deal")?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Replace a deal's fields (it becomes curated, so `analyze --all` keeps it).
    pub fn update_deal(&mut self, d: &Deal) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE deals SET ticker = ?2, counterparty = ?3, counterparty_class = ?4, deal_type = ?5, kind = ?6, value_usd = ?7,
                    value_with_options_usd = ?8, rate_usd_per_mw_year = ?9, capacity_mw = ?10, capacity_basis = ?11,
                    term_years = ?12, announced_at = ?13, event_day = ?14, note = ?15, status = ?16, origin = 'curated',
                    updated_at = ?17, term_phrases = ?18, parties = ?19
                 WHERE id = ?1",
                params![
                    d.id, d.ticker, d.counterparty, d.counterparty_class, d.deal_type, d.kind, d.terms.value_usd,
                    d.terms.value_with_options_usd, d.terms.rate_usd_per_mw_year, d.terms.capacity_mw, d.terms.capacity_basis, d.terms.term_years,
                    d.announced_at, d.event_day, d.note, d.status, fmt_time(Utc::now()),
                    to_json(&d.phrases, d.phrases.is_empty()), to_json(&d.parties, d.parties.is_empty())
                ],
            )
            .ctx("updating deal")?;
        Ok(())
    }

    /// Mark a deal reviewed and accepted (it then counts for `premium --reviewed` and passes any
    /// `--min-confidence`); re-analysis keeps the mark while the deal keeps its first report.
    /// Returns false when there is no such deal.
    pub fn accept_deal(&mut self, id: i64) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute(
                "UPDATE deals SET reviewed_at = ?2, status = 'active' WHERE id = ?1",
                params![id, fmt_time(Utc::now())],
            )
            .ctx("accepting deal")?;
        Ok(n == 1)
    }

    /// Mark a deal rejected (kept, hidden from lists and studies; stays rejected on re-analysis).
    pub fn reject_deal(&mut self, id: i64) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute(
                "UPDATE deals SET status = 'rejected', updated_at = ?2 WHERE id = ?1",
                params![id, fmt_time(Utc::now())],
            )
            .ctx("rejecting deal")?;
        self.conn
            .execute(
                "UPDATE documents SET indexed_at = NULL
                 WHERE id IN (SELECT document_id FROM deal_documents WHERE deal_id = ?1)",
                [id],
            )
            .ctx("marking for reindex")?;
        Ok(n == 1)
    }

    /// Sessions of the market benchmark between two dates (to check the rule-based calendar).
    pub fn price_dates(&self, ticker: &str) -> Result<Vec<String>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT date FROM prices WHERE ticker = ?1 ORDER BY date")
            .ctx("preparing price dates")?;
        let rows = st
            .query_map([ticker], |r| r.get::<_, String>(0))
            .ctx("reading price dates")?;
        rows.collect::<Result<Vec<_>, _>>()
            .ctx("reading price dates")
    }
}
