//! `jobs retry|cancel|discard`: resolve targets, preview, require a reason and an actor, confirm,
//! then change jobs in short batches, each one transaction with its audit rows.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::{json, Value};

use super::{build_filter, require_oban};
use crate::audit::{self, AuditEvent, RunContext};
use crate::cli::JobsMutateArgs;
use crate::commands::guard;
use crate::db::jobs::{self as job_queries, BatchChange, IdState, JobRow, JobsTable};
use crate::db::Database;
use crate::error::{CliError, CliResult, ExitStatus};
use crate::interrupt;
use crate::jobs::filter::{JobFilter, TimeBound};
use crate::jobs::{classify_unchanged, JobState, Operation, Outcome};
use crate::printer::{Printer, Style};
use crate::settings::Settings;

const SAMPLE_SIZE: i64 = 5;
/// Skipped jobs listed individually in the human report; the rest are counted.
const SKIPPED_SHOWN: usize = 20;

/// What the run will act on (built once per run).
#[allow(clippy::large_enum_variant)]
enum Targets {
    /// Explicit ids: each one is reported, including those that cannot be changed.
    Ids(Vec<i64>),
    /// A filter, already narrowed to the operation's allowed states.
    Filter(JobFilter),
}

#[derive(Debug, Clone, Serialize)]
struct JobResult {
    id: i64,
    before_state: Option<String>,
    after_state: Option<String>,
    outcome: Outcome,
    audit_id: Option<i64>,
}

/// Running totals of a run: constant memory however many jobs it touches (per-job detail is
/// streamed as JSON lines, not kept).
#[derive(Debug, Default)]
struct Tally {
    total: i64,
    changed: i64,
    /// Executing jobs that were changed and so sent `pkill`.
    notified: i64,
    outcomes: BTreeMap<&'static str, i64>,
    /// The first skipped jobs, for the human report.
    skipped_sample: Vec<JobResult>,
}

impl Tally {
    fn add(&mut self, result: JobResult) {
        self.total += 1;
        *self.outcomes.entry(result.outcome.as_str()).or_default() += 1;
        if result.outcome == Outcome::Ok {
            self.changed += 1;
            if result.before_state.as_deref() == Some("executing") {
                self.notified += 1;
            }
        } else if self.skipped_sample.len() < SKIPPED_SHOWN {
            self.skipped_sample.push(result);
        }
    }

    fn skipped(&self) -> i64 {
        self.total - self.changed
    }

