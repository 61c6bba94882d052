//! The article phase of a crawl: fetch the linked page of each summary-only item (robots.txt and
//! its Crawl-delay honoured) and store its main text.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use tokio::sync::{OnceCell, Semaphore};
use tokio::task::JoinSet;

use super::decode::{Markup, charset_of, decode};
use super::main_text;
use super::progress::progress_bar;
use crate::config::Config;
use crate::http::{Client, Conditional, FetchError};
use crate::store::Store;

/// What the article phase did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleReport {
    pub fetched: usize,
    pub no_text: usize,
    pub robots: usize,
    pub failed: usize,
    pub deferred: usize,
    /// Links never requested: a scheme, credentials or an address that untrusted text may not
    /// lead to (see [`Client::get_link`]).
    pub refused: usize,
    /// One line per host whose links were refused, with why.
    pub notes: Vec<String>,
}

/// How robots.txt answered for one origin.
#[derive(Clone)]
enum Robots {
    Rules(Arc<texting_robots::Robot>),
    AllowAll,
    /// robots.txt could not be read (5xx, timeout): try again next crawl.
    Unknown,
}

pub(super) async fn fetch_articles(
    store: &mut Store,
    client: &Arc<Client>,
    cfg: &Arc<Config>,
    progress: bool,
) -> anyhow::Result<ArticleReport> {
    let pending = store.pending_articles(2_000)?;
    let mut report = ArticleReport::default();
    if pending.is_empty() {
        return Ok(report);
    }
    let bar = progress_bar(progress, pending.len() as u64, "articles");
    let robots: Arc<tokio::sync::Mutex<HashMap<String, Arc<OnceCell<Robots>>>>> = Arc::default();
    let limit = Arc::new(Semaphore::new(cfg.crawl.concurrency));
    // the host each source is configured at: its own links may stay on it even when it is local
    // and the User-Agent and headers it is fetched with, which its article pages get too
    let hosts: HashMap<String, (String, crate::config::Identity)> = cfg
        .all_sources()
        .into_iter()
        .filter_map(|s| {
            let host = url::Url::parse(&s.url).ok()?.host_str()?.to_string();
            Some((s.name, (host, s.identity)))
        })
        .collect();
    let mut tasks = JoinSet::new();
    for p in pending {
        let (client, robots, limit) = (client.clone(), robots.clone(), limit.clone());
        let (own_host, identity) = hosts.get(&p.source).cloned().unzip();
        tasks.spawn(async move {
            let _permit = limit.acquire_owned().await;
            let identity = identity.unwrap_or_default();
            let r = fetch_article(&client, &robots, &p.url, own_host.as_deref(), &identity).await;
            (p.id, r)
        });
    }
    // host -> (why, how many links)
    let mut refused_hosts: std::collections::BTreeMap<String, (String, usize)> = Default::default();
    while let Some(joined) = tasks.join_next().await {
        let (id, r) = match joined {
            Ok(x) => x,
            Err(e) => anyhow::bail!("an article task failed: {e}"),
        };
        if let Ok(Article {
            published: Some(t), ..
        }) = &r
        {
            store.set_published_if_missing(id, *t)?;
        }
        match r {
            Ok(Article {
                text: Some(text), ..
            }) => {
                store.set_article(id, Some(&text), "done")?;
                report.fetched += 1;
            }
            Ok(Article { text: None, .. }) => {
                store.set_article(id, None, "no_text")?;
                report.no_text += 1;
            }
            Err(FetchError::Robots) => {
                store.set_article(id, None, "robots")?;
                report.robots += 1;
            }
            // said once per host in the crawl's notes; not a failure of the source or the crawl
            Err(e @ FetchError::LinkRefused { .. }) => {
                store.set_article(id, None, &format!("refused: {e}"))?;
                report.refused += 1;
                if let FetchError::LinkRefused { url, why } = e {
                    let host = url::Url::parse(&url)
                        .ok()
                        .map(|u| match u.host_str() {
                            Some(h) => h.to_string(),
                            None => format!("{}: URLs", u.scheme()),
                        })
                        .unwrap_or(url);
                    refused_hosts.entry(host).or_insert((why, 0)).1 += 1;
                }
            }
            // passing trouble: the article stays pending for the next crawl
            Err(
                FetchError::Timeout(_)
                | FetchError::ConnectTimeout(_)
                | FetchError::Connect(_)
                | FetchError::ServerError(_)
                | FetchError::RobotsUnavailable
                | FetchError::RateLimited { .. },
            ) => report.deferred += 1,
            Err(e) => {
                store.set_article(id, None, &format!("failed: {e}"))?;
                report.failed += 1;
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    report.notes = refused_hosts
        .into_iter()
        .map(|(host, (why, n))| {
            let links = if n == 1 { "link" } else { "links" };
            format!("{n} {links} to {host} refused: {why}")
        })
        .collect();
    Ok(report)
}

async fn fetch_article(
    client: &Client,
    robots: &tokio::sync::Mutex<HashMap<String, Arc<OnceCell<Robots>>>>,
    url: &str,
    own_host: Option<&str>,
    identity: &crate::config::Identity,
) -> Result<Article, FetchError> {
    let parsed = url::Url::parse(url).map_err(|_| FetchError::BadUrl(url.to_string()))?;
    // a link from a feed is untrusted: refused here, before robots.txt is asked, if it leads
    // somewhere it must not (the article request checks every redirect hop again)
    client.check_link(&parsed, own_host).await?;
    let origin = parsed.origin().ascii_serialization();
    let cell = robots
        .lock()
        .await
        .entry(origin.clone())
        .or_default()
        .clone();
    let rules = cell
        .get_or_init(|| async {
            let robots_url = format!("{origin}/robots.txt");
            match client.get_link(&robots_url, own_host, identity).await {
                Ok(Conditional::Modified(f)) => {
                    match texting_robots::Robot::new("hashpivot", &f.body) {
                        Ok(r) => {
                            // Crawl-delay (capped at a minute) widens this host's gap
                            if let Some(d) = r.delay.filter(|d| *d > 0.0) {
                                let gap = Duration::from_secs_f32(d.min(60.0));
                                client.slow_down(&Client::lane_for(url), gap).await;
                            }
                            Robots::Rules(Arc::new(r))
                        }
                        Err(_) => Robots::AllowAll,
                    }
                }
                // no robots.txt (4xx) or an empty one: everything is allowed
                Err(FetchError::Gone(_) | FetchError::ClientError(_) | FetchError::EmptyBody) => {
                    Robots::AllowAll
                }
                Ok(Conditional::NotModified) => Robots::AllowAll,
                Err(_) => Robots::Unknown,
            }
        })
        .await
        .clone();
    match rules {
        Robots::Rules(r) if !r.allowed(url) => return Err(FetchError::Robots),
        Robots::Unknown => return Err(FetchError::RobotsUnavailable),
        _ => {}
    }
    let fetched = match client.get_link(url, own_host, identity).await? {
        Conditional::Modified(f) => f,
        Conditional::NotModified => return Ok(Article::default()),
    };
    let html = decode(
        &fetched.body,
        charset_of(fetched.content_type.as_deref()).as_deref(),
        Markup::Html,
    );
    let final_url = fetched.final_url.clone();
    Ok(tokio::task::spawn_blocking(move || Article {
        text: main_text::extract(&html, &final_url),
        published: page_date(&html),
    })
    .await
    .unwrap_or_default())
}

/// What an article page gave: its main text, and the date it states (for an item whose listing
/// had none).
#[derive(Debug, Default)]
struct Article {
    text: Option<String>,
    published: Option<chrono::DateTime<chrono::Utc>>,
}

/// The date a release page states: `article:published_time` (or a similar meta), a `<time>`, or
/// the first date written near the top of its text.
fn page_date(html: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let doc = scraper::Html::parse_document(html);
    let meta = scraper::Selector::parse(
        "meta[property='article:published_time'], meta[name='date'], meta[itemprop='datePublished'], meta[name='publish-date']",
    )
    .expect("static selector");
    let time = scraper::Selector::parse("time").expect("static selector");
    doc.select(&meta)
        .find_map(|m| m.value().attr("content").and_then(super::page::parse_date))
        .or_else(|| {
            doc.select(&time).find_map(|t| {
                t.value()
                    .attr("datetime")
                    .and_then(super::page::parse_date)
                    .or_else(|| super::page::parse_date(&t.text().collect::<String>()))
            })
        })
        .or_else(|| {
            let text = super::text::html_to_text(html);
            let head: String = text.chars().take(600).collect();
            super::page::date_in_text(&head)
        })
}
