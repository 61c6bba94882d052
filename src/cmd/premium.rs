use super::text::{pct, stars};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use chrono::{DateTime, Utc};
use chrono_tz::America::New_York;
use serde::Serialize;

use super::Ctx;
use super::study::{Options, StudyRun, compute, compute_with, returns_of};
use crate::report::chart;
use crate::store::DealFilter;
use crate::study::premium::{self, Regression, Welch};
use crate::study::{self, CaarRow, EventSpec, Model, Status, Window};

/// The AI narrative premium: how much more miners' stocks moved on AI-deal announcements than on
/// their other announcements, beyond what the market and bitcoin explain.
///
/// Shows, per window, the CAAR of the stored AI deals with every test next to the CAAR of a control
/// group — the same companies' other announcements (8-K/6-K filings and press releases that report
/// no deal) — and their difference with a Welch t-test and a seeded bootstrap 95% interval; a
/// cross-sectional regression of CAR[-1,+1] on log deal value, MW, term and counterparty class with
/// HC1 robust standard errors; and each company's rolling 60-session beta to bitcoin and to the
/// market before vs after its first AI deal.
///
/// Examples:
///   hashpivot premium
///   hashpivot premium --model market --json
///   hashpivot premium --plot premium.svg
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub opts: Options,
    /// Everything (every test, the regression, the betas) as one JSON document on stdout.
    #[arg(long)]
    pub json: bool,
    /// SVG: CAAR paths of AI deals vs control, and rolling bitcoin betas around the first deal.
    #[arg(long)]
    pub plot: Option<PathBuf>,
    /// Bootstrap resamples.
    #[arg(long, default_value_t = 2000)]
    pub bootstrap: usize,
    /// Bootstrap seed (the interval is reproducible for a given seed).
    #[arg(long, default_value_t = 20_251_103)]
    pub seed: u64,
}

#[derive(Debug, Serialize)]
struct WindowRow<'a> {
    window: Window,
    ai: &'a CaarRow,
    control: &'a CaarRow,
    /// mean CAR(AI) − mean CAR(control)
    diff: Option<f64>,
    welch: Option<Welch>,
    bootstrap_95: Option<(f64, f64)>,
}

#[derive(Debug, Serialize)]
struct BetaRow {
    ticker: String,
    first_deal_day0: String,
    bitcoin_before: Option<f64>,
    bitcoin_after: Option<f64>,
    market_before: Option<f64>,
    market_after: Option<f64>,
    windows_before: usize,
    windows_after: usize,
}

const BETA_WINDOW: usize = 60;
const BETA_MIN: usize = 40;

