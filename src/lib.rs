//! obanctl: Oban Powertools for the terminal.
//!
//! `main.rs` only calls [`main_entry`]. Argument definitions live in [`cli`], settings resolution
//! in [`settings`], the work in [`commands`] (one module per command group), pure domain logic in
//! modules without database access ([`install`]), and all output goes through [`printer::Printer`].
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod audit;
pub mod audit_chain;
pub mod audit_trail;
pub mod cli;
pub mod cluster;
pub mod commands;
pub mod cron;
pub mod db;
pub mod decode;
pub mod demo;
pub mod doctor;
pub mod error;
pub mod export;
pub mod fuzzing;
pub mod install;
pub mod interrupt;
pub mod jobs;
pub mod limiter;
pub mod liveness;
pub mod metrics;
pub mod notifier;
pub mod output;
pub mod printer;
pub mod queue_state;
pub mod redact;
pub mod report;
pub mod settings;
pub mod triage;
pub mod tui;
pub mod values;
pub mod workflow;

use std::io::Write;

use clap::Parser;

/// Parses arguments (usage errors exit 64 before anything runs), runs the command, and ends the
/// process with its exit code.
pub fn main_entry() -> ! {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version go to stdout and exit 0; everything else is a usage error, as
            // JSON when the command line asked for JSON.
            if err.use_stderr() && wants_json(std::env::args()) {
                let error = error::CliError::usage(err.kind().to_string()).hint(
                    err.to_string()
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                printer::Printer::fallback_json().error(&error);
            } else {
                let _ = err.print();
            }
            exit_now(if err.use_stderr() { 64 } else { 0 });
        }
    };
    interrupt::install_handler();
    // A panic is a bug: report it in one line and exit 70, never with a backtrace dump.
    std::panic::set_hook(Box::new(|info| printer::Printer::fallback().panic(info)));
    let code = std::panic::catch_unwind(|| commands::run(cli)).unwrap_or(70);
    exit_now(code)
}

/// Whether the raw arguments (or `OBANCTL_FORMAT`) ask for JSON output, for errors found before
/// the arguments could be parsed.
fn wants_json(args: impl Iterator<Item = String>) -> bool {
    let args: Vec<String> = args.collect();
    let from_args = args
        .windows(2)
        .any(|w| w[0] == "--format" && w[1] == "json")
        || args.iter().any(|a| a == "--format=json");
    from_args || std::env::var("OBANCTL_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json"))
}

/// Flushes our output and ends the process without running C `atexit` handlers. The connection
/// pool may still be opening a spare connection on its own thread; OpenSSL's exit-time cleanup
/// would free the TLS state under that handshake and crash the process (seen as exit 139 after a
/// correct error message). Nothing of ours needs those handlers.
fn exit_now(code: u8) -> ! {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: _exit ends the process immediately; no Rust state is observed afterwards.
    unsafe { libc::_exit(code as i32) }
}
