//! `limiter`, `limiter_explain` and `limiter_simulation` records and their views. Pure.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::decode::{human_time, Timestamp};
use crate::limiter::{Blocker, SettingsProblem, Step};
use crate::output::{fmt, Column, Doc, Line, Record, Span, Style, Table, View};

/// A point the limiter maths produced, with the ends of representable time shown as infinities.
pub fn ts(at: NaiveDateTime) -> Timestamp {
    if at == NaiveDateTime::MAX {
        Timestamp::Infinity
    } else if at == NaiveDateTime::MIN {
        Timestamp::NegInfinity
    } else {
        Timestamp::At(at)
    }
}

/// `capacity 100 per 1 min`
fn per_window(capacity: i64, span_ms: i64) -> String {
    format!(
        "{} per {}",
        fmt::count(capacity, "token"),
        fmt::millis(span_ms)
    )
}

fn problems_text(problems: &[SettingsProblem]) -> String {
    problems
        .iter()
        .map(|p| p.describe())
        .collect::<Vec<_>>()
        .join("; ")
}

/// One limiter (`limiter list`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LimiterRecord {
    pub name: String,
    pub scope: String,
    pub capacity: i64,
    pub span_ms: i64,
    pub default_weight: i64,
    pub partition_strategy: String,
    /// Partitions with a state row (charged at least once).
    pub partitions: i64,
    pub last_reserved_at: Option<Timestamp>,
    /// Empty when the settings can be judged; else the limiter is reported as invalid.
    pub settings_problems: Vec<SettingsProblem>,
}

impl Record for LimiterRecord {
    const KIND: &'static str = "limiter";
}

pub struct LimiterList<'a> {
    pub limiters: &'a [LimiterRecord],
}

impl View for LimiterList<'_> {
    fn view(&self) -> Doc {
        if self.limiters.is_empty() {
            return Doc::new().line("No limiters (a limiter appears after its first reservation).");
        }
        let mut table = Table::new(vec![
            Column::new("name").max(30),
            Column::new("scope").max(14),
            Column::new("limit").max(40),
            Column::right("weight"),
            Column::right("partitions"),
            Column::new("last reserved"),
            Column::new("settings").max(40),
        ]);
        for l in self.limiters {
            table.row(vec![
                Span::plain(l.name.clone()),
                Span::plain(l.scope.clone()),
                Span::plain(per_window(l.capacity, l.span_ms)),
                Span::plain(fmt::number(l.default_weight)),
                Span::plain(fmt::number(l.partitions)),
                Span::plain(human_time(l.last_reserved_at)),
                if l.settings_problems.is_empty() {
                    Span::styled("ok", Style::Good)
                } else {
                    Span::styled(
                        format!("invalid: {}", problems_text(&l.settings_problems)),
                        Style::Bad,
                    )
                },
            ]);
        }
        Doc::new().table(table)
    }
}

/// A reason a request is refused.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum BlockerRecord {
    Cooldown {
        until: Timestamp,
        reason: Option<String>,
    },
    LimitReached {
        capacity: i64,
        used: i64,
        weight: i64,
        /// When the window ends; null when the weight can never fit.
        clears_at: Option<Timestamp>,
    },
}

impl BlockerRecord {
    pub fn from_blocker(blocker: &Blocker) -> BlockerRecord {
        match blocker {
            Blocker::Cooldown { until, reason } => BlockerRecord::Cooldown {
                until: ts(*until),
                reason: reason.clone(),
            },
            Blocker::LimitReached {
                capacity,
                used,
                weight,
                clears_at,
            } => BlockerRecord::LimitReached {
                capacity: *capacity,
                used: *used,
                weight: *weight,
                clears_at: clears_at.map(ts),
            },
        }
    }

