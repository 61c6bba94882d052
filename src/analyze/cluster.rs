//! Novelty: one event per real-world deal, clustered by compatibility, not identity.
//!
//! Reports of one company are one deal when what each states agrees: the same counterparty, one
//! of them undisclosed, or one the end user or guarantor of the other's tenant (as either text
//! says); values, MW and terms within tolerance where both state them. A deal type or a missing
//! term never splits a deal. Within 7 days of a deal's first report a compatible report joins
//! it; at any later age it joins only when it names the same counterparty (or leaves it
//! undisclosed), agrees closely on a value (2%) or a capacity (3 MW), disagrees on nothing, and
//! states no new agreement (an expansion) — or when it names the deal's customer, states a value
//! or a capacity, none of them below the deal's (a retelling restates the figures or running
//! totals that include them) and no other term, and is no expansion nor called new, a second or
//! another agreement, and the deal is known by two terms at least; within the window, a story about an undisclosed customer's lease joins it on
//! the same terms. An expansion told two days or more after a deal's first report (of a deal
//! that is no expansion) is a new agreement unless it agrees on a value or a capacity. A
//! near-identical text of the same company within 7 days joins whatever it states. The same day
//! as a deal's first report, a report of its customer with at most one term disagreeing joins it
//! whatever type or site it reads, and a report stating no term joins it whoever it names (the end
//! user for the tenant); within two months, a report of its customer stating no term and no new
//! agreement nor expansion is that deal told again. A value out of the plausible band of USD per
//! MW-year ties and splits nothing. Within two months, a report naming no customer and stating no
//! term that names a deal's guarantor or end user is that deal told by its backer. A report that
//! joins no deal but names a customer with whom the company has two deals or more, stating their
//! capacities added up (and no value past theirs), is their running total: it joins the latest.
//! After its first day, a report at another named site than the deal's is another agreement,
//! unless within the window every term it states agrees and the two names differ only after a
//! shared first word, with no number in either (the same site misnamed, `misnamed_site`). A
//! report compatible with several deals joins the one it agrees with most, then the latest. The
//! deal's announcement time is its earliest report's.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};

use crate::model::{DealTerms, DealType, Party, PartyRole};

/// One document's detection, as clustering sees it.
#[derive(Debug, Clone)]
pub struct Report {
    pub document_id: i64,
    pub at: DateTime<Utc>,
    pub ticker: String,
    pub kind: crate::model::DealKind,
    pub counterparty: String,
    pub deal_type: crate::model::DealType,
    /// The terms the report states.
    pub terms: DealTerms,
    /// The other parties it names (guarantors, end users ...).
    pub parties: Vec<Party>,
    /// A results release stating a contract of the period: it joins the stored deal with the same
    /// named counterparty at any age, whatever terms it restates (totals, other periods' figures).
    pub recap: bool,
    /// Word 3-shingles of the title and lead, for near-duplicate text.
    pub shingles: HashSet<u64>,
    /// The headline or the evidence calls the agreement new, a second or another one ("signs
    /// new 15-year lease", "a second lease"): never a retelling of an earlier deal.
    pub new_agreement: bool,
    /// The named sites or campuses the headline and the evidence put the agreement at
    /// ("polaris forge 3"), lower-cased.
    pub sites: Vec<String>,
    /// The agreement is told deep in the text (past `DEEP_CHARS` of the headline and lead, or
    /// in the body): inside a story about something else, as a retelling is.
    pub deep: bool,
}

/// How far into a text a deciding sentence stands for the agreement to be told deep in it.
pub const DEEP_CHARS: usize = 1000;

/// Is `evidence` told deep in the text of `title` and `lead` (past `DEEP_CHARS`, or not in them
/// at all: in the body)?
pub fn told_deep(title: &str, lead: &str, evidence: &str) -> bool {
    // (the sentence's first words: the evidence may join lines the text breaks)
    let end = evidence
        .char_indices()
        .nth(40)
        .map_or(evidence.len(), |(i, _)| i);
    let head = evidence[..end].trim();
    if head.is_empty() {
        return false;
    }
    if title.contains(head) {
        return false;
    }
    lead.find(head)
        .is_none_or(|at| title.len() + at > DEEP_CHARS)
}

/// "Has now committed", "have now signed": an agreement told as the latest step, never a
/// retelling (results stories say it of the period's new option or contract).
pub const NOW_AGREED: &str =
    r"\b(?:has|have) now (?:committed|signed|exercised|agreed|contracted)\b";

/// Does a text call its agreement new, a second, a third or another one? (Not "New York", "New
/// Mexico": a place named New is no new agreement.)
pub fn says_new_agreement(text: &str) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            &[
                r"(?i)\b(?:new|second|third|fourth|another|nuevo|nueva|segundo|nouveau|nouvelle|neue[nrs]?|zweite[nrs]?|nuovo|nuova|novo|nova)\s+(?:[\w-]+\s+){0,3}?(?:leases?|contracts?|agreements?|deals?|contratos?|acuerdos?|contrats?|accords?|bail|baux|Vertrag|Mietvertrag|Vereinbarung(?:en)?|contratt[oi]|accord[oi]|acordos?)\b|",
                NOW_AGREED,
                r"|新たな|新規|新的|新签|신규|새로운|второ\w*|нов\w+ (?:договор|контракт|соглашение)"
            ]
            .concat(),
        )
        .expect("static regex")
    });
    const PLACES: &[&str] = &[
        "New York",
        "New Mexico",
        "New Jersey",
        "New Brunswick",
        "New South Wales",
    ];
    let mut t = std::borrow::Cow::Borrowed(text);
    for p in PLACES.iter().filter(|p| text.contains(*p)) {
        t = std::borrow::Cow::Owned(t.replace(p, ""));
    }
    re.is_match(&t)
}

/// The sites a text names: a capitalised name before "campus", "facility", "site" or "data
/// center" ("its Polaris Forge 3 campus", "the Lake Mariner facility"), lower-cased.
pub fn sites(text: &str) -> Vec<String> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"\b((?:[A-Z][a-z]+|[A-Z]{2}-?\d)(?: (?:[A-Z][a-z]+|\d{1,2}))*)(?: (?:AI|HPC))?(?: data cent(?:er|re))? (?:campus|facility|site|data cent(?:er|re))\b",
        )
        .expect("static regex")
    });
    const GENERIC: &[&str] = &[
        "The",
        "Its",
        "Their",
        "Our",
        "This",
        "That",
        "New",
        "Data",
        "Center",
        "Centre",
        "Mining",
        "Bitcoin",
        "Texas",
        "North",
        "Dakota",
        "Ohio",
        "First",
        "Second",
        "Third",
        "Flagship",
        "Factory",
        "Hyperscale",
        "Cloud",
        "Compute",
        "Campus",
        "Gigawatt",
        "Largest",
        // a nationality or a size is no site's name ("Aussie data centre operator", "an
        // Australian data center company")
        "Aussie",
        "Australian",
        "American",
        "Canadian",
        "European",
        "Nordic",
        "Norwegian",
        "Swedish",
        "Icelandic",
        "Asian",
        "British",
        "Global",
        "Major",
        "Massive",
        "Huge",
        "Big",
        "Giant",
        "Leading",
    ];
    // a company's name before "data center" is the company, not a site
    const COMPANY_ENDS: &[&str] = &[
        "Digital",
        "Mining",
        "Scientific",
        "Platforms",
        "Holdings",
        "Inc",
        "Corp",
        "Technologies",
        "Energy",
        "Infrastructure",
        "Generation",
    ];
    // "on Fluidstack AI data center deal": the data center qualifies the deal, and the name
    // before it is whose deal it is, not a site
    static DEAL_AFTER: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let deal_after = DEAL_AFTER.get_or_init(|| {
        regex::Regex::new(r"^\s+(?:deals?|leases?|contracts?|agreements?|partnerships?|pacts?)\b")
            .expect("static regex")
    });
    let mut out: Vec<String> = Vec::new();
    for c in re.captures_iter(text) {
        let whole = c.get(0).expect("a match");
        if deal_after.is_match(&text[whole.end()..]) {
            continue;
        }
        let words: Vec<&str> = c[1]
            .split(' ')
            .skip_while(|w| GENERIC.contains(w))
            .collect();
        if words.is_empty()
            || words.iter().all(|w| GENERIC.contains(w))
            || words.last().is_some_and(|w| COMPANY_ENDS.contains(w))
        {
            continue;
        }
        // a number after the name is the same written out ("Polaris Forge One" is Polaris Forge 1)
        const NUMBERS: &[&str] = &[
            "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight",
        ];
        let name = words
            .iter()
            .enumerate()
            .map(|(i, w)| match NUMBERS.iter().position(|n| n == w) {
                Some(k) if i > 0 => (k + 1).to_string(),
                _ => w.to_lowercase(),
            })
            .collect::<Vec<_>>()
            .join(" ");
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Word 3-shingles (hashed) of a text, lower-cased.
pub fn shingles(text: &str) -> HashSet<u64> {
    use std::hash::{Hash, Hasher};
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '$' && c != '.')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let mut out = HashSet::new();
    for w in words.windows(3) {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        w.hash(&mut h);
        out.insert(h.finish());
    }
    out
}

/// Jaccard similarity |A ∩ B| / |A ∪ B|.
pub fn similarity(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count();
    inter as f64 / (a.len() + b.len() - inter) as f64
}

const WINDOW_DAYS: i64 = 7;
const DAY_MICROS: i64 = 86_400_000_000;
const NEAR_DUPLICATE: f64 = 0.6;
/// How long after a deal's first report a report of its customer stating no term at all (told
/// near the top), or one stating all of its terms whoever it names, is taken as that deal told
/// again.
const BARE_RETOLD_DAYS: i64 = 60;
/// Two values agree within this share of the larger.
const VALUE_TOLERANCE: f64 = 0.1;
/// Two capacities agree within this share of the larger (or 5 MW); a gross figure against a
/// critical-IT one, or one of unknown basis, within `GROSS_RATIO`.
const MW_TOLERANCE: f64 = 0.1;
const GROSS_RATIO: f64 = 1.5;
/// What ties a report to a deal of another month: a value within this share, a capacity within
/// `EXACT_MW` (72.5 MW told as 70 MW: a figure rounded); also the share the consensus vote
/// counts agreeing values by.
const EXACT_SHARE: f64 = 0.02;
const EXACT_MW: f64 = 3.0;

