//! The `en_stem` analyzer with a memo of stems.
//!
//! Stemming was a quarter of a rebuild's time (the Snowball English stemmer on every token), yet
//! news text repeats a small vocabulary: each indexing thread keeps the stems it has computed, so
//! a word is stemmed once per thread rather than once per occurrence. The tokens are exactly
//! tantivy's `en_stem` (simple tokenizer, tokens over 40 bytes dropped, lower case, English
//! Snowball stem): an index built with either is the same index.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    Token, TokenFilter, TokenStream, Tokenizer,
};

/// Words remembered per thread before the memo starts afresh (bounds memory on odd text).
const MEMO_WORDS: usize = 200_000;

/// The analyzer registered as `en_stem` on every index this crate opens or creates.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(MemoStem)
        .build()
}

/// English stemming with a memo.
#[derive(Clone)]
struct MemoStem;

impl TokenFilter for MemoStem {
    type Tokenizer<T: Tokenizer> = MemoStemFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> MemoStemFilter<T> {
        MemoStemFilter {
            inner,
            memo: FxHashMap::default(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
        }
    }
}

#[derive(Clone)]
struct MemoStemFilter<T> {
    inner: T,
    memo: FxHashMap<String, String>,
    /// tantivy's own stemmer, over one word at a time
    stemmer: TextAnalyzer,
}

impl<T: Tokenizer> Tokenizer for MemoStemFilter<T> {
    type TokenStream<'a> = MemoStemStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MemoStemStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
            stemmer: &mut self.stemmer,
        }
    }
}

struct MemoStemStream<'a, T> {
    tail: T,
    memo: &'a mut FxHashMap<String, String>,
    stemmer: &'a mut TextAnalyzer,
}

impl<T: TokenStream> TokenStream for MemoStemStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.memo.get(&token.text) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem = {
            let mut one = self.stemmer.token_stream(&token.text);
            if one.advance() {
                one.token().text.clone()
            } else {
                token.text.clone()
            }
        };
        if self.memo.len() >= MEMO_WORDS {
            self.memo.clear();
        }
        self.memo
            .insert(std::mem::replace(&mut token.text, stem.clone()), stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(a: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut s = a.token_stream(text);
        while s.advance() {
            let t = s.token();
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    #[test]
    fn the_memo_gives_tantivys_en_stem_tokens_exactly() {
        let mut tantivy_en = tantivy::tokenizer::TokenizerManager::default()
            .get("en_stem")
            .unwrap();
        let mut ours = analyzer();
        let text =
            "Leases, leasing and LEASED: the miners' leases were signed; Dogs are the bests! \
                    Colocation colocations running runs ran "
                .repeat(3)
                + &"x".repeat(45)
                + " Ünïcode naïve café";
        // twice: the second pass is read from the memo
        for _ in 0..2 {
            assert_eq!(tokens(&mut ours, &text), tokens(&mut tantivy_en, &text));
        }
        assert_eq!(
            tokens(&mut ours, "Leases leasing")
                .iter()
                .map(|t| t.0.as_str())
                .collect::<Vec<_>>(),
            ["leas", "leas"]
        );
    }
}
