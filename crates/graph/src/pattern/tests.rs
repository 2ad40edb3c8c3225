use super::*;
use crate::testgraph::sample;

fn rows(g: &KnowledgeGraph, q: &str) -> Vec<String> {
    let r = run(g, q).unwrap_or_else(|e| panic!("{e}"));
    r.rows
        .iter()
        .map(|row| {
            row.iter()
                .map(Cell::display)
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

#[test]
fn the_example_finds_firms_in_dispute_with_their_customers() {
    let g = sample();
    assert_eq!(
        rows(&g, "(a:agency)<-[:contract]-(f:firm)-[:dispute]-(a)"),
        vec![
            "Department of the Navy | Acme Corp",
            "General Services Administration | Bolt Systems"
        ]
    );
    // Only firms that are the complainant.
    assert_eq!(
        rows(
            &g,
            "(a:agency)<-[:contract]-(f:firm)-[:dispute]->(a) RETURN f.name, a.name"
        ),
        vec!["Acme Corp | Department of the Navy"]
    );
}

#[test]
fn relations_are_shown_in_pattern_order() {
    let g = sample();
    assert_eq!(
        rows(&g, "(a {name: 'navy'})<-[r:contract]-(f) RETURN r"),
        vec![
            "Department of the Navy <-[contract]- Acme Corp",
            "Department of the Navy <-[contract]- Bolt Systems"
        ]
    );
    assert_eq!(
        rows(
            &g,
            "(f:firm)-[r:contract]->(a {name: 'navy'}) RETURN r, r.status"
        ),
        vec![
            "Acme Corp -[contract]-> Department of the Navy | asserted",
            "Bolt Systems -[contract]-> Department of the Navy | hedged"
        ]
    );
}

#[test]
fn names_match_aliases_case_insensitively() {
    let g = sample();
    assert_eq!(
        rows(
            &g,
            "(a)<-[:contract]-(s) WHERE a.name = 'pentagon' RETURN s"
        ),
        vec!["Amazon Web Services"]
    );
    assert_eq!(
        rows(
            &g,
            "(a:agency) WHERE a.name STARTS WITH 'dep' AND NOT a.name CONTAINS 'navy' RETURN a"
        ),
        vec!["Department of Defense"]
    );
    assert_eq!(
        rows(&g, "(a:agency) WHERE a.name <> 'DoD' RETURN a.id"),
        vec!["gsa", "navy"]
    );
}

#[test]
fn variable_length_and_either_direction() {
    let g = sample();
    assert_eq!(
        rows(&g, "(x {name: 'Navy'})-[:part_of*1..3]->(y) RETURN y"),
        vec!["Department of Defense"]
    );
    assert_eq!(
        rows(&g, "(x:firm {name: 'Acme'})-[p*2]-(y:agency) RETURN p"),
        vec![
            "Acme Corp -[contract]-> Department of the Navy -[part_of]-> Department of Defense",
            "Acme Corp -[dispute]-> Department of the Navy -[part_of]-> Department of Defense",
            "Acme Corp -[partnership]- Amazon Web Services -[contract]-> Department of Defense",
        ]
    );
    // Zero hops binds the same entity.
    assert_eq!(
        rows(&g, "(x {name: 'AWS'})-[:part_of*0..1]->(y) RETURN y"),
        vec!["Amazon", "Amazon Web Services"]
    );
    // Symmetric relations match any arrow.
    assert_eq!(
        rows(&g, "(a)-[:partnership]->(b) RETURN a, b"),
        vec![
            "Acme Corp | Amazon Web Services",
            "Amazon Web Services | Acme Corp"
        ]
    );
}

#[test]
fn one_edge_is_used_once_per_match() {
    let g = sample();
    assert_eq!(
        rows(&g, "(a)-[r1]-(b)-[r2]-(a) RETURN a, b"),
        vec![
            "Acme Corp | Department of the Navy",
            "Bolt Systems | General Services Administration",
            "Department of the Navy | Acme Corp",
            "General Services Administration | Bolt Systems",
        ]
    );
}

#[test]
fn where_on_numbers_dates_status_and_nulls() {
    let g = sample();
    assert_eq!(
        rows(
            &g,
            "(a)-[r]->(b) WHERE r.confidence >= 0.9 AND r.kind <> 'part_of' RETURN a, b"
        ),
        vec![
            "Acme Corp | Department of the Navy",
            "Amazon Web Services | Department of Defense"
        ]
    );
    assert_eq!(
        rows(
            &g,
            "(a)-[r:contract]->(b) WHERE r.first_seen < '2024-02' RETURN a, b, r.first_seen"
        ),
        vec![
            "Acme Corp | Department of the Navy | 2024-01-10",
            "Bolt Systems | General Services Administration | 2023-12-01"
        ]
    );
    assert_eq!(
        rows(&g, "(a)-[r]->(b) WHERE r.first_seen IS NULL RETURN a, b"),
        vec!["Department of the Navy | Department of Defense"]
    );
    // A missing date is neither before nor after anything, even under NOT.
    assert_eq!(
        rows(
            &g,
            "(a)-[r:part_of]->(b) WHERE NOT r.first_seen < '2030' RETURN a"
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        rows(
            &g,
            "(a)-[r]->(b) WHERE r.status IN ['hedged', 'reported'] OR b.kind = 'cloud' RETURN a, r.kind, b"
        ),
        vec![
            "Acme Corp | partnership | Amazon Web Services",
            "Amazon Web Services | partnership | Acme Corp",
            "Bolt Systems | contract | Department of the Navy",
            "General Services Administration | dispute | Bolt Systems"
        ]
    );
}

#[test]
fn rows_are_distinct_and_limited() {
    let g = sample();
    assert_eq!(
        rows(&g, "(a:agency)<-[:contract]-(f) RETURN a.kind"),
        vec!["agency"]
    );
    let r = run(&g, "(a)-->(b) RETURN a LIMIT 2").expect("runs");
    assert_eq!(r.rows.len(), 2);
    assert!(r.truncated);
    let r = run(&g, "(a:agency), (f:firm) RETURN a, f").expect("runs");
    assert_eq!(r.rows.len(), 9);
}

#[test]
fn several_paths_join_on_shared_variables() {
    let g = sample();
    assert_eq!(
        rows(
            &g,
            "(f:firm)-[:contract]->(a:agency), (f)-[:partnership]-(c:cloud) RETURN f, a, c"
        ),
        vec!["Acme Corp | Department of the Navy | Amazon Web Services"]
    );
}

#[test]
fn semantic_errors_point_at_the_problem() {
    let g = sample();
    let err = |q: &str| run(&g, q).expect_err(q);
    let e = err("(a:agncy)");
    assert!(e.message.contains("did you mean 'agency'"), "{e}");
    assert_eq!(e.column(), 4);
    let e = err("(a)-[:contracts]->(b)");
    assert!(e.message.contains("did you mean 'contract'"), "{e}");
    let e = err("(a)-->(b) WHERE c.name = 'x'");
    assert!(e.message.contains("the pattern binds: a, b"), "{e}");
    assert_eq!(e.column(), 17);
    let e = err("(a)-[r*1..2]->(b) WHERE r.status = 'asserted'");
    assert!(e.message.contains("variable-length"), "{e}");
    let e = err("(a) WHERE a.nam = 'x'");
    assert!(e.message.contains("did you mean 'name'"), "{e}");
    let e = err("(a) WHERE a.mentions CONTAINS 'x'");
    assert!(e.message.contains("CONTAINS cannot be used"), "{e}");
    let e = err("(a)-[r]->(b) WHERE r.first_seen > 'June'");
    assert!(e.message.contains("not a date"), "{e}");
    let e = err("(a)-[r]->(b)-[r]->(c)");
    assert!(e.message.contains("used twice"), "{e}");
    let e = err("()-->()");
    assert!(e.message.contains("nothing to return"), "{e}");
    let e = err("(a)-[*1..20]->(b)");
    assert!(e.message.contains("at most"), "{e}");
}

#[test]
fn errors_render_with_a_caret() {
    let e = check("(a:agency)<-[:contract-(f:firm)").expect_err("syntax error");
    assert_eq!(
        e.to_string(),
        "expected ']' to close the relation pattern (or '|' for another kind, '*' for a variable length), found '-' (column 23)\n  (a:agency)<-[:contract-(f:firm)\n                        ^"
    );
}
