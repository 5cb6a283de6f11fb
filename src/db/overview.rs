//! The queue overview both `obanctl queues` and the `top` dashboard show: one line per queue from
//! the bounded reads of [`super::queues`] (counts by state, the oldest available job's wait,
//! completions per minute) plus what `oban_producers` reports. Built once here so the two can
//! never disagree.

use std::collections::BTreeMap;

use diesel::pg::PgConnection;
use serde::Serialize;

use super::jobs::JobsTable;
use super::queues::{self, Count, Producers, QueueScan, ThroughputBasis};
use crate::error::CliResult;

/// One queue's line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueLine {
    pub queue: String,
    /// Only states that have jobs.
    pub counts: BTreeMap<String, Count>,
    /// The planner's estimate of the queue's rows, when its statistics single it out.
    pub estimated_rows: Option<i64>,
    /// How long the oldest available job has waited; `None` with nothing available.
    pub wait_secs: Option<f64>,
    /// Completions per minute, oldest minute first; the last is the current, partial minute.
    pub per_minute: Vec<u64>,
}

impl QueueLine {
    pub fn count(&self, state: &str) -> Count {
        self.counts.get(state).copied().unwrap_or(Count::Exact(0))
    }

    /// Completions in the last full minute (the current one is partial).
    pub fn last_full_minute(&self) -> Option<u64> {
        self.per_minute
            .len()
            .checked_sub(2)
            .map(|i| self.per_minute[i])
            .or(self.per_minute.last().copied())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    pub queues: Vec<QueueLine>,
    /// The cap each (state, queue) count stopped at, and the lower one of finished states.
    pub count_cap: i64,
    pub finished_count_cap: i64,
    /// More (state, queue) pairs exist than were read.
    pub counts_truncated: bool,
    /// The oldest-available read was not made (no usable index) or was truncated.
    pub waits_complete: bool,
    pub throughput_basis: ThroughputBasis,
    pub throughput_truncated: bool,
    pub minutes: usize,
    /// `oban_producers`, when the table exists.
    pub producers: Option<Producers>,
}

impl Overview {
    pub fn line(&self, queue: &str) -> Option<&QueueLine> {
        self.queues.iter().find(|l| l.queue == queue)
    }
}

/// Reads the overview: counts capped at `count_cap`, throughput over `minutes` minutes.
/// [`QueueScan::NoIndex`] without Oban's `(state, queue, …)` index (counting would scan).
pub fn overview(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    count_cap: i64,
    minutes: i64,
) -> CliResult<QueueScan<Overview>> {
    let report = match queues::queue_counts(conn, jobs, count_cap)? {
        QueueScan::Done(report) => report,
        QueueScan::NoIndex => return Ok(QueueScan::NoIndex),
    };
    let minutes = minutes.clamp(1, 60);
    let width = minutes as usize;
    let producers = queues::producers(conn, &jobs.prefix)?;
    let mut lines: BTreeMap<String, QueueLine> = report
        .queues
        .into_iter()
        .map(|q| {
            (
                q.queue.clone(),
                QueueLine {
                    queue: q.queue,
                    counts: q.by_state,
                    estimated_rows: q.estimated_rows,
                    wait_secs: None,
                    per_minute: vec![0; width],
                },
            )
        })
        .collect();
    let waits_complete = match queues::oldest_available(conn, jobs)? {
        QueueScan::Done(waits) => {
            for wait in waits.queues {
                if let Some(line) = lines.get_mut(&wait.queue) {
                    line.wait_secs = wait.wait_secs;
                }
            }
            !waits.truncated
        }
        QueueScan::NoIndex => false,
    };
    let throughput = queues::completed_per_minute(
        conn,
        jobs,
        minutes,
        queues::DEFAULT_THROUGHPUT_CAP,
        queues::DEFAULT_THROUGHPUT_SCAN,
    )?;
    for bucket in &throughput.per_minute {
        let (Some(line), Some(minute)) = (lines.get_mut(&bucket.queue), bucket.minute.at()) else {
            continue;
        };
        let at = (minute - throughput.since).num_minutes();
        if let Ok(at) = usize::try_from(at) {
            if at < width {
                line.per_minute[at] += bucket.completed.max(0) as u64;
            }
        }
    }
    Ok(QueueScan::Done(Overview {
        queues: lines.into_values().collect(),
        count_cap: report.cap,
        finished_count_cap: report.finished_cap,
        counts_truncated: report.truncated,
        waits_complete,
        throughput_basis: throughput.basis,
        throughput_truncated: throughput.truncated,
        minutes: width,
        producers,
    }))
}
