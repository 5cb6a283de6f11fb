//! `cron_entry`, `cron_plan` and `cron_change` records and their views (`cron list|show|pause|
//! resume`). Pure.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::db::cron::{Backend, CronEntry, Slot};
use crate::decode::{human_time, Json, Timestamp};
use crate::output::{fmt, time, Column, Doc, Line, Record, Span, Style, Table, View};
use crate::report::audit::AuditEventRecord;
use crate::report::audit::AuditTable;

/// One computed fire time.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CronFire {
    /// The instant, RFC 3339 UTC.
    #[serde(serialize_with = "time::utc_aware")]
    pub at: DateTime<Utc>,
    /// The entry's wall-clock time then, e.g. `2027-11-07T01:30:00`.
    pub local_time: String,
    /// The zone's offset then, e.g. `-04:00` (a wall time shown twice fires once per offset).
    pub utc_offset: String,
    /// The zone's abbreviation then, e.g. `EDT`.
    pub zone_abbreviation: String,
}

impl CronFire {
    pub fn new(at: DateTime<Tz>) -> CronFire {
        CronFire {
            at: at.with_timezone(&Utc),
            local_time: at.naive_local().format("%Y-%m-%dT%H:%M:%S").to_string(),
            utc_offset: at.format("%:z").to_string(),
            zone_abbreviation: at.format("%Z").to_string(),
        }
    }

    /// `2027-11-07 05:30:00Z (01:30 EDT)`
    fn human(&self) -> String {
        format!(
            "{} ({} {})",
            time::human(self.at.naive_utc()),
            self.local_time.get(11..16).unwrap_or(&self.local_time),
            self.zone_abbreviation
        )
    }
}

/// The newest claimed slot of an entry.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LastClaim {
    pub slot_at: Timestamp,
    pub state: Option<String>,
}

/// One slot of a Powertools entry (`cron show`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CronSlotRecord {
    pub slot_at: Timestamp,
    pub state: String,
    pub job_id: Option<i64>,
    pub decision: Option<String>,
}

impl CronSlotRecord {
    pub fn from_slot(slot: &Slot) -> CronSlotRecord {
        CronSlotRecord {
            slot_at: slot.slot_at,
            state: slot.state.clone(),
            job_id: slot.job_id,
            decision: slot.decision.clone(),
        }
    }
}

/// One cron entry with its computed schedule.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CronEntryRecord {
    pub name: String,
    pub backend: Backend,
    pub source: String,
    pub expression: String,
    pub timezone: String,
    pub worker: String,
    pub queue: String,
    pub paused: bool,
    pub paused_at: Option<Timestamp>,
    pub last_run_at: Option<Timestamp>,
    pub policies: Json,
    pub last_claim: Option<LastClaim>,
    /// The instant the fire times are computed from (`--at`, else now).
    #[serde(serialize_with = "time::utc_aware")]
    pub computed_from: DateTime<Utc>,
    /// The next fire times as Oban's cron plugin fires them, computed here (the library stores
    /// the expression and zone but computes nothing). Empty when `schedule_error` says why.
    pub next_fires: Vec<CronFire>,
    pub schedule_error: Option<String>,
    /// `cron show` only: the newest slots first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recent_slots: Option<Vec<CronSlotRecord>>,
}

impl Record for CronEntryRecord {
    const KIND: &'static str = "cron_entry";
}

impl CronEntryRecord {
    pub fn new(
        backend: Backend,
        entry: &CronEntry,
        from: DateTime<Utc>,
        count: usize,
    ) -> CronEntryRecord {
        let (next_fires, schedule_error) =
            match crate::cron::Schedule::parse(&entry.expression, &entry.timezone) {
                Ok(schedule) => (
                    schedule
                        .next_fires(from, count)
                        .into_iter()
                        .map(CronFire::new)
                        .collect(),
                    None,
                ),
                Err(e) => (Vec::new(), Some(e)),
            };
        CronEntryRecord {
            name: entry.name.clone(),
            backend,
            source: entry.source.clone(),
            expression: entry.expression.clone(),
            timezone: entry.timezone.clone(),
            worker: entry.worker.clone(),
            queue: entry.queue.clone(),
            paused: entry.paused,
            paused_at: entry.paused_at,
            last_run_at: entry.last_run_at,
            policies: entry.policies.clone(),
            last_claim: entry.last_slot_at.map(|slot_at| LastClaim {
                slot_at,
                state: entry.last_slot_state.clone(),
            }),
            computed_from: from,
            next_fires,
            schedule_error,
            recent_slots: None,
        }
    }

