//! `obanctl audit tail|export`.

use std::io::Write;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::audit::TOOL_VERSION;
use crate::audit_trail::{parse_resource, AuditFilter, FollowWindow, FOLLOW_OVERLAP};
use crate::cli::{
    AuditCommand, AuditExportArgs, AuditFilterArgs, AuditPurgeArgs, AuditTailArgs, ExportFormat,
};
use crate::commands::guard;
use crate::db::audit as audit_queries;
use crate::db::{catalog, Database};
use crate::error::{CliError, CliResult, ExitStatus};
use crate::jobs::filter::{check_length, TimeBound};
use crate::output::{fmt, Doc, Line, Record, Style, Summary, View};
use crate::printer::Printer;
use crate::redact::Redactor;
use crate::report::audit::{AuditEventRecord, AuditTable};
use crate::settings::Settings;

const FOLLOW_POLL: Duration = Duration::from_millis(500);
/// Ids below the newest at start that `--follow` still re-reads, for transactions in flight then.
const FOLLOW_START_MARGIN: i64 = 1000;
const EXPORT_CHUNK: i64 = 10_000;
const FOLLOW_CHUNK: i64 = 10_000;

pub fn run(settings: &Settings, printer: &Printer, command: AuditCommand) -> CliResult<ExitStatus> {
    match command {
        AuditCommand::Tail(args) => tail(settings, printer, args),
        AuditCommand::Export(args) => export(settings, printer, args),
        AuditCommand::Verify => verify(settings, printer),
        AuditCommand::Purge(args) => purge(settings, printer, args),
    }
}

fn build_filter(args: &AuditFilterArgs) -> CliResult<AuditFilter> {
    let usage = CliError::usage;
    for value in [&args.actor, &args.action, &args.operation]
        .into_iter()
        .flatten()
    {
        check_length("filter", value).map_err(usage)?;
    }
    let (resource_type, resource_id) = match &args.resource {
        Some(text) => {
            let (kind, id) = parse_resource(text).map_err(usage)?;
            (Some(kind), id)
        }
        None => (None, None),
    };
    let bound = |text: &Option<String>, flag: &str| {
        text.as_deref()
            .map(TimeBound::parse)
            .transpose()
            .map_err(|e| CliError::usage(format!("{flag}: {e}")))
    };
    Ok(AuditFilter {
        actor: args.actor.clone(),
        action: args.action.clone(),
        resource_type,
        resource_id,
        operation: args.operation.clone(),
        since: bound(&args.since, "--since")?,
        until: bound(&args.until, "--until")?,
    })
}

/// Connects and checks the audit table is there; returns its qualified name and the filter with
/// relative times fixed against the database clock.
fn open(
    settings: &Settings,
    printer: &Printer,
    mut filter: AuditFilter,
) -> CliResult<(Database, String, AuditFilter)> {
    let db = Database::connect(settings, printer)?;
    let schema = db.powertools_schema().to_string();
    let now = db.read(|conn| {
        catalog::require_powertools_table(conn, &schema, "oban_powertools_audit_events")?;
        crate::db::now(conn)
    })?;
    filter.freeze(now);
    Ok((db, audit_queries::table(&schema), filter))
}

