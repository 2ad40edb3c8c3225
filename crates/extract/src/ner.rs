//! Organisation recognition in one document: gazetteer hits, capitalised
//! names classified by their head word and context, acronym definitions,
//! ticker asides, short forms, country governments and pronoun coreference.

use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::gazetteer::Gazetteer;
use crate::lexicon::Lexicon;
#[cfg(test)]
use crate::lexicon::LexiconFile;
use crate::matcher::GazetteerMatcher;
use crate::model::{AliasOrigin, EntityKind, EntitySource};
use crate::text::{Sentence, TokKind, Token};
use crate::wordset::WordSet;
use std::collections::BTreeMap;

/// A mention of an entity: a token range in one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Sentence index.
    pub sentence: usize,
    /// Index into [`Recognised::entities`].
    pub entity: usize,
    /// A pronoun or generic phrase ("it", "the company") resolved to the entity.
    pub pronoun: bool,
}

/// An entity of the document, before output.
#[derive(Debug, Clone)]
pub(crate) struct DocEntity {
    pub key: String,
    pub name: String,
    pub kind: EntityKind,
    pub source: EntitySource,
    /// Surface forms and where they came from.
    pub surfaces: BTreeMap<String, AliasOrigin>,
    pub parent: Option<String>,
    pub ticker: Option<String>,
    /// Only output when it takes part in a relation (a country named as a
    /// place may or may not act as a government).
    pub latent: bool,
}

/// The result of recognition.
#[derive(Debug, Default)]
pub(crate) struct Recognised {
    pub entities: Vec<DocEntity>,
    /// Mentions ordered by first token.
    pub mentions: Vec<Mention>,
    /// Parts stated by a name itself ("Texas attorney general" is part of
    /// Texas): (part entity, whole entity, the mention naming the part).
    /// The flag says whether the whole must be named on its own elsewhere
    /// in the document for the part to be stated.
    pub named_parts: Vec<(usize, usize, Mention, bool)>,
}

impl Recognised {
    /// A named mention of `entity` over tokens `first..last`, which it
    /// covers.
    fn name_mention(
        &mut self,
        cx: &Context<'_>,
        covered: &mut [bool],
        first: usize,
        last: usize,
        entity: usize,
    ) {
        covered[first..last].iter_mut().for_each(|c| *c = true);
        self.mentions.push(Mention {
            first,
            last,
            sentence: cx.tok_sentence[first] as usize,
            entity,
            pronoun: false,
        });
    }
}

/// Possessions that show the possessor is a company ("X's shares").
static FIRM_POSSESSIONS: WordSet = WordSet::new(&[
    "shares",
    "shareholders",
    "stock",
    "chief",
    "ceo",
    "chairman",
    "chairwoman",
    "board",
    "profits",
    "profit",
    "sales",
    "revenue",
    "revenues",
    "earnings",
    "stake",
    "bid",
    "offer",
    "takeover",
    "acquisition",
    "subsidiary",
    "unit",
    "division",
    "parent",
    "brand",
    "brands",
    "stores",
    "products",
    "customers",
    "clients",
    "staff",
    "workers",
    "employees",
    "boss",
    "founder",
    "executives",
    "management",
    "bosses",
    "headquarters",
    "owners",
    "investors",
    "merger",
    "operations",
    "spokesman",
    "spokeswoman",
    "factories",
    "plants",
    "debt",
    "assets",
    "market",
]);

/// [`ORG_LEFT_CONTEXT`] split into words, by last word (the word right
/// before the name), once.
static ORG_LEFT_WORDS: std::sync::LazyLock<HashMap<&'static str, Vec<Vec<&'static str>>>> =
    std::sync::LazyLock::new(|| {
        let mut by_last: HashMap<&'static str, Vec<Vec<&'static str>>> = HashMap::default();
        for p in ORG_LEFT_CONTEXT {
            let words: Vec<&str> = p.split(' ').collect();
            let last = words[words.len() - 1];
            by_last.entry(last).or_default().push(words);
        }
        by_last
    });

/// Words right before a name that show it is an organisation.
const ORG_LEFT_CONTEXT: &[&str] = &[
    "shares in",
    "shares of",
    "stake in",
    "bid for",
    "takeover of",
    "acquisition of",
    "merger with",
    "acquire",
    "acquired",
    "acquiring",
    "buy",
    "bought",
    "buying",
    "scooped up",
    "snapped up",
    "took over",
    "sued",
    "invested in",
    "invest in",
    "investment in",
    "deal with",
    "agreement with",
    "partnership with",
    "contract with",
    "subsidiary of",
    "unit of",
    "division of",
    "owned by",
    "purchase of",
    "stake of",
    "rival",
    "rivals",
    "merge with",
    "merged with",
    "allied with",
    "allied itself with",
    "partnered with",
    "teamed up with",
    "founded",
    "co-founded",
];

/// Nouns right after a name that make it a company ("its Sandoz unit").
const RIGHT_FIRM_NOUNS: &[&str] = &[
    "unit",
    "subsidiary",
    "division",
    "affiliate",
    "subsidiaries",
    "brand",
    "chain",
    "newspaper",
    "magazine",
    "website",
    "shareholders",
    "shares",
];

/// Lowercase sector words between a name and a company noun ("Sal
/// Oppenheim investment bank"). Words that also name a place's trade or a
/// government field ("defence", "security", "health") are left out.
static SECTOR_WORDS: WordSet = WordSet::new(&[
    "investment",
    "games",
    "software",
    "media",
    "oil",
    "energy",
    "insurance",
    "telecoms",
    "telecom",
    "technology",
    "drinks",
    "food",
    "mining",
    "steel",
    "holding",
    "engineering",
    "property",
    "chemicals",
    "drugs",
    "pharmaceutical",
    "brewing",
    "tobacco",
    "accounting",
    "law",
    "advertising",
    "publishing",
    "music",
    "fashion",
    "clothing",
    "construction",
    "aerospace",
    "internet",
    "online",
    "computer",
    "electronics",
    "mobile",
    "cable",
    "satellite",
    "shipping",
    "logistics",
    "hotel",
    "airline",
    "retail",
    "biotech",
    "biotechnology",
    "consulting",
    "private",
    "equity",
    "hedge",
    "venture",
    "broadcasting",
    "entertainment",
    "toy",
    "car",
    "gaming",
    "chip",
    "outsourcing",
    "recruitment",
    "cement",
    "beer",
    "spirits",
    "textile",
    "finance",
    "financial",
    "cinema",
    "restaurant",
    "coffee",
    "bingo",
    "pub",
    "grocery",
    "supermarket",
    "betting",
    "bookshop",
]);

/// Company nouns after [`SECTOR_WORDS`].
static SECTOR_HEADS: WordSet = WordSet::new(&[
    "bank",
    "group",
    "firm",
    "company",
    "vehicle",
    "fund",
    "giant",
    "maker",
    "conglomerate",
    "house",
    "operator",
    "producer",
    "manufacturer",
    "retailer",
    "developer",
    "publisher",
    "chain",
    "consortium",
    "boutique",
    "specialist",
    "brand",
]);

/// Whether a word longer than an acronym is in capitals, as in a
/// headline ("CHAIRMAN", "NAMES").
fn shouted(w: &str) -> bool {
    w.len() > 3 && !w.bytes().any(|b| b.is_ascii_lowercase())
}

/// Tokens of a lead-in heading: a line that opens with words in title
/// case closed by a colon, as a summary's bullet points do ("* Confidential
/// AI Protections: techniques like ...", "Flexible Acquisition Strategies:
/// moving away from ..."). Like a headline, it capitalises every word, so a
/// name in it counts only if the body uses it too.
fn lead_headings(cx: &Context<'_>) -> Vec<bool> {
    let n = cx.tokens.len();
    let mut out = vec![false; n];
    let mut k = 0;
    while k < n {
        let t = &cx.tokens[k];
        if !(k == 0 || t.newline_before) {
            k += 1;
            continue;
        }
        // Skip a bullet or a number: "*", "-", "1.".
        let mut i = k;
        while i < n
            && i - k < 3
            && (i == k || !cx.tokens[i].newline_before)
            && cx.tokens[i].kind != TokKind::Word
        {
            i += 1;
        }
        let start = i;
        let mut capitalised = 0;
        let mut end = None;
        while i < n && i - start < 8 && (i == start || !cx.tokens[i].newline_before) {
            let t = &cx.tokens[i];
            let w = cx.tok(i);
            if w == ":" {
                end = Some(i);
                break;
            }
            if t.kind == TokKind::Word && t.cap {
                capitalised += 1;
            } else if !(matches!(
                w,
                "of" | "and" | "for" | "the" | "to" | "in" | "on" | "with" | "a"
            ) || w == "-"
                || w == "&"
                || t.kind == TokKind::Possessive)
            {
                break;
            }
            i += 1;
        }
        if let Some(e) = end {
            // (Not a name with its legal suffix leading a line: "Tarnwick
            // Holdings Ltd: sales rose"; "On-Ramps for New Companies:" is a
            // heading.)
            if capitalised >= 2
                && e + 1 < n
                && !cx.tokens[e + 1].newline_before
                && !(cx.lexicon.is_legal_suffix(cx.tok(e - 1)) && cx.tok(e - 1) != "Companies")
            {
                out[start..e].iter_mut().for_each(|x| *x = true);
            }
        }
        k += 1;
    }
    out
}

/// Whether chunk `c` opens a headline written in capitals and a wire
/// ticker in angle brackets follows it ("WHIRLPOOL CORP <WHR> ...").
fn wire_subject(cx: &Context<'_>, c: &Chunk) -> bool {
    let s = &cx.sentences[cx.tok_sentence[c.first] as usize];
    let at = |k: usize, w: &str| k < s.last && cx.tok_is(k, w);
    // "<EXECUTIVE HOUSE INC> YEAR LOSS": the name in brackets.
    let bracketed = c.first == s.first + 1 && at(s.first, "<") && at(c.last, ">");
    if c.first != s.first && !bracketed {
        return false;
    }
    let ticker = if bracketed { c.last + 1 } else { c.last };
    // A legal form ends the name: in capitals it is no proof of a name
    // otherwise ("TWA <TWA> SEEKS ...", "PARTNERS CALL GENCORP <GY>").
    let end = cx.tok(c.last - 1);
    let legal = end.len() <= 12 && cx.lexicon.is_legal_suffix(&title_cased(end));
    legal
        && ticker + 2 < s.last
        && wire_ticker_at(cx, ticker)
        && crate::text::is_in_capitals(cx.text, &cx.tokens[s.first..s.last])
}

/// Whether a wire ticker in angle brackets opens at token `k` ("<WHR>",
/// "<DOTX.O>"): "<", a symbol in capitals, ">", with no spaces.
fn wire_ticker_at(cx: &Context<'_>, k: usize) -> bool {
    k + 2 < cx.tokens.len()
        && cx.tok_is(k, "<")
        && cx.tokens[k + 1].all_caps
        && cx.tok_is(k + 2, ">")
        && !cx.tokens[k + 1].space_before
        && !cx.tokens[k + 2].space_before
}

/// Whether token `k`, in a sentence written all in capitals, is a word
/// that is no name ("INVESTOR HAS 8.0 PCT OF ..."): the lexicon lists
/// such words capitalised ("Has").
fn shouted_not_name(cx: &Context<'_>, k: usize) -> bool {
    let w = cx.tok(k);
    if !cx.tokens[k].all_caps || w.len() > 12 {
        return false;
    }
    let s = &cx.sentences[cx.tok_sentence[k] as usize];
    crate::text::is_in_capitals(cx.text, &cx.tokens[s.first..s.last])
        && cx.lexicon.not_names.contains(&title_cased(w))
}

/// A word in capitals written with only its first letter so ("HAS" ->
/// "Has"), as the lexicon lists words.
fn title_cased(w: &str) -> String {
    let mut title = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            title.push(c);
        } else {
            title.extend(c.to_lowercase());
        }
    }
    title
}

/// Words that open a longer title ("Vice Chairman", "Deputy CEO").
static TITLE_PREFIXES: WordSet = WordSet::new(&[
    "Vice",
    "Deputy",
    "Executive",
    "Acting",
    "Former",
    "Interim",
    "Honorary",
    "Joint",
    "Co",
    "Non-Executive",
    "Assistant",
    "Associate",
]);

/// Whether a chunk is one generic word that names no body on its own
/// ("Committee", "Reserve", "Group").
fn generic_word(cx: &Context<'_>, first: usize, last: usize) -> bool {
    let lx = cx.lexicon;
    let w = cx.tok(first);
    last - first == 1
        && (w.trim_end_matches('.').len() <= 1
            || lx.agency_heads.contains(w)
            || lx.weak_agency_heads.contains(w)
            || lx.firm_heads.contains(w)
            || LEADING_HEADS.contains(w)
            || BODY_HEADS.contains(w)
            || lx.not_names.contains(w)
            || TITLE_PREFIXES.contains(w)
            || lx.agency_qualifiers.contains(w)
            || lx.is_legal_suffix(w)
            || matches!(
                w,
                "Current" | "Then" | "New" | "Outgoing" | "Incoming" | "Retiring" | "Party"
            ))
}

/// Executive titles (in lowercase): between two names one ends a
/// company's name and opens a person's ("Quellmark CEO Jane Doyle"); they
/// are cues around a name too ("CEO of X").
static EXEC_TITLE_WORDS: WordSet = WordSet::new(&[
    "ceo",
    "coo",
    "cfo",
    "cto",
    "chairman",
    "chairwoman",
    "founder",
    "co-founder",
    "cofounder",
]);

/// Whether token `k` ends the opener of a list of firms: a plural firm
/// cue and "such as" ("firms such as"), "including" (", including" too)
/// or "include" ("its subsidiaries include", "its businesses include"),
/// or a count and a comma ("four companies,").
fn plural_list_opener(cx: &Context<'_>, k: usize) -> bool {
    let sent = cx.tok_sentence[k];
    let plural_cue = |j: usize| {
        cx.tok_sentence[j] == sent && {
            let w = cx.low(j);
            w.ends_with('s') && cx.lexicon.firm_cues.contains(w)
        }
    };
    match cx.low(k) {
        "as" => k >= 2 && cx.low_is(k - 1, "such") && plural_cue(k - 2),
        "including" => {
            k >= 1 && (plural_cue(k - 1) || (k >= 2 && cx.tok_is(k - 1, ",") && plural_cue(k - 2)))
        }
        // "Its other US businesses include X": a holder's parts listed.
        "include" | "includes" | "included" => {
            k >= 1 && (plural_cue(k - 1) || cx.low_is(k - 1, "businesses"))
        }
        "," => {
            k >= 2
                && plural_cue(k - 1)
                && cx.tok_sentence[k - 2] == sent
                && (matches!(
                    cx.low(k - 2),
                    "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
                ) || cx.tok(k - 2).bytes().all(|b| b.is_ascii_digit()))
        }
        _ => false,
    }
}

/// Whether a lowercase noun follows the name ending before token `last`,
/// which then only modifies it ("Jewish rights group"): a lowercase word
/// that is no verb, conjunction or preposition.
fn noun_follows(cx: &Context<'_>, last: usize) -> bool {
    if last >= cx.tokens.len() || cx.tokens[last].kind != TokKind::Word || cx.tokens[last].cap {
        return false;
    }
    let w = cx.low(last);
    !(verb_like(w)
        || crate::rules::PREPOSITIONS.contains(w)
        || crate::rules::ADVERBIAL_NEXT.contains(w)
        || matches!(w, "and" | "or" | "but" | "who" | "which" | "that"))
}

/// Words after a name that show it is an organisation.
static ORG_RIGHT_CONTEXT: WordSet = WordSet::new(&[
    "shares",
    "shareholders",
    "stock",
    "announced",
    "reported",
    "agreed",
    "acquired",
    "bought",
    "posted",
    "employs",
    "filed",
    "signed",
    "won",
    "awarded",
    "invested",
    "sued",
]);

/// Phrases that point back to an organisation, with the kinds they fit.
/// Titles that only ever precede a person's name ("Mr Sears"); job titles
/// do not ("lead manager Commerzbank").
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "herr", "frau", "monsieur",
    "madame", "mme",
];

const GENERIC_REFERENCES: &[(&str, Option<EntityKind>)] = &[
    ("company", Some(EntityKind::Firm)),
    ("firm", Some(EntityKind::Firm)),
    ("group", Some(EntityKind::Firm)),
    ("bank", Some(EntityKind::Firm)),
    ("carrier", Some(EntityKind::Firm)),
    ("airline", Some(EntityKind::Firm)),
    ("brewer", Some(EntityKind::Firm)),
    ("insurer", Some(EntityKind::Firm)),
    ("retailer", Some(EntityKind::Firm)),
    ("lender", Some(EntityKind::Firm)),
    ("startup", Some(EntityKind::Firm)),
    ("contractor", Some(EntityKind::Firm)),
    ("vendor", Some(EntityKind::Firm)),
    ("agency", Some(EntityKind::Agency)),
    ("department", Some(EntityKind::Agency)),
    ("ministry", Some(EntityKind::Agency)),
    ("regulator", Some(EntityKind::Agency)),
    ("watchdog", Some(EntityKind::Agency)),
    ("commission", Some(EntityKind::Agency)),
    ("government", Some(EntityKind::Agency)),
];

/// Stock exchanges named in ticker asides.
static EXCHANGES: WordSet = WordSet::new(&[
    "NYSE",
    "NASDAQ",
    "Nasdaq",
    "AMEX",
    "LSE",
    "TSX",
    "TSE",
    "OTC",
    "OTCQX",
    "NYSEAMERICAN",
    "ASX",
    "HKEX",
    "SIX",
    "Euronext",
    "XETRA",
    "FRA",
    "NSE",
    "BSE",
    "TYO",
    "KRX",
    "SGX",
    "JSE",
]);

/// Connector words allowed inside a name after an organisation head word
/// ("Bank of America", "Subcommittee on Cybersecurity").
const CONNECTORS: &[&str] = &[
    "of", "for", "on", "in", "de", "du", "des", "la", "del", "di", "und",
];

/// Words that start an organisation name and make what follows part of it.
static LEADING_HEADS: WordSet = WordSet::new(&[
    "Department",
    "Ministry",
    "Office",
    "Bureau",
    "Court",
    "Committee",
    "Subcommittee",
    "Commission",
    "Council",
    "Agency",
    "Board",
    "Institute",
    "University",
    "College",
    "Bank",
    "Banco",
    "Banca",
    "Banc",
    "Banque",
    "Group",
    "Grupo",
    "Campaign",
    "Center",
    "Centre",
    "Federation",
    "Association",
    "Society",
    "Union",
    "Organisation",
    "Organization",
    "Fund",
    "Foundation",
    "Chamber",
    "League",
    "Alliance",
    "Coalition",
    "Partnership",
    "Academy",
    "Administration",
    "Authority",
    "Service",
    "Directorate",
    "Secretariat",
    "Assembly",
    "Parliament",
    "Government",
    "Cabinet",
    "House",
    "Senate",
    "Friends",
    "Commonwealth",
    "Republic",
    "Kingdom",
    "State",
    "Treasury",
]);

/// Heads of non-government bodies: an organisation, kind firm.
static BODY_HEADS: WordSet = WordSet::new(&[
    "University",
    "College",
    "Association",
    "Federation",
    "Society",
    "Union",
    "Foundation",
    "Chamber",
    "League",
    "Alliance",
    "Coalition",
    "Partnership",
    "Academy",
    "Campaign",
    "Institution",
    "Organisation",
    "Organization",
    "Consortium",
    "Forum",
    "Network",
    "Center",
    "Centre",
    "Council",
    "Institute",
    "Trust",
    "Club",
]);

pub(crate) struct Context<'a> {
    pub text: &'a str,
    pub lower: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
    pub tok_sentence: &'a [u32],
    pub gazetteer: &'a Gazetteer,
    pub matcher: &'a GazetteerMatcher,
    pub lexicon: &'a Lexicon,
}

impl<'a> Context<'a> {
    fn tok(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }
    fn lower_tok(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.lower[t.start as usize..t.end as usize]
    }
    fn low(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.lower[t.start as usize..t.end as usize]
    }
    /// Whether token `i` in ASCII lowercase is `word` (see `Token::is`).
    fn low_is(&self, i: usize, word: &str) -> bool {
        self.tokens[i].is(self.lower, word)
    }
    /// Whether token `i` is `word`, compared as `low_is` does.
    fn tok_is(&self, i: usize, word: &str) -> bool {
        self.tokens[i].is(self.text, word)
    }
    /// A token in lowercase as `str::to_lowercase` gives it, borrowed from
    /// the lowercased text when the token is ASCII.
    fn lowercase(&self, i: usize) -> std::borrow::Cow<'a, str> {
        let t = &self.tokens[i];
        let word = &self.text[t.start as usize..t.end as usize];
        if word.is_ascii() {
            std::borrow::Cow::Borrowed(&self.lower[t.start as usize..t.end as usize])
        } else {
            std::borrow::Cow::Owned(word.to_lowercase())
        }
    }
    fn span(&self, first: usize, last: usize) -> &str {
        &self.text[self.tokens[first].start as usize..self.tokens[last - 1].end as usize]
    }
    fn is_capword(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if t.kind != TokKind::Word {
            return false;
        }
        // "eBay", "iPhone", "3M": an uppercase letter after the first.
        t.cap || t.inner_upper
    }
    fn sentence_start(&self, i: usize) -> bool {
        let s = self.tok_sentence[i] as usize;
        let first = self.sentences[s].first;
        if i == first {
            return true;
        }
        // After an opening quote or bracket at the sentence start.
        i == first + 1 && matches!(self.tok(first), "\"" | "\u{201c}" | "(" | "'" | "\u{2018}")
    }
}

/// A candidate name from capitalised tokens.
#[derive(Debug, Clone)]
struct Chunk {
    first: usize,
    last: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Org(EntityKind),
    /// An organisation by its head word or suffix: certain.
    StrongOrg(EntityKind),
    Person,
    Place,
    Country(usize),
    Unknown,
    Drop,
}

/// Words dropped from the end of a name when normalising it, besides the
/// lexicon's legal suffixes.
const CORPORATE_TAILS: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "llc",
    "plc",
    "group",
    "holdings",
    "company",
    // "N.A." (a U.S. national bank: "Citibank N.A.") once its dots are
    // gone; "NA" alone is no legal form ("Shr NA" in earnings tables).
    "na",
];

/// A word that gives only a firm's legal form after its name: a legal
/// suffix, or "Group" / "Holdings" ("Altria Group", "Oracle Corp").
fn is_legal_form(lexicon: &Lexicon, word: &str) -> bool {
    lexicon.is_legal_suffix(word) || matches!(word, "Group" | "Holdings" | "Holding")
}

/// Whether a character separates the words of a name.
fn is_name_separator(c: char) -> bool {
    c.is_whitespace() || c == '-' || c == '/' || c == ','
}

/// The words of a name, one space apart, keeping only letters, digits and
/// "&", with "'s" dropped before a space and at the end.
fn unicode_name_words(name: &str) -> String {
    let curly;
    let s = if name.contains('\u{2019}') {
        curly = name.replace('\u{2019}', "'");
        curly.as_str()
    } else {
        name
    };
    let possessive;
    let s = if s.as_bytes().contains(&b'\'') && s.contains("'s ") {
        possessive = s.replace("'s ", " ");
        possessive.as_str()
    } else {
        s
    };
    let s = s.strip_suffix("'s").unwrap_or(s);
    let mut buf = String::with_capacity(s.len());
    for raw in s.split(is_name_separator) {
        let before = buf.len();
        if before > 0 {
            buf.push(' ');
        }
        let mark = buf.len();
        buf.extend(raw.chars().filter(|c| c.is_alphanumeric() || *c == '&'));
        if buf.len() == mark {
            buf.truncate(before);
        }
    }
    buf
}

/// `unicode_name_words` for an ASCII name, in one pass over its bytes.
fn ascii_name_words(s: &[u8]) -> String {
    let mut buf = String::with_capacity(s.len());
    // Whether the word being read has kept a byte yet.
    let mut in_word = false;
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        if b.is_ascii_alphanumeric() || b == b'&' {
            if !in_word && !buf.is_empty() {
                buf.push(' ');
            }
            in_word = true;
            buf.push(char::from(b));
        } else if is_name_separator(char::from(b)) {
            in_word = false;
        } else if b == b'\''
            && s.get(i + 1) == Some(&b's')
            && matches!(s.get(i + 2), None | Some(b' '))
        {
            // "'s " reads as a space, a final "'s" as nothing.
            i += 2;
            in_word = false;
            continue;
        }
        i += 1;
    }
    buf
}

/// Normalise a name for matching: casefold, drop punctuation, a leading
/// "the", and trailing legal suffixes.
pub fn normalize_name(name: &str, lexicon: &Lexicon) -> String {
    // This runs for every candidate name: byte tests guard the substring
    // searches, which are costly to set up, and ASCII names take one pass.
    let mut buf = if name.is_ascii() {
        ascii_name_words(name.as_bytes())
    } else {
        unicode_name_words(name)
    };
    let mut begin = 0;
    if let Some(sp) = buf.find(' ') {
        if buf[..sp].eq_ignore_ascii_case("the") {
            begin = sp + 1;
        }
    }
    let mut end = buf.len();
    while let Some(sp) = buf[begin..end].rfind(' ') {
        let last = &buf[begin + sp + 1..end];
        let is_suffix = lexicon.is_legal_suffix(last)
            || CORPORATE_TAILS.iter().any(|x| last.eq_ignore_ascii_case(x))
            // "Mitsui and Co Ltd", "Smith & Co": the "and" of a dropped "Co".
            || (end < buf.len() && (last == "&" || last.eq_ignore_ascii_case("and")));
        if !is_suffix {
            break;
        }
        end = begin + sp;
    }
    buf.truncate(end);
    buf.drain(..begin);
    if buf.is_ascii() {
        buf.make_ascii_lowercase();
        buf
    } else {
        buf.to_lowercase()
    }
}

