//! What a human view is made of: lines of styled spans, tables, blocks of untrusted text. Pure.
//!
//! Views build a [`Doc`] from a report value and never format for a terminal themselves; the
//! renderer (`super::render`) neutralises every span, fits tables to the width and applies
//! colour. So a view can put any database string into a span without thinking about escapes.

/// How a span is emphasised (only where colour is on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Good,
    Warn,
    Bad,
    Dim,
    Bold,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Option<Style>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: None,
        }
    }

    pub fn styled(text: impl Into<String>, style: Style) -> Span {
        Span {
            text: text.into(),
            style: Some(style),
        }
    }

    /// Styled only when `style` is given.
    pub fn maybe(text: impl Into<String>, style: Option<Style>) -> Span {
        Span {
            text: text.into(),
            style,
        }
    }
}

impl From<&str> for Span {
    fn from(text: &str) -> Span {
        Span::plain(text)
    }
}

impl From<String> for Span {
    fn from(text: String) -> Span {
        Span::plain(text)
    }
}

impl From<&String> for Span {
    fn from(text: &String) -> Span {
        Span::plain(text.clone())
    }
}

/// One line of output made of spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    pub spans: Vec<Span>,
}

impl Line {
    pub fn new() -> Line {
        Line::default()
    }

    pub fn push(mut self, span: impl Into<Span>) -> Line {
        self.spans.push(span.into());
        self
    }

    pub fn styled(self, text: impl Into<String>, style: Style) -> Line {
        self.push(Span::styled(text, style))
    }

    /// Appends another line's spans.
    pub fn extend(mut self, other: Line) -> Line {
        self.spans.extend(other.spans);
        self
    }

    /// The text without styles (for tests and prompts).
    pub fn plain_text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

impl From<&str> for Line {
    fn from(text: &str) -> Line {
        Line::new().push(text)
    }
}

impl From<String> for Line {
    fn from(text: String) -> Line {
        Line::new().push(text)
    }
}

impl From<&String> for Line {
    fn from(text: &String) -> Line {
        Line::new().push(text.clone())
    }
}

impl From<Span> for Line {
    fn from(span: Span) -> Line {
        Line { spans: vec![span] }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub header: String,
    pub align: Align,
    /// On a terminal (and without `--no-trunc`), cells longer than this are cut with `…`.
    pub max_chars: Option<usize>,
}

impl Column {
    pub fn new(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            align: Align::Left,
            max_chars: None,
        }
    }

    /// A right-aligned column (counts, durations).
    pub fn right(header: impl Into<String>) -> Column {
        Column {
            align: Align::Right,
            ..Column::new(header)
        }
    }

    pub fn max(mut self, chars: usize) -> Column {
        self.max_chars = Some(chars);
        self
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Span>>,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
        }
    }

    /// Columns by header only, all left-aligned.
    pub fn with_headers(headers: &[&str]) -> Table {
        Table::new(headers.iter().map(|h| Column::new(*h)).collect())
    }

    pub fn row(&mut self, cells: Vec<Span>) {
        self.rows.push(cells);
    }

    /// A row of plain cells.
    pub fn text_row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows
            .push(cells.into_iter().map(|c| Span::plain(c.into())).collect());
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Transitional: a row of plain cells (commands not yet on typed records).
    pub fn add_row(&mut self, cells: Vec<String>) {
        self.text_row(cells);
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Line(Line),
    Table(Table),
    /// Untrusted multi-line text (an error message, a stack trace), each line indented.
    Text {
        indent: usize,
        text: String,
    },
    Blank,
}

/// A whole human view, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn new() -> Doc {
        Doc::default()
    }

    pub fn line(mut self, line: impl Into<Line>) -> Doc {
        self.blocks.push(Block::Line(line.into()));
        self
    }

    pub fn table(mut self, table: Table) -> Doc {
        self.blocks.push(Block::Table(table));
        self
    }

    pub fn text(mut self, indent: usize, text: impl Into<String>) -> Doc {
        self.blocks.push(Block::Text {
            indent,
            text: text.into(),
        });
        self
    }

    pub fn blank(mut self) -> Doc {
        self.blocks.push(Block::Blank);
        self
    }

    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    pub fn extend(mut self, other: Doc) -> Doc {
        self.blocks.extend(other.blocks);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }
}
