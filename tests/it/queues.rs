//! `db::queues` reads on real schemas of both flavours and against a real oban-py node.

use std::time::Duration;

use obanctl::db::jobs::JobsTable;
use obanctl::db::queues::{self, Count, LeaderSource, QueueScan, ThroughputBasis};
use obanctl::decode::Timestamp as DbTime;

use crate::common::{connect, literal, TestSchema};
use crate::oban_py::{self, PyNode};

fn flavour(tag: &str, flavour: &str) -> TestSchema {
    let schema = TestSchema::new(tag);
    schema
        .cmd()
        .args(["install", "--with-oban", flavour, "-q"])
        .assert()
        .success();
    schema
}

fn done<T: std::fmt::Debug>(scan: QueueScan<T>) -> T {
    match scan {
        QueueScan::Done(value) => value,
        QueueScan::NoIndex => panic!("NoIndex"),
    }
}

/// Inserts `n` jobs; `extra` columns and values are appended as given (SQL).
fn insert(
    schema: &TestSchema,
    n: i64,
    state: &str,
    queue: &str,
    extra_cols: &str,
    extra_vals: &str,
) {
    schema.sql(&format!(
        "INSERT INTO {s}.oban_jobs (state, queue, worker{extra_cols}) \
         SELECT {state}::{s}.oban_job_state, {queue}, 'W'{extra_vals} FROM generate_series(1, {n}) g",
        s = schema.quoted(),
        state = literal(state),
        queue = literal(queue),
    ));
}

fn seed(schema: &TestSchema) {
    let ago = |secs: i64| format!("timezone('UTC', now()) - interval '{secs} seconds'");
    insert(schema, 5, "available", "mailers", "", "");
    insert(
        schema,
        2,
        "available",
        "mailers",
        ", priority, scheduled_at",
        &format!(", 7, {}", ago(90)),
    );
    insert(
        schema,
        1,
        "available",
        "media",
        ", scheduled_at",
        &format!(", {}", ago(30)),
    );
    insert(
        schema,
        3,
        "scheduled",
        "media",
        ", scheduled_at",
        ", timezone('UTC', now()) + interval '1 hour'",
    );
    insert(
        schema,
        4,
        "completed",
        "mailers",
        ", attempted_at, completed_at, attempted_by",
        &format!(", {0}, {0}, ARRAY['web-1', 'u']", ago(5)),
    );
    insert(
        schema,
        2,
        "completed",
        "media",
        ", attempted_at, completed_at",
        &format!(", {0}, {0}", ago(3600)),
    );
    insert(
        schema,
        2,
        "executing",
        "mailers",
        ", attempted_at, attempted_by",
        &format!(", {}, ARRAY['web-1', 'uuid-a']", ago(20)),
    );
    insert(
        schema,
        1,
        "executing",
        "mailers",
        ", attempted_at, attempted_by",
        &format!(", {}, ARRAY['web-2', 'uuid-b']", ago(10)),
    );
    insert(
        schema,
        1,
        "executing",
        "media",
        ", attempted_at, attempted_by",
        &format!(", {}, ARRAY['web-2', 'uuid-c']", ago(40)),
    );
    insert(schema, 1, "discarded", "media", "", "");
}

