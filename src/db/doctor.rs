//! The facts `doctor` judges, one reader per check. Every reader is read-only, takes only
//! ACCESS SHARE locks, and bounds its work: counts stop at a cap (`LIMIT` inside the count), lists
//! at a handful of rows. Schema names are bound as parameters in catalog queries and quoted where
//! they must be identifiers.

use chrono::NaiveDateTime;
use diesel::pg::PgConnection;
use diesel::sql_types::{Array, BigInt, Bool, Double, Integer, Nullable, Text, Timestamp};
use diesel::{QueryableByName, RunQueryDsl};

use crate::db::catalog::{self, ObanFlavour};
use crate::db::ident;
use crate::doctor::judge::*;
use crate::doctor::{OVERDUE_CAP, SAMPLE_SIZE};
use crate::error::CliResult;

#[derive(Debug, Clone, QueryableByName, serde::Serialize)]
pub struct ServerInfo {
    #[diesel(sql_type = Text)]
    pub server_version: String,
    #[diesel(sql_type = Integer)]
    pub server_version_num: i32,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Text)]
    pub user: String,
    #[diesel(sql_type = Bool)]
    pub in_recovery: bool,
}

pub fn server_info(conn: &mut PgConnection) -> CliResult<ServerInfo> {
    Ok(diesel::sql_query(
        "SELECT current_setting('server_version') AS server_version, \
                current_setting('server_version_num')::int AS server_version_num, \
                current_database()::text AS name, current_user::text AS user, \
                pg_is_in_recovery() AS in_recovery",
    )
    .get_result(conn)?)
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Flag {
    #[diesel(sql_type = Bool)]
    flag: bool,
}

/// Steers the planner to the state indexes for the rest of this transaction. With a `LIMIT`, it
/// otherwise bets on a sequential scan finding matches early, and reads the whole table when
/// there are none (the healthy case). Transaction-local, so PgBouncer-safe.
pub fn prefer_indexes(conn: &mut PgConnection) -> CliResult<()> {
    // The disabled sequential scan inflates plan costs past jit_above_cost; compiling would then
    // cost more than the query.
    diesel::sql_query(
        "SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)",
    )
    .execute(conn)?;
    Ok(())
}

fn jobs_table(prefix: &str) -> String {
    ident::qualified(prefix, "oban_jobs")
}

fn has_rows(conn: &mut PgConnection, qualified_table: &str) -> CliResult<bool> {
    let row: Flag = diesel::sql_query(format!(
        "SELECT EXISTS (SELECT 1 FROM {qualified_table}) AS flag"
    ))
    .get_result(conn)?;
    Ok(row.flag)
}

pub fn version(conn: &mut PgConnection, prefix: &str) -> CliResult<VersionFacts> {
    let schema_exists = catalog::schema_exists(conn, prefix)?;
    let oban = catalog::oban_schema(conn, prefix)?;
    let schemas_with_oban_jobs = if oban.is_none() {
        diesel::sql_query(
            "SELECT n.nspname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE c.relname = 'oban_jobs' AND c.relkind IN ('r', 'p') ORDER BY 1 LIMIT 10",
        )
        .load::<Name>(conn)?
        .into_iter()
        .map(|r| r.name)
        .collect()
    } else {
        Vec::new()
    };
    Ok(VersionFacts {
        schema_exists,
        oban,
        schemas_with_oban_jobs,
    })
}

#[derive(QueryableByName)]
struct IndexRow {
    #[diesel(sql_type = Text)]
    schema: String,
    #[diesel(sql_type = Text)]
    table: String,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Bool)]
    unique: bool,
    #[diesel(sql_type = Bool)]
    valid: bool,
    #[diesel(sql_type = Bool)]
    ready: bool,
    #[diesel(sql_type = Text)]
    definition: String,
    #[diesel(sql_type = Bool)]
    building: bool,
}

