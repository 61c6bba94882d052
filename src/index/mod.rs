//! Full-text search: a tantivy index under `<data-dir>/index/`, derived from SQLite and rebuildable
//! at any time.
//!
//! Layout: `index/CURRENT` names the live generation (`gen-N/`, a tantivy directory with a
//! `HASHPIVOT_SCHEMA` file holding the schema version). Incremental updates write into the live
//! generation with one writer and one commit. `reindex` builds `gen-(N+1)` from scratch and only
//! then replaces `CURRENT` (write to a temporary file, rename: atomic), so a crash at any moment
//! leaves the previous, complete index live; stray generations are removed on the next reindex.

pub mod query;
pub mod schema;

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

use crate::store::{IndexDoc, Store, StoreError};
pub use schema::{Fields, SCHEMA_VERSION};

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("nothing indexed yet: run `hashpivot crawl`")]
    NotBuilt,
    #[error(
        "the index was built by an older version (schema {found}, this hashpivot uses {SCHEMA_VERSION}); run `hashpivot reindex`"
    )]
    OutOfDate { found: String },
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
    let index = Index::open_in_dir(&path).map_err(|e| ierr(&path, e))?;
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
    if let Some(b) = &d.body {
        doc.add_text(f.body, b);
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
    fn writer(&self) -> Result<IndexWriter, IndexError> {
        self.index
            .writer(64_000_000)
            .map_err(|e| ierr(&self.path, e))
    }

    /// Add (or, with `replace`, replace) documents in one commit. A fresh generation has nothing to
    /// replace, so a rebuild skips the deletes.
    fn write(
        &self,
        replace: bool,
        docs: &mut dyn FnMut() -> Result<Option<Vec<IndexDoc>>, IndexError>,
    ) -> Result<Vec<i64>, IndexError> {
        let mut w = self.writer()?;
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
        let r = self.index.reader().map_err(|e| ierr(&self.path, e))?;
        Ok(self.reader.get_or_init(|| r))
    }

    pub fn num_docs(&self) -> Result<u64, IndexError> {
        Ok(self.reader()?.searcher().num_docs())
    }
}

/// Index new and changed documents (creating the index on first use). Returns how many.
pub fn update(data_dir: &Path, store: &mut Store) -> Result<usize, IndexError> {
    let idx = match open(data_dir) {
        Ok(i) => i,
        Err(IndexError::NotBuilt) => {
            let i = create_gen(data_dir, "gen-1")?;
            set_current(data_dir, "gen-1")?;
            i
        }
        Err(e) => return Err(e),
    };
    let started = crate::model::fmt_time(Utc::now());
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
    store.mark_indexed(&ids, &started)?;
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
    let started = crate::model::fmt_time(Utc::now());
    let mut after = 0;
    let ids = {
        let store_ref: &Store = store;
        idx.write(false, &mut || {
            let batch = store_ref.documents_to_index(true, after, 1000)?;
            Ok(batch.last().map(|l| l.id).map(|l| {
                after = l;
                batch
            }))
        })?
    };
    drop(idx);
    set_current(data_dir, &gen_name)?;
    store.mark_indexed(&ids, &started)?;
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    #[default]
    Relevance,
    Date,
}

/// A search with its filters.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub query: String,
    pub tickers: Vec<String>,
    pub since: Option<NaiveDate>,
    /// Inclusive: the whole day.
    pub until: Option<NaiveDate>,
    pub kind: Option<String>,
    pub source: Option<String>,
    pub deals_only: bool,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
}

/// A snippet: text with the byte ranges of matched terms.
#[derive(Debug, Clone, Serialize)]
pub struct Snippet {
    pub text: String,
    #[serde(skip)]
    pub highlights: Vec<std::ops::Range<usize>>,
}

