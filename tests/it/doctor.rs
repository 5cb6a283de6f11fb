//! `obanctl doctor` against real schemas: each check made to pass, warn and fail, the JSON report
//! validated against the published schema, and the exit code equal to the report's.

use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::{QueryableByName, RunQueryDsl};
use serde_json::Value;

use crate::common::{connect, literal, unique_name, TestSchema};

fn validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(include_str!("../../docs/doctor.schema.json")).unwrap();
    jsonschema::validator_for(&schema).expect("the published schema is valid JSON Schema")
}

struct Run {
    code: i32,
    report: Value,
    stderr: String,
}

/// Runs `doctor --format json` with `args`; checks stdout is exactly one schema-valid document
/// whose exit_code equals the process's.
fn doctor_in(mut cmd: assert_cmd::Command, args: &[&str]) -> Run {
    let output = cmd
        .args(["doctor", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stdout.lines().count(),
        1,
        "one JSON document:\n{stdout}\n{stderr}"
    );
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let errors: Vec<String> = validator()
        .iter_errors(&report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "schema violations: {errors:?}\n{report:#}"
    );
    let code = output.status.code().unwrap();
    assert_eq!(report["exit_code"], code, "{report:#}\n{stderr}");
    Run {
        code,
        report,
        stderr,
    }
}

fn doctor(schema: &TestSchema, args: &[&str]) -> Run {
    doctor_in(schema.cmd(), args)
}

impl Run {
    fn status(&self, check: &str) -> String {
        self.report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == check)
            .unwrap_or_else(|| panic!("no check {check} in {:#}", self.report))["status"]
            .as_str()
            .unwrap()
            .to_string()
    }

    fn summary(&self, check: &str) -> String {
        self.report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == check)
            .unwrap()["summary"]
            .as_str()
            .unwrap()
            .to_string()
    }

    fn findings(&self, check: &str) -> Vec<Value> {
        self.report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["check"] == check)
            .cloned()
            .collect()
    }

    fn codes(&self, check: &str) -> Vec<String> {
        self.findings(check)
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    }

    /// The one finding of `check` with `code`.
    fn finding(&self, check: &str, code: &str) -> Value {
        self.findings(check)
            .into_iter()
            .find(|f| f["code"] == code)
            .unwrap_or_else(|| panic!("no {code} finding for {check}: {:#}", self.report))
    }

    fn all_ok_except(&self, exceptions: &[&str]) {
        for check in self.report["checks"].as_array().unwrap() {
            let id = check["id"].as_str().unwrap();
            if !exceptions.contains(&id) {
                assert_eq!(check["status"], "ok", "{id}: {:#}", self.report);
            }
        }
    }
}

/// A healthy Oban v14 schema with Powertools tables and a live leader.
fn healthy(tag: &str) -> TestSchema {
    let schema = TestSchema::with_oban(tag);
    add_leader(&schema, "1 minute");
    schema
}

fn add_leader(schema: &TestSchema, expires_in: &str) {
    schema.sql(&format!(
        "INSERT INTO {}.oban_peers (name, node, started_at, expires_at) \
         VALUES ('Oban', 'web-1@host', timezone('UTC', now()), timezone('UTC', now()) + interval {})",
        schema.quoted(),
        literal(expires_in)
    ));
}

/// Inserts `n` jobs in `state`; `extra` sets more columns, e.g. `meta = '{}'`.
fn jobs(schema: &TestSchema, n: i64, state: &str, extra: &str) {
    schema.sql(&format!(
        "INSERT INTO {0}.oban_jobs (state, queue, worker, args) \
         SELECT {1}::{0}.oban_job_state, 'default', 'MyApp.Worker', jsonb_build_object('n', g) \
         FROM generate_series(1, {n}) g",
        schema.quoted(),
        literal(state)
    ));
    if !extra.is_empty() {
        schema.sql(&format!(
            "UPDATE {}.oban_jobs SET {extra} WHERE state = {}",
            schema.quoted(),
            literal(state)
        ));
    }
}

#[test]
fn a_healthy_schema_is_clean_in_json_and_for_people() {
    let schema = healthy("doc_ok");
    let run = doctor(&schema, &[]);
    assert_eq!(run.code, 0, "{:#}", run.report);
    run.all_ok_except(&[]);
    assert_eq!(run.report["checks"].as_array().unwrap().len(), 13);
    assert_eq!(run.report["schema_version"], 1);
    assert_eq!(run.report["prefix"], schema.name.as_str());
    assert_eq!(run.report["prefix_source"], "env OBANCTL_PREFIX");
    assert_eq!(run.report["oban_db_version"], 14);
    assert_eq!(run.report["oban_version_installed"], 14);
    assert_eq!(run.report["findings"], serde_json::json!([]));

    let human = schema.cmd().arg("doctor").assert().success();
    let out = String::from_utf8(human.get_output().stdout.clone()).unwrap();
    assert!(out.starts_with("Oban Powertools Doctor"), "{out}");
    assert!(out.contains("Status: OK — no issues found"), "{out}");
    assert!(
        out.contains(&format!("prefix {} (env OBANCTL_PREFIX)", schema.name)),
        "{out}"
    );
    assert!(!out.contains('\u{1b}'), "no colour with NO_COLOR");
}

