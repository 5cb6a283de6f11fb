//! `obanctl queues`, `obanctl queue pause|resume|scale|stop` and `obanctl nodes` arguments.

use std::time::Duration;

use clap::{Args, Subcommand};

pub const QUEUES_HELP: &str = "\
One row per queue seen in oban_jobs or reported by a node: jobs by state (exact below 1,000 per
queue and state, shown `1,000+` at the bound), the oldest available job's wait, executing jobs,
completions in the last full minute, and what the nodes report: how many consume the queue, their
local limits and whether they are paused.

Node-reported columns come from listening on <prefix>.oban_gossip for --listen (a direct
connection: --listen-url, else the database URL), else from oban_producers (oban-py, Oban Pro).
Through PgBouncer in transaction mode listening is impossible; the columns then say `unknown` and
why, unless oban_producers answers. Elixir nodes gossip only with oban_met installed.

Examples:
  obanctl queues
  obanctl queues --listen 5s --listen-url postgres://ops@db-primary/app
  obanctl queues --watch
  obanctl queues --format json";

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct QueuesArgs {
    #[command(subcommand)]
    pub command: Option<QueuesCommand>,

    #[command(flatten)]
    pub list: QueuesListArgs,
}

#[derive(Debug, Subcommand)]
pub enum QueuesCommand {
    /// The same as `obanctl queues`
    #[command(after_long_help = QUEUES_HELP)]
    List(QueuesListArgs),
}

/// How obanctl hears the nodes.
#[derive(Debug, Clone, Args)]
pub struct ListenArgs {
    /// How long to listen to the nodes' gossip (0 to not listen)
    #[arg(long, value_name = "DURATION", default_value = "2s", value_parser = listen_window)]
    pub listen: Duration,

    /// A direct connection (not through a transaction pooler) to listen on; defaults to the
    /// database URL [env: OBANCTL_LISTEN_URL]
    #[arg(long, value_name = "URL")]
    pub listen_url: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct QueuesListArgs {
    #[command(flatten)]
    pub listen: ListenArgs,

    /// Redraw every --interval until interrupted
    #[arg(long)]
    pub watch: bool,

    /// Time between redraws with --watch (500ms to 10m)
    #[arg(long, value_name = "DURATION", default_value = "5s", value_parser = crate::values::refresh_interval)]
    pub interval: Duration,
}

/// `0` or a short wait.
pub fn listen_window(text: &str) -> Result<Duration, String> {
    if text.trim() == "0" {
        return Ok(Duration::ZERO);
    }
    crate::values::wait(text)
}

pub const QUEUE_HELP: &str = "\
Signals travel as PostgreSQL notifications on <prefix>.oban_signal, sent in the same transaction
as the audit row (one per queue and action), so nothing is sent when the audit row cannot be
written. Nodes then confirm through their gossip (or oban_producers) within --confirm-timeout;
a node that does not confirm makes the command exit 1, naming it.

An open-source Oban pause or limit lives in node memory: a node restart undoes it (oban#318).
Only nodes using the Postgres notifier receive signals.

Examples:
  obanctl queue pause mailers --reason 'SMTP provider outage, INC-4411'
  obanctl queue pause --all --reason 'database failover in progress'
  obanctl queue pause mailers --node web-2 --reason 'draining web-2 for deploy'
  obanctl queue resume mailers --reason 'provider back, INC-4411'
  obanctl queue scale mailers --limit 2 --reason 'provider rate limits us'
  obanctl queue stop mailers --confirm-queue mailers --reason 'retiring the queue'";

#[derive(Debug, Subcommand)]
pub enum QueueCommand {
    /// Pause queues: nodes stop fetching new jobs (running ones finish)
    #[command(after_long_help = QUEUE_HELP)]
    Pause(QueuePauseArgs),

    /// Resume paused queues
    #[command(after_long_help = QUEUE_HELP)]
    Resume(QueuePauseArgs),

    /// Change a queue's local concurrency limit on its nodes
    #[command(after_long_help = QUEUE_HELP)]
    Scale(QueueScaleArgs),

    /// Stop a queue's producers on its nodes (until the node restarts); asks twice
    #[command(after_long_help = QUEUE_HELP)]
    Stop(QueueStopArgs),
}

/// What every queue action shares.
#[derive(Debug, Clone, Args)]
pub struct QueueActionArgs {
    /// Only this node (its Oban instance name comes from what the node reports, else `Oban`)
    #[arg(long, value_name = "NAME")]
    pub node: Option<String>,

    /// Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal.
    #[arg(long)]
    pub reason: Option<String>,

    /// Do not ask for confirmation
    #[arg(short = 'y', long)]
    pub yes: bool,

    /// Show what would be sent, and send nothing
    #[arg(long)]
    pub dry_run: bool,

    /// How long to wait for the nodes to confirm the new state (0 to not wait)
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = listen_window)]
    pub confirm_timeout: Duration,

    /// A direct connection (not through a transaction pooler) to listen on for confirmations;
    /// defaults to the database URL [env: OBANCTL_LISTEN_URL]
    #[arg(long, value_name = "URL")]
    pub listen_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct QueuePauseArgs {
    /// Queues to act on
    #[arg(
        value_name = "QUEUE",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub queues: Vec<String>,

    /// Every queue (sends `"queue":"*"`)
    #[arg(long)]
    pub all: bool,

    #[command(flatten)]
    pub action: QueueActionArgs,
}

#[derive(Debug, Args)]
pub struct QueueScaleArgs {
    /// Queue to scale
    #[arg(value_name = "QUEUE")]
    pub queue: String,

    /// New local limit per node (1 to 10,000; more with --force)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub limit: i64,

    /// Allow a limit above 10,000
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub action: QueueActionArgs,
}

#[derive(Debug, Args)]
pub struct QueueStopArgs {
    /// Queue to stop
    #[arg(value_name = "QUEUE")]
    pub queue: String,

    /// The queue's name again: the second confirmation (asked for on a terminal)
    #[arg(long, value_name = "QUEUE")]
    pub confirm_queue: Option<String>,

    #[command(flatten)]
    pub action: QueueActionArgs,
}

pub const NODES_HELP: &str = "\
Every node known from any source: the leader (oban_peers / oban_leaders), producers
(oban_producers), gossip and sonar heard for --listen, and Powertools heartbeats. Liveness as the
Powertools library classifies heartbeats: late after 45 s, missing after 120 s since last seen.
Running jobs are executing jobs whose attempted_by names the node. A node holding executing jobs
that no liveness source sees is flagged: its jobs are what `doctor`'s stuck_executing finds.

Examples:
  obanctl nodes
  obanctl nodes --listen 0 --format json";

#[derive(Debug, Args)]
pub struct NodesArgs {
    #[command(flatten)]
    pub listen: ListenArgs,
}
