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
    assert_eq!(ids(&["--actor", "alice"]), ["cron_entry:nightly_sync"]);
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
    assert!(text.starts_with("# {"));
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
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
    let schema = TestSchema::new(tag);
    schema
        .cmd()
        .args(["install", "--with-oban", "-q"])
        .assert()
        .success();
    schema.sql(&format!(
        "INSERT INTO {}.oban_jobs (state, queue, worker, attempt, max_attempts) SELECT 'discarded', 'q', 'W', 1, 1 FROM generate_series(1, 30)",
        schema.quoted()
    ));
    schema
        .cmd()
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

    // Refusals: no reason, no confirmation.
    schema
        .cmd()
        .args(["audit", "purge", "--older-than", "2s", "--execute", "--yes"])
        .assert()
        .code(2);
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