pub(crate) fn recognise(cx: &Context<'_>) -> Recognised {
    let n = cx.tokens.len();
    let mut rec = Recognised::default();
    // Token -> covered by an accepted mention.
    let mut covered = vec![false; n];
    let mut blocked = vec![false; n];
    let mut by_key: HashMap<String, usize> = HashMap::default();

    let headline: Vec<bool> = cx
        .sentences
        .iter()
        .map(|s| {
            // Headlines are title case and do not end with a full stop.
            let stop = cx.tok_is(s.last - 1, ".");
            !stop
                && (crate::text::is_title_case(cx.text, &cx.tokens[s.first..s.last])
                    || crate::text::is_in_capitals(cx.text, &cx.tokens[s.first..s.last]))
                && s.last - s.first > 2
        })
        .collect();
    let lead_heading = lead_headings(cx);

    // Lowercase words the document uses: a capitalised sentence opener that
    // the document also writes in lowercase, and no more often capitalised
    // inside a sentence, is a common word ("Porex" written once as "porex"
    // but three times as "Porex" mid-sentence is a name).
    // Only the words that open sentences matter: collect them, then count
    // how the document writes them elsewhere.
    // A bitmap over (first byte, length) rules most words out before the
    // hash lookup: this pass runs at every token.
    // Opener -> (times written in lowercase, times capitalised inside a
    // sentence that is no headline, not in capitals).
    let mut openers: HashMap<&str, (u32, u32)> = HashMap::default();
    let mut opener_shapes = [0u64; 16];
    // The shape of a token: its first byte in lowercase and its length.
    let bytes = cx.lower.as_bytes();
    let shape =
        |t: &Token| (usize::from(bytes[t.start as usize]) * 31 + (t.end - t.start) as usize) & 1023;
    for s in cx.sentences {
        for k in s.first..(s.first + 2).min(s.last) {
            let t = &cx.tokens[k];
            if t.kind == TokKind::Word && t.cap {
                openers.insert(cx.lower_tok(k), (0, 0));
                let b = shape(t);
                opener_shapes[b / 64] |= 1 << (b % 64);
            }
        }
    }
    if !openers.is_empty() {
        for (si, s) in cx.sentences.iter().enumerate() {
            for k in s.first..s.last {
                let t = &cx.tokens[k];
                if t.kind != TokKind::Word || t.all_caps {
                    continue;
                }
                let b = shape(t);
                if opener_shapes[b / 64] & (1 << (b % 64)) == 0 {
                    continue;
                }
                if !t.cap {
                    if let Some(seen) = openers.get_mut(t.text(cx.text)) {
                        seen.0 += 1;
                    }
                } else if k >= s.first + 2 && !headline[si] {
                    if let Some(seen) = openers.get_mut(cx.lower_tok(k)) {
                        seen.1 += 1;
                    }
                }
            }
        }
    }
    let lowercase_words: HashSet<&str> = openers
        .iter()
        .filter(|&(_, &(lower, capitalised))| lower > 0 && lower >= capitalised)
        .map(|(&w, _)| w)
        .collect();

    // 1. Ticker asides: "(NASDAQ: AMZN)".
    let mut tickers: Vec<(usize, String)> = Vec::new(); // (token before "(", ticker)
    for i in 0..n.saturating_sub(4) {
        if cx.text.as_bytes()[cx.tokens[i].start as usize] == b'('
            && cx.tok_is(i, "(")
            && EXCHANGES.contains(cx.tok(i + 1))
            && cx.tok_is(i + 2, ":")
        {
            let mut j = i + 3;
            let mut syms = Vec::new();
            while j < n && cx.tokens[j].kind == TokKind::Word && cx.tokens[j].all_caps {
                syms.push(cx.tok(j).to_string());
                j += 1;
                if j < n && cx.tok_is(j, ".") && j + 1 < n && cx.tokens[j + 1].all_caps {
                    j += 1;
                }
            }
            if j < n && cx.tok_is(j, ")") && !syms.is_empty() {
                for b in &mut blocked[i..=j] {
                    *b = true;
                }
                if i > 0 {
                    tickers.push((i - 1, syms.join(".")));
                }
            }
        }
    }

    // Token starts and ends by byte offset.
    // Token starts and ends by byte offset (tokens are sorted and disjoint).
    let start_tok =
        |b: u32| -> Option<usize> { cx.tokens.binary_search_by_key(&b, |t| t.start).ok() };
    let end_tok = |b: u32| -> Option<usize> {
        cx.tokens
            .binary_search_by_key(&b, |t| t.end)
            .ok()
            .map(|i| i + 1)
    };

    // 2. Gazetteer hits.
    struct GHit {
        first: usize,
        last: usize,
        pattern: usize,
        /// Surface to record instead of the covered text.
        surface: Option<String>,
    }
    let mut ghits: Vec<GHit> = Vec::new();
    for h in cx.matcher.find(cx.text, cx.lower, cx.tokens) {
        let (Some(first), Some(last)) = (start_tok(h.start as u32), end_tok(h.end as u32)) else {
            continue;
        };
        if first >= last || blocked[first] {
            continue;
        }
        if cx.tok_sentence[first] != cx.tok_sentence[last - 1] {
            continue;
        }
        // A recased form followed by another capitalised word is part of a
        // longer name: "U.S. Government Agencies".
        let last_word = cx.tok(last - 1);
        let generic_end = matches!(last_word, "Government" | "Administration" | "Authorities")
            || cx.lexicon.agency_heads.contains(last_word)
            || cx.lexicon.weak_agency_heads.contains(last_word);
        if (h.recased || generic_end)
            && last < n
            && cx.is_capword(last)
            && cx.tok_sentence[last] == cx.tok_sentence[first]
        {
            continue;
        }
        if inside_longer_body_name(cx, first, last, h.pattern, &lowercase_words)
            || finance_unit_after(cx, last, h.pattern)
        {
            continue;
        }
        ghits.push(GHit {
            first,
            last,
            pattern: h.pattern,
            surface: None,
        });
    }
    // Names split by a ticker aside: "Amazon (NASDAQ: AMZN) Web Services".
    for &(before, _) in &tickers {
        let Some(close) = (before + 1..n).find(|&j| cx.tok_is(j, ")")) else {
            continue;
        };
        let mut j = close + 1;
        let mut tail = Vec::new();
        while j < n && cx.is_capword(j) && !cx.tokens[j].newline_before {
            tail.push(j);
            j += 1;
        }
        if tail.is_empty() {
            continue;
        }
        // Find the capitalised run ending at `before`.
        let mut s = before;
        while s > 0 && cx.is_capword(s - 1) && !cx.tokens[s].newline_before {
            s -= 1;
        }
        if !cx.is_capword(before) {
            continue;
        }
        for k in (1..=tail.len()).rev() {
            let assembled = format!(
                "{} {}",
                cx.span(s, before + 1),
                cx.span(tail[0], tail[k - 1] + 1)
            );
            if let Some(p) = cx.matcher.lookup(&assembled) {
                // One hit over the whole name, aside included.
                let end = tail[k - 1] + 1;
                ghits.retain(|g| g.last <= s || g.first >= end);
                ghits.push(GHit {
                    first: s,
                    last: end,
                    pattern: p,
                    surface: Some(assembled),
                });
                break;
            }
        }
    }
    ghits.sort_by_key(|g| (g.first, g.last));

    // An acronym the document spells out as something that is no
    // organisation name is not the gazetteer's: "Drink Or Die (DOD)" is not
    // the DoD, here or anywhere else in the document.
    let redefined = redefined_acronyms(cx, &ghits, |g| (g.first, g.last, g.pattern));
    if !redefined.is_empty() {
        ghits
            .retain(|g| !(g.last - g.first == 1 && redefined.iter().any(|r| r == cx.tok(g.first))));
    }

    // A one-word alias followed by more capitalised words is the start of
    // another name: "Sun Interbrew" is not Sun Microsystems, "Eon Labs" not
    // E.ON. The forms that head another name here are remembered.
    let mut heads_other_name: HashSet<usize> = HashSet::default();
    ghits.retain(|g| {
        let p = cx.matcher.pattern(g.pattern);
        if p.is_name {
            // A firm's one-word name in the middle of a longer name: "Home
            // Box Office Inc" is not Box.
            let entry = &cx.gazetteer.entries()[p.entry];
            return entry.kind != EntityKind::Firm
                || headline[cx.tok_sentence[g.first] as usize]
                || !inside_longer_name(cx, g.first, g.last, g.surface.is_some());
        }
        // An agency's acronym opening a company's name is that company's:
        // "GEC Avionics Limited" is no Global Engagement Center.
        let entry = &cx.gazetteer.entries()[p.entry];
        if entry.kind == EntityKind::Agency && g.last - g.first == 1 && g.surface.is_none() {
            let same = |k: usize| k < n && cx.tok_sentence[k] == cx.tok_sentence[g.first];
            let mut k = g.last;
            while same(k)
                && k < g.last + 4
                && cx.is_capword(k)
                && !cx.lexicon.is_legal_suffix(cx.tok(k))
            {
                k += 1;
            }
            let suffixed = same(k) && cx.lexicon.is_legal_suffix(cx.tok(k));
            // "CPC International announced": a firm's head word ends it.
            let headed = k == g.last + 1
                && cx.tokens[g.first].all_caps
                && !(same(k) && cx.is_capword(k))
                && matches!(
                    cx.tok(g.last),
                    "International"
                        | "Industries"
                        | "Electronics"
                        | "Communications"
                        | "Telecommunications"
                );
            if k > g.last && (suffixed || headed) {
                return false;
            }
        }
        // Acronyms head longer names of their own ("IRS Office of Digital
        // Services"): kept.
        if g.last - g.first != 1
            || g.surface.is_some()
            || g.last >= n
            || cx.tokens[g.first].all_caps
        {
            return true;
        }
        let next = g.last;
        // "House of Fraser": a longer name over "of".
        if cx.low_is(next, "of")
            && next + 1 < n
            && cx.is_capword(next + 1)
            && cx.tok_sentence[next + 1] == cx.tok_sentence[g.first]
            && !cx.lexicon.is_place(cx.tok(next + 1))
            && !(next + 2 < n && cx.lexicon.is_place(cx.span(next + 1, next + 3)))
            && !cx.lexicon.is_demonym(cx.tok(next + 1))
        {
            return false;
        }
        if !cx.is_capword(next)
            || cx.tok_sentence[next] != cx.tok_sentence[g.first]
            || !cx.tokens[next].space_before
        {
            return true;
        }
        let w = cx.tok(next);
        let lx = cx.lexicon;
        let headline_verb = partners_with(cx, next);
        // "Amazon.com Inc.": a web-address alias closed by a legal form is
        // that firm (not "Exxon Corp", an older firm than ExxonMobil).
        let suffixed = is_domain_name(cx.tok(g.first))
            && lx.is_legal_suffix(w)
            && !(next + 1 < n
                && cx.is_capword(next + 1)
                && cx.tokens[next + 1].space_before
                && cx.tok_sentence[next + 1] == cx.tok_sentence[g.first]);
        let keep = common_capitalised(lx, w) || headline_verb || suffixed;
        // Only a firm's form, and not the start of a place ("United
        // States"): agencies head names of their own parts ("House Ways and
        // Means Committee").
        let entry = &cx.gazetteer.entries()[cx.matcher.pattern(g.pattern).entry];
        // (Only a run that names a body of its own, "United Breweries";
        // a product, "the Ford Mustang", leaves "Ford" elsewhere Ford.)
        let headed = || {
            (next..(next + 4).min(n))
                .take_while(|&k| cx.is_capword(k) && cx.tok_sentence[k] == cx.tok_sentence[g.first])
                .any(|k| org_head(lx, cx.tok(k)))
        };
        if !keep
            && entry.kind == EntityKind::Firm
            && !lx.is_place(cx.span(g.first, next + 1))
            && headed()
        {
            heads_other_name.insert(g.pattern);
        }
        keep
    });
    // A wire ticker in angle brackets after a name is no mention of the
    // firm the gazetteer lists under those letters: "BOEING <BA>" is not
    // British Airways.
    ghits.retain(|g| {
        !(g.last - g.first == 1
            && g.first >= 2
            && wire_ticker_at(cx, g.first - 1)
            && cx.tokens[g.first - 2].kind == TokKind::Word
            && cx.tokens[g.first - 2].cap
            && cx.tok_sentence[g.first - 2] == cx.tok_sentence[g.first])
    });
    // A gazetteer firm's own ticker in parentheses after its name is no
    // other entity: "Boeing (BA)" is not British Airways.
    let own_tickers: Vec<usize> = ghits
        .iter()
        .filter(|g| {
            g.last - g.first == 1
                && g.first >= 2
                && g.last < n
                && cx.tok_is(g.first - 1, "(")
                && cx.tok_is(g.last, ")")
        })
        .filter(|g| {
            let symbol = cx.tok(g.first);
            let own = ghits.iter().any(|h| {
                h.last + 1 == g.first
                    && cx.gazetteer.entries()[cx.matcher.pattern(h.pattern).entry]
                        .ticker
                        .as_deref()
                        == Some(symbol)
            });
            // Also the start of the name before it, when no initials
            // spell it: "Halvorsen Corp (HAL)" is no Hindustan Aeronautics;
            // "Securities and Exchange Commission (SEC)" stays the SEC.
            let mut start = g.first - 1;
            while start > 0
                && g.first - 1 - start < 5
                && cx.tok_sentence[start - 1] == cx.tok_sentence[g.first]
                && cx.is_capword(start - 1)
            {
                start -= 1;
            }
            let prefix = start < g.first - 1
                && cx.tokens[g.first].all_caps
                && symbol.len() >= 2
                && cx.tok(start).len() > symbol.len()
                && cx
                    .tok(start)
                    .get(..symbol.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(symbol))
                && !initials_match(cx, start, g.first - 1, symbol);
            own || prefix
        })
        .map(|g| g.first)
        .collect();
    if !own_tickers.is_empty() {
        ghits.retain(|g| !(g.last - g.first == 1 && own_tickers.contains(&g.first)));
    }
    // A gazetteer acronym that is also a legal form, right after a
    // capitalised word, is that name's form: "CrossLand Savings FSB" (a
    // federal savings bank) is no Russian security service.
    ghits.retain(|g| {
        g.last - g.first != 1
            || g.first == 0
            || !cx.tokens[g.first].all_caps
            || !cx.tokens[g.first].space_before
            || !cx.is_capword(g.first - 1)
            || cx.tokens[g.first - 1].all_caps
            || cx.tok_sentence[g.first - 1] != cx.tok_sentence[g.first]
            || !cx.lexicon.is_legal_suffix(cx.tok(g.first))
    });
    // The end of a country's name is no organisation of its own: "United
    // Arab Emirates" is not Emirates the airline.
    ghits.retain(|g| {
        // Country names are capitalised words, joined at most by "of the"
        // or "and": after any other word no lookup is needed.
        if g.first == 0
            || !(cx.tokens[g.first - 1].cap || matches!(cx.low(g.first - 1), "of" | "the" | "and"))
        {
            return true;
        }
        (1..=3).all(|j| {
            g.first < j
                || cx.tok_sentence[g.first - j] != cx.tok_sentence[g.first]
                || cx
                    .lexicon
                    .country_names
                    .get(cx.span(g.first - j, g.last))
                    .is_none()
        })
    });
    // A one-word name right after a person's title or first name is the
    // person: "Mr Sears", "Michael Sears" are not Sears the retailer.
    ghits.retain(|g| {
        if g.last - g.first != 1 || g.first == 0 || cx.tokens[g.first].all_caps {
            return true;
        }
        let lx = cx.lexicon;
        let mut k = g.first - 1;
        if cx.tok_is(k, ".") && k > 0 {
            k -= 1;
        }
        if cx.tok_sentence[k] != cx.tok_sentence[g.first] {
            return true;
        }
        let w = cx.tok(k);
        // Honorifics only: "lead manager Commerzbank" is the bank.
        let title = HONORIFICS.iter().any(|h| w.eq_ignore_ascii_case(h));
        let first_name = cx.is_capword(k) && lx.first_names.contains(w);
        !(title || first_name)
    });
    // Ambiguous forms need context.
    let doc_has_entry: HashSet<usize> = ghits
        .iter()
        .filter(|g| !cx.matcher.pattern(g.pattern).ambiguous)
        .map(|g| cx.matcher.pattern(g.pattern).entry)
        .collect();
    let mut accepted_hits: Vec<GHit> = Vec::new();
    let mut accepted_entries: HashSet<usize> = doc_has_entry.clone();
    let mut headline_ambiguous: Vec<GHit> = Vec::new();
    for g in ghits {
        let p = cx.matcher.pattern(g.pattern);
        if p.ambiguous && headline[cx.tok_sentence[g.first] as usize] {
            headline_ambiguous.push(g);
            continue;
        }
        if p.ambiguous && foreign_body(cx, g.first, p.entry) {
            continue;
        }
        if p.ambiguous && !ambiguous_ok(cx, g.first, g.last, p.entry, &doc_has_entry) {
            continue;
        }
        // An ambiguous word that heads another name in this document is
        // that name's short form: "United" after "United Breweries" is the
        // brewer, not United Airlines; unless the document also names the
        // entry unambiguously ("United Airlines").
        if p.ambiguous
            && g.last - g.first == 1
            && heads_other_name.contains(&g.pattern)
            && !doc_has_entry.contains(&p.entry)
        {
            continue;
        }
        accepted_entries.insert(p.entry);
        accepted_hits.push(g);
    }
    // In headlines an ambiguous form counts only if the body confirmed it.
    for g in headline_ambiguous {
        if accepted_entries.contains(&cx.matcher.pattern(g.pattern).entry) {
            accepted_hits.push(g);
        }
    }
    accepted_hits.sort_by_key(|g| (g.first, g.last));
    // A one-word alias of one entry that opens the name of another entry
    // the story names in full is that one's short form: "Mitsubishi's chief
    // executive" in a story about Mitsubishi Motors is not Mitsubishi
    // Corporation (unless the story names that too, or the two are parent
    // and unit).
    let entries = cx.gazetteer.entries();
    let named_in_full: Vec<usize> = accepted_hits
        .iter()
        .filter(|g| g.last - g.first >= 2)
        .map(|g| cx.matcher.pattern(g.pattern).entry)
        .collect();
    let short_form_of = |g: &GHit| -> Option<usize> {
        let e = cx.matcher.pattern(g.pattern).entry;
        let word = cx.tok(g.first);
        if g.last - g.first != 1 || entries[e].name == word || named_in_full.contains(&e) {
            return None;
        }
        let mut found: Option<usize> = None;
        for &f in &named_in_full {
            let name = &entries[f].name;
            let related = entries[f].parent.as_deref() == Some(entries[e].id.as_str())
                || entries[e].parent.as_deref() == Some(entries[f].id.as_str());
            let opens = name.len() > word.len()
                && name.starts_with(word)
                && name.as_bytes()[word.len()] == b' ';
            // (Not a committee named after its subject: "Treasury" is no
            // short form of the "Treasury Select Committee".)
            let committee = name.ends_with("Committee") || name.ends_with("Subcommittee");
            if f == e || related || !opens || committee {
                continue;
            }
            match found {
                Some(x) if x != f => return None,
                _ => found = Some(f),
            }
        }
        found
    };
    for g in &accepted_hits {
        let p = cx.matcher.pattern(g.pattern);
        let entry = &entries[short_form_of(g).unwrap_or(p.entry)];
        let idx = *by_key.entry(entry.id.clone()).or_insert_with(|| {
            rec.entities.push(DocEntity {
                key: entry.id.clone(),
                name: entry.name.clone(),
                kind: entry.kind,
                source: EntitySource::Gazetteer,
                surfaces: BTreeMap::new(),
                parent: entry.parent.clone(),
                ticker: entry.ticker.clone(),
                latent: false,
            });
            rec.entities.len() - 1
        });
        let surface = match &g.surface {
            Some(s) => s.clone(),
            None => cx.span(g.first, g.last).replace('\u{2019}', "'"),
        };
        let origin = if p.form.contains("'s ") {
            AliasOrigin::Descriptive
        } else {
            AliasOrigin::Gazetteer
        };
        rec.entities[idx].surfaces.entry(surface).or_insert(origin);
        rec.name_mention(cx, &mut covered, g.first, g.last, idx);
    }

    // 3. Capitalised chunks outside gazetteer hits.
    let mut chunks = find_chunks(cx, &covered, &blocked, &lowercase_words);

    // Names built on a known one: "eBay UK", "Lockheed Martin Ventures",
    // "IRS Office of Digital Services" are parts of eBay, Lockheed Martin
    // and the IRS.
    chunks.retain(|c| !(c.last - c.first == 1 && partners_with(cx, c.first)));
    // A headline capitalises its verb too: "Lockheed Martin Ventures Leads
    // $45 Million Round" has the body's "Lockheed Martin Ventures" and a
    // verb. A headline chunk right after a known name ends where the words
    // the body put after that name end.
    let after_mention = |c: &Chunk| {
        rec.mentions
            .iter()
            .find(|m| {
                m.last == c.first
                    && !m.pronoun
                    && cx.tok_sentence[m.first] == cx.tok_sentence[c.first]
            })
            .map(|m| m.entity)
    };
    let headline_chunk = |c: &Chunk| headline[cx.tok_sentence[c.first] as usize];
    // (entity, first, last) of body chunks right after a mention.
    let body_extensions: Vec<(usize, usize, usize)> = if chunks.iter().any(headline_chunk) {
        chunks
            .iter()
            .filter(|c| !headline_chunk(c))
            .filter_map(|c| after_mention(c).map(|e| (e, c.first, c.last)))
            .collect()
    } else {
        Vec::new()
    };
    if !body_extensions.is_empty() {
        for c in chunks.iter_mut() {
            if !headline_chunk(c) {
                continue;
            }
            let Some(e) = after_mention(c) else { continue };
            let longest = body_extensions
                .iter()
                .filter(|&&(be, f, l)| {
                    be == e
                        && l - f < c.last - c.first
                        && (0..l - f).all(|d| cx.tok(f + d) == cx.tok(c.first + d))
                })
                .map(|&(_, f, l)| l - f)
                .max();
            if let Some(len) = longest {
                c.last = c.first + len;
            }
        }
    }
    // (gazetteer entity, the other firm named on it, the form it was named by)
    let mut shadowed: Vec<(usize, usize, String)> = Vec::new();
    chunks.retain(|c| {
        // "Mitsui and Co Ltd": the known name, then "and Co".
        let and_co = c.first > 0 && and_co_at(cx, c.first - 1);
        // "Goldman, Sachs and Co", "Sears, Roebuck and Co": the known name,
        // a comma, a second name and "and Co" are the known firm's legal name.
        let comma_and_co = c.first > 0
            && c.last - c.first >= 3
            && cx.tok_is(c.first - 1, ",")
            && and_co_at(cx, c.first + 1);
        let Some(mi) = rec.mentions.iter().position(|m| {
            (m.last == c.first || ((and_co || comma_and_co) && m.last + 1 == c.first))
                && !m.pronoun
                && cx.tok_sentence[m.first] == cx.tok_sentence[c.first]
        }) else {
            return true;
        };
        if !cx.tokens[c.first].space_before || cx.tokens[c.first].newline_before {
            return true;
        }
        let base = rec.mentions[mi];
        let base_kind = rec.entities[base.entity].kind;
        let lx = cx.lexicon;
        let first_w = cx.tok(c.first);
        let single = c.last - c.first == 1;
        // "NEC Electronics Inc": a head noun and a legal suffix after the
        // known name.
        let head_and_suffix = c.last - c.first >= 2
            && lx.firm_heads.contains(first_w)
            && !lx.is_legal_suffix(first_w)
            && (c.first + 1..c.last)
                .all(|k| cx.tokens[k].kind != TokKind::Word || lx.is_legal_suffix(cx.tok(k)));
        // "Altria Group", "Oracle Corp", "Unilever PLC": the known firm
        // with only its legal form after it.
        let legal_form = (c.first..c.last)
            .all(|k| cx.tokens[k].kind != TokKind::Word || is_legal_form(lx, cx.tok(k)));
        // "Dixons Group PLC", "Newmont Mining Corp", "NEC Electronics Inc":
        // mostly the known firm's own full legal name, so a variant of it
        // rather than a part (a unit is stated as one: "a unit of NEC").
        // "Lazard Freres and Co": one more word of the name, then "and Co".
        let word_and_co = c.last - c.first >= 3
            && and_co_at(cx, c.first + 1)
            && only_legal_suffixes(cx, c.first + 3, c.last);
        // "Orange Julius International Inc", "Shell Canada Ltd": up to three
        // capitalised words that none of the gazetteer entry's names has,
        // then a legal form, make another firm too; so does a closing
        // "Group" after two ("Mitsubishi Tokyo Financial Group").
        let mut q = c.first;
        while q < c.last && q < c.first + 3 && !lx.is_legal_suffix(cx.tok(q)) {
            q += 1;
        }
        // (Not over a word of many a firm's own legal name: "BHP Steel
        // International Group" is BHP's.)
        let group_close = q == c.last
            && c.last - c.first == 3
            && matches!(cx.tok(c.last - 1), "Group" | "Holdings")
            && !(c.first..c.last - 1).any(|k| legal_name_word(cx.tok(k)));
        if group_close {
            q = c.last - 1;
        }
        let words_then_form =
            q > c.first && q < c.last && (group_close || only_legal_suffixes(cx, q, c.last));
        // "Reebok International Ltd": words of many a firm's own legal name
        // and a legal form; a variant of the known name.
        let generic_words = words_then_form && (c.first..q).all(|k| legal_name_word(cx.tok(k)));
        let foreign_words = words_then_form
            && !generic_words
            && (c.first..q).all(|k| {
                cx.tokens[k].kind == TokKind::Word
                    && cx.is_capword(k)
                    && !cx.tokens[k].all_caps
                    && foreign_head(cx, &rec.entities[base.entity], cx.tok(k))
            });
        // "General Motors Espanola" after "General Motors Espanola S.A.":
        // the longer firm named before, without its legal form.
        let named_before = !foreign_words
            && base_kind == EntityKind::Firm
            && q == c.last
            && (c.first..c.last).all(|k| cx.tokens[k].kind == TokKind::Word && cx.is_capword(k))
            && by_key
                .get(&format!(
                    "org:{}",
                    normalize_name(&cx.span(base.first, c.last).replace('\u{2019}', "'"), lx)
                ))
                .is_some_and(|&e| e != base.entity && rec.entities[e].kind == EntityKind::Firm);
        // "Adobe Resources Corp", "Coca-Cola Bottling Co": a head word that
        // none of the gazetteer entry's names has makes another firm.
        if base_kind == EntityKind::Firm
            && !legal_form
            && ((head_and_suffix
                && !matches!(
                    first_w,
                    "Group"
                        | "Holdings"
                        | "Holding"
                        | "Corporation"
                        | "Company"
                        | "Companies"
                        | "Cos"
                )
                && foreign_head(cx, &rec.entities[base.entity], first_w))
                || foreign_words)
        {
            let idx = extend_to_variant(
                cx,
                &mut rec,
                &mut by_key,
                &mut covered,
                mi,
                c,
                EntityKind::Firm,
            );
            // "Shell Canada Ltd", "Daiwa Europe Ltd": the firm's unit for a
            // place, as "Shell Canada" is (below), and "Shell" alone is
            // still the parent.
            if foreign_words && lx.is_place(cx.span(c.first, q)) {
                rec.named_parts
                    .push((idx, base.entity, rec.mentions[mi], true));
            } else {
                shadowed.push((base.entity, idx, cx.span(base.first, base.last).to_string()));
            }
            return false;
        }
        if (head_and_suffix || legal_form || comma_and_co || word_and_co || generic_words)
            && base_kind == EntityKind::Firm
        {
            let surface = cx.span(base.first, c.last).replace('\u{2019}', "'");
            rec.entities[base.entity]
                .surfaces
                .entry(surface)
                .or_insert(AliasOrigin::NameVariant);
            for cv in &mut covered[c.first..c.last] {
                *cv = true;
            }
            rec.mentions[mi].last = c.last;
            return false;
        }
        // "Chevron Petroleum (U.K.) Ltd": a head, a place in brackets and a
        // legal form make a unit named after the known firm.
        let bracketed_unit = !single
            && cx.tok_is(c.first + 1, "(")
            && (c.first + 2..c.last)
                .any(|k| cx.tok_is(k, ")") && only_legal_suffixes(cx, k + 1, c.last));
        // "Texaco Refining and Marketing": a head, "and" and a trade word.
        let head_pair = c.last - c.first == 3 && cx.low_is(c.first + 1, "and");
        let kind = if single
            && (lx.is_place(first_w) || lx.country(first_w).is_some())
            && base_kind != EntityKind::Agency
        {
            Some(base_kind)
        } else if (single || bracketed_unit || head_pair)
            && lx.firm_heads.contains(first_w)
            && !lx.is_legal_suffix(first_w)
            // A headline capitalises the people of a firm too: "Founded by
            // Peter Thiel and PayPal Engineers".
            && !(headline[cx.tok_sentence[c.first] as usize]
                && matches!(
                    first_w,
                    "Engineers"
                        | "Investors"
                        | "Partners"
                        | "Consultants"
                        | "Advisers"
                        | "Advisors"
                        | "Brokers"
                        | "Builders"
                        | "Contractors"
                        | "Trustees"
                        | "Associates"
                ))
            && !matches!(
                first_w,
                "Group" | "Holdings" | "Holding" | "Company" | "Companies" | "Cos"
            )
            && base_kind == EntityKind::Firm
        {
            Some(EntityKind::Firm)
        } else if base_kind == EntityKind::Agency
            && !single
            && (lx.agency_heads.contains(first_w) || lx.weak_agency_heads.contains(first_w))
            && matches!(cx.low(c.first + 1), "of" | "for" | "on")
        {
            Some(EntityKind::Agency)
        } else {
            None
        };
        let Some(kind) = kind else {
            if named_before {
                extend_to_variant(
                    cx,
                    &mut rec,
                    &mut by_key,
                    &mut covered,
                    mi,
                    c,
                    EntityKind::Firm,
                );
                return false;
            }
            return true;
        };
        let idx = extend_to_variant(cx, &mut rec, &mut by_key, &mut covered, mi, c, kind);
        rec.named_parts
            .push((idx, base.entity, rec.mentions[mi], true));
        false
    });

    // In a story about Adobe Resources Corp, "Adobe" alone is that firm too;
    // unless the story names the entry in another way ("American Express
    // Bank Ltd, a unit of American Express Co").
    for (gaz, other, form) in &shadowed {
        let named_otherwise = rec.mentions.iter().any(|m| {
            m.entity == *gaz && !m.pronoun && !cx.span(m.first, m.last).eq_ignore_ascii_case(form)
        });
        if named_otherwise {
            continue;
        }
        let mut moved = false;
        for m in rec.mentions.iter_mut() {
            if m.entity == *gaz && !m.pronoun && cx.span(m.first, m.last).eq_ignore_ascii_case(form)
            {
                m.entity = *other;
                moved = true;
            }
        }
        if moved {
            rec.entities[*other]
                .surfaces
                .entry(form.clone())
                .or_insert(AliasOrigin::ShortForm);
        }
    }

    // Legal forms alone are no name: "Co (Pte) Ltd" after a word the chunk
    // did not take.
    chunks.retain(|c| !only_legal_suffixes(cx, c.first, c.last));

    // Persons: first names, titles; remember their last names.
    let mut person_words: HashSet<&str> = HashSet::default();
    let mut classes: Vec<Class> = Vec::with_capacity(chunks.len());
    for c in &chunks {
        let class = classify(cx, c);
        if class == Class::Person {
            for i in c.first..c.last {
                person_words.insert(cx.tok(i));
            }
        }
        classes.push(class);
    }
    // A single word equal to a known person's name part is a person, and so
    // is a name ending in a known surname ("Jez San" once "Mr San" is seen).
    for (c, class) in chunks.iter().zip(classes.iter_mut()) {
        if !matches!(class, Class::Unknown | Class::Org(_)) {
            continue;
        }
        let single = c.last - c.first == 1 && person_words.contains(cx.tok(c.first));
        let surname = c.last - c.first >= 2
            && cx.tokens[c.last - 1].kind == TokKind::Word
            && person_words.contains(cx.tok(c.last - 1))
            && !is_acronym_shape(cx.tok(c.last - 1));
        if single || surname {
            *class = Class::Person;
        }
    }

    // 4. Acronym definitions: "Long Name (ACR)" and "ACR (Long Name)".
    // Map acronym -> (chunk index or gazetteer entity index).
    let mut acronym_of: HashMap<String, AcronymTarget> = HashMap::default();
    // (Over a wire ticker: "Tarnwick Engineering Co Plc <TECL.L> (TEC)";
    // and over the bracket that closes an unlisted firm's name: "<British
    // Airport Services Ltd> (BAS)".)
    let past_ticker = |k: usize| -> usize {
        if k < n && cx.tok_is(k, ">") {
            return k + 1;
        }
        if k < n && cx.tok_is(k, "<") {
            if let Some(q) = (k + 1..(k + 6).min(n)).find(|&q| cx.tok_is(q, ">")) {
                return q + 1;
            }
        }
        k
    };
    for (ci, c) in chunks.iter().enumerate() {
        let k = past_ticker(c.last);
        if k + 2 < n && cx.tok_is(k, "(") && cx.tok_is(k + 2, ")") {
            let acr = cx.tok(k + 1);
            if is_acronym_shape(acr) && initials_match(cx, c.first, c.last, acr) {
                acronym_of.insert(acr.to_string(), AcronymTarget::Chunk(ci));
            }
        }
    }
    for m in &rec.mentions {
        let k = past_ticker(m.last);
        if k + 2 < n && cx.tok_is(k, "(") && cx.tok_is(k + 2, ")") {
            let acr = cx.tok(k + 1);
            if is_acronym_shape(acr) && initials_match(cx, m.first, m.last, acr) {
                acronym_of.insert(acr.to_string(), AcronymTarget::Entity(m.entity));
            }
        }
        // "ACR, the Long Name," handled below for chunks.
    }
    // "ACR, the Long Name": an acronym chunk followed by a defining chunk.
    for (ci, c) in chunks.iter().enumerate() {
        let w = cx.tok(c.first);
        if c.last - c.first == 1
            && is_acronym_shape(w)
            && c.last + 2 < n
            && cx.tok_is(c.last, ",")
            && cx.low_is(c.last + 1, "the")
        {
            if let Some((cj, d)) = chunks
                .iter()
                .enumerate()
                .find(|(_, d)| d.first == c.last + 2)
            {
                if initials_match(cx, d.first, d.last, w) {
                    acronym_of.insert(w.to_string(), AcronymTarget::Chunk(cj));
                    let _ = ci;
                }
            }
        }
    }

    // 5. Decide each chunk.
    // Confirmation evidence per normalised name.
    let mut confirmed: HashMap<String, EntityKind> = HashMap::default();
    // Normalised names. A person, place, country or dropped chunk needs
    // one only as an acronym's long form, or as a body name that confirms
    // a name in a headline; the rest are left empty, never read.
    let in_headline =
        |c: &Chunk| headline[cx.tok_sentence[c.first] as usize] || lead_heading[c.first];
    // Chunks that are an acronym's long form.
    let mut long_form = vec![false; chunks.len()];
    for t in acronym_of.values() {
        if let AcronymTarget::Chunk(x) = t {
            long_form[*x] = true;
        }
    }
    let headline_strong = chunks
        .iter()
        .zip(&classes)
        .any(|(c, class)| matches!(class, Class::StrongOrg(_)) && in_headline(c));
    let norms: Vec<String> = chunks
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let needed = !matches!(
                classes[ci],
                Class::Person | Class::Place | Class::Drop | Class::Country(_)
            ) || (headline_strong && !in_headline(c))
                || long_form[ci];
            if needed {
                normalize_name(cx.span(c.first, c.last), cx.lexicon)
            } else {
                String::new()
            }
        })
        .collect();
    let body_norms: HashSet<&str> = chunks
        .iter()
        .zip(&norms)
        .filter(|(c, _)| !in_headline(c))
        .map(|(_, n)| n.as_str())
        .collect();
    for (ci, c) in chunks.iter().enumerate() {
        let in_headline = in_headline(c);
        let kind = match classes[ci] {
            // In a headline every word is capitalised: a name counts only if
            // the body uses it too.
            Class::StrongOrg(k) if !in_headline || body_norms.contains(norms[ci].as_str()) => {
                Some(k)
            }
            // A wire headline's subject with its ticker: "WHIRLPOOL CORP
            // <WHR> 1ST QTR NET", "OLIN <OLN> UNIT ACQUIRES ...".
            Class::StrongOrg(k) | Class::Org(k) if wire_subject(cx, c) => Some(k),
            Class::Unknown if wire_subject(cx, c) => Some(EntityKind::Firm),
            Class::Org(_) | Class::Unknown if !in_headline => {
                let cue = org_cue(cx, c.first, c.last);
                match (classes[ci], cue) {
                    (_, Some(k)) => Some(k),
                    (Class::Org(k), None) => {
                        // An acronym defined in the document or with org context.
                        if long_form[ci] { Some(k) } else { None }
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        let kind = kind.or_else(|| {
            // An acronym whose definition is a known organisation.
            if c.last - c.first == 1 {
                match acronym_of.get(cx.tok(c.first)) {
                    Some(AcronymTarget::Chunk(x)) if *x != ci => match classes[*x] {
                        Class::StrongOrg(k) | Class::Org(k) => Some(k),
                        _ => None,
                    },
                    _ => None,
                }
            } else {
                None
            }
        });
        if let Some(k) = kind {
            confirmed.entry(norms[ci].clone()).or_insert(k);
        }
    }
    // A one-word chunk that starts a confirmed longer name is that name's
    // short form ("Halvorsen" after "Halvorsen Labs").
    for (ci, c) in chunks.iter().enumerate() {
        if c.last - c.first != 1
            || confirmed.contains_key(&norms[ci])
            || !matches!(classes[ci], Class::Unknown | Class::Org(_))
        {
            continue;
        }
        // (Not a place's acronym: "NSW" of "New South Wales (NSW)" before
        // "the NSW Labour Council".)
        if let Some(AcronymTarget::Chunk(x)) = acronym_of.get(cx.tok(c.first)) {
            let d = &chunks[*x];
            if matches!(
                classes[*x],
                Class::Place | Class::Person | Class::Country(_)
            ) || cx.lexicon.is_place(cx.span(d.first, d.last))
            {
                continue;
            }
        }
        let w = &norms[ci];
        let stem = w.strip_suffix('s').filter(|x| x.len() >= 4).unwrap_or(w);
        let kinds: Vec<EntityKind> = confirmed
            .iter()
            .filter(|(k, _)| {
                let first = k.split(' ').next().unwrap_or("");
                k.contains(' ') && (first == w || first == stem)
            })
            .map(|(_, kind)| *kind)
            .collect();
        if let [k] = kinds[..] {
            confirmed.insert(w.clone(), k);
        }
    }
    // Long forms confirmed through their acronym ("ACR" used with org context).
    for (acr, t) in &acronym_of {
        if let AcronymTarget::Chunk(x) = t {
            let acr_norm = acr.to_lowercase();
            if let Some(&k) = confirmed.get(&acr_norm) {
                confirmed.entry(norms[*x].clone()).or_insert(k);
            }
            if let Some(&k) = confirmed.get(&norms[*x]) {
                confirmed.entry(acr_norm).or_insert(k);
            }
        }
    }

    // Known long names: short forms ("Argonaut" for "Argonaut Games").
    let mut pending: Vec<(usize, String, EntityKind)> = Vec::new(); // (chunk, key, kind)
    for (ci, c) in chunks.iter().enumerate() {
        if matches!(classes[ci], Class::Person | Class::Place | Class::Drop) {
            continue;
        }
        if let Class::Country(_) = classes[ci] {
            continue;
        }
        let Some(&kind) = confirmed.get(&norms[ci]) else {
            continue;
        };
        let _ = c;
        pending.push((ci, norms[ci].clone(), kind));
    }
    // Resolve acronyms to their long forms' keys and short forms to longer names.
    let mut key_of_norm: HashMap<String, String> = HashMap::default();
    for (acr, t) in &acronym_of {
        if let AcronymTarget::Chunk(x) = t {
            key_of_norm.insert(acr.to_lowercase(), norms[*x].clone());
        }
    }
    let long_names: std::collections::BTreeSet<String> = pending
        .iter()
        .map(|(_, k, _)| k.clone())
        .filter(|k| k.contains(' '))
        .collect();
    // Names written in full with a suffix ("Celanese Corp" is "celanese"):
    // no short forms of a longer name.
    let full_names: HashSet<&str> = pending
        .iter()
        .filter(|(ci, _, _)| chunks[*ci].last - chunks[*ci].first > 1)
        .map(|(_, k, _)| k.as_str())
        .filter(|k| !k.contains(' '))
        .collect();
    // Known organisations by their normalised surface forms: "Honeywell Inc"
    // is the Honeywell the gazetteer found.
    let mut gazetteer_norms: HashMap<String, Option<usize>> = HashMap::default();
    for (idx, e) in rec.entities.iter().enumerate() {
        if e.source != EntitySource::Gazetteer {
            continue;
        }
        for s in e.surfaces.keys() {
            let slot = gazetteer_norms
                .entry(normalize_name(s, cx.lexicon))
                .or_insert(Some(idx));
            if *slot != Some(idx) {
                *slot = None;
            }
        }
    }
    for (ci, k, kind) in &pending {
        // Only a name written as one word ("Alfa Group" is no short form
        // of "Alfa-Eco").
        if key_of_norm.contains_key(k)
            || k.contains(' ')
            || chunks[*ci].last - chunks[*ci].first != 1
            || full_names.contains(k.as_str())
        {
            continue;
        }
        // A single word that starts exactly one longer name ("Argonaut" for
        // "Argonaut Games", "Aggregates" for "Aggregate Industries"), or
        // follows a generic head ("Menatep" for "Group Menatep").
        let stem = k.strip_suffix('s').filter(|x| x.len() >= 4).unwrap_or(k);
        // Initials before the word ("Reynolds" for "RJ Reynolds Tobacco")
        // only when no name opens with it ("Nabisco" is "Nabisco Brands",
        // not "RJR Nabisco").
        let opening = |after_initials: bool| -> Vec<&String> {
            long_names
                .iter()
                .filter(|l| {
                    let mut words = l.split(' ');
                    let first = words.next().unwrap_or("");
                    if after_initials {
                        return after_initials_word(l, k);
                    }
                    first == k
                        || first == stem
                        || (matches!(first, "group" | "grupo" | "banco" | "banca" | "bank")
                            && words.next() == Some(k.as_str()))
                })
                .collect()
        };
        let mut longer = opening(false);
        if longer.is_empty() {
            longer = opening(true);
        }
        if longer.len() == 1 {
            key_of_norm.insert(k.clone(), longer[0].clone());
        } else if longer.is_empty() {
            // Else the first word of one gazetteer firm's name as the story
            // writes it: "Marsh" for "Marsh & McLennan", "Goldman" for
            // "Goldman Sachs".
            let mut owner: Option<(&String, Option<usize>)> = None;
            let mut unique = true;
            for (g, idx) in &gazetteer_norms {
                let opens = g.split(' ').next() == Some(k.as_str()) || after_initials_word(g, k);
                if !opens || !g.contains(' ') {
                    continue;
                }
                match owner {
                    None => owner = Some((g, *idx)),
                    Some((_, o)) => unique &= o == *idx,
                }
            }
            // Or, with none, the last word of one gazetteer firm's name
            // that is no head: "United" for "Manchester United".
            if owner.is_none() {
                let head = org_head(cx.lexicon, cx.tok(chunks[*ci].first));
                for (g, idx) in &gazetteer_norms {
                    if head || g.rsplit(' ').next() != Some(k.as_str()) || !g.contains(' ') {
                        continue;
                    }
                    match owner {
                        None => owner = Some((g, *idx)),
                        Some((_, o)) => unique &= o == *idx,
                    }
                }
            }
            if let Some((g, Some(i))) = owner.filter(|_| unique) {
                if rec.entities[i].kind == *kind {
                    key_of_norm.insert(k.clone(), g.clone());
                }
            }
        }
    }
    for (ci, norm, kind) in pending {
        let c = &chunks[ci];
        let kind = if kind == EntityKind::Firm && agency_possessed_body(cx, &rec, c) {
            EntityKind::Agency
        } else {
            kind
        };
        let target_norm = key_of_norm
            .get(&norm)
            .cloned()
            .unwrap_or_else(|| norm.clone());
        let known = gazetteer_norms.get(&target_norm).copied().flatten();
        // An acronym of a gazetteer entity.
        let idx = if let Some(AcronymTarget::Entity(e)) = acronym_of
            .get(cx.tok(c.first))
            .filter(|_| c.last - c.first == 1)
        {
            *e
        } else if let Some(e) = known.filter(|&e| rec.entities[e].kind == kind) {
            e
        } else {
            let key = format!("org:{target_norm}");
            pattern_entity(&mut rec, &mut by_key, key, cx.span(c.first, c.last), kind)
        };
        let surface = cx.span(c.first, c.last).replace('\u{2019}', "'");
        let origin = if norm != target_norm {
            if is_acronym_shape(&surface) {
                AliasOrigin::AcronymDefinition
            } else {
                AliasOrigin::ShortForm
            }
        } else {
            AliasOrigin::NameVariant
        };
        let e = &mut rec.entities[idx];
        if e.source == EntitySource::Pattern && norm == target_norm && surface.len() > e.name.len()
        {
            e.name = surface.clone();
        }
        e.surfaces.entry(surface).or_insert(origin);
        rec.name_mention(cx, &mut covered, c.first, c.last, idx);
    }
    // Acronyms of gazetteer entities used alone: "The Defense Information
    // Systems Agency (DISA) ... DISA said".
    for c in &chunks {
        if covered[c.first] || c.last - c.first != 1 {
            continue;
        }
        let w = cx.tok(c.first);
        // Its own definition, else (an acronym never defined) the initials
        // of one name written earlier: "BOA" after "Bank of America".
        let acronym_of_entity = match acronym_of.get(w) {
            Some(AcronymTarget::Entity(e)) => Some(*e),
            _ => initials_of_earlier_name(cx, &rec, c.first),
        };
        // "the Commission" once the European Commission is named: a head
        // word standing for the one agency of the document it ends.
        let (e, origin) = if let Some(e) = acronym_of_entity {
            (e, AliasOrigin::AcronymDefinition)
        } else if let Some(e) = head_word_owner(cx, &rec, c.first) {
            (e, AliasOrigin::ShortForm)
        } else {
            continue;
        };
        rec.entities[e]
            .surfaces
            .entry(w.to_string())
            .or_insert(origin);
        rec.name_mention(cx, &mut covered, c.first, c.last, e);
    }

    // 6. Country governments: "Russian government", "the U.S. government",
    // and bare country names (latent: kept only as relation parties).
    country_mentions(cx, &chunks, &classes, &mut covered, &mut rec, &mut by_key);

    // 7. Tickers: to the entity the gazetteer gives that ticker, else the
    // name right before the aside.
    for (before, sym) in tickers {
        let owner = rec
            .entities
            .iter()
            .position(|e| e.ticker.as_deref() == Some(sym.as_str()))
            .or_else(|| {
                rec.mentions
                    .iter()
                    .find(|m| m.last == before + 1 && !m.pronoun)
                    .map(|m| m.entity)
            });
        if let Some(idx) = owner {
            let e = &mut rec.entities[idx];
            e.ticker.get_or_insert_with(|| sym.clone());
            e.surfaces.entry(sym).or_insert(AliasOrigin::Ticker);
        }
    }

    rec.mentions.sort_by_key(|m| (m.first, m.last));
    // 8. Former names: the company's entity takes them over.
    former_names(cx, &mut rec);
    // 8b. A listed acronym the story spells out as another name.
    acronyms_spelled_out(cx, &mut rec);
    // 9. Pronouns and generic references.
    coreference(cx, &mut rec, &covered);
    rec.mentions.sort_by_key(|m| (m.first, m.last));
    rec
}

/// Whether a name ending in a body's head follows a government body's
/// possessive: "NIST's AI Safety Institute Consortium", "the Commerce
/// Department's Data Governance Board" are the government's own bodies.
fn agency_possessed_body(cx: &Context<'_>, rec: &Recognised, c: &Chunk) -> bool {
    if c.first < 2 || c.last - c.first < 2 || cx.tokens[c.first - 1].kind != TokKind::Possessive {
        return false;
    }
    let end = cx.tok(c.last - 1);
    let body = cx.lexicon.weak_agency_heads.contains(end)
        || BODY_HEADS.contains(end)
        || (matches!(end, "Group" | "Groups" | "Team" | "Panel")
            && matches!(
                cx.tok(c.last - 2),
                "Working" | "Advisory" | "Steering" | "Study" | "Interagency" | "Review"
            ));
    body && !cx.lexicon.is_legal_suffix(end)
        && rec.mentions.iter().any(|m| {
            !m.pronoun
                && m.last + 1 == c.first
                && rec.entities[m.entity].kind == EntityKind::Agency
                && !rec.entities[m.entity].latent
        })
}

/// "Loral Systems Group, formerly Goodyear Aerospace", "Halvorsen Corp
/// (formerly known as Kestrel Ltd)": one company under its present and its
/// former name. The former name's mentions go to the present name's entity,
/// which keeps the former name as an alias ([`AliasOrigin::FormerName`]).
/// Only a name recognised from its shape is taken over: a gazetteer entity
/// keeps its own identity.
fn former_names(cx: &Context<'_>, rec: &mut Recognised) {
    let mut merges: Vec<(usize, usize)> = Vec::new();
    for w in rec.mentions.windows(2) {
        let (now, old) = (w[0], w[1]);
        if now.pronoun || old.pronoun || now.entity == old.entity || now.sentence != old.sentence {
            continue;
        }
        let mut k = now.last;
        // A wire ticker after the present name: "Varity Corp <VAT>, formerly".
        if cx.tok_is(k, "<") {
            match (k..old.first).find(|&q| cx.tok_is(q, ">")) {
                Some(q) => k = q + 1,
                None => continue,
            }
        }
        if !(cx.tok_is(k, ",") || cx.tok_is(k, "(")) || !cx.tok_is(k + 1, "formerly") {
            continue;
        }
        k += 2;
        if cx.tok_is(k, "known") && cx.tok_is(k + 1, "as") {
            k += 2;
        } else if cx.tok_is(k, "called") || cx.tok_is(k, "named") {
            k += 1;
        }
        // "Massey Combines, formerly Varity's combines division": the name
        // then only owns what it was.
        let owner = old.last < cx.tokens.len()
            && (cx.tokens[old.last].kind == TokKind::Possessive
                || (cx.tokens[old.last].kind == TokKind::Word && !cx.tokens[old.last].cap));
        let (a, b) = (&rec.entities[now.entity], &rec.entities[old.entity]);
        if k != old.first || owner || b.source != EntitySource::Pattern || a.latent || b.latent {
            continue;
        }
        merges.push((old.entity, now.entity));
    }
    for (old, now) in merges {
        // A present name itself taken over by another is left alone.
        let now = rec.mentions.iter().any(|m| m.entity == now).then_some(now);
        let Some(now) = now else { continue };
        for m in &mut rec.mentions {
            if m.entity == old {
                m.entity = now;
            }
        }
        for (part, whole, m, _) in &mut rec.named_parts {
            for x in [part, whole, &mut m.entity] {
                if *x == old {
                    *x = now;
                }
            }
        }
        let gone = &mut rec.entities[old];
        let mut names = std::mem::take(&mut gone.surfaces);
        names.insert(gone.name.clone(), AliasOrigin::FormerName);
        for name in names.into_keys() {
            rec.entities[now]
                .surfaces
                .entry(name)
                .or_insert(AliasOrigin::FormerName);
        }
    }
}

/// A gazetteer entity named only by its acronym ("NCA") in a story that
/// names exactly one other organisation whose words it spells ("National
/// Cybersecurity Alliance"): the acronym is that organisation's, not the
/// listed one's (the UK's National Crime Agency). The listed entity's
/// mentions go to the spelled-out name.
fn acronyms_spelled_out(cx: &Context<'_>, rec: &mut Recognised) {
    let mut moves: Vec<(usize, usize, String)> = Vec::new();
    for (g, e) in rec.entities.iter().enumerate() {
        if e.source != EntitySource::Gazetteer {
            continue;
        }
        let mut acronym: Option<&str> = None;
        let mut only_acronym = true;
        for m in rec.mentions.iter().filter(|m| m.entity == g && !m.pronoun) {
            let w = cx.span(m.first, m.last);
            let shape = m.last == m.first + 1
                && (3..=6).contains(&w.len())
                && w.bytes().all(|b| b.is_ascii_uppercase());
            if !shape || acronym.is_some_and(|a| a != w) {
                only_acronym = false;
                break;
            }
            acronym = Some(w);
        }
        let Some(acr) = acronym.filter(|_| only_acronym) else {
            continue;
        };
        let mut owner: Option<usize> = None;
        let mut unique = true;
        for m in rec.mentions.iter().filter(|m| m.entity != g && !m.pronoun) {
            if rec.entities[m.entity].latent || owner == Some(m.entity) {
                continue;
            }
            let words: Vec<&[u8]> = (m.first..m.last)
                .filter(|&i| cx.tokens[i].kind == TokKind::Word)
                .map(|i| cx.low(i).as_bytes())
                .collect();
            if words.len() >= 2 && spells_initials(acr.as_bytes(), &words) {
                if owner.is_some() {
                    unique = false;
                }
                owner = Some(m.entity);
            }
        }
        // (Not the listed organisation under a variant or misspelt name:
        // "Organization of Petroleum Exporting Countries" is OPEC.)
        let Some(o) = owner.filter(|_| unique) else {
            continue;
        };
        let Some(entry) = cx.gazetteer.get(&e.key) else {
            continue;
        };
        let owner_words = content_words(&rec.entities[o].name);
        let same = std::iter::once(&entry.name)
            .chain(entry.aliases.iter())
            .any(|form| {
                let listed = content_words(form);
                let common = owner_words.iter().filter(|w| listed.contains(w)).count();
                common > 0 && common + 1 >= owner_words.len()
            });
        if !same {
            moves.push((g, o, acr.to_string()));
        }
    }
    for (g, o, acr) in moves {
        for m in &mut rec.mentions {
            if m.entity == g {
                m.entity = o;
            }
        }
        rec.entities[o]
            .surfaces
            .entry(acr)
            .or_insert(AliasOrigin::AcronymDefinition);
    }
}

/// The words of a name that tell it apart, lowercased and singular:
/// "Organisation of Petroleum Exporting Countries" gives organization,
/// petroleum, exporting, country.
fn content_words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.as_str(),
                    "of" | "and"
                        | "the"
                        | "for"
                        | "de"
                        | "corp"
                        | "corporation"
                        | "co"
                        | "company"
                        | "inc"
                        | "ltd"
                        | "plc"
                )
        })
        .map(|w| {
            let w = w.replace("isation", "ization");
            let w = w.strip_suffix("ies").map_or(w.clone(), |x| format!("{x}y"));
            w.strip_suffix('s').map_or(w.clone(), str::to_string)
        })
        .collect()
}

