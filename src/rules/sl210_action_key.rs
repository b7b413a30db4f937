//! SL210 action-key: a one-shot action key in a persistent file (`vm.drop_caches`,
//! `vm.compact_memory`, `net.ipv4.route.flush`; rules/actions.tsv): it does
//! something each time the file is applied and keeps no setting.

use crate::diagnostic::Diagnostic;
use crate::knowledge;
use crate::lint::LineContext;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL210",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some((s, info, span)) = cx.catalogued() else {
        return;
    };
    let Some(action) = knowledge::actions().iter().find(|a| a.key == info.key) else {
        return;
    };
    let key = s.dotted_key().unwrap_or_default();
    let value = s.body();
    out.push(
        s.diag(
            "SL210",
            cx.file_index,
            span,
            crate::msg!(
                "sl210-headline",
                name = &super::values::clip(&super::values::last(s), 24)
            ),
        )
        .note(crate::msg!(
            "sl210-note",
            key = &key,
            action = action.action
        ))
        .severity(action.severity)
        .help(crate::msg!("sl210-help", key = &key, value = value)),
    );
}
