//! A small Cypher-like pattern language over the graph.
//!
//! ```text
//! (a:agency)<-[:contract]-(f:firm)-[:dispute]-(a)
//! MATCH (x {name: 'Microsoft'})-[r:part_of|acquisition*1..3]-(y) WHERE r.status = 'asserted' RETURN y.name
//! ```
//!
//! The full grammar and semantics are in `docs/QUERY.md`. In short:
//!
//! - A query is `[MATCH] path (, path)* [WHERE condition] [RETURN items]
//!   [LIMIT n]`; a path alternates node patterns `(var:kind|kind {prop:
//!   value})` and relation patterns `-[var:kind|kind*min..max {prop:
//!   value}]->`, `<-[...]-` or `-[...]-` (either direction; symmetric
//!   relations match any arrow). Every part is optional: `()`, `-->`, `--`.
//! - The same variable twice is the same entity. One edge is used at most
//!   once per match. A variable-length relation follows edges in the same
//!   direction at every hop.
//! - WHERE combines comparisons on `var.prop` with AND, OR, NOT and
//!   parentheses, with SQL-like null logic (a comparison with a missing
//!   value is neither true nor false).
//! - Rows are distinct and sorted by their displayed values.
//!
//! Matching is a backtracking search over petgraph: each path is matched from
//! its most selective node outwards, conditions are checked as soon as
//! their variables are bound, and candidates are visited in node and edge
//! index order, so results are deterministic.

mod lexer;
mod parser;

use crate::builder::simple_norm;
use crate::graph::KnowledgeGraph;
use crate::model::{Edge, Node};
use crate::query::Hop;
use crate::select::is_date_bound;
use newsgraph_extract::{EntityKind, RelationKind, Status};
use parser::{Arrow, Expr, LitValue, Literal, Name, Op, QueryAst};
use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Upper bound of a variable-length relation written without one (`*`,
/// `*2..`).
pub const DEFAULT_MAX_HOPS: usize = 5;
/// The largest upper bound a variable-length relation may have.
pub const MAX_HOPS: usize = 10;
/// At most this many distinct rows are collected.
pub const MAX_ROWS: usize = 100_000;
/// The search stops after this many candidate bindings.
const BUDGET: u64 = 50_000_000;

/// A query that does not parse or does not make sense, with the place it
/// went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// What is wrong.
    pub message: String,
    /// Byte offset where the problem starts.
    pub start: usize,
    /// Byte offset where it ends (at least `start + 1` for the caret).
    pub end: usize,
    /// The query.
    pub query: String,
}

impl PatternError {
    pub(crate) fn new(src: &str, start: usize, end: usize, message: impl Into<String>) -> Self {
        PatternError {
            message: message.into(),
            start,
            end: end.max(start),
            query: src.to_string(),
        }
    }

    fn at(src: &str, span: (usize, usize), message: impl Into<String>) -> Self {
        PatternError::new(src, span.0, span.1, message)
    }

    /// 1-based column (in characters) where the problem starts.
    pub fn column(&self) -> usize {
        self.query
            .get(..self.start)
            .map_or(self.start, |s| s.chars().count())
            + 1
    }
}

impl fmt::Display for PatternError {
    /// The message, the query and a caret line under the problem:
    ///
    /// ```text
    /// expected ']' to close the relation pattern, found '-' (column 23)
    ///   (a:agency)<-[:contract-(f)
    ///                         ^
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line: String = self
            .query
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let col = self.column() - 1;
        let width = self
            .query
            .get(self.start..self.end)
            .map_or(1, |s| s.chars().count())
            .max(1);
        write!(
            f,
            "{} (column {})\n  {}\n  {}{}",
            self.message,
            col + 1,
            line,
            " ".repeat(col),
            "^".repeat(width)
        )
    }
}

impl std::error::Error for PatternError {}

/// A property of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NodeProp {
    Name,
    Id,
    Kind,
    Mentions,
    Documents,
    FirstSeen,
    LastSeen,
    Ticker,
}

const NODE_PROPS: &[(&str, NodeProp)] = &[
    ("name", NodeProp::Name),
    ("id", NodeProp::Id),
    ("kind", NodeProp::Kind),
    ("mentions", NodeProp::Mentions),
    ("documents", NodeProp::Documents),
    ("first_seen", NodeProp::FirstSeen),
    ("last_seen", NodeProp::LastSeen),
    ("ticker", NodeProp::Ticker),
];

/// A property of a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RelProp {
    Kind,
    Status,
    Confidence,
    Count,
    FirstSeen,
    LastSeen,
}

const REL_PROPS: &[(&str, RelProp)] = &[
    ("kind", RelProp::Kind),
    ("status", RelProp::Status),
    ("confidence", RelProp::Confidence),
    ("count", RelProp::Count),
    ("first_seen", RelProp::FirstSeen),
    ("last_seen", RelProp::LastSeen),
];

/// What a property holds, which decides the comparisons it allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PropType {
    /// Matched against the name and every alias.
    Name,
    Text,
    EntityKind,
    RelationKind,
    Status,
    Number,
    Date,
}

impl NodeProp {
    fn ty(self) -> PropType {
        match self {
            NodeProp::Name => PropType::Name,
            NodeProp::Id | NodeProp::Ticker => PropType::Text,
            NodeProp::Kind => PropType::EntityKind,
            NodeProp::Mentions | NodeProp::Documents => PropType::Number,
            NodeProp::FirstSeen | NodeProp::LastSeen => PropType::Date,
        }
    }
}