/// Words of many a firm's own legal name, not of another firm's: "Reebok
/// International Ltd" is Reebok.
fn legal_name_word(w: &str) -> bool {
    matches!(
        w,
        "International" | "Industries" | "Enterprises" | "Worldwide" | "Global"
    )
}

/// Whether the capitals of `acr` are the initials of `words`, one per word
/// (function words give their initial or none).
fn spells_initials(acr: &[u8], words: &[&[u8]]) -> bool {
    let Some((w, rest)) = words.split_first() else {
        return acr.is_empty();
    };
    let function = matches!(*w, b"of" | b"and" | b"the" | b"for" | b"de");
    let initial = !acr.is_empty() && w.first() == Some(&acr[0].to_ascii_lowercase());
    (initial && spells_initials(&acr[1..], rest)) || (function && spells_initials(acr, rest))
}

#[derive(Debug, Clone, Copy)]
enum AcronymTarget {
    Chunk(usize),
    Entity(usize),
}

/// Acronyms among the one-token gazetteer hits that the text defines in
/// brackets after a run of words whose initials they are ("Drink Or Die
/// (DOD)"), where the run is not that entry's name and does not end in an
/// organisation head word (so "Cybersecurity and Infrastructure Security
/// Agency (CISA)" still names the agency).
fn redefined_acronyms<G>(
    cx: &Context<'_>,
    hits: &[G],
    span: impl Fn(&G) -> (usize, usize, usize),
) -> Vec<String> {
    let n = cx.tokens.len();
    let lx = cx.lexicon;
    let mut out = Vec::new();
    for g in hits {
        let (first, last, pattern) = span(g);
        if last - first != 1 || first < 3 || last >= n {
            continue;
        }
        let acr = cx.tok(first);
        if !is_acronym_shape(acr) || !cx.tok_is(first - 1, "(") || !cx.tok_is(last, ")") {
            continue;
        }
        let letters: Vec<char> = acr
            .chars()
            .filter(|c| c.is_uppercase())
            .flat_map(char::to_lowercase)
            .collect();
        let sentence = cx.tok_sentence[first];
        // Over a wire ticker: "General Electric Co Plc <GECL.L> (GEC)".
        let mut end = first - 1;
        if end >= 2 && cx.tok_is(end - 1, ">") {
            if let Some(q) = (end.saturating_sub(8)..end - 1)
                .rev()
                .find(|&q| cx.tok_is(q, "<") && cx.tok_sentence[q] == sentence)
            {
                end = q;
            }
        }
        // The capitalised words before `end` whose initials spell the
        // acronym, and where they start.
        let spelled = |end: usize| -> Option<usize> {
            let mut initials = Vec::new();
            let mut start = end;
            let mut k = end;
            while k > 0 && initials.len() < letters.len() && end - k < 12 {
                let t = &cx.tokens[k - 1];
                if cx.tok_sentence[k - 1] != sentence || t.kind != TokKind::Word {
                    break;
                }
                if t.cap {
                    initials.extend(
                        cx.tok(k - 1)
                            .chars()
                            .next()
                            .into_iter()
                            .flat_map(char::to_lowercase),
                    );
                    start = k - 1;
                } else if !matches!(
                    cx.low(k - 1),
                    "of" | "and" | "or" | "the" | "for" | "on" | "in"
                ) {
                    break;
                }
                k -= 1;
            }
            initials.reverse();
            (initials.len() >= 2 && initials == letters).then_some(start)
        };
        // With or without a closing legal suffix: "Kestrel Holdings Plc
        // (KHP)", "General Electric Co Plc (GEC)".
        let Some(start) = spelled(end).or_else(|| {
            (end > 1 && cx.tokens[end - 1].cap && lx.is_legal_suffix(cx.tok(end - 1)))
                .then(|| spelled(end - 1))
                .flatten()
        }) else {
            continue;
        };
        let entry = cx.matcher.pattern(pattern).entry;
        // Another entry's full name defines it: "African Development Bank
        // (ADB)" is not the Asian Development Bank.
        // (Its name may be extended later: "General Electric" of "General
        // Electric Co Plc <GECL.L> (GEC)".)
        let other = hits.iter().any(|h| {
            let (f, l, p) = span(h);
            f == start && l > f && l <= end && cx.matcher.pattern(p).entry != entry
        });
        if other {
            out.push(acr.to_string());
            continue;
        }
        let head = cx.tok(end - 1);
        if lx.agency_heads.contains(head)
            || lx.weak_agency_heads.contains(head)
            || lx.firm_heads.contains(head)
            || lx.is_legal_suffix(head)
        {
            continue;
        }
        let named = hits.iter().any(|h| {
            let (f, l, p) = span(h);
            f >= start && l <= end && cx.matcher.pattern(p).entry == entry
        });
        // A variant of the entry's name ("United Parcel Services", "Office
        // of National Statistics") shares at least half its words with it.
        let e = &cx.gazetteer.entries()[entry];
        let known: Vec<String> = std::iter::once(&e.name)
            .chain(e.aliases.iter())
            .flat_map(|f| f.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let words: Vec<&str> = (start..end)
            .filter(|&i| cx.tokens[i].cap)
            .map(|i| cx.low(i))
            .collect();
        let shared = words
            .iter()
            .filter(|w| known.iter().any(|k| k == *w))
            .count();
        let variant = 2 * shared >= words.len();
        if !named && !variant {
            out.push(acr.to_string());
        }
    }
    out
}

/// Whether `word`, a head word after a gazetteer firm's name ("Resources"
/// in "Adobe Resources Corp"), is in none of the entry's names: then the
/// longer name is another firm's, not the entry's own legal name
/// ("Adobe Systems Inc").
fn foreign_head(cx: &Context<'_>, e: &DocEntity, word: &str) -> bool {
    if e.source != EntitySource::Gazetteer {
        return false;
    }
    let Some(entry) = cx.gazetteer.get(&e.key) else {
        return false;
    };
    !std::iter::once(&entry.name)
        .chain(entry.aliases.iter())
        .flat_map(|f| f.split(|c: char| !c.is_alphanumeric()))
        .any(|w| {
            // "Kia Motor Corp" for "Kia Motors".
            let stem = |x: &'_ str| x.strip_suffix('s').unwrap_or(x).to_ascii_lowercase();
            w.eq_ignore_ascii_case(word) || stem(w) == stem(word)
        })
}

/// Whether tokens `i` and `i + 1` are "and Co" (or "and Cos", "and
/// Company"), a legal form: "Montgomery Ward and Co Inc".
fn and_co_at(cx: &Context<'_>, i: usize) -> bool {
    i + 1 < cx.tokens.len()
        && cx.low_is(i, "and")
        && matches!(cx.tok(i + 1), "Co" | "Cos" | "Company")
}

/// Whether every word of tokens `from..to` is a legal suffix ("Co Ltd",
/// "(Pte) Ltd" counts only its words).
fn only_legal_suffixes(cx: &Context<'_>, from: usize, to: usize) -> bool {
    (from..to).all(|k| cx.tokens[k].kind != TokKind::Word || cx.lexicon.is_legal_suffix(cx.tok(k)))
}

/// Whether a capitalised word heads an organisation's name: a firm's,
/// an agency's or a body's head, or a legal form.
fn org_head(lx: &Lexicon, w: &str) -> bool {
    lx.firm_heads.contains(w)
        || lx.agency_heads.contains(w)
        || lx.weak_agency_heads.contains(w)
        || BODY_HEADS.contains(w)
        || LEADING_HEADS.contains(w)
        || lx.is_legal_suffix(w)
}

/// A capitalised word that does not continue a name: a word that is no
/// name, a person's title, a place, a demonym or a head of no organisation.
fn common_capitalised(lx: &Lexicon, w: &str) -> bool {
    lx.not_names.contains(w)
        || lx.person_titles.contains(w.to_lowercase().as_str())
        || lx.is_place(w)
        || lx.is_demonym(w)
        || lx.is_non_org_head(w)
}

/// Whether the one-word gazetteer hit `first..last` lies inside a longer
/// run of capitalised words: a word before it in the sentence (not its
/// first word, nor a title, place, demonym or common capitalised word) and
/// a capitalised word after it that continues the name.
fn inside_longer_name(cx: &Context<'_>, first: usize, last: usize, recased: bool) -> bool {
    if last - first != 1
        || recased
        || first == 0
        || last >= cx.tokens.len()
        || cx.tokens[first].all_caps
        || !cx.tokens[first].space_before
        || !cx.tokens[last].space_before
        || cx.sentence_start(first - 1)
        || !cx.is_capword(first - 1)
        || !cx.is_capword(last)
        || cx.tokens[first - 1].all_caps
        || cx.tok_sentence[first - 1] != cx.tok_sentence[last]
    {
        return false;
    }
    let lx = cx.lexicon;
    let (before, after) = (cx.tok(first - 1), cx.tok(last));
    // A surname before it ("Elon Musks xAI") is a person's, not a name's.
    let surname =
        first >= 2 && cx.is_capword(first - 2) && lx.first_names.contains(cx.tok(first - 2));
    !common_capitalised(lx, before)
        && !REGION_ADJECTIVES.contains(before)
        && !surname
        && !common_capitalised(lx, after)
        && !partners_with(cx, last)
}

/// Geographic features named after a country ("the Gulf of Thailand"):
/// the country in such a name is no party.
static GEO_FEATURES: WordSet = WordSet::new(&[
    "Gulf",
    "Bay",
    "Sea",
    "Strait",
    "Straits",
    "Coast",
    "Island",
    "Islands",
    "Isle",
    "Cape",
    "Peninsula",
    "Mountains",
    "Province",
    "Provinces",
]);

/// Adjectives of regions that may stand before a firm's name without being
/// part of it ("the European Airbus Industrie consortium").
static REGION_ADJECTIVES: WordSet = WordSet::new(&[
    "European",
    "Asian",
    "African",
    "Arab",
    "Nordic",
    "Scandinavian",
    "Latin",
    "Gulf",
    "Pacific",
    "Atlantic",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Global",
    "Continental",
]);

fn is_acronym_shape(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let uppers = w.chars().filter(|c| c.is_uppercase()).count();
    (2..=8).contains(&letters)
        && uppers >= 2
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphanumeric() || c == '&' || c == '-' || c == '.')
}

