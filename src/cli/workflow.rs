//! `obanctl workflow` arguments.

use clap::{Args, Subcommand};

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
