//! `workflow` and `workflow_step` records and their views (`workflow list|inspect`). Pure.

use serde::Serialize;
use serde_json::Value;

use crate::db::workflow::WorkflowRow;
use crate::decode::{human_time, Timestamp};
use crate::output::{fmt, Column, Doc, Line, Record, Span, Style, Table, View};
use crate::workflow::{
    is_terminal_workflow, operator_status, workflow_actions, Graph, Problem, Step, WorkflowHead,
};

pub fn head(row: &WorkflowRow) -> WorkflowHead {
    WorkflowHead {
        state: row.state.clone(),
        terminal_cause: row.terminal_cause.clone(),
        cancel_requested: row.cancel_requested,
    }
}

/// The counters the library stores on the workflow row (re-derived after each of its commands).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StoredCounters {
    pub step_count: i32,
    pub completed_step_count: i32,
    pub failed_step_count: i32,
    pub cancelled_step_count: i32,
    pub runnable_step_count: i32,
}

/// One workflow.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WorkflowRecord {
    pub id: String,
    pub name: String,
    /// As stored: available, pending, running, cancel_requested, completed, failed, cancelled,
    /// expired (or whatever another writer stored).
    pub state: String,
    pub terminal_cause: Option<String>,
    pub cancel_requested: bool,
    /// The workflow is in a terminal state: nothing is legal on it or its steps.
    pub finished: bool,
    pub semantics_version: i32,
    pub counters: StoredCounters,
    pub inserted_at: Timestamp,
    pub finished_at: Option<Timestamp>,
    pub legal_actions: Vec<&'static str>,
    /// `workflow inspect` only: the steps counted by state; the counts add up to the steps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub steps_by_state: Option<Vec<StateCount>>,
    /// `workflow inspect` only: what is wrong with the stored graph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problems: Option<Vec<Problem>>,
    /// `workflow inspect` only: awaits, signals, recovery sessions, rejections, callbacks, results.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Value>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StateCount {
    pub state: String,
    pub count: i64,
}

impl Record for WorkflowRecord {
    const KIND: &'static str = "workflow";
}

impl WorkflowRecord {
    pub fn from_row(row: &WorkflowRow) -> WorkflowRecord {
        let head = head(row);
        WorkflowRecord {
            id: row.id.clone(),
            name: row.name.clone(),
            state: row.state.clone(),
            terminal_cause: row.terminal_cause.clone(),
            cancel_requested: row.cancel_requested,
            finished: is_terminal_workflow(&row.state),
            semantics_version: row.semantics_version,
            counters: StoredCounters {
                step_count: row.step_count,
                completed_step_count: row.completed_step_count,
                failed_step_count: row.failed_step_count,
                cancelled_step_count: row.cancelled_step_count,
                runnable_step_count: row.runnable_step_count,
            },
            inserted_at: row.inserted_at,
            finished_at: row.finished_at,
            legal_actions: workflow_actions(&head),
            steps_by_state: None,
            problems: None,
            evidence: None,
        }
    }

    fn head(&self) -> WorkflowHead {
        WorkflowHead {
            state: self.state.clone(),
            terminal_cause: self.terminal_cause.clone(),
            cancel_requested: self.cancel_requested,
        }
    }

    /// `failed (step_failed)`, `cancel requested`, `running`.
    pub fn status_text(&self) -> String {
        operator_status(&self.head())
    }

    fn status_span(&self) -> Span {
        let style = match self.state.as_str() {
            "completed" => Some(Style::Good),
            "failed" | "cancelled" | "expired" => Some(Style::Bad),
            "cancel_requested" => Some(Style::Warn),
            _ => None,
        };
        Span::maybe(self.status_text(), style)
    }

    /// `6 steps: 1 completed, 1 failed, 1 cancelled, 1 executing, 1 available, 1 pending`
    pub fn steps_summary(&self) -> String {
        let counts = self.steps_by_state.as_deref().unwrap_or_default();
        let total: i64 = counts.iter().map(|c| c.count).sum();
        let parts: Vec<String> = counts
            .iter()
            .map(|c| format!("{} {}", fmt::number(c.count), c.state))
            .collect();
        if parts.is_empty() {
            fmt::count(total, "step")
        } else {
            format!("{}: {}", fmt::count(total, "step"), parts.join(", "))
        }
    }
}

