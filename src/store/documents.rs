//! The `documents` table and the dedup chain that keeps a re-crawl from duplicating anything.

use std::collections::HashSet;

use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::{FetchLogEntry, SqlContext, Store, StoreError};
use crate::model::{Document, NewDocument, canonical_url, fmt_time};

/// What storing one batch of documents did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InsertOutcome {
    pub new: usize,
    /// Already stored, and this fetch changed its title or text.
    pub updated: usize,
    /// Already stored (same source and guid, same URL, same filing, or same text) and unchanged.
    pub unchanged: usize,
}

/// A document whose article page is still to be fetched.
#[derive(Debug, Clone)]
pub struct PendingArticle {
    pub id: i64,
    pub source: String,
    pub url: String,
}

/// A stable fingerprint of a document's text: lower-cased, whitespace-folded title, summary and body.
pub fn hash_content(title: &str, summary: Option<&str>, body: Option<&str>) -> String {
    let mut h = Sha256::new();
    for part in [title, summary.unwrap_or(""), body.unwrap_or("")] {
        for word in part.split_whitespace() {
            h.update(word.to_lowercase().as_bytes());
            h.update(b" ");
        }
        h.update(b"\x1f");
    }
    let d = h.finalize();
    d.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

const DOC_COLUMNS: &str = "id, source, kind, url, canonical_url, guid, title, summary, body, author,
    published_at, fetched_at, updated_at, content_hash, cik, form_type, accession_no, items, article_status, genre,
    deal_reasons";

fn row_to_document(r: &rusqlite::Row<'_>) -> rusqlite::Result<Document> {
    Ok(Document {
        id: r.get(0)?,
        source: r.get(1)?,
        kind: r.get(2)?,
        url: r.get(3)?,
        canonical_url: r.get(4)?,
        guid: r.get(5)?,
        title: r.get(6)?,
        summary: r.get(7)?,
        body: r.get(8)?,
        author: r.get(9)?,
        published_at: r.get(10)?,
        fetched_at: r.get(11)?,
        updated_at: r.get(12)?,
        content_hash: r.get(13)?,
        cik: r.get(14)?,
        form_type: r.get(15)?,
        accession_no: r.get(16)?,
        items: r.get(17)?,
        article_status: r.get(18)?,
        genre: r.get(19)?,
        deal_reasons: match r.get::<_, Option<String>>(20)? {
            None => Vec::new(),
            Some(t) => serde_json::from_str(&t).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    20,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })?,
        },
    })
}

impl Store {
    /// Store one source's fetch: its documents and the source's new state, in one transaction, so
    /// a crash never leaves validators (ETag) stored without the documents they vouch for.
    pub fn commit_fetch(
        &mut self,
        source: &str,
        docs: &[NewDocument],
        entry: &FetchLogEntry,
    ) -> Result<InsertOutcome, StoreError> {
        // a savepoint: its own transaction, or a part of `Store::batch`'s undone alone
        let tx = self.conn.savepoint().ctx("starting document batch")?;
        let outcome = insert_documents(&tx, source, docs)?;
        Store::record_fetch_tx(&tx, source, entry, Some(outcome.new as i64))?;
        tx.commit().ctx("committing document batch")?;
        Ok(outcome)
    }

