//! `jobs retry|cancel|discard`: resolve targets, preview, require a reason and an actor, confirm,
//! then change jobs in short batches ([`crate::jobs::bulk`]), each one transaction with its audit
//! rows, and end with a summary (printed and recorded as `cli.bulk_operation`).

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::{build_filter, require_oban};
use crate::audit::{self, RunContext};
use crate::cli::JobsMutateArgs;
use crate::commands::guard;
use crate::db::catalog::ObanFlavour;
use crate::db::jobs::{self as job_queries, BatchChange, IdState, JobsTable};
use crate::db::Database;
use crate::error::{CliError, CliResult, ErrorKind, ExitStatus};
use crate::interrupt;
use crate::jobs::bulk::run_batches;
use crate::jobs::filter::{JobFilter, TimeBound};
use crate::jobs::{classify_unchanged, JobState, Operation, Outcome};
use crate::output::{fmt, Summary};
use crate::printer::Printer;
use crate::redact::Redactor;
use crate::report::mutate::{JobOutcome, Plan, PlanSample, PlanView, RunReport};
use crate::settings::Settings;

const SAMPLE_SIZE: i64 = 5;
/// Skipped jobs listed individually in the human report; the rest are counted.
const SKIPPED_SHOWN: usize = 20;
/// When more than `--max` match, counting goes on up to this many to say how many.
const OVER_MAX_COUNT_LIMIT: i64 = 10_000_000;

/// What the run will act on (built once per run).
#[allow(clippy::large_enum_variant)]
enum Targets {
    /// Explicit ids: each one is reported, including those that cannot be changed.
    Ids(Vec<i64>),
    /// A filter, already narrowed to the operation's allowed states.
    Filter(JobFilter),
}

/// Running totals of a run: constant memory however many jobs it touches (per-job detail is
/// streamed as JSON lines, not kept).
#[derive(Debug, Default)]
struct Tally {
    total: i64,
    changed: i64,
    /// Executing jobs that were changed and so sent `pkill`.
    notified: i64,
    outcomes: BTreeMap<String, i64>,
    /// The first skipped jobs, for the human report.
    skipped_sample: Vec<JobOutcome>,
}

impl Tally {
    fn add(&mut self, result: &JobOutcome) {
        self.total += 1;
        if result.outcome == Outcome::Ok {
            self.changed += 1;
            if result.before_state.as_deref() == Some("executing") {
                self.notified += 1;
            }
        } else {
            *self
                .outcomes
                .entry(result.outcome.as_str().to_string())
                .or_default() += 1;
            if self.skipped_sample.len() < SKIPPED_SHOWN {
                self.skipped_sample.push(result.clone());
            }
        }
    }
}

struct Preview {
    plan: Plan,
    /// For id targets: the ids and states to change.
    eligible_ids: Vec<IdState>,
    max_id: i64,
}

/// One request to change jobs, wherever it came from (flags, or a key in `obanctl top`). Both go
/// through [`prepare`] and [`execute`], so the guards, batches and audit rows are the same.
pub struct Request {
    pub op: Operation,
    targets: Targets,
    pub max: i64,
    pub batch_size: i64,
    pub sleep_ms: u64,
    pub parallel: u32,
    pub dry_run: bool,
    /// Retry may also re-run completed jobs.
    pub include_completed: bool,
    /// Why the jobs are changed, for the error entry a rescue appends (e.g. "its node was
    /// absent from every liveness source").
    pub why: Option<String>,
}

impl Request {
    /// The request the `jobs retry|cancel|discard` flags describe (usage errors refused here).
    pub fn from_args(
        op: Operation,
        args: &JobsMutateArgs,
        include_completed: bool,
    ) -> CliResult<Request> {
        let allowed = op.allowed_states(include_completed);
        Ok(Request {
            op,
            targets: resolve_targets(op, args, &allowed, include_completed)?,
            max: args.max,
            batch_size: args.batch_size,
            // Pausing between batches asks for a gentle run: one batch at a time.
            parallel: if args.sleep_ms > 0 { 1 } else { args.parallel },
            sleep_ms: args.sleep_ms,
            dry_run: args.dry_run,
            include_completed,
            why: None,
        })
    }

