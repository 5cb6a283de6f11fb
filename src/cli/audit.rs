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
    #[command(after_long_help = AUDIT_EXPORT_HELP)]
    Export(AuditExportArgs),

    /// Recompute the tamper-evident chain and report the first break (exit 2), optionally against
    /// checkpoints kept outside the database
    #[command(after_long_help = AUDIT_VERIFY_HELP)]
    Verify(AuditVerifyArgs),

    /// Print (or append to a file) the chain's head as one JSON line, to keep where the
    /// database's writers cannot reach
    #[command(after_long_help = AUDIT_CHECKPOINT_HELP)]
    Checkpoint(AuditCheckpointArgs),

    /// Delete events older than a cutoff (a dry run unless --execute)
    #[command(after_long_help = AUDIT_PURGE_HELP)]
    Purge(AuditPurgeArgs),
}

pub const AUDIT_PURGE_HELP: &str = "\
The cutoff is computed from the database clock. Chained events go oldest first, as a prefix of the
chain; each batch, in one transaction, first appends a chained `audit.purged` checkpoint event
(cutoff, deleted range, last deleted hash; signed with the audit key when one is set), then deletes
its events and their chain entries. `audit verify` starts from that event afterwards (and only
from a chained one whose link verifies), and a purge that is interrupted or killed leaves a chain
that still verifies. Events written by other writers that are older than the cutoff are deleted
too.

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
Every event obanctl writes is chained in obanctl_audit_chain, in the same transaction:
  row_hash = H(prev_hash || SHA-256(canonical event))
H is SHA-256, or HMAC-SHA-256 with the audit key when one is configured (OBANCTL_AUDIT_KEY, or a
key file named by OBANCTL_AUDIT_KEY_FILE or `audit_key_file` in the config file); each link records
the id of the key that signed it. verify walks the chain from its start, or from the chained
`audit.purged` event of the last `audit purge`, and reports the first break. Events written by
other writers (the Elixir library) are not chained and are counted apart, not reported as
tampering; an unchained event that claims to come from obanctl (metadata.source = \"cli\") is
reported as inserted.

What verify proves:
  Always: an edit, deletion, reordering or insertion of events or links in the chain, unless the
    links after it were recomputed; a chain start that no chained audit.purged event accounts
    for (an unchained one is reported as forged); an unkeyed link after keyed ones.
  With the install marker (obanctl_audit_state, raised with every link): a chain that ends before
    the highest entry ever written (tail truncation) or is empty (wipe), unless the marker was
    changed as well. An empty chain with no marker and no checkpoint is \"no chain to verify\",
    not \"intact\".
  With --against FILE (lines of `audit checkpoint`, or `audit export` files or sidecars, whose
    trailers count as checkpoints), kept where the database's writers cannot reach: truncation,
    wipe and any rewrite of the chain up to the newest checkpoint, even by someone who can write
    every table and recompute links.
  With the key: someone who can write the tables but does not hold the key cannot recompute or
    forge keyed links, so edits, forged appends and forged purges after the newest checkpoint are
    caught too.
What it does not prove:
  Without the key, keyed links are checked for consistency only; verify names the ones it cannot
    prove and exits 1. With a wrong key it reports the first link it cannot prove (exit 2).
  Without the key, for unkeyed links and after the newest checkpoint: someone who can write both
    tables can recompute the links after an edit, delete the newest events together with the
    marker, or delete the oldest events behind a forged, chained audit.purged event.
  A writer who holds the key can forge keyed links after the newest checkpoint.
  Events not written by obanctl are unchained by design.

Exit 0 intact (or no chain to verify), 1 keyed links that cannot be proven without the key, 2 at
the first break or when a checkpoint belongs to another database, 64 when a checkpoint file cannot
be read (the line is named).

Examples:
  obanctl audit verify
  OBANCTL_AUDIT_KEY_FILE=/etc/obanctl/audit.key obanctl audit verify --against checkpoints.jsonl";

pub const AUDIT_CHECKPOINT_HELP: &str = "\
The line holds the chain head (seq and hash), the number of chained events, the time (database
clock), the database identity (system identifier, database, schema), the id of the key of the head
link (or null) and the obanctl version. Run it from cron or CI right after `audit verify`, and keep
the file where the database's writers cannot reach (a CI artifact, a log shipper, a ticket);
`audit verify --against FILE` then proves the chain up to the newest checkpoint. --to appends with
O_APPEND and syncs the file, so concurrent runs never interleave lines.

