//! Crawl throughput: 100 feeds × 100 items served from loopback (4 hosts), article fetching off.
//! Target (issue #2): ≥ 5,000 items/s parsed and stored, peak memory < 200 MB.
//!
//! Run: `cargo bench --bench crawl`. Prints items/s for a first crawl (everything new) and a
//! re-crawl (everything known: the dedup path), in three rounds each on a fresh store, and the
//! best of the three; then the crawl process's peak RSS. Where newsboat is installed
//! (`apt-get install newsboat`), it fetches and stores the same feeds from the same servers in
//! three rounds too (`newsboat -x reload`, a fresh cache each round, as many reload threads as
//! hashpivot's crawl has connections), and the bench prints how many times faster hashpivot's
//! first crawl, with analysis and indexing, is than newsboat's fetch-and-store alone. Each round starts after a `sync`, so the
//! writeback a bench before it left (the search bench writes gigabytes) is not timed as the
//! crawl's: once, run straight after the million-document search bench, a first crawl took
//! 4.64 s where it takes 0.8 s.

mod bench_util;

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use common::{Resp, Server, Workspace, feed_source, test_config};

const FEEDS: usize = 100;
const ITEMS: usize = 100;
const HOSTS: usize = 4;

fn feed_body(base: &str, f: usize) -> String {
    let mut items = String::new();
    for i in 0..ITEMS {
        items.push_str(&format!(
            "<item><title>Miner {f} signs {i} MW hosting deal with hyperscaler</title>\
             <link>{base}/news/{f}/{i}?utm_source=rss</link><guid isPermaLink=\"false\">{f}-{i}</guid>\
             <pubDate>Mon, 03 Nov 2025 12:{:02}:00 GMT</pubDate>\
             <description><![CDATA[<p>The company said the <b>colocation</b> agreement covers {i} MW of critical IT load \
             for a ten-year term, with two five-year extensions; revenue over the initial term is put at \
             about ${f}.{i} billion. Shares rose in pre-market trading as the deal reduces exposure to bitcoin.</p>]]></description></item>",
            i % 60
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Feed {f}</title><link>{base}/</link><description>bench</description>{items}</channel></rss>"
    )
}

fn main() {
    let servers: Vec<Server> = (0..HOSTS).map(|_| Server::start()).collect();
    let mut cfg = test_config();
    cfg.crawl.max_body_bytes = 10_000_000;
    cfg.crawl.timeout_secs = 30.0;
    let mut bytes = 0usize;
    for f in 0..FEEDS {
        let s = &servers[f % HOSTS];
        let body = feed_body(&s.base, f);
        bytes += body.len();
        s.route(&format!("/feed{f}.xml"), Resp::ok(body));
        cfg.sources.push(feed_source(
            &format!("feed{f:03}"),
            &s.url(&format!("/feed{f}.xml")),
        ));
    }
    println!(
        "corpus: {FEEDS} feeds x {ITEMS} items on {HOSTS} loopback hosts, {:.1} MB of XML",
        bytes as f64 / 1e6
    );
    const ROUNDS: usize = 3;
    let mut best = [f64::INFINITY; 2];
    for round in 1..=ROUNDS {
        let ws = Workspace::with_config(&cfg);
        // (a quiet disk: what earlier work left to write is written before the clock starts)
        let _ = std::process::Command::new("sync").status();
        for (k, (label, expect_new)) in [
            ("first crawl (all new)", FEEDS * ITEMS),
            ("re-crawl (all known)", 0),
        ]
        .into_iter()
        .enumerate()
        {
            let t = Instant::now();
            let out = ws.run(&["crawl", "--json"]);
            let secs = t.elapsed().as_secs_f64();
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(report["documents_new"], expect_new);
            best[k] = best[k].min(secs);
            println!(
                "round {round} of {ROUNDS}, {label}: {:.2} s, {:.0} items/s",
                secs,
                (FEEDS * ITEMS) as f64 / secs
            );
        }
        assert_eq!(
            ws.count("SELECT count(*) FROM documents"),
            (FEEDS * ITEMS) as i64
        );
    }
    for (label, secs) in ["first crawl (all new)", "re-crawl (all known)"]
        .iter()
        .zip(best)
    {
        println!(
            "best of {ROUNDS}, {label}: {:.2} s, {:.0} items/s",
            secs,
            (FEEDS * ITEMS) as f64 / secs
        );
    }
    println!(
        "peak RSS of a crawl process: {:.1} MB",
        bench_util::peak_rss_mb(bench_util::Who::Children)
    );
    // (after the crawl's peak RSS: newsboat's runs are children of this process too)
    let urls: Vec<String> = cfg.sources.iter().map(|s| s.url.clone()).collect();
    if let Some(nb) = newsboat(&urls, cfg.crawl.concurrency) {
        println!(
            "newsboat, best of {ROUNDS}: {nb:.2} s, {:.0} items/s; hashpivot's first crawl (fetch, store, analysis, index) is {:.1}x as fast",
            (FEEDS * ITEMS) as f64 / nb,
            nb / best[0]
        );
    } else {
        println!("newsboat is not installed: no comparison (apt-get install newsboat)");
    }
}

/// newsboat's best of three fetch-and-store runs over `urls` (each into a fresh cache), in
/// seconds; none when newsboat is not installed or fails.
fn newsboat(urls: &[String], threads: usize) -> Option<f64> {
    let ok = std::process::Command::new("newsboat")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        return None;
    }
    let mut best = f64::INFINITY;
    for round in 1..=3 {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("urls");
        std::fs::write(&list, urls.join("\n") + "\n").unwrap();
        let config = dir.path().join("config");
        std::fs::write(&config, format!("reload-threads {threads}\n")).unwrap();
        let _ = std::process::Command::new("sync").status();
        let t = Instant::now();
        let out = std::process::Command::new("newsboat")
            .arg("-u")
            .arg(&list)
            .arg("-c")
            .arg(dir.path().join("cache.db"))
            .arg("-C")
            .arg(&config)
            .args(["-x", "reload"])
            .env("HOME", dir.path())
            .output()
            .ok()?;
        let secs = t.elapsed().as_secs_f64();
        if !out.status.success() {
            eprintln!(
                "newsboat failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
            return None;
        }
        // what it stored, so a run that fetched nothing is not taken for a fast one
        let stored = rusqlite::Connection::open(dir.path().join("cache.db"))
            .and_then(|c| c.query_row("SELECT count(*) FROM rss_item", [], |r| r.get::<_, i64>(0)))
            .unwrap_or(0);
        println!("newsboat round {round} of 3: {secs:.2} s, {stored} items stored");
        if stored as usize != urls.len() * ITEMS {
            eprintln!("newsboat stored {stored} items of {}", urls.len() * ITEMS);
            return None;
        }
        best = best.min(secs);
    }
    Some(best)
}
