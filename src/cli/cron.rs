//! `obanctl cron` arguments.

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum CronCommand {
    /// Every cron entry with its schedule, pause state, last claim and next fire time
    #[command(after_long_help = CRON_HELP)]
    List(CronListArgs),

    /// One entry: its settings and policies, next three fire times, recent slots and audit history
    #[command(after_long_help = CRON_HELP)]
    Show(CronShowArgs),

    /// Pause an entry (idempotent: an already paused entry is reported, not changed)
    Pause(CronChangeArgs),

    /// Resume a paused entry (idempotent)
    Resume(CronChangeArgs),
}

pub const CRON_HELP: &str = "\
Entries come from oban_powertools_cron_entries (Powertools) and, where the host uses Oban Pro's
dynamic cron, from oban_crons in the prefix. Fire times are computed here from the expression and
the entry's time zone (the library stores both but computes nothing); they are labelled as computed.
They follow Oban's cron plugin, which tests the entry's local wall time once a minute: a time inside
a spring-forward gap does not fire that day, and a time inside a fall-back overlap fires twice (once
in each offset). Day of month and day of week must both match.
Pausing a Powertools entry stops Powertools-driven claims only; it does not affect
Oban.Plugins.Cron. Pausing an Oban Pro entry sets its `paused` flag.";

#[derive(Debug, Args)]
pub struct CronListArgs {
    /// Compute fire times from this instant instead of now (RFC 3339, e.g. 2027-03-14T00:00:00Z)
    #[arg(long, value_name = "INSTANT")]
    pub at: Option<String>,
}

#[derive(Debug, Args)]
pub struct CronShowArgs {
    /// Entry name, e.g. nightly_sync
    pub name: String,

    /// Compute fire times from this instant instead of now (RFC 3339, e.g. 2027-03-14T00:00:00Z)
    #[arg(long, value_name = "INSTANT")]
    pub at: Option<String>,
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
