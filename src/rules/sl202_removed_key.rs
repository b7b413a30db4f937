//! SL202 removed-key: the key was removed before the target kernel.

use crate::catalog::{self, Status};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LineContext;

use super::values::{clip, last};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL202",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some((s, info, span)) = cx.catalogued() else {
        return;
    };
    let target = &cx.cx.options.kernel;
    if !info.removed_in(target) {
        return;
    }
    let key = s.dotted_key().unwrap_or_default();
    let when = info.removed.map(catalog::series).unwrap_or_default();
    let how = if info.status == Status::Moved {
        format!("moved out of sysctl in Linux {when}")
    } else {
        format!("removed in Linux {when}")
    };
    let at = cx.line.text_start();
    let path = info.path.replace("<*>", "*");
    let d = if switched_off_for_good(s, info) {
        // The line fails, but what it asks for holds: without the key the kernel
        // behaves as if it were 0.
        s.diag(
            "SL202",
            cx.file_index,
            span,
            format!(
                "`{}` was removed: the line fails, but its 0 still holds",
                clip(&last(s), 22)
            ),
        )
        .severity(Severity::Warning)
        .note(format!(
            "`{key}` was {how}: on {target} the line fails (`cannot stat /proc/sys/{path}`, and `sysctl -p` exits 1), but a kernel without the key behaves as if it were 0, which is what the line asks for."
        ))
        .help("delete the line: it only makes the load fail")
    } else {
        let name = clip(&last(s), 22);
        let headline = if info.status == Status::Moved {
            format!("`{name}` left sysctl in Linux {when}: the line fails")
        } else {
            format!("`{name}` was removed in Linux {when}: the line does nothing")
        };
        s.diag("SL202", cx.file_index, span, headline)
            .note(format!(
                "`{key}` was {how}: on {target} procps fails with `cannot stat /proc/sys/{path}` and the line does nothing."
            ))
            .help("delete the line (or target an older kernel with `--kernel`)")
    };
    out.push(d.unsafe_edit(at..at, format!("# sysctl-lint fix: {how}: ")));
}

/// A removed on/off switch (a boolean whose default was 0) written as 0: the
/// feature it switched on went away with the key, so kernels without it behave
/// as if it were 0 (`tcp_tw_recycle`, `tcp_thin_dupack`, `nf_conntrack_helper`).
fn switched_off_for_good(s: &crate::lint::Setting, info: &catalog::KeyInfo) -> bool {
    info.status == Status::Removed
        && info.ty == catalog::ValueType::Bool
        && info.default == "0"
        && s.numbers().as_deref() == Some(&[0])
}
