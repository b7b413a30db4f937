//! SL113 path-traversal: `.` or `..` components in a slash-separated key.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL113",
    check: Check::Line(check),
    supersedes: &["SL112", "SL201"],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let (Some(key), Some(span)) = (&s.key, &s.key_span()) else {
        return;
    };
    if !key.traversal {
        return;
    }
    out.push(
        s.diag(
            "SL113",
            cx.file_index,
            span.clone(),
            crate::msg!("sl113-headline"),
        )
        .note(crate::msg!("sl113-note"))
        .help(crate::msg!("sl113-help")),
    );
}
