//! The in-memory knowledge graph over petgraph.

use crate::model::{DocInfo, Edge, Node};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// A knowledge graph of organisations and their relations.
///
/// Nodes are stored in ascending id order and edges in ascending
/// (source, target, kind) order, so iteration is deterministic.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: DiGraph<Node, Edge>,
    documents: Documents,
    index: HashMap<String, NodeIndex>,
}

/// The document table: a plain list, or (from a snapshot or a builder) its
/// encoded form, decoded on first use so that queries that never look at
/// documents do not pay for them.
#[derive(Debug, Clone, Default)]
struct Documents {
    encoded: Option<Arc<[u8]>>,
    /// The `DOCS` section of a snapshot file, read on first use: at a
    /// million documents it is most of the file, and most queries never
    /// look at it.
    on_disk: Option<Arc<crate::snapshot::DocsSection>>,
    count: usize,
    decoded: OnceLock<Vec<DocInfo>>,
}

impl Documents {
    fn plain(docs: Vec<DocInfo>) -> Self {
        let d = Documents {
            encoded: None,
            on_disk: None,
            count: docs.len(),
            decoded: OnceLock::new(),
        };
        let _ = d.decoded.set(docs);
        d
    }

    fn get(&self) -> &[DocInfo] {
        // A failure (the snapshot file was replaced or damaged after it was
        // opened) reads as no documents here and is not remembered, so
        // `try_get` still reports it.
        self.try_get().unwrap_or(&[])
    }

    fn try_get(&self) -> Result<&[DocInfo], crate::GraphError> {
        if let Some(docs) = self.decoded.get() {
            return Ok(docs);
        }
        let docs = self.load()?;
        Ok(self.decoded.get_or_init(|| docs))
    }

    fn load(&self) -> Result<Vec<DocInfo>, crate::GraphError> {
        if let Some(bytes) = &self.encoded {
            // Checksummed when read, or written by us: decoding cannot fail
            // short of a bug.
            return crate::snapshot::decode_documents(bytes).map_err(|m| {
                crate::GraphError::Corrupt {
                    file: "document table".to_string(),
                    message: m,
                }
            });
        }
        match &self.on_disk {
            Some(section) => section.read(self.count),
            None => Ok(Vec::new()),
        }
    }
}

impl KnowledgeGraph {
    /// Assemble a graph from its parts. Nodes are sorted by id, edges by
    /// (source, target, kind); edges whose endpoints are missing are dropped.
    pub fn from_parts(mut nodes: Vec<Node>, mut edges: Vec<Edge>, documents: Vec<DocInfo>) -> Self {
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        nodes.dedup_by(|a, b| a.id == b.id);
        edges.sort_by(|a, b| (&a.source, &a.target, a.kind).cmp(&(&b.source, &b.target, b.kind)));
        let mut graph = DiGraph::with_capacity(nodes.len(), edges.len());
        let mut index = HashMap::with_capacity(nodes.len());
        for n in nodes {
            let id = n.id.clone();
            let ix = graph.add_node(n);
            index.insert(id, ix);
        }
        for e in edges {
            if let (Some(&s), Some(&t)) = (index.get(&e.source), index.get(&e.target)) {
                graph.add_edge(s, t, e);
            }
        }
        KnowledgeGraph {
            graph,
            documents: Documents::plain(documents),
            index,
        }
    }

    /// Like [`KnowledgeGraph::from_parts`], with the document table in its
    /// encoded snapshot form (see [`crate::snapshot`]), decoded on first use.
    pub(crate) fn from_parts_encoded(
        nodes: Vec<Node>,
        edges: Vec<Edge>,
        documents: Vec<u8>,
        count: usize,
    ) -> Self {
        let mut g = Self::from_parts(nodes, edges, Vec::new());
        g.documents = Documents {
            encoded: Some(documents.into()),
            on_disk: None,
            count,
            decoded: OnceLock::new(),
        };
        g
    }

    /// Like [`KnowledgeGraph::from_parts_encoded`], with the document table
    /// left in the snapshot file until first use.
    pub(crate) fn from_parts_on_disk(
        nodes: Vec<Node>,
        edges: Vec<Edge>,
        section: crate::snapshot::DocsSection,
        count: usize,
    ) -> Self {
        let mut g = Self::from_parts(nodes, edges, Vec::new());
        g.documents = Documents {
            encoded: None,
            on_disk: Some(Arc::new(section)),
            count,
            decoded: OnceLock::new(),
        };
        g
    }

    /// The encoded document table, when the graph holds one.
    pub(crate) fn encoded_documents(&self) -> Option<&[u8]> {
        self.documents.encoded.as_deref()
    }

    /// The underlying petgraph graph.
    pub fn petgraph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// Nodes in ascending id order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> + '_ {
        self.graph.node_weights()
    }

    /// Edges in ascending (source, target, kind) order.
    pub fn edges(&self) -> impl Iterator<Item = &Edge> + '_ {
        self.graph.edge_weights()
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The documents that went into the graph, in id order.
    ///
    /// A graph loaded from a snapshot file reads its document table from
    /// the file on first use; should that fail (the file was replaced or
    /// damaged since it was opened) the list is empty. Use
    /// [`KnowledgeGraph::try_documents`] to see the error.
    pub fn documents(&self) -> &[DocInfo] {
        self.documents.get()
    }

    /// [`KnowledgeGraph::documents`], with the error of reading the
    /// document table from the snapshot file when that fails.
    pub fn try_documents(&self) -> Result<&[DocInfo], crate::GraphError> {
        self.documents.try_get()
    }

    /// Number of documents (without decoding the document table).
    pub fn document_count(&self) -> usize {
        self.documents.count
    }

    /// The node with this canonical id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index.get(id).map(|&ix| &self.graph[ix])
    }

    /// The petgraph index of the node with this canonical id.
    pub fn node_index(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The edge at a petgraph index.
    pub fn edge(&self, ix: EdgeIndex) -> &Edge {
        &self.graph[ix]
    }

    /// Take the graph apart again (nodes, edges, documents), in storage order.
    pub fn into_parts(self) -> (Vec<Node>, Vec<Edge>, Vec<DocInfo>) {
        let (nodes, edges) = self.graph.into_nodes_edges();
        (
            nodes.into_iter().map(|n| n.weight).collect(),
            edges.into_iter().map(|e| e.weight).collect(),
            {
                let mut d = self.documents;
                match d.decoded.take() {
                    Some(docs) => docs,
                    None => d.load().unwrap_or_default(),
                }
            },
        )
    }
}