/// How two reports' terms compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Agreement {
    /// Terms both state and that agree.
    pub agree: usize,
    /// Terms both state and that disagree.
    pub conflict: usize,
    /// A value or a capacity agrees (a term alone agrees too often to tie reports across weeks).
    pub size_agrees: bool,
    /// A value within 2% or a capacity within 3 MW: what ties a report to a deal of another month.
    pub size_exact: bool,
    /// Both state a capacity and the two are within 3 MW.
    pub capacity_exact: bool,
    /// A value within 2%: within the window, with the same named party, the same agreement
    /// whatever else a report misreads.
    pub value_exact: bool,
    /// Both state a capacity and the two disagree.
    pub capacity_conflict: bool,
}

fn near(a: f64, b: f64, share: f64) -> bool {
    (a - b).abs() <= share * a.abs().max(b.abs())
}

/// How many of the value, the MW and the term of years terms state.
fn stated(t: &DealTerms) -> usize {
    [t.value_usd, t.capacity_mw, t.term_years]
        .iter()
        .flatten()
        .count()
}

/// Compare two reports' terms.
pub fn agreement(a: &DealTerms, b: &DealTerms) -> Agreement {
    let mut g = Agreement::default();
    // a value against either of the other's values (one text gives only the total with options)
    let va: Vec<f64> = [a.value_usd, a.value_with_options_usd]
        .into_iter()
        .flatten()
        .collect();
    let vb: Vec<f64> = [b.value_usd, b.value_with_options_usd]
        .into_iter()
        .flatten()
        .collect();
    if !va.is_empty() && !vb.is_empty() {
        if va
            .iter()
            .any(|x| vb.iter().any(|y| near(*x, *y, VALUE_TOLERANCE)))
        {
            g.agree += 1;
            g.size_agrees = true;
            g.value_exact = va
                .iter()
                .any(|x| vb.iter().any(|y| near(*x, *y, EXACT_SHARE)));
            g.size_exact |= g.value_exact;
        } else if !options_above_base(a, b) && !options_above_base(b, a) {
            g.conflict += 1;
        }
    }
    if let (Some(x), Some(y)) = (a.capacity_mw, b.capacity_mw) {
        let both_it = a.capacity_basis == Some(crate::model::CapacityBasis::CriticalIt)
            && b.capacity_basis == Some(crate::model::CapacityBasis::CriticalIt);
        let same = near(x, y, MW_TOLERANCE) || (x - y).abs() <= 5.0;
        // a gross figure against a critical-IT one (244 MW gross is 168 MW of IT)
        let one_gross = a.capacity_basis == Some(crate::model::CapacityBasis::Gross)
            || b.capacity_basis == Some(crate::model::CapacityBasis::Gross);
        let loose = !both_it && one_gross && x.max(y) <= GROSS_RATIO * x.min(y);
        if same || loose {
            g.agree += 1;
            g.size_agrees = true;
            g.capacity_exact = (x - y).abs() <= EXACT_MW;
            g.size_exact |= g.capacity_exact;
        } else {
            g.conflict += 1;
            g.capacity_conflict = true;
        }
    }
    if let (Some(x), Some(y)) = (a.term_years, b.term_years) {
        if (x - y).abs() <= 1.0 {
            g.agree += 1;
        } else {
            g.conflict += 1;
        }
    }
    g
}

/// Does `a` give only a value with options and `b` only a base value below it ("$17.7 billion
/// with renewals" beside "$7 billion")? Then the two neither agree nor disagree: a total with
/// options is larger than the base it grows from.
fn options_above_base(a: &DealTerms, b: &DealTerms) -> bool {
    match (
        a.value_usd,
        a.value_with_options_usd,
        b.value_usd,
        b.value_with_options_usd,
    ) {
        (None, Some(options), Some(base), None) => options > base * (1.0 + VALUE_TOLERANCE),
        _ => false,
    }
}

/// Does `a` state a value or a capacity clearly below `b`'s, or another term? A later story
/// restates a deal's figures or the running totals that include it, never less, and its term:
/// a smaller or differently termed one is another agreement.
fn smaller(a: &DealTerms, b: &DealTerms) -> bool {
    matches!((a.term_years, b.term_years), (Some(x), Some(y)) if (x - y).abs() > 1.0)
        // below by more than the tolerances that tie a report to a deal of another month
        || matches!((a.value_usd, b.value_usd), (Some(x), Some(y)) if x < y && !near(x, y, EXACT_SHARE))
        || matches!((a.capacity_mw, b.capacity_mw), (Some(x), Some(y)) if x < y - EXACT_MW)
}

/// The index of the value most of `values` agree with (within 2%), ties to the first.
pub fn most_agreed(values: &[f64]) -> Option<usize> {
    // the values within 2% of a non-negative value are a run of the sorted values: count them by
    // two binary searches (a deal told by hundreds of reports is voted on at every join)
    let sorted = values.iter().all(|v| *v >= 0.0).then(|| {
        let mut s = values.to_vec();
        s.sort_by(f64::total_cmp);
        s
    });
    let agreeing = |v: f64| match &sorted {
        Some(s) => {
            let lo = s.partition_point(|&w| w < v && !near(v, w, EXACT_SHARE));
            let hi = s.partition_point(|&w| w <= v || near(v, w, EXACT_SHARE));
            hi - lo
        }
        None => values.iter().filter(|&&w| near(v, w, EXACT_SHARE)).count(),
    };
    let mut best: Option<(usize, usize)> = None;
    for (i, &v) in values.iter().enumerate() {
        let n = agreeing(v);
        if best.is_none_or(|(m, _)| n > m) {
            best = Some((n, i));
        }
    }
    best.map(|(_, i)| i)
}

/// A cluster's terms: each as most of its reports state it (within 2%; ties to the earliest).
pub fn consensus<'a>(terms: impl Iterator<Item = &'a DealTerms>) -> DealTerms {
    let all: Vec<&DealTerms> = terms.collect();
    let vote = |f: &dyn Fn(&DealTerms) -> Option<f64>| -> Option<f64> {
        let vals: Vec<f64> = all.iter().filter_map(|t| f(t)).collect();
        most_agreed(&vals).map(|i| vals[i])
    };
    let mw = vote(&|t| t.capacity_mw);
    DealTerms {
        value_usd: vote(&|t| t.value_usd),
        value_with_options_usd: vote(&|t| t.value_with_options_usd),
        rate_usd_per_mw_year: vote(&|t| t.rate_usd_per_mw_year),
        capacity_mw: mw,
        capacity_basis: all
            .iter()
            .find(|t| t.capacity_mw == mw)
            .and_then(|t| t.capacity_basis),
        term_years: vote(&|t| t.term_years),
    }
}

/// Are two reports' counterparties one: the same, one undisclosed, or one a party (end user,
/// guarantor) of the other's deal as either text says.
pub fn same_counterparty(a: &Report, b: &Report) -> bool {
    a.counterparty == b.counterparty
        || a.counterparty == "undisclosed"
        || b.counterparty == "undisclosed"
        || a.parties.iter().any(|p| p.name == b.counterparty)
        || b.parties.iter().any(|p| p.name == a.counterparty)
}

/// Of the deals of `r`'s company with `r`'s customer begun before `r` (within the window too: a
/// report of an expansion a week on may state the pair's total instead of the expansion's own
/// size), two or more stating a capacity: the latest when their capacities added up are `r`'s, or
/// else the one whose capacity is `r`'s and the others' added up (a deal stored with the pair's
/// total, told again with its own increment), each within `EXACT_MW` or `EXACT_SHARE`, and
/// `r`'s value, if any, no more than their values added up or one deal's own.
fn running_total(
    r: &Report,
    at: i64,
    agreed: &[DealTerms],
    first_at: &[i64],
    by_customer: &HashMap<(&str, crate::model::DealKind, &str), Vec<usize>>,
) -> Option<usize> {
    let mw = r.terms.capacity_mw?;
    let ks: Vec<usize> = by_customer
        .get(&(r.ticker.as_str(), r.kind, r.counterparty.as_str()))?
        .iter()
        .copied()
        .filter(|&k| first_at[k] <= at)
        .collect();
    let sized: Vec<(usize, f64)> = ks
        .iter()
        .filter_map(|&k| agreed[k].capacity_mw.map(|m| (k, m)))
        .collect();
    if sized.len() < 2 {
        return None;
    }
    let total: f64 = sized.iter().map(|&(_, m)| m).sum();
    let tolerance = |x: f64| EXACT_MW.max(EXACT_SHARE * x);
    // (or the other way round: a deal stored with the pair's total, "expanded its contract to
    // 360MW", and `r` stating the expansion's own size, 160 MW beside an earlier 200 MW: the deal
    // whose capacity is `r`'s and the others' added up is the one `r` tells)
    let told = if (total - mw).abs() <= tolerance(total) {
        ks.iter().copied().max_by_key(|&k| first_at[k])
    } else {
        sized
            .iter()
            .find(|&&(_, m)| (m - (mw + total - m)).abs() <= tolerance(m))
            .map(|&(k, _)| k)
    }?;
    if let Some(v) = r.terms.value_usd {
        let values: Vec<f64> = ks.iter().filter_map(|&k| agreed[k].value_usd).collect();
        let sum: f64 = values.iter().sum();
        let one = values.iter().any(|&x| near(x, v, EXACT_SHARE));
        if !one && v > sum * (1.0 + EXACT_SHARE) {
            return None;
        }
    }
    Some(told)
}

/// Two site names that may be one site misnamed: two words or more each, the same first word,
/// no number in either ("barber creek" and "barber lake"; not "polaris forge 1" and "polaris
/// forge 2").
fn misnamed_site(a: &str, b: &str) -> bool {
    let words = |s: &str| s.split_whitespace().count();
    let numbered = |s: &str| s.bytes().any(|c| c.is_ascii_digit());
    words(a) >= 2
        && words(b) >= 2
        && a.split_whitespace().next() == b.split_whitespace().next()
        && !numbered(a)
        && !numbered(b)
}

/// The companies a report names as its tenant's guarantor or end user.
fn backers_of(r: &Report) -> impl Iterator<Item = &str> {
    r.parties
        .iter()
        .filter(|p| matches!(p.role, PartyRole::Guarantor | PartyRole::EndUser))
        .map(|p| p.name.as_str())
}

