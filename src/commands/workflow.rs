//! `obanctl workflow list|inspect`.

use std::collections::HashMap;

use crate::cli::{WorkflowCommand, WorkflowInspectArgs, WorkflowListArgs};
use crate::cron::closest_names;
use crate::db::catalog;
use crate::db::workflow::Tables;
use crate::db::Database;
use crate::error::{CliError, CliResult, ExitStatus};
use crate::jobs::filter::check_length;
use crate::printer::Printer;
use crate::report::workflow::{
    head, StateCount, WorkflowInspect, WorkflowList, WorkflowRecord, WorkflowStepRecord,
};
use crate::settings::Settings;
use crate::workflow::{state_counts, Edge, Graph, Step, WORKFLOW_STATES};

pub fn run(
    settings: &Settings,
    printer: &Printer,
    command: WorkflowCommand,
) -> CliResult<ExitStatus> {
    match command {
        WorkflowCommand::List(args) => list(settings, printer, args),
        WorkflowCommand::Inspect(args) => inspect(settings, printer, args),
    }
}

fn open(settings: &Settings, printer: &Printer) -> CliResult<(Database, Tables)> {
    let db = Database::connect(settings, printer)?;
    let schema = db.powertools_schema().to_string();
    db.read(|conn| catalog::require_powertools_table(conn, &schema, "oban_powertools_workflows"))?;
    Ok((db, Tables::new(&schema)))
}

/// `--state` values must be workflow states: a typo is a usage error, not an empty listing.
fn check_states(states: &[String]) -> CliResult<()> {
    for state in states {
        check_length("--state", state).map_err(CliError::usage)?;
        if !WORKFLOW_STATES.contains(&state.as_str()) {
            let names: Vec<String> = WORKFLOW_STATES.iter().map(|s| s.to_string()).collect();
            let close = closest_names(state, &names, 1);
            let mut err = CliError::usage(format!("--state `{state}` is not a workflow state"));
            if let Some(close) = close.first() {
                err = err.hint(format!("did you mean: {close}?"));
            }
            return Err(err.hint(format!("valid states: {}", WORKFLOW_STATES.join(", "))));
        }
    }
    Ok(())
}

fn list(settings: &Settings, printer: &Printer, args: WorkflowListArgs) -> CliResult<ExitStatus> {
    check_states(&args.states)?;
    let (db, tables) = open(settings, printer)?;
    let rows = db.read(|conn| tables.list(conn, &args.states, args.limit))?;
    let records: Vec<WorkflowRecord> = rows.iter().map(WorkflowRecord::from_row).collect();
    printer.emit_list(
        &records,
        &WorkflowList {
            workflows: &records,
        },
    )?;
    Ok(ExitStatus::Success)
}

fn inspect(
    settings: &Settings,
    printer: &Printer,
    args: WorkflowInspectArgs,
) -> CliResult<ExitStatus> {
    check_length("workflow", &args.workflow).map_err(CliError::usage)?;
    let (db, tables) = open(settings, printer)?;
    let loaded = db.read(|conn| {
        let Some(row) = tables.find(conn, &args.workflow)? else {
            return Ok(Err(tables.names(conn)?));
        };
        let steps = tables.steps(conn, &row.id)?;
        let edges = tables.edges(conn, &row.id)?;
        let evidence = tables.evidence(conn, &row.id)?;
        Ok(Ok((row, steps, edges, evidence)))
    })?;
    let (row, step_rows, edge_rows, evidence) = match loaded {
        Ok(found) => found,
        Err(names) => {
            let close = closest_names(&args.workflow, &names, 3);
            return Err(CliError::refused_with_hint(
                format!("no workflow with id or name `{}`", args.workflow),
                if close.is_empty() {
                    "`obanctl workflow list` shows recent workflows".to_string()
                } else {
                    format!("did you mean: {}?", close.join(", "))
                },
            ));
        }
    };
    let steps: Vec<Step> = step_rows
        .into_iter()
        .map(|s| Step {
            id: s.id,
            name: s.name,
            state: s.state,
            attempt: s.attempt,
            position: s.position,
            terminal_cause: s.terminal_cause,
            blocker_codes: s.blocker_codes,
            awaiting_signal_name: s.awaiting_signal_name,
            cancelled: s.cancelled,
            worker: s.worker,
        })
        .collect();
    let edges: Vec<Edge> = edge_rows
        .into_iter()
        .map(|e| Edge {
            from: e.from_id,
            to: e.to_id,
            policy: e.policy,
        })
        .collect();
    let graph = Graph::new(&steps, &edges);
    if args.dot {
        printer.text_block(&graph.to_dot(&row.name))?;
        return Ok(ExitStatus::Success);
    }
    let wf_head = head(&row);
    let mut record = WorkflowRecord::from_row(&row);
    record.steps_by_state = Some(
        state_counts(&steps)
            .into_iter()
            .map(|(state, count)| StateCount { state, count })
            .collect(),
    );
    record.problems = Some(graph.problems.clone());
    record.evidence = Some(evidence);
    let step_records: Vec<WorkflowStepRecord> = graph
        .steps
        .iter()
        .map(|s| WorkflowStepRecord::new(&row.id, &graph, &wf_head, s))
        .collect();
    if printer.is_json() {
        printer.json(&record)?;
        printer.json_all(&step_records)?;
        return Ok(ExitStatus::Success);
    }
    let by_id: HashMap<&str, &WorkflowStepRecord> =
        step_records.iter().map(|s| (s.id.as_str(), s)).collect();
    let tree = graph.render_tree(&|s: &Step| {
        by_id
            .get(s.id.as_str())
            .map(|r| r.describe())
            .unwrap_or_else(|| s.name.clone())
    });
    printer.doc(&crate::output::View::view(&WorkflowInspect {
        workflow: &record,
        steps: &step_records,
        tree,
    }))?;
    Ok(ExitStatus::Success)
}
