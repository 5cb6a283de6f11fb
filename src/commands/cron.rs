//! `obanctl cron list|show|pause|resume`.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::audit::{self, AuditEvent, RunContext};
use crate::cli::{CronChangeArgs, CronCommand, CronNameArgs};
use crate::commands::guard;
use crate::cron::{closest_names, Schedule};
use crate::db::audit as audit_queries;
use crate::db::cron::{Backend, CronEntry, Tables};
use crate::db::Database;
use crate::error::{CliError, CliResult, ExitStatus};
use crate::output::Style;
use crate::printer::Printer;
use crate::settings::Settings;

const NEXT_FIRES: usize = 3;

pub fn run(settings: &Settings, printer: &Printer, command: CronCommand) -> CliResult<ExitStatus> {
    match command {
        CronCommand::List => list(settings, printer),
        CronCommand::Show(args) => show(settings, printer, args),
        CronCommand::Pause(args) => change(settings, printer, args, true),
        CronCommand::Resume(args) => change(settings, printer, args, false),
    }
}

fn open(settings: &Settings, printer: &Printer) -> CliResult<(Database, Tables)> {
    let db = Database::connect(settings, printer)?;
    let tables = db.read(|conn| Tables::find(conn, db.powertools_schema(), db.prefix()))?;
    if tables.entries.is_none() && tables.pro.is_none() {
        return Err(CliError::refused_with_hint(
            format!(
                "no cron tables: neither oban_powertools_cron_entries in `{}` nor oban_crons in `{}`",
                db.powertools_schema(),
                db.prefix()
            ),
            "check --powertools-schema and --prefix",
        ));
    }
    Ok((db, tables))
}

/// The next fire times, or why they cannot be computed.
fn fires(entry: &CronEntry, now: DateTime<Utc>) -> Result<Vec<String>, String> {
    let schedule = Schedule::parse(&entry.expression, &entry.timezone)?;
    Ok(schedule
        .next_fires(now, NEXT_FIRES)
        .iter()
        .map(|f| f.format("%Y-%m-%d %H:%M %Z").to_string())
        .collect())
}

fn entry_json(backend: Backend, entry: &CronEntry, now: DateTime<Utc>) -> Value {
    let next = fires(entry, now);
    json!({
        "name": entry.name,
        "backend": backend,
        "source": entry.source,
        "expression": entry.expression,
        "timezone": entry.timezone,
        "worker": entry.worker,
        "queue": entry.queue,
        "paused": entry.paused,
        "paused_at": entry.paused_at,
        "last_run_at": entry.last_run_at,
        "policies": entry.policies,
        "last_claim": entry.last_slot_at.map(|at| json!({"slot_at": at, "state": entry.last_slot_state})),
        "next_fires_computed": next.as_ref().ok(),
        "schedule_error": next.as_ref().err(),
    })
}

fn paused_text(entry: &CronEntry) -> String {
    match (entry.paused, entry.paused_at) {
        (false, _) => "no".into(),
        (true, Some(at)) => format!("since {}", at.format("%Y-%m-%d %H:%M:%S")),
        (true, None) => "yes".into(),
    }
}

fn list(settings: &Settings, printer: &Printer) -> CliResult<ExitStatus> {
    let (db, tables) = open(settings, printer)?;
    let entries = db.read(|conn| tables.list(conn))?;
    let now = Utc::now();
    if printer.is_json() {
        for (backend, entry) in &entries {
            printer.legacy_json(&entry_json(*backend, entry, now))?;
        }
        return Ok(ExitStatus::Success);
    }
    if entries.is_empty() {
        printer.status("No cron entries.");
        return Ok(ExitStatus::Success);
    }
    let mut table = printer.table(&[
        "name",
        "expression",
        "timezone",
        "worker",
        "queue",
        "paused",
        "last claim",
        "next fires (computed)",
    ]);
    for (_, entry) in &entries {
        let last_claim = match (&entry.last_slot_at, &entry.last_slot_state) {
            (Some(at), state) => format!(
                "{} {}",
                at.format("%Y-%m-%d %H:%M"),
                state.as_deref().unwrap_or("")
            ),
            _ => "-".into(),
        };
        let next = fires(entry, now)
            .map(|f| f.join(", "))
            .unwrap_or_else(|e| format!("cannot compute: {e}"));
        let paused = paused_text(entry);
        table.add_row(vec![
            entry.name.clone(),
            entry.expression.clone(),
            entry.timezone.clone(),
            entry.worker.clone(),
            entry.queue.clone(),
            if entry.paused {
                printer.paint_out(&paused, Style::Warn)
            } else {
                paused
            },
            last_claim,
            next,
        ]);
    }
    printer.print_table(&table)?;
    Ok(ExitStatus::Success)
}

