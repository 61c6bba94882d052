//! The `en_stem` and `en_text` analyzers, in one pass over the text with a memo of stems.
//!
//! Stemming was a quarter of a rebuild's time (the Snowball English stemmer on every token), yet
//! news text repeats a small vocabulary: each analyzer keeps the stems it has computed, keyed by
//! the word as the text writes it, so a word is lower-cased and stemmed once per analyzer (each
//! segment an indexing thread writes has its own) rather than once per occurrence. The chain of tantivy's `en_stem` (simple tokenizer, tokens of
//! 40 bytes or more dropped, lower case, English Snowball stem) was a third of what remained: five
//! token streams, each copying the token on to the next. Here one stream finds a word (a run of
//! alphanumeric characters, an ASCII byte tested as a byte), looks it up and writes its stem once.
//! The tokens are exactly tantivy's `en_stem` (a test compares them): an index built with either
//! is the same index.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// Words remembered per analyzer before the memo starts afresh (bounds memory on odd text).
const MEMO_WORDS: usize = 200_000;

/// A word of this many bytes or more is no token (tantivy's `RemoveLongFilter::limit(40)`).
const LONG_WORD: usize = 40;

/// The analyzer registered as `en_stem` on every index this crate opens or creates.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::from(StemTokenizer::default())
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
    TextAnalyzer::from(TextTokenizer::default())
}

/// The words of a text: maximal runs of alphanumeric characters (as tantivy's simple tokenizer
/// splits), each with its byte range and its position (every word counts, a long one too).
struct Words<'a> {
    text: &'a str,
    at: usize,
    position: usize,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Words {
            text,
            at: 0,
            position: 0,
        }
    }

    /// Whether the character that starts at byte `i` (not ASCII) is alphanumeric, and its
    /// length in bytes (`i` is always at a character's start: the scan moves by whole characters).
    #[cold]
    fn wide(&self, i: usize) -> (bool, usize) {
        let c = self.text[i..].chars().next().unwrap_or(' ');
        (c.is_alphanumeric(), c.len_utf8())
    }

    /// The next word's byte range and position.
    #[inline]
    fn next_word(&mut self) -> Option<(usize, usize, usize)> {
        let bytes = self.text.as_bytes();
        let n = bytes.len();
        let mut i = self.at;
        // what separates the words
        loop {
            let Some(&b) = bytes.get(i) else {
                self.at = n;
                return None;
            };
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let (alnum, len) = self.wide(i);
                if alnum {
                    break;
                }
                i += len;
            }
        }
        let from = i;
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let (alnum, len) = self.wide(i);
                if !alnum {
                    break;
                }
                i += len;
            }
        }
        self.at = i;
        let position = self.position;
        self.position += 1;
        Some((from, i, position))
    }
}

/// The stems already computed, by the word as the text writes it.
#[derive(Clone)]
struct Stems {
    memo: FxHashMap<String, String>,
    /// tantivy's own stemmer, over one lower-cased word at a time
    stemmer: TextAnalyzer,
}

impl Default for Stems {
    fn default() -> Self {
        Stems {
            memo: FxHashMap::default(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
        }
    }
}

impl Stems {
    /// Write the stem of `word` (as written) into `out`.
    #[inline]
    fn stem_into(&mut self, word: &str, out: &mut String) {
        out.clear();
        if let Some(stem) = self.memo.get(word) {
            out.push_str(stem);
            return;
        }
        // lower case as tantivy's `LowerCaser`: ASCII by byte, otherwise character by character
        // (no final-sigma rule)
        let lower = if word.is_ascii() {
            word.to_ascii_lowercase()
        } else {
            let mut l = String::with_capacity(word.len());
            for c in word.chars() {
                l.extend(c.to_lowercase());
            }
            l
        };
        let stemmed = {
            let mut one = self.stemmer.token_stream(&lower);
            one.advance().then(|| one.token().text.clone())
        };
        let stem = stemmed.unwrap_or(lower);
        out.push_str(&stem);
        if self.memo.len() >= MEMO_WORDS {
            self.memo.clear();
        }
        self.memo.insert(word.to_string(), stem);
    }
}

/// The tokenizer behind `en_stem`.
#[derive(Clone, Default)]
struct StemTokenizer {
    stems: Stems,
    token: Token,
}

impl Tokenizer for StemTokenizer {
    type TokenStream<'a> = StemStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> StemStream<'a> {
        self.token.reset();
        StemStream {
            stemmed: Stemmed {
                words: Words::new(text),
                stems: &mut self.stems,
            },
            token: &mut self.token,
        }
    }
}

/// The stems of a text's words, one at a time into a token the caller holds.
struct Stemmed<'a> {
    words: Words<'a>,
    stems: &'a mut Stems,
}

