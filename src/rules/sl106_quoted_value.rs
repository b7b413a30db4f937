//! SL106 quoted-value: `key = "value"`; quotes are written to the kernel as is.

use crate::catalog::ValueType;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LineContext;

use super::values::{clip, is_quoted};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL106",
    check: Check::Line(check),
    supersedes: &["SL301", "SL303"],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    if !is_quoted(s.body()) {
        return;
    }
    let key = s.key_name().to_string();
    let inner = &s.body()[1..s.body().len() - 1];
    let ty = s.info().map_or(ValueType::Unknown, |i| i.ty);
    let (severity, message, note) = if ty.is_numeric() || ty == ValueType::PortList {
        (
            Severity::Error,
            crate::msg!("sl106-headline-rejected", value = &clip(s.body(), 16)),
            crate::msg!("sl106-note-rejected", value = s.body(), key = &key),
        )
    } else {
        (
            Severity::Warning,
            crate::msg!("sl106-headline-stored", value = &clip(s.body(), 16)),
            crate::msg!("sl106-note-stored", value = s.body(), key = &key),
        )
    };
    let d = s
        .diag("SL106", cx.file_index, s.body_span(), message)
        .severity(severity)
        .note(note)
        .help(crate::msg!("sl106-help", key = &key, value = inner));
    // A number or port list in quotes is always rejected: unquoting is certainly
    // meant. A string keeps its quotes today: unquoting changes what is written.
    out.push(if severity == Severity::Error {
        d.edit(s.body_span(), inner)
    } else {
        d.unsafe_edit(s.body_span(), inner)
    });
}
