//! SL108 control-character: NUL and other control bytes inside a line.

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LineContext;
use crate::source::INVALID_BYTE_PLACEHOLDER;
use crate::syntax::LineKind;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL108",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let content = cx.line.content();
    let text = cx.text(content.clone());
    // A CR right before the newline is a CRLF line ending: fine for both loaders.
    let text = text.strip_suffix('\r').unwrap_or(text);
    // Printable ASCII and tabs (nearly every line): nothing to decode.
    if text
        .bytes()
        .all(|b| (b' '..b'\x7f').contains(&b) || b == b'\t')
    {
        return;
    }
    let Some((i, c)) = text.char_indices().find(|&(i, c)| {
        is_control(c)
            && !(c == INVALID_BYTE_PLACEHOLDER
                && cx
                    .file
                    .source
                    .has_invalid_utf8(&(content.start + i..content.start + i + 1)))
    }) else {
        return;
    };
    let at = content.start + i;
    let place = place(cx, at);
    let (name, long_name) = match c {
        '\0' => ("a NUL byte".to_owned(), "a NUL byte".to_owned()),
        '\r' => (
            "a carriage return".to_owned(),
            "a carriage return inside the line".to_owned(),
        ),
        c => (
            format!("U+{:04X}", c as u32),
            format!("the control character U+{:04X}", c as u32),
        ),
    };
    let (short, effect) = match (place, c) {
        (Place::Comment, _) => ("harmless, but a sign of damage", "it is harmless in a comment, but a sign of a file damaged by a copy or a conversion"),
        (_, '\0') => ("the rest of the line is lost", "procps reads the line only up to it and systemd ends the line there, so the rest is lost"),
        (_, '\r') => ("systemd cuts the line there", "systemd ends the line there, procps keeps it as part of the text"),
        (Place::Key, _) => ("no such key, the setting is lost", "no key has such a name: `cannot stat`, the setting is lost"),
        (Place::Value, _) => ("it is written to the kernel as is", "it is written to the kernel as is"),
    };
    let what = format!("{name}: {short}");
    let note = format!(
        "{} contains {long_name}: {effect}.",
        crate::text::capitalize(place.name())
    );
    let severity = match place {
        Place::Key => Severity::Error,
        Place::Value => Severity::Warning,
        Place::Comment => Severity::Info,
    };
    out.push(
        Diagnostic::new("SL108", cx.file_index, at..at + c.len_utf8(), format!("{} contains {what}", place.name()))
            .severity(severity)
            .note(note)
            .help("delete the control character (it is often left by a copy from a web page or a binary file)"),
    );
}

fn is_control(c: char) -> bool {
    (c.is_control() && c != '\t') || c == '\u{7F}'
}

#[derive(Clone, Copy)]
pub(super) enum Place {
    Key,
    Value,
    Comment,
}

impl Place {
    pub(super) fn name(self) -> &'static str {
        match self {
            Place::Key => "the key",
            Place::Value => "the value",
            Place::Comment => "a comment",
        }
    }
}

/// Where on the line a byte offset falls.
pub(super) fn place(cx: &LineContext<'_>, at: usize) -> Place {
    match &cx.line.kind {
        LineKind::Comment(_) => Place::Comment,
        LineKind::Assignment(a) if at >= a.eq().end => Place::Value,
        _ => Place::Key,
    }
}
