//! `newsgraph query`: entity, neighbors, path, why, relations, entities,
//! stats, timeline and match, each as a table, JSON or CSV.

use super::report::{Mode, Report, color_for, indent, kind_paint, plural, status_paint};
use crate::cli::{Direction, EntitySort, Query, QueryArgs};
use crate::table::{Paint, Table, clip};
use anyhow::{Result, anyhow};
use newsgraph_extract::{EntityKind, Evidence, RelationKind, Status};
use newsgraph_graph::NodeIndex;
use newsgraph_graph::pattern::{self, Cell};
use newsgraph_graph::query::{self, Dir, Hop, Link, NameIndex, Walk, best_evidence};
use newsgraph_graph::stats::{self, RankBy};
use newsgraph_graph::{Edge, KnowledgeGraph, Node, Selection, snapshot};
use serde_json::{Value, json};
use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Longest evidence sentence shown in a table cell.
const EVIDENCE_WIDTH: usize = 80;

/// What every query needs: the graph, the name index (built on first use)
/// and whether to colour.
struct Ctx<'g> {
    g: &'g KnowledgeGraph,
    names: OnceCell<NameIndex>,
    color: bool,
    /// The output is JSON: only then are document ids listed, so a table
    /// or CSV never decodes the snapshot's document table.
    json: bool,
}

impl<'g> Ctx<'g> {
    fn resolve(&self, name: &str) -> Result<NodeIndex> {
        let names = self.names.get_or_init(|| NameIndex::new(self.g));
        Ok(names.resolve(self.g, name)?)
    }

    fn node(&self, ix: NodeIndex) -> &'g Node {
        &self.g.petgraph()[ix]
    }

    fn paint(&self, s: &str, p: Option<Paint>) -> (String, Option<Paint>) {
        (s.to_string(), if self.color { p } else { None })
    }
}

pub fn run(args: QueryArgs) -> Result<ExitCode> {
    let graph = snapshot::load(&args.graph)?;
    let mode = Mode::new(args.json, args.csv);
    // The document table is read from the snapshot only by the queries
    // that show documents; a damaged one is then an error naming the file.
    let needs_documents = match &args.query {
        Query::Stats { .. } => true,
        Query::Entity { .. } => matches!(mode, Mode::Json),
        _ => false,
    };
    if needs_documents {
        graph.try_documents()?;
    }
    let ctx = Ctx {
        g: &graph,
        names: OnceCell::new(),
        color: color_for(mode, args.color),
        json: matches!(mode, Mode::Json),
    };
    let report = match &args.query {
        Query::Entity { name } => entity(&ctx, name)?,
        Query::Neighbors {
            name,
            kind,
            direction,
            depth,
            entity_kind,
        } => neighbors(&ctx, name, kind, *direction, *depth, entity_kind)?,
        Query::Path {
            from,
            to,
            kind,
            max_hops,
            all,
            limit,
        } => path(&ctx, from, to, kind, *max_hops, *all, *limit)?,
        Query::Why { a, b } => why(&ctx, a, b)?,
        Query::Relations {
            kind,
            from,
            to,
            status,
            since,
            until,
            min_confidence,
            limit,
        } => {
            let sel = Selection {
                kinds: kind.clone(),
                statuses: status.clone(),
                since: since.clone(),
                until: until.clone(),
                min_confidence: *min_confidence,
                ..Selection::default()
            };
            relations(&ctx, &sel, from.as_deref(), to.as_deref(), *limit)?
        }
        Query::Entities { kind, sort, limit } => entities(&ctx, kind, *sort, *limit),
        Query::Stats { top } => stats_report(&ctx, *top),
        Query::Aliases { name, origin } => aliases(&ctx, name.as_deref(), origin.as_deref())?,
        Query::Timeline { name, kind } => timeline(&ctx, name, kind)?,
        Query::Match { pattern } => match_report(&ctx, pattern)?,
    };
    report.print(mode)?;
    // The process ends here: freeing a large graph piece by piece costs a
    // fifth of a query's time and gives nothing back.
    std::mem::forget(graph);
    Ok(ExitCode::SUCCESS)
}

/// `->`, `<-` or `--` for an edge seen from one end.
fn arrow(edge: &Edge, dir: Dir) -> &'static str {
    match (edge.kind.is_symmetric(), dir) {
        (true, _) => "--",
        (false, Dir::Out) => "->",
        (false, Dir::In) => "<-",
    }
}

fn direction_name(edge: &Edge, dir: Dir) -> &'static str {
    match (edge.kind.is_symmetric(), dir) {
        (true, _) => "undirected",
        (false, Dir::Out) => "out",
        (false, Dir::In) => "in",
    }
}

/// `-[contract]->` for a hop walked from `from` to `to`.
fn hop_relation(h: &Hop<'_>) -> String {
    let k = h.edge.kind.as_str();
    if h.edge.kind.is_symmetric() {
        format!("-[{k}]-")
    } else if h.forward {
        format!("-[{k}]->")
    } else {
        format!("<-[{k}]-")
    }
}