/// The agency a head word at token `at` stands for ("the Commission" once
/// the European Commission is named): the one agency of the document whose
/// name of two words or more it ends, named before `at`.
fn head_word_owner(cx: &Context<'_>, rec: &Recognised, at: usize) -> Option<usize> {
    let w = cx.tok(at);
    let lx = cx.lexicon;
    if !lx.agency_heads.contains(w) && !lx.weak_agency_heads.contains(w) {
        return None;
    }
    let owners: Vec<usize> = rec
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            // "the Court" for the Court of Federal Claims: a head that
            // opens an "of" phrase of the name.
            let opens_of = || {
                e.name
                    .split_whitespace()
                    .zip(e.name.split_whitespace().skip(1))
                    .any(|(a, b)| a == w && matches!(b, "of" | "for" | "on"))
            };
            e.kind == EntityKind::Agency
                && !e.latent
                && e.name.split_whitespace().nth(1).is_some()
                && (e.name.split_whitespace().next_back() == Some(w) || opens_of())
        })
        .map(|(i, _)| i)
        .collect();
    let [e] = owners[..] else {
        return None;
    };
    rec.mentions
        .iter()
        .any(|m| m.entity == e && m.first < at)
        .then_some(e)
}

/// Whether the tokens from `k` name a finance unit after the gazetteer name
/// of `pattern` that ends there: "IBM Credit Corp", "Ford Motor Credit Co",
/// "Chrysler Financial Corp" are the captive lenders, not IBM, Ford or
/// Chrysler. Not when the firm's own name has that word: "PNC Financial
/// Corp" is PNC Financial Services.
fn finance_unit_after(cx: &Context<'_>, k: usize, pattern: usize) -> bool {
    // The token tests first: this runs at every gazetteer hit.
    let unit = k + 1 < cx.tokens.len()
        && matches!(
            cx.tok(k),
            "Credit" | "Financial" | "Finance" | "Capital" | "Acceptance" | "Leasing" | "Funding"
        )
        && cx.tok_sentence[k] == cx.tok_sentence[k - 1]
        && !cx.tokens[k].newline_before
        && cx.tokens[k + 1].space_before
        && cx.lexicon.is_legal_suffix(cx.tok(k + 1));
    if !unit {
        return false;
    }
    let entry = &cx.gazetteer.entries()[cx.matcher.pattern(pattern).entry];
    !std::iter::once(&entry.name)
        .chain(&entry.aliases)
        .any(|n| n.split(' ').any(|w| w == cx.tok(k)))
}

/// Whether the gazetteer hit over tokens `first..last` is only the end of
/// a longer name of another body. Two cases:
/// - a form opening with a head word ("Chamber of Commerce", "Department
///   of Commerce") after a capitalised word that is no qualifier of the
///   same body: "Japan Chamber of Commerce" is not the U.S. Chamber,
///   "Minnesota Department of Commerce" not the federal department. A
///   country, or a country's possessive, keeps the hit only when the body
///   is that country's government's ("British Ministry of Defence", not
///   "Japan's Chamber of Commerce");
/// - a one-word form after "<Head> of": "Commerce" in "Kestrel Bank of
///   Commerce".
fn inside_longer_body_name(
    cx: &Context<'_>,
    first: usize,
    last: usize,
    pattern: usize,
    lowercase_words: &HashSet<&str>,
) -> bool {
    let is_head = |w: &str| {
        let heads = |w: &str| LEADING_HEADS.contains(w) || BODY_HEADS.contains(w);
        heads(w)
            || (w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase()) && heads(&title_cased(w)))
    };
    let joined = |k: usize| {
        k > 0 && !cx.tokens[k].newline_before && cx.tok_sentence[k - 1] == cx.tok_sentence[k]
    };
    if !joined(first) {
        return false;
    }
    let prev = first - 1;
    if last - first == 1 && cx.tok_is(prev, "of") {
        // A body's own head word names it there: "either House of
        // Parliament".
        let w = cx.tok(first);
        return joined(prev)
            && cx.is_capword(prev - 1)
            && is_head(cx.tok(prev - 1))
            && !is_head(w)
            && !cx.lexicon.agency_heads.contains(w);
    }
    if !is_head(cx.tok(first)) {
        return false;
    }
    let lx = cx.lexicon;
    // "Japan's Chamber of Commerce", "JAPAN'S CHAMBER OF COMMERCE": a
    // place's own body.
    if cx.tokens[prev].kind == TokKind::Possessive {
        if !joined(prev) || !cx.is_capword(prev - 1) {
            return false;
        }
        let owner = cx.tok(prev - 1);
        let owner = if cx.tokens[prev - 1].all_caps {
            title_cased(owner)
        } else {
            owner.to_string()
        };
        return match lx.country(&owner) {
            Some(country) => !of_country_government(cx, pattern, country),
            None => lx.is_place(&owner),
        };
    }
    if !cx.is_capword(prev) || cx.tokens[prev].all_caps {
        return false;
    }
    let w = cx.tok(prev);
    // A common word opening the sentence ("If Parliament wanted"), or a
    // title ("Deputy State Department spokeswoman"), is no part of a name.
    let low = cx.lower_tok(prev);
    if lowercase_words.contains(low)
        || matches!(
            low,
            "the" | "a" | "an" | "this" | "that" | "its" | "their" | "our"
        )
        || matches!(w, "Democratic" | "Republican" | "Democrat")
        || (cx.sentence_start(prev) && !lx.is_place(w) && lx.country(w).is_none())
        || lx.person_titles.contains(low)
        || lx.opens_title_phrase(low)
        || is_head(w)
        || lx.agency_heads.contains(w)
        || (lx.agency_qualifiers.contains(w) && lx.country(w).is_none())
    {
        return false;
    }
    match lx.country(w) {
        Some(country) => !of_country_government(cx, pattern, country),
        None => true,
    }
}

/// Whether the gazetteer body of `pattern` belongs, through its parents, to
/// the government of `country` ("Ministry of Defence" to the British one).
fn of_country_government(
    cx: &Context<'_>,
    pattern: usize,
    country: &crate::lexicon::Country,
) -> bool {
    let entries = cx.gazetteer.entries();
    let mut id = Some(entries[cx.matcher.pattern(pattern).entry].id.as_str());
    let mut government = None;
    for _ in 0..8 {
        let Some(e) = id.and_then(|i| cx.gazetteer.get(i)) else {
            break;
        };
        if e.id.ends_with("_government") {
            government = Some(e.id.as_str());
            break;
        }
        id = e.parent.as_deref();
    }
    let Some(government) = government else {
        return false;
    };
    let names = std::iter::once(&country.name)
        .chain(&country.aliases)
        .chain(&country.demonyms);
    names.into_iter().any(|n| {
        cx.matcher
            .lookup(&format!("{n} government"))
            .is_some_and(|p| entries[cx.matcher.pattern(p).entry].id == government)
    })
}

/// The entity an undefined acronym at token `at` stands for: the one
/// entity named earlier in the document (not a pronoun, not latent) with a
/// name of two words or more whose initials, one per word, spell it ("BOA"
/// after "Bank of America", "NWA" after "Northwest Airlines"). Function
/// words give their initial or none. Only acronyms of three to six capitals,
/// and no wire ticker ("Security Pacific Corp <SPC>" names the firm once).
fn initials_of_earlier_name(cx: &Context<'_>, rec: &Recognised, at: usize) -> Option<usize> {
    let t = &cx.tokens[at];
    let acr = cx.tok(at).as_bytes();
    if t.kind != TokKind::Word
        || !(3..=6).contains(&acr.len())
        || !acr.iter().all(u8::is_ascii_uppercase)
        || (at > 0 && wire_ticker_at(cx, at - 1))
    {
        return None;
    }
    let mut found: Option<usize> = None;
    for m in rec.mentions.iter().filter(|m| m.first < at && !m.pronoun) {
        if m.entity == found.unwrap_or(usize::MAX) || rec.entities[m.entity].latent {
            continue;
        }
        let words: Vec<&[u8]> = (m.first..m.last)
            .filter(|&i| cx.tokens[i].kind == TokKind::Word)
            .map(|i| cx.low(i).as_bytes())
            .collect();
        if words.len() >= 2 && spells_initials(acr, &words) {
            if found.is_some() {
                return None;
            }
            found = Some(m.entity);
        }
    }
    found
}

/// Whether an acronym's capitals are the initials of the name's words, in
/// order (function words may be skipped; a word may give more than one
/// letter, as in "DoD" or "NASA").
fn initials_match(cx: &Context<'_>, first: usize, last: usize, acr: &str) -> bool {
    let letters: Vec<char> = acr
        .chars()
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_lowercase)
        .collect();
    let words: Vec<String> = (first..last)
        .filter(|&i| cx.tokens[i].kind == TokKind::Word)
        .map(|i| cx.tok(i).to_lowercase())
        .collect();
    // A closing legal suffix may go unspelled: "Tarnwick Engineering Co Plc
    // (TEC)".
    let suffix_at = words
        .last()
        .filter(|w| words.len() > 2 && cx.lexicon.is_legal_suffix(w))
        .map(|_| words.len() - 1);
    fn go(letters: &[char], words: &[String], wi: usize, suffix_at: Option<usize>) -> bool {
        if letters.is_empty() {
            return words[wi..].iter().enumerate().all(|(j, w)| {
                Some(wi + j) == suffix_at
                    || matches!(w.as_str(), "of" | "and" | "the" | "for" | "on" | "in" | "&")
            });
        }
        if wi >= words.len() {
            return false;
        }
        let w = &words[wi];
        let is_fn = matches!(
            w.as_str(),
            "of" | "and" | "the" | "for" | "on" | "in" | "&" | "u.s." | "us"
        );
        // Take 1..k letters from this word's start/inside as prefix letters.
        let wchars: Vec<char> = w.chars().filter(|c| c.is_alphanumeric()).collect();
        if wchars.first() == letters.first() {
            // This word gives its initial and possibly further letters found in order inside it.
            let mut k = 1;
            let mut pos = 1;
            loop {
                if go(&letters[k..], words, wi + 1, suffix_at) {
                    return true;
                }
                if k >= letters.len() {
                    break;
                }
                match wchars[pos..].iter().position(|c| *c == letters[k]) {
                    Some(p) => {
                        pos += p + 1;
                        k += 1;
                    }
                    None => break,
                }
            }
        }
        is_fn && go(letters, words, wi + 1, suffix_at)
    }
    !words.is_empty() && words.len() >= 2 && go(&letters, &words, 0, suffix_at)
}

/// Whether token `k` is the verb of a headline ("OpenAI Partners With
/// Anduril", "Acme Teams Up With Beta"), not a firm's head noun.
fn partners_with(cx: &Context<'_>, k: usize) -> bool {
    matches!(cx.tok(k), "Partners" | "Teams")
        && k + 1 < cx.tokens.len()
        && matches!(cx.low(k + 1), "with" | "up")
}

/// Whether a lowercase word is a month's name ("march", "may").
pub(crate) fn is_month(lower: &str) -> bool {
    MONTHS.contains(&title_cased(lower))
}

/// Month names, which with a number after them are a date.
static MONTHS: WordSet = WordSet::new(&[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
]);

