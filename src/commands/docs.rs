//! Shell completions and man pages, generated from the clap definitions. The committed copies in
//! `completions/` and `man/` are checked against these functions by `tests/generated_docs.rs`.

use std::path::Path;

use clap::{CommandFactory, ValueEnum};
use clap_complete::{Generator, Shell};

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::error::{CliError, CliResult, ExitStatus};
use crate::printer::Printer;

const BIN: &str = "obanctl";

fn completion_script(shell: Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), BIN, &mut buf);
    buf
}

/// `(file name, contents)` for every supported shell.
pub fn render_completions() -> Vec<(String, Vec<u8>)> {
    Shell::value_variants()
        .iter()
        .map(|shell| (shell.file_name(BIN), completion_script(*shell)))
        .collect()
}

/// `(file name, contents)`: `obanctl.1` and one `obanctl-<path>.1` per subcommand.
pub fn render_man_pages() -> CliResult<Vec<(String, Vec<u8>)>> {
    // Man pages have no `help` subcommand to point at (there is no obanctl-help(1)).
    let mut root = without_help_subcommand(Cli::command());
    root.build();
    let mut pages = Vec::new();
    collect_pages(&root, BIN, &mut pages)?;
    Ok(pages)
}

fn without_help_subcommand(cmd: clap::Command) -> clap::Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd = cmd.disable_help_subcommand(true);
    for name in names {
        cmd = cmd.mut_subcommand(name, without_help_subcommand);
    }
    cmd
}

/// Text for roff: backslashes and hyphens escaped, no line read as a request.
fn roff_escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

fn bold(text: &str) -> String {
    format!("\\fB{}\\fR", roff_escape(text))
}

fn italic(text: &str) -> String {
    format!("\\fI{}\\fR", roff_escape(text))
}

/// The SYNOPSIS with each option's value name (`--only CHECK`), which clap_mangen leaves out.
fn synopsis(cmd: &clap::Command) -> String {
    let name = cmd.get_bin_name().unwrap_or_else(|| cmd.get_name());
    let mut parts = vec![bold(name)];
    for arg in cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_positional())
    {
        let flag = match (arg.get_short(), arg.get_long()) {
            (Some(short), Some(long)) => {
                format!(
                    "{}|{}",
                    bold(&format!("-{short}")),
                    bold(&format!("--{long}"))
                )
            }
            (Some(short), None) => bold(&format!("-{short}")),
            (None, Some(long)) => bold(&format!("--{long}")),
            (None, None) => continue,
        };
        let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values())
            && !matches!(
                arg.get_action(),
                clap::ArgAction::SetTrue
                    | clap::ArgAction::SetFalse
                    | clap::ArgAction::Count
                    | clap::ArgAction::Help
                    | clap::ArgAction::HelpShort
                    | clap::ArgAction::HelpLong
                    | clap::ArgAction::Version
            );
        let value = if takes_value {
            let names = arg
                .get_value_names()
                .map(|n| n.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" "))
                .unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
            format!(" {}", italic(&names))
        } else {
            String::new()
        };
        let repeat = if matches!(
            arg.get_action(),
            clap::ArgAction::Append | clap::ArgAction::Count
        ) {
            "..."
        } else {
            ""
        };
        if arg.is_required_set() {
            parts.push(format!("{flag}{value}{repeat}"));
        } else {
            parts.push(format!("[{flag}{value}]{repeat}"));
        }
    }
    for arg in cmd.get_positionals().filter(|a| !a.is_hide_set()) {
        let names = arg
            .get_value_names()
            .map(|n| n.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
        let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
        let repeat = if many { "..." } else { "" };
        if arg.is_required_set() {
            parts.push(format!("{}{repeat}", italic(&names)));
        } else {
            parts.push(format!("[{}]{repeat}", italic(&names)));
        }
    }
    if cmd.has_subcommands() {
        parts.push(format!("<{}>", italic("command")));
    }
    format!(".SH SYNOPSIS\n{}\n", parts.join(" "))
}

