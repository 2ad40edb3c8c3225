//! Helpers shared by the CLI tests: running the binary, the sample graph,
//! expected files with blessing, and a readable line diff.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

/// The project root (where `data/corpus` lives).
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `newsgraph` binary under test, run from the project root, with the
/// environment that could change its behaviour cleared.
pub fn newsgraph() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    cmd.current_dir(root())
        .env_remove("NEWSGRAPH_DATA")
        .env_remove("RAYON_NUM_THREADS")
        .env("RUST_BACKTRACE", "0");
    cmd
}

/// Run `newsgraph ARGS` from the project root and return its output,
/// whatever the exit status.
pub fn run<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    newsgraph().args(args).output().expect("run newsgraph")
}

/// Run and require success; returns stdout. Panics with stderr otherwise.
pub fn ok<I, S>(args: I) -> Vec<u8>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(|a| a.as_ref().into()).collect();
    let out = run(&args);
    assert!(
        out.status.success(),
        "newsgraph {args:?} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert_no_panic(&out);
    out.stdout
}

/// Standard output as UTF-8 text.
pub fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("UTF-8 output")
}

/// Fail when stderr shows a panic.
pub fn assert_no_panic(out: &Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "panic output on stderr:\n{err}"
    );
}

/// A failed run: non-zero exit, no panic; returns stderr.
pub fn assert_fails(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !out.status.success(),
        "expected failure, got success; stderr:\n{err}"
    );
    assert_no_panic(out);
    err
}

/// The graph of the bundled sample corpus, built once per test run with
/// `newsgraph build -o PATH` from the project root (no inputs).
///
/// It lives at a fixed path under Cargo's target tmp dir and is written
/// atomically by newsgraph itself, so concurrent runs do not clash.
pub fn sample_graph() -> &'static SampleBuild {
    static SAMPLE: OnceLock<SampleBuild> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("newsgraph-cli");
        std::fs::create_dir_all(&dir).expect("create tmp dir");
        let path = dir.join("sample.ngraph");
        let out = newsgraph()
            .arg("build")
            .arg("-o")
            .arg(&path)
            .output()
            .expect("run newsgraph build");
        assert!(
            out.status.success(),
            "build of the sample corpus failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_no_panic(&out);
        SampleBuild {
            path,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    })
}

/// The result of building the sample corpus.
#[derive(Debug)]
pub struct SampleBuild {
    /// The snapshot.
    pub path: PathBuf,
    /// What `build` printed on stderr (the summary).
    pub stderr: String,
}

/// `export --format json` of a snapshot, parsed.
pub fn export_json(graph: &Path) -> serde_json::Value {
    let out = ok([
        "export".as_ref(),
        graph.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    serde_json::from_slice(&out).expect("export --format json gives JSON")
}

/// Whether `NEWSGRAPH_BLESS=1` asks to rewrite expected files.
pub fn blessing() -> bool {
    std::env::var("NEWSGRAPH_BLESS").is_ok_and(|v| v == "1")
}

/// Compare `actual` with `tests/expected/NAME`. With `NEWSGRAPH_BLESS=1` the
/// file is rewritten instead; otherwise a difference fails with a diff.
pub fn check_expected(name: &str, actual: &str) {
    let path = root().join("tests/expected").join(name);
    if blessing() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("create tests/expected");
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        if old != actual {
            std::fs::write(&path, actual).expect("write expected file");
            eprintln!("blessed {}", path.display());
        }
        return;
    }
    let expected = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => panic!(
            "cannot read {}: {e}\nCreate it with: NEWSGRAPH_BLESS=1 cargo test --test cli",
            path.display()
        ),
    };
    if expected != actual {
        panic!(
            "output differs from {} (- expected, + actual):\n{}\n\
             If the change is intended, rewrite the file with\n  \
             NEWSGRAPH_BLESS=1 cargo test --release --test cli\n\
             and review `git diff tests/expected` before committing.",
            path.display(),
            diff(&expected, actual)
        );
    }
}

