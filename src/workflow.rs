//! Workflow graphs: checks, the tree rendering, what blocked steps wait for, and the legal next
//! actions as the library's UI computes them. Pure: no database access. A malformed graph (cycles, edges to
//! missing steps, edges from another workflow) is reported, never crashed on.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

use serde::Serialize;

pub const SUCCESS_STATES: &[&str] = &["completed", "ok", "success"];
pub const RETRYABLE_STATES: &[&str] = &["retryable", "executing", "running"];
pub const FAILED_STATES: &[&str] = &[
    "cancelled",
    "discarded",
    "deleted",
    "failed",
    "error",
    "expired",
];

/// The workflow states the library writes (its lifecycle contract).
pub const WORKFLOW_STATES: &[&str] = &[
    "available",
    "pending",
    "running",
    "cancel_requested",
    "completed",
    "failed",
    "cancelled",
    "expired",
];

/// Step states in the order a summary lists them: done, failed, then in flight, then waiting.
const STEP_STATE_ORDER: &[&str] = &[
    "completed",
    "ok",
    "success",
    "failed",
    "error",
    "discarded",
    "deleted",
    "expired",
    "cancelled",
    "executing",
    "running",
    "retryable",
    "available",
    "pending",
    "awaiting_signal",
];

/// How many steps are in each state, in [`STEP_STATE_ORDER`] (unknown states after, by name).
/// The counts always add up to the number of steps.
pub fn state_counts(steps: &[Step]) -> Vec<(String, i64)> {
    let mut counts: BTreeMap<&str, i64> = BTreeMap::new();
    for step in steps {
        *counts.entry(step.state.as_str()).or_default() += 1;
    }
    let mut out: Vec<(String, i64)> = STEP_STATE_ORDER
        .iter()
        .filter_map(|state| counts.remove(state).map(|n| (state.to_string(), n)))
        .collect();
    out.extend(counts.into_iter().map(|(state, n)| (state.to_string(), n)));
    out
}

pub fn is_terminal(state: &str) -> bool {
    SUCCESS_STATES.contains(&state) || FAILED_STATES.contains(&state)
}

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub id: String,
    pub name: String,
    pub state: String,
    pub attempt: i32,
    pub position: i32,
    pub terminal_cause: Option<String>,
    /// As stored; a NULL element is `None`.
    pub blocker_codes: Vec<Option<String>>,
    pub awaiting_signal_name: Option<String>,
    pub cancelled: bool,
    pub worker: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub policy: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct WorkflowHead {
    pub state: String,
    pub terminal_cause: Option<String>,
    pub cancel_requested: bool,
}

/// Something wrong with the stored graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// An edge names a step that does not exist in this workflow.
    DanglingEdge { from: String, to: String },
    /// Steps that depend on each other in a loop.
    Cycle { steps: Vec<String> },
}

/// How an operator should read a workflow's state: from `state` and `terminal_cause`, never the
/// library's "Runnable" for finished workflows.
pub fn operator_status(head: &WorkflowHead) -> String {
    match (&head.terminal_cause, head.cancel_requested) {
        (Some(cause), _) if is_terminal_workflow(&head.state) => {
            format!("{} ({cause})", head.state)
        }
        (_, true) if !is_terminal_workflow(&head.state) => "cancel requested".into(),
        _ => head.state.clone(),
    }
}

pub fn is_terminal_workflow(state: &str) -> bool {
    matches!(state, "completed" | "failed" | "cancelled" | "expired")
}

/// Deepest indentation the tree draws.
const MAX_INDENT: usize = 24;

pub struct Graph<'a> {
    pub steps: Vec<&'a Step>,
    by_id: HashMap<&'a str, &'a Step>,
    parents: HashMap<&'a str, Vec<(&'a str, &'a str)>>,
    children: HashMap<&'a str, Vec<&'a str>>,
    pub problems: Vec<Problem>,
}

