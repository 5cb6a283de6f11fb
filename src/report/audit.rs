//! `audit_event` records and their views (`audit tail`, `cron show`'s history). Pure.

use serde::Serialize;
use serde_json::Value;

use crate::audit_trail::{effective_actor, outcome};
use crate::db::audit::AuditRow;
use crate::decode::{Json, Timestamp};
use crate::output::{sanitize, Column, Doc, Line, Record, Span, Style, Table, View};
use crate::redact::Redactor;

/// One audit event as written (by obanctl, the Elixir library or anyone), metadata through the
/// display policy.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AuditEventRecord {
    pub id: i64,
    pub inserted_at: Timestamp,
    /// Who acted, as the Elixir library's UI shows it: metadata.principal.id, then actor_id,
    /// else `system`.
    pub actor: String,
    pub actor_id: Option<String>,
    pub action: String,
    pub event_type: Option<String>,
    pub command_key: Option<String>,
    pub resource: Option<String>,
    pub resource_type: Option<String>,
    pub resource_id: Option<String>,
    pub operation: Option<String>,
    pub reason: Option<String>,
    pub outcome: Option<String>,
    pub metadata: Json,
}

impl Record for AuditEventRecord {
    const KIND: &'static str = "audit_event";
}

impl AuditEventRecord {
    pub fn from_row(row: &AuditRow, redactor: &Redactor) -> AuditEventRecord {
        let metadata = row.metadata.map(|m| redactor.apply(m));
        let meta = metadata.value().cloned().unwrap_or(Value::Null);
        let text = |key: &str| meta.get(key).and_then(Value::as_str).map(str::to_string);
        AuditEventRecord {
            id: row.id,
            inserted_at: row.inserted_at,
            actor: effective_actor(row.actor_id.as_deref(), &meta),
            actor_id: row.actor_id.clone(),
            action: row.action.clone(),
            event_type: row.event_type.clone(),
            command_key: row.command_key.clone(),
            resource: row.resource.clone(),
            resource_type: row.resource_type.clone(),
            resource_id: row.resource_id.clone(),
            operation: text("operation"),
            reason: text("reason"),
            outcome: outcome(&meta),
            metadata,
        }
    }

    /// The cells a person reads: time, actor, action (operation), target, reason, outcome.
    pub fn cells(&self) -> Vec<Span> {
        let action = match &self.operation {
            Some(operation) => format!("{} ({operation})", self.action),
            None => self.action.clone(),
        };
        let outcome_style = match self.outcome.as_deref() {
            Some("ok" | "success" | "succeeded") => None,
            Some(_) => Some(Style::Warn),
            None => None,
        };
        vec![
            Span::plain(self.inserted_at.to_string()),
            Span::plain(self.actor.clone()),
            Span::plain(action),
            Span::plain(self.resource.clone().unwrap_or_else(|| "-".into())),
            Span::plain(self.reason.clone().unwrap_or_else(|| "-".into())),
            Span::maybe(
                self.outcome.clone().unwrap_or_else(|| "-".into()),
                outcome_style,
            ),
        ]
    }

    /// One line for `--follow`, where rows arrive one at a time.
    pub fn line(&self) -> Line {
        let mut line = Line::new();
        for (i, cell) in self.cells().into_iter().enumerate() {
            if i > 0 {
                line = line.push("  ");
            }
            let text = sanitize::truncate(&cell.text, 80).into_owned();
            line = line.push(Span::maybe(text, cell.style));
        }
        line
    }
}

pub fn audit_columns() -> Vec<Column> {
    vec![
        Column::new("time"),
        Column::new("actor").max(30),
        Column::new("action").max(40),
        Column::new("target").max(40),
        Column::new("reason").max(60),
        Column::new("outcome"),
    ]
}

/// `audit tail`: a table, newest first.
pub struct AuditTable<'a> {
    pub events: &'a [AuditEventRecord],
}

impl View for AuditTable<'_> {
    fn view(&self) -> Doc {
        let mut table = Table::new(audit_columns());
        for event in self.events {
            table.row(event.cells());
        }
        Doc::new().table(table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::render::{self, RenderOptions};
    use crate::settings::RedactRules;
    use serde_json::json;

    #[test]
    fn other_writers_rows_are_redacted_and_neutralised() {
        let row = AuditRow {
            id: 1,
            inserted_at: Timestamp::Infinity,
            actor_id: Some("evil\x1b]0;x\x07".into()),
            action: "lifeline.repair_executed".into(),
            command_key: None,
            event_type: None,
            resource: Some("job:1".into()),
            resource_type: None,
            resource_id: None,
            metadata: Json::Value(json!({"reason": "r\u{202e}", "client_secret": "s3cr3t"})),
        };
        let record = AuditEventRecord::from_row(&row, &Redactor::new(&RedactRules::default()));
        assert_eq!(
            record.metadata.value().unwrap()["client_secret"],
            "[REDACTED]"
        );
        let text = render::doc(
            &AuditTable {
                events: std::slice::from_ref(&record),
            }
            .view(),
            &RenderOptions::PLAIN,
        );
        assert!(text.contains("evil\\x1b]0;x\\x07"), "{text}");
        assert!(text.contains("infinity"), "{text}");
        assert!(!text.contains('\x1b'));
    }
}