fn conf(c: f32) -> String {
    format!("{c:.2}")
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn dash(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "-".to_string())
}

fn entity_json(n: &Node) -> Value {
    json!({"id": n.id, "name": n.name, "kind": n.kind})
}

fn evidence_json(e: &Evidence) -> Value {
    json!({
        "doc": e.doc,
        "date": e.date,
        "sentence": e.sentence,
        "start": e.start,
        "end": e.end,
        "text": e.text,
        "trigger": e.trigger,
        "rule": e.rule,
        "status": e.status,
        "confidence": e.confidence,
    })
}

fn edge_json(g: &KnowledgeGraph, e: &Edge) -> Value {
    let name = |id: &str| g.node(id).map(|n| n.name.clone());
    json!({
        "kind": e.kind,
        "source": e.source,
        "target": e.target,
        "source_name": name(&e.source),
        "target_name": name(&e.target),
        "symmetric": e.kind.is_symmetric(),
        "status": e.status,
        "confidence": e.confidence,
        "count": e.count,
        "first_seen": e.first_seen,
        "last_seen": e.last_seen,
        "best_evidence": best_evidence(e).map(evidence_json),
    })
}

fn best_text(e: &Edge) -> String {
    best_evidence(e).map_or_else(String::new, |ev| ev.text.clone())
}

fn best_doc(e: &Edge) -> String {
    best_evidence(e).map_or_else(String::new, |ev| ev.doc.clone())
}

fn kinds_label(kinds: &[RelationKind]) -> String {
    if kinds.is_empty() {
        String::new()
    } else {
        let k: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
        format!("{} ", k.join("/"))
    }
}

fn entity(ctx: &Ctx<'_>, name: &str) -> Result<Report> {
    let ix = ctx.resolve(name)?;
    let n = ctx.node(ix);
    let mut links = query::links(ctx.g, ix, &[]);
    links.sort_by(|a, b| {
        (
            a.edge.kind,
            a.edge.status,
            a.direction,
            &a.other.name,
            &a.other.id,
        )
            .cmp(&(
                b.edge.kind,
                b.edge.status,
                b.direction,
                &b.other.name,
                &b.other.id,
            ))
    });
    let mut counts: BTreeMap<(RelationKind, Status), usize> = BTreeMap::new();
    for l in &links {
        *counts.entry((l.edge.kind, l.edge.status)).or_default() += 1;
    }

    let mut text = String::new();
    let _ = writeln!(
        text,
        "{} ({}, id {})",
        Paint::Bold.apply(&n.name, ctx.color),
        kind_paint(n.kind).map_or_else(
            || n.kind.to_string(),
            |p| p.apply(n.kind.as_str(), ctx.color)
        ),
        n.id
    );
    let mut props = Table::new(["", ""]);
    props.row([
        "  mentions".to_string(),
        format!(
            "{} in {}",
            n.mentions,
            plural(n.documents.len(), "document")
        ),
    ]);
    props.row(["  first seen".to_string(), dash(&n.first_seen)]);
    props.row(["  last seen".to_string(), dash(&n.last_seen)]);
    if let Some(t) = &n.ticker {
        props.row(["  ticker".to_string(), t.clone()]);
    }
    if let Some(p) = &n.parent {
        let shown = ctx
            .g
            .node(p)
            .map_or_else(|| p.clone(), |pn| format!("{} ({p})", pn.name));
        props.row(["  parent".to_string(), shown]);
    }
    if n.aliases.is_empty() {
        props.row(["  aliases", "none"]);
    }
    text.push_str(&props.render_with(ctx.color, false));
    if !n.aliases.is_empty() {
        let mut t = Table::new(["ALIAS", "ORIGIN"]);
        for a in &n.aliases {
            t.row([a.name.clone(), a.origin.to_string()]);
        }
        text.push('\n');
        text.push_str(&indent(&t.render_with(ctx.color, true), "  "));
    }
    text.push('\n');
    if links.is_empty() {
        text.push_str("  no relations\n");
    } else {
        let mut t = Table::new(["RELATIONS", "STATUS", "COUNT"]);
        for ((k, s), c) in &counts {
            t.row_painted([
                (k.to_string(), None),
                ctx.paint(s.as_str(), status_paint(*s)),
                (c.to_string(), None),
            ]);
        }
        text.push_str(&indent(&t.render_with(ctx.color, true), "  "));
        text.push('\n');
        let mut t = Table::new([
            "RELATION", "STATUS", "DIR", "ENTITY", "KIND", "CONF", "N", "FIRST", "LAST",
        ]);
        for l in &links {
            t.row_painted([
                (l.edge.kind.to_string(), None),
                ctx.paint(l.edge.status.as_str(), status_paint(l.edge.status)),
                (arrow(l.edge, l.direction).to_string(), None),
                (l.other.name.clone(), None),
                ctx.paint(l.other.kind.as_str(), kind_paint(l.other.kind)),
                (conf(l.edge.confidence), None),
                (l.edge.count.to_string(), None),
                (dash(&l.edge.first_seen), None),
                (dash(&l.edge.last_seen), None),
            ]);
        }
        text.push_str(&indent(&t.render_with(ctx.color, true), "  "));
    }

    let mut csv = Table::new([
        "relation",
        "status",
        "direction",
        "entity_id",
        "entity",
        "entity_kind",
        "confidence",
        "count",
        "first_seen",
        "last_seen",
    ]);
    for l in &links {
        csv.row([
            l.edge.kind.to_string(),
            l.edge.status.to_string(),
            direction_name(l.edge, l.direction).to_string(),
            l.other.id.clone(),
            l.other.name.clone(),
            l.other.kind.to_string(),
            format!("{:.4}", l.edge.confidence),
            l.edge.count.to_string(),
            opt(&l.edge.first_seen),
            opt(&l.edge.last_seen),
        ]);
    }
    let docs: Vec<&str> = if ctx.json {
        n.documents
            .iter()
            .filter_map(|&i| ctx.g.documents().get(i as usize).map(|d| d.id.as_str()))
            .collect()
    } else {
        Vec::new()
    };
    let json = json!({
        "id": n.id,
        "name": n.name,
        "kind": n.kind,
        "aliases": n.aliases,
        "mentions": n.mentions,
        "document_count": n.documents.len(),
        "documents": docs,
        "first_seen": n.first_seen,
        "last_seen": n.last_seen,
        "ticker": n.ticker,
        "parent": n.parent,
        "relation_counts": counts.iter().map(|((k, s), c)| json!({"kind": k, "status": s, "count": c})).collect::<Vec<_>>(),
        "relations": links.iter().map(|l| {
            let mut v = edge_json(ctx.g, l.edge);
            v["direction"] = json!(direction_name(l.edge, l.direction));
            v["other"] = entity_json(l.other);
            v
        }).collect::<Vec<_>>(),
    });
    Ok(Report {
        text,
        csv,
        json,
        ..Report::default()
    })
}

