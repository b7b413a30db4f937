//! SL512 port-range-parity: both ends of the ephemeral port range in force are
//! even, or both odd; the kernel warns about it and the documentation asks for one of
//! each (from 4.2).

use crate::diagnostic::Diagnostic;
use crate::lint::Context;

use super::sl510_port_range_rejected::{in_force, PARITY_SINCE};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL512",
    check: Check::Config(check),
    supersedes: &[],
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.options.kernel.series() < PARITY_SINCE {
        return;
    }
    let Some(w) = in_force(cx) else { return };
    let (low, high) = (w.low, w.high);
    if low == high || (low ^ high) & 1 == 1 {
        return;
    }
    let parity = if low % 2 == 0 { "even" } else { "odd" };
    let span = w.high_span.clone().unwrap_or(w.setting.body_span());
    out.push(
        w.setting
            .diag(
                "SL512",
                w.file,
                span,
                format!("the kernel warns: both port range ends ({low}, {high}) are {parity}"),
            )
            .note(
                format!(
                    "Both ends of the ephemeral port range {low}-{high} are {parity}: connect() walks the range in steps of two, one parity first, and the documentation asks for one even and one odd end; the kernel logs \"ip_local_port_range: prefer different parity for start/end values.\" when it takes this range."
                ),
            )
            .help(format!(
                "make the ends differ in parity, e.g. `{low} {}` (like the default 32768 60999)",
                high - 1
            )),
    );
}
