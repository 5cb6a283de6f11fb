//! Reads for `queues`, `queue …` and `nodes` (issue #14): what the tables say about queues,
//! executing jobs, throughput, producers and the leader. No printing; every read is bounded.
//!
//! Bounds, and how each read stays honest on a table of millions of rows:
//! - Queues are found with a loose index scan of Oban's `(state, queue, priority, scheduled_at,
//!   id)` index (one index probe per state and queue, never a scan of the table), and counted per
//!   state with bounded exact counts through the same index: a cell reaching the cap is reported
//!   as [`Count::AtLeast`], never extrapolated. The only estimate offered is a queue's total size
//!   from the planner's statistics of the `queue` column itself (its most-common-values list),
//!   which really describes that queue; per-state estimates made by scaling the table-wide state
//!   mix are wrong and are not made (issue #13).
//! - Without a usable `(state, queue, …)` btree these reads refuse ([`QueueScan::NoIndex`])
//!   instead of scanning the table once per probe.
//! - Executing jobs are read through the same index (`state = 'executing'`), at most a cap.
//! - Throughput counts completions since a cutoff through an index on `completed_at` where one
//!   exists (oban-py has `oban_jobs_completed_at_index`); Elixir Oban has none, so there only the
//!   newest rows by id are examined and the result is a lower bound ([`ThroughputBasis`]). Either
//!   way a pruner that deletes completed jobs sooner (Elixir's default `max_age` is 60 s) makes
//!   the figures lower than the real throughput.
//! - Strings from the tables (queue and node names) are cut at [`MAX_TEXT_CHARS`] characters,
//!   marked with `…`. Timestamps from rows are [`DbTime`] (`infinity` and values chrono cannot
//!   hold are reported as such, and ages are only computed for finite ones); JSON from rows is
//!   [`Json`] (too deep to read is reported, not an error).

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::pg::PgConnection;
use diesel::sql_types::{Array, BigInt, Double, Integer, Jsonb, Nullable, Text, Timestamp};
use diesel::{QueryableByName, RunQueryDsl};
use serde::Serialize;

use super::catalog::{self, IndexShape};
use super::ident;
use super::jobs::JobsTable;
use crate::decode::{Json, Timestamp as DbTime};
use crate::error::CliResult;
use crate::notifier::{self, ProducerMeta};

/// Longest queue or node name returned whole; longer ones are cut and end in `…`.
pub const MAX_TEXT_CHARS: i64 = 255;
/// A per-(state, queue) count cap for an overview. Measured on 2 000 000 jobs in 50 (state,
/// queue) cells, every one of them at the cap, warm cache: 13 ms at 1 000, 120 ms at 10 000.
pub const DEFAULT_COUNT_CAP: i64 = 1_000;
/// The cap for completed and cancelled jobs: their counts are history, not a backlog or a failure
/// to look at, and on a busy table they are the largest cells, so counting them to 1 000 each was
/// most of an overview's time (on 5 000 000 jobs in 50 queues: 60 ms of cells, about 25 ms with
/// this). Discarded jobs are failures and keep the full cap.
pub const FINISHED_COUNT_CAP: i64 = 100;
/// Completed rows read by [`completed_per_minute`] in an overview, and the newest rows it
/// examines without a `completed_at` index (10 000 newest rows: ~25 ms cold on the same table).
pub const DEFAULT_THROUGHPUT_CAP: i64 = 100_000;
pub const DEFAULT_THROUGHPUT_SCAN: i64 = 10_000;
/// Most distinct (state, queue) pairs read by [`queue_counts`].
pub const MAX_QUEUE_CELLS: i64 = 5_000;
/// Most distinct (queue, priority) pairs read by [`oldest_available`].
pub const MAX_PRIORITY_CELLS: i64 = 5_000;
/// Most rows returned from `oban_producers`, `oban_peers` and `oban_leaders`.
pub const MAX_ROWS: i64 = 10_000;

/// `left(x, MAX) || '…'` when longer than [`MAX_TEXT_CHARS`]: SQL for a bounded text column.
fn bounded(expr: &str) -> String {
    format!(
        "CASE WHEN char_length({expr}) > {MAX_TEXT_CHARS} THEN left({expr}, {MAX_TEXT_CHARS}) || '…' ELSE {expr} END"
    )
}

/// A count that is exact below its cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Count {
    Exact(i64),
    /// At least this many (the cap was reached).
    AtLeast(i64),
}

