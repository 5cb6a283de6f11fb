//! `obanctl queues`, `obanctl queue pause|resume|scale|stop` and `obanctl nodes` (issue #14).
//!
//! Reads come from `db::overview` (shared with `top`), `db::queues` and `db::liveness`;
//! node-reported state from gossip heard on a direct connection (`db::listen`) or from
//! `oban_producers` (`queue_state`). Queue actions are signals on `<prefix>.oban_signal`, sent with
//! `pg_notify` in the transaction that writes their audit rows: PostgreSQL delivers notifications
//! only at commit, so a refused audit row means no signal.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use diesel::sql_types::Text;
use diesel::RunQueryDsl;
use serde_json::{json, Map};

use crate::audit::{self, AuditEvent, RunContext};
use crate::cli::{
    ListenArgs, NodesArgs, QueueActionArgs, QueueCommand, QueuePauseArgs, QueueScaleArgs,
    QueueStopArgs, QueuesArgs, QueuesCommand, QueuesListArgs,
};
use crate::commands::guard;
use crate::db::catalog;
use crate::db::conninfo::ConnInfo;
use crate::db::jobs::JobsTable;
use crate::db::listen::{self, Heard, ListenOutcome, Unavailable};
use crate::db::overview::{self, Overview};
use crate::db::queues::{self as queue_reads, QueueScan};
use crate::db::Database;
use crate::error::{CliError, CliResult, ExitStatus};
use crate::liveness;
use crate::notifier::{Channel, Ident, Limit, QueueName, Queues, Signal};
use crate::output::{fmt, render, Doc, Summary};
use crate::printer::Printer;
use crate::queue_state::{self, NodeReport, Wanted};
use crate::report::queues::{
    NodeRecord, NodeTable, Nodes, QueueConfirmation, QueueNodeRecord, QueuePlan, QueuePlanTarget,
    QueuePlanView, QueueRecord, QueueTable,
};
use crate::settings::Settings;

/// Counts per (state, queue) stop here, as in `top`.
pub const COUNT_CAP: i64 = queue_reads::DEFAULT_COUNT_CAP;
/// Throughput minutes read for the `/min` column (the last full one is shown).
pub const THROUGHPUT_MINUTES: i64 = 5;
/// Executing jobs read for the `exec` and `running` columns.
pub const EXECUTING_CAP: i64 = 10_000;
/// The listen window before a queue action's preview.
pub const PREVIEW_LISTEN: Duration = listen::DEFAULT_WINDOW;
/// One confirmation round's listen window (oban-py gossips every 1 s by default).
pub const CONFIRM_ROUND: Duration = Duration::from_millis(1500);
/// Why a pause is not permanent, said wherever one is made.
pub const RESTART_NOTE: &str = "An open-source Oban pause or limit lives in node memory: a node \
     restart undoes it (oban#318). Only nodes using the Postgres notifier receive signals.";
const NO_INDEX: &str = "no valid (state, queue) index on oban_jobs: counting would scan the table";

pub fn run_queues(
    settings: &Settings,
    printer: &Printer,
    args: QueuesArgs,
) -> CliResult<ExitStatus> {
    let list = match args.command {
        Some(QueuesCommand::List(list)) => list,
        None => args.list,
    };
    list_queues(settings, printer, list)
}

pub fn run_queue(
    settings: &Settings,
    printer: &Printer,
    command: QueueCommand,
) -> CliResult<ExitStatus> {
    match command {
        QueueCommand::Pause(args) => pause_resume(settings, printer, args, true),
        QueueCommand::Resume(args) => pause_resume(settings, printer, args, false),
        QueueCommand::Scale(args) => scale(settings, printer, args),
        QueueCommand::Stop(args) => stop(settings, printer, args),
    }
}

// ---------------------------------------------------------------------------------------------
// Shared

fn open(settings: &Settings, printer: &Printer) -> CliResult<(Database, JobsTable)> {
    let db = Database::connect(settings, printer)?;
    let prefix = db.prefix().to_string();
    let oban = db.read(|conn| catalog::oban_schema(conn, &prefix))?;
    let Some(oban) = oban else {
        return Err(CliError::refused_with_hint(
            format!("no oban_jobs table in schema `{prefix}`"),
            "check --prefix (the schema Oban was installed in)",
        ));
    };
    let jobs = JobsTable::new(&prefix).with_flavour(oban.flavour);
    Ok((db, jobs))
}

/// What listening gave.
pub enum Hearing {
    /// Not asked to listen (a window of 0).
    NotAsked,
    Heard(Heard),
    Unavailable(Unavailable),
}

/// The connection to listen on: `--listen-url`, else `OBANCTL_LISTEN_URL`, else the database's.
fn listen_conn(db: &Database, url: Option<&str>) -> ConnInfo {
    let env = std::env::var("OBANCTL_LISTEN_URL")
        .ok()
        .filter(|u| !u.is_empty());
    match url.map(str::to_string).or(env) {
        Some(url) => ConnInfo::build(Some(&url), std::env::var("PGPASSWORD").ok()),
        None => db.conn_info().clone(),
    }
}

