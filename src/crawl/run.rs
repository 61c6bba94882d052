//! The crawl scheduler: sources fetched concurrently (one request at a time per host), results
//! stored as they arrive, then the article pages of new summary-only items.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::articles::ArticleReport;
use super::decode::{Markup, charset_of, decode};
use super::progress::progress_bar;
use super::{edgar, feed, page};
use crate::UsageError;
use crate::config::{Config, Source};
use crate::http::{Client, Conditional, FetchError, Fetched, Lane};
use crate::model::{DocKind, NewDocument, SourceKind, fmt_time};
use crate::store::{FetchLogEntry, SourceState, Store};

#[derive(Debug, Clone, Default)]
pub struct CrawlOptions {
    /// Only these sources (by name); empty means all.
    pub sources: Vec<String>,
    /// Ignore `next_due_at` (back-off and Retry-After).
    pub force: bool,
    /// Fetch article pages for summary-only items (and the config allows it).
    pub articles: bool,
    /// Show a progress bar on stderr (only drawn when stderr is a terminal).
    pub progress: bool,
    /// Called once, when a source first brings new or changed documents (`crawl` starts the
    /// analysis's preparation on another thread then); a crawl that finds nothing new never
    /// calls it.
    pub on_first_new: Option<fn()>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Fetched,
    Unchanged,
    Failed,
    Skipped,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceReport {
    pub name: String,
    pub kind: &'static str,
    pub outcome: Outcome,
    pub http_status: Option<u16>,
    pub new: usize,
    pub updated: usize,
    pub error: Option<String>,
    pub next_due_at: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct CrawlReport {
    pub sources: Vec<SourceReport>,
    pub documents_new: usize,
    pub articles: ArticleReport,
}

impl CrawlReport {
    pub fn count(&self, o: Outcome) -> usize {
        self.sources.iter().filter(|s| s.outcome == o).count()
    }
}

/// What fetching one source produced, before it is stored.
struct SourceFetch {
    source: Source,
    state: SourceState,
    started_at: DateTime<Utc>,
    result: Result<Fetch, FetchError>,
}

enum Fetch {
    NotModified,
    Docs {
        meta: Box<Fetched>,
        docs: Vec<NewDocument>,
        /// Parts that failed (EDGAR filings); the source is then recorded as failed so it is
        /// retried in full, while what did work is kept.
        partial: Vec<String>,
        /// How the response was read when it needed recovery.
        note: Option<String>,
    },
}

/// The configured sources named in `names` (all when empty); an unknown name is a usage error
/// listing the known ones.
pub fn select_sources(cfg: &Config, names: &[String]) -> Result<Vec<Source>, UsageError> {
    let all = cfg.all_sources();
    if names.is_empty() {
        return Ok(all);
    }
    let known: HashSet<&str> = all.iter().map(|s| s.name.as_str()).collect();
    for wanted in names {
        if !known.contains(wanted.as_str()) {
            let mut known: Vec<&str> = known.iter().copied().collect();
            known.sort();
            return Err(UsageError(format!(
                "unknown source '{wanted}'; configured sources: {}",
                known.join(", ")
            )));
        }
    }
    Ok(all
        .into_iter()
        .filter(|s| names.contains(&s.name))
        .collect())
}

/// Crawl the configured sources into the store.
pub async fn crawl(
    cfg: &Config,
    store: &mut Store,
    opts: &CrawlOptions,
) -> anyhow::Result<CrawlReport> {
    let selected = select_sources(cfg, &opts.sources)?;
    let list: Vec<(String, &str, String)> = selected
        .iter()
        .map(|s| (s.name.clone(), s.kind.as_str(), s.url.clone()))
        .collect();
    store.sync_sources(&list)?;

    let client = Arc::new(Client::new(cfg)?);
    let cfg = Arc::new(cfg.clone());
    let now = Utc::now();
    let mut report = CrawlReport::default();
    let bar = progress_bar(opts.progress, selected.len() as u64, "sources");
    let limit = Arc::new(Semaphore::new(cfg.crawl.concurrency));
    let mut tasks = JoinSet::new();
    for src in selected {
        let state = store.source_state(&src.name)?;
        if !opts.force
            && let Some(due) = state.next_due_at
            && due > now
        {
            report.sources.push(SourceReport {
                name: src.name.clone(),
                kind: src.kind.as_str(),
                outcome: Outcome::Skipped,
                http_status: None,
                new: 0,
                updated: 0,
                error: Some(format!("backing off until {}", fmt_time(due))),
                next_due_at: Some(fmt_time(due)),
            });
            bar.inc(1);
            continue;
        }
        let known = match &src.company {
            Some(c) => store.known_accessions(&c.cik10())?,
            None => HashSet::new(),
        };
        let (client, cfg, limit) = (client.clone(), cfg.clone(), limit.clone());
        tasks.spawn(async move {
            let _permit = limit.acquire_owned().await;
            let started_at = Utc::now();
            let result = fetch_source(&client, &cfg, &src, &state, &known).await;
            SourceFetch {
                source: src,
                state,
                started_at,
                result,
            }
        });
    }
    let mut on_first_new = opts.on_first_new;
    while let Some(joined) = tasks.join_next().await {
        // the sources fetched meanwhile are stored with it, in one transaction
        let mut fetches = Vec::new();
        for joined in std::iter::once(joined).chain(std::iter::from_fn(|| tasks.try_join_next())) {
            match joined {
                Ok(f) => fetches.push(f),
                Err(e) => anyhow::bail!("a crawl task failed: {e}"),
            }
        }
        if let Some(last) = fetches.last() {
            bar.set_message(last.source.name.clone());
        }
        for r in store_ready(store, &cfg, &fetches) {
            if r.new + r.updated > 0
                && let Some(first_new) = on_first_new.take()
            {
                first_new();
            }
            report.documents_new += r.new;
            report.sources.push(r);
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    report.sources.sort_by(|a, b| a.name.cmp(&b.name));

    if opts.articles && cfg.crawl.fetch_articles {
        report.articles =
            super::articles::fetch_articles(store, &client, &cfg, opts.progress).await?;
    }
    Ok(report)
}

fn backoff(cfg: &Config, failures: i64) -> Duration {
    let exp = (failures.max(1) - 1).min(30) as u32;
    let secs = cfg
        .crawl
        .backoff_base_secs
        .saturating_mul(2u64.saturating_pow(exp))
        .min(cfg.crawl.backoff_max_secs);
    Duration::from_secs(secs)
}

/// The fetches that came in together, stored in one transaction (`Store::batch`). When its
/// commit fails (a full disk), nothing of it was kept, and each fetch is stored again alone, so
/// one that does not fit fails only itself.
fn store_ready(store: &mut Store, cfg: &Config, fetches: &[SourceFetch]) -> Vec<SourceReport> {
    store
        .batch(|store| store_each(store, cfg, fetches))
        .unwrap_or_else(|_| store_each(store, cfg, fetches))
}

/// Each fetch stored in its own savepoint. A store error (a full disk, say) fails that source,
/// not the crawl: its savepoint was rolled back, so nothing stored before is touched.
fn store_each(store: &mut Store, cfg: &Config, fetches: &[SourceFetch]) -> Vec<SourceReport> {
    fetches
        .iter()
        .map(|f| {
            store_fetch(store, cfg, f).unwrap_or_else(|e| SourceReport {
                name: f.source.name.clone(),
                kind: f.source.kind.as_str(),
                outcome: Outcome::Failed,
                http_status: None,
                new: 0,
                updated: 0,
                error: Some(format!("storing: {}", crate::error_chain(&e))),
                next_due_at: None,
            })
        })
        .collect()
}

fn store_fetch(store: &mut Store, cfg: &Config, f: &SourceFetch) -> anyhow::Result<SourceReport> {
    let name = f.source.name.clone();
    let kind = f.source.kind.as_str();
    // the status and what follows are filled in below, as the fetch went
    let mut entry = FetchLogEntry {
        started_at: f.started_at,
        http_status: None,
        ..FetchLogEntry::ok(&f.source.url)
    };
    let fail_due = |extra: Option<Duration>| {
        let wait = backoff(cfg, f.state.consecutive_failures + 1).max(extra.unwrap_or_default());
        Utc::now() + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(24))
    };
    match &f.result {
        Ok(Fetch::NotModified) => {
            entry.http_status = Some(304);
            store.record_fetch(&name, &entry)?;
            Ok(SourceReport {
                name,
                kind,
                outcome: Outcome::Unchanged,
                http_status: Some(304),
                new: 0,
                updated: 0,
                error: None,
                next_due_at: None,
            })
        }
        Ok(Fetch::Docs {
            meta,
            docs,
            partial,
            note,
        }) => {
            // a permanent move is said first: the user has something to fix in feeds.toml
            entry.note = match (&meta.moved_to, note) {
                (Some(to), Some(n)) => Some(format!("moved to {to}: update feeds.toml; {n}")),
                (Some(to), None) => Some(format!("moved to {to}: update feeds.toml")),
                (None, n) => n.clone(),
            };
            entry.http_status = Some(meta.status);
            entry.bytes = Some(meta.body.len() as u64);
            entry.etag = meta.etag.clone();
            entry.last_modified = meta.last_modified.clone();
            if !partial.is_empty() {
                entry.error = Some(format!(
                    "{} part(s) failed, first: {}",
                    partial.len(),
                    partial[0]
                ));
                entry.next_due_at = Some(fail_due(None));
            }
            let out = store.commit_fetch(&name, docs, &entry)?;
            Ok(SourceReport {
                name,
                kind,
                outcome: if partial.is_empty() {
                    Outcome::Fetched
                } else {
                    Outcome::Failed
                },
                http_status: Some(meta.status),
                new: out.new,
                updated: out.updated,
                error: entry.error.clone(),
                next_due_at: entry.next_due_at.map(fmt_time),
            })
        }
        Err(e) => {
            let retry_after = match e {
                FetchError::RateLimited { retry_after, .. } => *retry_after,
                _ => None,
            };
            entry.http_status = e.http_status();
            entry.error = Some(e.to_string());
            // A refusal made here, before any request (no contact email, say), is the user's to
            // fix, not the server's to recover from: no back-off, so the next crawl tries again.
            entry.next_due_at = match e {
                FetchError::Refused(_) => None,
                _ => Some(fail_due(retry_after)),
            };
            store.record_fetch(&name, &entry)?;
            Ok(SourceReport {
                name,
                kind,
                outcome: Outcome::Failed,
                http_status: e.http_status(),
                new: 0,
                updated: 0,
                error: entry.error.clone(),
                next_due_at: entry.next_due_at.map(fmt_time),
            })
        }
    }
}

async fn fetch_source(
    client: &Client,
    cfg: &Config,
    src: &Source,
    state: &SourceState,
    known: &HashSet<String>,
) -> Result<Fetch, FetchError> {
    if src.kind == SourceKind::Edgar {
        return fetch_edgar(client, cfg, src, state, known).await;
    }
    let lane = Client::lane_for(&src.url);
    let validators = Some((state.etag.as_deref(), state.last_modified.as_deref()));
    let fetched = match client
        .get_as(&src.url, lane, validators, &src.identity)
        .await?
    {
        Conditional::NotModified => return Ok(Fetch::NotModified),
        Conditional::Modified(f) => f,
    };
    let (docs, note) = parse_fetched(src, &fetched, cfg.crawl.article_min_chars)?;
    Ok(Fetch::Docs {
        meta: Box::new(fetched),
        docs,
        partial: Vec::new(),
        note,
    })
}

/// A feed or listing page's documents, and how it was read when that needed recovery. `sources
/// check` reads what it probes the same way.
pub(super) fn parse_fetched(
    src: &Source,
    fetched: &Fetched,
    min_chars: usize,
) -> Result<(Vec<NewDocument>, Option<String>), FetchError> {
    let charset = charset_of(fetched.content_type.as_deref());
    match src.kind {
        SourceKind::Feed => {
            let parsed = feed::parse(
                &fetched.body,
                charset.as_deref(),
                &fetched.final_url,
                src.doc_kind,
                min_chars,
            )?;
            Ok((parsed.docs, parsed.recovery))
        }
        SourceKind::Page => {
            let html = decode(&fetched.body, charset.as_deref(), Markup::Html);
            Ok((page::parse_source(&html, &fetched.final_url, src)?, None))
        }
        SourceKind::Edgar => Err(FetchError::Other(
            "an EDGAR source is read through its submissions JSON".into(),
        )),
    }
}

async fn fetch_edgar(
    client: &Client,
    cfg: &Config,
    src: &Source,
    state: &SourceState,
    known: &HashSet<String>,
) -> Result<Fetch, FetchError> {
    edgar::require_contact(&client.user_agent)?;
    let company = src
        .company
        .as_ref()
        .ok_or_else(|| FetchError::Refused("EDGAR source without a company".into()))?;
    let validators = Some((state.etag.as_deref(), state.last_modified.as_deref()));
    // Every SEC request shares one lane, whatever host the config points at, so the 10/s budget
    // holds (and is testable on loopback).
    let meta = match client.get(&src.url, Lane::Sec, validators).await? {
        Conditional::NotModified => return Ok(Fetch::NotModified),
        Conditional::Modified(f) => f,
    };
    let list = edgar::parse_submission_list(&meta.body)?;
    let mut filings = list.filings.clone();
    // `since` before the recent list's oldest filing: the older pages hold the rest
    for page in edgar::pages_reaching(&list, cfg.edgar.since) {
        let url = url::Url::parse(&src.url)
            .and_then(|u| u.join(&page.name))
            .map_err(|_| FetchError::BadUrl(format!("{} + {}", src.url, page.name)))?;
        let body = get_body(client, url.as_str()).await?;
        filings.extend(edgar::parse_older_page(&body, &page.name)?);
    }
    let wanted: Vec<_> = filings
        .into_iter()
        .filter(|f| {
            cfg.edgar
                .forms
                .iter()
                .any(|k| k.eq_ignore_ascii_case(&f.form))
        })
        .filter(|f| cfg.edgar.since.is_none_or(|d| f.filing_date >= d))
        .filter(|f| !known.contains(&f.accession))
        .take(cfg.edgar.max_filings_per_company)
        .collect();
    let mut docs = Vec::new();
    let mut partial = Vec::new();
    for f in wanted {
        match fetch_filing(client, cfg, company, &f).await {
            Ok(d) => docs.push(d),
            Err(e) => partial.push(format!("{} {}: {e}", f.form, f.accession)),
        }
    }
    Ok(Fetch::Docs {
        meta: Box::new(meta),
        docs,
        partial,
        note: None,
    })
}

async fn get_body(client: &Client, url: &str) -> Result<Vec<u8>, FetchError> {
    match client.get(url, Lane::Sec, None).await? {
        Conditional::Modified(f) => Ok(f.body),
        Conditional::NotModified => Err(FetchError::Other("unexpected 304".into())),
    }
}

async fn fetch_filing(
    client: &Client,
    cfg: &Config,
    company: &crate::config::Company,
    f: &edgar::FilingRef,
) -> Result<NewDocument, FetchError> {
    let folder = edgar::filing_folder(&cfg.edgar.archives_url, &company.cik, &f.accession);
    let [in_folder, at_company] =
        edgar::index_urls(&cfg.edgar.archives_url, &company.cik, &f.accession);
    let (index_url, index_body) = match get_body(client, &in_folder).await {
        Ok(b) => (in_folder, b),
        Err(FetchError::Gone(_)) => {
            let b = get_body(client, &at_company).await?;
            (at_company, b)
        }
        Err(e) => return Err(e),
    };
    let index_html = String::from_utf8_lossy(&index_body).into_owned();
    let index = edgar::parse_index(&index_html, &index_url);
    let primary = edgar::unwrap_ixbrl(&f.primary_document);
    let primary_url = url::Url::parse(&folder)
        .and_then(|b| b.join(&primary))
        .map_err(|_| FetchError::BadUrl(format!("{folder}{primary}")))?
        .to_string();
    let primary_text = edgar::document_text(&get_body(client, &primary_url).await?);
    let exhibit_text = match &index.exhibit_url {
        Some(u) if *u != primary_url => {
            let text = edgar::document_text(&get_body(client, u).await?);
            // an exhibit of images only has no text: its description in the index is its caption
            match (&text, &index.exhibit_description) {
                (t, Some(d)) if t.is_empty() => Some(format!("Exhibit 99.1 (images only): {d}")),
                (t, None) if t.is_empty() => None,
                _ => Some(text),
            }
        }
        _ => None,
    };
    let (headline, lead) =
        edgar::headline_and_lead(exhibit_text.as_deref().unwrap_or(&primary_text));
    let images_only = exhibit_text
        .as_deref()
        .is_some_and(|t| t.starts_with("Exhibit 99.1 (images only)"));
    let title = match (&exhibit_text, headline) {
        (Some(_), Some(h)) if !images_only => h,
        _ => format!(
            "{} {}{}",
            company.name,
            f.form,
            f.items
                .as_deref()
                .map(|i| format!(" (items {i})"))
                .unwrap_or_default()
        ),
    };
    let body = match &exhibit_text {
        Some(ex) => format!("{ex}\n\n{primary_text}"),
        None => primary_text,
    };
    let published_at = index
        .accepted
        .or(f.accepted_json)
        .or_else(|| f.filing_date.and_hms_opt(0, 0, 0).map(|t| t.and_utc()));
    Ok(NewDocument {
        kind: DocKind::Filing,
        url: Some(index_url),
        guid: Some(f.accession.clone()),
        title,
        summary: lead,
        body: Some(body),
        author: Some(company.name.clone()),
        published_at,
        cik: Some(company.cik10()),
        form_type: Some(f.form.clone()),
        accession_no: Some(f.accession.clone()),
        items: f.items.clone(),
        needs_article: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fetches_stored_together_are_stored_alone_when_their_commit_fails() {
        let cfg = Config::parse(
            "[[source]]\nname = \"good\"\nkind = \"feed\"\nurl = \"https://a.example/f\"\n\n\
             [[source]]\nname = \"gone\"\nkind = \"feed\"\nurl = \"https://b.example/f\"\n",
            "t",
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        // only "good" is a known source: "gone"'s documents break the foreign key
        store
            .sync_sources(&[("good".into(), "feed", "https://a.example/f".into())])
            .unwrap();
        let sources = cfg.all_sources();
        let fetch = |i: usize| SourceFetch {
            source: sources[i].clone(),
            state: SourceState::default(),
            started_at: Utc::now(),
            result: Ok(Fetch::Docs {
                meta: Box::new(Fetched {
                    status: 200,
                    final_url: sources[i].url.clone(),
                    body: b"<rss/>".to_vec(),
                    content_type: None,
                    etag: None,
                    last_modified: None,
                    moved_to: None,
                }),
                docs: (0..3)
                    .map(|j| NewDocument {
                        url: Some(format!("{}/{j}", sources[i].url)),
                        guid: Some(format!("{i}-{j}")),
                        title: format!("item {j}"),
                        ..Default::default()
                    })
                    .collect(),
                partial: Vec::new(),
                note: None,
            }),
        };
        let fetches = [fetch(0), fetch(1)];
        // the foreign key checked only at the commit: the batch's commit fails
        store.execute_for_tests("PRAGMA defer_foreign_keys = ON");
        let reports = store_ready(&mut store, &cfg, &fetches);
        let got: Vec<(&str, Outcome, usize, Option<&str>)> = reports
            .iter()
            .map(|r| (r.name.as_str(), r.outcome, r.new, r.error.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("good", Outcome::Fetched, 3, None),
                (
                    "gone",
                    Outcome::Failed,
                    0,
                    Some("storing: inserting document: FOREIGN KEY constraint failed")
                ),
            ]
        );
        assert_eq!(store.source_state("good").unwrap().consecutive_failures, 0);
        assert_eq!(store.count_unindexed().unwrap(), 3);
    }

    #[test]
    fn backoff_doubles_and_caps_at_a_day() {
        let cfg = Config::parse("", "t").unwrap();
        assert_eq!(backoff(&cfg, 1), Duration::from_secs(300));
        assert_eq!(backoff(&cfg, 2), Duration::from_secs(600));
        assert_eq!(backoff(&cfg, 4), Duration::from_secs(2400));
        assert_eq!(backoff(&cfg, 12), Duration::from_secs(86_400));
        assert_eq!(backoff(&cfg, 100), Duration::from_secs(86_400));
    }
}
