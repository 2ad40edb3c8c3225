//! `newsgraph query`: entity, neighbors, path and why, as tables and JSON.
//!
//! Exact outputs are checked on a tiny corpus of three one-sentence
//! articles whose extraction is not in doubt; outputs on the sample corpus
//! are compared with `tests/expected/sample_queries.txt` (blessable).

use crate::common::*;
use serde_json::Value;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const TINY: &str = r#"{"id": "1", "date": "2024-01-10", "text": "IBM acquired Red Hat for $34 billion."}
{"id": "2", "date": "2024-03-05", "text": "The U.S. Army awarded IBM a contract for cloud services."}
{"id": "3", "date": "2024-06-01", "text": "Leidos sued the U.S. Army over the award."}
"#;

/// The tiny corpus's graph, built once from inside its directory so the
/// document ids are `tiny.jsonl#N`.
fn tiny_graph() -> &'static Path {
    static GRAPH: OnceLock<PathBuf> = OnceLock::new();
    GRAPH.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("newsgraph-cli/tiny");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("tiny.jsonl"), TINY).unwrap();
        let o = newsgraph()
            .current_dir(&dir)
            .args(["build", "tiny.jsonl", "-o", "tiny.ngraph"])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        dir.join("tiny.ngraph")
    })
}

fn query(graph: &Path, args: &[&str]) -> String {
    let mut all: Vec<&OsStr> = vec![OsStr::new("query"), graph.as_os_str()];
    all.extend(args.iter().map(OsStr::new));
    text(ok(all))
}

/// Confidences (`0.80`) replaced by `0.##`: they come from the calibrated
/// rule confidences in `data/relations.ron`, which change with tuning.
fn mask_confidences(out: &str) -> String {
    let b = out.as_bytes();
    let mut masked = String::with_capacity(out.len());
    let mut i = 0;
    while i < b.len() {
        let boundary_before = i == 0 || !(b[i - 1].is_ascii_digit() || b[i - 1] == b'.');
        let boundary_after = i + 4 >= b.len() || !(b[i + 4].is_ascii_digit() || b[i + 4] == b'.');
        if i + 4 <= b.len()
            && boundary_before
            && boundary_after
            && b[i].is_ascii_digit()
            && b[i + 1] == b'.'
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
        {
            masked.push_str("0.##");
            i += 4;
        } else {
            let c = out[i..].chars().next().expect("char");
            masked.push(c);
            i += c.len_utf8();
        }
    }
    masked
}

fn query_json(graph: &Path, args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.push("--json");
    serde_json::from_str(&query(graph, &args)).expect("--json prints JSON")
}

#[test]
fn confidences_are_masked_but_nothing_else() {
    assert_eq!(
        mask_confidences("a 0.80 b (confidence 1.00, 2024-03-05) 10.50 $34 0.5 U.S."),
        "a 0.## b (confidence 0.##, 2024-03-05) 10.50 $34 0.5 U.S."
    );
}

#[test]
fn path_table_shows_each_hop_with_its_relation_and_evidence() {
    let out = mask_confidences(&query(tiny_graph(), &["path", "red_hat", "Leidos"]));
    assert_eq!(
        out,
        "Red Hat to Leidos: 3 hops
HOP  FROM       RELATION          TO         STATUS    CONF  DOC           EVIDENCE
1    Red Hat    <-[acquisition]-  IBM        asserted  0.##  tiny.jsonl#1  IBM acquired Red Hat for $34 billion.
2    IBM        -[contract]->     U.S. Army  asserted  0.##  tiny.jsonl#2  The U.S. Army awarded IBM a contract for cloud services.
3    U.S. Army  <-[dispute]-      Leidos     asserted  0.##  tiny.jsonl#3  Leidos sued the U.S. Army over the award.
"
    );
}

#[test]
fn why_table_lists_the_evidence_with_document_and_date() {
    let out = mask_confidences(&query(tiny_graph(), &["why", "IBM", "army"]));
    assert_eq!(
        out,
        "contract: IBM -> U.S. Army  (asserted, confidence 0.##, 1 statement, 2024-03-05)
  DOC           DATE        STATUS    CONF  RULE                   SENTENCE
  tiny.jsonl#2  2024-03-05  asserted  0.##  contract.award.direct  The U.S. Army awarded IBM a contract for cloud services.
"
    );
    // Asking the other way round gives the same relation, same direction.
    let rev = mask_confidences(&query(tiny_graph(), &["why", "U.S. Army", "ibm"]));
    assert_eq!(rev, out);
}

#[test]
fn entity_table_shows_kind_dates_and_relations() {
    let out = query(tiny_graph(), &["entity", "army"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "U.S. Army (agency, id army)");
    let field = |name: &str| {
        lines
            .iter()
            .find(|l| l.trim_start().starts_with(name))
            .map(|l| l.trim_start()[name.len()..].trim())
            .unwrap_or_else(|| panic!("no {name} line in:\n{out}"))
    };
    assert_eq!(field("mentions"), "2 in 2 documents");
    assert_eq!(field("first seen"), "2024-03-05");
    assert_eq!(field("last seen"), "2024-06-01");
    // One row per relation: kind, status, direction and the other entity,
    // kinds in canonical order.
    let rows: Vec<Vec<&str>> = lines
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|w| w.len() > 4 && matches!(w[2], "<-" | "->" | "--"))
        .collect();
    let got: Vec<(&str, &str, &str, &str)> =
        rows.iter().map(|w| (w[0], w[1], w[2], w[3])).collect();
    assert_eq!(
        got,
        [
            ("contract", "asserted", "<-", "IBM"),
            ("dispute", "asserted", "<-", "Leidos")
        ],
        "{out}"
    );
}

