//! `hashpivot watch`, alerts and the deals feed: schedules, SIGTERM, webhook/command/file
//! deliveries with their retries, a restart after kill -9, and the Atom feed. Feeds are built here
//! with dates of today, since an alert is only raised on fresh news (`[watch] alert_max_age`).

use std::process::Stdio;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use hashpivot::config::{AlertChannel, AlertOn, AlertRule, Config, Span, WebhookFormat};
use hashpivot::model::{DealKind, DocKind};

use crate::common::*;

/// One news item of a test feed.
struct Item<'a> {
    guid: &'a str,
    title: &'a str,
    text: &'a str,
    at: DateTime<Utc>,
}

/// An RSS 2.0 feed of `items` whose links point at `base`.
fn rss(base: &str, items: &[Item<'_>]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Test wire</title><link>http://example.com/</link><description>test</description>\n",
    );
    for i in items {
        out.push_str(&format!(
            "<item><title>{}</title><link>{base}/news/{}</link><guid>{}</guid><pubDate>{}</pubDate><description>{}</description></item>\n",
            xml(i.title),
            i.guid,
            i.guid,
            i.at.to_rfc2822(),
            xml(i.text)
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An hour ago, to the second (feeds carry whole seconds).
fn an_hour_ago() -> DateTime<Utc> {
    let t = Utc::now() - chrono::Duration::hours(1);
    DateTime::from_timestamp(t.timestamp(), 0).unwrap()
}

const DEAL_TITLE: &str = "IREN Signs $9.7 Billion AI Cloud Contract with Microsoft";
const DEAL_TEXT: &str = "IREN Limited (Nasdaq: IREN) today announced a five-year GPU cloud services contract with Microsoft valued at approximately $9.7 billion.";

fn deal_item(at: DateTime<Utc>) -> Item<'static> {
    Item {
        guid: "iren-msft",
        title: DEAL_TITLE,
        text: DEAL_TEXT,
        at,
    }
}

fn rule(channel: AlertChannel) -> AlertRule {
    AlertRule {
        on: AlertOn::Deal,
        channel,
        url: None,
        format: WebhookFormat::Generic,
        command: vec![],
        path: None,
        kinds: vec![DealKind::Deal],
        tickers: vec![],
        min_confidence: Some(0.0),
        min_value_usd: 0.0,
        min_mw: 0.0,
    }
}

fn webhook(url: String) -> AlertRule {
    AlertRule {
        url: Some(url),
        ..rule(AlertChannel::Webhook)
    }
}

/// The universe, one feed source per (name, path), and these alerts; no EDGAR.
fn watch_config(s: &Server, feeds: &[(&str, &str)], alerts: Vec<AlertRule>) -> Config {
    let (companies, counterparties) = universe_config();
    let mut cfg = test_config();
    cfg.companies = companies;
    cfg.counterparties = counterparties;
    cfg.edgar.enabled = false;
    cfg.sources = feeds
        .iter()
        .map(|(name, path)| feed_source(name, &s.url(path)))
        .collect();
    cfg.alerts = alerts;
    cfg.watch.alert_retry = Span::secs(1);
    cfg
}

fn serve_rss(s: &Server, path: &str, items: &[Item<'_>]) {
    s.route(
        path,
        Resp::ok(rss(&s.base, items)).header("Content-Type", "application/rss+xml"),
    );
}

/// The JSON bodies POSTed to `path`.
fn posts(s: &Server, path: &str) -> Vec<serde_json::Value> {
    s.requests_to(path)
        .into_iter()
        .filter(|r| r.method == "POST")
        .map(|r| serde_json::from_slice(&r.body).expect("a JSON body"))
        .collect()
}

fn event_day(at: DateTime<Utc>) -> String {
    hashpivot::calendar::event_day(at).to_string()
}

/// The alert the IREN–Microsoft item raises, as a receiver gets it: the deal as stored (its
/// confidence and tone are the analysis' own, checked in the analyze tests), its first report's
/// title and link, its evidence sentence.
fn expected_alert(s: &Server, ws: &Workspace, at: DateTime<Utc>) -> serde_json::Value {
    let (confidence, tone): (f64, f64) = ws
        .db()
        .query_row(
            "SELECT confidence, sentiment FROM deals WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    serde_json::json!({
        "id": "deal-1",
        "event": "new_deal",
        "ticker": "IREN",
        "deal_id": 1,
        "document_id": 1,
        "counterparty": "Microsoft",
        "type": "gpu_cloud",
        "kind": "deal",
        "value_usd": 9.7e9,
        "value_with_options_usd": null,
        "capacity_mw": null,
        "term_years": 5.0,
        "announced_at": hashpivot::model::fmt_time(at),
        "event_day": event_day(at),
        "confidence": confidence,
        "tone": tone,
        "title": DEAL_TITLE,
        "evidence": DEAL_TITLE,
        "links": [s.url("/news/iren-msft")],
    })
}

#[test]
fn a_webhook_gets_one_post_per_new_deal_and_one_update_when_its_terms_change() {
    let s = Server::start();
    let at = an_hour_ago();
    serve_rss(&s, "/wire.xml", &[deal_item(at)]);
    s.route("/other.xml", Resp::ok(rss(&s.base, &[])));
    s.route("/hook", Resp::ok("ok"));
    let ws = Workspace::with_config(&watch_config(
        &s,
        &[("Wire", "/wire.xml"), ("Other", "/other.xml")],
        vec![webhook(s.url("/hook"))],
    ));
    let out = ws.run(&["watch", "--once", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cycle: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(cycle["polled"], serde_json::json!(["Other", "Wire"]));
    assert_eq!(cycle["new_documents"], 1);
    assert_eq!(cycle["deals_new"], 1);
    assert_eq!(cycle["alerts_decided"], 1);
    assert_eq!(cycle["alerts_delivered"], 1);
    let got = posts(&s, "/hook");
    assert_eq!(got, vec![expected_alert(&s, &ws, at)]);

    // a second outlet reports the same deal: the deal gains a report, nobody is told again
    serve_rss(
        &s,
        "/other.xml",
        &[Item {
            guid: "other-iren",
            title: "Microsoft strikes $9.7 billion AI cloud deal with IREN",
            text: "IREN Limited (Nasdaq: IREN) signed a five-year GPU cloud services contract with Microsoft worth $9.7 billion, the company said.",
            at: at + chrono::Duration::minutes(20),
        }],
    );
    let out = ws.run(&["crawl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ws.rows("SELECT n_documents FROM deals"), [["2"]]);
    assert_eq!(posts(&s, "/hook").len(), 1);

    // a third report states the capacity: the terms changed, one "updated" alert
    serve_rss(
        &s,
        "/other.xml",
        &[Item {
            guid: "other-iren-mw",
            title: "IREN's Microsoft AI cloud contract covers 200 MW",
            text: "IREN Limited (Nasdaq: IREN) signed a five-year GPU cloud services contract with Microsoft valued at $9.7 billion for 200 MW of critical IT capacity.",
            at: at + chrono::Duration::minutes(40),
        }],
    );
    let out = ws.run(&["crawl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got = posts(&s, "/hook");
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(got[1]["id"], "deal-1-update-1");
    assert_eq!(got[1]["event"], "updated_deal");
    assert_eq!(got[1]["capacity_mw"], 200.0);
    assert_eq!(got[1]["deal_id"], 1);
    // nothing more on a rerun of the analysis
    let out = ws.run(&["analyze", "--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = ws.run(&["crawl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(posts(&s, "/hook").len(), 2);
    let listed = ws.run(&["alerts", "--json"]);
    let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let ids: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["deal-1-update-1", "deal-1"]);
    assert_eq!(listed[1]["deliveries"][0]["status"], "delivered");
    assert_eq!(listed[1]["deliveries"][0]["attempts"], 1);
    // status tells of the watch's last cycle
    let status = stdout(&ws.run(&["status"]));
    let first = status.lines().next().unwrap();
    assert!(
        first.starts_with(&format!(
            "watch not running; last cycle: watch {}: 2 sources polled, 1 new documents, 1 new deal, alerts: 1 raised, 1 delivered, 0 to retry, 0 failed; next: Other, Wire at ",
            cycle["started_at"].as_str().unwrap()
        )),
        "{status}"
    );
}

/// The `alerts --json` entry of an alert.
fn listed(ws: &Workspace, failed: bool) -> serde_json::Value {
    let mut args = vec!["alerts", "--json"];
    if failed {
        args.push("--failed");
    }
    let out = ws.run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_failing_receiver_is_retried_with_backoff_then_marked_failed_and_the_crawl_goes_on() {
    let s = Server::start();
    serve_rss(&s, "/wire.xml", &[deal_item(an_hour_ago())]);
    s.route("/hook", Resp::new(500, "down"));
    s.route("/hang", Resp::ok("late").delay(Duration::from_secs(3)));
    let mut cfg = watch_config(
        &s,
        &[("Wire", "/wire.xml")],
        vec![
            webhook(s.url("/hook")),
            webhook(s.url("/hang")),
            AlertRule {
                command: vec!["sleep".into(), "5".into()],
                ..rule(AlertChannel::Command)
            },
        ],
    );
    cfg.crawl.timeout_secs = 1.0;
    cfg.watch.alert_attempts = 2;
    cfg.watch.alert_retry = Span::secs(3);
    cfg.watch.command_timeout = Span::parse("300ms").unwrap();
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["watch", "--once", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cycle: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(
        (
            &cycle["new_documents"],
            &cycle["alerts_decided"],
            &cycle["alerts_delivered"],
            &cycle["alerts_retrying"],
            &cycle["alerts_failed"]
        ),
        (&1.into(), &1.into(), &0.into(), &3.into(), &0.into())
    );
    assert_eq!(ws.count("SELECT count(*) FROM documents"), 1);
    let errors = |v: &serde_json::Value| -> Vec<(String, String, i64)> {
        v[0]["deliveries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["status"].as_str().unwrap().to_string(),
                    d["last_error"].as_str().unwrap_or("").to_string(),
                    d["attempts"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    let want = |status: &str, n: i64| {
        vec![
            (
                status.to_string(),
                "sleep timed out after 300ms and was killed".to_string(),
                n,
            ),
            (
                status.to_string(),
                "timeout: no complete response within 1s".to_string(),
                n,
            ),
            (status.to_string(), "server error: HTTP 500".to_string(), n),
        ]
    };
    assert_eq!(errors(&listed(&ws, false)), want("pending", 1));
    assert_eq!(listed(&ws, true), serde_json::json!([]));
    // not due again before the back-off (3 s) has passed
    let out = ws.run(&["watch", "--once", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(posts(&s, "/hook").len(), 1);
    std::thread::sleep(Duration::from_millis(3200));
    let out = ws.run(&["watch", "--once", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cycle: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(cycle["alerts_failed"], 3);
    assert_eq!(errors(&listed(&ws, true)), want("failed", 2));
    // failed for good: never tried again
    std::thread::sleep(Duration::from_millis(3200));
    let out = ws.run(&["watch", "--once"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(posts(&s, "/hook").len(), 2);
    let text = stdout(&ws.run(&["alerts", "--failed"]));
    assert!(
        text.contains("webhook ") && text.contains(" failed (2 attempts: server error: HTTP 500)"),
        "{text}"
    );
}

#[test]
fn a_watch_killed_while_delivering_delivers_after_restart_with_the_same_alert_id() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let s = Server::start();
    serve_rss(&s, "/wire.xml", &[deal_item(an_hour_ago())]);
    let hang = Arc::new(AtomicBool::new(true));
    let h = hang.clone();
    s.handler("/hook", move |_| {
        if h.load(Ordering::SeqCst) {
            Resp::ok("late").delay(Duration::from_secs(20))
        } else {
            Resp::ok("ok")
        }
    });
    let mut cfg = watch_config(&s, &[("Wire", "/wire.xml")], vec![webhook(s.url("/hook"))]);
    cfg.crawl.timeout_secs = 30.0;
    let ws = Workspace::with_config(&cfg);
    let mut child = ws
        .command(&["watch"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while posts(&s, "/hook").is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL between sending and recording
    child.wait().unwrap();
    assert_eq!(posts(&s, "/hook").len(), 1, "the alert was never sent");
    assert_eq!(
        ws.rows("SELECT alert_id, status, attempts FROM alert_deliveries"),
        [["deal-1", "pending", "0"]]
    );
    hang.store(false, Ordering::SeqCst);
    let out = ws.run(&["watch", "--once"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got = posts(&s, "/hook");
    assert_eq!(got.len(), 2);
    assert_eq!(got[0], got[1], "the repeat is the same alert, same id");
    assert_eq!(got[1]["id"], "deal-1");
    assert_eq!(
        ws.rows("SELECT alert_id, status, attempts FROM alert_deliveries"),
        [["deal-1", "delivered", "1"]]
    );
    let db = ws.db();
    let ok: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn command_file_and_slack_channels_get_the_alert_and_old_news_alerts_nothing() {
    let s = Server::start();
    let at = an_hour_ago();
    let old = DateTime::parse_from_rfc3339("2025-03-03T13:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    serve_rss(
        &s,
        "/wire.xml",
        &[
            deal_item(at),
            Item {
                guid: "old-deal",
                title: "Cipher Mining Signs 10-Year AI Hosting Lease with Fluidstack",
                text: "Cipher Mining Inc. (Nasdaq: CIFR) signed a 10-year AI hosting lease with Fluidstack for 168 MW of critical IT load.",
                at: old,
            },
        ],
    );
    serve_rss(
        &s,
        "/ir.xml",
        &[Item {
            guid: "cifr-production",
            title: "Cipher Mining Reports November Production",
            text: "Cipher Mining Inc. (Nasdaq: CIFR) published its monthly production update.",
            at,
        }],
    );
    s.route("/slack", Resp::ok("ok"));
    let mut cfg = watch_config(
        &s,
        &[("Wire", "/wire.xml"), ("IR", "/ir.xml")],
        vec![
            AlertRule {
                command: vec!["sh".into(), "-c".into(), "cat >> from-command.jsonl".into()],
                ..rule(AlertChannel::Command)
            },
            AlertRule {
                path: Some("alerts.jsonl".into()),
                ..rule(AlertChannel::File)
            },
            AlertRule {
                format: WebhookFormat::Slack,
                min_value_usd: 1e9,
                ..webhook(s.url("/slack"))
            },
            AlertRule {
                on: AlertOn::Document,
                tickers: vec!["CIFR".into()],
                path: Some("documents.jsonl".into()),
                ..rule(AlertChannel::File)
            },
        ],
    );
    cfg.sources[1].doc_kind = DocKind::PressRelease;
    let ws = Workspace::with_config(&cfg);
    // the decision is stored with the analysis; a crash before delivery leaves it pending
    let out = ws.run(&["crawl", "--no-analyze"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = ws.run(&["analyze"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(ws.count("SELECT count(*) FROM deals"), 2);
    // the sources are stored in the order they answer: the ids come from the store
    let id = |sql: &str| ws.count(sql);
    let deal = format!(
        "deal-{}",
        id("SELECT first_document_id FROM deals WHERE ticker = 'IREN'")
    );
    let doc = format!(
        "doc-{}",
        id("SELECT id FROM documents WHERE guid = 'cifr-production'")
    );
    assert_eq!(
        ws.rows(
            "SELECT alert_id, channel, status FROM alert_deliveries ORDER BY alert_id, channel"
        ),
        [
            [
                deal.as_str(),
                r#"command ["sh","-c","cat >> from-command.jsonl"]"#,
                "pending"
            ],
            [deal.as_str(), "file alerts.jsonl", "pending"],
            [
                deal.as_str(),
                &format!("webhook {} (slack)", s.url("/slack")),
                "pending"
            ],
            [doc.as_str(), "file documents.jsonl", "pending"],
        ]
    );
    let out = ws.run(&["watch", "--once", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cycle: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(cycle["alerts_delivered"], 4);
    let alert = &listed(&ws, false)
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == deal.as_str())
        .unwrap()
        .clone();
    let mut stored = alert.clone();
    let obj = stored.as_object_mut().unwrap();
    obj.remove("created_at");
    obj.remove("deliveries");
    let line = |file: &str| -> Vec<serde_json::Value> {
        std::fs::read_to_string(ws.path().join(file))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    assert_eq!(line("from-command.jsonl"), vec![stored.clone()]);
    assert_eq!(line("alerts.jsonl"), vec![stored.clone()]);
    assert_eq!(stored["ticker"], "IREN");
    let docs = line("documents.jsonl");
    assert_eq!(docs.len(), 1);
    assert_eq!(
        (
            &docs[0]["id"],
            &docs[0]["event"],
            &docs[0]["ticker"],
            &docs[0]["title"]
        ),
        (
            &doc.as_str().into(),
            &"press_release".into(),
            &"CIFR".into(),
            &"Cipher Mining Reports November Production".into()
        )
    );
    let slack = posts(&s, "/slack");
    let tone = stored["tone"].as_f64().unwrap();
    assert_eq!(
        slack,
        vec![serde_json::json!({
            "text": format!(
                "IREN gpu_cloud deal with Microsoft ($9.70B, 5 years); day 0 {}; confidence 0.99; tone {tone:+.2}. {DEAL_TITLE} {}",
                event_day(at),
                s.url("/news/iren-msft")
            )
        })]
    );
}

fn sigterm(child: &std::process::Child) {
    // SAFETY: kill(2) on our own child's pid
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
}

/// Wait for a child with a deadline; its exit code.
fn wait_exit(child: &mut std::process::Child, within: Duration) -> Option<i32> {
    let deadline = Instant::now() + within;
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            return st.code();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("watch did not stop within {within:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn watch_polls_each_source_on_its_schedule_and_honours_backoff() {
    let s = Server::start();
    s.route("/fast.xml", Resp::ok(rss(&s.base, &[])));
    s.route("/slow.xml", Resp::ok(rss(&s.base, &[])));
    s.route("/broken.xml", Resp::new(500, "down"));
    let mut cfg = watch_config(
        &s,
        &[
            ("Fast", "/fast.xml"),
            ("Slow", "/slow.xml"),
            ("Broken", "/broken.xml"),
        ],
        vec![],
    );
    cfg.sources[0].every = Some(Span::secs(1));
    cfg.sources[1].every = Some(Span::secs(3));
    cfg.sources[2].every = Some(Span::secs(1));
    cfg.crawl.backoff_base_secs = 60;
    let ws = Workspace::with_config(&cfg);
    let mut child = ws
        .command(&["watch", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(4500));
    let status = stdout(&ws.run(&["status"]));
    assert!(
        status.starts_with(&format!("watch running (pid {}); last cycle: ", child.id())),
        "{status}"
    );
    sigterm(&child);
    assert_eq!(wait_exit(&mut child, Duration::from_secs(10)), Some(0));
    let times = |p: &str| -> Vec<Instant> { s.requests_to(p).iter().map(|r| r.at).collect() };
    let (fast, slow, broken) = (times("/fast.xml"), times("/slow.xml"), times("/broken.xml"));
    // 1 s apart: 4 or 5 polls in 4.5 s (the first at start-up); 3 s apart: 2; backing off: 1
    assert!((4..=5).contains(&fast.len()), "fast polled {}", fast.len());
    assert_eq!(slow.len(), 2);
    assert_eq!(broken.len(), 1, "a failing source waits out its back-off");
    for w in fast.windows(2) {
        assert!(
            w[1] - w[0] >= Duration::from_millis(900),
            "{:?}",
            w[1] - w[0]
        );
    }
    assert!(slow[1] - slow[0] >= Duration::from_millis(2900));
    // one JSON object per cycle, the last one of each kind in order
    let mut out = String::new();
    use std::io::Read;
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let cycles: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        cycles[0]["polled"],
        serde_json::json!(["Broken", "Fast", "Slow"])
    );
    assert_eq!(cycles[0]["failed"][0]["source"], "Broken");
    assert_eq!(cycles[0]["next_sources"], serde_json::json!(["Fast"]));
    let polled: usize = cycles
        .iter()
        .map(|c| c["polled"].as_array().unwrap().len())
        .sum();
    assert_eq!(polled, fast.len() + slow.len() + broken.len());
}

#[test]
fn sigterm_mid_cycle_keeps_what_was_stored_and_exits_0() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let s = Server::start();
    serve_rss(&s, "/quick.xml", &[deal_item(an_hour_ago())]);
    // another host: one host is served one request at a time, and Quick must not wait for Slow
    let other = Server::start();
    let slow = Arc::new(AtomicBool::new(true));
    let (sl, base) = (slow.clone(), other.base.clone());
    other.handler("/slow.xml", move |_| {
        let feed = rss(
            &base,
            &[Item {
                guid: "slow-1",
                title: "Hut 8 Reports Monthly Update",
                text: "Hut 8 Corp. (Nasdaq: HUT) published its monthly update.",
                at: an_hour_ago(),
            }],
        );
        if sl.load(Ordering::SeqCst) {
            Resp::ok(feed).delay(Duration::from_secs(15))
        } else {
            Resp::ok(feed)
        }
    });
    let mut cfg = watch_config(&s, &[("Quick", "/quick.xml")], vec![]);
    cfg.sources
        .push(feed_source("Slow", &other.url("/slow.xml")));
    cfg.crawl.timeout_secs = 30.0;
    let ws = Workspace::with_config(&cfg);
    let mut child = ws
        .command(&["watch"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let quick_stored = || {
        ws.path().join("hashpivot.db").exists()
            && ws
                .db()
                .query_row(
                    "SELECT count(*) FROM fetch_log WHERE source = 'Quick'",
                    [],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap_or(0)
                > 0
    };
    while !quick_stored() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        other.requests_to("/slow.xml").len(),
        1,
        "Slow is being fetched"
    );
    sigterm(&child);
    assert_eq!(wait_exit(&mut child, Duration::from_secs(10)), Some(0));
    let mut err = String::new();
    use std::io::Read;
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(err.trim_end().ends_with("; stopped"), "{err}");
    assert_eq!(
        ws.rows("SELECT source, new_items FROM fetch_log ORDER BY id"),
        [["Quick", "1"]]
    );
    let ok: String = ws
        .db()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // the next run picks up where it stopped: Slow is still due, Quick is not
    slow.store(false, Ordering::SeqCst);
    let out = ws.run(&["watch", "--once", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cycle: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(cycle["polled"], serde_json::json!(["Slow"]));
    assert_eq!(ws.count("SELECT count(*) FROM documents"), 2);
    // the deal stored before the stop was analysed now
    assert_eq!(ws.count("SELECT count(*) FROM deals"), 1);
}

#[test]
fn the_deals_feed_is_valid_atom_with_stable_ids_and_escaped_text() {
    let s = Server::start();
    let at = an_hour_ago();
    serve_rss(
        &s,
        "/wire.xml",
        &[Item {
            guid: "iren-msft",
            title: "IREN Signs $9.7 Billion AI Cloud Contract with Microsoft <script>alert(1)</script> & \"more\"",
            text: DEAL_TEXT,
            at,
        }],
    );
    let mut cfg = watch_config(&s, &[("Wire", "/wire.xml")], vec![]);
    cfg.watch.feed = Some("live.atom".into());
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["watch", "--once"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = ws.run(&[
        "feed",
        "--out",
        ws.path().join("deals.atom").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "1 deals written to {}\n",
            ws.path().join("deals.atom").display()
        )
    );
    let xml = std::fs::read_to_string(ws.path().join("deals.atom")).unwrap();
    assert_eq!(
        std::fs::read_to_string(ws.path().join("live.atom")).unwrap(),
        xml,
        "watch writes the same feed"
    );
    let title: String = ws
        .db()
        .query_row("SELECT title FROM documents WHERE id = 1", [], |r| r.get(0))
        .unwrap();
    assert!(title.contains('&') && title.contains('"'), "{title}");
    assert!(xml.contains("&amp; &quot;more&quot;"), "{xml}");
    assert!(!xml.contains("<script"), "{xml}");
    let feed = feed_rs::parser::parse(xml.as_bytes()).expect("a well-formed Atom feed");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(feed.id, "urn:hashpivot:deals");
    assert!(feed.updated.is_some());
    assert_eq!(feed.entries.len(), 1);
    let e = &feed.entries[0];
    assert_eq!(e.id, "urn:hashpivot:deal:1");
    assert_eq!(
        e.title.as_ref().unwrap().content,
        "IREN: gpu_cloud deal with Microsoft ($9.70B, 5 years)"
    );
    assert_eq!(e.updated, Some(at));
    assert_eq!(e.published, Some(at));
    assert_eq!(e.links[0].href, s.url("/news/iren-msft"));
    assert_eq!(e.links[0].title.as_deref(), Some(title.as_str()));
    for required in [
        "<id>",
        "<title type=\"text\">",
        "<updated>",
        "<author><name>hashpivot</name></author>",
    ] {
        assert!(xml.contains(required), "{required} missing");
    }
    // the same deals give the same bytes; a filtered feed is another feed
    ws.run(&[
        "feed",
        "--out",
        ws.path().join("again.atom").to_str().unwrap(),
    ]);
    assert_eq!(
        std::fs::read_to_string(ws.path().join("again.atom")).unwrap(),
        xml
    );
    ws.run(&[
        "feed",
        "--out",
        ws.path().join("hut.atom").to_str().unwrap(),
        "--ticker",
        "hut",
    ]);
    let hut = feed_rs::parser::parse(
        std::fs::read(ws.path().join("hut.atom"))
            .unwrap()
            .as_slice(),
    )
    .unwrap();
    assert_eq!(hut.id, "urn:hashpivot:deals:ticker=HUT");
    assert_eq!(hut.entries.len(), 0);
}

#[test]
fn a_webhook_redirect_is_followed_only_as_a_post_to_a_public_address() {
    let s = Server::start();
    serve_rss(&s, "/wire.xml", &[deal_item(an_hour_ago())]);
    // to a private address: refused before any request is sent there
    s.route(
        "/to-private",
        Resp::new(307, "").header("Location", "http://10.0.0.1/hook"),
    );
    // a 302 would turn the POST into a GET: a webhook must take the POST at its URL
    s.route("/found", Resp::new(302, "").header("Location", "/hook"));
    // a 308 to its own host is followed, the body sent again
    s.route("/moved", Resp::new(308, "").header("Location", "/hook"));
    s.route("/hook", Resp::ok("ok"));
    let mut cfg = watch_config(
        &s,
        &[("Wire", "/wire.xml")],
        vec![
            webhook(s.url("/to-private")),
            webhook(s.url("/found")),
            webhook(s.url("/moved")),
        ],
    );
    cfg.watch.alert_attempts = 1;
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["watch", "--once"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        ws.rows("SELECT channel, status, last_error FROM alert_deliveries ORDER BY channel"),
        [
            [
                format!("webhook {}", s.url("/found")),
                "failed".to_string(),
                "redirected with HTTP 302 to '/hook': a webhook must take the POST at its URL"
                    .to_string()
            ],
            [
                format!("webhook {}", s.url("/moved")),
                "delivered".to_string(),
                "NULL".to_string()
            ],
            [
                format!("webhook {}", s.url("/to-private")),
                "failed".to_string(),
                "link http://10.0.0.1/hook refused: 10.0.0.1 is not a public address (only the source's own host may be; set allow_private_addresses under [crawl] to allow every private address)".to_string()
            ],
        ]
    );
    let hook = posts(&s, "/hook");
    assert_eq!(hook.len(), 1);
    assert_eq!(hook[0]["id"], "deal-1");
}

#[test]
fn watch_waits_while_another_crawl_holds_the_lock_and_a_second_watch_is_refused() {
    let s = Server::start();
    s.route("/wire.xml", Resp::ok(rss(&s.base, &[])));
    let ws = Workspace::with_config(&watch_config(&s, &[("Wire", "/wire.xml")], vec![]));
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(ws.path().join("crawl.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let me = std::process::id();
    std::fs::write(ws.path().join("crawl.lock"), me.to_string()).unwrap();
    let out = ws.run(&["watch", "--once", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cycle: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(
        cycle["waiting"],
        format!(
            "another crawl is running (pid {me}) on {}",
            ws.path().display()
        )
    );
    assert_eq!(cycle["polled"], serde_json::json!([]));
    assert!(s.requests_to("/wire.xml").is_empty());
    drop(lock);
    let watch_lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(ws.path().join("watch.lock"))
        .unwrap();
    watch_lock.try_lock().unwrap();
    std::fs::write(ws.path().join("watch.lock"), me.to_string()).unwrap();
    let out = ws.run(&["watch", "--once"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "hashpivot: another watch is running (pid {me}) on {}\n",
            ws.path().display()
        )
    );
    drop(watch_lock);
    let out = ws.run(&["watch", "--once", "--every", "5x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .contains("'5x' is not a span of time (a number and a unit: 500ms, 30s, 15m, 2h, 1d)"),
        "{}",
        stderr(&out)
    );
    let out = ws.run(&["watch", "--once", "--source", "Nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "hashpivot: unknown source 'Nope'; configured sources: Wire\n"
    );
}

#[test]
fn a_pending_delivery_whose_alert_table_was_removed_is_marked_failed() {
    let s = Server::start();
    serve_rss(&s, "/wire.xml", &[deal_item(an_hour_ago())]);
    let mut cfg = watch_config(
        &s,
        &[("Wire", "/wire.xml")],
        vec![AlertRule {
            path: Some("alerts.jsonl".into()),
            ..rule(AlertChannel::File)
        }],
    );
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["crawl", "--no-analyze"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = ws.run(&["analyze"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    cfg.alerts.clear();
    std::fs::write(ws.path().join("feeds.toml"), cfg.to_toml().unwrap()).unwrap();
    let out = ws.run(&["crawl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        ws.rows("SELECT alert_id, channel, status, last_error FROM alert_deliveries"),
        [[
            "deal-1",
            "file alerts.jsonl",
            "failed",
            "the channel is no longer in feeds.toml"
        ]]
    );
    assert!(!ws.path().join("alerts.jsonl").exists());
}

#[test]
fn a_cycle_says_why_a_source_failed_and_once_exits_1() {
    let s = Server::start();
    s.route("/broken.xml", Resp::new(500, "down"));
    s.route("/ok.xml", Resp::ok(rss(&s.base, &[])));
    let ws = Workspace::with_config(&watch_config(
        &s,
        &[("Broken", "/broken.xml"), ("Fine", "/ok.xml")],
        vec![],
    ));
    let out = ws.run(&["watch", "--once"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[0], "failed: Broken: server error: HTTP 500");
    assert!(
        lines[1].contains(
            ": 2 sources polled (1 failed: Broken), 0 new documents, 0 new deals; next: "
        ),
        "{err}"
    );
    assert_eq!(lines.len(), 2, "{err}");
}
