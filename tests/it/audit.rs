//! `obanctl audit tail|export` against a real audit table, including rows written the way the
//! Elixir library writes them.

use std::io::{BufRead, BufReader};
use std::sync::mpsc;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use predicates::prelude::*;
use serde_json::Value;

use crate::common::{connect, json_lines, literal, TestSchema, ACTOR};

fn installed(tag: &str) -> TestSchema {
    let schema = TestSchema::new(tag);
    schema.cmd().args(["install", "-q"]).assert().success();
    schema
}

/// Inserts an event directly, as another writer would.
fn event_sql(
    schema: &TestSchema,
    actor: Option<&str>,
    action: &str,
    resource: &str,
    metadata: &str,
) -> String {
    let (kind, id) = resource.split_once(':').unwrap();
    format!(
        "INSERT INTO {}.oban_powertools_audit_events (actor_id, action, event_type, resource, resource_type, resource_id, metadata, inserted_at) \
         VALUES ({}, {2}, {2}, {3}, {4}, {5}, {6}::jsonb, date_trunc('second', timezone('UTC', now())))",
        schema.quoted(),
        actor.map(literal).unwrap_or_else(|| "NULL".into()),
        literal(action),
        literal(resource),
        literal(kind),
        literal(id),
        literal(metadata)
    )
}

#[test]
fn tail_shows_newest_first_with_the_actor_the_ui_shows() {
    let schema = installed("tail");
    schema.sql(&event_sql(
        &schema,
        Some("system:workflow_runtime"),
        "workflow.step_completed",
        "workflow_step:5b1c",
        r#"{"principal": {"id": "system:workflow_runtime", "type": "system"}, "status": "completed"}"#,
    ));
    schema.sql(&event_sql(
        &schema,
        Some("alice"),
        "cron.paused",
        "cron_entry:nightly_sync",
        r#"{"reason": "maintenance window"}"#,
    ));
    schema.sql(&event_sql(
        &schema,
        None,
        "limiter.released",
        "limiter:stripe",
        "{}",
    ));

    let out = schema
        .cmd()
        .args(["--format", "json", "audit", "tail"])
        .assert()
        .success();
    let events = json_lines(&out.get_output().stdout);
    let actions: Vec<&str> = events
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "limiter.released",
            "cron.paused",
            "workflow.step_completed",
            "powertools.installed"
        ]
    );
    let actors: Vec<&str> = events
        .iter()
        .map(|e| e["actor"].as_str().unwrap())
        .collect();
    assert_eq!(
        actors,
        ["system", "alice", "system:workflow_runtime", ACTOR]
    );
    assert_eq!(events[1]["reason"], "maintenance window");
    assert_eq!(events[2]["outcome"], "completed");

    schema
        .cmd()
        .args(["audit", "tail"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("cron_entry:nightly_sync")
                .and(predicate::str::contains("maintenance window")),
        );
}

