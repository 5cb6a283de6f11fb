//! Reading `oban_jobs`, normalised across the Elixir and Python flavours (integer widths, `errors`
//! as `jsonb[]` or `jsonb`, nullable or not) so the rest of the crate sees one row shape.

use diesel::pg::PgConnection;
use diesel::sql_types::{Array, BigInt, Integer, Jsonb, Nullable, Text, Timestamp};
use diesel::{QueryableByName, RunQueryDsl};
use serde_json::Value;

use super::catalog::ObanFlavour;
use super::{bound_query, ident};
use crate::decode::{Json, Timestamp as DbTime};
use crate::error::CliResult;
use crate::jobs::filter::{Bind, JobFilter, Sql};
use crate::jobs::Operation;

/// Names that SQL about `oban_jobs` in one prefix needs, quoted once.
#[derive(Debug, Clone)]
pub struct JobsTable {
    /// `"prefix"."oban_jobs"`
    pub table: String,
    /// `"prefix".oban_job_state`
    pub state_type: String,
    pub prefix: String,
    /// Which flavour made the table (known once the catalog has been read).
    pub flavour: ObanFlavour,
    /// `errors` is known to be `jsonb[]` ([`JobsTable::for_schema`]); false reads it generically.
    pub errors_jsonb_array: bool,
}

impl JobsTable {
    pub fn new(prefix: &str) -> Self {
        JobsTable {
            table: ident::qualified(prefix, "oban_jobs"),
            state_type: format!("{}.oban_job_state", ident::quote(prefix)),
            prefix: prefix.to_string(),
            flavour: ObanFlavour::Elixir,
            errors_jsonb_array: false,
        }
    }

    /// The table as the catalog described it: flavour and the type of `errors`.
    pub fn for_schema(prefix: &str, schema: &super::catalog::ObanSchema) -> Self {
        JobsTable {
            errors_jsonb_array: schema.errors_jsonb_array,
            ..JobsTable::new(prefix).with_flavour(schema.flavour)
        }
    }

    pub fn with_flavour(mut self, flavour: ObanFlavour) -> Self {
        self.flavour = flavour;
        self
    }

    /// The channel Oban's Postgres notifier listens on for signals such as `pkill`.
    pub fn signal_channel(&self) -> String {
        format!("{}.oban_signal", self.prefix)
    }
}

/// Every column, in one shape for both flavours.
/// Nothing is coalesced into something it is not: a NULL `attempted_by` stays NULL, `errors` of
/// any shape arrives as it is (the Python flavour's `jsonb` may hold anything), and the decoders
/// in [`crate::decode`] take infinities, over-deep JSON and NULL array elements.
pub const JOB_COLUMNS: &str = "j.id, j.state::text AS state, j.queue, j.worker, j.args, \
    to_jsonb(j.errors) AS errors, j.attempt::int AS attempt, j.max_attempts::int AS max_attempts, \
    j.priority::int AS priority, j.tags, j.meta, j.attempted_by, j.inserted_at, j.scheduled_at, \
    j.attempted_at, j.completed_at, j.discarded_at, j.cancelled_at";

#[derive(Debug, Clone, QueryableByName)]
pub struct JobRow {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub state: String,
    #[diesel(sql_type = Text)]
    pub queue: String,
    #[diesel(sql_type = Text)]
    pub worker: String,
    #[diesel(sql_type = Nullable<Jsonb>)]
    pub args: Option<Json>,
    #[diesel(sql_type = Nullable<Jsonb>)]
    pub errors: Option<Json>,
    #[diesel(sql_type = Integer)]
    pub attempt: i32,
    #[diesel(sql_type = Integer)]
    pub max_attempts: i32,
    #[diesel(sql_type = Integer)]
    pub priority: i32,
    #[diesel(sql_type = Nullable<Array<Nullable<Text>>>)]
    pub tags: Option<Vec<Option<String>>>,
    #[diesel(sql_type = Nullable<Jsonb>)]
    pub meta: Option<Json>,
    #[diesel(sql_type = Nullable<Array<Nullable<Text>>>)]
    pub attempted_by: Option<Vec<Option<String>>>,
    #[diesel(sql_type = Timestamp)]
    pub inserted_at: DbTime,
    #[diesel(sql_type = Timestamp)]
    pub scheduled_at: DbTime,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub attempted_at: Option<DbTime>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub completed_at: Option<DbTime>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub discarded_at: Option<DbTime>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub cancelled_at: Option<DbTime>,
}