impl Count {
    fn bounded(n: i64, cap: i64) -> Count {
        if n >= cap {
            Count::AtLeast(cap)
        } else {
            Count::Exact(n)
        }
    }

    /// The number, exact or a lower bound.
    pub fn value(self) -> i64 {
        match self {
            Count::Exact(n) | Count::AtLeast(n) => n,
        }
    }

    pub fn is_exact(self) -> bool {
        matches!(self, Count::Exact(_))
    }
}

/// Why a read that needs Oban's `(state, queue, …)` index was not made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum QueueScan<T> {
    Done(T),
    /// No valid btree index leading with `(state, queue)` on `oban_jobs` (Oban's
    /// `oban_jobs_state_queue_priority_scheduled_at_id_index` is missing or invalid): every probe
    /// would scan the table.
    NoIndex,
}

/// Whether `oban_jobs` in `prefix` has a usable btree index leading with `columns`.
fn has_index(conn: &mut PgConnection, prefix: &str, leading: &[&str]) -> CliResult<bool> {
    Ok(catalog::index_shapes(conn, prefix, "oban_jobs")?
        .iter()
        .any(|i| i.btree_leading(leading) && i.predicate.is_none()))
}

// ---------------------------------------------------------------------------------------------
// Queues and their counts

/// One queue's jobs by state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueueCounts {
    pub queue: String,
    /// Only states that have jobs in this queue.
    pub by_state: BTreeMap<String, Count>,
    /// Rows of this queue, all states, by the planner's statistics of the `queue` column (its
    /// most-common-values frequency times the table's row estimate). `None` when the statistics
    /// do not single the queue out. An estimate, and marked so by its name.
    pub estimated_rows: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueueCountsReport {
    pub queues: Vec<QueueCounts>,
    /// The cap each (state, queue) count stopped at.
    pub cap: i64,
    /// The cap of completed and cancelled counts (`min(cap, FINISHED_COUNT_CAP)`).
    pub finished_cap: i64,
    /// More than [`MAX_QUEUE_CELLS`] (state, queue) pairs exist; the rest were not read.
    pub truncated: bool,
}

