//! `obanctl limiter list|explain|simulate`: read-only views over the limiter tables, judged by
//! the pure functions in [`crate::limiter`].

use chrono::NaiveDateTime;
use serde_json::Value;

use crate::cli::{LimiterCommand, LimiterExplainArgs, LimiterSimulateArgs};
use crate::cron::closest_names;
use crate::db::limiter::{Resource, State, Tables};
use crate::db::{catalog, Database};
use crate::decode::Timestamp;
use crate::error::{CliError, CliResult, ExitStatus};
use crate::jobs::filter::TimeBound;
use crate::limiter::{judge, settings_problems, simulate, Bucket, PartitionState, SettingsProblem};
use crate::printer::Printer;
use crate::report::limiter::{
    ts, BlockerRecord, Evidence, LimiterExplain, LimiterList, LimiterRecord, LimiterSimulation,
    PartitionRecord, PartitionStatus, StartState, StepRecord,
};
use crate::settings::Settings;

const GLOBAL: &str = "__global__";

pub fn run(
    settings: &Settings,
    printer: &Printer,
    command: LimiterCommand,
) -> CliResult<ExitStatus> {
    match command {
        LimiterCommand::List => list(settings, printer),
        LimiterCommand::Explain(args) => explain(settings, printer, args),
        LimiterCommand::Simulate(args) => simulate_cmd(settings, printer, args),
    }
}

fn bucket(resource: &Resource) -> Bucket {
    Bucket {
        capacity: resource.bucket_capacity as i64,
        span_ms: resource.bucket_span_ms,
    }
}

fn problems(resource: &Resource) -> Vec<SettingsProblem> {
    settings_problems(bucket(resource), resource.default_weight as i64)
}

/// A stored time as the maths takes it: infinities and far values become the ends of time.
fn clamp(at: Timestamp) -> Option<NaiveDateTime> {
    match at {
        Timestamp::At(at) => Some(at),
        Timestamp::Infinity => Some(NaiveDateTime::MAX),
        Timestamp::OutOfRange(micros) if micros > 0 => Some(NaiveDateTime::MAX),
        Timestamp::NegInfinity | Timestamp::OutOfRange(_) => None,
    }
}

/// The stored state as the maths takes it, or why it cannot be judged.
fn partition_state(state: &State) -> Result<PartitionState, String> {
    let Timestamp::At(started) = state.bucket_started_at else {
        return Err(format!(
            "the stored window start is {}; the counter cannot be judged",
            state.bucket_started_at
        ));
    };
    if state.tokens_used < 0 {
        return Err(format!(
            "the stored tokens_used is negative ({}); the library never writes that",
            state.tokens_used
        ));
    }
    Ok(PartitionState {
        tokens_used: state.tokens_used as i64,
        window_started_at: started,
        cooldown_until: state.cooldown_until.and_then(clamp),
        cooldown_reason: state.cooldown_reason.clone(),
    })
}

fn not_found(name: &str, names: &[String]) -> CliError {
    let close = closest_names(name, names, 3);
    CliError::refused_with_hint(
        format!("no limiter named `{name}` (limiters appear after their first reservation)"),
        if close.is_empty() {
            format!(
                "known limiters: {}",
                if names.is_empty() {
                    "none".into()
                } else {
                    names.join(", ")
                }
            )
        } else {
            format!("did you mean: {}?", close.join(", "))
        },
    )
}