fn neighbors(
    ctx: &Ctx<'_>,
    name: &str,
    kinds: &[RelationKind],
    direction: Direction,
    depth: usize,
    entity_kinds: &[EntityKind],
) -> Result<Report> {
    let ix = ctx.resolve(name)?;
    let walk = match direction {
        Direction::Out => Walk::Out,
        Direction::In => Walk::In,
        Direction::Both => Walk::Both,
    };
    let mut reach = query::neighbourhood(ctx.g, ix, kinds, walk, depth.max(1));
    reach.retain(|r| entity_kinds.is_empty() || entity_kinds.contains(&r.link.other.kind));
    let mut report = Report::default();
    if reach.is_empty() {
        let mut what = format!("{}relations", kinds_label(kinds));
        match direction {
            Direction::Out => what.push_str(" out of it"),
            Direction::In => what.push_str(" into it"),
            Direction::Both => {}
        }
        if depth > 1 {
            let _ = write!(what, " within {depth} hops");
        }
        if !entity_kinds.is_empty() {
            let k: Vec<&str> = entity_kinds.iter().map(|k| k.as_str()).collect();
            let _ = write!(what, " with a {}", k.join("/"));
        }
        report.empty = Some(format!("no results: {} has no {what}", ctx.node(ix).name));
    }
    let deep = depth > 1;
    let mut header = Vec::new();
    if deep {
        header.extend(["DEPTH", "VIA"]);
    }
    header.extend([
        "RELATION", "DIR", "ENTITY", "KIND", "STATUS", "CONF", "N", "EVIDENCE",
    ]);
    let mut t = Table::new(header);
    let mut csv = Table::new([
        "depth",
        "via_id",
        "via",
        "relation",
        "direction",
        "entity_id",
        "entity",
        "entity_kind",
        "status",
        "confidence",
        "count",
        "first_seen",
        "last_seen",
        "evidence_doc",
        "evidence",
    ]);
    let mut json_rows = Vec::new();
    for r in &reach {
        let l = &r.link;
        let mut cells = Vec::new();
        if deep {
            cells.push((r.depth.to_string(), None));
            cells.push((r.from.name.clone(), None));
        }
        cells.extend([
            (l.edge.kind.to_string(), None),
            (arrow(l.edge, l.direction).to_string(), None),
            (l.other.name.clone(), None),
            ctx.paint(l.other.kind.as_str(), kind_paint(l.other.kind)),
            ctx.paint(l.edge.status.as_str(), status_paint(l.edge.status)),
            (conf(l.edge.confidence), None),
            (l.edge.count.to_string(), None),
            (clip(&best_text(l.edge), EVIDENCE_WIDTH), None),
        ]);
        t.row_painted(cells);
        csv.row([
            r.depth.to_string(),
            r.from.id.clone(),
            r.from.name.clone(),
            l.edge.kind.to_string(),
            direction_name(l.edge, l.direction).to_string(),
            l.other.id.clone(),
            l.other.name.clone(),
            l.other.kind.to_string(),
            l.edge.status.to_string(),
            format!("{:.4}", l.edge.confidence),
            l.edge.count.to_string(),
            opt(&l.edge.first_seen),
            opt(&l.edge.last_seen),
            best_doc(l.edge),
            best_text(l.edge),
        ]);
        json_rows.push(json!({
            "relation": l.edge.kind,
            "direction": direction_name(l.edge, l.direction),
            "id": l.other.id,
            "name": l.other.name,
            "kind": l.other.kind,
            "status": l.edge.status,
            "confidence": l.edge.confidence,
            "count": l.edge.count,
            "first_seen": l.edge.first_seen,
            "last_seen": l.edge.last_seen,
            "depth": r.depth,
            "via": entity_json(r.from),
            "best_evidence": best_evidence(l.edge).map(evidence_json),
        }));
    }
    report.text = t.render_with(ctx.color, true);
    report.csv = csv;
    report.json = json!(json_rows);
    Ok(report)
}

