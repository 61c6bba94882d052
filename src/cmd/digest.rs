use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};

use super::Workspace;
use crate::UsageError;
use crate::report::digest::{self, Period};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Html,
    Txt,
}

/// The weekly digest: deals of the week with their market reaction, top stories, each company's
/// week, other headlines, and how it was computed.
///
/// Default: the last complete ISO week (Monday to Sunday, UTC), Markdown on stdout.
///
/// Examples:
///   hashpivot digest
///   hashpivot digest --week 2025-W45 --format html --out digest.html
///   hashpivot digest --from 2025-11-01 --to 2025-11-30 --format txt
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// ISO week, e.g. 2025-W45.
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub week: Option<String>,
    /// First day (YYYY-MM-DD, UTC).
    #[arg(long, requires = "to")]
    pub from: Option<NaiveDate>,
    /// Last day, inclusive.
    #[arg(long, requires = "from")]
    pub to: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// Write to this file instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// "2025-W45" → Monday and Sunday of that ISO week.
pub fn parse_week(s: &str) -> Result<(NaiveDate, NaiveDate), UsageError> {
    let bad = || UsageError(format!("--week '{s}': expected an ISO week like 2025-W45"));
    let (y, w) = s
        .split_once("-W")
        .or_else(|| s.split_once("-w"))
        .ok_or_else(bad)?;
    let y: i32 = y.parse().map_err(|_| bad())?;
    let w: u32 = w.parse().map_err(|_| bad())?;
    let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon).ok_or_else(bad)?;
    Ok((monday, monday + Duration::days(6)))
}

/// The period the arguments name: --week, --from/--to, or the last complete ISO week.
fn period(a: &Args) -> Result<Period, UsageError> {
    let (from, to, label) = match (&a.week, a.from, a.to) {
        (Some(w), _, _) => {
            let (f, t) = parse_week(w)?;
            (f, t, w.to_uppercase())
        }
        (None, Some(f), Some(t)) => {
            if t < f {
                return Err(UsageError("--to is before --from".into()));
            }
            (f, t, format!("{f} to {t}"))
        }
        _ => {
            let today = Utc::now().date_naive();
            let this_monday = today - Duration::days(today.weekday().num_days_from_monday() as i64);
            let monday = this_monday - Duration::days(7);
            let iso = monday.iso_week();
            (
                monday,
                monday + Duration::days(6),
                format!("{}-W{:02}", iso.year(), iso.week()),
            )
        }
    };
    Ok(Period { from, to, label })
}

pub fn run(ctx: &Workspace, a: Args) -> anyhow::Result<i32> {
    let period = period(&a)?;
    let cfg = ctx.config_or_default()?;
    let store = super::open_existing_store(&ctx.data_dir)?;
    let d = digest::build(&store, &cfg, &period)?;
    for w in &d.warnings {
        eprintln!("hashpivot: digest: {w}");
    }
    let text = match a.format {
        Format::Md => digest::to_markdown(&d),
        Format::Html => digest::to_html(&d),
        Format::Txt => digest::to_text(&d),
    };
    match &a.out {
        Some(p) => std::fs::write(p, text).with_context(|| format!("writing {}", p.display()))?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(0)
}
