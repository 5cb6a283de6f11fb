//! obanctl: Oban Powertools for the terminal.
//!
//! `main.rs` only calls [`main_entry`]. Argument definitions live in [`cli`], settings resolution
//! in [`settings`], the work in [`commands`] (one module per command group), pure domain logic in
//! modules without database access ([`install`]), and all output goes through [`printer::Printer`].
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod audit;
pub mod audit_trail;
pub mod cli;
pub mod commands;
pub mod cron;
pub mod db;
pub mod demo;
pub mod doctor;
pub mod error;
pub mod fuzzing;
pub mod install;
pub mod interrupt;
pub mod jobs;
pub mod limiter;
pub mod printer;
pub mod redact;
pub mod settings;
pub mod workflow;

use std::process::ExitCode;

use clap::Parser;

/// Parses arguments (usage errors exit 64 before anything runs), then runs the command.
pub fn main_entry() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version go to stdout and exit 0; everything else is a usage error.
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(64)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    interrupt::install_handler();
    // A panic is a bug: report it in one line and exit 70, never with a backtrace dump.
    std::panic::set_hook(Box::new(|info| printer::Printer::fallback().panic(info)));
    match std::panic::catch_unwind(|| commands::run(cli)) {
        Ok(code) => code,
        Err(_) => ExitCode::from(70),
    }
}
