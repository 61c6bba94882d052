//! The weekly digest: one typed value, [`Digest`], built from the store by [`build`], and the
//! renderers in `render` (Markdown, text, HTML) that all consume it.

mod build;
mod render;

use serde::Serialize;

pub use build::{Period, build};
pub use render::{md, safe_url, to_html, to_markdown, to_text, tone_mark};

/// A headline and its link.
pub type Headline = (String, Option<String>);

#[derive(Debug, Clone, Serialize)]
pub struct DealLine {
    pub ticker: String,
    pub counterparty: String,
    pub deal_type: crate::model::DealType,
    pub value_usd: Option<f64>,
    pub capacity_mw: Option<f64>,
    pub term_years: Option<f64>,
    pub day0: chrono::NaiveDate,
    pub car: Option<f64>,
    /// SCAR = CAR / sd(CAR), the event's own t-statistic.
    pub t: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Story {
    pub title: String,
    pub source: String,
    pub time: String,
    pub excerpt: String,
    pub tone: Option<f64>,
    pub url: Option<String>,
    pub others: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Company {
    pub ticker: String,
    pub documents: usize,
    pub trailing_avg: f64,
    pub tone: Option<f64>,
    pub tone_change: Option<f64>,
    pub headlines: Vec<Headline>,
    /// (form, items, title, url)
    pub filings: Vec<(String, Option<String>, String, Option<String>)>,
    pub stock_return: Option<f64>,
    pub bitcoin_return: Option<f64>,
    /// Closing prices (or daily document counts) over the eight weeks to the period's end.
    pub spark: Vec<f64>,
    pub spark_label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Digest {
    pub label: String,
    pub utc_range: String,
    pub ny_range: String,
    pub sources_polled: usize,
    pub documents_new: usize,
    pub failing: Vec<(String, String)>,
    pub deals: Vec<DealLine>,
    pub stories: Vec<Story>,
    pub companies: Vec<Company>,
    /// (source, its headlines)
    pub remaining: Vec<(String, Vec<Headline>)>,
    pub notes: Vec<String>,
    /// What could not be computed and why (the market reaction, when the study cannot run): shown
    /// in every format and said on stderr by the command, never dropped silently.
    pub warnings: Vec<String>,
}
