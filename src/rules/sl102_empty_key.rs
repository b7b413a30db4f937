//! SL102 empty-key: `= value` with nothing before the `=`.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL102",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    if s.key_text().is_some() {
        return;
    }
    let line = cx.line;
    let start = line.text_start();
    out.push(
        s.diag(
            "SL102",
            cx.file_index,
            start..line.content().end,
            crate::msg!("sl102-headline"),
        )
        .note(crate::msg!("sl102-note"))
        .help(crate::msg!("sl102-help")),
    );
}
