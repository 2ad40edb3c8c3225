//! A small, forgiving reader for the `key: value` subset of YAML used in
//! Markdown front matter.
//!
//! Understood: top-level `key: value` pairs with plain, single-quoted and
//! double-quoted scalars (also spanning several lines), `|` and `>` block
//! scalars, comments. Lists, nested maps and flow collections are skipped.
//! Anything it does not understand is ignored; it never panics.

/// Split `content` into its front matter (between a first line `---` and the
/// next line `---` or `...`) and the body after it. Without a complete front
/// matter block, everything is body.
pub(crate) fn split(content: &str) -> (Option<&str>, &str) {
    let mut lines = LineIter::new(content);
    match lines.next() {
        Some((_, line)) if line.trim_end() == "---" => {}
        _ => return (None, content),
    }
    let fm_start = lines.pos;
    while let Some((start, line)) = lines.next() {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return (Some(&content[fm_start..start]), &content[lines.pos..]);
        }
    }
    (None, content)
}

/// Lines with their start offsets; `pos` is the offset after the last line
/// returned (past its newline).
struct LineIter<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> LineIter<'a> {
    fn new(s: &'a str) -> Self {
        LineIter { s, pos: 0 }
    }
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.s.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.s[start..];
        let (line, advance) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += advance;
        Some((start, line))
    }
}

/// The scalar `key: value` pairs of a front matter block, in order.
#[derive(Debug, Default)]
pub(crate) struct FrontMatter<'a> {
    pairs: Vec<(&'a str, String)>,
}

impl FrontMatter<'_> {
    /// The first non-empty value among `keys` (tried in order, matched
    /// case-insensitively).
    pub(crate) fn get(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.pairs
                .iter()
                .find(|(key, v)| key.eq_ignore_ascii_case(k) && !v.trim().is_empty())
                .map(|(_, v)| v.trim())
        })
    }

    #[cfg(test)]
    fn pairs(&self) -> &[(&str, String)] {
        &self.pairs
    }
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn is_indented(line: &str) -> bool {
    line.starts_with([' ', '\t'])
}

/// Parse a front matter block (without its `---` lines).
pub(crate) fn parse(fm: &str) -> FrontMatter<'_> {
    let lines: Vec<&str> = fm.lines().collect();
    let mut out = FrontMatter::default();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if is_blank(line) || is_indented(line) || line.starts_with(['#', '-']) {
            continue;
        }
        let Some((key, rest)) = split_key(line) else {
            continue;
        };
        let rest = rest.trim();
        // Lines belonging to this value: indented ones, and blank ones
        // followed by more indented ones.
        let mut end = i;
        while end < lines.len() && (is_indented(lines[end]) || is_blank(lines[end])) {
            end += 1;
        }
        while end > i && is_blank(lines[end - 1]) {
            end -= 1;
        }
        let cont = &lines[i..end];
        let value = match rest.as_bytes().first() {
            None => plain_from_next_lines(cont),
            Some(b'|') | Some(b'>') if is_block_header(rest) => {
                Some(block_scalar(rest.starts_with('>'), cont))
            }
            Some(&q @ (b'"' | b'\'')) => {
                let double = q == b'"';
                // Sloppy front matter continues quoted scalars on lines that
                // are not indented: follow the quote to its end when it has
                // one, otherwise take the indented lines only.
                match quoted(&rest[1..], &lines[i..], double) {
                    (v, Some(used)) => {
                        end = end.max(i + used);
                        Some(v)
                    }
                    (_, None) => Some(quoted(&rest[1..], cont, double).0),
                }
            }
            Some(b'[') | Some(b'{') => None,
            Some(_) => plain(rest, cont),
        };
        // Lists under the key at column 0 (`- item`) belong to it too.
        i = end;
        while i < lines.len() && lines[i].starts_with('-') && !lines[i].starts_with("---") {
            i += 1;
        }
        if let Some(v) = value {
            out.pairs.push((key, v));
        }
    }
    out
}