/// Find candidate chunks of capitalised words.
fn find_chunks(
    cx: &Context<'_>,
    covered: &[bool],
    blocked: &[bool],
    lowercase_words: &HashSet<&str>,
) -> Vec<Chunk> {
    let n = cx.tokens.len();
    let lx = cx.lexicon;
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if covered[i] || blocked[i] || !cx.is_capword(i) {
            i += 1;
            continue;
        }
        let mut first = i;
        let mut last = i + 1;
        loop {
            if last >= n || covered[last] || blocked[last] || cx.tokens[last].newline_before {
                break;
            }
            if cx.tok_sentence[last] != cx.tok_sentence[first] {
                break;
            }
            let t = &cx.tokens[last];
            // "Quellmark CEO Jane Doyle": an executive title between two
            // names ends the first (the company) and opens the person.
            // (Not in a headline in capitals: "... NAMES KARL BAYS AS CHAIRMAN".)
            if EXEC_TITLE_WORDS.contains(cx.low(last))
                && !shouted(cx.tok(last))
                && last + 1 < n
                && cx.is_capword(last + 1)
                && !TITLE_PREFIXES.contains(cx.tok(last - 1))
            {
                break;
            }
            // "The SEC sued Musk January 14": a date ends the name.
            if last + 1 < n
                && cx.tokens[last + 1].kind == TokKind::Number
                && MONTHS.contains(cx.tok(last))
            {
                break;
            }
            if cx.is_capword(last) && (t.space_before || cx.tok_is(last - 1, "-")) {
                last += 1;
                continue;
            }
            // Hyphen joins without spaces: "Coca-Cola", "Alfa-Eco".
            if cx.tok_is(last, "-")
                && !t.space_before
                && last + 1 < n
                && !cx.tokens[last + 1].space_before
                && cx.is_capword(last + 1)
                && !covered[last + 1]
            {
                last += 2;
                continue;
            }
            // "&" joins: "Marsh & McLennan", "Procter & Gamble".
            if cx.tok_is(last, "&") && last + 1 < n && cx.is_capword(last + 1) && !covered[last + 1]
            {
                last += 2;
                continue;
            }
            // "and Co" is a legal form: "Montgomery Ward and Co Inc".
            if and_co_at(cx, last) && !covered[last + 1] {
                last += 2;
                continue;
            }
            // A place in brackets before a legal form: "Kestrel Exploration
            // (Canada) Ltd", "Industrial Equity (Pacific) Ltd".
            if cx.tok_is(last, "(") && t.space_before {
                let words = (last + 1..n.min(last + 4))
                    .take_while(|&k| cx.is_capword(k) && !covered[k])
                    .count();
                let close = last + 1 + words;
                if words > 0
                    && close + 1 < n
                    && cx.tok_is(close, ")")
                    && cx.tokens[close + 1].space_before
                    && cx.tok_sentence[close + 1] == cx.tok_sentence[first]
                    && !covered[close + 1]
                    && lx.is_legal_suffix(cx.tok(close + 1))
                {
                    last = close + 2;
                    continue;
                }
            }
            // Possessive inside a name before a head: "Foster's Group",
            // "Trade Representative's Office".
            if t.kind == TokKind::Possessive
                && last + 1 < n
                && cx.is_capword(last + 1)
                && !covered[last + 1]
            {
                let next = cx.tok(last + 1);
                let owner = cx.tok(last - 1);
                let place_owner = lx.is_place(owner) || lx.country(owner).is_some();
                // "Elon Musk's AI company": a person's, and the head word
                // only modifies a lowercase noun.
                let person_owner = last - first >= 2 && lx.first_names.contains(cx.tok(first));
                let modifies_noun = last + 2 < n
                    && matches!(
                        cx.low(last + 2),
                        "company" | "firm" | "startup" | "venture" | "business" | "lab" | "unit"
                    );
                if place_owner || person_owner || modifies_noun {
                    break;
                }
                if lx.firm_heads.contains(next)
                    || lx.agency_heads.contains(next)
                    || lx.weak_agency_heads.contains(next)
                    || lx.is_legal_suffix(next)
                {
                    last += 2;
                    continue;
                }
            }
            // Connectors after an organisation head: "Bank of America",
            // "Interactive Media in Retail Group". The words after the
            // connector must not be a date or a place; after "in" they must
            // end in a head word ("Commission in July" is no name).
            let low = cx.low(last);
            // "Office of the Chief Information Officer": "of the" joins too,
            // and "for the" after a government body's head word ("Court of
            // Appeals for the District of Columbia").
            let for_the_body = low == "for"
                && (first..last).any(|k| {
                    LEADING_HEADS.contains(cx.tok(k)) || lx.agency_heads.contains(cx.tok(k))
                });
            let the_skip = usize::from(
                (low == "of" || for_the_body)
                    && last + 2 < n
                    && cx.low_is(last + 1, "the")
                    && cx.is_capword(last + 2),
            );
            if CONNECTORS.contains(&low)
                && last + 1 + the_skip < n
                && cx.is_capword(last + 1 + the_skip)
                && !covered[last + 1 + the_skip]
            {
                let has_head = (first..last).any(|k| {
                    let w = cx.tok(k);
                    LEADING_HEADS.contains(w)
                        || lx.firm_heads.contains(w)
                        || lx.agency_heads.contains(w)
                        || lx.weak_agency_heads.contains(w)
                });
                let mut k = last + 1 + the_skip;
                while k < n && cx.is_capword(k) && !covered[k] && cx.tokens[k].space_before {
                    k += 1;
                }
                let run: Vec<&str> = (last + 1 + the_skip..k).map(|q| cx.tok(q)).collect();
                let run_text = cx.span(last + 1 + the_skip, k);
                let office_of = low == "of"
                    && matches!(
                        run.last().copied().unwrap_or(""),
                        "Officer"
                            | "Counsel"
                            | "Director"
                            | "Secretary"
                            | "Administrator"
                            | "Commissioner"
                            | "General"
                            | "Inspector"
                            | "Attorney"
                            | "Comptroller"
                            | "Advocate"
                            | "Ombudsman"
                    );
                let end = run.last().copied().unwrap_or("");
                let ends_in_head = lx.firm_heads.contains(end)
                    || lx.agency_heads.contains(end)
                    || lx.weak_agency_heads.contains(end)
                    || BODY_HEADS.contains(end);
                // (A word that is no name alone may open a longer run whose
                // last word is one: "Institute for Supply Management".)
                // So may a word alone that "and" joins to a run of one or two
                // words with no head: "Fife College of Further and Higher
                // Education" (not "House of Imports and N.L. Industries").
                let joined_run =
                    run.len() == 1 && k + 2 < n && cx.low_is(k, "and") && cx.is_capword(k + 1) && {
                        let mut j = k + 1;
                        while j < n && j - (k + 1) < 3 && cx.is_capword(j) {
                            j += 1;
                        }
                        j - (k + 1) <= 2
                            && (k + 1..j).all(|q| {
                                let w = cx.tok(q);
                                !lx.not_names.contains(w)
                                    && !lx.is_place(w)
                                    && !lx.firm_heads.contains(w)
                                    && !lx.agency_heads.contains(w)
                                    && !lx.is_legal_suffix(w)
                            })
                    };
                // ("Department of Labour", "Institute for the Study of
                // Labour": the field, not the party.)
                // (A technology field is a remit too: "Center for Federal
                // AI", "Partnership on AI".)
                let no_name = |w: &&str| {
                    lx.not_names.contains(w)
                        && !(matches!(low, "of" | "for" | "on")
                            && matches!(*w, "AI" | "A.I." | "GenAI" | "IT" | "ICT" | "IoT"))
                };
                let headed_run = matches!(low, "of" | "for")
                    && (run.len() >= 2 || joined_run || matches!(run[..], ["Labour" | "Labor"]))
                    && !run[1..].iter().any(no_name);
                let bad_run = !office_of
                    && ((!headed_run && run.iter().any(no_name))
                        || (low != "of" && lx.is_place(run_text))
                        || (low != "of" && run.iter().all(|w| lx.is_place(w))));
                // "Credit Commercial de France", "Banco de Bilbao": a French,
                // Spanish or Italian connector before a place continues the
                // name (the place is the firm's, not where it is).
                let romance_place = matches!(low, "de" | "du" | "des" | "del" | "di")
                    && k == last + 2
                    && lx.is_place(run_text)
                    && !lx.is_place(cx.span(first, last))
                    && !lx.not_names.contains(run_text);
                if (has_head && !bad_run && (low != "in" || ends_in_head)) || romance_place {
                    last += 2 + the_skip;
                    continue;
                }
            }
            // "and" inside government names: "Office of Management and Budget".
            if low == "and" && last + 1 < n && cx.is_capword(last + 1) && !covered[last + 1] {
                let starts_with_head = LEADING_HEADS.contains(cx.tok(first))
                    && (first..last)
                        .any(|k| cx.low_is(k, "of") || cx.low_is(k, "on") || cx.low_is(k, "for"));
                // "First Federal Savings and Loan Association of Florida":
                // the thrift's "Savings and Loan" is one phrase.
                let savings_and_loan = matches!(cx.tok(last - 1), "Savings" | "Building")
                    && cx.tok_is(last + 1, "Loan");
                // So is "Research and Development": "the Army Research and
                // Development Center", "Natural Hazards Research and
                // Applications Information Center".
                let research_and = cx.tok_is(last - 1, "Research")
                    && matches!(
                        cx.tok(last + 1),
                        "Development"
                            | "Engineering"
                            | "Technology"
                            | "Innovation"
                            | "Applications"
                            | "Analysis"
                            | "Evaluation"
                    )
                    // (Not a portfolio: "Research and Technology Minister".)
                    && !(last + 2 < n && lx.person_titles.contains(cx.low(last + 2)));
                if starts_with_head || savings_and_loan || research_and {
                    last += 2;
                    continue;
                }
                let mut k = last + 1;
                while k < n && cx.is_capword(k) && !covered[k] && cx.tokens[k].space_before {
                    k += 1;
                }
                let end_word = cx.tok(k - 1);
                let run_text = cx.span(last + 1, k);
                let is_head = |w: &str| org_head(lx, w);
                // "Beijing Municipal Commission for Development and Reform",
                // "Fife College of Further and Higher Education": after a
                // head and its connector, "and" and a run of one or two
                // words that is no name of its own (no head, no place) end
                // the same name.
                let head_then_connector = (first + 1..last.saturating_sub(1)).any(|h| {
                    is_head(cx.tok(h))
                        && matches!(cx.low(h + 1), "of" | "for" | "on")
                        && h + 2 < last
                });
                // (Not after a place: "United Bank of Switzerland and
                // Dillon Reed" are two names.)
                let place_before =
                    lx.is_place(cx.tok(last - 1)) || lx.country(cx.tok(last - 1)).is_some();
                if head_then_connector
                    && !place_before
                    && k - (last + 1) <= 2
                    && !(last + 1..k).any(|q| is_head(cx.tok(q)))
                    && !lx.is_place(run_text)
                    && lx.country(run_text).is_none()
                    && !(last + 1..k).any(|q| lx.is_place(cx.tok(q)))
                    && !(last + 1..k).any(|q| lx.not_names.contains(cx.tok(q)))
                    // (Not a list's next name: "First National Bank of
                    // Schiller Park and Merchants and Manufacturers Bank".)
                    && (k >= n || !matches!(cx.low(k), "and" | "&" | "-"))
                    && (k >= n || !matches!(cx.low(k), "of" | "for"))
                {
                    last = k;
                    continue;
                }
                // "Securities and Exchange Commission", "AI Safety and
                // Security Board": the run after "and" ends in an agency or
                // firm head, after one word or two that are no name of their
                // own (no head, no person's first name).
                // Not from the tail of a known name: "Altria Group and
                // Liggett Group" are two firms.
                let tail_of_known =
                    first > 0 && covered[first - 1] && is_legal_form(lx, cx.tok(first));
                // Nor when the story names the run after "and" alone: "his
                // role at Carbyne and Frontier Resource Group" after
                // "Prince's Frontier Resource Group (FRG)".
                let named_alone = || {
                    let len = k - (last + 1);
                    (1..n.saturating_sub(len)).any(|j| {
                        j != last + 1
                            && (0..len).all(|q| cx.tok(j + q) == cx.tok(last + 1 + q))
                            && !cx.is_capword(j - 1)
                            && !matches!(cx.low(j - 1), "and" | "&")
                            && (j + len >= n || !cx.is_capword(j + len))
                    })
                };
                // (Also over a capitalised article: "The AI Safety and
                // Security Board" opening a sentence.)
                let two_words_from = |lead: usize| {
                    last - lead == 2
                        && !is_head(cx.tok(last - 1))
                        && !is_legal_form(lx, cx.tok(lead))
                        && !lx.first_names.contains(cx.tok(lead))
                        && !lx.is_place(cx.tok(lead))
                        && !lx.is_place(cx.span(lead, last))
                };
                let two_word_left =
                    two_words_from(first) || (cx.tok_is(first, "The") && two_words_from(first + 1));
                if k - (last + 1) >= 2
                    && ((last - first == 1
                        && (lx.agency_heads.contains(end_word)
                            || lx.firm_heads.contains(end_word)))
                        || (two_word_left
                            && (lx.agency_heads.contains(end_word)
                                || lx.weak_agency_heads.contains(end_word))))
                    && (last - first == 1 || two_word_left)
                    && !tail_of_known
                    && !named_alone()
                {
                    last = k;
                    continue;
                }
                // "National Distillers and Chemical Corp", "D and K
                // Financial Corp": words with no legal form, "and", and a
                // run ending in one are one firm's name.
                // Not inside a list ("Wagner and Brown and AFG Industries
                // Inc") nor after a known name ("Merrill Lynch Capital
                // Markets and Salomon Brothers Inc").
                let in_list = first > 0
                    && (covered[first - 1] || matches!(cx.low(first - 1), "and" | "&" | ","));
                // (Nor after three words closed by a firm's head, a whole
                // name: "Toronto Dominion Bank and Ford Motor Credit Co".)
                let headed_three = last - first == 3
                    && lx.firm_heads.contains(cx.tok(last - 1))
                    && (last + 1..k)
                        .filter(|&q| !lx.is_legal_suffix(cx.tok(q)))
                        .count()
                        >= 3;
                if k - (last + 1) >= 2
                    && lx.is_legal_suffix(end_word)
                    && last - first <= 3
                    && !headed_three
                    && (first..last).all(|q| !is_legal_form(lx, cx.tok(q)))
                    && !in_list
                {
                    last = k;
                    continue;
                }
                // "Texaco Refining and Marketing", "National Steel and
                // Shipbuilding": a trade word after "and" that the story
                // never names alone ends the same name.
                if k == last + 2
                    && matches!(
                        cx.tok(last + 1),
                        "Marketing"
                            | "Shipbuilding"
                            | "Refining"
                            | "Engineering"
                            | "Construction"
                            | "Development"
                            | "Manufacturing"
                            | "Distribution"
                            | "Exploration"
                            | "Production"
                            | "Mining"
                            | "Smelting"
                            | "Drydock"
                            | "Supply"
                            | "Research"
                    )
                    && !named_alone()
                {
                    last = k;
                    continue;
                }
                // "Scottish and Newcastle (S&N)": an ampersand acronym of
                // the words right after.
                if ampersand_acronym_after(cx, first, k) {
                    last = k;
                    continue;
                }
            }
            // Legal suffix with a dot ("Inc.") or after a comma ("Acme, Inc.").
            if low == ","
                && last + 1 < n
                && lx.is_legal_suffix(cx.tok(last + 1))
                && cx.is_capword(last + 1)
            {
                last += 2;
                continue;
            }
            break;
        }
        // Trim trailing connectors/hyphens (cannot happen by construction, but be safe).
        while last > first + 1 && !cx.is_capword(last - 1) {
            last -= 1;
        }
        // Drop leading words that are not part of a name: determiners,
        // titles, sentence openers that are common words. A name that ends
        // in an organisation head keeps them ("Sunday Times").
        // A capitalised "The" opening a sentence introduces such a name
        // too: "The Sunday Times and The Sunday Telegraph say ...".
        let article = cx.tok_is(first, "The") && last - first >= 3;
        let core = if article { first + 1 } else { first };
        let whole_is_org = last - core >= 2 && {
            let end = cx.tok(last - 1);
            (lx.firm_heads.contains(end) || lx.is_legal_suffix(end))
                && !lx.not_names.contains(cx.tok(core + 1))
                && (article
                    || (!matches!(cx.low(first), "the" | "a" | "an" | "this" | "that" | "its")
                        && !cx.sentence_start(first)))
        };
        if whole_is_org {
            first = core;
        }
        while first < last && !whole_is_org {
            // "Nor-Quest Resources": a word glued by a hyphen to the next
            // capitalised word is part of the name.
            let glued = first + 2 < last
                && cx.tok(first).len() > 1
                && cx.tok_is(first + 1, "-")
                && !cx.tokens[first + 1].space_before
                && !cx.tokens[first + 2].space_before
                && cx.is_capword(first + 2);
            // "AI Safety and Security Board", "IT Modernization Council": a
            // technology field's acronym names a body's remit.
            let field_of_body = last - first >= 2
                && matches!(
                    cx.tok(first),
                    "AI" | "A.I." | "GenAI" | "IT" | "ICT" | "IoT" | "R&D"
                )
                && {
                    let end = cx.tok(last - 1);
                    lx.agency_heads.contains(end)
                        || lx.weak_agency_heads.contains(end)
                        || BODY_HEADS.contains(end)
                        || LEADING_HEADS.contains(end)
                };
            let not_name = !glued
                && !field_of_body
                && (lx.not_names.contains(cx.tok(first)) || shouted_not_name(cx, first));
            let common_opener = !not_name
                && cx.sentence_start(first)
                && lowercase_words.contains(cx.lowercase(first).as_ref());
            if not_name || common_opener {
                first += 1;
                while first < last && !cx.is_capword(first) {
                    first += 1;
                }
                continue;
            }
            break;
        }
        // "Kidder, Peabody and Co", "Bear, Stearns and Co": a one-word name,
        // a comma and a name in "and Co" are one firm's name.
        if last - first >= 3
            && first >= 2
            && and_co_at(cx, first + 1)
            && cx.tok_is(first - 1, ",")
            && out
                .last()
                .is_some_and(|c: &Chunk| c.first + 2 == first && c.last + 1 == first)
            && !lx.is_place(cx.tok(first - 2))
            && lx.country(cx.tok(first - 2)).is_none()
        {
            out.pop();
            first -= 2;
        }
        if first < last {
            // Split at person titles inside: "Defense Secretary Pete Hegseth";
            // not in an office's name ("Office of the Chief Information
            // Officer").
            let office = LEADING_HEADS.contains(cx.tok(first))
                && first + 1 < last
                && CONNECTORS.contains(&cx.low(first + 1));
            let mut start = first;
            let mut k = if office { last } else { first };
            while k < last {
                let lw = cx.low(k);
                // "US Treasury Under-Secretary John Taylor".
                let hyphen_title = matches!(lw, "under" | "vice")
                    && k + 3 < last
                    && cx.tok_is(k + 1, "-")
                    && lx.person_titles.contains(cx.low(k + 2));
                if (lx.person_titles.contains(lw) || hyphen_title) && k + 1 < last {
                    // A two-word title starts a word earlier: "Senate |
                    // Majority Leader Roger Moe" (but "U.S. Treasury |
                    // Secretary James Baker").
                    if k > start + 1
                        && !lx.agency_heads.contains(cx.tok(k - 1))
                        && (k > start + 2 || lx.agency_heads.contains(cx.tok(start)))
                        && lx
                            .person_titles
                            .contains(format!("{} {lw}", cx.low(k - 1)).as_str())
                    {
                        k -= 1;
                    }
                    if k > start {
                        out.push(Chunk {
                            first: start,
                            last: k,
                        });
                    }
                    out.push(Chunk { first: k, last });
                    start = last;
                    break;
                }
                k += 1;
            }
            if start < last {
                out.push(Chunk { first: start, last });
            }
        }
        i = last.max(i + 1);
    }
    out
}

/// Whether an acronym in brackets right after tokens `first..last` joins
/// the initials of their capitalised words with `&` ("S&N" after "Scottish
/// and Newcastle", "M&S" after "Marks and Spencer"): firms name themselves
/// so.
fn ampersand_acronym_after(cx: &Context<'_>, first: usize, last: usize) -> bool {
    if last + 2 >= cx.tokens.len() || !cx.tok_is(last, "(") || !cx.tok_is(last + 2, ")") {
        return false;
    }
    let acr = cx.tok(last + 1);
    if !acr.contains('&') {
        return false;
    }
    let letters = acr.chars().filter(|c| *c != '&');
    let initials = (first..last)
        .filter(|&k| cx.is_capword(k))
        .filter_map(|k| cx.tok(k).chars().next());
    letters.eq(initials)
}

/// Classify a chunk by its words.
fn classify(cx: &Context<'_>, c: &Chunk) -> Class {
    let lx = cx.lexicon;
    let is_word = |i: &usize| cx.tokens[*i].kind == TokKind::Word;
    let (Some(first_i), Some(last_i)) = (
        (c.first..c.last).find(is_word),
        (c.first..c.last).rfind(is_word),
    ) else {
        return Class::Drop;
    };
    let words: Vec<&str> = (first_i..=last_i)
        .filter(is_word)
        .map(|i| cx.tok(i))
        .collect();
    let (first_w, last_w) = (cx.tok(first_i), cx.tok(last_i));
    // A firm's board is no body of its own: "the Halvorsen Corp Board of
    // Directors authorized ...".
    if words.len() >= 3
        && words[words.len() - 3..]
            .iter()
            .map(|w| w.to_ascii_lowercase())
            .eq(["board", "of", "directors"])
    {
        return Class::Drop;
    }
    // One word opening a longer "of the" name the chunker left: "News" of
    // "the News of the World" is no name of its own (not before a place:
    // "Kestrel of the Netherlands").
    if first_i == last_i
        && last_i + 3 < cx.tokens.len()
        && cx.low_is(last_i + 1, "of")
        && cx.tok_is(last_i + 2, "the")
        && cx.is_capword(last_i + 3)
        && !lx.is_place(cx.tok(last_i + 3))
        && lx.country(cx.tok(last_i + 3)).is_none()
        && !lx.firm_heads.contains(last_w)
        && !lx.agency_heads.contains(last_w)
    {
        return Class::Drop;
    }
    // "a U.S. Company", "a German Bank": an indefinite article before a
    // place and a generic head describes some firm, it names none.
    if c.first > 0
        && matches!(cx.low(c.first - 1), "a" | "an")
        && words.len() >= 2
        && matches!(
            last_w,
            "Company" | "Corporation" | "Firm" | "Bank" | "Group" | "Concern" | "Companies"
        )
        && words[..words.len() - 1].iter().all(|w| {
            lx.is_place(w) || lx.is_demonym(w) || matches!(*w, "U.S." | "US" | "UK" | "U.K.")
        })
    {
        return Class::Drop;
    }
    // Titles make a person: "Mr Khodorkovsky", "President Bush"; not a
    // body's name of three words or more that a body's head ends: "the
    // Engineer Research and Development Center".
    let first_low = cx.lowercase(first_i);
    let body_named = words.len() >= 3
        && (lx.agency_heads.contains(last_w)
            || lx.weak_agency_heads.contains(last_w)
            || BODY_HEADS.contains(last_w));
    if lx.person_titles.contains(first_low.as_ref()) && !body_named {
        return Class::Person;
    }
    if words.len() >= 3 && lx.opens_title_phrase(&first_low) {
        let two = format!("{} {}", first_w, words[1]).to_lowercase();
        if lx.person_titles.contains(two.as_str()) {
            return Class::Person;
        }
    }
    // A title on the same line of the same sentence: a headline ending in
    // "CEO" says nothing of the first name of the story.
    if c.first > 0
        && cx.tok_sentence[c.first - 1] == cx.tok_sentence[c.first]
        && !cx.tokens[c.first].newline_before
    {
        let prev = cx.low(c.first - 1);
        let prev2 = if c.first > 1 { cx.low(c.first - 2) } else { "" };
        if lx.person_titles.contains(prev) && !lx.firm_cues.contains(prev) {
            return Class::Person;
        }
        // "Dr. Foster", but not "...chief executive officer. Foster's spent":
        // the full stop must not end a sentence.
        if prev == "." && lx.person_titles.contains(prev2) {
            return Class::Person;
        }
    }
    // A name running into a title is a person's affiliation, not a name:
    // "Army Lt. Col. Craig McNab", "Senate Majority Leader Roger Moe".
    // An organisation head keeps the name: "Office of the Chief Information
    // Officer", "U.S. Treasury Secretary James Baker"; so does a title of
    // nobility, which firms take as names ("P&O Princess").
    if words.len() >= 2
        && !LEADING_HEADS.contains(first_w)
        && !lx.agency_heads.contains(last_w)
        && !lx.is_legal_suffix(last_w)
    {
        let last_low = cx.lowercase(last_i);
        let next = if c.last < cx.tokens.len() {
            cx.low(c.last)
        } else {
            ""
        };
        let noble = matches!(
            last_low.as_ref(),
            "prince"
                | "princess"
                | "king"
                | "queen"
                | "lord"
                | "lady"
                | "duke"
                | "duchess"
                | "baron"
                | "baroness"
                | "dame"
                | "sir"
        );
        if (lx.person_titles.contains(last_low.as_ref()) && !noble)
            || (lx.opens_title_phrase(&last_low)
                && lx
                    .person_titles
                    .contains(format!("{last_low} {next}").as_str()))
        {
            return Class::Drop;
        }
    }
    // "Marks and Spencer (M&S)".
    if words.len() >= 3 && ampersand_acronym_after(cx, c.first, c.last) {
        return Class::StrongOrg(EntityKind::Firm);
    }
    // Legal suffix or firm head: a firm.
    if words.len() >= 2 && lx.is_legal_suffix(last_w) {
        return Class::StrongOrg(EntityKind::Firm);
    }
    // "the Government of Thailand": that country's government.
    if c.last - c.first >= 3 && cx.tok_is(c.first, "Government") && cx.low_is(c.first + 1, "of") {
        let from = if cx.low_is(c.first + 2, "the") {
            c.first + 3
        } else {
            c.first + 2
        };
        if from < c.last {
            if let Some(&ci) = lx.country_names.get(cx.span(from, c.last)) {
                return Class::Country(ci);
            }
        }
    }
    // A country's own name of several words ("Soviet Union", "United Arab
    // Emirates") before any organisation head in it.
    if words.len() >= 2 {
        if let Some(&ci) = lx.country_names.get(cx.span(c.first, c.last)) {
            return Class::Country(ci);
        }
    }
    // Laws, programmes, events: not organisations ("Taxpayer Receipt Act"),
    // unless the name opens with an organisation head ("Office of ..."),
    // whose possessive then owns no programme ("the Partnership for Public
    // Service's AI Federal Leadership Program").
    if lx.is_non_org_head(last_w)
        && !(words.len() >= 2
            && LEADING_HEADS.contains(first_w)
            && (c.first..c.last).any(|i| matches!(cx.low(i), "of" | "on" | "for"))
            && !(c.first..c.last).any(|i| cx.tokens[i].kind == TokKind::Possessive))
    {
        return Class::Drop;
    }
    // Demonyms count through `country`, which knows them too.
    let has_qualifier = || {
        words
            .iter()
            .any(|w| lx.agency_qualifiers.contains(w) || lx.country(w).is_some())
    };
    let connector = (c.first + 1..c.last).find(|&i| matches!(cx.low(i), "of" | "on" | "for"));
    let has_of = connector.is_some();
    // The head an "of" phrase hangs on: "Department" in "Minnesota
    // Department of Commerce", "Bank" in "Kestrel Bank of Commerce"; when
    // the word before "of" is no head, the first word.
    let lead_i = connector.map(|k| k - 1).filter(|&k| {
        let w = cx.tok(k);
        LEADING_HEADS.contains(w)
            || BODY_HEADS.contains(w)
            || lx.agency_heads.contains(w)
            || lx.weak_agency_heads.contains(w)
            || lx.firm_heads.contains(w)
    });
    let lead_i = lead_i.unwrap_or(first_i);
    let lead_w = cx.tok(lead_i);
    // A body's head opening the name heads it, whatever its remit after
    // "of" or "for": "Partnership for Public Service", "Institute of
    // Economic Affairs" (not a government's: "Council of the European
    // Union", "Institute of National Affairs").
    let body_led = || {
        has_of
            && lead_i == first_i
            && BODY_HEADS.contains(first_w)
            && !words.iter().any(|w| {
                lx.country(w).is_some()
                    || matches!(
                        *w,
                        "National" | "European" | "Government" | "Royal" | "Crown"
                    )
            })
    };
    if words.len() >= 2 && lx.agency_heads.contains(last_w) {
        if body_led() {
            return Class::StrongOrg(EntityKind::Firm);
        }
        return Class::StrongOrg(EntityKind::Agency);
    }
    // "Working Group" heads a body as a weak agency head does: "the AI and
    // Open Government Data Assets Working Group".
    let working_group = words.len() >= 3 && words[words.len() - 2..] == ["Working", "Group"];
    if words.len() >= 2 && (lx.weak_agency_heads.contains(last_w) || working_group) {
        return if has_qualifier() && !body_led() {
            Class::StrongOrg(EntityKind::Agency)
        } else {
            Class::StrongOrg(EntityKind::Firm)
        };
    }
    if words.len() >= 2
        && (lx.agency_heads.contains(lead_w)
            || (lx.weak_agency_heads.contains(lead_w) && (has_of || has_qualifier())))
        && (has_of || lx.agency_heads.contains(lead_w))
        // ("Embassy Communications", "County Bancorp": a firm's head last;
        // not a committee's field, "Senate Banking").
        && (has_of
            || !lx.firm_heads.contains(last_w)
            || matches!(last_w, "Finance" | "Banking" | "Insurance" | "Energy"))
    {
        if BODY_HEADS.contains(lead_w) && !has_qualifier() {
            return Class::StrongOrg(EntityKind::Firm);
        }
        return Class::StrongOrg(EntityKind::Agency);
    }
    // A firm head before "of" makes a firm when a name precedes it
    // ("Industrial Bank of Japan"); opening the name, only a financial
    // house's head does ("Bank of Tokyo", not "Herald of Free Enterprise").
    let firm_of = has_of
        && lx.firm_heads.contains(lead_w)
        && (lead_i != first_i
            || matches!(
                lead_w,
                "Bank" | "Trust" | "Insurance" | "Assurance" | "Group" | "Securities" | "Holdings"
            ));
    if words.len() >= 2
        && (BODY_HEADS.contains(last_w) || (has_of && BODY_HEADS.contains(lead_w)) || firm_of)
    {
        return Class::StrongOrg(EntityKind::Firm);
    }
    if words.len() >= 2 && lx.firm_heads.contains(last_w) && !lx.is_place(first_w) {
        return Class::StrongOrg(EntityKind::Firm);
    }
    // A place, a word of the firm's own and a firm's head: "Korea
    // Development Bank", "China Aviation Oil" (not "London Stock Exchange
    // Group", named by the gazetteer, nor a second place: "Hong Kong Bank").
    if words.len() == 3
        && lx.firm_heads.contains(last_w)
        && lx.is_place(first_w)
        && !lx.is_place(words[1])
        && !lx.is_place(cx.span(first_i, first_i + 2))
        && !lx.firm_heads.contains(words[1])
        && !lx.not_names.contains(words[1])
        && !lx.agency_qualifiers.contains(words[1])
        // (Not a portfolio before its holder's title, "Queensland Primary
        // Industries Minister", nor the start of a longer run over "and",
        // "the Texas Electronic Mail and Solicitation Act".)
        && !(last_i + 1 < cx.tokens.len() && lx.person_titles.contains(cx.low(last_i + 1)))
        && !(last_i + 2 < cx.tokens.len()
            && cx.low_is(last_i + 1, "and")
            && cx.is_capword(last_i + 2))
    {
        return Class::StrongOrg(EntityKind::Firm);
    }
    if words.len() >= 2 && matches!(first_w, "Group" | "Grupo" | "Banco" | "Banca") {
        return Class::StrongOrg(EntityKind::Firm);
    }
    // Persons by first name.
    if words.len() >= 2 && lx.first_names.contains(first_w) {
        return Class::Person;
    }
    if words.len() == 3 && words[1].len() <= 2 && words[1].ends_with('.') {
        return Class::Person;
    }
    // "State of California", "Government of India": a government.
    if words.len() >= 3
        && matches!(
            first_w,
            "State" | "Government" | "Republic" | "Kingdom" | "Commonwealth"
        )
        && cx.low_is(c.first + 1, "of")
    {
        return Class::StrongOrg(EntityKind::Agency);
    }
    // "Argentine State", "Italian Government": the country's government,
    // handled with the country names.
    if words.len() == 2
        && lx.country(first_w).is_some()
        && matches!(
            last_w,
            "State" | "Government" | "Administration" | "Authorities"
        )
    {
        return Class::Drop;
    }
    // Places and countries.
    if words.len() == 1 {
        if let Some(&ci) = lx.country_names.get(first_w) {
            return Class::Country(ci);
        }
        if lx.is_demonym(first_w) {
            return Class::Drop;
        }
    }
    if lx.is_place(cx.span(c.first, c.last))
        || words.iter().all(|w| lx.is_place(w) || lx.is_demonym(w))
    {
        return Class::Place;
    }
    if lx.not_names.contains(first_w) && words.len() == 1 {
        return Class::Drop;
    }
    // A web address as a name: "Shopping.com", "Amazon.com".
    if words.len() == 1 && is_domain_name(first_w) {
        return Class::StrongOrg(EntityKind::Firm);
    }
    // Acronyms and other names: organisations if context says so.
    if words.len() == 1 && is_acronym_shape(first_w) {
        return Class::Org(EntityKind::Firm);
    }
    Class::Unknown
}

