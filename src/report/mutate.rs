//! Records and views of the job mutations (`jobs retry|cancel|discard|rescue`): the `plan`
//! (preview), one `job_outcome` per targeted job, and the closing `summary`. Pure.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::jobs::Outcome;
use crate::output::{fmt, sanitize, Column, Doc, Line, Record, Span, Style, Summary, Table, View};

/// Sample cells are cut to this many characters whatever the terminal: a preview must stay
/// readable next to its confirmation question, and a crafted value must not push it away.
const SAMPLE_CELL_CHARS: usize = 48;

/// One job as shown in a preview.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlanSample {
    pub id: i64,
    pub state: String,
    pub queue: String,
    pub worker: String,
    pub attempt: i32,
    pub max_attempts: i32,
}

/// What a mutation will do, shown before it asks (and all `--dry-run` prints).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Plan {
    /// `job_retry`, `job_cancel`, `job_discard`, `job_rescue`.
    pub operation: String,
    pub dry_run: bool,
    /// Jobs that will be changed (in an allowed state now).
    pub matched: i64,
    /// True when `matched` is a floor: counting stopped at a bound.
    pub matched_at_least: bool,
    pub max: i64,
    /// More than `--max` match: a real run is refused.
    pub exceeds_max: bool,
    pub by_state: BTreeMap<String, i64>,
    /// The column changes, in words.
    pub change: String,
    pub sample: Vec<PlanSample>,
    /// Targets refused before starting (ids not found, in a wrong state).
    pub skipped: Vec<JobOutcome>,
    /// Executing jobs among the targets get Oban's `pkill` signal.
    pub sends_pkill: bool,
    /// Extra sentences (e.g. why a job counts as abandoned), shown under the change.
    pub notes: Vec<String>,
}

impl Record for Plan {
    const KIND: &'static str = "plan";
}

impl Plan {
    /// `Retry 9,001 jobs?`: the question comes from obanctl's own count, never from a row.
    pub fn question(&self, verb: &str) -> String {
        format!("{} {}?", capitalize(verb), fmt::count(self.matched, "job"))
    }
}

pub fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn cut(text: &str) -> String {
    sanitize::truncate(text, SAMPLE_CELL_CHARS).into_owned()
}

/// A plan reads as sentences and the first jobs; `verb` is `retry`, `cancel`, ...
pub struct PlanView<'a> {
    pub plan: &'a Plan,
    pub verb: &'a str,
}

impl View for PlanView<'_> {
    fn view(&self) -> Doc {
        let plan = self.plan;
        let mut head = Line::new()
            .styled(format!("Will {}", self.verb), Style::Bold)
            .push(format!(
                " {}{}",
                if plan.matched_at_least {
                    "at least "
                } else {
                    ""
                },
                fmt::count(plan.matched, "job")
            ));
        if !plan.by_state.is_empty() {
            let parts: Vec<String> = plan
                .by_state
                .iter()
                .map(|(state, n)| format!("{} {state}", fmt::number(*n)))
                .collect();
            head = head.push(format!(" ({})", parts.join(", ")));
        }
        let mut doc = Doc::new()
            .line(head.push("."))
            .line(format!("Change: {}.", plan.change));
        for note in &plan.notes {
            doc = doc.line(note.clone());
        }
        if plan.exceeds_max {
            doc = doc.line(Line::new().styled(
                format!(
                    "More than --max {} match: a run would be refused; narrow the filter or raise --max.",
                    fmt::number(plan.max)
                ),
                Style::Warn,
            ));
        }
        if !plan.skipped.is_empty() {
            doc = doc.line(format!(
                "Skipped before starting: {}.",
                outcome_counts(plan.skipped.iter().map(|s| s.outcome))
            ));
        }
        if !plan.sample.is_empty() {
            doc = doc.line("First jobs:");
            let mut table = Table::new(vec![
                Column::right("id"),
                Column::new("state"),
                Column::new("queue"),
                Column::new("worker"),
                Column::right("attempt"),
            ]);
            for s in &plan.sample {
                table.row(vec![
                    Span::plain(s.id.to_string()),
                    Span::plain(s.state.clone()),
                    Span::plain(cut(&s.queue)),
                    Span::plain(cut(&s.worker)),
                    Span::plain(format!("{}/{}", s.attempt, s.max_attempts)),
                ]);
            }
            doc = doc.table(table);
        }
        if plan.sends_pkill {
            doc = doc.line(
                "Executing jobs get Oban's pkill signal on <prefix>.oban_signal; only nodes using the Postgres notifier receive it.",
            );
        }
        if plan.dry_run {
            doc = doc.line("Dry run: nothing was changed.");
        }
        doc
    }
}

/// What happened to one targeted job.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct JobOutcome {
    pub id: i64,
    pub before_state: Option<String>,
    pub after_state: Option<String>,
    pub outcome: Outcome,
    pub audit_id: Option<i64>,
}

impl Record for JobOutcome {
    const KIND: &'static str = "job_outcome";
}

