//! Draws one frame from the snapshot and the UI state: shared references only, no decisions
//! that change anything. Every string from the database passes through
//! [`crate::output::sanitize`] before it is painted, and colour is only ever an addition (with
//! `NO_COLOR` the same frame is drawn with bold and reverse video alone).

use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table, Wrap};
use ratatui::Frame;

use super::layout::{self, Areas};
use super::snapshot::{Count, Known, QueueRow, Snapshot};
use super::state::{Drill, Modal, Pane, UiState};
use crate::decode::Timestamp;
use crate::output::render::{self as text_render, RenderOptions};
use crate::output::{fmt, sanitize, View};
use crate::report::jobs::JobList;

/// Terminal-safe text: control characters, bidi overrides and the like shown as escapes.
pub fn safe(text: &str) -> String {
    sanitize::inline(text).into_owned()
}

/// [`safe`] text cut to `max` characters.
pub fn cut(text: &str, max: usize) -> String {
    sanitize::truncate(&safe(text), max).into_owned()
}

/// Compact counts for narrow columns: `987`, `12,345`, `123k`, `1.2M`; `+` marks a floor.
pub fn compact(count: Count) -> String {
    let n = count.n;
    let text = if n < 100_000 {
        fmt::number(n)
    } else if n < 1_000_000 {
        format!("{}k", n / 1000)
    } else {
        let mut value = n as f64 / 1e6;
        let mut unit = 'M';
        for next in ['G', 'T', 'P', 'E'] {
            if value < 999.95 {
                break;
            }
            value /= 1000.0;
            unit = next;
        }
        format!("{value:.1}{unit}")
    };
    if count.at_least {
        format!("{text}+")
    } else {
        text
    }
}

/// `45s`, `12m`, `3h`, `2d`, `3y`: at most 7 characters.
pub fn short_secs(secs: f64) -> String {
    // `as` saturates: NaN is 0, anything huge is u64::MAX.
    let s = secs.max(0.0) as u64;
    match s {
        0..=119 => format!("{s}s"),
        120..=7199 => format!("{}m", s / 60),
        7200..=172_799 => format!("{}h", s / 3600),
        172_800..=31_535_999 => format!("{}d", s / 86_400),
        _ if s / 31_536_000 <= 99_999 => format!("{}y", s / 31_536_000),
        _ => ">99999y".into(),
    }
}

/// One character per minute, scaled to the busiest; `·` is a minute with none.
pub fn sparkline(values: &[u64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|&v| {
            if v == 0 || max == 0 {
                '·'
            } else {
                let level = ((v as f64 / max as f64) * 8.0).ceil() as usize;
                BARS[level.clamp(1, 8) - 1]
            }
        })
        .collect()
}

fn unknown(why: &str) -> String {
    format!("unknown ({})", safe(why))
}

fn age(now: Option<Timestamp>, then: Option<Timestamp>) -> String {
    match (now.and_then(Timestamp::at), then.and_then(Timestamp::at)) {
        (Some(now), Some(then)) => {
            format!(
                "{} ago",
                short_secs((now - then).num_milliseconds() as f64 / 1000.0)
            )
        }
        _ => "-".into(),
    }
}

fn clock(at: Timestamp) -> String {
    at.at()
        .map(|t| t.format("%H:%M:%S").to_string())
        .unwrap_or_else(|| at.to_string())
}

/// Styles for a frame: with colour off every style is monochrome (bold, reverse video).
struct Theme {
    color: bool,
}

impl Theme {
    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::default().fg(color)
        } else {
            Style::default()
        }
    }

    fn bad(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    fn warn(&self) -> Style {
        self.fg(Color::Yellow)
    }

    fn good(&self) -> Style {
        self.fg(Color::Green)
    }

    fn dim(&self) -> Style {
        if self.color {
            Style::default().add_modifier(Modifier::DIM)
        } else {
            Style::default()
        }
    }

    fn bold(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::default()
        }
    }
}

pub fn render(snapshot: &Snapshot, ui: &UiState, frame: &mut Frame) {
    let theme = Theme { color: ui.color };
    let areas = layout::areas(frame.area());
    header(snapshot, &theme, frame, areas.header);
    match ui.drill.last() {
        None => {
            queues(snapshot, ui, &theme, frame, areas.queues);
            failures(snapshot, ui, &theme, frame, areas.failures);
            activity(snapshot, ui, &theme, frame, areas.activity);
        }
        Some(drill) => drill_down(drill, &theme, frame, areas.body),
    }
    footer(ui, &theme, frame, &areas);
    if let Some(modal) = &ui.modal {
        draw_modal(modal, &theme, frame);
    }
}