fn tail(settings: &Settings, printer: &Printer, args: AuditTailArgs) -> CliResult<ExitStatus> {
    let (db, table, filter) = open(settings, printer, build_filter(&args.filter)?)?;
    let redactor = Redactor::new(&settings.redact);
    let (rows, newest_id) = db.read(|conn| {
        Ok((
            audit_queries::newest(conn, &table, &filter, args.limit)?,
            audit_queries::max_id(conn, &table)?,
        ))
    })?;
    let records: Vec<AuditEventRecord> = rows
        .iter()
        .map(|r| AuditEventRecord::from_row(r, &redactor))
        .collect();
    if !args.follow {
        if records.is_empty() {
            printer.status("No audit events match.");
        } else {
            printer.emit_list(&records, &AuditTable { events: &records })?;
        }
        return Ok(ExitStatus::Success);
    }

    // Follow: the recent events oldest first, then new ones as they commit.
    let mut window = FollowWindow::new((newest_id - FOLLOW_START_MARGIN).max(0), FOLLOW_OVERLAP);
    let print = |record: &AuditEventRecord| -> CliResult<()> {
        if printer.is_json() {
            printer.json(record)
        } else {
            printer.line(record.line())
        }
    };
    for record in records.iter().rev() {
        window.accept(record.id);
        print(record)?;
    }
    window.advance(Instant::now(), newest_id);
    printer.status("Following new audit events (Ctrl-C to stop)...");
    loop {
        std::thread::sleep(FOLLOW_POLL);
        let mut newest = window.floor();
        loop {
            let batch = db.read(|conn| {
                audit_queries::after(conn, &table, &filter, window.floor(), FOLLOW_CHUNK)
            })?;
            let full = batch.len() as i64 == FOLLOW_CHUNK;
            for row in &batch {
                newest = newest.max(row.id);
                if window.accept(row.id) {
                    print(&AuditEventRecord::from_row(row, &redactor))?;
                }
            }
            if !full {
                break;
            }
        }
        window.advance(Instant::now(), newest);
    }
}

/// One exported event: kind `audit_row`, the columns as stored, the timestamp in the contract's
/// form, metadata through the display policy; every string escaped for terminals.
fn export_line(line: &audit_queries::ExportLine, redactor: &Redactor) -> CliResult<String> {
    let mut row: serde_json::Map<String, Value> =
        serde_json::from_str(&line.json).map_err(CliError::internal)?;
    let mut out = serde_json::Map::new();
    out.insert("kind".into(), json!("audit_row"));
    out.insert("id".into(), json!(line.id));
    out.insert("inserted_at".into(), json!(line.inserted_at));
    out.append(&mut row);
    let metadata = line
        .metadata
        .as_ref()
        .map(|m| m.map(|v| redactor.apply(v)))
        .unwrap_or_default();
    out.insert("metadata".into(), json!(metadata));
    crate::output::json::to_string(&out).map_err(CliError::internal)
}

fn safe_json(value: &Value) -> CliResult<String> {
    crate::output::json::to_string(value).map_err(CliError::internal)
}

/// Where an export goes: stdout through the printer, or a file.
enum Sink<'a> {
    Stdout(&'a Printer),
    File(std::io::BufWriter<std::fs::File>),
}

impl Sink<'_> {
    fn write(&mut self, bytes: &[u8]) -> CliResult<()> {
        match self {
            Sink::Stdout(printer) => printer.raw(bytes),
            Sink::File(file) => Ok(file.write_all(bytes)?),
        }
    }

    fn finish(self) -> CliResult<()> {
        if let Sink::File(mut file) = self {
            file.flush()?;
        }
        Ok(())
    }
}

const CSV_COLUMNS: [&str; 10] = [
    "id",
    "inserted_at",
    "actor_id",
    "action",
    "command_key",
    "event_type",
    "resource",
    "resource_type",
    "resource_id",
    "metadata",
];

/// One chunk's rows as CSV records (one writer per chunk: a writer per row costs more than the
/// row).
fn csv_chunk(rows: &[audit_queries::CsvRow], redactor: &Redactor) -> CliResult<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::with_capacity(rows.len() * 512));
    for row in rows {
        let id = row.id.to_string();
        let metadata = row
            .metadata
            .as_ref()
            .map(|m| m.map(|v| redactor.apply(v)).compact())
            .unwrap_or_default();
        let metadata = crate::output::sanitize::inline(&metadata).into_owned();
        let inserted_at = row.inserted_at.machine();
        let fields: [&str; 10] = [
            &id,
            &inserted_at,
            row.actor_id.as_deref().unwrap_or(""),
            &row.action,
            row.command_key.as_deref().unwrap_or(""),
            row.event_type.as_deref().unwrap_or(""),
            row.resource.as_deref().unwrap_or(""),
            row.resource_type.as_deref().unwrap_or(""),
            row.resource_id.as_deref().unwrap_or(""),
            &metadata,
        ];
        // Control characters are escaped visibly: a CSV file is also read on terminals.
        writer
            .write_record(
                fields
                    .iter()
                    .map(|f| crate::output::sanitize::inline(f).into_owned()),
            )
            .map_err(CliError::internal)?;
    }
    writer
        .into_inner()
        .map_err(|e| CliError::internal(anyhow::anyhow!("{e}")))
}

