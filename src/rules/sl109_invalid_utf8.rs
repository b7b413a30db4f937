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
    let (severity, effect) = match p {
        Place::Key => (
            Severity::Error,
            "no key has such a name: `cannot stat`, the setting is lost",
        ),
        Place::Value => (
            Severity::Warning,
            "the bytes are written to the kernel as they are",
        ),
        Place::Comment => (
            Severity::Info,
            "harmless in a comment, but tools that expect UTF-8 may choke on the file",
        ),
    };
    let bytes: Vec<String> = cx.file.source.bytes()[bad.clone()]
        .iter()
        .map(|b| format!("\\x{b:02X}"))
        .collect();
    out.push(
        Diagnostic::new(
            "SL109",
            cx.file_index,
            bad.clone(),
            format!(
                "{} contains bytes that are not UTF-8 ({}): {effect}",
                p.name(),
                bytes.join("")
            ),
        )
        .severity(severity)
        .help("convert the file to UTF-8 (e.g. `iconv -f GBK -t UTF-8`), or delete the bytes"),
    );
}
