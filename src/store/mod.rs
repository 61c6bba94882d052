//! SQLite, the source of truth. Only this module writes SQL.
//!
//! The database lives at `<data-dir>/hashpivot.db`, in WAL mode with foreign keys on. Migrations are
//! numbered and recorded in `meta.schema_version`; each runs in its own transaction, so a crash
//! mid-migration leaves the previous version intact.

mod alerts;
mod analysis;
mod document_views;
mod documents;
mod prices;
mod sources;

pub use alerts::{AlertPlan, AlertRow, Attempt, DeliveryRow, PendingDelivery, deal_signature};
pub use analysis::{
    AnalysisDoc, ClusterInput, DealFilter, DealReport, KindFilter, NewDeal, Reconciled,
};
pub use document_views::{EXPORT_BATCH, ExportDoc, IndexDoc};
pub use documents::{InsertOutcome, PendingArticle, hash_content};
pub use prices::{PriceImport, TickerCoverage};
pub use sources::{FetchLogEntry, FetchSummary, SourceRow, SourceState};

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

/// Errors of the store. Database errors carry the operation that failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Not a database, or a damaged one (SQLite's NOTADB and CORRUPT): said plainly, with what
    /// to do, never a panic.
    #[error(
        "the database at {path} is damaged: {detail} (restore it from a backup, or move it aside \
         and crawl again into a new one)"
    )]
    Damaged { path: String, detail: String },
    #[error("opening database {path}: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error(
        "database {path} has schema version {found}, newer than this hashpivot knows ({known}); upgrade hashpivot"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("{context}: {source}")]
    Sql {
        context: &'static str,
        source: rusqlite::Error,
    },
}

pub(crate) trait SqlContext<T> {
    fn ctx(self, context: &'static str) -> Result<T, StoreError>;
}

impl<T> SqlContext<T> for Result<T, rusqlite::Error> {
    fn ctx(self, context: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Sql { context, source })
    }
}