    /// `no`, `since 2026-12-01 19:55:08Z`, or `yes` (Pro keeps no timestamp).
    pub fn paused_text(&self) -> String {
        match (self.paused, self.paused_at) {
            (false, _) => "no".into(),
            (true, Some(at)) => format!("since {at}"),
            (true, None) => "yes".into(),
        }
    }

    fn paused_span(&self) -> Span {
        Span::maybe(self.paused_text(), self.paused.then_some(Style::Warn))
    }

    fn last_claim_text(&self) -> String {
        match &self.last_claim {
            Some(claim) => format!("{} {}", claim.slot_at, claim.state.as_deref().unwrap_or(""))
                .trim_end()
                .to_string(),
            None => "-".into(),
        }
    }

    fn next_fire_span(&self) -> Span {
        match (&self.schedule_error, self.next_fires.first()) {
            (Some(e), _) => Span::styled(format!("cannot compute: {e}"), Style::Bad),
            (None, Some(fire)) => Span::plain(time::human(fire.at.naive_utc())),
            (None, None) => Span::plain("never"),
        }
    }
}

fn backend_text(backend: Backend) -> &'static str {
    match backend {
        Backend::Powertools => "powertools",
        Backend::ObanPro => "oban_pro",
    }
}

/// `cron list`: one `cron_entry` line each; a table for people.
pub struct CronList<'a> {
    pub entries: &'a [CronEntryRecord],
}

impl View for CronList<'_> {
    fn view(&self) -> Doc {
        if self.entries.is_empty() {
            return Doc::new().line("No cron entries.");
        }
        let mut table = Table::new(vec![
            Column::new("name").max(30),
            Column::new("expression").max(20),
            Column::new("zone").max(20),
            Column::new("worker").max(30),
            Column::new("queue").max(16),
            Column::new("paused").max(30),
            Column::new("last claim").max(30),
            Column::new("next fire (UTC)").max(40),
        ]);
        for entry in self.entries {
            table.row(vec![
                Span::plain(entry.name.clone()),
                Span::plain(entry.expression.clone()),
                Span::plain(entry.timezone.clone()),
                Span::plain(entry.worker.clone()),
                Span::plain(entry.queue.clone()),
                entry.paused_span(),
                Span::plain(entry.last_claim_text()),
                entry.next_fire_span(),
            ]);
        }
        Doc::new().table(table)
    }
}

/// `cron show`: the entry's fields, its next fires, recent slots and audit history.
pub struct CronShow<'a> {
    pub entry: &'a CronEntryRecord,
    pub history: &'a [AuditEventRecord],
}

impl View for CronShow<'_> {
    fn view(&self) -> Doc {
        let e = self.entry;
        let mut table = Table::with_headers(&["field", "value"]);
        let fields: Vec<(&str, Span)> = vec![
            ("name", e.name.clone().into()),
            ("backend", backend_text(e.backend).into()),
            ("source", e.source.clone().into()),
            ("expression", e.expression.clone().into()),
            ("timezone", e.timezone.clone().into()),
            ("worker", e.worker.clone().into()),
            ("queue", e.queue.clone().into()),
            ("paused", e.paused_span()),
            ("last_run_at", human_time(e.last_run_at).into()),
            ("last claim", e.last_claim_text().into()),
            ("policies", e.policies.compact().into()),
        ];
        for (name, value) in fields {
            table.row(vec![Span::plain(name), value]);
        }
        let mut doc = Doc::new().table(table).blank();
        doc = doc.line(Line::new().styled(
            format!(
                "next fires (computed from {}, as Oban's cron plugin fires them):",
                time::human(e.computed_from.naive_utc())
            ),
            Style::Bold,
        ));
        match &e.schedule_error {
            Some(err) => {
                doc = doc.line(
                    Line::new()
                        .push("  ")
                        .styled(format!("cannot compute: {err}"), Style::Bad),
                )
            }
            None if e.next_fires.is_empty() => doc = doc.line("  never"),
            None => {
                for fire in &e.next_fires {
                    doc = doc.line(format!("  {}", fire.human()));
                }
            }
        }
        let slots = e.recent_slots.as_deref().unwrap_or_default();
        doc = doc.blank().line(Line::new().styled(
            format!("recent slots ({}):", fmt::number(slots.len() as i64)),
            Style::Bold,
        ));
        if !slots.is_empty() {
            let mut table = Table::new(vec![
                Column::new("slot"),
                Column::new("state").max(30),
                Column::right("job"),
                Column::new("decision").max(40),
            ]);
            for s in slots {
                table.row(vec![
                    Span::plain(s.slot_at.to_string()),
                    Span::plain(s.state.clone()),
                    Span::plain(
                        s.job_id
                            .map(|j| j.to_string())
                            .unwrap_or_else(|| "-".into()),
                    ),
                    Span::plain(s.decision.clone().unwrap_or_else(|| "-".into())),
                ]);
            }
            doc = doc.table(table);
        }
        doc = doc.blank().line(Line::new().styled(
            format!(
                "audit history ({}):",
                fmt::number(self.history.len() as i64)
            ),
            Style::Bold,
        ));
        if !self.history.is_empty() {
            doc = doc.extend(
                AuditTable {
                    events: self.history,
                }
                .view(),
            );
        }
        doc
    }
}

