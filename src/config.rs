//! `feeds.toml`: crawl settings, the universe of companies, counterparties, sources and EDGAR settings.
//!
//! Every key has a default except the lists, so a minimal file is just a few `[[source]]` tables.
//! Unknown keys are errors (a typo must not silently change behaviour), and every error names the
//! file, the line and the key.

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::UsageError;
use crate::model::{DocKind, SourceKind};

/// The `feeds.toml` shipped with hashpivot, written by `hashpivot init`.
pub const STARTER: &str = include_str!("../feeds.toml");

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub crawl: CrawlConfig,
    #[serde(default)]
    pub edgar: EdgarConfig,
    #[serde(default, rename = "company")]
    pub companies: Vec<Company>,
    #[serde(default, rename = "counterparty")]
    pub counterparties: Vec<Counterparty>,
    #[serde(default, rename = "source")]
    pub sources: Vec<SourceConfig>,
    #[serde(default)]
    pub study: StudyConfig,
    #[serde(default)]
    pub prices: PricesConfig,
    #[serde(default)]
    pub watch: WatchConfig,
    /// `[[alert]]` tables: what `watch` (and `crawl`) announce, and where. None by default.
    #[serde(default, rename = "alert", skip_serializing_if = "Vec::is_empty")]
    pub alerts: Vec<AlertRule>,
}

/// A span of time written as in `feeds.toml` and on the command line: a number and a unit (`ms`,
/// `s`, `m`, `h`, `d`), several in a row allowed (`1h30m`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span(pub std::time::Duration);

impl Span {
    pub const fn secs(s: u64) -> Span {
        Span(std::time::Duration::from_secs(s))
    }

    /// Read "15m", "90s", "1h30m", "500ms"; the error says what was expected.
    pub fn parse(text: &str) -> Result<Span, String> {
        let bad = || {
            format!("'{text}' is not a span of time (a number and a unit: 500ms, 30s, 15m, 2h, 1d)")
        };
        let t = text.trim();
        if t.is_empty() {
            return Err(bad());
        }
        let mut total = std::time::Duration::ZERO;
        let mut rest = t;
        while !rest.is_empty() {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if digits == 0 {
                return Err(bad());
            }
            let n: u64 = rest[..digits].parse().map_err(|_| bad())?;
            rest = &rest[digits..];
            let unit_len = rest.len()
                - rest
                    .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                    .len();
            let per_ms: u64 = match &rest[..unit_len] {
                "ms" => 1,
                "s" => 1_000,
                "m" => 60_000,
                "h" => 3_600_000,
                "d" => 86_400_000,
                _ => return Err(bad()),
            };
            rest = &rest[unit_len..];
            let ms = n.checked_mul(per_ms).ok_or_else(bad)?;
            total = total
                .checked_add(std::time::Duration::from_millis(ms))
                .ok_or_else(bad)?;
        }
        // a year at most: beyond that a sleep or a date sum could overflow, and nobody means it
        if total > std::time::Duration::from_secs(366 * 86_400) {
            return Err(format!("'{text}' is longer than a year"));
        }
        Ok(Span(total))
    }

    /// The span as written back (largest units first).
    pub fn to_text(self) -> String {
        let mut ms = self.0.as_millis() as u64;
        if ms == 0 {
            return "0s".into();
        }
        let mut out = String::new();
        for (unit, per) in [
            ("d", 86_400_000),
            ("h", 3_600_000),
            ("m", 60_000),
            ("s", 1_000),
            ("ms", 1),
        ] {
            if ms >= per {
                out.push_str(&format!("{}{unit}", ms / per));
                ms %= per;
            }
        }
        out
    }

    pub fn chrono(self) -> chrono::Duration {
        chrono::Duration::from_std(self.0).unwrap_or(chrono::Duration::days(366))
    }
}

impl std::str::FromStr for Span {
    type Err = String;
    fn from_str(s: &str) -> Result<Span, String> {
        Span::parse(s)
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_text())
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        let text = String::deserialize(d)?;
        Span::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// `[watch]`: the live loop's settings.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct WatchConfig {
    /// The Atom feed of the deals that `watch` rewrites after each cycle (relative to the data
    /// directory); none by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feed: Option<std::path::PathBuf>,
    /// Deals announced (and documents published) longer ago than this are old news: they are
    /// stored and analysed but never alerted (the first crawl of a new database alerts nothing
    /// of its backlog).
    pub alert_max_age: Span,
    /// Delivery attempts per alert and channel before it is marked failed.
    pub alert_attempts: u32,
    /// Wait after a failed delivery, doubled per further failure.
    pub alert_retry: Span,
    /// A `command` channel's program is killed when it runs longer than this.
    pub command_timeout: Span,
}

impl Default for WatchConfig {
    fn default() -> Self {
        WatchConfig {
            feed: None,
            alert_max_age: Span::secs(3 * 86_400),
            alert_attempts: 5,
            alert_retry: Span::secs(60),
            command_timeout: Span::secs(30),
        }
    }
}

/// What an `[[alert]]` is raised on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertOn {
    /// A new deal (or one whose terms changed).
    #[default]
    Deal,
    /// A new SEC filing of a universe company.
    Filing,
    /// A new filing or press release of a universe company.
    Document,
}

/// How an alert is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertChannel {
    Webhook,
    Command,
    File,
}

