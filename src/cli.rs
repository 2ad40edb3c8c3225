//! Command-line definitions (clap).

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsgraph_extract::{EntityKind, RelationKind, Status};
use std::path::PathBuf;

/// Build an evidence-backed knowledge graph of organisations from news text.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// Directory with gazetteer.ron, lexicon.ron and relations.ron that
    /// replace the bundled data files.
    #[arg(long, global = true, value_name = "DIR", env = "NEWSGRAPH_DATA")]
    pub data: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a graph snapshot from a corpus.
    #[command(
        after_help = "Examples:\n  newsgraph build                      # the bundled sample corpus\n  newsgraph build news/ -o news.ngraph\n  newsgraph build wire.jsonl.gz --id-field newid --text-field body\n  newsgraph build --update news.ngraph news/ --prune   # re-extract only new or changed documents\n  newsgraph build --from-extracted part-*.jsonl -o news.ngraph\n  newsgraph build news/ --shard 0/4 -o part0.ngraph     # then: newsgraph merge part*.ngraph -o news.ngraph"
    )]
    Build(BuildArgs),
    /// Extract organisations and relations per document, as JSON Lines.
    #[command(after_help = "Example:\n  newsgraph extract article.txt news/ > extracted.jsonl")]
    Extract(ExtractArgs),
    /// Merge graph snapshots built from disjoint corpora into the graph of their union.
    #[command(
        after_help = "Example:\n  newsgraph merge part0.ngraph part1.ngraph part2.ngraph -o news.ngraph\n\nThe result is byte for byte the graph `newsgraph build` gives over all the\ndocuments; a document id present in several inputs is kept once."
    )]
    Merge(MergeArgs),
    /// Export a graph snapshot (or a selection of it) as DOT, GraphML, JSON, GEXF, Cypher, RDF or Neo4j CSV.
    #[command(
        after_help = "Examples:\n  newsgraph export graph.ngraph --format graphml -o graph.graphml\n  newsgraph export graph.ngraph --format gexf --kind contract,dispute -o graph.gexf   # Gephi, with a timeline\n  newsgraph export graph.ngraph --format neo4j-csv -o import/   # neo4j-admin database import full\n  newsgraph export graph.ngraph --format cypher --around Pentagon --depth 2 | cypher-shell\n  newsgraph export graph.ngraph --format dot --status asserted --min-evidence 2 | dot -Tsvg > graph.svg"
    )]
    Export(ExportArgs),
    /// Query a graph snapshot: entities, neighbours, paths, evidence, patterns.
    #[command(
        after_help = "Examples:\n  newsgraph query graph.ngraph entity Pentagon\n  newsgraph query graph.ngraph neighbors Anthropic --kind dispute\n  newsgraph query graph.ngraph path OpenAI DoD --all\n  newsgraph query graph.ngraph why OpenAI Pentagon --json\n  newsgraph query graph.ngraph relations --kind contract --since 2025 --csv\n  newsgraph query graph.ngraph entities --sort pagerank --limit 10\n  newsgraph query graph.ngraph stats\n  newsgraph query graph.ngraph timeline Microsoft\n  newsgraph query graph.ngraph match \"(a:agency)<-[:contract]-(f:firm)-[:dispute]-(a)\""
    )]
    Query(QueryArgs),
    /// Score extraction against labelled gold records (precision, recall, F1).
    #[command(
        after_help = "Examples:\n  newsgraph eval --gold ../shared/eval/dev/gold.jsonl\n  newsgraph eval --gold my-gold.jsonl --data-root my-articles/ --errors\n  newsgraph eval --gold ../shared/eval/dev/gold.jsonl --calibrate data/relations.ron\n\nGold format and matching rules: ../shared/eval/GUIDELINES.md (one JSON object per\ndocument: doc, entities with id/name/kind/aliases, relations with kind/source/target)."
    )]
    Eval(EvalArgs),
    /// Draw a graph snapshot (or a selection of it) with Graphviz.
    #[command(
        after_help = "Examples:\n  newsgraph render graph.ngraph -o graph.svg\n  newsgraph render graph.ngraph -o pentagon.png --around Pentagon --depth 2\n  newsgraph render graph.ngraph -o contracts.pdf --kind contract --cluster --layout dot\n  newsgraph render big.ngraph -o big.svg --top 300 --status asserted\n\nNeeds Graphviz (`dot`): apt-get install graphviz, or brew install graphviz."
    )]
    Render(RenderArgs),
    /// What changed between two graph snapshots: entities and relations added, removed or with new evidence.
    #[command(
        after_help = "Examples:\n  newsgraph diff last-week.ngraph graph.ngraph\n  newsgraph diff old.ngraph new.ngraph --json > changes.json"
    )]
    Diff(DiffArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  newsgraph completions bash > ~/.local/share/bash-completion/completions/newsgraph\n  newsgraph completions zsh > ~/.zfunc/_newsgraph\n  newsgraph completions fish > ~/.config/fish/completions/newsgraph.fish\n  newsgraph completions powershell >> $PROFILE"
    )]
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per command.
    #[command(
        after_help = "Examples:\n  newsgraph man | man -l -\n  newsgraph man --dir /usr/local/share/man/man1"
    )]
    Man(ManArgs),
}

