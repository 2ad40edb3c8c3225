//! Tokens and sentences with byte offsets.
//!
//! The tokenizer is a single pass over the text. Words keep internal dots
//! (`U.S.`, `Amazon.com`), ampersands between letters (`AT&T`) and
//! apostrophes that are not possessive or negative clitics; the possessive
//! `'s` and the negative `n't` become tokens of their own so later stages can
//! see them. Sentences are split on terminal punctuation, except after
//! abbreviations and initials, and on paragraph breaks.

use crate::wordset::WordSet;

/// Shape of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters and digits (with internal `.`, `&`, `'`).
    Word,
    /// A number (`1.2`, `10,000`, `2025`).
    Number,
    /// Possessive clitic `'s` or a bare trailing apostrophe (`companies'`).
    Possessive,
    /// Negative clitic `n't`.
    Negation,
    /// Any other single character.
    Punct,
}

/// A token: a byte range of the document text plus its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset just past the last byte.
    pub end: u32,
    /// Shape.
    pub kind: TokKind,
    /// First character is uppercase.
    pub cap: bool,
    /// Every letter is uppercase and there are at least two letters.
    pub all_caps: bool,
    /// An uppercase letter after the first character ("eBay", "3M", "OpenAI").
    pub inner_upper: bool,
    /// Whitespace (or the text start) precedes the token.
    pub space_before: bool,
    /// A line break lies between this token and the previous one.
    pub newline_before: bool,
    /// A blank line (paragraph break) lies between this token and the previous one.
    pub para_before: bool,
}

impl Token {
    /// The token text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }

    /// Whether the token's bytes in `text` (the text, or its lowercased
    /// copy) are `word`: the length first, then the bytes, with no slicing
    /// of the string. Hot loops compare tokens with literals this way.
    pub(crate) fn is(&self, text: &str, word: &str) -> bool {
        (self.end - self.start) as usize == word.len()
            && text.as_bytes()[self.start as usize..self.end as usize] == *word.as_bytes()
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Split `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0usize;
    let mut space_before = true;
    let mut newlines = 0u32;
    // Whether some word ends in "n't": only then is the clitic pass run.
    let mut clitics = false;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII whitespace is exactly these bytes (`char::is_whitespace`).
        if b == b'\n' {
            newlines += 1;
            space_before = true;
            i += 1;
            continue;
        }
        if b == b' ' || b == b'\t' || b == b'\r' || b == 0x0c || b == 0x0b {
            space_before = true;
            i += 1;
            continue;
        }
        let c = if b < 0x80 {
            char::from(b)
        } else {
            match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        if b >= 0x80 && c.is_whitespace() {
            if c == '\u{2028}' || c == '\u{2029}' {
                newlines += 2;
            }
            space_before = true;
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let kind;
        let shape;
        if (b < 0x80 && b.is_ascii_alphanumeric()) || (b >= 0x80 && c.is_alphanumeric()) {
            let w = scan_word(text, i);
            i = w.end;
            kind = w.kind;
            shape = w.shape;
            // A word ending in "n't" ends in "t" or "T": that byte first.
            clitics |= w.kind == TokKind::Word
                && i - start > 3
                && bytes[i - 1] | 0x20 == b't'
                && ends_with_nt(&text[start..i]);
        } else if is_apostrophe(c)
            && !tokens.is_empty()
            && (!space_before || spaced_clitic(text, i, i + c.len_utf8(), tokens.last()))
        {
            // Possessive after a word: 's or bare ' (plural possessive).
            // Text tokenized word by word writes it apart: "Celgene 's".
            space_before = false;
            let after = i + c.len_utf8();
            let next = text[after..].chars().next();
            if matches!(next, Some('s' | 'S'))
                && !text[after + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                i = after + 1;
                kind = TokKind::Possessive;
                // One letter, after the first character: "'S" has an inner
                // uppercase letter.
                shape = Shape {
                    cap: false,
                    letters: 1,
                    upper: next == Some('S'),
                    inner_upper: next == Some('S'),
                };
            } else {
                if !next.is_some_and(char::is_alphanumeric)
                    && text[..i].ends_with(['s', 'S'])
                    && !matches!(next, Some('\n' | '\r') | None)
                {
                    // Plural possessive: "Yukos' unit", "the companies' deal".
                    kind = TokKind::Possessive;
                } else {
                    kind = TokKind::Punct;
                }
                i = after;
                shape = Shape::NO_LETTERS;
            }
        } else {
            i += c.len_utf8();
            kind = TokKind::Punct;
            // Not alphanumeric, so no letter; but some symbols are uppercase
            // ("\u{24b6}").
            shape = Shape {
                cap: c.is_uppercase(),
                ..Shape::NO_LETTERS
            };
        }
        tokens.push(Token {
            start: start as u32,
            end: i as u32,
            kind,
            cap: shape.cap,
            all_caps: shape.upper && shape.letters >= 2,
            inner_upper: shape.inner_upper,
            space_before,
            newline_before: newlines > 0,
            para_before: newlines > 1,
        });
        space_before = false;
        newlines = 0;
    }
    if clitics {
        split_clitics(text, &mut tokens);
    }
    tokens
}

/// The letter shape of a token.
#[derive(Debug, Clone, Copy)]
struct Shape {
    /// The first character is uppercase.
    cap: bool,
    /// Letters counted (only whether there are two or more matters).
    letters: u32,
    /// No letter is other than uppercase.
    upper: bool,
    /// A letter after the first character is uppercase.
    inner_upper: bool,
}

impl Shape {
    const NO_LETTERS: Shape = Shape {
        cap: false,
        letters: 0,
        upper: true,
        inner_upper: false,
    };

    /// Count character `c` at byte `at` of a token starting at `start`.
    fn add(&mut self, c: char, at: usize, start: usize) {
        if at == start && c.is_uppercase() {
            self.cap = true;
        }
        if c.is_alphabetic() {
            self.letters += 1;
            if !c.is_uppercase() {
                self.upper = false;
            } else if at > start {
                self.inner_upper = true;
            }
        }
    }
}

/// A scanned word or number.
struct Word {
    end: usize,
    kind: TokKind,
    shape: Shape,
}

/// Scan a word or number starting at `start`, with its letter shape.
fn scan_word(text: &str, start: usize) -> Word {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut all_digits = true;
    let mut shape = Shape::NO_LETTERS;
    loop {
        // Fast path: a run of ASCII letters and digits, the bulk of words.
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_lowercase() {
                all_digits = false;
                shape.letters += 1;
                shape.upper = false;
            } else if b.is_ascii_uppercase() {
                all_digits = false;
                shape.letters += 1;
                if i > start {
                    shape.inner_upper = true;
                } else {
                    shape.cap = true;
                }
            } else if !b.is_ascii_digit() {
                break;
            }
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        let c = if bytes[i] < 0x80 {
            char::from(bytes[i])
        } else {
            match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        if c.is_alphanumeric() {
            if !c.is_ascii_digit() {
                all_digits = false;
            }
            shape.add(c, i, start);
            i += c.len_utf8();
            continue;
        }
        // Internal joiners: kept when a letter or digit follows. Any other
        // ASCII character ends the word (the common case: a space).
        if c.is_ascii() && !matches!(c, '.' | ',' | '&' | '\'') {
            break;
        }
        let next = text[i + c.len_utf8()..].chars().next();
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        match c {
            '.' => {
                if next_alnum {
                    i += 1;
                    continue;
                }
                // Trailing dot of dotted initials like "U.S." or "U.K.":
                // keep it when the word so far is letter-dot-letter.
                let word = &text[start..i];
                if word.len() >= 3
                    && word.contains('.')
                    && word.split('.').all(|p| p.chars().count() == 1)
                {
                    i += 1;
                }
                break;
            }
            ',' if all_digits && next.is_some_and(|n| n.is_ascii_digit()) => {
                i += 1;
                continue;
            }
            '&' if next_alnum && !all_digits => {
                i += 1;
                continue;
            }
            _ if is_apostrophe(c) && next_alnum => {
                // Keep "O'Brien" and "don't" whole here; clitics are split later.
                let after = &text[i + c.len_utf8()..];
                let is_s_clitic = matches!(next, Some('s' | 'S'))
                    && !after[1..].chars().next().is_some_and(char::is_alphanumeric);
                if is_s_clitic {
                    break;
                }
                i += c.len_utf8();
                continue;
            }
            _ => break,
        }
    }
    let kind = if all_digits {
        TokKind::Number
    } else {
        TokKind::Word
    };
    Word {
        end: i,
        kind,
        shape,
    }
}

/// Split a trailing negative clitic `n't` off words such as `didn't`
/// (`tokenize` calls this only when some word has one).
fn split_clitics(text: &str, tokens: &mut Vec<Token>) {
    let mut out = Vec::with_capacity(tokens.len() + 8);
    for t in tokens.drain(..) {
        let s = t.text(text);
        if t.kind == TokKind::Word && s.len() > 3 && ends_with_nt(s) {
            let apos_len = if s.ends_with("n\u{2019}t") || s.ends_with("N\u{2019}T") {
                3
            } else {
                1
            };
            let split = t.end - (2 + apos_len);
            let mut head = t;
            head.end = split;
            let mut tail = t;
            tail.start = split;
            tail.kind = TokKind::Negation;
            tail.cap = false;
            tail.all_caps = false;
            tail.inner_upper = false;
            tail.space_before = false;
            tail.newline_before = false;
            tail.para_before = false;
            out.push(head);
            out.push(tail);
        } else {
            out.push(t);
        }
    }
    *tokens = out;
}

/// `s` ends with "n't" or "n\u{2019}t", ASCII letters in any case (without
/// allocating: this runs on every word).
fn ends_with_nt(s: &str) -> bool {
    let b = s.as_bytes();
    let nt = |apos: &[u8]| {
        let n = apos.len() + 2;
        b.len() >= n
            && b[b.len() - n].eq_ignore_ascii_case(&b'n')
            && &b[b.len() - n + 1..b.len() - 1] == apos
            && b[b.len() - 1].eq_ignore_ascii_case(&b't')
    };
    nt(b"'") || nt("\u{2019}".as_bytes())
}

/// A sentence: a token range and its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Index of its first token.
    pub first: usize,
    /// Index just past its last token.
    pub last: usize,
    /// Byte offset of the start.
    pub start: u32,
    /// Byte offset just past the end.
    pub end: u32,
}

/// Words after which a full stop does not end a sentence.
static ABBREVIATIONS: WordSet = WordSet::new(&[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "capt", "sgt", "adm",
    "maj", "cmdr", "st", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "no", "nos", "vs", "v",
    "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "approx", "est", "dept", "univ", "assn",
    "ave", "blvd", "fig", "op", "vol", "pp", "e.g", "i.e", "hon", "rev", "messrs", "mt", "ft",
]);

/// Capitalised words that usually start a new sentence even after an
/// abbreviation such as "U.S." or "Inc.".
static SENTENCE_STARTERS: WordSet = WordSet::new(&[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "A",
    "An",
    "However",
    "Meanwhile",
    "Last",
    "Earlier",
    "Analysts",
    "Shares",
    "There",
    "His",
    "Her",
    "Their",
    "Our",
    "After",
    "Before",
    "While",
    "Under",
    "When",
    "If",
    "Since",
    "Although",
    "Both",
    "Other",
    "Some",
    "Many",
    "Most",
    "Its",
    "Officials",
    "According",
]);

fn is_terminal(c: &str) -> bool {
    matches!(c, "." | "!" | "?" | "\u{2026}")
}

fn is_closing(c: &str) -> bool {
    matches!(c, "\"" | "'" | ")" | "]" | "\u{201d}" | "\u{2019}")
}

/// Split tokens into sentences.
///
/// A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets)
/// when the next token starts a sentence, except after abbreviations and
/// initials; and at paragraph breaks. A single line break ends a sentence
/// when the line before it ends with terminal punctuation, is short (a
/// headline or byline), or the next line is indented.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut first = 0usize;
    let mut line_first = 0usize;
    let n = tokens.len();
    let mut i = 0usize;
    while i < n {
        let t = &tokens[i];
        if i > first && t.newline_before {
            let prev = &tokens[i - 1];
            let indented = {
                // Whitespace other than the newline right before the token.
                let gap = &text[prev.end as usize..t.start as usize];
                gap.rsplit('\n').next().is_some_and(|s| !s.is_empty())
            };
            let prev_text = prev.text(text);
            let ends_clause = is_terminal(prev_text) || prev_text == ":" || is_closing(prev_text);
            let headline = t.cap && is_title_case(text, &tokens[line_first.max(first)..i]);
            if t.para_before || ends_clause || indented || headline || is_bullet(text, tokens, i) {
                push_sentence(&mut sentences, tokens, first, i);
                first = i;
            }
        }
        if t.newline_before {
            line_first = i;
        }
        if t.kind == TokKind::Punct && is_terminal(t.text(text)) {
            // Absorb repeated terminals and closing quotes/brackets.
            let mut j = i + 1;
            while j < n
                && tokens[j].kind == TokKind::Punct
                && !tokens[j].space_before
                && (is_terminal(tokens[j].text(text)) || is_closing(tokens[j].text(text)))
            {
                j += 1;
            }
            if j >= n {
                break;
            }
            let next = &tokens[j];
            let next_text = next.text(text);
            let starts = next.cap
                || next.kind == TokKind::Number
                || matches!(
                    next_text,
                    "\"" | "\u{201c}" | "'" | "(" | "\u{2018}" | "-" | "\u{2014}"
                )
                || next.newline_before;
            if starts
                && (next.space_before || next.newline_before)
                && !is_abbreviation(text, tokens, i, next)
            {
                push_sentence(&mut sentences, tokens, first, j);
                first = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if first < n {
        push_sentence(&mut sentences, tokens, first, n);
    }
    sentences
}

/// Whether token `i` is a list bullet: a dash, star or bullet sign opening a
/// line, with a space after it ("- Partnerships with AWS"). A list item is a
/// sentence of its own even when the item before it has no full stop.
fn is_bullet(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    t.kind == TokKind::Punct
        && matches!(
            t.text(text),
            "-" | "*" | "+" | "\u{2022}" | "\u{b7}" | "\u{2013}" | "\u{25aa}" | "\u{25e6}"
        )
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.space_before && !n.newline_before)
}

/// Whether most words of a line are capitalised (a headline or byline).
pub fn is_title_case(text: &str, tokens: &[Token]) -> bool {
    let mut words = 0;
    let mut caps = 0;
    for t in tokens {
        if t.kind != TokKind::Word {
            continue;
        }
        let s = t.text(text);
        // Acronyms ("NYSE") say nothing about headline case.
        if t.all_caps {
            continue;
        }
        if s.len() <= 3 && !t.cap {
            // Short function words ("of", "to", "a") are lowercase in title case.
            continue;
        }
        words += 1;
        if t.cap {
            caps += 1;
        }
    }
    words > 0 && caps * 10 >= words * 8
}

/// Whether tokens are written in capitals, as wire headlines are ("WORLD
/// BANK LAUNCHES 300 MLN MARKKA BOND ISSUE"): at least two words with
/// letters, none with a lowercase letter.
pub fn is_in_capitals(text: &str, tokens: &[Token]) -> bool {
    let mut shouted = 0;
    for t in tokens.iter().filter(|t| t.kind == TokKind::Word) {
        if t.text(text).chars().any(char::is_lowercase) {
            return false;
        }
        if t.all_caps {
            shouted += 1;
        }
    }
    shouted >= 2
}

fn push_sentence(out: &mut Vec<Sentence>, tokens: &[Token], first: usize, last: usize) {
    if last > first {
        out.push(Sentence {
            first,
            last,
            start: tokens[first].start,
            end: tokens[last - 1].end,
        });
    }
}

/// Whether the full stop at token `dot` follows an abbreviation or initial.
fn is_abbreviation(text: &str, tokens: &[Token], dot: usize, next: &Token) -> bool {
    if text[tokens[dot].start as usize..tokens[dot].end as usize] != *"." || dot == 0 {
        // "U.S." style tokens carry their own dot and are handled below.
        return false;
    }
    let prev = &tokens[dot - 1];
    if prev.end != tokens[dot].start {
        return false;
    }
    let w = prev.text(text);
    let next_text = next.text(text);
    if next.newline_before && next.para_before {
        return false;
    }
    // Single-letter initial: "John F. Kennedy".
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = w.to_ascii_lowercase();
    if ABBREVIATIONS.contains(lower.as_str()) {
        // "Inc." and "Corp." end sentences when a usual starter follows.
        if matches!(
            lower.as_str(),
            "inc" | "corp" | "co" | "ltd" | "etc" | "bros"
        ) && SENTENCE_STARTERS.contains(next_text)
        {
            return false;
        }
        return true;
    }
    false
}

/// Whether a word token carrying its own trailing dot ("U.S.") ends a sentence.
fn dotted_word_ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let s = t.text(text);
    if !s.ends_with('.') {
        return false;
    }
    match tokens.get(i + 1) {
        None => true,
        Some(next) => next.para_before || (next.cap && SENTENCE_STARTERS.contains(next.text(text))),
    }
}

/// The text of a hard-wrapped document (wire copy, plain-text mail, Markdown
/// source: paragraphs broken into lines of at most some 40 to 100
/// characters) with its soft line breaks replaced by spaces, so that a name
/// or a gazetteer form broken over two lines ("General Motors Corp's
/// Hughes\nAircraft Co") reads as on one line. `None` when the text is not
/// hard-wrapped or has no soft break. Byte offsets are unchanged: a soft
/// break is one `\n` byte (or `\r\n`, two bytes) and becomes as many spaces.
///
/// The text is hard-wrapped when it has at least three lines of text, the
/// longest 40 to 100 characters wide, and at least half of its lines that
/// run on into the next fill that width to within 20 characters. Lines that
/// end a paragraph (before a blank or indented line, or the end) are short
/// by nature, and so is the title's line: they are not counted.
///
/// A line break is soft when it is single (no blank line), the
/// line before it is not the document's first (a title), and the next line
/// starts right at the margin (no indent: wire copy indents paragraphs)
/// with a letter, digit or opening bracket or quote; a list bullet, a
/// Markdown heading, quote or table row stays on its own line.
pub fn unwrap_soft_breaks(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    // Line lengths in bytes, without the line break (and a trailing '\r').
    let mut widest = 0usize;
    let mut lines = 0usize;
    let mut start = 0usize;
    // The lengths of the lines that run on into a next line of text at the
    // margin, the title's line aside.
    let mut lens: Vec<usize> = Vec::new();
    let mut prev: Option<usize> = None;
    for end in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        let mut line = &bytes[start..end];
        if line.last() == Some(&b'\r') {
            line = &line[..line.len() - 1];
        }
        let len = line.len();
        let text_line = len > 0 && !line.iter().all(u8::is_ascii_whitespace);
        let at_margin = line.first().is_some_and(|b| !b.is_ascii_whitespace());
        if let Some(p) = prev.take() {
            if text_line && at_margin {
                lens.push(p);
            }
        }
        if text_line {
            widest = widest.max(len);
            if widest > 100 {
                return None;
            }
            if lines > 0 {
                prev = Some(len);
            }
            lines += 1;
        }
        start = end + 1;
    }
    if lines < 3 || widest < 40 || lens.is_empty() {
        return None;
    }
    let full = lens.iter().filter(|&&l| l + 20 >= widest).count();
    if full * 2 < lens.len() {
        return None;
    }
    // The text is copied once, between soft breaks (both ASCII, so the
    // pieces are whole characters).
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut line_start = 0usize;
    let mut first_line = true;
    for nl in memchr::memchr_iter(b'\n', bytes) {
        let line = &bytes[line_start..nl];
        let blank = line.iter().all(u8::is_ascii_whitespace);
        if !blank && !first_line && continues_line(&bytes[nl + 1..]) {
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
            let brk = if nl > 0 && bytes[nl - 1] == b'\r' {
                nl - 1
            } else {
                nl
            };
            buf.push_str(&text[copied..brk]);
            buf.push_str(if brk < nl { "  " } else { " " });
            copied = nl + 1;
        }
        if !blank {
            first_line = false;
        }
        line_start = nl + 1;
    }
    out.map(|mut buf| {
        buf.push_str(&text[copied..]);
        buf
    })
}

/// Whether a line of hard-wrapped text may continue the line before it:
/// it starts at the margin with a letter, digit or opening bracket or
/// quote, and is no list item.
fn continues_line(line: &[u8]) -> bool {
    let starts_text = line.first().is_some_and(|&b| {
        b.is_ascii_alphanumeric() || b >= 0x80 || matches!(b, b'<' | b'(' | b'"' | b'\'')
    });
    // ASCII bullets ("- ", "* ") do not start text; the bullet sign does.
    starts_text && !line.starts_with("\u{2022}".as_bytes()) && !numbered_item(line)
}

/// Whether a line starts as an item of a numbered list: "1. ", "12) ".
fn numbered_item(line: &[u8]) -> bool {
    let digits = line.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=3).contains(&digits)
        && matches!(line.get(digits), Some(b'.' | b')'))
        && line.get(digits + 1) == Some(&b' ')
}

/// Split sentences, also ending a sentence after dotted abbreviations such as
/// "U.S." when a usual sentence starter follows.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let base = split_sentences(text, tokens);
    let mut out = Vec::with_capacity(base.len());
    for s in base {
        let mut first = s.first;
        for i in s.first..s.last.saturating_sub(1) {
            let t = &tokens[i];
            // Only a word ending in its own full stop ("U.S.") can end here.
            if t.kind == TokKind::Word
                && text.as_bytes()[t.end as usize - 1] == b'.'
                && dotted_word_ends_sentence(text, tokens, i)
            {
                push_sentence(&mut out, tokens, first, i + 1);
                first = i + 1;
            }
        }
        push_sentence(&mut out, tokens, first, s.last);
    }
    out
}

/// Whether the apostrophe at `at..after`, written after one space, is a
/// possessive clitic of text tokenized word by word ("Celgene 's stock"):
/// "'s" alone, after a word.
fn spaced_clitic(text: &str, at: usize, after: usize, prev: Option<&Token>) -> bool {
    let b = text.as_bytes();
    prev.is_some_and(|t| t.kind == TokKind::Word && t.end as usize + 1 == at)
        && b[at - 1] == b' '
        && matches!(b.get(after), Some(b's' | b'S'))
        && b.get(after + 1).is_some_and(|&c| c == b' ' || c == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_shapes_are_computed_while_scanning() {
        // (token, cap, all_caps, inner_upper)
        let text = "eBay OpenAI NASA Ökonom ÉDF IBM's 3M U.S. A \u{24b6} d\u{e9}j\u{e0} X-1 CEO'S";
        let shapes: Vec<(&str, bool, bool, bool)> = tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.cap, t.all_caps, t.inner_upper))
            .collect();
        assert_eq!(
            shapes,
            vec![
                ("eBay", false, false, true),
                ("OpenAI", true, false, true),
                ("NASA", true, true, true),
                ("Ökonom", true, false, false),
                ("ÉDF", true, true, true),
                ("IBM", true, true, true),
                ("'s", false, false, false),
                ("3M", false, false, true),
                ("U.S.", true, true, true),
                ("A", true, false, false),
                ("\u{24b6}", true, false, false),
                ("d\u{e9}j\u{e0}", false, false, false),
                ("X", true, false, false),
                ("-", false, false, false),
                ("1", false, false, false),
                ("CEO", true, true, true),
                ("'S", false, false, true),
            ]
        );
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        sentences(text, &toks)
            .iter()
            .map(|s| &text[s.start as usize..s.end as usize])
            .collect()
    }

    #[test]
    fn tokens_keep_names_whole_and_split_clitics() {
        assert_eq!(
            words("AT&T's U.S. unit didn't buy Amazon.com Inc."),
            vec![
                "AT&T",
                "'s",
                "U.S.",
                "unit",
                "did",
                "n't",
                "buy",
                "Amazon.com",
                "Inc",
                "."
            ]
        );
        assert_eq!(
            words("O'Brien paid $1,200.50"),
            vec!["O'Brien", "paid", "$", "1,200.50"]
        );
        assert_eq!(
            words("Amazon\u{2019}s cloud"),
            vec!["Amazon", "\u{2019}s", "cloud"]
        );
        assert_eq!(
            words("the companies' deal"),
            vec!["the", "companies", "'", "deal"]
        );
        assert_eq!(words("Coca-Cola"), vec!["Coca", "-", "Cola"]);
    }

    #[test]
    fn a_clitic_written_apart_is_still_possessive() {
        // Text tokenized word by word ("Celgene 's stock"); not a quote
        // opening after a space ("said 'sure'"), nor after a number.
        let kinds = |text: &str| -> Vec<(String, TokKind, bool)> {
            tokenize(text)
                .iter()
                .map(|t| (t.text(text).to_string(), t.kind, t.space_before))
                .collect()
        };
        let k = kinds("Celgene 's stock");
        assert_eq!(k[1], ("'s".to_string(), TokKind::Possessive, false));
        let k = kinds("Celgene \u{2019}s stock");
        assert_eq!(k[1].1, TokKind::Possessive);
        for text in ["He said 'sure' then", "in 1990 's terms"] {
            assert!(
                kinds(text).iter().all(|t| t.1 != TokKind::Possessive),
                "{text}: {:?}",
                kinds(text)
            );
        }
    }

    #[test]
    fn offsets_are_byte_ranges() {
        let text = "Société Générale’s bid";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.start as usize));
            assert!(text.is_char_boundary(t.end as usize));
        }
        assert_eq!(words(text), vec!["Société", "Générale", "’s", "bid"]);
    }

    #[test]
    fn sentences_respect_abbreviations_and_initials() {
        let text = "Mr. Smith joined Acme Corp. in Jan. 2020. The U.S. Army hired John F. Kennedy Jr. as adviser. It paid No. 5 St. Louis firm Beta Inc. The deal closed.";
        assert_eq!(
            sents(text),
            vec![
                "Mr. Smith joined Acme Corp. in Jan. 2020.",
                "The U.S. Army hired John F. Kennedy Jr. as adviser.",
                "It paid No. 5 St. Louis firm Beta Inc.",
                "The deal closed."
            ]
        );
    }

    #[test]
    fn sentences_split_after_us_when_a_new_sentence_starts() {
        assert_eq!(
            sents("It moved to the U.S. The firm grew."),
            vec!["It moved to the U.S.", "The firm grew."]
        );
    }

    #[test]
    fn list_items_are_sentences_of_their_own() {
        let text = "Anthropic offers:\n- hosting on Google Cloud Vertex AI\n\u{2022} partnerships with AWS and Palantir\n* more\n-5 degrees and a hard-\nwrapped line";
        assert_eq!(
            sents(text),
            vec![
                "Anthropic offers:",
                "- hosting on Google Cloud Vertex AI",
                "\u{2022} partnerships with AWS and Palantir",
                "* more\n-5 degrees and a hard-\nwrapped line"
            ]
        );
    }

    #[test]
    fn quotes_and_questions() {
        assert_eq!(
            sents("\"We won,\" she said. \"Is it over?\" He left!"),
            vec!["\"We won,\" she said.", "\"Is it over?\"", "He left!"]
        );
    }

    #[test]
    fn headlines_and_hard_wrapped_lines() {
        let text = "Big Deal Announced\n\nAcme agreed to buy Beta in a deal worth\nabout $5 billion, the companies said on Monday in a joint statement.\n    Shares rose.";
        assert_eq!(
            sents(text),
            vec![
                "Big Deal Announced",
                "Acme agreed to buy Beta in a deal worth\nabout $5 billion, the companies said on Monday in a joint statement.",
                "Shares rose."
            ]
        );
        // A short line (headline, byline) ends at its line break.
        assert_eq!(
            sents("Army Picks Leidos\nBy Jane Doe\nThe Army picked Leidos."),
            vec![
                "Army Picks Leidos",
                "By Jane Doe",
                "The Army picked Leidos."
            ]
        );
    }

    #[test]
    fn soft_line_breaks_of_hard_wrapped_text_become_spaces() {
        let wire = "KESTREL UNIT WINS ORDER\n\n\
                    Halvorsen Corp's Bright Aircraft Co said it won an order from\n\
                    the Department of Defense's procurement office worth about\n\
                    20 mln dlrs, a spokesman for Kestrel Ltd said on Monday.\n\
                    \x20   The order covers the delivery of forty trainer aircraft\n\
                    - one bullet item that stays on its own line\n\
                    2. a numbered item that stays on its own line as well\n\
                    to the Air Force over two years.\n";
        let out = unwrap_soft_breaks(wire).expect("hard-wrapped");
        assert_eq!(out.len(), wire.len());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "KESTREL UNIT WINS ORDER");
        assert_eq!(lines[1], "");
        assert!(lines[2].contains(
            "order from the Department of Defense's procurement office worth about 20 mln"
        ));
        // An indented line starts a paragraph; bullets and numbered items
        // keep their line; the line after an item joins it.
        assert!(lines[3].starts_with("    The order covers"));
        assert!(lines[4].starts_with("- one bullet"));
        assert!(
            lines[5]
                .starts_with("2. a numbered item that stays on its own line as well to the Air")
        );
        // One long line per paragraph, or a few short lines: not wrapped.
        let long = format!(
            "{}\n\n{}\n\n{}\n",
            "word ".repeat(30),
            "word ".repeat(30),
            "x"
        );
        assert_eq!(unwrap_soft_breaks(&long), None);
        assert_eq!(unwrap_soft_breaks("Title\nOne line\nAnother line\n"), None);
        // CRLF line breaks become two spaces.
        let crlf = wire.replace('\n', "\r\n");
        let out = unwrap_soft_breaks(&crlf).expect("hard-wrapped");
        assert_eq!(out.len(), crlf.len());
        assert!(out.contains("order from  the Department"));
    }

    #[test]
    fn short_lines_that_end_paragraphs_do_not_hide_wrapping() {
        // A short story whose first body line was cut short (a dateline
        // removed) and whose paragraphs end in short lines.
        let wire = "HALVORSEN UNIT ACQUIRES KESTREL\n\n\
                    Halvorsen Corp's Bright\n\
                    Aircraft Co said it acquired Kestrel Ltd for undisclosed terms\n\
                    on Monday.\n\
                    \x20   Kestrel makes parts.\n";
        let out = unwrap_soft_breaks(wire).expect("hard-wrapped");
        assert!(out.contains("Halvorsen Corp's Bright Aircraft Co said"));
        assert!(out.contains("terms on Monday.\n    Kestrel"));
        // Lines of a list, each ending a paragraph: nothing runs on.
        let list = "Title\n\nA first line that is of some length here\n\n\
                    A second line that is of some length too\n\nA third one\n";
        assert_eq!(unwrap_soft_breaks(list), None);
    }
}
