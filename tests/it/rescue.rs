//! `obanctl jobs rescue`: executing jobs a dead node left behind, against a hand-made Oban schema
//! and against a real oban-py node killed mid-job.

use std::time::Duration;

use diesel::connection::SimpleConnection;
use predicates::prelude::*;

use crate::common::{connect, json_lines, of_kind, one_of_kind, TestSchema};
use crate::oban_py::{self, all_in, insert_jobs, notify, states, wait_for, PyNode};

const REASON: &str = "web-9 was terminated by the autoscaler";

fn oban() -> TestSchema {
    TestSchema::with_oban("rescue")
}

/// An executing job on `node`, attempt `attempt` of `max`, started `ago` before now.
fn executing(schema: &TestSchema, node: &str, attempt: i32, max: i32, ago: &str) -> i64 {
    schema.int(&format!(
        "INSERT INTO {0}.oban_jobs (state, queue, worker, args, attempt, max_attempts, attempted_at, attempted_by) \
         VALUES ('executing', 'default', 'MyApp.Sync', '{{}}', {attempt}, {max}, timezone('UTC', now()) - interval '{ago}', ARRAY['{node}', 'p-1']) \
         RETURNING id AS v",
        schema.quoted()
    ))
}

/// A fresh Powertools heartbeat from `node`.
fn heartbeat(schema: &TestSchema, node: &str) {
    schema.sql(&format!(
        "INSERT INTO {}.oban_powertools_heartbeats (id, executor_id, node, producer_scope, last_heartbeat_at, inserted_at, updated_at) \
         VALUES (gen_random_uuid(), 'e-{node}', '{node}', 'default', timezone('UTC', now()), now(), now())",
        schema.quoted()
    ));
}

fn field(schema: &TestSchema, id: i64, expr: &str) -> String {
    schema.strings(&format!(
        "SELECT ({expr})::text AS v FROM {}.oban_jobs WHERE id = {id}",
        schema.quoted()
    ))[0]
        .clone()
}

/// `jobs rescue` without listening for gossip: these tests' nodes are rows, not processes.
fn rescue(schema: &TestSchema) -> assert_cmd::Command {
    let mut cmd = schema.cmd();
    cmd.args(["--format", "json", "jobs", "rescue", "--listen", "0"]);
    cmd
}

/// A rescue run now matches nothing and writes no audit row.
fn assert_nothing_left_to_rescue(schema: &TestSchema) {
    let audit = schema.audit_count();
    let out = rescue(schema)
        .args(["--reason", REASON, "--yes"])
        .assert()
        .success();
    assert_eq!(
        one_of_kind(&json_lines(&out.get_output().stdout), "summary")["matched"],
        0
    );
    assert_eq!(schema.audit_count(), audit);
}

/// One Oban-shaped worker step: fetch available jobs of `default` (FOR UPDATE SKIP LOCKED), run
/// each (counted in `runs`), complete it. Returns the ids it ran.
fn work_once(schema: &TestSchema) -> Vec<String> {
    let q = schema.quoted();
    let ran = schema.strings(&format!(
        "WITH c AS (SELECT id FROM {q}.oban_jobs WHERE state = 'available' AND queue = 'default' AND attempt < max_attempts \
                    ORDER BY priority, scheduled_at, id LIMIT 10 FOR UPDATE SKIP LOCKED), \
              f AS (UPDATE {q}.oban_jobs j SET state = 'executing', attempted_at = timezone('UTC', now()), attempt = j.attempt + 1, \
                           attempted_by = ARRAY['web-1', 'p-2'] FROM c WHERE j.id = c.id RETURNING j.id) \
         SELECT id::text AS v FROM f"
    ));
    if !ran.is_empty() {
        schema.sql(&format!(
            "INSERT INTO {q}.runs SELECT unnest(ARRAY[{0}]::bigint[]); \
             UPDATE {q}.oban_jobs SET state = 'completed', completed_at = timezone('UTC', now()) WHERE id = ANY(ARRAY[{0}]::bigint[])",
            ran.join(",")
        ));
    }
    ran
}