/// Split `key: rest`; the key may be quoted. `None` if the line is no
/// mapping entry.
fn split_key(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    if let Some(q @ (b'"' | b'\'')) = bytes.first().copied() {
        let close = memchr::memchr(q, &bytes[1..])? + 1;
        let after = line[close + 1..].trim_start();
        let rest = after.strip_prefix(':')?;
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return None;
        }
        return Some((&line[1..close], rest));
    }
    let mut from = 0;
    while let Some(p) = memchr::memchr(b':', &bytes[from..]) {
        let colon = from + p;
        match bytes.get(colon + 1) {
            None | Some(b' ') | Some(b'\t') => {
                let key = line[..colon].trim();
                if key.is_empty() {
                    return None;
                }
                return Some((key, &line[colon + 1..]));
            }
            _ => from = colon + 1,
        }
    }
    None
}

fn is_block_header(rest: &str) -> bool {
    let head = match rest.find(" #") {
        Some(p) => &rest[..p],
        None => rest,
    };
    head.trim_end()
        .bytes()
        .skip(1)
        .all(|b| matches!(b, b'+' | b'-' | b'0'..=b'9'))
}

/// Strip a ` # comment` from a plain scalar.
fn strip_comment(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(p) = memchr::memchr(b'#', &bytes[from..]) {
        let at = from + p;
        if at == 0 || matches!(bytes[at - 1], b' ' | b'\t') {
            return s[..at].trim_end();
        }
        from = at + 1;
    }
    s
}

fn is_null(s: &str) -> bool {
    matches!(s, "~" | "null" | "Null" | "NULL")
}

/// Fold lines the way YAML folds plain and flow scalars: lines joined with
/// spaces, each blank line becoming a newline.
fn fold_into(out: &mut String, lines: &[&str]) {
    let mut pending_newlines = 0;
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            pending_newlines += 1;
            continue;
        }
        if !out.is_empty() {
            if pending_newlines > 0 {
                for _ in 0..pending_newlines {
                    out.push('\n');
                }
            } else {
                out.push(' ');
            }
        }
        pending_newlines = 0;
        out.push_str(t);
    }
}

fn plain(first: &str, cont: &[&str]) -> Option<String> {
    let first = strip_comment(first);
    if cont.is_empty() {
        return if is_null(first) || first.is_empty() {
            None
        } else {
            Some(first.to_owned())
        };
    }
    let mut out = String::with_capacity(first.len() + cont.len() * 80);
    out.push_str(first);
    let stripped: Vec<&str> = cont.iter().map(|l| strip_comment(l)).collect();
    fold_into(&mut out, &stripped);
    Some(out)
}

/// `key:` with the value on the following indented lines: a plain scalar
/// unless those lines hold a list or a nested map.
fn plain_from_next_lines(cont: &[&str]) -> Option<String> {
    let first = cont.iter().map(|l| l.trim()).find(|l| !l.is_empty())?;
    if first.starts_with('-') || first.starts_with(['[', '{', '#']) || split_key(first).is_some() {
        return None;
    }
    if first.starts_with(['"', '\'']) {
        // A quoted scalar on the next line: rare, read it like the others.
        let mut lines = cont.iter().map(|l| l.trim()).skip_while(|l| l.is_empty());
        let head = lines.next().unwrap_or_default();
        let rest: Vec<&str> = lines.collect();
        return Some(quoted(&head[1..], &rest, head.starts_with('"')).0);
    }
    let mut out = String::new();
    let stripped: Vec<&str> = cont.iter().map(|l| strip_comment(l)).collect();
    fold_into(&mut out, &stripped);
    if out.is_empty() || is_null(&out) {
        None
    } else {
        Some(out)
    }
}

