//! SL305 inline-comment: `value # comment`; there are no inline comments.

use crate::catalog::ValueType;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LineContext;
use crate::value;

use super::values::clip;
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL305",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(c) = &s.comment() else { return };
    let key = s.key_name().to_string();
    let comment = cx.text(c.span.clone());
    let ty = s.info().map_or(ValueType::Unknown, |i| i.ty);
    let shown = clip(comment, 18);
    let (severity, headline, note) = if c.glued {
        (
            Severity::Error,
            crate::msg!("sl305-headline-glued"),
            crate::msg!(
                "sl305-note-glued",
                number = s.value_text().split_whitespace().next().unwrap_or_default()
            ),
        )
    } else if let Some(arity) = ty.arity() {
        let numbers = value::tokens(s.body(), 0).len();
        if numbers >= arity {
            (
                Severity::Warning,
                crate::msg!("sl305-headline-ignored", comment = &shown),
                crate::msg!("sl305-note-ignored", comment = comment),
            )
        } else {
            let position = numbers + 1;
            (
                Severity::Error,
                crate::msg!("sl305-headline-position", position = position),
                crate::msg!(
                    "sl305-note-position",
                    key = &key,
                    arity = arity,
                    position = position
                ),
            )
        }
    } else if matches!(ty, ValueType::String | ValueType::PortList) {
        (
            Severity::Error,
            crate::msg!("sl305-headline-string", comment = &shown),
            crate::msg!(
                "sl305-note-string",
                comment = comment,
                value = s.value_text()
            ),
        )
    } else {
        (
            Severity::Warning,
            crate::msg!("sl305-headline-other", comment = &shown),
            crate::msg!("sl305-note-other", comment = comment),
        )
    };
    let d = s
        .diag("SL305", cx.file_index, c.span.clone(), headline)
        .severity(severity)
        .note(note)
        .help(crate::msg!(
            "sl305-help",
            key = s.key_text().unwrap_or_default(),
            value = s.body()
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
