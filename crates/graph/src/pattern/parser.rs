//! A recursive-descent parser from tokens to the syntax tree.

use super::PatternError;
use super::lexer::{Tok, Token, lex};

/// A byte range of the query.
pub(crate) type Span = (usize, usize);

/// A name with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Name {
    pub text: String,
    pub span: Span,
}

/// A whole query.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QueryAst {
    pub paths: Vec<PathAst>,
    pub filter: Option<Expr>,
    pub returns: Option<Vec<ReturnAst>>,
    pub limit: Option<usize>,
}

/// `(a)-[r]->(b)...`: `rels.len() + 1 == nodes.len()`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PathAst {
    pub nodes: Vec<NodeAst>,
    pub rels: Vec<RelAst>,
}

/// `(a:agency|firm {name: 'GSA'})`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NodeAst {
    pub var: Option<Name>,
    pub kinds: Vec<Name>,
    pub props: Vec<(Name, Literal)>,
    pub span: Span,
}

/// Which way a relation pattern points, as written left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Arrow {
    Right,
    Left,
    Either,
}

/// `-[r:contract|partnership*1..3 {status: 'asserted'}]->`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RelAst {
    pub var: Option<Name>,
    pub kinds: Vec<Name>,
    pub arrow: Arrow,
    /// `Some((min, max))` for a variable-length relation.
    pub range: Option<(Option<u64>, Option<u64>)>,
    pub props: Vec<(Name, Literal)>,
    pub span: Span,
}

/// A literal value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum LitValue {
    Str(String),
    Num(f64),
    Null,
}

/// A literal with its span.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Literal {
    pub value: LitValue,
    pub span: Span,
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
    StartsWith,
    EndsWith,
}

impl Op {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "<>",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Contains => "CONTAINS",
            Op::StartsWith => "STARTS WITH",
            Op::EndsWith => "ENDS WITH",
        }
    }
}

/// A WHERE expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    /// `var.prop op literal`; `IN [...]` becomes a list of `=` alternatives.
    Cmp {
        var: Name,
        prop: Name,
        op: Op,
        op_span: Span,
        values: Vec<Literal>,
    },
    /// `var.prop IS [NOT] NULL`.
    IsNull {
        var: Name,
        prop: Name,
        negated: bool,
    },
}

/// One RETURN item: `a`, `a.name`, optionally `AS header`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReturnAst {
    pub var: Name,
    pub prop: Option<Name>,
    pub alias: Option<Name>,
}

struct Parser<'s> {
    src: &'s str,
    toks: Vec<Token>,
    pos: usize,
}

/// Parse a query.
pub(crate) fn parse(src: &str) -> Result<QueryAst, PatternError> {
    let toks = lex(src)?;
    let mut p = Parser { src, toks, pos: 0 };
    p.query()
}

