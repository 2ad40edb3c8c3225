//! `newsgraph query`: entity, neighbors, path, why.

use crate::cli::{Query, QueryArgs};
use crate::table::{Table, clip};
use anyhow::Result;
use newsgraph_extract::RelationKind;
use newsgraph_graph::query::{self, Dir, NameIndex};
use newsgraph_graph::{Edge, KnowledgeGraph, Node, snapshot};
use serde_json::json;
use std::fmt::Write as _;
use std::process::ExitCode;

pub fn run(args: QueryArgs) -> Result<ExitCode> {
    let graph = snapshot::load(&args.graph)?;
    let names = NameIndex::new(&graph);
    let out = match &args.query {
        Query::Entity { name } => entity(&graph, &names, name, args.json)?,
        Query::Neighbors { name, kind } => {
            neighbors(&graph, &names, name, &parse_kinds(kind)?, args.json)?
        }
        Query::Path { from, to } => path(&graph, &names, from, to, args.json)?,
        Query::Why { a, b } => why(&graph, &names, a, b, args.json)?,
    };
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

fn parse_kinds(kinds: &[String]) -> Result<Vec<RelationKind>> {
    kinds
        .iter()
        .filter(|k| !k.trim().is_empty())
        .map(|k| k.parse::<RelationKind>().map_err(|e| anyhow::anyhow!(e)))
        .collect()
}

fn arrow(edge: &Edge, dir: Dir) -> &'static str {
    match (edge.kind.is_symmetric(), dir) {
        (true, _) => "--",
        (false, Dir::Out) => "->",
        (false, Dir::In) => "<-",
    }
}

fn best_sentence(edge: &Edge) -> &str {
    edge.evidence
        .iter()
        .filter(|e| e.status != newsgraph_extract::Status::Negated)
        .max_by(|a, b| {
            a.confidence
                .total_cmp(&b.confidence)
                .then(b.doc.cmp(&a.doc))
        })
        .or_else(|| edge.evidence.first())
        .map(|e| e.text.as_str())
        .unwrap_or("")
}

fn node_json(n: &Node, g: &KnowledgeGraph) -> serde_json::Value {
    json!({
        "id": n.id,
        "name": n.name,
        "kind": n.kind,
        "aliases": n.aliases,
        "mentions": n.mentions,
        "documents": n.documents.iter().filter_map(|&i| g.documents().get(i as usize).map(|d| d.id.as_str())).collect::<Vec<_>>(),
        "first_seen": n.first_seen,
        "last_seen": n.last_seen,
        "ticker": n.ticker,
        "parent": n.parent,
    })
}

fn edge_summary(e: &Edge) -> serde_json::Value {
    json!({
        "kind": e.kind,
        "source": e.source,
        "target": e.target,
        "status": e.status,
        "confidence": e.confidence,
        "count": e.count,
        "first_seen": e.first_seen,
        "last_seen": e.last_seen,
    })
}