/// A unified-style line diff with 2 lines of context. Each hunk header
/// names the nearest preceding section line (one not starting with a space
/// or `#`), like git's function context.
pub fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    // Strip the common prefix and suffix, then LCS on the middle.
    let mut pre = 0;
    while pre < a.len() && pre < b.len() && a[pre] == b[pre] {
        pre += 1;
    }
    let mut suf = 0;
    while suf < a.len() - pre && suf < b.len() - pre && a[a.len() - 1 - suf] == b[b.len() - 1 - suf]
    {
        suf += 1;
    }
    let am = &a[pre..a.len() - suf];
    let bm = &b[pre..b.len() - suf];
    let ops = lcs_ops(am, bm);
    // Full edit script over whole files: (tag, line, index in a).
    let mut script: Vec<(char, &str, usize)> = Vec::new();
    for (i, l) in a[..pre].iter().enumerate() {
        script.push((' ', l, i));
    }
    let (mut i, mut j) = (0, 0);
    for op in ops {
        match op {
            ' ' => {
                script.push((' ', am[i], pre + i));
                i += 1;
                j += 1;
            }
            '-' => {
                script.push(('-', am[i], pre + i));
                i += 1;
            }
            _ => {
                script.push(('+', bm[j], pre + i));
                j += 1;
            }
        }
    }
    for (k, l) in a[a.len() - suf..].iter().enumerate() {
        script.push((' ', l, a.len() - suf + k));
    }
    const CONTEXT: usize = 2;
    let changed: Vec<usize> = (0..script.len()).filter(|&k| script[k].0 != ' ').collect();
    let mut out = String::new();
    let mut k = 0;
    let mut shown_until = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(CONTEXT).max(shown_until);
        let mut end = changed[k] + CONTEXT + 1;
        while k + 1 < changed.len() && changed[k + 1] <= end + CONTEXT {
            k += 1;
            end = changed[k] + CONTEXT + 1;
        }
        let end = end.min(script.len());
        let line_no = script[start].2 + 1;
        let section = a[..script[start].2.min(a.len())]
            .iter()
            .rev()
            .find(|l| !l.is_empty() && !l.starts_with(' ') && !l.starts_with('#'))
            .copied()
            .unwrap_or("");
        out.push_str(&format!("@@ line {line_no} @@ {section}\n"));
        for (tag, line, _) in &script[start..end] {
            out.push_str(&format!("{tag}{line}\n"));
        }
        shown_until = end;
        k += 1;
    }
    if out.is_empty() && expected != actual {
        out.push_str("(only line endings or the final newline differ)\n");
    }
    out
}

/// The edit script of a longest common subsequence: ' ' keep, '-' delete
/// from `a`, '+' insert from `b`.
fn lcs_ops(a: &[&str], b: &[&str]) -> Vec<char> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::with_capacity(n + m);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push(' ');
            i += 1;
            j += 1;
        } else if i < n && (j == m || t[i + 1][j] >= t[i][j + 1]) {
            ops.push('-');
            i += 1;
        } else {
            ops.push('+');
            j += 1;
        }
    }
    ops
}

/// A temporary directory for one test.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("create temp dir")
}

/// Files in `dir` named like temporary files (`.NAME.PID.tmp`,
/// `.NAME.tmp-PID`): leftovers of a failed write.
pub fn tmp_leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.contains(".tmp-"))
        .collect()
}

#[test]
fn diff_shows_changed_lines_with_section_context() {
    let a = "# header\ndoc a\n  x 1\n  x 2\n  x 3\ndoc b\n  y 1\n  y 2\n";
    let b = "# header\ndoc a\n  x 1\n  x 2\n  x 3\ndoc b\n  y 1\n  y 3\n";
    let d = diff(a, b);
    assert!(d.contains("@@ line 6 @@ doc a\n"), "{d}");
    assert!(d.contains("-  y 2\n+  y 3\n"), "{d}");
    assert!(!d.contains("x 1"), "context is limited: {d}");
    assert_eq!(diff(a, a), "");
    assert!(diff("a\n", "a").contains("final newline"));
}
