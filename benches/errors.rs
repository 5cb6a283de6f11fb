//! Failure triage benchmark: `cargo bench --bench errors` (BENCH_JOBS, default 5 000 000, a tenth
//! of them failing: 250 000 retryable and 250 000 discarded, over the last two days). Times
//! `obanctl jobs errors` (the whole process, default `--since 24h` and `--scan 100000`) beside the
//! raw SQL a person would write for the same grouping (the same newest 100 000 failures, the
//! signature as `regexp_replace` calls, `GROUP BY` in the database), and the `--error-signature`
//! filter a printed command uses (`jobs retry --dry-run` for the largest group).
//! Fails when `jobs errors` takes 1 s or more (median).

mod support;

use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::RunQueryDsl;
use obanctl::jobs::filter::Sql;
use support::{connect, install, median_ms, obanctl, timed};

const TARGET_MS: f64 = 1000.0;
const SCAN: i64 = 100_000;

fn main() {
    let jobs = std::env::var("BENCH_JOBS")
        .ok()
        .and_then(|v| v.parse::<i64>().ok())
        .unwrap_or(5_000_000);
    let keep = std::env::var("BENCH_SCHEMA").ok();
    let schema = keep
        .clone()
        .unwrap_or_else(|| format!("obanctl_errors_bench_{}", std::process::id()));
    let q = format!("\"{schema}\"");
    let mut conn = connect();
    let started = Instant::now();
    let exists = keep.is_some()
        && conn
            .batch_execute(&format!("SELECT 1 FROM {q}.oban_jobs LIMIT 1"))
            .is_ok();
    if !exists {
        install(&schema, true);
        // Per mille: 900 completed, 50 retryable, 50 discarded; times spread over two days, so
        // --since 24h holds half the failures. 30 error templates with varying numbers, ids and
        // quoted values, some with a stack trace, over 40 workers.
        conn.batch_execute(&format!(
            "SET synchronous_commit = off; \
             INSERT INTO {q}.oban_jobs (state, queue, worker, args, errors, attempt, max_attempts, \
                                       scheduled_at, attempted_at, completed_at, discarded_at, attempted_by) \
             SELECT s.state::{q}.oban_job_state, 'queue_' || (g % 20), 'MyApp.Workers.W' || (g % 40), \
                    jsonb_build_object('user_id', g % 100000), \
                    CASE WHEN s.state = 'completed' THEN ARRAY[]::jsonb[] ELSE ARRAY[ \
                      jsonb_build_object('attempt', 1, 'at', t.at, 'error', 'first failure ' || g), \
                      jsonb_build_object('attempt', 2, 'at', t.at, 'error', \
                        CASE g % 3 WHEN 0 THEN '** (RuntimeError) upstream ' || (g % 30) || ' timed out after ' || (g % 5000) || ' ms for user ' || g \
                                   WHEN 1 THEN '** (Postgrex.Error) ERROR 23505 (unique_violation) duplicate key ' || (g % 30) || ' violates \"users_email_index\" for ' || md5(g::text)::uuid \
                                   ELSE '** (MatchError) no match of right hand side value: {{:error, ' || (g % 30) || ', \"' || md5(g::text) || '\"}}' \
                                        || E'\\n    (my_app 1.0.0) lib/my_app/worker.ex:' || (g % 300) || E': MyApp.Worker.perform/1\\n    (oban 2.23.0) lib/oban/queue/executor.ex:145: Oban.Queue.Executor.perform/1' END)] END, \
                    2, 20, \
                    CASE s.state WHEN 'retryable' THEN t.at + interval '10 minutes' ELSE t.at END, \
                    t.at, \
                    CASE WHEN s.state = 'completed' THEN t.at END, \
                    CASE WHEN s.state = 'discarded' THEN t.at END, \
                    ARRAY['web-' || (g % 4), md5(g::text)] \
             FROM generate_series(1, {jobs}) g, \
                  LATERAL (SELECT timezone('UTC', now()) - ({jobs} - g) * (172800.0 / {jobs}) * interval '1 second' AS at) t, \
                  LATERAL (SELECT CASE WHEN g % 1000 < 900 THEN 'completed' WHEN g % 1000 < 950 THEN 'retryable' \
                                       ELSE 'discarded' END AS state) s;"
        ))
        .unwrap();
        conn.batch_execute(&format!("VACUUM ANALYZE {q}.oban_jobs"))
            .unwrap();
    }
    let filled = started.elapsed();

    let runs = 5;
    let errors: Vec<Duration> = (0..runs)
        .map(|_| {
            let mut cmd = obanctl(&schema);
            cmd.args(["--format", "json", "jobs", "errors"]);
            timed(cmd).0
        })
        .collect();
    let (errors_ms, errors_worst) = median_ms(errors);

    // The raw SQL equivalent: the same newest failures, grouped in the database.
    let mut sql = Sql::default();
    let signature = obanctl::triage::signature_sql(&mut sql, "j.errors");
    let newest = |state: &str, column: &str| {
        format!(
            "(SELECT j.id, j.{column} AS ts FROM {q}.oban_jobs j WHERE j.state = '{state}' \
              AND j.{column} >= timezone('UTC', now()) - interval '24 hours' ORDER BY j.{column} DESC LIMIT {SCAN})"
        )
    };
    let raw = format!(
        "SELECT count(*)::bigint AS v FROM (SELECT j.worker, {signature} AS sig, count(*), min(p.ts), max(p.ts), \
                (array_agg(j.id ORDER BY p.ts DESC))[1:5] \
         FROM (SELECT u.id, u.ts FROM ({} UNION ALL {}) u ORDER BY u.ts DESC LIMIT {SCAN}) p \
         JOIN {q}.oban_jobs j ON j.id = p.id GROUP BY 1, 2 ORDER BY 3 DESC) g",
        newest("discarded", "discarded_at"),
        newest("retryable", "scheduled_at"),
    );
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        v: i64,
    }
    let mut groups = 0;
    let raw_times: Vec<Duration> = (0..runs)
        .map(|_| {
            let at = Instant::now();
            let row: Count = obanctl::db::bound_query(&raw, &sql.binds)
                .get_result(&mut conn)
                .unwrap();
            groups = row.v;
            at.elapsed()
        })
        .collect();
    let (raw_ms, raw_worst) = median_ms(raw_times);

    // The filter of a printed command: `jobs retry --dry-run` for the largest group.
    let out = obanctl(&schema)
        .args(["--format", "json", "jobs", "errors", "--limit", "1"])
        .output()
        .unwrap();
    let group: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    let command = group["retry_command"].as_str().unwrap().to_string();
    let words = shell_words(&command);
    let filter_times: Vec<Duration> = (0..3)
        .map(|_| {
            let mut cmd = obanctl(&schema);
            cmd.args(&words[1..])
                .args(["--dry-run", "--max", "10000000"]);
            timed(cmd).0
        })
        .collect();
    let (filter_ms, filter_worst) = median_ms(filter_times);

    if keep.is_none() {
        conn.batch_execute(&format!("DROP SCHEMA {q} CASCADE"))
            .unwrap();
    }
    eprintln!("filled {jobs} jobs in {:.0} s", filled.as_secs_f64());
    let failures = jobs / 10;
    println!("| measurement | result | target |");
    println!("|---|---|---|");
    println!(
        "| `obanctl jobs errors` (whole process; --since 24h, --scan {SCAN}) on {jobs} jobs, {failures} failing | median {errors_ms:.0} ms, worst {errors_worst:.0} ms of {runs} | < {TARGET_MS:.0} ms |"
    );
    println!(
        "| raw SQL: the same {SCAN} newest failures grouped in PostgreSQL (signature by regexp_replace), {groups} groups | median {raw_ms:.0} ms, worst {raw_worst:.0} ms of {runs} | |"
    );
    println!(
        "| the largest group's printed `jobs retry ... --dry-run` (the --error-signature filter in SQL) | median {filter_ms:.0} ms, worst {filter_worst:.0} ms of 3 | |"
    );
    assert!(
        errors_ms < TARGET_MS,
        "jobs errors took {errors_ms:.0} ms (median), over {TARGET_MS} ms"
    );
}

/// Splits a printed command line the way `sh` would (bare words, '...' quoting and `\'`, which
/// is all `jobs errors` prints).
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quoted = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                word.get_or_insert_with(String::new);
            }
            '\\' if !quoted => word.get_or_insert_with(String::new).extend(chars.next()),
            ' ' if !quoted => words.extend(word.take()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}
