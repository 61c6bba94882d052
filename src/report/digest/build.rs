//! Building the digest of a period from the store: the deals with their market reaction, the
//! ranked stories, each company's week, the remaining headlines and the method notes.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::America::New_York;

use super::{Company, DealLine, Digest, Headline, Story};
use crate::analyze::{cluster, deals::sentences};
use crate::config::Config;
use crate::model::{Deal, PriceBar};
use crate::store::{DealFilter, ExportDoc, Store};
use crate::study::{self, EventSpec, stats::mean};

/// The days a digest covers (UTC, both ends included) and how its title names them.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// "2025-W45", or "2025-11-01 to 2025-11-30".
    pub label: String,
}

/// A story is this many of the best stories of the period.
const TOP_STORIES: usize = 10;
/// Headlines kept per source among the remaining ones.
const REMAINING_PER_SOURCE: usize = 15;
/// A company is "in" a document from this relevance up (a body mention).
const ABOUT: u8 = 40;

fn midnight_utc(d: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight"))
}

/// The digest of `period`.
pub fn build(store: &Store, cfg: &Config, period: &Period) -> anyhow::Result<Digest> {
    let (from, to) = (period.from, period.to);
    let start_utc = midnight_utc(from);
    let end_utc = midnight_utc(to + Duration::days(1));
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
    let deals = store.deals(&DealFilter {
        since: Some(from),
        until: Some(to),
        ..Default::default()
    })?;
    let (deal_lines, study_error) = deal_lines(store, cfg, &deals)?;
    let stories = Stories::of(&docs);
    let companies = companies(store, cfg, period, &docs)?;
    Ok(Digest {
        label: period.label.clone(),
        utc_range: format!("{from} 00:00 – {} 00:00", to + Duration::days(1)),
        ny_range: format!("{} – {}", ny(start_utc), ny(end_utc)),
        sources_polled: fetch.sources_polled,
        documents_new: docs.len(),
        failing: fetch.failing,
        deals: deal_lines,
        stories: stories.top_lines(&docs),
        companies,
        remaining: stories.remaining(&docs),
        notes: notes(cfg),
        warnings: study_error
            .map(|e| format!("market reaction not computed: {e}"))
            .into_iter()
            .collect(),
    })
}

