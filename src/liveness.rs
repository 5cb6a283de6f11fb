//! Node liveness, pure (no database access): every place a node was seen (a [`Sighting`]) →
//! one verdict per node: alive, late or missing.
//!
//! The thresholds are the ones the Powertools library applies to its heartbeats
//! (`Lifeline.list_executor_health`): a node is `late` once its freshest sighting is
//! [`LATE_AFTER`] (45 s) old, `missing` once it is [`MISSING_AFTER`] (120 s) old. A heartbeat row
//! carries its own thresholds (`warning_threshold_ms`, `missing_threshold_ms`) and those are used
//! for it; every other source uses the defaults.
//!
//! Each sighting is classified with its own thresholds, and a node's verdict is the best of its
//! sightings (alive beats late beats missing): any one source that saw the node recently enough
//! is evidence it lives. A sighting whose time is not a finite, representable timestamp cannot be
//! classified ([`Liveness::Unknown`]) and only decides when nothing else is known.
//!
//! Sources (read by `db::liveness`, listed in [`Source`]): Powertools heartbeats, `oban_producers`
//! (oban-py, Oban Pro; refreshed every 15 s), the leader lease (`oban_peers` / `oban_leaders`:
//! names only the leader), and, when obanctl listened, gossip checks and sonar pings.
//!
//! Whether "not seen" means anything: a node absent from every source is only suspicious when at
//! least one source that lists *every* node answered ([`Census::complete`]). The leader lease
//! lists one node, and an empty table is a source the application does not use, so neither
//! counts (the same rule as `doctor`'s `stuck_executing`).
//!
//! Use (e.g. `jobs rescue`): build sightings with `db::liveness::census` (plus
//! [`gossip_sightings`] when you listened), then ask [`Census::verdict`] about the node in a job's
//! `attempted_by[1]`.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde::Serialize;

use crate::db::listen::Heard;
use crate::notifier::{self, Channel};

/// A node whose freshest sighting is this old is `late` (Powertools' `warning_threshold_ms`).
pub const LATE_AFTER: Duration = Duration::from_secs(45);
/// A node whose freshest sighting is this old is `missing` (Powertools' `missing_threshold_ms`).
pub const MISSING_AFTER: Duration = Duration::from_secs(120);

/// Where a node was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A Powertools heartbeat row (`oban_powertools_heartbeats`).
    Heartbeat,
    /// An `oban_producers` row (oban-py, Oban Pro), by its `updated_at`.
    Producer,
    /// The leader lease: `oban_peers` (Elixir) or `oban_leaders` (oban-py).
    Leader,
    /// A gossip check heard while listening.
    Gossip,
    /// A sonar ping heard while listening (Elixir nodes).
    Sonar,
}

impl Source {
    pub fn label(self) -> &'static str {
        match self {
            Source::Heartbeat => "heartbeat",
            Source::Producer => "producer",
            Source::Leader => "leader",
            Source::Gossip => "gossip",
            Source::Sonar => "sonar",
        }
    }

    /// Whether a source lists every running node (when it is in use), so that a node absent
    /// from it is suspicious. The leader lease lists only the leader.
    pub fn lists_every_node(self) -> bool {
        !matches!(self, Source::Leader)
    }
}

/// The two thresholds one sighting is judged by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Thresholds {
    pub late_after_ms: u64,
    pub missing_after_ms: u64,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            late_after_ms: LATE_AFTER.as_millis() as u64,
            missing_after_ms: MISSING_AFTER.as_millis() as u64,
        }
    }
}

impl Thresholds {
    /// A heartbeat row's own thresholds; a value that is not positive falls back to the default
    /// (the library's changeset would not allow it; the table does not check).
    pub fn from_row(late_ms: i64, missing_ms: i64) -> Thresholds {
        let d = Thresholds::default();
        let late = u64::try_from(late_ms)
            .ok()
            .filter(|v| *v > 0)
            .unwrap_or(d.late_after_ms);
        let missing = u64::try_from(missing_ms)
            .ok()
            .filter(|v| *v > 0)
            .unwrap_or(d.missing_after_ms);
        Thresholds {
            late_after_ms: late,
            missing_after_ms: missing.max(late),
        }
    }

