//! Test harness: every test gets its own schema (dropped afterwards), a cleared environment, a
//! temporary HOME and working directory, and runs the real `obanctl` binary.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Text};
use diesel::{Connection, QueryableByName, RunQueryDsl};

pub const ACTOR: &str = "test-actor";

const DEFAULT_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// The database the tests use: `DATABASE_URL` (default [`DEFAULT_DATABASE_URL`]) when it
/// answers, else a private throwaway cluster from the local PostgreSQL server binaries, started
/// once per test process and stopped and deleted when the process ends (see
/// `obanctl::cluster::Cluster::for_this_process`). With neither, one line says what to install
/// and the run ends with exit 1.
pub fn database_url() -> String {
    static URL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    URL.get_or_init(reachable_database_url).clone()
}

/// Written straight to stderr, so it shows once even though libtest captures test output.
fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

fn reachable_database_url() -> String {
    let (configured, which) = match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => (url, "DATABASE_URL".to_string()),
        _ => (
            DEFAULT_DATABASE_URL.to_string(),
            format!("the default test database {DEFAULT_DATABASE_URL}"),
        ),
    };
    let probe = if configured.contains("connect_timeout") {
        configured.clone()
    } else if configured.starts_with("postgres://") || configured.starts_with("postgresql://") {
        let sep = if configured.contains('?') { '&' } else { '?' };
        format!("{configured}{sep}connect_timeout=5")
    } else {
        format!("{configured} connect_timeout=5")
    };
    let reason = match PgConnection::establish(&probe) {
        Ok(_) => return configured,
        Err(err) => err
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    };
    let parent = std::env::var_os("OBANCTL_TEST_CLUSTER_DIR")
        .filter(|d| !d.is_empty())
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    match obanctl::cluster::Cluster::for_this_process(&parent, &|_| {}) {
        Ok((cluster, pipe)) => {
            // Never closed by us: the kernel closes it when this process ends, however it
            // ends, and the watchdog then stops and deletes the cluster.
            std::mem::forget(pipe);
            say(&format!(
                "tests: {which} is unreachable ({reason}); using a private PostgreSQL in {} for this run (stopped and deleted when it ends)",
                cluster.data_dir.display()
            ));
            cluster.url()
        }
        Err(err) => {
            let why = if err.is(obanctl::error::ErrorKind::Unreachable) {
                format!(
                    "there is no initdb/pg_ctl to start a private one: {}; or point DATABASE_URL at a running server",
                    obanctl::cluster::INSTALL_HINT
                )
            } else {
                format!("a private one could not be started: {}", err.message())
            };
            say(&format!(
                "tests need PostgreSQL: {which} is unreachable ({reason}), and {why}"
            ));
            std::process::exit(1);
        }
    }
}

/// The URL the obanctl binary under test connects with. The PgBouncer lane of `.ci/run` points it
/// at PgBouncer in transaction mode; the tests' own connections (fixtures, LISTEN, ad-hoc roles)
/// stay on [`database_url`].
pub fn cli_database_url() -> String {
    std::env::var("OBANCTL_TEST_CLI_URL").unwrap_or_else(|_| database_url())
}

/// Whether the binary under test connects through a pooler (the PgBouncer lane). Tests whose
/// premise is a server session of obanctl's own (a backend terminated under it, a role default
/// applied at login) hold only on a direct connection, and say so when skipped.
pub fn through_pooler(test: &str) -> bool {
    let pooled = cli_database_url() != database_url();
    if pooled {
        eprintln!("{test}: skipped through a pooler: its premise is a direct server session");
    }
    pooled
}

/// The database URL with `role` as the user (tests' ad-hoc roles log in without a password).
pub fn role_url(role: &str) -> String {
    let url = database_url();
    let host_part = url.split('@').nth(1).expect("DATABASE_URL has user@host");
    format!("postgres://{role}@{host_part}")
}