/// Group reports into clusters (indexes into `reports`), each ordered by time; clusters ordered by
/// their first report.
pub fn cluster(reports: &[Report]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by_key(|&i| (reports[i].at, reports[i].document_id));
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    // each cluster's consensus terms, kept up to date as reports join
    let mut agreed: Vec<DealTerms> = Vec::new();
    // the clusters of each company and kind, in the order they were made: a report is compared
    // with its company's deals only (comparing each with every deal made clustering quadratic in
    // the whole archive)
    let mut by_company: HashMap<(&str, crate::model::DealKind), Vec<usize>> = HashMap::new();
    // what each cluster's reports name, so that a report is set against a deal without going
    // through its reports one by one: the counterparties, the other parties, the sets of sites
    let mut named: Vec<HashSet<&str>> = Vec::new();
    let mut party_names: Vec<HashSet<&str>> = Vec::new();
    let mut site_sets: Vec<Vec<&[String]>> = Vec::new();
    // whether a cluster holds an expansion (its own reports may call it one)
    let mut has_expansion: Vec<bool> = Vec::new();
    // the clusters of each company and kind that a counterparty's reports name
    let mut by_customer: HashMap<(&str, crate::model::DealKind, &str), Vec<usize>> = HashMap::new();
    // each cluster's first time, in microseconds
    let mut first_at: Vec<i64> = Vec::new();
    let window = Duration::days(WINDOW_DAYS)
        .num_microseconds()
        .unwrap_or(i64::MAX);
    let mut candidates: Vec<usize> = Vec::new();
    for i in order {
        let r = &reports[i];
        let at = r.at.timestamp_micros();
        // the compatible clusters, with how much each agrees
        // (and whether the report names a site none of the cluster's reports names: the same
        // day's reports join across a site's name, which then ties no later report)
        let mut best: Option<(usize, usize, DateTime<Utc>, bool)> = None;
        let same_company = by_company
            .get(&(r.ticker.as_str(), r.kind))
            .map_or(&[][..], Vec::as_slice);
        let r_undisclosed = r.counterparty == "undisclosed";
        // the clusters that may take the report: those begun within the window (the last ones
        // made, as reports come in time order), and before it those naming its customer or an
        // undisclosed one; every cluster of the company for an undisclosed customer
        candidates.clear();
        if r_undisclosed {
            candidates.extend_from_slice(same_company);
        } else {
            let recent = same_company.partition_point(|&k| at - first_at[k] > window);
            candidates.extend_from_slice(&same_company[recent..]);
            for cp in [r.counterparty.as_str(), "undisclosed"] {
                if let Some(ks) = by_customer.get(&(r.ticker.as_str(), r.kind, cp)) {
                    candidates.extend(ks.iter().filter(|&&k| at - first_at[k] > window));
                }
            }
            // a report stating all three terms: its company's deals of the last two months too,
            // whoever they name (see `all_three_later`)
            if stated(&r.terms) == 3 {
                let recent = same_company
                    .partition_point(|&k| at - first_at[k] > BARE_RETOLD_DAYS * DAY_MICROS);
                candidates.extend_from_slice(&same_company[recent..]);
            }
            candidates.sort_unstable();
            candidates.dedup();
        }
        for &k in &candidates {
            let c = &clusters[k];
            let within = at - first_at[k] <= window;
            let one_day = at - first_at[k] <= DAY_MICROS;
            // a report of the deal's customer; one naming its customer or either undisclosed
            let has_cp = named[k].contains(r.counterparty.as_str());
            let named_same = has_cp || r_undisclosed || named[k].contains("undisclosed");
            // after the window, only a report naming one of the deal's customers (or either
            // undisclosed) can join it: every rule below that reaches past the window asks that
            // the cluster's terms as most of its reports state them, against this report's
            let g = agreement(&agreed[k], &r.terms);
            // after the window and within two months, a report stating the deal's value, MW
            // and term, each to the tolerance that ties reports across months, that calls
            // itself neither new nor an expansion: that deal told again, whoever it names (a
            // market piece two weeks on naming the lab the campus serves instead of the
            // tenant); two agreements of one company matching in all three are told apart by
            // their sites or by being called new, which still split them below
            let all_three_later = !within
                && at - first_at[k] <= BARE_RETOLD_DAYS * DAY_MICROS
                && g.agree == 3
                && g.value_exact
                && g.capacity_exact
                && !r.new_agreement
                && r.deal_type != DealType::Expansion;
            if !within && !named_same && !all_three_later {
                continue;
            }
            let near_dup = within
                && c.iter()
                    .any(|&j| similarity(&reports[j].shingles, &r.shingles) >= NEAR_DUPLICATE);
            // a report naming the deal's customer that calls its agreement not new
            let named_not_new = has_cp && !r_undisclosed && !r.new_agreement;
            // ... nor an expansion: what a retelling of the deal is, whatever it states
            let plain_retelling = named_not_new && r.deal_type != DealType::Expansion;
            // ... nor an expansion unless the deal is one: the deal told again, or its expansion
            let same_kind =
                named_not_new && (r.deal_type != DealType::Expansion || has_expansion[k]);
            // `same_counterparty` with any of the cluster's reports
            let party = named_same
                || party_names[k].contains(r.counterparty.as_str())
                || r.parties.iter().any(|p| named[k].contains(p.name.as_str()));
            // within the window a misread term does not split reports that agree on a value or a
            // capacity as much; later, nothing may disagree
            // (not an expansion the release calls new: "CoreWeave has now committed to all the
            // power" is the quarter's latest option, not the one stored months before)
            // (nor an expansion of another size than the deal and than any expansion its reports
            // tell: "CoreWeave subsequently exercised an option for an additional 150MW" in the
            // results that recall its 250 MW leases is the quarter's new agreement, whatever
            // value it restates, though an outlet called those leases an expansion)
            let recap_of = r.recap
                && !r_undisclosed
                && has_cp
                && !(r.new_agreement && r.deal_type == DealType::Expansion)
                && !(r.deal_type == DealType::Expansion
                    && g.capacity_conflict
                    && !c.iter().any(|&j| {
                        reports[j].deal_type == DealType::Expansion
                            && agreement(&reports[j].terms, &r.terms).capacity_exact
                    }));
            // the same named customer and the same value within days: a misread MW or term
            // (another deal's, a campus total) does not make it another agreement
            let same_value = within && g.value_exact && !r_undisclosed && has_cp;
            // the same value to the dollar and another term agreeing, nothing disagreeing, within
            // days: one agreement whoever each report names (the tenant, its end user, a name
            // misread from elsewhere in the text)
            let same_terms = within && g.value_exact && g.agree >= 2 && g.conflict == 0;
            // at any age, a report naming the deal's customer with its value to the dollar and
            // another term agreeing, nothing disagreeing, is that deal told again, even where it
            // calls it an expansion or new (an expansion's own terms are not the first lease's)
            let same_terms_later = !within
                && has_cp
                && !r_undisclosed
                && g.value_exact
                && g.agree >= 2
                && g.conflict == 0;
            // after the window, a report naming a stored deal's customer that states no new
            // agreement (an expansion) is that deal told again, whatever totals it restates
            // (within the window, a story about an undisclosed customer's lease restating it with
            // running totals is that lease too)
            let retold = (!within && !r_undisclosed || within && r_undisclosed)
                && r.deal_type != DealType::Expansion
                && !r.new_agreement
                && has_cp
                && (r.terms.value_usd.is_some() || r.terms.capacity_mw.is_some())
                // a deal known by two terms at least, so that "none below" says something
                && stated(&agreed[k]) >= 2
                && !smaller(&r.terms, &agreed[k])
                // and no term of years the deal does not know ("a 25-year hosting contract"
                // months after a deal known by its value and MW is another agreement's; a
                // retelling restates figures and running totals, not a term the deal lacked)
                && (r.terms.term_years.is_none() || agreed[k].term_years.is_some());
            // the same named customer within two days, one term agreeing and at most one
            // misread (a guarantee's amount read as the value): that day's agreement told again
            // (against any one report: the consensus of two may be the misread one)
            let same_days = at - first_at[k] <= 2 * DAY_MICROS
                && named_not_new
                // (the same day, a type never splits: an option exercised told beside the lease)
                && (r.deal_type != DealType::Expansion || one_day)
                && (std::iter::once(g)
                    .chain(c.iter().map(|&j| agreement(&reports[j].terms, &r.terms)))
                    .any(|g| g.agree >= 1 && g.conflict <= 1)
                    // (a report stating one term only, and that one misread: a campus's 500 MW
                    // beside the lease's 168 MW the same day)
                    || stated(&r.terms) == 1);
            // the same value of a billion dollars or more, to the dollar, within two days and
            // nothing disagreeing: one agreement whoever the report names ("Hut 8 and Anthropic
            // ink $7B partnership" beside "Hut 8's $7B lease with Fluidstack")
            let same_big_value = at - first_at[k] <= 2 * DAY_MICROS
                && g.value_exact
                && g.conflict == 0
                && r.terms.value_usd.is_some_and(|v| v >= 1e9);
            // the same capacity and term within two days, both stated and nothing disagreeing: one
            // agreement whoever the report names (the end user in "Hut 8 announced a data center
            // complex in partnership with Anthropic … 245 MW … 15 years" beside the tenant's lease)
            let same_size_and_term = at - first_at[k] <= 2 * DAY_MICROS
                && g.capacity_exact
                && r.terms.term_years.is_some()
                && g.agree >= 2
                && g.conflict == 0
                && !r.new_agreement;
            // a deal stored with no term at all (a headline's "agreement with AMD") and a report
            // naming the same customer within a month that states no new agreement: the terms
            // of that deal, told later (nothing can disagree, and nothing else tells them apart)
            // (an expansion stored with no term, and an expansion of the same customer told with
            // its terms within the month: "CoreWeave has now committed to all the power" in an
            // earnings story, then its 800 MW in the 8-K ten days later)
            // (and a deal stored with one term only, that the report states alike with nothing
            // disagreeing: "signed a 15-year lease with CoreWeave" beside results, then the
            // local story of the same lease, 15 years and 133 MW, weeks on)
            let terms_later = at - first_at[k] <= 30 * DAY_MICROS
                && same_kind
                && (stated(&agreed[k]) == 0
                    || stated(&agreed[k]) == 1 && g.agree == 1 && g.conflict == 0);
            // a new site is a new agreement, whatever terms it shares (another named site than
            // any of the cluster's reports names)
            // an expansion told days after a deal's first report, of a deal that is no expansion
            // itself ("Fluidstack exercises its option for a further building" four days after
            // the first leases): a new agreement, joining only on an agreeing value or capacity
            // (the same day or the next, outlets merely disagree on the type)
            let later_expansion = r.deal_type == DealType::Expansion
                && at - first_at[k] >= 2 * DAY_MICROS
                && !has_expansion[k]
                && !g.size_agrees;
            // the same day as a deal's first report, a report stating no term at all that calls
            // itself no new agreement, whoever it names: that day's announcement, whatever type or
            // site it reads (the end user named instead of the tenant, the parish instead of the
            // campus)
            let bare_same_day = one_day && stated(&r.terms) == 0 && !r.new_agreement;
            // after the window and within two months, a report naming a stored deal's customer
            // that states no term at all and is no expansion nor called new: nothing tells it from
            // that deal told again (a research note, a local story, a partner's release weeks
            // later); later than that, a customer coming back (a headline "forms JV with
            // Fluidstack") is likelier than a retelling without a figure
            // (or at any age, when the report tells it deep inside a story about something
            // else: an explainer retelling a site's history a year on)
            let bare_retold = !within
                && (at - first_at[k] <= BARE_RETOLD_DAYS * DAY_MICROS || r.deep)
                && plain_retelling
                && stated(&r.terms) == 0;
            // after the window and within two months, a report naming no customer and stating no
            // term that names the deal's guarantor or end user ("Google has taken a 14% stake and
            // agreed to guarantee over $3b in lease obligations", in a newsletter weeks on): that
            // deal told again by its backer
            let backer_retold = !within
                && at - first_at[k] <= BARE_RETOLD_DAYS * DAY_MICROS
                && r_undisclosed
                && stated(&r.terms) == 0
                && !r.new_agreement
                && r.deal_type != DealType::Expansion
                && r.parties
                    .iter()
                    .any(|p| party_names[k].contains(p.name.as_str()));
            // the same day as the latest report of a deal told over days (an earnings story, then
            // the coverage of its 8-K ten days on), a report of its customer that agrees on a term
            // with one of that day's reports and disagrees on at most one: that day's coverage
            // of the deal (an option's 133 MW beside the 800 MW it brings the total to)
            let with_latest = !one_day
                && same_kind
                // (a cluster's reports are in time order: only its last day's are read)
                && c.iter()
                    .rev()
                    .take_while(|&&j| at - reports[j].at.timestamp_micros() <= DAY_MICROS)
                    .any(|&j| {
                        let g = agreement(&reports[j].terms, &r.terms);
                        g.agree >= 1 && g.conflict <= 1
                    });
            // (within the window, a site named differently with every stated term agreeing is the
            // same site misnamed when the two names share their first word and carry no number:
            // "Barber Creek" for Barber Lake in an explainer; "Polaris Forge 2" is another site)
            let misnamed_ok = within && g.agree >= 2 && g.conflict == 0;
            let elsewhere = !r.sites.is_empty()
                && site_sets[k].iter().any(|set| {
                    !set.iter().any(|s| {
                        r.sites
                            .iter()
                            .any(|x| x == s || misnamed_ok && misnamed_site(x, s))
                    })
                });
            // within two days of a deal's first report, a report naming as its customer the
            // company that backs the deal's tenant or that the tenant serves, agreeing on a term
            // and calling itself neither new nor an expansion: that deal, by an outlet that took
            // the backer for the tenant (the company that backstops a 10-year lease said to have
            // signed a 10-year contract with the miner itself, the day after the lease to the
            // tenant it backs, with another outlet's MW)
            let backer_as_customer = at - first_at[k] <= 2 * DAY_MICROS
                && !r.new_agreement
                && r.deal_type != DealType::Expansion
                && g.agree >= 1
                && c.iter()
                    .any(|&j| backers_of(&reports[j]).any(|b| b == r.counterparty));
            let joins = near_dup
                // (the same day, a named site never splits either)
                || one_day && same_days
                || bare_same_day
                || !elsewhere
                    && !later_expansion
                    && (recap_of
                        || all_three_later
                        || retold
                        || same_value
                        || same_terms
                        || same_terms_later
                        || same_days
                        || same_big_value
                        || same_size_and_term
                        || terms_later
                        || bare_retold
                        || backer_retold
                        || backer_as_customer
                        || with_latest
                        || party
                            && (within
                                && (g.conflict == 0 || g.size_agrees && g.agree >= g.conflict)
                                || g.conflict == 0
                                    && g.size_exact
                                    && named_same
                                    // (an expansion's exact size, told again, is that expansion)
                                    && (r.deal_type != DealType::Expansion || has_expansion[k])));
            if !joins {
                continue;
            }
            let agree = g.agree;
            let last = reports[*c.last().expect("a cluster has a report")].at;
            if best.is_none_or(|(_, a, t, _)| (agree, last) > (a, t)) {
                best = Some((k, agree, last, elsewhere));
            }
        }
        // a report matching no deal, naming a customer with whom the company has two deals or
        // more, stating their capacities added up ("Surges 13% on its 400MW lease with CoreWeave"
        // months after leases of 250 MW and 150 MW; "an expansion deal with CoreWeave for 393
        // MW" a week after a 260 MW expansion of a 133 MW lease), no value past theirs added up
        // and no new agreement: those deals' running total told again, which joins the latest
        // (a report calling it new joins too when its value is the told deal's own: "Surges 13%
        // on Landmark CoreWeave Lease Expansion", $11 billion and 400 MW, weeks after the
        // expansion that brought the pair to $11 billion)
        if best.is_none() && !r_undisclosed {
            best = running_total(r, at, &agreed, &first_at, &by_customer)
                .filter(|&k| {
                    !r.new_agreement
                        || r.terms.value_usd.is_some_and(|v| {
                            agreed[k].value_usd.is_some_and(|x| near(x, v, EXACT_SHARE))
                        })
                })
                .map(|k| (k, 0, r.at, false));
        }
        match best {
            Some((k, _, _, elsewhere)) => {
                clusters[k].push(i);
                agreed[k] = consensus(clusters[k].iter().map(|&j| &reports[j].terms));
                if named[k].insert(r.counterparty.as_str()) {
                    by_customer
                        .entry((r.ticker.as_str(), r.kind, r.counterparty.as_str()))
                        .or_default()
                        .push(k);
                }
                party_names[k].extend(r.parties.iter().map(|p| p.name.as_str()));
                has_expansion[k] |= r.deal_type == DealType::Expansion;
                if !elsewhere && !r.sites.is_empty() && !site_sets[k].contains(&r.sites.as_slice())
                {
                    site_sets[k].push(&r.sites);
                }
            }
            None => {
                by_company
                    .entry((r.ticker.as_str(), r.kind))
                    .or_default()
                    .push(clusters.len());
                by_customer
                    .entry((r.ticker.as_str(), r.kind, r.counterparty.as_str()))
                    .or_default()
                    .push(clusters.len());
                first_at.push(at);
                clusters.push(vec![i]);
                agreed.push(r.terms);
                named.push(HashSet::from([r.counterparty.as_str()]));
                party_names.push(r.parties.iter().map(|p| p.name.as_str()).collect());
                has_expansion.push(r.deal_type == DealType::Expansion);
                site_sets.push(if r.sites.is_empty() {
                    vec![]
                } else {
                    vec![&r.sites]
                });
            }
        }
    }
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(id: i64, at: &str, ticker: &str, cp: &str, ty: &str, text: &str) -> Report {
        Report {
            document_id: id,
            at: DateTime::parse_from_rfc3339(at)
                .unwrap()
                .with_timezone(&Utc),
            ticker: ticker.into(),
            kind: crate::model::DealKind::Deal,
            counterparty: cp.into(),
            deal_type: crate::model::DealType::parse(ty).unwrap(),
            terms: DealTerms::default(),
            parties: Vec::new(),
            recap: false,
            shingles: shingles(text),
            new_agreement: says_new_agreement(text),
            sites: sites(text),
            deep: false,
        }
    }

    #[test]
    fn a_sites_number_written_out_is_the_same_site() {
        assert_eq!(
            sites("a third building at its Polaris Forge One campus"),
            vec!["polaris forge 1".to_string()]
        );
        assert_eq!(
            sites("150 MW at the Polaris Forge 1 campus"),
            vec!["polaris forge 1".to_string()]
        );
        // (a number that is the whole name stays a word)
        assert_eq!(sites("the One campus"), vec!["one".to_string()]);
    }

    #[test]
    fn the_same_value_and_term_within_days_is_one_deal_whoever_is_named() {
        let t = DealTerms {
            value_usd: Some(7e9),
            term_years: Some(15.0),
            ..DealTerms::default()
        };
        let mut a = r(
            1,
            "2025-12-17T12:00:00Z",
            "HUT",
            "Anthropic",
            "colocation",
            "Hut 8 lease for Anthropic",
        );
        let mut b = r(
            2,
            "2025-12-18T12:00:00Z",
            "HUT",
            "Fluidstack",
            "hosting",
            "Hut 8 signs with Fluidstack",
        );
        a.terms = t;
        b.terms = t;
        assert_eq!(cluster(&[a.clone(), b.clone()]), vec![vec![0, 1]]);
        // a value of a billion or more alone is enough within two days; a smaller one, or three
        // days apart, is not, nor is the same pair of terms weeks apart
        b.terms.term_years = None;
        assert_eq!(cluster(&[a.clone(), b.clone()]), vec![vec![0, 1]]);
        let mut later = b.clone();
        later.at = a.at + Duration::days(3);
        assert_eq!(cluster(&[a.clone(), later]).len(), 2);
        let (mut small_a, mut small_b) = (a.clone(), b.clone());
        small_a.terms.value_usd = Some(7e8);
        small_b.terms.value_usd = Some(7e8);
        assert_eq!(cluster(&[small_a, small_b]).len(), 2);
        // the same capacity and term within two days, the end user named: one agreement
        let (mut tenant, mut end_user) = (a.clone(), b.clone());
        tenant.counterparty = "Fluidstack".into();
        tenant.terms = DealTerms {
            value_usd: Some(7e9),
            capacity_mw: Some(245.0),
            term_years: Some(15.0),
            ..DealTerms::default()
        };
        end_user.counterparty = "Anthropic".into();
        end_user.terms = DealTerms {
            capacity_mw: Some(245.0),
            term_years: Some(15.0),
            ..DealTerms::default()
        };
        assert_eq!(
            cluster(&[tenant.clone(), end_user.clone()]),
            vec![vec![0, 1]]
        );
        // ... not with the capacity alone, nor three days apart
        end_user.terms.term_years = None;
        assert_eq!(cluster(&[tenant.clone(), end_user.clone()]).len(), 2);
        end_user.terms.term_years = Some(15.0);
        end_user.at = tenant.at + Duration::days(3);
        assert_eq!(cluster(&[tenant, end_user]).len(), 2);
        b.terms = t;
        b.at = a.at + Duration::days(30);
        assert_eq!(cluster(&[a, b]).len(), 2);
    }

    #[test]
    fn all_three_terms_told_again_within_two_months_are_that_deal_whoever_is_named() {
        let t = terms(Some(4.2e9), Some(180.0), Some(12.0));
        let mut first = r(
            1,
            "2026-03-02T12:00:00Z",
            "CIFR",
            "Anthropic",
            "colocation",
            "Cipher lease for Anthropic",
        );
        first.terms = t;
        let mut again = r(
            2,
            "2026-03-16T12:00:00Z",
            "CIFR",
            "Fluidstack",
            "hosting",
            "Cipher shares rose after its lease with Fluidstack",
        );
        again.terms = t;
        assert_eq!(cluster(&[first.clone(), again.clone()]), vec![vec![0, 1]]);
        // two of the three are not enough past the window
        let mut two = again.clone();
        two.terms.capacity_mw = None;
        assert_eq!(cluster(&[first.clone(), two]).len(), 2);
        // nor is another capacity, a report calling its agreement new, or one past two months
        let mut other_mw = again.clone();
        other_mw.terms.capacity_mw = Some(190.0);
        assert_eq!(cluster(&[first.clone(), other_mw]).len(), 2);
        let mut called_new = again.clone();
        called_new.new_agreement = true;
        assert_eq!(cluster(&[first.clone(), called_new]).len(), 2);
        let mut late = again;
        late.at = first.at + Duration::days(61);
        assert_eq!(cluster(&[first, late]).len(), 2);
    }

    #[test]
    fn the_same_customer_within_two_days_is_one_deal_despite_one_misread_term() {
        // a stake story reads the guarantee ($1.4B) as the value; the term agrees
        let mut a = r(
            1,
            "2025-09-25T09:00:00Z",
            "CIFR",
            "Fluidstack",
            "hosting",
            "Cipher signs ten-year hosting agreement with Fluidstack",
        );
        let mut b = r(
            2,
            "2025-09-25T15:00:00Z",
            "CIFR",
            "Fluidstack",
            "hosting",
            "Google takes a stake in Cipher as part of Fluidstack deal",
        );
        a.terms = DealTerms {
            value_usd: Some(3e9),
            capacity_mw: Some(168.0),
            term_years: Some(10.0),
            ..DealTerms::default()
        };
        b.terms = DealTerms {
            value_usd: Some(1.4e9),
            term_years: Some(10.0),
            ..DealTerms::default()
        };
        assert_eq!(cluster(&[a.clone(), b.clone()]), vec![vec![0, 1]]);
        // two terms disagreeing, or three days on: another agreement
        let mut c = b.clone();
        c.terms.term_years = Some(5.0);
        assert_eq!(cluster(&[a.clone(), c]).len(), 2);
        // a report stating one term only, and that one misread (the guarantee, or a campus's
        // 500 MW): the same day's agreement
        let mut c = b.clone();
        c.terms.term_years = None;
        assert_eq!(cluster(&[a.clone(), c]).len(), 1);
        let mut c = b.clone();
        c.terms = DealTerms {
            capacity_mw: Some(500.0),
            ..DealTerms::default()
        };
        assert_eq!(cluster(&[a.clone(), c.clone()]).len(), 1);
        // (unless it says it is a new agreement)
        c.new_agreement = true;
        assert_eq!(cluster(&[a.clone(), c]).len(), 2);
        b.at = a.at + Duration::days(3);
        assert_eq!(cluster(&[a, b]).len(), 2);
    }

    #[test]
    fn the_same_day_joins_across_a_type_a_site_and_the_name_of_the_end_user() {
        let mut a = r(
            1,
            "2025-12-17T12:00:00Z",
            "HUT",
            "Fluidstack",
            "colocation",
            "Hut 8 signs lease at its River Bend campus",
        );
        a.terms = terms(Some(7e9), Some(245.0), Some(15.0));
        // the same morning: an option-exercise reading with a substation's MW ...
        let mut b = r(
            2,
            "2025-12-17T15:00:00Z",
            "HUT",
            "Fluidstack",
            "expansion",
            "Fluidstack takes more power at the River Bend campus",
        );
        b.terms = terms(None, Some(330.0), Some(15.0));
        // ... a local story naming the parish's data center instead of the campus ...
        let mut c = r(
            3,
            "2025-12-17T18:00:00Z",
            "HUT",
            "Fluidstack",
            "colocation",
            "AI company coming to the West Feliciana data center",
        );
        c.terms = terms(Some(7e9), Some(330.0), Some(15.0));
        // ... and a brief naming the end user, with no term
        let d = r(
            4,
            "2025-12-17T20:00:00Z",
            "HUT",
            "Anthropic",
            "colocation",
            "Hut 8 signs deal with Anthropic",
        );
        // two days on, a report naming the campus still joins: the parish's name, joined across
        // the same day, ties no later report
        let mut e = r(
            5,
            "2025-12-19T12:00:00Z",
            "HUT",
            "Fluidstack",
            "colocation",
            "Hut 8 shares rise on the lease at its River Bend campus",
        );
        e.terms = a.terms;
        assert_eq!(e.sites, ["river bend"]);
        let all = [a.clone(), b.clone(), c.clone(), d.clone(), e];
        assert_eq!(cluster(&all), vec![vec![0, 1, 2, 3, 4]]);
        // days later, each of them is another agreement
        for (mut x, days) in [(b, 2), (c, 3), (d, 2)] {
            x.at = a.at + Duration::days(days);
            assert_eq!(cluster(&[a.clone(), x]).len(), 2);
        }
    }

    #[test]
    fn a_report_of_the_customer_stating_no_term_weeks_later_is_the_deal_told_again() {
        let mut a = r(
            1,
            "2024-06-04T12:00:00Z",
            "CORZ",
            "CoreWeave",
            "colocation",
            "Core Scientific signs 12-year CoreWeave hosting contracts",
        );
        a.terms = terms(Some(3.5e9), Some(200.0), Some(12.0));
        let b = r(
            2,
            "2024-06-20T12:00:00Z",
            "CORZ",
            "CoreWeave",
            "hosting",
            "a research note on miners recalls the CoreWeave hosting partnership",
        );
        assert_eq!(cluster(&[a.clone(), b.clone()]).len(), 1);
        let mut x = b.clone();
        x.at = a.at + Duration::days(59);
        assert_eq!(cluster(&[a.clone(), x]).len(), 1);
        // an expansion, an agreement called new, another customer, or two months on: another
        let mut x = b.clone();
        x.deal_type = DealType::Expansion;
        assert_eq!(cluster(&[a.clone(), x]).len(), 2);
        let mut x = b.clone();
        x.new_agreement = true;
        assert_eq!(cluster(&[a.clone(), x]).len(), 2);
        let mut x = b.clone();
        x.counterparty = "Microsoft".into();
        assert_eq!(cluster(&[a.clone(), x]).len(), 2);
        let mut x = b;
        x.at = a.at + Duration::days(61);
        assert_eq!(cluster(&[a.clone(), x.clone()]).len(), 2);
        // ... unless the report tells it deep inside a story about something else, at any age
        x.at = a.at + Duration::days(400);
        x.deep = true;
        assert_eq!(cluster(&[a, x]).len(), 1);
    }

    #[test]
    fn an_agreement_is_told_deep_past_a_thousand_characters_or_in_the_body() {
        let evidence = "Galaxy rented the site to CoreWeave under long-term agreements.";
        assert!(!told_deep(
            "Galaxy rents its site to CoreWeave",
            "",
            "Galaxy rents its site to CoreWeave"
        ));
        let near = format!("Some history first. {evidence}");
        assert!(!told_deep("A history of the site", &near, evidence));
        let far = format!("{} {evidence}", "Words of the story. ".repeat(60));
        assert!(told_deep("A history of the site", &far, evidence));
        // not in the headline nor the lead: in the body
        assert!(told_deep(
            "A history of the site",
            "Some history first.",
            evidence
        ));
    }

    #[test]
    fn an_expansion_told_again_with_its_exact_size_is_that_expansion() {
        let mut a = r(
            1,
            "2025-07-31T12:00:00Z",
            "APLD",
            "CoreWeave",
            "expansion",
            "CoreWeave exercises its option for 150 MW more",
        );
        a.terms = terms(None, Some(150.0), Some(15.0));
        let mut b = r(
            2,
            "2025-10-10T12:00:00Z",
            "APLD",
            "CoreWeave",
            "expansion",
            "Applied Digital also extended its CoreWeave lease",
        );
        b.terms = a.terms;
        assert_eq!(cluster(&[a.clone(), b.clone()]).len(), 1);
        // the first lease is no expansion: a later expansion of its size is another agreement
        a.deal_type = DealType::Colocation;
        assert_eq!(cluster(&[a, b]).len(), 2);
    }

    #[test]
    fn an_expansion_an_earnings_story_tells_without_terms_takes_its_terms_from_the_filing_days_later()
     {
        // the results story: the customer has now committed to all the site's power
        let mut first = r(
            1,
            "2025-08-05T12:00:00Z",
            "GLXY",
            "CoreWeave",
            "expansion",
            "CoreWeave has now committed to using all the power approved at the Helios campus",
        );
        first.recap = true;
        // ten days on, past the window, the 8-K's coverage with the option's size and term
        let mut filing = r(
            2,
            "2025-08-15T12:00:00Z",
            "GLXY",
            "CoreWeave",
            "expansion",
            "CoreWeave expanded its commitment to 800 megawatts at Helios",
        );
        filing.terms = terms(None, Some(800.0), Some(15.0));
        // the same day, another outlet reads the final option's 133 MW instead of the total
        let mut option = r(
            3,
            "2025-08-15T18:00:00Z",
            "GLXY",
            "CoreWeave",
            "expansion",
            "CoreWeave exercised a final option to secure 133 MW at Helios",
        );
        option.terms = terms(None, Some(133.0), Some(15.0));
        assert_eq!(
            cluster(&[first.clone(), filing.clone(), option.clone()]),
            vec![vec![0, 1, 2]]
        );
        // a first report that is no expansion keeps a later expansion apart (same_kind:
        // an expansion joins only a deal that is one)
        let mut lease = first.clone();
        lease.deal_type = DealType::Colocation;
        lease.new_agreement = false;
        assert_eq!(cluster(&[lease, filing.clone()]).len(), 2);
        // an expansion the release calls new ("has now committed") is not the expansion stored
        // months before, which a plain results recap of the customer would join
        let mut may = r(
            4,
            "2025-05-13T12:00:00Z",
            "GLXY",
            "CoreWeave",
            "expansion",
            "CoreWeave increased its capacity at Galaxy's Helios campus",
        );
        may.terms = terms(Some(4.5e9), Some(260.0), Some(15.0));
        assert!(first.new_agreement);
        assert_eq!(cluster(&[may.clone(), first.clone()]).len(), 2);
        let mut plain = first.clone();
        plain.new_agreement = false;
        assert_eq!(cluster(&[may, plain]).len(), 1);
    }

    #[test]
    fn a_report_the_same_day_as_a_deals_latest_report_and_agreeing_with_it_is_that_coverage() {
        // a deal first reported weeks ago and told again this morning (its value and term)
        let mut first = r(
            1,
            "2025-08-14T12:00:00Z",
            "WULF",
            "Fluidstack",
            "hosting",
            "TeraWulf signs ten-year hosting agreements with Fluidstack",
        );
        first.terms = terms(Some(3.7e9), Some(200.0), Some(10.0));
        let mut again = r(
            2,
            "2025-09-20T09:00:00Z",
            "WULF",
            "Fluidstack",
            "hosting",
            "Google raises its backing of the Fluidstack leases",
        );
        again.terms = terms(Some(3.7e9), Some(200.0), Some(10.0));
        // the same afternoon, a retelling that reads the backing ($3.2B) as the value and
        // agrees on the term
        let mut misread = r(
            3,
            "2025-09-20T17:00:00Z",
            "WULF",
            "Fluidstack",
            "hosting",
            "Google backs a $3.2 billion deal for TeraWulf's hosting with Fluidstack",
        );
        misread.terms = terms(Some(3.2e9), None, Some(10.0));
        assert_eq!(
            cluster(&[first.clone(), again.clone(), misread.clone()]),
            vec![vec![0, 1, 2]]
        );
        // two days after the latest report it is another agreement (nothing else ties it)
        let mut later = misread.clone();
        later.at = again.at + Duration::days(2);
        assert_eq!(cluster(&[first.clone(), again.clone(), later]).len(), 2);
        // nor does it join when it disagrees on two terms
        let mut other = misread.clone();
        other.terms = terms(Some(3.2e9), Some(160.0), Some(5.0));
        assert_eq!(cluster(&[first, again, other]).len(), 2);
    }

    #[test]
    fn the_most_agreed_value_is_counted_as_the_pairwise_definition_counts_it() {
        // the pairwise count, as the vote is defined
        let brute = |values: &[f64]| {
            let mut best: Option<(usize, usize)> = None;
            for (i, &v) in values.iter().enumerate() {
                let n = values.iter().filter(|&&w| near(v, w, 0.02)).count();
                if best.is_none_or(|(m, _)| n > m) {
                    best = Some((n, i));
                }
            }
            best.map(|(_, i)| i)
        };
        assert_eq!(most_agreed(&[]), None);
        assert_eq!(most_agreed(&[3.7e9, 6.7e9, 3.7e9, 3.75e9]), Some(0));
        assert_eq!(most_agreed(&[200.0, 160.0, 196.0, 204.0, 160.0]), Some(0));
        // a pseudo-random spread, boundaries included (98 and 100 agree, 97.9 and 100 do not)
        let mut x = 12345u64;
        for _ in 0..200 {
            let vals: Vec<f64> = (0..40)
                .map(|_| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    [98.0, 100.0, 97.9, 102.0, 102.05][(x >> 33) as usize % 5]
                        * (1.0 + ((x >> 40) % 3) as f64)
                })
                .collect();
            assert_eq!(most_agreed(&vals), brute(&vals), "{vals:?}");
        }
        // negative values take the pairwise count
        assert_eq!(most_agreed(&[-1.0, 5.0, 5.05]), Some(1));
    }

    #[test]
    fn sites_are_the_names_before_campus_facility_or_site() {
        // a nationality or a size is no site
        assert!(sites("Aussie data centre operator lands $14.8b AI deal").is_empty());
        assert!(sites("the Australian data center company signed").is_empty());
        assert_eq!(
            sites("Applied Digital signs 15-year lease at its Polaris Forge 3 campus"),
            ["polaris forge 3"]
        );
        assert_eq!(
            sites(
                "two leases at the Lake Mariner facility and the Delta Forge 1 AI data center campus"
            ),
            ["lake mariner", "delta forge 1"]
        );
        assert!(sites("a new data center campus in Texas").is_empty());
        assert!(sites("its AI Factory campus, an Applied Digital data center").is_empty());
        // a data center that qualifies a deal names whose deal it is, not where
        assert_eq!(
            sites("Shares jump on Nscale AI data center deal at the Ridgeway campus"),
            ["ridgeway"]
        );
    }

    #[test]
    fn the_same_terms_at_another_site_are_another_deal() {
        let mut a = r(
            1,
            "2026-04-20T12:00:00Z",
            "APLD",
            "undisclosed",
            "colocation",
            "Applied Digital signs $7.5 billion lease at Delta Forge 1 campus",
        );
        let mut b = r(
            2,
            "2026-05-22T12:00:00Z",
            "APLD",
            "undisclosed",
            "colocation",
            "Applied Digital signs $7.5 billion lease at its Polaris Forge 3 campus",
        );
        let t = DealTerms {
            value_usd: Some(7.5e9),
            capacity_mw: Some(300.0),
            term_years: Some(15.0),
            ..DealTerms::default()
        };
        a.terms = t;
        b.terms = t;
        assert_eq!(cluster(&[a.clone(), b.clone()]), vec![vec![0], vec![1]]);
        // without a site named in one, a later report with the same terms is the same deal
        b.sites.clear();
        assert_eq!(cluster(&[a, b]), vec![vec![0, 1]]);
    }

    #[test]
    fn a_site_misnamed_with_the_same_terms_within_days_is_the_same_deal() {
        let t = DealTerms {
            value_usd: Some(3e9),
            capacity_mw: Some(168.0),
            term_years: Some(10.0),
            ..DealTerms::default()
        };
        let mut a = r(
            1,
            "2025-09-25T12:00:00Z",
            "CIFR",
            "Fluidstack",
            "hosting",
            "Cipher signs a ten-year lease with Fluidstack for its Barber Lake site",
        );
        let mut b = r(
            2,
            "2025-10-01T12:00:00Z",
            "CIFR",
            "undisclosed",
            "hosting",
            "An explainer: Cipher disclosed a ten-year agreement at its Barber Creek site",
        );
        a.terms = t;
        b.terms = t;
        assert_eq!(a.sites, ["barber lake"]);
        assert_eq!(b.sites, ["barber creek"]);
        assert_eq!(cluster(&[a.clone(), b.clone()]), vec![vec![0, 1]]);
        // a term that disagrees keeps the other name another site
        b.terms.capacity_mw = Some(200.0);
        b.terms.value_usd = Some(4e9);
        assert_eq!(cluster(&[a.clone(), b.clone()]), vec![vec![0], vec![1]]);
        // a numbered site is another site, whatever terms it shares
        b.terms = t;
        a.sites = vec!["polaris forge 1".into()];
        b.sites = vec!["polaris forge 2".into()];
        assert_eq!(cluster(&[a, b]), vec![vec![0], vec![1]]);
        assert!(misnamed_site("barber creek", "barber lake"));
        assert!(!misnamed_site("barber", "barber lake"));
        assert!(!misnamed_site("lake mariner", "barber lake"));
    }

    #[test]
    fn reports_of_one_deal_cluster_and_a_later_expansion_is_new() {
        let mut reports = vec![
            r(
                3,
                "2025-08-14T12:00:00Z",
                "WULF",
                "Fluidstack",
                "colocation",
                "TeraWulf signs Fluidstack leases",
            ),
            r(
                1,
                "2025-08-14T11:05:00Z",
                "WULF",
                "Fluidstack",
                "colocation",
                "TeraWulf announces HPC leases",
            ),
            r(
                2,
                "2025-08-15T09:00:00Z",
                "WULF",
                "undisclosed",
                "colocation",
                "miner lands AI tenant",
            ),
            r(
                4,
                "2025-08-18T12:00:00Z",
                "WULF",
                "Fluidstack",
                "expansion",
                "TeraWulf expands Fluidstack lease with CB-5",
            ),
            r(
                5,
                "2025-08-14T12:00:00Z",
                "CIFR",
                "Fluidstack",
                "colocation",
                "Cipher signs Fluidstack lease",
            ),
            r(
                6,
                "2025-10-28T12:00:00Z",
                "WULF",
                "Fluidstack",
                "colocation",
                "TeraWulf forms Abernathy JV with Fluidstack",
            ),
        ];
        // the first leases cover 200 MW; the expansion four days later 160 MW more
        reports[0].terms.capacity_mw = Some(200.0);
        reports[3].terms.capacity_mw = Some(160.0);
        let c = cluster(&reports);
        let ids: Vec<Vec<i64>> = c
            .iter()
            .map(|k| k.iter().map(|&i| reports[i].document_id).collect())
            .collect();
        assert_eq!(ids, vec![vec![1, 3, 2], vec![5], vec![4], vec![6]]);
        // stating no terms, an expansion told four days on is still a new agreement
        reports[3].terms.capacity_mw = None;
        let c = cluster(&reports);
        let ids: Vec<Vec<i64>> = c
            .iter()
            .map(|k| k.iter().map(|&i| reports[i].document_id).collect())
            .collect();
        assert_eq!(ids, vec![vec![1, 3, 2], vec![5], vec![4], vec![6]]);
        // but the next day, a report calling the first leases an expansion is the same deal: a
        // type never splits a deal
        reports[3].at = "2025-08-15T12:00:00Z".parse().unwrap();
        let c = cluster(&reports);
        let ids: Vec<Vec<i64>> = c
            .iter()
            .map(|k| k.iter().map(|&i| reports[i].document_id).collect())
            .collect();
        assert_eq!(ids, vec![vec![1, 3, 2, 4], vec![5], vec![6]]);
    }

    fn terms(value: Option<f64>, mw: Option<f64>, years: Option<f64>) -> DealTerms {
        DealTerms {
            value_usd: value,
            capacity_mw: mw,
            term_years: years,
            ..DealTerms::default()
        }
    }

    #[test]
    fn terms_agree_within_tolerance_and_a_with_options_value_meets_a_base_one() {
        let a = terms(Some(9.8e9), Some(352.0), Some(15.0));
        // $10B is within 10% of $9.8B; 352 MW the same; 20 years is not 15
        let g = agreement(&a, &terms(Some(10e9), Some(352.0), Some(20.0)));
        assert_eq!(
            g,
            Agreement {
                agree: 2,
                conflict: 1,
                size_agrees: true,
                size_exact: true,
                capacity_exact: true,
                value_exact: true,
                capacity_conflict: false
            }
        );
        // 150 MW is not 250 MW
        assert!(agreement(&a, &terms(None, Some(150.0), None)).capacity_conflict);
        // a report giving only the total with options agrees with one giving both
        let b = DealTerms {
            value_with_options_usd: Some(25.1e9),
            ..DealTerms::default()
        };
        let mut c = a;
        c.value_with_options_usd = Some(25.1e9);
        assert_eq!(agreement(&b, &c).agree, 1);
        // a total with options above another report's base value neither agrees nor disagrees
        // (either way round); one below it disagrees
        let base = terms(Some(7e9), None, None);
        let options = DealTerms {
            value_with_options_usd: Some(17.7e9),
            ..DealTerms::default()
        };
        assert_eq!(
            (
                agreement(&base, &options).conflict,
                agreement(&options, &base).conflict,
                agreement(&base, &options).agree
            ),
            (0, 0, 0)
        );
        let below = DealTerms {
            value_with_options_usd: Some(3e9),
            ..DealTerms::default()
        };
        assert_eq!(agreement(&base, &below).conflict, 1);
        // 244 MW gross is 168 MW of critical IT; without the bases they disagree
        let mut gross = terms(None, Some(244.0), None);
        gross.capacity_basis = Some(crate::model::CapacityBasis::Gross);
        let mut it = terms(None, Some(168.0), None);
        it.capacity_basis = Some(crate::model::CapacityBasis::CriticalIt);
        assert_eq!(agreement(&gross, &it).conflict, 0);
        assert_eq!(
            agreement(
                &terms(None, Some(244.0), None),
                &terms(None, Some(168.0), None)
            )
            .conflict,
            1
        );
    }

    #[test]
    fn a_later_report_of_two_deals_capacities_added_up_joins_the_latest() {
        let mut june = r(
            1,
            "2025-06-02T12:00:00Z",
            "APLD",
            "CoreWeave",
            "colocation",
            "a",
        );
        june.terms = terms(Some(7e9), Some(250.0), Some(15.0));
        let mut august = r(
            2,
            "2025-08-28T12:00:00Z",
            "APLD",
            "CoreWeave",
            "expansion",
            "b",
        );
        august.terms = terms(Some(11e9), Some(150.0), Some(15.0));
        // two months on, a price story: "its 400MW lease with CoreWeave, $11B over 15 years"
        let mut total = r(
            3,
            "2025-10-15T12:00:00Z",
            "APLD",
            "CoreWeave",
            "expansion",
            "c",
        );
        total.terms = terms(Some(11e9), Some(400.0), Some(15.0));
        let c = cluster(&[june.clone(), august.clone(), total.clone()]);
        assert_eq!(c, vec![vec![0], vec![1, 2]]);
        // a week after the expansion, a results story stating the pair's total for it
        let mut week = total.clone();
        week.at = "2025-09-04T12:00:00Z".parse().expect("time");
        week.terms = terms(None, Some(400.0), None);
        let c = cluster(&[june.clone(), august.clone(), week]);
        assert_eq!(c, vec![vec![0], vec![1, 2]]);
        // the other way round: the expansion first told by the pair's total (400 MW), then a
        // day later by its own size (150 MW beside June's 250 MW)
        let mut told_total = august.clone();
        told_total.terms = terms(Some(11e9), Some(400.0), Some(15.0));
        let mut own_size = august.clone();
        own_size.at = "2025-08-29T12:00:00Z".parse().expect("time");
        own_size.terms = terms(Some(5e9), Some(150.0), Some(15.0));
        let c = cluster(&[june.clone(), told_total, own_size]);
        assert_eq!(c, vec![vec![0], vec![1, 2]]);
        // a capacity past the total, or a value past both values, is another agreement
        let mut more = total.clone();
        more.terms = terms(Some(11e9), Some(600.0), Some(15.0));
        assert_eq!(cluster(&[june.clone(), august.clone(), more]).len(), 3);
        let mut dearer = total.clone();
        dearer.terms = terms(Some(25e9), Some(400.0), Some(15.0));
        assert_eq!(cluster(&[june.clone(), august.clone(), dearer]).len(), 3);
        // ... and so is one called new, unless its value is the told deal's own
        let mut new = total.clone();
        new.new_agreement = true;
        assert_eq!(
            cluster(&[june.clone(), august.clone(), new.clone()]),
            vec![vec![0], vec![1, 2]]
        );
        new.terms = terms(None, Some(400.0), Some(15.0));
        assert_eq!(cluster(&[june, august, new]).len(), 3);
    }

    #[test]
    fn a_report_naming_only_the_deals_guarantor_weeks_later_is_that_deal() {
        let mut lease = r(
            1,
            "2025-08-14T12:00:00Z",
            "WULF",
            "Fluidstack",
            "colocation",
            "a",
        );
        lease.terms = terms(Some(3.7e9), Some(200.0), Some(10.0));
        lease.parties = vec![Party {
            role: crate::model::PartyRole::Guarantor,
            name: "Google".into(),
        }];
        // six weeks on, a newsletter: Google's stake and guarantee, no tenant, no term
        let mut backer = r(
            2,
            "2025-09-26T12:00:00Z",
            "WULF",
            "undisclosed",
            "colocation",
            "b",
        );
        backer.parties = lease.parties.clone();
        assert_eq!(cluster(&[lease.clone(), backer.clone()]).len(), 1);
        // without the backer named it is not tied to the deal
        let mut bare = backer.clone();
        bare.parties.clear();
        assert_eq!(cluster(&[lease.clone(), bare]).len(), 2);
        // nor three months on
        let mut late = backer;
        late.at = DateTime::parse_from_rfc3339("2025-11-26T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(cluster(&[lease, late]).len(), 2);
    }

    #[test]
    fn a_later_report_joins_a_stored_deal_it_agrees_with_unless_it_is_a_new_agreement() {
        let mut first = r(
            1,
            "2025-06-02T12:00:00Z",
            "APLD",
            "CoreWeave",
            "colocation",
            "a",
        );
        first.terms = terms(Some(7e9), Some(250.0), Some(15.0));
        // three months later, an article retelling the same lease
        let mut later = r(
            2,
            "2025-09-10T12:00:00Z",
            "APLD",
            "CoreWeave",
            "hosting",
            "b",
        );
        later.terms = terms(Some(7e9), None, None);
        assert_eq!(cluster(&[first.clone(), later.clone()]).len(), 1);
        // seven months later, a price story restating the leases as running totals (400 MW and
        // the same $7B) is the same deal; a smaller figure or another term is another agreement
        let mut totals = r(
            9,
            "2026-01-27T12:00:00Z",
            "APLD",
            "CoreWeave",
            "colocation",
            "i",
        );
        totals.terms = terms(Some(7e9), Some(400.0), Some(15.0));
        assert_eq!(cluster(&[first.clone(), totals.clone()]).len(), 1);
        // a deal known by one term only is not retold by a later story with other figures
        let mut thin = first.clone();
        thin.terms = terms(Some(6.7e9), None, None);
        let mut abernathy = totals.clone();
        abernathy.terms = terms(Some(9.5e9), Some(168.0), Some(25.0));
        assert_eq!(cluster(&[thin, abernathy]).len(), 2);
        // a deal known by its value and MW is not retold by a report months later that states
        // a term of years it never had (a joint venture's 25-year hosting commitment)
        let mut known = first.clone();
        known.terms = terms(Some(6.7e9), Some(160.0), None);
        let mut venture = totals.clone();
        venture.terms = terms(None, Some(168.0), Some(25.0));
        assert_eq!(cluster(&[known.clone(), venture.clone()]).len(), 2);
        // (the same report with no term of years is the deal told again, a running total)
        venture.terms = terms(None, Some(168.0), None);
        assert_eq!(cluster(&[known, venture]).len(), 1);
        // ... unless it calls its agreement new or another one
        let mut second = totals.clone();
        second.new_agreement = says_new_agreement("Applied Digital signs a second 15-year lease");
        assert_eq!(cluster(&[first.clone(), second]).len(), 2);
        assert!(says_new_agreement(
            "TeraWulf unterzeichnet einen neuen Mietvertrag"
        ));
        assert!(!says_new_agreement(
            "Applied Digital now has two 15-year leases"
        ));
        assert!(!says_new_agreement(
            "TeraWulf's Lake Mariner site in New York under a 10-year lease"
        ));
        assert!(says_new_agreement(
            "TeraWulf signs new lease at its New York campus"
        ));
        totals.terms = terms(Some(5e9), Some(400.0), Some(15.0));
        assert_eq!(cluster(&[first.clone(), totals.clone()]).len(), 2);
        totals.terms = terms(Some(9.5e9), Some(400.0), Some(25.0));
        assert_eq!(cluster(&[first.clone(), totals]).len(), 2);
        // a day after a lease with an undisclosed customer, a price story restating it with a
        // running total is the same lease
        let mut lease = r(
            10,
            "2026-05-20T12:00:00Z",
            "APLD",
            "undisclosed",
            "colocation",
            "j",
        );
        lease.terms = terms(Some(7.5e9), None, Some(15.0));
        let mut story = r(
            11,
            "2026-05-21T12:00:00Z",
            "APLD",
            "undisclosed",
            "colocation",
            "k",
        );
        story.terms = terms(Some(18.2e9), None, None);
        assert_eq!(cluster(&[lease.clone(), story.clone()]).len(), 1);
        story.terms = terms(Some(2e9), None, None);
        assert_eq!(cluster(&[lease, story]).len(), 2);
        // 240 MW months later is not the 250 MW deal, though within the window it would agree
        let mut other = r(
            8,
            "2025-12-01T12:00:00Z",
            "APLD",
            "CoreWeave",
            "colocation",
            "h",
        );
        other.terms = terms(None, Some(240.0), None);
        assert_eq!(cluster(&[first.clone(), other]).len(), 2);
        // a results recap two months on, stating the lease's 72.5 MW where the first reports
        // rounded it to 70 MW (with a value and a term they never gave), is the same lease
        let mut rounded = r(
            12,
            "2024-12-23T12:00:00Z",
            "WULF",
            "Core42",
            "colocation",
            "n",
        );
        rounded.terms = terms(None, Some(70.0), None);
        let mut recap = r(
            13,
            "2025-02-28T12:00:00Z",
            "WULF",
            "Core42",
            "colocation",
            "o",
        );
        recap.terms = terms(Some(1e9), Some(72.5), Some(10.0));
        assert_eq!(cluster(&[rounded.clone(), recap.clone()]).len(), 1);
        // (4 MW apart is another agreement)
        recap.terms = terms(Some(1e9), Some(74.0), Some(10.0));
        assert_eq!(cluster(&[rounded, recap]).len(), 2);
        // the same counterparty exercising an option for more capacity is a new agreement
        let mut option = r(
            3,
            "2025-08-29T12:00:00Z",
            "APLD",
            "CoreWeave",
            "expansion",
            "c",
        );
        option.terms = terms(None, Some(150.0), Some(15.0));
        assert_eq!(cluster(&[first.clone(), option.clone()]).len(), 2);
        // but a story months later calling it an expansion while it states the first lease's
        // value to the dollar, its MW and term is that lease told again
        let mut recap = option.clone();
        recap.at = chrono::DateTime::parse_from_rfc3339("2025-12-31T12:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        recap.terms = terms(Some(7e9), Some(250.0), Some(15.0));
        assert_eq!(cluster(&[first.clone(), recap]).len(), 1);
        // a later report that states nothing to agree on is a new event
        let bare = r(
            4,
            "2025-09-10T12:00:00Z",
            "APLD",
            "CoreWeave",
            "colocation",
            "d",
        );
        assert_eq!(cluster(&[first.clone(), bare]).len(), 2);
        // a deal stored with no terms takes the terms a report of its customer states within a
        // month (and not later, nor an expansion)
        let headline_only = r(9, "2026-01-16T12:00:00Z", "RIOT", "AMD", "colocation", "m");
        let mut told = r(10, "2026-01-27T12:00:00Z", "RIOT", "AMD", "colocation", "n");
        told.terms = terms(Some(311e6), None, Some(10.0));
        assert_eq!(cluster(&[headline_only.clone(), told.clone()]).len(), 1);
        let mut much_later = told.clone();
        much_later.at = chrono::DateTime::parse_from_rfc3339("2026-04-20T12:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(cluster(&[headline_only.clone(), much_later]).len(), 2);
        let mut more = told.clone();
        more.deal_type = DealType::Expansion;
        assert_eq!(cluster(&[headline_only, more]).len(), 2);
        // the end user named instead of the tenant, within the window, is the same deal
        let mut hut = r(
            5,
            "2025-12-17T12:00:00Z",
            "HUT",
            "Fluidstack",
            "colocation",
            "e",
        );
        hut.parties = vec![Party {
            role: crate::model::PartyRole::EndUser,
            name: "Anthropic".into(),
        }];
        let anthropic = r(
            6,
            "2025-12-18T12:00:00Z",
            "HUT",
            "Anthropic",
            "hosting",
            "f",
        );
        assert_eq!(cluster(&[hut, anthropic]).len(), 1);
    }

    #[test]
    fn the_same_customer_and_value_within_days_is_one_deal_whatever_else_is_misread() {
        let mut a = r(
            1,
            "2025-11-03T12:00:00Z",
            "IREN",
            "Microsoft",
            "gpu_cloud",
            "a",
        );
        a.terms = terms(Some(9.7e9), Some(750.0), Some(5.0));
        // another outlet reads another deal's 200 MW and 15 years from the same story
        let mut b = r(
            2,
            "2025-11-03T15:00:00Z",
            "IREN",
            "Microsoft",
            "gpu_cloud",
            "b",
        );
        b.terms = terms(Some(9.7e9), Some(200.0), Some(15.0));
        assert_eq!(cluster(&[a.clone(), b.clone()]).len(), 1);
        // an undisclosed customer, or another value, is not tied by it
        let mut c = r(
            3,
            "2025-11-04T12:00:00Z",
            "IREN",
            "undisclosed",
            "gpu_cloud",
            "c",
        );
        c.terms = terms(Some(9.7e9), Some(200.0), Some(15.0));
        assert_eq!(cluster(&[a.clone(), c]).len(), 2);
        let mut d = r(
            4,
            "2025-11-04T12:00:00Z",
            "IREN",
            "Microsoft",
            "gpu_cloud",
            "d",
        );
        d.terms = terms(Some(5.8e9), Some(200.0), Some(15.0));
        assert_eq!(cluster(&[a, d]).len(), 2);
    }

    #[test]
    fn near_identical_text_clusters_across_types() {
        let t = "Hut 8 signs 15-year lease at River Bend campus for 245 MW of IT capacity";
        let reports = vec![
            r(
                1,
                "2025-12-17T12:00:00Z",
                "HUT",
                "Fluidstack",
                "colocation",
                t,
            ),
            r(2, "2025-12-17T13:00:00Z", "HUT", "Anthropic", "hosting", t),
        ];
        assert_eq!(cluster(&reports).len(), 1);
        assert_eq!(similarity(&shingles(t), &shingles(t)), 1.0);
    }

    #[test]
    fn a_deal_known_by_one_term_takes_a_report_stating_it_alike_within_a_month() {
        // the lease told beside results with its term only, then a local story of it weeks on
        let mut first = r(
            1,
            "2025-03-28T12:00:00Z",
            "GLXY",
            "CoreWeave",
            "colocation",
            "a",
        );
        first.terms = terms(None, None, Some(15.0));
        let mut local = r(
            2,
            "2025-04-15T12:00:00Z",
            "GLXY",
            "CoreWeave",
            "colocation",
            "b",
        );
        local.terms = terms(None, Some(133.0), Some(15.0));
        assert_eq!(cluster(&[first.clone(), local.clone()]).len(), 1);
        // another term of years is another agreement
        let mut other = local.clone();
        other.terms = terms(None, Some(133.0), Some(20.0));
        assert_eq!(cluster(&[first.clone(), other]).len(), 2);
        // and past a month the report is its own
        let mut late = r(
            2,
            "2025-05-20T12:00:00Z",
            "GLXY",
            "CoreWeave",
            "colocation",
            "b",
        );
        late.terms = local.terms;
        assert_eq!(cluster(&[first, late]).len(), 2);
    }

    #[test]
    fn the_tenants_backer_named_as_the_customer_days_later_is_that_deal() {
        let mut lease = r(
            1,
            "2025-08-14T12:00:00Z",
            "WULF",
            "Fluidstack",
            "colocation",
            "TeraWulf signs a ten-year lease with Fluidstack that Google backstops",
        );
        lease.terms = terms(Some(3.7e9), Some(200.0), Some(10.0));
        lease.parties = vec![Party {
            role: PartyRole::Guarantor,
            name: "Alphabet".into(),
        }];
        // the next day, an outlet that took the backer for the tenant, with a megawatt figure of
        // its own: the backer itself "signed a 10-year contract" with the miner, for 500 MW
        let mut told = r(
            2,
            "2025-08-15T12:00:00Z",
            "WULF",
            "Alphabet",
            "hosting",
            "Google Cloud signs a ten-year contract with the bitcoin miner for more capacity",
        );
        told.terms = terms(None, Some(500.0), Some(10.0));
        assert_eq!(cluster(&[lease.clone(), told.clone()]).len(), 1);
        // a company the deal's reports name as no backer of it is another customer
        let mut vendor = lease.clone();
        vendor.parties[0].role = PartyRole::Vendor;
        assert_eq!(cluster(&[vendor, told.clone()]).len(), 2);
        // a week on, it is another agreement
        let mut later = told.clone();
        later.at = DateTime::parse_from_rfc3339("2025-08-21T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(cluster(&[lease.clone(), later]).len(), 2);
        // nor one that calls itself new, nor one agreeing on no term
        let mut fresh = told.clone();
        fresh.new_agreement = true;
        assert_eq!(cluster(&[lease.clone(), fresh]).len(), 2);
        let mut other = told;
        other.terms = terms(None, Some(500.0), Some(5.0));
        assert_eq!(cluster(&[lease, other]).len(), 2);
    }

    #[test]
    fn an_expansion_of_another_size_in_results_is_no_recap_of_the_leases_it_extends() {
        // the leases, one outlet calling them an expansion of the partnership
        let mut lease = r(
            1,
            "2025-06-02T12:00:00Z",
            "APLD",
            "CoreWeave",
            "colocation",
            "Applied Digital signs two 15-year leases with CoreWeave for 250 MW",
        );
        lease.terms = terms(Some(7e9), Some(250.0), Some(15.0));
        let mut called_expansion = r(
            2,
            "2025-06-02T15:00:00Z",
            "APLD",
            "CoreWeave",
            "expansion",
            "Applied Digital expands its partnership with CoreWeave",
        );
        called_expansion.terms = lease.terms;
        // two months on, results recalling the leases' $7 billion and 15 years and telling the
        // option exercised since for 150 MW more
        let mut results = r(
            3,
            "2025-07-30T12:00:00Z",
            "APLD",
            "CoreWeave",
            "expansion",
            "Applied Digital reports fiscal fourth quarter results",
        );
        results.terms = terms(Some(7e9), Some(150.0), Some(15.0));
        results.recap = true;
        let reports = [lease.clone(), called_expansion.clone(), results.clone()];
        assert_eq!(cluster(&reports).len(), 2);
        // results that restate the leases' own size are those leases
        let mut same_size = results.clone();
        same_size.terms = lease.terms;
        assert_eq!(
            cluster(&[lease.clone(), called_expansion.clone(), same_size]).len(),
            1
        );
        // and once an expansion of that size is stored, results telling it are that expansion
        let mut option = r(
            4,
            "2025-07-25T12:00:00Z",
            "APLD",
            "CoreWeave",
            "expansion",
            "CoreWeave exercises its option for 150 MW more at Polaris Forge 1",
        );
        option.terms = terms(None, Some(150.0), None);
        option.new_agreement = false;
        let clusters = cluster(&[lease, called_expansion, option, results]);
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[1], vec![2, 3]);
    }
}
