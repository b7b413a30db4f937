//! `--format human`: codespan-reporting diagnostics with the source line, labels
//! and help, then a summary and the `explain` pointers (as shellcheck does).

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, termcolor::Buffer, Config};

use super::{summary_line, Counts};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::FileData;
use crate::source::INVALID_BYTE_PLACEHOLDER;

/// The files as codespan sees them: names, and texts in which bytes that would
/// upset a terminal (controls, carriage returns, invalid UTF-8) are shown as `?`
/// without changing any offset.
struct View<'a> {
    names: Vec<&'a str>,
    texts: Vec<String>,
    line_starts: Vec<Vec<usize>>,
}

impl<'a> View<'a> {
    fn new(files: &'a [FileData]) -> Self {
        let texts: Vec<String> = files
            .iter()
            .map(|f| {
                f.source
                    .text
                    .chars()
                    .map(|c| {
                        if c == INVALID_BYTE_PLACEHOLDER
                            || (c.is_ascii_control() && c != '\n' && c != '\t')
                        {
                            '?'
                        } else {
                            c
                        }
                    })
                    .collect()
            })
            .collect();
        let line_starts = texts
            .iter()
            .map(|t| files::line_starts(t).collect())
            .collect();
        View {
            names: files.iter().map(|f| f.source.name.as_str()).collect(),
            texts,
            line_starts,
        }
    }
}

impl<'a> Files<'a> for View<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, files::Error> {
        self.names.get(id).copied().ok_or(files::Error::FileMissing)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, files::Error> {
        self.texts
            .get(id)
            .map(String::as_str)
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
        let len = self.texts[id].len();
        let start = *starts.get(line_index).ok_or(files::Error::LineTooLarge {
            given: line_index,
            max: starts.len() - 1,
        })?;
        let end = starts.get(line_index + 1).copied().unwrap_or(len);
        Ok(start..end)
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
    let clamp = |file: usize, span: &std::ops::Range<usize>| {
        let len = view.texts.get(file).map_or(0, String::len);
        span.start.min(len)..span.end.min(len)
    };
    // A finding about a whole file that has no text (an unreadable input, a file
    // the loader skips) gets no source snippet, only its path.
    let whole_empty_file =
        d.span.is_empty() && view.texts.get(d.file).is_some_and(String::is_empty);
    let mut labels = Vec::new();
    if !whole_empty_file {
        labels.push(CsLabel::primary(d.file, clamp(d.file, &d.span)));
    }
    labels.extend(
        d.labels
            .iter()
            .map(|l| CsLabel::secondary(l.file, clamp(l.file, &l.span)).with_message(&l.message)),
    );
    let mut notes = Vec::new();
    if whole_empty_file {
        notes.push(format!(
            "file: {}",
            view.names.get(d.file).copied().unwrap_or_default()
        ));
    }
    if let Some(help) = &d.help {
        notes.push(format!("help: {help}"));
    }
    CsDiagnostic::new(severity(d.severity))
        .with_message(&d.message)
        .with_code(format!("{} {}", d.code, d.name))
        .with_labels(labels)
        .with_notes(notes)
}

/// Render all findings, the summary and the explain pointers.
pub fn render(files: &[FileData], diags: &[Diagnostic], color: bool) -> String {
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
