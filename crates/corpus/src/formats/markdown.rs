//! Markdown with optional YAML front matter.

use crate::Document;
use crate::date::parse_date;
use crate::formats::{entities, frontmatter};
use crate::textutil::{Paragraphs, normalize_newlines, starts_with_title, strip_bom};

const TITLE_KEYS: &[&str] = &["title"];
const DATE_KEYS: &[&str] = &[
    "date",
    "publication-date",
    "published",
    "publication_date",
    "pubdate",
];
const URL_KEYS: &[&str] = &["url", "url-link", "link", "source_url", "canonical_url"];
/// Front matter fields whose text becomes part of the document, in order.
const TEXT_KEYS: &[&str] = &["description", "summary", "synopsis"];

/// Read a Markdown article. Returns `None` when it holds no text at all.
pub(crate) fn parse(id: &str, content: &str) -> Option<Document> {
    let content = normalize_newlines(strip_bom(content));
    let content = uncomment_whole(&content);
    let (fm, body) = frontmatter::split(content);
    let fm = fm.map(frontmatter::parse).unwrap_or_default();

    let mut title = fm.get(TITLE_KEYS).map(str::to_owned);
    let date = fm.get(DATE_KEYS).and_then(parse_date);
    let url = fm.get(URL_KEYS).map(str::to_owned);

    if title.is_none() {
        title = leading_heading(body);
    }
    let mut body = clean(body);
    // A body that opens with the title (typically its `# Title` heading)
    // does not repeat it after the description.
    if let Some(t) = &title {
        if starts_with_title(&body, t) {
            let rest = body.trim_start()[t.trim().len()..].trim_start().to_owned();
            body = rest;
        }
    }

    let mut text = Paragraphs::with_capacity(body.len() + 256);
    if let Some(t) = &title {
        text.push(t);
    }
    for key in TEXT_KEYS {
        if let Some(v) = fm.get(&[key]) {
            text.push(&clean(v));
        }
    }
    text.push(&body);
    if text.is_empty() {
        return None;
    }
    Some(Document {
        id: id.to_owned(),
        title,
        date,
        url,
        text: text.finish(),
    })
}

/// The text of a `# Heading` on the first non-blank line of the body, used
/// as the title when the front matter has none.
fn leading_heading(body: &str) -> Option<String> {
    let first = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    let rest = first.strip_prefix('#')?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let mut title = String::with_capacity(first.len());
    clean_inline(block_content(first).0, &mut title);
    let title = title.trim();
    (!title.is_empty()).then(|| title.to_owned())
}

