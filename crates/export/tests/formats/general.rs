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
