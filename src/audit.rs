//! The one place that writes `oban_powertools_audit_events` rows.
//!
//! Rows are shaped the way the Elixir library writes them (schema.md §2.1), so its UI reads ours:
//! `event_type` equals `action`, `command_key` follows the library's mapping, `resource` is
//! `type:id`, `inserted_at` is UTC truncated to the second by the database clock, and `metadata`
//! carries a `principal`. Callers always pass the connection of the transaction that makes the
//! change, so a change and its audit row commit together or not at all.

use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Jsonb, Nullable, Text};
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
}

fn bounded(column: &str, value: String) -> CliResult<String> {
    if value.chars().count() > MAX_COLUMN_CHARS {
        return Err(CliError::Usage(format!(
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
         VALUES ($1, $2, $3, $2, $4, $5, $6, $7, date_trunc('second', timezone('UTC', now()))) RETURNING id",
        ident::qualified(powertools_schema, "oban_powertools_audit_events")
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
    Ok(row.id)
}

/// An `INSERT ... SELECT ... RETURNING id AS audit_id, <returning>` writing one audit row per row of
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
         FROM {from} RETURNING id AS audit_id, {returning}",
        table = ident::qualified(powertools_schema, "oban_powertools_audit_events"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
