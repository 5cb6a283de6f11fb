//! `obanctl top` and `obanctl metrics` arguments.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

pub const TOP_HELP: &str = "\
Panes: header (database, prefix, Oban flavour, leader, nodes alive/late/missing, doctor status),
queues (jobs by state, oldest available job's wait, completions per minute over the last 10
minutes), failures of the last hour grouped by worker and error, activity (new audit events as
they commit).

Keys:
  Tab / Shift-Tab   next / previous pane          ↑ ↓ j k PgUp PgDn g G   move
  Enter             open: a queue's jobs, a failure group's jobs, a job
  Esc               back (or clear the filter)    /  filter queues by name
  s / S             sort by the next column / reverse
  r c d             retry, cancel, discard the selected job or failure group: a preview, a
                    reason (recorded in the audit log) and a confirmation, as the jobs commands do
  p / u             pause / resume the selected queue on every node as `queue pause|resume` does:
                    a preview, a reason, an audit row with the signal, the nodes' confirmation
                    (an open-source pause does not survive a node restart)
  R                 refresh now                   q / Ctrl-C   quit

Each refresh is 4 short read-only transactions of bounded queries (24 statements); 6 cheap
doctor checks run every 30 s. Counts stop at 1,000 per queue and state, shown with a `+`.
Node-reported columns come from oban_producers where it exists, else say unknown (the nodes'
gossip is not read), through PgBouncer too. Needs a terminal; for scripts use `obanctl metrics`.";

#[derive(Debug, Args)]
pub struct TopArgs {
    /// Time between refreshes (500ms to 10m)
    #[arg(long, value_name = "DURATION", default_value = "2s", value_parser = crate::values::refresh_interval)]
    pub interval: Duration,

    /// Show only: disable every action
    #[arg(long)]
    pub read_only: bool,
}

pub const METRICS_HELP: &str = "\
Families: obanctl_up, obanctl_queue_jobs{queue,state} (with obanctl_queue_jobs_capped where a
count stopped at its bound), obanctl_queue_executing, obanctl_queue_latency_seconds,
obanctl_queue_completed_per_minute, obanctl_worker_failures_last_hour{worker},
obanctl_nodes{liveness}, obanctl_doctor_check{check,status}, obanctl_gather_duration_seconds.
Label values are names as obanctl shows them (control characters as escapes), escaped per the
exposition format. A value that cannot be read is left out, with a `# obanctl: ... unknown` comment.

Examples:
  obanctl metrics
  obanctl metrics --output /var/lib/node_exporter/textfile/obanctl.prom --watch --interval 30s";

#[derive(Debug, Args)]
pub struct MetricsArgs {
    /// Write to this file (atomically: a temporary file in the same directory, then a rename)
    /// instead of stdout
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Keep rewriting --output every --interval until interrupted
    #[arg(long, requires = "output")]
    pub watch: bool,

    /// Time between rewrites with --watch (1s to 1h)
    #[arg(long, value_name = "DURATION", default_value = "15s", value_parser = crate::values::metrics_interval)]
    pub interval: Duration,
}
