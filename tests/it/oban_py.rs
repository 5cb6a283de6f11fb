//! The real oban-py engine (PyPI `oban` 0.7.0) in tests: installed once per test process by
//! `scripts/oban-py`, Python-flavour schemas made by oban-py's own installer, and nodes
//! (`tests/oban_py/worker.py`) run as child processes that are stopped on drop.
//!
//! The smoke tests below prove the engine really behaves as `queues.md` says when driven only
//! through SQL, as obanctl will drive it: it completes jobs inserted by SQL, obeys pause, resume,
//! scale and pkill signals sent with `pg_notify`, and records pause and limit in
//! `oban_producers.meta`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::common::{database_url, literal, TestSchema};

/// The worker class every job of these tests names.
pub const WORKER: &str = "obanctl_test.Sleep";

fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The PYTHONPATH holding oban-py, installing it on first use in this process.
pub fn pythonpath() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| {
        let out = Command::new(repo_root().join("scripts/oban-py"))
            .stderr(Stdio::inherit())
            .output()
            .expect("scripts/oban-py runs");
        assert!(
            out.status.success(),
            "scripts/oban-py failed ({}); the oban-py tests need python3 (3.11+), pip and PyPI",
            out.status
        );
        let path = String::from_utf8(out.stdout).unwrap().trim().to_string();
        assert!(Path::new(&path).join("oban").is_dir(), "no oban in {path}");
        path
    })
}

fn python() -> Command {
    let mut cmd = Command::new(std::env::var("OBANCTL_PYTHON").unwrap_or("python3".into()));
    cmd.env("PYTHONPATH", pythonpath())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .current_dir(repo_root());
    cmd
}

fn worker_py() -> PathBuf {
    repo_root().join("tests/oban_py/worker.py")
}

/// Creates oban-py's schema (Python flavour: `errors jsonb`, `oban_producers`, `oban_leaders`) in
/// `schema`, with oban-py's own installer.
pub fn install(schema: &TestSchema) {
    let status = python()
        .arg(worker_py())
        .args([
            "install",
            "--dsn",
            &database_url(),
            "--prefix",
            &schema.name,
        ])
        .status()
        .unwrap();
    assert!(status.success(), "oban-py install in {}", schema.name);
}

/// A test schema holding oban-py's tables.
pub fn schema(tag: &str) -> TestSchema {
    let schema = TestSchema::new(tag);
    install(&schema);
    schema
}

pub struct NodeConfig {
    pub node: String,
    pub queues: Vec<(String, u32)>,
    /// Seconds between gossip checks (oban-py's `metrics` interval); 0 sends none.
    pub gossip_interval: f64,
    /// Seconds between stager runs (which also wake producers for SQL-inserted jobs).
    pub stage_interval: f64,
}

impl NodeConfig {
    pub fn new(node: &str, queues: &[(&str, u32)]) -> NodeConfig {
        NodeConfig {
            node: node.to_string(),
            queues: queues.iter().map(|(q, l)| (q.to_string(), *l)).collect(),
            gossip_interval: 0.25,
            stage_interval: 0.1,
        }
    }
}

/// A running oban-py node. Dropping it stops it (SIGTERM, then SIGKILL after 5 s).
pub struct PyNode {
    child: Child,
    // Kept open: the node exits when it closes (if the test process dies without dropping this).
    _stdin: ChildStdin,
    stderr: PathBuf,
    pub node: String,
}

impl PyNode {
    pub fn start(schema: &TestSchema, node: &str, queues: &[(&str, u32)]) -> PyNode {
        PyNode::start_with(schema, NodeConfig::new(node, queues))
    }

    pub fn start_with(schema: &TestSchema, config: NodeConfig) -> PyNode {
        let stderr = schema.dir.path().join(format!("{}.stderr", config.node));
        let mut cmd = python();
        cmd.arg(worker_py()).args([
            "run",
            "--dsn",
            &database_url(),
            "--prefix",
            &schema.name,
            "--node",
            &config.node,
            "--gossip-interval",
            &config.gossip_interval.to_string(),
            "--stage-interval",
            &config.stage_interval.to_string(),
            "--grace",
            "0.5",
            "--exit-on-stdin-eof",
        ]);
        for (queue, limit) in &config.queues {
            cmd.args(["--queue", &format!("{queue}={limit}")]);
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&stderr).unwrap())
            .spawn()
            .expect("python3 starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                if tx.send(line.unwrap_or_default()).is_err() {
                    break;
                }
            }
        });
        let mut node = PyNode {
            child,
            _stdin: stdin,
            stderr,
            node: config.node,
        };
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(line) if line.trim() == "ready" => node,
            other => {
                let _ = node.child.kill();
                let _ = node.child.wait();
                panic!(
                    "oban-py node {} did not become ready ({other:?}); stderr:\n{}",
                    node.node,
                    node.stderr_text()
                );
            }
        }
    }

    pub fn stderr_text(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }

    /// Stops the node with SIGTERM and returns whether it exited cleanly (status 0).
    pub fn stop(mut self) -> bool {
        self.terminate()
    }

    /// Kills the node with SIGKILL, as a crash or the OOM killer would: nothing of oban-py's own
    /// shutdown runs, so its executing jobs, its `oban_producers` rows and its leader lease stay.
    pub fn kill(mut self) {
        self.child.kill().expect("SIGKILL to the node");
        self.child.wait().expect("the killed node is reaped");
    }

    fn terminate(&mut self) -> bool {
        if let Ok(Some(status)) = self.child.try_wait() {
            return status.success();
        }
        // SAFETY: kill(2) on our own child's pid; no memory is involved.
        unsafe { libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM) };
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        false
    }
}

