//! `obanctl install` against a real database.

use diesel::connection::SimpleConnection;
use predicates::prelude::*;
use serde_json::Value;

use crate::common::{
    catalog_fingerprint, connect, json_lines, legacy_05x_replay, literal, quote, replay_in_schema,
    TestSchema, ACTOR, ELIXIR_REPLAY,
};

/// Another session holding an ACCESS EXCLUSIVE lock on a 0.5.x host's outbox table (the table
/// `install` must rename); the lock lasts until the returned connection rolls back.
fn lock_legacy_outbox(schema: &TestSchema) -> diesel::pg::PgConnection {
    let mut holder = connect();
    holder
        .batch_execute(&format!(
            "BEGIN; LOCK TABLE {}.oban_powertools_workflow_callback_outbox IN ACCESS EXCLUSIVE MODE",
            schema.quoted()
        ))
        .unwrap();
    holder
}

fn json_out(assert: assert_cmd::assert::Assert) -> Value {
    serde_json::from_slice(&assert.get_output().stdout).unwrap()
}

#[test]
fn installs_the_27_tables_once_and_a_second_run_changes_nothing() {
    let schema = TestSchema::new("twice");
    schema
        .cmd()
        .arg("install")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Created the 27 Powertools tables, obanctl's 2 audit tables and",
        ));
    // The 27 Powertools tables and obanctl's audit chain.
    assert_eq!(schema.tables().len(), 29);
    assert_eq!(schema.audit_count(), 1);

    schema.cmd().arg("install").assert().success().stdout(
        predicate::str::contains("already installed")
            .and(predicate::str::contains("nothing to do")),
    );
    assert_eq!(schema.audit_count(), 1, "a no-op writes no audit row");

    let doc = json_out(
        schema
            .cmd()
            .args(["--format", "json", "install"])
            .assert()
            .success(),
    );
    assert_eq!(doc["changed"], false);
}

#[test]
fn the_audit_row_reads_like_the_elixir_library_wrote_it() {
    let schema = TestSchema::new("auditrow");
    schema.cmd().arg("install").assert().success();
    let row = schema.strings(&format!(
        "SELECT concat_ws('|', actor_id, action, event_type, coalesce(command_key, '<null>'), resource, resource_type, \
                resource_id, metadata->>'source', metadata->'principal'->>'id', metadata->>'actor_source', \
                jsonb_array_length(metadata->'created_tables'), inserted_at = date_trunc('second', inserted_at), \
                inserted_at <= timezone('UTC', now())) AS v \
         FROM {}.oban_powertools_audit_events",
        schema.quoted()
    ));
    assert_eq!(
        row,
        vec![format!(
            "{ACTOR}|powertools.installed|powertools.installed|<null>|schema:{0}|schema|{0}|cli|{ACTOR}|env OBANCTL_ACTOR|29|t|t",
            schema.name
        )]
    );
}

#[test]
fn the_result_is_identical_to_the_elixir_installer_migrations() {
    let schema = TestSchema::new("same");
    schema.cmd().arg("install").assert().success();
    let reference = schema.companion("ref");
    replay_in_schema(&reference, ELIXIR_REPLAY);
    let ours = catalog_fingerprint(&schema, &schema.name);
    let theirs = catalog_fingerprint(&schema, &reference);
    assert_eq!(ours.len(), theirs.len());
    for (a, b) in ours.iter().zip(&theirs) {
        assert_eq!(a, b);
    }
}

