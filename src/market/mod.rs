//! Daily prices: importers for the common free formats. (Fetching from the Yahoo chart API lives in
//! `fetch`, the only part of this stage that touches the network.)

pub mod fetch;
pub mod import;

pub use import::{Format, Parsed, parse_file, ticker_from_path};
