//! Crawling: fetch every due source politely, parse it, and store what is new.
//!
//! The HTTP client (`crate::http`) turns every outcome into a named error; `decode` turns bytes
//! into text (BOM, HTTP charset, XML prolog, `<meta charset>`); `feed`, `edgar` and `page` parse
//! the three source kinds; `main_text` extracts the main text of a linked page and `articles` is
//! the crawl phase that fetches those pages; `run` schedules it all and writes each source's
//! documents in one transaction.

mod articles;
pub mod dates;
pub mod decode;
pub mod edgar;
pub mod feed;
pub mod lenient;
pub mod main_text;
pub mod page;
pub mod probe;
mod progress;
mod run;
pub mod text;

pub use crate::http::FetchError;
pub use articles::ArticleReport;
pub use run::{CrawlOptions, CrawlReport, Outcome, SourceReport, crawl, select_sources};