    /// Accession numbers already stored (filings are never fetched twice).
    pub fn known_accessions(&self, cik: &str) -> Result<HashSet<String>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT accession_no FROM documents WHERE cik = ?1 AND accession_no IS NOT NULL",
            )
            .ctx("preparing accession lookup")?;
        let rows = st
            .query_map([cik], |r| r.get::<_, String>(0))
            .ctx("reading accessions")?;
        rows.collect::<Result<HashSet<_>, _>>()
            .ctx("reading accessions")
    }

    /// Documents waiting for their article page, oldest first.
    pub fn pending_articles(&self, limit: usize) -> Result<Vec<PendingArticle>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT id, source, url FROM documents
                 WHERE article_status = 'pending' AND url IS NOT NULL ORDER BY id LIMIT ?1",
            )
            .ctx("preparing pending articles")?;
        let rows = st
            .query_map([limit as i64], |r| {
                Ok(PendingArticle {
                    id: r.get(0)?,
                    source: r.get(1)?,
                    url: r.get(2)?,
                })
            })
            .ctx("reading pending articles")?;
        rows.collect::<Result<Vec<_>, _>>()
            .ctx("reading pending articles")
    }

    /// Store an article's extracted text (`body = None` keeps the summary only) and its status:
    /// `done`, `robots` (disallowed), `failed: <error>`.
    /// A document's publication time when it has none yet (a listing item dated by its own page).
    pub fn set_published_if_missing(
        &mut self,
        id: i64,
        at: chrono::DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE documents SET published_at = ?2, indexed_at = NULL
                 WHERE id = ?1 AND published_at IS NULL",
                params![id, fmt_time(at)],
            )
            .ctx("dating a document from its page")?;
        Ok(())
    }

    pub fn set_article(
        &mut self,
        id: i64,
        body: Option<&str>,
        status: &str,
    ) -> Result<(), StoreError> {
        let now = fmt_time(Utc::now());
        // a new text is to be reindexed (writing `indexed_at` queues it); a status alone is not
        let changed = match body {
            Some(body) => self.conn.execute(
                "UPDATE documents SET body = ?2, article_status = ?3, updated_at = ?4,
                        indexed_at = NULL
                 WHERE id = ?1",
                params![id, body, status, now],
            ),
            None => self.conn.execute(
                "UPDATE documents SET article_status = ?2 WHERE id = ?1",
                params![id, status],
            ),
        }
        .ctx("storing article body")?;
        if changed == 1 && body.is_some() {
            // Keep the fingerprint in step with the text it fingerprints.
            let (title, summary, b): (String, Option<String>, Option<String>) = self
                .conn
                .query_row(
                    "SELECT title, summary, body FROM documents WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .ctx("reading article")?;
            self.conn
                .execute(
                    "UPDATE documents SET content_hash = ?2 WHERE id = ?1",
                    params![id, hash_content(&title, summary.as_deref(), b.as_deref())],
                )
                .ctx("updating content hash")?;
        }
        Ok(())
    }

    pub fn document(&self, id: i64) -> Result<Option<Document>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {DOC_COLUMNS} FROM documents WHERE id = ?1"),
                [id],
                row_to_document,
            )
            .optional()
            .ctx("reading document")
    }

    /// A document by its URL, as given or canonicalised.
    pub fn document_by_url(&self, url: &str) -> Result<Option<Document>, StoreError> {
        let canon = canonical_url(url);
        self.conn
            .query_row(
                &format!(
                    "SELECT {DOC_COLUMNS} FROM documents WHERE url = ?1 OR canonical_url = ?2
                     ORDER BY id LIMIT 1"
                ),
                params![url, canon],
                row_to_document,
            )
            .optional()
            .ctx("reading document")
    }

    /// All documents of a source, oldest first (tests and exports).
    pub fn documents_of(&self, source: &str) -> Result<Vec<Document>, StoreError> {
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT {DOC_COLUMNS} FROM documents WHERE source = ?1 ORDER BY id"
            ))
            .ctx("preparing document list")?;
        let rows = st
            .query_map([source], row_to_document)
            .ctx("listing documents")?;
        rows.collect::<Result<Vec<_>, _>>().ctx("listing documents")
    }

    pub fn count_documents(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .ctx("counting documents")
    }
}

