//! JSON Lines: one article object per line.
//!
//! Records are deserialised with a visitor that keeps only the configured
//! fields and skips every other value without building it.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::date::parse_date;
use crate::error::{CorpusError, Warning, WarningKind};
use crate::load::{JsonFields, LoadOptions};
use crate::textutil::{normalize_newlines_owned, starts_with_title, strip_bom};
use crate::{Document, SourceFile};

/// Field categories, in the order of [`Picked::best`].
const TEXT: usize = 0;
const TITLE: usize = 1;
const DATE: usize = 2;
const URL: usize = 3;
const ID: usize = 4;

fn category_names(fields: &JsonFields) -> [&[String]; 5] {
    [
        &fields.text,
        &fields.title,
        &fields.date,
        &fields.url,
        &fields.id,
    ]
}

/// Read every line of a JSON Lines file. Bad lines are warnings (errors in
/// strict mode).
pub(crate) fn parse(
    file: &SourceFile,
    content: &str,
    opts: &LoadOptions,
) -> Result<(Vec<Document>, Vec<Warning>), CorpusError> {
    let content = strip_bom(content);
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    let bytes = content.as_bytes();
    let mut start = 0;
    let mut line_no = 0;
    while start < bytes.len() {
        line_no += 1;
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |p| start + p);
        let line = content[start..end].trim();
        start = end + 1;
        if line.is_empty() {
            continue;
        }
        match parse_record(line, &opts.fields) {
            Ok(picked) => match picked.into_document(&file.id, line_no, &opts.fields) {
                Ok(doc) => docs.push(doc),
                Err(message) => {
                    bad_line(file, line_no, message, opts, &mut warnings)?;
                }
            },
            Err(message) => bad_line(file, line_no, message, opts, &mut warnings)?,
        }
    }
    Ok((docs, warnings))
}

fn bad_line(
    file: &SourceFile,
    line: usize,
    message: String,
    opts: &LoadOptions,
    warnings: &mut Vec<Warning>,
) -> Result<(), CorpusError> {
    if opts.strict {
        return Err(CorpusError::Malformed {
            path: file.path.clone(),
            line,
            message,
        });
    }
    warnings.push(Warning::line(
        file.id.clone(),
        line,
        WarningKind::SkippedRecord,
        format!("skipped record: {message}"),
    ));
    Ok(())
}

/// The best value seen so far for each category: (priority, value).
#[derive(Debug, Default)]
struct Picked {
    best: [Option<(usize, String)>; 5],
}

impl Picked {
    fn take(&mut self, cat: usize) -> Option<String> {
        self.best[cat].take().map(|(_, v)| v)
    }

    fn into_document(
        mut self,
        file_id: &str,
        line: usize,
        fields: &JsonFields,
    ) -> Result<Document, String> {
        let title = self.take(TITLE).map(|t| t.trim().to_owned());
        let text = match (self.take(TEXT), &title) {
            (Some(text), Some(title)) => {
                let text = normalize_newlines_owned(text);
                let body = text.trim();
                if starts_with_title(body, title) {
                    body.to_owned()
                } else {
                    let mut out = String::with_capacity(title.len() + 2 + body.len());
                    out.push_str(title);
                    out.push_str("\n\n");
                    out.push_str(body);
                    out
                }
            }
            (Some(text), None) => {
                let text = normalize_newlines_owned(text);
                let t = text.trim();
                if t.len() == text.len() {
                    text
                } else {
                    t.to_owned()
                }
            }
            (None, Some(title)) => title.clone(),
            (None, None) => {
                return Err(format!(
                    "no text (looked for {}) and no title (looked for {})",
                    quoted_list(&fields.text),
                    quoted_list(&fields.title)
                ));
            }
        };
        let id = match self.take(ID) {
            Some(id) => format!("{file_id}#{id}"),
            None => format!("{file_id}#{line}"),
        };
        Ok(Document {
            id,
            title,
            date: self.take(DATE).as_deref().and_then(parse_date),
            url: self.take(URL).map(|u| u.trim().to_owned()),
            text,
        })
    }
}

