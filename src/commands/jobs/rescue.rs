//! `jobs rescue`: executing jobs whose node is dead (absent from every liveness source, or
//! missing there), or with `--stuck-after` executing for longer than a duration, go back to
//! `available` (or `discarded` with no attempt left) as Oban's Lifeline does. The liveness read
//! is [`crate::db::liveness::census`] judged by [`crate::liveness`]; the run is the one every job
//! mutation takes ([`super::mutate`]: preview, reason, actor, confirmation, batches, audit).

use std::collections::BTreeMap;

use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Bool, Nullable, Text};
use diesel::QueryableByName;
use diesel::RunQueryDsl;

use super::{build_filter, mutate, require_oban};
use crate::cli::JobsRescueArgs;
use crate::commands::guard;
use crate::db::bound_query;
use crate::db::jobs::JobsTable;
use crate::db::liveness::CensusRead;
use crate::db::Database;
use crate::error::{CliError, CliResult, ExitStatus};
use crate::jobs::filter::{Bind, JobFilter, Sql, TimeBound};
use crate::jobs::{JobState, Operation};
use crate::liveness::{Liveness, Verdict};
use crate::output::{fmt, Doc, Summary};
use crate::printer::Printer;
use crate::settings::Settings;

/// Executing jobs read to find their nodes.
const NODE_SCAN: i64 = 1_000_000;

/// How a node's jobs are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Judgement {
    /// Absent from every source that lists all nodes, or missing there: its jobs are orphans.
    Dead,
    /// Alive or late somewhere: its jobs are left alone (unless named with `--force`).
    Alive,
    /// Cannot be judged (no source lists every node, no node recorded, a bad timestamp).
    Unknown,
}

fn judge(census: &CensusRead, node: Option<&str>) -> Judgement {
    let Some(node) = node else {
        return Judgement::Unknown;
    };
    match census.census.verdict(node) {
        Verdict::Unseen | Verdict::Seen(Liveness::Missing) => Judgement::Dead,
        Verdict::Seen(Liveness::Alive | Liveness::Late) => Judgement::Alive,
        Verdict::Seen(Liveness::Unknown) | Verdict::Unknowable => Judgement::Unknown,
    }
}

fn sources(census: &CensusRead) -> String {
    let used: Vec<&str> = census
        .census
        .sources_used
        .iter()
        .map(|s| s.label())
        .collect();
    if used.is_empty() {
        "none".to_string()
    } else {
        used.join(", ")
    }
}

#[derive(QueryableByName)]
struct NodeCount {
    #[diesel(sql_type = Nullable<Text>)]
    node: Option<String>,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Nodes of the executing jobs `filter` matches (read from at most [`NODE_SCAN`] jobs).
fn executing_nodes(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    filter: &JobFilter,
) -> CliResult<Vec<NodeCount>> {
    let mut sql = Sql::default();
    let conditions = filter.conditions(&mut sql, &jobs.state_type);
    let cap = sql.bind(Bind::BigInt(NODE_SCAN));
    let text = format!(
        "SELECT s.node, count(*)::bigint AS n FROM \
           (SELECT j.attempted_by[1] AS node FROM {} j WHERE {conditions} LIMIT {cap}) s \
         GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10000",
        jobs.table
    );
    Ok(bound_query(&text, &sql.binds).load(conn)?)
}

#[derive(QueryableByName)]
struct Named {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Text)]
    state: String,
    #[diesel(sql_type = Nullable<Text>)]
    node: Option<String>,
    #[diesel(sql_type = Bool)]
    old: bool,
}

fn named_jobs(
    conn: &mut PgConnection,
    jobs: &JobsTable,
    ids: &[i64],
    stuck_after: Option<std::time::Duration>,
) -> CliResult<Vec<Named>> {
    let secs = stuck_after.map(|d| d.as_secs_f64()).unwrap_or(0.0);
    let text = format!(
        "SELECT j.id, j.state::text AS state, j.attempted_by[1] AS node, \
                coalesce(j.attempted_at < timezone('UTC', now()) - make_interval(secs => $2), false) AS old \
         FROM {} j WHERE j.id = ANY($1::bigint[])",
        jobs.table
    );
    Ok(diesel::sql_query(text)
        .bind::<diesel::sql_types::Array<BigInt>, _>(ids.to_vec())
        .bind::<diesel::sql_types::Double, _>(secs)
        .load(conn)?)
}