fn header(snapshot: &Snapshot, theme: &Theme, frame: &mut Frame, area: Rect) {
    let h = &snapshot.header;
    let sep = Span::styled(" │ ", theme.dim());
    let known = |k: &Known<String>| match k {
        Known::Value(v) => safe(v),
        Known::Unknown(why) => unknown(why),
    };
    let leader = match &h.leader {
        Known::Value(Some(node)) => Span::raw(format!("leader {}", safe(node))),
        Known::Value(None) => Span::styled("no leader", theme.warn()),
        Known::Unknown(why) => Span::raw(format!("leader {}", unknown(why))),
    };
    let first = Line::from(vec![
        Span::styled("obanctl top", theme.bold()),
        sep.clone(),
        Span::raw(known(&h.database)),
        sep.clone(),
        Span::raw(format!("prefix {}", safe(&h.prefix))),
        sep.clone(),
        Span::raw(known(&h.flavour)),
        sep.clone(),
        leader,
    ]);
    let mut second = vec![match &h.nodes {
        Known::Value(n) => Span::styled(
            format!(
                "nodes {} alive, {} late, {} missing",
                n.alive, n.late, n.missing
            ),
            if n.missing > 0 {
                theme.bad()
            } else if n.late > 0 {
                theme.warn()
            } else {
                Style::default()
            },
        ),
        Known::Unknown(why) => Span::raw(format!("nodes {}", unknown(why))),
    }];
    second.push(sep.clone());
    // The refresh time (or error) before the doctor's text: on a narrow terminal it is the
    // doctor's sentence that gets cut.
    match &snapshot.error {
        Some(error) => second.push(Span::styled(safe(error), theme.bad())),
        None => second.push(Span::styled(
            match snapshot.taken_at {
                Some(at) => format!("{}Z {} ms", clock(at), snapshot.gather_ms),
                None => "loading".into(),
            },
            theme.dim(),
        )),
    }
    second.push(sep);
    second.push(match &h.doctor {
        Known::Value(d) => {
            let problem = d
                .first_problem
                .as_deref()
                .map(|p| format!(": {}", cut(p, 100)))
                .unwrap_or_default();
            let (text, style) = match (d.errors, d.warnings) {
                (0, 0) => ("doctor ok".to_string(), theme.good()),
                (0, w) => (
                    format!("doctor {}{problem}", fmt::count(w as i64, "warning")),
                    theme.warn(),
                ),
                (e, w) => (
                    format!(
                        "doctor {}, {}{problem}",
                        fmt::count(e as i64, "error"),
                        fmt::count(w as i64, "warning")
                    ),
                    theme.bad(),
                ),
            };
            Span::styled(text, style)
        }
        Known::Unknown(why) => Span::raw(format!("doctor {}", unknown(why))),
    });
    frame.render_widget(Paragraph::new(vec![first, Line::from(second)]), area);
}

fn count_cell(count: Count, theme: &Theme, style_when_nonzero: Option<Style>) -> Cell<'static> {
    if count.n == 0 {
        return Cell::from(Span::styled("0", theme.dim()));
    }
    Cell::from(Span::styled(
        compact(count),
        style_when_nonzero.unwrap_or_default(),
    ))
}

