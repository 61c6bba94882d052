//! Crawling: fetch every due source politely, parse it, and store what is new.
//!
//! `http` turns every HTTP outcome into a named error; `feed`, `edgar` and `page` parse the three
//! source kinds; `article` extracts the main text of linked pages; `run` schedules it all and
//! writes each source's documents in one transaction.

pub mod article;
mod articles;
pub mod edgar;
pub mod feed;
pub mod http;
pub mod page;
mod run;
pub mod text;

pub use http::FetchError;
pub use run::{ArticleReport, CrawlOptions, CrawlReport, Outcome, SourceReport, crawl};