pub fn connect() -> PgConnection {
    PgConnection::establish(&database_url())
        .unwrap_or_else(|e| panic!("the test database stopped answering: {e}"))
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A unique, lower-case name for this process and call.
pub fn unique_name(tag: &str) -> String {
    format!(
        "t_{tag}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    )
}

pub struct TestSchema {
    pub name: String,
    pub dir: tempfile::TempDir,
    extra_schemas: std::cell::RefCell<Vec<String>>,
}

#[derive(QueryableByName)]
struct TextRow {
    #[diesel(sql_type = Text)]
    v: String,
}

#[derive(QueryableByName)]
struct IntRow {
    #[diesel(sql_type = BigInt)]
    v: i64,
}

impl TestSchema {
    pub fn new(tag: &str) -> Self {
        TestSchema::named(unique_name(tag))
    }

    /// A schema holding an Oban v14 schema and the Powertools tables.
    pub fn with_oban(tag: &str) -> Self {
        let schema = TestSchema::new(tag);
        schema
            .cmd()
            .args(["install", "--with-oban", "-q"])
            .assert()
            .success();
        schema
    }

    /// A schema with an arbitrary (possibly hostile) name.
    pub fn named(name: String) -> Self {
        let schema = TestSchema {
            name,
            dir: tempfile::tempdir().unwrap(),
            extra_schemas: Default::default(),
        };
        schema.drop_schema(&schema.name);
        schema
    }

    /// Another schema dropped together with this one.
    pub fn companion(&self, tag: &str) -> String {
        let name = unique_name(tag);
        self.drop_schema(&name);
        self.extra_schemas.borrow_mut().push(name.clone());
        name
    }

    fn drop_schema(&self, name: &str) {
        let sql = format!("DROP SCHEMA IF EXISTS {} CASCADE", quote(name));
        if std::thread::panicking() {
            // Cleaning up after a failed test: a second panic here would abort the whole run.
            if let Ok(mut conn) = PgConnection::establish(&database_url()) {
                let _ = conn.batch_execute(&sql);
            }
            return;
        }
        connect().batch_execute(&sql).unwrap();
    }

    pub fn quoted(&self) -> String {
        quote(&self.name)
    }

    /// `obanctl` with a clean environment pointed at this schema (prefix and Powertools schema).
    pub fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = base_cmd(self.dir.path());
        cmd.env("DATABASE_URL", cli_database_url())
            .env("OBANCTL_PREFIX", &self.name)
            .env("OBANCTL_POWERTOOLS_SCHEMA", &self.name);
        cmd
    }

    /// `obanctl` as a plain child process (for tests that signal it or read its output as it
    /// comes), with the same environment as [`TestSchema::cmd`].
    pub fn process(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("obanctl"));
        cmd.args(args)
            .env("DATABASE_URL", cli_database_url())
            .env("OBANCTL_PREFIX", &self.name)
            .env("OBANCTL_POWERTOOLS_SCHEMA", &self.name)
            .env("OBANCTL_ACTOR", ACTOR)
            .current_dir(self.dir.path());
        cmd
    }

    pub fn sql(&self, sql: &str) {
        connect()
            .batch_execute(sql)
            .unwrap_or_else(|e| panic!("{e}\n{sql}"));
    }

    pub fn strings(&self, sql: &str) -> Vec<String> {
        diesel::sql_query(sql)
            .load::<TextRow>(&mut connect())
            .unwrap_or_else(|e| panic!("{e}\n{sql}"))
            .into_iter()
            .map(|r| r.v)
            .collect()
    }

    pub fn int(&self, sql: &str) -> i64 {
        diesel::sql_query(sql)
            .get_result::<IntRow>(&mut connect())
            .unwrap_or_else(|e| panic!("{e}\n{sql}"))
            .v
    }

    /// Table names in this schema.
    pub fn tables(&self) -> Vec<String> {
        self.strings(&format!(
            "SELECT c.relname::text AS v FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = {} AND c.relkind = 'r' ORDER BY 1",
            literal(&self.name)
        ))
    }

    pub fn audit_count(&self) -> i64 {
        self.int(&format!(
            "SELECT count(*)::bigint AS v FROM {}.oban_powertools_audit_events",
            self.quoted()
        ))
    }
}

