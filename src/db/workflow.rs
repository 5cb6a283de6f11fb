//! Reading workflow tables (`oban_powertools_workflows`, `_workflow_steps`, `_workflow_edges` and
//! the evidence around them). Read-only.

use diesel::pg::PgConnection;
use diesel::sql_types::{Array, Bool, Integer, Jsonb, Nullable, Text, Timestamp};
use diesel::{QueryableByName, RunQueryDsl};
use serde_json::Value;

use super::{bound_query, ident};
use crate::decode::{Json, Timestamp as DbTime};
use crate::error::CliResult;
use crate::jobs::filter::{Bind, Sql};

#[derive(Debug, Clone, QueryableByName)]
pub struct WorkflowRow {
    #[diesel(sql_type = Text)]
    pub id: String,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Text)]
    pub state: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub terminal_cause: Option<String>,
    #[diesel(sql_type = Bool)]
    pub cancel_requested: bool,
    #[diesel(sql_type = Integer)]
    pub semantics_version: i32,
    #[diesel(sql_type = Integer)]
    pub step_count: i32,
    #[diesel(sql_type = Integer)]
    pub completed_step_count: i32,
    #[diesel(sql_type = Integer)]
    pub failed_step_count: i32,
    #[diesel(sql_type = Integer)]
    pub cancelled_step_count: i32,
    #[diesel(sql_type = Integer)]
    pub runnable_step_count: i32,
    #[diesel(sql_type = Timestamp)]
    pub inserted_at: DbTime,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub finished_at: Option<DbTime>,
}

#[derive(Debug, Clone, QueryableByName)]
pub struct StepRow {
    #[diesel(sql_type = Text)]
    pub id: String,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Text)]
    pub state: String,
    #[diesel(sql_type = Integer)]
    pub attempt: i32,
    #[diesel(sql_type = Integer)]
    pub position: i32,
    #[diesel(sql_type = Nullable<Text>)]
    pub terminal_cause: Option<String>,
    #[diesel(sql_type = Array<Nullable<Text>>)]
    pub blocker_codes: Vec<Option<String>>,
    #[diesel(sql_type = Nullable<Text>)]
    pub awaiting_signal_name: Option<String>,
    #[diesel(sql_type = Bool)]
    pub cancelled: bool,
    #[diesel(sql_type = Text)]
    pub worker: String,
}

#[derive(Debug, Clone, QueryableByName)]
pub struct EdgeRow {
    #[diesel(sql_type = Text)]
    pub from_id: String,
    #[diesel(sql_type = Text)]
    pub to_id: String,
    #[diesel(sql_type = Text)]
    pub policy: String,
}

#[derive(QueryableByName)]
struct JsonRows {
    #[diesel(sql_type = Jsonb)]
    rows: Json,
}

pub struct Tables {
    schema: String,
}

const WORKFLOW_COLUMNS: &str = "w.id::text AS id, w.name, w.state, w.terminal_cause, w.cancel_requested_at IS NOT NULL AS cancel_requested, \
    w.semantics_version, w.step_count, w.completed_step_count, w.failed_step_count, w.cancelled_step_count, \
    w.runnable_step_count, w.inserted_at, w.finished_at";

impl Tables {
    pub fn new(schema: &str) -> Self {
        Tables {
            schema: schema.to_string(),
        }
    }

    fn t(&self, name: &str) -> String {
        ident::qualified(&self.schema, name)
    }

    /// Newest first, optionally only in `states`.
    pub fn list(
        &self,
        conn: &mut PgConnection,
        states: &[String],
        limit: i64,
    ) -> CliResult<Vec<WorkflowRow>> {
        let mut sql = Sql::default();
        let filter = if states.is_empty() {
            "TRUE".to_string()
        } else {
            format!(
                "w.state = ANY({}::text[])",
                sql.bind(Bind::Texts(states.to_vec()))
            )
        };
        let limit = sql.bind(Bind::BigInt(limit));
        let text = format!(
            "SELECT {WORKFLOW_COLUMNS} FROM {} w WHERE {filter} ORDER BY w.inserted_at DESC, w.id LIMIT {limit}",
            self.t("oban_powertools_workflows")
        );
        Ok(bound_query(&text, &sql.binds).load(conn)?)
    }

    /// By UUID or by (unique) name.
    pub fn find(
        &self,
        conn: &mut PgConnection,
        id_or_name: &str,
    ) -> CliResult<Option<WorkflowRow>> {
        let text = format!(
            "SELECT {WORKFLOW_COLUMNS} FROM {} w WHERE w.id::text = $1 OR w.name = $1 LIMIT 1",
            self.t("oban_powertools_workflows")
        );
        Ok(bound_query(&text, &[Bind::Text(id_or_name.into())])
            .load(conn)?
            .into_iter()
            .next())
    }

