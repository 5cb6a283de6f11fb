//! `obanctl audit tail|export|verify|checkpoint|purge`. The chain's rules live in
//! [`crate::audit_chain`], the follow window and CSV cells in [`crate::audit_trail`], the queries in
//! [`crate::db::audit`]; this module connects them and reports typed results.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::audit::TOOL_VERSION;
use crate::audit_chain::{
    self, CheckpointLine, DatabaseIdentity, Marker, Outcome, Verdict, Walk, CHECKPOINT_KIND,
};
use crate::audit_trail::{csv_cell, parse_resource, AuditFilter, FollowWindow, FOLLOW_OVERLAP};
use crate::cli::{
    AuditCheckpointArgs, AuditCommand, AuditExportArgs, AuditFilterArgs, AuditPurgeArgs,
    AuditTailArgs, AuditVerifyArgs, ExportFormat,
};
use crate::commands::guard;
use crate::db::audit::{self as audit_queries, AuditRow};
use crate::db::{catalog, Database};
use crate::error::{CliError, CliResult, ExitStatus};
use crate::export::{create_file, json_line, Sink};
use crate::jobs::filter::{check_length, TimeBound};
use crate::output::{fmt, Doc, Line, Record, Style, Summary, View};
use crate::printer::Printer;
use crate::redact::Redactor;
use crate::report::audit::{AuditEventRecord, AuditTable};
use crate::settings::{Settings, Source};

const FOLLOW_POLL: Duration = Duration::from_millis(500);
/// How far below the newest id at the start `--follow` looks for transactions still in flight.
const FOLLOW_START_MARGIN: i64 = 100_000;
const EXPORT_CHUNK: i64 = 10_000;
const FOLLOW_CHUNK: i64 = 10_000;

pub fn run(settings: &Settings, printer: &Printer, command: AuditCommand) -> CliResult<ExitStatus> {
    match command {
        AuditCommand::Tail(args) => tail(settings, printer, args),
        AuditCommand::Export(args) => export(settings, printer, args),
        AuditCommand::Verify(args) => verify(settings, printer, args),
        AuditCommand::Checkpoint(args) => checkpoint(settings, printer, args),
        AuditCommand::Purge(args) => purge(settings, printer, args),
    }
}

/// The global `--actor` is who is acting; reading the trail by actor is `--by`. A run that names
/// an actor on the command line and no `--by` most likely meant a filter, so it is refused rather
/// than silently showing everyone's events.
fn refuse_actor_as_filter(settings: &Settings, args: &AuditFilterArgs) -> CliResult<()> {
    if settings.actor.source == Source::Flag && args.by.is_none() {
        return Err(CliError::usage(format!(
            "--actor says who is acting and does not filter the audit trail; to see events by {0}, use `--by {0}` (or drop --actor to see everyone's)",
            settings.actor.value
        )));
    }
    Ok(())
}

fn build_filter(args: &AuditFilterArgs) -> CliResult<AuditFilter> {
    let usage = CliError::usage;
    for value in [&args.by, &args.action, &args.operation]
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
        actor: args.by.clone(),
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
        if let Some(action) = &filter.action {
            let table = audit_queries::table(&schema);
            if !crate::audit_trail::KNOWN_ACTIONS.contains(&action.as_str())
                && !audit_queries::action_recorded(conn, &table, action)?
            {
                let recorded = audit_queries::recorded_actions(conn, &table, 200)?;
                return Err(CliError::usage(crate::audit_trail::unknown_action(
                    action, &recorded,
                )));
            }
        }
        crate::db::now(conn)
    })?;
    filter.freeze(now);
    Ok((db, audit_queries::table(&schema), filter))
}

