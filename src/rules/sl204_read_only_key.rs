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
            crate::msg!("sl204-headline", name = &super::values::last(s)),
        )
        .note(crate::msg!("sl204-note", key = &key))
        .help(crate::msg!("sl204-help")),
    );
}
