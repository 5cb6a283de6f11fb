//! Reading the audit trail: filters, how an event is displayed, and the bookkeeping that lets
//! `audit tail --follow` print late-committing events exactly once. Pure: no database access.

use std::collections::{BTreeSet, VecDeque};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::jobs::filter::{check_length, freeze_window, window_conditions, Bind, Sql, TimeBound};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub resource_type: Option<String>,
    pub resource_id: Option<String>,
    pub operation: Option<String>,
    pub since: Option<TimeBound>,
    pub until: Option<TimeBound>,
}

/// `job:42` -> (`job`, `42`); `job` -> (`job`, none). Ids may contain `:` (split at the first).
pub fn parse_resource(text: &str) -> Result<(String, Option<String>), String> {
    check_length("--resource", text)?;
    let (kind, id) = match text.split_once(':') {
        Some((kind, id)) => (kind, Some(id.to_string())),
        None => (text, None),
    };
    if kind.is_empty() || id.as_deref() == Some("") {
        return Err(format!("`{text}` is not TYPE or TYPE:ID"));
    }
    Ok((kind.to_string(), id))
}

impl AuditFilter {
    /// Replaces relative time bounds with absolute ones read from one clock.
    pub fn freeze(&mut self, now: chrono::NaiveDateTime) {
        freeze_window(&mut self.since, &mut self.until, now);
    }

    /// Conditions on the alias `e`; every value is a bind parameter. The equality filters match
    /// indexed columns (actor_id, action, resource_type + resource_id).
    pub fn conditions(&self, sql: &mut Sql) -> String {
        let mut parts = Vec::new();
        let mut eq = |column: &str, value: &Option<String>, sql: &mut Sql| {
            if let Some(value) = value {
                parts.push(format!(
                    "{column} = {}",
                    sql.bind(Bind::Text(value.clone()))
                ));
            }
        };
        eq("e.actor_id", &self.actor, sql);
        eq("e.action", &self.action, sql);
        eq("e.resource_type", &self.resource_type, sql);
        eq("e.resource_id", &self.resource_id, sql);
        eq("e.metadata->>'operation'", &self.operation, sql);
        parts.extend(window_conditions(
            sql,
            "e.inserted_at",
            &self.since,
            &self.until,
        ));
        if parts.is_empty() {
            "TRUE".into()
        } else {
            parts.join(" AND ")
        }
    }
}

/// Who acted, as the Elixir library's UI shows it: `metadata.principal`, then a non-empty
/// `actor_id`, else `system`.
pub fn effective_actor(actor_id: Option<&str>, metadata: &Value) -> String {
    let principal = &metadata["principal"];
    if principal.is_object() {
        if let Some(id) = principal["id"].as_str().filter(|s| !s.is_empty()) {
            return id.to_string();
        }
    }
    actor_id
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| "system".to_string())
}

/// The event's outcome, wherever its writer put it.
pub fn outcome(metadata: &Value) -> Option<String> {
    ["result", "status", "decision"]
        .iter()
        .find_map(|key| metadata[*key].as_str().map(str::to_string))
}

/// How long after an id was assigned its transaction may still commit and be printed by
/// `--follow`.
pub const FOLLOW_OVERLAP: Duration = Duration::from_secs(60);

/// Tracks what `--follow` has printed. Each poll reads ids above `floor`; `floor` only moves past
/// an id once [`FOLLOW_OVERLAP`] has passed since that id was seen as the newest, so an earlier id
/// whose transaction commits late is still read, and `seen` keeps it from being printed twice.
#[derive(Debug)]
pub struct FollowWindow {
    floor: i64,
    seen: BTreeSet<i64>,
    history: VecDeque<(Instant, i64)>,
    overlap: Duration,
}

impl FollowWindow {
    pub fn new(floor: i64, overlap: Duration) -> Self {
        FollowWindow {
            floor,
            seen: BTreeSet::new(),
            history: VecDeque::new(),
            overlap,
        }
    }

    /// Ids at or below this are settled; poll for `id > floor`.
    pub fn floor(&self) -> i64 {
        self.floor
    }

    /// True the first time an id is offered.
    pub fn accept(&mut self, id: i64) -> bool {
        id > self.floor && self.seen.insert(id)
    }

    /// Records that, at `now`, ids up to `newest` had been read, and settles what is old enough.
    pub fn advance(&mut self, now: Instant, newest: i64) {
        self.history.push_back((now, newest));
        while let Some(&(at, id)) = self.history.front() {
            if now.duration_since(at) < self.overlap {
                break;
            }
            self.floor = self.floor.max(id);
            self.history.pop_front();
        }
        let floor = self.floor;
        self.seen.retain(|id| *id > floor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn resources_parse_with_or_without_id() {
        assert_eq!(
            parse_resource("job:42").unwrap(),
            ("job".into(), Some("42".into()))
        );
        assert_eq!(
            parse_resource("cron_entry").unwrap(),
            ("cron_entry".into(), None)
        );
        assert_eq!(
            parse_resource("x:a:b").unwrap(),
            ("x".into(), Some("a:b".into()))
        );
        assert!(parse_resource(":1").is_err());
        assert!(parse_resource("job:").is_err());
    }

    #[test]
    fn filters_bind_every_value() {
        let filter = AuditFilter {
            actor: Some("ops'; --".into()),
            resource_type: Some("job".into()),
            operation: Some("job_retry".into()),
            ..Default::default()
        };
        let mut sql = Sql::default();
        assert_eq!(
            filter.conditions(&mut sql),
            "e.actor_id = $1 AND e.resource_type = $2 AND e.metadata->>'operation' = $3"
        );
        assert_eq!(sql.binds.len(), 3);
        assert_eq!(
            AuditFilter::default().conditions(&mut Sql::default()),
            "TRUE"
        );
    }

    #[test]
    fn the_actor_shown_follows_the_library() {
        let principal = json!({"principal": {"id": "system:workflow_runtime", "type": "system"}});
        assert_eq!(
            effective_actor(Some("x"), &principal),
            "system:workflow_runtime"
        );
        assert_eq!(effective_actor(Some("ops-demo"), &json!({})), "ops-demo");
        assert_eq!(
            effective_actor(Some(""), &json!({"principal": {}})),
            "system"
        );
        assert_eq!(effective_actor(None, &Value::Null), "system");
    }

    #[test]
    fn outcomes_come_from_result_status_or_decision() {
        assert_eq!(outcome(&json!({"result": "ok"})).as_deref(), Some("ok"));
        assert_eq!(
            outcome(&json!({"decision": "claimed"})).as_deref(),
            Some("claimed")
        );
        assert_eq!(outcome(&json!({})), None);
    }

    #[test]
    fn follow_prints_late_commits_once_and_forgets_settled_ids() {
        let start = Instant::now();
        let at = |s: u64| start + Duration::from_secs(s);
        let mut window = FollowWindow::new(10, Duration::from_secs(60));
        // Poll 1 sees 12 (11 is still uncommitted).
        assert!(window.accept(12));
        window.advance(at(0), 12);
        assert_eq!(window.floor(), 10, "11 may still commit");
        // Poll 2: 11 committed late; 12 is read again but not reprinted.
        assert!(window.accept(11));
        assert!(!window.accept(12));
        window.advance(at(1), 12);
        // A minute later the window settles up to 12 and forgets what it no longer needs.
        window.advance(at(61), 12);
        assert_eq!(window.floor(), 12);
        assert!(!window.accept(11), "settled ids are never printed again");
        assert!(window.accept(13));
    }
}
