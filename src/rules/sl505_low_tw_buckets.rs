//! SL505 low-tw-buckets: `tcp_max_tw_buckets` far below what the kernel sizes it to.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL505",
    check: Check::Line(check),
    // SL505 says what a negative cap does on the target kernel.
    supersedes: &["SL306"],
};

/// Below this the cap is reported. The kernel's own default is half the TCP
/// established-hash size, one hash slot per 128 KiB of RAM rounded up to a power
/// of two (net/ipv4/tcp.c, `alloc_large_system_hash(..., 17, ...)`): 32768 on an
/// 8 GiB host. A smaller cap is below what the kernel would pick for any
/// mid-sized server (see rules/docs/SL505.md).
pub(super) const FLOOR: i128 = 32768;

/// From Linux 5.18 `inet_twsk_alloc()` compares the cap with `refcount_read()`, an
/// unsigned count (`refcount_read(&dr->tw_refcount) - 1 >= sysctl_max_tw_buckets`),
/// so a negative cap converts to a huge unsigned number and removes the limit;
/// only 0 disables TIME_WAIT. Before, `atomic_read(&dr->tw_count) >=
/// sysctl_max_tw_buckets` compared signed ints, and any cap <= 0 disabled it
/// (net/ipv4/inet_timewait_sock.c). The change is commit fbb8295248e1 "tcp: allocate
/// tcp_death_row outside of struct netns_ipv4", first in 5.18 (5.17 has the atomic
/// test; the 5.18 stable series patches the refcount test).
const UNSIGNED_COMPARE: (u64, u64) = (5, 18);

/// The kernel's default for a host with `memory` bytes of RAM (an estimate: the
/// kernel counts slightly less than the installed memory, which the rounding up to a
/// power of two absorbs; the hash is capped at 512 Ki slots).
pub(super) fn default_for(memory: u64) -> i128 {
    let slots = memory.div_ceil(128 * 1024).max(1);
    let slots = slots
        .checked_next_power_of_two()
        .unwrap_or(u64::MAX)
        .min(512 * 1024);
    i128::from(slots / 2)
}

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(info) = s.info() else { return };
    if info.key != "net.ipv4.tcp_max_tw_buckets" {
        return;
    }
    let Some(&cap) = s.numbers().as_ref().and_then(|n| n.first()) else {
        return;
    };
    let memory = cx.cx.options.memory;
    let threshold = memory.map_or(FLOOR, |m| FLOOR.min(default_for(m)));
    if cap >= threshold {
        return;
    }
    let span = s.first_token_span();
    let target = &cx.cx.options.kernel;
    let unsigned = target.series() >= UNSIGNED_COMPARE;
    let effect = if cap < 0 && unsigned {
        format!("on {target} a negative cap is compared as an unsigned number (`refcount_read()`, since 5.18), so it removes the limit: TIME_WAIT sockets are no longer capped at all, and the protection the cap gives against floods of closing connections is gone (only 0 disables TIME_WAIT)")
    } else if cap < 0 {
        format!("on {target} a negative cap disables TIME_WAIT like 0 (a signed comparison before 5.18; from 5.18 a negative value removes the cap instead): every closing connection is destroyed at once")
    } else if cap == 0 {
        "no socket can enter TIME_WAIT at all: every closing connection is destroyed at once"
            .to_owned()
    } else {
        format!("once {cap} sockets are in TIME_WAIT, every further closing connection skips TIME_WAIT and is destroyed at once")
    };
    let message = if cap < 0 && unsigned {
        format!("`tcp_max_tw_buckets = {cap}` removes the TIME_WAIT cap on {target}")
    } else if cap <= 0 {
        format!("`tcp_max_tw_buckets = {cap}` turns TIME_WAIT off for every socket")
    } else {
        format!("`tcp_max_tw_buckets = {cap}` drops TIME_WAIT for sockets beyond {cap}")
    };
    let default = match memory {
        Some(m) => format!(
            "about {} for the {} of memory given",
            default_for(m),
            crate::units::format_bytes(u128::from(m))
        ),
        None => "131072 on a 24 GiB host, 32768 on an 8 GiB one".to_owned(),
    };
    out.push(
        s.diag(
            "SL505",
            cx.file_index,
            span,
            message,
        )
        .note(
            format!(
                "With `tcp_max_tw_buckets = {cap}`, {effect} (counted as TCPTimeWaitOverflow in /proc/net/netstat; older kernels log `TCP: time wait bucket table overflow`). Without TIME_WAIT, late segments of an old connection can reach a new one on the same ports. The kernel sizes the cap from memory ({default}); its documentation says not to lower it."
            ),
        )
        .help("delete the line to keep the kernel's default; TIME_WAIT sockets are cheap, and for outgoing connections `net.ipv4.tcp_tw_reuse = 1` lets new connections reuse them safely"),
    );
}

#[cfg(test)]
mod tests {
    use super::default_for;

    #[test]
    fn defaults_follow_the_hash_size() {
        const GIB: u64 = 1 << 30;
        assert_eq!(default_for(8 * GIB), 32768);
        assert_eq!(default_for(24 * GIB), 131072);
        assert_eq!(default_for(GIB), 4096);
        assert_eq!(default_for(1024 * GIB), 262144);
    }
}

#[cfg(test)]
mod rule_tests {
    use crate::{lint_source, Options};

    fn has(text: &str, memory: Option<u64>) -> bool {
        let options = Options {
            memory,
            ..Options::default()
        };
        let (_, diags) = lint_source("t.conf", text.as_bytes(), &options);
        diags.iter().any(|d| d.code == "SL505")
    }

    /// The headline and the note of the first finding.
    fn message(text: &str, kernel: &str) -> String {
        let options = Options {
            kernel: crate::KernelVersion::parse_lenient(kernel).expect("test kernel"),
            ..Options::default()
        };
        let (_, diags) = lint_source("t.conf", text.as_bytes(), &options);
        diags
            .into_iter()
            .find(|d| d.code == "SL505")
            .map(|d| format!("{} {}", d.message, d.note.unwrap_or_default()))
            .unwrap_or_default()
    }

    #[test]
    fn negative_caps_depend_on_the_kernel() {
        let text = "net.ipv4.tcp_max_tw_buckets = -1\n";
        assert!(message(text, "6.18").contains("removes the limit"));
        assert!(message(text, "5.18").contains("removes the limit"));
        assert!(message(text, "5.17").contains("disables TIME_WAIT"));
        assert!(
            message("net.ipv4.tcp_max_tw_buckets = 0\n", "6.18").contains("no socket can enter")
        );
    }

    #[test]
    fn threshold() {
        assert!(has("net.ipv4.tcp_max_tw_buckets = 5000\n", None));
        assert!(has("net.ipv4.tcp_max_tw_buckets = 0\n", None));
        assert!(!has("net.ipv4.tcp_max_tw_buckets = 32768\n", None));
        assert!(!has("net.ipv4.tcp_max_tw_buckets = 262144\n", None));
        // On a 1 GiB host the kernel itself picks 4096: 5000 is above that.
        assert!(!has("net.ipv4.tcp_max_tw_buckets = 5000\n", Some(1 << 30)));
        assert!(has("net.ipv4.tcp_max_tw_buckets = 2000\n", Some(1 << 30)));
    }
}
