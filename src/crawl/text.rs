//! HTML to plain text, and the small text clean-ups every parser needs.

/// Plain text of an HTML fragment or page: paragraphs kept as blank-line-separated blocks, no
/// wrapping, no link footnotes, whitespace inside lines folded.
pub fn html_to_text(html: &str) -> String {
    let raw = html2text::config::plain_no_decorate()
        .no_table_borders()
        .allow_width_overflow()
        .link_footnotes(false)
        .string_from_read(html.as_bytes(), 100_000)
        .unwrap_or_else(|_| strip_tags(html));
    tidy(&raw)
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
        || s.contains("&lt;")
        || s.contains("&amp;")
}

/// Text of a feed field that may or may not be HTML.
pub fn field_text(s: &str) -> String {
    if looks_like_html(s) {
        html_to_text(s)
    } else {
        tidy(s)
    }
}

/// Last-resort tag stripper for input html2text refuses.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
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
    fn plain_text_is_only_tidied() {
        assert_eq!(field_text("  a   b \n\n\n c "), "a b\n\nc");
    }
}
