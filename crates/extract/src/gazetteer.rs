//! The gazetteer: known organisations with their canonical ids, names, kinds,
//! aliases and parents, read from `data/gazetteer.ron`.

use crate::ExtractError;
use crate::model::EntityKind;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// One known organisation.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GazetteerEntry {
    /// Canonical id, unique in the file (lowercase, `_`-separated).
    pub id: String,
    /// Canonical (fullest usual) name.
    pub name: String,
    /// Entity kind.
    pub kind: EntityKind,
    /// Other surface forms: acronyms, short names, common names
    /// ("the Pentagon" is written "Pentagon"), descriptive phrases
    /// ("Amazon's cloud division").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Id of the parent organisation (subsidiary -> parent, cloud line ->
    /// firm, sub-agency -> department).
    #[serde(default)]
    pub parent: Option<String>,
    /// Surface forms (the name or aliases) that are also common words
    /// ("Apple", "Oracle", "Shell"): accepted only where the context shows
    /// an organisation.
    #[serde(default)]
    pub ambiguous: Vec<String>,
    /// Stock ticker, if listed.
    #[serde(default)]
    pub ticker: Option<String>,
}

/// The loaded gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Vec<GazetteerEntry>,
    by_id: HashMap<String, usize>,
}

impl Gazetteer {
    /// Parse a gazetteer from RON text; `origin` names the file in errors.
    pub fn from_ron(text: &str, origin: &str) -> Result<Self, ExtractError> {
        let entries: Vec<GazetteerEntry> =
            ron::Options::default()
                .from_str(text)
                .map_err(|e: ron::error::SpannedError| ExtractError::Data {
                    file: origin.to_string(),
                    line: e.span.start.line,
                    message: e.code.to_string(),
                })?;
        Self::from_entries(entries, origin)
    }

    /// Read and parse a gazetteer file.
    pub fn load(path: &Path) -> Result<Self, ExtractError> {
        let text = std::fs::read_to_string(path).map_err(|e| ExtractError::Io {
            file: path.display().to_string(),
            source: e,
        })?;
        Self::from_ron(&text, &path.display().to_string())
    }

    /// Build from entries, checking ids are unique and parents exist.
    pub fn from_entries(entries: Vec<GazetteerEntry>, origin: &str) -> Result<Self, ExtractError> {
        let mut by_id = HashMap::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            if e.id.trim().is_empty() || e.name.trim().is_empty() {
                return Err(invalid(
                    origin,
                    format!("entry {} has an empty id or name", i + 1),
                ));
            }
            if by_id.insert(e.id.clone(), i).is_some() {
                return Err(invalid(origin, format!("duplicate id '{}'", e.id)));
            }
        }
        for e in &entries {
            if let Some(p) = &e.parent {
                if !by_id.contains_key(p) {
                    return Err(invalid(
                        origin,
                        format!("entry '{}' has unknown parent '{}'", e.id, p),
                    ));
                }
                if p == &e.id {
                    return Err(invalid(
                        origin,
                        format!("entry '{}' is its own parent", e.id),
                    ));
                }
            }
            for a in &e.ambiguous {
                if a != &e.name && !e.aliases.contains(a) {
                    return Err(invalid(
                        origin,
                        format!(
                            "entry '{}': ambiguous form '{}' is not its name or an alias",
                            e.id, a
                        ),
                    ));
                }
            }
        }
        Ok(Gazetteer { entries, by_id })
    }

    /// All entries, in file order.
    pub fn entries(&self) -> &[GazetteerEntry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&GazetteerEntry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Surface forms claimed by more than one entry (a data problem worth
    /// reviewing), as form -> ids.
    pub fn conflicts(&self) -> BTreeMap<String, Vec<String>> {
        let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for e in &self.entries {
            for form in std::iter::once(&e.name).chain(&e.aliases) {
                let ids = seen.entry(form.clone()).or_default();
                if !ids.contains(&e.id) {
                    ids.push(e.id.clone());
                }
            }
        }
        seen.retain(|_, ids| ids.len() > 1);
        seen
    }
}

fn invalid(origin: &str, message: String) -> ExtractError {
    ExtractError::Data {
        file: origin.to_string(),
        line: 0,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_with_optional_fields() {
        let g = Gazetteer::from_ron(
            r#"#![enable(implicit_some)]
            [
              (id: "amazon", name: "Amazon", kind: firm, aliases: ["Amazon.com"], ambiguous: ["Amazon"], ticker: "AMZN"),
              (id: "aws", name: "Amazon Web Services", kind: cloud, aliases: ["AWS"], parent: "amazon"),
            ]"#,
            "test.ron",
        )
        .unwrap();
        assert_eq!(g.entries().len(), 2);
        assert_eq!(g.get("aws").unwrap().parent.as_deref(), Some("amazon"));
        assert_eq!(g.get("amazon").unwrap().ticker.as_deref(), Some("AMZN"));
    }

    #[test]
    fn rejects_unknown_parent_and_duplicates() {
        let err = Gazetteer::from_ron(
            r#"[(id: "a", name: "A", kind: firm, parent: Some("zz"))]"#,
            "g.ron",
        )
        .unwrap_err();
        assert!(err.to_string().contains("unknown parent 'zz'"), "{err}");
        let err = Gazetteer::from_ron(
            r#"[(id: "a", name: "A", kind: firm), (id: "a", name: "B", kind: agency)]"#,
            "g.ron",
        )
        .unwrap_err();
        assert!(err.to_string().contains("duplicate id"), "{err}");
    }

    #[test]
    fn syntax_errors_name_file_and_line() {
        let err =
            Gazetteer::from_ron("[\n(id: \"a\", name: \"A\", kind: planet)]", "g.ron").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("g.ron:2:"), "{msg}");
    }

    #[test]
    fn bundled_gazetteer_is_valid() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gazetteer.ron");
        let g = Gazetteer::load(&path).unwrap();
        assert!(
            g.entries().len() >= 300,
            "only {} entries",
            g.entries().len()
        );
    }
}
