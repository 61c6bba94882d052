//! A lenient reading of a feed that the strict parser refused: the document is read as a tree of
//! elements the way a browser reads HTML (an end tag closes whatever it matches, unclosed elements
//! end with their parent, stray `<` and `&` are text, DOCTYPEs, comments and processing
//! instructions are skipped), and every `<item>` or `<entry>`, at any depth and with any namespace
//! prefix, becomes an item with the fields a feed reader needs. Nothing here fails: a document
//! with no item gives an empty list.

use std::ops::Range;

use super::text::{field_text, markup_text};

/// One item as the lenient pass read it; text fields are plain text already.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawItem {
    pub title: String,
    pub link: Option<String>,
    pub id: Option<String>,
    pub published: Option<String>,
    pub updated: Option<String>,
    pub summary: Option<String>,
    pub content: Option<String>,
    pub authors: Vec<String>,
}

#[derive(Debug)]
struct Node {
    /// Local name, lower case (`dc:date` → `date`, `content:encoded` → `encoded`).
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<usize>,
    /// The raw markup between the start and end tags.
    inner: Range<usize>,
}

struct Tree<'a> {
    src: &'a str,
    nodes: Vec<Node>,
}

/// Elements whose start tag closes an open one of the same name (items never nest).
const SELF_CLOSING_SIBLINGS: [&str; 2] = ["item", "entry"];

fn build(src: &str) -> Tree<'_> {
    let mut nodes = vec![Node {
        name: String::new(),
        attrs: Vec::new(),
        children: Vec::new(),
        inner: 0..src.len(),
    }];
    let mut stack: Vec<usize> = vec![0];
    let b = src.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let lt = i + off;
        let rest = &src[lt..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(src.len(), |e| lt + e + 3);
        } else if rest.starts_with("<![CDATA[") {
            i = rest.find("]]>").map_or(src.len(), |e| lt + e + 3);
        } else if rest.starts_with("<?") {
            i = rest.find("?>").map_or(src.len(), |e| lt + e + 2);
        } else if rest.starts_with("<!") {
            i = lt + declaration_len(rest);
        } else if let Some(after) = rest.strip_prefix("</") {
            let name_len = after
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(after.len());
            let name = local(&after[..name_len]);
            let end = after.find('>').map_or(src.len(), |e| lt + 2 + e + 1);
            if let Some(pos) = stack.iter().rposition(|&n| nodes[n].name == name && n != 0) {
                for &n in &stack[pos..] {
                    nodes[n].inner.end = lt;
                }
                stack.truncate(pos);
            }
            i = end;
        } else if let Some((tag, len)) = start_tag(rest) {
            let name = local(&tag.name);
            if SELF_CLOSING_SIBLINGS.contains(&name.as_str())
                && let Some(pos) = stack.iter().rposition(|&n| nodes[n].name == name)
            {
                for &n in &stack[pos..] {
                    nodes[n].inner.end = lt;
                }
                stack.truncate(pos);
            }
            let id = nodes.len();
            let start = lt + len;
            nodes.push(Node {
                name,
                attrs: tag.attrs,
                children: Vec::new(),
                inner: start..if tag.empty { start } else { src.len() },
            });
            let parent = *stack.last().expect("root stays");
            nodes[parent].children.push(id);
            if !tag.empty {
                stack.push(id);
            }
            i = start;
        } else {
            i = lt + 1;
        }
    }
    Tree { src, nodes }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

/// Length of `<!DOCTYPE ...>` or another declaration, internal subset `[...]` included.
fn declaration_len(rest: &str) -> usize {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in rest.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') => depth += 1,
            (None, ']') => depth = depth.saturating_sub(1),
            (None, '>') if depth == 0 => return i + 1,
            _ => {}
        }
    }
    rest.len()
}

struct StartTag {
    name: String,
    attrs: Vec<(String, String)>,
    empty: bool,
}

