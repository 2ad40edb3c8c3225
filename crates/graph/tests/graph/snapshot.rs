//! Snapshots: exact round trips, and damaged or foreign bytes rejected with
//! the right error (never a panic).

use crate::fixtures::*;
use newsgraph_graph::{GraphError, KnowledgeGraph, snapshot};

fn sample() -> KnowledgeGraph {
    build(&world())
}

fn assert_same(a: &KnowledgeGraph, b: &KnowledgeGraph) {
    let an: Vec<_> = a.nodes().collect();
    let bn: Vec<_> = b.nodes().collect();
    assert_eq!(an, bn, "nodes");
    let ae: Vec<_> = a.edges().collect();
    let be: Vec<_> = b.edges().collect();
    assert_eq!(ae, be, "edges");
    assert_eq!(a.documents(), b.documents(), "documents");
}

#[test]
fn bytes_round_trip_exactly() {
    let g = sample();
    let bytes = snapshot::to_bytes(&g).unwrap();
    assert!(bytes.starts_with(snapshot::MAGIC));
    let back = snapshot::from_bytes(&bytes, "mem").unwrap();
    assert_same(&g, &back);
    // Re-encoding the decoded graph gives the same bytes.
    assert!(snapshot::to_bytes(&back).unwrap() == bytes);
}

#[test]
fn files_round_trip_and_are_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.ngraph");
    std::fs::write(&path, b"previous contents").unwrap();
    let g = sample();
    snapshot::save(&g, &path).unwrap();
    let back = snapshot::load(&path).unwrap();
    assert_same(&g, &back);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["g.ngraph"], "no temporary file left behind");
}

#[test]
fn a_failed_save_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("taken");
    std::fs::create_dir(&target).unwrap();
    let err = snapshot::save(&sample(), &target).unwrap_err();
    assert!(err.to_string().contains("taken"), "{err}");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["taken"]);
}

#[test]
fn bad_magic_is_not_a_snapshot() {
    let mut bytes = snapshot::to_bytes(&sample()).unwrap();
    bytes[0] = b'X';
    let err = snapshot::from_bytes(&bytes, "g.ngraph").unwrap_err();
    assert!(matches!(err, GraphError::NotASnapshot { .. }), "{err:?}");
    assert!(err.to_string().starts_with("g.ngraph: "), "{err}");
    for foreign in [
        &b""[..],
        b"N",
        b"NGRAPH",
        b"hello, world\n",
        b"\x89PNG\r\n\x1a\n0000",
    ] {
        let err = snapshot::from_bytes(foreign, "f").unwrap_err();
        assert!(
            matches!(err, GraphError::NotASnapshot { .. }),
            "{foreign:?}: {err:?}"
        );
    }
}

#[test]
fn an_unknown_version_is_reported_with_both_versions() {
    let mut bytes = snapshot::to_bytes(&sample()).unwrap();
    bytes[8..12].copy_from_slice(&99u32.to_le_bytes());
    let err = snapshot::from_bytes(&bytes, "g.ngraph").unwrap_err();
    match &err {
        GraphError::UnsupportedVersion {
            found, supported, ..
        } => {
            assert_eq!(*found, 99);
            assert_eq!(*supported, snapshot::FORMAT_VERSION);
        }
        other => panic!("expected UnsupportedVersion, got {other:?}"),
    }
    let msg = err.to_string();
    assert!(msg.contains("99") && msg.contains("g.ngraph"), "{msg}");
}

#[test]
fn a_changed_payload_byte_fails_the_checksum() {
    let good = snapshot::to_bytes(&sample()).unwrap();
    // Bytes near the end are payload in any layout.
    for at in [good.len() - 1, good.len() - 10, good.len() * 3 / 4] {
        let mut bytes = good.clone();
        bytes[at] ^= 0x01;
        let err = snapshot::from_bytes(&bytes, "g.ngraph").unwrap_err();
        assert!(
            matches!(err, GraphError::Corrupt { .. }),
            "flip at {at}: {err:?}"
        );
        assert!(err.to_string().contains("g.ngraph"));
    }
}

#[test]
fn every_truncation_is_an_error() {
    let good = snapshot::to_bytes(&sample()).unwrap();
    for len in 0..good.len() {
        let r = snapshot::from_bytes(&good[..len], "t.ngraph");
        assert!(
            r.is_err(),
            "truncated to {len} of {} bytes was accepted",
            good.len()
        );
    }
    let mut longer = good.clone();
    longer.push(0);
    assert!(
        snapshot::from_bytes(&longer, "t.ngraph").is_err(),
        "trailing byte accepted"
    );
}

