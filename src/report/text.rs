//! Small formatting helpers shared by every human-readable output (tables, digests).

/// At most `n` characters, with an ellipsis when cut.
pub fn trunc(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Significance stars for a two-sided p-value: * < 0.1, ** < 0.05, *** < 0.01.
pub fn stars(p: f64) -> &'static str {
    if p < 0.01 {
        "***"
    } else if p < 0.05 {
        "**"
    } else if p < 0.1 {
        "*"
    } else {
        ""
    }
}

/// A fraction as a signed percentage with two decimals, "-" when absent.
pub fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "-".into(), |v| format!("{:+.2}%", v * 100.0))
}

/// A dollar amount the way tables show it: `$3.70B` from a billion up, else `$311M`; "-" when absent.
pub fn usd(v: Option<f64>) -> String {
    match v {
        None => "-".into(),
        Some(v) if v >= 1e9 => format!("${:.2}B", v / 1e9),
        Some(v) => format!("${:.0}M", v / 1e6),
    }
}

/// A deal's headline terms in parentheses, " ($9.70B, 200 MW, 5 years)", or nothing when none is
/// known (alerts and the deals feed).
pub fn terms_in_parens(value: Option<f64>, mw: Option<f64>, years: Option<f64>) -> String {
    let mut terms = Vec::new();
    if value.is_some() {
        terms.push(usd(value));
    }
    if let Some(mw) = mw {
        terms.push(format!("{mw} MW"));
    }
    if let Some(y) = years {
        terms.push(format!("{y} years"));
    }
    if terms.is_empty() {
        String::new()
    } else {
        format!(" ({})", terms.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(trunc("Cipher Mining", 6), "Ciphe…");
        assert_eq!(trunc("IREN", 6), "IREN");
        assert_eq!(stars(0.009), "***");
        assert_eq!(stars(0.04), "**");
        assert_eq!(stars(0.09), "*");
        assert_eq!(stars(0.2), "");
        assert_eq!(pct(Some(0.2056)), "+20.56%");
        assert_eq!(pct(None), "-");
        assert_eq!(usd(Some(3.7e9)), "$3.70B");
        assert_eq!(usd(Some(311e6)), "$311M");
        assert_eq!(usd(None), "-");
    }
}
