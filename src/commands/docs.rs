//! `newsgraph completions` and `newsgraph man`: shell completions and man
//! pages generated from the clap definitions.

use super::report::ignore_broken_pipe;
use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::output::write_output;
use anyhow::{Context, Result};
use clap::CommandFactory;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn completions(args: CompletionsArgs) -> Result<ExitCode> {
    let mut cmd = Cli::command();
    write_output(None, |w| {
        clap_complete::generate(args.shell, &mut cmd, "newsgraph", w);
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

pub fn man(args: ManArgs) -> Result<ExitCode> {
    let cmd = Cli::command();
    match &args.dir {
        None => {
            ignore_broken_pipe(write_output(None, |w| {
                clap_mangen::Man::new(cmd).render(w)?;
                Ok(())
            }))?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let mut cmd = cmd.disable_help_subcommand(true);
            cmd.build();
            for path in write_pages(&cmd, dir)? {
                eprintln!("wrote {}", path.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Write the page of `cmd` (`newsgraph.1`, `newsgraph-query.1`,
/// `newsgraph-query-match.1`, ...) and of every subcommand below it.
fn write_pages(cmd: &clap::Command, dir: &Path) -> Result<Vec<PathBuf>> {
    let page = clap_mangen::Man::new(cmd.clone());
    let path = dir.join(page.get_filename());
    write_output(Some(&path), |w| {
        page.render(w)?;
        Ok(())
    })?;
    let mut written = vec![path];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        written.extend(write_pages(sub, dir)?);
    }
    Ok(written)
}
