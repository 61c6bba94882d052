//! The HTTP client: politeness (one request at a time per host, a gap between requests, SEC's
//! 10 requests/s), conditional GET, a streamed body cap, and one named error per failure mode.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};
use tokio::sync::Mutex;
use tokio::time::Instant;

use crate::config::Config;

/// Every way a fetch can fail, each with its own name so the crawl summary, `status` and the tests
/// can tell them apart.
#[derive(Debug, Clone, thiserror::Error, PartialEq)]
pub enum FetchError {
    #[error("rate limited: HTTP {status}{}", retry_after.map(|d| format!(", retry after {}s", d.as_secs())).unwrap_or_default())]
    RateLimited {
        status: u16,
        retry_after: Option<Duration>,
    },
    #[error("gone: HTTP {0}")]
    Gone(u16),
    #[error("server error: HTTP {0}")]
    ServerError(u16),
    #[error("refused: HTTP {0}")]
    ClientError(u16),
    #[error("connect timeout after {0:.0?}")]
    ConnectTimeout(Duration),
    #[error("timeout: no complete response within {0:.0?}")]
    Timeout(Duration),
    #[error("connection failed: {0}")]
    Connect(String),
    #[error("body larger than the {0}-byte cap")]
    TooLarge(u64),
    #[error("too many redirects (limit {0})")]
    TooManyRedirects(usize),
    #[error("corrupt or truncated body: {0}")]
    BadBody(String),
    #[error("empty body")]
    EmptyBody,
    #[error("bad URL '{0}'")]
    BadUrl(String),
    #[error("malformed content: {0}")]
    Malformed(String),
    #[error("parser crashed on this content: {0}")]
    ParserPanic(String),
    #[error("disallowed by robots.txt")]
    Robots,
    #[error("robots.txt could not be read")]
    RobotsUnavailable,
    #[error("{0}")]
    Refused(String),
    #[error("request failed: {0}")]
    Other(String),
}

impl FetchError {
    pub fn http_status(&self) -> Option<u16> {
        match self {
            FetchError::RateLimited { status, .. } => Some(*status),
            FetchError::Gone(s) | FetchError::ServerError(s) | FetchError::ClientError(s) => {
                Some(*s)
            }
            _ => None,
        }
    }
}

/// A successful response, body read in full.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub status: u16,
    pub final_url: String,
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// The outcome of a conditional GET.
#[derive(Debug, Clone)]
pub enum Conditional {
    Modified(Fetched),
    NotModified,
}

/// Which politeness budget a request draws on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Lane {
    /// SEC hosts together: at most `requests_per_second`.
    Sec,
    /// Any other host: one request at a time, `per_host_interval_ms` apart.
    Host(String),
}

/// When a lane may next send, and its own gap if robots.txt asked for a longer one.
#[derive(Default)]
struct LaneState {
    next: Option<Instant>,
    gap: Option<Duration>,
}

pub struct Client {
    inner: reqwest::Client,
    timeout: Duration,
    connect_timeout: Duration,
    max_body: u64,
    max_redirects: usize,
    host_gap: Duration,
    sec_gap: Duration,
    lanes: std::sync::Mutex<HashMap<Lane, Arc<Mutex<LaneState>>>>,
    pub user_agent: String,
}

impl Client {
    pub fn new(cfg: &Config) -> anyhow::Result<Client> {
        // reqwest is built without a default crypto provider (no aws-lc C build); install ring
        // once per process before the first client exists.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let timeout = Duration::from_secs_f64(cfg.crawl.timeout_secs);
        let connect_timeout = Duration::from_secs_f64(cfg.crawl.connect_timeout_secs);
        let user_agent = cfg.user_agent();
        let inner = reqwest::Client::builder()
            .user_agent(user_agent.clone())
            .timeout(timeout)
            .connect_timeout(connect_timeout)
            .redirect(reqwest::redirect::Policy::limited(cfg.crawl.max_redirects))
            .gzip(true)
            .brotli(true)
            .build()?;
        Ok(Client {
            inner,
            timeout,
            connect_timeout,
            max_body: cfg.crawl.max_body_bytes,
            max_redirects: cfg.crawl.max_redirects,
            host_gap: Duration::from_millis(cfg.crawl.per_host_interval_ms),
            sec_gap: Duration::from_secs_f64(1.0 / cfg.edgar.requests_per_second),
            lanes: std::sync::Mutex::new(HashMap::new()),
            user_agent,
        })
    }

    /// The lane of a URL: SEC hosts share one, every other host has its own.
    pub fn lane_for(url: &str) -> Lane {
        let host = url::Url::parse(url)
            .ok()
            .and_then(|u| {
                u.host_str()
                    .map(|h| format!("{h}:{}", u.port_or_known_default().unwrap_or(0)))
            })
            .unwrap_or_default();
        let bare = host.split(':').next().unwrap_or("");
        if bare == "sec.gov" || bare.ends_with(".sec.gov") {
            Lane::Sec
        } else {
            Lane::Host(host)
        }
    }

