//! `obanctl cron` arguments.

use clap::{Args, Subcommand};

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

pub const CRON_HELP: &str = "\
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
