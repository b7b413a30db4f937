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
    let (effect, consequence) = match first {
        Some(LineKind::Assignment(a)) => match &a.key() {
            Some(k) => (
                "the first setting is lost",
                format!(
                    "procps does not strip it, so the first key becomes `\\u{{FEFF}}{}`: `cannot stat`, and that setting is lost.",
                    file.text(k.clone())
                ),
            ),
            None => (
                "it joins the first line",
                "procps does not strip it, so it becomes part of the first line.".to_owned(),
            ),
        },
        Some(LineKind::Comment(_)) => (
            "line 1 is no longer a comment",
            "procps does not strip it, so the first line is no longer a comment: `invalid syntax`.".to_owned(),
        ),
        _ => (
            "it joins the first line",
            "procps and systemd do not strip it: it becomes part of the first line.".to_owned(),
        ),
    };
    out.push(
        Diagnostic::new(
            "SL107",
            file_index,
            bom.clone(),
            format!("the file starts with a byte order mark: {effect}"),
        )
        .note(format!(
            "The file starts with a UTF-8 byte order mark (BOM): {consequence}"
        ))
        .help("save the file as UTF-8 without BOM (e.g. `sed -i '1s/^\\xEF\\xBB\\xBF//' FILE`)")
        .edit(bom, ""),
    );
}
