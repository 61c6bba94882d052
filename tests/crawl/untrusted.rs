//! Links from a feed anyone can write: only http(s), no credentials, no non-public address but
//! the source's own host, every redirect hop checked, and the address checked is the address
//! connected to (a name that resolves again to a private address, DNS rebinding, gets nowhere).

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use hashpivot::http::{Client, Conditional, FetchError, Lookup};

use crate::common::*;

/// A resolver that answers each name from a script: one answer per call, the last repeated.
struct Scripted {
    answers: Mutex<HashMap<String, VecDeque<Vec<IpAddr>>>>,
    calls: AtomicUsize,
}

impl Scripted {
    fn new(script: &[(&str, &[&[&str]])]) -> Arc<Scripted> {
        let answers = script
            .iter()
            .map(|(name, answers)| {
                let answers = answers
                    .iter()
                    .map(|a| a.iter().map(|ip| ip.parse().unwrap()).collect())
                    .collect();
                (name.to_string(), answers)
            })
            .collect();
        Arc::new(Scripted {
            answers: Mutex::new(answers),
            calls: AtomicUsize::new(0),
        })
    }
}

impl Lookup for Scripted {
    fn lookup(
        &self,
        name: &str,
    ) -> Pin<Box<dyn Future<Output = std::io::Result<Vec<IpAddr>>> + Send>> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        let mut all = self.answers.lock().unwrap();
        let answer = match all.get_mut(name) {
            Some(q) if q.len() > 1 => q.pop_front(),
            Some(q) => q.front().cloned(),
            None => None,
        };
        Box::pin(async move {
            answer.ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such name"))
        })
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn client(lookup: Arc<Scripted>) -> Client {
    let mut cfg = test_config();
    cfg.crawl.per_host_interval_ms = 0;
    Client::with_lookup(&cfg, lookup).unwrap()
}

/// The paths the server was asked for, in order.
fn paths(s: &Server) -> Vec<String> {
    s.requests().into_iter().map(|r| r.path).collect()
}

fn port_of(s: &Server) -> String {
    s.base.rsplit(':').next().unwrap().to_string()
}

/// The refusal of a link, as its message.
fn refusal(r: Result<Conditional, FetchError>) -> String {
    match r {
        Err(e @ FetchError::LinkRefused { .. }) => e.to_string(),
        Err(other) => panic!("not a refused link: {other:?}"),
        Ok(_) => panic!("the link was fetched"),
    }
}

const PUBLIC: &str = "93.184.215.14";

/// `rebind.example`: a public address to the first lookup, loopback to every later one.
fn rebinds() -> Arc<Scripted> {
    Scripted::new(&[("rebind.example", &[&[PUBLIC], &["127.0.0.1"]])])
}

#[test]
fn a_name_that_rebinds_to_loopback_after_the_check_gets_no_request_through() {
    let s = Server::start();
    s.route("/secret", Resp::ok("internal answer"));
    // public to the check before the request, loopback to the connection
    let dns = rebinds();
    let c = client(dns.clone());
    let link = format!("http://rebind.example:{}/secret", port_of(&s));
    let msg =
        refusal(runtime().block_on(c.get_link(&link, Some("127.0.0.1"), &Default::default())));
    assert_eq!(
        msg,
        format!(
            "link {link} refused: rebind.example resolves only to private addresses (127.0.0.1); \
             only the source's own host may (set allow_private_addresses under [crawl] to allow \
             every private address)"
        )
    );
    assert!(s.requests().is_empty(), "the loopback server was reached");
    // the connection asked our resolver, not the system's: the check, then the connection
    assert_eq!(dns.calls.load(Ordering::SeqCst), 2);
}

#[test]
fn a_redirect_to_a_name_that_rebinds_is_refused_at_the_hop() {
    let s = Server::start();
    let port = port_of(&s);
    s.route(
        "/hop",
        Resp::new(302, "").header("Location", &format!("http://rebind.example:{port}/secret")),
    );
    s.route("/secret", Resp::ok("internal answer"));
    let dns = rebinds();
    let c = client(dns);
    let msg = refusal(runtime().block_on(c.get_link(
        &s.url("/hop"),
        Some("127.0.0.1"),
        &Default::default(),
    )));
    assert!(
        msg.starts_with(&format!("link http://rebind.example:{port}/secret refused: rebind.example resolves only to private addresses (127.0.0.1)")),
        "{msg}"
    );
    assert_eq!(paths(&s), ["/hop"]);
}

#[test]
fn the_sources_own_host_name_still_reaches_its_private_address() {
    let s = Server::start();
    s.route("/page", Resp::ok("<p>Hello.</p>"));
    let dns = Scripted::new(&[("intranet.example", &[&["127.0.0.1"]])]);
    let c = client(dns);
    let link = format!("http://intranet.example:{}/page", port_of(&s));
    let got = runtime()
        .block_on(c.get_link(&link, Some("intranet.example"), &Default::default()))
        .unwrap();
    let Conditional::Modified(f) = got else {
        panic!("not modified?")
    };
    assert_eq!(f.body, b"<p>Hello.</p>");
    // and the same name from another source's feed is refused
    let msg =
        refusal(runtime().block_on(c.get_link(&link, Some("news.example"), &Default::default())));
    assert!(
        msg.contains("intranet.example resolves only to private addresses (127.0.0.1)"),
        "{msg}"
    );
    assert_eq!(paths(&s), ["/page"]);
}

#[test]
fn a_webhook_redirected_to_a_name_that_rebinds_posts_nothing_there() {
    let s = Server::start();
    let port = port_of(&s);
    s.route(
        "/hook",
        Resp::new(307, "").header(
            "Location",
            &format!("http://rebind.example:{port}/internal"),
        ),
    );
    s.route("/internal", Resp::ok("taken"));
    let dns = rebinds();
    let c = client(dns);
    let err = runtime()
        .block_on(c.post_json(&s.url("/hook"), b"{}"))
        .unwrap_err();
    assert!(
        err.to_string().starts_with(&format!(
            "link http://rebind.example:{port}/internal refused: rebind.example resolves only to private addresses"
        )),
        "{err}"
    );
    assert_eq!(paths(&s), ["/hook"]);
}

#[test]
fn refused_links_are_one_note_per_host_and_no_failure() {
    let s = Server::start();
    let port = port_of(&s);
    let items: String = ["a", "b"]
        .iter()
        .map(|g| {
            format!(
                "<item><title>Item {g}</title><link>http://localhost:{port}/{g}</link><guid>{g}</guid><description>Short.</description></item>"
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
    let mut cfg = test_config();
    cfg.crawl.fetch_articles = true;
    cfg.sources = vec![feed_source("F", &s.url("/feed.xml"))];
    let ws = Workspace::with_config(&cfg);
    let out = ws.run(&["crawl", "--no-analyze"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let notes: Vec<&str> = err.lines().filter(|l| l.starts_with("note: ")).collect();
    assert_eq!(notes.len(), 1, "{err}");
    assert!(
        notes[0].starts_with(
            "note: 2 links to localhost refused: localhost resolves only to private addresses ("
        ),
        "{err}"
    );
    assert!(!err.contains("failed"), "{err}");
    assert!(
        stdout(&out).contains("1 fetched, 0 unchanged, 0 failed"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains(", 2 links refused"),
        "{}",
        stdout(&out)
    );
    assert_eq!(paths(&s), ["/feed.xml"]);
}

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
            st.starts_with("refused: link ") && st.contains(" refused: ") && st.contains(why),
            "{guid}: {st}"
        );
    };
    refused(
        "localhost",
        "localhost resolves only to private addresses (",
    );
    refused("creds", "credentials in a link are never sent");
    refused("file", "the file scheme is never fetched");
    refused("data", "the data scheme is never fetched");
    refused("redirect", "localhost resolves only to private addresses (");
    refused("private", "10.0.0.1 is not a public address");
    refused("v6", "::1 is not a public address");
}
