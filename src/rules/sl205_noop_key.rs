//! SL205 noop-key: a catalogued key that the kernel still accepts but ignores.

use crate::catalog::Status;
use crate::diagnostic::Diagnostic;
use crate::i18n::tr_in;
use crate::lint::LineContext;

use super::values::last;
use super::values::{by_lang, data_id, data_text};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL205",
    check: Check::Line(check),
    supersedes: &[],
};

/// What we know about a no-op key: from which series it does nothing, how that
/// version is to be worded ("at the latest" where the release trees read bracket the
/// change without pinning it: the first release read without the effect), why, and
/// what to do instead.
struct NoOp {
    /// Catalogue key, or a prefix ending in `.`.
    key: &'static str,
    since: (u64, u64),
    since_text: &'static str,
    why: &'static str,
    help: &'static str,
}

const NOOPS: &[NoOp] = &[
    NoOp {
        key: "net.ipv4.route.",
        since: (3, 6),
        since_text: "Linux 3.6",
        why: "the IPv4 routing cache it tuned was removed",
        help: "delete the line (the IPv6 `net.ipv6.route.*` keys are still real)",
    },
    NoOp {
        key: "net.ipv4.tcp_low_latency",
        since: (4, 14),
        since_text: "Linux 4.14",
        why: "the prequeue it turned off was removed; the documentation calls it a legacy option",
        help: "delete the line",
    },
    NoOp {
        key: "net.ipv4.tcp_fack",
        since: (4, 15),
        since_text: "Linux 4.15",
        why: "FACK loss recovery was removed and RACK replaced it; no code reads the value",
        help: "delete the line; loss recovery is tuned with `net.ipv4.tcp_recovery`",
    },
    NoOp {
        key: "net.ipv4.tcp_adv_win_scale",
        since: (6, 6),
        since_text: "Linux 6.6",
        why: "the kernel documentation marks it obsolete since linux-6.6",
        help: "delete the line; size buffers with `net.ipv4.tcp_rmem` instead",
    },
    NoOp {
        key: "net.ipv4.ipfrag_low_thresh",
        since: (4, 17),
        since_text: "Linux 4.17",
        why: "the kernel documentation marks it obsolete since linux-4.17 (fragment reassembly rewrite)",
        help: "delete the line; `net.ipv4.ipfrag_high_thresh` is the reassembly memory limit that still applies (the kernel still rejects a high threshold below the low one: SL407)",
    },
    NoOp {
        key: "net.ipv4.ipfrag_secret_interval",
        since: (4, 19),
        since_text: "Linux 4.19 at the latest",
        why: "the hash-secret rebuild timer went away with the fragment reassembly rewrite; the key is undocumented since 3.18",
        help: "delete the line",
    },
    NoOp {
        key: "net.ipv6.ip6frag_secret_interval",
        since: (4, 19),
        since_text: "Linux 4.19 at the latest",
        why: "the hash-secret rebuild timer went away with the fragment reassembly rewrite; the key is undocumented since 3.18",
        help: "delete the line",
    },
    NoOp {
        key: "net.ipv4.xfrm4_gc_thresh",
        since: (4, 14),
        since_text: "Linux 4.14",
        why: "the kernel documentation marks it obsolete since linux-4.14",
        help: "delete the line",
    },
    NoOp {
        key: "net.ipv6.xfrm6_gc_thresh",
        since: (4, 14),
        since_text: "Linux 4.14",
        why: "the kernel documentation marks it obsolete since linux-4.14",
        help: "delete the line",
    },
    NoOp {
        key: "kernel.auto_msgmni",
        since: (3, 19),
        since_text: "Linux 3.19 at the latest",
        why: "msgmni is no longer recomputed automatically and reading the key always returns 0",
        help: "delete the line; set `kernel.msgmni` itself if you need another limit",
    },
    NoOp {
        key: "kernel.random.urandom_min_reseed_secs",
        since: (5, 4),
        since_text: "Linux 5.4 at the latest",
        why: "the kernel documentation calls it obsolete and writable for compatibility only, with no effect on any RNG behavior (from the 5.4 kernel.rst)",
        help: "delete the line",
    },
    NoOp {
        key: "net.ipv4.udp_wmem_min",
        since: (6, 1),
        since_text: "Linux 6.1 at the latest",
        why: "UDP has no transmit memory accounting, as the kernel documentation says from 6.1",
        help: "delete the line; UDP send buffers are sized with `net.core.wmem_default` and `SO_SNDBUF`",
    },
    NoOp {
        key: "net.ipv6.route.max_size",
        since: (6, 3),
        since_text: "Linux 6.3",
        why: "the kernel documentation marks it deprecated for IPv6 from 6.3: garbage collection manages the cached routes",
        help: "delete the line",
    },
    NoOp {
        key: "kernel.random.write_wakeup_threshold",
        since: (5, 19),
        since_text: "Linux 5.19 at the latest",
        why: "after the random.c rewrite it is writable for compatibility only and does not change the RNG",
        help: "delete the line",
    },
];