fn hear(db: &Database, url: Option<&str>, window: Duration, channels: &[Channel]) -> Hearing {
    if window.is_zero() {
        return Hearing::NotAsked;
    }
    let names = match listen::oban_channels(db.prefix(), channels) {
        Ok(names) => names,
        Err(e) => return Hearing::Unavailable(Unavailable::Refused(e.to_string())),
    };
    match listen::listen(&listen_conn(db, url), &names, window) {
        ListenOutcome::Heard(heard) => Hearing::Heard(heard),
        ListenOutcome::Unavailable(u) => Hearing::Unavailable(u),
    }
}

/// The node report and a sentence on where it came from: gossip when nodes gossiped, else
/// `oban_producers`, else unknown with the reason.
fn node_report(
    hearing: &Hearing,
    producers: Option<&queue_reads::Producers>,
    prefix: &str,
) -> (Nodes, String) {
    let gossip = Channel::Gossip.full_name(prefix);
    let why_no_gossip = match hearing {
        Hearing::NotAsked => "not listened (--listen 0)".to_string(),
        Hearing::Unavailable(u) => u.reason(),
        Hearing::Heard(heard) => match queue_state::from_gossip(heard, prefix) {
            Some(report) => {
                let n = heard.on(&gossip).count();
                return (
                    Nodes::Known(report),
                    format!(
                        "Nodes: from gossip ({} in {}).",
                        fmt::count(n as i64, "message"),
                        fmt::duration(heard.window)
                    ),
                );
            }
            None => {
                let sonar = match heard.gossip_status(prefix) {
                    listen::GossipStatus::Silent { sonar_nodes } if !sonar_nodes.is_empty() => {
                        format!(
                            "; sonar pings from {} (Elixir nodes without oban_met)",
                            sonar_nodes.into_iter().collect::<Vec<_>>().join(", ")
                        )
                    }
                    _ => String::new(),
                };
                format!(
                    "no node gossiped on {gossip} in {}{sonar}",
                    fmt::duration(heard.window)
                )
            }
        },
    };
    match producers {
        Some(p) => (
            Nodes::Known(queue_state::from_producers(p)),
            format!("Nodes: from oban_producers (gossip: {why_no_gossip})."),
        ),
        None => {
            let why = format!("{why_no_gossip}, and no oban_producers in `{prefix}`");
            (
                Nodes::Unknown(why.clone()),
                format!("Nodes unknown: {why}."),
            )
        }
    }
}

// ---------------------------------------------------------------------------------------------
// queues

struct QueueRead {
    overview: Overview,
    executing: queue_reads::Executing,
}

fn read_queues(db: &Database, jobs: &JobsTable) -> CliResult<QueueRead> {
    db.read_snapshot(|conn| {
        let overview = match overview::overview(conn, jobs, COUNT_CAP, THROUGHPUT_MINUTES)? {
            QueueScan::Done(o) => o,
            QueueScan::NoIndex => return Err(CliError::refused(NO_INDEX)),
        };
        let executing = queue_reads::executing(conn, jobs, EXECUTING_CAP)?;
        Ok(QueueRead {
            overview,
            executing,
        })
    })
}

/// Every queue record and the notes under the table.
pub fn queue_records(
    db: &Database,
    jobs: &JobsTable,
    listen: &ListenArgs,
) -> CliResult<(Vec<QueueRecord>, Vec<String>)> {
    // The tables are read while the listening window runs: the command takes the window, not
    // the window plus the reads.
    let (hearing, read) = std::thread::scope(|scope| {
        let listener = scope.spawn(|| {
            hear(
                db,
                listen.listen_url.as_deref(),
                listen.listen,
                &[Channel::Gossip, Channel::Sonar],
            )
        });
        let read = read_queues(db, jobs);
        let hearing = listener.join().unwrap_or_else(|_| {
            Hearing::Unavailable(Unavailable::Lost("the listening thread failed".into()))
        });
        (hearing, read)
    });
    let read = read?;
    let (nodes, source_note) = node_report(&hearing, read.overview.producers.as_ref(), db.prefix());
    let mut names: BTreeSet<String> = read
        .overview
        .queues
        .iter()
        .map(|l| l.queue.clone())
        .collect();
    if let Nodes::Known(report) = &nodes {
        names.extend(report.queues());
    }
    let executing = read.executing.by_queue();
    let records: Vec<QueueRecord> = names
        .iter()
        .map(|q| {
            QueueRecord::build(
                q,
                read.overview.line(q),
                (read.overview.count_cap, read.overview.finished_count_cap),
                (
                    executing.get(q).copied().unwrap_or(0),
                    read.executing.truncated,
                ),
                &nodes,
            )
        })
        .collect();
    let mut notes = vec![source_note];
    if records.iter().any(|r| !r.counts_at_least.is_empty()) {
        notes.push(format!(
            "Counts stop at {} per queue and state, {} for completed and cancelled (shown with +).",
            fmt::number(read.overview.count_cap),
            fmt::number(read.overview.finished_count_cap)
        ));
    }
    if read.overview.counts_truncated {
        notes.push("More queue/state pairs exist than were read; some queues are missing.".into());
    }
    if let queue_reads::ThroughputBasis::NewestRows { scanned } = read.overview.throughput_basis {
        notes.push(format!(
            "/min: completions among the newest {} jobs (no completed_at index): a floor.",
            fmt::number(scanned)
        ));
    }
    Ok((records, notes))
}

