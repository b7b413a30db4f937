//! SL513 port-range-small: the ephemeral port range in force (less the reserved
//! ports inside it) has fewer than 10000 ports.

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::Context;
use crate::{msg, tr};

use super::sl510_port_range_rejected::{default_range, in_force};
use super::sl514_reserved_ports_invalid::reserved_in_force;
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL513",
    check: Check::Config(check),
    supersedes: &[],
};

/// Below this many usable ports the range is reported. The default 32768-60999 has
/// 28232; the IANA dynamic range 49152-65535 (RFC 6335) has 16384 and is fine;
/// 10000 ports allow about 166 new connections per second to one destination when
/// each one ends in TIME_WAIT (60 s).
const MIN_PORTS: i128 = 10000;

/// TIME_WAIT length: TCP_TIMEWAIT_LEN, 60 s, not tunable (kernel-facts §1).
const TIME_WAIT_SECS: i128 = 60;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(w) = in_force(cx) else { return };
    let (low, high) = (w.low, w.high);
    let default = default_range(&cx.options.kernel);
    let default_size = default.1 - default.0 + 1;
    let size = high - low + 1;
    let reserved = reserved_in_force(cx);
    let taken = reserved.count_in(low, high);
    let usable = size - taken;
    if usable >= MIN_PORTS {
        return;
    }
    let (low_text, high_text) = (low.to_string(), high.to_string());
    let default_text = default_size.to_string();
    let (usable_n, taken_n, size_n) = (usable as i64, taken as i64, size as i64);
    let mut d = if usable == 0 {
        w.setting
            .diag(
                "SL513",
                w.file,
                w.setting.body_span(),
                msg!("sl513-headline-none", low = &low_text, high = &high_text),
            )
            .note(msg!(
                "sl513-note-none",
                low = &low_text,
                high = &high_text,
                taken = taken_n,
                size = size_n,
                default = &default_text
            ))
            .severity(Severity::Error)
    } else {
        w.setting
            .diag(
                "SL513",
                w.file,
                w.setting.body_span(),
                msg!(
                    "sl513-headline",
                    low = &low_text,
                    high = &high_text,
                    usable = usable_n
                ),
            )
            .note(msg!(
                "sl513-note",
                low = &low_text,
                high = &high_text,
                usable = usable_n,
                taken = taken_n,
                size = size_n,
                default = &default_text,
                seconds = TIME_WAIT_SECS as i64,
                rate = (usable / TIME_WAIT_SECS) as i64
            ))
    };
    if let (true, Some((f, r))) = (taken > 0, reserved.set_at) {
        d = d.label(f, r.body_span(), tr!("sl513-label", taken = taken_n));
    }
    let (dlow, dhigh) = (default.0.to_string(), default.1.to_string());
    let min = MIN_PORTS.to_string();
    out.push(d.help(if taken > 0 {
        msg!(
            "sl513-help-reserved",
            min = &min,
            low = &dlow,
            high = &dhigh
        )
    } else {
        msg!("sl513-help", min = &min, low = &dlow, high = &dhigh)
    }));
}