impl Drop for PyNode {
    fn drop(&mut self) {
        self.terminate();
    }
}

/// Polls `probe` every 20 ms until it returns `Some`, for at most `timeout`.
pub fn wait_for<T>(what: &str, timeout: Duration, mut probe: impl FnMut() -> Option<T>) -> T {
    let started = Instant::now();
    loop {
        if let Some(value) = probe() {
            return value;
        }
        assert!(
            started.elapsed() < timeout,
            "timed out after {timeout:?} waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Inserts `n` jobs of [`WORKER`] into `queue` with `args` and returns their ids.
pub fn insert_jobs(schema: &TestSchema, queue: &str, n: usize, args: &str) -> Vec<i64> {
    (0..n)
        .map(|_| {
            schema.int(&format!(
                "INSERT INTO {}.oban_jobs (worker, queue, args) VALUES ({}, {}, {}::jsonb) RETURNING id AS v",
                schema.quoted(),
                literal(WORKER),
                literal(queue),
                literal(args)
            ))
        })
        .collect()
}

/// `pg_notify('<prefix>.oban_<channel>', payload)` from a fresh connection.
pub fn notify(schema: &TestSchema, channel: &str, payload: &str) {
    schema.sql(&format!(
        "SELECT pg_notify({}, {})",
        literal(&format!("{}.oban_{channel}", schema.name)),
        literal(payload)
    ));
}

pub fn states(schema: &TestSchema, ids: &[i64]) -> Vec<String> {
    schema.strings(&format!(
        "SELECT state::text AS v FROM {}.oban_jobs WHERE id = ANY(ARRAY[{}]::bigint[]) ORDER BY id",
        schema.quoted(),
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    ))
}

pub fn all_in(schema: &TestSchema, ids: &[i64], state: &str) -> Option<()> {
    states(schema, ids).iter().all(|s| s == state).then_some(())
}

/// `oban_producers.meta ->> key` for `queue` (one producer per queue in these tests).
pub fn producer_meta(schema: &TestSchema, queue: &str, key: &str) -> Option<String> {
    schema
        .strings(&format!(
            "SELECT coalesce(meta ->> {}, '') AS v FROM {}.oban_producers WHERE queue = {}",
            literal(key),
            schema.quoted(),
            literal(queue)
        ))
        .into_iter()
        .next()
}

/// The most jobs of `ids` whose [attempted_at, completed_at] intervals overlap at one instant.
pub fn max_overlap(schema: &TestSchema, ids: &[i64]) -> i64 {
    schema.int(&format!(
        "WITH j AS (SELECT attempted_at AS a, completed_at AS c FROM {}.oban_jobs \
                    WHERE id = ANY(ARRAY[{}]::bigint[])) \
         SELECT max((SELECT count(*) FROM j o WHERE o.a <= j.a AND o.c > j.a))::bigint AS v FROM j",
        schema.quoted(),
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
    ))
}

const T: Duration = Duration::from_secs(15);

#[test]
fn oban_py_runs_sql_inserted_jobs_and_obeys_pause_and_resume_signals() {
    let schema = schema("pypause");
    let node = PyNode::start(&schema, "py-node-1", &[("alpha", 5), ("beta", 1)]);

    let done = insert_jobs(&schema, "alpha", 2, r#"{"sleep_ms": 50}"#);
    wait_for("two jobs completed", T, || {
        all_in(&schema, &done, "completed")
    });
    let failing = schema.int(&format!(
        "INSERT INTO {}.oban_jobs (worker, queue, args, max_attempts) VALUES ({}, 'beta', '{{\"fail\": true}}', 1) RETURNING id AS v",
        schema.quoted(),
        literal(WORKER)
    ));
    wait_for("the failing job discarded", T, || {
        all_in(&schema, &[failing], "discarded")
    });
    let error = schema.strings(&format!(
        "SELECT errors::text AS v FROM {}.oban_jobs WHERE id = {failing}",
        schema.quoted()
    ));
    assert!(error[0].contains("failed on purpose"), "{error:?}");
    assert_eq!(
        producer_meta(&schema, "alpha", "paused").as_deref(),
        Some("false")
    );

    // Another node's ident is ignored; this node's `Oban.<node>` is obeyed. The notifier handles
    // notifications in order, so once beta shows paused, alpha has seen (and ignored) its own.
    notify(
        &schema,
        "signal",
        r#"{"action":"pause","queue":"alpha","ident":"Oban.someone-else"}"#,
    );
    notify(
        &schema,
        "signal",
        r#"{"action":"pause","queue":"beta","ident":"Oban.py-node-1"}"#,
    );
    wait_for("beta paused", T, || {
        (producer_meta(&schema, "beta", "paused")? == "true").then_some(())
    });
    assert_eq!(
        producer_meta(&schema, "alpha", "paused").as_deref(),
        Some("false")
    );
    notify(&schema, "signal", r#"{"action":"resume","queue":"beta"}"#);

    // A plain-JSON pause from SQL, exactly what obanctl sends.
    notify(
        &schema,
        "signal",
        r#"{"action":"pause","ident":"any","queue":"alpha"}"#,
    );
    wait_for("alpha paused in oban_producers", T, || {
        (producer_meta(&schema, "alpha", "paused")? == "true").then_some(())
    });
    wait_for("beta resumed", T, || {
        (producer_meta(&schema, "beta", "paused")? == "false").then_some(())
    });
    let held = insert_jobs(&schema, "alpha", 3, r#"{"sleep_ms": 10}"#);
    notify(&schema, "insert", r#"{"queue":"alpha"}"#);
    // Positive control: the node is alive and fetching (beta runs), yet alpha stays put.
    let control = insert_jobs(&schema, "beta", 1, r#"{"sleep_ms": 10}"#);
    notify(&schema, "insert", r#"{"queue":"beta"}"#);
    wait_for("the beta control job completed", T, || {
        all_in(&schema, &control, "completed")
    });
    let until = Instant::now() + Duration::from_millis(500);
    while Instant::now() < until {
        assert_eq!(
            states(&schema, &held),
            ["available"; 3],
            "paused alpha fetched"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    notify(
        &schema,
        "signal",
        r#"{"action":"resume","ident":"any","queue":"alpha"}"#,
    );
    wait_for("held jobs completed after resume", T, || {
        all_in(&schema, &held, "completed")
    });
    assert_eq!(
        producer_meta(&schema, "alpha", "paused").as_deref(),
        Some("false")
    );
    let stderr = node.stderr_text();
    assert!(
        node.stop(),
        "the node exits 0 on SIGTERM; stderr:\n{stderr}"
    );
    assert_eq!(
        schema.int(&format!(
            "SELECT count(*)::bigint AS v FROM {}.oban_producers",
            schema.quoted()
        )),
        0,
        "a clean stop deletes the node's producers"
    );
}

#[test]
fn oban_py_obeys_a_scale_signal() {
    let schema = schema("pyscale");
    let _node = PyNode::start(&schema, "py-node-1", &[("alpha", 5)]);
    assert_eq!(
        producer_meta(&schema, "alpha", "local_limit").as_deref(),
        Some("5")
    );

    // Control: at limit 5 these jobs overlap.
    let wide = insert_jobs(&schema, "alpha", 5, r#"{"sleep_ms": 400}"#);
    notify(&schema, "insert", r#"{"queue":"alpha"}"#);
    wait_for("wide jobs completed", T, || {
        all_in(&schema, &wide, "completed")
    });
    assert!(max_overlap(&schema, &wide) > 1, "limit 5 ran jobs at once");

    notify(
        &schema,
        "signal",
        r#"{"action":"scale","ident":"any","limit":1,"queue":"alpha"}"#,
    );
    wait_for("local_limit 1 in oban_producers", T, || {
        (producer_meta(&schema, "alpha", "local_limit")? == "1").then_some(())
    });
    let narrow = insert_jobs(&schema, "alpha", 4, r#"{"sleep_ms": 150}"#);
    notify(&schema, "insert", r#"{"queue":"alpha"}"#);
    let mut most_executing = 0;
    wait_for("narrow jobs completed", T, || {
        most_executing = most_executing.max(schema.int(&format!(
            "SELECT count(*)::bigint AS v FROM {}.oban_jobs WHERE state = 'executing'",
            schema.quoted()
        )));
        all_in(&schema, &narrow, "completed")
    });
    assert!(most_executing <= 1, "{most_executing} executing at once");
    assert_eq!(max_overlap(&schema, &narrow), 1, "one at a time");
}

#[test]
fn oban_py_kills_a_running_job_on_pkill() {
    let schema = schema("pypkill");
    let _node = PyNode::start(&schema, "py-node-1", &[("alpha", 2)]);
    let ids = insert_jobs(&schema, "alpha", 1, r#"{"sleep_ms": 60000}"#);
    notify(&schema, "insert", r#"{"queue":"alpha"}"#);
    wait_for("the job executing", T, || {
        all_in(&schema, &ids, "executing")
    });
    let started = Instant::now();
    notify(
        &schema,
        "signal",
        &format!(r#"{{"action":"pkill","job_id":{}}}"#, ids[0]),
    );
    wait_for("the job cancelled", T, || {
        all_in(&schema, &ids, "cancelled")
    });
    assert!(started.elapsed() < Duration::from_secs(5));
    let errors = schema.strings(&format!(
        "SELECT errors::text AS v FROM {}.oban_jobs WHERE id = {}",
        schema.quoted(),
        ids[0]
    ));
    assert!(errors[0].contains("pkill received"), "{errors:?}");
}
