//! `obanctl jobs` arguments.

use clap::{Args, Subcommand};

fn parse_state(text: &str) -> Result<crate::jobs::JobState, String> {
    text.parse()
}

/// `--state` with its values known to clap (completion offers them; the help already lists them).
fn state_parser() -> crate::values::Choices<crate::jobs::JobState> {
    crate::values::Choices::new(parse_state, || {
        crate::jobs::JobState::ALL
            .map(|s| clap::builder::PossibleValue::new(s.as_str()))
            .to_vec()
    })
}

#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum JobsCommand {
    /// List jobs matching filters, by ascending id (keyset pages with --after)
    #[command(
        after_long_help = "Examples:\n  obanctl jobs list --state discarded --queue mailers\n  \
                                 obanctl jobs list --args user_id=42 --format json\n  \
                                 obanctl jobs list --state retryable --since 2h --after 1200"
    )]
    List(JobsListArgs),

    /// Show every column of one job, its error history (latest first) and meta
    Show(JobsShowArgs),

    /// Count jobs by state and queue (planner estimates on large tables unless --exact)
    Count(JobsCountArgs),

    /// Make jobs available to run again, as Oban's retry does
    #[command(after_long_help = MUTATE_HELP)]
    Retry(JobsRetryArgs),

    /// Cancel jobs (executing ones are also sent Oban's pkill signal)
    #[command(after_long_help = MUTATE_HELP)]
    Cancel(JobsMutateArgs),

    /// Discard jobs: terminal, recorded in the job's own error history (executing ones get pkill)
    #[command(after_long_help = MUTATE_HELP)]
    Discard(JobsMutateArgs),

    /// What is failing and why: failing jobs grouped by worker and error signature
    #[command(after_long_help = ERRORS_HELP)]
    Errors(JobsErrorsArgs),

    /// Rescue executing jobs a dead node left behind: back to available (or discarded)
    #[command(after_long_help = RESCUE_HELP)]
    Rescue(JobsRescueArgs),

    /// Delete finished jobs older than a cutoff, in batches, optionally archiving every row first
    #[command(after_long_help = super::PRUNE_HELP)]
    Prune(super::JobsPruneArgs),

    /// Reinsert jobs from `jobs prune --archive` files (ids kept; present ones left alone)
    #[command(after_long_help = super::RESTORE_HELP)]
    Restore(super::JobsRestoreArgs),

    /// Stream matching jobs (redacted) as JSON lines or CSV with a header and trailer
    #[command(after_long_help = super::EXPORT_HELP)]
    Export(super::JobsExportArgs),
}

pub const ERRORS_HELP: &str = "\
Reads the newest failing jobs (default: retryable and discarded, --since 24h by each state's
timestamp: discarded_at, and scheduled_at for retryable, i.e. their next attempt), at most --scan
of them, and groups them by worker and by the signature of their latest error: its first line with
quoted values (<str>), UUIDs (<uuid>), hex ids (<hex>) and numbers (<n>) masked, so
\"timeout after 5012 ms for user 81\" and \"timeout after 4873 ms for user 12\" are one group.

Each group shows its count, states, first and last failure, attempts, the newest ids, one full
example error (redacted) and the `jobs retry` / `jobs discard` command that selects exactly its
jobs (--worker and --error-signature with the same filters and an absolute --since).

Examples:
  obanctl jobs errors
  obanctl jobs errors --queue mailers --since 2h
  obanctl jobs errors --state discarded --since 7d --format json";

pub const RESCUE_HELP: &str = "\
Selects executing jobs whose node (attempted_by[1]) is dead: absent from every liveness source
obanctl can read (Powertools heartbeats, oban_producers; the leader lease names only one node), or
seen there last longer ago than the missing threshold (120 s, or the heartbeat row's own). When no
source lists every node, nothing can be judged dead: pass --stuck-after to select by age instead
(jobs whose attempted_at is older than DURATION, still never on a node that is alive or late).
A job on a live node is rescued only when named by id with --force.

Each rescued job does what Oban's Lifeline rescue does: back to `available` with its attempt kept
and meta.rescued counted up, or `discarded` (discarded_at now) when attempt >= max_attempts, with an error entry saying it was
rescued, by whom, why and from which node; the node is sent pkill in case it still runs it. The
run previews, needs a --reason and a confirmation (or --yes), and changes jobs in batches with one
audit row per job (operation job_rescue); rows locked by someone else are skipped (`locked`).

Examples:
  obanctl jobs rescue --dry-run
  obanctl jobs rescue --queue mailers --reason 'web-3 was terminated' --yes
  obanctl jobs rescue --stuck-after 30m --reason 'no liveness source; node pool replaced'
  obanctl jobs rescue 42 --force --reason 'worker hung, node still up' --yes";

#[derive(Debug, Args)]
pub struct JobsRescueArgs {
    /// Select by age instead: executing jobs whose attempted_at is older than this (e.g. 30m),
    /// on nodes not known to be alive
    #[arg(long, value_name = "DURATION")]
    pub stuck_after: Option<String>,

    /// With job ids: rescue them even if their node looks alive (it may run them twice)
    #[arg(long)]
    pub force: bool,

    // Nodes alive only by their gossip (Elixir Oban without oban_producers) are heard with these.
    #[command(flatten)]
    pub listen: super::ListenArgs,

    #[command(flatten)]
    pub common: JobsMutateArgs,
}

#[derive(Debug, Args)]
pub struct JobsErrorsArgs {
    /// Read at most this many failing jobs, the newest first
    #[arg(long, value_name = "N", default_value_t = 100_000, value_parser = clap::value_parser!(i64).range(1..=10_000_000))]
    pub scan: i64,

    /// Show at most this many groups, the largest first
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(i64).range(1..=10_000))]
    pub limit: i64,

    // Flattened last: its help heading would otherwise carry over to the fields after it.
    #[command(flatten)]
    pub filter: JobFilterArgs,
}

