//! SL202 removed-key: the key was removed before the target kernel.

use crate::catalog::{self, Status};
use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL202",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some((s, info, span)) = cx.catalogued() else {
        return;
    };
    let target = &cx.cx.options.kernel;
    if !info.removed_in(target) {
        return;
    }
    let key = s.dotted_key().unwrap_or_default();
    let when = info.removed.map(catalog::series).unwrap_or_default();
    let how = if info.status == Status::Moved {
        format!("moved out of sysctl in Linux {when}")
    } else {
        format!("removed in Linux {when}")
    };
    let at = cx.line.text_start();
    let message = format!(
        "`{key}` was {how}: on {target} procps fails with `cannot stat /proc/sys/{}` and the line does nothing",
        info.path.replace("<*>", "*")
    );
    out.push(
        s.diag("SL202", cx.file_index, span, message)
            .help("delete the line (or target an older kernel with `--kernel`)")
            .unsafe_edit(at..at, format!("# sysctl-lint fix: {how}: ")),
    );
}
