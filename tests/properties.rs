//! Property tests over every parser of outside or user input: none panics on any input, errors
//! name the input (and the position where there is one), and output built from untrusted text
//! stays inert (HTML escaped, CSV cells neutralised).
//!
//! Each property runs `HASHPIVOT_PROPTEST_CASES` cases (default 1,000: seconds inside `cargo
//! test`); a long run sets it higher, e.g. `HASHPIVOT_PROPTEST_CASES=200000 cargo test --release
//! --test properties`.

mod common;

use proptest::prelude::*;
use proptest::test_runner::{Config as PtConfig, TestRunner};

use hashpivot::model::DocKind;

fn cases() -> u32 {
    std::env::var("HASHPIVOT_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

/// Run a property; a failure names the shrunk input.
fn check<S: Strategy>(strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    check_share(1, strategy, test)
}

/// Run a property with a share of the cases (`1/share`), for the parsers that cost the most per
/// case (whole feeds and pages through html5ever).
fn check_share<S: Strategy>(
    share: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let mut r = TestRunner::new(PtConfig {
        cases: (cases() / share).max(1),
        failure_persistence: None,
        ..PtConfig::default()
    });
    if let Err(e) = r.run(&strategy, test) {
        panic!("{e}");
    }
}

/// Text that likes the characters parsers trip on: multi-byte ones, quotes, brackets, `&`, `<`,
/// digits, separators, and the words of each grammar.
fn tricky(words: &'static [&'static str]) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(words).prop_map(str::to_string),
        2 => "[ -~]{0,6}",
        1 => "[éü€–“”😀\u{feff}\u{0}\t\n\r]{1,3}",
        1 => proptest::sample::select(&["\"", "(", ")", "[", "]", ":", "&", "<", ">", ";", "#", "$", "-", ".", ",", "/"][..])
            .prop_map(str::to_string),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// Bytes of `base` cut at a random point, with a few bytes changed at random places.
fn mutated(base: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = base.len().max(1);
    (
        0..=len,
        proptest::collection::vec((0..len, any::<u8>()), 0..6),
    )
        .prop_map(move |(cut, edits)| {
            let mut b = base.clone();
            for (i, v) in edits {
                if i < b.len() {
                    b[i] = v;
                }
            }
            b.truncate(cut);
            b
        })
}

const QUERY_WORDS: &[&str] = &[
    "lease",
    "AND",
    "OR",
    "NOT",
    "(",
    ")",
    "\"critical IT\"",
    "ticker:",
    "title:",
    "kind:",
    "source:",
    "form:",
    "published:",
    "date:",
    "[",
    "TO",
    "]",
    "2025-01-01",
    "$IREN",
    "IREN",
    "*",
    "\"",
    " ",
    "  ",
    "body:",
    "-",
    "+",
    "^2",
    "~",
];

#[test]
fn the_query_language_never_panics_and_errors_point_inside_the_query() {
    check(tricky(QUERY_WORDS), |q| {
        match hashpivot::index::query::parse(&q) {
            Ok(p) => {
                // the rewrite is for tantivy: it never carries a NUL or unbalanced quotes
                prop_assert!(
                    p.text.matches('"').count() % 2 == 0,
                    "{q:?} -> {:?}",
                    p.text
                );
            }
            Err(e) => {
                let chars = q.chars().count();
                prop_assert!(
                    e.position >= 1 && e.position <= chars + 1,
                    "{q:?}: position {} of {chars}",
                    e.position
                );
                prop_assert!(!e.message.is_empty());
            }
        }
        Ok(())
    });
}

#[test]
fn date_and_week_flags_never_panic_and_name_the_flag() {
    let words: &'static [&'static str] = &[
        "7",
        "d",
        "w",
        "m",
        "y",
        "é",
        "-",
        "2025",
        "-W",
        "45",
        "9999999999999999999",
        "0",
        "31",
        "13",
    ];
    check(tricky(words), |s| {
        if let Err(e) = hashpivot::cmd::search::parse_when(&s, "--since") {
            prop_assert!(e.0.starts_with("--since '"), "{}", e.0);
        }
        if let Err(e) = hashpivot::cmd::digest::parse_week(&s) {
            prop_assert!(e.0.starts_with("--week '"), "{}", e.0);
        }
        Ok(())
    });
}

