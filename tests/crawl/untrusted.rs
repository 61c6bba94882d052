//! Links from a feed anyone can write: only http(s), no credentials, no non-public address but
//! the source's own host, every redirect hop checked.

use crate::common::*;

#[test]
fn a_hostile_feed_gets_none_of_its_dangerous_links_requested() {
    let s = Server::start();
    let port = s.base.rsplit(':').next().unwrap().to_string();
    let links = [
        ("ok", s.url("/ok")),
        (
            "localhost",
            format!("http://localhost:{port}/ssrf-localhost"),
        ),
        (
            "creds",
            format!("http://user:pw@127.0.0.1:{port}/ssrf-creds"),
        ),
        ("file", "file:///etc/passwd".to_string()),
        ("data", "data:text/html,<p>ssrf</p>".to_string()),
        ("redirect", s.url("/redirect-out")),
        ("private", "http://10.0.0.1/ssrf-private".to_string()),
        ("v6", format!("http://[::1]:{port}/ssrf-v6")),
    ];
    let items: String = links
        .iter()
        .map(|(g, l)| {
            format!(
                "<item><title>Item {g}</title><link>{}</link><guid>{g}</guid><description>Short.</description></item>",
                l.replace('&', "&amp;").replace('<', "&lt;")
            )
        })
        .collect();
    s.route(
        "/feed.xml",
        Resp::ok(format!(
            "<rss version=\"2.0\"><channel><title>t</title>{items}</channel></rss>"
        ))
        .header("Content-Type", "application/rss+xml"),
    );
    s.route(
        "/ok",
        Resp::ok("<html><body><p>Fine.</p></body></html>").header("Content-Type", "text/html"),
    );
    s.route(
        "/redirect-out",
        Resp::new(302, "").header(
            "Location",
            &format!("http://localhost:{port}/ssrf-redirect"),
        ),
    );
    let mut cfg = test_config();
    cfg.crawl.fetch_articles = true;
    cfg.sources = vec![feed_source("F", &s.url("/feed.xml"))];
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["crawl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut paths: Vec<String> = s.requests().into_iter().map(|r| r.path).collect();
    paths.sort();
    paths.dedup();
    assert_eq!(paths, ["/feed.xml", "/ok", "/redirect-out", "/robots.txt"]);
    let status = |guid: &str| {
        ws.rows(&format!(
            "SELECT article_status FROM documents WHERE guid = '{guid}'"
        ))[0][0]
            .clone()
    };
    assert_eq!(status("ok"), "no_text");
    let refused = |guid: &str, why: &str| {
        let st = status(guid);
        assert!(
            st.starts_with("failed: link ") && st.contains(" refused: ") && st.contains(why),
            "{guid}: {st}"
        );
    };
    refused(
        "localhost",
        "localhost resolves to 127.0.0.1 is not a public address",
    );
    refused("creds", "credentials in a link are never sent");
    refused("file", "the file scheme is never fetched");
    refused("data", "the data scheme is never fetched");
    refused(
        "redirect",
        "localhost resolves to 127.0.0.1 is not a public address",
    );
    refused("private", "10.0.0.1 is not a public address");
    refused("v6", "::1 is not a public address");
}
