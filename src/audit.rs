//! The one place that writes `oban_powertools_audit_events` rows.
//!
//! Rows are shaped the way the Elixir library writes them, so its UI reads ours:
//! `event_type` equals `action`, `command_key` follows the library's mapping, `resource` is
//! `type:id`, `inserted_at` is UTC truncated to the second by the database clock, and `metadata`
//! carries a `principal`. Callers always pass the connection of the transaction that makes the
//! change, so a change and its audit row commit together or not at all.

use std::collections::BTreeSet;
use std::sync::{Mutex, RwLock};

use diesel::pg::PgConnection;
use diesel::sql_types::{Array, BigInt, Bool, Bytea, Integer, Jsonb, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};
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
//   row_hash = H(prev_hash || SHA-256(canonical event))
// where H is SHA-256, or HMAC-SHA-256 with the audit key when one is configured (the link then
// records the key's id in `key_id`), and the canonical event is PostgreSQL's text of
// `jsonb_build_array(<every column>)`. The inner digest is computed by PostgreSQL in the statement
// that inserts the events, so a bulk batch sends 32 bytes per event to the client, not the event;
// the key never leaves this process. The first row's prev_hash is 32 zero bytes, or after `audit
// purge`, the row_hash of the last purged row (recorded in a chained `audit.purged` event). The
// same transaction raises the high-water seq in `obanctl_audit_state`, so a chain that later ends
// before it (truncated or wiped) is detectable. See [`crate::audit_chain`] for the rules.

pub use crate::audit_chain::{hex, unhex, GENESIS as CHAIN_GENESIS};
use crate::audit_chain::{link_hash, AuditKey};

/// First key of the transaction-scoped advisory lock that serializes chain appends.
const CHAIN_LOCK_CLASS: i32 = 0x0bac;
/// Longest a batch waits for the chain lock (still bounded by the statement timeout).
const CHAIN_LOCK_WAIT: &str = "60s";

/// The key every chain append of this run signs with, set once from the settings when the run
/// connects ([`crate::db::Database::connect`]). Process-wide because the writers are reached
/// through many command modules; nothing else reads it.
static SIGNING_KEY: RwLock<Option<AuditKey>> = RwLock::new(None);

pub fn set_signing_key(key: Option<AuditKey>) {
    *SIGNING_KEY.write().unwrap_or_else(|e| e.into_inner()) = key;
}

fn signing_key() -> Option<AuditKey> {
    SIGNING_KEY
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
}

/// The SQL expression for an event's canonical digest; `prefix` qualifies the columns (`e.`), or
/// is empty inside `RETURNING`. The one definition used both when writing and when verifying.
pub fn event_digest_sql(prefix: &str) -> String {
    let p = prefix;
    format!(
        "sha256(convert_to(jsonb_build_array({p}id, {p}inserted_at, {p}actor_id, {p}action, {p}command_key, \
         {p}event_type, {p}resource, {p}resource_type, {p}resource_id, {p}metadata)::text, 'UTF8'))"
    )
}

/// One unkeyed step of the chain.
pub fn chain_hash(prev_hash: &[u8], event_digest: &[u8]) -> [u8; 32] {
    link_hash(None, prev_hash, event_digest)
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

/// What an install of this obanctl version added to the chain: the install marker table and the
/// `key_id` column. An older install lacks both until `obanctl install` runs again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChainFeatures {
    pub state_table: bool,
    pub key_id_column: bool,
}

impl ChainFeatures {
    /// Both parts of the upgrade are there (they come from one migration).
    pub fn upgraded(self) -> bool {
        self.state_table && self.key_id_column
    }
}

#[derive(QueryableByName)]
struct FeatureRow {
    #[diesel(sql_type = Bool)]
    state_table: bool,
    #[diesel(sql_type = Bool)]
    key_id_column: bool,
}

/// Schemas known to be fully upgraded (this cannot be undone by anything obanctl does, so it is
/// asked once per run; a missing feature is asked again, as `install` may add it in this run).
static UPGRADED: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

pub fn chain_features(
    conn: &mut PgConnection,
    powertools_schema: &str,
) -> CliResult<ChainFeatures> {
    let upgraded = ChainFeatures {
        state_table: true,
        key_id_column: true,
    };
    if UPGRADED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .contains(powertools_schema)
    {
        return Ok(upgraded);
    }
    let row: FeatureRow = diesel::sql_query(
        "SELECT to_regclass($1) IS NOT NULL AS state_table, \
                EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass($2) AND attname = 'key_id' \
                        AND NOT attisdropped) AS key_id_column",
    )
    .bind::<Text, _>(ident::qualified(
        powertools_schema,
        crate::install::AUDIT_STATE_TABLE,
    ))
    .bind::<Text, _>(ident::qualified(
        powertools_schema,
        crate::install::AUDIT_CHAIN_TABLE,
    ))
    .get_result(conn)?;
    let features = ChainFeatures {
        state_table: row.state_table,
        key_id_column: row.key_id_column,
    };
    if features == upgraded {
        UPGRADED
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(powertools_schema.to_string());
    }
    Ok(features)
}

