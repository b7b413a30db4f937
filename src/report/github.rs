//! `--format github`: GitHub Actions workflow commands, one line per finding:
//!
//! ```text
//! ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=SL201 unknown-key::MESSAGE
//! ```
//!
//! Errors are `::error`, warnings `::warning`, infos `::notice`. The path is
//! normalised as for SARIF (see [`super::sarif::artifact_path`]): repository-relative
//! where possible. Columns count characters and `endColumn` is exclusive, as in
//! the JSON report. GitHub only takes columns when the finding starts and ends on
//! the same line, so they are left out otherwise; a file-level finding gets
//! `line=1` only, and an empty span gets `line` and `col` only.
//!
//! Escaping follows the runner (`actions/runner` `ActionCommand`, `actions/toolkit`
//! `command.ts`): in the message `%`, `\r`, `\n` become `%25`, `%0D`, `%0A`; in
//! property values also `:` and `,` become `%3A` and `%2C`. The help follows the
//! message after a (escaped) newline. The other control characters (ESC, BEL, C1,
//! DEL) are shown as `\xNN` ([`crate::escape`]): the runner's log renders ANSI
//! escapes, and an annotation is for reading.

use std::path::Path;

use super::sarif::{line_span, message_with_help_shown};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::FileData;

/// Escape a message (the text after `::`).
pub fn escape_data(s: &str) -> String {
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    crate::escape::escape_controls(&s).into_owned()
}

/// Escape a property value (`file=`, `title=`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Workflow commands with paths made relative to `cwd` where they are under it.
pub fn render_with_cwd(files: &[FileData], diags: &[Diagnostic], cwd: Option<&Path>) -> String {
    let mut out = String::new();
    for d in diags {
        let f = &files[d.file];
        let path = super::artifact(f, cwd);
        let mut props = vec![format!("file={}", escape_property(path.as_path()))];
        if d.span.is_empty() && d.span.start == 0 {
            props.push("line=1".to_owned());
        } else {
            let ((line, col), (end_line, end_col)) = line_span(f, &d.span);
            props.push(format!("line={line}"));
            if d.span.is_empty() {
                props.push(format!("col={col}"));
            } else if end_line == line {
                props.push(format!("col={col}"));
                props.push(format!("endLine={end_line}"));
                props.push(format!("endColumn={end_col}"));
            } else {
                props.push(format!("endLine={end_line}"));
            }
        }
        let title = if d.name.is_empty() {
            d.code.to_owned()
        } else {
            format!("{} {}", d.code, d.name)
        };
        props.push(format!("title={}", escape_property(&title)));
        out.push_str(&format!(
            "::{} {}::{}\n",
            command(d.severity),
            props.join(","),
            escape_data(&message_with_help_shown(d))
        ));
    }
    out
}

/// Workflow commands, with absolute paths under the current directory made relative.
pub fn render(files: &[FileData], diags: &[Diagnostic]) -> String {
    let cwd = std::env::current_dir().ok();
    render_with_cwd(files, diags, cwd.as_deref())
}
