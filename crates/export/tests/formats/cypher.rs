use crate::fixtures::*;
use newsgraph_export::Format;

/// A token of the Cypher subset the exporter writes.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Num(String),
    Punct(char),
    Arrow(&'static str),
}

/// Tokenise one statement line strictly: string literals must close on the
/// line with only the escapes Cypher knows, brackets must nest, and the
/// line must end with the only `;` outside a string.
fn tokenize(line: &str) -> Vec<Tok> {
    let chars: Vec<char> = line.chars().collect();
    let mut toks = Vec::new();
    let mut stack = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' => i += 1,
            '\'' => {
                let mut value = String::new();
                i += 1;
                loop {
                    let Some(&c) = chars.get(i) else {
                        panic!("unterminated string literal: {line}");
                    };
                    assert!(
                        !c.is_control(),
                        "raw control character in a literal: {line:?}"
                    );
                    i += 1;
                    match c {
                        '\'' => break,
                        '\\' => {
                            let e = *chars
                                .get(i)
                                .unwrap_or_else(|| panic!("dangling backslash: {line}"));
                            i += 1;
                            match e {
                                '\\' => value.push('\\'),
                                '\'' => value.push('\''),
                                '"' => value.push('"'),
                                'n' => value.push('\n'),
                                'r' => value.push('\r'),
                                't' => value.push('\t'),
                                'b' => value.push('\u{8}'),
                                'f' => value.push('\u{c}'),
                                'u' => {
                                    let hex: String = chars[i..i + 4].iter().collect();
                                    let code =
                                        u32::from_str_radix(&hex, 16).expect("\\u hex digits");
                                    value.push(char::from_u32(code).expect("scalar value"));
                                    i += 4;
                                }
                                other => panic!("unknown escape \\{other}: {line}"),
                            }
                        }
                        c => value.push(c),
                    }
                }
                toks.push(Tok::Str(value));
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                toks.push(Tok::Ident(chars[start..i].iter().collect()));
            }
            c if c.is_ascii_digit() => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                let n: String = chars[start..i].iter().collect();
                assert!(n.parse::<f64>().is_ok(), "bad number {n}");
                toks.push(Tok::Num(n));
            }
            '-' if chars.get(i + 1) == Some(&'[') => {
                toks.push(Tok::Arrow("-["));
                stack.push('[');
                i += 2;
            }
            ']' if chars.get(i + 1) == Some(&'-') && chars.get(i + 2) == Some(&'>') => {
                assert_eq!(stack.pop(), Some('['));
                toks.push(Tok::Arrow("]->"));
                i += 3;
            }
            '(' | '{' | '[' => {
                stack.push(c);
                toks.push(Tok::Punct(c));
                i += 1;
            }
            ')' | '}' | ']' => {
                let open = match c {
                    ')' => '(',
                    '}' => '{',
                    _ => '[',
                };
                assert_eq!(stack.pop(), Some(open), "unbalanced {c}: {line}");
                toks.push(Tok::Punct(c));
                i += 1;
            }
            ':' | ',' | '.' | '=' => {
                toks.push(Tok::Punct(c));
                i += 1;
            }
            ';' => {
                assert_eq!(i, chars.len() - 1, "';' before the end of the line: {line}");
                toks.push(Tok::Punct(';'));
                i += 1;
            }
            other => panic!("unexpected {other:?} outside a string: {line}"),
        }
    }
    assert!(stack.is_empty(), "unclosed brackets: {line}");
    assert_eq!(
        toks.last(),
        Some(&Tok::Punct(';')),
        "statement not terminated: {line}"
    );
    toks
}

/// The string value in `x.key = '...'` in the tokens.
fn value_after(toks: &[Tok], key: &str) -> Option<String> {
    toks.windows(5).find_map(|w| match w {
        [
            Tok::Ident(_),
            Tok::Punct('.'),
            Tok::Ident(k),
            Tok::Punct('='),
            Tok::Str(v),
        ] if k == key => Some(v.clone()),
        _ => None,
    })
}

