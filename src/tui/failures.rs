//! The failures pane's groups: the `jobs errors` grouping ([`crate::triage::group`]: worker and
//! normalised error signature), shaped for the dashboard. Pure.

use std::collections::HashMap;

use super::snapshot::{Count, FailureGroup};
use crate::triage::{self, Failure};

/// Ids kept per group (what its drill-down lists and its action targets).
pub const IDS_PER_GROUP: usize = 1_000;
/// Groups kept, largest first.
pub const MAX_GROUPS: usize = 50;

/// Failure groups, largest first, as `jobs errors` groups them. `at_least` marks counts read from
/// a bounded sample.
pub fn group(failures: &[Failure], at_least: bool) -> Vec<FailureGroup> {
    let lines: HashMap<i64, &str> = failures.iter().map(|f| (f.id, f.line.as_str())).collect();
    triage::group(failures, IDS_PER_GROUP)
        .into_iter()
        .take(MAX_GROUPS)
        .map(|g| FailureGroup {
            example: lines.get(&g.example_id).copied().unwrap_or("").to_string(),
            worker: g.worker,
            signature: g.signature,
            count: Count {
                n: g.count,
                at_least,
            },
            by_state: g.by_state,
            last_at: g.last_failed_at.map(Into::into),
            job_ids: g.sample_ids,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn failed(id: i64, worker: &str, line: &str, at: i64) -> Failure {
        Failure {
            id,
            state: if id % 2 == 0 {
                "retryable"
            } else {
                "discarded"
            }
            .into(),
            worker: worker.into(),
            attempt: 1,
            max_attempts: 20,
            failed_at: DateTime::from_timestamp(at, 0).map(|t| t.naive_utc()),
            line: line.into(),
        }
    }

    #[test]
    fn groups_are_by_worker_and_signature_largest_first_newest_ids_first() {
        let jobs = vec![
            failed(1, "A", "boom 1", 10),
            failed(2, "A", "boom 2", 30),
            failed(3, "B", "boom 3", 20),
            failed(4, "A", "other", 40),
        ];
        let groups = group(&jobs, false);
        assert_eq!(groups.len(), 3);
        assert_eq!(groups[0].worker, "A");
        assert_eq!(groups[0].count, Count::exact(2));
        assert_eq!(groups[0].job_ids, vec![2, 1]);
        assert_eq!(groups[0].example, "boom 2");
        assert_eq!(groups[0].by_state["retryable"], 1);
        assert_eq!(
            groups[1].signature, "other",
            "ties: the latest failure first"
        );
        assert_eq!(groups[0].signature, triage::normalize_line("boom 1"));
    }

    #[test]
    fn at_most_max_groups_and_ids_per_group() {
        let jobs: Vec<Failure> = (0..(MAX_GROUPS as i64 + 5))
            .map(|i| failed(i, &format!("W{i}"), "x", i))
            .chain((0..(IDS_PER_GROUP as i64 + 10)).map(|i| failed(10_000 + i, "Big", "y", i)))
            .collect();
        let groups = group(&jobs, true);
        assert_eq!(groups.len(), MAX_GROUPS);
        assert_eq!(groups[0].worker, "Big");
        assert_eq!(groups[0].job_ids.len(), IDS_PER_GROUP);
        assert!(groups[0].count.at_least);
    }
}
