//! Test support: a loopback HTTP server serving fixtures (and misbehaving on purpose), and a
//! workspace that runs the real binary against a temporary data directory.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A request the server received.
#[derive(Debug, Clone)]
pub struct Req {
    pub path: String,
    pub headers: HashMap<String, String>,
    pub at: Instant,
}

impl Req {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }
}

/// A response, and how to misbehave while sending it.
#[derive(Clone, Default)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait this long before sending anything.
    pub delay: Option<Duration>,
    /// Send the headers and this many body bytes, then stall this long.
    pub stall_after: Option<(usize, Duration)>,
    /// Omit Content-Length (the body ends when the connection closes).
    pub no_length: bool,
}

impl Resp {
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Resp {
        Resp {
            status,
            body: body.into(),
            ..Default::default()
        }
    }
    pub fn ok(body: impl Into<Vec<u8>>) -> Resp {
        Resp::new(200, body)
    }
    pub fn header(mut self, k: &str, v: &str) -> Resp {
        self.headers.push((k.to_string(), v.to_string()));
        self
    }
    pub fn delay(mut self, d: Duration) -> Resp {
        self.delay = Some(d);
        self
    }
}

type Handler = Arc<dyn Fn(&Req) -> Resp + Send + Sync>;

pub struct Server {
    pub base: String,
    routes: Arc<Mutex<HashMap<String, Handler>>>,
    log: Arc<Mutex<Vec<Req>>>,
    stop: Arc<AtomicBool>,
    addr: std::net::SocketAddr,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().unwrap();
        let routes: Arc<Mutex<HashMap<String, Handler>>> = Arc::default();
        let log: Arc<Mutex<Vec<Req>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (r, l, s) = (routes.clone(), log.clone(), stop.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (r, l) = (r.clone(), l.clone());
                std::thread::spawn(move || handle(conn, &r, &l));
            }
        });
        Server {
            base: format!("http://{addr}"),
            routes,
            log,
            stop,
            addr,
        }
    }

    /// Serve a fixed response at `path` (path and query, e.g. "/feed.xml").
    pub fn route(&self, path: &str, resp: Resp) {
        self.handler(path, move |_| resp.clone());
    }

    pub fn handler(&self, path: &str, f: impl Fn(&Req) -> Resp + Send + Sync + 'static) {
        self.routes
            .lock()
            .unwrap()
            .insert(path.to_string(), Arc::new(f));
    }

    /// Serve a fixture file with `{{BASE}}` replaced by this server's base URL.
    pub fn fixture(&self, path: &str, file: &str, content_type: &str) {
        let body = fixture_with_base(file, &self.base);
        self.route(path, Resp::ok(body).header("Content-Type", content_type));
    }

    pub fn requests(&self) -> Vec<Req> {
        self.log.lock().unwrap().clone()
    }

    pub fn requests_to(&self, path: &str) -> Vec<Req> {
        self.requests()
            .into_iter()
            .filter(|r| r.path == path)
            .collect()
    }

    pub fn requests_to_prefix(&self, prefix: &str) -> Vec<Req> {
        self.requests()
            .into_iter()
            .filter(|r| r.path.starts_with(prefix))
            .collect()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

fn handle(mut conn: TcpStream, routes: &Mutex<HashMap<String, Handler>>, log: &Mutex<Vec<Req>>) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let req = Req {
        path: path.clone(),
        headers,
        at: Instant::now(),
    };
    log.lock().unwrap().push(req.clone());
    // exact path first, then a route registered as "PREFIX*"
    let handler = {
        let r = routes.lock().unwrap();
        r.get(&path).cloned().or_else(|| {
            r.iter()
                .filter_map(|(k, h)| {
                    k.strip_suffix('*')
                        .filter(|p| path.starts_with(p))
                        .map(|_| h.clone())
                })
                .next()
        })
    };
    let resp = match handler {
        Some(h) => h(&req),
        None => Resp::new(404, "not found"),
    };
    if let Some(d) = resp.delay {
        std::thread::sleep(d);
    }
    let mut head = format!("HTTP/1.1 {} X\r\nConnection: close\r\n", resp.status);
    for (k, v) in &resp.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !resp.no_length {
        head.push_str(&format!("Content-Length: {}\r\n", resp.body.len()));
    }
    head.push_str("\r\n");
    if conn.write_all(head.as_bytes()).is_err() {
        return;
    }
    match resp.stall_after {
        Some((n, d)) => {
            let _ = conn.write_all(&resp.body[..n.min(resp.body.len())]);
            let _ = conn.flush();
            std::thread::sleep(d);
        }
        None => {
            let _ = conn.write_all(&resp.body);
        }
    }
    let _ = conn.flush();
    let _ = conn.shutdown(Shutdown::Write);
    // drain what the client may still send so the close is clean
    let _ = conn.set_read_timeout(Some(Duration::from_millis(50)));
    let _ = conn.read(&mut [0u8; 256]);
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn fixture(file: &str) -> Vec<u8> {
    let p = fixtures_dir().join(file);
    std::fs::read(&p).unwrap_or_else(|e| panic!("reading fixture {}: {e}", p.display()))
}

/// A fixture with `{{BASE}}` replaced (bytes outside UTF-8 are kept as they are).
pub fn fixture_with_base(file: &str, base: &str) -> Vec<u8> {
    let raw = fixture(file);
    let needle = b"{{BASE}}";
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i..].starts_with(needle) {
            out.extend_from_slice(base.as_bytes());
            i += needle.len();
        } else {
            out.push(raw[i]);
            i += 1;
        }
    }
    out
}