fn export(settings: &Settings, printer: &Printer, args: AuditExportArgs) -> CliResult<ExitStatus> {
    let (db, table, filter) = open(settings, printer, build_filter(&args.filter)?)?;
    let redactor = Redactor::new(&settings.redact);
    // The chain head when the export starts, so the file can be tied to an intact trail.
    let chain_head = db.read(|conn| {
        if crate::audit::chain_installed(conn, db.powertools_schema())? {
            crate::audit::chain_head(conn, db.powertools_schema())
        } else {
            Ok(None)
        }
    })?;
    let chain_head =
        chain_head.map(|(seq, hash)| json!({"seq": seq, "hash": crate::audit::hex(&hash)}));
    let mut sink = match &args.output {
        Some(path) => Sink::File(std::io::BufWriter::new(
            std::fs::File::create(path)
                .map_err(|e| CliError::usage(format!("cannot write {}: {e}", path.display())))?,
        )),
        None => Sink::Stdout(printer),
    };
    let format = match args.export_as {
        ExportFormat::Jsonl => "jsonl",
        ExportFormat::Csv => "csv",
    };
    let header = json!({
        "obanctl_export": "header",
        "format": format,
        "table": table,
        "filters": {
            "actor": filter.actor, "action": filter.action, "resource_type": filter.resource_type,
            "resource_id": filter.resource_id, "operation": filter.operation,
            "since": filter.since.as_ref().and_then(TimeBound::fixed),
            "until": filter.until.as_ref().and_then(TimeBound::fixed),
        },
        "exported_at": chrono::Utc::now().to_rfc3339(),
        "chain_head": chain_head,
        "tool_version": TOOL_VERSION,
    });
    match args.export_as {
        ExportFormat::Jsonl => sink.write(format!("{}\n", safe_json(&header)?).as_bytes())?,
        ExportFormat::Csv => {
            sink.write(format!("# {}\n", safe_json(&header)?).as_bytes())?;
            sink.write(format!("{}\n", CSV_COLUMNS.join(",")).as_bytes())?;
        }
    }
    // Rows in id order, a chunk per short read-only transaction: constant memory, no long snapshot.
    let mut digest = Sha256::new();
    let mut rows = 0u64;
    let mut after = 0i64;
    loop {
        let (buffer, count, last) = match args.export_as {
            ExportFormat::Jsonl => {
                let chunk = db.read(|conn| {
                    audit_queries::export_chunk(conn, &table, &filter, after, EXPORT_CHUNK)
                })?;
                let mut buffer = Vec::with_capacity(chunk.len() * 512);
                for line in &chunk {
                    buffer.extend_from_slice(export_line(line, &redactor)?.as_bytes());
                    buffer.push(b'\n');
                }
                (buffer, chunk.len(), chunk.last().map(|l| l.id))
            }
            ExportFormat::Csv => {
                let chunk = db.read(|conn| {
                    audit_queries::export_chunk_csv(conn, &table, &filter, after, EXPORT_CHUNK)
                })?;
                (
                    csv_chunk(&chunk, &redactor)?,
                    chunk.len(),
                    chunk.last().map(|r| r.id),
                )
            }
        };
        let Some(last) = last else {
            break;
        };
        after = last;
        digest.update(&buffer);
        sink.write(&buffer)?;
        rows += count as u64;
        if (count as i64) < EXPORT_CHUNK {
            break;
        }
    }
    let sha256 = format!("{:x}", digest.finalize());
    let trailer = json!({
        "obanctl_export": "trailer",
        "rows": rows,
        "last_id": after,
        "sha256": sha256,
        "chain_head": chain_head,
        "complete": true,
    });
    match args.export_as {
        ExportFormat::Jsonl => sink.write(format!("{}\n", safe_json(&trailer)?).as_bytes())?,
        ExportFormat::Csv => sink.write(format!("# {}\n", safe_json(&trailer)?).as_bytes())?,
    }
    sink.finish()?;
    printer.status(format!(
        "Exported {rows} audit events (rows sha256 {sha256})."
    ));
    Ok(ExitStatus::Success)
}

