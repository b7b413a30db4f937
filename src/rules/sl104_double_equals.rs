//! SL104 double-equals: `key == 1` or `key = = 1`.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL104",
    check: Check::Line(check),
    supersedes: &["SL301", "SL303"],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    if !s.value_text().starts_with('=') {
        return;
    }
    let eq = match &cx.line.kind {
        crate::syntax::LineKind::Assignment(a) => a.eq(),
        _ => return,
    };
    let key = s.key_name().to_string();
    out.push(
        s.diag(
            "SL104",
            cx.file_index,
            eq.start..s.value_span().start + 1,
            crate::msg!(
                "sl104-headline",
                value = &super::values::clip(s.value_text(), 14)
            ),
        )
        .note(crate::msg!(
            "sl104-note",
            value = s.value_text(),
            key = &key
        ))
        .help(crate::msg!(
            "sl104-help",
            key = &key,
            value = s.value_text()[1..].trim_start()
        ))
        .edit(eq.end..s.value_span().start + 1, ""),
    );
}
