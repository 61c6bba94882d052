//! Deal recognition on the labelled corpus (`tests/fixtures/analyze/corpus.toml`: 43 deals in varied
//! phrasings and source kinds, 43 hard negatives). Prints precision, recall and per-field accuracy;
//! fails below 0.95 precision, 0.90 recall, or 0.90 accuracy on any field.

use crate::common;

use hashpivot::analyze::Analyzer;
use hashpivot::config::{Config, STARTER};
use hashpivot::store::AnalysisDoc;
use serde::Deserialize;

#[derive(Deserialize)]
struct Corpus {
    doc: Vec<Doc>,
}

#[derive(Deserialize)]
struct Doc {
    id: String,
    kind: String,
    #[serde(default)]
    items: Option<String>,
    #[serde(default)]
    cik: Option<String>,
    title: String,
    #[serde(default)]
    summary: Option<String>,
    body: String,
    expect: Expect,
    #[allow(dead_code)]
    #[serde(default)]
    form: Option<String>,
    #[allow(dead_code)]
    #[serde(default)]
    published: Option<String>,
}

#[derive(Deserialize, Default)]
struct Expect {
    deal: bool,
    #[serde(default)]
    flag: Option<String>,
    #[serde(default)]
    ticker: Option<String>,
    #[serde(default)]
    counterparty: Option<String>,
    #[serde(default, rename = "type")]
    deal_type: Option<String>,
    #[serde(default)]
    value: Option<f64>,
    #[serde(default)]
    value_options: Option<f64>,
    #[serde(default)]
    rate: Option<f64>,
    #[serde(default)]
    mw: Option<f64>,
    #[serde(default)]
    years: Option<f64>,
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 0.01 * y.abs(),
        _ => false,
    }
}

#[test]
fn deal_recognition_meets_precision_recall_and_field_accuracy() {
    let text = std::fs::read_to_string(common::fixtures_dir().join("analyze/corpus.toml")).unwrap();
    let corpus: Corpus = toml::from_str(&text).unwrap();
    assert_eq!(corpus.doc.len(), 86);
    assert_eq!(corpus.doc.iter().filter(|d| d.expect.deal).count(), 43);
    let cfg = Config::parse(STARTER, "feeds.toml").unwrap();
    let analyzer = Analyzer::new(&cfg);
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    let mut flags_right = 0usize;
    let mut flags_total = 0usize;
    let fields = [
        "counterparty",
        "type",
        "value",
        "value_with_options",
        "rate",
        "mw",
        "years",
    ];
    let mut right = [0usize; 7];
    let mut problems = Vec::new();
    for (i, d) in corpus.doc.iter().enumerate() {
        let a = analyzer.analyze(&AnalysisDoc {
            id: i as i64,
            kind: d.kind.clone(),
            title: d.title.clone(),
            summary: d.summary.clone(),
            body: Some(d.body.clone()),
            cik: d.cik.clone(),
            items: d.items.clone(),
        });
        let det = a.detection.as_ref();
        let predicted_deal = det.is_some_and(|x| x.kind.as_str() == "deal");
        let e = &d.expect;
        if let Some(flag) = &e.flag {
            flags_total += 1;
            if det.is_some_and(|x| x.kind.as_str() == flag) {
                flags_right += 1;
            } else {
                problems.push(format!(
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
                    fp += 1;
                    fneg += 1;
                    problems.push(format!(
                        "{}: ticker {} (expected {:?})",
                        d.id, x.ticker, e.ticker
                    ));
                    continue;
                }
                tp += 1;
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
                        right[k] += 1;
                    } else {
                        problems.push(format!("{}: {} wrong: {x:?}", d.id, fields[k]));
                    }
                }
            }
            (true, false) => {
                fneg += 1;
                problems.push(format!(
                    "{}: missed deal ({:?})",
                    d.id,
                    det.map(|x| &x.kind)
                ));
            }
            (false, true) => {
                fp += 1;
                problems.push(format!("{}: false deal {:?}", d.id, det.unwrap()));
            }
            (false, false) => {}
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fneg).max(1) as f64;
    println!(
        "precision {precision:.3} ({tp} of {}), recall {recall:.3} ({tp} of {})",
        tp + fp,
        tp + fneg
    );
    for (k, f) in fields.iter().enumerate() {
        println!(
            "  {f:<20} {:.3} ({} of {tp})",
            right[k] as f64 / tp.max(1) as f64,
            right[k]
        );
    }
    println!("  flags (loi/termination) {flags_right} of {flags_total}");
    for p in &problems {
        println!("  {p}");
    }
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.90, "recall {recall:.3}");
    for (k, f) in fields.iter().enumerate() {
        let acc = right[k] as f64 / tp.max(1) as f64;
        assert!(acc >= 0.90, "{f} accuracy {acc:.3}");
    }
    assert_eq!(
        flags_right, flags_total,
        "every LOI and termination is flagged"
    );
}
