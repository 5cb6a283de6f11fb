//! Job states and the rules for changing them. Pure: no database access.

pub mod archive;
pub mod bulk;
pub mod filter;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// Oban's eight job states. Compared as text everywhere: the enum's order differs between the
/// Elixir and Python installs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Available,
    Suspended,
    Scheduled,
    Executing,
    Retryable,
    Completed,
    Discarded,
    Cancelled,
}

impl JobState {
    pub const ALL: [JobState; 8] = [
        JobState::Available,
        JobState::Suspended,
        JobState::Scheduled,
        JobState::Executing,
        JobState::Retryable,
        JobState::Completed,
        JobState::Discarded,
        JobState::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Available => "available",
            JobState::Suspended => "suspended",
            JobState::Scheduled => "scheduled",
            JobState::Executing => "executing",
            JobState::Retryable => "retryable",
            JobState::Completed => "completed",
            JobState::Discarded => "discarded",
            JobState::Cancelled => "cancelled",
        }
    }

    /// The column holding the moment a job entered this state, for `--since/--until`.
    pub fn timestamp_column(self) -> &'static str {
        match self {
            JobState::Available
            | JobState::Scheduled
            | JobState::Retryable
            | JobState::Suspended => "scheduled_at",
            JobState::Executing => "attempted_at",
            JobState::Completed => "completed_at",
            JobState::Discarded => "discarded_at",
            JobState::Cancelled => "cancelled_at",
        }
    }
}

impl fmt::Display for JobState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for JobState {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        JobState::ALL
            .into_iter()
            .find(|state| state.as_str() == s.trim().to_ascii_lowercase())
            .ok_or_else(|| {
                format!(
                    "unknown job state `{s}` (expected one of: {})",
                    JobState::ALL.map(JobState::as_str).join(", ")
                )
            })
    }
}

/// A job mutation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    Retry,
    Cancel,
    Discard,
    /// Executing jobs a dead node left behind: back to available (or discarded), as Lifeline does.
    Rescue,
}

impl Operation {
    /// The name the Elixir library uses for this action (`metadata.operation`).
    pub fn name(self) -> &'static str {
        match self {
            Operation::Retry => "job_retry",
            Operation::Cancel => "job_cancel",
            Operation::Discard => "job_discard",
            Operation::Rescue => "job_rescue",
        }
    }

    pub fn verb(self) -> &'static str {
        match self {
            Operation::Retry => "retry",
            Operation::Cancel => "cancel",
            Operation::Discard => "discard",
            Operation::Rescue => "rescue",
        }
    }

    /// `retried`, `cancelled`, `discarded`.
    pub fn past_tense(self) -> &'static str {
        match self {
            Operation::Retry => "retried",
            Operation::Cancel => "cancelled",
            Operation::Discard => "discarded",
            Operation::Rescue => "rescued",
        }
    }

    pub fn target_state(self) -> JobState {
        match self {
            Operation::Retry => JobState::Available,
            Operation::Cancel => JobState::Cancelled,
            Operation::Discard => JobState::Discarded,
            // Or discarded when no attempt is left (decided job by job).
            Operation::Rescue => JobState::Available,
        }
    }

    /// Source states this operation accepts. Retry leaves out `executing` (as Oban does),
    /// `available` except stranded jobs (no attempt left: Oban never fetches them, see
    /// [`filter::JobFilter::available_only_stranded`]), and `completed` unless asked: re-running
    /// finished work must be deliberate. Discard leaves out `executing`: Oban's node answers the
    /// kill by writing the job `cancelled`, so a discard could not keep its word (use cancel).
    pub fn allowed_states(self, include_completed: bool) -> Vec<JobState> {
        match self {
            Operation::Retry => {
                let mut states = vec![
                    JobState::Retryable,
                    JobState::Discarded,
                    JobState::Cancelled,
                    JobState::Scheduled,
                    JobState::Suspended,
                    JobState::Available,
                ];
                if include_completed {
                    states.push(JobState::Completed);
                }
                states
            }
            Operation::Cancel => vec![
                JobState::Available,
                JobState::Scheduled,
                JobState::Retryable,
                JobState::Suspended,
                JobState::Executing,
            ],
            Operation::Discard => vec![
                JobState::Available,
                JobState::Scheduled,
                JobState::Retryable,
                JobState::Suspended,
            ],
            Operation::Rescue => vec![JobState::Executing],
        }
    }

    /// What changes, in words, for the preview. Retry follows each flavour's own `retry_job`:
    /// the Python port also resets `meta.uniq_bmp`, Elixir Oban leaves meta alone.
    pub fn describe_change(self, python_flavour: bool) -> &'static str {
        match (self, python_flavour) {
            (Operation::Retry, false) => {
                "state -> available, scheduled_at -> now, max_attempts -> max(max_attempts, attempt + 1), \
                 completed_at/cancelled_at/discarded_at cleared"
            }
            (Operation::Retry, true) => {
                "state -> available, scheduled_at -> now, max_attempts -> max(max_attempts, attempt + 1), \
                 completed_at/cancelled_at/discarded_at cleared, meta.uniq_bmp reset (as oban-py does)"
            }
            (Operation::Cancel, _) => "state -> cancelled, cancelled_at -> now; executing jobs are sent a pkill signal",
            (Operation::Discard, _) => {
                "state -> discarded, discarded_at -> now, an error entry naming the actor and reason is appended"
            }
            (Operation::Rescue, _) => {
                "state -> available (attempt kept), or discarded with discarded_at -> now when attempt >= max_attempts; \
                 an error entry naming the actor, the reason and the node is appended; the node is sent pkill"
            }
        }
    }
}