/// The strings in `{id: '...'}` patterns, in order.
fn ids(toks: &[Tok]) -> Vec<String> {
    toks.windows(3)
        .filter_map(|w| match w {
            [Tok::Ident(k), Tok::Punct(':'), Tok::Str(v)] if k == "id" => Some(v.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_statement_is_well_formed() {
    for (name, graph) in all_graphs() {
        let script = render(&graph, Format::Cypher);
        assert!(script.ends_with(";\n"), "{name}");
        let mut statements = 0;
        for line in script.lines() {
            if line.starts_with("//") {
                continue;
            }
            tokenize(line);
            statements += 1;
        }
        assert_eq!(
            statements,
            1 + graph.node_count() + graph.edge_count(),
            "{name}"
        );
    }
}

#[test]
fn literals_decode_to_the_original_text() {
    let graph = nasty_graph();
    let script = render(&graph, Format::Cypher);
    let lines: Vec<&str> = script.lines().filter(|l| !l.starts_with("//")).collect();
    assert_eq!(
        lines[0],
        "CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (o:Organization) REQUIRE o.id IS UNIQUE;"
    );
    let node_lines = &lines[1..1 + graph.node_count()];
    for (line, node) in node_lines.iter().zip(graph.nodes()) {
        let toks = tokenize(line);
        // MERGE (n:Organization {id: '...'})
        assert_eq!(toks[0], Tok::Ident("MERGE".into()));
        assert_eq!(ids(&toks), vec![node.id.as_str()], "{line}");
        assert_eq!(value_after(&toks, "name"), Some(node.name.clone()));
        assert_eq!(
            value_after(&toks, "kind"),
            Some(node.kind.as_str().to_string())
        );
    }
    let edge_lines = &lines[1 + graph.node_count()..];
    for (line, edge) in edge_lines.iter().zip(graph.edges()) {
        let toks = tokenize(line);
        assert_eq!(toks[0], Tok::Ident("MATCH".into()));
        assert_eq!(
            ids(&toks),
            [edge.source.clone(), edge.target.clone()],
            "{line}"
        );
        assert_eq!(
            value_after(&toks, "status"),
            Some(edge.status.as_str().to_string())
        );
    }
    let contract = edge_lines
        .iter()
        .find(|l| l.contains("[r:CONTRACT]"))
        .expect("contract");
    assert_eq!(
        value_after(&tokenize(contract), "evidence"),
        Some(NASTY_SENTENCE.to_string())
    );
}

#[test]
fn golden_lines() {
    let script = render(&nasty_graph(), Format::Cypher);
    for line in [
        "// newsgraph: 5 organisations, 6 relations from 2 documents\n",
        "\nMERGE (n:Organization {id: 'aws'}) REMOVE n:Firm:Agency SET n:Cloud, n.name = 'Amazon Web Services', n.kind = 'cloud', n.aliases = ['AWS', 'Amazon\\'s cloud'], n.mentions = 12, n.documents = 2, n.first_seen = '2024-01-15', n.last_seen = '2024-03-02', n.ticker = null, n.parent = 'amazon';\n",
        "\nMERGE (n:Organization {id: 'org:o\\'neil & sons'}) REMOVE n:Cloud:Agency SET n:Firm, n.name = 'O\\'Neil & Sons,\\tLtd.', n.kind = 'firm', n.aliases = [], ",
        "n.name = 'Société Générale \"SG\" <&> \\\\ back\\nslash\\u0001'",
        "\nMATCH (a:Organization {id: 'aws'}), (b:Organization {id: 'dod'}) MERGE (a)-[r:CONTRACT]->(b) SET r.status = 'asserted', r.symmetric = false, r.confidence = 0.9500, r.evidence_count = 2, r.first_seen = '2024-01-15', r.last_seen = '2024-03-02', r.evidence = 'The Pentagon said \"AWS\" won a $10bn <cloud> & data deal.\\r\\nIt\\'s a C:\\\\path\\\\ win\\u0001\u{FFFE}!', r.evidence_doc = 'doc-1';\n",
        "MERGE (a)-[r:PARTNERSHIP]->(b) SET r.status = 'hedged', r.symmetric = true,",
        "MERGE (a)-[r:PART_OF]->(b)",
        "MERGE (a)-[r:INVESTMENT]->(b) SET r.status = 'asserted', r.symmetric = false, r.confidence = 0.0000, r.evidence_count = 0, r.first_seen = null, r.last_seen = null, r.evidence = null, r.evidence_doc = null;\n",
    ] {
        assert!(script.contains(line), "missing: {line}\n{script}");
    }
}
