//! `obanctl top`: checks it has a terminal, connects, and hands over to the dashboard.

use std::sync::Arc;

use crate::cli::TopArgs;
use crate::db::Database;
use crate::error::{CliError, CliResult, ExitStatus};
use crate::printer::Printer;
use crate::settings::Settings;
use crate::tui::app::{self, Options};

/// Connections: the poller's reads, the actions' batches and selection, and a spare.
const POOL_SIZE: u32 = 4;

pub fn run(settings: &Settings, printer: &Printer, args: TopArgs) -> CliResult<ExitStatus> {
    if printer.is_json() {
        return Err(
            CliError::usage("top is an interactive dashboard and has no JSON output").hint(
                "use `obanctl metrics` (Prometheus text) or `obanctl jobs count --format json`",
            ),
        );
    }
    let term = printer.term();
    if !(term.stdin_tty && term.stdout_tty) {
        return Err(CliError::refused_with_hint(
            "top needs a terminal on stdin and stdout",
            "for scripts and monitoring use `obanctl metrics`",
        ));
    }
    let db = Arc::new(Database::connect_with_pool(settings, printer, POOL_SIZE)?);
    app::run(
        settings,
        db,
        Options {
            interval: args.interval,
            read_only: args.read_only,
            color: printer.render_options().color,
        },
    )
}
