//! Jobs benchmark: `cargo bench --bench jobs` (sizes: BENCH_JOBS, default 1 000 000 discarded jobs
//! plus 20 % other rows). Runs against DATABASE_URL in a throwaway schema and prints a Markdown
//! table. Measured side by side in one run, on the same table:
//!
//! 1. a raw single `UPDATE` making every discarded job available (Oban's retry columns, no audit);
//! 2. `obanctl jobs retry --state discarded` doing the same with one audit row per job, while an
//!    Oban-style worker loop fetches and acks jobs (`FOR UPDATE SKIP LOCKED`) and records its
//!    longest wait;
//! 3. the raw `UPDATE` again, to show the spread between identical runs;
//! 4. `obanctl jobs list --state available --queue live` latency (whole command, process start
//!    included), and obanctl's peak resident memory;
//! 5. the same bulk retry with an unkeyed and a keyed (HMAC-SHA-256, `OBANCTL_AUDIT_KEY`) chain,
//!    alternating unkeyed, keyed, unkeyed, keyed, so drift on the machine hits both alike.
//!    `BENCH_KEYED_ONLY=1` runs only this comparison (after generating the table).
//!
//! Between runs the jobs are put back to `discarded` and the table vacuumed, so every run starts
//! from the same state.

mod support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use support::{connect, install, obanctl, timed};

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::sql_types::BigInt;
use diesel::{QueryableByName, RunQueryDsl};

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    diesel::sql_query(sql).get_result::<Count>(conn).unwrap().n
}

const RAW_RETRY: &str = "UPDATE {t} SET state = 'available', scheduled_at = timezone('UTC', now()), \
    max_attempts = GREATEST(max_attempts, attempt + 1), completed_at = NULL, cancelled_at = NULL, discarded_at = NULL \
    WHERE state = 'discarded'";

fn reset(conn: &mut PgConnection, schema: &str, jobs: i64) {
    let t = format!("\"{schema}\".oban_jobs");
    // The chain goes back to the install event too, so every run appends to the same chain
    // (and a keyed run's links do not stay at the head for the next, unkeyed one).
    conn.batch_execute(&format!(
        "UPDATE {t} SET state = 'discarded', discarded_at = timezone('UTC', now()), max_attempts = 20, attempt = 20 \
         WHERE queue = 'default' AND id <= {jobs}; \
         DELETE FROM \"{schema}\".oban_powertools_audit_events WHERE action <> 'powertools.installed'; \
         DELETE FROM \"{schema}\".obanctl_audit_chain WHERE seq > 1; \
         UPDATE \"{schema}\".obanctl_audit_state SET first_keyed_seq = NULL"
    ))
    .unwrap();
    conn.batch_execute(&format!("VACUUM ANALYZE \"{schema}\".obanctl_audit_chain"))
        .unwrap();
    // Separate calls: VACUUM refuses to run inside the implicit transaction of a multi-statement batch.
    conn.batch_execute(&format!("VACUUM ANALYZE {t}")).unwrap();
    conn.batch_execute(&format!(
        "VACUUM ANALYZE \"{schema}\".oban_powertools_audit_events"
    ))
    .unwrap();
}

/// What the worker saw: every fetch's latency, and how many jobs it completed.
struct WorkerReport {
    fetches: Vec<Duration>,
    done: u64,
}

impl WorkerReport {
    fn percentile(&self, p: f64) -> Duration {
        let mut sorted = self.fetches.clone();
        sorted.sort();
        sorted
            .get(((sorted.len() as f64 - 1.0) * p) as usize)
            .copied()
            .unwrap_or_default()
    }
}