#[test]
fn tail_filters() {
    let schema = installed("tailfilter");
    for id in 1..=3 {
        schema.sql(&event_sql(
            &schema,
            Some("bob"),
            "lifeline.repair_executed",
            &format!("job:{id}"),
            r#"{"operation": "job_cancel", "reason": "stop it now"}"#,
        ));
    }
    schema.sql(&event_sql(
        &schema,
        Some("alice"),
        "cron.paused",
        "cron_entry:nightly_sync",
        "{}",
    ));
    let ids = |args: &[&str]| -> Vec<String> {
        let mut cmd = schema.cmd();
        cmd.args(["--format", "json", "audit", "tail"]).args(args);
        json_lines(&cmd.assert().success().get_output().stdout)
            .iter()
            .map(|e| e["resource"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&["--resource", "job:2"]), ["job:2"]);
    assert_eq!(ids(&["--resource", "job"]).len(), 3);
    assert_eq!(ids(&["--by", "alice"]), ["cron_entry:nightly_sync"]);
    assert_eq!(
        ids(&["--action", "lifeline.repair_executed", "--limit", "2"]),
        ["job:3", "job:2"]
    );
    assert_eq!(ids(&["--operation", "job_cancel"]).len(), 3);
    assert_eq!(ids(&["--since", "1h"]).len(), 5);
    assert!(ids(&["--until", "1h"]).is_empty());
    schema
        .cmd()
        .args(["audit", "tail", "--resource", "job:"])
        .assert()
        .code(64);
    schema
        .cmd()
        .args(["audit", "tail", "--since", "whenever"])
        .assert()
        .code(64);
    schema
        .cmd()
        .env("OBANCTL_POWERTOOLS_SCHEMA", "no_such_schema_here")
        .args(["audit", "tail"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no oban_powertools_audit_events table",
        ));
}

#[test]
fn follow_prints_events_that_commit_out_of_order_exactly_once() {
    let schema = installed("follow");
    let mut child = schema
        .process(&["--format", "json", "audit", "tail", "--follow"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel::<Value>();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(serde_json::from_str(&line).unwrap()).is_err() {
                break;
            }
        }
    });
    let next = |what: &str| {
        rx.recv_timeout(Duration::from_secs(5))
            .unwrap_or_else(|_| panic!("no {what} within 5 s"))
    };
    assert_eq!(next("initial event")["action"], "powertools.installed");

    // A takes the lower id but commits after B.
    let mut a = connect();
    a.batch_execute("BEGIN").unwrap();
    a.batch_execute(&event_sql(&schema, Some("a"), "test.late", "job:1", "{}"))
        .unwrap();
    schema.sql(&event_sql(&schema, Some("b"), "test.early", "job:2", "{}"));
    let early = next("early event");
    assert_eq!(early["action"], "test.early");
    std::thread::sleep(Duration::from_millis(700));
    a.batch_execute("COMMIT").unwrap();
    let started = std::time::Instant::now();
    let late = next("late event");
    assert_eq!(late["action"], "test.late");
    assert!(late["id"].as_i64() < early["id"].as_i64());
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "within a second or so"
    );
    // Nothing is printed twice over the next polls.
    assert!(rx.recv_timeout(Duration::from_millis(1500)).is_err());
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn export_streams_rows_with_a_header_and_a_checkable_trailer() {
    let schema = installed("export");
    schema.sql(&format!(
        "INSERT INTO {}.oban_powertools_audit_events (actor_id, action, resource, resource_type, resource_id, metadata, inserted_at) \
         SELECT 'bulk', 'lifeline.repair_executed', 'job:' || i, 'job', i::text, jsonb_build_object('reason', 'line, with \"quotes\"'), \
                timezone('UTC', now()) FROM generate_series(1, 25000) i",
        schema.quoted()
    ));
    let path = schema.dir.path().join("audit.jsonl");
    schema
        .cmd()
        .args(["audit", "export", "--output"])
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains("Exported 25001 audit events"));
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let header: Value = serde_json::from_str(lines[0]).unwrap();
    let trailer: Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    assert_eq!(header["obanctl_export"], "header");
    assert_eq!(trailer["obanctl_export"], "trailer");
    assert_eq!(trailer["rows"], 25001);
    assert_eq!(
        trailer["chain_head"]["seq"], 1,
        "the install event is the chain's only entry"
    );
    assert_eq!(trailer["chain_head"]["hash"].as_str().unwrap().len(), 64);
    let rows = &lines[1..lines.len() - 1];
    assert_eq!(rows.len(), 25001);
    let ids: Vec<i64> = rows
        .iter()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "oldest first, no duplicates across chunks"
    );
    use sha2::Digest;
    let mut digest = sha2::Sha256::new();
    for row in rows {
        digest.update(row.as_bytes());
        digest.update(b"\n");
    }
    assert_eq!(
        trailer["sha256"],
        format!("{:x}", digest.finalize()),
        "the trailer detects truncation and edits"
    );

    let out = schema
        .cmd()
        .args(["audit", "export", "--as", "csv", "--resource", "job:7"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.starts_with("id,inserted_at,actor_id,action,"),
        "a standard CSV file: the header row first"
    );
    assert!(
        !text.lines().any(|l| l.starts_with('#')),
        "no comment lines"
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 1);
    assert_eq!(&records[0][6], "job:7");
    let metadata: Value = serde_json::from_str(&records[0][9]).unwrap();
    assert_eq!(metadata["reason"], "line, with \"quotes\"");
}

fn verify(schema: &TestSchema) -> (i32, Value) {
    let out = schema
        .cmd()
        .args(["--format", "json", "audit", "verify"])
        .assert();
    let code = out.get_output().status.code().unwrap();
    (
        code,
        serde_json::from_slice(&out.get_output().stdout).unwrap(),
    )
}

/// Install, a bulk retry (chained in batches) and a row from another writer.
fn chained(tag: &str) -> TestSchema {
    chained_with(tag, None, None)
}

/// [`chained`], the install signed with `install_key` and the retry with `retry_key`.
fn chained_with(tag: &str, install_key: Option<&str>, retry_key: Option<&str>) -> TestSchema {
    let schema = TestSchema::new(tag);
    with_key(&schema, install_key)
        .args(["install", "--with-oban", "-q"])
        .assert()
        .success();
    schema.sql(&format!(
        "INSERT INTO {}.oban_jobs (state, queue, worker, attempt, max_attempts) SELECT 'discarded', 'q', 'W', 1, 1 FROM generate_series(1, 30)",
        schema.quoted()
    ));
    with_key(&schema, retry_key)
        .args([
            "jobs",
            "retry",
            "--state",
            "discarded",
            "--reason",
            "chain test retry",
            "--yes",
            "--batch-size",
            "7",
        ])
        .assert()
        .success();
    schema.sql(&event_sql(
        &schema,
        Some("alice"),
        "cron.paused",
        "cron_entry:nightly_sync",
        r#"{"source": "operator"}"#,
    ));
    schema
}