fn list_queues(
    settings: &Settings,
    printer: &Printer,
    args: QueuesListArgs,
) -> CliResult<ExitStatus> {
    let (db, jobs) = open(settings, printer)?;
    loop {
        let (records, notes) = queue_records(&db, &jobs, &args.listen)?;
        if printer.is_json() {
            printer.json_all(&records)?;
        } else {
            let view = QueueTable {
                queues: &records,
                notes: &notes,
            };
            if args.watch && printer.term().stdout_tty {
                // Redraw in place: our own clear-screen bytes, then the rendered (sanitised) view.
                let text =
                    render::doc(&crate::output::View::view(&view), &printer.render_options());
                printer.raw(format!("\x1b[H\x1b[2J{text}").as_bytes())?;
            } else {
                printer.emit_list(&records, &view)?;
            }
        }
        if !args.watch {
            return Ok(ExitStatus::Success);
        }
        std::thread::sleep(args.interval);
    }
}

// ---------------------------------------------------------------------------------------------
// queue pause|resume|scale|stop

/// What a queue action does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueAction {
    Pause,
    Resume,
    Scale(Limit),
    Stop,
}

impl QueueAction {
    pub fn verb(self) -> &'static str {
        match self {
            QueueAction::Pause => "pause",
            QueueAction::Resume => "resume",
            QueueAction::Scale(_) => "scale",
            QueueAction::Stop => "stop",
        }
    }

    pub fn operation(self) -> String {
        format!("queue_{}", self.verb())
    }

    fn audit_action(self) -> &'static str {
        match self {
            QueueAction::Pause => "queue.paused",
            QueueAction::Resume => "queue.resumed",
            QueueAction::Scale(_) => "queue.scaled",
            QueueAction::Stop => "queue.stopped",
        }
    }

    fn wanted(self) -> Wanted {
        match self {
            QueueAction::Pause => Wanted::Paused,
            QueueAction::Resume => Wanted::Running,
            QueueAction::Scale(limit) => Wanted::Limit {
                limit: limit.get() as u64,
            },
            QueueAction::Stop => Wanted::Stopped,
        }
    }

    fn signal(self, queues: Queues, ident: Ident) -> Signal {
        match (self, queues) {
            (QueueAction::Pause, queues) => Signal::Pause { queues, ident },
            (QueueAction::Resume, queues) => Signal::Resume { queues, ident },
            (QueueAction::Scale(limit), Queues::One(queue)) => Signal::Scale {
                queue,
                limit,
                ident,
            },
            (QueueAction::Stop, Queues::One(queue)) => Signal::Stop { queue, ident },
            // `scale` and `stop` take one named queue (the CLI allows nothing else).
            (QueueAction::Scale(_) | QueueAction::Stop, Queues::All) => {
                unreachable!("one queue only")
            }
        }
    }

    fn risk(self) -> &'static str {
        match self {
            QueueAction::Resume => "low",
            QueueAction::Pause | QueueAction::Scale(_) => "medium",
            QueueAction::Stop => "high",
        }
    }
}

/// Which queues a queue action addresses.
#[derive(Debug, Clone)]
pub enum Targets {
    All,
    Named(Vec<QueueName>),
}

fn queue_names(names: &[String]) -> CliResult<Vec<QueueName>> {
    let mut out: Vec<QueueName> = Vec::new();
    for name in names {
        let q =
            QueueName::new(name).map_err(|e| CliError::usage(format!("queue `{name}`: {e}")))?;
        if !out.contains(&q) {
            out.push(q);
        }
    }
    Ok(out)
}

fn pause_resume(
    settings: &Settings,
    printer: &Printer,
    args: QueuePauseArgs,
    pause: bool,
) -> CliResult<ExitStatus> {
    let targets = if args.all {
        Targets::All
    } else {
        Targets::Named(queue_names(&args.queues)?)
    };
    let action = if pause {
        QueueAction::Pause
    } else {
        QueueAction::Resume
    };
    act(settings, printer, action, targets, &args.action, None)
}

fn scale(settings: &Settings, printer: &Printer, args: QueueScaleArgs) -> CliResult<ExitStatus> {
    let limit = Limit::new(args.limit, args.force).map_err(|e| {
        CliError::refused_with_hint(
            format!("cannot scale to {}: {e}", args.limit),
            "pass --limit between 1 and 10000 (pause the queue to stop it fetching)",
        )
    })?;
    let targets = Targets::Named(queue_names(&[args.queue])?);
    act(
        settings,
        printer,
        QueueAction::Scale(limit),
        targets,
        &args.action,
        None,
    )
}

