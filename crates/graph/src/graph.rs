//! The in-memory knowledge graph over petgraph.

use crate::model::{DocInfo, Edge, Node};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use std::collections::HashMap;

/// A knowledge graph of organisations and their relations.
///
/// Nodes are stored in ascending id order and edges in ascending
/// (source, target, kind) order, so iteration is deterministic.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: DiGraph<Node, Edge>,
    documents: Vec<DocInfo>,
    index: HashMap<String, NodeIndex>,
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
            documents,
            index,
        }
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
    pub fn documents(&self) -> &[DocInfo] {
        &self.documents
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
            self.documents,
        )
    }
}
