//! SL110 semicolon-comment: `; comment` lines, which newer systemd no longer skips.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::syntax::LineKind;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL110",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let LineKind::Comment(span) = &cx.line.kind else {
        return;
    };
    let span = span.range();
    if !cx.text(span.clone()).starts_with(';') {
        return;
    }
    out.push(
        Diagnostic::new(
            "SL110",
            cx.file_index,
            span.start..span.start + 1,
            crate::msg!("sl110-headline"),
        )
        .note(crate::msg!("sl110-note"))
        .help(crate::msg!("sl110-help"))
        .edit(span.start..span.start + 1, "#"),
    );
}