#[test]
fn a_partial_install_is_completed_not_duplicated() {
    let schema = TestSchema::new("partial");
    schema.cmd().arg("install").assert().success();
    schema.sql(&format!(
        "DROP TABLE {0}.oban_powertools_job_records; DROP INDEX {0}.oban_powertools_audit_events_action_index;",
        schema.quoted()
    ));
    let doc = json_out(
        schema
            .cmd()
            .args(["--format", "json", "install"])
            .assert()
            .success(),
    );
    assert_eq!(
        doc["created_tables"],
        serde_json::json!(["oban_powertools_job_records"])
    );
    let indexes: Vec<&str> = doc["created_indexes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(indexes.contains(&"oban_powertools_audit_events_action_index"));
    assert!(indexes.contains(&"oban_powertools_job_records_worker_index"));
    assert_eq!(indexes.len(), 5);
    assert_eq!(schema.tables().len(), 29);
    assert_eq!(schema.audit_count(), 2);
}

#[test]
fn a_powertools_05x_host_is_upgraded_like_the_elixir_migration_does() {
    let schema = TestSchema::new("legacy");
    replay_in_schema(&schema.name, &legacy_05x_replay());
    assert_eq!(schema.tables().len(), 24);
    assert!(schema
        .tables()
        .contains(&"oban_powertools_workflow_callback_outbox".to_string()));
    schema
        .cmd()
        .arg("install")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Renamed oban_powertools_workflow_callback_outbox",
        ));
    let reference = schema.companion("ref");
    replay_in_schema(&reference, ELIXIR_REPLAY);
    assert_eq!(
        catalog_fingerprint(&schema, &schema.name),
        catalog_fingerprint(&schema, &reference)
    );
}

#[test]
fn dry_run_prints_the_sql_and_changes_nothing() {
    let schema = TestSchema::new("dry");
    schema
        .cmd()
        .args(["install", "--dry-run"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("CREATE TABLE IF NOT EXISTS \"oban_powertools_audit_events\"")
                .and(predicate::str::contains("nothing has been changed")),
        );
    let exists = schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM pg_namespace WHERE nspname = {}",
        literal(&schema.name)
    ));
    assert_eq!(exists, 0);
}