impl RelProp {
    fn ty(self) -> PropType {
        match self {
            RelProp::Kind => PropType::RelationKind,
            RelProp::Status => PropType::Status,
            RelProp::Confidence | RelProp::Count => PropType::Number,
            RelProp::FirstSeen | RelProp::LastSeen => PropType::Date,
        }
    }
}

/// A property of a bound variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Node(usize, NodeProp),
    Rel(usize, RelProp),
}

impl Target {
    fn ty(self) -> PropType {
        match self {
            Target::Node(_, p) => p.ty(),
            Target::Rel(_, p) => p.ty(),
        }
    }
}

/// A checked literal.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    /// Lower-cased text, and its normalised form for names.
    Text(String, String),
    Num(f64),
    EntityKind(EntityKind),
    RelationKind(RelationKind),
    Status(Status),
    Date(String),
}

/// A checked condition.
#[derive(Debug, Clone, PartialEq)]
enum Cond {
    And(Vec<Cond>),
    Or(Vec<Cond>),
    Not(Box<Cond>),
    /// True when any value compares true (several values: `IN [...]`).
    Cmp {
        target: Target,
        op: Op,
        values: Vec<Value>,
    },
    IsNull {
        target: Target,
        negated: bool,
    },
}

impl Cond {
    fn vars(&self, nodes: &mut Vec<usize>, rels: &mut Vec<usize>) {
        match self {
            Cond::And(v) | Cond::Or(v) => v.iter().for_each(|c| c.vars(nodes, rels)),
            Cond::Not(c) => c.vars(nodes, rels),
            Cond::Cmp { target, .. } | Cond::IsNull { target, .. } => match target {
                Target::Node(s, _) => nodes.push(*s),
                Target::Rel(s, _) => rels.push(*s),
            },
        }
    }
}

#[derive(Debug, Clone)]
struct NodeSlot {
    /// `None`: any kind.
    kinds: Option<Vec<EntityKind>>,
}

#[derive(Debug, Clone)]
struct RelSlot {
    kinds: Vec<RelationKind>,
    arrow: Arrow,
    min: usize,
    max: usize,
    variable: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Var {
    Node(usize),
    Rel(usize),
}

/// What one RETURN column shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ret {
    Node(usize),
    Rel(usize),
    Prop(Target),
}

/// A checked query.
#[derive(Debug, Clone)]
struct Compiled {
    nodes: Vec<NodeSlot>,
    rels: Vec<RelSlot>,
    /// Per path: its node slots and relation slots.
    paths: Vec<(Vec<usize>, Vec<usize>)>,
    /// The WHERE clause and the inline properties, split at top-level AND.
    conds: Vec<Cond>,
    columns: Vec<(String, Ret)>,
    limit: Option<usize>,
}

fn suggest(word: &str, options: &[&str]) -> String {
    let w = word.to_lowercase();
    let best = options
        .iter()
        .map(|o| (crate::query::levenshtein(&w, o), *o))
        .min()
        .filter(|(d, o)| *d <= 2.max(o.len() / 3));
    match best {
        Some((_, o)) => format!("; did you mean '{o}'?"),
        None => format!(" (expected one of: {})", options.join(", ")),
    }
}

fn entity_kind(src: &str, n: &Name) -> Result<EntityKind, PatternError> {
    n.text.parse::<EntityKind>().map_err(|_| {
        let names: Vec<&str> = EntityKind::ALL.iter().map(|k| k.as_str()).collect();
        PatternError::at(
            src,
            n.span,
            format!(
                "unknown entity kind '{}'{}",
                n.text,
                suggest(&n.text, &names)
            ),
        )
    })
}

fn relation_kind(src: &str, n: &Name) -> Result<RelationKind, PatternError> {
    n.text.parse::<RelationKind>().map_err(|_| {
        let names: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
        PatternError::at(
            src,
            n.span,
            format!(
                "unknown relation kind '{}'{}",
                n.text,
                suggest(&n.text, &names)
            ),
        )
    })
}

struct Compiler<'s> {
    src: &'s str,
    vars: HashMap<String, Var>,
    order: Vec<String>,
    nodes: Vec<NodeSlot>,
    rels: Vec<RelSlot>,
    conds: Vec<Cond>,
}

