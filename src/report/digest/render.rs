//! The digest's three renderers, each over the one [`Digest`] value: Markdown, self-contained HTML
//! (inline CSS and SVG sparklines; every piece of untrusted text escaped, only http(s) links), and
//! plain text.

use std::fmt::Write;

use super::Digest;
use crate::report::escape_xml;
use crate::report::text::usd;

fn others(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => " (+1 other source)".into(),
        n => format!(" (+{n} other sources)"),
    }
}

fn docs_n(n: usize) -> String {
    format!("{n} document{}", if n == 1 { "" } else { "s" })
}

fn num(v: Option<f64>, d: usize) -> String {
    v.map_or_else(|| "-".into(), |v| format!("{v:.d$}"))
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "-".into(), |v| format!("{:+.1}%", v * 100.0))
}

/// ▲ positive, ▼ negative, ● neutral (|tone| ≤ 0.2), ○ unknown.
pub fn tone_mark(t: Option<f64>) -> &'static str {
    match t {
        Some(t) if t > 0.2 => "▲",
        Some(t) if t < -0.2 => "▼",
        Some(_) => "●",
        None => "○",
    }
}

/// Markdown-escape untrusted text: no raw HTML, no table breaks, no accidental emphasis or links.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '|' | '[' | ']' | '*' | '_' | '`' | '\\' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A link target only if it is http(s); anything else (javascript:, data:) is dropped.
pub fn safe_url(u: Option<&str>) -> Option<&str> {
    u.filter(|u| {
        let l = u.trim_start().to_ascii_lowercase();
        l.starts_with("http://") || l.starts_with("https://")
    })
}

fn md_link(text: &str, url: Option<&str>) -> String {
    match safe_url(url) {
        Some(u) => format!("[{}](<{}>)", md(text), u.replace(['<', '>', ' '], "")),
        None => md(text),
    }
}

pub fn to_markdown(d: &Digest) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# hashpivot weekly digest — {}\n", d.label);
    let _ = writeln!(
        s,
        "- Period: {} (UTC); {} (New York)",
        d.utc_range, d.ny_range
    );
    let _ = writeln!(
        s,
        "- Sources polled: {}; documents published: {}; sources failing: {}",
        d.sources_polled,
        d.documents_new,
        d.failing.len()
    );
    for (src, err) in &d.failing {
        let _ = writeln!(s, "  - {}: {}", md(src), md(err));
    }
    let _ = writeln!(s, "\n## Deals of the week\n");
    if d.deals.is_empty() {
        let _ = writeln!(s, "No AI/HPC deals announced this week.");
    } else {
        let _ = writeln!(
            s,
            "| Ticker | Counterparty | Type | Value | MW | Years | Day 0 | CAR[-1,+1] | t |"
        );
        let _ = writeln!(s, "|---|---|---|---|---|---|---|---|---|");
        for l in &d.deals {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                md(&l.ticker),
                md(&l.counterparty),
                l.deal_type,
                usd(l.value_usd),
                num(l.capacity_mw, 0),
                num(l.term_years, 0),
                l.day0,
                pct(l.car),
                num(l.t, 2)
            );
        }
    }
    let _ = writeln!(s, "\n## Top stories\n");
    if d.stories.is_empty() {
        let _ = writeln!(s, "No stories this week.");
    }
    for (i, st) in d.stories.iter().enumerate() {
        let _ = writeln!(
            s,
            "{}. {} {} — {}, {}{}",
            i + 1,
            tone_mark(st.tone),
            md_link(&st.title, st.url.as_deref()),
            md(&st.source),
            st.time,
            others(st.others)
        );
        if !st.excerpt.is_empty() {
            let _ = writeln!(s, "   > {}", md(&st.excerpt));
        }
    }
    let _ = writeln!(s, "\n## By company\n");
    if d.companies.is_empty() {
        let _ = writeln!(s, "No company in the news this week.");
    }
    for c in &d.companies {
        let _ = writeln!(s, "### {}\n", md(&c.ticker));
        let _ = writeln!(
            s,
            "- {} (trailing 4-week average {:.1}); tone {} ({} vs last week)",
            docs_n(c.documents),
            c.trailing_avg,
            num(c.tone, 2),
            c.tone_change
                .map_or("-".to_string(), |v| format!("{v:+.2}"))
        );
        let _ = writeln!(
            s,
            "- Week's return: stock {}, bitcoin {}",
            pct(c.stock_return),
            pct(c.bitcoin_return)
        );
        for (t, u) in &c.headlines {
            let _ = writeln!(s, "- {}", md_link(t, u.as_deref()));
        }
        for (form, items, t, u) in &c.filings {
            let _ = writeln!(
                s,
                "- SEC {}{}: {}",
                md(form),
                items
                    .as_deref()
                    .map(|i| format!(" (items {})", md(i)))
                    .unwrap_or_default(),
                md_link(t, u.as_deref())
            );
        }
        let _ = writeln!(s);
    }
    if !d.remaining.is_empty() {
        let _ = writeln!(s, "## Other headlines\n");
        for (src, items) in &d.remaining {
            let _ = writeln!(s, "**{}**\n", md(src));
            for (t, u) in items {
                let _ = writeln!(s, "- {}", md_link(t, u.as_deref()));
            }
            let _ = writeln!(s);
        }
    }
    let _ = writeln!(s, "## Method notes\n");
    for w in &d.warnings {
        let _ = writeln!(s, "- **Not computed:** {}", md(w));
    }
    for n in &d.notes {
        let _ = writeln!(s, "- {}", md(n));
    }
    s
}