    /// A request with targets the caller resolved (`jobs rescue`): explicit ids, or else a
    /// filter whose states are set; the batch flags from `args`.
    pub fn with_targets(
        op: Operation,
        args: &JobsMutateArgs,
        mut ids: Vec<i64>,
        filter: JobFilter,
        why: String,
    ) -> Request {
        ids.sort_unstable();
        ids.dedup();
        Request {
            op,
            targets: if ids.is_empty() {
                Targets::Filter(filter)
            } else {
                Targets::Ids(ids)
            },
            max: args.max,
            batch_size: args.batch_size,
            parallel: if args.sleep_ms > 0 { 1 } else { args.parallel },
            sleep_ms: args.sleep_ms,
            dry_run: args.dry_run,
            include_completed: false,
            why: Some(why),
        }
    }

    /// Explicit jobs with the flags' defaults, one batch at a time (the dashboard's actions).
    pub fn for_ids(op: Operation, mut ids: Vec<i64>) -> Request {
        ids.sort_unstable();
        ids.dedup();
        Request {
            op,
            targets: Targets::Ids(ids),
            max: 10_000,
            batch_size: 1000,
            sleep_ms: 0,
            parallel: 1,
            dry_run: false,
            include_completed: false,
            why: None,
        }
    }

    /// Connections a run needs at once: the batches plus one for selection.
    pub fn pool_size(&self) -> u32 {
        self.parallel + 1
    }
}

/// A previewed request: the plan to show, and what [`execute`] needs to carry it out.
pub struct Prepared {
    pub plan: Plan,
    targets: Targets,
    preview_ids: Vec<IdState>,
    max_id: i64,
    jobs: JobsTable,
    started: Instant,
}

/// Reads what `request` would change (one read-only transaction): the plan and the jobs it
/// holds. A real run also needs the audit chain, checked here before anyone is asked anything.
pub fn prepare(db: &Database, request: &Request) -> CliResult<Prepared> {
    let started = Instant::now();
    let allowed = request.op.allowed_states(request.include_completed);
    db.read(|conn| {
        let schema = require_oban(conn, db.prefix())?;
        let jobs = JobsTable::new(db.prefix()).with_flavour(schema.flavour);
        if !request.dry_run {
            audit::require_chain(conn, db.powertools_schema())?;
        }
        let now = crate::db::now(conn)?;
        let targets = match &request.targets {
            Targets::Filter(filter) => {
                let mut filter = filter.clone();
                filter.freeze(now);
                Targets::Filter(filter)
            }
            Targets::Ids(ids) => Targets::Ids(ids.clone()),
        };
        let preview = build_preview(conn, &jobs, request, &targets, &allowed)?;
        Ok(Prepared {
            plan: preview.plan,
            targets,
            preview_ids: preview.eligible_ids,
            max_id: preview.max_id,
            jobs,
            started,
        })
    })
}

/// Why a previewed run must not start: more jobs match than `--max` allows.
pub fn refusal(plan: &Plan) -> Option<CliError> {
    if !plan.exceeds_max {
        return None;
    }
    Some(
        CliError::refused(
            format!(
                "{} {} match, more than --max {}; refusing a run this large",
                if plan.matched_at_least {
                    "at least"
                } else {
                    ""
                },
                fmt::count(plan.matched, "job"),
                fmt::number(plan.max)
            )
            .trim_start()
            .to_string(),
        )
        .code("too_many")
        .hint("narrow the filter, or raise --max if you mean it; --dry-run shows the plan"),
    )
}

/// How a run reports as it goes: per-job results as each batch finishes (on the calling
/// thread, in completion order), progress notes, and whether to stop after the current batch.
pub struct Hooks<'a> {
    pub results: &'a mut dyn FnMut(&[JobOutcome]) -> CliResult<()>,
    pub note: &'a (dyn Fn(String) + Sync),
    pub stop: &'a (dyn Fn() -> bool + Sync),
}

/// What a run did: its summary (as printed and recorded), the first skipped jobs, and what
/// stopped it early, if anything.
pub struct Executed {
    pub summary: Summary,
    pub skipped_sample: Vec<JobOutcome>,
    /// Executing jobs that were changed and so sent `pkill`.
    pub notified: i64,
    pub changed: i64,
    pub batches: u64,
    pub operation_id: String,
    pub failure: Option<CliError>,
    pub interrupted: bool,
    /// Set when the `cli.bulk_operation` row could not be written.
    pub summary_not_recorded: Option<CliError>,
}

