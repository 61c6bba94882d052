use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use serde_json::json;

use super::Workspace;
use super::args::StudyOptions;
use crate::UsageError;
use crate::report::dataset;
use crate::report::export::Format;
use crate::store::{DealFilter, EXPORT_BATCH, ExportDoc, KindFilter, Store};
use crate::study::{self, StudyRun, premium};

/// Export an event-study-ready dataset: documents, deals, abnormal returns and event windows, one
/// file per table, with a data dictionary in dataset.json.
///
/// CSV is UTF-8 with RFC 4180 quoting, ISO dates, and any text cell starting with = + - @ tab or
/// CR neutralised (prefixed with ') against spreadsheet formula injection. JSON Lines has one
/// object per row with real types. Study options (model, windows ...) are those of `study`; the
/// abnormal returns and windows cover the AI events and, marked `control` in their `group`
/// column, the same companies' other announcements that `premium` compares them with.
///
/// Examples:
///   hashpivot export --out dataset/
///   hashpivot export --out dataset/ --format jsonl --since 2025-01-01 --model market
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Output folder (created if needed).
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: Format,
    #[command(flatten)]
    pub opts: StudyOptions,
}

/// The AI events' study and the control group's, as `premium` draws them.
fn studies(
    ctx: &Workspace,
    store: &Store,
    o: &StudyOptions,
) -> anyhow::Result<(StudyRun, Option<StudyRun>)> {
    let cfg = ctx.config_or_default()?;
    let setup = o.setup(&cfg)?;
    let events = study::select_events(store, &o.selection(&cfg)?)?;
    let ai = study::run(store, &setup, events)?;
    let control = premium::control_study(store, &setup, &ai, o.since, o.until)?;
    Ok((ai, control))
}

pub fn run(ctx: &Workspace, a: Args) -> anyhow::Result<i32> {
    if a.format == Format::Parquet && !cfg!(feature = "parquet") {
        return Err(UsageError(
            "parquet export is not built into this binary: rebuild with `cargo install --path . --features parquet`, or export csv or jsonl".into(),
        )
        .into());
    }
    std::fs::create_dir_all(&a.out).with_context(|| format!("creating {}", a.out.display()))?;
    let store = super::open_existing_store(&ctx.data_dir)?;
    let since = a.opts.since.map(|d| d.to_string());
    let until = a.opts.until.map(|d| d.to_string());
    let deals = store.deals(&DealFilter {
        since: a.opts.since,
        until: a.opts.until,
        kind: KindFilter::All,
        ..Default::default()
    })?;
    // the study: abnormal returns and windows (empty, with the reason, when it cannot run)
    let study = studies(ctx, &store, &a.opts);
    let runs = study.as_ref().ok().map(|(ai, c)| (ai, c.as_ref()));
    let tables = dataset::tables(&deals, runs);
    let study_meta = match runs {
        Some((ai, control)) => dataset::study_parameters(ai, control),
        None => json!({ "skipped": format!("{:#}", study.as_ref().err().expect("no study")) }),
    };
    let parameters = json!({
        "format": a.format,
        "since": since,
        "until": until,
        "study": study_meta,
    });
    let documents = |each: &mut dyn FnMut(&[ExportDoc]) -> anyhow::Result<()>| {
        store.export_documents(since.as_deref(), until.as_deref(), EXPORT_BATCH, each)
    };
    let [docs, deals, ars, windows] =
        dataset::write(&a.out, a.format, documents, &tables, parameters)?;
    writeln!(
        std::io::stdout().lock(),
        "wrote {docs} documents, {deals} deals, {ars} abnormal-return rows and {windows} event windows to {}",
        a.out.display()
    )?;
    if let Err(e) = study {
        eprintln!("hashpivot: abnormal returns not exported: {e:#}");
    }
    Ok(0)
}
