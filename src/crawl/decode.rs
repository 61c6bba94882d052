//! Bytes to text, for feeds and HTML pages alike: the BOM first, then the charset of the HTTP
//! Content-Type, then what the document declares itself (an XML prolog, an HTML `<meta charset>`),
//! and UTF-8 by default, with windows-1252 for undeclared bytes that are not valid UTF-8 (the
//! WHATWG default for legacy Western text). UTF-16 without a BOM is recognised by its NULs.

use encoding_rs::Encoding;
use regex::bytes::Regex;

/// What the bytes are, which decides where a document declares its own charset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// A feed or other XML: the prolog's `encoding="..."`.
    Xml,
    /// An HTML page: `<meta charset="...">` or `<meta http-equiv="Content-Type"
    /// content="...; charset=...">` near the top (an XHTML page's XML prolog also counts).
    Html,
}

/// Decode bytes to UTF-8 text. The charset comes from the BOM, else `header_charset` (the HTTP
/// Content-Type's, see [`charset_of`]), else the document's own declaration, else UTF-8, with
/// windows-1252 for undeclared bytes that are not UTF-8.
pub fn decode(bytes: &[u8], header_charset: Option<&str>, markup: Markup) -> String {
    decode_noting(bytes, header_charset, markup).0
}

/// [`decode`], and a note when a declared charset was wrong and another was used: a UTF-16
/// declaration on bytes that are not UTF-16, or a UTF-8 one on bytes that are not UTF-8 and hold
/// no UTF-8 character at all (legacy single-byte text, read as windows-1252).
pub fn decode_noting(
    bytes: &[u8],
    header_charset: Option<&str>,
    markup: Markup,
) -> (String, Option<String>) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), None);
    }
    // UTF-16 without a BOM: a '<' followed or preceded by a NUL.
    if bytes.len() >= 2 && bytes[0] == b'<' && bytes[1] == 0 {
        let text = encoding_rs::UTF_16LE.decode_without_bom_handling(bytes).0;
        return (text.into_owned(), None);
    }
    if bytes.len() >= 2 && bytes[0] == 0 && bytes[1] == b'<' {
        let text = encoding_rs::UTF_16BE.decode_without_bom_handling(bytes).0;
        return (text.into_owned(), None);
    }
    let declared = match markup {
        Markup::Xml => prolog_encoding(bytes),
        Markup::Html => meta_charset(bytes).or_else(|| prolog_encoding(bytes)),
    };
    let labelled = |c: &str| Encoding::for_label(c.trim().as_bytes());
    let (enc, label) = match header_charset.and_then(|c| labelled(c).map(|e| (e, c))) {
        Some(x) => (x.0, Some(x.1)),
        None => match declared.and_then(|c| labelled(c).map(|e| (e, c))) {
            Some(x) => (x.0, Some(x.1)),
            None => (encoding_rs::UTF_8, None),
        },
    };
    let windows_1252 = |bytes: &[u8]| {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    };
    // Bytes that were read as ASCII-compatible to find the declaration are not UTF-16.
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        let note = format!(
            "encoding declared as {} but the bytes are not UTF-16",
            label.unwrap_or("UTF-16")
        );
        return match std::str::from_utf8(bytes) {
            Ok(t) => (t.to_string(), Some(note)),
            Err(_) => (windows_1252(bytes), Some(note)),
        };
    }
    if enc == encoding_rs::UTF_8
        && let Err(e) = std::str::from_utf8(bytes)
    {
        // A UTF-8 label on bytes that are not UTF-8 is a common lie: legacy single-byte text
        // (no valid multi-byte character anywhere) is windows-1252, the WHATWG default for
        // Western text; UTF-8 with a few broken bytes keeps its characters.
        let has_utf8_chars = std::str::from_utf8(&bytes[..e.valid_up_to()])
            .map(|t| !t.is_ascii())
            .unwrap_or(false)
            || String::from_utf8_lossy(bytes)
                .chars()
                .any(|c| !c.is_ascii() && c != char::REPLACEMENT_CHARACTER);
        if !has_utf8_chars {
            let note = label.map(|l| {
                format!(
                    "encoding declared as {l} but the bytes are not UTF-8: read as windows-1252"
                )
            });
            return (windows_1252(bytes), note);
        }
    }
    (enc.decode_without_bom_handling(bytes).0.into_owned(), None)
}

