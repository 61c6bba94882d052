//! Test configurations, built as `Config` values (and written with `Config::to_toml`, or one table
//! at a time for tests that write the rest of their `feeds.toml` by hand): the crawl settings for
//! loopback, an EDGAR setup on the test server, the shipped universe, feed sources.

use hashpivot::config::{
    Company, Config, Counterparty, CrawlConfig, EdgarConfig, STARTER, SourceConfig,
};
use hashpivot::model::{DocKind, SourceKind};
use serde::Serialize;

use super::server::Server;

/// Crawl settings for loopback tests: no gap between requests, short timeouts, a contact.
pub fn test_crawl() -> CrawlConfig {
    CrawlConfig {
        user_agent: "hashpivot-test/1.0".into(),
        contact: "tests@hashpivot.example".into(),
        concurrency: 4,
        per_host_interval_ms: 0,
        connect_timeout_secs: 1.0,
        timeout_secs: 2.0,
        max_body_bytes: 200_000,
        fetch_articles: false,
        backoff_base_secs: 300,
        ..CrawlConfig::default()
    }
}

/// The test crawl settings and nothing else configured.
pub fn test_config() -> Config {
    Config {
        crawl: test_crawl(),
        ..Config::default()
    }
}

/// The `[crawl]` table alone, as TOML.
pub fn crawl_section(crawl: &CrawlConfig) -> String {
    #[derive(Serialize)]
    struct CrawlOnly<'a> {
        crawl: &'a CrawlConfig,
    }
    toml::to_string(&CrawlOnly { crawl }).expect("crawl settings as TOML")
}

/// The test crawl settings as a `[crawl]` table.
pub fn test_crawl_section() -> String {
    crawl_section(&test_crawl())
}

/// EDGAR on the test server for Core Scientific (8-K) and Bitdeer (6-K); without a contact when
/// `contact` is false.
pub fn edgar_config(s: &Server, contact: bool) -> Config {
    let mut crawl = test_crawl();
    if !contact {
        crawl.contact.clear();
    }
    let company = edgar_company;
    Config {
        crawl,
        edgar: EdgarConfig {
            submissions_url: s.url("/submissions"),
            archives_url: s.url("/Archives/edgar/data"),
            forms: vec!["8-K".into(), "6-K".into()],
            requests_per_second: 5.0,
            since: chrono::NaiveDate::from_ymd_opt(2024, 1, 1),
            ..EdgarConfig::default()
        },
        companies: vec![
            company("CORZ", "Core Scientific", "1839341", "8-K"),
            company("BTDR", "Bitdeer", "0001899123", "6-K"),
        ],
        ..Config::default()
    }
}

/// A company with nothing but what EDGAR needs: ticker, name, CIK and its current-report form.
pub fn edgar_company(ticker: &str, name: &str, cik: &str, form: &str) -> Company {
    Company {
        ticker: ticker.into(),
        name: name.into(),
        aliases: vec![],
        former_names: vec![],
        short_names: vec![],
        cik: cik.into(),
        current_report_form: form.into(),
        edgar: true,
    }
}

/// The shipped universe: the companies and counterparties of feeds.toml.
pub fn universe_config() -> (Vec<Company>, Vec<Counterparty>) {
    let shipped = Config::parse(STARTER, "feeds.toml").expect("the shipped feeds.toml");
    (shipped.companies, shipped.counterparties)
}

/// The shipped universe as `[[company]]` and `[[counterparty]]` tables.
pub fn universe() -> String {
    #[derive(Serialize)]
    struct Universe {
        company: Vec<Company>,
        counterparty: Vec<Counterparty>,
    }
    let (company, counterparty) = universe_config();
    toml::to_string(&Universe {
        company,
        counterparty,
    })
    .expect("the universe as TOML")
}

/// A feed source.
pub fn feed_source(name: &str, url: &str) -> SourceConfig {
    SourceConfig {
        name: name.into(),
        kind: SourceKind::Feed,
        url: url.into(),
        doc_kind: DocKind::News,
        enabled: true,
        selectors: None,
        link_pattern: None,
        user_agent: None,
        headers: Default::default(),
        every: None,
    }
}

/// A `[[source]]` table for a feed.
pub fn feed(name: &str, url: &str) -> String {
    format!("[[source]]\nname = \"{name}\"\nkind = \"feed\"\nurl = \"{url}\"\n")
}