/// Carries out a previewed request with a validated `reason`: batches of one transaction each
/// (update plus one audit row per changed job), then the run's `cli.bulk_operation` row. The
/// caller has shown the plan, checked the actor and had the run confirmed.
pub fn execute(
    db: &Database,
    settings: &Settings,
    request: &Request,
    prepared: Prepared,
    reason: &str,
    hooks: Hooks<'_>,
) -> CliResult<Executed> {
    let op = request.op;
    let Prepared {
        plan,
        targets,
        preview_ids,
        max_id,
        jobs,
        started,
    } = prepared;
    let ctx = RunContext::new(settings.actor.value.clone(), settings.actor.source.clone());
    // Per-job rows carry what the Elixir UI and `audit` read; run-level facts (where the actor came
    // from, the selection, counts) live once in the summary row. Every byte here is paid per job.
    let mut metadata = ctx.standard_metadata();
    metadata.remove("actor_source");
    metadata.insert("operation".into(), json!(op.name()));
    metadata.insert("reason".into(), json!(reason));
    metadata.insert("result".into(), json!("ok"));
    // The library ties each repair to the preview that was confirmed: the run's id stands for
    // the preview, and plan_hash proves which plan (selection, counts, change) was confirmed.
    let plan_hash = plan_hash(&plan, &targets, max_id);
    metadata.insert("preview_token".into(), json!(ctx.operation_id.to_string()));
    metadata.insert("plan_hash".into(), json!(plan_hash));
    metadata.insert(
        "affected_counts".into(),
        json!({"jobs": 1, "workflow_steps": 0}),
    );
    let metadata = Value::Object(metadata);
    let discard_error = match (op, &request.why) {
        (Operation::Rescue, Some(why)) => format!("rescued by {} ({why}): {reason}", ctx.actor),
        (Operation::Rescue, None) => format!("rescued by {}: {reason}", ctx.actor),
        _ => format!("discarded by {}: {reason}", ctx.actor),
    };
    let change = BatchChange {
        op,
        powertools_schema: db.powertools_schema(),
        actor: &ctx.actor,
        metadata: &metadata,
        discard_error: &discard_error,
    };

    let Hooks {
        results: on_results,
        note,
        stop,
    } = hooks;
    let mut tally = Tally::default();
    on_results(&plan.skipped)?;
    for refused in &plan.skipped {
        tally.add(refused);
    }
    let run_started = Instant::now();

    // Selection: the ids given, in chunks, or keyset pages of the frozen filter up to the max id
    // seen in the preview (jobs inserted during the run are left alone).
    let mut id_chunks = preview_ids.chunks(request.batch_size as usize);
    let (mut after, mut dispatched) = (0i64, 0i64);
    let select = || -> CliResult<Vec<IdState>> {
        let remaining = request.max - dispatched;
        if remaining <= 0 {
            return Ok(Vec::new());
        }
        let batch = match &targets {
            Targets::Ids(_) => id_chunks
                .next()
                .map(<[IdState]>::to_vec)
                .unwrap_or_default(),
            Targets::Filter(filter) => db.read(|conn| {
                job_queries::select_batch(
                    conn,
                    &jobs,
                    filter,
                    after,
                    max_id,
                    request.batch_size.min(remaining),
                )
            })?,
        };
        if let Some(last) = batch.last() {
            after = last.id;
        }
        dispatched += batch.len() as i64;
        Ok(batch)
    };
    let apply = |seen: Vec<IdState>| -> CliResult<Vec<JobOutcome>> {
        let batch_started = Instant::now();
        let results = db.write(|conn| {
            let changed = job_queries::apply_batch(conn, &jobs, &change, &seen)?;
            classify(conn, &jobs, &seen, &changed)
        })?;
        note(format!(
            "batch of {} (ids {}..{}): {} changed in {} ms",
            seen.len(),
            seen.first().map(|s| s.id).unwrap_or_default(),
            seen.last().map(|s| s.id).unwrap_or_default(),
            results.iter().filter(|r| r.outcome == Outcome::Ok).count(),
            batch_started.elapsed().as_millis()
        ));
        if request.sleep_ms > 0 {
            std::thread::sleep(Duration::from_millis(request.sleep_ms));
        }
        Ok(results)
    };
    let report = |results: Vec<JobOutcome>| -> CliResult<()> {
        on_results(&results)?;
        for result in &results {
            tally.add(result);
        }
        Ok(())
    };
    let run = run_batches(request.parallel, select, apply, report, stop);
    let failure = run.failure;
    note(format!(
        "{} batches in {} ms",
        run.batches,
        run_started.elapsed().as_millis()
    ));

    let stopped_early = run.interrupted || failure.is_some();
    let summary = summary(
        op,
        &plan,
        &tally,
        stopped_early,
        Some(ctx.operation_id.to_string()),
        true,
    );
    let elapsed = started.elapsed();
    // A run stopped by a lost connection still records itself where a connection is possible:
    // the pool may hand out dead connections first, so an unreachable error is retried on
    // fresh ones (a broken connection is not returned to the pool).
    let mut recorded = Err(CliError::unreachable("not attempted"));
    for _ in 0..=request.parallel + 1 {
        recorded = write_summary(
            db,
            &ctx,
            op,
            &targets,
            reason,
            &summary,
            run.batches,
            elapsed,
            settings,
            &plan_hash,
        );
        match &recorded {
            Err(err) if err.is(ErrorKind::Unreachable) => continue,
            _ => break,
        }
    }
    Ok(Executed {
        summary,
        skipped_sample: tally.skipped_sample,
        notified: tally.notified,
        changed: tally.changed,
        batches: run.batches,
        operation_id: ctx.operation_id.to_string(),
        failure,
        interrupted: run.interrupted,
        summary_not_recorded: recorded.err(),
    })
}

