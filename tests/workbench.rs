//! The analyst's workbench from the command line: every query, export,
//! `render`, `diff`, completions and man pages, on the graph of the sample
//! corpus and on graphs built from `../shared/data/gsa_itvmo_news` and
//! `../shared/data/bbc_news_greene2006/bbc/business` (skipped, with a
//! message, when `../shared` is absent).
//!
//! Outputs depend on what extraction finds, which changes as it improves, so
//! they are compared with files under `tests/expected/workbench/`: one file
//! per command, holding the command, its standard output, and its standard
//! error and exit status when not empty or zero. `NEWSGRAPH_BLESS=1 cargo
//! test --test workbench` rewrites them; otherwise a difference fails with a
//! line diff. Review `git diff tests/expected/workbench` before committing.
//!
//! Facts that must hold whatever extraction does (the match example's rows
//! on a corpus that states the pattern, formats read back by real parsers,
//! the Graphviz message, exit statuses) are asserted directly.

#![allow(clippy::unwrap_used)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

// ---------------------------------------------------------------------------
// Running the binary

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn scratch() -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("workbench");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `newsgraph` with a clean environment, run in `cwd`.
fn newsgraph_in(cwd: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    c.current_dir(cwd)
        .env_remove("NEWSGRAPH_DATA")
        .env_remove("NEWSGRAPH_DOT")
        .env_remove("NO_COLOR")
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null());
    c
}

fn run_in<S: AsRef<OsStr>>(cwd: &Path, args: &[S]) -> Output {
    let out = newsgraph_in(cwd).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "panic: {err}");
    out
}

fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    run_in(root(), args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Run, require success, return standard output.
fn ok<S: AsRef<OsStr> + std::fmt::Debug>(args: &[S]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "newsgraph {args:?} failed: {}",
        stderr(&out)
    );
    stdout(&out)
}

// ---------------------------------------------------------------------------
// Graphs

/// `../shared/data` (or `NEWSGRAPH_SHARED_DATA`), when present.
fn shared_data() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("NEWSGRAPH_SHARED_DATA").map(PathBuf::from),
        Some(root().join("../shared/data")),
        Some(PathBuf::from("/work/shared/data")),
    ];
    candidates.into_iter().flatten().find(|p| {
        p.join("gsa_itvmo_news").is_dir() && p.join("bbc_news_greene2006/bbc/business").is_dir()
    })
}

/// Build `input` (relative to `cwd`, so document ids are stable) into the
/// scratch folder once per run.
fn build(cell: &'static OnceLock<PathBuf>, name: &str, cwd: &Path, input: &[&str]) -> PathBuf {
    cell.get_or_init(|| {
        let out = scratch().join(format!("{name}.ngraph"));
        let mut args: Vec<&OsStr> = vec![OsStr::new("build"), OsStr::new("-q")];
        args.extend(input.iter().map(OsStr::new));
        args.extend([OsStr::new("-o"), out.as_os_str()]);
        let o = run_in(cwd, &args);
        assert!(o.status.success(), "build {name}: {}", stderr(&o));
        out
    })
    .clone()
}

fn sample() -> PathBuf {
    static G: OnceLock<PathBuf> = OnceLock::new();
    build(&G, "sample", root(), &["data/corpus"])
}

fn gsa() -> Option<PathBuf> {
    static G: OnceLock<PathBuf> = OnceLock::new();
    let data = shared_data()?;
    Some(build(&G, "gsa", &data, &["gsa_itvmo_news"]))
}

fn bbc() -> Option<PathBuf> {
    static G: OnceLock<PathBuf> = OnceLock::new();
    let data = shared_data()?;
    Some(build(
        &G,
        "bbc",
        &data.join("bbc_news_greene2006/bbc"),
        &["business"],
    ))
}

macro_rules! or_skip {
    ($graph:expr) => {
        match $graph {
            Some(g) => g,
            None => {
                println!("SKIP: ../shared/data (gsa_itvmo_news, bbc_news_greene2006) is not there");
                return;
            }
        }
    };
}

// ---------------------------------------------------------------------------
// Expected files

fn blessing() -> bool {
    std::env::var("NEWSGRAPH_BLESS").is_ok_and(|v| v == "1")
}

/// The recorded form of a run: the command (with the graph written as
/// GRAPH), standard output, then standard error and the exit status when
/// there are any.
fn transcript(shown: &str, out: &Output) -> String {
    let mut t = format!("$ newsgraph {shown}\n{}", stdout(out));
    let err = stderr(out);
    if !err.is_empty() {
        t.push_str("--- stderr\n");
        t.push_str(&err);
    }
    if !out.status.success() {
        t.push_str(&format!("--- exit {}\n", out.status.code().unwrap_or(-1)));
    }
    t
}