impl<'a> Graph<'a> {
    pub fn new(steps: &'a [Step], edges: &'a [Edge]) -> Graph<'a> {
        let mut ordered: Vec<&Step> = steps.iter().collect();
        ordered.sort_by_key(|s| (s.position, s.name.as_str()));
        let by_id: HashMap<&str, &Step> = steps.iter().map(|s| (s.id.as_str(), s)).collect();
        let mut parents: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
        let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut problems = Vec::new();
        for edge in edges {
            if !by_id.contains_key(edge.from.as_str()) || !by_id.contains_key(edge.to.as_str()) {
                problems.push(Problem::DanglingEdge {
                    from: edge.from.clone(),
                    to: edge.to.clone(),
                });
                continue;
            }
            parents
                .entry(&edge.to)
                .or_default()
                .push((&edge.from, &edge.policy));
            children.entry(&edge.from).or_default().push(&edge.to);
        }
        for list in children.values_mut() {
            list.sort_by_key(|id| (by_id[id].position, by_id[id].name.as_str()));
        }
        let mut graph = Graph {
            steps: ordered,
            by_id,
            parents,
            children,
            problems,
        };
        graph.find_cycles();
        graph
    }

    /// Steps left over by Kahn's algorithm sit on or behind a cycle; each strongly tied group is
    /// reported once.
    fn find_cycles(&mut self) {
        let mut indegree: HashMap<&str, usize> =
            self.steps.iter().map(|s| (s.id.as_str(), 0)).collect();
        for (to, ps) in &self.parents {
            *indegree.get_mut(to).expect("known step") += ps.len();
        }
        let mut queue: Vec<&str> = indegree
            .iter()
            .filter(|(_, d)| **d == 0)
            .map(|(id, _)| *id)
            .collect();
        while let Some(id) = queue.pop() {
            for child in self.children.get(id).into_iter().flatten() {
                let d = indegree.get_mut(child).expect("known step");
                *d -= 1;
                if *d == 0 {
                    queue.push(child);
                }
            }
        }
        let mut left: Vec<&str> = indegree
            .into_iter()
            .filter(|(_, d)| *d > 0)
            .map(|(id, _)| id)
            .collect();
        left.sort_by_key(|id| (self.by_id[id].position, self.by_id[id].name.as_str()));
        if !left.is_empty() {
            self.problems.push(Problem::Cycle {
                steps: left.iter().map(|id| self.by_id[id].name.clone()).collect(),
            });
        }
    }

    pub fn parents_of(&self, step: &Step) -> Vec<(&'a Step, &'a str)> {
        self.parents
            .get(step.id.as_str())
            .into_iter()
            .flatten()
            .map(|(id, policy)| (self.by_id[id], *policy))
            .collect()
    }

    /// For a step that is not runnable: the parents it is still waiting on, with their states.
    pub fn waits_for(&self, step: &Step) -> Vec<String> {
        if is_terminal(&step.state) || step.state == "available" {
            return Vec::new();
        }
        let mut waits: Vec<String> = self
            .parents_of(step)
            .into_iter()
            .filter(|(parent, _)| !SUCCESS_STATES.contains(&parent.state.as_str()))
            .map(|(parent, _)| format!("{} ({})", parent.name, parent.state))
            .collect();
        if let Some(signal) = &step.awaiting_signal_name {
            waits.push(format!("signal {signal}"));
        }
        waits
    }

    /// The library's step diagnosis (first match wins).
    pub fn diagnosis(&self, step: &Step) -> Option<String> {
        let codes = &step.blocker_codes;
        let has = |code: &str| codes.iter().any(|c| c.as_deref() == Some(code));
        if step.state == "awaiting_signal" {
            return Some("waiting_on_signal".into());
        }
        for code in [
            "expired_wait",
            "waiting_on_retryable_dependency",
            "missing_dependency_result",
            "cancel_requested",
        ] {
            if has(code) {
                return Some(code.into());
            }
        }
        step.terminal_cause
            .clone()
            .or_else(|| codes.iter().flatten().next().cloned())
    }

    /// Actions legal for this step now, as the library's UI computes them; none at all once the
    /// workflow has finished (a step of a finished workflow has nothing left to retry or cancel).
    pub fn step_actions(&self, head: &WorkflowHead, step: &Step) -> Vec<&'static str> {
        let mut actions = Vec::new();
        if is_terminal(&step.state) || is_terminal_workflow(&head.state) {
            return actions;
        }
        let diagnosis = self.diagnosis(step);
        let retry_diagnosis = matches!(
            diagnosis.as_deref(),
            Some(
                "waiting_on_dependencies"
                    | "waiting_on_retryable_dependency"
                    | "waiting_on_signal"
                    | "cancel_requested"
            )
        );
        if retry_diagnosis
            || matches!(
                step.state.as_str(),
                "retryable" | "pending" | "available" | "awaiting_signal"
            )
        {
            actions.push("workflow_step_retry");
        }
        if !step.cancelled
            && matches!(
                step.state.as_str(),
                "pending" | "available" | "retryable" | "executing" | "running" | "awaiting_signal"
            )
        {
            actions.push("workflow_step_cancel");
        }
        actions
    }

    /// The DAG as an indented tree from its roots. A step with several parents is drawn in full
    /// under the first and referenced under the others; steps no root reaches (cycles) follow.
    pub fn render_tree(&self, describe: &dyn Fn(&Step) -> String) -> String {
        let mut out = String::new();
        let mut drawn: HashSet<&str> = HashSet::new();
        let roots: Vec<&Step> = self
            .steps
            .iter()
            .filter(|s| self.parents.get(s.id.as_str()).is_none_or(Vec::is_empty))
            .copied()
            .collect();
        // Iterative depth-first walk: deep graphs must not overflow the stack.
        let mut stack: Vec<(&str, usize)> =
            roots.iter().rev().map(|s| (s.id.as_str(), 0)).collect();
        let walk =
            |stack: &mut Vec<(&'a str, usize)>, out: &mut String, drawn: &mut HashSet<&'a str>| {
                while let Some((id, depth)) = stack.pop() {
                    let step = self.by_id[id];
                    // Deep chains keep a readable margin: past MAX_INDENT levels the depth is printed.
                    let indent = if depth <= MAX_INDENT {
                        "  ".repeat(depth)
                    } else {
                        format!("{}[depth {depth}] ", "  ".repeat(MAX_INDENT))
                    };
                    if !drawn.insert(id) {
                        let _ = writeln!(out, "{indent}└ {} (shown above)", step.name);
                        continue;
                    }
                    let _ = writeln!(out, "{indent}{}", describe(step));
                    for child in self.children.get(id).into_iter().flatten().rev() {
                        stack.push((child, depth + 1));
                    }
                }
            };
        walk(&mut stack, &mut out, &mut drawn);
        let unreached: Vec<&Step> = self
            .steps
            .iter()
            .filter(|s| !drawn.contains(s.id.as_str()))
            .copied()
            .collect();
        if !unreached.is_empty() {
            let _ = writeln!(out, "not reachable from any root (on or behind a cycle):");
            let mut stack: Vec<(&str, usize)> =
                unreached.iter().rev().map(|s| (s.id.as_str(), 1)).collect();
            walk(&mut stack, &mut out, &mut drawn);
        }
        out
    }

    /// Graphviz DOT, nodes labelled with name and state, `continue` edges dashed.
    pub fn to_dot(&self, workflow_name: &str) -> String {
        let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
        let mut out = format!("digraph {} {{\n  rankdir=LR;\n", quote(workflow_name));
        for step in &self.steps {
            let _ = writeln!(
                out,
                "  {} [label={}];",
                quote(&step.name),
                quote(&format!("{}\n{}", step.name, step.state))
            );
        }
        let mut edges: BTreeMap<(i32, String, String), &str> = BTreeMap::new();
        for (to, ps) in &self.parents {
            for (from, policy) in ps {
                let f = self.by_id[from];
                edges.insert(
                    (f.position, f.name.clone(), self.by_id[to].name.clone()),
                    policy,
                );
            }
        }
        for ((_, from, to), policy) in edges {
            let style = if policy == "continue" {
                " [style=dashed]"
            } else {
                ""
            };
            let _ = writeln!(out, "  {} -> {}{style};", quote(&from), quote(&to));
        }
        out.push_str("}\n");
        out
    }
}

