//! Real HTTP manners: a source's own User-Agent and headers, never on SEC requests.

use std::time::Duration;

use crate::common::*;

#[test]
fn a_host_that_serves_only_browsers_is_crawled_with_the_sources_own_user_agent() {
    let s = Server::start();
    let feed = format!(
        "<rss version=\"2.0\"><channel><title>IR</title><item><title>IREN signs a GPU cloud contract</title><link>{}/ir/1</link><guid>ir-1</guid><description>Five years.</description></item></channel></rss>",
        s.base
    );
    // like a gcs-web/Notified host: a browser's User-Agent is answered, anything else stalls
    s.handler("/ir/rss/news-releases.xml", move |req| {
        let browser = req
            .header("user-agent")
            .is_some_and(|u| u.starts_with("Mozilla/5.0"))
            && req.header("accept") == Some("application/rss+xml");
        let r = Resp::ok(feed.clone()).header("Content-Type", "application/rss+xml");
        if browser {
            r
        } else {
            r.delay(Duration::from_secs(10))
        }
    });
    serve_edgar(&s);
    let mut cfg = edgar_config(&s, true);
    cfg.companies.truncate(1); // Core Scientific
    let mut browser = feed_source("IR as a browser", &s.url("/ir/rss/news-releases.xml"));
    browser.user_agent = Some("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36".into());
    browser
        .headers
        .insert("Accept".into(), "application/rss+xml".into());
    cfg.sources = vec![
        browser,
        feed_source("IR as hashpivot", &s.url("/ir/rss/news-releases.xml")),
    ];
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["crawl", "--json", "--no-analyze"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let by_name = |n: &str| source_report(&report, n);
    assert_eq!(by_name("IR as a browser")["outcome"], "fetched");
    assert_eq!(by_name("IR as a browser")["new"], 1);
    assert_eq!(
        by_name("IR as hashpivot")["error"],
        "timeout: no complete response within 2s"
    );
    assert_eq!(by_name("edgar:CORZ")["outcome"], "fetched");
    // every SEC request carries the declared product token and contact address
    let sec = s.requests_to_prefix("/submissions/");
    assert!(!sec.is_empty());
    for r in s
        .requests()
        .iter()
        .filter(|r| r.path.starts_with("/submissions/") || r.path.starts_with("/Archives/"))
    {
        assert_eq!(
            r.header("user-agent"),
            Some("hashpivot-test/1.0 (tests@hashpivot.example)"),
            "{}",
            r.path
        );
    }
}

#[test]
fn an_sec_host_cannot_be_given_another_identity() {
    for (table, message) in [
        (
            "[[source]]\nname = \"x\"\nkind = \"feed\"\nurl = \"https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&output=atom\"\nuser_agent = \"Mozilla/5.0\"\n",
            "source[0]: SEC requests always carry hashpivot's declared User-Agent with your contact address (SEC fair access): user_agent and headers cannot be set for an SEC host",
        ),
        (
            "[[source]]\nname = \"x\"\nkind = \"feed\"\nurl = \"https://ir.example.com/rss\"\nheaders = { User-Agent = \"Mozilla/5.0\" }\n",
            "source[0].headers: set the User-Agent with user_agent, not headers",
        ),
        (
            "[prices]\nheaders = { \"Bad Header\" = \"x\" }\n",
            "prices.headers: 'Bad Header' is not a header name",
        ),
    ] {
        let ws = Workspace::new(table);
        let out = ws.run(&["crawl"]);
        assert_eq!(out.status.code(), Some(2), "{table}");
        assert!(stderr(&out).contains(message), "{}", stderr(&out));
    }
}

#[test]
fn the_shipped_feeds_toml_has_a_press_release_source_or_a_reason_for_every_company() {
    let text = hashpivot::config::STARTER;
    let cfg = hashpivot::config::Config::parse(text, "feeds.toml").unwrap();
    assert_eq!(cfg.companies.len(), 18);
    let lines: Vec<&str> = text.lines().collect();
    for c in &cfg.companies {
        let marker = format!("# {} — ", c.ticker);
        let at = lines
            .iter()
            .position(|l| l.starts_with(&marker))
            .unwrap_or_else(|| panic!("no '{marker}' line in feeds.toml"));
        if lines[at].contains("no press-release feed: EDGAR covers it") {
            assert!(c.edgar, "{}: no feed, so EDGAR must be on", c.ticker);
            continue;
        }
        // the block's source: the first [[source]] after the marker
        let name_line = lines[at..]
            .iter()
            .skip_while(|l| **l != "[[source]]")
            .nth(1)
            .unwrap();
        let name = name_line
            .strip_prefix("name = \"")
            .and_then(|n| n.strip_suffix('"'))
            .unwrap();
        let src = cfg.sources.iter().find(|s| s.name == name).unwrap();
        assert_eq!(
            src.doc_kind,
            hashpivot::model::DocKind::PressRelease,
            "{}: {name}",
            c.ticker
        );
        let platform = &lines[at][marker.len()..];
        assert!(
            !platform.trim().is_empty(),
            "{}: platform not named",
            c.ticker
        );
        // gcs-web/Notified hosts get a browser's User-Agent
        if platform.contains("gcs-web") {
            assert!(
                src.user_agent
                    .as_deref()
                    .is_some_and(|u| u.starts_with("Mozilla/5.0")),
                "{}: {name}",
                c.ticker
            );
        }
    }
    // IREN's GlobeNewswire organisation feed is gone: its own IR feed carries the same releases
    assert!(
        cfg.sources
            .iter()
            .all(|s| !s.url.contains("globenewswire.com"))
    );
}

#[test]
fn a_permanent_move_is_followed_and_reported_a_temporary_one_only_followed() {
    let s = Server::start();
    let feed = "<rss version=\"2.0\"><channel><title>IR</title><item><title>Cipher signs a lease</title><link>http://x.example/1</link><guid>c-1</guid><description>Ten years.</description></item></channel></rss>";
    s.route(
        "/feed.xml",
        Resp::ok(feed).header("Content-Type", "application/rss+xml"),
    );
    s.route(
        "/old.xml",
        Resp::new(301, "").header("Location", "/older.xml"),
    );
    s.route(
        "/older.xml",
        Resp::new(308, "").header("Location", &s.url("/feed.xml")),
    );
    s.route(
        "/temp.xml",
        Resp::new(302, "").header("Location", "/feed.xml"),
    );
    s.route(
        "/moved-then-temp.xml",
        Resp::new(301, "").header("Location", "/temp.xml"),
    );
    let mut cfg = test_config();
    cfg.sources = vec![
        feed_source("moved", &s.url("/old.xml")),
        feed_source("temporary", &s.url("/temp.xml")),
        feed_source("moved-then-temp", &s.url("/moved-then-temp.xml")),
    ];
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["crawl", "--no-analyze"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let status: serde_json::Value =
        serde_json::from_slice(&ws.run(&["status", "--json"]).stdout).unwrap();
    let note = |n: &str| {
        status
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == n)
            .unwrap()["last_note"]
            .clone()
    };
    assert_eq!(
        note("moved"),
        serde_json::json!(format!(
            "moved to {}: update feeds.toml",
            s.url("/feed.xml")
        ))
    );
    assert_eq!(note("temporary"), serde_json::Value::Null);
    // the permanent part of the chain is where it moved: the rest may change again
    assert_eq!(
        note("moved-then-temp"),
        serde_json::json!(format!(
            "moved to {}: update feeds.toml",
            s.url("/temp.xml")
        ))
    );
    let text = stdout(&ws.run(&["status"]));
    assert!(
        text.contains(&format!(
            "note: moved to {}: update feeds.toml",
            s.url("/feed.xml")
        )),
        "{text}"
    );
    // the same release from three sources is one document
    assert_eq!(ws.count("SELECT count(*) FROM documents"), 1);
}

#[test]
fn re_sent_and_corrected_releases_stay_one_document_and_one_deal() {
    let s = Server::start();
    let item = |guid: &str, title: &str, text: &str| {
        format!(
            "<item><title>{title}</title><link>{}/r/{guid}</link><guid>{guid}</guid><pubDate>Mon, 03 Nov 2025 13:00:00 GMT</pubDate><description>{text}</description></item>",
            s.base
        )
    };
    let original = item(
        "a",
        "IREN Signs $9.7 Billion AI Cloud Contract with Microsoft",
        "IREN Limited (NASDAQ: IREN) today announced a five-year GPU cloud services contract with Microsoft worth $9.7 billion.",
    );
    let second = item(
        "b",
        "HIVE Digital Reports Quarterly Results",
        "HIVE reported revenue of $20 million.",
    );
    let feed = |items: &str| {
        format!("<rss version=\"2.0\"><channel><title>Wire</title>{items}</channel></rss>")
    };
    s.route("/wire.xml", Resp::ok(feed(&format!("{original}{second}"))));
    let mut cfg = test_config();
    let (companies, counterparties) = universe_config();
    cfg.companies = companies;
    cfg.counterparties = counterparties;
    cfg.edgar.enabled = false;
    let mut wire = feed_source("Wire", &s.url("/wire.xml"));
    wire.doc_kind = hashpivot::model::DocKind::PressRelease;
    cfg.sources = vec![wire];
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["crawl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let first_seen = ws.rows("SELECT id, fetched_at FROM documents ORDER BY id");
    assert_eq!(ws.count("SELECT count(*) FROM deals"), 1);
    // the wire re-sends the first and corrects the second
    let resent = item(
        "a2",
        "RETRANSMISSION: IREN Signs $9.7 Billion AI Cloud Contract with Microsoft",
        "IREN Limited (NASDAQ: IREN) today announced a five-year GPU cloud services contract with Microsoft worth $9.7 billion.",
    );
    let corrected = item(
        "b2",
        "CORRECTION - HIVE Digital Reports Quarterly Results",
        "HIVE reported revenue of $21 million.",
    );
    s.route(
        "/wire.xml",
        Resp::ok(feed(&format!("{original}{second}{resent}{corrected}"))),
    );
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let out = ws.run(&["crawl", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        ws.rows("SELECT id, fetched_at FROM documents ORDER BY id"),
        first_seen,
        "no new document; first-seen times kept"
    );
    assert_eq!(
        ws.rows("SELECT title, summary FROM documents WHERE guid = 'b'"),
        vec![vec![
            "HIVE Digital Reports Quarterly Results".to_string(),
            "HIVE reported revenue of $21 million.".to_string()
        ]]
    );
    assert_eq!(
        ws.count("SELECT count(*) FROM deals"),
        1,
        "never a new deal event"
    );
    // a re-send whose original was never seen is stored under its own title, prefix dropped
    let lone = item(
        "c",
        "RETRANSMISSION: Cipher Mining Announces Board Changes",
        "Cipher Mining announced changes to its board.",
    );
    s.route(
        "/wire.xml",
        Resp::ok(feed(&format!(
            "{original}{second}{resent}{corrected}{lone}"
        ))),
    );
    let out = ws.run(&["crawl", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        ws.rows("SELECT title FROM documents WHERE guid = 'c'"),
        vec![vec!["Cipher Mining Announces Board Changes".to_string()]]
    );
}

#[test]
fn sources_check_probes_every_source_stores_nothing_and_gives_exact_verdicts() {
    let s = Server::start();
    let rss = |items: &str| {
        format!("<rss version=\"2.0\"><channel><title>t</title>{items}</channel></rss>")
    };
    let item = |date: &str| {
        format!(
            "<item><title>A release</title><link>http://x.example/1</link><guid>g1</guid><pubDate>{date}</pubDate><description>Text.</description></item>"
        )
    };
    let today = chrono::Utc::now().to_rfc2822();
    s.route(
        "/fresh.xml",
        Resp::ok(rss(&item(&today))).header("Content-Type", "application/rss+xml"),
    );
    s.route(
        "/old-news.xml",
        Resp::ok(rss(&item("Wed, 01 Jan 2020 12:00:00 GMT"))),
    );
    s.route(
        "/moved.xml",
        Resp::new(301, "").header("Location", "/fresh.xml"),
    );
    s.route(
        "/temp.xml",
        Resp::new(302, "").header("Location", "/fresh.xml"),
    );
    s.route("/empty.xml", Resp::ok(rss("")));
    serve_edgar(&s);
    let mut cfg = edgar_config(&s, true);
    cfg.companies.truncate(1); // Core Scientific
    cfg.sources = vec![
        feed_source("fresh", &s.url("/fresh.xml")),
        feed_source("old", &s.url("/old-news.xml")),
        feed_source("moved", &s.url("/moved.xml")),
        feed_source("temporary", &s.url("/temp.xml")),
        feed_source("empty", &s.url("/empty.xml")),
        feed_source("gone", &s.url("/gone.xml")),
    ];
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["sources", "check", "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let verdicts: Vec<(String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let pair = |a: &str, b: String| (a.to_string(), b);
    assert_eq!(
        verdicts,
        vec![
            pair("fresh", "ok".into()),
            pair("old", "stale".into()),
            pair(
                "moved",
                format!("moved to {}: update feeds.toml", s.url("/fresh.xml"))
            ),
            pair("temporary", "ok".into()),
            pair("empty", "empty".into()),
            pair("gone", "failing: gone: HTTP 404".into()),
            pair("edgar:CORZ", "stale".into()),
        ]
    );
    let fresh = &v[0];
    assert_eq!(fresh["http_status"], 200);
    assert_eq!(fresh["format"], "rss");
    assert_eq!(fresh["items"], 1);
    assert_eq!(fresh["content_type"], "application/rss+xml");
    assert_eq!(v[2]["final_url"], s.url("/fresh.xml"));
    assert_eq!(v[3]["final_url"], s.url("/fresh.xml"));
    assert_eq!(v[3]["moved_to"], serde_json::Value::Null);
    assert_eq!(v[6]["format"], "edgar submissions");
    // one submissions request for the EDGAR source, nothing else of SEC's
    assert_eq!(s.requests_to_prefix("/Archives/").len(), 0);
    assert_eq!(s.requests_to_prefix("/submissions/").len(), 1);
    assert!(!ws.path().join("hashpivot.db").exists(), "nothing stored");
    // all ok or stale: exit 0; a usage error: 2
    let out = ws.run(&["sources", "check", "--source", "fresh", "--source", "old"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("SOURCE "), "{}", stdout(&out));
    let out = ws.run(&["sources", "check", "--source", "nope"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn sources_check_says_a_cause_shared_by_many_sources_once() {
    let s = Server::start();
    serve_edgar(&s);
    let cfg = edgar_config(&s, false); // no contact: every EDGAR source is refused
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["sources", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.ends_with(
            "2 sources (edgar:CORZ, edgar:BTDR): failing: EDGAR requires a contact email in the \
             User-Agent (SEC fair access): set `contact` under [crawl] in feeds.toml or the \
             HASHPIVOT_CONTACT environment variable\n"
        ),
        "{text}"
    );
    assert_eq!(text.matches("failing (see below)").count(), 2, "{text}");
    assert!(s.requests().is_empty());
}

#[test]
fn a_listing_page_is_read_by_its_release_links_without_class_names() {
    let s = Server::start();
    let dir = "crawl/listing/";
    s.fixture(
        "/news-insights/press-releases",
        &format!("{dir}press-releases.html"),
        "text/html",
    );
    let pr = "/news-insights/press-releases/";
    for (slug, file) in [
        (
            "sample-miner-signs-15-year-lease-at-river-bend",
            "lease.html",
        ),
        ("sample-miner-reports-third-quarter-results", "results.html"),
        ("sample-miner-announces-board-appointment", "board.html"),
    ] {
        s.fixture(&format!("{pr}{slug}"), &format!("{dir}{file}"), "text/html");
    }
    let mut cfg = test_config();
    cfg.crawl.fetch_articles = true;
    let mut src = feed_source("Listing", &s.url("/news-insights/press-releases"));
    src.kind = hashpivot::model::SourceKind::Page;
    src.doc_kind = hashpivot::model::DocKind::PressRelease;
    src.link_pattern = Some("/news-insights/press-releases/[^/?#]+".into());
    cfg.sources = vec![src];
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["crawl", "--no-analyze"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let b = &s.base;
    assert_eq!(
        ws.rows("SELECT title, url, published_at, article_status FROM documents ORDER BY id"),
        vec![
            // the image link and the headline link are one release; the date from <time>
            vec![
                "Sample Miner Signs 15-Year Lease at River Bend Campus".to_string(),
                format!("{b}{pr}sample-miner-signs-15-year-lease-at-river-bend"),
                "2025-12-17T13:30:00Z".into(),
                "done".into(),
            ],
            // the date from text beside the link
            vec![
                "Sample Miner Reports Third Quarter Results".to_string(),
                format!("{b}{pr}sample-miner-reports-third-quarter-results?utm_source=site"),
                "2025-11-06T00:00:00Z".into(),
                "done".into(),
            ],
            // an empty link: the block's heading is the title, and the release page the date
            vec![
                "Sample Miner Announces Board Appointment".to_string(),
                format!("{b}{pr}sample-miner-announces-board-appointment"),
                "2025-10-02T12:00:00Z".into(),
                "done".into(),
            ],
        ]
    );
}
