//! SL112 repeated-separator: `net..ipv4.ip_forward`.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL112",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let (Some(key), Some(span)) = (&s.key, &s.key_span()) else {
        return;
    };
    if !key.repeated_separator || key.traversal {
        return;
    }
    let dotted = key.dotted();
    out.push(
        s.diag(
            "SL112",
            cx.file_index,
            span.clone(),
            crate::msg!("sl112-headline"),
        )
        .note(crate::msg!("sl112-note", key = &dotted))
        .help(crate::msg!("sl112-help", key = &dotted)),
    );
}
