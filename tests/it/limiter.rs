//! `obanctl limiter list|explain|simulate` against seeded limiter tables.

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

#[test]
fn list_shows_every_limiter_and_names_invalid_settings() {
    let schema = seeded("limlist");
    let q = schema.quoted();
    schema.sql(&format!(
        "INSERT INTO {q}.oban_powertools_limit_resources (id, name, scope_kind, algorithm, bucket_span_ms, bucket_capacity, default_weight, \
           partition_strategy, partition_config, metadata, inserted_at, updated_at) VALUES \
         (gen_random_uuid(), 'absurd_max', 'global', 'token_bucket', 9223372036854775807, 2147483647, 1, 'global', '{{}}', '{{}}', now(), now()), \
         (gen_random_uuid(), 'absurd_min', 'global', 'token_bucket', -9223372036854775808, -5, -1, 'global', '{{}}', '{{}}', now(), now()); \
         INSERT INTO {q}.oban_powertools_limit_states (id, resource_id, partition_key, tokens_used, bucket_started_at, cooldown_until, inserted_at, updated_at) \
         SELECT gen_random_uuid(), id, '__global__', 2147483647, 'infinity', 'infinity', now(), now() FROM {q}.oban_powertools_limit_resources WHERE name LIKE 'absurd%'"
    ));
    let out = schema
        .cmd()
        .args(["--format", "json", "limiter", "list"])
        .assert()
        .code(1);
    let lines = crate::common::json_lines(&out.get_output().stdout);
    let by_name = |name: &str| lines.iter().find(|l| l["name"] == name).unwrap().clone();
    assert_eq!(by_name("stripe_api")["partitions"], 4);
    assert_eq!(
        by_name("stripe_api")["settings_problems"],
        serde_json::json!([])
    );
    assert_eq!(
        by_name("absurd_max")["settings_problems"],
        serde_json::json!(["span_too_long"])
    );
    assert_eq!(
        by_name("absurd_min")["settings_problems"],
        serde_json::json!([
            "span_not_positive",
            "capacity_not_positive",
            "weight_negative"
        ])
    );
    // Absurd numbers are a verdict, never a panic.
    for name in ["absurd_max", "absurd_min"] {
        let out = schema
            .cmd()
            .args(["--format", "json", "limiter", "explain", name])
            .assert()
            .code(1);
        let lines = crate::common::json_lines(&out.get_output().stdout);
        assert_eq!(lines[0]["status"], "invalid_settings", "{name}");
        assert_eq!(lines[0]["partitions"][0]["cooldown_until"], "infinity");
        schema
            .cmd()
            .args(["limiter", "explain", name])
            .assert()
            .code(1)
            .stdout(predicate::str::contains("Invalid limiter settings"));
        schema
            .cmd()
            .args(["limiter", "simulate", name, "--requests", "3"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("invalid limiter settings"));
    }
    schema
        .cmd()
        .args(["limiter", "list"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("3 tokens per 1 min")
                .and(predicate::str::contains(
                    "invalid: bucket_span_ms is longer than 100 years",
                ))
                .and(predicate::str::contains("60000").not()),
        );
}

#[test]
fn an_unseen_partition_is_said_to_be_unseen() {
    let schema = seeded("limunseen");
    let (code, doc) = explain(&schema, &["stripe_api", "--partition", "acct_ful"]);
    assert_eq!(code, 0);
    let p = &doc["partitions"][0];
    assert_eq!(p["seen"], false);
    let note = p["notes"][0].as_str().unwrap();
    assert!(note.contains("never been seen"), "{note}");
    assert!(note.contains("did you mean: acct_full"), "{note}");
    assert_eq!(partition(&doc, "acct_ful")["status"], "runnable");
    let (_, seen) = explain(&schema, &["stripe_api", "--partition", "acct_full"]);
    assert_eq!(seen["partitions"][0]["seen"], true);
    assert_eq!(seen["partitions"][0]["notes"], serde_json::json!([]));
    schema
        .cmd()
        .args(["limiter", "explain", "stripe_api", "--partition", "nope"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "partition `nope` has never been seen",
        ));
}

#[test]
fn simulate_says_where_the_library_runtime_differs() {
    let schema = seeded("limruntime");
    let args = [
        "limiter",
        "simulate",
        "stripe_api",
        "--fresh",
        "--requests",
        "12",
        "--interval",
        "10000",
        "--now",
        "2026-01-01T00:00:00Z",
    ];
    let out = schema
        .cmd()
        .args(["--format", "json"])
        .args(args)
        .assert()
        .success();
    let lines = crate::common::json_lines(&out.get_output().stdout);
    let sim = &lines[0];
    assert_eq!(sim["kind"], "limiter_simulation");
    assert_eq!(sim["crosses_window_end"], true);
    assert_eq!(sim["library_runtime_differs"], true);
    // 3 per window, as the rule says; the library's runtime admits everything after 60 s.
    assert_eq!(sim["reserved"], 6);
    assert_eq!(sim["library_reserved"], 9);
    assert_eq!(sim["steps"][6]["window_reset"], true);
    assert_eq!(sim["steps"][9]["reserved"], false);
    assert_eq!(sim["steps"][9]["library_reserved"], true);
    assert_eq!(sim["steps"][0]["at"], "2026-01-01T00:00:00.000000Z");
    schema
        .cmd()
        .env("COLUMNS", "80")
        .args(args)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("library's runtime behaves differently")
                .and(predicate::str::contains(
                    "The library would reserve 9 of these 12 requests, not 6",
                ))
                .and(predicate::str::contains("10 s apart")),
        );
    // Within one window nothing differs and nothing is said.
    let out = schema
        .cmd()
        .args([
            "--format",
            "json",
            "limiter",
            "simulate",
            "stripe_api",
            "--fresh",
            "--requests",
            "5",
        ])
        .assert()
        .success();
    let lines = crate::common::json_lines(&out.get_output().stdout);
    assert_eq!(lines[0]["crosses_window_end"], false);
    assert_eq!(lines[0]["library_runtime_differs"], false);
}