#[test]
fn with_oban_creates_a_v14_schema_and_refuses_when_one_exists() {
    let schema = TestSchema::new("withoban");
    schema
        .cmd()
        .args(["install", "--with-oban"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Created an Oban v14 schema"));
    let comment = schema.strings(&format!(
        "SELECT obj_description({}::regclass, 'pg_class') AS v",
        literal(&format!("{}.oban_jobs", schema.quoted()))
    ));
    assert_eq!(comment, vec!["14"]);
    let states = schema.strings(&format!(
        "SELECT e.enumlabel::text AS v FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid \
         JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = {} ORDER BY e.enumsortorder",
        literal(&schema.name)
    ));
    assert_eq!(
        states,
        [
            "available",
            "suspended",
            "scheduled",
            "executing",
            "retryable",
            "completed",
            "discarded",
            "cancelled"
        ]
    );
    assert_eq!(
        schema.tables().len(),
        31,
        "oban_jobs, oban_peers, 27 Powertools tables, the chain and its marker"
    );

    schema
        .cmd()
        .args(["install", "--with-oban"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already has an Oban schema"));
    assert_eq!(schema.audit_count(), 1);
}

#[test]
fn separate_prefix_and_powertools_schemas_with_hostile_names() {
    let schema = TestSchema::named(format!("we\"ird; DROP TABLE x; -- {}", std::process::id()));
    let prefix = schema.companion("pfx");
    schema
        .cmd()
        .env("OBANCTL_PREFIX", &prefix)
        .args(["install", "--with-oban"])
        .assert()
        .success();
    assert_eq!(schema.tables().len(), 29);
    let jobs = schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM {}.oban_jobs",
        quote(&prefix)
    ));
    assert_eq!(jobs, 0);
}

#[test]
fn a_held_lock_makes_install_give_up_cleanly() {
    let schema = TestSchema::new("locked");
    replay_in_schema(&schema.name, &legacy_05x_replay());
    let mut holder = lock_legacy_outbox(&schema);
    schema
        .cmd()
        .args(["--lock-timeout", "200ms", "install"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("gave up waiting for a lock"));
    holder.batch_execute("ROLLBACK").unwrap();
    assert!(schema
        .tables()
        .contains(&"oban_powertools_workflow_callback_outbox".to_string()));
    assert!(
        !schema
            .tables()
            .contains(&"oban_powertools_batches".to_string()),
        "nothing half-done"
    );
}

fn write_mix_project(dir: &std::path::Path) -> std::path::PathBuf {
    std::fs::write(
        dir.join("mix.exs"),
        "defmodule MyShop.MixProject do\n  use Mix.Project\nend\n",
    )
    .unwrap();
    let migrations = dir.join("priv").join("repo").join("migrations");
    std::fs::create_dir_all(&migrations).unwrap();
    migrations
}

/// The SQL inside each `execute(~S"""...""")` of the migration's `up`.
fn up_statements(migration: &str) -> Vec<String> {
    let up =
        &migration[migration.find("def up do").unwrap()..migration.find("def down do").unwrap()];
    up.split("execute(~S\"\"\"\n")
        .skip(1)
        .map(|chunk| chunk[..chunk.find("\"\"\")").unwrap()].trim().to_string())
        .collect()
}

/// Every install output in JSON is a typed line of the contract: the plan, the result (the same
/// keys whether or not anything changed) and the Ecto migration.
#[test]
fn install_json_lines_are_typed_records() {
    let schema = TestSchema::new("installjson");
    let json = |args: &[&str]| {
        let out = schema
            .cmd()
            .args(["--format", "json"])
            .args(args)
            .assert()
            .success();
        json_lines(&out.get_output().stdout)
    };
    let plan = json(&["install", "--dry-run"]);
    assert_eq!(plan.len(), 1);
    assert_eq!(plan[0]["kind"], "install_plan");
    assert!(!plan[0]["transaction"].as_array().unwrap().is_empty());
    let first = json(&["install"]);
    assert_eq!(first[0]["kind"], "install_result");
    assert_eq!(first[0]["changed"], true);
    assert!(first[0]["audit_id"].is_i64());
    let again = json(&["install"]);
    assert_eq!(again[0]["kind"], "install_result");
    assert_eq!(again[0]["changed"], false);
    let keys = |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&first[0]), keys(&again[0]), "the same keys either way");

    write_mix_project(schema.dir.path());
    let ecto = json(&["install", "--ecto", "priv/repo/migrations"]);
    assert_eq!(ecto[0]["kind"], "ecto_migration");
    assert_eq!(ecto[0]["repo"], "MyShop.Repo");
}

#[test]
fn ecto_writes_one_migration_that_builds_the_same_schema() {
    let schema = TestSchema::new("ecto");
    let migrations = write_mix_project(schema.dir.path());
    let out = schema
        .cmd()
        .args(["install", "--ecto", "priv/repo/migrations"])
        .assert()
        .success();
    let path = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let path = std::path::Path::new(path.trim());
    let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        file_name.ends_with("_oban_powertools_install.exs"),
        "{file_name}"
    );
    assert_eq!(
        file_name.len(),
        "20261123081500_oban_powertools_install.exs".len()
    );
    let text = std::fs::read_to_string(migrations.join(&file_name)).unwrap();
    assert!(text.starts_with("defmodule MyShop.Repo.Migrations.ObanPowertoolsInstall do\n"));
    assert!(text.contains("use Ecto.Migration"));
    assert!(!text.contains("#{"), "no interpolation inside the SQL");
    assert_eq!(text.matches(" do\n").count(), text.matches("end\n").count());
    assert_eq!(
        schema.tables().len(),
        0,
        "--ecto does not touch the database"
    );

    // Execute the migration's SQL the way Ecto would (one transaction), twice: same schema as
    // `obanctl install`, and idempotent.
    let statements = up_statements(&text);
    assert!(statements[0].starts_with("CREATE SCHEMA IF NOT EXISTS"));
    assert!(statements[1].starts_with("SET LOCAL search_path TO"));
    for _ in 0..2 {
        let mut conn = connect();
        let script = format!("BEGIN;\n{};\nCOMMIT;", statements.join(";\n"));
        conn.batch_execute(&script).unwrap();
    }
    let installed = schema.companion("inst");
    schema
        .cmd()
        .env("OBANCTL_POWERTOOLS_SCHEMA", &installed)
        .arg("install")
        .assert()
        .success();
    let from_ecto = catalog_fingerprint(&schema, &schema.name);
    assert_eq!(
        from_ecto.len(),
        catalog_fingerprint(&schema, &installed).len()
    );
    assert_eq!(from_ecto, catalog_fingerprint(&schema, &installed));

    schema
        .cmd()
        .args(["install", "--ecto", "priv/repo/migrations"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "already holds an obanctl install migration",
        ));
}