pub fn to_text(d: &Digest) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "HASHPIVOT WEEKLY DIGEST — {}", d.label);
    let _ = writeln!(
        s,
        "Period: {} (UTC); {} (New York)",
        d.utc_range, d.ny_range
    );
    let _ = writeln!(
        s,
        "Sources polled: {}; documents published: {}; sources failing: {}",
        d.sources_polled,
        d.documents_new,
        d.failing.len()
    );
    for (src, err) in &d.failing {
        let _ = writeln!(s, "  {src}: {err}");
    }
    let _ = writeln!(s, "\nDEALS OF THE WEEK");
    if d.deals.is_empty() {
        let _ = writeln!(s, "  none");
    }
    for l in &d.deals {
        let _ = writeln!(
            s,
            "  {:<6} {:<14} {:<11} {:>8} {:>5} MW {:>3} y  day 0 {}  CAR[-1,+1] {} (t {})",
            l.ticker,
            l.counterparty,
            l.deal_type,
            usd(l.value_usd),
            num(l.capacity_mw, 0),
            num(l.term_years, 0),
            l.day0,
            pct(l.car),
            num(l.t, 2)
        );
    }
    let _ = writeln!(s, "\nTOP STORIES");
    if d.stories.is_empty() {
        let _ = writeln!(s, "  none");
    }
    for (i, st) in d.stories.iter().enumerate() {
        let _ = writeln!(
            s,
            "{:>2}. {} {} — {}, {}{}",
            i + 1,
            tone_mark(st.tone),
            st.title,
            st.source,
            st.time,
            others(st.others)
        );
        if !st.excerpt.is_empty() {
            let _ = writeln!(s, "    {}", st.excerpt);
        }
        if let Some(u) = safe_url(st.url.as_deref()) {
            let _ = writeln!(s, "    {u}");
        }
    }
    let _ = writeln!(s, "\nBY COMPANY");
    if d.companies.is_empty() {
        let _ = writeln!(s, "  none");
    }
    for c in &d.companies {
        let _ = writeln!(
            s,
            "  {}: {} (4-week average {:.1}), tone {} ({}), return {} vs bitcoin {}",
            c.ticker,
            docs_n(c.documents),
            c.trailing_avg,
            num(c.tone, 2),
            c.tone_change
                .map_or("-".to_string(), |v| format!("{v:+.2}")),
            pct(c.stock_return),
            pct(c.bitcoin_return)
        );
        for (t, _) in &c.headlines {
            let _ = writeln!(s, "    - {t}");
        }
        for (form, items, t, _) in &c.filings {
            let _ = writeln!(
                s,
                "    - SEC {form}{}: {t}",
                items
                    .as_deref()
                    .map(|i| format!(" (items {i})"))
                    .unwrap_or_default()
            );
        }
    }
    if !d.remaining.is_empty() {
        let _ = writeln!(s, "\nOTHER HEADLINES");
        for (src, items) in &d.remaining {
            let _ = writeln!(s, "  {src}");
            for (t, _) in items {
                let _ = writeln!(s, "    - {t}");
            }
        }
    }
    let _ = writeln!(s, "\nMETHOD NOTES");
    for w in &d.warnings {
        let _ = writeln!(s, "  - NOT COMPUTED: {w}");
    }
    for n in &d.notes {
        let _ = writeln!(s, "  - {n}");
    }
    s
}

