//! Tone on the labelled sentences and headlines (`tests/fixtures/tone/`, labelled by its
//! GUIDE.md): accuracy and macro-F1 over three classes, printed for the development and the
//! held-out files; the neutral band in `data/tone-lexicon.tsv` is the one that maximises macro-F1
//! on the development files.

use crate::common;
use hashpivot::analyze::tone::{Label, lexicon};

fn read(file: &str) -> Vec<(Label, String)> {
    let text = std::fs::read_to_string(common::fixtures_dir().join("tone").join(file)).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (label, text) = l.split_once('\t').unwrap_or_else(|| panic!("{file}: {l}"));
            (
                Label::parse(label).unwrap_or_else(|| panic!("{file}: label {label}")),
                text.to_string(),
            )
        })
        .collect()
}

const LABELS: [Label; 3] = [Label::Positive, Label::Neutral, Label::Negative];

/// (accuracy, macro-F1) of predictions against gold labels.
fn scores(pairs: &[(Label, Label)]) -> (f64, f64) {
    let right = pairs.iter().filter(|(g, p)| g == p).count();
    let mut f1s = Vec::new();
    for l in LABELS {
        let tp = pairs.iter().filter(|(g, p)| *g == l && *p == l).count() as f64;
        let fp = pairs.iter().filter(|(g, p)| *g != l && *p == l).count() as f64;
        let fn_ = pairs.iter().filter(|(g, p)| *g == l && *p != l).count() as f64;
        let prec = if tp + fp == 0.0 { 0.0 } else { tp / (tp + fp) };
        let rec = if tp + fn_ == 0.0 {
            0.0
        } else {
            tp / (tp + fn_)
        };
        f1s.push(if prec + rec == 0.0 {
            0.0
        } else {
            2.0 * prec * rec / (prec + rec)
        });
    }
    (
        right as f64 / pairs.len().max(1) as f64,
        f1s.iter().sum::<f64>() / 3.0,
    )
}

fn label_at(score: f64, band: f64) -> Label {
    if score > 0.0 && score >= band {
        Label::Positive
    } else if score < 0.0 && score <= -band {
        Label::Negative
    } else {
        Label::Neutral
    }
}

fn evaluate(name: &str, rows: &[(Label, String)], show_misses: bool) -> (f64, f64) {
    let lex = lexicon();
    let mut pairs = Vec::new();
    let mut misses = Vec::new();
    for (gold, text) in rows {
        let s = lex.sentence(text);
        let p = lex.label(s);
        if p != *gold {
            misses.push(format!(
                "  {:>8} as {:<8} {s:+.2}  {text}",
                gold.as_str(),
                p.as_str()
            ));
        }
        pairs.push((*gold, p));
    }
    let (acc, f1) = scores(&pairs);
    println!(
        "{name}: {} items, accuracy {acc:.3}, macro-F1 {f1:.3}",
        rows.len()
    );
    if show_misses {
        for m in &misses {
            println!("{m}");
        }
    }
    (acc, f1)
}

#[test]
fn macro_f1_by_hand() {
    use Label::*;
    // gold P P N U U, predicted P U N U P:
    // positive: tp 1, fp 1, fn 1 → F1 0.5; neutral: tp 1, fp 1, fn 1 → 0.5; negative: 1, 0, 0 → 1
    let pairs = [
        (Positive, Positive),
        (Positive, Neutral),
        (Negative, Negative),
        (Neutral, Neutral),
        (Neutral, Positive),
    ];
    let (acc, f1) = scores(&pairs);
    assert!((acc - 0.6).abs() < 1e-12);
    assert!((f1 - 2.0 / 3.0).abs() < 1e-12);
}

#[test]
fn tone_on_the_labelled_sentences_and_headlines() {
    let (s_dev, h_dev) = (read("sentences_dev.tsv"), read("headlines_dev.tsv"));
    let (s_held, h_held) = (read("sentences_heldout.tsv"), read("headlines_heldout.tsv"));
    assert_eq!(
        (s_dev.len() + s_held.len(), h_dev.len() + h_held.len()),
        (537, 197)
    );
    let show = std::env::var("HASHPIVOT_TONE_MISSES").is_ok();
    let (_, _) = evaluate("sentences dev", &s_dev, show);
    let (_, _) = evaluate("headlines dev", &h_dev, show);
    // the held-out misses are never printed: they are not to be tuned on
    let (sa, sf) = evaluate("sentences held-out", &s_held, false);
    let (ha, hf) = evaluate("headlines held-out", &h_held, false);
    assert!(
        sa >= HELD_SENT_ACC && sf >= HELD_SENT_F1,
        "sentences held-out {sa:.3} / {sf:.3}"
    );
    assert!(
        ha >= HELD_HEAD_ACC && hf >= HELD_HEAD_F1,
        "headlines held-out {ha:.3} / {hf:.3}"
    );
}

// Reached on the held-out files: sentences 0.934 / 0.934, headlines 0.979 / 0.978 (the same author
// wrote the development and held-out files, so these overstate what real text gets; measured
// right after the held-out files were written, before the vocabulary was widened: sentences
// 0.853 / 0.851, headlines 0.957 / 0.958).
const HELD_SENT_ACC: f64 = 0.90;
const HELD_SENT_F1: f64 = 0.90;
const HELD_HEAD_ACC: f64 = 0.93;
const HELD_HEAD_F1: f64 = 0.93;

#[test]
fn the_neutral_band_is_the_one_the_development_data_calls_for() {
    let lex = lexicon();
    let dev: Vec<(Label, f64)> = read("sentences_dev.tsv")
        .into_iter()
        .chain(read("headlines_dev.tsv"))
        .map(|(g, t)| (g, lex.sentence(&t)))
        .collect();
    let f1_at = |band: f64| {
        let pairs: Vec<(Label, Label)> =
            dev.iter().map(|(g, s)| (*g, label_at(*s, band))).collect();
        scores(&pairs).1
    };
    // bands 0.00, 0.02, ... 0.60; the best, the smallest of equals
    let mut best = (0.0, f64::MIN);
    for k in 0..=30 {
        let band = k as f64 * 0.02;
        let f = f1_at(band);
        println!("band {band:.2}: macro-F1 {f:.3}");
        if f > best.1 + 1e-12 {
            best = (band, f);
        }
    }
    assert!(
        (lex.neutral_band - best.0).abs() < 1e-9,
        "data/tone-lexicon.tsv has !neutral_band {}, the development data call for {:.2} (macro-F1 {:.3})",
        lex.neutral_band,
        best.0,
        best.1
    );
}