/// A start tag at the beginning of `rest` (which begins with `<`), with its length in bytes.
fn start_tag(rest: &str) -> Option<(StartTag, usize)> {
    let body = &rest[1..];
    let first = body.chars().next()?;
    if !(first.is_alphabetic() || first == '_') {
        return None;
    }
    let name_len = body
        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        .unwrap_or(body.len());
    let name = body[..name_len].to_string();
    let mut attrs = Vec::new();
    let mut j = name_len;
    let bytes = body.as_bytes();
    loop {
        while j < body.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if j >= body.len() {
            return None;
        }
        match bytes[j] {
            b'>' => {
                return Some((
                    StartTag {
                        name,
                        attrs,
                        empty: false,
                    },
                    j + 2,
                ));
            }
            b'/' if body[j..].starts_with("/>") => {
                return Some((
                    StartTag {
                        name,
                        attrs,
                        empty: true,
                    },
                    j + 3,
                ));
            }
            b'<' => return None,
            _ => {}
        }
        let key_len = body[j..]
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>' || c == '/' || c == '<')
            .unwrap_or(body.len() - j);
        if key_len == 0 {
            // a stray '/' or '=': step over it (one whole character)
            j += body[j..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let key = body[j..j + key_len].to_ascii_lowercase();
        j += key_len;
        while j < body.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = String::new();
        if j < body.len() && bytes[j] == b'=' {
            j += 1;
            while j < body.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < body.len() && (bytes[j] == b'"' || bytes[j] == b'\'') {
                let q = bytes[j] as char;
                let close = body[j + 1..].find(q)? + j + 1;
                value = decode_entities(&body[j + 1..close]);
                j = close + 1;
            } else {
                let len = body[j..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(body.len() - j);
                value = decode_entities(&body[j..j + len]);
                j += len;
            }
        }
        attrs.push((key, value));
    }
}

/// `dc:Date` → `date`.
fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_ascii_lowercase()
}

impl Tree<'_> {
    fn attr<'n>(&'n self, n: usize, key: &str) -> Option<&'n str> {
        self.nodes[n]
            .attrs
            .iter()
            .find(|(k, _)| local(k) == key)
            .map(|(_, v)| v.as_str())
    }

    fn child(&self, n: usize, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|want| {
            self.nodes[n]
                .children
                .iter()
                .copied()
                .find(|&c| self.nodes[c].name == *want)
        })
    }

    fn raw(&self, n: usize) -> &str {
        let r = &self.nodes[n].inner;
        self.src.get(r.start..r.end.max(r.start)).unwrap_or("")
    }

    /// The element's content as text: CDATA kept as it is, entities decoded elsewhere, base64
    /// decoded when the element says so, then HTML (escaped or inline) turned into plain text.
    fn text(&self, n: usize) -> String {
        let raw = self.raw(n);
        let mode = self.attr(n, "mode").unwrap_or("").to_ascii_lowercase();
        let ty = self.attr(n, "type").unwrap_or("").to_ascii_lowercase();
        let unescaped = unescape_content(raw);
        let is_base64 = mode == "base64"
            || (ty.contains('/')
                && !ty.starts_with("text/")
                && !ty.ends_with("xml")
                && !ty.ends_with("+xml")
                && ty != "html"
                && ty != "xhtml");
        if is_base64 && let Some(decoded) = base64_text(&unescaped) {
            return field_text(&decoded);
        }
        if self.nodes[n].children.is_empty() {
            field_text(&unescaped)
        } else {
            // inline markup (XHTML, or HTML a feed forgot to escape)
            markup_text(&unescaped)
        }
    }

    fn items(&self) -> Vec<usize> {
        (1..self.nodes.len())
            .filter(|&n| matches!(self.nodes[n].name.as_str(), "item" | "entry"))
            .collect()
    }

    fn item(&self, n: usize) -> RawItem {
        let text_of = |names: &[&str]| {
            self.child(n, names)
                .map(|c| self.text(c))
                .filter(|t| !t.is_empty())
        };
        let link = self.link(n);
        let id = text_of(&["guid", "id"])
            .or_else(|| self.attr(n, "about").map(str::to_string))
            .filter(|s| !s.is_empty());
        let link = link.or_else(|| {
            // a permalink guid is the item's link
            let g = self.child(n, &["guid"])?;
            let permalink = self.attr(g, "ispermalink").is_none_or(|v| v != "false");
            let t = self.text(g);
            (permalink && (t.starts_with("http://") || t.starts_with("https://"))).then_some(t)
        });
        let mut authors = Vec::new();
        for &c in &self.nodes[n].children {
            if matches!(self.nodes[c].name.as_str(), "author" | "creator") {
                let name = self
                    .child(c, &["name"])
                    .map(|x| self.text(x))
                    .unwrap_or_else(|| self.text(c));
                if !name.is_empty() {
                    authors.push(name);
                }
            }
        }
        RawItem {
            title: text_of(&["title"]).unwrap_or_default(),
            link,
            id,
            published: text_of(&["pubdate", "published", "issued", "created", "date"]),
            updated: text_of(&["updated", "modified"]),
            summary: text_of(&["description", "summary", "abstract"]),
            content: text_of(&["encoded", "content", "body", "fullitem"]),
            authors,
        }
    }

    /// `<link>URL</link>` (RSS) or `<link href="URL" rel="alternate"/>` (Atom), the alternate
    /// one first; `feedburner:origLink` wins over a tracking link.
    fn link(&self, n: usize) -> Option<String> {
        if let Some(o) = self.child(n, &["origlink"]) {
            let t = self.text(o);
            if !t.is_empty() {
                return Some(t);
            }
        }
        let links: Vec<usize> = self.nodes[n]
            .children
            .iter()
            .copied()
            .filter(|&c| self.nodes[c].name == "link")
            .collect();
        let href = |c: usize| {
            self.attr(c, "href")
                .map(|h| h.trim().to_string())
                .or_else(|| Some(self.text(c)))
                .filter(|h| !h.is_empty())
        };
        links
            .iter()
            .copied()
            .find(|&c| self.attr(c, "rel").is_none_or(|r| r == "alternate"))
            .and_then(href)
            .or_else(|| links.iter().copied().find_map(href))
    }
}

