//! HTML: the visible article text plus title, date and URL from the head.
//!
//! A hand-written single-pass scanner: it never builds a tree, tolerates
//! malformed markup (unclosed tags, stray `<`, unterminated comments) and
//! never panics.

use crate::Document;
use crate::date::parse_date;
use crate::formats::entities;
use crate::textutil::{Paragraphs, collapse_whitespace, starts_with_title, strip_bom};

/// Read an HTML article. Returns `None` when it holds no text at all.
pub(crate) fn parse(id: &str, content: &str) -> Option<Document> {
    let content = strip_bom(content);
    let mut ex = Extractor::new(content, true);
    ex.run();
    let mut body = ex.take_text();
    if body.trim().is_empty() && ex.dropped_boilerplate {
        // Perhaps an unclosed <nav> or <header> swallowed the page: read it
        // again keeping everything.
        let mut again = Extractor::new(content, false);
        again.run();
        body = again.take_text();
    }
    let title = ex
        .og_title
        .take()
        .or_else(|| ex.title.take())
        .filter(|t| !t.is_empty());
    let date = [
        ex.date_primary.as_deref(),
        ex.date_other.as_deref(),
        ex.time_datetime.as_deref(),
    ]
    .into_iter()
    .flatten()
    .find_map(parse_date);
    let url = ex.og_url.take().or_else(|| ex.canonical.take());

    let mut text = Paragraphs::with_capacity(body.len() + 128);
    if let Some(t) = &title {
        if !starts_with_title(&body, t) {
            text.push(t);
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

/// Collects text with collapsed whitespace and paragraph breaks.
#[derive(Debug, Default)]
struct TextBuf {
    out: String,
    pending_space: bool,
    pending_break: bool,
}

impl TextBuf {
    fn word(&mut self, w: &str) {
        if w.is_empty() {
            return;
        }
        if !self.out.is_empty() {
            if self.pending_break {
                self.out.push_str("\n\n");
            } else if self.pending_space {
                self.out.push(' ');
            }
        }
        self.pending_break = false;
        self.pending_space = false;
        self.out.push_str(w);
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn brk(&mut self) {
        self.pending_break = true;
    }

    /// Append raw HTML text: decode references, collapse whitespace.
    fn push_html_text(&mut self, raw: &str, scratch: &mut String) {
        let b = raw.as_bytes();
        let mut run = 0;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                self.word(&raw[run..i]);
                self.space();
                i += 1;
                run = i;
            } else if c == b'&' {
                self.word(&raw[run..i]);
                scratch.clear();
                match entities::decode_at(&raw[i..], scratch) {
                    Some(n) => {
                        if scratch.trim().is_empty() && !scratch.is_empty() {
                            self.space();
                        } else {
                            self.word(scratch);
                        }
                        i += n;
                    }
                    None => {
                        self.word("&");
                        i += 1;
                    }
                }
                run = i;
            } else {
                i += 1;
            }
        }
        self.word(&raw[run..]);
    }
}

/// Elements whose content is never visible text; skipped up to their end
/// tag without looking inside.
const SKIP_CONTENT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "textarea", "iframe", "object",
    "xmp", "select",
];

/// Elements that may live in `<head>`; any other start tag ends the head.
const HEAD_ELEMENTS: &[&str] = &[
    "head", "html", "title", "meta", "link", "base", "script", "style", "noscript", "template",
];

/// Elements that end a paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "br",
    "hr",
    "tr",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "section",
    "article",
    "blockquote",
    "pre",
    "header",
    "footer",
    "main",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "nav",
    "aside",
    "form",
    "fieldset",
    "legend",
    "caption",
    "center",
    "body",
    "html",
    "head",
    "title",
    "hgroup",
    "picture",
    "video",
    "audio",
    "option",
];

/// Boilerplate dropped outside the article (`nav`, `aside` and `form`
/// everywhere).
const BOILERPLATE: [&str; 5] = ["nav", "header", "footer", "aside", "form"];