fn quoted_list(names: &[String]) -> String {
    if names.is_empty() {
        return "no fields".to_owned();
    }
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parse one non-empty line. The error is a message for the user.
fn parse_record(line: &str, fields: &JsonFields) -> Result<Picked, String> {
    if !line.starts_with('{') {
        // Say what it is when it is valid JSON of another kind.
        return Err(match serde_json::from_str::<IgnoredAny>(line) {
            Ok(_) => "not a JSON object".to_owned(),
            Err(e) => json_error(&e),
        });
    }
    let mut de = serde_json::Deserializer::from_str(line);
    let picked = RecordSeed { fields }
        .deserialize(&mut de)
        .map_err(|e| json_error(&e))?;
    de.end().map_err(|e| json_error(&e))?;
    Ok(picked)
}

/// serde_json's message without its "at line 1 column N" suffix (the line
/// is ours), with the column kept.
fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let base = match msg.rfind(" at line ") {
        Some(p) => &msg[..p],
        None => msg.as_str(),
    };
    if e.column() > 0 {
        format!("invalid JSON: {base} (column {})", e.column())
    } else {
        format!("invalid JSON: {base}")
    }
}

struct RecordSeed<'f> {
    fields: &'f JsonFields,
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = Picked;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Picked, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = Picked;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Picked, A::Error> {
        let names = category_names(self.fields);
        let mut picked = Picked::default();
        while let Some(key) = map.next_key_seed(KeySeed { names: &names })? {
            if key.iter().all(Option::is_none) {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let value: Scalar = map.next_value()?;
            for (cat, prio) in key.iter().enumerate() {
                let Some(prio) = *prio else { continue };
                if picked.best[cat].as_ref().is_some_and(|(p, _)| *p <= prio) {
                    continue;
                }
                if let Some(v) = value.usable(cat) {
                    picked.best[cat] = Some((prio, v));
                }
            }
        }
        Ok(picked)
    }
}

/// For each category, the key's position in that category's list.
type KeyMatch = [Option<usize>; 5];

struct KeySeed<'n> {
    names: &'n [&'n [String]; 5],
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = KeyMatch;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<KeyMatch, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed<'_> {
    type Value = KeyMatch;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<KeyMatch, E> {
        let mut m = [None; 5];
        for (cat, names) in self.names.iter().enumerate() {
            m[cat] = names.iter().position(|n| n == key);
        }
        Ok(m)
    }
}

/// A field value, reduced to what a document can use.
#[derive(Debug)]
enum Scalar {
    Str(String),
    Num(String),
    /// An array of strings (other elements dropped).
    Strs(Vec<String>),
    /// null, booleans, objects.
    Other,
}

impl Scalar {
    /// This value as the given category, if it can serve as one (blank
    /// strings count as absent).
    fn usable(&self, cat: usize) -> Option<String> {
        match self {
            Scalar::Str(s) if !s.trim().is_empty() => Some(s.clone()),
            Scalar::Num(n) if cat == ID => Some(n.clone()),
            Scalar::Strs(parts) if cat == TEXT => {
                let mut out = String::new();
                for p in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
                    if !out.is_empty() {
                        out.push_str("\n\n");
                    }
                    out.push_str(p);
                }
                (!out.is_empty()).then_some(out)
            }
            _ => None,
        }
    }
}

