//! Turns a [`Doc`] into terminal text: the one place human output is neutralised, fitted and
//! coloured. Pure (a function of the doc and the options), so views are testable as text.

use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement};
use owo_colors::OwoColorize;

use super::doc::{Align, Block, Doc, Line, Span, Style, Table};
use super::sanitize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// Fit tables to this many columns (a terminal); `None` leaves rows whole (a pipe or file).
    pub width: Option<u16>,
    pub color: bool,
    /// Cut cells to their column's `max_chars` (on a terminal, unless `--no-trunc`).
    pub truncate: bool,
}

impl RenderOptions {
    /// Plain, unbounded text (pipes, files, tests).
    pub const PLAIN: RenderOptions = RenderOptions {
        width: None,
        color: false,
        truncate: false,
    };
}

/// Terminal-safe text of one span, painted when colour is on.
pub fn span(span: &Span, color: bool) -> String {
    let text = sanitize::inline(&span.text);
    match (color, span.style) {
        (true, Some(style)) => paint(&text, style),
        _ => text.into_owned(),
    }
}

fn paint(text: &str, style: Style) -> String {
    match style {
        Style::Good => text.green().to_string(),
        Style::Warn => text.yellow().to_string(),
        Style::Bad => text.red().to_string(),
        Style::Dim => text.dimmed().to_string(),
        Style::Bold => text.bold().to_string(),
    }
}

pub fn line(line: &Line, color: bool) -> String {
    line.spans.iter().map(|s| span(s, color)).collect()
}

fn cell(span: &Span, max_chars: Option<usize>, opts: &RenderOptions) -> Cell {
    let safe = sanitize::inline(&span.text);
    let text = match (opts.truncate, max_chars) {
        (true, Some(max)) => sanitize::truncate(&safe, max).into_owned(),
        _ => safe.into_owned(),
    };
    let mut cell = Cell::new(text);
    // Styles go through comfy-table, which measures widths before painting, so colour never
    // shifts a column.
    if opts.color {
        cell = match span.style {
            Some(Style::Good) => cell.fg(Color::Green),
            Some(Style::Warn) => cell.fg(Color::Yellow),
            Some(Style::Bad) => cell.fg(Color::Red),
            Some(Style::Dim) => cell.add_attribute(Attribute::Dim),
            Some(Style::Bold) => cell.add_attribute(Attribute::Bold),
            None => cell,
        };
    }
    cell
}

