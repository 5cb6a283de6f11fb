//! Fills a [`Snapshot`] from the database: a handful of bounded read-only transactions per
//! refresh (see [`QUERIES_PER_REFRESH`]), each pane in its own, so one that cannot be read (a
//! missing table, a denied privilege) makes only that pane `unknown`.
//!
//! Sources: the queue rows come from the `queues` read functions (`db::queues`) in
//! [`Gatherer::queues`]; the failure groups from [`Gatherer::failures`] (the `jobs errors`
//! read and grouping, `db::triage` and `triage`); node liveness from Powertools heartbeats in [`Gatherer::header`].

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::pg::PgConnection;

use super::failures;
use super::snapshot::{
    ActivityLine, CheckStatus, Count, DoctorStatus, FailureGroup, Header, Known, NodeCounts,
    QueueRow, Snapshot,
};
use crate::audit_trail::{AuditFilter, FollowWindow, FOLLOW_OVERLAP};
use crate::db::catalog::{self, MigrationVersion, ObanFlavour, ObanSchema};
use crate::db::jobs::JobsTable;
use crate::db::overview::Overview;
use crate::db::queues::{self as queue_reads, Producers, QueueScan};
use crate::db::{audit as audit_queries, doctor as facts, top as queries, Database};
use crate::doctor::{judge, status_of, CheckId, Severity, Status, Thresholds, Verdict};
use crate::error::{CliError, CliResult, ErrorKind};
use crate::jobs::filter::{JobFilter, TimeBound};
use crate::jobs::JobState;
use crate::redact::Redactor;
use crate::report::audit::AuditEventRecord;

/// Transactions per refresh: header, queues, failures, activity (the doctor subset adds one per
/// check every [`DOCTOR_EVERY`]).
pub const QUERIES_PER_REFRESH: usize = 4;
/// Statements per refresh: 20 queries (header 7, queues 9, failures 2, activity 2) plus each
/// transaction's settings statement.
pub const STATEMENTS_PER_REFRESH: usize = 24;
/// The doctor subset runs this often, not on every refresh.
pub const DOCTOR_EVERY: Duration = Duration::from_secs(30);
/// The failures pane looks back this far.
pub const FAILURE_WINDOW: Duration = Duration::from_secs(3600);
/// The failures pane reads at most this many of the newest failures (a floor beyond): enough to
/// rank the largest groups (`jobs errors` reads up to 100 000 by default), so a frame
/// stays within its budget on a table of millions.
pub const FAILURE_SCAN: i64 = 2_000;
/// Audit events kept for the activity pane.
pub const ACTIVITY_KEPT: usize = 200;
/// Events read when following starts, and at most per poll.
const ACTIVITY_START: i64 = 50;
const ACTIVITY_CHUNK: i64 = 1_000;
/// How far below the newest id at the start the pane waits for transactions still in flight.
const ACTIVITY_START_MARGIN: i64 = 100_000;

/// One activity read: the start (rows, high, gaps) or a poll (late ids, new ids).
enum Activity {
    Start(Vec<audit_queries::AuditRow>, i64, Vec<(i64, i64)>),
    Poll(Vec<i64>, Vec<i64>),
}
/// Each doctor check gives up after this long: the dashboard must not wait on one.
const CHECK_TIMEOUT: Duration = Duration::from_secs(2);
const CHECK_LOCK_TIMEOUT: Duration = Duration::from_millis(200);

/// The cheap doctor checks the header summarises: each bounded, none of them a table scan.
pub const DOCTOR_SUBSET: [CheckId; 6] = [
    CheckId::ObanVersion,
    CheckId::StuckExecuting,
    CheckId::OverdueAvailable,
    CheckId::LongTransactions,
    CheckId::BlockedLocks,
    CheckId::Leadership,
];

/// Counts per (state, queue) stop here, as in the `queues` overview.
pub const COUNT_CAP: i64 = queue_reads::DEFAULT_COUNT_CAP;
/// Throughput buckets: one per minute, this many minutes back (the current one included).
pub const THROUGHPUT_MINUTES: i64 = 10;
/// Why node-reported columns are unknown without `oban_producers`: the other source, the
/// nodes' gossip, needs LISTEN on a direct connection, which the dashboard does not hold.
pub const NODES_NOT_READ: &str = "no oban_producers; gossip is not read here";
const NO_INDEX: &str = "no valid (state, queue) index on oban_jobs: counting would scan the table";