    pub fn steps(&self, conn: &mut PgConnection, workflow_id: &str) -> CliResult<Vec<StepRow>> {
        let text = format!(
            "SELECT id::text AS id, step_name AS name, state, attempt, position, terminal_cause, blocker_codes::text[] AS blocker_codes, \
                    awaiting_signal_name, cancelled_at IS NOT NULL AS cancelled, worker \
             FROM {} WHERE workflow_id = $1::uuid",
            self.t("oban_powertools_workflow_steps")
        );
        Ok(bound_query(&text, &[Bind::Text(workflow_id.into())]).load(conn)?)
    }

    pub fn edges(&self, conn: &mut PgConnection, workflow_id: &str) -> CliResult<Vec<EdgeRow>> {
        let text = format!(
            "SELECT from_step_id::text AS from_id, to_step_id::text AS to_id, policy FROM {} WHERE workflow_id = $1::uuid",
            self.t("oban_powertools_workflow_edges")
        );
        Ok(bound_query(&text, &[Bind::Text(workflow_id.into())]).load(conn)?)
    }

    fn json_rows(
        &self,
        conn: &mut PgConnection,
        select: String,
        workflow_id: &str,
    ) -> CliResult<Value> {
        let text = format!(
            "SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]'::jsonb) AS rows FROM ({select}) x"
        );
        let row: JsonRows =
            bound_query(&text, &[Bind::Text(workflow_id.into())]).get_result(conn)?;
        // Rows nested too deep to read stand as their placeholder.
        Ok(row.rows.to_value())
    }

    /// Workflow names, for "did you mean" (the newest 1,000).
    pub fn names(&self, conn: &mut PgConnection) -> CliResult<Vec<String>> {
        #[derive(QueryableByName)]
        struct Name {
            #[diesel(sql_type = Text)]
            name: String,
        }
        let text = format!(
            "SELECT name FROM {} ORDER BY inserted_at DESC LIMIT 1000",
            self.t("oban_powertools_workflows")
        );
        let rows: Vec<Name> = diesel::sql_query(text).load(conn)?;
        Ok(rows.into_iter().map(|r| r.name).collect())
    }

    /// Open awaits, unconsumed signals, recovery sessions, recent rejections, callback posture
    /// and each step's latest result.
    pub fn evidence(&self, conn: &mut PgConnection, workflow_id: &str) -> CliResult<Value> {
        let steps = self.t("oban_powertools_workflow_steps");
        Ok(serde_json::json!({
            "open_awaits": self.json_rows(conn, format!(
                "SELECT s.step_name AS step, a.signal_name, a.correlation_key, a.status, a.deadline_at \
                 FROM {} a JOIN {steps} s ON s.id = a.step_id WHERE a.workflow_id = $1::uuid AND a.status IN ('waiting', 'expired') \
                 ORDER BY a.deadline_at NULLS LAST", self.t("oban_powertools_workflow_awaits")), workflow_id)?,
            "unconsumed_signals": self.json_rows(conn, format!(
                "SELECT signal_name, correlation_key, status, received_at FROM {} \
                 WHERE workflow_id = $1::uuid AND status <> 'consumed' ORDER BY received_at DESC LIMIT 20",
                self.t("oban_powertools_workflow_signals")), workflow_id)?,
            "recovery_sessions": self.json_rows(conn, format!(
                "SELECT status, trigger, reason, actor_id, requested_at, completed_at FROM {} \
                 WHERE workflow_id = $1::uuid ORDER BY requested_at DESC LIMIT 5",
                self.t("oban_powertools_workflow_recovery_sessions")), workflow_id)?,
            "recent_rejections": self.json_rows(conn, format!(
                "SELECT action, reason_code, reason_message, actor_id, requested_at, metadata->'legal_next_steps' AS legal_next_steps \
                 FROM {} WHERE workflow_id = $1::uuid AND status = 'rejected' ORDER BY requested_at DESC LIMIT 5",
                self.t("oban_powertools_workflow_command_attempts")), workflow_id)?,
            "callbacks": self.json_rows(conn, format!(
                "SELECT status, count(*) AS count, max(last_error) AS latest_error FROM {} \
                 WHERE workflow_id = $1::uuid GROUP BY status ORDER BY status",
                self.t("oban_powertools_callbacks")), workflow_id)?,
            "latest_results": self.json_rows(conn, format!(
                "SELECT DISTINCT ON (r.step_id) s.step_name AS step, r.attempt, r.status, r.summary, r.recorded_at \
                 FROM {} r JOIN {steps} s ON s.id = r.step_id WHERE r.workflow_id = $1::uuid \
                 ORDER BY r.step_id, r.attempt DESC", self.t("oban_powertools_workflow_results")), workflow_id)?,
        }))
    }
}
