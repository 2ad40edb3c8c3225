//! What a query prints: an aligned table (coloured on a terminal), JSON or
//! CSV, and an explicit "no results" line when nothing matched.

use crate::cli::ColorChoice;
use crate::output::write_output;
use crate::table::{Paint, Table, use_color};
use anyhow::Result;
use newsgraph_extract::{EntityKind, Status};
use serde_json::Value;
use std::io::Write;

/// The output format chosen on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Table,
    Json,
    Csv,
}

impl Mode {
    pub fn new(json: bool, csv: bool) -> Self {
        if json {
            Mode::Json
        } else if csv {
            Mode::Csv
        } else {
            Mode::Table
        }
    }
}

/// Whether tables are coloured, given the mode and `--color`.
pub fn color_for(mode: Mode, choice: ColorChoice) -> bool {
    mode == Mode::Table
        && use_color(match choice {
            ColorChoice::Auto => None,
            ColorChoice::Always => Some(true),
            ColorChoice::Never => Some(false),
        })
}

/// One answer in all three forms.
#[derive(Debug, Default)]
pub struct Report {
    /// The table form (possibly several tables and lines).
    pub text: String,
    /// The CSV form.
    pub csv: Table,
    /// The JSON form.
    pub json: Value,
    /// Set when nothing matched: the "no results: ..." line.
    pub empty: Option<String>,
    /// Remarks for standard error with JSON and CSV (results cut off, ...);
    /// the table form says the same in its text.
    pub notes: Vec<String>,
}

impl Report {
    /// Print in `mode`. The "no results" line goes to standard output for
    /// tables, and to standard error for JSON and CSV, whose standard output
    /// stays machine-readable.
    pub fn print(&self, mode: Mode) -> Result<()> {
        ignore_broken_pipe(self.write(mode))
    }

    fn write(&self, mode: Mode) -> Result<()> {
        if let (Some(msg), Mode::Json | Mode::Csv) = (&self.empty, mode) {
            eprintln!("{msg}");
        }
        if mode != Mode::Table {
            for n in &self.notes {
                eprintln!("note: {n}");
            }
        }
        write_output(None, |w: &mut dyn Write| {
            match mode {
                Mode::Table => match &self.empty {
                    Some(msg) => writeln!(w, "{msg}")?,
                    None => w.write_all(self.text.as_bytes())?,
                },
                Mode::Json => {
                    let mut v = self.json.clone();
                    tidy_floats(&mut v);
                    serde_json::to_writer_pretty(&mut *w, &v)?;
                    writeln!(w)?;
                }
                Mode::Csv => w.write_all(self.csv.to_csv().as_bytes())?,
            }
            Ok(())
        })
    }
}

/// Treat a closed standard output (`newsgraph query ... | head`) as success:
/// the reader has all it wanted.
pub fn ignore_broken_pipe(r: Result<()>) -> Result<()> {
    use std::io::ErrorKind::BrokenPipe;
    let broken = |c: &(dyn std::error::Error + 'static)| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(BrokenPipe))
            || c.downcast_ref::<newsgraph_export::ExportError>()
                .is_some_and(|e| match e {
                    newsgraph_export::ExportError::Io(io) => io.kind() == BrokenPipe,
                    newsgraph_export::ExportError::Json(j) => j.io_error_kind() == Some(BrokenPipe),
                    _ => false,
                })
    };
    match r {
        Err(e) if e.chain().any(broken) => Ok(()),
        r => r,
    }
}

/// Write every fractional number with the precision the graph stores
/// (`f32`), so a confidence of 0.65 prints as `0.65`, not
/// `0.6499999761581421`.
pub fn tidy_floats(v: &mut Value) {
    match v {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => {
            if let Some(f) = n.as_f64() {
                let short: Option<f64> = format!("{}", f as f32).parse().ok();
                if let Some(num) = short.and_then(serde_json::Number::from_f64) {
                    *n = num;
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(tidy_floats),
        Value::Object(o) => o.values_mut().for_each(tidy_floats),
        _ => {}
    }
}

/// The colour of a status.
pub fn status_paint(s: Status) -> Option<Paint> {
    Some(match s {
        Status::Asserted => Paint::Green,
        Status::Reported => Paint::Cyan,
        Status::Hedged => Paint::Yellow,
        Status::Negated => Paint::Red,
    })
}

/// The colour of an entity kind.
pub fn kind_paint(k: EntityKind) -> Option<Paint> {
    Some(match k {
        EntityKind::Firm => Paint::Blue,
        EntityKind::Cloud => Paint::Magenta,
        EntityKind::Agency => Paint::Green,
    })
}

/// Indent every line of `text`.
pub fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_string()
            } else {
                format!("{by}{l}\n")
            }
        })
        .collect()
}

/// `1 statement`, `2 statements`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