#[test]
fn an_oban_py_schema_is_recognised_and_judged_by_its_own_index_set() {
    let schema = TestSchema::new("doc_py");
    schema
        .cmd()
        .args(["install", "--with-oban", "python", "-q"])
        .assert()
        .success();
    schema.sql(&format!(
        "INSERT INTO {}.oban_leaders (name, node, elected_at, expires_at) \
         VALUES ('oban', 'py-1', timezone('UTC', now()), timezone('UTC', now()) + interval '30 seconds')",
        schema.quoted()
    ));
    let run = doctor(&schema, &[]);
    assert_eq!(run.code, 0, "{:#}", run.report);
    assert_eq!(run.report["oban_flavour"], "python");
    assert_eq!(run.report["oban_db_version"], Value::Null);
    assert!(run.summary("oban_version").contains("oban-py"));

    schema.sql(&format!(
        "DROP INDEX {}.oban_jobs_staging_index",
        schema.quoted()
    ));
    let run = doctor(&schema, &["--only", "missing_indexes"]);
    assert_eq!(run.code, 2);
    let finding = &run.findings("missing_indexes")[0];
    assert_eq!(finding["code"], "INDEX_MISSING");
    assert!(finding["remediation_sql"]
        .as_str()
        .unwrap()
        .contains(&format!(
            "'scheduled'::\"{}\".\"oban_job_state\"",
            schema.name
        )));
}

