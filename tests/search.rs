//! `hashpivot search` and `reindex` end to end: ranking, every filter and prefix, date boundaries,
//! snippets, reindex = incremental, the crash-safe swap, schema mismatch, and bad queries.

mod common;

use common::*;

const RANKING: &str = r#"<rss version="2.0"><channel><title>Ranking</title>
<item><title>Colocation demand keeps rising</title><link>{{BASE}}/r/title</link><guid>r1</guid>
<pubDate>Tue, 04 Nov 2025 10:00:00 GMT</pubDate><description>Operators report full order books for bitcoin mining sites.</description></item>
<item><title>Power prices in Texas</title><link>{{BASE}}/r/body</link><guid>r2</guid>
<pubDate>Tue, 04 Nov 2025 11:00:00 GMT</pubDate><description>Grid operators expect more load from data centers and colocation of bitcoin miners.</description></item>
<item><title>Bitcoin miners weekly: hashprice, halving and AI</title><link>{{BASE}}/r/roundup</link><guid>r3</guid>
<pubDate>Wed, 05 Nov 2025 09:00:00 GMT</pubDate><description>Core Scientific, TeraWulf, Cipher Mining and Hut 8 rose; IREN also has a lease pipeline.</description></item>
</channel></rss>"#;

fn workspace() -> (Server, Workspace) {
    let s = Server::start();
    s.fixture("/rss2.xml", "crawl/rss2.xml", "application/rss+xml");
    s.fixture("/atom.xml", "crawl/atom.xml", "application/atom+xml");
    s.fixture("/feed.json", "crawl/feed.json", "application/feed+json");
    s.fixture(
        "/third.xml",
        "crawl/second_outlet.xml",
        "application/rss+xml",
    );
    s.route(
        "/ranking.xml",
        Resp::ok(RANKING.replace("{{BASE}}", &s.base)),
    );
    serve_edgar(&s);
    // the shipped universe; only Core Scientific, whose filings are served, keeps EDGAR on
    let (mut companies, counterparties) = universe_config();
    for c in &mut companies {
        c.edgar = c.ticker == "CORZ";
    }
    let cfg = hashpivot::config::Config {
        crawl: test_crawl(),
        edgar: edgar_config(&s, true).edgar,
        companies,
        counterparties,
        sources: [
            ("Wire", "/rss2.xml"),
            ("DC", "/atom.xml"),
            ("JSON", "/feed.json"),
            ("Third", "/third.xml"),
            ("Ranking", "/ranking.xml"),
        ]
        .iter()
        .map(|(name, path)| feed_source(name, &s.url(path)))
        .collect(),
        ..Default::default()
    };
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["crawl", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["indexed"], 13, "{v}");
    (s, ws)
}