/// One step of `workflow inspect`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WorkflowStepRecord {
    pub workflow_id: String,
    pub id: String,
    pub name: String,
    pub state: String,
    pub attempt: i32,
    pub position: i32,
    pub worker: String,
    pub terminal_cause: Option<String>,
    /// As stored; a NULL element is null.
    pub blocker_codes: Vec<Option<String>>,
    pub diagnosis: Option<String>,
    /// Parents not yet succeeded (`name (state)`) and awaited signals.
    pub waits_for: Vec<String>,
    /// Empty for a finished step, and for every step of a finished workflow.
    pub legal_actions: Vec<&'static str>,
    pub parents: Vec<ParentRecord>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ParentRecord {
    pub step: String,
    pub policy: String,
}

impl Record for WorkflowStepRecord {
    const KIND: &'static str = "workflow_step";
}

impl WorkflowStepRecord {
    pub fn new(
        workflow_id: &str,
        graph: &Graph<'_>,
        head: &WorkflowHead,
        step: &Step,
    ) -> WorkflowStepRecord {
        WorkflowStepRecord {
            workflow_id: workflow_id.to_string(),
            id: step.id.clone(),
            name: step.name.clone(),
            state: step.state.clone(),
            attempt: step.attempt,
            position: step.position,
            worker: step.worker.clone(),
            terminal_cause: step.terminal_cause.clone(),
            blocker_codes: step.blocker_codes.clone(),
            diagnosis: graph.diagnosis(step),
            waits_for: graph.waits_for(step),
            legal_actions: graph.step_actions(head, step),
            parents: graph
                .parents_of(step)
                .into_iter()
                .map(|(p, policy)| ParentRecord {
                    step: p.name.clone(),
                    policy: policy.to_string(),
                })
                .collect(),
        }
    }

    /// `name [state] attempt N · cause … · waits for … · diagnosis · actions: …`
    pub fn describe(&self) -> String {
        let mut line = format!("{} [{}] attempt {}", self.name, self.state, self.attempt);
        if let Some(cause) = &self.terminal_cause {
            line.push_str(&format!(" · cause {cause}"));
        }
        if !self.waits_for.is_empty() {
            line.push_str(&format!(" · waits for {}", self.waits_for.join(", ")));
        }
        if let Some(diagnosis) = self
            .diagnosis
            .as_ref()
            .filter(|d| Some(*d) != self.terminal_cause.as_ref())
        {
            line.push_str(&format!(" · {diagnosis}"));
        }
        if !self.legal_actions.is_empty() {
            line.push_str(&format!(" · actions: {}", self.legal_actions.join(", ")));
        }
        line
    }
}

/// `workflow list`.
pub struct WorkflowList<'a> {
    pub workflows: &'a [WorkflowRecord],
}

impl View for WorkflowList<'_> {
    fn view(&self) -> Doc {
        if self.workflows.is_empty() {
            return Doc::new().line("No workflows match.");
        }
        let mut table = Table::new(vec![
            Column::new("id").max(36),
            Column::new("name").max(30),
            Column::new("status").max(30),
            Column::right("steps"),
            Column::right("done"),
            Column::right("failed"),
            Column::right("cancelled"),
            Column::new("created"),
        ]);
        for w in self.workflows {
            table.row(vec![
                Span::plain(w.id.clone()),
                Span::plain(w.name.clone()),
                w.status_span(),
                Span::plain(fmt::number(w.counters.step_count as i64)),
                Span::plain(fmt::number(w.counters.completed_step_count as i64)),
                Span::plain(fmt::number(w.counters.failed_step_count as i64)),
                Span::plain(fmt::number(w.counters.cancelled_step_count as i64)),
                Span::plain(w.inserted_at.to_string()),
            ]);
        }
        Doc::new().table(table)
    }
}

/// `workflow inspect` for people: the head, the tree, problems, evidence.
pub struct WorkflowInspect<'a> {
    pub workflow: &'a WorkflowRecord,
    pub steps: &'a [WorkflowStepRecord],
    /// The step tree, drawn by [`Graph::render_tree`].
    pub tree: String,
}

