//! `jobs prune`: delete finished jobs older than a cutoff in short batches ([`crate::jobs::bulk`]),
//! each batch one transaction with its `jobs.pruned` audit row, optionally writing every row to an
//! archive (and making it durable) before the batch's delete commits.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::require_oban;
use crate::audit::{self, AuditEvent, RunContext};
use crate::cli::JobsPruneArgs;
use crate::commands::guard;
use crate::db::jobs::JobsTable;
use crate::db::prune::{self as queries, DeleteForm, Span, SpanBy};
use crate::db::Database;
use crate::error::{CliError, CliResult, ErrorKind, ExitStatus};
use crate::export::{json_line, RowDigest, Sink};
use crate::jobs::archive::{
    check_states, push_row_line, ArchiveColumn, ArchiveFilters, ArchiveHeader, ArchiveTrailer,
    PruneScope, ARCHIVE_FORMAT,
};
use crate::jobs::bulk::run_batches;
use crate::jobs::filter::JobFilter;
use crate::output::{fmt, Doc, Summary, View};
use crate::printer::Printer;
use crate::report::prune::{PruneBatch, PrunePlan};
use crate::settings::Settings;
use crate::values::split_list;

/// Counting stops here: the plan then says "at least".
const COUNT_LIMIT: i64 = 10_000_000;
/// With --yes the preview is read by no one before the deleting starts: it counts this far (a
/// full count of a large table is a scan of it) and the summary has the exact number.
const UNATTENDED_COUNT_LIMIT: i64 = 10_000;
pub const OPERATION: &str = "job_prune";

/// The archive of a run: the sink and the running digest, written by one batch at a time.
struct Archive<'a> {
    sink: Sink<'a>,
    digest: RowDigest,
    first_id: Option<i64>,
    last_id: Option<i64>,
}

/// Running totals of a run.
#[derive(Debug, Default)]
struct Tally {
    deleted: i64,
    locked: i64,
    drifted: i64,
    by_state: BTreeMap<String, i64>,
}

/// What one batch deleted: its jobs per state, id range, and the SHA-256 its audit row records
/// (of its archive lines, or of its ids when there is no archive).
struct Gone {
    count: i64,
    first_id: Option<i64>,
    last_id: Option<i64>,
    by_state: BTreeMap<String, i64>,
    sha256: String,
}

fn archive_name(path: &Path) -> String {
    if path == Path::new("-") {
        "-".to_string()
    } else {
        path.display().to_string()
    }
}