#[test]
fn jobs_of_a_dead_node_are_rescued_once_and_a_live_nodes_are_not() {
    let schema = oban();
    let q = schema.quoted();
    schema.sql(&format!("CREATE TABLE {q}.runs (id bigint)"));
    heartbeat(&schema, "web-1");
    let orphan = executing(&schema, "web-9", 1, 3, "10 minutes");
    let exhausted = executing(&schema, "web-9", 3, 3, "10 minutes");
    let alive = executing(&schema, "web-1", 1, 3, "10 minutes");

    // The preview names the dead node and leaves the live one alone.
    let out = rescue(&schema).arg("--dry-run").assert().success();
    let plan = one_of_kind(&json_lines(&out.get_output().stdout), "plan");
    assert_eq!(plan["operation"], "job_rescue");
    assert_eq!(plan["matched"], 2, "{plan}");
    let notes = plan["notes"].to_string();
    assert!(
        notes.contains("web-9") && notes.contains("Alive nodes, left alone: web-1"),
        "{notes}"
    );
    assert_eq!(field(&schema, orphan, "state"), "executing");

    let out = rescue(&schema)
        .args(["--reason", REASON, "--yes"])
        .assert()
        .success();
    let lines = json_lines(&out.get_output().stdout);
    let outcomes = of_kind(&lines, "job_outcome");
    assert_eq!(outcomes.len(), 2);
    let after = |id: i64| {
        outcomes.iter().find(|o| o["id"] == id).unwrap()["after_state"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(after(orphan), "available");
    assert_eq!(after(exhausted), "discarded");
    let summary = one_of_kind(&lines, "summary");
    assert_eq!(summary["operation"], "job_rescue");
    assert_eq!(summary["changed"], 2);

    assert_eq!(field(&schema, orphan, "state"), "available");
    assert_eq!(
        field(&schema, orphan, "attempt"),
        "1",
        "the attempt is kept"
    );
    assert_eq!(field(&schema, exhausted, "state"), "discarded");
    assert_eq!(
        field(&schema, exhausted, "discarded_at IS NOT NULL"),
        "true"
    );
    // Counted like Oban's Lifeline: a job back in the queue carries meta.rescued; a discarded
    // one keeps its meta.
    assert_eq!(field(&schema, orphan, "meta->'rescued'"), "1");
    assert_eq!(field(&schema, exhausted, "meta ? 'rescued'"), "false");
    assert_eq!(field(&schema, alive, "state"), "executing");
    let entry = field(&schema, orphan, "errors[array_upper(errors, 1)]->>'error'");
    assert!(
        entry.starts_with("rescued by test-actor (its node was absent or missing")
            && entry.contains(REASON)
            && entry.ends_with("(node web-9)"),
        "{entry}"
    );
    assert_eq!(
        field(
            &schema,
            orphan,
            "errors[array_upper(errors, 1)]->>'attempt'"
        ),
        "1"
    );
    let audited = schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM {q}.oban_powertools_audit_events \
         WHERE action = 'lifeline.repair_executed' AND metadata->>'operation' = 'job_rescue'"
    ));
    assert_eq!(audited, 2);
    assert_eq!(
        schema.strings(&format!(
            "SELECT metadata->'after'->>'state' AS v FROM {q}.oban_powertools_audit_events \
             WHERE resource_id = '{exhausted}' AND metadata->>'operation' = 'job_rescue'"
        )),
        vec!["discarded"]
    );

    // A worker picks the rescued job up and completes it, exactly once.
    let mut ran = Vec::new();
    for _ in 0..3 {
        ran.extend(work_once(&schema));
    }
    assert_eq!(ran, vec![orphan.to_string()]);
    assert_eq!(field(&schema, orphan, "state"), "completed");
    assert_eq!(field(&schema, orphan, "attempt"), "2");
    assert_eq!(
        schema.int(&format!("SELECT count(*)::bigint AS v FROM {q}.runs")),
        1
    );

    // Nothing left: a second run rescues nothing and writes nothing.
    assert_nothing_left_to_rescue(&schema);
}

