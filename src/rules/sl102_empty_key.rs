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
            "no key before `=`: the line sets nothing",
        )
        .note("procps turns the empty key into the path `/proc/sys/` and fails with `Path is not under /proc/sys/`; nothing is set.")
        .help("write the key before `=`, or delete the line"),
    );
}