pub const MUTATE_HELP: &str = "\
Targets are job ids, or a filter (an unfiltered run needs --all). The run previews what it will do,
needs a --reason (asked for on a terminal) and a confirmation (or --yes), then changes jobs in
batches of --batch-size, one short transaction per batch holding the update and one audit row per
changed job. A job is changed only if it is still in the state seen when it was selected; rows a
worker holds are skipped (outcome `locked`), never waited for. Ctrl-C stops after the current batch.
Two batches run at once by default (--parallel, each its own transaction; per-job JSON lines come
in completion order); --parallel 1 or --sleep-ms runs one at a time, the gentlest on a busy database.

Allowed source states:
  retry            retryable, discarded, cancelled, scheduled, suspended (+ completed with --include-completed)
  cancel, discard  available, scheduled, retryable, suspended, executing

Per-job outcomes: ok, wrong_state, drifted, locked, not_found. Exit 0 when every targeted job was
changed (or nothing matched), 1 when some were skipped, 2 when none could be changed.

Examples:
  obanctl jobs retry 42 43 --reason 'payment provider fixed' --yes
  obanctl jobs retry --state discarded --queue mailers --reason 'SMTP outage over' --dry-run
  obanctl jobs cancel --worker MyApp.Sync --max 50000 --reason 'runaway enqueue loop' --yes";

/// Filters shared by list and the bulk mutations. Values are matched exactly; repeat a flag to
/// match any of several values.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct JobFilterArgs {
    /// Job state (repeat or comma-separate): available, suspended, scheduled, executing,
    /// retryable, completed, discarded, cancelled
    #[arg(long = "state", value_name = "STATE", value_delimiter = ',', value_parser = state_parser(), hide_possible_values = true)]
    pub states: Vec<crate::jobs::JobState>,

    /// Queue name
    #[arg(long = "queue", value_name = "QUEUE")]
    pub queues: Vec<String>,

    /// Worker module, e.g. MyApp.Workers.Mailer
    #[arg(long = "worker", value_name = "WORKER")]
    pub workers: Vec<String>,

    /// Tag the job must have (repeat: must have all)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// Job id (repeat or comma-separate)
    #[arg(long = "id", value_name = "ID", value_delimiter = ',')]
    pub ids: Vec<i64>,

    /// Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)
    #[arg(long = "args", value_name = "KEY=VALUE")]
    pub args: Vec<String>,

    /// Meta contains KEY=VALUE (same rules as --args)
    #[arg(long = "meta", value_name = "KEY=VALUE")]
    pub meta: Vec<String>,

    /// Only jobs whose state's timestamp is at or after this time (RFC 3339, a date, or a
    /// duration ago such as 2h)
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,

    /// Only jobs whose state's timestamp is before this time
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,

    /// Only jobs with an error entry containing this text (case-insensitive)
    #[arg(long, value_name = "TEXT")]
    pub error_contains: Option<String>,

    /// Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)
    #[arg(long, value_name = "SIGNATURE")]
    pub error_signature: Option<String>,
}

#[derive(Debug, Args)]
pub struct JobsListArgs {
    /// Page size
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(i64).range(1..=10_000))]
    pub limit: i64,

    /// Start after this job id (the last id of the previous page)
    #[arg(long, value_name = "ID")]
    pub after: Option<i64>,

    // Flattened last: its help heading would otherwise carry over to the fields after it.
    #[command(flatten)]
    pub filter: JobFilterArgs,
}

#[derive(Debug, Args)]
pub struct JobsShowArgs {
    /// Job id
    pub id: i64,
}

#[derive(Debug, Args)]
pub struct JobsCountArgs {
    /// Only these states
    #[arg(long = "state", value_name = "STATE", value_delimiter = ',', value_parser = state_parser(), hide_possible_values = true)]
    pub states: Vec<crate::jobs::JobState>,

    /// Only these queues
    #[arg(long = "queue", value_name = "QUEUE")]
    pub queues: Vec<String>,

    /// Count rows instead of reading planner estimates (slow on large tables)
    #[arg(long)]
    pub exact: bool,
}

#[derive(Debug, Args)]
pub struct JobsMutateArgs {
    /// Job ids to change (or use filters)
    #[arg(value_name = "ID")]
    pub job_ids: Vec<i64>,

    /// Allow a run with no filter at all (every job in an allowed state)
    #[arg(long)]
    pub all: bool,

    /// Refuse when more jobs than this match
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(i64).range(1..=crate::values::MAX_TARGETS))]
    pub max: i64,

    /// Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal.
    #[arg(long)]
    pub reason: Option<String>,

    /// Do not ask for confirmation
    #[arg(short = 'y', long)]
    pub yes: bool,

    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Jobs per transaction
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(i64).range(1..=10_000))]
    pub batch_size: i64,

    /// Pause between batches, in milliseconds
    #[arg(long, default_value_t = 0, value_name = "MS", value_parser = clap::value_parser!(u64).range(0..=crate::values::MAX_SLEEP_MS))]
    pub sleep_ms: u64,

    /// Run up to N batches at once, each in its own connection and transaction (1: one at a time,
    /// the gentlest on a busy database; --sleep-ms implies 1)
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=8))]
    pub parallel: u32,

    // Flattened last: its help heading would otherwise carry over to the fields after it.
    #[command(flatten)]
    pub filter: JobFilterArgs,
}

#[derive(Debug, Args)]
pub struct JobsRetryArgs {
    /// Also retry completed jobs (re-runs finished work)
    #[arg(long)]
    pub include_completed: bool,

    #[command(flatten)]
    pub common: JobsMutateArgs,
}
