//! The dashboard's view model: plain data, gathered on the poller thread and sent to the screen
//! over a channel. Nothing here touches the database or the terminal; text from the database is
//! kept as it is stored and neutralised only when painted.

use std::collections::BTreeMap;

use crate::decode::Timestamp;

/// A value, or why it is not known here (no such table, a pooler that cannot LISTEN, a query
/// that failed). The screen and `metrics` say `unknown` and the reason, never a guess.
#[derive(Debug, Clone, PartialEq)]
pub enum Known<T> {
    Value(T),
    Unknown(String),
}

impl<T> Known<T> {
    pub fn unknown(why: impl Into<String>) -> Known<T> {
        Known::Unknown(why.into())
    }

    pub fn value(&self) -> Option<&T> {
        match self {
            Known::Value(v) => Some(v),
            Known::Unknown(_) => None,
        }
    }

    pub fn as_ref(&self) -> Known<&T> {
        match self {
            Known::Value(v) => Known::Value(v),
            Known::Unknown(why) => Known::Unknown(why.clone()),
        }
    }
}

/// A count that may have stopped at a bound (then it is a floor: "at least").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    pub n: i64,
    pub at_least: bool,
}

impl Count {
    pub fn exact(n: i64) -> Count {
        Count { n, at_least: false }
    }

    pub fn add(&mut self, other: Count) {
        self.n += other.n;
        self.at_least |= other.at_least;
    }
}

/// The states a queue row shows, in column order.
pub const QUEUE_STATES: [&str; 8] = [
    "available",
    "executing",
    "scheduled",
    "retryable",
    "suspended",
    "completed",
    "discarded",
    "cancelled",
];

/// One queue, as the `queues` command lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueRow {
    pub name: String,
    /// Jobs by state (only states with jobs are present).
    pub counts: BTreeMap<String, Count>,
    /// How long the oldest available job has waited; `None` with nothing available.
    pub latency_secs: Option<f64>,
    /// Completions per minute, oldest minute first (the last is the current, partial minute).
    pub throughput: Known<Vec<u64>>,
    /// What the nodes running this queue report (paused, local limits).
    pub nodes: Known<String>,
}

impl QueueRow {
    pub fn count(&self, state: &str) -> Count {
        self.counts.get(state).copied().unwrap_or_default()
    }

    /// Completions in the last full minute, if known.
    pub fn per_minute(&self) -> Option<u64> {
        let minutes = self.throughput.value()?;
        // The current minute is partial: the one before it is the honest rate.
        minutes
            .len()
            .checked_sub(2)
            .map(|i| minutes[i])
            .or(minutes.last().copied())
    }
}

/// Jobs that failed the same way: one worker, one normalised error signature.
#[derive(Debug, Clone, PartialEq)]
pub struct FailureGroup {
    pub worker: String,
    pub signature: String,
    /// One full error text of the group, as stored (first line).
    pub example: String,
    pub count: Count,
    pub by_state: BTreeMap<String, i64>,
    pub last_at: Option<Timestamp>,
    /// The group's job ids (the ones the action and the drill-down act on), newest first.
    pub job_ids: Vec<i64>,
}

/// One audit event, as `audit tail` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityLine {
    pub id: i64,
    pub at: Timestamp,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub reason: Option<String>,
    pub outcome: Option<String>,
}

/// Nodes by liveness.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NodeCounts {
    pub alive: i64,
    pub late: i64,
    pub missing: i64,
}

/// The status of one doctor check, by its stable name.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckStatus {
    pub check: String,
    /// `ok`, `warning`, `error`, `skipped`, `cannot_run`.
    pub status: String,
}

/// The cheap doctor checks, refreshed less often than the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct DoctorStatus {
    pub errors: usize,
    pub warnings: usize,
    pub checks: Vec<CheckStatus>,
    /// The first error (else warning) message, for the header.
    pub first_problem: Option<String>,
    /// Seconds since these checks ran.
    pub age_secs: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// Database name and server version.
    pub database: Known<String>,
    pub prefix: String,
    /// `Oban v14` (Elixir, by migration version), `oban-py`.
    pub flavour: Known<String>,
    /// The leader node; `Value(None)`: nobody leads.
    pub leader: Known<Option<String>>,
    pub nodes: Known<NodeCounts>,
    pub doctor: Known<DoctorStatus>,
}

/// Everything one frame shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub header: Header,
    pub queues: Known<Vec<QueueRow>>,
    pub failures: Known<Vec<FailureGroup>>,
    /// Newest last.
    pub activity: Known<Vec<ActivityLine>>,
    /// The database clock when gathered.
    pub taken_at: Option<Timestamp>,
    pub gather_ms: u64,
    /// Why the last refresh failed as a whole (the panes then keep their last values).
    pub error: Option<String>,
}

impl Snapshot {
    /// What the screen shows before the first refresh arrives.
    pub fn loading(prefix: &str) -> Snapshot {
        const WAITING: &str = "loading";
        Snapshot {
            header: Header {
                database: Known::unknown(WAITING),
                prefix: prefix.to_string(),
                flavour: Known::unknown(WAITING),
                leader: Known::unknown(WAITING),
                nodes: Known::unknown(WAITING),
                doctor: Known::unknown(WAITING),
            },
            queues: Known::unknown(WAITING),
            failures: Known::unknown(WAITING),
            activity: Known::unknown(WAITING),
            taken_at: None,
            gather_ms: 0,
            error: None,
        }
    }

    pub fn queue_rows(&self) -> &[QueueRow] {
        self.queues.value().map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn failure_groups(&self) -> &[FailureGroup] {
        self.failures.value().map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn activity_lines(&self) -> &[ActivityLine] {
        self.activity.value().map(Vec::as_slice).unwrap_or(&[])
    }
}
