//! `obanctl limiter` arguments.

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum LimiterCommand {
    /// Every limiter: scope, capacity per window, default weight, partitions charged, and whether
    /// its settings can be judged
    #[command(after_long_help = crate::limiter::GLOSSARY)]
    List,

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

    /// Milliseconds between requests (0 to 3,162,240,000,000, i.e. 100 years)
    #[arg(long, value_name = "MS", default_value_t = 0,
          value_parser = clap::value_parser!(i64).range(0..=crate::limiter::MAX_SPAN_MS))]
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