fn known(key: &str) -> Option<&'static NoOp> {
    NOOPS.iter().find(|n| {
        if n.key.ends_with('.') {
            key.starts_with(n.key)
        } else {
            key == n.key
        }
    })
}

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let (Some(info), Some(span)) = (s.info(), &s.key_span()) else {
        return;
    };
    if info.status != Status::NoOp {
        return;
    }
    let target = &cx.cx.options.kernel;
    let key = s.dotted_key().unwrap_or_default();
    let d = match known(info.key) {
        Some(n) => {
            if target.series() < n.since {
                return; // the key still did something on the target kernel
            }
            // `Linux 4.19 at the latest`: the version, and whether it is a bound.
            let (since, latest) = match n.since_text.strip_suffix(" at the latest") {
                Some(v) => (v, "yes"),
                None => (n.since_text, "no"),
            };
            s.diag(
                "SL205",
                cx.file_index,
                span.clone(),
                crate::msg!(
                    "sl205-headline-since",
                    name = &last(s),
                    since = since,
                    latest = latest
                ),
            )
            .note(by_lang(|lang| {
                let why = data_text(lang, &data_id("sl205", n.key, "why"), n.why);
                tr_in(
                    lang,
                    "sl205-note-since",
                    &[
                        ("key", (&key).into()),
                        ("target", (&target.to_string()).into()),
                        ("why", (&why).into()),
                    ],
                )
            }))
            .help(by_lang(|lang| {
                data_text(lang, &data_id("sl205", n.key, "help"), n.help)
            }))
        }
        None => s
            .diag(
                "SL205",
                cx.file_index,
                span.clone(),
                crate::msg!("sl205-headline", name = &last(s)),
            )
            .note(crate::msg!(
                "sl205-note",
                key = &key,
                why = info.note.trim_end_matches('.')
            ))
            .help(crate::msg!("sl205-help")),
    };
    out.push(d);
}

#[cfg(test)]
mod tests {
    fn has(text: &str, kernel: &str) -> bool {
        !crate::rules::test_support::messages("SL205", text, kernel).is_empty()
    }

    #[test]
    fn only_from_the_noop_release() {
        assert!(has("net.ipv4.tcp_low_latency = 1\n", "4.14"));
        assert!(!has("net.ipv4.tcp_low_latency = 1\n", "4.9"));
        assert!(has("net.ipv4.route.gc_interval = 60\n", "3.6"));
        assert!(!has("net.ipv4.route.gc_interval = 60\n", "3.2"));
        assert!(!has("net.ipv6.route.gc_interval = 30\n", "6.18"));
    }

    #[test]
    fn every_noop_key_has_a_version() {
        for info in crate::catalog::all() {
            if info.status == crate::catalog::Status::NoOp {
                assert!(super::known(info.key).is_some(), "{}", info.key);
            }
        }
    }
}

#[cfg(test)]
mod table_messages {
    use crate::i18n::{tr_in, Lang};
    use crate::rules::values::data_id;

    /// Every row of the table has its why and help in the Fluent files, the English
    /// the same as the table's.
    #[test]
    fn every_row_has_its_messages() {
        for n in super::NOOPS {
            for (part, table) in [("why", n.why), ("help", n.help)] {
                let id = data_id("sl205", n.key, part);
                assert_eq!(tr_in(Lang::En, &id, &[]), table, "{id}");
                let zh = tr_in(Lang::ZhCn, &id, &[]);
                assert!(zh != table && zh != id, "{id} has no Chinese");
            }
        }
    }
}
