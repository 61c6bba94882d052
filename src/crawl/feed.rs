//! Feeds: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, RDF and JSON Feed, through feed-rs after the bytes are
//! made safe for it.
//!
//! feed-rs alone is not a crawler's parser: it panics on UTF-16 input, reads Atom 0.3 (still served
//! by old sites) as an empty feed, and decodes by the XML prolog alone. So bytes are normalised
//! first: any BOM removed, the charset taken from the BOM, the HTTP header or the prolog (in that
//! order), everything transcoded to UTF-8 and the prolog rewritten to say so; Atom 0.3 namespaces
//! and dates are mapped to Atom 1.0; and the parser runs under `catch_unwind`.
//!
//! A feed the strict parser still refuses is not lost: see [`parse`] for the normalisation and the
//! lenient item-by-item reading (`super::lenient`) that follow, and the note that records it.

use std::borrow::Cow;

use regex::Regex;

use chrono::{DateTime, Utc};

use super::dates::parse_date;
use super::decode::{Markup, decode_noting};
use super::lenient;
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
        s = Cow::Owned(decode_base64_elements(&t));
    }
    if let Some(fixed) = fix_rss_version(&s) {
        s = Cow::Owned(fixed);
    }
    s
}

/// Atom 0.3 `mode="base64"` content (feed-rs would keep the base64 text): decoded and escaped
/// in place, so the element carries the text it encodes.
fn decode_base64_elements(s: &str) -> String {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r#"(?s)<(content|summary|title)(\s[^>]*?)\bmode\s*=\s*["']base64["']([^>]*)>([^<]*)</(content|summary|title)>"#)
            .expect("static regex")
    });
    if !re.is_match(s) {
        return s.to_string();
    }
    re.replace_all(s, |c: &regex::Captures| {
        use base64::Engine;
        let compact: String = c[4].chars().filter(|c| !c.is_whitespace()).collect();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(compact.as_bytes())
            .ok()
            .and_then(|b| String::from_utf8(b).ok());
        match decoded {
            Some(text) if c[1] == c[5] => format!(
                "<{}{}{}>{}</{}>",
                &c[1],
                &c[2],
                &c[3],
                text.replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;"),
                &c[5]
            ),
            _ => c[0].to_string(),
        }
    })
    .into_owned()
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

/// A parsed feed: its documents and, when the strict parser refused the feed, how it was read
/// instead (the recovery note recorded in the fetch log and shown by `status`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedFeed {
    pub docs: Vec<NewDocument>,
    pub recovery: Option<String>,
}

/// One item, whichever reader found it.
struct Item {
    title: String,
    link: Option<String>,
    id: Option<String>,
    published: Option<DateTime<Utc>>,
    summary: Option<String>,
    content: Option<String>,
    authors: Vec<String>,
}

/// Parse a fetched feed into documents. `base_url` resolves relative links. `min_chars`: items
/// whose content is shorter are marked for article fetching.
///
/// The strict parser (feed-rs) reads the feed first. When it refuses it, what can be normalised
/// is normalised (entity spellings, undeclared HTML entities, bare `&`, DOCTYPEs, Atom 0.3
/// content types and modes) and the strict parser tries again; if it still refuses, the lenient
/// reader (`lenient`) reads the feed item by item, so one bad element never loses the feed. Only
/// a feed with no recoverable item is an error, the strict parser's.
pub fn parse(
    bytes: &[u8],
    header_charset: Option<&str>,
    base_url: &str,
    kind: DocKind,
    min_chars: usize,
) -> Result<ParsedFeed, FetchError> {
    let (text, encoding_note) = decode_noting(bytes, header_charset, Markup::Xml);
    let prepared = prepare(&text);
    let base = url::Url::parse(base_url).ok();
    let docs = |items: Vec<Item>| -> Vec<NewDocument> {
        items
            .into_iter()
            .filter_map(|i| to_document(i, base.as_ref(), kind, min_chars))
            .collect()
    };
    let strict_error = match strict(&prepared, base_url) {
        Ok(items) => {
            let found = docs(items);
            if !found.is_empty() {
                return Ok(ParsedFeed {
                    docs: found,
                    recovery: encoding_note,
                });
            }
            // A feed the strict parser reads as empty may hold items it does not see (items
            // outside the channel, an unknown root): the lenient reader has the last word.
            let lenient = docs(lenient_items(&prepared));
            let recovery = (!lenient.is_empty())
                .then(|| "read item by item: the strict parser found no items".to_string());
            return Ok(ParsedFeed {
                docs: if lenient.is_empty() { found } else { lenient },
                recovery,
            });
        }
        Err(e) => e,
    };
    let (normalised, fixes) = normalise(&prepared);
    if !fixes.is_empty()
        && let Ok(items) = strict(&normalised, base_url)
    {
        let found = docs(items);
        if !found.is_empty() {
            return Ok(ParsedFeed {
                docs: found,
                recovery: Some(format!(
                    "normalised {} (strict parser: {})",
                    fixes.join(", "),
                    short(&strict_error.to_string())
                )),
            });
        }
    }
    let mut found = docs(lenient_items(&normalised));
    if found.is_empty() && !fixes.is_empty() {
        found = docs(lenient_items(&prepared));
    }
    if found.is_empty() {
        return Err(strict_error);
    }
    Ok(ParsedFeed {
        docs: found,
        recovery: Some(format!(
            "read item by item (strict parser: {})",
            short(&strict_error.to_string())
        )),
    })
}

