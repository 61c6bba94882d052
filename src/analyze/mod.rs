//! Analysis: entities → deals → tone → novelty (one event per deal) → event day.
//!
//! Runs over stored documents only (everything fetched is stored first), so it can be rerun
//! offline at any time; `hashpivot analyze --all` redoes every document, and curated deals survive.

pub mod cluster;
pub mod deals;
pub mod entities;
pub mod terms;
pub mod tone;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::calendar;
use crate::config::Config;
use crate::model::{
    Deal, DealOrigin, DealStatus, DealTerms, DocAnalysis, MentionRecord, Party, TermPhrases,
};
use crate::store::{AnalysisDoc, NewDeal, Store, StoreError};

pub use deals::{DealType, Detection, Kind, Recognizer};
pub use entities::{CompanyLinker, Mention, Zones};

/// What an analysis run did.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct AnalyzeReport {
    pub documents: usize,
    pub detections: usize,
    pub deals_new: usize,
    pub deals_updated: usize,
    pub deals_removed: usize,
    /// Alerts decided (new deals, deals whose terms changed, new filings and releases).
    pub alerts: usize,
    /// Dates where the rule-based NYSE calendar and the benchmark's stored sessions disagree.
    pub calendar_disagreements: Vec<String>,
}

/// Everything analysis needs, built once from the config.
pub struct Analyzer<'a> {
    linker: CompanyLinker,
    cp_matcher: entities::NameMatcher,
    cfg: &'a Config,
}

impl<'a> Analyzer<'a> {
    pub fn new(cfg: &'a Config) -> Analyzer<'a> {
        Analyzer {
            linker: CompanyLinker::new(&cfg.companies),
            cp_matcher: entities::counterparty_matcher(&cfg.counterparties),
            cfg,
        }
    }

    /// Analyse one document (pure: no I/O).
    pub fn analyze(&self, d: &AnalysisDoc) -> DocAnalysis {
        // (the universe's tickers are the linker's)
        let tickers = &self.linker.tickers;
        // (a page that is a JSON record is read as the prose its values hold)
        let (body, summary) = (
            json_as_prose(d.body.as_deref().unwrap_or("")),
            d.summary.as_deref().map(json_as_prose),
        );
        let body = unglue_codes(rejoin_words(&body), tickers);
        let body = wired(body);
        let summary = summary
            .as_deref()
            .map(|s| unglue_codes(rejoin_words(s), tickers))
            .map(wired);
        // a copy passed through a synonym spinner has its agreements back
        let spun = [Some(d.title.as_str()), summary.as_deref(), Some(&body)]
            .into_iter()
            .flatten()
            .any(spun_text);
        let (body, summary) = (unspun(body, spun), summary.map(|s| unspun(s, spun)));
        let (body, summary) = (
            headline_apart(body, &d.title),
            summary.map(|s| headline_apart(s, &d.title)),
        );
        let (lead, rest) = lead_and_rest(summary.as_deref(), &body);
        // a headline made from a URL slug has lost its capitals: give the names theirs back
        let title: std::borrow::Cow<'_, str> = if entities::slug_like(&d.title) {
            self.cp_matcher.recase(&self.linker.recase(&d.title)).into()
        } else {
            d.title.as_str().into()
        };
        let title = wired(unspun(title, spun));
        let title: &str = &title;
        // a filing's filer: the one its source gives, or for a page found elsewhere, the one its
        // SEC archive address names (`/Archives/edgar/data/<CIK>/`), which makes it a filing too
        let archive_cik = (d.kind != "filing")
            .then(|| d.url.as_deref().and_then(sec_archive_cik))
            .flatten();
        let is_filing = d.kind == "filing" || archive_cik.is_some();
        let filer_cik = if d.kind == "filing" {
            d.cik.as_deref()
        } else {
            archive_cik.as_deref()
        };
        let mentions = self.linker.link(&Zones {
            title,
            lead,
            body: rest,
            cik: filer_cik,
        });
        let filer = filer_cik.and_then(|cik| {
            self.cfg
                .companies
                .iter()
                .find(|c| c.cik10() == cik)
                .map(|c| c.ticker.as_str())
        });
        let recognizer = Recognizer::new(&self.linker, &self.cfg.counterparties, &self.cp_matcher);
        let text = deals::DocText {
            title,
            lead,
            body: rest,
            is_filing,
            items: d.items.as_deref(),
            filer,
            published: d
                .published
                .as_deref()
                .and_then(|p| p.get(..10))
                .and_then(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").ok()),
        };
        let mut decision = recognizer.decide(&text, &mentions);
        // (the quotes are of the text as read: say so where a spinner's words were put back)
        if spun {
            decision.reasons.insert(0, SPUN_REASON.to_string());
        }
        let detection = decision.detection;
        let genre = deals::genre(&text, &mentions, detection.as_ref());
        // tone: the headline and the lead weigh more; each company's over the sentences about it
        let lex = tone::lexicon();
        let parts = tone::parts(Some(title), lead, rest);
        let scores: Vec<f64> = parts.iter().map(|(s, _)| lex.sentence(s)).collect();
        let doc_tone = tone::weighted(scores.iter().zip(&parts).map(|(s, (_, w))| (*s, *w)));
        let company_tones = self.company_tones(&parts, &scores, &mentions, filer, doc_tone);
        DocAnalysis {
            document_id: d.id,
            mentions: mentions
                .iter()
                .zip(company_tones)
                .map(|(m, tone)| MentionRecord {
                    ticker: m.ticker.clone(),
                    relevance: m.relevance,
                    in_title: m.in_title,
                    count: m.count,
                    tone,
                })
                .collect(),
            sentiment: doc_tone,
            sentiment_method: lex.method(),
            detection,
            deal_reasons: decision.reasons,
            genre,
        }
    }
}

/// Does a text read as a copy passed through a synonym spinner (the cheap sites' rewrites of wire
/// stories): "synthetic intelligence" for artificial intelligence, "knowledge middle" or
/// "information middle" for data center, "right this moment" for today, "coronary heart" for
/// heart? Real writers do not use these.
pub fn spun_text(text: &str) -> bool {
    static MARKS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    MARKS
        .get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([
                    "synthetic intelligence",
                    "knowledge middle",
                    "knowledge heart",
                    "knowledge facilit",
                    "information middle",
                    "right this moment",
                    "coronary heart",
                ])
                .expect("static words")
        })
        .is_match(text)
}

/// The reason a spun copy gives first: its quotes read "agreement" where the page says
/// "settlement".
pub const SPUN_REASON: &str = "read as a spun copy (a synonym spinner's words, such as \"synthetic intelligence\"): its \"settlement\" is read as agreement";

