//! Command-line definitions (clap).

use clap::{Args, Parser, Subcommand, ValueEnum};
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
    /// Export a graph snapshot as DOT, GraphML, JSON and more.
    #[command(
        after_help = "Examples:\n  newsgraph export graph.ngraph --format graphml -o graph.graphml\n  newsgraph export graph.ngraph --format dot | dot -Tsvg > graph.svg"
    )]
    Export(ExportArgs),
    /// Query a graph snapshot.
    #[command(
        after_help = "Examples:\n  newsgraph query graph.ngraph entity Pentagon\n  newsgraph query graph.ngraph neighbors Anthropic --kind dispute\n  newsgraph query graph.ngraph path OpenAI DoD\n  newsgraph query graph.ngraph why OpenAI Pentagon --json"
    )]
    Query(QueryArgs),
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
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// Graph snapshot written by `newsgraph build`.
    #[arg(value_name = "GRAPH")]
    pub graph: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub query: Query,
}

#[derive(Debug, Subcommand)]
pub enum Query {
    /// An entity: kind, aliases, relations grouped by kind.
    Entity {
        /// Name, alias or id (case-insensitive).
        name: String,
    },
    /// The entities linked to one entity.
    Neighbors {
        /// Name, alias or id.
        name: String,
        /// Only these relation kinds (comma-separated).
        #[arg(long, value_delimiter = ',')]
        kind: Vec<String>,
    },
    /// The shortest path between two entities, each hop with its relation.
    Path {
        /// From.
        from: String,
        /// To.
        to: String,
    },
    /// The evidence for every relation between two entities.
    Why {
        /// One entity.
        a: String,
        /// The other.
        b: String,
    },
}
