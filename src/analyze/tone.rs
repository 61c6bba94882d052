//! Tone that reads financial language, sentence by sentence, and says why.
//!
//! A sentence's score comes from four kinds of evidence, all read from the versioned data file
//! `data/tone-lexicon.tsv`:
//! - **a metric and its change**: a metric with its desirability (revenue, profit, orders, capacity
//!   go up for good; loss, costs, debt, impairment, delays go up for bad) tied to a change word
//!   next to it ("net sales increased", "operating loss narrowed", "drop in first-quarter organic
//!   revenue", "lower costs") or to a signed percentage ("+5.2%"): desirability × direction;
//! - **a comparison in numbers**: "to EUR 23.5m from EUR 17.7m", "from Y to X", "X (Y)", "X
//!   compared with Y", "versus Y"; a loss on either side makes it a comparison of results ("a loss
//!   of 2.1m compared with a loss of 3.5m" is better);
//! - **evaluative words and phrases** ("definitive agreement", "going concern", "beats estimates",
//!   "warns"), flipped by a negator up to three words before and scaled by a booster or diminisher
//!   up to two words before;
//! - **hedges** ("expects", "may", "could") that damp the whole sentence.
//!
//! The sum S is mapped into (-1, 1) as S/√(S² + 4). A sentence without an evaluative statement
//! scores 0 ("The company has 120 employees in Texas", "The agreement covers 200 MW"), and one
//! whose score lies within the neutral band (calibrated on the labelled development data, kept in
//! the data file) is neutral. A document's tone is the weighted mean of its evaluative sentences
//! (headline ×2, lead ×1.5); a company's tone in a document is the same over the sentences that
//! name it.

use std::collections::HashSet;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

use serde::Serialize;

/// The method string stored beside every score (with the lexicon's version).
pub const METHOD: &str = "hashpivot-tone";

const LEXICON_TSV: &str = include_str!("../../data/tone-lexicon.tsv");

/// What a word or phrase of the lexicon is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Entry {
    /// An evaluative word or phrase, -4 … +4.
    Term(f64),
    /// A metric: +1 when up is good, -1 when up is bad; and its score when no change or
    /// comparison speaks of it (a loss reported is bad news; revenue reported is nothing).
    Metric(f64, f64),
    /// A change word: +1 up, -1 down; and how strong it is when no metric is tied to it ("soars").
    Change(f64, f64),
}

pub struct Lexicon {
    pub version: String,
    /// Scores within ±this are neutral.
    pub neutral_band: f64,
    // (Fx hashing: the keys are the lexicon's own; with the ASCII lower-casing in `tokenize`, the
    // analysis bench at 600 documents went from 11.87 G to 10.66 G instructions)
    entries: FxHashMap<String, Entry>,
    /// First word of a multi-word entry → the lengths (in words) of its entries, longest first.
    phrase_starts: FxHashMap<String, Vec<usize>>,
    negators: FxHashSet<String>,
    boosters: FxHashMap<String, f64>,
    hedges: FxHashMap<String, f64>,
}

/// The lexicon shipped with this version.
pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::parse(LEXICON_TSV))
}

/// A sentence's class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    Positive,
    Neutral,
    Negative,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Positive => "positive",
            Label::Neutral => "neutral",
            Label::Negative => "negative",
        }
    }

    pub fn parse(s: &str) -> Option<Label> {
        match s {
            "positive" | "pos" => Some(Label::Positive),
            "neutral" | "neu" => Some(Label::Neutral),
            "negative" | "neg" => Some(Label::Negative),
            _ => None,
        }
    }
}

/// A phrase that decided a sentence's score, and its part of the sum.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Phrase {
    pub text: String,
    pub score: f64,
    /// How it was read: "term", "metric up", "metric down", "comparison", "change", "hedge".
    pub rule: &'static str,
}

/// One sentence with its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceTone {
    pub text: String,
    pub score: f64,
    pub label: Label,
    /// Its weight in the document (headline 2, lead 1.5, body 1).
    pub weight: f64,
    pub phrases: Vec<Phrase>,
}