/// What the producers of one queue report: `2 nodes, paused on 1, limit 10`.
fn node_column(producers: Option<&Producers>, queue: &str) -> Known<String> {
    let Some(producers) = producers else {
        return Known::unknown(NODES_NOT_READ);
    };
    let mine: Vec<_> = producers
        .rows
        .iter()
        .filter(|p| p.queue.as_deref() == Some(queue))
        .collect();
    if mine.is_empty() {
        return Known::Value("no producer".into());
    }
    let paused = mine.iter().filter(|p| p.meta.paused == Some(true)).count();
    let mut limits: Vec<u64> = mine.iter().filter_map(|p| p.meta.local_limit).collect();
    limits.sort_unstable();
    limits.dedup();
    let mut text = crate::output::fmt::count(mine.len() as i64, "node");
    if paused > 0 {
        text.push_str(&format!(", paused on {paused}"));
    }
    match limits.as_slice() {
        [] => {}
        [one] => text.push_str(&format!(", limit {one}")),
        many => text.push_str(&format!(", limits {}-{}", many[0], many[many.len() - 1])),
    }
    Known::Value(text)
}

/// The dashboard's queue rows from the overview `obanctl queues` also shows.
pub fn queue_rows(overview: &Overview) -> Vec<QueueRow> {
    overview
        .queues
        .iter()
        .map(|line| QueueRow {
            name: line.queue.clone(),
            counts: line
                .counts
                .iter()
                .map(|(state, count)| {
                    (
                        state.clone(),
                        Count {
                            n: count.value(),
                            at_least: !count.is_exact(),
                        },
                    )
                })
                .collect(),
            latency_secs: line.wait_secs,
            throughput: Known::Value(line.per_minute.clone()),
            nodes: node_column(overview.producers.as_ref(), &line.queue),
        })
        .collect()
}

pub struct Gatherer {
    db: Arc<Database>,
    redactor: Redactor,
    thresholds: Thresholds,
    follow: Option<FollowWindow>,
    activity: VecDeque<ActivityLine>,
    doctor: Option<(Instant, DoctorStatus)>,
    last: Option<Snapshot>,
}

struct HeaderFacts {
    header: Header,
    oban: Option<ObanSchema>,
    now: chrono::NaiveDateTime,
}

fn why(err: &CliError) -> String {
    err.message().to_string()
}

impl Gatherer {
    pub fn new(db: Arc<Database>, redactor: Redactor) -> Gatherer {
        Gatherer {
            db,
            redactor,
            thresholds: Thresholds::default(),
            follow: None,
            activity: VecDeque::new(),
            doctor: None,
            last: None,
        }
    }

    pub fn database(&self) -> &Arc<Database> {
        &self.db
    }

    /// One frame's data. Never fails: a pane that cannot be read says why, and when the database
    /// cannot be reached at all the previous frame is kept with the error.
    pub fn gather(&mut self) -> Snapshot {
        let started = Instant::now();
        let facts = match self.header() {
            Ok(facts) => facts,
            Err(err) => return self.failed(err),
        };
        let jobs = facts
            .oban
            .as_ref()
            .map(|o| JobsTable::for_schema(self.db.prefix(), o));
        let no_jobs = format!("no oban_jobs table in schema `{}`", self.db.prefix());
        let (queues, failures) = match &jobs {
            Some(jobs) => {
                // The two largest reads run side by side, on two of the pool's connections.
                let this = &*self;
                let (queues, failures) = std::thread::scope(|scope| {
                    let failures = scope.spawn(|| this.failures(jobs));
                    let queues = this.queues(jobs);
                    let failures = failures.join().unwrap_or_else(|_| {
                        Err(CliError::unreachable(
                            "the failures read stopped unexpectedly",
                        ))
                    });
                    (queues, failures)
                });
                match queues {
                    // A connection lost since the header was read fails the refresh as a whole.
                    Err(err) if err.is(ErrorKind::Unreachable) => return self.failed(err),
                    queues => (known(queues), known(failures)),
                }
            }
            None => (Known::unknown(&no_jobs), Known::unknown(&no_jobs)),
        };
        let activity = self.activity();
        let mut header = facts.header;
        header.doctor = self.doctor(facts.oban.as_ref());
        let snapshot = Snapshot {
            header,
            queues,
            failures,
            activity,
            taken_at: Some(facts.now.into()),
            gather_ms: started.elapsed().as_millis() as u64,
            error: None,
        };
        self.last = Some(snapshot.clone());
        snapshot
    }