/// Options for reading a corpus.
#[derive(Debug, Args, Clone)]
pub struct CorpusArgs {
    /// Turn skipped files, skipped records and invalid UTF-8 into errors.
    #[arg(long)]
    pub strict: bool,
    /// JSON Lines field(s) holding the article text (first present wins).
    #[arg(long = "text-field", value_name = "NAME")]
    pub text_field: Vec<String>,
    /// JSON Lines field(s) holding the title.
    #[arg(long = "title-field", value_name = "NAME")]
    pub title_field: Vec<String>,
    /// JSON Lines field(s) holding the date.
    #[arg(long = "date-field", value_name = "NAME")]
    pub date_field: Vec<String>,
    /// JSON Lines field(s) holding the URL.
    #[arg(long = "url-field", value_name = "NAME")]
    pub url_field: Vec<String>,
    /// JSON Lines field(s) holding the record id.
    #[arg(long = "id-field", value_name = "NAME")]
    pub id_field: Vec<String>,
    /// Hide the progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Files and directories to read (default: the bundled sample corpus);
    /// with --from-extracted, `newsgraph extract` JSON Lines files (`-` for
    /// standard input).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Where to write the graph snapshot [default: graph.ngraph, or the
    /// --update snapshot].
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Update this snapshot: extract only documents that are new or whose
    /// content changed, reuse the stored extractions of the others.
    #[arg(long, value_name = "GRAPH", conflicts_with = "from_extracted")]
    pub update: Option<PathBuf>,
    /// With --update: drop documents that are no longer in the inputs.
    #[arg(long, requires = "update")]
    pub prune: bool,
    /// The inputs are `newsgraph extract --all-relations` JSON Lines, not texts.
    #[arg(long)]
    pub from_extracted: bool,
    /// Only the documents of shard K of N (by a hash of the document id);
    /// merge the N graphs with `newsgraph merge`.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::pipeline::Shard>,
    /// Also write the run's stage timings and sizes as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub timings_json: Option<PathBuf>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files and directories to read.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Also output hedged relations ("may", "in talks", "plans to").
    #[arg(long)]
    pub include_hedged: bool,
    /// Output everything the graph stage uses (today: hedged relations too),
    /// so the output is a complete input for `build --from-extracted`.
    #[arg(long)]
    pub all_relations: bool,
    /// Only the documents of shard K of N (by a hash of the document id).
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::pipeline::Shard>,
    /// Where to write the JSON Lines (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Graph snapshots written by `newsgraph build` (or `merge`).
    #[arg(value_name = "GRAPH", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Where to write the merged snapshot.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Graphviz DOT.
    Dot,
    /// GraphML (NetworkX, Gephi, yEd, Cytoscape).
    Graphml,
    /// JSON node-link (NetworkX `node_link_graph`), with all evidence.
    Json,
    /// GEXF 1.3 (Gephi), dynamic over dates.
    Gexf,
    /// Cypher script for Neo4j or Memgraph.
    Cypher,
    /// RDF N-Triples.
    Ntriples,
    /// RDF Turtle.
    Turtle,
    /// Neo4j bulk-import CSVs (nodes.csv, relationships.csv) into the -o directory.
    Neo4jCsv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Graph snapshot written by `newsgraph build`.
    #[arg(value_name = "GRAPH")]
    pub graph: PathBuf,
    /// Output format.
    #[arg(short, long, value_enum)]
    pub format: ExportFormat,
    /// Output file (a directory for neo4j-csv; default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub select: SelectionArgs,
}