fn sparkline(values: &[f64]) -> String {
    if values.len() < 2 {
        return String::new();
    }
    let (w, h) = (120.0, 24.0);
    let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let span = if hi > lo { hi - lo } else { 1.0 };
    let pts: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            format!(
                "{:.1},{:.1}",
                i as f64 / (values.len() - 1) as f64 * w,
                h - 2.0 - (v - lo) / span * (h - 4.0)
            )
        })
        .collect();
    format!(
        "<svg class=\"spark\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\"><polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"{}\"/></svg>",
        pts.join(" ")
    )
}

fn html_link(text: &str, url: Option<&str>) -> String {
    match safe_url(url) {
        Some(u) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
            escape_xml(u),
            escape_xml(text)
        ),
        None => escape_xml(text),
    }
}

const CSS: &str = "body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:920px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}\
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border-bottom:1px solid #eee;padding:.3em .5em;text-align:left}\
td.n{text-align:right;font-variant-numeric:tabular-nums}.meta{color:#666}.up{color:#1a7f37}.down{color:#c62828}\
.company{border:1px solid #eee;border-radius:6px;padding:.6em 1em;margin:.8em 0}.spark{vertical-align:middle;margin-left:.6em}\
blockquote{margin:.2em 0 .6em 1.5em;color:#555}ol li{margin-bottom:.4em}";

