//! `hashpivot digest` golden tests: Markdown, HTML and text for 2025-W45 on fixtures (with hostile
//! titles), compared with tests/fixtures/digest/golden.*. Set UPDATE_GOLDEN=1 to rewrite them after
//! an intended change, then review the diff.

mod common;

use chrono::{Datelike, NaiveDate, Weekday};
use common::*;

fn prices(ws: &Workspace) {
    let mut d = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
    let mut i = 0;
    let mut p = [500.0, 90_000.0, 20.0, 5.0];
    let mut s = String::from("date,ticker,close\n");
    while d <= NaiveDate::from_ymd_opt(2025, 11, 14).unwrap() {
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            if i > 0 {
                let rm = 0.01 * wiggle(i, 1);
                let rb = 0.03 * wiggle(i, 2);
                p[0] *= 1.0 + rm;
                p[1] *= 1.0 + rb;
                let jump = if d.to_string() == "2025-11-03" {
                    0.11
                } else {
                    0.0
                };
                p[2] *= 1.0 + 1.3 * rm + 0.5 * rb + 0.02 * wiggle(i, 3) + jump;
                p[3] *= 1.0 + 1.1 * rm + 0.7 * rb + 0.02 * wiggle(i, 4) + jump * 2.0;
            }
            for (t, v) in ["SPY", "BTC-USD", "IREN", "CIFR"].iter().zip(p) {
                s.push_str(&format!("{d},{t},{v:.4}\n"));
            }
            i += 1;
        }
        d = d.succ_opt().unwrap();
    }
    std::fs::write(ws.path().join("prices.csv"), s).unwrap();
}

fn golden(name: &str, got: &str) {
    let path = fixtures_dir().join("digest").join(name);
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if want != got {
        let first = want
            .lines()
            .zip(got.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{name} differs from the golden file at line {}:\n  want: {:?}\n  got:  {:?}\n(UPDATE_GOLDEN=1 rewrites it)",
            first + 1,
            want.lines().nth(first),
            got.lines().nth(first)
        );
    }
}

