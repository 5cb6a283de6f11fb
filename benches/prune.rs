//! Prune benchmark: `cargo bench --bench prune` (BENCH_JOBS, default 1 000 000 completed jobs
//! finished two days ago, plus 20 % available jobs that stay). Runs against DATABASE_URL in a
//! throwaway schema and prints a Markdown table. Measured side by side in one run, on the same
//! table, each run starting from the same rows (reinserted from a copy, then VACUUM ANALYZE):
//!
//! 1. one raw `DELETE` of the completed jobs older than a day (no batches, no audit);
//! 2. `obanctl jobs prune --older-than 1d` (batches, SKIP LOCKED, one audit row per batch);
//! 3. `obanctl jobs prune --older-than 1d --archive FILE` (every row written and fsynced first);
//! 4. the raw `DELETE` again, to show the spread between identical runs;
//! 5. `obanctl jobs export --state completed -o FILE` (JSON lines), as jobs per second.

mod support;

use std::time::{Duration, Instant};

use support::{connect, install, obanctl, timed};

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;

fn reset(conn: &mut PgConnection, schema: &str) {
    let t = format!("\"{schema}\".oban_jobs");
    conn.batch_execute(&format!(
        "DELETE FROM {t} WHERE state = 'completed'; \
         INSERT INTO {t} SELECT * FROM \"{schema}\".bench_source ON CONFLICT (id) DO NOTHING; \
         DELETE FROM \"{schema}\".oban_powertools_audit_events WHERE action <> 'powertools.installed'; \
         DELETE FROM \"{schema}\".obanctl_audit_chain WHERE seq > 1"
    ))
    .unwrap();
    conn.batch_execute(&format!("VACUUM ANALYZE {t}")).unwrap();
    conn.batch_execute(&format!(
        "VACUUM ANALYZE \"{schema}\".oban_powertools_audit_events"
    ))
    .unwrap();
    conn.batch_execute("CHECKPOINT").unwrap();
}

fn main() {
    let jobs: i64 = std::env::var("BENCH_JOBS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let schema = format!("bench_prune_{}", std::process::id());
    let mut conn = connect();
    conn.batch_execute(&format!("DROP SCHEMA IF EXISTS \"{schema}\" CASCADE"))
        .unwrap();
    install(&schema, true);
    let t = format!("\"{schema}\".oban_jobs");
    conn.batch_execute(&format!(
        "INSERT INTO {t} (state, queue, worker, args, meta, tags, attempted_by, attempt, attempted_at, completed_at) \
         SELECT 'completed', 'q' || (g % 10), 'MyApp.Workers.W' || (g % 20), jsonb_build_object('user_id', g, 'email', 'u' || g || '@example.com'), \
                '{{}}', ARRAY['t'], ARRAY['node-1', 'b8a6b8f2-6f5c-4f3e-9d59-1d1d5b2d6c1e'], 1, \
                timezone('UTC', now()) - interval '2 days', timezone('UTC', now()) - interval '2 days' + (g % 1000) * interval '1 ms' \
         FROM generate_series(1, {jobs}) g; \
         INSERT INTO {t} (state, queue, worker) SELECT 'available', 'q1', 'W' FROM generate_series(1, {others}); \
         CREATE TABLE \"{schema}\".bench_source AS SELECT * FROM {t} WHERE state = 'completed'",
        others = jobs / 5
    ))
    .unwrap();
    let dir = std::env::temp_dir().join(&schema);
    std::fs::create_dir_all(&dir).unwrap();
    let raw_delete = format!(
        "DELETE FROM {t} WHERE state = 'completed' AND completed_at < timezone('UTC', now()) - interval '1 day'"
    );
    let mut rows: Vec<(String, Duration, String)> = Vec::new();

    reset(&mut conn, &schema);
    let mut export = obanctl(&schema);
    let export_file = dir.join("export.jsonl");
    export
        .args(["jobs", "export", "--state", "completed", "-o"])
        .arg(&export_file);
    let (export_time, export_kb) = timed(export);

    let raw = |conn: &mut PgConnection| {
        let started = Instant::now();
        conn.batch_execute(&raw_delete).unwrap();
        started.elapsed()
    };
    let first_raw = raw(&mut conn);
    rows.push((
        "raw `DELETE` (one statement, no audit)".into(),
        first_raw,
        String::new(),
    ));

    reset(&mut conn, &schema);
    let mut prune = obanctl(&schema);
    prune.args([
        "jobs",
        "prune",
        "--older-than",
        "1d",
        "--reason",
        "benchmark run",
        "--yes",
    ]);
    let (time, kb) = timed(prune);
    rows.push((
        "`obanctl jobs prune --older-than 1d` (10 000 per batch, 2 at a time)".into(),
        time,
        format!(
            "{:.2}x raw; peak RSS {} MB",
            time.as_secs_f64() / first_raw.as_secs_f64(),
            kb / 1024
        ),
    ));

    reset(&mut conn, &schema);
    let archive = dir.join("archive.jsonl");
    let mut prune = obanctl(&schema);
    prune
        .args([
            "jobs",
            "prune",
            "--older-than",
            "1d",
            "--reason",
            "benchmark run",
            "--yes",
            "--archive",
        ])
        .arg(&archive);
    let (time, kb) = timed(prune);
    let size = std::fs::metadata(&archive).map(|m| m.len()).unwrap_or(0);
    rows.push((
        "`obanctl jobs prune --older-than 1d --archive FILE` (local file, fsync per batch)".into(),
        time,
        format!(
            "{:.2}x raw; archive {} MB; peak RSS {} MB",
            time.as_secs_f64() / first_raw.as_secs_f64(),
            size / 1_000_000,
            kb / 1024
        ),
    ));

    reset(&mut conn, &schema);
    let second_raw = raw(&mut conn);
    rows.push(("raw `DELETE` again".into(), second_raw, String::new()));
    rows.push((
        "`obanctl jobs export --state completed -o FILE` (JSON lines, redacted)".into(),
        export_time,
        format!(
            "{:.0} jobs/s; peak RSS {} MB",
            jobs as f64 / export_time.as_secs_f64(),
            export_kb / 1024
        ),
    ));

    println!(
        "| run ({jobs} completed jobs, {} others) | time | notes |",
        jobs / 5
    );
    println!("|---|---|---|");
    for (name, time, note) in rows {
        println!("| {name} | {:.2} s | {note} |", time.as_secs_f64());
    }
    conn.batch_execute(&format!("DROP SCHEMA IF EXISTS \"{schema}\" CASCADE"))
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}
