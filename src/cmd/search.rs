use std::io::{IsTerminal, Write};

use crate::report::text::trunc;
use chrono::{Duration, NaiveDate, Utc};

use super::Workspace;
use crate::UsageError;
use crate::index::{self, Hit, IndexError, Request, Sort};

/// Search the stored articles, releases and filings.
///
/// Free text searches titles (weighted most), summaries and bodies; "quoted phrases"; AND, OR, NOT
/// and parentheses; field prefixes ticker:IREN, kind:filing (news, press_release, filing),
/// source:"The Block", title:lease, form:8-K, published:[2025-01-01 TO 2025-06-30], and for a
/// group, title:(lease OR "critical IT"); a cashtag $IREN means ticker:IREN. Terms are stemmed
/// (lease matches leases).
///
/// Examples:
///   hashpivot search '$IREN microsoft'
///   hashpivot search 'colocation AND (fluidstack OR google)' --since 30d --sort date
///   hashpivot search --ticker WULF --deals-only --json | jq -r .title
///   hashpivot search 'form:8-K "material definitive agreement"' --kind filing
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The query (words are joined with spaces).
    pub query: Vec<String>,
    /// Only documents about this ticker (repeatable: any of them).
    #[arg(long = "ticker")]
    pub tickers: Vec<String>,
    /// From this date: YYYY-MM-DD, or 7d / 4w / 3m / 1y ago.
    #[arg(long)]
    pub since: Option<String>,
    /// Until this date, inclusive: YYYY-MM-DD, or 7d / 4w / 3m / 1y ago.
    #[arg(long)]
    pub until: Option<String>,
    /// news, press_release or filing.
    #[arg(long)]
    pub kind: Option<String>,
    /// Exact source name, as in feeds.toml (EDGAR sources are edgar:<TICKER>).
    #[arg(long)]
    pub source: Option<String>,
    /// Only documents that report a recognised deal.
    #[arg(long)]
    pub deals_only: bool,
    #[arg(long, value_enum, default_value = "relevance")]
    pub sort: Sort,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// One JSON object per hit (id, title, url, published, source, kind, tickers, score, snippet).
    #[arg(long)]
    pub json: bool,
}

/// "2025-01-31", or "7d", "4w", "3m", "1y" before today.
pub fn parse_when(s: &str, flag: &str) -> Result<NaiveDate, UsageError> {
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(d);
    }
    let bad = || {
        UsageError(format!(
            "{flag} '{s}': expected YYYY-MM-DD or a span like 7d, 4w, 3m, 1y"
        ))
    };
    // the unit is the last character, whatever its width ("7é" is an error, not a panic)
    let unit = s.chars().last().ok_or_else(bad)?;
    let n: i64 = s[..s.len() - unit.len_utf8()]
        .parse()
        .ok()
        .filter(|n| *n >= 0)
        .ok_or_else(bad)?;
    let per = match unit {
        'd' => 1,
        'w' => 7,
        'm' => 30,
        'y' => 365,
        _ => return Err(bad()),
    };
    n.checked_mul(per)
        .and_then(Duration::try_days)
        .and_then(|d| Utc::now().date_naive().checked_sub_signed(d))
        .ok_or_else(|| {
            UsageError(format!(
                "{flag} '{s}': a span that reaches before the calendar begins"
            ))
        })
}

/// The index request the arguments describe, checked.
fn request(a: &Args) -> Result<Request, UsageError> {
    let query = a.query.join(" ");
    if let Some(k) = &a.kind
        && !["news", "press_release", "filing"].contains(&k.as_str())
    {
        return Err(UsageError(format!(
            "--kind {k}: expected news, press_release or filing"
        )));
    }
    if query.trim().is_empty()
        && a.tickers.is_empty()
        && a.kind.is_none()
        && a.source.is_none()
        && !a.deals_only
    {
        return Err(UsageError("nothing to search for: give a query or a filter (--ticker, --kind, --source, --deals-only)".into()));
    }
    Ok(Request {
        query,
        tickers: a.tickers.clone(),
        since: a
            .since
            .as_deref()
            .map(|s| parse_when(s, "--since"))
            .transpose()?,
        until: a
            .until
            .as_deref()
            .map(|s| parse_when(s, "--until"))
            .transpose()?,
        kind: a.kind.clone(),
        source: a.source.clone(),
        deals_only: a.deals_only,
        sort: a.sort,
        limit: a.limit,
        offset: a.offset,
    })
}

pub fn run(ctx: &Workspace, a: Args) -> anyhow::Result<i32> {
    let req = request(&a)?;
    let idx = index::open(&ctx.data_dir)?;
    // the store the index was built from: the hits' bodies (for snippets) and tones
    let store = super::open_existing_store(&ctx.data_dir)?;
    let hits = match idx.search(&req, &store) {
        Ok(h) => h,
        Err(IndexError::Query(e)) => return Err(UsageError(e.to_string()).into()),
        Err(e) => return Err(e.into()),
    };
    let mut out = std::io::stdout().lock();
    if a.json {
        // the tone from the store: with --ticker, what each document says about that company
        let ids: Vec<i64> = hits.iter().map(|h| h.id).collect();
        let ticker = a.tickers.first().map(|t| t.to_ascii_uppercase());
        let tones = store.tones(&ids, ticker.as_deref()).unwrap_or_default();
        print_json(&mut out, &hits, &tones)?;
    } else if hits.is_empty() {
        eprintln!("no matches");
    } else {
        print_human(&mut out, &hits)?;
    }
    Ok(0)
}

/// One JSON object per hit and line.
fn print_json(
    out: &mut impl Write,
    hits: &[Hit],
    tones: &std::collections::HashMap<i64, f64>,
) -> anyhow::Result<()> {
    for h in hits {
        serde_json::to_writer(
            &mut *out,
            &serde_json::json!({
                "id": h.id,
                "title": h.title,
                "url": h.url,
                "published": h.published,
                "source": h.source,
                "kind": h.kind,
                "tickers": h.tickers,
                "score": h.score,
                "snippet": h.snippet.marked("**", "**"),
                "deal_id": h.deal_id,
                "tone": tones.get(&h.id),
            }),
        )?;
        writeln!(out)?;
    }
    Ok(())
}

/// A line per hit (date, tickers, source, title, id) and its snippet, matched terms in bold on a
/// terminal and between ** otherwise.
fn print_human(out: &mut impl Write, hits: &[Hit]) -> std::io::Result<()> {
    let color = std::io::stdout().is_terminal();
    let (open, close) = if color {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("**", "**")
    };
    for h in hits {
        let date = h
            .published
            .as_deref()
            .map(|p| &p[..10.min(p.len())])
            .unwrap_or("????-??-??");
        let tickers = if h.tickers.is_empty() {
            "-".to_string()
        } else {
            h.tickers.join(",")
        };
        writeln!(
            out,
            "{date}  {:<12} {:<20} {}  [{}]{}",
            trunc(&tickers, 12),
            trunc(&h.source, 20),
            h.title,
            h.id,
            if h.deal_id.is_some() { " (deal)" } else { "" }
        )?;
        let snip = h.snippet.marked(open, close).replace('\n', " ");
        if !snip.trim().is_empty() {
            writeln!(out, "            {snip}")?;
        }
    }
    Ok(())
}