#[test]
fn feeds_toml_never_panics_and_errors_name_the_file() {
    let starter = hashpivot::config::STARTER.as_bytes().to_vec();
    check(mutated(starter), |bytes| {
        let text = String::from_utf8_lossy(&bytes);
        match hashpivot::config::Config::parse(&text, "feeds.toml") {
            Err(e) => prop_assert!(e.0.contains("feeds.toml"), "{}", e.0),
            // the round trip: a configuration written out reads back the same
            Ok(cfg) => {
                let written = cfg.to_toml().expect("a parsed configuration serialises");
                let again = hashpivot::config::Config::parse(&written, "written.toml");
                prop_assert_eq!(again.as_ref().ok(), Some(&cfg), "{}", written);
            }
        }
        Ok(())
    });
    let words: &'static [&'static str] = &[
        "[crawl]",
        "[[source]]",
        "[[company]]",
        "name = ",
        "\"x\"",
        "url = ",
        "kind = ",
        "\"feed\"",
        "\n",
        "=",
        "ticker = ",
        "cik = ",
        "1",
        "-1",
        "true",
        "[edgar]",
        "since = ",
        "\"2024-13-01\"",
    ];
    check(tricky(words), |text| {
        if let Err(e) = hashpivot::config::Config::parse(&text, "feeds.toml") {
            prop_assert!(e.0.contains("feeds.toml"), "{}", e.0);
        }
        Ok(())
    });
}

fn parse_feed(bytes: &[u8]) {
    let _ =
        hashpivot::crawl::feed::parse(bytes, None, "https://x.example/feed", DocKind::News, 600);
    let _ = hashpivot::crawl::feed::parse(
        bytes,
        Some("utf-16"),
        "https://x.example/feed",
        DocKind::News,
        0,
    );
}

#[test]
fn feed_bytes_random_or_real_feeds_cut_and_mutated_never_panic() {
    check_share(4, proptest::collection::vec(any::<u8>(), 0..400), |b| {
        parse_feed(&b);
        Ok(())
    });
    for f in [
        "crawl/rss2.xml",
        "crawl/atom.xml",
        "crawl/rdf.xml",
        "crawl/feed.json",
        "crawl/recovery/broken-item.xml",
        "crawl/recovery/atom03-base64.xml",
    ] {
        check_share(8, mutated(common::fixture(f)), |b| {
            parse_feed(&b);
            Ok(())
        });
    }
    let words: &'static [&'static str] = &[
        "<rss version=\"2.0\">",
        "<channel>",
        "<item>",
        "</item>",
        "<entry>",
        "</entry>",
        "<title>",
        "</title>",
        "<![CDATA[",
        "]]>",
        "<!DOCTYPE x [",
        "&#X41;",
        "&nbsp;",
        "&",
        "<link href=\"",
        "\"/>",
        "<description>",
        "<pubDate>",
        "Mon, 3 Nov 2025",
        "<content mode=\"base64\">",
        "<?xml version=\"1.0\" encoding=\"utf-16\"?>",
        "<feed xmlns=\"http://purl.org/atom/ns#\">",
    ];
    check_share(2, tricky(words), |s| {
        parse_feed(s.as_bytes());
        let _ = hashpivot::crawl::lenient::read_items(&s);
        let _ = hashpivot::crawl::dates::parse_date(&s);
        Ok(())
    });
}

#[test]
fn html_to_text_never_panics() {
    let words: &'static [&'static str] = &[
        "<p>",
        "</p>",
        "<div style=\"display:none\">",
        "</div>",
        "<br>",
        "<ix:header>",
        "<table>",
        "<tr><td>",
        "<pre>",
        "</pre>",
        "<script>",
        "&amp;",
        "&#8217;",
        "<!--",
        "-->",
        "<title>",
        "<svg>",
        "<",
    ];
    check(tricky(words), |s| {
        let _ = hashpivot::crawl::text::html_to_text(&s);
        let _ = hashpivot::crawl::text::field_text(&s);
        let _ = hashpivot::crawl::main_text::extract(&s, "https://x.example/a");
        Ok(())
    });
}