/// The entry, or a clear refusal naming the closest existing entries.
fn find(db: &Database, tables: &Tables, name: &str) -> CliResult<(Backend, CronEntry)> {
    let (found, names) = db.read(|conn| {
        let found = tables.get(conn, name)?;
        let names = if found.is_none() {
            tables
                .list(conn)?
                .into_iter()
                .map(|(_, e)| e.name)
                .collect()
        } else {
            Vec::new()
        };
        Ok((found, names))
    })?;
    found.ok_or_else(|| {
        let close = closest_names(name, &names, 3);
        let hint = if close.is_empty() {
            "`obanctl cron list` shows every entry".to_string()
        } else {
            format!("did you mean: {}?", close.join(", "))
        };
        CliError::refused_with_hint(format!("no cron entry named `{name}`"), hint)
    })
}

fn show(settings: &Settings, printer: &Printer, args: CronNameArgs) -> CliResult<ExitStatus> {
    let (db, tables) = open(settings, printer)?;
    let (backend, entry) = find(&db, &tables, &args.name)?;
    let events_table = audit_queries::table(db.powertools_schema());
    let (slots, history) = db.read(|conn| {
        let slots = tables.recent_slots(conn, &entry.name, 10)?;
        let has_audit = crate::db::catalog::table_exists(
            conn,
            db.powertools_schema(),
            "oban_powertools_audit_events",
        )?;
        let history = if has_audit {
            let filter = crate::audit_trail::AuditFilter {
                resource_type: Some("cron_entry".into()),
                resource_id: Some(entry.name.clone()),
                ..Default::default()
            };
            audit_queries::newest(conn, &events_table, &filter, 10)?
        } else {
            Vec::new()
        };
        Ok((slots, history))
    })?;
    let now = Utc::now();
    let mut doc = entry_json(backend, &entry, now);
    doc["recent_slots"] = json!(slots
        .iter()
        .map(|s| json!({"slot_at": s.slot_at, "state": s.state, "job_id": s.job_id, "decision": s.decision}))
        .collect::<Vec<_>>());
    let redactor = crate::redact::Redactor::new(&settings.redact);
    let history: Vec<crate::report::audit::AuditEventRecord> = history
        .iter()
        .map(|e| crate::report::audit::AuditEventRecord::from_row(e, &redactor))
        .collect();
    doc["audit"] = json!(history);
    if printer.is_json() {
        printer.legacy_json(&doc)?;
        return Ok(ExitStatus::Success);
    }
    let mut table = printer.table(&["field", "value"]);
    let next = fires(&entry, now)
        .map(|f| f.join("\n"))
        .unwrap_or_else(|e| format!("cannot compute: {e}"));
    for (field, value) in [
        ("name", entry.name.clone()),
        ("backend", format!("{backend:?}")),
        ("source", entry.source.clone()),
        ("expression", entry.expression.clone()),
        ("timezone", entry.timezone.clone()),
        ("worker", entry.worker.clone()),
        ("queue", entry.queue.clone()),
        ("paused", paused_text(&entry)),
        ("last_run_at", Printer::time(entry.last_run_at)),
        ("policies", entry.policies.to_string()),
        ("next fires (computed)", next),
    ] {
        table.add_row(vec![field.to_string(), value]);
    }
    printer.print_table(&table)?;
    printer.line("")?;
    printer.line(format!("recent slots ({}):", slots.len()))?;
    for s in &slots {
        printer.line(format!(
            "  {} {} job {} {}",
            s.slot_at.format("%Y-%m-%d %H:%M"),
            s.state,
            s.job_id
                .map(|j| j.to_string())
                .unwrap_or_else(|| "-".into()),
            s.decision.as_deref().unwrap_or("")
        ))?;
    }
    printer.line(format!("audit history ({}):", history.len()))?;
    for e in &history {
        printer.line(format!(
            "  {} {} {} {}",
            e.inserted_at,
            e.actor,
            e.action,
            e.reason.as_deref().unwrap_or("")
        ))?;
    }
    Ok(ExitStatus::Success)
}