/// What a pause or resume does to the entry.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CronChangeKind {
    Pause,
    Resume,
    /// Already in the wanted state.
    None,
}

/// Why a pause or resume changed nothing, or that it changed the entry.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CronOutcome {
    Changed,
    AlreadyPaused,
    AlreadyRunning,
    /// Another session paused or resumed it between our read and our update.
    ChangedConcurrently,
}

impl CronOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            CronOutcome::Changed => "changed",
            CronOutcome::AlreadyPaused => "already_paused",
            CronOutcome::AlreadyRunning => "already_running",
            CronOutcome::ChangedConcurrently => "changed_concurrently",
        }
    }
}

/// What `cron pause|resume` will do (all `--dry-run` prints, with its summary).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CronPlan {
    /// `cron_pause` or `cron_resume`.
    pub operation: String,
    pub dry_run: bool,
    pub name: String,
    pub backend: Backend,
    /// The entry now.
    pub paused: bool,
    pub paused_at: Option<Timestamp>,
    pub change: CronChangeKind,
    /// Set when `change` is `none`: `already_paused` or `already_running`.
    pub skip: Option<CronOutcome>,
    pub notes: Vec<String>,
}

impl Record for CronPlan {
    const KIND: &'static str = "cron_plan";
}

impl View for CronPlan {
    fn view(&self) -> Doc {
        let verb = if self.operation == "cron_pause" {
            "pause"
        } else {
            "resume"
        };
        let mut doc = match self.change {
            CronChangeKind::None => Doc::new().line(format!(
                "Cron entry {} is {}; nothing to do.",
                self.name,
                state_text(self.skip, self.paused_at)
            )),
            _ => Doc::new().line(
                Line::new()
                    .styled(format!("Would {verb}"), Style::Bold)
                    .push(format!(
                        " cron entry {} ({}).",
                        self.name,
                        backend_text(self.backend)
                    )),
            ),
        };
        for note in &self.notes {
            doc = doc.line(note.clone());
        }
        if self.dry_run {
            doc = doc.line("Dry run: nothing was changed.");
        }
        doc
    }
}

fn state_text(outcome: Option<CronOutcome>, paused_at: Option<Timestamp>) -> String {
    match (outcome, paused_at) {
        (Some(CronOutcome::AlreadyPaused), Some(at)) => format!("already paused (since {at})"),
        (Some(CronOutcome::AlreadyPaused), None) => "already paused".into(),
        (Some(CronOutcome::AlreadyRunning), _) => "already running (not paused)".into(),
        _ => "unchanged".into(),
    }
}

/// What `cron pause|resume` did: the same keys whether or not anything changed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CronChange {
    /// `cron_pause` or `cron_resume`.
    pub operation: String,
    pub name: String,
    pub backend: Backend,
    pub outcome: CronOutcome,
    /// The entry afterwards.
    pub paused: bool,
    pub paused_at: Option<Timestamp>,
    /// The audit event written, when something changed.
    pub audit_id: Option<i64>,
    /// The database clock at the change, when something changed.
    pub changed_at: Option<Timestamp>,
}

impl Record for CronChange {
    const KIND: &'static str = "cron_change";
}