    fn failed(&self, err: CliError) -> Snapshot {
        let mut snapshot = self
            .last
            .clone()
            .unwrap_or_else(|| Snapshot::loading(self.db.prefix()));
        snapshot.error = Some(format!("refresh failed: {}", why(&err)));
        snapshot
    }

    /// Database, Oban flavour, leader, node liveness.
    fn header(&self) -> CliResult<HeaderFacts> {
        let (prefix, pt) = (self.db.prefix(), self.db.powertools_schema());
        self.db.read(|conn| {
            let server = facts::server_info(conn)?;
            let now = crate::db::now(conn)?;
            let oban = catalog::oban_schema(conn, prefix)?;
            // `15.20 (Debian 15.20-0+deb12u1)`: the number is what fits a header.
            let version = server
                .server_version
                .split_whitespace()
                .next()
                .unwrap_or_default();
            let database = format!(
                "{} (PG {version}{})",
                server.name,
                if server.in_recovery { ", replica" } else { "" }
            );
            let flavour = match &oban {
                None => Known::unknown(format!("no oban_jobs in `{prefix}`")),
                Some(o) => Known::Value(flavour_text(o)),
            };
            let leader = match &oban {
                None => Known::unknown("no Oban schema"),
                Some(o) => {
                    let leaders = facts::leadership(conn, prefix, o.flavour)?;
                    match leaders.table {
                        None => Known::unknown("no oban_peers or oban_leaders table"),
                        Some(_) => Known::Value(
                            leaders
                                .rows
                                .iter()
                                .find(|l| l.expires_in_secs > 0.0)
                                .map(|l| l.node.clone()),
                        ),
                    }
                }
            };
            let nodes = match queries::liveness(conn, pt)? {
                Some(l) => Known::Value(NodeCounts {
                    alive: l.alive,
                    late: l.late,
                    missing: l.missing,
                }),
                None => Known::unknown(format!("no oban_powertools_heartbeats in `{pt}`")),
            };
            Ok(HeaderFacts {
                header: Header {
                    database: Known::Value(database),
                    prefix: prefix.to_string(),
                    flavour,
                    leader,
                    nodes,
                    doctor: Known::unknown("not run yet"),
                },
                oban,
                now,
            })
        })
    }

    /// The queue rows, from the `queues` read functions (`db::queues`): bounded counts per
    /// state, the oldest available job's wait, completions per minute, and what
    /// `oban_producers` reports (paused, local limit) where that table exists.
    fn queues(&self, jobs: &JobsTable) -> CliResult<Vec<QueueRow>> {
        self.db.read(|conn| {
            let overview =
                match crate::db::overview::overview(conn, jobs, COUNT_CAP, THROUGHPUT_MINUTES)? {
                    QueueScan::Done(overview) => overview,
                    QueueScan::NoIndex => {
                        return Err(CliError::refused(NO_INDEX.to_string()));
                    }
                };
            Ok(queue_rows(&overview))
        })
    }

    /// The failure groups of the last hour, grouped as `jobs errors` groups them (its bounded
    /// read, at most [`FAILURE_SCAN`] of the newest failures).
    fn failures(&self, jobs: &JobsTable) -> CliResult<Vec<FailureGroup>> {
        let rows = self.db.read(|conn| {
            let mut filter = JobFilter {
                states: vec![JobState::Retryable, JobState::Discarded],
                since: Some(TimeBound::Ago(FAILURE_WINDOW)),
                ..JobFilter::default()
            };
            filter.freeze(crate::db::now(conn)?);
            crate::db::triage::newest_failures(conn, jobs, &filter, FAILURE_SCAN)
        })?;
        let sampled = rows.len() as i64 >= FAILURE_SCAN;
        Ok(failures::group(&rows, sampled))
    }

