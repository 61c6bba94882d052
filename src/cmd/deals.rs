use std::io::Write;

use crate::report::text::{trunc, usd};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::America::New_York;

use super::Workspace;
use crate::UsageError;
use crate::analyze::DealType;
use crate::calendar;
use crate::model::{Deal, DealKind, DealOrigin, DealStatus, DealTerms, fmt_time};
use crate::store::{DealFilter, KindFilter, Store};

/// The deals: one row per real-world AI/HPC deal, from the first report on.
///
/// Examples:
///   hashpivot deals
///   hashpivot deals --ticker WULF --since 2025-01-01 --json
///   hashpivot deals show 12
///   hashpivot deals add --ticker RIOT --date 2026-01-16 --time 08:00 --counterparty AMD --type colocation --value 311e6 --mw 25 --years 10
///   hashpivot deals reject 7
///   hashpivot deals edit 12 --value 3.7bn --note "base term only"
///   hashpivot deals --review              # unreviewed deals, least certain first, with why
///   hashpivot deals accept 12             # reviewed: counts for `premium --reviewed`
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment, args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Sub>,
    #[command(flatten)]
    pub list: ListArgs,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only these tickers (repeatable).
    #[arg(long = "ticker")]
    pub tickers: Vec<String>,
    /// First event day (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<NaiveDate>,
    /// Last event day (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<NaiveDate>,
    /// Deal type: colocation, gpu_cloud, hosting, expansion, acquisition, financing.
    #[arg(long = "type")]
    pub deal_type: Option<String>,
    /// deal (default), loi, termination, corporate (acquisitions, stakes, financings) or all.
    #[arg(long)]
    pub kind: Option<String>,
    /// Only deals recognised with at least this confidence (0 to 1; reviewed and hand-made deals
    /// always pass).
    #[arg(long)]
    pub min_confidence: Option<f64>,
    /// The automatic deals no one has reviewed, least confident first, each with the sentence
    /// that decided it, the evidence for and against and the readings it rejected. Accept one with
    /// `deals accept ID`, reject it with `deals reject ID`, correct it with `deals edit ID`.
    #[arg(long)]
    pub review: bool,
    /// Include rejected deals.
    #[arg(long)]
    pub rejected: bool,
    /// The deals as one JSON array.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Subcommand)]