/// The dedup chain: the same filing (accession number), the same item of the same source (guid),
/// the same page (canonical URL, tracking parameters stripped), or, for items without a link, the
/// same text. The first that matches decides; a match from the same source with changed text is an
/// update.
fn insert_documents(
    tx: &Connection,
    source: &str,
    docs: &[NewDocument],
) -> Result<InsertOutcome, StoreError> {
    let mut out = InsertOutcome::default();
    let now = fmt_time(Utc::now());
    let mut by_accession = tx
        .prepare_cached("SELECT id FROM documents WHERE accession_no = ?1")
        .ctx("preparing dedup")?;
    let mut by_guid = tx
        .prepare_cached("SELECT id, content_hash FROM documents WHERE source = ?1 AND guid = ?2")
        .ctx("preparing dedup")?;
    let mut by_url = tx
        .prepare_cached("SELECT id FROM documents WHERE canonical_url = ?1")
        .ctx("preparing dedup")?;
    let mut by_hash = tx
        .prepare_cached("SELECT id FROM documents WHERE content_hash = ?1 LIMIT 1")
        .ctx("preparing dedup")?;
    let mut by_title = tx
        .prepare_cached(
            "SELECT id, content_hash FROM documents WHERE title = ?1 AND kind = ?2
             ORDER BY id DESC LIMIT 1",
        )
        .ctx("preparing dedup")?;
    let mut insert = tx
        .prepare_cached(
            "INSERT INTO documents(source, kind, url, canonical_url, guid, title, summary, body, author,
                 published_at, fetched_at, content_hash, cik, form_type, accession_no, items, article_status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
             ON CONFLICT DO NOTHING",
        )
        .ctx("preparing insert")?;
    let mut update = tx
        .prepare_cached(
            "UPDATE documents SET title = ?2, summary = ?3, body = coalesce(?4, body),
                    published_at = coalesce(published_at, ?5), content_hash = ?6, updated_at = ?7,
                    indexed_at = NULL
             WHERE id = ?1",
        )
        .ctx("preparing update")?;

    for d in docs {
        // A wire's re-send ("RETRANSMISSION: ...") is the story already stored; a correction
        // ("CORRECTION - ...", "REPLACING ...", "UPDATE - ...") replaces its text and keeps its
        // first-seen time. Without the original, it is stored under the title without the prefix.
        let resent;
        let d = match resend(&d.title) {
            Some((kind, base)) => {
                let hash = hash_content(base, d.summary.as_deref(), d.body.as_deref());
                let original = by_title
                    .query_row(params![base, d.kind.as_str()], |r| {
                        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                    })
                    .optional()
                    .ctx("dedup by title")?;
                match (original, kind) {
                    (Some(_), Resend::Same) => {
                        out.unchanged += 1;
                        continue;
                    }
                    (Some((_, old)), Resend::Correction) if old == hash => {
                        out.unchanged += 1;
                        continue;
                    }
                    (Some((id, _)), Resend::Correction) => {
                        update
                            .execute(params![
                                id,
                                base,
                                d.summary,
                                d.body,
                                d.published_at.map(fmt_time),
                                hash,
                                now
                            ])
                            .ctx("updating document")?;
                        out.updated += 1;
                        continue;
                    }
                    (None, _) => {
                        resent = NewDocument {
                            title: base.to_string(),
                            ..d.clone()
                        };
                        &resent
                    }
                }
            }
            None => d,
        };
        let canon = d.url.as_deref().map(canonical_url);
        let hash = hash_content(&d.title, d.summary.as_deref(), d.body.as_deref());
        if let Some(acc) = &d.accession_no
            && by_accession
                .query_row([acc], |r| r.get::<_, i64>(0))
                .optional()
                .ctx("dedup by accession")?
                .is_some()
        {
            out.unchanged += 1;
            continue;
        }
        if let Some(guid) = &d.guid
            && let Some((id, old_hash)) = by_guid
                .query_row(params![source, guid], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })
                .optional()
                .ctx("dedup by guid")?
        {
            if old_hash == hash || d.body.is_none() && old_hash_matches_without_body(tx, id, d)? {
                out.unchanged += 1;
            } else {
                let published = d.published_at.map(fmt_time);
                update
                    .execute(params![
                        id, d.title, d.summary, d.body, published, hash, now
                    ])
                    .ctx("updating document")?;
                out.updated += 1;
            }
            continue;
        }
        if let Some(c) = &canon
            && by_url
                .query_row([c], |r| r.get::<_, i64>(0))
                .optional()
                .ctx("dedup by url")?
                .is_some()
        {
            out.unchanged += 1;
            continue;
        }
        if canon.is_none()
            && by_hash
                .query_row([&hash], |r| r.get::<_, i64>(0))
                .optional()
                .ctx("dedup by content")?
                .is_some()
        {
            out.unchanged += 1;
            continue;
        }
        let article_status = (d.needs_article && d.url.is_some()).then_some("pending");
        // A uniqueness conflict the chain above did not foresee (say, a guid reused with another
        // URL that is already stored) is a duplicate, not a reason to lose the whole batch.
        let inserted = insert
            .execute(params![
                source,
                d.kind.as_str(),
                d.url,
                canon,
                d.guid,
                d.title,
                d.summary,
                d.body,
                d.author,
                d.published_at.map(fmt_time),
                now,
                hash,
                d.cik,
                d.form_type,
                d.accession_no,
                d.items,
                article_status
            ])
            .ctx("inserting document")?;
        if inserted == 1 {
            out.new += 1;
        } else {
            out.unchanged += 1;
        }
    }
    Ok(out)
}

