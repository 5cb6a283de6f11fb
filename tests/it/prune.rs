//! `obanctl jobs prune|restore|export` against real Oban schemas of both flavours: what is
//! deleted, archived, audited and restored; the refusals; a kill -9 in the middle of an archived
//! prune; an export through PgBouncer and over the hostile-row corpus.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use predicates::prelude::*;
use serde_json::Value;

use crate::common::{json_lines, of_kind, one_of_kind, TestSchema};

const REASON: &str = "retention: finished jobs";

fn oban(tag: &str, flavour: &str) -> TestSchema {
    let schema = TestSchema::new(tag);
    schema
        .cmd()
        .args(["install", "--with-oban", flavour, "-q"])
        .assert()
        .success();
    schema
}

fn jobs(schema: &TestSchema) -> String {
    format!("{}.oban_jobs", schema.quoted())
}

/// `n` jobs in `state`, finished `age` ago (an SQL interval), in `queue`.
fn insert(schema: &TestSchema, n: i64, state: &str, age: &str, queue: &str) {
    let column = match state {
        "completed" => "completed_at",
        "cancelled" => "cancelled_at",
        "discarded" => "discarded_at",
        "executing" => "attempted_at",
        _ => "scheduled_at",
    };
    schema.sql(&format!(
        "INSERT INTO {jobs} (state, queue, worker, args, meta, tags, attempted_by, attempt, {column}) \
         SELECT '{state}', '{queue}', 'MyApp.Worker', jsonb_build_object('n', g, 'token', 'secret-' || g), \
                '{{\"trace\": \"t\"}}', ARRAY['a', 'b'], ARRAY['node-1', 'uuid'], 1, \
                timezone('UTC', now()) - interval '{age}' FROM generate_series(1, {n}) g",
        jobs = jobs(schema)
    ));
}

fn count(schema: &TestSchema, condition: &str) -> i64 {
    schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM {} WHERE {condition}",
        jobs(schema)
    ))
}

fn actions(schema: &TestSchema, action: &str) -> i64 {
    schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM {}.oban_powertools_audit_events WHERE action = '{action}'",
        schema.quoted()
    ))
}

fn prune(schema: &TestSchema) -> assert_cmd::Command {
    let mut cmd = schema.cmd();
    cmd.args(["jobs", "prune", "--reason", REASON, "--yes"]);
    cmd
}

/// Every row of the table as PostgreSQL's JSON text, by id.
fn snapshot(schema: &TestSchema) -> Vec<String> {
    schema.strings(&format!(
        "SELECT to_jsonb(j)::text AS v FROM {} j ORDER BY id",
        jobs(schema)
    ))
}

/// The ids in an archive's row lines (a torn last line is ignored).
fn archived_ids(text: &str) -> Vec<i64> {
    // By the line's prefix: a row may hold numbers serde_json does not take (1e400).
    text.lines()
        .filter(|l| l.ends_with('}'))
        .filter_map(|l| l.strip_prefix("{\"kind\":\"archived_job\",\"id\":"))
        .filter_map(|rest| rest.split(',').next()?.parse().ok())
        .collect()
}

