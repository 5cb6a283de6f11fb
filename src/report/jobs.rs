//! `job` records and their views (`jobs list`, `jobs show`). Pure.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::db::jobs::JobRow;
use crate::decode::{human_time, join_texts, Json, Timestamp};
use crate::output::{fmt, Column, Doc, Line, Record, Span, Style, Table, View};
use crate::redact::Redactor;

/// One job, every column, args and meta through the display policy.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct JobRecord {
    pub id: i64,
    pub state: String,
    pub queue: String,
    pub worker: String,
    pub args: Json,
    pub meta: Json,
    /// As stored; a NULL element is `null`.
    pub tags: Vec<Option<String>>,
    pub attempt: i32,
    pub max_attempts: i32,
    pub priority: i32,
    /// `null` when the column is NULL (never run), else as stored, the newest node first.
    pub attempted_by: Option<Vec<Option<String>>>,
    /// As stored: oldest first, as Oban appends them. See `latest_error`.
    pub errors: Json,
    /// The newest entry of `errors` (its last element), or null.
    pub latest_error: Option<Value>,
    pub inserted_at: Timestamp,
    pub scheduled_at: Timestamp,
    pub attempted_at: Option<Timestamp>,
    pub completed_at: Option<Timestamp>,
    pub discarded_at: Option<Timestamp>,
    pub cancelled_at: Option<Timestamp>,
}

impl Record for JobRecord {
    const KIND: &'static str = "job";
}

impl JobRecord {
    pub fn from_row(row: &JobRow, redactor: &Redactor) -> JobRecord {
        let errors = row
            .errors
            .clone()
            .unwrap_or(Json::Value(Value::Array(Vec::new())));
        let latest_error = errors
            .value()
            .and_then(Value::as_array)
            .and_then(|entries| entries.last().cloned());
        JobRecord {
            id: row.id,
            state: row.state.clone(),
            queue: row.queue.clone(),
            worker: row.worker.clone(),
            args: redact(&row.args, redactor),
            meta: redact(&row.meta, redactor),
            tags: row.tags.clone().unwrap_or_default(),
            attempt: row.attempt,
            max_attempts: row.max_attempts,
            priority: row.priority,
            attempted_by: row.attempted_by.clone(),
            errors,
            latest_error: latest_error.map(|e| redactor.apply(&e)),
            inserted_at: row.inserted_at,
            scheduled_at: row.scheduled_at,
            attempted_at: row.attempted_at,
            completed_at: row.completed_at,
            discarded_at: row.discarded_at,
            cancelled_at: row.cancelled_at,
        }
    }

    /// When the job entered its state (the column `--since/--until` compare).
    pub fn state_time(&self) -> Option<Timestamp> {
        match self.state.as_str() {
            "executing" => self.attempted_at,
            "completed" => self.completed_at,
            "discarded" => self.discarded_at,
            "cancelled" => self.cancelled_at,
            _ => Some(self.scheduled_at),
        }
    }

    /// Error entries newest first, each as (attempt, at, message); entries that are not the
    /// usual object are shown as their JSON.
    pub fn errors_latest_first(&self) -> Vec<(String, String, String)> {
        match &self.errors {
            Json::Unreadable { .. } => vec![("?".into(), "?".into(), self.errors.placeholder())],
            Json::Value(Value::Null) => Vec::new(),
            Json::Value(Value::Array(entries)) => entries
                .iter()
                .rev()
                .map(|entry| match entry {
                    Value::Object(map) => (
                        map.get("attempt")
                            .map(text_of)
                            .unwrap_or_else(|| "?".into()),
                        map.get("at").map(text_of).unwrap_or_else(|| "?".into()),
                        map.get("error").map(text_of).unwrap_or_default(),
                    ),
                    other => ("?".into(), "?".into(), other.to_string()),
                })
                .collect(),
            Json::Value(other) => vec![("?".into(), "?".into(), other.to_string())],
        }
    }
}

/// A JSON value as display text: strings without their quotes.
fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn redact(value: &Option<Json>, redactor: &Redactor) -> Json {
    value
        .as_ref()
        .map(|json| json.map(|v| redactor.apply(v)))
        .unwrap_or_default()
}

fn state_style(state: &str) -> Option<Style> {
    match state {
        "discarded" | "cancelled" => Some(Style::Bad),
        "retryable" => Some(Style::Warn),
        "completed" => Some(Style::Good),
        _ => None,
    }
}

/// `jobs list`: one `job` line each in JSON; a table for people.
pub struct JobList<'a> {
    pub jobs: &'a [JobRecord],
}

