//! The deals as an Atom 1.0 feed (RFC 4287) that any feed reader can subscribe to: one entry per
//! deal with a stable id (`urn:hashpivot:deal:<id>`), `updated` when its terms last changed, the
//! reports as links, every piece of text escaped. The feed's own `updated` is its newest entry's,
//! so the same deals give the same bytes.

use std::collections::HashMap;

use crate::model::Deal;
use crate::store::DealReport;

/// One deal with what its entry needs.
pub struct Entry<'a> {
    pub deal: &'a Deal,
    /// RFC 3339: when its terms last changed, else its announcement.
    pub updated: &'a str,
    pub reports: &'a [DealReport],
}

/// Text for XML: escaped, and without the control characters XML 1.0 forbids (a hostile title
/// must not make the feed unreadable).
fn text(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .filter(|&c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .collect();
    super::escape_xml(&clean)
}

fn is_web_link(u: &str) -> bool {
    url::Url::parse(u).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

/// The one-line title of a deal's entry.
pub fn entry_title(d: &Deal) -> String {
    format!(
        "{}: {} {} with {}{}",
        d.ticker,
        d.deal_type,
        d.kind,
        d.counterparty,
        super::text::terms_in_parens(d.terms.value_usd, d.terms.capacity_mw, d.terms.term_years)
    )
}

/// The feed. `selection` names the filters (it goes into the feed's id, so two differently
/// filtered feeds are two feeds).
pub fn render(entries: &[Entry<'_>], selection: &str) -> String {
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .unwrap_or("1970-01-01T00:00:00Z");
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    out.push_str(&format!(
        "  <id>urn:hashpivot:deals{}</id>\n",
        if selection.is_empty() {
            String::new()
        } else {
            format!(":{}", text(selection))
        }
    ));
    out.push_str("  <title type=\"text\">hashpivot: AI/HPC deals of the bitcoin miners</title>\n");
    out.push_str(&format!("  <updated>{}</updated>\n", text(updated)));
    out.push_str("  <author><name>hashpivot</name></author>\n");
    out.push_str(&format!(
        "  <generator version=\"{}\">hashpivot</generator>\n",
        env!("CARGO_PKG_VERSION")
    ));
    for e in entries {
        let d = e.deal;
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <id>urn:hashpivot:deal:{}</id>\n", d.id));
        out.push_str(&format!(
            "    <title type=\"text\">{}</title>\n",
            text(&entry_title(d))
        ));
        out.push_str(&format!("    <updated>{}</updated>\n", text(e.updated)));
        out.push_str(&format!(
            "    <published>{}</published>\n",
            text(&d.announced_at)
        ));
        let mut first = true;
        for r in e.reports {
            let Some(u) = r.url.as_deref().filter(|u| is_web_link(u)) else {
                continue;
            };
            out.push_str(&format!(
                "    <link rel=\"{}\" href=\"{}\" title=\"{}\"/>\n",
                if first { "alternate" } else { "related" },
                text(u),
                text(&r.title)
            ));
            first = false;
        }
        for term in [d.ticker.as_str(), d.deal_type.as_str(), d.kind.as_str()] {
            out.push_str(&format!("    <category term=\"{}\"/>\n", text(term)));
        }
        let mut content = vec![
            format!("Counterparty: {}", d.counterparty),
            format!("Event day (day 0): {}", d.event_day),
        ];
        if let Some(c) = d.confidence {
            content.push(format!("Confidence: {c:.2}"));
        }
        if let Some(t) = d.sentiment {
            content.push(format!("Tone: {t:+.2}"));
        }
        content.push(format!("Reports: {}", d.n_documents));
        if let Some(ev) = &d.evidence {
            content.push(format!("Evidence: {ev}"));
        }
        out.push_str(&format!(
            "    <content type=\"text\">{}</content>\n",
            text(&content.join("\n"))
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// Entries for deals, newest announcement first, with their times and reports.
pub fn entries<'a>(
    deals: &'a [Deal],
    times: &'a HashMap<i64, String>,
    reports: &'a HashMap<i64, Vec<DealReport>>,
) -> Vec<Entry<'a>> {
    let mut v: Vec<Entry<'a>> = deals
        .iter()
        .map(|d| Entry {
            deal: d,
            updated: times
                .get(&d.id)
                .map_or(d.announced_at.as_str(), String::as_str),
            reports: reports.get(&d.id).map_or(&[][..], Vec::as_slice),
        })
        .collect();
    v.sort_by(|a, b| {
        b.deal
            .announced_at
            .cmp(&a.deal.announced_at)
            .then(b.deal.id.cmp(&a.deal.id))
    });
    v
}

/// Write the feed of the deals `filter` keeps (newest `limit`) to `path`, whole or not at all (a
/// temporary file renamed over it). Returns how many entries it has.
pub fn write(
    store: &crate::store::Store,
    filter: &crate::store::DealFilter,
    selection: &str,
    limit: usize,
    path: &std::path::Path,
) -> anyhow::Result<usize> {
    use anyhow::Context;
    let mut deals = store.deals(filter)?;
    deals.sort_by(|a, b| b.announced_at.cmp(&a.announced_at).then(b.id.cmp(&a.id)));
    deals.truncate(limit);
    let times = store.deal_terms_times()?;
    let mut reports = HashMap::new();
    for d in &deals {
        reports.insert(d.id, store.deal_reports(d.id)?);
    }
    let xml = render(&entries(&deals, &times, &reports), selection);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "feed.atom".into());
    let tmp = path.with_file_name(format!(".{name}.partial"));
    std::fs::write(&tmp, xml.as_bytes())
        .and_then(|_| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
        .with_context(|| format!("writing the deals feed {}", path.display()))?;
    Ok(deals.len())
}
