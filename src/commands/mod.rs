//! One module per subcommand.

mod build;
mod export;
mod extract;
mod merge;
mod query;

use crate::cli::{Cli, Command};
use anyhow::Result;
use std::process::ExitCode;

pub fn dispatch(cli: Cli) -> Result<ExitCode> {
    let data = cli.data.as_deref();
    match cli.command {
        Command::Build(args) => build::run(data, args),
        Command::Extract(args) => extract::run(data, args),
        Command::Merge(args) => merge::run(args),
        Command::Export(args) => export::run(args),
        Command::Query(args) => query::run(args),
    }
}
