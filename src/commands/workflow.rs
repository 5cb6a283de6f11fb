//! `obanctl workflow list|inspect`.

use std::fmt::Write;

use serde_json::{json, Value};

use crate::cli::{WorkflowCommand, WorkflowInspectArgs, WorkflowListArgs};
use crate::db::catalog;
use crate::db::workflow::{Tables, WorkflowRow};
use crate::db::Database;
use crate::error::{CliError, CliResult, ExitStatus};
use crate::jobs::filter::check_length;
use crate::printer::Printer;
use crate::settings::Settings;
use crate::workflow::{
    operator_status, workflow_actions, Edge, Graph, Problem, Step, WorkflowHead,
};

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

fn head(row: &WorkflowRow) -> WorkflowHead {
    WorkflowHead {
        state: row.state.clone(),
        terminal_cause: row.terminal_cause.clone(),
        cancel_requested: row.cancel_requested,
    }
}

fn list(settings: &Settings, printer: &Printer, args: WorkflowListArgs) -> CliResult<ExitStatus> {
    for state in &args.states {
        check_length("--state", state).map_err(CliError::usage)?;
    }
    let (db, tables) = open(settings, printer)?;
    let rows = db.read(|conn| tables.list(conn, &args.states, args.limit))?;
    if printer.is_json() {
        for row in &rows {
            let mut doc = json!(row);
            doc["status"] = json!(operator_status(&head(row)));
            printer.legacy_json(&doc)?;
        }
        return Ok(ExitStatus::Success);
    }
    if rows.is_empty() {
        printer.status("No workflows match.");
        return Ok(ExitStatus::Success);
    }
    let mut table = printer.table(&[
        "id",
        "name",
        "status",
        "steps",
        "done",
        "failed",
        "cancelled",
        "created",
    ]);
    for row in &rows {
        table.add_row(vec![
            row.id.clone(),
            row.name.clone(),
            operator_status(&head(row)),
            row.step_count.to_string(),
            row.completed_step_count.to_string(),
            row.failed_step_count.to_string(),
            row.cancelled_step_count.to_string(),
            row.inserted_at.format("%Y-%m-%d %H:%M:%S").to_string(),
        ]);
    }
    printer.print_table(&table)?;
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
            return Ok(None);
        };
        let steps = tables.steps(conn, &row.id)?;
        let edges = tables.edges(conn, &row.id)?;
        let evidence = tables.evidence(conn, &row.id)?;
        Ok(Some((row, steps, edges, evidence)))
    })?;
    let Some((row, step_rows, edge_rows, evidence)) = loaded else {
        return Err(CliError::refused_with_hint(
            format!("no workflow with id or name `{}`", args.workflow),
            "`obanctl workflow list` shows recent workflows",
        ));
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
    let wf_actions = workflow_actions(&wf_head);
    if printer.is_json() {
        let step_docs: Vec<Value> = graph
            .steps
            .iter()
            .map(|s| {
                json!({
                    "id": s.id, "name": s.name, "state": s.state, "attempt": s.attempt, "position": s.position,
                    "worker": s.worker, "terminal_cause": s.terminal_cause, "blocker_codes": s.blocker_codes,
                    "diagnosis": graph.diagnosis(s), "waits_for": graph.waits_for(s),
                    "legal_actions": graph.step_actions(s),
                    "parents": graph.parents_of(s).iter().map(|(p, policy)| json!({"step": p.name, "policy": policy})).collect::<Vec<_>>(),
                })
            })
            .collect();
        printer.legacy_json(&json!({
            "workflow": row,
            "status": operator_status(&wf_head),
            "semantics": if row.semantics_version >= 2 { "v2 (current contract)".to_string() } else { format!("legacy_v{} (compatibility path)", row.semantics_version) },
            "legal_actions": wf_actions,
            "steps": step_docs,
            "problems": graph.problems,
            "evidence": evidence,
        }))?;
        return Ok(ExitStatus::Success);
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "Workflow {} ({})\nstatus: {}; {} steps: {} completed, {} failed, {} cancelled, {} runnable",
        row.name,
        row.id,
        operator_status(&wf_head),
        row.step_count,
        row.completed_step_count,
        row.failed_step_count,
        row.cancelled_step_count,
        row.runnable_step_count
    );
    let _ = writeln!(
        out,
        "legal next actions: {}\n",
        if wf_actions.is_empty() {
            "none (the workflow is finished or already cancelling)".to_string()
        } else {
            wf_actions.join(", ")
        }
    );
    let describe = |s: &Step| {
        let mut line = format!("{} [{}] attempt {}", s.name, s.state, s.attempt);
        if let Some(cause) = &s.terminal_cause {
            let _ = write!(line, " · cause {cause}");
        }
        let waits = graph.waits_for(s);
        if !waits.is_empty() {
            let _ = write!(line, " · waits for {}", waits.join(", "));
        }
        if let Some(diagnosis) = graph
            .diagnosis(s)
            .filter(|d| Some(d) != s.terminal_cause.as_ref())
        {
            let _ = write!(line, " · {diagnosis}");
        }
        let actions = graph.step_actions(s);
        if !actions.is_empty() {
            let _ = write!(line, " · actions: {}", actions.join(", "));
        }
        line
    };
    out.push_str(&graph.render_tree(&describe));
    for problem in &graph.problems {
        let _ = match problem {
            Problem::DanglingEdge { from, to } => writeln!(
                out,
                "problem: an edge from {from} to {to} names a step that does not exist"
            ),
            Problem::Cycle { steps } => writeln!(
                out,
                "problem: these steps depend on each other in a cycle: {}",
                steps.join(", ")
            ),
        };
    }
    for (key, title) in [
        ("open_awaits", "open awaits"),
        ("unconsumed_signals", "signals not consumed"),
        ("recovery_sessions", "recovery sessions"),
        ("recent_rejections", "recent rejected commands"),
        ("callbacks", "callbacks by status"),
    ] {
        let rows = evidence[key].as_array().cloned().unwrap_or_default();
        if !rows.is_empty() {
            let _ = writeln!(out, "\n{title}:");
            for r in rows {
                let _ = writeln!(out, "  {r}");
            }
        }
    }
    printer.text_block(&out)?;
    Ok(ExitStatus::Success)
}
