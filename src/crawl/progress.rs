//! The progress bar of a crawl phase: drawn on stderr only when it is a terminal and progress
//! was asked for, hidden otherwise (so scripts and pipes see nothing).

use std::io::IsTerminal;
use std::time::Duration;

/// A bar over `len` items named `what` ("sources", "articles").
pub(super) fn progress_bar(wanted: bool, len: u64, what: &str) -> indicatif::ProgressBar {
    if !wanted || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    let style = indicatif::ProgressStyle::with_template(&format!(
        "{{spinner}} {{pos}}/{{len}} {what} {{wide_msg}}"
    ))
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
