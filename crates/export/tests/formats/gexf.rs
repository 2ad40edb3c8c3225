use crate::fixtures::*;
use crate::xmltree::{Element, parse};
use newsgraph_export::Format;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// Attribute values of a node or edge, by title.
fn values(el: &Element, titles: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for attvalues in el.all("attvalues") {
        for v in attvalues.all("attvalue") {
            let id = v.attr("for").expect("for");
            let title = titles
                .get(id)
                .unwrap_or_else(|| panic!("attvalue for undeclared attribute {id}"));
            out.insert(title.clone(), v.attr("value").expect("value").to_string());
        }
    }
    out
}

fn checked(xml: &str) -> (Element, BTreeMap<String, String>, BTreeMap<String, String>) {
    let root = parse(xml);
    assert_eq!(root.name, "gexf");
    assert_eq!(root.attr("xmlns"), Some("http://gexf.net/1.3"));
    assert_eq!(root.attr("version"), Some("1.3"));
    let graph = root.one("graph");
    assert_eq!(graph.attr("mode"), Some("dynamic"));
    assert_eq!(graph.attr("defaultedgetype"), Some("directed"));
    assert_eq!(graph.attr("timeformat"), Some("date"));
    let order: Vec<&str> = graph.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(order, ["attributes", "attributes", "nodes", "edges"]);
    let mut titles = BTreeMap::new();
    for class in ["node", "edge"] {
        let attrs = graph
            .all("attributes")
            .find(|a| a.attr("class") == Some(class))
            .expect("attribute class");
        let mut map = BTreeMap::new();
        for a in attrs.all("attribute") {
            map.insert(
                a.attr("id").expect("id").to_string(),
                a.attr("title").expect("title").to_string(),
            );
        }
        titles.insert(class.to_string(), map);
    }
    let node_titles = titles.remove("node").expect("node attributes");
    let edge_titles = titles.remove("edge").expect("edge attributes");
    let mut ids = BTreeSet::new();
    for node in graph.one("nodes").all("node") {
        assert!(ids.insert(node.attr("id").expect("id").to_string()));
        values(node, &node_titles);
    }
    let mut edge_ids = BTreeSet::new();
    for edge in graph.one("edges").all("edge") {
        assert!(edge_ids.insert(edge.attr("id").expect("id").to_string()));
        assert!(ids.contains(edge.attr("source").expect("source")));
        assert!(ids.contains(edge.attr("target").expect("target")));
        values(edge, &edge_titles);
    }
    (root, node_titles, edge_titles)
}

