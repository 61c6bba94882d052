//! What `premium` prints: the comparison table, the regression and the beta shifts as text; one
//! JSON document with every number and each group's events (so the tests can be recomputed from
//! it); and the SVG of both CAAR paths and the rolling bitcoin betas.

use std::io::Write;

use serde::Serialize;
use serde_json::json;

use super::chart;
use super::text::{pct, stars};
use crate::study::premium::{BETA_WINDOW, Premium};
use crate::study::{self, Model, StudyRun, WindowResult};

/// The bootstrap's settings, shown beside the results.
pub struct Settings {
    pub bootstrap: usize,
    pub seed: u64,
}

/// One event of either group, as `--json` lists it.
#[derive(Debug, Serialize)]
pub struct GroupEvent {
    pub event_id: String,
    pub ticker: String,
    pub day0: Option<chrono::NaiveDate>,
    pub document_id: Option<i64>,
    pub included: bool,
    /// CAR per window, in the order of `parameters.windows` (null where not computed).
    pub car: Vec<Option<f64>>,
}

/// Every event of a group's study, included or not.
pub fn group_events(run: &StudyRun) -> Vec<GroupEvent> {
    run.events
        .iter()
        .zip(&run.results)
        .enumerate()
        .map(|(i, (e, r))| GroupEvent {
            event_id: e.id.clone(),
            ticker: e.ticker.clone(),
            day0: run.day0_date(i),
            document_id: e.document_id,
            included: r.is_included(),
            car: r
                .windows
                .iter()
                .map(|w| {
                    w.as_ref()
                        .filter(|_| r.is_included())
                        .map(|w: &WindowResult| w.car)
                })
                .collect(),
        })
        .collect()
}

/// The whole report as one JSON value.
pub fn to_json(p: &Premium, s: &Settings) -> serde_json::Result<serde_json::Value> {
    let ai = &p.ai;
    Ok(json!({
        "parameters": {
            "model": ai.params.model,
            "market": ai.market,
            "factor": if ai.params.model == Model::Factor { ai.factor.clone() } else { None },
            "estimation": ai.params.estimation,
            "windows": ai.params.windows,
            "bootstrap": s.bootstrap,
            "seed": s.seed,
            "beta_window": BETA_WINDOW,
        },
        "ai_events": ai.included(),
        "control_events": p.control.as_ref().map_or(0, |c| c.included()),
        "windows": p.windows,
        "regression": match &p.regression {
            Ok(r) => serde_json::to_value(r)?,
            Err(e) => json!({"skipped": e}),
        },
        "betas": p.betas,
        "events": {
            "ai": group_events(ai),
            "control": p.control.as_ref().map(group_events).unwrap_or_default(),
        },
    }))
}

fn stat(s: Option<study::Stat>) -> String {
    s.map_or("-".to_string(), |s| format!("{:+.2}{}", s.stat, stars(s.p)))
}

/// The human report: header, one line per window, the regression, the beta shifts.
pub fn print_human(out: &mut impl Write, p: &Premium, s: &Settings) -> std::io::Result<()> {
    let ai = &p.ai;
    let model = match (&ai.factor, ai.params.model) {
        (Some(f), Model::Factor) => format!("factor model ({} + {f})", ai.market),
        (_, m) => format!("{} model ({})", m.name(), ai.market),
    };
    writeln!(
        out,
        "AI narrative premium — {model}, estimation {}; {} AI-deal events vs {} other announcements of the same companies",
        ai.params.estimation,
        ai.included(),
        p.control.as_ref().map_or(0, |c| c.included())
    )?;
    writeln!(out)?;
    windows_table(out, p)?;
    writeln!(out)?;
    regression(out, p)?;
    writeln!(out)?;
    writeln!(
        out,
        "Rolling {BETA_WINDOW}-session betas, before → after the first AI deal:"
    )?;
    for b in &p.betas {
        let f = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.2}"));
        writeln!(
            out,
            "  {:<6} first deal {}  bitcoin {} → {}   market {} → {}",
            b.ticker,
            b.first_deal_day0,
            f(b.bitcoin_before),
            f(b.bitcoin_after),
            f(b.market_before),
            f(b.market_after)
        )?;
    }
    writeln!(
        out,
        "* p < 0.1, ** p < 0.05, *** p < 0.01 (two-sided); bootstrap: {} resamples, seed {}",
        s.bootstrap, s.seed
    )
}