/// What happened to one job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Ok,
    /// The job's state does not allow this operation.
    WrongState,
    /// The job changed state between selection and update.
    Drifted,
    /// A worker (or another session) holds the row; left alone rather than waited for.
    Locked,
    NotFound,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::WrongState => "wrong_state",
            Outcome::Drifted => "drifted",
            Outcome::Locked => "locked",
            Outcome::NotFound => "not_found",
        }
    }
}

/// Classifies a selected job that the update did not change, from what it looks like now.
pub fn classify_unchanged(seen: JobState, now: Option<JobState>) -> Outcome {
    match now {
        None => Outcome::NotFound,
        Some(state) if state == seen => Outcome::Locked,
        Some(_) => Outcome::Drifted,
    }
}

pub const MIN_REASON_CHARS: usize = 8;
pub const MAX_REASON_CHARS: usize = 1000;

/// Trims and checks a reason: 8..=1000 characters, no control characters except newlines.
pub fn validate_reason(reason: &str) -> Result<String, String> {
    let trimmed = reason.trim();
    let chars = trimmed.chars().count();
    if chars < MIN_REASON_CHARS {
        return Err(format!(
            "the reason must be at least {MIN_REASON_CHARS} characters (got {chars}); say why, for the audit log"
        ));
    }
    if chars > MAX_REASON_CHARS {
        return Err(format!(
            "the reason must be at most {MAX_REASON_CHARS} characters (got {chars})"
        ));
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err("the reason must not contain control characters".into());
    }
    Ok(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_round_trip_and_unknown_ones_are_named() {
        for state in JobState::ALL {
            assert_eq!(state.as_str().parse::<JobState>().unwrap(), state);
        }
        assert_eq!(
            " Discarded ".parse::<JobState>().unwrap(),
            JobState::Discarded
        );
        let err = "failed".parse::<JobState>().unwrap_err();
        assert!(err.contains("suspended"), "{err}");
    }

    #[test]
    fn retry_never_touches_executing_and_completed_only_on_request() {
        let allowed = Operation::Retry.allowed_states(false);
        assert!(!allowed.contains(&JobState::Executing));
        assert!(!allowed.contains(&JobState::Completed));
        assert!(allowed.contains(&JobState::Suspended));
        assert!(Operation::Retry
            .allowed_states(true)
            .contains(&JobState::Completed));
    }

    #[test]
    fn cancel_and_discard_leave_finished_jobs_alone() {
        for op in [Operation::Cancel, Operation::Discard] {
            let allowed = op.allowed_states(true);
            for finished in [
                JobState::Completed,
                JobState::Discarded,
                JobState::Cancelled,
            ] {
                assert!(!allowed.contains(&finished), "{op:?} {finished}");
            }
            assert!(allowed.contains(&JobState::Suspended));
        }
        assert!(Operation::Cancel
            .allowed_states(false)
            .contains(&JobState::Executing));
        assert!(
            !Operation::Discard
                .allowed_states(false)
                .contains(&JobState::Executing),
            "an executing job can only be cancelled"
        );
    }

    #[test]
    fn unchanged_jobs_are_classified_by_what_they_look_like_now() {
        assert_eq!(
            classify_unchanged(JobState::Retryable, None),
            Outcome::NotFound
        );
        assert_eq!(
            classify_unchanged(JobState::Retryable, Some(JobState::Retryable)),
            Outcome::Locked
        );
        assert_eq!(
            classify_unchanged(JobState::Retryable, Some(JobState::Executing)),
            Outcome::Drifted
        );
    }

    #[test]
    fn reasons_are_trimmed_and_bounded() {
        assert_eq!(
            validate_reason("  replayed after fix  ").unwrap(),
            "replayed after fix"
        );
        assert!(validate_reason("short").is_err());
        assert!(validate_reason("        x       ").is_err());
        assert!(validate_reason(&"x".repeat(1001)).is_err());
        assert!(validate_reason(&"é".repeat(1000)).is_ok());
        assert!(validate_reason("bad \u{7} bell here").is_err());
        assert!(validate_reason("line one\nline two").is_ok());
    }
}
