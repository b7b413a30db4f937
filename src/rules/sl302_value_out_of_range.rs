//! SL302 value-out-of-range: outside the enforced or documented range.

use crate::catalog::{self, ValueType};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LineContext;
use crate::text;
use crate::value;

use super::values::{clip, last, numeric, width_bounds};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL302",
    check: Check::Line(check),
    supersedes: &[],
};

fn fit(severity: Severity, long: String, short: String) -> String {
    super::values::fit(severity, "SL302", long, short)
}

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(n) = numeric(s) else { return };
    let key = s.key_name();
    let info = n.info;
    let (lo, hi) = width_bounds(info.ty);
    let name = last(s);
    for t in n.tokens.iter().take(n.arity) {
        let Ok(v) = value::parse_int(t.text) else {
            return;
        };
        if v < 0 && info.ty == ValueType::UInt {
            return; // SL301 reports a negative value for an unsigned key
        }
        // The setting as the headline names it, whole and clipped.
        let whole = format!("`{name} = {v}`");
        let short = format!("`{} = {}`", clip(&name, 16), clip(&v.to_string(), 10));
        let diag = |severity, message: String, note: String, help: String| {
            s.diag("SL302", cx.file_index, t.span.clone(), message)
                .severity(severity)
                .note(note)
                .help(help)
        };
        if v < lo || v > hi {
            out.push(diag(
                Severity::Error,
                format!(
                    "`{}` does not fit the kernel's integer: the write is rejected",
                    clip(&v.to_string(), 14)
                ),
                format!("{v} does not fit the kernel's integer for `{key}`: the write is rejected (EINVAL)."),
                format!("use a value between {lo} and {hi}"),
            ));
            return;
        }
        let (min, max, enforced, note) = catalog::range_on(info, &cx.cx.options.kernel);
        let below = min.is_some_and(|m| v < m);
        let above = max.is_some_and(|m| v > m);
        if below || above {
            let range = text::range(min, max).unwrap_or_default();
            // The bound crossed, when the whole range is too long to show.
            let bound = if below {
                text::range(min, None)
            } else {
                text::range(None, max)
            }
            .unwrap_or_default();
            let target = &cx.cx.options.kernel;
            let note = if note.is_empty() {
                String::new()
            } else {
                format!(" ({note})")
            };
            let (severity, message, why) = if enforced {
                (
                    Severity::Error,
                    fit(
                        Severity::Error,
                        format!("{whole} is rejected: it must be {range}"),
                        fit(
                            Severity::Error,
                            format!("{whole} is rejected: it must be {bound}"),
                            fit(
                                Severity::Error,
                                format!("{short} is rejected: it must be {bound}"),
                                format!("{short} is rejected: it is out of range"),
                            ),
                        ),
                    ),
                    format!("The kernel rejects the write (EINVAL) and keeps the old value: on {target}, `{key}` must be {range}{note}."),
                )
            } else {
                (
                    Severity::Warning,
                    fit(
                        Severity::Warning,
                        format!("{whole} is stored unchecked, but should be {range}"),
                        fit(
                            Severity::Warning,
                            format!("{whole} is stored unchecked, but should be {bound}"),
                            fit(
                                Severity::Warning,
                                format!("{short} is stored unchecked, but should be {bound}"),
                                format!("{short} is stored unchecked, but is out of range"),
                            ),
                        ),
                    ),
                    format!("The kernel does not check it, but its documentation says that on {target}, `{key}` should be {range}{note}."),
                )
            };
            out.push(diag(severity, message, why, format!("use a value {range}")));
            return;
        }
        // Inside the range (enforced or not), the kernel stores any value: an
        // enforced range is all it checks (measured: `tcp_syncookies = 3` is
        // accepted on 6.18, whose range is the u8 0..=255).
        if !info.values.is_empty() && !info.values.contains(&v) {
            let documented: Vec<String> = info.values.iter().map(i128::to_string).collect();
            let (message, why) = if info.values == [0, 1] {
                (
                    fit(
                        Severity::Warning,
                        format!("{whole} is not 0 or 1: the kernel stores it anyway"),
                        format!("{short}: not 0 or 1, stored unchecked"),
                    ),
                    format!(
                        "`{key}` is a 0/1 switch and {v} is neither: the kernel stores it without checking, and what another value does is undocumented (a count or a time meant for another key?)."
                    ),
                )
            } else {
                (
                    fit(
                        Severity::Warning,
                        format!("{whole} is not a documented value: stored unchecked"),
                        format!("{short} is undocumented: stored unchecked"),
                    ),
                    format!(
                        "{v} is not a documented value of `{key}` ({}): the kernel stores it without checking, and what it then does is undocumented.",
                        documented.join(", ")
                    ),
                )
            };
            out.push(diag(
                Severity::Warning,
                message,
                why,
                format!("use one of {}", documented.join(", ")),
            ));
            return;
        }
    }
}