/// What a wire's prefix says a release is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Resend {
    /// The same release sent again (`RETRANSMISSION:`).
    Same,
    /// A corrected or updated release (`CORRECTION -`, `CORRECTING and REPLACING`, `REPLACING`,
    /// `UPDATE -`): its text replaces the original's.
    Correction,
}

/// A re-send prefix written as the wires write it (upper case, then `:`, `-` or a dash), and the
/// title without it.
fn resend(title: &str) -> Option<(Resend, &str)> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"^\s*(RETRANSMISSION|CORRECTING AND REPLACING|CORRECTING and REPLACING|CORRECTION|REPLACING|REPLACEMENT|UPDATED|UPDATE)\b\s*(?:[:\-–—]\s*|\s+)(\S.*)$",
        )
        .expect("static regex")
    });
    let c = re.captures(title)?;
    let kind = if &c[1] == "RETRANSMISSION" {
        Resend::Same
    } else {
        Resend::Correction
    };
    Some((kind, c.get(2)?.as_str().trim()))
}

/// A summary-only item whose stored row has since gained an article body: the feed item is unchanged
/// when its title and summary are, whatever body we fetched ourselves.
fn old_hash_matches_without_body(
    tx: &Connection,
    id: i64,
    d: &NewDocument,
) -> Result<bool, StoreError> {
    let (title, summary): (String, Option<String>) = tx
        .query_row(
            "SELECT title, summary FROM documents WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ctx("reading stored document")?;
    Ok(title == d.title && summary == d.summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_resend_prefixes() {
        assert_eq!(
            resend("RETRANSMISSION: IREN signs"),
            Some((Resend::Same, "IREN signs"))
        );
        for t in [
            "CORRECTION - IREN signs",
            "CORRECTION: IREN signs",
            "CORRECTING and REPLACING IREN signs",
            "REPLACING IREN signs",
            "UPDATE – IREN signs",
            "UPDATED: IREN signs",
        ] {
            assert_eq!(resend(t), Some((Resend::Correction, "IREN signs")), "{t}");
        }
        // ordinary headlines that begin with the same words are not re-sends
        for t in [
            "Update on IREN's Sweetwater campus",
            "Correction of a typo is not news",
            "UPDATES",
            "RETRANSMISSION:",
        ] {
            assert_eq!(resend(t), None, "{t}");
        }
    }
    use crate::model::DocKind;

    fn entry() -> FetchLogEntry {
        FetchLogEntry {
            note: None,
            url: "http://x/feed".into(),
            started_at: Utc::now(),
            http_status: Some(200),
            bytes: Some(10),
            error: None,
            etag: Some("\"v1\"".into()),
            last_modified: None,
            next_due_at: None,
        }
    }

    fn doc(guid: &str, url: &str, title: &str) -> NewDocument {
        NewDocument {
            kind: DocKind::News,
            guid: Some(guid.into()),
            url: Some(url.into()),
            title: title.into(),
            summary: Some("s".into()),
            ..Default::default()
        }
    }

    fn store_with(sources: &[&str]) -> Store {
        let mut s = Store::open_in_memory().unwrap();
        let list: Vec<(String, &str, String)> = sources
            .iter()
            .map(|n| (n.to_string(), "feed", format!("http://x/{n}")))
            .collect();
        s.sync_sources(&list).unwrap();
        s
    }

    #[test]
    fn export_streams_documents_in_batches_in_the_export_order() {
        let mut s = store_with(&["a"]);
        let docs: Vec<NewDocument> = (0..5)
            .map(|i| {
                doc(
                    &format!("g{i}"),
                    &format!("https://x.example/{i}"),
                    &format!("T{i}"),
                )
            })
            .collect();
        s.commit_fetch("a", &docs, &entry()).unwrap();
        let mut sizes = Vec::new();
        let mut titles = Vec::new();
        s.export_documents(None, None, 2, |b| {
            sizes.push(b.len());
            titles.extend(b.iter().map(|d| d.title.clone()));
            Ok::<(), StoreError>(())
        })
        .unwrap();
        assert_eq!(sizes, vec![2, 2, 1]);
        let whole: Vec<String> = s
            .documents_for_export(None, None)
            .unwrap()
            .into_iter()
            .map(|d| d.title)
            .collect();
        assert_eq!(titles, whole);
        assert_eq!(whole.len(), 5);
        // an error from the consumer stops the stream and comes back as is
        let mut seen = 0;
        let r = s.export_documents(None, None, 2, |b| {
            seen += b.len();
            Err::<(), anyhow::Error>(anyhow::anyhow!("disk full"))
        });
        assert_eq!(r.unwrap_err().to_string(), "disk full");
        assert_eq!(seen, 2);
    }

    #[test]
    fn same_url_with_tracking_params_in_two_feeds_is_one_document() {
        let mut s = store_with(&["a", "b"]);
        let o = s
            .commit_fetch(
                "a",
                &[doc(
                    "1",
                    "https://News.example.com/x?id=3&utm_source=rss",
                    "T",
                )],
                &entry(),
            )
            .unwrap();
        assert_eq!(
            o,
            InsertOutcome {
                new: 1,
                updated: 0,
                unchanged: 0
            }
        );
        let o = s
            .commit_fetch(
                "b",
                &[doc("zz", "https://news.example.com/x?id=3#top", "T")],
                &entry(),
            )
            .unwrap();
        assert_eq!(
            o,
            InsertOutcome {
                new: 0,
                updated: 0,
                unchanged: 1
            }
        );
        assert_eq!(s.count_documents().unwrap(), 1);
    }

    #[test]
    fn changed_text_under_same_guid_is_an_update() {
        let mut s = store_with(&["a"]);
        s.commit_fetch("a", &[doc("1", "http://x/1", "Old title")], &entry())
            .unwrap();
        let o = s
            .commit_fetch("a", &[doc("1", "http://x/1", "New title")], &entry())
            .unwrap();
        assert_eq!(
            o,
            InsertOutcome {
                new: 0,
                updated: 1,
                unchanged: 0
            }
        );
        let d = s.documents_of("a").unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].title, "New title");
        assert!(d[0].updated_at.is_some());
    }

    #[test]
    fn accession_number_dedups_filings_and_linkless_items_dedup_by_text() {
        let mut s = store_with(&["a"]);
        let f = NewDocument {
            kind: DocKind::Filing,
            accession_no: Some("0001839341-24-000001".into()),
            title: "8-K".into(),
            ..Default::default()
        };
        let n = NewDocument {
            title: "No link".into(),
            summary: Some("same  words".into()),
            ..Default::default()
        };
        let n2 = NewDocument {
            title: "no LINK".into(),
            summary: Some("same words".into()),
            ..Default::default()
        };
        let o = s
            .commit_fetch("a", &[f.clone(), n.clone()], &entry())
            .unwrap();
        assert_eq!(o.new, 2);
        let o = s.commit_fetch("a", &[f, n2], &entry()).unwrap();
        assert_eq!(
            o,
            InsertOutcome {
                new: 0,
                updated: 0,
                unchanged: 2
            }
        );
    }

    #[test]
    fn content_hash_folds_case_and_whitespace() {
        assert_eq!(
            hash_content("A  b", Some("c\n d"), None),
            hash_content("a b", Some("C d"), None)
        );
        assert_ne!(
            hash_content("a", Some("b"), None),
            hash_content("a b", None, None)
        );
    }
}