pub fn run(settings: &Settings, printer: &Printer, args: JobsPruneArgs) -> CliResult<ExitStatus> {
    let states = check_states(&args.states).map_err(|e| {
        CliError::refused_with_hint(
            e,
            "jobs prune deletes completed, cancelled and discarded jobs",
        )
        .code("wrong_state")
    })?;
    let filter = JobFilter {
        queues: split_list(&args.queues),
        workers: split_list(&args.workers),
        ..Default::default()
    };
    for value in filter.queues.iter().chain(&filter.workers) {
        crate::jobs::filter::check_length("filter", value).map_err(CliError::usage)?;
    }
    let to_stdout = args.archive.as_deref() == Some(Path::new("-"));
    if to_stdout && std::io::stdout().is_terminal() {
        return Err(CliError::usage(
            "--archive - writes raw rows to stdout, which is a terminal here; redirect it to a file or pipe (e.g. `| gzip > jobs.jsonl.gz`), or give --archive FILE",
        ));
    }
    if let Some(path) = args.archive.as_deref().filter(|_| !to_stdout) {
        if path.exists() {
            return Err(CliError::refused_with_hint(
                format!(
                    "{} already exists; an archive is never overwritten or appended to",
                    path.display()
                ),
                "give this run a new file name (`jobs restore` takes several files)",
            )
            .code("archive_exists"));
        }
    }
    let reason = guard::reason_given(args.reason.as_deref(), args.dry_run, printer, "prune jobs")?;
    if !args.dry_run {
        guard::require_actor(settings)?;
    }
    let parallel = if args.sleep_ms > 0 { 1 } else { args.parallel };
    let db = Database::connect_with_pool(settings, printer, parallel + 1)?;
    let started = Instant::now();

    // The preview: one read-only transaction; the cutoff is the database clock's, once.
    let (jobs, scope, max_id, plan, may_delete, columns, pages) = db.read(|conn| {
        let schema = require_oban(conn, db.prefix())?;
        let jobs = JobsTable::new(db.prefix()).with_flavour(schema.flavour);
        if !args.dry_run {
            audit::require_chain(conn, db.powertools_schema())?;
        }
        let now = crate::db::now(conn)?;
        let cutoff = chrono::Duration::from_std(args.older_than)
            .ok()
            .and_then(|d| now.checked_sub_signed(d))
            .unwrap_or(chrono::NaiveDateTime::MIN)
            .max(
                chrono::NaiveDate::from_ymd_opt(1, 1, 1)
                    .expect("valid date")
                    .and_hms_opt(0, 0, 0)
                    .expect("valid time"),
            );
        let scope = PruneScope {
            states: states.clone(),
            cutoff,
            filter: filter.clone(),
        };
        let max_id = crate::db::jobs::max_id(conn, &jobs)?;
        let unattended = args.yes && !args.dry_run;
        let cap = if unattended {
            UNATTENDED_COUNT_LIMIT
        } else {
            COUNT_LIMIT
        } + 1;
        let counts = queries::plan_counts(conn, &jobs, &scope, max_id, cap, !unattended)?;
        let by_state: BTreeMap<String, i64> = counts.into_iter().map(|c| (c.state, c.n)).collect();
        let matched: i64 = by_state.values().sum();
        let may_delete = queries::can_delete(conn, &jobs)?;
        // Only batches without --max can be ranges of row positions.
        let pages = match args.max {
            None => queries::heap_pages(conn, &jobs)?,
            Some(_) => None,
        };
        let columns = queries::columns(conn, &jobs)?;
        let plan = PrunePlan {
            operation: OPERATION,
            dry_run: args.dry_run,
            cutoff,
            older_than_seconds: args.older_than.as_secs(),
            states: states.iter().map(|s| s.as_str().to_string()).collect(),
            queues: filter.queues.clone(),
            workers: filter.workers.clone(),
            matched: matched.min(cap - 1),
            matched_at_least: matched >= cap,
            by_state,
            max: args.max,
            will_delete: args.max.map_or(matched, |m| matched.min(m)),
            archive: args.archive.as_deref().map(archive_name),
            notes: if unattended && matched >= cap {
                vec![format!(
                    "--yes: counted the first {} only; the summary has the exact number",
                    fmt::number(UNATTENDED_COUNT_LIMIT)
                )]
            } else {
                Vec::new()
            },
        };
        Ok((jobs, scope, max_id, plan, may_delete, columns, pages))
    })?;
    printer.verbose(format!(
        "preview: {} matching up to id {max_id} ({} ms)",
        plan.matched,
        started.elapsed().as_millis()
    ));
    // Where reports go: stdout, unless stdout is the archive.
    let report = |record: &PrunePlan| -> CliResult<()> {
        if to_stdout {
            printer.doc_stderr(&record.view());
            Ok(())
        } else {
            printer.emit(record)
        }
    };
    if args.dry_run {
        report(&plan)?;
        return Ok(ExitStatus::Success);
    }
    if !may_delete {
        return Err(CliError::permission_denied(format!(
            "this role may not delete from {} (jobs prune needs DELETE and UPDATE on it)",
            jobs.table
        )));
    }
    if plan.will_delete == 0 {
        let summary = Summary {
            operation: OPERATION.into(),
            ..Default::default()
        };
        let doc = Doc::new().line(format!(
            "No finished jobs are older than {}; nothing to delete{}.",
            crate::output::time::human(plan.cutoff),
            if plan.archive.is_some() {
                " and no archive written"
            } else {
                ""
            }
        ));
        emit_summary(printer, to_stdout, &summary, &doc)?;
        return Ok(ExitStatus::Success);
    }
    if printer.is_json() && !to_stdout {
        printer.json(&plan)?;
    } else {
        printer.doc_stderr(&plan.view());
    }
    let reason = match reason {
        Some(reason) => reason,
        None => guard::prompt_reason("prune jobs")?,
    };
    guard::confirm(printer, &plan.question(), args.yes)?;

    let ctx = RunContext::new(settings.actor.value.clone(), settings.actor.source.clone());
    let archive_file = plan.archive.clone();
    let archive = match &args.archive {
        None => None,
        Some(path) => {
            let mut sink = if to_stdout {
                Sink::Stdout(printer)
            } else {
                Sink::open(path, true)?
            };
            let header = header(&db, &jobs, &scope, &plan, &ctx, columns)?;
            sink.write(&header)?;
            sink.sync()?;
            Some(Mutex::new(Archive {
                sink,
                digest: RowDigest::default(),
                first_id: None,
                last_id: None,
            }))
        }
    };

    let progress = if plan.will_delete_known() {
        printer.progress_bar(plan.will_delete as u64, "jobs")
    } else {
        printer.progress_counter("jobs")
    };
    crate::interrupt::allow_graceful_stop();
    let limit = args.max.unwrap_or(i64::MAX);
    let (mut after, mut dispatched) = (0i64, 0i64);
    let ids = |lo: i64, hi: i64| Span {
        by: SpanBy::Ids,
        lo,
        hi,
        max_id,
    };
    // Each batch's share of the table, holding at most --batch-size matching jobs. With --max:
    // ranges of ids, counted exactly as they are chosen (the run must stop at the maximum).
    // Without: --batch-size rows of the table whatever their state: ranges of row positions in
    // the heap where the server can scan just those (read in the heap's order, so the delete then
    // finds its pages cached and reads the table as one DELETE would, however its ids lie on
    // disk), else ranges of ids read from the primary key alone. `seen` is the count when known.
    let select = || -> CliResult<Vec<(Span, Option<i64>)>> {
        if args.max.is_none() {
            if let Some(pages) = pages {
                let end = queries::position(pages, 0);
                if after >= end {
                    return Ok(Vec::new());
                }
                let next = db.read(|conn| {
                    queries::range_end_by_positions(conn, &jobs, after, end, args.batch_size)
                })?;
                // The last span runs to the end of the table as it was at the preview.
                let span = Span {
                    by: SpanBy::Positions,
                    lo: after,
                    hi: next.map_or(end, |at| at.min(end)),
                    max_id,
                };
                after = span.hi;
                return Ok(vec![(span, None)]);
            }
            if after >= max_id {
                return Ok(Vec::new());
            }
            let end = db.read(|conn| {
                queries::range_end_by_rows(conn, &jobs, after, max_id, args.batch_size)
            })?;
            let hi = end.unwrap_or(max_id);
            let batch = vec![(ids(after, hi), None)];
            after = hi;
            return Ok(batch);
        }
        let remaining = limit - dispatched;
        if remaining <= 0 {
            return Ok(Vec::new());
        }
        let range = db.read(|conn| {
            queries::next_range(
                conn,
                &jobs,
                &scope,
                after,
                max_id,
                args.batch_size.min(remaining),
            )
        })?;
        if range.n == 0 {
            return Ok(Vec::new());
        }
        let batch = vec![(ids(after, range.hi), Some(range.n))];
        after = range.hi;
        dispatched += range.n;
        Ok(batch)
    };
    let base_metadata = {
        let mut m = serde_json::Map::new();
        m.insert("operation".into(), json!(OPERATION));
        m.insert("reason".into(), json!(reason));
        m.insert(
            "cutoff".into(),
            json!(crate::output::time::rfc3339(scope.cutoff)),
        );
        m.insert("archive".into(), json!(archive_file));
        m
    };
    // One batch in one transaction, in `form`. `deleted` turns true once its delete is done:
    // only a batch whose delete itself met a held row is run again as the skipping form (an
    // archive may already hold the rows of a batch that failed later).
    let attempt = |span: Span,
                   seen: Option<i64>,
                   form: DeleteForm,
                   deleted: &Cell<bool>|
     -> CliResult<PruneBatch> {
        db.write_batch(form.lock_timeout(db.lock_timeout()), |conn| {
            let stepped_back = form == DeleteForm::SkipLocked;
            let delete_done = |conn: &mut diesel::PgConnection| -> CliResult<()> {
                deleted.set(true);
                if form == DeleteForm::Outright {
                    queries::set_lock_timeout(conn, db.lock_timeout())?;
                }
                Ok(())
            };
            let gone = match &archive {
                Some(archive) => {
                    // Deleted and read in one statement; the delete commits only after the
                    // rows are on disk below.
                    let rows =
                        queries::delete_range_returning_rows(conn, &jobs, &scope, span, form)?;
                    delete_done(conn)?;
                    let mut buffer =
                        Vec::with_capacity(rows.iter().map(|r| r.row.len() + 64).sum());
                    for row in &rows {
                        push_row_line(&mut buffer, row.id, &row.state, &row.row);
                    }
                    let sha256 = crate::export::sha256_hex(&buffer);
                    if !rows.is_empty() {
                        // On disk before this transaction (the delete) can commit.
                        let mut archive = archive.lock().unwrap_or_else(|e| e.into_inner());
                        archive.sink.write(&buffer)?;
                        archive.sink.sync()?;
                        archive.digest.update(&buffer, rows.len() as u64);
                        let first = rows.first().map(|r| r.id);
                        archive.first_id = archive.first_id.min(first).or(first);
                        archive.last_id = rows.last().map(|r| r.id).max(archive.last_id);
                    }
                    let mut by_state = BTreeMap::new();
                    for row in &rows {
                        *by_state.entry(row.state.clone()).or_insert(0i64) += 1;
                    }
                    Gone {
                        count: rows.len() as i64,
                        first_id: rows.first().map(|r| r.id),
                        last_id: rows.last().map(|r| r.id),
                        by_state,
                        sha256,
                    }
                }
                None => {
                    let summary = queries::delete_range(conn, &jobs, &scope, span, form)?;
                    delete_done(conn)?;
                    Gone {
                        count: summary.n,
                        first_id: summary.first_id,
                        last_id: summary.last_id,
                        by_state: summary.counts.by_state(),
                        sha256: summary.sha256,
                    }
                }
            };
            let deleted = gone.count;
            let (mut locked, mut drifted) = (0, 0);
            // Only a batch that stepped back to skipping held rows can have left some.
            if stepped_back {
                let still = queries::count_range(conn, &jobs, &scope, span)?;
                // Our own deletes are gone from this transaction's view: what still matches
                // in the range is held by someone else.
                locked = still.max(0);
            }
            if let Some(seen) = seen {
                drifted = (seen - deleted - locked).max(0);
            }
            let audit_id = if deleted > 0 {
                let mut metadata = base_metadata.clone();
                metadata.insert("count".into(), json!(deleted));
                metadata.insert("id_range".into(), json!([gone.first_id, gone.last_id]));
                metadata.insert("states".into(), json!(gone.by_state));
                metadata.insert("sha256".into(), json!(gone.sha256));
                metadata.insert(
                    "sha256_of".into(),
                    json!(if archive.is_some() {
                        "archive_lines"
                    } else {
                        "ids"
                    }),
                );
                metadata.insert("locked".into(), json!(locked));
                Some(audit::record(
                    conn,
                    db.powertools_schema(),
                    &ctx,
                    AuditEvent {
                        action: "jobs.pruned".into(),
                        resource_type: "job_batch".into(),
                        resource_id: format!(
                            "{}-{}",
                            gone.first_id.unwrap_or_default(),
                            gone.last_id.unwrap_or_default()
                        ),
                        metadata,
                    },
                )?)
            } else {
                None
            };
            Ok(PruneBatch {
                deleted,
                first_id: gone.first_id,
                last_id: gone.last_id,
                by_state: gone.by_state,
                locked,
                drifted,
                sha256: gone.sha256,
                audit_id,
            })
        })
    };
    let apply = |batch: Vec<(Span, Option<i64>)>| -> CliResult<PruneBatch> {
        let (span, seen) = batch[0];
        let batch_started = Instant::now();
        let deleted = Cell::new(false);
        let done = match attempt(span, seen, DeleteForm::Outright, &deleted) {
            Err(err) if err.machine_code() == "lock_timeout" && !deleted.get() => {
                printer.verbose(format!(
                    "batch {span}: a row is held; deleting around it (SKIP LOCKED)"
                ));
                attempt(span, seen, DeleteForm::SkipLocked, &Cell::new(false))
            }
            other => other,
        }?;
        printer.verbose(format!(
            "batch {span}: {} deleted in {} ms",
            done.deleted,
            batch_started.elapsed().as_millis()
        ));
        if args.sleep_ms > 0 {
            std::thread::sleep(Duration::from_millis(args.sleep_ms));
        }
        Ok(done)
    };
    let mut tally = Tally::default();
    let on_batch = |batch: PruneBatch| -> CliResult<()> {
        progress.inc(batch.deleted as u64);
        tally.deleted += batch.deleted;
        tally.locked += batch.locked;
        tally.drifted += batch.drifted;
        for (state, n) in &batch.by_state {
            *tally.by_state.entry(state.clone()).or_default() += n;
        }
        // A range that held nothing to delete is not news.
        if printer.is_json() && !to_stdout && (batch.deleted > 0 || batch.locked > 0) {
            printer.json(&batch)?;
        }
        Ok(())
    };
    let run = run_batches(
        parallel,
        select,
        apply,
        on_batch,
        &crate::interrupt::requested,
    );
    progress.finish_and_clear();
    let stopped_early = run.interrupted || run.failure.is_some();

    // The trailer: written whatever happened, saying whether the run finished.
    let mut archive_error = None;
    let mut archive_digest = None;
    if let Some(archive) = archive {
        let archive = archive.into_inner().unwrap_or_else(|e| e.into_inner());
        let Archive {
            mut sink,
            digest,
            first_id,
            last_id,
        } = archive;
        archive_digest = Some((digest.rows, digest.hex()));
        let trailer = ArchiveTrailer {
            obanctl_export: "trailer".into(),
            rows: digest.rows,
            first_id,
            last_id,
            sha256: digest.hex(),
            complete: !stopped_early,
            finished_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            operation_id: ctx.operation_id.to_string(),
        };
        let written = json_line(&trailer)
            .and_then(|line| sink.write(&line))
            .and_then(|_| sink.finish());
        if let Err(err) = written {
            archive_error = Some(err);
        }
    }

    let summary = build_summary(
        &plan,
        &tally,
        stopped_early,
        &ctx,
        &run.failure,
        run.interrupted,
    );
    let mut recorded = Err(CliError::unreachable("not attempted"));
    for _ in 0..=parallel + 1 {
        recorded = record_run(
            &db,
            &ctx,
            &reason,
            &plan,
            &summary,
            run.batches,
            started.elapsed(),
            &archive_digest,
        );
        match &recorded {
            Err(err) if err.is(ErrorKind::Unreachable) => continue,
            _ => break,
        }
    }
    if let Err(err) = &recorded {
        printer.warning(format!(
            "could not record the run summary (cli.bulk_operation): {}",
            err.message()
        ));
    }
    if let Some(err) = &archive_error {
        printer.warning(format!(
            "could not finish the archive's trailer: {}; every deleted row is in it, but restore will call it unterminated",
            err.message()
        ));
    }
    let doc = summary_doc(&summary, &tally, &plan, &archive_digest);
    if let Some(failure) = run.failure {
        if failure.is(ErrorKind::BrokenPipe) {
            return Err(failure);
        }
        emit_summary(
            printer,
            to_stdout,
            &Summary {
                exit: failure.exit_code_number(),
                ..summary
            },
            &doc,
        )?;
        let message = format!(
            "{}; {} deleted and audited before the run stopped (operation {})",
            failure.message(),
            fmt::count(tally.deleted, "job"),
            ctx.operation_id
        );
        return Err(failure.with_message(message));
    }
    if run.interrupted {
        emit_summary(printer, to_stdout, &summary, &doc)?;
        return Err(CliError::interrupted(Some(format!(
            "stopped after {}: {} deleted and audited{}; nothing is half-done. Rerun to continue{}.",
            fmt::count(run.batches as i64, "batch|batches"),
            fmt::count(tally.deleted, "job"),
            if archive_file.is_some() { ", every one of them in the archive" } else { "" },
            if archive_file.is_some() { " (with a new --archive file)" } else { "" }
        ))));
    }
    emit_summary(printer, to_stdout, &summary, &doc)?;
    Ok(match summary.exit {
        0 => ExitStatus::Success,
        1 => ExitStatus::Attention,
        _ => ExitStatus::Failed,
    })
}