/// How to print query results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// Graph snapshot written by `newsgraph build`.
    #[arg(value_name = "GRAPH")]
    pub graph: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long, global = true, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV (RFC 4180, with a header row) instead of a table.
    #[arg(long, global = true)]
    pub csv: bool,
    /// Colour the table: auto (only on a terminal, and not when NO_COLOR is set), always, never.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub query: Query,
}

fn relation_kind(s: &str) -> Result<RelationKind, String> {
    s.parse()
}

fn entity_kind(s: &str) -> Result<EntityKind, String> {
    s.parse()
}

fn status(s: &str) -> Result<Status, String> {
    s.parse()
}

fn date_bound(s: &str) -> Result<String, String> {
    if newsgraph_graph::select::is_date_bound(s) {
        Ok(s.to_string())
    } else {
        Err(format!(
            "'{s}' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY"
        ))
    }
}

fn confidence(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(c) if (0.0..=1.0).contains(&c) => Ok(c),
        _ => Err(format!("'{s}' is not a confidence between 0 and 1")),
    }
}

/// Which way to follow relations from an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Direction {
    /// Relations the entity is the source of (supplier, acquirer, part...).
    Out,
    /// Relations the entity is the target of (customer, acquired, whole...).
    In,
    /// Both.
    Both,
}

/// How to rank entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntitySort {
    /// Most relations first.
    Degree,
    /// Most mentions first.
    Mentions,
    /// Highest PageRank first (rank flows from supplier to customer, part to whole...).
    Pagerank,
}