impl Snippet {
    /// The snippet with matched terms wrapped in `open` … `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut s = String::with_capacity(self.text.len() + 16);
        let mut at = 0;
        for r in &self.highlights {
            if r.start < at || r.end > self.text.len() {
                continue;
            }
            s.push_str(&self.text[at..r.start]);
            s.push_str(open);
            s.push_str(&self.text[r.clone()]);
            s.push_str(close);
            at = r.end;
        }
        s.push_str(&self.text[at..]);
        s
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: i64,
    pub title: String,
    pub url: Option<String>,
    pub published: Option<String>,
    pub source: String,
    pub kind: String,
    pub tickers: Vec<String>,
    pub score: Option<f32>,
    pub snippet: Snippet,
    pub deal_id: Option<i64>,
}

fn day_term(f: tantivy::schema::Field, d: NaiveDate) -> Term {
    let ts = d
        .and_hms_opt(0, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp());
    Term::from_field_date_for_search(f, tantivy::DateTime::from_timestamp_secs(ts))
}

impl SearchIndex {
    pub fn search(&self, req: &Request) -> Result<Vec<Hit>, IndexError> {
        let f = &self.fields;
        let parsed = query::parse(&req.query).map_err(IndexError::Query)?;
        let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.summary, f.body]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.title, 3.0);
        parser.set_field_boost(f.summary, 1.5);
        let main: Box<dyn Query> = if parsed.text.is_empty() {
            Box::new(AllQuery)
        } else {
            parser.parse_query(&parsed.text).map_err(|e| {
                IndexError::Query(query::QueryError {
                    position: 1,
                    message: match e {
                        tantivy::query::QueryParserError::AllButQueryForbidden => {
                            "a query needs at least one term that is not excluded with NOT"
                                .to_string()
                        }
                        other => other.to_string(),
                    },
                })
            })?
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, main.box_clone())];
        let term = |field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::Basic,
            ))
        };
        if !req.tickers.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> = req
                .tickers
                .iter()
                .map(|t| (Occur::Should, term(f.tickers, &t.to_ascii_uppercase())))
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if req.since.is_some() || req.until.is_some() {
            use std::ops::Bound;
            let lo = req.since.map_or(Bound::Unbounded, |d| {
                Bound::Included(day_term(f.published, d))
            });
            let hi = req
                .until
                .and_then(|d| d.succ_opt())
                .map_or(Bound::Unbounded, |d| {
                    Bound::Excluded(day_term(f.published, d))
                });
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
        }
        if let Some(k) = &req.kind {
            clauses.push((Occur::Must, term(f.kind, k)));
        }
        if let Some(s) = &req.source {
            clauses.push((Occur::Must, term(f.source, s)));
        }
        if req.deals_only {
            clauses.push((Occur::Must, term(f.deal, "1")));
        }
        // ranking: for the tickers asked about, headline/lead mentions and deal reports first
        let mut asked: Vec<String> = req.tickers.iter().map(|t| t.to_ascii_uppercase()).collect();
        asked.extend(parsed.tickers.iter().cloned());
        asked.sort();
        asked.dedup();
        for t in &asked {
            clauses.push((
                Occur::Should,
                Box::new(ConstScoreQuery::new(
                    term(f.ticker_rel, &format!("{t}#hi")),
                    4.0,
                )),
            ));
            clauses.push((
                Occur::Should,
                Box::new(ConstScoreQuery::new(
                    term(f.ticker_rel, &format!("{t}#mid")),
                    1.0,
                )),
            ));
        }
        if !asked.is_empty() {
            clauses.push((
                Occur::Should,
                Box::new(ConstScoreQuery::new(term(f.deal, "1"), 2.0)),
            ));
        }
        let q = BooleanQuery::new(clauses);
        let searcher = self.reader()?.searcher();
        let limit = req.limit.max(1);
        // Ties are broken by document id (older first), never by where a document happens to sit
        // in the index's segments, so an incremental index and a rebuilt one list the same order.
        let addrs: Vec<(Option<f32>, tantivy::DocAddress)> = match req.sort {
            Sort::Relevance => searcher
                .search(
                    &q,
                    &TopDocs::with_limit(limit)
                        .and_offset(req.offset)
                        .tweak_score(move |seg: &tantivy::SegmentReader| {
                            let ids = seg
                                .fast_fields()
                                .u64("id")
                                .ok()
                                .map(|c| c.first_or_default_col(0));
                            move |doc: tantivy::DocId, score: tantivy::Score| {
                                let id = ids.as_ref().map_or(0, |c| c.get_val(doc));
                                (score, u64::MAX - id)
                            }
                        }),
                )
                .map_err(|e| ierr(&self.path, e))?
                .into_iter()
                .map(|((s, _), a)| (Some(s), a))
                .collect(),
            Sort::Date => searcher
                .search(
                    &q,
                    &TopDocs::with_limit(limit)
                        .and_offset(req.offset)
                        .tweak_score(move |seg: &tantivy::SegmentReader| {
                            let ids = seg
                                .fast_fields()
                                .u64("id")
                                .ok()
                                .map(|c| c.first_or_default_col(0));
                            let dates = seg.fast_fields().date("published").ok().map(|c| {
                                c.first_or_default_col(tantivy::DateTime::from_timestamp_secs(0))
                            });
                            move |doc: tantivy::DocId, _score: tantivy::Score| {
                                let id = ids.as_ref().map_or(0, |c| c.get_val(doc));
                                let t = dates
                                    .as_ref()
                                    .map_or(0, |c| c.get_val(doc).into_timestamp_secs());
                                (t, u64::MAX - id)
                            }
                        }),
                )
                .map_err(|e| ierr(&self.path, e))?
                .into_iter()
                .map(|(_, a)| (None, a))
                .collect(),
        };
        let mut body_snips =
            SnippetGenerator::create(&searcher, &*main, f.body).map_err(|e| ierr(&self.path, e))?;
        body_snips.set_max_num_chars(220);
        let mut summary_snips = SnippetGenerator::create(&searcher, &*main, f.summary)
            .map_err(|e| ierr(&self.path, e))?;
        summary_snips.set_max_num_chars(220);
        let mut hits = Vec::with_capacity(addrs.len());
        for (score, addr) in addrs {
            let doc: TantivyDocument = searcher.doc(addr).map_err(|e| ierr(&self.path, e))?;
            let text = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            // the summary's snippet when it shows a matched term; the body's only otherwise
            let mut snip = summary_snips.snippet_from_doc(&doc);
            if snip.highlighted().is_empty() {
                let body_snip = body_snips.snippet_from_doc(&doc);
                if !body_snip.highlighted().is_empty() || snip.fragment().is_empty() {
                    snip = body_snip;
                }
            }
            let snippet = if snip.fragment().is_empty() {
                let lead = text(f.summary).or_else(|| text(f.body)).unwrap_or_default();
                Snippet {
                    text: lead.chars().take(220).collect(),
                    highlights: vec![],
                }
            } else {
                Snippet {
                    text: snip.fragment().to_string(),
                    highlights: snip.highlighted().to_vec(),
                }
            };
            hits.push(Hit {
                id: doc.get_first(f.id).and_then(|v| v.as_u64()).unwrap_or(0) as i64,
                title: text(f.title).unwrap_or_default(),
                url: text(f.url),
                published: doc
                    .get_first(f.published)
                    .and_then(|v| v.as_datetime())
                    .and_then(|d| DateTime::from_timestamp(d.into_timestamp_secs(), 0))
                    .map(crate::model::fmt_time),
                source: text(f.source).unwrap_or_default(),
                kind: text(f.kind).unwrap_or_default(),
                tickers: doc
                    .get_all(f.tickers)
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                score,
                snippet,
                deal_id: doc
                    .get_first(f.deal_id)
                    .and_then(|v| v.as_u64())
                    .map(|v| v as i64),
            });
        }
        Ok(hits)
    }
}
