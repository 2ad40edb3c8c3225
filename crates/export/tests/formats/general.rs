use crate::fixtures::*;
use newsgraph_export::{ExportError, Format, export};
use std::io::{self, Write};

#[test]
fn output_is_byte_deterministic() {
    for (name, graph) in all_graphs() {
        for format in Format::ALL {
            let a = render(&graph, format);
            // A graph assembled from the same parts in another order.
            let (mut nodes, mut edges, docs) = graph.clone().into_parts();
            nodes.reverse();
            edges.reverse();
            let again = newsgraph_graph::KnowledgeGraph::from_parts(nodes, edges, docs);
            let b = render(&again, format);
            assert_eq!(a, b, "{name} as {format}");
            assert_eq!(a, render(&graph, format), "{name} as {format}");
        }
    }
}

#[test]
fn formats_parse_and_display() {
    for format in Format::ALL {
        assert_eq!(format.to_string().parse::<Format>().expect("parse"), format);
        assert_eq!(
            format
                .as_str()
                .to_uppercase()
                .parse::<Format>()
                .expect("parse"),
            format
        );
    }
    let names: Vec<String> = Format::ALL.iter().map(ToString::to_string).collect();
    assert_eq!(
        names,
        [
            "dot", "graphml", "json", "gexf", "cypher", "ntriples", "turtle"
        ]
    );
    assert_eq!("ttl".parse::<Format>().expect("ttl"), Format::Turtle);
    assert_eq!("nt".parse::<Format>().expect("nt"), Format::Ntriples);
    assert_eq!(Format::Ntriples.extension(), "nt");
    assert_eq!(Format::Graphml.extension(), "graphml");
    let err = "svg".parse::<Format>().expect_err("unknown");
    assert!(matches!(err, ExportError::UnknownFormat(ref s) if s == "svg"));
    assert!(err.to_string().contains("graphml"));
}

/// A writer that fails after a few bytes.
struct Failing(usize);

impl Write for Failing {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.0 < buf.len() {
            return Err(io::Error::other("disk full"));
        }
        self.0 -= buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn write_errors_are_reported() {
    for format in Format::ALL {
        let err = export(&nasty_graph(), format, &mut Failing(100)).expect_err("must fail");
        assert!(err.to_string().contains("disk full"), "{format}: {err}");
    }
}

#[test]
fn works_through_a_buffered_writer() {
    let mut out = io::BufWriter::new(Vec::new());
    export(&nasty_graph(), Format::Turtle, &mut out).expect("export");
    let bytes = out.into_inner().expect("flushed");
    assert_eq!(
        String::from_utf8(bytes).expect("utf-8"),
        render(&nasty_graph(), Format::Turtle)
    );
}

#[test]
fn entity_iris_are_public() {
    assert_eq!(
        newsgraph_export::entity_iri("aws"),
        "https://newsgraph.dev/entity/aws"
    );
    assert_eq!(
        newsgraph_export::entity_iri("org:a b"),
        format!("{}org:a%20b", newsgraph_export::ENTITY_BASE)
    );
}

/// A larger graph: every exporter must stay linear.
#[test]
fn larger_graphs_export_quickly() {
    use newsgraph_extract::{EntityKind, RelationKind, Status};
    let kinds = EntityKind::ALL;
    let nodes: Vec<_> = (0..3000)
        .map(|i| {
            let mut n = node(&format!("org:n{i:05}"), &format!("Org {i}"), kinds[i % 3]);
            n.documents = vec![0];
            n
        })
        .collect();
    let edges: Vec<_> = (0..6000)
        .map(|i| {
            let kind = RelationKind::ALL[i % 6];
            let (a, b) = (i % 3000, (i * 7 + 1) % 3000);
            edge(
                kind,
                &format!("org:n{a:05}"),
                &format!("org:n{b:05}"),
                Status::Asserted,
                vec![evidence(
                    "d",
                    Some("2024-01-01"),
                    "Some sentence.",
                    Status::Asserted,
                    0.5,
                )],
            )
        })
        .collect();
    let docs = vec![newsgraph_graph::DocInfo {
        id: "d".into(),
        title: None,
        date: None,
        url: None,
        hash: String::new(),
    }];
    let graph = newsgraph_graph::KnowledgeGraph::from_parts(nodes, edges, docs);
    let start = std::time::Instant::now();
    for format in Format::ALL {
        let mut sink = io::sink();
        export(&graph, format, &mut sink).expect("export");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    newsgraph_export::export_neo4j_csv(&graph, dir.path()).expect("csv");
    // Generous: a quadratic exporter takes minutes here.
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}
