//! `doctor`'s domain: the catalogue of checks, findings and statuses, the exit-code policy, and
//! (in [`judge`]) the rules that turn what the database reported into findings. No database access
//! here: `db::doctor` gathers facts, `commands::doctor` runs and prints.
//!
//! Compatibility with `mix oban_powertools.doctor`: exit 0 clean / 1 warnings / 2 errors, the JSON
//! keys `schema_version`, `prefix`, `exit_code` and `findings[{check, severity, message,
//! remediation}]`, and its check names accepted as aliases of ours.

pub mod indexes;
pub mod judge;

use serde::Serialize;
use serde_json::Value;

/// Bumped only when a key changes meaning or disappears; new keys are additions.
pub const JSON_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckId {
    ObanVersion,
    IndexValidity,
    MissingIndexes,
    PowertoolsTables,
    UniquenessBacklog,
    ExpiredDeadlines,
    StuckExecuting,
    OverdueAvailable,
    TableBloat,
    CompletedBacklog,
    LongTransactions,
    BlockedLocks,
    Leadership,
}

pub struct CheckInfo {
    pub id: CheckId,
    pub name: &'static str,
    /// Names the Elixir doctor used for the same check.
    pub aliases: &'static [&'static str],
    pub title: &'static str,
    /// Whether the check reads `<prefix>.oban_jobs` (skipped when it does not exist).
    pub needs_oban_jobs: bool,
    pub explain: &'static str,
}

