//! `--format short`: `file:line:col: severity[CODE] message`, one per line.

use crate::diagnostic::Diagnostic;
use crate::lint::FileData;

pub fn render(files: &[FileData], diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let f = &files[d.file];
        let ((line, col), _) = super::location(f, &d.span);
        out.push_str(&format!(
            "{}:{line}:{col}: {}[{}] {}\n",
            f.source.name, d.severity, d.code, d.message
        ));
    }
    out
}
