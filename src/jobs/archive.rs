//! `jobs prune` selection and the job archive format (`--archive`, read back by `jobs restore`).
//! Pure: SQL text and bytes are built and checked here, executed and written elsewhere.
//!
//! An archive file is one or more segments, each one run of `jobs prune --archive`:
//!
//! ```text
//! {"obanctl_export":"header","format":"jobs_archive",...}        filters, table, columns, time
//! {"kind":"archived_job","id":42,"state":"completed","row":{..}} one line per job, the raw row
//! {"obanctl_export":"trailer","rows":N,"sha256":"..",...}        count and SHA-256 of the rows
//! ```
//!
//! `row` is PostgreSQL's `row_to_json` of the whole `oban_jobs` row, unredacted (a restore must give
//! back exactly what was deleted), with terminal-unsafe characters escaped as `\uXXXX`. A segment
//! without a trailer is a run that was killed: its rows are all there up to the last complete line
//! (every batch is on disk before it is deleted); a torn last line belongs to a batch that was never
//! deleted.

use std::io::BufRead;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::filter::{Bind, JobFilter, Sql};
use super::JobState;

/// The states `jobs prune` may delete.
pub const TERMINAL: [JobState; 3] = [
    JobState::Completed,
    JobState::Cancelled,
    JobState::Discarded,
];

pub const ARCHIVE_FORMAT: &str = "jobs_archive";
pub const ROW_KIND: &str = "archived_job";
const ROW_KEY: &str = ",\"row\":";

/// What a prune run deletes: terminal jobs of `states` whose state's timestamp is before
/// `cutoff`, and that match `filter` (queue, worker, tag).
#[derive(Debug, Clone)]
pub struct PruneScope {
    pub states: Vec<JobState>,
    pub cutoff: NaiveDateTime,
    pub filter: JobFilter,
}

impl PruneScope {
    /// Conditions on the alias `j`. One arm per state, `state = 'x' AND x_at < cutoff`, so each
    /// arm can use a per-state index (oban-py has `(completed_at) WHERE state = 'completed'`).
    pub fn conditions(&self, sql: &mut Sql, state_type: &str) -> String {
        let mut text = self.filter.conditions(sql, state_type);
        let cutoff = sql.bind(Bind::Timestamp(self.cutoff));
        let arms: Vec<String> = self
            .states
            .iter()
            .map(|s| {
                format!(
                    "(j.state = '{}'::{state_type} AND j.{} < {cutoff}::timestamp)",
                    s.as_str(),
                    s.timestamp_column()
                )
            })
            .collect();
        text.push_str(&format!(" AND ({})", arms.join(" OR ")));
        text
    }
}

/// Refuses states `jobs prune` must not delete.
pub fn check_states(states: &[JobState]) -> Result<Vec<JobState>, String> {
    let refused: Vec<&str> = states
        .iter()
        .filter(|s| !TERMINAL.contains(s))
        .map(|s| s.as_str())
        .collect();
    if !refused.is_empty() {
        return Err(format!(
            "cannot prune jobs in state {}: only completed, cancelled and discarded jobs are finished",
            refused.join(", ")
        ));
    }
    let mut states = if states.is_empty() {
        TERMINAL.to_vec()
    } else {
        states.to_vec()
    };
    states.sort_by_key(|s| s.as_str());
    states.dedup();
    Ok(states)
}