fn stop(settings: &Settings, printer: &Printer, args: QueueStopArgs) -> CliResult<ExitStatus> {
    let targets = Targets::Named(queue_names(std::slice::from_ref(&args.queue))?);
    act(
        settings,
        printer,
        QueueAction::Stop,
        targets,
        &args.action,
        Some(args.confirm_queue),
    )
}

/// The second confirmation `stop` asks for: the queue's name, typed or passed.
fn confirm_stop(printer: &Printer, queue: &str, given: Option<String>) -> CliResult<()> {
    let typed = match given {
        Some(text) => text,
        None if printer.can_prompt() => dialoguer::Input::<String>::new()
            .with_prompt(format!(
                "Stopping ends the queue's producers until the nodes restart. Type the queue name ({}) to stop it",
                crate::output::sanitize::inline(queue)
            ))
            .interact_text()
            .map_err(|e| CliError::refused(format!("not confirmed: {e}")))?,
        None => {
            return Err(CliError::refused_with_hint(
                "stopping a queue needs a second confirmation",
                format!("pass --confirm-queue {queue} as well as --yes"),
            ))
        }
    };
    if typed != queue {
        return Err(CliError::refused(format!(
            "the confirmation `{typed}` is not the queue name; nothing was sent"
        )));
    }
    Ok(())
}

/// A queue action as the CLI or the dashboard asks for it.
#[derive(Debug, Clone)]
pub struct QueueRequest {
    pub action: QueueAction,
    pub targets: Targets,
    /// Only this node.
    pub node: Option<String>,
    pub listen_url: Option<String>,
    /// How long to wait for the nodes to confirm (also: zero skips the preview's listening).
    pub confirm_timeout: Duration,
    pub dry_run: bool,
}

/// A previewed queue action, ready to carry out with a reason.
#[derive(Debug, Clone)]
pub struct PreparedQueueAction {
    pub plan: QueuePlan,
    /// `Pause 1 queue mailers on every node?`
    pub question: String,
    req: QueueRequest,
    channel: String,
    plan_queues: Vec<String>,
    signals: Vec<(String, Vec<String>)>,
    audited: Vec<String>,
    expected: BTreeMap<String, Option<BTreeSet<String>>>,
    before: BTreeMap<String, Option<Vec<QueueNodeRecord>>>,
}

/// What a carried-out queue action did.
#[derive(Debug, Clone)]
pub struct QueueDone {
    pub audit_ids: BTreeMap<String, i64>,
    pub signals_sent: i64,
    pub confirmations: Vec<QueueConfirmation>,
    pub summary: Summary,
    pub status: ExitStatus,
}