struct Extractor<'a> {
    src: &'a str,
    drop_boilerplate: bool,
    dropped_boilerplate: bool,
    scratch: String,
    article: TextBuf,
    body: TextBuf,
    seen_article: bool,
    article_depth: usize,
    boiler_depth: [usize; 5],
    in_head: bool,
    og_title: Option<String>,
    title: Option<String>,
    date_primary: Option<String>,
    date_other: Option<String>,
    time_datetime: Option<String>,
    og_url: Option<String>,
    canonical: Option<String>,
}

/// An ASCII-lowercased tag name in a small buffer (long names are custom
/// elements we have no rules for).
struct TagName {
    buf: [u8; 16],
    len: usize,
}

impl TagName {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// Read a tag name at `b[i..]`: returns the name and the index after it.
fn read_name(b: &[u8], mut i: usize) -> (TagName, usize) {
    let mut name = TagName {
        buf: [0; 16],
        len: 0,
    };
    let mut too_long = false;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'-' | b':' | b'_')) {
        if name.len < name.buf.len() {
            name.buf[name.len] = b[i].to_ascii_lowercase();
            name.len += 1;
        } else {
            too_long = true;
        }
        i += 1;
    }
    if too_long {
        name.len = 0;
    }
    (name, i)
}

/// Find the `>` ending a tag whose attributes start at `from`, skipping
/// quoted attribute values. Returns the index of `>`.
fn find_tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    let mut prev = 0u8;
    while i < b.len() {
        let c = b[i];
        match c {
            b'>' => return Some(i),
            b'"' | b'\'' if prev == b'=' => {
                // An unterminated quote is an ordinary character.
                if let Some(p) = memchr::memchr(c, &b[i + 1..]) {
                    i += p + 1;
                }
                prev = c;
            }
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {}
            _ => prev = c,
        }
        i += 1;
    }
    None
}

/// Call `f(name, value)` for each attribute in `s` (the part of a start tag
/// after its name). Names are compared case-insensitively by the caller.
fn for_each_attr<'s>(s: &'s str, mut f: impl FnMut(&'s str, &'s str)) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'/' | b'>') {
            i += 1;
        }
        let name = &s[start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let value = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let vstart = i + 1;
                    let end = memchr::memchr(q, &b[vstart..]).map_or(b.len(), |p| vstart + p);
                    i = (end + 1).min(b.len());
                    &s[vstart..end]
                }
                _ => {
                    let vstart = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    &s[vstart..i]
                }
            };
            if !name.is_empty() {
                f(name, value);
            }
        } else if !name.is_empty() {
            f(name, "");
        } else if i < b.len() {
            // A stray character (`=` with no name, `>`): step over it.
            i += 1;
        }
    }
}