pub fn run(
    settings: &Settings,
    printer: &Printer,
    op: Operation,
    args: JobsMutateArgs,
    include_completed: bool,
) -> CliResult<ExitStatus> {
    let request = Request::from_args(op, &args, include_completed)?;
    let what = format!("{} jobs", op.verb());
    let reason = guard::reason_given(args.reason.as_deref(), args.dry_run, printer, &what)?;
    guard::require_actor(settings)?;

    let db = Database::connect_with_pool(settings, printer, request.pool_size())?;
    let prepared = prepare(&db, &request)?;
    run_prepared(settings, printer, &db, &request, prepared, reason, args.yes)
}

/// A run from its preview on: dry run, refusals, the plan, the reason, the confirmation, the
/// batches and the summary. `reason` is the one given on the command line (asked for when
/// absent). Shared by every job mutation (`jobs rescue` builds its own request and preview).
pub fn run_prepared(
    settings: &Settings,
    printer: &Printer,
    db: &Database,
    request: &Request,
    prepared: Prepared,
    reason: Option<String>,
    yes: bool,
) -> CliResult<ExitStatus> {
    let op = request.op;
    let what = format!("{} jobs", op.verb());
    printer.verbose(format!(
        "preview: {} eligible, {} refused up front, max id {} ({} ms)",
        prepared.plan.matched,
        prepared.plan.skipped.len(),
        prepared.max_id,
        prepared.started.elapsed().as_millis()
    ));
    let plan = &prepared.plan;

    if request.dry_run {
        printer.emit_with(
            plan,
            &PlanView {
                plan,
                verb: op.verb(),
            },
        )?;
        return Ok(if plan.exceeds_max {
            ExitStatus::Attention
        } else {
            ExitStatus::Success
        });
    }
    if let Some(err) = refusal(plan) {
        return Err(err);
    }
    if plan.matched == 0 {
        // Nothing to change: report the refused ids (if any) and stop. No audit row is written
        // for a run that changes nothing.
        let mut tally = Tally::default();
        for refused in &plan.skipped {
            printer.json(refused)?;
            tally.add(refused);
        }
        let summary = summary(op, plan, &tally, false, None, false);
        let status = finish(printer, op, summary, &tally.skipped_sample, tally.notified);
        if let Targets::Filter(filter) = &prepared.targets {
            for hint in db.read(|conn| super::unknown_name_hints(conn, &prepared.jobs, filter))? {
                printer.status(
                    crate::output::Line::new()
                        .styled("hint: ", crate::output::Style::Dim)
                        .push(hint),
                );
            }
        }
        return status;
    }
    if printer.is_json() {
        printer.json(plan)?;
    } else {
        printer.doc_stderr(&crate::output::View::view(&PlanView {
            plan,
            verb: op.verb(),
        }));
    }
    let reason = match reason {
        Some(reason) => reason,
        None => guard::prompt_reason(&what)?,
    };
    guard::confirm(printer, &plan.question(op.verb()), yes)?;

    let progress = printer.progress_bar(plan.matched as u64, "jobs");
    interrupt::allow_graceful_stop();
    let mut on_results = |results: &[JobOutcome]| -> CliResult<()> {
        progress.inc(results.len() as u64);
        printer.json_all(results)
    };
    let hooks = Hooks {
        results: &mut on_results,
        note: &|text| printer.verbose(text),
        stop: &interrupt::requested,
    };
    let done = execute(db, settings, request, prepared, &reason, hooks)?;
    progress.finish_and_clear();
    if let Some(err) = &done.summary_not_recorded {
        printer.warning(format!(
            "could not record the run summary (cli.bulk_operation): {}",
            err.message()
        ));
    }
    let summary = done.summary.clone();
    if let Some(failure) = done.failure {
        if failure.is(ErrorKind::BrokenPipe) {
            return Err(failure);
        }
        let summary = Summary {
            exit: failure.exit_code_number(),
            ..summary
        };
        finish(printer, op, summary, &done.skipped_sample, done.notified)?;
        let message = format!(
            "{}; {} changed and audited before the run stopped (operation {})",
            failure.message(),
            fmt::count(done.changed, "job"),
            done.operation_id
        );
        return Err(failure.with_message(message));
    }
    if done.interrupted {
        let summary = Summary {
            exit: 130,
            ..summary
        };
        finish(printer, op, summary, &done.skipped_sample, done.notified)?;
        return Err(CliError::interrupted(Some(format!(
            "stopped after {}: {} changed and audited; nothing is half-done. \
             Rerun the same command to continue.",
            fmt::count(done.batches as i64, "batch|batches"),
            fmt::count(done.changed, "job")
        ))));
    }
    finish(printer, op, summary, &done.skipped_sample, done.notified)
}

