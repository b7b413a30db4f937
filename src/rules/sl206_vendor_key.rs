//! SL206 vendor-key: a key that only a distribution or vendor kernel patch adds.

use crate::catalog::Status;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::tr_in;
use crate::lint::LineContext;

use super::values::{by_lang, data_id, data_text};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL206",
    check: Check::Line(check),
    supersedes: &[],
};

/// Which kernels have the key (from the catalogue note, in words; "believed" where
/// the note is not sure), and the mainline way to get the same effect, if any.
struct Vendor {
    /// Catalogue key, or a prefix ending in `.`/`_`.
    key: &'static str,
    who: &'static str,
    instead: &'static str,
    /// Whether losing the line on a mainline kernel loses something the author
    /// meant (warning), or mainline behaves that way anyway / the setting is a mere
    /// tuning knob (info).
    harm: Harm,
}

#[derive(Clone, Copy)]
enum Harm {
    /// The intent (a restriction, a changed TCP/conntrack behaviour) is silently lost.
    Always,
    /// Only this value carries such an intent (`unprivileged_userns_clone = 0`).
    When(i128),
    /// Only a non-zero value does.
    WhenNonZero,
    /// A tuning knob, or mainline already behaves like this: nothing important is lost.
    Never,
}

impl Harm {
    fn applies(self, value: Option<i128>) -> bool {
        match (self, value) {
            (Harm::Always, _) => true,
            (Harm::Never, _) => false,
            (Harm::When(x), Some(v)) => v == x,
            (Harm::WhenNonZero, Some(v)) => v != 0,
            (_, None) => true,
        }
    }
}

const VENDORS: &[Vendor] = &[
    Vendor {
        key: "kernel.exec-shield",
        who: "Red Hat and Fedora kernels with the exec-shield patch (RHEL 5/6 era) have it",
        instead: "mainline has NX and address-space randomisation built in (`kernel.randomize_va_space = 2`)",
        harm: Harm::Never,
    },
    Vendor {
        key: "kernel.init_private",
        who: "a patched kernel build has it (seen on a 6.18.44-fc Firecracker guest; no mainline release 3.2 to 6.19 has it)",
        instead: "",
        harm: Harm::Never,
    },
    Vendor {
        key: "kernel.rr_interval",
        who: "kernels with Con Kolivas's -ck patch set (BFS/MuQSS scheduler) have it",
        instead: "",
        harm: Harm::Never,
    },
    Vendor {
        key: "kernel.unprivileged_userns_clone",
        who: "Debian and Ubuntu kernels (and, believed, others carrying the same patch, such as linux-zen) have it; it is deprecated there too",
        instead: "mainline limits user namespaces with `user.max_user_namespaces` (0 disables them)",
        harm: Harm::When(0),
    },
    Vendor {
        key: "net.core.blog_",
        who: "Broadcom router SDK kernels with the \"blog\" offload patch have it",
        instead: "",
        harm: Harm::Never,
    },
    Vendor {
        key: "net.ipv4.tcp_tw_timeout",
        who: "some vendor kernels (believed: Alibaba Cloud Linux) have it",
        instead: "mainline keeps TIME_WAIT at a fixed 60 s (TCP_TIMEWAIT_LEN); it is not tunable",
        harm: Harm::Always,
    },
    Vendor {
        key: "net.netfilter.nf_conntrack_tcp_no_window_check",
        who: "some patched kernels (believed: OpenWrt) have it",
        instead: "mainline has `net.netfilter.nf_conntrack_tcp_be_liberal = 1`",
        harm: Harm::WhenNonZero,
    },
    Vendor {
        key: "vm.extra_free_kbytes",
        who: "Android and ChromeOS kernels have it",
        instead: "mainline has `vm.watermark_scale_factor`",
        harm: Harm::Never,
    },
    Vendor {
        key: "vm.min_free_order_shift",
        who: "Android kernels have it",
        instead: "",
        harm: Harm::Never,
    },
    Vendor {
        key: "vm.pagecache_ratio",
        who: "some vendor kernels (believed: SUSE or Red Hat enterprise kernels) have it",
        instead: "",
        harm: Harm::Never,
    },
    Vendor {
        key: "xen.independent_wallclock",
        who: "Xen-patched (xenlinux) kernels such as RHEL 5 and SLES 10/11 have it; mainline (pvops) Xen guests do not",
        instead: "",
        harm: Harm::Never,
    },
    Vendor {
        key: "vm.shrink_inodes_with_pagecache",
        who: "a patched kernel build has it (seen on a 6.18.44-fc Firecracker guest; no mainline release 3.2 to 6.19 has it)",
        instead: "",
        harm: Harm::Never,
    },
];