/// A spun text's words put back where the rules need them: a spinner writes "settlement" for
/// agreement ("signed a $9.7 billion buy settlement for AI cloud capability from … IREN"), and
/// "Utilized Digital" for Applied Digital (the company's name taken for a verb).
pub fn unspin(text: &str) -> std::borrow::Cow<'_, str> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"\b([Ss])ettlement(s?)\b|\bUtilized( Digital\b|’s\b|'s\b)")
            .expect("static regex")
    });
    re.replace_all(text, |c: &regex::Captures<'_>| match c.get(3) {
        Some(rest) => format!("Applied{}", rest.as_str()),
        None => {
            let a = if &c[1] == "S" { "A" } else { "a" };
            format!("{a}greement{}", &c[2])
        }
    })
}

/// "Iren jumps after $9.7 bln contract with Microsoft": a news wire's abbreviations of billion
/// and million ("bln", "mln") after an amount spelled out, so that the amount reads at its size
/// (it had read as $9.70); any other text unchanged.
pub fn wire_units(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("ln") {
        return text.into();
    }
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re =
        RE.get_or_init(|| regex::Regex::new(r"(\d) ?([bBmM])(?:ln|LN)\b").expect("static regex"));
    re.replace_all(text, |c: &regex::Captures<'_>| {
        let unit = if c[2].eq_ignore_ascii_case("b") {
            "billion"
        } else {
            "million"
        };
        format!("{} {unit}", &c[1])
    })
}

/// A text with `wire_units`' amounts (unchanged, and not copied, where it has none).
fn wired(text: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    match wire_units(&text) {
        std::borrow::Cow::Owned(t) => t.into(),
        std::borrow::Cow::Borrowed(_) => text,
    }
}

/// A text as read: `unspin`'s where it is `spun`, unchanged otherwise.
fn unspun(text: std::borrow::Cow<'_, str>, spun: bool) -> std::borrow::Cow<'_, str> {
    // (the replacement is read only for a spun text: every other document passes untouched)
    if !spun {
        return text;
    }
    match unspin(&text) {
        std::borrow::Cow::Owned(t) => t.into(),
        std::borrow::Cow::Borrowed(_) => text,
    }
}

/// "…データセンター運営を手がけるIRENIREN.Oと…": an instrument code (a ticker of the universe
/// and an exchange's suffix, ".O", ".OQ", ".N" or ".K") run onto the name before it, as news
/// services writing in scripts without spaces print it, is set apart by a space, so that the name
/// and the code are words of their own; any other text unchanged.
pub fn unglue_codes<'a>(
    text: std::borrow::Cow<'a, str>,
    tickers: &[String],
) -> std::borrow::Cow<'a, str> {
    // (one pass over the text's stops: most texts have no code at all)
    let bytes = text.as_bytes();
    if !text
        .match_indices('.')
        .any(|(i, _)| matches!(bytes.get(i + 1), Some(b'O' | b'N' | b'K')))
    {
        return text;
    }
    let mut cuts: Vec<usize> = Vec::new();
    for t in tickers {
        for (i, _) in text.match_indices(t.as_str()) {
            let after = &text[i + t.len()..];
            let Some(rest) = after.strip_prefix('.') else {
                continue;
            };
            let Some(x) = ["OQ", "O", "N", "K"].iter().find(|x| rest.starts_with(**x)) else {
                continue;
            };
            let ends = !rest[x.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
            let glued = text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphabetic());
            if ends && glued {
                cuts.push(i);
            }
        }
    }
    if cuts.is_empty() {
        return text;
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() + cuts.len());
    let mut last = 0;
    for c in cuts {
        out.push_str(&text[last..c]);
        out.push(' ');
        last = c;
    }
    out.push_str(&text[last..]);
    out.into()
}

/// A text that opens with its headline run into its first sentence ("Hut 8 Signs a $9.8bn Lease
/// for Its Texas Campus The agreement locks in …", as a feed that flattens its item gives it):
/// the headline on a line of its own. Any other text unchanged (a headline of fewer than four
/// words, or one the text does not open with, word for word and then a space).
pub fn headline_apart<'a>(
    text: std::borrow::Cow<'a, str>,
    title: &str,
) -> std::borrow::Cow<'a, str> {
    let title = title.trim();
    if title.split_whitespace().count() < 4 {
        return text;
    }
    let Some(rest) = text.trim_start().strip_prefix(title) else {
        return text;
    };
    if !rest.starts_with(' ') || rest.trim_start().is_empty() {
        return text;
    }
    format!("{title}\n{}", rest.trim_start()).into()
}

/// The filer's CIK (ten digits) that an SEC archive address names:
/// `https://www.sec.gov/Archives/edgar/data/1878848/000187884825000081/R26.htm` → `0001878848`.
/// None for any other address.
pub fn sec_archive_cik(url: &str) -> Option<String> {
    let url = url.trim().to_ascii_lowercase();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.strip_prefix("sec.gov/archives/edgar/data/")?;
    let cik = rest.split('/').next()?;
    if cik.is_empty() || cik.len() > 10 || !cik.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let cik = cik.trim_start_matches('0');
    (!cik.is_empty()).then(|| format!("{cik:0>10}"))
}

/// A text that is a JSON record (a filing-summary service's `{"headline": "…", "bullets": […]}`,
/// often cut short) read as prose: each string value that is prose (words apart, or four letters
/// or more of a script written without spaces) on a line of its own, in the order given; keys,
/// identifiers, dates and addresses left out. Any other text unchanged.
pub fn json_as_prose(text: &str) -> std::borrow::Cow<'_, str> {
    let t = text.trim_start();
    if !(t.starts_with("{\"") || t.starts_with("[{\"") || t.starts_with("{ \"")) {
        return text.into();
    }
    let b = t.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'"' {
            i += 1;
            continue;
        }
        // the literal's end: the next quote not escaped (or the text's end, cut short)
        let mut end = i + 1;
        while end < b.len() && b[end] != b'"' {
            end += if b[end] == b'\\' { 2 } else { 1 };
        }
        let end = end.min(b.len());
        let raw = &t[i..(end + 1).min(t.len())];
        let after = t.get(end + 1..).unwrap_or("").trim_start();
        i = end + 1;
        if after.starts_with(':') {
            continue;
        }
        let value = serde_json::from_str::<String>(raw).unwrap_or_else(|_| {
            raw.trim_matches('"')
                .replace("\\n", "\n")
                .replace("\\\"", "\"")
        });
        let value = value.trim();
        // prose: words apart, or a run of letters of a script written without spaces
        let prose = value.contains(char::is_whitespace)
            || value
                .chars()
                .filter(|c| !c.is_ascii() && c.is_alphabetic())
                .count()
                >= 4;
        if prose && !value.starts_with("http") {
            out.push_str(value);
            out.push('\n');
        }
    }
    if out.is_empty() {
        text.into()
    } else {
        out.into()
    }
}

