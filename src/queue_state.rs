//! What nodes report about their queues (paused, local limit, running jobs), pure: from gossip
//! heard in a listen window, or from `oban_producers` rows. Used by `queues` for its
//! node-reported columns and by `queue pause|resume|scale|stop` to confirm that nodes obeyed.
//!
//! One entry per producer (a queue on a node of an instance); a producer that gossiped several
//! times in a window keeps its latest check. Nothing here guesses: a field a node did not send is
//! `None`, and a queue no node reported has no entry.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::db::listen::Heard;
use crate::db::queues::Producers;
use crate::notifier::{self, Channel};

/// Where node-reported state came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportSource {
    /// Gossip checks heard while listening (live, ~1 s old).
    Gossip,
    /// `oban_producers` rows (oban-py, Oban Pro), refreshed every ~15 s and at each change.
    Producers,
}

impl ReportSource {
    pub fn label(self) -> &'static str {
        match self {
            ReportSource::Gossip => "gossip",
            ReportSource::Producers => "oban_producers",
        }
    }
}

/// One producer: a queue on one node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProducerState {
    pub queue: String,
    pub node: Option<String>,
    /// The Oban instance name (`Oban` by default).
    pub instance: Option<String>,
    pub uuid: Option<String>,
    pub paused: Option<bool>,
    pub local_limit: Option<u64>,
    /// Jobs running in this producer (gossip only).
    pub running: Option<usize>,
    /// The node is shutting this producer down (`stop`, or the node stopping).
    pub stopping: bool,
}

impl ProducerState {
    /// `Oban.web-1`: how a signal addresses this node.
    pub fn ident(&self) -> Option<String> {
        Some(format!(
            "{}.{}",
            self.instance.as_deref()?,
            self.node.as_deref()?
        ))
    }

    /// `web-1`, or `?` when the node did not say.
    pub fn node_label(&self) -> String {
        self.node.clone().unwrap_or_else(|| "?".into())
    }
}

/// Every producer a source reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeReport {
    pub source: ReportSource,
    pub producers: Vec<ProducerState>,
}

impl NodeReport {
    pub fn of_queue<'a>(&'a self, queue: &'a str) -> impl Iterator<Item = &'a ProducerState> + 'a {
        self.producers.iter().filter(move |p| p.queue == queue)
    }

    pub fn queues(&self) -> BTreeSet<String> {
        self.producers.iter().map(|p| p.queue.clone()).collect()
    }

    pub fn nodes(&self) -> BTreeSet<String> {
        self.producers
            .iter()
            .filter_map(|p| p.node.clone())
            .collect()
    }
}

/// queue, instance, node, uuid.
type ProducerKey = (String, Option<String>, Option<String>, Option<String>);

/// The producers that gossiped during `heard`, or `None` when no gossip arrived (no node
/// gossips: Elixir without oban_met, oban-py without metrics, or no node at all).
pub fn from_gossip(heard: &Heard, prefix: &str) -> Option<NodeReport> {
    let channel = Channel::Gossip.full_name(prefix);
    let mut any = false;
    // Keyed by producer; later checks replace earlier ones (notifications are in arrival order).
    let mut latest: BTreeMap<ProducerKey, ProducerState> = BTreeMap::new();
    for n in heard.on(&channel) {
        any = true;
        let Some(gossip) = notifier::decode(&n.payload)
            .ok()
            .and_then(|d| notifier::parse_gossip(&d.value))
        else {
            continue;
        };
        for check in gossip.checks {
            let Some(queue) = check.queue.clone() else {
                continue;
            };
            let key = (
                queue.clone(),
                check.name.clone(),
                check.node.clone(),
                check.uuid.clone(),
            );
            latest.insert(
                key,
                ProducerState {
                    queue,
                    node: check.node,
                    instance: check.name,
                    uuid: check.uuid,
                    paused: check.paused,
                    local_limit: check.local_limit,
                    running: check.running_count,
                    stopping: check.shutdown_started_at.is_some(),
                },
            );
        }
    }
    any.then(|| NodeReport {
        source: ReportSource::Gossip,
        producers: latest.into_values().collect(),
    })
}

/// The producers `oban_producers` lists.
pub fn from_producers(producers: &Producers) -> NodeReport {
    NodeReport {
        source: ReportSource::Producers,
        producers: producers
            .rows
            .iter()
            .filter_map(|p| {
                Some(ProducerState {
                    queue: p.queue.clone()?,
                    node: p.node.clone(),
                    instance: p.name.clone(),
                    uuid: p.uuid.clone(),
                    paused: p.meta.paused,
                    local_limit: p.meta.local_limit,
                    running: None,
                    stopping: p.meta.shutdown_started_at.is_some(),
                })
            })
            .collect(),
    }
}

/// The state a queue action asks nodes to reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Wanted {
    Paused,
    Running,
    Limit {
        limit: u64,
    },
    /// The producer is gone (stopped) or shutting down.
    Stopped,
}

impl Wanted {
    /// Whether one producer's report shows the wanted state (`None`: the report does not say).
    pub fn shown_by(self, p: &ProducerState) -> Option<bool> {
        match self {
            Wanted::Paused => p.paused,
            Wanted::Running => p.paused.map(|paused| !paused),
            Wanted::Limit { limit } => p.local_limit.map(|l| l == limit),
            Wanted::Stopped => Some(p.stopping),
        }
    }

    /// `paused`, `resumed`, `scaled to 3`, `stopped`.
    pub fn past(self) -> String {
        match self {
            Wanted::Paused => "paused".into(),
            Wanted::Running => "resumed".into(),
            Wanted::Limit { limit } => format!("scaled to {limit}"),
            Wanted::Stopped => "stopped".into(),
        }
    }
}