    /// The newest audit events, following new ones as `audit tail --follow` does.
    fn activity(&mut self) -> Known<Vec<ActivityLine>> {
        let schema = self.db.powertools_schema().to_string();
        let table = audit_queries::table(&schema);
        let filter = AuditFilter::default();
        let follow = self.follow.take();
        // The first read takes the newest events and where following starts in one snapshot, so
        // nothing falls between the two; later reads poll the window as `audit tail --follow`.
        let read = self.db.read_snapshot(|conn| {
            if !catalog::table_exists(conn, &schema, "oban_powertools_audit_events")? {
                return Ok(None);
            }
            Ok(Some(match &follow {
                None => {
                    let (high, gaps) =
                        audit_queries::follow_start(conn, &table, ACTIVITY_START_MARGIN)?;
                    let newest = audit_queries::newest(conn, &table, &filter, ACTIVITY_START)?;
                    Activity::Start(newest.into_iter().rev().collect(), high, gaps)
                }
                Some(window) => {
                    let (late, new) = audit_queries::follow_poll(
                        conn,
                        &table,
                        &filter,
                        window.high(),
                        window.pending(),
                        ACTIVITY_CHUNK,
                    )?;
                    // The filter is empty, so every id matches.
                    let ids = |list: &[(i64, bool)]| list.iter().map(|(id, _)| *id).collect();
                    Activity::Poll(ids(&late), ids(&new))
                }
            }))
        });
        let now = Instant::now();
        let (rows, window) = match (read, follow) {
            (Ok(Some(Activity::Start(rows, high, gaps))), _) => {
                (rows, FollowWindow::new(high, &gaps, now, FOLLOW_OVERLAP))
            }
            (Ok(Some(Activity::Poll(late, new))), Some(mut window)) => {
                let visible = window.observe(now, &late, &new);
                match self
                    .db
                    .read(|conn| audit_queries::by_ids(conn, &table, visible))
                {
                    Ok(rows) => (rows, window),
                    Err(err) => {
                        // The ids are consumed; the next poll goes on from the new high.
                        self.follow = Some(window);
                        return Known::Unknown(why(&err));
                    }
                }
            }
            (Ok(Some(Activity::Poll(..))), None) => unreachable!("a poll needs a window"),
            (Ok(None), _) => {
                return Known::unknown(format!("no oban_powertools_audit_events in `{schema}`"))
            }
            (Err(err), follow) => {
                self.follow = follow;
                return Known::Unknown(why(&err));
            }
        };
        let mut window = window;
        for row in &rows {
            let record = AuditEventRecord::from_row(row, &self.redactor);
            self.activity.push_back(ActivityLine {
                id: record.id,
                at: record.inserted_at,
                actor: record.actor,
                action: match record.operation {
                    Some(op) => format!("{} ({op})", record.action),
                    None => record.action,
                },
                target: record.resource.unwrap_or_else(|| "-".into()),
                reason: record.reason,
                outcome: record.outcome,
            });
        }
        window.expire(now);
        self.follow = Some(window);
        // Late commits arrive out of order: keep the pane in id order.
        self.activity.make_contiguous().sort_by_key(|a| a.id);
        while self.activity.len() > ACTIVITY_KEPT {
            self.activity.pop_front();
        }
        Known::Value(self.activity.iter().cloned().collect())
    }

    /// The doctor subset, rerun every [`DOCTOR_EVERY`].
    fn doctor(&mut self, oban: Option<&ObanSchema>) -> Known<DoctorStatus> {
        if let Some((at, status)) = &self.doctor {
            if at.elapsed() < DOCTOR_EVERY {
                let mut status = status.clone();
                status.age_secs = at.elapsed().as_secs();
                return Known::Value(status);
            }
        }
        let status = run_doctor_subset(&self.db, &self.thresholds, oban);
        self.doctor = Some((Instant::now(), status.clone()));
        Known::Value(status)
    }
}