/// The page's closing text, split: the exit-code paragraph becomes EXIT STATUS (every page has
/// one: its own, or the table every command shares), the rest stays NOTES, both preformatted.
fn extra_sections(cmd: &clap::Command, shared_exit: &str) -> String {
    let text = cmd
        .get_after_long_help()
        .or_else(|| cmd.get_after_help())
        .map(|t| t.to_string())
        .unwrap_or_default();
    let mut notes: Vec<String> = Vec::new();
    let mut exit: Vec<String> = Vec::new();
    for paragraph in text.split("\n\n") {
        if paragraph.trim_start().starts_with("Exit codes") {
            exit.push(paragraph.to_string());
        } else if !paragraph.trim().is_empty() {
            notes.push(paragraph.to_string());
        }
    }
    let block = |text: &str| -> String {
        let mut out = String::from(".nf\n");
        for line in text.lines() {
            out.push_str(&roff_escape(line));
            out.push('\n');
        }
        out.push_str(".fi\n");
        out
    };
    let mut out = String::new();
    if !notes.is_empty() {
        out.push_str(".SH NOTES\n");
        out.push_str(&block(&notes.join("\n\n")));
    }
    out.push_str(".SH \"EXIT STATUS\"\n");
    if exit.is_empty() {
        out.push_str(&block(shared_exit));
    } else {
        out.push_str(&block(&exit.join("\n\n")));
        if !shared_exit.is_empty() && !exit.iter().any(|e| e.contains("130")) {
            out.push_str(".PP\nOtherwise as for every command:\n");
            out.push_str(&block(shared_exit));
        }
    }
    out
}

/// The exit-code table of the root command's help (shared by every page).
fn shared_exit_codes() -> String {
    let root = Cli::command();
    let text = root
        .get_after_long_help()
        .or_else(|| root.get_after_help())
        .map(|t| t.to_string())
        .unwrap_or_default();
    text.split("\n\n")
        .find(|p| p.trim_start().starts_with("Exit codes"))
        .unwrap_or_default()
        .to_string()
}

fn render_page(cmd: clap::Command) -> CliResult<Vec<u8>> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    buf.extend_from_slice(synopsis(&cmd).as_bytes());
    man.render_description_section(&mut buf)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut buf)?;
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut buf)?;
    }
    buf.extend_from_slice(extra_sections(&cmd, &shared_exit_codes()).as_bytes());
    if cmd.get_version().is_some() || cmd.get_long_version().is_some() {
        man.render_version_section(&mut buf)?;
    }
    // Each section rendered alone repeats clap_mangen's two-line preamble: keep the first.
    let text = String::from_utf8_lossy(&buf).into_owned();
    let mut seen = 0;
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| {
            let preamble = line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
            if preamble {
                seen += 1;
            }
            !preamble || seen <= 2
        })
        .collect();
    Ok((kept.join("\n") + "\n").into_bytes())
}

fn collect_pages(
    cmd: &clap::Command,
    name: &str,
    pages: &mut Vec<(String, Vec<u8>)>,
) -> CliResult<()> {
    let page_cmd = cmd
        .clone()
        .name(name.to_string())
        .bin_name(name.replace('-', " "));
    pages.push((format!("{name}.1"), render_page(page_cmd)?));
    for sub in cmd.get_subcommands() {
        collect_pages(sub, &format!("{name}-{}", sub.get_name()), pages)?;
    }
    Ok(())
}

fn write_all(dir: &Path, files: &[(String, Vec<u8>)], printer: &Printer) -> CliResult<()> {
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError::usage(format!("cannot create {}: {e}", dir.display())))?;
    for (name, contents) in files {
        let path = dir.join(name);
        std::fs::write(&path, contents).map_err(|e| {
            CliError::internal(anyhow::anyhow!("cannot write {}: {e}", path.display()))
        })?;
        printer.line(path.display().to_string())?;
    }
    Ok(())
}

pub fn completions(printer: &Printer, args: CompletionsArgs) -> CliResult<ExitStatus> {
    match (args.shell, args.out_dir) {
        (Some(shell), None) => printer.raw(&completion_script(shell))?,
        (None, Some(dir)) => write_all(&dir, &render_completions(), printer)?,
        _ => return Err(CliError::usage("give either a SHELL or --out-dir")),
    }
    Ok(ExitStatus::Success)
}

pub fn man(printer: &Printer, args: ManArgs) -> CliResult<ExitStatus> {
    write_all(&args.out_dir, &render_man_pages()?, printer)?;
    Ok(ExitStatus::Success)
}