/// Whether a capitalised word is a company's web address ("Shopping.com"):
/// a name of two letters or more, then ".com" or ".net".
/// Whether an amount of money invested ends right before token `at`:
/// "invested $15 million", "poured 200 mln dlrs", "invests about $1bn".
fn invested_amount_before(cx: &Context<'_>, at: usize) -> bool {
    let sent = cx.tok_sentence[at];
    let mut k = at;
    let mut amount = false;
    while k > 0 && cx.tok_sentence[k - 1] == sent && at - k < 6 {
        let w = cx.low(k - 1);
        // ("2bn", "1.5m" are one token.)
        let number = cx.tokens[k - 1].kind == TokKind::Number
            || w.as_bytes().first().is_some_and(u8::is_ascii_digit);
        if number
            || matches!(
                w,
                "$" | "\u{a3}"
                    | "\u{20ac}"
                    | "million"
                    | "billion"
                    | "mln"
                    | "bln"
                    | "bn"
                    | "m"
                    | "dlrs"
                    | "dollars"
                    | "euros"
                    | "pounds"
            )
        {
            amount |= number;
            k -= 1;
        } else if matches!(
            w,
            "about" | "some" | "nearly" | "almost" | "another" | "an" | "additional"
        ) {
            k -= 1;
        } else {
            break;
        }
    }
    amount
        && k < at
        && k > 0
        && cx.tok_sentence[k - 1] == sent
        && matches!(
            cx.low(k - 1),
            "invested" | "invest" | "invests" | "investing" | "poured" | "pumped" | "injected"
        )
}

