//! Records and views of `queues`, `queue pause|resume|scale|stop` and `nodes`. Pure.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde::Serialize;

use crate::db::overview::QueueLine;
use crate::liveness::{Liveness, Source};
use crate::output::{fmt, Column, Doc, Line, Record, Span, Style, Table, View};
use crate::queue_state::{NodeReport, ProducerState, ReportSource, Wanted};

/// A node as one queue's producer.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QueueNodeRecord {
    pub node: Option<String>,
    pub instance: Option<String>,
    pub paused: Option<bool>,
    pub local_limit: Option<u64>,
    /// Jobs running in this producer (gossip only).
    pub running: Option<usize>,
    pub stopping: bool,
}

impl From<&ProducerState> for QueueNodeRecord {
    fn from(p: &ProducerState) -> Self {
        QueueNodeRecord {
            node: p.node.clone(),
            instance: p.instance.clone(),
            paused: p.paused,
            local_limit: p.local_limit,
            running: p.running,
            stopping: p.stopping,
        }
    }
}

/// One queue (`obanctl queues`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QueueRecord {
    pub queue: String,
    /// Jobs by state (only states with jobs).
    pub counts: BTreeMap<String, i64>,
    /// States whose count reached `count_cap`: at least that many.
    pub counts_at_least: Vec<String>,
    pub count_cap: i64,
    /// The cap of completed and cancelled counts.
    pub finished_count_cap: i64,
    /// The planner's estimate of the queue's rows, when its statistics single it out.
    pub estimated_rows: Option<i64>,
    /// How long the oldest available job has waited (null: none available, or not readable).
    pub oldest_available_wait_ms: Option<i64>,
    /// Executing jobs (a floor when `executing_at_least`).
    pub executing: i64,
    pub executing_at_least: bool,
    /// Completions per minute, oldest first; the last minute is the current, partial one.
    pub completed_per_minute: Vec<u64>,
    /// Completions in the last full minute.
    pub completed_last_minute: Option<u64>,
    /// Producers consuming this queue as the nodes report them; null when unknown.
    pub nodes: Option<Vec<QueueNodeRecord>>,
    pub nodes_source: Option<ReportSource>,
    /// Why `nodes` is null.
    pub nodes_unknown: Option<String>,
}

impl Record for QueueRecord {
    const KIND: &'static str = "queue";
}

/// Node-reported state, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Nodes {
    Known(NodeReport),
    Unknown(String),
}

impl QueueRecord {
    pub fn build(
        queue: &str,
        line: Option<&QueueLine>,
        (count_cap, finished_count_cap): (i64, i64),
        executing: (i64, bool),
        nodes: &Nodes,
    ) -> QueueRecord {
        let (counts, counts_at_least) = match line {
            Some(l) => (
                l.counts
                    .iter()
                    .map(|(s, c)| (s.clone(), c.value()))
                    .collect(),
                l.counts
                    .iter()
                    .filter(|(_, c)| !c.is_exact())
                    .map(|(s, _)| s.clone())
                    .collect(),
            ),
            None => (BTreeMap::new(), Vec::new()),
        };
        let (node_list, source, unknown) = match nodes {
            Nodes::Known(report) => (
                Some(report.of_queue(queue).map(QueueNodeRecord::from).collect()),
                Some(report.source),
                None,
            ),
            Nodes::Unknown(why) => (None, None, Some(why.clone())),
        };
        QueueRecord {
            queue: queue.to_string(),
            counts,
            counts_at_least,
            count_cap,
            finished_count_cap,
            estimated_rows: line.and_then(|l| l.estimated_rows),
            oldest_available_wait_ms: line
                .and_then(|l| l.wait_secs)
                .map(|s| (s * 1000.0).round() as i64),
            executing: executing.0,
            executing_at_least: executing.1,
            completed_per_minute: line.map(|l| l.per_minute.clone()).unwrap_or_default(),
            completed_last_minute: line.and_then(|l| l.last_full_minute()),
            nodes: node_list,
            nodes_source: source,
            nodes_unknown: unknown,
        }
    }