    pub fn classify(self, age_secs: Option<f64>) -> Liveness {
        match age_secs {
            Some(age) if age.is_finite() => {
                let ms = (age.max(0.0) * 1000.0) as u64;
                if ms >= self.missing_after_ms {
                    Liveness::Missing
                } else if ms >= self.late_after_ms {
                    Liveness::Late
                } else {
                    Liveness::Alive
                }
            }
            _ => Liveness::Unknown,
        }
    }
}

/// A node's state. Ordered best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Liveness {
    Alive,
    /// Seen, but longer ago than the late threshold (45 s by default).
    Late,
    /// Not seen for the missing threshold (120 s by default) or more.
    Missing,
    /// Seen only with a time that is not a finite timestamp: cannot be judged.
    Unknown,
}

impl Liveness {
    pub fn label(self) -> &'static str {
        match self {
            Liveness::Alive => "alive",
            Liveness::Late => "late",
            Liveness::Missing => "missing",
            Liveness::Unknown => "unknown",
        }
    }

    /// Rank for "best of": alive < late < missing < unknown (unknown decides only alone).
    fn rank(self) -> u8 {
        match self {
            Liveness::Alive => 0,
            Liveness::Late => 1,
            Liveness::Missing => 2,
            Liveness::Unknown => 3,
        }
    }
}

/// One place one node was seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sighting {
    pub source: Source,
    pub node: String,
    /// Seconds since the node was seen there (database clock for table sources, the end of the
    /// listen window for gossip and sonar). `None`: the row's time is not a finite timestamp.
    pub age_secs: Option<f64>,
    pub thresholds: Thresholds,
    /// The Oban instance name, when the source gives it (`Oban` by default).
    pub instance: Option<String>,
    /// The queue the sighting is about, when it is about one (producers, heartbeats, gossip).
    pub queue: Option<String>,
}

impl Sighting {
    pub fn new(source: Source, node: impl Into<String>, age_secs: Option<f64>) -> Sighting {
        Sighting {
            source,
            node: node.into(),
            age_secs,
            thresholds: Thresholds::default(),
            instance: None,
            queue: None,
        }
    }

    pub fn liveness(&self) -> Liveness {
        self.thresholds.classify(self.age_secs)
    }
}

/// One node's verdict and what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeLiveness {
    pub node: String,
    pub liveness: Liveness,
    /// Seconds since the freshest finite sighting, any source.
    pub last_seen_secs: Option<f64>,
    /// Per source: the freshest age there (`None`: not a finite timestamp).
    pub sources: BTreeMap<Source, Option<f64>>,
    pub instances: BTreeSet<String>,
    pub queues: BTreeSet<String>,
}

/// What is known about a node named in a job (e.g. `attempted_by[1]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Judged from its sightings.
    Seen(Liveness),
    /// Seen by no source, while a source that lists every node answered: a node that is gone
    /// (or never reported): its executing jobs are orphans.
    Unseen,
    /// Seen by no source, and no source lists every node: nothing can be said.
    Unknowable,
}

/// Every node's verdict, from every source that was read.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Census {
    pub nodes: BTreeMap<String, NodeLiveness>,
    /// Sources that answered with at least one row (or message).
    pub sources_used: BTreeSet<Source>,
}

impl Census {
    /// Folds sightings into one verdict per node.
    pub fn from_sightings(sightings: impl IntoIterator<Item = Sighting>) -> Census {
        let mut census = Census::default();
        for s in sightings {
            census.sources_used.insert(s.source);
            let liveness = s.liveness();
            let entry = census
                .nodes
                .entry(s.node.clone())
                .or_insert_with(|| NodeLiveness {
                    node: s.node.clone(),
                    liveness,
                    last_seen_secs: None,
                    sources: BTreeMap::new(),
                    instances: BTreeSet::new(),
                    queues: BTreeSet::new(),
                });
            if liveness.rank() < entry.liveness.rank() {
                entry.liveness = liveness;
            }
            let age = s.age_secs.filter(|a| a.is_finite()).map(|a| a.max(0.0));
            if let Some(age) = age {
                entry.last_seen_secs = Some(entry.last_seen_secs.map_or(age, |l| l.min(age)));
            }
            let slot = entry.sources.entry(s.source).or_insert(age);
            if let (Some(a), Some(old)) = (age, *slot) {
                *slot = Some(old.min(a));
            } else if slot.is_none() {
                *slot = age;
            }
            entry.instances.extend(s.instance);
            entry.queues.extend(s.queue);
        }
        census
    }

