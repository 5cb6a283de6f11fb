//! Live workers: Oban-style worker loops fetch (`FOR UPDATE SKIP LOCKED`), run and ack jobs while
//! obanctl bulk-retries and bulk-cancels the same queue. Nothing is lost, nothing runs twice,
//! every change is audited once, and the workers' longest wait is reported.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::sql_types::BigInt;
use diesel::{QueryableByName, RunQueryDsl};

use crate::common::{connect, TestSchema};

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

struct WorkerReport {
    runs: u64,
    fetches: u64,
    longest_wait: Duration,
}

/// Fetches up to 10 available jobs of `queue` as Oban's Basic engine does, "runs" each (records
/// it in `worker_runs`), then acks each job it still owns.
fn worker(
    schema: String,
    queue: &'static str,
    stop: Arc<AtomicBool>,
    node: &'static str,
) -> WorkerReport {
    let mut conn = connect();
    let t = format!("{schema}.oban_jobs");
    let mut report = WorkerReport {
        runs: 0,
        fetches: 0,
        longest_wait: Duration::ZERO,
    };
    while !stop.load(Ordering::SeqCst) {
        let started = Instant::now();
        let fetched: Vec<Id> = diesel::sql_query(format!(
            "WITH c AS (SELECT id FROM {t} WHERE state = 'available' AND queue = '{queue}' \
                        ORDER BY priority, scheduled_at, id LIMIT 10 FOR UPDATE SKIP LOCKED) \
             UPDATE {t} j SET state = 'executing', attempted_at = timezone('UTC', now()), \
                    attempt = j.attempt + 1, attempted_by = ARRAY['{node}', 'producer'] \
             FROM c WHERE j.id = c.id RETURNING j.id"
        ))
        .load(&mut conn)
        .unwrap();
        report.longest_wait = report.longest_wait.max(started.elapsed());
        report.fetches += 1;
        if fetched.is_empty() {
            std::thread::sleep(Duration::from_millis(5));
            continue;
        }
        let ids: Vec<String> = fetched.iter().map(|r| r.id.to_string()).collect();
        conn.batch_execute(&format!(
            "INSERT INTO {schema}.worker_runs (job_id, node) SELECT unnest(ARRAY[{0}]::bigint[]), '{node}'; \
             UPDATE {t} SET state = 'completed', completed_at = timezone('UTC', now()) \
             WHERE id = ANY(ARRAY[{0}]::bigint[]) AND state = 'executing'",
            ids.join(",")
        ))
        .unwrap();
        report.runs += fetched.len() as u64;
    }
    report
}

fn outcomes(stdout: &[u8]) -> std::collections::BTreeMap<String, i64> {
    let mut counts = std::collections::BTreeMap::new();
    for v in crate::common::json_lines(stdout) {
        if let Some(outcome) = v["outcome"].as_str() {
            *counts.entry(outcome.to_string()).or_insert(0) += 1;
        }
    }
    counts
}