pub enum Sub {
    /// Every report of a deal, with source, time and evidence sentence.
    Show {
        id: i64,
        /// The deal and its reports as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Add a deal by hand (curated: kept by `analyze --all`).
    ///
    /// Example:
    ///   hashpivot deals add --ticker RIOT --date 2026-01-16 --time 08:00 --counterparty AMD \
    ///     --type colocation --value 311e6 --mw 25 --years 10
    #[command(verbatim_doc_comment)]
    Add(EditArgs),
    /// Reject a deal: hidden from lists and studies, and it stays rejected on re-analysis.
    Reject { id: i64 },
    /// Accept a deal after review: it counts for `premium --reviewed` and passes any
    /// `--min-confidence`; re-analysis keeps the mark.
    Accept { id: i64 },
    /// Correct a deal's fields (it becomes curated).
    Edit {
        id: i64,
        #[command(flatten)]
        fields: EditArgs,
    },
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The miner's ticker (a [[company]] in feeds.toml).
    #[arg(long)]
    pub ticker: Option<String>,
    /// Announcement date (YYYY-MM-DD, New York).
    #[arg(long)]
    pub date: Option<NaiveDate>,
    /// Announcement time (HH:MM New York); without it the deal counts as announced before the open.
    #[arg(long)]
    pub time: Option<String>,
    /// Who the deal is with (CoreWeave, Microsoft, Fluidstack, ...).
    #[arg(long)]
    pub counterparty: Option<String>,
    /// colocation, gpu_cloud, hosting, expansion, acquisition or financing [default: colocation].
    #[arg(long = "type")]
    pub deal_type: Option<String>,
    /// Contract value in USD: 311e6, 311000000, 3.7bn, 865m.
    #[arg(long)]
    pub value: Option<String>,
    /// Value with extension options exercised.
    #[arg(long)]
    pub value_with_options: Option<String>,
    /// Capacity in MW (critical IT where the release says so).
    #[arg(long)]
    pub mw: Option<f64>,
    /// Contract term in years (base term, without extension options).
    #[arg(long)]
    pub years: Option<f64>,
    /// A free-text note kept with the deal.
    #[arg(long)]
    pub note: Option<String>,
}

/// "3.7bn", "865m", "311e6", "$1,250,000" → USD.
pub fn parse_usd(s: &str) -> Result<f64, String> {
    let t = s
        .trim()
        .trim_start_matches('$')
        .replace(',', "")
        .to_ascii_lowercase();
    let (num, mult) = if let Some(n) = t.strip_suffix("bn").or_else(|| t.strip_suffix('b')) {
        (n, 1e9)
    } else if let Some(n) = t.strip_suffix("mn").or_else(|| t.strip_suffix('m')) {
        (n, 1e6)
    } else if let Some(n) = t.strip_suffix('k') {
        (n, 1e3)
    } else {
        (t.as_str(), 1.0)
    };
    match num.trim().parse::<f64>() {
        Ok(v) if v >= 0.0 && v.is_finite() => Ok(v * mult),
        _ => Err(format!(
            "'{s}' is not an amount (examples: 311e6, 3.7bn, 865m)"
        )),
    }
}

/// Reject or accept a stored deal, and say so.
fn mark(
    ctx: &Workspace,
    id: i64,
    set: impl FnOnce(&mut Store, i64) -> Result<bool, crate::store::StoreError>,
    done: &str,
) -> anyhow::Result<i32> {
    let mut store = super::open_existing_store(&ctx.data_dir)?;
    if !set(&mut store, id)? {
        anyhow::bail!("no deal {id}");
    }
    writeln!(std::io::stdout().lock(), "deal {id} {done}")?;
    Ok(0)
}

pub fn run(ctx: &Workspace, a: Args) -> anyhow::Result<i32> {
    match a.command {
        None => list(ctx, a.list),
        Some(Sub::Show { id, json }) => show(ctx, id, json),
        Some(Sub::Add(e)) => add(ctx, e),
        Some(Sub::Reject { id }) => mark(ctx, id, Store::reject_deal, "rejected"),
        Some(Sub::Accept { id }) => mark(ctx, id, Store::accept_deal, "accepted"),
        Some(Sub::Edit { id, fields }) => edit(ctx, id, fields),
    }
}

fn opt(v: Option<f64>, digits: usize) -> String {
    v.map_or_else(|| "-".into(), |v| format!("{v:.digits$}"))
}

/// A `--type` value.
pub(crate) fn parse_type(t: &str) -> Result<DealType, UsageError> {
    DealType::parse(t).ok_or_else(|| {
        UsageError(format!(
            "--type {t}: expected colocation, gpu_cloud, hosting, expansion, acquisition or financing"
        ))
    })
}

/// A `--kind` value (none: signed deals only).
pub(crate) fn parse_kind(k: Option<&str>) -> Result<KindFilter, UsageError> {
    Ok(match k {
        None => KindFilter::Deals,
        Some("all") => KindFilter::All,
        Some(k) => KindFilter::Only(DealKind::parse(k).ok_or_else(|| {
            UsageError(format!(
                "--kind {k}: expected deal, loi, termination, corporate or all"
            ))
        })?),
    })
}

fn list(ctx: &Workspace, a: ListArgs) -> anyhow::Result<i32> {
    let deal_type = a.deal_type.as_deref().map(parse_type).transpose()?;
    let kind = parse_kind(a.kind.as_deref())?;
    let store = super::open_existing_store(&ctx.data_dir)?;
    let deals = store.deals(&DealFilter {
        tickers: a.tickers.iter().map(|t| t.to_ascii_uppercase()).collect(),
        since: a.since,
        until: a.until,
        deal_type,
        kind,
        min_confidence: a.min_confidence,
        include_rejected: a.rejected,
        unreviewed_only: a.review,
        ..Default::default()
    })?;
    let mut deals = deals;
    if a.review {
        // least certain first, then by day
        deals.sort_by(|x, y| {
            x.confidence
                .unwrap_or(1.0)
                .total_cmp(&y.confidence.unwrap_or(1.0))
                .then(x.event_day.cmp(&y.event_day))
                .then(x.id.cmp(&y.id))
        });
    }
    let mut out = std::io::stdout().lock();
    if a.review && !a.json {
        if deals.is_empty() {
            writeln!(out, "no unreviewed deals")?;
            return Ok(0);
        }
        for d in &deals {
            writeln!(
                out,
                "{:>4} {} {} × {} ({}), confidence {}, {} report(s)",
                d.id,
                d.event_day,
                d.ticker,
                d.counterparty,
                d.deal_type,
                opt(d.confidence, 2),
                d.n_documents
            )?;
            if d.reasons.is_empty()
                && let Some(e) = &d.evidence
            {
                writeln!(out, "     decided by: \"{e}\"")?;
            }
            for r in &d.reasons {
                writeln!(out, "     {r}")?;
            }
        }
        writeln!(
            out,
            "accept: hashpivot deals accept ID · reject: hashpivot deals reject ID · correct: hashpivot deals edit ID"
        )?;
        return Ok(0);
    }
    if a.json {
        serde_json::to_writer_pretty(&mut out, &deals)?;
        writeln!(out)?;
        return Ok(0);
    }
    if deals.is_empty() {
        writeln!(
            out,
            "no deals match (run `hashpivot crawl` and `hashpivot analyze`, or widen the filters)"
        )?;
        return Ok(0);
    }
    writeln!(
        out,
        "{:>4} {:<10} {:<6} {:<14} {:<11} {:>9} {:>6} {:>5} {:>7} {:>6} {:>5}",
        "ID",
        "DAY 0",
        "TICKER",
        "COUNTERPARTY",
        "TYPE",
        "VALUE",
        "MW",
        "YEARS",
        "REPORTS",
        "TONE",
        "CONF"
    )?;
    for d in &deals {
        writeln!(
            out,
            "{:>4} {:<10} {:<6} {:<14} {:<11} {:>9} {:>6} {:>5} {:>7} {:>6} {:>5}{}",
            d.id,
            d.event_day.to_string(),
            d.ticker,
            trunc(&d.counterparty, 14),
            d.deal_type,
            usd(d.terms.value_usd),
            opt(d.terms.capacity_mw, 0),
            opt(d.terms.term_years, 0),
            d.n_documents,
            opt(d.sentiment, 2),
            opt(d.confidence, 2),
            match (d.origin, d.status) {
                (_, DealStatus::Rejected) => "  (rejected)",
                (DealOrigin::Curated, _) => "  (curated)",
                _ if d.reviewed_at.is_some() => "  (reviewed)",
                _ => "",
            }
        )?;
    }
    Ok(0)
}

fn show(ctx: &Workspace, id: i64, json: bool) -> anyhow::Result<i32> {
    let store = super::open_existing_store(&ctx.data_dir)?;
    let Some(d) = store.deal(id)? else {
        anyhow::bail!("no deal {id}");
    };
    let reports = store.deal_reports(id)?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({"deal": d, "reports": reports}),
        )?;
        writeln!(out)?;
        return Ok(0);
    }
    writeln!(
        out,
        "deal {}: {} × {} ({}, {})",
        d.id, d.ticker, d.counterparty, d.deal_type, d.kind
    )?;
    writeln!(
        out,
        "announced {} (event day {}), {} report(s), confidence {}",
        d.announced_at,
        d.event_day,
        d.n_documents,
        opt(d.confidence, 2)
    )?;
    writeln!(
        out,
        "value {} (with options {}), rate {} per MW-year, {} MW{}, {} years, tone {}",
        usd(d.terms.value_usd),
        usd(d.terms.value_with_options_usd),
        usd(d.terms.rate_usd_per_mw_year),
        opt(d.terms.capacity_mw, 0),
        d.terms
            .capacity_basis
            .map(|b| format!(" ({})", b.as_str().replace('_', " ")))
            .unwrap_or_default(),
        opt(d.terms.term_years, 0),
        opt(d.sentiment, 2)
    )?;
    for (term, phrase) in [
        ("value", &d.phrases.value_usd),
        ("with options", &d.phrases.value_with_options_usd),
        ("rate", &d.phrases.rate_usd_per_mw_year),
        ("MW", &d.phrases.capacity_mw),
        ("years", &d.phrases.term_years),
    ] {
        if let Some(p) = phrase {
            writeln!(out, "  {term:<13} from \"{p}\"")?;
        }
    }
    for p in &d.parties {
        writeln!(out, "{}: {}", p.role.as_str().replace('_', " "), p.name)?;
    }
    if let Some(n) = &d.note {
        writeln!(out, "note: {n}")?;
    }
    if !d.reasons.is_empty() {
        writeln!(out, "why:")?;
        for r in &d.reasons {
            writeln!(out, "  {r}")?;
        }
    }
    match &d.reviewed_at {
        Some(t) => writeln!(out, "{} deal, {}, reviewed {t}", d.origin, d.status)?,
        None => writeln!(out, "{} deal, {}", d.origin, d.status)?,
    }
    for r in reports {
        writeln!(out)?;
        writeln!(
            out,
            "[{}] {} — {} ({})",
            r.document_id,
            r.published_at.as_deref().unwrap_or("?"),
            r.source,
            r.kind
        )?;
        writeln!(out, "  {}", r.title)?;
        if let Some(u) = &r.url {
            writeln!(out, "  {u}")?;
        }
        if let Some(e) = &r.evidence {
            writeln!(out, "  evidence: \"{e}\"")?;
        }
    }
    Ok(0)
}

