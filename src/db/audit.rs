//! Reading `oban_powertools_audit_events`.

use chrono::NaiveDateTime;
use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Jsonb, Nullable, Text, Timestamp};
use diesel::{QueryableByName, RunQueryDsl};

use super::{bound_query, ident};
use crate::audit_trail::AuditFilter;
use crate::decode::{Json, Timestamp as DbTime};
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
    pub inserted_at: DbTime,
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
    pub metadata: Json,
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
    #[diesel(sql_type = Timestamp)]
    pub inserted_at: DbTime,
    /// The event's text columns as one JSON object, rendered by PostgreSQL (keys in a fixed
    /// order); the timestamp and metadata come apart, so they are decoded tolerantly.
    #[diesel(sql_type = Text)]
    pub json: String,
    #[diesel(sql_type = Nullable<Jsonb>)]
    pub metadata: Option<Json>,
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
        "SELECT x.id, x.inserted_at, x.metadata, \
                json_build_object('actor_id', x.actor_id, 'action', x.action, 'command_key', x.command_key, \
                  'event_type', x.event_type, 'resource', x.resource, 'resource_type', x.resource_type, \
                  'resource_id', x.resource_id)::text AS json FROM ( \
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

#[derive(Debug, QueryableByName)]
pub struct PurgePlan {
    /// Chain entries up to this seq belong to events older than the cutoff (and nothing newer
    /// comes before them); none when nothing chained is old enough.
    #[diesel(sql_type = Nullable<BigInt>)]
    pub first_seq: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub last_seq: Option<i64>,
    #[diesel(sql_type = BigInt)]
    pub unchained: i64,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub oldest: Option<NaiveDateTime>,
}

/// What a purge with this cutoff would delete.
pub fn purge_plan(
    conn: &mut PgConnection,
    chain: &str,
    events: &str,
    cutoff: NaiveDateTime,
) -> CliResult<PurgePlan> {
    let text = format!(
        "SELECT (SELECT min(seq) FROM {chain}) AS first_seq, \
                coalesce((SELECT min(c.seq) - 1 FROM {chain} c JOIN {events} e ON e.id = c.event_id WHERE e.inserted_at >= $1), \
                         (SELECT max(seq) FROM {chain})) AS last_seq, \
                (SELECT count(*) FROM {events} e WHERE e.inserted_at < $1 \
                   AND NOT EXISTS (SELECT 1 FROM {chain} c WHERE c.event_id = e.id))::bigint AS unchained, \
                (SELECT min(inserted_at) FROM {events}) AS oldest"
    );
    let mut plan: PurgePlan = bound_query(&text, &[Bind::Timestamp(cutoff)]).get_result(conn)?;
    if matches!((plan.first_seq, plan.last_seq), (Some(first), Some(last)) if last < first) {
        plan.last_seq = None;
    }
    if plan.last_seq.is_none() {
        plan.first_seq = None;
    }
    Ok(plan)
}

#[derive(Debug, QueryableByName)]
pub struct Purged {
    #[diesel(sql_type = BigInt)]
    pub deleted: i64,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub first_seq: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub last_seq: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub min_id: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub max_id: Option<i64>,
    #[diesel(sql_type = Nullable<diesel::sql_types::Bytea>)]
    pub last_hash: Option<Vec<u8>>,
}

/// Deletes the oldest chain entries up to `last_seq` (at most `limit`) and their events.
pub fn purge_chained_batch(
    conn: &mut PgConnection,
    chain: &str,
    events: &str,
    last_seq: i64,
    limit: i64,
) -> CliResult<Purged> {
    let text = format!(
        "WITH gone AS (DELETE FROM {chain} WHERE seq IN (SELECT seq FROM {chain} WHERE seq <= $1 ORDER BY seq LIMIT $2) \
                       RETURNING seq, event_id, row_hash), \
              events_gone AS (DELETE FROM {events} e USING gone g WHERE e.id = g.event_id RETURNING e.id) \
         SELECT count(*)::bigint AS deleted, min(seq) AS first_seq, max(seq) AS last_seq, \
                (SELECT min(id) FROM events_gone) AS min_id, (SELECT max(id) FROM events_gone) AS max_id, \
                (SELECT row_hash FROM gone ORDER BY seq DESC LIMIT 1) AS last_hash \
         FROM gone"
    );
    Ok(bound_query(&text, &[Bind::BigInt(last_seq), Bind::BigInt(limit)]).get_result(conn)?)
}

/// Deletes up to `limit` unchained events older than the cutoff, oldest first.
pub fn purge_unchained_batch(
    conn: &mut PgConnection,
    chain: &str,
    events: &str,
    cutoff: NaiveDateTime,
    limit: i64,
) -> CliResult<Purged> {
    let text = format!(
        "WITH gone AS (DELETE FROM {events} WHERE id IN ( \
                         SELECT e.id FROM {events} e WHERE e.inserted_at < $1 \
                           AND NOT EXISTS (SELECT 1 FROM {chain} c WHERE c.event_id = e.id) ORDER BY e.id LIMIT $2) \
                       RETURNING id) \
         SELECT count(*)::bigint AS deleted, NULL::bigint AS first_seq, NULL::bigint AS last_seq, \
                min(id) AS min_id, max(id) AS max_id, NULL::bytea AS last_hash FROM gone"
    );
    Ok(bound_query(&text, &[Bind::Timestamp(cutoff), Bind::BigInt(limit)]).get_result(conn)?)
}

/// An event's columns as text, in `CSV_COLUMNS` order (`inserted_at` as in the JSON export).
#[derive(Debug, QueryableByName)]
pub struct CsvRow {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Timestamp)]
    pub inserted_at: DbTime,
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
    #[diesel(sql_type = Nullable<Jsonb>)]
    pub metadata: Option<Json>,
}

/// One chunk of a CSV export: events above `after`, oldest first, as text columns.
pub fn export_chunk_csv(
    conn: &mut PgConnection,
    table: &str,
    filter: &AuditFilter,
    after: i64,
    limit: i64,
) -> CliResult<Vec<CsvRow>> {
    let mut sql = Sql::default();
    let conditions = filter.conditions(&mut sql);
    let after = sql.bind(Bind::BigInt(after));
    let limit = sql.bind(Bind::BigInt(limit));
    let text = format!(
        "SELECT e.id, e.inserted_at, e.actor_id, e.action, \
                e.command_key, e.event_type, e.resource, e.resource_type, e.resource_id, e.metadata \
         FROM {table} e WHERE {conditions} AND e.id > {after} ORDER BY e.id LIMIT {limit}"
    );
    Ok(bound_query(&text, &sql.binds).load(conn)?)
}
