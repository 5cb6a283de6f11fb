//! The bounded read-only queries behind `obanctl top` and `obanctl metrics`.
//!
//! Every query here reads a bounded number of index entries or rows, whatever the table size:
//! per-queue counts stop at a cap per (state, queue) cell, throughput reads only the newest jobs,
//! failures read at most a fixed number of failed jobs. Numbers that hit a bound are reported as
//! floors, never scaled up.
//!
//! Replacement seams: [`queue_counts`], [`latencies`] and [`throughput`] stand in for the
//! `queues` read functions (`db::queues`), and [`recent_failures`] for the `jobs errors` grouping
//! (`triage`); `tui::gather` is the only caller of each.

use diesel::pg::PgConnection;
use diesel::sql_types::{Array, BigInt, Double, Integer, Nullable, Text, Timestamp};
use diesel::{QueryableByName, RunQueryDsl};

use super::catalog::ObanFlavour;
use super::ident;
use super::jobs::JobsTable;
use crate::decode::Timestamp as DbTime;
use crate::error::CliResult;

/// A (state, queue) count stops here for live states (available, scheduled, executing,
/// retryable, suspended): what on-call acts on.
pub const LIVE_CELL_CAP: i64 = 10_000;
/// ...and here for the terminal states (completed, discarded, cancelled), which pile up.
pub const TERMINAL_CELL_CAP: i64 = 1_000;
/// At most this many (state, queue) pairs are read (50 queues x 8 states is 400).
pub const MAX_PAIRS: i64 = 4_000;
/// Throughput is read from the newest jobs by id; older completions are not seen.
pub const THROUGHPUT_ROWS: i64 = 20_000;
/// Throughput buckets: one per minute, this many minutes back.
pub const THROUGHPUT_MINUTES: i32 = 10;
/// Failed jobs read per state (retryable, discarded) for the failures pane.
pub const FAILURE_ROWS: i64 = 5_000;
/// Error text is cut to this many characters in the query (only its first line is grouped on).
pub const ERROR_CHARS: i32 = 300;

#[derive(Debug, Clone, QueryableByName, PartialEq)]
pub struct CellCount {
    #[diesel(sql_type = Text)]
    pub state: String,
    #[diesel(sql_type = Text)]
    pub queue: String,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
    /// The cap this cell was counted to: `n == cap` means "at least".
    #[diesel(sql_type = BigInt)]
    pub cap: i64,
}

/// Jobs per (state, queue), each cell counted up to its cap. Queues are found by a skip scan of
/// Oban's `(state, queue, ...)` index: one probe per (state, queue) pair, never a table scan.
pub fn queue_counts(conn: &mut PgConnection, jobs: &JobsTable) -> CliResult<Vec<CellCount>> {
    super::doctor::prefer_indexes(conn)?;
    let t = &jobs.table;
    let text = format!(
        "WITH RECURSIVE pairs(state, queue) AS ( \
           SELECT s.state, (SELECT min(j.queue) FROM {t} j WHERE j.state = s.state) \
           FROM unnest(enum_range(NULL::{st})) AS s(state) \
           UNION ALL \
           SELECT p.state, (SELECT min(j.queue) FROM {t} j WHERE j.state = p.state AND j.queue > p.queue) \
           FROM pairs p WHERE p.queue IS NOT NULL \
         ), capped AS ( \
           SELECT p.state, p.queue, \
                  CASE WHEN p.state::text IN ('completed', 'discarded', 'cancelled') THEN $2 ELSE $1 END AS cap \
           FROM pairs p WHERE p.queue IS NOT NULL LIMIT $3 \
         ) \
         SELECT c.state::text AS state, c.queue::text AS queue, c.cap, \
                (SELECT count(*) FROM (SELECT 1 FROM {t} j WHERE j.state = c.state AND j.queue = c.queue LIMIT c.cap) x)::bigint AS n \
         FROM capped c ORDER BY 2, 1",
        st = jobs.state_type,
    );
    Ok(diesel::sql_query(text)
        .bind::<BigInt, _>(LIVE_CELL_CAP)
        .bind::<BigInt, _>(TERMINAL_CELL_CAP)
        .bind::<BigInt, _>(MAX_PAIRS)
        .load(conn)?)
}

#[derive(Debug, Clone, QueryableByName, PartialEq)]
pub struct Latency {
    #[diesel(sql_type = Text)]
    pub queue: String,
    /// Seconds the oldest available job has waited past its scheduled time.
    #[diesel(sql_type = Double)]
    pub wait_secs: f64,
}

/// The oldest available job's wait in each of `queues`: one index probe per Oban priority (0 to
/// 9, the range Oban accepts) per queue.
pub fn latencies(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    queues: &[String],
) -> CliResult<Vec<Latency>> {
    if queues.is_empty() {
        return Ok(Vec::new());
    }
    let text = format!(
        "SELECT q.queue, greatest(extract(epoch FROM timezone('UTC', now()) - min(o.scheduled_at)), 0)::float8 AS wait_secs \
         FROM unnest($1::text[]) AS q(queue) \
         CROSS JOIN generate_series(0, 9) AS p(priority) \
         CROSS JOIN LATERAL (SELECT j.scheduled_at FROM {} j \
                             WHERE j.state = 'available' AND j.queue = q.queue AND j.priority = p.priority \
                             ORDER BY j.scheduled_at LIMIT 1) o \
         GROUP BY q.queue",
        jobs.table
    );
    Ok(diesel::sql_query(text)
        .bind::<Array<Text>, _>(queues)
        .load(conn)?)
}

