//! `--format json`: the stable report, version 1 (documented in the README).

use serde::Serialize;

use super::{location, Counts};
use crate::diagnostic::Diagnostic;
use crate::lint::FileData;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
pub struct Report<'a> {
    pub version: u32,
    pub tool: Tool,
    pub kernel: String,
    pub files: Vec<FileEntry<'a>>,
    pub diagnostics: Vec<DiagnosticEntry<'a>>,
    pub summary: Summary,
}

#[derive(Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Serialize)]
pub struct FileEntry<'a> {
    /// The file as repository tools find it (see [`super::machine_path`]).
    pub path: std::borrow::Cow<'a, str>,
    /// Under `--root`: the path the booted system knows the file by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boot_path: Option<&'a str>,
    pub lines: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Serialize)]
pub struct DiagnosticEntry<'a> {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: &'static str,
    pub message: &'a str,
    pub file: std::borrow::Cow<'a, str>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub key: Option<&'a str>,
    pub value: Option<&'a str>,
    pub note: Option<&'a str>,
    pub help: Option<&'a str>,
    /// The message, note and help in the run's language (`--lang`), only when it
    /// is not English; `message`, `note` and `help` stay English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_localized: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_localized: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help_localized: Option<&'a str>,
    pub related: Vec<Related<'a>>,
    /// Shared by the findings of one cause in one file (see [`super::group`]):
    /// `PATH:LINE:CODE` of the first of them; `null` for a finding alone.
    pub group: Option<String>,
}

#[derive(Serialize)]
pub struct Related<'a> {
    pub file: std::borrow::Cow<'a, str>,
    pub line: usize,
    pub column: usize,
    pub message: &'a str,
}

#[derive(Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

pub fn report<'a>(files: &'a [FileData], diags: &'a [Diagnostic], kernel: &str) -> Report<'a> {
    let file_entries = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let c = Counts::of(diags.iter().filter(|d| d.file == i));
            FileEntry {
                path: super::machine_path(f),
                boot_path: super::boot_path(f),
                lines: f.source.line_count(),
                errors: c.errors,
                warnings: c.warnings,
                infos: c.infos,
            }
        })
        .collect();
    let groups = super::group::ids(files, diags);
    let diagnostics = diags
        .iter()
        .zip(groups)
        .map(|(d, group)| {
            let f = &files[d.file];
            let ((line, column), (end_line, end_column)) = location(f, &d.span);
            DiagnosticEntry {
                code: d.code,
                name: d.name,
                severity: d.severity.as_str(),
                message: &d.message,
                file: super::machine_path(f),
                line,
                column,
                end_line,
                end_column,
                key: d.key.as_deref(),
                value: d.value.as_deref(),
                note: d.note.as_deref(),
                help: d.help.as_deref(),
                message_localized: d.localized.as_ref().and_then(|l| l.message.as_deref()),
                note_localized: d.localized.as_ref().and_then(|l| l.note.as_deref()),
                help_localized: d.localized.as_ref().and_then(|l| l.help.as_deref()),
                related: d
                    .labels
                    .iter()
                    .map(|l| {
                        let lf = &files[l.file];
                        let (line, column) = lf.source.position(l.span.start);
                        Related {
                            file: super::machine_path(lf),
                            line,
                            column,
                            message: &l.message,
                        }
                    })
                    .collect(),
                group,
            }
        })
        .collect();
    let c = Counts::of(diags);
    Report {
        version: VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        kernel: kernel.to_owned(),
        files: file_entries,
        diagnostics,
        summary: Summary {
            files: files.len(),
            errors: c.errors,
            warnings: c.warnings,
            infos: c.infos,
        },
    }
}

pub fn to_value(files: &[FileData], diags: &[Diagnostic], kernel: &str) -> serde_json::Value {
    serde_json::to_value(report(files, diags, kernel)).unwrap_or(serde_json::Value::Null)
}

pub fn render(files: &[FileData], diags: &[Diagnostic], kernel: &str) -> String {
    let mut s = serde_json::to_string_pretty(&report(files, diags, kernel)).unwrap_or_default();
    s.push('\n');
    s
}
