//! Graph construction: entity resolution across documents, edge merging,
//! and independence from the order documents are added in.

use crate::fixtures::*;
use newsgraph_extract::{AliasOrigin, EntityKind::*, RelationKind::*, Status};
use newsgraph_graph::{GraphBuilder, KnowledgeGraph, Node, snapshot};

fn node<'g>(g: &'g KnowledgeGraph, id: &str) -> &'g Node {
    g.node(id)
        .unwrap_or_else(|| panic!("no node {id}; nodes: {:?}", ids(g)))
}

fn ids(g: &KnowledgeGraph) -> Vec<String> {
    g.nodes().map(|n| n.id.clone()).collect()
}

fn edges(g: &KnowledgeGraph) -> Vec<(String, String, String)> {
    g.edges()
        .map(|e| (e.kind.to_string(), e.source.clone(), e.target.clone()))
        .collect()
}

fn alias_names(n: &Node) -> Vec<&str> {
    n.alias_names().collect()
}

#[test]
fn the_same_gazetteer_id_merges_across_documents() {
    let g = build(&world());
    let dod = node(&g, "dod");
    assert_eq!(dod.name, "Department of Defense");
    assert_eq!(dod.kind, Agency);
    assert_eq!(
        alias_names(dod),
        ["DoD", "Pentagon"],
        "aliases of both documents, sorted"
    );
    assert_eq!(dod.mentions, 2);
    assert_eq!(dod.documents.len(), 2);
    assert_eq!(dod.first_seen.as_deref(), Some("2024-01-10"));
    assert_eq!(dod.last_seen.as_deref(), Some("2024-05-02"));
    // Each organisation once.
    assert_eq!(
        ids(&g),
        [
            "amazon",
            "anthropic",
            "aws",
            "dod",
            "openai",
            "org:zorbex labs"
        ]
    );
    // The document list, sorted by id, and node documents index into it.
    let docs: Vec<&str> = g.documents().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        docs,
        ["news/a.txt", "news/b.md", "news/c.txt", "wire.jsonl#7"]
    );
    let dod_docs: Vec<&str> = dod
        .documents
        .iter()
        .map(|&i| g.documents()[i as usize].id.as_str())
        .collect();
    assert_eq!(dod_docs, ["news/a.txt", "news/b.md"]);
}

#[test]
fn pattern_entities_merge_by_normalised_name() {
    let a = doc(
        "a.txt",
        None,
        vec![pat(
            "org:kestrel data systems",
            "Kestrel Data Systems LLC",
            Firm,
            &[],
        )],
    );
    let b = doc(
        "b.txt",
        None,
        vec![pat(
            "org:kestrel",
            "The Kestrel Data Systems, Inc.",
            Firm,
            &[],
        )],
    );
    let g = build(&[a, b]);
    assert_eq!(g.node_count(), 1, "one organisation: {:?}", ids(&g));
    let n = g.nodes().next().unwrap();
    assert_eq!(n.mentions, 2);
    assert_eq!(n.documents.len(), 2);
    let mut forms: Vec<&str> = alias_names(n);
    forms.push(&n.name);
    assert!(forms.contains(&"Kestrel Data Systems LLC"), "{forms:?}");
    assert!(
        forms.contains(&"The Kestrel Data Systems, Inc."),
        "{forms:?}"
    );
}

#[test]
fn pattern_entities_merge_through_an_alias() {
    let a = doc(
        "a.txt",
        None,
        vec![pat(
            "org:halvorsen labs",
            "Halvorsen Labs",
            Firm,
            &["Halvorsen Laboratories"],
        )],
    );
    let b = doc(
        "b.txt",
        None,
        vec![pat(
            "org:halvorsen laboratories",
            "Halvorsen Laboratories",
            Firm,
            &[],
        )],
    );
    let g = build(&[a.clone(), b.clone()]);
    assert_eq!(g.node_count(), 1, "{:?}", ids(&g));

    // A never-merge pair keeps them apart.
    let rules = newsgraph_graph::ResolutionRules::from_ron(
        r#"(never_merge: [("Halvorsen Labs Inc", "the Halvorsen Laboratories")])"#,
        "resolution.ron",
    )
    .unwrap();
    let mut builder = GraphBuilder::with_rules(rules);
    builder.add(&a);
    builder.add(&b);
    let g = builder.build();
    assert_eq!(g.node_count(), 2, "{:?}", ids(&g));
}