/// Refuses when this run's key (or lack of one) cannot extend the chain: a keyed chain needs its
/// own key, and keyed links need the `key_id` column.
fn check_key(
    powertools_schema: &str,
    features: ChainFeatures,
    head_key: Option<&str>,
    key: Option<&AuditKey>,
) -> CliResult<()> {
    match (key, head_key) {
        (Some(_), _) if !features.upgraded() => Err(CliError::refused_with_hint(
            format!("the audit chain in `{powertools_schema}` has no key_id column, so keyed links cannot be recorded"),
            "run `obanctl install` once to upgrade it (it adds the column and leaves the Powertools tables alone)",
        )),
        (None, Some(head)) => Err(CliError::refused_with_hint(
            format!("the audit chain in `{powertools_schema}` is keyed (key id {head}), but no audit key is configured, so this change could not be chained"),
            "set OBANCTL_AUDIT_KEY or OBANCTL_AUDIT_KEY_FILE (or audit_key_file in the config file) to the chain's key",
        )),
        (Some(key), Some(head)) if key.id() != head => Err(CliError::refused_with_hint(
            format!(
                "the configured audit key (key id {}) is not the key of the audit chain in `{powertools_schema}` (key id {head})",
                key.id()
            ),
            "use the chain's key; obanctl never switches a chain to another key",
        )),
        _ => Ok(()),
    }
}

pub fn require_chain(conn: &mut PgConnection, powertools_schema: &str) -> CliResult<()> {
    if !chain_installed(conn, powertools_schema)? {
        return Err(CliError::refused_with_hint(
            format!("schema `{powertools_schema}` has no obanctl_audit_chain table, so changes could not be audited tamper-evidently"),
            "run `obanctl install` once; it adds the table and leaves existing Powertools tables alone",
        ));
    }
    // Refuse a key mismatch before anything is previewed or asked, not at the first batch.
    let features = chain_features(conn, powertools_schema)?;
    let head = chain_head_link(conn, powertools_schema, features)?;
    check_key(
        powertools_schema,
        features,
        head.as_ref().and_then(|h| h.key_id.as_deref()),
        signing_key().as_ref(),
    )
}

#[derive(QueryableByName)]
struct ChainHeadRow {
    #[diesel(sql_type = Nullable<BigInt>)]
    seq: Option<i64>,
    #[diesel(sql_type = Nullable<Bytea>)]
    row_hash: Option<Vec<u8>>,
    #[diesel(sql_type = Nullable<Text>)]
    key_id: Option<String>,
    #[diesel(sql_type = Nullable<BigInt>)]
    high_water: Option<i64>,
}

/// The newest chain entry.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadLink {
    pub seq: i64,
    pub row_hash: Vec<u8>,
    pub key_id: Option<String>,
}

fn head_and_marker(
    conn: &mut PgConnection,
    powertools_schema: &str,
    features: ChainFeatures,
) -> CliResult<(Option<HeadLink>, i64)> {
    let chain = ident::qualified(powertools_schema, crate::install::AUDIT_CHAIN_TABLE);
    let key_id = if features.key_id_column {
        "key_id"
    } else {
        "NULL::text AS key_id"
    };
    let high_water = if features.state_table {
        format!(
            "(SELECT chain_high_water_seq FROM {})",
            ident::qualified(powertools_schema, crate::install::AUDIT_STATE_TABLE)
        )
    } else {
        "NULL::bigint".into()
    };
    let row: ChainHeadRow = diesel::sql_query(format!(
        "SELECT h.seq, h.row_hash, h.key_id, {high_water} AS high_water \
         FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT seq, row_hash, {key_id} FROM {chain} ORDER BY seq DESC LIMIT 1) h ON true"
    ))
    .get_result(conn)?;
    let head = match (row.seq, row.row_hash) {
        (Some(seq), Some(row_hash)) => Some(HeadLink {
            seq,
            row_hash,
            key_id: row.key_id,
        }),
        _ => None,
    };
    Ok((head, row.high_water.unwrap_or(0)))
}

