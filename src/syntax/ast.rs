//! Typed syntax tree. Every node carries the byte range it covers in the source;
//! the ranges of a file's lines (plus its BOM) tile the input exactly.

use std::ops::Range;

pub type Span = Range<usize>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxTree {
    /// A UTF-8 byte order mark at the start of the file.
    pub bom: Option<Span>,
    pub lines: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number.
    pub number: usize,
    /// The whole line, including its newline if it has one.
    pub span: Span,
    /// The line without its newline.
    pub content: Span,
    /// Leading whitespace.
    pub lead: Option<Span>,
    pub kind: LineKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// Empty or whitespace only.
    Blank,
    /// `# ...` or `; ...`; the span starts at the marker.
    Comment(Span),
    Assignment(Assignment),
    Exclusion(Exclusion),
    /// Not a comment, no `=`, no leading `-`: procps reports "invalid syntax".
    Invalid(Span),
}

/// `[-] key = value`, with the whitespace between parts kept as spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// `-`: ignore failures when writing.
    pub dash: Option<Span>,
    /// Whitespace between `-` and the key.
    pub dash_pad: Option<Span>,
    pub key: Option<Span>,
    pub eq: Span,
    pub value: Option<Span>,
    /// Trailing whitespace after the value (or after `=`).
    pub trail: Option<Span>,
}

/// `-key` without `=`: exclude the key from glob assignments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclusion {
    pub dash: Span,
    pub dash_pad: Option<Span>,
    pub key: Span,
}

impl SyntaxTree {
    /// Re-emit the source from the tree (the lossless round trip).
    pub fn print(&self, source: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(source.len());
        if let Some(bom) = &self.bom {
            out.extend_from_slice(&source[bom.clone()]);
        }
        for line in &self.lines {
            out.extend_from_slice(&source[line.span.clone()]);
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
