//! `obanctl cron ...` against Powertools cron tables and Oban Pro's oban_crons.

use predicates::prelude::*;
use serde_json::Value;

use crate::common::{literal, TestSchema};

/// The Powertools tables plus the nightly_sync entry seeded the way the Elixir example host does.
fn with_entries(tag: &str) -> TestSchema {
    let schema = TestSchema::new(tag);
    schema
        .cmd()
        .args(["install", "--with-oban", "-q"])
        .assert()
        .success();
    let entries = format!("{}.oban_powertools_cron_entries", schema.quoted());
    schema.sql(&format!(
        "INSERT INTO {entries} (id, name, source, worker, queue, expression, timezone, args, overlap_policy, catch_up_policy, max_catch_up, metadata, inserted_at, updated_at) VALUES \
         (gen_random_uuid(), 'nightly_sync', 'fixture', 'PhoenixHost.Workers.NightlySyncWorker', 'default', '0 2 * * *', 'Etc/UTC', '{{\"scope\": \"ops-demo\"}}', 'queue_one', 'latest', 1, '{{}}', now(), now()), \
         (gen_random_uuid(), 'hourly_report', 'code', 'App.Report', 'reports', '@hourly', 'America/New_York', '{{}}', 'skip', 'latest', 1, '{{}}', now(), now())"
    ));
    schema.sql(&format!(
        "INSERT INTO {}.oban_powertools_cron_slots (id, entry_id, slot_at, state, job_id, metadata, inserted_at, updated_at) \
         SELECT gen_random_uuid(), id, '2026-11-22 02:00', 'claimed', 42, '{{\"decision\": \"enqueued\"}}', now(), now() FROM {entries} WHERE name = 'nightly_sync'",
        schema.quoted()
    ));
    schema
}

fn entries(schema: &TestSchema) -> Vec<Value> {
    let out = schema
        .cmd()
        .args(["--format", "json", "cron", "list"])
        .assert()
        .success();
    crate::common::json_lines(&out.get_output().stdout)
}

fn entries_at(schema: &TestSchema, at: &str) -> Vec<Value> {
    let out = schema
        .cmd()
        .args(["--format", "json", "cron", "list", "--at", at])
        .assert()
        .success();
    crate::common::json_lines(&out.get_output().stdout)
}

fn fires(entries: &[Value], name: &str) -> Vec<String> {
    entries.iter().find(|e| e["name"] == name).unwrap()["next_fires"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["at"].as_str().unwrap().to_string())
        .collect()
}

fn entry(schema: &TestSchema, name: &str) -> Value {
    entries(schema)
        .into_iter()
        .find(|e| e["name"] == name)
        .unwrap()
}