pub fn to_html(d: &Digest) -> String {
    let mut s = String::new();
    let title = format!("hashpivot weekly digest — {}", d.label);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>{CSS}</style></head><body>\n",
        escape_xml(&title)
    );
    let _ = writeln!(s, "<h1>{}</h1>", escape_xml(&title));
    let _ = writeln!(
        s,
        "<p class=\"meta\">{} (UTC) · {} (New York)<br>Sources polled: {} · documents published: {} · sources failing: {}</p>",
        escape_xml(&d.utc_range),
        escape_xml(&d.ny_range),
        d.sources_polled,
        d.documents_new,
        d.failing.len()
    );
    if !d.failing.is_empty() {
        let _ = writeln!(s, "<ul>");
        for (src, err) in &d.failing {
            let _ = writeln!(s, "<li>{}: {}</li>", escape_xml(src), escape_xml(err));
        }
        let _ = writeln!(s, "</ul>");
    }
    let _ = writeln!(s, "<h2>Deals of the week</h2>");
    if d.deals.is_empty() {
        let _ = writeln!(s, "<p>No AI/HPC deals announced this week.</p>");
    } else {
        let _ = writeln!(
            s,
            "<table><tr><th>Ticker</th><th>Counterparty</th><th>Type</th><th>Value</th><th>MW</th><th>Years</th><th>Day 0</th><th>CAR[-1,+1]</th><th>t</th></tr>"
        );
        for l in &d.deals {
            let class = match l.car {
                Some(c) if c > 0.0 => " up",
                Some(c) if c < 0.0 => " down",
                _ => "",
            };
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"n{class}\">{}</td><td class=\"n\">{}</td></tr>",
                escape_xml(&l.ticker),
                escape_xml(&l.counterparty),
                escape_xml(l.deal_type.as_str()),
                usd(l.value_usd),
                num(l.capacity_mw, 0),
                num(l.term_years, 0),
                escape_xml(&l.day0.to_string()),
                pct(l.car),
                num(l.t, 2)
            );
        }
        let _ = writeln!(s, "</table>");
    }
    let _ = writeln!(s, "<h2>Top stories</h2>");
    if d.stories.is_empty() {
        let _ = writeln!(s, "<p>No stories this week.</p>");
    } else {
        let _ = writeln!(s, "<ol>");
        for st in &d.stories {
            let _ = write!(
                s,
                "<li>{} {} <span class=\"meta\">— {}, {}{}</span>",
                tone_mark(st.tone),
                html_link(&st.title, st.url.as_deref()),
                escape_xml(&st.source),
                escape_xml(&st.time),
                others(st.others)
            );
            if !st.excerpt.is_empty() {
                let _ = write!(s, "<blockquote>{}</blockquote>", escape_xml(&st.excerpt));
            }
            let _ = writeln!(s, "</li>");
        }
        let _ = writeln!(s, "</ol>");
    }
    let _ = writeln!(s, "<h2>By company</h2>");
    if d.companies.is_empty() {
        let _ = writeln!(s, "<p>No company in the news this week.</p>");
    }
    for c in &d.companies {
        let _ = writeln!(
            s,
            "<div class=\"company\"><h3>{}{}</h3>",
            escape_xml(&c.ticker),
            if c.spark.len() >= 2 {
                format!(
                    "<span title=\"{}\">{}</span>",
                    escape_xml(&c.spark_label),
                    sparkline(&c.spark)
                )
            } else {
                String::new()
            }
        );
        let _ = writeln!(
            s,
            "<p class=\"meta\">{} (trailing 4-week average {:.1}) · tone {} ({} vs last week) · week's return {} vs bitcoin {}</p>",
            docs_n(c.documents),
            c.trailing_avg,
            num(c.tone, 2),
            c.tone_change
                .map_or("-".to_string(), |v| format!("{v:+.2}")),
            pct(c.stock_return),
            pct(c.bitcoin_return)
        );
        let _ = writeln!(s, "<ul>");
        for (t, u) in &c.headlines {
            let _ = writeln!(s, "<li>{}</li>", html_link(t, u.as_deref()));
        }
        for (form, items, t, u) in &c.filings {
            let _ = writeln!(
                s,
                "<li>SEC {}{}: {}</li>",
                escape_xml(form),
                items
                    .as_deref()
                    .map(|i| format!(" (items {})", escape_xml(i)))
                    .unwrap_or_default(),
                html_link(t, u.as_deref())
            );
        }
        let _ = writeln!(s, "</ul></div>");
    }
    if !d.remaining.is_empty() {
        let _ = writeln!(s, "<h2>Other headlines</h2>");
        for (src, items) in &d.remaining {
            let _ = writeln!(s, "<h4>{}</h4><ul>", escape_xml(src));
            for (t, u) in items {
                let _ = writeln!(s, "<li>{}</li>", html_link(t, u.as_deref()));
            }
            let _ = writeln!(s, "</ul>");
        }
    }
    let _ = writeln!(s, "<h2>Method notes</h2><ul>");
    for w in &d.warnings {
        let _ = writeln!(
            s,
            "<li><strong>Not computed:</strong> {}</li>",
            escape_xml(w)
        );
    }
    for n in &d.notes {
        let _ = writeln!(s, "<li>{}</li>", escape_xml(n));
    }
    let _ = writeln!(s, "</ul></body></html>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrusted_text_cannot_inject_markup_or_links() {
        assert_eq!(
            md("<script>x</script> | [a](b) *c*"),
            "&lt;script&gt;x&lt;/script&gt; \\| \\[a\\](b) \\*c\\*"
        );
        assert_eq!(safe_url(Some("javascript:alert(1)")), None);
        assert_eq!(
            safe_url(Some("https://x.example/a")),
            Some("https://x.example/a")
        );
        assert_eq!(
            html_link(
                "\"><img src=x onerror=alert(1)>",
                Some("https://x/\"onmouseover=\"a")
            ),
            "<a href=\"https://x/&quot;onmouseover=&quot;a\" rel=\"noopener noreferrer\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>"
        );
    }
}
