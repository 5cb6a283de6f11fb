//! What the operator is doing on the dashboard (focus, selection, filter, sort, drill-down,
//! modal), changed only by [`update`]. Pure: the database work an event calls for is returned as
//! an [`Action`] for the loop to carry out, and its result comes back as another [`Event`].

use std::sync::Arc;

use super::app::QUEUE_CONFIRM_TIMEOUT;
use super::layout;
use super::snapshot::{QueueRow, Snapshot};
use crate::jobs::{validate_reason, Operation};
use crate::report::jobs::JobRecord;

/// Keys the dashboard reads (terminal key events map to these, so `update` is testable alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Backspace,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Tab,
    BackTab,
    /// Ctrl-C: quit from anywhere.
    Interrupt,
}

/// A previewed action, as the modal shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanInfo {
    /// The job operation, or `None` for a queue action.
    pub op: Option<Operation>,
    /// The plan as `jobs retry|cancel|discard` prints it, one line each.
    pub lines: Vec<String>,
    /// `Retry 3 jobs?`
    pub question: String,
    pub matched: i64,
}

pub enum Event {
    Key(Key),
    Resize(u16, u16),
    Snapshot(Arc<Snapshot>),
    /// Jobs for a drill-down (a queue's, a failure group's).
    Jobs {
        title: String,
        jobs: Vec<JobRecord>,
    },
    Job(Box<JobRecord>),
    /// A load or an action failed; the message is shown in a modal.
    Failed(String),
    Prepared(PlanInfo),
    /// An action finished: what it did, in a sentence for the footer, and what needs a look
    /// (nodes that did not confirm a pause), for a modal.
    Done {
        text: String,
        notice: Option<Notice>,
    },
}

/// A result that needs reading in full: the footer's one line would cut it.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub title: String,
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    /// Gather a snapshot now instead of waiting for the interval.
    Refresh,
    LoadQueueJobs(String),
    LoadJobs {
        title: String,
        ids: Vec<i64>,
    },
    LoadJob(i64),
    /// Preview `op` on these jobs (the preview comes back as [`Event::Prepared`]).
    Prepare {
        op: Operation,
        ids: Vec<i64>,
    },
    /// Preview pausing (or resuming) a queue on every node, as `obanctl queue pause|resume`
    /// does (the preview comes back as [`Event::Prepared`]).
    PrepareQueue {
        queue: String,
        pause: bool,
    },
    /// Carry out the previewed action with this reason (confirmed).
    Execute {
        reason: String,
    },
    /// Forget the previewed action.
    Abandon,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Queues,
    Failures,
    Activity,
}

impl Pane {
    fn index(self) -> usize {
        match self {
            Pane::Queues => 0,
            Pane::Failures => 1,
            Pane::Activity => 2,
        }
    }

    fn next(self) -> Pane {
        match self {
            Pane::Queues => Pane::Failures,
            Pane::Failures => Pane::Activity,
            Pane::Activity => Pane::Queues,
        }
    }

    fn previous(self) -> Pane {
        self.next().next()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Available,
    Executing,
    Retryable,
    Latency,
    Throughput,
}

impl SortKey {
    fn next(self) -> SortKey {
        match self {
            SortKey::Name => SortKey::Available,
            SortKey::Available => SortKey::Executing,
            SortKey::Executing => SortKey::Retryable,
            SortKey::Retryable => SortKey::Latency,
            SortKey::Latency => SortKey::Throughput,
            SortKey::Throughput => SortKey::Name,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Available => "available",
            SortKey::Executing => "executing",
            SortKey::Retryable => "retryable",
            SortKey::Latency => "latency",
            SortKey::Throughput => "throughput",
        }
    }
}

/// A list with a selection and the first row shown; the viewport height comes from the layout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    /// Moves by `delta` within `len` rows and scrolls so the selection stays in `height` rows.
    fn step(&mut self, delta: isize, len: usize, height: usize) {
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        let target = (self.selected as isize + delta).clamp(0, len as isize - 1);
        self.selected = target as usize;
        self.fit(len, height);
    }