fn queues(snapshot: &Snapshot, ui: &UiState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused = ui.pane == Pane::Queues;
    let filter = if ui.filtering || !ui.filter.is_empty() {
        format!(
            " filter: {}{} ",
            safe(&ui.filter),
            if ui.filtering { "_" } else { "" }
        )
    } else {
        String::new()
    };
    let title = format!(
        " Queues ({}) sort: {}{} {filter}",
        ui.queue_order.len(),
        ui.sort.label(),
        if ui.descending { " ▲" } else { "" },
    );
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border(focused));
    let rows_data = match &snapshot.queues {
        Known::Value(rows) => rows,
        Known::Unknown(why) => {
            frame.render_widget(
                Paragraph::new(unknown(why))
                    .block(block)
                    .wrap(Wrap { trim: false }),
                area,
            );
            return;
        }
    };
    let wide = area.width >= 110;
    let mut headers = vec![
        "QUEUE", "AVAIL", "EXEC", "SCHED", "RETRY", "DISC", "WAIT", "PER MIN",
    ];
    let mut widths = vec![
        Constraint::Fill(1),
        Constraint::Length(7),
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Length(5),
        Constraint::Length(16),
    ];
    if wide {
        headers.extend(["DONE", "CANC", "NODES"]);
        widths.extend([
            Constraint::Length(7),
            Constraint::Length(6),
            Constraint::Length(22),
        ]);
    }
    let height = layout::list_rows(area, true);
    let cursor = ui.cursor(Pane::Queues);
    let rows: Vec<Row> = ui
        .queue_order
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(height)
        .filter_map(|(at, i)| Some((at, rows_data.get(*i)?)))
        .map(|(at, row)| {
            let row_widget = Row::new(queue_cells(row, theme, wide));
            if focused && at == cursor.selected {
                row_widget.style(theme.selected())
            } else {
                row_widget
            }
        })
        .collect();
    let empty = rows.is_empty();
    let table = Table::new(rows, widths)
        .header(Row::new(headers).style(theme.bold()))
        .column_spacing(1)
        .block(block);
    frame.render_widget(table, area);
    if empty {
        let inner = Rect {
            y: area.y + 2,
            height: 1,
            x: area.x + 1,
            width: area.width.saturating_sub(2),
        };
        let text = if ui.filter.is_empty() {
            "no jobs in any queue".to_string()
        } else {
            format!("no queue matches `{}`", safe(&ui.filter))
        };
        if inner.y < area.y + area.height.saturating_sub(1) {
            frame.render_widget(Paragraph::new(Span::styled(text, theme.dim())), inner);
        }
    }
}

fn queue_cells(row: &QueueRow, theme: &Theme, wide: bool) -> Vec<Cell<'static>> {
    let throughput = match &row.throughput {
        Known::Value(series) => format!(
            "{} {}",
            sparkline(series),
            row.per_minute()
                .map(|n| fmt::number(n as i64))
                .unwrap_or_default()
        ),
        Known::Unknown(_) => "unknown".into(),
    };
    let mut cells = vec![
        Cell::from(safe(&row.name)),
        count_cell(row.count("available"), theme, None),
        count_cell(row.count("executing"), theme, Some(theme.good())),
        count_cell(row.count("scheduled"), theme, None),
        count_cell(row.count("retryable"), theme, Some(theme.warn())),
        count_cell(row.count("discarded"), theme, Some(theme.bad())),
        Cell::from(
            row.latency_secs
                .map(short_secs)
                .unwrap_or_else(|| "-".into()),
        ),
        Cell::from(throughput),
    ];
    if wide {
        cells.push(count_cell(row.count("completed"), theme, None));
        cells.push(count_cell(row.count("cancelled"), theme, None));
        cells.push(Cell::from(Span::styled(
            match &row.nodes {
                Known::Value(text) => safe(text),
                Known::Unknown(why) => unknown(why),
            },
            theme.dim(),
        )));
    }
    cells
}

/// A list pane's rows; when there are none to list (unknown, or empty), the pane says why and
/// this returns `None`.
fn rows_or_reason<'a, T>(
    known: &'a Known<Vec<T>>,
    empty: &'static str,
    block: &Block<'static>,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> Option<&'a [T]> {
    let paragraph = match known {
        Known::Value(rows) if !rows.is_empty() => return Some(rows),
        Known::Value(_) => Paragraph::new(Span::styled(empty, theme.dim())),
        Known::Unknown(why) => Paragraph::new(unknown(why)).wrap(Wrap { trim: false }),
    };
    frame.render_widget(paragraph.block(block.clone()), area);
    None
}