fn check_reads(flavour_name: &str) {
    let schema = flavour(&format!("qreads{flavour_name}"), flavour_name);
    seed(&schema);
    let jobs = JobsTable::new(&schema.name);
    let mut conn = connect();

    let report = done(queues::queue_counts(&mut conn, &jobs, 1000).unwrap());
    assert!(!report.truncated);
    let names: Vec<&str> = report.queues.iter().map(|q| q.queue.as_str()).collect();
    assert_eq!(names, ["mailers", "media"]);
    let mailers = &report.queues[0];
    assert_eq!(mailers.by_state["available"], Count::Exact(7));
    assert_eq!(mailers.by_state["completed"], Count::Exact(4));
    assert_eq!(mailers.by_state["executing"], Count::Exact(3));
    assert!(
        !mailers.by_state.contains_key("scheduled"),
        "only states that have jobs"
    );
    let media = &report.queues[1];
    assert_eq!(media.by_state["scheduled"], Count::Exact(3));
    assert_eq!(media.by_state["discarded"], Count::Exact(1));

    // At the cap a count is a lower bound, never an extrapolation.
    let capped = done(queues::queue_counts(&mut conn, &jobs, 3).unwrap());
    assert_eq!(capped.queues[0].by_state["available"], Count::AtLeast(3));
    assert_eq!(capped.queues[0].by_state["executing"], Count::AtLeast(3));
    assert_eq!(capped.queues[1].by_state["executing"], Count::Exact(1));

    // The only estimate is the queue's own share in the `queue` column's statistics.
    assert_eq!(mailers.estimated_rows, None, "no statistics before ANALYZE");
    schema.sql(&format!("ANALYZE {}.oban_jobs", schema.quoted()));
    let analysed = done(queues::queue_counts(&mut conn, &jobs, 1000).unwrap());
    assert_eq!(analysed.queues[0].estimated_rows, Some(14));
    assert_eq!(analysed.queues[1].estimated_rows, Some(8));

    // The oldest available job is found across priorities (the priority-7 jobs are oldest).
    let waits = done(queues::oldest_available(&mut conn, &jobs).unwrap());
    assert!(!waits.truncated);
    assert_eq!(waits.queues.len(), 2);
    assert_eq!(waits.queues[0].queue, "mailers");
    assert!(
        (89.0..200.0).contains(&waits.queues[0].wait_secs.unwrap()),
        "{:?}",
        waits.queues[0]
    );
    assert!(
        (29.0..100.0).contains(&waits.queues[1].wait_secs.unwrap()),
        "{:?}",
        waits.queues[1]
    );

    let executing = queues::executing(&mut conn, &jobs, 100).unwrap();
    assert!(!executing.truncated);
    let by_node = executing.by_node();
    assert_eq!(by_node[&Some("web-1".to_string())], 2);
    assert_eq!(by_node[&Some("web-2".to_string())], 2);
    assert_eq!(executing.by_queue()["mailers"], 3);
    let media_web2 = executing
        .groups
        .iter()
        .find(|g| g.queue == "media")
        .unwrap();
    assert_eq!(media_web2.node.as_deref(), Some("web-2"));
    assert!(media_web2.oldest_attempted_at.is_some());
    assert!(queues::executing(&mut conn, &jobs, 2).unwrap().truncated);

    let throughput = queues::completed_per_minute(&mut conn, &jobs, 5, 1000, 10_000).unwrap();
    match (flavour_name, &throughput.basis) {
        ("python", ThroughputBasis::CompletedAtIndex { index }) => {
            assert_eq!(index, "oban_jobs_completed_at_index")
        }
        ("elixir", ThroughputBasis::NewestRows { scanned }) => assert_eq!(*scanned, 10_000),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        throughput.per_minute.len(),
        1,
        "{:?}",
        throughput.per_minute
    );
    assert_eq!(throughput.per_minute[0].queue, "mailers");
    assert_eq!(throughput.per_minute[0].completed, 4);
    assert!(DbTime::At(throughput.since) <= throughput.per_minute[0].minute);
    assert!(throughput.until - throughput.since <= chrono::Duration::minutes(5));
    assert!(!throughput.truncated);
    let capped = queues::completed_per_minute(&mut conn, &jobs, 5, 2, 10_000).unwrap();
    assert!(capped.truncated);

    // Oban's state/queue index is what keeps these reads bounded; without it they refuse.
    schema.sql(&format!(
        "DROP INDEX {}.oban_jobs_state_queue_priority_scheduled_at_id_index",
        schema.quoted()
    ));
    assert_eq!(
        queues::queue_counts(&mut conn, &jobs, 1000).unwrap(),
        QueueScan::NoIndex
    );
    assert_eq!(
        queues::oldest_available(&mut conn, &jobs).unwrap(),
        QueueScan::NoIndex
    );
}

#[test]
fn queue_reads_on_an_elixir_schema() {
    check_reads("elixir");
}

#[test]
fn queue_reads_on_a_python_schema() {
    check_reads("python");
}