#[test]
fn verify_passes_on_an_untouched_chain_and_counts_other_writers_apart() {
    let schema = chained("verifyok");
    let (code, doc) = verify(&schema);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["intact"], true);
    assert_eq!(
        doc["chained_events_checked"], 32,
        "install, 30 jobs, the bulk summary"
    );
    assert_eq!(doc["unchained_other_writers"], 1);
    let chain_rows = schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM {}.obanctl_audit_chain",
        schema.quoted()
    ));
    assert_eq!(chain_rows, 32);
    schema
        .cmd()
        .args(["audit", "verify"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Audit chain intact: 32 events"));
}

#[test]
fn verify_catches_an_edited_event_and_passes_again_once_it_is_restored() {
    let schema = chained("verifyedit");
    let target = format!("{}.oban_powertools_audit_events", schema.quoted());
    let original = schema.strings(&format!(
        "SELECT metadata::text AS v FROM {target} WHERE resource = 'job:5'"
    ))[0]
        .clone();
    schema.sql(&format!(
        "UPDATE {target} SET metadata = jsonb_set(metadata, '{{reason}}', '\"nothing to see here\"') WHERE resource = 'job:5'"
    ));
    let (code, doc) = verify(&schema);
    assert_eq!(code, 2);
    assert_eq!(doc["break"]["kind"], "edited");
    assert!(doc["break"]["detail"]
        .as_str()
        .unwrap()
        .contains("changed after it was written"));
    schema.sql(&format!(
        "UPDATE {target} SET metadata = {}::jsonb WHERE resource = 'job:5'",
        literal(&original)
    ));
    assert_eq!(verify(&schema).0, 0);
    schema.sql(&format!(
        "UPDATE {target} SET actor_id = 'mallory' WHERE resource = 'job:9'"
    ));
    assert_eq!(verify(&schema).1["break"]["kind"], "edited");
}

#[test]
fn verify_catches_deleted_and_inserted_events() {
    let schema = chained("verifydel");
    let target = format!("{}.oban_powertools_audit_events", schema.quoted());
    schema.sql(&format!("DELETE FROM {target} WHERE resource = 'job:12'"));
    let (code, doc) = verify(&schema);
    assert_eq!(code, 2);
    assert_eq!(doc["break"]["kind"], "deleted");

    let schema = chained("verifyins");
    schema.sql(&event_sql(
        &schema,
        Some(ACTOR),
        "lifeline.repair_executed",
        "job:99",
        r#"{"source": "cli", "operation": "job_retry", "reason": "forged"}"#,
    ));
    let (code, doc) = verify(&schema);
    assert_eq!(code, 2);
    assert_eq!(doc["break"]["kind"], "inserted");

    // Removing the chain rows of deleted events as well leaves a gap in the sequence.
    let schema = chained("verifygap");
    schema.sql(&format!(
        "DELETE FROM {0}.obanctl_audit_chain WHERE event_id IN (SELECT id FROM {0}.oban_powertools_audit_events WHERE resource = 'job:3'); \
         DELETE FROM {0}.oban_powertools_audit_events WHERE resource = 'job:3'",
        schema.quoted()
    ));
    let (code, doc) = verify(&schema);
    assert_eq!(code, 2);
    assert!(
        doc["break"]["detail"].as_str().unwrap().contains("missing"),
        "{doc}"
    );
}

#[test]
fn mutations_refuse_without_the_chain_table_and_change_nothing() {
    let schema = TestSchema::with_oban("nochain");
    schema.sql(&format!(
        "DROP TABLE {0}.obanctl_audit_chain; INSERT INTO {0}.oban_jobs (state, queue, worker) VALUES ('retryable', 'q', 'W')",
        schema.quoted()
    ));
    schema
        .cmd()
        .args([
            "jobs",
            "cancel",
            "--all",
            "--reason",
            "chain table is gone",
            "--yes",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("obanctl install"));
    assert_eq!(
        schema.int(&format!(
            "SELECT count(*)::bigint AS v FROM {}.oban_jobs WHERE state = 'retryable'",
            schema.quoted()
        )),
        1
    );
    schema.cmd().args(["install", "-q"]).assert().success();
    schema
        .cmd()
        .args([
            "jobs",
            "cancel",
            "--all",
            "--reason",
            "chain table is back",
            "--yes",
        ])
        .assert()
        .success();
}

#[test]
fn purge_is_a_dry_run_by_default_and_a_purge_leaves_a_chain_that_verifies() {
    let schema = chained("purge");
    let events = format!("{}.oban_powertools_audit_events", schema.quoted());
    // Another writer's old rows (not chained).
    schema.sql(&format!(
        "INSERT INTO {events} (actor_id, action, resource, resource_type, resource_id, metadata, inserted_at) \
         SELECT 'elixir', 'cron.slot_claimed', 'cron_entry:x', 'cron_entry', 'x', '{{}}', '2020-01-01' FROM generate_series(1, 3)"
    ));
    let before = schema.audit_count();
    std::thread::sleep(Duration::from_millis(3100));
    // Newer events that must survive.
    schema.sql(&format!(
        "INSERT INTO {}.oban_jobs (state, queue, worker) VALUES ('retryable', 'late', 'W')",
        schema.quoted()
    ));
    schema
        .cmd()
        .args([
            "jobs",
            "cancel",
            "--queue",
            "late",
            "--reason",
            "newer than the cutoff",
            "--yes",
        ])
        .assert()
        .success();

    let dry = schema
        .cmd()
        .args(["--format", "json", "audit", "purge", "--older-than", "2s"])
        .assert()
        .success();
    let plan: Value = serde_json::from_slice(&dry.get_output().stdout).unwrap();
    assert_eq!(plan["chained_events"], 32);
    assert_eq!(
        plan["other_writers_events"], 4,
        "the three 2020 rows and the cron row"
    );
    assert_eq!(
        schema.audit_count(),
        before + 2,
        "a dry run deletes nothing"
    );

    // No reason (a usage error), no confirmation (refused).
    schema
        .cmd()
        .args(["audit", "purge", "--older-than", "2s", "--execute", "--yes"])
        .assert()
        .code(64);
    schema
        .cmd()
        .args([
            "audit",
            "purge",
            "--older-than",
            "2s",
            "--execute",
            "--reason",
            "retention policy test",
        ])
        .assert()
        .code(2);
    schema
        .cmd()
        .args(["audit", "purge", "--older-than", "soon"])
        .assert()
        .code(64);
    assert_eq!(schema.audit_count(), before + 2);

    schema
        .cmd()
        .args([
            "audit",
            "purge",
            "--older-than",
            "2s",
            "--execute",
            "--reason",
            "retention policy test",
            "--yes",
        ])
        .args(["--batch-size", "10"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Deleted 36 audit events"));
    let kept: Vec<String> =
        schema.strings(&format!("SELECT action AS v FROM {events} ORDER BY id"));
    assert_eq!(
        kept.iter().filter(|a| *a == "audit.purged").count(),
        5,
        "4 chained batches of 10 and the other writers' summary"
    );
    assert!(
        kept.contains(&"lifeline.repair_executed".to_string()),
        "newer events survive"
    );
    assert!(!kept.contains(&"powertools.installed".to_string()));
    let (code, doc) = verify(&schema);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["unchained_other_writers"], 0);

    // Deleting the oldest remaining entries by hand is not a purge: the chain start is unexplained.
    schema.sql(&format!(
        "DELETE FROM {0}.oban_powertools_audit_events WHERE id = (SELECT event_id FROM {0}.obanctl_audit_chain ORDER BY seq LIMIT 1); \
         DELETE FROM {0}.obanctl_audit_chain WHERE seq = (SELECT min(seq) FROM {0}.obanctl_audit_chain)",
        schema.quoted()
    ));
    let (code, doc) = verify(&schema);
    assert_eq!(code, 2);
    assert_eq!(doc["break"]["kind"], "deleted");
}

#[test]
fn harden_makes_the_trail_append_only_for_operators() {
    let schema = installed("harden");
    let operator = crate::common::unique_name("op");
    let retention = crate::common::unique_name("ret");
    schema
        .cmd()
        .args([
            "install",
            "--harden",
            "--operator-role",
            &operator,
            "--retention-role",
            &retention,
        ])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("GRANT SELECT, INSERT ON")
                .and(predicate::str::contains(&operator)),
        );
    schema
        .cmd()
        .args([
            "install",
            "--harden",
            "--apply",
            "--operator-role",
            &operator,
            "--retention-role",
            &retention,
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));

    schema.sql(&format!(
        "CREATE ROLE {operator} LOGIN; CREATE ROLE {retention} LOGIN"
    ));
    schema
        .cmd()
        .args([
            "install",
            "--harden",
            "--apply",
            "--operator-role",
            &operator,
            "--retention-role",
            &retention,
        ])
        .assert()
        .success();
    let as_role = |role: &str, sql: &str| -> Result<(), String> {
        use diesel::Connection;
        let mut conn = diesel::pg::PgConnection::establish(&crate::common::role_url(role)).unwrap();
        conn.batch_execute(sql).map_err(|e| e.to_string())
    };
    let events = format!("{}.oban_powertools_audit_events", schema.quoted());
    let insert = event_sql(&schema, Some("op"), "test.appended", "job:1", "{}");
    assert!(as_role(&operator, &insert).is_ok());
    assert!(as_role(&operator, &format!("SELECT count(*) FROM {events}")).is_ok());
    let update = as_role(&operator, &format!("UPDATE {events} SET actor_id = 'x'"));
    assert!(update.unwrap_err().contains("permission denied"));
    let delete = as_role(&operator, &format!("DELETE FROM {events}"));
    assert!(delete.unwrap_err().contains("permission denied"));
    assert!(as_role(
        &retention,
        &format!("DELETE FROM {events} WHERE action = 'test.appended'")
    )
    .is_ok());
    assert!(as_role(&retention, &format!("UPDATE {events} SET actor_id = 'x'")).is_err());
    schema.sql(&format!("DROP OWNED BY {operator}; DROP OWNED BY {retention}; DROP ROLE {operator}; DROP ROLE {retention}"));
}

const KEY: &str = "audit-test-key-0123456789abcdef";
const OTHER_KEY: &str = "another-audit-key-0123456789abcdef";

fn with_key(schema: &TestSchema, key: Option<&str>) -> assert_cmd::Command {
    let mut cmd = schema.cmd();
    if let Some(key) = key {
        cmd.env("OBANCTL_AUDIT_KEY", key);
    }
    cmd
}

/// `audit verify --format json` with an optional key and extra arguments (`--against FILE`).
fn verify_with(schema: &TestSchema, key: Option<&str>, extra: &[&std::ffi::OsStr]) -> (i32, Value) {
    let out = with_key(schema, key)
        .args(["--format", "json", "audit", "verify"])
        .args(extra)
        .assert();
    let output = out.get_output();
    let code = output.status.code().unwrap();
    let doc: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&output.stderr).into_owned()));
    if doc.is_object() {
        crate::common::assert_contract(&doc);
    }
    (code, doc)
}

