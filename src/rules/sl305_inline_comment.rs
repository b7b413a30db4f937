//! SL305 inline-comment: `value # comment`; there are no inline comments.

use crate::catalog::ValueType;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LineContext;
use crate::value;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL305",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(c) = &s.comment() else { return };
    let key = s.key_name();
    let comment = cx.text(c.span.clone());
    let ty = s.info().map_or(ValueType::Unknown, |i| i.ty);
    let (severity, effect) = if c.glued {
        (Severity::Error, format!("the comment is glued to the number, so the kernel reads `{}` as the number and rejects the write (EINVAL)", s.value_text().split_whitespace().next().unwrap_or_default()))
    } else if let Some(arity) = ty.arity() {
        let numbers = value::tokens(s.body(), 0).len();
        if numbers >= arity {
            (Severity::Warning, format!("`{comment}` is part of the value; this integer key happens to stop reading at the blank, so it is ignored, but the file depends on that"))
        } else {
            (Severity::Error, format!("`{key}` needs {arity} numbers but the comment stands where number {} should be: the kernel rejects the write (EINVAL)", numbers + 1))
        }
    } else if matches!(ty, ValueType::String | ValueType::PortList) {
        (Severity::Error, format!("`{comment}` becomes part of the value: the kernel receives `{}` (a list or name key rejects it; a free-form string keeps it)", s.value_text()))
    } else {
        (
            Severity::Warning,
            format!("`{comment}` is part of the value written to the kernel"),
        )
    };
    let d = s
        .diag(
            "SL305",
            cx.file_index,
            c.span.clone(),
            format!("inline comment: sysctl files only have whole-line comments; {effect}"),
        )
        .severity(severity)
        .help(format!(
            "move the comment to its own line above: `{comment}` then `{} = {}`",
            s.key_text().unwrap_or_default(),
            s.body()
        ));
    out.push(move_comment_above(cx, s, d));
}

/// The fix: the comment on a new line above (with the line's indentation), the
/// value without the comment and the blanks after it. None for a value that is
/// only a comment (`key = # x`): removing it would leave the key without a value.
fn move_comment_above(cx: &LineContext<'_>, s: &crate::lint::Setting, d: Diagnostic) -> Diagnostic {
    let Some(c) = &s.comment() else { return d };
    if s.body().is_empty() {
        return d;
    }
    let line = cx.line;
    let lead = line.lead().map_or("", |l| cx.text(l));
    let mut end = line.content().end;
    if line.span().end > end && cx.text(line.content()).ends_with('\r') {
        end -= 1; // keep the `\r` of a CRLF line ending
    }
    let comment = cx.text(c.span.clone());
    d.edit(
        line.span().start..line.span().start,
        format!("{lead}{comment}\n"),
    )
    .edit(s.body_span().end..end, "")
}