    /// Whether some source that lists every node answered, so that "not seen" means something.
    pub fn complete(&self) -> bool {
        self.sources_used.iter().any(|s| s.lists_every_node())
    }

    pub fn get(&self, node: &str) -> Option<&NodeLiveness> {
        self.nodes.get(node)
    }

    /// What is known about `node`.
    pub fn verdict(&self, node: &str) -> Verdict {
        match self.nodes.get(node) {
            Some(n) => Verdict::Seen(n.liveness),
            None if self.complete() => Verdict::Unseen,
            None => Verdict::Unknowable,
        }
    }

    /// Nodes by verdict: (alive, late, missing, unknown).
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let mut out = (0, 0, 0, 0);
        for n in self.nodes.values() {
            match n.liveness {
                Liveness::Alive => out.0 += 1,
                Liveness::Late => out.1 += 1,
                Liveness::Missing => out.2 += 1,
                Liveness::Unknown => out.3 += 1,
            }
        }
        out
    }
}

/// Sightings in a listen window: each gossip check's node (with its queue and instance) and each
/// sonar ping's node, aged from the end of the window. Undecodable payloads are skipped.
pub fn gossip_sightings(heard: &Heard, prefix: &str) -> Vec<Sighting> {
    let window = heard.window.as_secs_f64();
    let mut out = Vec::new();
    for n in heard.on(&Channel::Gossip.full_name(prefix)) {
        let age = Some((window - n.after.as_secs_f64()).max(0.0));
        let Some(gossip) = notifier::decode(&n.payload)
            .ok()
            .and_then(|d| notifier::parse_gossip(&d.value))
        else {
            continue;
        };
        for check in gossip.checks {
            let Some(node) = check.node else { continue };
            out.push(Sighting {
                instance: check.name,
                queue: check.queue,
                ..Sighting::new(Source::Gossip, node, age)
            });
        }
    }
    for n in heard.on(&Channel::Sonar.full_name(prefix)) {
        let age = Some((window - n.after.as_secs_f64()).max(0.0));
        if let Some(sonar) = notifier::decode(&n.payload)
            .ok()
            .and_then(|d| notifier::parse_sonar(&d.value))
        {
            out.push(Sighting::new(Source::Sonar, sonar.node, age));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::listen::Notification;

    fn seen(source: Source, node: &str, age: f64) -> Sighting {
        Sighting::new(source, node, Some(age))
    }

    #[test]
    fn classifies_as_powertools_does() {
        let t = Thresholds::default();
        assert_eq!(t.classify(Some(0.0)), Liveness::Alive);
        assert_eq!(t.classify(Some(44.999)), Liveness::Alive);
        assert_eq!(t.classify(Some(45.0)), Liveness::Late);
        assert_eq!(t.classify(Some(119.9)), Liveness::Late);
        assert_eq!(t.classify(Some(120.0)), Liveness::Missing);
        assert_eq!(t.classify(Some(-3.0)), Liveness::Alive, "clock skew");
        assert_eq!(t.classify(None), Liveness::Unknown);
        assert_eq!(t.classify(Some(f64::NAN)), Liveness::Unknown);
        assert_eq!(t.classify(Some(f64::INFINITY)), Liveness::Unknown);
    }

    #[test]
    fn heartbeat_rows_carry_their_own_thresholds() {
        let t = Thresholds::from_row(10_000, 20_000);
        assert_eq!(t.classify(Some(11.0)), Liveness::Late);
        assert_eq!(t.classify(Some(21.0)), Liveness::Missing);
        // Nonsense thresholds fall back; missing is never before late.
        assert_eq!(Thresholds::from_row(0, -1), Thresholds::default());
        let t = Thresholds::from_row(50_000, 10_000);
        assert_eq!(t.missing_after_ms, 50_000);
    }

    #[test]
    fn the_best_sighting_decides() {
        let census = Census::from_sightings([
            seen(Source::Heartbeat, "a", 200.0),
            seen(Source::Producer, "a", 10.0),
            seen(Source::Heartbeat, "b", 60.0),
            Sighting::new(Source::Producer, "b", None),
            Sighting::new(Source::Producer, "c", None),
            seen(Source::Heartbeat, "d", 500.0),
        ]);
        let a = census.get("a").unwrap();
        assert_eq!(a.liveness, Liveness::Alive);
        assert_eq!(a.last_seen_secs, Some(10.0));
        assert_eq!(a.sources[&Source::Heartbeat], Some(200.0));
        assert_eq!(census.get("b").unwrap().liveness, Liveness::Late);
        assert_eq!(census.get("c").unwrap().liveness, Liveness::Unknown);
        assert_eq!(census.get("c").unwrap().last_seen_secs, None);
        assert_eq!(census.get("d").unwrap().liveness, Liveness::Missing);
        assert_eq!(census.counts(), (1, 1, 1, 1));
    }

    #[test]
    fn unseen_means_something_only_with_a_complete_source() {
        let leader_only = Census::from_sightings([seen(Source::Leader, "a", 0.0)]);
        assert!(!leader_only.complete());
        assert_eq!(leader_only.verdict("zombie"), Verdict::Unknowable);
        assert_eq!(leader_only.verdict("a"), Verdict::Seen(Liveness::Alive));
        let with_producers = Census::from_sightings([
            seen(Source::Leader, "a", 0.0),
            seen(Source::Producer, "a", 1.0),
        ]);
        assert!(with_producers.complete());
        assert_eq!(with_producers.verdict("zombie"), Verdict::Unseen);
        assert_eq!(Census::default().verdict("x"), Verdict::Unknowable);
    }

    #[test]
    fn queues_and_instances_are_collected() {
        let census = Census::from_sightings([
            Sighting {
                queue: Some("mail".into()),
                instance: Some("Oban".into()),
                ..seen(Source::Gossip, "w1", 0.5)
            },
            Sighting {
                queue: Some("default".into()),
                ..seen(Source::Producer, "w1", 3.0)
            },
        ]);
        let w1 = census.get("w1").unwrap();
        assert_eq!(
            w1.queues.iter().map(String::as_str).collect::<Vec<_>>(),
            ["default", "mail"]
        );
        assert_eq!(w1.instances.len(), 1);
    }

    #[test]
    fn gossip_and_sonar_are_sightings() {
        let gossip = notifier::encode(
            &serde_json::json!({"checks": [
                {"queue": "alpha", "node": "py-1", "name": "Oban", "local_limit": 3},
                {"queue": "beta"},
                "junk"
            ]}),
            notifier::Encoding::BareGzip,
        );
        let heard = Heard {
            notifications: vec![
                Notification {
                    channel: "public.oban_gossip".into(),
                    payload: gossip,
                    process_id: 1,
                    after: Duration::from_millis(500),
                },
                Notification {
                    channel: "public.oban_gossip".into(),
                    payload: "not json".into(),
                    process_id: 1,
                    after: Duration::from_millis(600),
                },
                Notification {
                    channel: "public.oban_sonar".into(),
                    payload: r#"{"node":"ex-1","ping":true}"#.into(),
                    process_id: 2,
                    after: Duration::from_millis(1500),
                },
            ],
            dropped: 0,
            unreadable: 0,
            window: Duration::from_secs(2),
            round_trip: Duration::from_millis(2),
            interrupted: None,
        };
        let sightings = gossip_sightings(&heard, "public");
        assert_eq!(sightings.len(), 2);
        assert_eq!(sightings[0].node, "py-1");
        assert_eq!(sightings[0].queue.as_deref(), Some("alpha"));
        assert_eq!(sightings[0].age_secs, Some(1.5));
        assert_eq!(sightings[1].source, Source::Sonar);
        assert_eq!(sightings[1].age_secs, Some(0.5));
        assert!(gossip_sightings(&heard, "other").is_empty());
    }
}
