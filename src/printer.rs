//! The one place that writes to stdout and stderr.
//!
//! stdout carries data only: report values as JSON lines (`--format json`) or rendered views,
//! generated files. stderr carries progress, warnings, prompts and errors (errors and warnings as
//! JSON lines too in JSON mode). Every string that reaches a terminal passes through
//! [`crate::output::render`] or [`crate::output::sanitize`] here, so database text can never
//! emit control sequences. The rest of the crate is compiled with `clippy::print_stdout` and
//! `clippy::print_stderr` denied, so output cannot bypass this module.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{IsTerminal, Write};

use crate::error::{CliError, CliResult};
use crate::output::render::{self, RenderOptions};
use crate::output::{json, sanitize, Doc, ErrorRecord, Line, Record, Span, Style, View};
use crate::values::{ColorChoice, Format};

/// What the process is connected to, captured once per run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub stdin_tty: bool,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
    /// Columns to fit tables to: `COLUMNS` when set, else the terminal's width when stdout is a
    /// terminal, else none (a pipe or file gets whole rows).
    pub width: Option<u16>,
}

/// Narrower than this, fitting a table is hopeless; rows are left whole instead.
const MIN_WIDTH: u16 = 20;

impl Term {
    pub fn detect(env: &dyn Fn(&str) -> Option<String>) -> Term {
        let stdout_tty = std::io::stdout().is_terminal();
        let from_env = env("COLUMNS")
            .and_then(|v| v.trim().parse::<u16>().ok())
            .filter(|w| *w >= MIN_WIDTH);
        let width = from_env.or_else(|| {
            if stdout_tty {
                crossterm::terminal::size()
                    .ok()
                    .map(|(w, _)| w)
                    .filter(|w| *w >= MIN_WIDTH)
            } else {
                None
            }
        });
        Term {
            stdin_tty: std::io::stdin().is_terminal(),
            stdout_tty,
            stderr_tty: std::io::stderr().is_terminal(),
            width,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Printer {
    format: Format,
    color_stdout: bool,
    color_stderr: bool,
    quiet: bool,
    verbose: bool,
    no_trunc: bool,
    term: Term,
}

/// `auto` means: a terminal, `NO_COLOR` unset or empty, and `TERM` not `dumb`.
fn color_for(choice: ColorChoice, is_terminal: bool, env: &dyn Fn(&str) -> Option<String>) -> bool {
    let no_color = env("NO_COLOR").is_some_and(|v| !v.is_empty());
    match choice {
        // NO_COLOR is the user's standing wish; only an explicit --color always beats it.
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let dumb = env("TERM").is_some_and(|t| t == "dumb");
            is_terminal && !no_color && !dumb
        }
    }
}

/// Options for a printer that do not come from the terminal.
#[derive(Debug, Clone, Copy)]
pub struct PrinterOptions {
    pub format: Format,
    pub color: ColorChoice,
    pub quiet: bool,
    pub verbose: bool,
    pub no_trunc: bool,
}

impl Printer {
    pub fn new(options: PrinterOptions) -> Self {
        let env = |name: &str| std::env::var(name).ok();
        Printer::with_term(options, Term::detect(&env), &env)
    }

    pub fn with_term(
        options: PrinterOptions,
        term: Term,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Self {
        Printer {
            format: options.format,
            color_stdout: color_for(options.color, term.stdout_tty, env),
            color_stderr: color_for(options.color, term.stderr_tty, env),
            quiet: options.quiet,
            verbose: options.verbose,
            no_trunc: options.no_trunc,
            term,
        }
    }

    /// A printer for errors that happen before settings are known (usage errors).
    pub fn fallback() -> Self {
        Printer::new(PrinterOptions {
            format: Format::Human,
            color: ColorChoice::Auto,
            quiet: false,
            verbose: false,
            no_trunc: false,
        })
    }

    /// A printer writing JSON, for errors before settings are known when `--format json` was
    /// given.
    pub fn fallback_json() -> Self {
        Printer {
            format: Format::Json,
            ..Printer::fallback()
        }
    }

    pub fn is_json(&self) -> bool {
        self.format == Format::Json
    }

    pub fn is_verbose(&self) -> bool {
        self.verbose
    }

    pub fn is_quiet(&self) -> bool {
        self.quiet
    }

    pub fn term(&self) -> Term {
        self.term
    }

    /// Whether a person is there to answer a prompt (stdin and stderr are terminals).
    pub fn can_prompt(&self) -> bool {
        self.term.stdin_tty && self.term.stderr_tty
    }

    /// Progress bars only make sense on a terminal and when not asked to be quiet.
    pub fn shows_progress(&self) -> bool {
        !self.quiet && self.term.stderr_tty
    }

    pub fn color_stderr(&self) -> bool {
        self.color_stderr
    }

    /// How views are rendered on stdout.
    pub fn render_options(&self) -> RenderOptions {
        RenderOptions {
            width: self.term.width,
            color: self.color_stdout,
            truncate: self.term.width.is_some() && !self.no_trunc,
        }
    }

    /// How views are rendered on stderr (previews, summaries shown beside prompts).
    pub fn render_options_stderr(&self) -> RenderOptions {
        RenderOptions {
            width: self.term.width,
            color: self.color_stderr,
            truncate: self.term.width.is_some() && !self.no_trunc,
        }
    }

    // ---- data on stdout ------------------------------------------------------------------------

    fn write_stdout(&self, text: &str) -> CliResult<()> {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        Ok(())
    }

    /// One report value: its JSON line, or its view.
    pub fn emit<T: Record + View>(&self, value: &T) -> CliResult<()> {
        if self.is_json() {
            self.json(value)
        } else {
            self.doc(&value.view())
        }
    }

    /// One value: its JSON line, or a view of it that needs more than the value (a verb, a
    /// sample) for people.
    pub fn emit_with<T: Record>(&self, value: &T, view: &dyn View) -> CliResult<()> {
        if self.is_json() {
            self.json(value)
        } else {
            self.doc(&view.view())
        }
    }

    /// A list: one JSON line per item, or the list's view for people.
    pub fn emit_list<T: Record>(&self, items: &[T], view: &dyn View) -> CliResult<()> {
        if self.is_json() {
            self.json_all(items)
        } else {
            self.doc(&view.view())
        }
    }

    /// A value that only scripts need line by line (a job's outcome in a bulk run): its JSON
    /// line in JSON mode, nothing for people (they get the summary).
    pub fn json<T: Record>(&self, value: &T) -> CliResult<()> {
        if !self.is_json() {
            return Ok(());
        }
        let mut text = json::line(T::KIND, value).map_err(CliError::internal)?;
        text.push('\n');
        self.write_stdout(&text)
    }

    /// Many JSON lines with one write.
    pub fn json_all<'a, T: Record + 'a>(
        &self,
        values: impl IntoIterator<Item = &'a T>,
    ) -> CliResult<()> {
        if !self.is_json() {
            return Ok(());
        }
        let mut text = String::new();
        for value in values {
            text.push_str(&json::line(T::KIND, value).map_err(CliError::internal)?);
            text.push('\n');
        }
        if text.is_empty() {
            return Ok(());
        }
        self.write_stdout(&text)
    }

    /// A human view on stdout. In JSON mode stdout carries only JSON, so the view goes to stderr.
    pub fn doc(&self, doc: &Doc) -> CliResult<()> {
        if self.is_json() {
            self.doc_stderr(doc);
            return Ok(());
        }
        self.write_stdout(&render::doc(doc, &self.render_options()))
    }

    /// One line of human text on stdout (to stderr in JSON mode, like [`Printer::doc`]).
    pub fn line(&self, line: impl Into<Line>) -> CliResult<()> {
        self.doc(&Doc::new().line(line))
    }

    /// Several lines of human text on stdout, each neutralised on its own.
    pub fn lines<S: AsRef<str>>(&self, lines: &[S]) -> CliResult<()> {
        let mut doc = Doc::new();
        for line in lines {
            for part in line.as_ref().split('\n') {
                doc = doc.line(part.to_string());
            }
        }
        self.doc(&doc)
    }

    /// Generated multi-line text for stdout (DOT, SQL, a migration): each line neutralised.
    pub fn text_block(&self, text: &str) -> CliResult<()> {
        let mut out = String::with_capacity(text.len() + 16);
        for line in sanitize::lines(text.strip_suffix('\n').unwrap_or(text)) {
            out.push_str(&line);
            out.push('\n');
        }
        self.write_stdout(&out)
    }

    /// Bytes obanctl generated itself and that are already safe (export lines written by
    /// [`json`], completion scripts), written as they are.
    pub fn raw(&self, bytes: &[u8]) -> CliResult<()> {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()?;
        Ok(())
    }

    // ---- people on stderr ----------------------------------------------------------------------

    fn write_stderr(&self, text: &str) {
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
    }

    /// A view on stderr (a bulk preview beside its prompt), silent under `--quiet`.
    pub fn doc_stderr(&self, doc: &Doc) {
        if !self.quiet {
            self.write_stderr(&render::doc(doc, &self.render_options_stderr()));
        }
    }

    /// Progress and outcome sentences on stderr; silent under `--quiet`.
    pub fn status(&self, line: impl Into<Line>) {
        if !self.quiet {
            let mut text = render::line(&line.into(), self.color_stderr);
            text.push('\n');
            self.write_stderr(&text);
        }
    }

    /// Details for `--verbose` on stderr.
    pub fn verbose(&self, line: impl Into<Line>) {
        if self.verbose {
            let line = Line::new()
                .styled("debug: ", Style::Dim)
                .extend(line.into());
            let mut text = render::line(&line, self.color_stderr);
            text.push('\n');
            self.write_stderr(&text);
        }
    }

    /// Something an operator should know even under `--quiet`.
    pub fn warning(&self, line: impl Into<Line>) {
        let line = line.into();
        if self.is_json() {
            #[derive(serde::Serialize)]
            struct Warning {
                message: String,
            }
            let text = json::line(
                "warning",
                &Warning {
                    message: line.plain_text(),
                },
            )
            .unwrap_or_default();
            self.write_stderr(&format!("{text}\n"));
            return;
        }
        let line = Line::new().styled("warning: ", Style::Warn).extend(line);
        let mut text = render::line(&line, self.color_stderr);
        text.push('\n');
        self.write_stderr(&text);
    }

    /// A progress bar on stderr counting `unit`s, or a hidden one when there is no terminal to
    /// draw on, under `--quiet`, or with JSON output.
    pub fn progress_bar(&self, total: u64, unit: &str) -> indicatif::ProgressBar {
        self.progress(
            Some(total),
            "{bar:40} {pos}/{len} UNIT ({per_sec}, eta {eta})",
            unit,
        )
    }

    /// A running count for work whose total is not known beforehand (same rules as
    /// [`Printer::progress_bar`]).
    pub fn progress_counter(&self, unit: &str) -> indicatif::ProgressBar {
        self.progress(None, "{spinner} {pos} UNIT ({per_sec})", unit)
    }

    /// A progress display of `total` (None: unknown) drawn with `template`, whose `UNIT` is
    /// replaced by the sanitised `unit` (its braces escaped for indicatif).
    fn progress(&self, total: Option<u64>, template: &str, unit: &str) -> indicatif::ProgressBar {
        if self.is_json() || !self.shows_progress() {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::with_draw_target(
            total,
            indicatif::ProgressDrawTarget::stderr(),
        );
        let unit = sanitize::inline(unit).replace('{', "{{").replace('}', "}}");
        if let Ok(style) = indicatif::ProgressStyle::with_template(&template.replace("UNIT", &unit))
        {
            bar.set_style(style);
        }
        bar
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
        let err = CliError::internal(anyhow::anyhow!(
            "internal error: {message}{location} (this is a bug in obanctl {})",
            env!("CARGO_PKG_VERSION")
        ));
        self.error(&err);
    }

    pub fn error(&self, err: &CliError) {
        if self.is_json() {
            let text =
                json::line(ErrorRecord::KIND, &ErrorRecord::from_error(err)).unwrap_or_else(|_| {
                    "{\"kind\":\"error\",\"code\":\"internal\",\"exit\":70}".into()
                });
            self.write_stderr(&format!("{text}\n"));
            return;
        }
        let mut doc = Doc::new().line(
            Line::new()
                .styled("error: ", Style::Bad)
                .push(err.message().to_string()),
        );
        for cause in err.causes() {
            doc = doc.line(Line::new().push("  caused by: ").push(cause));
        }
        for hint in err.hints() {
            doc = doc.line(Line::new().styled("hint: ", Style::Dim).push(hint.clone()));
        }
        self.write_stderr(&render::doc(&doc, &self.render_options_stderr()));
    }
}

/// Doctor's human report still builds its lines itself; its colours go through here (plain for
/// now: the lines are sanitised like every other, and colour never reaches a pipe).
impl Printer {
    pub fn paint_out(&self, text: &str, _style: Style) -> String {
        text.to_string()
    }
}

/// Ends the line a prompt was left on (Ctrl-C while it waited) and shows the cursor again, so
/// the error that follows starts on a clean line.
pub fn end_prompt_line() {
    let _ = dialoguer::console::Term::stderr().show_cursor();
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(b"\n");
    let _ = err.flush();
}

/// A span styled only when `condition` holds (e.g. a warning colour for a paused entry).
pub fn styled_if(text: impl Into<String>, condition: bool, style: Style) -> Span {
    Span::maybe(text, condition.then_some(style))
}