fn known(key: &str) -> Option<&'static Vendor> {
    VENDORS.iter().find(|v| {
        if v.key.ends_with(['.', '_']) {
            key.starts_with(v.key)
        } else {
            key == v.key
        }
    })
}

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let (Some(info), Some(span)) = (s.info(), &s.key_span()) else {
        return;
    };
    if info.status != Status::Vendor {
        return;
    }
    let key = s.dotted_key().unwrap_or_default();
    let path = info.path.replace("<*>", "*");
    let value = s.numbers().and_then(|n| n.first().copied());
    let vendor = known(info.key);
    let (known_id, harmful) = match vendor {
        Some(v) => ("yes", v.harm.applies(value)),
        None => ("no", true),
    };
    let mut severity = Severity::Warning;
    let suffix = if s.ignore_failure {
        severity = Severity::Info;
        "dash"
    } else if !harmful {
        severity = Severity::Info;
        "harmless"
    } else {
        "none"
    };
    // The rule table's words in the run's language; a key it does not know has
    // the catalogue's note, in English.
    let who = |lang| match vendor {
        Some(v) => data_text(lang, &data_id("sl206", v.key, "who"), v.who),
        None => info.note.to_owned(),
    };
    let instead = |lang| match vendor {
        Some(v) if !v.instead.is_empty() => {
            data_text(lang, &data_id("sl206", v.key, "instead"), v.instead)
        }
        _ => String::new(),
    };
    let note = by_lang(|lang| {
        tr_in(
            lang,
            "sl206-note",
            &[
                ("key", (&key).into()),
                ("known", known_id.into()),
                ("who", (&who(lang)).into()),
                ("path", (&path).into()),
                ("suffix", suffix.into()),
            ],
        )
    });
    let has_instead = vendor.is_some_and(|v| !v.instead.is_empty());
    let help = match (s.ignore_failure, has_instead) {
        (false, true) => by_lang(|lang| {
            tr_in(
                lang,
                "sl206-help-keep-instead",
                &[("instead", (&instead(lang)).into())],
            )
        }),
        (false, false) => crate::msg!("sl206-help-keep"),
        (true, true) => by_lang(instead),
        (true, false) => crate::msg!("sl206-help-delete"),
    };
    let message = crate::msg!(
        "sl206-headline",
        name = &super::values::clip(&super::values::last(s), 22)
    );
    out.push(
        s.diag("SL206", cx.file_index, span.clone(), message)
            .severity(severity)
            .note(note)
            .help(help),
    );
}

#[cfg(test)]
mod tests {
    use crate::{lint_source, Options};

    fn severity(text: &str) -> Vec<crate::diagnostic::Severity> {
        let (_, diags) = lint_source("t.conf", text.as_bytes(), &Options::default());
        diags
            .iter()
            .filter(|d| d.code == "SL206")
            .map(|d| d.severity)
            .collect()
    }

    #[test]
    fn warning_only_when_the_intent_is_lost() {
        use crate::diagnostic::Severity::{Info, Warning};
        assert_eq!(
            severity("kernel.unprivileged_userns_clone = 0\n"),
            [Warning]
        );
        assert_eq!(severity("kernel.unprivileged_userns_clone = 1\n"), [Info]);
        assert_eq!(severity("-kernel.unprivileged_userns_clone = 0\n"), [Info]);
        assert_eq!(severity("net.ipv4.tcp_tw_timeout = 10\n"), [Warning]);
        assert_eq!(severity("kernel.rr_interval = 6\n"), [Info]);
    }

    #[test]
    fn every_vendor_key_has_a_kernel() {
        for info in crate::catalog::all() {
            if info.status == crate::catalog::Status::Vendor {
                assert!(super::known(info.key).is_some(), "{}", info.key);
            }
        }
    }
}

#[cfg(test)]
mod table_messages {
    use crate::i18n::{tr_in, Lang};
    use crate::rules::values::data_id;

    /// Every row of the table has its texts in the Fluent files, the English the
    /// same as the table's.
    #[test]
    fn every_row_has_its_messages() {
        for v in super::VENDORS {
            for (part, table) in [("who", v.who), ("instead", v.instead)] {
                if table.is_empty() {
                    continue;
                }
                let id = data_id("sl206", v.key, part);
                assert_eq!(tr_in(Lang::En, &id, &[]), table, "{id}");
                let zh = tr_in(Lang::ZhCn, &id, &[]);
                assert!(zh != table && zh != id, "{id} has no Chinese");
            }
        }
    }
}
