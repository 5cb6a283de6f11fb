//! `jobs count`: by state and queue, with honest numbers on any table size.
//!
//! - Small tables (under 200 000 rows, found by a count that stops there) or `--exact`: counted.
//! - `--queue` on a large table: a bounded count per state through Oban's `(state, queue, ...)`
//!   index; a count that reaches the bound is reported as "at least".
//! - Otherwise on a large table: the planner's per-state and per-queue estimates (each a
//!   statistic that describes exactly that column), when the statistics are fresh; when they are
//!   stale (many changes since the last ANALYZE), bounded counts per state instead. Per-queue
//!   state mixes are never invented by scaling the table-wide mix.

use std::collections::BTreeMap;

use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Double, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};
use serde_json::Value;

use super::require_oban;
use crate::cli::JobsCountArgs;
use crate::db::jobs::JobsTable;
use crate::db::{bound_query, ident, Database};
use crate::error::{CliError, CliResult, ExitStatus};
use crate::jobs::filter::{Bind, JobFilter, Sql};
use crate::jobs::JobState;
use crate::printer::Printer;
use crate::report::jobs::{CountCell, CountMethod, JobCount};
use crate::settings::Settings;
use crate::values::split_list;

/// Below this many rows an exact count is cheap. Decided by a count that stops here, never by
/// the planner's row count (unknown before the first ANALYZE, stale when autovacuum is off).
const EXACT_BELOW_ROWS: i64 = 200_000;
/// A bounded count stops here (per state); beyond it the number is a floor.
const BOUND: i64 = 1_000_000;
/// Statistics are stale when more than this share of the table changed since the last ANALYZE.
const STALE_SHARE: f64 = 0.2;

#[derive(QueryableByName)]
struct TableStats {
    #[diesel(sql_type = Double)]
    rows: f64,
    /// Rows changed since the last ANALYZE, or NULL when the table was never analyzed.
    #[diesel(sql_type = Nullable<BigInt>)]
    modified: Option<i64>,
}

