//! SL520 syn-retries-low: `tcp_syn_retries` / `tcp_synack_retries` lowered below
//! the default, which makes handshakes give up after a few seconds.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::msg;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL520",
    check: Check::Line(check),
    supersedes: &[],
};

/// Seconds until the kernel gives up after `retries` retransmissions with pure
/// exponential backoff from a 1 s initial RTO: 1 + 2 + ... + 2^retries.
fn give_up_after(retries: i128) -> i128 {
    (1i128 << (retries + 1).min(64)) - 1
}

/// The same for a SYN on kernels with `tcp_syn_linear_timeouts = linear`: the
/// kernel adds `linear` retransmissions, keeps the timeout at 1 s until `linear`
/// have been sent, then doubles (net/ipv4/tcp_timer.c); 6 retries and 4 linear give
/// the 131 s of the kernel documentation.
fn syn_give_up_after(retries: i128, linear: i128) -> i128 {
    (1i128 << (retries + 1).min(64)) + linear - 1
}

/// `tcp_syn_linear_timeouts` on the target kernel: the configuration's value, else
/// the default 4; `None` before the key existed.
fn linear_timeouts(cx: &LineContext<'_>) -> Option<i128> {
    let key = crate::key::Key::parse("net.ipv4.tcp_syn_linear_timeouts");
    let info = crate::catalog::lookup(&key)?;
    if info.too_new_for(&cx.cx.options.kernel) {
        return None;
    }
    let set = cx
        .cx
        .last_numbers("net.ipv4.tcp_syn_linear_timeouts")
        .and_then(|n| n.first().copied())
        .filter(|n| (0..=64).contains(n));
    Some(set.unwrap_or(4))
}

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(info) = s.info() else { return };
    let target = &cx.cx.options.kernel;
    let (name, default) = match info.key {
        // 6 since Linux 3.7, 5 before (man tcp(7)).
        "net.ipv4.tcp_syn_retries" => (
            "tcp_syn_retries",
            if target.series() >= (3, 7) { 6 } else { 5 },
        ),
        "net.ipv4.tcp_synack_retries" => ("tcp_synack_retries", 5),
        _ => return,
    };
    let Some(&n) = s.numbers().as_ref().and_then(|v| v.first()) else {
        return;
    };
    if !(0..default).contains(&n) {
        return;
    }
    let span = s.first_token_span();
    let linear = if name == "tcp_syn_retries" {
        linear_timeouts(cx)
    } else {
        None
    };
    let (after, default_after) = match linear {
        Some(l) => (syn_give_up_after(n, l), syn_give_up_after(default, l)),
        None => (give_up_after(n), give_up_after(default)),
    };
    let (value, after, default_after, default) = (
        n.to_string(),
        after.to_string(),
        default_after.to_string(),
        default.to_string(),
    );
    let (headline, note) = match (name, linear) {
        ("tcp_syn_retries", Some(l)) => (
            "sl520-headline-syn",
            msg!(
                "sl520-note-syn-linear",
                name = name,
                value = &value,
                after = &after,
                linear = l as i64,
                default_after = &default_after,
                default = &default
            ),
        ),
        ("tcp_syn_retries", None) => (
            "sl520-headline-syn",
            msg!(
                "sl520-note-syn",
                name = name,
                value = &value,
                after = &after,
                default_after = &default_after,
                default = &default
            ),
        ),
        _ => (
            "sl520-headline-synack",
            msg!(
                "sl520-note-synack",
                name = name,
                value = &value,
                after = &after,
                default_after = &default_after,
                default = &default
            ),
        ),
    };
    out.push(
        s.diag(
            "SL520",
            cx.file_index,
            span,
            msg!(
                headline,
                name = name,
                value = &value,
                after = &after,
                default_after = &default_after
            ),
        )
        .note(note)
        .help(msg!("sl520-help", default = &default)),
    );
}

#[cfg(test)]
mod tests {
    use super::{give_up_after, syn_give_up_after};

    #[test]
    fn backoff_totals() {
        assert_eq!(give_up_after(2), 7);
        assert_eq!(give_up_after(5), 63);
        assert_eq!(give_up_after(6), 127);
        assert_eq!(give_up_after(0), 1);
        assert_eq!(syn_give_up_after(6, 4), 131);
        assert_eq!(syn_give_up_after(2, 4), 11);
        assert_eq!(syn_give_up_after(0, 4), 5);
    }
}

#[cfg(test)]
mod rule_tests {
    fn messages(text: &str, kernel: &str) -> Vec<String> {
        crate::rules::headline::texts("SL520", text, kernel)
    }

    #[test]
    fn defaults_and_times() {
        assert!(messages("net.ipv4.tcp_syn_retries = 6\n", "6.18").is_empty());
        assert!(messages("net.ipv4.tcp_synack_retries = 5\n", "6.18").is_empty());
        // 5 was the default before 3.7
        assert!(messages("net.ipv4.tcp_syn_retries = 5\n", "3.2").is_empty());
        assert_eq!(messages("net.ipv4.tcp_syn_retries = 5\n", "4.9").len(), 1);
        let m = messages("net.ipv4.tcp_syn_retries = 2\n", "6.1");
        assert!(
            m[0].contains("about 7 s") && m[0].contains("about 127 s"),
            "{m:?}"
        );
        let m = messages("net.ipv4.tcp_syn_retries = 2\n", "6.18");
        assert!(
            m[0].contains("about 11 s") && m[0].contains("about 131 s"),
            "{m:?}"
        );
        let m = messages("net.ipv4.tcp_synack_retries = 2\n", "6.18");
        assert!(
            m[0].contains("about 7 s") && m[0].contains("about 63 s"),
            "{m:?}"
        );
    }
}
