//! `jobs restore FILE...`: check archives written by `jobs prune --archive`, then reinsert the rows
//! whose id is not present (ids kept), a batch per transaction with its `jobs.restored` audit row.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::json;
use sha2::Digest;

use super::require_oban;
use crate::audit::{self, AuditEvent, RunContext};
use crate::cli::JobsRestoreArgs;
use crate::commands::guard;
use crate::db::jobs::JobsTable;
use crate::db::prune as queries;
use crate::db::Database;
use crate::error::{CliError, CliResult, ExitStatus};
use crate::jobs::archive::{self, Item, Validation, TERMINAL};
use crate::jobs::filter::Bind;
use crate::output::{fmt, Doc, Summary, View};
use crate::printer::Printer;
use crate::report::prune::{RestoreFile, RestorePlan};
use crate::settings::Settings;

pub const OPERATION: &str = "job_restore";

fn check(path: &Path) -> CliResult<Validation> {
    let reader = archive::open(path)
        .map_err(|e| CliError::usage(format!("cannot read {}: {e}", path.display())))?;
    archive::validate(reader, &path.display().to_string()).map_err(|e| {
        CliError::refused_with_hint(e, "nothing was restored; restore only files written by `obanctl jobs prune --archive`, as they were written")
            .code("archive_invalid")
    })
}

#[derive(Default)]
struct Tally {
    rows: i64,
    restored: i64,
    present: i64,
    not_terminal: i64,
    batches: u64,
}