impl Drop for TestSchema {
    fn drop(&mut self) {
        self.drop_schema(&self.name);
        for name in self.extra_schemas.borrow().iter() {
            self.drop_schema(name);
        }
    }
}

/// `obanctl` with nothing from the developer's environment: no config, no colour, fixed actor.
pub fn base_cmd(dir: &Path) -> assert_cmd::Command {
    clean_env(assert_cmd::Command::cargo_bin("obanctl").unwrap(), dir)
}

/// `sh -c LINE` in the environment of [`base_cmd`], for commands run as a person types them.
pub fn shell(dir: &Path, line: &str) -> assert_cmd::Command {
    let mut cmd = clean_env(assert_cmd::Command::new("sh"), dir);
    cmd.args(["-c", line]);
    cmd
}

fn clean_env(mut cmd: assert_cmd::Command, dir: &Path) -> assert_cmd::Command {
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("NO_COLOR", "1")
        .env("OBANCTL_ACTOR", ACTOR)
        .current_dir(dir)
        .timeout(std::time::Duration::from_secs(120));
    cmd
}

/// Command lines of running processes that mention `path` (a cluster's data directory).
pub fn processes_mentioning(path: &Path) -> Vec<String> {
    let needle = path.to_string_lossy().to_string();
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|entry| std::fs::read(entry.path().join("cmdline")).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).replace('\0', " "))
        .filter(|cmdline| cmdline.contains(&needle))
        .collect()
}

/// One JSON object per line of `bytes` (obanctl's `--format json` output, stdout or stderr),
/// each validated against the published output contract (`docs/output.schema.json`; doctor
/// reports also against `docs/doctor.schema.json`), with the offending line named.
pub fn json_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let value: serde_json::Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
            assert_contract(&value);
            value
        })
        .collect()
}

fn contract() -> &'static (jsonschema::Validator, jsonschema::Validator) {
    static VALIDATORS: std::sync::OnceLock<(jsonschema::Validator, jsonschema::Validator)> =
        std::sync::OnceLock::new();
    VALIDATORS.get_or_init(|| {
        let load = |text: &str| {
            let schema: serde_json::Value = serde_json::from_str(text).unwrap();
            jsonschema::validator_for(&schema).expect("a valid JSON Schema")
        };
        (
            load(include_str!("../../docs/output.schema.json")),
            load(include_str!("../../docs/doctor.schema.json")),
        )
    })
}

/// Panics unless `value` is a valid line of the output contract.
pub fn assert_contract(value: &serde_json::Value) {
    let (output, doctor) = contract();
    let errors: Vec<String> = output
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "line breaks the output contract: {errors:?}\n{value}"
    );
    if value["kind"] == "doctor_report" {
        let errors: Vec<String> = doctor.iter_errors(value).map(|e| e.to_string()).collect();
        assert!(
            errors.is_empty(),
            "doctor report breaks its schema: {errors:?}\n{value}"
        );
    }
}

/// The JSON lines of one `kind`.
pub fn of_kind(lines: &[serde_json::Value], kind: &str) -> Vec<serde_json::Value> {
    lines
        .iter()
        .filter(|l| l["kind"] == kind)
        .cloned()
        .collect()
}

/// The one line of `kind` (panics unless there is exactly one).
pub fn one_of_kind(lines: &[serde_json::Value], kind: &str) -> serde_json::Value {
    let found = of_kind(lines, kind);
    assert_eq!(found.len(), 1, "one {kind} line expected in {lines:?}");
    found.into_iter().next().unwrap()
}

pub fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

