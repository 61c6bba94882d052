//! Domain types shared by the stages.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a stored document is, independent of where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// Journalism: a news outlet's article.
    #[default]
    News,
    /// A company's own announcement (wire release, IR page).
    PressRelease,
    /// An SEC filing (8-K, 6-K ...) with its press-release exhibit.
    Filing,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::News => "news",
            DocKind::PressRelease => "press_release",
            DocKind::Filing => "filing",
        }
    }

    pub fn parse(s: &str) -> Option<DocKind> {
        match s {
            "news" => Some(DocKind::News),
            "press_release" => Some(DocKind::PressRelease),
            "filing" => Some(DocKind::Filing),
            _ => None,
        }
    }
}

/// How a source is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// RSS 0.9x/1.0/2.0, Atom (0.3 and 1.0), RDF or JSON Feed.
    Feed,
    /// SEC EDGAR submissions JSON of one company.
    Edgar,
    /// An HTML listing page read with CSS selectors.
    Page,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Feed => "feed",
            SourceKind::Edgar => "edgar",
            SourceKind::Page => "page",
        }
    }
}

/// A document as a source produced it, before it is stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewDocument {
    pub kind: DocKind,
    pub url: Option<String>,
    pub guid: Option<String>,
    pub title: String,
    pub summary: Option<String>,
    pub body: Option<String>,
    pub author: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub cik: Option<String>,
    pub form_type: Option<String>,
    pub accession_no: Option<String>,
    /// 8-K item numbers, comma separated as EDGAR writes them ("1.01,9.01").
    pub items: Option<String>,
    /// True when the source gave only a summary and the linked page should be fetched for the body.
    pub needs_article: bool,
}

/// A stored document.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub id: i64,
    pub source: String,
    pub kind: String,
    pub url: Option<String>,
    pub canonical_url: Option<String>,
    pub guid: Option<String>,
    pub title: String,
    pub summary: Option<String>,
    pub body: Option<String>,
    pub author: Option<String>,
    pub published_at: Option<String>,
    pub fetched_at: String,
    pub updated_at: Option<String>,
    pub content_hash: String,
    pub cik: Option<String>,
    pub form_type: Option<String>,
    pub accession_no: Option<String>,
    pub items: Option<String>,
    pub article_status: Option<String>,
    /// What kind of story it is (set by the analysis).
    pub genre: Option<Genre>,
    /// Why the analysis did, or did not, take it as a deal: the deciding sentence, the evidence
    /// for and against.
    pub deal_reasons: Vec<String>,
}

/// One daily bar of a ticker. `adj_close` (split- and dividend-adjusted) is what returns use when
/// present; `close` otherwise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriceBar {
    pub ticker: String,
    pub date: chrono::NaiveDate,
    pub open: Option<f64>,
    pub high: Option<f64>,
    pub low: Option<f64>,
    pub close: f64,
    pub adj_close: Option<f64>,
    pub volume: Option<f64>,
}

impl PriceBar {
    /// The price returns are computed from.
    pub fn price(&self) -> f64 {
        self.adj_close.unwrap_or(self.close)
    }
}

/// A document's link to a company, as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionRecord {
    pub ticker: String,
    pub relevance: u8,
    pub in_title: bool,
    pub count: usize,
    /// The tone of what the document says about this company.
    pub tone: Option<f64>,
}

/// Declares a closed set of names stored as text: the enum, its text, parsing, serde and SQLite.
macro_rules! stored_names {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $s)] $v),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$v),+];

            /// The name as stored and printed.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$v => $s),+
                }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($s => Some($name::$v),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                $name::parse(s).ok_or_else(|| {
                    rusqlite::types::FromSqlError::Other(
                        format!("'{s}' is not a {}", stringify!($name)).into(),
                    )
                })
            }
        }
    };
}

stored_names! {
    /// What a recognised announcement is.
    DealKind {
        /// A signed, binding AI/HPC deal.
        Deal = "deal",
        /// A non-binding letter of intent or MOU.
        Loi = "loi",
        /// A deal ended, voted down or cancelled.
        Termination = "termination",
        /// An acquisition, merger, stake or financing of the company: recorded as context, never
        /// an AI hosting deal (the company is not providing capacity to a customer).
        Corporate = "corporate",
    }
}