/// Schema migrations, applied in order. Never edit a released one: add a new one.
const MIGRATIONS: &[&str] = &[
    // 1: sources, documents, fetch_log (ingestion)
    r#"
    CREATE TABLE sources (
        name                 TEXT PRIMARY KEY,
        kind                 TEXT NOT NULL,
        url                  TEXT NOT NULL,
        etag                 TEXT,
        last_modified        TEXT,
        last_fetched_at      TEXT,
        last_status          INTEGER,
        last_error           TEXT,
        last_new_items       INTEGER,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_due_at          TEXT
    );
    CREATE TABLE documents (
        id             INTEGER PRIMARY KEY,
        source         TEXT NOT NULL REFERENCES sources(name) ON UPDATE CASCADE,
        kind           TEXT NOT NULL CHECK (kind IN ('news', 'press_release', 'filing')),
        url            TEXT,
        canonical_url  TEXT UNIQUE,
        guid           TEXT,
        title          TEXT NOT NULL,
        summary        TEXT,
        body           TEXT,
        author         TEXT,
        published_at   TEXT,
        fetched_at     TEXT NOT NULL,
        updated_at     TEXT,
        content_hash   TEXT NOT NULL,
        sentiment      REAL,
        cik            TEXT,
        form_type      TEXT,
        accession_no   TEXT UNIQUE,
        items          TEXT,
        article_status TEXT,
        UNIQUE (source, guid)
    );
    CREATE INDEX documents_content_hash ON documents(content_hash);
    CREATE INDEX documents_published ON documents(published_at);
    CREATE INDEX documents_article_pending ON documents(article_status) WHERE article_status = 'pending';
    CREATE TABLE fetch_log (
        id          INTEGER PRIMARY KEY,
        source      TEXT NOT NULL,
        url         TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        http_status INTEGER,
        bytes       INTEGER,
        new_items   INTEGER,
        error       TEXT
    );
    CREATE INDEX fetch_log_source ON fetch_log(source, started_at);
    "#,
    // 2: daily prices (market)
    r#"
    CREATE TABLE prices (
        ticker    TEXT NOT NULL,
        date      TEXT NOT NULL,
        open      REAL,
        high      REAL,
        low       REAL,
        close     REAL NOT NULL CHECK (close > 0),
        adj_close REAL CHECK (adj_close IS NULL OR adj_close > 0),
        volume    REAL,
        source    TEXT NOT NULL,
        PRIMARY KEY (ticker, date)
    ) WITHOUT ROWID;
    "#,
    // 3: analysis (mentions, per-document detections, deals)
    r#"
    ALTER TABLE documents ADD COLUMN sentiment_method TEXT;
    ALTER TABLE documents ADD COLUMN analyzed_at TEXT;
    CREATE INDEX documents_unanalyzed ON documents(id) WHERE analyzed_at IS NULL;
    CREATE TABLE mentions (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ticker      TEXT NOT NULL,
        relevance   INTEGER NOT NULL,
        in_title    INTEGER NOT NULL,
        count       INTEGER NOT NULL,
        PRIMARY KEY (document_id, ticker)
    );
    CREATE INDEX mentions_ticker ON mentions(ticker, relevance);
    CREATE TABLE detections (
        document_id            INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        kind                   TEXT NOT NULL,
        ticker                 TEXT NOT NULL,
        counterparty           TEXT NOT NULL,
        counterparty_class     TEXT,
        deal_type              TEXT NOT NULL,
        value_usd              REAL,
        value_with_options_usd REAL,
        rate_usd_per_mw_year   REAL,
        capacity_mw            REAL,
        capacity_basis         TEXT,
        term_years             REAL,
        confidence             REAL NOT NULL,
        evidence               TEXT NOT NULL
    );
    CREATE TABLE deals (
        id                     INTEGER PRIMARY KEY,
        ticker                 TEXT NOT NULL,
        counterparty           TEXT NOT NULL,
        counterparty_class     TEXT,
        deal_type              TEXT NOT NULL,
        kind                   TEXT NOT NULL DEFAULT 'deal',
        value_usd              REAL,
        value_with_options_usd REAL,
        rate_usd_per_mw_year   REAL,
        capacity_mw            REAL,
        capacity_basis         TEXT,
        term_years             REAL,
        announced_at           TEXT NOT NULL,
        event_day              TEXT NOT NULL,
        n_documents            INTEGER NOT NULL DEFAULT 0,
        sentiment              REAL,
        confidence             REAL,
        origin                 TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'curated')),
        status                 TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'rejected')),
        note                   TEXT,
        first_document_id      INTEGER,
        first_source           TEXT,
        evidence               TEXT,
        updated_at             TEXT
    );
    CREATE INDEX deals_ticker ON deals(ticker, event_day);
    CREATE TABLE deal_documents (
        deal_id     INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        evidence    TEXT,
        PRIMARY KEY (deal_id, document_id)
    );
    "#,
    // 4: search index bookkeeping (the tantivy index is derived; NULL = to be (re)indexed)
    r#"
    ALTER TABLE documents ADD COLUMN indexed_at TEXT;
    CREATE INDEX documents_unindexed ON documents(id) WHERE indexed_at IS NULL;
    "#,
    // 5: find a document's deal without scanning every link
    r#"
    CREATE INDEX deal_documents_document ON deal_documents(document_id);
    "#,
    // 6: how a fetch was read when it needed recovery (a feed the strict parser refused)
    r#"
    ALTER TABLE fetch_log ADD COLUMN note TEXT;
    ALTER TABLE sources ADD COLUMN last_note TEXT;
    "#,
    // 7: alerts (the decision, written with what caused it) and their deliveries per channel; when
    // a deal's terms last changed (the Atom feed's `updated`)
    r#"
    CREATE TABLE alerts (
        id          TEXT PRIMARY KEY,
        event       TEXT NOT NULL CHECK (event IN ('new_deal', 'updated_deal', 'filing', 'press_release')),
        deal_key    INTEGER,
        document_id INTEGER,
        ticker      TEXT NOT NULL,
        signature   TEXT,
        payload     TEXT NOT NULL,
        created_at  TEXT NOT NULL
    );
    CREATE INDEX alerts_deal_key ON alerts(deal_key);
    CREATE TABLE alert_deliveries (
        alert_id        TEXT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
        channel         TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error      TEXT,
        delivered_at    TEXT,
        PRIMARY KEY (alert_id, channel)
    );
    CREATE INDEX alert_deliveries_pending ON alert_deliveries(status, next_attempt_at);
    ALTER TABLE deals ADD COLUMN terms_updated_at TEXT;
    "#,
    // 8: where each term was read, and the other parties (guarantor, end user, vendor, lender), as
    // JSON; what kind of story each document is; the tone about each company a document mentions
    r#"
    ALTER TABLE documents ADD COLUMN genre TEXT;
    ALTER TABLE mentions ADD COLUMN tone REAL;
    ALTER TABLE detections ADD COLUMN term_phrases TEXT;
    ALTER TABLE detections ADD COLUMN parties TEXT;
    ALTER TABLE deals ADD COLUMN term_phrases TEXT;
    ALTER TABLE deals ADD COLUMN parties TEXT;
    "#,
    // 9: why a document was (or was not) taken as a deal: the evidence for and against and the
    // readings of terms rejected, on detections and deals; when a user reviewed a deal
    r#"
    ALTER TABLE detections ADD COLUMN reasons TEXT;
    ALTER TABLE deals ADD COLUMN reasons TEXT;
    ALTER TABLE deals ADD COLUMN reviewed_at TEXT;
    ALTER TABLE documents ADD COLUMN deal_reasons TEXT;
    "#,
    // 10: the documents to (re)index in a narrow table of their ids. Marking a million documents
    // indexed rewrote a million rows of text (a page each): half a rebuild's time. Writers still
    // say "reindex this" by setting `documents.indexed_at` to NULL (the row is being written
    // anyway); a trigger queues the id, and indexing removes it from the queue, never touching the
    // row. `indexed_at` is now only that signal.
    r#"
    CREATE TABLE index_queue (document_id INTEGER PRIMARY KEY);
    INSERT INTO index_queue(document_id) SELECT id FROM documents WHERE indexed_at IS NULL;
    DROP INDEX documents_unindexed;
    CREATE TRIGGER index_queue_new AFTER INSERT ON documents
        BEGIN INSERT OR IGNORE INTO index_queue(document_id) VALUES (NEW.id); END;
    CREATE TRIGGER index_queue_changed AFTER UPDATE OF indexed_at ON documents
        WHEN NEW.indexed_at IS NULL
        BEGIN INSERT OR IGNORE INTO index_queue(document_id) VALUES (NEW.id); END;
    CREATE TRIGGER index_queue_gone AFTER DELETE ON documents
        BEGIN DELETE FROM index_queue WHERE document_id = OLD.id; END;
    "#,
];

