use crate::fixtures::*;
use crate::xmltree::{Element, parse};
use newsgraph_export::Format;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// The `<data>` values of an element, by attr.name.
fn data_by_name(
    el: &Element,
    keys: &BTreeMap<String, (String, String)>,
) -> BTreeMap<String, String> {
    el.all("data")
        .map(|d| {
            let key = d.attr("key").expect("data key");
            (keys[key].0.clone(), d.text.clone())
        })
        .collect()
}

/// Parse, check the key declarations and references, and return
/// (root, keys by id -> (attr.name, for)).
fn checked(xml: &str) -> (Element, BTreeMap<String, (String, String)>) {
    let root = parse(xml);
    assert_eq!(root.name, "graphml");
    assert_eq!(
        root.attr("xmlns"),
        Some("http://graphml.graphdrawing.org/xmlns")
    );

    let mut keys = BTreeMap::new();
    let mut names = BTreeSet::new();
    for key in root.all("key") {
        let id = key.attr("id").expect("key id").to_string();
        let domain = key.attr("for").expect("key for").to_string();
        let name = key.attr("attr.name").expect("attr.name").to_string();
        let ty = key.attr("attr.type").expect("attr.type");
        assert!(
            ["boolean", "int", "long", "float", "double", "string"].contains(&ty),
            "{ty}"
        );
        assert!(
            !name.is_empty() && !name.contains(char::is_whitespace),
            "{name}"
        );
        assert!(
            names.insert((domain.clone(), name.clone())),
            "duplicate attr.name {name}"
        );
        assert!(
            keys.insert(id, (name, domain)).is_none(),
            "duplicate key id"
        );
    }

    let graph = root.one("graph");
    assert_eq!(graph.attr("id"), Some("G"));
    assert_eq!(graph.attr("edgedefault"), Some("directed"));
    let check_data = |el: &Element, domain: &str| {
        for d in el.all("data") {
            let key = d.attr("key").expect("data key");
            let (_, for_) = keys
                .get(key)
                .unwrap_or_else(|| panic!("<data key=\"{key}\"> has no <key>"));
            assert!(
                for_ == domain || for_ == "all",
                "key {key} is for {for_}, used on {domain}"
            );
        }
    };
    check_data(graph, "graph");
    let mut node_ids = BTreeSet::new();
    for node in graph.all("node") {
        check_data(node, "node");
        assert!(
            node_ids.insert(node.attr("id").expect("node id").to_string()),
            "duplicate node id"
        );
    }
    let mut edge_ids = BTreeSet::new();
    for edge in graph.all("edge") {
        check_data(edge, "edge");
        assert!(
            edge_ids.insert(edge.attr("id").expect("edge id").to_string()),
            "duplicate edge id"
        );
        assert!(node_ids.contains(edge.attr("source").expect("source")));
        assert!(node_ids.contains(edge.attr("target").expect("target")));
        assert_eq!(
            edge.attr("directed"),
            None,
            "every edge follows edgedefault"
        );
    }
    for id in node_ids.iter().chain(edge_ids.iter()) {
        let nmtoken = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'));
        assert!(nmtoken, "{id} is not an NMTOKEN");
    }
    (root, keys)
}

#[test]
fn keys_and_references_are_consistent() {
    for (name, graph) in all_graphs() {
        let xml = render(&graph, Format::Graphml);
        assert!(
            xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            "{name}"
        );
        let (root, _) = checked(&xml);
        let g = root.one("graph");
        assert_eq!(g.all("node").count(), graph.node_count(), "{name}");
        assert_eq!(g.all("edge").count(), graph.edge_count(), "{name}");
    }
}

