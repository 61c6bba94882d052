//! Test support, by purpose: `server` (the loopback HTTP server and the fixture files it serves),
//! `workspace` (a temporary data directory and the real binary run against it), `configs` (test
//! configurations), `edgar` (the sample SEC filings), `blackhole` (a port that never answers) and
//! `prices` (synthetic price series) and `tinyfs` (a small file system to fill or make read-only).
#![allow(dead_code, unused_imports)]

mod blackhole;
mod configs;
mod edgar;
mod prices;
mod server;
mod tinyfs;
mod workspace;

pub use blackhole::BlackHole;
pub use configs::*;
pub use edgar::serve_edgar;
pub use prices::wiggle;
pub use server::*;
pub use tinyfs::TinyFs;
pub use workspace::*;
