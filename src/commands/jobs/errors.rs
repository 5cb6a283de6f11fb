//! `jobs errors`: failing jobs grouped by worker and error signature ([`crate::triage`]), each
//! group with the `jobs retry` / `jobs discard` command that selects exactly its jobs.

use std::collections::HashMap;

use super::{build_filter, require_oban, unknown_name_hints};
use crate::cli::{JobFilterArgs, JobsErrorsArgs};
use crate::db::jobs::{self as job_queries, JobsTable};
use crate::db::Database;
use crate::error::{CliResult, ExitStatus};
use crate::jobs::filter::{JobFilter, TimeBound};
use crate::jobs::{JobState, Operation};
use crate::output::sanitize::is_unsafe;
use crate::output::{fmt, time, Line, Style};
use crate::printer::Printer;
use crate::redact::Redactor;
use crate::report::jobs::JobRecord;
use crate::report::triage::{ErrorGroup, ErrorGroupsView, ExampleError};
use crate::settings::Settings;
use crate::triage::{self, shell_quote, Group};

/// Ids listed per group.
const SAMPLE_IDS: usize = 5;
/// `jobs retry|discard` refuse more than this many jobs unless `--max` says otherwise.
const DEFAULT_MAX: i64 = 10_000;
const DEFAULT_SINCE: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

pub fn run(settings: &Settings, printer: &Printer, args: JobsErrorsArgs) -> CliResult<ExitStatus> {
    let mut filter = build_filter(&args.filter)?;
    if filter.states.is_empty() {
        filter.states = vec![JobState::Retryable, JobState::Discarded];
    }
    filter.states.sort();
    filter.states.dedup();
    if filter.since.is_none() {
        filter.since = Some(TimeBound::Ago(DEFAULT_SINCE));
    }
    let db = Database::connect(settings, printer)?;
    let redactor = Redactor::new(&settings.redact);
    let limit = args.limit as usize;
    let (scanned, groups, examples, filter, jobs) = db.read_snapshot(|conn| {
        let schema = require_oban(conn, db.prefix())?;
        let jobs = JobsTable::for_schema(db.prefix(), &schema);
        filter.freeze(crate::db::now(conn)?);
        let failures = crate::db::triage::newest_failures(conn, &jobs, &filter, args.scan)?;
        let groups = triage::group(&failures, SAMPLE_IDS);
        let mut examples = HashMap::new();
        for g in groups.iter().take(limit) {
            if let Some(row) = job_queries::get(conn, &jobs, g.example_id)? {
                examples.insert(
                    g.example_id,
                    JobRecord::from_row(&row, &redactor).latest_error,
                );
            }
        }
        Ok((failures.len() as i64, groups, examples, filter, jobs))
    })?;
    let bounded = scanned >= args.scan;
    if groups.is_empty() {
        printer.status("No failing jobs match.");
        for hint in db.read(|conn| unknown_name_hints(conn, &jobs, &filter))? {
            printer.status(Line::new().styled("hint: ", Style::Dim).push(hint));
        }
        return Ok(ExitStatus::Success);
    }
    let records: Vec<ErrorGroup> = groups
        .iter()
        .take(limit)
        .enumerate()
        .map(|(i, g)| {
            let (retry_command, discard_command) = commands(&args.filter, &filter, g, &redactor);
            ErrorGroup {
                rank: i + 1,
                worker: g.worker.clone(),
                signature: g.signature.clone(),
                count: g.count,
                count_at_least: bounded,
                by_state: g.by_state.clone(),
                first_failed_at: g.first_failed_at,
                last_failed_at: g.last_failed_at,
                attempt_min: g.attempt_min,
                attempt_max: g.attempt_max,
                sample_ids: g.sample_ids.clone(),
                example: ExampleError {
                    job_id: g.example_id,
                    entry: examples.get(&g.example_id).cloned().flatten(),
                },
                retry_command,
                discard_command,
            }
        })
        .collect();
    let view = ErrorGroupsView {
        groups: &records,
        scanned,
        bounded,
        more_groups: groups.len().saturating_sub(limit),
    };
    printer.emit_list(&records, &view)?;
    if bounded && printer.is_json() {
        printer.warning(format!(
            "read the newest {} failing jobs (the --scan bound); older failures are not counted",
            fmt::number(args.scan)
        ));
    }
    Ok(ExitStatus::Success)
}

/// The `jobs retry` and `jobs discard` command lines selecting exactly `group`: the same filter
/// (time bounds frozen to absolute times), the group's worker and signature, and the group's
/// states each operation accepts. None where no command can say it exactly (ids given, a worker
/// name a terminal cannot show as it is) or where no state of the group is accepted.
fn commands(
    args: &JobFilterArgs,
    filter: &JobFilter,
    group: &Group,
    redactor: &Redactor,
) -> (Option<String>, Option<String>) {
    if !filter.ids.is_empty() || group.worker.chars().any(is_unsafe) {
        return (None, None);
    }
    let mut common: Vec<String> = vec![
        "--worker".into(),
        shell_quote(&group.worker),
        "--error-signature".into(),
        shell_quote(&group.signature),
    ];
    let mut flag = |name: &str, value: &str| {
        common.push(name.to_string());
        common.push(shell_quote(value));
    };
    for queue in &filter.queues {
        flag("--queue", queue);
    }
    for tag in &filter.tags {
        flag("--tag", tag);
    }
    for (name, pairs) in [("--args", &args.args), ("--meta", &args.meta)] {
        for pair in pairs {
            let shown = match pair.split_once('=') {
                Some((key, value)) => redactor.pair(key, value),
                None => pair.clone(),
            };
            flag(name, &shown);
        }
    }
    if let Some(text) = &filter.error_contains {
        flag("--error-contains", text);
    }
    for (name, bound) in [("--since", &filter.since), ("--until", &filter.until)] {
        if let Some(at) = bound.as_ref().and_then(TimeBound::fixed) {
            flag(name, &time::rfc3339(at));
        }
    }
    let command = |op: Operation| -> Option<String> {
        let allowed = op.allowed_states(false);
        let states: Vec<&str> = group
            .by_state
            .keys()
            .filter(|s| allowed.iter().any(|a| a.as_str() == s.as_str()))
            .map(String::as_str)
            .collect();
        if states.is_empty() {
            return None;
        }
        let mut words = vec![
            "obanctl".to_string(),
            "jobs".into(),
            op.verb().into(),
            "--state".into(),
            states.join(","),
        ];
        words.extend(common.iter().cloned());
        let n: i64 = states.iter().map(|s| group.by_state[*s]).sum();
        // A floor (the scan stopped early) may be exceeded: the run then refuses and says so.
        if n > DEFAULT_MAX {
            words.push("--max".into());
            words.push(n.max(DEFAULT_MAX).to_string());
        }
        Some(words.join(" "))
    };
    (command(Operation::Retry), command(Operation::Discard))
}