/// One hop: the edge (as [`edge_json`]) with the ids and names of the
/// entities it goes from and to, whether it is walked along the edge's
/// direction, and the best sentence.
fn hop_json(g: &KnowledgeGraph, h: &Hop<'_>) -> Value {
    let mut v = edge_json(g, h.edge);
    v["from"] = json!(h.from.id);
    v["to"] = json!(h.to.id);
    v["from_name"] = json!(h.from.name);
    v["to_name"] = json!(h.to.name);
    v["forward"] = json!(h.forward);
    v["evidence"] = json!(best_text(h.edge));
    v
}

fn path(
    ctx: &Ctx<'_>,
    from: &str,
    to: &str,
    kinds: &[RelationKind],
    max_hops: Option<usize>,
    all: bool,
    limit: usize,
) -> Result<Report> {
    let a = ctx.resolve(from)?;
    let b = ctx.resolve(to)?;
    let (na, nb) = (ctx.node(a), ctx.node(b));
    let (paths, truncated) = query::all_shortest_paths(
        ctx.g,
        a,
        b,
        kinds,
        max_hops,
        if all { limit.max(1) } else { 1 },
    );
    let mut report = Report::default();
    if paths.is_empty() {
        let mut msg = format!(
            "no results: no {}path between {} and {}",
            kinds_label(kinds),
            na.name,
            nb.name
        );
        if let Some(m) = max_hops {
            let _ = write!(msg, " within {}", plural(m, "hop"));
        }
        report.empty = Some(msg);
    }
    if all && truncated {
        report.notes.push(format!(
            "showing the first {limit} shortest paths; raise --limit for more"
        ));
    }
    let hops = paths.first().map_or(0, Vec::len);
    let mut text = format!("{} to {}: {}", na.name, nb.name, plural(hops, "hop"));
    if all {
        let _ = write!(
            text,
            ", {}{}",
            plural(paths.len(), "shortest path"),
            if truncated { " (more cut off)" } else { "" }
        );
    }
    text.push('\n');
    let mut header = Vec::new();
    if all {
        header.push("PATH");
    }
    header.extend([
        "HOP", "FROM", "RELATION", "TO", "STATUS", "CONF", "DOC", "EVIDENCE",
    ]);
    let mut t = Table::new(header);
    let mut csv = Table::new([
        "path",
        "hop",
        "from_id",
        "from",
        "relation",
        "direction",
        "to_id",
        "to",
        "status",
        "confidence",
        "count",
        "evidence_doc",
        "evidence_date",
        "evidence",
    ]);
    for (p, hops) in paths.iter().enumerate() {
        for (i, h) in hops.iter().enumerate() {
            let best = best_evidence(h.edge);
            let mut cells = Vec::new();
            if all {
                cells.push((
                    if i == 0 {
                        (p + 1).to_string()
                    } else {
                        String::new()
                    },
                    None,
                ));
            }
            cells.extend([
                ((i + 1).to_string(), None),
                (h.from.name.clone(), None),
                (hop_relation(h), None),
                (h.to.name.clone(), None),
                ctx.paint(h.edge.status.as_str(), status_paint(h.edge.status)),
                (conf(h.edge.confidence), None),
                (best.map_or_else(String::new, |e| e.doc.clone()), None),
                (clip(&best_text(h.edge), EVIDENCE_WIDTH), None),
            ]);
            t.row_painted(cells);
            csv.row([
                (p + 1).to_string(),
                (i + 1).to_string(),
                h.from.id.clone(),
                h.from.name.clone(),
                h.edge.kind.to_string(),
                if h.edge.kind.is_symmetric() {
                    "undirected"
                } else if h.forward {
                    "forward"
                } else {
                    "backward"
                }
                .to_string(),
                h.to.id.clone(),
                h.to.name.clone(),
                h.edge.status.to_string(),
                format!("{:.4}", h.edge.confidence),
                h.edge.count.to_string(),
                best.map_or_else(String::new, |e| e.doc.clone()),
                best.and_then(|e| e.date.clone()).unwrap_or_default(),
                best_text(h.edge),
            ]);
        }
    }
    if hops > 0 {
        text.push_str(&t.render_with(ctx.color, true));
    }
    report.text = text;
    report.csv = csv;
    let as_json =
        |p: &Vec<Hop<'_>>| json!(p.iter().map(|h| hop_json(ctx.g, h)).collect::<Vec<_>>());
    // One path: its hops (null when there is none); --all: a list of paths.
    report.json = if all {
        json!(paths.iter().map(as_json).collect::<Vec<_>>())
    } else {
        paths.first().map_or(Value::Null, as_json)
    };
    Ok(report)
}

