//! SL204 read-only-key: a key the kernel only reports, never accepts.

use crate::catalog::Access;
use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL204",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some((s, info, span)) = cx.catalogued() else {
        return;
    };
    if info.access != Access::ReadOnly {
        return;
    }
    let key = s.dotted_key().unwrap_or_default();
    out.push(
        s.diag(
            "SL204",
            cx.file_index,
            span,
            format!(
                "`{}` is read-only: the kernel refuses the write",
                super::values::last(s)
            ),
        )
        .note(format!("The kernel only reports this value. The write fails (procps: `setting key \"{key}\": Invalid argument` or `Operation not permitted`) and nothing changes."))
        .help("delete the line; the value is a status the kernel reports"),
    );
}
