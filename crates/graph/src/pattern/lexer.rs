//! Tokens of the pattern language.

use super::PatternError;

/// A token kind.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Colon,
    Pipe,
    Comma,
    Dot,
    DotDot,
    Star,
    Dash,
    /// `<` (also the head of a left arrow `<-`).
    Lt,
    /// `>` (also the tip of a right arrow `->`).
    Gt,
    Le,
    Ge,
    Eq,
    /// `<>` or `!=`.
    Ne,
    /// `=~`, recognised only to explain that it is not supported.
    RegexMatch,
    Ident(String),
    Str(String),
    Int(u64),
    Float(f64),
    End,
}

impl Tok {
    /// How the token reads in an error message.
    pub(crate) fn describe(&self) -> String {
        match self {
            Tok::LParen => "'('".into(),
            Tok::RParen => "')'".into(),
            Tok::LBracket => "'['".into(),
            Tok::RBracket => "']'".into(),
            Tok::LBrace => "'{'".into(),
            Tok::RBrace => "'}'".into(),
            Tok::Colon => "':'".into(),
            Tok::Pipe => "'|'".into(),
            Tok::Comma => "','".into(),
            Tok::Dot => "'.'".into(),
            Tok::DotDot => "'..'".into(),
            Tok::Star => "'*'".into(),
            Tok::Dash => "'-'".into(),
            Tok::Lt => "'<'".into(),
            Tok::Gt => "'>'".into(),
            Tok::Le => "'<='".into(),
            Tok::Ge => "'>='".into(),
            Tok::Eq => "'='".into(),
            Tok::Ne => "'<>'".into(),
            Tok::RegexMatch => "'=~'".into(),
            Tok::Ident(s) => format!("'{s}'"),
            Tok::Str(s) => format!("the string '{s}'"),
            Tok::Int(n) => format!("the number {n}"),
            Tok::Float(n) => format!("the number {n}"),
            Tok::End => "the end of the query".into(),
        }
    }
}

/// A token and where it is: byte offsets into the query.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

/// Split a query into tokens; the last one is [`Tok::End`].
pub(crate) fn lex(src: &str) -> Result<Vec<Token>, PatternError> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = src[i..].chars().next().unwrap_or(' ');
        let start = i;
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let two = |a: u8, b: u8| bytes[i] == a && bytes.get(i + 1) == Some(&b);
        let (tok, len) = if two(b'.', b'.') {
            (Tok::DotDot, 2)
        } else if two(b'<', b'>') || two(b'!', b'=') {
            (Tok::Ne, 2)
        } else if two(b'<', b'=') {
            (Tok::Le, 2)
        } else if two(b'>', b'=') {
            (Tok::Ge, 2)
        } else if two(b'=', b'~') {
            (Tok::RegexMatch, 2)
        } else {
            match c {
                '(' => (Tok::LParen, 1),
                ')' => (Tok::RParen, 1),
                '[' => (Tok::LBracket, 1),
                ']' => (Tok::RBracket, 1),
                '{' => (Tok::LBrace, 1),
                '}' => (Tok::RBrace, 1),
                ':' => (Tok::Colon, 1),
                '|' => (Tok::Pipe, 1),
                ',' => (Tok::Comma, 1),
                '.' => (Tok::Dot, 1),
                '*' => (Tok::Star, 1),
                '-' => (Tok::Dash, 1),
                '<' => (Tok::Lt, 1),
                '>' => (Tok::Gt, 1),
                '=' => (Tok::Eq, 1),
                '\'' | '"' => {
                    let (s, len) = string(src, i, c)?;
                    (Tok::Str(s), len)
                }
                '`' => {
                    let Some(close) = src[i + 1..].find('`') else {
                        return Err(PatternError::new(
                            src,
                            i,
                            src.len(),
                            "unterminated `quoted` name",
                        ));
                    };
                    let name = &src[i + 1..i + 1 + close];
                    (Tok::Ident(name.to_string()), close + 2)
                }
                c if c.is_ascii_digit() => number(src, i)?,
                c if c.is_alphabetic() || c == '_' => {
                    let len = src[i..]
                        .char_indices()
                        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
                        .map_or(src.len() - i, |(at, _)| at);
                    (Tok::Ident(src[i..i + len].to_string()), len)
                }
                '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' => {
                    return Err(PatternError::new(
                        src,
                        i,
                        i + c.len_utf8(),
                        "typographic quote: write strings in straight quotes, 'like this'",
                    ));
                }
                c => {
                    return Err(PatternError::new(
                        src,
                        i,
                        i + c.len_utf8(),
                        format!("unexpected character '{c}'"),
                    ));
                }
            }
        };
        i += len;
        out.push(Token { tok, start, end: i });
    }
    out.push(Token {
        tok: Tok::End,
        start: src.len(),
        end: src.len(),
    });
    Ok(out)
}