/// A document's (or a text's) tone, explained.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tone {
    pub score: f64,
    pub label: Label,
    pub method: String,
    pub sentences: Vec<SentenceTone>,
}

/// A number in a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Num {
    value: f64,
    pct: bool,
    /// An explicit sign: "+5.2%" (+1), "-3%" (-1).
    sign: i8,
}

#[derive(Debug, Clone)]
struct Tok<'a> {
    w: String,
    raw: &'a str,
    /// The token opened a parenthesis: "(EUR 17.7m)".
    paren: bool,
    /// A clause ends after it (";", ":", or a comma before "but", "while" ...).
    clause_end: bool,
    num: Option<Num>,
}

fn parse_num(w: &str) -> Option<Num> {
    // a sign: "+5.2%", "-3%", and the minus sign typeset as U+2212 ("−3%")
    let (sign, rest) = if let Some(r) = w.strip_prefix('+') {
        (1, r)
    } else if let Some(r) = w.strip_prefix('-').or_else(|| w.strip_prefix('\u{2212}')) {
        (-1, r)
    } else {
        (0, w)
    };
    // a currency written onto the number: "$9.7bn", "EUR0.36", "US$300"
    let rest = [
        "us$", "c$", "a$", "$", "€", "£", "eur", "usd", "gbp", "sek", "nok", "dkk", "chf", "cad",
        "aud",
    ]
    .iter()
    .find_map(|c| rest.strip_prefix(c))
    .unwrap_or(rest);
    let digits_end = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(rest.len(), |(i, _)| i);
    let digits = &rest[..digits_end];
    if digits.is_empty() || !digits.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    // "1,250.5" and "1.250,5" (European): a comma followed by exactly two digits at the end is
    // a decimal comma, else commas group thousands
    let normal = if digits.contains(',') && !digits.contains('.') {
        let after = digits.rsplit(',').next().unwrap_or("");
        if after.len() == 3 {
            digits.replace(',', "")
        } else {
            digits.replace(',', ".")
        }
    } else {
        digits.replace(',', "")
    };
    let mut value: f64 = normal.trim_end_matches('.').parse().ok()?;
    let suffix = &rest[digits_end..];
    let pct = suffix.starts_with('%');
    value *= match suffix.trim_end_matches('.') {
        "bn" | "b" | "billion" => 1e9,
        "m" | "mn" | "mln" | "million" => 1e6,
        "k" | "thousand" => 1e3,
        _ => 1.0,
    };
    Some(Num { value, pct, sign })
}

fn tokenize(sentence: &str) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok<'_>> = Vec::new();
    for raw in sentence.split_whitespace() {
        let paren = raw.starts_with('(') || raw.starts_with('[');
        let trimmed = raw
            .trim_start_matches(|c: char| "\"“”‘’()[]{},;:!?*".contains(c))
            .trim_end_matches(|c: char| "\"“”‘’()[]{},;:!?*.".contains(c));
        let clause_end = raw.ends_with(';') || raw.ends_with(':');
        if trimmed.is_empty() {
            if let Some(last) = out.last_mut() {
                last.clause_end |= raw == "-" || raw == "--" || raw == "–" || raw == "—";
            }
            continue;
        }
        // (an ASCII word lower-cased byte by byte: the same letters, far fewer steps)
        let w: String = if trimmed.is_ascii() {
            trimmed.to_ascii_lowercase()
        } else {
            trimmed
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '’' { '\'' } else { c })
                .collect()
        };
        // "million" after a number scales it
        if let Some(prev) = out.last_mut()
            && let Some(n) = prev.num.as_mut()
            && !n.pct
        {
            let scale = match w.as_str() {
                "billion" | "bn" => Some(1e9),
                "million" | "mn" | "mln" | "m" => Some(1e6),
                "thousand" => Some(1e3),
                _ => None,
            };
            if let Some(f) = scale {
                n.value *= f;
                continue;
            }
            if w == "%" || w == "percent" {
                n.pct = true;
                continue;
            }
        }
        let num = parse_num(&w);
        if w == "percent" || w == "pct" {
            if let Some(n) = out.last_mut().and_then(|p| p.num.as_mut()) {
                n.pct = true;
            }
            continue;
        }
        out.push(Tok {
            w,
            raw,
            paren,
            clause_end,
            num,
        });
    }
    // a comma before a contrast word ends a clause: "sales rose, but margins fell"
    for i in 1..out.len() {
        if matches!(
            out[i].w.as_str(),
            "but" | "while" | "whereas" | "although" | "though"
        ) && out[i - 1].raw.ends_with(',')
        {
            out[i - 1].clause_end = true;
        }
    }
    out
}

