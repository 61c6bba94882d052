//! End to end: crawl fixtures from loopback → analysis → `deals`, curation that survives
//! `analyze --all`, and `study` on the stored deals.

mod common;
/// Deal recognition on the labelled corpus.
#[path = "analyze/corpus.rs"]
mod corpus;
/// The real news stream: events against true deals, text by text.
#[path = "analyze/stream.rs"]
mod stream;
/// Tone on the labelled sentences and headlines.
#[path = "analyze/tone_eval.rs"]
mod tone_eval;

use common::*;

fn workspace(s: &Server) -> Workspace {
    s.fixture("/rss2.xml", "crawl/rss2.xml", "application/rss+xml");
    s.fixture("/atom.xml", "crawl/atom.xml", "application/atom+xml");
    s.fixture("/feed.json", "crawl/feed.json", "application/feed+json");
    s.fixture("/rdf.xml", "crawl/rdf.xml", "application/rdf+xml");
    s.fixture("/dup.xml", "crawl/dup_feed.xml", "application/rss+xml");
    s.fixture(
        "/third.xml",
        "crawl/second_outlet.xml",
        "application/rss+xml",
    );
    Workspace::new(&format!(
        "{}\n[edgar]\nenabled = false\n\n{}\n{}{}{}{}{}{}",
        test_crawl_section(),
        universe(),
        feed("Wire", &s.url("/rss2.xml")),
        feed("DC", &s.url("/atom.xml")),
        feed("JSON", &s.url("/feed.json")),
        feed("RDF", &s.url("/rdf.xml")),
        feed("Other", &s.url("/dup.xml")),
        feed("Third", &s.url("/third.xml")),
    ))
}

