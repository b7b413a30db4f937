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
    let char_id = match c {
        '\0' => "nul",
        '\r' => "cr",
        _ => "other",
    };
    let code = format!("U+{:04X}", c as u32);
    let effect = match (place, c) {
        (Place::Comment, _) => "comment",
        (_, '\0') => "nul",
        (_, '\r') => "cr",
        (Place::Key, _) => "key",
        (Place::Value, _) => "value",
    };
    let args = |id| {
        crate::msg!(
            id,
            place = place.id(),
            char = char_id,
            code = &code,
            effect = effect
        )
    };
    let severity = match place {
        Place::Key => Severity::Error,
        Place::Value => Severity::Warning,
        Place::Comment => Severity::Info,
    };
    out.push(
        Diagnostic::new(
            "SL108",
            cx.file_index,
            at..at + c.len_utf8(),
            args("sl108-headline"),
        )
        .severity(severity)
        .note(args("sl108-note"))
        .help(crate::msg!("sl108-help")),
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
    /// The selector of the messages (`key`, `value`, `comment`).
    pub(super) fn id(self) -> &'static str {
        match self {
            Place::Key => "key",
            Place::Value => "value",
            Place::Comment => "comment",
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
