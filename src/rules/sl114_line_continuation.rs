//! SL114 line-continuation: a value ending in `\`, as if lines could continue.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL114",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    if !s.value_text().ends_with('\\') {
        return;
    }
    let end = s.value_span().end;
    out.push(
        s.diag(
            "SL114",
            cx.file_index,
            end - 1..end,
            crate::msg!("sl114-headline"),
        )
        .note(crate::msg!("sl114-note"))
        .help(crate::msg!("sl114-help")),
    );
}
