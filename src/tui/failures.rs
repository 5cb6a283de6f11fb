//! Groups recently failed jobs by worker and normalised error signature. Pure.
//!
//! A deliberately simple stand-in: the `jobs errors` grouping (`triage`) replaces [`group`]
//! and its signature rules; the gatherer is its only caller.

use std::collections::HashMap;

use super::snapshot::{Count, FailureGroup};
use crate::db::top::FailedJob;

/// Ids kept per group (what its drill-down lists and its action targets).
pub const IDS_PER_GROUP: usize = 1_000;
/// Groups kept, largest first.
pub const MAX_GROUPS: usize = 50;
const SIGNATURE_CHARS: usize = 120;

/// The error's first line with the parts that vary between occurrences (numbers, hex ids,
/// quoted values) replaced, so "timeout after 5012 ms" and "timeout after 4990 ms" group.
pub fn signature(error: &str) -> String {
    let first = error.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut out = String::new();
    let mut chars = first.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            while chars
                .peek()
                .is_some_and(|n| n.is_ascii_hexdigit() || *n == 'x')
            {
                chars.next();
            }
            out.push('N');
        } else if c == '"' {
            for n in chars.by_ref() {
                if n == c {
                    break;
                }
            }
            out.push_str("\"…\"");
        } else {
            out.push(c);
        }
        if out.chars().count() >= SIGNATURE_CHARS {
            break;
        }
    }
    if out.is_empty() {
        "(no error recorded)".to_string()
    } else {
        out
    }
}

/// Failure groups, largest first. `at_least` marks counts read from a bounded sample.
pub fn group(jobs: &[FailedJob], at_least: bool) -> Vec<FailureGroup> {
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    let mut groups: Vec<FailureGroup> = Vec::new();
    let mut sorted: Vec<&FailedJob> = jobs.iter().collect();
    // Newest first, so each group's ids and example start with its latest failure.
    sorted.sort_by(|a, b| b.failed_at.cmp(&a.failed_at).then(b.id.cmp(&a.id)));
    for job in sorted {
        let key = (job.worker.clone(), signature(&job.error));
        let at = *index.entry(key.clone()).or_insert_with(|| {
            groups.push(FailureGroup {
                worker: key.0.clone(),
                signature: key.1.clone(),
                example: job.error.lines().next().unwrap_or("").to_string(),
                count: Count { n: 0, at_least },
                by_state: Default::default(),
                last_at: job.failed_at,
                job_ids: Vec::new(),
            });
            groups.len() - 1
        });
        let group = &mut groups[at];
        group.count.n += 1;
        *group.by_state.entry(job.state.clone()).or_default() += 1;
        if group.job_ids.len() < IDS_PER_GROUP {
            group.job_ids.push(job.id);
        }
    }
    groups.sort_by(|a, b| {
        b.count
            .n
            .cmp(&a.count.n)
            .then(b.last_at.cmp(&a.last_at))
            .then(a.worker.cmp(&b.worker))
    });
    groups.truncate(MAX_GROUPS);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::Timestamp;

    fn failed(id: i64, worker: &str, error: &str, at: i64) -> FailedJob {
        FailedJob {
            id,
            state: if id % 2 == 0 {
                "retryable"
            } else {
                "discarded"
            }
            .into(),
            worker: worker.into(),
            queue: "q".into(),
            error: error.into(),
            failed_at: Some(Timestamp::from_micros(at)),
        }
    }

    #[test]
    fn signatures_ignore_numbers_ids_and_quoted_values() {
        assert_eq!(
            signature("timeout after 5012 ms\nstack"),
            signature("timeout after 90 ms")
        );
        assert_eq!(
            signature("user 0x1f3a not found: \"bob\""),
            "user N not found: \"…\""
        );
        assert_eq!(signature(""), "(no error recorded)");
        assert!(signature(&"x".repeat(1000)).chars().count() <= SIGNATURE_CHARS);
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
    }
}