fn tail(settings: &Settings, printer: &Printer, args: AuditTailArgs) -> CliResult<ExitStatus> {
    refuse_actor_as_filter(settings, &args.filter)?;
    let (db, table, filter) = open(settings, printer, build_filter(&args.filter)?)?;
    let redactor = Redactor::new(&settings.redact);
    let record = |row: &AuditRow| AuditEventRecord::from_row(row, &redactor);
    if !args.follow {
        let rows = db.read(|conn| audit_queries::newest(conn, &table, &filter, args.limit))?;
        let records: Vec<AuditEventRecord> = rows.iter().map(record).collect();
        if records.is_empty() {
            printer.status("No audit events match.");
        } else {
            printer.emit_list(&records, &AuditTable { events: &records })?;
        }
        return Ok(ExitStatus::Success);
    }

    // Follow: the newest --limit events oldest first, then each event that commits after this
    // point, once. The start is one snapshot, so nothing falls between the two.
    let (rows, high, gaps) = db.read_snapshot(|conn| {
        let (high, gaps) = audit_queries::follow_start(conn, &table, FOLLOW_START_MARGIN)?;
        let rows = audit_queries::newest(conn, &table, &filter, args.limit)?;
        Ok((rows, high, gaps))
    })?;
    let mut window = FollowWindow::new(high, &gaps, Instant::now(), FOLLOW_OVERLAP);
    let print = |row: &AuditRow| -> CliResult<()> {
        let record = record(row);
        if printer.is_json() {
            printer.json(&record)
        } else {
            printer.line(record.line())
        }
    };
    for row in rows.iter().rev() {
        print(row)?;
    }
    printer.status("Following new audit events (Ctrl-C to stop)...");
    loop {
        std::thread::sleep(FOLLOW_POLL);
        loop {
            let (late, new) = db.read_snapshot(|conn| {
                audit_queries::follow_poll(
                    conn,
                    &table,
                    &filter,
                    window.high(),
                    window.pending(),
                    FOLLOW_CHUNK,
                )
            })?;
            let full = new.len() as i64 == FOLLOW_CHUNK;
            let ids = |list: &[(i64, bool)]| list.iter().map(|(id, _)| *id).collect::<Vec<_>>();
            let visible = window.observe(Instant::now(), &ids(&late), &ids(&new));
            let matching: std::collections::BTreeSet<i64> = late
                .iter()
                .chain(&new)
                .filter(|(_, matches)| *matches)
                .map(|(id, _)| *id)
                .collect();
            let wanted: Vec<i64> = visible
                .into_iter()
                .filter(|id| matching.contains(id))
                .collect();
            for row in db.read(|conn| audit_queries::by_ids(conn, &table, wanted))? {
                print(&row)?;
            }
            if !full {
                break;
            }
        }
        window.expire(Instant::now());
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

/// One chunk's rows as CSV records, every cell made inert (one writer per chunk: a writer per row
/// costs more than the row).
fn csv_chunk(rows: &[audit_queries::CsvRow], redactor: &Redactor) -> CliResult<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::with_capacity(rows.len() * 512));
    for row in rows {
        let id = row.id.to_string();
        let metadata = row
            .metadata
            .as_ref()
            .map(|m| m.map(|v| redactor.apply(v)).compact())
            .unwrap_or_default();
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
        // Formulas made inert and control characters escaped visibly: a CSV file is opened in
        // spreadsheets and read on terminals.
        writer
            .write_record(fields.map(csv_cell).iter().map(|c| c.as_bytes()))
            .map_err(CliError::internal)?;
    }
    writer
        .into_inner()
        .map_err(|e| CliError::internal(anyhow::anyhow!("{e}")))
}

/// The chain head as exports and checkpoints record it.
#[derive(Debug, Clone, Serialize)]
struct ChainHeadRef {
    seq: i64,
    hash: String,
    key_id: Option<String>,
}

#[derive(Debug, Serialize)]
struct ExportFilters {
    by: Option<String>,
    action: Option<String>,
    resource_type: Option<String>,
    resource_id: Option<String>,
    operation: Option<String>,
    since: Option<chrono::NaiveDateTime>,
    until: Option<chrono::NaiveDateTime>,
}

