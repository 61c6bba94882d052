//! Search benchmark (issue #4): 100,000 generated documents of about 2 KB. Measures indexing
//! throughput (a full `reindex`, target < 30 s), and the latency of 20 typical queries (target
//! p50 < 5 ms, p99 < 50 ms), then runs the same corpus and queries through SQLite FTS5 (porter
//! stemming, bm25 with the same field weights) and prints both side by side.
//!
//! Run: `cargo bench --bench search`; `HASHPIVOT_BENCH_DOCS=1000000 cargo bench --bench search` sets
//! the corpus size (100,000 by default). Each query's median is printed for both engines, so a slow
//! query shows by name, and the process's peak RSS after each stage.
//!
//! `HASHPIVOT_BENCH_DIR=DIR` keeps the corpus in DIR: a later run with the same size finds the store,
//! the index and the FTS5 table there and times the queries alone (for working on the query path
//! at 1,000,000 documents without rebuilding them each time; an index of another schema is rebuilt
//! from the kept store, and that rebuild timed); `HASHPIVOT_BENCH_FTS=0` leaves FTS5 out of the run.

mod bench_util;

use std::time::Instant;

use hashpivot::config::{Config, STARTER};
use hashpivot::index::{self, Request, Sort};
use hashpivot::model::{DocKind, NewDocument};
use hashpivot::store::{FetchLogEntry, Store};

fn rss() -> String {
    format!(
        "peak RSS {:.0} MB",
        bench_util::peak_rss_mb(bench_util::Who::Process)
    )
}

const WORDS: &[&str] = &[
    "bitcoin",
    "miners",
    "hashrate",
    "power",
    "grid",
    "substation",
    "interconnection",
    "cooling",
    "liquid",
    "racks",
    "tenant",
    "lease",
    "colocation",
    "hyperscaler",
    "GPU",
    "inference",
    "training",
    "campus",
    "megawatts",
    "capacity",
    "revenue",
    "margin",
    "financing",
    "notes",
    "warrants",
    "backstop",
    "energization",
    "turbines",
    "curtailment",
    "transformer",
    "permits",
    "zoning",
    "water",
    "fiber",
    "latency",
    "cluster",
    "Blackwell",
    "contract",
    "extension",
    "renewal",
    "escalator",
    "quarter",
    "guidance",
    "analysts",
    "shares",
    "premium",
    "halving",
    "difficulty",
    "fees",
];

fn text(i: usize, n: usize, salt: usize) -> String {
    let mut s = String::with_capacity(n * 8);
    let mut x = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ salt as u64;
    for k in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.push_str(WORDS[(x % WORDS.len() as u64) as usize]);
        s.push(if k % 14 == 13 { '.' } else { ' ' });
        if k % 14 == 13 {
            s.push(' ');
        }
    }
    s
}

fn doc(i: usize) -> NewDocument {
    let companies = [
        "TeraWulf",
        "Cipher Mining",
        "IREN",
        "Hut 8",
        "Core Scientific",
        "Applied Digital",
        "Riot Platforms",
        "CleanSpark",
        "Galaxy Digital",
        "Bitdeer",
    ];
    let cps = [
        "Fluidstack",
        "Microsoft",
        "CoreWeave",
        "Amazon Web Services",
        "AMD",
        "Nscale",
        "Core42",
    ];
    let c = companies[i % companies.len()];
    let title = if i.is_multiple_of(7) {
        format!(
            "{c} signs {}-year colocation lease with {}",
            5 + i % 11,
            // every 7th document: (i / 7) turns the customers (i % 7 would be 0 every time)
            cps[(i / 7) % cps.len()]
        )
    } else {
        format!(
            "{c} {} update: {}",
            ["weekly", "monthly", "market", "operations"][i % 4],
            text(i, 6, 1)
        )
    };
    NewDocument {
        kind: if i.is_multiple_of(10) {
            DocKind::PressRelease
        } else {
            DocKind::News
        },
        url: Some(format!("https://bench.example/{i}")),
        guid: Some(format!("g{i}")),
        title,
        summary: Some(format!("{c} said {}", text(i, 25, 2))),
        body: Some(text(i, 270, 3)),
        published_at: chrono::DateTime::from_timestamp(1_704_067_200 + (i as i64) * 600, 0),
        ..Default::default()
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let k = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[k]
}

fn main() {
    hashpivot::tune_allocator();
    let docs_n = bench_util::size_from_env("HASHPIVOT_BENCH_DOCS", 100_000);
    let kept = std::env::var_os("HASHPIVOT_BENCH_DIR").map(std::path::PathBuf::from);
    let tmp = tempfile::tempdir().unwrap();
    let path = kept.clone().unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&path).unwrap();
    let stamp = path.join("bench-complete");
    let reuse = kept.is_some()
        && std::fs::read_to_string(&stamp).is_ok_and(|s| s.trim() == docs_n.to_string());
    if reuse {
        println!("corpus: {docs_n} documents kept in {}", path.display());
        // an index of another schema (or none) is rebuilt from the kept store, and timed
        if index::open(&path).is_err() {
            let mut store = Store::open(&path).unwrap();
            reindex_timed(&path, &mut store);
        }
    } else {
        build(&path, docs_n);
        std::fs::write(&stamp, docs_n.to_string()).unwrap();
    }
    queries(&path, reuse);
}

