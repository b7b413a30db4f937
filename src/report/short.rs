//! `--format short`: `file:line:col: severity[CODE] [*] message`, one line per
//! group of findings that share a cause ([`super::group`]): the first place,
//! the group's headline and `(also lines 7, 12 and 43 more)`. `[*]` marks what
//! `--fix` fixes.
//!
//! The name and the message are escaped ([`crate::escape`]): no control
//! character from an input reaches the terminal, and a finding stays on one line.

use super::group;
use crate::diagnostic::{Diagnostic, FixSafety};
use crate::escape::escape_bytes;
use crate::lint::FileData;

/// Line numbers listed in `(also lines …)`.
const LISTED: usize = 5;

pub fn render(files: &[FileData], diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for g in group::groups(diags) {
        let d = &diags[g.members[0]];
        let f = &files[d.file];
        let ((line, col), _) = super::location(f, &d.span);
        let fixable = g
            .members
            .iter()
            .all(|&m| diags[m].fix() == Some(FixSafety::Safe));
        let also = group::lines(files, diags, &g.members)
            .into_iter()
            .filter(|&l| l != line)
            .collect::<Vec<_>>();
        let also = if also.is_empty() {
            String::new()
        } else {
            crate::i18n::tr(
                "out-also",
                &[("lines", (&group::line_list(&also, LISTED)).into())],
            )
        };
        out.push_str(&format!(
            "{}:{line}:{col}: {}[{}]{} {}{also}\n",
            escape_bytes(super::machine_path(f).as_bytes()),
            crate::i18n::severity(d.severity),
            d.code,
            if fixable { " [*]" } else { "" },
            escape_bytes(g.message(diags).as_bytes())
        ));
    }
    out
}