/// The body of a webhook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WebhookFormat {
    /// The alert object itself.
    #[default]
    Generic,
    /// `{"text": "..."}`: Slack, Discord (`/slack` endpoints) and Mattermost incoming webhooks.
    Slack,
}

/// One `[[alert]]` table: which events, and one channel.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AlertRule {
    #[serde(default)]
    pub on: AlertOn,
    pub channel: AlertChannel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default)]
    pub format: WebhookFormat,
    /// The program and its arguments (no shell); the alert as JSON on its standard input.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub command: Vec<String>,
    /// For `file`: one JSON object per line is appended (relative to the data directory).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<std::path::PathBuf>,
    /// Deal kinds that alert.
    #[serde(default = "default_alert_kinds")]
    pub kinds: Vec<crate::model::DealKind>,
    /// Only these companies (empty: all).
    #[serde(default)]
    pub tickers: Vec<String>,
    /// Deals recognised with less confidence do not alert [default: `[study] min_confidence`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_confidence: Option<f64>,
    /// A deal alerts only when its value is known and at least this (0: any, known or not).
    #[serde(default)]
    pub min_value_usd: f64,
    /// A deal alerts only when its capacity is known and at least this (0: any).
    #[serde(default)]
    pub min_mw: f64,
}

fn default_alert_kinds() -> Vec<crate::model::DealKind> {
    vec![crate::model::DealKind::Deal]
}

impl AlertRule {
    /// The channel as stored with each delivery: its kind and where it goes (`webhook URL`,
    /// `command ["prog","arg"]`, `file PATH`). A delivery belongs to the rule with this key.
    pub fn channel_key(&self) -> String {
        match self.channel {
            AlertChannel::Webhook => format!(
                "webhook {}{}",
                self.url.as_deref().unwrap_or(""),
                match self.format {
                    WebhookFormat::Generic => "",
                    WebhookFormat::Slack => " (slack)",
                }
            ),
            AlertChannel::Command => format!(
                "command {}",
                serde_json::to_string(&self.command).unwrap_or_default()
            ),
            AlertChannel::File => format!(
                "file {}",
                self.path.as_deref().unwrap_or(Path::new("")).display()
            ),
        }
    }

    /// Does a deal pass this rule's filters? `default_min_confidence` applies when the rule sets
    /// none (`[study] min_confidence`).
    pub fn matches_deal(&self, d: &crate::model::Deal, default_min_confidence: f64) -> bool {
        let min = self.min_confidence.unwrap_or(default_min_confidence);
        self.on == AlertOn::Deal
            && self.kinds.contains(&d.kind)
            && self.wants_ticker(&d.ticker)
            && (d.confidence.unwrap_or(1.0) >= min || d.reviewed_at.is_some())
            && (self.min_value_usd <= 0.0
                || d.terms.value_usd.is_some_and(|v| v >= self.min_value_usd))
            && (self.min_mw <= 0.0 || d.terms.capacity_mw.is_some_and(|m| m >= self.min_mw))
    }

    /// Does a new document of this kind about this company pass this rule?
    pub fn matches_document(&self, kind: DocKind, ticker: &str) -> bool {
        let kind_ok = match self.on {
            AlertOn::Deal => false,
            AlertOn::Filing => kind == DocKind::Filing,
            AlertOn::Document => matches!(kind, DocKind::Filing | DocKind::PressRelease),
        };
        kind_ok && self.wants_ticker(ticker)
    }

    fn wants_ticker(&self, ticker: &str) -> bool {
        self.tickers.is_empty() || self.tickers.iter().any(|t| t.eq_ignore_ascii_case(ticker))
    }

    fn check(&self, i: usize) -> Result<(), String> {
        let at = format!("alert[{i}]");
        let (url, command, path) = (
            self.url.is_some(),
            !self.command.is_empty(),
            self.path.is_some(),
        );
        match self.channel {
            AlertChannel::Webhook => {
                let u = self
                    .url
                    .as_deref()
                    .ok_or_else(|| format!("{at}: channel = \"webhook\" needs url"))?;
                let parsed = url::Url::parse(u).map_err(|e| format!("{at}.url: '{u}': {e}"))?;
                if !matches!(parsed.scheme(), "http" | "https") {
                    return Err(format!("{at}.url: '{u}' is not http(s)"));
                }
                if command || path {
                    return Err(format!(
                        "{at}: a webhook takes url (and format), not command or path"
                    ));
                }
            }
            AlertChannel::Command => {
                if !command || self.command[0].trim().is_empty() {
                    return Err(format!(
                        "{at}: channel = \"command\" needs command = [\"program\", \"arg\", ...]"
                    ));
                }
                if url || path {
                    return Err(format!("{at}: a command takes command, not url or path"));
                }
            }
            AlertChannel::File => {
                if !path
                    || self
                        .path
                        .as_deref()
                        .is_some_and(|p| p.as_os_str().is_empty())
                {
                    return Err(format!("{at}: channel = \"file\" needs path"));
                }
                if url || command {
                    return Err(format!("{at}: a file takes path, not url or command"));
                }
            }
        }
        if self.format != WebhookFormat::Generic && self.channel != AlertChannel::Webhook {
            return Err(format!("{at}.format: only a webhook has a format"));
        }
        if self.on == AlertOn::Deal && self.kinds.is_empty() {
            return Err(format!("{at}.kinds: empty: no deal would ever alert"));
        }
        if let Some(c) = self.min_confidence
            && !(0.0..=1.0).contains(&c)
        {
            return Err(format!("{at}.min_confidence: {c} must be between 0 and 1"));
        }
        for (key, v) in [
            ("min_value_usd", self.min_value_usd),
            ("min_mw", self.min_mw),
        ] {
            if !v.is_finite() || v < 0.0 {
                return Err(format!("{at}.{key}: {v} must be a number of 0 or more"));
            }
        }
        Ok(())
    }
}

