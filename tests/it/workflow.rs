//! `obanctl workflow list|inspect` against realistic workflow rows, including a malformed graph.

use predicates::prelude::*;

use crate::common::TestSchema;

const WF: &str = "00000000-0000-0000-0000-0000000000a1";

/// nightly_import: fetch (completed) -> transform (failed) -> load (cancelled by dependency)
/// -> publish (pending); fetch -> approve (awaiting a signal); fetch -> report (available).
fn seeded(tag: &str) -> TestSchema {
    let schema = TestSchema::new(tag);
    schema.cmd().args(["install", "-q"]).assert().success();
    let q = schema.quoted();
    let step = |id: u32,
                name: &str,
                state: &str,
                position: u32,
                cause: &str,
                codes: &str,
                signal: &str| {
        format!(
            "('00000000-0000-0000-0000-0000000001{id:02}', '{WF}', '{name}', 'App.{name}', '{state}', {position}, {}, ARRAY[{codes}]::varchar[], {}, 1, now(), now())",
            if cause.is_empty() { "NULL".into() } else { format!("'{cause}'") },
            if signal.is_empty() { "NULL".into() } else { format!("'{signal}'") },
        )
    };
    let steps = [
        step(1, "fetch", "completed", 0, "completed", "", ""),
        step(2, "transform", "failed", 1, "step_failed", "", ""),
        step(
            3,
            "load",
            "cancelled",
            2,
            "cancelled_by_dependency",
            "'cancelled_by_dependency'",
            "",
        ),
        step(
            4,
            "publish",
            "pending",
            3,
            "",
            "'waiting_on_dependencies'",
            "",
        ),
        step(
            5,
            "approve",
            "awaiting_signal",
            4,
            "",
            "'waiting_on_signal'",
            "manager_approval",
        ),
        step(6, "report", "available", 5, "", "", ""),
    ];
    let edge = |n: u32, from: u32, to: u32| {
        format!(
            "(gen_random_uuid(), '{WF}', '00000000-0000-0000-0000-0000000001{from:02}', '00000000-0000-0000-0000-0000000001{to:02}', 'cancel', now(), now())"
        )
        .replace("gen_random_uuid()", &format!("'00000000-0000-0000-0000-0000000002{n:02}'"))
    };
    schema.sql(&format!(
        "INSERT INTO {q}.oban_powertools_workflows (id, name, state, terminal_cause, step_count, completed_step_count, failed_step_count, \
           cancelled_step_count, runnable_step_count, inserted_at, updated_at) \
         VALUES ('{WF}', 'nightly_import', 'failed', 'step_failed', 6, 1, 1, 1, 1, now(), now()); \
         INSERT INTO {q}.oban_powertools_workflow_steps (id, workflow_id, step_name, worker, state, position, terminal_cause, blocker_codes, \
           awaiting_signal_name, attempt, inserted_at, updated_at) VALUES {}; \
         INSERT INTO {q}.oban_powertools_workflow_edges (id, workflow_id, from_step_id, to_step_id, policy, inserted_at, updated_at) VALUES {}; \
         INSERT INTO {q}.oban_powertools_workflow_results (id, workflow_id, step_id, attempt, status, summary, recorded_at, inserted_at) \
           VALUES (gen_random_uuid(), '{WF}', '00000000-0000-0000-0000-000000000101', 1, 'completed', '1200 rows', now(), now()); \
         INSERT INTO {q}.oban_powertools_workflow_awaits (id, workflow_id, step_id, signal_name, correlation_key, dedupe_key, status, deadline_at, inserted_at) \
           VALUES (gen_random_uuid(), '{WF}', '00000000-0000-0000-0000-000000000105', 'manager_approval', 'batch-7', 'batch-7', 'waiting', now() + interval '1 day', now()); \
         INSERT INTO {q}.oban_powertools_workflow_recovery_sessions (id, workflow_id, status, trigger, reason, actor_id, requested_at, inserted_at) \
           VALUES (gen_random_uuid(), '{WF}', 'completed', 'recover_step', 'retry after fix', 'ops-demo', now(), now()); \
         INSERT INTO {q}.oban_powertools_workflow_command_attempts (id, workflow_id, scope, action, status, reason_code, requested_at, metadata, inserted_at) \
           VALUES (gen_random_uuid(), '{WF}', 'step', 'recover_step:retry', 'rejected', 'illegal_transition', now(), '{{\"legal_next_steps\": [\"inspect_step_result\"]}}', now())",
        steps.join(", "),
        [edge(1, 1, 2), edge(2, 2, 3), edge(3, 3, 4), edge(4, 1, 5), edge(5, 1, 6)].join(", "),
    ));
    schema
}

