//! Tone: a finance-aware lexicon score in [-1, 1].
//!
//! The lexicon (`data/sentiment-lexicon.tsv`, versioned in its header) scores words and phrases
//! from -4 to +4. A negator up to three words before a term flips and damps it (× −0.74, as in
//! VADER); a booster up to two words before scales it. The sum S is normalised as S/√(S² + 15)
//! (VADER's normalisation), which maps any sum into (-1, 1) and keeps short texts from saturating.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The method string stored beside every score.
pub const METHOD: &str = "hashpivot-lexicon";

const LEXICON_TSV: &str = include_str!("../../data/sentiment-lexicon.tsv");

pub struct Lexicon {
    pub version: String,
    /// phrase (as words) → score; the longest phrase is tried first
    terms: HashMap<String, f64>,
    max_words: usize,
    /// First words of the multi-word phrases: only these start a phrase lookup.
    phrase_starts: std::collections::HashSet<String>,
    negators: Vec<String>,
    boosters: HashMap<String, f64>,
}

/// The lexicon shipped with this version.
pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::parse(LEXICON_TSV))
}

impl Lexicon {
    pub fn parse(tsv: &str) -> Lexicon {
        let mut lex = Lexicon {
            version: "unversioned".into(),
            terms: HashMap::new(),
            max_words: 1,
            phrase_starts: std::collections::HashSet::new(),
            negators: vec![],
            boosters: HashMap::new(),
        };
        for line in tsv.lines() {
            if let Some(rest) = line.strip_prefix("# version") {
                lex.version = rest.trim().to_string();
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.as_slice() {
                ["!negator", w] => lex.negators.push(w.trim().to_string()),
                ["!booster", w, f] => {
                    if let Ok(f) = f.trim().parse() {
                        lex.boosters.insert(w.trim().to_string(), f);
                    }
                }
                [term, score] => {
                    if let Ok(s) = score.trim().parse::<f64>() {
                        let key = term.trim().to_lowercase();
                        let words = key.split(' ').count();
                        lex.max_words = lex.max_words.max(words);
                        if words > 1 {
                            lex.phrase_starts
                                .insert(key.split(' ').next().unwrap_or("").to_string());
                        }
                        lex.terms.insert(key, s);
                    }
                }
                _ => {}
            }
        }
        lex
    }

    /// Score a text in [-1, 1] (0 when nothing in it is scored).
    pub fn score(&self, text: &str) -> f64 {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| c.is_whitespace() || ",.;:!?()\"“”[]".contains(c))
            .filter(|w| !w.is_empty())
            .collect();
        let mut sum = 0.0;
        let mut i = 0;
        while i < words.len() {
            let mut matched = None;
            if self.phrase_starts.contains(words[i]) {
                for n in (2..=self.max_words.min(words.len() - i)).rev() {
                    let phrase = words[i..i + n].join(" ");
                    if let Some(s) = self.terms.get(&phrase) {
                        matched = Some((n, *s));
                        break;
                    }
                }
            }
            if matched.is_none() {
                matched = self.terms.get(words[i]).map(|s| (1, *s));
            }
            let Some((n, mut s)) = matched else {
                i += 1;
                continue;
            };
            let negated = words[i.saturating_sub(3)..i].iter().any(|w| {
                self.negators
                    .iter()
                    .any(|neg| w == neg || (neg == "n't" && w.ends_with("n't")))
            });
            if negated {
                s *= -0.74;
            }
            if let Some(f) = words[i.saturating_sub(2)..i]
                .iter()
                .find_map(|w| self.boosters.get(*w))
            {
                s *= f;
            }
            sum += s;
            i += n;
        }
        if sum == 0.0 {
            0.0
        } else {
            sum / (sum * sum + 15.0).sqrt()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }

    #[test]
    fn shipped_lexicon_has_a_version_and_finance_terms() {
        let l = lexicon();
        assert_eq!(l.version, "1");
        assert!(l.score("TeraWulf signs definitive agreement") > 0.5);
        assert!(l.score("Going concern doubt and dilution") < -0.5);
        assert_eq!(l.score("The company held its annual meeting"), 0.0);
        assert!(l.score("ACME crushes earnings estimates, shares soar") > 0.5);
    }

    #[test]
    fn scores_by_hand_with_negation_and_boosters() {
        let l = Lexicon::parse(
            "# version\tt\nsigned\t2.0\ndefinitive agreement\t2.5\ndelay\t-1.8\n!negator\tnot\n!booster\tsharply\t1.4\n",
        );
        assert_eq!(l.version, "t");
        // 2.0 + 2.5 = 4.5 → 4.5/√(20.25 + 15)
        close(
            l.score("Signed a definitive agreement"),
            4.5 / (4.5f64 * 4.5 + 15.0).sqrt(),
        );
        // negated: 2.0 × −0.74 = −1.48
        close(
            l.score("has not yet signed"),
            -1.48 / (1.48f64 * 1.48 + 15.0).sqrt(),
        );
        // boosted: −1.8 × 1.4 = −2.52
        close(
            l.score("a sharply delay"),
            -2.52 / (2.52f64 * 2.52 + 15.0).sqrt(),
        );
        // "no agreement" alone: nothing scored
        assert_eq!(l.score("no agreement"), 0.0);
    }
}
