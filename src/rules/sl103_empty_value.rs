//! SL103 empty-value: `key =` with nothing after the `=`.

use crate::catalog::ValueType;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LineContext;

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
    let key = s.key_name();
    let span = s
        .key_span()
        .clone()
        .map_or(s.value_span(), |k| k.start..s.value_span().end);
    let d = match s.info().map(|i| i.ty) {
        Some(ty) if ty.is_numeric() => s
            .diag(
                "SL103",
                cx.file_index,
                span,
                format!("`{key}` has an empty value: procps 4 and systemd write an empty line, which this {} key rejects (EINVAL); procps 3.3 reports `invalid syntax`", ty.name()),
            )
            .severity(Severity::Error),
        // Measured on 6.18 (tests/kernel_truth.rs): the empty line is accepted
        // and the list emptied.
        Some(ValueType::PortList) => s
            .diag(
                "SL103",
                cx.file_index,
                span,
                format!("`{key}` has an empty value: procps 4 and systemd write an empty line, which empties the list (no port stays reserved); procps 3.3 reports `invalid syntax`"),
            )
            .severity(Severity::Warning),
        Some(ValueType::String) => s
            .diag(
                "SL103",
                cx.file_index,
                span,
                format!("`{key}` has an empty value: the kernel sets it to an empty string (procps 3.3 reports `invalid syntax` instead)"),
            )
            .severity(Severity::Warning),
        _ => s
            .diag(
                "SL103",
                cx.file_index,
                span,
                format!("`{key}` has an empty value: an empty line is written, which integer keys reject (EINVAL); procps 3.3 reports `invalid syntax`"),
            )
            .severity(Severity::Warning),
    };
    out.push(
        d.help("write the value after `=`, or delete the line if the key should keep its default"),
    );
}
