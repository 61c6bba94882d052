//! Conformance with what the real services serve: SEC EDGAR and the Yahoo chart API, from the
//! responses recorded in `../shared/real/` (read at test time, never copied into the repository:
//! they are third-party data). `HASHPIVOT_REAL_DIR` points elsewhere; when the folder is absent
//! each test says so on stderr and passes without checking anything.
//!
//! The recorded files are served from loopback exactly as recorded, and the stored rows are
//! compared field by field with the facts the files state (read off them by hand).

mod common;

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate};
use common::*;
use hashpivot::config::{Company, Config, EdgarConfig, PricesConfig};
use hashpivot::crawl::edgar;

fn real_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("HASHPIVOT_REAL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real"));
    if dir.join("edgar").is_dir() && dir.join("yahoo").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "note: conformance test skipped: no recorded responses at {} (set HASHPIVOT_REAL_DIR)",
            dir.display()
        );
        None
    }
}

fn read(dir: &Path, rel: &str) -> Vec<u8> {
    std::fs::read(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn company(ticker: &str, name: &str, cik: &str) -> Company {
    edgar_company(ticker, name, cik, "8-K")
}

fn edgar_workspace(s: &Server, companies: Vec<Company>, since: &str, forms: &[&str]) -> Workspace {
    Workspace::with_config(&Config {
        crawl: test_crawl(),
        edgar: EdgarConfig {
            submissions_url: s.url("/submissions"),
            archives_url: s.url("/Archives/edgar/data"),
            forms: forms.iter().map(|f| f.to_string()).collect(),
            requests_per_second: 10.0,
            since: Some(since.parse().unwrap()),
            max_filings_per_company: 1000,
            ..EdgarConfig::default()
        },
        companies,
        ..Config::default()
    })
}

/// A company's newest kept filing: accession, filing date, acceptanceDateTime, items, primary
/// document.
type Newest = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// The submissions JSON of all 16 companies (recorded 2025-08-02): the filings of the kept forms
/// since 2024-01-01, counted per form, and the newest one's fields, as the files state them.
#[test]
fn submissions_json_of_every_company() {
    let Some(dir) = real_dir() else { return };
    // (CIK, filings in `recent`, kept 8-K/8-K/A/6-K/6-K/A since 2024-01-01, newest kept:
    //  accession, filing date, acceptanceDateTime, items, primary document)
    #[rustfmt::skip]
    let want: [(&str, usize, usize, Option<Newest>); 16] = [
        ("0000827876", 631, 36, Some(("0000950170-25-066936", "2025-05-08", "2025-05-08T20:08:34+00:00", "2.02,9.01", "clsk-20250508.htm"))),
        ("0001083301", 1000, 42, Some(("0001083301-25-000044", "2025-05-30", "2025-05-30T20:08:57+00:00", "5.02,9.01", "wulf-20250523.htm"))),
        ("0001144879", 657, 72, Some(("0001144879-25-000019", "2025-07-30", "2025-07-30T20:02:29+00:00", "2.02,9.01", "apld-20250730.htm"))),
        ("0001167419", 1002, 35, Some(("0001558370-25-009894", "2025-07-31", "2025-07-31T20:48:39+00:00", "2.02,9.01", "riot-20250731x8k.htm"))),
        ("0001507605", 954, 40, Some(("0001507605-25-000016", "2025-07-29", "2025-07-29T20:05:56+00:00", "2.02,9.01", "mara-20250729.htm"))),
        ("0001710350", 307, 29, Some(("0001213900-25-068438", "2025-07-29", "2025-07-29T12:19:44+00:00", "5.02,9.01", "ea0250368-8k_bitdigi.htm"))),
        ("0001720424", 138, 39, Some(("0001062993-25-013298", "2025-07-30", "2025-07-30T21:14:15+00:00", "", "form6k.htm"))),
        ("0001769628", 115, 11, Some(("0001769628-25-000033", "2025-07-31", "2025-07-31T12:49:59+00:00", "1.01,2.03,7.01,9.01", "crwv-20250728.htm"))),
        ("0001812477", 332, 93, Some(("0001213900-25-068917", "2025-07-30", "2025-07-30T01:46:01+00:00", "", "ea0250576-6k_bitfarms.htm"))),
        ("0001819989", 438, 17, Some(("0001819989-25-000072", "2025-07-25", "2025-07-25T21:12:48+00:00", "1.02", "cifr-20250722.htm"))),
        ("0001839341", 505, 55, Some(("0001193125-25-156266", "2025-07-07", "2025-07-07T21:08:44+00:00", "1.01,5.02,9.01", "d945892d8k.htm"))),
        ("0001859392", 137, 6, Some(("0001859392-25-000020", "2025-07-29", "2025-07-29T11:04:22+00:00", "5.02", "glxy-20250728.htm"))),
        ("0001878848", 248, 62, Some(("0001140361-25-024971", "2025-07-07", "2025-07-07T11:30:26+00:00", "7.01,9.01", "ef20051646_8k.htm"))),
        ("0001899123", 194, 48, Some(("0001213900-25-062520", "2025-07-10", "2025-07-10T11:00:11+00:00", "", "ea0248219-6k_bitdeer.htm"))),
        ("0001964789", 172, 20, Some(("0001558370-25-009004", "2025-06-30", "2025-06-30T20:45:16+00:00", "3.02", "hut-20250624x8k.htm"))),
        ("0002042022", 8, 0, None),
    ];
    let since = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    for (cik, total, kept, newest) in want {
        let bytes = read(&dir, &format!("edgar/submissions/CIK{cik}.json"));
        let list = edgar::parse_submission_list(&bytes).unwrap_or_else(|e| panic!("{cik}: {e}"));
        assert_eq!(list.filings.len(), total, "{cik}");
        let kept_filings: Vec<_> = list
            .filings
            .iter()
            .filter(|f| ["8-K", "8-K/A", "6-K", "6-K/A"].contains(&f.form.as_str()))
            .filter(|f| f.filing_date >= since)
            .collect();
        assert_eq!(kept_filings.len(), kept, "{cik}");
        let got = kept_filings.first().map(|f| {
            (
                f.accession.clone(),
                f.filing_date.to_string(),
                f.accepted_json.unwrap().to_rfc3339(),
                f.items.clone().unwrap_or_default(),
                f.primary_document.clone(),
            )
        });
        let want = newest.map(|(a, d, t, i, p)| (a.into(), d.into(), t.into(), i.into(), p.into()));
        assert_eq!(got, want, "{cik}");
    }
}

/// Tesla's JSON lists 1,002 recent filings back to 2018-02-13 and names an older page (720
/// filings, 2005-02-17 to 2018-02-11): `since` 2017-10-01 reads that page too, once, and keeps
/// its 8 8-Ks from then on beside the 126 of the recent list.
#[test]
fn older_filings_come_from_the_paged_json_when_since_reaches_back() {
    let Some(dir) = real_dir() else { return };
    let main = read(&dir, "edgar/submissions/CIK0001318605.json");
    let page = read(&dir, "edgar/submissions/CIK0001318605-submissions-001.json");
    let list = edgar::parse_submission_list(&main).unwrap();
    assert_eq!(list.filings.len(), 1002);
    let since = NaiveDate::from_ymd_opt(2017, 10, 1);
    let pages = edgar::pages_reaching(&list, since);
    assert_eq!(
        pages,
        vec![edgar::OlderPage {
            name: "CIK0001318605-submissions-001.json".into(),
            filing_from: NaiveDate::from_ymd_opt(2005, 2, 17),
            filing_to: NaiveDate::from_ymd_opt(2018, 2, 11),
        }]
    );
    let older = edgar::parse_older_page(&page, &pages[0].name).unwrap();
    assert_eq!(older.len(), 720);
    let eight_ks = |v: &[edgar::FilingRef]| {
        v.iter()
            .filter(|f| f.form == "8-K" && f.filing_date >= since.unwrap())
            .count()
    };
    assert_eq!((eight_ks(&list.filings), eight_ks(&older)), (126, 8));
    let last = older
        .iter()
        .rfind(|f| f.form == "8-K" && f.filing_date >= since.unwrap())
        .unwrap();
    assert_eq!(
        (last.accession.as_str(), last.filing_date.to_string()),
        ("0001564590-17-019158", "2017-10-02".to_string())
    );
    // the crawler reads the page through the submissions URL's folder, once
    let s = Server::start();
    s.route(
        "/submissions/CIK0001318605.json",
        Resp::ok(main).header("Content-Type", "application/json"),
    );
    s.route(
        "/submissions/CIK0001318605-submissions-001.json",
        Resp::ok(page).header("Content-Type", "application/json"),
    );
    let ws = edgar_workspace(
        &s,
        vec![company("TSLA", "Tesla", "0001318605")],
        "2017-10-01",
        &["8-K"],
    );
    // the filings themselves were not recorded (their index pages are 404 here): the crawl fails
    // those parts, but asks for the index of every 8-K since `since`, recent and older alike
    let out = ws.run(&["crawl", "--no-articles"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        s.requests_to("/submissions/CIK0001318605-submissions-001.json")
            .len(),
        1
    );
    let index_requests = s
        .requests_to_prefix("/Archives/edgar/data/1318605/")
        .iter()
        .filter(|r| r.path.ends_with("-index.htm"))
        .count();
    assert_eq!(index_requests, 126 + 8);
}

/// Three real 8-Ks as EDGAR serves them, the index page only at the company folder
/// (`<cik>/<acc>-index.html`): forms, accession numbers, acceptance times (US Eastern on the
/// index page → UTC, in summer and winter time), items, and text without the HTML title.
#[test]
fn real_8k_filings_are_stored_exactly() {
    let Some(dir) = real_dir() else { return };
    let s = Server::start();
    // (ticker, name, cik, accession, filing date, items, primary document)
    let filings = [
        (
            "JPM",
            "JPMorgan Chase",
            "19617",
            "0000019617-26-000241",
            "2026-06-25",
            "5.02",
            "jpm-20260624.htm",
        ),
        (
            "META",
            "Meta Platforms",
            "1326801",
            "0001628280-25-058337",
            "2025-12-19",
            "5.02",
            "meta-20251219.htm",
        ),
        (
            "NVDA",
            "NVIDIA",
            "1045810",
            "0001045810-26-000024",
            "2026-03-06",
            "5.02,9.01",
            "nvda-20260302.htm",
        ),
    ];
    let mut companies = Vec::new();
    for (ticker, name, cik, acc, date, items, primary) in filings {
        // the submissions JSON is written here (none was recorded for these filers), with the
        // facts of the recorded index pages; its acceptance time is left out on purpose, so the
        // index page's is the one stored
        let json = serde_json::json!({"cik": cik, "name": name, "filings": {"recent": {
            "accessionNumber": [acc], "filingDate": [date], "form": ["8-K"],
            "items": [items], "primaryDocument": [primary]}, "files": []}});
        s.route(
            &format!("/submissions/CIK{cik:0>10}.json"),
            Resp::ok(json.to_string()).header("Content-Type", "application/json"),
        );
        let folder = acc.replace('-', "");
        s.route(
            &format!("/Archives/edgar/data/{cik}/{acc}-index.html"),
            Resp::ok(read(
                &dir,
                &format!("edgar/archives/{cik}/{acc}-index.html"),
            ))
            .header("Content-Type", "text/html"),
        );
        for entry in std::fs::read_dir(dir.join(format!("edgar/archives/{cik}/{folder}"))).unwrap()
        {
            let p = entry.unwrap().path();
            let file = p.file_name().unwrap().to_string_lossy().into_owned();
            s.route(
                &format!("/Archives/edgar/data/{cik}/{folder}/{file}"),
                Resp::ok(std::fs::read(&p).unwrap()).header("Content-Type", "text/html"),
            );
        }
        companies.push(company(ticker, name, &format!("{cik:0>10}")));
    }
    let ws = edgar_workspace(&s, companies, "2024-01-01", &["8-K", "8-K/A"]);
    let mut cmd = ws.command(&["crawl", "--no-articles"]);
    let out = cmd
        .env("HASHPIVOT_CONTACT", "conformance@example.com")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = ws.rows(
        "SELECT source, form_type, accession_no, published_at, items, title, url FROM documents ORDER BY published_at",
    );
    let b = &s.base;
    assert_eq!(
        rows,
        vec![
            vec![
                "edgar:META".to_string(),
                "8-K".into(),
                "0001628280-25-058337".into(),
                // 17:00:37 EST
                "2025-12-19T22:00:37Z".into(),
                "5.02".into(),
                "Meta Platforms 8-K (items 5.02)".into(),
                format!("{b}/Archives/edgar/data/1326801/0001628280-25-058337-index.html"),
            ],
            vec![
                "edgar:NVDA".to_string(),
                "8-K".into(),
                "0001045810-26-000024".into(),
                // 16:11:25 EST, two days before daylight saving time began
                "2026-03-06T21:11:25Z".into(),
                "5.02,9.01".into(),
                "NVIDIA 8-K (items 5.02,9.01)".into(),
                format!("{b}/Archives/edgar/data/1045810/0001045810-26-000024-index.html"),
            ],
            vec![
                "edgar:JPM".to_string(),
                "8-K".into(),
                "0000019617-26-000241".into(),
                // 07:59:33 EDT
                "2026-06-25T11:59:33Z".into(),
                "5.02".into(),
                "JPMorgan Chase 8-K (items 5.02)".into(),
                format!("{b}/Archives/edgar/data/19617/0000019617-26-000241-index.html"),
            ],
        ]
    );
    let body = |acc: &str| -> String {
        ws.rows(&format!(
            "SELECT body FROM documents WHERE accession_no = '{acc}'"
        ))[0][0]
            .clone()
    };
    // JPMorgan's EX-99.1 is two images: the index's description is its caption
    let jpm = body("0000019617-26-000241");
    assert!(
        jpm.starts_with(
            "Exhibit 99.1 (images only): JPMORGAN CHASE & CO. PRESS RELEASE DATED JUNE 25, 2026\n\n"
        ),
        "{}",
        &jpm[..200.min(jpm.len())]
    );
    for (acc, file_name) in [
        ("0000019617-26-000241", "jpm-20260624"),
        ("0001628280-25-058337", "meta-20251219"),
        ("0001045810-26-000024", "nvda-20260302"),
    ] {
        let text = body(acc);
        assert!(
            !text.contains(file_name),
            "{acc}: the HTML title leaked into the text: {}",
            &text[..200.min(text.len())]
        );
        assert!(text.contains("Item 5.02"), "{acc}");
    }
}

/// A recorded chart response served as the API would.
fn serve_chart(s: &Server, dir: &Path, symbol: &str, file: &str) -> serde_json::Value {
    let rec: serde_json::Value =
        serde_json::from_slice(&read(dir, &format!("yahoo/{file}"))).unwrap();
    let body = rec["response"]["bodyJson"].clone();
    s.route(
        &format!("/v8/finance/chart/{symbol}"),
        Resp::ok(body.to_string()).header("Content-Type", "application/json"),
    );
    body
}

fn prices_workspace(s: &Server) -> Workspace {
    Workspace::with_config(&Config {
        crawl: test_crawl(),
        prices: PricesConfig {
            yahoo_url: s.url("/v8/finance/chart"),
            ..PricesConfig::default()
        },
        ..Config::default()
    })
}

/// Every session of the response: its date in the exchange's time zone and its adjusted close.
fn sessions(body: &serde_json::Value) -> Vec<(String, f64)> {
    let r = &body["chart"]["result"][0];
    let tz: chrono_tz::Tz = r["meta"]["exchangeTimezoneName"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let ts = r["timestamp"].as_array().unwrap();
    let adj = r["indicators"]["adjclose"][0]["adjclose"]
        .as_array()
        .unwrap();
    ts.iter()
        .zip(adj)
        .filter(|(_, a)| !a.is_null())
        .map(|(t, a)| {
            let day = DateTime::from_timestamp(t.as_i64().unwrap(), 0)
                .unwrap()
                .with_timezone(&tz)
                .date_naive();
            (day.to_string(), a.as_f64().unwrap())
        })
        .collect()
}

#[test]
fn yahoo_adjusted_closes_are_stored_for_every_session() {
    let Some(dir) = real_dir() else { return };
    let s = Server::start();
    let cases = [
        (
            "MSFT",
            "historical-via-chart-MSFT-dividends-2021-02-01-to-2022-01-31.csv.json",
            "2021-02-01",
            252,
        ),
        (
            "NVDA",
            "historical-via-chart-NVDA-split-2021-02-01-to-2022-01-31.csv.json",
            "2021-02-01",
            252,
        ),
        (
            "AAPL",
            "chart-AAPL-2020-08-31-to-2020-11-07.json",
            "2020-08-31",
            49,
        ),
        (
            "BTC-USD",
            "chart-BTC-USD-2020-01-01-to-2020-01-03.json",
            "2020-01-01",
            3,
        ),
    ];
    let ws = prices_workspace(&s);
    for (symbol, file, from, n) in cases {
        let body = serve_chart(&s, &dir, symbol, file);
        let want = sessions(&body);
        assert_eq!(want.len(), n, "{symbol}");
        let out = ws.run(&["prices", "fetch", "--ticker", symbol, "--from", from]);
        assert_eq!(out.status.code(), Some(0), "{symbol}: {}", stderr(&out));
        let got: Vec<(String, f64)> = ws
            .rows(&format!(
                "SELECT date, adj_close FROM prices WHERE ticker = '{symbol}' ORDER BY date"
            ))
            .into_iter()
            .map(|r| (r[0].clone(), r[1].parse().unwrap()))
            .collect();
        assert_eq!(got, want, "{symbol}");
    }
    // spot checks read off the files: the first session of each, in exchange time
    let first = |t: &str| {
        ws.rows(&format!(
            "SELECT min(date), count(*) FROM prices WHERE ticker = '{t}'"
        ))[0]
            .clone()
    };
    assert_eq!(first("MSFT"), vec!["2021-02-01".to_string(), "252".into()]);
    assert_eq!(first("AAPL"), vec!["2020-08-31".to_string(), "49".into()]);
    assert_eq!(first("BTC-USD"), vec!["2020-01-01".to_string(), "3".into()]);
}

#[test]
fn an_intraday_response_and_an_error_payload_are_refused_with_one_line() {
    let Some(dir) = real_dir() else { return };
    let s = Server::start();
    serve_chart(
        &s,
        &dir,
        "AAPL",
        "chart-AAPL-2025-02-01-to-2025-02-02-includePrePost-false-interval-1m.json",
    );
    // the shape of the API's answer for an unknown symbol
    s.route(
        "/v8/finance/chart/NOSUCH",
        Resp::new(
            200,
            r#"{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}"#,
        )
        .header("Content-Type", "application/json"),
    );
    let ws = prices_workspace(&s);
    let out = ws.run(&[
        "prices",
        "fetch",
        "--ticker",
        "AAPL",
        "--from",
        "2025-02-01",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.lines().any(|l| l.starts_with("failed: AAPL: ")
            && l.ends_with(": bars of 1m, not daily: only daily bars (interval=1d) are stored")),
        "{err}"
    );
    let out = ws.run(&[
        "prices",
        "fetch",
        "--ticker",
        "NOSUCH",
        "--from",
        "2025-02-01",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("failed: NOSUCH: "), "{err}");
    assert!(
        err.trim_end().ends_with(
            ": the chart API returned an error: Not Found: No data found, symbol may be delisted"
        ),
        "{err}"
    );
    assert_eq!(ws.count("SELECT count(*) FROM prices"), 0);
}
