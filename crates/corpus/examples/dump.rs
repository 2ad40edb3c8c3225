//! Print the documents of a corpus as JSON Lines, and the load report on
//! stderr: `cargo run -p newsgraph-corpus --example dump -- PATH...`.

use std::io::Write;
use std::path::PathBuf;

use newsgraph_corpus::{LoadOptions, load_all};

fn main() {
    let inputs: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let (docs, report) = match load_all(&inputs, &LoadOptions::default()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for doc in &docs {
        match serde_json::to_string(doc) {
            Ok(line) => {
                if writeln!(out, "{line}").is_err() {
                    return;
                }
            }
            Err(e) => eprintln!("{}: {e}", doc.id),
        }
    }
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    eprintln!("{report}");
}
