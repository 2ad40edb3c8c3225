use crate::fixtures::*;
use newsgraph_export::export_neo4j_csv;

fn read(path: &std::path::Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_path(path)
        .expect("open csv");
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("valid record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn files_parse_with_the_expected_columns() {
    let graph = nasty_graph();
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("neo4j/import");
    let paths = export_neo4j_csv(&graph, &out).expect("export");
    assert_eq!(
        paths,
        [out.join("nodes.csv"), out.join("relationships.csv")]
    );
    // Only the two files: the temporary files are gone.
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["nodes.csv", "relationships.csv"]);

    let (header, rows) = read(&paths[0]);
    assert_eq!(
        header.join(","),
        "id:ID,name,kind,aliases:string[],mentions:long,documents:long,first_seen:date,last_seen:date,ticker,parent,:LABEL"
    );
    assert_eq!(rows.len(), graph.node_count());
    for (row, node) in rows.iter().zip(graph.nodes()) {
        assert_eq!(row[0], node.id);
        let name: String = node
            .name
            .chars()
            .map(|c| if matches!(c, '\t' | '\n') { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        assert_eq!(row[1], name);
        assert_eq!(row[2], node.kind.as_str());
        assert_eq!(row[4], node.mentions.to_string());
        assert_eq!(row[5], node.documents.len().to_string());
        let valid = |d: &Option<String>| {
            d.clone()
                .filter(|d| d.as_str() != "2024-02-30")
                .unwrap_or_default()
        };
        assert_eq!(row[6], valid(&node.first_seen));
        assert_eq!(row[7], valid(&node.last_seen));
        assert_eq!(row[8], node.ticker.clone().unwrap_or_default());
        assert_eq!(row[9], node.parent.clone().unwrap_or_default());
    }
    let amazon = rows.iter().find(|r| r[0] == "amazon").expect("amazon");
    assert_eq!(
        amazon[3], "Amazon, the retailer",
        "';' cannot be escaped in arrays"
    );
    assert_eq!(amazon[10], "Organization;Firm");
    let aws = rows.iter().find(|r| r[0] == "aws").expect("aws");
    assert_eq!(aws[3], "AWS;Amazon's cloud");
    assert_eq!(aws[10], "Organization;Cloud");
    assert_eq!(aws[9], "amazon");
    let sg = rows.iter().find(|r| r[0] == SG_ID).expect("sg");
    assert_eq!(sg[1], "Société Générale \"SG\" <&> \\ back slash");
    assert_eq!(sg[6], "", "2024-02-30 is not a date neo4j-admin accepts");

    let (header, rows) = read(&paths[1]);
    assert_eq!(
        header.join(","),
        ":START_ID,:END_ID,:TYPE,status,symmetric:boolean,confidence:double,evidence_count:long,first_seen:date,last_seen:date,evidence,evidence_doc"
    );
    assert_eq!(rows.len(), graph.edge_count());
    for (row, edge) in rows.iter().zip(graph.edges()) {
        assert_eq!(row[0], edge.source);
        assert_eq!(row[1], edge.target);
        assert_eq!(row[3], edge.status.as_str());
        assert_eq!(row[4], edge.kind.is_symmetric().to_string());
        assert_eq!(row[6], edge.count.to_string());
    }
    let contract = rows.iter().find(|r| r[2] == "CONTRACT").expect("contract");
    assert_eq!(contract[5], "0.9500");
    assert_eq!(
        contract[9],
        NASTY_SENTENCE.replace('\u{1}', "").replace("\r\n", " "),
        "one line per record: no --multiline-fields needed"
    );
    assert_eq!(contract[10], "doc-1");
    let partnership = rows
        .iter()
        .find(|r| r[2] == "PARTNERSHIP")
        .expect("partnership");
    assert_eq!(partnership[4], "true");
    assert!(rows.iter().any(|r| r[2] == "PART_OF"));
    let investment = rows
        .iter()
        .find(|r| r[2] == "INVESTMENT")
        .expect("investment");
    assert_eq!(investment[7], "");
    assert_eq!(investment[9], "");
}

#[test]
fn golden_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = export_neo4j_csv(&nasty_graph(), dir.path()).expect("export");
    let nodes = std::fs::read_to_string(&paths[0]).expect("nodes");
    assert!(nodes.contains("\namazon,\"Amazon.com, Inc.\",firm,\"Amazon, the retailer\",4,1,2024-03-02,2024-03-02,AMZN,,Organization;Firm\n"));
    assert!(nodes.contains(
        "\norg:société générale/paris,\"Société Générale \"\"SG\"\" <&> \\ back slash\",firm,"
    ));
    // Every record is one line.
    assert_eq!(nodes.lines().count(), 6);
    let rels = std::fs::read_to_string(&paths[1]).expect("relationships");
    assert!(rels.contains(
        "\naws,amazon,PART_OF,asserted,false,0.9500,1,,,\"AWS, Amazon's cloud unit,\",doc/2 ü\n"
    ));
}

#[test]
fn empty_graph_gives_headers_only_and_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    export_neo4j_csv(&nasty_graph(), dir.path()).expect("first export");
    let paths = export_neo4j_csv(&empty_graph(), dir.path()).expect("second export");
    let nodes = std::fs::read_to_string(&paths[0]).expect("nodes");
    assert_eq!(nodes.lines().count(), 1);
    let rels = std::fs::read_to_string(&paths[1]).expect("relationships");
    assert_eq!(rels.lines().count(), 1);
}

#[test]
fn unwritable_directory_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").expect("write");
    let err = export_neo4j_csv(&nasty_graph(), &file).expect_err("a file is not a folder");
    assert!(err.to_string().contains("not-a-dir"), "{err}");
}
