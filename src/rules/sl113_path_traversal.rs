//! SL113 path-traversal: `.` or `..` components in a slash-separated key.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL113",
    check: Check::Line(check),
    supersedes: &["SL112", "SL201"],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let (Some(key), Some(span)) = (&s.key, &s.key_span()) else {
        return;
    };
    if !key.traversal {
        return;
    }
    out.push(
        s.diag(
            "SL113",
            cx.file_index,
            span.clone(),
            "`.` or `..` in the key: systemd-sysctl rejects it and exits 1",
        )
        .note("The key contains a `.` or `..` path component. systemd-sysctl rejects the path as not normalised (EINVAL, exit 1); procps fails with `Path is not under /proc/sys/` or `cannot stat` unless it resolves back inside /proc/sys.")
        .help("write the key as dotted names without `..`, e.g. `net.ipv4.tcp_syncookies`"),
    );
}