fn hits(ws: &Workspace, args: &[&str]) -> Vec<serde_json::Value> {
    let mut a = vec!["search", "--json"];
    a.extend_from_slice(args);
    let out = ws.run(&a);
    assert_eq!(out.status.code(), Some(0), "{:?}: {}", args, stderr(&out));
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn titles(ws: &Workspace, args: &[&str]) -> Vec<String> {
    hits(ws, args)
        .iter()
        .map(|h| h["title"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn search_ranks_filters_and_snippets() {
    let (_s, ws) = workspace();
    // a headline match outranks a body match
    assert_eq!(
        titles(&ws, &["colocation", "--source", "Ranking"]),
        ["Colocation demand keeps rising", "Power prices in Texas"]
    );
    // a deal announcement for the queried ticker outranks a passing mention in a round-up
    let t = titles(
        &ws,
        &["$IREN", "lease OR contract OR microsoft OR pipeline"],
    );
    assert_eq!(t.len(), 3, "{t:?}");
    let mut deals = t[..2].to_vec();
    deals.sort();
    assert_eq!(
        deals,
        [
            "IREN lands $9.7 billion GPU cloud contract with Microsoft",
            "Microsoft picks IREN for five-year GPU cloud contract"
        ]
    );
    assert_eq!(
        t[2], "Bitcoin miners weekly: hashprice, halving and AI",
        "{t:?}"
    );
    // stemming: "leases" finds "lease"
    assert!(titles(&ws, &["leases"]).contains(
        &"Cipher Mining signs 15-year, $5.5 billion lease with Amazon Web Services".to_string()
    ));
    // phrase
    assert_eq!(
        titles(&ws, &["\"critical IT load\"", "--ticker", "WULF"]),
        ["TeraWulf signs Fluidstack leases with Google backstop"]
    );
    // prefixes and filters
    let filings = titles(&ws, &["kind:filing"]);
    assert_eq!(filings.len(), 2, "{filings:?}");
    assert_eq!(
        titles(&ws, &["form:8-K", "option"]),
        [
            "Core Scientific Announces CoreWeave Exercise of Final Contract Option for Approximately 120 MW"
        ]
    );
    assert_eq!(
        titles(
            &ws,
            &["--kind", "filing", "--ticker", "CORZ", "--sort", "date"]
        )
        .len(),
        2
    );
    assert_eq!(
        titles(&ws, &["source:\"DC\"", "--sort", "date"]),
        [
            "Applied Digital signs two CoreWeave leases at Polaris Forge 1",
            "Core Scientific and CoreWeave agree 200 MW of HPC hosting",
        ]
    );
    assert_eq!(
        titles(&ws, &["title:backstop"]),
        ["TeraWulf signs Fluidstack leases with Google backstop"]
    );
    // deals only: documents that report a recognised deal
    let deals = titles(&ws, &["--deals-only", "--ticker", "IREN"]);
    assert_eq!(deals.len(), 2, "{deals:?}");
    // date ranges at their boundaries: the IREN stories of 2025-11-03
    let d = |a: &[&str]| titles(&ws, a).len();
    assert_eq!(
        d(&[
            "--ticker",
            "IREN",
            "--since",
            "2025-11-03",
            "--until",
            "2025-11-03"
        ]),
        2
    );
    assert_eq!(d(&["--ticker", "IREN", "--until", "2025-11-02"]), 0);
    assert_eq!(d(&["--ticker", "IREN", "--since", "2025-11-04"]), 1); // the round-up of 11-05
    assert_eq!(d(&["$IREN", "published:[2025-11-03 TO 2025-11-03]"]), 2);
    // snippets mark the matched terms; JSON carries the fields scripts need
    let h = hits(
        &ws,
        &["prepay OR microsoft", "--ticker", "IREN", "--limit", "1"],
    );
    assert_eq!(h.len(), 1);
    let snippet = h[0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("**Microsoft**"), "{snippet}");
    for k in [
        "id",
        "title",
        "url",
        "published",
        "source",
        "kind",
        "tickers",
        "score",
    ] {
        assert!(h[0].get(k).is_some(), "{k}");
    }
    assert_eq!(h[0]["tickers"], serde_json::json!(["IREN"]));
    // limit and offset page through the same order
    let all = titles(&ws, &["--ticker", "IREN", "--sort", "date"]);
    let page2 = titles(
        &ws,
        &[
            "--ticker", "IREN", "--sort", "date", "--limit", "1", "--offset", "1",
        ],
    );
    assert_eq!(page2, all[1..2]);
    // the human listing (not a terminal: **term** marks)
    let out = ws.run(&["search", "microsoft", "--ticker", "IREN", "--limit", "1"]);
    let text = stdout(&out);
    assert!(text.starts_with("2025-11-03  IREN"), "{text}");
    assert!(text.contains("**Microsoft**"), "{text}");
    // piping into `head`: the reader goes away after one line; no panic, no error
    use std::io::BufRead;
    let mut child = ws
        .command(&["search", "--kind", "news", "--limit", "1000"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!first.is_empty());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn reindex_matches_incremental_and_swaps_safely() {
    let (_s, ws) = workspace();
    let queries: Vec<Vec<&str>> = vec![
        vec!["lease"],
        vec!["$IREN"],
        vec!["kind:filing"],
        vec!["coreweave", "--sort", "date"],
    ];
    let before: Vec<Vec<String>> = queries.iter().map(|q| titles(&ws, q)).collect();
    // a generation left half-built by a crashed rebuild is ignored, then cleaned up
    let junk = ws.path().join("index/gen-7");
    std::fs::create_dir_all(&junk).unwrap();
    std::fs::write(junk.join("meta.json"), "garbage").unwrap();
    assert_eq!(titles(&ws, &["lease"]), before[0]);
    let out = ws.run(&["reindex"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("reindexed 13 documents in "),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        std::fs::read_to_string(ws.path().join("index/CURRENT")).unwrap(),
        "gen-8"
    );
    let gens: Vec<String> = std::fs::read_dir(ws.path().join("index"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("gen-"))
        .collect();
    assert_eq!(gens, ["gen-8"]);
    let after: Vec<Vec<String>> = queries.iter().map(|q| titles(&ws, q)).collect();
    assert_eq!(before, after);
    // a second crawl with nothing new indexes nothing; an analysis change reindexes its documents
    let out = ws.run(&["crawl", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["indexed"], 0);
}

#[test]
fn bad_queries_old_indexes_and_missing_indexes_are_explained() {
    let (_s, ws) = workspace();
    let out = ws.run(&["search", "lease AND"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "hashpivot: bad query at position 7: an operator needs a term after it\n"
    );
    let out = ws.run(&["search", "tikcer:IREN"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("hashpivot: bad query at position 1: unknown field 'tikcer'"),
        "{}",
        stderr(&out)
    );
    let out = ws.run(&["search", "NOT bitcoin"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "hashpivot: bad query at position 1: a query needs at least one term that is not excluded with NOT\n"
    );
    let out = ws.run(&["search", "--since", "yesterday", "lease"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "hashpivot: --since 'yesterday': expected YYYY-MM-DD or a span like 7d, 4w, 3m, 1y\n"
    );
    // a multi-byte last character, a negative span and one past the calendar: errors, not panics
    for (flag, value, message) in [
        (
            "--since",
            "7é",
            "expected YYYY-MM-DD or a span like 7d, 4w, 3m, 1y",
        ),
        (
            "--until",
            "-3d",
            "expected YYYY-MM-DD or a span like 7d, 4w, 3m, 1y",
        ),
        (
            "--since",
            "99999999999999y",
            "a span that reaches before the calendar begins",
        ),
    ] {
        let out = ws.run(&["search", &format!("{flag}={value}"), "lease"]);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        assert_eq!(
            stderr(&out),
            format!("hashpivot: {flag} '{value}': {message}\n")
        );
    }
    // an index built by another schema version
    let live = std::fs::read_to_string(ws.path().join("index/CURRENT")).unwrap();
    std::fs::write(
        ws.path().join("index").join(live).join("HASHPIVOT_SCHEMA"),
        "0",
    )
    .unwrap();
    let out = ws.run(&["search", "lease"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "hashpivot: the index was built by an older version (schema 0, this hashpivot uses 3); run `hashpivot reindex`\n"
    );
    assert_eq!(ws.run(&["reindex"]).status.code(), Some(0));
    assert!(!titles(&ws, &["lease"]).is_empty());
    // nothing indexed yet
    let empty = Workspace::new("");
    let out = empty.run(&["search", "lease"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "hashpivot: nothing indexed yet: run `hashpivot crawl`\n"
    );
}

#[test]
fn a_damaged_index_says_to_reindex_and_the_next_crawl_rebuilds_it() {
    let (_s, ws) = workspace();
    let before = titles(&ws, &["lease"]);
    assert!(!before.is_empty());
    let index = ws.path().join("index");
    let live = std::fs::read_to_string(index.join("CURRENT")).unwrap();
    let live_dir = index.join(live.trim());
    for damage in ["meta.json", "CURRENT"] {
        if damage == "meta.json" {
            std::fs::write(live_dir.join("meta.json"), "{not json").unwrap();
        } else {
            std::fs::write(index.join("CURRENT"), "gen-999").unwrap();
        }
        let out = ws.run(&["search", "lease"]);
        assert_eq!(out.status.code(), Some(1), "{damage}");
        let err = stderr(&out);
        assert!(
            err.starts_with("hashpivot: the search index at ") && err.contains(" is damaged ("),
            "{damage}: {err}"
        );
        assert!(
            err.ends_with(
                "): run `hashpivot reindex` (SQLite holds everything, nothing is lost; the next \
                 crawl rebuilds it too)\n"
            ),
            "{damage}: {err}"
        );
        // the next crawl rebuilds it from SQLite, with nothing new to fetch
        let out = ws.run(&["crawl", "--json"]);
        assert_eq!(out.status.code(), Some(0), "{damage}: {}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["indexed"], 13, "{damage}: {v}");
        assert_eq!(titles(&ws, &["lease"]), before, "{damage}");
    }
}
