use crate::fixtures::*;
use newsgraph_export::{DotOptions, Format, Layout, export_dot};
use std::io::Write;
use std::process::{Command, Stdio};

/// Run `dot` with `args` on `input`; return (success, stdout, stderr).
fn run_dot(args: &[&str], input: &str) -> (bool, String, String) {
    let mut child = Command::new("dot")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start dot");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("feed dot");
    let out = child.wait_with_output().expect("run dot");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A strict lexical check: every quoted string closes on its line, braces
/// and brackets nest, and nothing but known tokens appears.
fn lex_check(dot: &str) {
    let mut depth: Vec<char> = Vec::new();
    for (n, line) in dot.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => loop {
                    match chars.next() {
                        Some('\\') => {
                            let next = chars.next();
                            assert!(
                                matches!(next, Some('"' | '\\' | 'n')),
                                "line {}: bad escape {next:?}: {line}",
                                n + 1
                            );
                        }
                        Some('"') => break,
                        Some(c) => assert!(!c.is_control(), "line {}: control char", n + 1),
                        None => panic!("line {}: unterminated string: {line}", n + 1),
                    }
                },
                '{' | '[' => depth.push(c),
                '}' => assert_eq!(depth.pop(), Some('{'), "line {}", n + 1),
                ']' => assert_eq!(depth.pop(), Some('['), "line {}", n + 1),
                c if c.is_ascii_alphanumeric() || " \t=,;.-_>#".contains(c) => {}
                c => panic!("line {}: unexpected {c:?} outside a string: {line}", n + 1),
            }
        }
    }
    assert!(depth.is_empty(), "unbalanced braces");
}

#[test]
fn golden_lines() {
    let dot = render(&nasty_graph(), Format::Dot);
    lex_check(&dot);
    assert!(dot.starts_with(
        "// newsgraph: 5 organisations, 6 relations, 2 documents\ndigraph newsgraph {\n"
    ));
    assert!(dot.ends_with("  }\n}\n"));
    for line in [
        "  graph [rankdir=LR, overlap=false, splines=true,",
        "  \"aws\" [label=\"Amazon Web Services\", shape=ellipse, style=filled, fillcolor=\"#fdae6b\", tooltip=\"aws (cloud), 12 mentions\\naliases: AWS; Amazon's cloud\"];",
        "  \"amazon\" [label=\"Amazon.com, Inc.\", shape=box, style=\"rounded,filled\", fillcolor=\"#9ecae1\"",
        "  \"dod\" [label=\"Department of Defense\", shape=house, style=filled, fillcolor=\"#a1d99b\"",
        "  \"org:société générale/paris\" [label=\"Société Générale \\\"SG\\\" <&> \\\\ back\\nslash\",",
        "  \"aws\" -> \"dod\" [label=\"contract (2)\", color=\"#1f77b4\", fontcolor=\"#1f77b4\", penwidth=2.90, tooltip=\"contract, asserted, confidence 0.9500, 2 statements\\ndoc-1: The Pentagon said \\\"AWS\\\" won a $10bn <cloud> & data deal.\\nIt's a C:\\\\path\\\\ win!\"];",
        "  \"aws\" -> \"dod\" [label=\"dispute\", color=\"#d62728\", fontcolor=\"#d62728\", penwidth=1.00, style=dashed,",
        "  \"amazon\" -> \"org:société générale/paris\" [label=\"partnership\", color=\"#2ca02c\", fontcolor=\"#2ca02c\", penwidth=1.80, style=dotted, dir=none,",
        "  subgraph cluster_legend {",
        "    \"__legend:entity:agency\" [label=\"agency\", shape=house, style=filled, fillcolor=\"#a1d99b\"];",
        "    \"__legend:relation:part_of:from\" -> \"__legend:relation:part_of:to\" [label=\"part_of\", color=\"#7f7f7f\", fontcolor=\"#7f7f7f\"];",
        "    \"__legend:status:negated:from\" -> \"__legend:status:negated:to\" [label=\"denied\", style=dashed];",
        "    \"__legend:status:hedged:from\" -> \"__legend:status:hedged:to\" [label=\"hedged\", style=dotted];",
    ] {
        assert!(dot.contains(line), "missing: {line}\n{dot}");
    }
    // The edge without statements has no count and no sentence.
    assert!(dot.contains("[label=\"investment\", color=\"#e6550d\", fontcolor=\"#e6550d\", penwidth=1.00, tooltip=\"investment, asserted, confidence 0.0000, 0 statements\"];"));
}

#[test]
fn empty_and_edgeless_graphs() {
    let dot = render(&empty_graph(), Format::Dot);
    lex_check(&dot);
    assert!(!dot.contains("cluster_legend"));
    assert!(dot.ends_with("];\n}\n"));
    let dot = render(&edgeless_graph(), Format::Dot);
    lex_check(&dot);
    assert!(dot.contains("\"__legend:entity:firm\""));
    assert!(!dot.contains("->"));
}

#[test]
fn legend_ids_never_clash_with_node_ids() {
    let graph = newsgraph_graph::KnowledgeGraph::from_parts(
        vec![node(
            "__legend:entity:firm",
            "Sneaky",
            newsgraph_extract::EntityKind::Firm,
        )],
        vec![],
        vec![],
    );
    let dot = render(&graph, Format::Dot);
    assert!(dot.contains("\"__legend_:entity:firm\" [label=\"firm\""));
}