/// SHA-256 (hex) of the confirmed plan: operation, selection, counts by state, the change and the
/// id bound of the run, in one canonical JSON text.
fn plan_hash(plan: &Plan, targets: &Targets, max_id: i64) -> String {
    use sha2::{Digest, Sha256};
    let selection = match targets {
        Targets::Ids(ids) => json!({ "ids": ids }),
        Targets::Filter(filter) => json!({
            "states": filter.states, "queues": filter.queues, "workers": filter.workers,
            "tags": filter.tags, "args": filter.args, "meta": filter.meta,
            "since": filter.since.as_ref().and_then(TimeBound::fixed).map(crate::output::time::rfc3339),
            "until": filter.until.as_ref().and_then(TimeBound::fixed).map(crate::output::time::rfc3339),
            "error_contains": filter.error_contains,
            "error_signature": filter.error_signature,
        }),
    };
    let canonical = json!({
        "operation": plan.operation, "selection": selection, "matched": plan.matched,
        "by_state": plan.by_state, "change": plan.change, "max_id": max_id,
    });
    crate::audit::hex(&Sha256::digest(canonical.to_string().as_bytes()))
}

/// The summary of a run: `matched` is what the preview counted, so an interrupted run still says
/// how many it was asked to change; jobs it never reached are skipped as `not_reached`, jobs that
/// left the selection before their batch (changed state, deleted) as `drifted`.
fn summary(
    op: Operation,
    plan: &Plan,
    tally: &Tally,
    stopped_early: bool,
    operation_id: Option<String>,
    ran: bool,
) -> Summary {
    let matched = plan.matched + plan.skipped.len() as i64;
    let mut skipped = tally.outcomes.clone();
    let unaccounted = matched - tally.total;
    if ran && unaccounted > 0 {
        let key = if stopped_early {
            "not_reached"
        } else {
            "drifted"
        };
        *skipped.entry(key.to_string()).or_default() += unaccounted;
    }
    let status = if tally.changed == matched {
        ExitStatus::Success
    } else if tally.changed > 0 {
        ExitStatus::Attention
    } else {
        ExitStatus::Failed
    };
    Summary {
        operation: op.name().to_string(),
        dry_run: false,
        matched,
        changed: tally.changed,
        skipped,
        interrupted: stopped_early,
        operation_id,
        exit: status.code(),
    }
}

