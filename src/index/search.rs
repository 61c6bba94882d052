//! Searching: a request with its filters, ranking, snippets.

use chrono::{DateTime, NaiveDate};
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{TantivyDocument, Term};

use super::{IndexError, SearchIndex, ierr, query};
use crate::store::Store;

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
    fn from_tantivy(s: &tantivy::snippet::Snippet) -> Snippet {
        Snippet {
            text: s.fragment().to_string(),
            highlights: s.highlighted().to_vec(),
        }
    }

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
    /// The hits of `req`, each with a snippet of its summary or body (the body read from `store`,
    /// which holds what the index was built from).
    pub fn search(&self, req: &Request, store: &Store) -> Result<Vec<Hit>, IndexError> {
        let f = &self.fields;
        let parsed = query::parse(&req.query).map_err(IndexError::Query)?;
        let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.summary]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.title, 3.0);
        parser.set_field_boost(f.summary, 1.5);
        let main: Box<dyn Query> = if parsed.text.is_empty() {
            Box::new(AllQuery)
        } else {
            super::compile::compile(&parsed.text, f, &parser).map_err(|e| {
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
        // the user's query alone is searched as it is: wrapped in a boolean query of one clause
        // it would lose the block-max pruning of a term or a union of terms
        let q: Box<dyn Query> = if clauses.len() == 1 {
            main.box_clone()
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        let searcher = self.reader()?.searcher();
        let limit = req.limit.max(1);
        // Ties are broken by document id (older first), never by where a document happens to sit
        // in the index's segments, so an incremental index and a rebuilt one list the same order.
        let addrs: Vec<(Option<f32>, tantivy::DocAddress)> = match req.sort {
            Sort::Relevance => searcher
                .search(
                    &*q,
                    &super::top::TopByScoreThenId {
                        k: limit + req.offset,
                    },
                )
                .map_err(|e| ierr(&self.path, e))?
                .into_iter()
                .skip(req.offset)
                .map(|h| (Some(h.score), h.addr))
                .collect(),
            // newest first: the publication time (whole seconds, exact in an f64), then the id
            Sort::Date => {
                let top = TopDocs::with_limit(limit)
                    .and_offset(req.offset)
                    .tweak_score(move |seg: &tantivy::SegmentReader| {
                        let ff = seg.fast_fields();
                        let ids = ff.u64("id").ok().map(|c| c.first_or_default_col(0));
                        let dates = ff.date("published").ok().map(|c| {
                            c.first_or_default_col(tantivy::DateTime::from_timestamp_secs(0))
                        });
                        move |doc: tantivy::DocId, _score: tantivy::Score| {
                            let id = ids.as_ref().map_or(0, |c| c.get_val(doc));
                            let key = dates
                                .as_ref()
                                .map_or(0, |c| c.get_val(doc).into_timestamp_secs());
                            (key, u64::MAX - id)
                        }
                    });
                searcher
                    .search(&*q, &top)
                    .map_err(|e| ierr(&self.path, e))?
                    .into_iter()
                    .map(|(_, a)| (None, a))
                    .collect()
            }
        };
        let (mut body_snips, mut summary_snips) = self.snippet_generators(&searcher, &*main)?;
        body_snips.set_max_num_chars(220);
        summary_snips.set_max_num_chars(220);
        let mut hits = Vec::with_capacity(addrs.len());
        // the summary's snippet when it shows a matched term; the body's (read from SQLite, for
        // the hits that need it, in one pass) only otherwise: those hits wait here with their
        // summary's snippet and their summary (the lead when no snippet shows a term)
        let mut pending: Vec<(usize, tantivy::snippet::Snippet, Option<String>)> = Vec::new();
        for (score, addr) in addrs {
            let doc: TantivyDocument = searcher.doc(addr).map_err(|e| ierr(&self.path, e))?;
            let text = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let snip = summary_snips.snippet_from_doc(&doc);
            let snippet = if snip.highlighted().is_empty() {
                // cut once the body is read
                pending.push((hits.len(), snip, text(f.summary)));
                Snippet {
                    text: String::new(),
                    highlights: vec![],
                }
            } else {
                Snippet::from_tantivy(&snip)
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
        if !pending.is_empty() {
            let ids: Vec<i64> = pending.iter().map(|(i, _, _)| hits[*i].id).collect();
            let bodies = store.bodies(&ids)?;
            for (i, summary_snip, summary) in pending {
                let hit = &mut hits[i];
                let body = bodies.get(&hit.id).map_or("", String::as_str);
                let body_snip = body_snips.snippet(body);
                let snip =
                    if !body_snip.highlighted().is_empty() || summary_snip.fragment().is_empty() {
                        body_snip
                    } else {
                        summary_snip
                    };
                hit.snippet = if snip.fragment().is_empty() {
                    // no snippet: the summary's start, or the body's
                    let lead = summary.as_deref().filter(|s| !s.is_empty()).unwrap_or(body);
                    Snippet {
                        text: lead.chars().take(220).collect(),
                        highlights: vec![],
                    }
                } else {
                    Snippet::from_tantivy(&snip)
                };
            }
        }
        Ok(hits)
    }

    /// Snippet makers for `body` and `summary` from the words the query matches: a word of the
    /// combined `text` field (alone or in a pair) is looked for in both, a word asked of the summary
    /// in the summary alone; rarer words weigh more (as tantivy's own snippets weigh them).
    fn snippet_generators(
        &self,
        searcher: &tantivy::Searcher,
        main: &dyn Query,
    ) -> Result<(SnippetGenerator, SnippetGenerator), IndexError> {
        let f = &self.fields;
        let mut words: Vec<(tantivy::schema::Field, Term)> = Vec::new();
        main.query_terms(&mut |t, _| {
            let value = t.value();
            let Some(text) = value.as_str() else {
                return;
            };
            let field = t.field();
            if field == f.text {
                // a word, or a pair of words ("coloc leas")
                for w in text.split(' ') {
                    words.push((f.text, Term::from_field_text(f.text, w)));
                }
            } else if field == f.summary {
                words.push((field, t.clone()));
            }
        });
        let mut body = std::collections::BTreeMap::new();
        let mut summary = std::collections::BTreeMap::new();
        for (field, t) in words {
            let value = t.value();
            let Some(text) = value.as_str().map(str::to_string) else {
                continue;
            };
            let df = searcher.doc_freq(&t).map_err(|e| ierr(&self.path, e))?;
            if df == 0 {
                continue;
            }
            let weight = 1.0 / (1.0 + df as f32);
            if field != f.summary {
                body.insert(text.clone(), weight);
            }
            summary.insert(text, weight);
        }
        let analyzer = super::stem::analyzer();
        Ok((
            // (the body is no field of the index: its snippets come from `snippet(text)`)
            SnippetGenerator::new(body, analyzer.clone(), f.text, 220),
            SnippetGenerator::new(summary, analyzer, f.summary, 220),
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::index::{self, Request, Sort};
    use crate::model::NewDocument;
    use crate::store::{FetchLogEntry, Store};

    /// A store and index of `docs` (title, body), ids 1.. in that order.
    struct Indexed {
        _dir: tempfile::TempDir,
        idx: index::SearchIndex,
        store: Store,
    }

    fn indexed(docs: &[(String, String)]) -> Indexed {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        store
            .sync_sources(&[("t".to_string(), "feed", "https://t.example/f".to_string())])
            .unwrap();
        let entry = FetchLogEntry::ok("https://t.example/f");
        let new: Vec<NewDocument> = docs
            .iter()
            .enumerate()
            .map(|(i, (title, body))| NewDocument {
                url: Some(format!("https://t.example/{i}")),
                guid: Some(format!("g{i}")),
                title: title.clone(),
                body: Some(body.clone()),
                published_at: chrono::DateTime::from_timestamp(1_704_067_200 + i as i64, 0),
                ..Default::default()
            })
            .collect();
        store.commit_fetch("t", &new, &entry).unwrap();
        index::reindex(dir.path(), &mut store).unwrap();
        let idx = index::open(dir.path()).unwrap();
        Indexed {
            _dir: dir,
            idx,
            store,
        }
    }

    fn ids(ix: &Indexed, offset: usize, limit: usize) -> Vec<i64> {
        let req = Request {
            query: "lease".into(),
            sort: Sort::Relevance,
            limit,
            offset,
            ..Default::default()
        };
        ix.idx
            .search(&req, &ix.store)
            .unwrap()
            .iter()
            .map(|h| h.id)
            .collect()
    }

    #[test]
    fn documents_that_tie_on_score_are_listed_by_id_on_every_page() {
        // thirty documents that score alike are ordered oldest first, page after page
        let docs: Vec<(String, String)> = (0..30)
            .map(|i| {
                (
                    format!("note {i:02}"),
                    format!("a lease signed, item {i:02}"),
                )
            })
            .collect();
        let ix = indexed(&docs);
        assert_eq!(ids(&ix, 0, 5), [1, 2, 3, 4, 5]);
        assert_eq!(ids(&ix, 25, 10), [26, 27, 28, 29, 30]);
        // three that score higher, tied among themselves, come first, their tie by id
        let mut docs = docs;
        for i in [20, 7, 13] {
            docs[i].1 = format!("lease lease lease, item {i:02}");
        }
        let ix = indexed(&docs);
        assert_eq!(ids(&ix, 0, 2), [8, 14]);
        assert_eq!(ids(&ix, 2, 2), [21, 1]);
    }

    /// The best 20 hits of a query, by relevance.
    fn hits(ix: &Indexed, q: &str) -> Vec<index::Hit> {
        let req = Request {
            query: q.into(),
            sort: Sort::Relevance,
            limit: 20,
            ..Default::default()
        };
        ix.idx.search(&req, &ix.store).unwrap()
    }

    fn found(ix: &Indexed, q: &str) -> Vec<i64> {
        let mut ids: Vec<i64> = hits(ix, q).iter().map(|h| h.id).collect();
        ids.sort();
        ids
    }

    #[test]
    fn phrases_match_words_in_a_row_within_one_field_only() {
        let docs: Vec<(String, String)> = [
            ("Miner signs colocation lease", "terms follow"),
            ("Miner update", "a lease for colocation, signed"),
            ("Colocation", "lease signed later"),
            ("Miner update", "critical IT capacity of 200 MW"),
            ("Critical IT", "IT capacity grows; critical IT too"),
            ("Miner update", "Colocation leases were signed"),
        ]
        .iter()
        .map(|(t, b)| (t.to_string(), b.to_string()))
        .collect();
        let ix = indexed(&docs);
        // two words: in a row, in that order, in one title or one body (stems: "leases" too)
        assert_eq!(found(&ix, "\"colocation lease\""), [1, 6]);
        // three words: each consecutive pair in one document (5 holds both pairs apart: the
        // approximation the combined field makes)
        assert_eq!(found(&ix, "\"critical IT capacity\""), [4, 5]);
        assert_eq!(found(&ix, "\"capacity of 200\""), [4]);
        // a word that tokenizes into two is a phrase, as before
        assert_eq!(found(&ix, "IT-capacity"), [4, 5]);
        // the words anywhere, each in any field
        assert_eq!(found(&ix, "colocation lease"), [1, 2, 3, 6]);
        assert_eq!(found(&ix, "colocation lease NOT later"), [1, 2, 6]);
        assert_eq!(found(&ix, "title:colocation"), [1, 3]);
        // body: is the whole text (the body has no index of its own)
        assert_eq!(found(&ix, "body:\"colocation lease\""), [1, 6]);
    }

    #[test]
    fn a_conjunction_of_words_is_one_intersection_of_terms_of_the_text_field() {
        use tantivy::query::{BooleanQuery, Occur, TermQuery};
        let ix = indexed(&[("a".to_string(), "b".to_string())]);
        let f = ix.idx.fields;
        let parser = tantivy::query::QueryParser::for_index(&ix.idx.index, vec![f.title]);
        let terms = |q: &dyn tantivy::query::Query| -> Vec<(Occur, String, bool)> {
            q.downcast_ref::<BooleanQuery>()
                .unwrap()
                .clauses()
                .iter()
                .map(|(o, c)| {
                    let t = c.downcast_ref::<TermQuery>().unwrap().term();
                    (
                        *o,
                        t.value().as_str().unwrap().to_string(),
                        t.field() == f.text,
                    )
                })
                .collect()
        };
        let q = crate::index::compile::compile("(GPU inference) cluster", &f, &parser).unwrap();
        assert_eq!(
            terms(&*q),
            [
                (Occur::Must, "gpu".to_string(), true),
                (Occur::Must, "infer".to_string(), true),
                (Occur::Must, "cluster".to_string(), true),
            ]
        );
        let q = crate::index::compile::compile("curtailment NOT bitcoin", &f, &parser).unwrap();
        assert_eq!(
            terms(&*q),
            [
                (Occur::Must, "curtail".to_string(), true),
                (Occur::MustNot, "bitcoin".to_string(), true),
            ]
        );
        // a word alone is its term query, not a boolean of one clause
        let q = crate::index::compile::compile("lease", &f, &parser).unwrap();
        assert_eq!(
            q.downcast_ref::<TermQuery>().unwrap().term().field(),
            f.text
        );
        // a phrase of two words is one term of the text field, its pair
        let q = crate::index::compile::compile("\"liquid cooling\"", &f, &parser).unwrap();
        let t = q.downcast_ref::<TermQuery>().unwrap().term();
        assert_eq!(
            (t.field(), t.value().as_str()),
            (f.text, Some("liquid cool"))
        );
        assert!(matches!(
            crate::index::compile::compile("NOT bitcoin", &f, &parser),
            Err(tantivy::query::QueryParserError::AllButQueryForbidden)
        ));
    }

    #[test]
    fn marks_at_the_start_of_a_text_weigh_nothing() {
        // a body that opens with the weight mark counts its words once, like any body
        let docs = vec![
            ("note a".to_string(), "\u{1}\u{1}\u{1}lease".to_string()),
            ("note b".to_string(), "lease".to_string()),
        ];
        let ix = indexed(&docs);
        let hits = hits(&ix, "lease");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].score, hits[1].score);
    }

    #[test]
    fn a_phrase_is_highlighted_in_the_snippet() {
        let docs = vec![(
            "Miner update".to_string(),
            "The company said the colocation lease starts in May.".to_string(),
        )];
        let ix = indexed(&docs);
        let hits = hits(&ix, "\"colocation lease\"");
        assert_eq!(
            hits[0].snippet.marked("[", "]"),
            "The company said the [colocation] [lease] starts in May"
        );
        // cut from the body SQLite holds: the index keeps no copy of it (schema 3)
        assert!(ix.idx.index.schema().get_field("body").is_err());
    }
}