/// Reads what the nodes consume now, refuses unknown queues and nodes, and builds the plan.
pub fn prepare(
    db: &Database,
    jobs: &JobsTable,
    req: QueueRequest,
) -> CliResult<PreparedQueueAction> {
    let verb = req.action.verb();
    let prefix = db.prefix().to_string();
    let schema = db.powertools_schema().to_string();
    let channel = Channel::Signal
        .checked_name(&prefix)
        .map_err(|e| CliError::refused(e.to_string()))?;

    // What the nodes consume now: gossip for a short window, else oban_producers.
    let preview_window = if req.confirm_timeout.is_zero() {
        Duration::ZERO
    } else {
        PREVIEW_LISTEN
    };
    let hearing = hear(
        db,
        req.listen_url.as_deref(),
        preview_window,
        &[Channel::Gossip],
    );
    let (known_queues, producers) = db.read(|conn| {
        if !req.dry_run {
            audit::require_chain(conn, &schema)?;
        }
        let counts = match queue_reads::queue_counts(conn, jobs, 1)? {
            QueueScan::Done(r) => r.queues.into_iter().map(|q| q.queue).collect(),
            QueueScan::NoIndex => BTreeSet::new(),
        };
        Ok((counts, queue_reads::producers(conn, &prefix)?))
    })?;
    let known_queues: BTreeSet<String> = known_queues;
    let (nodes, _) = node_report(&hearing, producers.as_ref(), &prefix);
    let report = match &nodes {
        Nodes::Known(r) => Some(r.clone()),
        Nodes::Unknown(_) => None,
    };
    let mut all_known = known_queues.clone();
    if let Some(r) = &report {
        all_known.extend(r.queues());
    }

    // Unknown queues are refused, with the closest names.
    if let Targets::Named(names) = &req.targets {
        let unknown: Vec<&str> = names
            .iter()
            .map(QueueName::as_str)
            .filter(|q| !all_known.contains(*q))
            .collect();
        if !unknown.is_empty() {
            let list: Vec<String> = all_known.iter().cloned().collect();
            let mut close: Vec<&str> = Vec::new();
            for q in &unknown {
                for c in crate::cron::closest_names(q, &list, 3) {
                    if !close.contains(&c) {
                        close.push(c);
                    }
                }
            }
            let hint = if close.is_empty() {
                "`obanctl queues` lists every queue with jobs or a node consuming it".to_string()
            } else {
                format!("did you mean: {}?", close.join(", "))
            };
            return Err(CliError::refused_with_hint(
                format!(
                    "unknown {}: {} (no jobs, and no node reports {})",
                    fmt::plural(unknown.len() as i64, "queue"),
                    unknown.join(", "),
                    if unknown.len() == 1 { "it" } else { "them" }
                ),
                hint,
            ));
        }
    }

    // Which nodes the signals address.
    let idents: Vec<Ident> = match &req.node {
        None => vec![Ident::Any],
        Some(node) => {
            if let Some(r) = &report {
                let nodes = r.nodes();
                if !nodes.is_empty() && !nodes.contains(node) {
                    let list: Vec<String> = nodes.into_iter().collect();
                    let close = crate::cron::closest_names(node, &list, 3);
                    return Err(CliError::refused_with_hint(
                        format!("no node named `{node}` reports any queue"),
                        if close.is_empty() {
                            "`obanctl nodes` lists every node".to_string()
                        } else {
                            format!("did you mean: {}?", close.join(", "))
                        },
                    ));
                }
            }
            let mut instances: BTreeSet<String> = report
                .iter()
                .flat_map(|r| r.producers.iter())
                .filter(|p| p.node.as_deref() == Some(node.as_str()))
                .filter_map(|p| p.instance.clone())
                .collect();
            if instances.is_empty() {
                instances.insert("Oban".into());
            }
            instances
                .iter()
                .map(|i| Ident::node(i, node).map_err(|e| CliError::usage(e.to_string())))
                .collect::<CliResult<_>>()?
        }
    };

    // The queues the plan lists (for --all: every known one, and `*` is what is sent).
    let plan_queues: Vec<String> = match &req.targets {
        Targets::All => vec!["*".to_string()],
        Targets::Named(names) => names.iter().map(|q| q.as_str().to_string()).collect(),
    };
    let consumers = |queue: &str| -> Option<Vec<QueueNodeRecord>> {
        let r = report.as_ref()?;
        Some(
            r.producers
                .iter()
                .filter(|p| queue == "*" || p.queue == queue)
                .filter(|p| req.node.as_ref().is_none_or(|n| p.node.as_ref() == Some(n)))
                .map(QueueNodeRecord::from)
                .collect(),
        )
    };
    let mut signals: Vec<(String, Vec<String>)> = Vec::new();
    for queue in &plan_queues {
        let mut payloads = Vec::new();
        for ident in &idents {
            let queues = if queue == "*" {
                Queues::All
            } else {
                Queues::One(QueueName::new(queue).map_err(|e| CliError::usage(e.to_string()))?)
            };
            let payload = req
                .action
                .signal(queues, ident.clone())
                .payload()
                .map_err(|e| CliError::refused(e.to_string()))?;
            payloads.push(payload);
        }
        signals.push((queue.clone(), payloads));
    }
    let mut notes = Vec::new();
    if !matches!(req.action, QueueAction::Resume) {
        notes.push(RESTART_NOTE.to_string());
    }
    let plan = QueuePlan {
        operation: req.action.operation(),
        dry_run: req.dry_run,
        channel: channel.clone(),
        node: req.node.clone(),
        limit: match req.action {
            QueueAction::Scale(l) => Some(l.get()),
            _ => None,
        },
        targets: signals
            .iter()
            .map(|(q, payloads)| QueuePlanTarget {
                queue: q.clone(),
                nodes: consumers(q),
                payloads: payloads.clone(),
            })
            .collect(),
        nodes_source: report.as_ref().map(|r| r.source),
        nodes_unknown: match &nodes {
            Nodes::Unknown(why) => Some(why.clone()),
            Nodes::Known(_) => None,
        },
        notes,
    };
    let question = format!(
        "{} {}{}?",
        guard::capitalize(verb),
        if plan_queues == ["*"] {
            "every queue".to_string()
        } else {
            format!(
                "{} {}",
                fmt::plural(plan_queues.len() as i64, "queue"),
                plan_queues.join(", ")
            )
        },
        match &req.node {
            Some(n) => format!(" on node {n}"),
            None => " on every node".to_string(),
        }
    );
    let audited: Vec<String> = match &req.targets {
        Targets::All if !known_queues.is_empty() || report.is_some() => {
            all_known.iter().cloned().collect()
        }
        Targets::All => vec!["*".to_string()],
        Targets::Named(_) => plan_queues.clone(),
    };
    let before: BTreeMap<String, Option<Vec<QueueNodeRecord>>> =
        audited.iter().map(|q| (q.clone(), consumers(q))).collect();
    // Wait for the nodes to show the new state.
    let confirm_queues: Vec<String> = match &req.targets {
        Targets::All => {
            let mut q: Vec<String> = report
                .as_ref()
                .map(|r| r.queues().into_iter().collect())
                .unwrap_or_default();
            if q.is_empty() {
                q = audited.clone();
            }
            q
        }
        Targets::Named(_) => plan_queues.clone(),
    };
    let expected: BTreeMap<String, Option<BTreeSet<String>>> = confirm_queues
        .iter()
        .map(|q| {
            let nodes = report.as_ref().map(|r| {
                r.of_queue(q)
                    .filter_map(|p| p.node.clone())
                    .filter(|n| req.node.as_ref().is_none_or(|want| want == n))
                    .collect()
            });
            (q.clone(), nodes)
        })
        .collect();
    Ok(PreparedQueueAction {
        plan,
        question,
        req,
        channel,
        plan_queues,
        signals,
        audited,
        expected,
        before,
    })
}

