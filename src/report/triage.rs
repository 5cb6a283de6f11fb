//! `error_group` records (`obanctl jobs errors`) and their ranked view. Pure.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::Value;

use crate::output::{fmt, time, Column, Doc, Line, Record, Span, Style, Table, View};

/// Lines of the example error shown to people (JSON carries it whole).
const EXAMPLE_LINES: usize = 8;

/// The error of a group's newest job, as stored (its latest `errors` entry), redacted.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ExampleError {
    pub job_id: i64,
    /// The entry (`{"attempt", "at", "error"}` as Oban writes it; any shape as found).
    pub entry: Option<Value>,
}

/// Failing jobs of one worker with one error signature.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ErrorGroup {
    /// 1 for the largest group.
    pub rank: usize,
    pub worker: String,
    pub signature: String,
    pub count: i64,
    /// The read stopped at `--scan`: the group may have more jobs than counted.
    pub count_at_least: bool,
    pub by_state: BTreeMap<String, i64>,
    #[serde(serialize_with = "time::utc_opt")]
    pub first_failed_at: Option<NaiveDateTime>,
    #[serde(serialize_with = "time::utc_opt")]
    pub last_failed_at: Option<NaiveDateTime>,
    pub attempt_min: i32,
    pub attempt_max: i32,
    /// The newest jobs' ids, newest first.
    pub sample_ids: Vec<i64>,
    pub example: ExampleError,
    /// `obanctl jobs retry ...` selecting exactly this group's jobs (null when none can be).
    pub retry_command: Option<String>,
    /// `obanctl jobs discard ...` for the group's jobs that can be discarded.
    pub discard_command: Option<String>,
}

impl Record for ErrorGroup {
    const KIND: &'static str = "error_group";
}

/// The ranked groups for people: a table that fits 80 columns, then each group's detail.
pub struct ErrorGroupsView<'a> {
    pub groups: &'a [ErrorGroup],
    /// Failures read, and whether that was the `--scan` bound.
    pub scanned: i64,
    pub bounded: bool,
    /// Groups beyond those shown.
    pub more_groups: usize,
}