/// Indexes on the Oban tables in `prefix` and on the Powertools tables in `powertools_schema`,
/// each marked when a `CREATE INDEX`/`REINDEX` is building it right now.
pub fn indexes(
    conn: &mut PgConnection,
    prefix: &str,
    powertools_schema: &str,
    oban_jobs_only: bool,
) -> CliResult<Vec<IndexFact>> {
    let rows: Vec<IndexRow> = diesel::sql_query(
        "WITH building AS ( \
           SELECT p.index_relid, p.relid, p.command FROM pg_stat_progress_create_index p) \
         SELECT n.nspname::text AS schema, t.relname::text AS table, i.relname::text AS name, \
                ix.indisunique AS unique, ix.indisvalid AS valid, ix.indisready AS ready, \
                pg_get_indexdef(ix.indexrelid) AS definition, \
                (EXISTS (SELECT 1 FROM building b WHERE b.index_relid = ix.indexrelid) \
                 OR (i.relname ~ '_ccnew[0-9]*$' AND EXISTS ( \
                      SELECT 1 FROM building b WHERE b.relid = t.oid AND b.command LIKE 'REINDEX%')) \
                ) AS building \
         FROM pg_index ix \
         JOIN pg_class i ON i.oid = ix.indexrelid \
         JOIN pg_class t ON t.oid = ix.indrelid \
         JOIN pg_namespace n ON n.oid = t.relnamespace \
         WHERE (n.nspname = $1 AND t.relname = ANY($3)) \
            OR (NOT $4 AND n.nspname = $2 \
                AND (t.relname LIKE 'oban\\_powertools\\_%' OR t.relname = 'obanctl_audit_chain')) \
         ORDER BY 1, 2, 3",
    )
    .bind::<Text, _>(prefix)
    .bind::<Text, _>(powertools_schema)
    .bind::<Array<Text>, _>(if oban_jobs_only {
        vec!["oban_jobs"]
    } else {
        vec!["oban_jobs", "oban_peers", "oban_leaders", "oban_producers"]
    })
    .bind::<Bool, _>(oban_jobs_only)
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| IndexFact {
            schema: r.schema,
            table: r.table,
            name: r.name,
            unique: r.unique,
            valid: r.valid,
            ready: r.ready,
            definition: r.definition,
            building: r.building,
        })
        .collect())
}

#[derive(QueryableByName)]
struct NotifyRow {
    #[diesel(sql_type = Bool)]
    trigger: bool,
    #[diesel(sql_type = Bool)]
    function: bool,
}

pub fn missing_indexes(
    conn: &mut PgConnection,
    prefix: &str,
    powertools_schema: &str,
) -> CliResult<Option<MissingIndexFacts>> {
    let Some(oban) = catalog::oban_schema(conn, prefix)? else {
        return Ok(None);
    };
    let indexes = indexes(conn, prefix, powertools_schema, true)?;
    let notify: NotifyRow = diesel::sql_query(
        "SELECT EXISTS (SELECT 1 FROM pg_trigger \
                        WHERE tgrelid = to_regclass(format('%I.oban_jobs', $1::text)) \
                          AND tgname = 'oban_notify' AND NOT tgisinternal) AS trigger, \
                EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace \
                        WHERE n.nspname = $1 AND p.proname = 'oban_jobs_notify') AS function",
    )
    .bind::<Text, _>(prefix)
    .get_result(conn)?;
    Ok(Some(MissingIndexFacts {
        prefix: prefix.to_string(),
        oban,
        indexes,
        notify_trigger: notify.trigger,
        notify_function: notify.function,
    }))
}

pub fn powertools(conn: &mut PgConnection, schema: &str) -> CliResult<PowertoolsFacts> {
    Ok(PowertoolsFacts {
        schema: schema.to_string(),
        tables: catalog::table_names(conn, schema)?,
        columns: catalog::table_columns(conn, schema)?,
    })
}

