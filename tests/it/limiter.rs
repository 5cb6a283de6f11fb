//! `obanctl limiter explain|simulate` against seeded limiter tables.

use predicates::prelude::*;
use serde_json::Value;

use crate::common::TestSchema;

/// stripe_api (partitioned by args:account_id, 3 per minute): acct_full is saturated, acct_cool in
/// a cooldown, acct_stale has a window that ended long ago. global_api is global and untouched.
fn seeded(tag: &str) -> TestSchema {
    let schema = TestSchema::new(tag);
    schema.cmd().args(["install", "-q"]).assert().success();
    let q = schema.quoted();
    schema.sql(&format!(
        "INSERT INTO {q}.oban_powertools_limit_resources (id, name, scope_kind, algorithm, bucket_span_ms, bucket_capacity, default_weight, \
           partition_strategy, partition_config, metadata, inserted_at, updated_at) VALUES \
         ('00000000-0000-0000-0000-000000000001', 'stripe_api', 'partitioned', 'token_bucket', 60000, 3, 1, 'partitioned', \
          '{{\"resolver\": \"args:account_id\"}}', '{{\"worker\": \"MyApp.Stripe.Sync\"}}', now(), now()), \
         ('00000000-0000-0000-0000-000000000002', 'global_api', 'global', 'token_bucket', 1000, 10, 1, 'global', '{{}}', '{{}}', now(), now()); \
         INSERT INTO {q}.oban_powertools_limit_states (id, resource_id, partition_key, tokens_used, bucket_started_at, cooldown_until, cooldown_reason, inserted_at, updated_at) VALUES \
         (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'acct_full', 3, timezone('UTC', now()) - interval '10 seconds', NULL, NULL, now(), now()), \
         (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'acct_cool', 1, timezone('UTC', now()) - interval '10 seconds', \
          timezone('UTC', now()) + interval '5 minutes', '429 backoff', now(), now()), \
         (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'acct_stale', 3, timezone('UTC', now()) - interval '2 hours', NULL, NULL, now(), now()), \
         (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'acct_sim', 3, '2026-01-01 00:00:00', NULL, NULL, now(), now())"
    ));
    schema
}

fn explain(schema: &TestSchema, args: &[&str]) -> (i32, Value) {
    let out = schema
        .cmd()
        .args(["--format", "json", "limiter", "explain"])
        .args(args)
        .assert();
    let code = out.get_output().status.code().unwrap();
    (
        code,
        serde_json::from_slice(&out.get_output().stdout).unwrap_or(Value::Null),
    )
}

fn partition<'a>(doc: &'a Value, key: &str) -> &'a Value {
    doc["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["partition"] == key)
        .unwrap()
}