pub fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Columns, indexes and constraints of a schema, with the schema name taken out, for comparing two
/// schemas built different ways.
pub fn catalog_fingerprint(schema: &TestSchema, name: &str) -> Vec<String> {
    let lit = literal(name);
    let strip = |s: String| {
        s.replace(&format!("{}.", quote(name)), "")
            .replace(&format!("{name}."), "")
    };
    let mut rows = schema.strings(&format!(
        "SELECT concat_ws('|', 'col', c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, \
                coalesce(pg_get_expr(d.adbin, d.adrelid), '')) AS v \
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum \
         WHERE n.nspname = {lit} AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped \
         UNION ALL \
         SELECT concat_ws('|', 'idx', indexname, indexdef) FROM pg_indexes WHERE schemaname = {lit} \
         UNION ALL \
         SELECT concat_ws('|', 'con', k.conname, c.relname, pg_get_constraintdef(k.oid)) \
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = k.connamespace \
         WHERE n.nspname = {lit} \
         ORDER BY 1"
    ));
    // obanctl's own tables are not part of what the Elixir installer creates.
    rows = rows
        .into_iter()
        .map(strip)
        .filter(|row| !row.contains("obanctl_"))
        .collect();
    rows.sort();
    rows
}

/// Runs a script statement by statement outside a transaction (the fixture contains
/// `CREATE INDEX CONCURRENTLY`), with `search_path` set to `schema` on that session.
pub fn replay_in_schema(schema: &str, script: &str) {
    let mut conn = connect();
    conn.batch_execute(&format!(
        "CREATE SCHEMA IF NOT EXISTS {0}; SET search_path TO {0}",
        quote(schema)
    ))
    .unwrap();
    let body: String = script
        .lines()
        .filter(|l| !l.trim_start().starts_with("--"))
        .collect::<Vec<_>>()
        .join("\n");
    for statement in body.split(";\n").map(str::trim).filter(|s| !s.is_empty()) {
        conn.batch_execute(statement)
            .unwrap_or_else(|e| panic!("{e}\n{statement}"));
    }
}

pub const ELIXIR_REPLAY: &str = include_str!("../fixtures/powertools_elixir_replay.sql");

/// The fixture up to (not including) the 1.0 migrations: what a Powertools 0.5.x host has.
pub fn legacy_05x_replay() -> String {
    let cut = ELIXIR_REPLAY
        .find("-- ===== migration oban_powertools_batches_and_callbacks")
        .unwrap();
    let rest = &ELIXIR_REPLAY[cut..];
    let resume = rest
        .find("-- ===== migration oban_powertools_heartbeats")
        .unwrap();
    let job_records = ELIXIR_REPLAY
        .find("-- ===== migration oban_powertools_job_records")
        .unwrap();
    format!(
        "{}{}",
        &ELIXIR_REPLAY[..cut],
        &ELIXIR_REPLAY[cut + resume..job_records]
    )
}

/// A node that gossips but never obeys (wedged, or reached by a notifier obanctl's signal does
/// not travel on): a thread sends its gossip every 200 ms until dropped.
pub struct DeafNode {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl DeafNode {
    pub fn start(schema: &TestSchema, node: &str, queue: &str) -> DeafNode {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let channel = literal(&format!("{}.oban_gossip", schema.name));
        let payload = literal(
            &serde_json::json!({"checks": [{
                "name": "Oban", "node": node, "queue": queue, "local_limit": 2,
                "paused": false, "running": [], "uuid": "00000000-0000-4000-8000-00000000dead"
            }]})
            .to_string(),
        );
        let sql = format!("SELECT pg_notify({channel}, {payload})");
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut conn =
                <diesel::PgConnection as diesel::Connection>::establish(&database_url()).unwrap();
            while !flag.load(std::sync::atomic::Ordering::Relaxed) {
                diesel::connection::SimpleConnection::batch_execute(&mut conn, &sql).unwrap();
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
        });
        DeafNode {
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for DeafNode {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
