use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::Workspace;
use super::args::StudyOptions;
use crate::report::study::{Report, caar_svg, print_human, write_csvs};
use crate::study;

/// Event study: abnormal returns around events, beyond what the market and bitcoin explain.
///
/// The expected return comes from a model fitted on each event's estimation window (default the
/// factor model: OLS on the market benchmark and bitcoin); abnormal returns are averaged across
/// events per day (AAR) and per window (CAAR) and tested with the cross-sectional t, Patell, BMP,
/// Kolari–Pynnönen, Corrado rank, sign and generalized sign tests. Day 0 is the first session on or
/// after the event date, or with a time, the session whose close follows it (16:00 New York rule).
///
/// Events: the stored deals (default; --type and --ticker filter them), or --events FILE.csv with
/// columns event_id,ticker,date[,time][,counterparty].
///
/// Examples:
///   hashpivot study --events deals.csv
///   hashpivot study --events deals.csv --model market --window=-1:1 --window=0:5 --json
///   hashpivot study --events deals.csv --out results/ --plot caar.svg
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub opts: StudyOptions,
    /// Everything as one JSON document on stdout, full float precision.
    #[arg(long)]
    pub json: bool,
    /// Write events.csv, ar.csv, car.csv, aar.csv and caar.csv into DIR.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Write an SVG of the CAAR across event time with a 95% band.
    #[arg(long)]
    pub plot: Option<PathBuf>,
}

pub fn run(ctx: &Workspace, a: Args) -> anyhow::Result<i32> {
    let cfg = ctx.config_or_default()?;
    // options are checked before anything is loaded
    let setup = a.opts.setup(&cfg)?;
    let store = ctx.store_or_empty()?;
    let events = study::select_events(&store, &a.opts.selection(&cfg)?)?;
    let run = study::run(&store, &setup, events)?;
    let report = Report::from_run(&run);
    if let Some(dir) = &a.out {
        write_csvs(dir, &report, &run)?;
    }
    if let Some(path) = &a.plot {
        std::fs::write(path, caar_svg(&run))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let mut out = std::io::stdout().lock();
    if a.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        print_human(&mut out, &report)?;
    }
    if run.included() == 0 {
        eprintln!("hashpivot: no event could be studied (see the reasons above)");
        return Ok(1);
    }
    Ok(0)
}