#[test]
fn entity_json_has_kind_aliases_and_relations() {
    // Names resolve case-insensitively, through the id, name or alias.
    for name in ["ARMY", "u.s. army", "army"] {
        let v = query_json(tiny_graph(), &["entity", name]);
        assert_eq!(v["id"], "army", "{name}");
        assert_eq!(v["name"], "U.S. Army");
        assert_eq!(v["kind"], "agency");
        assert!(v["aliases"].is_array());
        assert_eq!(
            v["documents"],
            serde_json::json!(["tiny.jsonl#2", "tiny.jsonl#3"])
        );
        let rels: Vec<(String, String, String)> = v["relations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["kind"].as_str().unwrap().to_string(),
                    r["direction"].as_str().unwrap().to_string(),
                    r["other"]["id"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(
            rels,
            [
                ("contract".into(), "in".into(), "ibm".into()),
                ("dispute".into(), "in".into(), "leidos".into())
            ]
        );
    }
}

#[test]
fn neighbors_filters_by_kind() {
    let all = query_json(tiny_graph(), &["neighbors", "IBM"]);
    let kinds: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["relation"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["contract", "acquisition"]);
    let only = query_json(tiny_graph(), &["neighbors", "IBM", "--kind", "acquisition"]);
    let only = only.as_array().unwrap();
    assert_eq!(only.len(), 1);
    assert_eq!(only[0]["id"], "red_hat");
    assert_eq!(only[0]["direction"], "out");
    let table = query(tiny_graph(), &["neighbors", "army", "--kind", "dispute"]);
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows.len(), 2, "header and one row: {table}");
    assert!(rows[0].starts_with("RELATION"), "{table}");
    assert!(
        rows[1].starts_with("dispute") && rows[1].contains("Leidos"),
        "{table}"
    );
    let none = query(
        tiny_graph(),
        &["neighbors", "Red Hat", "--kind", "contract"],
    );
    assert!(none.starts_with("no results"), "{none}");
}

#[test]
fn path_json_gives_the_hops_in_order() {
    let v = query_json(tiny_graph(), &["path", "leidos", "red hat"]);
    let hops: Vec<(&str, &str, &str)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["from"].as_str().unwrap(),
                h["kind"].as_str().unwrap(),
                h["to"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        hops,
        [
            ("leidos", "dispute", "army"),
            ("army", "contract", "ibm"),
            ("ibm", "acquisition", "red_hat")
        ]
    );
}

#[test]
fn why_json_carries_the_evidence() {
    let v = query_json(tiny_graph(), &["why", "army", "ibm"]);
    let edges = v.as_array().unwrap();
    assert_eq!(edges.len(), 1);
    let e = &edges[0];
    assert_eq!(
        (&e["kind"], &e["source"], &e["target"]),
        (
            &Value::from("contract"),
            &Value::from("ibm"),
            &Value::from("army")
        )
    );
    let ev = &e["evidence"][0];
    assert_eq!(ev["doc"], "tiny.jsonl#2");
    assert_eq!(ev["date"], "2024-03-05");
    assert_eq!(
        ev["text"],
        "The U.S. Army awarded IBM a contract for cloud services."
    );
    assert_eq!(ev["trigger"], "awarded");
}

/// Queries on the sample graph, output compared with
/// `tests/expected/sample_queries.txt`.
const SAMPLE_QUERIES: &[&[&str]] = &[
    &["entity", "Pentagon"],
    &["entity", "disa"],
    &["entity", "leidos", "--json"],
    &["neighbors", "Leidos"],
    &["neighbors", "Peraton", "--kind", "dispute"],
    &["neighbors", "Microsoft", "--kind", "dispute,partnership"],
    &["path", "Microsoft", "AWS"],
    &["path", "Anduril", "Mandiant"],
    &["path", "CACI", "Leidos"],
    &["why", "Kestrel Data Systems", "Peraton"],
    &["why", "European Commission", "Microsoft"],
];

#[test]
fn sample_graph_queries_match_the_expected_output() {
    let g = &sample_graph().path;
    let mut out = String::from(
        "# `newsgraph query GRAPH ...` on the sample graph (`newsgraph build`).\n\
         # Regenerate: NEWSGRAPH_BLESS=1 cargo test --release --test cli, then review the diff.\n",
    );
    for args in SAMPLE_QUERIES {
        let shown: Vec<String> = args
            .iter()
            .map(|a| {
                if a.contains(' ') {
                    format!("'{a}'")
                } else {
                    a.to_string()
                }
            })
            .collect();
        out.push_str(&format!(
            "\n$ newsgraph query graph.ngraph {}\n",
            shown.join(" ")
        ));
        let mut all: Vec<&OsStr> = vec![OsStr::new("query"), g.as_os_str()];
        all.extend(args.iter().map(OsStr::new));
        let o = run(all);
        assert_no_panic(&o);
        out.push_str(&String::from_utf8_lossy(&o.stdout));
        if !o.status.success() {
            out.push_str(&format!(
                "[exit {}] {}",
                o.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&o.stderr)
            ));
        }
    }
    check_expected("sample_queries.txt", &out);
}
