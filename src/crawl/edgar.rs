//! SEC EDGAR: a company's submissions JSON, its current reports (8-K, 6-K), and their press-release
//! exhibits.
//!
//! The submissions JSON (`data.sec.gov/submissions/CIK##########.json`) lists filings as parallel
//! arrays under `filings.recent`. For each new filing of a kept form we read the filing index
//! (`<acc>-index.htm`) for two things: the EX-99.1 exhibit, and the "Accepted" time. The index page
//! states acceptance in US Eastern time; the JSON's `acceptanceDateTime` carries a `Z` but for some
//! filers is the New York clock mislabelled as UTC, which would put an after-close filing
//! mid-session. So the index time wins, and the JSON value is only a fallback.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::America::New_York;
use scraper::{Html, Selector};
use serde::Deserialize;

use super::text::html_to_text;
use crate::http::FetchError;

/// One filing from the submissions JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct FilingRef {
    pub accession: String,
    pub filing_date: NaiveDate,
    /// `acceptanceDateTime` as the JSON states it, read as UTC.
    pub accepted_json: Option<DateTime<Utc>>,
    pub form: String,
    pub items: Option<String>,
    pub primary_document: String,
}

#[derive(Deserialize)]
struct Submissions {
    filings: Filings,
}

#[derive(Deserialize)]
struct Filings {
    recent: Columns,
    #[serde(default)]
    files: Vec<OlderPage>,
}

/// The parallel arrays of filings, in `filings.recent` and at the top level of an older page.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Columns {
    accession_number: Vec<String>,
    filing_date: Vec<String>,
    #[serde(default)]
    acceptance_date_time: Vec<String>,
    form: Vec<String>,
    #[serde(default)]
    items: Vec<String>,
    primary_document: Vec<String>,
}

/// A further page of older filings named in `filings.files[]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OlderPage {
    /// The file name, beside the submissions JSON (`CIK0001318605-submissions-001.json`).
    pub name: String,
    #[serde(default)]
    pub filing_from: Option<NaiveDate>,
    #[serde(default)]
    pub filing_to: Option<NaiveDate>,
}

/// A company's submissions JSON: its recent filings (newest first, up to 1,000) and the pages
/// that hold the older ones.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmissionList {
    pub filings: Vec<FilingRef>,
    pub older: Vec<OlderPage>,
}

/// Parse a submissions JSON into filings, newest first as EDGAR lists them.
pub fn parse_submissions(bytes: &[u8]) -> Result<Vec<FilingRef>, FetchError> {
    Ok(parse_submission_list(bytes)?.filings)
}

/// Parse a submissions JSON with the list of its older pages.
pub fn parse_submission_list(bytes: &[u8]) -> Result<SubmissionList, FetchError> {
    let s: Submissions = serde_json::from_slice(bytes)
        .map_err(|e| FetchError::Malformed(format!("submissions JSON: {e}")))?;
    Ok(SubmissionList {
        filings: columns_to_filings(s.filings.recent, "filings.recent")?,
        older: s.filings.files,
    })
}

/// Parse an older page (`filings.files[].name`): the same columns at the top level.
pub fn parse_older_page(bytes: &[u8], name: &str) -> Result<Vec<FilingRef>, FetchError> {
    let c: Columns = serde_json::from_slice(bytes)
        .map_err(|e| FetchError::Malformed(format!("submissions page {name}: {e}")))?;
    columns_to_filings(c, name)
}

fn columns_to_filings(r: Columns, at: &str) -> Result<Vec<FilingRef>, FetchError> {
    let n = r.accession_number.len();
    let lens = [
        ("filingDate", r.filing_date.len()),
        ("form", r.form.len()),
        ("primaryDocument", r.primary_document.len()),
    ];
    for (name, len) in lens {
        if len != n {
            return Err(FetchError::Malformed(format!(
                "submissions JSON: {at}.{name} has {len} entries, accessionNumber has {n}"
            )));
        }
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let Ok(filing_date) = NaiveDate::parse_from_str(&r.filing_date[i], "%Y-%m-%d") else {
            return Err(FetchError::Malformed(format!(
                "submissions JSON: filingDate[{i}] '{}' is not a date",
                r.filing_date[i]
            )));
        };
        out.push(FilingRef {
            accession: r.accession_number[i].clone(),
            filing_date,
            accepted_json: r
                .acceptance_date_time
                .get(i)
                .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
                .map(|t| t.with_timezone(&Utc)),
            form: r.form[i].clone(),
            items: r.items.get(i).filter(|s| !s.trim().is_empty()).cloned(),
            primary_document: r.primary_document[i].clone(),
        });
    }
    Ok(out)
}