/// Sends the signals with one audit row per queue in one transaction, then waits for the nodes
/// to confirm.
pub fn execute(
    db: &Database,
    settings: &Settings,
    prepared: &PreparedQueueAction,
    reason: &str,
) -> CliResult<QueueDone> {
    let req = &prepared.req;
    let verb = req.action.verb();
    let prefix = db.prefix().to_string();
    let schema = db.powertools_schema().to_string();
    let channel = &prepared.channel;
    let signals = &prepared.signals;
    let plan_queues = &prepared.plan_queues;
    let audited = &prepared.audited;
    let consumers = |q: &str| prepared.before.get(q).cloned().flatten();
    // Audit rows and signals in one transaction: no audit row, no signal.
    let ctx = RunContext::new(settings.actor.value.clone(), settings.actor.source.clone());
    let audit_ids: BTreeMap<String, i64> = db.write(|conn| {
        audit::require_chain(conn, &schema)?;
        let mut ids = BTreeMap::new();
        for queue in audited.iter() {
            let sent: &Vec<String> = signals
                .iter()
                .find(|(q, _)| q == queue || q == "*")
                .map(|(_, p)| p)
                .expect("every audited queue has its signals");
            let mut metadata = Map::new();
            metadata.insert("reason".into(), json!(reason));
            metadata.insert(
                "summary".into(),
                json!(format!(
                    "{} queue {queue}{}.",
                    guard::capitalize(verb),
                    match &req.node {
                        Some(n) => format!(" on node {n}"),
                        None => " on every node".into(),
                    }
                )),
            );
            metadata.insert("risk".into(), json!(req.action.risk()));
            metadata.insert("resource".into(), json!({"type": "queue", "id": queue}));
            metadata.insert(
                "signal".into(),
                json!({"channel": channel, "payloads": sent, "scope": if *plan_queues == ["*"] { "all" } else { "queue" }}),
            );
            metadata.insert("node".into(), json!(req.node));
            metadata.insert("before".into(), json!({"nodes": consumers(queue)}));
            metadata.insert("after".into(), json!({"wanted": req.action.wanted()}));
            if !matches!(req.action, QueueAction::Resume) {
                metadata.insert("note".into(), json!(RESTART_NOTE));
            }
            let id = audit::record(
                conn,
                &schema,
                &ctx,
                AuditEvent {
                    action: req.action.audit_action().into(),
                    resource_type: "queue".into(),
                    resource_id: queue.clone(),
                    metadata,
                },
            )?;
            ids.insert(queue.clone(), id);
        }
        for (_, payloads) in signals.iter() {
            for payload in payloads {
                diesel::sql_query("SELECT pg_notify($1, $2)")
                    .bind::<Text, _>(&channel)
                    .bind::<Text, _>(payload)
                    .execute(conn)?;
            }
        }
        Ok(ids)
    })?;
    let signals_sent: i64 = signals.iter().map(|(_, p)| p.len() as i64).sum();
    let confirmations = confirm(
        db,
        req,
        &prefix,
        &prepared.expected,
        req.action.wanted(),
        &audit_ids,
    )?;
    let mut status = ExitStatus::Success;
    if !req.confirm_timeout.is_zero() && confirmations.iter().any(|c| !c.ok()) {
        status = ExitStatus::Attention;
    }
    let summary = Summary {
        operation: req.action.operation(),
        dry_run: false,
        matched: plan_queues.len() as i64,
        changed: plan_queues.len() as i64,
        skipped: BTreeMap::new(),
        interrupted: false,
        operation_id: Some(ctx.operation_id.to_string()),
        exit: status.code(),
    };
    Ok(QueueDone {
        audit_ids,
        signals_sent,
        confirmations,
        summary,
        status,
    })
}

