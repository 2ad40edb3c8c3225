//! Queries: name resolution (ids, names, aliases, any case), suggestions,
//! shortest paths, links and the relations between two entities.

use crate::fixtures::*;
use newsgraph_extract::RelationKind;
use newsgraph_graph::query::{self, Dir, NameIndex};
use newsgraph_graph::{GraphError, KnowledgeGraph};

fn world_graph() -> KnowledgeGraph {
    build(&world())
}

fn resolve(g: &KnowledgeGraph, name: &str) -> Result<String, GraphError> {
    let names = NameIndex::new(g);
    names.resolve(g, name).map(|ix| g.petgraph()[ix].id.clone())
}

#[test]
fn names_resolve_through_ids_names_and_aliases_in_any_case() {
    let g = world_graph();
    for (name, id) in [
        ("dod", "dod"),
        ("Department of Defense", "dod"),
        ("department of defense", "dod"),
        ("PENTAGON", "dod"),
        ("pentagon", "dod"),
        ("the Pentagon", "dod"),
        ("DoD", "dod"),
        ("  DoD  ", "dod"),
        ("aws", "aws"),
        ("Amazon Web Services", "aws"),
        ("amazon", "amazon"),
        ("Zorbex Labs Inc", "org:zorbex labs"),
    ] {
        assert_eq!(resolve(&g, name).ok().as_deref(), Some(id), "{name:?}");
    }
}

#[test]
fn an_unknown_name_suggests_the_closest_names_first() {
    let g = world_graph();
    let err = resolve(&g, "Pentagn").unwrap_err();
    match &err {
        GraphError::UnknownEntity { name, suggestions } => {
            assert_eq!(name, "Pentagn");
            assert!(!suggestions.is_empty());
            assert!(suggestions[0].contains("Pentagon"), "{suggestions:?}");
        }
        other => panic!("expected UnknownEntity, got {other:?}"),
    }
    assert!(err.to_string().contains("did you mean"), "{err}");
    let names = NameIndex::new(&g);
    let s = names.suggest(&g, "Antropic", 3);
    assert_eq!(s.first().map(String::as_str), Some("Anthropic"), "{s:?}");
    assert!(names.suggest(&g, "Qqqqzzzzxxxx", 5).is_empty());
    assert!(names.suggest(&g, "Amazn", 1).len() <= 1, "at most `max`");
}

#[test]
fn shortest_path_ignores_direction_and_reports_each_hop() {
    let g = world_graph();
    let ix = |id: &str| g.node_index(id).unwrap();
    // OpenAI -> DoD (contract), DoD -> Anthropic (dispute),
    // Amazon -> Anthropic (investment), AWS -> Amazon (part_of).
    let hops = query::shortest_path(&g, ix("openai"), ix("anthropic"), &[]).unwrap();
    let got: Vec<(&str, RelationKind, &str, bool)> = hops
        .iter()
        .map(|h| (h.from.id.as_str(), h.edge.kind, h.to.id.as_str(), h.forward))
        .collect();
    assert_eq!(
        got,
        [
            ("openai", RelationKind::Contract, "dod", true),
            ("dod", RelationKind::Dispute, "anthropic", true),
        ]
    );
    let back = query::shortest_path(&g, ix("anthropic"), ix("openai"), &[]).unwrap();
    assert_eq!(back.len(), 2);
    assert!(!back[0].forward, "against the edge's direction");
    // Through the partnership, AWS reaches OpenAI in one hop.
    let one = query::shortest_path(&g, ix("aws"), ix("openai"), &[]).unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].edge.kind, RelationKind::Partnership);
    // Restricted to some kinds, the path gets longer or disappears.
    let none = query::shortest_path(&g, ix("aws"), ix("openai"), &[RelationKind::PartOf]);
    assert!(none.is_none());
    // To itself: no hops.
    assert!(
        query::shortest_path(&g, ix("dod"), ix("dod"), &[])
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_disconnected_pair_has_no_path() {
    use newsgraph_extract::EntityKind::Firm;
    let mut docs = world();
    docs.push(doc("z.txt", None, vec![gaz("ibm", "IBM", Firm, &[])]));
    let g = build(&docs);
    let ix = |id: &str| g.node_index(id).unwrap();
    assert!(query::shortest_path(&g, ix("ibm"), ix("dod"), &[]).is_none());
}

#[test]
fn between_lists_the_relations_of_a_pair_in_both_directions() {
    let g = world_graph();
    let ix = |id: &str| g.node_index(id).unwrap();
    let edges = query::between(&g, ix("anthropic"), ix("dod"));
    assert_eq!(edges.len(), 1);
    assert_eq!(edges[0].0, Dir::In, "DoD is the source");
    assert_eq!(edges[0].1.kind, RelationKind::Dispute);
    let edges = query::between(&g, ix("dod"), ix("anthropic"));
    assert_eq!(edges[0].0, Dir::Out);
    assert!(query::between(&g, ix("dod"), ix("amazon")).is_empty());
}

#[test]
fn links_are_filtered_by_kind_and_ordered() {
    let g = world_graph();
    let ix = |id: &str| g.node_index(id).unwrap();
    let all = query::links(&g, ix("anthropic"), &[]);
    let got: Vec<(RelationKind, Dir, &str)> = all
        .iter()
        .map(|l| (l.edge.kind, l.direction, l.other.id.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (RelationKind::Dispute, Dir::In, "dod"),
            (RelationKind::Acquisition, Dir::Out, "org:zorbex labs"),
            (RelationKind::Investment, Dir::In, "amazon"),
        ]
    );
    let only = query::links(&g, ix("anthropic"), &[RelationKind::Investment]);
    assert_eq!(only.len(), 1);
    assert_eq!(only[0].other.id, "amazon");
    let grouped = query::grouped(&all);
    assert_eq!(grouped.len(), 3);
}