pub fn table(table: &Table, opts: &RenderOptions) -> String {
    let mut out = comfy_table::Table::new();
    out.load_preset(comfy_table::presets::NOTHING);
    out.force_no_tty();
    if opts.color {
        out.enforce_styling();
    }
    match opts.width {
        Some(width) => {
            out.set_content_arrangement(ContentArrangement::Dynamic);
            out.set_width(width);
        }
        None => {
            out.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    out.set_header(table.columns.iter().map(|c| {
        let header = Cell::new(sanitize::inline(&c.header).to_uppercase());
        if opts.color {
            header.add_attribute(Attribute::Bold)
        } else {
            header
        }
    }));
    for row in &table.rows {
        out.add_row(
            row.iter()
                .enumerate()
                .map(|(i, s)| cell(s, table.columns.get(i).and_then(|c| c.max_chars), opts)),
        );
    }
    for (i, column) in table.columns.iter().enumerate() {
        if column.align == Align::Right {
            if let Some(c) = out.column_mut(i) {
                c.set_cell_alignment(CellAlignment::Right);
            }
        }
    }
    // comfy-table pads every line to the table's width and starts it with the left padding;
    // trailing spaces are noise in files and diffs, the leading one is kept for alignment.
    out.to_string()
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The whole doc, one `\n` after every line.
pub fn doc(doc: &Doc, opts: &RenderOptions) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Line(l) => {
                out.push_str(&line(l, opts.color));
                out.push('\n');
            }
            Block::Table(t) => {
                if !t.columns.is_empty() {
                    out.push_str(&table(t, opts));
                    out.push('\n');
                }
            }
            Block::Text { indent, text } => {
                let pad = " ".repeat(*indent);
                for l in sanitize::lines(text.trim_end_matches(['\n', '\r'])) {
                    out.push_str(&pad);
                    out.push_str(&l);
                    out.push('\n');
                }
            }
            Block::Blank => out.push('\n'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::doc::Column;
    use proptest::prelude::*;

    fn hostile_table() -> Table {
        let mut t = Table::new(vec![Column::new("id"), Column::new("worker").max(10)]);
        t.row(vec![
            Span::plain("1"),
            Span::styled("W\x1b]0;PWNED\x07\x1b[2J", Style::Bad),
        ]);
        t.row(vec![Span::plain("2"), Span::plain("line\nbreak\u{202e}")]);
        t
    }

    #[test]
    fn table_cells_are_neutralised_and_truncated_only_when_asked() {
        let plain = table(&hostile_table(), &RenderOptions::PLAIN);
        assert!(!plain.contains('\x1b'), "{plain:?}");
        assert!(plain.contains("W\\x1b]0;PWNED\\x07\\x1b[2J"), "{plain}");
        assert!(plain.contains("line\\nbreak\\u{202e}"), "{plain}");
        let cut = table(
            &hostile_table(),
            &RenderOptions {
                truncate: true,
                ..RenderOptions::PLAIN
            },
        );
        assert!(cut.contains("W\\x1b]0;P…"), "{cut}");
    }

    #[test]
    fn colour_does_not_move_columns() {
        let mut t = Table::with_headers(&["state", "n"]);
        t.row(vec![Span::styled("paused", Style::Warn), Span::plain("1")]);
        t.row(vec![Span::plain("running"), Span::plain("2")]);
        let coloured = table(
            &t,
            &RenderOptions {
                color: true,
                ..RenderOptions::PLAIN
            },
        );
        let strip = |s: &str| {
            let mut out = String::new();
            let mut in_escape = false;
            for c in s.chars() {
                match (in_escape, c) {
                    (false, '\x1b') => in_escape = true,
                    (true, 'm') => in_escape = false,
                    (true, _) => {}
                    (false, c) => out.push(c),
                }
            }
            out
        };
        let stripped: Vec<String> = strip(&coloured)
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect();
        assert_eq!(stripped.join("\n"), table(&t, &RenderOptions::PLAIN));
    }

    #[test]
    fn tables_fit_the_width_they_are_given() {
        let mut t = Table::with_headers(&["id", "args"]);
        t.text_row(["1", &"word ".repeat(40)]);
        let fitted = table(
            &t,
            &RenderOptions {
                width: Some(40),
                ..RenderOptions::PLAIN
            },
        );
        assert!(fitted.lines().all(|l| l.chars().count() <= 40), "{fitted}");
        let whole = table(&t, &RenderOptions::PLAIN);
        assert_eq!(whole.lines().count(), 2, "piped rows stay whole: {whole}");
    }

    #[test]
    fn text_blocks_keep_lines_and_escape_controls() {
        let d = Doc::new().text(4, "first\nsec\x1b[2Jond\n");
        assert_eq!(
            doc(&d, &RenderOptions::PLAIN),
            "    first\n    sec\\x1b[2Jond\n"
        );
    }

    proptest! {
        #[test]
        fn no_raw_control_character_reaches_the_terminal(a in any::<String>(), b in any::<String>()) {
            let mut t = Table::with_headers(&["a", "b"]);
            t.row(vec![Span::plain(a.clone()), Span::styled(b.clone(), Style::Warn)]);
            let d = Doc::new().line(Line::new().push(a.clone()).styled(b.clone(), Style::Bad)).table(t).text(2, a.clone());
            for opts in [RenderOptions::PLAIN, RenderOptions { width: Some(80), color: false, truncate: true }] {
                let text = doc(&d, &opts);
                prop_assert!(!text.chars().any(|c| c != '\n' && sanitize::is_unsafe(c)), "{:?}", text);
            }
        }
    }
}