#[test]
fn resolution_rules_report_syntax_errors_with_file_and_line() {
    let err = newsgraph_graph::ResolutionRules::from_ron("(\n never_merge: [(\"a\")],\n)", "r.ron")
        .unwrap_err();
    assert!(err.starts_with("r.ron:2:"), "{err}");
    assert!(
        newsgraph_graph::ResolutionRules::from_ron(newsgraph_graph::BUNDLED_RESOLUTION, "bundled")
            .is_ok()
    );
}

#[test]
fn a_pattern_entity_joins_the_gazetteer_entity_of_the_same_name() {
    let a = doc("a.txt", None, vec![gaz("leidos", "Leidos", Firm, &[])]);
    let b = doc(
        "b.txt",
        None,
        vec![
            pat("org:leidos holdings", "Leidos Holdings Inc", Firm, &[]),
            gaz("army", "U.S. Army", Agency, &["Army"]),
        ],
    );
    let r = vec![fact(&b, Contract, "org:leidos holdings", "army")];
    let b = with(b, r);
    let g = build(&[a, b]);
    assert_eq!(ids(&g), ["army", "leidos"], "the gazetteer id wins");
    let leidos = node(&g, "leidos");
    assert_eq!(
        leidos.name, "Leidos",
        "the gazetteer name is the display name"
    );
    assert!(alias_names(leidos).contains(&"Leidos Holdings Inc"));
    assert_eq!(
        edges(&g),
        [("contract".into(), "leidos".into(), "army".into())],
        "the relation follows the merged entity"
    );
}

#[test]
fn two_gazetteer_entities_never_merge() {
    // Both answer to "Amazon" (an over-eager alias), yet they are two
    // gazetteer entries: a firm and its cloud platform stay apart.
    let a = doc("a.txt", None, vec![gaz("amazon", "Amazon", Firm, &[])]);
    let b = doc(
        "b.txt",
        None,
        vec![gaz("aws", "Amazon Web Services", Cloud, &["Amazon"])],
    );
    let r = vec![fact(&b, PartOf, "aws", "amazon")];
    let b = with(b, r);
    let g = build(&[a.clone(), b.clone()]);
    assert_eq!(ids(&g), ["amazon", "aws"]);
    assert_eq!(node(&g, "aws").kind, Cloud);
    assert_eq!(node(&g, "amazon").kind, Firm);
    let g = build(&[b, a]);
    assert_eq!(ids(&g), ["amazon", "aws"], "whatever the order");
}

#[test]
fn former_names_do_not_merge_organisations_across_documents() {
    // A spin-off may carry the name its parent had before.
    let mut renamed = pat("org:varity", "Varity Corp", Firm, &["Massey"]);
    renamed.alias_origins[0].origin = AliasOrigin::FormerName;
    let a = doc("a.txt", None, vec![renamed]);
    let b = doc("b.txt", None, vec![pat("org:massey", "Massey", Firm, &[])]);
    let g = build(&[a, b]);
    assert_eq!(g.node_count(), 2, "{:?}", ids(&g));
    // The alias and its origin are kept on the node.
    let n = node(&g, "org:varity");
    assert!(
        n.aliases
            .iter()
            .any(|x| x.name == "Massey" && x.origin == AliasOrigin::FormerName),
        "{:?}",
        n.aliases
    );
}

#[test]
fn acronyms_alone_do_not_merge_organisations_across_documents() {
    // "ZAA" names a different body in each article.
    let a = doc(
        "a.txt",
        None,
        vec![pat(
            "org:zorbex analytics agency",
            "Zorbex Analytics Agency",
            Agency,
            &["ZAA"],
        )],
    );
    let b = doc(
        "b.txt",
        None,
        vec![pat(
            "org:zeta aerospace alliance",
            "Zeta Aerospace Alliance",
            Firm,
            &["ZAA"],
        )],
    );
    let g = build(&[a, b]);
    assert_eq!(g.node_count(), 2, "{:?}", ids(&g));
}

#[test]
fn partnerships_are_stored_in_canonical_order_and_merge_across_directions() {
    let a = doc(
        "a.txt",
        Some("2024-02-01"),
        vec![
            gaz("openai", "OpenAI", Firm, &[]),
            gaz("microsoft", "Microsoft", Firm, &[]),
        ],
    );
    let ra = vec![fact(&a, Partnership, "openai", "microsoft")];
    let a = with(a, ra);
    let b = doc(
        "b.txt",
        Some("2024-03-01"),
        vec![
            gaz("openai", "OpenAI", Firm, &[]),
            gaz("microsoft", "Microsoft", Firm, &[]),
        ],
    );
    let rb = vec![fact(&b, Partnership, "microsoft", "openai")];
    let b = with(b, rb);
    let g = build(&[a, b]);
    assert_eq!(
        edges(&g),
        [("partnership".into(), "microsoft".into(), "openai".into())]
    );
    let e = g.edges().next().unwrap();
    assert_eq!(e.count, 2);
    assert_eq!(e.evidence.len(), 2);
}

