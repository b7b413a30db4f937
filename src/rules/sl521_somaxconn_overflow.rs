//! SL521 somaxconn-overflow: `net.core.somaxconn` above 65535 for a kernel that
//! kept the listen backlog in a 16-bit field.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;

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
    let effect = if target.series() >= CHECKED {
        format!(
            "on {target} the kernel rejects the write (EINVAL: the table limits somaxconn to between 0 and 65535), so somaxconn keeps its old value"
        )
    } else {
        let wrapped = n % 65536;
        format!(
            "on {target} the value is stored, but listen() copies it into a 16-bit field, so an application asking for the maximum gets a backlog of {n} mod 65536 = {wrapped}{}",
            if wrapped == 0 { " (no queue at all)" } else { "" }
        )
    };
    let message = if target.series() >= CHECKED {
        format!("`somaxconn = {n}` is rejected on {target}: above 65535")
    } else {
        format!(
            "`somaxconn = {n}` wraps to a backlog of {} on {target}",
            n % 65536
        )
    };
    out.push(
        s.diag("SL521", cx.file_index, span, message)
        .note(format!(
            "`somaxconn = {n}` is above 65535: kernels before about 4.1 kept the listen backlog in 16 bits; {effect}."
        ))
        .help("use at most 65535 on kernels before 4.1 (values above it only work from about 4.1 on)"),
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