fn is_domain_name(w: &str) -> bool {
    let lower = w.len() > 4 && w.is_char_boundary(w.len() - 4);
    let (stem, tld) = if lower {
        w.split_at(w.len() - 4)
    } else {
        return false;
    };
    (tld.eq_ignore_ascii_case(".com") || tld.eq_ignore_ascii_case(".net"))
        && stem.len() >= 2
        && stem.starts_with(|c: char| c.is_uppercase())
        && stem.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// Context around a chunk that shows it is an organisation, and of which kind.
fn org_cue(cx: &Context<'_>, first: usize, last: usize) -> Option<EntityKind> {
    let lx = cx.lexicon;
    let n = cx.tokens.len();
    let sent = cx.tok_sentence[first];
    // A continent's or country's adjective alone names no body ("European
    // shares fell", "its South African subsidiary"); "Continental" or
    // "Western" alone may be a firm's short name.
    if (last - first == 1
        && matches!(
            cx.tok(first),
            "European" | "Asian" | "African" | "Arab" | "Nordic" | "Scandinavian" | "Latin"
        ))
        || (last - first == 2 && lx.is_demonym(cx.span(first, last)))
    {
        return None;
    }
    // "its former owner Mihkail Khodorkovsky, who is facing a prison
    // term": a name a "who" clause describes is a person's.
    if last + 1 < n
        && cx.tok_sentence[last + 1] == sent
        && cx.tok(last) == ","
        && cx.low_is(last + 1, "who")
    {
        return None;
    }
    // Left: a cue noun right before, possibly after an article/adjectives:
    // "Australian wine maker Southcorp", "rival Verizon".
    if first > 0 && cx.tok_sentence[first - 1] == sent {
        let prev = cx.low(first - 1);
        if lx.firm_cues.contains(prev) {
            return Some(EntityKind::Firm);
        }
        if lx.agency_cues.contains(prev) {
            return Some(EntityKind::Agency);
        }
        // "Ohio-based Quellmark".
        let hyphened = |w: &str| {
            prev == w
                && first >= 2
                && cx.tok_is(first - 2, "-")
                && !cx.tokens[first - 1].space_before
        };
        // Not a fragment of a name that a line break or "and" splits
        // ("analyst at First\nOptions of Chicago", "at Fact and Opinion
        // Economics"), nor a generic word. Tested once a cue fires.
        let generic = || {
            let continued = last < n
                && cx.tok_sentence[last] == sent
                && ((cx.tokens[last].newline_before && cx.is_capword(last))
                    || (matches!(cx.low(last), "and" | "&")
                        && last + 1 < n
                        && cx.is_capword(last + 1)));
            continued || generic_word(cx, first, last)
        };
        // A later member of a list after a plural cue: "hedge funds TCI
        // and Atticus", "rivals A, B and C".
        // (Not a cut abbreviation, "St. Joe Minerals", "Norsk Agip A/S",
        // nor after a title, "competitors The Aviator and Finding
        // Neverland".)
        let cut = (last - first == 1 && cx.tok(first).len() < 3)
            || (last + 1 < n
                && matches!(cx.tok(last), "." | "/")
                && !cx.tokens[last].space_before
                && cx.tok_sentence[last + 1] == sent);
        // The first member of a list a plural cue opens: "firms such as
        // X", "rivals, including X", "four companies, X".
        if plural_list_opener(cx, first - 1)
            && !cut
            && !noun_follows(cx, last)
            && !generic_word(cx, first, last)
        {
            return Some(EntityKind::Firm);
        }
        if matches!(prev, "and" | ",") && !cut && !generic_word(cx, first, last) {
            let mut k = first - 1;
            let mut members = 0;
            while members < 6 {
                if cx.low_is(k, "and") && k > 0 && cx.tok_is(k - 1, ",") {
                    k -= 1;
                }
                let mut q = k;
                while q > 0
                    && cx.tok_sentence[q - 1] == sent
                    && (cx.is_capword(q - 1) || cx.tok_is(q - 1, "&"))
                {
                    q -= 1;
                }
                if q == k || q == 0 || cx.tok_sentence[q - 1] != sent {
                    break;
                }
                members += 1;
                if cx.tok_is(q, "The") {
                    break;
                }
                let w = cx.low(q - 1);
                if plural_list_opener(cx, q - 1) {
                    return Some(EntityKind::Firm);
                }
                if matches!(w, "and" | ",") {
                    k = q - 1;
                    continue;
                }
                if w.ends_with('s') && lx.firm_cues.contains(w) {
                    return Some(EntityKind::Firm);
                }
                break;
            }
        }
        // "-based" after a place: "Ohio-based", "London-based"; not
        // "Windows-based", nor before a noun ("Dallas-based Hunt brothers").
        let stem = if let Some(stem) = prev.strip_suffix("-based") {
            // (The lowercase form may differ in length: no slicing past it.)
            cx.tok(first - 1).get(..stem.len())
        } else if first >= 3 && (hyphened("based") || hyphened("headquartered")) {
            Some(cx.tok(first - 3))
        } else {
            None
        };
        if let Some(stem) = stem {
            if (lx.is_place(stem) || lx.country(stem).is_some())
                && !noun_follows(cx, last)
                && !generic()
            {
                return Some(EntityKind::Firm);
            }
        }
        // "chief executive of X", "analysts at X": a company's people. Not
        // when a noun follows the name ("founder of Jewish rights group").
        if matches!(prev, "of" | "at" | "with" | "for") && first >= 2 {
            let p2 = cx.low(first - 2);
            let p3 = if first >= 3 { cx.low(first - 3) } else { "" };
            let of_title = prev == "of"
                && (EXEC_TITLE_WORDS.contains(p2)
                    || (p2 == "executive" && p3 == "chief")
                    || (p2 == "officer" && p3 == "executive"))
                && !noun_follows(cx, last);
            // ("chief economist with Eaton Vance Management", "UK economist
            // for Capital Economics"; not an expert, who may be at a place:
            // "seismic experts at Shizuoka".)
            let at_staff = matches!(prev, "at" | "with" | "for") && COMMENTING_ROLES.contains(&p2);
            // "economist Gary Thayer of AG Edwards & Sons": a commentator
            // named, then the firm (not a name cut at an initial, "Sanford
            // C. Bernstein").
            let named_staff = prev == "of" && cx.tok(last - 1).len() > 1 && {
                let mut k = first - 1;
                while k > 0 && first - 1 - k < 3 && cx.is_capword(k - 1) {
                    k -= 1;
                }
                k + 1 < first && k > 0 && COMMENTING_ROLES.contains(&cx.low(k - 1))
            };
            // "said Steve Chronowitz of Smith Barney", "Sanford Margoshes
            // of Shearson said": a person quoted, then where they work. (Not
            // a place, which is no chunk asked about here, nor a name a
            // noun follows.)
            let said_staff = matches!(prev, "of" | "at") && {
                let mut k = first - 1;
                let end = k;
                while k > 0 && end - k < 3 && cx.tok_sentence[k - 1] == sent && cx.is_capword(k - 1)
                {
                    k -= 1;
                }
                let person = end - k >= 2
                    && (lx.first_names.contains(cx.tok(k))
                        || matches!(cx.tok(k), "Mr" | "Mrs" | "Ms" | "Dr"));
                let said = |i: usize| matches!(cx.low(i), "said" | "says");
                let before = k > 0 && cx.tok_sentence[k - 1] == sent && said(k - 1);
                let after = last < n && cx.tok_sentence[last] == sent && said(last);
                // (Not a name cut at an initial, "Sanford C. Bernstein", nor
                // a party, "of Aldridge Browhills Conservatives", nor a
                // hometown, "Mr Skeens of Brownsville", which commas often
                // set off: "Tony Martin, of Burnley, said".)
                let w = cx.tok(last - 1);
                let hometown = last - first == 1
                    && ["ville", "burg", "burgh", "vania", "shire", "town", "field"]
                        .iter()
                        .any(|s| w.ends_with(s));
                person
                    && (before || after)
                    && w.len() > 1
                    && !lx.not_names.contains(w)
                    && !hometown
                    && !noun_follows(cx, last)
            };
            if (of_title || at_staff || named_staff || said_staff) && !generic() {
                return Some(EntityKind::Firm);
            }
        }
        // "shares in X", "bid for X", "bought X".
        for words in ORG_LEFT_WORDS.get(prev).into_iter().flatten() {
            let len = words.len();
            if first >= len
                && words
                    .iter()
                    .rev()
                    .enumerate()
                    .all(|(k, w)| cx.low(first - 1 - k) == *w)
            {
                return Some(EntityKind::Firm);
            }
        }
        // "invested $15 million in Carbyne": money put into a name.
        if prev == "in"
            && invested_amount_before(cx, first - 1)
            && !noun_follows(cx, last)
            && !generic()
        {
            return Some(EntityKind::Firm);
        }
        // "Germany's Hexal", "Spain's Iberia": a country's named body; not
        // a commodity or sector word ("Russia's Gold", "Britain's Steel").
        if first >= 2
            && cx.tokens[first - 1].kind == TokKind::Possessive
            && lx.country(cx.tok(first - 2)).is_some()
            && !(last - first == 1 && lx.firm_heads.contains(cx.tok(first)))
        {
            return Some(EntityKind::Firm);
        }
    }
    // Right: possessive + company noun, or a company verb/noun after.
    if last < n && cx.tok_sentence[last] == sent {
        let next = cx.low(last);
        if cx.tokens[last].kind == TokKind::Possessive && last + 1 < n {
            let mut k = last + 1;
            // Skip one adjective: "X's new chief executive".
            if k + 1 < n && !FIRM_POSSESSIONS.contains(cx.low(k)) {
                k += 1;
            }
            if FIRM_POSSESSIONS.contains(cx.low(k)) {
                return Some(EntityKind::Firm);
            }
        }
        // "its Sandoz unit", "the Interfax news agency".
        if RIGHT_FIRM_NOUNS.contains(&next) {
            return Some(EntityKind::Firm);
        }
        // "the Deutsche Welle radio station reported", "the Kestrel TV
        // channel".
        if matches!(next, "radio" | "television" | "tv")
            && last + 1 < n
            && cx.tok_sentence[last + 1] == sent
            && matches!(
                cx.low(last + 1),
                "station" | "stations" | "network" | "channel" | "broadcaster"
            )
        {
            return Some(EntityKind::Firm);
        }
        // "Quellmark CEO Jane Doyle", "Quellmark chief executive Jane Doyle".
        let title_end = if EXEC_TITLE_WORDS.contains(next) {
            Some(last + 1)
        } else if next == "chief" && last + 1 < n && cx.low_is(last + 1, "executive") {
            Some(last + 2)
        } else {
            None
        };
        // Not in capitals ("CUMMIN NAMED CHAIRMAN OF ..."), not after a
        // generic head ("Committee chairman Alan Beith") or a title's own
        // first word ("Vice Chairman").
        if let Some(k) = title_end {
            if k < n
                && cx.tok_sentence[k] == sent
                && cx.is_capword(k)
                && !shouted(cx.tok(k))
                && !shouted(cx.tok(last))
                && !TITLE_PREFIXES.contains(cx.tok(last - 1))
                && !generic_word(cx, first, last)
            {
                return Some(EntityKind::Firm);
            }
        }
        // "Quellmark (NYSE: QMK)".
        if next == "("
            && last + 1 < n
            && EXCHANGES.contains(cx.tok(last + 1))
            && !generic_word(cx, first, last)
        {
            return Some(EntityKind::Firm);
        }
        // "from Sal Oppenheim investment bank", "the Argonaut games group":
        // one or two sector words, then a company noun, the phrase opened by
        // a determiner or a preposition. Not when a name follows the noun
        // ("Japanese car maker Mitsubishi") or an indefinite article or an
        // adjective opens the phrase ("a City investment bank", "leading
        // European car maker"): the chunk then only describes.
        let determined = first > 0
            && cx.tok_sentence[first - 1] == sent
            && matches!(
                cx.low(first - 1),
                "the" | "its" | "their" | "his" | "her" | "from" | "at" | "of" | "by" | "with"
            );
        if determined && SECTOR_WORDS.contains(next) {
            let mut k = last + 1;
            if k < n && SECTOR_WORDS.contains(cx.low(k)) {
                k += 1;
            }
            let named_after = k + 1 < n
                && cx.tok_sentence[k + 1] == sent
                && cx
                    .tok(k + 1)
                    .starts_with(|c: char| c.is_uppercase() || c == '<');
            if k < n
                && cx.tok_sentence[k] == sent
                && SECTOR_HEADS.contains(cx.low(k))
                && !named_after
            {
                return Some(EntityKind::Firm);
            }
        }
        if next == "news"
            && last + 1 < n
            && matches!(
                cx.low(last + 1),
                "agency" | "service" | "channel" | "network"
            )
        {
            return Some(EntityKind::Firm);
        }
        if ORG_RIGHT_CONTEXT.contains(next) {
            // "X shares", "X announced" — persons announce too; require the
            // name not to look like a person (checked by the caller's class).
            // Not "European stock market", "Asian shares".
            let market = last + 1 < n
                && matches!(
                    cx.low(last + 1),
                    "market"
                        | "markets"
                        | "exchange"
                        | "exchanges"
                        | "index"
                        | "indices"
                        | "prices"
                );
            let place_word = (first..last).all(|k| {
                lx.is_place(cx.tok(k))
                    || lx.is_demonym(cx.tok(k))
                    || lx.country(cx.tok(k)).is_some()
            });
            if matches!(next, "shares" | "shareholders" | "stock") && !market && !place_word {
                return Some(EntityKind::Firm);
            }
        }
        // "purchased Golden West for $25 billion": what is bought for a sum
        // of money is a firm (not "purchased Rekognition").
        if next == "for"
            && first >= 1
            && matches!(cx.low(first - 1), "purchased" | "purchase" | "purchases")
            && last + 1 < n
            && cx.tok_sentence[last + 1] == sent
            && (matches!(cx.low(last + 1), "$" | "\u{a3}" | "\u{20ac}")
                || cx.tokens[last + 1].kind == TokKind::Number)
        {
            return Some(EntityKind::Firm);
        }
        // "Fox Sports has acquired Impression Sports": a name of several
        // words that buys a capitalised name.
        let mut v = last;
        if matches!(next, "has" | "have" | "had") {
            v += 1;
        }
        if last - first >= 2
            && v + 1 < n
            && cx.tok_sentence[v + 1] == sent
            && matches!(
                cx.low(v),
                "acquired" | "acquires" | "bought" | "buys" | "purchased" | "purchases"
            )
            && cx.is_capword(v + 1)
            && !is_month(cx.low(v + 1))
            && !(first..last).any(|k| lx.is_place(cx.tok(k)))
        {
            return Some(EntityKind::Firm);
        }
        // "Celgene said its profit rose", "Celgene said on Tuesday it would
        // buy Receptos": a name that "it" takes up is an organisation's
        // (people are "he" and "she").
        if matches!(next, "said" | "says") {
            let s = &cx.sentences[sent as usize];
            let mut k = last + 1;
            while k < s.last && k < last + 6 && (said_when_word(cx.low(k)) || cx.low_is(k, "that"))
            {
                k += 1;
            }
            let its = k < s.last && cx.low_is(k, "its");
            let it_acts = k + 2 < s.last
                && cx.low_is(k, "it")
                && matches!(
                    cx.low(k + 1),
                    "would"
                        | "will"
                        | "had"
                        | "has"
                        | "plans"
                        | "planned"
                        | "expects"
                        | "agreed"
                        | "intends"
                        | "is"
                )
                && (k + 1..(k + 4).min(s.last)).any(|q| {
                    matches!(
                        cx.low(q),
                        "buy"
                            | "acquire"
                            | "sell"
                            | "merge"
                            | "invest"
                            | "cut"
                            | "raise"
                            | "agreed"
                            | "acquired"
                            | "bought"
                            | "sold"
                            | "signed"
                            | "won"
                            | "filed"
                            | "completed"
                            | "hire"
                            | "close"
                            | "launch"
                            | "pay"
                            | "appeal"
                            | "sue"
                    )
                });
            if (its || it_acts) && !generic_word(cx, first, last) {
                return Some(EntityKind::Firm);
            }
        }
        // "Tidewater Autonomy has raised $120 million in a Series C round":
        // money raised in a funding round.
        if v + 1 < n
            && cx.tok_sentence[v + 1] == sent
            && matches!(
                cx.low(v),
                "raised" | "raises" | "secured" | "secures" | "closed" | "closes"
            )
            && (matches!(cx.low(v + 1), "$" | "\u{a3}" | "\u{20ac}")
                || cx.tokens[v + 1].kind == TokKind::Number)
            && !(first..last).any(|k| lx.is_place(cx.tok(k)) || lx.country(cx.tok(k)).is_some())
        {
            let s = &cx.sentences[sent as usize];
            if (v + 2..s.last).any(|k| {
                matches!(
                    cx.low(k),
                    "round" | "funding" | "financing" | "series" | "seed"
                )
            }) {
                return Some(EntityKind::Firm);
            }
        }
        // Appositive: "Southcorp, Australia's biggest wine maker,". The
        // head noun of the phrase decides: "KK Mittal, a fund manager with
        // ..." is a person.
        // Also a predicate: "Square Enix is a Japanese video game company".
        // (Not an acronym, which its definition resolves: "BAS is a
        // subsidiary of BAA" after "British Airport Services (BAS)".)
        // ("Ask Jeeves has become the third leading online search firm".)
        let has_become =
            matches!(next, "has" | "had" | "have") && last + 1 < n && cx.low_is(last + 1, "become");
        let verb_end = if has_become { last + 2 } else { last + 1 };
        let predicate = (matches!(next, "is" | "was" | "became" | "remains") || has_become)
            && !(last - first == 1 && is_acronym_shape(cx.tok(first)))
            && verb_end < n
            && matches!(cx.low(verb_end), "a" | "an" | "the");
        if next == "," || predicate {
            let mut k = verb_end;
            let limit = (last + 10).min(n);
            let mut saw_article = false;
            let mut head: Option<&str> = None;
            while k < limit && cx.tok_sentence[k] == sent {
                let w = cx.low(k);
                // "a Norfolk, Virginia, company": a place's state or
                // country between commas is part of the description.
                if w == ","
                    && saw_article
                    && k + 2 < limit
                    && cx.low_is(k + 2, ",")
                    && cx.is_capword(k + 1)
                    && (lx.is_place(cx.tok(k + 1)) || lx.country(cx.tok(k + 1)).is_some())
                {
                    k += 3;
                    continue;
                }
                if w == "," || w == "." || w == ";" || w == "\u{2014}" || w == "-" {
                    break;
                }
                // A relative clause is not an appositive ("Liemandt, who
                // said he will leave the company after ..."), unless it only
                // describes: "X, which is Canada's biggest exchange".
                if !saw_article
                    && matches!(w, "who" | "which" | "that" | "where" | "when")
                    && !(k + 1 < limit && matches!(cx.low(k + 1), "is" | "was" | "are" | "were"))
                {
                    break;
                }
                if matches!(w, "the" | "a" | "an") || cx.tokens[k].kind == TokKind::Possessive {
                    saw_article = true;
                } else if saw_article
                    && (matches!(
                        w,
                        "with"
                            | "at"
                            | "of"
                            | "in"
                            | "for"
                            | "from"
                            | "which"
                            | "that"
                            | "who"
                            | "and"
                            | "to"
                            | "on"
                            | "behind"
                            | "by"
                            | "after"
                            | "over"
                            | "under"
                            | "between"
                            | "among"
                            | "against"
                            | "through"
                            | "into"
                            | "within"
                            | "about"
                    ) || cx.tokens[k].kind == TokKind::Punct)
                {
                    break;
                } else if predicate && head.is_some() && matches!(w, "this" | "last" | "next") {
                    // A time after a predicate's head: "has become the third
                    // leading online search firm this week".
                    break;
                } else if saw_article && cx.tokens[k].kind == TokKind::Word {
                    head = Some(w);
                }
                k += 1;
            }
            // (A predicate only by nouns that name nothing but a business:
            // "Ronaldo is a fantastic player", "Ed is a special advisor".)
            let business = |h: &str| {
                matches!(
                    h,
                    "company"
                        | "firm"
                        | "corporation"
                        | "conglomerate"
                        | "bank"
                        | "insurer"
                        | "airline"
                        | "carrier"
                        | "retailer"
                        | "manufacturer"
                        | "maker"
                        | "publisher"
                        | "subsidiary"
                        | "startup"
                        | "start-up"
                        | "brokerage"
                        | "lender"
                        | "utility"
                        | "chipmaker"
                        | "drugmaker"
                        | "automaker"
                        | "carmaker"
                        | "planemaker"
                )
            };
            if let Some(h) = head.filter(|&h| !predicate || business(h)) {
                if lx.person_titles.contains(h) {
                    return None;
                }
                if lx.firm_cues.contains(h) {
                    return Some(EntityKind::Firm);
                }
                if lx.agency_cues.contains(h) {
                    return Some(EntityKind::Agency);
                }
            }
        }
        // Legal suffix separated by a comma: "Acme, Inc."
        if next == "," && last + 1 < n && lx.is_legal_suffix(cx.tok(last + 1)) {
            return Some(EntityKind::Firm);
        }
    }
    None
}

/// Whether another country's adjective or possessive owns the ambiguous
/// form at `first` of a national body: "the Pakistani Army", "Japan's Navy"
/// are not the U.S. services the bare words stand for ("Britain's
/// Parliament" still is the U.K. one).
fn foreign_body(cx: &Context<'_>, first: usize, entry: usize) -> bool {
    if first == 0 {
        return false;
    }
    let mut k = first - 1;
    if cx.tokens[k].kind == TokKind::Possessive && k > 0 {
        k -= 1;
    }
    if cx.tok_sentence[k] != cx.tok_sentence[first] || !cx.is_capword(k) {
        return false;
    }
    let lx = cx.lexicon;
    let Some(before) = lx.country(cx.tok(k)) else {
        return false;
    };
    // The body's own country, from its full name ("U.S. Army", "Parliament
    // of the United Kingdom").
    let name = &cx.gazetteer.entries()[entry].name;
    let words: Vec<&str> = name.split(' ').collect();
    let own = (0..words.len()).find_map(|i| {
        lx.country(words[i]).or_else(|| {
            words
                .get(i + 1)
                .and_then(|next| lx.country(&format!("{} {next}", words[i])))
        })
    });
    own.is_some_and(|c| c.name != before.name)
}

/// Whether an ambiguous gazetteer form ("Apple", "Shell") is used as the
/// organisation here.
fn ambiguous_ok(
    cx: &Context<'_>,
    first: usize,
    last: usize,
    entry: usize,
    doc_has_entry: &HashSet<usize>,
) -> bool {
    if doc_has_entry.contains(&entry) {
        return true;
    }
    // Another entry with this one as parent or child is in the document.
    let e = &cx.gazetteer.entries()[entry];
    for &other in doc_has_entry {
        let o = &cx.gazetteer.entries()[other];
        if o.parent.as_deref() == Some(&e.id) || e.parent.as_deref() == Some(&o.id) {
            return true;
        }
    }
    // The last word of a longer name: "Tidewater Autonomy", a capitalised
    // word right before it in the same sentence (not an article opening
    // it, nor a country's "British").
    if first > 0
        && cx.tok_sentence[first - 1] == cx.tok_sentence[first]
        && cx.is_capword(first - 1)
        && !cx.tokens[first].newline_before
        && !matches!(cx.low(first - 1), "the" | "a" | "an" | "this" | "that" | "former" | "ex" | "then")
        && cx.lexicon.country(cx.tok(first - 1)).is_none()
        && !cx.lexicon.is_place(cx.tok(first - 1))
        // ("But Fox", "Former Treasury secretary", "President Ford".)
        && !cx.lexicon.not_names.contains(cx.tok(first - 1))
        && !cx.lexicon.person_titles.contains(cx.low(first - 1))
        && !cx.tokens[first - 1].all_caps
    {
        return false;
    }
    // The last word of another known name in the story, when that word
    // is no organisation's head: "United" in a story about Manchester
    // United (not "House" beside "White House").
    if last - first == 1 && e.name != cx.span(first, last) {
        let word = cx.tok(first);
        let ends_other = !org_head(cx.lexicon, word)
            && doc_has_entry.iter().any(|&o| {
                let o = &cx.gazetteer.entries()[o];
                o.id != e.id
                    && std::iter::once(&o.name).chain(o.aliases.iter()).any(|f| {
                        f.len() > word.len() + 1 && f.ends_with(word) && {
                            f.as_bytes()[f.len() - word.len() - 1] == b' '
                        }
                    })
            });
        if ends_other {
            return false;
        }
    }
    // A title after a capitalised "The" inside a sentence: "publishes The
    // Sun and the News of the World" names a newspaper, not Sun
    // Microsystems (an entry so named, "The Guardian", is that title).
    if first > 1
        && e.name != cx.span(first, last)
        && cx.tok_sentence[first - 2] == cx.tok_sentence[first]
        && cx.tok_is(first - 1, "The")
        && cx.tokens[first - 2].kind == TokKind::Word
        && !cx.tokens[first - 1].newline_before
    {
        return false;
    }
    // The first word of a longer capitalised name, for an entry named by
    // that one word: "Independent News & Media", "the Times-Picayune",
    // "Orange-Co Inc" (not before a title: "Nasdaq Chairman").
    if e.name == cx.span(first, last)
        && last + 1 < cx.tokens.len()
        && cx.tok_sentence[last] == cx.tok_sentence[first]
        && !cx.lexicon.person_titles.contains(cx.low(last))
    {
        let glued = cx.tok_is(last, "-")
            && !cx.tokens[last].space_before
            && !cx.tokens[last + 1].space_before
            && cx.is_capword(last + 1);
        // (A run closed by a legal form is read as a whole later: "Shell
        // Canada Ltd", "Cummins Engine Co".)
        let run_end = (last..cx.tokens.len().min(last + 5))
            .take_while(|&k| cx.is_capword(k) || cx.tok_is(k, "&"))
            .last()
            .unwrap_or(last);
        let legal_run = is_legal_form(cx.lexicon, cx.tok(run_end));
        let longer = cx.is_capword(last)
            && !cx.tokens[last].newline_before
            && !cx.tokens[last].all_caps
            && !legal_run
            && (cx.tok_is(last + 1, "&") || cx.is_capword(last + 1));
        if glued || longer {
            return false;
        }
    }
    // Geography after the name: "Amazon rainforest", "Shell Beach".
    if last < cx.tokens.len() {
        let next = cx.low(last);
        if matches!(
            next,
            "river"
                | "rainforest"
                | "basin"
                | "jungle"
                | "forest"
                | "region"
                | "beach"
                | "valley"
                | "delta"
        ) {
            return false;
        }
    }
    if org_cue(cx, first, last).is_some() {
        return true;
    }
    // "like the VA,", "at the VA is": an agency's acronym after "the",
    // opening the sentence or after a preposition, that a punctuation
    // mark or a verb follows (not "signed the FTA.", "the FTA talks", "the
    // EC's committee").
    if e.kind == EntityKind::Agency
        && last - first == 1
        && cx.tokens[first].all_caps
        && first > 0
        && cx.low_is(first - 1, "the")
        && (cx.sentence_start(first - 1)
            || (first >= 2
                && (crate::rules::PREPOSITIONS.contains(cx.low(first - 2))
                    || matches!(cx.low(first - 2), "like" | "and" | "or" | ","))))
        && (last >= cx.tokens.len()
            || matches!(cx.tok(last), "," | "." | ";" | ":" | ")")
            || (verb_like(cx.low(last)) && !cx.tokens[last].cap))
    {
        return true;
    }
    // A ticker aside: "Amazon (NASDAQ: AMZN)".
    if last + 2 < cx.tokens.len() && cx.tok_is(last, "(") && EXCHANGES.contains(cx.tok(last + 1)) {
        return true;
    }
    let s = &cx.sentences[cx.tok_sentence[first] as usize];
    // The common word opening a sentence before a lowercase noun, with no
    // cue: "Total sales were 30bn rupees" is an adjective, however
    // corporate the sentence's words. (Cues kept it above: "Shell said".)
    // A body's people, parts or stock after it still name it: "Treasury
    // officials said", "House lawmakers", "Treasury figures show", "Visa
    // shares rose".
    if first == s.first
        && last == first + 1
        && last < s.last
        && cx.tokens[last].kind == TokKind::Word
        && !cx.tokens[last].cap
        && !verb_like(cx.low(last))
        && !cx.lexicon.person_titles.contains(cx.low(last))
        && !body_people_or_parts(cx.low(last))
        && !matches!(
            cx.low(last),
            "staff"
                | "aides"
                | "lawyers"
                | "chief"
                | "chairman"
                | "lawmakers"
                | "members"
                | "figures"
                | "data"
                | "shares"
                | "stock"
        )
    {
        return false;
    }
    // A military service buying, ordering or taking delivery: "The Navy
    // ordered 12 ships from Kestrel".
    if e.parent.as_deref() == Some("dod")
        && (s.first..s.last).any(|i| {
            matches!(
                cx.low(i),
                "ordered"
                    | "orders"
                    | "buying"
                    | "buys"
                    | "purchase"
                    | "purchased"
                    | "purchasing"
                    | "procure"
                    | "procured"
                    | "procurement"
                    | "awarded"
                    | "award"
                    | "contractor"
                    | "contractors"
                    | "supplier"
                    | "suppliers"
                    | "delivered"
                    | "deliveries"
                    | "debarred"
                    | "debarment"
                    | "picked"
                    | "selected"
                    | "chose"
                    | "chosen"
                    | "tapped"
                    | "hired"
                    | "protest"
                    | "protests"
                    | "protested"
                    | "contracting"
                    | "pentagon"
                    // What a service buys: "will build the Navy's frigate".
                    | "frigate"
                    | "frigates"
                    | "warship"
                    | "warships"
                    | "submarine"
                    | "submarines"
                    | "destroyer"
                    | "destroyers"
                    | "bomber"
                    | "bombers"
                    | "tanker"
                    | "tankers"
                    | "missiles"
                    | "drones"
            )
        })
    {
        return true;
    }
    // Corporate vocabulary in the sentence.
    (s.first..s.last).any(|i| {
        matches!(
            cx.low(i),
            "company"
                | "firm"
                | "shares"
                | "chief"
                | "executive"
                | "deal"
                | "contract"
                | "cloud"
                | "acquire"
                | "acquired"
                | "bought"
                | "stake"
                | "profit"
                | "profits"
                | "revenue"
                | "sales"
                | "announced"
                | "partnership"
                | "partner"
                | "investment"
                | "invest"
                | "invested"
                | "ceo"
                | "software"
                | "services"
                | "technology"
                | "inc"
                | "corp"
                | "said"
                | "customers"
                | "market"
                | "rival"
                | "giant"
                | "maker"
                | "platform"
                | "brand"
                | "stores"
                | "subsidiary"
                | "unit"
                | "oil"
                | "gas"
                // Plurals.
                | "companies"
                | "firms"
                | "deals"
                | "contracts"
                | "stakes"
                | "partners"
                | "investments"
                | "suppliers"
                | "investors"
                | "funding"
                | "sued"
                | "suing"
                | "lawsuit"
                | "antitrust"
        )
    })
}

/// Country governments from explicit phrases and bare country names.
fn country_mentions(
    cx: &Context<'_>,
    chunks: &[Chunk],
    classes: &[Class],
    covered: &mut [bool],
    rec: &mut Recognised,
    by_key: &mut HashMap<String, usize>,
) {
    let lx = cx.lexicon;
    let n = cx.tokens.len();
    let gov_words = [
        "government",
        "authorities",
        "administration",
        "state",
        "regime",
    ];
    // "<Place> attorney general": a state or city office, part of that
    // place's government.
    let mut i = 0;
    while i + 2 < n {
        // The cheap test first: this runs at every token.
        // "attorney general", or "attorney-general" (three tokens).
        let len = if !cx.low_is(i + 1, "attorney") {
            0
        } else if cx.low_is(i + 2, "general") {
            3
        } else if cx.low_is(i + 2, "-")
            && i + 3 < n
            && cx.low_is(i + 3, "general")
            && !cx.tokens[i + 2].space_before
            && !cx.tokens[i + 3].space_before
        {
            4
        } else {
            0
        };
        if len == 0 {
            i += 1;
            continue;
        }
        // A place of two words: "New York attorney-general".
        let first = if i > 0
            && cx.is_capword(i - 1)
            && cx.tok_sentence[i - 1] == cx.tok_sentence[i]
            && !covered[i - 1]
            && lx.is_place(cx.span(i - 1, i + 1))
        {
            i - 1
        } else {
            i
        };
        let place = cx.span(first, i + 1);
        if !covered[i]
            && !covered[i + 1]
            && cx.is_capword(i)
            && (lx.is_place(place) || lx.country(place).is_some())
        {
            let whole = match lx.country(place) {
                Some(country) if !lx.places.contains(place) => {
                    country_entity(cx, country, rec, by_key)
                }
                _ => place_entity(cx, place, rec, by_key),
            };
            let name = format!("{place} attorney general");
            let key = format!("org:{}", normalize_name(&name, lx));
            let surface = cx.span(first, i + len).to_string();
            let idx = named_variant_entity(rec, by_key, key, surface, EntityKind::Agency);
            for c in &mut covered[first..i + len] {
                *c = true;
            }
            let m = Mention {
                first,
                last: i + len,
                sentence: cx.tok_sentence[i] as usize,
                entity: idx,
                pronoun: false,
            };
            rec.mentions.push(m);
            rec.named_parts.push((idx, whole, m, false));
            i += len;
            continue;
        }
        i += 1;
    }
    // Explicit: "<Demonym|Country> government".
    let mut i = 0;
    while i + 1 < n {
        // Cheap token tests first: this loop visits every token.
        if covered[i] || !cx.is_capword(i) {
            i += 1;
            continue;
        }
        let w = cx.tok(i);
        let next = cx.low(i + 1);
        if gov_words.contains(&next) {
            if let Some(country) = lx.country(w) {
                // "U.S. Government Agencies" is a longer name, not the government.
                let longer = i + 2 < n
                    && cx.is_capword(i + 2)
                    && cx.tokens[i + 1].cap
                    && cx.tok_sentence[i + 2] == cx.tok_sentence[i];
                if gov_words.contains(&next) && !longer {
                    let idx = country_entity(cx, country, rec, by_key);
                    let surface = cx.span(i, i + 2).to_string();
                    let e = &mut rec.entities[idx];
                    e.latent = false;
                    if e.source == EntitySource::Pattern && next == "government" {
                        e.name = surface.clone();
                    }
                    e.surfaces
                        .entry(surface)
                        .or_insert(AliasOrigin::NameVariant);
                    rec.name_mention(cx, covered, i, i + 2, idx);
                    i += 2;
                    continue;
                }
            }
        }
        i += 1;
    }
    // Bare country names: latent agencies.
    for (ck, (c, class)) in chunks.iter().zip(classes).enumerate() {
        let Class::Country(ci) = *class else { continue };
        if covered[c.first] {
            continue;
        }
        // "Acme Co of the United States", "Continental Grain Co, of the
        // United States,": where a named body is from.
        let mut k = c.first;
        if k > 0 && cx.low_is(k - 1, "the") {
            k -= 1;
        }
        if k > 1 && cx.low_is(k - 1, "of") {
            let mut q = k - 1;
            // "<Ecolab Co> of the United States", "Acme Co, of Japan,".
            while q > 0 && q + 2 >= k && matches!(cx.tok(q - 1), "," | ">" | ")") {
                q -= 1;
            }
            if rec.mentions.iter().any(|m| m.last == q && !m.pronoun) {
                continue;
            }
            // "the Gulf of Thailand", "the Sea of Japan": a place.
            if GEO_FEATURES.contains(cx.tok(k - 2)) {
                continue;
            }
        }
        // "Hanover, West Germany, announced": a city's country.
        if c.first > 1
            && cx.tok_is(c.first - 1, ",")
            && ck > 0
            && chunks[ck - 1].last + 1 == c.first
            && matches!(classes[ck - 1], Class::Place)
        {
            continue;
        }
        // "Russia's Yukos", "India's beer market": a place modifying a
        // noun, not a party.
        if c.last < n && cx.tokens[c.last].kind == TokKind::Possessive {
            continue;
        }
        // "General Motors' U.S. bus business": a possessed thing's place.
        if c.first > 0 && cx.tokens[c.first - 1].kind == TokKind::Possessive {
            continue;
        }
        // "the US court", "US defense agencies": an adjective, not a party.
        if c.last < n && cx.tok_sentence[c.last] == cx.tok_sentence[c.first] {
            let t = &cx.tokens[c.last];
            let w = cx.low(c.last);
            if t.kind == TokKind::Word && !t.cap && !verb_like(w) {
                continue;
            }
        }
        let country = &lx.file.countries[ci];
        let idx = country_entity(cx, country, rec, by_key);
        let surface = cx.span(c.first, c.last).to_string();
        rec.entities[idx]
            .surfaces
            .entry(surface)
            .or_insert(AliasOrigin::NameVariant);
        rec.name_mention(cx, covered, c.first, c.last, idx);
    }
    // "Texas sued Google", "New York City barred Wells Fargo": a state or
    // city that sues, fines, bars or awards is its government (latent: a
    // party only where a relation names it). Not "Washington", which
    // stands for the country's government.
    for (c, class) in chunks.iter().zip(classes) {
        if !matches!(class, Class::Place)
            || covered[c.first]
            || c.last >= n
            || cx.tok_sentence[c.last] != cx.tok_sentence[c.first]
            || !matches!(
                cx.low(c.last),
                "sued"
                    | "sues"
                    | "fined"
                    | "fines"
                    | "barred"
                    | "bars"
                    | "banned"
                    | "bans"
                    | "charged"
                    | "accused"
                    | "awarded"
                    | "awards"
                    | "penalized"
                    | "penalised"
            )
        {
            continue;
        }
        let place = cx.span(c.first, c.last);
        let sentence_first = cx.sentences[cx.tok_sentence[c.first] as usize].first;
        // The clause's subject: the name opens it.
        let subject = c.first == sentence_first
            || matches!(
                cx.low(c.first - 1),
                "," | "and" | "that" | "when" | "after" | "but"
            );
        if !subject || place == "Washington" || !lx.is_place(place) {
            continue;
        }
        let idx = place_entity(cx, place, rec, by_key);
        rec.name_mention(cx, covered, c.first, c.last, idx);
    }
}

/// A word of a phrase of time or channel after a verb of saying: "on
/// Friday", "late yesterday", "in a statement".
pub(crate) fn said_when_word(w: &str) -> bool {
    matches!(
        w,
        "on" | "in"
            | "late"
            | "early"
            | "earlier"
            | "last"
            | "this"
            | "a"
            | "week"
            | "today"
            | "yesterday"
            | "tonight"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "statement"
            | "filing"
            | "release"
    )
}

/// Whether a lowercase word after a name reads as its verb ("Russia fined",
/// "the US has").
pub(crate) fn verb_like(w: &str) -> bool {
    w.ends_with("ed")
        || matches!(
            w,
            "has"
                | "have"
                | "had"
                | "is"
                | "was"
                | "were"
                | "are"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "must"
                | "should"
                | "says"
                | "said"
                | "wants"
                | "plans"
                | "agreed"
                | "signed"
                | "won"
                | "sold"
                | "bought"
                | "took"
                | "made"
                | "gave"
                | "lost"
                | "got"
                | "paid"
                | "held"
                | "kept"
                | "sent"
                | "struck"
                | "became"
                | "began"
                | "brought"
                | "built"
                | "wins"
                | "loses"
                | "gets"
                | "makes"
                | "takes"
                | "gives"
                | "pays"
                | "holds"
                | "owns"
                | "faces"
                | "also"
                | "and"
                | "or"
                | "to"
                | "on"
                | "in"
                | "at"
                | "for"
                | "with"
                | "from"
                | "by"
                | "against"
                | "over"
                | "into"
                | "as"
                | "until"
                | "after"
                | "before"
                | "imposes"
                | "seeks"
                | "accuses"
                | "bans"
                | "sues"
                | "signs"
                | "buys"
                | "sells"
                // "the Army's contract with X runs through 2028".
                | "runs"
                | "expires"
                | "covers"
                | "includes"
                | "calls"
                | "requires"
                | "remains"
                | "continues"
                // "the acquisition of Time Warner appears stalled".
                | "appears"
                | "seems"
                | "looks"
                | "comes"
                | "follows"
                | "marks"
                | "creates"
                | "brings"
                | "adds"
                | "represents"
                | "awaits"
                | "hinges"
                | "depends"
        )
}

/// A latent government entity for a place that is not a country ("Texas").
/// The pattern entity under `key`, created on first use with `name`.
fn pattern_entity(
    rec: &mut Recognised,
    by_key: &mut HashMap<String, usize>,
    key: String,
    name: &str,
    kind: EntityKind,
) -> usize {
    *by_key.entry(key.clone()).or_insert_with(|| {
        rec.entities.push(DocEntity {
            key,
            name: name.to_string(),
            kind,
            source: EntitySource::Pattern,
            surfaces: BTreeMap::new(),
            parent: None,
            ticker: None,
            latent: false,
        });
        rec.entities.len() - 1
    })
}

/// The pattern entity under `key` (created on first use, named by
/// `surface`), with `surface` recorded as a name variant.
/// Extend mention `mi` (a known name) over chunk `c` right after it to one
/// mention of the firm or body the whole span names, created if new:
/// "Adobe Resources Corp" over "Adobe".
fn extend_to_variant(
    cx: &Context<'_>,
    rec: &mut Recognised,
    by_key: &mut HashMap<String, usize>,
    covered: &mut [bool],
    mi: usize,
    c: &Chunk,
    kind: EntityKind,
) -> usize {
    let first = rec.mentions[mi].first;
    let surface = cx.span(first, c.last).replace('\u{2019}', "'");
    let key = format!("org:{}", normalize_name(&surface, cx.lexicon));
    let idx = named_variant_entity(rec, by_key, key, surface, kind);
    covered[c.first..c.last].fill(true);
    rec.mentions[mi].last = c.last;
    rec.mentions[mi].entity = idx;
    idx
}

fn named_variant_entity(
    rec: &mut Recognised,
    by_key: &mut HashMap<String, usize>,
    key: String,
    surface: String,
    kind: EntityKind,
) -> usize {
    let idx = pattern_entity(rec, by_key, key, &surface, kind);
    let e = &mut rec.entities[idx];
    // A name first seen in a headline in capitals takes the body's case:
    // "NATIONAL WESTMINSTER BANK USA" is "National Westminster Bank USA".
    if e.source == EntitySource::Pattern
        && !e.name.bytes().any(|b| b.is_ascii_lowercase())
        && surface.bytes().any(|b| b.is_ascii_lowercase())
    {
        e.name = surface.clone();
    }
    e.surfaces
        .entry(surface)
        .or_insert(AliasOrigin::NameVariant);
    idx
}

fn place_entity(
    cx: &Context<'_>,
    place: &str,
    rec: &mut Recognised,
    by_key: &mut HashMap<String, usize>,
) -> usize {
    let key = format!(
        "gov:{}",
        normalize_name(place, cx.lexicon).replace(' ', "_")
    );
    *by_key.entry(key.clone()).or_insert_with(|| {
        let mut surfaces = BTreeMap::new();
        surfaces.insert(place.to_string(), AliasOrigin::NameVariant);
        rec.entities.push(DocEntity {
            key,
            name: place.to_string(),
            kind: EntityKind::Agency,
            source: EntitySource::Pattern,
            surfaces,
            parent: None,
            ticker: None,
            latent: true,
        });
        rec.entities.len() - 1
    })
}

fn country_entity(
    cx: &Context<'_>,
    country: &crate::lexicon::Country,
    rec: &mut Recognised,
    by_key: &mut HashMap<String, usize>,
) -> usize {
    // Prefer a gazetteer entry such as "U.S. government".
    let mut names = vec![country.name.clone()];
    names.extend(country.aliases.iter().cloned());
    names.extend(country.demonyms.iter().cloned());
    for name in &names {
        if let Some(p) = cx.matcher.lookup(&format!("{name} government")) {
            let entry = &cx.gazetteer.entries()[cx.matcher.pattern(p).entry];
            return *by_key.entry(entry.id.clone()).or_insert_with(|| {
                rec.entities.push(DocEntity {
                    key: entry.id.clone(),
                    name: entry.name.clone(),
                    kind: entry.kind,
                    source: EntitySource::Gazetteer,
                    surfaces: BTreeMap::new(),
                    parent: entry.parent.clone(),
                    ticker: None,
                    latent: true,
                });
                rec.entities.len() - 1
            });
        }
    }
    let demonym = country
        .demonyms
        .first()
        .cloned()
        .unwrap_or_else(|| country.name.clone());
    let key = format!(
        "gov:{}",
        normalize_name(&country.name, cx.lexicon).replace(' ', "_")
    );
    *by_key.entry(key.clone()).or_insert_with(|| {
        rec.entities.push(DocEntity {
            key,
            name: format!("{demonym} government"),
            kind: EntityKind::Agency,
            source: EntitySource::Pattern,
            surfaces: BTreeMap::new(),
            parent: None,
            ticker: None,
            latent: true,
        });
        rec.entities.len() - 1
    })
}

/// People whose employer, named beside them, comments on a story without
/// being its topic: "said X analyst Y", "an economist at X".
pub(crate) const COMMENTING_ROLES: [&str; 6] = [
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "strategists",
];

/// Whether a name is a news outlet's: a newspaper's title word last
/// ("Sunday Times", "Financial Times", "Wall Street Journal") or a wire or
/// broadcaster.
fn news_outlet(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    matches!(
        last,
        "Times"
            | "Journal"
            | "Post"
            | "Herald"
            | "Telegraph"
            | "Guardian"
            | "Gazette"
            | "Tribune"
            | "Chronicle"
            | "Observer"
            | "Mirror"
            | "Express"
            | "Independent"
            | "Economist"
            | "Reuters"
            | "Bloomberg"
            | "BBC"
            | "CNN"
    ) || matches!(
        name,
        "Associated Press" | "Agence France-Presse" | "Dow Jones"
    )
}

/// Whether a mention is no antecedent.
fn modifier_use(cx: &Context<'_>, m: &Mention) -> bool {
    let prev = if m.first > 0 { cx.low(m.first - 1) } else { "" };
    let next = (m.last < cx.tokens.len()
        && cx.tokens[m.last].kind == TokKind::Word
        && !cx.tokens[m.last].cap)
        .then(|| cx.low(m.last));
    names_no_party(prev, next)
}

/// Whether a name, with the word before it and the lowercase word after it
/// (if any), stands for no party of what its clause says: the one told
/// ("told Reuters the group's chairman ...") or a name modifying a noun after
/// an indefinite article ("said in a Securities and Exchange Commission
/// filing that it ..."). Used for antecedents and for clause subjects.
pub(crate) fn names_no_party(prev: &str, next_lowercase: Option<&str>) -> bool {
    matches!(prev, "told" | "tells" | "telling" | "informed" | "informs")
        // "stopped using the Otto name": the name itself, not its bearer.
        || (prev == "the"
            && next_lowercase.is_some_and(|w| {
                matches!(w, "name" | "brand" | "trademark" | "logo" | "moniker")
            }))
        || (matches!(prev, "a" | "an") && next_lowercase.is_some_and(|w| !speaks_for(w)))
        // "secures its first federal government contract, a deal with the
        // FBI": a name inside a possessed noun phrase modifies the noun.
        || (matches!(prev, "its" | "their" | "first")
            && next_lowercase.is_some_and(|w| {
                matches!(
                    w,
                    "contract" | "contracts" | "deal" | "deals" | "order" | "orders" | "award"
                )
            }))
}

/// Nouns whose bearers speak or act for the name before them: "a Boeing
/// spokesman said it", "a House subcommittee said it", "an Ontario
/// Securities Commission decision to block".
fn speaks_for(noun: &str) -> bool {
    body_people_or_parts(noun)
        || matches!(
            noun,
            "decision"
                | "ruling"
                | "order"
                | "move"
                | "plan"
                | "proposal"
                | "probe"
                | "investigation"
                | "inquiry"
        )
}

/// A body's people or parts: "a Boeing spokesman", "Treasury officials", "a
/// House subcommittee".
fn body_people_or_parts(noun: &str) -> bool {
    matches!(
        noun,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "officials"
            | "executive"
            | "executives"
            | "source"
            | "sources"
            | "committee"
            | "subcommittee"
            | "panel"
            | "unit"
            | "division"
            | "subsidiary"
            | "team"
    )
}

/// A verb of telling someone: its object is the hearer, not the subject of
/// what follows ("told the SEC it has acquired").
pub(crate) fn tells(w: &str) -> bool {
    matches!(
        w,
        "told" | "tells" | "tell" | "informed" | "informs" | "notified" | "notifies"
    )
}

/// Whether the pronoun at `i` follows the sentence's first verb of saying
/// ("X, a unit of Y, said it ...", "said that it").
fn said_it(cx: &Context<'_>, i: usize) -> bool {
    let mut v = i;
    if v > 0 && cx.low_is(v - 1, "that") {
        v -= 1;
    }
    if v == 0 {
        return false;
    }
    // The verb of saying, right before the pronoun or before its hearer:
    // "told the Securities and Exchange Commission it has acquired".
    let mut verb = v - 1;
    if !SAY_VERBS.contains(cx.low(verb)) {
        let mut k = verb;
        while k > 0
            && verb - k < 8
            && (cx.is_capword(k) || matches!(cx.low(k), "the" | "and" | "of" | "&"))
        {
            k -= 1;
        }
        if k == verb || !tells(cx.low(k)) {
            return false;
        }
        verb = k;
    }
    let s = &cx.sentences[cx.tok_sentence[i] as usize];
    verb >= s.first && !(s.first..verb).any(|k| SAY_VERBS.contains(cx.low(k)))
}

/// The speaker of a sentence's verb of saying at or before token `i`: its
/// first mention that is the head of the subject, not a possessor or a
/// modifier of a name after it ("Tracor Inc's Applied Sciences unit said",
/// "Italian state-owned bank Banca Commerciale said", "Thyssen AG unit
/// Thyssen Guss AG said").
fn speaker(
    cx: &Context<'_>,
    mentions: &[Mention],
    in_sentence: &[usize],
    i: usize,
) -> Option<usize> {
    // The clause of the verb: after the last ";", or "and" or "but" after a
    // lowercase word, when a name follows it ("Icahn dropped his bid to
    // take TWA private and Dart Group said it"), else the sentence ("X
    // ordered planes from Y and said it"; "owned by X and Y said it").
    let inside = |k: usize| {
        in_sentence
            .iter()
            .any(|&mi| mentions[mi].first <= k && k < mentions[mi].last)
    };
    let s = &cx.sentences[cx.tok_sentence[i] as usize];
    let before = |mi: &usize| !mentions[*mi].pronoun && mentions[*mi].last <= i;
    let from = (s.first..i)
        .rev()
        .find(|&k| {
            cx.low_is(k, ";")
                || (matches!(cx.low(k), "and" | "but")
                    && k > s.first
                    && cx.tokens[k - 1].kind == TokKind::Word
                    && !cx.tokens[k - 1].cap
                    && !inside(k - 1))
        })
        .filter(|&k| {
            in_sentence
                .iter()
                .any(|mi| before(mi) && mentions[*mi].first > k)
        })
        .map_or(s.first, |k| k + 1);
    let mut order: Vec<usize> = in_sentence
        .iter()
        .copied()
        .filter(|mi| before(mi) && mentions[*mi].first >= from)
        .collect();
    order.sort_by_key(|&mi| (mentions[mi].first, mentions[mi].last));
    for (x, &mi) in order.iter().enumerate() {
        let m = &mentions[mi];
        if modifier_use(cx, m) {
            continue;
        }
        // ("<Nestle S.A.>'s Nestle Enterprises": past a closing bracket.)
        let after = if m.last < cx.tokens.len() && cx.tok(m.last) == ">" {
            m.last + 1
        } else {
            m.last
        };
        let possessor = after < cx.tokens.len() && cx.tokens[after].kind == TokKind::Possessive;
        // The next name follows a company noun after lowercase words only
        // (a ticker in brackets aside): this one modifies it.
        let mut k = after;
        if k < cx.tokens.len() && cx.tok(k) == "<" {
            while k < i && cx.tok(k) != ">" {
                k += 1;
            }
            k += 1;
        }
        let start = k;
        while k < i
            && k < start + 4
            && (cx.tokens[k].kind == TokKind::Word && !cx.tokens[k].cap || cx.tok(k) == "-")
        {
            k += 1;
        }
        let modifies = k > start
            && (cx.lexicon.firm_cues.contains(cx.low(k - 1))
                || cx.lexicon.agency_cues.contains(cx.low(k - 1)))
            && order[x + 1..].iter().any(|&nj| mentions[nj].first == k);
        // Not the object of a preposition ("In a filing with the SEC, X
        // said it") nor a name inside a relative clause ("The group, which
        // includes Y AB, said it") nor a possessive pronoun's noun ("In its
        // SEC filing").
        let governed = governed(cx, m);
        let relative = (0..m.first)
            .rev()
            .take_while(|&k| cx.tok_sentence[k] == cx.tok_sentence[m.first] && cx.tok(k) != ",")
            .any(|k| {
                matches!(
                    cx.low(k),
                    "which" | "who" | "whose" | "includes" | "including"
                )
            });
        if possessor || modifies || governed || relative {
            continue;
        }
        return Some(mi);
    }
    None
}

/// Whether mention `m` is governed by the word before it (over an
/// article): the object of a preposition ("In a filing with the SEC"), a
/// possessive pronoun's noun ("In its SEC filing") or the hearer ("An
/// investor group told the SEC it").
fn governed(cx: &Context<'_>, m: &Mention) -> bool {
    let mut p = m.first;
    while p > 0 && matches!(cx.low(p - 1), "the" | "a" | "an") {
        p -= 1;
    }
    let prev = if p > 0 { cx.low(p - 1) } else { "" };
    crate::rules::PREPOSITIONS.contains(prev)
        || matches!(prev, "its" | "their" | "his" | "her")
        || tells(prev)
}

/// Whether the noun phrase opened at `i` ("its key Y division") is the
/// subject of a clause: a finite verb follows it within a few words.
fn opens_clause_after(cx: &Context<'_>, i: usize) -> bool {
    let sent = cx.tok_sentence[i];
    let mut k = i + 1;
    while k < cx.tokens.len() && k <= i + 6 && cx.tok_sentence[k] == sent {
        let w = cx.low(k);
        if matches!(
            w,
            "was" | "were" | "is" | "are" | "has" | "had" | "have" | "will" | "would"
        ) {
            return true;
        }
        if cx.tokens[k].kind != TokKind::Word || PREPOSITIONS_OR_GLUE.contains(&w) {
            return false;
        }
        k += 1;
    }
    false
}

/// Words that end a noun phrase before its verb could follow.
const PREPOSITIONS_OR_GLUE: [&str; 8] = ["and", "or", "of", "in", "for", "to", "with", "by"];

/// Whether mention `m` is the agent of a "by" phrase ("led by X").
fn agent_phrase(cx: &Context<'_>, m: &Mention) -> bool {
    let mut p = m.first;
    if p > 0 && cx.low_is(p - 1, "the") {
        p -= 1;
    }
    p > 0 && cx.low_is(p - 1, "by")
}

/// Words that may stand between a subject and its verb.
static ADVERB_OR_AUX: WordSet = WordSet::new(&[
    "never",
    "not",
    "n't",
    "also",
    "later",
    "then",
    "has",
    "had",
    "have",
    "recently",
    "finally",
    "eventually",
    "already",
    "once",
    "previously",
    "formally",
    "quietly",
    "ultimately",
]);

/// A past-tense verb that takes an object ("acquired", "bought").
fn past_verb(w: &str) -> bool {
    (w.ends_with("ed") && w.len() > 4 && !matches!(w, "owned" | "based" | "listed" | "named"))
        || matches!(
            w,
            "bought" | "sold" | "took" | "won" | "sued" | "left" | "hit"
        )
}

/// Verbs of saying: a following "it" is their subject, and a following
/// "would" is reported speech's "will" ("X said it would buy Y").
pub(crate) static SAY_VERBS: WordSet = WordSet::new(&[
    "said",
    "says",
    "announced",
    "added",
    "confirmed",
    "stated",
    "disclosed",
    "declared",
    "revealed",
    "promised",
    "pledged",
]);

/// Whether mention `m` is only the object of a preposition ("of A", "from
/// the B") or a later item of such a list ("of A and B", "of A, B and C").
fn prepositional_object(cx: &Context<'_>, rec: &Recognised, m: &Mention) -> bool {
    let mut k = m.first;
    loop {
        if k == 0 || cx.tokens[k].newline_before {
            return false;
        }
        let mut before = k - 1;
        if cx.low_is(before, "the") && before > 0 {
            before -= 1;
        }
        let w = cx.low(before);
        // Not the agent of a passive ("by X in its acquisition"), a party
        // ("agreed with X to buy its unit"), the firm whose securities are
        // talked about ("the debt of X because of its losses"), nor the
        // subject of a clause ("in response to X having agreed to sell its
        // stake").
        let after = if wire_ticker_at(cx, m.last) {
            m.last + 3
        } else {
            m.last
        };
        let clause = after < cx.tokens.len()
            && (matches!(
                cx.low(after),
                "having" | "has" | "had" | "is" | "was" | "will" | "would"
            ) || cx.low(after).ends_with("ed"));
        let securities = w == "of"
            && before > 0
            && matches!(
                cx.low(before - 1),
                "debt"
                    | "ratings"
                    | "rating"
                    | "paper"
                    | "obligations"
                    | "notes"
                    | "bonds"
                    | "shares"
                    | "stock"
                    | "securities"
                    | "deposits"
                    | "debentures"
            );
        if matches!(w, "of" | "from" | "in" | "for" | "to") {
            return !clause && !securities;
        }
        // Where a filing is lodged is no party: "filed a registration
        // statement with the Securities and Exchange Commission for the sale
        // of its unit's properties".
        if w == "with"
            && (before.saturating_sub(4)..before).any(|q| {
                matches!(
                    cx.low(q),
                    "filed" | "files" | "file" | "filing" | "registered" | "lodged"
                )
            })
        {
            return !clause;
        }
        if !matches!(w, "and" | ",") || before == 0 {
            return false;
        }
        // A list: the item before must itself be a mention ending there.
        let Some(prev) = rec
            .mentions
            .iter()
            .find(|p| !p.pronoun && p.last == before && p.sentence == m.sentence)
        else {
            return false;
        };
        k = prev.first;
    }
}

/// A verb of serving in a role: "Kestrel will act as its adviser".
pub(crate) fn serving_verb(w: &str) -> bool {
    matches!(
        w,
        "act" | "acts" | "acted" | "acting" | "serve" | "serves" | "served" | "serving"
    )
}

/// Tokens that join the items of a list of names.
const LIST_GLUE: [&str; 5] = [",", "and", "or", "(", ")"];

/// Resolve "it", "its", "the company", "the agency" ... to the most salient
/// compatible entity of the same or previous sentence: the first (subject)
/// mention of the same sentence before the reference, else the first mention
/// of the previous sentence.
fn coreference(cx: &Context<'_>, rec: &mut Recognised, covered: &[bool]) {
    let n = cx.tokens.len();
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); cx.sentences.len()];
    for (mi, m) in rec.mentions.iter().enumerate() {
        by_sentence[m.sentence].push(mi);
    }
    let mut added = Vec::new();
    // The last "it" whose only candidate was the hearer of a verb of
    // telling: (sentence, token).
    let mut unresolved_it: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < n {
        // Only "it", "its" and "the" start a reference: two or three bytes.
        let t = &cx.tokens[i];
        if covered[i] || !matches!(t.end - t.start, 2 | 3) {
            i += 1;
            continue;
        }
        let low = cx.low(i);
        let (len, want): (usize, Option<Option<EntityKind>>) = if low == "it" || low == "its" {
            (1, Some(None))
        } else if low == "the" && i + 1 < n && !covered[i + 1] {
            // ("the Department of Homeland Security": the noun starts a name.)
            let noun = cx.low(i + 1);
            match GENERIC_REFERENCES.iter().find(|(w, _)| *w == noun) {
                // "the company's", "the company said"; not "the company X"
                // (an apposition introducing a new name), nor a predicate
                // after a verb of being: "Halvorsen is the contractor for
                // Kestrel's plant" ("is the company's" still refers).
                Some((_, k))
                    if !(i + 2 < n && cx.is_capword(i + 2) && cx.tokens[i + 2].space_before)
                        && !(i > 0
                            && matches!(
                                cx.low(i - 1),
                                "is" | "was" | "are" | "were" | "be" | "been" | "became"
                            )
                            && !(i + 2 < n && cx.tokens[i + 2].kind == TokKind::Possessive)) =>
                {
                    (2, Some(*k))
                }
                _ => (1, None),
            }
        } else {
            (1, None)
        };
        let Some(want) = want else {
            i += 1;
            continue;
        };
        // "it is", "it was" + adjective constructions are often expletive;
        // keep them: relation rules decide whether a reference matters.
        let s = cx.tok_sentence[i] as usize;
        // "Moody's said it cut its rating of the parent's debt": a rating
        // agency is the party of "it", not of "its" or "the parent".
        let party_reference = low == "its" || len == 2;
        let compatible = |m: &Mention| -> bool {
            let e = &rec.entities[m.entity];
            if e.latent
                || (party_reference && (cx.lexicon.is_commentator(&e.key) || adviser_named(cx, m)))
                || polling_source(cx, m)
            {
                return false;
            }
            match want {
                None => true,
                Some(EntityKind::Firm) => e.kind != EntityKind::Agency,
                Some(k) => e.kind == k,
            }
        };
        // Within the sentence: the nearest preceding compatible entity
        // (not a latent country nor the possessor of a noun phrase that
        // merely locates another name).
        // "Kestrel Capital, its private equity unit," / "MMC Capital, the
        // company's private equity firm": a possessive in apposition to the
        // name before the comma is another party's.
        let apposed = apposed_possessive(cx, i, len);
        let mut candidates = by_sentence[s]
            .iter()
            .rev()
            .map(|&mi| &rec.mentions[mi])
            .filter(|m| {
                m.last <= i
                    && !m.pronoun
                    && (!apposed || m.last + 1 != i)
                    && !modifier_use(cx, m)
                    && compatible(m)
                    // Nor a name in a relative clause closed before the
                    // reference: "Umbro, which lost deals with Chelsea,
                    // said on Thursday it".
                    && !in_relative_clause(cx, m, i)
            });
        // "X told the SEC it cut its stake": "its" after "it", no name in
        // between, is the same party.
        // So is an "its" whose only names since the last "it" or "its" are
        // the objects of a preposition: "its acquisitions of A and B, and
        // approval of its acquisition of C" are all the same firm's.
        // ("X and its unit Y": the "its" of a list is the item before.)
        let listed = i > 0 && matches!(cx.low(i - 1), "and" | ",");
        let after_it = if low == "its" && !listed {
            added.last().filter(|p: &&Mention| {
                p.sentence == s
                    && by_sentence[s]
                        .iter()
                        .map(|&mi| &rec.mentions[mi])
                        .filter(|m| m.first >= p.last && m.last <= i)
                        .all(|m| prepositional_object(cx, rec, m))
            })
        } else {
            None
        };
        // An "its" after an "it" left unresolved (its only candidate the
        // hearer) is unresolved too.
        let after_unresolved = low == "its"
            && !listed
            && unresolved_it.is_some_and(|(us, ui): (usize, usize)| {
                us == s
                    && added.last().is_none_or(|p: &Mention| p.first < ui)
                    && by_sentence[s]
                        .iter()
                        .map(|&mi| &rec.mentions[mi])
                        .all(|m| m.first < ui || m.first >= i)
            });
        // "The government is planning to sell its stake": the nearest
        // antecedent is a generic phrase naming no party of the story.
        let generic_before = len == 1 && {
            let first = cx.sentences[s].first;
            (first..i)
                .rev()
                .find(|&k| {
                    k + 1 < i
                        && cx.low_is(k, "the")
                        && !covered[k + 1]
                        && GENERIC_REFERENCES.iter().any(|(w, _)| cx.low_is(k + 1, w))
                })
                .is_some_and(|k| {
                    !added
                        .iter()
                        .rev()
                        .take_while(|m| m.first >= k)
                        .any(|m| m.first == k)
                        && by_sentence[s]
                            .iter()
                            .all(|&mi| rec.mentions[mi].first < k || rec.mentions[mi].first >= i)
                })
        };
        if after_unresolved || generic_before {
            i += len;
            continue;
        }
        // An entity the reference cannot be (the name a role describes).
        let mut not_this: Vec<usize> = Vec::new();
        let same: Option<usize> = if let Some(p) = after_it {
            Some(p.entity)
        } else if len == 1 && said_it(cx, i) {
            speaker(cx, &rec.mentions, &by_sentence[s], i)
                .filter(|&mi| compatible(&rec.mentions[mi]))
                .map(|mi| rec.mentions[mi].entity)
                .or_else(|| {
                    // Not the one told, who is no speaker: with none named,
                    // "it" is the story's earlier subject.
                    match candidates.next() {
                        Some(m) if hearer(cx, m) => {
                            unresolved_it = Some((s, i));
                            None
                        }
                        // Nor the object of a preposition: "In a filing
                        // with the SEC, the group, which includes X, said
                        // it" (but "A group led by X said it" is X's).
                        Some(m) if governed(cx, m) && !agent_phrase(cx, m) => None,
                        m => m.map(|m| m.entity),
                    }
                })
        } else if len == 2 && i > 0 && past_verb(cx.low(i - 1)) {
            // "X never acquired the company": the object of a verb is not
            // its own subject; the company is the one talked about before.
            // The subject: the nearest name, only adverbs or auxiliaries
            // between it and the verb ("Boeing later bought the company");
            // not "McDonald's had been libelled and awarded the company".
            match candidates.next() {
                Some(m) if (m.last..i - 1).all(|k| ADVERB_OR_AUX.contains(cx.low(k))) => {
                    let subject = m.entity;
                    candidates.map(|m| m.entity).find(|&e| e != subject)
                }
                m => m.map(|m| m.entity),
            }
        } else if low == "its" && i > 1 && cx.low_is(i - 1, "as") {
            // "retained Kestrel as its adviser", "Kestrel will act as its
            // auditor": the name described by the role is not its holder.
            let serving = serving_verb(cx.low(i - 2));
            match candidates.next() {
                Some(m) if serving || m.last + 1 == i => {
                    // The whole list described: "named A, B and C as its
                    // advisers".
                    let mut lo = m.first;
                    not_this.push(m.entity);
                    let next = loop {
                        match candidates.next() {
                            Some(c) if (c.last..lo).all(|k| LIST_GLUE.contains(&cx.low(k))) => {
                                not_this.push(c.entity);
                                lo = c.first;
                            }
                            c => break c,
                        }
                    };
                    // With only the described names in the sentence: the
                    // previous sentence's party (below).
                    next.into_iter()
                        .chain(candidates)
                        .map(|m| m.entity)
                        .find(|e| !not_this.contains(e))
                }
                m => m.map(|m| m.entity),
            }
        } else if low == "its" && i > 1 && cx.low_is(i - 1, "with") {
            // "it would merge X with its subsidiary Y": the one merging
            // holds the unit, not the object merged into it.
            match candidates.next() {
                Some(m)
                    if m.last + 1 == i
                        && m.first > 0
                        && matches!(
                            cx.low(m.first - 1),
                            "merge"
                                | "merged"
                                | "merging"
                                | "merges"
                                | "combine"
                                | "combined"
                                | "combining"
                                | "combines"
                        ) =>
                {
                    let object = m.entity;
                    candidates.map(|c| c.entity).find(|&e| e != object)
                }
                m => m.map(|m| m.entity),
            }
        } else if low == "its" && listed {
            // "its X unit and its Y operations": the item before is
            // itself possessed, and both "its" are one holder's.
            match candidates.next() {
                // "X was fined by the SEC and its unit was sold": an "its"
                // opening a new clause is the subject's, not a passive's
                // agent's.
                Some(m) if agent_phrase(cx, m) && opens_clause_after(cx, i) => candidates
                    .find(|c| !governed(cx, c))
                    .map_or(Some(m.entity), |c| Some(c.entity)),
                Some(m) => {
                    let holder = added.iter().rev().find(|p| {
                        p.sentence == s
                            && cx.low_is(p.first, "its")
                            && p.last <= m.first
                            && m.first - p.last <= 2
                    });
                    Some(holder.map_or(m.entity, |p| p.entity))
                }
                None => None,
            }
        } else if low == "its" && bid_noun_after(cx, i + 1) {
            // "X reached agreement with Y on its takeover of Z": the bidder
            // whose takeover it is negotiated with the other side, so the
            // name after "with" is not the holder; the one before it is.
            match candidates.next() {
                Some(m) if m.first > 0 && cx.low_is(m.first - 1, "with") => {
                    let other = m.entity;
                    candidates
                        .map(|c| c.entity)
                        .find(|&e| e != other)
                        .or(Some(other))
                }
                m => m.map(|m| m.entity),
            }
        } else if len == 2 {
            // "the group" is the nearest name headed by "Group" when the
            // sentence has one: "Tarnwick, a unit of Kestrel Group, said
            // the group" is Kestrel Group.
            let noun = cx.low(i + 1);
            let mut nearest = None;
            let mut headed = None;
            for m in candidates {
                nearest.get_or_insert(m.entity);
                if headed_by(&rec.entities[m.entity].name, noun) {
                    headed = Some(m.entity);
                    break;
                }
            }
            headed.or(nearest)
        } else {
            candidates.next().map(|m| m.entity)
        };
        let target = same.or_else(|| {
            if s == 0 {
                return None;
            }
            // The previous sentence's first party, named or referred to:
            // after "The company said the costs at its Carter Hawley unit
            // ...", "It" is the company.
            // (Not a newspaper reporting on another party: after "The
            // Sunday Times reported that TCI had ...", "the group" is TCI.)
            let reporting_outlet = |m: &Mention| {
                m.last + 1 < n
                    && matches!(
                        cx.low(m.last),
                        "reported" | "reports" | "said" | "says" | "revealed" | "claimed"
                    )
                    && news_outlet(&rec.entities[m.entity].name)
            };
            let first_named = |ps: usize| {
                let mut named = by_sentence[ps]
                    .iter()
                    .map(|&mi| &rec.mentions[mi])
                    .filter(|m| !m.pronoun && !hearer(cx, m) && !not_this.contains(&m.entity))
                    .filter(|m| compatible(m));
                let first = named.next()?;
                if reporting_outlet(first) {
                    if let Some(other) = named.find(|m| m.entity != first.entity) {
                        return Some(other);
                    }
                }
                Some(first)
            };
            // Not a name a preposition governs when the sentence names a
            // party that no preposition governs: after "Talks with rival
            // bidder Kestrel will continue, Halvorsen said", "the group" is
            // Halvorsen.
            let oblique = |m: &Mention| {
                let mut p = m.first;
                let mut skipped = 0;
                while p > 0
                    && skipped < 3
                    && cx.tokens[p - 1].kind == TokKind::Word
                    && !cx.tokens[p - 1].cap
                    && !crate::rules::PREPOSITIONS.contains(cx.low(p - 1))
                    && !verb_like(cx.low(p - 1))
                {
                    p -= 1;
                    skipped += 1;
                }
                p > 0 && cx.tok_sentence[p - 1] as usize == m.sentence && {
                    let prev = cx.low(p - 1);
                    matches!(prev, "with" | "to" | "from" | "against" | "for" | "between")
                }
            };
            // "On Wednesday, Reliance Energy, another Reliance Group
            // company, ... / Meanwhile, the group's flagship": a name the
            // previous sentence heads with the reference's noun.
            if len == 2 {
                let noun = cx.low(i + 1);
                if let Some(m) = by_sentence[s - 1]
                    .iter()
                    .map(|&mi| &rec.mentions[mi])
                    .filter(|m| !m.pronoun && !hearer(cx, m) && !not_this.contains(&m.entity))
                    .find(|m| compatible(m) && headed_by(&rec.entities[m.entity].name, noun))
                {
                    return Some(m.entity);
                }
            }
            let named = first_named(s - 1).map(|m| {
                if !oblique(m) {
                    return m;
                }
                by_sentence[s - 1]
                    .iter()
                    .map(|&mi| &rec.mentions[mi])
                    .filter(|c| !c.pronoun && !hearer(cx, c) && !not_this.contains(&c.entity))
                    .filter(|c| compatible(c) && !oblique(c))
                    .find(|c| c.entity != m.entity)
                    .unwrap_or(m)
            });
            let referred = added
                .iter()
                .rev()
                .take_while(|m| m.sentence + 1 >= s)
                .filter(|m| m.sentence + 1 == s && compatible(m) && !not_this.contains(&m.entity))
                .min_by_key(|m| m.first);
            match (named, referred) {
                (Some(a), Some(b)) if b.first < a.first => Some(b.entity),
                (Some(a), _) => Some(a.entity),
                (None, Some(b)) => Some(b.entity),
                // A previous sentence that names no party at all (only
                // figures and the analysts' poll) passes the story's party
                // on from the one before: "Parsons reported ... / Earnings
                // beat the estimate of analysts polled by LSEG. / The
                // company said ...".
                (None, None)
                    if s >= 2
                        && by_sentence[s - 1]
                            .iter()
                            .any(|&mi| polling_source(cx, &rec.mentions[mi])) =>
                {
                    first_named(s - 2).map(|m| m.entity)
                }
                (None, None) => None,
            }
        });
        if let Some(e) = target {
            added.push(Mention {
                first: i,
                last: i + len,
                sentence: s,
                entity: e,
                pronoun: true,
            });
        }
        i += len;
    }
    rec.mentions.extend(added);
}

