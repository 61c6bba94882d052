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

thread_local! {
    /// Each thread's analyzer (and so its memo) for `tokens`.
    static ANALYZER: std::cell::RefCell<TextAnalyzer> = std::cell::RefCell::new(analyzer());
}

/// The `en_stem` tokens of a text, with this thread's memo.
pub fn tokens(text: &str) -> Vec<Token> {
    ANALYZER.with_borrow_mut(|a| {
        let mut out = Vec::new();
        let mut s = a.token_stream(text);
        while s.advance() {
            out.push(s.token().clone());
        }
        out
    })
}

/// The term of two consecutive stems, as the `text` field holds it: a space cannot be inside a
/// token, so "coloc leas" is never a word.
pub fn pair(first: &str, second: &str) -> String {
    let mut s = String::with_capacity(first.len() + second.len() + 1);
    s.push_str(first);
    s.push(' ');
    s.push_str(second);
    s
}

/// Marks a value of the `text` field to be counted more than once: a value that starts with N of
/// these counts each of its words (and pairs) N times.
pub const WEIGHT_MARK: char = '\u{1}';

/// The analyzer registered as `en_text`, for the combined `text` field: each `en_stem` token, and
/// each two consecutive ones as one token (`pair`), every token emitted as many times as the value
/// is weighted (`WEIGHT_MARK`), so that one pass over a headline counts its words three times.
pub fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(TextTokenizer { inner: analyzer() })
}

#[derive(Clone)]
struct TextTokenizer {
    inner: TextAnalyzer,
}

impl Tokenizer for TextTokenizer {
    type TokenStream<'a> = TextStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TextStream<'a> {
        let rest = text.trim_start_matches(WEIGHT_MARK);
        // (at most the title's three: a weight is this crate's mark, never the text's)
        let weight = (text.len() - rest.len()).clamp(1, 3);
        TextStream {
            tail: self.inner.token_stream(rest),
            weight,
            out: [Token::default(), Token::default()],
            n_out: 0,
            idx: 0,
            rep: 0,
            started: false,
            next_position: 0,
        }
    }
}

struct TextStream<'a> {
    tail: tantivy::tokenizer::BoxTokenStream<'a>,
    weight: usize,
    /// the word just read and the pair it closes (`out[1]` holds the previous word until then)
    out: [Token; 2],
    n_out: usize,
    idx: usize,
    rep: usize,
    started: bool,
    next_position: usize,
}

impl TokenStream for TextStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            if self.idx < self.n_out && self.rep < self.weight {
                self.rep += 1;
                return true;
            }
            if self.idx + 1 < self.n_out {
                self.idx += 1;
                self.rep = 0;
                continue;
            }
            if !self.tail.advance() {
                return false;
            }
            let cur = self.tail.token();
            let [word, pair_token] = &mut self.out;
            if self.started {
                // the previous word is still in `word`: the pair is it and this one
                pair_token.text.clear();
                pair_token.text.push_str(&word.text);
                pair_token.text.push(' ');
                pair_token.text.push_str(&cur.text);
                pair_token.offset_from = word.offset_from;
                pair_token.offset_to = cur.offset_to;
                pair_token.position = self.next_position;
                pair_token.position_length = 1;
            }
            word.text.clear();
            word.text.push_str(&cur.text);
            word.offset_from = cur.offset_from;
            word.offset_to = cur.offset_to;
            word.position = self.next_position;
            word.position_length = 1;
            self.next_position += 1;
            self.n_out = if self.started { 2 } else { 1 };
            self.started = true;
            self.idx = 0;
            self.rep = 0;
        }
    }

    fn token(&self) -> &Token {
        &self.out[self.idx]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.out[self.idx]
    }
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
            super::tokens(&text)
                .iter()
                .map(|t| (t.text.clone(), t.position, t.offset_from, t.offset_to))
                .collect::<Vec<_>>(),
            tokens(&mut tantivy_en, &text)
        );
        assert_eq!(
            tokens(&mut ours, "Leases leasing")
                .iter()
                .map(|t| t.0.as_str())
                .collect::<Vec<_>>(),
            ["leas", "leas"]
        );
    }

    #[test]
    fn the_text_field_has_each_word_and_each_pair_as_often_as_the_value_weighs() {
        let mut a = text_analyzer();
        let texts = |a: &mut TextAnalyzer, t: &str| -> Vec<String> {
            tokens(a, t).into_iter().map(|t| t.0).collect()
        };
        assert_eq!(
            texts(&mut a, "Colocation leases, signed."),
            ["coloc", "leas", "coloc leas", "sign", "leas sign"]
        );
        assert_eq!(
            texts(&mut a, "\u{1}\u{1}GPU cloud"),
            ["gpu", "gpu", "cloud", "cloud", "gpu cloud", "gpu cloud"]
        );
        assert_eq!(
            texts(&mut a, "\u{1}\u{1}\u{1}lease"),
            ["leas", "leas", "leas"]
        );
        assert!(texts(&mut a, "").is_empty());
        assert!(texts(&mut a, "\u{1}").is_empty());
        assert_eq!(texts(&mut a, &"\u{1}".repeat(500)).len(), 0);
        assert_eq!(
            texts(&mut a, &format!("{}x", "\u{1}".repeat(500))),
            ["x", "x", "x"]
        );
        // each value starts afresh: no pair across two values
        assert_eq!(texts(&mut a, "cloud"), ["cloud"]);
    }
}
