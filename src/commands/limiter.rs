//! `obanctl limiter explain|simulate`: read-only views over the limiter tables, judged by the pure
//! functions in [`crate::limiter`].

use chrono::NaiveDateTime;
use serde_json::{json, Value};

use crate::cli::{LimiterCommand, LimiterExplainArgs, LimiterSimulateArgs};
use crate::cron::closest_names;
use crate::db::limiter::{Resource, State, Tables};
use crate::db::{catalog, Database};
use crate::error::{CliError, CliResult, ExitStatus};
use crate::jobs::filter::TimeBound;
use crate::limiter::{judge, simulate, Blocker, Bucket, Judgement, PartitionState};
use crate::output::Style;
use crate::printer::Printer;
use crate::settings::Settings;

const GLOBAL: &str = "__global__";

pub fn run(
    settings: &Settings,
    printer: &Printer,
    command: LimiterCommand,
) -> CliResult<ExitStatus> {
    match command {
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

fn partition_state(state: &State) -> PartitionState {
    PartitionState {
        tokens_used: state.tokens_used as i64,
        window_started_at: state.bucket_started_at,
        cooldown_until: state.cooldown_until,
        cooldown_reason: state.cooldown_reason.clone(),
    }
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
    let resolver = resource.partition_config["resolver"].as_str().unwrap_or("");
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

fn blocker_text(blocker: &Blocker) -> String {
    match blocker {
        Blocker::Cooldown { until, reason } => format!(
            "cooldown until {}{}",
            until.format("%Y-%m-%d %H:%M:%S%.3f"),
            reason.as_deref().map(|r| format!(" ({r})")).unwrap_or_default()
        ),
        Blocker::LimitReached { capacity, used, weight, clears_at } => match clears_at {
            Some(at) => format!(
                "limit_reached: {used} of {capacity} tokens used, weight {weight} does not fit; clears when the window ends at {}",
                at.format("%Y-%m-%d %H:%M:%S%.3f")
            ),
            None => format!("limit_reached: weight {weight} exceeds capacity {capacity}; never admissible"),
        },
    }
}

fn judgement_json(partition: &str, stored: Option<&State>, j: &Judgement) -> Value {
    json!({
        "partition": partition,
        "status": if j.runnable() { "runnable" } else { "blocked" },
        "tokens_used": j.state.tokens_used,
        "stored_tokens_used": stored.map(|s| s.tokens_used),
        "remaining": j.remaining,
        "window_started_at": j.state.window_started_at,
        "window_ends_at": j.window_ends_at,
        "window_expired": j.window_expired,
        "cooldown_until": j.state.cooldown_until,
        "cooldown_reason": j.state.cooldown_reason,
        "last_reserved_at": stored.and_then(|s| s.last_reserved_at),
        "blockers": j.blockers,
        "eligible_at": j.eligible_at,
        "never": j.eligible_at.is_none(),
    })
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
    let (resource, states, snapshot, now, partition) = db.read(|conn| {
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
        let snapshot = tables.latest_snapshot(conn, &resource.name)?;
        Ok((resource, states, snapshot, crate::db::now(conn)?, partition))
    })?;
    let weight = args.weight.unwrap_or(resource.default_weight as i64);
    let bucket = bucket(&resource);
    // A partition without a row has never been charged: it is an empty window starting now.
    let judged: Vec<(String, Option<&State>, Judgement)> = match (&partition, states.is_empty()) {
        (Some(p), true) => vec![(
            p.clone(),
            None,
            judge(&PartitionState::empty(now), bucket, weight, now),
        )],
        _ => states
            .iter()
            .map(|s| {
                (
                    s.partition_key.clone(),
                    Some(s),
                    judge(&partition_state(s), bucket, weight, now),
                )
            })
            .collect(),
    };
    let blocked = judged.iter().any(|(_, _, j)| !j.runnable());
    let doc = json!({
        "schema_version": 1,
        "resource": resource.name,
        "scope": resource.scope_kind,
        "capacity": resource.bucket_capacity,
        "span_ms": resource.bucket_span_ms,
        "weight": weight,
        "now": now,
        "status": if blocked { "blocked" } else { "runnable" },
        "partitions": judged.iter().map(|(p, s, j)| judgement_json(p, *s, j)).collect::<Vec<_>>(),
        "evidence": snapshot.as_ref().map(|s| json!({"captured_at": s.captured_at, "blocker_codes": s.blocker_codes, "partition": s.partition_key})),
    });
    if printer.is_json() {
        printer.legacy_json(&doc)?;
    } else {
        print_explanation(printer, &resource, weight, now, &judged, snapshot.as_ref())?;
    }
    Ok(if blocked {
        ExitStatus::Attention
    } else {
        ExitStatus::Success
    })
}

fn fmt(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M:%S%.3f").to_string()
}

fn print_explanation(
    printer: &Printer,
    resource: &Resource,
    weight: i64,
    now: NaiveDateTime,
    judged: &[(String, Option<&State>, Judgement)],
    snapshot: Option<&crate::db::limiter::Snapshot>,
) -> CliResult<()> {
    printer.line(format!(
        "Limiter {} ({}, capacity {} per {} ms; judging a request of weight {weight} at {} UTC)",
        resource.name,
        resource.scope_kind,
        resource.bucket_capacity,
        resource.bucket_span_ms,
        fmt(now)
    ))?;
    if judged.is_empty() {
        printer.line(
            "No partition has been charged yet: every request within capacity is runnable.",
        )?;
        return Ok(());
    }
    let mut table = printer.table(&[
        "partition",
        "status",
        "used",
        "remaining",
        "window start",
        "window end",
        "eligible at",
    ]);
    for (partition, _, j) in judged {
        let status = if j.runnable() {
            printer.paint_out("runnable", Style::Good)
        } else {
            printer.paint_out("blocked", Style::Bad)
        };
        table.add_row(vec![
            partition.clone(),
            status,
            format!("{} of {}", j.state.tokens_used, resource.bucket_capacity),
            j.remaining.to_string(),
            fmt(j.state.window_started_at),
            fmt(j.window_ends_at),
            j.eligible_at.map(fmt).unwrap_or_else(|| "never".into()),
        ]);
    }
    printer.print_table(&table)?;
    for (partition, stored, j) in judged {
        for blocker in &j.blockers {
            printer.line(format!("  {partition}: {}", blocker_text(blocker)))?;
        }
        if let (true, Some(stored)) = (j.window_expired, stored) {
            printer.line(format!(
                "  {partition}: the stored window ended at {}; its counter ({}) is stale and counts as 0",
                fmt(stored.bucket_started_at + chrono::Duration::milliseconds(resource.bucket_span_ms)),
                stored.tokens_used
            ))?;
        }
    }
    if let Some(s) = snapshot {
        printer.status(format!(
            "Last blocked enqueue recorded {} ({}, partition {}).",
            fmt(s.captured_at),
            s.blocker_codes.join(", "),
            s.partition_key.as_deref().unwrap_or("?")
        ));
    }
    Ok(())
}

fn simulate_cmd(
    settings: &Settings,
    printer: &Printer,
    args: LimiterSimulateArgs,
) -> CliResult<ExitStatus> {
    if args.interval < 0 {
        return Err(CliError::usage("--interval must not be negative"));
    }
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
    let start = match (&state, args.fresh) {
        (Some(s), false) => partition_state(s),
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
    if printer.is_json() {
        printer.legacy_json(&json!({
            "schema_version": 1,
            "resource": resource.name,
            "partition": partition,
            "capacity": resource.bucket_capacity,
            "span_ms": resource.bucket_span_ms,
            "weight": weight,
            "interval_ms": args.interval,
            "start": start,
            "from_live_state": state.is_some() && !args.fresh,
            "steps": steps,
        }))?;
        return Ok(ExitStatus::Success);
    }
    printer.line(format!(
        "Simulating {} requests of weight {weight}, {} ms apart, on {} partition {partition} (capacity {} per {} ms), from {}:",
        args.requests,
        args.interval,
        resource.name,
        resource.bucket_capacity,
        resource.bucket_span_ms,
        if state.is_some() && !args.fresh { "its live state" } else { "an empty window" }
    ))?;
    let mut table = printer.table(&["request", "at", "verdict", "tokens used", "note"]);
    for step in &steps {
        let mut notes: Vec<String> = step.blockers.iter().map(blocker_text).collect();
        if step.window_reset {
            notes.insert(0, "new window".into());
        }
        table.add_row(vec![
            step.request.to_string(),
            fmt(step.at),
            if step.reserved {
                printer.paint_out("reserved", Style::Good)
            } else {
                printer.paint_out("blocked", Style::Bad)
            },
            format!("{} of {}", step.tokens_used, resource.bucket_capacity),
            notes.join("; "),
        ]);
    }
    printer.print_table(&table)?;
    printer.status("A preview only: nothing was written.");
    Ok(ExitStatus::Success)
}
