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
    let (severity, short, effect) = match p {
        Place::Key => (
            Severity::Error,
            "no such key, the setting is lost",
            "no key has such a name: `cannot stat`, the setting is lost",
        ),
        Place::Value => (
            Severity::Warning,
            "written to the kernel as they are",
            "the bytes are written to the kernel as they are",
        ),
        Place::Comment => (
            Severity::Info,
            "harmless, but tools may choke",
            "harmless in a comment, but tools that expect UTF-8 may choke on the file",
        ),
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
            format!(
                "{} has non-UTF-8 bytes ({}): {short}",
                p.name(),
                if bytes.len() > 8 {
                    format!("{}…", &bytes[..8])
                } else {
                    bytes.clone()
                }
            ),
        )
        .severity(severity)
        .note(format!(
            "{} contains bytes that are not UTF-8 ({bytes}): {effect}.",
            crate::text::capitalize(p.name())
        ))
        .help("convert the file to UTF-8 (e.g. `iconv -f GBK -t UTF-8`), or delete the bytes"),
    );
}
