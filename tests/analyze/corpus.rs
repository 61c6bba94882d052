//! Deal recognition on the labelled corpus (`tests/fixtures/analyze/corpus.toml`: 39 deals in varied
//! phrasings and source kinds, 4 acquisitions flagged corporate, 43 hard negatives). Prints precision, recall and per-field accuracy;
//! fails below 0.95 precision, 0.90 recall, or 0.90 accuracy on any field.

use crate::common;

use hashpivot::analyze::Analyzer;
use hashpivot::config::{Config, STARTER};
use hashpivot::store::AnalysisDoc;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Corpus {
    pub doc: Vec<Doc>,
}

#[derive(Deserialize)]
pub struct Doc {
    pub id: String,
    pub kind: String,
    #[serde(default)]
    pub items: Option<String>,
    #[serde(default)]
    pub cik: Option<String>,
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    pub body: String,
    pub expect: Expect,
    #[allow(dead_code)]
    #[serde(default)]
    pub form: Option<String>,
    #[allow(dead_code)]
    #[serde(default)]
    pub published: Option<String>,
    /// "dev" or "heldout" (the terms corpus).
    #[serde(default)]
    pub split: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct Expect {
    pub deal: bool,
    #[serde(default)]
    pub flag: Option<String>,
    #[serde(default)]
    pub ticker: Option<String>,
    #[serde(default)]
    pub counterparty: Option<String>,
    #[serde(default, rename = "type")]
    pub deal_type: Option<String>,
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub value_options: Option<f64>,
    #[serde(default)]
    pub rate: Option<f64>,
    #[serde(default)]
    pub mw: Option<f64>,
    #[serde(default)]
    pub years: Option<f64>,
    /// "role:Name" of every party that is not the counterparty, when the document says.
    #[serde(default)]
    pub parties: Option<Vec<String>>,
    /// The real deal a report belongs to (every report of one deal shares it): the stream check.
    #[serde(default)]
    pub event: Option<String>,
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 0.01 * y.abs(),
        _ => false,
    }
}

/// How a set of documents was read.
#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fneg: usize,
    right: [usize; 7],
    flags_right: usize,
    flags_total: usize,
    parties_right: usize,
    parties_total: usize,
    problems: Vec<String>,
}

const FIELDS: [&str; 7] = [
    "counterparty",
    "type",
    "value",
    "value_with_options",
    "rate",
    "mw",
    "years",
];

impl Score {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fneg).max(1) as f64
    }
    fn field(&self, k: usize) -> f64 {
        self.right[k] as f64 / self.tp.max(1) as f64
    }
    /// Every field of every true positive.
    fn fields_overall(&self) -> f64 {
        self.right.iter().sum::<usize>() as f64 / (7 * self.tp).max(1) as f64
    }

    fn print(&self, name: &str) {
        println!(
            "{name}: precision {:.3} ({} of {}), recall {:.3} ({} of {}), fields {:.3}",
            self.precision(),
            self.tp,
            self.tp + self.fp,
            self.recall(),
            self.tp,
            self.tp + self.fneg,
            self.fields_overall()
        );
        for (k, f) in FIELDS.iter().enumerate() {
            println!(
                "  {f:<20} {:.3} ({} of {})",
                self.field(k),
                self.right[k],
                self.tp
            );
        }
        println!(
            "  flags (loi/termination) {} of {}",
            self.flags_right, self.flags_total
        );
        println!("  parties {} of {}", self.parties_right, self.parties_total);
        for p in &self.problems {
            println!("  {p}");
        }
    }
}

