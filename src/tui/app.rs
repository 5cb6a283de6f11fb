//! The dashboard's loop: a poller thread gathers snapshots and sends them over a channel; the
//! main thread turns key presses and snapshots into [`Event`]s for [`update`], carries out the
//! [`Action`]s it returns, and draws with [`render`]. The terminal is put back as it was on
//! every way out: quit, an error, a panic.

use std::io;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{self, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::terminal::{disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute, terminal};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use super::gather::Gatherer;
use super::render::{modal_width, render};
use super::snapshot::Snapshot;
use super::state::{update, Action, Event, Key, Notice, PlanInfo, UiState};
use crate::commands::guard;
use crate::commands::jobs::mutate::{self, Hooks, Prepared, Request};
use crate::commands::queues::{
    self as queue_actions, PreparedQueueAction, QueueAction, QueueDone, QueueRequest, Targets,
};
use crate::db::jobs::{self as job_queries, JobsTable};
use crate::db::Database;
use crate::error::{CliError, CliResult, ExitStatus};
use crate::interrupt;
use crate::jobs::filter::JobFilter;
use crate::jobs::JobState;
use crate::notifier::QueueName;
use crate::output::render::{self as text_render, RenderOptions};
use crate::output::{fmt, Doc, View};
use crate::redact::Redactor;
use crate::report::jobs::JobRecord;
use crate::report::mutate::{capitalize, PlanView};
use crate::report::queues::{QueueConfirmation, QueuePlanView};
use crate::settings::Settings;

/// Jobs a drill-down lists (the first ones by id, as `jobs list` pages them).
pub const DRILL_LIMIT: i64 = 200;
/// How long the loop waits for a key before looking for new snapshots.
const TICK: Duration = Duration::from_millis(100);

/// The previewed action waiting for its reason and confirmation.
enum Pending {
    Jobs(Box<(Request, Prepared)>),
    Queue(Box<PreparedQueueAction>, QueueAction),
}

/// How long the dashboard waits for nodes to confirm a pause or resume.
pub const QUEUE_CONFIRM_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Options {
    pub interval: Duration,
    pub read_only: bool,
    pub color: bool,
}

/// Puts the terminal back: main screen, cursor shown, cooked mode. Safe to call twice.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), terminal::LeaveAlternateScreen, cursor::Show);
}

/// Owns the terminal's raw mode and alternate screen for the dashboard's lifetime.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        enable_raw_mode()?;
        let guard = TerminalGuard;
        execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)?;
        // A panic's message must reach the main screen, so the terminal is put back before the
        // report is printed (the hook runs before unwinding drops this guard).
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_terminal();
            previous(info);
        }));
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

fn io_error(err: io::Error) -> CliError {
    CliError::internal(anyhow::anyhow!("terminal: {err}"))
}

fn key_of(event: event::KeyEvent) -> Option<Key> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    Some(match event.code {
        KeyCode::Char('c') if ctrl => Key::Interrupt,
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        _ => return None,
    })
}

/// Carries out the dashboard's actions: the same read functions as `jobs list|show`, and the
/// same [`mutate::prepare`] / [`mutate::execute`] path as `jobs retry|cancel|discard`.
struct Actions<'a> {
    settings: &'a Settings,
    db: Arc<Database>,
    redactor: Redactor,
    pending: Option<Pending>,
    size: (u16, u16),
}

