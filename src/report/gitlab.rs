//! `--format gitlab`: a GitLab Code Quality report (a subset of the Code Climate
//! format): a pretty-printed JSON array, one object per finding.
//!
//! - `description`: the message, then the help after a newline;
//! - `check_name`: the rule code (`SL201`);
//! - `fingerprint`: stable across runs and line moves (code, path and key; see
//!   [`super::sarif::fingerprints`]), unique within one report;
//! - `severity`: error -> `critical`, warning -> `major`, info -> `info`;
//! - `location.path`: repository-relative where possible (as for SARIF);
//!   `location.lines.begin`/`end`: 1-based lines (a file-level finding is on line 1).

use std::path::Path;

use serde::Serialize;

use super::sarif::{fingerprints, line_span, message_with_help_shown};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::FileData;

#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// The Code Quality severity of a sysctl-lint severity.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Info => "info",
    }
}

/// The report, with paths made relative to `cwd` where they are under it.
pub fn render_with_cwd(files: &[FileData], diags: &[Diagnostic], cwd: Option<&Path>) -> String {
    let issues: Vec<Issue> = diags
        .iter()
        .zip(fingerprints(files, diags, cwd))
        .map(|(d, fingerprint)| {
            let f = &files[d.file];
            let ((begin, _), (end, _)) = line_span(f, &d.span);
            Issue {
                description: message_with_help_shown(d),
                check_name: d.code,
                fingerprint,
                severity: severity(d.severity),
                location: Location {
                    path: super::artifact(f, cwd).as_path().to_owned(),
                    lines: Lines { begin, end },
                },
            }
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&issues).unwrap_or_default();
    s.push('\n');
    s
}

/// The report, with absolute paths under the current directory made relative.
pub fn render(files: &[FileData], diags: &[Diagnostic]) -> String {
    let cwd = std::env::current_dir().ok();
    render_with_cwd(files, diags, cwd.as_deref())
}
