//! Transactions and errors under any server defaults (issue #12 §4, §5): explicit isolation,
//! obanctl's own parallel batches never timing each other out, SQLSTATE-based exit codes, runs
//! stopped by a lost connection still reporting and recording what they committed, and filter
//! values that are never stored or echoed in clear.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::{
    json_lines, literal, one_of_kind, quote, through_pooler, unique_name, TestSchema,
};

const REASON: &str = "safety test run, nothing real";

fn with_jobs(tag: &str, state: &str, n: i64) -> TestSchema {
    let schema = TestSchema::with_oban(tag);
    schema.sql(&format!(
        "INSERT INTO {0}.oban_jobs (state, queue, worker, args, attempt, max_attempts, discarded_at, cancelled_at) \
         SELECT {1}::{0}.oban_job_state, 'default', 'W', jsonb_build_object('n', g), 1, 20, now(), now() \
         FROM generate_series(1, {n}) g",
        schema.quoted(),
        literal(state)
    ));
    schema
}

fn available(schema: &TestSchema) -> i64 {
    schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM {}.oban_jobs WHERE state = 'available'",
        schema.quoted()
    ))
}

fn verify_intact(schema: &TestSchema) {
    let out = schema
        .cmd()
        .args(["--format", "json", "audit", "verify"])
        .assert()
        .success();
    assert_eq!(json_lines(&out.get_output().stdout)[0]["intact"], true);
}

/// A login role (dropped with the guard) whose defaults differ from the server's.
struct Role(String);

impl Role {
    fn superuser_with(settings: &str) -> Role {
        let name = unique_name("role");
        let schema = TestSchema::new("role_host");
        schema.sql(&format!(
            "CREATE ROLE {0} LOGIN SUPERUSER; ALTER ROLE {0} {settings}",
            quote(&name)
        ));
        Role(name)
    }

    fn url(&self) -> String {
        crate::common::role_url(&self.0)
    }
}

impl Drop for Role {
    fn drop(&mut self) {
        let _ = diesel::connection::SimpleConnection::batch_execute(
            &mut crate::common::connect(),
            &format!("DROP ROLE IF EXISTS {}", quote(&self.0)),
        );
    }
}

#[test]
fn a_serializable_or_repeatable_read_default_changes_nothing_about_bulk_runs() {
    if through_pooler("a_serializable_or_repeatable_read_default_changes_nothing_about_bulk_runs") {
        return;
    }
    for level in ["serializable", "repeatable read"] {
        let schema = with_jobs("iso", "discarded", 3000);
        let role = Role::superuser_with(&format!("SET default_transaction_isolation = '{level}'"));
        schema
            .cmd()
            .env("DATABASE_URL", role.url())
            .args([
                "jobs",
                "retry",
                "--state",
                "discarded",
                "--reason",
                REASON,
                "--yes",
                "--parallel",
                "4",
                "--batch-size",
                "100",
            ])
            .assert()
            .success();
        assert_eq!(available(&schema), 3000, "{level}");
        verify_intact(&schema);
    }
}

#[test]
fn parallel_batches_never_time_each_other_out_on_the_chain_lock() {
    let schema = with_jobs("chainlock", "discarded", 20_000);
    let out = schema
        .cmd()
        .args([
            "--lock-timeout",
            "50ms",
            "--format",
            "json",
            "jobs",
            "retry",
            "--state",
            "discarded",
            "--reason",
            REASON,
            "--yes",
            "--parallel",
            "8",
            "--batch-size",
            "250",
            "--max",
            "20000",
        ])
        .assert()
        .success();
    let summary = one_of_kind(&json_lines(&out.get_output().stdout), "summary");
    assert_eq!(summary["changed"], 20_000, "{summary}");
    assert_eq!(available(&schema), 20_000);
    verify_intact(&schema);
}