#[test]
fn crawl_recognises_deals_and_deals_lists_them() {
    let s = Server::start();
    let ws = workspace(&s);
    let out = ws.run(&["crawl", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // 11 items, one of them the same IREN article as another outlet's (same URL): 10 documents
    assert_eq!(v["documents_new"], 10);
    assert_eq!(v["analysis"]["documents"], 10);
    let out = ws.run(&["deals", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let deals: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows: Vec<(String, String, String, String, i64)> = deals
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["event_day"].as_str().unwrap().to_string(),
                d["ticker"].as_str().unwrap().to_string(),
                d["counterparty"].as_str().unwrap().to_string(),
                d["deal_type"].as_str().unwrap().to_string(),
                d["n_documents"].as_i64().unwrap(),
            )
        })
        .collect();
    let r = |a: &str, b: &str, c: &str, d: &str, n: i64| {
        (
            a.to_string(),
            b.to_string(),
            c.to_string(),
            d.to_string(),
            n,
        )
    };
    assert_eq!(
        rows,
        vec![
            // Core Scientific's 2024-06-03 20:40 UTC (16:40 New York) report → next session
            r("2024-06-04", "CORZ", "CoreWeave", "hosting", 1),
            r("2024-12-23", "WULF", "Core42", "colocation", 1),
            r("2025-06-02", "APLD", "CoreWeave", "colocation", 1),
            r("2025-08-14", "WULF", "Fluidstack", "colocation", 1),
            // the IREN deal reported by two outlets (two articles) is one deal with two reports
            r("2025-11-03", "CIFR", "Amazon", "colocation", 1),
            r("2025-11-03", "IREN", "Microsoft", "gpu_cloud", 2),
            r("2025-12-17", "HUT", "Fluidstack", "colocation", 1),
            r("2026-01-16", "RIOT", "AMD", "colocation", 1),
        ]
    );
    let wulf = deals
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["counterparty"] == "Fluidstack" && d["ticker"] == "WULF")
        .unwrap();
    assert_eq!(wulf["value_usd"], 3.7e9);
    assert_eq!(wulf["value_with_options_usd"], 8.7e9);
    assert_eq!(wulf["capacity_mw"], 200.0);
    assert_eq!(wulf["term_years"], 10.0);
    assert!(wulf["sentiment"].as_f64().unwrap() > 0.0);
    // the monthly production update is no deal; its document still got a tone and mentions
    assert_eq!(ws.count("SELECT count(*) FROM mentions m JOIN documents d ON d.id = m.document_id WHERE d.guid = 'sample-wire-1003' AND m.ticker = 'CLSK'"), 1);
    assert_eq!(
        ws.count("SELECT count(*) FROM documents WHERE sentiment_method = 'hashpivot-tone/2'"),
        10
    );

    // the human table and `deals show`
    let out = ws.run(&["deals", "--ticker", "iren"]);
    let text = stdout(&out);
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .contains("2025-11-03 IREN   Microsoft      gpu_cloud      $9.70B"),
        "{text}"
    );
    let id = ws.rows("SELECT id FROM deals WHERE ticker = 'IREN'")[0][0].clone();
    let out = ws.run(&["deals", "show", &id]);
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("deal {id}: IREN × Microsoft (gpu_cloud, deal)\n")),
        "{text}"
    );
    assert_eq!(text.matches("  evidence: \"").count(), 2, "{text}");
    // each term with the words it was read from, and the guarantor apart from the counterparty
    let id = ws.rows("SELECT id FROM deals WHERE ticker = 'WULF' AND counterparty = 'Fluidstack'")
        [0][0]
        .clone();
    let text = stdout(&ws.run(&["deals", "show", &id]));
    let lines: Vec<&str> = text.lines().skip(3).take(8).collect();
    assert_eq!(
        lines,
        [
            "  value         from \"Two ten-year HPC colocation leases at Lake Mariner, worth about $3.7 billion.\"",
            "  with options  from \"…revenue at roughly $3.7 billion over the initial terms, rising to about $8.7 billion if both five-year extensions are exercised.\"",
            "  MW            from \"…with Fluidstack at its Lake Mariner campus in New York, covering more than 200 MW of critical IT load.\"",
            "  years         from \"TeraWulf (Nasdaq: WULF) said on Thursday that it had signed two ten-year high-performance computing colocation leases with Fluidstack at its Lake…\"",
            "guarantor: Alphabet",
            "why:",
            "  decided by: \"TeraWulf (Nasdaq: WULF) said on Thursday that it had signed two ten-year high-performance computing colocation leases with Fluidstack at its Lake Mariner campus in New York, covering more than 200 MW …\"",
            "auto deal, active",
        ],
        "{text}"
    );
    // what kind of story each document is
    assert_eq!(
        ws.rows("SELECT genre, count(*) FROM documents GROUP BY genre ORDER BY genre"),
        [["announcement", "9"], ["other", "1"]]
    );
    let doc = ws.rows("SELECT id FROM documents WHERE guid = 'sample-wire-1003'")[0][0].clone();
    assert!(stdout(&ws.run(&["show", &doc])).contains("\ngenre:     other\n"));
    let out = ws.run(&["deals", "show", &id, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["deal"]["parties"],
        serde_json::json!([{"role": "guarantor", "name": "Alphabet"}])
    );
    assert_eq!(
        v["deal"]["phrases"]["value_usd"],
        "Two ten-year HPC colocation leases at Lake Mariner, worth about $3.7 billion."
    );
}