const VERIFY_CHUNK: i64 = 10_000;

/// Where the chain first stops adding up.
fn chain_break(seq: i64, kind: &str, detail: String) -> Value {
    json!({"seq": seq, "kind": kind, "detail": detail})
}

fn verify(settings: &Settings, printer: &Printer) -> CliResult<ExitStatus> {
    let (db, events, _) = open(settings, printer, AuditFilter::default())?;
    let schema = db.powertools_schema().to_string();
    let chain = crate::db::ident::qualified(&schema, crate::install::AUDIT_CHAIN_TABLE);
    let start = db.read(|conn| {
        crate::audit::require_chain(conn, &schema)?;
        audit_queries::chain_start(conn, &chain, &events)
    })?;
    let mut found_break: Option<Value> = None;
    let mut checked = 0i64;
    let mut head: Option<(i64, Vec<u8>)> = None;
    if let Some(first_seq) = start.first_seq {
        let mut expected_seq = first_seq;
        let mut expected_prev = if first_seq == 1 {
            Some(crate::audit::CHAIN_GENESIS.to_vec())
        } else {
            start
                .checkpoint_hash
                .as_deref()
                .and_then(crate::audit::unhex)
        };
        if expected_prev.is_none() {
            found_break = Some(chain_break(
                first_seq,
                "deleted",
                format!("the chain starts at entry {first_seq} and no audit.purged checkpoint accounts for the entries before it"),
            ));
        }
        'walk: while found_break.is_none() {
            let links = db.read(|conn| {
                audit_queries::chain_links(conn, &chain, &events, expected_seq, VERIFY_CHUNK)
            })?;
            let full = links.len() as i64 == VERIFY_CHUNK;
            for link in links {
                let prev = expected_prev.clone().unwrap_or_default();
                let problem = if link.seq != expected_seq {
                    Some((
                        "deleted",
                        format!(
                            "chain entries {expected_seq} to {} are missing",
                            link.seq - 1
                        ),
                    ))
                } else if link.prev_hash != prev {
                    Some((
                        "edited",
                        format!(
                            "chain entry {} does not follow entry {}",
                            link.seq,
                            link.seq - 1
                        ),
                    ))
                } else {
                    match &link.digest {
                        None => Some((
                            "deleted",
                            format!(
                                "event {} (chain entry {}) was deleted",
                                link.event_id, link.seq
                            ),
                        )),
                        Some(digest)
                            if crate::audit::chain_hash(&prev, digest).as_slice()
                                != link.row_hash.as_slice() =>
                        {
                            Some((
                                "edited",
                                format!(
                                    "event {} (chain entry {}) was changed after it was written",
                                    link.event_id, link.seq
                                ),
                            ))
                        }
                        Some(_) => None,
                    }
                };
                if let Some((kind, detail)) = problem {
                    found_break = Some(chain_break(link.seq, kind, detail));
                    break 'walk;
                }
                checked += 1;
                expected_seq += 1;
                head = Some((link.seq, link.row_hash.clone()));
                expected_prev = Some(link.row_hash);
            }
            if !full {
                break;
            }
        }
    }
    let unchained = db.read(|conn| audit_queries::unchained(conn, &chain, &events))?;
    if found_break.is_none() && unchained.claiming_obanctl > 0 {
        found_break = Some(chain_break(
            0,
            "inserted",
            format!(
                "{} events claim to come from obanctl but are not in the chain (first: event {})",
                unchained.claiming_obanctl,
                unchained.first_claiming_id.unwrap_or_default()
            ),
        ));
    }
    let verdict = VerifyReport {
        intact: found_break.is_none(),
        chained_events_checked: checked,
        head_seq: head.as_ref().map(|h| h.0),
        head_hash: head.as_ref().map(|h| crate::audit::hex(&h.1)),
        unchained_other_writers: unchained.other_writers,
        chain_break: found_break,
    };
    printer.emit(&verdict)?;
    Ok(if verdict.intact {
        ExitStatus::Success
    } else {
        ExitStatus::Failed
    })
}

/// `audit verify`'s verdict.
#[derive(Debug, serde::Serialize)]
struct VerifyReport {
    intact: bool,
    chained_events_checked: i64,
    head_seq: Option<i64>,
    head_hash: Option<String>,
    unchained_other_writers: i64,
    #[serde(rename = "break")]
    chain_break: Option<Value>,
}

