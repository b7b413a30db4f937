//! SL203 key-too-new: the key first appears after the target kernel.

use crate::catalog;
use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL203",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some((s, info, span)) = cx.catalogued() else {
        return;
    };
    let target = &cx.cx.options.kernel;
    if !info.too_new_for(target) {
        return;
    }
    let key = s.dotted_key().unwrap_or_default();
    let since = info.since.map(catalog::series).unwrap_or_default();
    out.push(
        s.diag(
            "SL203",
            cx.file_index,
            span,
            crate::msg!(
                "sl203-headline",
                name = &super::values::clip(&super::values::last(s), 22),
                since = &since,
                target = &target.to_string()
            ),
        )
        .note(crate::msg!(
            "sl203-note",
            key = &key,
            since = &since,
            target = &target.to_string()
        ))
        .help(crate::msg!("sl203-help", since = &since)),
    );
}
