//! SL503 timestamps-disabled: `net.ipv4.tcp_timestamps = 0`.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL503",
    check: Check::Line(check),
    supersedes: &[],
};

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(info) = s.info() else { return };
    if info.key != "net.ipv4.tcp_timestamps" {
        return;
    }
    let Some(numbers) = s.numbers() else { return };
    if numbers.first() != Some(&0) {
        return;
    }
    let span = s.first_token_span();
    let target = &cx.cx.options.kernel;
    let uptime = if target.series() >= (4, 10) {
        format!(" Hiding the uptime is no reason: on {target} (since 4.10) each connection already gets a random timestamp offset.")
    } else {
        " (From Linux 4.10 each connection gets a random timestamp offset, which hides the uptime without turning timestamps off.)".to_owned()
    };
    out.push(
        s.diag(
            "SL503",
            cx.file_index,
            span,
            "`tcp_timestamps = 0` loses PAWS, RTT samples and tcp_tw_reuse",
        )
        .note(
            format!(
                "TCP timestamps (RFC 7323) are off for every connection: the kernel loses PAWS protection against old segments with wrapped sequence numbers (real on fast links), RTT measurement from every ACK (worse retransmission timeouts), and `tcp_tw_reuse` stops working; with SYN cookies in use it is also believed to lose window scaling, SACK and ECN, which the cookie keeps in the timestamp.{uptime}"
            ),
        )
        .help("delete the line (the default is 1: timestamps on, with a random per-connection offset); keep 0 only on anonymity systems that accept these costs to hide the clock rate from remote fingerprinting"),
    );
}
