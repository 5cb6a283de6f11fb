//! Prune benchmark: `cargo bench --bench prune` (BENCH_JOBS, default 1 000 000 completed jobs
//! finished two days ago, plus 20 % available jobs that stay). Runs against DATABASE_URL in a
//! throwaway schema and prints a Markdown table. Measured side by side in one run, on the same
//! table, each run starting from the same rows (reinserted from a copy, then VACUUM ANALYZE):
//!
//! 1. BENCH_ROUNDS rounds (default 3) of one raw `DELETE` of the completed jobs older than a day
//!    (no batches, no audit) followed by `obanctl jobs prune --older-than 1d` (batches, one audit
//!    row per batch): the figure is the median of the rounds' ratios;
//! 2. a raw `DELETE`, then `obanctl jobs prune --older-than 1d --archive FILE` (every row written
//!    and fsynced first), compared with it;
//! 3. `obanctl jobs export --state completed -o FILE` (JSON lines), as jobs per second.

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
    // Raw and prune alternate, each from the same rows: on a machine whose disk speed drifts
    // between runs (one raw DELETE measured 1.5 s and 2.1 s in the same run), a ratio of two
    // single runs measures the drift. Each round's pair is adjacent in time; the median of the
    // rounds' ratios is the figure.
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let (mut raws, mut prunes, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let mut prune_kb = 0;
    for _ in 0..rounds {
        reset(&mut conn, &schema);
        let raw_time = raw(&mut conn);
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
        prune_kb = prune_kb.max(kb);
        ratios.push(time.as_secs_f64() / raw_time.as_secs_f64());
        raws.push(raw_time);
        prunes.push(time);
    }
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    ratios.sort_by(f64::total_cmp);
    let first_raw = median(raws.clone());
    rows.push((
        format!("raw `DELETE` (one statement, no audit), median of {rounds}"),
        first_raw,
        format!(
            "runs: {}",
            raws.iter()
                .map(|d| format!("{:.2}", d.as_secs_f64()))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ));
    rows.push((
        format!("`obanctl jobs prune --older-than 1d` (10 000 per batch, 2 at a time), median of {rounds}"),
        median(prunes.clone()),
        format!(
            "**{:.2}x raw** (median of each round's ratio: {}); runs: {}; peak RSS {} MB",
            ratios[ratios.len() / 2],
            ratios
                .iter()
                .map(|r| format!("{r:.2}"))
                .collect::<Vec<_>>()
                .join(", "),
            prunes
                .iter()
                .map(|d| format!("{:.2}", d.as_secs_f64()))
                .collect::<Vec<_>>()
                .join(", "),
            prune_kb / 1024
        ),
    ));

    reset(&mut conn, &schema);
    let archive_raw = raw(&mut conn);
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
            "{:.2}x the raw `DELETE` just before it ({:.2} s); archive {} MB; peak RSS {} MB",
            time.as_secs_f64() / archive_raw.as_secs_f64(),
            archive_raw.as_secs_f64(),
            size / 1_000_000,
            kb / 1024
        ),
    ));

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
