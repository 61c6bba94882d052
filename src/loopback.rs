//! A small HTTP/1.1 server on 127.0.0.1 for the demo and the tests: fixed or computed responses per
//! path, a log of the requests it received, and misbehaviour on demand (a delay before answering,
//! a stall in the middle of the body, a body without Content-Length) so the crawler's named errors
//! can be provoked. One thread per connection; every connection is closed after one response.
//! Never used to reach anything but loopback.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// A request the server received.
#[derive(Debug, Clone)]
pub struct Req {
    /// GET, POST ...
    pub method: String,
    /// Path and query, as sent.
    pub path: String,
    /// Header names lower-cased.
    pub headers: HashMap<String, String>,
    /// The request body (read by its Content-Length; empty without one).
    pub body: Vec<u8>,
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
#[derive(Debug, Clone, Default)]
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
type Routes = Arc<Mutex<HashMap<String, Handler>>>;

/// The server; it stops accepting when dropped.
pub struct Server {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    routes: Routes,
    log: Arc<Mutex<Vec<Req>>>,
    stop: Arc<AtomicBool>,
    addr: SocketAddr,
}

impl Server {
    /// Listen on a free loopback port.
    pub fn start() -> std::io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let routes: Routes = Arc::default();
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
        Ok(Server {
            base: format!("http://{addr}"),
            routes,
            log,
            stop,
            addr,
        })
    }

    /// Serve a fixed response at `path` (path and query, e.g. "/feed.xml"; a path ending in `*`
    /// serves every path that starts with the rest).
    pub fn route(&self, path: &str, resp: Resp) {
        self.handler(path, move |_| resp.clone());
    }

    /// Serve a response computed from each request.
    pub fn handler(&self, path: &str, f: impl Fn(&Req) -> Resp + Send + Sync + 'static) {
        self.routes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path.to_string(), Arc::new(f));
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<Req> {
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
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

/// The handler for a path: the exact path (with its query), then the path without its query, then
/// a route registered as "PREFIX*".
fn find(routes: &Routes, path: &str) -> Option<Handler> {
    let r = routes.lock().unwrap_or_else(PoisonError::into_inner);
    let bare = path.split('?').next().unwrap_or(path);
    r.get(path).or_else(|| r.get(bare)).cloned().or_else(|| {
        r.iter()
            .filter_map(|(k, h)| {
                k.strip_suffix('*')
                    .filter(|p| path.starts_with(p))
                    .map(|_| h.clone())
            })
            .next()
    })
}

fn read_request(conn: &TcpStream) -> Option<Req> {
    let mut reader = BufReader::new(conn.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let method = line.split_whitespace().next().unwrap_or("GET").to_string();
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).map_or(true, |n| n == 0) || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let len = headers
        .get("content-length")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(0)
        .min(10_000_000);
    let mut body = vec![0u8; len];
    if len > 0 {
        reader.read_exact(&mut body).ok()?;
    }
    Some(Req {
        method,
        path,
        headers,
        body,
        at: Instant::now(),
    })
}

fn handle(mut conn: TcpStream, routes: &Routes, log: &Mutex<Vec<Req>>) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(5)));
    let Some(req) = read_request(&conn) else {
        return;
    };
    log.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(req.clone());
    let resp = match find(routes, &req.path) {
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

/// `body` with every `{{BASE}}` replaced by `base` (bytes outside UTF-8 are kept as they are):
/// fixtures link to the server that serves them.
pub fn with_base(body: &[u8], base: &str) -> Vec<u8> {
    let needle = b"{{BASE}}";
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body[i..].starts_with(needle) {
            out.extend_from_slice(base.as_bytes());
            i += needle.len();
        } else {
            out.push(body[i]);
            i += 1;
        }
    }
    out
}