/// A queue action from preview to confirmation, on the command line.
fn act(
    settings: &Settings,
    printer: &Printer,
    action: QueueAction,
    targets: Targets,
    common: &QueueActionArgs,
    stop_confirmation: Option<Option<String>>,
) -> CliResult<ExitStatus> {
    let verb = action.verb();
    let what = format!("{verb} queues");
    let reason = guard::reason_given(common.reason.as_deref(), common.dry_run, printer, &what)?;
    guard::require_actor(settings)?;
    let (db, jobs) = open(settings, printer)?;
    let prepared = prepare(
        &db,
        &jobs,
        QueueRequest {
            action,
            targets,
            node: common.node.clone(),
            listen_url: common.listen_url.clone(),
            confirm_timeout: common.confirm_timeout,
            dry_run: common.dry_run,
        },
    )?;
    let plan = &prepared.plan;
    printer.emit_with(plan, &QueuePlanView { plan, verb })?;
    if common.dry_run {
        let summary = Summary {
            operation: action.operation(),
            dry_run: true,
            matched: prepared.plan_queues.len() as i64,
            ..Default::default()
        };
        printer.emit_with(&summary, &Doc::new())?;
        return Ok(ExitStatus::Success);
    }
    let reason = match reason {
        Some(reason) => reason,
        None => guard::prompt_reason(&what)?,
    };
    guard::confirm(printer, &prepared.question, common.yes)?;
    if let Some(given) = stop_confirmation {
        confirm_stop(printer, &prepared.plan_queues[0], given)?;
    }
    let done = execute(&db, settings, &prepared, &reason)?;
    printer.status(format!(
        "Sent {} on {}; recorded as audit {} {}.",
        fmt::count(done.signals_sent, "signal"),
        prepared.channel,
        fmt::plural(done.audit_ids.len() as i64, "event"),
        done.audit_ids
            .values()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    ));
    for c in &done.confirmations {
        printer.emit(c)?;
    }
    if !matches!(action, QueueAction::Resume) {
        printer.status(RESTART_NOTE);
    }
    printer.emit_with(&done.summary, &Doc::new())?;
    Ok(done.status)
}

/// Listens (and reads `oban_producers`) in rounds until every expected node shows `wanted` or
/// `--confirm-timeout` passes.
fn confirm(
    db: &Database,
    common: &QueueRequest,
    prefix: &str,
    expected: &BTreeMap<String, Option<BTreeSet<String>>>,
    wanted: Wanted,
    audit_ids: &BTreeMap<String, i64>,
) -> CliResult<Vec<QueueConfirmation>> {
    let audit_id = |q: &str| audit_ids.get(q).or_else(|| audit_ids.get("*")).copied();
    if common.confirm_timeout.is_zero() {
        return Ok(expected
            .keys()
            .map(|q| QueueConfirmation {
                queue: q.clone(),
                wanted,
                expected: BTreeSet::new(),
                confirmed: BTreeSet::new(),
                unconfirmed: BTreeSet::new(),
                source: None,
                unknown: Some("not waited for (--confirm-timeout 0)".into()),
                waited_ms: 0,
                audit_id: audit_id(q),
            })
            .collect());
    }
    let started = Instant::now();
    let deadline = started + common.confirm_timeout;
    let mut last: Option<(NodeReport, BTreeMap<String, BTreeSet<String>>)> = None;
    let mut last_why = String::new();
    loop {
        let window = CONFIRM_ROUND.min(deadline.saturating_duration_since(Instant::now()));
        let hearing = hear(
            db,
            common.listen_url.as_deref(),
            window.max(Duration::from_millis(100)),
            &[Channel::Gossip],
        );
        let producers = db.read(|conn| queue_reads::producers(conn, prefix))?;
        let (nodes, _) = node_report(&hearing, producers.as_ref(), prefix);
        match nodes {
            Nodes::Known(report) => {
                // Expected nodes: those consuming before; if that was unknown, those reporting now.
                let sets: BTreeMap<String, BTreeSet<String>> = expected
                    .iter()
                    .map(|(q, e)| {
                        let set = e.clone().unwrap_or_else(|| {
                            report
                                .of_queue(q)
                                .filter_map(|p| p.node.clone())
                                .filter(|n| common.node.as_ref().is_none_or(|want| want == n))
                                .collect()
                        });
                        (q.clone(), set)
                    })
                    .collect();
                let done = sets.iter().all(|(q, set)| {
                    queue_state::confirmed_nodes(&report, q, set, wanted)
                        .1
                        .is_empty()
                });
                last = Some((report, sets));
                if done {
                    break;
                }
            }
            Nodes::Unknown(why) => last_why = why,
        }
        if Instant::now() >= deadline {
            break;
        }
    }
    let waited_ms = started.elapsed().as_millis() as u64;
    Ok(expected
        .keys()
        .map(|q| match &last {
            Some((report, sets)) => {
                let set = sets.get(q).cloned().unwrap_or_default();
                let (confirmed, unconfirmed) =
                    queue_state::confirmed_nodes(report, q, &set, wanted);
                QueueConfirmation {
                    queue: q.clone(),
                    wanted,
                    expected: set,
                    confirmed,
                    unconfirmed,
                    source: Some(report.source),
                    unknown: None,
                    waited_ms,
                    audit_id: audit_id(q),
                }
            }
            None => QueueConfirmation {
                queue: q.clone(),
                wanted,
                expected: BTreeSet::new(),
                confirmed: BTreeSet::new(),
                unconfirmed: BTreeSet::new(),
                source: None,
                unknown: Some(last_why.clone()),
                waited_ms,
                audit_id: audit_id(q),
            },
        })
        .collect())
}

