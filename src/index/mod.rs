//! Full-text search: a tantivy index under `<data-dir>/index/`, derived from SQLite and rebuildable
//! at any time.
//!
//! Layout: `index/CURRENT` names the live generation (`gen-N/`, a tantivy directory with a
//! `HASHPIVOT_SCHEMA` file holding the schema version). Incremental updates write into the live
//! generation with one writer and one commit. `reindex` builds `gen-(N+1)` from scratch and only
//! then replaces `CURRENT` (write to a temporary file, rename: atomic), so a crash at any moment
//! leaves the previous, complete index live; stray generations are removed on the next reindex.

mod compile;
pub mod query;
pub mod schema;
mod search;
mod stem;
mod top;

use std::path::{Path, PathBuf};

use chrono::DateTime;
use serde::Serialize;
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

use crate::store::{IndexDoc, Store, StoreError};
pub use schema::{Fields, SCHEMA_VERSION};
pub use search::{Hit, Request, Snippet, Sort};

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("nothing indexed yet: run `hashpivot crawl`")]
    NotBuilt,
    #[error(
        "the index was built by an older version (schema {found}, this hashpivot uses {SCHEMA_VERSION}); run `hashpivot reindex`"
    )]
    OutOfDate { found: String },
    #[error(
        "the search index at {path} is damaged ({detail}): run `hashpivot reindex` (SQLite holds \
         everything, nothing is lost; the next crawl rebuilds it too)"
    )]
    Damaged { path: String, detail: String },
    #[error("{0}")]
    Query(query::QueryError),
    #[error("search index {path}: {message}")]
    Index { path: String, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn ierr(path: &Path, e: impl std::fmt::Display) -> IndexError {
    IndexError::Index {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

fn root(data_dir: &Path) -> PathBuf {
    data_dir.join("index")
}

fn current_gen(data_dir: &Path) -> Option<String> {
    std::fs::read_to_string(root(data_dir).join("CURRENT"))
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn gen_number(name: &str) -> Option<u64> {
    name.strip_prefix("gen-")?.parse().ok()
}

/// Point `CURRENT` at a generation atomically.
fn set_current(data_dir: &Path, gen_name: &str) -> Result<(), IndexError> {
    let r = root(data_dir);
    let tmp = r.join("CURRENT.tmp");
    std::fs::write(&tmp, gen_name).map_err(|e| ierr(&tmp, e))?;
    if let Ok(f) = std::fs::File::open(&tmp) {
        let _ = f.sync_all();
    }
    std::fs::rename(&tmp, r.join("CURRENT")).map_err(|e| ierr(&r, e))
}

/// An open index.
pub struct SearchIndex {
    index: Index,
    fields: Fields,
    path: PathBuf,
    /// Opened on first search and reused (opening a reader per query costs milliseconds).
    reader: std::sync::OnceLock<tantivy::IndexReader>,
}

/// Open the live generation for searching or updating.
pub fn open(data_dir: &Path) -> Result<SearchIndex, IndexError> {
    let Some(gen_name) = current_gen(data_dir) else {
        return Err(IndexError::NotBuilt);
    };
    let path = root(data_dir).join(&gen_name);
    let damaged = |detail: String| IndexError::Damaged {
        path: path.display().to_string(),
        detail,
    };
    if !path.is_dir() {
        return Err(damaged(format!(
            "CURRENT names {gen_name}, which is not there"
        )));
    }
    let version = std::fs::read_to_string(path.join("HASHPIVOT_SCHEMA")).unwrap_or_default();
    if version.trim() != SCHEMA_VERSION.to_string() {
        return Err(IndexError::OutOfDate {
            found: if version.trim().is_empty() {
                "unknown".into()
            } else {
                version.trim().to_string()
            },
        });
    }
    let mut index = Index::open_in_dir(&path).map_err(|e| damaged(e.to_string()))?;
    index.tokenizers().register("en_stem", stem::analyzer());
    index
        .tokenizers()
        .register("en_text", stem::text_analyzer());
    // segments are searched on every core
    index
        .set_default_multithread_executor()
        .map_err(|e| ierr(&path, e))?;
    let (_, fields) = schema::build();
    Ok(SearchIndex {
        index,
        fields,
        path,
        reader: std::sync::OnceLock::new(),
    })
}

fn create_gen(data_dir: &Path, gen_name: &str) -> Result<SearchIndex, IndexError> {
    let path = root(data_dir).join(gen_name);
    if path.exists() {
        std::fs::remove_dir_all(&path).map_err(|e| ierr(&path, e))?;
    }
    std::fs::create_dir_all(&path).map_err(|e| ierr(&path, e))?;
    let (schema, fields) = schema::build();
    let index = Index::create_in_dir(&path, schema).map_err(|e| ierr(&path, e))?;
    index.tokenizers().register("en_stem", stem::analyzer());
    index
        .tokenizers()
        .register("en_text", stem::text_analyzer());
    std::fs::write(path.join("HASHPIVOT_SCHEMA"), SCHEMA_VERSION.to_string())
        .map_err(|e| ierr(&path, e))?;
    Ok(SearchIndex {
        index,
        fields,
        path,
        reader: std::sync::OnceLock::new(),
    })
}

fn to_doc(f: &Fields, d: &IndexDoc) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_u64(f.id, d.id as u64);
    doc.add_text(f.title, &d.title);
    if let Some(s) = &d.summary {
        doc.add_text(f.summary, s);
    }
    // what a query without a field searches: the title's words and word pairs counted three
    // times, the summary's twice, the body's once (`stem::text_analyzer` reads the weight)
    // (a mark the text itself starts with is the text's, never a weight: it is dropped)
    let mark = stem::WEIGHT_MARK;
    fn own(v: &str) -> &str {
        v.trim_start_matches(stem::WEIGHT_MARK)
    }
    let title = own(&d.title);
    if !title.is_empty() {
        doc.add_text(f.text, format!("{mark}{mark}{mark}{title}"));
    }
    if let Some(s) = d.summary.as_deref().map(own).filter(|s| !s.is_empty()) {
        doc.add_text(f.text, format!("{mark}{mark}{s}"));
    }
    if let Some(b) = d.body.as_deref().map(own).filter(|b| !b.is_empty()) {
        doc.add_text(f.text, b);
    }
    for (t, rel) in &d.tickers {
        doc.add_text(f.tickers, t);
        if *rel >= 70 {
            doc.add_text(f.ticker_rel, format!("{t}#hi"));
        } else if *rel >= 40 {
            doc.add_text(f.ticker_rel, format!("{t}#mid"));
        }
    }
    doc.add_u64(
        f.relevance,
        d.tickers.iter().map(|(_, r)| *r as u64).max().unwrap_or(0),
    );
    doc.add_text(f.source, &d.source);
    doc.add_text(f.kind, &d.kind);
    if let Some(form) = &d.form_type {
        doc.add_text(f.form, form);
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(&d.published) {
        doc.add_date(
            f.published,
            tantivy::DateTime::from_timestamp_secs(t.timestamp()),
        );
    }
    if let Some(s) = d.sentiment {
        doc.add_f64(f.sentiment, s);
    }
    if let Some(id) = d.deal_id {
        doc.add_text(f.deal, "1");
        doc.add_u64(f.deal_id, id as u64);
    }
    if let Some(u) = &d.url {
        doc.add_text(f.url, u);
    }
    doc
}

impl SearchIndex {
    fn writer(&self, rebuild: bool) -> Result<IndexWriter, IndexError> {
        // a rebuild writes the whole store at once: bigger segments and no merging while it
        // writes (merges were most of a million-document rebuild); an update adds a few. 200 MB
        // (100 MB a thread), not more: at 1M documents a rebuild with 400 MB took 64 s on
        // average of six runs, with 200 MB 56 s of five (alternating; the term table and the
        // postings of a smaller segment miss the cache less), for 16 segments instead of 8 and
        // no slower queries
        let w = self
            .index
            .writer(if rebuild { 200_000_000 } else { 64_000_000 })
            .map_err(|e| ierr(&self.path, e))?;
        if rebuild {
            w.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        }
        Ok(w)
    }

    /// Add (or, with `replace`, replace) documents in one commit. A fresh generation has nothing to
    /// replace, so a rebuild skips the deletes.
    fn write(
        &self,
        replace: bool,
        docs: &mut dyn FnMut() -> Result<Option<Vec<IndexDoc>>, IndexError>,
    ) -> Result<Vec<i64>, IndexError> {
        let mut w = self.writer(!replace)?;
        let mut ids = Vec::new();
        while let Some(batch) = docs()? {
            for d in &batch {
                if replace {
                    w.delete_term(Term::from_field_u64(self.fields.id, d.id as u64));
                }
                w.add_document(to_doc(&self.fields, d))
                    .map_err(|e| ierr(&self.path, e))?;
                ids.push(d.id);
            }
        }
        w.commit().map_err(|e| ierr(&self.path, e))?;
        w.wait_merging_threads().map_err(|e| ierr(&self.path, e))?;
        Ok(ids)
    }

    fn reader(&self) -> Result<&tantivy::IndexReader, IndexError> {
        if let Some(r) = self.reader.get() {
            return Ok(r);
        }
        let r = self.index.reader().map_err(|e| IndexError::Damaged {
            path: self.path.display().to_string(),
            detail: e.to_string(),
        })?;
        Ok(self.reader.get_or_init(|| r))
    }

    pub fn num_docs(&self) -> Result<u64, IndexError> {
        Ok(self.reader()?.searcher().num_docs())
    }
}

/// Index new and changed documents (creating the index on first use; rebuilding it from SQLite
/// when it is damaged or of an older schema). Returns how many.
pub fn update(data_dir: &Path, store: &mut Store) -> Result<usize, IndexError> {
    let idx = match open(data_dir) {
        Ok(i) => i,
        Err(IndexError::NotBuilt) => {
            let i = create_gen(data_dir, "gen-1")?;
            set_current(data_dir, "gen-1")?;
            i
        }
        Err(IndexError::Damaged { .. } | IndexError::OutOfDate { .. }) => {
            return Ok(reindex(data_dir, store)?.documents);
        }
        Err(e) => return Err(e),
    };
    let mut after = 0;
    let ids = {
        let store_ref: &Store = store;
        idx.write(true, &mut || {
            let batch = store_ref.documents_to_index(false, after, 1000)?;
            Ok(batch.last().map(|l| l.id).map(|l| {
                after = l;
                batch
            }))
        })?
    };
    store.mark_indexed(&ids)?;
    Ok(ids.len())
}

/// What a rebuild did.
#[derive(Debug, Clone, Serialize)]
pub struct ReindexReport {
    pub documents: usize,
    pub generation: String,
}

/// Rebuild the index from SQLite into a fresh generation and swap it in when complete.
pub fn reindex(data_dir: &Path, store: &mut Store) -> Result<ReindexReport, IndexError> {
    reindex_with_progress(data_dir, store, false)
}

/// As `reindex`, drawing its progress on the terminal when `progress` is set.
pub fn reindex_with_progress(
    data_dir: &Path,
    store: &mut Store,
    progress: bool,
) -> Result<ReindexReport, IndexError> {
    let r = root(data_dir);
    std::fs::create_dir_all(&r).map_err(|e| ierr(&r, e))?;
    let next_n = std::fs::read_dir(&r)
        .map_err(|e| ierr(&r, e))?
        .filter_map(|e| e.ok())
        .filter_map(|e| gen_number(&e.file_name().to_string_lossy()))
        .max()
        .unwrap_or(0)
        + 1;
    let gen_name = format!("gen-{next_n}");
    let idx = create_gen(data_dir, &gen_name)?;
    let mut after = 0;
    let total = if progress {
        store.count_documents()? as u64
    } else {
        0
    };
    let mut meter = crate::progress::Meter::new("indexing", "documents", total, progress);
    let ids = {
        let store_ref: &Store = store;
        idx.write(false, &mut || {
            let batch = store_ref.documents_to_index(true, after, 1000)?;
            meter.add(batch.len() as u64);
            Ok(batch.last().map(|l| l.id).map(|l| {
                after = l;
                batch
            }))
        })?
    };
    meter.finish();
    drop(idx);
    set_current(data_dir, &gen_name)?;
    store.mark_indexed(&ids)?;
    // the old generation and any left by an interrupted rebuild
    for e in std::fs::read_dir(&r).map_err(|e| ierr(&r, e))?.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if gen_number(&name).is_some() && name != gen_name {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
    Ok(ReindexReport {
        documents: ids.len(),
        generation: gen_name,
    })
}
