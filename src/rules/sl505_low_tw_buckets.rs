//! SL505 low-tw-buckets: `tcp_max_tw_buckets` far below what the kernel sizes it to.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::msg;

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
    let (kernel, cap_text) = (target.to_string(), cap.to_string());
    let effect = if cap < 0 && unsigned {
        "unsigned"
    } else if cap < 0 {
        "negative"
    } else if cap == 0 {
        "zero"
    } else {
        "cap"
    };
    let message = if cap < 0 && unsigned {
        msg!(
            "sl505-headline-unlimited",
            cap = &cap_text,
            kernel = &kernel
        )
    } else if cap <= 0 {
        msg!("sl505-headline-off", cap = &cap_text)
    } else {
        msg!("sl505-headline", cap = &cap_text)
    };
    let (sized, default, size) = match memory {
        Some(m) => (
            "yes",
            default_for(m).to_string(),
            crate::units::format_bytes(u128::from(m)),
        ),
        None => ("no", String::new(), String::new()),
    };
    out.push(
        s.diag("SL505", cx.file_index, span, message)
            .note(msg!(
                "sl505-note",
                cap = &cap_text,
                effect = effect,
                kernel = &kernel,
                sized = sized,
                default = &default,
                memory = &size
            ))
            .help(msg!("sl505-help")),
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