/// A trigger that fails every update of oban_jobs with `sqlstate` and a message in German: the
/// exit code must follow the code, whatever the server's language.
fn failing_updates(schema: &TestSchema, sqlstate: &str) {
    schema.sql(&format!(
        "CREATE OR REPLACE FUNCTION {0}.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN RAISE EXCEPTION USING ERRCODE = '{sqlstate}', MESSAGE = 'Keine Berechtigung für Tabelle oban_jobs'; END $$; \
         DROP TRIGGER IF EXISTS refuse ON {0}.oban_jobs; \
         CREATE TRIGGER refuse BEFORE UPDATE ON {0}.oban_jobs FOR EACH ROW EXECUTE FUNCTION {0}.refuse()",
        schema.quoted()
    ));
}

#[test]
fn exit_codes_follow_the_sqlstate_not_the_message_text() {
    let schema = with_jobs("sqlstate", "discarded", 3);
    for (sqlstate, exit, code) in [
        ("42501", 77, "permission_denied"),
        ("55P03", 2, "lock_timeout"),
        ("57014", 2, "statement_timeout"),
        ("40001", 2, "conflict"),
    ] {
        failing_updates(&schema, sqlstate);
        let out = schema
            .cmd()
            .args([
                "--format",
                "json",
                "jobs",
                "retry",
                "--state",
                "discarded",
                "--reason",
                REASON,
                "--yes",
            ])
            .assert()
            .code(exit);
        let errors = json_lines(&out.get_output().stderr);
        let error = one_of_kind(&errors, "error");
        assert_eq!(error["code"], code, "{sqlstate}: {error}");
        assert_eq!(error["exit"], exit);
        // The run still ends with its summary: nothing changed.
        let summary = one_of_kind(&json_lines(&out.get_output().stdout), "summary");
        assert_eq!(summary["changed"], 0);
        assert_eq!(summary["interrupted"], true);
    }
    assert_eq!(available(&schema), 0, "nothing changed");
}

#[test]
fn a_server_speaking_another_language_still_gives_exit_77() {
    // Where the server has a translated locale, a real permission error in German.
    let schema = with_jobs("lcmsg", "discarded", 1);
    let mut conn = crate::common::connect();
    let german = ["de_DE.UTF-8", "de_DE.utf8", "de_DE"]
        .into_iter()
        .find(|l| {
            diesel::connection::SimpleConnection::batch_execute(
                &mut conn,
                &format!("SET lc_messages TO '{l}'"),
            )
            .is_ok()
        });
    let Some(locale) = german else {
        // The SQLSTATE rule itself is proven by the trigger test above on every server.
        return;
    };
    let role = unique_name("reader");
    schema.sql(&format!(
        "CREATE ROLE {0} LOGIN; ALTER ROLE {0} SET lc_messages = '{locale}'; \
         GRANT USAGE ON SCHEMA {1} TO {0}; GRANT SELECT ON ALL TABLES IN SCHEMA {1} TO {0}",
        quote(&role),
        schema.quoted()
    ));
    let out = schema
        .cmd()
        .env("DATABASE_URL", crate::common::role_url(&role))
        .args([
            "jobs",
            "retry",
            "--state",
            "discarded",
            "--reason",
            REASON,
            "--yes",
        ])
        .assert()
        .code(77);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        !stderr.contains("permission denied"),
        "the message is German: {stderr}"
    );
    schema.sql(&format!(
        "REVOKE ALL ON ALL TABLES IN SCHEMA {0} FROM {1}; REVOKE USAGE ON SCHEMA {0} FROM {1}; DROP ROLE {1}",
        schema.quoted(),
        quote(&role)
    ));
}