impl View for JobList<'_> {
    fn view(&self) -> Doc {
        let mut table = Table::new(vec![
            Column::right("id"),
            Column::new("state"),
            Column::new("queue").max(30),
            Column::new("worker").max(40),
            Column::right("attempt"),
            Column::new("at"),
            Column::new("args").max(60),
        ]);
        for job in self.jobs {
            table.row(vec![
                Span::plain(job.id.to_string()),
                Span::maybe(job.state.clone(), state_style(&job.state)),
                Span::plain(job.queue.clone()),
                Span::plain(job.worker.clone()),
                Span::plain(format!("{}/{}", job.attempt, job.max_attempts)),
                Span::plain(human_time(job.state_time())),
                Span::plain(job.args.compact()),
            ]);
        }
        Doc::new().table(table)
    }
}

impl View for JobRecord {
    /// `jobs show`: every column, then the error history newest first.
    fn view(&self) -> Doc {
        let mut table = Table::with_headers(&["field", "value"]);
        let pretty = |json: &Json| match json {
            Json::Value(value) => serde_json::to_string_pretty(value).unwrap_or_default(),
            unreadable => unreadable.placeholder(),
        };
        let fields: Vec<(&str, Span)> = vec![
            ("id", self.id.to_string().into()),
            (
                "state",
                Span::maybe(self.state.clone(), state_style(&self.state)),
            ),
            ("queue", self.queue.clone().into()),
            ("worker", self.worker.clone().into()),
            (
                "attempt",
                format!("{}/{}", self.attempt, self.max_attempts).into(),
            ),
            ("priority", self.priority.to_string().into()),
            ("tags", join_texts(&self.tags, ", ").into()),
            (
                "attempted_by",
                self.attempted_by
                    .as_ref()
                    .map(|nodes| join_texts(nodes, ", "))
                    .unwrap_or_else(|| "-".into())
                    .into(),
            ),
            ("inserted_at", self.inserted_at.to_string().into()),
            ("scheduled_at", self.scheduled_at.to_string().into()),
            ("attempted_at", human_time(self.attempted_at).into()),
            ("completed_at", human_time(self.completed_at).into()),
            ("discarded_at", human_time(self.discarded_at).into()),
            ("cancelled_at", human_time(self.cancelled_at).into()),
        ];
        for (name, value) in fields {
            table.row(vec![Span::plain(name), value]);
        }
        let mut doc = Doc::new().table(table);
        for (name, json) in [("args", &self.args), ("meta", &self.meta)] {
            doc = doc.line(Line::new().styled(format!("{name}:"), Style::Bold));
            doc = doc.text(2, pretty(json));
        }
        let errors = self.errors_latest_first();
        doc = doc.blank();
        if errors.is_empty() {
            doc = doc.line("errors: none");
        } else {
            doc = doc.line(Line::new().styled(
                format!(
                    "errors ({}, latest first):",
                    fmt::number(errors.len() as i64)
                ),
                Style::Bold,
            ));
            for (attempt, at, message) in errors {
                doc = doc.line(format!("  attempt {attempt} at {at}"));
                doc = doc.text(4, message);
            }
        }
        doc
    }
}

/// How `jobs count` got its numbers.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CountMethod {
    /// Counted.
    Exact,
    /// Counted up to a bound: cells that reached it are floors (`at_least`).
    Bounded,
    /// The planner's estimates from fresh statistics.
    Estimated,
}

/// One number of `jobs count`.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct CountCell {
    pub count: i64,
    /// The count stopped at a bound: there are at least this many.
    pub at_least: bool,
    pub estimated: bool,
}

impl CountCell {
    pub fn exact(count: i64) -> CountCell {
        CountCell {
            count,
            at_least: false,
            estimated: false,
        }
    }

    pub fn bounded(count: i64, bound: i64) -> CountCell {
        CountCell {
            count,
            at_least: count >= bound,
            estimated: false,
        }
    }

    pub fn estimated(count: i64) -> CountCell {
        CountCell {
            count,
            at_least: false,
            estimated: true,
        }
    }

