//! Test configurations: the crawl settings for loopback, an EDGAR setup, the shipped universe.

use super::server::{Server, fixtures_dir};

/// Crawl settings for loopback tests: no gap between requests, short timeouts, a contact.
pub fn test_crawl_section() -> String {
    r#"[crawl]
user_agent = "hashpivot-test/1.0"
contact = "tests@hashpivot.example"
concurrency = 4
per_host_interval_ms = 0
connect_timeout_secs = 1
timeout_secs = 2
max_body_bytes = 200000
fetch_articles = false
backoff_base_secs = 300
"#
    .to_string()
}

pub fn edgar_config(s: &Server, contact: bool) -> String {
    let mut c = test_crawl_section();
    if !contact {
        c = c.replace("contact = \"tests@hashpivot.example\"\n", "");
    }
    format!(
        "{c}
[edgar]
submissions_url = \"{b}/submissions\"
archives_url = \"{b}/Archives/edgar/data\"
forms = [\"8-K\", \"6-K\"]
requests_per_second = 5
since = \"2024-01-01\"

[[company]]
ticker = \"CORZ\"
name = \"Core Scientific\"
cik = \"1839341\"

[[company]]
ticker = \"BTDR\"
name = \"Bitdeer\"
cik = \"0001899123\"
current_report_form = \"6-K\"
",
        b = s.base
    )
}

/// The shipped universe and counterparties of feeds.toml (its [[company]] and [[counterparty]] tables).
pub fn universe() -> String {
    let starter = std::fs::read_to_string(fixtures_dir().join("../../feeds.toml")).unwrap();
    let start = starter.find("[[company]]").unwrap();
    let end = starter.find("[[source]]").unwrap();
    starter[start..end].to_string()
}

/// A `[[source]]` table for a feed.
pub fn feed(name: &str, url: &str) -> String {
    format!("[[source]]\nname = \"{name}\"\nkind = \"feed\"\nurl = \"{url}\"\n")
}