fn why(ctx: &Ctx<'_>, a: &str, b: &str) -> Result<Report> {
    let ia = ctx.resolve(a)?;
    let ib = ctx.resolve(b)?;
    let (na, nb) = (ctx.node(ia), ctx.node(ib));
    let edges = query::between(ctx.g, ia, ib);
    let mut report = Report::default();
    if edges.is_empty() {
        report.empty = Some(format!(
            "no results: no relation between {} and {}",
            na.name, nb.name
        ));
    }
    let mut text = String::new();
    let mut csv = Table::new([
        "relation",
        "source_id",
        "source",
        "target_id",
        "target",
        "relation_status",
        "relation_confidence",
        "doc",
        "date",
        "sentence_index",
        "status",
        "confidence",
        "rule",
        "trigger",
        "sentence",
    ]);
    for (i, (dir, e)) in edges.iter().enumerate() {
        let (s, t) = if *dir == Dir::Out { (na, nb) } else { (nb, na) };
        if i > 0 {
            text.push('\n');
        }
        let dates = match (&e.first_seen, &e.last_seen) {
            (Some(f), Some(l)) if f == l => format!(", {f}"),
            (Some(f), Some(l)) => format!(", {f} to {l}"),
            _ => String::new(),
        };
        let _ = writeln!(
            text,
            "{}: {} {} {}  ({}, confidence {}, {}{dates})",
            Paint::Bold.apply(e.kind.as_str(), ctx.color),
            s.name,
            if e.kind.is_symmetric() { "--" } else { "->" },
            t.name,
            status_paint(e.status).map_or_else(
                || e.status.to_string(),
                |p| p.apply(e.status.as_str(), ctx.color)
            ),
            conf(e.confidence),
            plural(e.count as usize, "statement"),
        );
        let mut table = Table::new(["DOC", "DATE", "STATUS", "CONF", "RULE", "SENTENCE"]);
        for ev in &e.evidence {
            table.row_painted([
                (ev.doc.clone(), None),
                (dash(&ev.date), None),
                ctx.paint(ev.status.as_str(), status_paint(ev.status)),
                (conf(ev.confidence), None),
                (ev.rule.clone(), None),
                (clip(&ev.text, usize::MAX), None),
            ]);
            csv.row([
                e.kind.to_string(),
                s.id.clone(),
                s.name.clone(),
                t.id.clone(),
                t.name.clone(),
                e.status.to_string(),
                format!("{:.4}", e.confidence),
                ev.doc.clone(),
                opt(&ev.date),
                ev.sentence.to_string(),
                ev.status.to_string(),
                format!("{:.4}", ev.confidence),
                ev.rule.clone(),
                ev.trigger.clone(),
                ev.text.clone(),
            ]);
        }
        text.push_str(&indent(&table.render_with(ctx.color, true), "  "));
    }
    report.text = text;
    report.csv = csv;
    report.json = json!(
        edges
            .iter()
            .map(|(_, e)| {
                let mut v = edge_json(ctx.g, e);
                v["evidence"] = json!(e.evidence.iter().map(evidence_json).collect::<Vec<_>>());
                v
            })
            .collect::<Vec<_>>()
    );
    Ok(report)
}

