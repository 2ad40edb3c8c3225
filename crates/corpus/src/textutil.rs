//! Small text helpers shared by the format readers.

use std::borrow::Cow;

/// Remove a leading UTF-8 byte order mark.
pub(crate) fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}

/// Remove a leading BOM from an owned string, in place.
pub(crate) fn strip_bom_owned(mut s: String) -> String {
    if s.starts_with('\u{feff}') {
        s.drain(..'\u{feff}'.len_utf8());
    }
    s
}

/// Turn CRLF and lone CR line endings into LF. Borrows when there is no CR.
pub(crate) fn normalize_newlines(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(replace_cr(s))
}

/// Owned variant of [`normalize_newlines`]: no copy when there is no CR.
pub(crate) fn normalize_newlines_owned(s: String) -> String {
    if memchr::memchr(b'\r', s.as_bytes()).is_none() {
        return s;
    }
    replace_cr(&s)
}

fn replace_cr(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut start = 0;
    for pos in memchr::memchr_iter(b'\r', bytes) {
        out.push_str(&s[start..pos]);
        out.push('\n');
        start = if bytes.get(pos + 1) == Some(&b'\n') {
            pos + 2
        } else {
            pos + 1
        };
    }
    if start < s.len() {
        out.push_str(&s[start..]);
    }
    out
}

/// Builds a document text out of paragraphs separated by blank lines,
/// skipping empty ones.
#[derive(Debug, Default)]
pub(crate) struct Paragraphs {
    out: String,
}

impl Paragraphs {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Paragraphs {
            out: String::with_capacity(n),
        }
    }

    /// Append a paragraph (trimmed); empty ones are ignored.
    pub(crate) fn push(&mut self, para: &str) {
        let para = para.trim();
        if para.is_empty() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
        self.out.push_str(para);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }
}

/// Whether `text` already starts with `title` as its whole first line
/// (ignoring surrounding whitespace and ASCII case).
pub(crate) fn starts_with_title(text: &str, title: &str) -> bool {
    let text = text.trim_start();
    let title = title.trim();
    if title.is_empty() {
        return true;
    }
    match text.get(..title.len()) {
        Some(head) if head.eq_ignore_ascii_case(title) => {
            let rest = text[title.len()..].trim_start_matches([' ', '\t']);
            rest.is_empty() || rest.starts_with('\n')
        }
        _ => false,
    }
}

/// Collapse every whitespace run to one space and trim.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(normalize_newlines("a\r"), "a\n");
        assert!(matches!(normalize_newlines("a\nb"), Cow::Borrowed(_)));
        assert_eq!(normalize_newlines_owned("x\r\n\r\ny".into()), "x\n\ny");
    }

    #[test]
    fn bom() {
        assert_eq!(strip_bom("\u{feff}abc"), "abc");
        assert_eq!(strip_bom_owned("\u{feff}abc".into()), "abc");
        assert_eq!(strip_bom_owned("abc".into()), "abc");
    }

    #[test]
    fn paragraphs_and_titles() {
        let mut p = Paragraphs::default();
        p.push("  Title ");
        p.push("");
        p.push("Body\ntext\n\n");
        assert_eq!(p.finish(), "Title\n\nBody\ntext");
        assert!(starts_with_title("Big News\n\nbody", "Big News"));
        assert!(starts_with_title("  BIG NEWS \ntoday", "Big news"));
        assert!(!starts_with_title("Big News today", "Big News"));
        assert!(!starts_with_title("Big Newsroom", "Big News"));
        assert!(!starts_with_title("Bïg", "Big News"));
        assert_eq!(collapse_whitespace("  a \n b\t c "), "a b c");
    }
}