#[derive(QueryableByName)]
struct StateCount {
    #[diesel(sql_type = Text)]
    state: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Rows per state, each count stopping at `cap`. States the enum lacks (older Oban) are left out.
fn capped_state_counts(
    conn: &mut PgConnection,
    prefix: &str,
    states: &[&str],
    cap: i64,
    extra_condition: &str,
) -> CliResult<Vec<(String, i64)>> {
    let enum_type = ident::qualified(prefix, "oban_job_state");
    let rows: Vec<StateCount> = diesel::sql_query(format!(
        "SELECT s.state, (SELECT count(*) FROM (SELECT 1 FROM {jobs} j \
                          WHERE j.state = s.state::{enum_type} {extra_condition} LIMIT $2) x) AS n \
         FROM unnest($1::text[]) WITH ORDINALITY AS s(state, ord) \
         WHERE s.state IN (SELECT enumlabel::text FROM pg_enum WHERE enumtypid = '{enum_literal}'::regtype) \
         ORDER BY s.ord",
        jobs = jobs_table(prefix),
        enum_literal = enum_type.replace('\'', "''"),
    ))
    .bind::<Array<Text>, _>(states)
    .bind::<BigInt, _>(cap)
    .load(conn)?;
    Ok(rows.into_iter().map(|r| (r.state, r.n)).collect())
}

pub fn backlog(
    conn: &mut PgConnection,
    prefix: &str,
    threshold: i64,
    flavour: ObanFlavour,
) -> CliResult<BacklogFacts> {
    prefer_indexes(conn)?;
    let by_state = capped_state_counts(conn, prefix, crate::doctor::UNIQUE_STATES, threshold, "")?;
    let mut gin_missing = Vec::new();
    if flavour == ObanFlavour::Elixir {
        let present = catalog::indexes(conn, prefix)?;
        for name in ["oban_jobs_args_index", "oban_jobs_meta_index"] {
            if !present.contains_key(name) {
                gin_missing.push(name.to_string());
            }
        }
    }
    Ok(BacklogFacts {
        by_state,
        cap: threshold,
        gin_missing,
    })
}

#[derive(QueryableByName)]
struct DeadlineRow {
    #[diesel(sql_type = BigInt)]
    expired: i64,
    #[diesel(sql_type = BigInt)]
    malformed: i64,
    #[diesel(sql_type = Nullable<Text>)]
    oldest: Option<String>,
    #[diesel(sql_type = Array<BigInt>)]
    sample: Vec<i64>,
    #[diesel(sql_type = Array<BigInt>)]
    malformed_sample: Vec<i64>,
}

/// ISO 8601 with a UTC offset, the only form the library parses. Checked before the cast, so a
/// null or garbage value is counted as malformed instead of failing the query.
const DEADLINE_PATTERN: &str = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)$";

pub fn deadlines(
    conn: &mut PgConnection,
    prefix: &str,
    server_version_num: i32,
) -> CliResult<DeadlineFacts> {
    prefer_indexes(conn)?;
    // PostgreSQL 16 can also rule out impossible dates (February 30) without raising.
    let valid = if server_version_num >= 160000 {
        "AND pg_input_is_valid(v, 'timestamptz')"
    } else {
        ""
    };
    let row: DeadlineRow = diesel::sql_query(format!(
        "SELECT count(*) FILTER (WHERE ok AND ts < now()) AS expired, \
                count(*) FILTER (WHERE NOT ok) AS malformed, \
                to_char(min(ts) FILTER (WHERE ok AND ts < now()) AT TIME ZONE 'UTC', \
                        'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS oldest, \
                coalesce((array_agg(id ORDER BY id) FILTER (WHERE ok AND ts < now()))[1:{SAMPLE_SIZE}], '{{}}') AS sample, \
                coalesce((array_agg(id ORDER BY id) FILTER (WHERE NOT ok))[1:{SAMPLE_SIZE}], '{{}}') AS malformed_sample \
         FROM (SELECT id, ok, CASE WHEN ok THEN v::timestamptz END AS ts \
               FROM (SELECT id, v, coalesce(v ~ $1 {valid}, false) AS ok \
                     FROM (SELECT id, meta->>'__deadline_at__' AS v FROM {jobs} \
                           WHERE state = 'retryable' AND meta ? '__deadline_at__') raw) checked) t",
        jobs = jobs_table(prefix),
    ))
    .bind::<Text, _>(DEADLINE_PATTERN)
    .get_result(conn)?;
    Ok(DeadlineFacts {
        expired: row.expired,
        oldest: row.oldest,
        sample_ids: row.sample,
        malformed: row.malformed,
        malformed_sample_ids: row.malformed_sample,
    })
}

#[derive(QueryableByName)]
struct ExecutingRow {
    #[diesel(sql_type = BigInt)]
    n: i64,
    #[diesel(sql_type = Nullable<Timestamp>)]
    oldest: Option<NaiveDateTime>,
    #[diesel(sql_type = Array<BigInt>)]
    sample: Vec<i64>,
    #[diesel(sql_type = Array<Text>)]
    nodes: Vec<String>,
}

