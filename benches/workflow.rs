//! Workflow benchmark: `cargo bench --bench workflow` (BENCH_STEPS, default 10 000). Builds one
//! workflow whose steps form a layered DAG (each step depends on one or two earlier ones), then
//! times `workflow inspect` (whole command, human and JSON output).

mod support;

use support::{connect, install, median_ms, obanctl, timed};

use diesel::connection::SimpleConnection;

fn main() {
    let steps: i64 = std::env::var("BENCH_STEPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let schema = format!("obanctl_workflow_bench_{}", std::process::id());
    let mut conn = connect();
    install(&schema, false);
    let q = format!("\"{schema}\"");
    conn.batch_execute(&format!(
        "INSERT INTO {q}.oban_powertools_workflows (id, name, state, step_count, inserted_at, updated_at) \
         VALUES ('00000000-0000-0000-0000-000000000001', 'big', 'running', {steps}, now(), now()); \
         INSERT INTO {q}.oban_powertools_workflow_steps (id, workflow_id, step_name, worker, state, position, blocker_codes, inserted_at, updated_at) \
         SELECT md5(i::text)::uuid, '00000000-0000-0000-0000-000000000001', 'step_' || i, 'App.Step', \
                (ARRAY['completed', 'completed', 'executing', 'pending'])[1 + i % 4], i, \
                CASE WHEN i % 4 = 3 THEN ARRAY['waiting_on_dependencies']::varchar[] ELSE ARRAY[]::varchar[] END, now(), now() \
         FROM generate_series(1, {steps}) i; \
         INSERT INTO {q}.oban_powertools_workflow_edges (id, workflow_id, from_step_id, to_step_id, policy, inserted_at, updated_at) \
         SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', md5(p::text)::uuid, md5(i::text)::uuid, 'cancel', now(), now() \
         FROM generate_series(2, {steps}) i, LATERAL (VALUES (i / 2), (i - 1)) AS parents(p) WHERE p >= 1 AND (p = i - 1 OR p <> i / 2 OR i % 3 = 0) \
         ON CONFLICT DO NOTHING"
    ))
    .unwrap();
    let run = |args: &[&str]| {
        median_ms(
            (0..11)
                .map(|_| {
                    let mut cmd = obanctl(&schema);
                    cmd.args(["workflow", "inspect", "big"]).args(args);
                    timed(cmd).0
                })
                .collect(),
        )
    };
    let (human, human_worst) = run(&[]);
    let (json, json_worst) = run(&["--format", "json"]);
    let (dot, _) = run(&["--dot"]);
    conn.batch_execute(&format!("DROP SCHEMA {q} CASCADE"))
        .unwrap();
    println!("| measurement | result | target |");
    println!("|---|---|---|");
    println!("| `workflow inspect` of a {steps}-step workflow, whole command | median {human:.0} ms, worst {human_worst:.0} ms of 11 | < 200 ms |");
    println!("| the same with `--format json` | median {json:.0} ms, worst {json_worst:.0} ms | |");
    println!("| the same with `--dot` | median {dot:.0} ms | |");
}
