//! Audit benchmark: `cargo bench --bench audit` (size: BENCH_EVENTS, default 5 000 000). Fills a
//! throwaway schema's audit table with realistic events and measures, whole command included:
//! `audit tail` latency (unfiltered and filtered), `audit export` throughput and peak memory, and
//! `audit verify` over a chain of BENCH_CHAINED events written by obanctl itself.

mod support;

use std::time::{Duration, Instant};

use support::{connect, install, median_ms, obanctl, timed};

use diesel::connection::SimpleConnection;

fn main() {
    let events: i64 = std::env::var("BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5_000_000);
    let chained: i64 = std::env::var("BENCH_CHAINED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let schema = format!("obanctl_audit_bench_{}", std::process::id());
    let mut conn = connect();
    install(&schema, true);
    let events_table = format!("\"{schema}\".oban_powertools_audit_events");
    let started = Instant::now();
    conn.batch_execute(&format!(
        "INSERT INTO {events_table} (actor_id, action, command_key, event_type, resource, resource_type, resource_id, metadata, inserted_at) \
         SELECT 'ops-' || (i % 7), 'lifeline.repair_executed', 'execute_repair', 'lifeline.repair_executed', 'job:' || i, 'job', i::text, \
                jsonb_build_object('operation', 'job_retry', 'reason', 'replay after provider outage', 'result', 'ok', 'source', 'elixir', \
                                   'before', jsonb_build_object('job_id', i, 'state', 'discarded'), 'after', jsonb_build_object('job_id', i, 'state', 'available')), \
                timestamp '2026-01-01' + i * interval '1 second' \
         FROM generate_series(1, {events}) i"
    ))
    .unwrap();
    conn.batch_execute(&format!("VACUUM ANALYZE {events_table}"))
        .unwrap();
    eprintln!("{events} events generated in {:.1?}", started.elapsed());

    let tail = |args: &[&str]| {
        let runs: Vec<Duration> = (0..21)
            .map(|_| {
                let mut cmd = obanctl(&schema);
                cmd.args(["audit", "tail"]).args(args);
                timed(cmd).0
            })
            .collect();
        median_ms(runs)
    };
    let (tail_median, tail_worst) = tail(&[]);
    let (resource_median, resource_worst) = tail(&["--resource", "job:4000000"]);
    let (actor_median, actor_worst) =
        tail(&["--actor", "ops-3", "--action", "lifeline.repair_executed"]);

    let mut cmd = obanctl(&schema);
    cmd.args(["audit", "export", "--output", "/dev/null"]);
    let (export_time, export_peak) = timed(cmd);
    let mut cmd = obanctl(&schema);
    cmd.args(["audit", "export", "--as", "csv", "--output", "/dev/null"]);
    let (csv_time, _) = timed(cmd);
    let rate = |t: Duration| (events + 1) as f64 / t.as_secs_f64();

    // A chain written by obanctl itself: a bulk retry of `chained` jobs, then verify.
    conn.batch_execute(&format!(
        "INSERT INTO \"{schema}\".oban_jobs (state, queue, worker, attempt, max_attempts) \
         SELECT 'discarded', 'default', 'W', 1, 1 FROM generate_series(1, {chained})"
    ))
    .unwrap();
    let mut cmd = obanctl(&schema);
    cmd.args([
        "jobs",
        "retry",
        "--state",
        "discarded",
        "--reason",
        "benchmark chain",
        "--yes",
        "--max",
        &chained.to_string(),
    ]);
    timed(cmd);
    let mut cmd = obanctl(&schema);
    cmd.args(["audit", "verify"]);
    let (verify_time, _) = timed(cmd);

    conn.batch_execute(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
        .unwrap();

    println!("| measurement | result | target |");
    println!("|---|---|---|");
    println!("| `audit tail` on {events} events, whole command | median {tail_median:.0} ms, worst {tail_worst:.0} ms of 21 | < 100 ms |");
    println!("| `audit tail --resource job:4000000` | median {resource_median:.0} ms, worst {resource_worst:.0} ms | |");
    println!("| `audit tail --actor ops-3 --action lifeline.repair_executed` | median {actor_median:.0} ms, worst {actor_worst:.0} ms | |");
    println!(
        "| `audit export` JSON lines, {} events | {:.1} s = {:.0} events/s, peak memory {} MB | ≥ 100 000 events/s |",
        events + 1,
        export_time.as_secs_f64(),
        rate(export_time),
        export_peak / 1024
    );
    println!(
        "| `audit export --as csv` | {:.1} s = {:.0} events/s | |",
        csv_time.as_secs_f64(),
        rate(csv_time)
    );
    println!(
        "| `audit verify` over {} chained events (+ {events} unchained) | {:.1} s | |",
        chained + 3,
        verify_time.as_secs_f64()
    );
}