/// The live-node queries of the sources that list every node (not `oban_peers`: leader only).
fn liveness_sources(
    conn: &mut PgConnection,
    prefix: &str,
    powertools_schema: &str,
) -> CliResult<Vec<(String, String)>> {
    let mut sources = Vec::new();
    if catalog::table_exists(conn, prefix, "oban_producers")? {
        let table = ident::qualified(prefix, "oban_producers");
        if has_rows(conn, &table)? {
            sources.push((
                "oban_producers".to_string(),
                format!("SELECT node::text FROM {table}"),
            ));
        }
    }
    if catalog::table_exists(conn, powertools_schema, "oban_powertools_heartbeats")? {
        let table = ident::qualified(powertools_schema, "oban_powertools_heartbeats");
        if has_rows(conn, &table)? {
            sources.push((
                "Powertools heartbeats".to_string(),
                format!(
                    "SELECT node::text FROM {table} WHERE last_heartbeat_at >= \
                     timezone('UTC', now()) - missing_threshold_ms * interval '1 millisecond'"
                ),
            ));
        }
    }
    Ok(sources)
}

fn executing(
    conn: &mut PgConnection,
    prefix: &str,
    condition: &str,
    stuck_after_secs: u64,
) -> CliResult<ExecutingRow> {
    Ok(diesel::sql_query(format!(
        "SELECT count(*) AS n, min(attempted_at) AS oldest, \
                coalesce((array_agg(id ORDER BY attempted_at, id))[1:{SAMPLE_SIZE}], '{{}}') AS sample, \
                coalesce(array_agg(DISTINCT coalesce(attempted_by[1], '?')), '{{}}') AS nodes \
         FROM {jobs} j WHERE state = 'executing' AND {condition}",
        jobs = jobs_table(prefix),
    ))
    .bind::<Double, _>(stuck_after_secs as f64)
    .get_result(conn)?)
}

pub fn stuck(
    conn: &mut PgConnection,
    prefix: &str,
    powertools_schema: &str,
    stuck_after_secs: u64,
) -> CliResult<StuckFacts> {
    prefer_indexes(conn)?;
    let long = executing(
        conn,
        prefix,
        "attempted_at < timezone('UTC', now()) - make_interval(secs => $1)",
        stuck_after_secs,
    )?;
    let sources = liveness_sources(conn, prefix, powertools_schema)?;
    let mut facts = StuckFacts {
        long_running: long.n,
        long_oldest: long.oldest,
        long_sample_ids: long.sample,
        long_nodes: long.nodes,
        liveness_sources: sources.iter().map(|(name, _)| name.clone()).collect(),
        ..StuckFacts::default()
    };
    if !sources.is_empty() {
        let live = sources
            .iter()
            .map(|(_, sql)| sql.as_str())
            .collect::<Vec<_>>()
            .join(" UNION ");
        // $1 is bound but unused here; the shared reader always binds it.
        let gone = executing(
            conn,
            prefix,
            &format!("$1 >= 0 AND NOT coalesce(attempted_by[1] IN ({live}), false)"),
            stuck_after_secs,
        )?;
        facts.gone = gone.n;
        facts.gone_nodes = gone.nodes;
        facts.gone_sample_ids = gone.sample;
    }
    Ok(facts)
}

#[derive(QueryableByName)]
struct QueueRow {
    #[diesel(sql_type = Text)]
    queue: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
    #[diesel(sql_type = Timestamp)]
    oldest: NaiveDateTime,
}

#[derive(QueryableByName)]
struct StagingRow {
    #[diesel(sql_type = BigInt)]
    n: i64,
    #[diesel(sql_type = Nullable<Timestamp>)]
    oldest: Option<NaiveDateTime>,
}

