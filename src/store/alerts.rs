//! The `alerts` and `alert_deliveries` tables: what hashpivot decided to announce, and where each
//! announcement went.
//!
//! The decision is written in the transaction that stores what caused it: a deal's alert with the
//! deal (`reconcile_deals`), a document's alert with the document's analysis (`save_analyses`). It
//! is state-based and idempotent: a deal is alerted when no alert of it exists yet (`new_deal`) or
//! when its terms differ from those of its last alert (`updated_deal`), so an analysis rerun, a
//! second report of the same deal or a restart never alerts twice. Each matching `[[alert]]`
//! channel gets a delivery row, `pending` until the alert stage delivers it.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{SqlContext, Store, StoreError};
use crate::config::{AlertRule, Config};
use crate::model::{Alert, AlertEvent, Deal, DocAnalysis, DocKind, fmt_time};

/// What the alert decisions of one analysis need: the rules, how old news may be, and now.
#[derive(Debug, Clone)]
pub struct AlertPlan {
    pub rules: Vec<AlertRule>,
    /// `[study] min_confidence`: a rule that sets none alerts on deals at least this certain.
    pub min_confidence: f64,
    pub max_age: chrono::Duration,
    pub now: DateTime<Utc>,
}

impl AlertPlan {
    pub fn new(cfg: &Config, now: DateTime<Utc>) -> AlertPlan {
        AlertPlan {
            rules: cfg.alerts.clone(),
            min_confidence: cfg.study.min_confidence,
            max_age: cfg.watch.alert_max_age.chrono(),
            now,
        }
    }

    /// No rules: nothing is ever decided.
    pub fn none() -> AlertPlan {
        AlertPlan {
            rules: Vec::new(),
            min_confidence: 0.0,
            max_age: chrono::Duration::zero(),
            now: Utc::now(),
        }
    }

    pub(super) fn recent(&self, at: &str) -> bool {
        DateTime::parse_from_rfc3339(at)
            .map(|t| self.now - t.with_timezone(&Utc) <= self.max_age)
            .unwrap_or(false)
    }
}

/// The terms an alert is about: when these change, an alerted deal is alerted again.
pub fn deal_signature(d: &Deal) -> String {
    let n = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    format!(
        "{}|{}|{}|{}|{}|{}|{}",
        d.counterparty,
        d.deal_type,
        d.kind,
        n(d.terms.value_usd),
        n(d.terms.value_with_options_usd),
        n(d.terms.capacity_mw),
        n(d.terms.term_years)
    )
}

/// A delivery waiting to be made (or retried).
#[derive(Debug, Clone)]
pub struct PendingDelivery {
    pub alert: Alert,
    pub channel: String,
    pub attempts: i64,
}

/// One alert with its deliveries, for `hashpivot alerts`.
#[derive(Debug, Clone, Serialize)]
pub struct AlertRow {
    #[serde(flatten)]
    pub alert: Alert,
    pub created_at: String,
    pub deliveries: Vec<DeliveryRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeliveryRow {
    pub channel: String,
    pub status: String,
    pub attempts: i64,
    pub next_attempt_at: Option<String>,
    pub last_error: Option<String>,
    pub delivered_at: Option<String>,
}

/// The outcome of one delivery attempt.
#[derive(Debug, Clone)]
pub enum Attempt {
    Delivered,
    /// Failed; retried at this time, or marked failed for good when `None`.
    Failed {
        error: String,
        retry_at: Option<DateTime<Utc>>,
    },
}

fn insert_alert(
    tx: &rusqlite::Transaction<'_>,
    alert: &Alert,
    deal_key: Option<i64>,
    signature: Option<&str>,
    channels: &[String],
    now: &str,
) -> Result<bool, StoreError> {
    let payload = serde_json::to_string(alert).expect("an alert serializes");
    let inserted = tx
        .execute(
            "INSERT OR IGNORE INTO alerts(id, event, deal_key, document_id, ticker, signature, payload, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                alert.id,
                alert.event,
                deal_key,
                alert.document_id,
                alert.ticker,
                signature,
                payload,
                now
            ],
        )
        .ctx("recording alert")?;
    if inserted == 0 {
        return Ok(false);
    }
    for c in channels {
        tx.execute(
            "INSERT OR IGNORE INTO alert_deliveries(alert_id, channel, status, attempts, next_attempt_at)
             VALUES (?1, ?2, 'pending', 0, ?3)",
            params![alert.id, c, now],
        )
        .ctx("recording alert delivery")?;
    }
    Ok(true)
}

fn links_of_deal(tx: &rusqlite::Transaction<'_>, deal_id: i64) -> Result<Vec<String>, StoreError> {
    let mut st = tx
        .prepare_cached(
            "SELECT d.url FROM deal_documents x JOIN documents d ON d.id = x.document_id
             WHERE x.deal_id = ?1 AND d.url IS NOT NULL
             ORDER BY coalesce(d.published_at, d.fetched_at), d.id",
        )
        .ctx("reading deal links")?;
    let rows = st
        .query_map([deal_id], |r| r.get::<_, String>(0))
        .ctx("reading deal links")?;
    rows.collect::<Result<Vec<_>, _>>()
        .ctx("reading deal links")
}

