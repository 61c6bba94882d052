//! `page` sources: an HTML listing (an IR "press releases" page without a feed) read with the CSS
//! selectors of its `[source.selectors]` table.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use scraper::{ElementRef, Html, Selector};

use super::text::tidy;
use crate::config::Selectors;
use crate::http::FetchError;
use crate::model::{DocKind, NewDocument};

fn sel(css: &str) -> Result<Selector, FetchError> {
    // validated when the config was loaded; an error here is still reported, never a panic
    Selector::parse(css).map_err(|e| FetchError::Malformed(format!("selector '{css}': {e}")))
}

fn text_of(e: ElementRef<'_>) -> String {
    tidy(&e.text().collect::<Vec<_>>().join(" "))
}

/// Items of a listing page. Every item must have a title; items without one are skipped.
pub fn parse(
    html: &str,
    page_url: &str,
    selectors: &Selectors,
    kind: DocKind,
) -> Result<Vec<NewDocument>, FetchError> {
    let doc = Html::parse_document(html);
    let item = sel(&selectors.item)?;
    let title = sel(&selectors.title)?;
    let link = selectors.link.as_deref().map(sel).transpose()?;
    let date = selectors.date.as_deref().map(sel).transpose()?;
    let summary = selectors.summary.as_deref().map(sel).transpose()?;
    let base = url::Url::parse(page_url).ok();
    let mut out = Vec::new();
    for it in doc.select(&item) {
        let Some(t) = it.select(&title).next() else {
            continue;
        };
        let title_text = text_of(t);
        if title_text.is_empty() {
            continue;
        }
        let link_el = match &link {
            Some(l) => it.select(l).next(),
            None => None,
        }
        .or_else(|| {
            // the title itself, or a link inside it
            if t.value().name() == "a" {
                Some(t)
            } else {
                t.select(&Selector::parse("a[href]").expect("static selector"))
                    .next()
            }
        });
        let url = link_el
            .and_then(|a| a.value().attr("href"))
            .map(|h| match &base {
                Some(b) => b
                    .join(h.trim())
                    .map(|u| u.to_string())
                    .unwrap_or(h.to_string()),
                None => h.to_string(),
            });
        let published_at = date
            .as_ref()
            .and_then(|d| it.select(d).next())
            .and_then(|d| {
                d.value()
                    .attr("datetime")
                    .and_then(parse_date)
                    .or_else(|| parse_date(&text_of(d)))
            });
        let summary_text = summary
            .as_ref()
            .and_then(|s| it.select(s).next())
            .map(text_of)
            .filter(|s| !s.is_empty());
        out.push(NewDocument {
            kind,
            guid: url.clone(),
            needs_article: url.is_some(),
            url,
            title: title_text,
            summary: summary_text,
            published_at,
            ..Default::default()
        });
    }
    if out.is_empty() {
        return Err(FetchError::Malformed(format!(
            "no items matched selector '{}'",
            selectors.item
        )));
    }
    Ok(out)
}

/// Dates as IR pages write them: ISO, RFC 2822/3339, "June 3, 2024", "Jun 3, 2024", "06/03/2024".
/// A date without a time is taken as midnight UTC of that day.
pub fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(t.with_timezone(&Utc));
    }
    if let Ok(t) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S") {
        return Some(t.and_utc());
    }
    let cleaned = s.replace([',', '.'], "");
    for f in [
        "%Y-%m-%d", "%B %d %Y", "%b %d %Y", "%m/%d/%Y", "%d %B %Y", "%d %b %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(&cleaned, f) {
            return d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_ir_formats() {
        for s in [
            "June 3, 2024",
            "Jun. 3, 2024",
            "06/03/2024",
            "2024-06-03",
            "3 June 2024",
        ] {
            assert_eq!(
                parse_date(s).map(|t| t.to_rfc3339()),
                Some("2024-06-03T00:00:00+00:00".to_string()),
                "{s}"
            );
        }
        assert_eq!(parse_date("soon"), None);
    }
}