pub fn overdue(
    conn: &mut PgConnection,
    prefix: &str,
    overdue_after_secs: u64,
    flavour: ObanFlavour,
) -> CliResult<OverdueFacts> {
    prefer_indexes(conn)?;
    let jobs = jobs_table(prefix);
    let queues: Vec<QueueRow> = diesel::sql_query(format!(
        "SELECT queue, count(*) AS n, min(scheduled_at) AS oldest \
         FROM (SELECT queue, scheduled_at FROM {jobs} WHERE state = 'available' \
               AND attempt < max_attempts \
               AND scheduled_at < timezone('UTC', now()) - make_interval(secs => $1) LIMIT $2) s \
         GROUP BY queue ORDER BY n DESC, queue LIMIT 20"
    ))
    .bind::<Double, _>(overdue_after_secs as f64)
    .bind::<BigInt, _>(OVERDUE_CAP)
    .load(conn)?;
    let staging: StagingRow = diesel::sql_query(format!(
        "SELECT count(*) AS n, min(scheduled_at) AS oldest \
         FROM (SELECT scheduled_at FROM {jobs} WHERE state IN ('scheduled', 'retryable') \
               AND scheduled_at < timezone('UTC', now()) - make_interval(secs => $1) LIMIT $2) s"
    ))
    .bind::<Double, _>(overdue_after_secs as f64)
    .bind::<BigInt, _>(OVERDUE_CAP)
    .get_result(conn)?;
    // Stranded: available with no attempt left, whatever their age (Oban never fetches them).
    #[derive(QueryableByName)]
    struct StrandedRow {
        #[diesel(sql_type = BigInt)]
        n: i64,
        #[diesel(sql_type = Array<BigInt>)]
        sample: Vec<i64>,
    }
    let stranded: StrandedRow = diesel::sql_query(format!(
        "SELECT count(*) AS n, coalesce((array_agg(id ORDER BY id))[1:{SAMPLE_SIZE}], '{{}}') AS sample \
         FROM (SELECT id FROM {jobs} WHERE state = 'available' AND attempt >= max_attempts LIMIT $1) s"
    ))
    .bind::<BigInt, _>(OVERDUE_CAP)
    .get_result(conn)?;
    let queued: i64 = queues.iter().map(|q| q.n).sum();
    let leader = leadership(conn, prefix, flavour)?;
    let leader_live = leader
        .table
        .as_ref()
        .map(|_| leader.rows.iter().any(|l| l.expires_in_secs > 0.0));
    let (mut paused_queues, mut producer_queues) = (Vec::new(), None);
    if catalog::table_exists(conn, prefix, "oban_producers")? {
        let table = ident::qualified(prefix, "oban_producers");
        if has_rows(conn, &table)? {
            #[derive(QueryableByName)]
            struct ProducerRow {
                #[diesel(sql_type = Text)]
                queue: String,
                #[diesel(sql_type = Bool)]
                paused: bool,
            }
            let rows: Vec<ProducerRow> = diesel::sql_query(format!(
                "SELECT queue::text, bool_and(coalesce(meta->>'paused', 'false') = 'true') AS paused \
                 FROM {table} GROUP BY queue ORDER BY queue LIMIT 1000"
            ))
            .load(conn)?;
            paused_queues = rows
                .iter()
                .filter(|r| r.paused)
                .map(|r| r.queue.clone())
                .collect();
            producer_queues = Some(rows.into_iter().map(|r| r.queue).collect());
        }
    }
    Ok(OverdueFacts {
        capped: queued >= OVERDUE_CAP || staging.n >= OVERDUE_CAP || stranded.n >= OVERDUE_CAP,
        stranded: stranded.n,
        stranded_sample_ids: stranded.sample,
        queues: queues
            .into_iter()
            .map(|q| QueueOverdue {
                queue: q.queue,
                count: q.n,
                oldest: q.oldest,
            })
            .collect(),
        staging: staging.n,
        staging_oldest: staging.oldest,
        leader_live,
        paused_queues,
        producer_queues,
    })
}

#[derive(QueryableByName)]
struct BloatRow {
    #[diesel(sql_type = BigInt)]
    live: i64,
    #[diesel(sql_type = BigInt)]
    dead: i64,
    #[diesel(sql_type = Nullable<Double>)]
    since_vacuum: Option<f64>,
    #[diesel(sql_type = Array<Text>)]
    reloptions: Vec<String>,
    #[diesel(sql_type = BigInt)]
    total_bytes: i64,
    #[diesel(sql_type = Bool)]
    server_autovacuum: bool,
}