#[derive(QueryableByName)]
struct CellRow {
    #[diesel(sql_type = Text)]
    state: String,
    #[diesel(sql_type = Text)]
    queue: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The recursive loose scan of distinct `(state, queue)` pairs of the state/queue index: each
/// step is one index probe for the next pair after the previous.
fn pairs_cte(jobs: &JobsTable, state_filter: &str) -> String {
    format!(
        "RECURSIVE pairs(state, queue) AS ( \
           (SELECT j.state, j.queue FROM {t} j WHERE TRUE {state_filter} ORDER BY j.state, j.queue LIMIT 1) \
           UNION ALL \
           SELECT n.state, n.queue FROM pairs p CROSS JOIN LATERAL ( \
             SELECT j.state, j.queue FROM {t} j WHERE (j.state, j.queue) > (p.state, p.queue) {state_filter} \
             ORDER BY j.state, j.queue LIMIT 1) n)",
        t = jobs.table
    )
}

/// Every queue that has jobs, with bounded exact counts per state (at most `cap` rows counted
/// per state and queue).
pub fn queue_counts(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    cap: i64,
) -> CliResult<QueueScan<QueueCountsReport>> {
    if !has_index(conn, &jobs.prefix, &["state", "queue"])? {
        return Ok(QueueScan::NoIndex);
    }
    let cap = cap.max(1);
    let finished_cap = cap.min(FINISHED_COUNT_CAP);
    let text = format!(
        "WITH {pairs} \
         SELECT c.state::text AS state, {queue} AS queue, \
                (SELECT count(*) FROM (SELECT 1 FROM {t} j WHERE j.state = c.state AND j.queue = c.queue \
                   LIMIT CASE WHEN c.state::text IN ({capped}) THEN $3 ELSE $1 END) x)::bigint AS n \
         FROM (SELECT * FROM pairs LIMIT $2) c",
        pairs = pairs_cte(jobs, ""),
        capped = FINISHED_CAPPED_STATES.map(|st| format!("'{st}'")).join(", "),
        queue = bounded("c.queue"),
        t = jobs.table
    );
    let rows: Vec<CellRow> = diesel::sql_query(text)
        .bind::<BigInt, _>(cap)
        .bind::<BigInt, _>(MAX_QUEUE_CELLS + 1)
        .bind::<BigInt, _>(finished_cap)
        .load(conn)?;
    let truncated = rows.len() as i64 > MAX_QUEUE_CELLS;
    let estimates = queue_row_estimates(conn, &jobs.prefix)?;
    let mut queues: BTreeMap<String, QueueCounts> = BTreeMap::new();
    for row in rows.into_iter().take(MAX_QUEUE_CELLS as usize) {
        let entry = queues
            .entry(row.queue.clone())
            .or_insert_with(|| QueueCounts {
                estimated_rows: estimates.get(&row.queue).copied(),
                queue: row.queue,
                by_state: BTreeMap::new(),
            });
        let state_cap = if is_finished(&row.state) {
            finished_cap
        } else {
            cap
        };
        entry
            .by_state
            .insert(row.state, Count::bounded(row.n, state_cap));
    }
    Ok(QueueScan::Done(QueueCountsReport {
        queues: queues.into_values().collect(),
        cap,
        finished_cap,
        truncated,
    }))
}

/// The states counted to [`FINISHED_COUNT_CAP`]: finished and not a failure.
const FINISHED_CAPPED_STATES: [&str; 2] = ["completed", "cancelled"];

/// Whether `state` is counted to [`FINISHED_COUNT_CAP`].
pub fn is_finished(state: &str) -> bool {
    FINISHED_CAPPED_STATES.contains(&state)
}

#[derive(QueryableByName)]
struct McvRow {
    #[diesel(sql_type = Nullable<Array<Text>>)]
    vals: Option<Vec<String>>,
    #[diesel(sql_type = Nullable<Array<Double>>)]
    freqs: Option<Vec<f64>>,
    #[diesel(sql_type = Double)]
    rows: f64,
}

/// Per-queue row estimates from the `queue` column's most-common-values statistics: only the
/// queues the statistics single out, each with its own measured frequency.
pub fn queue_row_estimates(
    conn: &mut PgConnection,
    prefix: &str,
) -> CliResult<BTreeMap<String, i64>> {
    let rows: Vec<McvRow> = diesel::sql_query(
        "SELECT s.most_common_vals::text::text[] AS vals, s.most_common_freqs::float8[] AS freqs, \
                greatest(c.reltuples, 0)::float8 AS rows \
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
         JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = 'queue' \
         WHERE n.nspname = $1 AND c.relname = 'oban_jobs'",
    )
    .bind::<Text, _>(prefix)
    .load(conn)?;
    let mut out = BTreeMap::new();
    // Partitioned tables report one row per inheritance flavour; take the first.
    if let Some(row) = rows.into_iter().next() {
        for (queue, freq) in row
            .vals
            .unwrap_or_default()
            .into_iter()
            .zip(row.freqs.unwrap_or_default())
        {
            out.insert(queue, (freq * row.rows).round() as i64);
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Latency

/// The oldest available job of one queue: it has been runnable since `oldest_scheduled_at`.
#[derive(Debug, Clone, PartialEq, Serialize, QueryableByName)]
pub struct QueueWait {
    #[diesel(sql_type = Text)]
    pub queue: String,
    #[diesel(sql_type = Timestamp)]
    pub oldest_scheduled_at: DbTime,
    /// Database clock minus `oldest_scheduled_at`, in seconds (clamped at 0; `None` when
    /// `oldest_scheduled_at` is not finite).
    #[diesel(sql_type = Nullable<Double>)]
    pub wait_secs: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueWaits {
    pub queues: Vec<QueueWait>,
    /// More than [`MAX_PRIORITY_CELLS`] (queue, priority) pairs are available; the rest were not
    /// read, so queues past them are missing.
    pub truncated: bool,
}

/// The oldest available job's wait per queue. Oban's index orders available jobs by priority
/// before `scheduled_at`, so each (queue, priority) pair is found by a loose index scan and its
/// oldest job by one probe; no queue's backlog is scanned.
pub fn oldest_available(
    conn: &mut PgConnection,
    jobs: &JobsTable,
) -> CliResult<QueueScan<QueueWaits>> {
    if !has_index(
        conn,
        &jobs.prefix,
        &["state", "queue", "priority", "scheduled_at"],
    )? {
        return Ok(QueueScan::NoIndex);
    }
    let available = format!("'available'::{}", jobs.state_type);
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        queue: String,
        #[diesel(sql_type = Timestamp)]
        oldest_scheduled_at: DbTime,
        #[diesel(sql_type = Nullable<Double>)]
        wait_secs: Option<f64>,
        #[diesel(sql_type = BigInt)]
        pairs: i64,
    }
    let text = format!(
        "WITH RECURSIVE pairs(queue, priority) AS ( \
           (SELECT j.queue, j.priority FROM {t} j WHERE j.state = {available} ORDER BY j.queue, j.priority LIMIT 1) \
           UNION ALL \
           SELECT n.queue, n.priority FROM pairs p CROSS JOIN LATERAL ( \
             SELECT j.queue, j.priority FROM {t} j WHERE j.state = {available} \
               AND (j.queue, j.priority) > (p.queue, p.priority) ORDER BY j.queue, j.priority LIMIT 1) n), \
         picked AS (SELECT * FROM pairs LIMIT $1), \
         oldest AS ( \
           SELECT p.queue, min(o.scheduled_at) AS at FROM picked p CROSS JOIN LATERAL ( \
             SELECT j.scheduled_at FROM {t} j WHERE j.state = {available} AND j.queue = p.queue \
               AND j.priority = p.priority ORDER BY j.scheduled_at LIMIT 1) o \
           GROUP BY p.queue) \
         SELECT {queue} AS queue, o.at AS oldest_scheduled_at, \
                CASE WHEN isfinite(o.at) \
                     THEN greatest(0, extract(epoch FROM timezone('UTC', now()) - o.at))::float8 END AS wait_secs, \
                (SELECT count(*) FROM picked)::bigint AS pairs \
         FROM oldest o ORDER BY o.queue",
        t = jobs.table,
        queue = bounded("o.queue"),
    );
    let rows: Vec<Row> = diesel::sql_query(text)
        .bind::<BigInt, _>(MAX_PRIORITY_CELLS + 1)
        .load(conn)?;
    let truncated = rows.first().is_some_and(|r| r.pairs > MAX_PRIORITY_CELLS);
    Ok(QueueScan::Done(QueueWaits {
        queues: rows
            .into_iter()
            .map(|r| QueueWait {
                queue: r.queue,
                oldest_scheduled_at: r.oldest_scheduled_at,
                wait_secs: r.wait_secs,
            })
            .collect(),
        truncated,
    }))
}

// ---------------------------------------------------------------------------------------------
// Executing jobs

/// Executing jobs of one queue on one node (`attempted_by[1]`; `None` when unset).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, QueryableByName)]
pub struct ExecutingGroup {
    #[diesel(sql_type = Text)]
    pub queue: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub node: Option<String>,
    #[diesel(sql_type = BigInt)]
    pub count: i64,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub oldest_attempted_at: Option<DbTime>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Executing {
    pub groups: Vec<ExecutingGroup>,
    /// `cap` executing jobs were read and there may be more: the counts are lower bounds.
    pub truncated: bool,
}

/// Executing jobs per queue and node, reading at most `cap` of them (through the state/queue
/// index when there is one, which Oban always has).
pub fn executing(conn: &mut PgConnection, jobs: &JobsTable, cap: i64) -> CliResult<Executing> {
    let cap = cap.max(1);
    let text = format!(
        "WITH e AS (SELECT j.queue, j.attempted_by[1] AS node, j.attempted_at FROM {t} j \
                    WHERE j.state = 'executing'::{st} LIMIT $1) \
         SELECT {queue} AS queue, {node} AS node, count(*)::bigint AS count, min(e.attempted_at) AS oldest_attempted_at \
         FROM e GROUP BY e.queue, e.node ORDER BY e.queue, e.node",
        t = jobs.table,
        st = jobs.state_type,
        queue = bounded("e.queue"),
        node = bounded("e.node"),
    );
    let groups: Vec<ExecutingGroup> = diesel::sql_query(text).bind::<BigInt, _>(cap).load(conn)?;
    let read: i64 = groups.iter().map(|g| g.count).sum();
    Ok(Executing {
        truncated: read >= cap,
        groups,
    })
}

impl Executing {
    /// Executing jobs per node, summed over queues.
    pub fn by_node(&self) -> BTreeMap<Option<String>, i64> {
        let mut out = BTreeMap::new();
        for g in &self.groups {
            *out.entry(g.node.clone()).or_default() += g.count;
        }
        out
    }

    /// Executing jobs per queue, summed over nodes.
    pub fn by_queue(&self) -> BTreeMap<String, i64> {
        let mut out = BTreeMap::new();
        for g in &self.groups {
            *out.entry(g.queue.clone()).or_default() += g.count;
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Throughput

/// How completions were found, which says how far the figures can be trusted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ThroughputBasis {
    /// Through an index on `completed_at` (`index`): every completion since the cutoff still in
    /// the table was counted, up to the cap.
    CompletedAtIndex { index: String },
    /// No index on `completed_at` (Elixir Oban has none): only the newest `scanned` rows by id
    /// were examined, so jobs inserted earlier that completed since the cutoff are missed and the
    /// figures are lower bounds.
    NewestRows { scanned: i64 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, QueryableByName)]
pub struct MinuteCount {
    #[diesel(sql_type = Text)]
    pub queue: String,
    /// Start of the minute (database clock, UTC).
    #[diesel(sql_type = Timestamp)]
    pub minute: DbTime,
    #[diesel(sql_type = BigInt)]
    pub completed: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Throughput {
    /// Minutes counted: from `since` (a minute boundary) to `until` (now, database clock); the
    /// last minute is partial.
    pub since: NaiveDateTime,
    pub until: NaiveDateTime,
    pub per_minute: Vec<MinuteCount>,
    pub basis: ThroughputBasis,
    /// `cap` completions were read and there may be more.
    pub truncated: bool,
}

/// Completed jobs per queue and minute over the last `minutes` minutes (1..=60, the current one
/// included), reading at most `cap` completed rows (and, without an index on `completed_at`,
/// examining at most the newest `scan` rows).
pub fn completed_per_minute(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    minutes: i64,
    cap: i64,
    scan: i64,
) -> CliResult<Throughput> {
    let minutes = minutes.clamp(1, 60);
    let cap = cap.max(1);
    let scan = scan.max(1);
    let index = catalog::index_shapes(conn, &jobs.prefix, "oban_jobs")?
        .into_iter()
        .find(completed_at_index);
    #[derive(QueryableByName)]
    struct Window {
        #[diesel(sql_type = Timestamp)]
        since: NaiveDateTime,
        #[diesel(sql_type = Timestamp)]
        until: NaiveDateTime,
    }
    let window: Window = diesel::sql_query(
        "SELECT date_trunc('minute', timezone('UTC', now())) - make_interval(mins => $1::int - 1) AS since, \
                timezone('UTC', now()) AS until",
    )
    .bind::<Integer, _>(minutes as i32)
    .get_result(conn)?;
    let completed = format!("'completed'::{}", jobs.state_type);
    let (source, basis) = match index {
        Some(index) => (
            format!(
                "SELECT j.queue, j.completed_at FROM {t} j WHERE j.state = {completed} \
                 AND j.completed_at >= $1 LIMIT $2",
                t = jobs.table
            ),
            ThroughputBasis::CompletedAtIndex { index: index.name },
        ),
        None => (
            format!(
                "SELECT r.queue, r.completed_at FROM (SELECT j.state, j.queue, j.completed_at FROM {t} j \
                   ORDER BY j.id DESC LIMIT $3) r \
                 WHERE r.state = {completed} AND r.completed_at >= $1 LIMIT $2",
                t = jobs.table
            ),
            ThroughputBasis::NewestRows { scanned: scan },
        ),
    };
    let text = format!(
        "WITH c AS ({source}) \
         SELECT {queue} AS queue, date_trunc('minute', c.completed_at) AS minute, count(*)::bigint AS completed \
         FROM c GROUP BY c.queue, 2 ORDER BY c.queue, 2",
        queue = bounded("c.queue"),
    );
    let mut query = diesel::sql_query(text)
        .into_boxed::<diesel::pg::Pg>()
        .bind::<Timestamp, _>(window.since)
        .bind::<BigInt, _>(cap);
    if matches!(basis, ThroughputBasis::NewestRows { .. }) {
        query = query.bind::<BigInt, _>(scan);
    }
    let per_minute: Vec<MinuteCount> = query.load(conn)?;
    let read: i64 = per_minute.iter().map(|m| m.completed).sum();
    Ok(Throughput {
        since: window.since,
        until: window.until,
        per_minute,
        basis,
        truncated: read >= cap,
    })
}

/// An index that answers `state = 'completed' AND completed_at >= $1`.
fn completed_at_index(index: &IndexShape) -> bool {
    index.btree_leading(&["completed_at"])
        && index
            .predicate
            .as_deref()
            .is_none_or(|p| p.contains("'completed'") && !p.contains(" OR "))
}

// ---------------------------------------------------------------------------------------------
// Producers

/// A row of `oban_producers` (oban-py, Oban Pro's Smart engine).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Producer {
    pub uuid: Option<String>,
    pub name: Option<String>,
    pub node: Option<String>,
    pub queue: Option<String>,
    pub meta: ProducerMeta,
    /// Why `meta` was not read, when it was not: over 64 KiB, or JSON too deep to read (e.g.
    /// `<json too deep: 40 kB>`).
    pub meta_unread: Option<String>,
    pub started_at: Option<DbTime>,
    pub updated_at: Option<DbTime>,
    /// Database clock minus `updated_at` (finite ones only): oban-py refreshes every 15 s and
    /// deletes producers not refreshed for 60 s.
    pub updated_secs_ago: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Producers {
    pub rows: Vec<Producer>,
    /// More than [`MAX_ROWS`] rows; the rest were not read.
    pub truncated: bool,
}

/// `oban_producers` in `prefix`, or `None` when there is no such table (open-source Elixir
/// Oban). Columns missing from an unfamiliar engine's table read as `None`.
pub fn producers(conn: &mut PgConnection, prefix: &str) -> CliResult<Option<Producers>> {
    let columns = catalog::columns(conn, prefix, "oban_producers")?;
    if columns.is_empty() {
        return Ok(None);
    }
    let col = |name: &str, expr: String, null: &str| {
        if columns.contains(name) {
            expr
        } else {
            format!("NULL::{null}")
        }
    };
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Nullable<Text>)]
        uuid: Option<String>,
        #[diesel(sql_type = Nullable<Text>)]
        name: Option<String>,
        #[diesel(sql_type = Nullable<Text>)]
        node: Option<String>,
        #[diesel(sql_type = Nullable<Text>)]
        queue: Option<String>,
        #[diesel(sql_type = Nullable<Jsonb>)]
        meta: Option<Json>,
        #[diesel(sql_type = diesel::sql_types::Bool)]
        meta_too_large: bool,
        #[diesel(sql_type = Nullable<Timestamp>)]
        started_at: Option<DbTime>,
        #[diesel(sql_type = Nullable<Timestamp>)]
        updated_at: Option<DbTime>,
        #[diesel(sql_type = Nullable<Double>)]
        updated_secs_ago: Option<f64>,
    }
    let meta_size = col("meta", "pg_column_size(p.meta)".into(), "int");
    let text = format!(
        "SELECT {uuid} AS uuid, {name} AS name, {node} AS node, {queue} AS queue, \
                CASE WHEN {meta_size} > 65536 THEN NULL ELSE {meta} END AS meta, \
                coalesce({meta_size} > 65536, false) AS meta_too_large, \
                {started} AS started_at, {updated} AS updated_at, \
                CASE WHEN isfinite({updated}) \
                     THEN extract(epoch FROM timezone('UTC', now()) - {updated})::float8 END AS updated_secs_ago \
         FROM {table} p ORDER BY 3, 4, 1 LIMIT $1",
        uuid = col("uuid", bounded("p.uuid::text"), "text"),
        name = col("name", bounded("p.name::text"), "text"),
        node = col("node", bounded("p.node::text"), "text"),
        queue = col("queue", bounded("p.queue::text"), "text"),
        meta = col("meta", "p.meta::jsonb".into(), "jsonb"),
        started = col("started_at", "p.started_at::timestamp".into(), "timestamp"),
        updated = col("updated_at", "p.updated_at::timestamp".into(), "timestamp"),
        table = ident::qualified(prefix, "oban_producers"),
    );
    let rows: Vec<Row> = diesel::sql_query(text)
        .bind::<BigInt, _>(MAX_ROWS + 1)
        .load(conn)?;
    let truncated = rows.len() as i64 > MAX_ROWS;
    Ok(Some(Producers {
        rows: rows
            .into_iter()
            .take(MAX_ROWS as usize)
            .map(|r| Producer {
                uuid: r.uuid,
                name: r.name,
                node: r.node,
                queue: r.queue,
                meta: r
                    .meta
                    .as_ref()
                    .and_then(Json::value)
                    .map(notifier::parse_producer_meta)
                    .unwrap_or_default(),
                meta_unread: if r.meta_too_large {
                    Some("over 64 KiB".to_string())
                } else {
                    r.meta
                        .as_ref()
                        .filter(|m| m.value().is_none())
                        .map(Json::placeholder)
                },
                started_at: r.started_at,
                updated_at: r.updated_at,
                updated_secs_ago: r.updated_secs_ago,
            })
            .collect(),
        truncated,
    }))
}

// ---------------------------------------------------------------------------------------------
// Leader

/// Where a leader row came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeaderSource {
    /// Elixir Oban's `oban_peers` (`started_at` is when the node took the lead).
    ObanPeers,
    /// oban-py's `oban_leaders` (`elected_at`).
    ObanLeaders,
}

#[derive(Debug, Clone, PartialEq, Serialize, QueryableByName)]
pub struct Leader {
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Text)]
    pub node: String,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub since: Option<DbTime>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub expires_at: Option<DbTime>,
    /// `expires_at` is in the past: the lease lapsed and no node renewed it (yet).
    #[diesel(sql_type = diesel::sql_types::Bool)]
    pub expired: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeaderRow {
    pub source: LeaderSource,
    #[serde(flatten)]
    pub leader: Leader,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Leaders {
    /// Which of the two tables exist in the prefix.
    pub has_oban_peers: bool,
    pub has_oban_leaders: bool,
    /// One row per Oban instance name that has a leader row.
    pub rows: Vec<LeaderRow>,
}

/// The leader rows of `oban_peers` (Elixir) and `oban_leaders` (oban-py), whichever exist.
pub fn leaders(conn: &mut PgConnection, prefix: &str) -> CliResult<Leaders> {
    let tables = catalog::table_names(conn, prefix)?;
    let mut out = Leaders {
        has_oban_peers: tables.contains("oban_peers"),
        has_oban_leaders: tables.contains("oban_leaders"),
        rows: Vec::new(),
    };
    for (present, table, since, source) in [
        (
            out.has_oban_peers,
            "oban_peers",
            "started_at",
            LeaderSource::ObanPeers,
        ),
        (
            out.has_oban_leaders,
            "oban_leaders",
            "elected_at",
            LeaderSource::ObanLeaders,
        ),
    ] {
        if !present || !catalog::columns(conn, prefix, table)?.contains(since) {
            continue;
        }
        let text = format!(
            "SELECT {name} AS name, {node} AS node, l.{since}::timestamp AS since, \
                    l.expires_at::timestamp AS expires_at, \
                    coalesce(l.expires_at < timezone('UTC', now()), false) AS expired \
             FROM {table} l ORDER BY l.name LIMIT $1",
            name = bounded("l.name::text"),
            node = bounded("l.node::text"),
            table = ident::qualified(prefix, table),
        );
        let rows: Vec<Leader> = diesel::sql_query(text)
            .bind::<BigInt, _>(MAX_ROWS)
            .load(conn)?;
        out.rows
            .extend(rows.into_iter().map(|leader| LeaderRow { source, leader }));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_at_the_cap_are_lower_bounds() {
        assert_eq!(Count::bounded(9, 10), Count::Exact(9));
        assert_eq!(Count::bounded(10, 10), Count::AtLeast(10));
        assert!(!Count::AtLeast(10).is_exact());
        assert_eq!(Count::AtLeast(10).value(), 10);
    }

    #[test]
    fn only_a_completed_at_index_answers_throughput() {
        let shape = |columns: &[&str], predicate: Option<&str>| IndexShape {
            name: "i".into(),
            method: "btree".into(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            predicate: predicate.map(str::to_string),
            valid: true,
        };
        assert!(completed_at_index(&shape(
            &["completed_at"],
            Some("(state = 'completed'::oban_job_state)")
        )));
        assert!(completed_at_index(&shape(&["completed_at", "id"], None)));
        assert!(!completed_at_index(&shape(
            &["completed_at"],
            Some("(state = 'discarded'::oban_job_state)")
        )));
        assert!(!completed_at_index(&shape(
            &["state", "completed_at"],
            None
        )));
    }

    #[test]
    fn bounded_text_sql() {
        assert_eq!(
            bounded("q"),
            "CASE WHEN char_length(q) > 255 THEN left(q, 255) || '…' ELSE q END"
        );
    }
}