/// Decide the alerts of deals just written (inside `reconcile_deals`' transaction). `deals` are
/// the stored deals with their ids. Returns how many alerts were decided.
pub(super) fn decide_deal_alerts(
    tx: &rusqlite::Transaction<'_>,
    plan: &AlertPlan,
    deals: &[Deal],
) -> Result<usize, StoreError> {
    if plan.rules.is_empty() {
        return Ok(0);
    }
    let now = fmt_time(plan.now);
    let mut decided = 0;
    for d in deals {
        let Some(key) = d.first_document_id else {
            continue;
        };
        if !plan.recent(&d.announced_at) {
            continue;
        }
        let channels: Vec<String> = plan
            .rules
            .iter()
            .filter(|r| r.matches_deal(d, plan.min_confidence))
            .map(AlertRule::channel_key)
            .collect();
        if channels.is_empty() {
            continue;
        }
        let signature = deal_signature(d);
        let last: Option<(String, i64)> = tx
            .query_row(
                "SELECT (SELECT signature FROM alerts WHERE deal_key = ?1 ORDER BY rowid DESC LIMIT 1),
                        count(*)
                 FROM alerts WHERE deal_key = ?1",
                [key],
                |r| Ok((r.get::<_, Option<String>>(0)?, r.get::<_, i64>(1)?)),
            )
            .ctx("reading earlier alerts")
            .map(|(s, n)| s.map(|s| (s, n)))?;
        let (event, id) = match &last {
            None => (AlertEvent::NewDeal, format!("deal-{key}")),
            Some((s, _)) if *s == signature => continue,
            Some((_, n)) => (AlertEvent::UpdatedDeal, format!("deal-{key}-update-{n}")),
        };
        let title: String = tx
            .query_row("SELECT title FROM documents WHERE id = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .ctx("reading the first report")?
            .unwrap_or_default();
        let alert = Alert {
            id,
            event,
            ticker: d.ticker.clone(),
            deal_id: Some(d.id),
            document_id: Some(key),
            counterparty: Some(d.counterparty.clone()),
            deal_type: Some(d.deal_type),
            kind: Some(d.kind),
            value_usd: d.terms.value_usd,
            value_with_options_usd: d.terms.value_with_options_usd,
            capacity_mw: d.terms.capacity_mw,
            term_years: d.terms.term_years,
            announced_at: d.announced_at.clone(),
            event_day: Some(d.event_day),
            confidence: d.confidence,
            tone: d.sentiment,
            title,
            evidence: d.evidence.clone(),
            links: links_of_deal(tx, d.id)?,
        };
        if insert_alert(tx, &alert, Some(key), Some(&signature), &channels, &now)? {
            decided += 1;
        }
    }
    Ok(decided)
}

/// Decide the alerts of documents just analysed (inside `save_analyses`' transaction): a filing
/// or press release of a universe company (its filer, or the company its headline or lead is
/// about), alerted once (`doc-<id>`).
pub(super) fn decide_document_alerts(
    tx: &rusqlite::Transaction<'_>,
    plan: &AlertPlan,
    batch: &[DocAnalysis],
) -> Result<usize, StoreError> {
    if !plan
        .rules
        .iter()
        .any(|r| r.on != crate::config::AlertOn::Deal)
    {
        return Ok(0);
    }
    let now = fmt_time(plan.now);
    let mut decided = 0;
    for a in batch {
        // the company the document is about: the filer, else the headline's or lead's best
        let Some(company) = a
            .mentions
            .iter()
            .filter(|m| m.relevance >= 70)
            .max_by_key(|m| m.relevance)
        else {
            continue;
        };
        let (kind, title, url, at): (String, String, Option<String>, String) = tx
            .query_row(
                "SELECT kind, title, url, coalesce(published_at, fetched_at) FROM documents WHERE id = ?1",
                [a.document_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .ctx("reading the document to alert")?;
        let Some(kind) = DocKind::parse(&kind) else {
            continue;
        };
        let channels: Vec<String> = plan
            .rules
            .iter()
            .filter(|r| r.matches_document(kind, &company.ticker))
            .map(AlertRule::channel_key)
            .collect();
        if channels.is_empty() || !plan.recent(&at) {
            continue;
        }
        let alert = Alert {
            id: format!("doc-{}", a.document_id),
            event: if kind == DocKind::Filing {
                AlertEvent::Filing
            } else {
                AlertEvent::PressRelease
            },
            ticker: company.ticker.clone(),
            deal_id: None,
            document_id: Some(a.document_id),
            counterparty: None,
            deal_type: None,
            kind: None,
            value_usd: None,
            value_with_options_usd: None,
            capacity_mw: None,
            term_years: None,
            announced_at: at,
            event_day: None,
            confidence: None,
            tone: company.tone.or(Some(a.sentiment)),
            title,
            evidence: None,
            links: url.into_iter().collect(),
        };
        if insert_alert(tx, &alert, None, None, &channels, &now)? {
            decided += 1;
        }
    }
    Ok(decided)
}

impl Store {
    /// Deliveries due by `now`, oldest alert first.
    pub fn due_deliveries(&self, now: DateTime<Utc>) -> Result<Vec<PendingDelivery>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT a.payload, x.channel, x.attempts FROM alert_deliveries x JOIN alerts a ON a.id = x.alert_id
                 WHERE x.status = 'pending' AND coalesce(x.next_attempt_at, '') <= ?1
                 ORDER BY a.created_at, a.rowid, x.channel",
            )
            .ctx("preparing pending deliveries")?;
        let rows = st
            .query_map([fmt_time(now)], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .ctx("reading pending deliveries")?;
        let mut out = Vec::new();
        for row in rows {
            let (payload, channel, attempts) = row.ctx("reading pending deliveries")?;
            let alert: Alert = serde_json::from_str(&payload).map_err(|e| StoreError::Sql {
                context: "reading a stored alert",
                source: rusqlite::Error::FromSqlConversionFailure(
                    0,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                ),
            })?;
            out.push(PendingDelivery {
                alert,
                channel,
                attempts,
            });
        }
        Ok(out)
    }

    /// When the next pending delivery is due, if any.
    pub fn next_delivery_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let at: Option<String> = self
            .conn
            .query_row(
                "SELECT min(coalesce(next_attempt_at, '')) FROM alert_deliveries WHERE status = 'pending'",
                [],
                |r| r.get(0),
            )
            .ctx("reading the next delivery")?;
        Ok(at.map(|s| {
            DateTime::parse_from_rfc3339(&s)
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_else(|_| Utc::now())
        }))
    }

    /// Record a delivery attempt.
    pub fn record_delivery(
        &mut self,
        alert_id: &str,
        channel: &str,
        attempt: &Attempt,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let now = fmt_time(now);
        match attempt {
            Attempt::Delivered => self.conn.execute(
                "UPDATE alert_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = ?3,
                        next_attempt_at = NULL, last_error = NULL
                 WHERE alert_id = ?1 AND channel = ?2",
                params![alert_id, channel, now],
            ),
            Attempt::Failed { error, retry_at } => self.conn.execute(
                "UPDATE alert_deliveries SET status = ?3, attempts = attempts + 1, last_error = ?4,
                        next_attempt_at = ?5
                 WHERE alert_id = ?1 AND channel = ?2",
                params![
                    alert_id,
                    channel,
                    if retry_at.is_some() { "pending" } else { "failed" },
                    error,
                    retry_at.map(fmt_time)
                ],
            ),
        }
        .ctx("recording a delivery")?;
        Ok(())
    }

    /// Alerts, newest first, with their deliveries; `failed_only` keeps alerts with a failed
    /// delivery.
    pub fn alerts(&self, failed_only: bool, limit: usize) -> Result<Vec<AlertRow>, StoreError> {
        let sql = format!(
            "SELECT id, payload, created_at FROM alerts a {}
             ORDER BY created_at DESC, rowid DESC LIMIT ?1",
            if failed_only {
                "WHERE EXISTS (SELECT 1 FROM alert_deliveries x WHERE x.alert_id = a.id AND x.status = 'failed')"
            } else {
                ""
            }
        );
        let mut st = self.conn.prepare(&sql).ctx("preparing alert list")?;
        let rows = st
            .query_map([limit as i64], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .ctx("listing alerts")?
            .collect::<Result<Vec<_>, _>>()
            .ctx("listing alerts")?;
        let mut dst = self
            .conn
            .prepare(
                "SELECT channel, status, attempts, next_attempt_at, last_error, delivered_at
                 FROM alert_deliveries WHERE alert_id = ?1 ORDER BY channel",
            )
            .ctx("preparing delivery list")?;
        let mut out = Vec::new();
        for (id, payload, created_at) in rows {
            let Ok(alert) = serde_json::from_str::<Alert>(&payload) else {
                continue;
            };
            let deliveries = dst
                .query_map([&id], |r| {
                    Ok(DeliveryRow {
                        channel: r.get(0)?,
                        status: r.get(1)?,
                        attempts: r.get(2)?,
                        next_attempt_at: r.get(3)?,
                        last_error: r.get(4)?,
                        delivered_at: r.get(5)?,
                    })
                })
                .ctx("listing deliveries")?
                .collect::<Result<Vec<_>, _>>()
                .ctx("listing deliveries")?;
            out.push(AlertRow {
                alert,
                created_at,
                deliveries,
            });
        }
        Ok(out)
    }

    /// A value kept in the `meta` table (the watch's last cycle).
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .ctx("reading meta")
    }

    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO meta(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .ctx("writing meta")?;
        Ok(())
    }
}