#[test]
fn list_labels_finished_workflows_by_their_state() {
    let schema = seeded("wflist");
    schema
        .cmd()
        .args(["workflow", "list"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("nightly_import")
                .and(predicate::str::contains("failed (step_failed)")),
        );
    let out = schema
        .cmd()
        .args([
            "--format",
            "json",
            "workflow",
            "list",
            "--state",
            "completed",
        ])
        .assert()
        .success();
    assert!(out.get_output().stdout.is_empty());
    let out = schema
        .cmd()
        .args(["--format", "json", "workflow", "list"])
        .assert()
        .success();
    let lines = crate::common::json_lines(&out.get_output().stdout);
    assert_eq!(lines[0]["kind"], "workflow");
    assert_eq!(lines[0]["state"], "failed");
    assert_eq!(lines[0]["terminal_cause"], "step_failed");
    assert_eq!(lines[0]["finished"], true);
    assert_eq!(lines[0]["counters"]["step_count"], 6);
}

#[test]
fn an_unknown_state_is_a_usage_error_that_lists_the_states() {
    let schema = seeded("wfstate");
    schema
        .cmd()
        .args(["workflow", "list", "--state", "bogus"])
        .assert()
        .code(64)
        .stderr(
            predicate::str::contains("`bogus` is not a workflow state").and(predicate::str::contains(
                "available, pending, running, cancel_requested, completed, failed, cancelled, expired",
            )),
        );
    schema
        .cmd()
        .args(["workflow", "list", "--state", "runing"])
        .assert()
        .code(64)
        .stderr(predicate::str::contains("did you mean: running?"));
    schema
        .cmd()
        .args(["workflow", "list", "--state", "failed,running"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nightly_import"));
}

#[test]
fn inspect_draws_the_tree_with_waits_causes_and_legal_actions() {
    let schema = seeded("wfinspect");
    let out = schema
        .cmd()
        .args(["workflow", "inspect", "nightly_import"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    for needle in [
        "status: failed (step_failed)",
        "legal next actions: none",
        "fetch [completed] attempt 1 · cause completed",
        "  transform [failed] attempt 1 · cause step_failed",
        "      publish [pending] attempt 1 · waits for load (cancelled) · waiting_on_dependencies\n",
        "6 steps: 1 completed, 1 failed, 1 cancelled, 1 available, 1 pending, 1 awaiting_signal",
        "legal next actions: none (the workflow is finished)",
        "  approve [awaiting_signal] attempt 1 · waits for signal manager_approval · waiting_on_signal",
        "open awaits:",
        "manager_approval",
        "recent rejected commands:",
        "illegal_transition",
        "recovery sessions:",
    ] {
        assert!(text.contains(needle), "missing `{needle}` in\n{text}");
    }
    assert!(!text.contains("problem:"));
    assert!(
        !text.contains("actions: workflow_step"),
        "a finished workflow offers no step action: {text}"
    );

    let out = schema
        .cmd()
        .args(["--format", "json", "workflow", "inspect", WF])
        .assert()
        .success();
    let lines = crate::common::json_lines(&out.get_output().stdout);
    let doc = &lines[0];
    assert_eq!(doc["kind"], "workflow");
    assert_eq!(doc["state"], "failed");
    assert_eq!(doc["terminal_cause"], "step_failed");
    let total: i64 = doc["steps_by_state"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 6, "the summary adds up: {doc}");
    let step = |name: &str| {
        lines
            .iter()
            .find(|s| s["kind"] == "workflow_step" && s["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(step("report")["legal_actions"], serde_json::json!([]));
    assert_eq!(step("fetch")["legal_actions"], serde_json::json!([]));
    assert_eq!(step("publish")["parents"][0]["step"], "load");
    assert_eq!(doc["evidence"]["latest_results"][0]["summary"], "1200 rows");

    // While the workflow runs, its idle steps can be retried or cancelled.
    schema.sql(&format!(
        "UPDATE {}.oban_powertools_workflows SET state = 'running', terminal_cause = NULL",
        schema.quoted()
    ));
    let out = schema
        .cmd()
        .args(["--format", "json", "workflow", "inspect", WF])
        .assert()
        .success();
    let lines = crate::common::json_lines(&out.get_output().stdout);
    let report = lines.iter().find(|s| s["name"] == "report").unwrap();
    assert_eq!(
        report["legal_actions"],
        serde_json::json!(["workflow_step_retry", "workflow_step_cancel"])
    );
    assert_eq!(
        lines[0]["legal_actions"],
        serde_json::json!(["workflow_request_cancel"])
    );

    let dot = schema
        .cmd()
        .args(["workflow", "inspect", "nightly_import", "--dot"])
        .assert()
        .success();
    let dot = String::from_utf8_lossy(&dot.get_output().stdout).to_string();
    assert!(dot.starts_with("digraph \"nightly_import\""));
    assert!(dot.contains("\"transform\" -> \"load\";"));

    schema
        .cmd()
        .args(["workflow", "inspect", "no_such_workflow"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no workflow with id or name"));
    schema
        .cmd()
        .args(["workflow", "inspect", "nightly_imprt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean: nightly_import?"));
}

#[test]
fn a_malformed_graph_is_reported_not_crashed_on() {
    let schema = seeded("wfbroken");
    let q = schema.quoted();
    // A loop between publish and load, and an edge into a step of another workflow.
    schema.sql(&format!(
        "INSERT INTO {q}.oban_powertools_workflow_edges (id, workflow_id, from_step_id, to_step_id, policy, inserted_at, updated_at) \
         VALUES (gen_random_uuid(), '{WF}', '00000000-0000-0000-0000-000000000104', '00000000-0000-0000-0000-000000000103', 'cancel', now(), now()); \
         INSERT INTO {q}.oban_powertools_workflows (id, name, state, inserted_at, updated_at) \
         VALUES ('00000000-0000-0000-0000-0000000000b2', 'other', 'pending', now(), now()); \
         INSERT INTO {q}.oban_powertools_workflow_steps (id, workflow_id, step_name, worker, state, inserted_at, updated_at) \
         VALUES ('00000000-0000-0000-0000-0000000009ff', '00000000-0000-0000-0000-0000000000b2', 'elsewhere', 'W', 'pending', now(), now()); \
         INSERT INTO {q}.oban_powertools_workflow_edges (id, workflow_id, from_step_id, to_step_id, policy, inserted_at, updated_at) \
         VALUES (gen_random_uuid(), '{WF}', '00000000-0000-0000-0000-000000000106', '00000000-0000-0000-0000-0000000009ff', 'cancel', now(), now())"
    ));
    let out = schema
        .cmd()
        .args(["workflow", "inspect", "nightly_import"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("problem: these steps depend on each other in a cycle: load, publish"),
        "{text}"
    );
    assert!(text.contains("names a step that does not exist"), "{text}");
    let out = schema
        .cmd()
        .args(["--format", "json", "workflow", "inspect", "nightly_import"])
        .assert()
        .success();
    let lines = crate::common::json_lines(&out.get_output().stdout);
    let kinds: Vec<&str> = lines[0]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["dangling_edge", "cycle"]);
    schema
        .cmd()
        .args(["workflow", "inspect", "nightly_import", "--dot"])
        .assert()
        .success();
}