impl Stemmed<'_> {
    /// The next stem into `token` (a long word skipped, its position kept counted).
    #[inline]
    fn next_into(&mut self, token: &mut Token) -> bool {
        while let Some((from, to, position)) = self.words.next_word() {
            if to - from >= LONG_WORD {
                continue;
            }
            self.stems
                .stem_into(&self.words.text[from..to], &mut token.text);
            token.offset_from = from;
            token.offset_to = to;
            token.position = position;
            token.position_length = 1;
            return true;
        }
        false
    }
}

struct StemStream<'a> {
    stemmed: Stemmed<'a>,
    token: &'a mut Token,
}

impl TokenStream for StemStream<'_> {
    fn advance(&mut self) -> bool {
        self.stemmed.next_into(self.token)
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The tokenizer behind `en_text`.
#[derive(Clone, Default)]
struct TextTokenizer {
    stems: Stems,
    /// the word just read and the pair it closes (`out[1]` holds the previous word until then)
    out: [Token; 2],
}

impl Tokenizer for TextTokenizer {
    type TokenStream<'a> = TextStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TextStream<'a> {
        let rest = text.trim_start_matches(WEIGHT_MARK);
        // (at most the title's three: a weight is this crate's mark, never the text's)
        let weight = (text.len() - rest.len()).clamp(1, 3);
        TextStream {
            words: Stemmed {
                words: Words::new(rest),
                stems: &mut self.stems,
            },
            weight,
            out: &mut self.out,
            n_out: 0,
            idx: 0,
            rep: 0,
            started: false,
            next_position: 0,
        }
    }
}

struct TextStream<'a> {
    words: Stemmed<'a>,
    weight: usize,
    out: &'a mut [Token; 2],
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
            let [word, pair_token] = &mut *self.out;
            if self.started {
                // the previous word moves to the pair's slot, which then gains the new word
                std::mem::swap(word, pair_token);
            }
            if !self.words.next_into(word) {
                return false;
            }
            if self.started {
                pair_token.text.push(' ');
                pair_token.text.push_str(&word.text);
                pair_token.offset_to = word.offset_to;
                pair_token.position = self.next_position;
                pair_token.position_length = 1;
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// tantivy's own `en_stem` chain, the reference the one-pass analyzers are held to.
    fn tantivy_en_stem() -> TextAnalyzer {
        tantivy::tokenizer::TokenizerManager::default()
            .get("en_stem")
            .unwrap()
    }

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
        let mut tantivy_en = tantivy_en_stem();
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

    /// Texts that reach every branch of the one-pass scan: case the memo must not conflate,
    /// characters that lower-case to two, digits, marks, scripts without case, words of 39, 40
    /// and more bytes (ASCII and not), a text that ends inside a word.
    fn hard_texts() -> Vec<String> {
        vec![
            "Leases leases LEASES lEaSeS; leased, leasing".to_string(),
            "İstanbul İSTANBUL ΣΊΣΥΦΟΣ Straße STRASSE ǅemal ﬁnance".to_string(),
            "Hut 8's 2,000-MW campus (Q3'25): 10x 3.5 GW — $7.0bn/yr".to_string(),
            "データセンター 数据中心 \u{1F680} rocket\u{1F680}launch naïve café résumé".to_string(),
            format!(
                "a{} b{} {} {}end",
                "x".repeat(38),
                "y".repeat(39),
                "é".repeat(20),
                "é".repeat(19)
            ),
            "\u{301}accent alone, tab\tnew\nline\r\n  ".to_string(),
            "MiXeD".to_string(),
            String::new(),
        ]
    }

    #[test]
    fn the_one_pass_analyzer_gives_tantivys_en_stem_chain_on_every_kind_of_text() {
        let mut tantivy_en = tantivy_en_stem();
        let mut ours = analyzer();
        for _ in 0..2 {
            for t in hard_texts() {
                assert_eq!(tokens(&mut ours, &t), tokens(&mut tantivy_en, &t), "{t:?}");
            }
        }
    }

    #[test]
    fn the_text_field_is_tantivys_stems_and_their_pairs_on_every_kind_of_text() {
        let mut tantivy_en = tantivy_en_stem();
        let mut ours = text_analyzer();
        for weight in 1..=3 {
            for t in hard_texts() {
                // the reference: tantivy's stems renumbered, each followed by the pair it closes
                let stems = tokens(&mut tantivy_en, &t);
                let mut want = Vec::new();
                for (k, (text, _, from, to)) in stems.iter().enumerate() {
                    for _ in 0..weight {
                        want.push((text.clone(), k, *from, *to));
                    }
                    if k > 0 {
                        let prev = &stems[k - 1];
                        for _ in 0..weight {
                            want.push((pair(&prev.0, text), k, prev.2, *to));
                        }
                    }
                }
                let marked = format!("{}{t}", WEIGHT_MARK.to_string().repeat(weight));
                // the offsets count from the text after its marks
                let got: Vec<_> = tokens(&mut ours, &marked);
                assert_eq!(got, want, "{t:?} weight {weight}");
            }
        }
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