/// The partition named by `args:<field>` in the resolver, looked up in the job args by string key.
fn partition_from_args(resource: &Resource, args: &Value) -> CliResult<String> {
    if resource.partition_strategy != "partitioned" {
        return Ok(GLOBAL.into());
    }
    let resolver = resource
        .partition_config
        .value()
        .and_then(|c| c.get("resolver"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let Some(field) = resolver.strip_prefix("args:") else {
        return Err(CliError::refused_with_hint(
            format!("limiter `{}` resolves partitions with `{resolver}`, which only the application can run", resource.name),
            "pass --partition KEY",
        ));
    };
    match &args[field] {
        Value::String(s) => Ok(s.clone()),
        Value::Null => Err(CliError::usage(format!(
            "--args has no `{field}`, which this limiter partitions by"
        ))),
        other => Ok(other.to_string()),
    }
}

fn list(settings: &Settings, printer: &Printer) -> CliResult<ExitStatus> {
    let db = Database::connect(settings, printer)?;
    let tables = Tables::new(db.powertools_schema());
    let rows = db.read(|conn| {
        catalog::require_powertools_table(
            conn,
            db.powertools_schema(),
            "oban_powertools_limit_resources",
        )?;
        tables.list(conn)
    })?;
    let records: Vec<LimiterRecord> = rows
        .iter()
        .map(|row| LimiterRecord {
            name: row.resource.name.clone(),
            scope: row.resource.scope_kind.clone(),
            capacity: row.resource.bucket_capacity as i64,
            span_ms: row.resource.bucket_span_ms,
            default_weight: row.resource.default_weight as i64,
            partition_strategy: row.resource.partition_strategy.clone(),
            partitions: row.partitions,
            last_reserved_at: row.last_reserved_at,
            settings_problems: problems(&row.resource),
        })
        .collect();
    printer.emit_list(&records, &LimiterList { limiters: &records })?;
    Ok(if records.iter().any(|r| !r.settings_problems.is_empty()) {
        ExitStatus::Attention
    } else {
        ExitStatus::Success
    })
}

/// One partition judged (or reported as unjudgeable).
fn judge_partition(
    key: &str,
    stored: Option<&State>,
    resource: &Resource,
    weight: i64,
    now: NaiveDateTime,
    invalid_settings: bool,
) -> PartitionRecord {
    let mut record = PartitionRecord {
        partition: key.to_string(),
        seen: stored.is_some(),
        status: PartitionStatus::InvalidSettings,
        stored_tokens_used: stored.map(|s| s.tokens_used as i64),
        stored_window_started_at: stored.map(|s| s.bucket_started_at),
        last_reserved_at: stored.and_then(|s| s.last_reserved_at),
        cooldown_until: stored.and_then(|s| s.cooldown_until),
        cooldown_reason: stored.and_then(|s| s.cooldown_reason.clone()),
        tokens_used: None,
        remaining: None,
        window_started_at: None,
        window_ends_at: None,
        window_expired: None,
        blockers: Vec::new(),
        eligible_at: None,
        never: false,
        notes: Vec::new(),
    };
    if invalid_settings {
        return record;
    }
    let state = match stored.map(partition_state) {
        None => PartitionState::empty(now),
        Some(Ok(state)) => state,
        Some(Err(why)) => {
            record.status = PartitionStatus::InvalidState;
            record.notes.push(why);
            return record;
        }
    };
    let bucket = bucket(resource);
    let j = judge(&state, bucket, weight, now);
    record.status = if j.runnable() {
        PartitionStatus::Runnable
    } else {
        PartitionStatus::Blocked
    };
    record.tokens_used = Some(j.state.tokens_used);
    record.remaining = Some(j.remaining);
    record.window_started_at = Some(ts(j.state.window_started_at));
    record.window_ends_at = Some(ts(j.window_ends_at));
    record.window_expired = Some(j.window_expired);
    record.blockers = j.blockers.iter().map(BlockerRecord::from_blocker).collect();
    record.eligible_at = j.eligible_at.map(ts);
    record.never = j.eligible_at.is_none();
    if let (true, Some(stored)) = (j.window_expired, stored) {
        record.notes.push(format!(
            "the stored window ended at {}; its counter ({}) is stale and counts as 0",
            ts(crate::limiter::add_ms(
                state.window_started_at,
                resource.bucket_span_ms
            )),
            stored.tokens_used
        ));
    }
    record
}

fn explain(
    settings: &Settings,
    printer: &Printer,
    args: LimiterExplainArgs,
) -> CliResult<ExitStatus> {
    let job_args: Option<Value> = match &args.args {
        Some(text) => {
            let value: Value = serde_json::from_str(text)
                .map_err(|e| CliError::usage(format!("--args is not JSON: {e}")))?;
            if !value.is_object() {
                return Err(CliError::usage(
                    "--args must be a JSON object, e.g. '{\"account_id\": 7}'",
                ));
            }
            Some(value)
        }
        None => None,
    };
    let db = Database::connect(settings, printer)?;
    let tables = Tables::new(db.powertools_schema());
    let (resource, states, snapshot, now, partition, known_partitions) = db.read(|conn| {
        catalog::require_powertools_table(
            conn,
            db.powertools_schema(),
            "oban_powertools_limit_resources",
        )?;
        let resource = match (&args.resource, &args.worker) {
            (Some(name), _) => tables
                .by_name(conn, name)?
                .ok_or_else(|| not_found(name, &tables.names(conn).unwrap_or_default()))?,
            (None, Some(worker)) => {
                let mut found = tables.by_worker(conn, worker)?;
                match found.len() {
                    1 => found.remove(0),
                    0 => {
                        return Err(CliError::refused(format!(
                            "no limiter has recorded a reservation by worker `{worker}`"
                        )))
                    }
                    _ => {
                        let names: Vec<String> = found.iter().map(|r| r.name.clone()).collect();
                        return Err(CliError::refused_with_hint(
                            format!("worker `{worker}` has reserved on several limiters"),
                            format!("name one: {}", names.join(", ")),
                        ));
                    }
                }
            }
            (None, None) => return Err(CliError::usage("give a limiter name or --worker")),
        };
        let partition = match (&args.partition, &job_args) {
            (Some(p), _) => Some(p.clone()),
            (None, Some(job_args)) => Some(partition_from_args(&resource, job_args)?),
            (None, None) if resource.scope_kind != "partitioned" => Some(GLOBAL.to_string()),
            (None, None) => None,
        };
        let states = tables.states(conn, &resource, partition.as_deref())?;
        let known_partitions = if states.is_empty() && partition.is_some() {
            tables.partition_keys(conn, &resource)?
        } else {
            Vec::new()
        };
        let snapshot = tables.latest_snapshot(conn, &resource.name)?;
        Ok((
            resource,
            states,
            snapshot,
            crate::db::now(conn)?,
            partition,
            known_partitions,
        ))
    })?;
    let weight = args.weight.unwrap_or(resource.default_weight as i64);
    let settings_problems = problems(&resource);
    let invalid = !settings_problems.is_empty();
    // A partition without a row has never been charged: it is an empty window starting now.
    let mut partitions: Vec<PartitionRecord> = match (&partition, states.is_empty()) {
        (Some(p), true) => {
            let mut record = judge_partition(p, None, &resource, weight, now, invalid);
            if args.partition.is_some() || job_args.is_some() {
                let close = closest_names(p, &known_partitions, 3);
                let mut note = format!(
                    "partition `{p}` has never been seen (no state row): it is judged as an empty window"
                );
                if !close.is_empty() {
                    note.push_str(&format!("; did you mean: {}?", close.join(", ")));
                }
                record.notes.push(note);
            }
            vec![record]
        }
        _ => states
            .iter()
            .map(|s| judge_partition(&s.partition_key, Some(s), &resource, weight, now, invalid))
            .collect(),
    };
    partitions.sort_by(|a, b| a.partition.cmp(&b.partition));
    let status = if invalid {
        PartitionStatus::InvalidSettings
    } else if partitions
        .iter()
        .any(|p| p.status == PartitionStatus::Blocked)
    {
        PartitionStatus::Blocked
    } else if partitions
        .iter()
        .any(|p| p.status == PartitionStatus::InvalidState)
    {
        PartitionStatus::InvalidState
    } else {
        PartitionStatus::Runnable
    };
    let record = LimiterExplain {
        resource: resource.name.clone(),
        scope: resource.scope_kind.clone(),
        capacity: resource.bucket_capacity as i64,
        span_ms: resource.bucket_span_ms,
        weight,
        now,
        status,
        settings_problems,
        partitions,
        evidence: snapshot.map(|s| Evidence {
            captured_at: s.captured_at,
            blocker_codes: s.blocker_codes,
            partition: s.partition_key,
        }),
    };
    printer.emit(&record)?;
    Ok(if status == PartitionStatus::Runnable {
        ExitStatus::Success
    } else {
        ExitStatus::Attention
    })
}

fn simulate_cmd(
    settings: &Settings,
    printer: &Printer,
    args: LimiterSimulateArgs,
) -> CliResult<ExitStatus> {
    let start_at = match &args.now {
        Some(text) => {
            match TimeBound::parse(text).map_err(|e| CliError::usage(format!("--now: {e}")))? {
                TimeBound::At(at) => Some(at),
                TimeBound::Ago(_) => {
                    return Err(CliError::usage("--now takes a time, not a duration"))
                }
            }
        }
        None => None,
    };
    let partition = args.partition.clone().unwrap_or_else(|| GLOBAL.to_string());
    let db = Database::connect(settings, printer)?;
    let tables = Tables::new(db.powertools_schema());
    // Everything is read in one read-only transaction; the simulation itself is pure.
    let (resource, state, now) = db.read(|conn| {
        catalog::require_powertools_table(
            conn,
            db.powertools_schema(),
            "oban_powertools_limit_resources",
        )?;
        let resource = tables
            .by_name(conn, &args.resource)?
            .ok_or_else(|| not_found(&args.resource, &tables.names(conn).unwrap_or_default()))?;
        let state = tables
            .states(conn, &resource, Some(&partition))?
            .into_iter()
            .next();
        let now = match start_at {
            Some(at) => at,
            None => crate::db::now(conn)?,
        };
        Ok((resource, state, now))
    })?;
    let weight = args.weight.unwrap_or(resource.default_weight as i64);
    let settings_problems = problems(&resource);
    if !settings_problems.is_empty() {
        return Err(CliError::refused(format!(
            "invalid limiter settings for `{}`: {}; nothing to simulate",
            resource.name,
            settings_problems
                .iter()
                .map(|p| p.describe())
                .collect::<Vec<_>>()
                .join("; ")
        )));
    }
    let start = match (&state, args.fresh) {
        (Some(s), false) => partition_state(s).map_err(|why| {
            CliError::refused_with_hint(
                format!("partition `{partition}` of `{}`: {why}", resource.name),
                "pass --fresh to simulate from an empty window",
            )
        })?,
        _ => PartitionState::empty(now),
    };
    let steps = simulate(
        &start,
        bucket(&resource),
        weight,
        args.requests as usize,
        args.interval,
        now,
    );
    let steps: Vec<StepRecord> = steps.iter().map(StepRecord::from_step).collect();
    let record = LimiterSimulation {
        resource: resource.name.clone(),
        partition,
        capacity: resource.bucket_capacity as i64,
        span_ms: resource.bucket_span_ms,
        weight,
        interval_ms: args.interval,
        start: StartState {
            tokens_used: start.tokens_used,
            window_started_at: start.window_started_at,
            cooldown_until: start.cooldown_until.map(ts),
            cooldown_reason: start.cooldown_reason.clone(),
        },
        from_live_state: state.is_some() && !args.fresh,
        crosses_window_end: steps.iter().any(|s| s.window_reset),
        library_runtime_differs: steps.iter().any(|s| s.reserved != s.library_reserved),
        reserved: steps.iter().filter(|s| s.reserved).count() as i64,
        library_reserved: steps.iter().filter(|s| s.library_reserved).count() as i64,
        steps,
    };
    printer.emit(&record)?;
    printer.status("A preview only: nothing was written.");
    Ok(ExitStatus::Success)
}
