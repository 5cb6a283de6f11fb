//! `obanctl jobs ...`: inspection here, mutations in [`mutate`].

mod count;
mod errors;
mod export;
pub mod mutate;
mod prune;
mod restore;

use diesel::pg::PgConnection;

use crate::cli::{JobFilterArgs, JobsCommand, JobsListArgs, JobsShowArgs};
use crate::db::jobs::{self as job_queries, JobsTable};
use crate::db::{catalog, Database};
use crate::error::{CliError, CliResult, ExitStatus};
use crate::jobs::filter::{check_length, parse_containment, JobFilter, TimeBound};
use crate::jobs::Operation;
use crate::output::fmt;
use crate::printer::Printer;
use crate::redact::Redactor;
use crate::report::jobs::{JobList, JobRecord};
use crate::settings::Settings;
use crate::values::split_list;

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
        JobsCommand::Errors(args) => errors::run(settings, printer, args),
        JobsCommand::Prune(args) => prune::run(settings, printer, args),
        JobsCommand::Restore(args) => restore::run(settings, printer, args),
        JobsCommand::Export(args) => export::run(settings, printer, args),
    }
}

/// Turns filter flags into a [`JobFilter`], refusing malformed or oversized values.
pub fn build_filter(args: &JobFilterArgs) -> CliResult<JobFilter> {
    let usage = CliError::usage;
    // Every list filter takes commas as well as repeats (`--queue a,b`). Oban stores tags trimmed
    // and lowercased, so a tag filter is normalised the same way.
    let mut filter = JobFilter {
        states: args.states.clone(),
        queues: split_list(&args.queues),
        workers: split_list(&args.workers),
        tags: split_list(&args.tags)
            .into_iter()
            .map(|t| t.to_lowercase())
            .collect(),
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
    if let Some(signature) = &args.error_signature {
        check_length("--error-signature", signature).map_err(usage)?;
        filter.error_signature = Some(signature.clone());
    }
    Ok(filter)
}

/// Jobs examined for worker names (Oban has no index on `worker`).
const WORKER_SAMPLE: i64 = 100_000;

/// For a filter that matched nothing: a "did you mean" for each queue or worker it names that
/// does not exist (queues from the whole table, workers from the newest jobs).
pub fn unknown_name_hints(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    filter: &JobFilter,
) -> CliResult<Vec<String>> {
    let mut hints = Vec::new();
    let suggest = |wanted: &str, names: &[String], what: &str, scope: &str| {
        let close = crate::cron::closest_names(wanted, names, 3);
        if close.is_empty() {
            format!("no {what} `{wanted}` {scope}")
        } else {
            format!(
                "no {what} `{wanted}` {scope}; did you mean: {}?",
                close.join(", ")
            )
        }
    };
    if !filter.queues.is_empty() {
        let names = job_queries::queue_names(conn, jobs, 10_000)?;
        for queue in filter.queues.iter().filter(|q| !names.contains(q)) {
            hints.push(suggest(queue, &names, "queue", "in oban_jobs"));
        }
    }
    if !filter.workers.is_empty() {
        let names = job_queries::recent_worker_names(conn, jobs, WORKER_SAMPLE)?;
        for worker in filter.workers.iter().filter(|w| !names.contains(w)) {
            hints.push(suggest(
                worker,
                &names,
                "worker",
                &format!("among the newest {} jobs", fmt::number(WORKER_SAMPLE)),
            ));
        }
    }
    Ok(hints)
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

fn list(settings: &Settings, printer: &Printer, args: JobsListArgs) -> CliResult<ExitStatus> {
    let filter = build_filter(&args.filter)?;
    let db = Database::connect(settings, printer)?;
    let jobs = JobsTable::new(db.prefix());
    let rows = db.read(|conn| {
        require_oban(conn, db.prefix())?;
        job_queries::list(conn, &jobs, &filter, args.after, args.limit)
    })?;
    let redactor = Redactor::new(&settings.redact);
    let records: Vec<JobRecord> = rows
        .iter()
        .map(|r| JobRecord::from_row(r, &redactor))
        .collect();
    if records.is_empty() {
        printer.status("No jobs match.");
        for hint in db.read(|conn| unknown_name_hints(conn, &jobs, &filter))? {
            printer.status(
                crate::output::Line::new()
                    .styled("hint: ", crate::output::Style::Dim)
                    .push(hint),
            );
        }
    } else {
        printer.emit_list(&records, &JobList { jobs: &records })?;
    }
    if records.len() as i64 == args.limit {
        let last = records.last().map(|r| r.id).unwrap_or_default();
        printer.status(format!(
            "{} shown; next page: --after {last}",
            fmt::count(records.len() as i64, "job")
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
        return Err(
            CliError::refused(format!("job {} not found in `{}`", args.id, db.prefix()))
                .code("not_found"),
        );
    };
    let redactor = Redactor::new(&settings.redact);
    printer.emit(&JobRecord::from_row(&row, &redactor))?;
    Ok(ExitStatus::Success)
}