    pub fn text(&self) -> String {
        match self {
            BlockerRecord::Cooldown { until, reason } => format!(
                "cooldown until {until}{}",
                reason.as_deref().map(|r| format!(" ({r})")).unwrap_or_default()
            ),
            BlockerRecord::LimitReached {
                capacity,
                used,
                weight,
                clears_at,
            } => match clears_at {
                Some(at) => format!(
                    "limit_reached: {} of {} used, weight {} does not fit; clears when the window ends at {at}",
                    fmt::number(*used),
                    fmt::count(*capacity, "token"),
                    fmt::number(*weight)
                ),
                None => format!(
                    "limit_reached: weight {} exceeds capacity {}; never admissible",
                    fmt::number(*weight),
                    fmt::number(*capacity)
                ),
            },
        }
    }
}

/// A partition's verdict.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PartitionStatus {
    Runnable,
    Blocked,
    /// The limiter's settings cannot be judged (see `settings_problems`).
    InvalidSettings,
    /// The stored row cannot be judged (an infinite window start, a negative count).
    InvalidState,
}

impl PartitionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PartitionStatus::Runnable => "runnable",
            PartitionStatus::Blocked => "blocked",
            PartitionStatus::InvalidSettings => "invalid_settings",
            PartitionStatus::InvalidState => "invalid_state",
        }
    }

    fn style(self) -> Style {
        match self {
            PartitionStatus::Runnable => Style::Good,
            PartitionStatus::Blocked => Style::Bad,
            _ => Style::Warn,
        }
    }
}

/// One partition of `limiter explain`: what is stored and, where it can be, the verdict.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PartitionRecord {
    pub partition: String,
    /// A state row exists: the partition has been charged at least once.
    pub seen: bool,
    pub status: PartitionStatus,
    pub stored_tokens_used: Option<i64>,
    pub stored_window_started_at: Option<Timestamp>,
    pub last_reserved_at: Option<Timestamp>,
    pub cooldown_until: Option<Timestamp>,
    pub cooldown_reason: Option<String>,
    /// As of now (an ended window counts as empty); null when the status is invalid_*.
    pub tokens_used: Option<i64>,
    pub remaining: Option<i64>,
    pub window_started_at: Option<Timestamp>,
    pub window_ends_at: Option<Timestamp>,
    /// The stored window had ended: its counter is stale and counts as 0.
    pub window_expired: Option<bool>,
    pub blockers: Vec<BlockerRecord>,
    /// When a request of the weight gets in (now if runnable); null if never or not judged.
    pub eligible_at: Option<Timestamp>,
    /// The weight can never be admitted (it exceeds capacity).
    pub never: bool,
    pub notes: Vec<String>,
}

/// `limiter explain`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LimiterExplain {
    pub resource: String,
    pub scope: String,
    pub capacity: i64,
    pub span_ms: i64,
    pub weight: i64,
    #[serde(serialize_with = "crate::output::time::utc")]
    pub now: NaiveDateTime,
    /// `runnable`, `blocked` (some partition is), `invalid_settings`, or `invalid_state` (a
    /// stored row cannot be judged and none is blocked).
    pub status: PartitionStatus,
    pub settings_problems: Vec<SettingsProblem>,
    pub partitions: Vec<PartitionRecord>,
    /// The latest blocker snapshot the library wrote for this limiter.
    pub evidence: Option<Evidence>,
}

