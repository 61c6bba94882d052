//! What `study` prints and writes: the tables, the JSON document, the CSV files and the CAAR chart,
//! all from one [`Report`] built from a [`StudyRun`].

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use chrono::NaiveDate;
use serde::Serialize;

use super::chart;
use super::safe_cell;
use super::text::{pct, stars, trunc};
use crate::study::{
    self, Diagnostics, EventResult, EventSpec, Model, Stat, Status, StudyRun, Tests, Window,
};

/// One event's outcome, as `--json` and the tables show it.
#[derive(Debug, Serialize)]
pub struct EventOut {
    pub event_id: String,
    pub ticker: String,
    pub date: NaiveDate,
    pub counterparty: Option<String>,
    pub day0: Option<NaiveDate>,
    pub status: &'static str,
    pub reason: Option<String>,
    pub alpha: Option<f64>,
    pub betas: Vec<f64>,
    pub sigma: Option<f64>,
    pub m: usize,
    pub windows: Vec<Option<study::WindowResult>>,
    pub same_day: Vec<String>,
    pub contaminated_by: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Parameters {
    pub model: Model,
    pub market: String,
    pub factor: Option<String>,
    pub estimation: Window,
    pub windows: Vec<Window>,
    pub min_estimation: usize,
    pub returns: &'static str,
    pub events: usize,
    pub included: usize,
}

#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub parameters: Parameters,
    pub events: Vec<EventOut>,
    pub aar: &'a [study::AarRow],
    pub caar: &'a [study::CaarRow],
    pub r_bar: f64,
}

impl<'a> Report<'a> {
    /// The report of a computed study: every event (excluded ones with their reason), the AAR
    /// and CAAR tables, and the parameters as resolved.
    pub fn from_run(run: &'a StudyRun) -> Report<'a> {
        let p = &run.params;
        let events = run
            .events
            .iter()
            .zip(&run.results)
            .zip(&run.diag)
            .enumerate()
            .map(|(i, ((e, r), dg))| event_out(e, r, run.day0_date(i), dg, &run.events))
            .collect();
        Report {
            parameters: Parameters {
                model: p.model,
                market: run.market.clone(),
                factor: if p.model == Model::Factor {
                    run.factor.clone()
                } else {
                    None
                },
                estimation: p.estimation,
                windows: p.windows.clone(),
                min_estimation: p.min_estimation,
                returns: if p.log_returns { "log" } else { "simple" },
                events: run.events.len(),
                included: run.included(),
            },
            events,
            aar: &run.agg.aar,
            caar: &run.agg.caar,
            r_bar: run.agg.r_bar,
        }
    }
}

/// The SVG of the CAAR across event time with its 95% band.
pub fn caar_svg(run: &StudyRun) -> String {
    let points: Vec<chart::Point> = study::caar_path(&run.params, &run.results)
        .iter()
        .map(chart::Point::from)
        .collect();
    let title = format!(
        "CAAR across event time, {} model, N = {} (95% band)",
        run.params.model.name(),
        run.included()
    );
    chart::band_chart(&chart::BandChart {
        title: &title,
        x_label: "trading days relative to the announcement (day 0)",
        y_label: "cumulative average abnormal return",
        points: &points,
        percent: true,
    })
}

pub fn event_out(
    e: &EventSpec,
    r: &EventResult,
    day0: Option<NaiveDate>,
    d: &Diagnostics,
    all: &[EventSpec],
) -> EventOut {
    let (status, reason) = match &r.status {
        Status::Included => ("included", None),
        Status::Excluded(why) => ("excluded", Some(why.clone())),
    };
    EventOut {
        event_id: e.id.clone(),
        ticker: e.ticker.clone(),
        date: e.date,
        counterparty: e.label.clone(),
        day0,
        status,
        reason,
        alpha: r.alpha,
        betas: r.betas.clone(),
        sigma: r.sigma,
        m: r.m,
        windows: r.windows.clone(),
        same_day: d.same_day.iter().map(|&j| all[j].id.clone()).collect(),
        contaminated_by: d.contaminating.iter().map(|&j| all[j].id.clone()).collect(),
    }
}

fn cell(s: Option<Stat>) -> String {
    match s {
        Some(s) => format!("{:+.2}{}", s.stat, stars(s.p)),
        None => "-".into(),
    }
}

fn test_cells(t: &Tests) -> String {
    format!(
        "{:>9} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        cell(t.t),
        t.t.map_or("-".into(), |s| format!("{:.3}", s.p)),
        cell(t.patell),
        cell(t.bmp),
        cell(t.kp),
        cell(t.rank),
        cell(t.sign),
        cell(t.gsign)
    )
}

/// A table of one measure (CAAR per window, AAR per day) with every test beside it.
fn tests_table<'a>(
    out: &mut impl Write,
    (label, measure): (&str, &str),
    rows: impl Iterator<Item = (String, usize, String, &'a Tests)>,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<9} {:>4} {:>9} {:>9} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        label, "N", measure, "t", "p(t)", "Patell", "BMP", "KP", "Rank", "Sign", "GSign"
    )?;
    for (name, n, value, tests) in rows {
        writeln!(out, "{name:<9} {n:>4} {value:>9} {}", test_cells(tests))?;
    }
    Ok(())
}