/// Stores, analyses and indexes `docs_n` generated documents in `path`, timing each stage.
fn build(path: &std::path::Path, docs_n: usize) {
    // a kept directory starts empty: the store, its journal and the index of an earlier size go
    for f in [
        "bench-complete",
        "hashpivot.db",
        "hashpivot.db-wal",
        "hashpivot.db-shm",
    ] {
        let _ = std::fs::remove_file(path.join(f));
    }
    let _ = std::fs::remove_dir_all(path.join("index"));
    let mut store = Store::open(path).unwrap();
    store
        .sync_sources(&[(
            "bench".to_string(),
            "feed",
            "https://bench.example/feed".to_string(),
        )])
        .unwrap();
    let entry = FetchLogEntry::ok("https://bench.example/feed");
    let t = Instant::now();
    let mut bytes = 0usize;
    for start in (0..docs_n).step_by(2000) {
        let docs: Vec<NewDocument> = (start..(start + 2000).min(docs_n)).map(doc).collect();
        bytes += docs
            .iter()
            .map(|d| {
                d.title.len() + d.summary.as_ref().unwrap().len() + d.body.as_ref().unwrap().len()
            })
            .sum::<usize>();
        store.commit_fetch("bench", &docs, &entry).unwrap();
    }
    println!(
        "corpus: {docs_n} documents, {:.2} KB each, stored in {:.1} s ({})",
        bytes as f64 / docs_n as f64 / 1024.0,
        t.elapsed().as_secs_f64(),
        rss()
    );
    let cfg = Config::parse(STARTER, "feeds.toml").unwrap();
    let t = Instant::now();
    let a = hashpivot::analyze::run(&cfg, &mut store, true).unwrap();
    println!(
        "analysis (mentions, deals): {:.1} s, {} deals ({})",
        t.elapsed().as_secs_f64(),
        a.deals_new,
        rss()
    );

    reindex_timed(path, &mut store);
}

/// A full rebuild of the index from the store, timed.
fn reindex_timed(path: &std::path::Path, store: &mut Store) {
    let t = Instant::now();
    let r = index::reindex(path, store).unwrap();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "tantivy reindex: {} documents in {:.2} s ({:.0} documents/s, {})",
        r.documents,
        secs,
        r.documents as f64 / secs,
        rss()
    );
}