impl Record for LimiterExplain {
    const KIND: &'static str = "limiter_explain";
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evidence {
    pub captured_at: Timestamp,
    pub blocker_codes: Vec<Option<String>>,
    pub partition: Option<String>,
}

impl View for LimiterExplain {
    fn view(&self) -> Doc {
        let mut doc = Doc::new().line(format!(
            "Limiter {} ({}, {}; judging a request of weight {} at {}):",
            self.resource,
            self.scope,
            per_window(self.capacity, self.span_ms),
            fmt::number(self.weight),
            Timestamp::At(self.now)
        ));
        if !self.settings_problems.is_empty() {
            doc = doc.line(Span::styled(
                format!(
                    "Invalid limiter settings: {}. Requests cannot be judged until the worker declares sane limits.",
                    problems_text(&self.settings_problems)
                ),
                Style::Bad,
            ));
        }
        if self.partitions.is_empty() {
            return doc.line(
                "No partition has been charged yet: every request within capacity is runnable.",
            );
        }
        let mut table = Table::new(vec![
            Column::new("partition").max(30),
            Column::new("status"),
            Column::new("used"),
            Column::right("left"),
            Column::new("window end"),
            Column::new("eligible at"),
        ]);
        let opt_num = |n: Option<i64>| n.map(fmt::number).unwrap_or_else(|| "-".into());
        for p in &self.partitions {
            table.row(vec![
                Span::plain(p.partition.clone()),
                Span::styled(p.status.as_str(), p.status.style()),
                Span::plain(match p.tokens_used {
                    Some(used) => {
                        format!("{} of {}", fmt::number(used), fmt::number(self.capacity))
                    }
                    None => "-".into(),
                }),
                Span::plain(opt_num(p.remaining)),
                Span::plain(human_time(p.window_ends_at)),
                Span::plain(match (p.eligible_at, p.never) {
                    (_, true) => "never".to_string(),
                    (Some(at), _) => at.to_string(),
                    (None, _) => "-".into(),
                }),
            ]);
        }
        doc = doc.table(table);
        for p in &self.partitions {
            for blocker in &p.blockers {
                doc = doc.line(format!("  {}: {}", p.partition, blocker.text()));
            }
            for note in &p.notes {
                doc = doc.line(format!("  {}: {note}", p.partition));
            }
        }
        if let Some(e) = &self.evidence {
            doc = doc.line(Span::styled(
                format!(
                    "Last blocked enqueue recorded {} ({}, partition {}).",
                    e.captured_at,
                    crate::decode::join_texts(&e.blocker_codes, ", "),
                    e.partition.as_deref().unwrap_or("?")
                ),
                Style::Dim,
            ));
        }
        doc
    }
}

/// One simulated request.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StepRecord {
    pub request: usize,
    #[serde(serialize_with = "crate::output::time::utc")]
    pub at: NaiveDateTime,
    pub reserved: bool,
    /// A new window started with this request.
    pub window_reset: bool,
    pub tokens_used: i64,
    pub blockers: Vec<BlockerRecord>,
    /// What the library's runtime answers here; it differs only after a window end.
    pub library_reserved: bool,
}

