//! The HTTP client: politeness (one request at a time per host, a gap between requests, SEC's
//! 10 requests/s), conditional GET, a streamed body cap, and one named error per failure mode.

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};
use tokio::sync::Mutex;
use tokio::time::Instant;

use crate::config::{Config, Identity};

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
    /// A link from untrusted text (or a hop it redirects to) that is never requested.
    #[error("link {url} refused: {why}")]
    LinkRefused { url: String, why: String },
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
    /// Where the requested URL has moved for good: the target of the 301/308 redirects that led
    /// from it (a temporary redirect anywhere in the chain leaves this `None`).
    pub moved_to: Option<String>,
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

/// Where host names are looked up: the system's resolver ([`SystemLookup`]), or a test's.
pub trait Lookup: Send + Sync {
    /// Every address `name` resolves to, in the order given.
    fn lookup(
        &self,
        name: &str,
    ) -> Pin<Box<dyn Future<Output = std::io::Result<Vec<IpAddr>>> + Send>>;
}

/// The system's resolver (getaddrinfo, through tokio).
pub struct SystemLookup;

impl Lookup for SystemLookup {
    fn lookup(
        &self,
        name: &str,
    ) -> Pin<Box<dyn Future<Output = std::io::Result<Vec<IpAddr>>> + Send>> {
        let name = name.to_string();
        Box::pin(async move {
            Ok(tokio::net::lookup_host((name.as_str(), 0))
                .await?
                .map(|a| a.ip())
                .collect())
        })
    }
}

/// The resolver of the client that fetches links from untrusted text: it hands the connection
/// only the public addresses a name resolves to (every address for `own_host`, the host of the
/// source the link came from), so the address that was checked is the address connected to. A
/// name that resolves again between the check before the request and the connection (DNS
/// rebinding) gets nowhere: reqwest asks this resolver, at every hop, and nothing else.
struct PublicOnly {
    lookup: Arc<dyn Lookup>,
    own_host: Option<String>,
}

/// A name whose every address is non-public, refused by [`PublicOnly`].
#[derive(Debug)]
struct OnlyPrivate {
    name: String,
    addrs: Vec<IpAddr>,
}

impl std::fmt::Display for OnlyPrivate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&only_private_why(&self.name, &self.addrs))
    }
}

impl std::error::Error for OnlyPrivate {}

