//! `obanctl cron list|show|pause|resume`.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::audit::{self, AuditEvent, RunContext};
use crate::cli::{CronChangeArgs, CronCommand, CronListArgs, CronShowArgs};
use crate::commands::guard;
use crate::cron::closest_names;
use crate::db::audit as audit_queries;
use crate::db::cron::{Backend, CronEntry, Tables};
use crate::db::Database;
use crate::decode::Timestamp;
use crate::error::{CliError, CliResult, ExitStatus};
use crate::output::Summary;
use crate::printer::Printer;
use crate::report::cron::{
    CronChange, CronChangeKind, CronEntryRecord, CronList, CronOutcome, CronPlan, CronShow,
    CronSlotRecord,
};
use crate::settings::Settings;

const NEXT_FIRES: usize = 3;

pub fn run(settings: &Settings, printer: &Printer, command: CronCommand) -> CliResult<ExitStatus> {
    match command {
        CronCommand::List(args) => list(settings, printer, args),
        CronCommand::Show(args) => show(settings, printer, args),
        CronCommand::Pause(args) => change(settings, printer, args, true),
        CronCommand::Resume(args) => change(settings, printer, args, false),
    }
}

/// `--at INSTANT`, or now.
fn computed_from(at: Option<&str>) -> CliResult<DateTime<Utc>> {
    match at {
        None => Ok(Utc::now()),
        Some(text) => DateTime::parse_from_rfc3339(text.trim())
            .map(|at| at.with_timezone(&Utc))
            .map_err(|e| {
                CliError::usage(format!("--at `{text}` is not an RFC 3339 instant: {e}"))
                    .hint("e.g. --at 2027-03-14T00:00:00Z or --at 2027-03-14T00:00:00-05:00")
            }),
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

fn list(settings: &Settings, printer: &Printer, args: CronListArgs) -> CliResult<ExitStatus> {
    let from = computed_from(args.at.as_deref())?;
    let (db, tables) = open(settings, printer)?;
    let entries = db.read(|conn| tables.list(conn))?;
    let records: Vec<CronEntryRecord> = entries
        .iter()
        .map(|(backend, entry)| CronEntryRecord::new(*backend, entry, from, NEXT_FIRES))
        .collect();
    printer.emit_list(&records, &CronList { entries: &records })?;
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

fn show(settings: &Settings, printer: &Printer, args: CronShowArgs) -> CliResult<ExitStatus> {
    let from = computed_from(args.at.as_deref())?;
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
    let mut record = CronEntryRecord::new(backend, &entry, from, NEXT_FIRES);
    record.recent_slots = Some(slots.iter().map(CronSlotRecord::from_slot).collect());
    let redactor = crate::redact::Redactor::new(&settings.redact);
    let history: Vec<crate::report::audit::AuditEventRecord> = history
        .iter()
        .map(|e| crate::report::audit::AuditEventRecord::from_row(e, &redactor))
        .collect();
    if printer.is_json() {
        printer.json(&record)?;
        printer.json_all(&history)?;
    } else {
        printer.doc(&crate::output::View::view(&CronShow {
            entry: &record,
            history: &history,
        }))?;
    }
    Ok(ExitStatus::Success)
}

fn operation(pause: bool) -> &'static str {
    if pause {
        "cron_pause"
    } else {
        "cron_resume"
    }
}

fn summary(
    pause: bool,
    dry_run: bool,
    outcome: Option<CronOutcome>,
    operation_id: Option<String>,
) -> Summary {
    let mut summary = Summary {
        operation: operation(pause).into(),
        dry_run,
        matched: 1,
        operation_id,
        ..Default::default()
    };
    match outcome {
        Some(CronOutcome::Changed) => summary.changed = 1,
        Some(skip) => {
            summary.skipped.insert(skip.as_str().to_string(), 1);
        }
        None => {}
    }
    summary
}

fn notes(backend: Backend, pause: bool) -> Vec<String> {
    let mut notes = vec![if pause {
        "Effect: future claims stop until the entry is resumed.".to_string()
    } else {
        "Effect: future claims may resume.".to_string()
    }];
    if backend == Backend::Powertools && pause {
        notes.push(
            "This stops Powertools-driven claims; Oban.Plugins.Cron schedules are not affected."
                .into(),
        );
    }
    notes
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
    let skip = (entry.paused == pause).then_some(if pause {
        CronOutcome::AlreadyPaused
    } else {
        CronOutcome::AlreadyRunning
    });
    let unchanged = |outcome: CronOutcome, entry: &CronEntry| CronChange {
        operation: operation(pause).into(),
        name: entry.name.clone(),
        backend,
        outcome,
        paused: entry.paused,
        paused_at: entry.paused_at,
        audit_id: None,
        changed_at: None,
    };
    if args.dry_run {
        let plan = CronPlan {
            operation: operation(pause).into(),
            dry_run: true,
            name: entry.name.clone(),
            backend,
            paused: entry.paused,
            paused_at: entry.paused_at,
            change: match (skip, pause) {
                (Some(_), _) => CronChangeKind::None,
                (None, true) => CronChangeKind::Pause,
                (None, false) => CronChangeKind::Resume,
            },
            skip,
            notes: if skip.is_some() {
                Vec::new()
            } else {
                notes(backend, pause)
            },
        };
        printer.emit(&plan)?;
        printer.json(&summary(pause, true, skip, None))?;
        return Ok(ExitStatus::Success);
    }
    if let Some(skip) = skip {
        // Idempotent: nothing to change, nothing to audit.
        printer.emit(&unchanged(skip, &entry))?;
        printer.json(&summary(pause, false, Some(skip), None))?;
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
    let effect = if pause {
        "future claims stop until resumed"
    } else {
        "future claims may resume"
    };
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
        // What the library's UI and forensics views read: the confirmed preview (this run's id),
        // the plan it confirmed, and the runbook context of the attempt.
        let command_key = if pause { "pause_cron_entry" } else { "resume_cron_entry" };
        let plan_hash = {
            use sha2::{Digest, Sha256};
            let plan = json!({"command": command_key, "cron_entry": entry.name, "backend": backend, "before_paused": entry.paused});
            crate::audit::hex(&Sha256::digest(plan.to_string().as_bytes()))
        };
        let fingerprint = format!("cron_entry:manual:{}", entry.name);
        metadata.insert("preview_token".into(), json!(ctx.operation_id.to_string()));
        metadata.insert("plan_hash".into(), json!(plan_hash));
        metadata.insert("incident_fingerprint".into(), json!(fingerprint));
        metadata.insert(
            "runbook_context".into(),
            json!({
                "attempt": {"state": "succeeded", "action": command_key, "target_type": "cron_entry", "target_id": entry.name},
                "selectors": {"incident_fingerprint": fingerprint, "resource_type": "cron_entry", "resource_id": entry.name},
                "plan_hash": plan_hash,
                "preview_token": ctx.operation_id.to_string(),
            }),
        );
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
        Ok(Some((audit_id, crate::db::now(conn)?, after)))
    })?;
    let Some((audit_id, at, after)) = outcome else {
        // Someone else changed it between our read and our update.
        printer.emit(&unchanged(CronOutcome::ChangedConcurrently, &entry))?;
        printer.json(&summary(
            pause,
            false,
            Some(CronOutcome::ChangedConcurrently),
            None,
        ))?;
        return Ok(ExitStatus::Success);
    };
    let done = CronChange {
        operation: operation(pause).into(),
        name: entry.name.clone(),
        backend,
        outcome: CronOutcome::Changed,
        paused: pause,
        paused_at: after.as_ref().and_then(|a| a.paused_at),
        audit_id: Some(audit_id),
        changed_at: Some(Timestamp::At(at)),
    };
    printer.emit(&done)?;
    if !printer.is_json() && backend == Backend::Powertools && pause {
        printer.status(
            "This stops Powertools-driven claims; Oban.Plugins.Cron schedules are not affected.",
        );
    }
    printer.json(&summary(
        pause,
        false,
        Some(CronOutcome::Changed),
        Some(ctx.operation_id.to_string()),
    ))?;
    Ok(ExitStatus::Success)
}
