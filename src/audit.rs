//! The one place that writes `oban_powertools_audit_events` rows.
//!
//! Rows are shaped the way the Elixir library writes them (schema.md §2.1), so its UI reads ours:
//! `event_type` equals `action`, `command_key` follows the library's mapping, `resource` is
//! `type:id`, `inserted_at` is UTC truncated to the second by the database clock, and `metadata`
//! carries a `principal`. Callers always pass the connection of the transaction that makes the
//! change, so a change and its audit row commit together or not at all.

use diesel::pg::PgConnection;
use diesel::sql_types::{Array, BigInt, Bool, Bytea, Integer, Jsonb, Nullable, Text};
use diesel::{OptionalExtension, QueryableByName, RunQueryDsl};
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::db::ident;
use crate::error::{CliError, CliResult};
use crate::settings::Source;

pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");
/// Every string column of the audit table is `varchar(255)`.
const MAX_COLUMN_CHARS: usize = 255;

/// Facts about this run that every audit row of it shares.
#[derive(Debug, Clone)]
pub struct RunContext {
    /// One id per command run, tying a bulk run's rows together.
    pub operation_id: Uuid,
    pub actor: String,
    pub actor_source: Source,
}

impl RunContext {
    pub fn new(actor: String, actor_source: Source) -> Self {
        RunContext {
            operation_id: Uuid::new_v4(),
            actor,
            actor_source,
        }
    }

    /// The principal map the Elixir library's UI reads first when it shows who acted.
    pub fn principal(&self) -> Value {
        json!({ "id": self.actor, "type": "user", "label": self.actor })
    }

    /// Metadata keys every row from obanctl carries.
    pub fn standard_metadata(&self) -> Map<String, Value> {
        let mut meta = Map::new();
        meta.insert("source".into(), json!("cli"));
        meta.insert("tool_version".into(), json!(TOOL_VERSION));
        meta.insert("operation_id".into(), json!(self.operation_id.to_string()));
        meta.insert("principal".into(), self.principal());
        meta.insert("actor_source".into(), json!(self.actor_source.to_string()));
        meta
    }
}

/// The library derives `command_key` from `event_type` when the caller gives none.
pub fn command_key_for(event_type: &str) -> Option<&'static str> {
    match event_type {
        "cron.paused" => Some("pause_cron_entry"),
        "cron.resumed" => Some("resume_cron_entry"),
        "cron.run_now" | "cron.run_now_previewed" => Some("run_cron_entry"),
        "lifeline.repair_executed" => Some("execute_repair"),
        "workflow.cancel_requested" => Some("request_cancel"),
        "workflow.recovery_completed" => Some("recover_step"),
        "workflow.step_completed" => Some("complete_step"),
        _ => None,
    }
}

#[derive(Debug, Clone)]
pub struct AuditEvent {
    pub action: String,
    pub resource_type: String,
    pub resource_id: String,
    /// Command-specific keys; the standard ones are added by [`record`].
    pub metadata: Map<String, Value>,
}

#[derive(QueryableByName)]
struct InsertedId {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Bytea)]
    digest: Vec<u8>,
}

// ---- The tamper-evident chain (`obanctl_audit_chain`) -------------------------------------------
//
// Every event obanctl writes gets a chain row in the same transaction:
//   row_hash = SHA-256(prev_hash || SHA-256(canonical event))
// where the canonical event is PostgreSQL's text of `jsonb_build_array(<every column>)`. The inner
// digest is computed by PostgreSQL in the statement that inserts the events, so a bulk batch sends
// 32 bytes per event to the client, not the event. The first row's prev_hash is 32 zero bytes, or
// after `audit purge`, the row_hash of the last purged row (recorded in an `audit.purged` event).

pub const CHAIN_GENESIS: [u8; 32] = [0; 32];
/// First key of the transaction-scoped advisory lock that serializes chain appends.
const CHAIN_LOCK_CLASS: i32 = 0x0bac;
/// Longest a batch waits for the chain lock (still bounded by the statement timeout).
const CHAIN_LOCK_WAIT: &str = "60s";

/// The SQL expression for an event's canonical digest; `prefix` qualifies the columns (`e.`), or
/// is empty inside `RETURNING`. The one definition used both when writing and when verifying.
pub fn event_digest_sql(prefix: &str) -> String {
    let p = prefix;
    format!(
        "sha256(convert_to(jsonb_build_array({p}id, {p}inserted_at, {p}actor_id, {p}action, {p}command_key, \
         {p}event_type, {p}resource, {p}resource_type, {p}resource_id, {p}metadata)::text, 'UTF8'))"
    )
}

/// One step of the chain.
pub fn chain_hash(prev_hash: &[u8], event_digest: &[u8]) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    hasher.update(prev_hash);
    hasher.update(event_digest);
    hasher.finalize().into()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = Bool)]
    exists: bool,
}