stored_names! {
    /// What a deal is about.
    DealType {
        Colocation = "colocation",
        GpuCloud = "gpu_cloud",
        Hosting = "hosting",
        Expansion = "expansion",
        Acquisition = "acquisition",
        Financing = "financing",
    }
}

stored_names! {
    /// Whether a deal counts.
    DealStatus {
        Active = "active",
        /// Hidden from lists and studies; stays rejected on re-analysis.
        Rejected = "rejected",
    }
}

stored_names! {
    /// Who made a deal.
    DealOrigin {
        /// Recognised in the documents (rewritten by `analyze --all`).
        Auto = "auto",
        /// Added or edited by hand: survives `analyze --all`.
        Curated = "curated",
    }
}

stored_names! {
    /// What a capacity figure measures.
    CapacityBasis {
        /// The IT load the contract covers.
        CriticalIt = "critical_it",
        /// The site's gross power.
        Gross = "gross",
    }
}

/// A deal's terms, declared once: what a text states, what a detection stores, what a deal has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct DealTerms {
    /// Contract value over the base term.
    pub value_usd: Option<f64>,
    /// Contract value with extension options exercised.
    pub value_with_options_usd: Option<f64>,
    pub rate_usd_per_mw_year: Option<f64>,
    pub capacity_mw: Option<f64>,
    /// What `capacity_mw` measures, when the text says.
    pub capacity_basis: Option<CapacityBasis>,
    /// Base term.
    pub term_years: Option<f64>,
}

/// Where each term of a deal was read: the words of the text it came from (`deals show`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TermPhrases {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_usd: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_with_options_usd: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_usd_per_mw_year: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_mw: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term_years: Option<String>,
}

impl TermPhrases {
    pub fn is_empty(&self) -> bool {
        *self == TermPhrases::default()
    }
}

/// A company named in a deal's reports that is not its counterparty, and what it is to the deal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub role: PartyRole,
    pub name: String,
}

/// A recognised deal (or LOI, or termination) in one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DetectionRecord {
    pub kind: DealKind,
    pub ticker: String,
    pub counterparty: String,
    pub counterparty_class: Option<String>,
    pub deal_type: DealType,
    #[serde(flatten)]
    pub terms: DealTerms,
    pub confidence: f64,
    pub evidence: String,
    /// Where each term was read.
    pub phrases: TermPhrases,
    /// Guarantors, end users and vendors: never the counterparty.
    pub parties: Vec<Party>,
    /// The evidence for and against the decision, and the readings of terms it rejected.
    pub reasons: Vec<String>,
}

/// What analysing one document produced.
#[derive(Debug, Clone, PartialEq)]
pub struct DocAnalysis {
    pub document_id: i64,
    pub mentions: Vec<MentionRecord>,
    pub sentiment: f64,
    pub sentiment_method: String,
    pub detection: Option<DetectionRecord>,
    /// Why the document is, or is not, a deal (the detection's reasons when it has one).
    pub deal_reasons: Vec<String>,
    pub genre: Genre,
}

/// One real-world deal: the first report's time, its terms, and how many reports it has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deal {
    pub id: i64,
    pub ticker: String,
    pub counterparty: String,
    pub counterparty_class: Option<String>,
    pub deal_type: DealType,
    pub kind: DealKind,
    #[serde(flatten)]
    pub terms: DealTerms,
    pub announced_at: String,
    /// Trading day 0: the NYSE session whose close follows the first report.
    pub event_day: chrono::NaiveDate,
    pub n_documents: i64,
    pub sentiment: Option<f64>,
    pub confidence: Option<f64>,
    pub origin: DealOrigin,
    pub status: DealStatus,
    pub note: Option<String>,
    pub first_document_id: Option<i64>,
    pub first_source: Option<String>,
    pub evidence: Option<String>,
    /// Where each term was read (none for a term set by hand).
    pub phrases: TermPhrases,
    /// Guarantors, end users and vendors named in its reports.
    pub parties: Vec<Party>,
    /// Why it was taken as a deal: the sentence that decided, the evidence for and against, the
    /// readings of terms rejected (its most confident report's).
    pub reasons: Vec<String>,
    /// When a user accepted it after review (`deals accept`); hand-made deals count as reviewed.
    pub reviewed_at: Option<String>,
}

/// A stored deal whose date or time does not read: an error naming the deal, never a deal moved to
/// another day.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("deal {deal_id}: its {what} '{value}' is not a valid date")]
pub struct BadDealDate {
    pub deal_id: i64,
    pub what: &'static str,
    pub value: String,
}