#[test]
fn digest_golden_in_markdown_html_and_text() {
    let s = Server::start();
    s.fixture("/rss2.xml", "crawl/rss2.xml", "application/rss+xml");
    s.fixture("/json.json", "crawl/feed.json", "application/feed+json");
    s.fixture(
        "/third.xml",
        "crawl/second_outlet.xml",
        "application/rss+xml",
    );
    s.fixture("/hostile.xml", "digest/hostile.xml", "application/rss+xml");
    let ws = Workspace::new(&format!(
        "{}\n[edgar]\nenabled = false\n\n{}\n{}{}{}{}",
        test_crawl_section(),
        universe(),
        feed("Wire", &s.url("/rss2.xml")),
        feed("JSON", &s.url("/json.json")),
        feed("Third", &s.url("/third.xml")),
        feed("Hostile", &s.url("/hostile.xml")),
    ));
    assert_eq!(ws.run(&["crawl"]).status.code(), Some(0));
    prices(&ws);
    assert_eq!(
        ws.run(&[
            "prices",
            "import",
            ws.path().join("prices.csv").to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );
    for (fmt, file) in [
        ("md", "golden.md"),
        ("html", "golden.html"),
        ("txt", "golden.txt"),
    ] {
        let out = ws.run(&["digest", "--week", "2025-W45", "--format", fmt]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out).replace(&s.base, "http://sample.test");
        golden(file, &text);
        if fmt == "html" {
            assert!(!text.contains("<script>"), "raw script tag in HTML");
            assert!(!text.contains("<img"), "raw img tag in HTML");
            assert!(
                !text.to_lowercase().contains("href=\"javascript"),
                "javascript: link in HTML"
            );
            assert!(text.contains("&lt;script&gt;"));
        }
        if fmt == "md" {
            assert!(
                !text.contains("<script>") && !text.contains("<img"),
                "raw markup in Markdown"
            );
            assert!(
                !text.contains("](<javascript"),
                "javascript: link in Markdown"
            );
            assert!(text.contains("&lt;script&gt;"));
        }
    }
    // --out writes the same bytes
    let path = ws.path().join("d.html");
    assert_eq!(
        ws.run(&[
            "digest",
            "--week",
            "2025-W45",
            "--format",
            "html",
            "--out",
            path.to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );
    let html = std::fs::read_to_string(&path)
        .unwrap()
        .replace(&s.base, "http://sample.test");
    golden("golden.html", &html);
    // the numbers printed are the study's and the price file's
    let txt = stdout(&ws.run(&["digest", "--week", "2025-W45", "--format", "txt"]));
    let v: serde_json::Value =
        serde_json::from_slice(&ws.run(&["study", "--json", "--window=-1:1"]).stdout).unwrap();
    for e in v["events"].as_array().unwrap() {
        if e["day0"] != "2025-11-03" {
            continue; // not a deal of this week
        }
        let car = e["windows"][0]["car"].as_f64().unwrap();
        let scar = e["windows"][0]["scar"].as_f64().unwrap();
        let line = txt
            .lines()
            .find(|l| {
                l.trim_start().starts_with(e["ticker"].as_str().unwrap())
                    && l.contains("CAR[-1,+1]")
            })
            .unwrap();
        assert!(
            line.ends_with(&format!("CAR[-1,+1] {:+.1}% (t {:.2})", car * 100.0, scar)),
            "{line}"
        );
    }
    let prices = std::fs::read_to_string(ws.path().join("prices.csv")).unwrap();
    let close = |t: &str, d: &str| -> f64 {
        prices
            .lines()
            .find(|l| l.starts_with(&format!("{d},{t},")))
            .unwrap()
            .rsplit(',')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let iren = close("IREN", "2025-11-07") / close("IREN", "2025-10-31") - 1.0;
    let btc = close("BTC-USD", "2025-11-07") / close("BTC-USD", "2025-10-31") - 1.0;
    assert!(
        txt.contains(&format!(
            "return {:+.1}% vs bitcoin {:+.1}%",
            iren * 100.0,
            btc * 100.0
        )),
        "{txt}"
    );
    let out = ws.run(&["digest", "--week", "2025-45"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "hashpivot: --week '2025-45': expected an ISO week like 2025-W45\n"
    );
}

#[test]
fn a_quiet_week_says_so_in_every_section_and_format() {
    let ws = Workspace::new("");
    drop(ws.db());
    let run = |format: &str| {
        let out = ws.run(&["digest", "--week", "2020-W01", "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let md = run("md");
    assert!(
        md.contains("## By company\n\nNo company in the news this week.\n"),
        "{md}"
    );
    let html = run("html");
    assert!(
        html.contains("<h2>By company</h2>\n<p>No company in the news this week.</p>\n"),
        "{html}"
    );
    let txt = run("txt");
    assert!(txt.contains("\nTOP STORIES\n  none\n"), "{txt}");
    assert!(txt.contains("\nBY COMPANY\n  none\n"), "{txt}");
}

#[test]
fn a_study_that_cannot_run_is_said_in_the_digest_and_on_stderr() {
    let ws = Workspace::new("");
    let out = ws.run(&[
        "deals",
        "add",
        "--ticker",
        "IREN",
        "--date",
        "2025-11-03",
        "--time",
        "08:00",
        "--counterparty",
        "Microsoft",
        "--type",
        "gpu_cloud",
        "--value",
        "9.7bn",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let why = "market reaction not computed: no prices for the market benchmark SPY: run \
               `hashpivot prices import FILE` or `hashpivot prices fetch --ticker SPY`";
    let out = ws.run(&["digest", "--week", "2025-W45"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), format!("hashpivot: digest: {why}\n"));
    assert!(
        stdout(&out).contains(&format!(
            "- **Not computed:** {}\n",
            why.replace('`', "\\`")
        )),
        "{}",
        stdout(&out)
    );
    let out = ws.run(&["digest", "--week", "2025-W45", "--format", "txt"]);
    assert!(stdout(&out).contains(&format!("  - NOT COMPUTED: {why}\n")));
    let out = ws.run(&["digest", "--week", "2025-W45", "--format", "html"]);
    assert!(stdout(&out).contains(&format!(
        "<li><strong>Not computed:</strong> {}</li>",
        why.replace('&', "&amp;")
    )));
}
