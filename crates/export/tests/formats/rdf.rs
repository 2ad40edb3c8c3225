use crate::fixtures::*;
use newsgraph_export::{ENTITY_BASE, Format, NS};
use oxrdf::{Term, Triple};
use oxttl::{NTriplesParser, TurtleParser};
use std::collections::BTreeSet;

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

fn ntriples(graph: &newsgraph_graph::KnowledgeGraph) -> (String, Vec<Triple>) {
    let text = render(graph, Format::Ntriples);
    let triples = NTriplesParser::new()
        .for_slice(&text)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("N-Triples parse error: {e}\n{text}"));
    (text, triples)
}

fn turtle(graph: &newsgraph_graph::KnowledgeGraph) -> (String, Vec<Triple>) {
    let text = render(graph, Format::Turtle);
    let triples = TurtleParser::new()
        .for_slice(&text)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("Turtle parse error: {e}\n{text}"));
    (text, triples)
}

fn entity(id: &str) -> String {
    let mut iri = String::from(ENTITY_BASE);
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-_~:.".contains(&b) {
            iri.push(char::from(b));
        } else {
            iri.push_str(&format!("%{b:02X}"));
        }
    }
    iri
}

/// Objects of (subject, predicate).
fn objects<'a>(triples: &'a [Triple], subject: &str, predicate: &str) -> Vec<&'a Term> {
    triples
        .iter()
        .filter(|t| {
            t.subject.to_string() == format!("<{subject}>") && t.predicate.as_str() == predicate
        })
        .map(|t| &t.object)
        .collect()
}

fn literal(term: &Term) -> (&str, &str) {
    match term {
        Term::Literal(l) => (l.value(), l.datatype().as_str()),
        other => panic!("not a literal: {other}"),
    }
}

fn count_type(triples: &[Triple], class: &str) -> usize {
    let class = format!("<{NS}{class}>");
    triples
        .iter()
        .filter(|t| t.predicate.as_str() == RDF_TYPE && t.object.to_string() == class)
        .count()
}

#[test]
fn both_syntaxes_parse_to_the_same_triples() {
    for (name, graph) in all_graphs() {
        let (nt_text, nt) = ntriples(&graph);
        let (_, ttl) = turtle(&graph);
        assert_eq!(
            nt.len(),
            nt_text.lines().count(),
            "{name}: one triple per line"
        );
        let a: BTreeSet<String> = nt.iter().map(ToString::to_string).collect();
        let b: BTreeSet<String> = ttl.iter().map(ToString::to_string).collect();
        assert_eq!(a.len(), nt.len(), "{name}: no duplicate triples");
        assert_eq!(a, b, "{name}");
        assert_eq!(
            count_type(&nt, "Organization"),
            graph.node_count(),
            "{name}"
        );
        assert_eq!(count_type(&nt, "Relation"), graph.edge_count(), "{name}");
        let evidence: usize = graph.edges().map(|e| e.evidence.len()).sum();
        assert_eq!(count_type(&nt, "Evidence"), evidence, "{name}");
        assert_eq!(
            count_type(&nt, "Document"),
            graph.documents().len(),
            "{name}"
        );
    }
    let (_, nt) = ntriples(&nasty_graph());
    assert_eq!(nt.len(), 207);
}

