//! The output contract.
//!
//! Commands build typed report values and hand them to the [`crate::printer::Printer`]. With
//! `--format json` each value is one line `{"kind": "...", ...}` (see `docs/output.schema.json`);
//! for people, its [`View`] becomes a [`doc::Doc`] that the renderer neutralises, fits to the
//! terminal and colours. No command formats JSON or terminal text itself.
//!
//! Rules every kind follows: snake_case keys; timestamps RFC 3339 UTC with `Z` ([`time`]); states
//! and outcomes as stable snake_case enums, never sentences; durations as milliseconds in keys
//! ending `_ms`; every mutation ends with a [`Summary`]; errors are an [`ErrorRecord`] on stderr.

pub mod doc;
pub mod fmt;
pub mod json;
pub mod render;
pub mod sanitize;
pub mod time;

use std::collections::BTreeMap;

use serde::Serialize;

pub use doc::{Align, Block, Column, Doc, Line, Span, Style, Table};

/// A value with a JSON kind.
pub trait Record: Serialize {
    /// The `kind` of its JSON line, e.g. `job`, `summary`.
    const KIND: &'static str;
}

/// How a value reads for people.
pub trait View {
    fn view(&self) -> Doc;
}

/// A ready-made doc is its own view (a sentence beside a record).
impl View for Doc {
    fn view(&self) -> Doc {
        self.clone()
    }
}

/// The closing line of every mutation: what matched, what changed, what was skipped and why.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Summary {
    /// The operation's stable name, e.g. `job_retry`, `cron_pause`, `queue_pause`.
    pub operation: String,
    pub dry_run: bool,
    pub matched: i64,
    pub changed: i64,
    /// Targets not changed, by outcome (`wrong_state`, `locked`, `already_paused`, ...).
    pub skipped: BTreeMap<String, i64>,
    /// Stopped early (Ctrl-C, a lost connection, a timeout); what was committed stays.
    pub interrupted: bool,
    /// Ties the run's audit rows together; absent for a dry run or when nothing was written.
    pub operation_id: Option<String>,
    /// The process exit code this run ends with.
    pub exit: u8,
}

impl Record for Summary {
    const KIND: &'static str = "summary";
}

impl Summary {
    pub fn skipped_total(&self) -> i64 {
        self.skipped.values().sum()
    }
}

/// An error, as JSON on stderr.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ErrorRecord {
    /// Stable machine code, e.g. `usage`, `lock_timeout`, `permission_denied`.
    pub code: String,
    pub exit: u8,
    pub message: String,
    /// The first hint (or null), for simple consumers.
    pub hint: Option<String>,
    pub hints: Vec<String>,
    pub causes: Vec<String>,
}

impl Record for ErrorRecord {
    const KIND: &'static str = "error";
}

impl ErrorRecord {
    pub fn from_error(err: &crate::error::CliError) -> ErrorRecord {
        ErrorRecord {
            code: err.machine_code().to_string(),
            exit: err.exit_code_number(),
            message: err.message().to_string(),
            hint: err.hints().first().cloned(),
            hints: err.hints().to_vec(),
            causes: err.causes(),
        }
    }
}

/// A warning or note that belongs in the data stream (JSON mode prints it as a line of its own
/// so scripts see it; people get it on stderr).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Notice {
    /// Stable code, e.g. `estimated_counts`, `listen_unavailable`.
    pub code: String,
    pub message: String,
}

impl Record for Notice {
    const KIND: &'static str = "notice";
}
