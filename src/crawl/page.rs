//! `page` sources: an HTML listing (an IR "press releases" page without a feed), read either by
//! the links whose URL matches the source's `link_pattern` (no class names needed: [`parse_links`])
//! or with the CSS selectors of its `[source.selectors]` table ([`parse`]).

use chrono::{DateTime, NaiveDate, Utc};
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

/// Items of a `page` source's listing, by its link pattern or its selectors.
pub fn parse_source(
    html: &str,
    page_url: &str,
    src: &crate::config::Source,
) -> Result<Vec<NewDocument>, FetchError> {
    if let Some(p) = &src.link_pattern {
        let re = regex::Regex::new(p)
            .map_err(|e| FetchError::Malformed(format!("link_pattern '{p}': {e}")))?;
        return parse_links(html, page_url, &re, src.doc_kind);
    }
    let selectors = src
        .selectors
        .as_ref()
        .ok_or_else(|| FetchError::Malformed("page source without selectors".into()))?;
    parse(html, page_url, selectors, src.doc_kind)
}

/// Items of a listing page found by their links alone: every `<a href>` whose absolute URL
/// matches `pattern` is a release (the same URL twice is one). Its title is the link's text, else
/// its `title` or `aria-label`, else the nearest heading of the block it sits in, else its URL's
/// last segment in words. Its date is the `<time>` or the date text of that block (the smallest
/// enclosing element that holds no other release link); without one, the article phase takes it
/// from the release page itself.
pub fn parse_links(
    html: &str,
    page_url: &str,
    pattern: &regex::Regex,
    kind: DocKind,
) -> Result<Vec<NewDocument>, FetchError> {
    let doc = Html::parse_document(html);
    let a_sel = Selector::parse("a[href]").expect("static selector");
    let heading = Selector::parse("h1, h2, h3, h4, h5").expect("static selector");
    let time_sel = Selector::parse("time").expect("static selector");
    let base = url::Url::parse(page_url).ok();
    let absolute = |h: &str| -> Option<String> {
        let u = match &base {
            Some(b) => b.join(h.trim()).ok()?,
            None => url::Url::parse(h.trim()).ok()?,
        };
        matches!(u.scheme(), "http" | "https").then(|| {
            let mut u = u;
            u.set_fragment(None);
            u.to_string()
        })
    };
    let links: Vec<(ElementRef<'_>, String)> = doc
        .select(&a_sel)
        .filter_map(|a| {
            let abs = absolute(a.value().attr("href")?)?;
            pattern.is_match(&abs).then_some((a, abs))
        })
        .collect();
    let urls: std::collections::HashSet<&str> = links.iter().map(|(_, u)| u.as_str()).collect();
    let mut out: Vec<NewDocument> = Vec::new();
    for (a, url) in &links {
        // the block of this release: the largest ancestor that links to no other release
        let mut block = *a;
        for anc in a.ancestors().filter_map(ElementRef::wrap) {
            let others = anc.select(&a_sel).any(|x| {
                x.value()
                    .attr("href")
                    .and_then(absolute)
                    .is_some_and(|u| u != *url && urls.contains(u.as_str()))
            });
            if others || anc.value().name() == "body" {
                break;
            }
            block = anc;
        }
        let title = Some(text_of(*a))
            .filter(|t| !t.is_empty())
            .or_else(|| {
                ["title", "aria-label"]
                    .iter()
                    .find_map(|k| a.value().attr(k).map(tidy))
                    .filter(|t| !t.is_empty())
            })
            .or_else(|| {
                block
                    .select(&heading)
                    .next()
                    .map(text_of)
                    .filter(|t| !t.is_empty())
            })
            .unwrap_or_else(|| slug_words(url));
        let published_at = block
            .select(&time_sel)
            .find_map(|t| {
                t.value()
                    .attr("datetime")
                    .and_then(parse_date)
                    .or_else(|| parse_date(&text_of(t)))
            })
            .or_else(|| date_in_text(&text_of(block)));
        match out
            .iter_mut()
            .find(|d| d.url.as_deref() == Some(url.as_str()))
        {
            // a release linked twice (an image and its headline): the better of the two
            Some(d) => {
                if d.title == slug_words(url) && title != slug_words(url) {
                    d.title = title;
                }
                d.published_at = d.published_at.or(published_at);
            }
            None => out.push(NewDocument {
                kind,
                guid: Some(url.clone()),
                url: Some(url.clone()),
                needs_article: true,
                title,
                published_at,
                ..Default::default()
            }),
        }
    }
    if out.is_empty() {
        return Err(FetchError::Malformed(format!(
            "no link on the page matches link_pattern '{}'",
            pattern.as_str()
        )));
    }
    Ok(out)
}

/// `.../hut-8-signs-15-year-lease` → "hut 8 signs 15 year lease".
fn slug_words(url: &str) -> String {
    let last = url
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(url)
        .split(['?', '#'])
        .next()
        .unwrap_or("");
    tidy(&last.replace(['-', '_'], " "))
}

/// The first date written out in a text ("December 17, 2025", "Dec 17, 2025", "2025-12-17",
/// "12/17/2025", "17 December 2025").
pub fn date_in_text(text: &str) -> Option<DateTime<Utc>> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"(?i)\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})\b",
        )
        .expect("static regex")
    });
    re.find_iter(text).find_map(|m| {
        parse_date(m.as_str()).or_else(|| parse_date(&m.as_str().replace("Sept", "Sep")))
    })
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

/// Dates as IR pages write them: everything feeds write (`super::dates`: ISO, RFC 2822/3339,
/// "June 3, 2024", "Jun. 3, 2024", "3 June 2024"), and the US "06/03/2024". A date without a
/// time is taken as midnight UTC of that day.
pub fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    super::dates::parse_date(s).or_else(|| {
        NaiveDate::parse_from_str(s, "%m/%d/%Y")
            .ok()?
            .and_hms_opt(0, 0, 0)
            .map(|t| t.and_utc())
    })
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
