//! Progress of long work on a terminal: done of total, the rate and the time left, redrawn in
//! place on stderr at most four times a second, and nothing at all when stderr is not a terminal
//! or the output is JSON.

use std::io::Write;
use std::time::{Duration, Instant};

/// A progress line for `total` items of `what` ("documents").
pub struct Meter {
    what: &'static str,
    verb: &'static str,
    total: u64,
    done: u64,
    started: Instant,
    shown: Option<Instant>,
    enabled: bool,
}

impl Meter {
    /// `enabled` is whether to draw at all (a terminal, not `--json`).
    pub fn new(verb: &'static str, what: &'static str, total: u64, enabled: bool) -> Meter {
        Meter {
            what,
            verb,
            total,
            done: 0,
            started: Instant::now(),
            shown: None,
            enabled,
        }
    }

    /// `n` more items done.
    pub fn add(&mut self, n: u64) {
        self.done += n;
        if !self.enabled
            || self
                .shown
                .is_some_and(|t| t.elapsed() < Duration::from_millis(250))
        {
            return;
        }
        self.shown = Some(Instant::now());
        let text = line(
            self.verb,
            self.what,
            self.done,
            self.total,
            self.started.elapsed(),
        );
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{text}\x1b[K");
        let _ = err.flush();
    }

    /// Clear the line (the command's own summary follows).
    pub fn finish(&mut self) {
        if self.enabled && self.shown.is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
        }
    }
}

/// "analyzing 12,000 of 1,000,000 documents (1%), 4,950/s, about 3m 20s left".
pub fn line(verb: &str, what: &str, done: u64, total: u64, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 { done as f64 / secs } else { 0.0 };
    let pct = (done * 100).checked_div(total).unwrap_or(100);
    let mut s = format!(
        "{verb} {} of {} {what} ({pct}%)",
        thousands(done),
        thousands(total)
    );
    if rate >= 1.0 {
        s.push_str(&format!(", {}/s", thousands(rate.round() as u64)));
        if total > done {
            let left = ((total - done) as f64 / rate).round() as u64;
            s.push_str(&format!(", about {} left", duration(left)));
        }
    }
    s
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn duration(secs: u64) -> String {
    match secs {
        0..60 => format!("{secs}s"),
        60..3600 => format!("{}m {:02}s", secs / 60, secs % 60),
        _ => format!("{}h {:02}m", secs / 3600, secs % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_done_of_total_the_rate_and_the_time_left() {
        // 12,000 in 2.5 s is 4,800/s; 988,000 left at that rate is 205.8 s
        assert_eq!(
            line(
                "analyzing",
                "documents",
                12_000,
                1_000_000,
                Duration::from_millis(2500)
            ),
            "analyzing 12,000 of 1,000,000 documents (1%), 4,800/s, about 3m 26s left"
        );
        assert_eq!(
            line("indexing", "documents", 500, 500, Duration::from_secs(2)),
            "indexing 500 of 500 documents (100%), 250/s"
        );
        // no rate yet, and nothing to do
        assert_eq!(
            line("indexing", "documents", 0, 0, Duration::ZERO),
            "indexing 0 of 0 documents (100%)"
        );
        assert_eq!(duration(7_384), "2h 03m");
    }
}