#[derive(Debug, Serialize)]
struct ExportHeader<'a> {
    obanctl_export: &'static str,
    format: &'static str,
    table: &'a str,
    filters: ExportFilters,
    exported_at: &'a str,
    database: &'a DatabaseIdentity,
    chain_head: Option<ChainHeadRef>,
    tool_version: &'static str,
}

/// The last line of an export; its chain head is a checkpoint for `audit verify --against`.
#[derive(Debug, Serialize)]
struct ExportTrailer<'a> {
    obanctl_export: &'static str,
    rows: u64,
    last_id: i64,
    /// SHA-256 of the event lines (JSON lines) or of the rows after the header row (CSV).
    sha256: String,
    chain_head: Option<ChainHeadRef>,
    database: &'a DatabaseIdentity,
    exported_at: &'a str,
    complete: bool,
}

fn export(settings: &Settings, printer: &Printer, args: AuditExportArgs) -> CliResult<ExitStatus> {
    refuse_actor_as_filter(settings, &args.filter)?;
    if args.meta.is_some() && args.export_as != ExportFormat::Csv {
        return Err(CliError::usage(
            "--meta is for --as csv; a JSON lines export carries its header and trailer itself",
        ));
    }
    let (db, table, filter) = open(settings, printer, build_filter(&args.filter)?)?;
    let redactor = Redactor::new(&settings.redact);
    let database = audit_queries::identity(&db)?;
    // The chain head when the export starts, so the file can be tied to an intact trail.
    let chain_head = db.read(|conn| {
        if !crate::audit::chain_installed(conn, db.powertools_schema())? {
            return Ok(None);
        }
        let features = crate::audit::chain_features(conn, db.powertools_schema())?;
        crate::audit::chain_head_link(conn, db.powertools_schema(), features)
    })?;
    let chain_head = chain_head.map(|h| ChainHeadRef {
        seq: h.seq,
        hash: audit_chain::hex(&h.row_hash),
        key_id: h.key_id,
    });
    let mut sink = match &args.output {
        Some(path) => Sink::open(path, false)?,
        None => Sink::Stdout(printer),
    };
    // CSV carries no metadata in-band: it goes to a sidecar, when there is somewhere to put it.
    let meta_path: Option<PathBuf> = match args.export_as {
        ExportFormat::Jsonl => None,
        ExportFormat::Csv => crate::export::meta_path(args.meta.as_deref(), args.output.as_deref()),
    };
    let mut meta = meta_path.as_deref().map(create_file).transpose()?;
    let format = match args.export_as {
        ExportFormat::Jsonl => "jsonl",
        ExportFormat::Csv => "csv",
    };
    let exported_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let header = json_line(&ExportHeader {
        obanctl_export: "header",
        format,
        table: &table,
        filters: ExportFilters {
            by: filter.actor.clone(),
            action: filter.action.clone(),
            resource_type: filter.resource_type.clone(),
            resource_id: filter.resource_id.clone(),
            operation: filter.operation.clone(),
            since: filter.since.as_ref().and_then(TimeBound::fixed),
            until: filter.until.as_ref().and_then(TimeBound::fixed),
        },
        exported_at: &exported_at,
        database: &database,
        chain_head: chain_head.clone(),
        tool_version: TOOL_VERSION,
    })?;
    match args.export_as {
        ExportFormat::Jsonl => sink.write(&header)?,
        ExportFormat::Csv => {
            if let Some(meta) = &mut meta {
                meta.write_all(&header)?;
            }
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
    let trailer = json_line(&ExportTrailer {
        obanctl_export: "trailer",
        rows,
        last_id: after,
        sha256: sha256.clone(),
        chain_head,
        database: &database,
        exported_at: &exported_at,
        complete: true,
    })?;
    match args.export_as {
        ExportFormat::Jsonl => sink.write(&trailer)?,
        ExportFormat::Csv => {
            if let Some(meta) = &mut meta {
                meta.write_all(&trailer)?;
            }
        }
    }
    sink.finish()?;
    if let Some(mut meta) = meta {
        meta.flush()?;
    }
    printer.status(format!(
        "Exported {rows} audit events (rows sha256 {sha256}){}.",
        meta_path
            .map(|p| format!("; header and trailer in {}", p.display()))
            .unwrap_or_default()
    ));
    Ok(ExitStatus::Success)
}

const VERIFY_CHUNK: i64 = 10_000;

/// What `audit verify` reports: the walk's outcome and what it was checked against.
#[derive(Debug, Serialize)]
struct VerifyReport {
    kind: &'static str,
    /// The verdict is `intact`; kept for scripts written before the verdicts.
    intact: bool,
    #[serde(flatten)]
    outcome: Outcome,
    /// The id of the key given, if any (never the key).
    key_id: Option<String>,
    marker: Option<Marker>,
    unchained_other_writers: i64,
    notes: Vec<String>,
}

/// Reads every `--against` file; a line that is not a checkpoint is a usage error naming it, and
/// a checkpoint of another database is refused.
fn load_checkpoints(
    files: &[PathBuf],
    here: &DatabaseIdentity,
) -> CliResult<Vec<audit_chain::Checkpoint>> {
    let mut all = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|e| {
            CliError::usage(format!(
                "cannot read checkpoint file {}: {e}",
                path.display()
            ))
        })?;
        let found = audit_chain::parse_checkpoints(&path.display().to_string(), &text)
            .map_err(CliError::usage)?;
        for cp in &found {
            if let Some(why) = cp.database.as_ref().and_then(|d| here.mismatch(d)) {
                return Err(CliError::refused_with_hint(
                    format!(
                        "checkpoint {} belongs to another database ({why})",
                        cp.name()
                    ),
                    "pass the checkpoints taken on this database and Powertools schema (--database-url, --powertools-schema)",
                ));
            }
        }
        all.extend(found);
    }
    Ok(all)
}