/// A text laid out one word to a line (a page whose words each sat in an element of its own)
/// joined back into lines of prose; any other text unchanged.
pub fn rejoin_words(text: &str) -> std::borrow::Cow<'_, str> {
    let lines = text.lines().filter(|l| !l.trim().is_empty());
    let (mut all, mut single) = (0usize, 0usize);
    for l in lines {
        all += 1;
        let l = l.trim();
        single += usize::from(!l.contains(char::is_whitespace) && l.contains(char::is_alphabetic));
    }
    if all < 20 || single * 10 < all * 7 {
        return unwrap_lines(text);
    }
    let mut out = String::with_capacity(text.len());
    for para in text.split("\n\n") {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&para.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    out.into()
}

/// A text hard-wrapped at a fixed width (a plain-text release, an SEC `.txt`): a line of 40–100
/// characters that ends mid-sentence is joined with the next when that goes on in lower case.
/// Applied only when at least five lines wrap so; any other text unchanged.
fn unwrap_lines(text: &str) -> std::borrow::Cow<'_, str> {
    let lines: Vec<&str> = text.split('\n').collect();
    let wraps = |i: usize| {
        let l = lines[i].trim_end();
        let n = l.chars().count();
        (40..=100).contains(&n)
            && !l.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}'])
            && lines
                .get(i + 1)
                .and_then(|next| next.trim_start().chars().next())
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
    };
    let count = (0..lines.len()).filter(|&i| wraps(i)).count();
    if count < 5 {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push(if wraps(i - 1) { ' ' } else { '\n' });
        }
        out.push_str(if i > 0 && wraps(i - 1) {
            l.trim_start()
        } else {
            l
        });
    }
    out.into()
}

/// A document's lead and the rest of its body: the summary when it has one, else the first
/// paragraph of the body.
pub fn lead_and_rest<'a>(summary: Option<&'a str>, body: &'a str) -> (&'a str, &'a str) {
    match summary.filter(|s| !s.trim().is_empty()) {
        Some(s) => (s, body),
        None => match body.split_once("\n\n") {
            Some((first, rest)) => (first, rest),
            None => (body, ""),
        },
    }
}

impl Analyzer<'_> {
    /// Each mentioned company's tone in a document: the weighted mean over the sentences that
    /// name it, or that go on about it ("The company expects ...", "Its revenue ...") right after
    /// a sentence that named it. A filing's filer, or the one company of a document, without an
    /// evaluative sentence of its own takes the document's tone.
    fn company_tones(
        &self,
        parts: &[(&str, f64)],
        scores: &[f64],
        mentions: &[Mention],
        filer: Option<&str>,
        doc_tone: f64,
    ) -> Vec<Option<f64>> {
        if mentions.is_empty() {
            return Vec::new();
        }
        let domain = parts.iter().any(|(s, _)| entities::is_domain_text(s));
        let mut about: Vec<Vec<usize>> = vec![Vec::new(); mentions.len()];
        let mut last: Vec<usize> = Vec::new();
        for (i, (s, _)) in parts.iter().enumerate() {
            let mut named: Vec<usize> = self
                .linker
                .find(s, domain)
                .iter()
                .filter_map(|h| {
                    let t = &self.linker.tickers[h.entity];
                    mentions.iter().position(|m| &m.ticker == t)
                })
                .collect();
            named.sort_unstable();
            named.dedup();
            if named.is_empty() && tone::continues_subject(s) {
                named = last.clone();
            }
            for &k in &named {
                about[k].push(i);
            }
            if !named.is_empty() {
                last = named;
            }
        }
        mentions
            .iter()
            .enumerate()
            .map(|(k, m)| {
                let own = tone::weighted(about[k].iter().map(|&i| (scores[i], parts[i].1)));
                let evaluative = about[k].iter().any(|&i| scores[i] != 0.0);
                if evaluative {
                    Some(own)
                } else if Some(m.ticker.as_str()) == filer || mentions.len() == 1 {
                    Some(doc_tone)
                } else {
                    Some(0.0)
                }
            })
            .collect()
    }
}

