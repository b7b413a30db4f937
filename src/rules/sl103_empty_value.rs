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
    let key = s.key_name();
    let name = super::values::clip(&last(s), 20);
    let span = s
        .key_span()
        .clone()
        .map_or(s.value_span(), |k| k.start..s.value_span().end);
    let (severity, message, note) = match s.info().map(|i| i.ty) {
        Some(ty) if ty.is_numeric() => (
            Severity::Error,
            format!("`{name} =` has no value: the kernel rejects the empty write"),
            format!("procps 4 and systemd write an empty line to `{key}`, which this {} key rejects (EINVAL), so it keeps its current value; procps 3.3 reports `invalid syntax`.", ty.name()),
        ),
        // Measured on 6.18 (tests/kernel_truth.rs): the empty line is accepted
        // and the list emptied.
        Some(ValueType::PortList) => (
            Severity::Warning,
            format!("`{name} =` has no value: the port list is emptied"),
            format!("procps 4 and systemd write an empty line to `{key}`, which empties the list (no port stays reserved); procps 3.3 reports `invalid syntax`."),
        ),
        Some(ValueType::String) => (
            Severity::Warning,
            format!("`{name} =` has no value: the kernel stores an empty string"),
            "The kernel sets the key to an empty string (procps 3.3 reports `invalid syntax` instead).".to_owned(),
        ),
        _ => (
            Severity::Warning,
            format!("`{name} =` has no value: an empty line is written"),
            format!("An empty line is written to `{key}`, which integer keys reject (EINVAL); procps 3.3 reports `invalid syntax`."),
        ),
    };
    out.push(
        s.diag("SL103", cx.file_index, span, message)
            .severity(severity)
            .note(note)
            .help(format!(
                "write the value after `=` (`{key} = VALUE`), or delete the line if the key should keep its default"
            )),
    );
}