pub fn print_human(out: &mut impl Write, r: &Report<'_>) -> std::io::Result<()> {
    let p = &r.parameters;
    let model = match (&p.factor, p.model) {
        (Some(f), Model::Factor) => format!("factor model ({} + {f})", p.market),
        (_, Model::Market) => format!("market model ({})", p.market),
        (_, Model::MarketAdjusted) => format!("market-adjusted returns ({})", p.market),
        _ => "constant-mean model".to_string(),
    };
    writeln!(
        out,
        "Event study: {model}, estimation {} (min {} returns), {} returns; {} events, {} included, {} excluded; r̄ = {:.4}",
        p.estimation,
        p.min_estimation,
        p.returns,
        p.events,
        p.included,
        p.events - p.included,
        r.r_bar
    )?;
    writeln!(out)?;
    tests_table(
        out,
        ("WINDOW", "CAAR"),
        r.caar
            .iter()
            .map(|c| (c.window.to_string(), c.n, pct(c.caar), &c.tests)),
    )?;
    writeln!(out)?;
    tests_table(
        out,
        ("DAY", "AAR"),
        r.aar
            .iter()
            .map(|a| (format!("{:+}", a.tau), a.n, pct(a.aar), &a.tests)),
    )?;
    writeln!(
        out,
        "* p < 0.1, ** p < 0.05, *** p < 0.01 (two-sided; t from t(N-1), others from N(0,1))"
    )?;
    writeln!(out)?;
    let wins: Vec<String> = p.windows.iter().map(|w| format!("CAR{w}")).collect();
    write!(
        out,
        "{:<12} {:<7} {:<10} {:<14}",
        "EVENT", "TICKER", "DAY 0", "COUNTERPARTY"
    )?;
    for w in &wins {
        write!(out, " {:>12}", w)?;
    }
    writeln!(out, " {:>12}", format!("BHAR{}", p.windows[0]))?;
    for e in r.events.iter().filter(|e| e.status == "included") {
        write!(
            out,
            "{:<12} {:<7} {:<10} {:<14}",
            trunc(&e.event_id, 12),
            e.ticker,
            e.day0.map_or("-".into(), |d| d.to_string()),
            trunc(e.counterparty.as_deref().unwrap_or(""), 14)
        )?;
        for w in &e.windows {
            write!(out, " {:>12}", pct(w.as_ref().map(|w| w.car)))?;
        }
        writeln!(
            out,
            " {:>12}",
            pct(e.windows.first().and_then(|w| w.as_ref()).map(|w| w.bhar))
        )?;
    }
    let excluded: Vec<&EventOut> = r.events.iter().filter(|e| e.status != "included").collect();
    if !excluded.is_empty() {
        writeln!(out)?;
        writeln!(out, "Excluded:")?;
        for e in excluded {
            writeln!(
                out,
                "  {} {} {}: {}",
                e.event_id,
                e.ticker,
                e.date,
                e.reason.as_deref().unwrap_or("")
            )?;
        }
    }
    let flagged: Vec<&EventOut> = r
        .events
        .iter()
        .filter(|e| !e.same_day.is_empty() || !e.contaminated_by.is_empty())
        .collect();
    if !flagged.is_empty() {
        writeln!(out)?;
        writeln!(out, "Diagnostics:")?;
        for e in flagged {
            if !e.same_day.is_empty() {
                writeln!(
                    out,
                    "  {}: same day 0 as {}",
                    e.event_id,
                    e.same_day.join(", ")
                )?;
            }
            if !e.contaminated_by.is_empty() {
                writeln!(
                    out,
                    "  {}: {} also has events {} inside its estimation or event window",
                    e.event_id,
                    e.ticker,
                    e.contaminated_by.join(", ")
                )?;
            }
        }
    }
    Ok(())
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(String::new, |v| format!("{v:?}"))
}