    fn fit(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        }
        if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

/// A drill-down screen over the dashboard (Esc goes back).
#[derive(Debug, Clone, PartialEq)]
pub enum Drill {
    /// Jobs as `jobs list` shows them.
    Jobs {
        title: String,
        jobs: Vec<JobRecord>,
        cursor: Cursor,
    },
    /// One job as `jobs show` shows it.
    Job { job: Box<JobRecord>, scroll: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    /// A database call is running.
    Busy(String),
    /// An error or a notice, dismissed with any key.
    Message { title: String, lines: Vec<String> },
    /// The plan of an action; Enter goes on to the reason.
    Preview(PlanInfo),
    /// The reason for the audit log being typed.
    Reason {
        plan: PlanInfo,
        input: String,
        error: Option<String>,
    },
    /// The last question before the change.
    Confirm { plan: PlanInfo, reason: String },
}

#[derive(Debug, Clone)]
pub struct UiState {
    pub read_only: bool,
    /// Paint with colour (off with `NO_COLOR`, `--color never`, `TERM=dumb`).
    pub color: bool,
    pub size: (u16, u16),
    pub pane: Pane,
    pub cursors: [Cursor; 3],
    /// Queue filter (substring, case-insensitive), typed after `/`.
    pub filter: String,
    pub filtering: bool,
    pub sort: SortKey,
    pub descending: bool,
    /// Indices into the snapshot's queue rows, filtered and sorted: what the pane lists.
    pub queue_order: Vec<usize>,
    /// The failure groups' job ids, in pane order.
    pub group_ids: Vec<Vec<i64>>,
    pub group_labels: Vec<String>,
    pub activity_len: usize,
    pub drill: Vec<Drill>,
    pub modal: Option<Modal>,
    /// A one-line notice in the footer (cleared by the next key).
    pub status: Option<String>,
    /// Keep the last snapshot's rows to re-sort when the filter or sort changes.
    last: Option<Arc<Snapshot>>,
}

impl UiState {
    pub fn new(read_only: bool, color: bool, size: (u16, u16)) -> UiState {
        UiState {
            read_only,
            color,
            size,
            pane: Pane::Queues,
            cursors: [Cursor::default(); 3],
            filter: String::new(),
            filtering: false,
            sort: SortKey::Name,
            descending: false,
            queue_order: Vec::new(),
            group_ids: Vec::new(),
            group_labels: Vec::new(),
            activity_len: 0,
            drill: Vec::new(),
            modal: None,
            status: None,
            last: None,
        }
    }

    pub fn cursor(&self, pane: Pane) -> Cursor {
        self.cursors[pane.index()]
    }

    fn pane_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Queues => self.queue_order.len(),
            Pane::Failures => self.group_ids.len(),
            Pane::Activity => self.activity_len,
        }
    }

    fn pane_height(&self, pane: Pane) -> usize {
        let areas = layout::areas(layout::rect(self.size));
        let area = match pane {
            Pane::Queues => areas.queues,
            Pane::Failures => areas.failures,
            Pane::Activity => areas.activity,
        };
        layout::list_rows(area, pane == Pane::Queues)
    }

    fn drill_height(&self) -> usize {
        layout::list_rows(layout::areas(layout::rect(self.size)).body, true)
    }

    fn refit(&mut self) {
        for pane in [Pane::Queues, Pane::Failures, Pane::Activity] {
            let (len, height) = (self.pane_len(pane), self.pane_height(pane));
            self.cursors[pane.index()].fit(len, height);
        }
    }

    /// Recomputes the queue order from the last snapshot (after new data, a filter or a sort).
    fn reorder(&mut self) {
        let Some(snapshot) = self.last.clone() else {
            return;
        };
        let selected_name = self
            .queue_order
            .get(self.cursors[0].selected)
            .and_then(|i| snapshot.queue_rows().get(*i))
            .map(|r| r.name.clone());
        self.queue_order = order(
            snapshot.queue_rows(),
            &self.filter,
            self.sort,
            self.descending,
        );
        // Keep the selection on the same queue when rows move.
        if let Some(name) = selected_name {
            if let Some(at) = self
                .queue_order
                .iter()
                .position(|i| snapshot.queue_rows()[*i].name == name)
            {
                self.cursors[0].selected = at;
            }
        }
        self.refit();
    }
}