fn relations(
    ctx: &Ctx<'_>,
    sel: &Selection,
    from: Option<&str>,
    to: Option<&str>,
    limit: usize,
) -> Result<Report> {
    let from_ix = from.map(|n| ctx.resolve(n)).transpose()?;
    let to_ix = to.map(|n| ctx.resolve(n)).transpose()?;
    let pg = ctx.g.petgraph();
    let mut rows: Vec<(Edge, &Node, &Node)> = Vec::new();
    for ix in pg.edge_indices() {
        if !query::edge_connects(ctx.g, ix, from_ix, to_ix) {
            continue;
        }
        let Some(edge) = sel.edge(&pg[ix]) else {
            continue;
        };
        let Some((s, t)) = pg.edge_endpoints(ix) else {
            continue;
        };
        rows.push((edge, &pg[s], &pg[t]));
    }
    rows.sort_by(|a, b| {
        (a.0.kind, &a.1.name, &a.2.name, &a.1.id, &a.2.id)
            .cmp(&(b.0.kind, &b.1.name, &b.2.name, &b.1.id, &b.2.id))
    });
    let total = rows.len();
    let mut report = Report::default();
    if rows.is_empty() {
        let mut msg = format!("no results: no {}relations", kinds_label(&sel.kinds));
        if let Some(f) = from_ix {
            let _ = write!(msg, " from {}", ctx.node(f).name);
        }
        if let Some(t) = to_ix {
            let _ = write!(msg, " to {}", ctx.node(t).name);
        }
        if sel
            != &(Selection {
                kinds: sel.kinds.clone(),
                ..Selection::default()
            })
        {
            msg.push_str(" match the filters");
        }
        report.empty = Some(msg);
    }
    if limit > 0 && rows.len() > limit {
        rows.truncate(limit);
        report.notes.push(format!(
            "showing {limit} of {total} relations; --limit 0 shows all"
        ));
    }
    let mut t = Table::new([
        "SOURCE", "RELATION", "TARGET", "STATUS", "CONF", "N", "FIRST", "LAST", "EVIDENCE",
    ]);
    let mut csv = Table::new([
        "source_id",
        "source",
        "source_kind",
        "relation",
        "target_id",
        "target",
        "target_kind",
        "status",
        "confidence",
        "count",
        "first_seen",
        "last_seen",
        "evidence_doc",
        "evidence",
    ]);
    for (e, s, tn) in &rows {
        t.row_painted([
            (s.name.clone(), None),
            (e.kind.to_string(), None),
            (tn.name.clone(), None),
            ctx.paint(e.status.as_str(), status_paint(e.status)),
            (conf(e.confidence), None),
            (e.count.to_string(), None),
            (dash(&e.first_seen), None),
            (dash(&e.last_seen), None),
            (clip(&best_text(e), EVIDENCE_WIDTH), None),
        ]);
        csv.row([
            s.id.clone(),
            s.name.clone(),
            s.kind.to_string(),
            e.kind.to_string(),
            tn.id.clone(),
            tn.name.clone(),
            tn.kind.to_string(),
            e.status.to_string(),
            format!("{:.4}", e.confidence),
            e.count.to_string(),
            opt(&e.first_seen),
            opt(&e.last_seen),
            best_doc(e),
            best_text(e),
        ]);
    }
    report.text = t.render_with(ctx.color, true);
    if rows.len() < total {
        let _ = writeln!(
            report.text,
            "({} of {total} relations; --limit 0 shows all)",
            rows.len()
        );
    }
    report.csv = csv;
    report.json = json!(
        rows.iter()
            .map(|(e, _, _)| edge_json(ctx.g, e))
            .collect::<Vec<_>>()
    );
    Ok(report)
}

fn aliases(ctx: &Ctx<'_>, name: Option<&str>, origin: Option<&str>) -> Result<Report> {
    let nodes: Vec<&Node> = match name {
        Some(n) => vec![&ctx.g.petgraph()[ctx.resolve(n)?]],
        None => ctx.g.nodes().collect(),
    };
    if let Some(o) = origin {
        let known = [
            "gazetteer",
            "acronym_definition",
            "name_variant",
            "descriptive",
            "short_form",
            "cross_document",
            "ticker",
        ];
        if !known.contains(&o) {
            anyhow::bail!(
                "unknown alias origin '{o}' (expected one of: {})",
                known.join(", ")
            );
        }
    }
    let mut t = Table::new(["ALIAS", "ENTITY", "KIND", "ORIGIN", "ID"]);
    let mut csv = Table::new(["alias", "id", "name", "kind", "origin"]);
    let mut rows = Vec::new();
    for n in nodes {
        for a in &n.aliases {
            if origin.is_some_and(|o| o != a.origin.as_str()) {
                continue;
            }
            t.row_painted([
                (a.name.clone(), None),
                (n.name.clone(), None),
                ctx.paint(n.kind.as_str(), kind_paint(n.kind)),
                (a.origin.to_string(), None),
                (n.id.clone(), None),
            ]);
            csv.row([
                a.name.clone(),
                n.id.clone(),
                n.name.clone(),
                n.kind.to_string(),
                a.origin.to_string(),
            ]);
            rows.push(json!({"alias": a.name, "id": n.id, "name": n.name, "kind": n.kind, "origin": a.origin}));
        }
    }
    let mut report = Report::default();
    if rows.is_empty() {
        report.empty = Some("no results: no aliases match".to_string());
    }
    report.text = t.render_with(ctx.color, true);
    report.csv = csv;
    report.json = json!(rows);
    Ok(report)
}