/// Times the typical queries through the index and through SQLite FTS5 (building its table unless
/// `reuse` says it is there).
fn queries(path: &std::path::Path, reuse: bool) {
    let queries: Vec<(&str, Vec<&str>)> = vec![
        ("lease", vec![]),
        ("colocation lease", vec![]),
        ("\"colocation lease\"", vec![]),
        ("hyperscaler AND backstop", vec![]),
        ("fluidstack OR coreweave", vec![]),
        ("GPU inference cluster", vec![]),
        ("title:lease", vec![]),
        ("$IREN", vec![]),
        ("$WULF lease", vec![]),
        ("microsoft", vec!["IREN"]),
        ("interconnection substation", vec![]),
        ("curtailment NOT bitcoin", vec![]),
        ("(renewal OR extension) AND escalator", vec![]),
        ("transformer permits zoning", vec![]),
        ("kind:press_release lease", vec![]),
        ("financing notes warrants", vec![]),
        ("\"liquid cooling\"", vec![]),
        ("Blackwell", vec![]),
        ("halving difficulty fees", vec![]),
        ("", vec!["CIFR"]),
    ];
    let idx = index::open(path).unwrap();
    // the store the hits' bodies (for snippets) come from, as `hashpivot search` opens it
    let store = Store::open(path).unwrap();
    let mut lat = Vec::new();
    let mut per_query: Vec<Vec<f64>> = vec![Vec::new(); queries.len()];
    let mut total_hits = 0;
    for round in 0..6 {
        for (k, (q, tickers)) in queries.iter().enumerate() {
            let req = Request {
                query: q.to_string(),
                tickers: tickers.iter().map(|s| s.to_string()).collect(),
                sort: Sort::Relevance,
                limit: 20,
                ..Default::default()
            };
            let t = Instant::now();
            let h = idx.search(&req, &store).unwrap();
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            if round > 0 {
                lat.push(ms);
                per_query[k].push(ms);
                total_hits += h.len();
            }
        }
    }
    lat.sort_by(f64::total_cmp);
    println!(
        "tantivy: 20 queries x 5 rounds (limit 20, with snippets): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} hits)",
        percentile(&lat, 0.5),
        percentile(&lat, 0.99),
        lat.last().unwrap(),
        total_hits
    );

    // The same corpus and queries through SQLite FTS5.
    let fts_queries = fts(path, reuse);
    println!("per query (median of 5 rounds, ms):");
    println!(
        "  {:<42} {:>9} {:>9}  FTS5 query",
        "tantivy query", "tantivy", "FTS5"
    );
    for (k, (q, tickers)) in queries.iter().enumerate() {
        let mut a = per_query[k].clone();
        a.sort_by(f64::total_cmp);
        let name = if tickers.is_empty() {
            q.to_string()
        } else {
            format!("{q} [{}]", tickers.join(","))
        };
        let (fts_ms, fts_q) = match &fts_queries {
            Some(f) => {
                let mut b = f[k].1.clone();
                b.sort_by(f64::total_cmp);
                (format!("{:>9.2}", percentile(&b, 0.5)), f[k].0.clone())
            }
            None => (format!("{:>9}", "-"), String::new()),
        };
        println!(
            "  {:<42} {:>9.2} {fts_ms}  {fts_q}",
            name,
            percentile(&a, 0.5),
        );
    }
    println!("end: {}", rss());
}

/// The typical queries through SQLite FTS5 on the same corpus (porter stemming, bm25 with the same
/// field weights), each query with its latencies; none when `HASHPIVOT_BENCH_FTS=0`.
fn fts(path: &std::path::Path, reuse: bool) -> Option<Vec<(String, Vec<f64>)>> {
    if std::env::var("HASHPIVOT_BENCH_FTS").is_ok_and(|v| v == "0") {
        return None;
    }
    let db = rusqlite::Connection::open(path.join("hashpivot.db")).unwrap();
    let t = Instant::now();
    let built: i64 = db
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'fts'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    if !reuse || built == 0 {
        db.execute_batch("DROP TABLE IF EXISTS fts").unwrap();
        db.execute_batch(
        "CREATE VIRTUAL TABLE fts USING fts5(title, summary, body, tokenize = 'porter unicode61');
         INSERT INTO fts(rowid, title, summary, body) SELECT id, title, coalesce(summary, ''), coalesce(body, '') FROM documents;",
        )
        .unwrap();
        println!("FTS5 build: {:.2} s", t.elapsed().as_secs_f64());
    }
    let fts_queries: Vec<String> = vec![
        "lease",
        "colocation lease",
        "\"colocation lease\"",
        "hyperscaler AND backstop",
        "fluidstack OR coreweave",
        "GPU inference cluster",
        "title:lease",
        "IREN",
        "WULF lease",
        "microsoft IREN",
        "interconnection substation",
        "curtailment NOT bitcoin",
        "(renewal OR extension) AND escalator",
        "transformer permits zoning",
        "lease",
        "financing notes warrants",
        "\"liquid cooling\"",
        "Blackwell",
        "halving difficulty fees",
        "Cipher",
    ]
    .into_iter()
    .map(str::to_string)
    .collect();
    let mut st = db
        .prepare(
            "SELECT rowid, snippet(fts, 2, '**', '**', '…', 30) FROM fts WHERE fts MATCH ?1
             ORDER BY bm25(fts, 3.0, 1.5, 1.0) LIMIT 20",
        )
        .unwrap();
    let mut flat = Vec::new();
    let mut fts_per_query: Vec<Vec<f64>> = vec![Vec::new(); fts_queries.len()];
    let mut fts_hits = 0;
    for round in 0..6 {
        for (k, q) in fts_queries.iter().enumerate() {
            let t = Instant::now();
            let n = st.query_map([q], |r| r.get::<_, i64>(0)).unwrap().count();
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            if round > 0 {
                flat.push(ms);
                fts_per_query[k].push(ms);
                fts_hits += n;
            }
        }
    }
    flat.sort_by(f64::total_cmp);
    println!(
        "FTS5:    20 queries x 5 rounds (limit 20, with snippets): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} hits)",
        percentile(&flat, 0.5),
        percentile(&flat, 0.99),
        flat.last().unwrap(),
        fts_hits
    );
    Some(fts_queries.into_iter().zip(fts_per_query).collect())
}