pub fn run(settings: &Settings, printer: &Printer, args: JobsRescueArgs) -> CliResult<ExitStatus> {
    let op = Operation::Rescue;
    let common = &args.common;
    let mut filter = build_filter(&common.filter)?;
    let mut ids: Vec<i64> = common
        .job_ids
        .iter()
        .copied()
        .chain(filter.ids.drain(..))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    if !ids.is_empty() && !filter.is_empty() {
        return Err(CliError::usage("give job ids or filters, not both"));
    }
    if args.force && ids.is_empty() {
        return Err(CliError::usage(
            "--force applies only to jobs named by id (a filter never rescues a live node's jobs)",
        ));
    }
    if filter.states.iter().any(|s| *s != JobState::Executing) {
        return Err(CliError::refused_with_hint(
            "cannot rescue jobs that are not executing",
            "rescue applies to: executing",
        )
        .code("wrong_state"));
    }
    let stuck_after = args
        .stuck_after
        .as_deref()
        .map(crate::values::age)
        .transpose()
        .map_err(|e| CliError::usage(format!("--stuck-after: {e}")))?;
    if stuck_after.is_some() && filter.until.is_some() {
        return Err(CliError::usage(
            "--stuck-after already bounds attempted_at; leave out --until",
        ));
    }
    let what = "rescue jobs".to_string();
    let reason = guard::reason_given(common.reason.as_deref(), common.dry_run, printer, &what)?;
    guard::require_actor(settings)?;

    let pool = if common.sleep_ms > 0 {
        1
    } else {
        common.parallel
    } + 1;
    let db = Database::connect_with_pool(settings, printer, pool)?;
    filter.states = vec![JobState::Executing];
    // Gossip is heard first, so that a node alive only by its gossip is never judged dead.
    let (sightings, hearing_note) = crate::commands::queues::node_sightings(&db, &args.listen);
    let (census, nodes, named) = db.read(|conn| {
        let schema = require_oban(conn, db.prefix())?;
        let jobs = JobsTable::new(db.prefix()).with_flavour(schema.flavour);
        let census =
            crate::db::liveness::census(conn, db.prefix(), db.powertools_schema(), sightings)?;
        if ids.is_empty() {
            let mut scope = filter.clone();
            scope.freeze(crate::db::now(conn)?);
            Ok((census, executing_nodes(conn, &jobs, &scope)?, Vec::new()))
        } else {
            Ok((
                census,
                Vec::new(),
                named_jobs(conn, &jobs, &ids, stuck_after)?,
            ))
        }
    })?;
    let evidence = sources(&census);
    let mut notes: Vec<String> = hearing_note.into_iter().collect();
    let why;
    if !ids.is_empty() {
        // Named jobs: each executing one must be an orphan (or old enough), unless forced.
        let mut refused = Vec::new();
        for job in named.iter().filter(|j| j.state == "executing") {
            let node = job.node.as_deref().unwrap_or("none");
            match (judge(&census, job.node.as_deref()), stuck_after) {
                _ if args.force => {}
                (Judgement::Dead, _) => {}
                (Judgement::Alive, _) => {
                    refused.push(format!("job {} runs on node {node}, which is alive", job.id))
                }
                (Judgement::Unknown, Some(_)) if job.old => {}
                (Judgement::Unknown, Some(_)) => refused.push(format!(
                    "job {} has not been executing for longer than --stuck-after",
                    job.id
                )),
                (Judgement::Unknown, None) => refused.push(format!(
                    "job {}: whether node {node} is alive cannot be told (liveness sources: {evidence})",
                    job.id
                )),
            }
        }
        if !refused.is_empty() {
            return Err(CliError::refused_with_hint(
                format!("not rescuing: {}", refused.join("; ")),
                "a live node may still finish these jobs; to rescue them anyway, name them with --id and --force",
            )
            .code("node_alive"));
        }
        why = if args.force {
            "named by id with --force".to_string()
        } else if stuck_after.is_some() {
            format!(
                "executing for longer than {}",
                args.stuck_after.as_deref().unwrap_or_default()
            )
        } else {
            format!("its node was absent or missing from every liveness source ({evidence})")
        };
    } else {
        let mut dead = Vec::new();
        let mut alive = Vec::new();
        let mut unknown = Vec::new();
        for node in &nodes {
            let bucket = match judge(&census, node.node.as_deref()) {
                Judgement::Dead => &mut dead,
                Judgement::Alive => &mut alive,
                Judgement::Unknown => &mut unknown,
            };
            bucket.push((node.node.clone(), node.n));
        }
        let list = |nodes: &[(Option<String>, i64)]| {
            nodes
                .iter()
                .map(|(node, n)| {
                    format!(
                        "{} ({})",
                        node.as_deref().unwrap_or("no node recorded"),
                        fmt::count(*n, "job")
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let named_nodes = |nodes: &[(Option<String>, i64)]| -> Vec<String> {
            nodes.iter().filter_map(|(n, _)| n.clone()).collect()
        };
        if !alive.is_empty() {
            notes.push(format!("Alive nodes, left alone: {}.", list(&alive)));
        }
        match stuck_after {
            None => {
                if !census.census.complete() {
                    let absent: Vec<String> = census.absent.iter().map(|a| a.why.clone()).collect();
                    return Err(CliError::refused_with_hint(
                        format!(
                            "no liveness source lists every node (used: {evidence}{}), so no node can be judged dead",
                            if absent.is_empty() { String::new() } else { format!("; {}", absent.join(", ")) }
                        ),
                        "select by age instead: obanctl jobs rescue --stuck-after 30m (never a job on a node seen alive)",
                    )
                    .code("no_liveness"));
                }
                if !unknown.is_empty() {
                    notes.push(format!(
                        "Nodes that cannot be judged, left alone: {} (--stuck-after selects by age).",
                        list(&unknown)
                    ));
                }
                if dead.is_empty() {
                    return nothing_to_rescue(printer, common.dry_run, &evidence, &notes);
                }
                notes.push(format!(
                    "Dead nodes (absent from, or missing in, every liveness source: {evidence}): {}.",
                    list(&dead)
                ));
                filter.nodes = named_nodes(&dead);
                why = format!(
                    "its node was absent or missing from every liveness source ({evidence})"
                );
            }
            Some(age) => {
                // Old enough, on any node not seen alive (unknown or dead ones alike).
                filter.until = Some(TimeBound::Ago(age));
                filter.except_nodes = named_nodes(&alive);
                filter.except_nodes.extend(
                    unknown
                        .iter()
                        .filter(|_| census.census.complete())
                        .filter_map(|(n, _)| n.clone()),
                );
                notes.push(format!(
                    "Selected by age: executing for longer than {} (attempted_at), on nodes not seen alive (sources: {evidence}).",
                    args.stuck_after.as_deref().unwrap_or_default()
                ));
                why = format!(
                    "executing for longer than {}",
                    args.stuck_after.as_deref().unwrap_or_default()
                );
            }
        }
    }
    let request = mutate::Request::with_targets(op, common, ids, filter, why);
    let mut prepared = mutate::prepare(&db, &request)?;
    prepared.plan.notes.extend(notes);
    mutate::run_prepared(
        settings, printer, &db, &request, prepared, reason, common.yes,
    )
}

/// No node is dead: one sentence and a `summary` (nothing matched, nothing written).
fn nothing_to_rescue(
    printer: &Printer,
    dry_run: bool,
    evidence: &str,
    notes: &[String],
) -> CliResult<ExitStatus> {
    let summary = Summary {
        operation: Operation::Rescue.name().to_string(),
        dry_run,
        matched: 0,
        changed: 0,
        skipped: BTreeMap::new(),
        interrupted: false,
        operation_id: None,
        exit: 0,
    };
    let mut doc = Doc::new().line(format!(
        "Nothing to rescue: no executing job is on a dead node (liveness sources: {evidence})."
    ));
    for note in notes {
        doc = doc.line(note.clone());
    }
    printer.emit_with(&summary, &doc)?;
    Ok(ExitStatus::Success)
}
