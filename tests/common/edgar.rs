//! The sample SEC filings served from loopback.

use super::server::Server;

/// The sample EDGAR filings: Core Scientific's are the demo's (data/demo), Bitdeer's are test-only.
pub fn serve_edgar(s: &Server) {
    let e = "crawl/edgar/";
    let demo = "../../data/demo/";
    s.fixture(
        "/submissions/CIK0001839341.json",
        &format!("{demo}corz-submissions.json"),
        "application/json",
    );
    let corz24 = "/Archives/edgar/data/1839341/000162828024043341/";
    s.fixture(
        &format!("{corz24}0001628280-24-043341-index.htm"),
        &format!("{demo}corz-2024-index.htm"),
        "text/html",
    );
    s.fixture(
        &format!("{corz24}corz-20241022.htm"),
        &format!("{demo}corz-20241022.htm"),
        "text/html",
    );
    s.fixture(
        &format!("{corz24}corz-ex99-1.htm"),
        &format!("{demo}corz-ex99.htm"),
        "text/html",
    );
    let corz25 = "/Archives/edgar/data/1839341/000183934125000101/";
    s.fixture(
        &format!("{corz25}0001839341-25-000101-index.htm"),
        &format!("{demo}corz-2025-index.htm"),
        "text/html",
    );
    s.fixture(
        &format!("{corz25}corz-20251030.htm"),
        &format!("{demo}corz-20251030.htm"),
        "text/html",
    );
    s.fixture(
        "/submissions/CIK0001899123.json",
        &format!("{e}CIK0001899123.json"),
        "application/json",
    );
    let btdr = "/Archives/edgar/data/1899123/000121390026061234/";
    s.fixture(
        &format!("{btdr}0001213900-26-061234-index.htm"),
        &format!("{e}btdr-index.htm"),
        "text/html",
    );
    s.fixture(
        &format!("{btdr}ea0261234-6k_bitdeer.htm"),
        &format!("{e}ea0261234-6k_bitdeer.htm"),
        "text/html",
    );
    s.fixture(
        &format!("{btdr}ea026123401ex99-1_bitdeer.htm"),
        &format!("{e}ea026123401ex99-1_bitdeer.htm"),
        "text/html",
    );
}