/// Matches counted to choose a plan for [`list`]; below this a filter counts as selective.
const SELECTIVE_BELOW: i64 = 100_000;

/// One page of jobs matching `filter`, by ascending id after `after`.
///
/// Walking the primary key in id order is fast when matches are dense, but reads the whole table
/// when they are few or clustered at the end (a busy queue's recent jobs). So a bounded count
/// decides first: fewer than [`SELECTIVE_BELOW`] matches are found through the state/queue/GIN
/// indexes and their ids sorted (`ORDER BY j.id + 0` keeps the planner off the primary-key walk).
pub fn list(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    filter: &JobFilter,
    after: Option<i64>,
    limit: i64,
) -> CliResult<Vec<JobRow>> {
    // Oban's only queue index leads with `state`; naming every state lets PostgreSQL probe it once
    // per state instead of scanning the table for a queue.
    let widened;
    let filter = if filter.states.is_empty() && !filter.queues.is_empty() {
        widened = JobFilter {
            states: crate::jobs::JobState::ALL.to_vec(),
            ..filter.clone()
        };
        &widened
    } else {
        filter
    };
    let mut sql = Sql::default();
    let mut conditions = filter.conditions(&mut sql, &jobs.state_type);
    if let Some(after) = after {
        conditions.push_str(&format!(" AND j.id > {}", sql.bind(Bind::BigInt(after))));
    }
    let order = if filter.is_empty() {
        "j.id"
    } else {
        let mut count_sql = sql.clone();
        let cap = count_sql.bind(Bind::BigInt(SELECTIVE_BELOW));
        let text = format!(
            "SELECT count(*)::bigint AS n FROM (SELECT 1 FROM {} j WHERE {conditions} LIMIT {cap}) s",
            jobs.table
        );
        let matches: StateCount = bound_query(
            &format!("SELECT '' AS state, n FROM ({text}) c"),
            &count_sql.binds,
        )
        .get_result(conn)?;
        if matches.n < SELECTIVE_BELOW {
            "j.id + 0"
        } else {
            "j.id"
        }
    };
    let limit = sql.bind(Bind::BigInt(limit));
    // Page ids first (index-only where the indexes allow), then the wide rows for just those.
    let text = format!(
        "SELECT {JOB_COLUMNS} FROM {table} j WHERE j.id IN \
           (SELECT j.id FROM {table} j WHERE {conditions} ORDER BY {order} LIMIT {limit}) \
         ORDER BY j.id",
        table = jobs.table
    );
    Ok(bound_query(&text, &sql.binds).load(conn)?)
}

pub fn get(conn: &mut PgConnection, jobs: &JobsTable, id: i64) -> CliResult<Option<JobRow>> {
    let text = format!("SELECT {JOB_COLUMNS} FROM {} j WHERE j.id = $1", jobs.table);
    Ok(bound_query(&text, &[Bind::BigInt(id)])
        .load(conn)?
        .into_iter()
        .next())
}

#[derive(Debug, Clone, QueryableByName)]
pub struct IdState {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub state: String,
}

#[derive(Debug, Clone, QueryableByName)]
pub struct IdDetail {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub state: String,
    /// Available with no attempt left: Oban never fetches it.
    #[diesel(sql_type = diesel::sql_types::Bool)]
    pub stranded: bool,
}

/// States of `ids` with whether each is stranded (for a preview by ids). Takes no locks.
pub fn details_of(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    ids: &[i64],
) -> CliResult<Vec<IdDetail>> {
    let text = format!(
        "SELECT j.id, j.state::text AS state, (j.state::text = 'available' AND j.attempt >= j.max_attempts) AS stranded \
         FROM {} j WHERE j.id = ANY($1::bigint[])",
        jobs.table
    );
    Ok(bound_query(&text, &[Bind::BigInts(ids.to_vec())]).load(conn)?)
}

