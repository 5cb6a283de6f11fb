//! Where each pane goes for a terminal size. Shared by `update` (which scrolls lists to fit their
//! pane) and `render` (which draws them there), so both agree on every viewport.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

/// Below this width the failures and activity panes are stacked instead of side by side.
pub const SIDE_BY_SIDE_FROM: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    /// Everything between header and footer (drill-down screens use all of it).
    pub body: Rect,
    pub queues: Rect,
    pub failures: Rect,
    pub activity: Rect,
    pub footer: Rect,
}

pub fn rect((width, height): (u16, u16)) -> Rect {
    Rect::new(0, 0, width, height)
}

pub fn areas(area: Rect) -> Areas {
    let [header, body, footer] = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(2),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area);
    let [queues, bottom] = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Percentage(55), Constraint::Percentage(45)])
        .areas(body);
    let direction = if area.width >= SIDE_BY_SIDE_FROM {
        Direction::Horizontal
    } else {
        Direction::Vertical
    };
    let [failures, activity] = Layout::default()
        .direction(direction)
        .constraints([Constraint::Percentage(50), Constraint::Percentage(50)])
        .areas(bottom);
    Areas {
        header,
        body,
        queues,
        failures,
        activity,
        footer,
    }
}

/// Rows of a bordered list in `area` (minus the column header row, when it has one).
pub fn list_rows(area: Rect, header_row: bool) -> usize {
    (area.height as usize).saturating_sub(2 + header_row as usize)
}
