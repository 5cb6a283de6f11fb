//! `obanctl audit` arguments.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Newest audit events first; --follow keeps printing new ones as they commit
    #[command(after_long_help = AUDIT_TAIL_HELP)]
    Tail(AuditTailArgs),

    /// Stream matching events (oldest first) as JSON lines or CSV, with a header and a trailer
    /// (row count, SHA-256 of the rows) so a truncated file is detectable
    Export(AuditExportArgs),

    /// Recompute the tamper-evident chain and report the first break (exit 2)
    #[command(after_long_help = AUDIT_VERIFY_HELP)]
    Verify,

    /// Delete events older than a cutoff (a dry run unless --execute)
    #[command(after_long_help = AUDIT_PURGE_HELP)]
    Purge(AuditPurgeArgs),
}

pub const AUDIT_PURGE_HELP: &str = "\
The cutoff is computed from the database clock. Chained events go oldest first, as a prefix of the
chain; each batch deletes its events and their chain entries and writes an `audit.purged`
checkpoint event (cutoff, deleted range, last deleted hash) in one transaction, so `audit verify`
keeps working after a purge, and a purge that is interrupted or killed leaves a chain that still
verifies. Events written by other writers that are older than the cutoff are deleted too.

Examples:
  obanctl audit purge --older-than 90d
  obanctl audit purge --older-than 90d --execute --reason 'retention policy: 90 days' --yes";

#[derive(Debug, Args)]
pub struct AuditPurgeArgs {
    /// Delete events older than this, e.g. 90d (1s to 1000 years)
    #[arg(long, value_name = "DURATION", value_parser = crate::values::age)]
    pub older_than: std::time::Duration,

    /// Actually delete (otherwise only counts are shown)
    #[arg(long)]
    pub execute: bool,

    /// Why (8 to 1000 characters); recorded in every checkpoint event
    #[arg(long)]
    pub reason: Option<String>,

    /// Do not ask for confirmation
    #[arg(short = 'y', long)]
    pub yes: bool,

    /// Events per transaction
    #[arg(long, default_value_t = 5000, value_parser = clap::value_parser!(i64).range(1..=100_000))]
    pub batch_size: i64,
}

pub const AUDIT_VERIFY_HELP: &str = "\
Every event obanctl writes is chained in obanctl_audit_chain:
  row_hash = SHA-256(prev_hash || SHA-256(canonical event))
verify walks the chain from its start (or from the last `audit purge` checkpoint) and reports the
first edited, deleted or missing event. Events written by other writers (the Elixir library) are
not chained and are reported as unchained, not as tampering; an unchained event that claims to come
from obanctl (metadata.source = \"cli\") is reported as inserted.

Exit 0 when the chain is intact, 2 at the first break.";

pub const AUDIT_TAIL_HELP: &str = "\
The actor shown is the one the Elixir library's UI shows: metadata.principal, then actor_id, else
`system`. The trail holds what obanctl and the Elixir library wrote; changes made through Oban Web,
Oban's own functions or raw SQL are not in it.

--follow polls every half second by id and re-reads a 60-second window, so an event from a
transaction that committed late is still printed, once. It never uses LISTEN, so it works through
a transaction pooler.

Examples:
  obanctl audit tail --action lifeline.repair_executed --limit 20
  obanctl audit tail --resource job:4211
  obanctl audit tail --follow --format json";

/// Filters shared by `audit tail` and `audit export`.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct AuditFilterArgs {
    /// The actor_id column, e.g. ops-demo
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,

    /// Action (event type), e.g. cron.paused, lifeline.repair_executed
    #[arg(long, value_name = "ACTION")]
    pub action: Option<String>,

    /// Target as TYPE:ID (job:42, cron_entry:nightly_sync) or just TYPE
    #[arg(long, value_name = "TYPE[:ID]")]
    pub resource: Option<String>,

    /// Operation recorded in metadata, e.g. job_retry
    #[arg(long, value_name = "NAME")]
    pub operation: Option<String>,

    /// Events at or after this time (RFC 3339, a date, or a duration ago such as 2h)
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,

    /// Events before this time
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
}

#[derive(Debug, Args)]
pub struct AuditTailArgs {
    /// How many events
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(i64).range(1..=10_000))]
    pub limit: i64,

    /// Keep printing new events as they commit (Ctrl-C to stop)
    #[arg(short, long)]
    pub follow: bool,

    // Flattened last: its help heading would otherwise carry over to the fields after it.
    #[command(flatten)]
    pub filter: AuditFilterArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Csv,
}

#[derive(Debug, Args)]
pub struct AuditExportArgs {
    /// File format
    #[arg(
        long = "as",
        value_enum,
        default_value = "jsonl",
        value_name = "FORMAT"
    )]
    pub export_as: ExportFormat,

    /// Write to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    // Flattened last: its help heading would otherwise carry over to the fields after it.
    #[command(flatten)]
    pub filter: AuditFilterArgs,
}