fn stat_cols(t: &Tests) -> Vec<String> {
    [t.t, t.patell, t.bmp, t.kp, t.rank, t.sign, t.gsign]
        .iter()
        .flat_map(|s| [num(s.map(|s| s.stat)), num(s.map(|s| s.p))])
        .collect()
}

const TEST_HEADER: [&str; 14] = [
    "t", "t_p", "patell", "patell_p", "bmp", "bmp_p", "kp", "kp_p", "rank", "rank_p", "sign",
    "sign_p", "gsign", "gsign_p",
];

/// Write events.csv, ar.csv, car.csv, aar.csv and caar.csv into `dir`.
pub fn write_csvs(dir: &Path, r: &Report<'_>, run: &StudyRun) -> anyhow::Result<()> {
    let (events, results, cal, day0s, params) =
        (&run.events, &run.results, &run.cal, &run.day0s, &run.params);
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let open = |name: &str| -> anyhow::Result<csv::Writer<std::fs::File>> {
        let p = dir.join(name);
        csv::Writer::from_path(&p).with_context(|| format!("writing {}", p.display()))
    };
    let mut w = open("events.csv")?;
    w.write_record([
        "event_id",
        "ticker",
        "date",
        "counterparty",
        "day0",
        "status",
        "reason",
        "alpha",
        "beta_market",
        "beta_factor",
        "sigma",
        "m",
    ])?;
    for e in &r.events {
        w.write_record([
            safe_cell(&e.event_id),
            safe_cell(&e.ticker),
            e.date.to_string(),
            safe_cell(e.counterparty.as_deref().unwrap_or("")),
            e.day0.map(|d| d.to_string()).unwrap_or_default(),
            e.status.to_string(),
            e.reason.clone().unwrap_or_default(),
            num(e.alpha),
            num(e.betas.first().copied()),
            num(e.betas.get(1).copied()),
            num(e.sigma),
            if e.status == "included" {
                e.m.to_string()
            } else {
                String::new()
            },
        ])?;
    }
    w.flush()?;
    let mut w = open("ar.csv")?;
    w.write_record([
        "event_id", "ticker", "tau", "date", "return", "expected", "ar", "sar",
    ])?;
    let span = params.span();
    for ((e, res), d0) in events.iter().zip(results).zip(day0s) {
        let (Some(d0), true) = (d0, res.is_included()) else {
            continue;
        };
        for (i, tau) in (span.start..=span.end).enumerate() {
            let date = cal.dates[(*d0 as i64 + tau as i64) as usize].to_string();
            w.write_record([
                safe_cell(&e.id),
                safe_cell(&e.ticker),
                tau.to_string(),
                date,
                num(res.ret[i]),
                num(res.expected[i]),
                num(res.ar[i]),
                num(res.sar[i]),
            ])?;
        }
    }
    w.flush()?;
    let mut w = open("car.csv")?;
    w.write_record([
        "event_id",
        "ticker",
        "window_start",
        "window_end",
        "car",
        "var_car",
        "scar",
        "bhar",
        "l",
    ])?;
    for e in r.events.iter().filter(|e| e.status == "included") {
        for wr in e.windows.iter().flatten() {
            w.write_record([
                safe_cell(&e.event_id),
                safe_cell(&e.ticker),
                wr.window.start.to_string(),
                wr.window.end.to_string(),
                num(Some(wr.car)),
                num(Some(wr.var_car)),
                num(Some(wr.scar)),
                num(Some(wr.bhar)),
                wr.l.to_string(),
            ])?;
        }
    }
    w.flush()?;
    let mut w = open("aar.csv")?;
    let mut head = vec!["tau", "n", "aar"];
    head.extend(TEST_HEADER);
    w.write_record(&head)?;
    for a in r.aar {
        let mut row = vec![a.tau.to_string(), a.n.to_string(), num(a.aar)];
        row.extend(stat_cols(&a.tests));
        w.write_record(&row)?;
    }
    w.flush()?;
    let mut w = open("caar.csv")?;
    let mut head = vec!["window_start", "window_end", "n", "caar"];
    head.extend(TEST_HEADER);
    w.write_record(&head)?;
    for c in r.caar {
        let mut row = vec![
            c.window.start.to_string(),
            c.window.end.to_string(),
            c.n.to_string(),
            num(c.caar),
        ];
        row.extend(stat_cols(&c.tests));
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}