/// Whether the last word of `name` is the generic `noun` of a reference
/// ("Reliance Group" for "the group"), case aside.
fn headed_by(name: &str, noun: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case(noun))
}

/// Whether a bidder's noun follows at `k`, over one modifier: "its
/// takeover", "its proposed acquisition".
fn bid_noun_after(cx: &Context<'_>, k: usize) -> bool {
    let sent = cx.tok_sentence.get(k.saturating_sub(1)).copied();
    (k..(k + 2).min(cx.tokens.len()))
        .take_while(|&q| Some(cx.tok_sentence[q]) == sent)
        .any(|q| {
            matches!(
                cx.low(q),
                "takeover" | "acquisition" | "purchase" | "bid" | "offer" | "buyout" | "tender"
            )
        })
}

/// Whether mention `m` stands in a relative clause opened after a comma
/// and closed by one before token `i`: "X, which lost deals with Chelsea
/// and Celtic, said".
fn in_relative_clause(cx: &Context<'_>, m: &Mention, i: usize) -> bool {
    let sent = cx.tok_sentence[m.first];
    let opened = (0..m.first)
        .rev()
        .take_while(|&k| cx.tok_sentence[k] == sent && cx.tok(k) != ",")
        .last()
        .is_some_and(|k| {
            k > 0 && cx.tok(k - 1) == "," && matches!(cx.low(k), "which" | "who" | "whose")
        });
    opened && (m.last..i).any(|k| cx.tok(k) == ",")
}

/// Whether mention `m` is the hearer of a verb of telling ("a spokesman
/// told Reuters"): no speaker, nor the subject a later "it" goes back to.
/// Whether mention `m` is the source of a poll or figures quoted about
/// the story's party, not a party itself: "analysts polled by LSEG",
/// "estimates compiled by FactSet" (not "according to X", often the
/// party's own word).
fn polling_source(cx: &Context<'_>, m: &Mention) -> bool {
    let p = m.first;
    p >= 2
        && matches!(
            (cx.low(p - 2), cx.low(p - 1)),
            ("polled" | "compiled" | "surveyed" | "tracked", "by")
        )
}

/// Whether mention `m` follows an adviser's role noun ("Advisors Goldman
/// Sachs valued its unit"): a client's adviser, who holds no "its" or
/// "the company" of the story.
fn adviser_named(cx: &Context<'_>, m: &Mention) -> bool {
    m.first > 0
        && cx.tok_sentence[m.first - 1] as usize == m.sentence
        && matches!(
            cx.low(m.first - 1),
            "adviser"
                | "advisers"
                | "advisor"
                | "advisors"
                | "consultants"
                | "auditors"
                | "brokers"
        )
}

fn hearer(cx: &Context<'_>, m: &Mention) -> bool {
    let mut p = m.first;
    while p > 0 && cx.low_is(p - 1, "the") {
        p -= 1;
    }
    p > 0 && tells(cx.low(p - 1))
}

/// Whether `word` follows a person's initials at the start of the
/// normalised `name`: "reynolds" in "rj reynolds tobacco".
fn after_initials_word(name: &str, word: &str) -> bool {
    let mut words = name.split(' ');
    words.next().is_some_and(initials) && words.next() == Some(word)
}

/// Whether a lowercased name word is a person's initials ("rj" of "RJ
/// Reynolds", "j.p." of "J.P. Morgan"): short, letters and dots, no vowel.
fn initials(w: &str) -> bool {
    (2..=4).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'.')
        && !w.bytes().any(|b| b"aeiouy".contains(&b))
}

/// Whether the reference of `len` tokens at `i` is a possessive ("its",
/// "the company's") that opens a noun phrase in apposition to the name
/// before a comma: "Kestrel Capital, its private equity unit, said". Not
/// when a name follows the phrase, as in a list ("Halvorsen, its unit
/// Kestrel and Larkspur"), where the possessor is the item before.
fn apposed_possessive(cx: &Context<'_>, i: usize, len: usize) -> bool {
    let n = cx.tokens.len();
    if i == 0 || cx.tok(i - 1) != "," {
        return false;
    }
    let mut k = i + len;
    if len == 2 {
        if k >= n || cx.tokens[k].kind != TokKind::Possessive {
            return false;
        }
        k += 1;
    } else if cx.low(i) != "its" {
        return false;
    }
    let s = cx.tok_sentence[i];
    let mut words = 0;
    while k < n && cx.tok_sentence[k] == s && cx.tokens[k].kind == TokKind::Word {
        if cx.is_capword(k) {
            return false;
        }
        words += 1;
        k += 1;
    }
    words > 0 && words <= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_names_split_as_the_general_path_does() {
        let names = [
            "Foster's Group",
            "Foster's",
            "Foster's's",
            "Foo's-Bar",
            "Foo's\tBar",
            "Foo 's Bar",
            "X's 's",
            "'s",
            "AT&T Inc.",
            "U.S. Department of Defense",
            "Marks & Spencer",
            "  Hewlett-Packard / Compaq ,Co ",
            "Rock'n'Roll Ltd",
            "Dow Jones & Co.,",
            "a\u{b}b\u{c}c\rd",
            "--",
            "",
            "O'Reilly's Media",
        ];
        for name in names {
            assert_eq!(
                ascii_name_words(name.as_bytes()),
                unicode_name_words(name),
                "{name:?}"
            );
        }
    }

    #[test]
    fn names_normalise_to_their_core_words() {
        let lexicon = Lexicon::from_file(LexiconFile {
            legal_suffixes: vec!["Inc".into(), "Corp".into()],
            ..LexiconFile::default()
        });
        assert_eq!(normalize_name("The Boeing Co.", &lexicon), "boeing");
        assert_eq!(normalize_name("Foster's Group Inc.", &lexicon), "foster");
        assert_eq!(normalize_name("AT&T Corp", &lexicon), "at&t");
        assert_eq!(
            normalize_name("Nestl\u{e9} S.A.'s", &lexicon),
            "nestl\u{e9} sa"
        );
        assert_eq!(normalize_name("Macy\u{2019}s Inc", &lexicon), "macy");
    }
}
