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
    let mut d = Diagnostic::new(
        "SL101",
        cx.file_index,
        span,
        "no `=` on this line: procps skips it and systemd-sysctl exits 1",
    )
    .note(format!(
        "A sysctl file line is `key = value`, a comment or blank. procps prints `invalid syntax, continuing...` for line {n} and skips it; systemd-sysctl logs `Line is not an assignment` and exits with status 1."
    ));
    let looks_like_key =
        !text.contains(char::is_whitespace) && catalog::lookup(&Key::parse(text)).is_some();
    d = if looks_like_key {
        d.key(Key::parse(text).dotted()).help(format!(
            "this is the key `{text}` without a value: write `{text} = VALUE`, or delete the line"
        ))
    } else {
        d.help("turn the line into a comment with `#`, or write it as `key = value`")
    };
    // Unsafe: the line is skipped today, but what it meant to set is lost.
    out.push(d.unsafe_edit(at..at, "# sysctl-lint fix: not an assignment: "));
}