fn change(
    settings: &Settings,
    printer: &Printer,
    args: CronChangeArgs,
    pause: bool,
) -> CliResult<ExitStatus> {
    let verb = if pause { "pause" } else { "resume" };
    let reason = guard::reason_given(
        args.reason.as_deref(),
        args.dry_run,
        printer,
        &format!("{verb} a cron entry"),
    )?;
    guard::require_actor(settings)?;
    let (db, tables) = open(settings, printer)?;
    let (backend, entry) = find(&db, &tables, &args.name)?;
    if entry.paused == pause {
        // Idempotent: nothing to change, nothing to audit.
        let state = if pause {
            format!("already paused ({})", paused_text(&entry))
        } else {
            "already running (not paused)".into()
        };
        if printer.is_json() {
            printer.legacy_json(&json!({"name": entry.name, "changed": false, "state": state}))?;
        } else {
            printer.line(format!(
                "Cron entry {} is {state}; nothing to do.",
                entry.name
            ))?;
        }
        return Ok(ExitStatus::Success);
    }
    let effect = if pause {
        "future claims stop until resumed"
    } else {
        "future claims may resume"
    };
    if args.dry_run {
        printer.line(format!(
            "Would {verb} cron entry {} ({backend:?}): {effect}. Dry run: nothing was changed.",
            entry.name
        ))?;
        return Ok(ExitStatus::Success);
    }
    let reason = match reason {
        Some(reason) => reason,
        None => guard::prompt_reason(&format!("{verb} cron entry {}", entry.name))?,
    };
    guard::confirm(
        printer,
        &format!("{} cron entry {}?", guard::capitalize(verb), entry.name),
        args.yes,
    )?;
    let ctx = RunContext::new(settings.actor.value.clone(), settings.actor.source.clone());
    let schema = db.powertools_schema().to_string();
    let outcome = db.write(|conn| {
        audit::require_chain(conn, &schema)?;
        if !tables.set_paused(conn, backend, &entry.name, pause)? {
            return Ok(None);
        }
        let after = tables.get(conn, &entry.name)?.map(|(_, e)| e);
        let mut metadata = serde_json::Map::new();
        metadata.insert("reason".into(), json!(reason));
        metadata.insert(
            "summary".into(),
            json!(if pause {
                format!("Pause cron entry {} until an operator resumes it.", entry.name)
            } else {
                format!("Resume cron entry {} so future claims can continue.", entry.name)
            }),
        );
        metadata.insert("risk".into(), json!("low"));
        metadata.insert("backend".into(), json!(backend));
        metadata.insert("resource".into(), json!({"type": "cron_entry", "id": entry.name, "source": entry.source}));
        metadata.insert("before".into(), json!({"paused": entry.paused, "paused_at": entry.paused_at, "last_run_at": entry.last_run_at}));
        metadata.insert(
            "after".into(),
            json!({"paused": pause, "paused_at": after.as_ref().and_then(|a| a.paused_at), "last_run_at": after.as_ref().and_then(|a| a.last_run_at), "effect": effect}),
        );
        let audit_id = audit::record(
            conn,
            &schema,
            &ctx,
            AuditEvent {
                action: if pause { "cron.paused" } else { "cron.resumed" }.into(),
                resource_type: "cron_entry".into(),
                resource_id: entry.name.clone(),
                metadata,
            },
        )?;
        Ok(Some((audit_id, crate::db::now(conn)?)))
    })?;
    let Some((audit_id, at)) = outcome else {
        // Someone else changed it between our read and our update.
        printer.line(format!(
            "Cron entry {} was {verb}d concurrently; nothing to do.",
            entry.name
        ))?;
        return Ok(ExitStatus::Success);
    };
    if printer.is_json() {
        printer.legacy_json(&json!({"name": entry.name, "changed": true, "paused": pause, "at": at, "audit_id": audit_id}))?;
    } else {
        printer.line(format!(
            "{} cron entry {} ({effect}).",
            guard::capitalize(if pause { "paused" } else { "resumed" }),
            entry.name
        ))?;
        if backend == Backend::Powertools && pause {
            printer.status("This stops Powertools-driven claims; Oban.Plugins.Cron schedules are not affected.");
        }
        printer.status(format!("Recorded in the audit log as event {audit_id}."));
    }
    Ok(ExitStatus::Success)
}