fn verify(settings: &Settings, printer: &Printer, args: AuditVerifyArgs) -> CliResult<ExitStatus> {
    let (db, events, _) = open(settings, printer, AuditFilter::default())?;
    let schema = db.powertools_schema().to_string();
    let chain = crate::db::ident::qualified(&schema, crate::install::AUDIT_CHAIN_TABLE);
    db.read(|conn| {
        if crate::audit::chain_installed(conn, &schema)? {
            Ok(())
        } else {
            Err(CliError::refused_with_hint(
                format!("schema `{schema}` has no obanctl_audit_chain table, so there is no chain to verify"),
                "run `obanctl install` once; it adds the table and leaves existing Powertools tables alone",
            ))
        }
    })?;
    let checkpoints = if args.against.is_empty() {
        Vec::new()
    } else {
        load_checkpoints(&args.against, &audit_queries::identity(&db)?)?
    };
    // The marker first: the chain read afterwards can only have grown past it.
    let (features, marker, start) = db.read(|conn| {
        let features = crate::audit::chain_features(conn, &schema)?;
        let marker = audit_queries::marker(conn, &schema, features)?;
        Ok((
            features,
            marker,
            audit_queries::chain_start(conn, &chain, &events)?,
        ))
    })?;
    let key = settings.audit_key.as_ref().map(|k| &k.value);
    let mut walk = Walk::new(start, marker, checkpoints, key);
    while let Some(from) = walk.next_seq() {
        let links = db.read(|conn| {
            audit_queries::chain_links(conn, &chain, &events, features, from, VERIFY_CHUNK)
        })?;
        let full = links.len() as i64 == VERIFY_CHUNK;
        for link in &links {
            if !walk.feed(link) {
                break;
            }
        }
        if !full {
            break;
        }
    }
    let unchained = db.read(|conn| audit_queries::unchained(conn, &chain, &events))?;
    let outcome = walk.finish((unchained.claiming_obanctl, unchained.first_claiming_id));
    let mut notes = Vec::new();
    if marker.is_none() {
        notes.push("this install has no obanctl_audit_state marker, so a truncated or wiped chain is caught only against checkpoints: run `obanctl install` once".to_string());
    }
    if args.against.is_empty() && outcome.verdict != Verdict::Broken {
        notes.push("no checkpoints given (--against): a rewrite by someone who can write both tables and recompute links would not show".to_string());
    }
    if key.is_none() && outcome.unkeyed_links > 0 {
        notes.push("unkeyed links prove integrity only against writers who do not recompute them; configure an audit key for keyed links".to_string());
    }
    let report = VerifyReport {
        kind: "audit_verify",
        intact: outcome.verdict == Verdict::Intact,
        key_id: key.map(|k| k.id().to_string()),
        marker,
        unchained_other_writers: unchained.other_writers,
        notes,
        outcome,
    };
    printer.emit(&report)?;
    Ok(match report.outcome.verdict {
        Verdict::Intact | Verdict::NoChain => ExitStatus::Success,
        Verdict::Unproven => ExitStatus::Attention,
        Verdict::Broken => ExitStatus::Failed,
    })
}

