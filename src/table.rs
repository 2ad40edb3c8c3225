//! Aligned plain-text tables (coloured on a terminal) and CSV.

use std::io::IsTerminal;

/// A colour or emphasis for a cell (ANSI SGR).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Bold,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
}

impl Paint {
    fn code(self) -> &'static str {
        match self {
            Paint::Bold => "1",
            Paint::Red => "31",
            Paint::Green => "32",
            Paint::Yellow => "33",
            Paint::Blue => "34",
            Paint::Magenta => "35",
            Paint::Cyan => "36",
        }
    }

    /// `s` wrapped in this colour when `on`.
    pub fn apply(self, s: &str, on: bool) -> String {
        if on && !s.is_empty() {
            format!("\x1b[{}m{s}\x1b[0m", self.code())
        } else {
            s.to_string()
        }
    }
}

/// Whether to colour standard output: `Some(choice)` forces it; `None`
/// colours only a terminal, and never when `NO_COLOR` is set (to anything
/// but the empty string) or `TERM` is `dumb`.
pub fn use_color(force: Option<bool>) -> bool {
    if let Some(f) = force {
        return f;
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    !no_color && !dumb && std::io::stdout().is_terminal()
}

/// A table with a header row; columns are padded to their widest cell.
#[derive(Debug, Default, Clone)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<(String, Option<Paint>)>>,
}

impl Table {
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(header: I) -> Self {
        Table {
            header: header.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    /// Add a row of plain cells.
    pub fn row<I: IntoIterator<Item = S>, S: Into<String>>(&mut self, cells: I) {
        self.rows
            .push(cells.into_iter().map(|c| (c.into(), None)).collect());
    }

    /// Add a row whose cells may carry a colour.
    pub fn row_painted<I: IntoIterator<Item = (S, Option<Paint>)>, S: Into<String>>(
        &mut self,
        cells: I,
    ) {
        self.rows
            .push(cells.into_iter().map(|(c, p)| (c.into(), p)).collect());
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Aligned text; `color` paints the header bold and painted cells in
    /// their colour; `header` false leaves the header row out.
    pub fn render_with(&self, color: bool, header: bool) -> String {
        let cols = self.header.len();
        let mut width = vec![0usize; cols];
        let head: Vec<(String, Option<Paint>)> = self
            .header
            .iter()
            .map(|h| (h.clone(), Some(Paint::Bold)))
            .collect();
        let all: Vec<&Vec<(String, Option<Paint>)>> = if header {
            std::iter::once(&head).chain(&self.rows).collect()
        } else {
            self.rows.iter().collect()
        };
        for r in &all {
            for (i, (c, _)) in r.iter().enumerate().take(cols) {
                width[i] = width[i].max(c.chars().count());
            }
        }
        let mut out = String::new();
        for r in all {
            let mut line = String::new();
            let mut pending = 0usize;
            for (i, (c, paint)) in r.iter().enumerate().take(cols) {
                if i > 0 {
                    pending += 2;
                }
                if c.is_empty() {
                    pending += width[i];
                    continue;
                }
                line.extend(std::iter::repeat_n(' ', pending));
                pending = width[i] - c.chars().count();
                match paint {
                    Some(p) => line.push_str(&p.apply(c, color)),
                    None => line.push_str(c),
                }
            }
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// CSV (RFC 4180, `\n` line ends): a header row, then one record per row; fields with a
    /// comma, quote or line break are quoted, quotes doubled.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let mut record = |cells: &mut dyn Iterator<Item = &str>| {
            let mut first = true;
            for c in cells {
                if !first {
                    out.push(',');
                }
                first = false;
                if c.contains([',', '"', '\n', '\r']) {
                    out.push('"');
                    out.push_str(&c.replace('"', "\"\""));
                    out.push('"');
                } else {
                    out.push_str(c);
                }
            }
            out.push('\n');
        };
        record(&mut self.header.iter().map(String::as_str));
        for r in &self.rows {
            record(&mut r.iter().map(|(c, _)| c.as_str()));
        }
        out
    }
}

/// Shorten text to `max` characters with an ellipsis; line breaks become
/// spaces.
pub fn clip(s: &str, max: usize) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= max {
        flat
    } else {
        let mut t: String = flat.chars().take(max.saturating_sub(1)).collect();
        t.push('\u{2026}');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align() {
        let mut t = Table::new(["A", "LONGER"]);
        t.row(["xyz", "1"]);
        assert_eq!(t.render_with(false, true), "A    LONGER\nxyz  1\n");
        assert_eq!(clip("abcdef", 4), "abc\u{2026}");
        assert_eq!(clip("a\nb", 4), "a b");
    }

    #[test]
    fn empty_cells_leave_no_trailing_spaces() {
        let mut t = Table::new(["A", "B", "C"]);
        t.row(["x", "", ""]);
        t.row(["", "y", "z"]);
        assert_eq!(t.render_with(false, true), "A  B  C\nx\n   y  z\n");
    }

    #[test]
    fn colour_does_not_break_alignment() {
        let mut t = Table::new(["A", "B"]);
        t.row_painted([("red", Some(Paint::Red)), ("x", None)]);
        assert_eq!(
            t.render_with(true, true),
            "\x1b[1mA\x1b[0m    \x1b[1mB\x1b[0m\n\x1b[31mred\x1b[0m  x\n"
        );
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let mut t = Table::new(["a", "b"]);
        t.row(["x,y", "say \"hi\"\nthere"]);
        assert_eq!(t.to_csv(), "a,b\n\"x,y\",\"say \"\"hi\"\"\nthere\"\n");
    }
}
