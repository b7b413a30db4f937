//! SL304 missing-values: fewer numbers than a vector key has.

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LineContext;

use super::sl302_value_out_of_range::fit_args;
use super::values::{clip, last, numeric};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL304",
    check: Check::Line(check),
    supersedes: &[],
};

/// Vector keys whose elements are independent settings, where writing only the
/// leading ones is the idiom: `kernel.printk = 3` sets the console log level alone
/// (what `dmesg -n 3` does through syslog(2)), and the other three keep their values.
const INDEPENDENT: &[&str] = &["kernel.printk"];

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    // A comment standing where a number should be is SL305's error.
    if s.comment().is_some() {
        return;
    }
    let Some(n) = numeric(s) else { return };
    if INDEPENDENT.contains(&n.info.key) {
        return;
    }
    let given = n.tokens.len();
    if given == 0 || given >= n.arity {
        return;
    }
    let key = s.key_name().to_string();
    let default = if n.info.default.is_empty() {
        "none"
    } else {
        n.info.default
    };
    out.push(
        s.diag(
            "SL304",
            cx.file_index,
            s.body_span(),
            fit_args(
                Severity::Warning,
                "SL304",
                &[
                    (
                        "sl304-headline",
                        &[
                            ("name", (&last(s)).into()),
                            ("given", given.into()),
                            ("arity", n.arity.into()),
                        ],
                    ),
                    (
                        "sl304-headline",
                        &[
                            ("name", (&clip(&last(s), 18)).into()),
                            ("given", given.into()),
                            ("arity", n.arity.into()),
                        ],
                    ),
                ],
            ),
        )
        .note(crate::msg!(
            "sl304-note",
            key = &key,
            arity = n.arity,
            given = given
        ))
        .help(crate::msg!(
            "sl304-help",
            arity = n.arity,
            default = default
        )),
    );
}
