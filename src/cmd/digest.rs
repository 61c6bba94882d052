use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use chrono_tz::America::New_York;

use super::Ctx;
use super::study::{Options, compute_with};
use crate::UsageError;
use crate::analyze::{cluster, deals::sentences};
use crate::report::digest::{self, Company, DealLine, Digest, Story};
use crate::store::{DealFilter, ExportDoc};
use crate::study::EventSpec;

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

fn max_rel(d: &ExportDoc) -> f64 {
    d.tickers.iter().map(|(_, r)| *r as f64).fold(0.0, f64::max) / 100.0
}

fn when(d: &ExportDoc) -> &str {
    d.published_at.as_deref().unwrap_or(&d.fetched_at)
}

fn fmt_when(s: &str) -> String {
    DateTime::parse_from_rfc3339(s)
        .map(|t| {
            t.with_timezone(&Utc)
                .format("%Y-%m-%d %H:%M UTC")
                .to_string()
        })
        .unwrap_or_else(|_| s.to_string())
}

fn excerpt(d: &ExportDoc) -> String {
    let text = d.summary.as_deref().unwrap_or("");
    let mut out = String::new();
    for s in sentences(text).into_iter().take(3) {
        if out.len() + s.len() > 320 && !out.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(s);
    }
    out
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

pub fn run(ctx: &Ctx, a: Args) -> anyhow::Result<i32> {
    let (from, to, label) = match (&a.week, a.from, a.to) {
        (Some(w), _, _) => {
            let (f, t) = parse_week(w)?;
            (f, t, w.to_uppercase())
        }
        (None, Some(f), Some(t)) => {
            if t < f {
                return Err(UsageError("--to is before --from".into()).into());
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
    let cfg = ctx.config_or_default()?;
    let store = super::open_existing_store(&ctx.data_dir)?;
    let start_utc = Utc.from_utc_datetime(&from.and_hms_opt(0, 0, 0).expect("midnight"));
    let end_utc = Utc.from_utc_datetime(
        &(to + Duration::days(1))
            .and_hms_opt(0, 0, 0)
            .expect("midnight"),
    );
    let ny = |t: DateTime<Utc>| {
        t.with_timezone(&New_York)
            .format("%Y-%m-%d %H:%M %Z")
            .to_string()
    };

    let docs = store.documents_for_export(Some(&from.to_string()), Some(&to.to_string()))?;
    let fetch = store.fetch_summary(
        &crate::model::fmt_time(start_utc),
        &crate::model::fmt_time(end_utc),
    )?;

    // deals of the week with CAR[-1,+1]
    let deals = store.deals(&DealFilter {
        since: Some(from.to_string()),
        until: Some(to.to_string()),
        ..Default::default()
    })?;
    let opts = Options {
        windows: vec!["-1:1".into()],
        ..Default::default()
    };
    let events: Vec<EventSpec> = deals
        .iter()
        .map(|d| EventSpec {
            id: format!("D{}", d.id),
            ticker: d.ticker.clone(),
            date: NaiveDate::parse_from_str(&d.event_day, "%Y-%m-%d").unwrap_or(from),
            time: DateTime::parse_from_rfc3339(&d.announced_at)
                .ok()
                .map(|t| t.with_timezone(&Utc)),
            label: Some(d.counterparty.clone()),
        })
        .collect();
    let cars: HashMap<String, (f64, f64)> = if events.is_empty() {
        HashMap::new()
    } else {
        match compute_with(ctx, &opts, events) {
            Ok(run) => run
                .events
                .iter()
                .zip(&run.results)
                .filter_map(|(e, r)| {
                    r.windows
                        .first()?
                        .as_ref()
                        .map(|w| (e.id.clone(), (w.car, w.scar)))
                })
                .collect(),
            Err(_) => HashMap::new(),
        }
    };
    let deal_lines: Vec<DealLine> = deals
        .iter()
        .map(|d| {
            let c = cars.get(&format!("D{}", d.id));
            DealLine {
                ticker: d.ticker.clone(),
                counterparty: d.counterparty.clone(),
                deal_type: d.deal_type.clone(),
                value_usd: d.value_usd,
                capacity_mw: d.capacity_mw,
                term_years: d.term_years,
                day0: d.event_day.clone(),
                car: c.map(|c| c.0),
                t: c.map(|c| c.1),
            }
        })
        .collect();

    // stories: reports of the same deal, or near-identical headlines, are one story
    let sh: Vec<_> = docs.iter().map(|d| cluster::shingles(&d.title)).collect();
    let mut story_of: Vec<usize> = (0..docs.len()).collect();
    let mut stories: Vec<Vec<usize>> = Vec::new();
    for i in 0..docs.len() {
        let home = stories.iter().position(|members| {
            members.iter().any(|&j| {
                docs[i].deal_id.is_some() && docs[i].deal_id == docs[j].deal_id
                    || cluster::similarity(&sh[i], &sh[j]) >= 0.6
            })
        });
        match home {
            Some(k) => {
                stories[k].push(i);
                story_of[i] = k;
            }
            None => {
                story_of[i] = stories.len();
                stories.push(vec![i]);
            }
        }
    }
    let score = |members: &[usize]| -> f64 {
        members
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let novelty = if k == 0 { 1.0 } else { 0.5 };
                max_rel(&docs[i]).max(0.1)
                    * novelty
                    * (docs[i].sentiment.unwrap_or(0.0).abs() + 0.05)
            })
            .fold(0.0, f64::max)
    };
    let mut ranked: Vec<usize> = (0..stories.len()).collect();
    ranked.sort_by(|&a, &b| {
        score(&stories[b])
            .total_cmp(&score(&stories[a]))
            .then(a.cmp(&b))
    });
    let top: Vec<usize> = ranked.into_iter().take(10).collect();
    let story_lines: Vec<Story> = top
        .iter()
        .map(|&k| {
            let lead = &docs[stories[k][0]];
            Story {
                title: lead.title.clone(),
                source: lead.source.clone(),
                time: fmt_when(when(lead)),
                excerpt: excerpt(lead),
                tone: lead.sentiment,
                url: lead.url.clone(),
                others: stories[k].len() - 1,
            }
        })
        .collect();

    // by company
    let ctx_docs = store.documents_for_export(
        Some(&(from - Duration::days(28)).to_string()),
        Some(&(from - Duration::days(1)).to_string()),
    )?;
    let about = |d: &ExportDoc, t: &str| d.tickers.iter().any(|(x, r)| x == t && *r >= 40);
    let mut tickers: Vec<String> = docs
        .iter()
        .flat_map(|d| {
            d.tickers
                .iter()
                .filter(|(_, r)| *r >= 40)
                .map(|(t, _)| t.clone())
        })
        .collect();
    tickers.sort();
    tickers.dedup();
    let factor = (!cfg.study.factor.eq_ignore_ascii_case("none"))
        .then(|| cfg.study.factor.to_ascii_uppercase());
    // the week's return: last close in the period over the last close before it
    let week_return = |bars: &[crate::model::PriceBar]| -> Option<f64> {
        let before = bars.iter().rev().find(|b| b.date < from).map(|b| b.price());
        let last = bars
            .iter()
            .rev()
            .find(|b| b.date <= to && b.date >= from)
            .map(|b| b.price());
        before.zip(last).map(|(b, l)| l / b - 1.0)
    };
    let btc_ret = match &factor {
        Some(f) => week_return(&store.prices(f)?),
        None => None,
    };
    let mut companies = Vec::new();
    for t in &tickers {
        let mine: Vec<&ExportDoc> = docs.iter().filter(|d| about(d, t)).collect();
        let prior: Vec<&ExportDoc> = ctx_docs.iter().filter(|d| about(d, t)).collect();
        let last_week: Vec<f64> = prior
            .iter()
            .filter(|d| when(d)[..10] >= *(from - Duration::days(7)).to_string())
            .filter_map(|d| d.sentiment)
            .collect();
        let tone = mean(&mine.iter().filter_map(|d| d.sentiment).collect::<Vec<_>>());
        let mut heads: Vec<&&ExportDoc> = mine.iter().filter(|d| d.kind != "filing").collect();
        heads.sort_by(|a, b| {
            let ra = a.tickers.iter().find(|(x, _)| x == t).map_or(0, |x| x.1);
            let rb = b.tickers.iter().find(|(x, _)| x == t).map_or(0, |x| x.1);
            rb.cmp(&ra).then(when(a).cmp(when(b)))
        });
        let bars = store.prices(t)?;
        let spark_from = to - Duration::days(55);
        let closes: Vec<f64> = bars
            .iter()
            .filter(|b| b.date >= spark_from && b.date <= to)
            .map(|b| b.price())
            .collect();
        let (spark, spark_label) = if closes.len() >= 2 {
            (closes, "closing prices, last 8 weeks".to_string())
        } else {
            (vec![], String::new())
        };
        companies.push(Company {
            ticker: t.clone(),
            documents: mine.len(),
            trailing_avg: prior.len() as f64 / 4.0,
            tone,
            tone_change: tone.zip(mean(&last_week)).map(|(a, b)| a - b),
            headlines: heads
                .iter()
                .take(3)
                .map(|d| (d.title.clone(), d.url.clone()))
                .collect(),
            filings: mine
                .iter()
                .filter(|d| d.kind == "filing")
                .map(|d| {
                    (
                        d.form_type.clone().unwrap_or_default(),
                        d.items.clone(),
                        d.title.clone(),
                        d.url.clone(),
                    )
                })
                .collect(),
            stock_return: week_return(&bars),
            bitcoin_return: btc_ret,
            spark,
            spark_label,
        });
    }
    companies.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.ticker.cmp(&b.ticker)));

    // everything not among the top stories, one line each, by source
    let mut remaining: BTreeMap<String, Vec<(String, Option<String>)>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        if top.contains(&story_of[i]) {
            continue;
        }
        let list = remaining.entry(d.source.clone()).or_default();
        if list.len() < 15 {
            list.push((d.title.clone(), d.url.clone()));
        }
    }

    let lex = crate::analyze::sentiment::lexicon();
    let notes = vec![
        format!(
            "Tone: {}/{} (data/sentiment-lexicon.tsv), in [-1, 1]; ▲ above 0.2, ▼ below -0.2.",
            crate::analyze::sentiment::METHOD,
            lex.version
        ),
        format!(
            "Market reaction: {} model ({} + {}), estimation window {}; CAR over [-1,+1] trading days, t = CAR / sd(CAR).",
            cfg.study.model.name(),
            cfg.study.market,
            cfg.study.factor,
            cfg.study.estimation
        ),
        "Top stories are ranked by relevance × novelty × (|tone| + 0.05); later reports of a story count half and are collapsed under it.".into(),
        "Times are UTC; a deal's day 0 is the NYSE session whose close follows its first report (16:00 New York rule).".into(),
    ];
    let d = Digest {
        label,
        utc_range: format!("{from} 00:00 – {} 00:00", to + Duration::days(1)),
        ny_range: format!("{} – {}", ny(start_utc), ny(end_utc)),
        sources_polled: fetch.sources_polled,
        documents_new: docs.len(),
        failing: fetch.failing,
        deals: deal_lines,
        stories: story_lines,
        companies,
        remaining: remaining.into_iter().collect(),
        notes,
    };
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