Examples:
  obanctl audit verify && obanctl audit checkpoint --to /var/lib/obanctl/checkpoints.jsonl
  obanctl audit checkpoint | logger -t obanctl-audit";

#[derive(Debug, Args)]
pub struct AuditVerifyArgs {
    /// A checkpoint file (`audit checkpoint` lines, an `audit export` file or its .meta.jsonl
    /// sidecar); repeatable
    #[arg(long, value_name = "FILE")]
    pub against: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AuditCheckpointArgs {
    /// Append the line to FILE (created if missing) instead of printing it
    #[arg(long, value_name = "FILE")]
    pub to: Option<PathBuf>,
}

pub const AUDIT_EXPORT_HELP: &str = "\
JSON lines: a header line (filters, database, chain head), the events, and a trailer line (row
count, last id, SHA-256 of the event lines, chain head). An export's trailer counts as a
checkpoint for `audit verify --against`.

CSV (--as csv) is a standard CSV file: one header row, then one row per event, nothing else. The
header and trailer go to a sidecar: FILE.meta.jsonl next to -o FILE, or the file named by --meta
(the SHA-256 there covers the rows after the header row). Writing CSV to stdout without --meta
writes no metadata. Cells are made safe for spreadsheets: a cell starting with =, +, -, @, a tab or
a carriage return gets a leading ' (plain numbers excepted), and control and bidirectional
characters are written as visible escapes (\\x1b, \\u{202e}); JSON lines keep the exact values.

Examples:
  obanctl audit export --since 30d -o audit.jsonl
  obanctl audit export --as csv -o audit.csv          # also writes audit.csv.meta.jsonl
  obanctl audit export --as csv --by ops-demo --meta audit.meta.jsonl > audit.csv";

pub const AUDIT_TAIL_HELP: &str = "\
The actor shown is the one the Elixir library's UI shows: metadata.principal, then actor_id, else
`system`. The trail holds what obanctl and the Elixir library wrote; changes made through Oban Web,
Oban's own functions or raw SQL are not in it.

--follow prints the newest --limit events, then every event that commits after the command
started, each exactly once, as it becomes visible. It polls every half second by id and keeps
waiting, for 60 seconds, for ids it saw skipped (transactions that took a lower id and commit
later), so a late commit is still printed. It never uses LISTEN, so it works through a transaction
pooler.

--by filters on the actor_id column. The global --actor says who is acting, so `obanctl --actor X
audit tail` without --by is refused with a hint.

Examples:
  obanctl audit tail --action lifeline.repair_executed --limit 20
  obanctl audit tail --resource job:4211 --by ops-demo
  obanctl audit tail --follow --format json";

/// Filters shared by `audit tail` and `audit export`.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct AuditFilterArgs {
    /// Events by this actor (the actor_id column), e.g. ops-demo. The global --actor says who is
    /// acting and is never a filter
    #[arg(long, value_name = "ACTOR")]
    pub by: Option<String>,

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

    /// CSV only: write the header and trailer as JSON lines to FILE [default with -o FILE:
    /// FILE.meta.jsonl]
    #[arg(long, value_name = "FILE")]
    pub meta: Option<PathBuf>,

    // Flattened last: its help heading would otherwise carry over to the fields after it.
    #[command(flatten)]
    pub filter: AuditFilterArgs,
}
