//! Reading `oban_powertools_audit_events`.

use chrono::NaiveDateTime;
use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Bool, Bytea, Jsonb, Nullable, Text, Timestamp};
use diesel::{OptionalExtension, QueryableByName, RunQueryDsl};

use super::{bound_query, ident};
use crate::audit::ChainFeatures;
use crate::audit_chain::{unhex, DatabaseIdentity, Link, Marker, PurgeAnchor, Start};
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

#[derive(QueryableByName)]
struct MaxId {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// The highest id visible in this snapshot.
pub fn max_id(conn: &mut PgConnection, table: &str) -> CliResult<i64> {
    let row: MaxId = diesel::sql_query(format!(
        "SELECT coalesce(max(id), 0)::bigint AS id FROM {table}"
    ))
    .get_result(conn)?;
    Ok(row.id)
}

#[derive(QueryableByName)]
struct ActionName {
    #[diesel(sql_type = Text)]
    action: String,
}

/// Whether any event has `action` (one probe of the action index).
pub fn action_recorded(conn: &mut PgConnection, table: &str, action: &str) -> CliResult<bool> {
    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = Bool)]
        found: bool,
    }
    let row: Found = diesel::sql_query(format!(
        "SELECT EXISTS (SELECT 1 FROM {table} WHERE action = $1) AS found"
    ))
    .bind::<Text, _>(action)
    .get_result(conn)?;
    Ok(row.found)
}

/// Up to `limit` distinct actions recorded, by a loose scan of the action index (one probe per
/// distinct value, never a scan of every event).
pub fn recorded_actions(
    conn: &mut PgConnection,
    table: &str,
    limit: i64,
) -> CliResult<Vec<String>> {
    let rows: Vec<ActionName> = diesel::sql_query(format!(
        "WITH RECURSIVE a(action, n) AS ( \
           (SELECT action, 1 FROM {table} WHERE action IS NOT NULL ORDER BY action LIMIT 1) \
           UNION ALL \
           SELECT (SELECT e.action FROM {table} e WHERE e.action > a.action ORDER BY e.action LIMIT 1), a.n + 1 \
           FROM a WHERE a.action IS NOT NULL AND a.n < $1 \
         ) SELECT action FROM a WHERE action IS NOT NULL"
    ))
    .bind::<BigInt, _>(limit)
    .load(conn)?;
    Ok(rows.into_iter().map(|r| r.action).collect())
}

/// An event id and whether the event matches the filter.
pub type IdMatches = (i64, bool);

#[derive(QueryableByName)]
struct IdMatch {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Bool)]
    matches: bool,
}

#[derive(QueryableByName)]
struct Gap {
    #[diesel(sql_type = BigInt)]
    lo: i64,
    #[diesel(sql_type = BigInt)]
    hi: i64,
}

/// Where `--follow` starts, read in one snapshot: the highest id visible now, and the runs of ids
/// in (`high - margin`, `high`] that are not (transactions in flight, or rolled back).
pub fn follow_start(
    conn: &mut PgConnection,
    table: &str,
    margin: i64,
) -> CliResult<(i64, Vec<(i64, i64)>)> {
    let high = max_id(conn, table)?;
    let floor = (high - margin).max(0);
    let text = format!(
        "SELECT lo, hi FROM ( \
           SELECT coalesce(lag(e.id) OVER (ORDER BY e.id), $1) + 1 AS lo, e.id - 1 AS hi \
           FROM {table} e WHERE e.id > $1 AND e.id <= $2) g WHERE hi >= lo ORDER BY lo"
    );
    let gaps: Vec<Gap> =
        bound_query(&text, &[Bind::BigInt(floor), Bind::BigInt(high)]).load(conn)?;
    Ok((high, gaps.into_iter().map(|g| (g.lo, g.hi)).collect()))
}