impl Actions<'_> {
    fn jobs_table(&self, conn: &mut diesel::PgConnection) -> CliResult<JobsTable> {
        let schema = crate::commands::jobs::require_oban(conn, self.db.prefix())?;
        Ok(JobsTable::new(self.db.prefix()).with_flavour(schema.flavour))
    }

    fn list(&self, title: String, filter: JobFilter) -> Event {
        let rows = self.db.read(|conn| {
            let jobs = self.jobs_table(conn)?;
            job_queries::list(conn, &jobs, &filter, None, DRILL_LIMIT)
        });
        match rows {
            Ok(rows) => Event::Jobs {
                title,
                jobs: rows
                    .iter()
                    .map(|r| JobRecord::from_row(r, &self.redactor))
                    .collect(),
            },
            Err(err) => Event::Failed(err.message().to_string()),
        }
    }

    fn perform(&mut self, action: Action) -> Option<Event> {
        match action {
            Action::Quit | Action::Refresh => None,
            Action::LoadQueueJobs(queue) => {
                let filter = JobFilter {
                    queues: vec![queue.clone()],
                    states: JobState::ALL
                        .into_iter()
                        .filter(|s| *s != JobState::Completed)
                        .collect(),
                    ..Default::default()
                };
                Some(self.list(format!("queue {queue}: jobs not completed, by id"), filter))
            }
            Action::LoadJobs { title, ids } => {
                let filter = JobFilter {
                    ids,
                    ..Default::default()
                };
                Some(self.list(title, filter))
            }
            Action::LoadJob(id) => {
                let row = self.db.read(|conn| {
                    let jobs = self.jobs_table(conn)?;
                    job_queries::get(conn, &jobs, id)
                });
                Some(match row {
                    Ok(Some(row)) => {
                        Event::Job(Box::new(JobRecord::from_row(&row, &self.redactor)))
                    }
                    Ok(None) => Event::Failed(format!("job {id} not found")),
                    Err(err) => Event::Failed(err.message().to_string()),
                })
            }
            Action::Prepare { op, ids } => Some(match self.prepare(op, ids) {
                Ok(plan) => Event::Prepared(plan),
                Err(err) => Event::Failed(err.message().to_string()),
            }),
            Action::PrepareQueue { queue, pause } => {
                Some(match self.prepare_queue(&queue, pause) {
                    Ok(plan) => Event::Prepared(plan),
                    Err(err) => Event::Failed(err.message().to_string()),
                })
            }
            Action::Execute { reason } => Some(match self.execute(&reason) {
                Ok(done) => done,
                Err(err) => Event::Failed(err.message().to_string()),
            }),
            Action::Abandon => {
                self.pending = None;
                None
            }
        }
    }

    fn prepare(&mut self, op: crate::jobs::Operation, ids: Vec<i64>) -> CliResult<PlanInfo> {
        guard::require_actor(self.settings)?;
        let request = Request::for_ids(op, ids);
        let prepared = mutate::prepare(&self.db, &request)?;
        if let Some(err) = mutate::refusal(&prepared.plan) {
            return Err(err);
        }
        let plan = PlanInfo {
            op: Some(op),
            lines: modal_lines(
                &PlanView {
                    plan: &prepared.plan,
                    verb: op.verb(),
                }
                .view(),
                self.size,
            ),
            question: prepared.plan.question(op.verb()),
            matched: prepared.plan.matched,
        };
        self.pending = Some(Pending::Jobs(Box::new((request, prepared))));
        Ok(plan)
    }

    /// The same preview `obanctl queue pause|resume Q` prints, for the modal.
    fn prepare_queue(&mut self, queue: &str, pause: bool) -> CliResult<PlanInfo> {
        guard::require_actor(self.settings)?;
        let name = QueueName::new(queue).map_err(|e| CliError::refused(e.to_string()))?;
        let jobs = self.db.read(|conn| self.jobs_table(conn))?;
        let action = if pause {
            QueueAction::Pause
        } else {
            QueueAction::Resume
        };
        let prepared = queue_actions::prepare(
            &self.db,
            &jobs,
            QueueRequest {
                action,
                targets: Targets::Named(vec![name]),
                node: None,
                listen_url: None,
                confirm_timeout: QUEUE_CONFIRM_TIMEOUT,
                dry_run: false,
            },
        )?;
        let plan = PlanInfo {
            op: None,
            lines: modal_lines(
                &QueuePlanView {
                    plan: &prepared.plan,
                    verb: action.verb(),
                }
                .view(),
                self.size,
            ),
            question: prepared.question.clone(),
            matched: 1,
        };
        self.pending = Some(Pending::Queue(Box::new(prepared), action));
        Ok(plan)
    }

    /// Carries out the previewed action: [`Event::Done`] with what it did.
    fn execute(&mut self, reason: &str) -> CliResult<Event> {
        let pending = self
            .pending
            .take()
            .ok_or_else(|| CliError::refused("nothing to carry out: preview the action again"))?;
        let (request, prepared) = match pending {
            Pending::Jobs(jobs) => *jobs,
            Pending::Queue(queue, action) => {
                let done = queue_actions::execute(&self.db, self.settings, &queue, reason)?;
                return Ok(queue_done(action, &done));
            }
        };
        let op = request.op;
        let hooks = Hooks {
            results: &mut |_| Ok(()),
            note: &|_| {},
            stop: &|| false,
        };
        let done = mutate::execute(&self.db, self.settings, &request, prepared, reason, hooks)?;
        if let Some(failure) = done.failure {
            let message = format!(
                "{}; {} changed and audited before the run stopped",
                failure.message(),
                fmt::count(done.changed, "job")
            );
            return Err(failure.with_message(message));
        }
        let skipped = done.summary.skipped_total();
        Ok(Event::Done {
            text: format!(
                "{} {}{} (audited, operation {})",
                capitalize(op.past_tense()),
                fmt::count(done.changed, "job"),
                if skipped > 0 {
                    format!(", {} skipped", fmt::number(skipped))
                } else {
                    String::new()
                },
                done.operation_id
            ),
            notice: None,
        })
    }
}

/// A plan as the command line prints it, fitted to the modal of a terminal of `size`.
pub fn modal_lines(doc: &Doc, size: (u16, u16)) -> Vec<String> {
    let width = modal_width(size).saturating_sub(2);
    let text = text_render::doc(
        doc,
        &RenderOptions {
            width: Some(width.max(20)),
            color: false,
            truncate: true,
        },
    );
    text.lines().map(str::to_string).collect()
}

