//! `newsgraph extract`: per-document extraction as JSON Lines.

use crate::cli::ExtractArgs;
use crate::output::write_output;
use crate::pipeline;
use anyhow::{Context, Result};
use newsgraph_extract::Status;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data: Option<&Path>, args: ExtractArgs) -> Result<ExitCode> {
    let ex = pipeline::extractor(data)?;
    let mut extracted = pipeline::extract_corpus(&args.inputs, &args.corpus, &ex, args.shard)?;
    pipeline::print_warnings(&extracted.report);
    if !args.include_hedged && !args.all_relations {
        for d in &mut extracted.docs {
            d.relations.retain(|r| r.status != Status::Hedged);
        }
    }
    write_output(args.output.as_deref(), |w| {
        for d in &extracted.docs {
            serde_json::to_writer(&mut *w, d).context("cannot serialise a record")?;
            w.write_all(b"\n")?;
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