/// A node alive only by its gossip (Elixir Oban without `oban_producers`, no Powertools
/// heartbeat) keeps its jobs: heard, it is alive; not listened for, it would look dead.
#[test]
fn a_node_heard_only_by_its_gossip_keeps_its_jobs() {
    let schema = oban();
    heartbeat(&schema, "web-1");
    executing(&schema, "web-7", 1, 3, "2 hours");
    let orphan = executing(&schema, "web-9", 1, 3, "2 hours");
    let _web7 = crate::common::DeafNode::start(&schema, "web-7", "default");
    let direct = crate::common::database_url();
    let plan = |args: &[&str]| {
        let out = schema
            .cmd()
            .args(["--format", "json", "jobs", "rescue", "--dry-run"])
            .args(args)
            .assert()
            .success();
        one_of_kind(&json_lines(&out.get_output().stdout), "plan")
    };
    for by_age in [false, true] {
        let age: &[&str] = if by_age {
            &["--stuck-after", "1h"]
        } else {
            &[]
        };
        let heard = plan(&[&["--listen", "2s", "--listen-url", &direct][..], age].concat());
        assert_eq!(heard["matched"], 1, "only web-9's job: {heard}");
        assert!(heard["notes"].to_string().contains("web-7"), "{heard}");
        let deaf = plan(&[&["--listen", "0"][..], age].concat());
        assert_eq!(deaf["matched"], 2, "unheard, web-7 looks dead: {deaf}");
        assert!(
            deaf["notes"].to_string().contains("not listened"),
            "the plan says it did not listen: {deaf}"
        );
    }
    assert_eq!(
        field(&schema, orphan, "state"),
        "executing",
        "dry runs change nothing"
    );
}