#[test]
fn structure_and_values() {
    for (name, graph) in all_graphs() {
        let xml = render(&graph, Format::Gexf);
        let (root, _, _) = checked(&xml);
        let g = root.one("graph");
        assert_eq!(
            g.one("nodes").all("node").count(),
            graph.node_count(),
            "{name}"
        );
        assert_eq!(
            g.one("edges").all("edge").count(),
            graph.edge_count(),
            "{name}"
        );
    }

    let graph = nasty_graph();
    let xml = render(&graph, Format::Gexf);
    let (root, node_titles, edge_titles) = checked(&xml);
    let g = root.one("graph");
    let node = |id: &str| {
        g.one("nodes")
            .all("node")
            .find(|n| n.attr("id") == Some(id))
            .unwrap_or_else(|| panic!("node {id}"))
    };
    let sg = node(SG_ID);
    assert_eq!(
        sg.attr("label"),
        Some("Société Générale \"SG\" <&> \\ back slash")
    );
    // An impossible date is kept as a value but not used on the timeline.
    assert_eq!(sg.attr("start"), None);
    assert_eq!(values(sg, &node_titles)["first_seen"], "2024-02-30");
    let aws = node("aws");
    assert_eq!(aws.attr("start"), Some("2024-01-15"));
    assert_eq!(aws.attr("end"), Some("2024-03-02"));
    let v = values(aws, &node_titles);
    assert_eq!(v["kind"], "cloud");
    assert_eq!(v["mentions"], "12");
    assert_eq!(v["aliases"], "AWS; Amazon's cloud");
    assert_eq!(v["parent"], "amazon");
    assert_eq!(aws.one("color").attr("r"), Some("253"));
    assert_eq!(aws.one("shape").attr("value"), Some("disc"));
    assert_eq!(node(ONEIL_ID).attr("label"), Some("O'Neil & Sons, Ltd."));

    let edges: Vec<&Element> = g.one("edges").all("edge").collect();
    let contract = edges
        .iter()
        .find(|e| e.attr("kind") == Some("contract"))
        .expect("contract");
    assert_eq!(contract.attr("start"), Some("2024-01-15"));
    assert_eq!(contract.attr("end"), Some("2024-03-02"));
    assert_eq!(contract.attr("weight"), Some("2"));
    let v = values(contract, &edge_titles);
    assert_eq!(v["evidence"], xml_clean(NASTY_SENTENCE));
    assert_eq!(v["confidence"], "0.9500");
    let partnership = edges
        .iter()
        .find(|e| e.attr("kind") == Some("partnership"))
        .expect("partnership");
    assert_eq!(partnership.attr("type"), Some("undirected"));
    assert_eq!(partnership.one("shape").attr("value"), Some("dotted"));
    let dispute = edges
        .iter()
        .find(|e| e.attr("kind") == Some("dispute"))
        .expect("dispute");
    assert_eq!(dispute.one("shape").attr("value"), Some("dashed"));
    let part_of = edges
        .iter()
        .find(|e| e.attr("kind") == Some("part_of"))
        .expect("part_of");
    assert_eq!(part_of.attr("start"), None, "evidence without a date");
    let investment = edges
        .iter()
        .find(|e| e.attr("kind") == Some("investment"))
        .expect("investment");
    assert_eq!(investment.attr("weight"), None);
}

#[test]
fn golden_lines() {
    let xml = render(&nasty_graph(), Format::Gexf);
    for line in [
        "<gexf xmlns=\"http://gexf.net/1.3\" ",
        " version=\"1.3\">\n",
        "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n    <attributes class=\"node\">\n",
        "      <attribute id=\"mentions\" title=\"mentions\" type=\"long\"/>",
        "      <attribute id=\"confidence\" title=\"confidence\" type=\"double\"/>",
        "      <node id=\"aws\" label=\"Amazon Web Services\" start=\"2024-01-15\" end=\"2024-03-02\">",
        "      <node id=\"org:o&apos;neil &amp; sons\" label=\"O&apos;Neil &amp; Sons, Ltd.\">",
        "      <edge id=\"e2\" source=\"aws\" target=\"dod\" label=\"contract\" kind=\"contract\" weight=\"2\" start=\"2024-01-15\" end=\"2024-03-02\">",
        "          <attvalue for=\"evidence\" value=\"The Pentagon said &quot;AWS&quot; won a $10bn &lt;cloud&gt; &amp; data deal.&#13;&#10;It&apos;s a C:\\path\\ win!\"/>",
        "        <color r=\"31\" g=\"119\" b=\"180\"/>",
    ] {
        assert!(xml.contains(line), "missing: {line}\n{xml}");
    }
    let empty = render(&empty_graph(), Format::Gexf);
    assert!(empty.contains("    <nodes count=\"0\">\n    </nodes>\n    <edges count=\"0\"/>\n"));
}

#[test]
fn validates_against_the_gexf_schema() {
    let Some(schemas) = schemas_dir() else {
        println!("SKIP: GEXF schemas not found (set NEWSGRAPH_SCHEMAS)");
        return;
    };
    if !have("xmllint", "--version") {
        println!("SKIP: xmllint not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let schema = schemas.join("gexf-1.3/gexf.xsd");
    // The harness must reject a known-bad file, or a pass means nothing.
    let mut files = Vec::new();
    let bad = schemas.join("tests/invalid.gexf");
    if bad.is_file() {
        files.push(("invalid".to_string(), bad, false));
    }
    for (name, graph) in all_graphs() {
        let text = render(&graph, Format::Gexf);
        let file = temp_file(dir.path(), &format!("{name}.gexf"), &text);
        files.push((name.to_string(), file, true));
    }
    for (name, file, valid) in files {
        let out = Command::new("xmllint")
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
