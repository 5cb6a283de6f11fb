//! `obanctl install` arguments.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

pub const INSTALL_HELP: &str = "\
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
