//! SL103 empty-value: `key =` with nothing after the `=`.

use crate::catalog::ValueType;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LineContext;

use super::values::last;
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL103",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    if !s.value_text().is_empty() || s.key_text().is_none() {
        return;
    }
    let key = s.key_name().to_string();
    let name = super::values::clip(&last(s), 20);
    let span = s
        .key_span()
        .clone()
        .map_or(s.value_span(), |k| k.start..s.value_span().end);
    let (severity, message, note) = match s.info().map(|i| i.ty) {
        Some(ty) if ty.is_numeric() => {
            let (type_id, count) = type_selector(ty);
            (
                Severity::Error,
                crate::msg!("sl103-headline-numeric", name = &name),
                crate::msg!(
                    "sl103-note-numeric",
                    key = &key,
                    ty = type_id,
                    count = count,
                    name_en = &ty.name()
                ),
            )
        }
        // Measured on 6.18 (tests/kernel_truth.rs): the empty line is accepted
        // and the list emptied.
        Some(ValueType::PortList) => (
            Severity::Warning,
            crate::msg!("sl103-headline-ports", name = &name),
            crate::msg!("sl103-note-ports", key = &key),
        ),
        Some(ValueType::String) => (
            Severity::Warning,
            crate::msg!("sl103-headline-string", name = &name),
            crate::msg!("sl103-note-string"),
        ),
        _ => (
            Severity::Warning,
            crate::msg!("sl103-headline-other", name = &name),
            crate::msg!("sl103-note-other", key = &key),
        ),
    };
    out.push(
        s.diag("SL103", cx.file_index, span, message)
            .severity(severity)
            .note(note)
            .help(crate::msg!("sl103-help", key = &key)),
    );
}

/// The `$ty` selector of the messages that name a numeric type (`int`, `ints`,
/// ...), with the count of integers of a vector (else 0).
pub(super) fn type_selector(ty: ValueType) -> (&'static str, usize) {
    match ty {
        ValueType::Int => ("int", 0),
        ValueType::UInt => ("uint", 0),
        ValueType::Bool => ("bool", 0),
        ValueType::Enum => ("enum", 0),
        ValueType::Bitmask => ("bitmask", 0),
        ValueType::Ints(n) => ("ints", usize::from(n)),
        ValueType::PortRange => ("port-range", 0),
        _ => ("other", 0),
    }
}