#[test]
fn ecto_needs_a_repo_module() {
    let schema = TestSchema::new("ectorepo");
    let dir = schema.dir.path().join("migrations");
    std::fs::create_dir_all(&dir).unwrap();
    schema
        .cmd()
        .args(["install", "--ecto", "migrations"])
        .assert()
        .code(64)
        .stderr(predicate::str::contains("--ecto-repo"));
    schema
        .cmd()
        .args([
            "install",
            "--ecto",
            "migrations",
            "--ecto-repo",
            "not a module",
        ])
        .assert()
        .code(64);
    schema
        .cmd()
        .args([
            "install",
            "--ecto",
            "migrations",
            "--ecto-repo",
            "Shop.Repo",
        ])
        .assert()
        .success();
    schema
        .cmd()
        .args(["install", "--ecto", "nowhere"])
        .assert()
        .code(64);
}

#[test]
fn an_invalid_index_is_reported_with_its_fix_and_exit_1() {
    let schema = TestSchema::new("invalid");
    schema.cmd().arg("install").assert().success();
    schema.sql(&format!(
        "UPDATE pg_index SET indisvalid = false WHERE indexrelid = {}::regclass",
        literal(&format!(
            "{}.oban_powertools_heartbeats_health_state_index",
            schema.quoted()
        ))
    ));
    schema.cmd().arg("install").assert().code(1).stderr(
        predicate::str::contains("REINDEX INDEX CONCURRENTLY")
            .and(predicate::str::contains("health_state_index")),
    );
}

#[test]
fn an_unexpected_database_error_is_an_internal_error_70_and_rolls_back() {
    let schema = TestSchema::new("internal");
    // An audit table of the wrong shape (install adds missing columns, but never changes a type):
    // the audit insert fails, so the whole install, column upgrades included, must not stick.
    schema.sql(&format!(
        "CREATE SCHEMA {0}; CREATE TABLE {0}.oban_powertools_audit_events (id bigserial PRIMARY KEY, \
         actor_id varchar(255), action varchar(255), command_key varchar(255), event_type varchar(255), \
         resource varchar(255), resource_type varchar(255), resource_id varchar(255), inserted_at timestamp(0), \
         metadata integer)",
        schema.quoted()
    ));
    schema.cmd().arg("install").assert().code(70).stderr(
        predicate::str::contains("metadata").and(predicate::str::contains("panicked").not()),
    );
    assert_eq!(schema.tables(), vec!["oban_powertools_audit_events"]);
}