/// Announcement time from a date and an optional HH:MM (New York); a date alone counts as 08:00
/// New York, before the open, so its event day is that date's session.
fn announced(date: NaiveDate, time: Option<&str>) -> Result<DateTime<Utc>, UsageError> {
    let t = match time {
        Some(s) => NaiveTime::parse_from_str(s, "%H:%M")
            .map_err(|_| UsageError(format!("--time '{s}': expected HH:MM (New York time)")))?,
        None => NaiveTime::from_hms_opt(8, 0, 0).expect("valid time"),
    };
    New_York
        .from_local_datetime(&NaiveDateTime::new(date, t))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| UsageError(format!("{date} {t} does not exist in New York time")))
}

fn apply(d: &mut Deal, e: &EditArgs, cfg: &crate::config::Config) -> Result<(), UsageError> {
    if let Some(t) = &e.ticker {
        let t = t.to_ascii_uppercase();
        if !cfg.companies.is_empty() && !cfg.companies.iter().any(|c| c.ticker == t) {
            return Err(UsageError(format!(
                "unknown ticker {t}: not a [[company]] in feeds.toml"
            )));
        }
        d.ticker = t;
    }
    if let Some(c) = &e.counterparty {
        d.counterparty = c.clone();
        d.counterparty_class = cfg
            .counterparties
            .iter()
            .find(|k| {
                k.name.eq_ignore_ascii_case(c)
                    || k.aliases.iter().any(|a| a.eq_ignore_ascii_case(c))
            })
            .map(|k| format!("{:?}", k.class).to_ascii_lowercase());
    }
    if let Some(t) = &e.deal_type {
        d.deal_type = parse_type(t)?;
    }
    // a term set by hand was not read from any text: its phrase goes
    if let Some(v) = &e.value {
        d.terms.value_usd = Some(parse_usd(v).map_err(|m| UsageError(format!("--value: {m}")))?);
        d.phrases.value_usd = None;
    }
    if let Some(v) = &e.value_with_options {
        d.terms.value_with_options_usd =
            Some(parse_usd(v).map_err(|m| UsageError(format!("--value-with-options: {m}")))?);
        d.phrases.value_with_options_usd = None;
    }
    if let Some(m) = e.mw {
        d.terms.capacity_mw = Some(m);
        d.phrases.capacity_mw = None;
    }
    if let Some(y) = e.years {
        d.terms.term_years = Some(y);
        d.phrases.term_years = None;
    }
    if let Some(n) = &e.note {
        d.note = Some(n.clone());
    }
    if e.date.is_some() || e.time.is_some() {
        let date = match e.date {
            Some(dt) => dt,
            None => DateTime::parse_from_rfc3339(&d.announced_at)
                .map(|t| t.with_timezone(&New_York).date_naive())
                .map_err(|_| {
                    UsageError("the deal has no valid announcement time; pass --date".into())
                })?,
        };
        let at = announced(date, e.time.as_deref())?;
        d.announced_at = fmt_time(at);
        d.event_day = calendar::event_day(at);
    }
    Ok(())
}