impl Record for VerifyReport {
    const KIND: &'static str = "audit_verify";
}

impl View for VerifyReport {
    fn view(&self) -> Doc {
        match &self.chain_break {
            None => Doc::new().line(Line::new().styled("Audit chain intact", Style::Good).push(
                format!(
                    ": {} verified{}; {} from other writers are not chained.",
                    fmt::count(self.chained_events_checked, "event"),
                    match (&self.head_seq, &self.head_hash) {
                        (Some(seq), Some(hash)) => format!(" (head: entry {seq}, {hash})"),
                        _ => String::new(),
                    },
                    fmt::count(self.unchained_other_writers, "event")
                ),
            )),
            Some(found) => Doc::new().line(
                Line::new()
                    .styled(
                        format!(
                            "Audit chain BROKEN ({})",
                            found["kind"].as_str().unwrap_or("?")
                        ),
                        Style::Bad,
                    )
                    .push(format!(
                        ": {}. {} before it verified.",
                        found["detail"].as_str().unwrap_or("?"),
                        fmt::count(self.chained_events_checked, "event")
                    )),
            ),
        }
    }
}

/// What `audit purge` would delete.
#[derive(Debug, serde::Serialize)]
struct PurgePlan {
    cutoff: crate::decode::Timestamp,
    chained_events: i64,
    chain_entries: [Option<i64>; 2],
    other_writers_events: i64,
    oldest_event: Option<crate::decode::Timestamp>,
    execute: bool,
}

impl Record for PurgePlan {
    const KIND: &'static str = "purge_plan";
}

/// One `audit.purged` checkpoint event, tied to the purge run by its operation id.
fn record_purge(
    conn: &mut diesel::pg::PgConnection,
    schema: &str,
    ctx: &crate::audit::RunContext,
    metadata: serde_json::Map<String, Value>,
) -> CliResult<i64> {
    crate::audit::record(
        conn,
        schema,
        ctx,
        crate::audit::AuditEvent {
            action: "audit.purged".into(),
            resource_type: "audit".into(),
            resource_id: ctx.operation_id.to_string(),
            metadata,
        },
    )
}