impl<'de> de::Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Str(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Num(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Num(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Num(v.to_string()))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }

    fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        let mut parts = Vec::new();
        while let Some(item) = seq.next_element::<Scalar>()? {
            if let Scalar::Str(s) = item {
                parts.push(s);
            }
        }
        Ok(Scalar::Strs(parts))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::Format;
    use std::path::PathBuf;

    fn file(id: &str) -> SourceFile {
        SourceFile {
            path: PathBuf::from(id),
            id: id.to_owned(),
            format: Format::JsonLines,
            gzip: false,
            size: 0,
        }
    }

    fn run(content: &str) -> (Vec<Document>, Vec<Warning>) {
        parse(&file("f.jsonl"), content, &LoadOptions::default()).unwrap()
    }

    #[test]
    fn fields_ids_and_title_paragraph() {
        let (docs, warnings) = run(concat!(
            "\u{feff}",
            r#"{"id": "r1", "title": "Acme Buys Widget", "body": "Acme said.", "date": "26-FEB-1987 15:18:06.67", "link": "https://x.example", "extra": {"deep": [1, 2, {"a": null}]}}"#,
            "\n\n",
            r#"{"headline": "Only Title"}"#,
            "\r\n",
            r#"{"id": 42, "text": "Headline\n\nBody", "title": "Headline"}"#,
            "\n",
            r#"{"id": null, "text": "no id", "content": "ignored"}"#,
            "\n",
        ));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(docs.len(), 4);
        assert_eq!(docs[0].id, "f.jsonl#r1");
        assert_eq!(docs[0].title.as_deref(), Some("Acme Buys Widget"));
        assert_eq!(docs[0].text, "Acme Buys Widget\n\nAcme said.");
        assert_eq!(docs[0].date.as_deref(), Some("1987-02-26"));
        assert_eq!(docs[0].url.as_deref(), Some("https://x.example"));
        assert_eq!(docs[1].id, "f.jsonl#3");
        assert_eq!(docs[1].text, "Only Title");
        assert_eq!(docs[2].id, "f.jsonl#42");
        assert_eq!(docs[2].text, "Headline\n\nBody");
        assert_eq!(docs[3].id, "f.jsonl#5");
        assert_eq!(docs[3].text, "no id");
        assert_eq!(docs[3].title, None);
    }

    #[test]
    fn first_listed_field_wins_whatever_the_key_order() {
        let (docs, _) =
            run(r#"{"content": "C", "body": "B", "text": null, "headline": "H", "title": "T"}"#);
        assert_eq!(docs[0].text, "T\n\nB");
        assert_eq!(docs[0].title.as_deref(), Some("T"));
    }

    #[test]
    fn custom_fields_and_arrays() {
        let opts = LoadOptions {
            strict: false,
            fields: JsonFields {
                text: vec!["paragraphs".into()],
                title: vec![],
                date: vec!["when".into()],
                url: vec![],
                id: vec!["newid".into()],
            },
        };
        let (docs, warnings) = parse(
            &file("g.jsonl"),
            r#"{"newid": 7.5, "paragraphs": ["One.", 3, " ", "Two."], "when": "2023-08-03", "title": "unused"}"#,
            &opts,
        )
        .unwrap();
        assert!(warnings.is_empty());
        assert_eq!(docs[0].id, "g.jsonl#7.5");
        assert_eq!(docs[0].text, "One.\n\nTwo.");
        assert_eq!(docs[0].title, None);
        assert_eq!(docs[0].date.as_deref(), Some("2023-08-03"));
    }

    #[test]
    fn malformed_lines_are_reported_with_their_line_number() {
        let (docs, warnings) = run(concat!(
            "{\"text\": \"ok\"}\n",
            "\n",
            "{\"text\": \"broken\"\n",
            "[1, 2]\n",
            "{\"title\": \"\", \"body\": \"  \"}\n",
            "not json\n",
            "{\"text\": \"trailing\"} x\n",
            "\"a string\"\n",
        ));
        assert_eq!(docs.len(), 1);
        let shown: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 6, "{shown:?}");
        assert!(
            shown[0].starts_with("f.jsonl:3: skipped record: invalid JSON"),
            "{shown:?}"
        );
        assert_eq!(shown[1], "f.jsonl:4: skipped record: not a JSON object");
        assert!(
            shown[2].starts_with("f.jsonl:5: skipped record: no text"),
            "{shown:?}"
        );
        assert!(shown[3].starts_with("f.jsonl:6: skipped record: invalid JSON"));
        assert!(shown[4].starts_with("f.jsonl:7: skipped record: invalid JSON"));
        assert_eq!(shown[5], "f.jsonl:8: skipped record: not a JSON object");
        assert!(
            warnings
                .iter()
                .all(|w| w.kind == WarningKind::SkippedRecord)
        );
    }

    #[test]
    fn strict_mode_fails_on_the_first_bad_line() {
        let opts = LoadOptions {
            strict: true,
            ..LoadOptions::default()
        };
        let err = parse(&file("f.jsonl"), "{\"text\": \"a\"}\n\n{oops\n", &opts).unwrap_err();
        assert!(matches!(err, CorpusError::Malformed { line: 3, .. }));
        assert!(
            err.to_string().starts_with("f.jsonl:3: invalid JSON"),
            "{err}"
        );
    }
}
