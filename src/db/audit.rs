//! Reading `oban_powertools_audit_events`.

use chrono::NaiveDateTime;
use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Jsonb, Nullable, Text, Timestamp};
use diesel::{QueryableByName, RunQueryDsl};
use serde_json::Value;

use super::{bound_query, ident};
use crate::audit_trail::AuditFilter;
use crate::error::CliResult;
use crate::jobs::filter::{Bind, Sql};

pub fn table(powertools_schema: &str) -> String {
    ident::qualified(powertools_schema, "oban_powertools_audit_events")
}

#[derive(Debug, Clone, QueryableByName)]
pub struct AuditRow {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Timestamp)]
    pub inserted_at: NaiveDateTime,
    #[diesel(sql_type = Nullable<Text>)]
    pub actor_id: Option<String>,
    #[diesel(sql_type = Text)]
    pub action: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub command_key: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub event_type: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub resource: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub resource_type: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub resource_id: Option<String>,
    #[diesel(sql_type = Jsonb)]
    pub metadata: Value,
}

const COLUMNS: &str =
    "e.id, e.inserted_at, e.actor_id, e.action, e.command_key, e.event_type, e.resource, \
    e.resource_type, e.resource_id, coalesce(e.metadata, '{}'::jsonb) AS metadata";

/// The newest `limit` matching events, newest first (by id: the primary key serves it).
pub fn newest(
    conn: &mut PgConnection,
    table: &str,
    filter: &AuditFilter,
    limit: i64,
) -> CliResult<Vec<AuditRow>> {
    let mut sql = Sql::default();
    let conditions = filter.conditions(&mut sql);
    let limit = sql.bind(Bind::BigInt(limit));
    let text = format!(
        "SELECT {COLUMNS} FROM {table} e WHERE {conditions} ORDER BY e.id DESC LIMIT {limit}"
    );
    Ok(bound_query(&text, &sql.binds).load(conn)?)
}

/// Matching events with an id above `after`, oldest first, at most `limit`.
pub fn after(
    conn: &mut PgConnection,
    table: &str,
    filter: &AuditFilter,
    after: i64,
    limit: i64,
) -> CliResult<Vec<AuditRow>> {
    let mut sql = Sql::default();
    let conditions = filter.conditions(&mut sql);
    let after = sql.bind(Bind::BigInt(after));
    let limit = sql.bind(Bind::BigInt(limit));
    let text = format!("SELECT {COLUMNS} FROM {table} e WHERE {conditions} AND e.id > {after} ORDER BY e.id LIMIT {limit}");
    Ok(bound_query(&text, &sql.binds).load(conn)?)
}

#[derive(QueryableByName)]
struct MaxId {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// The highest id assigned so far (committed or not, as far as this snapshot can tell).
pub fn max_id(conn: &mut PgConnection, table: &str) -> CliResult<i64> {
    let row: MaxId = diesel::sql_query(format!(
        "SELECT coalesce(max(id), 0)::bigint AS id FROM {table}"
    ))
    .get_result(conn)?;
    Ok(row.id)
}

#[derive(Debug, QueryableByName)]
pub struct ExportLine {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    /// The event as one JSON object, rendered by PostgreSQL (keys in a fixed order).
    #[diesel(sql_type = Text)]
    pub json: String,
}

/// One chunk of an export: events above `after`, oldest first, already rendered as JSON text.
pub fn export_chunk(
    conn: &mut PgConnection,
    table: &str,
    filter: &AuditFilter,
    after: i64,
    limit: i64,
) -> CliResult<Vec<ExportLine>> {
    let mut sql = Sql::default();
    let conditions = filter.conditions(&mut sql);
    let after = sql.bind(Bind::BigInt(after));
    let limit = sql.bind(Bind::BigInt(limit));
    let text = format!(
        "SELECT x.id, row_to_json(x)::text AS json FROM ( \
           SELECT e.id, e.inserted_at, e.actor_id, e.action, e.command_key, e.event_type, e.resource, \
                  e.resource_type, e.resource_id, e.metadata \
           FROM {table} e WHERE {conditions} AND e.id > {after} ORDER BY e.id LIMIT {limit}) x \
         ORDER BY x.id"
    );
    Ok(bound_query(&text, &sql.binds).load(conn)?)
}
