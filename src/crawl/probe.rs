//! `sources check`: probe every source now and say how it answers, storing nothing.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tokio::task::JoinSet;

use super::edgar;
use crate::config::{Config, Source};
use crate::http::{Client, Conditional, FetchError, Fetched, Lane};
use crate::model::SourceKind;

/// What one source answered, and the verdict.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Probe {
    pub name: String,
    /// `ok`, `stale`, `moved`, `empty` or `failing: <named error>`.
    pub verdict: String,
    pub url: String,
    pub http_status: Option<u16>,
    pub final_url: Option<String>,
    pub content_type: Option<String>,
    /// `rss`, `atom`, `rdf`, `json feed`, `html` or `edgar submissions`.
    pub format: Option<String>,
    pub items: Option<usize>,
    pub newest: Option<String>,
    pub moved_to: Option<String>,
}

impl Probe {
    pub fn is_failing(&self) -> bool {
        self.verdict.starts_with("failing")
    }
}

/// Probe `sources` (each once, concurrently as a crawl would, politely); `stale_days`: no item newer
/// than this many days makes a source `stale`.
pub async fn probe(
    cfg: &Config,
    sources: Vec<Source>,
    stale_days: i64,
) -> anyhow::Result<Vec<Probe>> {
    let client = Arc::new(Client::new(cfg)?);
    let cfg = Arc::new(cfg.clone());
    let mut tasks = JoinSet::new();
    for (i, src) in sources.into_iter().enumerate() {
        let (client, cfg) = (client.clone(), cfg.clone());
        tasks.spawn(async move { (i, probe_one(&client, &cfg, src, stale_days).await) });
    }
    let mut out = Vec::new();
    while let Some(j) = tasks.join_next().await {
        out.push(j.map_err(|e| anyhow::anyhow!("a probe failed: {e}"))?);
    }
    out.sort_by_key(|(i, _)| *i);
    Ok(out.into_iter().map(|(_, p)| p).collect())
}

async fn probe_one(client: &Client, cfg: &Config, src: Source, stale_days: i64) -> Probe {
    let mut p = Probe {
        name: src.name.clone(),
        verdict: String::new(),
        url: src.url.clone(),
        http_status: None,
        final_url: None,
        content_type: None,
        format: None,
        items: None,
        newest: None,
        moved_to: None,
    };
    match read(client, cfg, &src).await {
        Err(e) => {
            p.http_status = e.http_status();
            p.verdict = format!("failing: {e}");
        }
        Ok((f, format, items, newest)) => {
            p.http_status = Some(f.status);
            p.final_url = Some(f.final_url.clone());
            p.content_type = f.content_type.clone();
            p.format = Some(format.to_string());
            p.items = Some(items);
            p.newest = newest.map(crate::model::fmt_time);
            p.moved_to = f.moved_to.clone();
            let fresh =
                newest.is_some_and(|t| Utc::now() - t <= chrono::Duration::days(stale_days));
            p.verdict = if let Some(to) = &f.moved_to {
                format!("moved to {to}: update feeds.toml")
            } else if items == 0 {
                "empty".into()
            } else if !fresh {
                "stale".into()
            } else {
                "ok".into()
            };
        }
    }
    p
}

type Read = (Fetched, &'static str, usize, Option<DateTime<Utc>>);

async fn read(client: &Client, cfg: &Config, src: &Source) -> Result<Read, FetchError> {
    if src.kind == SourceKind::Edgar {
        edgar::require_contact(&client.user_agent)?;
        let f = fetched(client.get(&src.url, Lane::Sec, None).await?)?;
        let list = edgar::parse_submission_list(&f.body)?;
        let kept: Vec<_> = list
            .filings
            .iter()
            .filter(|x| {
                cfg.edgar
                    .forms
                    .iter()
                    .any(|k| k.eq_ignore_ascii_case(&x.form))
            })
            .collect();
        let newest = kept
            .iter()
            .filter_map(|x| {
                x.accepted_json
                    .or_else(|| x.filing_date.and_hms_opt(0, 0, 0).map(|t| t.and_utc()))
            })
            .max();
        return Ok((f, "edgar submissions", kept.len(), newest));
    }
    let f = fetched(
        client
            .get_as(&src.url, Client::lane_for(&src.url), None, &src.identity)
            .await?,
    )?;
    let (docs, _) = super::run::parse_fetched(src, &f, 0)?;
    let format = match src.kind {
        SourceKind::Page => "html",
        _ => sniff(&f.body),
    };
    let newest = docs.iter().filter_map(|d| d.published_at).max();
    Ok((f, format, docs.len(), newest))
}

fn fetched(c: Conditional) -> Result<Fetched, FetchError> {
    match c {
        Conditional::Modified(f) => Ok(f),
        Conditional::NotModified => Err(FetchError::Other("unexpected 304".into())),
    }
}

/// The feed format by its root element.
fn sniff(body: &[u8]) -> &'static str {
    let head = String::from_utf8_lossy(&body[..body.len().min(2048)]).to_ascii_lowercase();
    let t = head.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('{') {
        "json feed"
    } else if head.contains("<rdf:rdf") {
        "rdf"
    } else if head.contains("<feed") {
        "atom"
    } else if head.contains("<rss") {
        "rss"
    } else {
        "xml"
    }
}
