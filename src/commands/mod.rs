//! One module per subcommand.

mod extract;

use crate::cli::{Cli, Command};
use anyhow::Result;
use std::process::ExitCode;

pub fn dispatch(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(cli.data.as_deref(), args),
        _ => anyhow::bail!("not implemented"),
    }
}
