//! `newsgraph render`: draw a graph snapshot, or a selection of it, with
//! Graphviz.
//!
//! The DOT text goes to `dot` on standard input; the picture is written to a
//! temporary file beside the target and renamed into place, so a failed run
//! never leaves a half-written picture. Small graphs are laid out
//! hierarchically with `dot`, larger ones with `sfdp` and without edge
//! labels; the selection flags (and `--top`) narrow large graphs down.

use super::export::{apply, selection};
use crate::cli::{ImageFormat, RenderArgs, RenderLayout};
use anyhow::{Context, Result, bail};
use newsgraph_export::{DotOptions, Layout, export_dot};
use newsgraph_graph::snapshot;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

/// Above this many entities a picture is hard to read.
const CROWDED: usize = 500;

/// The Graphviz program (`NEWSGRAPH_DOT` overrides it).
fn dot_program() -> PathBuf {
    std::env::var_os("NEWSGRAPH_DOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("dot"))
}

fn image_format(args: &RenderArgs) -> Result<ImageFormat> {
    if let Some(f) = args.format {
        return Ok(f);
    }
    let ext = args
        .output
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("svg") => Ok(ImageFormat::Svg),
        Some("png") => Ok(ImageFormat::Png),
        Some("pdf") => Ok(ImageFormat::Pdf),
        _ => bail!(
            "cannot tell the image format from '{}': name it .svg, .png or .pdf, or pass --format",
            args.output.display()
        ),
    }
}

/// Check that Graphviz runs; the error says how to install it.
fn check_graphviz(program: &Path) -> Result<()> {
    match Command::new(program)
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "Graphviz is not installed (`{}` was not found on PATH); install it with\n  \
             apt-get install graphviz     (Debian, Ubuntu)\n  \
             dnf install graphviz         (Fedora)\n  \
             brew install graphviz        (macOS)\n\
             or export DOT and draw it elsewhere: newsgraph export GRAPH --format dot -o graph.dot",
            program.display()
        ),
        Err(e) => Err(e).with_context(|| format!("cannot run `{}`", program.display())),
    }
}

pub fn run(args: RenderArgs) -> Result<ExitCode> {
    let format = image_format(&args)?;
    let program = dot_program();
    check_graphviz(&program)?;
    let graph = snapshot::load(&args.graph)?;
    // Exports carry document counts and ids: read the table now, so a
    // damaged one is an error naming the file.
    graph.try_documents()?;
    let mut sel = selection(&args.select, &graph)?;
    sel.drop_isolated = !args.keep_isolated;
    let graph = apply(graph, &sel);
    let (n, e) = (graph.node_count(), graph.edge_count());
    if n == 0 {
        bail!(
            "nothing to draw: no entities left{}",
            if args.keep_isolated {
                ""
            } else {
                " with a relation (--keep-isolated draws the others)"
            }
        );
    }
    if n > CROWDED {
        eprintln!(
            "newsgraph: warning: {n} entities will be hard to read; narrow them with --top N, --around NAME, --kind or --min-evidence"
        );
    }
    let mut options = DotOptions::for_size(n, e);
    options.layout = match args.layout {
        RenderLayout::Auto => options.layout,
        RenderLayout::Dot => Layout::Dot,
        RenderLayout::Sfdp => Layout::Sfdp,
        RenderLayout::Neato => Layout::Neato,
        RenderLayout::Fdp => Layout::Fdp,
        RenderLayout::Circo => Layout::Circo,
        RenderLayout::Twopi => Layout::Twopi,
    };
    options.cluster_by_kind = args.cluster;
    if args.cluster && !options.layout.draws_clusters() {
        eprintln!(
            "newsgraph: warning: the {} layout does not draw clusters; use --layout dot or fdp",
            options.layout.as_str()
        );
    }
    let mut text = Vec::new();
    export_dot(&graph, &options, &mut text)?;

    let out = &args.output;
    let name = out
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "graph".to_string());
    let tmp = out.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = draw(&program, format, &text, &tmp).and_then(|()| {
        std::fs::rename(&tmp, out)
            .with_context(|| format!("cannot rename {} to {}", tmp.display(), out.display()))
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result?;
    eprintln!(
        "wrote {} ({} entities, {} relations, {} layout)",
        out.display(),
        n,
        e,
        options.layout.as_str()
    );
    Ok(ExitCode::SUCCESS)
}

/// Run Graphviz on the DOT text, writing `to`.
fn draw(program: &Path, format: ImageFormat, dot: &[u8], to: &Path) -> Result<()> {
    let fmt = match format {
        ImageFormat::Svg => "svg",
        ImageFormat::Png => "png",
        ImageFormat::Pdf => "pdf",
    };
    let mut cmd = Command::new(program);
    cmd.arg(format!("-T{fmt}"));
    if format == ImageFormat::Png {
        cmd.arg("-Gdpi=144");
    }
    cmd.arg("-o").arg(to);
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot run `{}`", program.display()))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(dot)
            .with_context(|| format!("cannot feed `{}`", program.display()))?;
    }
    let output = child
        .wait_with_output()
        .with_context(|| format!("cannot run `{}`", program.display()))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        bail!(
            "`{}` failed ({}): {}",
            program.display(),
            output.status,
            stderr.trim()
        );
    }
    for line in stderr.lines().filter(|l| !l.trim().is_empty()) {
        eprintln!("graphviz: {line}");
    }
    Ok(())
}
