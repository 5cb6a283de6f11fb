//! `install`: what a run did, would do (`--dry-run`), or wrote (`--ecto`). Pure.

use serde::Serialize;

use crate::output::Record;

/// An Oban schema `install --with-oban` created.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ObanSchemaReport {
    pub prefix: String,
    pub flavour: &'static str,
    pub version: i64,
}

/// The outcome of `install`: the same keys whether or not anything changed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct InstallResult {
    pub schema: String,
    pub changed: bool,
    /// The Powertools tables an install holds.
    pub tables: usize,
    pub created_schema: bool,
    pub created_tables: Vec<String>,
    pub created_indexes: Vec<String>,
    pub upgraded_outbox: bool,
    /// `table.column` added to tables an older version created.
    pub added_columns: Vec<String>,
    pub invalid_indexes: Vec<String>,
    pub oban_schema: Option<ObanSchemaReport>,
    /// The `powertools.installed` audit event of this run, if it changed anything.
    pub audit_id: Option<i64>,
}

impl Record for InstallResult {
    const KIND: &'static str = "install_result";
}

/// What `install --dry-run` would run, statement by statement, in order.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct InstallPlan {
    pub schema: String,
    pub dry_run: bool,
    /// The Oban schema's SQL (`--with-oban`), one script.
    pub oban_sql: Option<String>,
    pub concurrent: Vec<String>,
    pub transaction: Vec<String>,
    pub concurrent_after: Vec<String>,
    pub added_columns: Vec<String>,
    pub created_tables: Vec<String>,
    pub created_indexes: Vec<String>,
}

impl Record for InstallPlan {
    const KIND: &'static str = "install_plan";
}

/// The Ecto migration `install --ecto` wrote (the database untouched).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EctoMigration {
    pub ecto_migration: String,
    pub repo: String,
    pub schema: String,
}

impl Record for EctoMigration {
    const KIND: &'static str = "ecto_migration";
}