fn header(
    db: &Database,
    jobs: &JobsTable,
    scope: &PruneScope,
    plan: &PrunePlan,
    ctx: &RunContext,
    columns: Vec<ArchiveColumn>,
) -> CliResult<Vec<u8>> {
    let database = crate::db::audit::identity(db)?;
    json_line(&ArchiveHeader {
        obanctl_export: "header".into(),
        format: ARCHIVE_FORMAT.into(),
        table: jobs.table.clone(),
        flavour: format!("{:?}", jobs.flavour).to_lowercase(),
        columns,
        filters: ArchiveFilters {
            states: plan.states.clone(),
            older_than_seconds: plan.older_than_seconds,
            cutoff: crate::output::time::rfc3339(scope.cutoff),
            queues: scope.filter.queues.clone(),
            workers: scope.filter.workers.clone(),
            tags: scope.filter.tags.clone(),
        },
        redacted: false,
        started_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        database,
        operation_id: ctx.operation_id.to_string(),
        tool_version: audit::TOOL_VERSION.into(),
    })
}

fn build_summary(
    plan: &PrunePlan,
    tally: &Tally,
    stopped_early: bool,
    ctx: &RunContext,
    failure: &Option<CliError>,
    interrupted: bool,
) -> Summary {
    // Without a known total, what matched is what the batches met.
    let matched = if plan.will_delete_known() {
        plan.will_delete.max(tally.deleted)
    } else {
        tally.deleted + tally.locked
    };
    let mut skipped = BTreeMap::new();
    if tally.locked > 0 {
        skipped.insert("locked".to_string(), tally.locked);
    }
    let unaccounted = matched - tally.deleted - tally.locked;
    if unaccounted > 0 {
        let key = if stopped_early {
            "not_reached"
        } else {
            "drifted"
        };
        skipped.insert(key.to_string(), unaccounted);
    }
    let exit = if interrupted {
        130
    } else if let Some(failure) = failure {
        failure.exit_code_number()
    } else if tally.locked > 0 && tally.deleted > 0 {
        1
    } else if tally.locked > 0 {
        2
    } else {
        0
    };
    Summary {
        operation: OPERATION.into(),
        dry_run: false,
        matched,
        changed: tally.deleted,
        skipped,
        interrupted: stopped_early,
        operation_id: Some(ctx.operation_id.to_string()),
        exit,
    }
}