/// An Oban-like producer: fetch up to 10 available jobs of `queue` with SKIP LOCKED, ack them.
fn worker_loop(schema: String, queue: &'static str, stop: Arc<AtomicBool>) -> WorkerReport {
    let mut conn = connect();
    let t = format!("\"{schema}\".oban_jobs");
    let mut report = WorkerReport {
        fetches: Vec::new(),
        done: 0,
    };
    while !stop.load(Ordering::SeqCst) {
        let started = Instant::now();
        let fetched = count(
            &mut conn,
            &format!(
                "WITH c AS (SELECT id FROM {t} WHERE state = 'available' AND queue = '{queue}' \
                 ORDER BY priority, scheduled_at, id LIMIT 10 FOR UPDATE SKIP LOCKED), \
                 f AS (UPDATE {t} j SET state = 'executing', attempted_at = timezone('UTC', now()), attempt = j.attempt + 1 \
                       FROM c WHERE j.id = c.id AND j.attempt < j.max_attempts RETURNING j.id) \
                 SELECT count(*)::bigint AS n FROM f"
            ),
        );
        report.fetches.push(started.elapsed());
        if fetched > 0 {
            conn.batch_execute(&format!(
                "UPDATE {t} SET state = 'completed', completed_at = timezone('UTC', now()) WHERE state = 'executing' AND queue = '{queue}'"
            ))
            .unwrap();
            report.done += fetched as u64;
        } else {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
    report
}

fn wal_lsn(conn: &mut PgConnection) -> i64 {
    count(
        conn,
        "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint AS n",
    )
}

const BENCH_KEY: &str = "benchmark-audit-key-0123456789abcdef";

/// Section 5: the bulk retry with an unkeyed and a keyed chain, two runs each, alternating.
/// Returns the Markdown rows.
fn keyed_vs_unkeyed(
    conn: &mut PgConnection,
    schema: &str,
    jobs: i64,
    retry: &dyn Fn(&str, &[&str]) -> std::process::Command,
) -> Vec<String> {
    let mut unkeyed = Vec::new();
    let mut keyed = Vec::new();
    let mut wal = [0i64; 2];
    for round in 0..4 {
        let is_keyed = round % 2 == 1;
        let mut cmd = retry(schema, &[]);
        if is_keyed {
            cmd.env("OBANCTL_AUDIT_KEY", BENCH_KEY);
        }
        let before = wal_lsn(conn);
        let (elapsed, _) = timed(cmd);
        wal[is_keyed as usize] += wal_lsn(conn) - before;
        let keyed_links = count(
            conn,
            &format!(
                "SELECT count(*)::bigint AS n FROM \"{schema}\".obanctl_audit_chain WHERE key_id IS NOT NULL"
            ),
        );
        assert_eq!(keyed_links, if is_keyed { jobs + 1 } else { 0 });
        eprintln!(
            "retry {}: {elapsed:.1?}",
            if is_keyed { "keyed" } else { "unkeyed" }
        );
        if is_keyed {
            keyed.push(elapsed);
        } else {
            unkeyed.push(elapsed);
        }
        reset(conn, schema, jobs);
    }
    let mean = |runs: &[Duration]| runs.iter().sum::<Duration>().as_secs_f64() / runs.len() as f64;
    let secs = |runs: &[Duration]| {
        runs.iter()
            .map(|d| format!("{:.1} s", d.as_secs_f64()))
            .collect::<Vec<_>>()
            .join(" / ")
    };
    let overhead = (mean(&keyed) / mean(&unkeyed) - 1.0) * 100.0;
    vec![
        format!(
            "| bulk retry of {jobs} jobs, unkeyed chain (SHA-256 links), runs 1 / 2 (alternating with the keyed runs) | {} (mean {:.1} s), WAL {} MB per run | baseline |",
            secs(&unkeyed),
            mean(&unkeyed),
            wal[0] / 2 / 1_048_576
        ),
        format!(
            "| the same with a keyed chain (HMAC-SHA-256 links, `OBANCTL_AUDIT_KEY`), runs 1 / 2 | {} (mean {:.1} s), WAL {} MB per run | |",
            secs(&keyed),
            mean(&keyed),
            wal[1] / 2 / 1_048_576
        ),
        format!(
            "| keyed chain overhead on the bulk retry | {overhead:+.1} % time, {:+.1} % WAL | within 5 % of unkeyed |",
            (wal[1] as f64 / wal[0] as f64 - 1.0) * 100.0
        ),
    ]
}

fn main() {
    // `cargo bench` passes --bench; nothing else is accepted.
    let jobs: i64 = std::env::var("BENCH_JOBS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let batch: i64 = std::env::var("BENCH_BATCH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let schema = format!("obanctl_bench_{}", std::process::id());
    let mut conn = connect();
    eprintln!(
        "benchmark schema {schema}: {jobs} discarded jobs + {} others",
        jobs / 5
    );
    install(&schema, true);
    let t = format!("\"{schema}\".oban_jobs");
    let started = Instant::now();
    conn.batch_execute(&format!(
        "INSERT INTO {t} (state, queue, worker, args, attempt, max_attempts, discarded_at, errors, meta) \
         SELECT 'discarded', 'default', 'MyApp.Workers.Sync', jsonb_build_object('account_id', i, 'region', 'eu'), 20, 20, \
                timezone('UTC', now()), ARRAY[jsonb_build_object('attempt', 20, 'at', '2026-11-01T00:00:00Z', 'error', 'timeout')], '{{}}' \
         FROM generate_series(1, {jobs}) i; \
         INSERT INTO {t} (state, queue, worker, args, completed_at) \
         SELECT (ARRAY['completed', 'completed', 'completed', 'available'])[1 + i % 4]::\"{schema}\".oban_job_state, \
                (ARRAY['live', 'mailers', 'reports'])[1 + i % 3], 'MyApp.Workers.Other', jsonb_build_object('n', i), \
                CASE WHEN i % 4 <> 3 THEN timezone('UTC', now()) END \
         FROM generate_series(1, {others}) i;",
        others = jobs / 5
    ))
    .unwrap();
    conn.batch_execute(&format!("VACUUM ANALYZE {t}")).unwrap();
    eprintln!("generated in {:.1?}", started.elapsed());
    let keyed_only = std::env::var("BENCH_KEYED_ONLY").is_ok_and(|v| v == "1");
    let retry = |schema: &str, extra: &[&str]| {
        let mut cmd = obanctl(schema);
        cmd.args([
            "jobs",
            "retry",
            "--state",
            "discarded",
            "--reason",
            "benchmark: bulk retry",
            "--yes",
        ])
        .args([
            "--max",
            &jobs.to_string(),
            "--batch-size",
            &batch.to_string(),
        ])
        .args(extra);
        cmd
    };
    if keyed_only {
        let rows = keyed_vs_unkeyed(&mut conn, &schema, jobs, &retry);
        conn.batch_execute(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
            .unwrap();
        println!("| measurement | result | target |");
        println!("|---|---|---|");
        for row in rows {
            println!("{row}");
        }
        return;
    }

    // 1. Raw single UPDATE.
    let wal_before = wal_lsn(&mut conn);
    let started = Instant::now();
    conn.batch_execute(&RAW_RETRY.replace("{t}", &t)).unwrap();
    let raw_first = started.elapsed();
    let raw_wal_mb = (wal_lsn(&mut conn) - wal_before) / 1_048_576;
    eprintln!("raw UPDATE: {raw_first:.1?}");
    reset(&mut conn, &schema, jobs);

    // 2. obanctl with audit, alone: the figure compared with the raw UPDATE.
    let wal_before = wal_lsn(&mut conn);
    let (ours, peak_kb) = timed(retry(&schema, &[]));
    let ours_wal_mb = (wal_lsn(&mut conn) - wal_before) / 1_048_576;
    let audit_rows = count(
        &mut conn,
        &format!(
            "SELECT count(*)::bigint AS n FROM \"{schema}\".oban_powertools_audit_events WHERE action = 'lifeline.repair_executed'"
        ),
    );
    assert_eq!(audit_rows, jobs, "one audit row per retried job");
    eprintln!("obanctl retry: {ours:.1?}, peak {peak_kb} kB");
    reset(&mut conn, &schema, jobs);

    // 2a. The same one batch at a time (--parallel 1), alone and with the worker below.
    let (ours_serial, _) = timed(retry(&schema, &["--parallel", "1"]));
    eprintln!("obanctl retry --parallel 1: {ours_serial:.1?}");
    reset(&mut conn, &schema, jobs);

    // 2b. The worker alone for a while (its own baseline on this machine), then during the run.
    conn.batch_execute(&format!(
        "UPDATE {t} SET state = 'available' WHERE queue = 'live' AND state = 'completed' AND id % 2 = 0"
    ))
    .unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let baseline = {
        let (schema, stop) = (schema.clone(), stop.clone());
        std::thread::spawn(move || worker_loop(schema, "live", stop))
    };
    std::thread::sleep(Duration::from_secs(10));
    stop.store(true, Ordering::SeqCst);
    let baseline = baseline.join().unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let worker = {
        let (schema, stop) = (schema.clone(), stop.clone());
        std::thread::spawn(move || worker_loop(schema, "default", stop))
    };
    let (ours_with_worker, _) = timed(retry(&schema, &[]));
    stop.store(true, Ordering::SeqCst);
    let during = worker.join().unwrap();
    reset(&mut conn, &schema, jobs);
    let stop = Arc::new(AtomicBool::new(false));
    let worker = {
        let (schema, stop) = (schema.clone(), stop.clone());
        std::thread::spawn(move || worker_loop(schema, "default", stop))
    };
    let (serial_with_worker, _) = timed(retry(&schema, &["--parallel", "1"]));
    stop.store(true, Ordering::SeqCst);
    let during_serial = worker.join().unwrap();
    let batches = (jobs + batch - 1) / batch;
    // Two batches are in flight at a time by default, so each one lasts about twice the average.
    let per_batch = ours_with_worker * 2 / batches as u32;
    eprintln!(
        "with a worker: {ours_with_worker:.1?}; worker fetch p99 {:.1?} max {:.1?} (alone: p99 {:.1?} max {:.1?})",
        during.percentile(0.99),
        during.percentile(1.0),
        baseline.percentile(0.99),
        baseline.percentile(1.0)
    );
    reset(&mut conn, &schema, jobs);

    // 3. Raw again.
    let started = Instant::now();
    conn.batch_execute(&RAW_RETRY.replace("{t}", &t)).unwrap();
    let raw_second = started.elapsed();
    eprintln!("raw UPDATE again: {raw_second:.1?}");

    // 3b. Cancel the same jobs, now available: raw UPDATE, then obanctl (default settings).
    let started = Instant::now();
    conn.batch_execute(&format!(
        "UPDATE {t} SET state = 'cancelled', cancelled_at = timezone('UTC', now()) \
         WHERE state = 'available' AND queue = 'default'"
    ))
    .unwrap();
    let raw_cancel = started.elapsed();
    conn.batch_execute(&format!(
        "UPDATE {t} SET state = 'available', cancelled_at = NULL WHERE state = 'cancelled' AND queue = 'default'; \
         DELETE FROM \"{schema}\".oban_powertools_audit_events WHERE action <> 'powertools.installed'"
    ))
    .unwrap();
    conn.batch_execute(&format!("VACUUM ANALYZE {t}")).unwrap();
    let mut cancel = obanctl(&schema);
    cancel
        .args([
            "jobs",
            "cancel",
            "--state",
            "available",
            "--queue",
            "default",
        ])
        .args([
            "--reason",
            "benchmark: bulk cancel",
            "--yes",
            "--max",
            &jobs.to_string(),
        ]);
    let (ours_cancel, _) = timed(cancel);
    eprintln!("raw cancel: {raw_cancel:.1?}, obanctl cancel: {ours_cancel:.1?}");

    // 4. jobs list latency, measured on a settled table: after the bulk runs above, the server is
    // still writing gigabytes of dirty pages back, which would be measured instead of obanctl.
    conn.batch_execute(&format!("VACUUM ANALYZE {t}")).unwrap();
    conn.batch_execute("CHECKPOINT").unwrap();
    let mut list_times = Vec::new();
    let mut list_peak = 0;
    for _ in 0..21 {
        let mut cmd = obanctl(&schema);
        cmd.args(["jobs", "list", "--state", "available", "--queue", "live"]);
        let (elapsed, peak) = timed(cmd);
        list_times.push(elapsed);
        list_peak = list_peak.max(peak);
    }
    list_times.sort();
    let median = list_times[list_times.len() / 2];
    let worst = *list_times.last().unwrap();

    // 5. Keyed against unkeyed chain, from the discarded state again.
    reset(&mut conn, &schema, jobs);
    let keyed_rows = keyed_vs_unkeyed(&mut conn, &schema, jobs, &retry);

    conn.batch_execute(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
        .unwrap();

    let raw_mean = (raw_first + raw_second) / 2;
    let ratio = ours.as_secs_f64() / raw_mean.as_secs_f64();
    println!("| measurement | result | target |");
    println!("|---|---|---|");
    println!("| raw single `UPDATE` of {jobs} discarded jobs (no audit), run 1 / run 2 | {:.1} s / {:.1} s | baseline |", raw_first.as_secs_f64(), raw_second.as_secs_f64());
    println!(
        "| `obanctl jobs retry --state discarded` ({jobs} jobs, {jobs} audit rows and chain entries, batches of {batch}, two at a time by default) | {:.1} s = {ratio:.2}x the raw mean | ≤ 2x (aim 1.5x) |",
        ours.as_secs_f64()
    );
    println!(
        "| the same with `--parallel 1` (one batch at a time) | {:.1} s = {:.2}x the raw mean | |",
        ours_serial.as_secs_f64(),
        ours_serial.as_secs_f64() / raw_mean.as_secs_f64()
    );
    println!(
        "| bulk cancel of the same {jobs} jobs (then available): raw single `UPDATE` / `obanctl jobs cancel` | {:.1} s / {:.1} s = {:.2}x | |",
        raw_cancel.as_secs_f64(),
        ours_cancel.as_secs_f64(),
        ours_cancel.as_secs_f64() / raw_cancel.as_secs_f64()
    );
    println!(
        "| WAL written: raw `UPDATE` / obanctl with audit | {raw_wal_mb} MB / {ours_wal_mb} MB | |"
    );
    println!(
        "| same retry with an Oban-style worker fetching (`FOR UPDATE SKIP LOCKED`) and acking from the same queue | run {:.1} s, {:.0} ms per batch; worker fetch p99 {:.0} ms, max {:.0} ms over {} fetches ({} jobs completed) | worker never waits longer than one batch |",
        ours_with_worker.as_secs_f64(),
        per_batch.as_secs_f64() * 1000.0,
        during.percentile(0.99).as_secs_f64() * 1000.0,
        during.percentile(1.0).as_secs_f64() * 1000.0,
        during.fetches.len(),
        during.done
    );
    println!(
        "| the same with `--parallel 1` and the worker | run {:.1} s; worker fetch p99 {:.0} ms, max {:.0} ms over {} fetches | worker never waits longer than one batch |",
        serial_with_worker.as_secs_f64(),
        during_serial.percentile(0.99).as_secs_f64() * 1000.0,
        during_serial.percentile(1.0).as_secs_f64() * 1000.0,
        during_serial.fetches.len()
    );
    println!(
        "| the same worker alone for 10 s before the run (this machine's own noise) | fetch p99 {:.0} ms, max {:.0} ms over {} fetches | |",
        baseline.percentile(0.99).as_secs_f64() * 1000.0,
        baseline.percentile(1.0).as_secs_f64() * 1000.0,
        baseline.fetches.len()
    );
    println!(
        "| `obanctl jobs list --state available --queue live` on {} rows, whole command | median {:.0} ms, worst {:.0} ms of 21 | < 100 ms |",
        jobs + jobs / 5,
        median.as_secs_f64() * 1000.0,
        worst.as_secs_f64() * 1000.0
    );
    println!(
        "| obanctl peak resident memory: bulk retry / list | {} MB / {} MB | |",
        peak_kb / 1024,
        list_peak / 1024
    );
    for row in keyed_rows {
        println!("{row}");
    }
}
