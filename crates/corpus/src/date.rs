//! Lenient publication-date parsing, normalised to ISO `YYYY-MM-DD`.

/// Parse a publication date written in one of the common news formats and
/// return it as ISO `YYYY-MM-DD`.
///
/// Understood (case-insensitive, surrounding whitespace ignored; any time of
/// day and time zone after the date are ignored):
/// - ISO 8601: `2023-08-03`, `2023-08-03T10:00:00Z`, `2023-08-03 10:00`,
///   `2023/08/03`, `2023.08.03`, `20230803`
/// - US numeric month/day/year: `08/03/2023`, `8-3-2023` (day/month/year only
///   when the first number cannot be a month, e.g. `25/12/2023`)
/// - month names: `August 03, 2023`, `Aug 3, 2023`, `Sept. 3, 2023`,
///   `3 August 2023`, `3rd of August 2023`, `26-FEB-1987 15:18:06.67`
/// - RFC 2822: `Thu, 03 Aug 2023 10:00:00 GMT`
///
/// Returns `None` for anything else, and for impossible dates (month outside
/// 1-12, day outside the month).
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    let tokens = tokenize(s)?;
    let (y, m, d) = interpret(&tokens)?;
    if valid(y, m, d) {
        Some(format!("{y:04}-{m:02}-{d:02}"))
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    /// A run of ASCII digits: value and number of digits.
    Num(u32, usize),
    /// A run of letters.
    Word(&'a str),
}

/// Split the date part of `s` into numbers and words; separators are
/// dropped. Tokenising stops where a time of day starts (a number followed
/// by `:`) or at a `T` directly after a number (ISO 8601).
fn tokenize(s: &str) -> Option<Vec<Tok<'_>>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(6);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i < b.len() && b[i] == b':' {
                // Time of day: the date is over.
                break;
            }
            let digits = &s[start..i];
            if digits.len() > 8 {
                return None;
            }
            let value: u32 = digits.parse().ok()?;
            out.push(Tok::Num(value, digits.len()));
            if i < b.len() && (b[i] == b'T' || b[i] == b't') && out.len() >= 3 {
                break;
            }
        } else if c.is_ascii_alphabetic() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push(Tok::Word(&s[start..i]));
        } else if c.is_ascii() {
            // Separator: space, comma, dot, slash, dash...
            i += 1;
        } else {
            // Non-ASCII letters never belong to a date we understand.
            return None;
        }
    }
    Some(out)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month_from_word(w: &str) -> Option<u32> {
    if w.len() < 3 || w.len() > 9 {
        return None;
    }
    let mut buf = [0u8; 9];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).ok()?;
    if lower == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == lower || (lower.len() == 3 && m.starts_with(lower)))
        .map(|i| i as u32 + 1)
}

fn is_ignorable_word(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    if matches!(lower.as_str(), "st" | "nd" | "rd" | "th" | "of" | "the") {
        return true;
    }
    WEEKDAYS
        .iter()
        .any(|d| *d == lower || (lower.len() >= 3 && d.starts_with(lower.as_str())))
}

