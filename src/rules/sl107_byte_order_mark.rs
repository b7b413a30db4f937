//! SL107 byte-order-mark: a UTF-8 BOM at the start of the file.

use crate::diagnostic::Diagnostic;
use crate::lint::Context;
use crate::syntax::LineKind;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL107",
    check: Check::File(check),
    supersedes: &[],
};

fn check(cx: &Context<'_>, file_index: usize, out: &mut Vec<Diagnostic>) {
    let file = &cx.files[file_index];
    let Some(bom) = file.tree.bom.clone() else {
        return;
    };
    let first = file.tree.lines.first().map(|l| &l.kind);
    let (headline, note) = match first {
        Some(LineKind::Assignment(a)) => match &a.key() {
            Some(k) => (
                crate::msg!("sl107-headline-setting"),
                crate::msg!("sl107-note-setting", key = file.text(k.clone())),
            ),
            None => (
                crate::msg!("sl107-headline-joins"),
                crate::msg!("sl107-note-joins"),
            ),
        },
        Some(LineKind::Comment(_)) => (
            crate::msg!("sl107-headline-comment"),
            crate::msg!("sl107-note-comment"),
        ),
        _ => (
            crate::msg!("sl107-headline-joins"),
            crate::msg!("sl107-note-other"),
        ),
    };
    out.push(
        Diagnostic::new("SL107", file_index, bom.clone(), headline)
            .note(note)
            .help(crate::msg!("sl107-help"))
            .edit(bom, ""),
    );
}
