//! What every file obanctl writes for later reading shares (`audit export`, `jobs export`,
//! `jobs prune --archive`): where the bytes go (stdout, a file, a gzip file), the header and
//! trailer lines (`obanctl_export`), the running count and SHA-256 of the rows, and the escaping
//! that keeps a JSON text safe on a terminal. The formats themselves stay with their commands.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{CliError, CliResult};
use crate::output::sanitize::is_unsafe;
use crate::printer::Printer;

/// Where an export goes: stdout through the printer, a file, or a gzip file.
pub enum Sink<'a> {
    Stdout(&'a Printer),
    File(std::io::BufWriter<std::fs::File>),
    Gzip(flate2::write::GzEncoder<std::io::BufWriter<std::fs::File>>),
}

impl Sink<'_> {
    /// Opens `path` for writing: gzip when its name ends in `.gz`. With `create_new`, an existing
    /// file is refused (an archive is never overwritten or mixed with another run's).
    pub fn open(path: &Path, create_new: bool) -> CliResult<Sink<'static>> {
        let file = if create_new {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .map_err(|e| {
                    if e.kind() == std::io::ErrorKind::AlreadyExists {
                        CliError::refused_with_hint(
                            format!("{} already exists; an archive is never overwritten", path.display()),
                            "give a new file name for this run (`jobs restore` takes several files)",
                        )
                        .code("archive_exists")
                    } else {
                        CliError::usage(format!("cannot write {}: {e}", path.display()))
                    }
                })?
        } else {
            std::fs::File::create(path)
                .map_err(|e| CliError::usage(format!("cannot write {}: {e}", path.display())))?
        };
        let file = std::io::BufWriter::with_capacity(1 << 20, file);
        Ok(if is_gzip_name(path) {
            Sink::Gzip(flate2::write::GzEncoder::new(
                file,
                flate2::Compression::fast(),
            ))
        } else {
            Sink::File(file)
        })
    }

    pub fn write(&mut self, bytes: &[u8]) -> CliResult<()> {
        match self {
            Sink::Stdout(printer) => printer.raw(bytes),
            Sink::File(file) => Ok(file.write_all(bytes)?),
            Sink::Gzip(file) => Ok(file.write_all(bytes)?),
        }
    }

    /// Makes everything written so far durable: flushed (a gzip stream sync-flushed, so it can be
    /// read back up to here) and, for files, fsynced to disk.
    pub fn sync(&mut self) -> CliResult<()> {
        match self {
            Sink::Stdout(_) => Ok(()),
            Sink::File(file) => {
                file.flush()?;
                durable(file.get_ref())
            }
            Sink::Gzip(file) => {
                file.flush()?;
                file.get_mut().flush()?;
                durable(file.get_ref().get_ref())
            }
        }
    }

    /// Ends the stream (a gzip member gets its trailer) and syncs it.
    pub fn finish(self) -> CliResult<()> {
        match self {
            Sink::Stdout(_) => Ok(()),
            Sink::File(mut file) => {
                file.flush()?;
                durable(file.get_ref())
            }
            Sink::Gzip(file) => {
                let mut inner = file.finish()?;
                inner.flush()?;
                durable(inner.get_ref())
            }
        }
    }
}

/// fsyncs `file` when it is a regular file. Other outputs (`/dev/null`, a pipe, a terminal named
/// as the file) hold nothing to make durable, and fsync refuses them with EINVAL.
fn durable(file: &std::fs::File) -> CliResult<()> {
    if file.metadata()?.is_file() {
        file.sync_data()?;
    }
    Ok(())
}

pub fn is_gzip_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// A plain file for a sidecar or an export (truncated if it exists).
pub fn create_file(path: &Path) -> CliResult<std::io::BufWriter<std::fs::File>> {
    Ok(std::io::BufWriter::new(
        std::fs::File::create(path)
            .map_err(|e| CliError::usage(format!("cannot write {}: {e}", path.display())))?,
    ))
}

/// Where a CSV export's header and trailer go: `--meta FILE`, else `OUTPUT.meta.jsonl`.
pub fn meta_path(meta: Option<&Path>, output: Option<&Path>) -> Option<PathBuf> {
    meta.map(Path::to_path_buf).or_else(|| {
        output.map(|out| {
            let mut name = out.as_os_str().to_owned();
            name.push(".meta.jsonl");
            PathBuf::from(name)
        })
    })
}

/// A line obanctl writes into a file (export headers and trailers), escaped like every JSON line.
pub fn json_line<T: Serialize>(value: &T) -> CliResult<Vec<u8>> {
    let mut line = crate::output::json::to_string(value).map_err(CliError::internal)?;
    line.push('\n');
    Ok(line.into_bytes())
}

/// Appends `json` (a JSON text from PostgreSQL) to `out` with every character of
/// [`is_unsafe`] that is not already escaped written as `\uXXXX`. Such characters can only occur
/// inside JSON strings, so the text means exactly the same, and is safe on a terminal.
pub fn push_json_text_safe(out: &mut Vec<u8>, json: &str) {
    let bytes = json.as_bytes();
    // Fast path: the ASCII range below DEL needs nothing (PostgreSQL escapes C0 controls).
    if bytes.iter().all(|b| (0x20..0x7f).contains(b)) {
        out.extend_from_slice(bytes);
        return;
    }
    let mut start = 0;
    for (index, c) in json.char_indices() {
        if is_unsafe(c) {
            out.extend_from_slice(&bytes[start..index]);
            let _ = write!(out, "\\u{:04x}", c as u32);
            start = index + c.len_utf8();
        }
    }
    out.extend_from_slice(&bytes[start..]);
}

/// The running count and SHA-256 of the row lines of an export.
#[derive(Default, Clone)]
pub struct RowDigest {
    pub rows: u64,
    hasher: Sha256,
}

impl RowDigest {
    pub fn update(&mut self, bytes: &[u8], rows: u64) {
        self.hasher.update(bytes);
        self.rows += rows;
    }

    pub fn hex(&self) -> String {
        format!("{:x}", self.hasher.clone().finalize())
    }
}

/// SHA-256 (hex) of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_in_json_text_are_escaped_losslessly() {
        let text = "{\"a\":\"x\u{202e}y\u{9b}z\u{7f}\",\"b\":1}";
        let mut out = Vec::new();
        push_json_text_safe(&mut out, text);
        let escaped = String::from_utf8(out).unwrap();
        assert_eq!(escaped, "{\"a\":\"x\\u202ey\\u009bz\\u007f\",\"b\":1}");
        let before: serde_json::Value = serde_json::from_str(text).unwrap();
        let after: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(before, after);
        let mut plain = Vec::new();
        push_json_text_safe(&mut plain, "{\"é\":\"ok\"}");
        assert_eq!(plain, "{\"é\":\"ok\"}".as_bytes());
    }

    #[test]
    fn the_digest_is_sha256_of_the_rows_in_order() {
        let mut digest = RowDigest::default();
        digest.update(b"a\n", 1);
        digest.update(b"b\n", 1);
        assert_eq!(digest.rows, 2);
        assert_eq!(digest.hex(), sha256_hex(b"a\nb\n"));
    }

    #[test]
    fn gzip_is_chosen_by_name_and_the_sidecar_follows_the_output() {
        assert!(is_gzip_name(Path::new("/tmp/a.jsonl.gz")));
        assert!(!is_gzip_name(Path::new("/tmp/a.jsonl")));
        assert_eq!(
            meta_path(None, Some(Path::new("x.csv"))),
            Some(PathBuf::from("x.csv.meta.jsonl"))
        );
        assert_eq!(meta_path(None, None), None);
    }
}