pub fn chain_head_link(
    conn: &mut PgConnection,
    powertools_schema: &str,
    features: ChainFeatures,
) -> CliResult<Option<HeadLink>> {
    Ok(head_and_marker(conn, powertools_schema, features)?.0)
}

/// The newest chain entry: its position and row hash.
pub fn chain_head(
    conn: &mut PgConnection,
    powertools_schema: &str,
) -> CliResult<Option<(i64, Vec<u8>)>> {
    let features = chain_features(conn, powertools_schema)?;
    Ok(chain_head_link(conn, powertools_schema, features)?.map(|h| (h.seq, h.row_hash)))
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

/// Appends `events` (id and canonical digest, in order) to the chain, in the caller's transaction,
/// signed with this run's key if one is configured, and raises the install marker's high-water
/// seq. The advisory lock is transaction-scoped (safe behind a transaction pooler) and is taken
/// after the caller's other locks, so chain appends serialize without deadlocking.
///
/// New links continue from the head, numbered after the highest seq ever written: if the newest
/// links were deleted, the gap stays visible to `verify` instead of being papered over.
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
    let features = chain_features(conn, powertools_schema)?;
    let key = signing_key();
    let (head, high_water) = head_and_marker(conn, powertools_schema, features)?;
    check_key(
        powertools_schema,
        features,
        head.as_ref().and_then(|h| h.key_id.as_deref()),
        key.as_ref(),
    )?;
    let (head_seq, mut prev) = head
        .map(|h| (h.seq, h.row_hash))
        .unwrap_or((0, CHAIN_GENESIS.to_vec()));
    let mut seq = head_seq.max(high_water);
    let (mut seqs, mut ids, mut prevs, mut rows) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (event_id, digest) in events {
        seq += 1;
        let row = link_hash(key.as_ref(), &prev, digest).to_vec();
        seqs.push(seq);
        ids.push(*event_id);
        prevs.push(std::mem::replace(&mut prev, row.clone()));
        rows.push(row);
    }
    let first_keyed: Option<i64> = key.as_ref().map(|_| seqs[0]);
    let query = if features.upgraded() {
        let key_ids: Vec<Option<String>> =
            vec![key.as_ref().map(|k| k.id().to_string()); seqs.len()];
        let state = ident::qualified(powertools_schema, crate::install::AUDIT_STATE_TABLE);
        diesel::sql_query(format!(
            "WITH appended AS ( \
               INSERT INTO {chain} (seq, event_id, prev_hash, row_hash, key_id) \
               SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[], $4::bytea[], $5::text[]) RETURNING seq) \
             INSERT INTO {state} AS s (id, chain_high_water_seq, first_keyed_seq, updated_at) \
             SELECT true, max(seq), $6, timezone('UTC', now()) FROM appended \
             ON CONFLICT (id) DO UPDATE SET chain_high_water_seq = greatest(s.chain_high_water_seq, EXCLUDED.chain_high_water_seq), \
               first_keyed_seq = coalesce(s.first_keyed_seq, EXCLUDED.first_keyed_seq), updated_at = EXCLUDED.updated_at"
        ))
        .into_boxed::<diesel::pg::Pg>()
        .bind::<Array<BigInt>, _>(seqs)
        .bind::<Array<BigInt>, _>(ids)
        .bind::<Array<Bytea>, _>(prevs)
        .bind::<Array<Bytea>, _>(rows)
        .bind::<Array<Nullable<Text>>, _>(key_ids)
        .bind::<Nullable<BigInt>, _>(first_keyed)
    } else {
        // An install from before keyed links and the marker: the chain as it was.
        diesel::sql_query(format!(
            "INSERT INTO {chain} (seq, event_id, prev_hash, row_hash) \
             SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[], $4::bytea[])"
        ))
        .into_boxed::<diesel::pg::Pg>()
        .bind::<Array<BigInt>, _>(seqs)
        .bind::<Array<BigInt>, _>(ids)
        .bind::<Array<Bytea>, _>(prevs)
        .bind::<Array<Bytea>, _>(rows)
    };
    query.execute(conn)?;
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
/// Records a run's `cli.bulk_operation` summary row (one per run, whatever it changed).
pub fn record_bulk_operation(
    conn: &mut PgConnection,
    powertools_schema: &str,
    ctx: &RunContext,
    metadata: Map<String, Value>,
) -> CliResult<i64> {
    record(
        conn,
        powertools_schema,
        ctx,
        AuditEvent {
            action: "cli.bulk_operation".into(),
            resource_type: "operation".into(),
            resource_id: ctx.operation_id.to_string(),
            metadata,
        },
    )
}

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