#[test]
fn leaders_and_producers_from_the_tables() {
    let elixir = flavour("qleaderex", "elixir");
    let mut conn = connect();
    assert_eq!(queues::producers(&mut conn, &elixir.name).unwrap(), None);
    let none = queues::leaders(&mut conn, &elixir.name).unwrap();
    assert!(none.has_oban_peers && !none.has_oban_leaders && none.rows.is_empty());
    elixir.sql(&format!(
        "INSERT INTO {}.oban_peers (name, node, started_at, expires_at) VALUES \
         ('Oban', 'worker-1', timezone('UTC', now()) - interval '1 minute', timezone('UTC', now()) + interval '30 seconds'), \
         ('Oban.Other', 'worker-2', timezone('UTC', now()) - interval '1 hour', timezone('UTC', now()) - interval '5 minutes')",
        elixir.quoted()
    ));
    let leaders = queues::leaders(&mut conn, &elixir.name).unwrap();
    assert_eq!(leaders.rows.len(), 2);
    assert_eq!(leaders.rows[0].source, LeaderSource::ObanPeers);
    assert_eq!(
        (
            leaders.rows[0].leader.name.as_str(),
            leaders.rows[0].leader.node.as_str(),
            leaders.rows[0].leader.expired
        ),
        ("Oban", "worker-1", false)
    );
    assert!(leaders.rows[1].leader.expired);

    let python = flavour("qleaderpy", "python");
    let long_node = "n".repeat(300);
    python.sql(&format!(
        "INSERT INTO {s}.oban_producers (uuid, name, node, queue, meta) VALUES \
         ('6a1b9a52-1c07-4f7e-9d6b-2f0e3f3f0c21', 'Oban', 'py-1', 'alpha', '{{\"paused\": true, \"local_limit\": 4}}'), \
         ('6a1b9a52-1c07-4f7e-9d6b-2f0e3f3f0c22', 'Oban', {long}, 'beta', '\"not an object\"'), \
         ('6a1b9a52-1c07-4f7e-9d6b-2f0e3f3f0c23', 'Oban', 'py-2', 'gamma', jsonb_build_object('junk', repeat('x', 200000))); \
         INSERT INTO {s}.oban_leaders (name, node, elected_at, expires_at) VALUES \
         ('Oban', 'py-1', timezone('UTC', now()), timezone('UTC', now()) + interval '30 seconds')",
        s = python.quoted(),
        long = literal(&long_node),
    ));
    let producers = queues::producers(&mut conn, &python.name).unwrap().unwrap();
    assert!(!producers.truncated);
    assert_eq!(producers.rows.len(), 3);
    let alpha = producers
        .rows
        .iter()
        .find(|p| p.queue.as_deref() == Some("alpha"))
        .unwrap();
    assert_eq!(
        (alpha.meta.paused, alpha.meta.local_limit),
        (Some(true), Some(4))
    );
    assert!(alpha.updated_secs_ago.unwrap() < 60.0);
    let beta = producers
        .rows
        .iter()
        .find(|p| p.queue.as_deref() == Some("beta"))
        .unwrap();
    assert_eq!(
        beta.meta,
        Default::default(),
        "a non-object meta reads as nothing"
    );
    let node = beta.node.as_deref().unwrap();
    assert_eq!(
        node.chars().count(),
        256,
        "cut at 255 characters plus the marker"
    );
    assert!(node.ends_with('…'));
    let gamma = producers
        .rows
        .iter()
        .find(|p| p.queue.as_deref() == Some("gamma"))
        .unwrap();
    assert_eq!(
        gamma.meta_unread, None,
        "compressed on disk below the bound"
    );

    let leaders = queues::leaders(&mut conn, &python.name).unwrap();
    assert!(!leaders.has_oban_peers && leaders.has_oban_leaders);
    assert_eq!(leaders.rows[0].source, LeaderSource::ObanLeaders);
    assert_eq!(leaders.rows[0].leader.node, "py-1");
}

