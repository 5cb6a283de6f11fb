//! `obanctl demo` arguments.

use clap::{Args, Subcommand};

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

pub const DEMO_UP_HELP: &str = "\
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