#[test]
fn a_missing_prefix_is_one_root_cause_and_the_dependent_checks_are_skipped() {
    let schema = TestSchema::new("doc_noprefix");
    let run = doctor(&schema, &[]);
    assert_eq!(run.code, 2);
    let errors: Vec<&Value> = run.report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{:#}", run.report);
    assert_eq!(errors[0]["code"], "PREFIX_MISSING");
    for check in [
        "missing_indexes",
        "uniqueness_backlog",
        "stuck_executing",
        "leadership",
    ] {
        assert_eq!(run.status(check), "skipped");
    }
    // Not skipped: they do not read oban_jobs.
    assert_eq!(run.status("long_transactions"), "ok");
    assert_eq!(run.status("powertools_tables"), "warning");

    schema.sql(&format!("CREATE SCHEMA {}", schema.quoted()));
    let run = doctor(&schema, &["--only", "oban_version"]);
    assert_eq!(run.codes("oban_version"), ["OBAN_JOBS_MISSING"]);
}

#[test]
fn a_mixed_case_quoted_prefix_works_everywhere() {
    let schema = TestSchema::named(format!("My Jobs {}", unique_name("doc")));
    schema
        .cmd()
        .args(["install", "--with-oban", "-q"])
        .assert()
        .success();
    add_leader(&schema, "1 minute");
    jobs(
        &schema,
        3,
        "retryable",
        "meta = '{\"__deadline_at__\": \"2020-01-01T00:00:00Z\"}'",
    );
    let run = doctor(&schema, &[]);
    assert_eq!(run.code, 1, "{:#}", run.report);
    run.all_ok_except(&["expired_deadlines"]);
    assert_eq!(run.codes("expired_deadlines"), ["DEADLINE_EXPIRED"]);
}

#[test]
fn version_drift_ahead_infinity_and_a_lost_comment() {
    let schema = healthy("doc_version");
    let comment = |text: &str| {
        schema.sql(&format!(
            "COMMENT ON TABLE {}.oban_jobs IS {text}",
            schema.quoted()
        ))
    };
    comment("'12'");
    // A v12 host: the v13 indexes are not expected, only the drift is reported.
    schema.sql(&format!(
        "DROP INDEX {0}.oban_jobs_state_cancelled_at_index; DROP INDEX {0}.oban_jobs_state_discarded_at_index",
        schema.quoted()
    ));
    let run = doctor(&schema, &[]);
    assert_eq!(run.code, 2);
    assert_eq!(run.codes("oban_version"), ["VERSION_BEHIND"]);
    assert_eq!(run.status("missing_indexes"), "ok");
    assert_eq!(run.report["oban_db_version"], 12);
    let run = doctor(&schema, &["--oban-version", "12"]);
    assert_eq!(run.code, 0, "{:#}", run.report);

    comment("'15'");
    let run = doctor(&schema, &["--only", "oban_version"]);
    assert_eq!(
        (run.code, run.codes("oban_version")),
        (1, vec!["VERSION_AHEAD".to_string()])
    );

    comment("'∞'");
    assert_eq!(doctor(&schema, &["--only", "oban_version"]).code, 0);

    comment("NULL");
    let run = doctor(&schema, &["--only", "oban_version"]);
    assert_eq!(run.codes("oban_version"), ["VERSION_COMMENT_MISSING"]);
    assert_eq!(run.code, 1);
}

#[test]
fn a_failed_concurrent_unique_build_and_its_ccnew_leftover_get_repairs_that_work() {
    let schema = healthy("doc_invalid");
    jobs(&schema, 2, "available", "");
    let q = schema.quoted();
    let mut conn = connect();
    let failed = conn.batch_execute(&format!(
        "CREATE UNIQUE INDEX CONCURRENTLY dup_queue ON {q}.oban_jobs (queue)"
    ));
    assert!(failed.is_err(), "duplicates make the build fail");
    let run = doctor(&schema, &[]);
    assert_eq!(run.code, 2);
    assert_eq!(run.codes("index_validity"), ["INDEX_INVALID_UNIQUE"]);
    let sql = run.findings("index_validity")[0]["remediation_sql"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        sql.starts_with(&format!(
            "DROP INDEX CONCURRENTLY IF EXISTS {q}.\"dup_queue\";"
        )),
        "{sql}"
    );
    assert!(
        sql.contains("CREATE UNIQUE INDEX CONCURRENTLY dup_queue ON"),
        "{sql}"
    );

    // What the original doctor advised: it fails again and leaves a _ccnew copy behind.
    assert!(conn
        .batch_execute(&format!("REINDEX INDEX CONCURRENTLY {q}.dup_queue"))
        .is_err());
    let run = doctor(&schema, &["--only", "index_validity"]);
    let mut codes = run.codes("index_validity");
    codes.sort();
    assert_eq!(codes, ["INDEX_INVALID_CCNEW", "INDEX_INVALID_UNIQUE"]);

    // Following the advice: drop the leftover, remove duplicates, run the printed statements.
    let ccnew = run.finding("index_validity", "INDEX_INVALID_CCNEW");
    let drop_leftover = ccnew["remediation_sql"]
        .as_str()
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    conn.batch_execute(&drop_leftover).unwrap();
    schema.sql(&format!("UPDATE {q}.oban_jobs SET queue = 'q' || id"));
    for statement in sql.lines().filter(|l| !l.starts_with("--")) {
        conn.batch_execute(statement).unwrap();
    }
    let run = doctor(&schema, &["--only", "index_validity"]);
    assert_eq!(run.code, 0, "{:#}", run.report);
}

#[test]
fn a_plain_invalid_index_gets_reindex_and_a_powertools_index_is_checked_too() {
    let schema = healthy("doc_invalid_plain");
    schema.sql(&format!(
        "UPDATE pg_index SET indisvalid = false WHERE indexrelid IN \
         ('{0}.oban_jobs_meta_index'::regclass, '{0}.oban_powertools_heartbeats_health_state_index'::regclass)",
        schema.quoted().replace('\'', "''")
    ));
    let run = doctor(&schema, &["--only", "index_validity"]);
    assert_eq!(run.code, 2);
    let fixes: Vec<String> = run
        .findings("index_validity")
        .iter()
        .map(|f| f["remediation_sql"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(fixes.len(), 2, "{fixes:?}");
    for fix in &fixes {
        assert!(fix.starts_with("REINDEX INDEX CONCURRENTLY"), "{fix}");
        connect().batch_execute(fix).unwrap();
    }
    assert_eq!(doctor(&schema, &["--only", "index_validity"]).code, 0);
}

#[test]
fn the_oban_2_21_0_damage_is_named_and_its_statements_repair_it() {
    let schema = healthy("doc_2210");
    schema.sql(&format!(
        "DROP INDEX {0}.oban_jobs_state_queue_priority_scheduled_at_id_index; \
         DROP INDEX {0}.oban_jobs_state_cancelled_at_index; DROP INDEX {0}.oban_jobs_state_discarded_at_index",
        schema.quoted()
    ));
    let run = doctor(&schema, &[]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.status("oban_version"),
        "ok",
        "the comment still says 14"
    );
    assert_eq!(run.codes("missing_indexes"), ["OBAN_2_21_0_DAMAGE"]);
    let sql = run.findings("missing_indexes")[0]["remediation_sql"]
        .as_str()
        .unwrap()
        .to_string();
    let mut conn = connect();
    for statement in sql.lines() {
        assert!(statement.starts_with("CREATE INDEX CONCURRENTLY IF NOT EXISTS"));
        conn.batch_execute(statement).unwrap();
    }
    let run = doctor(&schema, &[]);
    assert_eq!(run.code, 0, "{:#}", run.report);
}

#[test]
fn a_missing_gin_index_is_reported_once_and_legacy_objects_warn() {
    let schema = healthy("doc_gin");
    let q = schema.quoted();
    schema.sql(&format!("DROP INDEX {q}.oban_jobs_args_index"));
    let run = doctor(&schema, &[]);
    assert_eq!(run.code, 2);
    assert_eq!(run.codes("missing_indexes"), ["INDEX_MISSING"]);
    assert!(
        run.findings("uniqueness_backlog").is_empty(),
        "not repeated"
    );
    assert!(run
        .summary("uniqueness_backlog")
        .contains("oban_jobs_args_index"));

    schema.sql(&format!(
        "CREATE INDEX oban_jobs_args_index ON {q}.oban_jobs USING gin (args); \
         CREATE INDEX oban_jobs_queue_index ON {q}.oban_jobs (queue); \
         CREATE FUNCTION {q}.oban_jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$; \
         CREATE TRIGGER oban_notify AFTER INSERT ON {q}.oban_jobs FOR EACH ROW EXECUTE FUNCTION {q}.oban_jobs_notify()"
    ));
    let run = doctor(&schema, &["--only", "missing_indexes"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.codes("missing_indexes"),
        ["INDEX_LEGACY", "NOTIFY_TRIGGER_LEFTOVER"]
    );
    let mut conn = connect();
    for finding in run.findings("missing_indexes") {
        for statement in finding["remediation_sql"].as_str().unwrap().lines() {
            conn.batch_execute(statement).unwrap();
        }
    }
    assert_eq!(doctor(&schema, &["--only", "missing_indexes"]).code, 0);
}

#[test]
fn powertools_tables_partial_absent_and_elsewhere() {
    let schema = healthy("doc_pt");
    schema.sql(&format!(
        "DROP TABLE {}.oban_powertools_job_records",
        schema.quoted()
    ));
    let run = doctor(&schema, &["--only", "powertools_tables"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.findings("powertools_tables")[0]["subject"],
        "output-recording"
    );

    let other = schema.companion("doc_pt_other");
    schema.sql(&format!("CREATE SCHEMA {}", crate::common::quote(&other)));
    let run = doctor(
        &schema,
        &["--only", "powertools_tables", "--powertools-schema", &other],
    );
    assert_eq!(
        (run.code, run.codes("powertools_tables")),
        (1, vec!["POWERTOOLS_NOT_INSTALLED".to_string()])
    );
    schema
        .cmd()
        .args(["install", "-q", "--powertools-schema", &other])
        .assert()
        .success();
    assert_eq!(
        doctor(
            &schema,
            &["--only", "powertools_tables", "--powertools-schema", &other]
        )
        .code,
        0
    );
}

#[test]
fn the_backlog_threshold_is_inclusive_and_strict_makes_it_an_error() {
    let schema = healthy("doc_backlog");
    jobs(&schema, 6, "available", "");
    jobs(
        &schema,
        3,
        "completed",
        "completed_at = timezone('UTC', now())",
    );
    let backlog = |threshold: &str, extra: &[&str]| {
        let mut args = vec![
            "--only",
            "uniqueness_backlog",
            "--backlog-threshold",
            threshold,
        ];
        args.extend_from_slice(extra);
        doctor(&schema, &args)
    };
    assert_eq!(backlog("10", &[]).code, 0, "9 < 10");
    let at = backlog("9", &[]);
    assert_eq!(at.code, 1, "9 >= 9");
    let data = &at.findings("uniqueness_backlog")[0]["data"];
    assert_eq!(
        data["by_state"]["completed"], 3,
        "completed is a unique state"
    );
    assert_eq!(data["total"], 9);
    assert_eq!(backlog("8", &[]).code, 1);
    let strict = backlog("8", &["--strict"]);
    assert_eq!(strict.code, 2);
    assert_eq!(
        strict.findings("uniqueness_backlog")[0]["severity"],
        "error"
    );
    assert_eq!(strict.status("uniqueness_backlog"), "error");
}

#[test]
fn deadlines_use_the_database_clock_and_survive_null_and_garbage() {
    let schema = healthy("doc_deadline");
    let deadline = |state: &str, value: &str| {
        schema.sql(&format!(
            "INSERT INTO {0}.oban_jobs (state, queue, worker, meta) \
             VALUES ({1}::{0}.oban_job_state, 'default', 'Example.Worker', jsonb_build_object('__deadline_at__', {value}))",
            schema.quoted(),
            literal(state)
        ))
    };
    deadline(
        "retryable",
        "to_char(now() - interval '1 minute', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
    );
    deadline(
        "retryable",
        "to_char(now() + interval '1 hour', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
    );
    deadline("available", "'2020-01-01T00:00:00Z'");
    let run = doctor(&schema, &["--only", "expired_deadlines"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.codes("expired_deadlines"), ["DEADLINE_EXPIRED"]);
    assert_eq!(run.findings("expired_deadlines")[0]["data"]["count"], 1);

    deadline("retryable", "NULL::text");
    deadline("retryable", "'not-a-date'");
    deadline("retryable", "'2026-06-12T12:00:00'");
    deadline("retryable", "42");
    let run = doctor(&schema, &["--only", "expired_deadlines"]);
    assert_eq!(
        run.codes("expired_deadlines"),
        ["DEADLINE_EXPIRED", "DEADLINE_MALFORMED"]
    );
    assert_eq!(run.findings("expired_deadlines")[1]["data"]["count"], 4);
    assert_eq!(
        doctor(&schema, &["--only", "expired_deadlines", "--strict"]).code,
        2
    );
}

#[test]
fn stuck_jobs_by_age_and_on_nodes_that_stopped_heartbeating() {
    let schema = healthy("doc_stuck");
    let q = schema.quoted();
    schema.sql(&format!(
        "INSERT INTO {q}.oban_jobs (state, queue, worker, attempted_at, attempted_by) VALUES \
         ('executing', 'default', 'W', timezone('UTC', now()) - interval '2 hours', ARRAY['web-1', 'p1']), \
         ('executing', 'default', 'W', timezone('UTC', now()) - interval '1 minute', ARRAY['web-9', 'p9'])"
    ));
    let run = doctor(&schema, &["--only", "stuck_executing"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.codes("stuck_executing"), ["EXECUTING_TOO_LONG"]);
    assert!(run.summary("stuck_executing").contains("by age only"));

    schema.sql(&format!(
        "INSERT INTO {q}.oban_powertools_heartbeats (id, executor_id, node, producer_scope, last_heartbeat_at, inserted_at, updated_at) VALUES \
         (gen_random_uuid(), 'e1', 'web-1', 'default', timezone('UTC', now()), now(), now()), \
         (gen_random_uuid(), 'e9', 'web-9', 'default', timezone('UTC', now()) - interval '1 hour', now(), now())"
    ));
    let run = doctor(&schema, &["--only", "stuck_executing"]);
    let mut codes = run.codes("stuck_executing");
    codes.sort();
    assert_eq!(codes, ["EXECUTING_ON_GONE_NODE", "EXECUTING_TOO_LONG"]);
    let gone = run.finding("stuck_executing", "EXECUTING_ON_GONE_NODE");
    assert_eq!(gone["data"]["nodes"], serde_json::json!(["web-9"]));
    assert_eq!(
        doctor(
            &schema,
            &["--only", "stuck_executing", "--fail-on", "warning"]
        )
        .code,
        2
    );
}

#[test]
fn overdue_available_names_the_queue_and_missing_staging_blames_the_leader() {
    let schema = TestSchema::with_oban("doc_overdue");
    let q = schema.quoted();
    schema.sql(&format!(
        "INSERT INTO {q}.oban_jobs (state, queue, worker, scheduled_at) VALUES \
         ('available', 'mailers', 'W', timezone('UTC', now()) - interval '1 hour'), \
         ('available', 'fresh', 'W', timezone('UTC', now())), \
         ('scheduled', 'default', 'W', timezone('UTC', now()) - interval '1 hour')"
    ));
    let run = doctor(&schema, &["--only", "overdue_available"]);
    assert_eq!(run.code, 1);
    let findings = run.findings("overdue_available");
    assert_eq!(findings.len(), 2, "{findings:#?}");
    assert_eq!(findings[0]["subject"], "mailers");
    assert!(findings[1]["message"]
        .as_str()
        .unwrap()
        .contains("no live leader"));
    assert_eq!(
        doctor(
            &schema,
            &["--only", "overdue_available", "--overdue-after", "2h"]
        )
        .code,
        0
    );
    assert_eq!(
        doctor(
            &schema,
            &["--only", "overdue_available", "--fail-on", "warning"]
        )
        .code,
        2
    );
}

#[test]
fn dead_tuples_warn_then_fail_and_a_disabled_autovacuum_is_flagged() {
    let schema = healthy("doc_bloat");
    let q = schema.quoted();
    let mut conn = connect();
    conn.batch_execute(&format!(
        "ALTER TABLE {q}.oban_jobs SET (autovacuum_enabled = false); \
         INSERT INTO {q}.oban_jobs (state, queue, worker) SELECT 'completed', 'default', 'W' FROM generate_series(1, 12000); \
         DELETE FROM {q}.oban_jobs WHERE id % 3 <> 0; \
         SELECT pg_stat_force_next_flush();"
    ))
    .unwrap();
    // Statistics reach the shared counters asynchronously; wait until doctor can see them.
    let deadline = Instant::now() + Duration::from_secs(20);
    let run = loop {
        let run = doctor(&schema, &["--only", "table_bloat"]);
        if run
            .codes("table_bloat")
            .contains(&"TABLE_BLOAT".to_string())
            || Instant::now() > deadline
        {
            break run;
        }
        std::thread::sleep(Duration::from_millis(300));
    };
    assert_eq!(run.code, 2, "{:#}", run.report);
    let codes = run.codes("table_bloat");
    assert!(
        codes.contains(&"TABLE_BLOAT".to_string())
            && codes.contains(&"AUTOVACUUM_DISABLED".to_string()),
        "{codes:?}"
    );
    let bloat = run.finding("table_bloat", "TABLE_BLOAT");
    assert_eq!(bloat["severity"], "error");
    assert!(bloat["remediation_sql"]
        .as_str()
        .unwrap()
        .contains("autovacuum_vacuum_scale_factor"));
    let run = doctor(
        &schema,
        &["--only", "table_bloat", "--dead-ratio-error", "90%"],
    );
    assert_eq!(run.code, 1, "{:#}", run.report);
}

#[test]
fn old_finished_jobs_beyond_the_backlog_threshold_warn() {
    let schema = healthy("doc_pruner");
    jobs(
        &schema,
        5,
        "completed",
        "completed_at = timezone('UTC', now()) - interval '2 days'",
    );
    jobs(
        &schema,
        5,
        "discarded",
        "discarded_at = timezone('UTC', now())",
    );
    let run = doctor(
        &schema,
        &["--only", "completed_backlog", "--completed-backlog", "5"],
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.findings("completed_backlog")[0]["subject"], "completed");
    assert_eq!(
        doctor(
            &schema,
            &["--only", "completed_backlog", "--completed-backlog", "6"]
        )
        .code,
        0
    );
    assert_eq!(
        doctor(
            &schema,
            &[
                "--only",
                "completed_backlog",
                "--completed-backlog",
                "5",
                "--fail-on",
                "warning"
            ]
        )
        .code,
        2
    );
    assert_eq!(
        doctor(
            &schema,
            &[
                "--only",
                "completed_backlog",
                "--completed-backlog",
                "5",
                "--completed-age",
                "3days"
            ]
        )
        .code,
        0
    );
}

#[derive(QueryableByName)]
struct Pid {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pid: i32,
}

fn backend_pid(conn: &mut diesel::PgConnection) -> i32 {
    diesel::sql_query("SELECT pg_backend_pid() AS pid")
        .get_result::<Pid>(conn)
        .unwrap()
        .pid
}

#[test]
fn a_transaction_holding_back_vacuum_is_reported_with_its_pid() {
    let schema = healthy("doc_longtx");
    let mut holder = connect();
    let pid = backend_pid(&mut holder);
    holder
        .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT txid_current(); SELECT 1")
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    let run = doctor(
        &schema,
        &["--only", "long_transactions", "--long-transaction", "1s"],
    );
    assert_eq!(run.code, 1);
    let mine = run
        .findings("long_transactions")
        .into_iter()
        .find(|f| f["data"]["pid"] == pid)
        .expect("the holder is reported");
    assert_eq!(mine["code"], "IDLE_IN_TRANSACTION");
    assert_eq!(
        mine["remediation_sql"],
        format!("SELECT pg_terminate_backend({pid});")
    );
    let failing = doctor(
        &schema,
        &[
            "--only",
            "long_transactions",
            "--long-transaction",
            "1s",
            "--fail-on",
            "warning",
        ],
    );
    assert_eq!(failing.code, 2);
    holder.batch_execute("ROLLBACK").unwrap();
}

#[test]
fn sessions_waiting_for_a_row_lock_on_oban_jobs_are_reported_with_their_blocker() {
    let schema = healthy("doc_locks");
    jobs(&schema, 1, "available", "");
    let q = schema.quoted();
    let mut holder = connect();
    let holder_pid = backend_pid(&mut holder);
    holder
        .batch_execute(&format!("BEGIN; SELECT id FROM {q}.oban_jobs FOR UPDATE"))
        .unwrap();
    let mut waiter = connect();
    let waiter_pid = backend_pid(&mut waiter);
    let update = format!("UPDATE {q}.oban_jobs SET priority = 1");
    let thread = std::thread::spawn(move || waiter.batch_execute(&update).is_ok());
    let deadline = Instant::now() + Duration::from_secs(10);
    let run = loop {
        let run = doctor(&schema, &["--only", "blocked_locks"]);
        if run.code != 0 || Instant::now() > deadline {
            break run;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(run.code, 1, "{:#}", run.report);
    let finding = &run.findings("blocked_locks")[0];
    assert_eq!(finding["data"]["pid"], waiter_pid);
    assert_eq!(
        finding["data"]["blocked_by"],
        serde_json::json!([holder_pid])
    );
    assert_eq!(
        doctor(
            &schema,
            &["--only", "blocked_locks", "--fail-on", "warning"]
        )
        .code,
        2
    );
    holder.batch_execute("ROLLBACK").unwrap();
    assert!(thread.join().unwrap());
}

#[test]
fn doctor_neither_waits_behind_nor_blocks_workers_and_gives_up_on_an_exclusive_lock() {
    let schema = healthy("doc_lockheld");
    jobs(&schema, 3, "available", "");
    let q = schema.quoted();
    // EXCLUSIVE conflicts with everything but ACCESS SHARE: a check taking any stronger lock
    // (as a worker's FOR UPDATE SKIP LOCKED or CREATE INDEX CONCURRENTLY would) would time out.
    let mut holder = connect();
    holder
        .batch_execute(&format!(
            "BEGIN; LOCK TABLE {q}.oban_jobs IN EXCLUSIVE MODE"
        ))
        .unwrap();
    let run = doctor(&schema, &[]);
    assert_eq!(run.code, 0, "{:#}", run.report);
    holder.batch_execute("ROLLBACK").unwrap();

    holder
        .batch_execute(&format!(
            "BEGIN; LOCK TABLE {q}.oban_jobs IN ACCESS EXCLUSIVE MODE"
        ))
        .unwrap();
    let started = Instant::now();
    let run = doctor(&schema, &[]);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "gave up instead of hanging"
    );
    assert_eq!(run.code, 2);
    assert_eq!(run.status("uniqueness_backlog"), "cannot_run");
    assert!(run.codes("uniqueness_backlog") == ["CHECK_CANNOT_RUN"]);
    assert!(run.findings("uniqueness_backlog")[0]["remediation"]
        .as_str()
        .unwrap()
        .contains("lock"));
    assert_eq!(
        run.status("long_transactions"),
        "ok",
        "one cannot_run spoils nothing else"
    );
    assert_eq!(run.status("powertools_tables"), "ok");
    holder.batch_execute("ROLLBACK").unwrap();
}

#[test]
fn leadership_live_expired_and_absent() {
    let schema = TestSchema::with_oban("doc_leader");
    let run = doctor(&schema, &["--only", "leadership"]);
    assert_eq!(
        (run.code, run.codes("leadership")),
        (1, vec!["NO_LEADER".to_string()])
    );
    assert_eq!(
        doctor(&schema, &["--only", "leadership", "--fail-on", "warning"]).code,
        2
    );
    add_leader(&schema, "-2 minutes");
    let run = doctor(&schema, &["--only", "leadership"]);
    assert_eq!(run.codes("leadership"), ["LEADER_EXPIRED"]);
    schema.sql(&format!(
        "UPDATE {}.oban_peers SET expires_at = timezone('UTC', now()) + interval '1 minute'",
        schema.quoted()
    ));
    assert_eq!(doctor(&schema, &["--only", "leadership"]).code, 0);
    schema.sql(&format!("DROP TABLE {}.oban_peers", schema.quoted()));
    let run = doctor(&schema, &["--only", "leadership"]);
    assert_eq!(
        (run.code, run.status("leadership")),
        (0, "skipped".to_string())
    );
}

/// Doctor as a new login role with USAGE on the schema plus `grants` (`{schema}` and `{role}` are
/// filled in); the role is dropped afterwards.
fn doctor_as_role(schema: &TestSchema, grants: &str) -> Run {
    let role = unique_name("doc_role");
    let grants = grants
        .replace("{schema}", &schema.quoted())
        .replace("{role}", &role);
    schema.sql(&format!(
        "CREATE ROLE {role} LOGIN; GRANT USAGE ON SCHEMA {} TO {role}; {grants}",
        schema.quoted()
    ));
    let mut cmd = schema.cmd();
    cmd.env("DATABASE_URL", crate::common::role_url(&role));
    let run = doctor_in(cmd, &[]);
    schema.sql(&format!("DROP OWNED BY {role}; DROP ROLE {role}"));
    run
}

#[test]
fn a_select_only_role_runs_every_check() {
    let schema = healthy("doc_reader");
    let run = doctor_as_role(
        &schema,
        "GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role}",
    );
    assert_eq!(run.code, 0, "{:#}", run.report);
    assert!(run
        .summary("long_transactions")
        .contains("only this role's sessions"));
}

#[test]
fn a_role_without_select_gets_cannot_run_per_check_not_a_crash() {
    let schema = healthy("doc_noselect");
    let run = doctor_as_role(&schema, "");
    assert_eq!(run.code, 2);
    assert_eq!(run.status("uniqueness_backlog"), "cannot_run");
    assert!(run.findings("uniqueness_backlog")[0]["remediation"]
        .as_str()
        .unwrap()
        .contains("SELECT"));
    assert_eq!(
        run.status("index_validity"),
        "ok",
        "catalog checks still run"
    );
}

#[test]
fn an_unreachable_database_is_one_json_error_without_the_password() {
    let schema = TestSchema::new("doc_unreachable");
    let mut cmd = schema.cmd();
    cmd.env(
        "DATABASE_URL",
        "postgres://ops:s3cret-pw@127.0.0.1:1/postgres?connect_timeout=2",
    );
    let run = doctor_in(cmd, &[]);
    assert_eq!(run.code, 69);
    assert_eq!(run.report["error"]["kind"], "unreachable");
    assert!(!run.report.to_string().contains("s3cret-pw"));
    assert!(!run.stderr.contains("s3cret-pw"));
    let errors: Vec<serde_json::Value> = run
        .stderr
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .filter(|v: &serde_json::Value| v["kind"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    assert_eq!(errors[0]["exit"], 69);
    assert_eq!(errors[0]["code"], "unreachable");
}

#[test]
fn flags_are_validated_and_the_catalogue_is_browsable() {
    let schema = TestSchema::new("doc_flags");
    for bad in [
        vec!["doctor", "--only", "nope"],
        vec!["doctor", "--skip", "index_validity,nope"],
        vec!["doctor", "--fail-on", "sometimes"],
        vec!["doctor", "--dead-ratio", "1.5"],
        vec!["doctor", "--stuck-after", "0s"],
        vec!["doctor", "--prefx", "x"],
    ] {
        schema.cmd().args(&bad).assert().code(64);
    }
    let listed = schema
        .cmd()
        .args(["doctor", "--list-checks"])
        .assert()
        .success();
    let out = String::from_utf8(listed.get_output().stdout.clone()).unwrap();
    assert_eq!(out.lines().count(), 14, "a header and 13 checks:\n{out}");
    let explained = schema
        .cmd()
        .args(["doctor", "--explain", "uniqueness_timeout_risk"])
        .assert()
        .success();
    let out = String::from_utf8(explained.get_output().stdout.clone()).unwrap();
    assert!(
        out.starts_with(
            "uniqueness_backlog (also: uniqueness_timeout_risk): what it checks\nLooks for: "
        ),
        "{out}"
    );
}

#[test]
fn the_catalogue_is_json_lines_of_kind_check_and_explain_reads_as_no_verdict() {
    let schema = TestSchema::new("doc_catalogue");
    let listed = schema
        .cmd()
        .args(["--format", "json", "doctor", "--list-checks"])
        .assert()
        .success();
    let lines = crate::common::json_lines(&listed.get_output().stdout);
    assert_eq!(lines.len(), 13, "one line per check: {lines:?}");
    assert!(lines.iter().all(|l| l["kind"] == "check"), "{lines:?}");
    assert_eq!(lines[0]["id"], "oban_version");
    assert_eq!(lines[0]["aliases"][0], "oban_migration_version");
    let explained = schema
        .cmd()
        .args(["--format", "json", "doctor", "--explain", "stuck_executing"])
        .assert()
        .success();
    let line = crate::common::one_of_kind(
        &crate::common::json_lines(&explained.get_output().stdout),
        "check",
    );
    assert_eq!(line["id"], "stuck_executing");
    assert!(line["explain"].as_str().unwrap().contains("--stuck-after"));
    // For people: the first line names the check and what it checks, not a finding.
    let human = schema
        .cmd()
        .args(["doctor", "--explain", "oban_version"])
        .assert()
        .success();
    let out = String::from_utf8(human.get_output().stdout.clone()).unwrap();
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        "oban_version (also: oban_migration_version): what it checks"
    );
    assert!(out.contains("Looks for: oban_jobs exists"), "{out}");
}

#[test]
fn completion_scripts_offer_check_state_format_and_color_values() {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::common::base_cmd(dir.path())
        .args(["completions", "zsh"])
        .assert()
        .success();
    let script = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let line = |flag: &str| -> String {
        script
            .lines()
            .find(|l| l.contains(flag))
            .unwrap_or_else(|| panic!("no {flag} in the zsh script"))
            .to_string()
    };
    for flag in ["*--only=[", "'*--skip=[", "'--explain=["] {
        let l = line(flag);
        assert!(l.contains(":CHECK:((oban_version"), "{l}");
    }
    let l = line("'*--state=");
    assert!(l.contains("retryable") && !l.contains(":_default"), "{l}");
    assert!(line("'--format=").contains(":FORMAT:((human"));
    assert!(line("'--color=").contains(":WHEN:((auto"));
}

#[test]
fn available_jobs_with_no_attempt_left_get_their_own_finding_and_a_hint_that_repairs_them() {
    let schema = TestSchema::with_oban("doc_stranded");
    schema.sql(&format!(
        "INSERT INTO {0}.oban_jobs (state, queue, worker, attempt, max_attempts, scheduled_at) VALUES \
         ('available', 'mailers', 'W', 3, 3, timezone('UTC', now()) - interval '2 hours')",
        schema.quoted()
    ));
    let id = schema.int(&format!(
        "SELECT max(id)::bigint AS v FROM {}.oban_jobs",
        schema.quoted()
    ));
    let prefix = schema.name.clone();
    let run = doctor(
        &schema,
        &["--prefix", &prefix, "--only", "overdue_available"],
    );
    assert_eq!(
        run.codes("overdue_available"),
        ["AVAILABLE_ATTEMPTS_EXHAUSTED"],
        "{:#}",
        run.report
    );
    let finding = run.finding("overdue_available", "AVAILABLE_ATTEMPTS_EXHAUSTED");
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("attempt < max_attempts"),
        "{finding}"
    );
    let hint = finding["remediation"].as_str().unwrap().to_string();
    let command = &hint[hint.find("obanctl ").unwrap()..];
    assert!(
        command.starts_with(&format!(
            "obanctl --prefix {prefix} jobs retry --id {id} --reason '"
        )),
        "{hint}"
    );
    // Pasted as printed (plus --yes), the hint repairs the job.
    let bin = assert_cmd::cargo::cargo_bin("obanctl");
    let line = format!("{} {} --yes", bin.display(), &command["obanctl ".len()..]);
    let mut cmd = schema.cmd();
    cmd.env_remove("OBANCTL_PREFIX");
    let mut sh = assert_cmd::Command::new("sh");
    sh.env_clear().args(["-c", &line]);
    for (key, value) in cmd.get_envs() {
        match value {
            Some(v) => sh.env(key, v),
            None => sh.env_remove(key),
        };
    }
    sh.current_dir(schema.dir.path()).assert().success();
    let run = doctor(&schema, &["--only", "overdue_available"]);
    assert_eq!(run.status("overdue_available"), "ok", "{:#}", run.report);
}

#[test]
fn fail_on_and_skip_decide_the_exit_code() {
    let schema = TestSchema::with_oban("doc_failon");
    // No leader: a warning only.
    assert_eq!(doctor(&schema, &[]).code, 1);
    assert_eq!(doctor(&schema, &["--fail-on", "warning"]).code, 2);
    assert_eq!(doctor(&schema, &["--fail-on", "never"]).code, 0);
    let run = doctor(&schema, &["--skip", "leadership"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.report["checks"].as_array().unwrap().len(), 12);
    schema.sql(&format!(
        "DROP INDEX {}.oban_jobs_meta_index",
        schema.quoted()
    ));
    assert_eq!(doctor(&schema, &["--fail-on", "never"]).code, 0);
    assert_eq!(
        doctor(&schema, &["--only", "oban_version,leadership"]).code,
        1
    );
}

#[test]
fn an_index_build_in_progress_is_a_warning_not_a_failure() {
    let schema = healthy("doc_building");
    let q = schema.quoted();
    // A snapshot held elsewhere makes CREATE INDEX CONCURRENTLY wait with its index still invalid.
    let mut snapshot = connect();
    snapshot
        .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1 FROM pg_class LIMIT 1")
        .unwrap();
    let mut builder = connect();
    let create = format!("CREATE INDEX CONCURRENTLY building_idx ON {q}.oban_jobs (worker)");
    let thread = std::thread::spawn(move || builder.batch_execute(&create).is_ok());
    let deadline = Instant::now() + Duration::from_secs(10);
    let run = loop {
        let run = doctor(&schema, &["--only", "index_validity"]);
        if run.code != 0 || Instant::now() > deadline {
            break run;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    snapshot.batch_execute("COMMIT").unwrap();
    assert!(thread.join().unwrap());
    assert_eq!(run.code, 1, "{:#}", run.report);
    assert_eq!(run.codes("index_validity"), ["INDEX_BUILD_IN_PROGRESS"]);
    assert_eq!(doctor(&schema, &["--only", "index_validity"]).code, 0);
}