#[test]
fn a_run_whose_connection_is_terminated_reports_and_records_what_it_committed() {
    if through_pooler("a_run_whose_connection_is_terminated_reports_and_records_what_it_committed")
    {
        return;
    }
    let schema = with_jobs("terminated", "discarded", 3000);
    let mut child = schema
        .process(&[
            "--format",
            "json",
            "jobs",
            "retry",
            "--state",
            "discarded",
            "--reason",
            REASON,
            "--yes",
            "--parallel",
            "1",
            "--batch-size",
            "100",
            "--sleep-ms",
            "100",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Note every session this run uses (its batch statements name the test's own schema, so no
    // other test's sessions are touched; a slow trigger keeps each batch visible), then end them
    // once a few batches are in.
    schema.sql(&format!(
        "CREATE FUNCTION {0}.slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.001); RETURN NEW; END $$; \
         CREATE TRIGGER slow BEFORE UPDATE ON {0}.oban_jobs FOR EACH ROW EXECUTE FUNCTION {0}.slow()",
        schema.quoted()
    ));
    let mut pids = std::collections::BTreeSet::new();
    let started = Instant::now();
    while available(&schema) < 500 || pids.is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the run did not progress"
        );
        pids.extend(schema.strings(&format!(
            "SELECT pid::text AS v FROM pg_stat_activity WHERE application_name = 'obanctl' AND query LIKE {}",
            literal(&format!("%{}%", schema.name))
        )));
        std::thread::sleep(Duration::from_millis(10));
    }
    for pid in &pids {
        schema.sql(&format!("SELECT pg_terminate_backend({pid})"));
    }
    let stdout: Vec<String> = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map(|l| l.unwrap())
        .collect();
    let status = child.wait().unwrap();
    assert!(
        matches!(status.code(), Some(69) | Some(2)),
        "a lost connection ends the run with an error: {status:?}"
    );
    let lines = json_lines(stdout.join("\n").as_bytes());
    let summary = one_of_kind(&lines, "summary");
    let committed = available(&schema);
    assert_eq!(summary["changed"], committed, "{summary}");
    assert_eq!(summary["interrupted"], true);
    assert!(committed < 3000);
    assert!(summary["skipped"]["not_reached"].as_i64().unwrap() > 0);
    let recorded = schema.strings(&format!(
        "SELECT concat_ws('|', metadata->>'matched', metadata->>'changed', metadata->>'interrupted', metadata->>'operation_id') AS v \
         FROM {}.oban_powertools_audit_events WHERE action = 'cli.bulk_operation'",
        schema.quoted()
    ));
    assert_eq!(
        recorded,
        vec![format!(
            "3000|{committed}|true|{}",
            summary["operation_id"].as_str().unwrap()
        )]
    );
    verify_intact(&schema);
}

#[test]
fn filter_values_are_never_stored_or_echoed_in_clear() {
    let schema = TestSchema::with_oban("redact_filter");
    schema.sql(&format!(
        "INSERT INTO {0}.oban_jobs (state, queue, worker, args, discarded_at) \
         VALUES ('discarded', 'default', 'W', '{{\"password\": \"hunter2\", \"client\": {{\"api_key\": \"k-123\"}}}}', now())",
        schema.quoted()
    ));
    let out = schema
        .cmd()
        .args([
            "--format",
            "json",
            "jobs",
            "retry",
            "--args",
            "password=hunter2",
            "--args",
            "client.api_key=k-123",
            "--reason",
            REASON,
            "--yes",
        ])
        .assert()
        .success();
    let everything = format!(
        "{}{}",
        String::from_utf8_lossy(&out.get_output().stdout),
        String::from_utf8_lossy(&out.get_output().stderr)
    );
    assert!(
        !everything.contains("hunter2") && !everything.contains("k-123"),
        "{everything}"
    );
    assert_eq!(
        one_of_kind(&json_lines(&out.get_output().stdout), "summary")["changed"],
        1
    );
    let stored = schema.strings(&format!(
        "SELECT metadata::text AS v FROM {}.oban_powertools_audit_events",
        schema.quoted()
    ));
    assert!(
        stored
            .iter()
            .all(|m| !m.contains("hunter2") && !m.contains("k-123")),
        "{stored:?}"
    );
    // A malformed secret filter is refused without echoing it.
    let out = schema
        .cmd()
        .args(["jobs", "list", "--args", "password:hunter2"])
        .assert()
        .code(64);
    assert!(!String::from_utf8_lossy(&out.get_output().stderr).contains("hunter2"));
}
