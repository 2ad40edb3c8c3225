//! One module per subcommand.

mod build;
mod diff;
mod docs;
mod eval;
mod export;
mod extract;
mod merge;
mod query;
mod render;
mod report;

use crate::cli::{Cli, Command};
use anyhow::Result;
use std::process::ExitCode;

pub fn dispatch(cli: Cli) -> Result<ExitCode> {
    let data = cli.data.as_deref();
    match cli.command {
        Command::Build(args) => build::run(data, args),
        Command::Extract(args) => extract::run(data, args),
        Command::Merge(args) => merge::run(data, args),
        Command::Export(args) => export::run(args),
        Command::Query(args) => query::run(args),
        Command::Eval(args) => eval::run(data, args),
        Command::Render(args) => render::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Completions(args) => docs::completions(args),
        Command::Man(args) => docs::man(args),
    }
}
