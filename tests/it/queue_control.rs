//! `obanctl queues`, `queue pause|resume|scale|stop` and `nodes` (issue #14): against the real
//! oban-py engine (see `oban_py.rs`) for what nodes report and obey, and against a plain Oban
//! schema for the refusals.

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use predicates::prelude::*;

use crate::common::{database_url, json_lines, of_kind, one_of_kind, TestSchema};
use crate::oban_py::{
    self, all_in, insert_jobs, max_overlap, notify, producer_meta, wait_for, PyNode,
};

/// Generous: the machine is shared and loaded.
const T: Duration = Duration::from_secs(30);
const REASON: &str = "incident drill for issue 14";

/// oban-py's schema plus the Powertools tables (audit and its chain).
fn py_schema(tag: &str) -> TestSchema {
    let schema = oban_py::schema(tag);
    schema.cmd().args(["install", "-q"]).assert().success();
    schema
}

fn run_json(schema: &TestSchema, args: &[&str]) -> (Vec<serde_json::Value>, i32) {
    let out = schema
        .cmd()
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    assert!(
        code == 0 || code == 1,
        "{args:?} exited {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (json_lines(&out.stdout), code)
}

fn queue_line(lines: &[serde_json::Value], queue: &str) -> serde_json::Value {
    of_kind(lines, "queue")
        .into_iter()
        .find(|l| l["queue"] == queue)
        .unwrap_or_else(|| panic!("no queue {queue} in {lines:?}"))
}

#[test]
fn queues_shows_an_oban_py_node_from_gossip_and_from_oban_producers() {
    let schema = py_schema("qgossip");
    let _node = PyNode::start(&schema, "py-q1", &[("alpha", 3), ("beta", 1)]);
    insert_jobs(&schema, "gamma", 2, r#"{"sleep_ms": 1}"#);

    // Listening needs a direct connection; the PgBouncer lane names one as an operator would.
    let direct = database_url();
    let (lines, _) = run_json(
        &schema,
        &["queues", "--listen", "2s", "--listen-url", &direct],
    );
    let alpha = queue_line(&lines, "alpha");
    assert_eq!(alpha["nodes_source"], "gossip", "{alpha}");
    assert_eq!(alpha["nodes"][0]["node"], "py-q1", "{alpha}");
    assert_eq!(alpha["nodes"][0]["local_limit"], 3, "{alpha}");
    assert_eq!(alpha["nodes"][0]["paused"], false, "{alpha}");
    // A queue with jobs but no consumer, and the alias.
    let gamma = queue_line(&lines, "gamma");
    assert_eq!(gamma["counts"]["available"], 2, "{gamma}");
    assert_eq!(gamma["nodes"], serde_json::json!([]), "{gamma}");

    let (lines, _) = run_json(&schema, &["queues", "list", "--listen", "0"]);
    let beta = queue_line(&lines, "beta");
    assert_eq!(beta["nodes_source"], "producers", "{beta}");
    assert_eq!(beta["nodes"][0]["node"], "py-q1", "{beta}");
    assert_eq!(beta["nodes"][0]["local_limit"], 1, "{beta}");

    // People get a table that fits 80 columns.
    let out = schema
        .cmd()
        .env("COLUMNS", "80")
        .args(["queues", "--listen", "1s", "--listen-url", &direct])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("py-q1 ×3"), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");

    // nodes: the node from producers, the leader table and gossip.
    let (lines, code) = run_json(
        &schema,
        &["nodes", "--listen", "2s", "--listen-url", &direct],
    );
    assert_eq!(code, 0);
    let node = one_of_kind(&lines, "node");
    assert_eq!(node["node"], "py-q1", "{node}");
    assert_eq!(node["liveness"], "alive", "{node}");
    assert!(
        node["sources"]
            .as_array()
            .unwrap()
            .contains(&"gossip".into()),
        "{node}"
    );
}

#[test]
fn queue_pause_holds_jobs_and_resume_releases_them() {
    let schema = py_schema("qpause");
    let _node = PyNode::start(&schema, "py-p1", &[("alpha", 5), ("beta", 1)]);
    let audit_before = schema.audit_count();

    let (lines, code) = run_json(
        &schema,
        &["queue", "pause", "alpha", "--reason", REASON, "--yes"],
    );
    assert_eq!(code, 0, "{lines:?}");
    let plan = one_of_kind(&lines, "queue_plan");
    assert_eq!(plan["targets"][0]["nodes"][0]["node"], "py-p1", "{plan}");
    let confirmation = one_of_kind(&lines, "queue_confirmation");
    assert_eq!(
        confirmation["confirmed"],
        serde_json::json!(["py-p1"]),
        "{confirmation}"
    );
    assert_eq!(one_of_kind(&lines, "summary")["exit"], 0);
    assert_eq!(
        producer_meta(&schema, "alpha", "paused").as_deref(),
        Some("true")
    );
    assert_eq!(schema.audit_count(), audit_before + 1);
    let action = schema.strings(&format!(
        "SELECT action || ' ' || resource_id AS v FROM {}.oban_powertools_audit_events ORDER BY id DESC LIMIT 1",
        schema.quoted()
    ));
    assert_eq!(action, ["queue.paused alpha"]);

    // Paused: inserted jobs stay available while the node still runs beta.
    let held = insert_jobs(&schema, "alpha", 3, r#"{"sleep_ms": 10}"#);
    notify(&schema, "insert", r#"{"queue":"alpha"}"#);
    let control = insert_jobs(&schema, "beta", 1, r#"{"sleep_ms": 10}"#);
    notify(&schema, "insert", r#"{"queue":"beta"}"#);
    wait_for("the beta control job", T, || {
        all_in(&schema, &control, "completed")
    });
    std::thread::sleep(Duration::from_millis(500));
    assert!(all_in(&schema, &held, "available").is_some());
    let (lines, _) = run_json(&schema, &["queues", "--listen", "0"]);
    assert_eq!(queue_line(&lines, "alpha")["nodes"][0]["paused"], true);

    let (lines, code) = run_json(
        &schema,
        &["queue", "resume", "alpha", "--reason", REASON, "--yes"],
    );
    assert_eq!(code, 0, "{lines:?}");
    wait_for("the held jobs completed", T, || {
        all_in(&schema, &held, "completed")
    });
    assert_eq!(
        producer_meta(&schema, "alpha", "paused").as_deref(),
        Some("false")
    );
}

#[test]
fn queue_scale_to_one_runs_one_job_at_a_time() {
    let schema = py_schema("qscale");
    let _node = PyNode::start(&schema, "py-s1", &[("alpha", 5)]);
    let (lines, code) = run_json(
        &schema,
        &[
            "queue", "scale", "alpha", "--limit", "1", "--reason", REASON, "--yes",
        ],
    );
    assert_eq!(code, 0, "{lines:?}");
    assert_eq!(
        one_of_kind(&lines, "queue_confirmation")["confirmed"],
        serde_json::json!(["py-s1"])
    );
    assert_eq!(
        producer_meta(&schema, "alpha", "local_limit").as_deref(),
        Some("1")
    );
    let ids = insert_jobs(&schema, "alpha", 4, r#"{"sleep_ms": 150}"#);
    notify(&schema, "insert", r#"{"queue":"alpha"}"#);
    wait_for("the jobs completed", T, || {
        all_in(&schema, &ids, "completed")
    });
    assert_eq!(max_overlap(&schema, &ids), 1);
}

/// `--node` addresses one node: only it is expected to confirm, the other keeps its state (a
/// node that does not confirm, and the exit 1 it makes, is the next test).
#[test]
fn node_addresses_one_node_and_only_it_must_confirm() {
    let schema = py_schema("qnoconfirm");
    let _a = PyNode::start(&schema, "py-c1", &[("alpha", 2)]);
    let _b = PyNode::start(&schema, "py-c2", &[("alpha", 2)]);
    // Pause on py-c1 only.
    let (_, code) = run_json(
        &schema,
        &[
            "queue", "pause", "alpha", "--node", "py-c1", "--reason", REASON, "--yes",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(
        producer_meta_of(&schema, "py-c2", "paused").as_deref(),
        Some("false")
    );
    // A resume addressed to py-c2 only is confirmed by py-c2; the pause stays on py-c1.
    let (lines, code) = run_json(
        &schema,
        &[
            "queue", "resume", "alpha", "--node", "py-c2", "--reason", REASON, "--yes",
        ],
    );
    assert_eq!(code, 0, "{lines:?}");
    let c = one_of_kind(&lines, "queue_confirmation");
    assert_eq!(c["expected"], serde_json::json!(["py-c2"]), "{c}");
    assert_eq!(
        producer_meta_of(&schema, "py-c1", "paused").as_deref(),
        Some("true")
    );
}

/// Deterministic: a real node confirms the pause, a node that keeps gossiping "not paused" never
/// does, so the run exits 1 and names the node that did not confirm (in JSON and for people).
#[test]
fn a_node_that_does_not_confirm_makes_the_exit_1_and_is_named() {
    let schema = py_schema("qdeaf");
    let _live = PyNode::start(&schema, "py-live", &[("alpha", 2)]);
    let _deaf = crate::common::DeafNode::start(&schema, "py-deaf", "alpha");
    let direct = database_url();
    let pause = |format: &str| {
        schema
            .cmd()
            .args([
                "queue",
                "pause",
                "alpha",
                "--reason",
                REASON,
                "--yes",
                "--confirm-timeout",
                "4s",
                "--listen-url",
                &direct,
                "--format",
                format,
            ])
            .output()
            .unwrap()
    };
    let out = pause("json");
    let lines = json_lines(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{lines:?}");
    let c = one_of_kind(&lines, "queue_confirmation");
    assert_eq!(
        c["expected"],
        serde_json::json!(["py-deaf", "py-live"]),
        "{c}"
    );
    assert_eq!(c["confirmed"], serde_json::json!(["py-live"]), "{c}");
    assert_eq!(c["unconfirmed"], serde_json::json!(["py-deaf"]), "{c}");
    assert_eq!(one_of_kind(&lines, "summary")["exit"], 1);
    // The pause was sent and audited all the same: one row for the queue.
    let audited = schema.strings(&format!(
        "SELECT resource_id AS v FROM {}.oban_powertools_audit_events WHERE action = 'queue.paused'",
        schema.quoted()
    ));
    assert_eq!(audited, vec!["alpha"]);

    // People are told which node did not confirm.
    let out = pause("human");
    assert_eq!(out.status.code(), Some(1));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("py-deaf"), "{text}");
    assert!(text.contains("1 of 2"), "{text}");
}

fn producer_meta_of(schema: &TestSchema, node: &str, key: &str) -> Option<String> {
    schema
        .strings(&format!(
            "SELECT coalesce(meta ->> {}, '') AS v FROM {}.oban_producers WHERE node = {}",
            crate::common::literal(key),
            schema.quoted(),
            crate::common::literal(node)
        ))
        .into_iter()
        .next()
}

// ---------------------------------------------------------------------------------------------
// Refusals (no engine needed)

fn oban_schema(tag: &str) -> TestSchema {
    let schema = TestSchema::with_oban(tag);
    schema.sql(&format!(
        "INSERT INTO {}.oban_jobs (queue, worker) VALUES ('mailers', 'W'), ('billing', 'W')",
        schema.quoted()
    ));
    schema
}

#[test]
fn queue_actions_refuse_what_they_cannot_do_and_send_nothing() {
    let schema = oban_schema("qrefuse");
    let pause = |extra: &[&str]| {
        let mut cmd = schema.cmd();
        cmd.args(["queue", "pause"])
            .args(extra)
            .args(["--confirm-timeout", "0"]);
        cmd
    };
    // Unknown queue, with suggestions.
    pause(&["mailer", "--reason", REASON, "--yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown queue: mailer"))
        .stderr(predicate::str::contains("did you mean: mailers"));
    // No reason (no terminal to ask on): a usage error, as for every mutation.
    pause(&["mailers", "--yes"])
        .assert()
        .code(64)
        .stderr(predicate::str::contains("a reason is required"));
    // No actor: an empty one is refused (without OBANCTL_ACTOR the OS user, found from the uid
    // when USER is unset, is the actor; `guard::require_actor` refuses an unknown one).
    pause(&["mailers", "--reason", REASON, "--yes", "--actor", ""])
        .env_remove("OBANCTL_ACTOR")
        .assert()
        .failure()
        .stderr(predicate::str::contains("actor must not be empty"));
    // Limits out of range; --force allows more than 10,000.
    for limit in ["0", "-3", "10001"] {
        schema
            .cmd()
            .args([
                "queue", "scale", "mailers", "--limit", limit, "--reason", REASON, "--yes",
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("out of range"));
    }
    schema
        .cmd()
        .args([
            "queue",
            "scale",
            "mailers",
            "--limit",
            "20000",
            "--force",
            "--dry-run",
            "--confirm-timeout",
            "0",
        ])
        .assert()
        .success();
    // stop needs its second confirmation.
    schema
        .cmd()
        .args([
            "queue",
            "stop",
            "mailers",
            "--reason",
            REASON,
            "--yes",
            "--confirm-timeout",
            "0",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--confirm-queue mailers"));
    schema
        .cmd()
        .args([
            "queue",
            "stop",
            "mailers",
            "--confirm-queue",
            "billing",
            "--reason",
            REASON,
            "--yes",
            "--confirm-timeout",
            "0",
        ])
        .assert()
        .code(2);
    assert_eq!(schema.audit_count(), 1, "only install's own event");
}

#[test]
fn a_read_only_role_gets_77_and_no_signal_is_sent() {
    let schema = oban_schema("qreader");
    let role = crate::common::unique_name("qreader");
    schema.sql(&format!(
        "CREATE ROLE {role} LOGIN; GRANT USAGE ON SCHEMA {0} TO {role}; GRANT SELECT ON ALL TABLES IN SCHEMA {0} TO {role}",
        schema.quoted()
    ));
    let mut listener = PgConnection::establish(&crate::common::database_url()).unwrap();
    listener
        .batch_execute(&format!(
            "LISTEN {}",
            crate::common::quote(&format!("{}.oban_signal", schema.name))
        ))
        .unwrap();
    let before = schema.audit_count();
    schema
        .cmd()
        .env("DATABASE_URL", crate::common::role_url(&role))
        .args([
            "queue",
            "pause",
            "mailers",
            "--reason",
            REASON,
            "--yes",
            "--confirm-timeout",
            "0",
        ])
        .assert()
        .code(77);
    // A positive control proves the listener hears this channel.
    notify(&schema, "signal", r#"{"action":"noop"}"#);
    std::thread::sleep(Duration::from_millis(300));
    let heard: Vec<String> = listener
        .notifications_iter()
        .filter_map(Result::ok)
        .map(|n| n.payload)
        .collect();
    assert_eq!(heard, [r#"{"action":"noop"}"#], "only the control arrived");
    assert_eq!(schema.audit_count(), before);
    schema.sql(&format!(
        "REVOKE ALL ON ALL TABLES IN SCHEMA {0} FROM {role}; REVOKE USAGE ON SCHEMA {0} FROM {role}; DROP ROLE {role}",
        schema.quoted()
    ));
}

#[test]
fn without_nodes_the_columns_say_unknown_and_why() {
    let schema = oban_schema("qunknown");
    let direct = database_url();
    let (lines, _) = run_json(
        &schema,
        &["queues", "--listen", "500ms", "--listen-url", &direct],
    );
    let mailers = queue_line(&lines, "mailers");
    assert!(mailers["nodes"].is_null(), "{mailers}");
    let why = mailers["nodes_unknown"].as_str().unwrap();
    assert!(why.contains("no node gossiped"), "{why}");
    assert!(why.contains("no oban_producers"), "{why}");
    // Not listening at all says so too.
    let (lines, _) = run_json(&schema, &["queues", "--listen", "0"]);
    let why = queue_line(&lines, "mailers")["nodes_unknown"].clone();
    assert!(why.as_str().unwrap().contains("--listen 0"), "{why}");
    // A pause then cannot be confirmed: sent, audited, exit 1.
    let (lines, code) = run_json(
        &schema,
        &[
            "queue",
            "pause",
            "mailers",
            "--reason",
            REASON,
            "--yes",
            "--confirm-timeout",
            "1s",
        ],
    );
    assert_eq!(code, 1, "{lines:?}");
    assert!(one_of_kind(&lines, "queue_confirmation")["unknown"].is_string());
}

/// A PgBouncer in transaction mode: the CI lane's, else one on 127.0.0.1:6432 (`scripts/pgbouncer`).
fn pgbouncer_url() -> Option<String> {
    let cli = crate::common::cli_database_url();
    if cli != crate::common::database_url() {
        return Some(cli);
    }
    std::net::TcpStream::connect_timeout(
        &"127.0.0.1:6432".parse().unwrap(),
        Duration::from_millis(500),
    )
    .ok()
    .map(|_| "postgres://postgres@127.0.0.1:6432/postgres".to_string())
}

#[test]
fn through_pgbouncer_signals_work_and_listening_degrades_honestly() {
    let Some(bouncer) = pgbouncer_url() else {
        eprintln!("no PgBouncer on 6432 and OBANCTL_TEST_CLI_URL unset: skipped");
        return;
    };
    let schema = py_schema("qbouncer");
    let _node = PyNode::start(&schema, "py-b1", &[("alpha", 4)]);
    let via = |args: &[&str]| {
        let out = schema
            .cmd()
            .env("DATABASE_URL", &bouncer)
            .args(args)
            .args(["--format", "json"])
            .output()
            .unwrap();
        (
            json_lines(&out.stdout),
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    // Listening through the pooler is impossible: the columns come from oban_producers.
    let (lines, code, _) = via(&["queues", "--listen", "1s"]);
    assert_eq!(code, Some(0));
    let alpha = queue_line(&lines, "alpha");
    assert_eq!(alpha["nodes_source"], "producers", "{alpha}");
    // With a direct --listen-url, gossip is heard again.
    let (lines, _, _) = via(&[
        "queues",
        "--listen",
        "2s",
        "--listen-url",
        &crate::common::database_url(),
    ]);
    assert_eq!(queue_line(&lines, "alpha")["nodes_source"], "gossip");
    // The signal is sent through the pooler and confirmed from oban_producers.
    let (lines, code, stderr) = via(&["queue", "pause", "alpha", "--reason", REASON, "--yes"]);
    assert_eq!(code, Some(0), "{stderr}\n{lines:?}");
    let c = one_of_kind(&lines, "queue_confirmation");
    assert_eq!(c["source"], "producers", "{c}");
    assert_eq!(c["confirmed"], serde_json::json!(["py-b1"]), "{c}");
    assert_eq!(
        producer_meta(&schema, "alpha", "paused").as_deref(),
        Some("true")
    );
}

#[test]
fn nodes_lists_every_source_and_flags_jobs_held_by_an_unseen_node() {
    let schema = oban_schema("qnodes");
    let heartbeat = |node: &str, age_secs: i64| {
        format!(
            "INSERT INTO {}.oban_powertools_heartbeats (id, executor_id, node, producer_scope, last_heartbeat_at, inserted_at, updated_at) \
             VALUES (gen_random_uuid(), '{node}-exec', '{node}', 'mailers', timezone('UTC', now()) - interval '{age_secs} seconds', now(), now());",
            schema.quoted()
        )
    };
    schema.sql(&(heartbeat("web-1", 5) + &heartbeat("web-2", 60) + &heartbeat("web-3", 300)));
    schema.sql(&format!(
        "INSERT INTO {0}.oban_jobs (queue, worker, state, attempted_at, attempted_by, attempt) VALUES \
           ('mailers', 'W', 'executing', timezone('UTC', now()), ARRAY['web-1', 'u1'], 1), \
           ('mailers', 'W', 'executing', timezone('UTC', now()), ARRAY['ghost-9', 'u2'], 1), \
           ('billing', 'W', 'executing', timezone('UTC', now()), ARRAY['ghost-9', 'u2'], 1); \
         INSERT INTO {0}.oban_peers (name, node, started_at, expires_at) VALUES \
           ('Oban', 'web-1', timezone('UTC', now()), timezone('UTC', now()) + interval '30 seconds')",
        schema.quoted()
    ));
    let (lines, code) = run_json(&schema, &["nodes", "--listen", "0"]);
    assert_eq!(code, 1, "a flagged node needs attention: {lines:?}");
    let node = |name: &str| {
        of_kind(&lines, "node")
            .into_iter()
            .find(|n| n["node"] == name)
            .unwrap_or_else(|| panic!("no node {name} in {lines:?}"))
    };
    assert_eq!(node("web-1")["liveness"], "alive");
    assert_eq!(node("web-1")["leader"], true);
    assert_eq!(node("web-1")["running_jobs"], 1);
    assert_eq!(node("web-2")["liveness"], "late");
    assert_eq!(node("web-3")["liveness"], "missing");
    let ghost = node("ghost-9");
    assert!(ghost["liveness"].is_null(), "{ghost}");
    assert_eq!(ghost["running_jobs"], 2);
    assert_eq!(ghost["unseen_with_jobs"], true);
    assert_eq!(ghost["queues"], serde_json::json!(["billing", "mailers"]));
    let out = schema
        .cmd()
        .args(["nodes", "--listen", "0"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("seen by no liveness source: ghost-9"),
        "{text}"
    );
}
