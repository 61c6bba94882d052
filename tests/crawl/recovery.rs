//! Feeds the strict parser refuses, one fixture per oddity: the exact items kept and the note
//! that says how the feed was read.

use hashpivot::crawl::feed::{self, ParsedFeed};
use hashpivot::model::DocKind;

use crate::common::*;

fn read(name: &str) -> ParsedFeed {
    let bytes = fixture(&format!("crawl/recovery/{name}"));
    feed::parse(&bytes, None, "https://feeds.example/", DocKind::News, 0)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// (title, url, guid, published, summary) of each document.
fn items(f: &ParsedFeed) -> Vec<(String, String, String, String, String)> {
    f.docs
        .iter()
        .map(|d| {
            (
                d.title.clone(),
                d.url.clone().unwrap_or_default(),
                d.guid.clone().unwrap_or_default(),
                d.published_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
                d.summary.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn row(t: &str, u: &str, g: &str, p: &str, s: &str) -> (String, String, String, String, String) {
    (t.into(), u.into(), g.into(), p.into(), s.into())
}

#[test]
fn atom_03_summary_of_type_text_plain() {
    let f = read("atom03-text-plain.xml");
    assert_eq!(
        f.recovery.as_deref(),
        Some(
            "normalised content types (strict parser: malformed content: unable to parse feed: \
             unsupported content type text/plain at position 408)"
        )
    );
    assert_eq!(
        items(&f),
        vec![
            row(
                "TeraWulf signs a 10-year lease with Fluidstack",
                "https://wire.example/wulf-fluidstack",
                "tag:wire.example,2024:wulf-1",
                "2024-08-14T12:00:00+00:00",
                "Lease of 72.5 MW of critical IT load at Lake Mariner."
            ),
            row(
                "Second entry",
                "https://wire.example/second",
                "tag:wire.example,2024:wulf-2",
                "2024-08-15T12:00:00+00:00",
                "Plain text summary."
            ),
        ]
    );
}

#[test]
fn atom_03_xhtml_content_in_xml_mode() {
    let f = read("atom03-xhtml-mode-xml.xml");
    assert_eq!(
        f.recovery.as_deref(),
        Some(
            "normalised content types (strict parser: malformed content: unable to parse feed: \
             missing content.inline at position 384)"
        )
    );
    assert_eq!(
        items(&f),
        vec![row(
            "Hut 8 and Fluidstack",
            "https://blog.example/hut8",
            "tag:blog.example,2025:1",
            "2025-12-17T13:30:00+00:00",
            "A 15-year lease at River Bend."
        )]
    );
    assert_eq!(
        f.docs[0].body.as_deref(),
        Some("A 15-year lease at River Bend.")
    );
}

#[test]
fn atom_03_base64_content_is_decoded() {
    let f = read("atom03-base64.xml");
    assert_eq!(
        f.recovery, None,
        "Atom 0.3's base64 mode is part of reading Atom 0.3"
    );
    assert_eq!(
        f.docs[0].body.as_deref(),
        Some("A 15-year lease worth $5.5 billion.")
    );
}

#[test]
fn upper_case_hex_character_references() {
    let f = read("hex-entities.xml");
    assert_eq!(
        f.recovery.as_deref(),
        Some(
            "normalised entities (strict parser: malformed content: unable to parse XML: Parser \
             error: invalid character reference: invalid digit found in string)"
        )
    );
    assert_eq!(
        items(&f),
        vec![
            row(
                "IREN — Microsoft contract",
                "https://news.example/iren-msft",
                "iren-msft",
                "2025-11-03T13:00:00+00:00",
                "A five-year GPU cloud contract."
            ),
            row(
                "Second item",
                "https://news.example/second",
                "second",
                "",
                "Text."
            ),
        ]
    );
}

#[test]
fn undeclared_html_entities_and_bare_ampersands() {
    let f = read("undeclared-entities.xml");
    assert!(
        f.recovery
            .as_deref()
            .unwrap()
            .starts_with("normalised entities (strict parser: malformed content:"),
        "{:?}",
        f.recovery
    );
    assert_eq!(
        items(&f),
        vec![row(
            "Applied Digital signs CoreWeave leases — 250 MW",
            "https://news.example/apld-crwv?a=1&b=2",
            "apld-crwv",
            "2025-06-03T12:00:00+00:00",
            "Two 15-year leases at Ellendale; café AT&T."
        )]
    );
}

#[test]
fn doctype_like_text_in_a_description() {
    let f = read("doctype-in-description.xml");
    assert_eq!(f.recovery, None);
    assert_eq!(f.docs.len(), 2);
    assert_eq!(
        f.docs[0].summary.as_deref(),
        Some("About 70 MW more critical IT.")
    );
}

#[test]
fn an_encoding_declared_wrongly() {
    let f = read("encoding-declared-wrongly.xml");
    assert_eq!(
        f.recovery.as_deref(),
        Some("encoding declared as utf-8 but the bytes are not UTF-8: read as windows-1252")
    );
    assert_eq!(
        items(&f),
        vec![row(
            "Café “Galaxy” Helios",
            "https://news.example/glxy",
            "glxy-1",
            "2025-03-27T12:00:00+00:00",
            "CoreWeave exercises its option – more MW."
        )]
    );
}

#[test]
fn an_unclosed_element_and_an_unreadable_date_are_read_item_by_item() {
    let f = read("broken-item.xml");
    assert_eq!(
        f.recovery.as_deref(),
        Some(
            "read item by item (strict parser: malformed content: unable to parse XML: Parser \
             error: ill-formed document: expected `</b>`, but `</description>` was found)"
        )
    );
    assert_eq!(
        items(&f),
        vec![
            row(
                "Cipher and Fluidstack sign a 10-year agreement",
                "https://news.example/cifr-fluid",
                "cifr-fluid",
                "2025-09-25T12:00:00+00:00",
                "A lease of 168 MW critical IT"
            ),
            // the date does not read: the item is kept, and the store gives it the time it was
            // first seen
            row(
                "An item with a broken date",
                "https://news.example/second",
                "second",
                "",
                "Text < more text."
            ),
        ]
    );
}

#[test]
fn a_document_with_no_recoverable_item_keeps_the_strict_error() {
    let err = feed::parse(
        b"<html><body><p>Service unavailable</p></body></html>",
        None,
        "https://feeds.example/",
        DocKind::News,
        0,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "malformed content: unable to parse feed: no root element"
    );
}

#[test]
fn a_crawl_keeps_a_recovered_feed_and_says_how_it_was_read() {
    let s = Server::start();
    s.fixture(
        "/broken.xml",
        "crawl/recovery/broken-item.xml",
        "application/rss+xml",
    );
    s.fixture(
        "/malformed.xml",
        "crawl/malformed.xml",
        "application/rss+xml",
    );
    let mut cfg = test_config();
    cfg.sources = vec![
        feed_source("broken", &s.url("/broken.xml")),
        feed_source("malformed", &s.url("/malformed.xml")),
    ];
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["crawl", "--json"]);
    // the feed with no recoverable item still fails, with the strict parser's named error
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        ws.rows("SELECT title, coalesce(published_at, 'first seen ' || (fetched_at IS NOT NULL)) FROM documents ORDER BY id"),
        vec![
            vec![
                "Cipher and Fluidstack sign a 10-year agreement".to_string(),
                "2025-09-25T12:00:00Z".to_string()
            ],
            vec![
                "An item with a broken date".to_string(),
                "first seen 1".to_string()
            ],
        ]
    );
    let note = "read item by item (strict parser: malformed content: unable to parse XML: Parser \
                error: ill-formed document: expected `</b>`, but `</description>` was found)";
    assert_eq!(
        ws.rows("SELECT source, coalesce(note, '-'), coalesce(error, '-') FROM fetch_log ORDER BY source"),
        vec![
            vec!["broken".to_string(), note.to_string(), "-".to_string()],
            vec![
                "malformed".to_string(),
                "-".to_string(),
                "malformed content: unable to parse XML: Parser error: ill-formed document: \
                 expected `</description>`, but `</b>` was found"
                    .to_string()
            ],
        ]
    );
    // the failing one backs off like any failure
    assert_eq!(
        ws.rows("SELECT consecutive_failures, next_due_at IS NOT NULL FROM sources WHERE name = 'malformed'"),
        vec![vec!["1".to_string(), "1".to_string()]]
    );
    let status: serde_json::Value =
        serde_json::from_slice(&ws.run(&["status", "--json"]).stdout).unwrap();
    let broken = status
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "broken")
        .unwrap();
    assert_eq!(broken["last_note"], note);
    assert_eq!(broken["last_error"], serde_json::Value::Null);
    let text = stdout(&ws.run(&["status"]));
    assert!(text.contains(&format!("note: {note}")), "{text}");
}