fn mean_opt(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

pub fn run(ctx: &Ctx, a: Args) -> anyhow::Result<i32> {
    let ai = compute(ctx, &a.opts)?;
    let span = ai.params.span();
    let ai_tickers: HashSet<String> = ai.events.iter().map(|e| e.ticker.clone()).collect();

    // control: the same companies' other announcements, one per company and day
    let store = super::open_existing_store(&ctx.data_dir)?;
    let mut seen = HashSet::new();
    let control_events: Vec<EventSpec> = store
        .control_announcements()?
        .into_iter()
        .filter(|(_, t, _)| ai_tickers.contains(t))
        .filter_map(|(id, ticker, at)| {
            let t = DateTime::parse_from_rfc3339(&at).ok()?.with_timezone(&Utc);
            let date = t.with_timezone(&New_York).date_naive();
            if a.opts.since.is_some_and(|d| date < d) || a.opts.until.is_some_and(|d| date > d) {
                return None;
            }
            seen.insert((ticker.clone(), date)).then(|| EventSpec {
                id: format!("C{id}"),
                ticker,
                date,
                time: Some(t),
                label: None,
            })
        })
        .collect();
    let control = if control_events.is_empty() {
        None
    } else {
        let mut c = compute_with(ctx, &a.opts, control_events)?;
        // a control announcement inside an AI deal's event window is the deal's news, not a control
        let ai_days: Vec<(&str, usize)> = ai
            .events
            .iter()
            .zip(&ai.day0s)
            .filter_map(|(e, d)| d.map(|d| (e.ticker.as_str(), d)))
            .collect();
        for ((e, d), r) in c.events.iter().zip(&c.day0s).zip(c.results.iter_mut()) {
            let Some(d) = d else { continue };
            if ai_days.iter().any(|(t, ad)| {
                *t == e.ticker
                    && (*d as i64 - *ad as i64) >= span.start as i64
                    && (*d as i64 - *ad as i64) <= span.end as i64
            }) && r.is_included()
            {
                r.status = Status::Excluded("inside an AI deal's event window".into());
            }
        }
        c.agg = study::aggregate(&c.params, &c.results);
        Some(c)
    };

    let cars = |run: &StudyRun, wi: usize| -> Vec<f64> {
        run.results
            .iter()
            .filter(|r| r.is_included())
            .filter_map(|r| r.windows.get(wi).and_then(|w| w.as_ref()).map(|w| w.car))
            .collect()
    };
    let empty_rows: Vec<CaarRow> = ai
        .params
        .windows
        .iter()
        .map(|w| CaarRow {
            window: *w,
            n: 0,
            caar: None,
            tests: Default::default(),
        })
        .collect();
    let control_caar = control.as_ref().map_or(&empty_rows, |c| &c.agg.caar);
    let windows: Vec<WindowRow> = ai
        .params
        .windows
        .iter()
        .enumerate()
        .map(|(wi, w)| {
            let x = cars(&ai, wi);
            let y = control.as_ref().map(|c| cars(c, wi)).unwrap_or_default();
            let diff = (!x.is_empty() && !y.is_empty())
                .then(|| study::stats::mean(&x) - study::stats::mean(&y));
            WindowRow {
                window: *w,
                ai: &ai.agg.caar[wi],
                control: &control_caar[wi],
                diff,
                welch: premium::welch(&x, &y),
                bootstrap_95: premium::bootstrap_diff_ci(&x, &y, a.bootstrap, a.seed, 0.95),
            }
        })
        .collect();

    // cross-sectional regression on the deals' terms
    let deals: HashMap<String, crate::model::Deal> = store
        .deals(&DealFilter::default())?
        .into_iter()
        .map(|d| (format!("D{}", d.id), d))
        .collect();
    let reg_window = ai
        .params
        .windows
        .iter()
        .position(|w| *w == Window::new(-1, 1))
        .unwrap_or(0);
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    for (e, r) in ai.events.iter().zip(&ai.results) {
        let (Some(d), Some(Some(w))) = (deals.get(&e.id), r.windows.get(reg_window)) else {
            continue;
        };
        if !r.is_included() {
            continue;
        }
        let (Some(v), Some(mw), Some(yr)) = (
            d.value_usd.filter(|v| *v > 0.0),
            d.capacity_mw,
            d.term_years,
        ) else {
            continue;
        };
        let class = d.counterparty_class.as_deref().unwrap_or("");
        xs.push(vec![
            1.0,
            v.ln(),
            mw,
            yr,
            if class == "hyperscaler" { 1.0 } else { 0.0 },
            if class == "neocloud" { 1.0 } else { 0.0 },
        ]);
        ys.push(w.car);
    }
    let mut names = vec![
        "const",
        "ln_value_usd",
        "capacity_mw",
        "term_years",
        "hyperscaler",
        "neocloud",
    ];
    // a class no deal has would make the design singular: leave its dummy out
    for col in (4..names.len()).rev() {
        if xs.iter().all(|x| x[col] == 0.0) {
            names.remove(col);
            for x in xs.iter_mut() {
                x.remove(col);
            }
        }
    }
    let regression: Result<Regression, String> =
        premium::ols_hc1(&names, &xs, &ys).ok_or_else(|| {
            format!(
                "needs more than {} included deals with a value, MW and term (has {})",
                names.len(),
                ys.len()
            )
        });

    // rolling betas before and after each company's first AI deal
    let factor_name = ai.factor.clone().or_else(|| {
        let cfg = ctx.config_or_default().ok()?;
        (!cfg.study.factor.eq_ignore_ascii_case("none"))
            .then(|| cfg.study.factor.to_ascii_uppercase())
    });
    let btc = match (&ai.factor_ret, &factor_name) {
        (Some(f), _) => Some(f.clone()),
        (None, Some(name)) => returns_of(&store, &ai.cal, name, ai.params.log_returns)?,
        _ => None,
    };
    let mut first_deal: HashMap<String, usize> = HashMap::new();
    for (e, d) in ai.events.iter().zip(&ai.day0s) {
        if let Some(d) = d {
            first_deal
                .entry(e.ticker.clone())
                .and_modify(|x| *x = (*x).min(*d))
                .or_insert(*d);
        }
    }
    let mut tickers: Vec<&String> = first_deal.keys().collect();
    tickers.sort();
    let mut betas = Vec::new();
    let mut beta_series = Vec::new();
    for t in tickers {
        let d0 = first_deal[t];
        let Some(ret) = returns_of(&store, &ai.cal, t, ai.params.log_returns)? else {
            continue;
        };
        let bm = premium::rolling_beta(&ret, &ai.market_ret, BETA_WINDOW, BETA_MIN);
        let bb = btc
            .as_ref()
            .map(|b| premium::rolling_beta(&ret, b, BETA_WINDOW, BETA_MIN));
        // a window is "before" when it ends before day 0, "after" when it starts on or after it
        let split = |b: &[Option<f64>]| {
            let before: Vec<f64> = (0..d0.min(b.len())).filter_map(|i| b[i]).collect();
            let after: Vec<f64> = (d0 + BETA_WINDOW - 1..b.len())
                .filter_map(|i| b[i])
                .collect();
            (before, after)
        };
        let (mb, ma) = split(&bm);
        let (bb_b, bb_a) = bb.as_ref().map(|b| split(b)).unwrap_or_default();
        betas.push(BetaRow {
            ticker: t.clone(),
            first_deal_day0: ai.cal.dates[d0].to_string(),
            bitcoin_before: mean_opt(&bb_b),
            bitcoin_after: mean_opt(&bb_a),
            market_before: mean_opt(&mb),
            market_after: mean_opt(&ma),
            windows_before: mb.len(),
            windows_after: ma.len(),
        });
        if let Some(b) = &bb {
            let pts: Vec<(f64, f64, f64, f64)> = b
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    (
                        i as f64 - d0 as f64,
                        v.unwrap_or(f64::NAN),
                        f64::NAN,
                        f64::NAN,
                    )
                })
                .filter(|p| p.0.abs() <= 250.0)
                .collect();
            beta_series.push((t.clone(), pts));
        }
    }

    if let Some(path) = &a.plot {
        let path_series = |run: &StudyRun| -> Vec<(f64, f64, f64, f64)> {
            study::caar_path(&run.params, &run.results)
                .iter()
                .map(|p| (p.tau as f64, p.caar, p.lo, p.hi))
                .collect()
        };
        let mut series = vec![chart::Series {
            name: "AI deals",
            points: path_series(&ai),
        }];
        if let Some(c) = &control {
            series.push(chart::Series {
                name: "other announcements",
                points: path_series(c),
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
            series: beta_series
                .iter()
                .map(|(t, p)| chart::Series {
                    name: t,
                    points: p.clone(),
                })
                .collect(),
            percent: false,
            mark_zero: true,
        });
        std::fs::write(path, chart::svg_document(&[top, bottom]))
            .with_context(|| format!("writing {}", path.display()))?;
    }

    let ai_n = ai.results.iter().filter(|r| r.is_included()).count();
    let control_n = control
        .as_ref()
        .map_or(0, |c| c.results.iter().filter(|r| r.is_included()).count());
    let mut out = std::io::stdout().lock();
    if a.json {
        let v = serde_json::json!({
            "parameters": {
                "model": ai.params.model,
                "market": ai.market,
                "factor": if ai.params.model == Model::Factor { ai.factor.clone() } else { None },
                "estimation": ai.params.estimation,
                "windows": ai.params.windows,
                "bootstrap": a.bootstrap,
                "seed": a.seed,
                "beta_window": BETA_WINDOW,
            },
            "ai_events": ai_n,
            "control_events": control_n,
            "windows": windows,
            "regression": match &regression { Ok(r) => serde_json::to_value(r)?, Err(e) => serde_json::json!({"skipped": e}) },
            "betas": betas,
        });
        serde_json::to_writer_pretty(&mut out, &v)?;
        writeln!(out)?;
        return Ok(0);
    }
    let model = match (&ai.factor, ai.params.model) {
        (Some(f), Model::Factor) => format!("factor model ({} + {f})", ai.market),
        (_, m) => format!("{} model ({})", m.name(), ai.market),
    };
    writeln!(
        out,
        "AI narrative premium — {model}, estimation {}; {ai_n} AI-deal events vs {control_n} other announcements of the same companies",
        ai.params.estimation
    )?;
    writeln!(out)?;
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
    let st = |s: Option<study::Stat>| {
        s.map_or("-".to_string(), |s| format!("{:+.2}{}", s.stat, stars(s.p)))
    };
    for w in &windows {
        writeln!(
            out,
            "{:<9} {:>4} {:>9} {:>8} {:>8} | {:>4} {:>9} {:>8} | {:>9} {:>8} {:>7} {:>21}",
            w.window.to_string(),
            w.ai.n,
            pct(w.ai.caar),
            st(w.ai.tests.t),
            st(w.ai.tests.bmp),
            w.control.n,
            pct(w.control.caar),
            st(w.control.tests.t),
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
    writeln!(out)?;
    let wname = ai
        .params
        .windows
        .get(reg_window)
        .map(|w| w.to_string())
        .unwrap_or_default();
    match &regression {
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
        }
        Err(e) => writeln!(out, "CAR{wname} on deal terms: not estimated: {e}")?,
    }
    writeln!(out)?;
    writeln!(
        out,
        "Rolling {BETA_WINDOW}-session betas, before → after the first AI deal:"
    )?;
    for b in &betas {
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
        a.bootstrap, a.seed
    )?;
    Ok(0)
}