#[test]
fn prune_deletes_old_finished_jobs_only_with_one_audit_row_per_batch() {
    let schema = oban("prune", "elixir");
    insert(&schema, 25, "completed", "2 days", "default");
    insert(&schema, 5, "completed", "1 hour", "default");
    insert(&schema, 5, "discarded", "3 days", "default");
    insert(&schema, 5, "cancelled", "3 days", "mailers");
    insert(&schema, 5, "available", "3 days", "default");
    insert(&schema, 5, "executing", "3 days", "default");

    // A dry run counts per state and deletes nothing.
    let out = schema
        .cmd()
        .args([
            "--format",
            "json",
            "jobs",
            "prune",
            "--older-than",
            "1d",
            "--dry-run",
        ])
        .assert()
        .success();
    let plan = one_of_kind(&json_lines(&out.get_output().stdout), "prune_plan");
    assert_eq!(plan["matched"], 35);
    assert_eq!(plan["by_state"]["completed"], 25);
    assert_eq!(plan["by_state"]["cancelled"], 5);
    assert_eq!(count(&schema, "TRUE"), 50);
    assert_eq!(schema.audit_count(), 1, "a dry run writes no audit row");

    // Filters: only the mailers queue's cancelled jobs.
    prune(&schema)
        .args([
            "--older-than",
            "1d",
            "--state",
            "cancelled",
            "--queue",
            "mailers",
        ])
        .assert()
        .success();
    assert_eq!(count(&schema, "state = 'cancelled'"), 0);
    assert_eq!(count(&schema, "TRUE"), 45);

    let doomed: Vec<i64> = schema
        .strings(&format!(
            "SELECT id::text AS v FROM {}.oban_jobs WHERE state IN ('completed', 'cancelled', 'discarded') \
             AND coalesce(completed_at, cancelled_at, discarded_at) < timezone('UTC', now()) - interval '1 day' ORDER BY id",
            schema.quoted()
        ))
        .iter()
        .map(|v| v.parse().unwrap())
        .collect();
    let out = prune(&schema)
        .args([
            "--older-than",
            "1d",
            "--batch-size",
            "10",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let lines = json_lines(&out.get_output().stdout);
    let summary = one_of_kind(&lines, "summary");
    assert_eq!(summary["operation"], "job_prune");
    assert_eq!(summary["changed"], 30);
    assert_eq!(summary["exit"], 0);
    // Each batch is a range of 10 rows of the table: at most 10 jobs deleted per transaction.
    // Ranges that held nothing to delete print no line and write no audit row.
    let batches = of_kind(&lines, "prune_batch");
    assert!(
        batches
            .iter()
            .all(|b| (1..=10).contains(&b["deleted"].as_i64().unwrap())),
        "{batches:?}"
    );
    assert_eq!(
        batches
            .iter()
            .map(|b| b["deleted"].as_i64().unwrap())
            .sum::<i64>(),
        30
    );
    let pruned_batches = batches.len();
    assert_eq!(
        count(&schema, "TRUE"),
        15,
        "recent, available and executing jobs stay"
    );
    assert_eq!(count(&schema, "state = 'completed'"), 5);
    assert_eq!(count(&schema, "state IN ('available', 'executing')"), 10);
    // One jobs.pruned row per batch (one for the first run, one per batch of this one), not per job.
    assert_eq!(actions(&schema, "jobs.pruned"), 1 + pruned_batches as i64);
    assert_eq!(actions(&schema, "cli.bulk_operation"), 2);
    let meta = schema.strings(&format!(
        "SELECT metadata::text AS v FROM {}.oban_powertools_audit_events WHERE action = 'jobs.pruned' ORDER BY id DESC LIMIT 1",
        schema.quoted()
    ));
    let meta: Value = serde_json::from_str(&meta[0]).unwrap();
    assert_eq!(meta["reason"], REASON);
    // The batch's digest is of its deleted ids, in order, one per line.
    let (lo, hi) = (
        meta["id_range"][0].as_i64().unwrap(),
        meta["id_range"][1].as_i64().unwrap(),
    );
    assert!(lo <= hi);
    let ids: String = doomed
        .iter()
        .filter(|id| (lo..=hi).contains(*id))
        .map(|id| format!("{id}\n"))
        .collect();
    assert_eq!(meta["count"], ids.lines().count());
    assert_eq!(meta["sha256"], obanctl::export::sha256_hex(ids.as_bytes()));
    schema.cmd().args(["audit", "verify"]).assert().success();

    // Nothing left: exit 0, no audit row.
    let before = schema.audit_count();
    prune(&schema)
        .args(["--older-than", "1d"])
        .assert()
        .success();
    assert_eq!(schema.audit_count(), before);
}

#[test]
fn with_yes_the_preview_counts_no_further_than_it_must_and_the_summary_is_exact() {
    let schema = oban("pruneyes", "elixir");
    insert(&schema, 10_005, "completed", "2 days", "default");
    insert(&schema, 3, "available", "0 days", "default");
    // Looked at first (no --yes): every match is counted.
    let out = schema
        .cmd()
        .args([
            "--format",
            "json",
            "jobs",
            "prune",
            "--older-than",
            "1d",
            "--dry-run",
            "--yes",
        ])
        .assert()
        .success();
    let plan = one_of_kind(&json_lines(&out.get_output().stdout), "prune_plan");
    assert_eq!(plan["matched"], 10_005);
    assert_eq!(plan["matched_at_least"], false);

    let out = prune(&schema)
        .args(["--older-than", "1d", "--format", "json"])
        .assert()
        .success();
    let lines = json_lines(&out.get_output().stdout);
    let plan = one_of_kind(&lines, "prune_plan");
    assert_eq!(plan["matched"], 10_000);
    assert_eq!(plan["matched_at_least"], true);
    assert!(plan["notes"][0]
        .as_str()
        .unwrap()
        .contains("--yes: counted the first 10,000 only"));
    let summary = one_of_kind(&lines, "summary");
    assert_eq!(summary["matched"], 10_005);
    assert_eq!(summary["changed"], 10_005);
    assert_eq!(summary["skipped"], serde_json::json!({}), "{summary}");
    assert_eq!(summary["exit"], 0);
    assert_eq!(count(&schema, "TRUE"), 3);

    // The human preview says so too.
    insert(&schema, 10_001, "completed", "2 days", "default");
    let out = prune(&schema)
        .args(["--older-than", "1d"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("At least 10,000 jobs finished before"),
        "{stderr}"
    );
    assert_eq!(count(&schema, "TRUE"), 3);
}

#[test]
fn refusals_delete_nothing() {
    let schema = oban("prunerefuse", "elixir");
    insert(&schema, 10, "completed", "2 days", "default");
    let mut cmd = schema.cmd();
    cmd.args([
        "jobs",
        "prune",
        "--older-than",
        "1d",
        "--state",
        "executing",
        "--reason",
        REASON,
        "--yes",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "cannot prune jobs in state executing",
    ));
    let mut cmd = schema.cmd();
    cmd.args([
        "--format",
        "json",
        "jobs",
        "prune",
        "--older-than",
        "1d",
        "--state",
        "available",
        "--yes",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("wrong_state"));
    // No reason (and no terminal to ask on).
    schema
        .cmd()
        .args(["jobs", "prune", "--older-than", "1d", "--yes"])
        .assert()
        .code(64)
        .stderr(predicate::str::contains("reason is required"));
    // No confirmation possible without a terminal.
    schema
        .cmd()
        .args(["jobs", "prune", "--older-than", "1d", "--reason", REASON])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes"));
    // (No actor: without OBANCTL_ACTOR, USER or LOGNAME the actor is the uid's account, see
    // config::without_user_or_logname_the_actor_is_the_uid_account_in_show_and_in_audit_rows;
    // guard::require_actor is the same call `jobs retry` makes.)
    // An existing archive is never overwritten.
    let existing = schema.dir.path().join("taken.jsonl");
    std::fs::write(&existing, "keep me\n").unwrap();
    prune(&schema)
        .args([
            "--older-than",
            "1d",
            "--archive",
            existing.to_str().unwrap(),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me\n");
    // A bad duration is a usage error.
    prune(&schema)
        .args(["--older-than", "soon"])
        .assert()
        .code(64);
    assert_eq!(count(&schema, "TRUE"), 10);
    assert_eq!(schema.audit_count(), 1);

    // A read-only role: 77, before any archive is created.
    let role = crate::common::unique_name("pruner");
    schema.sql(&format!(
        "CREATE ROLE {role} LOGIN; GRANT USAGE ON SCHEMA {0} TO {role}; GRANT SELECT ON ALL TABLES IN SCHEMA {0} TO {role}",
        schema.quoted()
    ));
    let archive = schema.dir.path().join("ro.jsonl");
    for extra in [vec![], vec!["--archive", archive.to_str().unwrap()]] {
        prune(&schema)
            .env("DATABASE_URL", crate::common::role_url(&role))
            .args(["--older-than", "1d"])
            .args(&extra)
            .assert()
            .code(77)
            .stderr(
                predicate::str::contains("permission denied")
                    .or(predicate::str::contains("may not delete")),
            );
    }
    assert!(!archive.exists());
    schema
        .cmd()
        .env("DATABASE_URL", crate::common::role_url(&role))
        .args(["jobs", "restore", "--dry-run", "/nonexistent"])
        .assert()
        .code(64);
    schema.sql(&format!("DROP OWNED BY {role}; DROP ROLE {role}"));
    assert_eq!(count(&schema, "TRUE"), 10);
}

#[test]
fn rows_someone_holds_are_skipped_not_waited_for() {
    let schema = oban("prunelock", "elixir");
    insert(&schema, 6, "completed", "2 days", "default");
    let held = schema.int(&format!(
        "SELECT min(id)::bigint AS v FROM {}",
        jobs(&schema)
    ));
    let mut worker = crate::common::connect();
    diesel::connection::SimpleConnection::batch_execute(
        &mut worker,
        &format!(
            "BEGIN; SELECT id FROM {} WHERE id = {held} FOR UPDATE",
            jobs(&schema)
        ),
    )
    .unwrap();
    let archive = schema.dir.path().join("locked.jsonl");
    let started = Instant::now();
    let out = prune(&schema)
        .args([
            "--lock-timeout",
            "30s",
            "--older-than",
            "1d",
            "--format",
            "json",
        ])
        .args(["--archive", archive.to_str().unwrap()])
        .assert()
        .code(1);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "must not wait for the lock"
    );
    diesel::connection::SimpleConnection::batch_execute(&mut worker, "ROLLBACK").unwrap();
    let summary = one_of_kind(&json_lines(&out.get_output().stdout), "summary");
    assert_eq!(summary["changed"], 5);
    assert_eq!(summary["skipped"]["locked"], 1);
    assert_eq!(count(&schema, "TRUE"), 1);
    assert_eq!(count(&schema, &format!("id = {held}")), 1);
    let text = std::fs::read_to_string(&archive).unwrap();
    assert!(
        !archived_ids(&text).contains(&held),
        "a skipped row is not archived"
    );
}

#[test]
fn an_archived_prune_restores_exactly_in_both_flavours() {
    for flavour in ["elixir", "python"] {
        let schema = oban(&format!("pruneround{flavour}"), flavour);
        insert(&schema, 300, "completed", "2 days", "default");
        insert(&schema, 20, "discarded", "2 days", "default");
        schema.sql(&format!(
            "UPDATE {} SET args = jsonb_build_object('big', 1e400::numeric, 'bidi', E'a\\u202Eb', 'esc', E'\\u001b[2J') WHERE id % 7 = 0",
            jobs(&schema)
        ));
        let before = snapshot(&schema);
        let archive = schema.dir.path().join("jobs.jsonl.gz");
        prune(&schema)
            .args(["--older-than", "1d", "--batch-size", "64"])
            .args(["--archive", archive.to_str().unwrap()])
            .assert()
            .success();
        assert_eq!(count(&schema, "TRUE"), 0);

        // Every row, whole: the archive is raw (secrets included) and terminal-safe.
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::MultiGzDecoder::new(std::fs::File::open(&archive).unwrap()),
            &mut text,
        )
        .unwrap();
        assert!(text.contains("secret-1"), "an archive is not redacted");
        assert!(!text.contains('\u{202e}') && !text.contains('\u{1b}'));
        assert_eq!(archived_ids(&text).len(), 320);
        let trailer: Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
        assert_eq!(trailer["rows"], 320);
        assert_eq!(trailer["complete"], true);

        let out = schema
            .cmd()
            .args([
                "--format",
                "json",
                "jobs",
                "restore",
                "--dry-run",
                archive.to_str().unwrap(),
            ])
            .assert()
            .success();
        let plan = one_of_kind(&json_lines(&out.get_output().stdout), "restore_plan");
        assert_eq!(plan["rows"], 320);
        assert_eq!(plan["already_present"], 0);
        assert_eq!(count(&schema, "TRUE"), 0);

        let restore = || {
            let mut cmd = schema.cmd();
            cmd.args([
                "--format",
                "json",
                "jobs",
                "restore",
                "--reason",
                REASON,
                "--yes",
                "--batch-size",
                "100",
            ])
            .arg(&archive);
            cmd
        };
        let out = restore().assert().success();
        let summary = one_of_kind(&json_lines(&out.get_output().stdout), "summary");
        assert_eq!(summary["changed"], 320);
        assert_eq!(snapshot(&schema), before, "{flavour}: restored exactly");
        assert_eq!(actions(&schema, "jobs.restored"), 4);
        // Again: everything is present, nothing changes.
        let out = restore().assert().success();
        let summary = one_of_kind(&json_lines(&out.get_output().stdout), "summary");
        assert_eq!(summary["changed"], 0);
        assert_eq!(summary["skipped"]["already_present"], 320);
        assert_eq!(snapshot(&schema), before);
        // New jobs still get fresh ids after a restore.
        insert(&schema, 1, "available", "1 hour", "default");
        schema.cmd().args(["audit", "verify"]).assert().success();
    }
}

#[test]
fn a_changed_archive_is_refused_whole() {
    let schema = oban("prunetamper", "elixir");
    insert(&schema, 30, "completed", "2 days", "default");
    let archive = schema.dir.path().join("jobs.jsonl");
    prune(&schema)
        .args(["--older-than", "1d", "--archive", archive.to_str().unwrap()])
        .assert()
        .success();
    let text = std::fs::read_to_string(&archive).unwrap();
    let tampered = schema.dir.path().join("tampered.jsonl");
    std::fs::write(&tampered, text.replacen("MyApp.Worker", "Evil.Worker", 1)).unwrap();
    schema
        .cmd()
        .args(["jobs", "restore", "--reason", REASON, "--yes"])
        .arg(&archive)
        .arg(&tampered)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not match its trailer"));
    assert_eq!(
        count(&schema, "TRUE"),
        0,
        "nothing restored from either file"
    );
    let not_archive = schema.dir.path().join("export.jsonl");
    std::fs::write(
        &not_archive,
        "{\"obanctl_export\":\"header\",\"format\":\"jsonl\"}\n",
    )
    .unwrap();
    schema
        .cmd()
        .args(["jobs", "restore", "--dry-run"])
        .arg(&not_archive)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a jobs archive"));
}

#[test]
fn ctrl_c_stops_a_prune_after_whole_batches_with_the_archive_closed() {
    let schema = oban("pruneint", "elixir");
    insert(&schema, 60, "completed", "2 days", "default");
    let archive = schema.dir.path().join("int.jsonl");
    let child = schema
        .process(&[
            "jobs",
            "prune",
            "--older-than",
            "1d",
            "--reason",
            REASON,
            "--yes",
            "--batch-size",
            "5",
            "--sleep-ms",
            "300",
            "--archive",
            archive.to_str().unwrap(),
            "--format",
            "json",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while count(&schema, "TRUE") > 45 {
        assert!(started.elapsed() < Duration::from_secs(30));
        std::thread::sleep(Duration::from_millis(20));
    }
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("nothing is half-done"), "{stderr}");
    let summary = one_of_kind(&json_lines(&output.stdout), "summary");
    assert_eq!(summary["interrupted"], true);
    assert_eq!(summary["exit"], 130);
    let deleted = 60 - count(&schema, "TRUE");
    assert!((15..60).contains(&deleted), "stopped part-way: {deleted}");
    assert_eq!(deleted % 5, 0, "whole batches only");
    assert_eq!(summary["changed"], deleted);
    assert_eq!(actions(&schema, "jobs.pruned"), deleted / 5);
    let text = std::fs::read_to_string(&archive).unwrap();
    let trailer: Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(trailer["complete"], false);
    assert_eq!(trailer["rows"], deleted);
    // A rerun (with a new archive) finishes; restoring both gives every job back.
    let second = schema.dir.path().join("int-2.jsonl");
    prune(&schema)
        .args(["--older-than", "1d", "--archive", second.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(count(&schema, "TRUE"), 0);
    schema
        .cmd()
        .args(["jobs", "restore", "--reason", REASON, "--yes"])
        .arg(&archive)
        .arg(&second)
        .assert()
        .success();
    assert_eq!(count(&schema, "TRUE"), 60);
}

#[test]
fn sigkill_during_an_archived_prune_deletes_nothing_that_is_not_in_the_archive() {
    for name in ["kill.jsonl", "kill.jsonl.gz"] {
        let schema = oban("prunekill", "elixir");
        insert(&schema, 100_000, "completed", "2 days", "default");
        let all: BTreeSet<i64> = schema
            .strings(&format!("SELECT id::text AS v FROM {}", jobs(&schema)))
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        let archive = schema.dir.path().join(name);
        let mut child = schema
            .process(&[
                "jobs",
                "prune",
                "--older-than",
                "1d",
                "--reason",
                REASON,
                "--yes",
                "--batch-size",
                "1000",
                "--parallel",
                "2",
                "--archive",
                archive.to_str().unwrap(),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while count(&schema, "TRUE") > 95_000 {
            assert!(started.elapsed() < Duration::from_secs(120), "timed out");
            std::thread::sleep(Duration::from_millis(10));
        }
        std::process::Command::new("kill")
            .args(["-9", &child.id().to_string()])
            .status()
            .unwrap();
        assert_eq!(child.wait().unwrap().code(), None, "killed by a signal");

        let left: BTreeSet<i64> = schema
            .strings(&format!("SELECT id::text AS v FROM {}", jobs(&schema)))
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        assert!(
            left.len() < 95_001 && !left.is_empty(),
            "killed part-way ({})",
            left.len()
        );
        let mut text = String::new();
        let file = std::fs::File::open(&archive).unwrap();
        if name.ends_with(".gz") {
            // A killed gzip stream has no end: read what was flushed.
            let _ = std::io::Read::read_to_string(
                &mut flate2::read::MultiGzDecoder::new(file),
                &mut text,
            );
        } else {
            std::io::Read::read_to_string(&mut std::io::BufReader::new(file), &mut text).unwrap();
        }
        let archived: BTreeSet<i64> = archived_ids(&text).into_iter().collect();
        let deleted: BTreeSet<i64> = all.difference(&left).copied().collect();
        let missing: Vec<&i64> = deleted.difference(&archived).take(5).collect();
        assert!(
            missing.is_empty(),
            "{name}: deleted but not archived: {missing:?}"
        );
        // Every committed batch left its audit row.
        assert!(actions(&schema, "jobs.pruned") as usize >= deleted.len() / 1000);
        schema.cmd().args(["audit", "verify"]).assert().success();

        // The archive of the killed run restores (with a note); a rerun with a new file finishes.
        let out = schema
            .cmd()
            .args(["--format", "json", "jobs", "restore", "--dry-run"])
            .arg(&archive)
            .assert()
            .success();
        let plan = one_of_kind(&json_lines(&out.get_output().stdout), "restore_plan");
        assert_eq!(plan["files"][0]["unterminated_segments"], 1);
        assert!(plan["rows"].as_u64().unwrap() as usize >= deleted.len());
        let second = schema.dir.path().join(format!("again-{name}"));
        prune(&schema)
            .args(["--older-than", "1d", "--archive", second.to_str().unwrap()])
            .assert()
            .success();
        assert_eq!(count(&schema, "TRUE"), 0);
        schema
            .cmd()
            .args(["jobs", "restore", "--reason", REASON, "--yes"])
            .arg(&archive)
            .arg(&second)
            .assert()
            .success();
        assert_eq!(count(&schema, "TRUE"), 100_000);
    }
}

#[test]
fn archive_to_stdout_only_when_piped_and_reports_go_to_stderr() {
    let schema = oban("prunestdout", "elixir");
    insert(&schema, 12, "completed", "2 days", "default");
    let out = prune(&schema)
        .args(["--older-than", "1d", "--archive", "-", "--format", "json"])
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 14, "header, 12 rows, trailer and nothing else");
    assert!(lines[0].contains("\"format\":\"jobs_archive\""));
    let path = schema.dir.path().join("piped.jsonl");
    std::fs::write(&path, &stdout).unwrap();
    schema
        .cmd()
        .args(["jobs", "restore", "--reason", REASON, "--yes"])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(count(&schema, "TRUE"), 12);
}

#[test]
fn export_streams_redacted_jobs_with_header_and_trailer() {
    let schema = oban("export", "python");
    insert(&schema, 25_000, "completed", "2 days", "default");
    insert(&schema, 10, "discarded", "2 days", "mailers");
    let out = schema
        .cmd()
        .args(["jobs", "export", "--state", "completed"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 25_002);
    let header: Value = serde_json::from_str(lines[0]).unwrap();
    let trailer: Value = serde_json::from_str(lines[lines.len() - 1]).unwrap();
    assert_eq!(header["obanctl_export"], "header");
    assert_eq!(header["redacted"], true);
    assert_eq!(trailer["rows"], 25_000);
    let body: String = lines[1..lines.len() - 1]
        .iter()
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        trailer["sha256"],
        obanctl::export::sha256_hex(body.as_bytes())
    );
    json_lines(body.as_bytes());
    assert!(
        !text.contains("secret-"),
        "args go through the redaction policy"
    );
    let ids: Vec<i64> = lines[1..lines.len() - 1]
        .iter()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "ascending ids");

    // CSV with its sidecar, and a selective filter.
    let csv = schema.dir.path().join("mailers.csv");
    schema
        .cmd()
        .args(["jobs", "export", "--queue", "mailers", "--as", "csv", "-o"])
        .arg(&csv)
        .assert()
        .success();
    let rows = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(rows.lines().count(), 11);
    assert!(rows.starts_with("id,state,queue,worker"));
    let meta = std::fs::read_to_string(schema.dir.path().join("mailers.csv.meta.jsonl")).unwrap();
    let trailer: Value = serde_json::from_str(meta.lines().last().unwrap()).unwrap();
    assert_eq!(trailer["rows"], 10);
    let body = rows.split_once('\n').unwrap().1;
    assert_eq!(
        trailer["sha256"],
        obanctl::export::sha256_hex(body.as_bytes())
    );
}

/// A transaction-mode PgBouncer on 6432 (`scripts/pgbouncer`), if one is running.
fn pgbouncer_url() -> Option<String> {
    std::net::TcpStream::connect_timeout(
        &"127.0.0.1:6432".parse().unwrap(),
        Duration::from_millis(500),
    )
    .ok()
    .map(|_| "postgres://postgres@127.0.0.1:6432/postgres".to_string())
}

#[test]
fn export_and_prune_work_through_pgbouncer() {
    let Some(url) = pgbouncer_url() else {
        eprintln!("no PgBouncer on 6432 (start one with scripts/pgbouncer): skipped");
        return;
    };
    let schema = oban("exportbouncer", "elixir");
    insert(&schema, 30_000, "completed", "2 days", "default");
    let out = schema
        .cmd()
        .env("DATABASE_URL", &url)
        .args(["jobs", "export"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let trailer: Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(trailer["rows"], 30_000);
    let archive = schema.dir.path().join("bouncer.jsonl");
    prune(&schema)
        .env("DATABASE_URL", &url)
        .args(["--older-than", "1d", "--archive", archive.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(count(&schema, "TRUE"), 0);
    schema
        .cmd()
        .env("DATABASE_URL", &url)
        .args(["jobs", "restore", "--reason", REASON, "--yes"])
        .arg(&archive)
        .assert()
        .success();
    assert_eq!(count(&schema, "TRUE"), 30_000);
}

#[test]
fn hostile_rows_export_safely_and_archive_and_restore_exactly() {
    let schema = TestSchema::with_oban("prunehostile");
    schema
        .sql(&include_str!("../fixtures/hostile_corpus.sql").replace(":schema", &schema.quoted()));
    for args in [
        vec!["jobs", "export"],
        vec!["jobs", "export", "--as", "csv"],
    ] {
        let out = schema.cmd().args(&args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let raw: Vec<char> = text
            .chars()
            .filter(|c| *c != '\n' && obanctl::output::sanitize::is_unsafe(*c))
            .take(3)
            .collect();
        assert!(raw.is_empty(), "{args:?}: {raw:?}");
    }
    // Every row, whatever it holds, is archived and restored exactly.
    schema.sql(&format!(
        "UPDATE {} SET state = 'completed', completed_at = timestamp '2000-01-01'",
        jobs(&schema)
    ));
    let before = snapshot(&schema);
    let archive = schema.dir.path().join("hostile.jsonl");
    prune(&schema)
        .args(["--older-than", "1d", "--archive", archive.to_str().unwrap()])
        .assert()
        .success();
    let text = std::fs::read_to_string(&archive).unwrap();
    assert!(!text
        .chars()
        .any(|c| c != '\n' && obanctl::output::sanitize::is_unsafe(c)));
    schema
        .cmd()
        .args(["jobs", "restore", "--reason", REASON, "--yes"])
        .arg(&archive)
        .assert()
        .success();
    assert_eq!(snapshot(&schema), before);
}