#[test]
fn edgar_json_and_index_pages_never_panic() {
    let json = br#"{"filings":{"recent":{"accessionNumber":["0001-24-1"],"filingDate":["2024-06-03"],"acceptanceDateTime":["2024-06-03T16:05:37.000Z"],"form":["8-K"],"items":["1.01"],"primaryDocument":["a.htm"]},"files":[{"name":"p-001.json","filingFrom":"2001-01-01","filingTo":"2020-01-01"}]}}"#;
    check(mutated(json.to_vec()), |b| {
        if let Ok(list) = hashpivot::crawl::edgar::parse_submission_list(&b) {
            let _ = hashpivot::crawl::edgar::pages_reaching(
                &list,
                chrono::NaiveDate::from_ymd_opt(2000, 1, 1),
            );
        }
        let _ = hashpivot::crawl::edgar::parse_older_page(&b, "p-001.json");
        Ok(())
    });
    let index = common::fixture("crawl/edgar/btdr-index.htm");
    check_share(4, mutated(index), |b| {
        let html = String::from_utf8_lossy(&b);
        let _ = hashpivot::crawl::edgar::parse_index(&html, "https://www.sec.gov/Archives/x/");
        let _ = hashpivot::crawl::edgar::document_text(&b);
        let _ = hashpivot::crawl::edgar::headline_and_lead(&html);
        Ok(())
    });
    check(tricky(&["2024-06-03 16:05:37", " ", ":", "-", "99"]), |s| {
        let _ = hashpivot::crawl::edgar::eastern_to_utc(&s);
        let _ = hashpivot::crawl::edgar::unwrap_ixbrl(&s);
        Ok(())
    });
}

#[test]
fn price_importers_never_panic_and_errors_name_the_file() {
    use hashpivot::market::import::{Format, parse_file};
    let csv = b"Date,Open,High,Low,Close,Adj Close,Volume\n2025-11-03,10,11,9,10.5,10.4,1000\n2025-11-04,10.5,12,10,11,10.9,1200\n".to_vec();
    let long =
        b"date,ticker,close,adj_close,volume\n2025-11-03,IREN,10,10,5\n2025-11-04,IREN,11,11,6\n"
            .to_vec();
    let json = br#"{"chart":{"result":[{"meta":{"symbol":"IREN","gmtoffset":-18000,"exchangeTimezoneName":"America/New_York","dataGranularity":"1d"},"timestamp":[1762180200,1762266600],"indicators":{"quote":[{"close":[10.0,null]}],"adjclose":[{"adjclose":[10.0,null]}]}}],"error":null}}"#.to_vec();
    let path = std::path::Path::new("data/iren.csv");
    for base in [csv, long, json] {
        check(mutated(base), |b| {
            for fmt in [
                Format::Auto,
                Format::Stooq,
                Format::YahooCsv,
                Format::YahooJson,
                Format::Long,
            ] {
                match parse_file(path, &b, fmt, Some("IREN")) {
                    Ok(p) => {
                        for r in &p.rejected {
                            prop_assert!(r.starts_with("data/iren.csv"), "{r}");
                        }
                    }
                    Err(e) => prop_assert!(e.starts_with("data/iren.csv"), "{e}"),
                }
            }
            Ok(())
        });
    }
}

#[test]
fn money_capacity_and_term_readers_never_panic() {
    let words: &'static [&'static str] = &[
        "$",
        "US$",
        "USD",
        "€",
        "1.2",
        "bn",
        "billion",
        "million",
        "MW",
        "megawatts",
        "-year",
        "years",
        "ten",
        "twelve",
        "approximately",
        "critical IT",
        "lease",
        "with",
        "CoreWeave",
        "IREN",
        "signs",
        "agreement",
        "worth",
        "%",
        "per",
        "MW-year",
        "up to",
        "options",
        ".",
        ",",
    ];
    check(tricky(words), |s| {
        let _ = hashpivot::analyze::terms::extract(&s, &s);
        let all = hashpivot::analyze::terms::Counts {
            financing: true,
            purchase: true,
            expansion: true,
        };
        let _ = hashpivot::analyze::terms::extract_with("", &s, all);
        for w in s.split_whitespace() {
            let _ = hashpivot::analyze::terms::word_number(w);
        }
        Ok(())
    });
}

#[test]
fn tone_never_panics_and_stays_within_minus_one_and_one() {
    let words: &'static [&'static str] = &[
        "EUR",
        "23.5m",
        "(EUR",
        "17.7m)",
        "+5.2%",
        "-3%",
        "1,250",
        "2,5",
        "$9.7bn",
        "from",
        "to",
        "compared",
        "with",
        "a",
        "loss",
        "of",
        "operating",
        "profit",
        "net",
        "sales",
        "rose",
        "fell",
        "narrowed",
        "widened",
        "not",
        "may",
        "expects",
        "as",
        "after",
        "record",
        "costs",
        "lower",
        "higher",
        "cut",
        "its",
        "dividend",
        "The",
        "company",
        "shares",
        "(",
        ")",
        ";",
        ":",
        ".",
        ",",
        "\u{a0}",
        "é",
        "—",
        "-",
        "%",
        "percent",
        "million",
        "billion",
        "versus",
        "up",
        "down",
    ];
    let lex = hashpivot::analyze::tone::lexicon();
    check(tricky(words), |s| {
        let score = lex.sentence(&s);
        prop_assert!(
            (-1.0..=1.0).contains(&score) && score.is_finite(),
            "{score} for {s:?}"
        );
        let t = lex.text(Some(&s), &s, &s);
        prop_assert!((-1.0..=1.0).contains(&t.score), "{} for {s:?}", t.score);
        Ok(())
    });
    check(any::<String>(), |s| {
        let t = lex.text(None, &s, "");
        prop_assert!((-1.0..=1.0).contains(&t.score));
        Ok(())
    });
}