/// The period's deals with CAR[-1,+1] and its t. A study that cannot run (no prices yet) leaves
/// the market reaction empty and says why (the second value); a deal whose date does not read is
/// an error naming it.
fn deal_lines(
    store: &Store,
    cfg: &Config,
    deals: &[Deal],
) -> anyhow::Result<(Vec<DealLine>, Option<String>)> {
    let events: Vec<EventSpec> = deals
        .iter()
        .map(EventSpec::from_deal)
        .collect::<Result<_, _>>()?;
    let overrides = study::Overrides {
        windows: vec!["-1:1".into()],
        ..Default::default()
    };
    let mut study_error = None;
    let cars: HashMap<String, (f64, f64)> = if events.is_empty() {
        HashMap::new()
    } else {
        study::Setup::resolve(&cfg.study, &overrides)
            .map_err(anyhow::Error::from)
            .and_then(|setup| study::run(store, &setup, events))
            .map_err(|e| study_error = Some(format!("{e:#}")))
            .map(|run| {
                run.events
                    .iter()
                    .zip(&run.results)
                    .filter_map(|(e, r)| {
                        r.windows
                            .first()?
                            .as_ref()
                            .map(|w| (e.id.clone(), (w.car, w.scar)))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let lines = deals
        .iter()
        .map(|d| {
            let c = cars.get(&format!("D{}", d.id));
            DealLine {
                ticker: d.ticker.clone(),
                counterparty: d.counterparty.clone(),
                deal_type: d.deal_type,
                value_usd: d.terms.value_usd,
                capacity_mw: d.terms.capacity_mw,
                term_years: d.terms.term_years,
                day0: d.event_day,
                car: c.map(|c| c.0),
                t: c.map(|c| c.1),
            }
        })
        .collect();
    Ok((lines, study_error))
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

/// The period's documents grouped into stories: reports of the same deal, or near-identical
/// headlines, are one story, led by its first document.
struct Stories {
    /// Each story's documents (indices into the period's documents), first report first.
    members: Vec<Vec<usize>>,
    /// The story of each document.
    story_of: Vec<usize>,
    /// The best stories, best first.
    top: Vec<usize>,
}

impl Stories {
    fn of(docs: &[ExportDoc]) -> Stories {
        let sh: Vec<_> = docs.iter().map(|d| cluster::shingles(&d.title)).collect();
        let mut story_of: Vec<usize> = (0..docs.len()).collect();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for i in 0..docs.len() {
            let home = members.iter().position(|m| {
                m.iter().any(|&j| {
                    docs[i].deal_id.is_some() && docs[i].deal_id == docs[j].deal_id
                        || cluster::similarity(&sh[i], &sh[j]) >= 0.6
                })
            });
            match home {
                Some(k) => {
                    members[k].push(i);
                    story_of[i] = k;
                }
                None => {
                    story_of[i] = members.len();
                    members.push(vec![i]);
                }
            }
        }
        // relevance × novelty × (|tone| + 0.05), the best of a story's documents; later reports
        // count half
        let score = |m: &[usize]| -> f64 {
            m.iter()
                .enumerate()
                .map(|(k, &i)| {
                    let novelty = if k == 0 { 1.0 } else { 0.5 };
                    max_rel(&docs[i]).max(0.1)
                        * novelty
                        * (docs[i].sentiment.unwrap_or(0.0).abs() + 0.05)
                })
                .fold(0.0, f64::max)
        };
        let mut ranked: Vec<usize> = (0..members.len()).collect();
        ranked.sort_by(|&a, &b| {
            score(&members[b])
                .total_cmp(&score(&members[a]))
                .then(a.cmp(&b))
        });
        ranked.truncate(TOP_STORIES);
        Stories {
            members,
            story_of,
            top: ranked,
        }
    }

    fn top_lines(&self, docs: &[ExportDoc]) -> Vec<Story> {
        self.top
            .iter()
            .map(|&k| {
                let lead = &docs[self.members[k][0]];
                Story {
                    title: lead.title.clone(),
                    source: lead.source.clone(),
                    time: fmt_when(when(lead)),
                    excerpt: excerpt(lead),
                    tone: lead.sentiment,
                    url: lead.url.clone(),
                    others: self.members[k].len() - 1,
                }
            })
            .collect()
    }

    /// Everything not among the top stories, one line each, by source.
    fn remaining(&self, docs: &[ExportDoc]) -> Vec<(String, Vec<Headline>)> {
        let mut remaining: BTreeMap<String, Vec<Headline>> = BTreeMap::new();
        for (i, d) in docs.iter().enumerate() {
            if self.top.contains(&self.story_of[i]) {
                continue;
            }
            let list = remaining.entry(d.source.clone()).or_default();
            if list.len() < REMAINING_PER_SOURCE {
                list.push((d.title.clone(), d.url.clone()));
            }
        }
        remaining.into_iter().collect()
    }
}

/// The period's return of a price series: the last close in the period over the last close
/// before it.
fn period_return(bars: &[PriceBar], from: NaiveDate, to: NaiveDate) -> Option<f64> {
    let before = bars.iter().rev().find(|b| b.date < from).map(|b| b.price());
    let last = bars
        .iter()
        .rev()
        .find(|b| b.date <= to && b.date >= from)
        .map(|b| b.price());
    before.zip(last).map(|(b, l)| l / b - 1.0)
}

fn about(d: &ExportDoc, t: &str) -> bool {
    d.tickers.iter().any(|(x, r)| x == t && *r >= ABOUT)
}

/// Each company the period's documents are about: its documents against the four weeks before,
/// its tone and the change from the week before, top headlines, filings, and its return beside
/// bitcoin's, most documents first.
fn companies(
    store: &Store,
    cfg: &Config,
    period: &Period,
    docs: &[ExportDoc],
) -> anyhow::Result<Vec<Company>> {
    let (from, to) = (period.from, period.to);
    let prior_docs = store.documents_for_export(
        Some(&(from - Duration::days(28)).to_string()),
        Some(&(from - Duration::days(1)).to_string()),
    )?;
    let mut tickers: Vec<String> = docs
        .iter()
        .flat_map(|d| {
            d.tickers
                .iter()
                .filter(|(_, r)| *r >= ABOUT)
                .map(|(t, _)| t.clone())
        })
        .collect();
    tickers.sort();
    tickers.dedup();
    let factor = (!cfg.study.factor.eq_ignore_ascii_case("none"))
        .then(|| cfg.study.factor.to_ascii_uppercase());
    let btc_ret = match &factor {
        Some(f) => period_return(&store.prices(f)?, from, to),
        None => None,
    };
    let mut companies = Vec::new();
    for t in &tickers {
        let mine: Vec<&ExportDoc> = docs.iter().filter(|d| about(d, t)).collect();
        let prior: Vec<&ExportDoc> = prior_docs.iter().filter(|d| about(d, t)).collect();
        let bars = store.prices(t)?;
        companies.push(company(t, period, &mine, &prior, &bars, btc_ret));
    }
    companies.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.ticker.cmp(&b.ticker)));
    Ok(companies)
}

fn company(
    t: &str,
    period: &Period,
    mine: &[&ExportDoc],
    prior: &[&ExportDoc],
    bars: &[PriceBar],
    bitcoin_return: Option<f64>,
) -> Company {
    let (from, to) = (period.from, period.to);
    // the tone of what each document says about this company (else the document's)
    let about = |d: &ExportDoc| {
        d.tickers
            .iter()
            .position(|(x, _)| x == t)
            .and_then(|k| d.tones.get(k).copied().flatten())
            .or(d.sentiment)
    };
    let last_week: Vec<f64> = prior
        .iter()
        .filter(|d| when(d)[..10] >= *(from - Duration::days(7)).to_string())
        .filter_map(|d| about(d))
        .collect();
    let tone = mean(&mine.iter().filter_map(|d| about(d)).collect::<Vec<_>>());
    let mut heads: Vec<&&ExportDoc> = mine.iter().filter(|d| d.kind != "filing").collect();
    heads.sort_by(|a, b| {
        let ra = a.tickers.iter().find(|(x, _)| x == t).map_or(0, |x| x.1);
        let rb = b.tickers.iter().find(|(x, _)| x == t).map_or(0, |x| x.1);
        rb.cmp(&ra).then(when(a).cmp(when(b)))
    });
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
    Company {
        ticker: t.to_string(),
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
        stock_return: period_return(bars, from, to),
        bitcoin_return,
        spark,
        spark_label,
    }
}

fn notes(cfg: &Config) -> Vec<String> {
    let lex = crate::analyze::tone::lexicon();
    vec![
        format!(
            "Tone: {} (data/tone-lexicon.tsv), in [-1, 1], each company's over the sentences about it; ▲ above 0.2, ▼ below -0.2.",
            lex.method()
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
    ]
}