/// Case-insensitive search for `</name` from `from`.
fn find_end_tag(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let n = name.as_bytes();
    let mut i = from;
    while let Some(p) = memchr::memchr(b'<', &b[i..]) {
        let at = i + p;
        let tail = &b[at + 1..];
        if tail.len() > n.len()
            && tail[0] == b'/'
            && tail[1..=n.len()].eq_ignore_ascii_case(n)
            && !tail
                .get(n.len() + 1)
                .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

fn attr_text(v: &str) -> String {
    collapse_whitespace(&entities::decode(v))
}

impl<'a> Extractor<'a> {
    fn new(src: &'a str, drop_boilerplate: bool) -> Self {
        Extractor {
            src,
            drop_boilerplate,
            dropped_boilerplate: false,
            scratch: String::new(),
            article: TextBuf::default(),
            body: TextBuf::default(),
            seen_article: false,
            article_depth: 0,
            boiler_depth: [0; 5],
            in_head: false,
            og_title: None,
            title: None,
            date_primary: None,
            date_other: None,
            time_datetime: None,
            og_url: None,
            canonical: None,
        }
    }

    fn take_text(&mut self) -> String {
        if self.seen_article {
            std::mem::take(&mut self.article.out)
        } else {
            std::mem::take(&mut self.body.out)
        }
    }

    fn in_boilerplate(&self) -> bool {
        self.boiler_depth.iter().any(|&d| d > 0)
    }

    fn text(&mut self, t: &str) {
        if t.is_empty() || self.in_head || self.in_boilerplate() {
            return;
        }
        if self.article_depth > 0 {
            self.article.push_html_text(t, &mut self.scratch);
        } else if !self.seen_article {
            self.body.push_html_text(t, &mut self.scratch);
        }
    }

    fn run(&mut self) {
        let src = self.src;
        let b = src.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let Some(p) = memchr::memchr(b'<', &b[i..]) else {
                self.text(&src[i..]);
                break;
            };
            self.text(&src[i..i + p]);
            i += p;
            match b.get(i + 1).copied() {
                Some(b'!') if b[i..].starts_with(b"<!--") => {
                    i = match memchr::memmem::find(&b[i + 4..], b"-->") {
                        Some(end) => i + 4 + end + 3,
                        None => b.len(),
                    };
                }
                Some(b'!') | Some(b'?') => {
                    i = memchr::memchr(b'>', &b[i..]).map_or(b.len(), |e| i + e + 1);
                }
                Some(b'/') if b.get(i + 2).is_some_and(u8::is_ascii_alphabetic) => {
                    let (name, after) = read_name(b, i + 2);
                    i = memchr::memchr(b'>', &b[after..]).map_or(b.len(), |e| after + e + 1);
                    self.end_tag(name.as_str());
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    let (name, after) = read_name(b, i + 1);
                    let Some(end) = find_tag_end(b, after) else {
                        // Unclosed tag at the end of the file.
                        break;
                    };
                    let attrs = &src[after..end];
                    let self_closing = attrs.trim_end().ends_with('/');
                    i = end + 1;
                    let name = name.as_str();
                    if SKIP_CONTENT.contains(&name) && !self_closing {
                        let close = find_end_tag(b, i, name).unwrap_or(b.len());
                        i = close;
                        continue;
                    }
                    if name == "title" && !self_closing {
                        let close = find_end_tag(b, i, name).unwrap_or(b.len());
                        if self.title.is_none() {
                            let t = attr_text(&src[i..close]);
                            if !t.is_empty() {
                                self.title = Some(t);
                            }
                        }
                        i = close;
                        continue;
                    }
                    self.start_tag(name, attrs, self_closing);
                }
                _ => {
                    // A stray `<`: plain text.
                    self.text("<");
                    i += 1;
                }
            }
        }
    }

    fn brk(&mut self) {
        self.article.brk();
        self.body.brk();
    }

    fn start_tag(&mut self, name: &str, attrs: &str, self_closing: bool) {
        if name.is_empty() {
            return;
        }
        match name {
            "head" => self.in_head = true,
            "body" => self.in_head = false,
            "meta" => self.meta(attrs),
            "link" => self.link(attrs),
            "time" if self.time_datetime.is_none() => {
                for_each_attr(attrs, |k, v| {
                    if k.eq_ignore_ascii_case("datetime") && !v.trim().is_empty() {
                        self.time_datetime = Some(attr_text(v));
                    }
                });
            }
            _ => {}
        }
        if self.in_head && !HEAD_ELEMENTS.contains(&name) {
            self.in_head = false;
        }
        if name == "article" && !self_closing {
            self.article_depth += 1;
            self.seen_article = true;
        }
        if self.drop_boilerplate && !self_closing {
            if let Some(k) = BOILERPLATE.iter().position(|b| *b == name) {
                let outside_only = matches!(name, "header" | "footer");
                if !(outside_only && self.article_depth > 0) {
                    self.boiler_depth[k] += 1;
                    self.dropped_boilerplate = true;
                }
            }
        }
        if BLOCK.contains(&name) {
            self.brk();
        } else if matches!(name, "td" | "th" | "img") {
            self.article.space();
            self.body.space();
        }
    }

    fn end_tag(&mut self, name: &str) {
        match name {
            "head" => self.in_head = false,
            "article" => self.article_depth = self.article_depth.saturating_sub(1),
            _ => {}
        }
        if let Some(k) = BOILERPLATE.iter().position(|b| *b == name) {
            self.boiler_depth[k] = self.boiler_depth[k].saturating_sub(1);
        }
        if BLOCK.contains(&name) {
            self.brk();
        } else if matches!(name, "td" | "th") {
            self.article.space();
            self.body.space();
        }
    }

    fn meta(&mut self, attrs: &str) {
        let mut key: Option<&str> = None;
        let mut content: Option<&str> = None;
        for_each_attr(attrs, |k, v| {
            if k.eq_ignore_ascii_case("content") {
                content = Some(v);
            } else if (k.eq_ignore_ascii_case("property")
                || k.eq_ignore_ascii_case("name")
                || k.eq_ignore_ascii_case("itemprop"))
                && key.is_none()
            {
                key = Some(v);
            }
        });
        let (Some(key), Some(content)) = (key, content) else {
            return;
        };
        let key = key.trim();
        let slot = if key.eq_ignore_ascii_case("og:title") {
            &mut self.og_title
        } else if key.eq_ignore_ascii_case("og:url") {
            &mut self.og_url
        } else if key.eq_ignore_ascii_case("article:published_time") {
            &mut self.date_primary
        } else if [
            "date",
            "datePublished",
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "dc.date",
            "dc.date.issued",
            "dcterms.date",
            "dcterms.created",
            "og:published_time",
            "parsely-pub-date",
            "sailthru.date",
        ]
        .iter()
        .any(|k| k.eq_ignore_ascii_case(key))
        {
            &mut self.date_other
        } else {
            return;
        };
        if slot.is_none() {
            let v = attr_text(content);
            if !v.is_empty() {
                *slot = Some(v);
            }
        }
    }

    fn link(&mut self, attrs: &str) {
        if self.canonical.is_some() {
            return;
        }
        let mut canonical = false;
        let mut href = None;
        for_each_attr(attrs, |k, v| {
            if k.eq_ignore_ascii_case("rel") {
                canonical = v
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"));
            } else if k.eq_ignore_ascii_case("href") {
                href = Some(v);
            }
        });
        if let (true, Some(h)) = (canonical, href) {
            let h = attr_text(h);
            if !h.is_empty() {
                self.canonical = Some(h);
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Site | Acme &amp; Co buys Widget</title>
  <meta property="og:title" content="Acme &amp; Co buys Widget">
  <meta property="og:url" content="https://news.example/acme">
  <link rel="canonical" href="https://news.example/canonical">
  <meta property="article:published_time" content="2023-08-03T10:00:00Z">
  <style>p { color: red; } </style>
  <script>var x = "<p>not text</p>";</script>
</head>
<body>
  <header><a href="/">Site home</a></header>
  <nav><ul><li>Menu</li></ul></nav>
  <article>
    <h1>Acme &amp; Co buys Widget</h1>
    <p>Acme&nbsp;Co said on <b>Monday</b> it&rsquo;s buying
       Widget&#8212;a rival &#x2014; for &pound;5m.</p>
    <!-- <p>hidden comment</p> -->
    <div>Second<br>line</div>
    <aside>Related: other story</aside>
    <noscript>Enable JS</noscript>
  </article>
  <footer>Copyright</footer>
</body>
</html>"#;

    #[test]
    fn article_page() {
        let doc = parse("a.html", PAGE).unwrap();
        assert_eq!(doc.id, "a.html");
        assert_eq!(doc.title.as_deref(), Some("Acme & Co buys Widget"));
        assert_eq!(doc.date.as_deref(), Some("2023-08-03"));
        assert_eq!(doc.url.as_deref(), Some("https://news.example/acme"));
        assert_eq!(
            doc.text,
            "Acme & Co buys Widget\n\n\
             Acme Co said on Monday it\u{2019}s buying Widget\u{2014}a rival \u{2014} for \u{a3}5m.\n\n\
             Second\n\nline"
        );
    }

    #[test]
    fn body_without_article_drops_boilerplate() {
        let html = "<html><head><title>T  one</title>\
            <link rel=\"canonical\" href=\"https://c.example/x\">\
            <meta name=\"date\" content=\"Aug 3, 2023\"></head>\
            <body><nav>Menu</nav><header>Top</header>\
            <p>Para one.</p><p>Para <i>two</i>.</p>\
            <form>Search</form><footer>Foot</footer></body></html>";
        let doc = parse("b.htm", html).unwrap();
        assert_eq!(doc.title.as_deref(), Some("T one"));
        assert_eq!(doc.url.as_deref(), Some("https://c.example/x"));
        assert_eq!(doc.date.as_deref(), Some("2023-08-03"));
        assert_eq!(doc.text, "T one\n\nPara one.\n\nPara two.");
    }

    #[test]
    fn date_fallbacks() {
        let html = "<meta itemprop=\"datePublished\" content=\"2021-05-06\"><p>x</p>";
        assert_eq!(
            parse("a.html", html).unwrap().date.as_deref(),
            Some("2021-05-06")
        );
        let html = "<p>Posted <time datetime=\"2022-01-02T03:04\">Jan 2</time></p>\
                    <time datetime=\"2000-01-01\"></time>";
        let doc = parse("a.html", html).unwrap();
        assert_eq!(doc.date.as_deref(), Some("2022-01-02"));
        assert_eq!(doc.title, None);
        assert_eq!(doc.text, "Posted Jan 2");
        // Unparseable primary date falls back to the next source.
        let html = "<meta property=\"article:published_time\" content=\"soon\">\
                    <time datetime=\"2022-01-02\">x</time>";
        assert_eq!(
            parse("a.html", html).unwrap().date.as_deref(),
            Some("2022-01-02")
        );
    }

    #[test]
    fn fragments_and_tables() {
        let doc = parse(
            "f.html",
            "Intro text<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
        )
        .unwrap();
        assert_eq!(doc.text, "Intro text\n\na b\n\nc");
        let doc = parse(
            "f.html",
            "<p>Title line</p><p>body</p><title>Title line</title>",
        )
        .unwrap();
        assert_eq!(doc.text, "Title line\n\nbody");
    }

    #[test]
    fn attributes_with_quotes_and_gt() {
        let doc = parse(
            "q.html",
            "<p title=\"a > b\" data-x='it\"s'>Kept</p><img alt=\"x>y\" src=x.png>After",
        )
        .unwrap();
        assert_eq!(doc.text, "Kept\n\nAfter");
    }

    #[test]
    fn unclosed_boilerplate_falls_back_to_everything() {
        let doc = parse("u.html", "<body><nav>Menu<p>Real text").unwrap();
        assert_eq!(doc.text, "Menu\n\nReal text");
    }

    #[test]
    fn multiple_articles_are_concatenated() {
        let doc = parse(
            "m.html",
            "<p>outside</p><article><p>One</p></article><p>between</p><article>Two</article>",
        )
        .unwrap();
        assert_eq!(doc.text, "One\n\nTwo");
    }

    #[test]
    fn malformed_html_never_panics() {
        for s in [
            "<",
            "<<<",
            "< p>",
            "a < b and c > d",
            "<p",
            "<p class=\"unterminated>text",
            "</",
            "</p",
            "<!--",
            "<!-- unterminated <p>x</p>",
            "<!",
            "<?xml",
            "<script>never closed",
            "<title>never closed",
            "<article><article></article>",
            "</article></article>x",
            "</nav></nav>x",
            "<meta content>",
            "<meta property=og:title content=Unquoted>",
            "<link rel=canonical href>",
            "<time datetime>",
            "&",
            "&#",
            "&#x;",
            "<p>é&amp;ü</p>",
            "<ééé>",
            "<averyveryverylongcustomelementname-here>x</averyveryverylongcustomelementname-here>",
            "<p =x>y</p>",
            "<a href='x>y",
            "\u{feff}<p>x",
        ] {
            let _ = parse("x.html", s);
        }
        assert_eq!(parse("x.html", "a < b").unwrap().text, "a < b");
        assert_eq!(
            parse("x.html", "<meta property=og:title content=Unquoted>")
                .unwrap()
                .text,
            "Unquoted"
        );
        assert!(parse("x.html", "<script>x</script>").is_none());
    }
}
