//! SL302 value-out-of-range: outside the enforced or documented range.

use crate::catalog::{self, ValueType};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LineContext;
use crate::value;

use super::values::{numeric, width_bounds};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL302",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(n) = numeric(s) else { return };
    let key = s.key_name();
    let info = n.info;
    let (lo, hi) = width_bounds(info.ty);
    for t in n.tokens.iter().take(n.arity) {
        let Ok(v) = value::parse_int(t.text) else {
            return;
        };
        if v < 0 && info.ty == ValueType::UInt {
            return; // SL301 reports a negative value for an unsigned key
        }
        let diag = |severity, message: String, help: String| {
            s.diag("SL302", cx.file_index, t.span.clone(), message)
                .severity(severity)
                .help(help)
        };
        if v < lo || v > hi {
            out.push(diag(
                Severity::Error,
                format!("{v} does not fit the kernel's integer for `{key}`: the write is rejected (EINVAL)"),
                format!("use a value between {lo} and {hi}"),
            ));
            return;
        }
        let (min, max, enforced, note) = catalog::range_on(info, &cx.cx.options.kernel);
        let below = min.is_some_and(|m| v < m);
        let above = max.is_some_and(|m| v > m);
        if below || above {
            let range = match (min, max) {
                (Some(a), Some(b)) => format!("{a}..={b}"),
                (Some(a), None) => format!(">= {a}"),
                (None, Some(b)) => format!("<= {b}"),
                (None, None) => String::new(),
            };
            let (severity, effect) = if enforced {
                (
                    Severity::Error,
                    "the kernel rejects the write (EINVAL) and keeps the old value; the range",
                )
            } else {
                (
                    Severity::Warning,
                    "the kernel does not check it, but the documented range",
                )
            };
            let target = &cx.cx.options.kernel;
            let note = if note.is_empty() {
                String::new()
            } else {
                format!(" ({note})")
            };
            out.push(diag(
                severity,
                format!("{v} is out of range for `{key}`: {effect} on {target} is {range}{note}"),
                format!("use a value in {range}"),
            ));
            return;
        }
        // Inside the range (enforced or not), the kernel stores any value: an
        // enforced range is all it checks (measured: `tcp_syncookies = 3` is
        // accepted on 6.18, whose range is the u8 0..=255).
        if !info.values.is_empty() && !info.values.contains(&v) {
            let documented: Vec<String> = info.values.iter().map(i128::to_string).collect();
            let message = if info.values == [0, 1] {
                format!(
                    "`{key}` is a 0/1 switch and {v} is neither: the kernel stores it without checking, and what another value does is undocumented (a count or a time meant for another key?)"
                )
            } else {
                format!(
                    "{v} is not a documented value of `{key}` ({}): the kernel stores it without checking, and what it then does is undocumented",
                    documented.join(", ")
                )
            };
            out.push(diag(
                Severity::Warning,
                message,
                format!("use one of {}", documented.join(", ")),
            ));
            return;
        }
    }
}
