//! The commands around the crawl: init, config errors, status, show, and exit codes.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::*;

#[test]
fn init_writes_the_starter_config_once_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("feeds.toml");
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_hashpivot"))
            .arg("--config")
            .arg(&cfg)
            .arg("init")
            .output()
            .unwrap()
    };
    let out = run();
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(&cfg).unwrap();
    assert_eq!(
        written,
        std::fs::read_to_string(fixtures_dir().join("../../feeds.toml")).unwrap()
    );
    std::fs::write(&cfg, "# my edits\n").unwrap();
    let out = run();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("already exists; left unchanged"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&cfg).unwrap(), "# my edits\n");
}

#[test]
fn a_bad_config_names_file_line_and_key_and_exits_2() {
    let ws = Workspace::new("[crawl]\nconcurrency = 4\ntimeout_secs = \"thirty\"\n");
    let out = ws.run(&["crawl"]);
    assert_eq!(out.status.code(), Some(2));
    let cfg = ws.path().join("feeds.toml");
    let msg = stderr(&out);
    assert_eq!(
        msg,
        format!(
            "hashpivot: {}:3:16: key `crawl.timeout_secs`: invalid type: string \"thirty\", expected f64\n",
            cfg.display()
        )
    );
    // nothing was created
    assert!(!ws.path().join("hashpivot.db").exists());
}

#[test]
fn a_missing_config_says_how_to_get_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hashpivot"))
        .current_dir(dir.path())
        .args(["crawl"])
        .env_remove("HASHPIVOT_DATA")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let msg = stderr(&out);
    assert!(
        msg.starts_with("hashpivot: feeds.toml: No such file or directory"),
        "{msg}"
    );
    assert!(msg.contains("run `hashpivot init`"), "{msg}");
}

