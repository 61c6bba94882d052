//! The alert stage: deliver what the store decided to announce (`store::alerts`), channel by
//! channel, and record every attempt.
//!
//! Each delivery is recorded right after its attempt, so a restart delivers what is pending and a
//! repeat can only follow a kill between sending and recording (the alert's id lets a receiver drop
//! it). A failed attempt is retried after `[watch] alert_retry`, doubled per failure, until
//! `alert_attempts`; a channel that failed is not tried again in the same round, so a dead
//! receiver costs one timeout per round, not one per alert.

mod channels;

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::config::Config;
use crate::http::Client;
use crate::model::{Alert, AlertEvent};
use crate::store::{Attempt, Store, StoreError};

/// What one delivery round did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DeliveryReport {
    pub delivered: usize,
    /// Failed attempts that will be retried.
    pub retrying: usize,
    /// Deliveries that failed for good (out of attempts, or their channel is gone).
    pub failed: usize,
    /// One line per failed attempt: `channel: alert id: error`.
    pub errors: Vec<String>,
}

/// Deliver every pending delivery that is due at `now`.
pub async fn deliver(
    cfg: &Config,
    store: &mut Store,
    data_dir: &Path,
    now: DateTime<Utc>,
) -> Result<DeliveryReport, StoreError> {
    let due = store.due_deliveries(now)?;
    let mut report = DeliveryReport::default();
    if due.is_empty() {
        return Ok(report);
    }
    let client = match Client::new(cfg) {
        Ok(c) => Some(c),
        Err(e) => {
            report
                .errors
                .push(format!("the HTTP client did not start: {e}"));
            None
        }
    };
    let mut failed_now: HashSet<String> = HashSet::new();
    for d in due {
        if failed_now.contains(&d.channel) {
            continue;
        }
        let rule = cfg.alerts.iter().find(|r| r.channel_key() == d.channel);
        let result = match rule {
            None => Err("the channel is no longer in feeds.toml".to_string()),
            Some(rule) => channels::send(rule, &d.alert, client.as_ref(), cfg, data_dir).await,
        };
        let attempt = match result {
            Ok(()) => {
                report.delivered += 1;
                Attempt::Delivered
            }
            Err(error) => {
                failed_now.insert(d.channel.clone());
                report
                    .errors
                    .push(format!("{}: {}: {error}", d.channel, d.alert.id));
                let attempts = d.attempts + 1;
                // the wait counts from the end of the attempt (a timeout may have taken long)
                let retry_at = (rule.is_some() && attempts < i64::from(cfg.watch.alert_attempts))
                    .then(|| Utc::now() + retry_wait(cfg, attempts));
                if retry_at.is_some() {
                    report.retrying += 1;
                } else {
                    report.failed += 1;
                }
                Attempt::Failed { error, retry_at }
            }
        };
        store.record_delivery(&d.alert.id, &d.channel, &attempt, Utc::now())?;
    }
    Ok(report)
}

/// The wait after the `attempts`-th failed attempt: `alert_retry`, doubled per further failure.
pub fn retry_wait(cfg: &Config, attempts: i64) -> chrono::Duration {
    let exp = (attempts.max(1) - 1).min(20) as u32;
    let base = cfg.watch.alert_retry.0.as_secs().max(1);
    chrono::Duration::seconds(base.saturating_mul(2u64.saturating_pow(exp)).min(86_400) as i64)
}

/// The alert as one line of text (the body of a `slack` webhook).
pub fn text(a: &Alert) -> String {
    let mut s = match a.event {
        AlertEvent::NewDeal | AlertEvent::UpdatedDeal => {
            let mut s = format!(
                "{}{} {} {} with {}",
                if a.event == AlertEvent::UpdatedDeal {
                    "Updated: "
                } else {
                    ""
                },
                a.ticker,
                a.deal_type.map_or("", |t| t.as_str()),
                a.kind.map_or("deal", |k| k.as_str()),
                a.counterparty.as_deref().unwrap_or("undisclosed")
            );
            s.push_str(&crate::report::text::terms_in_parens(
                a.value_usd,
                a.capacity_mw,
                a.term_years,
            ));
            if let Some(d) = a.event_day {
                s.push_str(&format!("; day 0 {d}"));
            }
            if let Some(c) = a.confidence {
                s.push_str(&format!("; confidence {c:.2}"));
            }
            if let Some(t) = a.tone {
                s.push_str(&format!("; tone {t:+.2}"));
            }
            s.push_str(&format!(". {}", a.title));
            s
        }
        AlertEvent::Filing | AlertEvent::PressRelease => format!(
            "{} new {}: {}",
            a.ticker,
            if a.event == AlertEvent::Filing {
                "filing"
            } else {
                "press release"
            },
            a.title
        ),
    };
    if let Some(l) = a.links.first() {
        s.push_str(&format!(" {l}"));
    }
    s
}
