//! Dashboard benchmark: `cargo bench --bench top` (BENCH_JOBS, default 5 000 000, over
//! BENCH_QUEUES, default 50). Fills one Oban v14 schema with a production-like mix, then times
//! what one `obanctl top` refresh reads (the `tui::gather::Gatherer` the dashboard and `metrics`
//! use, in process, on a warm connection pool), and the doctor subset it adds every 30 s.
//! Fails when the median frame is over 100 ms.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use obanctl::cli::GlobalArgs;
use obanctl::db::Database;
use obanctl::printer::Printer;
use obanctl::redact::Redactor;
use obanctl::settings::Settings;
use obanctl::tui::gather::{run_doctor_subset, Gatherer};
use support::{connect, database_url, median_ms};

const TARGET_MS: f64 = 100.0;

fn main() {
    let mut conn = connect();
    let support::Dashboard {
        schema,
        q,
        jobs,
        queues,
        keep,
        filled,
    } = support::dashboard(&mut conn, "top");

    let global = GlobalArgs {
        database_url: Some(database_url()),
        prefix: Some(schema.clone()),
        powertools_schema: Some(schema.clone()),
        actor: Some("bench".into()),
        ..Default::default()
    };
    let settings = Settings::resolve(&global, &|_| None, None).unwrap();
    let db = Arc::new(Database::connect(&settings, &Printer::fallback()).unwrap());
    let mut gatherer = Gatherer::new(db.clone(), Redactor::new(&settings.redact));
    // The first frame also runs the doctor subset and opens the pool's connections.
    let first = gatherer.gather();
    assert!(first.error.is_none(), "{:?}", first.error);
    let rows = first.queue_rows().len();
    assert_eq!(rows as i64, queues.min(jobs), "every queue is listed");
    let frames: Vec<Duration> = (0..21)
        .map(|_| {
            let at = Instant::now();
            let snapshot = gatherer.gather();
            assert!(snapshot.error.is_none(), "{:?}", snapshot.error);
            at.elapsed()
        })
        .collect();
    let (frame, frame_worst) = median_ms(frames);
    let oban = db
        .read(|c| obanctl::db::catalog::oban_schema(c, db.prefix()))
        .unwrap();
    let doctor: Vec<Duration> = (0..5)
        .map(|_| {
            let at = Instant::now();
            run_doctor_subset(&db, &Default::default(), oban.as_ref());
            at.elapsed()
        })
        .collect();
    let (doctor, doctor_worst) = median_ms(doctor);
    if !keep {
        conn.batch_execute(&format!("DROP SCHEMA {q} CASCADE"))
            .unwrap();
    }
    eprintln!("filled {jobs} jobs in {:.0} s", filled.as_secs_f64());
    println!("| measurement | result | target |");
    println!("|---|---|---|");
    println!(
        "| `top` refresh (one frame's data: header, {rows} queues, failures, activity) on {jobs} jobs | median {frame:.1} ms, worst {frame_worst:.1} ms of 21 | < {TARGET_MS:.0} ms |"
    );
    println!(
        "| doctor subset (6 checks, every 30 s) | median {doctor:.0} ms, worst {doctor_worst:.0} ms of 5 | |"
    );
    assert!(
        frame < TARGET_MS,
        "one frame's data took {frame:.1} ms (median), over {TARGET_MS} ms"
    );
}