#[test]
fn directed_relations_keep_their_direction() {
    let a = doc(
        "a.txt",
        None,
        vec![
            gaz("openai", "OpenAI", Firm, &[]),
            gaz("dod", "Department of Defense", Agency, &[]),
        ],
    );
    let r = vec![
        fact(&a, Contract, "openai", "dod"),
        fact(&a, Dispute, "dod", "openai"),
        fact(&a, Dispute, "openai", "dod"),
    ];
    let a = with(a, r);
    let g = build(&[a]);
    let mut got = edges(&g);
    got.sort();
    assert_eq!(
        got,
        [
            ("contract".into(), "openai".into(), "dod".into()),
            ("dispute".into(), "dod".into(), "openai".into()),
            ("dispute".into(), "openai".into(), "dod".into()),
        ]
    );
}

#[test]
fn evidence_from_several_documents_is_merged_and_sorted() {
    let ents = || {
        vec![
            gaz("leidos", "Leidos", Firm, &[]),
            gaz("disa", "DISA", Agency, &[]),
        ]
    };
    let b = with(
        doc("b.txt", Some("2024-06-01"), ents()),
        vec![rel(
            Contract,
            "leidos",
            "disa",
            vec![ev("b.txt", Some("2024-06-01"), 3, Status::Reported)],
        )],
    );
    let a = with(
        doc("a.txt", Some("2024-02-01"), ents()),
        vec![rel(
            Contract,
            "leidos",
            "disa",
            vec![
                ev("a.txt", Some("2024-02-01"), 1, Status::Asserted),
                ev("a.txt", Some("2024-02-01"), 5, Status::Hedged),
            ],
        )],
    );
    let c = with(
        doc("c.txt", None, ents()),
        vec![rel(
            Contract,
            "leidos",
            "disa",
            vec![ev("c.txt", None, 0, Status::Negated)],
        )],
    );
    let g = build(&[b, c, a]);
    assert_eq!(g.edge_count(), 1);
    let e = g.edges().next().unwrap();
    let order: Vec<(&str, u32)> = e
        .evidence
        .iter()
        .map(|x| (x.doc.as_str(), x.sentence))
        .collect();
    assert_eq!(
        order,
        [("a.txt", 1), ("a.txt", 5), ("b.txt", 3), ("c.txt", 0)]
    );
    assert_eq!(e.count, 4);
    assert_eq!(e.status, Status::Asserted, "the firmest status");
    assert_eq!(e.first_seen.as_deref(), Some("2024-02-01"));
    assert_eq!(e.last_seen.as_deref(), Some("2024-06-01"));
    // Confidence: combined over the non-negated statements, each weakened
    // by its status; more (non-negated) evidence never lowers it.
    let expected = newsgraph_extract::combine_confidence([
        0.8 * newsgraph_extract::status_weight(Status::Asserted),
        0.8 * newsgraph_extract::status_weight(Status::Hedged),
        0.8 * newsgraph_extract::status_weight(Status::Reported),
    ]);
    assert!(
        (e.confidence - expected).abs() < 1e-3,
        "{} vs {expected}",
        e.confidence
    );
    assert!(e.confidence > 0.8 && e.confidence <= 1.0);
}

#[test]
fn an_edge_stated_only_as_denied_is_negated_with_zero_confidence() {
    let a = with(
        doc(
            "a.txt",
            None,
            vec![
                gaz("ibm", "IBM", Firm, &[]),
                gaz("red_hat", "Red Hat", Firm, &[]),
            ],
        ),
        vec![rel(
            Acquisition,
            "ibm",
            "red_hat",
            vec![ev("a.txt", None, 0, Status::Negated)],
        )],
    );
    let g = build(&[a]);
    let e = g.edges().next().unwrap();
    assert_eq!(e.status, Status::Negated);
    assert_eq!(e.confidence, 0.0);
}

#[test]
fn a_relation_between_two_names_of_one_organisation_is_dropped() {
    let a = doc(
        "a.txt",
        None,
        vec![
            pat("org:kestrel", "Kestrel", Firm, &["Kestrel Data Systems"]),
            pat(
                "org:kestrel data systems",
                "Kestrel Data Systems",
                Firm,
                &[],
            ),
        ],
    );
    let r = vec![fact(&a, PartOf, "org:kestrel", "org:kestrel data systems")];
    let a = with(a, r);
    let g = build(&[a]);
    assert_eq!(g.node_count(), 1);
    assert_eq!(g.edge_count(), 0, "no self loops");
}

