//! `--format human`: codespan-reporting diagnostics with the source line, labels
//! and help, then a summary and the `explain` pointers (as shellcheck does).

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, termcolor::Buffer, Config};

use std::borrow::Cow;

use super::{summary_line, Counts};
use crate::diagnostic::{Diagnostic, Severity};
use crate::escape::{escape_bytes, escape_controls, EscapedSource};
use crate::lint::FileData;

/// The files as codespan sees them: names and texts with control characters and
/// bytes that are not UTF-8 escaped ([`EscapedSource`]), so that nothing from an
/// input reaches the terminal raw. Spans are mapped into the escaped text, and the
/// columns shown are those of the file (as in the other formats).
struct View<'a> {
    names: Vec<Cow<'a, str>>,
    files: &'a [FileData],
    sources: Vec<EscapedSource<'a>>,
    line_starts: Vec<Vec<usize>>,
}

impl<'a> View<'a> {
    fn new(files: &'a [FileData]) -> Self {
        let sources: Vec<EscapedSource<'a>> = files
            .iter()
            .map(|f| EscapedSource::new(f.source.bytes()))
            .collect();
        let line_starts = sources
            .iter()
            .map(|s| files::line_starts(s.text()).collect())
            .collect();
        View {
            names: files
                .iter()
                .map(|f| match super::boot_path(f) {
                    // Under --root: the boot path, and the tree's own file.
                    Some(boot) => format!(
                        "{} ({})",
                        escape_bytes(boot.as_bytes()),
                        escape_bytes(super::machine_path(f).as_bytes())
                    )
                    .into(),
                    None => escape_bytes(f.source.name.as_bytes()),
                })
                .collect(),
            files,
            sources,
            line_starts,
        }
    }

    /// A span of a file, as a span of its shown text.
    fn span(&self, file: usize, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        let Some(source) = self.sources.get(file) else {
            return 0..0;
        };
        let len = self.files[file].source.bytes().len();
        source.shown_span(&(span.start.min(len)..span.end.min(len)))
    }
}

impl<'a> Files<'a> for View<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, files::Error> {
        self.names
            .get(id)
            .map(|n| n.as_ref())
            .ok_or(files::Error::FileMissing)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, files::Error> {
        self.sources
            .get(id)
            .map(EscapedSource::text)
            .ok_or(files::Error::FileMissing)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, files::Error> {
        let starts = self.line_starts.get(id).ok_or(files::Error::FileMissing)?;
        Ok(starts
            .binary_search(&byte_index)
            .unwrap_or_else(|next| next - 1))
    }

    fn line_range(
        &'a self,
        id: usize,
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, files::Error> {
        let starts = self.line_starts.get(id).ok_or(files::Error::FileMissing)?;
        let len = self.sources[id].text().len();
        let start = *starts.get(line_index).ok_or(files::Error::LineTooLarge {
            given: line_index,
            max: starts.len() - 1,
        })?;
        let end = starts.get(line_index + 1).copied().unwrap_or(len);
        Ok(start..end)
    }

    /// The column in the file (characters), not in the escaped text.
    fn column_number(
        &'a self,
        id: usize,
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let source = self.sources.get(id).ok_or(files::Error::FileMissing)?;
        let offset = source.file_offset(byte_index);
        Ok(self.files[id].source.position(offset).1)
    }
}

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

fn to_codespan(d: &Diagnostic, view: &View<'_>) -> CsDiagnostic<usize> {
    // A finding about a whole file that has no text (an unreadable input, a file
    // the loader skips) gets no source snippet, only its path.
    let whole_empty_file = d.span.is_empty()
        && view
            .sources
            .get(d.file)
            .is_some_and(|s| s.text().is_empty());
    let mut labels = Vec::new();
    if !whole_empty_file {
        labels.push(CsLabel::primary(d.file, view.span(d.file, &d.span)));
    }
    labels.extend(d.labels.iter().map(|l| {
        CsLabel::secondary(l.file, view.span(l.file, &l.span))
            .with_message(escape_controls(&l.message))
    }));
    let mut notes = Vec::new();
    if whole_empty_file {
        notes.push(format!(
            "file: {}",
            view.names.get(d.file).map_or("", |n| n.as_ref())
        ));
    }
    if let Some(note) = &d.note {
        notes.push(format!("note: {}", escape_controls(note)));
    }
    if let Some(help) = &d.help {
        notes.push(format!("help: {}", escape_controls(help)));
    }
    CsDiagnostic::new(severity(d.severity))
        .with_message(escape_controls(&d.message))
        .with_code(format!("{} {}", d.code, d.name))
        .with_labels(labels)
        .with_notes(notes)
}

/// Render the findings alone (`--quiet`): no summary, no explain pointers.
pub fn render_findings(files: &[FileData], diags: &[Diagnostic], color: bool) -> String {
    let view = View::new(files);
    let config = Config::default();
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let mut out = String::new();
    for d in diags {
        buffer.clear();
        let cs = to_codespan(d, &view);
        if term::emit_to_write_style(&mut buffer, &config, &view, &cs).is_ok() {
            out.push_str(&String::from_utf8_lossy(buffer.as_slice()));
        } else {
            out.push_str(&super::short::render(files, std::slice::from_ref(d)));
        }
    }
    out
}

/// Render all findings, the summary and the explain pointers.
pub fn render(files: &[FileData], diags: &[Diagnostic], color: bool) -> String {
    let mut out = render_findings(files, diags, color);
    out.push_str(&summary_line(Counts::of(diags), files.len()));
    out.push('\n');
    let mut codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    codes.sort_unstable();
    codes.dedup();
    if !codes.is_empty() {
        out.push_str("For more information: ");
        out.push_str(
            &codes
                .iter()
                .map(|c| format!("sysctl-lint explain {c}"))
                .collect::<Vec<_>>()
                .join(", "),
        );
        out.push('\n');
    }
    out
}