/// The older pages to read for filings on or after `since`: those whose range reaches it, and
/// only when the recent list stops after `since` (it holds everything newer).
pub fn pages_reaching(list: &SubmissionList, since: Option<NaiveDate>) -> Vec<OlderPage> {
    let Some(since) = since else {
        return Vec::new();
    };
    let oldest_recent = list.filings.iter().map(|f| f.filing_date).min();
    if oldest_recent.is_some_and(|d| d <= since) {
        return Vec::new();
    }
    list.older
        .iter()
        .filter(|p| p.filing_to.is_none_or(|to| to >= since))
        .cloned()
        .collect()
}

/// The filing index page inside the accession folder (`<folder>/<acc>-index.htm`), and the one
/// EDGAR also serves at the company folder (`<archives>/<cik>/<acc>-index.html`).
pub fn index_urls(archives_url: &str, cik: &str, accession: &str) -> [String; 2] {
    [
        format!(
            "{}{accession}-index.htm",
            filing_folder(archives_url, cik, accession)
        ),
        format!(
            "{}/{}/{accession}-index.html",
            archives_url.trim_end_matches('/'),
            cik.trim_start_matches('0')
        ),
    ]
}

/// SEC refuses anonymous clients: a User-Agent without a contact address is refused here, before
/// any request (and, being the user's to fix, without back-off).
pub fn require_contact(user_agent: &str) -> Result<(), FetchError> {
    if crate::config::has_contact_email(user_agent) {
        return Ok(());
    }
    Err(FetchError::Refused(
        "EDGAR requires a contact email in the User-Agent (SEC fair access): set `contact` under \
         [crawl] in feeds.toml or the HASHPIVOT_CONTACT environment variable"
            .into(),
    ))
}

/// `<archives>/<cik without leading zeros>/<accession without dashes>/`.
pub fn filing_folder(archives_url: &str, cik: &str, accession: &str) -> String {
    format!(
        "{}/{}/{}/",
        archives_url.trim_end_matches('/'),
        cik.trim_start_matches('0'),
        accession.replace('-', "")
    )
}

/// What a filing index page tells us.
#[derive(Debug, Clone, PartialEq)]
pub struct FilingIndex {
    /// The "Accepted" time (stated in US Eastern time), as UTC.
    pub accepted: Option<DateTime<Utc>>,
    /// Absolute URL of the press-release exhibit (EX-99.1, else the first EX-99.x).
    pub exhibit_url: Option<String>,
    /// The exhibit's description in the index ("PRESS RELEASE DATED JUNE 25, 2026"): its caption
    /// when the exhibit itself is only images.
    pub exhibit_description: Option<String>,
}

/// Read a filing index page (`<acc>-index.htm`).
pub fn parse_index(html: &str, index_url: &str) -> FilingIndex {
    let doc = Html::parse_document(html);
    let head = Selector::parse(".infoHead").expect("static selector");
    let mut accepted = None;
    for h in doc.select(&head) {
        if h.text().collect::<String>().trim() == "Accepted" {
            let value = h
                .next_siblings()
                .filter_map(scraper::ElementRef::wrap)
                .next()
                .map(|e| e.text().collect::<String>());
            accepted = value.and_then(|v| eastern_to_utc(v.trim()));
            break;
        }
    }
    let row = Selector::parse("table.tableFile tr").expect("static selector");
    let cell = Selector::parse("td").expect("static selector");
    let link = Selector::parse("a[href]").expect("static selector");
    let base = url::Url::parse(index_url).ok();
    let mut best: Option<(u8, String, String)> = None;
    for tr in doc.select(&row) {
        let cells: Vec<_> = tr.select(&cell).collect();
        if cells.len() < 4 {
            continue;
        }
        let ty = cells[3]
            .text()
            .collect::<String>()
            .trim()
            .to_ascii_uppercase();
        let rank = if ty == "EX-99.1" || ty == "EX-99.01" {
            0
        } else if ty.starts_with("EX-99") {
            1
        } else {
            continue;
        };
        let Some(href) = cells[2]
            .select(&link)
            .next()
            .and_then(|a| a.value().attr("href"))
        else {
            continue;
        };
        let href = unwrap_ixbrl(href);
        let abs = match &base {
            Some(b) => b.join(&href).map(|u| u.to_string()).unwrap_or(href),
            None => href,
        };
        let description = cells[1].text().collect::<String>().trim().to_string();
        if best.as_ref().is_none_or(|(r, _, _)| rank < *r) {
            best = Some((rank, abs, description));
        }
    }
    let (exhibit_url, exhibit_description) = match best {
        Some((_, u, d)) => (Some(u), Some(d).filter(|d| !d.is_empty())),
        None => (None, None),
    };
    FilingIndex {
        accepted,
        exhibit_url,
        exhibit_description,
    }
}