/// What a sent queue action shows: the nodes' confirmation in the footer, or, when some node did
/// not confirm (or none could be asked), a short footer line and the full sentences in a modal.
pub fn queue_done(action: QueueAction, done: &QueueDone) -> Event {
    let confirmations: Vec<String> = done
        .confirmations
        .iter()
        .map(|c| {
            text_render::doc(&c.view(), &RenderOptions::PLAIN)
                .trim()
                .to_string()
        })
        .collect();
    let operation = done.summary.operation_id.clone().unwrap_or_default();
    if done.confirmations.iter().all(QueueConfirmation::ok) {
        return Event::Done {
            text: format!(
                "{} (audited, operation {operation})",
                confirmations.join(" ")
            ),
            notice: None,
        };
    }
    let queues: Vec<&str> = done.audit_ids.keys().map(String::as_str).collect();
    let ids: Vec<String> = done.audit_ids.values().map(i64::to_string).collect();
    let events = format!(
        "{} {}",
        if ids.len() == 1 { "event" } else { "events" },
        ids.join(", ")
    );
    let mut lines = confirmations;
    lines.push(String::new());
    lines.push(format!("Recorded as audit {events}."));
    lines.push(format!("Operation {operation}."));
    Event::Done {
        text: format!(
            "{}: {} sent, not confirmed (audited as {events})",
            queues.join(", "),
            action.verb()
        ),
        notice: Some(Notice {
            title: format!("{} sent, not confirmed", capitalize(action.verb())),
            lines,
        }),
    }
}

pub fn run(settings: &Settings, db: Arc<Database>, options: Options) -> CliResult<ExitStatus> {
    let redactor = Redactor::new(&settings.redact);
    let (snapshots_tx, snapshots) = mpsc::channel::<Snapshot>();
    let (wake, wake_rx) = mpsc::channel::<()>();
    let mut gatherer = Gatherer::new(db.clone(), redactor.clone());
    let interval = options.interval;
    std::thread::spawn(move || loop {
        if snapshots_tx.send(gatherer.gather()).is_err() {
            break;
        }
        match wake_rx.recv_timeout(interval) {
            Ok(()) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
    });
    // A SIGINT from outside the terminal (raw mode turns Ctrl-C into a key) ends the loop
    // cleanly too, instead of exiting with the terminal still in raw mode.
    interrupt::allow_graceful_stop();

    let guard = TerminalGuard::enter().map_err(io_error)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout())).map_err(io_error)?;
    let size = terminal.size().map_err(io_error)?;
    let mut ui = UiState::new(options.read_only, options.color, (size.width, size.height));
    let mut snapshot = Arc::new(Snapshot::loading(db.prefix()));
    let mut actions = Actions {
        settings,
        db,
        redactor,
        pending: None,
        size: ui.size,
    };
    let mut frames = 0u64;
    let mut dirty = true;
    loop {
        if dirty {
            terminal
                .draw(|frame| render(&snapshot, &ui, frame))
                .map_err(io_error)?;
            dirty = false;
            frames += 1;
            test_panic(frames);
        }
        if interrupt::requested() {
            break;
        }
        while let Ok(next) = snapshots.try_recv() {
            snapshot = Arc::new(next);
            update(&mut ui, Event::Snapshot(snapshot.clone()));
            dirty = true;
        }
        if !event::poll(TICK).map_err(io_error)? {
            continue;
        }
        let event = match event::read().map_err(io_error)? {
            event::Event::Key(key) => match key_of(key) {
                Some(key) => Event::Key(key),
                None => continue,
            },
            event::Event::Resize(w, h) => {
                actions.size = (w, h);
                Event::Resize(w, h)
            }
            _ => continue,
        };
        dirty = true;
        let mut next = update(&mut ui, event);
        while let Some(action) = next.take() {
            match action {
                Action::Quit => {
                    drop(terminal);
                    drop(guard);
                    return Ok(ExitStatus::Success);
                }
                Action::Refresh => {
                    let _ = wake.send(());
                }
                action => {
                    // Show the busy modal (or the keypress) before the database call.
                    terminal
                        .draw(|frame| render(&snapshot, &ui, frame))
                        .map_err(io_error)?;
                    if let Some(result) = actions.perform(action) {
                        next = update(&mut ui, result);
                    }
                }
            }
        }
    }
    drop(terminal);
    drop(guard);
    Ok(ExitStatus::Success)
}

/// Debug builds only: `OBANCTL_TOP_TEST_PANIC=N` panics after the Nth frame, so the tests can
/// check that a panic puts the terminal back.
fn test_panic(frames: u64) {
    #[cfg(debug_assertions)]
    if let Some(n) = std::env::var("OBANCTL_TOP_TEST_PANIC")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        if frames >= n {
            panic!("test panic requested by OBANCTL_TOP_TEST_PANIC");
        }
    }
    let _ = frames;
}