/// A temporary data directory and config, and the binary run against them.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    /// `config` is a feeds.toml body; a `[crawl]` section tuned for loopback is prepended unless
    /// the body has its own.
    pub fn new(config: &str) -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        let body = if config.contains("[crawl]") {
            config.to_string()
        } else {
            format!("{}\n{config}", test_crawl_section())
        };
        std::fs::write(dir.path().join("feeds.toml"), body).unwrap();
        Workspace { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_hashpivot"));
        c.arg("--data-dir")
            .arg(self.path())
            .arg("--config")
            .arg(self.path().join("feeds.toml"))
            .args(args)
            .env_remove("HASHPIVOT_CONTACT")
            .env_remove("HASHPIVOT_DATA");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("running hashpivot")
    }

    pub fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.path().join("hashpivot.db")).unwrap()
    }

    /// Rows of a query as strings (NULL as "NULL"), for exact comparisons.
    pub fn rows(&self, sql: &str) -> Vec<Vec<String>> {
        let db = self.db();
        let mut st = db.prepare(sql).unwrap();
        let n = st.column_count();
        st.query_map([], |r| {
            Ok((0..n)
                .map(|i| match r.get_ref(i).unwrap() {
                    rusqlite::types::ValueRef::Null => "NULL".to_string(),
                    rusqlite::types::ValueRef::Integer(x) => x.to_string(),
                    rusqlite::types::ValueRef::Real(x) => x.to_string(),
                    rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    rusqlite::types::ValueRef::Blob(_) => "<blob>".to_string(),
                })
                .collect())
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.db().query_row(sql, [], |r| r.get(0)).unwrap()
    }
}

/// Crawl settings for loopback tests: no gap between requests, short timeouts, a contact.
pub fn test_crawl_section() -> String {
    r#"[crawl]
user_agent = "hashpivot-test/1.0"
contact = "tests@hashpivot.example"
concurrency = 4
per_host_interval_ms = 0
connect_timeout_secs = 1
timeout_secs = 2
max_body_bytes = 200000
fetch_articles = false
backoff_base_secs = 300
"#
    .to_string()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A loopback port that accepts no connection: its listen queue (backlog 0) is filled by us, so a
/// client's SYN is dropped and its connect times out.
pub struct BlackHole {
    pub port: u16,
    _fd: i32,
    _held: Vec<TcpStream>,
}

impl BlackHole {
    pub fn new() -> BlackHole {
        unsafe {
            let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
            assert!(fd >= 0);
            let mut addr: libc::sockaddr_in = std::mem::zeroed();
            addr.sin_family = libc::AF_INET as libc::sa_family_t;
            addr.sin_addr.s_addr = u32::from_ne_bytes([127, 0, 0, 1]);
            addr.sin_port = 0;
            let rc = libc::bind(
                fd,
                &addr as *const libc::sockaddr_in as *const libc::sockaddr,
                std::mem::size_of::<libc::sockaddr_in>() as u32,
            );
            assert_eq!(rc, 0);
            assert_eq!(libc::listen(fd, 0), 0);
            let mut len = std::mem::size_of::<libc::sockaddr_in>() as u32;
            libc::getsockname(
                fd,
                &mut addr as *mut libc::sockaddr_in as *mut libc::sockaddr,
                &mut len,
            );
            let port = u16::from_be(addr.sin_port);
            let target: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
            let mut held = Vec::new();
            for _ in 0..8 {
                match TcpStream::connect_timeout(&target, Duration::from_millis(300)) {
                    Ok(s) => held.push(s),
                    Err(_) => break,
                }
            }
            BlackHole {
                port,
                _fd: fd,
                _held: held,
            }
        }
    }
}

impl Drop for BlackHole {
    fn drop(&mut self) {
        unsafe {
            libc::close(self._fd);
        }
    }
}

pub fn edgar_config(s: &Server, contact: bool) -> String {
    let mut c = test_crawl_section();
    if !contact {
        c = c.replace("contact = \"tests@hashpivot.example\"\n", "");
    }
    format!(
        "{c}
[edgar]
submissions_url = \"{b}/submissions\"
archives_url = \"{b}/Archives/edgar/data\"
forms = [\"8-K\", \"6-K\"]
requests_per_second = 5
since = \"2024-01-01\"

[[company]]
ticker = \"CORZ\"
name = \"Core Scientific\"
cik = \"1839341\"

[[company]]
ticker = \"BTDR\"
name = \"Bitdeer\"
cik = \"0001899123\"
current_report_form = \"6-K\"
",
        b = s.base
    )
}

/// The sample EDGAR filings: Core Scientific's are the demo's (data/demo), Bitdeer's are test-only.
pub fn serve_edgar(s: &Server) {
    let e = "crawl/edgar/";
    let demo = "../../data/demo/";
    s.fixture(
        "/submissions/CIK0001839341.json",
        &format!("{demo}corz-submissions.json"),
        "application/json",
    );
    let corz24 = "/Archives/edgar/data/1839341/000162828024043341/";
    s.fixture(
        &format!("{corz24}0001628280-24-043341-index.htm"),
        &format!("{demo}corz-2024-index.htm"),
        "text/html",
    );
    s.fixture(
        &format!("{corz24}corz-20241022.htm"),
        &format!("{demo}corz-20241022.htm"),
        "text/html",
    );
    s.fixture(
        &format!("{corz24}corescientifichpcoption3re.htm"),
        &format!("{demo}corz-ex99.htm"),
        "text/html",
    );
    let corz25 = "/Archives/edgar/data/1839341/000183934125000101/";
    s.fixture(
        &format!("{corz25}0001839341-25-000101-index.htm"),
        &format!("{demo}corz-2025-index.htm"),
        "text/html",
    );
    s.fixture(
        &format!("{corz25}corz-20251030.htm"),
        &format!("{demo}corz-20251030.htm"),
        "text/html",
    );
    s.fixture(
        "/submissions/CIK0001899123.json",
        &format!("{e}CIK0001899123.json"),
        "application/json",
    );
    let btdr = "/Archives/edgar/data/1899123/000121390026061234/";
    s.fixture(
        &format!("{btdr}0001213900-26-061234-index.htm"),
        &format!("{e}btdr-index.htm"),
        "text/html",
    );
    s.fixture(
        &format!("{btdr}ea0261234-6k_bitdeer.htm"),
        &format!("{e}ea0261234-6k_bitdeer.htm"),
        "text/html",
    );
    s.fixture(
        &format!("{btdr}ea026123401ex99-1_bitdeer.htm"),
        &format!("{e}ea026123401ex99-1_bitdeer.htm"),
        "text/html",
    );
}

/// The shipped universe and counterparties of feeds.toml (its [[company]] and [[counterparty]] tables).
pub fn universe() -> String {
    let starter = std::fs::read_to_string(fixtures_dir().join("../../feeds.toml")).unwrap();
    let start = starter.find("[[company]]").unwrap();
    let end = starter.find("[[source]]").unwrap();
    starter[start..end].to_string()
}

/// A `[[source]]` table for a feed.
pub fn feed(name: &str, url: &str) -> String {
    format!("[[source]]\nname = \"{name}\"\nkind = \"feed\"\nurl = \"{url}\"\n")
}

/// A deterministic wiggle in [-1, 1] for synthetic price series.
pub fn wiggle(i: usize, k: u64) -> f64 {
    let x = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15 ^ k);
    let x = (x ^ (x >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    ((x >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
}