#[derive(QueryableByName)]
struct GroupCount {
    #[diesel(sql_type = Text)]
    state: String,
    #[diesel(sql_type = Text)]
    queue: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Plan {
    #[diesel(sql_type = Text)]
    #[diesel(column_name = "QUERY PLAN")]
    plan: String,
}

#[derive(QueryableByName)]
struct QueueNames {
    #[diesel(sql_type = diesel::sql_types::Array<Text>)]
    queues: Vec<String>,
}

fn table_stats(conn: &mut PgConnection, prefix: &str) -> CliResult<TableStats> {
    Ok(diesel::sql_query(
        "SELECT greatest(c.reltuples, 0)::float8 AS rows, \
                CASE WHEN s.last_analyze IS NULL AND s.last_autoanalyze IS NULL THEN NULL \
                     ELSE s.n_mod_since_analyze END AS modified \
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
         LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid \
         WHERE n.nspname = $1 AND c.relname = 'oban_jobs'",
    )
    .bind::<Text, _>(prefix)
    .get_result(conn)?)
}

/// The planner's row estimate for `SELECT 1 FROM oban_jobs j WHERE <condition>`. EXPLAIN takes no
/// bind parameters here, so the condition is built from quoted literals only.
fn estimate(conn: &mut PgConnection, jobs: &JobsTable, condition: &str) -> CliResult<i64> {
    let plan: Plan = diesel::sql_query(format!(
        "EXPLAIN (FORMAT JSON) SELECT 1 FROM {} j WHERE {condition}",
        jobs.table
    ))
    .get_result(conn)?;
    let doc: Value = serde_json::from_str(&plan.plan).map_err(CliError::internal)?;
    Ok(doc[0]["Plan"]["Plan Rows"].as_f64().unwrap_or(0.0).round() as i64)
}

fn bounded_count(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    state: JobState,
    queues: &[String],
) -> CliResult<i64> {
    let filter = JobFilter {
        states: vec![state],
        queues: queues.to_vec(),
        ..Default::default()
    };
    let mut sql = Sql::default();
    let conditions = filter.conditions(&mut sql, &jobs.state_type);
    let cap = sql.bind(Bind::BigInt(BOUND));
    let row: Count = bound_query(
        &format!(
            "SELECT count(*)::bigint AS n FROM (SELECT 1 FROM {} j WHERE {conditions} LIMIT {cap}) s",
            jobs.table
        ),
        &sql.binds,
    )
    .get_result(conn)?;
    Ok(row.n)
}

/// The most common queues in the statistics (those the planner can estimate).
fn known_queues(conn: &mut PgConnection, prefix: &str) -> CliResult<Vec<String>> {
    let rows: Vec<QueueNames> = diesel::sql_query(
        "SELECT most_common_vals::text::text[] AS queues FROM pg_stats \
         WHERE schemaname = $1 AND tablename = 'oban_jobs' AND attname = 'queue' AND most_common_vals IS NOT NULL",
    )
    .bind::<Text, _>(prefix)
    .load(conn)?;
    Ok(rows
        .into_iter()
        .next()
        .map(|r| r.queues)
        .unwrap_or_default())
}

pub fn run(settings: &Settings, printer: &Printer, args: JobsCountArgs) -> CliResult<ExitStatus> {
    let db = Database::connect(settings, printer)?;
    let jobs = JobsTable::new(db.prefix());
    let queues = split_list(&args.queues);
    let states: Vec<JobState> = if args.states.is_empty() {
        JobState::ALL.to_vec()
    } else {
        args.states.clone()
    };
    let report = db.read(|conn| {
        require_oban(conn, db.prefix())?;
        let stats = table_stats(conn, db.prefix())?;
        let stale = match stats.modified {
            None => true,
            Some(modified) => modified as f64 > STALE_SHARE * stats.rows.max(1.0),
        };
        let table_rows = stats.rows.round() as i64;
        let small = {
            let row: Count = diesel::sql_query(format!(
                "SELECT count(*)::bigint AS n FROM (SELECT 1 FROM {} j LIMIT {EXACT_BELOW_ROWS}) s",
                jobs.table
            ))
            .get_result(conn)?;
            row.n < EXACT_BELOW_ROWS
        };
        let mut by_state: BTreeMap<String, CountCell> = BTreeMap::new();
        let mut by_queue: BTreeMap<String, CountCell> = BTreeMap::new();
        if args.exact || small {
            let filter = JobFilter {
                states: args.states.clone(),
                queues: queues.clone(),
                ..Default::default()
            };
            let mut sql = Sql::default();
            let conditions = filter.conditions(&mut sql, &jobs.state_type);
            let groups: Vec<GroupCount> = bound_query(
                &format!(
                    "SELECT j.state::text AS state, j.queue, count(*)::bigint AS n FROM {} j WHERE {conditions} \
                     GROUP BY 1, 2 ORDER BY 1, 2",
                    jobs.table
                ),
                &sql.binds,
            )
            .load(conn)?;
            for state in &states {
                by_state.insert(state.as_str().to_string(), CountCell::exact(0));
            }
            for queue in &queues {
                by_queue.insert(queue.clone(), CountCell::exact(0));
            }
            for g in &groups {
                by_state.entry(g.state.clone()).or_insert(CountCell::exact(0)).count += g.n;
                by_queue.entry(g.queue.clone()).or_insert(CountCell::exact(0)).count += g.n;
            }
            let cells = groups
                .iter()
                .map(|g| (g.state.clone(), g.queue.clone(), g.n))
                .collect();
            return Ok(JobCount::new(CountMethod::Exact, table_rows, stale, by_state, by_queue, Some(cells)));
        }
        if !queues.is_empty() || stale {
            // Bounded counts through the (state, queue, ...) index: true numbers for these queues
            // (or, with stale statistics, for the whole table), floors where a count hit the bound.
            for state in &states {
                let n = bounded_count(conn, &jobs, *state, &queues)?;
                by_state.insert(state.as_str().to_string(), CountCell::bounded(n, BOUND));
            }
            if queues.len() == 1 {
                let total: i64 = by_state.values().map(|c| c.count).sum();
                let at_least = by_state.values().any(|c| c.at_least);
                by_queue.insert(queues[0].clone(), CountCell { count: total, at_least, estimated: false });
            }
            return Ok(JobCount::new(CountMethod::Bounded, table_rows, stale, by_state, by_queue, None));
        }
        for state in &states {
            let condition = format!("j.state = '{}'::{}", state.as_str(), jobs.state_type);
            by_state.insert(state.as_str().to_string(), CountCell::estimated(estimate(conn, &jobs, &condition)?));
        }
        let state_condition = if args.states.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = args.states.iter().map(|s| ident::literal(s.as_str())).collect();
            format!(" AND j.state::text IN ({})", names.join(", "))
        };
        for queue in known_queues(conn, db.prefix())? {
            let condition = format!("j.queue = {}{state_condition}", ident::literal(&queue));
            by_queue.insert(queue.clone(), CountCell::estimated(estimate(conn, &jobs, &condition)?));
        }
        Ok(JobCount::new(CountMethod::Estimated, table_rows, stale, by_state, by_queue, None))
    })?;
    printer.emit(&report)?;
    match report.method {
        CountMethod::Estimated => printer.status(format!(
            "Planner estimates from fresh statistics (the table holds about {} rows); pass --exact to count.",
            crate::output::fmt::number(report.table_rows_estimate)
        )),
        CountMethod::Bounded if report.by_state.values().any(|c| c.at_least) => printer.status(format!(
            "Counts marked ≥ stopped at {}; pass --exact to count them all.",
            crate::output::fmt::number(BOUND)
        )),
        CountMethod::Bounded if report.statistics_stale => printer.status(
            "The planner's statistics are stale (run ANALYZE on oban_jobs), so these are counts, not estimates.",
        ),
        _ => {}
    }
    Ok(ExitStatus::Success)
}
