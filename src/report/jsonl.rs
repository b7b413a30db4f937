//! `--format jsonl`: JSON Lines, one compact object per finding, each exactly an
//! element of `diagnostics` in the JSON report (version 1). No header, no summary:
//! an empty report is empty output.

use super::json;
use crate::diagnostic::Diagnostic;
use crate::lint::FileData;

pub fn render(files: &[FileData], diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for entry in json::report(files, diags, "").diagnostics {
        out.push_str(&serde_json::to_string(&entry).unwrap_or_default());
        out.push('\n');
    }
    out
}