#[derive(Debug, Subcommand)]
pub enum Query {
    /// An entity: kind, aliases and where they came from, mentions, dates, relations by kind and status.
    #[command(after_help = "Example:\n  newsgraph query graph.ngraph entity Pentagon")]
    Entity {
        /// Name, alias or id (case-insensitive).
        name: String,
    },
    /// The entities linked to one entity, up to --depth hops away.
    #[command(
        after_help = "Examples:\n  newsgraph query graph.ngraph neighbors Anthropic --kind dispute\n  newsgraph query graph.ngraph neighbors GSA --direction in --kind contract --entity-kind firm,cloud\n  newsgraph query graph.ngraph neighbors Microsoft --depth 2"
    )]
    Neighbors {
        /// Name, alias or id.
        name: String,
        /// Only these relation kinds (comma-separated).
        #[arg(long, value_delimiter = ',', value_parser = relation_kind, value_name = "KIND")]
        kind: Vec<RelationKind>,
        /// Follow relations out of the entity, into it, or both.
        #[arg(long, value_enum, default_value = "both")]
        direction: Direction,
        /// How many hops to go.
        #[arg(long, default_value_t = 1, value_name = "N")]
        depth: usize,
        /// Only list entities of these kinds (comma-separated; the walk still passes through others).
        #[arg(long, value_delimiter = ',', value_parser = entity_kind, value_name = "KIND")]
        entity_kind: Vec<EntityKind>,
    },
    /// The shortest path between two entities, each hop with its relation, direction and best evidence.
    #[command(
        after_help = "Examples:\n  newsgraph query graph.ngraph path OpenAI DoD\n  newsgraph query graph.ngraph path Leidos Pentagon --kind contract,part_of --max-hops 3 --all"
    )]
    Path {
        /// From.
        from: String,
        /// To.
        to: String,
        /// Only through these relation kinds (comma-separated).
        #[arg(long, value_delimiter = ',', value_parser = relation_kind, value_name = "KIND")]
        kind: Vec<RelationKind>,
        /// Give up beyond this many hops.
        #[arg(long, value_name = "N")]
        max_hops: Option<usize>,
        /// Every shortest path, not just the first.
        #[arg(long)]
        all: bool,
        /// With --all: at most this many paths.
        #[arg(long, default_value_t = 50, value_name = "N")]
        limit: usize,
    },
    /// Every relation between two entities with its evidence sentences, documents, dates, status and confidence.
    #[command(after_help = "Example:\n  newsgraph query graph.ngraph why OpenAI Pentagon")]
    Why {
        /// One entity.
        a: String,
        /// The other.
        b: String,
    },
    /// Relations, filtered.
    #[command(
        after_help = "Examples:\n  newsgraph query graph.ngraph relations --kind contract --to Pentagon\n  newsgraph query graph.ngraph relations --status asserted --since 2025-01 --min-confidence 0.8 --csv"
    )]
    Relations {
        /// Only these relation kinds (comma-separated).
        #[arg(long, value_delimiter = ',', value_parser = relation_kind, value_name = "KIND")]
        kind: Vec<RelationKind>,
        /// Only relations from this entity (either end for partnerships).
        #[arg(long, value_name = "NAME")]
        from: Option<String>,
        /// Only relations to this entity (either end for partnerships).
        #[arg(long, value_name = "NAME")]
        to: Option<String>,
        /// Only these statuses (comma-separated: asserted, reported, hedged, negated).
        #[arg(long, value_delimiter = ',', value_parser = status, value_name = "STATUS")]
        status: Vec<Status>,
        /// Only statements dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); relations are recomputed from them.
        #[arg(long, value_parser = date_bound, value_name = "DATE")]
        since: Option<String>,
        /// Only statements dated on or before this date (a year or month includes all of it).
        #[arg(long, value_parser = date_bound, value_name = "DATE")]
        until: Option<String>,
        /// Only relations with at least this confidence (0 to 1).
        #[arg(long, value_parser = confidence, value_name = "C")]
        min_confidence: Option<f32>,
        /// At most this many relations (0: all).
        #[arg(long, default_value_t = 0, value_name = "N")]
        limit: usize,
    },
    /// Entities ranked by degree, mentions or PageRank.
    #[command(
        after_help = "Examples:\n  newsgraph query graph.ngraph entities --kind agency --sort pagerank --limit 10\n  newsgraph query graph.ngraph entities --sort mentions --limit 0 --csv"
    )]
    Entities {
        /// Only these entity kinds (comma-separated).
        #[arg(long, value_delimiter = ',', value_parser = entity_kind, value_name = "KIND")]
        kind: Vec<EntityKind>,
        /// Order.
        #[arg(long, value_enum, default_value = "degree")]
        sort: EntitySort,
        /// At most this many entities (0: all).
        #[arg(long, default_value_t = 20, value_name = "N")]
        limit: usize,
    },
    /// The alias table: every other name of every entity (or of one), with
    /// where each came from (gazetteer, acronym definition, short form,
    /// merged across documents, ...). For reviewing entity resolution.
    #[command(
        after_help = "Examples:\n  newsgraph query graph.ngraph aliases\n  newsgraph query graph.ngraph aliases Pentagon\n  newsgraph query graph.ngraph aliases --origin cross_document --csv"
    )]
    Aliases {
        /// Only this entity (name, alias or id).
        name: Option<String>,
        /// Only aliases of this origin (gazetteer, acronym_definition,
        /// name_variant, descriptive, short_form, cross_document, ticker).
        #[arg(long, value_name = "ORIGIN")]
        origin: Option<String>,
    },
    /// Counts by kind and status, the most connected entities, connected components.
    #[command(after_help = "Example:\n  newsgraph query graph.ngraph stats")]
    Stats {
        /// How many of the most connected entities to list.
        #[arg(long, default_value_t = 10, value_name = "N")]
        top: usize,
    },
    /// An entity's relations ordered by the dates of their statements.
    #[command(
        after_help = "Examples:\n  newsgraph query graph.ngraph timeline Microsoft\n  newsgraph query graph.ngraph timeline GSA --kind contract"
    )]
    Timeline {
        /// Name, alias or id.
        name: String,
        /// Only these relation kinds (comma-separated).
        #[arg(long, value_delimiter = ',', value_parser = relation_kind, value_name = "KIND")]
        kind: Vec<RelationKind>,
    },
    /// Match a Cypher-like pattern (see docs/QUERY.md).
    #[command(
        after_help = "Pattern language (docs/QUERY.md):\n  (a:agency)  (f:firm|cloud)  ()  (x {name: 'GSA'})\n  -[:contract]->  <-[:dispute]-  -[:contract|partnership]-  -[:part_of*1..3]->  -->  --\n  WHERE a.name CONTAINS 'army' AND (r.confidence >= 0.8 OR NOT r.status = 'hedged')\n  RETURN a, f.name, r.kind  LIMIT 10\n\nExamples:\n  newsgraph query graph.ngraph match \"(a:agency)<-[:contract]-(f:firm)-[:dispute]-(a)\"\n  newsgraph query graph.ngraph match \"(x {name: 'AWS'})-[:part_of*1..3]->(p) RETURN p.name\"\n  newsgraph query graph.ngraph match \"(f:firm)-[r:contract]->(a:agency) WHERE r.first_seen >= '2025' RETURN f, a, r.confidence\""
    )]
    Match {
        /// The pattern (quote it for the shell).
        pattern: String,
    },
}