#[test]
fn an_unknown_source_is_a_usage_error_listing_the_known_ones() {
    let ws = Workspace::new(
        "[[source]]\nname = \"Decrypt\"\nkind = \"feed\"\nurl = \"http://127.0.0.1:9/feed\"\n",
    );
    let out = ws.run(&["crawl", "--source", "Decrpyt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "hashpivot: unknown source 'Decrpyt'; configured sources: Decrypt"
    );
}

#[test]
fn status_and_show_present_what_was_stored() {
    let s = Server::start();
    s.fixture("/atom.xml", "crawl/atom.xml", "application/atom+xml");
    let ws = Workspace::new(&format!(
        "[[source]]\nname = \"DC news\"\nkind = \"feed\"\nurl = \"{}\"\n",
        s.url("/atom.xml")
    ));
    drop(ws.db()); // a database with nothing crawled yet
    let out = ws.run(&["status"]);
    assert_eq!(
        stdout(&out).trim(),
        "no sources crawled yet: run `hashpivot crawl`"
    );
    assert_eq!(ws.run(&["crawl"]).status.code(), Some(0));
    let out = ws.run(&["status"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("SOURCE"));
    let cols: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(cols[0..3], ["DC", "news", "feed"]);
    assert_eq!(cols[4..9], ["200", "2", "0", "2", "now"]);

    let id = ws.rows("SELECT id FROM documents WHERE title LIKE 'Applied Digital%'")[0][0].clone();
    let out = ws.run(&["show", &id]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("Applied Digital signs two CoreWeave leases at Polaris Forge 1\n"),
        "{text}"
    );
    assert!(text.contains("\nsource:    DC news (news)\n"));
    assert!(text.contains("\npublished: 2025-06-02T12:15:00Z\n"));
    assert!(text.contains(
        "About $7 billion of revenue over roughly 15 years for 250 MW in Ellendale, North Dakota."
    ));

    // by URL, as JSON, with tracking parameters the stored URL never had
    let url = format!("{}?utm_source=x", s.url("/articles/apld-coreweave.html"));
    let out = ws.run(&["show", &url, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"].to_string(), id);
    assert_eq!(v["kind"], "news");
    assert_eq!(v["author"], "Sample Desk");

    let out = ws.run(&["show", "99999"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).trim(), "hashpivot: no stored document '99999'");
}

#[test]
fn piping_into_head_ends_quietly() {
    let s = Server::start();
    let long: String = (0..20_000)
        .map(|i| format!("<p>Paragraph {i} about hosting deals.</p>"))
        .collect();
    let feed = format!(
        "<rss version=\"2.0\"><channel><title>t</title><item><title>Long one</title><link>{}</link><guid>l1</guid><description><![CDATA[{long}]]></description></item></channel></rss>",
        s.url("/long")
    );
    s.route("/feed.xml", Resp::ok(feed));
    let ws = Workspace::new(&format!(
        "{}\n[[source]]\nname = \"F\"\nkind = \"feed\"\nurl = \"{}\"\n",
        crawl_section(&hashpivot::config::CrawlConfig {
            max_body_bytes: 5_000_000,
            ..test_crawl()
        }),
        s.url("/feed.xml")
    ));
    assert_eq!(ws.run(&["crawl"]).status.code(), Some(0));
    let id = ws.rows("SELECT id FROM documents")[0][0].clone();
    let mut child = ws
        .command(&["show", &id])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // the reader is dropped: the pipe is closed while show is still writing
    let out = child.wait_with_output().unwrap();
    assert_eq!(first, "Long one\n");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn reading_commands_in_a_folder_without_a_database_say_so_and_create_nothing() {
    let ws = Workspace::new("");
    let shown = ws.path().join("hashpivot.db").display().to_string();
    for args in [
        vec!["status"],
        vec!["show", "1"],
        vec!["deals"],
        vec!["deals", "show", "1"],
        vec!["digest", "--week", "2025-W45"],
        vec!["export", "--out", "x"],
        vec!["prices", "list"],
    ] {
        let out = ws.run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&out),
            format!(
                "hashpivot: no database at {shown}: run `hashpivot crawl` there first, or pass \
                 --data-dir\n"
            ),
            "{args:?}"
        );
    }
    // the study and the premium say what is missing in their own words (tested with the study),
    // creating nothing
    assert_eq!(ws.run(&["study"]).status.code(), Some(2));
    assert_eq!(ws.run(&["premium"]).status.code(), Some(2));
    assert!(!ws.path().join("hashpivot.db").exists());
    assert!(!ws.path().join("x").exists());
}

#[test]
fn a_reader_that_closes_the_pipe_early_ends_the_command_quietly() {
    let ws = Workspace::new("");
    // enough prices that `prices list --json` is far larger than stdout's buffer
    let mut csv = String::from("date,ticker,close\n");
    for i in 0..200 {
        csv.push_str(&format!("2025-11-03,T{i:03},10\n"));
    }
    let file = ws.path().join("p.csv");
    std::fs::write(&file, csv).unwrap();
    let out = ws.run(&["prices", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for args in [
        &["status", "--json"][..],
        &["prices", "list"],
        &["prices", "list", "--json"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader); // like `| head` that has already exited
        let out = ws
            .command(args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(stderr(&out), "", "{args:?}");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn a_damaged_database_is_named_once_and_never_a_panic() {
    let ws = Workspace::new("");
    // a real database first, then cut short; and one of random bytes
    let out = ws.run(&[
        "deals",
        "add",
        "--ticker",
        "IREN",
        "--date",
        "2025-11-03",
        "--counterparty",
        "Microsoft",
        "--type",
        "gpu_cloud",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let db = ws.path().join("hashpivot.db");
    let whole = std::fs::read(&db).unwrap();
    let shown = db.display().to_string();
    let garbage: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    for (bytes, detail) in [
        (
            whole[..whole.len().min(5000)].to_vec(),
            "database disk image is malformed",
        ),
        (garbage, "file is not a database"),
    ] {
        for f in ["hashpivot.db-wal", "hashpivot.db-shm"] {
            let _ = std::fs::remove_file(ws.path().join(f));
        }
        std::fs::write(&db, &bytes).unwrap();
        for args in [
            &["status"][..],
            &["deals"],
            &["digest"],
            &["crawl"],
            &["prices", "list"],
        ] {
            let out = ws.run(args);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
            assert_eq!(
                stderr(&out),
                format!(
                    "hashpivot: the database at {shown} is damaged: {detail} (restore it from a \
                     backup, or move it aside and crawl again into a new one)\n"
                ),
                "{args:?}"
            );
        }
    }
}

#[test]
fn tone_scores_a_text_and_says_why() {
    let ws = Workspace::new("");
    let out = ws.run(&[
        "tone",
        "Operating loss narrowed to EUR 2.1m from EUR 3.5m. The company has 120 employees.",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // one evaluative sentence: loss (up is bad) narrowed (down) → +2 → 2/√8; the other is neutral
    assert_eq!(
        stdout(&out),
        "tone +0.71 (positive), hashpivot-tone/2\n\
         +0.71 positive ×1.5 Operating loss narrowed to EUR 2.1m from EUR 3.5m.\n\
         \x20       +2.00 metric down: \"Operating loss narrowed\"\n\
         +0.00 neutral  ×1.5 The company has 120 employees.\n"
    );
    let out = ws.run(&["tone", "--json", "Costs rose 12%."]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let want = -2.0 / 8f64.sqrt();
    assert!((v["score"].as_f64().unwrap() - want).abs() < 1e-12, "{v}");
    assert_eq!(v["label"], "negative");
    assert_eq!(v["method"], "hashpivot-tone/2");
    assert_eq!(v["sentences"][0]["text"], "Costs rose 12%.");
    assert_eq!(
        v["sentences"][0]["phrases"],
        serde_json::json!([{"text": "Costs rose", "score": -2.0, "rule": "metric up"}])
    );
    // standard input, and a headline that weighs double: (2 × 0.7071 − 1.5 × 0.7071) / 3.5
    let mut child = ws
        .command(&["tone", "--json", "--headline", "Sales rise 5%", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Net profit fell to EUR 3m from EUR 5m.")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = std::f64::consts::FRAC_1_SQRT_2;
    let want = (2.0 * r - 1.5 * r) / 3.5;
    assert!((v["score"].as_f64().unwrap() - want).abs() < 1e-12, "{v}");
    // no text is a usage error
    assert_eq!(ws.run(&["tone"]).status.code(), Some(2));
}
