use crate::fixtures::*;
use newsgraph_export::Format;
use serde_json::Value;

fn parsed(graph: &newsgraph_graph::KnowledgeGraph) -> Value {
    serde_json::from_str(&render(graph, Format::Json)).expect("valid JSON")
}

#[test]
fn node_link_structure() {
    for (name, graph) in all_graphs() {
        let v = parsed(&graph);
        assert_eq!(v["directed"], true, "{name}");
        assert_eq!(v["multigraph"], true, "{name}");
        assert_eq!(
            v["graph"]["document_count"],
            graph.documents().len(),
            "{name}"
        );
        let nodes = v["nodes"].as_array().expect("nodes");
        let links = v["links"].as_array().expect("links");
        assert_eq!(nodes.len(), graph.node_count(), "{name}");
        assert_eq!(links.len(), graph.edge_count(), "{name}");
        let ids: Vec<&str> = nodes
            .iter()
            .map(|n| n["id"].as_str().expect("id"))
            .collect();
        for link in links {
            assert!(ids.contains(&link["source"].as_str().expect("source")));
            assert!(ids.contains(&link["target"].as_str().expect("target")));
        }
        // (source, target, key) identifies a link, as a multigraph needs.
        let mut keys: Vec<(String, String, String)> = links
            .iter()
            .map(|l| {
                (
                    l["source"].to_string(),
                    l["target"].to_string(),
                    l["key"].to_string(),
                )
            })
            .collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), links.len(), "{name}");
    }
}

#[test]
fn every_value_round_trips() {
    let graph = nasty_graph();
    let v = parsed(&graph);
    let nodes = v["nodes"].as_array().expect("nodes");
    for (json, node) in nodes.iter().zip(graph.nodes()) {
        assert_eq!(json["id"], node.id.as_str());
        assert_eq!(json["name"], node.name.as_str());
        assert_eq!(json["kind"], node.kind.as_str());
        assert_eq!(json["mentions"], node.mentions);
        let aliases = json["aliases"].as_array().expect("aliases");
        assert_eq!(aliases.len(), node.aliases.len());
        for (a, b) in aliases.iter().zip(&node.aliases) {
            assert_eq!(a["name"], b.name.as_str());
            assert_eq!(a["origin"], b.origin.as_str());
        }
        assert_eq!(json["ticker"].as_str(), node.ticker.as_deref());
        assert_eq!(json["first_seen"].as_str(), node.first_seen.as_deref());
        assert_eq!(json["last_seen"].as_str(), node.last_seen.as_deref());
        assert_eq!(json["parent"].as_str(), node.parent.as_deref());
    }
    let sg = nodes.iter().find(|n| n["id"] == SG_ID).expect("sg");
    assert_eq!(sg["name"], SG_NAME, "control characters survive in JSON");
    // Index 5 points past the documents and is skipped.
    assert_eq!(sg["documents"], serde_json::json!(["doc/2 ü"]));
    assert_eq!(
        nodes.iter().find(|n| n["id"] == "aws").expect("aws")["documents"],
        serde_json::json!(["doc-1", "doc/2 ü"])
    );

    let links = v["links"].as_array().expect("links");
    for (json, edge) in links.iter().zip(graph.edges()) {
        assert_eq!(json["source"], edge.source.as_str());
        assert_eq!(json["target"], edge.target.as_str());
        assert_eq!(json["key"], edge.kind.as_str());
        assert_eq!(json["status"], edge.status.as_str());
        assert_eq!(json["evidence_count"], edge.count);
        assert_eq!(json["symmetric"], edge.kind.is_symmetric());
        let evidence = json["evidence"].as_array().expect("evidence");
        assert_eq!(evidence.len(), edge.evidence.len());
        for (a, b) in evidence.iter().zip(&edge.evidence) {
            assert_eq!(a["doc"], b.doc.as_str());
            assert_eq!(a["text"], b.text.as_str());
            assert_eq!(a["date"].as_str(), b.date.as_deref());
            assert_eq!(a["sentence"], b.sentence);
            assert_eq!(a["start"], b.start);
            assert_eq!(a["end"], b.end);
            assert_eq!(a["rule"], b.rule.as_str());
            assert_eq!(a["trigger"], b.trigger.as_str());
            assert_eq!(a["status"], b.status.as_str());
        }
    }
    let contract = links
        .iter()
        .find(|l| l["key"] == "contract")
        .expect("contract");
    assert_eq!(contract["confidence"], 0.95);
    assert_eq!(contract["evidence"][0]["text"], NASTY_SENTENCE);
    assert_eq!(contract["evidence"][1]["confidence"], 0.5);
    let investment = links
        .iter()
        .find(|l| l["key"] == "investment")
        .expect("investment");
    assert_eq!(investment["confidence"], 0.0, "NaN becomes 0");
    assert_eq!(investment["first_seen"], Value::Null);

    let docs = v["graph"]["documents"].as_array().expect("documents");
    assert_eq!(docs[0]["title"], "AWS wins \"JEDI\" <again>");
    assert_eq!(docs[1]["url"], Value::Null);
}

#[test]
fn golden_field_order() {
    let text = render(&edgeless_graph(), Format::Json);
    let expected = r#"{
  "directed": true,
  "multigraph": true,
  "graph": {
    "name": "newsgraph",
    "node_count": 2,
    "edge_count": 0,
    "document_count": 0,
    "documents": []
  },
  "nodes": [
    {
      "id": "a",
      "name": "Alpha",
      "kind": "firm",
      "aliases": [],
      "mentions": 1,
      "documents": [],
      "first_seen": null,
      "last_seen": null,
      "ticker": null,
      "parent": null
    },"#;
    assert!(text.starts_with(expected), "{text}");
    assert!(text.ends_with("  \"links\": []\n}\n"));

    let text = render(&nasty_graph(), Format::Json);
    assert!(text.contains(
        r#"      "source": "aws",
      "target": "dod",
      "key": "contract",
      "kind": "contract",
      "status": "asserted",
      "symmetric": false,
      "confidence": 0.95,
      "evidence_count": 2,
      "first_seen": "2024-01-15",
      "last_seen": "2024-03-02",
      "evidence": [
        {
          "doc": "doc-1",
          "date": "2024-01-15",
          "sentence": 3,"#
    ));
    assert!(text.contains(r#""name": "Société Générale \"SG\" <&> \\ back\nslash\u0001","#));
}