#[test]
fn no_single_byte_change_is_accepted_or_panics() {
    let good = snapshot::to_bytes(&sample()).unwrap();
    for at in 0..good.len() {
        for mask in [0x01u8, 0x80, 0xff] {
            let mut bytes = good.clone();
            bytes[at] ^= mask;
            let r = std::panic::catch_unwind(|| snapshot::from_bytes(&bytes, "f.ngraph").is_err());
            match r {
                Ok(true) => {}
                Ok(false) => panic!("byte {at} ^ {mask:#x} of {} was accepted", good.len()),
                Err(_) => panic!("byte {at} ^ {mask:#x} made from_bytes panic"),
            }
        }
    }
}

#[test]
fn loading_a_missing_file_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.ngraph");
    let err = snapshot::load(&path).unwrap_err();
    assert!(matches!(err, GraphError::Io { .. }), "{err:?}");
    assert!(err.to_string().contains("missing.ngraph"), "{err}");
}

#[test]
fn a_file_snapshot_reads_its_document_table_on_first_use() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.ngraph");
    let g = sample();
    snapshot::save(&g, &path).unwrap();
    let loaded = snapshot::load(&path).unwrap();
    assert_eq!(loaded.document_count(), g.documents().len());
    // Damage the file after loading: the document table was not read yet,
    // so reading it now is an error naming the file, never a panic.
    let mut bytes = std::fs::read(&path).unwrap();
    let n = bytes.len();
    for b in &mut bytes[n - 64..] {
        *b ^= 0x55;
    }
    std::fs::write(&path, &bytes).unwrap();
    // (`save` writes no EXTRACTS section: the tail is the DOCS section.)
    let reloaded = snapshot::load(&path).unwrap();
    assert!(reloaded.try_documents().is_err());
    let err = loaded.try_documents().unwrap_err();
    assert!(matches!(err, GraphError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("g.ngraph"), "{err}");
    assert!(loaded.documents().is_empty());
    // The failure is not remembered as an empty table.
    assert!(loaded.try_documents().is_err());
    // Nodes and edges stay usable.
    assert_eq!(loaded.node_count(), g.node_count());
}

#[test]
fn a_file_snapshot_gives_the_same_documents_as_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.ngraph");
    let g = sample();
    snapshot::save(&g, &path).unwrap();
    let from_file = snapshot::load(&path).unwrap();
    let from_bytes = snapshot::from_bytes(&std::fs::read(&path).unwrap(), "mem").unwrap();
    assert_eq!(from_file.try_documents().unwrap(), from_bytes.documents());
    assert!(!from_file.documents().is_empty());
    // Saving a graph whose table was never read writes the same file.
    let again = snapshot::load(&path).unwrap();
    let copy = dir.path().join("copy.ngraph");
    snapshot::save(&again, &copy).unwrap();
    assert!(std::fs::read(&copy).unwrap() == std::fs::read(&path).unwrap());
}

#[test]
fn records_encoded_ahead_give_the_same_snapshot() {
    let docs = world();
    let mut builder = newsgraph_graph::GraphBuilder::new();
    for d in &docs {
        builder.add(d);
    }
    let g = builder.build();
    let fingerprint = "test";
    let inline = snapshot::to_bytes_with(
        &g,
        &snapshot::SaveOptions {
            extractions: Some((&builder).into()),
            fingerprint,
        },
    )
    .unwrap();
    let encoded = snapshot::EncodedExtractions::encode(&builder).unwrap();
    let ahead = snapshot::to_bytes_with(
        &g,
        &snapshot::SaveOptions {
            extractions: Some((&encoded).into()),
            fingerprint,
        },
    )
    .unwrap();
    assert!(inline == ahead, "the two encodings differ");
    // The stored records rebuild the same graph.
    let back = snapshot::builder_from_bytes(&ahead, "mem").unwrap();
    assert_same(&g, &back.build());
    // Records of another builder are refused.
    let mut other = newsgraph_graph::GraphBuilder::new();
    other.add(&docs[0]);
    let foreign = snapshot::EncodedExtractions::encode(&other).unwrap();
    let err = snapshot::to_bytes_with(
        &g,
        &snapshot::SaveOptions {
            extractions: Some((&foreign).into()),
            fingerprint,
        },
    );
    assert!(err.is_err(), "records of another document set accepted");
}
