//! The query language: free text over title (boosted), summary and body; "phrases"; AND, OR, NOT
//! and parentheses; field prefixes `ticker:IREN`, `kind:filing`, `source:"The Block"`,
//! `title:lease`, `form:8-K`, `published:[2025-01-01 TO 2025-06-30]`, and for a whole group,
//! `title:(lease OR "critical IT")`; cashtags (`$IREN` means the
//! ticker). This module checks a query and rewrites it into tantivy's grammar, so that errors name
//! the position (1-based, in characters) and the problem.

use chrono::NaiveDate;

/// A query the user must fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub position: usize,
    pub message: String,
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "bad query at position {}: {}",
            self.position, self.message
        )
    }
}

/// Field prefixes users may write, and the index field each means.
pub const FIELDS: &[(&str, &str)] = &[
    ("title", "title"),
    ("summary", "summary"),
    // the body has no index of its own: its words are in the combined `text` field
    ("body", "text"),
    ("ticker", "tickers"),
    ("tickers", "tickers"),
    ("source", "source"),
    ("kind", "kind"),
    ("form", "form"),
    ("published", "published"),
    ("date", "published"),
];

/// A checked query: tantivy text, and the tickers it names (for ranking).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub text: String,
    pub tickers: Vec<String>,
}

fn err(position: usize, message: impl Into<String>) -> QueryError {
    QueryError {
        position: position + 1,
        message: message.into(),
    }
}

fn is_op(w: &str) -> bool {
    matches!(w, "AND" | "OR" | "NOT")
}

