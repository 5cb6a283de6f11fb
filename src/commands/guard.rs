//! The rules every mutation follows before it changes anything: a reason, an actor, and a
//! confirmation (or `--yes`). Without a terminal these refuse rather than wait for input.

use crate::error::{CliError, CliResult};
use crate::jobs::validate_reason;
use crate::printer::Printer;
use crate::settings::{Settings, Source};

/// The validated `--reason`, or `None` when it will be asked for on the terminal (or is not
/// needed, for a dry run). `what` names the change, e.g. "retry jobs".
pub fn reason_given(
    reason: Option<&str>,
    dry_run: bool,
    printer: &Printer,
    what: &str,
) -> CliResult<Option<String>> {
    match reason {
        // A missing or malformed --reason is a usage error (64): the command line is wrong,
        // nothing was judged or refused about the change itself.
        Some(text) => Ok(Some(
            validate_reason(text).map_err(|e| CliError::usage(format!("--reason: {e}")))?,
        )),
        None if dry_run || printer.can_prompt() => Ok(None),
        None => Err(CliError::usage(format!("a reason is required to {what}"))
            .hint("pass --reason '...' (8 to 1000 characters); it is recorded in the audit log")),
    }
}

pub fn prompt_reason(what: &str) -> CliResult<String> {
    // `what` may name a database object (a cron entry): neutralised like all terminal text.
    let what = crate::output::sanitize::inline(what);
    let _prompting = crate::interrupt::prompting();
    let text: String = dialoguer::Input::new()
        .with_prompt(format!(
            "Reason to {what} (8 to 1000 characters, recorded in the audit log)"
        ))
        .validate_with(|input: &String| validate_reason(input).map(|_| ()))
        .interact_text()
        .map_err(|e| prompt_failed(e, "no reason given"))?;
    validate_reason(&text).map_err(CliError::refused)
}

/// Mutations must name who acted; an OS identity we could not read is no identity.
pub fn require_actor(settings: &Settings) -> CliResult<()> {
    if settings.actor.source == Source::Os && settings.actor.value.starts_with("unknown@") {
        return Err(CliError::refused_with_hint(
            "no actor: cannot tell who is making this change",
            "pass --actor NAME or set OBANCTL_ACTOR",
        ));
    }
    Ok(())
}

/// Asks `question` on the terminal unless `yes`; refuses when there is no terminal to ask on.
pub fn confirm(printer: &Printer, question: &str, yes: bool) -> CliResult<()> {
    if yes {
        return Ok(());
    }
    if !printer.can_prompt() {
        return Err(CliError::refused_with_hint(
            "not confirmed: no terminal to ask on",
            "pass --yes to run without a prompt, or look at the plan first (--dry-run, or no --execute)",
        ));
    }
    let _prompting = crate::interrupt::prompting();
    let confirmed = dialoguer::Confirm::new()
        .with_prompt(crate::output::sanitize::inline(question))
        .default(false)
        .interact()
        .map_err(|e| prompt_failed(e, "not confirmed"))?;
    if confirmed {
        Ok(())
    } else {
        Err(CliError::refused("not confirmed; nothing was changed"))
    }
}

/// A prompt that ended without an answer. Ctrl-C (the terminal is in raw mode, so it arrives as
/// a key; the prompt library raises SIGINT as well) ends the prompt's line and exits 130 like
/// Ctrl-C anywhere else, reported once, by this path or by the handler.
fn prompt_failed(err: dialoguer::Error, what: &str) -> CliError {
    let dialoguer::Error::IO(io) = &err;
    if io.kind() == std::io::ErrorKind::Interrupted {
        if !crate::interrupt::claim_prompt_ctrl_c() {
            // The SIGINT handler got there first: it is writing the message and exiting.
            loop {
                std::thread::park();
            }
        }
        crate::printer::end_prompt_line();
        return CliError::interrupted(Some("at the prompt; nothing was changed".into()));
    }
    CliError::refused(format!("{what}: {err}"))
}

pub fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
