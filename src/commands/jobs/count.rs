//! `jobs count`: by state and queue. On a large table it reads the planner's row estimates
//! (`EXPLAIN`), as oban-py's `oban_count_estimate` does, instead of scanning; `--exact` counts.

use std::collections::BTreeMap;

use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Double, Text};
use diesel::{QueryableByName, RunQueryDsl};
use serde_json::{json, Value};

use super::require_oban;
use crate::cli::JobsCountArgs;
use crate::db::jobs::JobsTable;
use crate::db::{bound_query, ident, Database};
use crate::error::{CliResult, ExitStatus};
use crate::jobs::filter::{JobFilter, Sql};
use crate::jobs::JobState;
use crate::printer::Printer;
use crate::settings::Settings;

/// Below this many rows (by the planner's table statistics) an exact count is cheap.
const EXACT_BELOW_ROWS: f64 = 100_000.0;

#[derive(QueryableByName)]
struct Reltuples {
    #[diesel(sql_type = Double)]
    rows: f64,
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

fn table_rows(conn: &mut PgConnection, prefix: &str) -> CliResult<f64> {
    let row: Reltuples = diesel::sql_query(
        "SELECT c.reltuples::float8 AS rows FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = $1 AND c.relname = 'oban_jobs'",
    )
    .bind::<Text, _>(prefix)
    .get_result(conn)?;
    Ok(row.rows)
}

/// The planner's row estimate for `SELECT 1 FROM oban_jobs j WHERE <condition>`. EXPLAIN takes no
/// bind parameters here, so the condition is built from quoted literals only.
fn estimate(conn: &mut PgConnection, jobs: &JobsTable, condition: &str) -> CliResult<i64> {
    let plan: Plan = diesel::sql_query(format!(
        "EXPLAIN (FORMAT JSON) SELECT 1 FROM {} j WHERE {condition}",
        jobs.table
    ))
    .get_result(conn)?;
    let doc: Value =
        serde_json::from_str(&plan.plan).map_err(|e| crate::error::CliError::Internal(e.into()))?;
    Ok(doc[0]["Plan"]["Plan Rows"].as_f64().unwrap_or(0.0).round() as i64)
}

fn in_list(values: &[String]) -> String {
    values
        .iter()
        .map(|v| ident::literal(v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The queues to estimate for: those asked for, else the most common ones in the statistics.
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
    let states: Vec<JobState> = if args.states.is_empty() {
        JobState::ALL.to_vec()
    } else {
        args.states.clone()
    };
    let doc = db.read(|conn| {
        require_oban(conn, db.prefix())?;
        let rows = table_rows(conn, db.prefix())?;
        if args.exact || rows < EXACT_BELOW_ROWS {
            let filter = JobFilter {
                states: args.states.clone(),
                queues: args.queues.clone(),
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
            let mut by_state: BTreeMap<String, i64> = states.iter().map(|s| (s.as_str().to_string(), 0)).collect();
            let mut by_queue: BTreeMap<String, i64> = BTreeMap::new();
            for g in &groups {
                *by_state.entry(g.state.clone()).or_default() += g.n;
                *by_queue.entry(g.queue.clone()).or_default() += g.n;
            }
            let cells: Vec<Value> = groups
                .iter()
                .map(|g| json!({"state": g.state, "queue": g.queue, "count": g.n}))
                .collect();
            Ok(json!({
                "estimated": false,
                "total": groups.iter().map(|g| g.n).sum::<i64>(),
                "by_state": by_state,
                "by_queue": by_queue,
                "by_state_and_queue": cells,
            }))
        } else {
            let queue_condition = if args.queues.is_empty() {
                String::new()
            } else {
                format!(" AND j.queue IN ({})", in_list(&args.queues))
            };
            let mut by_state = BTreeMap::new();
            for state in &states {
                let condition = format!("j.state = '{}'::{}{queue_condition}", state.as_str(), jobs.state_type);
                by_state.insert(state.as_str().to_string(), estimate(conn, &jobs, &condition)?);
            }
            let queues = if args.queues.is_empty() { known_queues(conn, db.prefix())? } else { args.queues.clone() };
            let state_condition = if args.states.is_empty() {
                String::new()
            } else {
                let names: Vec<String> = args.states.iter().map(|s| s.as_str().to_string()).collect();
                format!(" AND j.state::text IN ({})", in_list(&names))
            };
            let mut by_queue = BTreeMap::new();
            for queue in &queues {
                let condition = format!("j.queue = {}{state_condition}", ident::literal(queue));
                by_queue.insert(queue.clone(), estimate(conn, &jobs, &condition)?);
            }
            Ok(json!({
                "estimated": true,
                "table_rows": rows.round() as i64,
                "total": by_state.values().sum::<i64>(),
                "by_state": by_state,
                "by_queue": by_queue,
            }))
        }
    })?;
    print(printer, &doc)?;
    Ok(ExitStatus::Success)
}

fn print(printer: &Printer, doc: &Value) -> CliResult<()> {
    if printer.is_json() {
        return printer.json(doc);
    }
    let estimated = doc["estimated"].as_bool().unwrap_or(false);
    let label = if estimated { "estimated" } else { "count" };
    let mut table = printer.table(&["state", label]);
    for (state, n) in doc["by_state"].as_object().into_iter().flatten() {
        table.add_row(vec![state.clone(), n.to_string()]);
    }
    printer.print_table(&table)?;
    printer.line("")?;
    let mut table = printer.table(&["queue", label]);
    for (queue, n) in doc["by_queue"].as_object().into_iter().flatten() {
        table.add_row(vec![queue.clone(), n.to_string()]);
    }
    printer.print_table(&table)?;
    if estimated {
        printer.status(&format!(
            "Planner estimates (the table holds about {} rows); pass --exact to count.",
            doc["table_rows"]
        ));
    }
    Ok(())
}
