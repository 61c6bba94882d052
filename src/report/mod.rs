//! What users take away, rendered from the stages' results: the study's tables and CSV files, the
//! premium report, the weekly digest (Markdown, text, HTML), the dataset export (CSV, JSON Lines,
//! Parquet) and SVG charts. Every piece of untrusted text is escaped or neutralised here.

pub mod atom;
pub mod chart;
pub mod dataset;
pub mod digest;
pub mod export;
pub mod premium;
pub mod study;
pub mod text;

/// A CSV cell from untrusted text, neutralised against spreadsheet formula injection: a cell
/// starting with `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe. Numbers are written by
/// the caller as numbers and never pass through here.
pub fn safe_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// Escape text for HTML/SVG.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("+1"), "'+1");
        assert_eq!(safe_cell("-cmd"), "'-cmd");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("\tx"), "'\tx");
        assert_eq!(safe_cell("IREN"), "IREN");
    }

    #[test]
    fn xml_escaping() {
        assert_eq!(
            escape_xml("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
