//! Article bodies: the main text of a linked page.
//!
//! dom_smoothie (a port of Mozilla's Readability on the same html5ever parser that scraper uses)
//! does the extraction; when it finds no article, the page's `<article>`/`<main>` text is used,
//! and failing that nothing (the summary stays the document's text).

use scraper::{Html, Selector};

use super::text::{html_to_text, tidy};

/// The main text of an article page, or `None` when the page has no recognisable article.
pub fn extract(html: &str, url: &str) -> Option<String> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let parsed = std::panic::catch_unwind(|| {
        dom_smoothie::Readability::new(html, Some(url), Some(cfg))
            .ok()
            .and_then(|mut r| r.parse().ok())
    });
    if let Ok(Some(article)) = parsed {
        let text = tidy(&article.text_content);
        if text.split_whitespace().count() >= 30 {
            return Some(text);
        }
    }
    let doc = Html::parse_document(html);
    for css in ["article", "main", "[role=main]"] {
        let s = Selector::parse(css).expect("static selector");
        if let Some(e) = doc.select(&s).next() {
            let text = html_to_text(&e.html());
            if text.split_whitespace().count() >= 30 {
                return Some(text);
            }
        }
    }
    None
}