// ---------------------------------------------------------------------------------------------
// nodes

/// The nodes heard on the gossip and sonar channels for `--listen` (the liveness source the
/// tables do not hold), and a note when none could be heard (not asked, or listening
/// impossible, with why). Shared by `nodes` and `jobs rescue`.
pub fn node_sightings(
    db: &Database,
    listen: &ListenArgs,
) -> (Vec<liveness::Sighting>, Option<String>) {
    let hearing = hear(
        db,
        listen.listen_url.as_deref(),
        listen.listen,
        &[Channel::Gossip, Channel::Sonar],
    );
    match &hearing {
        Hearing::Heard(heard) => {
            let sightings = liveness::gossip_sightings(heard, db.prefix());
            let note = sightings.is_empty().then(|| {
                format!(
                    "Gossip and sonar: listened {}, no node heard.",
                    crate::output::fmt::duration(heard.window)
                )
            });
            (sightings, note)
        }
        Hearing::NotAsked => (
            Vec::new(),
            Some("Gossip and sonar: not listened (--listen 0).".to_string()),
        ),
        Hearing::Unavailable(u) => (
            Vec::new(),
            Some(format!("Gossip and sonar: {}.", u.reason())),
        ),
    }
}

pub fn run_nodes(settings: &Settings, printer: &Printer, args: NodesArgs) -> CliResult<ExitStatus> {
    let (db, jobs) = open(settings, printer)?;
    let prefix = db.prefix().to_string();
    let pt = db.powertools_schema().to_string();
    let mut notes = Vec::new();
    let (sightings, note) = node_sightings(&db, &args.listen);
    notes.extend(note);
    let (read, executing, leaders) = db.read_snapshot(|conn| {
        let read = crate::db::liveness::census(conn, &prefix, &pt, sightings)?;
        let executing = queue_reads::executing(conn, &jobs, EXECUTING_CAP)?;
        let leaders = queue_reads::leaders(conn, &prefix)?;
        Ok((read, executing, leaders))
    })?;
    for absent in &read.absent {
        notes.push(format!("{}: {}.", absent.source.label(), absent.why));
    }
    if read.truncated {
        notes.push(format!(
            "A source had more than {} rows; the rest were not read.",
            fmt::number(crate::db::liveness::MAX_ROWS)
        ));
    }
    // The node named by the leader table, lease current or lapsed: oban-py's lease (a few
    // seconds) is renewed by re-election and so is often just past its expiry.
    let leader_nodes: BTreeSet<String> =
        leaders.rows.iter().map(|r| r.leader.node.clone()).collect();
    let running = executing.by_node();
    let mut queues_by_node: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for g in &executing.groups {
        if let Some(node) = &g.node {
            queues_by_node
                .entry(node.clone())
                .or_default()
                .insert(g.queue.clone());
        }
    }
    let mut names: BTreeSet<String> = read.census.nodes.keys().cloned().collect();
    names.extend(running.keys().flatten().cloned());
    let unattributed = running.get(&None).copied().unwrap_or(0);
    if unattributed > 0 {
        notes.push(format!(
            "{} without attempted_by are not attributed to any node.",
            fmt::count(unattributed, "executing job")
        ));
    }
    let records: Vec<NodeRecord> = names
        .iter()
        .map(|name| {
            let seen = read.census.get(name);
            let running_jobs = running.get(&Some(name.clone())).copied().unwrap_or(0);
            let mut queues = seen.map(|s| s.queues.clone()).unwrap_or_default();
            queues.extend(queues_by_node.get(name).cloned().unwrap_or_default());
            NodeRecord {
                node: name.clone(),
                leader: leader_nodes.contains(name),
                instances: seen.map(|s| s.instances.clone()).unwrap_or_default(),
                queues,
                running_jobs,
                running_at_least: executing.truncated,
                liveness: seen.map(|s| s.liveness),
                last_seen_ms: seen
                    .and_then(|s| s.last_seen_secs)
                    .map(|s| (s * 1000.0).round() as i64),
                sources: seen
                    .map(|s| s.sources.keys().copied().collect())
                    .unwrap_or_default(),
                unseen_with_jobs: seen.is_none() && running_jobs > 0,
            }
        })
        .collect();
    if !read.census.complete() {
        notes.push(
            "No source that lists every node answered (heartbeats, oban_producers, gossip): \
             a node missing here may still be alive."
                .to_string(),
        );
    }
    printer.emit_list(
        &records,
        &NodeTable {
            nodes: &records,
            notes: &notes,
        },
    )?;
    Ok(if records.iter().any(|r| r.unseen_with_jobs) {
        ExitStatus::Attention
    } else {
        ExitStatus::Success
    })
}