#[test]
fn cross_document_names_become_aliases() {
    let a = doc("a.txt", None, vec![gaz("ibm", "IBM", Firm, &[])]);
    let b = doc(
        "b.txt",
        None,
        vec![gaz(
            "ibm",
            "International Business Machines",
            Firm,
            &["Big Blue"],
        )],
    );
    let g = build(&[a, b]);
    let ibm = node(&g, "ibm");
    let all: Vec<&str> = std::iter::once(ibm.name.as_str())
        .chain(ibm.alias_names())
        .collect();
    for form in ["IBM", "International Business Machines", "Big Blue"] {
        assert!(all.contains(&form), "{form} in {all:?}");
    }
    assert!(
        !alias_names(ibm).contains(&ibm.name.as_str()),
        "the name is not also an alias"
    );
    let big_blue = ibm.aliases.iter().find(|a| a.name == "Big Blue").unwrap();
    assert_eq!(big_blue.origin, AliasOrigin::Gazetteer);
}

/// Every permutation of `items` (Heap's algorithm).
fn permutations<T: Clone>(items: &[T]) -> Vec<Vec<T>> {
    fn go<T: Clone>(k: usize, a: &mut Vec<T>, out: &mut Vec<Vec<T>>) {
        if k <= 1 {
            out.push(a.clone());
            return;
        }
        go(k - 1, a, out);
        for i in 0..k - 1 {
            if k.is_multiple_of(2) {
                a.swap(i, k - 1);
            } else {
                a.swap(0, k - 1);
            }
            go(k - 1, a, out);
        }
    }
    let mut a = items.to_vec();
    let mut out = Vec::new();
    go(a.len(), &mut a, &mut out);
    out
}

/// Documents whose resolution interacts: pattern names that merge with a
/// gazetteer entity and with each other, in documents with relations.
fn tangled() -> Vec<newsgraph_extract::DocExtraction> {
    let mut docs = world();
    let e = doc(
        "extra/e.txt",
        Some("2024-08-08"),
        vec![
            pat(
                "org:kestrel data systems",
                "Kestrel Data Systems LLC",
                Firm,
                &[],
            ),
            pat("org:openai", "OpenAI Inc", Firm, &[]),
        ],
    );
    let r = vec![fact(
        &e,
        Partnership,
        "org:openai",
        "org:kestrel data systems",
    )];
    docs.push(with(e, r));
    let f = doc(
        "extra/f.txt",
        None,
        vec![
            pat(
                "org:kestrel",
                "Kestrel Data Systems Inc",
                Firm,
                &["Kestrel"],
            ),
            gaz("dod", "Department of Defense", Agency, &["Pentagon"]),
        ],
    );
    let r = vec![fact(&f, Contract, "org:kestrel", "dod")];
    docs.push(with(f, r));
    docs
}

#[test]
fn the_order_documents_are_added_in_does_not_change_the_snapshot() {
    let docs = tangled();
    let reference = snapshot::to_bytes(&build(&docs)).unwrap();
    let perms = permutations(&docs);
    assert_eq!(perms.len(), 720);
    // Every 7th permutation (and the reverse) keeps the test fast while
    // covering every position of every document.
    for p in perms
        .iter()
        .step_by(7)
        .chain(std::iter::once(&docs.iter().rev().cloned().collect()))
    {
        let bytes = snapshot::to_bytes(&build(p)).unwrap();
        let order: Vec<&str> = p.iter().map(|d| d.doc.as_str()).collect();
        assert!(bytes == reference, "different snapshot for order {order:?}");
    }
    // And the merged graph is what resolution should give.
    let g = build(&docs);
    assert!(g.node("openai").is_some() && g.node("org:openai").is_none());
    let kestrel: Vec<&Node> = g.nodes().filter(|n| n.name.contains("Kestrel")).collect();
    assert_eq!(kestrel.len(), 1, "the Kestrel names merge into one node");
}

#[test]
fn building_twice_gives_identical_bytes() {
    let a = snapshot::to_bytes(&build(&tangled())).unwrap();
    let b = snapshot::to_bytes(&build(&tangled())).unwrap();
    assert!(a == b);
}

#[test]
fn an_empty_builder_gives_an_empty_graph() {
    let g = GraphBuilder::new().finish();
    assert_eq!(
        (g.node_count(), g.edge_count(), g.documents().len()),
        (0, 0, 0)
    );
    let bytes = snapshot::to_bytes(&g).unwrap();
    let back = snapshot::from_bytes(&bytes, "empty").unwrap();
    assert_eq!(back.node_count(), 0);
}