/// Read every item of a feed the strict parser refused.
pub fn read_items(text: &str) -> Vec<RawItem> {
    let tree = build(text);
    tree.items().into_iter().map(|n| tree.item(n)).collect()
}

/// Raw element content → the text it stands for: CDATA sections verbatim, entities decoded
/// elsewhere (so escaped HTML becomes HTML, and inline markup stays markup).
fn unescape_content(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(start) = rest.find("<![CDATA[") {
        out.push_str(&decode_entities(&rest[..start]));
        let after = &rest[start + 9..];
        let end = after.find("]]>").unwrap_or(after.len());
        out.push_str(&after[..end]);
        rest = after.get(end + 3..).unwrap_or("");
    }
    out.push_str(&decode_entities(rest));
    out
}

/// Decode XML and HTML character references: `&amp;`, `&#38;`, `&#x26;`, `&#X26;`, and every
/// named HTML entity (`&nbsp;`, `&eacute;`, `&mdash;`). Anything else after `&` is kept as text.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match entity(after) {
            Some((text, len)) => {
                out.push_str(&text);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character(s) an entity reference (the text after `&`) stands for, and how many bytes it
/// takes, `;` included.
pub(crate) fn entity(after: &str) -> Option<(String, usize)> {
    let semi = after.get(..after.len().min(40))?.find(';')?;
    let name = &after[..semi];
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        let c = char::from_u32(code).filter(|c| *c != '\0')?;
        return Some((c.to_string(), semi + 1));
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric()) || name.is_empty() {
        return None;
    }
    let key = format!("{name};");
    let &(a, b) = markup5ever::data::NAMED_ENTITIES.get(key.as_str())?;
    if a == 0 {
        return None;
    }
    let mut t: String = char::from_u32(a)?.to_string();
    if b != 0 {
        t.push(char::from_u32(b)?);
    }
    Some((t, semi + 1))
}