    /// Space a lane's requests at least `gap` apart (robots.txt `Crawl-delay`).
    pub async fn slow_down(&self, lane: &Lane, gap: Duration) {
        let slot = self.lane(lane);
        let mut st = slot.lock().await;
        st.gap = Some(st.gap.map_or(gap, |g| g.max(gap)));
    }

    fn lane(&self, lane: &Lane) -> Arc<Mutex<LaneState>> {
        let mut map = self.lanes.lock().unwrap_or_else(|e| e.into_inner());
        map.entry(lane.clone()).or_default().clone()
    }

    /// GET a URL. `validators` are the stored ETag and Last-Modified for a conditional GET.
    pub async fn get(
        &self,
        url: &str,
        lane: Lane,
        validators: Option<(Option<&str>, Option<&str>)>,
    ) -> Result<Conditional, FetchError> {
        let parsed = url::Url::parse(url).map_err(|_| FetchError::BadUrl(url.to_string()))?;
        let gap = if lane == Lane::Sec {
            self.sec_gap
        } else {
            self.host_gap
        };
        // The lane's lock is held for the whole request: one request at a time per lane, and the
        // next one starts no sooner than `gap` after this one started.
        let slot = self.lane(&lane);
        let mut next = slot.lock().await;
        if let Some(at) = next.next {
            tokio::time::sleep_until(at).await;
        }
        let gap = next.gap.map_or(gap, |g| g.max(gap));
        next.next = Some(Instant::now() + gap);
        let mut req = self.inner.get(parsed);
        if let Some((etag, lm)) = validators {
            if let Some(e) = etag {
                req = req.header(header::IF_NONE_MATCH, e);
            }
            if let Some(l) = lm {
                req = req.header(header::IF_MODIFIED_SINCE, l);
            }
        }
        let result = self.send(req).await;
        drop(next);
        result
    }

    async fn send(&self, req: reqwest::RequestBuilder) -> Result<Conditional, FetchError> {
        let mut resp = req.send().await.map_err(|e| self.classify(e))?;
        let status = resp.status();
        let headers = resp.headers().clone();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Conditional::NotModified);
        }
        if !status.is_success() {
            return Err(status_error(status, &headers));
        }
        if let Some(len) = resp.content_length()
            && len > self.max_body
        {
            return Err(FetchError::TooLarge(self.max_body));
        }
        let final_url = resp.url().to_string();
        let mut body = Vec::new();
        // Streamed, so a body over the cap is stopped as soon as it passes it.
        while let Some(chunk) = resp.chunk().await.map_err(|e| self.classify(e))? {
            if body.len() as u64 + chunk.len() as u64 > self.max_body {
                return Err(FetchError::TooLarge(self.max_body));
            }
            body.extend_from_slice(&chunk);
        }
        if body.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(FetchError::EmptyBody);
        }
        let text_header = |name| {
            headers
                .get(name)
                .and_then(|v: &header::HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        Ok(Conditional::Modified(Fetched {
            status: status.as_u16(),
            final_url,
            body,
            content_type: text_header(header::CONTENT_TYPE),
            etag: text_header(header::ETAG),
            last_modified: text_header(header::LAST_MODIFIED),
        }))
    }

    fn classify(&self, e: reqwest::Error) -> FetchError {
        if e.is_redirect() {
            return FetchError::TooManyRedirects(self.max_redirects);
        }
        if e.is_timeout() {
            if e.is_connect() {
                return FetchError::ConnectTimeout(self.connect_timeout);
            }
            return FetchError::Timeout(self.timeout);
        }
        if e.is_connect() {
            return FetchError::Connect(root_cause(&e));
        }
        if e.is_decode() || e.is_body() {
            return FetchError::BadBody(root_cause(&e));
        }
        FetchError::Other(root_cause(&e))
    }
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

fn status_error(status: StatusCode, headers: &HeaderMap) -> FetchError {
    let code = status.as_u16();
    match code {
        429 | 503 => FetchError::RateLimited {
            status: code,
            retry_after: headers
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| parse_retry_after(v, Utc::now())),
        },
        404 | 410 => FetchError::Gone(code),
        500..=599 => FetchError::ServerError(code),
        _ => FetchError::ClientError(code),
    }
}

/// `Retry-After` is either delay-seconds or an HTTP date.
pub fn parse_retry_after(v: &str, now: DateTime<Utc>) -> Option<Duration> {
    let v = v.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = DateTime::parse_from_rfc2822(v).ok()?.with_timezone(&Utc);
    Some((when - now).to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_http_date() {
        let now = DateTime::parse_from_rfc3339("2025-08-14T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            parse_retry_after("120", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Thu, 14 Aug 2025 12:01:30 GMT", now),
            Some(Duration::from_secs(90))
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn sec_hosts_share_a_lane() {
        assert_eq!(
            Client::lane_for("https://data.sec.gov/submissions/CIK0001839341.json"),
            Lane::Sec
        );
        assert_eq!(
            Client::lane_for("https://www.sec.gov/Archives/x"),
            Lane::Sec
        );
        assert_eq!(
            Client::lane_for("https://notsec.gov.example.com/"),
            Lane::Host("notsec.gov.example.com:443".into())
        );
    }
}