pub fn bloat(conn: &mut PgConnection, prefix: &str) -> CliResult<BloatFacts> {
    let row: BloatRow = diesel::sql_query(
        "SELECT coalesce(s.n_live_tup, 0) AS live, coalesce(s.n_dead_tup, 0) AS dead, \
                extract(epoch FROM now() - greatest(s.last_vacuum, s.last_autovacuum))::float8 AS since_vacuum, \
                coalesce(c.reloptions, '{}')::text[] AS reloptions, \
                pg_total_relation_size(c.oid) AS total_bytes, \
                current_setting('autovacuum') = 'on' AS server_autovacuum \
         FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid \
         WHERE c.oid = to_regclass(format('%I.oban_jobs', $1::text))",
    )
    .bind::<Text, _>(prefix)
    .get_result(conn)?;
    let disabled = row.reloptions.iter().any(|o| {
        matches!(
            o.to_ascii_lowercase().as_str(),
            "autovacuum_enabled=false" | "autovacuum_enabled=off" | "autovacuum_enabled=0"
        )
    });
    Ok(BloatFacts {
        live: row.live,
        dead: row.dead,
        since_vacuum_secs: row.since_vacuum,
        table_autovacuum_enabled: !disabled,
        server_autovacuum_enabled: row.server_autovacuum,
        reloptions: row.reloptions,
        total_bytes: row.total_bytes,
    })
}

#[derive(QueryableByName)]
struct SizeRow {
    #[diesel(sql_type = BigInt)]
    bytes: i64,
    #[diesel(sql_type = Double)]
    tuples: f64,
}

/// Above this many rows, old finished jobs are estimated from a sample: Elixir Oban has no index
/// on `completed_at`, so an exact answer would read every completed row.
const SAMPLE_ABOVE_TUPLES: f64 = 200_000.0;
/// About this many rows are sampled.
const SAMPLE_ROWS: f64 = 20_000.0;

pub fn completed(
    conn: &mut PgConnection,
    prefix: &str,
    age_secs: u64,
    threshold: i64,
) -> CliResult<CompletedFacts> {
    let size: SizeRow = diesel::sql_query(
        "SELECT coalesce(pg_total_relation_size(c.oid), 0) AS bytes, greatest(c.reltuples, 0)::float8 AS tuples \
         FROM pg_class c WHERE c.oid = to_regclass(format('%I.oban_jobs', $1::text))",
    )
    .bind::<Text, _>(prefix)
    .get_result(conn)?;
    let cutoff = format!("timezone('UTC', now()) - make_interval(secs => {age_secs})");
    if size.tuples > SAMPLE_ABOVE_TUPLES {
        let percent = (100.0 * SAMPLE_ROWS / size.tuples).clamp(0.01, 100.0);
        let row: super::jobs::FinishedCounts = diesel::sql_query(format!(
            "SELECT count(*) FILTER (WHERE state = 'completed' AND completed_at < {cutoff}) AS completed, \
                    count(*) FILTER (WHERE state = 'cancelled' AND cancelled_at < {cutoff}) AS cancelled, \
                    count(*) FILTER (WHERE state = 'discarded' AND discarded_at < {cutoff}) AS discarded \
             FROM {} TABLESAMPLE SYSTEM ($1) REPEATABLE (0)",
            jobs_table(prefix)
        ))
        .bind::<Double, _>(percent)
        .get_result(conn)?;
        let scale = |n: i64| (n as f64 * 100.0 / percent).round() as i64;
        return Ok(CompletedFacts {
            by_state: vec![
                ("completed".into(), scale(row.completed)),
                ("cancelled".into(), scale(row.cancelled)),
                ("discarded".into(), scale(row.discarded)),
            ],
            total_bytes: size.bytes,
            sample_percent: Some(percent),
        });
    }
    let mut by_state = Vec::new();
    for (state, column) in [
        ("completed", "completed_at"),
        ("cancelled", "cancelled_at"),
        ("discarded", "discarded_at"),
    ] {
        let condition = format!("AND j.{column} < {cutoff}");
        by_state.extend(capped_state_counts(
            conn,
            prefix,
            &[state],
            threshold,
            &condition,
        )?);
    }
    Ok(CompletedFacts {
        by_state,
        total_bytes: size.bytes,
        sample_percent: None,
    })
}

#[derive(QueryableByName)]
struct SessionRow {
    #[diesel(sql_type = Integer)]
    pid: i32,
    #[diesel(sql_type = Nullable<Text>)]
    user: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    application: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    state: Option<String>,
    #[diesel(sql_type = Double)]
    xact_age: f64,
    #[diesel(sql_type = Bool)]
    holds_xmin: bool,
}