/// The JSON lines of a file obanctl wrote (export headers and trailers are file content, not
/// `--format json` output, so they are not checked against the output contract).
fn file_lines(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn against(path: &std::path::Path) -> Vec<&std::ffi::OsStr> {
    vec!["--against".as_ref(), path.as_os_str()]
}

fn checkpoint_to(schema: &TestSchema, key: Option<&str>, path: &std::path::Path) {
    with_key(schema, key)
        .args(["audit", "checkpoint", "--to"])
        .arg(path)
        .assert()
        .success();
}

/// Deletes the newest `n` events and their chain entries, as someone with write access would.
fn delete_newest(schema: &TestSchema, n: i64) {
    schema.sql(&format!(
        "WITH gone AS (DELETE FROM {0}.obanctl_audit_chain WHERE seq > (SELECT max(seq) - {n} FROM {0}.obanctl_audit_chain) RETURNING event_id) \
         DELETE FROM {0}.oban_powertools_audit_events e USING gone g WHERE e.id = g.event_id",
        schema.quoted()
    ));
}

/// Recomputes plain SHA-256 links (key_id NULL) from entry `from` on, as someone who can write
/// both tables but does not hold the key would after an edit.
fn recompute_plain_links(schema: &TestSchema, from: i64, keep_key_id: bool) {
    let q = schema.quoted();
    let key_id = if keep_key_id { "key_id" } else { "NULL" };
    schema.sql(&format!(
        "DO $$ DECLARE r record; prev bytea; BEGIN \
           SELECT coalesce((SELECT row_hash FROM {q}.obanctl_audit_chain WHERE seq = {from} - 1), '\\x{zeros}'::bytea) INTO prev; \
           FOR r IN SELECT c.seq, {digest} AS digest FROM {q}.obanctl_audit_chain c \
                    JOIN {q}.oban_powertools_audit_events e ON e.id = c.event_id WHERE c.seq >= {from} ORDER BY c.seq LOOP \
             UPDATE {q}.obanctl_audit_chain SET prev_hash = prev, row_hash = sha256(prev || r.digest), key_id = {key_id} WHERE seq = r.seq; \
             prev := sha256(prev || r.digest); \
           END LOOP; END $$",
        zeros = "00".repeat(32),
        digest = obanctl::audit::event_digest_sql("e."),
    ));
}

#[test]
fn a_checkpoint_catches_tail_truncation_even_with_the_marker_rewound() {
    let schema = chained("cptrunc");
    let cp = schema.dir.path().join("checkpoints.jsonl");
    checkpoint_to(&schema, None, &cp);
    let line: Value = serde_json::from_str(std::fs::read_to_string(&cp).unwrap().trim()).unwrap();
    assert_eq!(line["kind"], "audit_checkpoint");
    assert_eq!(line["seq"], 32);
    assert_eq!(line["events"], 32);
    assert_eq!(line["database"]["schema"], schema.name.as_str());
    assert!(line["at"].as_str().unwrap().ends_with('Z'));
    assert!(line["key_id"].is_null());
    // Printed, the same line (validated against the output contract).
    let out = schema
        .cmd()
        .args(["audit", "checkpoint"])
        .assert()
        .success();
    let printed = json_lines(&out.get_output().stdout);
    assert_eq!(printed[0]["hash"], line["hash"]);
    let (code, doc) = verify_with(&schema, None, &against(&cp));
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["checkpoints"][0]["status"], "matched");

    // The newest events go, and the marker is rewound to match: only the checkpoint knows.
    delete_newest(&schema, 3);
    schema.sql(&format!(
        "UPDATE {0}.obanctl_audit_state SET chain_high_water_seq = (SELECT max(seq) FROM {0}.obanctl_audit_chain)",
        schema.quoted()
    ));
    assert_eq!(
        verify_with(&schema, None, &[]).0,
        0,
        "without a checkpoint this goes unseen"
    );
    let (code, doc) = verify_with(&schema, None, &against(&cp));
    assert_eq!(code, 2, "{doc}");
    assert_eq!(doc["break"]["kind"], "truncated");
    let named = doc["break"]["checkpoint"].as_str().unwrap();
    assert!(
        named.contains("checkpoints.jsonl:1") && named.contains("seq 32"),
        "{named}"
    );
    with_key(&schema, None)
        .args(["audit", "verify", "--against"])
        .arg(&cp)
        .assert()
        .code(2)
        .stdout(
            predicate::str::contains("BROKEN (truncated)")
                .and(predicate::str::contains("checkpoints.jsonl:1")),
        );
}