fn base64_text(s: &str) -> Option<String> {
    use base64::Engine;
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .ok()?;
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_markup_still_gives_every_item() {
        let feed = r#"<rss version="2.0"><channel><title>t &copy; x</title>
<item><title>First &#X2014; one</title><link>http://x/1</link>
<description>An unclosed <b>bold and AT&T < stuff</description></item>
<item><title>Second</title><link>http://x/2</link><guid isPermaLink="false">g2</guid>
<description><![CDATA[<p>Para &amp; more</p>]]></description>
<pubDate>Tues, 4 Nov 2025 10:00 EST</pubDate>
<item><title>Third, after an unclosed item</title><dc:creator>Ann</dc:creator></item>
</channel></rss>"#;
        let items = read_items(feed);
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].title, "First — one");
        assert_eq!(items[0].link.as_deref(), Some("http://x/1"));
        assert_eq!(
            items[0].summary.as_deref(),
            Some("An unclosed bold and AT&T < stuff")
        );
        assert_eq!(items[1].id.as_deref(), Some("g2"));
        assert_eq!(items[1].summary.as_deref(), Some("Para & more"));
        assert_eq!(
            items[1].published.as_deref(),
            Some("Tues, 4 Nov 2025 10:00 EST")
        );
        assert_eq!(items[2].title, "Third, after an unclosed item");
        assert_eq!(items[2].authors, vec!["Ann".to_string()]);
    }

    #[test]
    fn atom_links_ids_base64_and_xhtml() {
        let feed = r#"<feed xmlns="http://purl.org/atom/ns#"><entry>
<title type="text/plain">Plain</title>
<link rel="replies" href="http://x/c"/><link rel="alternate" href="http://x/a"/>
<id>tag:x,1</id><author><name>Bo</name></author>
<content type="text/html" mode="base64">PHA+SGVsbG8gPGI+d29ybGQ8L2I+PC9wPg==</content>
<summary type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <i>x</i></p></div></summary>
</entry></feed>"#;
        let items = read_items(feed);
        assert_eq!(items.len(), 1);
        let e = &items[0];
        assert_eq!(e.title, "Plain");
        assert_eq!(e.link.as_deref(), Some("http://x/a"));
        assert_eq!(e.id.as_deref(), Some("tag:x,1"));
        assert_eq!(e.authors, vec!["Bo".to_string()]);
        assert_eq!(e.content.as_deref(), Some("Hello world"));
        assert_eq!(e.summary.as_deref(), Some("Inline x"));
    }

    #[test]
    fn entities_decoded_and_unknown_ones_kept() {
        assert_eq!(
            decode_entities("a&nbsp;b &eacute; &#X41;&#66; &bogus; & x &#0;"),
            "a\u{a0}b é AB &bogus; & x &#0;"
        );
    }

    #[test]
    fn a_non_ascii_space_inside_a_tag_is_no_panic() {
        // found by the property tests: U+00A0 after an attribute was stepped into byte by byte
        let items = read_items("<item a=\"1\"\u{a0}/\u{a0}><title>x</title></item>");
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].title, "x");
    }

    #[test]
    fn nothing_to_read_is_an_empty_list() {
        for s in [
            "",
            "<",
            "<<<>>>",
            "<rss",
            "<item",
            "</item>",
            "<!DOCTYPE [",
            "&#",
        ] {
            let _ = read_items(s);
        }
        assert!(read_items("<html><body>not a feed</body></html>").is_empty());
    }
}
