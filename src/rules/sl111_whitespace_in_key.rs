//! SL111 whitespace-in-key: blanks inside the key or after the `-` prefix.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::syntax::LineKind;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL111",
    check: Check::Line(check),
    supersedes: &["SL201", "SL112"],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let (dash_pad, key) = match &cx.line.kind {
        LineKind::Assignment(a) => (a.dash_pad(), a.key()),
        LineKind::Exclusion(e) => (e.dash_pad(), Some(e.key())),
        _ => return,
    };
    let Some(key) = key else { return };
    let text = cx.text(key.clone());
    if let Some(pad) = dash_pad {
        out.push(
            Diagnostic::new(
                "SL111",
                cx.file_index,
                pad.clone(),
                crate::msg!("sl111-headline-dash"),
            )
            .note(crate::msg!(
                "sl111-note-dash",
                path = &text.replace('.', "/")
            ))
            .key(text)
            .help(crate::msg!("sl111-help-dash", key = text))
            .edit(pad, ""),
        );
        return;
    }
    if let Some(i) = text.find([' ', '\t']) {
        let squeezed: String = text.split_whitespace().collect();
        let end = text[i..]
            .find(|c: char| c != ' ' && c != '\t')
            .map_or(text.len(), |j| i + j);
        let mut d = Diagnostic::new(
            "SL111",
            cx.file_index,
            key.start + i..key.start + end,
            crate::msg!("sl111-headline", key = crate::text::clip(text, 18).as_ref()),
        )
        .note(crate::msg!("sl111-note", key = text))
        .key(text)
        .help(crate::msg!("sl111-help", key = &squeezed));
        // Safe only when the squeezed key exists: then it is certainly the one meant.
        if crate::catalog::lookup(&crate::key::Key::parse(&squeezed)).is_some() {
            d = d.edit(key, squeezed);
        }
        out.push(d);
    }
}
