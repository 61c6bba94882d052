//! HTML to plain text, and the small text clean-ups every parser needs.

/// Plain text of an HTML fragment or page: block elements (paragraphs, headings, list items,
/// table rows, divs) become lines, a blank line between paragraphs; scripts, styles and the
/// document head are dropped; whitespace inside lines is folded. No wrapping, no markup.
pub fn html_to_text(html: &str) -> String {
    let doc = scraper::Html::parse_fragment(html);
    let mut raw = String::with_capacity(html.len() / 2);
    walk(*doc.root_element(), &mut raw, false);
    // Runs of break markers become one line break, or a blank line if any was a paragraph break.
    let mut out = String::with_capacity(raw.len());
    let mut pending: Option<bool> = None; // Some(is_paragraph)
    for c in raw.chars() {
        match c {
            LINE => pending = Some(pending.unwrap_or(false)),
            PARA => pending = Some(true),
            _ => {
                if let Some(p) = pending.take() {
                    out.push_str(if p { "\n\n" } else { "\n" });
                }
                out.push(c);
            }
        }
    }
    tidy(&out)
}

const LINE: char = '\u{1}';
const PARA: char = '\u{2}';

fn walk(node: ego_tree::NodeRef<'_, scraper::Node>, out: &mut String, pre: bool) {
    for child in node.children() {
        match child.value() {
            // Source line breaks are plain whitespace in HTML, except inside <pre>.
            scraper::Node::Text(t) if pre => {
                out.extend(t.chars().map(|c| if c == '\n' { LINE } else { c }))
            }
            scraper::Node::Text(t) => out.extend(t.chars().map(|c| {
                if c.is_whitespace() || c == LINE || c == PARA {
                    ' '
                } else {
                    c
                }
            })),
            scraper::Node::Element(e) => {
                let name = e.name();
                // hidden content: scripts, styles, and the inline-XBRL header that 8-K/6-K
                // documents carry in a display:none block
                let hidden = e.attr("style").is_some_and(|st| {
                    st.replace(' ', "")
                        .to_ascii_lowercase()
                        .contains("display:none")
                });
                match name {
                    // `title` too: a fragment parse keeps a page's <title> (an SEC document's
                    // is a file name such as "meta-20251219"), which is not its text
                    "script" | "style" | "noscript" | "head" | "title" | "template" | "svg"
                    | "iframe" | "ix:header" => {
                        continue;
                    }
                    _ if hidden => continue,
                    "br" => {
                        out.push(LINE);
                        continue;
                    }
                    _ => {}
                }
                let para = matches!(
                    name,
                    "p" | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "blockquote"
                        | "pre"
                        | "table"
                        | "ul"
                        | "ol"
                        | "dl"
                        | "section"
                        | "article"
                        | "header"
                        | "footer"
                        | "figure"
                        | "hr"
                );
                let line = matches!(
                    name,
                    "div"
                        | "li"
                        | "tr"
                        | "dt"
                        | "dd"
                        | "main"
                        | "aside"
                        | "nav"
                        | "form"
                        | "caption"
                );
                let cell = matches!(name, "td" | "th");
                if para {
                    out.push(PARA);
                } else if line {
                    out.push(LINE);
                }
                walk(child, out, pre || name == "pre");
                if para {
                    out.push(PARA);
                } else if line {
                    out.push(LINE);
                } else if cell {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
}

/// Fold runs of spaces inside lines, trim lines, and keep at most one blank line between blocks.
pub fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for line in s.lines() {
        let folded = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if folded.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&folded);
    }
    out
}

/// Does this look like HTML rather than plain text?
pub fn looks_like_html(s: &str) -> bool {
    let t = s.trim_start();
    t.starts_with('<')
        || s.contains("</")
        || s.contains("<br")
        || s.contains("<p>")
        // entities left over from double-escaped feeds (WordPress: "&amp;#8217;" → "&#8217;")
        || s.contains("&#")
        || ["&lt;", "&gt;", "&amp;", "&quot;", "&nbsp;", "&rsquo;", "&ldquo;", "&rdquo;", "&mdash;", "&ndash;"]
            .iter()
            .any(|e| s.contains(e))
}

/// Text of a feed field that may or may not be HTML.
///
/// HTML whose text comes out empty although it holds more than tags (a stray `<!DOCTYPE` or
/// `<!'` in a description, a title inside inline SVG) keeps that text, tags removed, as a
/// lenient feed reader does.
pub fn field_text(s: &str) -> String {
    if !looks_like_html(s) {
        return tidy(s);
    }
    markup_text(s)
}

/// Text of a field known to be HTML, with the same fallback as [`field_text`].
pub fn markup_text(s: &str) -> String {
    let text = html_to_text(s);
    if !text.is_empty() {
        return text;
    }
    static TAG: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let tag = TAG.get_or_init(|| regex::Regex::new(r"</?[A-Za-z][^<>]*>").expect("static regex"));
    tidy(&tag.replace_all(s, " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_fragment_to_text() {
        let t = html_to_text(
            "<p>TeraWulf signs <b>10-year</b> lease</p><p>Second&nbsp;para &amp; more</p>",
        );
        assert_eq!(t, "TeraWulf signs 10-year lease\n\nSecond para & more");
    }

    #[test]
    fn headings_lists_tables_and_scripts() {
        let t = html_to_text(
            "<h1>Title</h1><script>var x=1;</script><ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>x<br>y",
        );
        assert_eq!(t, "Title\n\none\ntwo\n\na b\n\nx\ny");
    }

    #[test]
    fn hidden_blocks_and_the_inline_xbrl_header_are_dropped() {
        let t = html_to_text(
            "<div style=\"display: none\"><ix:header><ix:hidden>dei:EntityCentralIndexKey 0001839341</ix:hidden></ix:header></div><p>Item 1.01 Entry into a Material Definitive Agreement.</p>",
        );
        assert_eq!(t, "Item 1.01 Entry into a Material Definitive Agreement.");
    }

    #[test]
    fn leftover_entities_are_decoded() {
        assert_eq!(
            field_text("Hut 8&#8217;s lease &ndash; a &quot;first&quot;"),
            "Hut 8’s lease – a \"first\""
        );
        assert_eq!(field_text("AT&T and R&D"), "AT&T and R&D");
    }

    #[test]
    fn plain_text_is_only_tidied() {
        assert_eq!(field_text("  a   b \n\n\n c "), "a b\n\nc");
    }
}
