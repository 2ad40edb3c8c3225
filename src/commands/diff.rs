//! `newsgraph diff`: what changed between two graph snapshots.

use super::report::{Mode, Report, color_for, plural};
use crate::cli::DiffArgs;
use crate::table::{Paint, Table, clip};
use anyhow::Result;
use newsgraph_graph::diff::{RelationRef, diff};
use newsgraph_graph::{KnowledgeGraph, snapshot};
use serde_json::json;
use std::fmt::Write as _;
use std::process::ExitCode;

fn relation_text(r: &RelationRef) -> String {
    let k = r.kind.as_str();
    if r.kind.is_symmetric() {
        format!("{} -[{k}]- {}", r.source.name, r.target.name)
    } else {
        format!("{} -[{k}]-> {}", r.source.name, r.target.name)
    }
}

fn summary(g: &KnowledgeGraph) -> String {
    format!(
        "{}, {}, {}",
        plural(g.document_count(), "document"),
        plural(g.node_count(), "entity").replace("entitys", "entities"),
        plural(g.edge_count(), "relation")
    )
}

pub fn run(args: DiffArgs) -> Result<ExitCode> {
    let old = snapshot::load(&args.old)?;
    let new = snapshot::load(&args.new)?;
    old.try_documents()?;
    new.try_documents()?;
    let mode = Mode::new(args.json, args.csv);
    let color = color_for(mode, args.color);
    let d = diff(&old, &new);

    let mut t = Table::new(["CHANGE", "ITEM", "WHAT", "DETAIL"]);
    let mut csv = Table::new(["change", "item", "id", "what", "detail"]);
    let mut add = |change: &str, item: &str, id: String, what: String, detail: String| {
        let paint = match change {
            "added" => Some(Paint::Green),
            "removed" => Some(Paint::Red),
            _ => Some(Paint::Yellow),
        };
        t.row_painted([
            (change.to_string(), paint.filter(|_| color)),
            (item.to_string(), None),
            (what.clone(), None),
            (clip(&detail, 100), None),
        ]);
        csv.row([change.to_string(), item.to_string(), id, what, detail]);
    };
    for e in &d.entities_added {
        add(
            "added",
            "entity",
            e.id.clone(),
            e.name.clone(),
            e.kind.to_string(),
        );
    }
    for e in &d.entities_removed {
        add(
            "removed",
            "entity",
            e.id.clone(),
            e.name.clone(),
            e.kind.to_string(),
        );
    }
    for c in &d.entities_changed {
        add(
            "changed",
            "entity",
            c.entity.id.clone(),
            c.entity.name.clone(),
            c.changes.join("; "),
        );
    }
    let rel_id = |r: &RelationRef| format!("{} {} {}", r.source.id, r.kind, r.target.id);
    for (r, evidence) in &d.relations_added {
        let docs: Vec<&str> = evidence.iter().map(|e| e.doc.as_str()).collect();
        add(
            "added",
            "relation",
            rel_id(r),
            relation_text(r),
            format!(
                "{}, {}: {}",
                r.status,
                plural(evidence.len(), "statement"),
                docs.join(", ")
            ),
        );
    }
    for r in &d.relations_removed {
        add(
            "removed",
            "relation",
            rel_id(r),
            relation_text(r),
            r.status.to_string(),
        );
    }
    for c in &d.relations_changed {
        let mut detail = Vec::new();
        if !c.new_evidence.is_empty() {
            let docs: Vec<&str> = c.new_evidence.iter().map(|e| e.doc.as_str()).collect();
            detail.push(format!(
                "+{}: {}",
                plural(c.new_evidence.len(), "statement"),
                docs.join(", ")
            ));
        }
        if c.removed_evidence > 0 {
            detail.push(format!("-{}", plural(c.removed_evidence, "statement")));
        }
        detail.extend(c.changes.iter().cloned());
        let change = if c.new_evidence.is_empty() {
            "changed"
        } else {
            "new evidence"
        };
        add(
            change,
            "relation",
            rel_id(&c.relation),
            relation_text(&c.relation),
            detail.join("; "),
        );
    }

    let mut text = String::new();
    let _ = writeln!(text, "old: {} ({})", args.old.display(), summary(&old));
    let _ = writeln!(text, "new: {} ({})", args.new.display(), summary(&new));
    let _ = writeln!(
        text,
        "entities: {} added, {} removed, {} changed; relations: {} added, {} removed, {} with new evidence, {} otherwise changed; documents: {} added, {} removed",
        d.entities_added.len(),
        d.entities_removed.len(),
        d.entities_changed.len(),
        d.relations_added.len(),
        d.relations_removed.len(),
        d.relations_with_new_evidence(),
        d.relations_changed.len() - d.relations_with_new_evidence(),
        d.documents_added,
        d.documents_removed,
    );
    let mut report = Report::default();
    if d.is_empty() {
        report.empty = Some(format!(
            "no results: the graphs hold the same entities and relations ({})",
            summary(&new)
        ));
    } else {
        text.push('\n');
        text.push_str(&t.render_with(color, true));
    }
    report.text = text;
    report.csv = csv;
    report.json = json!({
        "old": {"path": args.old.display().to_string(), "documents": old.document_count(), "entities": old.node_count(), "relations": old.edge_count()},
        "new": {"path": args.new.display().to_string(), "documents": new.document_count(), "entities": new.node_count(), "relations": new.edge_count()},
        "entities_added": d.entities_added,
        "entities_removed": d.entities_removed,
        "entities_changed": d.entities_changed,
        "relations_added": d.relations_added.iter().map(|(r, ev)| json!({"relation": r, "evidence": ev})).collect::<Vec<_>>(),
        "relations_removed": d.relations_removed,
        "relations_changed": d.relations_changed,
        "documents_added": d.documents_added,
        "documents_removed": d.documents_removed,
    });
    report.print(mode)?;
    Ok(ExitCode::SUCCESS)
}
