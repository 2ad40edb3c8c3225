//! Every export format, checked with a real reader of that format where one
//! is available (Graphviz, xmllint with the official XSDs, NetworkX, an RDF
//! parser, a CSV parser) and with golden lines.

mod cypher;
mod dot;
mod fixtures;
mod general;
mod gexf;
mod graphml;
mod json;
mod neo4j;
mod networkx;
mod rdf;
mod xmltree;
