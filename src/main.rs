//! The `newsgraph` command line: a thin layer over the library crates.

mod cli;
mod commands;
mod output;
mod pipeline;
mod table;

use std::process::ExitCode;

// Extraction and snapshot loading allocate many small strings; mimalloc
// is markedly faster at that than the system allocator (see
// docs/PERFORMANCE.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("newsgraph: error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    use clap::Parser;
    let cli = cli::Cli::parse();
    commands::dispatch(cli)
}