#[test]
fn curated_and_rejected_deals_survive_analyze_all() {
    let s = Server::start();
    let ws = workspace(&s);
    assert_eq!(ws.run(&["crawl"]).status.code(), Some(0));
    let riot = ws.rows("SELECT id FROM deals WHERE ticker = 'RIOT'")[0][0].clone();
    let hut = ws.rows("SELECT id FROM deals WHERE ticker = 'HUT'")[0][0].clone();
    assert_eq!(ws.run(&["deals", "reject", &riot]).status.code(), Some(0));
    let out = ws.run(&[
        "deals",
        "edit",
        &hut,
        "--value",
        "7bn",
        "--value-with-options",
        "17.7bn",
        "--note",
        "checked against the release",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = ws.run(&[
        "deals",
        "add",
        "--ticker",
        "glxy",
        "--date",
        "2025-08-15",
        "--counterparty",
        "CoreWeave",
        "--type",
        "financing",
        "--value",
        "1.4bn",
        "--mw",
        "800",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // one automatic deal made stale by hand: re-analysis puts it right and counts it
    let stale = "(SELECT min(id) FROM deals WHERE origin = 'auto' AND status = 'active')";
    let before = ws.rows(&format!(
        "SELECT id, value_usd, updated_at FROM deals WHERE id = {stale}"
    ));
    ws.db()
        .execute(
            &format!("UPDATE deals SET value_usd = 1 WHERE id = {stale}"),
            [],
        )
        .unwrap();
    let out = ws.run(&["analyze", "--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // 8 clusters: the curated HUT deal is left alone; of the other 7 (the rejected one too) only
    // the stale one changes
    assert_eq!(
        stdout(&out),
        "analyzed 10 documents, 9 with a deal, LOI or termination; deals: 0 new, 1 updated, 0 removed\n"
    );
    let after = ws.rows(&format!(
        "SELECT id, value_usd, updated_at FROM deals WHERE id = {}",
        before[0][0]
    ));
    assert_eq!(after[0][1], before[0][1]);
    // re-analysing what has not changed changes nothing, not even updated_at
    let unchanged = ws.rows("SELECT id, updated_at FROM deals ORDER BY id");
    let out = ws.run(&["analyze", "--all"]);
    assert_eq!(
        stdout(&out),
        "analyzed 10 documents, 9 with a deal, LOI or termination; deals: 0 new, 0 updated, 0 removed\n"
    );
    assert_eq!(
        ws.rows("SELECT id, updated_at FROM deals ORDER BY id"),
        unchanged
    );
    assert_eq!(
        ws.rows(&format!(
            "SELECT status, origin FROM deals WHERE id = {riot}"
        )),
        vec![vec!["rejected", "auto"]]
    );
    assert_eq!(
        ws.rows(&format!(
            "SELECT origin, value_usd, value_with_options_usd, note FROM deals WHERE id = {hut}"
        )),
        vec![vec![
            "curated",
            "7000000000",
            "17700000000",
            "checked against the release"
        ]]
    );
    assert_eq!(
        ws.rows("SELECT ticker, counterparty, counterparty_class, deal_type, event_day, origin FROM deals WHERE ticker = 'GLXY'"),
        vec![vec!["GLXY", "CoreWeave", "neocloud", "financing", "2025-08-15", "curated"]]
    );
    // the list hides the rejected deal
    let out = ws.run(&["deals", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 8);
    assert!(v.as_array().unwrap().iter().all(|d| d["ticker"] != "RIOT"));
    // bad input
    let out = ws.run(&[
        "deals",
        "add",
        "--ticker",
        "XXXX",
        "--date",
        "2025-01-02",
        "--counterparty",
        "AMD",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "hashpivot: unknown ticker XXXX: not a [[company]] in feeds.toml\n"
    );
    let out = ws.run(&["deals", "--type", "lease"]);
    assert_eq!(out.status.code(), Some(2));
    let out = ws.run(&["deals", "reject", "9999"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "hashpivot: no deal 9999\n");
}

/// The tone of a document and of each company in it: two companies, one sentence each.
#[test]
fn each_company_gets_the_tone_of_the_sentences_about_it() {
    let s = Server::start();
    s.route(
        "/mixed.xml",
        Resp::ok(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>http://x/</link><description>d</description>\
             <item><title>Miners report October figures</title><link>http://sample.test/mixed</link><guid>mixed-1</guid>\
             <pubDate>Mon, 03 Nov 2025 12:00:00 GMT</pubDate>\
             <description>IREN Limited said its revenue rose 40% in October. Bitfarms said its revenue fell 20% in October.</description></item>\
             </channel></rss>",
        )
        .header("Content-Type", "application/rss+xml"),
    );
    let ws = Workspace::new(&format!(
        "{}\n[edgar]\nenabled = false\n\n{}\n{}",
        test_crawl_section(),
        universe(),
        feed("Wire", &s.url("/mixed.xml")),
    ));
    let out = ws.run(&["crawl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // each lead sentence: revenue (up is good) up → +2 → 2/√(4 + 4); down → the opposite. The
    // document: the weighted mean of the two (1.5 each) → 0.
    let r = std::f64::consts::FRAC_1_SQRT_2;
    let tones: Vec<(String, f64)> = ws
        .db()
        .prepare("SELECT ticker, tone FROM mentions ORDER BY ticker")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(tones.len(), 2);
    assert_eq!(tones[0].0, "BITF");
    assert!((tones[0].1 + r).abs() < 1e-12, "{tones:?}");
    assert_eq!(tones[1].0, "IREN");
    assert!((tones[1].1 - r).abs() < 1e-12, "{tones:?}");
    let (doc, method): (f64, String) = ws
        .db()
        .query_row(
            "SELECT sentiment, sentiment_method FROM documents",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(doc.abs() < 1e-12, "{doc}");
    assert_eq!(method, "hashpivot-tone/2");
    // search --json: the tone about the company asked for
    let tone_of = |ticker: &str| -> f64 {
        let out = ws.run(&["search", "revenue", "--ticker", ticker, "--json"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let v: serde_json::Value =
            serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
        v["tone"].as_f64().unwrap()
    };
    assert!((tone_of("IREN") - r).abs() < 1e-12);
    assert!((tone_of("bitf") + r).abs() < 1e-12);
    // show --tone explains it
    let text = stdout(&ws.run(&["show", "1", "--tone"]));
    assert_eq!(
        text,
        "Miners report October figures [1]\n\
         tone +0.00 (neutral), hashpivot-tone/2\n\
         +0.00 neutral  ×2 Miners report October figures\n\
         +0.71 positive ×1.5 IREN Limited said its revenue rose 40% in October.\n\
         \x20       +2.00 metric up: \"revenue rose\"\n\
         -0.71 negative ×1.5 Bitfarms said its revenue fell 20% in October.\n\
         \x20       -2.00 metric down: \"revenue fell\"\n\
         BITF: -0.71\n\
         IREN: +0.71\n"
    );
    let v: serde_json::Value =
        serde_json::from_slice(&ws.run(&["show", "1", "--tone", "--json"]).stdout).unwrap();
    assert_eq!(v["sentences"][1]["phrases"][0]["rule"], "metric up");
    assert_eq!(v["companies"][0][0], "BITF");
    // a document scored by an older lexicon is read again by the next analysis, not only by --all
    ws.db()
        .execute_batch(
            "UPDATE documents SET sentiment_method = 'hashpivot-lexicon/1', sentiment = 0.5;
             UPDATE mentions SET tone = NULL;",
        )
        .unwrap();
    let out = ws.run(&["analyze", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"], 1);
    assert_eq!(
        ws.rows("SELECT sentiment_method, count(*) FROM documents GROUP BY 1"),
        [["hashpivot-tone/2", "1"]]
    );
    assert_eq!(
        ws.count("SELECT count(*) FROM mentions WHERE tone IS NULL"),
        0
    );
    let out = ws.run(&["analyze", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"], 0, "nothing left to read again");
}

/// `deals --review` lists the unreviewed automatic deals, least confident first, with why each
/// was taken; `deals accept` marks one reviewed, it leaves the list, survives `analyze --all`, and
/// counts for `--reviewed`; `--min-confidence` leaves out the less certain (reviewed ones stay).
#[test]
fn deals_are_reviewed_and_accepted_and_studies_select_by_review_and_confidence() {
    let s = Server::start();
    let ws = workspace(&s);
    assert_eq!(ws.run(&["crawl"]).status.code(), Some(0));
    let auto = ws.rows(
        "SELECT id, confidence FROM deals WHERE origin = 'auto' AND kind = 'deal' ORDER BY confidence, event_day, id",
    );
    assert!(auto.len() >= 3, "{auto:?}");
    let out = ws.run(&["deals", "--review"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    // one block per deal in rising confidence, each with the sentence that decided it
    let ids: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with("     ") && !l.starts_with("accept:"))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    let want: Vec<String> = auto.iter().map(|r| r[0].clone()).collect();
    assert_eq!(ids, want, "{text}");
    assert_eq!(
        text.matches("     decided by: \"").count(),
        auto.len(),
        "{text}"
    );
    assert!(text.ends_with(
        "accept: hashpivot deals accept ID · reject: hashpivot deals reject ID · correct: hashpivot deals edit ID\n"
    ));
    // nothing reviewed yet: a study of reviewed deals says what to do
    for cmd in ["study", "premium"] {
        let out = ws.run(&[cmd, "--reviewed"]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert_eq!(
            stderr(&out),
            "hashpivot: no reviewed deals to study: review them with `hashpivot deals --review` and accept each real one with `hashpivot deals accept ID`\n"
        );
    }
    // accept the least certain: it leaves the review list and is kept by re-analysis
    let first = &auto[0][0];
    let out = ws.run(&["deals", "accept", first]);
    assert_eq!(stdout(&out), format!("deal {first} accepted\n"));
    let out = ws.run(&["analyze", "--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        ws.rows(&format!(
            "SELECT reviewed_at IS NOT NULL FROM deals WHERE id = {first}"
        )),
        [["1"]]
    );
    let listed: Vec<serde_json::Value> =
        serde_json::from_slice(&ws.run(&["deals", "--review", "--json"]).stdout).unwrap();
    assert_eq!(listed.len(), auto.len() - 1);
    assert!(
        listed
            .iter()
            .all(|d| d["id"].as_i64().map(|i| i.to_string()).as_deref() != Some(first.as_str()))
    );
    // a confidence above every automatic deal's keeps only the reviewed one
    let listed: Vec<serde_json::Value> =
        serde_json::from_slice(&ws.run(&["deals", "--min-confidence", "1", "--json"]).stdout)
            .unwrap();
    let ids: Vec<String> = listed.iter().map(|d| d["id"].to_string()).collect();
    assert_eq!(ids, std::slice::from_ref(first));
    // an unknown deal and a confidence out of range are clear errors
    let out = ws.run(&["deals", "accept", "9999"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "hashpivot: no deal 9999\n");
    let out = ws.run(&["study", "--min-confidence", "1.5"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "hashpivot: --min-confidence 1.5: expected a number from 0 to 1\n"
    );
    let out = ws.run(&["study", "--reviewed", "--events", "x.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "hashpivot: --reviewed selects stored deals; it does not apply to --events\n"
    );
}

/// `show ID` says why a document is, or is not, a deal.
#[test]
fn show_says_why_a_document_is_or_is_not_a_deal() {
    let s = Server::start();
    let ws = workspace(&s);
    assert_eq!(ws.run(&["crawl"]).status.code(), Some(0));
    let id =
        ws.rows("SELECT document_id FROM detections WHERE ticker = 'IREN' LIMIT 1")[0][0].clone();
    let text = stdout(&ws.run(&["show", &id]));
    assert!(
        text.contains(
            "deal?      (why the analysis did or did not take it as a deal)\n  decided by: \""
        ),
        "{text}"
    );
    let none = ws.rows(
        "SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM detections) LIMIT 1",
    );
    let text = stdout(&ws.run(&["show", &none[0][0]]));
    assert!(text.contains("deal?      "), "{text}");
    let v: serde_json::Value =
        serde_json::from_slice(&ws.run(&["show", &none[0][0], "--json"]).stdout).unwrap();
    assert!(!v["deal_reasons"].as_array().unwrap().is_empty(), "{v}");
}
