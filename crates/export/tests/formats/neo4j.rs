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
        "id:ID,name,kind,aliases:string[],mentions:long,documents:long,first_seen,last_seen,:LABEL"
    );
    assert_eq!(rows.len(), graph.node_count());
    for (row, node) in rows.iter().zip(graph.nodes()) {
        assert_eq!(row[0], node.id);
        let name: String = node
            .name
            .chars()
            .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
            .collect();
        assert_eq!(row[1], name);
        assert_eq!(row[2], node.kind.as_str());
        assert_eq!(row[4], node.mentions.to_string());
        assert_eq!(row[5], node.documents.len().to_string());
        assert_eq!(row[6], node.first_seen.clone().unwrap_or_default());
        assert_eq!(row[7], node.last_seen.clone().unwrap_or_default());
    }
    let amazon = rows.iter().find(|r| r[0] == "amazon").expect("amazon");
    assert_eq!(
        amazon[3], "Amazon, the retailer",
        "';' cannot be escaped in arrays"
    );
    assert_eq!(amazon[8], "Organization;Firm");
    let aws = rows.iter().find(|r| r[0] == "aws").expect("aws");
    assert_eq!(aws[3], "AWS;Amazon's cloud");
    assert_eq!(aws[8], "Organization;Cloud");
    let sg = rows.iter().find(|r| r[0] == SG_ID).expect("sg");
    assert_eq!(sg[1], "Société Générale \"SG\" <&> \\ back\nslash");

    let (header, rows) = read(&paths[1]);
    assert_eq!(
        header.join(","),
        ":START_ID,:END_ID,:TYPE,status,confidence:double,evidence_count:long,first_seen,last_seen,evidence"
    );
    assert_eq!(rows.len(), graph.edge_count());
    for (row, edge) in rows.iter().zip(graph.edges()) {
        assert_eq!(row[0], edge.source);
        assert_eq!(row[1], edge.target);
        assert_eq!(row[3], edge.status.as_str());
        assert_eq!(row[5], edge.count.to_string());
    }
    let contract = rows.iter().find(|r| r[2] == "CONTRACT").expect("contract");
    assert_eq!(contract[4], "0.9500");
    assert_eq!(contract[8], NASTY_SENTENCE.replace('\u{1}', ""));
    assert!(rows.iter().any(|r| r[2] == "PART_OF"));
    let investment = rows
        .iter()
        .find(|r| r[2] == "INVESTMENT")
        .expect("investment");
    assert_eq!(investment[6], "");
    assert_eq!(investment[8], "");
}

#[test]
fn golden_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = export_neo4j_csv(&nasty_graph(), dir.path()).expect("export");
    let nodes = std::fs::read_to_string(&paths[0]).expect("nodes");
    assert!(nodes.contains("\namazon,\"Amazon.com, Inc.\",firm,\"Amazon, the retailer\",4,1,2024-03-02,2024-03-02,Organization;Firm\n"));
    assert!(nodes.contains(
        "\norg:société générale/paris,\"Société Générale \"\"SG\"\" <&> \\ back\nslash\",firm,"
    ));
    let rels = std::fs::read_to_string(&paths[1]).expect("relationships");
    assert!(
        rels.contains("\naws,amazon,PART_OF,asserted,0.9500,1,,,\"AWS, Amazon's cloud unit,\"\n")
    );
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