#[test]
fn explain_judges_live_state_and_exits_1_when_blocked() {
    let schema = seeded("limexplain");
    let (code, doc) = explain(&schema, &["stripe_api"]);
    assert_eq!(code, 1);
    assert_eq!(doc["status"], "blocked");
    let full = partition(&doc, "acct_full");
    assert_eq!(full["status"], "blocked");
    assert_eq!(full["blockers"][0]["code"], "limit_reached");
    assert_eq!(full["eligible_at"], full["window_ends_at"]);
    let cool = partition(&doc, "acct_cool");
    assert_eq!(cool["blockers"][0]["code"], "cooldown");
    assert_eq!(cool["blockers"][0]["reason"], "429 backoff");
    assert_eq!(cool["remaining"], 2);
    let stale = partition(&doc, "acct_stale");
    assert_eq!(stale["status"], "runnable");
    assert_eq!(stale["window_expired"], true);
    assert_eq!(stale["tokens_used"], 0);
    assert_eq!(stale["stored_tokens_used"], 3);

    assert_eq!(
        explain(&schema, &["stripe_api", "--partition", "acct_stale"]).0,
        0
    );
    let (code, doc) = explain(&schema, &["stripe_api", "--partition", "acct_new"]);
    assert_eq!(
        (code, doc["partitions"][0]["remaining"].clone()),
        (0, Value::from(3))
    );
    let (code, doc) = explain(
        &schema,
        &[
            "--worker",
            "MyApp.Stripe.Sync",
            "--args",
            r#"{"account_id": "acct_full"}"#,
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(doc["partitions"][0]["partition"], "acct_full");
    let (code, doc) = explain(
        &schema,
        &["stripe_api", "--partition", "acct_new", "--weight", "4"],
    );
    assert_eq!(code, 1);
    assert_eq!(doc["partitions"][0]["never"], true);
    assert_eq!(explain(&schema, &["global_api"]).0, 0);

    schema
        .cmd()
        .args([
            "limiter",
            "explain",
            "stripe_api",
            "--partition",
            "acct_cool",
        ])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("cooldown until").and(predicate::str::contains("429 backoff")),
        );
    schema
        .cmd()
        .args(["limiter", "explain", "strpie_api"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean: stripe_api"));
    schema
        .cmd()
        .args(["limiter", "explain", "--worker", "X", "--args", "[1]"])
        .assert()
        .code(64);
}

#[test]
fn simulate_crosses_the_window_end_and_writes_nothing() {
    let schema = seeded("limsim");
    let dump = || {
        schema.strings(&format!(
            "SELECT (SELECT string_agg(s::text, '|' ORDER BY s.partition_key) FROM {0}.oban_powertools_limit_states s) || \
                    (SELECT string_agg(r::text, '|' ORDER BY r.name) FROM {0}.oban_powertools_limit_resources r) || \
                    (SELECT count(*) FROM {0}.oban_powertools_audit_events)::text AS v",
            schema.quoted()
        ))
    };
    let before = dump();
    // acct_sim's window (3 of 3 used) started at 00:00:00 and ends at 00:01:00.
    let out = schema
        .cmd()
        .args([
            "--format",
            "json",
            "limiter",
            "simulate",
            "stripe_api",
            "--partition",
            "acct_sim",
        ])
        .args([
            "--requests",
            "4",
            "--interval",
            "30000",
            "--now",
            "2026-01-01T00:00:10Z",
        ])
        .assert()
        .success();
    let doc: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(doc["from_live_state"], true);
    let verdicts: Vec<(bool, bool)> = doc["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["reserved"].as_bool().unwrap(),
                s["window_reset"].as_bool().unwrap(),
            )
        })
        .collect();
    // 00:00:10 and 00:00:40 are blocked in the full window; 00:01:10 opens a new window; 00:01:40 fits.
    assert_eq!(
        verdicts,
        [(false, false), (false, false), (true, true), (true, false)]
    );

    let fresh = schema
        .cmd()
        .args([
            "--format",
            "json",
            "limiter",
            "simulate",
            "stripe_api",
            "--requests",
            "5",
            "--fresh",
        ])
        .assert()
        .success();
    let doc: Value = serde_json::from_slice(&fresh.get_output().stdout).unwrap();
    let reserved = doc["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["reserved"] == true)
        .count();
    assert_eq!(reserved, 3, "capacity 3 in one frozen moment");
    schema
        .cmd()
        .args(["limiter", "simulate", "stripe_api", "--requests", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("reserved"));
    assert_eq!(dump(), before, "simulate has no side effects");
}

#[test]
fn a_schema_without_limiter_tables_is_a_clear_refusal() {
    let schema = TestSchema::new("limnotables");
    for args in [
        &["limiter", "explain", "x"][..],
        &["limiter", "simulate", "x", "--requests", "1"],
    ] {
        schema.cmd().args(args).assert().code(2).stderr(
            predicate::str::contains("no oban_powertools_limit_resources table")
                .and(predicate::str::contains("obanctl install")),
        );
    }
}

#[test]
fn both_commands_print_the_glossary() {
    let schema = TestSchema::new("limhelp");
    for command in ["explain", "simulate"] {
        schema
            .cmd()
            .args(["limiter", command, "--help"])
            .assert()
            .success()
            .stdout(
                predicate::str::contains("token bucket")
                    .and(predicate::str::contains("capacity"))
                    .and(predicate::str::contains("partition"))
                    .and(predicate::str::contains("limit_reached"))
                    .and(predicate::str::contains("cooldown")),
            );
    }
}
