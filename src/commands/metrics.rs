//! `obanctl metrics`: gathers what `top` shows and prints it in the Prometheus text format, or
//! keeps a file up to date for node_exporter's textfile collector.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::cli::MetricsArgs;
use crate::db::Database;
use crate::error::{CliError, CliResult, ExitStatus};
use crate::interrupt;
use crate::printer::Printer;
use crate::redact::Redactor;
use crate::settings::Settings;
use crate::tui::gather::Gatherer;

pub fn run(settings: &Settings, printer: &Printer, args: MetricsArgs) -> CliResult<ExitStatus> {
    if printer.is_json() {
        return Err(
            CliError::usage("metrics writes the Prometheus text format, not JSON")
                .hint("drop --format json"),
        );
    }
    let db = Arc::new(Database::connect(settings, printer)?);
    let mut gatherer = Gatherer::new(db, Redactor::new(&settings.redact));
    if args.watch {
        interrupt::allow_graceful_stop();
    }
    loop {
        let started = Instant::now();
        let snapshot = gatherer.gather();
        let text = crate::metrics::exposition(&snapshot);
        match &args.output {
            Some(path) => {
                write_atomically(path, text.as_bytes())?;
                printer.verbose(format!("wrote {}", path.display()));
            }
            None => printer.text_block(&text)?,
        }
        if !args.watch {
            if let Some(error) = &snapshot.error {
                printer.warning(error.clone());
                return Ok(ExitStatus::Attention);
            }
            return Ok(ExitStatus::Success);
        }
        if let Some(error) = &snapshot.error {
            printer.warning(error.clone());
        }
        while started.elapsed() < args.interval {
            if interrupt::requested() {
                return Err(CliError::interrupted(None));
            }
            std::thread::sleep(Duration::from_millis(100).min(args.interval));
        }
    }
}

/// Replaces `path` so a reader sees the old file or the new one, never half of one: a
/// temporary file in the same directory (same filesystem), fsynced, renamed over it, and the
/// directory fsynced so the rename survives a crash.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> CliResult<()> {
    let fail = |what: &str, err: std::io::Error| {
        CliError::refused(format!("cannot {what} {}: {err}", path.display()))
    };
    let name = path
        .file_name()
        .ok_or_else(|| CliError::usage(format!("--output {} names no file", path.display())))?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => Path::new(".").to_path_buf(),
    };
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if let Err(err) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(fail("write", err));
    }
    if let Ok(dir) = File::open(&dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rewrite_replaces_the_file_whole_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("obanctl.prom");
        write_atomically(&path, b"one 1\n").unwrap();
        write_atomically(&path, b"two 2\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two 2\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("obanctl.prom")]);
        let missing = dir.path().join("no/such/dir/x.prom");
        assert!(write_atomically(&missing, b"x").is_err());
    }
}