impl Compiler<'_> {
    fn err(&self, span: (usize, usize), msg: impl Into<String>) -> PatternError {
        PatternError::at(self.src, span, msg)
    }

    fn node(&mut self, n: &parser::NodeAst) -> Result<usize, PatternError> {
        let kinds: Vec<EntityKind> = n
            .kinds
            .iter()
            .map(|k| entity_kind(self.src, k))
            .collect::<Result<_, _>>()?;
        let slot = match &n.var {
            Some(v) => match self.vars.get(&v.text) {
                Some(Var::Node(s)) => *s,
                Some(Var::Rel(_)) => {
                    return Err(self.err(
                        v.span,
                        format!("'{}' is already a relation variable", v.text),
                    ));
                }
                None => {
                    self.nodes.push(NodeSlot { kinds: None });
                    let s = self.nodes.len() - 1;
                    self.vars.insert(v.text.clone(), Var::Node(s));
                    self.order.push(v.text.clone());
                    s
                }
            },
            None => {
                self.nodes.push(NodeSlot { kinds: None });
                self.nodes.len() - 1
            }
        };
        if !kinds.is_empty() {
            let k = &mut self.nodes[slot].kinds;
            *k = Some(match k.take() {
                None => kinds,
                Some(old) => old.into_iter().filter(|x| kinds.contains(x)).collect(),
            });
        }
        for (key, lit) in &n.props {
            let target = self.node_prop(slot, key)?;
            let c = self.cmp(
                target,
                Op::Eq,
                (lit.span.0, lit.span.1),
                std::slice::from_ref(lit),
            )?;
            self.conds.push(c);
        }
        Ok(slot)
    }

    fn rel(&mut self, r: &parser::RelAst) -> Result<usize, PatternError> {
        let kinds: Vec<RelationKind> = r
            .kinds
            .iter()
            .map(|k| relation_kind(self.src, k))
            .collect::<Result<_, _>>()?;
        let (min, max, variable) = match r.range {
            None => (1, 1, false),
            Some((lo, hi)) => {
                let lo = lo.unwrap_or(1) as usize;
                let hi = hi.map_or(DEFAULT_MAX_HOPS.max(lo), |h| h as usize);
                if hi > MAX_HOPS {
                    return Err(self.err(
                        r.span,
                        format!("a variable-length relation may span at most {MAX_HOPS} hops"),
                    ));
                }
                if lo > hi {
                    return Err(self.err(
                        r.span,
                        format!(
                            "the range {lo}..{hi} is empty: the lower bound is above the upper"
                        ),
                    ));
                }
                (lo, hi, true)
            }
        };
        self.rels.push(RelSlot {
            kinds,
            arrow: r.arrow,
            min,
            max,
            variable,
        });
        let slot = self.rels.len() - 1;
        if let Some(v) = &r.var {
            match self.vars.get(&v.text) {
                Some(Var::Node(_)) => {
                    return Err(
                        self.err(v.span, format!("'{}' is already a node variable", v.text))
                    );
                }
                Some(Var::Rel(_)) => {
                    return Err(self.err(
                        v.span,
                        format!(
                            "the relation variable '{}' is used twice: one edge cannot be matched twice",
                            v.text
                        ),
                    ));
                }
                None => {
                    self.vars.insert(v.text.clone(), Var::Rel(slot));
                    self.order.push(v.text.clone());
                }
            }
        }
        for (key, lit) in &r.props {
            let target = self.rel_prop(slot, key)?;
            let c = self.cmp(target, Op::Eq, lit.span, std::slice::from_ref(lit))?;
            self.conds.push(c);
        }
        Ok(slot)
    }

    fn node_prop(&self, slot: usize, key: &Name) -> Result<Target, PatternError> {
        let names: Vec<&str> = NODE_PROPS.iter().map(|(n, _)| *n).collect();
        NODE_PROPS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(&key.text))
            .map(|(_, p)| Target::Node(slot, *p))
            .ok_or_else(|| {
                self.err(
                    key.span,
                    format!(
                        "unknown entity property '{}'{}",
                        key.text,
                        suggest(&key.text, &names)
                    ),
                )
            })
    }

    fn rel_prop(&self, slot: usize, key: &Name) -> Result<Target, PatternError> {
        let names: Vec<&str> = REL_PROPS.iter().map(|(n, _)| *n).collect();
        REL_PROPS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(&key.text))
            .map(|(_, p)| Target::Rel(slot, *p))
            .ok_or_else(|| {
                self.err(
                    key.span,
                    format!(
                        "unknown relation property '{}'{}",
                        key.text,
                        suggest(&key.text, &names)
                    ),
                )
            })
    }

    fn target(&self, var: &Name, prop: &Name) -> Result<Target, PatternError> {
        match self.vars.get(&var.text) {
            Some(Var::Node(s)) => self.node_prop(*s, prop),
            Some(Var::Rel(s)) => {
                if self.rels[*s].variable {
                    return Err(self.err(
                        var.span,
                        format!(
                            "'{}' is a variable-length relation: its properties cannot be compared or returned (use a kind list such as [:part_of*1..3] instead)",
                            var.text
                        ),
                    ));
                }
                self.rel_prop(*s, prop)
            }
            None => Err(self.unknown_var(var)),
        }
    }

    fn unknown_var(&self, var: &Name) -> PatternError {
        let known = if self.order.is_empty() {
            "the pattern names no variables: write (a) instead of ()".to_string()
        } else {
            format!("the pattern binds: {}", self.order.join(", "))
        };
        self.err(
            var.span,
            format!("unknown variable '{}' ({known})", var.text),
        )
    }

    fn cmp(
        &self,
        target: Target,
        op: Op,
        op_span: (usize, usize),
        lits: &[Literal],
    ) -> Result<Cond, PatternError> {
        let ty = target.ty();
        let allowed: &[Op] = match ty {
            PropType::Name | PropType::Text => {
                &[Op::Eq, Op::Ne, Op::Contains, Op::StartsWith, Op::EndsWith]
            }
            PropType::EntityKind | PropType::RelationKind | PropType::Status => &[Op::Eq, Op::Ne],
            PropType::Number | PropType::Date => &[Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge],
        };
        if !allowed.contains(&op) {
            let list: Vec<&str> = allowed.iter().map(|o| o.as_str()).collect();
            return Err(self.err(
                op_span,
                format!(
                    "{} cannot be used here: this property allows {}",
                    op.as_str(),
                    list.join(", ")
                ),
            ));
        }
        let mut values = Vec::new();
        for lit in lits {
            let text = match &lit.value {
                LitValue::Null => {
                    return Err(self.err(
                        lit.span,
                        "comparisons with null are never true: write IS NULL or IS NOT NULL",
                    ));
                }
                LitValue::Str(s) => Some(s.as_str()),
                LitValue::Num(_) => None,
            };
            let want = |what: &str| self.err(lit.span, format!("expected {what}"));
            let v = match (ty, &lit.value) {
                (PropType::Number, LitValue::Num(n)) => Value::Num(*n),
                (PropType::Number, _) => return Err(want("a number")),
                (_, LitValue::Num(_)) => {
                    return Err(want("quoted text, as in 'GSA'"));
                }
                (PropType::Name | PropType::Text, _) => {
                    let s = text.unwrap_or_default();
                    Value::Text(s.to_lowercase(), simple_norm(s))
                }
                (PropType::EntityKind, _) => {
                    let n = Name {
                        text: text.unwrap_or_default().to_string(),
                        span: lit.span,
                    };
                    Value::EntityKind(entity_kind(self.src, &n)?)
                }
                (PropType::RelationKind, _) => {
                    let n = Name {
                        text: text.unwrap_or_default().to_string(),
                        span: lit.span,
                    };
                    Value::RelationKind(relation_kind(self.src, &n)?)
                }
                (PropType::Status, _) => {
                    let s = text.unwrap_or_default();
                    Value::Status(s.parse::<Status>().map_err(|_| {
                        let names: Vec<&str> = Status::ALL.iter().map(|k| k.as_str()).collect();
                        self.err(
                            lit.span,
                            format!("unknown status '{s}'{}", suggest(s, &names)),
                        )
                    })?)
                }
                (PropType::Date, _) => {
                    let s = text.unwrap_or_default();
                    if !is_date_bound(s) {
                        return Err(self.err(
                            lit.span,
                            format!("'{s}' is not a date: write 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'"),
                        ));
                    }
                    Value::Date(s.to_string())
                }
            };
            values.push(v);
        }
        Ok(Cond::Cmp { target, op, values })
    }

    fn expr(&self, e: &Expr) -> Result<Cond, PatternError> {
        Ok(match e {
            Expr::And(a, b) => Cond::And(vec![self.expr(a)?, self.expr(b)?]),
            Expr::Or(a, b) => Cond::Or(vec![self.expr(a)?, self.expr(b)?]),
            Expr::Not(a) => Cond::Not(Box::new(self.expr(a)?)),
            Expr::Cmp {
                var,
                prop,
                op,
                op_span,
                values,
            } => {
                let target = self.target(var, prop)?;
                self.cmp(target, *op, *op_span, values)?
            }
            Expr::IsNull { var, prop, negated } => Cond::IsNull {
                target: self.target(var, prop)?,
                negated: *negated,
            },
        })
    }
}