fn score(docs: &[&Doc]) -> Score {
    let cfg = Config::parse(STARTER, "feeds.toml").unwrap();
    let analyzer = Analyzer::new(&cfg);
    let mut sc = Score::default();
    for (i, d) in docs.iter().enumerate() {
        let a = analyzer.analyze(&AnalysisDoc {
            id: i as i64,
            kind: d.kind.clone(),
            title: d.title.clone(),
            summary: d.summary.clone(),
            body: Some(d.body.clone()),
            cik: d.cik.clone(),
            items: d.items.clone(),
            published: None,
            url: None,
        });
        let det = a.detection.as_ref();
        let predicted_deal = det.is_some_and(|x| x.kind.as_str() == "deal");
        let e = &d.expect;
        if let Some(flag) = &e.flag {
            sc.flags_total += 1;
            if det.is_some_and(|x| x.kind.as_str() == flag) {
                sc.flags_right += 1;
            } else {
                sc.problems.push(format!(
                    "{}: expected flag {flag}, got {:?}",
                    d.id,
                    det.map(|x| &x.kind)
                ));
            }
        }
        match (e.deal, predicted_deal) {
            (true, true) => {
                let x = det.unwrap();
                if Some(&x.ticker) != e.ticker.as_ref() {
                    sc.fp += 1;
                    sc.fneg += 1;
                    sc.problems.push(format!(
                        "{}: ticker {} (expected {:?})",
                        d.id, x.ticker, e.ticker
                    ));
                    continue;
                }
                sc.tp += 1;
                let checks = [
                    Some(&x.counterparty) == e.counterparty.as_ref(),
                    Some(x.deal_type.as_str()) == e.deal_type.as_deref(),
                    same(x.terms.value_usd, e.value),
                    same(x.terms.value_with_options_usd, e.value_options),
                    same(x.terms.rate_usd_per_mw_year, e.rate),
                    same(x.terms.capacity_mw, e.mw),
                    same(x.terms.term_years, e.years),
                ];
                for (k, ok) in checks.iter().enumerate() {
                    if *ok {
                        sc.right[k] += 1;
                    } else {
                        sc.problems
                            .push(format!("{}: {} wrong: {x:?}", d.id, FIELDS[k]));
                    }
                }
                if let Some(want) = &e.parties {
                    sc.parties_total += 1;
                    let got: Vec<String> = x
                        .parties
                        .iter()
                        .map(|p| format!("{}:{}", p.role, p.name))
                        .collect();
                    if &got == want {
                        sc.parties_right += 1;
                    } else {
                        sc.problems
                            .push(format!("{}: parties {got:?}, expected {want:?}", d.id));
                    }
                }
            }
            (true, false) => {
                sc.fneg += 1;
                sc.problems.push(format!(
                    "{}: missed deal ({:?}): {:?}",
                    d.id,
                    det.map(|x| &x.kind),
                    a.deal_reasons
                ));
            }
            (false, true) => {
                sc.fp += 1;
                sc.problems
                    .push(format!("{}: false deal {:?}", d.id, det.unwrap()));
            }
            (false, false) => {}
        }
    }
    sc
}

pub fn corpus(file: &str) -> Corpus {
    let text = std::fs::read_to_string(common::fixtures_dir().join(file)).unwrap();
    toml::from_str(&text).unwrap()
}

#[test]
fn deal_recognition_meets_precision_recall_and_field_accuracy() {
    let corpus = corpus("analyze/corpus.toml");
    assert_eq!(corpus.doc.len(), 86);
    // 43 written as deals; 4 of them an acquisition or a stake, corporate since #20
    assert_eq!(corpus.doc.iter().filter(|d| d.expect.deal).count(), 39);
    let sc = score(&corpus.doc.iter().collect::<Vec<_>>());
    sc.print("corpus");
    assert!(sc.precision() >= 0.95, "precision {:.3}", sc.precision());
    assert!(sc.recall() >= 0.90, "recall {:.3}", sc.recall());
    for (k, f) in FIELDS.iter().enumerate() {
        assert!(sc.field(k) >= 0.90, "{f} accuracy {:.3}", sc.field(k));
    }
    assert_eq!(
        sc.flags_right, sc.flags_total,
        "every LOI, termination and corporate transaction is flagged"
    );
}

/// Terms as real releases and news write them (`analyze/terms_corpus.toml`): several amounts,
/// guarantors, campus sizes, words inside terms, money formats, commentary and recalled deals.
/// Scored on its development and held-out splits apart; the floors are set from what the
/// held-out split reached, below the development split's.
#[test]
fn deal_terms_as_real_text_writes_them_on_the_dev_and_heldout_splits() {
    let corpus = corpus("analyze/terms_corpus.toml");
    let split = |name: &str| -> Vec<&Doc> {
        corpus
            .doc
            .iter()
            .filter(|d| d.split.as_deref() == Some(name))
            .collect()
    };
    let (dev, held) = (split("dev"), split("heldout"));
    assert_eq!((dev.len(), held.len()), (36, 26));
    assert_eq!(
        dev.len() + held.len(),
        corpus.doc.len(),
        "every document has a split"
    );
    let (d, h) = (score(&dev), score(&held));
    d.print("terms dev");
    h.print("terms heldout");
    for (name, sc, floor_p, floor_f) in [
        ("dev", &d, DEV_PRECISION, DEV_FIELDS),
        ("heldout", &h, HELD_PRECISION, HELD_FIELDS),
    ] {
        assert!(
            sc.precision() >= floor_p,
            "{name} precision {:.3}",
            sc.precision()
        );
        assert!(sc.recall() >= 1.0, "{name} recall {:.3}", sc.recall());
        assert!(
            sc.fields_overall() >= floor_f,
            "{name} fields {:.3}",
            sc.fields_overall()
        );
        assert_eq!(
            sc.flags_right, sc.flags_total,
            "{name}: every LOI is flagged"
        );
        assert_eq!(
            sc.parties_right, sc.parties_total,
            "{name}: every party in its role"
        );
    }
}

// Reached: dev 1.000 / 1.000 (36 documents); held-out 0.933 / 1.000 (26 documents; before the
// rules of this corpus: dev 0.688 / 0.929, held-out 0.667 / 0.893 on its first 14).
const DEV_PRECISION: f64 = 0.95;
const DEV_FIELDS: f64 = 0.97;
const HELD_PRECISION: f64 = 0.90;
const HELD_FIELDS: f64 = 0.95;
