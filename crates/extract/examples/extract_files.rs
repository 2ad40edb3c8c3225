//! Extract organisations and relations from files, printing one JSON line
//! per document (the `newsgraph extract` record), without the graph stage.
//!
//! ```sh
//! cargo run --release -p newsgraph-extract --example extract_files -- article.txt news/
//! ```

use newsgraph_corpus::{LoadOptions, load_all};
use newsgraph_extract::{Extractor, Status};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let inputs: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if inputs.is_empty() {
        eprintln!("usage: extract_files INPUT...");
        std::process::exit(2);
    }
    let ex = Extractor::bundled()?;
    let (docs, _report) = load_all(&inputs, &LoadOptions::default())?;
    let mut out: Vec<_> = docs.iter().map(|d| ex.extract(d)).collect();
    out.sort_by(|a, b| a.doc.cmp(&b.doc));
    for mut d in out {
        if std::env::var_os("NG_HEDGED").is_none() {
            d.relations.retain(|r| r.status != Status::Hedged);
        }
        println!("{}", serde_json::to_string(&d)?);
    }
    Ok(())
}
