//! The loopback server of the library (`hashpivot::loopback`, also the demo's), with the tests'
//! conveniences: start it or panic, and serve fixture files from `tests/fixtures/`.

use std::path::{Path, PathBuf};

pub use hashpivot::loopback::{Req, Resp};

/// The loopback server; dereferences to `hashpivot::loopback::Server`.
pub struct Server(hashpivot::loopback::Server);

impl Server {
    pub fn start() -> Server {
        Server(hashpivot::loopback::Server::start().expect("bind loopback"))
    }

    /// Serve a fixture file with `{{BASE}}` replaced by this server's base URL.
    pub fn fixture(&self, path: &str, file: &str, content_type: &str) {
        let body = fixture_with_base(file, &self.base);
        self.route(path, Resp::ok(body).header("Content-Type", content_type));
    }
}

impl std::ops::Deref for Server {
    type Target = hashpivot::loopback::Server;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
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
    hashpivot::loopback::with_base(&fixture(file), base)
}
