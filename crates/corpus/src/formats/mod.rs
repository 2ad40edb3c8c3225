//! Readers for the supported article formats. Each takes the decoded file
//! content and returns documents (and warnings).

pub(crate) mod entities;
pub(crate) mod frontmatter;
pub(crate) mod html;
pub(crate) mod jsonl;
pub(crate) mod markdown;
pub(crate) mod text;

#[cfg(test)]
mod fuzz {
    //! Deterministic random inputs made of markup-significant pieces: no
    //! reader may panic on any of them.

    use crate::load::LoadOptions;
    use crate::{Format, SourceFile};

    const PIECES: &[&str] = &[
        "<",
        ">",
        "</",
        "<!--",
        "-->",
        "<p>",
        "</p>",
        "<article>",
        "</article>",
        "<nav>",
        "<script>",
        "</script>",
        "<title>",
        "<meta property=og:title content=\"",
        "\"",
        "'",
        "=",
        "&",
        "&amp;",
        "&#",
        "&#x",
        ";",
        "[",
        "]",
        "(",
        ")",
        "!",
        "*",
        "_",
        "`",
        "~~",
        "#",
        "\n",
        "\r\n",
        " ",
        "\t",
        "---\n",
        "...\n",
        ":",
        ": ",
        "|",
        ">-",
        "- ",
        "{",
        "}",
        ",",
        "\"text\"",
        "\"title\"",
        "\"id\"",
        "null",
        "1",
        "é",
        "日本",
        "\u{feff}",
        "\\",
        "\\u",
        "a",
        "Word",
        "2023-08-03",
        "title",
        "date",
    ];

    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 >> 11) as usize
        }
    }

    #[test]
    fn readers_never_panic_on_random_markup() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let file = SourceFile {
            path: "f.jsonl".into(),
            id: "f.jsonl".into(),
            format: Format::JsonLines,
            gzip: false,
            size: 0,
        };
        let opts = LoadOptions::default();
        let mut s = String::new();
        for _ in 0..3000 {
            s.clear();
            let n = rng.next() % 60;
            for _ in 0..n {
                s.push_str(PIECES[rng.next() % PIECES.len()]);
            }
            let _ = super::text::parse("f.txt", s.clone());
            let _ = super::markdown::parse("f.md", &s);
            let _ = super::html::parse("f.html", &s);
            let _ = super::frontmatter::parse(&s);
            let _ = super::jsonl::parse(&file, &s, &opts);
            let _ = crate::parse_date(&s);
        }
    }
}