fn failures(snapshot: &Snapshot, ui: &UiState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused = ui.pane == Pane::Failures;
    let block = Block::bordered()
        .title(" Failures, last hour ")
        .border_style(theme.border(focused));
    let Some(groups) = rows_or_reason(
        &snapshot.failures,
        "no failures in the last hour",
        &block,
        theme,
        frame,
        area,
    ) else {
        return;
    };
    let cursor = ui.cursor(Pane::Failures);
    let height = layout::list_rows(area, false);
    let worker_width = (area.width as usize / 3).max(8);
    let rows: Vec<Row> = groups
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(height)
        .map(|(at, g)| {
            let row = Row::new(vec![
                Cell::from(Span::styled(compact(g.count), theme.bad())),
                Cell::from(cut(&g.worker, worker_width)),
                Cell::from(safe(&g.example)),
                Cell::from(Span::styled(age(snapshot.taken_at, g.last_at), theme.dim())),
            ]);
            if focused && at == cursor.selected {
                row.style(theme.selected())
            } else {
                row
            }
        })
        .collect();
    let widths = [
        Constraint::Length(6),
        Constraint::Length(worker_width as u16),
        Constraint::Fill(1),
        Constraint::Length(8),
    ];
    frame.render_widget(
        Table::new(rows, widths).column_spacing(1).block(block),
        area,
    );
}

fn activity(snapshot: &Snapshot, ui: &UiState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused = ui.pane == Pane::Activity;
    let block = Block::bordered()
        .title(" Activity (audit) ")
        .border_style(theme.border(focused));
    let Some(lines) = rows_or_reason(
        &snapshot.activity,
        "no audit events yet",
        &block,
        theme,
        frame,
        area,
    ) else {
        return;
    };
    let cursor = ui.cursor(Pane::Activity);
    let height = layout::list_rows(area, false);
    let text: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(height)
        .map(|(at, a)| {
            let outcome_style = match a.outcome.as_deref() {
                None | Some("ok" | "success" | "succeeded") => Style::default(),
                Some(_) => theme.warn(),
            };
            let mut spans = vec![
                Span::styled(clock(a.at), theme.dim()),
                Span::raw(" "),
                Span::raw(cut(&a.actor, 24)),
                Span::raw(" "),
                Span::styled(cut(&a.action, 40), theme.bold()),
                Span::raw(" "),
                Span::raw(cut(&a.target, 30)),
            ];
            if let Some(reason) = &a.reason {
                spans.push(Span::raw(format!(" \"{}\"", cut(reason, 60))));
            }
            if let Some(outcome) = &a.outcome {
                spans.push(Span::styled(
                    format!(" {}", cut(outcome, 20)),
                    outcome_style,
                ));
            }
            let line = Line::from(spans);
            if focused && at == cursor.selected {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(text).block(block), area);
}

fn drill_down(drill: &Drill, theme: &Theme, frame: &mut Frame, area: Rect) {
    let inner_width = area.width.saturating_sub(2) as usize;
    match drill {
        Drill::Jobs {
            title,
            jobs,
            cursor,
        } => {
            let block = Block::bordered()
                .title(format!(
                    " {}: {} shown ",
                    safe(title),
                    fmt::number(jobs.len() as i64)
                ))
                .border_style(theme.border(true));
            if jobs.is_empty() {
                frame.render_widget(
                    Paragraph::new(Span::styled("no jobs", theme.dim())).block(block),
                    area,
                );
                return;
            }
            // The `jobs list` view, rendered as it prints to a pipe (one row per line, long
            // cells cut), then fitted to the pane.
            let text = text_render::doc(
                &JobList { jobs }.view(),
                &RenderOptions {
                    width: None,
                    color: false,
                    truncate: true,
                },
            );
            let mut all = text.lines();
            let head = all.next().unwrap_or_default();
            let height = layout::list_rows(area, true);
            let fit = |line: &str| -> String { line.chars().take(inner_width).collect() };
            let mut lines = vec![Line::styled(fit(head), theme.bold())];
            lines.extend(
                all.enumerate()
                    .skip(cursor.offset)
                    .take(height)
                    .map(|(at, line)| {
                        let line = Line::raw(fit(line));
                        if at == cursor.selected {
                            line.style(theme.selected())
                        } else {
                            line
                        }
                    }),
            );
            frame.render_widget(Paragraph::new(lines).block(block), area);
        }
        Drill::Job { job, scroll } => {
            let block = Block::bordered()
                .title(format!(" job {} ", job.id))
                .border_style(theme.border(true));
            let text = text_render::doc(
                &job.view(),
                &RenderOptions {
                    width: Some(inner_width.max(20) as u16),
                    color: false,
                    truncate: false,
                },
            );
            let all: Vec<&str> = text.lines().collect();
            let height = layout::list_rows(area, false);
            let start = (*scroll).min(all.len().saturating_sub(height));
            let lines: Vec<Line> = all
                .iter()
                .skip(start)
                .take(height)
                .map(|l| Line::raw(l.chars().take(inner_width).collect::<String>()))
                .collect();
            frame.render_widget(Paragraph::new(lines).block(block), area);
        }
    }
}

fn footer(ui: &UiState, theme: &Theme, frame: &mut Frame, areas: &Areas) {
    let line = if let Some(status) = &ui.status {
        Line::styled(safe(status), theme.bold())
    } else if ui.filtering {
        Line::raw(format!(
            "filter queues: {}_   Enter keep  Esc clear",
            safe(&ui.filter)
        ))
    } else {
        // The action keys of what is focused (the queues' are not the jobs').
        let actions = if ui.read_only {
            "read-only"
        } else if ui.drill.is_empty() && ui.pane == Pane::Queues {
            "p pause  u resume"
        } else {
            "r retry  c cancel  d discard"
        };
        let keys = match ui.drill.last() {
            None => format!("q quit  Tab pane  Enter open  / filter  s sort  {actions}"),
            Some(Drill::Jobs { .. }) => format!("Esc back  ↑↓ move  Enter show job  {actions}"),
            Some(Drill::Job { .. }) => format!("Esc back  ↑↓ scroll  {actions}"),
        };
        Line::styled(keys, theme.dim())
    };
    frame.render_widget(Paragraph::new(line), areas.footer);
}

/// Modal text width: the plan is rendered to this many columns.
pub fn modal_width(size: (u16, u16)) -> u16 {
    size.0.saturating_sub(4).clamp(20, 76)
}

/// Rows `lines` take once wrapped to `width` columns, as the modal paints them.
fn wrapped_rows(lines: &[Line], width: u16) -> usize {
    Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: false })
        .line_count(width)
}

