//! The schedule of `hashpivot watch`: when each source is next due.
//!
//! Pure (no clock, no I/O): the loop in `cmd/watch.rs` feeds it the time and what each crawl did.
//! A source is due `every` after its last poll began, or later when it is backing off after
//! failures (the crawler's `next_due_at`). The EDGAR sources are one group: polled together, when
//! the first of them is due, so their requests share SEC's budget in one crawl instead of trickling
//! in one company at a time.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::config::Source;
use crate::model::SourceKind;

/// One scheduled source.
#[derive(Debug, Clone, PartialEq)]
struct Slot {
    every: chrono::Duration,
    edgar: bool,
    /// `None`: never polled, due at once.
    due: Option<DateTime<Utc>>,
}

/// When each source is next due.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Schedule {
    slots: BTreeMap<String, Slot>,
}

/// What the store knows of a source when the watch starts.
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub last_polled: Option<DateTime<Utc>>,
    /// Backing off until then.
    pub backoff_until: Option<DateTime<Utc>>,
}

impl Schedule {
    /// The schedule of `sources`, resuming from what the store knows (`known(name)`): a source
    /// polled two minutes ago with `every = 5m` is due in three.
    pub fn new(sources: &[Source], known: impl Fn(&str) -> Known) -> Schedule {
        let slots = sources
            .iter()
            .map(|s| {
                let every = s.every.chrono();
                let k = known(&s.name);
                let due = later(k.last_polled.map(|t| t + every), k.backoff_until);
                (
                    s.name.clone(),
                    Slot {
                        every,
                        edgar: s.kind == SourceKind::Edgar,
                        due,
                    },
                )
            })
            .collect();
        Schedule { slots }
    }

    /// The sources to poll at `now`, in the order they fell due (then by name); the EDGAR sources
    /// all together when any of them is due.
    pub fn due(&self, now: DateTime<Utc>) -> Vec<String> {
        let mut due: Vec<(Option<DateTime<Utc>>, &String)> = self
            .slots
            .iter()
            .filter(|(_, s)| s.due.is_none_or(|d| d <= now))
            .map(|(n, s)| (s.due, n))
            .collect();
        if due.iter().any(|(_, n)| self.slots[*n].edgar) {
            for (n, s) in &self.slots {
                if s.edgar && !due.iter().any(|(_, d)| *d == n) {
                    due.push((s.due, n));
                }
            }
        }
        due.sort();
        due.into_iter().map(|(_, n)| n.clone()).collect()
    }

    /// The next time something falls due, and which sources then (EDGAR as a group).
    pub fn next(&self) -> Option<(DateTime<Utc>, Vec<String>)> {
        let at = self.slots.values().map(|s| s.due).min()?;
        let Some(at) = at else {
            return Some((DateTime::<Utc>::MIN_UTC, self.due(DateTime::<Utc>::MIN_UTC)));
        };
        Some((at, self.due(at)))
    }

    /// A poll of `name` that began at `started`; `backoff_until` when it failed and the crawler
    /// set a back-off.
    pub fn polled(
        &mut self,
        name: &str,
        started: DateTime<Utc>,
        backoff_until: Option<DateTime<Utc>>,
    ) {
        if let Some(s) = self.slots.get_mut(name) {
            s.due = later(Some(started + s.every), backoff_until);
        }
    }

    /// Nothing is polled before `at` (another crawl holds the lock: try again then).
    pub fn defer(&mut self, names: &[String], at: DateTime<Utc>) {
        for n in names {
            if let Some(s) = self.slots.get_mut(n) {
                s.due = later(s.due, Some(at));
            }
        }
    }

    pub fn due_at(&self, name: &str) -> Option<DateTime<Utc>> {
        self.slots.get(name).and_then(|s| s.due)
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}

fn later(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, Span};

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn sources() -> Vec<Source> {
        let mut cfg = Config::parse(
            r#"
            [crawl]
            every = "15m"
            [edgar]
            every = "10m"
            [[company]]
            ticker = "IREN"
            name = "IREN"
            cik = "1878848"
            [[company]]
            ticker = "CORZ"
            name = "Core Scientific"
            cik = "1839341"
            [[source]]
            name = "fast"
            kind = "feed"
            url = "http://127.0.0.1/fast.xml"
            every = "5m"
            [[source]]
            name = "slow"
            kind = "feed"
            url = "http://127.0.0.1/slow.xml"
            "#,
            "t",
        )
        .unwrap();
        cfg.crawl.every = Span::secs(15 * 60);
        cfg.all_sources()
    }

