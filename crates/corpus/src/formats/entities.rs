//! HTML character references (`&amp;`, `&#8217;`, `&#x2019;`).

use std::borrow::Cow;

/// Named references we decode. `nbsp` becomes a plain space so that
/// downstream word matching sees ordinary spaces.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("mdash", "\u{2014}"),
    ("ndash", "\u{2013}"),
    ("rsquo", "\u{2019}"),
    ("lsquo", "\u{2018}"),
    ("rdquo", "\u{201d}"),
    ("ldquo", "\u{201c}"),
    ("hellip", "\u{2026}"),
    ("copy", "\u{a9}"),
    ("reg", "\u{ae}"),
    ("trade", "\u{2122}"),
    ("euro", "\u{20ac}"),
    ("pound", "\u{a3}"),
    ("yen", "\u{a5}"),
    ("cent", "\u{a2}"),
    ("laquo", "\u{ab}"),
    ("raquo", "\u{bb}"),
    ("bull", "\u{2022}"),
    ("middot", "\u{b7}"),
    ("deg", "\u{b0}"),
    ("shy", ""),
    ("zwj", ""),
    ("zwnj", ""),
    ("thinsp", " "),
    ("ensp", " "),
    ("emsp", " "),
];

/// Longest reference we try to read after `&` (name or number plus `;`).
const MAX_REF: usize = 12;

/// Decode the character reference at the start of `s` (which starts with
/// `&`), appending its text to `out`. Returns the number of bytes consumed,
/// or `None` when `s` does not start with a reference we know (then the
/// caller keeps the `&` literally).
pub(crate) fn decode_at(s: &str, out: &mut String) -> Option<usize> {
    let bytes = s.as_bytes();
    debug_assert_eq!(bytes.first(), Some(&b'&'));
    let window = &bytes[1..bytes.len().min(MAX_REF + 2)];
    let semi = memchr::memchr(b';', window)?;
    let body = &s[1..1 + semi];
    let consumed = semi + 2;
    if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            u32::from_str_radix(hex, 16).ok()?
        } else {
            if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            num.parse::<u32>().ok()?
        };
        let ch = match code {
            0 => '\u{fffd}',
            0xa0 => ' ',
            0xad | 0x200b..=0x200d | 0xfeff => return Some(consumed),
            // Windows-1252 code points that HTML maps to punctuation.
            0x91 => '\u{2018}',
            0x92 => '\u{2019}',
            0x93 => '\u{201c}',
            0x94 => '\u{201d}',
            0x96 => '\u{2013}',
            0x97 => '\u{2014}',
            0x85 => '\u{2026}',
            _ => char::from_u32(code).unwrap_or('\u{fffd}'),
        };
        out.push(ch);
        return Some(consumed);
    }
    let (_, text) = NAMED
        .iter()
        .find(|(name, _)| *name == body || (body.len() <= 4 && name.eq_ignore_ascii_case(body)))?;
    out.push_str(text);
    Some(consumed)
}

/// Decode every reference in `s`; borrows when there is none.
pub(crate) fn decode(s: &str) -> Cow<'_, str> {
    let Some(first) = memchr::memchr(b'&', s.as_bytes()) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut rest = &s[first..];
    while let Some(pos) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        match decode_at(rest, &mut out) {
            Some(n) => rest = &rest[n..],
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn named_and_numeric() {
        assert_eq!(
            decode("AT&amp;T &lt;b&gt; &quot;x&quot; &apos;y&apos;"),
            "AT&T <b> \"x\" 'y'"
        );
        assert_eq!(decode("a&nbsp;b"), "a b");
        assert_eq!(
            decode("&mdash;&ndash;&rsquo;&lsquo;&rdquo;&ldquo;&hellip;"),
            "\u{2014}\u{2013}\u{2019}\u{2018}\u{201d}\u{201c}\u{2026}"
        );
        assert_eq!(
            decode("it&#8217;s &#x2019; &#X41;"),
            "it\u{2019}s \u{2019} A"
        );
        assert_eq!(decode("&AMP;"), "&");
    }

    #[test]
    fn unknown_or_broken_references_stay_literal() {
        assert_eq!(decode("R&D and Q&A"), "R&D and Q&A");
        assert_eq!(decode("&unknown;"), "&unknown;");
        assert_eq!(decode("&#;&#x;&#xZZ;&#12a;"), "&#;&#x;&#xZZ;&#12a;");
        assert_eq!(decode("&#99999999999;"), "&#99999999999;");
        assert_eq!(decode("&#xD800;"), "\u{fffd}");
        assert_eq!(decode("&#0;"), "\u{fffd}");
        assert_eq!(decode("trailing &"), "trailing &");
        assert_eq!(decode("&amp"), "&amp");
        assert_eq!(decode("é&amp;ü"), "é&ü");
        assert_eq!(decode("soft&shy;hyphen"), "softhyphen");
    }
}
