use crate::fixtures::*;
use newsgraph_export::Format;
use std::process::Command;

/// Load both files with NetworkX and print node and edge counts and a few
/// attributes, one per line.
const SCRIPT: &str = r#"
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
print(type(g).__name__, g.number_of_nodes(), g.number_of_edges())
with open(sys.argv[2], encoding="utf-8") as f:
    data = json.load(f)
try:
    h = nx.node_link_graph(data, edges="links")
except TypeError:
    h = nx.node_link_graph(data)
print(type(h).__name__, h.number_of_nodes(), h.number_of_edges())
if g.number_of_edges():
    e = [d for _, _, d in g.edges(data=True) if d["kind"] == "contract"][0]
    print(repr(e["confidence"]), repr(e["evidence_count"]), repr(e["symmetric"]))
    n = [d for _, d in g.nodes(data=True) if d["canonical_id"] == "aws"][0]
    print(repr(n["mentions"]), repr(n["name"]))
    print(repr(h.nodes["aws"]["name"]), len(h["aws"]["dod"]), sorted(h["aws"]["dod"]))
"#;

fn networkx_available() -> bool {
    Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn networkx_reads_graphml_and_node_link_json() {
    if !networkx_available() {
        println!("SKIP: python3 with networkx not available");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, graph) in all_graphs() {
        let graphml = temp_file(
            dir.path(),
            &format!("{name}.graphml"),
            &render(&graph, Format::Graphml),
        );
        let json = temp_file(
            dir.path(),
            &format!("{name}.json"),
            &render(&graph, Format::Json),
        );
        let out = Command::new("python3")
            .args(["-W", "error", "-c", SCRIPT])
            .arg(&graphml)
            .arg(&json)
            .output()
            .expect("run python3");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{name}: {}\n{stdout}",
            String::from_utf8_lossy(&out.stderr)
        );
        let lines: Vec<&str> = stdout.lines().collect();
        let (n, e) = (graph.node_count(), graph.edge_count());
        // Parallel edges (two kinds between aws and dod) make read_graphml
        // return a MultiDiGraph; without them it is a DiGraph.
        let kind = if name == "nasty" {
            "MultiDiGraph"
        } else {
            "DiGraph"
        };
        assert_eq!(lines[0], format!("{kind} {n} {e}"), "{name}");
        assert_eq!(lines[1], format!("MultiDiGraph {n} {e}"), "{name}");
        if name == "nasty" {
            assert_eq!(lines[2], "0.95 2 False");
            assert_eq!(lines[3], "12 'Amazon Web Services'");
            assert_eq!(lines[4], "'Amazon Web Services' 2 ['contract', 'dispute']");
        }
    }
}
