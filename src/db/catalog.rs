//! Read-only catalog queries. Schema names are always bound as parameters here, never pasted.

use std::collections::{BTreeMap, BTreeSet};

use diesel::pg::PgConnection;
use diesel::sql_types::{Bool, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};
use serde::Serialize;

use crate::error::CliResult;

/// Which Oban implementation created `oban_jobs`; they differ in column types (see schema.md §1.10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObanFlavour {
    /// Elixir Oban: `errors jsonb[]`, integer counters, version comment.
    Elixir,
    /// The Python port: `errors jsonb`, smallint counters, no version comment.
    Python,
}

/// The migration version Elixir Oban records as the comment on `oban_jobs`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum MigrationVersion {
    Number(i64),
    /// `∞`: Oban Pro's DynamicPartitioner manages the table.
    Infinity,
    Unparsable(String),
    Missing,
}

impl MigrationVersion {
    pub fn from_comment(comment: Option<&str>) -> MigrationVersion {
        match comment.map(str::trim) {
            None | Some("") => MigrationVersion::Missing,
            Some("∞") => MigrationVersion::Infinity,
            Some(text) => text
                .parse::<i64>()
                .map(MigrationVersion::Number)
                .unwrap_or_else(|_| MigrationVersion::Unparsable(text.to_string())),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObanSchema {
    pub flavour: ObanFlavour,
    pub version: MigrationVersion,
}

#[derive(QueryableByName)]
struct ObanRow {
    #[diesel(sql_type = Nullable<Text>)]
    errors_type: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    comment: Option<String>,
}

/// `None` when the prefix has no `oban_jobs` table.
pub fn oban_schema(conn: &mut PgConnection, prefix: &str) -> CliResult<Option<ObanSchema>> {
    let rows: Vec<ObanRow> = diesel::sql_query(
        "SELECT format_type(a.atttypid, a.atttypmod) AS errors_type, \
                obj_description(c.oid, 'pg_class') AS comment \
         FROM pg_class c \
         JOIN pg_namespace n ON n.oid = c.relnamespace \
         LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'errors' AND NOT a.attisdropped \
         WHERE n.nspname = $1 AND c.relname = 'oban_jobs' AND c.relkind IN ('r', 'p')",
    )
    .bind::<Text, _>(prefix)
    .load(conn)?;
    Ok(rows.into_iter().next().map(|row| ObanSchema {
        flavour: if row.errors_type.as_deref() == Some("jsonb") {
            ObanFlavour::Python
        } else {
            ObanFlavour::Elixir
        },
        version: MigrationVersion::from_comment(row.comment.as_deref()),
    }))
}

#[derive(QueryableByName)]
struct ExistsRow {
    #[diesel(sql_type = Bool)]
    exists: bool,
}

pub fn schema_exists(conn: &mut PgConnection, schema: &str) -> CliResult<bool> {
    let row: ExistsRow = diesel::sql_query(
        "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS exists",
    )
    .bind::<Text, _>(schema)
    .get_result(conn)?;
    Ok(row.exists)
}

pub fn role_exists(conn: &mut PgConnection, role: &str) -> CliResult<bool> {
    let row: ExistsRow =
        diesel::sql_query("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists")
            .bind::<Text, _>(role)
            .get_result(conn)?;
    Ok(row.exists)
}

#[derive(QueryableByName)]
struct NameRow {
    #[diesel(sql_type = Text)]
    name: String,
}

/// Ordinary and partitioned tables in `schema`.
pub fn table_names(conn: &mut PgConnection, schema: &str) -> CliResult<BTreeSet<String>> {
    let rows: Vec<NameRow> = diesel::sql_query(
        "SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')",
    )
    .bind::<Text, _>(schema)
    .load(conn)?;
    Ok(rows.into_iter().map(|r| r.name).collect())
}

/// Whether `schema.table` exists (an ordinary or partitioned table).
pub fn table_exists(conn: &mut PgConnection, schema: &str, table: &str) -> CliResult<bool> {
    Ok(table_names(conn, schema)?.contains(table))
}

/// Refuses, with the fix, when the Powertools table a command reads is not in `schema`.
pub fn require_powertools_table(
    conn: &mut PgConnection,
    schema: &str,
    table: &str,
) -> CliResult<()> {
    if table_exists(conn, schema, table)? {
        return Ok(());
    }
    Err(crate::error::CliError::refused_with_hint(
        format!("no {table} table in schema `{schema}`"),
        "pass --powertools-schema, or create the tables with `obanctl install`",
    ))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexInfo {
    pub table: String,
    pub valid: bool,
}

#[derive(QueryableByName)]
struct IndexRow {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    table: String,
    #[diesel(sql_type = Bool)]
    valid: bool,
}

/// Every index in `schema`, by name, with its table and whether it is usable.
pub fn indexes(conn: &mut PgConnection, schema: &str) -> CliResult<BTreeMap<String, IndexInfo>> {
    let rows: Vec<IndexRow> = diesel::sql_query(
        "SELECT ic.relname::text AS name, tc.relname::text AS table, (i.indisvalid AND i.indisready) AS valid \
         FROM pg_index i \
         JOIN pg_class ic ON ic.oid = i.indexrelid \
         JOIN pg_class tc ON tc.oid = i.indrelid \
         JOIN pg_namespace n ON n.oid = ic.relnamespace \
         WHERE n.nspname = $1",
    )
    .bind::<Text, _>(schema)
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.name,
                IndexInfo {
                    table: r.table,
                    valid: r.valid,
                },
            )
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_comment_forms() {
        assert_eq!(
            MigrationVersion::from_comment(Some("14")),
            MigrationVersion::Number(14)
        );
        assert_eq!(
            MigrationVersion::from_comment(Some("∞")),
            MigrationVersion::Infinity
        );
        assert_eq!(
            MigrationVersion::from_comment(None),
            MigrationVersion::Missing
        );
        assert_eq!(
            MigrationVersion::from_comment(Some(" ")),
            MigrationVersion::Missing
        );
        assert_eq!(
            MigrationVersion::from_comment(Some("v14")),
            MigrationVersion::Unparsable("v14".into())
        );
    }
}