fn windows_table(out: &mut impl Write, p: &Premium) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<9} {:>4} {:>9} {:>8} {:>8} | {:>4} {:>9} {:>8} | {:>9} {:>8} {:>7} {:>21}",
        "WINDOW",
        "N",
        "AI CAAR",
        "t",
        "BMP",
        "N",
        "CONTROL",
        "t",
        "DIFF",
        "Welch t",
        "p",
        "bootstrap 95%"
    )?;
    for w in &p.windows {
        writeln!(
            out,
            "{:<9} {:>4} {:>9} {:>8} {:>8} | {:>4} {:>9} {:>8} | {:>9} {:>8} {:>7} {:>21}",
            w.window.to_string(),
            w.ai.n,
            pct(w.ai.caar),
            stat(w.ai.tests.t),
            stat(w.ai.tests.bmp),
            w.control.n,
            pct(w.control.caar),
            stat(w.control.tests.t),
            pct(w.diff),
            w.welch
                .map_or("-".into(), |x| format!("{:+.2}{}", x.t, stars(x.p))),
            w.welch.map_or("-".into(), |x| format!("{:.3}", x.p)),
            w.bootstrap_95.map_or("-".into(), |(lo, hi)| format!(
                "[{}, {}]",
                pct(Some(lo)),
                pct(Some(hi))
            )),
        )?;
    }
    Ok(())
}

fn regression(out: &mut impl Write, p: &Premium) -> std::io::Result<()> {
    let wname = p.regression_window.to_string();
    match &p.regression {
        Ok(r) => {
            writeln!(
                out,
                "CAR{wname} on deal terms (OLS, HC1 standard errors, N = {}, R² = {:.3}):",
                r.n, r.r2
            )?;
            for i in 0..r.coef.len() {
                writeln!(
                    out,
                    "  {:<14} {:>+11.5} (se {:.5}, t {:+.2}, p {:.3}){}",
                    r.names[i],
                    r.coef[i],
                    r.se[i],
                    r.t[i],
                    r.p[i],
                    stars(r.p[i])
                )?;
            }
            Ok(())
        }
        Err(e) => writeln!(out, "CAR{wname} on deal terms: not estimated: {e}"),
    }
}

fn caar_points(run: &StudyRun) -> Vec<chart::Point> {
    study::caar_path(&run.params, &run.results)
        .iter()
        .map(chart::Point::from)
        .collect()
}

/// Two charts in one SVG: the CAAR paths of both groups, and the rolling bitcoin betas around
/// each company's first AI deal.
pub fn to_svg(p: &Premium) -> String {
    let mut series = vec![chart::Series {
        name: "AI deals",
        points: caar_points(&p.ai),
    }];
    if let Some(c) = &p.control {
        series.push(chart::Series {
            name: "other announcements",
            points: caar_points(c),
        });
    }
    let top = chart::line_chart(&chart::LineChart {
        title: "CAAR: AI deals vs the same companies' other announcements (95% bands)",
        x_label: "trading days relative to the announcement (day 0)",
        y_label: "cumulative average abnormal return",
        series,
        percent: true,
        mark_zero: true,
    });
    let bottom = chart::line_chart(&chart::LineChart {
        title: "Rolling 60-session beta to bitcoin around each company's first AI deal",
        x_label: "sessions relative to the first AI deal",
        y_label: "beta to bitcoin",
        series: p
            .betas
            .iter()
            .filter_map(|b| {
                let path = b.bitcoin_path.as_ref()?;
                Some(chart::Series {
                    name: &b.ticker,
                    points: path
                        .iter()
                        .map(|(x, v)| chart::Point::bare(*x as f64, v.unwrap_or(f64::NAN)))
                        .collect(),
                })
            })
            .collect(),
        percent: false,
        mark_zero: true,
    });
    chart::svg_document(&[top, bottom])
}