    fn text(&self) -> String {
        let n = fmt::number(self.count);
        if self.at_least {
            format!("≥ {n}")
        } else if self.estimated {
            format!("~{n}")
        } else {
            n
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StateQueueCount {
    pub state: String,
    pub queue: String,
    pub count: i64,
}

/// `jobs count`: the same keys whatever the method.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct JobCount {
    pub method: CountMethod,
    /// True unless every number was counted in full.
    pub estimated: bool,
    /// The planner's idea of the table's size.
    pub table_rows_estimate: i64,
    /// Many changes since the last ANALYZE (or never analyzed): estimates were not trusted.
    pub statistics_stale: bool,
    pub total: CountCell,
    pub by_state: BTreeMap<String, CountCell>,
    /// Queues: those asked for, every queue when counted, or those the statistics know.
    pub by_queue: BTreeMap<String, CountCell>,
    /// Only when counted exactly.
    pub by_state_and_queue: Option<Vec<StateQueueCount>>,
}

impl Record for JobCount {
    const KIND: &'static str = "job_count";
}

impl JobCount {
    pub fn new(
        method: CountMethod,
        table_rows_estimate: i64,
        statistics_stale: bool,
        by_state: BTreeMap<String, CountCell>,
        by_queue: BTreeMap<String, CountCell>,
        cells: Option<Vec<(String, String, i64)>>,
    ) -> JobCount {
        let total = CountCell {
            count: by_state.values().map(|c| c.count).sum(),
            at_least: by_state.values().any(|c| c.at_least),
            estimated: by_state.values().any(|c| c.estimated),
        };
        JobCount {
            method,
            estimated: total.at_least || total.estimated,
            table_rows_estimate,
            statistics_stale,
            total,
            by_state,
            by_queue,
            by_state_and_queue: cells.map(|cells| {
                cells
                    .into_iter()
                    .map(|(state, queue, count)| StateQueueCount {
                        state,
                        queue,
                        count,
                    })
                    .collect()
            }),
        }
    }
}

impl View for JobCount {
    fn view(&self) -> Doc {
        let mut states = Table::new(vec![Column::new("state"), Column::right("jobs")]);
        for (state, cell) in &self.by_state {
            states.row(vec![
                Span::maybe(state.clone(), state_style(state)),
                Span::plain(cell.text()),
            ]);
        }
        states.row(vec![
            Span::styled("total", Style::Bold),
            Span::plain(self.total.text()),
        ]);
        let mut doc = Doc::new().table(states);
        if !self.by_queue.is_empty() {
            let mut queues = Table::new(vec![Column::new("queue").max(40), Column::right("jobs")]);
            for (queue, cell) in &self.by_queue {
                queues.row(vec![Span::plain(queue.clone()), Span::plain(cell.text())]);
            }
            doc = doc.blank().table(queues);
        }
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::render::{self, RenderOptions};
    use serde_json::json;

    fn record() -> JobRecord {
        JobRecord {
            id: 7,
            state: "discarded".into(),
            queue: "mail\x1b[2J".into(),
            worker: "W\x1b]0;PWNED\x07".into(),
            args: Json::Value(json!({"to": "a@b"})),
            meta: Json::Unreadable {
                bytes: 4100,
                reason: "json too deep",
            },
            tags: vec![Some("a".into()), None],
            attempt: 2,
            max_attempts: 3,
            priority: 0,
            attempted_by: None,
            errors: Json::Value(json!([
                {"attempt": 1, "at": "2026-01-01T00:00:00Z", "error": "first"},
                {"attempt": 2, "at": "2026-01-02T00:00:00Z", "error": "second\n  at line \u{9b}2J"}
            ])),
            latest_error: None,
            inserted_at: Timestamp::Infinity,
            scheduled_at: Timestamp::NegInfinity,
            attempted_at: None,
            completed_at: None,
            discarded_at: Some(Timestamp::Infinity),
            cancelled_at: None,
        }
    }

    #[test]
    fn show_lists_errors_latest_first_and_every_odd_value_as_such() {
        let text = render::doc(&record().view(), &RenderOptions::PLAIN);
        assert!(text.contains("W\\x1b]0;PWNED\\x07"), "{text}");
        assert!(text.contains("a, <null>"), "{text}");
        assert!(text.contains("<json too deep: 4.1 kB>"), "{text}");
        assert!(text.contains("infinity"), "{text}");
        let second = text.find("    second").unwrap();
        assert!(second < text.find("    first").unwrap(), "{text}");
        assert!(text.contains("    at line \\u{9b}2J"), "{text}");
        assert!(!text.contains('\x1b'));
    }

    #[test]
    fn odd_error_shapes_are_shown_not_dropped() {
        let mut job = record();
        job.errors = Json::Value(json!({"unexpected": "object"}));
        assert_eq!(job.errors_latest_first().len(), 1);
        job.errors = Json::Value(json!([["nested"], 5]));
        assert_eq!(job.errors_latest_first()[0].2, "5");
        job.errors = Json::Value(Value::Null);
        assert!(job.errors_latest_first().is_empty());
    }
}