/// Split a condition at its top-level ANDs.
fn conjuncts(c: Cond, out: &mut Vec<Cond>) {
    match c {
        Cond::And(v) => v.into_iter().for_each(|c| conjuncts(c, out)),
        c => out.push(c),
    }
}

fn compile(src: &str, ast: &QueryAst) -> Result<Compiled, PatternError> {
    let mut c = Compiler {
        src,
        vars: HashMap::new(),
        order: Vec::new(),
        nodes: Vec::new(),
        rels: Vec::new(),
        conds: Vec::new(),
    };
    let mut paths = Vec::new();
    for p in &ast.paths {
        let mut ns = vec![c.node(&p.nodes[0])?];
        let mut rs = Vec::new();
        for (r, n) in p.rels.iter().zip(&p.nodes[1..]) {
            rs.push(c.rel(r)?);
            ns.push(c.node(n)?);
        }
        paths.push((ns, rs));
    }
    if let Some(f) = &ast.filter {
        let cond = c.expr(f)?;
        conjuncts(cond, &mut c.conds);
    }
    let columns = match &ast.returns {
        None => c
            .order
            .iter()
            .map(|v| {
                let r = match c.vars[v] {
                    Var::Node(s) => Ret::Node(s),
                    Var::Rel(s) => Ret::Rel(s),
                };
                (v.clone(), r)
            })
            .collect(),
        Some(items) if items.is_empty() => {
            // RETURN *
            c.order
                .iter()
                .map(|v| {
                    let r = match c.vars[v] {
                        Var::Node(s) => Ret::Node(s),
                        Var::Rel(s) => Ret::Rel(s),
                    };
                    (v.clone(), r)
                })
                .collect()
        }
        Some(items) => {
            let mut cols = Vec::new();
            for it in items {
                let ret = match &it.prop {
                    Some(p) => Ret::Prop(c.target(&it.var, p)?),
                    None => match c.vars.get(&it.var.text) {
                        Some(Var::Node(s)) => Ret::Node(*s),
                        Some(Var::Rel(s)) => Ret::Rel(*s),
                        None => return Err(c.unknown_var(&it.var)),
                    },
                };
                let header = match (&it.alias, &it.prop) {
                    (Some(a), _) => a.text.clone(),
                    (None, Some(p)) => format!("{}.{}", it.var.text, p.text),
                    (None, None) => it.var.text.clone(),
                };
                cols.push((header, ret));
            }
            cols
        }
    };
    if columns.is_empty() {
        let span = ast.paths[0].nodes[0].span;
        return Err(c.err(
            span,
            "nothing to return: name a variable, as in (a:agency), or add RETURN",
        ));
    }
    Ok(Compiled {
        nodes: c.nodes,
        rels: c.rels,
        paths,
        conds: c.conds,
        columns,
        limit: ast.limit,
    })
}