/// One archived row line. `row_json` is PostgreSQL's JSON text of the row.
pub fn push_row_line(out: &mut Vec<u8>, id: i64, state: &str, row_json: &str) {
    out.extend_from_slice(b"{\"kind\":\"");
    out.extend_from_slice(ROW_KIND.as_bytes());
    out.extend_from_slice(b"\",\"id\":");
    out.extend_from_slice(id.to_string().as_bytes());
    out.extend_from_slice(b",\"state\":");
    // States are Oban's enum labels; anything else is written as a JSON string all the same.
    out.extend_from_slice(
        crate::output::json::to_string(state)
            .unwrap_or_default()
            .as_bytes(),
    );
    out.extend_from_slice(ROW_KEY.as_bytes());
    crate::export::push_json_text_safe(out, row_json);
    out.extend_from_slice(b"}\n");
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArchiveColumn {
    pub name: String,
    #[serde(rename = "type")]
    pub sql_type: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArchiveFilters {
    pub states: Vec<String>,
    pub older_than_seconds: u64,
    pub cutoff: String,
    pub queues: Vec<String>,
    pub workers: Vec<String>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArchiveHeader {
    pub obanctl_export: String,
    pub format: String,
    pub table: String,
    pub flavour: String,
    /// The table's columns when the archive was written, in order.
    pub columns: Vec<ArchiveColumn>,
    pub filters: ArchiveFilters,
    /// Rows are raw: not redacted, so that they restore exactly.
    pub redacted: bool,
    pub started_at: String,
    pub database: crate::audit_chain::DatabaseIdentity,
    pub operation_id: String,
    pub tool_version: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArchiveTrailer {
    pub obanctl_export: String,
    pub rows: u64,
    pub first_id: Option<i64>,
    pub last_id: Option<i64>,
    /// SHA-256 of the segment's row lines, as written.
    pub sha256: String,
    /// False when the run stopped early (Ctrl-C, an error): the rows are still all there.
    pub complete: bool,
    pub finished_at: String,
    pub operation_id: String,
}

/// One line of an archive, read back.
#[derive(Debug, PartialEq)]
pub enum Item {
    Header(Box<ArchiveHeaderRef>),
    Row(ArchivedRow),
    Trailer {
        rows: u64,
        sha256: String,
    },
    /// A line that is not JSON or not ours (its number, from 1).
    Broken(u64),
}

/// The parts of a header a restore needs.
#[derive(Debug, PartialEq)]
pub struct ArchiveHeaderRef {
    pub columns: Vec<String>,
    pub operation_id: String,
}

#[derive(Debug, PartialEq)]
pub struct ArchivedRow {
    pub id: i64,
    pub state: String,
    /// The row's JSON text, as written.
    pub row: String,
}

#[derive(Deserialize)]
struct RowProbe {
    kind: String,
    id: i64,
    state: String,
    #[allow(dead_code)]
    row: serde::de::IgnoredAny,
}

#[derive(Deserialize)]
struct MarkerProbe {
    obanctl_export: String,
    format: Option<String>,
    rows: Option<u64>,
    sha256: Option<String>,
    columns: Option<Vec<ArchiveColumn>>,
    operation_id: Option<String>,
}

/// Reads one line (without its newline) of an archive. Rows are checked, not decoded: their
/// JSON is passed on as text (numbers beyond f64, deep nesting and all).
pub fn parse_line(line: &str, number: u64) -> Item {
    if line.starts_with("{\"kind\":") {
        let Ok(probe) = serde_json::from_str::<RowProbe>(line) else {
            return Item::Broken(number);
        };
        let Some(at) = line.find(ROW_KEY) else {
            return Item::Broken(number);
        };
        if probe.kind != ROW_KIND || !line.ends_with('}') {
            return Item::Broken(number);
        }
        return Item::Row(ArchivedRow {
            id: probe.id,
            state: probe.state,
            row: line[at + ROW_KEY.len()..line.len() - 1].to_string(),
        });
    }
    match serde_json::from_str::<MarkerProbe>(line) {
        Ok(m) if m.obanctl_export == "header" && m.format.as_deref() == Some(ARCHIVE_FORMAT) => {
            Item::Header(Box::new(ArchiveHeaderRef {
                columns: m
                    .columns
                    .unwrap_or_default()
                    .into_iter()
                    .map(|c| c.name)
                    .collect(),
                operation_id: m.operation_id.unwrap_or_default(),
            }))
        }
        Ok(m) if m.obanctl_export == "trailer" => match (m.rows, m.sha256) {
            (Some(rows), Some(sha256)) => Item::Trailer { rows, sha256 },
            _ => Item::Broken(number),
        },
        _ => Item::Broken(number),
    }
}

/// Calls `each` with every item of an archive, in order.
pub fn read_items(
    reader: impl BufRead,
    mut each: impl FnMut(Item, &[u8]) -> Result<(), String>,
) -> Result<(), String> {
    let mut number = 0u64;
    for line in reader.split(b'\n') {
        number += 1;
        let line = match line {
            Ok(line) => line,
            // A gzip archive of a killed run ends inside its stream: what was flushed is there,
            // the rest (a torn line at most) is not.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                each(Item::Broken(number), &[])?;
                break;
            }
            Err(e) => return Err(format!("line {number}: {e}")),
        };
        if line.is_empty() {
            continue;
        }
        let item = match std::str::from_utf8(&line) {
            Ok(text) => parse_line(text, number),
            Err(_) => Item::Broken(number),
        };
        each(item, &line)?;
    }
    Ok(())
}

/// What checking an archive found.
#[derive(Debug, Default, Clone, PartialEq, Serialize)]
pub struct Validation {
    pub segments: u64,
    /// Segments whose trailer matched their rows.
    pub verified_segments: u64,
    /// Segments with no trailer (a run that was killed): restorable, not verifiable.
    pub unterminated_segments: u64,
    pub rows: u64,
    /// A torn last line of an unterminated segment (its batch was never deleted).
    pub torn_lines: u64,
    /// The columns named by the first header.
    #[serde(skip)]
    pub columns: Vec<String>,
}

/// Checks a whole archive: it starts with a header, every trailer's count and SHA-256 match the
/// rows before it, and nothing else is broken. A segment may lack a trailer only because its run
/// was killed; then only its very last line may be torn.
pub fn validate(reader: impl BufRead, name: &str) -> Result<Validation, String> {
    struct Segment {
        rows: u64,
        hasher: Sha256,
        torn_at: Option<u64>,
    }
    let mut found = Validation::default();
    let mut current: Option<Segment> = None;
    let close = |segment: Segment, found: &mut Validation| -> Result<(), String> {
        // No trailer: a killed run. Fine, as long as only its last line was torn.
        found.unterminated_segments += 1;
        if segment.torn_at.is_some() {
            found.torn_lines += 1;
        }
        Ok(())
    };
    read_items(reader, |item, raw| {
        if let Some(segment) = &current {
            if let Some(torn) = segment.torn_at {
                return Err(format!(
                    "{name}: line {torn} is not a valid archive line, and more follows it"
                ));
            }
        }
        match item {
            Item::Header(header) => {
                if let Some(segment) = current.take() {
                    close(segment, &mut found)?;
                }
                if found.columns.is_empty() {
                    found.columns = header.columns.clone();
                }
                found.segments += 1;
                current = Some(Segment {
                    rows: 0,
                    hasher: Sha256::new(),
                    torn_at: None,
                });
            }
            Item::Row(row) => {
                let Some(segment) = current.as_mut() else {
                    return Err(format!(
                        "{name}: a row comes before any header; this is not a jobs archive"
                    ));
                };
                segment.hasher.update(raw);
                segment.hasher.update(b"\n");
                let _ = row;
                segment.rows += 1;
                found.rows += 1;
            }
            Item::Trailer { rows, sha256 } => {
                let Some(segment) = current.take() else {
                    return Err(format!("{name}: a trailer comes before any header"));
                };
                let actual = format!("{:x}", segment.hasher.finalize());
                if rows != segment.rows || actual != sha256 {
                    return Err(format!(
                        "{name}: segment {} does not match its trailer ({} rows with SHA-256 {actual}; the trailer says {rows} rows, {sha256}); the file was changed or damaged",
                        found.segments, segment.rows
                    ));
                }
                found.verified_segments += 1;
            }
            Item::Broken(number) => match current.as_mut() {
                Some(segment) => segment.torn_at = Some(number),
                None => {
                    return Err(format!(
                        "{name}: line {number} is not a jobs archive header; this is not a jobs archive (written by `jobs prune --archive`)"
                    ))
                }
            },
        }
        Ok(())
    })?;
    if let Some(segment) = current.take() {
        close(segment, &mut found)?;
    }
    if found.segments == 0 {
        return Err(format!("{name}: empty; not a jobs archive"));
    }
    Ok(found)
}

/// Opens an archive for reading, gzip or not (by its first bytes, not its name).
pub fn open(path: &std::path::Path) -> std::io::Result<Box<dyn BufRead>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut magic = [0u8; 2];
    let n = file.read(&mut magic)?;
    drop(file);
    let file = std::fs::File::open(path)?;
    if n == 2 && magic == [0x1f, 0x8b] {
        Ok(Box::new(std::io::BufReader::with_capacity(
            1 << 20,
            flate2::read::MultiGzDecoder::new(std::io::BufReader::new(file)),
        )))
    } else {
        Ok(Box::new(std::io::BufReader::with_capacity(1 << 20, file)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> String {
        let header = ArchiveHeader {
            obanctl_export: "header".into(),
            format: ARCHIVE_FORMAT.into(),
            table: "\"public\".\"oban_jobs\"".into(),
            flavour: "elixir".into(),
            columns: vec![ArchiveColumn {
                name: "id".into(),
                sql_type: "bigint".into(),
            }],
            filters: ArchiveFilters {
                states: vec!["completed".into()],
                older_than_seconds: 60,
                cutoff: "2026-01-01T00:00:00Z".into(),
                queues: vec![],
                workers: vec![],
                tags: vec![],
            },
            redacted: false,
            started_at: "2026-01-01T00:00:00Z".into(),
            database: crate::audit_chain::DatabaseIdentity {
                system_identifier: None,
                database: "db".into(),
                schema: "public".into(),
            },
            operation_id: "op".into(),
            tool_version: "0".into(),
        };
        String::from_utf8(crate::export::json_line(&header).unwrap()).unwrap()
    }

    fn rows(ids: &[i64]) -> Vec<u8> {
        let mut out = Vec::new();
        for id in ids {
            push_row_line(
                &mut out,
                *id,
                "completed",
                &format!("{{\"id\": {id}, \"args\": {{\"n\": 1e400, \"s\": \"a\u{202e}b\"}}}}"),
            );
        }
        out
    }

    fn trailer(rows: &[u8], count: u64) -> String {
        format!(
            "{{\"obanctl_export\":\"trailer\",\"rows\":{count},\"sha256\":\"{}\",\"complete\":true}}\n",
            crate::export::sha256_hex(rows)
        )
    }

    #[test]
    fn a_segment_round_trips_and_its_trailer_is_checked() {
        let body = rows(&[1, 2, 3]);
        let text = format!(
            "{}{}{}",
            header(),
            String::from_utf8(body.clone()).unwrap(),
            trailer(&body, 3)
        );
        assert!(!text.contains('\u{202e}'), "unsafe characters are escaped");
        let found = validate(text.as_bytes(), "a").unwrap();
        assert_eq!(found.rows, 3);
        assert_eq!(found.verified_segments, 1);
        assert_eq!(found.columns, vec!["id".to_string()]);
        let mut seen = Vec::new();
        read_items(text.as_bytes(), |item, _| {
            if let Item::Row(row) = item {
                let value: serde_json::Value = serde_json::from_str(&row.row.replace("1e400", "1"))
                    .expect("the row text is JSON");
                assert_eq!(value["args"]["s"], "a\u{202e}b");
                seen.push(row.id);
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, vec![1, 2, 3]);

        let tampered = text.replace("\"id\":2", "\"id\":7");
        assert!(validate(tampered.as_bytes(), "a")
            .unwrap_err()
            .contains("does not match its trailer"));
        let short = format!(
            "{}{}{}",
            header(),
            String::from_utf8(body.clone()).unwrap(),
            trailer(&body, 2)
        );
        assert!(validate(short.as_bytes(), "a").is_err());
    }

    #[test]
    fn a_killed_run_leaves_a_restorable_segment_with_at_most_a_torn_last_line() {
        let body = rows(&[1, 2]);
        let mut text = format!("{}{}", header(), String::from_utf8(body).unwrap());
        text.push_str("{\"kind\":\"archived_job\",\"id\":3,\"sta");
        let found = validate(text.as_bytes(), "a").unwrap();
        assert_eq!(found.rows, 2);
        assert_eq!(found.unterminated_segments, 1);
        assert_eq!(found.torn_lines, 1);
        // A second run's segment after it: the torn line is now in the middle.
        let more = rows(&[4]);
        let two = format!(
            "{text}\n{}{}{}",
            header(),
            String::from_utf8(more.clone()).unwrap(),
            trailer(&more, 1)
        );
        assert!(validate(two.as_bytes(), "a").is_err());
        let clean = format!(
            "{}{}{}{}",
            header(),
            String::from_utf8(rows(&[1])).unwrap(),
            header(),
            String::from_utf8(rows(&[2])).unwrap()
        );
        let found = validate(clean.as_bytes(), "a").unwrap();
        assert_eq!((found.segments, found.unterminated_segments), (2, 2));
    }

    #[test]
    fn other_files_are_refused() {
        assert!(validate("".as_bytes(), "a").is_err());
        assert!(validate(
            "{\"obanctl_export\":\"header\",\"format\":\"jsonl\"}\n".as_bytes(),
            "a"
        )
        .is_err());
        assert!(validate("id,state\n1,completed\n".as_bytes(), "a").is_err());
        assert!(validate(String::from_utf8(rows(&[1])).unwrap().as_bytes(), "a").is_err());
    }

    #[test]
    fn only_terminal_states_are_pruned() {
        assert_eq!(check_states(&[]).unwrap().len(), 3);
        assert!(check_states(&[JobState::Executing]).is_err());
        assert_eq!(
            check_states(&[JobState::Completed, JobState::Completed]).unwrap(),
            vec![JobState::Completed]
        );
    }

    #[test]
    fn each_state_is_aged_by_its_own_timestamp() {
        let scope = PruneScope {
            states: vec![JobState::Completed, JobState::Discarded],
            cutoff: NaiveDateTime::MIN,
            filter: JobFilter {
                queues: vec!["q".into()],
                ..Default::default()
            },
        };
        let mut sql = Sql::default();
        assert_eq!(
            scope.conditions(&mut sql, "t"),
            "j.queue = $1::text AND ((j.state = 'completed'::t AND j.completed_at < $2::timestamp) \
             OR (j.state = 'discarded'::t AND j.discarded_at < $2::timestamp))"
        );
    }
}