/// Prints the summary (last JSON line, or the human report) and turns it into the exit status.
fn finish(
    printer: &Printer,
    op: Operation,
    summary: Summary,
    skipped_sample: &[JobOutcome],
    notified: i64,
) -> CliResult<ExitStatus> {
    let view = RunReport {
        summary: &summary,
        past: op.past_tense(),
        skipped_sample,
        notified,
    };
    printer.emit_with(&summary, &view)?;
    Ok(match summary.exit {
        0 => ExitStatus::Success,
        1 => ExitStatus::Attention,
        _ => ExitStatus::Failed,
    })
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
            return Err(CliError::usage("give job ids or filters, not both"));
        }
        return Ok(Targets::Ids(ids));
    }
    if filter.is_empty() && !args.all {
        return Err(CliError::usage(format!(
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
        } else if op == Operation::Discard && refused == ["executing"] {
            "an executing job can only be cancelled: Oban's node answers the kill signal by writing \
             it `cancelled`, so a discard could not keep its word; use `obanctl jobs cancel`"
                .to_string()
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
        )
        .code("wrong_state"));
    }
    if filter.states.is_empty() {
        filter.states = allowed.to_vec();
    }
    // Retry repairs an available job only when it is stranded (no attempt left).
    filter.available_only_stranded = op == Operation::Retry;
    Ok(Targets::Filter(filter))
}

fn sample_of(rows: Vec<job_queries::JobRow>) -> Vec<PlanSample> {
    rows.into_iter()
        .map(|r| PlanSample {
            id: r.id,
            state: r.state,
            queue: r.queue,
            worker: r.worker,
            attempt: r.attempt,
            max_attempts: r.max_attempts,
        })
        .collect()
}

fn build_preview(
    conn: &mut diesel::pg::PgConnection,
    jobs: &JobsTable,
    request: &Request,
    targets: &Targets,
    allowed: &[JobState],
) -> CliResult<Preview> {
    let op = request.op;
    let max_id = job_queries::max_id(conn, jobs)?;
    let mut plan = Plan {
        operation: op.name().to_string(),
        dry_run: request.dry_run,
        matched: 0,
        matched_at_least: false,
        max: request.max,
        exceeds_max: false,
        by_state: BTreeMap::new(),
        change: op
            .describe_change(jobs.flavour == ObanFlavour::Python)
            .to_string(),
        sample: Vec::new(),
        skipped: Vec::new(),
        sends_pkill: false,
        notes: Vec::new(),
    };
    let mut eligible_ids = Vec::new();
    match targets {
        Targets::Ids(ids) => {
            let found: HashMap<i64, job_queries::IdDetail> =
                job_queries::details_of(conn, jobs, ids)?
                    .into_iter()
                    .map(|r| (r.id, r))
                    .collect();
            let mut executing_refused = 0;
            for id in ids {
                let refuse = |outcome, state: Option<&str>| JobOutcome {
                    id: *id,
                    before_state: state.map(str::to_string),
                    after_state: state.map(str::to_string),
                    outcome,
                    audit_id: None,
                };
                match found.get(id) {
                    None => plan.skipped.push(refuse(Outcome::NotFound, None)),
                    Some(d)
                        if allowed.iter().any(|a| a.as_str() == d.state)
                            && (d.state != "available" || op != Operation::Retry || d.stranded) =>
                    {
                        *plan.by_state.entry(d.state.clone()).or_default() += 1;
                        eligible_ids.push(IdState {
                            id: *id,
                            state: d.state.clone(),
                        });
                    }
                    Some(d) => {
                        if d.state == "executing" && op == Operation::Discard {
                            executing_refused += 1;
                        }
                        plan.skipped
                            .push(refuse(Outcome::WrongState, Some(&d.state)));
                    }
                }
            }
            if executing_refused > 0 {
                plan.notes.push(format!(
                    "{} left alone: an executing job can only be cancelled (`obanctl jobs cancel`).",
                    fmt::count(executing_refused, "executing job")
                ));
            }
            plan.matched = eligible_ids.len() as i64;
            let sample_filter = JobFilter {
                ids: eligible_ids
                    .iter()
                    .take(SAMPLE_SIZE as usize)
                    .map(|s| s.id)
                    .collect(),
                ..Default::default()
            };
            if !sample_filter.ids.is_empty() {
                plan.sample = sample_of(job_queries::list(
                    conn,
                    jobs,
                    &sample_filter,
                    None,
                    SAMPLE_SIZE,
                )?);
            }
        }
        Targets::Filter(filter) => {
            let counts =
                job_queries::bounded_state_counts(conn, jobs, filter, max_id, request.max + 1)?;
            plan.by_state = counts.into_iter().map(|c| (c.state, c.n)).collect();
            plan.matched = plan.by_state.values().sum();
            if plan.matched > request.max {
                // Say how many really match (bounded), not just "more than --max".
                let limit = OVER_MAX_COUNT_LIMIT.max(request.max.saturating_add(1));
                let counts = job_queries::bounded_state_counts(conn, jobs, filter, max_id, limit)?;
                plan.by_state = counts.into_iter().map(|c| (c.state, c.n)).collect();
                plan.matched = plan.by_state.values().sum();
                plan.matched_at_least = plan.matched >= limit;
            }
            plan.sample = sample_of(job_queries::list(conn, jobs, filter, None, SAMPLE_SIZE)?);
        }
    }
    if let Some(stranded) = plan.by_state.get("available") {
        plan.notes.push(format!(
            "{} stranded: available with no attempt left, so Oban never runs {}; retry gives {} one more attempt.",
            fmt::count(*stranded, "job is|jobs are"),
            if *stranded == 1 { "it" } else { "them" },
            if *stranded == 1 { "it" } else { "each" },
        ));
    }
    plan.exceeds_max = plan.matched > request.max;
    plan.sends_pkill = op == Operation::Cancel && plan.by_state.contains_key("executing");
    Ok(Preview {
        plan,
        eligible_ids,
        max_id,
    })
}