/// One `--follow` poll, in one snapshot: the ids now visible in the pending runs (`lo[i]..=hi[i]`)
/// and the first `limit` ids above `high`, each with whether it matches the filter. Every id is
/// looked at, matching or not, so the window knows which ids are still missing.
pub fn follow_poll(
    conn: &mut PgConnection,
    table: &str,
    filter: &AuditFilter,
    high: i64,
    pending: (Vec<i64>, Vec<i64>),
    limit: i64,
) -> CliResult<(Vec<IdMatches>, Vec<IdMatches>)> {
    let late = if pending.0.is_empty() {
        Vec::new()
    } else {
        let mut sql = Sql::default();
        let conditions = filter.conditions(&mut sql);
        let lo = sql.bind(Bind::BigInts(pending.0));
        let hi = sql.bind(Bind::BigInts(pending.1));
        let text = format!(
            "SELECT e.id, ({conditions}) AS matches FROM {table} e \
             WHERE e.id IN (SELECT g FROM unnest({lo}::bigint[], {hi}::bigint[]) AS r(lo, hi), generate_series(r.lo, r.hi) AS g) \
             ORDER BY e.id"
        );
        let rows: Vec<IdMatch> = bound_query(&text, &sql.binds).load(conn)?;
        rows.into_iter().map(|r| (r.id, r.matches)).collect()
    };
    let mut sql = Sql::default();
    let conditions = filter.conditions(&mut sql);
    let after = sql.bind(Bind::BigInt(high));
    let limit = sql.bind(Bind::BigInt(limit));
    let text = format!(
        "SELECT e.id, ({conditions}) AS matches FROM {table} e WHERE e.id > {after} ORDER BY e.id LIMIT {limit}"
    );
    let rows: Vec<IdMatch> = bound_query(&text, &sql.binds).load(conn)?;
    Ok((late, rows.into_iter().map(|r| (r.id, r.matches)).collect()))
}

/// The events with these ids, oldest first.
pub fn by_ids(conn: &mut PgConnection, table: &str, ids: Vec<i64>) -> CliResult<Vec<AuditRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let text = format!("SELECT {COLUMNS} FROM {table} e WHERE e.id = ANY($1) ORDER BY e.id");
    Ok(bound_query(&text, &[Bind::BigInts(ids)]).load(conn)?)
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
struct ChainLinkRow {
    #[diesel(sql_type = BigInt)]
    seq: i64,
    #[diesel(sql_type = BigInt)]
    event_id: i64,
    #[diesel(sql_type = Bytea)]
    prev_hash: Vec<u8>,
    #[diesel(sql_type = Bytea)]
    row_hash: Vec<u8>,
    #[diesel(sql_type = Nullable<Text>)]
    key_id: Option<String>,
    /// The event's canonical digest now; none when the event is gone.
    #[diesel(sql_type = Nullable<Bytea>)]
    digest: Option<Vec<u8>>,
}

/// Chain rows from `from_seq` on, each with its event's current digest.
pub fn chain_links(
    conn: &mut PgConnection,
    chain: &str,
    events: &str,
    features: ChainFeatures,
    from_seq: i64,
    limit: i64,
) -> CliResult<Vec<Link>> {
    let key_id = if features.key_id_column {
        "c.key_id"
    } else {
        "NULL::text"
    };
    let text = format!(
        "SELECT c.seq, c.event_id, c.prev_hash, c.row_hash, {key_id} AS key_id, \
                CASE WHEN e.id IS NULL THEN NULL ELSE {digest} END AS digest \
         FROM {chain} c LEFT JOIN {events} e ON e.id = c.event_id \
         WHERE c.seq >= $1 ORDER BY c.seq LIMIT $2",
        digest = crate::audit::event_digest_sql("e.")
    );
    let rows: Vec<ChainLinkRow> =
        bound_query(&text, &[Bind::BigInt(from_seq), Bind::BigInt(limit)]).load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| Link {
            seq: r.seq,
            event_id: r.event_id,
            prev_hash: r.prev_hash,
            row_hash: r.row_hash,
            key_id: r.key_id,
            digest: r.digest,
        })
        .collect())
}

#[derive(Debug, QueryableByName)]
struct ChainStartRow {
    #[diesel(sql_type = Nullable<BigInt>)]
    first_seq: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    anchor_id: Option<i64>,
    /// `last_deleted_hash` of the purge event that ends just before `first_seq`, if any.
    #[diesel(sql_type = Nullable<Text>)]
    anchor_hash: Option<String>,
    #[diesel(sql_type = Nullable<Bool>)]
    anchor_chained: Option<bool>,
}

/// Where the chain starts, and the `audit.purged` event that accounts for the entries before it
/// (a chained one if there is one: an unchained one is a forgery the walk reports).
pub fn chain_start(conn: &mut PgConnection, chain: &str, events: &str) -> CliResult<Start> {
    let text = format!(
        "SELECT s.first_seq, a.id AS anchor_id, a.hash AS anchor_hash, a.chained AS anchor_chained \
         FROM (SELECT min(seq) AS first_seq FROM {chain}) s \
         LEFT JOIN LATERAL ( \
           SELECT e.id, e.metadata->>'last_deleted_hash' AS hash, \
                  EXISTS (SELECT 1 FROM {chain} c WHERE c.event_id = e.id) AS chained \
           FROM {events} e \
           WHERE e.action = 'audit.purged' AND jsonb_typeof(e.metadata->'last_deleted_seq') = 'number' \
             AND (e.metadata->>'last_deleted_seq')::numeric = s.first_seq - 1 \
           ORDER BY 3 DESC, e.id DESC LIMIT 1) a ON true"
    );
    let row: ChainStartRow = diesel::sql_query(text).get_result(conn)?;
    Ok(Start {
        first_seq: row.first_seq,
        anchor: row.anchor_id.map(|event_id| PurgeAnchor {
            event_id,
            last_deleted_hash: row.anchor_hash.as_deref().and_then(unhex),
            chained: row.anchor_chained.unwrap_or(false),
        }),
    })
}