/// A pane's read, or why it could not be read.
fn known<T>(read: CliResult<T>) -> Known<T> {
    match read {
        Ok(value) => Known::Value(value),
        Err(err) => Known::Unknown(why(&err)),
    }
}

fn flavour_text(oban: &ObanSchema) -> String {
    match (oban.flavour, &oban.version) {
        (ObanFlavour::Python, _) => "oban-py".to_string(),
        (ObanFlavour::Elixir, MigrationVersion::Number(n)) => format!("Oban v{n}"),
        (ObanFlavour::Elixir, MigrationVersion::Infinity) => "Oban (Pro partitioned)".to_string(),
        (ObanFlavour::Elixir, _) => "Oban (version unknown)".to_string(),
    }
}

/// Runs [`DOCTOR_SUBSET`], each check in its own short transaction, judged as `doctor` judges.
pub fn run_doctor_subset(
    db: &Database,
    thresholds: &Thresholds,
    oban: Option<&ObanSchema>,
) -> DoctorStatus {
    let (prefix, pt) = (db.prefix(), db.powertools_schema());
    let flavour = oban.map(|o| o.flavour).unwrap_or(ObanFlavour::Elixir);
    let t = thresholds;
    let run = |check: &dyn Fn(&mut PgConnection) -> CliResult<Verdict>| {
        db.read_bounded(CHECK_TIMEOUT, CHECK_LOCK_TIMEOUT, check)
    };
    let mut checks = Vec::new();
    let mut problems: Vec<(Severity, String)> = Vec::new();
    for id in DOCTOR_SUBSET {
        if id.info().needs_oban_jobs && oban.is_none() {
            checks.push(CheckStatus {
                check: id.name().to_string(),
                status: Status::Skipped.label().to_string(),
            });
            continue;
        }
        let verdict = match id {
            CheckId::ObanVersion => run(&|c| {
                Ok(judge::oban_version(
                    prefix,
                    &facts::version(c, prefix)?,
                    t.oban_version,
                ))
            }),
            CheckId::StuckExecuting => run(&|c| {
                Ok(judge::stuck_executing(
                    &facts::stuck(c, prefix, pt, t.stuck_after_secs)?,
                    t.stuck_after_secs,
                ))
            }),
            CheckId::OverdueAvailable => run(&|c| {
                Ok(judge::overdue_available(
                    &facts::overdue(c, prefix, t.overdue_after_secs, flavour)?,
                    t.overdue_after_secs,
                ))
            }),
            CheckId::LongTransactions => run(&|c| {
                Ok(judge::long_transactions(
                    &facts::long_transactions(c, t.long_transaction_secs)?,
                    t.long_transaction_secs,
                ))
            }),
            CheckId::BlockedLocks => {
                run(&|c| Ok(judge::blocked_locks(&facts::blocked(c, prefix)?)))
            }
            _ => run(&|c| Ok(judge::leadership(&facts::leadership(c, prefix, flavour)?))),
        };
        let status = match &verdict {
            Ok(v) if v.not_applicable => Status::Skipped,
            Ok(v) => status_of(&v.findings),
            Err(_) => Status::CannotRun,
        };
        match verdict {
            Ok(v) => problems.extend(v.findings.into_iter().map(|f| (f.severity, f.message))),
            Err(err) => problems.push((
                Severity::Error,
                format!("{} could not run: {}", id.name(), why(&err)),
            )),
        }
        checks.push(CheckStatus {
            check: id.name().to_string(),
            status: status.label().to_string(),
        });
    }
    let errors = problems
        .iter()
        .filter(|(s, _)| *s == Severity::Error)
        .count();
    let first_problem = problems
        .iter()
        .find(|(s, _)| *s == Severity::Error)
        .or_else(|| problems.first())
        .map(|(_, m)| m.clone());
    DoctorStatus {
        errors,
        warnings: problems.len() - errors,
        checks,
        first_problem,
        age_secs: 0,
    }
}
