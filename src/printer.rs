//! The one place that writes to stdout and stderr.
//!
//! stdout carries data only (tables, JSON lines, generated files); stderr carries status, warnings,
//! prompts and errors. The rest of the crate is compiled with `clippy::print_stdout` and
//! `clippy::print_stderr` denied, so output cannot bypass this module.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{IsTerminal, Write};

use owo_colors::OwoColorize;
use serde::Serialize;

use crate::cli::{ColorChoice, Format};
use crate::error::{CliError, CliResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Good,
    Warn,
    Bad,
    Dim,
    Bold,
}

#[derive(Debug, Clone)]
pub struct Printer {
    format: Format,
    color_stdout: bool,
    color_stderr: bool,
    quiet: bool,
    verbose: bool,
}

/// `auto` means: a terminal, `NO_COLOR` unset or empty, and `TERM` not `dumb`.
fn color_for(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
            is_terminal && !no_color && !dumb
        }
    }
}

impl Printer {
    pub fn new(format: Format, color: ColorChoice, quiet: bool, verbose: bool) -> Self {
        Printer {
            format,
            color_stdout: color_for(color, std::io::stdout().is_terminal()),
            color_stderr: color_for(color, std::io::stderr().is_terminal()),
            quiet,
            verbose,
        }
    }

    /// A printer for errors that happen before settings are known (usage errors).
    pub fn fallback() -> Self {
        Printer::new(Format::Human, ColorChoice::Auto, false, false)
    }

    pub fn is_json(&self) -> bool {
        self.format == Format::Json
    }

    pub fn is_verbose(&self) -> bool {
        self.verbose
    }

    /// Whether a person is there to answer a prompt (stdin and stderr are terminals).
    pub fn can_prompt(&self) -> bool {
        std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
    }

    /// Progress bars only make sense on a terminal and when not asked to be quiet.
    pub fn shows_progress(&self) -> bool {
        !self.quiet && std::io::stderr().is_terminal()
    }

    /// A progress bar on stderr counting `unit`s, or a hidden one when there is no terminal to
    /// draw on, under `--quiet`, or with JSON output.
    pub fn progress_bar(&self, total: u64, unit: &str) -> indicatif::ProgressBar {
        if self.is_json() || !self.shows_progress() {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(total),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
            "{{bar:40}} {{pos}}/{{len}} {unit} ({{per_sec}}, eta {{eta}})"
        )) {
            bar.set_style(style);
        }
        bar
    }

    /// A timestamp for tables, or `-` when there is none.
    pub fn time(t: Option<chrono::NaiveDateTime>) -> String {
        t.map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_else(|| "-".into())
    }

    fn paint(enabled: bool, text: &str, style: Style) -> String {
        if !enabled {
            return text.to_string();
        }
        match style {
            Style::Good => text.green().to_string(),
            Style::Warn => text.yellow().to_string(),
            Style::Bad => text.red().to_string(),
            Style::Dim => text.dimmed().to_string(),
            Style::Bold => text.bold().to_string(),
        }
    }

    /// Styles text bound for stdout (plain when colour is off there).
    pub fn paint_out(&self, text: &str, style: Style) -> String {
        Self::paint(self.color_stdout, text, style)
    }

    /// Styles text bound for stderr.
    pub fn paint_err(&self, text: &str, style: Style) -> String {
        Self::paint(self.color_stderr, text, style)
    }

    /// One line of data on stdout.
    pub fn line(&self, text: &str) -> CliResult<()> {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}")?;
        out.flush()?;
        Ok(())
    }

    /// Raw data on stdout (a generated file, SQL), written as is.
    pub fn raw(&self, bytes: &[u8]) -> CliResult<()> {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()?;
        Ok(())
    }

    /// One JSON document on one line of stdout.
    pub fn json<T: Serialize>(&self, value: &T) -> CliResult<()> {
        let text = serde_json::to_string(value).map_err(|e| CliError::Internal(e.into()))?;
        self.line(&text)
    }

    /// A table for people, styled for the terminal it goes to.
    pub fn table(&self, headers: &[&str]) -> comfy_table::Table {
        let mut table = comfy_table::Table::new();
        table.load_preset(comfy_table::presets::NOTHING);
        table.set_content_arrangement(comfy_table::ContentArrangement::Disabled);
        let header: Vec<comfy_table::Cell> = headers
            .iter()
            .map(|h| {
                let cell = comfy_table::Cell::new(h.to_uppercase());
                if self.color_stdout {
                    cell.add_attribute(comfy_table::Attribute::Bold)
                } else {
                    cell
                }
            })
            .collect();
        table.set_header(header);
        if !self.color_stdout {
            table.force_no_tty();
        }
        table
    }

    pub fn print_table(&self, table: &comfy_table::Table) -> CliResult<()> {
        let text = table.to_string();
        // comfy-table pads the last column; trailing spaces are noise in files and diffs.
        let trimmed: Vec<&str> = text.lines().map(str::trim_end).collect();
        self.line(&trimmed.join("\n"))
    }

    /// Progress and outcome sentences on stderr; silent under `--quiet`.
    pub fn status(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }

    /// Details for `--verbose` on stderr.
    pub fn verbose(&self, text: &str) {
        if self.verbose {
            eprintln!("{} {text}", self.paint_err("debug:", Style::Dim));
        }
    }

    /// Something an operator should know even under `--quiet`.
    pub fn warning(&self, text: &str) {
        eprintln!("{} {text}", self.paint_err("warning:", Style::Warn));
    }

    /// A bug: one line naming where it happened, and where to report it.
    pub fn panic(&self, info: &std::panic::PanicHookInfo<'_>) {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "{} internal error: {message}{location} (this is a bug in obanctl {})",
            self.paint_err("error:", Style::Bad),
            env!("CARGO_PKG_VERSION")
        );
    }

    pub fn error(&self, err: &CliError) {
        eprintln!("{} {err}", self.paint_err("error:", Style::Bad));
        if let CliError::Internal(inner) = err {
            for cause in inner.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
        }
        if let Some(hint) = err.hint() {
            eprintln!("{} {hint}", self.paint_err("hint:", Style::Dim));
        }
    }
}
