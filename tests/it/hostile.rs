//! Hostile input: names, filters and reasons made of quotes, semicolons, SQL fragments, LIKE
//! metacharacters and unicode are data, never SQL; over-long values get clear usage errors.

use serde_json::Value;

use crate::common::{literal, TestSchema};

const QUEUE: &str = "q'; DROP TABLE oban_jobs; --";
const TAG: &str = "ünï\"cødé ✓";
const ARG: &str = "v'); DELETE FROM oban_jobs; --";
const ERROR: &str = "100%_done \\ really";
const REASON: &str = "it's \"fixed\"; DROP TABLE x; -- ✓ 修正";

fn hostile_schema() -> TestSchema {
    let schema = TestSchema::named(format!(
        "Ops \"Jobs\"; DROP SCHEMA public; -- ü {}",
        std::process::id()
    ));
    schema
        .cmd()
        .args(["install", "--with-oban", "-q"])
        .assert()
        .success();
    let q = schema.quoted();
    schema.sql(&format!(
        "INSERT INTO {q}.oban_jobs (state, queue, worker, args, tags, discarded_at, errors) VALUES \
         ('discarded', {queue}, 'W', jsonb_build_object('k', {arg}), ARRAY[{tag}], now(), \
          ARRAY[jsonb_build_object('attempt', 1, 'at', '2026-01-01T00:00:00Z', 'error', {error})]), \
         ('discarded', 'plain', 'W', '{{\"k\": \"v\"}}', ARRAY['plain'], now(), \
          ARRAY[jsonb_build_object('attempt', 1, 'at', '2026-01-01T00:00:00Z', 'error', '100 done')])",
        queue = literal(QUEUE),
        arg = literal(ARG),
        tag = literal(TAG),
        error = literal(ERROR),
    ));
    schema
}

fn listed(schema: &TestSchema, args: &[&str]) -> Vec<Value> {
    let out = schema
        .cmd()
        .args(["--format", "json", "jobs", "list"])
        .args(args)
        .assert()
        .success();
    crate::common::json_lines(&out.get_output().stdout)
}

#[test]
fn hostile_filters_match_literally_and_run_nothing() {
    let schema = hostile_schema();
    let arg_filter = format!("k={ARG}");
    let error_filter = "%_done \\";
    for filter in [
        vec!["--queue", QUEUE],
        vec!["--tag", TAG],
        vec!["--args", &arg_filter],
        vec!["--error-contains", error_filter],
    ] {
        let jobs = listed(&schema, &filter);
        assert_eq!(
            jobs.len(),
            1,
            "{filter:?} matches the one hostile job: {jobs:?}"
        );
        assert_eq!(jobs[0]["queue"], QUEUE);
    }
    // LIKE metacharacters are literal: `%` alone does not match every error.
    assert_eq!(listed(&schema, &["--error-contains", "%"]).len(), 1);
    assert_eq!(
        listed(&schema, &["--since", "999years"]).len(),
        2,
        "a far bound is not a crash"
    );
    schema
        .cmd()
        .args(["jobs", "list", "--since", "9999999999y"])
        .assert()
        .code(64)
        .stderr(predicates::str::contains("out of range"));

    let out = schema
        .cmd()
        .args([
            "jobs", "retry", "--queue", QUEUE, "--reason", REASON, "--yes",
        ])
        .assert()
        .success();
    assert!(out.get_output().stderr.len() < 10_000);
    let reason = schema.strings(&format!(
        "SELECT metadata->>'reason' AS v FROM {}.oban_powertools_audit_events WHERE action = 'lifeline.repair_executed'",
        schema.quoted()
    ));
    assert_eq!(reason, [REASON], "the reason is stored exactly");
    assert_eq!(
        schema.int(&format!(
            "SELECT count(*)::bigint AS v FROM {}.oban_jobs",
            schema.quoted()
        )),
        2,
        "nothing was dropped or deleted"
    );
    schema
        .cmd()
        .args([
            "cron",
            "pause",
            "x'; DROP TABLE oban_jobs; --",
            "--reason",
            REASON,
            "--yes",
        ])
        .assert()
        .code(2);
    schema
        .cmd()
        .args([
            "doctor",
            "--only",
            "oban_version,missing_indexes,index_validity",
        ])
        .assert()
        .success();
}

#[test]
fn over_long_and_malformed_values_are_usage_errors() {
    let schema = TestSchema::new("hostile_long");
    let long = "x".repeat(1001);
    let long_key = format!("k={long}");
    let long_name = "s".repeat(64);
    for args in [
        vec!["jobs", "list", "--queue", &long],
        vec!["jobs", "list", "--args", &long_key],
        vec!["jobs", "list", "--args", "=v"],
        vec!["jobs", "list", "--since", "yesterday-ish"],
        vec![
            "--actor",
            &long,
            "jobs",
            "retry",
            "1",
            "--reason",
            "long enough reason",
            "--yes",
        ],
        vec!["--prefix", &long_name, "jobs", "list"],
        vec!["--statement-timeout", "0s", "jobs", "list"],
        vec!["--lock-timeout", "soon", "jobs", "list"],
        vec!["audit", "purge", "--older-than", "-1d"],
    ] {
        let out = schema.cmd().args(&args).assert().code(64);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(
            stderr.lines().count() <= 6 && !stderr.contains("panicked"),
            "{args:?}: {stderr}"
        );
    }
    // A reason is a usage error when malformed: exit 64, clear text.
    schema
        .cmd()
        .args(["jobs", "retry", "1", "--reason", &long, "--yes"])
        .assert()
        .code(64)
        .stderr(predicates::str::contains("at most 1000 characters"));
}
