//! XML 1.0 escaping shared by the GraphML and GEXF writers.

/// Whether XML 1.0 allows `c` in a document (the `Char` production).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Append `s` escaped as character data (element content). Characters XML
/// 1.0 forbids are dropped; `\r` is written as `&#13;` so parsers do not fold
/// it into a line feed.
pub(crate) fn push_text(buf: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => buf.push_str("&amp;"),
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            '\r' => buf.push_str("&#13;"),
            c if is_xml_char(c) => buf.push(c),
            _ => {}
        }
    }
}

/// Append `s` escaped for a double- or single-quoted attribute value.
/// Characters XML 1.0 forbids are dropped; tab, line feed and carriage
/// return become character references, which survive attribute-value
/// normalisation.
pub(crate) fn push_attr(buf: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => buf.push_str("&amp;"),
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            '"' => buf.push_str("&quot;"),
            '\'' => buf.push_str("&apos;"),
            '\t' => buf.push_str("&#9;"),
            '\n' => buf.push_str("&#10;"),
            '\r' => buf.push_str("&#13;"),
            c if is_xml_char(c) => buf.push(c),
            _ => {}
        }
    }
}

/// `s` escaped as an attribute value.
pub(crate) fn attr(s: &str) -> String {
    let mut buf = String::with_capacity(s.len());
    push_attr(&mut buf, s);
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut t = String::new();
        push_text(&mut t, "a<b>&\"c'\u{1}\r\n\u{FFFE}é\u{1F600}");
        assert_eq!(t, "a&lt;b&gt;&amp;\"c'&#13;\né\u{1F600}");
        assert_eq!(
            attr("\"x\" & 'y'\t\n\u{0}\u{FFFF}"),
            "&quot;x&quot; &amp; &apos;y&apos;&#9;&#10;"
        );
    }
}