#[test]
fn the_install_marker_catches_tail_truncation_and_a_wipe() {
    let schema = chained("marker");
    delete_newest(&schema, 2);
    let (code, doc) = verify_with(&schema, None, &[]);
    assert_eq!(code, 2, "{doc}");
    assert_eq!(doc["break"]["kind"], "truncated");
    // New writes keep the gap visible instead of reusing the deleted seqs.
    schema
        .cmd()
        .args([
            "jobs",
            "cancel",
            "--all",
            "--reason",
            "written after the deletion",
            "--yes",
        ])
        .assert()
        .success();
    let (code, doc) = verify_with(&schema, None, &[]);
    assert_eq!(code, 2, "{doc}");
    assert!(
        doc["break"]["detail"].as_str().unwrap().contains("missing"),
        "{doc}"
    );
    schema.sql(&format!(
        "TRUNCATE {0}.oban_powertools_audit_events, {0}.obanctl_audit_chain CASCADE",
        schema.quoted()
    ));
    let (code, doc) = verify_with(&schema, None, &[]);
    assert_eq!(code, 2, "{doc}");
    assert_eq!(doc["break"]["kind"], "wiped");
    assert!(doc["break"]["detail"]
        .as_str()
        .unwrap()
        .contains("install marker"));
}

#[test]
fn truncating_every_table_is_caught_by_a_checkpoint_and_an_empty_chain_is_not_intact() {
    let schema = chained("wipe");
    let cp = schema.dir.path().join("cp.jsonl");
    checkpoint_to(&schema, None, &cp);
    schema.sql(&format!(
        "TRUNCATE {0}.oban_powertools_audit_events, {0}.obanctl_audit_chain, {0}.obanctl_audit_state CASCADE",
        schema.quoted()
    ));
    let (code, doc) = verify_with(&schema, None, &against(&cp));
    assert_eq!(code, 2, "{doc}");
    assert_eq!(doc["break"]["kind"], "wiped");
    // Without the checkpoint (and the marker wiped too) nothing says there was a chain: a
    // distinct verdict, never "intact".
    let (code, doc) = verify_with(&schema, None, &[]);
    assert_eq!(code, 0);
    assert_eq!(doc["verdict"], "no_chain");
    assert_eq!(doc["intact"], false);
    schema
        .cmd()
        .args(["audit", "verify"])
        .assert()
        .stdout(predicate::str::contains("No chain to verify"));
}