#[test]
fn literals_and_iris_round_trip() {
    let graph = nasty_graph();
    let (_, triples) = turtle(&graph);
    let sg = entity(SG_ID);
    assert_eq!(
        sg,
        "https://newsgraph.dev/entity/org:soci%C3%A9t%C3%A9%20g%C3%A9n%C3%A9rale%2Fparis"
    );
    let labels = objects(&triples, &sg, RDFS_LABEL);
    assert_eq!(labels.len(), 1);
    // RDF literals carry everything, control characters included.
    assert_eq!(
        literal(labels[0]),
        (SG_NAME, "http://www.w3.org/2001/XMLSchema#string")
    );
    let types: Vec<String> = objects(&triples, &sg, RDF_TYPE)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        types,
        [format!("<{NS}Organization>"), format!("<{NS}Firm>")]
    );
    // The impossible date stays a plain string.
    let first = objects(&triples, &sg, &format!("{NS}firstSeen"));
    assert_eq!(
        literal(first[0]),
        ("2024-02-30", "http://www.w3.org/2001/XMLSchema#string")
    );
    let first = objects(&triples, &entity("aws"), &format!("{NS}firstSeen"));
    assert_eq!(literal(first[0]), ("2024-01-15", &*format!("{XSD}date")));
    let mentions = objects(&triples, &entity("aws"), &format!("{NS}mentions"));
    assert_eq!(literal(mentions[0]), ("12", &*format!("{XSD}integer")));
    let aliases = objects(&triples, &entity("aws"), &format!("{NS}alias"));
    assert_eq!(aliases.len(), 2);
    let parent = objects(&triples, &entity("aws"), &format!("{NS}parent"));
    assert_eq!(parent[0].to_string(), format!("<{}>", entity("amazon")));

    // Direct triples: asserted ones, both ways for partnerships, none for
    // the relation every statement denies.
    let direct = |s: &str, p: &str, o: &str| {
        objects(&triples, &entity(s), &format!("{NS}{p}"))
            .iter()
            .any(|t| t.to_string() == format!("<{}>", entity(o)))
    };
    assert!(direct("aws", "contract", "dod"));
    assert!(!direct("aws", "dispute", "dod"));
    assert!(direct("aws", "partOf", "amazon"));
    assert!(direct("amazon", "partnership", SG_ID));
    assert!(direct(SG_ID, "partnership", "amazon"));
    assert!(!direct("dod", "contract", "aws"));

    // The reified relation and its evidence.
    let rel = "https://newsgraph.dev/relation/aws/contract/dod".to_string();
    let conf = objects(&triples, &rel, &format!("{NS}confidence"));
    assert_eq!(literal(conf[0]), ("0.9500", &*format!("{XSD}decimal")));
    let status = objects(&triples, &rel, &format!("{NS}status"));
    assert_eq!(literal(status[0]).0, "asserted");
    let evidence = objects(&triples, &rel, &format!("{NS}evidence"));
    assert_eq!(evidence.len(), 2);
    let best = objects(&triples, &rel, &format!("{NS}bestEvidence"));
    assert_eq!(best[0].to_string(), format!("<{rel}/evidence/0>"));
    let sentence = objects(
        &triples,
        &format!("{rel}/evidence/0"),
        &format!("{NS}sentence"),
    );
    assert_eq!(literal(sentence[0]).0, NASTY_SENTENCE);
    let doc = objects(
        &triples,
        &format!("{rel}/evidence/1"),
        &format!("{NS}document"),
    );
    assert_eq!(
        doc[0].to_string(),
        "<https://newsgraph.dev/document/doc%2F2%20%C3%BC>"
    );
    let denied = objects(
        &triples,
        "https://newsgraph.dev/relation/aws/dispute/dod",
        &format!("{NS}status"),
    );
    assert_eq!(literal(denied[0]).0, "negated");
}

#[test]
fn golden_lines() {
    let nt = render(&nasty_graph(), Format::Ntriples);
    for line in [
        "<https://newsgraph.dev/entity/aws> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://newsgraph.dev/ns#Cloud> .\n",
        "<https://newsgraph.dev/entity/aws> <https://newsgraph.dev/ns#mentions> \"12\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
        "<https://newsgraph.dev/entity/org:soci%C3%A9t%C3%A9%20g%C3%A9n%C3%A9rale%2Fparis> <http://www.w3.org/2000/01/rdf-schema#label> \"Société Générale \\\"SG\\\" <&> \\\\ back\\nslash\\u0001\" .\n",
        "<https://newsgraph.dev/entity/aws> <https://newsgraph.dev/ns#contract> <https://newsgraph.dev/entity/dod> .\n",
        "<https://newsgraph.dev/relation/aws/contract/dod/evidence/0> <https://newsgraph.dev/ns#sentence> \"The Pentagon said \\\"AWS\\\" won a $10bn <cloud> & data deal.\\r\\nIt's a C:\\\\path\\\\ win\\u0001\\uFFFE!\" .\n",
    ] {
        assert!(nt.contains(line), "missing: {line}\n{nt}");
    }
    let ttl = render(&nasty_graph(), Format::Turtle);
    for line in [
        "@prefix ng: <https://newsgraph.dev/ns#> .\n",
        "\nent:aws a ng:Organization, ng:Cloud ;\n    rdfs:label \"Amazon Web Services\" ;\n",
        "    ng:alias \"AWS\", \"Amazon's cloud\" ;\n",
        "    ng:mentions 12 ;\n",
        "    ng:firstSeen \"2024-01-15\"^^xsd:date ;\n",
        "\n<https://newsgraph.dev/relation/aws/contract/dod> a ng:Relation ;\n    ng:source ent:aws ;\n    ng:target ent:dod ;\n",
        "    ng:confidence 0.9500 ;\n",
        "    ng:symmetric false ;\n",
    ] {
        assert!(ttl.contains(line), "missing: {line}\n{ttl}");
    }
}
