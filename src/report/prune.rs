//! Records and views of `jobs prune` and `jobs restore`: the `prune_plan` (preview), one
//! `prune_batch` per committed batch, the `restore_plan`, and the closing `summary`. Pure.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::output::{fmt, Doc, Line, Record, Style, View};

/// What a prune run will delete, shown before it asks (and all `--dry-run` prints).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PrunePlan {
    pub operation: &'static str,
    pub dry_run: bool,
    /// Jobs whose state's timestamp is before this are deleted.
    #[serde(serialize_with = "crate::output::time::utc")]
    pub cutoff: chrono::NaiveDateTime,
    pub older_than_seconds: u64,
    pub states: Vec<String>,
    pub queues: Vec<String>,
    pub workers: Vec<String>,
    /// Matching jobs now (up to `matched_at_least`'s bound).
    pub matched: i64,
    /// True when `matched` is a floor: counting stopped at a bound.
    pub matched_at_least: bool,
    pub by_state: BTreeMap<String, i64>,
    pub max: Option<i64>,
    /// What this run deletes: `matched`, or `max` when that is smaller (a floor, like
    /// `matched`, when `matched_at_least` and no smaller `max`).
    pub will_delete: i64,
    /// The archive file (`-`: stdout), if any.
    pub archive: Option<String>,
    pub notes: Vec<String>,
}

impl Record for PrunePlan {
    const KIND: &'static str = "prune_plan";
}

impl PrunePlan {
    /// Whether `will_delete` is exact (not a floor from a count that stopped early).
    pub fn will_delete_known(&self) -> bool {
        !self.matched_at_least || self.max.is_some_and(|max| max <= self.matched)
    }

    pub fn question(&self) -> String {
        format!(
            "Delete {}{}?",
            fmt::count(self.will_delete, "job"),
            match &self.archive {
                Some(file) => format!(" (archived to {file} first)"),
                None => " (no archive)".to_string(),
            }
        )
    }
}

impl View for PrunePlan {
    fn view(&self) -> Doc {
        let states = self
            .by_state
            .iter()
            .map(|(s, n)| format!("{} {s}", fmt::number(*n)))
            .collect::<Vec<_>>()
            .join(", ");
        let mut doc = Doc::new().line(format!(
            "{}{} finished before {} ({}){}.",
            if self.matched_at_least {
                "At least "
            } else {
                ""
            },
            fmt::count(self.matched, "job"),
            crate::output::time::human(self.cutoff),
            if states.is_empty() { "none" } else { &states },
            if self.queues.is_empty() && self.workers.is_empty() {
                String::new()
            } else {
                format!(
                    " in {}",
                    self.queues
                        .iter()
                        .map(|q| format!("queue {q}"))
                        .chain(self.workers.iter().map(|w| format!("worker {w}")))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        ));
        if let Some(max) = self.max.filter(|max| *max < self.matched) {
            doc = doc.line(format!(
                "This run deletes at most {} (--max); rerun to continue.",
                fmt::number(max)
            ));
        }
        doc = doc.line(match &self.archive {
            Some(file) => {
                format!("Every row is written to {file} before it is deleted (raw, unredacted).")
            }
            None => {
                "No archive: deleted rows are gone (add --archive FILE to keep a copy).".to_string()
            }
        });
        for note in &self.notes {
            doc = doc.line(Line::new().styled(format!("note: {note}"), Style::Dim));
        }
        if self.dry_run {
            doc = doc.line(Line::new().styled("Dry run: nothing was deleted.", Style::Dim));
        }
        doc
    }
}

/// One committed batch of a prune run.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PruneBatch {
    pub deleted: i64,
    pub first_id: Option<i64>,
    pub last_id: Option<i64>,
    pub by_state: BTreeMap<String, i64>,
    /// Matching rows someone held: skipped, not waited for.
    pub locked: i64,
    /// Rows that stopped matching between selection and deletion.
    pub drifted: i64,
    /// SHA-256 of the batch's archive lines (or of its ids, one per line, without an archive).
    pub sha256: String,
    pub audit_id: Option<i64>,
}

impl Record for PruneBatch {
    const KIND: &'static str = "prune_batch";
}

/// What one archive file holds, as checked by `jobs restore`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RestoreFile {
    pub file: String,
    pub segments: u64,
    pub verified_segments: u64,
    pub unterminated_segments: u64,
    pub rows: u64,
    pub torn_lines: u64,
}

/// What `jobs restore` found in its archives, shown before it asks.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RestorePlan {
    pub operation: &'static str,
    pub dry_run: bool,
    pub files: Vec<RestoreFile>,
    pub rows: u64,
    /// Archive rows whose id is in oban_jobs now (counted for a dry run only).
    pub already_present: Option<i64>,
    pub notes: Vec<String>,
}

impl Record for RestorePlan {
    const KIND: &'static str = "restore_plan";
}

impl View for RestorePlan {
    fn view(&self) -> Doc {
        let mut doc = Doc::new();
        for f in &self.files {
            doc = doc.line(format!(
                "{}: {} in {} ({} verified against its trailer{}).",
                f.file,
                fmt::count(f.rows as i64, "row"),
                fmt::count(f.segments as i64, "segment"),
                fmt::number(f.verified_segments as i64),
                if f.unterminated_segments > 0 {
                    format!(
                        ", {} from a run that was stopped before its trailer",
                        fmt::number(f.unterminated_segments as i64)
                    )
                } else {
                    String::new()
                }
            ));
        }
        if let Some(present) = self.already_present {
            doc = doc.line(format!(
                "{} already in oban_jobs (left alone).",
                fmt::count(present, "job is|jobs are")
            ));
        }
        for note in &self.notes {
            doc = doc.line(Line::new().styled(format!("note: {note}"), Style::Dim));
        }
        if self.dry_run {
            doc = doc.line(Line::new().styled("Dry run: nothing was inserted.", Style::Dim));
        }
        doc
    }
}
