//! Hand-made graphs with awkward text, and helpers shared by the tests.

use newsgraph_export::{Format, export};
use newsgraph_extract::{Alias, AliasOrigin, EntityKind, Evidence, RelationKind, Status};
use newsgraph_graph::{DocInfo, Edge, KnowledgeGraph, Node};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The id with spaces, a slash and non-ASCII letters.
pub const SG_ID: &str = "org:société générale/paris";
/// The id with a quote, an ampersand and a space.
pub const ONEIL_ID: &str = "org:o'neil & sons";
/// A name with every kind of trouble.
pub const SG_NAME: &str = "Société Générale \"SG\" <&> \\ back\nslash\u{1}";
/// An evidence sentence with every kind of trouble.
pub const NASTY_SENTENCE: &str = "The Pentagon said \"AWS\" won a $10bn <cloud> & data deal.\r\nIt's a C:\\path\\ win\u{1}\u{FFFE}!";

pub fn node(id: &str, name: &str, kind: EntityKind) -> Node {
    Node {
        id: id.to_string(),
        name: name.to_string(),
        kind,
        aliases: Vec::new(),
        mentions: 1,
        documents: Vec::new(),
        first_seen: None,
        last_seen: None,
        ticker: None,
        parent: None,
    }
}

pub fn evidence(
    doc: &str,
    date: Option<&str>,
    text: &str,
    status: Status,
    confidence: f32,
) -> Evidence {
    Evidence {
        doc: doc.to_string(),
        date: date.map(str::to_string),
        sentence: 3,
        start: 120,
        end: 120 + text.len() as u32,
        text: text.to_string(),
        trigger: "won".to_string(),
        rule: "contract.win".to_string(),
        status,
        confidence,
    }
}

pub fn edge(
    kind: RelationKind,
    source: &str,
    target: &str,
    status: Status,
    evidence: Vec<Evidence>,
) -> Edge {
    let first_seen = evidence.iter().filter_map(|e| e.date.clone()).min();
    let last_seen = evidence.iter().filter_map(|e| e.date.clone()).max();
    Edge {
        kind,
        source: source.to_string(),
        target: target.to_string(),
        status,
        confidence: newsgraph_extract::combine_confidence(
            evidence
                .iter()
                .filter(|e| e.status != Status::Negated)
                .map(|e| e.confidence),
        ),
        count: evidence.len() as u32,
        first_seen,
        last_seen,
        evidence,
    }
}

