//! Argument definitions: the whole command-line surface, and nothing that does work.
//!
//! Values that can also come from the environment or the config file are `Option`s here; they are
//! merged in [`crate::settings`], which knows where each value came from.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

mod archive;
mod audit;
mod cron;
mod demo;
mod doctor;
mod install;
mod jobs;
mod limiter;
mod queues;
mod top;
mod workflow;

pub use self::archive::*;
pub use self::audit::*;
pub use self::cron::*;
pub use self::demo::*;
pub use self::doctor::*;
pub use self::install::*;
pub use self::jobs::*;
pub use self::limiter::*;
pub use self::queues::*;
pub use self::top::*;
pub use self::workflow::*;
pub use crate::values::{ColorChoice, Format};

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

    /// Show table cells whole on a terminal (by default long cells are cut with `…` to fit)
    #[arg(long, global = true)]
    pub no_trunc: bool,

    /// Show times for people in this machine's time zone with its offset (default: UTC, `Z`).
    /// JSON is always UTC
    #[arg(long, global = true)]
    pub local_time: bool,

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

    /// Every queue: jobs by state, wait, executing, throughput, and what its nodes report
    #[command(after_long_help = QUEUES_HELP)]
    Queues(QueuesArgs),

    /// Pause, resume, scale or stop a queue on its nodes (audited signals, confirmed by gossip)
    #[command(subcommand)]
    Queue(QueueCommand),

    /// Every node from any source: leader, queues, running jobs, last seen, liveness
    #[command(after_long_help = NODES_HELP)]
    Nodes(NodesArgs),

    /// List cron entries with computed fire times; pause and resume them
    #[command(subcommand)]
    Cron(CronCommand),

    /// Explain why a limiter blocks, and simulate its decisions (read-only)
    #[command(subcommand)]
    Limiter(LimiterCommand),

    /// List workflows and inspect one as a tree (read-only)
    #[command(subcommand)]
    Workflow(WorkflowCommand),

    /// A live terminal dashboard: queues, failures, activity; retry, cancel, discard from the keys
    #[command(after_long_help = TOP_HELP)]
    Top(TopArgs),

    /// Print the dashboard's numbers in the Prometheus text format (or keep a file up to date)
    #[command(after_long_help = METRICS_HELP)]
    Metrics(MetricsArgs),

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
