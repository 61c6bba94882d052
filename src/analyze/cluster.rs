//! Novelty: one event per real-world deal. Reports of the same deal — the same company, kind and
//! deal type, the same counterparty (or one of them undisclosed), within 7 days of the first report
//! — or with near-identical text (same company, within 7 days) form one cluster. The deal's
//! announcement time is its earliest report's; a later expansion of the same relationship falls
//! outside the window or has another type, and is a new deal.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};

/// One document's detection, as clustering sees it.
#[derive(Debug, Clone)]
pub struct Report {
    pub document_id: i64,
    pub at: DateTime<Utc>,
    pub ticker: String,
    pub kind: crate::model::DealKind,
    pub counterparty: String,
    pub deal_type: crate::model::DealType,
    /// Word 3-shingles of the title and lead, for near-duplicate text.
    pub shingles: HashSet<u64>,
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
const NEAR_DUPLICATE: f64 = 0.6;

/// Group reports into clusters (indexes into `reports`), each ordered by time; clusters ordered by
/// their first report.
pub fn cluster(reports: &[Report]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by_key(|&i| (reports[i].at, reports[i].document_id));
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for i in order {
        let r = &reports[i];
        let home = clusters.iter().position(|c| {
            let first = &reports[c[0]];
            if first.ticker != r.ticker || r.at - first.at > Duration::days(WINDOW_DAYS) {
                return false;
            }
            let same_terms = first.kind == r.kind
                && first.deal_type == r.deal_type
                && c.iter().any(|&j| {
                    let o = &reports[j];
                    o.counterparty == r.counterparty
                        || o.counterparty == "undisclosed"
                        || r.counterparty == "undisclosed"
                });
            let near_dup = c
                .iter()
                .any(|&j| similarity(&reports[j].shingles, &r.shingles) >= NEAR_DUPLICATE);
            same_terms || near_dup
        });
        match home {
            Some(k) => clusters[k].push(i),
            None => clusters.push(vec![i]),
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
            shingles: shingles(text),
        }
    }

    #[test]
    fn reports_of_one_deal_cluster_and_a_later_expansion_is_new() {
        let reports = vec![
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
        let c = cluster(&reports);
        let ids: Vec<Vec<i64>> = c
            .iter()
            .map(|k| k.iter().map(|&i| reports[i].document_id).collect())
            .collect();
        assert_eq!(ids, vec![vec![1, 3, 2], vec![5], vec![4], vec![6]]);
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
}