/// The `encoding="..."` of an XML prolog, if the bytes start with one.
fn prolog_encoding(bytes: &[u8]) -> Option<&str> {
    let head = &bytes[..bytes.len().min(200)];
    let head = std::str::from_utf8(head).ok().or_else(|| {
        // cut at the last valid boundary
        let valid = std::str::from_utf8(head).err()?.valid_up_to();
        std::str::from_utf8(&head[..valid]).ok()
    })?;
    let start = head.find("<?xml")?;
    let end = head[start..].find("?>")? + start;
    let decl = &head[start..end];
    let i = decl.find("encoding")?;
    let rest = decl[i + 8..].trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next()?;
    if quote != '"' && quote != '\'' {
        return None;
    }
    let rest = &rest[1..];
    Some(&rest[..rest.find(quote)?])
}

/// The charset named in a Content-Type header, if any.
pub fn charset_of(content_type: Option<&str>) -> Option<String> {
    let ct = content_type?;
    ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset"))
            .then(|| v.trim().trim_matches('"').to_ascii_lowercase())
    })
}

/// The charset an HTML page declares in a `<meta>` tag within its first 1024 bytes (where the
/// HTML standard's prescan looks).
fn meta_charset(bytes: &[u8]) -> Option<&str> {
    static META: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let re = META.get_or_init(|| {
        Regex::new(r#"(?i)<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)"#)
            .expect("valid regex")
    });
    let head = &bytes[..bytes.len().min(1024)];
    let m = re.captures(head)?.get(1)?;
    std::str::from_utf8(m.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_from_content_type() {
        assert_eq!(
            charset_of(Some("application/rss+xml; charset=\"Windows-1252\"")),
            Some("windows-1252".into())
        );
        assert_eq!(charset_of(Some("text/xml")), None);
    }

    #[test]
    fn html_pages_declare_their_charset_in_a_meta_tag() {
        // "Привет" in windows-1251 and in KOI8-R: without the declaration, legacy bytes would be
        // read as windows-1252
        let cp1251 = b"<html><head><meta charset=\"windows-1251\"><title>\xcf\xf0\xe8\xe2\xe5\xf2</title></head></html>";
        assert!(decode(cp1251, None, Markup::Html).contains("<title>Привет</title>"));
        let koi8 = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"></head><body>\xf0\xd2\xc9\xd7\xc5\xd4</body></html>";
        assert!(decode(koi8, None, Markup::Html).contains("<body>Привет</body>"));
        // the HTTP header wins over the page's own declaration, as browsers do
        let latin = b"<meta charset=\"koi8-r\"><p>caf\xe9</p>";
        assert!(decode(latin, Some("windows-1252"), Markup::Html).contains("café"));
        // a feed's prolog still decides for XML, and a <meta> inside XML text does not
        let xml =
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>caf\xe9</title></rss>";
        assert!(decode(xml, None, Markup::Xml).contains("café"));
    }

    #[test]
    fn wrongly_declared_encodings_are_noted_and_overridden() {
        let latin = b"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><title>caf\xe9</title></rss>";
        let (text, note) = decode_noting(latin, None, Markup::Xml);
        assert!(text.contains("café"), "{text}");
        assert_eq!(
            note.as_deref(),
            Some("encoding declared as utf-8 but the bytes are not UTF-8: read as windows-1252")
        );
        let ascii = b"<?xml version=\"1.0\" encoding=\"utf-16\"?><rss><title>plain</title></rss>";
        let (text, note) = decode_noting(ascii, None, Markup::Xml);
        assert!(text.contains("<title>plain</title>"), "{text}");
        assert_eq!(
            note.as_deref(),
            Some("encoding declared as utf-16 but the bytes are not UTF-16")
        );
        // real UTF-8 with one broken byte keeps its characters
        let mixed = "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>é \u{fffd}</t>"
            .as_bytes()
            .iter()
            .copied()
            .chain([0xff])
            .collect::<Vec<u8>>();
        let (text, note) = decode_noting(&mixed, None, Markup::Xml);
        assert!(text.contains("<t>é"), "{text}");
        assert_eq!(note, None);
    }
}