/// `2 locked, 1 not_found`
pub fn outcome_counts(outcomes: impl Iterator<Item = Outcome>) -> String {
    let mut counts: BTreeMap<&'static str, i64> = BTreeMap::new();
    for outcome in outcomes {
        *counts.entry(outcome.as_str()).or_default() += 1;
    }
    counts
        .iter()
        .map(|(outcome, n)| format!("{} {outcome}", fmt::number(*n)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The end of a run for people: the summary in words, the first skipped jobs, the pkill note.
pub struct RunReport<'a> {
    pub summary: &'a Summary,
    /// `retried`, `cancelled`, ...
    pub past: &'a str,
    pub skipped_sample: &'a [JobOutcome],
    /// Executing jobs changed and so sent `pkill`.
    pub notified: i64,
}

impl View for RunReport<'_> {
    fn view(&self) -> Doc {
        let s = self.summary;
        if s.matched == 0 {
            return Doc::new().line("No jobs match; nothing to do.");
        }
        let skipped = s.skipped_total();
        let mut text = format!(
            "{} {} of {}",
            capitalize(self.past),
            fmt::number(s.changed),
            fmt::count(s.matched, "job")
        );
        if skipped > 0 {
            let parts: Vec<String> = s
                .skipped
                .iter()
                .map(|(outcome, n)| format!("{} {outcome}", fmt::number(*n)))
                .collect();
            text.push_str(&format!("; skipped {}", parts.join(", ")));
        }
        if s.interrupted {
            text.push_str("; interrupted before the end");
        }
        text.push('.');
        let style = if skipped > 0 || s.interrupted {
            Some(Style::Warn)
        } else {
            None
        };
        let mut doc = Doc::new().line(Span::maybe(text, style));
        if !self.skipped_sample.is_empty() {
            let mut table = Table::new(vec![
                Column::right("id"),
                Column::new("outcome"),
                Column::new("seen"),
                Column::new("now"),
            ]);
            for r in self.skipped_sample {
                table.row(vec![
                    Span::plain(r.id.to_string()),
                    Span::plain(r.outcome.as_str()),
                    Span::plain(r.before_state.clone().unwrap_or_else(|| "-".into())),
                    Span::plain(r.after_state.clone().unwrap_or_else(|| "-".into())),
                ]);
            }
            doc = doc.table(table);
            let unlisted = skipped - self.skipped_sample.len() as i64;
            if unlisted > 0 {
                doc = doc.line(format!(
                    "... and {} more (use --format json for all)",
                    fmt::number(unlisted)
                ));
            }
        }
        if self.notified > 0 {
            doc = doc.line(format!(
                "Sent pkill to {} (effective only where Oban uses the Postgres notifier).",
                fmt::count(self.notified, "executing job")
            ));
        }
        if let Some(id) = &s.operation_id {
            doc = doc.line(Span::styled(format!("Operation {id}."), Style::Dim));
        }
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::render::{self, RenderOptions};

    fn plan() -> Plan {
        Plan {
            operation: "job_retry".into(),
            dry_run: false,
            matched: 9001,
            matched_at_least: false,
            max: 10_000,
            exceeds_max: false,
            by_state: [("discarded".to_string(), 9001)].into(),
            change: "state -> available".into(),
            sample: vec![PlanSample {
                id: 1,
                state: "discarded".into(),
                queue: "q".into(),
                worker: format!(
                    "W\x1b[1A\x1b[2K\x1b[1AWill retry 1 job\r{}",
                    "x".repeat(200)
                ),
                attempt: 1,
                max_attempts: 20,
            }],
            skipped: Vec::new(),
            sends_pkill: false,
            notes: Vec::new(),
        }
    }

    #[test]
    fn a_crafted_worker_cannot_redraw_the_preview() {
        let p = plan();
        let text = render::doc(
            &PlanView {
                plan: &p,
                verb: "retry",
            }
            .view(),
            &RenderOptions::PLAIN,
        );
        assert!(!text.contains('\x1b') && !text.contains('\r'), "{text:?}");
        assert!(
            text.starts_with("Will retry 9,001 jobs (9,001 discarded)."),
            "{text}"
        );
        assert!(
            text.lines().all(|l| l.chars().count() < 140),
            "sample cells are cut: {text}"
        );
        assert_eq!(p.question("retry"), "Retry 9,001 jobs?");
    }

    #[test]
    fn the_run_report_adds_up() {
        let summary = Summary {
            operation: "job_retry".into(),
            matched: 10,
            changed: 7,
            skipped: [("locked".to_string(), 2), ("drifted".to_string(), 1)].into(),
            ..Default::default()
        };
        let text = render::doc(
            &RunReport {
                summary: &summary,
                past: "retried",
                skipped_sample: &[],
                notified: 1,
            }
            .view(),
            &RenderOptions::PLAIN,
        );
        assert!(
            text.starts_with("Retried 7 of 10 jobs; skipped 1 drifted, 2 locked."),
            "{text}"
        );
        assert!(text.contains("Sent pkill to 1 executing job "), "{text}");
    }
}