fn entities(ctx: &Ctx<'_>, kinds: &[EntityKind], sort: EntitySort, limit: usize) -> Report {
    let by = match sort {
        EntitySort::Degree => RankBy::Degree,
        EntitySort::Mentions => RankBy::Mentions,
        EntitySort::Pagerank => RankBy::Pagerank,
    };
    let mut ranked = stats::ranking(ctx.g, kinds, by);
    let total = ranked.len();
    let mut report = Report::default();
    if ranked.is_empty() {
        let k: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
        report.empty = Some(if k.is_empty() {
            "no results: the graph has no entities".to_string()
        } else {
            format!("no results: the graph has no {} entities", k.join("/"))
        });
    }
    if limit > 0 && ranked.len() > limit {
        ranked.truncate(limit);
    }
    let mut t = Table::new([
        "RANK",
        "ENTITY",
        "KIND",
        "DEGREE",
        "NEIGHBOURS",
        "MENTIONS",
        "DOCS",
        "PAGERANK",
    ]);
    let mut csv = Table::new([
        "rank",
        "id",
        "name",
        "kind",
        "degree",
        "neighbours",
        "mentions",
        "documents",
        "pagerank",
    ]);
    for (i, r) in ranked.iter().enumerate() {
        t.row_painted([
            ((i + 1).to_string(), None),
            (r.name.clone(), None),
            ctx.paint(r.kind.as_str(), kind_paint(r.kind)),
            (r.degree.to_string(), None),
            (r.neighbours.to_string(), None),
            (r.mentions.to_string(), None),
            (r.documents.to_string(), None),
            (format!("{:.6}", r.pagerank), None),
        ]);
        csv.row([
            (i + 1).to_string(),
            r.id.clone(),
            r.name.clone(),
            r.kind.to_string(),
            r.degree.to_string(),
            r.neighbours.to_string(),
            r.mentions.to_string(),
            r.documents.to_string(),
            format!("{:.8}", r.pagerank),
        ]);
    }
    report.text = t.render_with(ctx.color, true);
    if ranked.len() < total {
        let _ = writeln!(
            report.text,
            "({} of {total} entities; --limit 0 shows all)",
            ranked.len()
        );
        report.notes.push(format!(
            "showing {} of {total} entities; --limit 0 shows all",
            ranked.len()
        ));
    }
    report.csv = csv;
    report.json = json!(
        ranked
            .iter()
            .enumerate()
            .map(|(i, r)| {
                json!({
                    "rank": i + 1,
                    "id": r.id,
                    "name": r.name,
                    "kind": r.kind,
                    "degree": r.degree,
                    "neighbours": r.neighbours,
                    "mentions": r.mentions,
                    "documents": r.documents,
                    "pagerank": (r.pagerank * 1e8).round() / 1e8,
                })
            })
            .collect::<Vec<_>>()
    );
    report
}

fn stats_report(ctx: &Ctx<'_>, top: usize) -> Report {
    let s = stats::stats(ctx.g, top);
    let join = |v: Vec<String>| v.join(", ");
    let mut t = Table::new(["", "", ""]);
    t.row([
        "documents".to_string(),
        s.documents.to_string(),
        match (&s.first_date, &s.last_date) {
            (Some(f), Some(l)) => format!("dated {f} to {l}"),
            _ => String::new(),
        },
    ]);
    t.row([
        "entities".to_string(),
        s.entities.to_string(),
        join(
            s.entities_by_kind
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect(),
        ),
    ]);
    t.row([
        "relations".to_string(),
        s.relations.to_string(),
        join(
            s.relations_by_kind
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect(),
        ),
    ]);
    t.row([
        "".to_string(),
        "".to_string(),
        join(
            s.relations_by_status
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect(),
        ),
    ]);
    t.row([
        "statements".to_string(),
        s.statements.to_string(),
        String::new(),
    ]);
    let sizes: Vec<String> = s
        .largest_components
        .iter()
        .map(ToString::to_string)
        .collect();
    t.row([
        "components".to_string(),
        s.components.to_string(),
        format!(
            "largest {}; {} isolated {}",
            sizes.join(", "),
            s.isolated,
            if s.isolated == 1 {
                "entity"
            } else {
                "entities"
            }
        ),
    ]);
    let mut text = t.render_with(ctx.color, false);
    let mut m = Table::new(["MOST CONNECTED", "KIND", "DEGREE", "NEIGHBOURS", "MENTIONS"]);
    for r in &s.most_connected {
        m.row_painted([
            (r.name.clone(), None),
            ctx.paint(r.kind.as_str(), kind_paint(r.kind)),
            (r.degree.to_string(), None),
            (r.neighbours.to_string(), None),
            (r.mentions.to_string(), None),
        ]);
    }
    if !m.is_empty() {
        text.push('\n');
        text.push_str(&m.render_with(ctx.color, true));
    }
    let mut csv = Table::new(["section", "key", "value"]);
    csv.row(["documents", "total", &s.documents.to_string()]);
    csv.row(["documents", "first_date", &opt(&s.first_date)]);
    csv.row(["documents", "last_date", &opt(&s.last_date)]);
    csv.row(["entities", "total", &s.entities.to_string()]);
    for (k, n) in &s.entities_by_kind {
        csv.row(["entities", k.as_str(), &n.to_string()]);
    }
    csv.row(["relations", "total", &s.relations.to_string()]);
    for (k, n) in &s.relations_by_kind {
        csv.row(["relations", k.as_str(), &n.to_string()]);
    }
    for (k, n) in &s.relations_by_status {
        csv.row(["statuses", k.as_str(), &n.to_string()]);
    }
    csv.row(["statements", "total", &s.statements.to_string()]);
    csv.row(["components", "total", &s.components.to_string()]);
    csv.row(["components", "isolated", &s.isolated.to_string()]);
    for (i, n) in s.largest_components.iter().enumerate() {
        csv.row(["components", &format!("size_{}", i + 1), &n.to_string()]);
    }
    for r in &s.most_connected {
        csv.row(["most_connected", &r.id, &r.degree.to_string()]);
    }
    Report {
        text,
        csv,
        json: serde_json::to_value(&s).unwrap_or(Value::Null),
        ..Report::default()
    }
}