/// Analyse a batch on every core (the analysis of a document is pure), in the batch's order.
fn analyze_batch(analyzer: &Analyzer<'_>, batch: &[AnalysisDoc]) -> Vec<DocAnalysis> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if threads < 2 || batch.len() < 64 {
        return batch.iter().map(|d| analyzer.analyze(d)).collect();
    }
    let chunk = batch.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .map(|c| scope.spawn(move || c.iter().map(|d| analyzer.analyze(d)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(v) => v,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// Builds what reading a document needs once per process (the recogniser's and the term readers'
/// compiled patterns, the tone lexicon), so that a caller can have it done on another thread
/// while it does other work: `crawl` does it while it fetches and stores. It takes about 0.2 s,
/// which the first document read would otherwise wait for (a fifth of a crawl of 10,000 items).
fn warm_up() {
    deals::warm_up();
    terms::warm_up();
    tone::lexicon();
}

/// `warm_up` on a thread of its own, not joined: the analysis waits only for what it needs, and a
/// process that analyses nothing never waits for it.
pub fn warm_up_in_background() {
    std::thread::spawn(warm_up);
}

/// Analyse the unanalysed documents (or all), then rebuild the deals from every detection.
pub fn run(cfg: &Config, store: &mut Store, all: bool) -> Result<AnalyzeReport, StoreError> {
    run_with_progress(cfg, store, all, false)
}

/// As `run`, drawing its progress on the terminal when `progress` is set.
pub fn run_with_progress(
    cfg: &Config,
    store: &mut Store,
    all: bool,
    progress: bool,
) -> Result<AnalyzeReport, StoreError> {
    let analyzer = Analyzer::new(cfg);
    let plan = crate::store::AlertPlan::new(cfg, Utc::now());
    let method = tone::lexicon().method();
    let mut report = AnalyzeReport::default();
    let total = if progress {
        store.count_for_analysis(all, &method)?
    } else {
        0
    };
    let mut meter = crate::progress::Meter::new("analyzing", "documents", total, progress);
    let mut after = 0;
    loop {
        let batch = store.documents_for_analysis(all, after, 500, &method)?;
        let Some(last) = batch.last() else { break };
        after = last.id;
        let results = analyze_batch(&analyzer, &batch);
        meter.add(results.len() as u64);
        report.documents += results.len();
        report.detections += results.iter().filter(|r| r.detection.is_some()).count();
        report.alerts += store.save_analyses(&results, &plan)?;
    }
    meter.finish();
    let clusters = build_deals(&store.cluster_inputs()?);
    let r = store.reconcile_deals(&clusters, &plan)?;
    report.deals_new = r.inserted;
    report.deals_updated = r.updated;
    report.deals_removed = r.removed;
    report.alerts += r.alerts;
    report.calendar_disagreements = calendar::disagreements(&store.price_dates(&cfg.study.market)?);
    Ok(report)
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// The reading most readings agree on (`cluster::most_agreed`), ties going to the first (the
/// readings come in order of confidence), with the phrase it was read from.
fn vote(readings: impl Iterator<Item = (f64, Option<String>)>) -> Option<(f64, Option<String>)> {
    let mut all: Vec<(f64, Option<String>)> = readings.collect();
    let values: Vec<f64> = all.iter().map(|r| r.0).collect();
    cluster::most_agreed(&values).map(|i| all.swap_remove(i))
}

/// The terms a detection is clustered by: a value read out of the plausible band of USD per
/// MW-year ("rejected reading: out of band …", kept on the deal and flagged) ties or splits no
/// reports (an analyst's $9.6 million beat read beside a lease's 150 MW and 15 years).
fn clustering_terms(d: &deals::Detection) -> crate::model::DealTerms {
    let mut t = d.terms;
    if deals::value_out_of_band(d) {
        t.value_usd = None;
        t.value_with_options_usd = None;
    }
    t
}

/// Does a detection name its customer as the text writes it, a name on no list
/// (`deals::UNLISTED_REASON`)?
fn names_unlisted_customer(d: &crate::model::DetectionRecord) -> bool {
    d.reasons
        .iter()
        .any(|r| r.starts_with(deals::UNLISTED_REASON))
}

/// Cluster detections into deals: each term as most of its reports state it.
pub fn build_deals(inputs: &[crate::store::ClusterInput]) -> Vec<NewDeal> {
    let reports: Vec<cluster::Report> = inputs
        .iter()
        .map(|c| cluster::Report {
            document_id: c.document_id,
            at: parse_time(&c.at).unwrap_or_else(Utc::now),
            ticker: c.detection.ticker.clone(),
            kind: c.detection.kind,
            // (a customer named as the text writes it but not among the known ones clusters as
            // an undisclosed one; the deal still takes the name its reports give)
            counterparty: if names_unlisted_customer(&c.detection) {
                "undisclosed".into()
            } else {
                c.detection.counterparty.clone()
            },
            deal_type: c.detection.deal_type,
            terms: clustering_terms(&c.detection),
            parties: c.detection.parties.clone(),
            recap: c
                .detection
                .reasons
                .iter()
                .any(|r| r == deals::RESULTS_REASON),
            shingles: cluster::shingles(&format!("{} {}", c.title, c.lead)),
            new_agreement: cluster::says_new_agreement(&format!(
                "{}\n{}",
                c.title, c.detection.evidence
            )),
            sites: cluster::sites(&format!("{}\n{}", c.title, c.detection.evidence)),
            deep: cluster::told_deep(&c.title, &c.lead, &c.detection.evidence),
        })
        .collect();
    cluster::cluster(&reports)
        .into_iter()
        .map(|members| {
            let first = &inputs[members[0]];
            let at = reports[members[0]].at;
            let mut by_conf: Vec<&crate::store::ClusterInput> =
                members.iter().map(|&i| &inputs[i]).collect();
            by_conf.sort_by(|a, b| b.detection.confidence.total_cmp(&a.detection.confidence));
            // each term as most reports state it (ties: the most confident report), with the
            // words it was read from: one outlet's misreading does not outvote the others
            let pick =
                |f: &dyn Fn(&DealTerms) -> Option<f64>,
                 g: &dyn Fn(&TermPhrases) -> Option<String>| {
                    vote(by_conf.iter().filter_map(|c| {
                        f(&c.detection.terms).map(|v| (v, g(&c.detection.phrases)))
                    }))
                };
            // the customer most reports name (ties: the most confident report's), never one a
            // report of the deal calls its guarantor or vendor ("a Google-backed lease" names the
            // backer in one outlet, the tenant in the others)
            let backing_reports = |name: &str| {
                by_conf
                    .iter()
                    .filter(|c| {
                        c.detection.parties.iter().any(|p| {
                            p.name == name
                                && matches!(
                                    p.role,
                                    crate::model::PartyRole::Guarantor
                                        | crate::model::PartyRole::Vendor
                                )
                        })
                    })
                    .count()
            };
            let mut named_reports: Vec<&&crate::store::ClusterInput> = by_conf
                .iter()
                .filter(|c| c.detection.counterparty != "undisclosed")
                .collect();
            let undisclosed = by_conf.len() - named_reports.len();
            // a known customer's name over the names only the texts write, where it is named at
            // least as often ("Fluidstack" beside "Fluid Stack Ltd"; not "Microsoft" once beside
            // "Vertex Compute" three times)
            let unlisted = named_reports
                .iter()
                .filter(|c| names_unlisted_customer(&c.detection))
                .count();
            if named_reports.len() - unlisted >= unlisted.max(1) {
                named_reports.retain(|c| !names_unlisted_customer(&c.detection));
            }
            // how many of some reports name each customer
            fn naming<'a>(
                reports: &[&&'a crate::store::ClusterInput],
            ) -> std::collections::HashMap<&'a str, usize> {
                let mut n = std::collections::HashMap::new();
                for c in reports {
                    *n.entry(c.detection.counterparty.as_str()).or_default() += 1;
                }
                n
            }
            let named_counts = naming(&named_reports);
            // (unless most of the reports that name a customer name it, and more of them than
            // call it the backer or the vendor: NVIDIA renting IREN's cloud is called the GPUs'
            // vendor in another report)
            let chosen = named_reports
                .iter()
                .filter(|c| {
                    let cp = c.detection.counterparty.as_str();
                    let backing = backing_reports(cp);
                    backing == 0
                        || 2 * named_counts[cp] > named_reports.len() && named_counts[cp] > backing
                })
                .copied()
                .collect::<Vec<_>>();
            // (with none left, the deal keeps a backer the reports name only where none of them
            // calls the customer undisclosed: "a $160M NVIDIA GPU contract" in one report, NVIDIA
            // as the customer in one other, unnamed in the rest, is an unnamed customer's)
            let pool = if chosen.is_empty() && undisclosed == 0 {
                &named_reports
            } else {
                &chosen
            };
            let votes = naming(pool);
            let votes_for =
                |c: &crate::store::ClusterInput| votes[c.detection.counterparty.as_str()];
            let named = pool
                .iter()
                .enumerate()
                .max_by_key(|&(i, c)| (votes_for(c), std::cmp::Reverse(i)))
                .map(|(_, c)| c);
            // a customer one outlet guesses for a lease the others call undisclosed ("Microsoft"
            // in one report of nine about an unnamed hyperscaler's lease) is no customer: the
            // deal stays undisclosed when its undisclosed reports are more than twice the named
            // customer's
            let named = named.filter(|c| undisclosed <= 2 * votes_for(c)).map(|c| {
                (
                    c.detection.counterparty.clone(),
                    c.detection.counterparty_class.clone(),
                )
            });
            let (counterparty, class) = named.unwrap_or(("undisclosed".into(), None));
            let sentiments: Vec<f64> = members
                .iter()
                .filter_map(|&i| inputs[i].sentiment)
                .collect();
            // the capacity most reports state, a gross figure only when no report gives another
            let all_gross = by_conf.iter().all(|c| {
                c.detection.terms.capacity_mw.is_none()
                    || c.detection.terms.capacity_basis == Some(crate::model::CapacityBasis::Gross)
            });
            let with_mw: Vec<&&crate::store::ClusterInput> = by_conf
                .iter()
                .filter(|c| {
                    c.detection.terms.capacity_mw.is_some()
                        && (all_gross
                            || c.detection.terms.capacity_basis
                                != Some(crate::model::CapacityBasis::Gross))
                })
                .collect();
            let mws: Vec<f64> = with_mw
                .iter()
                .filter_map(|c| c.detection.terms.capacity_mw)
                .collect();
            let capacity = cluster::most_agreed(&mws).map(|i| with_mw[i]);
            let value = pick(&|t| t.value_usd, &|p| p.value_usd.clone());
            let options = pick(&|t| t.value_with_options_usd, &|p| {
                p.value_with_options_usd.clone()
            });
            let rate = pick(&|t| t.rate_usd_per_mw_year, &|p| {
                p.rate_usd_per_mw_year.clone()
            });
            let years = pick(&|t| t.term_years, &|p| p.term_years.clone());
            let mut parties: Vec<Party> = Vec::new();
            for c in &by_conf {
                for p in &c.detection.parties {
                    if p.name != counterparty && !parties.iter().any(|q| q.name == p.name) {
                        parties.push(p.clone());
                    }
                }
            }
            NewDeal {
                deal: Deal {
                    id: 0,
                    ticker: first.detection.ticker.clone(),
                    counterparty,
                    counterparty_class: class,
                    deal_type: first.detection.deal_type,
                    kind: first.detection.kind,
                    terms: DealTerms {
                        value_usd: value.as_ref().map(|v| v.0),
                        value_with_options_usd: options.as_ref().map(|v| v.0),
                        rate_usd_per_mw_year: rate.as_ref().map(|v| v.0),
                        capacity_mw: capacity.and_then(|c| c.detection.terms.capacity_mw),
                        capacity_basis: capacity.and_then(|c| c.detection.terms.capacity_basis),
                        term_years: years.as_ref().map(|v| v.0),
                    },
                    phrases: TermPhrases {
                        value_usd: value.and_then(|v| v.1),
                        value_with_options_usd: options.and_then(|v| v.1),
                        rate_usd_per_mw_year: rate.and_then(|v| v.1),
                        capacity_mw: capacity.and_then(|c| c.detection.phrases.capacity_mw.clone()),
                        term_years: years.and_then(|v| v.1),
                    },
                    parties,
                    announced_at: crate::model::fmt_time(at),
                    event_day: calendar::event_day(at),
                    n_documents: members.len() as i64,
                    sentiment: crate::study::stats::mean(&sentiments),
                    confidence: by_conf.first().map(|c| c.detection.confidence),
                    origin: DealOrigin::Auto,
                    status: DealStatus::Active,
                    note: None,
                    first_document_id: Some(first.document_id),
                    first_source: Some(first.source.clone()),
                    evidence: by_conf.first().map(|c| c.detection.evidence.clone()),
                    reasons: by_conf
                        .first()
                        .map(|c| c.detection.reasons.clone())
                        .unwrap_or_default(),
                    reviewed_at: None,
                },
                documents: members
                    .iter()
                    .map(|&i| (inputs[i].document_id, inputs[i].detection.evidence.clone()))
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instrument_code_run_onto_a_name_is_set_apart() {
        let t = |s: &'static str| -> String {
            unglue_codes(s.into(), &["IREN".to_string(), "CIFR".to_string()]).into_owned()
        };
        assert_eq!(t("運営するIRENIREN.Oと契約"), "運営するIREN IREN.Oと契約");
        assert_eq!(t("CipherCIFR.OQ rose"), "Cipher CIFR.OQ rose");
        // a code after a space, a ticker without a code, a word going on: unchanged
        assert_eq!(
            t("Microsoft MSFT.O and IREN IREN.O"),
            "Microsoft MSFT.O and IREN IREN.O"
        );
        assert_eq!(t("IRENIREN rose"), "IRENIREN rose");
        assert_eq!(t("xIREN.Oil"), "xIREN.Oil");
    }

    #[test]
    fn a_japanese_wire_story_with_a_code_run_onto_the_name_is_the_companys_deal() {
        let cfg = Config::parse(crate::config::STARTER, "feeds.toml").unwrap();
        let a = Analyzer::new(&cfg).analyze(&AnalysisDoc {
            id: 1,
            kind: "article".into(),
            title: "[5日 ロイター] - 米マイクロソフト MSFT.Oは、データセンター事業のIRENIREN.O…"
                .into(),
            summary: None,
            body: Some(
                "[5日 ロイター] - 米マイクロソフト MSFT.Oは、データセンター事業のIRENIREN.Oと\
                 総額97億ドルの契約を締結した。人工知能(AI)向けの演算能力を5年間使う。"
                    .into(),
            ),
            cik: None,
            items: None,
            published: Some("2025-11-05T01:00:00Z".into()),
            url: None,
        });
        let d = a
            .detection
            .unwrap_or_else(|| panic!("{:?}", a.deal_reasons));
        assert_eq!(
            (d.ticker.as_str(), d.counterparty.as_str()),
            ("IREN", "Microsoft")
        );
        assert_eq!(d.terms.value_usd, Some(9.7e9));
    }

    #[test]
    fn a_wires_bln_and_mln_read_as_billion_and_million() {
        assert_eq!(
            wire_units("Iren jumps after $9.7 bln contract; a $500mln loan; 2 BLN"),
            "Iren jumps after $9.7 billion contract; a $500 million loan; 2 billion"
        );
        // no amount before it, or a word going on: unchanged
        for s in ["a kiln; the bln", "$5 blnx", "5 lnb"] {
            assert_eq!(wire_units(s), s);
        }
        // a wire's headline read at its size, not as $9.70
        let cfg = Config::parse(crate::config::STARTER, "feeds.toml").unwrap();
        let a = Analyzer::new(&cfg).analyze(&AnalysisDoc {
            id: 1,
            kind: "article".into(),
            title: "Iren jumps after $9.7 bln contract with Microsoft".into(),
            summary: None,
            body: Some(
                "Iren signed a five-year, $9.7 bln contract with Microsoft to provide it with \
                 AI cloud capacity in Texas."
                    .into(),
            ),
            cik: None,
            items: None,
            published: Some("2025-11-03T15:00:00Z".into()),
            url: None,
        });
        assert_deal(&a, ("IREN", "Microsoft", Some(9.7e9)));
    }

    /// The analysis found a deal of this company, with this customer and value.
    fn assert_deal(a: &DocAnalysis, want: (&str, &str, Option<f64>)) {
        let d = a
            .detection
            .as_ref()
            .unwrap_or_else(|| panic!("{:?}", a.deal_reasons));
        assert_eq!(
            (
                d.ticker.as_str(),
                d.counterparty.as_str(),
                d.terms.value_usd
            ),
            want
        );
    }

    #[test]
    fn an_sec_archive_address_names_the_filer() {
        assert_eq!(
            sec_archive_cik(
                "https://www.sec.gov/Archives/edgar/data/1878848/000187884825000081/R26.htm"
            )
            .as_deref(),
            Some("0001878848")
        );
        assert_eq!(
            sec_archive_cik("http://SEC.gov/Archives/edgar/data/0001083301/x/ex10-1.htm")
                .as_deref(),
            Some("0001083301")
        );
        for other in [
            "https://www.sec.gov/cgi-bin/browse-edgar?CIK=1878848",
            "https://www.sec.gov/Archives/edgar/data//x.htm",
            "https://www.sec.gov/Archives/edgar/data/12a4/x.htm",
            "https://www.sec.gov/Archives/edgar/data/00000/x.htm",
            "https://example.com/www.sec.gov/Archives/edgar/data/1878848/x.htm",
        ] {
            assert_eq!(sec_archive_cik(other), None, "{other}");
        }
    }

    #[test]
    fn a_filing_page_found_in_a_news_feed_is_its_filers_filing() {
        // a quarterly report's note that never names the company: read from a news feed, its
        // SEC archive address says whose it is
        let cfg = Config::parse(crate::config::STARTER, "feeds.toml").unwrap();
        let doc = |url: &str| AnalysisDoc {
            id: 1,
            kind: "news".into(),
            title: "Subsequent events".into(),
            summary: None,
            body: Some(
                "Note 20. Subsequent events\nOn November 2, 2025, the Group entered into a \
                 five-year agreement with Microsoft Corporation to provide GPU cloud services \
                 at its Childress, Texas campus, with a total contract value of approximately \
                 $9.7 billion."
                    .into(),
            ),
            cik: None,
            items: None,
            published: Some("2025-11-06T21:00:00Z".into()),
            url: Some(url.into()),
        };
        let analyzer = Analyzer::new(&cfg);
        let a = analyzer.analyze(&doc(
            "https://www.sec.gov/Archives/edgar/data/1878848/000187884825000081/R26.htm",
        ));
        assert_eq!(
            a.mentions
                .iter()
                .map(|m| m.ticker.as_str())
                .collect::<Vec<_>>(),
            ["IREN"]
        );
        assert_deal(&a, ("IREN", "Microsoft", Some(9.7e9)));
        // the same page at another address names no company of the universe
        let a = analyzer.analyze(&doc("https://example.com/filings/R26.htm"));
        assert!(a.mentions.is_empty(), "{:?}", a.mentions);
        assert!(a.detection.is_none());
    }

    #[test]
    fn a_json_record_is_read_as_the_prose_of_its_values() {
        // a filing-summary record, cut short inside a value: its headline and bullets, one to a
        // line, escapes undone; keys, codes, dates and addresses left out
        let record = r#"{"accession":"0000000000-25-000001","form_type":"8-K","filed_at":"2025-04-17T23:59:59+00:00","headline":"Applied Digital grants stock units to two officers","bullets":["Units vest if Building 2 earns \"$20M\" a quarter\nor a new lease of 200 MW is signed.","They expire in 2027."],"urls":{"canonical":"https://example.org/filing/1"},"note":"Summaries are machine made and"#;
        assert_eq!(
            json_as_prose(record),
            "Applied Digital grants stock units to two officers\nUnits vest if Building 2 earns \"$20M\" a quarter\nor a new lease of 200 MW is signed.\nThey expire in 2027.\nSummaries are machine made and\n"
        );
        // a value in a script written without spaces is prose too
        assert_eq!(
            json_as_prose(r#"{"id":"x1","headline":"谷歌为矿企租约提供担保","lang":"zh"}"#),
            "谷歌为矿企租约提供担保\n"
        );
        // prose, and a brace that opens no record, unchanged
        assert_eq!(
            json_as_prose("IREN signs with Microsoft."),
            "IREN signs with Microsoft."
        );
        assert_eq!(json_as_prose("{Draft} IREN signs"), "{Draft} IREN signs");
        // a record whose values hold no prose: unchanged
        assert_eq!(
            json_as_prose(r#"{"id":"a1","n":"b2"}"#),
            r#"{"id":"a1","n":"b2"}"#
        );
    }

    #[test]
    fn a_filing_summary_record_of_stock_awards_is_no_deal() {
        // (the record's shape as a filing-summary service gives it, in my own words: the lease
        // is one of the awards' conditions, not an agreement)
        let cfg = Config::parse(crate::config::STARTER, "feeds.toml").unwrap();
        let a = Analyzer::new(&cfg).analyze(&AnalysisDoc {
            id: 1,
            kind: "article".into(),
            title: String::new(),
            summary: None,
            body: Some(r#"{"form_type":"8-K/A","ticker":"APLD","company_name":"Applied Digital Corp.","headline":"Applied Digital grants performance units to three officers tied to its data centers","bullets":["Units go to the CEO, the CFO and the president under the 2024 plan.","They vest when Building 2 earns over $20M a quarter for two quarters OR on a hyperscaler lease of 200+ MW.","Units lapse at the end of 2027 if no condition is met.","This amends the earlier 8-K; the officers executed their awards in April 2025."],"sentiment":"neutral"}"#.into()),
            cik: None,
            items: None,
            published: Some("2025-04-17T23:59:59Z".into()),
            url: None,
        });
        assert!(a.detection.is_none(), "{:?}", a.detection);
    }

    #[test]
    fn a_spun_copy_has_its_agreements_back() {
        // (my own spun sentence, the shape of the cheap sites' rewrites)
        let spun = "Cipher Mining right this moment stated it inked a 10-year colocation \
                    settlement with Fluidstack for its knowledge middle in Texas.";
        assert!(spun_text(spun));
        assert!(!spun_text(
            "Cipher Mining signed a ten-year lease with Fluidstack."
        ));
        // each mark alone
        for marked in [
            "a leap in synthetic intelligence",
            "its knowledge middle in Texas",
            "its new knowledge heart",
            "two knowledge facilities",
            "an information middle operator",
            "announced right this moment",
            "at the coronary heart of AI",
        ] {
            assert!(spun_text(marked), "{marked}");
        }
        assert_eq!(
            unspin("Settlements and a settlement"),
            "Agreements and a agreement"
        );
        // the name a spinner takes for a verb, and its possessive
        assert_eq!(
            unspin("Utilized Digital signed a lease; Utilized’s shares rose. It utilized power."),
            "Applied Digital signed a lease; Applied’s shares rose. It utilized power."
        );
        let cfg = Config::parse(crate::config::STARTER, "feeds.toml").unwrap();
        let doc = |body: &str| AnalysisDoc {
            id: 1,
            kind: "article".into(),
            title: String::new(),
            summary: None,
            body: Some(body.into()),
            cik: None,
            items: None,
            published: Some("2025-11-03T13:00:00Z".into()),
            url: None,
        };
        let body = "Microsoft right this moment stated it has signed a $9.7 billion buy settlement \
                    for AI cloud capability from the synthetic intelligence cloud firm IREN.";
        let a = Analyzer::new(&cfg).analyze(&doc(body));
        assert_deal(&a, ("IREN", "Microsoft", Some(9.7e9)));
        assert_eq!(a.deal_reasons[0], SPUN_REASON);
        // a settlement in a text a spinner never touched is left as it is (a lawsuit's)
        let a = Analyzer::new(&cfg).analyze(&doc(
            "Microsoft has signed a $9.7 billion buy settlement for AI cloud capability from IREN.",
        ));
        assert!(a.detection.is_none(), "{:?}", a.detection);
    }

    /// A stored Hut 8 colocation report for clustering, at `at`, naming `cp`, stating `terms`
    /// (confidence 0.9, no parties, no reasons).
    fn hut8_report(
        id: i64,
        at: String,
        cp: &str,
        terms: crate::model::DealTerms,
    ) -> crate::store::ClusterInput {
        use crate::model::{DealKind, DealType, DetectionRecord};
        crate::store::ClusterInput {
            document_id: id,
            source: "s".into(),
            at,
            title: format!("Hut 8 lease story {id}"),
            lead: String::new(),
            sentiment: None,
            detection: DetectionRecord {
                kind: DealKind::Deal,
                ticker: "HUT".into(),
                counterparty: cp.into(),
                counterparty_class: None,
                deal_type: DealType::Colocation,
                terms,
                confidence: 0.9,
                evidence: String::new(),
                phrases: Default::default(),
                parties: vec![],
                reasons: vec![],
            },
        }
    }

    #[test]
    fn a_customer_only_the_texts_name_clusters_as_an_undisclosed_one_and_names_the_deal() {
        let report = |id: i64, cp: &str, unlisted: bool| {
            let mut r = hut8_report(
                id,
                format!("2026-03-0{id}T14:00:00Z"),
                cp,
                crate::model::DealTerms {
                    capacity_mw: Some(50.0),
                    term_years: Some(10.0),
                    ..Default::default()
                },
            );
            r.detection.confidence = 0.85;
            if unlisted {
                r.detection.reasons = vec![format!("{}{cp}", deals::UNLISTED_REASON)];
            }
            r
        };
        // two spellings of a customer no list knows, and a report that leaves it unnamed: one
        // deal, named as most confident of the naming reports writes it
        let deals = build_deals(&[
            report(1, "Vertex Compute", true),
            report(2, "Vertex Compute Inc", true),
            report(3, "undisclosed", false),
        ]);
        assert_eq!(deals.len(), 1);
        assert_eq!(deals[0].deal.counterparty, "Vertex Compute");
        assert_eq!(deals[0].deal.n_documents, 3);
        // (two spellings alone, a day apart, one stating the capacity, the other the term)
        let mut first = report(1, "Vertex Compute", true);
        first.detection.terms.term_years = None;
        let mut second = report(2, "Vertex Compute Inc", true);
        second.detection.terms.capacity_mw = None;
        let deals = build_deals(&[first, second]);
        assert_eq!(deals.len(), 1);
        // beside a known customer's name, the name only a text writes is never the deal's
        let deals = build_deals(&[
            report(1, "Fluid Stack Ltd", true),
            report(2, "Fluidstack", false),
        ]);
        assert_eq!(deals.len(), 1);
        assert_eq!(deals[0].deal.counterparty, "Fluidstack");
        // a known name given once beside an unlisted one given three times is no correction
        let deals = build_deals(&[
            report(1, "Microsoft", false),
            report(2, "Vertex Compute", true),
            report(3, "Vertex Compute", true),
            report(4, "Vertex Compute", true),
        ]);
        assert_eq!(deals.len(), 1);
        assert_eq!(deals[0].deal.counterparty, "Vertex Compute");
    }

    #[test]
    fn a_deals_customer_is_the_one_most_reports_name_never_a_backer() {
        use crate::model::{DealTerms, Party, PartyRole};
        let report = |id: i64, cp: &str, confidence: f64, backer: bool| {
            let mut r = hut8_report(
                id,
                format!("2025-12-17T1{id}:00:00Z"),
                cp,
                DealTerms {
                    value_usd: Some(7e9),
                    term_years: Some(15.0),
                    ..DealTerms::default()
                },
            );
            r.detection.confidence = confidence;
            if backer {
                r.detection.parties = vec![Party {
                    role: PartyRole::Guarantor,
                    name: "Alphabet".into(),
                }];
            }
            r
        };
        // the most confident report names the backer; the others the tenant, the backer beside
        let deals = build_deals(&[
            report(1, "Alphabet", 0.99, false),
            report(2, "Fluidstack", 0.9, true),
            report(3, "Fluidstack", 0.8, true),
        ]);
        assert_eq!(deals.len(), 1);
        assert_eq!(deals[0].deal.counterparty, "Fluidstack");
        // with no backer named, most reports decide; a tie goes to the most confident
        let deals = build_deals(&[
            report(1, "Anthropic", 0.99, false),
            report(2, "Fluidstack", 0.9, false),
            report(3, "Fluidstack", 0.8, false),
        ]);
        assert_eq!(deals[0].deal.counterparty, "Fluidstack");
        let deals = build_deals(&[
            report(1, "Anthropic", 0.99, false),
            report(2, "Fluidstack", 0.9, false),
        ]);
        assert_eq!(deals[0].deal.counterparty, "Anthropic");
        // a customer most of the naming reports name stays the customer where another report
        // calls it a vendor (NVIDIA renting a company's GPU cloud, "NVIDIA GB300s" elsewhere)
        let vendor = |id: i64, cp: &str, says_vendor: bool| {
            let mut r = report(id, cp, 0.9, false);
            if says_vendor {
                r.detection.parties = vec![Party {
                    role: PartyRole::Vendor,
                    name: "NVIDIA".into(),
                }];
            }
            r
        };
        let deals = build_deals(&[
            vendor(1, "Microsoft", true),
            vendor(2, "NVIDIA", false),
            vendor(3, "NVIDIA", false),
        ]);
        assert_eq!(deals[0].deal.counterparty, "NVIDIA");
        let deals = build_deals(&[
            vendor(1, "Microsoft", true),
            vendor(2, "Microsoft", false),
            vendor(3, "NVIDIA", false),
        ]);
        assert_eq!(deals[0].deal.counterparty, "Microsoft");
        // named by as many reports as call it the vendor, beside reports of an unnamed customer,
        // it is no customer; named by every naming report and none calling it undisclosed, it is
        let deals = build_deals(&[
            vendor(1, "undisclosed", true),
            vendor(2, "undisclosed", false),
            vendor(3, "NVIDIA", false),
        ]);
        assert_eq!(deals[0].deal.counterparty, "undisclosed");
        let deals = build_deals(&[vendor(1, "NVIDIA", true)]);
        assert_eq!(deals[0].deal.counterparty, "NVIDIA");
        // one outlet's guess among reports of an unnamed customer's lease is no customer; a
        // customer named by a third of the reports or more is
        let mut reports = vec![report(1, "Microsoft", 0.99, false)];
        reports.extend((2..=4).map(|i| report(i, "undisclosed", 0.9, false)));
        assert_eq!(build_deals(&reports)[0].deal.counterparty, "undisclosed");
        reports.truncate(3);
        assert_eq!(build_deals(&reports)[0].deal.counterparty, "Microsoft");
    }

    #[test]
    fn a_value_out_of_band_neither_ties_nor_splits_reports() {
        use crate::model::{DealKind, DealTerms, DealType, DetectionRecord};
        let report =
            |id: i64, at: &str, value: f64, reasons: Vec<String>| crate::store::ClusterInput {
                document_id: id,
                source: "s".into(),
                at: at.into(),
                title: format!("Applied Digital story {id}"),
                lead: String::new(),
                sentiment: None,
                detection: DetectionRecord {
                    kind: DealKind::Deal,
                    ticker: "APLD".into(),
                    counterparty: "CoreWeave".into(),
                    counterparty_class: None,
                    deal_type: DealType::Expansion,
                    terms: DealTerms {
                        value_usd: Some(value),
                        capacity_mw: Some(150.0),
                        term_years: Some(15.0),
                        ..DealTerms::default()
                    },
                    confidence: 0.8,
                    evidence: String::new(),
                    phrases: Default::default(),
                    parties: vec![],
                    reasons,
                },
            };
        // an option for 150 MW over 15 years worth $2.2 billion, and ten weeks later a results
        // story stating its 150 MW and 15 years beside an analyst's $9.6 million beat
        let first = report(1, "2025-07-31T12:00:00Z", 2.2e9, vec![]);
        let flagged = vec![
            "rejected reading: out of band: $0.00 million per MW-year from $9.60M over 150 MW and 15 years".to_string(),
        ];
        let later = report(2, "2025-10-10T12:00:00Z", 9.6e6, flagged);
        assert_eq!(build_deals(&[first.clone(), later.clone()]).len(), 1);
        // the same value unflagged disagrees with the deal's
        let mut unflagged = later;
        unflagged.detection.reasons.clear();
        assert_eq!(build_deals(&[first, unflagged]).len(), 2);
    }

    #[test]
    fn a_headline_run_into_the_first_sentence_is_set_on_a_line_of_its_own() {
        let title = "Hut 8 Signs a $9.8bn Lease for Its Texas Campus";
        let apart = |t: &str| headline_apart(t.into(), title).into_owned();
        assert_eq!(
            apart("Hut 8 Signs a $9.8bn Lease for Its Texas Campus The lease runs 15 years."),
            "Hut 8 Signs a $9.8bn Lease for Its Texas Campus\nThe lease runs 15 years."
        );
        // already apart, another opening, a headline alone, or a short one: unchanged
        for t in [
            "Hut 8 Signs a $9.8bn Lease for Its Texas Campus\nThe lease runs 15 years.",
            "Hut 8 Signs a $9.8bn Lease for Its Texas Campuses and more",
            "The lease runs 15 years.",
            "Hut 8 Signs a $9.8bn Lease for Its Texas Campus ",
        ] {
            assert_eq!(apart(t), t);
        }
        assert_eq!(
            headline_apart("Key Takeaways The lease runs.".into(), "Key Takeaways"),
            "Key Takeaways The lease runs."
        );
        // an item whose body is its headline run into its lead is read as the two apart: the
        // lead's sentence decides by itself
        let cfg = Config::parse(crate::config::STARTER, "feeds.toml").unwrap();
        let title = "Hut 8 Shares Climb Before the Open on Wednesday";
        let a = Analyzer::new(&cfg).analyze(&AnalysisDoc {
            id: 1,
            kind: "article".into(),
            title: title.into(),
            summary: None,
            body: Some(format!(
                "{title} Hut 8 has signed a 15-year lease with Fluidstack for 245 MW at River Bend."
            )),
            cik: None,
            items: None,
            published: Some("2025-12-17T13:00:00Z".into()),
            url: None,
        });
        assert!(a.detection.is_some(), "{:?}", a.deal_reasons);
        assert_eq!(
            a.deal_reasons[0],
            "decided by: \"Hut 8 has signed a 15-year lease with Fluidstack for 245 MW at River Bend.\""
        );
    }

    #[test]
    fn a_text_laid_out_one_word_to_a_line_is_joined_back() {
        let words = "Taking\nadvantage\nof\nthis\nmarket\nopportunity,\nCore\nScientific\nsaid\nit\nhas\noptions\nfor\nanother\nextension\nof\nthe\ncontract\nto\nhost\n118MW.";
        assert_eq!(
            rejoin_words(words),
            "Taking advantage of this market opportunity, Core Scientific said it has options for another extension of the contract to host 118MW."
        );
        // a table of cells and numbers, or ordinary prose, is left as it is
        let table = "Exhibit\nNo.\n|\nDescription\n|\n9,414\n|\n8,238\n|\n7,107\n|\n246\n|\n220\n|\n195\n|\n12\n|\n13\n|\n14\n|\n15\n|";
        assert!(matches!(rejoin_words(table), std::borrow::Cow::Borrowed(_)));
        let prose = "One line of text.\nAnother line of text.";
        assert!(matches!(rejoin_words(prose), std::borrow::Cow::Borrowed(_)));
        // a release hard-wrapped at a fixed width is unwrapped where a sentence goes on
        let wrapped = "Hut 8 Corp., a leading, vertically integrated operator of large-scale\nenergy infrastructure and one of the largest Bitcoin miners in America,\ntoday announced that it signed a five-year agreement with an AI cloud\ncustomer for its GPU-as-a-service business, which it launched in May\nafter the close of the quarter, in which it finalized commercial terms\nwith the customer.\nNext paragraph.";
        assert_eq!(
            rejoin_words(wrapped),
            "Hut 8 Corp., a leading, vertically integrated operator of large-scale energy infrastructure and one of the largest Bitcoin miners in America, today announced that it signed a five-year agreement with an AI cloud customer for its GPU-as-a-service business, which it launched in May after the close of the quarter, in which it finalized commercial terms with the customer.\nNext paragraph."
        );
    }
}
