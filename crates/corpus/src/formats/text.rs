//! Plain text: the first non-empty line is the title, the whole content is
//! the text.

use crate::Document;
use crate::textutil::{normalize_newlines_owned, strip_bom_owned};

/// Read a plain-text article. Returns `None` when the file holds no text.
pub(crate) fn parse(id: &str, content: String) -> Option<Document> {
    let text = normalize_newlines_owned(strip_bom_owned(content));
    let title = text
        .split('\n')
        .map(str::trim)
        .find(|line| !line.is_empty())?
        .to_owned();
    Some(Document {
        id: id.to_owned(),
        title: Some(title),
        date: None,
        url: None,
        text,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn title_is_first_non_empty_line_and_text_is_everything() {
        let doc = parse(
            "a.txt",
            "\u{feff}\r\n  \r\n  Acme buys Widget Co  \r\nSecond line.\r\n".into(),
        )
        .unwrap();
        assert_eq!(doc.id, "a.txt");
        assert_eq!(doc.title.as_deref(), Some("Acme buys Widget Co"));
        assert_eq!(doc.text, "\n  \n  Acme buys Widget Co  \nSecond line.\n");
        assert_eq!(doc.date, None);
        assert_eq!(doc.url, None);
    }

    #[test]
    fn empty_or_blank_file_gives_nothing() {
        assert!(parse("e.txt", String::new()).is_none());
        assert!(parse("e.txt", " \n\t\r\n".into()).is_none());
        assert!(parse("e.txt", "\u{feff}".into()).is_none());
    }
}