pub struct Store {
    conn: Connection,
}

impl Store {
    /// Open (creating if needed) the database in `data_dir` and bring its schema up to date.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        let path = data_dir.join("hashpivot.db");
        let shown = path.display().to_string();
        std::fs::create_dir_all(data_dir).map_err(|e| StoreError::Open {
            path: shown.clone(),
            source: rusqlite::Error::ToSqlConversionFailure(Box::new(e)),
        })?;
        let conn = Connection::open(&path).map_err(|source| StoreError::Open {
            path: shown.clone(),
            source,
        })?;
        Self::setup(conn, &shown)
    }

    /// An in-memory store, for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: ":memory:".into(),
            source,
        })?;
        Self::setup(conn, ":memory:")
    }

    fn setup(conn: Connection, shown: &str) -> Result<Store, StoreError> {
        let open_err = |source: rusqlite::Error| match source.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
                StoreError::Damaged {
                    path: shown.to_string(),
                    detail: source.to_string(),
                }
            }
            _ => StoreError::Open {
                path: shown.to_string(),
                source,
            },
        };
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(open_err)?;
        // WAL: readers (status, search) never block the crawl's writer, and a killed writer leaves
        // a database that recovers on the next open. NORMAL sync is durable across process crashes.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(open_err)?;
        let mut store = Store { conn };
        match store.migrate(shown) {
            Err(StoreError::Sql { source, .. })
                if matches!(
                    source.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
                ) =>
            {
                Err(StoreError::Damaged {
                    path: shown.to_string(),
                    detail: source.to_string(),
                })
            }
            Err(e) => Err(e),
            Ok(()) => Ok(store),
        }
    }

    fn migrate(&mut self, shown: &str) -> Result<(), StoreError> {
        self.conn
            .execute_batch(
                "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            )
            .ctx("creating meta table")?;
        let version: i64 = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .ctx("reading schema version")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::TooNew {
                path: shown.to_string(),
                found: version,
                known,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = self.conn.transaction().ctx("starting migration")?;
            tx.execute_batch(sql).ctx("applying migration")?;
            tx.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?1)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [(i + 1).to_string()],
            )
            .ctx("recording schema version")?;
            tx.commit().ctx("committing migration")?;
        }
        Ok(())
    }

    /// For a command that writes many documents (`crawl`, `watch`): this connection's temporary
    /// storage is kept in memory (`PRAGMA temp_store = MEMORY`). Every insert into `documents`
    /// is a statement inside the batch's transaction that its triggers, foreign key and checks
    /// can abort, so SQLite keeps a statement journal for it; in memory, the crawl bench's 10,000
    /// items were stored in 200–220 ms instead of 310–370 ms. Not the default: the same setting
    /// would keep a large query's temporary tables in memory too.
    pub fn ingesting(&self) -> Result<(), StoreError> {
        self.conn
            .pragma_update(None, "temp_store", "MEMORY")
            .ctx("keeping temporary storage in memory")
    }

    /// Runs `f` in one transaction. The fetches `f` stores (`commit_fetch`, `record_fetch`) are
    /// savepoints inside it, each undone alone when it fails, and are committed together when `f`
    /// returns: one commit where there were one per source (the crawl bench's hundred commits
    /// took 0.14 s). When that commit fails (a full disk), nothing `f` wrote is kept and the
    /// error says so; the caller stores the fetches again one by one.
    pub fn batch<T>(&mut self, f: impl FnOnce(&mut Store) -> T) -> Result<T, StoreError> {
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .ctx("starting a batch of writes")?;
        let out = f(self);
        match self.conn.execute_batch("COMMIT") {
            Ok(()) => Ok(out),
            Err(e) => {
                // (a failed COMMIT may leave the transaction open; it is rolled back whole)
                if !self.conn.is_autocommit() {
                    let _ = self.conn.execute_batch("ROLLBACK");
                }
                Err(e).ctx("committing a batch of writes")
            }
        }
    }

    /// Runs a statement on the connection, for a test of another module.
    #[cfg(test)]
    pub(crate) fn execute_for_tests(&self, sql: &str) {
        self.conn.execute_batch(sql).unwrap();
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .ctx("running integrity check")
    }

    pub fn schema_version(&self) -> Result<i64, StoreError> {
        let v: String = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .ctx("reading schema version")?;
        Ok(v.parse().unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_once_and_reopen_is_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
        drop(s);
        let s = Store::open(dir.path()).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
        assert_eq!(s.integrity_check().unwrap(), "ok");
        let mode: String = s
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn an_ingesting_connection_keeps_its_temporary_storage_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let temp_store = |s: &Store| -> i64 {
            s.conn
                .query_row("PRAGMA temp_store", [], |r| r.get(0))
                .unwrap()
        };
        // 0 is the build's default (a file), 2 memory
        assert_eq!(temp_store(&s), 0);
        s.ingesting().unwrap();
        assert_eq!(temp_store(&s), 2);
    }

    #[test]
    fn a_batch_commits_its_fetches_together_and_undoes_a_failed_one_alone() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        s.sync_sources(&[("t".to_string(), "feed", "https://t.example/f".to_string())])
            .unwrap();
        let docs = |tag: &str| -> Vec<crate::model::NewDocument> {
            (0..2)
                .map(|i| crate::model::NewDocument {
                    url: Some(format!("https://t.example/{tag}/{i}")),
                    guid: Some(format!("{tag}{i}")),
                    title: format!("{tag} note {i}"),
                    ..Default::default()
                })
                .collect()
        };
        let count =
            |s: &Store, sql: &str| -> i64 { s.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        let outcomes = s
            .batch(|s| {
                let first =
                    s.commit_fetch("t", &docs("a"), &FetchLogEntry::ok("https://t.example/f"));
                // not a configured source: its documents break the foreign key
                let second = s.commit_fetch(
                    "nowhere",
                    &docs("b"),
                    &FetchLogEntry::ok("https://t.example/g"),
                );
                // until the batch ends, its writes are one open transaction
                assert!(!s.conn.is_autocommit());
                (first.map(|o| o.new), second.is_err())
            })
            .unwrap();
        assert_eq!(outcomes.0.unwrap(), 2);
        assert!(outcomes.1);
        assert!(s.conn.is_autocommit());
        assert_eq!(count(&s, "SELECT count(*) FROM documents"), 2);
        assert_eq!(
            count(&s, "SELECT count(*) FROM documents WHERE guid LIKE 'b%'"),
            0
        );
        assert_eq!(
            count(&s, "SELECT count(*) FROM fetch_log WHERE source = 't'"),
            1
        );
        // a batch begun inside another transaction is refused, and changes nothing
        s.conn.execute_batch("BEGIN").unwrap();
        assert!(s.batch(|_| ()).is_err());
        s.conn.execute_batch("ROLLBACK").unwrap();
        // outside a batch, each fetch is its own transaction
        s.commit_fetch("t", &docs("c"), &FetchLogEntry::ok("https://t.example/f"))
            .unwrap();
        assert!(s.conn.is_autocommit());
        assert_eq!(count(&s, "SELECT count(*) FROM documents"), 4);
        // a batch whose commit fails (here a foreign key checked only at the commit) keeps
        // nothing, and says which step failed
        let e = s
            .batch(|s| {
                s.conn
                    .execute_batch("PRAGMA defer_foreign_keys = ON")
                    .unwrap();
                s.commit_fetch("t", &docs("d"), &FetchLogEntry::ok("https://t.example/f"))
                    .unwrap();
                s.commit_fetch(
                    "nowhere",
                    &docs("e"),
                    &FetchLogEntry::ok("https://t.example/g"),
                )
                .unwrap();
            })
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "committing a batch of writes: FOREIGN KEY constraint failed"
        );
        assert!(s.conn.is_autocommit());
        assert_eq!(count(&s, "SELECT count(*) FROM documents"), 4);
        assert_eq!(count(&s, "SELECT count(*) FROM fetch_log"), 2);
    }

    #[test]
    fn the_index_queue_holds_what_is_to_be_reindexed_and_marking_leaves_the_rows_alone() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        s.sync_sources(&[("t".to_string(), "feed", "https://t.example/f".to_string())])
            .unwrap();
        let docs: Vec<crate::model::NewDocument> = (0..3)
            .map(|i| crate::model::NewDocument {
                url: Some(format!("https://t.example/{i}")),
                guid: Some(format!("g{i}")),
                title: format!("note {i}"),
                ..Default::default()
            })
            .collect();
        s.commit_fetch("t", &docs, &FetchLogEntry::ok("https://t.example/f"))
            .unwrap();
        assert_eq!(s.count_unindexed().unwrap(), 3);
        s.mark_indexed(&[1, 2, 3]).unwrap();
        assert_eq!(s.count_unindexed().unwrap(), 0);
        // indexing wrote the queue only, not the rows of text
        let written: i64 = s
            .conn
            .query_row(
                "SELECT count(*) FROM documents WHERE indexed_at IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(written, 0);
        // a new text queues the document again; a status alone does not
        s.set_article(1, Some("the page's text"), "done").unwrap();
        s.set_article(2, None, "robots").unwrap();
        assert_eq!(s.count_unindexed().unwrap(), 1);
        assert_eq!(s.documents_to_index(false, 0, 10).unwrap()[0].id, 1);
        // a store of the previous schema queues what its column said was not indexed
        s.conn
            .execute_batch(
                "DROP TRIGGER index_queue_new; DROP TRIGGER index_queue_changed;
                 DROP TRIGGER index_queue_gone; DROP TABLE index_queue;
                 CREATE INDEX documents_unindexed ON documents(id) WHERE indexed_at IS NULL;
                 UPDATE documents SET indexed_at = '2026-01-01T00:00:00Z' WHERE id = 2;
                 UPDATE meta SET value = '9' WHERE key = 'schema_version';",
            )
            .unwrap();
        drop(s);
        let s = Store::open(dir.path()).unwrap();
        assert_eq!(s.count_unindexed().unwrap(), 2);
    }

    #[test]
    fn newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        s.conn
            .execute(
                "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
                [],
            )
            .unwrap();
        drop(s);
        let err = Store::open(dir.path()).err().unwrap().to_string();
        assert!(
            err.contains("schema version 99, newer than this hashpivot knows"),
            "{err}"
        );
    }
}