fn summary_doc(
    summary: &Summary,
    tally: &Tally,
    plan: &PrunePlan,
    archive: &Option<(u64, String)>,
) -> Doc {
    let states = tally
        .by_state
        .iter()
        .map(|(s, n)| format!("{} {s}", fmt::number(*n)))
        .collect::<Vec<_>>()
        .join(", ");
    let mut doc = Doc::new().line(format!(
        "Deleted {}{} finished before {}; one jobs.pruned audit row per batch (operation {}).",
        fmt::count(tally.deleted, "job"),
        if states.is_empty() {
            String::new()
        } else {
            format!(" ({states})")
        },
        crate::output::time::human(plan.cutoff),
        summary.operation_id.as_deref().unwrap_or("-")
    ));
    if let (Some(file), Some((rows, sha))) = (&plan.archive, archive) {
        doc = doc.line(format!(
            "Archive {file}: {} (rows sha256 {sha}).",
            fmt::count(*rows as i64, "row")
        ));
    }
    for (outcome, n) in &summary.skipped {
        doc = doc.line(format!("Skipped {}: {outcome}.", fmt::count(*n, "job")));
    }
    doc
}

fn emit_summary(printer: &Printer, to_stdout: bool, summary: &Summary, doc: &Doc) -> CliResult<()> {
    if to_stdout {
        printer.doc_stderr(doc);
        Ok(())
    } else {
        printer.emit_with(summary, doc)
    }
}

