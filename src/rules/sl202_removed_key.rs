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
    let moved = if info.status == Status::Moved {
        "yes"
    } else {
        "no"
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
            crate::msg!("sl202-headline-off", name = &clip(&last(s), 22)),
        )
        .severity(Severity::Warning)
        .note(crate::msg!(
            "sl202-note-off",
            key = &key,
            moved = moved,
            when = &when,
            target = &target.to_string(),
            path = &path
        ))
        .help(crate::msg!("sl202-help-off"))
    } else {
        let name = clip(&last(s), 22);
        let headline = crate::msg!("sl202-headline", moved = moved, name = &name, when = &when);
        s.diag("SL202", cx.file_index, span, headline)
            .note(crate::msg!(
                "sl202-note",
                key = &key,
                moved = moved,
                when = &when,
                target = &target.to_string(),
                path = &path
            ))
            .help(crate::msg!("sl202-help"))
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