/// Actions the library deems legal for the workflow now.
pub fn workflow_actions(head: &WorkflowHead) -> Vec<&'static str> {
    if matches!(head.state.as_str(), "available" | "pending" | "running")
        && !head.cancel_requested
        && head.terminal_cause.is_none()
    {
        vec!["workflow_request_cancel"]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: &str, state: &str, position: i32) -> Step {
        Step {
            id: id.into(),
            name: format!("s_{id}"),
            state: state.into(),
            attempt: 0,
            position,
            terminal_cause: None,
            blocker_codes: Vec::new(),
            awaiting_signal_name: None,
            cancelled: false,
            worker: "W".into(),
        }
    }

    fn edge(from: &str, to: &str) -> Edge {
        Edge {
            from: from.into(),
            to: to.into(),
            policy: "cancel".into(),
        }
    }

    #[test]
    fn a_diamond_draws_the_shared_child_once() {
        let steps = vec![
            step("a", "completed", 0),
            step("b", "executing", 1),
            step("c", "completed", 2),
            step("d", "pending", 3),
        ];
        let edges = vec![
            edge("a", "b"),
            edge("a", "c"),
            edge("b", "d"),
            edge("c", "d"),
        ];
        let g = Graph::new(&steps, &edges);
        assert!(g.problems.is_empty());
        let tree = g.render_tree(&|s| format!("{} [{}]", s.name, s.state));
        assert_eq!(
            tree,
            "s_a [completed]\n  s_b [executing]\n    s_d [pending]\n  s_c [completed]\n    └ s_d (shown above)\n"
        );
        assert_eq!(g.waits_for(&steps[3]), ["s_b (executing)"]);
        assert!(g.waits_for(&steps[2]).is_empty());
    }

    #[test]
    fn cycles_and_dangling_edges_are_reported_not_crashed_on() {
        let steps = vec![
            step("a", "pending", 0),
            step("b", "pending", 1),
            step("c", "available", 2),
        ];
        let edges = vec![edge("a", "b"), edge("b", "a"), edge("c", "zz")];
        let g = Graph::new(&steps, &edges);
        assert_eq!(
            g.problems,
            [
                Problem::DanglingEdge {
                    from: "c".into(),
                    to: "zz".into()
                },
                Problem::Cycle {
                    steps: vec!["s_a".into(), "s_b".into()]
                }
            ]
        );
        let tree = g.render_tree(&|s| s.name.clone());
        assert!(
            tree.starts_with("s_c\nnot reachable from any root"),
            "{tree}"
        );
        assert!(
            tree.contains("s_a") && tree.contains("└ s_a (shown above)"),
            "{tree}"
        );
    }

    #[test]
    fn legal_actions_follow_the_library_and_status_never_says_runnable_when_done() {
        let steps = vec![
            step("a", "completed", 0),
            step("b", "pending", 1),
            step("c", "executing", 2),
        ];
        let g = Graph::new(&steps, &[]);
        let running = WorkflowHead {
            state: "running".into(),
            terminal_cause: None,
            cancel_requested: false,
        };
        assert!(g.step_actions(&running, &steps[0]).is_empty());
        assert_eq!(
            g.step_actions(&running, &steps[1]),
            ["workflow_step_retry", "workflow_step_cancel"]
        );
        assert_eq!(
            g.step_actions(&running, &steps[2]),
            ["workflow_step_cancel"]
        );
        let done = WorkflowHead {
            state: "completed".into(),
            terminal_cause: Some("completed".into()),
            cancel_requested: false,
        };
        for failed_state in ["failed", "cancelled", "completed", "expired"] {
            let finished = WorkflowHead {
                state: failed_state.into(),
                ..done.clone()
            };
            assert!(
                steps
                    .iter()
                    .all(|s| g.step_actions(&finished, s).is_empty()),
                "a {failed_state} workflow has no legal step action"
            );
        }
        assert_eq!(operator_status(&done), "completed (completed)");
        assert!(workflow_actions(&done).is_empty());
        let running = WorkflowHead {
            state: "running".into(),
            terminal_cause: None,
            cancel_requested: false,
        };
        assert_eq!(workflow_actions(&running), ["workflow_request_cancel"]);
    }

    #[test]
    fn the_state_summary_adds_up_to_the_steps() {
        let steps = vec![
            step("a", "completed", 0),
            step("b", "failed", 1),
            step("c", "cancelled", 2),
            step("d", "available", 3),
            step("e", "pending", 4),
            step("f", "executing", 5),
            step("g", "weird\u{1b}", 6),
        ];
        let counts = state_counts(&steps);
        assert_eq!(counts.iter().map(|(_, n)| n).sum::<i64>(), 7);
        let names: Vec<&str> = counts.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            names,
            [
                "completed",
                "failed",
                "cancelled",
                "executing",
                "available",
                "pending",
                "weird\u{1b}"
            ]
        );
    }

    #[test]
    fn null_blocker_codes_are_skipped_by_the_diagnosis() {
        let mut s = step("a", "pending", 0);
        s.blocker_codes = vec![None, Some("waiting_on_dependencies".into())];
        let steps = vec![s];
        let g = Graph::new(&steps, &[]);
        assert_eq!(
            g.diagnosis(&steps[0]).as_deref(),
            Some("waiting_on_dependencies")
        );
    }

    #[test]
    fn dot_output_is_quoted_and_marks_continue_edges() {
        let steps = vec![step("a", "completed", 0), step("b", "pending", 1)];
        let edges = vec![Edge {
            from: "a".into(),
            to: "b".into(),
            policy: "continue".into(),
        }];
        let dot = Graph::new(&steps, &edges).to_dot("wf \"x\"");
        assert!(dot.starts_with("digraph \"wf \\\"x\\\"\" {"));
        assert!(dot.contains("\"s_a\" -> \"s_b\" [style=dashed];"));
    }

    #[test]
    fn a_long_chain_renders_without_recursion() {
        let steps: Vec<Step> = (0..20_000)
            .map(|i| step(&i.to_string(), "pending", i))
            .collect();
        let edges: Vec<Edge> = (1..20_000)
            .map(|i| edge(&(i - 1).to_string(), &i.to_string()))
            .collect();
        let g = Graph::new(&steps, &edges);
        assert!(g.problems.is_empty());
        let tree = g.render_tree(&|s| s.name.clone());
        assert_eq!(tree.lines().count(), 20_000);
        assert!(tree
            .lines()
            .last()
            .unwrap()
            .starts_with(&format!("{}[depth 19999] s_19999", "  ".repeat(24))));
    }
}
