//! SL101 missing-equals: a line that is neither blank, a comment, an assignment nor
//! an exclusion.

use crate::catalog;
use crate::diagnostic::Diagnostic;
use crate::key::Key;
use crate::lint::LineContext;
use crate::syntax::LineKind;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL101",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let LineKind::Invalid(span) = &cx.line.kind else {
        return;
    };
    let span = span.range();
    let text = cx.text(span.clone()).trim_end();
    let span = span.start..span.start + text.len();
    let at = span.start;
    let n = cx.line.number();
    let mut d = Diagnostic::new("SL101", cx.file_index, span, crate::msg!("sl101-headline"))
        .note(crate::msg!("sl101-note", line = &n.to_string()));
    let looks_like_key =
        !text.contains(char::is_whitespace) && catalog::lookup(&Key::parse(text)).is_some();
    d = if looks_like_key {
        d.key(Key::parse(text).dotted())
            .help(crate::msg!("sl101-help-key", key = text))
    } else {
        d.help(crate::msg!("sl101-help"))
    };
    // Unsafe: the line is skipped today, but what it meant to set is lost.
    out.push(d.unsafe_edit(at..at, "# sysctl-lint fix: not an assignment: "));
}
