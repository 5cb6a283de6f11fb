//! `obanctl jobs ...` against real Oban schemas of both flavours.

use diesel::connection::SimpleConnection;
use predicates::prelude::*;
use serde_json::Value;

use crate::common::{connect, json_lines, literal, TestSchema, ACTOR};

const REASON: &str = "replaying after the provider outage";

/// A schema with Oban (`flavour`) and the Powertools tables.
fn oban(tag: &str, flavour: &str) -> TestSchema {
    let schema = TestSchema::new(tag);
    schema
        .cmd()
        .args(["install", "--with-oban", flavour, "-q"])
        .assert()
        .success();
    schema
}

/// Inserts one job and returns its id. `errors` is a JSON array.
fn insert_job(
    schema: &TestSchema,
    state: &str,
    queue: &str,
    args: &str,
    attempt: i32,
    max_attempts: i32,
) -> i64 {
    let python = schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM information_schema.tables WHERE table_schema = {} AND table_name = 'oban_producers'",
        literal(&schema.name)
    )) > 0;
    let errors = if python {
        "'[{\"attempt\": 1, \"at\": \"2026-01-01T00:00:00Z\", \"error\": \"first boom\"}, {\"attempt\": 2, \"at\": \"2026-01-02T00:00:00Z\", \"error\": \"second boom\"}]'::jsonb".to_string()
    } else {
        "ARRAY['{\"attempt\": 1, \"at\": \"2026-01-01T00:00:00Z\", \"error\": \"first boom\"}'::jsonb, '{\"attempt\": 2, \"at\": \"2026-01-02T00:00:00Z\", \"error\": \"second boom\"}'::jsonb]".to_string()
    };
    let terminal = match state {
        "completed" => ", completed_at",
        "discarded" => ", discarded_at",
        "cancelled" => ", cancelled_at",
        "executing" => ", attempted_at",
        _ => "",
    };
    let terminal_value = if terminal.is_empty() {
        ""
    } else {
        ", timezone('UTC', now()) - interval '1 hour'"
    };
    schema.int(&format!(
        "INSERT INTO {0}.oban_jobs (state, queue, worker, args, attempt, max_attempts, errors, meta, tags{terminal}) \
         VALUES ({1}::{0}.oban_job_state, {2}, 'MyApp.Workers.Sync', {3}::jsonb, {attempt}, {max_attempts}, {errors}, \
                 '{{\"uniq_bmp\": [3, 4], \"trace\": \"t-1\"}}', ARRAY['billing']{terminal_value}) RETURNING id AS v",
        schema.quoted(),
        literal(state),
        literal(queue),
        literal(args)
    ))
}

fn job_field(schema: &TestSchema, id: i64, expr: &str) -> String {
    schema.strings(&format!(
        "SELECT ({expr})::text AS v FROM {}.oban_jobs WHERE id = {id}",
        schema.quoted()
    ))[0]
        .clone()
}

/// `jobs list` as JSON lines, with `args` added.
fn list(schema: &TestSchema, args: &[&str]) -> Vec<Value> {
    let mut cmd = schema.cmd();
    cmd.args(["--format", "json", "jobs", "list"]).args(args);
    json_lines(&cmd.assert().success().get_output().stdout)
}

fn mutate(schema: &TestSchema, verb: &str) -> assert_cmd::Command {
    let mut cmd = schema.cmd();
    cmd.args(["jobs", verb, "--reason", REASON, "--yes"]);
    cmd
}

