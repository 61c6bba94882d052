//! Feeds: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, RDF and JSON Feed, through feed-rs after the bytes are
//! made safe for it.
//!
//! feed-rs alone is not a crawler's parser: it panics on UTF-16 input, reads Atom 0.3 (still served
//! by old sites) as an empty feed, and decodes by the XML prolog alone. So bytes are normalised
//! first: any BOM removed, the charset taken from the BOM, the HTTP header or the prolog (in that
//! order), everything transcoded to UTF-8 and the prolog rewritten to say so; Atom 0.3 namespaces
//! and dates are mapped to Atom 1.0; and the parser runs under `catch_unwind`.

use std::borrow::Cow;

use regex::Regex;

use super::decode::{Markup, decode};
use super::text::field_text;
use crate::http::FetchError;
use crate::model::{DocKind, NewDocument};

/// Make decoded text acceptable to feed-rs: a UTF-8 prolog, Atom 0.3 as Atom 1.0, RSS without a
/// version as RSS 2.0.
fn prepare(text: &str) -> Cow<'_, str> {
    let mut s = Cow::Borrowed(text.trim_start_matches('\u{feff}').trim_start());
    if s.starts_with("<?xml")
        && let Some(end) = s.find("?>")
        && s[..end].contains("encoding")
    {
        let rest = s[end + 2..].to_string();
        s = Cow::Owned(format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>{rest}"));
    }
    if s.contains("http://purl.org/atom/ns#") {
        let t = s
            .replace("http://purl.org/atom/ns#", "http://www.w3.org/2005/Atom")
            .replace("<issued>", "<published>")
            .replace("</issued>", "</published>")
            .replace("<modified>", "<updated>")
            .replace("</modified>", "</updated>")
            .replace("<created>", "<published>")
            .replace("</created>", "</published>");
        s = Cow::Owned(t);
    }
    if let Some(fixed) = fix_rss_version(&s) {
        s = Cow::Owned(fixed);
    }
    s
}

/// feed-rs only accepts `<rss version="2.0">`, "0.91" or "0.92"; RSS 0.93/0.94 or a missing version
/// are read as 2.0 (a superset).
fn fix_rss_version(s: &str) -> Option<String> {
    static RE: std::sync::OnceLock<(Regex, Regex)> = std::sync::OnceLock::new();
    let (tag_re, version_re) = RE.get_or_init(|| {
        (
            Regex::new(r"<rss(\s[^>]*)?>").expect("static regex"),
            Regex::new(r#"version\s*=\s*["']([^"']*)["']"#).expect("static regex"),
        )
    });
    let m = tag_re.find(s)?;
    let tag = m.as_str();
    match version_re.captures(tag) {
        Some(c) if matches!(&c[1], "2.0" | "0.91" | "0.92" | "") => None,
        Some(c) => {
            let whole = c.get(0).expect("match");
            let new_tag = format!(
                "{}version=\"2.0\"{}",
                &tag[..whole.start()],
                &tag[whole.end()..]
            );
            Some(format!("{}{}{}", &s[..m.start()], new_tag, &s[m.end()..]))
        }
        None => Some(format!(
            "{}<rss version=\"2.0\"{}{}",
            &s[..m.start()],
            &tag[4..],
            &s[m.end()..]
        )),
    }
}

/// Parse a fetched feed into documents. `base_url` resolves relative links. `min_chars`: items
/// whose content is shorter are marked for article fetching.
pub fn parse(
    bytes: &[u8],
    header_charset: Option<&str>,
    base_url: &str,
    kind: DocKind,
    min_chars: usize,
) -> Result<Vec<NewDocument>, FetchError> {
    let text = decode(bytes, header_charset, Markup::Xml);
    let prepared = prepare(&text);
    let input = prepared.as_bytes().to_vec();
    let base = base_url.to_string();
    let parsed = std::panic::catch_unwind(move || {
        feed_rs::parser::Builder::new()
            .base_uri(Some(base.as_str()))
            // feed-rs invents a random UUID for an entry without id or link: a new "guid" on every
            // crawl. Derive one from the link or the title instead, so a re-crawl recognises it.
            .id_generator(|links, title, _| match (links.first(), title) {
                (Some(l), _) => format!("hp-gen:{}", l.href.trim()),
                (None, Some(t)) => format!(
                    "hp-gen:{}",
                    crate::store::hash_content(&t.content, None, None)
                ),
                (None, None) => String::new(),
            })
            .build()
            .parse(input.as_slice())
    });
    let feed = match parsed {
        Ok(Ok(f)) => f,
        Ok(Err(e)) => return Err(FetchError::Malformed(e.to_string())),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panic".into());
            return Err(FetchError::ParserPanic(msg));
        }
    };
    let base = url::Url::parse(base_url).ok();
    let mut out = Vec::with_capacity(feed.entries.len());
    for e in feed.entries {
        let link = e
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(e.links.first())
            .map(|l| resolve(base.as_ref(), &l.href));
        let title = e
            .title
            .as_ref()
            .map(|t| field_text(&t.content))
            .unwrap_or_default();
        let summary = e
            .summary
            .as_ref()
            .map(|t| field_text(&t.content))
            .filter(|s| !s.is_empty());
        let content = e
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(field_text)
            .filter(|s| !s.is_empty());
        if title.is_empty() && summary.is_none() && content.is_none() {
            continue;
        }
        let title = if title.is_empty() {
            first_words(summary.as_deref().or(content.as_deref()).unwrap_or(""), 12)
        } else {
            title
        };
        let body_len = content.as_ref().map_or(0, |c| c.chars().count());
        let needs_article = body_len < min_chars && link.is_some();
        let author = e
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref().map(str::trim))
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        out.push(NewDocument {
            kind,
            url: link,
            guid: Some(e.id).filter(|g| !g.is_empty()),
            title,
            summary: summary.or_else(|| content.as_deref().map(|c| first_words(c, 60))),
            body: content,
            author: Some(author).filter(|a| !a.is_empty()),
            published_at: e.published.or(e.updated),
            needs_article,
            ..Default::default()
        });
    }
    Ok(out)
}

