//! The search schema, field by field.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions,
};

/// Bump when the schema or its tokenization changes: an index built by another version is refused
/// with "run `hashpivot reindex`".
pub const SCHEMA_VERSION: u32 = 3;

/// The fields, by name.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    pub id: Field,
    pub title: Field,
    pub summary: Field,
    pub text: Field,
    pub tickers: Field,
    pub ticker_rel: Field,
    pub source: Field,
    pub kind: Field,
    pub form: Field,
    pub published: Field,
    pub sentiment: Field,
    pub deal: Field,
    pub deal_id: Field,
    pub relevance: Field,
    pub url: Field,
}

/// The schema:
/// - `id` (u64, indexed, stored, fast): the SQLite document id, to update and delete by.
/// - `title`, `summary` (text, English stemming, positions for phrases, stored): what `title:`
///   and `summary:` search (`title` boosted ×3, `summary` ×1.5). The body is not stored here:
///   SQLite has it, and a hit's snippet reads it from there (schema 3; storing it was an eighth of
///   a million-document rebuild, compressing and writing 2 GB that SQLite already holds).
/// - `text` (not stored, frequencies only, tokenizer `en_text`): what a query without a field (or
///   with `body:`) searches — each word of the title three times, of the summary twice, of the
///   body once, in one field, so a term's frequency and the document's length are weighted as
///   BM25F weighs fields, and a conjunction of words is an intersection of single postings lists,
///   which block-max WAND prunes (three fields per word were a union per word, which it cannot);
///   and beside each word the pair it makes with the word before ("coloc leas", a space inside,
///   so never a word), so a phrase is one term (or, longer, the conjunction of its pairs), not a
///   walk through the positions of every document that holds its words.
/// - `tickers` (raw strings, multi-valued, fast, stored): every company the document is linked to.
/// - `ticker_rel` (raw strings, not stored): "IREN#hi" (relevance ≥ 70) or "IREN#mid" (≥ 40), so a
///   query about a ticker can rank headline and lead mentions above passing ones.
/// - `source`, `kind` (news / press_release / filing), `form` (8-K, 6-K ...): raw strings, stored.
/// - `published` (date, seconds, indexed, fast, stored): publication time, or first-seen time.
/// - `sentiment` (f64, fast, stored): the document's tone.
/// - `deal` (raw "1" when the document reports an active deal) and `deal_id` (u64, stored).
/// - `relevance` (u64, fast, stored): the highest relevance of any linked company (0–100).
/// - `url` (stored only).
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let counted = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let fields = Fields {
        id: b.add_u64_field("id", INDEXED | STORED | FAST),
        title: b.add_text_field("title", text.clone()),
        summary: b.add_text_field("summary", text.clone()),
        text: b.add_text_field("text", counted("en_text")),
        tickers: b.add_text_field("tickers", STRING | STORED | FAST),
        ticker_rel: b.add_text_field("ticker_rel", STRING),
        source: b.add_text_field("source", STRING | STORED),
        kind: b.add_text_field("kind", STRING | STORED),
        form: b.add_text_field("form", STRING | STORED),
        published: b.add_date_field(
            "published",
            DateOptions::from(INDEXED)
                .set_stored()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        sentiment: b.add_f64_field("sentiment", STORED | FAST),
        deal: b.add_text_field("deal", STRING),
        deal_id: b.add_u64_field("deal_id", STORED),
        relevance: b.add_u64_field("relevance", STORED | FAST),
        url: b.add_text_field("url", STORED),
    };
    (b.build(), fields)
}