impl StepRecord {
    pub fn from_step(step: &Step) -> StepRecord {
        StepRecord {
            request: step.request,
            at: step.at,
            reserved: step.reserved,
            window_reset: step.window_reset,
            tokens_used: step.tokens_used,
            blockers: step
                .blockers
                .iter()
                .map(BlockerRecord::from_blocker)
                .collect(),
            library_reserved: step.library_reserved,
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StartState {
    pub tokens_used: i64,
    #[serde(serialize_with = "crate::output::time::utc")]
    pub window_started_at: NaiveDateTime,
    pub cooldown_until: Option<Timestamp>,
    pub cooldown_reason: Option<String>,
}

/// `limiter simulate`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LimiterSimulation {
    pub resource: String,
    pub partition: String,
    pub capacity: i64,
    pub span_ms: i64,
    pub weight: i64,
    pub interval_ms: i64,
    pub start: StartState,
    pub from_live_state: bool,
    pub steps: Vec<StepRecord>,
    /// Some request starts a new window (the run crosses a window end).
    pub crosses_window_end: bool,
    /// The library's runtime would answer differently for some request: it never stores a new
    /// window start, so after a window end it admits every request that fits the capacity.
    pub library_runtime_differs: bool,
    pub reserved: i64,
    pub library_reserved: i64,
}

impl Record for LimiterSimulation {
    const KIND: &'static str = "limiter_simulation";
}

impl LimiterSimulation {
    /// Why the prediction and the library's runtime part ways, for people.
    pub fn runtime_note(&self) -> Option<String> {
        if !self.crosses_window_end {
            return None;
        }
        let mut note = "This run crosses a window end, where the library's runtime behaves differently: its reservation never stores the new window start, so after a reset it admits every request (the verdicts above are the correct rule).".to_string();
        if self.library_runtime_differs {
            note.push_str(&format!(
                " The library would reserve {} of these {}, not {}.",
                fmt::number(self.library_reserved),
                fmt::count(self.steps.len() as i64, "request"),
                fmt::number(self.reserved)
            ));
        }
        Some(note)
    }
}

impl View for LimiterSimulation {
    fn view(&self) -> Doc {
        let mut doc = Doc::new().line(format!(
            "Simulating {} of weight {}, {} apart, on {} partition {} ({}), from {}:",
            fmt::count(self.steps.len() as i64, "request"),
            fmt::number(self.weight),
            fmt::millis(self.interval_ms),
            self.resource,
            self.partition,
            per_window(self.capacity, self.span_ms),
            if self.from_live_state {
                "its live state"
            } else {
                "an empty window"
            }
        ));
        let mut table = Table::new(vec![
            Column::right("request"),
            Column::new("at"),
            Column::new("verdict"),
            Column::new("used"),
            Column::new("note").max(60),
        ]);
        for step in &self.steps {
            let mut notes: Vec<String> = step.blockers.iter().map(BlockerRecord::text).collect();
            if step.window_reset {
                notes.insert(0, "new window".into());
            }
            if step.library_reserved != step.reserved {
                notes.push(format!(
                    "library runtime: {}",
                    if step.library_reserved {
                        "reserved"
                    } else {
                        "blocked"
                    }
                ));
            }
            table.row(vec![
                Span::plain(fmt::number(step.request as i64)),
                Span::plain(Timestamp::At(step.at).to_string()),
                if step.reserved {
                    Span::styled("reserved", Style::Good)
                } else {
                    Span::styled("blocked", Style::Bad)
                },
                Span::plain(format!(
                    "{} of {}",
                    fmt::number(step.tokens_used),
                    fmt::number(self.capacity)
                )),
                Span::plain(notes.join("; ")),
            ]);
        }
        doc = doc.table(table);
        if let Some(note) = self.runtime_note() {
            doc = doc.line(Line::new().styled("note: ", Style::Warn).push(note));
        }
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::render::{self, RenderOptions};

    #[test]
    fn spans_read_as_people_write_them() {
        assert_eq!(per_window(100, 3_600_000), "100 tokens per 1 h");
        assert_eq!(per_window(1, 86_400_000), "1 token per 1 day");
        assert_eq!(ts(NaiveDateTime::MAX), Timestamp::Infinity);
    }

    #[test]
    fn coloured_cells_keep_the_columns_aligned() {
        let list = LimiterList {
            limiters: &[
                LimiterRecord {
                    name: "a".into(),
                    scope: "global".into(),
                    capacity: 1,
                    span_ms: 1000,
                    default_weight: 1,
                    partition_strategy: "global".into(),
                    partitions: 1,
                    last_reserved_at: None,
                    settings_problems: vec![],
                },
                LimiterRecord {
                    name: "absurd".into(),
                    scope: "global".into(),
                    capacity: -5,
                    span_ms: i64::MIN,
                    default_weight: -1,
                    partition_strategy: "global".into(),
                    partitions: 0,
                    last_reserved_at: Some(Timestamp::Infinity),
                    settings_problems: vec![SettingsProblem::SpanNotPositive],
                },
            ],
        }
        .view();
        let plain = render::doc(&list, &RenderOptions::PLAIN);
        let coloured = render::doc(
            &list,
            &RenderOptions {
                color: true,
                ..RenderOptions::PLAIN
            },
        );
        let strip = |s: &str| {
            let mut out = String::new();
            let mut esc = false;
            for c in s.chars() {
                match (esc, c) {
                    (false, '\x1b') => esc = true,
                    (true, 'm') => esc = false,
                    (true, _) => {}
                    (false, c) => out.push(c),
                }
            }
            out.lines()
                .map(str::trim_end)
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert!(coloured.contains('\x1b'));
        assert_eq!(strip(&coloured), plain.trim_end());
        assert!(
            plain.contains("invalid: bucket_span_ms is not positive"),
            "{plain}"
        );
        assert!(
            plain.contains("-5 tokens per -9,223,372,036,854,775,808 ms"),
            "{plain}"
        );
    }
}
