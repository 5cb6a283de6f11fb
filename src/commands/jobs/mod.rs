//! `obanctl jobs ...`: inspection here, mutations in [`mutate`].

mod count;
mod mutate;

use diesel::pg::PgConnection;
use serde_json::{json, Value};

use crate::cli::{JobFilterArgs, JobsCommand, JobsListArgs, JobsShowArgs};
use crate::db::jobs::{self as job_queries, JobRow, JobsTable};
use crate::db::{catalog, Database};
use crate::error::{CliError, CliResult, ExitStatus};
use crate::jobs::filter::{check_length, parse_containment, JobFilter, TimeBound};
use crate::jobs::Operation;
use crate::printer::{Printer, Style};
use crate::redact::Redactor;
use crate::settings::Settings;

pub fn run(settings: &Settings, printer: &Printer, command: JobsCommand) -> CliResult<ExitStatus> {
    match command {
        JobsCommand::List(args) => list(settings, printer, args),
        JobsCommand::Show(args) => show(settings, printer, args),
        JobsCommand::Count(args) => count::run(settings, printer, args),
        JobsCommand::Retry(args) => mutate::run(
            settings,
            printer,
            Operation::Retry,
            args.common,
            args.include_completed,
        ),
        JobsCommand::Cancel(args) => mutate::run(settings, printer, Operation::Cancel, args, false),
        JobsCommand::Discard(args) => {
            mutate::run(settings, printer, Operation::Discard, args, false)
        }
    }
}

/// Turns filter flags into a [`JobFilter`], refusing malformed or oversized values.
pub fn build_filter(args: &JobFilterArgs) -> CliResult<JobFilter> {
    let usage = CliError::Usage;
    let mut filter = JobFilter {
        states: args.states.clone(),
        queues: args.queues.clone(),
        workers: args.workers.clone(),
        tags: args.tags.clone(),
        ids: args.ids.clone(),
        ..Default::default()
    };
    for (what, values) in [
        ("queue", &filter.queues),
        ("worker", &filter.workers),
        ("tag", &filter.tags),
    ] {
        for value in values {
            check_length(what, value).map_err(usage)?;
        }
    }
    for pair in &args.args {
        parse_containment(pair, &mut filter.args).map_err(|e| usage(format!("--args: {e}")))?;
    }
    for pair in &args.meta {
        parse_containment(pair, &mut filter.meta).map_err(|e| usage(format!("--meta: {e}")))?;
    }
    filter.since = args
        .since
        .as_deref()
        .map(TimeBound::parse)
        .transpose()
        .map_err(|e| usage(format!("--since: {e}")))?;
    filter.until = args
        .until
        .as_deref()
        .map(TimeBound::parse)
        .transpose()
        .map_err(|e| usage(format!("--until: {e}")))?;
    if let Some(text) = &args.error_contains {
        check_length("--error-contains", text).map_err(usage)?;
        filter.error_contains = Some(text.clone());
    }
    Ok(filter)
}

/// Fails with one clear error when the prefix has no `oban_jobs`.
pub fn require_oban(conn: &mut PgConnection, prefix: &str) -> CliResult<catalog::ObanSchema> {
    catalog::oban_schema(conn, prefix)?.ok_or_else(|| {
        CliError::refused_with_hint(
            format!("no oban_jobs table in schema `{prefix}`"),
            "pass --prefix with the schema your Oban instance uses",
        )
    })
}

/// The row as JSON, with args and meta passed through the display policy.
fn job_json(row: &JobRow, redactor: &Redactor, errors_latest_first: bool) -> Value {
    let mut errors = row.errors.as_array().cloned().unwrap_or_default();
    if errors_latest_first {
        errors.reverse();
    }
    json!({
        "id": row.id,
        "state": row.state,
        "queue": row.queue,
        "worker": row.worker,
        "args": redactor.apply(&row.args),
        "meta": redactor.apply(&row.meta),
        "tags": row.tags,
        "attempt": row.attempt,
        "max_attempts": row.max_attempts,
        "priority": row.priority,
        "attempted_by": row.attempted_by,
        "errors": errors,
        "inserted_at": row.inserted_at,
        "scheduled_at": row.scheduled_at,
        "attempted_at": row.attempted_at,
        "completed_at": row.completed_at,
        "discarded_at": row.discarded_at,
        "cancelled_at": row.cancelled_at,
    })
}