#[test]
fn the_events_csv_never_panics_and_errors_name_the_file() {
    let base = b"event_id,ticker,date,time,counterparty\nE1,IREN,2025-11-03,08:00,Microsoft\nE2,CIFR,2025-11-03,,AWS\n".to_vec();
    check(mutated(base), |b| {
        let text = String::from_utf8_lossy(&b);
        if let Err(e) = hashpivot::study::event_list::parse_events_csv(&text, "events.csv") {
            prop_assert!(e.contains("events.csv"), "{e}");
        }
        Ok(())
    });
}

/// Untrusted text: every character HTML or a spreadsheet treats specially, with markers that
/// must never reach the output as they are.
fn hostile() -> impl Strategy<Value = String> {
    tricky(&[
        "ZQ<img src=x onerror=alert(1)>",
        "ZQ\"onmouseover=\"",
        "ZQ'",
        "javascript:alert(1)",
        "=HYPERLINK(\"http://x\")",
        "+1",
        "-1",
        "@SUM(A1)",
        "\t=1",
        "&",
        "</a>",
    ])
}

fn hostile_url() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        hostile().prop_map(Some),
        hostile().prop_map(|s| Some(format!("https://x.example/{s}"))),
        hostile().prop_map(|s| Some(format!("JavaScript:{s}"))),
    ]
}

#[test]
fn no_untrusted_markup_or_javascript_link_reaches_the_html_digest() {
    use hashpivot::report::digest::{Company, Digest, Story, to_html};
    let strategy = (
        hostile(),
        hostile(),
        hostile_url(),
        hostile(),
        hostile_url(),
        hostile(),
    );
    check(strategy, |(title, source, url, headline, hurl, error)| {
        let d = Digest {
            label: "2025-W45".into(),
            utc_range: "x".into(),
            ny_range: "y".into(),
            sources_polled: 1,
            documents_new: 1,
            failing: vec![(source.clone(), error.clone())],
            deals: vec![],
            stories: vec![Story {
                title: title.clone(),
                source: source.clone(),
                time: "2025-11-03 13:00".into(),
                excerpt: error.clone(),
                tone: Some(0.1),
                url: url.clone(),
                others: 0,
            }],
            companies: vec![Company {
                ticker: "IREN".into(),
                documents: 1,
                trailing_avg: 1.0,
                tone: None,
                tone_change: None,
                headlines: vec![(headline.clone(), hurl.clone())],
                filings: vec![("8-K".into(), Some(error.clone()), title.clone(), hurl)],
                stock_return: None,
                bitcoin_return: None,
                spark: vec![1.0, 2.0],
                spark_label: source.clone(),
            }],
            remaining: vec![(source, vec![(headline, url)])],
            notes: vec![],
            warnings: vec![error.clone()],
        };
        let html = to_html(&d);
        // (the markers end where the template's own `"` or `<` may follow: check whole words)
        prop_assert!(!html.contains("ZQ<img"), "unescaped < in {html}");
        prop_assert!(!html.contains("\"onmouseover="), "unescaped \" in {html}");
        let lower = html.to_ascii_lowercase();
        prop_assert!(
            !lower.contains("href=\"javascript:"),
            "javascript: link in {html}"
        );
        prop_assert!(
            !lower.contains("href='javascript:"),
            "javascript: link in {html}"
        );
        prop_assert!(!lower.contains("<img"), "an untrusted element in {html}");
        Ok(())
    });
}

#[test]
fn no_csv_cell_from_untrusted_text_starts_a_formula() {
    check(hostile(), |s| {
        let cell = hashpivot::report::safe_cell(&s);
        prop_assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{s:?} -> {cell:?}"
        );
        let quoted = format!("'{s}");
        prop_assert!(cell == s || cell == quoted, "{s:?} -> {cell:?}");
        Ok(())
    });
}