/// Remove light Markdown markup from `src`, keeping its line structure
/// (at most one blank line in a row).
pub(crate) fn clean(src: &str) -> String {
    let src = strip_html_comments(src);
    let mut out = String::with_capacity(src.len());
    let mut in_fence: Option<&str> = None;
    let mut blank_pending = false;
    for line in src.lines() {
        let trimmed = line.trim();
        if let Some(fence) = in_fence {
            if trimmed.starts_with(fence) {
                in_fence = None;
                blank_pending = true;
            } else if !trimmed.is_empty() {
                push_line(&mut out, &mut blank_pending, |o| {
                    o.push_str(line.trim_end())
                });
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = Some(&trimmed[..3]);
            blank_pending = true;
            continue;
        }
        if trimmed.is_empty() || is_rule(trimmed) || is_table_rule(trimmed) || is_ref_def(trimmed) {
            blank_pending = true;
            continue;
        }
        let (content, opens_block) = block_content(trimmed);
        // A list item or a heading opens a block of its own: the line
        // before it does not run on into it as one sentence.
        if opens_block && !content.is_empty() {
            blank_pending = true;
        }
        let content = content.trim_matches('|').trim();
        let before = out.len();
        push_line(&mut out, &mut blank_pending, |o| clean_inline(content, o));
        // A line that cleaned away to nothing (an image, a lone tag) is not
        // a line.
        if out[before..].trim().is_empty() {
            out.truncate(before);
            if before > 0 {
                blank_pending = true;
            }
        } else {
            let t = out.trim_end().len();
            out.truncate(t);
            // A heading is a block of its own on both sides.
            blank_pending = opens_block && trimmed.starts_with('#');
        }
    }
    out
}

fn push_line(out: &mut String, blank_pending: &mut bool, f: impl FnOnce(&mut String)) {
    if !out.is_empty() {
        out.push('\n');
        if *blank_pending {
            out.push('\n');
        }
    }
    *blank_pending = false;
    f(out);
}

/// A file that is one HTML comment and nothing else (a page taken down but
/// kept in the site's sources) is read as the comment's content: commented
/// out, it is still the article the file holds.
fn uncomment_whole(src: &str) -> &str {
    let t = src.trim();
    let Some(inner) = t.strip_prefix("<!--") else {
        return src;
    };
    let inner = inner.strip_suffix("-->").unwrap_or(inner);
    if inner.contains("<!--") || inner.contains("-->") {
        return src;
    }
    inner.trim()
}

fn strip_html_comments(src: &str) -> std::borrow::Cow<'_, str> {
    let Some(first) = memchr::memmem::find(src.as_bytes(), b"<!--") else {
        return std::borrow::Cow::Borrowed(src);
    };
    let mut out = String::with_capacity(src.len());
    out.push_str(&src[..first]);
    let mut rest = &src[first..];
    while let Some(start) = memchr::memmem::find(rest.as_bytes(), b"<!--") {
        out.push_str(&rest[..start]);
        match memchr::memmem::find(&rest.as_bytes()[start + 4..], b"-->") {
            Some(end) => rest = &rest[start + 4 + end + 3..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// `---`, `***`, `___`, `===` (also spaced): thematic breaks and setext
/// heading underlines.
fn is_rule(t: &str) -> bool {
    let mut marker = None;
    let mut count = 0;
    for b in t.bytes() {
        match b {
            b' ' | b'\t' => {}
            b'-' | b'*' | b'_' | b'=' => {
                if marker.is_some_and(|m| m != b) {
                    return false;
                }
                marker = Some(b);
                count += 1;
            }
            _ => return false,
        }
    }
    count >= 3
}

/// `|---|:--:|` table header separators.
fn is_table_rule(t: &str) -> bool {
    t.contains('-') && t.contains('|') && t.bytes().all(|b| b"|-: \t".contains(&b))
}

/// `[label]: http://...` link reference definitions.
fn is_ref_def(t: &str) -> bool {
    if !t.starts_with('[') {
        return false;
    }
    match t.find("]:") {
        Some(p) => p > 1 && !t[1..p].contains(']'),
        None => false,
    }
}

/// Strip quote markers, a list bullet and heading hashes from the start of
/// a (trimmed) line; the flag tells whether a bullet or heading marker was
/// there (the line opens a block of its own).
fn block_content(mut s: &str) -> (&str, bool) {
    // Quote markers, possibly nested: `> > text`.
    while let Some(rest) = s.strip_prefix('>') {
        s = rest.trim_start();
    }
    let quoted = s.len();
    // Bullets: `- `, `* `, `+ `, `1. `, `1) `.
    let b = s.as_bytes();
    if b.len() >= 2 && matches!(b[0], b'-' | b'*' | b'+') && matches!(b[1], b' ' | b'\t') {
        s = s[2..].trim_start();
    } else {
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if (1..=9).contains(&digits)
            && matches!(b.get(digits), Some(b'.') | Some(b')'))
            && matches!(b.get(digits + 1), Some(b' ') | Some(b'\t'))
        {
            s = s[digits + 2..].trim_start();
        }
    }
    // Task list boxes.
    for bx in ["[ ] ", "[x] ", "[X] "] {
        if let Some(rest) = s.strip_prefix(bx) {
            s = rest;
        }
    }
    // ATX headings: `## Title ##`.
    let hashes = s.bytes().take_while(|&c| c == b'#').count();
    if (1..=6).contains(&hashes) {
        let rest = &s[hashes..];
        if rest.is_empty() || rest.starts_with([' ', '\t']) {
            let rest = rest.trim();
            let closing = rest.trim_end_matches('#');
            s = if closing.is_empty() || closing.ends_with([' ', '\t']) {
                closing.trim_end()
            } else {
                rest
            };
        }
    }
    (s, s.len() != quoted)
}

/// Find the end of a bracketed span starting at `open` (which holds
/// `open_b`), allowing nesting. Returns the index of the closing byte.
fn matching(b: &[u8], open: usize, open_b: u8, close_b: u8) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        let c = b[i];
        if c == b'\\' {
            i += 2;
            continue;
        }
        if c == open_b {
            depth += 1;
        } else if c == close_b {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// A link or image at `open` (the `[`): returns the link text range and the
/// index just past the whole construct. Handles `[text](url)`,
/// `[text](<url> "title")`, `[text][ref]` and `[text][]`.
fn parse_link(b: &[u8], open: usize) -> Option<(usize, usize, usize)> {
    let close = matching(b, open, b'[', b']')?;
    match b.get(close + 1) {
        Some(b'(') => {
            let end = matching(b, close + 1, b'(', b')')?;
            Some((open + 1, close, end + 1))
        }
        Some(b'[') => {
            let end = close + 1 + memchr::memchr(b']', &b[close + 1..])?;
            Some((open + 1, close, end + 1))
        }
        _ => None,
    }
}

/// Clean inline markup of one line into `out`.
fn clean_inline(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let mut i = 0;
    let mut run = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if b.get(i + 1).is_some_and(|c| c.is_ascii_punctuation()) => {
                out.push_str(&s[run..i]);
                out.push(char::from(b[i + 1]));
                i += 2;
                run = i;
            }
            b'!' if b.get(i + 1) == Some(&b'[') => match parse_link(b, i + 1) {
                Some((_, _, end)) => {
                    out.push_str(&s[run..i]);
                    i = end;
                    run = i;
                }
                None => i += 1,
            },
            b'[' => match parse_link(b, i) {
                Some((ts, te, end)) => {
                    out.push_str(&s[run..i]);
                    clean_inline(&s[ts..te], out);
                    i = end;
                    run = i;
                }
                None => i += 1,
            },
            b'*' => {
                out.push_str(&s[run..i]);
                while i < b.len() && b[i] == b'*' {
                    i += 1;
                }
                run = i;
            }
            b'_' => {
                let start = i;
                while i < b.len() && b[i] == b'_' {
                    i += 1;
                }
                let before = start.checked_sub(1).map(|p| b[p]);
                let after = b.get(i).copied();
                let word =
                    |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c >= 0x80);
                if !(word(before) && word(after)) {
                    out.push_str(&s[run..start]);
                    run = i;
                }
            }
            b'~' if b.get(i + 1) == Some(&b'~') => {
                out.push_str(&s[run..i]);
                i += 2;
                run = i;
            }
            b'`' => {
                out.push_str(&s[run..i]);
                while i < b.len() && b[i] == b'`' {
                    i += 1;
                }
                run = i;
            }
            b'<' if b
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'!') =>
            {
                match memchr::memchr(b'>', &b[i..]) {
                    Some(len) => {
                        out.push_str(&s[run..i]);
                        let inner = &s[i + 1..i + len];
                        if is_autolink(inner) {
                            out.push_str(inner);
                        }
                        i += len + 1;
                        run = i;
                    }
                    None => i += 1,
                }
            }
            b'&' => {
                out.push_str(&s[run..i]);
                match entities::decode_at(&s[i..], out) {
                    Some(n) => i += n,
                    None => {
                        out.push('&');
                        i += 1;
                    }
                }
                run = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(&s[run..]);
}

fn is_autolink(inner: &str) -> bool {
    !inner.contains(char::is_whitespace)
        && (inner.starts_with("http://")
            || inner.starts_with("https://")
            || inner.starts_with("mailto:")
            || inner.starts_with("www."))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields_and_text_order() {
        let src = "---\r\n\
            layout: news\r\n\
            title: \"Acme Corp: New Deal\"\r\n\
            url-link: https://news.example/acme\r\n\
            publication-date: August 03, 2023\r\n\
            description: Acme signed\r\n  a deal.\r\n\
            summary: >-\r\n  Short\r\n  summary.\r\n\
            tags:\r\n- a\r\n\
            ---\r\n\
            \r\n\
            Body **text** with [a link](https://x.example/(y)) and ![pic](p.png).\r\n";
        let doc = parse("n/a.md", src).unwrap();
        assert_eq!(doc.id, "n/a.md");
        assert_eq!(doc.title.as_deref(), Some("Acme Corp: New Deal"));
        assert_eq!(doc.date.as_deref(), Some("2023-08-03"));
        assert_eq!(doc.url.as_deref(), Some("https://news.example/acme"));
        assert_eq!(
            doc.text,
            "Acme Corp: New Deal\n\nAcme signed a deal.\n\nShort summary.\n\n\
             Body text with a link and ."
        );
    }

    #[test]
    fn date_and_url_key_priority() {
        let doc = parse(
            "a.md",
            "---\npublished: 2020-01-02\ndate: 2021-03-04\nlink: L\nsource_url: S\n---\nx",
        )
        .unwrap();
        assert_eq!(doc.date.as_deref(), Some("2021-03-04"));
        assert_eq!(doc.url.as_deref(), Some("L"));
        let doc = parse("a.md", "---\ndate: not a date\n---\nx").unwrap();
        assert_eq!(doc.date, None);
        assert_eq!(doc.title, None);
        assert_eq!(doc.text, "x");
    }

    #[test]
    fn front_matter_only_article() {
        let doc = parse("a.md", "---\ntitle: T\ndescription: D\n---\n").unwrap();
        assert_eq!(doc.text, "T\n\nD");
        assert!(parse("e.md", "---\nlayout: x\n---\n\n").is_none());
        assert!(parse("e.md", "").is_none());
    }

    #[test]
    fn a_file_that_is_one_comment_is_read_as_its_content() {
        let doc = parse(
            "a.md",
            "<!-- ---\ntitle: Taken Down\ndescription: OMB works with GSA.\n--- -->\n",
        )
        .unwrap();
        assert_eq!(doc.title.as_deref(), Some("Taken Down"));
        assert_eq!(doc.text, "Taken Down\n\nOMB works with GSA.");
        // A comment beside text is still dropped.
        let doc = parse("b.md", "<!-- draft -->\nBody text.").unwrap();
        assert_eq!(doc.text, "Body text.");
        assert!(parse("c.md", "<!-- a --> <!-- b -->").is_none());
    }

    #[test]
    fn title_from_leading_h1() {
        let doc = parse("a.md", "\n# The *Big* News\n\nBody text.").unwrap();
        assert_eq!(doc.title.as_deref(), Some("The Big News"));
        assert_eq!(doc.text, "The Big News\n\nBody text.");
        let doc = parse("a.md", "Intro\n# Later heading\n").unwrap();
        assert_eq!(doc.title, None);
        assert_eq!(doc.text, "Intro\n\nLater heading");
    }

    #[test]
    fn heading_title_is_not_repeated() {
        let doc = parse("a.md", "---\ntitle: Big News\n---\n# Big News\n\nBody.").unwrap();
        assert_eq!(doc.text, "Big News\n\nBody.");
        let doc = parse(
            "a.md",
            "---\ntitle: Big News\ndescription: Desc\n---\n# Big News\n\nBody.",
        )
        .unwrap();
        assert_eq!(doc.text, "Big News\n\nDesc\n\nBody.");
    }

    #[test]
    fn body_cleaning() {
        let body = "# Heading one #\n\
            Setext\n\
            ======\n\
            > quoted *text*\n\
            > > nested\n\
            - item one\n\
            * item __two__\n\
            + item three\n\
            12. numbered\n\
            - [x] done\n\
            \n\n\n\
            snake_case stays, _emph_ goes, 2*3\n\
            ```rust\n\
            let x = 1;\n\
            ```\n\
            <div class=\"x\">html <b>bold</b></div>\n\
            <!-- a\ncomment -->\n\
            ![only image](i.png)\n\
            See <https://a.example> and [ref][1] and `code` ~~old~~ \\*lit\\*.\n\
            AT&amp;T &lt;3\n\
            [1]: https://ref.example\n\
            | a | b |\n\
            |---|:-:|\n\
            ***\n\
            ## Closing ##";
        assert_eq!(
            clean(body),
            "Heading one\n\n\
             Setext\n\n\
             quoted text\n\
             nested\n\n\
             item one\n\n\
             item two\n\n\
             item three\n\n\
             numbered\n\n\
             done\n\n\
             snake_case stays, emph goes, 23\n\n\
             let x = 1;\n\n\
             html bold\n\n\
             See https://a.example and ref and code old *lit*.\n\
             AT&T <3\n\n\
             a | b\n\n\
             Closing"
        );
    }

    #[test]
    fn odd_markdown_never_panics() {
        for s in [
            "[",
            "![",
            "[a](",
            "[a][",
            "]]((",
            "<",
            "<a",
            "<a href='x'",
            "&",
            "&#",
            "\\",
            "#",
            "######## x",
            "> ",
            "- ",
            "1.",
            "*",
            "_",
            "~",
            "```",
            "é_ü*ö",
            "[é](ü)",
            "<!--",
            "<!-- x",
            "---\n",
            "---\n---\n",
            "---\ntitle: 'x\n---\n",
            "\u{feff}---\ntitle: x\n---\n[",
        ] {
            let _ = clean(s);
            let _ = parse("x.md", s);
        }
        assert_eq!(clean("<!-- x"), "");
    }
}