/// Which part of a graph to export or render. Filters combine.
#[derive(Debug, Args, Clone, Default)]
pub struct SelectionArgs {
    /// Only the entities within --depth hops of this one.
    #[arg(long, value_name = "NAME", help_heading = "Selection")]
    pub around: Option<String>,
    /// Hops from --around.
    #[arg(
        long,
        default_value_t = 1,
        value_name = "N",
        requires = "around",
        help_heading = "Selection"
    )]
    pub depth: usize,
    /// Only these relation kinds (comma-separated).
    #[arg(long, value_delimiter = ',', value_parser = relation_kind, value_name = "KIND", help_heading = "Selection")]
    pub kind: Vec<RelationKind>,
    /// Only these entity kinds (comma-separated).
    #[arg(long, value_delimiter = ',', value_parser = entity_kind, value_name = "KIND", help_heading = "Selection")]
    pub entity_kind: Vec<EntityKind>,
    /// Only relations with these statuses (comma-separated).
    #[arg(long, value_delimiter = ',', value_parser = status, value_name = "STATUS", help_heading = "Selection")]
    pub status: Vec<Status>,
    /// Only statements dated on or after this date; relations are recomputed from them.
    #[arg(long, value_parser = date_bound, value_name = "DATE", help_heading = "Selection")]
    pub since: Option<String>,
    /// Only statements dated on or before this date.
    #[arg(long, value_parser = date_bound, value_name = "DATE", help_heading = "Selection")]
    pub until: Option<String>,
    /// Only relations with at least this confidence.
    #[arg(long, value_parser = confidence, value_name = "C", help_heading = "Selection")]
    pub min_confidence: Option<f32>,
    /// Only relations with at least this many statements.
    #[arg(long, value_name = "N", help_heading = "Selection")]
    pub min_evidence: Option<u32>,
    /// Only the N most connected entities (after the other filters).
    #[arg(long, value_name = "N", help_heading = "Selection")]
    pub top: Option<usize>,
}

/// An image format of `render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImageFormat {
    /// Scalable vector graphics (with tooltips).
    Svg,
    /// PNG bitmap.
    Png,
    /// PDF.
    Pdf,
}

/// A Graphviz layout for `render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderLayout {
    /// dot up to 60 entities, sfdp beyond.
    Auto,
    /// Hierarchical, left to right.
    Dot,
    /// Scalable force-directed (hundreds of entities).
    Sfdp,
    /// Spring model.
    Neato,
    /// Force-directed, with clusters.
    Fdp,
    /// Circular.
    Circo,
    /// Radial.
    Twopi,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Graph snapshot written by `newsgraph build`.
    #[arg(value_name = "GRAPH")]
    pub graph: PathBuf,
    /// The picture to write: .svg, .png or .pdf.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Image format (default: from the file extension).
    #[arg(short, long, value_enum)]
    pub format: Option<ImageFormat>,
    /// Graphviz layout engine.
    #[arg(long, value_enum, default_value = "auto")]
    pub layout: RenderLayout,
    /// Group entities into one box per kind (dot and fdp layouts).
    #[arg(long)]
    pub cluster: bool,
    /// Keep entities that have no relation (dropped by default).
    #[arg(long)]
    pub keep_isolated: bool,
    #[command(flatten)]
    pub select: SelectionArgs,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older graph snapshot.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The newer graph snapshot.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV instead of a table.
    #[arg(long)]
    pub csv: bool,
    /// Colour the table: auto, always, never.
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write newsgraph.1 and one page per subcommand (newsgraph-query.1, ...) into this directory instead of printing newsgraph.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold file (JSON Lines, one labelled document per line).
    #[arg(long, value_name = "GOLD.jsonl")]
    pub gold: PathBuf,
    /// Directory the gold `doc` paths are relative to (default: found next to
    /// the gold file: its folder, or a `data` folder up to two levels above).
    #[arg(long, value_name = "DIR")]
    pub data_root: Option<PathBuf>,
    /// Print every missed and extra entity and relation, with its sentence.
    #[arg(long)]
    pub errors: bool,
    /// Score hedged relations too (by default only asserted and reported ones count).
    #[arg(long)]
    pub include_hedged: bool,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// Measure each rule's precision on the gold and write it into this rules
    /// file as the rule's confidence (rules seen fewer than --min-support times
    /// keep their value).
    #[arg(long, value_name = "RULES.ron")]
    pub calibrate: Option<PathBuf>,
    /// Statements a rule needs on the gold before --calibrate changes it.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub min_support: usize,
}