/// Compare with `tests/expected/workbench/NAME.txt`, or rewrite it when
/// blessing.
fn check(name: &str, actual: &str) {
    let path = root()
        .join("tests/expected/workbench")
        .join(format!("{name}.txt"));
    if blessing() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\ncreate it with: NEWSGRAPH_BLESS=1 cargo test --test workbench",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "{} differs (- expected, + actual):\n{}\nIf the change is right: NEWSGRAPH_BLESS=1 cargo test --test workbench, then review git diff tests/expected/workbench",
            path.display(),
            line_diff(&expected, actual)
        );
    }
}

/// A line diff: common head and tail skipped, the middle aligned by the
/// longest common subsequence, with two lines of context.
fn line_diff(a: &str, b: &str) -> String {
    let a: Vec<&str> = a.lines().collect();
    let b: Vec<&str> = b.lines().collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut out = Vec::new();
    for l in &a[head.saturating_sub(2)..head] {
        out.push(format!("  {l}"));
    }
    if am.len() * bm.len() > 4_000_000 {
        out.extend(am.iter().map(|l| format!("- {l}")));
        out.extend(bm.iter().map(|l| format!("+ {l}")));
    } else {
        // lcs[i][j]: length of the LCS of am[i..] and bm[j..].
        let mut lcs = vec![vec![0u32; bm.len() + 1]; am.len() + 1];
        for i in (0..am.len()).rev() {
            for j in (0..bm.len()).rev() {
                lcs[i][j] = if am[i] == bm[j] {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < am.len() || j < bm.len() {
            if i < am.len() && j < bm.len() && am[i] == bm[j] {
                out.push(format!("  {}", am[i]));
                i += 1;
                j += 1;
            } else if j < bm.len() && (i == am.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
                out.push(format!("+ {}", bm[j]));
                j += 1;
            } else {
                out.push(format!("- {}", am[i]));
                i += 1;
            }
        }
    }
    for l in &a[a.len() - tail..(a.len() - tail + 2).min(a.len())] {
        out.push(format!("  {l}"));
    }
    out.join("\n")
}

/// Run `newsgraph` with `args` (where `GRAPH` stands for the graph) and
/// compare the transcript with `tests/expected/workbench/NAME.txt`.
fn case(name: &str, graph: &Path, args: &[&str]) -> Output {
    let real: Vec<&OsStr> = args
        .iter()
        .map(|a| {
            if *a == "GRAPH" {
                graph.as_os_str()
            } else {
                OsStr::new(a)
            }
        })
        .collect();
    let out = run(&real);
    let shown: Vec<String> = args
        .iter()
        .map(|a| {
            if a.is_empty() || a.contains([' ', '(', '\'', '"', '|', '<', '>', '*']) {
                format!("\"{}\"", a.replace('"', "\\\""))
            } else {
                (*a).to_string()
            }
        })
        .collect();
    check(name, &transcript(&shown.join(" "), &out));
    out
}

// ---------------------------------------------------------------------------
// The sample corpus: every query

/// (file name, arguments); every one must exit 0.
const SAMPLE_QUERIES: &[(&str, &[&str])] = &[
    ("entity", &["query", "GRAPH", "entity", "Microsoft"]),
    ("entity-alias", &["query", "GRAPH", "entity", "pentagon"]),
    (
        "entity-json",
        &["query", "GRAPH", "entity", "Google Cloud", "--json"],
    ),
    (
        "entity-csv",
        &["query", "GRAPH", "entity", "leidos", "--csv"],
    ),
    ("neighbors", &["query", "GRAPH", "neighbors", "Microsoft"]),
    (
        "neighbors-filtered",
        &[
            "query",
            "GRAPH",
            "neighbors",
            "U.S. Army",
            "--direction",
            "in",
            "--kind",
            "contract,partnership",
            "--entity-kind",
            "firm,cloud",
        ],
    ),
    (
        "neighbors-depth",
        &[
            "query",
            "GRAPH",
            "neighbors",
            "Kestrel Data Systems",
            "--depth",
            "2",
        ],
    ),
    (
        "neighbors-json",
        &["query", "GRAPH", "neighbors", "OpenAI", "--json"],
    ),
    (
        "neighbors-csv",
        &["query", "GRAPH", "neighbors", "Google Cloud", "--csv"],
    ),
    (
        "neighbors-none",
        &[
            "query",
            "GRAPH",
            "neighbors",
            "Microsoft",
            "--kind",
            "acquisition",
        ],
    ),
    (
        "path",
        &["query", "GRAPH", "path", "Microsoft", "U.S. Army"],
    ),
    (
        "path-all",
        &["query", "GRAPH", "path", "OpenAI", "Azure", "--all"],
    ),
    (
        "path-json",
        &["query", "GRAPH", "path", "Microsoft", "U.S. Army", "--json"],
    ),
    (
        "path-csv",
        &[
            "query", "GRAPH", "path", "OpenAI", "Azure", "--all", "--csv",
        ],
    ),
    (
        "path-none",
        &[
            "query",
            "GRAPH",
            "path",
            "Microsoft",
            "U.S. Army",
            "--kind",
            "dispute",
        ],
    ),
    (
        "path-max-hops",
        &[
            "query",
            "GRAPH",
            "path",
            "Microsoft",
            "U.S. Army",
            "--max-hops",
            "1",
        ],
    ),
    ("why", &["query", "GRAPH", "why", "Microsoft", "OpenAI"]),
    (
        "why-json",
        &[
            "query",
            "GRAPH",
            "why",
            "google cloud",
            "microsoft",
            "--json",
        ],
    ),
    (
        "why-csv",
        &["query", "GRAPH", "why", "Microsoft", "OpenAI", "--csv"],
    ),
    ("why-none", &["query", "GRAPH", "why", "Microsoft", "NASA"]),
    ("relations", &["query", "GRAPH", "relations"]),
    (
        "relations-kind",
        &["query", "GRAPH", "relations", "--kind", "dispute,part_of"],
    ),
    (
        "relations-from-to",
        &[
            "query",
            "GRAPH",
            "relations",
            "--to",
            "GSA",
            "--kind",
            "contract",
        ],
    ),
    (
        "relations-from",
        &["query", "GRAPH", "relations", "--from", "Microsoft"],
    ),
    (
        "relations-status-csv",
        &[
            "query",
            "GRAPH",
            "relations",
            "--status",
            "reported,hedged",
            "--csv",
        ],
    ),
    (
        "relations-dates",
        &[
            "query",
            "GRAPH",
            "relations",
            "--since",
            "2025",
            "--until",
            "2025-06",
            "--min-confidence",
            "0.6",
        ],
    ),
    (
        "relations-json",
        &[
            "query",
            "GRAPH",
            "relations",
            "--kind",
            "investment",
            "--json",
        ],
    ),
    (
        "relations-none",
        &["query", "GRAPH", "relations", "--since", "2030"],
    ),
    ("entities", &["query", "GRAPH", "entities"]),
    (
        "entities-pagerank",
        &[
            "query", "GRAPH", "entities", "--sort", "pagerank", "--limit", "10",
        ],
    ),
    (
        "entities-mentions-csv",
        &[
            "query",
            "GRAPH",
            "entities",
            "--kind",
            "agency,cloud",
            "--sort",
            "mentions",
            "--limit",
            "0",
            "--csv",
        ],
    ),
    (
        "entities-json",
        &["query", "GRAPH", "entities", "--kind", "cloud", "--json"],
    ),
    ("stats", &["query", "GRAPH", "stats"]),
    (
        "stats-json",
        &["query", "GRAPH", "stats", "--json", "--top", "3"],
    ),
    (
        "stats-csv",
        &["query", "GRAPH", "stats", "--csv", "--top", "3"],
    ),
    ("timeline", &["query", "GRAPH", "timeline", "Microsoft"]),
    (
        "timeline-kind",
        &["query", "GRAPH", "timeline", "GSA", "--kind", "contract"],
    ),
    (
        "timeline-json",
        &[
            "query",
            "GRAPH",
            "timeline",
            "Kestrel Data Systems",
            "--json",
        ],
    ),
    (
        "match-example",
        &[
            "query",
            "GRAPH",
            "match",
            "(a:agency)<-[:contract]-(f:firm)-[:dispute]-(a)",
        ],
    ),
    (
        "match-contracts",
        &[
            "query",
            "GRAPH",
            "match",
            "(f:firm|cloud)-[r:contract]->(a:agency) RETURN a.name, f.name, r.status, r.confidence",
        ],
    ),
    (
        "match-where",
        &[
            "query",
            "GRAPH",
            "match",
            "MATCH (f)-[r:contract|partnership]-(x) WHERE f.name = 'microsoft' OR (r.first_seen >= '2025' AND NOT x.kind = 'agency') RETURN f, r, x",
        ],
    ),
    (
        "match-variable-length",
        &[
            "query",
            "GRAPH",
            "match",
            "(x)-[p:part_of*1..3]->(top) WHERE top.kind IN ['firm', 'agency'] RETURN x, p LIMIT 8",
        ],
    ),
    (
        "match-join",
        &[
            "query",
            "GRAPH",
            "match",
            "(f:firm)-[:contract]->(a:agency), (f)-[:partnership]-(p) RETURN f, a, p",
        ],
    ),
    (
        "match-json",
        &[
            "query",
            "GRAPH",
            "match",
            "(x {name: 'Azure'})-[r]->(y) RETURN x, r, y.name",
            "--json",
        ],
    ),
    (
        "match-csv",
        &[
            "query",
            "GRAPH",
            "match",
            "(a:agency)<-[r:dispute]-(c) RETURN c.name AS complainant, a.name AS respondent, r.status",
            "--csv",
        ],
    ),
];

#[test]
fn sample_queries() {
    let g = sample();
    for (name, args) in SAMPLE_QUERIES {
        let out = case(&format!("sample/{name}"), &g, args);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let text = stdout(&out);
        if args.contains(&"--json") {
            let v: serde_json::Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{name}: --json is not JSON: {e}"));
            let _ = v;
        } else if !args.contains(&"--csv") && !name.ends_with("none") {
            assert!(!text.contains('\x1b'), "{name}: colour in a pipe");
        }
    }
}

#[test]
fn csv_output_parses_with_one_field_per_column() {
    let g = sample();
    for (name, args) in SAMPLE_QUERIES.iter().filter(|(_, a)| a.contains(&"--csv")) {
        let real: Vec<&OsStr> = args
            .iter()
            .map(|a| {
                if *a == "GRAPH" {
                    g.as_os_str()
                } else {
                    OsStr::new(a)
                }
            })
            .collect();
        let text = ok(&real);
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let width = reader.headers().unwrap().len();
        for r in reader.records() {
            assert_eq!(r.unwrap().len(), width, "{name}");
        }
    }
}

#[test]
fn no_results_exit_zero_with_an_explicit_line() {
    let g = sample();
    for args in [
        vec!["why", "Microsoft", "NASA"],
        vec!["relations", "--since", "2030"],
        vec!["match", "(a:agency)-[:investment*2]->(b:agency)"],
        vec!["path", "Microsoft", "U.S. Army", "--kind", "dispute"],
    ] {
        let mut full: Vec<&OsStr> = vec![OsStr::new("query"), g.as_os_str()];
        full.extend(args.iter().map(OsStr::new));
        let out = run(&full);
        assert!(out.status.success(), "{args:?}");
        assert!(
            stdout(&out).starts_with("no results: "),
            "{args:?}: {}",
            stdout(&out)
        );
        // Machine-readable output stays clean; the line goes to stderr.
        full.push(OsStr::new("--json"));
        let out = run(&full);
        assert!(out.status.success());
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert!(
            v.is_null() || v.as_array().is_some_and(Vec::is_empty),
            "{v}"
        );
        assert!(stderr(&out).starts_with("no results: "), "{args:?}");
    }
}

#[test]
fn names_resolve_through_aliases_and_misses_suggest() {
    let g = sample();
    let id = |name: &str| {
        let v: serde_json::Value = serde_json::from_str(&ok(&[
            OsStr::new("query"),
            g.as_os_str(),
            OsStr::new("entity"),
            OsStr::new(name),
            OsStr::new("--json"),
        ]))
        .unwrap();
        v["id"].as_str().unwrap().to_string()
    };
    assert_eq!(id("Pentagon"), "dod");
    assert_eq!(id("PENTAGON"), "dod");
    assert_eq!(id("the Department of Defense"), "dod");
    assert_eq!(id("microsoft corp."), "microsoft");
    let out = run(&[
        OsStr::new("query"),
        g.as_os_str(),
        OsStr::new("entity"),
        OsStr::new("Micrsoft"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no entity named 'Micrsoft'; did you mean: Microsoft"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let g = sample();
    let q = |extra: &[&str], no_color: bool| {
        let mut c = newsgraph_in(root());
        c.arg("query")
            .arg(&g)
            .args(["neighbors", "Microsoft"])
            .args(extra);
        if no_color {
            c.env("NO_COLOR", "1");
        }
        String::from_utf8(c.output().unwrap().stdout).unwrap()
    };
    // Standard output is a pipe here: no colour by default.
    assert!(!q(&[], false).contains('\x1b'));
    assert!(!q(&["--color", "auto"], true).contains('\x1b'));
    let coloured = q(&["--color", "always"], false);
    assert!(coloured.contains("\x1b[1mRELATION\x1b[0m"), "{coloured}");
    assert!(!q(&["--color", "never"], false).contains('\x1b'));
    // Colour never changes the words.
    let strip = |s: &str| {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for d in chars.by_ref() {
                    if d == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    };
    assert_eq!(strip(&coloured), q(&[], false));
}

// ---------------------------------------------------------------------------
// The match example

#[test]
fn match_example_errors_point_at_the_column() {
    let g = sample();
    for (name, pattern) in [
        ("match-error-bracket", "(a:agency)<-[:contract-(f:firm)"),
        ("match-error-kind", "(a:agncy)<-[:contract]-(f:firm)"),
        ("match-error-regex", "(a) WHERE a.name =~ 'Micro.*'"),
        ("match-error-variable", "(a)-->(b) WHERE c.name = 'GSA'"),
    ] {
        let out = case(
            &format!("sample/{name}"),
            &g,
            &["query", "GRAPH", "match", pattern],
        );
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = stderr(&out);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines[1], format!("  {pattern}"), "{err}");
        assert!(lines[2].trim_start().starts_with('^'), "{err}");
    }
}

/// The sample corpus states no firm that both supplies an agency and is in a
/// dispute with it, so this corpus adds one article that does, and the
/// example must find exactly that pair on top of whatever the sample gives.
#[test]
fn match_example_finds_a_supplier_in_dispute_with_its_customer() {
    let dir = scratch().join("example-corpus");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("2025-09-01-army-leidos-dispute.txt"),
        "Leidos Sues Army Over Cloud Award\n\nThe U.S. Army awarded Leidos a contract for cloud services in 2024. Leidos sued the U.S. Army over the award on Monday.\n",
    )
    .unwrap();
    let graph = scratch().join("example.ngraph");
    let corpus = root().join("data/corpus");
    let o = run(&[
        OsStr::new("build"),
        OsStr::new("-q"),
        corpus.as_os_str(),
        dir.as_os_str(),
        OsStr::new("-o"),
        graph.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pattern = "(a:agency)<-[:contract]-(f:firm)-[:dispute]-(a)";
    let on = |g: &Path| {
        ok(&[
            OsStr::new("query"),
            g.as_os_str(),
            OsStr::new("match"),
            OsStr::new(pattern),
            OsStr::new("--csv"),
        ])
    };
    let rows =
        |csv_text: &str| -> Vec<String> { csv_text.lines().skip(1).map(str::to_string).collect() };
    let before = rows(&on(&sample()));
    let after = rows(&on(&graph));
    assert_eq!(on(&graph).lines().next(), Some("a,f"));
    let mut expected = before.clone();
    expected.push("U.S. Army,Leidos".to_string());
    expected.sort();
    assert_eq!(after, expected);
}

// ---------------------------------------------------------------------------
// Exports

/// Exports of a selection around Microsoft, every format.
#[test]
fn sample_exports_of_a_selection() {
    let g = sample();
    for (format, ext) in [
        ("dot", "dot"),
        ("graphml", "graphml"),
        ("json", "json"),
        ("gexf", "gexf"),
        ("cypher", "cypher"),
        ("ntriples", "nt"),
        ("turtle", "ttl"),
    ] {
        let out = case(
            &format!("sample/export-around-microsoft.{ext}"),
            &g,
            &[
                "export",
                "GRAPH",
                "--format",
                format,
                "--around",
                "Microsoft",
                "--depth",
                "1",
            ],
        );
        assert!(out.status.success(), "{format}");
    }
    let out = case(
        "sample/export-filtered.graphml",
        &g,
        &[
            "export",
            "GRAPH",
            "--format",
            "graphml",
            "--kind",
            "contract,part_of",
            "--entity-kind",
            "agency,cloud",
            "--status",
            "asserted",
            "--min-confidence",
            "0.5",
        ],
    );
    assert!(out.status.success());
    let out = case(
        "sample/export-dates.json",
        &g,
        &[
            "export",
            "GRAPH",
            "--format",
            "json",
            "--since",
            "2025-03",
            "--until",
            "2025",
            "--min-evidence",
            "1",
            "--top",
            "6",
        ],
    );
    assert!(out.status.success());
}

#[test]
fn sample_neo4j_csv_export() {
    let g = sample();
    let dir = scratch().join("neo4j");
    let _ = std::fs::remove_dir_all(&dir);
    let o = run(&[
        OsStr::new("export"),
        g.as_os_str(),
        OsStr::new("--format"),
        OsStr::new("neo4j-csv"),
        OsStr::new("--kind"),
        OsStr::new("dispute"),
        OsStr::new("-o"),
        dir.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    for file in ["nodes.csv", "relationships.csv"] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        check(&format!("sample/neo4j-dispute-{file}"), &text);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let width = reader.headers().unwrap().len();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert!(rows.iter().all(|r| r.len() == width));
        assert_eq!(text.lines().count(), rows.len() + 1, "one line per record");
    }
}

fn have(prog: &str, arg: &str) -> bool {
    Command::new(prog)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Whole-graph exports read back by the real consumers: NetworkX for
/// GraphML and JSON, Graphviz for DOT, xmllint with the GEXF 1.3 schema.
#[test]
fn whole_graph_exports_load_in_their_consumers() {
    let graphs: Vec<(&str, PathBuf)> = [
        Some(("sample", sample())),
        gsa().map(|g| ("gsa", g)),
        bbc().map(|g| ("bbc", g)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let networkx = Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success());
    for (name, g) in graphs {
        let stats: serde_json::Value = serde_json::from_str(&ok(&[
            OsStr::new("query"),
            g.as_os_str(),
            OsStr::new("stats"),
            OsStr::new("--json"),
        ]))
        .unwrap();
        let (nodes, edges) = (
            stats["entities"].as_u64().unwrap(),
            stats["relations"].as_u64().unwrap(),
        );
        let file = |ext: &str| scratch().join(format!("{name}-whole.{ext}"));
        for (format, ext) in [
            ("graphml", "graphml"),
            ("json", "json"),
            ("dot", "dot"),
            ("gexf", "gexf"),
        ] {
            let o = run(&[
                OsStr::new("export"),
                g.as_os_str(),
                OsStr::new("-f"),
                OsStr::new(format),
                OsStr::new("-o"),
                file(ext).as_os_str(),
            ]);
            assert!(o.status.success(), "{name} {format}: {}", stderr(&o));
        }
        if networkx {
            let script = "import sys, json, networkx as nx\n\
                g = nx.read_graphml(sys.argv[1])\n\
                d = json.load(open(sys.argv[2]))\n\
                try:\n    h = nx.node_link_graph(d, edges='links')\n\
                except TypeError:\n    h = nx.node_link_graph(d)\n\
                print(g.number_of_nodes(), g.number_of_edges(), h.number_of_nodes(), h.number_of_edges())";
            let o = Command::new("python3")
                .args(["-c", script])
                .arg(file("graphml"))
                .arg(file("json"))
                .output()
                .unwrap();
            assert!(
                o.status.success(),
                "{name}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            assert_eq!(
                String::from_utf8_lossy(&o.stdout).trim(),
                format!("{nodes} {edges} {nodes} {edges}"),
                "{name}"
            );
        } else {
            println!("SKIP NetworkX check: python3 with networkx not installed");
        }
        if have("dot", "-V") {
            let o = Command::new("dot")
                .arg("-Tsvg")
                .arg(file("dot"))
                .output()
                .unwrap();
            assert!(
                o.status.success(),
                "{name}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            assert!(String::from_utf8_lossy(&o.stdout).contains("<svg"));
        } else {
            println!("SKIP Graphviz check: dot not installed");
        }
        let xsd = shared_data().map(|d| d.join("../schemas/gexf-1.3/gexf.xsd"));
        match xsd.filter(|x| x.is_file()) {
            Some(xsd) if have("xmllint", "--version") => {
                let o = Command::new("xmllint")
                    .args(["--noout", "--nonet", "--schema"])
                    .arg(&xsd)
                    .arg(file("gexf"))
                    .output()
                    .unwrap();
                assert!(
                    o.status.success(),
                    "{name}: {}",
                    String::from_utf8_lossy(&o.stderr)
                );
            }
            _ => println!("SKIP GEXF schema check: xmllint or the GEXF 1.3 XSD not available"),
        }
    }
}

// ---------------------------------------------------------------------------
// render

#[test]
fn render_writes_svg_png_and_pdf() {
    if !have("dot", "-V") {
        println!("SKIP: Graphviz not installed");
        return;
    }
    let g = sample();
    // A directory of its own: other tests write (and rename) files in the
    // shared scratch directory while this one looks for leftovers.
    let dir = scratch().join("render");
    std::fs::create_dir_all(&dir).unwrap();
    for (file, magic, extra) in [
        ("sample.svg", &b"<?xml"[..], &[][..]),
        (
            "sample.png",
            &b"\x89PNG"[..],
            &["--cluster", "--layout", "dot"][..],
        ),
        (
            "around.pdf",
            &b"%PDF"[..],
            &["--around", "Microsoft", "--depth", "2"][..],
        ),
        (
            "sfdp.svg",
            &b"<?xml"[..],
            &["--layout", "sfdp", "--kind", "contract"][..],
        ),
    ] {
        let out_path = dir.join(file);
        let _ = std::fs::remove_file(&out_path);
        let mut args: Vec<&OsStr> = vec![
            OsStr::new("render"),
            g.as_os_str(),
            OsStr::new("-o"),
            out_path.as_os_str(),
        ];
        args.extend(extra.iter().map(OsStr::new));
        let o = run(&args);
        assert!(o.status.success(), "{file}: {}", stderr(&o));
        assert!(
            stderr(&o).starts_with(&format!("wrote {}", out_path.display())),
            "{}",
            stderr(&o)
        );
        let bytes = std::fs::read(&out_path).unwrap();
        assert!(bytes.starts_with(magic), "{file}");
    }
    // No temporary files are left beside the pictures.
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn render_without_graphviz_says_how_to_install_it() {
    let g = sample();
    let target = scratch().join("never.svg");
    let out = newsgraph_in(root())
        .env("NEWSGRAPH_DOT", "/nonexistent/bin/dot")
        .arg("render")
        .arg(&g)
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("Graphviz is not installed"), "{err}");
    assert!(err.contains("apt-get install graphviz"), "{err}");
    assert!(err.contains("brew install graphviz"), "{err}");
    assert!(!target.exists());
    let out = run(&[
        OsStr::new("render"),
        g.as_os_str(),
        OsStr::new("-o"),
        OsStr::new("x.gif"),
    ]);
    assert!(
        stderr(&out).contains("name it .svg, .png or .pdf"),
        "{}",
        stderr(&out)
    );
}

// ---------------------------------------------------------------------------
// diff

#[test]
fn diff_between_a_partial_and_the_whole_sample() {
    static PART: OnceLock<PathBuf> = OnceLock::new();
    let part = build(
        &PART,
        "sample-part",
        root(),
        &[
            "data/corpus/2024-03-19-army-gdit-enterprise-cloud.md",
            "data/corpus/2024-05-30-ftc-ai-partnership-inquiry.md",
            "data/corpus/2025-02-02-commission-cloud-licensing-probe.md",
            "data/corpus/wire.jsonl",
        ],
    );
    let whole = sample();
    let diff_case = |name: &str, args: &[&OsStr]| {
        let mut full = vec![OsStr::new("diff")];
        full.extend_from_slice(args);
        let out = run(&full);
        assert!(out.status.success(), "{}", stderr(&out));
        let shown = stdout(&out)
            .replace(&part.display().to_string(), "PART")
            .replace(&whole.display().to_string(), "WHOLE");
        check(&format!("sample/{name}"), &shown);
        shown
    };
    let text = diff_case("diff", &[part.as_os_str(), whole.as_os_str()]);
    assert!(
        text.contains("added    entity") || text.contains("added"),
        "{text}"
    );
    diff_case(
        "diff-back-csv",
        &[whole.as_os_str(), part.as_os_str(), OsStr::new("--csv")],
    );
    let json = diff_case(
        "diff-json",
        &[part.as_os_str(), whole.as_os_str(), OsStr::new("--json")],
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        v["entities_added"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    let same = run(&[OsStr::new("diff"), whole.as_os_str(), whole.as_os_str()]);
    assert!(same.status.success());
    assert!(stdout(&same).starts_with("no results: the graphs hold the same"));
}

// ---------------------------------------------------------------------------
// The shared corpora

#[test]
fn gsa_queries_and_exports() {
    let g = or_skip!(gsa());
    let cases: &[(&str, &[&str])] = &[
        ("stats", &["query", "GRAPH", "stats"]),
        (
            "entities",
            &[
                "query", "GRAPH", "entities", "--sort", "pagerank", "--limit", "15",
            ],
        ),
        ("entity", &["query", "GRAPH", "entity", "GSA"]),
        (
            "neighbors",
            &["query", "GRAPH", "neighbors", "GSA", "--depth", "2"],
        ),
        (
            "path",
            &["query", "GRAPH", "path", "Microsoft", "OMB", "--all"],
        ),
        ("why", &["query", "GRAPH", "why", "Microsoft", "GSA"]),
        (
            "relations",
            &[
                "query",
                "GRAPH",
                "relations",
                "--kind",
                "contract,partnership",
            ],
        ),
        (
            "relations-csv",
            &["query", "GRAPH", "relations", "--since", "2025", "--csv"],
        ),
        (
            "timeline",
            &[
                "query",
                "GRAPH",
                "timeline",
                "General Services Administration",
            ],
        ),
        (
            "match-example",
            &[
                "query",
                "GRAPH",
                "match",
                "(a:agency)<-[:contract]-(f:firm)-[:dispute]-(a)",
            ],
        ),
        (
            "match-suppliers",
            &[
                "query",
                "GRAPH",
                "match",
                "(f)-[r:contract]->(a:agency) WHERE r.confidence >= 0.5 RETURN a, f, r.first_seen",
            ],
        ),
        (
            "export-around-gsa.graphml",
            &["export", "GRAPH", "-f", "graphml", "--around", "GSA"],
        ),
        (
            "export-contracts.cypher",
            &["export", "GRAPH", "-f", "cypher", "--kind", "contract"],
        ),
        (
            "export-top.gexf",
            &["export", "GRAPH", "-f", "gexf", "--top", "12"],
        ),
    ];
    for (name, args) in cases {
        let out = case(&format!("gsa/{name}"), &g, args);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
    }
}

#[test]
fn bbc_business_queries_and_exports() {
    let g = or_skip!(bbc());
    let cases: &[(&str, &[&str])] = &[
        ("stats", &["query", "GRAPH", "stats"]),
        (
            "entities",
            &[
                "query", "GRAPH", "entities", "--sort", "pagerank", "--limit", "15",
            ],
        ),
        (
            "entities-agencies",
            &[
                "query", "GRAPH", "entities", "--kind", "agency", "--limit", "10",
            ],
        ),
        ("entity", &["query", "GRAPH", "entity", "Yukos"]),
        (
            "neighbors",
            &["query", "GRAPH", "neighbors", "Yukos", "--direction", "out"],
        ),
        (
            "neighbors-depth",
            &[
                "query",
                "GRAPH",
                "neighbors",
                "Gazprom",
                "--depth",
                "2",
                "--entity-kind",
                "agency",
            ],
        ),
        (
            "path",
            &["query", "GRAPH", "path", "Yukos", "Gazprom", "--all"],
        ),
        ("why", &["query", "GRAPH", "why", "Yukos", "Rosneft"]),
        (
            "relations",
            &[
                "query",
                "GRAPH",
                "relations",
                "--kind",
                "acquisition",
                "--min-confidence",
                "0.7",
            ],
        ),
        (
            "relations-json",
            &[
                "query",
                "GRAPH",
                "relations",
                "--kind",
                "dispute",
                "--status",
                "asserted",
                "--json",
            ],
        ),
        ("timeline", &["query", "GRAPH", "timeline", "Boeing"]),
        (
            "match-example",
            &[
                "query",
                "GRAPH",
                "match",
                "(a:agency)<-[:contract]-(f:firm)-[:dispute]-(a)",
            ],
        ),
        (
            "match-takeover-chains",
            &[
                "query",
                "GRAPH",
                "match",
                "(a:firm)-[r:acquisition*2]->(c) RETURN a, r, c",
            ],
        ),
        (
            "export-around-yukos.dot",
            &["export", "GRAPH", "-f", "dot", "--around", "Yukos"],
        ),
        (
            "export-yukos-disputes.ttl",
            &[
                "export",
                "GRAPH",
                "-f",
                "turtle",
                "--around",
                "Yukos",
                "--kind",
                "dispute",
                "--min-evidence",
                "2",
            ],
        ),
    ];
    for (name, args) in cases {
        let out = case(&format!("bbc/{name}"), &g, args);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
    }
    if have("dot", "-V") {
        let png = scratch().join("bbc.png");
        let o = run(&[
            OsStr::new("render"),
            g.as_os_str(),
            OsStr::new("-o"),
            png.as_os_str(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stderr(&o).contains("sfdp layout"), "{}", stderr(&o));
    }
}

// ---------------------------------------------------------------------------
// Help, completions and man pages

/// The subcommands a `--help` lists.
fn subcommands(args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.push("--help");
    let help = ok(&all);
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // Wrapped descriptions continue on more deeply indented lines.
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn every_command_has_help_with_an_example() {
    let top = subcommands(&[]);
    for c in ["query", "export", "render", "diff", "completions", "man"] {
        assert!(top.iter().any(|t| t == c), "{c} missing from {top:?}");
    }
    let queries = subcommands(&["query"]);
    assert_eq!(
        queries,
        [
            "entity",
            "neighbors",
            "path",
            "why",
            "relations",
            "entities",
            "aliases",
            "stats",
            "timeline",
            "match"
        ]
    );
    let mut all: Vec<Vec<String>> = top.iter().map(|c| vec![c.clone()]).collect();
    all.extend(queries.iter().map(|q| vec!["query".to_string(), q.clone()]));
    for cmd in all {
        let mut args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        args.push("--help");
        let help = ok(&args);
        assert!(
            help.contains("Example"),
            "{cmd:?} --help has no example:\n{help}"
        );
    }
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "_newsgraph()"),
        ("zsh", "#compdef newsgraph"),
        ("fish", "complete -c newsgraph"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[newsgraph]"),
    ] {
        let script = ok(&["completions", shell]);
        assert!(script.contains(marker), "{shell}");
        for word in ["render", "timeline", "match", "min-evidence"] {
            assert!(script.contains(word), "{shell} completes {word}");
        }
        if shell == "bash" && have("bash", "--version") {
            let path = scratch().join("newsgraph.bash");
            std::fs::write(&path, &script).unwrap();
            let o = Command::new("bash").arg("-n").arg(&path).output().unwrap();
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
    }
    let out = run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_pages_from_the_clap_definitions() {
    let page = ok(&["man"]);
    assert!(page.contains(".TH newsgraph 1"), "{page}");
    for word in ["render", "diff", "completions", "query"] {
        assert!(page.contains(word), "{word}");
    }
    let dir = scratch().join("man");
    let _ = std::fs::remove_dir_all(&dir);
    let out = run(&[OsStr::new("man"), OsStr::new("--dir"), dir.as_os_str()]);
    assert!(out.status.success(), "{}", stderr(&out));
    for p in [
        "newsgraph.1",
        "newsgraph-query.1",
        "newsgraph-query-match.1",
        "newsgraph-render.1",
    ] {
        let text = std::fs::read_to_string(dir.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
        assert!(text.starts_with(".ie") || text.contains(".TH"), "{p}");
    }
    let m = std::fs::read_to_string(dir.join("newsgraph-query-match.1")).unwrap();
    assert!(m.contains("dispute"), "the example is in the page");
    if have("man", "--version") {
        let o = Command::new("man")
            .env("MANWIDTH", "80")
            .args(["-l", "-P", "cat"])
            .arg(dir.join("newsgraph-render.1"))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    let g = sample();
    let big_query = bbc().inspect(|b| {
        let out = newsgraph_in(root())
            .arg("query")
            .arg(b)
            .args(["relations", "--json"])
            .output()
            .unwrap();
        assert!(
            out.stdout.len() > 1 << 16,
            "a query printing more than a pipe holds"
        );
    });
    // Each writes more than a pipe holds (64 KiB), so the writes after the
    // reader has gone fail.
    for args in [
        vec!["export", "GRAPH", "-f", "ntriples"],
        vec!["export", "GRAPH", "-f", "json"],
        vec!["query", "BIG", "relations", "--json"],
    ] {
        if args[1] == "BIG" && big_query.is_none() {
            continue;
        }
        let mut child = newsgraph_in(root())
            .args(args.iter().map(|a| match *a {
                "GRAPH" => g.as_os_str(),
                "BIG" => big_query.as_deref().map_or(OsStr::new(""), Path::as_os_str),
                a => OsStr::new(a),
            }))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The pipe is closed here, as `| head -c 16` would.
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{args:?}: {}", stderr(&out));
    }
}