#[test]
fn deleting_the_oldest_events_behind_a_forged_unchained_purge_event_is_tampering() {
    let schema = chained("forgedpurge");
    let q = schema.quoted();
    let hash = schema.strings(&format!(
        "SELECT encode(row_hash, 'hex') AS v FROM {q}.obanctl_audit_chain WHERE seq = 5"
    ))[0]
        .clone();
    schema.sql(&format!(
        "WITH gone AS (DELETE FROM {q}.obanctl_audit_chain WHERE seq <= 5 RETURNING event_id) \
         DELETE FROM {q}.oban_powertools_audit_events e USING gone g WHERE e.id = g.event_id"
    ));
    schema.sql(&event_sql(
        &schema,
        Some(ACTOR),
        "audit.purged",
        "audit:forged",
        &format!(r#"{{"source": "cli", "reason": "routine", "last_deleted_seq": 5, "last_deleted_hash": "{hash}"}}"#),
    ));
    let (code, doc) = verify_with(&schema, None, &[]);
    assert_eq!(code, 2, "{doc}");
    assert_eq!(doc["break"]["kind"], "deleted");
    assert!(
        doc["break"]["detail"].as_str().unwrap().contains("forged"),
        "{doc}"
    );
}

#[test]
fn a_keyed_chain_catches_links_recomputed_with_plain_sha256_after_an_edit() {
    let edit = |schema: &TestSchema| {
        schema.sql(&format!(
            "UPDATE {}.oban_powertools_audit_events SET metadata = jsonb_set(metadata, '{{reason}}', '\"nothing to see here\"') WHERE resource = 'job:5'",
            schema.quoted()
        ));
        schema.int(&format!(
            "SELECT c.seq AS v FROM {0}.obanctl_audit_chain c JOIN {0}.oban_powertools_audit_events e ON e.id = c.event_id WHERE e.resource = 'job:5'",
            schema.quoted()
        ))
    };
    // Unkeyed: recomputing the links hides the edit (what the key is for).
    let schema = chained("plainforge");
    let seq = edit(&schema);
    recompute_plain_links(&schema, seq, false);
    assert_eq!(verify_with(&schema, None, &[]).0, 0);

    // Keyed: the recomputed links are unkeyed after keyed ones...
    let schema = chained_with("keyforge", Some(KEY), Some(KEY));
    let seq = edit(&schema);
    recompute_plain_links(&schema, seq, false);
    let (code, doc) = verify_with(&schema, Some(KEY), &[]);
    assert_eq!(code, 2, "{doc}");
    assert_eq!(doc["break"]["kind"], "downgraded");
    assert_eq!(doc["break"]["seq"], seq);

    // ... or claim the key and do not verify with it.
    let schema = chained_with("keyforge2", Some(KEY), Some(KEY));
    let seq = edit(&schema);
    recompute_plain_links(&schema, seq, true);
    let (code, doc) = verify_with(&schema, Some(KEY), &[]);
    assert_eq!(code, 2, "{doc}");
    assert_eq!(doc["break"]["kind"], "edited");
    assert_eq!(doc["break"]["seq"], seq);

    // The whole chain rewritten unkeyed from the first link: the marker still says it is keyed.
    let schema = chained_with("keyforge3", Some(KEY), Some(KEY));
    edit(&schema);
    recompute_plain_links(&schema, 1, false);
    let (code, doc) = verify_with(&schema, Some(KEY), &[]);
    assert_eq!(code, 2, "{doc}");
    assert_eq!(doc["break"]["kind"], "downgraded");
}

#[test]
fn a_mixed_chain_verifies_with_the_key_and_says_what_it_cannot_prove_without_it() {
    // Unkeyed install, then a keyed bulk retry.
    let schema = chained_with("mixed", None, Some(KEY));
    let (code, doc) = verify_with(&schema, Some(KEY), &[]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["verdict"], "intact");
    assert_eq!(doc["unkeyed_links"], 1);
    assert_eq!(doc["keyed_links_proven"], 31);
    assert_eq!(doc["key_id"].as_str().unwrap().len(), 16);
    let (code, doc) = verify_with(&schema, None, &[]);
    assert_eq!(code, 1, "{doc}");
    assert_eq!(doc["verdict"], "unproven");
    assert_eq!(doc["unproven"]["count"], 31);
    assert_eq!(doc["unproven"]["first_seq"], 2);
    schema
        .cmd()
        .args(["audit", "verify"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "NOT proven: 31 keyed links (entries 2 to 32",
        ));
    // The key never shows, not even with -v.
    let out = with_key(&schema, Some(KEY))
        .args(["-v", "audit", "verify"])
        .assert()
        .success();
    let all = format!("{:?}", out.get_output());
    assert!(!all.contains(KEY));

    // Writers refuse to extend a keyed chain without its key, or with another one.
    for key in [None, Some(OTHER_KEY)] {
        with_key(&schema, key)
            .args([
                "jobs",
                "cancel",
                "--all",
                "--reason",
                "must be refused",
                "--yes",
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("key"));
    }
}

#[test]
fn a_wrong_key_reports_the_first_link_it_cannot_prove() {
    let schema = chained_with("wrongkey", None, Some(KEY));
    let (code, doc) = verify_with(&schema, Some(OTHER_KEY), &[]);
    assert_eq!(code, 2, "{doc}");
    assert_eq!(doc["break"]["kind"], "wrong_key");
    assert_eq!(doc["break"]["seq"], 2, "the first keyed link");
    assert_eq!(doc["chained_events_checked"], 1);
}

#[test]
fn checkpoints_of_another_database_and_unreadable_lines_are_refused() {
    let a = chained("cpa");
    let b = chained("cpb");
    let cp = a.dir.path().join("a.jsonl");
    checkpoint_to(&a, None, &cp);
    with_key(&b, None)
        .args(["audit", "verify", "--against"])
        .arg(&cp)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("belongs to another database"));
    let bad = a.dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        format!(
            "{}\n\nnot json\n",
            std::fs::read_to_string(&cp).unwrap().trim()
        ),
    )
    .unwrap();
    with_key(&a, None)
        .args(["audit", "verify", "--against"])
        .arg(&bad)
        .assert()
        .code(64)
        .stderr(predicate::str::contains("bad.jsonl:3"));
    // An export counts as a checkpoint: truncate the chain after exporting it.
    let export = a.dir.path().join("audit.jsonl");
    a.cmd()
        .args(["audit", "export", "-o"])
        .arg(&export)
        .assert()
        .success();
    let (code, doc) = verify_with(&a, None, &against(&export));
    assert_eq!(code, 0, "{doc}");
    delete_newest(&a, 1);
    a.sql(&format!(
        "UPDATE {0}.obanctl_audit_state SET chain_high_water_seq = 0",
        a.quoted()
    ));
    let (code, doc) = verify_with(&a, None, &against(&export));
    assert_eq!(code, 2, "{doc}");
    assert_eq!(doc["break"]["kind"], "truncated");
}