/// The default `[study] min_confidence`. On 230 real pages (README, "On real coverage") every
/// deal scored 0.9 or more was real (60 of 60), 18 of 21 between 0.7 and 0.9, 3 of 3 between 0.5
/// and 0.7, and none scored less: 0.5 keeps every band that held real deals; 0.9 is for a user who
/// wants only the certain ones.
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.5;

/// Event-study defaults; every one can be overridden on the command line.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct StudyConfig {
    /// The market benchmark: its sessions are the trading calendar.
    pub market: String,
    /// The second factor of the factor model (bitcoin), or "none".
    pub factor: String,
    pub model: crate::study::Model,
    /// Estimation window, "START:END" in trading days relative to day 0.
    pub estimation: String,
    pub windows: Vec<String>,
    pub min_estimation: usize,
    /// Automatic deals recognised with less confidence are left out of `study`, `premium`,
    /// `export` and deal alerts (reviewed and hand-made deals always count).
    pub min_confidence: f64,
}

impl Default for StudyConfig {
    fn default() -> Self {
        StudyConfig {
            market: "SPY".into(),
            factor: "BTC-USD".into(),
            model: crate::study::Model::Factor,
            estimation: "-120:-11".into(),
            windows: vec!["-1:1".into(), "0:1".into(), "0:5".into(), "-5:5".into()],
            min_estimation: 60,
            min_confidence: DEFAULT_MIN_CONFIDENCE,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct PricesConfig {
    /// Base of the Yahoo chart API (`<base>/<SYMBOL>?period1=..&period2=..&interval=1d`).
    pub yahoo_url: String,
    /// First date fetched when a ticker has no stored prices.
    pub from: NaiveDate,
    /// A User-Agent of the price requests' own (as for a `[[source]]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    /// Extra headers of the price requests.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub headers: std::collections::BTreeMap<String, String>,
}

impl PricesConfig {
    pub fn identity(&self) -> Identity {
        Identity {
            user_agent: self.user_agent.clone(),
            headers: self.headers.clone().into_iter().collect(),
        }
    }
}

impl Default for PricesConfig {
    fn default() -> Self {
        PricesConfig {
            yahoo_url: "https://query1.finance.yahoo.com/v8/finance/chart".into(),
            from: NaiveDate::from_ymd_opt(2023, 1, 1).expect("valid date"),
            user_agent: None,
            headers: Default::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CrawlConfig {
    /// Product token of the User-Agent; the contact is appended in parentheses.
    pub user_agent: String,
    /// Contact email sent in the User-Agent. SEC fair access requires one; overridden by the
    /// `HASHPIVOT_CONTACT` environment variable.
    pub contact: String,
    /// Sources fetched at once (different hosts; one host is always served one request at a time).
    pub concurrency: usize,
    /// Minimum gap between two requests to the same host, in milliseconds.
    pub per_host_interval_ms: u64,
    pub connect_timeout_secs: f64,
    /// Limit on a whole request, body included.
    pub timeout_secs: f64,
    /// Bodies larger than this are cut off while streaming and the fetch fails.
    pub max_body_bytes: u64,
    pub max_redirects: usize,
    /// Fetch the linked page when a feed item carries only a summary.
    pub fetch_articles: bool,
    /// Links found in feeds and pages may lead to loopback, private and link-local addresses on
    /// any host (by default only on the source's own host: see `http::Client::get_link`).
    pub allow_private_addresses: bool,
    /// A feed item whose content has fewer characters than this counts as "summary only".
    pub article_min_chars: usize,
    /// First back-off after a failure, doubled per consecutive failure, capped at `backoff_max_secs`.
    pub backoff_base_secs: u64,
    pub backoff_max_secs: u64,
    /// How often `watch` polls a source (a `[[source]]`'s own `every` wins).
    pub every: Span,
}

impl Default for CrawlConfig {
    fn default() -> Self {
        CrawlConfig {
            user_agent: format!("hashpivot/{}", env!("CARGO_PKG_VERSION")),
            contact: String::new(),
            concurrency: 4,
            per_host_interval_ms: 1000,
            connect_timeout_secs: 10.0,
            timeout_secs: 30.0,
            max_body_bytes: 10_000_000,
            max_redirects: 5,
            allow_private_addresses: false,
            fetch_articles: true,
            article_min_chars: 600,
            backoff_base_secs: 300,
            backoff_max_secs: 86_400,
            every: Span::secs(15 * 60),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct EdgarConfig {
    /// Crawl every company's EDGAR submissions.
    pub enabled: bool,
    /// Base of `CIK##########.json`.
    pub submissions_url: String,
    /// Base of `<cik>/<accession>/...` filing documents.
    pub archives_url: String,
    /// Forms kept; everything else in the submissions list is ignored.
    pub forms: Vec<String>,
    /// SEC fair access: at most 10 requests per second to SEC hosts, all together.
    pub requests_per_second: f64,
    /// Filings before this date are ignored.
    pub since: Option<NaiveDate>,
    /// Newest filings fetched per company per crawl (the rest come on later crawls).
    pub max_filings_per_company: usize,
    /// How often `watch` polls the EDGAR sources, all together within SEC's budget (default:
    /// `[crawl] every`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub every: Option<Span>,
}

impl Default for EdgarConfig {
    fn default() -> Self {
        EdgarConfig {
            enabled: true,
            submissions_url: "https://data.sec.gov/submissions".into(),
            archives_url: "https://www.sec.gov/Archives/edgar/data".into(),
            forms: vec!["8-K".into(), "8-K/A".into(), "6-K".into(), "6-K/A".into()],
            requests_per_second: 10.0,
            since: NaiveDate::from_ymd_opt(2024, 1, 1),
            max_filings_per_company: 40,
            every: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    pub ticker: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub former_names: Vec<String>,
    /// Brand words that are also ordinary words ("Riot", "Cipher"): linked only in industry context
    /// and not before a common-noun continuation ("Riot police").
    #[serde(default)]
    pub short_names: Vec<String>,
    /// SEC Central Index Key, digits only (leading zeros optional).
    pub cik: String,
    /// `8-K`, or `6-K` for foreign private issuers.
    #[serde(default = "default_form")]
    pub current_report_form: String,
    /// Crawl this company's EDGAR filings.
    #[serde(default = "yes")]
    pub edgar: bool,
}

fn default_form() -> String {
    "8-K".into()
}
fn yes() -> bool {
    true
}

impl Company {
    /// The CIK zero-padded to 10 digits, as EDGAR's submissions endpoint wants it.
    pub fn cik10(&self) -> String {
        format!("{:0>10}", self.cik.trim_start_matches('0'))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CounterpartyClass {
    Hyperscaler,
    Neocloud,
    Chipmaker,
    Other,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Counterparty {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub class: CounterpartyClass,
    #[serde(default)]
    pub ticker: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    pub name: String,
    pub kind: SourceKind,
    pub url: String,
    /// What the source's items are: `news` (default) or `press_release`.
    #[serde(default)]
    pub doc_kind: DocKind,
    #[serde(default = "yes")]
    pub enabled: bool,
    /// For `page` sources: how to find items on the listing page.
    #[serde(default)]
    pub selectors: Option<Selectors>,
    /// For `page` sources, instead of selectors: the items are the links whose URL matches this
    /// regular expression (e.g. `/news-insights/press-releases/[^/?#]+$`), whatever the markup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_pattern: Option<String>,
    /// A User-Agent of this source's own, for hosts that serve only browsers (investor-relations
    /// sites on the gcs-web/Notified platform stall other clients). Never for SEC hosts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    /// Extra request headers for this source (`headers = { Accept = "application/rss+xml" }`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub headers: std::collections::BTreeMap<String, String>,
    /// How often `watch` polls this source (default: `[crawl] every`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<Span>,
}

/// How a request introduces itself beyond the crawler's own User-Agent: a source's (or the price
/// API's) `user_agent` and extra `headers`. SEC requests never carry one (see `http`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Identity {
    pub user_agent: Option<String>,
    pub headers: Vec<(String, String)>,
}

/// Check a `user_agent` and `headers` pair; `at` names it in errors.
fn check_identity(
    at: &str,
    url: &str,
    user_agent: &Option<String>,
    headers: &std::collections::BTreeMap<String, String>,
) -> Result<(), String> {
    let sec = url::Url::parse(url)
        .ok()
        .and_then(|u| {
            u.host_str()
                .map(|h| h == "sec.gov" || h.ends_with(".sec.gov"))
        })
        .unwrap_or(false);
    if sec && (user_agent.is_some() || !headers.is_empty()) {
        return Err(format!(
            "{at}: SEC requests always carry hashpivot's declared User-Agent with your contact \
             address (SEC fair access): user_agent and headers cannot be set for an SEC host"
        ));
    }
    if let Some(ua) = user_agent
        && (ua.trim().is_empty() || reqwest::header::HeaderValue::from_str(ua).is_err())
    {
        return Err(format!(
            "{at}.user_agent: '{ua}' is not a usable User-Agent"
        ));
    }
    for (k, v) in headers {
        if reqwest::header::HeaderName::from_bytes(k.as_bytes()).is_err() {
            return Err(format!("{at}.headers: '{k}' is not a header name"));
        }
        if k.eq_ignore_ascii_case("user-agent") {
            return Err(format!(
                "{at}.headers: set the User-Agent with user_agent, not headers"
            ));
        }
        if reqwest::header::HeaderValue::from_str(v).is_err() {
            return Err(format!("{at}.headers.{k}: '{v}' is not a header value"));
        }
    }
    Ok(())
}

impl SourceConfig {
    pub fn identity(&self) -> Identity {
        Identity {
            user_agent: self.user_agent.clone(),
            headers: self.headers.clone().into_iter().collect(),
        }
    }
}

/// CSS selectors for a `page` source. `item` selects one element per press release; the others are
/// evaluated inside it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Selectors {
    pub item: String,
    pub title: String,
    /// Element whose `href` is the item's link (defaults to the title element).
    #[serde(default)]
    pub link: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
}

/// A source as the crawler sees it: configured feeds and pages, plus one EDGAR source per company.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub kind: SourceKind,
    pub url: String,
    pub doc_kind: DocKind,
    pub selectors: Option<Selectors>,
    /// For `page` sources: the release links' URL pattern (checked when the config was read).
    pub link_pattern: Option<String>,
    /// For EDGAR sources: the company.
    pub company: Option<Company>,
    /// The source's own User-Agent and headers (none for EDGAR sources).
    pub identity: Identity,
    /// How often `watch` polls it.
    pub every: Span,
}

impl Config {
    /// The config at `path`, or the built-in defaults (no sources, no companies) when `path` is the
    /// default `feeds.toml` and it does not exist: commands that need no sources (prices, study) work
    /// without one.
    pub fn load_or_default(path: &Path, is_default_path: bool) -> Result<Config, UsageError> {
        if is_default_path && !path.exists() {
            return Config::parse("", "(defaults)");
        }
        Config::load(path)
    }

    /// Read and validate a config file. Errors name the file, line and key.
    pub fn load(path: &Path) -> Result<Config, UsageError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            let hint = if e.kind() == std::io::ErrorKind::NotFound {
                " (run `hashpivot init` to write the starter feeds.toml, or pass --config FILE)"
            } else {
                ""
            };
            UsageError(format!("{}: {e}{hint}", path.display()))
        })?;
        Config::parse(&text, &path.display().to_string())
    }

    /// The configuration as `feeds.toml` text, every key written out. Generated configurations (the
    /// demo's, the tests') are built as values and written with this, never by editing TOML text.
    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        toml::to_string(self)
    }

    /// Parse config text; `origin` names the file in error messages.
    pub fn parse(text: &str, origin: &str) -> Result<Config, UsageError> {
        let cfg: Config = toml::from_str(text).map_err(|e| {
            let msg = e.message().trim().replace('\n', " ");
            match e.span() {
                Some(span) => {
                    let (line, col) = line_col(text, span.start);
                    let key = key_at(text, span.start)
                        .map(|k| format!("key `{k}`: "))
                        .unwrap_or_default();
                    UsageError(format!("{origin}:{line}:{col}: {key}{msg}"))
                }
                None => UsageError(format!("{origin}: {msg}")),
            }
        })?;
        cfg.validate()
            .map_err(|m| UsageError(format!("{origin}: {m}")))?;
        Ok(cfg)
    }

    fn validate(&self) -> Result<(), String> {
        if !(0.0..=1.0).contains(&self.study.min_confidence) {
            return Err(format!(
                "study.min_confidence: {} must be between 0 and 1",
                self.study.min_confidence
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, c) in self.companies.iter().enumerate() {
            if c.ticker.trim().is_empty() {
                return Err(format!("company[{i}].ticker: must not be empty"));
            }
            if !seen.insert(c.ticker.to_ascii_uppercase()) {
                return Err(format!("company[{i}].ticker: {} is listed twice", c.ticker));
            }
            if c.cik.is_empty() || c.cik.len() > 10 || !c.cik.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "company[{i}].cik: '{}' is not a CIK (up to 10 digits)",
                    c.cik
                ));
            }
            if c.current_report_form != "8-K" && c.current_report_form != "6-K" {
                return Err(format!(
                    "company[{i}].current_report_form: '{}' must be 8-K or 6-K",
                    c.current_report_form
                ));
            }
        }
        let mut names = std::collections::HashSet::new();
        for (i, s) in self.sources.iter().enumerate() {
            if s.name.trim().is_empty() {
                return Err(format!("source[{i}].name: must not be empty"));
            }
            if s.name.starts_with("edgar:") {
                return Err(format!(
                    "source[{i}].name: names starting with 'edgar:' are reserved for EDGAR sources"
                ));
            }
            if !names.insert(s.name.clone()) {
                return Err(format!("source[{i}].name: '{}' is used twice", s.name));
            }
            let url = url::Url::parse(&s.url)
                .map_err(|e| format!("source[{i}].url: '{}': {e}", s.url))?;
            if url.scheme() != "http" && url.scheme() != "https" {
                return Err(format!("source[{i}].url: '{}' is not http(s)", s.url));
            }
            check_identity(&format!("source[{i}]"), &s.url, &s.user_agent, &s.headers)?;
            if let Some(p) = &s.link_pattern {
                regex::Regex::new(p)
                    .map_err(|e| format!("source[{i}].link_pattern: '{p}' is not a regex: {e}"))?;
            }
            match (s.kind, &s.selectors) {
                (SourceKind::Page, None) if s.link_pattern.is_none() => {
                    return Err(format!(
                        "source[{i}] '{}': kind = \"page\" needs link_pattern or a [source.selectors] table",
                        s.name
                    ));
                }
                (SourceKind::Edgar, _) => {
                    return Err(format!(
                        "source[{i}].kind: EDGAR sources come from [[company]] entries, not [[source]]"
                    ));
                }
                (_, Some(sel)) => {
                    for (key, css) in [
                        ("item", Some(&sel.item)),
                        ("title", Some(&sel.title)),
                        ("link", sel.link.as_ref()),
                        ("date", sel.date.as_ref()),
                        ("summary", sel.summary.as_ref()),
                    ] {
                        if let Some(css) = css {
                            scraper::Selector::parse(css).map_err(|e| {
                                format!(
                                    "source[{i}].selectors.{key}: bad CSS selector '{css}': {e}"
                                )
                            })?;
                        }
                    }
                }
                _ => {}
            }
        }
        for (key, u) in [
            ("edgar.submissions_url", &self.edgar.submissions_url),
            ("edgar.archives_url", &self.edgar.archives_url),
        ] {
            url::Url::parse(u).map_err(|e| format!("{key}: '{u}': {e}"))?;
        }
        if !(self.edgar.requests_per_second > 0.0 && self.edgar.requests_per_second <= 10.0) {
            return Err(format!(
                "edgar.requests_per_second: {} must be above 0 and at most 10 (SEC fair access)",
                self.edgar.requests_per_second
            ));
        }
        crate::study::Window::parse(&self.study.estimation)
            .map_err(|e| format!("study.estimation: {e}"))?;
        for w in &self.study.windows {
            crate::study::Window::parse(w).map_err(|e| format!("study.windows: {e}"))?;
        }
        url::Url::parse(&self.prices.yahoo_url)
            .map_err(|e| format!("prices.yahoo_url: '{}': {e}", self.prices.yahoo_url))?;
        check_identity(
            "prices",
            &self.prices.yahoo_url,
            &self.prices.user_agent,
            &self.prices.headers,
        )?;
        if self.crawl.concurrency == 0 {
            return Err("crawl.concurrency: must be at least 1".into());
        }
        if self.crawl.timeout_secs <= 0.0 || self.crawl.connect_timeout_secs <= 0.0 {
            return Err("crawl.timeout_secs / crawl.connect_timeout_secs: must be positive".into());
        }
        let spans = [
            ("crawl.every".to_string(), Some(self.crawl.every)),
            ("edgar.every".to_string(), self.edgar.every),
        ]
        .into_iter()
        .chain(
            self.sources
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("source[{i}].every"), s.every)),
        );
        for (key, span) in spans {
            if span.is_some_and(|s| s.0 < std::time::Duration::from_secs(1)) {
                return Err(format!("{key}: must be at least 1s"));
            }
        }
        if self.watch.alert_attempts == 0 {
            return Err("watch.alert_attempts: must be at least 1".into());
        }
        if self.watch.command_timeout.0.is_zero() {
            return Err("watch.command_timeout: must be above 0".into());
        }
        for (i, a) in self.alerts.iter().enumerate() {
            a.check(i)?;
        }
        Ok(())
    }

    /// Every source the crawler knows: the configured ones, then `edgar:<TICKER>` per company.
    pub fn all_sources(&self) -> Vec<Source> {
        let mut out: Vec<Source> = self
            .sources
            .iter()
            .filter(|s| s.enabled)
            .map(|s| Source {
                name: s.name.clone(),
                kind: s.kind,
                url: s.url.clone(),
                doc_kind: s.doc_kind,
                selectors: s.selectors.clone(),
                link_pattern: s.link_pattern.clone(),
                company: None,
                identity: s.identity(),
                every: s.every.unwrap_or(self.crawl.every),
            })
            .collect();
        if self.edgar.enabled {
            for c in self.companies.iter().filter(|c| c.edgar) {
                out.push(Source {
                    name: format!("edgar:{}", c.ticker),
                    kind: SourceKind::Edgar,
                    url: format!(
                        "{}/CIK{}.json",
                        self.edgar.submissions_url.trim_end_matches('/'),
                        c.cik10()
                    ),
                    doc_kind: DocKind::Filing,
                    selectors: None,
                    link_pattern: None,
                    company: Some(c.clone()),
                    identity: Identity::default(),
                    every: self.edgar.every.unwrap_or(self.crawl.every),
                });
            }
        }
        out
    }

    /// The contact address: `HASHPIVOT_CONTACT` if set, else `[crawl] contact`.
    pub fn contact(&self) -> String {
        std::env::var("HASHPIVOT_CONTACT")
            .ok()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| self.crawl.contact.clone())
    }

    /// The User-Agent sent with every request.
    pub fn user_agent(&self) -> String {
        let contact = self.contact();
        if contact.trim().is_empty() {
            self.crawl.user_agent.clone()
        } else {
            format!("{} ({})", self.crawl.user_agent, contact.trim())
        }
    }
}

/// Does the User-Agent carry an email address? SEC refuses anonymous clients.
pub fn has_contact_email(user_agent: &str) -> bool {
    user_agent
        .split(|c: char| c.is_whitespace() || "()<>;,".contains(c))
        .any(|w| {
            let mut parts = w.splitn(2, '@');
            let (local, domain) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        })
}

/// The dotted key whose value sits at `offset`: the table header above (`[crawl]`, `[[company]]`)
/// and the `name =` of the line.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or("");
    let (name, _) = line.split_once('=')?;
    let name = name.trim().trim_matches('"');
    if name.is_empty() || name.starts_with('[') {
        return None;
    }
    let table = text[..start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    Some(match table {
        Some(t) if !t.is_empty() => format!("{t}.{name}"),
        _ => name.to_string(),
    })
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_configuration_written_as_toml_reads_back_the_same() {
        let mut cfg = Config::parse(STARTER, "feeds.toml").unwrap();
        cfg.crawl.contact = "analyst@example.com".into();
        cfg.edgar.since = chrono::NaiveDate::from_ymd_opt(2023, 6, 1);
        cfg.study.model = crate::study::Model::MarketAdjusted;
        let text = cfg.to_toml().unwrap();
        assert_eq!(Config::parse(&text, "written").unwrap(), cfg);
        assert_eq!(
            Config::parse(&Config::default().to_toml().unwrap(), "defaults").unwrap(),
            Config::parse("", "empty").unwrap()
        );
    }

    #[test]
    fn shipped_config_parses_and_has_the_universe() {
        let cfg = Config::parse(STARTER, "feeds.toml").unwrap();
        let tickers: Vec<&str> = cfg.companies.iter().map(|c| c.ticker.as_str()).collect();
        for t in [
            "CORZ", "IREN", "CIFR", "WULF", "HUT", "CLSK", "RIOT", "MARA", "BITF", "BTDR", "HIVE",
            "APLD", "GLXY", "BTBT", "WYFI", "CRWV",
        ] {
            assert!(tickers.contains(&t), "{t} missing from feeds.toml");
        }
        let iren = cfg.companies.iter().find(|c| c.ticker == "IREN").unwrap();
        assert_eq!(iren.cik10(), "0001878848");
        let clsk = cfg.companies.iter().find(|c| c.ticker == "CLSK").unwrap();
        assert_eq!(clsk.cik10(), "0000827876");
        assert_eq!(
            cfg.all_sources()
                .iter()
                .filter(|s| s.kind == SourceKind::Edgar)
                .count(),
            cfg.companies.len()
        );
        let cps: Vec<&str> = cfg.counterparties.iter().map(|c| c.name.as_str()).collect();
        for c in ["Microsoft", "Fluidstack", "CoreWeave", "Core42", "Crusoe"] {
            assert!(cps.contains(&c), "{c} missing");
        }
    }

    #[test]
    fn type_error_names_line_and_key() {
        let text = "[crawl]\nconcurrency = \"four\"\n";
        let err = Config::parse(text, "f.toml").unwrap_err().0;
        assert_eq!(
            err,
            "f.toml:2:15: key `crawl.concurrency`: invalid type: string \"four\", expected usize"
        );
        let text =
            "[[company]]\nticker = \"X\"\nname = \"x\"\ncik = \"1\"\ncurrent_report_form = 8\n";
        let err = Config::parse(text, "f.toml").unwrap_err().0;
        assert_eq!(
            err,
            "f.toml:5:23: key `company.current_report_form`: invalid type: integer `8`, expected a string"
        );
    }

    #[test]
    fn unknown_key_is_an_error() {
        let text = "[crawl]\nconcurency = 3\n";
        let err = Config::parse(text, "f.toml").unwrap_err().0;
        assert!(err.starts_with("f.toml:2:1: "), "{err}");
        assert!(err.contains("concurency"), "{err}");
    }

    #[test]
    fn bad_cik_and_bad_selector_are_named() {
        let text = "[[company]]\nticker = \"X\"\nname = \"X\"\ncik = \"12ab\"\n";
        let err = Config::parse(text, "f.toml").unwrap_err().0;
        assert_eq!(
            err,
            "f.toml: company[0].cik: '12ab' is not a CIK (up to 10 digits)"
        );
        let text = "[[source]]\nname = \"ir\"\nkind = \"page\"\nurl = \"http://x/\"\n[source.selectors]\nitem = \"div[\"\ntitle = \"a\"\n";
        let err = Config::parse(text, "f.toml").unwrap_err().0;
        assert!(
            err.starts_with("f.toml: source[0].selectors.item: bad CSS selector 'div['"),
            "{err}"
        );
    }

    #[test]
    fn spans_read_and_write_back() {
        let ms = |t: &str| Span::parse(t).map(|s| s.0.as_millis());
        assert_eq!(ms("15m"), Ok(900_000));
        assert_eq!(ms("1h30m"), Ok(5_400_000));
        assert_eq!(ms("500ms"), Ok(500));
        assert_eq!(ms(" 2d "), Ok(172_800_000));
        assert_eq!(Span::parse("1h30m").unwrap().to_text(), "1h30m");
        assert_eq!(Span::parse("90s").unwrap().to_text(), "1m30s");
        assert_eq!(Span::secs(0).to_text(), "0s");
        for bad in ["", "15", "m", "5 min", "-5m", "1.5h", "5é"] {
            assert_eq!(
                Span::parse(bad),
                Err(format!(
                    "'{bad}' is not a span of time (a number and a unit: 500ms, 30s, 15m, 2h, 1d)"
                ))
            );
        }
        assert_eq!(
            Span::parse("400d"),
            Err("'400d' is longer than a year".into())
        );
        assert!(Span::parse("99999999999999999999d").is_err());
        let err = Config::parse("[crawl]\nevery = \"soon\"\n", "f.toml")
            .unwrap_err()
            .0;
        assert_eq!(
            err,
            "f.toml:2:9: key `crawl.every`: 'soon' is not a span of time (a number and a unit: 500ms, 30s, 15m, 2h, 1d)"
        );
        let err = Config::parse("[crawl]\nevery = \"500ms\"\n", "f.toml")
            .unwrap_err()
            .0;
        assert_eq!(err, "f.toml: crawl.every: must be at least 1s");
    }

    #[test]
    fn alert_tables_are_checked_and_defaulted() {
        let cfg = Config::parse(
            "[[alert]]\nchannel = \"webhook\"\nurl = \"https://hooks.example.com/T0\"\nformat = \"slack\"\n",
            "f.toml",
        )
        .unwrap();
        let a = &cfg.alerts[0];
        assert_eq!(a.on, AlertOn::Deal);
        assert_eq!(a.kinds, vec![crate::model::DealKind::Deal]);
        assert_eq!(
            a.channel_key(),
            "webhook https://hooks.example.com/T0 (slack)"
        );
        let err = |text: &str| Config::parse(text, "f.toml").unwrap_err().0;
        assert_eq!(
            err("[[alert]]\nchannel = \"webhook\"\n"),
            "f.toml: alert[0]: channel = \"webhook\" needs url"
        );
        assert_eq!(
            err("[[alert]]\nchannel = \"command\"\ncommand = []\n"),
            "f.toml: alert[0]: channel = \"command\" needs command = [\"program\", \"arg\", ...]"
        );
        assert_eq!(
            err("[[alert]]\nchannel = \"file\"\npath = \"a.jsonl\"\nurl = \"http://x/\"\n"),
            "f.toml: alert[0]: a file takes path, not url or command"
        );
        assert_eq!(
            err("[[alert]]\nchannel = \"file\"\npath = \"a.jsonl\"\nmin_mw = -1\n"),
            "f.toml: alert[0].min_mw: -1 must be a number of 0 or more"
        );
        assert_eq!(
            err("[[alert]]\nchannel = \"file\"\npath = \"a.jsonl\"\nformat = \"slack\"\n"),
            "f.toml: alert[0].format: only a webhook has a format"
        );
        assert!(
            err("[[alert]]\nchannel = \"pager\"\n")
                .starts_with("f.toml:2:11: key `alert.channel`: unknown variant `pager`"),
            "{}",
            err("[[alert]]\nchannel = \"pager\"\n")
        );
        // a round trip keeps the alerts and the spans
        let mut cfg = Config::parse(STARTER, "feeds.toml").unwrap();
        cfg.alerts = vec![AlertRule {
            command: vec!["notify-send".into(), "hashpivot".into()],
            ..Config::parse("[[alert]]\nchannel = \"command\"\ncommand = [\"x\"]\n", "t")
                .unwrap()
                .alerts[0]
                .clone()
        }];
        cfg.sources[0].every = Some(Span::parse("5m").unwrap());
        cfg.watch.feed = Some("deals.atom".into());
        assert_eq!(
            Config::parse(&cfg.to_toml().unwrap(), "written").unwrap(),
            cfg
        );
    }

    #[test]
    fn contact_email_detection() {
        assert!(has_contact_email("hashpivot/0.1 (ops@example.com)"));
        assert!(has_contact_email("Acme Research admin@acme.co"));
        assert!(!has_contact_email("hashpivot/0.1"));
        assert!(!has_contact_email("hashpivot/0.1 (@example.com)"));
        assert!(!has_contact_email("hashpivot/0.1 (me@localhost)"));
    }

    #[test]
    fn an_alert_rule_without_min_confidence_takes_the_studys() {
        let text = format!(
            "{}\n[[alert]]\nchannel = \"file\"\npath = \"a.jsonl\"\n",
            STARTER
        );
        let cfg = Config::parse(&text, "feeds.toml").unwrap();
        assert_eq!(cfg.study.min_confidence, 0.5);
        let rule = &cfg.alerts[0];
        assert_eq!(rule.min_confidence, None);
        let mut d = crate::model::Deal {
            id: 1,
            ticker: "WULF".into(),
            counterparty: "Fluidstack".into(),
            counterparty_class: None,
            deal_type: crate::model::DealType::Colocation,
            kind: crate::model::DealKind::Deal,
            terms: Default::default(),
            announced_at: "2025-08-14T12:00:00Z".into(),
            event_day: chrono::NaiveDate::from_ymd_opt(2025, 8, 14).unwrap(),
            n_documents: 1,
            sentiment: None,
            confidence: Some(0.45),
            origin: crate::model::DealOrigin::Auto,
            status: crate::model::DealStatus::Active,
            note: None,
            first_document_id: Some(1),
            first_source: None,
            evidence: None,
            phrases: Default::default(),
            parties: Vec::new(),
            reasons: Vec::new(),
            reviewed_at: None,
        };
        assert!(!rule.matches_deal(&d, cfg.study.min_confidence));
        // a rule that asks for less, or a reviewed deal, alerts
        let mut lower = rule.clone();
        lower.min_confidence = Some(0.4);
        assert!(lower.matches_deal(&d, cfg.study.min_confidence));
        d.reviewed_at = Some("2025-08-15T09:00:00Z".into());
        assert!(rule.matches_deal(&d, cfg.study.min_confidence));
        // out of range is an error naming the key
        let bad = STARTER.replace("min_confidence = 0.5 ", "min_confidence = 1.7 ");
        let e = Config::parse(&bad, "feeds.toml").unwrap_err().to_string();
        assert!(
            e.contains("study.min_confidence: 1.7 must be between 0 and 1"),
            "{e}"
        );
    }
}
