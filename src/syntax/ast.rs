//! Typed syntax tree. Every node carries the byte range it covers in the source;
//! the ranges of a file's lines (plus its BOM) tile the input exactly.

use std::ops::Range;

pub type Span = Range<usize>;

/// A span stored in 8 bytes: inputs are capped at 64 MiB, far below 4 GiB. A
/// million-line file has a million nodes, so their size is the tree's size.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Span32 {
    start: u32,
    end: u32,
}

impl Span32 {
    const NONE: Span32 = Span32 {
        start: u32::MAX,
        end: u32::MAX,
    };

    pub(crate) fn new(s: Span) -> Span32 {
        // Offsets beyond u32 cannot occur (64 MiB cap); saturate rather than wrap.
        let narrow = |x: usize| u32::try_from(x).unwrap_or(u32::MAX - 1);
        Span32 {
            start: narrow(s.start),
            end: narrow(s.end),
        }
    }

    pub(crate) fn opt(s: Option<Span>) -> Span32 {
        s.map_or(Span32::NONE, Span32::new)
    }

    /// The span as a byte range.
    pub fn range(self) -> Span {
        self.start as usize..self.end as usize
    }

    pub(crate) fn get(self) -> Option<Span> {
        (self != Span32::NONE).then(|| self.range())
    }
}

impl std::fmt::Debug for Span32 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.get() {
            Some(r) => write!(f, "{r:?}"),
            None => write!(f, "None"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxTree {
    /// A UTF-8 byte order mark at the start of the file.
    pub bom: Option<Span>,
    pub lines: Vec<Line>,
}

/// One line. Spans are stored compactly; the accessors give byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    number: u32,
    span: Span32,
    /// The line ends with a newline (its content is the span without it).
    newline: bool,
    lead: Span32,
    pub kind: LineKind,
}

impl Line {
    /// A line: `content` is `span` without the newline, if there is one.
    pub fn new(
        number: usize,
        span: Span,
        content: Span,
        lead: Option<Span>,
        kind: LineKind,
    ) -> Line {
        debug_assert!(content.start == span.start && span.end - content.end <= 1);
        Line {
            number: u32::try_from(number).unwrap_or(u32::MAX),
            newline: content.end < span.end,
            span: Span32::new(span),
            lead: Span32::opt(lead),
            kind,
        }
    }

    /// Take in the newline that follows the line's content.
    pub(super) fn take_newline(&mut self) {
        if !self.newline {
            self.newline = true;
            self.span.end += 1;
        }
    }

    /// 1-based line number.
    pub fn number(&self) -> usize {
        self.number as usize
    }

    /// The whole line, including its newline if it has one.
    pub fn span(&self) -> Span {
        self.span.range()
    }

    /// The line without its newline.
    pub fn content(&self) -> Span {
        let s = self.span.range();
        s.start..s.end - usize::from(self.newline)
    }

    /// Leading whitespace.
    pub fn lead(&self) -> Option<Span> {
        self.lead.get()
    }

    /// Where the line's text starts, after its leading whitespace.
    pub fn text_start(&self) -> usize {
        self.lead().map_or(self.content().start, |l| l.end)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// Empty or whitespace only.
    Blank,
    /// `# ...` or `; ...`; the span starts at the marker.
    Comment(Span32),
    Assignment(Assignment),
    Exclusion(Exclusion),
    /// Not a comment, no `=`, no leading `-`: procps reports "invalid syntax".
    Invalid(Span32),
}

impl LineKind {
    pub fn comment(s: Span) -> LineKind {
        LineKind::Comment(Span32::new(s))
    }

    pub fn invalid(s: Span) -> LineKind {
        LineKind::Invalid(Span32::new(s))
    }
}

/// `[-] key = value`, with the whitespace between parts kept as spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    dash: Span32,
    dash_pad: Span32,
    key: Span32,
    /// Where the `=` is (one byte).
    eq: u32,
    value: Span32,
    trail: Span32,
}

impl Assignment {
    pub fn new(
        dash: Option<Span>,
        dash_pad: Option<Span>,
        key: Option<Span>,
        eq: Span,
        value: Option<Span>,
        trail: Option<Span>,
    ) -> Assignment {
        Assignment {
            dash: Span32::opt(dash),
            dash_pad: Span32::opt(dash_pad),
            key: Span32::opt(key),
            eq: Span32::new(eq).start,
            value: Span32::opt(value),
            trail: Span32::opt(trail),
        }
    }

    /// `-`: ignore failures when writing.
    pub fn dash(&self) -> Option<Span> {
        self.dash.get()
    }

    /// Whitespace between `-` and the key.
    pub fn dash_pad(&self) -> Option<Span> {
        self.dash_pad.get()
    }

    pub fn key(&self) -> Option<Span> {
        self.key.get()
    }

    pub fn eq(&self) -> Span {
        self.eq as usize..self.eq as usize + 1
    }

    pub fn value(&self) -> Option<Span> {
        self.value.get()
    }

    /// Trailing whitespace after the value (or after `=`).
    pub fn trail(&self) -> Option<Span> {
        self.trail.get()
    }
}

/// `-key` without `=`: exclude the key from glob assignments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclusion {
    dash: Span32,
    dash_pad: Span32,
    key: Span32,
}

impl Exclusion {
    pub fn new(dash: Span, dash_pad: Option<Span>, key: Span) -> Exclusion {
        Exclusion {
            dash: Span32::new(dash),
            dash_pad: Span32::opt(dash_pad),
            key: Span32::new(key),
        }
    }

    pub fn dash(&self) -> Span {
        self.dash.range()
    }

    pub fn dash_pad(&self) -> Option<Span> {
        self.dash_pad.get()
    }

    pub fn key(&self) -> Span {
        self.key.range()
    }
}

impl SyntaxTree {
    /// Re-emit the source from the tree (the lossless round trip).
    pub fn print(&self, source: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(source.len());
        if let Some(bom) = &self.bom {
            out.extend_from_slice(&source[bom.clone()]);
        }
        for line in &self.lines {
            out.extend_from_slice(&source[line.span()]);
        }
        out
    }

    pub fn assignments(&self) -> impl Iterator<Item = (&Line, &Assignment)> {
        self.lines.iter().filter_map(|l| match &l.kind {
            LineKind::Assignment(a) => Some((l, a)),
            _ => None,
        })
    }
}
