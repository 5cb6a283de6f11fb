//! What the benchmarks share: the database, running obanctl, and timing a run.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_obanctl");

pub fn database_url() -> String {
    std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A connection for the benchmark's own fixtures and measurements.
pub fn connect() -> diesel::PgConnection {
    use diesel::Connection;
    diesel::PgConnection::establish(&database_url())
        .expect("benchmarks need PostgreSQL at DATABASE_URL")
}

/// Creates the Powertools tables in `schema` with obanctl itself, and an Oban v14 schema there too
/// when `with_oban`.
pub fn install(schema: &str, with_oban: bool) {
    let mut cmd = obanctl(schema);
    cmd.args(["install", "-q"]);
    if with_oban {
        cmd.arg("--with-oban");
    }
    assert!(cmd.status().unwrap().success(), "obanctl install failed");
}

/// obanctl pointed at `schema` (as prefix and Powertools schema), with a statement timeout that
/// fits benchmark sizes.
pub fn obanctl(schema: &str) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env("DATABASE_URL", database_url())
        .env("OBANCTL_PREFIX", schema)
        .env("OBANCTL_POWERTOOLS_SCHEMA", schema)
        .env("OBANCTL_ACTOR", "bench")
        .env("OBANCTL_STATEMENT_TIMEOUT", "10m")
        .env("NO_COLOR", "1");
    cmd
}