pub const CHECKS: &[CheckInfo] = &[
    CheckInfo {
        id: CheckId::ObanVersion,
        name: "oban_version",
        aliases: &["oban_migration_version"],
        title: "oban_jobs exists and its migration version matches the Oban the app runs",
        needs_oban_jobs: false,
        explain: "\
Reads the migration version Elixir Oban writes as the comment on oban_jobs and compares it with
--oban-version (the version the application's Oban library expects, 14 for Oban 2.21 and later).
  error    oban_jobs is missing from the prefix (root cause: the other oban_jobs checks are
           skipped), or the database is behind the library
  warning  the database is ahead of the library, or an Elixir-created table lost its comment
           (for example restored with pg_dump --no-comments), or the comment is not a number
  ok       equal; `∞` (Oban Pro's DynamicPartitioner manages the table); or an oban-py schema,
           which records no version (told apart by its `errors jsonb` column)
Fix: run the Oban migrations of the application (mix ecto.migrate), or pass --oban-version when
the application intentionally runs an older Oban.",
    },
    CheckInfo {
        id: CheckId::IndexValidity,
        name: "index_validity",
        aliases: &[],
        title: "no INVALID indexes on the Oban and Powertools tables",
        needs_oban_jobs: false,
        explain: "\
Looks for indexes with indisvalid or indisready false on oban_jobs, oban_peers (or oban-py's
oban_leaders/oban_producers) and every Powertools table. Such an index is maintained on every
write but never used: a failed CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY leaves one.
  warning  the build is still running (pg_stat_progress_create_index): check again later
  error    a failed build; the fix depends on the leftover:
           <name>_ccnew   DROP INDEX CONCURRENTLY it, then retry REINDEX INDEX CONCURRENTLY
           <name>_ccold   DROP INDEX CONCURRENTLY it
           a UNIQUE index DROP it, remove the duplicate rows, then create it again (a REINDEX
                          fails again on the same duplicates and leaves a _ccnew behind)
           otherwise      REINDEX INDEX CONCURRENTLY",
    },
    CheckInfo {
        id: CheckId::MissingIndexes,
        name: "missing_indexes",
        aliases: &[],
        title: "oban_jobs has the indexes its Oban version and flavour expect",
        needs_oban_jobs: true,
        explain: "\
Compares the indexes on oban_jobs, by definition, with the set the recorded migration version
creates (v8 state/queue/priority index, v10 GIN indexes on args and meta, v13 state/cancelled_at
and state/discarded_at), or with oban-py's set for oban-py schemas.
  error    an expected index is missing: the exact CREATE INDEX CONCURRENTLY is printed. A version
           14 table missing all of its state indexes was migrated through Oban 2.21.0 (its type
           swap dropped them); `mix ecto.migrate` cannot repair that, the statements can
  warning  an expected name with another definition; indexes older migrations dropped (they slow
           every write); the V01-V11 notify trigger still installed
  ok       an equivalent index under another name counts as present (noted in the summary)",
    },
    CheckInfo {
        id: CheckId::PowertoolsTables,
        name: "powertools_tables",
        aliases: &[],
        title: "the 27 Powertools tables exist in --powertools-schema, with every column",
        needs_oban_jobs: false,
        explain: "\
Looks for the 27 oban_powertools_* tables in --powertools-schema, grouped by the feature area that
uses them (foundation, smart-engine, workflow, heartbeat-lifeline, output-recording), and for
obanctl's audit chain table.
  error    some tables of the set exist and others are missing (an interrupted install); a
           table lacks columns of the final schema (an older migration created it, such as the
           batches table of the library's examples/phoenix_host)
  warning  no Powertools table at all (obanctl can read jobs, but mutations, cron, limiter,
           workflow and audit commands need them); the audit chain is missing (audit rows are not
           tamper-evident); the 0.5.x callbacks outbox was never renamed
Fix: obanctl install --powertools-schema <schema> (idempotent: it completes partial installs).",
    },
    CheckInfo {
        id: CheckId::UniquenessBacklog,
        name: "uniqueness_backlog",
        aliases: &["uniqueness_timeout_risk"],
        title: "the backlog Oban's unique checks scan stays below a threshold",
        needs_oban_jobs: true,
        explain: "\
Oban's unique-job check scans jobs in the unique states (by default suspended, available,
scheduled, executing, retryable and completed) under an advisory lock; a large backlog makes every
unique insert slow. Counts each state up to --backlog-threshold rows (never an unbounded count).
  warning  the backlog reached --backlog-threshold (error with --strict)
The args/meta GIN indexes unique checks rely on are reported once, by missing_indexes.",
    },
    CheckInfo {
        id: CheckId::ExpiredDeadlines,
        name: "expired_deadlines",
        aliases: &["expired_deadline_jobs"],
        title: "no retryable jobs past their Powertools deadline",
        needs_oban_jobs: true,
        explain: "\
Retryable jobs whose meta.__deadline_at__ is in the past by the database clock will be retried
although their deadline passed. Reported as one aggregated finding: count, oldest deadline and
sample ids. Null or malformed deadlines (including timestamps without a UTC offset, which the
library cannot parse and therefore never enforces) are counted separately.
  warning  expired or malformed deadlines (error with --strict)",
    },
    CheckInfo {
        id: CheckId::StuckExecuting,
        name: "stuck_executing",
        aliases: &[],
        title: "no jobs executing for too long or on nodes that are gone",
        needs_oban_jobs: true,
        explain: "\
Executing jobs attempted longer ago than --stuck-after, and executing jobs whose node
(attempted_by[1]) is absent from every liveness source that lists all nodes: oban_producers
(oban-py, Oban Pro) and Powertools heartbeats that are not missing. oban_peers lists only the
leader, so it alone cannot prove a node gone.
  warning  such jobs exist. Oban's Lifeline plugin rescues orphans after its rescue_after; to act
           now, cancel or discard them with obanctl jobs (executing jobs also get pkill)",
    },
    CheckInfo {
        id: CheckId::OverdueAvailable,
        name: "overdue_available",
        aliases: &["stale_available"],
        title: "due jobs are picked up and staged in time",
        needs_oban_jobs: true,
        explain: "\
Available jobs due longer ago than --overdue-after, per queue: no node consumes the queue, or it
is paused. Scheduled and retryable jobs due longer ago than --overdue-after: nothing stages them,
which is the leader's job (see leadership). Counts stop at 10 000 rows.
  warning  overdue jobs, with the likely cause when the database shows it (no live leader, a
           paused producer, no producer for the queue); available jobs with no attempt left
           (attempt >= max_attempts), of any age, get a finding of their own: Oban never fetches
           them, and `obanctl jobs retry` repairs them (it grants one more attempt)",
    },
    CheckInfo {
        id: CheckId::TableBloat,
        name: "table_bloat",
        aliases: &[],
        title: "dead tuples on oban_jobs stay low and autovacuum keeps up",
        needs_oban_jobs: true,
        explain: "\
oban_jobs is updated on every state change, so dead tuples pile up quickly. Reads the dead-tuple
ratio and last (auto)vacuum from pg_stat_user_tables, and the table's autovacuum options.
  warning  dead tuples above --dead-ratio of all tuples; autovacuum disabled for the table
  error    dead tuples above --dead-ratio-error
Below 10 000 tuples the ratio is not judged. The fix suggests per-table autovacuum settings
(the values oban-py sets for itself).",
    },
    CheckInfo {
        id: CheckId::CompletedBacklog,
        name: "completed_backlog",
        aliases: &["pruner_lag"],
        title: "the pruner keeps finished jobs from piling up",
        needs_oban_jobs: true,
        explain: "\
Counts completed, cancelled and discarded jobs that finished longer ago than --completed-age, up
to --completed-backlog rows per state, and reports the table size. Many old rows mean the Pruner
plugin is not running or keeps them too long; they also slow unique checks on `completed`.
  warning  --completed-backlog or more such rows in a state",
    },
    CheckInfo {
        id: CheckId::LongTransactions,
        name: "long_transactions",
        aliases: &[],
        title: "no transactions hold back vacuum",
        needs_oban_jobs: false,
        explain: "\
Sessions of this database whose transaction is older than --long-transaction and holds a snapshot
(backend_xmin), or that sit idle in transaction that long: vacuum cannot remove dead jobs while
they last, so oban_jobs bloats. A role without pg_read_all_stats sees only its own sessions; the
summary says so.
  warning  such sessions, with pid, user, application and age",
    },
    CheckInfo {
        id: CheckId::BlockedLocks,
        name: "blocked_locks",
        aliases: &[],
        title: "no sessions are waiting for locks on oban_jobs",
        needs_oban_jobs: true,
        explain: "\
Sessions waiting for a lock on oban_jobs (or rows of it), and the pids that block them, from
pg_locks and pg_blocking_pids(). Workers fetching jobs never wait (SKIP LOCKED), so waiters are
usually migrations, manual SQL or bulk updates.
  warning  waiting sessions",
    },
    CheckInfo {
        id: CheckId::Leadership,
        name: "leadership",
        aliases: &[],
        title: "one Oban node holds a live leadership",
        needs_oban_jobs: true,
        explain: "\
Reads oban_peers (Elixir) or oban_leaders (oban-py). The leader runs the cron, pruner and stager
plugins; without one, scheduled jobs are not staged and cron does not fire.
  warning  no leader row (no Oban node is running with peers), or only expired rows (the leader
           died and nothing took over)
  skipped  the schema predates the peers table (migration version 11)",
    },
];

impl CheckId {
    pub fn info(self) -> &'static CheckInfo {
        CHECKS
            .iter()
            .find(|c| c.id == self)
            .expect("every check id is catalogued")
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// By name or by the Elixir doctor's name for it.
    pub fn parse(text: &str) -> Option<CheckId> {
        let text = text.trim();
        CHECKS
            .iter()
            .find(|c| c.name == text || c.aliases.contains(&text))
            .map(|c| c.id)
    }

    pub fn all() -> impl Iterator<Item = CheckId> {
        CHECKS.iter().map(|c| c.id)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Warning,
    Error,
    Skipped,
    CannotRun,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warning => "warning",
            Status::Error => "error",
            Status::Skipped => "skipped",
            Status::CannotRun => "cannot_run",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub check: CheckId,
    pub severity: Severity,
    pub message: String,
    pub remediation: Option<String>,
    /// Stable machine-readable kind, e.g. `INDEX_INVALID`.
    pub code: &'static str,
    /// What the finding is about (an index, a table, a queue), when it is about one thing.
    pub subject: Option<String>,
    pub data: Value,
    /// Statements that fix it, ready to run (identifiers quoted).
    pub remediation_sql: Option<String>,
}

impl Finding {
    pub fn new(check: CheckId, severity: Severity, code: &'static str, message: String) -> Self {
        Finding {
            check,
            severity,
            message,
            remediation: None,
            code,
            subject: None,
            data: Value::Object(Default::default()),
            remediation_sql: None,
        }
    }

    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    pub fn hint(mut self, remediation: impl Into<String>) -> Self {
        self.remediation = Some(remediation.into());
        self
    }

    pub fn sql(mut self, sql: impl Into<String>) -> Self {
        self.remediation_sql = Some(sql.into());
        self
    }

    pub fn data(mut self, data: Value) -> Self {
        self.data = data;
        self
    }
}

/// What one check concluded: a one-line summary for people plus its findings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Verdict {
    pub summary: String,
    pub findings: Vec<Finding>,
    /// Set when the check does not apply to this database (the summary says why).
    pub not_applicable: bool,
}

impl Verdict {
    pub fn ok(summary: impl Into<String>) -> Self {
        Verdict {
            summary: summary.into(),
            ..Verdict::default()
        }
    }

    pub fn not_applicable(summary: impl Into<String>) -> Self {
        Verdict {
            summary: summary.into(),
            not_applicable: true,
            ..Verdict::default()
        }
    }

    pub fn with(summary: impl Into<String>, findings: Vec<Finding>) -> Self {
        Verdict {
            summary: summary.into(),
            findings,
            not_applicable: false,
        }
    }
}

/// When the process should fail (exit 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum FailOn {
    /// Errors exit 2, warnings alone exit 1 (the original doctor's contract)
    Error,
    /// Warnings exit 2 too
    Warning,
    /// Always exit 0 once the checks ran (report only)
    Never,
}