#[test]
fn follow_keeps_up_with_a_20000_job_bulk_run_and_prints_only_what_commits_after_it_started() {
    let schema = TestSchema::with_oban("followvol");
    let q = schema.quoted();
    // Older events that --limit 2 must not bring back out of order.
    for i in 0..50 {
        schema.sql(&event_sql(
            &schema,
            Some("old"),
            "test.before",
            &format!("job:{i}"),
            "{}",
        ));
    }
    schema.sql(&format!(
        "INSERT INTO {q}.oban_jobs (state, queue, worker, attempt, max_attempts) SELECT 'discarded', 'q', 'W', 1, 1 FROM generate_series(1, 20000)"
    ));
    let mut child = schema
        .process(&[
            "--format", "json", "audit", "tail", "--follow", "--limit", "2",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel::<Value>();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(serde_json::from_str(&line).unwrap()).is_err() {
                break;
            }
        }
    });
    let first: Vec<Value> = (0..2)
        .map(|_| {
            rx.recv_timeout(Duration::from_secs(10))
                .expect("the initial events")
        })
        .collect();
    assert!(first.iter().all(|e| e["action"] == "test.before"));
    schema
        .cmd()
        .args([
            "jobs",
            "retry",
            "--state",
            "discarded",
            "--reason",
            "follow at volume",
            "--yes",
            "--max",
            "20000",
        ])
        .assert()
        .success();
    schema.sql(&event_sql(
        &schema,
        Some("marker"),
        "test.marker",
        "job:0",
        "{}",
    ));
    let started = std::time::Instant::now();
    let mut seen = std::collections::BTreeSet::new();
    let mut repairs = 0;
    loop {
        let event = rx
            .recv_timeout(Duration::from_secs(20).saturating_sub(started.elapsed()))
            .unwrap_or_else(|_| panic!("no marker within 20 s ({repairs} repair events so far)"));
        assert!(
            seen.insert(event["id"].as_i64().unwrap()),
            "printed twice: {event}"
        );
        assert_ne!(
            event["action"], "test.before",
            "an event from before the start: {event}"
        );
        if event["action"] == "lifeline.repair_executed" {
            repairs += 1;
        }
        if event["action"] == "test.marker" {
            break;
        }
    }
    assert_eq!(repairs, 20000, "every repair event, once");
    assert!(
        rx.recv_timeout(Duration::from_millis(1200)).is_err(),
        "nothing after the marker"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn csv_export_is_a_standard_file_inert_for_spreadsheets_with_a_sidecar() {
    let schema = installed("csvsafe");
    schema.sql(&event_sql(
        &schema,
        Some("=HYPERLINK(\"http://evil.example\",\"click\")"),
        "test.hostile",
        "job:@SUM(A1)",
        "{\"reason\": \"-2+3\"}",
    ));
    schema.sql(&format!(
        "UPDATE {}.oban_powertools_audit_events SET command_key = E'+cmd\\x1b]0;PWNED\\x07', event_type = E'\\tx\\u202e' WHERE action = 'test.hostile'",
        schema.quoted()
    ));
    let path = schema.dir.path().join("audit.csv");
    schema
        .cmd()
        .args(["audit", "export", "--as", "csv", "-o"])
        .arg(&path)
        .assert()
        .success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("id,inserted_at,actor_id,"));
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let hostile = rows.iter().find(|r| &r[3] == "test.hostile").unwrap();
    assert_eq!(
        &hostile[2],
        "'=HYPERLINK(\"http://evil.example\",\"click\")"
    );
    assert_eq!(&hostile[4], "'+cmd\\x1b]0;PWNED\\x07");
    assert_eq!(&hostile[5], "'\\tx\\u{202e}");
    assert_eq!(&hostile[8], "'@SUM(A1)");
    // The metadata sidecar holds the header and the trailer, and the trailer is a checkpoint.
    let meta = schema.dir.path().join("audit.csv.meta.jsonl");
    let lines = file_lines(&meta);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["obanctl_export"], "header");
    assert_eq!(lines[1]["rows"], 2);
    let body = text.split_once('\n').unwrap().1;
    use sha2::Digest;
    assert_eq!(
        lines[1]["sha256"],
        format!("{:x}", sha2::Sha256::digest(body.as_bytes()))
    );
    assert_eq!(verify_with(&schema, None, &against(&meta)).0, 0);
    // To stdout: CSV only, metadata where --meta says.
    let side = schema.dir.path().join("side.jsonl");
    let out = schema
        .cmd()
        .args(["audit", "export", "--as", "csv", "--meta"])
        .arg(&side)
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).starts_with("id,"));
    assert_eq!(file_lines(&side).len(), 2);
    schema
        .cmd()
        .args(["audit", "export", "--meta"])
        .arg(&side)
        .assert()
        .code(64);
}