/// Five organisations of every kind, six edges: two parallel edges of
/// different kinds between one pair (one of them denied only), a hedged
/// partnership, an edge without evidence and a non-finite confidence, and
/// text with quotes, backslashes, line breaks, `<&>`, control characters and
/// non-ASCII letters.
pub fn nasty_graph() -> KnowledgeGraph {
    let mut aws = node("aws", "Amazon Web Services", EntityKind::Cloud);
    aws.aliases = vec![
        Alias {
            name: "AWS".into(),
            origin: AliasOrigin::Gazetteer,
        },
        Alias {
            name: "Amazon's cloud".into(),
            origin: AliasOrigin::Descriptive,
        },
    ];
    aws.mentions = 12;
    aws.documents = vec![0, 1];
    aws.first_seen = Some("2024-01-15".into());
    aws.last_seen = Some("2024-03-02".into());
    aws.parent = Some("amazon".into());

    let mut amazon = node("amazon", "Amazon.com, Inc.", EntityKind::Firm);
    amazon.aliases = vec![Alias {
        name: "Amazon; the retailer".into(),
        origin: AliasOrigin::NameVariant,
    }];
    amazon.ticker = Some("AMZN".into());
    amazon.mentions = 4;
    amazon.documents = vec![1];
    amazon.first_seen = Some("2024-03-02".into());
    amazon.last_seen = Some("2024-03-02".into());

    let mut dod = node("dod", "Department of Defense", EntityKind::Agency);
    dod.aliases = vec![Alias {
        name: "DoD".into(),
        origin: AliasOrigin::Gazetteer,
    }];
    dod.mentions = 7;
    dod.documents = vec![0];
    dod.first_seen = Some("2024-01-15".into());
    dod.last_seen = Some("2024-01-15".into());

    let mut sg = node(SG_ID, SG_NAME, EntityKind::Firm);
    sg.aliases = vec![Alias {
        name: "SocGen \"the bank\"".into(),
        origin: AliasOrigin::ShortForm,
    }];
    sg.mentions = 2;
    // Index 5 points past the document list.
    sg.documents = vec![1, 5];
    // Not a real date: must stay out of typed date fields.
    sg.first_seen = Some("2024-02-30".into());

    let oneil = node(ONEIL_ID, "O'Neil & Sons,\tLtd.", EntityKind::Firm);

    let nodes = vec![sg, dod, aws, oneil, amazon];

    let edges = vec![
        edge(
            RelationKind::Contract,
            "aws",
            "dod",
            Status::Asserted,
            vec![
                evidence(
                    "doc-1",
                    Some("2024-01-15"),
                    NASTY_SENTENCE,
                    Status::Asserted,
                    0.9,
                ),
                evidence(
                    "doc/2 ü",
                    Some("2024-03-02"),
                    "AWS again; \"won\".",
                    Status::Reported,
                    0.5,
                ),
            ],
        ),
        edge(
            RelationKind::Dispute,
            "aws",
            "dod",
            Status::Negated,
            vec![evidence(
                "doc-1",
                Some("2024-01-15"),
                "AWS did not sue the DoD.",
                Status::Negated,
                0.6,
            )],
        ),
        edge(
            RelationKind::PartOf,
            "aws",
            "amazon",
            Status::Asserted,
            vec![evidence(
                "doc/2 ü",
                None,
                "AWS, Amazon's cloud unit,",
                Status::Asserted,
                0.95,
            )],
        ),
        edge(
            RelationKind::Partnership,
            "amazon",
            SG_ID,
            Status::Hedged,
            vec![evidence(
                "doc/2 ü",
                Some("2024-03-02"),
                "Amazon may team up with Société Générale.",
                Status::Hedged,
                0.4,
            )],
        ),
        {
            let mut e = edge(
                RelationKind::Investment,
                ONEIL_ID,
                SG_ID,
                Status::Asserted,
                vec![],
            );
            e.confidence = f32::NAN;
            e
        },
        edge(
            RelationKind::Acquisition,
            "dod",
            ONEIL_ID,
            Status::Reported,
            vec![evidence(
                "doc-1",
                Some("2024-01-15"),
                "Reportedly, the DoD bought O'Neil.",
                Status::Reported,
                0.3,
            )],
        ),
    ];

    let documents = vec![
        DocInfo {
            id: "doc-1".into(),
            title: Some("AWS wins \"JEDI\" <again>".into()),
            date: Some("2024-01-15".into()),
            url: Some("https://example.com/a?x=1&y=2".into()),
            hash: "abc123".into(),
        },
        DocInfo {
            id: "doc/2 ü".into(),
            title: None,
            date: None,
            url: None,
            hash: "def456".into(),
        },
    ];
    KnowledgeGraph::from_parts(nodes, edges, documents)
}

/// No nodes, no edges, no documents.
pub fn empty_graph() -> KnowledgeGraph {
    KnowledgeGraph::from_parts(vec![], vec![], vec![])
}

/// Two nodes and no edges.
pub fn edgeless_graph() -> KnowledgeGraph {
    KnowledgeGraph::from_parts(
        vec![
            node("a", "Alpha", EntityKind::Firm),
            node("b", "Beta", EntityKind::Agency),
        ],
        vec![],
        vec![],
    )
}

/// Every test graph, with a name.
pub fn all_graphs() -> Vec<(&'static str, KnowledgeGraph)> {
    vec![
        ("nasty", nasty_graph()),
        ("empty", empty_graph()),
        ("edgeless", edgeless_graph()),
    ]
}

/// Export to a string.
pub fn render(graph: &KnowledgeGraph, format: Format) -> String {
    let mut out = Vec::new();
    export(graph, format, &mut out).expect("export");
    String::from_utf8(out).expect("UTF-8 output")
}

/// The text of `s` with the characters XML 1.0 forbids removed.
pub fn xml_clean(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        })
        .collect()
}

/// Whether a program can be run (`prog --version` or similar succeeds in
/// starting).
pub fn have(prog: &str, arg: &str) -> bool {
    Command::new(prog)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Write `text` to a file in a fresh temporary folder.
pub fn temp_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write temp file");
    path
}

/// Where the shared XSDs live, when they are there.
pub fn schemas_dir() -> Option<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("NEWSGRAPH_SCHEMAS").map(PathBuf::from),
        Some(here.join("../../../shared/schemas")),
        Some(PathBuf::from("/work/shared/schemas")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.join("graphml/graphml.xsd").is_file() && p.join("gexf-1.3/gexf.xsd").is_file())
}