fn block_scalar(folded: bool, cont: &[&str]) -> String {
    let indent = cont
        .iter()
        .find(|l| !is_blank(l))
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .unwrap_or(0);
    let strip = |l: &str| -> String {
        let lead = l.len() - l.trim_start_matches([' ', '\t']).len();
        l[lead.min(indent)..].trim_end().to_owned()
    };
    let mut out = String::new();
    if folded {
        let lines: Vec<String> = cont.iter().map(|l| strip(l)).collect();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        fold_into(&mut out, &refs);
    } else {
        for (n, l) in cont.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            out.push_str(&strip(l));
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// Read a quoted scalar whose text starts with `first` (after the opening
/// quote) and may go on over `cont`. Returns the text and, when the closing
/// quote was found, how many lines of `cont` it used. An unterminated quote
/// takes what there is.
fn quoted(first: &str, cont: &[&str], double: bool) -> (String, Option<usize>) {
    let mut out = String::with_capacity(first.len());
    let mut pending_newlines = 0usize;
    let mut started = false;
    for (n, raw) in std::iter::once(&first).chain(cont.iter()).enumerate() {
        let line = if n == 0 { *raw } else { raw.trim() };
        if n > 0 {
            if line.is_empty() {
                pending_newlines += 1;
                continue;
            }
            if started {
                if pending_newlines > 0 {
                    for _ in 0..pending_newlines {
                        out.push('\n');
                    }
                } else {
                    // Trailing spaces before a line break are not content.
                    let t = out.trim_end_matches([' ', '\t']).len();
                    out.truncate(t);
                    out.push(' ');
                }
            }
            pending_newlines = 0;
        }
        started = true;
        if scan_quoted(line, double, &mut out) {
            return (out, Some(n));
        }
    }
    (out, None)
}

/// Append the quoted text of `line` to `out`, stopping at the closing quote.
/// Returns whether the closing quote was found.
fn scan_quoted(line: &str, double: bool, out: &mut String) -> bool {
    let mut chars = line.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if double {
            match c {
                '"' => return true,
                '\\' => match chars.next() {
                    None => {}
                    Some((_, e)) => match e {
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'r' => {}
                        '0' => {}
                        '"' | '\\' | '/' | ' ' => out.push(e),
                        '_' => out.push('\u{a0}'),
                        'x' | 'u' | 'U' => {
                            let len = match e {
                                'x' => 2,
                                'u' => 4,
                                _ => 8,
                            };
                            let mut code = 0u32;
                            let mut ok = true;
                            for _ in 0..len {
                                match chars.peek().and_then(|(_, h)| h.to_digit(16)) {
                                    Some(d) => {
                                        code = code * 16 + d;
                                        chars.next();
                                    }
                                    None => {
                                        ok = false;
                                        break;
                                    }
                                }
                            }
                            out.push(if ok {
                                char::from_u32(code).unwrap_or('\u{fffd}')
                            } else {
                                '\u{fffd}'
                            });
                        }
                        other => {
                            out.push('\\');
                            out.push(other);
                        }
                    },
                },
                _ => out.push(c),
            }
        } else if c == '\'' {
            if matches!(chars.peek(), Some((_, '\''))) {
                chars.next();
                out.push('\'');
            } else {
                return true;
            }
        } else {
            out.push(c);
        }
    }
    false
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn split_front_matter() {
        let (fm, body) = split("---\ntitle: A\n---\nBody\n");
        assert_eq!(fm, Some("title: A\n"));
        assert_eq!(body, "Body\n");
        let (fm, body) = split("---  \ntitle: A\n...\n");
        assert_eq!(fm, Some("title: A\n"));
        assert_eq!(body, "");
        let (fm, body) = split("---\ntitle: A\n---");
        assert_eq!(fm, Some("title: A\n"));
        assert_eq!(body, "");
        // Unclosed: no front matter at all.
        assert_eq!(split("---\ntitle: A\nbody"), (None, "---\ntitle: A\nbody"));
        assert_eq!(split("# Heading\n---\n"), (None, "# Heading\n---\n"));
        assert_eq!(split(""), (None, ""));
        assert_eq!(split("---"), (None, "---"));
    }

    #[test]
    fn plain_and_quoted_scalars() {
        let fm = parse(
            "title: Acme: the story # a comment\n\
             date: \"2018-11-02\"\n\
             url: 'https://example.com/a#frag'\n\
             quote: 'it''s'\n\
             esc: \"a\\\"b\\\\c\\u00e9\\n\"\n\
             empty:\n\
             nothing: ~\n",
        );
        assert_eq!(fm.get(&["title"]), Some("Acme: the story"));
        assert_eq!(fm.get(&["date"]), Some("2018-11-02"));
        assert_eq!(fm.get(&["url"]), Some("https://example.com/a#frag"));
        assert_eq!(fm.get(&["quote"]), Some("it's"));
        assert_eq!(fm.get(&["esc"]), Some("a\"b\\c\u{e9}"));
        assert_eq!(fm.get(&["empty"]), None);
        assert_eq!(fm.get(&["nothing"]), None);
        assert_eq!(fm.get(&["missing", "TITLE"]), Some("Acme: the story"));
    }

    #[test]
    fn multi_line_scalars() {
        let fm = parse(
            "description: First line\n  goes on here\n\n  new paragraph\n\
             quoted: \"Quoted text\n  continues \\\"here\\\"\n  and ends\"\n\
             single: 'one\n  two'\n\
             next:\n  value on\n  the next line\n\
             after: x\n",
        );
        assert_eq!(
            fm.get(&["description"]),
            Some("First line goes on here\nnew paragraph")
        );
        assert_eq!(
            fm.get(&["quoted"]),
            Some("Quoted text continues \"here\" and ends")
        );
        assert_eq!(fm.get(&["single"]), Some("one two"));
        assert_eq!(fm.get(&["next"]), Some("value on the next line"));
        assert_eq!(fm.get(&["after"]), Some("x"));

        let fm = parse("d: \"first\nsecond: line\nthird\"\ne: x\n");
        assert_eq!(fm.get(&["d"]), Some("first second: line third"));
        assert_eq!(fm.get(&["second"]), None);
        assert_eq!(fm.get(&["e"]), Some("x"));
    }

    #[test]
    fn block_scalars() {
        let fm = parse(
            "folded: >-\n  * one\n  more\n\n  * two\n\
             literal: |\n  line 1\n    indented\n  line 3\n\n\
             keep: |+\n  kept\n\
             tail: end\n",
        );
        assert_eq!(fm.get(&["folded"]), Some("* one more\n* two"));
        assert_eq!(fm.get(&["literal"]), Some("line 1\n  indented\nline 3"));
        assert_eq!(fm.get(&["keep"]), Some("kept"));
        assert_eq!(fm.get(&["tail"]), Some("end"));
    }

    #[test]
    fn lists_and_maps_are_skipped() {
        let fm = parse(
            "tags:\n- a\n- b\n\
             cover:\n  caption: nested\n  image: x.png\n\
             flow: [a, b]\n\
             map: {a: 1}\n\
             items:\n  - x\n  - y\n\
             title: Kept\n",
        );
        assert_eq!(fm.get(&["title"]), Some("Kept"));
        assert_eq!(fm.get(&["caption"]), None);
        assert_eq!(fm.get(&["tags"]), None);
        assert_eq!(fm.get(&["cover"]), None);
        assert_eq!(fm.get(&["flow"]), None);
        assert_eq!(fm.get(&["items"]), None);
        assert_eq!(fm.pairs().len(), 1);
    }

    #[test]
    fn odd_input_never_panics() {
        for s in [
            ":",
            ": value",
            "key",
            "\"unterminated: x",
            "'k': v",
            "\"k\":v",
            "a: \"unterminated\nb: c",
            "a: |",
            "a: >\n",
            "a: \"\\",
            "a: \"\\u12\"",
            "a: \"\\x4",
            "é: ü",
            "a: 'x''",
            "\t: x",
            "- a: b",
            "a: |\n\t\tx\n  y",
            "a:\n  \"b",
            "a:\n  '",
        ] {
            let _ = parse(s);
        }
        let fm = parse("a: \"unterminated\nb: c");
        assert_eq!(fm.get(&["a"]), Some("unterminated"));
        assert_eq!(fm.get(&["b"]), Some("c"));
        assert_eq!(parse("'k': v").get(&["k"]), Some("v"));
        assert_eq!(parse("a: \"\\u12\"").get(&["a"]), Some("\u{fffd}"));
    }
}
