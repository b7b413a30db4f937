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
            "no line continuation: the `\\` is written as part of the value",
        )
        .note("Sysctl files have no line continuation: the `\\` is written as part of the value, and the next line is read as a line of its own.")
        .help("put the whole value on one line"),
    );
}