fn draw_modal(modal: &Modal, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    // `body` may be cut to fit the terminal; `keys` (what to press next) are always shown.
    let (title, mut body, keys): (String, Vec<Line>, Vec<Line>) = match modal {
        Modal::Busy(text) => ("Working".into(), vec![Line::raw(safe(text))], vec![]),
        Modal::Message { title, lines } => (
            title.clone(),
            lines.iter().map(|l| Line::raw(safe(l))).collect(),
            vec![Line::raw(""), Line::styled("any key to close", theme.dim())],
        ),
        Modal::Preview(plan) => (
            plan.question.clone(),
            plan.lines.iter().map(|l| Line::raw(safe(l))).collect(),
            vec![
                Line::raw(""),
                Line::styled("Enter: give a reason   Esc: cancel", theme.bold()),
            ],
        ),
        Modal::Reason { plan, input, error } => {
            let mut keys = vec![Line::styled(format!("> {}_", safe(input)), theme.bold())];
            if let Some(error) = error {
                keys.push(Line::styled(safe(error), theme.bad()));
            }
            keys.push(Line::raw(""));
            keys.push(Line::styled("Enter: continue   Esc: cancel", theme.dim()));
            (
                plan.question.clone(),
                vec![Line::raw(format!(
                    "Reason to {} (8 to 1000 characters, recorded in the audit log):",
                    plan.question.trim_end_matches('?').to_lowercase()
                ))],
                keys,
            )
        }
        Modal::Confirm { plan, reason } => (
            "Confirm".into(),
            vec![Line::raw(format!("Reason: {}", safe(reason)))],
            vec![
                Line::raw(""),
                Line::styled(format!("{} [y/N]", safe(&plan.question)), theme.bold()),
            ],
        ),
    };
    let width = modal_width((area.width, area.height)).min(area.width);
    let inner = width.saturating_sub(2);
    // Heights count wrapped rows: a long plan note takes several.
    let max_rows = area.height.saturating_sub(4) as usize;
    let key_rows = wrapped_rows(&keys, inner);
    if wrapped_rows(&body, inner) + key_rows > max_rows {
        let ellipsis = Line::styled("…", theme.dim());
        while !body.is_empty() && wrapped_rows(&body, inner) + key_rows + 1 > max_rows {
            body.pop();
        }
        body.push(ellipsis);
    }
    body.extend(keys);
    let height = (wrapped_rows(&body, inner) as u16 + 2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width.saturating_sub(width)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(body).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .title(format!(" {} ", safe(&title)))
                .border_style(theme.bold()),
        ),
        rect,
    );
}