/// Outcomes for one batch, from the rows the update changed and what the others look like now.
fn classify(
    conn: &mut diesel::pg::PgConnection,
    jobs: &JobsTable,
    seen: &[IdState],
    changed: &[job_queries::Changed],
) -> CliResult<Vec<JobOutcome>> {
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
            Some(c) => JobOutcome {
                id: s.id,
                before_state: Some(c.before_state.clone()),
                after_state: Some(c.after_state.clone()),
                outcome: Outcome::Ok,
                audit_id: Some(c.audit_id),
            },
            None => {
                let current = now.get(&s.id);
                let parse = |text: &String| text.parse::<JobState>().ok();
                let seen_state = parse(&s.state).unwrap_or(JobState::Available);
                JobOutcome {
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

/// The run's `cli.bulk_operation` row: the selection (filter values through the redaction
/// policy, so a secret given as a filter is never stored in clear), the summary, timings.
#[allow(clippy::too_many_arguments)]
fn write_summary(
    db: &Database,
    ctx: &RunContext,
    op: Operation,
    targets: &Targets,
    reason: &str,
    summary: &Summary,
    batches: u64,
    elapsed: Duration,
    settings: &Settings,
    plan_hash: &str,
) -> CliResult<i64> {
    let redactor = Redactor::new(&settings.redact);
    let selection = match targets {
        Targets::Ids(ids) => {
            json!({"ids": ids.len(), "first_ids": ids.iter().take(20).collect::<Vec<_>>()})
        }
        Targets::Filter(filter) => json!({
            "states": filter.states,
            "queues": filter.queues,
            "workers": filter.workers,
            "tags": filter.tags,
            "args": redactor.apply(&Value::Object(filter.args.clone())),
            "meta": redactor.apply(&Value::Object(filter.meta.clone())),
            "since": filter.since.as_ref().and_then(TimeBound::fixed).map(crate::output::time::rfc3339),
            "until": filter.until.as_ref().and_then(TimeBound::fixed).map(crate::output::time::rfc3339),
            "error_contains": filter.error_contains,
            "error_signature": filter.error_signature,
        }),
    };
    let mut metadata = serde_json::Map::new();
    metadata.insert("operation".into(), json!(op.name()));
    metadata.insert("reason".into(), json!(reason));
    metadata.insert("selection".into(), selection);
    metadata.insert("matched".into(), json!(summary.matched));
    metadata.insert("changed".into(), json!(summary.changed));
    metadata.insert("skipped".into(), json!(summary.skipped_total()));
    metadata.insert("outcomes".into(), json!(summary.skipped));
    metadata.insert("batches".into(), json!(batches));
    metadata.insert("interrupted".into(), json!(summary.interrupted));
    metadata.insert("elapsed_ms".into(), json!(elapsed.as_millis() as u64));
    metadata.insert(
        "result".into(),
        json!(if summary.interrupted {
            "interrupted"
        } else {
            "ok"
        }),
    );
    metadata.insert("preview_token".into(), json!(ctx.operation_id.to_string()));
    metadata.insert("plan_hash".into(), json!(plan_hash));
    db.write(|conn| audit::record_bulk_operation(conn, db.powertools_schema(), ctx, metadata))
}