/// One cell of a result row.
#[derive(Debug, Clone)]
pub enum Cell<'g> {
    /// An entity.
    Node(&'g Node),
    /// A relation: one hop, or several for a variable-length relation,
    /// from the left node of the pattern to the right one.
    Rel(Vec<Hop<'g>>),
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// No value.
    Null,
}

impl Cell<'_> {
    /// The cell as shown in a table: an entity's name; a relation as
    /// `A -[contract]-> B` (`-[kind]-` for symmetric kinds, `<-[kind]-` for
    /// an edge against the pattern's reading direction); numbers with up to
    /// 4 decimals; `-` for no value.
    pub fn display(&self) -> String {
        match self {
            Cell::Node(n) => n.name.clone(),
            Cell::Rel(hops) => hop_chain(hops),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => number_text(*n),
            Cell::Null => "-".to_string(),
        }
    }
}

/// `A -[kind]-> B <-[kind]- C` for a chain of hops.
pub fn hop_chain(hops: &[Hop<'_>]) -> String {
    let mut s = String::new();
    for (i, h) in hops.iter().enumerate() {
        if i == 0 {
            s.push_str(&h.from.name);
        }
        let k = h.edge.kind.as_str();
        if h.edge.kind.is_symmetric() {
            s.push_str(&format!(" -[{k}]- "));
        } else if h.forward {
            s.push_str(&format!(" -[{k}]-> "));
        } else {
            s.push_str(&format!(" <-[{k}]- "));
        }
        s.push_str(&h.to.name);
    }
    s
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The answer to a pattern query.
#[derive(Debug, Clone)]
pub struct MatchResult<'g> {
    /// Column headers, as written in RETURN (or the variable names).
    pub columns: Vec<String>,
    /// Distinct rows, sorted by their displayed values.
    pub rows: Vec<Vec<Cell<'g>>>,
    /// Whether the search stopped early ([`MAX_ROWS`] rows, or its step
    /// budget) or LIMIT cut rows off.
    pub truncated: bool,
}

/// Check a query without running it.
pub fn check(query: &str) -> Result<(), PatternError> {
    let ast = parser::parse(query)?;
    compile(query, &ast).map(|_| ())
}

/// Parse a query and match it against a graph.
pub fn run<'g>(g: &'g KnowledgeGraph, query: &str) -> Result<MatchResult<'g>, PatternError> {
    let ast = parser::parse(query)?;
    let c = compile(query, &ast)?;
    Ok(execute(g, &c))
}

/// A step of the search plan.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// Bind a node slot to every candidate in turn.
    Scan(usize),
    /// Follow a relation from one node slot to another; `reverse` when the
    /// pattern is walked right to left.
    Expand {
        rel: usize,
        from: usize,
        to: usize,
        reverse: bool,
    },
    /// Check a condition.
    Check(usize),
}

type RowKey = Vec<CellKey>;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum CellKey {
    Node(NodeIndex),
    Rel(Vec<EdgeIndex>),
    Text(String),
    Num(u64),
    Null,
}

struct Exec<'g, 'c> {
    g: &'g KnowledgeGraph,
    c: &'c Compiled,
    plan: Vec<Step>,
    reversed: Vec<bool>,
    nodes: Vec<Option<NodeIndex>>,
    /// Per relation slot: (from, to, edge) in walking order.
    rels: Vec<Vec<(NodeIndex, NodeIndex, EdgeIndex)>>,
    used: Vec<EdgeIndex>,
    seen: HashSet<RowKey>,
    rows: Vec<(RowKey, Vec<Cell<'g>>)>,
    budget: u64,
    stopped: bool,
}

fn execute<'g>(g: &'g KnowledgeGraph, c: &Compiled) -> MatchResult<'g> {
    let (plan, reversed) = plan(g, c);
    let mut ex = Exec {
        g,
        c,
        plan,
        reversed,
        nodes: vec![None; c.nodes.len()],
        rels: vec![Vec::new(); c.rels.len()],
        used: Vec::new(),
        seen: HashSet::new(),
        rows: Vec::new(),
        budget: BUDGET,
        stopped: false,
    };
    ex.step(0);
    let mut truncated = ex.stopped;
    let mut rows = ex.rows;
    rows.sort_by_cached_key(|(key, cells)| {
        (
            cells.iter().map(Cell::display).collect::<Vec<_>>(),
            format!("{key:?}"),
        )
    });
    let mut rows: Vec<Vec<Cell<'g>>> = rows.into_iter().map(|(_, r)| r).collect();
    if let Some(l) = c.limit {
        if rows.len() > l {
            rows.truncate(l);
            truncated = true;
        }
    }
    MatchResult {
        columns: c.columns.iter().map(|(h, _)| h.clone()).collect(),
        rows,
        truncated,
    }
}