#[test]
fn live_nodes_need_force_and_blind_spots_need_an_age() {
    let schema = oban();
    let alive_job = executing(&schema, "web-1", 1, 3, "2 hours");
    let young = executing(&schema, "web-5", 1, 3, "1 minute");
    let old = executing(&schema, "web-5", 1, 3, "2 hours");

    // No heartbeat at all: no source lists every node, nothing can be judged dead.
    rescue(&schema)
        .args(["--reason", REASON, "--yes"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no liveness source")
                .and(predicate::str::contains("--stuck-after")),
        );
    // By age instead: only the old jobs.
    let out = rescue(&schema)
        .args(["--stuck-after", "30m", "--dry-run"])
        .assert()
        .success();
    let plan = one_of_kind(&json_lines(&out.get_output().stdout), "plan");
    assert_eq!(plan["matched"], 2, "{plan}");

    // With web-1 alive, an age never reaches its jobs; naming one needs --force.
    heartbeat(&schema, "web-1");
    let out = rescue(&schema)
        .args(["--stuck-after", "30m", "--reason", REASON, "--yes"])
        .assert()
        .success();
    let changed: Vec<i64> = of_kind(&json_lines(&out.get_output().stdout), "job_outcome")
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect();
    assert_eq!(changed, vec![old]);
    assert_eq!(field(&schema, young, "state"), "executing");
    assert_eq!(field(&schema, alive_job, "state"), "executing");
    rescue(&schema)
        .args([&alive_job.to_string(), "--reason", REASON, "--yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("alive").and(predicate::str::contains("--force")));
    assert_eq!(field(&schema, alive_job, "state"), "executing");
    rescue(&schema)
        .args(["--force", "--reason", REASON, "--yes"])
        .assert()
        .code(64);
    rescue(&schema)
        .args([
            &alive_job.to_string(),
            "--force",
            "--reason",
            REASON,
            "--yes",
        ])
        .assert()
        .success();
    assert_eq!(field(&schema, alive_job, "state"), "available");
    let entry = field(
        &schema,
        alive_job,
        "errors[array_upper(errors, 1)]->>'error'",
    );
    assert!(entry.contains("named by id with --force"), "{entry}");
}

#[test]
fn meta_rescued_counts_on_and_hostile_meta_neither_fails_the_batch_nor_is_lost() {
    let schema = oban();
    let q = schema.quoted();
    heartbeat(&schema, "web-1");
    let cases = [
        (
            "'{\"rescued\": 2, \"k\": \"v\"}'",
            "{\"k\": \"v\", \"rescued\": 3}",
        ),
        ("'{\"rescued\": \"two\"}'", "{\"rescued\": 1}"),
        (
            "'{\"rescued\": 1e30}'",
            "{\"rescued\": 1000000000000000000000000000001}",
        ),
        ("'[1, 2]'", "[1, 2]"),
        ("'\"text\"'", "\"text\""),
        ("'null'", "{\"rescued\": 1}"),
    ];
    let ids: Vec<i64> = cases
        .iter()
        .map(|(meta, _)| {
            let id = executing(&schema, "web-9", 1, 3, "10 minutes");
            schema.sql(&format!(
                "UPDATE {q}.oban_jobs SET meta = {meta}::jsonb WHERE id = {id}"
            ));
            id
        })
        .collect();
    rescue(&schema)
        .args(["--reason", REASON, "--yes"])
        .assert()
        .success();
    for (id, (given, expected)) in ids.iter().zip(cases) {
        assert_eq!(field(&schema, *id, "state"), "available", "meta {given}");
        assert_eq!(field(&schema, *id, "meta"), expected, "meta {given}");
    }
}

#[test]
fn refusals_change_nothing() {
    let schema = oban();
    heartbeat(&schema, "web-1");
    let orphan = executing(&schema, "web-9", 1, 3, "10 minutes");
    let audit = schema.audit_count();
    // No reason (not on a terminal).
    rescue(&schema).arg("--yes").assert().failure();
    // Not executing.
    rescue(&schema)
        .args(["--state", "retryable", "--reason", REASON, "--yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not executing"));
    // (No actor: obanctl falls back to the OS user, so a run always has one; guard::require_actor
    // is shared with every job mutation and tested there.)
    // A read-only role: permission denied, 77.
    let role = crate::common::unique_name("reader");
    schema.sql(&format!(
        "CREATE ROLE {role} LOGIN; GRANT USAGE ON SCHEMA {0} TO {role}; GRANT SELECT ON ALL TABLES IN SCHEMA {0} TO {role}",
        schema.quoted()
    ));
    rescue(&schema)
        .env("DATABASE_URL", crate::common::role_url(&role))
        .args(["--reason", REASON, "--yes"])
        .assert()
        .code(77);
    schema.sql(&format!("DROP OWNED BY {role}; DROP ROLE {role}"));
    assert_eq!(field(&schema, orphan, "state"), "executing");
    assert_eq!(schema.audit_count(), audit);

    // A row someone holds is skipped (locked), never waited for.
    let mut holder = connect();
    holder
        .batch_execute(&format!(
            "BEGIN; SELECT id FROM {}.oban_jobs WHERE id = {orphan} FOR UPDATE",
            schema.quoted()
        ))
        .unwrap();
    let out = rescue(&schema)
        .args(["--lock-timeout", "30s", "--reason", REASON, "--yes"])
        .assert()
        .code(2);
    holder.batch_execute("ROLLBACK").unwrap();
    let outcome = one_of_kind(&json_lines(&out.get_output().stdout), "job_outcome");
    assert_eq!(outcome["outcome"], "locked");
    assert_eq!(field(&schema, orphan, "state"), "executing");
}

/// oban-py's schema plus the Powertools tables (audit and its chain), and the table the test
/// worker records each execution in (see `tests/oban_py/worker.py`).
fn py_schema() -> TestSchema {
    let schema = oban_py::schema("rescuepy");
    schema.cmd().args(["install", "-q"]).assert().success();
    schema.sql(&format!(
        "CREATE TABLE {}.obanctl_test_runs (id bigserial PRIMARY KEY, job_id bigint NOT NULL, \
         attempt int NOT NULL, node text NOT NULL, started_at timestamptz NOT NULL DEFAULT clock_timestamp(), \
         finished_at timestamptz)",
        schema.quoted()
    ));
    schema
}

/// Per job of `ids`: its recorded executions as `attempt@node:finished|unfinished`, in order.
fn runs(schema: &TestSchema, ids: &[i64]) -> Vec<String> {
    schema.strings(&format!(
        "SELECT j.id || ' ' || coalesce(string_agg(r.attempt || '@' || r.node || ':' || \
                CASE WHEN r.finished_at IS NULL THEN 'unfinished' ELSE 'finished' END, ' ' ORDER BY r.id), '') AS v \
         FROM unnest(ARRAY[{}]::bigint[]) AS j(id) LEFT JOIN {}.obanctl_test_runs r ON r.job_id = j.id \
         GROUP BY j.id ORDER BY j.id",
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","),
        schema.quoted()
    ))
}

#[test]
fn jobs_a_killed_oban_py_node_left_executing_are_rescued_and_complete_once_on_a_new_node() {
    const T: Duration = Duration::from_secs(30);
    let schema = py_schema();
    let q = schema.quoted();
    let doomed = PyNode::start(&schema, "py-doomed", &[("alpha", 5)]);
    // Long on the first attempt, instant on the next: the rescued re-run is quick.
    let ids = insert_jobs(
        &schema,
        "alpha",
        3,
        r#"{"sleep_ms": 60000, "sleep_attempts": 1, "record": true}"#,
    );
    notify(&schema, "insert", r#"{"queue":"alpha"}"#);
    wait_for(
        "the jobs executing on py-doomed, each run recorded",
        T,
        || {
            all_in(&schema, &ids, "executing")?;
            (runs(&schema, &ids)
                .iter()
                .all(|r| r.ends_with(" 1@py-doomed:unfinished")))
            .then_some(())
        },
    );

    // SIGKILL: no shutdown of oban-py's runs, so the jobs, the producer row and the lease stay.
    doomed.kill();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(states(&schema, &ids), ["executing"; 3]);
    for id in &ids {
        assert_eq!(field(&schema, *id, "attempted_by[1]"), "py-doomed");
        assert_eq!(field(&schema, *id, "attempt"), "1");
    }
    assert_eq!(
        schema.int(&format!(
            "SELECT count(*)::bigint AS v FROM {q}.oban_producers WHERE node = 'py-doomed'"
        )),
        1
    );

    // Right after the kill the node still looks alive: its producer row was refreshed less than
    // 15 s ago and it holds the leader lease. Liveness is judged from those rows only (rescue does
    // not listen for gossip, so a pooler changes nothing), and nothing is selected, not by node,
    // not by age, not by id.
    let out = rescue(&schema).arg("--dry-run").assert().success();
    let summary = one_of_kind(&json_lines(&out.get_output().stdout), "summary");
    assert_eq!(summary["matched"], 0, "{summary}");
    schema
        .cmd()
        .args(["jobs", "rescue", "--dry-run"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Nothing to rescue").and(predicate::str::contains(
                "Alive nodes, left alone: py-doomed (3 jobs)",
            )),
        );
    let out = rescue(&schema)
        .args(["--stuck-after", "1s", "--dry-run"])
        .assert()
        .success();
    let plan = one_of_kind(&json_lines(&out.get_output().stdout), "plan");
    assert_eq!(
        plan["matched"], 0,
        "an age never reaches a live node's jobs: {plan}"
    );
    rescue(&schema)
        .args([&ids[0].to_string(), "--reason", REASON, "--yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("py-doomed, which is alive"));

    // Time passing, simulated: a dead node's producer row stops being refreshed and is judged
    // missing after 120 s; its lease expires 30 s after its last renewal and is judged missing
    // 120 s after that. Rather than wait minutes, the rows are aged in SQL. The producer row alone
    // is not enough while the lease vouches for the node (the freshest sighting decides).
    schema.sql(&format!(
        "UPDATE {q}.oban_producers SET updated_at = updated_at - interval '10 minutes' \
         WHERE node = 'py-doomed'"
    ));
    let out = rescue(&schema).arg("--dry-run").assert().success();
    let summary = one_of_kind(&json_lines(&out.get_output().stdout), "summary");
    assert_eq!(
        summary["matched"], 0,
        "the unexpired lease still vouches: {summary}"
    );
    let aged = schema.int(&format!(
        "WITH a AS (UPDATE {q}.oban_leaders SET expires_at = timezone('UTC', now()) - interval '10 minutes' \
                    WHERE node = 'py-doomed' RETURNING 1) SELECT count(*)::bigint AS v FROM a"
    ));
    assert_eq!(aged, 1, "py-doomed held the leader lease");

    let out = rescue(&schema).arg("--dry-run").assert().success();
    let plan = one_of_kind(&json_lines(&out.get_output().stdout), "plan");
    assert_eq!(plan["matched"], 3, "{plan}");
    assert!(
        plan["notes"].to_string().contains("py-doomed (3 jobs)"),
        "{plan}"
    );
    assert_eq!(
        states(&schema, &ids),
        ["executing"; 3],
        "a preview changes nothing"
    );

    let out = rescue(&schema)
        .args(["--reason", REASON, "--yes"])
        .assert()
        .success();
    let lines = json_lines(&out.get_output().stdout);
    let mut rescued: Vec<i64> = of_kind(&lines, "job_outcome")
        .iter()
        .map(|o| {
            assert_eq!(o["after_state"], "available", "{o}");
            o["id"].as_i64().unwrap()
        })
        .collect();
    rescued.sort_unstable();
    assert_eq!(rescued, ids);
    assert_eq!(one_of_kind(&lines, "summary")["changed"], 3);
    for id in &ids {
        assert_eq!(field(&schema, *id, "state"), "available");
        assert_eq!(field(&schema, *id, "attempt"), "1", "the attempt is kept");
        let entry = field(&schema, *id, "errors->-1->>'error'");
        assert!(
            entry.starts_with("rescued by test-actor (its node was absent or missing")
                && entry.contains(REASON)
                && entry.ends_with("(node py-doomed)"),
            "{entry}"
        );
        assert_eq!(field(&schema, *id, "errors->-1->>'attempt'"), "1");
        assert_eq!(field(&schema, *id, "jsonb_array_length(errors)"), "1");
    }
    assert_eq!(
        schema.strings(&format!(
            "SELECT resource_id || ' ' || (metadata->'before'->>'state') || '>' || (metadata->'after'->>'state') AS v \
             FROM {q}.oban_powertools_audit_events \
             WHERE action = 'lifeline.repair_executed' AND metadata->>'operation' = 'job_rescue' ORDER BY resource_id::bigint"
        )),
        ids.iter()
            .map(|id| format!("{id} executing>available"))
            .collect::<Vec<_>>(),
        "one audit row per rescued job"
    );

    // A new node on the same queue runs each rescued job once more, as attempt 2, to completion.
    let fresh = PyNode::start(&schema, "py-fresh", &[("alpha", 5)]);
    notify(&schema, "insert", r#"{"queue":"alpha"}"#);
    wait_for("the rescued jobs completed", T, || {
        all_in(&schema, &ids, "completed")
    });
    // Settle: nothing runs them again.
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(
        runs(&schema, &ids),
        ids.iter()
            .map(|id| format!("{id} 1@py-doomed:unfinished 2@py-fresh:finished"))
            .collect::<Vec<_>>(),
        "each job ran once on the killed node and completed exactly once on the new one"
    );
    for id in &ids {
        assert_eq!(field(&schema, *id, "attempt"), "2");
        assert_eq!(field(&schema, *id, "attempted_by[1]"), "py-fresh");
    }

    // Nothing left: another run selects nothing and writes nothing.
    assert_nothing_left_to_rescue(&schema);
    let stderr = fresh.stderr_text();
    assert!(
        fresh.stop(),
        "py-fresh exits 0 on SIGTERM; stderr:\n{stderr}"
    );
}