#[test]
fn graphviz_accepts_the_output_without_warnings() {
    if !have("dot", "-V") {
        println!("SKIP: graphviz `dot` not installed");
        return;
    }
    for (name, graph) in all_graphs() {
        let text = render(&graph, Format::Dot);
        let (ok, svg, stderr) = run_dot(&["-Tsvg"], &text);
        assert!(ok, "{name}: dot failed: {stderr}");
        assert!(stderr.is_empty(), "{name}: dot warned: {stderr}");
        assert!(svg.contains("<svg"), "{name}");

        // Read the graph back through Graphviz's own parser.
        let (ok, json, stderr) = run_dot(&["-Tjson0"], &text);
        assert!(ok && stderr.is_empty(), "{name}: {stderr}");
        let v: serde_json::Value = serde_json::from_str(&json).expect("dot -Tjson0 output");
        let subgraphs = v["_subgraph_cnt"].as_u64().unwrap_or(0) as usize;
        let objects = v["objects"].as_array().cloned().unwrap_or_default();
        let nodes: Vec<&serde_json::Value> = objects[subgraphs..].iter().collect();
        let real: Vec<&str> = nodes
            .iter()
            .filter_map(|n| n["name"].as_str())
            .filter(|n| !n.starts_with("__legend"))
            .collect();
        let expected: Vec<&str> = graph.nodes().map(|n| n.id.as_str()).collect();
        assert_eq!(real, expected, "{name}");
        let edges = v["edges"].as_array().map_or(0, Vec::len);
        let legend_edges = text
            .lines()
            .filter(|l| l.starts_with("    \"__legend") && l.contains("->"))
            .count();
        assert_eq!(edges, graph.edge_count() + legend_edges, "{name}");
        if name == "nasty" {
            let sg = nodes
                .iter()
                .find(|n| n["name"] == SG_ID)
                .expect("the node with spaces and slashes");
            // Graphviz keeps label escapes (\\, \n) for rendering.
            assert_eq!(sg["label"], "Société Générale \"SG\" <&> \\\\ back\\nslash");
        }
    }
}

fn render_with(graph: &newsgraph_graph::KnowledgeGraph, options: &DotOptions) -> String {
    let mut out = Vec::new();
    export_dot(graph, options, &mut out).expect("export");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn layout_options_for_large_graphs() {
    let graph = nasty_graph();
    assert_eq!(
        render_with(&graph, &DotOptions::default()),
        render(&graph, Format::Dot)
    );
    let sfdp = DotOptions {
        layout: Layout::Sfdp,
        cluster_by_kind: true,
        edge_labels: false,
        legend: true,
    };
    let text = render_with(&graph, &sfdp);
    // The HTML-like legend label is checked by Graphviz below, not by the
    // lexical check.
    let plain: Vec<&str> = text
        .lines()
        .filter(|l| !l.contains("label=<<TABLE"))
        .collect();
    lex_check(&plain.join("\n"));
    assert!(text.contains("  graph [layout=sfdp, overlap=prism, overlap_scaling=2, sep=\"+6\", splines=false, outputorder=edgesfirst,"));
    // sfdp draws no clusters: the legend is the graph label, and the edges
    // go unlabelled.
    assert!(!text.contains("subgraph"));
    assert!(text.contains("  graph [labelloc=b, labeljust=l, fontsize=10, label=<<TABLE BORDER=\"0\" CELLSPACING=\"4\"><TR><TD BGCOLOR=\"#9ecae1\" BORDER=\"1\">firm</TD>"), "{text}");
    assert!(text.contains("<TD>- - denied</TD><TD>&#183;&#183;&#183; hedged</TD></TR></TABLE>>];"));
    assert!(!text.contains("label=\"contract"));
    assert!(text.contains("  \"aws\" -> \"dod\" [color=\"#1f77b4\""));

    let clustered = DotOptions {
        cluster_by_kind: true,
        ..DotOptions::default()
    };
    let text = render_with(&graph, &clustered);
    lex_check(&text);
    for line in [
        "  subgraph \"cluster_kind_firm\" {\n    graph [label=\"firm\", style=\"rounded\", color=\"#bbbbbb\", fontsize=12];\n    \"amazon\" [label=",
        "  subgraph \"cluster_kind_cloud\" {\n    graph [label=\"cloud\", style=\"rounded\", color=\"#bbbbbb\", fontsize=12];\n    \"aws\" [label=",
        "  subgraph \"cluster_kind_agency\" {",
    ] {
        assert!(text.contains(line), "missing: {line}\n{text}");
    }
    assert_eq!(DotOptions::for_size(60, 120), DotOptions::default());
    assert_eq!(DotOptions::for_size(61, 121).layout, Layout::Sfdp);
    assert!(!DotOptions::for_size(61, 121).edge_labels);
}

#[test]
fn graphviz_lays_out_every_engine_and_cluster() {
    if !have("dot", "-V") {
        println!("SKIP: graphviz `dot` not installed");
        return;
    }
    let graph = nasty_graph();
    for layout in Layout::ALL {
        for cluster_by_kind in [false, true] {
            let options = DotOptions {
                layout,
                cluster_by_kind,
                ..DotOptions::default()
            };
            let text = render_with(&graph, &options);
            // No -K: the engine comes from the layout attribute.
            let (ok, svg, stderr) = run_dot(&["-Tsvg"], &text);
            assert!(ok, "{layout:?}: {stderr}");
            assert!(stderr.is_empty(), "{layout:?} {cluster_by_kind}: {stderr}");
            assert!(svg.contains("<svg"));
            if cluster_by_kind && layout.draws_clusters() {
                assert!(svg.contains("cluster_kind_agency"), "{layout:?}");
            }
        }
    }
}