/// The timestamp that goes with the job's state (when it became what it is).
fn state_time(row: &JobRow) -> Option<chrono::NaiveDateTime> {
    match row.state.as_str() {
        "executing" => row.attempted_at,
        "completed" => row.completed_at,
        "discarded" => row.discarded_at,
        "cancelled" => row.cancelled_at,
        _ => Some(row.scheduled_at),
    }
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}

fn list(settings: &Settings, printer: &Printer, args: JobsListArgs) -> CliResult<ExitStatus> {
    let filter = build_filter(&args.filter)?;
    let db = Database::connect(settings, printer)?;
    let jobs = JobsTable::new(db.prefix());
    let rows = db.read(|conn| {
        require_oban(conn, db.prefix())?;
        job_queries::list(conn, &jobs, &filter, args.after, args.limit)
    })?;
    let redactor = Redactor::new(&settings.redact);
    if printer.is_json() {
        for row in &rows {
            printer.json(&job_json(row, &redactor, true))?;
        }
    } else {
        let mut table = printer.table(&["id", "state", "queue", "worker", "attempt", "at", "args"]);
        for row in &rows {
            table.add_row(vec![
                row.id.to_string(),
                row.state.clone(),
                row.queue.clone(),
                row.worker.clone(),
                format!("{}/{}", row.attempt, row.max_attempts),
                Printer::time(state_time(row)),
                truncate(&redactor.apply(&row.args).to_string(), 60),
            ]);
        }
        if rows.is_empty() {
            printer.status("No jobs match.");
        } else {
            printer.print_table(&table)?;
        }
    }
    if rows.len() as i64 == args.limit {
        let last = rows.last().map(|r| r.id).unwrap_or_default();
        printer.status(&format!(
            "{} jobs shown; next page: --after {last}",
            rows.len()
        ));
    }
    Ok(ExitStatus::Success)
}

fn show(settings: &Settings, printer: &Printer, args: JobsShowArgs) -> CliResult<ExitStatus> {
    let db = Database::connect(settings, printer)?;
    let jobs = JobsTable::new(db.prefix());
    let row = db.read(|conn| {
        require_oban(conn, db.prefix())?;
        job_queries::get(conn, &jobs, args.id)
    })?;
    let Some(row) = row else {
        return Err(CliError::refused(format!(
            "job {} not found in `{}`",
            args.id,
            db.prefix()
        )));
    };
    let redactor = Redactor::new(&settings.redact);
    let doc = job_json(&row, &redactor, true);
    if printer.is_json() {
        printer.json(&doc)?;
        return Ok(ExitStatus::Success);
    }
    let mut table = printer.table(&["field", "value"]);
    let fields: Vec<(&str, String)> = vec![
        ("id", row.id.to_string()),
        ("state", row.state.clone()),
        ("queue", row.queue.clone()),
        ("worker", row.worker.clone()),
        ("attempt", format!("{}/{}", row.attempt, row.max_attempts)),
        ("priority", row.priority.to_string()),
        ("tags", row.tags.join(", ")),
        ("attempted_by", row.attempted_by.join(", ")),
        ("inserted_at", Printer::time(Some(row.inserted_at))),
        ("scheduled_at", Printer::time(Some(row.scheduled_at))),
        ("attempted_at", Printer::time(row.attempted_at)),
        ("completed_at", Printer::time(row.completed_at)),
        ("discarded_at", Printer::time(row.discarded_at)),
        ("cancelled_at", Printer::time(row.cancelled_at)),
        (
            "args",
            serde_json::to_string_pretty(&doc["args"]).unwrap_or_default(),
        ),
        (
            "meta",
            serde_json::to_string_pretty(&doc["meta"]).unwrap_or_default(),
        ),
    ];
    for (name, value) in fields {
        table.add_row(vec![name.to_string(), value]);
    }
    printer.print_table(&table)?;
    let errors = doc["errors"].as_array().cloned().unwrap_or_default();
    printer.line("")?;
    if errors.is_empty() {
        printer.line("errors: none")?;
    } else {
        printer.line(&printer.paint_out(
            &format!("errors ({}, latest first):", errors.len()),
            Style::Bold,
        ))?;
        for entry in errors {
            let attempt = entry
                .get("attempt")
                .map(Value::to_string)
                .unwrap_or_else(|| "?".into());
            let at = entry.get("at").and_then(Value::as_str).unwrap_or("?");
            let message = entry.get("error").and_then(Value::as_str).unwrap_or("");
            printer.line(&format!("  attempt {attempt} at {at}"))?;
            for line in message.lines() {
                printer.line(&format!("    {line}"))?;
            }
        }
    }
    Ok(ExitStatus::Success)
}
