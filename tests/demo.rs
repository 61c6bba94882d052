//! `hashpivot demo`: the whole pipeline offline on the bundled sample data, in its own folder,
//! leaving the user's data directory untouched.

mod common;

#[test]
fn demo_runs_the_whole_pipeline_offline_and_touches_nothing_else() {
    let home = tempfile::tempdir().unwrap();
    let user_data = home.path().join("my-data");
    std::fs::create_dir_all(&user_data).unwrap();
    let demo_dir = home.path().join("demo");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hashpivot"))
        .current_dir(home.path())
        .env("HASHPIVOT_DATA", &user_data)
        .env_remove("HASHPIVOT_CONTACT")
        .args(["demo", "--dir", demo_dir.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{}",
        text,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.starts_with("hashpivot demo — SAMPLE DATA, offline; workspace: "),
        "{text}"
    );
    assert!(
        text.contains(
            "7 sources: 7 fetched, 0 unchanged, 0 failed, 0 backing off; 19 new documents"
        ),
        "{text}"
    );
    assert!(text.contains("deals: 8 new"), "{text}");
    assert!(
        text.contains("Event study: factor model (SPY + BTC-USD)"),
        "{text}"
    );
    assert!(
        text.contains("AI narrative premium — factor model"),
        "{text}"
    );
    for f in [
        "hashpivot.db",
        "feeds.toml",
        "caar.svg",
        "premium.svg",
        "digest-2025-W45.html",
        "study/caar.csv",
        "export/documents.csv",
        "export/deals.csv",
        "export/abnormal_returns.csv",
        "export/event_windows.csv",
        "export/dataset.json",
        "index/CURRENT",
    ] {
        assert!(demo_dir.join(f).exists(), "{f} missing");
    }
    // the synthetic prices keep the NYSE calendar: no session on a day the exchange was closed
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hashpivot"))
        .arg("--data-dir")
        .arg(&demo_dir)
        .arg("--config")
        .arg(demo_dir.join("feeds.toml"))
        .args(["analyze", "--json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["calendar_disagreements"], serde_json::json!([]));
    // the recognised deals include the CoreWeave option exercise from the sample 8-K
    let db = rusqlite::Connection::open(demo_dir.join("hashpivot.db")).unwrap();
    let corz: Vec<(String, String)> = db
        .prepare("SELECT event_day, deal_type FROM deals WHERE ticker = 'CORZ' ORDER BY event_day")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        corz,
        vec![
            ("2024-06-04".to_string(), "hosting".to_string()),
            ("2024-10-22".into(), "expansion".into())
        ]
    );
    // nothing in the user's data directory or the working directory
    assert_eq!(std::fs::read_dir(&user_data).unwrap().count(), 0);
    let names: Vec<String> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, ["demo", "my-data"]);
    // a second run into the same folder is refused rather than mixed in
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hashpivot"))
        .args(["demo", "--dir", demo_dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already holds a hashpivot workspace"));
}

/// hashpivot on a workspace: `--data-dir DIR --config DIR/feeds.toml`.
fn on(dir: &std::path::Path) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_hashpivot"));
    c.arg("--data-dir")
        .arg(dir)
        .arg("--config")
        .arg(dir.join("feeds.toml"));
    c
}

/// A demo workspace in `home/demo`.
fn demo_in(home: &std::path::Path) -> std::path::PathBuf {
    let dir = home.join("demo");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hashpivot"))
        .args(["demo", "--dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    dir
}

/// Run hashpivot on the demo workspace with stdout a pipe whose reader has already gone (`| head`
/// that exited): the command ends quietly with 0.
fn closed_pipe(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    on(dir)
        .args(args)
        .env_remove("HASHPIVOT_CONTACT")
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn every_command_into_a_closed_pipe_ends_quietly_with_0() {
    let home = tempfile::tempdir().unwrap();
    let dir = demo_in(home.path());
    let export = home.path().join("export");
    let digest = home.path().join("d.html");
    let commands: Vec<Vec<&str>> = vec![
        vec!["--help"],
        vec!["status"],
        vec!["status", "--json"],
        vec!["show", "1"],
        vec!["show", "1", "--json"],
        vec!["analyze"],
        vec!["analyze", "--all", "--json"],
        vec!["deals"],
        vec!["deals", "--json"],
        vec!["deals", "show", "1"],
        vec!["search", "lease"],
        vec!["search", "lease", "--json"],
        vec!["reindex"],
        vec!["prices", "list"],
        vec!["prices", "list", "--json"],
        vec!["study"],
        vec!["study", "--json"],
        vec!["premium"],
        vec!["premium", "--json"],
        vec!["digest", "--week", "2025-W45"],
        vec!["digest", "--week", "2025-W45", "--format", "html"],
        vec![
            "digest",
            "--week",
            "2025-W45",
            "--out",
            digest.to_str().unwrap(),
        ],
        vec!["export", "--out", export.to_str().unwrap()],
    ];
    for args in &commands {
        let out = closed_pipe(&dir, args);
        assert_eq!(
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).to_string()
            ),
            (Some(0), String::new()),
            "{args:?}"
        );
    }
    // the demo itself, into a closed pipe
    let out = closed_pipe(
        &home.path().join("unused"),
        &["demo", "--dir", home.path().join("demo2").to_str().unwrap()],
    );
    assert_eq!(
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).to_string()
        ),
        (Some(0), String::new())
    );
}

/// What a command left that a rerun must reproduce: the deals and detections, the search results
/// of a few queries, the export's files (dataset.json without its generation time).
fn outcome(dir: &std::path::Path, export: &std::path::Path) -> Vec<String> {
    let run = |args: &[&str]| {
        let out = on(dir).args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // search hits by id and title (scores move with the index's deleted documents)
    let hits = |text: String| -> String {
        text.lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                format!("{} {}", v["id"], v["title"])
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut v = vec![
        run(&["deals", "--json", "--kind", "all"]),
        hits(run(&["search", "lease", "--json", "--sort", "date"])),
        hits(run(&[
            "search",
            "CoreWeave OR Microsoft",
            "--json",
            "--sort",
            "date",
        ])),
    ];
    let db = rusqlite::Connection::open(dir.join("hashpivot.db")).unwrap();
    let n: i64 = db
        .query_row("SELECT count(*) FROM detections", [], |r| r.get(0))
        .unwrap();
    v.push(format!("detections {n}"));
    if export.exists() {
        let mut names: Vec<String> = std::fs::read_dir(export)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for name in names {
            let text = String::from_utf8_lossy(&std::fs::read(export.join(&name)).unwrap())
                .lines()
                .filter(|l| !l.contains("\"generated_at\""))
                .collect::<Vec<_>>()
                .join("\n");
            v.push(format!("{name}\n{text}"));
        }
    }
    v
}

#[test]
fn reindex_analyze_and_export_killed_at_any_moment_rerun_to_the_same_result() {
    let home = tempfile::tempdir().unwrap();
    let dir = demo_in(home.path());
    let export = home.path().join("export");
    let export_s = export.to_str().unwrap().to_string();
    let commands: [Vec<&str>; 3] = [
        vec!["reindex"],
        vec!["analyze", "--all"],
        vec!["export", "--out", &export_s],
    ];
    // the uninterrupted result
    for c in &commands {
        let out = on(&dir).args(c).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{c:?}");
    }
    let want = outcome(&dir, &export);
    for c in &commands {
        for delay_ms in [0u64, 3, 8, 15, 30, 60] {
            let mut child = on(&dir)
                .args(c)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(std::time::Duration::from_millis(delay_ms));
            child.kill().unwrap(); // SIGKILL
            child.wait().unwrap();
            // the rerun completes and leaves what an uninterrupted run leaves
            let out = on(&dir).args(c).output().unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "{c:?} after a kill at {delay_ms} ms: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(
                outcome(&dir, &export),
                want,
                "{c:?} after a kill at {delay_ms} ms"
            );
        }
    }
}

#[test]
fn the_demo_stops_at_the_first_step_that_fails() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("demo");
    std::fs::create_dir_all(&dir).unwrap();
    // the study's CSV folder is taken by a file: the event-study step fails
    std::fs::write(dir.join("study"), "not a folder").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hashpivot"))
        .args(["demo", "--dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("==> event study on the recognised deals"),
        "{text}"
    );
    assert!(!text.contains("==> the AI premium"), "{text}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("hashpivot: "), "{err}");
    for later in ["premium.svg", "digest-2025-W45.html", "export"] {
        assert!(
            !dir.join(later).exists(),
            "{later} was written after the failure"
        );
    }
}