/// The run's `cli.bulk_operation` row.
#[allow(clippy::too_many_arguments)]
fn record_run(
    db: &Database,
    ctx: &RunContext,
    reason: &str,
    plan: &PrunePlan,
    summary: &Summary,
    batches: u64,
    elapsed: Duration,
    archive: &Option<(u64, String)>,
) -> CliResult<i64> {
    let mut metadata = serde_json::Map::new();
    metadata.insert("operation".into(), json!(OPERATION));
    metadata.insert("reason".into(), json!(reason));
    metadata.insert(
        "selection".into(),
        json!({
            "states": plan.states, "queues": plan.queues, "workers": plan.workers,
            "older_than_seconds": plan.older_than_seconds,
            "cutoff": crate::output::time::rfc3339(plan.cutoff), "max": plan.max,
        }),
    );
    metadata.insert("matched".into(), json!(summary.matched));
    metadata.insert("changed".into(), json!(summary.changed));
    metadata.insert("skipped".into(), json!(summary.skipped_total()));
    metadata.insert("outcomes".into(), json!(summary.skipped));
    metadata.insert("batches".into(), json!(batches));
    metadata.insert("interrupted".into(), json!(summary.interrupted));
    metadata.insert("elapsed_ms".into(), json!(elapsed.as_millis() as u64));
    metadata.insert(
        "archive".into(),
        match (&plan.archive, archive) {
            (Some(file), Some((rows, sha))) => json!({"file": file, "rows": rows, "sha256": sha}),
            _ => Value::Null,
        },
    );
    metadata.insert(
        "result".into(),
        json!(if summary.interrupted {
            "interrupted"
        } else {
            "ok"
        }),
    );
    db.write(|conn| audit::record_bulk_operation(conn, db.powertools_schema(), ctx, metadata))
}
