//! The `diesel::table!` definitions against real catalogs: every declared column exists, and no
//! table has a column the definition lacks.

use diesel::connection::SimpleConnection;
use diesel::{QueryDsl, RunQueryDsl};

use obanctl::db::schema::{oban, oban_py, powertools};

use crate::common::{connect, literal, quote, TestSchema};

fn column_count(schema: &TestSchema, table: &str) -> usize {
    schema
        .int(&format!(
            "SELECT count(*)::bigint AS v FROM information_schema.columns WHERE table_schema = {} AND table_name = {}",
            literal(&schema.name),
            literal(table)
        )) as usize
}

macro_rules! check_tables {
    ($schema:expr, $conn:expr, $($module:ident :: $table:ident),* $(,)?) => {{
        let mut checked = 0;
        $(
            $module::$table::table
                .select($module::$table::all_columns)
                .limit(0)
                .execute(&mut $conn)
                .unwrap_or_else(|e| panic!("{}: {e}", stringify!($table)));
            assert_eq!(
                column_count(&$schema, stringify!($table)),
                $module::$table::all_columns.len_hint(),
                "{} has columns the table! definition lacks", stringify!($table)
            );
            checked += 1;
        )*
        checked
    }};
}

trait LenHint {
    fn len_hint(&self) -> usize;
}

impl<T: diesel::query_builder::QueryFragment<diesel::pg::Pg>> LenHint for T {
    fn len_hint(&self) -> usize {
        let sql = diesel::debug_query::<diesel::pg::Pg, _>(self).to_string();
        sql.split(", ").count()
    }
}

#[test]
fn elixir_schema_and_powertools_tables_match_their_definitions() {
    let schema = TestSchema::new("conf");
    schema
        .cmd()
        .args(["install", "--with-oban"])
        .assert()
        .success();
    let mut conn = connect();
    conn.batch_execute(&format!("SET search_path TO {}", quote(&schema.name)))
        .unwrap();
    let n = check_tables!(schema, conn, oban::oban_jobs, oban::oban_peers);
    assert_eq!(n, 2);
    let n = check_tables!(
        schema,
        conn,
        powertools::oban_powertools_audit_events,
        powertools::oban_powertools_idempotency_receipts,
        powertools::oban_powertools_limit_resources,
        powertools::oban_powertools_limit_states,
        powertools::oban_powertools_cron_entries,
        powertools::oban_powertools_cron_slots,
        powertools::oban_powertools_blocker_snapshots,
        powertools::oban_powertools_limiter_history_facts,
        powertools::oban_powertools_cron_coverages,
        powertools::oban_powertools_workflows,
        powertools::oban_powertools_workflow_steps,
        powertools::oban_powertools_workflow_edges,
        powertools::oban_powertools_workflow_results,
        powertools::oban_powertools_workflow_awaits,
        powertools::oban_powertools_workflow_signals,
        powertools::oban_powertools_workflow_recovery_sessions,
        powertools::oban_powertools_workflow_recovery_attempts,
        powertools::oban_powertools_callbacks,
        powertools::oban_powertools_workflow_command_attempts,
        powertools::oban_powertools_batches,
        powertools::oban_powertools_batch_jobs,
        powertools::oban_powertools_heartbeats,
        powertools::oban_powertools_lifeline_incidents,
        powertools::oban_powertools_repair_previews,
        powertools::oban_powertools_archive_runs,
        powertools::oban_powertools_repair_archives,
        powertools::oban_powertools_job_records,
    );
    assert_eq!(n, 27);
}

#[test]
fn python_flavour_matches_its_definitions_and_is_detected() {
    let schema = TestSchema::new("confpy");
    schema
        .cmd()
        .args(["install", "--with-oban", "python"])
        .assert()
        .success();
    let mut conn = connect();
    conn.batch_execute(&format!("SET search_path TO {}", quote(&schema.name)))
        .unwrap();
    check_tables!(
        schema,
        conn,
        oban_py::oban_jobs,
        oban_py::oban_leaders,
        oban_py::oban_producers
    );
    let detected = obanctl::db::catalog::oban_schema(&mut conn, &schema.name)
        .unwrap()
        .unwrap();
    assert_eq!(detected.flavour, obanctl::db::catalog::ObanFlavour::Python);
    assert_eq!(
        detected.version,
        obanctl::db::catalog::MigrationVersion::Missing
    );
}
