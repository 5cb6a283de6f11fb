//! `jobs export`: matching jobs, redacted, as JSON lines or CSV between a header and a trailer
//! (the layout of `audit export`, written by [`crate::export`]), read in keyset pages of short
//! read-only transactions: no cursor outlives a transaction, so PgBouncer in transaction mode is
//! fine.

use serde::Serialize;

use super::{build_filter, require_oban};
use crate::audit_chain::DatabaseIdentity;
use crate::audit_trail::csv_cell;
use crate::cli::{ExportFormat, JobsExportArgs};
use crate::db::jobs::{JobRow, JobsTable};
use crate::db::prune as queries;
use crate::db::Database;
use crate::error::{CliError, CliResult, ExitStatus};
use crate::export::{create_file, json_line, meta_path, RowDigest, Sink};
use crate::jobs::filter::{JobFilter, TimeBound};
use crate::printer::Printer;
use crate::redact::Redactor;
use crate::report::jobs::JobRecord;
use crate::settings::Settings;

const PAGE: i64 = 10_000;
/// Below this many matches a filter is served by its indexes (see `jobs list`).
const SELECTIVE_BELOW: i64 = 100_000;

const CSV_COLUMNS: [&str; 18] = [
    "id",
    "state",
    "queue",
    "worker",
    "attempt",
    "max_attempts",
    "priority",
    "tags",
    "attempted_by",
    "args",
    "meta",
    "errors",
    "inserted_at",
    "scheduled_at",
    "attempted_at",
    "completed_at",
    "discarded_at",
    "cancelled_at",
];

#[derive(Debug, Serialize)]
struct Filters {
    states: Vec<String>,
    queues: Vec<String>,
    workers: Vec<String>,
    tags: Vec<String>,
    ids: Vec<i64>,
    args: serde_json::Value,
    meta: serde_json::Value,
    since: Option<String>,
    until: Option<String>,
    error_contains: Option<String>,
}

#[derive(Debug, Serialize)]
struct Header<'a> {
    obanctl_export: &'static str,
    format: &'static str,
    table: &'a str,
    filters: Filters,
    /// Jobs with a higher id were inserted after the export started and are left out.
    max_id: i64,
    redacted: bool,
    exported_at: &'a str,
    database: &'a DatabaseIdentity,
    tool_version: &'static str,
}

#[derive(Debug, Serialize)]
struct Trailer<'a> {
    obanctl_export: &'static str,
    rows: u64,
    last_id: i64,
    /// SHA-256 of the job lines (JSON lines) or of the rows after the header row (CSV).
    sha256: String,
    database: &'a DatabaseIdentity,
    exported_at: &'a str,
    complete: bool,
}

fn jsonl_page(rows: &[JobRow], redactor: &Redactor) -> CliResult<Vec<u8>> {
    let mut out = Vec::with_capacity(rows.len() * 600);
    for row in rows {
        let record = JobRecord::from_row(row, redactor);
        let line = crate::output::json::line("job", &record).map_err(CliError::internal)?;
        out.extend_from_slice(line.as_bytes());
        out.push(b'\n');
    }
    Ok(out)
}

fn csv_page(rows: &[JobRow], redactor: &Redactor) -> CliResult<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::with_capacity(rows.len() * 400));
    let texts = |list: &Option<Vec<Option<String>>>| {
        serde_json::to_string(list.as_deref().unwrap_or(&[])).unwrap_or_default()
    };
    let time = |t: Option<crate::decode::Timestamp>| t.map(|t| t.machine()).unwrap_or_default();
    for row in rows {
        let record = JobRecord::from_row(row, redactor);
        let cells: [String; 18] = [
            row.id.to_string(),
            row.state.clone(),
            row.queue.clone(),
            row.worker.clone(),
            row.attempt.to_string(),
            row.max_attempts.to_string(),
            row.priority.to_string(),
            texts(&row.tags),
            if row.attempted_by.is_some() {
                texts(&row.attempted_by)
            } else {
                String::new()
            },
            record.args.compact(),
            record.meta.compact(),
            record.errors.compact(),
            time(Some(row.inserted_at)),
            time(Some(row.scheduled_at)),
            time(row.attempted_at),
            time(row.completed_at),
            time(row.discarded_at),
            time(row.cancelled_at),
        ];
        writer
            .write_record(cells.iter().map(|c| csv_cell(c)).map(|c| c.into_owned()))
            .map_err(CliError::internal)?;
    }
    writer
        .into_inner()
        .map_err(|e| CliError::internal(anyhow::anyhow!("{e}")))
}

fn filters(filter: &JobFilter, redactor: &Redactor) -> Filters {
    let at = |b: &Option<TimeBound>| {
        b.as_ref()
            .and_then(TimeBound::fixed)
            .map(crate::output::time::rfc3339)
    };
    Filters {
        states: filter
            .states
            .iter()
            .map(|s| s.as_str().to_string())
            .collect(),
        queues: filter.queues.clone(),
        workers: filter.workers.clone(),
        tags: filter.tags.clone(),
        ids: filter.ids.clone(),
        args: redactor.apply(&serde_json::Value::Object(filter.args.clone())),
        meta: redactor.apply(&serde_json::Value::Object(filter.meta.clone())),
        since: at(&filter.since),
        until: at(&filter.until),
        error_contains: filter.error_contains.clone(),
    }
}