fn short(s: &str) -> String {
    let s = s.trim();
    match s.char_indices().nth(160) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// feed-rs, under `catch_unwind`, with the lenient date reader.
fn strict(text: &str, base_url: &str) -> Result<Vec<Item>, FetchError> {
    let input = text.as_bytes().to_vec();
    let base = base_url.to_string();
    let parsed = std::panic::catch_unwind(move || {
        feed_rs::parser::Builder::new()
            .base_uri(Some(base.as_str()))
            .timestamp_parser(parse_date)
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
    Ok(feed
        .entries
        .into_iter()
        .map(|e| Item {
            link: e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.clone()),
            title: e
                .title
                .as_ref()
                .map(|t| field_text(&t.content))
                .unwrap_or_default(),
            summary: e.summary.as_ref().map(|t| field_text(&t.content)),
            content: e
                .content
                .as_ref()
                .and_then(|c| c.body.as_deref())
                .map(field_text),
            authors: e.authors.iter().filter_map(|p| p.name.clone()).collect(),
            published: e.published.or(e.updated),
            id: Some(e.id),
        })
        .collect())
}

fn lenient_items(text: &str) -> Vec<Item> {
    lenient::read_items(text)
        .into_iter()
        .map(|r| Item {
            published: r
                .published
                .as_deref()
                .and_then(parse_date)
                .or_else(|| r.updated.as_deref().and_then(parse_date)),
            title: r.title,
            link: r.link,
            id: r.id.map(|i| i.trim().to_string()),
            summary: r.summary,
            content: r.content,
            authors: r.authors,
        })
        .collect()
}

/// Normalise what the strict parser refuses; returns the text and what was changed.
fn normalise(text: &str) -> (String, Vec<&'static str>) {
    let mut fixes = Vec::new();
    let mut s = text.to_string();
    if let Some(t) = without_prolog_doctype(&s) {
        s = t;
        fixes.push("DOCTYPE removed");
    }
    let (t, changed) = fix_entities(&s);
    if changed {
        s = t;
        fixes.push("entities");
    }
    let types = Regex::new(
        r#"(?i)\b(type|mode)\s*=\s*["'](text/plain|text/html|application/xhtml\+xml|escaped|xml|base64)["']"#,
    )
    .expect("static regex");
    if types.is_match(&s) {
        s = types
            .replace_all(&s, |c: &regex::Captures| {
                match (
                    c[1].to_ascii_lowercase().as_str(),
                    c[2].to_ascii_lowercase().as_str(),
                ) {
                    ("type", "text/plain") => r#"type="text""#.to_string(),
                    ("type", "text/html") => r#"type="html""#.to_string(),
                    ("type", "application/xhtml+xml") => r#"type="xhtml""#.to_string(),
                    (_, v) => format!(r#"data-mode="{v}""#),
                }
            })
            .into_owned();
        fixes.push("content types");
    }
    (s, fixes)
}

/// The text without a DOCTYPE declaration (internal subset included) before the root element;
/// `None` when there is none. A DOCTYPE-like text elsewhere is content, left alone.
fn without_prolog_doctype(s: &str) -> Option<String> {
    let start = s.find("<!DOCTYPE").or_else(|| s.find("<!doctype"))?;
    let before = &s[..start];
    // only the prolog may come before it: the XML declaration, comments, processing instructions
    let mut rest = before.trim();
    while !rest.is_empty() {
        let end = if rest.starts_with("<?") {
            rest.find("?>")? + 2
        } else if rest.starts_with("<!--") {
            rest.find("-->")? + 3
        } else {
            return None;
        };
        rest = rest[end..].trim_start();
    }
    let mut depth = 0usize;
    for (i, c) in s[start..].char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '>' if depth == 0 => {
                return Some(format!("{before}{}", &s[start + i + 1..]));
            }
            _ => {}
        }
    }
    None
}

/// Outside CDATA sections: `&#X..;` → `&#x..;`, named HTML entities → their characters (XML
/// knows only five), a bare `&` → `&amp;`.
fn fix_entities(s: &str) -> (String, bool) {
    let mut out = String::with_capacity(s.len() + 16);
    let mut changed = false;
    let mut rest = s;
    loop {
        let (plain, cdata) = match rest.find("<![CDATA[") {
            Some(i) => {
                let end = rest[i..].find("]]>").map_or(rest.len(), |e| i + e + 3);
                (&rest[..i], &rest[i..end])
            }
            None => (rest, ""),
        };
        let mut p = plain;
        while let Some(amp) = p.find('&') {
            out.push_str(&p[..amp]);
            let after = &p[amp + 1..];
            let name_end = after.find(';').filter(|&i| i <= 40);
            let name = name_end.map(|i| &after[..i]);
            match name {
                Some("amp" | "lt" | "gt" | "quot" | "apos") => out.push('&'),
                Some(n) if n.starts_with("#x") || (n.starts_with('#') && !n.starts_with("#X")) => {
                    match lenient::entity(after) {
                        Some(_) => out.push('&'),
                        None => {
                            out.push_str("&amp;");
                            changed = true;
                        }
                    }
                }
                _ => match lenient::entity(after) {
                    Some((t, len)) => {
                        for c in t.chars() {
                            match c {
                                '<' => out.push_str("&lt;"),
                                '&' => out.push_str("&amp;"),
                                c => out.push(c),
                            }
                        }
                        p = &after[len..];
                        changed = true;
                        continue;
                    }
                    None => {
                        out.push_str("&amp;");
                        changed = true;
                    }
                },
            }
            p = after;
        }
        out.push_str(p);
        out.push_str(cdata);
        rest = &rest[plain.len() + cdata.len()..];
        if rest.is_empty() {
            break;
        }
    }
    (out, changed)
}

fn to_document(
    i: Item,
    base: Option<&url::Url>,
    kind: DocKind,
    min_chars: usize,
) -> Option<NewDocument> {
    let link = i.link.as_deref().map(|l| resolve(base, l));
    let summary = i.summary.filter(|s| !s.is_empty());
    let content = i.content.filter(|s| !s.is_empty());
    if i.title.is_empty() && summary.is_none() && content.is_none() {
        return None;
    }
    // An item without an id gets the one the strict reader's generator gives (see `strict`), so
    // a feed read once strictly and once leniently keeps its items' identities.
    let guid = i.id.filter(|g| !g.is_empty()).or_else(|| match &link {
        Some(l) => Some(format!("hp-gen:{}", l.trim())),
        None if !i.title.is_empty() => Some(format!(
            "hp-gen:{}",
            crate::store::hash_content(&i.title, None, None)
        )),
        None => None,
    });
    let title = if i.title.is_empty() {
        first_words(
            summary.as_deref().or(content.as_deref()).unwrap_or(""),
            TITLE_WORDS,
        )
    } else {
        i.title
    };
    let body_len = content.as_ref().map_or(0, |c| c.chars().count());
    let needs_article = body_len < min_chars && link.is_some();
    let author = i
        .authors
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    Some(NewDocument {
        kind,
        url: link,
        guid,
        title,
        summary: summary.or_else(|| content.as_deref().map(|c| first_words(c, 60))),
        body: content,
        author: Some(author).filter(|a| !a.is_empty()),
        published_at: i.published,
        needs_article,
        ..Default::default()
    })
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

/// How many of its first words an item without a title is titled with.
pub const TITLE_WORDS: usize = 12;

/// Is `c` a character of a script written without spaces between words (Chinese, Japanese)
/// or a Hangul syllable? Two of them count as a word.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF)
}

/// The first `n` words of `s`, with "…" when more follow (an item without a title is titled with
/// its first [`TITLE_WORDS`]). In Chinese or Japanese, which leave no space between words, two
/// characters count as a word: a paragraph is not one word.
pub fn first_words(s: &str, n: usize) -> String {
    // words counted in halves: a run of other characters is two halves, a wide character one
    let mut halves = 0;
    let mut in_word = false;
    let mut cut = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        let add = if is_wide(c) {
            in_word = false;
            1
        } else if in_word {
            0
        } else {
            in_word = true;
            2
        };
        if halves + add > 2 * n {
            cut = Some(i);
            break;
        }
        halves += add;
    }
    let kept = cut.map_or(s, |i| &s[..i]);
    let words = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    if cut.is_some() {
        format!("{words}…")
    } else {
        words
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
    fn an_untitled_item_is_titled_with_its_first_words_two_wide_characters_a_word() {
        assert_eq!(
            first_words("TeraWulf  signs a\nlease with Fluidstack", 4),
            "TeraWulf signs a lease…"
        );
        assert_eq!(first_words("TeraWulf signs", 4), "TeraWulf signs");
        // a Japanese paragraph has no spaces: six characters are three words
        assert_eq!(
            first_words("グーグルがサイファーの株式を取得した。", 3),
            "グーグルがサ…"
        );
        assert_eq!(first_words("Reutersは9月25日", 2), "Reutersは…");
    }

    #[test]
    fn rss_item_fields() {
        let docs = parse(
            RSS.as_bytes(),
            None,
            "https://ex.com/feed",
            DocKind::News,
            600,
        )
        .unwrap()
        .docs;
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
        let docs = parse(&bytes, None, "http://x/", DocKind::News, 0)
            .unwrap()
            .docs;
        assert_eq!(docs[0].title, "Café “quoted”");
        // same bytes, no prolog encoding, charset from the HTTP header
        bytes = b"<rss version=\"2.0\"><channel><title>t</title><item><title>Caf\xe9</title><link>http://x/1</link></item></channel></rss>".to_vec();
        let docs = parse(&bytes, Some("iso-8859-1"), "http://x/", DocKind::News, 0)
            .unwrap()
            .docs;
        assert_eq!(docs[0].title, "Café");
    }

    #[test]
    fn utf16_with_bom_does_not_panic() {
        let text = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>t</title><item><title>Hut 8 ☀</title><link>http://x/1</link></item></channel></rss>";
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let docs = parse(&bytes, None, "http://x/", DocKind::News, 0)
            .unwrap()
            .docs;
        assert_eq!(docs[0].title, "Hut 8 ☀");
    }

    #[test]
    fn atom_03_is_read_as_atom() {
        let text = r#"<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#">
<title>old</title><entry><title>Old-style entry</title><link rel="alternate" type="text/html" href="http://x/a"/>
<id>tag:x,2024:1</id><issued>2024-06-03T20:05:00Z</issued><modified>2024-06-03T20:05:00Z</modified>
<summary>text</summary></entry></feed>"#;
        let docs = parse(text.as_bytes(), None, "http://x/", DocKind::News, 0)
            .unwrap()
            .docs;
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
            let docs = parse(text.as_bytes(), None, "http://x/", DocKind::News, 0)
                .unwrap()
                .docs;
            assert_eq!(docs.len(), 1, "{head}");
        }
    }

    #[test]
    fn entries_without_id_or_link_get_a_stable_guid() {
        let text = "<rss version=\"2.0\"><channel><title>t</title><item><title>No id, no link</title><description>Text.</description></item><item><description>Only text here.</description></item></channel></rss>";
        let a = parse(text.as_bytes(), None, "http://x/", DocKind::News, 0)
            .unwrap()
            .docs;
        let b = parse(text.as_bytes(), None, "http://x/", DocKind::News, 0)
            .unwrap()
            .docs;
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