/// Order the search: each path from its most selective node outwards, each
/// condition right after its variables are bound.
fn plan(g: &KnowledgeGraph, c: &Compiled) -> (Vec<Step>, Vec<bool>) {
    let mut steps = Vec::new();
    let mut reversed = vec![false; c.rels.len()];
    let mut bound_nodes: HashSet<usize> = HashSet::new();
    let mut bound_rels: HashSet<usize> = HashSet::new();
    let mut scheduled = vec![false; c.conds.len()];
    let deps: Vec<(Vec<usize>, Vec<usize>)> = c
        .conds
        .iter()
        .map(|cond| {
            let (mut n, mut r) = (Vec::new(), Vec::new());
            cond.vars(&mut n, &mut r);
            (n, r)
        })
        .collect();
    let schedule = |steps: &mut Vec<Step>,
                    scheduled: &mut Vec<bool>,
                    bn: &HashSet<usize>,
                    br: &HashSet<usize>| {
        for (i, (n, r)) in deps.iter().enumerate() {
            if !scheduled[i] && n.iter().all(|s| bn.contains(s)) && r.iter().all(|s| br.contains(s))
            {
                scheduled[i] = true;
                steps.push(Step::Check(i));
            }
        }
    };
    // Paths that share a bound variable go first.
    let mut remaining: Vec<usize> = (0..c.paths.len()).collect();
    while !remaining.is_empty() {
        let pick = remaining
            .iter()
            .position(|&p| c.paths[p].0.iter().any(|s| bound_nodes.contains(s)))
            .unwrap_or(0);
        let (ns, rs) = &c.paths[remaining.remove(pick)];
        let anchor = match ns.iter().position(|s| bound_nodes.contains(s)) {
            Some(i) => i,
            None => {
                let mut best = (usize::MAX, 0);
                for (i, &s) in ns.iter().enumerate() {
                    let n = candidate_count(g, c, s);
                    if n < best.0 {
                        best = (n, i);
                    }
                }
                best.1
            }
        };
        if bound_nodes.insert(ns[anchor]) {
            steps.push(Step::Scan(ns[anchor]));
            schedule(&mut steps, &mut scheduled, &bound_nodes, &bound_rels);
        }
        for i in anchor..rs.len() {
            steps.push(Step::Expand {
                rel: rs[i],
                from: ns[i],
                to: ns[i + 1],
                reverse: false,
            });
            bound_rels.insert(rs[i]);
            bound_nodes.insert(ns[i + 1]);
            schedule(&mut steps, &mut scheduled, &bound_nodes, &bound_rels);
        }
        for i in (0..anchor).rev() {
            steps.push(Step::Expand {
                rel: rs[i],
                from: ns[i + 1],
                to: ns[i],
                reverse: true,
            });
            reversed[rs[i]] = true;
            bound_rels.insert(rs[i]);
            bound_nodes.insert(ns[i]);
            schedule(&mut steps, &mut scheduled, &bound_nodes, &bound_rels);
        }
    }
    (steps, reversed)
}

/// How many entities could bind a node slot on their own: the right kind
/// and passing every condition on that slot alone.
fn candidate_count(g: &KnowledgeGraph, c: &Compiled, slot: usize) -> usize {
    let own: Vec<&Cond> = c
        .conds
        .iter()
        .filter(|cond| {
            let (mut n, mut r) = (Vec::new(), Vec::new());
            cond.vars(&mut n, &mut r);
            r.is_empty() && n.iter().all(|&s| s == slot)
        })
        .collect();
    let mut nodes: Vec<Option<NodeIndex>> = vec![None; c.nodes.len()];
    let rels: Vec<Vec<(NodeIndex, NodeIndex, EdgeIndex)>> = vec![Vec::new(); c.rels.len()];
    let mut n = 0;
    for ix in g.petgraph().node_indices() {
        if !kind_ok(&c.nodes[slot], &g.petgraph()[ix]) {
            continue;
        }
        nodes[slot] = Some(ix);
        if own
            .iter()
            .all(|cond| eval(g, cond, &nodes, &rels) == Some(true))
        {
            n += 1;
        }
    }
    n
}

fn kind_ok(slot: &NodeSlot, n: &Node) -> bool {
    slot.kinds.as_ref().is_none_or(|k| k.contains(&n.kind))
}

