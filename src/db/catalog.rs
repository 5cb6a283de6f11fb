//! Read-only catalog queries. Schema names are always bound as parameters here, never pasted.

use std::collections::{BTreeMap, BTreeSet};

use diesel::pg::PgConnection;
use diesel::sql_types::{Bool, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};
use serde::Serialize;

use crate::error::CliResult;

/// Which Oban implementation created `oban_jobs`; they differ in column types (`errors` is `jsonb[]` in
/// Elixir and `jsonb` in Python, and the state enum's order differs).
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
    /// `errors` is exactly `jsonb[]` (Elixir Oban's type): its latest entry may be read by
    /// subscript. Read with the flavour, so no query needs to ask again.
    #[serde(skip)]
    pub errors_jsonb_array: bool,
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
        errors_jsonb_array: row.errors_type.as_deref() == Some("jsonb[]"),
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

/// The columns of every ordinary or partitioned table in `schema`, by table.
pub fn table_columns(
    conn: &mut PgConnection,
    schema: &str,
) -> CliResult<std::collections::BTreeMap<String, BTreeSet<String>>> {
    #[derive(QueryableByName)]
    struct ColumnRow {
        #[diesel(sql_type = Text)]
        table_name: String,
        #[diesel(sql_type = Text)]
        column_name: String,
    }
    let rows: Vec<ColumnRow> = diesel::sql_query(
        "SELECT c.relname::text AS table_name, a.attname::text AS column_name \
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped \
         WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')",
    )
    .bind::<Text, _>(schema)
    .load(conn)?;
    let mut columns: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
    for row in rows {
        columns
            .entry(row.table_name)
            .or_default()
            .insert(row.column_name);
    }
    Ok(columns)
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

/// Column names of `schema.table` (empty when there is no such table).
pub fn columns(conn: &mut PgConnection, schema: &str, table: &str) -> CliResult<BTreeSet<String>> {
    let rows: Vec<NameRow> = diesel::sql_query(
        "SELECT a.attname::text AS name FROM pg_attribute a \
         JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped",
    )
    .bind::<Text, _>(schema)
    .bind::<Text, _>(table)
    .load(conn)?;
    Ok(rows.into_iter().map(|r| r.name).collect())
}

/// What an index can do for a query: its access method, key columns in order (`""` for an
/// expression) and partial-index predicate.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct IndexShape {
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Text)]
    pub method: String,
    #[diesel(sql_type = diesel::sql_types::Array<Text>)]
    pub columns: Vec<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub predicate: Option<String>,
    /// Valid and ready (not a failed or unfinished concurrent build).
    #[diesel(sql_type = Bool)]
    pub valid: bool,
}

impl IndexShape {
    /// A usable btree whose key starts with `leading`, in that order.
    pub fn btree_leading(&self, leading: &[&str]) -> bool {
        self.valid
            && self.method == "btree"
            && self.columns.len() >= leading.len()
            && self.columns.iter().zip(leading).all(|(c, l)| c == l)
    }
}

/// Every index of `schema.table` with its shape.
pub fn index_shapes(
    conn: &mut PgConnection,
    schema: &str,
    table: &str,
) -> CliResult<Vec<IndexShape>> {
    Ok(diesel::sql_query(
        "SELECT ic.relname::text AS name, am.amname::text AS method, \
                ARRAY(SELECT coalesce(a.attname::text, '') \
                      FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) \
                      LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum \
                      WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS columns, \
                pg_get_expr(i.indpred, i.indrelid) AS predicate, \
                (i.indisvalid AND i.indisready) AS valid \
         FROM pg_index i \
         JOIN pg_class ic ON ic.oid = i.indexrelid \
         JOIN pg_am am ON am.oid = ic.relam \
         JOIN pg_class tc ON tc.oid = i.indrelid \
         JOIN pg_namespace n ON n.oid = tc.relnamespace \
         WHERE n.nspname = $1 AND tc.relname = $2 \
         ORDER BY 1",
    )
    .bind::<Text, _>(schema)
    .bind::<Text, _>(table)
    .load(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn btree_leading_columns() {
        let index = IndexShape {
            name: "i".into(),
            method: "btree".into(),
            columns: vec!["state".into(), "queue".into(), "priority".into()],
            predicate: None,
            valid: true,
        };
        assert!(index.btree_leading(&["state", "queue"]));
        assert!(!index.btree_leading(&["queue"]));
        assert!(!index.btree_leading(&["state", "queue", "priority", "id"]));
        assert!(!IndexShape {
            valid: false,
            ..index.clone()
        }
        .btree_leading(&["state"]));
        assert!(!IndexShape {
            method: "gin".into(),
            ..index
        }
        .btree_leading(&["state"]));
    }

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