/// `--strict`: warnings of the backlog and deadline checks count as errors, as in the original.
pub fn apply_strict(findings: &mut [Finding]) {
    for finding in findings {
        if matches!(
            finding.check,
            CheckId::UniquenessBacklog | CheckId::ExpiredDeadlines
        ) {
            finding.severity = Severity::Error;
        }
    }
}

/// A check's status from its findings (skipped and cannot-run are decided by the runner).
pub fn status_of(findings: &[Finding]) -> Status {
    if findings.iter().any(|f| f.severity == Severity::Error) {
        Status::Error
    } else if findings.is_empty() {
        Status::Ok
    } else {
        Status::Warning
    }
}

pub fn exit_code(findings: &[Finding], fail_on: FailOn) -> u8 {
    let errors = findings.iter().any(|f| f.severity == Severity::Error);
    let warnings = findings.iter().any(|f| f.severity == Severity::Warning);
    match fail_on {
        FailOn::Never => 0,
        FailOn::Warning if errors || warnings => 2,
        FailOn::Error if errors => 2,
        FailOn::Error if warnings => 1,
        _ => 0,
    }
}

/// Errors first, then by check order, then by subject: the same database gives the same report.
pub fn sort_findings(findings: &mut [Finding]) {
    findings
        .sort_by(|a, b| (a.severity, a.check, &a.subject).cmp(&(b.severity, b.check, &b.subject)));
}

