//! Argument definitions: the whole command-line surface, and nothing that does work.
//!
//! Values that can also come from the environment or the config file are `Option`s here; they are
//! merged in [`crate::settings`], which knows where each value came from.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0    success
  1    done, but attention is needed (doctor warnings, a bulk run that skipped jobs)
  2    a check failed or the request was refused (doctor errors, wrong state, confirmation denied,
       lock or statement timeout)
  64   usage error: bad flags, arguments or configuration; nothing was run
  69   the database is unreachable or refused the connection (authentication)
  70   internal error
  77   permission denied by the database
  130  interrupted (Ctrl-C)
A closed stdout (for example `obanctl ... | head`) ends the run quietly.";

/// Oban Powertools for the terminal: inspect and repair an Oban job system straight from PostgreSQL.
///
/// Every mutation writes an audit row in `oban_powertools_audit_events` in the same transaction.
#[derive(Debug, Parser)]
#[command(name = "obanctl", version, after_long_help = EXIT_CODES_HELP, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables and sentences for people.
    Human,
    /// One JSON document per line, for scripts.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`.
    Auto,
    Always,
    Never,
}

/// Options accepted by every subcommand.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// PostgreSQL connection string (URI or `key=value` form). Without one, libpq's `PG*`
    /// variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]
    #[arg(long, global = true, value_name = "URL")]
    pub database_url: Option<String>,

    /// Schema holding `oban_jobs` (Oban's "prefix") [env: OBANCTL_PREFIX] [default: public]
    #[arg(long, global = true, value_name = "SCHEMA")]
    pub prefix: Option<String>,

    /// Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA]
    /// [default: public]
    #[arg(long, global = true, value_name = "SCHEMA")]
    pub powertools_schema: Option<String>,

    /// Output format on stdout [env: OBANCTL_FORMAT] [default: human]
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,

    /// When to use colour [env: OBANCTL_COLOR] [default: auto]
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,

    /// Print only data and errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Also print connection details and each step taken (on stderr)
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]
    #[arg(long, global = true, value_name = "NAME")]
    pub actor: Option<String>,

    /// Longest any single SQL statement may run, e.g. `15s`, `500ms`
    /// [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]
    #[arg(long, global = true, value_name = "DURATION")]
    pub statement_timeout: Option<String>,

    /// Longest to wait for a row or table lock before giving up, e.g. `2s`
    /// [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]
    #[arg(long, global = true, value_name = "DURATION")]
    pub lock_timeout: Option<String>,

    /// Named profile from the config file [env: OBANCTL_PROFILE]
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml`
    /// [env: OBANCTL_CONFIG]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

// Parsed once per run; boxing the larger variants would only add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the 27 Oban Powertools tables, or write them as an Ecto migration
    #[command(after_long_help = INSTALL_HELP)]
    Install(InstallArgs),

    /// Health checks for the Oban and Powertools schema and the running system (CI exit codes)
    #[command(after_long_help = DOCTOR_HELP)]
    Doctor(DoctorArgs),

    /// List, show, count, retry, cancel and discard jobs
    #[command(subcommand)]
    Jobs(JobsCommand),

    /// List cron entries with computed fire times; pause and resume them
    #[command(subcommand)]
    Cron(CronCommand),

    /// Explain why a limiter blocks, and simulate its decisions (read-only)
    #[command(subcommand)]
    Limiter(LimiterCommand),

    /// List workflows and inspect one as a tree (read-only)
    #[command(subcommand)]
    Workflow(WorkflowCommand),

    /// Read the audit trail: tail (and follow) it, export it
    #[command(subcommand)]
    Audit(AuditCommand),

    /// Show the settings in effect and where each one came from
    #[command(subcommand)]
    Config(ConfigCommand),

    /// A ready-made demo database to try every command on: up, tour, down
    #[command(subcommand)]
    Demo(DemoCommand),

    /// Print a shell completion script, or write all of them into a directory
    Completions(CompletionsArgs),

    /// Write man pages (one per subcommand) into a directory
    Man(ManArgs),
}

const INSTALL_HELP: &str = "\
Idempotent: tables and indexes that already exist are left alone, a partial install is completed,
and a host still on Powertools 0.5.x (outbox table not yet renamed) is upgraded the way the Elixir
migration does it. Indexes missing on tables that already exist are built CONCURRENTLY, before the
rest, so live writers are not blocked.

Examples:
  obanctl install --dry-run
  obanctl install --powertools-schema ops
  obanctl install --ecto priv/repo/migrations
  obanctl install --with-oban --prefix sandbox";

const DOCTOR_HELP: &str = "\
Every check runs in its own short read-only transaction with --check-timeout as its statement
timeout and a short lock timeout, so one check that cannot run does not spoil the others, and
doctor never waits behind (or blocks) migrations and workers. No check counts oban_jobs without a
bound. A role with SELECT on the tables and catalog access is enough.

When the prefix has no oban_jobs, that is reported once (oban_version) and the checks that read
the table are skipped. The names of `mix oban_powertools.doctor` work as aliases in --only, --skip
and --explain (oban_migration_version, uniqueness_timeout_risk, expired_deadline_jobs).

Exit codes: 0 clean, 1 warnings only, 2 errors (with --fail-on warning: any finding); 64, 69, 70
as for every command. The JSON report's exit_code always equals the process exit code; its schema
is docs/doctor.schema.json.

Examples:
  obanctl doctor
  obanctl doctor --prefix jobs --format json > doctor.json
  obanctl doctor --only missing_indexes,index_validity --fail-on warning
  obanctl doctor --list-checks
  obanctl doctor --explain stuck_executing";

fn parse_check(text: &str) -> Result<crate::doctor::CheckId, String> {
    crate::doctor::CheckId::parse(text).ok_or_else(|| {
        format!(
            "unknown check (known: {})",
            crate::doctor::CHECKS
                .iter()
                .map(|c| c.name)
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

fn parse_ratio(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim_end_matches('%')
        .parse()
        .map_err(|_| "expected a fraction such as 0.2 or a percentage such as 20%".to_string())?;
    let value = if text.ends_with('%') {
        value / 100.0
    } else {
        value
    };
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err("must be between 0 and 1 (or 0% and 100%)".into())
    }
}

fn parse_positive_duration(text: &str) -> Result<std::time::Duration, String> {
    crate::settings::parse_duration("duration", text).map_err(|e| e.to_string())
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Run only these checks (repeat or comma-separate)
    #[arg(long, value_name = "CHECK", value_delimiter = ',', value_parser = parse_check, conflicts_with = "skip")]
    pub only: Vec<crate::doctor::CheckId>,

    /// Skip these checks (repeat or comma-separate)
    #[arg(long, value_name = "CHECK", value_delimiter = ',', value_parser = parse_check)]
    pub skip: Vec<crate::doctor::CheckId>,

    /// What makes the run fail with exit 2
    #[arg(long, value_enum, value_name = "LEVEL", default_value = "error")]
    pub fail_on: crate::doctor::FailOn,

    /// Count warnings of uniqueness_backlog and expired_deadlines as errors
    #[arg(long)]
    pub strict: bool,

    /// List the checks with a one-line description, and exit
    #[arg(long, conflicts_with_all = ["explain", "only", "skip"])]
    pub list_checks: bool,

    /// Explain what a check looks at, what it reports and how to fix it, and exit
    #[arg(long, value_name = "CHECK", value_parser = parse_check)]
    pub explain: Option<crate::doctor::CheckId>,

    /// Longest each check may run (its statement_timeout)
    #[arg(long, value_name = "DURATION", default_value = "5s", value_parser = parse_positive_duration)]
    pub check_timeout: std::time::Duration,

    #[command(flatten)]
    pub thresholds: DoctorThresholdArgs,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Thresholds")]
pub struct DoctorThresholdArgs {
    /// The Oban migration version the application's Oban expects
    #[arg(long, value_name = "N", default_value_t = crate::install::OBAN_CURRENT_VERSION, value_parser = clap::value_parser!(i64).range(1..))]
    pub oban_version: i64,

    /// Jobs in unique states at which uniqueness_backlog warns
    #[arg(long, value_name = "N", default_value_t = 50_000, value_parser = clap::value_parser!(i64).range(1..))]
    pub backlog_threshold: i64,

    /// Executing longer than this is stuck
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = parse_positive_duration)]
    pub stuck_after: std::time::Duration,

    /// Due (available, or scheduled/retryable not staged) longer than this is overdue
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = parse_positive_duration)]
    pub overdue_after: std::time::Duration,

    /// Dead-tuple share of oban_jobs that warns
    #[arg(long, value_name = "RATIO", default_value = "0.2", value_parser = parse_ratio)]
    pub dead_ratio: f64,

    /// Dead-tuple share of oban_jobs that is an error
    #[arg(long, value_name = "RATIO", default_value = "0.5", value_parser = parse_ratio)]
    pub dead_ratio_error: f64,

    /// Finished jobs older than this count toward completed_backlog
    #[arg(long, value_name = "DURATION", default_value = "1day", value_parser = parse_positive_duration)]
    pub completed_age: std::time::Duration,

    /// Old finished jobs per state at which completed_backlog warns
    #[arg(long, value_name = "N", default_value_t = 100_000, value_parser = clap::value_parser!(i64).range(1..))]
    pub completed_backlog: i64,

    /// Transactions open longer than this are reported
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = parse_positive_duration)]
    pub long_transaction: std::time::Duration,
}

#[derive(Debug, Args)]
pub struct InstallArgs {
    /// Print the SQL that would run, and change nothing
    #[arg(long, conflicts_with = "ecto")]
    pub dry_run: bool,

    /// Write a timestamped Ecto migration into DIR (e.g. `priv/repo/migrations`) instead of
    /// touching the database
    #[arg(long, value_name = "DIR")]
    pub ecto: Option<PathBuf>,

    /// Repo module for the Ecto migration (default: derived from the app's `mix.exs`)
    #[arg(long, value_name = "MODULE", requires = "ecto")]
    pub ecto_repo: Option<String>,

    /// Print the GRANT/REVOKE statements that make the audit tables append-only for an operator
    /// role and deletable only by a retention role (with --apply, run them)
    #[arg(long, conflicts_with_all = ["ecto", "with_oban", "dry_run"])]
    pub harden: bool,

    /// With --harden: run the statements instead of printing them
    #[arg(long, requires = "harden")]
    pub apply: bool,

    /// With --harden: the role obanctl operators connect as
    #[arg(
        long,
        value_name = "ROLE",
        default_value = "obanctl_operator",
        requires = "harden"
    )]
    pub operator_role: String,

    /// With --harden: the role that runs `audit purge`
    #[arg(
        long,
        value_name = "ROLE",
        default_value = "obanctl_retention",
        requires = "harden"
    )]
    pub retention_role: String,

    /// Also create an Oban v14 schema in `--prefix` (refused if `oban_jobs` already exists there)
    #[arg(long, value_enum, value_name = "FLAVOUR", num_args = 0..=1, default_missing_value = "elixir", conflicts_with = "ecto")]
    pub with_oban: Option<ObanFlavourArg>,
}

/// Which Oban implementation's schema to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ObanFlavourArg {
    /// Elixir Oban, migration version 14
    Elixir,
    /// The Python port `oban`
    Python,
}

#[derive(Debug, Subcommand)]
pub enum DemoCommand {
    /// Create the demo: schema `obanctl_demo` on the server you point at, or, when none is
    /// reachable, a private throwaway PostgreSQL cluster. Prints `export` lines (stdout) and writes
    /// a `demo` profile into the config file
    #[command(after_long_help = DEMO_UP_HELP)]
    Up(DemoUpArgs),

    /// Print a guided sequence of commands to run on the demo, each runnable as printed
    Tour,

    /// Remove the demo: drop the schema, or stop and delete the private cluster, and remove the
    /// `demo` profile
    Down,
}

const DEMO_UP_HELP: &str = "\
The demo holds an Oban v14 schema and the Powertools tables with about 20 000 jobs across queues and
every state (error histories, jobs stuck on a node that is gone, a queue nobody consumes), cron
entries including nightly_sync, a limiter with a blocked partition, a workflow with completed,
failed and blocked steps, audit history, and one INVALID index from a failed concurrent build.
Running `demo up` again rebuilds it fresh. It never touches a schema other than obanctl_demo, and
refuses to replace an obanctl_demo schema it did not create.

Private cluster: initdb and pg_ctl are taken from OBANCTL_PG_BIN, PATH, or the distribution's
standard place (/usr/lib/postgresql/<version>/bin and others). The cluster listens on a Unix socket
only, lives in OBANCTL_DEMO_DIR (default: <user data dir>/obanctl; /var/lib/obanctl for root), and
when obanctl runs as root, the server runs as the `postgres` (or `nobody`) system user.

Examples:
  obanctl demo up && obanctl demo tour
  eval \"$(obanctl demo up)\"
  obanctl demo up --private";

#[derive(Debug, Args)]
pub struct DemoUpArgs {
    /// Start a private throwaway cluster even when a server is reachable
    #[arg(long)]
    pub private: bool,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print every resolved setting with its source (flag, env, config file, default)
    Show,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Shell to print the script for
    #[arg(value_enum, required_unless_present = "out_dir")]
    pub shell: Option<clap_complete::Shell>,

    /// Write the scripts for every supported shell into DIR instead
    #[arg(long, value_name = "DIR", conflicts_with = "shell")]
    pub out_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Directory to write `obanctl.1` and `obanctl-<subcommand>.1` into
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
}

fn parse_state(text: &str) -> Result<crate::jobs::JobState, String> {
    text.parse()
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
}

const MUTATE_HELP: &str = "\
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
    #[arg(long = "state", value_name = "STATE", value_delimiter = ',', value_parser = parse_state)]
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
    #[arg(long = "state", value_name = "STATE", value_delimiter = ',', value_parser = parse_state)]
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
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(i64).range(1..))]
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
    #[arg(long, default_value_t = 0, value_name = "MS")]
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

const AUDIT_PURGE_HELP: &str = "\
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
    /// Delete events older than this, e.g. 90d
    #[arg(long, value_name = "DURATION")]
    pub older_than: String,

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

const AUDIT_VERIFY_HELP: &str = "\
Every event obanctl writes is chained in obanctl_audit_chain:
  row_hash = SHA-256(prev_hash || SHA-256(canonical event))
verify walks the chain from its start (or from the last `audit purge` checkpoint) and reports the
first edited, deleted or missing event. Events written by other writers (the Elixir library) are
not chained and are reported as unchained, not as tampering; an unchained event that claims to come
from obanctl (metadata.source = \"cli\") is reported as inserted.

Exit 0 when the chain is intact, 2 at the first break.";

const AUDIT_TAIL_HELP: &str = "\
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

#[derive(Debug, Subcommand)]
pub enum CronCommand {
    /// Every cron entry with its schedule, pause state, last claim and next three fire times
    #[command(after_long_help = CRON_HELP)]
    List,

    /// One entry: its settings and policies, recent slots and audit history
    Show(CronNameArgs),

    /// Pause an entry (idempotent: an already paused entry is reported, not changed)
    Pause(CronChangeArgs),

    /// Resume a paused entry (idempotent)
    Resume(CronChangeArgs),
}

const CRON_HELP: &str = "\
Entries come from oban_powertools_cron_entries (Powertools) and, where the host uses Oban Pro's
dynamic cron, from oban_crons in the prefix. Fire times are computed here from the expression and
the entry's time zone (the library stores both but computes nothing); they are labelled as computed.
Pausing a Powertools entry stops Powertools-driven claims only; it does not affect
Oban.Plugins.Cron. Pausing an Oban Pro entry sets its `paused` flag.";

#[derive(Debug, Args)]
pub struct CronNameArgs {
    /// Entry name, e.g. nightly_sync
    pub name: String,
}

#[derive(Debug, Args)]
pub struct CronChangeArgs {
    /// Entry name, e.g. nightly_sync
    pub name: String,

    /// Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal.
    #[arg(long)]
    pub reason: Option<String>,

    /// Do not ask for confirmation
    #[arg(short = 'y', long)]
    pub yes: bool,

    /// Show what would change, and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum LimiterCommand {
    /// Judge a limiter's partitions live: runnable or blocked, every blocker and when it clears,
    /// tokens used of capacity, window start and end. Exit 0 runnable, 1 blocked.
    #[command(after_long_help = crate::limiter::GLOSSARY)]
    Explain(LimiterExplainArgs),

    /// Preview reserve/block verdicts for a series of requests, from the live state (or empty with
    /// --fresh), crossing window ends and cooldowns. Reads only; writes nothing.
    #[command(after_long_help = crate::limiter::GLOSSARY)]
    Simulate(LimiterSimulateArgs),
}

#[derive(Debug, Args)]
pub struct LimiterExplainArgs {
    /// Limiter (resource) name
    #[arg(required_unless_present = "worker", conflicts_with = "worker")]
    pub resource: Option<String>,

    /// Only this partition (default: __global__ for a global limiter, every partition otherwise)
    #[arg(long, value_name = "KEY")]
    pub partition: Option<String>,

    /// Weight of the request to judge (default: the limiter's default weight)
    #[arg(long, value_parser = clap::value_parser!(i64).range(1..))]
    pub weight: Option<i64>,

    /// Find the limiter by the worker that last reserved on it
    #[arg(long, value_name = "MODULE")]
    pub worker: Option<String>,

    /// With --worker: the job args as a JSON object, to resolve an `args:<field>` partition
    #[arg(long, value_name = "JSON", requires = "worker")]
    pub args: Option<String>,
}

#[derive(Debug, Args)]
pub struct LimiterSimulateArgs {
    /// Limiter (resource) name
    pub resource: String,

    /// How many requests
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub requests: u32,

    /// Weight of each request (default: the limiter's default weight)
    #[arg(long, value_parser = clap::value_parser!(i64).range(1..))]
    pub weight: Option<i64>,

    /// Milliseconds between requests
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub interval: i64,

    /// When the first request arrives (RFC 3339 or a date; default: the database clock)
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,

    /// Start from an empty partition instead of its live state
    #[arg(long)]
    pub fresh: bool,

    /// Partition to simulate (default: __global__)
    #[arg(long, value_name = "KEY")]
    pub partition: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum WorkflowCommand {
    /// Workflows, newest first, with their state and step counts
    List(WorkflowListArgs),

    /// One workflow as a tree of steps: state, attempts, terminal cause, what each blocked step
    /// waits for, legal next actions, awaits, signals, recovery sessions, rejections, callbacks.
    /// Cycles, missing steps and dangling edges are reported.
    Inspect(WorkflowInspectArgs),
}

#[derive(Debug, Args)]
pub struct WorkflowListArgs {
    /// Only workflows in this state (repeat or comma-separate): available, pending, running,
    /// cancel_requested, completed, failed, cancelled, expired
    #[arg(long = "state", value_name = "STATE", value_delimiter = ',')]
    pub states: Vec<String>,

    /// How many
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(i64).range(1..=10_000))]
    pub limit: i64,
}

#[derive(Debug, Args)]
pub struct WorkflowInspectArgs {
    /// Workflow id (UUID) or name
    pub workflow: String,

    /// Print the graph as Graphviz DOT instead
    #[arg(long)]
    pub dot: bool,
}
