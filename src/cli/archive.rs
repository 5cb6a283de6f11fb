//! `obanctl jobs prune|restore|export` arguments.

use std::path::PathBuf;

use clap::Args;

use super::{ExportFormat, JobFilterArgs};

fn parse_state(text: &str) -> Result<crate::jobs::JobState, String> {
    text.parse()
}

pub const PRUNE_HELP: &str = "\
Deletes finished jobs (completed, cancelled, discarded; --state picks) whose state's timestamp
(completed_at, cancelled_at, discarded_at) is older than --older-than, in batches of --batch-size
rows taken in the table's own order on disk (like one DELETE; lowest ids first with --max, or
before PostgreSQL 14, or on a partitioned table): each batch is one short transaction that deletes its rows (when someone holds one
of them, after a 20 ms lock wait, it deletes around the held rows with FOR UPDATE SKIP LOCKED: they
are skipped, never waited for) and writes one `jobs.pruned` audit row (count, id range, states,
archive file, the batch's SHA-256). The run ends with a `cli.bulk_operation` audit row and a
summary. Ctrl-C stops after the batches in flight. --max caps how many this run deletes; rerun to
continue. The preview counts every match (--dry-run, or before it asks); with --yes nobody reads
it before the deleting starts, so it counts the first 10,000 only (`at least`) and the summary
gives the exact number.

--archive FILE writes every row, whole and UNREDACTED (so that `jobs restore` gives back exactly
what was deleted: treat the file like a database dump), as JSON lines between a header (filters,
table, columns, time) and a trailer (count, SHA-256 of the rows). Each batch's rows are written and
fsynced before its delete commits, so a killed run leaves an archive holding every deleted row (it
has no trailer; restore accepts it). A name ending in .gz is gzip. An existing file is never
overwritten or appended to: give each run a new name. `--archive -` writes to stdout, only when
stdout is not a terminal (the report then goes to stderr).

Examples:
  obanctl jobs prune --older-than 30d --dry-run
  obanctl jobs prune --older-than 7d --state completed --queue mailers --reason 'retention: 7 days' --yes
  obanctl jobs prune --older-than 90d --archive jobs-2026-11.jsonl.gz --reason 'quarterly cleanup' --yes";

#[derive(Debug, Args)]
pub struct JobsPruneArgs {
    /// Delete jobs whose state's timestamp is older than this, e.g. 30d (1s to 1000 years)
    #[arg(long, value_name = "DURATION", value_parser = crate::values::age)]
    pub older_than: std::time::Duration,

    /// Finished state to delete (repeat or comma-separate): completed, cancelled, discarded
    /// [default: all three]
    #[arg(long = "state", value_name = "STATE", value_delimiter = ',', value_parser = parse_state)]
    pub states: Vec<crate::jobs::JobState>,

    /// Only jobs of this queue (repeat for several)
    #[arg(long = "queue", value_name = "QUEUE")]
    pub queues: Vec<String>,

    /// Only jobs of this worker (repeat for several)
    #[arg(long = "worker", value_name = "WORKER")]
    pub workers: Vec<String>,

    /// Write every deleted row (raw, unredacted) to FILE before it is deleted (.gz: gzip; -: stdout)
    #[arg(long, value_name = "FILE")]
    pub archive: Option<PathBuf>,

    /// Delete at most this many jobs in this run (rerun to continue)
    #[arg(long, value_parser = clap::value_parser!(i64).range(1..))]
    pub max: Option<i64>,

    /// Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal.
    #[arg(long)]
    pub reason: Option<String>,

    /// Do not ask for confirmation
    #[arg(short = 'y', long)]
    pub yes: bool,

    /// Count what would be deleted and delete nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Jobs per transaction
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(i64).range(1..=50_000))]
    pub batch_size: i64,

    /// Pause between batches, in milliseconds (implies --parallel 1)
    #[arg(long, default_value_t = 0, value_name = "MS")]
    pub sleep_ms: u64,

    /// Run up to N batches at once, each in its own connection and transaction
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=8))]
    pub parallel: u32,
}

pub const RESTORE_HELP: &str = "\
Reads archives written by `jobs prune --archive` (gzip or not), checks each segment's trailer
(row count and SHA-256; a segment without one is a killed run's and is restored with a note), then
reinserts, in batches of one transaction each, the rows whose id is not in oban_jobs (ids kept;
ON CONFLICT (id) DO NOTHING), with one `jobs.restored` audit row per batch. Columns are matched by
name, so an archive restores into either flavour's table. Only finished jobs are restored: a row
in another state is skipped, so a restore never starts work.

Examples:
  obanctl jobs restore jobs-2026-11.jsonl.gz --dry-run
  obanctl jobs restore jobs-2026-11.jsonl.gz --reason 'customer asked for their history' --yes";

#[derive(Debug, Args)]
pub struct JobsRestoreArgs {
    /// Archive files, in order
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal.
    #[arg(long)]
    pub reason: Option<String>,

    /// Do not ask for confirmation
    #[arg(short = 'y', long)]
    pub yes: bool,

    /// Check the archives and count what they hold; insert nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Rows per transaction
    #[arg(long, default_value_t = 5000, value_parser = clap::value_parser!(i64).range(1..=50_000))]
    pub batch_size: i64,
}

pub const EXPORT_HELP: &str = "\
Streams the jobs matching the filters (every filter of `jobs list`) by ascending id, args and meta
through the redaction policy, as JSON lines (`job` records, as `jobs list --format json`) or CSV
(cells made inert for spreadsheets), between a header (filters, time) and a trailer (count, SHA-256
of the rows), like `audit export`. Jobs inserted after the export starts are left out. Pages are
read in short read-only transactions with no cursor held between them, so it works through
PgBouncer in transaction mode.

Examples:
  obanctl jobs export --state discarded --since 24h -o discarded.jsonl
  obanctl jobs export --queue mailers --as csv -o mailers.csv";

#[derive(Debug, Args)]
pub struct JobsExportArgs {
    /// File format
    #[arg(
        long = "as",
        value_enum,
        default_value = "jsonl",
        value_name = "FORMAT"
    )]
    pub export_as: ExportFormat,

    /// Write to FILE instead of stdout (.gz: gzip)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// CSV only: write the header and trailer as JSON lines to FILE [default with -o FILE:
    /// FILE.meta.jsonl] (--meta is the filter on job meta here)
    #[arg(long, value_name = "FILE")]
    pub meta_file: Option<PathBuf>,

    // Flattened last: its help heading would otherwise carry over to the fields after it.
    #[command(flatten)]
    pub filter: JobFilterArgs,
}
