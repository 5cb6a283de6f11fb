//! Queues benchmark: `cargo bench --bench queues` (BENCH_JOBS, default 5 000 000, over
//! BENCH_QUEUES, default 50; BENCH_SCHEMA keeps and reuses a filled schema, e.g. the dashboard
//! benchmark's). Times the `obanctl queues` process end to end, side by side in one run with the
//! raw SQL an operator would type instead:
//!
//! 1. `obanctl queues --listen 0` (the table reads alone: bounded counts, latency, executing,
//!    throughput, producers, leader), median of 11;
//! 2. `obanctl queues` with its default 2 s listening window (reads run while it listens);
//! 3. raw `SELECT queue, state, count(*) … GROUP BY 1, 2` (exact counts, one scan of the table);
//! 4. raw bounded counts: the same loose index scan and per-cell `LIMIT` counts obanctl runs.
//!
//! Fails when the median of (1) is over 200 ms or (2) is over its window plus 200 ms.

mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use support::{connect, median_ms, obanctl, timed};

const TARGET_MS: f64 = 200.0;
const WINDOW_MS: f64 = 2000.0;

fn main() {
    let mut conn = connect();
    let support::Dashboard {
        schema,
        q,
        queues,
        keep,
        ..
    } = support::dashboard(&mut conn, "queues");
    let rows: i64 = {
        use diesel::sql_types::BigInt;
        use diesel::RunQueryDsl;
        #[derive(diesel::QueryableByName)]
        struct N {
            #[diesel(sql_type = BigInt)]
            n: i64,
        }
        diesel::sql_query(format!("SELECT count(*)::bigint AS n FROM {q}.oban_jobs"))
            .get_result::<N>(&mut conn)
            .unwrap()
            .n
    };

    let queues_cmd = |listen: &str| -> Command {
        let mut cmd = obanctl(&schema);
        cmd.args(["queues", "--format", "json", "--listen", listen]);
        cmd
    };
    // Warm the cache once, as an operator's second look would be.
    timed(queues_cmd("0"));
    let reads: Vec<Duration> = (0..11).map(|_| timed(queues_cmd("0")).0).collect();
    let (reads_ms, reads_worst) = median_ms(reads);
    let listened: Vec<Duration> = (0..3).map(|_| timed(queues_cmd("2s")).0).collect();
    let (listened_ms, listened_worst) = median_ms(listened);

    let mut raw = |sql: &str| -> (f64, f64) {
        let runs: Vec<Duration> = (0..5)
            .map(|_| {
                let at = Instant::now();
                conn.batch_execute(sql).unwrap();
                at.elapsed()
            })
            .collect();
        median_ms(runs)
    };
    let (exact_ms, exact_worst) = raw(&format!(
        "SELECT queue, state, count(*) FROM {q}.oban_jobs GROUP BY 1, 2"
    ));
    let (bounded_ms, bounded_worst) = raw(&format!(
        "WITH RECURSIVE cells AS ( \
           (SELECT state, queue FROM {q}.oban_jobs ORDER BY state, queue LIMIT 1) \
           UNION ALL \
           SELECT n.state, n.queue FROM cells c, LATERAL \
             (SELECT state, queue FROM {q}.oban_jobs j WHERE (j.state, j.queue) > (c.state, c.queue) \
              ORDER BY state, queue LIMIT 1) n) \
         SELECT c.state, c.queue, (SELECT count(*) FROM (SELECT 1 FROM {q}.oban_jobs j \
                 WHERE j.state = c.state AND j.queue = c.queue LIMIT 1000) s) AS n FROM cells c"
    ));

    if !keep {
        conn.batch_execute(&format!("DROP SCHEMA {q} CASCADE"))
            .unwrap();
    }
    println!("| run ({rows} jobs, {queues} queues) | median | worst | target |");
    println!("|---|---|---|---|");
    println!(
        "| `obanctl queues --listen 0` (process start to exit: connect, every table read, render) | {reads_ms:.0} ms | {reads_worst:.0} ms of 11 | < {TARGET_MS:.0} ms |"
    );
    println!(
        "| `obanctl queues` (default 2 s gossip window; reads run while it listens) | {listened_ms:.0} ms | {listened_worst:.0} ms of 3 | < {:.0} ms |",
        WINDOW_MS + TARGET_MS
    );
    println!(
        "| raw `SELECT queue, state, count(*) … GROUP BY 1, 2` (exact, one scan) | {exact_ms:.0} ms | {exact_worst:.0} ms of 5 | |"
    );
    println!(
        "| raw bounded counts (loose index scan, `LIMIT 1000` per cell, as obanctl reads them) | {bounded_ms:.0} ms | {bounded_worst:.0} ms of 5 | |"
    );
    assert!(
        reads_ms < TARGET_MS,
        "obanctl queues --listen 0 took {reads_ms:.0} ms (median), over {TARGET_MS} ms"
    );
    assert!(
        listened_ms < WINDOW_MS + TARGET_MS,
        "obanctl queues took {listened_ms:.0} ms (median) with a 2 s window"
    );
}
