//! The bundled sample corpus: `build` summary, exact `extract` output and
//! the exact graph, against `tests/expected/`.

use crate::common::*;
use serde_json::Value;

/// The first number on the summary line that starts with `label`.
fn summary_number(summary: &str, label: &str) -> u64 {
    let line = summary_line(summary, label);
    line.split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count on summary line {line:?}"))
}

fn summary_line<'a>(summary: &'a str, label: &str) -> &'a str {
    summary
        .lines()
        .find(|l| l.split_whitespace().next() == Some(label))
        .unwrap_or_else(|| panic!("no '{label}' line in the build summary:\n{summary}"))
}

/// `(kind count, kind count, ...)` in parentheses on a summary line.
fn breakdown(line: &str) -> Vec<(String, u64)> {
    let open = line.find('(').expect("breakdown in parentheses");
    let close = line[open..].find(')').expect("closing parenthesis") + open;
    line[open + 1..close]
        .split(", ")
        .map(|part| {
            let (k, n) = part
                .rsplit_once(' ')
                .unwrap_or_else(|| panic!("'kind count' expected, got {part:?} in {line:?}"));
            (
                k.to_string(),
                n.parse()
                    .unwrap_or_else(|_| panic!("count expected in {part:?}")),
            )
        })
        .collect()
}

#[test]
fn build_without_inputs_builds_the_sample_corpus_and_prints_the_summary() {
    let built = sample_graph();
    let s = &built.stderr;
    assert!(
        s.lines()
            .any(|l| l.starts_with("built ") && l.contains("sample.ngraph")),
        "summary names the output file:\n{s}"
    );
    let json = export_json(&built.path);
    let corpus_docs = json["graph"]["document_count"].as_u64().unwrap();

    // documents: the count, with files and skipped files and records.
    assert_eq!(summary_number(s, "documents"), corpus_docs);
    assert!(
        corpus_docs >= 12,
        "the sample corpus has at least 12 articles"
    );
    let docs = summary_line(s, "documents");
    for part in ["files", "0 skipped files", "0 skipped records"] {
        assert!(docs.contains(part), "{docs:?} lacks {part:?}");
    }
    assert!(summary_number(s, "sentences") > corpus_docs);

    // entities and relations, in total and by kind, agree with the graph.
    let nodes = json["nodes"].as_array().unwrap();
    let links = json["links"].as_array().unwrap();
    assert_eq!(summary_number(s, "entities"), nodes.len() as u64);
    assert_eq!(summary_number(s, "relations"), links.len() as u64);
    let by_kind =
        |items: &[Value], kind: &str| items.iter().filter(|x| x["kind"] == kind).count() as u64;
    let ents = breakdown(summary_line(s, "entities"));
    let names: Vec<&str> = ents.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["firm", "cloud", "agency"]);
    for (k, n) in &ents {
        assert_eq!(*n, by_kind(nodes, k), "entities of kind {k}");
        assert!(*n > 0, "the sample corpus has every entity kind ({k})");
    }
    let rels = breakdown(summary_line(s, "relations"));
    let names: Vec<&str> = rels.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "contract",
            "partnership",
            "dispute",
            "acquisition",
            "investment",
            "part_of"
        ]
    );
    for (k, n) in &rels {
        assert_eq!(*n, by_kind(links, k), "relations of kind {k}");
        assert!(*n > 0, "the sample corpus has every relation kind ({k})");
    }

    // time: seconds and throughput.
    let time = summary_line(s, "time");
    let secs = time.split_whitespace().nth(1).unwrap();
    assert!(
        secs.strip_suffix('s')
            .is_some_and(|n| n.parse::<f64>().is_ok()),
        "seconds on {time:?}"
    );
    assert!(time.contains("MB/s"), "throughput on {time:?}");
}

