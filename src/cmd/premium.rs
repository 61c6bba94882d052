use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::Workspace;
use super::args::StudyOptions;
use crate::report::premium::{Settings, print_human, to_json, to_svg};
use crate::study::{self, premium};

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
    pub opts: StudyOptions,
    /// Everything (every test, the regression, the betas, each group's events) as one JSON
    /// document on stdout.
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

pub fn run(ctx: &Workspace, a: Args) -> anyhow::Result<i32> {
    let cfg = ctx.config_or_default()?;
    let setup = a.opts.setup(&cfg)?;
    let store = ctx.store_or_empty()?;
    let ai_events = study::select_events(&store, &a.opts.selection(&cfg)?)?;
    let configured_factor = (!cfg.study.factor.eq_ignore_ascii_case("none"))
        .then(|| cfg.study.factor.to_ascii_uppercase());
    let opts = premium::Options {
        bootstrap: a.bootstrap,
        seed: a.seed,
        since: a.opts.since,
        until: a.opts.until,
        bitcoin: setup.factor.clone().or(configured_factor),
    };
    let p = premium::compute(&store, &setup, ai_events, &opts)?;
    if let Some(path) = &a.plot {
        std::fs::write(path, to_svg(&p)).with_context(|| format!("writing {}", path.display()))?;
    }
    let settings = Settings {
        bootstrap: a.bootstrap,
        seed: a.seed,
    };
    let mut out = std::io::stdout().lock();
    if a.json {
        serde_json::to_writer_pretty(&mut out, &to_json(&p, &settings)?)?;
        writeln!(out)?;
    } else {
        print_human(&mut out, &p, &settings)?;
    }
    Ok(0)
}
