//! Doctor benchmark: `cargo bench --bench doctor` (BENCH_JOBS, default 2 000 000). Fills one
//! Oban v14 schema with a production-like mix (mostly recent completed jobs, a queue backlog,
//! scheduled and retryable jobs with deadlines, a few executing, dead tuples from churn), then
//! times the whole `obanctl doctor` command, human and JSON, and reports the slowest check.

mod support;

use support::{connect, install, median_ms, obanctl, timed};

use diesel::connection::SimpleConnection;

fn main() {
    let jobs: i64 = std::env::var("BENCH_JOBS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000_000);
    // BENCH_SCHEMA keeps the data afterwards (for EXPLAIN); by default a throwaway schema.
    let keep = std::env::var("BENCH_SCHEMA").ok();
    let schema = keep
        .clone()
        .unwrap_or_else(|| format!("obanctl_doctor_bench_{}", std::process::id()));
    let mut conn = connect();
    install(&schema, true);
    let q = format!("\"{schema}\"");
    let started = std::time::Instant::now();
    // Shares of the table per state, in per mille: 760 completed, 100 available, 60 scheduled,
    // 30 retryable, 25 discarded, 24 cancelled, 1 executing.
    conn.batch_execute(&format!(
        "SET synchronous_commit = off; \
         INSERT INTO {q}.oban_peers VALUES ('Oban', 'web-1', timezone('UTC', now()), timezone('UTC', now()) + interval '1 hour'); \
         INSERT INTO {q}.oban_jobs (state, queue, worker, args, meta, attempt, max_attempts, \
                                   scheduled_at, attempted_at, completed_at, discarded_at, cancelled_at, attempted_by, tags) \
         SELECT s.state::{q}.oban_job_state, (ARRAY['default', 'mailers', 'billing', 'exports', 'webhooks'])[1 + g % 5], \
                'MyApp.Workers.W' || (g % 40), jsonb_build_object('user_id', g % 100000, 'batch', g % 977), \
                CASE WHEN s.state = 'retryable' AND g % 10 = 0 \
                     THEN jsonb_build_object('__deadline_at__', to_char(now() + ((g % 200) - 100) * interval '1 minute', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')) \
                     ELSE '{{}}'::jsonb END, \
                CASE WHEN s.state IN ('available', 'scheduled') THEN 0 ELSE 1 END, 20, \
                CASE s.state WHEN 'scheduled' THEN timezone('UTC', now()) + (g % 3600) * interval '1 second' \
                             WHEN 'retryable' THEN timezone('UTC', now()) + (g % 600) * interval '1 second' \
                             WHEN 'available' THEN timezone('UTC', now()) - (g % 120) * interval '1 second' \
                             ELSE timezone('UTC', now()) - (g % 86000) * interval '1 second' END, \
                CASE WHEN s.state IN ('available', 'scheduled') THEN NULL ELSE timezone('UTC', now()) - (g % 86000) * interval '1 second' END, \
                CASE WHEN s.state = 'completed' THEN timezone('UTC', now()) - (g % 86000) * interval '1 second' END, \
                CASE WHEN s.state = 'discarded' THEN timezone('UTC', now()) - (g % 86000) * interval '1 second' END, \
                CASE WHEN s.state = 'cancelled' THEN timezone('UTC', now()) - (g % 86000) * interval '1 second' END, \
                CASE WHEN s.state IN ('available', 'scheduled') THEN NULL ELSE ARRAY['web-' || (g % 4), md5(g::text)] END, \
                ARRAY['bench'] \
         FROM generate_series(1, {jobs}) g, \
              LATERAL (SELECT CASE WHEN g % 1000 < 760 THEN 'completed' WHEN g % 1000 < 860 THEN 'available' \
                                   WHEN g % 1000 < 920 THEN 'scheduled' WHEN g % 1000 < 950 THEN 'retryable' \
                                   WHEN g % 1000 < 975 THEN 'discarded' WHEN g % 1000 < 999 THEN 'cancelled' \
                                   ELSE 'executing' END AS state) s; \
         DELETE FROM {q}.oban_jobs WHERE state = 'completed' AND id % 20 = 0; \
         ANALYZE {q}.oban_jobs;"
    ))
    .unwrap();
    let filled = started.elapsed();
    let run = |args: &[&str]| {
        median_ms(
            (0..7)
                .map(|_| {
                    let mut cmd = obanctl(&schema);
                    cmd.arg("doctor").args(["--fail-on", "never"]).args(args);
                    timed(cmd).0
                })
                .collect(),
        )
    };
    let (human, human_worst) = run(&[]);
    let (json, json_worst) = run(&["--format", "json"]);
    let report = obanctl(&schema)
        .args(["doctor", "--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let mut checks: Vec<(u64, String)> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["duration_ms"].as_u64().unwrap(),
                format!(
                    "{} {} ms ({})",
                    c["id"].as_str().unwrap(),
                    c["duration_ms"],
                    c["status"].as_str().unwrap()
                ),
            )
        })
        .collect();
    checks.sort();
    if keep.is_none() {
        conn.batch_execute(&format!("DROP SCHEMA {q} CASCADE"))
            .unwrap();
    }
    eprintln!("filled {jobs} jobs in {:.0} s", filled.as_secs_f64());
    println!("| measurement | result | target |");
    println!("|---|---|---|");
    println!("| `doctor`, all 13 checks, on {jobs} jobs, whole command | median {human:.0} ms, worst {human_worst:.0} ms of 7 | < 1 s |");
    println!("| the same with `--format json` | median {json:.0} ms, worst {json_worst:.0} ms | |");
    println!(
        "| slowest checks (one JSON run) | {} | |",
        checks
            .iter()
            .rev()
            .take(3)
            .map(|(_, s)| s.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
}
