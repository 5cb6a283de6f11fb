//! The bounded read-only queries `obanctl top` and `obanctl metrics` need beyond the `queues`
//! reads (`db::queues`): failures of the last hour and node liveness from heartbeats.
//!
//! [`recent_failures`] reads at most a fixed number of failed jobs; a result that hits the bound
//! is reported as a floor. It stands in for the `jobs errors` read function (`triage`);
//! `tui::gather` is its only caller.

use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Double, Nullable, Text, Timestamp};
use diesel::{QueryableByName, RunQueryDsl};

use super::catalog::ObanFlavour;
use super::ident;
use super::jobs::JobsTable;
use crate::decode::Timestamp as DbTime;
use crate::error::CliResult;

/// Failed jobs read per state (retryable, discarded) for the failures pane.
pub const FAILURE_ROWS: i64 = 5_000;
/// Error text is cut to this many characters in the query (only its first line is grouped on).
pub const ERROR_CHARS: i32 = 300;

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
