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
    let mut root = Cli::command();
    root.build();
    let mut pages = Vec::new();
    collect_pages(&root, BIN, &mut pages)?;
    Ok(pages)
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
    let mut buf = Vec::new();
    clap_mangen::Man::new(page_cmd).render(&mut buf)?;
    pages.push((format!("{name}.1"), buf));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
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