/// Format a UTC time the way the store keeps it: RFC 3339 with seconds and a `Z`.
pub fn fmt_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Query parameters that only track a click and never select content.
fn is_tracking_param(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.starts_with("utm_")
        || matches!(
            k.as_str(),
            "fbclid"
                | "gclid"
                | "dclid"
                | "msclkid"
                | "yclid"
                | "mc_cid"
                | "mc_eid"
                | "_ga"
                | "igshid"
                | "ref_src"
                | "cmpid"
                | "ncid"
                | "sr_share"
                | "guccounter"
        )
}

/// The URL that identifies a page: scheme and host lower-cased, default port, fragment and tracking
/// parameters dropped, the remaining query parameters sorted. A string that is not a URL is kept
/// as it is (trimmed).
pub fn canonical_url(raw: &str) -> String {
    let raw = raw.trim();
    let Ok(mut u) = url::Url::parse(raw) else {
        return raw.to_string();
    };
    u.set_fragment(None);
    let mut pairs: Vec<(String, String)> = u
        .query_pairs()
        .filter(|(k, _)| !is_tracking_param(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if pairs.is_empty() {
        u.set_query(None);
    } else {
        pairs.sort();
        u.query_pairs_mut().clear().extend_pairs(pairs);
    }
    u.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_url_strips_tracking_and_fragment_and_sorts_query() {
        assert_eq!(
            canonical_url("HTTPS://Www.Example.com:443/a/b?utm_source=rss&z=1&a=2&fbclid=x#frag"),
            "https://www.example.com/a/b?a=2&z=1"
        );
        assert_eq!(
            canonical_url("https://example.com/p?utm_medium=feed"),
            "https://example.com/p"
        );
        assert_eq!(canonical_url("  not a url "), "not a url");
    }
}

stored_names! {
    /// What kind of story a document is. Only an announcement makes a deal event.
    Genre {
        /// It announces a deal (the release, the filing, news reporting the announcement).
        Announcement = "announcement",
        /// Opinion, analysis or a question about a deal.
        Commentary = "commentary",
        /// Many companies, none of them the headline's.
        Roundup = "roundup",
        /// Another story that recalls an earlier agreement.
        Mention = "mention",
        /// Anything else (results, production, markets).
        Other = "other",
    }
}

stored_names! {
    /// What a named company is to a deal other than its counterparty.
    PartyRole {
        /// It backstops or guarantees the counterparty's obligations (Google for Fluidstack).
        Guarantor = "guarantor",
        /// The counterparty serves it ("to support Anthropic").
        EndUser = "end_user",
        /// It sells the equipment (Dell, NVIDIA).
        Vendor = "vendor",
        /// It lends to the deal's project (a bank leading a project financing).
        Lender = "lender",
    }
}

stored_names! {
    /// Why an alert was raised.
    AlertEvent {
        /// A deal seen for the first time (or first passing the rule's filters).
        NewDeal = "new_deal",
        /// A deal already alerted whose terms changed.
        UpdatedDeal = "updated_deal",
        /// A new SEC filing of a universe company.
        Filing = "filing",
        /// A new press release of a universe company.
        PressRelease = "press_release",
    }
}

/// One alert, as every channel receives it (the webhook's generic body, the command's standard
/// input, the file's line). Every key is always present (`null` when unknown) so that scripts can
/// rely on the shape; `id` is stable: a receiver that sees an id twice can drop the repeat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    pub id: String,
    pub event: AlertEvent,
    pub ticker: String,
    pub deal_id: Option<i64>,
    pub document_id: Option<i64>,
    pub counterparty: Option<String>,
    #[serde(rename = "type")]
    pub deal_type: Option<DealType>,
    pub kind: Option<DealKind>,
    pub value_usd: Option<f64>,
    pub value_with_options_usd: Option<f64>,
    pub capacity_mw: Option<f64>,
    pub term_years: Option<f64>,
    /// The first report's time (a deal) or the document's publication time, RFC 3339 UTC.
    pub announced_at: String,
    /// Trading day 0 (deals).
    pub event_day: Option<chrono::NaiveDate>,
    pub confidence: Option<f64>,
    /// Tone in [-1, 1].
    pub tone: Option<f64>,
    /// The first report's title (a deal) or the document's.
    pub title: String,
    pub evidence: Option<String>,
    /// The reports' links, first report first.
    pub links: Vec<String>,
}
