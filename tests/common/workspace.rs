//! A temporary data directory and configuration, the real binary run against them, and what it
//! stored read back.

use std::path::Path;
use std::process::{Command, Output};

use super::configs::test_crawl_section;

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

    /// A workspace whose feeds.toml is `config`, written out.
    pub fn with_config(config: &hashpivot::config::Config) -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        let body = config.to_toml().expect("the configuration as TOML");
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

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// One source's entry in a `crawl --json` report.
pub fn source_report(report: &serde_json::Value, name: &str) -> serde_json::Value {
    report["sources"]
        .as_array()
        .expect("a crawl report")
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no source {name} in the report"))
        .clone()
}