/// Why a name is refused: it resolves only to non-public addresses.
fn only_private_why(name: &str, addrs: &[IpAddr]) -> String {
    let list: Vec<String> = addrs.iter().map(IpAddr::to_string).collect();
    format!(
        "{name} resolves only to private addresses ({}); only the source's own host may (set \
         allow_private_addresses under [crawl] to allow every private address)",
        list.join(", ")
    )
}

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let name = name.as_str().to_string();
        let own = self
            .own_host
            .as_deref()
            .is_some_and(|h| h.eq_ignore_ascii_case(&name));
        let lookup = self.lookup.clone();
        Box::pin(async move {
            let addrs = lookup.lookup(&name).await?;
            let kept: Vec<SocketAddr> = addrs
                .iter()
                .filter(|ip| own || is_public(**ip))
                .map(|ip| SocketAddr::new(*ip, 0))
                .collect();
            if kept.is_empty() && !addrs.is_empty() {
                return Err(Box::new(OnlyPrivate { name, addrs }) as _);
            }
            Ok(Box::new(kept.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

pub struct Client {
    /// Without automatic redirects: every hop is followed here, so that a permanent move is known
    /// ([`Client::get_as`]) and a link from untrusted text is checked at each hop
    /// ([`Client::get_link`]).
    no_redirects: reqwest::Client,
    /// The clients for links from untrusted text, one per source host they came from: each
    /// resolves through [`PublicOnly`] (none when private addresses are allowed).
    link_clients: std::sync::Mutex<HashMap<Option<String>, reqwest::Client>>,
    lookup: Arc<dyn Lookup>,
    user_agent_header: String,
    allow_private: bool,
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
        Client::with_lookup(cfg, Arc::new(SystemLookup))
    }

    /// A client whose host names are looked up by `lookup` (a test's resolver; [`Client::new`]
    /// uses the system's) for the check of untrusted links and their connections.
    pub fn with_lookup(cfg: &Config, lookup: Arc<dyn Lookup>) -> anyhow::Result<Client> {
        // reqwest is built without a default crypto provider (no aws-lc C build); install ring
        // once per process before the first client exists.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let timeout = Duration::from_secs_f64(cfg.crawl.timeout_secs);
        let connect_timeout = Duration::from_secs_f64(cfg.crawl.connect_timeout_secs);
        let user_agent = cfg.user_agent();
        let no_redirects = base_builder(&user_agent, timeout, connect_timeout).build()?;
        Ok(Client {
            no_redirects,
            link_clients: std::sync::Mutex::new(HashMap::new()),
            lookup,
            user_agent_header: user_agent.clone(),
            allow_private: cfg.crawl.allow_private_addresses,
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

    /// The client for links that came from the source at `own_host` (see [`PublicOnly`]); the
    /// plain one when the configuration allows private addresses.
    fn link_client(&self, own_host: Option<&str>) -> Result<reqwest::Client, FetchError> {
        if self.allow_private {
            return Ok(self.no_redirects.clone());
        }
        let key = own_host.map(str::to_ascii_lowercase);
        let mut map = self.link_clients.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = map.get(&key) {
            return Ok(c.clone());
        }
        let client = base_builder(&self.user_agent_header, self.timeout, self.connect_timeout)
            .dns_resolver(PublicOnly {
                lookup: self.lookup.clone(),
                own_host: key.clone(),
            })
            .build()
            .map_err(|e| FetchError::Other(root_cause(&e)))?;
        map.insert(key, client.clone());
        Ok(client)
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
        self.get_as(url, lane, validators, &Identity::default())
            .await
    }

    /// [`Client::get`] with a source's own User-Agent and headers. On the SEC lane the identity
    /// is ignored: SEC's fair-access rule wants the declared product token and contact address on
    /// every request, and no setting overrides that.
    pub async fn get_as(
        &self,
        url: &str,
        lane: Lane,
        validators: Option<(Option<&str>, Option<&str>)>,
        identity: &Identity,
    ) -> Result<Conditional, FetchError> {
        self.fetch(url, lane, validators, identity, None).await
    }

    /// GET a link found in untrusted text (an article or listing link from a feed anyone can
    /// write). Only `http` and `https`, no credentials in the URL, and no address that is
    /// loopback, private, link-local or otherwise non-public, unless it is the host of the source
    /// the link came from (`own_host`: a local test server, an intranet feed) or the
    /// configuration allows private addresses; every redirect hop is checked the same way.
    pub async fn get_link(
        &self,
        url: &str,
        own_host: Option<&str>,
        identity: &Identity,
    ) -> Result<Conditional, FetchError> {
        self.fetch(url, Client::lane_for(url), None, identity, Some(own_host))
            .await
    }

    /// The one request loop. The lane's lock is held for the whole request, redirects included:
    /// one request at a time per lane, the next no sooner than the lane's gap after this one
    /// started. Redirects are followed here, hop by hop, so that a permanent move (301/308 from
    /// the requested URL on) is known ("moved to URL: update feeds.toml") and, for a link from
    /// untrusted text (`link_of: Some(own_host)`), every hop is checked before it is requested.
    async fn fetch(
        &self,
        url: &str,
        lane: Lane,
        validators: Option<(Option<&str>, Option<&str>)>,
        identity: &Identity,
        link_of: Option<Option<&str>>,
    ) -> Result<Conditional, FetchError> {
        let mut current = url::Url::parse(url).map_err(|_| FetchError::BadUrl(url.to_string()))?;
        let client = match link_of {
            Some(own_host) => {
                self.check_link(&current, own_host).await?;
                self.link_client(own_host)?
            }
            None => self.no_redirects.clone(),
        };
        let gap = if lane == Lane::Sec {
            self.sec_gap
        } else {
            self.host_gap
        };
        let slot = self.lane(&lane);
        let mut next = slot.lock().await;
        if let Some(at) = next.next {
            tokio::time::sleep_until(at).await;
        }
        let gap = next.gap.map_or(gap, |g| g.max(gap));
        next.next = Some(Instant::now() + gap);
        let mut moved_to: Option<String> = None;
        let mut still_permanent = true;
        let mut hops = 0;
        let result = loop {
            let mut req = client.get(current.clone());
            if lane != Lane::Sec {
                req = with_identity(req, identity);
            }
            if let Some((etag, lm)) = validators {
                if let Some(e) = etag {
                    req = req.header(header::IF_NONE_MATCH, e);
                }
                if let Some(l) = lm {
                    req = req.header(header::IF_MODIFIED_SINCE, l);
                }
            }
            let resp = match req.send().await {
                Ok(r) => r,
                Err(e) => break Err(self.classify_at(e, &current)),
            };
            let status = resp.status();
            if status.is_redirection()
                && status != StatusCode::NOT_MODIFIED
                && let Some(loc) = resp.headers().get(header::LOCATION)
            {
                if hops == self.max_redirects {
                    break Err(FetchError::TooManyRedirects(self.max_redirects));
                }
                hops += 1;
                let loc = loc.to_str().unwrap_or("");
                let Ok(next_url) = current.join(loc) else {
                    break Err(FetchError::BadUrl(loc.to_string()));
                };
                if let Some(own_host) = link_of
                    && let Err(e) = self.check_link(&next_url, own_host).await
                {
                    break Err(e);
                }
                let permanent = matches!(
                    status,
                    StatusCode::MOVED_PERMANENTLY | StatusCode::PERMANENT_REDIRECT
                );
                still_permanent &= permanent;
                if still_permanent {
                    moved_to = Some(next_url.to_string());
                }
                current = next_url;
                continue;
            }
            break self.read(resp).await.map(|c| match c {
                Conditional::Modified(mut f) => {
                    f.moved_to = moved_to.take();
                    Conditional::Modified(f)
                }
                other => other,
            });
        };
        drop(next);
        result
    }

    /// POST a JSON body (a webhook). The configured URL is the user's and is requested as it
    /// is; a 307/308 redirect is followed (the body sent again) only to a public address or the
    /// webhook's own host, checked before it is requested; any other redirect is a failure, since
    /// a webhook that answers with one did not take the alert. Success is any 2xx status.
    pub async fn post_json(&self, url: &str, body: &[u8]) -> Result<u16, FetchError> {
        let mut current = url::Url::parse(url).map_err(|_| FetchError::BadUrl(url.to_string()))?;
        let own_host = current.host_str().map(str::to_string);
        // the webhook's own host resolves as it is; a host it redirects to, only to public
        // addresses (checked before the request and again at the connection)
        let client = self.link_client(own_host.as_deref())?;
        for _ in 0..=self.max_redirects {
            let resp = client
                .post(current.clone())
                .header(header::CONTENT_TYPE, "application/json")
                .body(body.to_vec())
                .send()
                .await
                .map_err(|e| self.classify_at(e, &current))?;
            let status = resp.status();
            if status.is_success() {
                return Ok(status.as_u16());
            }
            if status.is_redirection() {
                let loc = resp
                    .headers()
                    .get(header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                if !matches!(
                    status,
                    StatusCode::TEMPORARY_REDIRECT | StatusCode::PERMANENT_REDIRECT
                ) {
                    return Err(FetchError::Refused(format!(
                        "redirected with HTTP {} to '{loc}': a webhook must take the POST at its URL",
                        status.as_u16()
                    )));
                }
                let next = current
                    .join(loc)
                    .map_err(|_| FetchError::BadUrl(loc.to_string()))?;
                self.check_link(&next, own_host.as_deref()).await?;
                current = next;
                continue;
            }
            return Err(status_error(status, resp.headers()));
        }
        Err(FetchError::TooManyRedirects(self.max_redirects))
    }

    /// Would [`Client::get_link`] request this URL (its first hop)? Only `http` and `https`, no
    /// credentials, and a host with a public address, unless it is `own_host` or the
    /// configuration allows private addresses. This check gives the clear refusal; the resolver
    /// of the request ([`PublicOnly`]) enforces it again at the connection.
    pub async fn check_link(
        &self,
        url: &url::Url,
        own_host: Option<&str>,
    ) -> Result<(), FetchError> {
        check_link(url, own_host, self.allow_private, self.lookup.as_ref()).await
    }

    async fn read(&self, mut resp: reqwest::Response) -> Result<Conditional, FetchError> {
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
            moved_to: None,
        }))
    }

    /// [`Client::classify`], with a refusal by [`PublicOnly`] (at a connection to `url`) named as
    /// the refusal it is.
    fn classify_at(&self, e: reqwest::Error, url: &url::Url) -> FetchError {
        let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(&e);
        while let Some(err) = cur {
            if let Some(p) = err.downcast_ref::<OnlyPrivate>() {
                return FetchError::LinkRefused {
                    url: url.to_string(),
                    why: p.to_string(),
                };
            }
            cur = err.source();
        }
        self.classify(e)
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

/// A request with a source's own User-Agent and extra headers (checked when the configuration was
/// read).
fn with_identity(mut req: reqwest::RequestBuilder, identity: &Identity) -> reqwest::RequestBuilder {
    if let Some(ua) = &identity.user_agent {
        req = req.header(header::USER_AGENT, ua);
    }
    for (k, v) in &identity.headers {
        req = req.header(k.as_str(), v.as_str());
    }
    req
}

/// Every client's common settings.
fn base_builder(
    user_agent: &str,
    timeout: Duration,
    connect_timeout: Duration,
) -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .user_agent(user_agent)
        .timeout(timeout)
        .connect_timeout(connect_timeout)
        .gzip(true)
        .brotli(true)
        .redirect(reqwest::redirect::Policy::none())
}

/// May a link from untrusted text be requested? See [`Client::check_link`].
async fn check_link(
    url: &url::Url,
    own_host: Option<&str>,
    allow_private: bool,
    lookup: &dyn Lookup,
) -> Result<(), FetchError> {
    let refused = |why: String| {
        Err(FetchError::LinkRefused {
            url: url.to_string(),
            why,
        })
    };
    if !matches!(url.scheme(), "http" | "https") {
        return refused(format!(
            "the {} scheme is never fetched (only http and https)",
            url.scheme()
        ));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return refused("credentials in a link are never sent".into());
    }
    let Some(host) = url.host() else {
        return refused("no host".into());
    };
    let host_text = url.host_str().unwrap_or("");
    if allow_private || own_host.is_some_and(|h| h.eq_ignore_ascii_case(host_text)) {
        return Ok(());
    }
    let why = |ip: IpAddr| {
        format!(
            "{ip} is not a public address (only the source's own host may be; set \
             allow_private_addresses under [crawl] to allow every private address)"
        )
    };
    match host {
        url::Host::Ipv4(ip) if !is_public(ip.into()) => return refused(why(ip.into())),
        url::Host::Ipv6(ip) if !is_public(ip.into()) => return refused(why(ip.into())),
        url::Host::Ipv4(_) | url::Host::Ipv6(_) => return Ok(()),
        url::Host::Domain(name) => {
            // a name that does not resolve fails later, in the request, with its own error; one
            // with a public address among private ones is connected to that address only
            if let Ok(addrs) = lookup.lookup(name).await
                && !addrs.is_empty()
                && !addrs.iter().any(|a| is_public(*a))
            {
                return refused(only_private_why(name, &addrs));
            }
        }
    }
    Ok(())
}

/// A globally routable address: not loopback, private, link-local, shared (CGNAT), documentation,
/// benchmarking, multicast, broadcast, reserved or unspecified; IPv4-mapped IPv6 as its IPv4.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.is_unspecified()
                || v4.is_multicast()
                || o[0] == 0
                || (o[0] == 100 && (o[1] & 0xc0) == 64)
                || (o[0] == 192 && o[1] == 0 && o[2] == 0)
                || (o[0] == 198 && (o[1] & 0xfe) == 18)
                || o[0] >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let seg = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (seg[0] & 0xfe00) == 0xfc00
                || (seg[0] & 0xffc0) == 0xfe80
                || (seg[0] == 0x2001 && seg[1] == 0x0db8)
                || (seg[0] == 0x64 && seg[1] == 0xff9b))
        }
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
    fn public_and_non_public_addresses() {
        for a in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "198.18.0.1",
            "192.0.2.1",
            "224.0.0.1",
            "240.0.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "2001:db8::1",
            "ff02::1",
        ] {
            assert!(!is_public(a.parse().unwrap()), "{a}");
        }
        for a in [
            "8.8.8.8",
            "151.101.1.1",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            assert!(is_public(a.parse().unwrap()), "{a}");
        }
    }

    #[tokio::test]
    async fn links_are_checked_before_any_request() {
        async fn check(u: &str, own: Option<&str>, allow: bool) -> Result<(), FetchError> {
            check_link(&url::Url::parse(u).unwrap(), own, allow, &SystemLookup).await
        }
        let refused = |r: Result<(), FetchError>| match r {
            Err(e @ FetchError::LinkRefused { .. }) => e.to_string(),
            other => panic!("{other:?}"),
        };
        assert!(
            refused(check("file:///etc/passwd", None, false).await)
                .ends_with("the file scheme is never fetched (only http and https)")
        );
        assert!(refused(check("data:text/html,hi", None, true).await).contains("data scheme"));
        assert!(
            refused(check("http://u:p@example.com/", None, true).await)
                .ends_with("credentials in a link are never sent")
        );
        assert!(
            refused(check("http://10.0.0.1/x", None, false).await)
                .contains("10.0.0.1 is not a public address")
        );
        assert!(
            refused(check("http://[::1]:8080/", None, false).await)
                .contains("::1 is not a public address")
        );
        assert!(
            refused(check("http://localhost:9/", Some("127.0.0.1"), false).await)
                .contains("localhost resolves only to private addresses (")
        );
        // the source's own host, and everything when the configuration says so
        assert_eq!(
            check("http://127.0.0.1:9/a", Some("127.0.0.1"), false).await,
            Ok(())
        );
        assert_eq!(check("http://10.0.0.1/a", None, true).await, Ok(()));
        assert_eq!(check("https://93.184.215.14/a", None, false).await, Ok(()));
    }

    /// A resolver with one fixed answer for every name.
    struct Fixed(Vec<IpAddr>);

    impl Lookup for Fixed {
        fn lookup(
            &self,
            _: &str,
        ) -> Pin<Box<dyn Future<Output = std::io::Result<Vec<IpAddr>>> + Send>> {
            let a = self.0.clone();
            Box::pin(async move { Ok(a) })
        }
    }

    fn fixed(addrs: &[&str]) -> Arc<Fixed> {
        Arc::new(Fixed(addrs.iter().map(|a| a.parse().unwrap()).collect()))
    }

    #[tokio::test]
    async fn the_connection_gets_only_the_public_addresses_of_a_name() {
        use reqwest::dns::Resolve;
        let mixed = fixed(&["127.0.0.1", "93.184.215.14", "10.0.0.5", "2606:4700::1111"]);
        let resolver = PublicOnly {
            lookup: mixed.clone(),
            own_host: Some("own.example".into()),
        };
        let resolve = |name: &str| resolver.resolve(name.parse().unwrap());
        let got: Vec<SocketAddr> = resolve("mixed.example").await.unwrap().collect();
        assert_eq!(
            got,
            [
                "93.184.215.14:0".parse::<SocketAddr>().unwrap(),
                "[2606:4700::1111]:0".parse().unwrap()
            ]
        );
        // the source's own host keeps every address, in order
        let own: Vec<String> = resolve("OWN.example")
            .await
            .unwrap()
            .map(|a| a.ip().to_string())
            .collect();
        assert_eq!(
            own,
            ["127.0.0.1", "93.184.215.14", "10.0.0.5", "2606:4700::1111"]
        );
        // a name with a public address among private ones passes the check before the request
        let url = url::Url::parse("http://mixed.example/a").unwrap();
        assert_eq!(check_link(&url, None, false, mixed.as_ref()).await, Ok(()));
        // one with none is refused by both, with the same reason
        let private = PublicOnly {
            lookup: fixed(&["10.0.0.5", "::1"]),
            own_host: None,
        };
        let err = private
            .resolve("inside.example".parse().unwrap())
            .await
            .err()
            .unwrap();
        assert_eq!(
            err.to_string(),
            "inside.example resolves only to private addresses (10.0.0.5, ::1); only the source's \
             own host may (set allow_private_addresses under [crawl] to allow every private address)"
        );
        let url = url::Url::parse("http://inside.example/a").unwrap();
        assert_eq!(
            check_link(
                &url,
                None,
                false,
                &Fixed(vec!["10.0.0.5".parse().unwrap(), "::1".parse().unwrap()])
            )
            .await,
            Err(FetchError::LinkRefused {
                url: "http://inside.example/a".into(),
                why: err.to_string()
            })
        );
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
