//! SL109 invalid-utf8: bytes that are not UTF-8 (GBK or Latin-1 text).

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LineContext;

use super::sl108_control_character::{place, Place};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL109",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let line = &cx.line.content();
    let Some(bad) = cx
        .file
        .source
        .invalid_utf8
        .iter()
        .find(|r| r.start < line.end && line.start < r.end)
    else {
        return;
    };
    let p = place(cx, bad.start);
    let severity = match p {
        Place::Key => Severity::Error,
        Place::Value => Severity::Warning,
        Place::Comment => Severity::Info,
    };
    let bytes: String = cx.file.source.bytes()[bad.clone()]
        .iter()
        .map(|b| format!("\\x{b:02X}"))
        .collect();
    out.push(
        Diagnostic::new(
            "SL109",
            cx.file_index,
            bad.clone(),
            crate::msg!(
                "sl109-headline",
                place = p.id(),
                bytes = &if bytes.len() > 8 {
                    format!("{}…", &bytes[..8])
                } else {
                    bytes.clone()
                }
            ),
        )
        .severity(severity)
        .note(crate::msg!("sl109-note", place = p.id(), bytes = &bytes))
        .help(crate::msg!("sl109-help")),
    );
}