/// Whether `obanctl install` has created the chain table in this schema.
pub fn chain_installed(conn: &mut PgConnection, powertools_schema: &str) -> CliResult<bool> {
    let row: Exists = diesel::sql_query("SELECT to_regclass($1) IS NOT NULL AS exists")
        .bind::<Text, _>(ident::qualified(
            powertools_schema,
            crate::install::AUDIT_CHAIN_TABLE,
        ))
        .get_result(conn)?;
    Ok(row.exists)
}

pub fn require_chain(conn: &mut PgConnection, powertools_schema: &str) -> CliResult<()> {
    if chain_installed(conn, powertools_schema)? {
        return Ok(());
    }
    Err(CliError::refused_with_hint(
        format!("schema `{powertools_schema}` has no obanctl_audit_chain table, so changes could not be audited tamper-evidently"),
        "run `obanctl install` once; it adds the table and leaves existing Powertools tables alone",
    ))
}

#[derive(QueryableByName)]
struct ChainHead {
    #[diesel(sql_type = BigInt)]
    seq: i64,
    #[diesel(sql_type = Bytea)]
    row_hash: Vec<u8>,
}

/// The newest chain entry: its position and row hash.
pub fn chain_head(
    conn: &mut PgConnection,
    powertools_schema: &str,
) -> CliResult<Option<(i64, Vec<u8>)>> {
    let chain = ident::qualified(powertools_schema, crate::install::AUDIT_CHAIN_TABLE);
    let head: Option<ChainHead> = diesel::sql_query(format!(
        "SELECT seq, row_hash FROM {chain} ORDER BY seq DESC LIMIT 1"
    ))
    .get_result(conn)
    .optional()?;
    Ok(head.map(|h| (h.seq, h.row_hash)))
}

#[derive(QueryableByName)]
struct SavedSetting {
    #[diesel(sql_type = Text)]
    saved: String,
}

/// Takes the chain's transaction-scoped advisory lock. Its holders are short batch transactions
/// (obanctl's own parallel batches among them), so waiting for it is not what the operator's
/// `--lock-timeout` guards against: the wait gets its own bound, [`CHAIN_LOCK_WAIT`], and the
/// operator's lock timeout is restored right after. (`OFFSET 0` keeps each step a subquery that
/// runs before the outer expression.)
fn lock_chain(conn: &mut PgConnection, powertools_schema: &str) -> CliResult<()> {
    let saved: SavedSetting = diesel::sql_query(
        "SELECT s.saved, set_config('lock_timeout', $1, true) AS applied \
         FROM (SELECT current_setting('lock_timeout') AS saved OFFSET 0) s",
    )
    .bind::<Text, _>(CHAIN_LOCK_WAIT)
    .get_result(conn)?;
    diesel::sql_query(
        "SELECT set_config('lock_timeout', $3, true) \
         FROM (SELECT pg_advisory_xact_lock($1, hashtext($2)) OFFSET 0) l",
    )
    .bind::<Integer, _>(CHAIN_LOCK_CLASS)
    .bind::<Text, _>(powertools_schema)
    .bind::<Text, _>(saved.saved)
    .execute(conn)?;
    Ok(())
}

/// Appends `events` (id and canonical digest, in order) to the chain, in the caller's transaction.
/// The advisory lock is transaction-scoped (safe behind a transaction pooler) and is taken after
/// the caller's other locks, so chain appends serialize without deadlocking.
pub fn append_to_chain(
    conn: &mut PgConnection,
    powertools_schema: &str,
    events: &[(i64, Vec<u8>)],
) -> CliResult<()> {
    if events.is_empty() {
        return Ok(());
    }
    let chain = ident::qualified(powertools_schema, crate::install::AUDIT_CHAIN_TABLE);
    lock_chain(conn, powertools_schema)?;
    let (mut seq, mut prev) =
        chain_head(conn, powertools_schema)?.unwrap_or((0, CHAIN_GENESIS.to_vec()));
    let (mut seqs, mut ids, mut prevs, mut rows) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (event_id, digest) in events {
        seq += 1;
        let row = chain_hash(&prev, digest).to_vec();
        seqs.push(seq);
        ids.push(*event_id);
        prevs.push(std::mem::replace(&mut prev, row.clone()));
        rows.push(row);
    }
    diesel::sql_query(format!(
        "INSERT INTO {chain} (seq, event_id, prev_hash, row_hash) \
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[], $4::bytea[])"
    ))
    .bind::<Array<BigInt>, _>(seqs)
    .bind::<Array<BigInt>, _>(ids)
    .bind::<Array<Bytea>, _>(prevs)
    .bind::<Array<Bytea>, _>(rows)
    .execute(conn)?;
    Ok(())
}