#[test]
fn bulk_retry_and_cancel_alongside_live_workers_lose_nothing_and_run_nothing_twice() {
    let schema = TestSchema::with_oban("live");
    let q = schema.quoted();
    schema.sql(&format!(
        "CREATE TABLE {q}.worker_runs (job_id bigint NOT NULL, node text NOT NULL); \
         INSERT INTO {q}.oban_jobs (state, queue, worker, args, attempt, max_attempts, discarded_at) \
         SELECT 'discarded', 'live', 'W', jsonb_build_object('n', g), 3, 3, timezone('UTC', now()) FROM generate_series(1, 3000) g; \
         INSERT INTO {q}.oban_jobs (state, queue, worker, args) \
         SELECT 'available', 'live', 'W', jsonb_build_object('n', g) FROM generate_series(1, 3000) g; \
         INSERT INTO {q}.oban_jobs (state, queue, worker, args) \
         SELECT 'available', 'other', 'W', jsonb_build_object('n', g) FROM generate_series(1, 2000) g;"
    ));
    let total_before = schema.int(&format!("SELECT count(*)::bigint AS v FROM {q}.oban_jobs"));

    let stop = Arc::new(AtomicBool::new(false));
    let workers: Vec<_> = [("live", "node-a"), ("live", "node-b"), ("other", "node-c")]
        .into_iter()
        .map(|(queue, node)| {
            let (schema, stop) = (q.clone(), stop.clone());
            std::thread::spawn(move || worker(schema, queue, stop, node))
        })
        .collect();

    let run = |args: &[&str]| {
        let out = schema
            .cmd()
            .args(["--format", "json", "jobs"])
            .args(args)
            .args([
                "--reason",
                "live worker drill",
                "--yes",
                "--batch-size",
                "100",
                "--max",
                "100000",
            ])
            .output()
            .unwrap();
        assert!(
            matches!(out.status.code(), Some(0) | Some(1)),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        outcomes(&out.stdout)
    };
    let retried = run(&[
        "retry",
        "--queue",
        "live",
        "--state",
        "discarded",
        "--parallel",
        "3",
    ]);
    let cancelled = run(&["cancel", "--queue", "other", "--state", "available"]);

    // Let the workers drain what is left, then stop them.
    let deadline = Instant::now() + Duration::from_secs(60);
    while schema.int(&format!(
        "SELECT count(*)::bigint AS v FROM {q}.oban_jobs WHERE state IN ('available', 'executing')"
    )) > 0
        && Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    stop.store(true, Ordering::SeqCst);
    let reports: Vec<WorkerReport> = workers.into_iter().map(|w| w.join().unwrap()).collect();
    let longest = reports.iter().map(|r| r.longest_wait).max().unwrap();
    eprintln!(
        "live workers: {} fetches, {} jobs run, longest fetch wait {:?}; retry outcomes {retried:?}, cancel outcomes {cancelled:?}",
        reports.iter().map(|r| r.fetches).sum::<u64>(),
        reports.iter().map(|r| r.runs).sum::<u64>(),
        longest
    );

    // Nothing lost, nothing left half-way.
    assert_eq!(
        schema.int(&format!("SELECT count(*)::bigint AS v FROM {q}.oban_jobs")),
        total_before
    );
    assert_eq!(
        schema.int(&format!(
            "SELECT count(*)::bigint AS v FROM {q}.oban_jobs WHERE state NOT IN ('completed', 'cancelled')"
        )),
        0,
        "every job ended completed or cancelled"
    );
    // Nothing ran twice, and everything completed ran exactly once.
    assert_eq!(
        schema.int(&format!(
            "SELECT count(*)::bigint AS v FROM (SELECT job_id FROM {q}.worker_runs GROUP BY job_id HAVING count(*) > 1) d"
        )),
        0
    );
    assert_eq!(
        schema.int(&format!(
            "SELECT count(*)::bigint AS v FROM {q}.oban_jobs j WHERE state = 'completed' \
             AND NOT EXISTS (SELECT 1 FROM {q}.worker_runs r WHERE r.job_id = j.id)"
        )),
        0
    );
    // A cancelled job never ran; timestamps match states.
    assert_eq!(
        schema.int(&format!(
            "SELECT count(*)::bigint AS v FROM {q}.oban_jobs j WHERE state = 'cancelled' \
             AND (cancelled_at IS NULL OR EXISTS (SELECT 1 FROM {q}.worker_runs r WHERE r.job_id = j.id))"
        )),
        0
    );
    // Every job obanctl changed has exactly one audit row, and only those.
    let changed =
        retried.get("ok").copied().unwrap_or(0) + cancelled.get("ok").copied().unwrap_or(0);
    assert_eq!(
        retried.get("ok"),
        Some(&3000),
        "no worker holds discarded jobs"
    );
    assert!(cancelled.get("ok").copied().unwrap_or(0) > 0);
    assert_eq!(
        schema.int(&format!(
            "SELECT count(*)::bigint AS v FROM {q}.oban_powertools_audit_events WHERE action = 'lifeline.repair_executed'"
        )),
        changed
    );
    assert_eq!(
        schema.int(&format!(
            "SELECT count(*)::bigint AS v FROM (SELECT resource_id FROM {q}.oban_powertools_audit_events \
             WHERE action = 'lifeline.repair_executed' GROUP BY resource_id HAVING count(*) > 1) d"
        )),
        0
    );
    // Jobs a worker held were skipped (locked) or had moved on (drifted), never waited for.
    for (outcome, _) in cancelled.iter().filter(|(o, _)| o.as_str() != "ok") {
        assert!(
            ["locked", "drifted", "wrong_state"].contains(&outcome.as_str()),
            "{outcome}"
        );
    }
    assert!(
        longest < Duration::from_secs(5),
        "a worker waited {longest:?}"
    );
    schema.cmd().args(["audit", "verify"]).assert().success();
}