/// Inline-XBRL viewer links (`/ix?doc=/Archives/...`) point at the document itself.
pub fn unwrap_ixbrl(href: &str) -> String {
    match href.split_once("ix?doc=") {
        Some((_, rest)) => rest.to_string(),
        None => href.to_string(),
    }
}

/// "2024-06-03 16:05:37" in New York time → UTC.
pub fn eastern_to_utc(s: &str) -> Option<DateTime<Utc>> {
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").ok()?;
    New_York
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// Title and summary of a filing from its press release text: the first line that reads like a
/// headline (not "Exhibit 99.1"), and the first paragraph after it.
pub fn headline_and_lead(text: &str) -> (Option<String>, Option<String>) {
    let mut lines = text
        .split("\n\n")
        .flat_map(|p| p.lines().map(str::trim).chain(std::iter::once("")))
        .peekable();
    let mut headline = None;
    for l in lines.by_ref() {
        let lower = l.to_ascii_lowercase();
        if l.is_empty() || lower.starts_with("exhibit") || l.split_whitespace().count() < 4 {
            continue;
        }
        headline = Some(l.to_string());
        break;
    }
    let lead = lines
        .filter(|l| l.split_whitespace().count() >= 12)
        .map(str::to_string)
        .next();
    (headline, lead)
}

/// Plain text of a filing document (HTML, or plain text for old `.txt` filings).
pub fn document_text(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    if super::text::looks_like_html(&text) {
        html_to_text(&text)
    } else {
        super::text::tidy(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eastern_acceptance_time_to_utc_across_dst() {
        // EDT (UTC-4) in June, EST (UTC-5) in December
        assert_eq!(
            eastern_to_utc("2024-06-03 16:05:37").unwrap().to_rfc3339(),
            "2024-06-03T20:05:37+00:00"
        );
        assert_eq!(
            eastern_to_utc("2024-12-23 08:00:00").unwrap().to_rfc3339(),
            "2024-12-23T13:00:00+00:00"
        );
    }

    #[test]
    fn mismatched_columns_are_malformed() {
        let j = br#"{"filings":{"recent":{"accessionNumber":["a","b"],"filingDate":["2024-01-01"],"form":["8-K","8-K"],"primaryDocument":["x","y"]}}}"#;
        let err = parse_submissions(j).unwrap_err();
        assert_eq!(
            err,
            FetchError::Malformed(
                "submissions JSON: filings.recent.filingDate has 1 entries, accessionNumber has 2"
                    .into()
            )
        );
    }

    #[test]
    fn older_pages_are_read_only_when_since_reaches_past_the_recent_list() {
        let j = br#"{"filings":{"recent":{"accessionNumber":["a"],"filingDate":["2018-02-13"],"form":["8-K"],"primaryDocument":["x"]},
            "files":[{"name":"p-001.json","filingCount":2,"filingFrom":"2005-02-17","filingTo":"2018-02-11"},
                     {"name":"p-002.json","filingCount":2,"filingFrom":"2001-01-01","filingTo":"2005-02-16"}]}}"#;
        let list = parse_submission_list(j).unwrap();
        let names = |since: Option<&str>| -> Vec<String> {
            pages_reaching(&list, since.map(|s| s.parse().unwrap()))
                .into_iter()
                .map(|p| p.name)
                .collect()
        };
        assert_eq!(names(None), Vec::<String>::new());
        assert_eq!(names(Some("2018-02-13")), Vec::<String>::new());
        assert_eq!(names(Some("2017-01-01")), vec!["p-001.json"]);
        assert_eq!(names(Some("2004-06-30")), vec!["p-001.json", "p-002.json"]);
    }

    #[test]
    fn ixbrl_links_are_unwrapped_and_folder_is_built() {
        assert_eq!(
            unwrap_ixbrl("/ix?doc=/Archives/edgar/data/1839341/000162828024043341/a.htm"),
            "/Archives/edgar/data/1839341/000162828024043341/a.htm"
        );
        assert_eq!(
            filing_folder(
                "https://www.sec.gov/Archives/edgar/data/",
                "0001839341",
                "0001628280-24-043341"
            ),
            "https://www.sec.gov/Archives/edgar/data/1839341/000162828024043341/"
        );
    }

    #[test]
    fn headline_skips_exhibit_label() {
        let (h, l) = headline_and_lead(
            "Exhibit 99.1\n\nCore Scientific Signs New Contract With CoreWeave\n\nAUSTIN, Texas, June 3, 2024 -- Core Scientific announced today that it has signed twelve-year contracts.",
        );
        assert_eq!(
            h.as_deref(),
            Some("Core Scientific Signs New Contract With CoreWeave")
        );
        assert!(l.unwrap().starts_with("AUSTIN, Texas"));
    }
}