impl View for WorkflowInspect<'_> {
    fn view(&self) -> Doc {
        let w = self.workflow;
        let mut doc = Doc::new()
            .line(
                Line::new()
                    .styled(format!("Workflow {}", w.name), Style::Bold)
                    .push(format!(" ({})", w.id)),
            )
            .line(
                Line::new()
                    .push("status: ")
                    .push(w.status_span())
                    .push(format!("; {}", w.steps_summary())),
            );
        if w.counters.step_count as i64 != self.steps.len() as i64 {
            doc = doc.line(Span::styled(
                format!(
                    "note: the workflow row's step_count says {}; {} found",
                    fmt::number(w.counters.step_count as i64),
                    fmt::count(self.steps.len() as i64, "step")
                ),
                Style::Warn,
            ));
        }
        doc = doc.line(format!(
            "created {}, finished {}",
            w.inserted_at,
            human_time(w.finished_at)
        ));
        doc = doc.line(format!(
            "legal next actions: {}",
            if w.legal_actions.is_empty() {
                if w.finished {
                    "none (the workflow is finished)".to_string()
                } else {
                    "none (the workflow is already cancelling)".to_string()
                }
            } else {
                w.legal_actions.join(", ")
            }
        ));
        doc = doc.blank().text(0, self.tree.clone());
        for problem in w.problems.as_deref().unwrap_or_default() {
            doc = doc.line(Span::styled(
                match problem {
                    Problem::DanglingEdge { from, to } => format!(
                        "problem: an edge from {from} to {to} names a step that does not exist"
                    ),
                    Problem::Cycle { steps } => format!(
                        "problem: these steps depend on each other in a cycle: {}",
                        steps.join(", ")
                    ),
                },
                Style::Bad,
            ));
        }
        if let Some(evidence) = &w.evidence {
            for (key, title) in [
                ("open_awaits", "open awaits"),
                ("unconsumed_signals", "signals not consumed"),
                ("recovery_sessions", "recovery sessions"),
                ("recent_rejections", "recent rejected commands"),
                ("callbacks", "callbacks by status"),
            ] {
                let rows = evidence[key].as_array().cloned().unwrap_or_default();
                if !rows.is_empty() {
                    doc = doc
                        .blank()
                        .line(Line::new().styled(format!("{title}:"), Style::Bold));
                    for r in rows {
                        doc = doc.text(2, r.to_string());
                    }
                }
            }
        }
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::render::{self, RenderOptions};

    fn row(state: &str) -> WorkflowRow {
        WorkflowRow {
            id: "w1".into(),
            name: "nightly".into(),
            state: state.into(),
            terminal_cause: (state == "failed").then(|| "step_failed".into()),
            cancel_requested: false,
            semantics_version: 2,
            step_count: 6,
            completed_step_count: 1,
            failed_step_count: 1,
            cancelled_step_count: 1,
            runnable_step_count: 1,
            inserted_at: Timestamp::Infinity,
            finished_at: None,
        }
    }

    fn step(id: &str, state: &str) -> Step {
        Step {
            id: id.into(),
            name: id.into(),
            state: state.into(),
            attempt: 1,
            position: 0,
            terminal_cause: None,
            blocker_codes: vec![None],
            awaiting_signal_name: None,
            cancelled: false,
            worker: "W".into(),
        }
    }

    #[test]
    fn the_inspect_summary_adds_up_and_a_finished_workflow_offers_nothing() {
        let steps: Vec<Step> = [
            ("a", "completed"),
            ("b", "failed"),
            ("c", "cancelled"),
            ("d", "available"),
            ("e", "pending"),
            ("f", "retryable"),
        ]
        .iter()
        .map(|(id, state)| step(id, state))
        .collect();
        let graph = Graph::new(&steps, &[]);
        let mut record = WorkflowRecord::from_row(&row("failed"));
        record.steps_by_state = Some(
            crate::workflow::state_counts(&steps)
                .into_iter()
                .map(|(state, count)| StateCount { state, count })
                .collect(),
        );
        assert_eq!(
            record.steps_summary(),
            "6 steps: 1 completed, 1 failed, 1 cancelled, 1 retryable, 1 available, 1 pending"
        );
        let head = record.head();
        let step_records: Vec<WorkflowStepRecord> = graph
            .steps
            .iter()
            .map(|s| WorkflowStepRecord::new("w1", &graph, &head, s))
            .collect();
        assert!(step_records.iter().all(|s| s.legal_actions.is_empty()));
        assert!(record.legal_actions.is_empty());
        let json = serde_json::to_value(&step_records[0]).unwrap();
        assert_eq!(json["blocker_codes"], serde_json::json!([null]));
        let text = render::doc(
            &WorkflowInspect {
                workflow: &record,
                steps: &step_records,
                tree: graph.render_tree(&|s| s.name.clone()),
            }
            .view(),
            &RenderOptions::PLAIN,
        );
        assert!(
            text.contains("status: failed (step_failed); 6 steps:"),
            "{text}"
        );
        assert!(text.contains("none (the workflow is finished)"), "{text}");
        assert!(text.contains("created infinity"), "{text}");
    }
}