fn interpret(tokens: &[Tok<'_>]) -> Option<(u32, u32, u32)> {
    let mut month_word = None;
    let mut nums: Vec<(u32, usize)> = Vec::with_capacity(3);
    for t in tokens {
        match *t {
            Tok::Num(v, len) => {
                if nums.len() < 3 {
                    nums.push((v, len));
                }
            }
            Tok::Word(w) => {
                if let Some(m) = month_from_word(w) {
                    if month_word.is_some() {
                        return None;
                    }
                    month_word = Some(m);
                } else if !is_ignorable_word(w) {
                    return None;
                }
            }
        }
        // A month name and two numbers (day, year) make a complete date;
        // anything after them (a time zone, a trailing time) is ignored.
        if month_word.is_some() && nums.len() == 2 {
            break;
        }
        if month_word.is_none() && nums.len() == 3 {
            break;
        }
    }
    match (month_word, nums.as_slice()) {
        (Some(m), [(a, la), (b, lb)]) => {
            // `3 August 2023`, `August 3, 2023`, `26-FEB-1987`, `2023 Aug 3`.
            if *lb == 4 && *la <= 2 {
                Some((*b, m, *a))
            } else if *la == 4 && *lb <= 2 {
                Some((*a, m, *b))
            } else {
                None
            }
        }
        (None, [(v, 8)]) => Some((v / 10_000, (v / 100) % 100, v % 100)),
        (None, [(a, la), (b, lb), (c, lc)]) => {
            if *la == 4 && *lb <= 2 && *lc <= 2 {
                Some((*a, *b, *c))
            } else if *lc == 4 && *la <= 2 && *lb <= 2 {
                if *a <= 12 {
                    // US convention: month/day/year.
                    Some((*c, *a, *b))
                } else {
                    // Only day/month/year makes sense.
                    Some((*c, *b, *a))
                }
            } else {
                None
            }
        }
        _ => None,
    }
}

fn is_leap(y: u32) -> bool {
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let max = match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    d <= max
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    fn p(s: &str) -> Option<String> {
        parse_date(s)
    }

    #[test]
    fn iso_forms() {
        assert_eq!(p("2023-08-03").as_deref(), Some("2023-08-03"));
        assert_eq!(p("2023-08-03T10:00:00Z").as_deref(), Some("2023-08-03"));
        assert_eq!(
            p("2023-08-03T10:00:00+02:00").as_deref(),
            Some("2023-08-03")
        );
        assert_eq!(p("2023-08-03 10:00").as_deref(), Some("2023-08-03"));
        assert_eq!(p("2023/08/03").as_deref(), Some("2023-08-03"));
        assert_eq!(p("2023.8.3").as_deref(), Some("2023-08-03"));
        assert_eq!(p("20230803").as_deref(), Some("2023-08-03"));
        assert_eq!(p("  2023-08-03  ").as_deref(), Some("2023-08-03"));
    }

    #[test]
    fn month_names() {
        assert_eq!(p("August 03, 2023").as_deref(), Some("2023-08-03"));
        assert_eq!(p("Aug 3, 2023").as_deref(), Some("2023-08-03"));
        assert_eq!(p("Sept. 3, 2023").as_deref(), Some("2023-09-03"));
        assert_eq!(p("Sep 30 2023").as_deref(), Some("2023-09-30"));
        assert_eq!(p("3 August 2023").as_deref(), Some("2023-08-03"));
        assert_eq!(p("3rd of August, 2023").as_deref(), Some("2023-08-03"));
        assert_eq!(p("AUGUST 3RD 2023").as_deref(), Some("2023-08-03"));
        assert_eq!(p("Wednesday, May 1, 2024").as_deref(), Some("2024-05-01"));
    }

    #[test]
    fn reuters_and_rfc2822() {
        assert_eq!(p("26-FEB-1987 15:18:06.67").as_deref(), Some("1987-02-26"));
        assert_eq!(p(" 1-MAR-1987 08:01:12.33").as_deref(), Some("1987-03-01"));
        assert_eq!(
            p("Thu, 03 Aug 2023 10:00:00 GMT").as_deref(),
            Some("2023-08-03")
        );
        assert_eq!(
            p("Thu, 3 Aug 2023 10:00:00 +0000").as_deref(),
            Some("2023-08-03")
        );
    }

    #[test]
    fn numeric_us_and_unambiguous_day_first() {
        assert_eq!(p("08/03/2023").as_deref(), Some("2023-08-03"));
        assert_eq!(p("8/3/2023").as_deref(), Some("2023-08-03"));
        assert_eq!(p("25/12/2023").as_deref(), Some("2023-12-25"));
    }

    #[test]
    fn rejects_garbage_and_impossible_dates() {
        for s in [
            "",
            "   ",
            "yesterday",
            "2023-13-01",
            "2023-00-10",
            "2023-02-30",
            "2023-08-32",
            "2023-08-00",
            "August 2023",
            "32 August 2023",
            "Foo 3, 2023",
            "13/13/2023",
            "12345678901234",
            "2023",
            "Aug Sep 3 2023",
            "3 Août 2023",
            "10:00",
        ] {
            assert_eq!(p(s), None, "{s:?} should not parse");
        }
        assert_eq!(p("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(p("2023-02-29"), None);
    }
}
