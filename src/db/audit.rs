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

#[derive(Debug, QueryableByName)]
pub struct ChainLink {
    #[diesel(sql_type = BigInt)]
    pub seq: i64,
    #[diesel(sql_type = BigInt)]
    pub event_id: i64,
    #[diesel(sql_type = diesel::sql_types::Bytea)]
    pub prev_hash: Vec<u8>,
    #[diesel(sql_type = diesel::sql_types::Bytea)]
    pub row_hash: Vec<u8>,
    /// The event's canonical digest now; none when the event is gone.
    #[diesel(sql_type = Nullable<diesel::sql_types::Bytea>)]
    pub digest: Option<Vec<u8>>,
}

/// Chain rows from `from_seq` on, each with its event's current digest.
pub fn chain_links(
    conn: &mut PgConnection,
    chain: &str,
    events: &str,
    from_seq: i64,
    limit: i64,
) -> CliResult<Vec<ChainLink>> {
    let text = format!(
        "SELECT c.seq, c.event_id, c.prev_hash, c.row_hash, CASE WHEN e.id IS NULL THEN NULL ELSE {digest} END AS digest \
         FROM {chain} c LEFT JOIN {events} e ON e.id = c.event_id \
         WHERE c.seq >= $1 ORDER BY c.seq LIMIT $2",
        digest = crate::audit::event_digest_sql("e.")
    );
    Ok(bound_query(&text, &[Bind::BigInt(from_seq), Bind::BigInt(limit)]).load(conn)?)
}

#[derive(Debug, QueryableByName)]
pub struct ChainStart {
    #[diesel(sql_type = Nullable<BigInt>)]
    pub first_seq: Option<i64>,
    /// `last_deleted_hash` of the purge checkpoint that ends just before `first_seq`, if any.
    #[diesel(sql_type = Nullable<Text>)]
    pub checkpoint_hash: Option<String>,
}

pub fn chain_start(conn: &mut PgConnection, chain: &str, events: &str) -> CliResult<ChainStart> {
    let text = format!(
        "SELECT s.first_seq, (SELECT e.metadata->>'last_deleted_hash' FROM {events} e \
            WHERE e.action = 'audit.purged' AND (e.metadata->>'last_deleted_seq')::bigint = s.first_seq - 1 \
            ORDER BY e.id DESC LIMIT 1) AS checkpoint_hash \
         FROM (SELECT min(seq) AS first_seq FROM {chain}) s"
    );
    Ok(diesel::sql_query(text).get_result(conn)?)
}

#[derive(Debug, QueryableByName)]
pub struct Unchained {
    #[diesel(sql_type = BigInt)]
    pub other_writers: i64,
    #[diesel(sql_type = BigInt)]
    pub claiming_obanctl: i64,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub first_claiming_id: Option<i64>,
}

/// Events with no chain row: written by other writers, or inserted behind obanctl's back when they
/// claim to come from it.
pub fn unchained(conn: &mut PgConnection, chain: &str, events: &str) -> CliResult<Unchained> {
    let text = format!(
        "SELECT count(*) FILTER (WHERE NOT claims)::bigint AS other_writers, \
                count(*) FILTER (WHERE claims)::bigint AS claiming_obanctl, \
                min(id) FILTER (WHERE claims) AS first_claiming_id \
         FROM (SELECT e.id, coalesce(e.metadata->>'source' = 'cli', false) AS claims FROM {events} e \
               WHERE NOT EXISTS (SELECT 1 FROM {chain} c WHERE c.event_id = e.id)) u"
    );
    Ok(diesel::sql_query(text).get_result(conn)?)
}