#[derive(QueryableByName)]
struct MarkerRow {
    #[diesel(sql_type = BigInt)]
    chain_high_water_seq: i64,
    #[diesel(sql_type = Nullable<BigInt>)]
    first_keyed_seq: Option<i64>,
}

/// The install marker; none where the table is missing (an install from before it), and an
/// all-zero marker where it has no row yet (nothing chained since it was created).
pub fn marker(
    conn: &mut PgConnection,
    powertools_schema: &str,
    features: ChainFeatures,
) -> CliResult<Option<Marker>> {
    if !features.state_table {
        return Ok(None);
    }
    let row: Option<MarkerRow> = diesel::sql_query(format!(
        "SELECT chain_high_water_seq, first_keyed_seq FROM {}",
        ident::qualified(powertools_schema, crate::install::AUDIT_STATE_TABLE)
    ))
    .get_result(conn)
    .optional()?;
    Ok(Some(row.map_or_else(Marker::default, |r| Marker {
        high_water_seq: r.chain_high_water_seq,
        first_keyed_seq: r.first_keyed_seq,
    })))
}

#[derive(QueryableByName)]
struct IdentityRow {
    #[diesel(sql_type = Text)]
    database: String,
}

#[derive(QueryableByName)]
struct SystemIdRow {
    #[diesel(sql_type = Text)]
    system_identifier: String,
}

/// Which database this is: the cluster's system identifier (where the role may read it; a
/// failure there is no error), the database name and the Powertools schema.
pub fn identity(db: &crate::db::Database) -> CliResult<DatabaseIdentity> {
    let schema = db.powertools_schema().to_string();
    let row: IdentityRow = db.read(|conn| {
        Ok(diesel::sql_query("SELECT current_database()::text AS database").get_result(conn)?)
    })?;
    let system_identifier = db
        .read(|conn| {
            let row: SystemIdRow = diesel::sql_query(
                "SELECT system_identifier::text AS system_identifier FROM pg_control_system()",
            )
            .get_result(conn)?;
            Ok(row.system_identifier)
        })
        .ok();
    Ok(DatabaseIdentity {
        system_identifier,
        database: row.database,
        schema,
    })
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

/// The next batch of a purge: the oldest chain entries up to `last_seq` (at most `limit`), their
/// events' id range and the last entry's hash, read before anything is deleted so the batch's
/// `audit.purged` event can be chained first (the chain's head is then never deleted).
pub fn purge_chained_next(
    conn: &mut PgConnection,
    chain: &str,
    last_seq: i64,
    limit: i64,
) -> CliResult<Purged> {
    let text = format!(
        "WITH next AS (SELECT seq, event_id, row_hash FROM {chain} WHERE seq <= $1 ORDER BY seq LIMIT $2) \
         SELECT count(*)::bigint AS deleted, min(seq) AS first_seq, max(seq) AS last_seq, \
                min(event_id) AS min_id, max(event_id) AS max_id, \
                (SELECT row_hash FROM next ORDER BY seq DESC LIMIT 1) AS last_hash \
         FROM next"
    );
    Ok(bound_query(&text, &[Bind::BigInt(last_seq), Bind::BigInt(limit)]).get_result(conn)?)
}

/// Deletes the chain entries `first_seq..=last_seq` and their events; returns how many entries.
pub fn purge_chained_delete(
    conn: &mut PgConnection,
    chain: &str,
    events: &str,
    first_seq: i64,
    last_seq: i64,
) -> CliResult<i64> {
    let text = format!(
        "WITH gone AS (DELETE FROM {chain} WHERE seq BETWEEN $1 AND $2 RETURNING event_id), \
              events_gone AS (DELETE FROM {events} e USING gone g WHERE e.id = g.event_id RETURNING e.id) \
         SELECT (SELECT count(*) FROM gone)::bigint AS n, (SELECT count(*) FROM events_gone)::bigint AS events"
    );
    #[derive(QueryableByName)]
    struct Deleted {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let row: Deleted =
        bound_query(&text, &[Bind::BigInt(first_seq), Bind::BigInt(last_seq)]).get_result(conn)?;
    Ok(row.n)
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