#[test]
fn by_filters_on_the_actor_and_the_global_actor_is_never_a_filter() {
    let schema = installed("byactor");
    schema.sql(&event_sql(
        &schema,
        Some("alice"),
        "cron.paused",
        "cron_entry:a",
        "{}",
    ));
    schema.sql(&event_sql(
        &schema,
        Some("bob"),
        "cron.paused",
        "cron_entry:b",
        "{}",
    ));
    for command in ["tail", "export"] {
        schema
            .cmd()
            .args(["--actor", "alice", "audit", command])
            .assert()
            .code(64)
            .stderr(predicate::str::contains("--by alice"));
        // After the subcommand it is the same global flag.
        schema
            .cmd()
            .args(["audit", command, "--actor", "alice"])
            .assert()
            .code(64);
    }
    let out = schema
        .cmd()
        .args([
            "--actor", "alice", "--format", "json", "audit", "tail", "--by", "bob",
        ])
        .assert()
        .success();
    let events = json_lines(&out.get_output().stdout);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["actor_id"], "bob");
    // The identity from the environment is not a flag: no refusal, everyone's events.
    let out = schema
        .cmd()
        .args(["--format", "json", "audit", "tail"])
        .assert()
        .success();
    assert_eq!(json_lines(&out.get_output().stdout).len(), 3);
}

#[test]
fn an_unknown_action_is_a_usage_error_with_suggestions() {
    let schema = installed("tailaction");
    schema.sql(&event_sql(
        &schema,
        Some("bob"),
        "app.custom_event",
        "job:1",
        "{}",
    ));
    let out = schema
        .cmd()
        .args(["audit", "tail", "--action", "cron.pasued"])
        .assert()
        .code(64);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("did you mean: cron.paused"), "{stderr}");
    // A typo of an action only this database records is suggested from the table.
    let out = schema
        .cmd()
        .args(["audit", "export", "--action", "app.custom_evnt"])
        .assert()
        .code(64);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("app.custom_event"), "{stderr}");
    // Known actions with no event yet, and actions other writers recorded, are filters.
    for action in ["cron.paused", "app.custom_event"] {
        schema
            .cmd()
            .args(["audit", "tail", "--action", action])
            .assert()
            .success();
    }
}