fn timeline(ctx: &Ctx<'_>, name: &str, kinds: &[RelationKind]) -> Result<Report> {
    let ix = ctx.resolve(name)?;
    let entries = query::timeline(ctx.g, ix, kinds);
    let mut report = Report::default();
    if entries.is_empty() {
        report.empty = Some(format!(
            "no results: {} has no {}relations",
            ctx.node(ix).name,
            kinds_label(kinds)
        ));
    }
    let mut t = Table::new([
        "DATE", "RELATION", "DIR", "ENTITY", "STATUS", "N", "DOC", "EVIDENCE",
    ]);
    let mut csv = Table::new([
        "date",
        "relation",
        "direction",
        "entity_id",
        "entity",
        "status",
        "statements",
        "doc",
        "evidence",
    ]);
    let mut json_rows = Vec::new();
    for e in &entries {
        let l: &Link<'_> = &e.link;
        // The firmest statement of the day, then the most confident.
        let best = e
            .statements
            .iter()
            .min_by(|a, b| {
                a.status
                    .rank()
                    .cmp(&b.status.rank())
                    .then(b.confidence.total_cmp(&a.confidence))
            })
            .copied();
        let status = best.map_or(l.edge.status, |b| b.status);
        t.row_painted([
            (e.date.unwrap_or("undated").to_string(), None),
            (l.edge.kind.to_string(), None),
            (arrow(l.edge, l.direction).to_string(), None),
            (l.other.name.clone(), None),
            ctx.paint(status.as_str(), status_paint(status)),
            (e.statements.len().to_string(), None),
            (best.map_or_else(String::new, |b| b.doc.clone()), None),
            (
                best.map_or_else(String::new, |b| clip(&b.text, EVIDENCE_WIDTH)),
                None,
            ),
        ]);
        csv.row([
            e.date.unwrap_or("").to_string(),
            l.edge.kind.to_string(),
            direction_name(l.edge, l.direction).to_string(),
            l.other.id.clone(),
            l.other.name.clone(),
            status.to_string(),
            e.statements.len().to_string(),
            best.map_or_else(String::new, |b| b.doc.clone()),
            best.map_or_else(String::new, |b| b.text.clone()),
        ]);
        json_rows.push(json!({
            "date": e.date,
            "relation": l.edge.kind,
            "direction": direction_name(l.edge, l.direction),
            "entity": entity_json(l.other),
            "status": status,
            "statements": e.statements.iter().map(|s| evidence_json(s)).collect::<Vec<_>>(),
        }));
    }
    report.text = t.render_with(ctx.color, true);
    report.csv = csv;
    report.json = json!({"entity": entity_json(ctx.node(ix)), "timeline": json_rows});
    Ok(report)
}

fn cell_json(g: &KnowledgeGraph, c: &Cell<'_>) -> Value {
    match c {
        Cell::Node(n) => entity_json(n),
        Cell::Rel(hops) => json!(hops.iter().map(|h| hop_json(g, h)).collect::<Vec<_>>()),
        Cell::Text(s) => json!(s),
        Cell::Number(n) => json!(n),
        Cell::Null => Value::Null,
    }
}

fn match_report(ctx: &Ctx<'_>, query: &str) -> Result<Report> {
    let result = pattern::run(ctx.g, query).map_err(|e| anyhow!("invalid pattern: {e}"))?;
    let mut report = Report::default();
    if result.rows.is_empty() {
        report.empty = Some("no results: nothing matches the pattern".to_string());
    }
    if result.truncated {
        report.notes.push(format!(
            "results were cut off ({} rows shown): the LIMIT, or the search stopped at {} rows",
            result.rows.len(),
            pattern::MAX_ROWS
        ));
    }
    let mut t = Table::new(result.columns.clone());
    let mut csv = Table::new(result.columns.clone());
    for row in &result.rows {
        let cells: Vec<String> = row.iter().map(Cell::display).collect();
        t.row(cells.clone());
        csv.row(cells);
    }
    report.text = t.render_with(ctx.color, true);
    let _ = writeln!(
        report.text,
        "({}{})",
        plural(result.rows.len(), "row"),
        if result.truncated { ", cut off" } else { "" }
    );
    report.csv = csv;
    report.json = json!(
        result
            .rows
            .iter()
            .map(|row| {
                let mut o = serde_json::Map::new();
                for (col, c) in result.columns.iter().zip(row) {
                    o.insert(col.clone(), cell_json(ctx.g, c));
                }
                Value::Object(o)
            })
            .collect::<Vec<_>>()
    );
    Ok(report)
}
