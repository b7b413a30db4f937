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
                "blank after `-`: procps loses the setting, only systemd strips it",
            )
            .note(format!("procps keeps the blank between `-` and the key and looks up `/proc/sys/ {}` (`cannot stat`); only systemd strips it.", text.replace('.', "/")))
            .key(text)
            .help(format!("write `-{text}` without the blank"))
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
            format!(
                "`{}` has a blank: no such key, the setting is lost",
                crate::text::clip(text, 18)
            ),
        )
        .note(format!("procps and systemd keep the blank in `{text}`, so no such key exists (`cannot stat`) and the setting is lost."))
        .key(text)
        .help(format!("remove the blank: `{squeezed}`"));
        // Safe only when the squeezed key exists: then it is certainly the one meant.
        if crate::catalog::lookup(&crate::key::Key::parse(&squeezed)).is_some() {
            d = d.edit(key, squeezed);
        }
        out.push(d);
    }
}