fn states_cell(by_state: &BTreeMap<String, i64>) -> String {
    by_state
        .iter()
        .map(|(state, n)| {
            let short = match state.as_str() {
                "retryable" => "r",
                "discarded" => "d",
                "cancelled" => "c",
                other => other,
            };
            format!("{}{short}", fmt::number(*n))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn count_text(g: &ErrorGroup) -> String {
    format!(
        "{}{}",
        if g.count_at_least { "≥" } else { "" },
        fmt::number(g.count)
    )
}

/// The example's error text (or the entry as JSON when it is no text).
fn example_text(entry: &Option<Value>) -> String {
    match entry {
        None => "(no error entry)".to_string(),
        Some(value) => crate::triage::entry_text(value)
            .unwrap_or_else(|| serde_json::to_string(value).unwrap_or_default()),
    }
}

impl View for ErrorGroupsView<'_> {
    fn view(&self) -> Doc {
        let mut table = Table::new(vec![
            Column::right("#"),
            Column::right("jobs"),
            Column::new("states").max(14),
            Column::new("last"),
            Column::new("worker").max(22),
            Column::new("signature").max(60),
        ]);
        for g in self.groups {
            table.row(vec![
                Span::plain(g.rank.to_string()),
                Span::plain(count_text(g)),
                Span::plain(states_cell(&g.by_state)),
                Span::plain(
                    g.last_failed_at
                        .map(|t| t.format("%m-%d %H:%M").to_string())
                        .unwrap_or_else(|| "-".into()),
                ),
                Span::plain(g.worker.clone()),
                Span::plain(g.signature.clone()),
            ]);
        }
        let mut doc = Doc::new().table(table);
        for g in self.groups {
            doc = doc.blank().line(
                Line::new()
                    .styled(format!("{}. {}", g.rank, g.worker), Style::Bold)
                    .push(format!(": {}", g.signature)),
            );
            let states: Vec<String> = g
                .by_state
                .iter()
                .map(|(s, n)| format!("{} {s}", fmt::number(*n)))
                .collect();
            doc = doc.line(format!(
                "   {} job{} ({}), attempts {}..{}, failed {} .. {}",
                count_text(g),
                if g.count == 1 { "" } else { "s" },
                states.join(", "),
                g.attempt_min,
                g.attempt_max,
                time::human_opt(g.first_failed_at),
                time::human_opt(g.last_failed_at),
            ));
            doc = doc.line(format!(
                "   ids (newest): {}",
                g.sample_ids
                    .iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            let text = example_text(&g.example.entry);
            let lines: Vec<&str> = text.lines().collect();
            doc = doc.line(format!("   example (job {}):", g.example.job_id));
            doc = doc.text(
                5,
                lines
                    .iter()
                    .take(EXAMPLE_LINES)
                    .copied()
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            if lines.len() > EXAMPLE_LINES {
                doc = doc.line(Line::new().styled(
                    format!(
                        "     … {} more lines: obanctl jobs show {}",
                        fmt::number((lines.len() - EXAMPLE_LINES) as i64),
                        g.example.job_id
                    ),
                    Style::Dim,
                ));
            }
            for (what, command) in [("retry", &g.retry_command), ("discard", &g.discard_command)] {
                if let Some(command) = command {
                    doc = doc.line(format!("   {what}: {command}"));
                }
            }
        }
        let mut tail = format!("{} read", fmt::count(self.scanned, "failing job"));
        if self.bounded {
            tail.push_str(" (the --scan bound: older failures were not read, counts are floors)");
        }
        if self.more_groups > 0 {
            tail.push_str(&format!(
                "; {} more {} not shown (--limit)",
                fmt::number(self.more_groups as i64),
                fmt::plural(self.more_groups as i64, "group")
            ));
        }
        doc.blank()
            .line(Line::new().styled(format!("{tail}."), Style::Dim))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::render::{doc, RenderOptions};
    use serde_json::json;

    fn group(rank: usize) -> ErrorGroup {
        ErrorGroup {
            rank,
            worker: "MyApp.Workers.VeryLongWorkerNameThatGoesOn".into(),
            signature: "timeout after <n> ms for user <n> while talking to the payment provider"
                .into(),
            count: 12_345,
            count_at_least: true,
            by_state: [
                ("retryable".to_string(), 12_000),
                ("discarded".to_string(), 345),
            ]
            .into(),
            first_failed_at: None,
            last_failed_at: chrono::DateTime::from_timestamp(1_700_000_000, 0)
                .map(|t| t.naive_utc()),
            attempt_min: 1,
            attempt_max: 20,
            sample_ids: vec![9, 8, 7],
            example: ExampleError {
                job_id: 9,
                entry: Some(
                    json!({"attempt": 3, "at": "2026-01-01T00:00:00Z", "error": "timeout after 5012 ms\nline 2"}),
                ),
            },
            retry_command: Some("obanctl jobs retry --worker W --error-signature 'x <n>'".into()),
            discard_command: None,
        }
    }

    #[test]
    fn the_table_fits_eighty_columns() {
        let groups = vec![group(1), group(2)];
        let view = ErrorGroupsView {
            groups: &groups,
            scanned: 100_000,
            bounded: true,
            more_groups: 3,
        };
        let text = doc(
            &view.view(),
            &RenderOptions {
                width: Some(80),
                color: false,
                truncate: true,
            },
        );
        let table: Vec<&str> = text.lines().take(3).collect();
        for line in &table {
            assert!(line.chars().count() <= 80, "{line:?}");
        }
        assert!(table[1].contains("≥12,345"), "{text}");
        assert!(text.contains("retry: obanctl jobs retry"), "{text}");
        assert!(text.contains("counts are floors"), "{text}");
        assert!(text.contains("3 more"), "{text}");
        assert!(
            text.contains("     timeout after 5012 ms\n     line 2"),
            "{text}"
        );
    }
}
