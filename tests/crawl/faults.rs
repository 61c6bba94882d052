//! Faults on this side: a disk that fills up, a data directory that cannot be written.

use crate::common::*;

fn big_feed(s: &Server, path: &str, tag: &str, items: usize) {
    let body: String = (0..items)
        .map(|j| {
            format!(
                "<item><title>{tag} item {j}</title><link>{b}/{tag}/{j}</link><guid>{tag}-{j}</guid><description>{}</description></item>",
                format!("IREN {tag} {j} signs a lease for critical IT. ").repeat(60),
                b = s.base
            )
        })
        .collect();
    s.route(
        path,
        Resp::ok(format!(
            "<rss version=\"2.0\"><channel><title>{tag}</title>{body}</channel></rss>"
        ))
        .header("Content-Type", "application/rss+xml"),
    );
}

fn run_in(ws: &Workspace, data: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_hashpivot"))
        .arg("--data-dir")
        .arg(data)
        .arg("--config")
        .arg(ws.path().join("feeds.toml"))
        .args(args)
        .env_remove("HASHPIVOT_CONTACT")
        .output()
        .unwrap()
}

#[test]
fn a_disk_that_fills_during_a_crawl_is_a_named_error_and_the_next_crawl_completes() {
    let Some(fs) = TinyFs::new("400k") else {
        return;
    };
    let s = Server::start();
    big_feed(&s, "/small.xml", "small", 3);
    big_feed(&s, "/big.xml", "big", 300);
    let mut cfg = test_config();
    cfg.crawl.concurrency = 1;
    cfg.crawl.max_body_bytes = 10_000_000;
    cfg.sources = vec![
        feed_source("a-small", &s.url("/small.xml")),
        feed_source("b-big", &s.url("/big.xml")),
    ];
    let ws = Workspace::with_config(&cfg);
    let data = fs.join("data");
    let out = run_in(&ws, &data, &["crawl", "--no-analyze", "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let big = &report["sources"][1];
    assert_eq!(big["name"], "b-big");
    assert_eq!(big["outcome"], "failed");
    assert_eq!(
        big["error"],
        "storing: committing document batch: database or disk is full"
    );
    // the small source is stored; nothing of the big one (its transaction was rolled back)
    let count = |sql: &str| -> i64 {
        rusqlite::Connection::open(data.join("hashpivot.db"))
            .unwrap()
            .query_row(sql, [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(
        count("SELECT count(*) FROM documents WHERE source = 'a-small'"),
        3
    );
    assert_eq!(
        count("SELECT count(*) FROM documents WHERE source = 'b-big'"),
        0
    );
    // a full disk is not the server's fault: no back-off, and with room the next crawl completes
    fs.resize("64m");
    let out = run_in(&ws, &data, &["crawl", "--no-analyze"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        count("SELECT count(*) FROM documents WHERE source = 'b-big'"),
        300
    );
    assert_eq!(count("SELECT count(DISTINCT guid) FROM documents"), 303);
    let ok: String = rusqlite::Connection::open(data.join("hashpivot.db"))
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn an_export_to_a_full_disk_is_a_named_error_and_leaves_no_partial_table() {
    let Some(fs) = TinyFs::new("16k") else { return };
    let s = Server::start();
    big_feed(&s, "/big.xml", "big", 200);
    let mut cfg = test_config();
    cfg.crawl.max_body_bytes = 10_000_000;
    cfg.sources = vec![feed_source("big", &s.url("/big.xml"))];
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["crawl", "--no-analyze"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dir = fs.join("export");
    let out = ws.run(&["export", "--out", dir.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "hashpivot: writing documents in {}: No space left on device (os error 28)\n",
            dir.display()
        )
    );
    let left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, Vec::<String>::new(), "no partial table, no manifest");
    // with room, the same export completes
    fs.resize("64m");
    let out = ws.run(&["export", "--out", dir.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.join("dataset.json").exists());
}

#[test]
fn a_read_only_data_directory_is_refused_before_any_fetch() {
    let Some(fs) = TinyFs::new("1m") else { return };
    std::fs::create_dir(fs.join("data")).unwrap();
    fs.read_only();
    let s = Server::start();
    big_feed(&s, "/small.xml", "small", 3);
    let mut cfg = test_config();
    cfg.sources = vec![feed_source("small", &s.url("/small.xml"))];
    let ws = Workspace::with_config(&cfg);
    let data = fs.join("data");
    let out = run_in(&ws, &data, &["crawl"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "hashpivot: opening {}: Read-only file system (os error 30)\n",
            data.join("crawl.lock").display()
        )
    );
    assert_eq!(s.requests().len(), 0, "nothing fetched");
}