fn purge(settings: &Settings, printer: &Printer, args: AuditPurgeArgs) -> CliResult<ExitStatus> {
    let older_than = args.older_than;
    let reason = guard::reason_given(
        args.reason.as_deref(),
        !args.execute,
        printer,
        "purge audit events",
    )?;
    if args.execute {
        guard::require_actor(settings)?;
    }
    let (db, events, _) = open(settings, printer, AuditFilter::default())?;
    let schema = db.powertools_schema().to_string();
    let chain = crate::db::ident::qualified(&schema, crate::install::AUDIT_CHAIN_TABLE);
    // The cutoff comes from the database clock, once, for the whole run.
    let (cutoff, plan) = db.read(|conn| {
        crate::audit::require_chain(conn, &schema)?;
        // In range by the argument parser (at most 1000 years), so this cannot overflow.
        let cutoff = crate::db::now(conn)?
            - chrono::Duration::from_std(older_than).expect("--older-than is range-checked");
        Ok((
            cutoff,
            audit_queries::purge_plan(conn, &chain, &events, cutoff)?,
        ))
    })?;
    let chained = match (plan.first_seq, plan.last_seq) {
        (Some(first), Some(last)) => last - first + 1,
        _ => 0,
    };
    if !args.execute {
        let report = PurgePlan {
            cutoff: crate::decode::Timestamp::At(cutoff),
            chained_events: chained,
            chain_entries: [plan.first_seq, plan.last_seq],
            other_writers_events: plan.unchained,
            oldest_event: plan.oldest.map(crate::decode::Timestamp::At),
            execute: false,
        };
        printer.emit_with(
            &report,
            &Doc::new().line(format!(
                "Would delete {} older than {} ({chained} chained, {} from other writers). Dry run: nothing was deleted; add --execute.",
                fmt::count(chained + plan.unchained, "event"),
                crate::output::time::human(cutoff),
                fmt::number(plan.unchained)
            )),
        )?;
        return Ok(ExitStatus::Success);
    }
    let total = chained + plan.unchained;
    if total == 0 {
        let summary = Summary {
            operation: "audit_purge".into(),
            ..Default::default()
        };
        printer.emit_with(
            &summary,
            &Doc::new().line("No audit events are older than the cutoff; nothing to delete."),
        )?;
        return Ok(ExitStatus::Success);
    }
    let reason = match reason {
        Some(reason) => reason,
        None => guard::prompt_reason("purge audit events")?,
    };
    guard::confirm(
        printer,
        &format!(
            "Delete {} older than {}?",
            fmt::count(total, "audit event"),
            crate::output::time::human(cutoff)
        ),
        args.yes,
    )?;

    let ctx =
        crate::audit::RunContext::new(settings.actor.value.clone(), settings.actor.source.clone());
    let progress = printer.progress_bar(total as u64, "events");
    crate::interrupt::allow_graceful_stop();
    let mut deleted = 0i64;
    let mut interrupted = false;
    // Chained events first: each batch deletes a prefix of the chain and records where the chain
    // now starts, in the same transaction.
    if let Some(last_seq) = plan.last_seq {
        loop {
            if crate::interrupt::requested() {
                interrupted = true;
                break;
            }
            let gone = db.write(|conn| {
                let gone = audit_queries::purge_chained_batch(
                    conn,
                    &chain,
                    &events,
                    last_seq,
                    args.batch_size,
                )?;
                if gone.deleted > 0 {
                    let mut metadata = serde_json::Map::new();
                    metadata.insert("reason".into(), json!(reason));
                    metadata.insert("cutoff".into(), json!(cutoff));
                    metadata.insert("deleted".into(), json!(gone.deleted));
                    metadata.insert(
                        "deleted_seq_range".into(),
                        json!([gone.first_seq, gone.last_seq]),
                    );
                    metadata.insert("deleted_id_range".into(), json!([gone.min_id, gone.max_id]));
                    metadata.insert("last_deleted_seq".into(), json!(gone.last_seq));
                    metadata.insert(
                        "last_deleted_hash".into(),
                        json!(gone.last_hash.as_deref().map(crate::audit::hex)),
                    );
                    record_purge(conn, &schema, &ctx, metadata)?;
                }
                Ok(gone.deleted)
            })?;
            deleted += gone;
            progress.inc(gone as u64);
            if gone < args.batch_size {
                break;
            }
        }
    }
    // Then what other writers left, which the chain does not cover.
    let mut other_deleted = 0i64;
    while !interrupted && plan.unchained > 0 {
        if crate::interrupt::requested() {
            interrupted = true;
            break;
        }
        let gone = db.write(|conn| {
            audit_queries::purge_unchained_batch(conn, &chain, &events, cutoff, args.batch_size)
        })?;
        other_deleted += gone.deleted;
        progress.inc(gone.deleted as u64);
        if gone.deleted < args.batch_size {
            break;
        }
    }
    if other_deleted > 0 {
        let mut metadata = serde_json::Map::new();
        metadata.insert("reason".into(), json!(reason));
        metadata.insert("cutoff".into(), json!(cutoff));
        metadata.insert("deleted_other_writers".into(), json!(other_deleted));
        db.write(|conn| record_purge(conn, &schema, &ctx, metadata))?;
    }
    progress.finish_and_clear();
    let done = deleted + other_deleted;
    if interrupted {
        return Err(CliError::interrupted(Some(format!(
            "stopped after deleting {done} events; each batch left a checkpoint, so the chain still verifies. Rerun to continue."
        ))));
    }
    let summary = Summary {
        operation: "audit_purge".into(),
        dry_run: false,
        matched: total,
        changed: done,
        skipped: Default::default(),
        interrupted: false,
        operation_id: Some(ctx.operation_id.to_string()),
        exit: 0,
    };
    printer.emit_with(
        &summary,
        &Doc::new().line(format!(
            "Deleted {} older than {} ({deleted} chained, {other_deleted} from other writers); checkpoints recorded as audit.purged.",
            fmt::count(done, "audit event"),
            crate::output::time::human(cutoff)
        )),
    )?;
    Ok(ExitStatus::Success)
}
