//! SL521 somaxconn-overflow: `net.core.somaxconn` above 65535 for a kernel that
//! kept the listen backlog in a 16-bit field.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::msg;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL521",
    check: Check::Line(check),
    // On kernels that reject the value SL302 says the same; this message says why.
    supersedes: &["SL302"],
};

/// `sk_ack_backlog` / `sk_max_ack_backlog` became u32 in Eric Dumazet's commit
/// becb74f0acca (2015-03-19, per `git blame include/net/sock.h`), which went into
/// about Linux 4.1. Before it they were `unsigned short`.
const WIDENED: (u64, u64) = (4, 1);
/// The sysctl table bounds somaxconn to 0..65535 (`proc_dointvec_minmax`, `.extra2 =
/// &ushort_max`) in the tables of Linux 3.10.105 to 3.19.8 (and the 3.4.113 stable
/// tree), not in 3.8.3: from 3.9 at the latest a larger value is rejected
/// (`net/core/sysctl_net_core.c`). Before that it was stored and truncated.
const CHECKED: (u64, u64) = (3, 9);

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some(info) = s.info() else { return };
    if info.key != "net.core.somaxconn" {
        return;
    }
    let target = &cx.cx.options.kernel;
    if target.series() >= WIDENED {
        return;
    }
    let Some(&n) = s.numbers().as_ref().and_then(|v| v.first()) else {
        return;
    };
    if n <= 65535 {
        return;
    }
    let span = s.first_token_span();
    let (value, kernel, wrapped) = (n.to_string(), target.to_string(), n % 65536);
    let wrapped_text = wrapped.to_string();
    let (message, note) = if target.series() >= CHECKED {
        (
            msg!("sl521-headline-rejected", value = &value, kernel = &kernel),
            msg!("sl521-note-rejected", value = &value, kernel = &kernel),
        )
    } else {
        (
            msg!(
                "sl521-headline-wraps",
                value = &value,
                wrapped = &wrapped_text,
                kernel = &kernel
            ),
            if wrapped == 0 {
                msg!("sl521-note-wraps-zero", value = &value, kernel = &kernel)
            } else {
                msg!(
                    "sl521-note-wraps",
                    value = &value,
                    kernel = &kernel,
                    wrapped = &wrapped_text
                )
            },
        )
    };
    out.push(
        s.diag("SL521", cx.file_index, span, message)
            .note(note)
            .help(msg!("sl521-help")),
    );
}

#[cfg(test)]
mod tests {
    fn messages(text: &str, kernel: &str) -> Vec<String> {
        crate::rules::headline::texts("SL521", text, kernel)
    }

    #[test]
    fn only_old_kernels_and_only_above_65535() {
        assert!(messages("net.core.somaxconn = 70000\n", "6.18").is_empty());
        assert!(messages("net.core.somaxconn = 70000\n", "4.1").is_empty());
        assert!(messages("net.core.somaxconn = 65535\n", "3.10").is_empty());
        assert!(messages("net.core.somaxconn = 70000\n", "3.8")[0].contains("= 4464"));
        assert!(messages("net.core.somaxconn = 70000\n", "3.10")[0].contains("reject"));
        assert!(messages("net.core.somaxconn = 70000\n", "3.16")[0].contains("reject"));
    }
}
