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
    assert_eq!(before["next_fires_computed"].as_array().unwrap().len(), 3);
    assert!(before["next_fires_computed"][0]
        .as_str()
        .unwrap()
        .ends_with("02:00 UTC"));
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
    let doc: Value = serde_json::from_slice(&shown.get_output().stdout).unwrap();
    assert_eq!(doc["recent_slots"][0]["job_id"], 42);
    assert_eq!(doc["audit"].as_array().unwrap().len(), 2);
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
        hourly["next_fires_computed"][0]
            .as_str()
            .unwrap()
            .contains(":00 E"),
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
        pro["next_fires_computed"][0]
            .as_str()
            .unwrap()
            .contains("06:15 CE"),
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
    for read in [
        &["jobs", "list"][..],
        &["jobs", "count"],
        &["cron", "list"],
        &["cron", "show", "nightly_sync"],
        &["audit", "tail"],
        &["audit", "export", "--output", "/dev/null"],
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