fn bounded(column: &str, value: String) -> CliResult<String> {
    if value.chars().count() > MAX_COLUMN_CHARS {
        return Err(CliError::usage(format!(
            "audit {column} would be longer than {MAX_COLUMN_CHARS} characters: {value}"
        )));
    }
    Ok(value)
}

/// Inserts one audit row in the caller's transaction and returns its id.
pub fn record(
    conn: &mut PgConnection,
    powertools_schema: &str,
    ctx: &RunContext,
    event: AuditEvent,
) -> CliResult<i64> {
    let mut metadata = ctx.standard_metadata();
    metadata.extend(event.metadata);
    let resource = bounded(
        "resource",
        format!("{}:{}", event.resource_type, event.resource_id),
    )?;
    let sql = format!(
        "INSERT INTO {} (actor_id, action, command_key, event_type, resource, resource_type, resource_id, metadata, inserted_at) \
         VALUES ($1, $2, $3, $2, $4, $5, $6, $7, date_trunc('second', timezone('UTC', now()))) RETURNING id, {} AS digest",
        ident::qualified(powertools_schema, "oban_powertools_audit_events"),
        event_digest_sql("")
    );
    let row: InsertedId = diesel::sql_query(sql)
        .bind::<Text, _>(bounded("actor_id", ctx.actor.clone())?)
        .bind::<Text, _>(bounded("action", event.action.clone())?)
        .bind::<Nullable<Text>, _>(command_key_for(&event.action))
        .bind::<Text, _>(resource)
        .bind::<Text, _>(bounded("resource_type", event.resource_type)?)
        .bind::<Text, _>(bounded("resource_id", event.resource_id)?)
        .bind::<Jsonb, _>(Value::Object(metadata))
        .get_result(conn)?;
    append_to_chain(conn, powertools_schema, &[(row.id, row.digest)])?;
    Ok(row.id)
}

/// An `INSERT ... SELECT ... RETURNING id AS audit_id, digest, <returning>` writing one audit row per row of
/// `from`, for set-based mutations that change many rows in one statement. The `*_expr` arguments
/// are SQL expressions over `from` or bind placeholders; `action` and `resource_type` are our own
/// constants. `metadata_expr` must already include [`RunContext::standard_metadata`].
#[allow(clippy::too_many_arguments)]
pub fn insert_select_sql(
    powertools_schema: &str,
    action: &str,
    resource_type: &str,
    actor_expr: &str,
    resource_id_expr: &str,
    metadata_expr: &str,
    from: &str,
    returning: &str,
) -> String {
    let action_sql = ident::literal(action);
    let type_sql = ident::literal(resource_type);
    let command_key = command_key_for(action)
        .map(ident::literal)
        .unwrap_or_else(|| "NULL".into());
    format!(
        "INSERT INTO {table} (actor_id, action, command_key, event_type, resource, resource_type, resource_id, metadata, inserted_at) \
         SELECT {actor_expr}, {action_sql}, {command_key}, {action_sql}, {type_sql} || ':' || ({resource_id_expr}), {type_sql}, \
                ({resource_id_expr}), {metadata_expr}, date_trunc('second', timezone('UTC', now())) \
         FROM {from} RETURNING id AS audit_id, {digest} AS digest, {returning}",
        table = ident::qualified(powertools_schema, "oban_powertools_audit_events"),
        digest = event_digest_sql(""),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_hash_is_sha256_of_prev_and_digest_and_hex_round_trips() {
        let digest = [7u8; 32];
        let first = chain_hash(&CHAIN_GENESIS, &digest);
        assert_ne!(first, chain_hash(&CHAIN_GENESIS, &[8u8; 32]));
        assert_ne!(
            first,
            chain_hash(&first, &digest),
            "depends on the previous hash"
        );
        assert_eq!(unhex(&hex(&first)).unwrap(), first.to_vec());
        assert_eq!(hex(&[0, 255]), "00ff");
        assert!(unhex("abc").is_none());
        assert!(unhex("zz").is_none());
    }

    #[test]
    fn command_keys_follow_the_library() {
        assert_eq!(command_key_for("cron.paused"), Some("pause_cron_entry"));
        assert_eq!(
            command_key_for("lifeline.repair_executed"),
            Some("execute_repair")
        );
        assert_eq!(command_key_for("powertools.installed"), None);
    }

    #[test]
    fn standard_metadata_names_the_principal() {
        let ctx = RunContext::new("ops-demo".into(), Source::Flag);
        let meta = ctx.standard_metadata();
        assert_eq!(meta["source"], "cli");
        assert_eq!(meta["principal"]["id"], "ops-demo");
        assert_eq!(meta["actor_source"], "flag");
        assert_eq!(meta["operation_id"].as_str().unwrap().len(), 36);
    }
}