impl View for CronChange {
    fn view(&self) -> Doc {
        match self.outcome {
            CronOutcome::Changed => {
                let (past, effect) = if self.operation == "cron_pause" {
                    ("Paused", "future claims stop until resumed")
                } else {
                    ("Resumed", "future claims may resume")
                };
                let mut doc =
                    Doc::new().line(format!("{past} cron entry {} ({effect}).", self.name));
                if let Some(id) = self.audit_id {
                    doc = doc.line(Span::styled(
                        format!("Recorded in the audit log as event {id}."),
                        Style::Dim,
                    ));
                }
                doc
            }
            CronOutcome::ChangedConcurrently => Doc::new().line(Span::styled(
                format!(
                    "Cron entry {} was changed by another session meanwhile; nothing to do.",
                    self.name
                ),
                Style::Warn,
            )),
            skip => Doc::new().line(format!(
                "Cron entry {} is {}; nothing to do.",
                self.name,
                state_text(Some(skip), self.paused_at)
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::render::{self, RenderOptions};

    fn entry(expression: &str, timezone: &str) -> CronEntry {
        CronEntry {
            name: "nightly\x1b]0;x\x07".into(),
            source: "config".into(),
            worker: "W".into(),
            queue: "default".into(),
            expression: expression.into(),
            timezone: timezone.into(),
            paused_at: Some(Timestamp::Infinity),
            paused: true,
            last_run_at: Some(Timestamp::NegInfinity),
            policies: Json::Unreadable {
                bytes: 400,
                reason: "json too deep",
            },
            last_slot_at: Some(Timestamp::Infinity),
            last_slot_state: None,
        }
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn hostile_entries_are_shown_as_such() {
        let record = CronEntryRecord::new(
            Backend::Powertools,
            &entry("0 2 * * *", "Mars/Olympus"),
            at("2026-11-23T08:00:00Z"),
            3,
        );
        let json = serde_json::to_value(&record).unwrap();
        assert_eq!(json["paused_at"], "infinity");
        assert_eq!(json["last_run_at"], "-infinity");
        assert_eq!(json["last_claim"]["slot_at"], "infinity");
        assert_eq!(json["policies"], "<json too deep: 400 B>");
        assert!(json["schedule_error"]
            .as_str()
            .unwrap()
            .contains("Mars/Olympus"));
        let text = render::doc(
            &CronList {
                entries: std::slice::from_ref(&record),
            }
            .view(),
            &RenderOptions::PLAIN,
        );
        assert!(text.contains("since infinity"), "{text}");
        assert!(!text.contains('\x1b'), "{text:?}");
    }

    #[test]
    fn fires_carry_the_instant_and_the_wall_time() {
        let record = CronEntryRecord::new(
            Backend::Powertools,
            &entry("30 1 7 11 *", "America/New_York"),
            at("2027-11-01T00:00:00Z"),
            2,
        );
        let json = serde_json::to_value(&record).unwrap();
        assert_eq!(json["next_fires"][0]["at"], "2027-11-07T05:30:00.000000Z");
        assert_eq!(json["next_fires"][0]["local_time"], "2027-11-07T01:30:00");
        assert_eq!(json["next_fires"][0]["utc_offset"], "-04:00");
        assert_eq!(json["next_fires"][1]["at"], "2027-11-07T06:30:00.000000Z");
        assert_eq!(json["next_fires"][1]["zone_abbreviation"], "EST");
        let text = render::doc(
            &CronShow {
                entry: &record,
                history: &[],
            }
            .view(),
            &RenderOptions::PLAIN,
        );
        assert!(text.contains("2027-11-07 05:30:00Z (01:30 EDT)"), "{text}");
        assert!(text.contains("2027-11-07 06:30:00Z (01:30 EST)"), "{text}");
    }

    #[test]
    fn pause_and_resume_give_the_same_keys_whether_or_not_anything_changed() {
        let changed = CronChange {
            operation: "cron_pause".into(),
            name: "n".into(),
            backend: Backend::Powertools,
            outcome: CronOutcome::Changed,
            paused: true,
            paused_at: Some(Timestamp::Infinity),
            audit_id: Some(3),
            changed_at: Some(Timestamp::Infinity),
        };
        let unchanged = CronChange {
            outcome: CronOutcome::AlreadyPaused,
            audit_id: None,
            changed_at: None,
            ..changed.clone()
        };
        let keys = |c: &CronChange| {
            serde_json::to_value(c)
                .unwrap()
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&changed), keys(&unchanged));
        assert_eq!(
            serde_json::to_value(&unchanged).unwrap()["outcome"],
            "already_paused"
        );
    }
}