#[test]
fn list_filters_pages_and_redacts() {
    let schema = oban("list", "elixir");
    let a = insert_job(
        &schema,
        "discarded",
        "mailers",
        r#"{"to": "a@x", "password": "p1"}"#,
        20,
        20,
    );
    let b = insert_job(
        &schema,
        "discarded",
        "mailers",
        r#"{"to": "b@x", "user": {"id": 7}}"#,
        20,
        20,
    );
    insert_job(&schema, "discarded", "default", r#"{"to": "c@x"}"#, 20, 20);
    insert_job(&schema, "suspended", "mailers", "{}", 0, 20);
    std::fs::write(
        schema.dir.path().join("obanctl.toml"),
        "[redact]\nkeys = [\"to\"]\n",
    )
    .unwrap();

    let out = schema
        .cmd()
        .args([
            "--format",
            "json",
            "jobs",
            "list",
            "--state",
            "discarded",
            "--queue",
            "mailers",
        ])
        .assert()
        .success();
    let rows = json_lines(&out.get_output().stdout);
    assert_eq!(
        rows.iter()
            .map(|r| r["id"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        vec![a, b]
    );
    assert_eq!(rows[0]["args"]["password"], "[REDACTED]");
    assert_eq!(rows[0]["args"]["to"], "[REDACTED]");
    assert_eq!(rows[0]["kind"], "job");
    assert_eq!(
        rows[0]["errors"][0]["error"], "first boom",
        "errors keep the stored order"
    );
    assert_eq!(rows[0]["latest_error"]["error"], "second boom");
    assert!(!String::from_utf8_lossy(&out.get_output().stdout).contains("p1"));

    let page = list(
        &schema,
        &[
            "--state",
            "discarded",
            "--limit",
            "1",
            "--after",
            &a.to_string(),
        ],
    );
    assert_eq!(page.len(), 1);
    assert_eq!(page[0]["id"], b);

    let by_args = list(&schema, &["--args", "user.id=7"]);
    assert_eq!(by_args.len(), 1);
    assert_eq!(by_args[0]["id"], b);
    let by_meta = list(&schema, &["--meta", "trace=t-1", "--tag", "billing"]);
    assert_eq!(by_meta.len(), 4);
    let suspended = list(&schema, &["--state", "suspended"]);
    assert_eq!(suspended.len(), 1);
    let errors = list(&schema, &["--error-contains", "SECOND"]);
    assert_eq!(errors.len(), 4);
    let none = list(&schema, &["--error-contains", "100%"]);
    assert!(
        none.is_empty(),
        "LIKE wildcards in the text are matched literally"
    );
    let recent = list(&schema, &["--state", "discarded", "--since", "2h"]);
    assert_eq!(recent.len(), 3);
    let old = list(&schema, &["--state", "discarded", "--until", "2h"]);
    assert!(old.is_empty());

    schema
        .cmd()
        .args(["jobs", "list", "--state", "discarded", "--queue", "mailers"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("MyApp.Workers.Sync").and(predicate::str::contains("20/20")),
        );
    schema
        .cmd()
        .args(["jobs", "list", "--state", "failed"])
        .assert()
        .code(64);
    schema
        .cmd()
        .args(["jobs", "list", "--args", "nokeyvalue"])
        .assert()
        .code(64);
}

#[test]
fn show_prints_every_column_and_errors_latest_first() {
    let schema = oban("show", "elixir");
    let id = insert_job(
        &schema,
        "retryable",
        "default",
        r#"{"api_key": "k", "n": 1}"#,
        2,
        20,
    );
    let out = schema
        .cmd()
        .args(["jobs", "show", &id.to_string()])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    for needle in [
        "retryable",
        "MyApp.Workers.Sync",
        "2/20",
        "billing",
        "uniq_bmp",
        "[REDACTED]",
        "errors (2, latest first)",
    ] {
        assert!(text.contains(needle), "missing {needle} in\n{text}");
    }
    assert!(text.find("second boom").unwrap() < text.find("first boom").unwrap());
    assert!(!text.contains("\"k\""));
    schema
        .cmd()
        .args(["jobs", "show", "987654321"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not found"));
}

#[test]
fn count_is_exact_on_small_tables_and_estimated_on_large_ones() {
    let schema = oban("count", "elixir");
    insert_job(&schema, "discarded", "mailers", "{}", 1, 1);
    insert_job(&schema, "discarded", "default", "{}", 1, 1);
    insert_job(&schema, "available", "default", "{}", 0, 20);
    let doc: Value = serde_json::from_slice(
        &schema
            .cmd()
            .args(["--format", "json", "jobs", "count"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    assert_eq!(doc["kind"], "job_count");
    assert_eq!(doc["estimated"], false);
    assert_eq!(doc["method"], "exact");
    assert_eq!(doc["by_state"]["discarded"]["count"], 2);
    assert_eq!(doc["by_state"]["suspended"]["count"], 0);
    assert_eq!(doc["by_queue"]["default"]["count"], 2);
    assert_eq!(doc["total"]["count"], 3);

    schema.sql(&format!(
        "INSERT INTO {0}.oban_jobs (state, queue, worker) SELECT 'completed', 'bulk', 'W' FROM generate_series(1, 210000)",
        schema.quoted()
    ));
    // Without fresh statistics the numbers are bounded counts, never estimates.
    let doc = count_json(&schema, &[]);
    assert_eq!(doc["method"], "bounded", "{doc}");
    assert_eq!(doc["statistics_stale"], true);
    assert_eq!(doc["by_state"]["completed"]["count"], 210_000);
    // The insert's statistics reach the server asynchronously: ANALYZE only once they have, or
    // they would count as changes made after it.
    for _ in 0..100 {
        if schema.int(&format!(
            "SELECT coalesce(sum(n_mod_since_analyze), 0)::bigint AS v FROM pg_stat_user_tables \
             WHERE schemaname = {} AND relname = 'oban_jobs'",
            literal(&schema.name)
        )) >= 210_000
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    schema.sql(&format!("ANALYZE {}.oban_jobs", schema.quoted()));
    let doc: Value = serde_json::from_slice(
        &schema
            .cmd()
            .args(["--format", "json", "jobs", "count"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    assert_eq!(doc["estimated"], true);
    assert_eq!(doc["method"], "estimated");
    let completed = doc["by_state"]["completed"]["count"].as_i64().unwrap();
    assert!((190_000..=230_000).contains(&completed), "{doc}");
    let exact: Value = serde_json::from_slice(
        &schema
            .cmd()
            .args(["--format", "json", "jobs", "count", "--exact"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    assert_eq!(exact["by_state"]["completed"]["count"], 210_000);
    assert_eq!(exact["by_state_and_queue"].as_array().unwrap().len(), 4);
}

fn count_json(schema: &TestSchema, args: &[&str]) -> Value {
    serde_json::from_slice(
        &schema
            .cmd()
            .args(["--format", "json", "jobs", "count"])
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap()
}

fn check_retry(flavour: &str) {
    let schema = oban(&format!("retry{flavour}"), flavour);
    let exhausted = insert_job(&schema, "discarded", "default", "{}", 20, 20);
    let cancelled = insert_job(&schema, "cancelled", "default", "{}", 1, 20);
    let out = mutate(&schema, "retry")
        .args([
            &exhausted.to_string(),
            &cancelled.to_string(),
            "--format",
            "json",
        ])
        .assert()
        .success();
    let lines = json_lines(&out.get_output().stdout);
    let results = crate::common::of_kind(&lines, "job_outcome");
    assert_eq!(results.len(), 2);
    let summary = crate::common::one_of_kind(&lines, "summary");
    assert_eq!(summary["matched"], 2);
    assert_eq!(summary["changed"], 2);
    assert_eq!(summary["exit"], 0);
    assert_eq!(
        lines.last().unwrap()["kind"],
        "summary",
        "the summary closes the stream"
    );
    for r in &results {
        assert_eq!(r["outcome"], "ok");
        assert_eq!(r["after_state"], "available");
        assert!(r["audit_id"].as_i64().is_some());
    }
    assert_eq!(job_field(&schema, exhausted, "state"), "available");
    assert_eq!(
        job_field(&schema, exhausted, "max_attempts"),
        "21",
        "an exhausted job must be fetchable again"
    );
    assert_eq!(job_field(&schema, cancelled, "max_attempts"), "20");
    assert_eq!(job_field(&schema, exhausted, "attempt"), "20");
    assert_eq!(
        job_field(
            &schema,
            exhausted,
            "discarded_at IS NULL AND cancelled_at IS NULL AND completed_at IS NULL"
        ),
        "true"
    );
    assert_eq!(
        job_field(&schema, cancelled, "cancelled_at IS NULL"),
        "true"
    );
    // Each flavour's own retry: oban-py resets the uniqueness bitmap, Elixir leaves meta alone.
    assert_eq!(
        job_field(&schema, exhausted, "meta->'uniq_bmp'"),
        if flavour == "python" { "[]" } else { "[3, 4]" }
    );
    assert_eq!(job_field(&schema, exhausted, "meta->>'trace'"), "t-1");
    assert_eq!(
        job_field(
            &schema,
            exhausted,
            "abs(extract(epoch FROM scheduled_at - timezone('UTC', now()))) < 60"
        ),
        "true"
    );

    let audit = schema.strings(&format!(
        "SELECT concat_ws('|', actor_id, action, command_key, event_type, resource, resource_type, resource_id, \
                metadata->>'operation', metadata->>'reason', metadata->'before'->>'state', metadata->'after'->>'state', \
                metadata->'after'->>'max_attempts', metadata->>'result', metadata->>'source', metadata->'principal'->>'id', \
                metadata->>'tool_version' IS NOT NULL, metadata->>'operation_id' IS NOT NULL) AS v \
         FROM {}.oban_powertools_audit_events WHERE action = 'lifeline.repair_executed' ORDER BY id",
        schema.quoted()
    ));
    assert_eq!(
        audit[0],
        format!(
            "{ACTOR}|lifeline.repair_executed|execute_repair|lifeline.repair_executed|job:{exhausted}|job|{exhausted}|job_retry|{REASON}|discarded|available|21|ok|cli|{ACTOR}|t|t"
        )
    );
    assert_eq!(audit.len(), 2);
    let summary = schema.strings(&format!(
        "SELECT concat_ws('|', metadata->>'operation', metadata->>'matched', metadata->>'changed', metadata->>'interrupted') AS v \
         FROM {}.oban_powertools_audit_events WHERE action = 'cli.bulk_operation'",
        schema.quoted()
    ));
    assert_eq!(summary, vec!["job_retry|2|2|false"]);
    let operation_ids = schema.int(&format!(
        "SELECT count(DISTINCT metadata->>'operation_id')::bigint AS v FROM {}.oban_powertools_audit_events \
         WHERE action IN ('lifeline.repair_executed', 'cli.bulk_operation')",
        schema.quoted()
    ));
    assert_eq!(operation_ids, 1, "one operation id ties the run together");
    // What the Powertools library's UI and forensics views read on a repair row.
    let library = schema.strings(&format!(
        "SELECT concat_ws('|', metadata->'runbook_context'->'attempt'->>'action', metadata->'runbook_context'->'attempt'->>'state', \
                metadata->>'incident_fingerprint', length(metadata->>'plan_hash'), \
                metadata->>'preview_token' = metadata->>'operation_id', metadata->'affected_counts'->>'jobs', \
                metadata->'runbook_context'->>'plan_hash' = metadata->>'plan_hash') AS v \
         FROM {}.oban_powertools_audit_events WHERE resource = 'job:{exhausted}'",
        schema.quoted()
    ));
    assert_eq!(
        library,
        vec![format!(
            "job_retry|succeeded|job:manual:{exhausted}|64|t|1|t"
        )]
    );
    let hashes = schema.int(&format!(
        "SELECT count(DISTINCT metadata->>'plan_hash')::bigint AS v FROM {}.oban_powertools_audit_events \
         WHERE action IN ('lifeline.repair_executed', 'cli.bulk_operation')",
        schema.quoted()
    ));
    assert_eq!(
        hashes, 1,
        "every row of the run names the one plan that was confirmed"
    );
}

#[test]
fn retry_makes_exactly_obans_changes_elixir() {
    check_retry("elixir");
}

#[test]
fn retry_makes_exactly_obans_changes_python() {
    check_retry("python");
}

fn check_discard_and_cancel(flavour: &str) {
    let schema = oban(&format!("discard{flavour}"), flavour);
    let retryable = insert_job(&schema, "retryable", "default", "{}", 2, 20);
    let executing = insert_job(&schema, "executing", "default", "{}", 1, 20);
    let mut listener = connect();
    let channel = format!("{}.oban_signal", schema.name);
    listener
        .batch_execute(&format!("LISTEN {}", crate::common::quote(&channel)))
        .unwrap();

    mutate(&schema, "discard")
        .arg(retryable.to_string())
        .assert()
        .success();
    assert_eq!(job_field(&schema, retryable, "state"), "discarded");
    assert_eq!(
        job_field(&schema, retryable, "discarded_at IS NOT NULL"),
        "true"
    );
    let last_error: Value =
        serde_json::from_str(&job_field(&schema, retryable, "to_jsonb(errors)->-1")).unwrap();
    assert_eq!(
        last_error["error"],
        format!("discarded by {ACTOR}: {REASON}")
    );
    assert_eq!(last_error["attempt"], 2);
    assert!(last_error["at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        job_field(&schema, retryable, "jsonb_array_length(to_jsonb(errors))"),
        "3"
    );

    mutate(&schema, "cancel")
        .arg(executing.to_string())
        .assert()
        .success()
        .stdout(predicate::str::contains("Sent pkill to 1 executing job "));
    assert_eq!(job_field(&schema, executing, "state"), "cancelled");
    assert_eq!(
        job_field(&schema, executing, "cancelled_at IS NOT NULL"),
        "true"
    );
    listener.batch_execute("SELECT 1").unwrap();
    let notes: Vec<_> = listener.notifications_iter().map(|n| n.unwrap()).collect();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].channel, channel);
    let payload: Value = serde_json::from_str(&notes[0].payload).unwrap();
    assert_eq!(
        payload,
        serde_json::json!({"action": "pkill", "job_id": executing})
    );
    let notified = schema.strings(&format!(
        "SELECT metadata->>'notified' AS v FROM {}.oban_powertools_audit_events WHERE resource = 'job:{executing}'",
        schema.quoted()
    ));
    assert_eq!(notified, vec!["true"]);
}

#[test]
fn discard_and_cancel_elixir() {
    check_discard_and_cancel("elixir");
}

#[test]
fn discard_and_cancel_python() {
    check_discard_and_cancel("python");
}

#[test]
fn unknown_queues_and_workers_get_suggestions() {
    let schema = oban("suggest", "elixir");
    insert_job(&schema, "discarded", "mailers", "{}", 20, 20);
    schema
        .cmd()
        .args([
            "jobs",
            "list",
            "--queue",
            "mailer,billing",
            "--worker",
            "MyApp.Workers.Synk",
        ])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("no queue `mailer` in oban_jobs; did you mean: mailers?")
                .and(predicate::str::contains("no queue `billing` in oban_jobs"))
                .and(predicate::str::contains(
                    "did you mean: MyApp.Workers.Sync?",
                )),
        );
    mutate(&schema, "retry")
        .args(["--queue", "mailer"])
        .assert()
        .success()
        .stdout(predicate::str::contains("No jobs match"))
        .stderr(predicate::str::contains("did you mean: mailers?"));
}

#[test]
fn refusals_change_nothing() {
    let schema = oban("refuse", "elixir");
    let available = insert_job(&schema, "available", "default", "{}", 0, 20);
    let discarded = insert_job(&schema, "discarded", "default", "{}", 20, 20);
    let completed = insert_job(&schema, "completed", "default", "{}", 1, 20);
    let snapshot = || {
        schema.strings(&format!(
            "SELECT concat_ws('|', id, state, max_attempts, scheduled_at) AS v FROM {}.oban_jobs ORDER BY id",
            schema.quoted()
        ))
    };
    let before = snapshot();
    let audit_before = schema.audit_count();

    // Wrong state, by id: reported per job, exit 2 because nothing could be done.
    let out = mutate(&schema, "retry")
        .args([&available.to_string(), "--format", "json"])
        .assert()
        .code(2);
    let lines = json_lines(&out.get_output().stdout);
    assert_eq!(lines[0]["outcome"], "wrong_state");
    assert_eq!(
        crate::common::one_of_kind(&lines, "summary")["skipped"]["wrong_state"],
        1
    );
    // Unknown id.
    let out = mutate(&schema, "cancel")
        .args(["99999999", "--format", "json"])
        .assert()
        .code(2);
    assert_eq!(
        json_lines(&out.get_output().stdout)[0]["outcome"],
        "not_found"
    );
    // A filter naming a state the operation does not apply to.
    mutate(&schema, "retry")
        .args(["--state", "executing"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot retry jobs in state executing",
        ));
    mutate(&schema, "retry")
        .args(["--state", "completed"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--include-completed"));
    // Missing, short and over-long reasons (usage errors, 64); no terminal to ask on.
    schema
        .cmd()
        .args(["jobs", "retry", &discarded.to_string(), "--yes"])
        .assert()
        .code(64)
        .stderr(predicate::str::contains("reason is required"));
    schema
        .cmd()
        .args([
            "jobs",
            "retry",
            &discarded.to_string(),
            "--yes",
            "--reason",
            "oops",
        ])
        .assert()
        .code(64)
        .stderr(predicate::str::contains("at least 8 characters"));
    let long = "x".repeat(1001);
    schema
        .cmd()
        .args([
            "jobs",
            "retry",
            &discarded.to_string(),
            "--yes",
            "--reason",
            &long,
        ])
        .assert()
        .code(64);
    // No confirmation possible without a terminal and without --yes.
    schema
        .cmd()
        .args(["jobs", "retry", &discarded.to_string(), "--reason", REASON])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes"));
    // (Without OBANCTL_ACTOR, USER or LOGNAME the actor is the uid's account: see
    // config::without_user_or_logname_the_actor_is_the_uid_account_in_show_and_in_audit_rows.)
    // Unfiltered without --all, and ids mixed with filters: usage errors.
    mutate(&schema, "cancel")
        .assert()
        .code(64)
        .stderr(predicate::str::contains("--all"));
    mutate(&schema, "cancel")
        .args(["1", "--queue", "default"])
        .assert()
        .code(64);
    // Above --max.
    mutate(&schema, "retry")
        .args(["--state", "discarded", "--max", "0"])
        .assert()
        .code(64);
    insert_job(&schema, "discarded", "default", "{}", 20, 20);
    mutate(&schema, "retry")
        .args(["--state", "discarded", "--max", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2 jobs match, more than --max 1"));
    // Dry run.
    mutate(&schema, "retry")
        .args(["--state", "discarded", "--dry-run"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Will retry 2 jobs (2 discarded)")
                .and(predicate::str::contains("Dry run")),
        );

    let mut after = snapshot();
    after.pop();
    assert_eq!(before, after);
    assert_eq!(schema.audit_count(), audit_before);
    assert_eq!(job_field(&schema, completed, "state"), "completed");

    // --include-completed opts in.
    mutate(&schema, "retry")
        .args(["--state", "completed", "--include-completed"])
        .assert()
        .success();
    assert_eq!(job_field(&schema, completed, "state"), "available");
}

#[test]
fn rows_held_by_a_worker_are_reported_locked_not_waited_for() {
    let schema = oban("locked", "elixir");
    let held = insert_job(&schema, "retryable", "default", "{}", 1, 20);
    let free = insert_job(&schema, "retryable", "default", "{}", 1, 20);
    let mut worker = connect();
    worker
        .batch_execute(&format!(
            "BEGIN; SELECT id FROM {}.oban_jobs WHERE id = {held} FOR UPDATE",
            schema.quoted()
        ))
        .unwrap();
    let started = std::time::Instant::now();
    let out = mutate(&schema, "cancel")
        .args([
            "--lock-timeout",
            "30s",
            "--state",
            "retryable",
            "--format",
            "json",
        ])
        .assert()
        .code(1);
    assert!(
        started.elapsed().as_secs() < 20,
        "must not wait for the worker's lock"
    );
    worker.batch_execute("ROLLBACK").unwrap();
    let results = json_lines(&out.get_output().stdout);
    let outcome = |id: i64| results.iter().find(|r| r["id"] == id).unwrap()["outcome"].clone();
    assert_eq!(outcome(held), "locked");
    assert_eq!(outcome(free), "ok");
    assert_eq!(job_field(&schema, held, "state"), "retryable");
    assert_eq!(job_field(&schema, free, "state"), "cancelled");
}

#[test]
fn a_job_that_changes_after_selection_is_reported_drifted() {
    let schema = oban("drift", "elixir");
    let first = insert_job(&schema, "retryable", "default", "{}", 1, 20);
    let second = insert_job(&schema, "retryable", "default", "{}", 1, 20);
    let child = schema
        .process(&[
            "jobs",
            "cancel",
            &first.to_string(),
            &second.to_string(),
            "--reason",
            REASON,
            "--yes",
            "--batch-size",
            "1",
            "--sleep-ms",
            "1500",
            "--format",
            "json",
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Once the first batch is committed, a worker picks up the second job.
    let started = std::time::Instant::now();
    while job_field(&schema, first, "state") != "cancelled" {
        assert!(started.elapsed().as_secs() < 30);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    schema.sql(&format!(
        "UPDATE {}.oban_jobs SET state = 'executing' WHERE id = {second}",
        schema.quoted()
    ));
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let results = json_lines(&output.stdout);
    let second_result = results.iter().find(|r| r["id"] == second).unwrap();
    assert_eq!(second_result["outcome"], "drifted");
    assert_eq!(second_result["before_state"], "retryable");
    assert_eq!(second_result["after_state"], "executing");
    assert_eq!(job_field(&schema, second, "state"), "executing");
}

#[test]
fn ctrl_c_stops_after_the_current_batch_with_everything_committed_audited() {
    let schema = oban("interrupt", "elixir");
    schema.sql(&format!(
        "INSERT INTO {}.oban_jobs (state, queue, worker, attempt, max_attempts) \
         SELECT 'discarded', 'default', 'W', 20, 20 FROM generate_series(1, 40)",
        schema.quoted()
    ));
    let child = schema
        .process(&[
            "jobs",
            "retry",
            "--state",
            "discarded",
            "--reason",
            REASON,
            "--yes",
            "--batch-size",
            "5",
            "--sleep-ms",
            "300",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let available = || {
        schema.int(&format!(
            "SELECT count(*)::bigint AS v FROM {}.oban_jobs WHERE state = 'available'",
            schema.quoted()
        ))
    };
    let started = std::time::Instant::now();
    while available() < 10 {
        assert!(started.elapsed().as_secs() < 30);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("nothing is half-done"), "{stderr}");
    let changed = available();
    assert!((10..40).contains(&changed), "stopped part-way: {changed}");
    assert_eq!(changed % 5, 0, "whole batches only");
    let audited = schema.int(&format!(
        "SELECT count(DISTINCT resource)::bigint AS v FROM {}.oban_powertools_audit_events WHERE action = 'lifeline.repair_executed'",
        schema.quoted()
    ));
    assert_eq!(audited, changed);
    assert_eq!(
        schema.audit_count(),
        1 + changed + 1,
        "install, one row per job, and the summary"
    );
    let summary = schema.strings(&format!(
        "SELECT metadata->>'interrupted' AS v FROM {}.oban_powertools_audit_events WHERE action = 'cli.bulk_operation'",
        schema.quoted()
    ));
    assert_eq!(summary, vec!["true"]);

    // A rerun finishes the rest.
    mutate(&schema, "retry")
        .args(["--state", "discarded"])
        .assert()
        .success();
    assert_eq!(available(), 40);
}

#[test]
fn a_select_only_role_can_read_but_every_mutation_exits_77() {
    let schema = oban("readonly", "elixir");
    let id = insert_job(&schema, "discarded", "default", "{}", 20, 20);
    let live = insert_job(&schema, "available", "default", "{}", 0, 20);
    let role = crate::common::unique_name("reader");
    schema.sql(&format!(
        "CREATE ROLE {role} LOGIN; GRANT USAGE ON SCHEMA {0} TO {role}; GRANT SELECT ON ALL TABLES IN SCHEMA {0} TO {role}",
        schema.quoted()
    ));
    let role_url = crate::common::role_url(&role);
    let as_reader = || {
        let mut cmd = schema.cmd();
        cmd.env("DATABASE_URL", &role_url);
        cmd
    };
    as_reader().args(["jobs", "list"]).assert().success();
    as_reader()
        .args(["jobs", "show", &id.to_string()])
        .assert()
        .success();
    as_reader().args(["jobs", "count"]).assert().success();
    for (verb, target) in [("retry", id), ("cancel", live), ("discard", live)] {
        as_reader()
            .args([
                "jobs",
                verb,
                &target.to_string(),
                "--reason",
                REASON,
                "--yes",
            ])
            .assert()
            .code(77)
            .stderr(predicate::str::contains("permission denied"));
    }
    as_reader()
        .args(["jobs", "retry", "--all", "--reason", REASON, "--yes"])
        .assert()
        .code(77);
    schema.sql(&format!("DROP OWNED BY {role}; DROP ROLE {role}"));
    assert_eq!(job_field(&schema, id, "state"), "discarded");
    assert_eq!(job_field(&schema, live, "state"), "available");
    assert_eq!(schema.audit_count(), 1, "only the install row");
}
