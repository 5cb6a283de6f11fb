//! Reading the audit trail: filters, how an event is displayed, and the bookkeeping that lets
//! `audit tail --follow` print late-committing events exactly once. Pure: no database access.

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

/// The actions (event types) the Powertools library and obanctl write. `--action` accepts these
/// and any other action already recorded in the table; anything else is refused as a typo.
pub const KNOWN_ACTIONS: &[&str] = &[
    "audit.purged",
    "batch.completed",
    "batch.exhausted",
    "chain.step_succeeded",
    "cli.bulk_operation",
    "cli.mutation_refused",
    "cron.paused",
    "cron.reconfigured",
    "cron.resumed",
    "cron.run_now",
    "cron.run_now_previewed",
    "cron.slot_claimed",
    "demo.created",
    "lifeline.host_follow_up",
    "lifeline.repair_executed",
    "limiter.blocked",
    "limiter.cooled_down",
    "limiter.pressure_restored_observed",
    "limiter.reconfigured",
    "limiter.released",
    "powertools.hardened",
    "powertools.installed",
    "workflow.cancel_requested",
    "workflow.recovery_completed",
    "workflow.step_completed",
    "workflow.step_unblocked",
    "workflow.terminal",
];

/// The refusal for an `--action` that is neither known nor recorded: a did-you-mean from the
/// known and recorded actions.
pub fn unknown_action(wanted: &str, recorded: &[String]) -> String {
    let mut names: Vec<String> = KNOWN_ACTIONS.iter().map(|a| a.to_string()).collect();
    names.extend(recorded.iter().cloned());
    names.sort();
    names.dedup();
    let close = crate::cron::closest_names(wanted, &names, 3);
    if close.is_empty() {
        format!("no audit event has action `{wanted}`, and obanctl knows no such action (see `obanctl audit tail` for the actions recorded)")
    } else {
        format!(
            "no audit event has action `{wanted}`, and obanctl knows no such action; did you mean: {}?",
            close.join(", ")
        )
    }
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

/// How long `--follow` keeps waiting for an id it has seen skipped (a transaction that took the id
/// and has not committed yet) before giving up on it.
pub const FOLLOW_OVERLAP: Duration = Duration::from_secs(60);
/// A skipped run of ids longer than this is a sequence jump (`setval`, a large cache), not
/// transactions in flight: it is not waited for.
pub const FOLLOW_MAX_GAP: i64 = 100_000;
/// At most this many skipped ids are waited for at once; the oldest are given up first.
pub const FOLLOW_MAX_PENDING: i64 = 200_000;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Pending {
    lo: i64,
    hi: i64,
    since: Instant,
}

/// What `--follow` has printed. Ids are assigned at insert time, not commit time, so a later id
/// can commit first. The window keeps `high`, the highest id seen, and the runs of ids below it
/// that were not visible when it moved past them (`pending`): an id is printed when it first shows
/// up above `high`, or when it shows up inside a pending run (and leaves it), and never otherwise.
/// So every event that commits after the start is printed exactly once, in the order it becomes
/// visible, and nothing committed before the start is, however many rows arrive at once.
#[derive(Debug)]
pub struct FollowWindow {
    high: i64,
    pending: Vec<Pending>,
    overlap: Duration,
}

impl FollowWindow {
    /// Starts at `high` (the highest id visible when the command started), waiting for the
    /// `gaps` below it that were not visible then (transactions in flight at the start).
    pub fn new(high: i64, gaps: &[(i64, i64)], now: Instant, overlap: Duration) -> Self {
        let mut window = FollowWindow {
            high,
            pending: Vec::new(),
            overlap,
        };
        for &(lo, hi) in gaps {
            window.wait_for(lo, hi, now);
        }
        window
    }

    fn wait_for(&mut self, lo: i64, hi: i64, now: Instant) {
        if hi >= lo && hi - lo < FOLLOW_MAX_GAP {
            self.pending.push(Pending { lo, hi, since: now });
        }
        let mut total: i64 = self.pending.iter().map(|p| p.hi - p.lo + 1).sum();
        while total > FOLLOW_MAX_PENDING && !self.pending.is_empty() {
            let oldest = self.pending.remove(0);
            total -= oldest.hi - oldest.lo + 1;
        }
    }

    /// Poll for ids above this...
    pub fn high(&self) -> i64 {
        self.high
    }

    /// ... and for these runs of ids (inclusive bounds), as two arrays for the query.
    pub fn pending(&self) -> (Vec<i64>, Vec<i64>) {
        self.pending.iter().map(|p| (p.lo, p.hi)).unzip()
    }

    /// Takes one poll's answer: `late`, the pending ids now visible, and `new`, ids above `high`
    /// in ascending order. Returns the ids to print, ascending; each id is returned at most once
    /// over the window's life.
    pub fn observe(&mut self, now: Instant, late: &[i64], new: &[i64]) -> Vec<i64> {
        let mut out = Vec::new();
        for &id in late {
            if let Some(i) = self.pending.iter().position(|p| p.lo <= id && id <= p.hi) {
                let p = self.pending.remove(i);
                if p.lo < id {
                    self.pending.push(Pending {
                        lo: p.lo,
                        hi: id - 1,
                        since: p.since,
                    });
                }
                if id < p.hi {
                    self.pending.push(Pending {
                        lo: id + 1,
                        hi: p.hi,
                        since: p.since,
                    });
                }
                out.push(id);
            }
        }
        for &id in new {
            if id > self.high {
                if id > self.high + 1 {
                    self.wait_for(self.high + 1, id - 1, now);
                }
                self.high = id;
                out.push(id);
            }
        }
        self.pending.sort_by_key(|p| (p.since, p.lo));
        out.sort_unstable();
        out
    }

    /// Gives up on ids skipped longer ago than the overlap.
    pub fn expire(&mut self, now: Instant) {
        let overlap = self.overlap;
        self.pending
            .retain(|p| now.duration_since(p.since) < overlap);
    }
}

/// Makes a CSV cell inert for spreadsheets: a cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading `'` (a plain number such as `-5` is left alone), and every
/// character the terminal sanitiser escapes (controls, DEL, C1, bidi characters) is written as
/// its visible escape (`\x1b`, `\u{202e}`), never raw.
pub fn csv_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    let escaped = crate::output::sanitize::inline(cell);
    let formula = cell
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'))
        && !is_plain_number(cell);
    if formula {
        std::borrow::Cow::Owned(format!("'{escaped}"))
    } else {
        escaped
    }
}