/// One line per entity and per relation per document, sorted:
/// `DOC  entity    ID | KIND | NAME` and
/// `DOC  relation  KIND SOURCE -> TARGET | STATUS` (`--` for partnerships).
fn render_extract(jsonl: &str) -> String {
    let mut lines = Vec::new();
    let mut docs = Vec::new();
    for line in jsonl.lines() {
        let rec: Value = serde_json::from_str(line).expect("one JSON record per line");
        let doc = rec["doc"].as_str().expect("doc");
        docs.push(doc.to_string());
        for e in rec["entities"].as_array().expect("entities") {
            lines.push(format!(
                "{doc}  entity    {} | {} | {}",
                e["id"].as_str().unwrap(),
                e["kind"].as_str().unwrap(),
                e["name"].as_str().unwrap()
            ));
        }
        for r in rec["relations"].as_array().expect("relations") {
            let kind = r["kind"].as_str().unwrap();
            lines.push(format!(
                "{doc}  relation  {kind} {} {} {} | {}",
                r["source"].as_str().unwrap(),
                if kind == "partnership" { "--" } else { "->" },
                r["target"].as_str().unwrap(),
                r["status"].as_str().unwrap()
            ));
        }
        if rec["entities"].as_array().is_some_and(|a| a.is_empty()) {
            lines.push(format!("{doc}  (no entities)"));
        }
    }
    let mut sorted = docs.clone();
    sorted.sort();
    assert_eq!(docs, sorted, "extract output is ordered by document id");
    lines.sort();
    let mut out = String::from(
        "# `newsgraph extract data/corpus`, one line per entity and relation per document:\n\
         #   DOC  entity    ID | KIND | NAME\n\
         #   DOC  relation  KIND SOURCE -> TARGET | STATUS   (-- for partnership)\n\
         # Regenerate: NEWSGRAPH_BLESS=1 cargo test --release --test cli, then review the diff.\n",
    );
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

#[test]
fn extract_sample_corpus_gives_the_expected_entities_and_relations() {
    let out = text(ok(["extract", "data/corpus"]));
    check_expected("sample_extract.txt", &render_extract(&out));
}

#[test]
fn extract_records_follow_the_guidelines_format() {
    let out = text(ok(["extract", "data/corpus"]));
    for line in out.lines() {
        let rec: Value = serde_json::from_str(line).unwrap();
        let doc = rec["doc"].as_str().unwrap();
        assert!(doc.starts_with("data/corpus/"), "doc id is the path: {doc}");
        for e in rec["entities"].as_array().unwrap() {
            assert!(e["id"].is_string() && e["name"].is_string(), "{e}");
            assert!(
                matches!(e["kind"].as_str(), Some("firm" | "cloud" | "agency")),
                "{e}"
            );
            assert!(
                e["aliases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(Value::is_string)
            );
        }
        let ids: Vec<&str> = rec["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap())
            .collect();
        for r in rec["relations"].as_array().unwrap() {
            for end in ["source", "target"] {
                let id = r[end].as_str().unwrap();
                assert!(ids.contains(&id), "{doc}: relation {end} {id} is an entity");
            }
            assert!(r["negated"].is_boolean() && r["confidence"].is_number());
            let ev = r["evidence"].as_array().unwrap();
            assert!(!ev.is_empty(), "{doc}: every relation has evidence");
            for e in ev {
                assert_eq!(e["doc"], rec["doc"]);
                let (start, end) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
                assert!(start < end, "{e}");
                assert!(!e["text"].as_str().unwrap().is_empty());
                assert!(!e["rule"].as_str().unwrap().is_empty());
                assert!(!e["trigger"].as_str().unwrap().is_empty());
            }
        }
    }
}

/// The sample corpus states relations it denies ("never acquired", "did
/// not take part in the deal", "did not win a place on the contract");
/// extraction keeps them marked `negated: true`.
#[test]
#[ignore = "extraction weakness: no relation of the sample corpus comes out negated \
            (Booz Allen 'never acquired the company', Pallas 'did not take part in the deal')"]
fn extract_marks_the_negated_relations_of_the_sample_corpus() {
    let out = text(ok(["extract", "data/corpus"]));
    let negated: Vec<String> = out
        .lines()
        .flat_map(|line| {
            let rec: Value = serde_json::from_str(line).unwrap();
            rec["relations"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| r["negated"] == true)
                .map(|r| format!("{} {} {}", r["kind"], r["source"], r["target"]))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        negated
            .iter()
            .any(|r| r.starts_with("\"acquisition\" \"booz_allen\"")),
        "Booz Allen 'never acquired' Halvorsen: negated acquisition; got {negated:?}"
    );
}

/// Nodes (`node ID | KIND | NAME | aliases: A; B`, no aliases part when
/// there are none) then edges
/// (`edge KIND SOURCE -> TARGET | STATUS | count N`), each sorted.
pub fn render_graph(json: &Value) -> String {
    let mut nodes = Vec::new();
    for n in json["nodes"].as_array().expect("nodes") {
        let aliases: Vec<&str> = n["aliases"]
            .as_array()
            .expect("aliases")
            .iter()
            .map(|a| a["name"].as_str().or(a.as_str()).expect("alias name"))
            .collect();
        let mut line = format!(
            "node  {} | {} | {}",
            n["id"].as_str().unwrap(),
            n["kind"].as_str().unwrap(),
            n["name"].as_str().unwrap(),
        );
        if !aliases.is_empty() {
            line.push_str(&format!(" | aliases: {}", aliases.join("; ")));
        }
        nodes.push(line);
    }
    let mut edges = Vec::new();
    for e in json["links"].as_array().expect("links") {
        let kind = e["kind"].as_str().unwrap();
        edges.push(format!(
            "edge  {kind} {} {} {} | {} | count {}",
            e["source"].as_str().unwrap(),
            if kind == "partnership" { "--" } else { "->" },
            e["target"].as_str().unwrap(),
            e["status"].as_str().unwrap(),
            e["evidence_count"].as_u64().unwrap()
        ));
    }
    nodes.sort();
    edges.sort();
    let mut out = String::from(
        "# The graph of `newsgraph build` (sample corpus), from `export --format json`:\n\
         #   node  ID | KIND | NAME [| aliases: A; B]\n\
         #   edge  KIND SOURCE -> TARGET | STATUS | count N   (-- for partnership)\n\
         # Regenerate: NEWSGRAPH_BLESS=1 cargo test --release --test cli, then review the diff.\n",
    );
    for l in nodes.iter().chain(&edges) {
        out.push_str(l);
        out.push('\n');
    }
    out
}

#[test]
fn sample_graph_has_the_expected_nodes_and_edges() {
    let json = export_json(&sample_graph().path);
    check_expected("sample_graph.txt", &render_graph(&json));
}

#[test]
fn sample_graph_json_is_consistent() {
    let json = export_json(&sample_graph().path);
    let nodes = json["nodes"].as_array().unwrap();
    let links = json["links"].as_array().unwrap();
    assert_eq!(json["graph"]["node_count"], nodes.len());
    assert_eq!(json["graph"]["edge_count"], links.len());
    let ids: std::collections::BTreeSet<&str> =
        nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), nodes.len(), "node ids are unique");
    let mut keys = std::collections::BTreeSet::new();
    for e in links {
        let (s, t) = (e["source"].as_str().unwrap(), e["target"].as_str().unwrap());
        assert!(ids.contains(s) && ids.contains(t), "{s} -> {t} joins nodes");
        assert_ne!(s, t, "no self loops");
        let kind = e["kind"].as_str().unwrap();
        assert!(
            keys.insert((kind, s, t)),
            "one edge per kind and pair: {kind} {s} {t}"
        );
        if kind == "partnership" {
            assert!(s < t, "partnership stored in canonical order: {s} -- {t}");
        }
        let ev = e["evidence"].as_array().unwrap();
        assert_eq!(e["evidence_count"], ev.len());
        let order: Vec<(String, u64)> = ev
            .iter()
            .map(|x| {
                (
                    x["doc"].as_str().unwrap().to_string(),
                    x["sentence"].as_u64().unwrap(),
                )
            })
            .collect();
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(order, sorted, "evidence ordered by document and sentence");
        let c = e["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c));
    }
}