/// Current states of `ids` (absent ids are missing from the result). Takes no locks.
pub fn states_of(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    ids: &[i64],
) -> CliResult<Vec<IdState>> {
    let text = format!(
        "SELECT j.id, j.state::text AS state FROM {} j WHERE j.id = ANY($1::bigint[])",
        jobs.table
    );
    Ok(bound_query(&text, &[Bind::BigInts(ids.to_vec())]).load(conn)?)
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

/// Queue names in `oban_jobs` (at most `limit`), found by a loose scan of Oban's
/// `(state, queue, ...)` index: one index probe per distinct state and queue, never a table scan.
pub fn queue_names(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    limit: i64,
) -> CliResult<Vec<String>> {
    let text = format!(
        "WITH RECURSIVE q(state, queue) AS ( \
           SELECT s.state, (SELECT j.queue FROM {table} j WHERE j.state = s.state ORDER BY j.queue LIMIT 1) \
           FROM unnest(enum_range(NULL::{state_type})) AS s(state) \
           UNION ALL \
           SELECT q.state, (SELECT j.queue FROM {table} j WHERE j.state = q.state AND j.queue > q.queue ORDER BY j.queue LIMIT 1) \
           FROM q WHERE q.queue IS NOT NULL) \
         SELECT DISTINCT queue AS name FROM q WHERE queue IS NOT NULL ORDER BY 1 LIMIT $1",
        table = jobs.table,
        state_type = jobs.state_type,
    );
    Ok(bound_query(&text, &[Bind::BigInt(limit)])
        .load::<Name>(conn)?
        .into_iter()
        .map(|n| n.name)
        .collect())
}

/// Worker names among the newest `sample` jobs (Oban has no index on `worker`, so the bound is a
/// sample of recent jobs rather than the whole table).
pub fn recent_worker_names(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    sample: i64,
) -> CliResult<Vec<String>> {
    let text = format!(
        "SELECT DISTINCT worker AS name FROM (SELECT j.worker FROM {} j ORDER BY j.id DESC LIMIT $1) s ORDER BY 1 LIMIT 1000",
        jobs.table
    );
    Ok(bound_query(&text, &[Bind::BigInt(sample)])
        .load::<Name>(conn)?
        .into_iter()
        .map(|n| n.name)
        .collect())
}

/// The highest job id now: bulk runs stop there, so jobs created during the run are left alone.
pub fn max_id(conn: &mut PgConnection, jobs: &JobsTable) -> CliResult<i64> {
    #[derive(QueryableByName)]
    struct MaxId {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    let row: MaxId = diesel::sql_query(format!(
        "SELECT coalesce(max(id), 0)::bigint AS id FROM {}",
        jobs.table
    ))
    .get_result(conn)?;
    Ok(row.id)
}

/// Jobs in each finished state, as one row.
#[derive(Debug, Clone, Copy, QueryableByName)]
pub struct FinishedCounts {
    #[diesel(sql_type = BigInt)]
    pub completed: i64,
    #[diesel(sql_type = BigInt)]
    pub cancelled: i64,
    #[diesel(sql_type = BigInt)]
    pub discarded: i64,
}

impl FinishedCounts {
    /// The counts by state name, states with none left out.
    pub fn by_state(&self) -> std::collections::BTreeMap<String, i64> {
        [
            ("cancelled", self.cancelled),
            ("completed", self.completed),
            ("discarded", self.discarded),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(state, n)| (state.to_string(), n))
        .collect()
    }
}

#[derive(Debug, Clone, QueryableByName)]
pub struct StateCount {
    #[diesel(sql_type = Text)]
    pub state: String,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

/// Matching jobs per state, counting at most `cap` rows in all (never an unbounded count).
pub fn bounded_state_counts(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    filter: &JobFilter,
    max_id: i64,
    cap: i64,
) -> CliResult<Vec<StateCount>> {
    let mut sql = Sql::default();
    let conditions = filter.conditions(&mut sql, &jobs.state_type);
    state_counts_where(conn, jobs, sql, &conditions, max_id, cap)
}

/// Jobs per state among those meeting `conditions` (bound in `sql`) with `id <= max_id`,
/// counting at most `cap` rows in all.
pub fn state_counts_where(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    mut sql: Sql,
    conditions: &str,
    max_id: i64,
    cap: i64,
) -> CliResult<Vec<StateCount>> {
    let max_id = sql.bind(Bind::BigInt(max_id));
    let cap = sql.bind(Bind::BigInt(cap));
    let text = format!(
        "SELECT s.state, count(*)::bigint AS n FROM (SELECT j.state::text AS state FROM {} j \
         WHERE {conditions} AND j.id <= {max_id} LIMIT {cap}) s GROUP BY 1 ORDER BY 1",
        jobs.table
    );
    Ok(bound_query(&text, &sql.binds).load(conn)?)
}

/// The next keyset batch of matching jobs with the state each is in right now (no locks).
pub fn select_batch(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    filter: &JobFilter,
    after: i64,
    max_id: i64,
    limit: i64,
) -> CliResult<Vec<IdState>> {
    let mut sql = Sql::default();
    let conditions = filter.conditions(&mut sql, &jobs.state_type);
    let after = sql.bind(Bind::BigInt(after));
    let max_id = sql.bind(Bind::BigInt(max_id));
    let limit = sql.bind(Bind::BigInt(limit));
    let text = format!(
        "SELECT j.id, j.state::text AS state FROM {} j WHERE {conditions} AND j.id > {after} AND j.id <= {max_id} \
         ORDER BY j.id LIMIT {limit}",
        jobs.table
    );
    Ok(bound_query(&text, &sql.binds).load(conn)?)
}

/// The `SET` list of each operation, exactly as the flavour's own Oban makes the change
/// (Elixir's `retry_job` leaves meta alone, oban-py's resets
/// `meta.uniq_bmp`). Timestamps come from the database clock, UTC without zone.
fn set_clause(op: Operation, jobs: &JobsTable, discard_error: &str) -> String {
    let now = "timezone('UTC', now())";
    let state_type = &jobs.state_type;
    match op {
        Operation::Retry => {
            let meta = match jobs.flavour {
                ObanFlavour::Elixir => String::new(),
                ObanFlavour::Python => {
                    ", meta = CASE WHEN jsonb_typeof(j.meta) = 'object' AND j.meta ? 'uniq_bmp' \
                     THEN jsonb_set(j.meta, '{uniq_bmp}', '[]'::jsonb) ELSE j.meta END"
                        .to_string()
                }
            };
            format!(
                "state = 'available'::{state_type}, scheduled_at = {now}, \
                 max_attempts = GREATEST(j.max_attempts, j.attempt + 1), \
                 completed_at = NULL, cancelled_at = NULL, discarded_at = NULL{meta}"
            )
        }
        Operation::Cancel => format!("state = 'cancelled'::{state_type}, cancelled_at = {now}"),
        Operation::Discard => {
            let errors = append_error(jobs, discard_error);
            format!("state = 'discarded'::{state_type}, discarded_at = {now}, errors = {errors}")
        }
        // Oban's Lifeline: back to available with the attempt kept (so the attempt budget
        // counts) and `meta.rescued` counted up, or discarded when none is left; plus an entry
        // saying who rescued it and why. Oban counts with `::int`, which a hostile `rescued`
        // (text, a huge number) or a meta that is not an object would make fail the batch: here
        // any JSON number counts on, anything else starts at 1, and a non-object is kept as is.
        Operation::Rescue => {
            let entry_text = format!(
                "{discard_error}::text || ' (node ' || coalesce(j.attempted_by[1], 'none') || ')'"
            );
            let errors = append_error(jobs, &entry_text);
            format!(
                "state = CASE WHEN j.attempt >= j.max_attempts THEN 'discarded'::{state_type} ELSE 'available'::{state_type} END, \
                 discarded_at = CASE WHEN j.attempt >= j.max_attempts THEN {now} ELSE j.discarded_at END, \
                 meta = CASE WHEN j.attempt >= j.max_attempts THEN j.meta \
                             WHEN j.meta IS NULL OR jsonb_typeof(j.meta) = 'null' THEN jsonb_build_object('rescued', 1) \
                             WHEN jsonb_typeof(j.meta) <> 'object' THEN j.meta \
                             ELSE j.meta || jsonb_build_object('rescued', \
                                  CASE WHEN jsonb_typeof(j.meta->'rescued') = 'number' THEN (j.meta->>'rescued')::numeric + 1 ELSE 1 END) END, \
                 errors = {errors}"
            )
        }
    }
}

/// `errors` with one entry appended (`attempt`, `at`, `error` as Oban writes them), `text` an SQL
/// text expression. Elixir: `jsonb[]` (append an element). Python: one `jsonb` value that should
/// be an array but may hold anything; never merge into an object, keep what was there.
fn append_error(jobs: &JobsTable, text: &str) -> String {
    let now = "timezone('UTC', now())";
    let entry = format!(
        "jsonb_build_object('attempt', j.attempt, 'at', to_char({now}, 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), \
         'error', ({text})::text)"
    );
    match jobs.flavour {
        ObanFlavour::Elixir => format!("coalesce(j.errors, '{{}}') || {entry}"),
        ObanFlavour::Python => format!(
            "CASE WHEN j.errors IS NULL OR jsonb_typeof(j.errors) = 'null' THEN jsonb_build_array({entry}) \
                  WHEN jsonb_typeof(j.errors) = 'array' THEN j.errors || jsonb_build_array({entry}) \
                  ELSE jsonb_build_array(j.errors, {entry}) END"
        ),
    }
}

#[derive(Debug, Clone, QueryableByName)]
pub struct Changed {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub before_state: String,
    /// The state the job was changed to (rescue: available or discarded, job by job).
    #[diesel(sql_type = Text)]
    pub after_state: String,
    #[diesel(sql_type = BigInt)]
    pub audit_id: i64,
    /// The audit event's canonical digest, for the tamper-evident chain.
    #[diesel(sql_type = diesel::sql_types::Bytea)]
    pub digest: Vec<u8>,
}

/// What one batch needs besides the jobs themselves.
pub struct BatchChange<'a> {
    pub op: Operation,
    pub powertools_schema: &'a str,
    pub actor: &'a str,
    /// Metadata shared by every audit row of the run (standard keys, operation, reason).
    pub metadata: &'a Value,
    /// The error entry text a discard appends.
    pub discard_error: &'a str,
}

/// Changes every job of `seen` that is still in the state it was seen in and not locked by
/// anyone, writing one audit row per changed job, all in one statement (so in the caller's
/// transaction). Executing jobs that changed are sent Oban's `pkill` signal; NOTIFY is delivered
/// at commit, so a rolled-back batch signals nothing.
pub fn apply_batch(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    change: &BatchChange<'_>,
    seen: &[IdState],
) -> CliResult<Vec<Changed>> {
    let mut sql = Sql::default();
    let ids = sql.bind(Bind::BigInts(seen.iter().map(|s| s.id).collect()));
    let states = sql.bind(Bind::Texts(seen.iter().map(|s| s.state.clone()).collect()));
    let actor = sql.bind(Bind::Text(change.actor.to_string()));
    let metadata = sql.bind(Bind::Json(change.metadata.clone()));
    let discard_error = if matches!(change.op, Operation::Discard | Operation::Rescue) {
        sql.bind(Bind::Text(change.discard_error.to_string()))
    } else {
        "NULL".to_string()
    };
    // Only cancel and discard can reach executing jobs, so only they record the pkill signal.
    let notified = if change.op == Operation::Retry {
        ""
    } else {
        ", 'notified', c.before_state = 'executing'"
    };
    // Per job, besides before/after: what the Powertools library's own readers look for
    // (incident_fingerprint, and runbook_context.attempt, which its UI and forensics read for the
    // operation), with the run-level plan_hash/preview_token already in `metadata`.
    let operation = ident::literal(change.op.name());
    let audit_metadata = format!(
        "{metadata}::jsonb || jsonb_build_object( \
           'before', jsonb_build_object('job_id', c.id, 'state', c.before_state, 'attempt', c.attempt, \
                                        'max_attempts', c.before_max_attempts, 'scheduled_at', c.before_scheduled_at), \
           'after', jsonb_build_object('job_id', c.id, 'state', c.after_state, 'attempt', c.attempt, \
                                       'max_attempts', c.after_max_attempts, 'scheduled_at', c.after_scheduled_at), \
           'incident_fingerprint', 'job:manual:' || c.id, \
           'runbook_context', jsonb_build_object( \
             'attempt', jsonb_build_object('state', 'succeeded', 'action', {operation}, 'target_type', 'job', 'target_id', c.id::text), \
             'selectors', jsonb_build_object('incident_fingerprint', 'job:manual:' || c.id, 'resource_type', 'job', 'resource_id', c.id::text), \
             'plan_hash', {metadata}::jsonb->'plan_hash', 'preview_token', {metadata}::jsonb->'preview_token'){notified})"
    );
    let audit = crate::audit::insert_select_sql(
        change.powertools_schema,
        "lifeline.repair_executed",
        "job",
        &actor,
        "c.id::text",
        &audit_metadata,
        "changed c",
        // Everything the caller needs comes back from the insert itself: joining the CTEs again
        // would be planned as a nested loop (CTE row counts are unknown to the planner).
        "resource_id::bigint AS id, metadata->'before'->>'state' AS before_state, metadata->'after'->>'state' AS after_state",
    );
    let text = format!(
        "WITH seen AS (SELECT s.id, s.state FROM unnest({ids}::bigint[], {states}::text[]) AS s(id, state)), \
         target AS ( \
           SELECT j.id, j.state::text AS before_state, j.attempt::int AS attempt, j.max_attempts::int AS max_attempts, j.scheduled_at \
           FROM {table} j JOIN seen s ON s.id = j.id AND j.state = s.state::{state_type} \
           WHERE j.id = ANY({ids}::bigint[]){guard} ORDER BY j.id FOR UPDATE OF j SKIP LOCKED), \
         changed AS ( \
           UPDATE {table} j SET {set} FROM target t WHERE j.id = t.id \
           RETURNING j.id, t.before_state, j.state::text AS after_state, t.attempt, t.max_attempts AS before_max_attempts, \
                     t.scheduled_at AS before_scheduled_at, j.max_attempts::int AS after_max_attempts, \
                     j.scheduled_at AS after_scheduled_at), \
         audit AS ({audit}) \
         SELECT a.id, a.before_state, a.after_state, a.audit_id, a.digest FROM audit a ORDER BY a.audit_id",
        table = jobs.table,
        state_type = jobs.state_type,
        set = set_clause(change.op, jobs, &discard_error),
        // Retry takes an available job only when it is stranded (no attempt left).
        guard = if change.op == Operation::Retry {
            format!(" AND (j.state <> 'available'::{} OR j.attempt >= j.max_attempts)", jobs.state_type)
        } else {
            String::new()
        },
    );
    let changed: Vec<Changed> = bound_query(&text, &sql.binds).load(conn)?;
    let chained: Vec<(i64, Vec<u8>)> = changed
        .iter()
        .map(|c| (c.audit_id, c.digest.clone()))
        .collect();
    crate::audit::append_to_chain(conn, change.powertools_schema, &chained)?;
    let executing: Vec<i64> = changed
        .iter()
        .filter(|c| c.before_state == "executing")
        .map(|c| c.id)
        .collect();
    if !executing.is_empty() {
        bound_query(
            "SELECT pg_notify($1, json_build_object('action', 'pkill', 'job_id', t.id)::text) FROM unnest($2::bigint[]) AS t(id)",
            &[Bind::Text(jobs.signal_channel()), Bind::BigInts(executing)],
        )
        .execute(conn)?;
    }
    Ok(changed)
}