#[test]
fn ctrl_c_while_waiting_exits_130_and_changes_nothing() {
    let schema = TestSchema::new("sigint");
    replay_in_schema(&schema.name, &legacy_05x_replay());
    let mut holder = lock_legacy_outbox(&schema);
    let mut child = schema
        .process(&["--lock-timeout", "60s", "install"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until obanctl is blocked on the lock, then interrupt it; this also shows every
    // transaction carries application_name = obanctl.
    let waiting = format!(
        "SELECT count(*)::bigint AS v FROM pg_stat_activity WHERE application_name = 'obanctl' \
         AND wait_event_type = 'Lock' AND query LIKE {}",
        literal("%RENAME TO%")
    );
    let started = std::time::Instant::now();
    while schema.int(&waiting) == 0 {
        assert!(
            started.elapsed().as_secs() < 30,
            "obanctl never blocked on the lock"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    holder.batch_execute("ROLLBACK").unwrap();
    assert_eq!(status.code(), Some(130));
    assert!(schema
        .tables()
        .contains(&"oban_powertools_workflow_callback_outbox".to_string()));
    assert!(!schema
        .tables()
        .contains(&"oban_powertools_callbacks".to_string()));
}

/// The batches table as the library's `examples/phoenix_host` migrations leave it: without `name`,
/// `inserted_count`, `insert_chunk_count`, `insert_failed_chunk`, `insert_failure` and
/// `insert_failed_at`, and without the `status`/`name` indexes.
fn phoenix_host_batches(schema: &TestSchema) {
    schema.cmd().args(["install", "-q"]).assert().success();
    schema.sql(&format!(
        "SET search_path TO {0}; \
         DROP INDEX oban_powertools_batches_name_index; \
         DROP INDEX oban_powertools_batches_status_index; \
         ALTER TABLE oban_powertools_batches DROP COLUMN name, DROP COLUMN inserted_count, \
           DROP COLUMN insert_chunk_count, DROP COLUMN insert_failed_chunk, \
           DROP COLUMN insert_failure, DROP COLUMN insert_failed_at; \
         INSERT INTO oban_powertools_batches (id, status, inserted_at, updated_at) \
           VALUES (gen_random_uuid(), 'executing', now(), now()); \
         RESET search_path",
        schema.quoted()
    ));
}

#[test]
fn older_tables_are_upgraded_column_by_column_and_a_rerun_changes_nothing() {
    let schema = TestSchema::new("phoenixhost");
    phoenix_host_batches(&schema);
    // doctor sees the missing columns, not only the table names.
    let out = schema
        .cmd()
        .args(["--format", "json", "doctor", "--only", "powertools_tables"])
        .assert()
        .code(2);
    let report: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let finding = &report["findings"][0];
    assert_eq!(finding["code"], "POWERTOOLS_COLUMNS_MISSING", "{report:#}");
    assert!(finding["message"]
        .as_str()
        .unwrap()
        .contains("insert_failure"));

    let out = schema.cmd().arg("install").assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("added 6 column(s)"), "{stdout}");
    let columns = schema.strings(&format!(
        "SELECT column_name::text AS v FROM information_schema.columns \
         WHERE table_schema = {} AND table_name = 'oban_powertools_batches' ORDER BY 1",
        literal(&schema.name)
    ));
    for column in [
        "name",
        "inserted_count",
        "insert_chunk_count",
        "insert_failed_chunk",
        "insert_failure",
        "insert_failed_at",
    ] {
        assert!(columns.iter().any(|c| c == column), "{column}: {columns:?}");
    }
    // The existing row got the defaults; the indexes were built after the columns.
    assert_eq!(
        schema.int(&format!(
            "SELECT count(*)::bigint AS v FROM {}.oban_powertools_batches \
             WHERE inserted_count = 0 AND insert_failure = '{{}}'::jsonb",
            schema.quoted()
        )),
        1
    );
    let indexes = schema.strings(&format!(
        "SELECT indexname::text AS v FROM pg_indexes WHERE schemaname = {} \
         AND tablename = 'oban_powertools_batches' ORDER BY 1",
        literal(&schema.name)
    ));
    assert!(
        indexes.contains(&"oban_powertools_batches_name_index".to_string())
            && indexes.contains(&"oban_powertools_batches_status_index".to_string()),
        "{indexes:?}"
    );
    schema
        .cmd()
        .arg("install")
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing to do"));
    schema
        .cmd()
        .args(["doctor", "--only", "powertools_tables"])
        .assert()
        .success();
}