#[test]
fn values_survive_a_round_trip() {
    let graph = nasty_graph();
    let xml = render(&graph, Format::Graphml);
    let (root, keys) = checked(&xml);
    let g = root.one("graph");

    let nodes: BTreeMap<String, BTreeMap<String, String>> = g
        .all("node")
        .map(|n| {
            let data = data_by_name(n, &keys);
            (data["canonical_id"].clone(), data)
        })
        .collect();
    let ids: Vec<&str> = graph.nodes().map(|n| n.id.as_str()).collect();
    assert_eq!(nodes.keys().map(String::as_str).collect::<Vec<_>>(), ids);

    let sg = &nodes[SG_ID];
    assert_eq!(sg["name"], xml_clean(SG_NAME));
    assert_eq!(sg["label"], xml_clean(SG_NAME));
    assert_eq!(sg["kind"], "firm");
    assert_eq!(sg["aliases"], "SocGen \"the bank\"");
    assert_eq!(sg["documents"], "2");
    assert_eq!(sg["first_seen"], "2024-02-30");
    assert!(!sg.contains_key("last_seen"));
    assert!(!sg.contains_key("ticker"));

    let aws = &nodes["aws"];
    assert_eq!(aws["aliases"], "AWS; Amazon's cloud");
    assert_eq!(aws["mentions"], "12");
    assert_eq!(aws["parent"], "amazon");
    assert_eq!(nodes["amazon"]["ticker"], "AMZN");

    // Node ids: readable when already NMTOKENs, encoded otherwise.
    let node_ids: Vec<&str> = g.all("node").map(|n| n.attr("id").expect("id")).collect();
    assert!(node_ids.contains(&"aws"));
    assert!(node_ids.contains(&"org:société_x0020_générale_x002F_paris"));
    assert!(node_ids.contains(&"org:o_x0027_neil_x0020__x0026__x0020_sons"));

    let edges: Vec<BTreeMap<String, String>> =
        g.all("edge").map(|e| data_by_name(e, &keys)).collect();
    let contract = edges
        .iter()
        .find(|e| e["kind"] == "contract")
        .expect("contract");
    assert_eq!(contract["kind"], "contract");
    assert_eq!(contract["status"], "asserted");
    assert_eq!(contract["evidence_count"], "2");
    assert_eq!(contract["confidence"], "0.9500");
    assert_eq!(contract["symmetric"], "false");
    assert_eq!(contract["first_seen"], "2024-01-15");
    assert_eq!(contract["last_seen"], "2024-03-02");
    // The best evidence keeps its CR, quotes and backslashes; the control
    // characters XML cannot carry are gone.
    assert_eq!(contract["evidence"], xml_clean(NASTY_SENTENCE));
    assert!(contract["evidence"].contains("\r\n"));
    assert_eq!(contract["evidence_doc"], "doc-1");
    let dispute = edges
        .iter()
        .find(|e| e["kind"] == "dispute")
        .expect("dispute");
    assert_eq!(dispute["kind"], "dispute");
    assert_eq!(dispute["status"], "negated");
    let partnership = edges
        .iter()
        .find(|e| e["kind"] == "partnership")
        .expect("partnership");
    assert_eq!(partnership["symmetric"], "true");
    let investment = edges
        .iter()
        .find(|e| e["kind"] == "investment")
        .expect("investment");
    assert_eq!(investment["confidence"], "0.0000");
    assert!(!investment.contains_key("evidence"));
}

#[test]
fn golden_lines() {
    let xml = render(&nasty_graph(), Format::Graphml);
    for line in [
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"",
        "  <key id=\"n_mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"long\"/>",
        "  <key id=\"e_confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>",
        "  <key id=\"e_symmetric\" for=\"edge\" attr.name=\"symmetric\" attr.type=\"boolean\"/>",
        "  <graph id=\"G\" edgedefault=\"directed\">",
        "    <edge id=\"e2\" source=\"aws\" target=\"dod\">",
        "    <edge id=\"e3\" source=\"aws\" target=\"dod\">",
        "      <data key=\"n_name\">Société Générale \"SG\" &lt;&amp;&gt; \\ back\nslash</data>",
        "      <data key=\"e_evidence\">The Pentagon said \"AWS\" won a $10bn &lt;cloud&gt; &amp; data deal.&#13;\nIt's a C:\\path\\ win!</data>",
    ] {
        assert!(xml.contains(line), "missing: {line}\n{xml}");
    }
    assert!(xml.ends_with("  </graph>\n</graphml>\n"));
}

#[test]
fn validates_against_the_graphml_schema() {
    let Some(schemas) = schemas_dir() else {
        println!("SKIP: GraphML schemas not found (set NEWSGRAPH_SCHEMAS)");
        return;
    };
    if !have("xmllint", "--version") {
        println!("SKIP: xmllint not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let schema = schemas.join("graphml/graphml.xsd");
    let catalog = schemas.join("graphml/catalog.xml");
    // The harness must reject a known-bad file, or a pass means nothing.
    let mut files = Vec::new();
    let bad = schemas.join("tests/invalid.graphml");
    if bad.is_file() {
        files.push(("invalid".to_string(), bad, false));
    }
    for (name, graph) in all_graphs() {
        let text = render(&graph, Format::Graphml);
        let file = temp_file(dir.path(), &format!("{name}.graphml"), &text);
        files.push((name.to_string(), file, true));
    }
    for (name, file, valid) in files {
        let out = Command::new("xmllint")
            .env("XML_CATALOG_FILES", &catalog)
            .arg("--nonet")
            .arg("--noout")
            .arg("--schema")
            .arg(&schema)
            .arg(&file)
            .output()
            .expect("run xmllint");
        assert_eq!(
            out.status.success(),
            valid,
            "{name}: xmllint said ({:?}):\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