    /// `2 locked, 1 not_found`
    fn skipped_text(&self) -> String {
        self.outcomes
            .iter()
            .filter(|(outcome, _)| **outcome != Outcome::Ok.as_str())
            .map(|(outcome, n)| format!("{n} {outcome}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

struct Preview {
    /// Jobs in an allowed state, by state.
    by_state: BTreeMap<String, i64>,
    eligible: i64,
    /// For id targets: the ids and states to change.
    eligible_ids: Vec<IdState>,
    /// For id targets: jobs refused up front.
    refused: Vec<JobResult>,
    sample: Vec<JobRow>,
    max_id: i64,
}

pub fn run(
    settings: &Settings,
    printer: &Printer,
    op: Operation,
    args: JobsMutateArgs,
    include_completed: bool,
) -> CliResult<ExitStatus> {
    let allowed = op.allowed_states(include_completed);
    let targets = resolve_targets(op, &args, &allowed, include_completed)?;
    let reason = guard::reason_given(
        args.reason.as_deref(),
        args.dry_run,
        printer,
        &format!("{} jobs", op.verb()),
    )?;
    guard::require_actor(settings)?;

    // Pausing between batches asks for a gentle run: one batch at a time.
    let parallel = if args.sleep_ms > 0 { 1 } else { args.parallel };
    let db = Database::connect_with_pool(settings, printer, parallel + 1)?;
    let jobs = JobsTable::new(db.prefix());
    let (targets, preview) = db.read(|conn| {
        require_oban(conn, db.prefix())?;
        if !args.dry_run {
            audit::require_chain(conn, db.powertools_schema())?;
        }
        let now = crate::db::now(conn)?;
        let targets = match targets {
            Targets::Filter(mut filter) => {
                filter.freeze(now);
                Targets::Filter(filter)
            }
            ids => ids,
        };
        let preview = build_preview(conn, &jobs, &targets, &allowed, args.max)?;
        Ok((targets, preview))
    })?;

    if preview.eligible > args.max {
        return Err(CliError::refused_with_hint(
            format!(
                "more than {} jobs match; refusing a run this large",
                args.max
            ),
            "narrow the filter, or raise --max if you mean it",
        ));
    }
    if args.dry_run {
        print_plan(printer, op, &preview, true)?;
        return Ok(ExitStatus::Success);
    }
    if preview.eligible == 0 {
        let mut tally = Tally::default();
        for refused in preview.refused {
            emit(printer, &refused)?;
            tally.add(refused);
        }
        return report(printer, op, &tally);
    }
    if !printer.is_json() {
        printer.status(&plan_text(printer, op, &preview));
    }
    let reason = match reason {
        Some(reason) => reason,
        None => guard::prompt_reason(&format!("{} jobs", op.verb()))?,
    };
    guard::confirm(
        printer,
        &format!(
            "{} {} jobs?",
            guard::capitalize(op.verb()),
            preview.eligible
        ),
        args.yes,
    )?;

    let ctx = RunContext::new(settings.actor.value.clone(), settings.actor.source.clone());
    // Per-job rows carry what the Elixir UI and `audit` read; run-level facts (where the actor came
    // from, the selection, counts) live once in the summary row. Every byte here is paid per job.
    let mut metadata = ctx.standard_metadata();
    metadata.remove("actor_source");
    metadata.insert("operation".into(), json!(op.name()));
    metadata.insert("reason".into(), json!(reason));
    metadata.insert("result".into(), json!("ok"));
    let metadata = Value::Object(metadata);
    let discard_error = format!("discarded by {}: {reason}", ctx.actor);
    let change = BatchChange {
        op,
        powertools_schema: db.powertools_schema(),
        actor: &ctx.actor,
        metadata: &metadata,
        discard_error: &discard_error,
    };

    let mut tally = Tally::default();
    for refused in preview.refused.iter().cloned() {
        emit(printer, &refused)?;
        tally.add(refused);
    }
    let progress = printer.progress_bar(preview.eligible as u64, "jobs");
    interrupt::allow_graceful_stop();
    let started = Instant::now();
    let source = BatchSource {
        targets: &targets,
        eligible_ids: &preview.eligible_ids,
        jobs: &jobs,
        max_id: preview.max_id,
        batch_size: args.batch_size,
        max: args.max,
        pause: Duration::from_millis(args.sleep_ms),
    };
    let run = run_batches(&db, &source, &change, op, parallel, |batch| {
        progress.inc(batch.len() as u64);
        for result in batch {
            emit(printer, &result)?;
            tally.add(result);
        }
        Ok(())
    })?;
    let (batches, interrupted) = (run.batches, run.interrupted);
    progress.finish_and_clear();

    let bulk = matches!(targets, Targets::Filter(_)) || tally.total > 1;
    if bulk {
        write_summary(
            &db,
            &ctx,
            op,
            &targets,
            &reason,
            &tally,
            interrupted,
            batches,
            started.elapsed(),
        )?;
    }
    if interrupted {
        return Err(CliError::Interrupted(Some(format!(
            "stopped after {batches} batches: {} jobs changed and audited; nothing is half-done. \
             Rerun the same command to continue.",
            tally.changed
        ))));
    }
    report(printer, op, &tally)
}

fn resolve_targets(
    op: Operation,
    args: &JobsMutateArgs,
    allowed: &[JobState],
    include_completed: bool,
) -> CliResult<Targets> {
    let mut filter = build_filter(&args.filter)?;
    let mut ids: Vec<i64> = args
        .job_ids
        .iter()
        .copied()
        .chain(filter.ids.drain(..))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    if !ids.is_empty() {
        if !filter.is_empty() {
            return Err(CliError::Usage("give job ids or filters, not both".into()));
        }
        return Ok(Targets::Ids(ids));
    }
    if filter.is_empty() && !args.all {
        return Err(CliError::Usage(format!(
            "no jobs selected: give job ids or filters, or --all to {} every job in an allowed state",
            op.verb()
        )));
    }
    let refused: Vec<&str> = filter
        .states
        .iter()
        .filter(|s| !allowed.contains(s))
        .map(|s| s.as_str())
        .collect();
    if !refused.is_empty() {
        let hint = if op == Operation::Retry && refused == ["completed"] && !include_completed {
            "pass --include-completed to re-run completed jobs".to_string()
        } else {
            format!(
                "{} applies to: {}",
                op.verb(),
                allowed
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        return Err(CliError::refused_with_hint(
            format!("cannot {} jobs in state {}", op.verb(), refused.join(", ")),
            hint,
        ));
    }
    if filter.states.is_empty() {
        filter.states = allowed.to_vec();
    }
    Ok(Targets::Filter(filter))
}

fn build_preview(
    conn: &mut diesel::pg::PgConnection,
    jobs: &JobsTable,
    targets: &Targets,
    allowed: &[JobState],
    max: i64,
) -> CliResult<Preview> {
    let max_id = job_queries::max_id(conn, jobs)?;
    match targets {
        Targets::Ids(ids) => {
            let found: HashMap<i64, String> = job_queries::states_of(conn, jobs, ids)?
                .into_iter()
                .map(|r| (r.id, r.state))
                .collect();
            let mut preview = Preview {
                by_state: BTreeMap::new(),
                eligible: 0,
                eligible_ids: Vec::new(),
                refused: Vec::new(),
                sample: Vec::new(),
                max_id,
            };
            for id in ids {
                match found.get(id) {
                    None => preview.refused.push(JobResult {
                        id: *id,
                        before_state: None,
                        after_state: None,
                        outcome: Outcome::NotFound,
                        audit_id: None,
                    }),
                    Some(state) if allowed.iter().any(|a| a.as_str() == state) => {
                        *preview.by_state.entry(state.clone()).or_default() += 1;
                        preview.eligible_ids.push(IdState {
                            id: *id,
                            state: state.clone(),
                        });
                    }
                    Some(state) => preview.refused.push(JobResult {
                        id: *id,
                        before_state: Some(state.clone()),
                        after_state: Some(state.clone()),
                        outcome: Outcome::WrongState,
                        audit_id: None,
                    }),
                }
            }
            preview.eligible = preview.eligible_ids.len() as i64;
            let sample_filter = JobFilter {
                ids: preview
                    .eligible_ids
                    .iter()
                    .take(SAMPLE_SIZE as usize)
                    .map(|s| s.id)
                    .collect(),
                ..Default::default()
            };
            if !sample_filter.ids.is_empty() {
                preview.sample = job_queries::list(conn, jobs, &sample_filter, None, SAMPLE_SIZE)?;
            }
            Ok(preview)
        }
        Targets::Filter(filter) => {
            let counts = job_queries::bounded_state_counts(conn, jobs, filter, max_id, max + 1)?;
            let by_state: BTreeMap<String, i64> =
                counts.into_iter().map(|c| (c.state, c.n)).collect();
            Ok(Preview {
                eligible: by_state.values().sum(),
                by_state,
                eligible_ids: Vec::new(),
                refused: Vec::new(),
                sample: job_queries::list(conn, jobs, filter, None, SAMPLE_SIZE)?,
                max_id,
            })
        }
    }
}

/// Outcomes for one batch, and the last id it covered (the keyset position).
fn classify(
    conn: &mut diesel::pg::PgConnection,
    jobs: &JobsTable,
    op: Operation,
    seen: &[IdState],
    changed: &[job_queries::Changed],
) -> CliResult<Vec<JobResult>> {
    let changed_by_id: HashMap<i64, &job_queries::Changed> =
        changed.iter().map(|c| (c.id, c)).collect();
    let unchanged: Vec<i64> = seen
        .iter()
        .filter(|s| !changed_by_id.contains_key(&s.id))
        .map(|s| s.id)
        .collect();
    let now: HashMap<i64, String> = if unchanged.is_empty() {
        HashMap::new()
    } else {
        job_queries::states_of(conn, jobs, &unchanged)?
            .into_iter()
            .map(|r| (r.id, r.state))
            .collect()
    };
    let results = seen
        .iter()
        .map(|s| match changed_by_id.get(&s.id) {
            Some(c) => JobResult {
                id: s.id,
                before_state: Some(c.before_state.clone()),
                after_state: Some(op.target_state().as_str().to_string()),
                outcome: Outcome::Ok,
                audit_id: Some(c.audit_id),
            },
            None => {
                let current = now.get(&s.id);
                let parse = |text: &String| text.parse::<JobState>().ok();
                let seen_state = parse(&s.state).unwrap_or(JobState::Available);
                JobResult {
                    id: s.id,
                    before_state: Some(s.state.clone()),
                    after_state: current.cloned(),
                    outcome: classify_unchanged(seen_state, current.and_then(parse)),
                    audit_id: None,
                }
            }
        })
        .collect();
    Ok(results)
}

fn plan_text(printer: &Printer, op: Operation, preview: &Preview) -> String {
    let mut out = format!(
        "{} {} job{}",
        printer.paint_err(&format!("Will {}", op.verb()), Style::Bold),
        preview.eligible,
        if preview.eligible == 1 { "" } else { "s" }
    );
    if !preview.by_state.is_empty() {
        let parts: Vec<String> = preview
            .by_state
            .iter()
            .map(|(s, n)| format!("{n} {s}"))
            .collect();
        out.push_str(&format!(" ({})", parts.join(", ")));
    }
    out.push_str(&format!(".\nChange: {}.", op.describe_change()));
    if !preview.refused.is_empty() {
        out.push_str(&format!(
            "\nSkipped before starting: {}.",
            preview
                .refused
                .iter()
                .fold(Tally::default(), |mut tally, r| {
                    tally.add(r.clone());
                    tally
                })
                .skipped_text()
        ));
    }
    if !preview.sample.is_empty() {
        out.push_str("\nFirst jobs:");
        for row in &preview.sample {
            out.push_str(&format!(
                "\n  {} {} {} {} attempt {}/{}",
                row.id, row.state, row.queue, row.worker, row.attempt, row.max_attempts
            ));
        }
    }
    if op != Operation::Retry && preview.by_state.contains_key("executing") {
        out.push_str(
            "\nExecuting jobs get Oban's pkill signal on <prefix>.oban_signal; only nodes using the Postgres \
             notifier receive it.",
        );
    }
    out
}

fn print_plan(printer: &Printer, op: Operation, preview: &Preview, dry_run: bool) -> CliResult<()> {
    if printer.is_json() {
        let sample: Vec<Value> = preview
            .sample
            .iter()
            .map(|r| json!({"id": r.id, "state": r.state, "queue": r.queue, "worker": r.worker, "attempt": r.attempt, "max_attempts": r.max_attempts}))
            .collect();
        return printer.json(&json!({
            "dry_run": dry_run,
            "operation": op.name(),
            "matched": preview.eligible,
            "by_state": preview.by_state,
            "change": op.describe_change(),
            "sample": sample,
            "skipped": preview.refused,
        }));
    }
    printer.line(&plan_text(printer, op, preview))?;
    if dry_run {
        printer.line("Dry run: nothing was changed.")?;
    }
    Ok(())
}

fn emit(printer: &Printer, result: &JobResult) -> CliResult<()> {
    if printer.is_json() {
        printer.json(result)?;
    }
    Ok(())
}

fn report(printer: &Printer, op: Operation, tally: &Tally) -> CliResult<ExitStatus> {
    if !printer.is_json() {
        if tally.total == 0 {
            printer.line("No jobs match; nothing to do.")?;
        } else {
            let skipped = tally.skipped();
            printer.line(&format!(
                "{} {} of {} jobs{}.",
                guard::capitalize(&past_tense(op)),
                tally.changed,
                tally.total,
                if skipped == 0 {
                    String::new()
                } else {
                    format!("; skipped {}", tally.skipped_text())
                }
            ))?;
            if !tally.skipped_sample.is_empty() {
                let mut table = printer.table(&["id", "outcome", "seen", "now"]);
                for r in &tally.skipped_sample {
                    table.add_row(vec![
                        r.id.to_string(),
                        r.outcome.as_str().to_string(),
                        r.before_state.clone().unwrap_or_else(|| "-".into()),
                        r.after_state.clone().unwrap_or_else(|| "-".into()),
                    ]);
                }
                printer.print_table(&table)?;
                let unlisted = skipped - tally.skipped_sample.len() as i64;
                if unlisted > 0 {
                    printer.line(&format!(
                        "... and {unlisted} more (use --format json for all)"
                    ))?;
                }
            }
            if tally.notified > 0 {
                printer.line(&format!(
                    "Sent pkill to {} executing jobs (effective only where Oban uses the Postgres notifier).",
                    tally.notified
                ))?;
            }
        }
    }
    Ok(if tally.total == 0 || tally.changed == tally.total {
        ExitStatus::Success
    } else if tally.changed > 0 {
        ExitStatus::Attention
    } else {
        ExitStatus::Failed
    })
}

fn past_tense(op: Operation) -> String {
    match op {
        Operation::Retry => "retried".into(),
        Operation::Cancel => "cancelled".into(),
        Operation::Discard => "discarded".into(),
    }
}

#[allow(clippy::too_many_arguments)]
fn write_summary(
    db: &Database,
    ctx: &RunContext,
    op: Operation,
    targets: &Targets,
    reason: &str,
    tally: &Tally,
    interrupted: bool,
    batches: u64,
    elapsed: Duration,
) -> CliResult<i64> {
    let selection = match targets {
        Targets::Ids(ids) => json!({"ids": ids.len()}),
        Targets::Filter(filter) => json!({
            "states": filter.states,
            "queues": filter.queues,
            "workers": filter.workers,
            "tags": filter.tags,
            "args": filter.args,
            "meta": filter.meta,
            "since": filter.since.as_ref().and_then(TimeBound::fixed),
            "until": filter.until.as_ref().and_then(TimeBound::fixed),
            "error_contains": filter.error_contains,
        }),
    };
    let mut metadata = serde_json::Map::new();
    metadata.insert("operation".into(), json!(op.name()));
    metadata.insert("reason".into(), json!(reason));
    metadata.insert("selection".into(), selection);
    metadata.insert("matched".into(), json!(tally.total));
    metadata.insert("changed".into(), json!(tally.changed));
    metadata.insert("skipped".into(), json!(tally.skipped()));
    metadata.insert("outcomes".into(), json!(tally.outcomes));
    metadata.insert("batches".into(), json!(batches));
    metadata.insert("interrupted".into(), json!(interrupted));
    metadata.insert("elapsed_ms".into(), json!(elapsed.as_millis() as u64));
    db.write(|conn| {
        audit::record(
            conn,
            db.powertools_schema(),
            ctx,
            AuditEvent {
                action: "cli.bulk_operation".into(),
                resource_type: "operation".into(),
                resource_id: ctx.operation_id.to_string(),
                metadata,
            },
        )
    })
}

/// Where batches come from: the ids given, or keyset pages of the frozen filter.
struct BatchSource<'a> {
    targets: &'a Targets,
    /// For id targets: the eligible ids with the state each was seen in.
    eligible_ids: &'a [IdState],
    jobs: &'a JobsTable,
    max_id: i64,
    batch_size: i64,
    max: i64,
    /// Waited after each batch (only with one batch at a time).
    pause: Duration,
}

struct BatchRun {
    batches: u64,
    interrupted: bool,
}

/// Runs the batches, `parallel` at a time (1: one after the other): this thread selects each
/// batch (a short read-only transaction) and hands it to a worker, which changes and audits it in
/// its own transaction; results come back here, in completion order, for `emit_batch`. On Ctrl-C
/// or a failed batch no new batch starts, and the ones in flight finish (committed and audited, or
/// rolled back whole).
fn run_batches(
    db: &Database,
    source: &BatchSource<'_>,
    change: &BatchChange<'_>,
    op: Operation,
    parallel: u32,
    mut emit_batch: impl FnMut(Vec<JobResult>) -> CliResult<()>,
) -> CliResult<BatchRun> {
    use std::sync::mpsc;
    use std::sync::{Arc, Mutex};

    let mut run = BatchRun {
        batches: 0,
        interrupted: false,
    };
    let mut ids = match source.targets {
        Targets::Ids(_) => Some(source.eligible_ids.chunks(source.batch_size as usize)),
        Targets::Filter(_) => None,
    };
    std::thread::scope(|scope| {
        let (work_tx, work_rx) = mpsc::sync_channel::<Vec<IdState>>(parallel as usize);
        let work_rx = Arc::new(Mutex::new(work_rx));
        let (done_tx, done_rx) = mpsc::channel::<CliResult<Vec<JobResult>>>();
        for _ in 0..parallel {
            let (work_rx, done_tx) = (work_rx.clone(), done_tx.clone());
            scope.spawn(move || loop {
                let next = work_rx.lock().map(|rx| rx.recv());
                let Ok(Ok(seen)) = next else { break };
                let result = db.write(|conn| {
                    let changed = job_queries::apply_batch(conn, source.jobs, change, &seen)?;
                    classify(conn, source.jobs, op, &seen, &changed)
                });
                if done_tx.send(result).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);

        let (mut after, mut dispatched, mut in_flight) = (0i64, 0i64, 0u32);
        let mut exhausted = false;
        let mut failure: Option<CliError> = None;
        loop {
            while !exhausted && failure.is_none() && in_flight < parallel {
                if interrupt::requested() {
                    run.interrupted = true;
                    break;
                }
                let remaining = source.max - dispatched;
                let seen: Vec<IdState> = match (&mut ids, source.targets) {
                    _ if remaining <= 0 => Vec::new(),
                    (Some(chunks), _) => chunks.next().map(<[IdState]>::to_vec).unwrap_or_default(),
                    (None, Targets::Filter(filter)) => match db.read(|conn| {
                        job_queries::select_batch(
                            conn,
                            source.jobs,
                            filter,
                            after,
                            source.max_id,
                            source.batch_size.min(remaining),
                        )
                    }) {
                        Ok(seen) => seen,
                        Err(err) => {
                            failure = Some(err);
                            break;
                        }
                    },
                    (None, Targets::Ids(_)) => Vec::new(),
                };
                let Some(last) = seen.last() else {
                    exhausted = true;
                    break;
                };
                after = last.id;
                dispatched += seen.len() as i64;
                if work_tx.send(seen).is_err() {
                    exhausted = true;
                    break;
                }
                in_flight += 1;
            }
            if in_flight == 0 {
                break;
            }
            match done_rx.recv() {
                Ok(Ok(results)) => {
                    in_flight -= 1;
                    run.batches += 1;
                    if let Err(err) = emit_batch(results) {
                        failure.get_or_insert(err);
                    }
                    if !source.pause.is_zero() {
                        std::thread::sleep(source.pause);
                    }
                }
                Ok(Err(err)) => {
                    in_flight -= 1;
                    failure.get_or_insert(err);
                }
                Err(_) => break,
            }
            if interrupt::requested() {
                run.interrupted = true;
            }
            if run.interrupted {
                exhausted = true;
            }
        }
        drop(work_tx);
        match failure {
            Some(err) => Err(err),
            None => Ok(run),
        }
    })
}
