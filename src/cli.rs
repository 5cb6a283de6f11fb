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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the 27 Oban Powertools tables, or write them as an Ecto migration
    #[command(after_long_help = INSTALL_HELP)]
    Install(InstallArgs),

    /// Show the settings in effect and where each one came from
    #[command(subcommand)]
    Config(ConfigCommand),

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