pub fn run(settings: &Settings, printer: &Printer, args: JobsExportArgs) -> CliResult<ExitStatus> {
    if args.meta_file.is_some() && args.export_as != ExportFormat::Csv {
        return Err(CliError::usage(
            "--meta-file is for --as csv; a JSON lines export carries its header and trailer itself",
        ));
    }
    let mut filter = build_filter(&args.filter)?;
    let db = Database::connect(settings, printer)?;
    let redactor = Redactor::new(&settings.redact);
    let (jobs, max_id, selective) = db.read(|conn| {
        let schema = require_oban(conn, db.prefix())?;
        let jobs = JobsTable::new(db.prefix()).with_flavour(schema.flavour);
        filter.freeze(crate::db::now(conn)?);
        let max_id = crate::db::jobs::max_id(conn, &jobs)?;
        let selective = queries::is_selective(conn, &jobs, &filter, SELECTIVE_BELOW)?;
        Ok((jobs, max_id, selective))
    })?;
    let database = crate::db::audit::identity(&db)?;
    let mut sink = match &args.output {
        Some(path) => Sink::open(path, false)?,
        None => Sink::Stdout(printer),
    };
    let meta_file = match args.export_as {
        ExportFormat::Jsonl => None,
        ExportFormat::Csv => meta_path(args.meta_file.as_deref(), args.output.as_deref()),
    };
    let mut meta = meta_file.as_deref().map(create_file).transpose()?;
    let format = match args.export_as {
        ExportFormat::Jsonl => "jsonl",
        ExportFormat::Csv => "csv",
    };
    let exported_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let header = json_line(&Header {
        obanctl_export: "header",
        format,
        table: &jobs.table,
        filters: filters(&filter, &redactor),
        max_id,
        redacted: true,
        exported_at: &exported_at,
        database: &database,
        tool_version: crate::audit::TOOL_VERSION,
    })?;
    match args.export_as {
        ExportFormat::Jsonl => sink.write(&header)?,
        ExportFormat::Csv => {
            if let Some(meta) = &mut meta {
                std::io::Write::write_all(meta, &header)?;
            }
            sink.write(format!("{}\n", CSV_COLUMNS.join(",")).as_bytes())?;
        }
    }
    crate::interrupt::allow_graceful_stop();
    let mut digest = RowDigest::default();
    let mut after = 0i64;
    let mut complete = true;
    // Pages are read on a second thread while this one encodes and writes the one before: the
    // server's work and ours overlap. One page waits at most (memory stays two pages).
    std::thread::scope(|scope| -> CliResult<()> {
        let (pages, inbox) = std::sync::mpsc::sync_channel::<CliResult<Vec<JobRow>>>(1);
        let (db, jobs, filter) = (&db, &jobs, &filter);
        scope.spawn(move || {
            let mut after = 0i64;
            loop {
                let page = db.read(|conn| {
                    queries::export_page(conn, jobs, filter, after, max_id, PAGE, selective)
                });
                let last = match &page {
                    Ok(rows) if (rows.len() as i64) == PAGE => rows.last().map(|r| r.id),
                    _ => None,
                };
                // A closed inbox: the writer stopped (interrupted or failed).
                if pages.send(page).is_err() {
                    break;
                }
                match last {
                    Some(id) => after = id,
                    None => break,
                }
            }
        });
        for page in inbox {
            if crate::interrupt::requested() {
                complete = false;
                break;
            }
            let rows = page?;
            let Some(last) = rows.last().map(|r| r.id) else {
                break;
            };
            let buffer = match args.export_as {
                ExportFormat::Jsonl => jsonl_page(&rows, &redactor)?,
                ExportFormat::Csv => csv_page(&rows, &redactor)?,
            };
            digest.update(&buffer, rows.len() as u64);
            sink.write(&buffer)?;
            after = last;
        }
        Ok(())
    })?;
    let trailer = json_line(&Trailer {
        obanctl_export: "trailer",
        rows: digest.rows,
        last_id: after,
        sha256: digest.hex(),
        database: &database,
        exported_at: &exported_at,
        complete,
    })?;
    match args.export_as {
        ExportFormat::Jsonl => sink.write(&trailer)?,
        ExportFormat::Csv => {
            if let Some(meta) = &mut meta {
                std::io::Write::write_all(meta, &trailer)?;
            }
        }
    }
    sink.finish()?;
    if let Some(mut meta) = meta {
        std::io::Write::flush(&mut meta)?;
    }
    printer.status(format!(
        "Exported {} (rows sha256 {}){}.",
        crate::output::fmt::count(digest.rows as i64, "job"),
        digest.hex(),
        meta_file
            .map(|p| format!("; header and trailer in {}", p.display()))
            .unwrap_or_default()
    ));
    if !complete {
        return Err(CliError::interrupted(Some(format!(
            "stopped after {} jobs (last id {after}); the trailer says complete: false",
            digest.rows
        ))));
    }
    Ok(ExitStatus::Success)
}