#[derive(Debug, Clone, QueryableByName, PartialEq)]
pub struct MinuteCount {
    #[diesel(sql_type = Text)]
    pub queue: String,
    /// 0 is the current minute, 1 the one before, ...
    #[diesel(sql_type = Integer)]
    pub minutes_ago: i32,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

/// Completions per queue and minute over the last [`THROUGHPUT_MINUTES`], among the newest
/// [`THROUGHPUT_ROWS`] jobs (a backward walk of the primary key).
pub fn throughput(conn: &mut PgConnection, jobs: &JobsTable) -> CliResult<Vec<MinuteCount>> {
    let text = format!(
        "WITH now_utc AS (SELECT timezone('UTC', now()) AS at) \
         SELECT r.queue::text AS queue, floor(extract(epoch FROM n.at - r.completed_at) / 60)::int AS minutes_ago, \
                count(*)::bigint AS n \
         FROM (SELECT j.queue, j.state, j.completed_at FROM {} j ORDER BY j.id DESC LIMIT $1) r, now_utc n \
         WHERE r.state = 'completed' AND r.completed_at > n.at - make_interval(mins => $2) \
           AND r.completed_at <= n.at \
         GROUP BY 1, 2",
        jobs.table
    );
    Ok(diesel::sql_query(text)
        .bind::<BigInt, _>(THROUGHPUT_ROWS)
        .bind::<Integer, _>(THROUGHPUT_MINUTES)
        .load(conn)?)
}

#[derive(Debug, Clone, QueryableByName, PartialEq)]
pub struct FailedJob {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub state: String,
    #[diesel(sql_type = Text)]
    pub worker: String,
    #[diesel(sql_type = Text)]
    pub queue: String,
    /// The latest error's text, cut to [`ERROR_CHARS`]; empty when the job recorded none.
    #[diesel(sql_type = Text)]
    pub error: String,
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub failed_at: Option<DbTime>,
}

/// Jobs that failed in the last `window_secs`: discarded ones through the `(state,
/// discarded_at)` index, retryable ones among the first [`FAILURE_ROWS`] of that state (a floor
/// when there are more). Stand-in for the `jobs errors` read function.
pub fn recent_failures(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    window_secs: f64,
) -> CliResult<Vec<FailedJob>> {
    super::doctor::prefer_indexes(conn)?;
    // The latest error: the last element of `errors` (jsonb[] in Elixir Oban, a jsonb array in
    // oban-py; anything else there yields no text rather than an error).
    let last_error = match jobs.flavour {
        ObanFlavour::Elixir => "j.errors[array_upper(j.errors, 1)]->>'error'",
        ObanFlavour::Python => {
            "CASE WHEN jsonb_typeof(j.errors) = 'array' THEN j.errors->-1->>'error' END"
        }
    };
    let columns = format!(
        "j.id, j.state::text AS state, j.worker, j.queue, left(coalesce({last_error}, ''), {ERROR_CHARS}) AS error"
    );
    let t = &jobs.table;
    let text = format!(
        "WITH cutoff AS (SELECT timezone('UTC', now()) - make_interval(secs => $1) AS at) \
         (SELECT {columns}, j.discarded_at AS failed_at FROM {t} j, cutoff c \
          WHERE j.state = 'discarded' AND j.discarded_at >= c.at ORDER BY j.discarded_at DESC LIMIT $2) \
         UNION ALL \
         (SELECT r.id, r.state, r.worker, r.queue, r.error, r.attempted_at AS failed_at FROM \
            (SELECT {columns}, j.attempted_at FROM {t} j WHERE j.state = 'retryable' LIMIT $2) r, cutoff c \
          WHERE r.attempted_at >= c.at)"
    );
    Ok(diesel::sql_query(text)
        .bind::<Double, _>(window_secs)
        .bind::<BigInt, _>(FAILURE_ROWS)
        .load(conn)?)
}

#[derive(Debug, Clone, Default, QueryableByName, PartialEq, Eq)]
pub struct Liveness {
    #[diesel(sql_type = BigInt)]
    pub alive: i64,
    #[diesel(sql_type = BigInt)]
    pub late: i64,
    #[diesel(sql_type = BigInt)]
    pub missing: i64,
}

/// Nodes by the liveness their Powertools heartbeats give (late after each row's warning
/// threshold, missing after its missing threshold: 45 s and 120 s by default, as the library
/// classifies them). `None` when the heartbeats table is not there.
pub fn liveness(conn: &mut PgConnection, powertools_schema: &str) -> CliResult<Option<Liveness>> {
    if !super::catalog::table_exists(conn, powertools_schema, "oban_powertools_heartbeats")? {
        return Ok(None);
    }
    let text = format!(
        "SELECT count(*) FILTER (WHERE age_ms < warn_ms)::bigint AS alive, \
                count(*) FILTER (WHERE age_ms >= warn_ms AND age_ms < miss_ms)::bigint AS late, \
                count(*) FILTER (WHERE age_ms >= miss_ms)::bigint AS missing \
         FROM (SELECT h.node, \
                      extract(epoch FROM timezone('UTC', now()) - max(h.last_heartbeat_at)) * 1000 AS age_ms, \
                      min(h.warning_threshold_ms) AS warn_ms, min(h.missing_threshold_ms) AS miss_ms \
               FROM (SELECT node, last_heartbeat_at, warning_threshold_ms, missing_threshold_ms \
                     FROM {} LIMIT 10000) h GROUP BY h.node) n",
        ident::qualified(powertools_schema, "oban_powertools_heartbeats")
    );
    Ok(Some(diesel::sql_query(text).get_result(conn)?))
}