    fn count_text(&self, state: &str) -> String {
        let n = self.counts.get(state).copied().unwrap_or(0);
        if self.counts_at_least.iter().any(|s| s == state) {
            format!("{}+", fmt::number(n))
        } else {
            fmt::number(n)
        }
    }

    /// `2 nodes, paused on 1, limit 10`, `no producer`, or `unknown`.
    pub fn nodes_text(&self) -> String {
        let Some(nodes) = &self.nodes else {
            return "unknown".into();
        };
        if nodes.is_empty() {
            return "no producer".into();
        }
        let names: BTreeSet<String> = nodes
            .iter()
            .map(|n| n.node.clone().unwrap_or_else(|| "?".into()))
            .collect();
        let paused = nodes.iter().filter(|n| n.paused == Some(true)).count();
        let mut limits: Vec<u64> = nodes.iter().filter_map(|n| n.local_limit).collect();
        limits.sort_unstable();
        limits.dedup();
        let mut text = if names.len() == 1 {
            names.iter().next().cloned().unwrap_or_default()
        } else {
            fmt::count(names.len() as i64, "node")
        };
        match limits.as_slice() {
            [] => {}
            [one] => text.push_str(&format!(" ×{one}")),
            many => text.push_str(&format!(" ×{}-{}", many[0], many[many.len() - 1])),
        }
        if paused == nodes.len() {
            text.push_str(" paused");
        } else if paused > 0 {
            text.push_str(&format!(" paused on {paused}"));
        }
        text
    }

    pub fn paused_anywhere(&self) -> bool {
        self.nodes
            .as_ref()
            .is_some_and(|n| n.iter().any(|n| n.paused == Some(true)))
    }
}

fn wait_text(ms: Option<i64>) -> String {
    match ms {
        None => "-".into(),
        Some(ms) => fmt::duration(Duration::from_millis(ms.max(0) as u64)),
    }
}

/// `obanctl queues` for people: a table that fits 80 columns, then what the columns rest on.
pub struct QueueTable<'a> {
    pub queues: &'a [QueueRecord],
    /// Sentences under the table (sources, bounds).
    pub notes: &'a [String],
}

impl View for QueueTable<'_> {
    fn view(&self) -> Doc {
        if self.queues.is_empty() {
            let mut doc = Doc::new().line("No queues: no jobs, and no node reports one.");
            for note in self.notes {
                doc = doc.line(Span::styled(note.clone(), Style::Dim));
            }
            return doc;
        }
        let mut table = Table::new(vec![
            Column::new("queue").max(18),
            Column::right("avail"),
            Column::right("exec"),
            Column::right("retry"),
            Column::right("disc"),
            Column::right("wait"),
            Column::right("/min"),
            Column::new("nodes").max(24),
        ]);
        for q in self.queues {
            let nodes = q.nodes_text();
            let nodes_style = if q.paused_anywhere() {
                Some(Style::Warn)
            } else if q.nodes.is_none() {
                Some(Style::Dim)
            } else {
                None
            };
            table.row(vec![
                Span::plain(q.queue.clone()),
                Span::plain(q.count_text("available")),
                Span::plain(if q.executing_at_least {
                    format!("{}+", fmt::number(q.executing))
                } else {
                    fmt::number(q.executing)
                }),
                Span::maybe(
                    q.count_text("retryable"),
                    q.counts.contains_key("retryable").then_some(Style::Warn),
                ),
                Span::maybe(
                    q.count_text("discarded"),
                    q.counts.contains_key("discarded").then_some(Style::Bad),
                ),
                Span::plain(wait_text(q.oldest_available_wait_ms)),
                Span::plain(
                    q.completed_last_minute
                        .map(|n| fmt::number(n as i64))
                        .unwrap_or_else(|| "-".into()),
                ),
                Span::maybe(nodes, nodes_style),
            ]);
        }
        let mut doc = Doc::new().table(table);
        for note in self.notes {
            doc = doc.line(Span::styled(note.clone(), Style::Dim));
        }
        doc
    }
}