fn resolve(base: Option<&url::Url>, href: &str) -> String {
    let href = href.trim();
    match base {
        Some(b) => b
            .join(href)
            .map(|u| u.to_string())
            .unwrap_or_else(|_| href.to_string()),
        None => href.to_string(),
    }
}

fn first_words(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().take(n + 1).collect();
    if words.len() > n {
        format!("{}…", words[..n].join(" "))
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>t</title>
<item><title>IREN signs $9.7 billion deal</title><link>/news/iren?utm_source=rss</link>
<guid isPermaLink="false">g-1</guid><pubDate>Mon, 03 Nov 2025 13:00:00 GMT</pubDate>
<description>&lt;p&gt;Five-year &lt;b&gt;GPU cloud&lt;/b&gt; contract.&lt;/p&gt;</description></item>
</channel></rss>"#;

    #[test]
    fn rss_item_fields() {
        let docs = parse(
            RSS.as_bytes(),
            None,
            "https://ex.com/feed",
            DocKind::News,
            600,
        )
        .unwrap();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.title, "IREN signs $9.7 billion deal");
        assert_eq!(
            d.url.as_deref(),
            Some("https://ex.com/news/iren?utm_source=rss")
        );
        assert_eq!(d.guid.as_deref(), Some("g-1"));
        assert_eq!(d.summary.as_deref(), Some("Five-year GPU cloud contract."));
        assert_eq!(
            d.published_at.unwrap().to_rfc3339(),
            "2025-11-03T13:00:00+00:00"
        );
        assert!(d.needs_article);
    }

    #[test]
    fn windows_1252_declared_in_prolog_and_in_header() {
        let mut bytes = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><title>t</title><item><title>Caf\xe9 \x93quoted\x94</title><link>http://x/1</link></item></channel></rss>".to_vec();
        let docs = parse(&bytes, None, "http://x/", DocKind::News, 0).unwrap();
        assert_eq!(docs[0].title, "Café “quoted”");
        // same bytes, no prolog encoding, charset from the HTTP header
        bytes = b"<rss version=\"2.0\"><channel><title>t</title><item><title>Caf\xe9</title><link>http://x/1</link></item></channel></rss>".to_vec();
        let docs = parse(&bytes, Some("iso-8859-1"), "http://x/", DocKind::News, 0).unwrap();
        assert_eq!(docs[0].title, "Café");
    }

    #[test]
    fn utf16_with_bom_does_not_panic() {
        let text = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>t</title><item><title>Hut 8 ☀</title><link>http://x/1</link></item></channel></rss>";
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let docs = parse(&bytes, None, "http://x/", DocKind::News, 0).unwrap();
        assert_eq!(docs[0].title, "Hut 8 ☀");
    }

    #[test]
    fn atom_03_is_read_as_atom() {
        let text = r#"<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#">
<title>old</title><entry><title>Old-style entry</title><link rel="alternate" type="text/html" href="http://x/a"/>
<id>tag:x,2024:1</id><issued>2024-06-03T20:05:00Z</issued><modified>2024-06-03T20:05:00Z</modified>
<summary>text</summary></entry></feed>"#;
        let docs = parse(text.as_bytes(), None, "http://x/", DocKind::News, 0).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].title, "Old-style entry");
        assert_eq!(
            docs[0].published_at.unwrap().to_rfc3339(),
            "2024-06-03T20:05:00+00:00"
        );
    }

    #[test]
    fn rss_094_and_versionless_rss_are_read() {
        for head in ["<rss version=\"0.94\">", "<rss>"] {
            let text = format!(
                "{head}<channel><title>t</title><item><title>A</title><link>http://x/a</link></item></channel></rss>"
            );
            let docs = parse(text.as_bytes(), None, "http://x/", DocKind::News, 0).unwrap();
            assert_eq!(docs.len(), 1, "{head}");
        }
    }

    #[test]
    fn entries_without_id_or_link_get_a_stable_guid() {
        let text = "<rss version=\"2.0\"><channel><title>t</title><item><title>No id, no link</title><description>Text.</description></item><item><description>Only text here.</description></item></channel></rss>";
        let a = parse(text.as_bytes(), None, "http://x/", DocKind::News, 0).unwrap();
        let b = parse(text.as_bytes(), None, "http://x/", DocKind::News, 0).unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].guid, b[0].guid);
        assert!(a[0].guid.as_deref().unwrap().starts_with("hp-gen:"));
        assert_eq!(
            a[1].guid, None,
            "nothing to derive a guid from: the text hash deduplicates it"
        );
        assert_eq!(a[1].title, "Only text here.");
    }

    #[test]
    fn malformed_xml_is_a_named_error() {
        let err = parse(
            b"<html><body>not a feed",
            None,
            "http://x/",
            DocKind::News,
            0,
        )
        .unwrap_err();
        assert!(matches!(err, FetchError::Malformed(_)), "{err:?}");
    }
}