/// Which of the expected nodes show the wanted state for `queue` in `report`. `expected` are the
/// nodes that consumed the queue before the signal; for `Stopped`, a node whose producer is no
/// longer reported counts as confirmed (it stopped).
pub fn confirmed_nodes(
    report: &NodeReport,
    queue: &str,
    expected: &BTreeSet<String>,
    wanted: Wanted,
) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut confirmed = BTreeSet::new();
    for node in expected {
        let mine: Vec<&ProducerState> = report
            .of_queue(queue)
            .filter(|p| p.node.as_deref() == Some(node.as_str()))
            .collect();
        let ok = if mine.is_empty() {
            wanted == Wanted::Stopped
        } else {
            mine.iter().all(|p| wanted.shown_by(p) == Some(true))
        };
        if ok {
            confirmed.insert(node.clone());
        }
    }
    let missing = expected.difference(&confirmed).cloned().collect();
    (confirmed, missing)
}

/// `2 nodes, paused on 1, limit 10` — one queue's producers in a few words.
pub fn summary_text(report: &NodeReport, queue: &str) -> String {
    let mine: Vec<&ProducerState> = report.of_queue(queue).collect();
    if mine.is_empty() {
        return "no producer".into();
    }
    let nodes: BTreeSet<String> = mine.iter().map(|p| p.node_label()).collect();
    let paused = mine.iter().filter(|p| p.paused == Some(true)).count();
    let mut limits: Vec<u64> = mine.iter().filter_map(|p| p.local_limit).collect();
    limits.sort_unstable();
    limits.dedup();
    let mut text = crate::output::fmt::count(nodes.len() as i64, "node");
    if paused > 0 {
        text.push_str(&format!(", paused on {paused}"));
    }
    match limits.as_slice() {
        [] => {}
        [one] => text.push_str(&format!(", limit {one}")),
        many => text.push_str(&format!(", limits {}-{}", many[0], many[many.len() - 1])),
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::listen::Notification;
    use std::time::Duration;

    fn heard(payloads: &[String]) -> Heard {
        Heard {
            notifications: payloads
                .iter()
                .enumerate()
                .map(|(i, p)| Notification {
                    channel: "public.oban_gossip".into(),
                    payload: p.clone(),
                    process_id: 1,
                    after: Duration::from_millis(100 * i as u64),
                })
                .collect(),
            dropped: 0,
            unreadable: 0,
            window: Duration::from_secs(2),
            round_trip: Duration::from_millis(1),
            interrupted: None,
        }
    }

    fn check(paused: bool, limit: u64) -> String {
        notifier::encode(
            &serde_json::json!({"checks": [{"queue": "alpha", "node": "n1", "name": "Oban",
                "uuid": "u1", "paused": paused, "local_limit": limit, "running": [1, 2]}]}),
            notifier::Encoding::BareGzip,
        )
    }

    #[test]
    fn the_latest_check_of_a_producer_wins() {
        let report = from_gossip(&heard(&[check(false, 5), check(true, 2)]), "public").unwrap();
        assert_eq!(report.producers.len(), 1);
        let p = &report.producers[0];
        assert_eq!(p.paused, Some(true));
        assert_eq!(p.local_limit, Some(2));
        assert_eq!(p.running, Some(2));
        assert_eq!(p.ident().as_deref(), Some("Oban.n1"));
        assert_eq!(
            summary_text(&report, "alpha"),
            "1 node, paused on 1, limit 2"
        );
        assert_eq!(summary_text(&report, "beta"), "no producer");
    }

    #[test]
    fn no_gossip_is_not_an_empty_report() {
        assert!(from_gossip(&heard(&[]), "public").is_none());
        // Gossip that cannot be decoded still proves nodes gossip: an empty report.
        let report = from_gossip(&heard(&["garbage".into()]), "public").unwrap();
        assert!(report.producers.is_empty());
    }

    #[test]
    fn confirmation_names_the_nodes_that_did_not_obey() {
        let report = NodeReport {
            source: ReportSource::Gossip,
            producers: vec![
                ProducerState {
                    queue: "alpha".into(),
                    node: Some("n1".into()),
                    instance: Some("Oban".into()),
                    uuid: None,
                    paused: Some(true),
                    local_limit: Some(3),
                    running: None,
                    stopping: false,
                },
                ProducerState {
                    queue: "alpha".into(),
                    node: Some("n2".into()),
                    instance: Some("Oban".into()),
                    uuid: None,
                    paused: Some(false),
                    local_limit: None,
                    running: None,
                    stopping: false,
                },
            ],
        };
        let expected: BTreeSet<String> = ["n1", "n2", "n3"].map(String::from).into();
        let (ok, missing) = confirmed_nodes(&report, "alpha", &expected, Wanted::Paused);
        assert_eq!(ok, ["n1".to_string()].into());
        assert_eq!(missing, ["n2", "n3"].map(String::from).into());
        let (ok, _) = confirmed_nodes(&report, "alpha", &expected, Wanted::Running);
        assert_eq!(ok, ["n2".to_string()].into());
        let (ok, _) = confirmed_nodes(&report, "alpha", &expected, Wanted::Limit { limit: 3 });
        assert_eq!(ok, ["n1".to_string()].into());
        let (ok, _) = confirmed_nodes(&report, "alpha", &expected, Wanted::Stopped);
        assert_eq!(ok, ["n3".to_string()].into(), "gone counts as stopped");
        assert_eq!(Wanted::Limit { limit: 3 }.past(), "scaled to 3");
    }
}