#[cfg(test)]
fn is_unsafe_char(c: char) -> bool {
    crate::output::sanitize::is_unsafe(c)
}

fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_unknown_action_suggests_the_close_ones() {
        let message = unknown_action("cron.pasued", &["app.custom".to_string()]);
        assert!(message.contains("did you mean: cron.paused"), "{message}");
        let message = unknown_action("app.custm", &["app.custom".to_string()]);
        assert!(message.contains("app.custom"), "{message}");
        assert!(!unknown_action("zzzzzzzzzzzzzzzzzz", &[]).contains("did you mean"));
    }

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
    fn follow_prints_late_commits_once_and_nothing_from_before_the_start() {
        let start = Instant::now();
        let at = |s: u64| start + Duration::from_secs(s);
        // At the start the newest visible id was 10; 8 was in flight.
        let mut window = FollowWindow::new(10, &[(8, 8)], start, Duration::from_secs(60));
        assert_eq!(window.pending(), (vec![8], vec![8]));
        // Poll 1 sees 12 (11 is still uncommitted).
        assert_eq!(window.observe(at(0), &[], &[12]), vec![12]);
        assert_eq!(window.pending(), (vec![8, 11], vec![8, 11]));
        // Poll 2: 11 and 8 committed late; 12 is not offered again (it is below high).
        assert_eq!(window.observe(at(1), &[11, 8], &[]), vec![8, 11]);
        assert_eq!(window.observe(at(1), &[11, 8], &[12]), Vec::<i64>::new());
        assert_eq!(window.pending(), (vec![], vec![]));
        // A run of skipped ids splits as its ids commit, and is given up after the overlap.
        assert_eq!(window.observe(at(2), &[], &[13, 20]), vec![13, 20]);
        assert_eq!(window.observe(at(3), &[16], &[]), vec![16]);
        assert_eq!(window.pending(), (vec![14, 17], vec![15, 19]));
        window.expire(at(61));
        assert_eq!(window.pending().0.len(), 2, "still within the overlap");
        window.expire(at(63));
        assert!(window.pending().0.is_empty());
        assert!(window.observe(at(64), &[14], &[]).is_empty());
    }

    #[test]
    fn follow_moves_past_any_number_of_new_rows_and_ignores_sequence_jumps() {
        let start = Instant::now();
        let mut window = FollowWindow::new(0, &[], start, Duration::from_secs(60));
        let chunk: Vec<i64> = (1..=10_000).collect();
        assert_eq!(window.observe(start, &[], &chunk).len(), 10_000);
        assert_eq!(
            window.high(),
            10_000,
            "the next chunk starts after this one"
        );
        let next: Vec<i64> = (10_001..=20_000).collect();
        assert_eq!(window.observe(start, &[], &next).len(), 10_000);
        assert_eq!(window.observe(start, &[], &[5_000_000]), vec![5_000_000]);
        assert!(
            window.pending().0.is_empty(),
            "a jump of millions is not waited for"
        );
    }

    #[test]
    fn csv_cells_are_inert() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        for bad in ["+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert!(csv_cell(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(csv_cell("\tx"), "'\\tx");
        assert_eq!(csv_cell("-5"), "-5");
        assert_eq!(csv_cell("12.5"), "12.5");
        assert_eq!(csv_cell("job:1"), "job:1");
        assert_eq!(
            csv_cell("a\u{1b}[2Jb\u{202e}c\u{9b}"),
            "a\\x1b[2Jb\\u{202e}c\\u{9b}"
        );
        assert_eq!(csv_cell("line\nbreak"), "line\\nbreak");
    }

    proptest::proptest! {
        #[test]
        fn csv_cells_never_carry_controls_or_formulas(cell in "\\PC*|[=+@\\-\t\r\u{1b}\u{202e}].*") {
            let out = csv_cell(&cell);
            proptest::prop_assert!(!out.chars().any(is_unsafe_char));
            let first = out.chars().next();
            proptest::prop_assert!(
                !matches!(first, Some('=' | '+' | '-' | '@')) || is_plain_number(&out),
                "{:?}", out
            );
        }

        #[test]
        fn follow_prints_each_id_once(commits in proptest::collection::vec(1i64..200, 0..300)) {
            // Ids commit in an arbitrary order; each poll sees what committed so far.
            let start = Instant::now();
            let mut window = FollowWindow::new(0, &[], start, Duration::from_secs(3600));
            let mut visible = std::collections::BTreeSet::new();
            let mut printed = Vec::new();
            for id in commits {
                visible.insert(id);
                let (lo, hi) = window.pending();
                let late: Vec<i64> = visible.iter().copied()
                    .filter(|v| lo.iter().zip(&hi).any(|(l, h)| l <= v && v <= h)).collect();
                let new: Vec<i64> = visible.iter().copied().filter(|v| *v > window.high()).collect();
                printed.extend(window.observe(start, &late, &new));
            }
            let unique: std::collections::BTreeSet<i64> = printed.iter().copied().collect();
            proptest::prop_assert_eq!(unique.len(), printed.len());
            proptest::prop_assert_eq!(unique, visible);
        }
    }
}