#[test]
fn reads_of_a_live_oban_py_node() {
    let schema = oban_py::schema("qlivepy");
    let node = PyNode::start(&schema, "py-live-1", &[("alpha", 2), ("beta", 1)]);
    let ids = oban_py::insert_jobs(&schema, "alpha", 3, r#"{"sleep_ms": 60000}"#);
    oban_py::notify(&schema, "insert", r#"{"queue":"alpha"}"#);
    let jobs = JobsTable::new(&schema.name);
    let mut conn = connect();
    let executing = oban_py::wait_for("two executing", Duration::from_secs(15), || {
        let e = queues::executing(&mut conn, &jobs, 100).unwrap();
        (e.by_queue().get("alpha") == Some(&2)).then_some(e)
    });
    assert_eq!(executing.by_node()[&Some("py-live-1".to_string())], 2);
    let counts = done(queues::queue_counts(&mut conn, &jobs, 1000).unwrap());
    let alpha = &counts.queues[0];
    assert_eq!(alpha.by_state["executing"], Count::Exact(2));
    assert_eq!(alpha.by_state["available"], Count::Exact(1));
    let waits = done(queues::oldest_available(&mut conn, &jobs).unwrap());
    assert_eq!(waits.queues.len(), 1);

    let producers = queues::producers(&mut conn, &schema.name).unwrap().unwrap();
    let mut seen: Vec<(String, String, Option<u64>, Option<bool>)> = producers
        .rows
        .iter()
        .map(|p| {
            (
                p.node.clone().unwrap(),
                p.queue.clone().unwrap(),
                p.meta.local_limit,
                p.meta.paused,
            )
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        [
            ("py-live-1".into(), "alpha".into(), Some(2), Some(false)),
            ("py-live-1".into(), "beta".into(), Some(1), Some(false)),
        ]
    );
    let leaders = oban_py::wait_for("a leader", Duration::from_secs(10), || {
        let l = queues::leaders(&mut conn, &schema.name).unwrap();
        (!l.rows.is_empty()).then_some(l)
    });
    assert_eq!(leaders.rows[0].leader.name, "Oban");
    assert_eq!(leaders.rows[0].leader.node, "py-live-1");
    let since = leaders.rows[0].leader.since.unwrap();
    assert!(leaders.rows[0].leader.expires_at.unwrap() > since);
    // A stopping node gives running jobs its grace period (0.5 s here), then abandons them: they
    // stay `executing` under its name while its producer rows are deleted. Exactly the orphans a
    // `nodes` view must flag (executing jobs on a node no liveness source knows).
    let started = std::time::Instant::now();
    assert!(node.stop(), "clean stop");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        queues::producers(&mut conn, &schema.name)
            .unwrap()
            .unwrap()
            .rows,
        []
    );
    let orphans = queues::executing(&mut conn, &jobs, 100).unwrap();
    assert_eq!(orphans.by_node()[&Some("py-live-1".to_string())], 2);
    assert_eq!(
        oban_py::states(&schema, &ids)
            .iter()
            .filter(|s| *s == "executing")
            .count(),
        2
    );
}

#[test]
fn hostile_rows_are_reported_not_fatal() {
    let schema = flavour("qhostile", "python");
    let s = schema.quoted();
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    schema.sql(&format!(
        "INSERT INTO {s}.oban_jobs (state, queue, worker, scheduled_at) VALUES ('available', 'q', 'W', '-infinity'); \
         INSERT INTO {s}.oban_jobs (state, queue, worker, completed_at) VALUES ('completed', 'q', 'W', 'infinity'); \
         INSERT INTO {s}.oban_jobs (state, queue, worker, attempted_at, attempted_by) \
           VALUES ('executing', 'q', 'W', '294000-01-01', ARRAY[NULL, 'x']::text[]); \
         INSERT INTO {s}.oban_producers (uuid, name, node, queue, meta, started_at, updated_at) \
           VALUES ('6a1b9a52-1c07-4f7e-9d6b-2f0e3f3f0c21', 'Oban', 'n', 'q', {deep}::jsonb, '-infinity', 'infinity'); \
         INSERT INTO {s}.oban_producers (uuid, name, node, queue, meta) \
           SELECT '6a1b9a52-1c07-4f7e-9d6b-2f0e3f3f0c22', 'Oban', 'n', 'r', \
                  jsonb_build_object('junk', string_agg(md5(g::text), '')) FROM generate_series(1, 8000) g; \
         INSERT INTO {s}.oban_leaders (name, node, elected_at, expires_at) VALUES ('Oban', 'n', '-infinity', 'infinity')",
        deep = literal(&deep)
    ));
    let jobs = JobsTable::new(&schema.name);
    let mut conn = connect();
    let waits = done(queues::oldest_available(&mut conn, &jobs).unwrap());
    assert_eq!(waits.queues[0].oldest_scheduled_at, DbTime::NegInfinity);
    assert_eq!(waits.queues[0].wait_secs, None);
    let executing = queues::executing(&mut conn, &jobs, 10).unwrap();
    assert_eq!(executing.groups[0].node, None, "attempted_by[1] is NULL");
    assert!(matches!(
        executing.groups[0].oldest_attempted_at,
        Some(DbTime::OutOfRange(_))
    ));
    let throughput = queues::completed_per_minute(&mut conn, &jobs, 5, 100, 100).unwrap();
    assert_eq!(throughput.per_minute[0].minute, DbTime::Infinity);
    let producers = queues::producers(&mut conn, &schema.name).unwrap().unwrap();
    let big = producers
        .rows
        .iter()
        .find(|p| p.queue.as_deref() == Some("r"))
        .unwrap();
    assert_eq!(big.meta_unread.as_deref(), Some("over 64 KiB"));
    let p = producers
        .rows
        .iter()
        .find(|p| p.queue.as_deref() == Some("q"))
        .unwrap();
    assert_eq!(p.meta, Default::default());
    assert!(
        p.meta_unread.as_deref().unwrap().contains("too deep"),
        "{:?}",
        p.meta_unread
    );
    assert_eq!(
        (p.started_at, p.updated_at),
        (Some(DbTime::NegInfinity), Some(DbTime::Infinity))
    );
    assert_eq!(p.updated_secs_ago, None);
    let leaders = queues::leaders(&mut conn, &schema.name).unwrap();
    assert_eq!(leaders.rows[0].leader.expires_at, Some(DbTime::Infinity));
    assert!(!leaders.rows[0].leader.expired);
    assert_eq!(
        done(queues::queue_counts(&mut conn, &jobs, 10).unwrap()).queues[0].by_state["executing"],
        Count::Exact(1)
    );
}