/// The queue rows to list: those whose name contains `filter` (case-insensitive), sorted.
pub fn order(rows: &[QueueRow], filter: &str, sort: SortKey, descending: bool) -> Vec<usize> {
    let needle = filter.to_lowercase();
    let mut order: Vec<usize> = (0..rows.len())
        .filter(|i| needle.is_empty() || rows[*i].name.to_lowercase().contains(&needle))
        .collect();
    let key = |row: &QueueRow| -> i64 {
        match sort {
            SortKey::Name => 0,
            SortKey::Available => row.count("available").n,
            SortKey::Executing => row.count("executing").n,
            SortKey::Retryable => row.count("retryable").n,
            SortKey::Latency => row.latency_secs.map(|s| (s * 1000.0) as i64).unwrap_or(-1),
            SortKey::Throughput => row.per_minute().map(|n| n as i64).unwrap_or(-1),
        }
    };
    order.sort_by(|a, b| {
        let (ra, rb) = (&rows[*a], &rows[*b]);
        // Numbers sort largest first by default (what on-call looks for); names A to Z.
        let primary = if sort == SortKey::Name {
            ra.name.cmp(&rb.name)
        } else {
            key(rb).cmp(&key(ra))
        };
        let primary = if descending {
            primary.reverse()
        } else {
            primary
        };
        primary.then(ra.name.cmp(&rb.name))
    });
    order
}

fn operation_for(c: char) -> Option<Operation> {
    match c {
        'r' => Some(Operation::Retry),
        'c' => Some(Operation::Cancel),
        'd' => Some(Operation::Discard),
        _ => None,
    }
}

/// Applies one event. Returns the database work it calls for, if any.
pub fn update(ui: &mut UiState, event: Event) -> Option<Action> {
    match event {
        Event::Resize(w, h) => {
            ui.size = (w, h);
            ui.refit();
            None
        }
        Event::Snapshot(snapshot) => {
            // The activity pane follows new events unless the operator scrolled up from the end.
            let follow = {
                let c = ui.cursors[Pane::Activity.index()];
                ui.activity_len == 0 || c.selected + 1 >= ui.activity_len
            };
            ui.group_ids = snapshot
                .failure_groups()
                .iter()
                .map(|g| g.job_ids.clone())
                .collect();
            ui.group_labels = snapshot
                .failure_groups()
                .iter()
                .map(|g| {
                    format!(
                        "{}{} failures of {}",
                        crate::output::fmt::number(g.count.n),
                        if g.count.at_least { "+" } else { "" },
                        g.worker
                    )
                })
                .collect();
            ui.activity_len = snapshot.activity_lines().len();
            ui.last = Some(snapshot);
            ui.reorder();
            if follow && ui.activity_len > 0 {
                let height = ui.pane_height(Pane::Activity);
                let cursor = &mut ui.cursors[Pane::Activity.index()];
                cursor.selected = ui.activity_len - 1;
                cursor.fit(ui.activity_len, height);
            }
            None
        }
        Event::Jobs { title, jobs } => {
            ui.modal = None;
            ui.drill.push(Drill::Jobs {
                title,
                jobs,
                cursor: Cursor::default(),
            });
            None
        }
        Event::Job(job) => {
            ui.modal = None;
            ui.drill.push(Drill::Job { job, scroll: 0 });
            None
        }
        Event::Failed(message) => {
            let abandon = matches!(ui.modal, Some(Modal::Busy(_)) | Some(Modal::Preview(_)));
            ui.modal = Some(Modal::Message {
                title: "Error".into(),
                lines: vec![message],
            });
            abandon.then_some(Action::Abandon)
        }
        Event::Prepared(plan) => {
            if plan.matched == 0 {
                ui.modal = Some(Modal::Message {
                    title: "Nothing to change".into(),
                    lines: plan.lines,
                });
                return Some(Action::Abandon);
            }
            ui.modal = Some(Modal::Preview(plan));
            None
        }
        Event::Done { text, notice } => {
            ui.modal = notice.map(|n| Modal::Message {
                title: n.title,
                lines: n.lines,
            });
            ui.status = Some(text);
            // Leave a drill-down of jobs that just changed state: the dashboard shows the result.
            ui.drill.clear();
            Some(Action::Refresh)
        }
        Event::Key(key) => on_key(ui, key),
    }
}