fn entity(g: &KnowledgeGraph, names: &NameIndex, name: &str, as_json: bool) -> Result<String> {
    let ix = names.resolve(g, name)?;
    let n = &g.petgraph()[ix];
    let links = query::links(g, ix, &[]);
    if as_json {
        let rels: Vec<_> = links
            .iter()
            .map(|l| {
                let mut v = edge_summary(l.edge);
                v["direction"] = json!(l.direction);
                v["other"] = json!({"id": l.other.id, "name": l.other.name, "kind": l.other.kind});
                v
            })
            .collect();
        let mut v = node_json(n, g);
        v["relations"] = json!(rels);
        return Ok(format!("{}\n", serde_json::to_string_pretty(&v)?));
    }
    let mut out = String::new();
    writeln!(out, "{} ({}, id {})", n.name, n.kind, n.id)?;
    if !n.aliases.is_empty() {
        let a: Vec<String> = n
            .aliases
            .iter()
            .map(|a| format!("{} [{}]", a.name, a.origin))
            .collect();
        writeln!(out, "  aliases:   {}", a.join(", "))?;
    }
    if let Some(t) = &n.ticker {
        writeln!(out, "  ticker:    {t}")?;
    }
    writeln!(
        out,
        "  mentions:  {} in {} document{}{}",
        n.mentions,
        n.documents.len(),
        if n.documents.len() == 1 { "" } else { "s" },
        match (&n.first_seen, &n.last_seen) {
            (Some(a), Some(b)) if a == b => format!(", seen {a}"),
            (Some(a), Some(b)) => format!(", first seen {a}, last seen {b}"),
            _ => String::new(),
        }
    )?;
    if links.is_empty() {
        writeln!(out, "  no relations")?;
    }
    for (kind, ls) in query::grouped(&links) {
        writeln!(out, "  {kind} ({})", ls.len())?;
        let mut t = Table::new(["", "", "", "", ""]);
        for l in ls {
            t.row([
                format!("    {}", arrow(l.edge, l.direction)),
                l.other.name.clone(),
                l.edge.status.to_string(),
                format!("confidence {:.2}", l.edge.confidence),
                format!(
                    "{} statement{}",
                    l.edge.count,
                    if l.edge.count == 1 { "" } else { "s" }
                ),
            ]);
        }
        for line in t.render().lines().skip(1) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(out)
}

fn neighbors(
    g: &KnowledgeGraph,
    names: &NameIndex,
    name: &str,
    kinds: &[RelationKind],
    as_json: bool,
) -> Result<String> {
    let ix = names.resolve(g, name)?;
    let links = query::links(g, ix, kinds);
    if as_json {
        let v: Vec<_> = links
            .iter()
            .map(|l| {
                json!({
                    "relation": l.edge.kind,
                    "direction": l.direction,
                    "id": l.other.id,
                    "name": l.other.name,
                    "kind": l.other.kind,
                    "status": l.edge.status,
                    "confidence": l.edge.confidence,
                    "count": l.edge.count,
                })
            })
            .collect();
        return Ok(format!("{}\n", serde_json::to_string_pretty(&v)?));
    }
    if links.is_empty() {
        return Ok(format!(
            "no results: {} has no {}relations\n",
            g.petgraph()[ix].name,
            kind_label(kinds)
        ));
    }
    let mut t = Table::new([
        "RELATION", "DIR", "ENTITY", "KIND", "STATUS", "CONF", "N", "EVIDENCE",
    ]);
    for l in &links {
        t.row([
            l.edge.kind.to_string(),
            arrow(l.edge, l.direction).to_string(),
            l.other.name.clone(),
            l.other.kind.to_string(),
            l.edge.status.to_string(),
            format!("{:.2}", l.edge.confidence),
            l.edge.count.to_string(),
            clip(best_sentence(l.edge), 80),
        ]);
    }
    Ok(t.render())
}

fn kind_label(kinds: &[RelationKind]) -> String {
    if kinds.is_empty() {
        String::new()
    } else {
        format!(
            "{} ",
            kinds
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join("/")
        )
    }
}

fn path(
    g: &KnowledgeGraph,
    names: &NameIndex,
    from: &str,
    to: &str,
    as_json: bool,
) -> Result<String> {
    let a = names.resolve(g, from)?;
    let b = names.resolve(g, to)?;
    let (na, nb) = (&g.petgraph()[a], &g.petgraph()[b]);
    let Some(hops) = query::shortest_path(g, a, b, &[]) else {
        if as_json {
            return Ok("null\n".to_string());
        }
        return Ok(format!(
            "no results: no path between {} and {}\n",
            na.name, nb.name
        ));
    };
    if as_json {
        let v: Vec<_> = hops
            .iter()
            .map(|h| {
                let mut e = edge_summary(h.edge);
                e["from"] = json!(h.from.id);
                e["to"] = json!(h.to.id);
                e["forward"] = json!(h.forward);
                e["evidence"] = json!(best_sentence(h.edge));
                e
            })
            .collect();
        return Ok(format!("{}\n", serde_json::to_string_pretty(&v)?));
    }
    let mut out = String::new();
    writeln!(
        out,
        "{} to {}: {} hop{}",
        na.name,
        nb.name,
        hops.len(),
        if hops.len() == 1 { "" } else { "s" }
    )?;
    for (i, h) in hops.iter().enumerate() {
        let rel = if h.edge.kind.is_symmetric() {
            format!("-[{}]-", h.edge.kind)
        } else if h.forward {
            format!("-[{}]->", h.edge.kind)
        } else {
            format!("<-[{}]-", h.edge.kind)
        };
        writeln!(
            out,
            "  {}. {} {} {}  ({}, confidence {:.2})",
            i + 1,
            h.from.name,
            rel,
            h.to.name,
            h.edge.status,
            h.edge.confidence
        )?;
        writeln!(out, "     \"{}\"", clip(best_sentence(h.edge), 160))?;
    }
    Ok(out)
}

fn why(g: &KnowledgeGraph, names: &NameIndex, a: &str, b: &str, as_json: bool) -> Result<String> {
    let ia = names.resolve(g, a)?;
    let ib = names.resolve(g, b)?;
    let (na, nb) = (&g.petgraph()[ia], &g.petgraph()[ib]);
    let edges = query::between(g, ia, ib);
    if as_json {
        let v: Vec<_> = edges
            .iter()
            .map(|(_, e)| {
                let mut s = edge_summary(e);
                s["evidence"] = json!(e.evidence);
                s
            })
            .collect();
        return Ok(format!("{}\n", serde_json::to_string_pretty(&v)?));
    }
    if edges.is_empty() {
        return Ok(format!(
            "no results: no relation between {} and {}\n",
            na.name, nb.name
        ));
    }
    let mut out = String::new();
    for (dir, e) in edges {
        let (s, t) = if dir == Dir::Out { (na, nb) } else { (nb, na) };
        writeln!(
            out,
            "{}: {} {} {}  ({}, confidence {:.2}, {} statement{})",
            e.kind,
            s.name,
            if e.kind.is_symmetric() { "--" } else { "->" },
            t.name,
            e.status,
            e.confidence,
            e.count,
            if e.count == 1 { "" } else { "s" }
        )?;
        for ev in &e.evidence {
            writeln!(
                out,
                "  - {}{} sentence {} [{}..{}] {} (rule {}, trigger \"{}\")",
                ev.doc,
                ev.date
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default(),
                ev.sentence + 1,
                ev.start,
                ev.end,
                ev.status,
                ev.rule,
                ev.trigger
            )?;
            writeln!(out, "    \"{}\"", ev.text)?;
        }
    }
    Ok(out)
}