/// Check and rewrite a query.
pub fn parse(q: &str) -> Result<Parsed, QueryError> {
    let c: Vec<char> = q.chars().collect();
    let mut out = String::with_capacity(q.len() + 16);
    let mut tickers = Vec::new();
    // open parentheses: where each opened, and the field a `field:(...)` group gives its terms
    let mut parens: Vec<(usize, Option<&'static str>)> = Vec::new();
    let scope = |parens: &[(usize, Option<&'static str>)]| parens.iter().rev().find_map(|p| p.1);
    // what the previous token was: None (start / after "("), an operand, or a binary operator
    #[derive(PartialEq, Clone, Copy)]
    enum Prev {
        Start,
        Operand,
        Binary(usize),
        Not(usize),
    }
    let mut prev = Prev::Start;
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() {
            out.push(ch);
            i += 1;
            continue;
        }
        if ch == '(' {
            parens.push((i, None));
            out.push(ch);
            prev = Prev::Start;
            i += 1;
            continue;
        }
        if ch == ')' {
            if parens.pop().is_none() {
                return Err(err(i, "')' without a matching '('"));
            }
            match prev {
                Prev::Binary(p) | Prev::Not(p) => {
                    return Err(err(p, "an operator needs a term after it"));
                }
                Prev::Start => return Err(err(i, "empty parentheses")),
                Prev::Operand => {}
            }
            out.push(ch);
            prev = Prev::Operand;
            i += 1;
            continue;
        }
        if ch == '"' {
            let start = i;
            let end = (i + 1..c.len())
                .find(|&j| c[j] == '"')
                .ok_or_else(|| err(start, "unclosed quote"))?;
            if end == start + 1 {
                return Err(err(start, "empty phrase"));
            }
            // a backslash would escape the closing quote in tantivy's grammar
            let phrase: String = c[start..=end]
                .iter()
                .map(|&x| if x == '\\' { ' ' } else { x })
                .collect();
            match scope(&parens) {
                Some(field) => out.push_str(&rewrite(field, &phrase, start, &mut tickers)?),
                None => out.push_str(&phrase),
            }
            prev = Prev::Operand;
            i = end + 1;
            continue;
        }
        // a word, possibly with a field prefix
        let start = i;
        let mut j = i;
        while j < c.len()
            && !c[j].is_whitespace()
            && c[j] != '('
            && c[j] != ')'
            && c[j] != '"'
            && c[j] != ':'
        {
            j += 1;
        }
        let word: String = c[start..j].iter().collect();
        if j < c.len()
            && c[j] == ':'
            && !word.is_empty()
            && word.chars().all(|x| x.is_ascii_alphanumeric() || x == '_')
        {
            let name = word.to_ascii_lowercase();
            let Some(&(_, field)) = FIELDS.iter().find(|(n, _)| *n == name) else {
                let known: Vec<&str> = FIELDS.iter().map(|(n, _)| *n).collect();
                return Err(err(
                    start,
                    format!("unknown field '{word}' (known: {})", known.join(", ")),
                ));
            };
            // the value: "phrase", [range], (group), or a word
            let vstart = j + 1;
            if vstart < c.len() && c[vstart] == '(' {
                parens.push((vstart, Some(field)));
                out.push('(');
                prev = Prev::Start;
                i = vstart + 1;
                continue;
            }
            let (value, next) = if vstart < c.len() && c[vstart] == '"' {
                let end = (vstart + 1..c.len())
                    .find(|&k| c[k] == '"')
                    .ok_or_else(|| err(vstart, "unclosed quote"))?;
                (c[vstart..=end].iter().collect::<String>(), end + 1)
            } else if vstart < c.len() && (c[vstart] == '[' || c[vstart] == '{') {
                let end = (vstart + 1..c.len())
                    .find(|&k| c[k] == ']' || c[k] == '}')
                    .ok_or_else(|| err(vstart, "unclosed range: expected [FROM TO UNTIL]"))?;
                (c[vstart..=end].iter().collect::<String>(), end + 1)
            } else {
                let mut k = vstart;
                while k < c.len()
                    && !c[k].is_whitespace()
                    && c[k] != ')'
                    && c[k] != '('
                    && c[k] != '"'
                {
                    k += 1;
                }
                (c[vstart..k].iter().collect::<String>(), k)
            };
            if value.is_empty() {
                return Err(err(start, format!("'{word}:' needs a value")));
            }
            let rewritten = rewrite(field, &value, vstart, &mut tickers)?;
            out.push_str(&rewritten);
            prev = Prev::Operand;
            i = next;
            continue;
        }
        if j < c.len() && c[j] == ':' {
            return Err(err(j, "':' must follow a field name, e.g. ticker:IREN"));
        }
        if is_op(&word) {
            match (word.as_str(), prev) {
                ("AND" | "OR", Prev::Start | Prev::Binary(_) | Prev::Not(_)) => {
                    return Err(err(start, format!("{word} needs a term before it")));
                }
                ("NOT", Prev::Not(_)) => return Err(err(start, "NOT NOT")),
                _ => {}
            }
            prev = if word == "NOT" {
                Prev::Not(start)
            } else {
                Prev::Binary(start)
            };
            out.push_str(&word);
            i = j;
            continue;
        }
        // punctuation alone could never match (the tokenizer keeps letters and digits): drop it
        if !word.chars().any(char::is_alphanumeric) {
            i = j;
            continue;
        }
        // a term inside a `field:(...)` group
        if let Some(field) = scope(&parens) {
            out.push_str(&rewrite(field, &word, start, &mut tickers)?);
            prev = Prev::Operand;
            i = j;
            continue;
        }
        // $TICKER
        if let Some(t) = word.strip_prefix('$')
            && !t.is_empty()
            && t.len() <= 6
            && t.chars().all(|x| x.is_ascii_alphabetic())
        {
            let t = t.to_ascii_uppercase();
            out.push_str(&format!("tickers:\"{t}\""));
            tickers.push(t);
            prev = Prev::Operand;
            i = j;
            continue;
        }
        // a plain term: drop characters tantivy's grammar treats as syntax
        let clean: String = word
            .chars()
            .map(|x| {
                if "[]{}^~*\\!&|<>=:".contains(x) {
                    ' '
                } else {
                    x
                }
            })
            .collect();
        out.push_str(&clean);
        prev = Prev::Operand;
        i = j;
    }
    if let Some((p, _)) = parens.pop() {
        return Err(err(p, "'(' is never closed"));
    }
    match prev {
        Prev::Binary(p) | Prev::Not(p) => return Err(err(p, "an operator needs a term after it")),
        Prev::Start if !out.trim().is_empty() => {}
        _ => {}
    }
    if out.trim().is_empty() && !q.trim().is_empty() {
        return Err(err(
            0,
            "nothing to search for: a term needs letters or digits",
        ));
    }
    Ok(Parsed {
        text: out.trim().to_string(),
        tickers,
    })
}

/// One value of a field (`ticker:iren`, a term inside `kind:(...)`), in tantivy's grammar; the
/// field's own checks report at `pos`, where the value starts.
fn rewrite(
    field: &str,
    value: &str,
    pos: usize,
    tickers: &mut Vec<String>,
) -> Result<String, QueryError> {
    Ok(match field {
        "tickers" => {
            let t = raw_value(value)
                .trim_start_matches('$')
                .to_ascii_uppercase();
            tickers.push(t.clone());
            format!("tickers:\"{t}\"")
        }
        "kind" => {
            let k = value
                .trim_matches('"')
                .to_ascii_lowercase()
                .replace(['-', ' '], "_");
            if !["news", "press_release", "filing"].contains(&k.as_str()) {
                return Err(err(
                    pos,
                    format!(
                        "kind '{}' is not news, press_release or filing",
                        value.trim_matches('"')
                    ),
                ));
            }
            format!("kind:\"{k}\"")
        }
        "form" => format!("form:\"{}\"", raw_value(value).to_ascii_uppercase()),
        "source" => format!("source:\"{}\"", raw_value(value)),
        "published" => format!("published:{}", date_value(value, pos)?),
        // a text field: the value as a phrase of its words, so no character of it is syntax
        _ => {
            let words = phrase_words(value);
            if words.is_empty() {
                return Err(err(
                    pos,
                    format!(
                        "'{}:' needs a value with letters or digits",
                        if field == "text" { "body" } else { field }
                    ),
                ));
            }
            if words.chars().all(char::is_alphanumeric) {
                format!("{field}:{words}")
            } else {
                format!("{field}:\"{words}\"")
            }
        }
    })
}

/// The value of an untokenized field (ticker, form, source) without its quotes, and without any
/// quote or backslash inside (tantivy's grammar would read them as syntax).
fn raw_value(value: &str) -> String {
    value.trim_matches('"').replace(['"', '\\'], "")
}

/// The words of a value, as tantivy's tokenizer will see them: letters and digits kept, every
/// other character a separator (so quotes, backslashes and operators inside never reach the
/// grammar).
fn phrase_words(value: &str) -> String {
    value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A date or a date range for `published:`, as tantivy's RFC 3339 range (a whole day for a single
/// date; the end date of a range is included in full).
fn date_value(v: &str, pos: usize) -> Result<String, QueryError> {
    let day = |s: &str| {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| err(pos, format!("'{}' is not a date (YYYY-MM-DD)", s.trim())))
    };
    if let Some(inner) = v.strip_prefix('[').or_else(|| v.strip_prefix('{')) {
        let inner = inner.trim_end_matches([']', '}']);
        let (a, b) = inner.split_once(" TO ").ok_or_else(|| {
            err(
                pos,
                "a date range is [FROM TO UNTIL], e.g. [2025-01-01 TO 2025-06-30]",
            )
        })?;
        let from = if a.trim() == "*" {
            "*".to_string()
        } else {
            format!("{}T00:00:00Z", day(a)?)
        };
        let until = if b.trim() == "*" {
            "*".to_string()
        } else {
            format!(
                "{}T00:00:00Z",
                day(b)?
                    .succ_opt()
                    .ok_or_else(|| err(pos, "date out of range"))?
            )
        };
        Ok(format!("[{from} TO {until}}}"))
    } else {
        let d = day(v.trim_matches('"'))?;
        let next = d.succ_opt().ok_or_else(|| err(pos, "date out of range"))?;
        Ok(format!("[{d}T00:00:00Z TO {next}T00:00:00Z}}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(q: &str) -> String {
        parse(q).unwrap().text
    }

    fn bad(q: &str) -> (usize, String) {
        let e = parse(q).unwrap_err();
        (e.position, e.message)
    }

    #[test]
    fn syntax_characters_in_values_never_reach_tantivy() {
        // found by the property tests: each of these reached tantivy's parser as a syntax error
        assert_eq!(
            bad("body:!\""),
            (
                6,
                "'body:' needs a value with letters or digits".to_string()
            )
        );
        assert_eq!(ok("title:a*b"), "title:\"a b\"");
        assert_eq!(ok("body:x^2~"), "text:\"x 2\"");
        assert_eq!(ok("\"a\\\" b"), "\"a \" b");
        assert_eq!(
            bad("title:***"),
            (
                7,
                "'title:' needs a value with letters or digits".to_string()
            )
        );
    }

    #[test]
    fn rewrites_prefixes_cashtags_and_dates() {
        assert_eq!(ok("$iren lease"), "tickers:\"IREN\" lease");
        assert_eq!(
            ok("ticker:wulf AND kind:filing"),
            "tickers:\"WULF\" AND kind:\"filing\""
        );
        assert_eq!(
            ok("source:\"The Block\" form:8-K"),
            "source:\"The Block\" form:\"8-K\""
        );
        assert_eq!(
            ok("title:lease \"critical IT\""),
            "title:lease \"critical IT\""
        );
        assert_eq!(
            ok("published:[2025-01-01 TO 2025-06-30]"),
            "published:[2025-01-01T00:00:00Z TO 2025-07-01T00:00:00Z}"
        );
        assert_eq!(
            ok("date:2025-11-03"),
            "published:[2025-11-03T00:00:00Z TO 2025-11-04T00:00:00Z}"
        );
        assert_eq!(
            ok("(lease OR colocation) NOT bitcoin"),
            "(lease OR colocation) NOT bitcoin"
        );
        assert_eq!(
            parse("$CIFR OR ticker:IREN").unwrap().tickers,
            vec!["CIFR", "IREN"]
        );
    }

    #[test]
    fn a_field_prefix_applies_to_a_parenthesised_group() {
        assert_eq!(
            ok("title:(lease OR \"critical IT\") NOT bitcoin"),
            "(title:lease OR title:\"critical IT\") NOT bitcoin"
        );
        assert_eq!(
            ok("ticker:(iren OR $wulf) kind:(filing OR news)"),
            "(tickers:\"IREN\" OR tickers:\"WULF\") (kind:\"filing\" OR kind:\"news\")"
        );
        // nested groups keep the field; an explicit prefix inside wins
        assert_eq!(
            ok("title:((lease AND gpu) OR form:8-k)"),
            "((title:lease AND title:gpu) OR form:\"8-K\")"
        );
        assert_eq!(
            parse("ticker:(CIFR OR HUT)").unwrap().tickers,
            vec!["CIFR", "HUT"]
        );
        // the field's own checks still apply, at the term's position
        assert_eq!(
            bad("kind:(news OR blog)"),
            (
                15,
                "kind 'blog' is not news, press_release or filing".into()
            )
        );
        assert_eq!(bad("title:()"), (8, "empty parentheses".into()));
        assert_eq!(bad("title:(lease"), (7, "'(' is never closed".into()));
    }

    #[test]
    fn punctuation_alone_is_not_a_term() {
        // it could never match (the tokenizer keeps letters and digits), so it is dropped
        assert_eq!(ok("lease *** & colocation"), "lease   colocation");
        assert_eq!(
            bad("***"),
            (
                1,
                "nothing to search for: a term needs letters or digits".into()
            )
        );
        assert_eq!(
            bad("$ --"),
            (
                1,
                "nothing to search for: a term needs letters or digits".into()
            )
        );
        assert_eq!(
            bad("lease AND ***"),
            (7, "an operator needs a term after it".into())
        );
    }

    #[test]
    fn errors_name_the_position_and_the_problem() {
        assert_eq!(
            bad("lease AND"),
            (7, "an operator needs a term after it".into())
        );
        assert_eq!(bad("OR lease"), (1, "OR needs a term before it".into()));
        assert_eq!(
            bad("(lease OR colocation"),
            (1, "'(' is never closed".into())
        );
        assert_eq!(bad("lease)"), (6, "')' without a matching '('".into()));
        assert_eq!(bad("\"critical IT"), (1, "unclosed quote".into()));
        assert_eq!(
            bad("lease tikcer:IREN"),
            (7, "unknown field 'tikcer' (known: title, summary, body, ticker, tickers, source, kind, form, published, date)".into())
        );
        assert_eq!(
            bad("kind:blog"),
            (6, "kind 'blog' is not news, press_release or filing".into())
        );
        assert_eq!(
            bad("published:[2025-13-01 TO 2025-12-31]"),
            (11, "'2025-13-01' is not a date (YYYY-MM-DD)".into())
        );
        assert_eq!(bad("ticker:"), (1, "'ticker:' needs a value".into()));
    }
}
