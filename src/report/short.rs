//! `--format short`: `file:line:col: severity[CODE] message`, one per line.
//!
//! The name and the message are escaped ([`crate::escape`]): no control
//! character from an input reaches the terminal, and a finding stays on one line.

use crate::diagnostic::Diagnostic;
use crate::escape::escape_bytes;
use crate::lint::FileData;

pub fn render(files: &[FileData], diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let f = &files[d.file];
        let ((line, col), _) = super::location(f, &d.span);
        out.push_str(&format!(
            "{}:{line}:{col}: {}[{}] {}\n",
            escape_bytes(super::machine_path(f).as_bytes()),
            d.severity,
            d.code,
            escape_bytes(d.message.as_bytes())
        ));
    }
    out
}