impl<'g> Exec<'g, '_> {
    fn spend(&mut self) -> bool {
        if self.stopped {
            return false;
        }
        if self.budget == 0 {
            self.stopped = true;
            return false;
        }
        self.budget -= 1;
        true
    }

    fn step(&mut self, i: usize) {
        if self.stopped {
            return;
        }
        let Some(&step) = self.plan.get(i) else {
            self.emit();
            return;
        };
        match step {
            Step::Check(k) => {
                if eval(self.g, &self.c.conds[k], &self.nodes, &self.rels) == Some(true) {
                    self.step(i + 1);
                }
            }
            Step::Scan(slot) => {
                let pg = self.g.petgraph();
                for ix in pg.node_indices() {
                    if !self.spend() {
                        return;
                    }
                    if !kind_ok(&self.c.nodes[slot], &pg[ix]) {
                        continue;
                    }
                    self.nodes[slot] = Some(ix);
                    self.step(i + 1);
                }
                self.nodes[slot] = None;
            }
            Step::Expand {
                rel,
                from,
                to,
                reverse,
            } => {
                let Some(u) = self.nodes[from] else {
                    return;
                };
                let r = &self.c.rels[rel];
                let arrow = match (r.arrow, reverse) {
                    (Arrow::Right, true) => Arrow::Left,
                    (Arrow::Left, true) => Arrow::Right,
                    (a, _) => a,
                };
                let was_bound = self.nodes[to].is_some();
                self.walk(i, rel, to, arrow, u, was_bound);
                if !was_bound {
                    self.nodes[to] = None;
                }
            }
        }
    }

    /// Extend relation slot `rel` from `at` (its hops so far are in
    /// `self.rels[rel]`), trying to bind `to` at every length in range.
    fn walk(&mut self, i: usize, rel: usize, to: usize, arrow: Arrow, at: NodeIndex, bound: bool) {
        let r = &self.c.rels[rel];
        let (min, max) = (r.min, r.max);
        let len = self.rels[rel].len();
        if len >= min {
            let fits = match self.nodes[to] {
                Some(t) if bound => t == at,
                _ => kind_ok(&self.c.nodes[to], &self.g.petgraph()[at]),
            };
            if fits {
                if !bound {
                    self.nodes[to] = Some(at);
                }
                self.step(i + 1);
                if !bound {
                    self.nodes[to] = None;
                }
            }
        }
        if len >= max || self.stopped {
            return;
        }
        for (e, next) in incident(self.g, at, arrow, &self.c.rels[rel].kinds) {
            if self.used.contains(&e) {
                continue;
            }
            if !self.spend() {
                return;
            }
            self.used.push(e);
            self.rels[rel].push((at, next, e));
            self.walk(i, rel, to, arrow, next, bound);
            self.rels[rel].pop();
            self.used.pop();
        }
    }

    fn hops(&self, rel: usize) -> Vec<Hop<'g>> {
        let pg = self.g.petgraph();
        let mut steps: Vec<(NodeIndex, NodeIndex, EdgeIndex)> = self.rels[rel].clone();
        if self.reversed[rel] {
            steps.reverse();
            for s in &mut steps {
                *s = (s.1, s.0, s.2);
            }
        }
        steps
            .into_iter()
            .map(|(a, b, e)| Hop {
                from: &pg[a],
                to: &pg[b],
                forward: pg.edge_endpoints(e).is_some_and(|(s, _)| s == a),
                edge: &pg[e],
            })
            .collect()
    }

    fn emit(&mut self) {
        let pg = self.g.petgraph();
        let mut key = Vec::with_capacity(self.c.columns.len());
        let mut cells = Vec::with_capacity(self.c.columns.len());
        for (_, ret) in &self.c.columns {
            match *ret {
                Ret::Node(s) => {
                    let Some(ix) = self.nodes[s] else {
                        return;
                    };
                    key.push(CellKey::Node(ix));
                    cells.push(Cell::Node(&pg[ix]));
                }
                Ret::Rel(s) => {
                    key.push(CellKey::Rel(self.rels[s].iter().map(|h| h.2).collect()));
                    cells.push(Cell::Rel(self.hops(s)));
                }
                Ret::Prop(t) => {
                    let v = prop_value(self.g, t, &self.nodes, &self.rels);
                    let (k, cell) = match v {
                        PropValue::Null => (CellKey::Null, Cell::Null),
                        PropValue::Num(n) => (CellKey::Num(n.to_bits()), Cell::Number(n)),
                        PropValue::Text(s) => {
                            (CellKey::Text(s.to_string()), Cell::Text(s.to_string()))
                        }
                        PropValue::Name(n) => {
                            (CellKey::Text(n.name.clone()), Cell::Text(n.name.clone()))
                        }
                    };
                    key.push(k);
                    cells.push(cell);
                }
            }
        }
        if self.seen.insert(key.clone()) {
            self.rows.push((key, cells));
            if self.rows.len() >= MAX_ROWS {
                self.stopped = true;
            }
        }
    }
}

/// The edges a relation pattern may follow from `u`, with the node at their
/// other end, in edge index order. Symmetric relations follow any arrow.
fn incident(
    g: &KnowledgeGraph,
    u: NodeIndex,
    arrow: Arrow,
    kinds: &[RelationKind],
) -> Vec<(EdgeIndex, NodeIndex)> {
    let pg = g.petgraph();
    let mut out: Vec<(EdgeIndex, NodeIndex)> = Vec::new();
    let kind_ok = |e: &Edge| kinds.is_empty() || kinds.contains(&e.kind);
    for e in pg.edges_directed(u, Direction::Outgoing) {
        let w = e.weight();
        if kind_ok(w) && (arrow != Arrow::Left || w.kind.is_symmetric()) {
            out.push((e.id(), e.target()));
        }
    }
    for e in pg.edges_directed(u, Direction::Incoming) {
        let w = e.weight();
        if kind_ok(w) && (arrow != Arrow::Right || w.kind.is_symmetric()) {
            out.push((e.id(), e.source()));
        }
    }
    out.sort();
    out.dedup_by_key(|x| x.0);
    out
}