/// Every threshold a check uses, echoed in the report so a reader knows what "ok" meant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thresholds {
    pub oban_version: i64,
    pub backlog: i64,
    pub stuck_after_secs: u64,
    pub overdue_after_secs: u64,
    pub dead_ratio: f64,
    pub dead_ratio_error: f64,
    pub completed_age_secs: u64,
    pub completed_backlog: i64,
    pub long_transaction_secs: u64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            oban_version: crate::install::OBAN_CURRENT_VERSION,
            backlog: 50_000,
            stuck_after_secs: 3600,
            overdue_after_secs: 300,
            dead_ratio: 0.2,
            dead_ratio_error: 0.5,
            completed_age_secs: 86_400,
            completed_backlog: 100_000,
            long_transaction_secs: 300,
        }
    }
}

/// Oban's default unique states (`Oban.Job.unique_states(:successful)`).
pub const UNIQUE_STATES: &[&str] = &[
    "suspended",
    "available",
    "scheduled",
    "executing",
    "retryable",
    "completed",
];

/// How many ids a finding lists as examples.
pub const SAMPLE_SIZE: i64 = 5;
/// Row counts of the queue checks stop here.
pub const OVERDUE_CAP: i64 = 10_000;

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(check: CheckId, severity: Severity) -> Finding {
        Finding::new(check, severity, "TEST", "m".into())
    }

    #[test]
    fn every_check_is_catalogued_once_with_a_unique_name() {
        let names: std::collections::BTreeSet<_> = CHECKS.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), CHECKS.len());
        for check in CheckId::all() {
            assert_eq!(CheckId::parse(check.name()), Some(check));
        }
    }

    #[test]
    fn elixir_names_are_aliases() {
        assert_eq!(
            CheckId::parse("oban_migration_version"),
            Some(CheckId::ObanVersion)
        );
        assert_eq!(
            CheckId::parse("uniqueness_timeout_risk"),
            Some(CheckId::UniquenessBacklog)
        );
        assert_eq!(
            CheckId::parse("expired_deadline_jobs"),
            Some(CheckId::ExpiredDeadlines)
        );
        assert_eq!(CheckId::parse("nope"), None);
    }

    #[test]
    fn exit_codes_follow_the_original_contract_and_fail_on() {
        let warn = vec![finding(CheckId::Leadership, Severity::Warning)];
        let err = vec![
            finding(CheckId::Leadership, Severity::Warning),
            finding(CheckId::MissingIndexes, Severity::Error),
        ];
        assert_eq!(exit_code(&[], FailOn::Error), 0);
        assert_eq!(exit_code(&warn, FailOn::Error), 1);
        assert_eq!(exit_code(&err, FailOn::Error), 2);
        assert_eq!(exit_code(&warn, FailOn::Warning), 2);
        assert_eq!(exit_code(&[], FailOn::Warning), 0);
        assert_eq!(exit_code(&err, FailOn::Never), 0);
    }

    #[test]
    fn strict_promotes_only_backlog_and_deadlines() {
        let mut findings = vec![
            finding(CheckId::UniquenessBacklog, Severity::Warning),
            finding(CheckId::ExpiredDeadlines, Severity::Warning),
            finding(CheckId::Leadership, Severity::Warning),
        ];
        apply_strict(&mut findings);
        let severities: Vec<_> = findings.iter().map(|f| f.severity).collect();
        assert_eq!(
            severities,
            [Severity::Error, Severity::Error, Severity::Warning]
        );
    }

    #[test]
    fn findings_sort_errors_first_then_check_then_subject() {
        let mut findings = vec![
            finding(CheckId::Leadership, Severity::Warning),
            finding(CheckId::MissingIndexes, Severity::Error).subject("b"),
            finding(CheckId::MissingIndexes, Severity::Error).subject("a"),
            finding(CheckId::IndexValidity, Severity::Warning),
        ];
        sort_findings(&mut findings);
        let order: Vec<_> = findings
            .iter()
            .map(|f| (f.check.name(), f.subject.clone()))
            .collect();
        assert_eq!(
            order,
            [
                ("missing_indexes", Some("a".into())),
                ("missing_indexes", Some("b".into())),
                ("index_validity", None),
                ("leadership", None)
            ]
        );
    }

    #[test]
    fn status_follows_the_worst_finding() {
        assert_eq!(status_of(&[]), Status::Ok);
        assert_eq!(
            status_of(&[finding(CheckId::Leadership, Severity::Warning)]),
            Status::Warning
        );
        assert_eq!(
            status_of(&[
                finding(CheckId::Leadership, Severity::Warning),
                finding(CheckId::Leadership, Severity::Error)
            ]),
            Status::Error
        );
    }
}