pub fn run(settings: &Settings, printer: &Printer, args: JobsRestoreArgs) -> CliResult<ExitStatus> {
    let reason = guard::reason_given(
        args.reason.as_deref(),
        args.dry_run,
        printer,
        "restore jobs",
    )?;
    if !args.dry_run {
        guard::require_actor(settings)?;
    }
    // Every file is checked whole before anything is inserted.
    let mut checked = Vec::new();
    for path in &args.files {
        checked.push((path.clone(), check(path)?));
    }
    let db = Database::connect(settings, printer)?;
    let (jobs, table_columns) = db.read(|conn| {
        let schema = require_oban(conn, db.prefix())?;
        let jobs = JobsTable::new(db.prefix()).with_flavour(schema.flavour);
        if !args.dry_run {
            audit::require_chain(conn, db.powertools_schema())?;
        }
        let columns = queries::columns(conn, &jobs)?;
        Ok((jobs, columns))
    })?;
    let mut notes = Vec::new();
    let mut files = Vec::new();
    let mut column_sets = Vec::new();
    for (path, found) in &checked {
        let columns: Vec<String> = table_columns
            .iter()
            .map(|c| c.name.clone())
            .filter(|name| found.columns.contains(name))
            .collect();
        if !columns.iter().any(|c| c == "id") {
            return Err(CliError::refused(format!(
                "{}: its header names no `id` column shared with {}",
                path.display(),
                jobs.table
            ))
            .code("archive_invalid"));
        }
        let missing: Vec<&str> = table_columns
            .iter()
            .map(|c| c.name.as_str())
            .filter(|name| !found.columns.iter().any(|c| c == name))
            .collect();
        if !missing.is_empty() {
            notes.push(format!(
                "{}: the archive has no {} column(s); restored rows get their defaults",
                path.display(),
                missing.join(", ")
            ));
        }
        if found.unterminated_segments > 0 {
            notes.push(format!(
                "{}: {} written by a run that was stopped before its trailer (killed?); its rows are restored, but cannot be checked against a digest",
                path.display(),
                fmt::count(found.unterminated_segments as i64, "segment was|segments were")
            ));
        }
        column_sets.push(columns);
        files.push(RestoreFile {
            file: path.display().to_string(),
            segments: found.segments,
            verified_segments: found.verified_segments,
            unterminated_segments: found.unterminated_segments,
            rows: found.rows,
            torn_lines: found.torn_lines,
        });
    }
    let total: u64 = files.iter().map(|f| f.rows).sum();
    let mut plan = RestorePlan {
        operation: OPERATION,
        dry_run: args.dry_run,
        files,
        rows: total,
        already_present: None,
        notes,
    };
    if args.dry_run {
        let mut present = 0i64;
        for (path, _) in &checked {
            let mut ids = Vec::new();
            let mut count = |ids: &mut Vec<i64>| -> CliResult<()> {
                if ids.is_empty() {
                    return Ok(());
                }
                let batch = std::mem::take(ids);
                present += db.read(|conn| present_count(conn, &jobs, batch))?;
                Ok(())
            };
            let mut failure = None;
            archive::read_items(open(path)?, |item, _| {
                if let Item::Row(row) = item {
                    ids.push(row.id);
                    if ids.len() as i64 >= args.batch_size {
                        if let Err(e) = count(&mut ids) {
                            failure = Some(e);
                            return Err(String::new());
                        }
                    }
                }
                Ok(())
            })
            .map_err(|e| failure.take().unwrap_or_else(|| CliError::refused(e)))?;
            count(&mut ids)?;
        }
        plan.already_present = Some(present);
        printer.emit(&plan)?;
        return Ok(ExitStatus::Success);
    }
    if printer.is_json() {
        printer.json(&plan)?;
    } else {
        printer.doc_stderr(&plan.view());
    }
    if total == 0 {
        let summary = Summary {
            operation: OPERATION.into(),
            ..Default::default()
        };
        printer.emit_with(
            &summary,
            &Doc::new().line("The archives hold no rows; nothing to restore."),
        )?;
        return Ok(ExitStatus::Success);
    }
    let reason = match reason {
        Some(reason) => reason,
        None => guard::prompt_reason("restore jobs")?,
    };
    guard::confirm(
        printer,
        &format!(
            "Restore up to {} from {} into {}?",
            fmt::count(total as i64, "job"),
            fmt::count(checked.len() as i64, "file"),
            jobs.table
        ),
        args.yes,
    )?;

    let ctx = RunContext::new(settings.actor.value.clone(), settings.actor.source.clone());
    crate::interrupt::allow_graceful_stop();
    let progress = printer.progress_bar(total, "rows");
    let mut tally = Tally::default();
    let mut interrupted = false;
    let mut failure: Option<CliError> = None;
    for ((path, _), columns) in checked.iter().zip(&column_sets) {
        let file = path.display().to_string();
        let mut rows: Vec<String> = Vec::new();
        let mut ids: Vec<i64> = Vec::new();
        let mut digest = sha2::Sha256::new();
        let flush = |rows: &mut Vec<String>,
                     ids: &mut Vec<i64>,
                     digest: &mut sha2::Sha256,
                     tally: &mut Tally|
         -> CliResult<()> {
            if rows.is_empty() {
                return Ok(());
            }
            let texts: Vec<&str> = rows.iter().map(String::as_str).collect();
            let sha = format!("{:x}", std::mem::take(digest).finalize());
            let restored = db.write(|conn| {
                let restored = queries::restore_rows(conn, &jobs, columns, &texts)?;
                let mut metadata = serde_json::Map::new();
                metadata.insert("operation".into(), json!(OPERATION));
                metadata.insert("reason".into(), json!(reason));
                metadata.insert("archive".into(), json!(file));
                metadata.insert("rows".into(), json!(rows.len()));
                metadata.insert("restored".into(), json!(restored.len()));
                metadata.insert("already_present".into(), json!(rows.len() - restored.len()));
                metadata.insert(
                    "id_range".into(),
                    json!([ids.iter().min(), ids.iter().max()]),
                );
                metadata.insert("sha256".into(), json!(sha));
                audit::record(
                    conn,
                    db.powertools_schema(),
                    &ctx,
                    AuditEvent {
                        action: "jobs.restored".into(),
                        resource_type: "job_batch".into(),
                        resource_id: format!(
                            "{}-{}",
                            ids.iter().min().copied().unwrap_or_default(),
                            ids.iter().max().copied().unwrap_or_default()
                        ),
                        metadata,
                    },
                )?;
                Ok(restored.len() as i64)
            })?;
            tally.restored += restored;
            tally.present += rows.len() as i64 - restored;
            tally.batches += 1;
            progress.inc(rows.len() as u64);
            rows.clear();
            ids.clear();
            Ok(())
        };
        let read = archive::read_items(open(path)?, |item, raw| {
            if crate::interrupt::requested() {
                interrupted = true;
                return Err(String::new());
            }
            if let Item::Row(row) = item {
                tally.rows += 1;
                if !TERMINAL.iter().any(|s| s.as_str() == row.state) {
                    tally.not_terminal += 1;
                    return Ok(());
                }
                digest.update(raw);
                digest.update(b"\n");
                ids.push(row.id);
                rows.push(row.row);
                if rows.len() as i64 >= args.batch_size {
                    if let Err(e) = flush(&mut rows, &mut ids, &mut digest, &mut tally) {
                        failure = Some(e);
                        return Err(String::new());
                    }
                }
            }
            Ok(())
        });
        match read {
            Ok(()) => {
                if let Err(e) = flush(&mut rows, &mut ids, &mut digest, &mut tally) {
                    failure = Some(e);
                }
            }
            Err(e) if failure.is_none() && !interrupted => failure = Some(CliError::refused(e)),
            Err(_) => {}
        }
        if failure.is_some() || interrupted {
            break;
        }
    }
    progress.finish_and_clear();
    let mut skipped = BTreeMap::new();
    if tally.present > 0 {
        skipped.insert("already_present".to_string(), tally.present);
    }
    if tally.not_terminal > 0 {
        skipped.insert("not_terminal".to_string(), tally.not_terminal);
    }
    let stopped = interrupted || failure.is_some();
    if stopped && (total as i64) > tally.rows {
        skipped.insert("not_reached".to_string(), total as i64 - tally.rows);
    }
    let summary = Summary {
        operation: OPERATION.into(),
        dry_run: false,
        matched: total as i64,
        changed: tally.restored,
        skipped,
        interrupted: stopped,
        operation_id: Some(ctx.operation_id.to_string()),
        exit: if interrupted {
            130
        } else if let Some(f) = &failure {
            f.exit_code_number()
        } else {
            0
        },
    };
    let doc = Doc::new().line(format!(
        "Restored {}; {} already present (left alone){}; one jobs.restored audit row per batch (operation {}).",
        fmt::count(tally.restored, "job"),
        fmt::number(tally.present),
        if tally.not_terminal > 0 {
            format!("; {} not in a finished state (skipped)", fmt::number(tally.not_terminal))
        } else {
            String::new()
        },
        ctx.operation_id
    ));
    printer.emit_with(&summary, &doc)?;
    if let Some(failure) = failure {
        let message = format!(
            "{}; {} restored and audited before the run stopped",
            failure.message(),
            fmt::count(tally.restored, "job")
        );
        return Err(failure.with_message(message));
    }
    if interrupted {
        return Err(CliError::interrupted(Some(format!(
            "stopped after {}: {} restored; rerun to continue (present rows are left alone)",
            fmt::count(tally.batches as i64, "batch|batches"),
            fmt::count(tally.restored, "job")
        ))));
    }
    Ok(ExitStatus::Success)
}

fn open(path: &Path) -> CliResult<Box<dyn std::io::BufRead>> {
    archive::open(path).map_err(|e| CliError::usage(format!("cannot read {}: {e}", path.display())))
}

fn present_count(
    conn: &mut diesel::pg::PgConnection,
    jobs: &JobsTable,
    ids: Vec<i64>,
) -> CliResult<i64> {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let text = format!(
        "SELECT count(*)::bigint AS n FROM {} j WHERE j.id = ANY($1::bigint[])",
        jobs.table
    );
    Ok(crate::db::bound_query(&text, &[Bind::BigInts(ids)])
        .get_result::<N>(conn)?
        .n)
}