fn on_key(ui: &mut UiState, key: Key) -> Option<Action> {
    if key == Key::Interrupt {
        return Some(Action::Quit);
    }
    if let Some(modal) = ui.modal.take() {
        // Closing a message leaves the result line it came with in the footer.
        if !matches!(modal, Modal::Message { .. }) {
            ui.status = None;
        }
        return on_modal_key(ui, modal, key);
    }
    ui.status = None;
    if ui.filtering {
        match key {
            Key::Enter => ui.filtering = false,
            Key::Esc => {
                ui.filtering = false;
                ui.filter.clear();
            }
            Key::Backspace => {
                ui.filter.pop();
            }
            Key::Char(c) if !c.is_control() && ui.filter.chars().count() < 100 => ui.filter.push(c),
            _ => {}
        }
        ui.reorder();
        return None;
    }
    if !ui.drill.is_empty() {
        return on_drill_key(ui, key);
    }
    let pane = ui.pane;
    let (len, height) = (ui.pane_len(pane), ui.pane_height(pane));
    let cursor = &mut ui.cursors[pane.index()];
    match key {
        Key::Char('q') => return Some(Action::Quit),
        Key::Tab => ui.pane = pane.next(),
        Key::BackTab => ui.pane = pane.previous(),
        Key::Up | Key::Char('k') => cursor.step(-1, len, height),
        Key::Down | Key::Char('j') => cursor.step(1, len, height),
        Key::PageUp => cursor.step(-(height as isize), len, height),
        Key::PageDown => cursor.step(height as isize, len, height),
        Key::Home | Key::Char('g') => cursor.step(-(len as isize), len, height),
        Key::End | Key::Char('G') => cursor.step(len as isize, len, height),
        Key::Char('/') => {
            ui.pane = Pane::Queues;
            ui.filtering = true;
        }
        Key::Esc if !ui.filter.is_empty() => {
            ui.filter.clear();
            ui.reorder();
        }
        Key::Char('s') => {
            ui.sort = ui.sort.next();
            ui.descending = false;
            ui.reorder();
        }
        Key::Char('S') => {
            ui.descending = !ui.descending;
            ui.reorder();
        }
        Key::Char('R') => return Some(Action::Refresh),
        Key::Enter => return open_selected(ui),
        Key::Char(c @ ('p' | 'u')) if pane == Pane::Queues => {
            if ui.read_only {
                ui.status = Some("read-only: actions are disabled (--read-only)".into());
                return None;
            }
            let snapshot = ui.last.as_ref()?;
            let row = snapshot
                .queue_rows()
                .get(*ui.queue_order.get(cursor.selected)?)?;
            let (queue, pause) = (row.name.clone(), c == 'p');
            ui.modal = Some(Modal::Busy(format!(
                "Previewing {} of {queue}...",
                if pause { "a pause" } else { "a resume" }
            )));
            return Some(Action::PrepareQueue { queue, pause });
        }
        Key::Char(c @ ('p' | 'u')) => {
            ui.status = Some(format!(
                "{}: select a queue in the Queues pane",
                if c == 'p' { "pause" } else { "resume" }
            ));
        }
        Key::Char(c) => {
            if let Some(op) = operation_for(c) {
                return match pane {
                    Pane::Failures => {
                        let ids = ui.group_ids.get(cursor.selected).cloned();
                        act(ui, op, ids)
                    }
                    _ => {
                        ui.status = Some(format!(
                            "{}: select a failure group, or open a queue and select a job",
                            op.verb()
                        ));
                        None
                    }
                };
            }
        }
        _ => {}
    }
    None
}

fn open_selected(ui: &mut UiState) -> Option<Action> {
    let selected = ui.cursor(ui.pane).selected;
    match ui.pane {
        Pane::Queues => {
            let snapshot = ui.last.as_ref()?;
            let row = snapshot.queue_rows().get(*ui.queue_order.get(selected)?)?;
            Some(Action::LoadQueueJobs(row.name.clone()))
        }
        Pane::Failures => {
            let ids = ui.group_ids.get(selected)?.clone();
            let label = ui.group_labels.get(selected).cloned().unwrap_or_default();
            Some(Action::LoadJobs {
                title: format!("{label} in the last hour"),
                ids,
            })
        }
        Pane::Activity => None,
    }
}

/// An action on jobs, unless the dashboard is read-only or nothing is selected.
fn act(ui: &mut UiState, op: Operation, ids: Option<Vec<i64>>) -> Option<Action> {
    if ui.read_only {
        ui.status = Some("read-only: actions are disabled (--read-only)".into());
        return None;
    }
    let ids = ids.filter(|ids| !ids.is_empty())?;
    ui.modal = Some(Modal::Busy(format!("Previewing {}...", op.verb())));
    Some(Action::Prepare { op, ids })
}

