//! SL512 port-range-parity: both ends of the ephemeral port range in force are
//! even, or both odd; the kernel warns about it and the documentation asks for one of
//! each (from 4.2).

use crate::diagnostic::Diagnostic;
use crate::lint::Context;
use crate::msg;

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
    let target = &cx.options.kernel;
    let (low_text, high_text) = (low.to_string(), high.to_string());
    let note = if target.series() < (4, 6) {
        msg!(
            "sl512-note-one-by-one",
            low = &low_text,
            high = &high_text,
            parity = parity,
            kernel = &target.to_string()
        )
    } else {
        msg!(
            "sl512-note",
            low = &low_text,
            high = &high_text,
            parity = parity
        )
    };
    out.push(
        w.setting
            .diag(
                "SL512",
                w.file,
                span,
                msg!(
                    "sl512-headline",
                    low = &low_text,
                    high = &high_text,
                    parity = parity
                ),
            )
            .note(note)
            .help(msg!(
                "sl512-help",
                low = &low_text,
                high = &(high - 1).to_string()
            )),
    );
}
