//! `analyze --all` throughput on 20,000 generated documents of about 5 KB (issue #3: target
//! ≥ 2,000 documents/s) and of about 2 KB (issue #11: target ≥ 5,000 documents/s with the
//! sentence-level tone). Documents mix deal announcements, production updates, market news and
//! filler paragraphs; they are stored through the store API, then analysed from scratch.
//!
//! Run: `cargo bench --bench analyze`

mod bench_util;

use std::time::Instant;

use hashpivot::config::{Config, STARTER};
use hashpivot::model::{DocKind, NewDocument};
use hashpivot::store::{FetchLogEntry, Store};

const FILLER: &str = "Bitcoin miners have spent the past year repositioning their power portfolios. \
Analysts note that interconnection queues, transformer lead times and the cost of liquid cooling now \
decide which sites can be converted for AI workloads, while hashprice remains under pressure after the \
halving. Several operators said they expect to keep mining at sites where power is cheapest. ";

fn doc(i: usize, body_len: usize) -> NewDocument {
    let companies = [
        "TeraWulf",
        "Cipher Mining",
        "IREN",
        "Hut 8",
        "Core Scientific",
        "Applied Digital",
        "Riot Platforms",
        "CleanSpark",
    ];
    let cps = [
        "Fluidstack",
        "Microsoft",
        "CoreWeave",
        "Amazon Web Services",
        "AMD",
        "an investment-grade hyperscaler",
    ];
    let c = companies[i % companies.len()];
    let cp = cps[i % cps.len()];
    let (title, lead) = match i % 4 {
        0 => (
            format!("{c} signs {}-year colocation lease with {cp}", 10 + i % 6),
            format!(
                "{c} said the lease covers {} MW of critical IT load and is worth about ${}.{} billion, rising to ${} billion with two five-year extensions.",
                100 + i % 200,
                1 + i % 9,
                i % 10,
                10 + i % 9
            ),
        ),
        1 => (
            format!("{c} posts monthly bitcoin production update"),
            format!(
                "{c} mined {} bitcoin and reached {} EH/s of hashrate.",
                300 + i % 400,
                20 + i % 40
            ),
        ),
        2 => (
            format!("{c} shares rise as bitcoin rallies"),
            format!(
                "Shares of {c} gained {}% in a broad rally of mining stocks.",
                1 + i % 9
            ),
        ),
        _ => (
            format!("{c} in talks with {cp} over AI hosting, sources say"),
            format!(
                "{c} is reportedly in advanced discussions about a lease, according to people familiar with the matter."
            ),
        ),
    };
    let mut body = String::with_capacity(body_len + 600);
    while body.len() < body_len {
        body.push_str(FILLER);
        body.push_str("\n\n");
    }
    NewDocument {
        kind: DocKind::News,
        url: Some(format!("https://bench.example/{i}")),
        guid: Some(format!("g{i}")),
        title,
        summary: Some(lead),
        body: Some(body),
        published_at: chrono::DateTime::from_timestamp(1_735_689_600 + (i as i64) * 3_600, 0),
        ..Default::default()
    }
}

fn main() {
    hashpivot::tune_allocator();
    for body_len in [5000, 1700] {
        run(body_len);
    }
}

fn run(body_len: usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store
        .sync_sources(&[(
            "bench".to_string(),
            "feed",
            "https://bench.example/feed".to_string(),
        )])
        .unwrap();
    // 20,000 by default; `HASHPIVOT_BENCH_DOCS` changes it (for profiling runs)
    let n = bench_util::size_from_env("HASHPIVOT_BENCH_DOCS", 20_000);
    let docs: Vec<NewDocument> = (0..n).map(|i| doc(i, body_len)).collect();
    let entry = FetchLogEntry::ok("https://bench.example/feed");
    for chunk in docs.chunks(1000) {
        store.commit_fetch("bench", chunk, &entry).unwrap();
    }
    let cfg = Config::parse(STARTER, "feeds.toml").unwrap();
    let bytes: usize = docs
        .iter()
        .map(|d| {
            d.title.len()
                + d.summary.as_ref().map_or(0, |s| s.len())
                + d.body.as_ref().map_or(0, |b| b.len())
        })
        .sum();
    println!(
        "{n} documents, {:.1} KB each on average",
        bytes as f64 / n as f64 / 1024.0
    );
    for run in ["first analysis", "analyze --all again"] {
        let t = Instant::now();
        let r = hashpivot::analyze::run(&cfg, &mut store, true).unwrap();
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{run}: {:.2} s, {:.0} documents/s ({} detections, {} deals new, {} updated)",
            secs,
            r.documents as f64 / secs,
            r.detections,
            r.deals_new,
            r.deals_updated
        );
    }
}
