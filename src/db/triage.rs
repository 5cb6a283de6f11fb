//! The bounded read behind `obanctl jobs errors`: the newest failing jobs matching a filter, each
//! with the first line of its latest error ([`crate::triage::first_line_sql`]).

use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Integer, Nullable, Text, Timestamp};
use diesel::{QueryableByName, RunQueryDsl};

use super::bound_query;
use super::jobs::JobsTable;
use crate::decode::Timestamp as DbTime;
use crate::error::CliResult;
use crate::jobs::filter::{Bind, JobFilter, Sql};
use crate::triage::{error_text_sql, error_text_sql_jsonb_array, first_line_sql, Failure};

#[derive(Debug, Clone, QueryableByName)]
struct FailureRow {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Text)]
    state: String,
    #[diesel(sql_type = Text)]
    worker: String,
    #[diesel(sql_type = Integer)]
    attempt: i32,
    #[diesel(sql_type = Integer)]
    max_attempts: i32,
    #[diesel(sql_type = Nullable<Timestamp>)]
    failed_at: Option<DbTime>,
    #[diesel(sql_type = Text)]
    line: String,
}

/// At most `scan` jobs matching `filter` (its states must be set), the newest first by each
/// state's timestamp (the column `--since` compares: one index-ordered read per state, merged),
/// with the first line of each one's latest error. `failed_at` is when the job failed:
/// `discarded_at` / `cancelled_at` for those states, else the failing attempt's `attempted_at`.
pub fn newest_failures(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    filter: &JobFilter,
    scan: i64,
) -> CliResult<Vec<Failure>> {
    super::doctor::prefer_indexes(conn)?;
    let mut sql = Sql::default();
    let limit = sql.bind(Bind::BigInt(scan));
    let arms: Vec<String> = filter
        .states
        .iter()
        .map(|state| {
            let single = JobFilter {
                states: vec![*state],
                ..filter.clone()
            };
            let conditions = single.conditions(&mut sql, &jobs.state_type);
            let ts = format!("j.{}", state.timestamp_column());
            format!(
                "(SELECT j.id, {ts} AS ts FROM {table} j WHERE {conditions} \
                  ORDER BY {ts} DESC, j.id DESC LIMIT {limit})",
                table = jobs.table
            )
        })
        .collect();
    if arms.is_empty() {
        return Ok(Vec::new());
    }
    let line = if jobs.errors_jsonb_array {
        first_line_sql(&error_text_sql_jsonb_array("j.errors"))
    } else {
        first_line_sql(&error_text_sql("j.errors"))
    };
    // Each chosen job is fetched by its id (LATERAL, kept from being flattened by its LIMIT): a
    // join the planner may otherwise make a merge join over the whole primary key.
    let text = format!(
        "SELECT j.id, j.state, j.worker, j.attempt, j.max_attempts, j.failed_at, j.line \
         FROM (SELECT u.id FROM ({union}) u ORDER BY u.ts DESC, u.id DESC LIMIT {limit}) p \
         CROSS JOIN LATERAL ( \
           SELECT j.id, j.state::text AS state, j.worker, j.attempt::int AS attempt, \
                  j.max_attempts::int AS max_attempts, \
                  CASE j.state::text WHEN 'discarded' THEN j.discarded_at WHEN 'cancelled' THEN j.cancelled_at \
                       ELSE j.attempted_at END AS failed_at, \
                  {line} AS line \
           FROM {table} j WHERE j.id = p.id LIMIT 1) j",
        union = arms.join(" UNION ALL "),
        table = jobs.table
    );
    let rows: Vec<FailureRow> = bound_query(&text, &sql.binds).load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| Failure {
            id: r.id,
            state: r.state,
            worker: r.worker,
            attempt: r.attempt,
            max_attempts: r.max_attempts,
            failed_at: r.failed_at.and_then(DbTime::at),
            line: r.line,
        })
        .collect())
}
