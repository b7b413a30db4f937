//! SL513 port-range-small: the ephemeral port range in force (less the reserved
//! ports inside it) has fewer than 10000 ports.

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::Context;

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
    let taken = (low..=high).filter(|&p| reserved.contains(p)).count() as i128;
    let usable = size - taken;
    if usable >= MIN_PORTS {
        return;
    }
    let reserved_note = if taken > 0 {
        format!("{size} in the range, {taken} of them reserved by ip_local_reserved_ports; ")
    } else {
        String::new()
    };
    let mut d = if usable == 0 {
        w.setting
            .diag(
                "SL513",
                w.file,
                w.setting.body_span(),
                format!("the port range {low}-{high} leaves no usable port: connect() fails"),
            )
            .note(format!(
                "The ephemeral port range {low}-{high} leaves no usable port ({reserved_note}the default range has {default_size}): every connect() that lets the kernel pick the local port fails with EADDRNOTAVAIL."
            ))
            .severity(Severity::Error)
    } else {
        let per_second = usable / TIME_WAIT_SECS;
        let rate = if per_second >= 1 {
            format!("about {per_second} per second")
        } else {
            "less than one per second".to_owned()
        };
        w.setting.diag(
            "SL513",
            w.file,
            w.setting.body_span(),
            format!("the port range {low}-{high} allows {usable} connections per destination"),
        )
        .note(
            format!(
                "The ephemeral port range {low}-{high} leaves {usable} usable ports ({reserved_note}the default range has {default_size}): at most {usable} connections to one destination address and port at a time, and when this host closes them first, each port waits {TIME_WAIT_SECS} s in TIME_WAIT, so at most {usable} new connections per {TIME_WAIT_SECS} s ({rate}); beyond that connect() fails with EADDRNOTAVAIL."
            ),
        )
    };
    if let (true, Some((f, r))) = (taken > 0, reserved.set_at) {
        d = d.label(
            f,
            r.body_span(),
            format!("reserves {taken} ports of the range"),
        );
    }
    out.push(d.help(format!(
        "widen the range to at least {MIN_PORTS} ports, e.g. the default `{} {}`{}",
        default.0,
        default.1,
        if taken > 0 {
            ", or reserve fewer ports inside it"
        } else {
            ""
        }
    )));
}