/// A quoted string starting at `at`; returns the text and the length.
fn string(src: &str, at: usize, quote: char) -> Result<(String, usize), PatternError> {
    let mut out = String::new();
    let mut chars = src[at + 1..].char_indices();
    while let Some((off, c)) = chars.next() {
        match c {
            c if c == quote => return Ok((out, off + 2)),
            '\\' => {
                let Some((eoff, e)) = chars.next() else {
                    break;
                };
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    '\\' | '\'' | '"' => out.push(e),
                    _ => {
                        let p = at + 1 + eoff;
                        return Err(PatternError::new(
                            src,
                            p - 1,
                            p + e.len_utf8(),
                            format!("unknown escape '\\{e}' (use \\' \\\" \\\\ \\n or \\t)"),
                        ));
                    }
                }
            }
            c => out.push(c),
        }
    }
    Err(PatternError::new(
        src,
        at,
        src.len(),
        format!("unterminated string: add the closing {quote}"),
    ))
}

/// A number starting at `at`: digits, and a fraction when a digit follows
/// the dot (so `1..3` is 1, `..`, 3).
fn number(src: &str, at: usize) -> Result<(Tok, usize), PatternError> {
    let b = src.as_bytes();
    let mut j = at;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    let mut float = false;
    if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
        float = true;
        j += 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
    }
    let text = &src[at..j];
    let bad = || PatternError::new(src, at, j, format!("invalid number '{text}'"));
    let tok = if float {
        Tok::Float(text.parse().map_err(|_| bad())?)
    } else {
        Tok::Int(text.parse().map_err(|_| bad())?)
    };
    Ok((tok, j - at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        lex(src)
            .expect("lexes")
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn arrows_ranges_and_operators() {
        assert_eq!(
            kinds("(a)<-[:x*1..3]->"),
            vec![
                Tok::LParen,
                Tok::Ident("a".into()),
                Tok::RParen,
                Tok::Lt,
                Tok::Dash,
                Tok::LBracket,
                Tok::Colon,
                Tok::Ident("x".into()),
                Tok::Star,
                Tok::Int(1),
                Tok::DotDot,
                Tok::Int(3),
                Tok::RBracket,
                Tok::Dash,
                Tok::Gt,
                Tok::End
            ]
        );
        assert_eq!(
            kinds("<= >= <> != = 0.75 'it\\'s'"),
            vec![
                Tok::Le,
                Tok::Ge,
                Tok::Ne,
                Tok::Ne,
                Tok::Eq,
                Tok::Float(0.75),
                Tok::Str("it's".into()),
                Tok::End
            ]
        );
    }

    #[test]
    fn errors_have_positions() {
        let e = lex("(a) WHERE a.name = 'x").expect_err("unterminated");
        assert_eq!(e.start, 19);
        let e = lex("(a) # b").expect_err("bad char");
        assert_eq!((e.start, e.end), (4, 5));
    }
}