/// The value of a property of a bound variable.
enum PropValue<'g> {
    Null,
    Num(f64),
    Text(&'g str),
    /// An entity's name, compared against its aliases too.
    Name(&'g Node),
}

fn prop_value<'g>(
    g: &'g KnowledgeGraph,
    t: Target,
    nodes: &[Option<NodeIndex>],
    rels: &[Vec<(NodeIndex, NodeIndex, EdgeIndex)>],
) -> PropValue<'g> {
    let pg = g.petgraph();
    let text = |s: &'g Option<String>| s.as_deref().map_or(PropValue::Null, PropValue::Text);
    match t {
        Target::Node(s, p) => {
            let Some(ix) = nodes[s] else {
                return PropValue::Null;
            };
            let n = &pg[ix];
            match p {
                NodeProp::Name => PropValue::Name(n),
                NodeProp::Id => PropValue::Text(&n.id),
                NodeProp::Kind => PropValue::Text(n.kind.as_str()),
                NodeProp::Mentions => PropValue::Num(n.mentions as f64),
                NodeProp::Documents => PropValue::Num(n.documents.len() as f64),
                NodeProp::FirstSeen => text(&n.first_seen),
                NodeProp::LastSeen => text(&n.last_seen),
                NodeProp::Ticker => text(&n.ticker),
            }
        }
        Target::Rel(s, p) => {
            let Some(&(_, _, e)) = rels[s].first() else {
                return PropValue::Null;
            };
            let e = &pg[e];
            match p {
                RelProp::Kind => PropValue::Text(e.kind.as_str()),
                RelProp::Status => PropValue::Text(e.status.as_str()),
                RelProp::Confidence => PropValue::Num(round4(e.confidence)),
                RelProp::Count => PropValue::Num(f64::from(e.count)),
                RelProp::FirstSeen => text(&e.first_seen),
                RelProp::LastSeen => text(&e.last_seen),
            }
        }
    }
}

/// A confidence as shown (4 decimals), so `>= 0.7` holds for a stored 0.7.
fn round4(c: f32) -> f64 {
    (f64::from(c) * 10_000.0).round() / 10_000.0
}

/// Three-valued evaluation: `None` when a compared value is missing.
fn eval(
    g: &KnowledgeGraph,
    cond: &Cond,
    nodes: &[Option<NodeIndex>],
    rels: &[Vec<(NodeIndex, NodeIndex, EdgeIndex)>],
) -> Option<bool> {
    match cond {
        Cond::And(v) => {
            let mut out = Some(true);
            for c in v {
                match eval(g, c, nodes, rels) {
                    Some(false) => return Some(false),
                    None => out = None,
                    Some(true) => {}
                }
            }
            out
        }
        Cond::Or(v) => {
            let mut out = Some(false);
            for c in v {
                match eval(g, c, nodes, rels) {
                    Some(true) => return Some(true),
                    None => out = None,
                    Some(false) => {}
                }
            }
            out
        }
        Cond::Not(c) => eval(g, c, nodes, rels).map(|b| !b),
        Cond::IsNull { target, negated } => {
            let null = matches!(prop_value(g, *target, nodes, rels), PropValue::Null);
            Some(null != *negated)
        }
        Cond::Cmp { target, op, values } => {
            let v = prop_value(g, *target, nodes, rels);
            if matches!(v, PropValue::Null) {
                return None;
            }
            let mut any = false;
            for want in values {
                if compare(&v, *op, want) {
                    any = true;
                    break;
                }
            }
            Some(any)
        }
    }
}

fn compare(v: &PropValue<'_>, op: Op, want: &Value) -> bool {
    use std::cmp::Ordering;
    let ordered = |o: Ordering| match op {
        Op::Eq => o == Ordering::Equal,
        Op::Ne => o != Ordering::Equal,
        Op::Lt => o == Ordering::Less,
        Op::Le => o != Ordering::Greater,
        Op::Gt => o == Ordering::Greater,
        Op::Ge => o != Ordering::Less,
        _ => false,
    };
    let text_op = |have: &str, lower: &str, norm: &str| -> bool {
        let h = have.to_lowercase();
        match op {
            Op::Eq => h == lower || (!norm.is_empty() && simple_norm(have) == norm),
            Op::Ne => !(h == lower || (!norm.is_empty() && simple_norm(have) == norm)),
            Op::Contains => h.contains(lower),
            Op::StartsWith => h.starts_with(lower),
            Op::EndsWith => h.ends_with(lower),
            _ => false,
        }
    };
    match (v, want) {
        (PropValue::Num(n), Value::Num(w)) => ordered(n.total_cmp(w)),
        (PropValue::Name(node), Value::Text(lower, norm)) => match op {
            Op::Eq => text_op_eq_any(node, lower, norm),
            Op::Ne => !text_op_eq_any(node, lower, norm),
            _ => std::iter::once(node.name.as_str())
                .chain(node.alias_names())
                .any(|f| text_op(f, lower, norm)),
        },
        (PropValue::Text(s), Value::Text(lower, _)) => text_op(s, lower, ""),
        (PropValue::Text(s), Value::EntityKind(k)) => ordered((*s).cmp(k.as_str())),
        (PropValue::Text(s), Value::RelationKind(k)) => ordered((*s).cmp(k.as_str())),
        (PropValue::Text(s), Value::Status(k)) => ordered((*s).cmp(k.as_str())),
        (PropValue::Text(s), Value::Date(d)) => {
            let head = s.get(..d.len()).unwrap_or(s);
            ordered(head.cmp(d.as_str()))
        }
        _ => false,
    }
}

/// Whether a name or alias of the node equals the text (case-insensitively
/// or after normalisation).
fn text_op_eq_any(node: &Node, lower: &str, norm: &str) -> bool {
    std::iter::once(node.name.as_str())
        .chain(node.alias_names())
        .any(|f| f.to_lowercase() == lower || (!norm.is_empty() && simple_norm(f) == norm))
}

#[cfg(test)]
mod tests;