// ---------------------------------------------------------------------------------------------
// Queue actions

/// One queue in a queue action's preview.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QueuePlanTarget {
    /// The queue, or `*` for `--all`.
    pub queue: String,
    /// Producers consuming it now, as reported (null when unknown).
    pub nodes: Option<Vec<QueueNodeRecord>>,
    /// The payloads that will be sent on `channel`.
    pub payloads: Vec<String>,
}

/// What a queue action will send (all `--dry-run` prints).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QueuePlan {
    /// `queue_pause`, `queue_resume`, `queue_scale`, `queue_stop`.
    pub operation: String,
    pub dry_run: bool,
    pub channel: String,
    /// `any`, or the node the signals address.
    pub node: Option<String>,
    pub limit: Option<u32>,
    pub targets: Vec<QueuePlanTarget>,
    pub nodes_source: Option<ReportSource>,
    pub nodes_unknown: Option<String>,
    pub notes: Vec<String>,
}

impl Record for QueuePlan {
    const KIND: &'static str = "queue_plan";
}

/// `pause`, `resume`, `scale`, `stop` for a plan's view.
pub struct QueuePlanView<'a> {
    pub plan: &'a QueuePlan,
    pub verb: &'a str,
}

impl View for QueuePlanView<'_> {
    fn view(&self) -> Doc {
        let p = self.plan;
        let queues: Vec<&str> = p.targets.iter().map(|t| t.queue.as_str()).collect();
        let mut head = Line::new().styled(format!("Will {}", self.verb), Style::Bold);
        head = head.push(if queues == ["*"] {
            " every queue".to_string()
        } else {
            format!(
                " {}: {}",
                fmt::plural(queues.len() as i64, "queue"),
                queues.join(", ")
            )
        });
        if let Some(limit) = p.limit {
            head = head.push(format!(
                " to a local limit of {}",
                fmt::number(limit as i64)
            ));
        }
        head = head.push(match &p.node {
            Some(node) => format!(" on node {node} only."),
            None => " on every node.".to_string(),
        });
        let mut doc = Doc::new().line(head);
        let mut table = Table::new(vec![
            Column::new("queue").max(24),
            Column::new("consumed by now").max(50),
        ]);
        for t in &p.targets {
            let now = match &t.nodes {
                None => "unknown".to_string(),
                Some(nodes) if nodes.is_empty() => "no node reports it".to_string(),
                Some(nodes) => nodes
                    .iter()
                    .map(|n| {
                        let mut s = n.node.clone().unwrap_or_else(|| "?".into());
                        if let Some(l) = n.local_limit {
                            s.push_str(&format!(" ×{l}"));
                        }
                        if n.paused == Some(true) {
                            s.push_str(" (paused)");
                        }
                        s
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            table.row(vec![Span::plain(t.queue.clone()), Span::plain(now)]);
        }
        doc = doc.table(table);
        if let Some(why) = &p.nodes_unknown {
            doc = doc.line(Span::styled(format!("Nodes unknown: {why}."), Style::Dim));
        }
        doc = doc.line(format!(
            "Sends {} on {}.",
            fmt::count(
                p.targets.iter().map(|t| t.payloads.len() as i64).sum(),
                "signal"
            ),
            p.channel
        ));
        for note in &p.notes {
            doc = doc.line(Span::styled(note.clone(), Style::Warn));
        }
        if p.dry_run {
            doc = doc.line("Dry run: nothing was sent.");
        }
        doc
    }
}

/// Whether the nodes confirmed one queue's new state.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QueueConfirmation {
    pub queue: String,
    pub wanted: Wanted,
    /// The nodes that consumed the queue before (and were addressed).
    pub expected: BTreeSet<String>,
    pub confirmed: BTreeSet<String>,
    pub unconfirmed: BTreeSet<String>,
    pub source: Option<ReportSource>,
    /// Why nothing could be confirmed (listening impossible, no node reports state).
    pub unknown: Option<String>,
    pub waited_ms: u64,
    pub audit_id: Option<i64>,
}

impl Record for QueueConfirmation {
    const KIND: &'static str = "queue_confirmation";
}

impl QueueConfirmation {
    pub fn ok(&self) -> bool {
        self.unknown.is_none() && self.unconfirmed.is_empty()
    }
}

impl View for QueueConfirmation {
    fn view(&self) -> Doc {
        let past = self.wanted.past();
        if let Some(why) = &self.unknown {
            return Doc::new().line(Span::styled(
                format!("{}: sent; cannot confirm it was {past}: {why}.", self.queue),
                Style::Warn,
            ));
        }
        if self.expected.is_empty() {
            return Doc::new().line(format!(
                "{}: sent; no node was consuming it, so none had to confirm.",
                self.queue
            ));
        }
        let text = format!(
            "{}: {past} on {} of {}",
            self.queue,
            self.confirmed.len(),
            fmt::count(self.expected.len() as i64, "node")
        );
        if self.unconfirmed.is_empty() {
            Doc::new().line(Span::styled(format!("{text}."), Style::Good))
        } else {
            Doc::new().line(Span::styled(
                format!(
                    "{text}; not confirmed within {} by: {}.",
                    fmt::duration(Duration::from_millis(self.waited_ms)),
                    self.unconfirmed
                        .iter()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                Style::Bad,
            ))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Nodes

/// One node (`obanctl nodes`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NodeRecord {
    pub node: String,
    /// Named by `oban_peers` / `oban_leaders` (the lease may have just lapsed).
    pub leader: bool,
    pub instances: BTreeSet<String>,
    pub queues: BTreeSet<String>,
    /// Executing jobs whose `attempted_by[1]` is this node (a floor when `running_at_least`).
    pub running_jobs: i64,
    pub running_at_least: bool,
    /// Null: seen by no liveness source.
    pub liveness: Option<Liveness>,
    pub last_seen_ms: Option<i64>,
    pub sources: Vec<Source>,
    /// Holds executing jobs but no liveness source sees it (what `doctor`'s stuck_executing finds).
    pub unseen_with_jobs: bool,
}

impl Record for NodeRecord {
    const KIND: &'static str = "node";
}

pub struct NodeTable<'a> {
    pub nodes: &'a [NodeRecord],
    pub notes: &'a [String],
}

impl View for NodeTable<'_> {
    fn view(&self) -> Doc {
        if self.nodes.is_empty() {
            let mut doc =
                Doc::new().line("No nodes: no source lists any, and no job is executing.");
            for note in self.notes {
                doc = doc.line(Span::styled(note.clone(), Style::Dim));
            }
            return doc;
        }
        let mut table = Table::new(vec![
            Column::new("node").max(24),
            Column::new("liveness"),
            Column::right("seen"),
            Column::right("running"),
            Column::new("queues").max(22),
            Column::new("sources").max(20),
        ]);
        for n in self.nodes {
            let mut name = n.node.clone();
            if n.leader {
                name.push_str(" *");
            }
            let (live, style) = match n.liveness {
                None if n.unseen_with_jobs => ("UNSEEN".to_string(), Some(Style::Bad)),
                None => ("unseen".to_string(), Some(Style::Dim)),
                Some(Liveness::Alive) => ("alive".into(), Some(Style::Good)),
                Some(Liveness::Late) => ("late".into(), Some(Style::Warn)),
                Some(Liveness::Missing) => ("missing".into(), Some(Style::Bad)),
                Some(Liveness::Unknown) => ("unknown".into(), Some(Style::Dim)),
            };
            table.row(vec![
                Span::plain(name),
                Span::maybe(live, style),
                Span::plain(match n.last_seen_ms {
                    Some(ms) if ms < 1000 => "now".to_string(),
                    Some(ms) => format!(
                        "{} ago",
                        fmt::duration(Duration::from_secs((ms.max(0) / 1000) as u64))
                    ),
                    None => "-".into(),
                }),
                Span::plain(if n.running_at_least {
                    format!("{}+", fmt::number(n.running_jobs))
                } else {
                    fmt::number(n.running_jobs)
                }),
                Span::plain(if n.queues.is_empty() {
                    "-".to_string()
                } else {
                    n.queues.iter().cloned().collect::<Vec<_>>().join(",")
                }),
                Span::plain(
                    n.sources
                        .iter()
                        .map(|s| s.label())
                        .collect::<Vec<_>>()
                        .join(","),
                ),
            ]);
        }
        let mut doc = Doc::new().table(table);
        if self.nodes.iter().any(|n| n.leader) {
            doc = doc.line(Span::styled("* leader", Style::Dim));
        }
        let flagged: Vec<&str> = self
            .nodes
            .iter()
            .filter(|n| n.unseen_with_jobs)
            .map(|n| n.node.as_str())
            .collect();
        if !flagged.is_empty() {
            doc = doc.line(Span::styled(
                format!(
                    "Holding executing jobs but seen by no liveness source: {}. Their jobs are \
                     likely orphaned (see `obanctl doctor`, stuck_executing).",
                    flagged.join(", ")
                ),
                Style::Bad,
            ));
        }
        for note in self.notes {
            doc = doc.line(Span::styled(note.clone(), Style::Dim));
        }
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::queues::Count;
    use crate::output::render::{self, RenderOptions};

    fn line() -> QueueLine {
        QueueLine {
            queue: "mailers".into(),
            counts: [
                ("available".to_string(), Count::AtLeast(1000)),
                ("retryable".to_string(), Count::Exact(3)),
            ]
            .into(),
            estimated_rows: Some(120_000),
            wait_secs: Some(75.2),
            per_minute: vec![1, 2, 30, 4],
        }
    }

    fn report() -> NodeReport {
        let p = |node: &str, paused| ProducerState {
            queue: "mailers".into(),
            node: Some(node.into()),
            instance: Some("Oban".into()),
            uuid: None,
            paused: Some(paused),
            local_limit: Some(10),
            running: Some(1),
            stopping: false,
        };
        NodeReport {
            source: ReportSource::Gossip,
            producers: vec![p("web-1", true), p("web-2", false)],
        }
    }

    #[test]
    fn a_queue_row_fits_80_columns_and_says_what_it_knows() {
        let l = line();
        let known = QueueRecord::build(
            "mailers",
            Some(&l),
            (1000, 100),
            (7, false),
            &Nodes::Known(report()),
        );
        assert_eq!(known.counts_at_least, vec!["available"]);
        assert_eq!(known.oldest_available_wait_ms, Some(75_200));
        assert_eq!(known.completed_last_minute, Some(30));
        assert_eq!(known.nodes_text(), "2 nodes ×10 paused on 1");
        let unknown = QueueRecord::build(
            "x\x1b[2J",
            None,
            (1000, 100),
            (0, false),
            &Nodes::Unknown("listening not possible".into()),
        );
        assert_eq!(unknown.nodes_text(), "unknown");
        let records = [known, unknown];
        let text = render::doc(
            &QueueTable {
                queues: &records,
                notes: &[],
            }
            .view(),
            &RenderOptions::PLAIN,
        );
        assert!(text.contains("1,000+"), "{text}");
        assert!(!text.contains('\x1b'), "{text:?}");
        for l in text.lines() {
            assert!(
                l.chars().count() <= 80,
                "{l:?} is {} wide",
                l.chars().count()
            );
        }
    }

    #[test]
    fn confirmations_read_as_sentences() {
        let c = QueueConfirmation {
            queue: "mailers".into(),
            wanted: Wanted::Paused,
            expected: ["a", "b", "c"].map(String::from).into(),
            confirmed: ["a", "b"].map(String::from).into(),
            unconfirmed: ["c".to_string()].into(),
            source: Some(ReportSource::Gossip),
            unknown: None,
            waited_ms: 10_000,
            audit_id: Some(1),
        };
        let text = render::doc(&c.view(), &RenderOptions::PLAIN);
        assert!(
            text.starts_with("mailers: paused on 2 of 3 nodes; not confirmed within 10 s by: c."),
            "{text}"
        );
        assert!(!c.ok());
    }
}