impl Parser<'_> {
    fn peek(&self) -> &Token {
        &self.toks[self.pos.min(self.toks.len() - 1)]
    }

    fn peek_at(&self, n: usize) -> &Tok {
        &self.toks[(self.pos + n).min(self.toks.len() - 1)].tok
    }

    fn bump(&mut self) -> Token {
        let t = self.peek().clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    fn err_at(&self, t: &Token, msg: impl Into<String>) -> PatternError {
        PatternError::new(self.src, t.start, t.end.max(t.start + 1), msg)
    }

    /// An error at the next token: "expected X, found Y".
    fn expected(&self, what: &str) -> PatternError {
        let t = self.peek();
        self.err_at(t, format!("expected {what}, found {}", t.tok.describe()))
    }

    fn eat(&mut self, tok: &Tok) -> bool {
        if &self.peek().tok == tok {
            self.bump();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, tok: &Tok, what: &str) -> Result<Token, PatternError> {
        if &self.peek().tok == tok {
            Ok(self.bump())
        } else {
            Err(self.expected(what))
        }
    }

    /// Whether the next token is the keyword `kw` (case-insensitive).
    fn at_keyword(&self, kw: &str) -> bool {
        self.keyword_at(0, kw)
    }

    fn keyword_at(&self, n: usize, kw: &str) -> bool {
        matches!(self.peek_at(n), Tok::Ident(s) if s.eq_ignore_ascii_case(kw))
    }

    fn eat_keyword(&mut self, kw: &str) -> bool {
        if self.at_keyword(kw) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn name(&mut self, what: &str) -> Result<Name, PatternError> {
        match &self.peek().tok {
            Tok::Ident(s) => {
                let text = s.clone();
                let t = self.bump();
                Ok(Name {
                    text,
                    span: (t.start, t.end),
                })
            }
            _ => Err(self.expected(what)),
        }
    }

    fn query(&mut self) -> Result<QueryAst, PatternError> {
        if matches!(self.peek().tok, Tok::End) {
            return Err(self.expected("a pattern such as (a:agency)<-[:contract]-(f:firm)"));
        }
        self.eat_keyword("MATCH");
        let mut paths = vec![self.path()?];
        while self.eat(&Tok::Comma) {
            paths.push(self.path()?);
        }
        let filter = if self.eat_keyword("WHERE") {
            Some(self.or_expr()?)
        } else {
            None
        };
        let returns = if self.eat_keyword("RETURN") {
            Some(self.returns()?)
        } else {
            None
        };
        let limit = if self.eat_keyword("LIMIT") {
            match self.peek().tok {
                Tok::Int(n) => {
                    self.bump();
                    Some(usize::try_from(n).unwrap_or(usize::MAX))
                }
                _ => return Err(self.expected("a whole number after LIMIT")),
            }
        } else {
            None
        };
        if !matches!(self.peek().tok, Tok::End) {
            let t = self.peek().clone();
            let hint = if filter.is_none() && returns.is_none() {
                "expected WHERE, RETURN, LIMIT or the end of the query"
            } else if returns.is_none() {
                "expected AND, OR, RETURN, LIMIT or the end of the query"
            } else {
                "expected ',', LIMIT or the end of the query"
            };
            return Err(self.err_at(&t, format!("{hint}, found {}", t.tok.describe())));
        }
        Ok(QueryAst {
            paths,
            filter,
            returns,
            limit,
        })
    }

    fn path(&mut self) -> Result<PathAst, PatternError> {
        let mut nodes = vec![self.node()?];
        let mut rels = Vec::new();
        while matches!(self.peek().tok, Tok::Dash | Tok::Lt) {
            rels.push(self.rel()?);
            nodes.push(self.node()?);
        }
        Ok(PathAst { nodes, rels })
    }

    fn node(&mut self) -> Result<NodeAst, PatternError> {
        let open = self.expect(&Tok::LParen, "'(' to start a node pattern")?;
        let var = match self.peek().tok {
            Tok::Ident(_) => Some(self.name("a variable")?),
            _ => None,
        };
        let mut kinds = Vec::new();
        if self.eat(&Tok::Colon) {
            kinds.push(self.name("an entity kind (firm, cloud or agency) after ':'")?);
            while self.eat(&Tok::Pipe) {
                self.eat(&Tok::Colon);
                kinds.push(self.name("an entity kind (firm, cloud or agency) after '|'")?);
            }
        }
        let props = if matches!(self.peek().tok, Tok::LBrace) {
            self.props()?
        } else {
            Vec::new()
        };
        let close = self.expect(&Tok::RParen, "')' to close the node pattern")?;
        Ok(NodeAst {
            var,
            kinds,
            props,
            span: (open.start, close.end),
        })
    }

    fn props(&mut self) -> Result<Vec<(Name, Literal)>, PatternError> {
        self.expect(&Tok::LBrace, "'{'")?;
        let mut out = Vec::new();
        if !matches!(self.peek().tok, Tok::RBrace) {
            loop {
                let key = self.name("a property name")?;
                self.expect(&Tok::Colon, "':' after the property name")?;
                out.push((key, self.literal()?));
                if !self.eat(&Tok::Comma) {
                    break;
                }
            }
        }
        self.expect(&Tok::RBrace, "'}' to close the properties")?;
        Ok(out)
    }

    fn rel(&mut self) -> Result<RelAst, PatternError> {
        let first = self.peek().clone();
        let left = self.eat(&Tok::Lt);
        self.expect(
            &Tok::Dash,
            if left {
                "'-' after '<' (a relation looks like <-[:kind]-)"
            } else {
                "a relation such as -[:contract]->"
            },
        )?;
        let mut var = None;
        let mut kinds = Vec::new();
        let mut range = None;
        let mut props = Vec::new();
        if self.eat(&Tok::LBracket) {
            if let Tok::Ident(_) = self.peek().tok {
                var = Some(self.name("a variable")?);
            }
            if self.eat(&Tok::Colon) {
                kinds.push(self.name("a relation kind after ':'")?);
                while self.eat(&Tok::Pipe) {
                    self.eat(&Tok::Colon);
                    kinds.push(self.name("a relation kind after '|'")?);
                }
            }
            if self.eat(&Tok::Star) {
                let int = |p: &mut Self| -> Option<u64> {
                    if let Tok::Int(n) = p.peek().tok {
                        p.bump();
                        Some(n)
                    } else {
                        None
                    }
                };
                let min = int(self);
                let r = if self.eat(&Tok::DotDot) {
                    (min, int(self))
                } else {
                    (min, min)
                };
                range = Some(r);
            }
            if matches!(self.peek().tok, Tok::LBrace) {
                props = self.props()?;
            }
            if !matches!(self.peek().tok, Tok::RBracket) {
                let what = if range.is_none() && !kinds.is_empty() {
                    "']' to close the relation pattern (or '|' for another kind, '*' for a variable length)"
                } else {
                    "']' to close the relation pattern"
                };
                return Err(self.expected(what));
            }
            self.bump();
        }
        let dash = self.expect(
            &Tok::Dash,
            "'-' to finish the relation (-[...]- or -[...]->)",
        )?;
        let mut end = dash.end;
        let right = if matches!(self.peek().tok, Tok::Gt) {
            end = self.bump().end;
            true
        } else {
            false
        };
        let span = (first.start, end);
        let arrow = match (left, right) {
            (true, true) => {
                return Err(PatternError::new(
                    self.src,
                    span.0,
                    span.1,
                    "a relation cannot point both ways: write -[...]- to match either direction",
                ));
            }
            (true, false) => Arrow::Left,
            (false, true) => Arrow::Right,
            (false, false) => Arrow::Either,
        };
        Ok(RelAst {
            var,
            kinds,
            arrow,
            range,
            props,
            span,
        })
    }

    fn literal(&mut self) -> Result<Literal, PatternError> {
        let negative = matches!(self.peek().tok, Tok::Dash)
            && matches!(self.peek_at(1), Tok::Int(_) | Tok::Float(_));
        let start = self.peek().start;
        if negative {
            self.bump();
        }
        let t = self.peek().clone();
        let sign = if negative { -1.0 } else { 1.0 };
        let value = match &t.tok {
            Tok::Str(s) => LitValue::Str(s.clone()),
            Tok::Int(n) => LitValue::Num(sign * *n as f64),
            Tok::Float(f) => LitValue::Num(sign * f),
            Tok::Ident(s) if s.eq_ignore_ascii_case("null") => LitValue::Null,
            Tok::Ident(s) => {
                return Err(self.err_at(
                    &t,
                    format!("expected a value, found '{s}': quote text, as in '{s}'"),
                ));
            }
            _ => return Err(self.expected("a value ('text' or a number)")),
        };
        self.bump();
        Ok(Literal {
            value,
            span: (start, t.end),
        })
    }

    fn or_expr(&mut self) -> Result<Expr, PatternError> {
        let mut e = self.and_expr()?;
        while self.eat_keyword("OR") {
            let r = self.and_expr()?;
            e = Expr::Or(Box::new(e), Box::new(r));
        }
        Ok(e)
    }

    fn and_expr(&mut self) -> Result<Expr, PatternError> {
        let mut e = self.not_expr()?;
        while self.eat_keyword("AND") {
            let r = self.not_expr()?;
            e = Expr::And(Box::new(e), Box::new(r));
        }
        Ok(e)
    }

    fn not_expr(&mut self) -> Result<Expr, PatternError> {
        if self.eat_keyword("NOT") {
            return Ok(Expr::Not(Box::new(self.not_expr()?)));
        }
        if self.eat(&Tok::LParen) {
            let e = self.or_expr()?;
            self.expect(&Tok::RParen, "')' to close the parenthesis")?;
            return Ok(e);
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, PatternError> {
        let var = self.name("a condition such as a.name = 'GSA' or r.confidence >= 0.8")?;
        if !matches!(self.peek().tok, Tok::Dot) {
            return Err(self.expected(&format!(
                "'.' and a property after '{}' (as in {}.name)",
                var.text, var.text
            )));
        }
        self.bump();
        let prop = self.name("a property name after '.'")?;
        let t = self.peek().clone();
        let simple = match t.tok {
            Tok::Eq => Some(Op::Eq),
            Tok::Ne => Some(Op::Ne),
            Tok::Lt => Some(Op::Lt),
            Tok::Le => Some(Op::Le),
            Tok::Gt => Some(Op::Gt),
            Tok::Ge => Some(Op::Ge),
            _ => None,
        };
        if let Some(op) = simple {
            self.bump();
            let value = self.literal()?;
            return Ok(Expr::Cmp {
                var,
                prop,
                op,
                op_span: (t.start, t.end),
                values: vec![value],
            });
        }
        if matches!(t.tok, Tok::RegexMatch) {
            return Err(self.err_at(
                &t,
                "regular expressions (=~) are not supported: use CONTAINS, STARTS WITH or ENDS WITH",
            ));
        }
        let word = |p: &Self, w: &str| p.at_keyword(w);
        let op = if word(self, "CONTAINS") {
            self.bump();
            Op::Contains
        } else if (word(self, "STARTS") || word(self, "ENDS")) && self.keyword_at(1, "WITH") {
            let op = if word(self, "STARTS") {
                Op::StartsWith
            } else {
                Op::EndsWith
            };
            self.bump();
            self.bump();
            op
        } else if word(self, "IN") {
            self.bump();
            self.expect(&Tok::LBracket, "'[' to start the list after IN")?;
            let mut values = vec![self.literal()?];
            while self.eat(&Tok::Comma) {
                values.push(self.literal()?);
            }
            let close = self.expect(&Tok::RBracket, "',' or ']' to close the list")?;
            return Ok(Expr::Cmp {
                var,
                prop,
                op: Op::Eq,
                op_span: (t.start, close.end),
                values,
            });
        } else if word(self, "IS") {
            self.bump();
            let negated = self.eat_keyword("NOT");
            if !self.eat_keyword("NULL") {
                return Err(self.expected("NULL after IS (or IS NOT)"));
            }
            return Ok(Expr::IsNull { var, prop, negated });
        } else {
            return Err(self.expected(
                "a comparison (=, <>, <, <=, >, >=, CONTAINS, STARTS WITH, ENDS WITH, IN, IS NULL)",
            ));
        };
        let end = self.toks[self.pos.saturating_sub(1)].end;
        let value = self.literal()?;
        Ok(Expr::Cmp {
            var,
            prop,
            op,
            op_span: (t.start, end),
            values: vec![value],
        })
    }

    fn returns(&mut self) -> Result<Vec<ReturnAst>, PatternError> {
        self.eat_keyword("DISTINCT");
        if self.eat(&Tok::Star) {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        loop {
            let var = self.name("a variable to return (as in RETURN a, f or RETURN a.name)")?;
            let prop = if self.eat(&Tok::Dot) {
                Some(self.name("a property name after '.'")?)
            } else {
                None
            };
            let alias = if self.eat_keyword("AS") {
                Some(self.name("a column name after AS")?)
            } else {
                None
            };
            out.push(ReturnAst { var, prop, alias });
            if !self.eat(&Tok::Comma) {
                break;
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_example() {
        let q = parse("(a:agency)<-[:contract]-(f:firm)-[:dispute]-(a)").expect("parses");
        assert_eq!(q.paths.len(), 1);
        let p = &q.paths[0];
        assert_eq!(p.nodes.len(), 3);
        assert_eq!(p.rels[0].arrow, Arrow::Left);
        assert_eq!(p.rels[1].arrow, Arrow::Either);
        assert_eq!(p.nodes[2].var.as_ref().map(|n| n.text.as_str()), Some("a"));
    }

    #[test]
    fn parses_ranges_where_and_return() {
        let q = parse(
            "MATCH (x)-[r:part_of*1..3]->(y), (y)-->() WHERE NOT x.name STARTS WITH 'A' AND (r.confidence > 0.5 OR y.kind IN ['firm', 'cloud']) RETURN x.name AS who, y LIMIT 5",
        )
        .expect("parses");
        assert_eq!(q.paths.len(), 2);
        assert_eq!(q.paths[0].rels[0].range, Some((Some(1), Some(3))));
        assert_eq!(q.paths[1].rels[0].arrow, Arrow::Right);
        assert_eq!(q.returns.as_ref().map(Vec::len), Some(2));
        assert_eq!(q.limit, Some(5));
        assert!(matches!(q.filter, Some(Expr::And(_, _))));
    }

    #[test]
    fn errors_point_at_the_column() {
        let e = parse("(a:agency)<-[:contract-(f)").expect_err("missing ]");
        assert_eq!(e.start, 22, "{e}");
        let e = parse("(a)<-[:x]->(b)").expect_err("both ways");
        assert_eq!(e.start, 3);
        let e = parse("(a) WHERE a.name =~ 'x'").expect_err("regex");
        assert!(e.message.contains("not supported"), "{e}");
        let e = parse("(a) RETURN a b").expect_err("trailing");
        assert_eq!(e.start, 13);
    }
}