pub fn long_transactions(conn: &mut PgConnection, threshold_secs: u64) -> CliResult<LongTxFacts> {
    let sessions: Vec<SessionRow> = diesel::sql_query(
        "SELECT pid, usename::text AS user, application_name::text AS application, state::text, \
                extract(epoch FROM now() - xact_start)::float8 AS xact_age, \
                backend_xmin IS NOT NULL AS holds_xmin \
         FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid() \
           AND xact_start < now() - make_interval(secs => $1) \
         ORDER BY xact_start LIMIT 20",
    )
    .bind::<Double, _>(threshold_secs as f64)
    .load(conn)?;
    let sees_all: Flag = diesel::sql_query(
        "SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) \
                OR pg_has_role(current_user, 'pg_read_all_stats', 'MEMBER') AS flag",
    )
    .get_result(conn)?;
    Ok(LongTxFacts {
        sessions: sessions
            .into_iter()
            .map(|s| Session {
                pid: s.pid,
                user: s.user,
                application: s.application,
                state: s.state,
                xact_age_secs: s.xact_age,
                holds_xmin: s.holds_xmin,
            })
            .collect(),
        sees_all: sees_all.flag,
    })
}

#[derive(QueryableByName)]
struct WaiterRow {
    #[diesel(sql_type = Integer)]
    pid: i32,
    #[diesel(sql_type = Text)]
    mode: String,
    #[diesel(sql_type = Text)]
    locktype: String,
    #[diesel(sql_type = Array<Integer>)]
    blocked_by: Vec<i32>,
    #[diesel(sql_type = Nullable<Double>)]
    wait: Option<f64>,
    #[diesel(sql_type = Nullable<Text>)]
    application: Option<String>,
}

/// Sessions waiting for a lock that involves `oban_jobs`: the table itself, or (for row locks,
/// which wait on the holder's transaction id) any wait by a session holding a lock on it.
pub fn blocked(conn: &mut PgConnection, prefix: &str) -> CliResult<Vec<Waiter>> {
    let rows: Vec<WaiterRow> = diesel::sql_query(
        "WITH target AS (SELECT to_regclass(format('%I.oban_jobs', $1::text)) AS oid), \
              waiting AS (SELECT DISTINCT ON (l.pid) l.pid, l.mode, l.locktype \
                          FROM pg_locks l WHERE NOT l.granted AND l.pid <> pg_backend_pid() \
                          ORDER BY l.pid) \
         SELECT w.pid, w.mode, w.locktype, pg_blocking_pids(w.pid) AS blocked_by, \
                extract(epoch FROM now() - a.query_start)::float8 AS wait, \
                a.application_name::text AS application \
         FROM waiting w LEFT JOIN pg_stat_activity a ON a.pid = w.pid, target \
         WHERE EXISTS (SELECT 1 FROM pg_locks l2 WHERE l2.pid = w.pid AND l2.relation = target.oid) \
         ORDER BY w.pid LIMIT 20",
    )
    .bind::<Text, _>(prefix)
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| Waiter {
            pid: r.pid,
            mode: r.mode,
            locktype: r.locktype,
            blocked_by: r.blocked_by,
            wait_secs: r.wait,
            application: r.application,
        })
        .collect())
}

#[derive(QueryableByName)]
struct LeaderRow {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    node: String,
    #[diesel(sql_type = Double)]
    expires_in: f64,
}

pub fn leadership(
    conn: &mut PgConnection,
    prefix: &str,
    flavour: ObanFlavour,
) -> CliResult<LeaderFacts> {
    let tables = catalog::table_names(conn, prefix)?;
    let preferred = match flavour {
        ObanFlavour::Elixir => ["oban_peers", "oban_leaders"],
        ObanFlavour::Python => ["oban_leaders", "oban_peers"],
    };
    let Some(table) = preferred.into_iter().find(|t| tables.contains(*t)) else {
        return Ok(LeaderFacts::default());
    };
    let rows: Vec<LeaderRow> = diesel::sql_query(format!(
        "SELECT name::text, node::text, \
                extract(epoch FROM expires_at - timezone('UTC', now()))::float8 AS expires_in \
         FROM {} ORDER BY expires_at DESC LIMIT 20",
        ident::qualified(prefix, table)
    ))
    .load(conn)?;
    Ok(LeaderFacts {
        table: Some(table.to_string()),
        rows: rows
            .into_iter()
            .map(|r| Leader {
                name: r.name,
                node: r.node,
                expires_in_secs: r.expires_in,
            })
            .collect(),
    })
}