impl Record for VerifyReport {
    const KIND: &'static str = "audit_verify";
}

impl View for VerifyReport {
    fn view(&self) -> Doc {
        let o = &self.outcome;
        let head = match (o.head_seq, &o.head_hash) {
            (Some(seq), Some(hash)) => format!(" (head: entry {seq}, {hash})"),
            _ => String::new(),
        };
        let others = format!(
            "{} from other writers are not chained",
            fmt::count(self.unchained_other_writers, "event")
        );
        let keyed = match &self.key_id {
            Some(id) => format!(
                "; {} proven with key id {id}",
                fmt::count(o.keyed_links_proven, "keyed link")
            ),
            None => String::new(),
        };
        let line = match o.verdict {
            Verdict::Intact => Line::new()
                .styled("Audit chain intact", Style::Good)
                .push(format!(
                    ": {} verified{head}{keyed}; {others}.",
                    fmt::count(o.chained_events_checked, "event")
                )),
            Verdict::NoChain => {
                Line::new()
                    .styled("No chain to verify", Style::Warn)
                    .push(format!(
                        ": obanctl has chained no events here, so nothing is proven; {others}."
                    ))
            }
            Verdict::Unproven => {
                let u = o
                    .unproven
                    .as_ref()
                    .expect("an unproven verdict names the links");
                Line::new()
                    .styled("Audit chain consistent but NOT proven", Style::Warn)
                    .push(format!(
                        ": {} (entries {} to {}, key id {}) cannot be proven without the key; {} checked{head}. Set OBANCTL_AUDIT_KEY or OBANCTL_AUDIT_KEY_FILE to prove them.",
                        fmt::count(u.count, "keyed link"),
                        u.first_seq,
                        u.last_seq,
                        u.key_ids.iter().cloned().collect::<Vec<_>>().join(", "),
                        fmt::count(o.chained_events_checked, "event")
                    ))
            }
            Verdict::Broken => {
                let found = o
                    .found_break
                    .as_ref()
                    .expect("a broken verdict has a break");
                let kind = serde_json::to_value(found.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                Line::new()
                    .styled(format!("Audit chain BROKEN ({kind})"), Style::Bad)
                    .push(format!(
                        ": {}. {} before it verified.",
                        found.detail,
                        fmt::count(o.chained_events_checked, "event")
                    ))
            }
        };
        let mut doc = Doc::new().line(line);
        if !o.checkpoints.is_empty() {
            let count = |status| o.checkpoints.iter().filter(|c| c.status == status).count() as i64;
            doc = doc.line(format!(
                "Checked against {}: {} matched, {} before a purge, {} failed, {} not reached.",
                fmt::count(o.checkpoints.len() as i64, "checkpoint"),
                fmt::number(count(audit_chain::CheckpointStatus::Matched)),
                fmt::number(count(audit_chain::CheckpointStatus::Purged)),
                fmt::number(count(audit_chain::CheckpointStatus::Failed)),
                fmt::number(count(audit_chain::CheckpointStatus::NotReached)),
            ));
        }
        for note in &self.notes {
            doc = doc.line(Line::new().styled(format!("note: {note}"), Style::Dim));
        }
        doc
    }
}

fn checkpoint(
    settings: &Settings,
    printer: &Printer,
    args: AuditCheckpointArgs,
) -> CliResult<ExitStatus> {
    let (db, _, _) = open(settings, printer, AuditFilter::default())?;
    let schema = db.powertools_schema().to_string();
    let database = audit_queries::identity(&db)?;
    let (head, first, now) = db.read(|conn| {
        crate::audit::require_chain(conn, &schema)?;
        let features = crate::audit::chain_features(conn, &schema)?;
        let head = crate::audit::chain_head_link(conn, &schema, features)?;
        let chain = crate::db::ident::qualified(&schema, crate::install::AUDIT_CHAIN_TABLE);
        let events = audit_queries::table(&schema);
        let first = audit_queries::chain_start(conn, &chain, &events)?.first_seq;
        Ok((head, first, crate::db::now(conn)?))
    })?;
    let Some(head) = head else {
        return Err(CliError::refused(format!(
            "the audit chain in `{schema}` is empty; there is nothing to checkpoint yet"
        )));
    };
    let line = CheckpointLine {
        seq: head.seq,
        hash: audit_chain::hex(&head.row_hash),
        events: head.seq - first.unwrap_or(head.seq) + 1,
        at: now.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        database,
        key_id: head.key_id,
        tool_version: TOOL_VERSION,
    };
    let mut text = crate::output::json::line(CHECKPOINT_KIND, &line).map_err(CliError::internal)?;
    text.push('\n');
    let bytes = text.into_bytes();
    match &args.to {
        Some(path) => {
            // One write of one line with O_APPEND: concurrent runs never interleave.
            let mut file = std::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(path)
                .map_err(|e| {
                    CliError::usage(format!("cannot append to {}: {e}", path.display()))
                })?;
            file.write_all(&bytes)?;
            file.sync_all()?;
            printer.status(format!(
                "Checkpoint of entry {} ({}) appended to {}.",
                line.seq,
                line.hash,
                path.display()
            ));
        }
        None => printer.raw(&bytes)?,
    }
    Ok(ExitStatus::Success)
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
                let next =
                    audit_queries::purge_chained_next(conn, &chain, last_seq, args.batch_size)?;
                let (Some(first), Some(last)) = (next.first_seq, next.last_seq) else {
                    return Ok(0);
                };
                // The purge event is chained first, at the head, so the chain's head is never
                // among what is deleted; verify starts from it.
                let mut metadata = serde_json::Map::new();
                metadata.insert("reason".into(), json!(reason));
                metadata.insert("cutoff".into(), json!(cutoff));
                metadata.insert("deleted".into(), json!(next.deleted));
                metadata.insert("deleted_seq_range".into(), json!([first, last]));
                metadata.insert("deleted_id_range".into(), json!([next.min_id, next.max_id]));
                metadata.insert("last_deleted_seq".into(), json!(last));
                metadata.insert(
                    "last_deleted_hash".into(),
                    json!(next.last_hash.as_deref().map(crate::audit::hex)),
                );
                record_purge(conn, &schema, &ctx, metadata)?;
                audit_queries::purge_chained_delete(conn, &chain, &events, first, last)
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