#[test]
fn ops_demo_pauses_nightly_sync_and_resumes_it() {
    let schema = with_entries("cronscenario");
    let before = entry(&schema, "nightly_sync");
    assert_eq!(before["paused"], false);
    assert_eq!(before["next_fires"].as_array().unwrap().len(), 3);
    assert!(before["next_fires"][0]["at"]
        .as_str()
        .unwrap()
        .ends_with("T02:00:00.000000Z"));
    assert_eq!(before["last_claim"]["state"], "claimed");

    schema
        .cmd()
        .args([
            "--actor",
            "ops-demo",
            "cron",
            "pause",
            "nightly_sync",
            "--reason",
            "fixture maintenance",
            "--yes",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Paused cron entry nightly_sync"));
    let paused = entry(&schema, "nightly_sync");
    assert_eq!(paused["paused"], true);
    assert!(paused["paused_at"].is_string());
    schema
        .cmd()
        .args(["cron", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("since 20"));

    // Exactly one audit row, shaped as the Elixir library writes it, visible in audit tail.
    let rows = schema.strings(&format!(
        "SELECT concat_ws('|', actor_id, action, command_key, resource, resource_type, resource_id, metadata->>'reason', \
                metadata->'resource'->>'source', metadata->'principal'->>'id') AS v \
         FROM {}.oban_powertools_audit_events WHERE resource = 'cron_entry:nightly_sync'",
        schema.quoted()
    ));
    assert_eq!(
        rows,
        ["ops-demo|cron.paused|pause_cron_entry|cron_entry:nightly_sync|cron_entry|nightly_sync|fixture maintenance|fixture|ops-demo"]
    );
    // What the library's UI and forensics views read, as on job repairs.
    let forensics = schema.strings(&format!(
        "SELECT concat_ws('|', metadata->>'preview_token' = metadata->>'operation_id', length(metadata->>'plan_hash'), \
                metadata->>'incident_fingerprint', metadata->'runbook_context'->'attempt'->>'action', \
                metadata->'runbook_context'->'attempt'->>'target_id', \
                metadata->'runbook_context'->>'plan_hash' = metadata->>'plan_hash', metadata->>'source') AS v \
         FROM {}.oban_powertools_audit_events WHERE resource = 'cron_entry:nightly_sync'",
        schema.quoted()
    ));
    assert_eq!(
        forensics,
        ["t|64|cron_entry:manual:nightly_sync|pause_cron_entry|nightly_sync|t|cli"]
    );
    schema
        .cmd()
        .args(["audit", "tail", "--resource", "cron_entry:nightly_sync"])
        .assert()
        .success()
        .stdout(predicate::str::contains("cron.paused").and(predicate::str::contains("ops-demo")));

    // Pausing again is a no-op: exit 0, no audit row.
    schema
        .cmd()
        .args([
            "--actor",
            "ops-demo",
            "cron",
            "pause",
            "nightly_sync",
            "--reason",
            "fixture maintenance",
            "--yes",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("already paused (since"));
    assert_eq!(schema.audit_count(), 2);

    schema
        .cmd()
        .args([
            "--actor",
            "ops-demo",
            "cron",
            "resume",
            "nightly_sync",
            "--reason",
            "maintenance finished",
            "--yes",
        ])
        .assert()
        .success();
    let resumed = entry(&schema, "nightly_sync");
    assert_eq!(resumed["paused"], false);
    assert!(
        resumed["last_run_at"].is_string(),
        "resume sets last_run_at like the library"
    );
    schema
        .cmd()
        .args(["audit", "tail", "--action", "cron.resumed"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nightly_sync"));
    schema.cmd().args(["audit", "verify"]).assert().success();

    let shown = schema
        .cmd()
        .args(["--format", "json", "cron", "show", "nightly_sync"])
        .assert()
        .success();
    let lines = crate::common::json_lines(&shown.get_output().stdout);
    assert_eq!(lines[0]["kind"], "cron_entry");
    assert_eq!(lines[0]["recent_slots"][0]["job_id"], 42);
    assert_eq!(
        lines.iter().filter(|l| l["kind"] == "audit_event").count(),
        2
    );
}

#[test]
fn unknown_names_refusals_and_dry_runs_change_nothing() {
    let schema = with_entries("cronrefuse");
    schema
        .cmd()
        .args([
            "cron",
            "pause",
            "nighly_sync",
            "--reason",
            "fixture maintenance",
            "--yes",
        ])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no cron entry named `nighly_sync`")
                .and(predicate::str::contains("did you mean: nightly_sync")),
        );
    schema
        .cmd()
        .args(["cron", "pause", "nightly_sync", "--yes"])
        .assert()
        .code(64)
        .stderr(predicate::str::contains("reason is required"));
    schema
        .cmd()
        .args([
            "cron",
            "pause",
            "nightly_sync",
            "--reason",
            "fixture maintenance",
        ])
        .assert()
        .code(2);
    schema
        .cmd()
        .args(["cron", "pause", "nightly_sync", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Would pause"));
    schema
        .cmd()
        .args([
            "cron",
            "resume",
            "nightly_sync",
            "--reason",
            "nothing to resume",
            "--yes",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("already running"));
    assert_eq!(entry(&schema, "nightly_sync")["paused"], false);
    assert_eq!(schema.audit_count(), 1, "only the install row");
    let hourly = entry(&schema, "hourly_report");
    assert!(
        hourly["next_fires"][0]["local_time"]
            .as_str()
            .unwrap()
            .ends_with(":00:00")
            && hourly["next_fires"][0]["zone_abbreviation"]
                .as_str()
                .unwrap()
                .starts_with('E'),
        "{hourly}"
    );
    let empty = TestSchema::new("cronnone");
    empty
        .cmd()
        .args(["cron", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no cron tables"));
}

#[test]
fn oban_pro_dynamic_cron_entries_are_listed_and_paused() {
    let schema = TestSchema::with_oban("cronpro");
    schema.sql(&format!(
        "DROP TABLE {0}.oban_powertools_cron_slots, {0}.oban_powertools_cron_coverages, {0}.oban_powertools_cron_entries; \
         CREATE TABLE {0}.oban_crons (name text PRIMARY KEY, expression text NOT NULL, worker text NOT NULL, \
           opts jsonb NOT NULL DEFAULT '{{}}', paused boolean NOT NULL DEFAULT false, \
           inserted_at timestamp NOT NULL DEFAULT now(), updated_at timestamp NOT NULL DEFAULT now()); \
         INSERT INTO {0}.oban_crons (name, expression, worker, opts) VALUES \
           ('pro_digest', '15 6 * * 1', 'App.Digest', {1}::jsonb)",
        schema.quoted(),
        literal(r#"{"queue": "mail", "timezone": "Europe/Paris"}"#)
    ));
    let pro = entry(&schema, "pro_digest");
    assert_eq!(pro["backend"], "oban_pro");
    assert_eq!(pro["queue"], "mail");
    assert!(
        pro["next_fires"][0]["local_time"]
            .as_str()
            .unwrap()
            .ends_with("T06:15:00")
            && pro["next_fires"][0]["zone_abbreviation"]
                .as_str()
                .unwrap()
                .starts_with("CE"),
        "{pro}"
    );
    schema
        .cmd()
        .args([
            "--actor",
            "ops-demo",
            "cron",
            "pause",
            "pro_digest",
            "--reason",
            "mail provider outage",
            "--yes",
        ])
        .assert()
        .success();
    let paused = schema.strings(&format!(
        "SELECT paused::text AS v FROM {}.oban_crons WHERE name = 'pro_digest'",
        schema.quoted()
    ));
    assert_eq!(paused, ["true"]);
    let action = schema.strings(&format!(
        "SELECT action || '|' || (metadata->>'backend') AS v FROM {}.oban_powertools_audit_events WHERE resource = 'cron_entry:pro_digest'",
        schema.quoted()
    ));
    assert_eq!(action, ["cron.paused|oban_pro"]);
}

#[test]
fn a_select_only_role_reads_everything_and_every_mutation_exits_77() {
    let schema = with_entries("cronreader");
    schema.sql(&format!(
        "INSERT INTO {}.oban_jobs (state, queue, worker) VALUES ('discarded', 'q', 'W'), ('available', 'q', 'W')",
        schema.quoted()
    ));
    let role = crate::common::unique_name("reader");
    schema.sql(&format!(
        "CREATE ROLE {role} LOGIN; GRANT USAGE ON SCHEMA {0} TO {role}; GRANT SELECT ON ALL TABLES IN SCHEMA {0} TO {role}",
        schema.quoted()
    ));
    let role_url = crate::common::role_url(&role);
    let as_reader = |args: &[&str]| {
        let mut cmd = schema.cmd();
        cmd.env("DATABASE_URL", &role_url).args(args);
        cmd.assert()
    };
    // An old event (as the Elixir library writes them) so the purge below has work to refuse.
    schema.sql(&format!(
        "INSERT INTO {}.oban_powertools_audit_events (action, inserted_at) VALUES ('old.event', now() - interval '2 days')",
        schema.quoted()
    ));
    let audit_before = schema.audit_count();
    // audit export writes its file atomically beside the target, so it needs a real directory.
    let export = schema.dir.path().join("export.jsonl");
    let export = export.to_str().unwrap();
    for read in [
        &["jobs", "list"][..],
        &["jobs", "count"],
        &["cron", "list"],
        &["cron", "show", "nightly_sync"],
        &["audit", "tail"],
        &["audit", "export", "--output", export],
        &["audit", "verify"],
        &["audit", "purge", "--older-than", "1d"],
        &["config", "show"],
    ] {
        as_reader(read).success();
    }
    let reason = ["--reason", "least privilege drill", "--yes"];
    for write in [
        &["cron", "pause", "nightly_sync"][..],
        &["jobs", "retry", "--state", "discarded"],
        &["jobs", "cancel", "--state", "available"],
        &["jobs", "discard", "--state", "available"],
        &["audit", "purge", "--older-than", "1s", "--execute"],
    ] {
        let mut args = write.to_vec();
        args.extend(reason);
        as_reader(&args)
            .code(77)
            .stderr(predicate::str::contains("permission denied"));
    }
    schema.sql(&format!("DROP OWNED BY {role}; DROP ROLE {role}"));
    assert_eq!(schema.audit_count(), audit_before, "nothing was written");
    assert_eq!(entry(&schema, "nightly_sync")["paused"], false);
}

#[test]
fn next_fires_follow_the_oban_plugin_across_daylight_saving() {
    let schema = with_entries("crondst");
    schema.sql(&format!(
        "INSERT INTO {}.oban_powertools_cron_entries (id, name, source, worker, queue, expression, timezone, args, metadata, inserted_at, updated_at) VALUES \
         (gen_random_uuid(), 'gap', 'code', 'W', 'default', '30 2 14 3 *', 'America/New_York', '{{}}', '{{}}', now(), now()), \
         (gen_random_uuid(), 'gap_step', 'code', 'W', 'default', '*/30 2 14 3 *', 'America/New_York', '{{}}', '{{}}', now(), now()), \
         (gen_random_uuid(), 'overlap', 'code', 'W', 'default', '30 1 7 11 *', 'America/New_York', '{{}}', '{{}}', now(), now())",
        schema.quoted()
    ));
    let listed = entries_at(&schema, "2027-03-01T00:00:00Z");
    // 02:30 is never shown in New York on 2027-03-14: no fire that day, for either shape.
    assert_eq!(
        fires(&listed, "gap"),
        [
            "2028-03-14T06:30:00.000000Z",
            "2029-03-14T06:30:00.000000Z",
            "2030-03-14T06:30:00.000000Z"
        ]
    );
    assert_eq!(
        fires(&listed, "gap_step"),
        [
            "2028-03-14T06:00:00.000000Z",
            "2028-03-14T06:30:00.000000Z",
            "2029-03-14T06:00:00.000000Z"
        ]
    );
    assert!(listed
        .iter()
        .all(|e| e["computed_from"] == "2027-03-01T00:00:00.000000Z"));
    // 01:30 is shown twice on 2027-11-07: once in EDT, once in EST.
    let listed = entries_at(&schema, "2027-11-01T00:00:00-04:00");
    assert_eq!(
        fires(&listed, "overlap"),
        [
            "2027-11-07T05:30:00.000000Z",
            "2027-11-07T06:30:00.000000Z",
            "2028-11-07T06:30:00.000000Z"
        ]
    );
    let out = schema
        .cmd()
        .args(["cron", "show", "overlap", "--at", "2027-11-01T00:00:00Z"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("2027-11-07 05:30:00Z (01:30 EDT)"), "{text}");
    assert!(text.contains("2027-11-07 06:30:00Z (01:30 EST)"), "{text}");
    schema
        .cmd()
        .args(["cron", "list", "--at", "tomorrow"])
        .assert()
        .code(64)
        .stderr(predicate::str::contains("RFC 3339"));
}

#[test]
fn pause_and_resume_speak_json_with_the_same_keys_and_a_summary() {
    let schema = with_entries("cronjson");
    let run = |args: &[&str]| {
        let out = schema
            .cmd()
            .args(["--format", "json", "--actor", "ops-demo", "cron"])
            .args(args)
            .assert()
            .success();
        crate::common::json_lines(&out.get_output().stdout)
    };
    let plan = run(&["pause", "nightly_sync", "--dry-run"]);
    assert_eq!(plan[0]["kind"], "cron_plan");
    assert_eq!(plan[0]["change"], "pause");
    assert_eq!(plan[1]["kind"], "summary");
    assert_eq!(plan[1]["dry_run"], true);
    assert_eq!(plan[1]["changed"], 0);
    let reason = ["--reason", "fixture maintenance", "--yes"];
    let first = run(&[&["pause", "nightly_sync"][..], &reason[..]].concat());
    let again = run(&[&["pause", "nightly_sync"][..], &reason[..]].concat());
    assert_eq!(first[0]["kind"], "cron_change");
    assert_eq!(first[0]["outcome"], "changed");
    assert_eq!(again[0]["outcome"], "already_paused");
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&first[0]), keys(&again[0]));
    assert_eq!(first[1]["kind"], "summary");
    assert_eq!(first[1]["changed"], 1);
    assert!(first[1]["operation_id"].is_string());
    assert_eq!(again[1]["skipped"]["already_paused"], 1);
    let plan = run(&["pause", "nightly_sync", "--dry-run"]);
    assert_eq!(plan[0]["change"], "none");
    assert_eq!(plan[0]["skip"], "already_paused");
    let resumed = run(&[&["resume", "nightly_sync"][..], &reason[..]].concat());
    assert_eq!(resumed[0]["outcome"], "changed");
    assert_eq!(resumed[0]["paused"], false);
    assert_eq!(resumed[1]["operation"], "cron_resume");
}
