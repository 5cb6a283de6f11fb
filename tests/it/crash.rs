//! Crash safety: obanctl killed with SIGKILL in the middle of a bulk run leaves every job either
//! fully changed (with exactly one audit row and chain entry) or untouched, a chain that
//! verifies, and a state a rerun finishes. Also: a statement timeout is a clear error.

use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::common::TestSchema;

const REASON: &str = "crash safety drill";

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn kill_9(child: &mut std::process::Child) {
    std::process::Command::new("kill")
        .args(["-9", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), None, "killed by a signal");
}

#[test]
fn sigkill_during_a_bulk_retry_of_100k_jobs_leaves_nothing_half_done() {
    sigkill_during_bulk_retry(&[], None);
}

#[test]
fn sigkill_during_parallel_batches_leaves_nothing_half_done() {
    sigkill_during_bulk_retry(&["--parallel", "3"], None);
}

/// The same with a keyed chain: every link is HMAC-signed, and the chain still verifies with the
/// key after the kill, the rerun and a purge (and only with the key: without it, exit 1).
#[test]
fn sigkill_during_a_keyed_bulk_retry_and_a_purge_leave_a_chain_that_verifies_with_the_key() {
    let schema = sigkill_during_bulk_retry(&["--parallel", "2"], Some(KEY));
    std::thread::sleep(Duration::from_millis(2100));
    schema
        .cmd()
        .env("OBANCTL_AUDIT_KEY", KEY)
        .args([
            "audit",
            "purge",
            "--older-than",
            "1s",
            "--execute",
            "--reason",
            REASON,
            "--yes",
            "--batch-size",
            "20000",
        ])
        .assert()
        .success();
    let unkeyed = schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM {}.obanctl_audit_chain WHERE key_id IS NULL",
        schema.quoted()
    ));
    assert_eq!(unkeyed, 0, "the purge events are keyed too");
    schema
        .cmd()
        .env("OBANCTL_AUDIT_KEY", KEY)
        .args(["audit", "verify"])
        .assert()
        .success()
        .stdout(predicate::str::contains("keyed links proven"));
    schema.cmd().args(["audit", "verify"]).assert().code(1);
}

const KEY: &str = "crash-drill-audit-key-0123456789";

fn sigkill_during_bulk_retry(extra: &[&str], key: Option<&str>) -> TestSchema {
    let schema = TestSchema::new("crashretry");
    let mut install = schema.cmd();
    if let Some(key) = key {
        install.env("OBANCTL_AUDIT_KEY", key);
    }
    install
        .args(["install", "--with-oban", "-q"])
        .assert()
        .success();
    let jobs = format!("{}.oban_jobs", schema.quoted());
    let events = format!("{}.oban_powertools_audit_events", schema.quoted());
    schema.sql(&format!(
        "INSERT INTO {jobs} (state, queue, worker, attempt, max_attempts, discarded_at) \
         SELECT 'discarded', 'default', 'W', 20, 20, timezone('UTC', now()) FROM generate_series(1, 100000)"
    ));
    let available = || {
        schema.int(&format!(
            "SELECT count(*)::bigint AS v FROM {jobs} WHERE state = 'available'"
        ))
    };
    let mut args = vec![
        "jobs",
        "retry",
        "--state",
        "discarded",
        "--reason",
        REASON,
        "--yes",
        "--max",
        "100000",
    ];
    args.extend_from_slice(extra);
    let mut process = schema.process(&args);
    let mut cmd = schema.cmd();
    if let Some(key) = key {
        process.env("OBANCTL_AUDIT_KEY", key);
        cmd.env("OBANCTL_AUDIT_KEY", key);
    }
    let mut child = process
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    wait_until("a few batches", || available() >= 3000);
    kill_9(&mut child);

    let changed = available();
    assert!(
        changed > 0 && changed < 100_000,
        "killed part-way ({changed})"
    );
    // Every changed job has exactly one audit row, and no untouched job has any.
    let audited = schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM {events} WHERE action = 'lifeline.repair_executed'"
    ));
    assert_eq!(audited, changed);
    let mismatched = schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM {jobs} j \
         WHERE (j.state = 'available') <> EXISTS (SELECT 1 FROM {events} e WHERE e.resource = 'job:' || j.id)"
    ));
    assert_eq!(mismatched, 0);
    let half_done = schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM {jobs} WHERE (state = 'available') <> (max_attempts = 21 AND discarded_at IS NULL)"
    ));
    assert_eq!(
        half_done, 0,
        "each job has all of the retry's column changes or none"
    );
    let verify = || {
        let mut verify = schema.cmd();
        if let Some(key) = key {
            verify.env("OBANCTL_AUDIT_KEY", key);
        }
        verify.args(["audit", "verify"]).assert().success();
    };
    verify();

    // A rerun finishes the rest.
    cmd.args(&args).assert().success();
    assert_eq!(available(), 100_000);
    verify();
    schema
}

#[test]
fn sigkill_during_a_purge_leaves_a_chain_that_verifies_and_a_rerun_finishes() {
    let schema = TestSchema::with_oban("crashpurge");
    let events = format!("{}.oban_powertools_audit_events", schema.quoted());
    schema.sql(&format!(
        "INSERT INTO {}.oban_jobs (state, queue, worker) SELECT 'available', 'q', 'W' FROM generate_series(1, 20000)",
        schema.quoted()
    ));
    schema
        .cmd()
        .args([
            "jobs", "cancel", "--all", "--reason", REASON, "--yes", "--max", "20000",
        ])
        .assert()
        .success();
    std::thread::sleep(Duration::from_millis(2100));
    let total = schema.audit_count();
    let mut child = schema
        .process(&[
            "audit",
            "purge",
            "--older-than",
            "1s",
            "--execute",
            "--reason",
            REASON,
            "--yes",
            "--batch-size",
            "200",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    wait_until("some purge batches", || schema.audit_count() < total - 1000);
    kill_9(&mut child);
    let remaining = schema.audit_count();
    assert!(
        remaining > 100,
        "killed part-way ({remaining} of {total} left)"
    );
    schema.cmd().args(["audit", "verify"]).assert().success();

    schema
        .cmd()
        .args([
            "audit",
            "purge",
            "--older-than",
            "1s",
            "--execute",
            "--reason",
            REASON,
            "--yes",
        ])
        .assert()
        .success();
    let left = schema.strings(&format!("SELECT DISTINCT action AS v FROM {events}"));
    assert_eq!(left, vec!["audit.purged"], "only checkpoints remain");
    schema.cmd().args(["audit", "verify"]).assert().success();
}

#[test]
fn a_statement_timeout_is_a_clear_error() {
    let schema = TestSchema::with_oban("timeout");
    schema.sql(&format!(
        "INSERT INTO {}.oban_jobs (state, queue, worker) SELECT 'completed', 'q', 'W' FROM generate_series(1, 300000)",
        schema.quoted()
    ));
    schema
        .cmd()
        .args(["--statement-timeout", "1ms", "jobs", "count", "--exact"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("statement timeout")
                .and(predicate::str::contains("--statement-timeout")),
        );
}