    #[test]
    fn each_source_is_polled_on_its_own_schedule() {
        let mut s = Schedule::new(&sources(), |_| Known::default());
        let t0 = t("2026-12-01T12:00:00Z");
        // never polled: everything is due at once, EDGAR together
        assert_eq!(
            s.due(t0),
            ["edgar:CORZ", "edgar:IREN", "fast", "slow"].map(String::from)
        );
        for n in s.due(t0) {
            s.polled(&n, t0, None);
        }
        assert_eq!(s.due(t("2026-12-01T12:04:59Z")), Vec::<String>::new());
        assert_eq!(
            s.next(),
            Some((t("2026-12-01T12:05:00Z"), vec!["fast".to_string()]))
        );
        s.polled("fast", t("2026-12-01T12:05:00Z"), None);
        assert_eq!(
            s.next(),
            Some((
                t("2026-12-01T12:10:00Z"),
                ["edgar:CORZ", "edgar:IREN", "fast"]
                    .map(String::from)
                    .to_vec()
            ))
        );
        // over one hour from t0: fast every 5 min (12), EDGAR every 10 (6), slow every 15 (4)
        let mut s = Schedule::new(&sources(), |_| Known::default());
        let mut polls: BTreeMap<String, usize> = BTreeMap::new();
        let mut now = t0;
        while now < t("2026-12-01T13:00:00Z") {
            for n in s.due(now) {
                *polls.entry(n.clone()).or_default() += 1;
                s.polled(&n, now, None);
            }
            now = s.next().unwrap().0;
        }
        let counts: Vec<(&str, usize)> = polls.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(
            counts,
            [
                ("edgar:CORZ", 6),
                ("edgar:IREN", 6),
                ("fast", 12),
                ("slow", 4)
            ]
        );
    }

    #[test]
    fn a_restart_resumes_the_schedule_and_a_backoff_delays_a_source() {
        let s = Schedule::new(&sources(), |name| match name {
            "fast" => Known {
                last_polled: Some(t("2026-12-01T11:58:00Z")),
                backoff_until: None,
            },
            "slow" => Known {
                last_polled: Some(t("2026-12-01T11:58:00Z")),
                backoff_until: Some(t("2026-12-01T12:30:00Z")),
            },
            _ => Known {
                last_polled: Some(t("2026-12-01T11:55:00Z")),
                backoff_until: None,
            },
        });
        assert_eq!(s.due_at("fast"), Some(t("2026-12-01T12:03:00Z")));
        assert_eq!(s.due_at("slow"), Some(t("2026-12-01T12:30:00Z")));
        assert_eq!(s.due_at("edgar:IREN"), Some(t("2026-12-01T12:05:00Z")));
        assert_eq!(s.due(t("2026-12-01T12:00:00Z")), Vec::<String>::new());
        let mut s = s;
        // a failure: the crawler's back-off wins over the source's own interval
        s.polled(
            "fast",
            t("2026-12-01T12:03:00Z"),
            Some(t("2026-12-01T12:13:00Z")),
        );
        assert_eq!(s.due_at("fast"), Some(t("2026-12-01T12:13:00Z")));
        // one EDGAR source due pulls the other along
        s.polled("edgar:CORZ", t("2026-12-01T12:01:00Z"), None);
        assert_eq!(
            s.due(t("2026-12-01T12:05:00Z")),
            ["edgar:IREN", "edgar:CORZ"].map(String::from)
        );
        // deferred (another crawl holds the lock)
        s.defer(&["slow".to_string()], t("2026-12-01T12:45:00Z"));
        assert_eq!(s.due_at("slow"), Some(t("2026-12-01T12:45:00Z")));
    }
}