fn add(ctx: &Workspace, e: EditArgs) -> anyhow::Result<i32> {
    let (Some(_), Some(_), Some(_)) = (&e.ticker, &e.date, &e.counterparty) else {
        return Err(
            UsageError("deals add needs --ticker, --date and --counterparty".into()).into(),
        );
    };
    let cfg = ctx.config_or_default()?;
    let mut d = Deal {
        id: 0,
        ticker: String::new(),
        counterparty: String::new(),
        counterparty_class: None,
        deal_type: DealType::Colocation,
        kind: DealKind::Deal,
        terms: DealTerms::default(),
        announced_at: String::new(),
        event_day: NaiveDate::MIN,
        n_documents: 0,
        sentiment: None,
        confidence: Some(1.0),
        origin: DealOrigin::Curated,
        status: DealStatus::Active,
        note: None,
        first_document_id: None,
        first_source: None,
        evidence: None,
        phrases: Default::default(),
        parties: Vec::new(),
        reasons: Vec::new(),
        reviewed_at: None,
    };
    apply(&mut d, &e, &cfg)?;
    let mut store = super::open_store(&ctx.data_dir)?;
    let id = store.add_deal(&d)?;
    writeln!(
        std::io::stdout().lock(),
        "added deal {id}: {} × {} ({}), event day {}",
        d.ticker,
        d.counterparty,
        d.deal_type,
        d.event_day
    )?;
    Ok(0)
}

fn edit(ctx: &Workspace, id: i64, e: EditArgs) -> anyhow::Result<i32> {
    let cfg = ctx.config_or_default()?;
    let mut store = super::open_existing_store(&ctx.data_dir)?;
    let Some(mut d) = store.deal(id)? else {
        anyhow::bail!("no deal {id}");
    };
    apply(&mut d, &e, &cfg)?;
    store.update_deal(&d)?;
    writeln!(std::io::stdout().lock(), "deal {id} updated (curated)")?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usd_amounts() {
        assert_eq!(parse_usd("311e6"), Ok(311e6));
        assert_eq!(parse_usd("3.7bn"), Ok(3.7e9));
        assert_eq!(parse_usd("$865m"), Ok(865e6));
        assert_eq!(parse_usd("1,250,000"), Ok(1.25e6));
        assert!(parse_usd("lots").is_err());
    }
}