/// Runs the command, returning its wall time and peak resident memory in kB (VmHWM, polled from
/// /proc while it runs). Panics with obanctl's stderr if it fails.
#[allow(dead_code)] // the top benchmark times the gatherer in process, not a command
pub fn timed(mut cmd: Command) -> (Duration, u64) {
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status_path) {
            if let Some(kb) = text
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
            {
                peak_kb = peak_kb.max(kb);
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            let elapsed = started.elapsed();
            if !status.success() {
                let mut err = String::new();
                child
                    .stderr
                    .take()
                    .unwrap()
                    .read_to_string(&mut err)
                    .unwrap();
                panic!("obanctl failed ({status}): {err}");
            }
            return (elapsed, peak_kb);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Median and worst of a set of timings, in milliseconds.
#[allow(dead_code)] // each benchmark compiles this module; not all of them report medians
pub fn median_ms(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    (
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times.last().unwrap().as_secs_f64() * 1000.0,
    )
}

/// The dashboard mix's schema (see [`fill_dashboard`]): BENCH_JOBS (default 5 000 000) jobs over
/// BENCH_QUEUES (default 50) queues in a throwaway schema named after `tag`, or in BENCH_SCHEMA,
/// kept and reused (ANALYZEd first: it may have gone stale since it was filled).
#[allow(dead_code)] // only the dashboard and queues benchmarks use this mix
pub struct Dashboard {
    pub schema: String,
    /// The schema's name, quoted.
    pub q: String,
    pub jobs: i64,
    pub queues: i64,
    /// Whether the schema is kept (BENCH_SCHEMA); otherwise the benchmark drops it.
    pub keep: bool,
    pub filled: Duration,
}

#[allow(dead_code)]
pub fn dashboard(conn: &mut diesel::PgConnection, tag: &str) -> Dashboard {
    use diesel::connection::SimpleConnection;
    let env = |name: &str, default: i64| -> i64 {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let jobs = env("BENCH_JOBS", 5_000_000);
    let queues = env("BENCH_QUEUES", 50);
    let kept = std::env::var("BENCH_SCHEMA").ok();
    let schema = kept
        .clone()
        .unwrap_or_else(|| format!("obanctl_{tag}_bench_{}", std::process::id()));
    let q = format!("\"{schema}\"");
    let started = Instant::now();
    let exists = kept.is_some()
        && conn
            .batch_execute(&format!("SELECT 1 FROM {q}.oban_jobs LIMIT 1"))
            .is_ok();
    if exists {
        conn.batch_execute(&format!("ANALYZE {q}.oban_jobs"))
            .unwrap();
    } else {
        install(&schema, true);
        fill_dashboard(conn, &q, jobs, queues);
    }
    Dashboard {
        schema,
        q,
        jobs,
        queues,
        keep: kept.is_some(),
        filled: started.elapsed(),
    }
}

/// Fills the Oban v14 schema `q` (quoted) with `jobs` jobs over `queues` queues, a
/// production-like mix shared by the dashboard and queues benchmarks, then VACUUM ANALYZEs it.
/// Per mille of the table by state: 850 completed, 60 available, 40 scheduled, 20 retryable,
/// 15 discarded, 10 cancelled, 5 executing. Completions and failures spread over the last day,
/// the newest within the last minutes (throughput, the failures pane).
#[allow(dead_code)] // only the dashboard and queues benchmarks fill this mix
pub fn fill_dashboard(conn: &mut diesel::PgConnection, q: &str, jobs: i64, queues: i64) {
    use diesel::connection::SimpleConnection;
    conn.batch_execute(&format!(
        "SET synchronous_commit = off; \
         INSERT INTO {q}.oban_peers VALUES ('Oban', 'web-1', timezone('UTC', now()), timezone('UTC', now()) + interval '1 hour'); \
         INSERT INTO {q}.oban_jobs (state, queue, worker, args, errors, attempt, max_attempts, priority, \
                                   scheduled_at, attempted_at, completed_at, discarded_at, cancelled_at, attempted_by) \
         SELECT s.state::{q}.oban_job_state, 'queue_' || (g % {queues}), 'MyApp.Workers.W' || (g % 40), \
                jsonb_build_object('user_id', g % 100000), \
                CASE WHEN s.state IN ('retryable', 'discarded') \
                     THEN ARRAY[jsonb_build_object('attempt', 1, 'at', now(), 'error', '** (RuntimeError) upstream ' || (g % 7) || ' timed out after ' || (g % 5000) || ' ms')] \
                     ELSE ARRAY[]::jsonb[] END, \
                CASE WHEN s.state IN ('available', 'scheduled') THEN 0 ELSE 1 END, 20, g % 4, \
                CASE s.state WHEN 'scheduled' THEN timezone('UTC', now()) + (g % 3600) * interval '1 second' \
                             WHEN 'retryable' THEN timezone('UTC', now()) + (g % 600) * interval '1 second' \
                             WHEN 'available' THEN timezone('UTC', now()) - (g % 120) * interval '1 second' \
                             ELSE t.at END, \
                CASE WHEN s.state IN ('available', 'scheduled') THEN NULL ELSE t.at END, \
                CASE WHEN s.state = 'completed' THEN t.at END, \
                CASE WHEN s.state = 'discarded' THEN t.at END, \
                CASE WHEN s.state = 'cancelled' THEN t.at END, \
                CASE WHEN s.state IN ('available', 'scheduled') THEN NULL ELSE ARRAY['web-' || (g % 4), md5(g::text)] END \
         FROM generate_series(1, {jobs}) g, \
              LATERAL (SELECT timezone('UTC', now()) - ({jobs} - g) * (86400.0 / {jobs}) * interval '1 second' AS at) t, \
              LATERAL (SELECT CASE WHEN g % 1000 < 850 THEN 'completed' WHEN g % 1000 < 910 THEN 'available' \
                                   WHEN g % 1000 < 950 THEN 'scheduled' WHEN g % 1000 < 970 THEN 'retryable' \
                                   WHEN g % 1000 < 985 THEN 'discarded' WHEN g % 1000 < 995 THEN 'cancelled' \
                                   ELSE 'executing' END AS state) s;"
    ))
    .unwrap();
    // Alone: VACUUM refuses to run in the implicit transaction of a multi-statement batch.
    conn.batch_execute(&format!("VACUUM ANALYZE {q}.oban_jobs"))
        .unwrap();
}