fn on_drill_key(ui: &mut UiState, key: Key) -> Option<Action> {
    let height = ui.drill_height();
    let top = ui.drill.last_mut()?;
    if matches!(key, Key::Esc | Key::Char('q') | Key::Backspace) {
        ui.drill.pop();
        return None;
    }
    match top {
        Drill::Jobs { jobs, cursor, .. } => {
            let len = jobs.len();
            match key {
                Key::Up | Key::Char('k') => cursor.step(-1, len, height),
                Key::Down | Key::Char('j') => cursor.step(1, len, height),
                Key::PageUp => cursor.step(-(height as isize), len, height),
                Key::PageDown => cursor.step(height as isize, len, height),
                Key::Home | Key::Char('g') => cursor.step(-(len as isize), len, height),
                Key::End | Key::Char('G') => cursor.step(len as isize, len, height),
                Key::Enter => return jobs.get(cursor.selected).map(|j| Action::LoadJob(j.id)),
                Key::Char(c) => {
                    if let Some(op) = operation_for(c) {
                        let ids = jobs.get(cursor.selected).map(|j| vec![j.id]);
                        return act(ui, op, ids);
                    }
                }
                _ => {}
            }
        }
        Drill::Job { job, scroll } => match key {
            Key::Up | Key::Char('k') => *scroll = scroll.saturating_sub(1),
            Key::Down | Key::Char('j') => *scroll += 1,
            Key::PageUp => *scroll = scroll.saturating_sub(height),
            Key::PageDown => *scroll += height,
            Key::Home | Key::Char('g') => *scroll = 0,
            Key::Char(c) => {
                if let Some(op) = operation_for(c) {
                    let ids = Some(vec![job.id]);
                    return act(ui, op, ids);
                }
            }
            _ => {}
        },
    }
    None
}

fn on_modal_key(ui: &mut UiState, modal: Modal, key: Key) -> Option<Action> {
    match modal {
        // Keys wait while the database works.
        Modal::Busy(text) => {
            ui.modal = Some(Modal::Busy(text));
            None
        }
        Modal::Message { .. } => None,
        Modal::Preview(plan) => match key {
            Key::Enter | Key::Char('y') => {
                ui.modal = Some(Modal::Reason {
                    plan,
                    input: String::new(),
                    error: None,
                });
                None
            }
            Key::Esc | Key::Char('n') | Key::Char('q') => cancelled(ui),
            _ => {
                ui.modal = Some(Modal::Preview(plan));
                None
            }
        },
        Modal::Reason {
            plan,
            mut input,
            mut error,
        } => {
            match key {
                Key::Esc => return cancelled(ui),
                Key::Enter => match validate_reason(&input) {
                    Ok(reason) => {
                        ui.modal = Some(Modal::Confirm { plan, reason });
                        return None;
                    }
                    Err(message) => error = Some(message),
                },
                Key::Backspace => {
                    input.pop();
                }
                Key::Char(c) if !c.is_control() && input.chars().count() < 1000 => input.push(c),
                _ => {}
            }
            ui.modal = Some(Modal::Reason { plan, input, error });
            None
        }
        Modal::Confirm { plan, reason } => match key {
            Key::Char('y') | Key::Char('Y') => {
                let doing = plan.question.trim_end_matches('?');
                // A queue action then listens for the nodes: say why the dashboard waits.
                ui.modal = Some(Modal::Busy(match plan.op {
                    Some(_) => format!("{doing}..."),
                    None => format!(
                        "{doing}: sending, then waiting up to {} for the nodes to confirm...",
                        crate::output::fmt::duration(QUEUE_CONFIRM_TIMEOUT)
                    ),
                }));
                Some(Action::Execute { reason })
            }
            Key::Char('n') | Key::Char('N') | Key::Esc | Key::Enter => cancelled(ui),
            _ => {
                ui.modal = Some(Modal::Confirm { plan, reason });
                None
            }
        },
    }
}

fn cancelled(ui: &mut UiState) -> Option<Action> {
    ui.modal = None;
    ui.status = Some("not confirmed; nothing was changed".into());
    Some(Action::Abandon)
}