impl Lexicon {
    pub fn parse(tsv: &str) -> Lexicon {
        let mut lex = Lexicon {
            version: "unversioned".into(),
            neutral_band: 0.0,
            entries: FxHashMap::default(),
            phrase_starts: FxHashMap::default(),
            negators: FxHashSet::default(),
            boosters: FxHashMap::default(),
            hedges: FxHashMap::default(),
        };
        for line in tsv.lines() {
            if let Some(rest) = line.strip_prefix("# version") {
                lex.version = rest.trim().to_string();
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let add = |lex: &mut Lexicon, term: &str, e: Entry| {
                let key = term.to_lowercase();
                let words = key.split(' ').count();
                if words > 1 {
                    let lens = lex
                        .phrase_starts
                        .entry(key.split(' ').next().unwrap_or("").to_string())
                        .or_default();
                    if !lens.contains(&words) {
                        lens.push(words);
                        lens.sort_unstable_by(|a, b| b.cmp(a));
                    }
                }
                lex.entries.insert(key, e);
            };
            match cols.as_slice() {
                ["!neutral_band", f] => lex.neutral_band = f.parse().unwrap_or(0.0),
                ["!negator", w] => {
                    lex.negators.insert(w.to_string());
                }
                ["!booster", w, f] => {
                    if let Ok(f) = f.parse() {
                        lex.boosters.insert(w.to_string(), f);
                    }
                }
                ["!hedge", w, f] => {
                    if let Ok(f) = f.parse() {
                        lex.hedges.insert(w.to_string(), f);
                    }
                }
                ["!metric", term, d, rest @ ..] => {
                    if let Ok(d) = d.parse() {
                        let base = rest.first().and_then(|b| b.parse().ok()).unwrap_or(0.0);
                        add(&mut lex, term, Entry::Metric(d, base));
                    }
                }
                ["!up", term, rest @ ..] => {
                    let m = rest.first().and_then(|b| b.parse().ok()).unwrap_or(0.4);
                    add(&mut lex, term, Entry::Change(1.0, m));
                }
                ["!down", term, rest @ ..] => {
                    let m = rest.first().and_then(|b| b.parse().ok()).unwrap_or(0.4);
                    add(&mut lex, term, Entry::Change(-1.0, m));
                }
                [term, score] => {
                    if let Ok(s) = score.parse::<f64>() {
                        add(&mut lex, term, Entry::Term(s));
                    }
                }
                _ => {}
            }
        }
        lex
    }

    /// The method string of this lexicon: `hashpivot-tone/<version>`.
    pub fn method(&self) -> String {
        format!("{METHOD}/{}", self.version)
    }

    pub fn label(&self, score: f64) -> Label {
        if score >= self.neutral_band && score > 0.0 {
            Label::Positive
        } else if score <= -self.neutral_band && score < 0.0 {
            Label::Negative
        } else {
            Label::Neutral
        }
    }

    /// Score one sentence in (-1, 1).
    pub fn sentence(&self, text: &str) -> f64 {
        self.score_sentence(text, false).0
    }

    /// Score one sentence, with the phrases that decided it when `explain`.
    pub fn score_sentence(&self, text: &str, explain: bool) -> (f64, Vec<Phrase>) {
        let toks = tokenize(text);
        let n = toks.len();
        // 1. what each token is (longest phrase first)
        #[derive(Clone, Copy)]
        struct Item {
            e: Entry,
            start: usize,
            end: usize,
        }
        let mut items: Vec<Item> = Vec::new();
        let mut key = String::new();
        let mut i = 0;
        while i < n {
            let mut found = None;
            if let Some(lens) = self.phrase_starts.get(toks[i].w.as_str()) {
                for &len in lens.iter().filter(|&&l| l <= n - i) {
                    key.clear();
                    for (k, t) in toks[i..i + len].iter().enumerate() {
                        if k > 0 {
                            key.push(' ');
                        }
                        key.push_str(&t.w);
                    }
                    if let Some(e) = self.entries.get(key.as_str()) {
                        found = Some((*e, len));
                        break;
                    }
                }
            }
            if found.is_none() {
                found = self.entries.get(toks[i].w.as_str()).map(|e| (*e, 1));
                // "first-quarter revenue" → "revenue"; "year-on-year" stays whole
                if found.is_none()
                    && let Some(last) = toks[i].w.rsplit('-').next()
                    && last != toks[i].w
                    && let Some(e @ Entry::Metric(..)) = self.entries.get(last)
                {
                    found = Some((*e, 1));
                }
            }
            match found {
                Some((e, len)) => {
                    items.push(Item {
                        e,
                        start: i,
                        end: i + len,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        let clause_of: Vec<usize> = {
            let mut c = 0;
            toks.iter()
                .map(|t| {
                    let here = c;
                    if t.clause_end {
                        c += 1;
                    }
                    here
                })
                .collect()
        };
        let phrase = |a: usize, b: usize| -> String {
            toks[a.min(b)..a.max(b).min(n)]
                .iter()
                .map(|t| t.raw.trim_matches(|c: char| ",;:".contains(c)))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let negated_at = |at: usize| {
            toks[at.saturating_sub(3)..at]
                .iter()
                .any(|t| self.negators.contains(t.w.as_str()) || t.w.ends_with("n't"))
        };
        let boost_at = |at: usize| {
            toks[at.saturating_sub(2)..at]
                .iter()
                .filter_map(|t| self.boosters.get(t.w.as_str()))
                .copied()
                .fold(1.0, |a: f64, b| a * b)
        };
        // what follows "as", "because", "after" ... is the reason, not the news: it counts half
        let sub: Vec<f64> = {
            let mut inside = false;
            toks.iter()
                .enumerate()
                .map(|(i, t)| {
                    if i > 0 && SUBORDINATORS.contains(&t.w.as_str()) {
                        inside = true;
                    }
                    if inside { 0.5 } else { 1.0 }
                })
                .collect()
        };
        let mut sum = 0.0;
        let mut phrases = Vec::new();
        let mut used_metric: HashSet<usize> = HashSet::new();
        let mut changed_clauses: HashSet<usize> = HashSet::new();
        let metrics: Vec<(usize, Item)> = items
            .iter()
            .enumerate()
            .filter(|(_, it)| matches!(it.e, Entry::Metric(..)))
            .map(|(k, it)| (k, *it))
            .collect();
        // the metric a change at `at` is about: before it in the clause (at most five words
        // back: "net sales increased", "operating loss narrowed"), else after it (at most four
        // words on: "drop in first-quarter organic revenue", "lower costs"); a verb that takes an
        // object ("lifted the quarter's margin", "cut its dividend") looks after it first. Neither
        // reaches across "as", "after", "because" ... ("X slides as losses widen").
        let blocked = |a: usize, b: usize| {
            toks[a.min(b)..a.max(b)].iter().any(|t| {
                matches!(
                    t.w.as_str(),
                    "as" | "after"
                        | "amid"
                        | "because"
                        | "despite"
                        | "while"
                        | "but"
                        | "since"
                        | "when"
                        | "following"
                        | "whereas"
                        | "although"
                        | "and"
                        | "though"
                )
            })
        };
        let metric_for =
            |at_start: usize, at_end: usize, object_first: bool| -> Option<(usize, Item)> {
                let clause = clause_of[at_start];
                let before = metrics.iter().rev().find(|(_, m)| {
                    m.end <= at_start
                        && at_start - m.end <= 5
                        && clause_of[m.start] == clause
                        && !blocked(m.end, at_start)
                });
                let after = metrics.iter().find(|(_, m)| {
                    m.start >= at_end
                        && m.start - at_end <= 4
                        && clause_of[m.start] == clause
                        && !blocked(at_end, m.start)
                });
                if object_first {
                    after.or(before).copied()
                } else {
                    before.or(after).copied()
                }
            };
        // 2. changes tied to metrics; signed percentages act as changes
        for it in &items {
            if let Entry::Change(dir, strength) = it.e {
                let neg = if negated_at(it.start) { -0.74 } else { 1.0 };
                let b = boost_at(it.start) * sub[it.start];
                let object_first = TRANSITIVE.contains(&toks[it.start].w.as_str());
                match metric_for(it.start, it.end, object_first) {
                    Some((k, m)) => {
                        let Entry::Metric(desir, _) = m.e else {
                            continue;
                        };
                        let s = 2.0 * desir * dir * neg * b;
                        used_metric.insert(k);
                        changed_clauses.insert(clause_of[it.start]);
                        sum += s;
                        if explain {
                            phrases.push(Phrase {
                                text: phrase(m.start.min(it.start), m.end.max(it.end)),
                                score: s,
                                rule: if dir > 0.0 {
                                    "metric up"
                                } else {
                                    "metric down"
                                },
                            });
                        }
                    }
                    None => {
                        // a change with no metric: "fell 3%" of a share, an index; weak
                        let with_number = toks.get(it.end).is_some_and(|t| t.num.is_some());
                        let s = dir
                            * neg
                            * b
                            * if with_number {
                                strength.max(0.8)
                            } else {
                                strength
                            };
                        sum += s;
                        if explain {
                            phrases.push(Phrase {
                                text: phrase(it.start, it.end),
                                score: s,
                                rule: "change",
                            });
                        }
                    }
                }
            }
        }
        for (i, t) in toks.iter().enumerate() {
            let Some(num) = t.num else { continue };
            if !(num.pct && num.sign != 0) || changed_clauses.contains(&clause_of[i]) {
                continue;
            }
            if let Some((k, m)) = metric_for(i, i + 1, false) {
                let Entry::Metric(desir, _) = m.e else {
                    continue;
                };
                let s = 2.0 * desir * f64::from(num.sign);
                used_metric.insert(k);
                changed_clauses.insert(clause_of[i]);
                sum += s;
                if explain {
                    phrases.push(Phrase {
                        text: phrase(m.start.min(i), m.end.max(i + 1)),
                        score: s,
                        rule: if num.sign > 0 {
                            "metric up"
                        } else {
                            "metric down"
                        },
                    });
                }
            }
        }
        // 3. comparisons in numbers, in clauses no change word spoke for
        for (i, clause) in clause_of.iter().enumerate() {
            if changed_clauses.contains(clause) {
                continue;
            }
            let Some((cur, prev)) = comparison(&toks, i) else {
                continue;
            };
            let loss_near = |at: usize| {
                toks[at.saturating_sub(4)..at]
                    .iter()
                    .any(|t| t.w.starts_with("loss"))
            };
            let profit_near = |at: usize| {
                toks[at.saturating_sub(4)..at]
                    .iter()
                    .any(|t| t.w.starts_with("profit") || t.w == "earnings" || t.w == "income")
            };
            let metric = metric_for(cur.min(prev), cur.max(prev) + 1, false)
                .or_else(|| metrics.iter().rev().find(|(_, m)| m.end <= cur).copied());
            let desir = metric.map_or(0.0, |(_, m)| match m.e {
                Entry::Metric(d, _) => d,
                _ => 0.0,
            });
            let (vc, vp) = (
                toks[cur].num.map_or(0.0, |x| x.value),
                toks[prev].num.map_or(0.0, |x| x.value),
            );
            let any_loss = loss_near(cur)
                || loss_near(prev)
                || desir < 0.0
                    && metric.is_some_and(|(_, m)| {
                        toks[m.start..m.end].iter().any(|t| t.w.starts_with("loss"))
                    });
            let (diff, d) = if any_loss {
                // a comparison of results: a loss is a negative result
                let signed = |at: usize, v: f64| {
                    if loss_near(at) && !profit_near(at) || !profit_near(at) && desir < 0.0 {
                        -v
                    } else {
                        v
                    }
                };
                (signed(cur, vc) - signed(prev, vp), 1.0)
            } else {
                (vc - vp, desir)
            };
            if diff == 0.0 || d == 0.0 {
                continue;
            }
            let s = 2.0 * d * diff.signum();
            if let Some((k, _)) = metric {
                used_metric.insert(k);
            }
            changed_clauses.insert(clause_of[i]);
            sum += s;
            if explain {
                let from = metric.map_or(cur.min(prev), |(_, m)| m.start.min(cur.min(prev)));
                phrases.push(Phrase {
                    text: phrase(from, cur.max(prev) + 1),
                    score: s,
                    rule: "comparison",
                });
            }
        }
        // 4. metrics no change spoke of, at their own score, when a verb reports them ("posted a
        // net loss", "recorded an impairment"; not "the net loss includes ...")
        for (k, m) in &metrics {
            if let Entry::Metric(_, base) = m.e
                && base != 0.0
                && !used_metric.contains(k)
                && !changed_clauses.contains(&clause_of[m.start])
                && toks[m.start.saturating_sub(4)..m.start]
                    .iter()
                    .any(|t| REPORTS.contains(&t.w.as_str()))
            {
                let neg = if negated_at(m.start) { -0.74 } else { 1.0 };
                let s = base * neg;
                sum += s;
                if explain {
                    phrases.push(Phrase {
                        text: phrase(m.start, m.end),
                        score: s,
                        rule: "metric",
                    });
                }
            }
        }
        // 5. evaluative terms
        for it in &items {
            if let Entry::Term(score) = it.e {
                let neg = if negated_at(it.start) { -0.74 } else { 1.0 };
                let s = score * neg * boost_at(it.start) * sub[it.start];
                sum += s;
                if explain {
                    phrases.push(Phrase {
                        text: phrase(it.start, it.end),
                        score: s,
                        rule: "term",
                    });
                }
            }
        }
        // 6. hedges damp the sentence
        if sum != 0.0
            && let Some((w, f)) = toks
                .iter()
                .filter_map(|t| self.hedges.get(t.w.as_str()).map(|f| (t.raw, *f)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
        {
            sum *= f;
            if explain {
                phrases.push(Phrase {
                    text: w.trim_matches(|c: char| !c.is_alphanumeric()).to_string(),
                    score: f,
                    rule: "hedge",
                });
            }
        }
        let score = if sum == 0.0 {
            0.0
        } else {
            sum / (sum * sum + 4.0).sqrt()
        };
        (score, phrases)
    }

    /// A text's tone, explained: its sentences scored, the headline and the lead weighing more.
    pub fn text(&self, title: Option<&str>, lead: &str, body: &str) -> Tone {
        let sentences: Vec<SentenceTone> = parts(title, lead, body)
            .into_iter()
            .map(|(s, weight)| {
                let (score, phrases) = self.score_sentence(s, true);
                SentenceTone {
                    text: s.to_string(),
                    score,
                    label: self.label(score),
                    weight,
                    phrases,
                }
            })
            .collect();
        let score = weighted(sentences.iter().map(|s| (s.score, s.weight)));
        Tone {
            score,
            label: self.label(score),
            method: self.method(),
            sentences,
        }
    }
}

/// The sentences a document's tone is read from, with their weights: the headline (2), the lead's
/// sentences (1.5), the body's first 40 sentences (1).
pub fn parts<'a>(title: Option<&'a str>, lead: &'a str, body: &'a str) -> Vec<(&'a str, f64)> {
    let mut out = Vec::new();
    if let Some(t) = title.filter(|t| !t.trim().is_empty()) {
        out.push((t, 2.0));
    }
    out.extend(super::deals::sentences(lead).into_iter().map(|s| (s, 1.5)));
    out.extend(
        super::deals::sentences(body)
            .into_iter()
            .take(40)
            .map(|s| (s, 1.0)),
    );
    out
}

/// Does a sentence go on about the company named just before ("The company expects ...", "Its
/// revenue ...")?
pub fn continues_subject(s: &str) -> bool {
    let l = s.trim_start().to_ascii_lowercase();
    [
        "the company",
        "the group",
        "the firm",
        "the miner",
        "the bitcoin miner",
        "the operator",
        "it ",
        "its ",
        "it's ",
        "the company's",
        "the group's",
        "management",
    ]
    .iter()
    .any(|p| l.starts_with(p))
}

/// Change verbs that take an object: the metric after them is the one that changes.
const TRANSITIVE: &[&str] = &[
    "cut", "cuts", "cutting", "reduced", "reduces", "reduce", "lowered", "lowers", "raised",
    "raises", "raise", "lifted", "lifts", "lift", "boosted", "boosts", "boost", "slashed",
    "slashes", "trimmed", "trims", "added", "adds", "adding", "halved", "expanded", "expands",
    "doubles", "doubled", "bring", "brings", "bringing",
];

/// Words that open a clause giving the reason for the main one.
const SUBORDINATORS: &[&str] = &[
    "as",
    "because",
    "after",
    "amid",
    "since",
    "following",
    "due",
    "despite",
    "while",
    "whereas",
    "although",
    "though",
];

/// Verbs that report a metric as a fact of the period ("posted a loss").
const REPORTS: &[&str] = &[
    "posted",
    "posts",
    "post",
    "reported",
    "reports",
    "report",
    "recorded",
    "records",
    "record",
    "booked",
    "books",
    "book",
    "had",
    "has",
    "suffered",
    "suffers",
    "incurred",
    "incurs",
    "made",
    "makes",
    "showed",
    "shows",
    "logged",
    "logs",
    "generated",
    "expects",
    "expected",
    "sees",
    "forecasts",
    "announced",
    "announces",
    "took",
    "takes",
    "faces",
    "face",
];

/// The weighted mean of the evaluative sentences (0 when none is).
pub fn weighted(scores: impl Iterator<Item = (f64, f64)>) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    for (s, w) in scores {
        if s != 0.0 {
            num += s * w;
            den += w;
        }
    }
    if den == 0.0 { 0.0 } else { num / den }
}

/// A comparison of two numbers around token `i`: (current, previous) token indices.
fn comparison(toks: &[Tok<'_>], i: usize) -> Option<(usize, usize)> {
    let w = toks[i].w.as_str();
    let num_at = |j: usize| toks.get(j).and_then(|t| t.num).is_some();
    let next_num =
        |from: usize, within: usize| (from..(from + within).min(toks.len())).find(|&j| num_at(j));
    let prev_num =
        |to: usize, within: usize| (to.saturating_sub(within)..to).rev().find(|&j| num_at(j));
    // a percentage is compared with a percentage, an amount with an amount
    let same_kind = |a: usize, b: usize| toks[a].num.map(|n| n.pct) == toks[b].num.map(|n| n.pct);
    match w {
        // "to X from Y"
        "from" => {
            let prev = next_num(i + 1, 4)?;
            // "from Y to X"
            if let Some(to) = (prev + 1..(prev + 3).min(toks.len())).find(|&j| toks[j].w == "to")
                && let Some(cur) = next_num(to + 1, 4)
            {
                return Some((cur, prev));
            }
            let cur = prev_num(i, 5)?;
            same_kind(cur, prev).then_some((cur, prev))
        }
        "compared" | "comparison" | "versus" | "vs" | "against" => {
            let prev = next_num(i + 1, 6)?;
            let cur = prev_num(i, 8)?;
            same_kind(cur, prev).then_some((cur, prev))
        }
        _ if toks[i].paren => {
            // "X (Y)": a number in parentheses right after another ("EUR 9.0m (EUR 8.1m)")
            let prev = if toks[i].num.is_some() {
                i
            } else {
                next_num(i + 1, 2)?
            };
            let cur = prev_num(i, 3)?;
            same_kind(cur, prev).then_some((cur, prev))
        }
        _ => None,
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        lexicon()
    }

    fn label(s: &str) -> Label {
        let l = lex();
        l.label(l.sentence(s))
    }

    #[test]
    fn direction_times_desirability() {
        assert_eq!(
            label("Operating loss narrowed to EUR 2.1m."),
            Label::Positive
        );
        assert_eq!(label("Costs rose 12%."), Label::Negative);
        assert_eq!(
            label("Net sales increased by 5.2% to EUR 205.5m."),
            Label::Positive
        );
        assert_eq!(label("Net sales decreased by 5.2%."), Label::Negative);
        assert_eq!(
            label("The net loss widened to $40 million."),
            Label::Negative
        );
        assert_eq!(label("Debt was cut by half."), Label::Positive);
        assert_eq!(
            label("IMI posts drop in first-quarter organic revenue; warns on full year"),
            Label::Negative
        );
    }

    #[test]
    fn comparisons_in_numbers() {
        assert_eq!(
            label("Operating profit rose to EUR 23.5m from EUR 17.7m."),
            Label::Positive
        );
        assert_eq!(
            label("Net sales were EUR 23.5m, compared with EUR 27.7m a year earlier."),
            Label::Negative
        );
        assert_eq!(
            label("The operating loss was EUR 2.1m compared with a loss of EUR 3.5m."),
            Label::Positive
        );
        assert_eq!(
            label("Operating profit totalled EUR 9.0m (EUR 8.1m)."),
            Label::Positive
        );
        assert_eq!(label("Revenue +5.2% year on year"), Label::Positive);
        assert_eq!(
            label("EPS came in at EUR0.36, in comparison with EUR0.41 a year earlier."),
            Label::Negative
        );
        assert_eq!(label("Orders down 3%"), Label::Negative);
    }

    #[test]
    fn statements_without_evaluation_are_neutral() {
        for s in [
            "The company has 120 employees in Texas.",
            "The agreement covers 200 MW.",
            "The facility is located in Childress, Texas.",
            "Revenue for the period is reported in euros.",
        ] {
            assert_eq!(label(s), Label::Neutral, "{s}");
            assert_eq!(lex().sentence(s), 0.0, "{s}");
        }
    }

    #[test]
    fn negation_hedges_and_the_explanation() {
        let l = lex();
        assert_eq!(label("Sales did not increase."), Label::Negative);
        let plain = l.sentence("Net sales will increase.");
        let hedged = l.sentence("Net sales may increase.");
        assert!(hedged > 0.0 && hedged < plain, "{hedged} vs {plain}");
        let (s, phrases) = l.score_sentence("Operating loss narrowed to EUR 2.1m.", true);
        assert_eq!(
            phrases,
            vec![Phrase {
                text: "Operating loss narrowed".into(),
                score: 2.0,
                rule: "metric down"
            }]
        );
        // 2/√(4 + 4)
        assert!((s - 2.0 / 8f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn numbers_are_read_as_written() {
        let v = |w: &str| parse_num(w).map(|n| (n.value, n.pct, n.sign));
        assert_eq!(v("23.5m"), Some((23.5e6, false, 0)));
        assert_eq!(v("+5.2%"), Some((5.2, true, 1)));
        assert_eq!(v("-3%"), Some((3.0, true, -1)));
        assert_eq!(v("\u{2212}3%"), Some((3.0, true, -1)));
        assert_eq!(v("1,250"), Some((1250.0, false, 0)));
        assert_eq!(v("2,5"), Some((2.5, false, 0)));
        assert_eq!(v("$9.7bn"), Some((9.7e9, false, 0)));
        assert_eq!(v("eur0.36"), Some((0.36, false, 0)));
        assert_eq!(v("us$300"), Some((300.0, false, 0)));
        assert_eq!(v("q3"), None);
        let t = tokenize("EUR 1.2 billion from EUR 900 million");
        assert_eq!(t[1].num.unwrap().value, 1.2e9);
        assert_eq!(t[4].num.unwrap().value, 9e8);
    }
}
