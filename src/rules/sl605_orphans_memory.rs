//! SL605 orphans-memory: a `tcp_max_orphans` whose worst case (about 64 KiB of
//! unswappable memory per orphan) is a large part of the host's memory.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::msg;
use crate::units::format_bytes;

use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL605",
    check: Check::Line(check),
    supersedes: &[],
};

/// "each orphan eats up to ~64K of unswappable memory" (ip-sysctl.rst, tcp(7)).
pub(super) const BYTES_PER_ORPHAN: u128 = 64 << 10;

/// Without `--memory`: 64 GiB, i.e. more than 1048576 orphans. The boot-time
/// default scales with RAM (live 6.18, 24 GiB host: 131072, 8 GiB worst case).
pub(super) const DEFAULT_LIMIT_BYTES: u128 = 64 << 30;

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    if s.info().is_none_or(|i| i.key != "net.ipv4.tcp_max_orphans") {
        return;
    }
    let Some(n) = s.numbers().and_then(|v| v.first().copied()) else {
        return;
    };
    if n <= 0 {
        return;
    }
    let worst = n as u128 * BYTES_PER_ORPHAN;
    let memory = cx.cx.options.memory;
    let (limit, against) = match memory {
        // Half: the kernel's own default already allows about a quarter to a half
        // of RAM (8 GiB of 24 GiB on the live 6.18 host), so only more than that is
        // a tuning the kernel would never choose.
        Some(m) => (u128::from(m) / 2, "host"),
        None => (DEFAULT_LIMIT_BYTES, "default"),
    };
    if worst <= limit {
        return;
    }
    let key = s.dotted_key().unwrap_or_default();
    let span = s.first_token_span();
    let (value, bytes) = (n.to_string(), format_bytes(worst));
    out.push(
        s.diag(
            "SL605",
            cx.file_index,
            span,
            msg!("sl605-headline", value = &value, bytes = &bytes),
        )
        .note(msg!(
            "sl605-note",
            key = &key,
            value = &value,
            bytes = &bytes,
            against = against,
            memory = &memory
                .map(|m| format_bytes(u128::from(m)))
                .unwrap_or_default(),
            limit = &format_bytes(DEFAULT_LIMIT_BYTES)
        ))
        .help(msg!("sl605-help", key = &key)),
    );
}

#[cfg(test)]
mod tests {
    use super::super::sl601_mem_vector_order::tests::found;
    use crate::Options;

    #[test]
    fn limits() {
        let text = "net.ipv4.tcp_max_orphans = 3276800\n\
                    net.ipv4.tcp_max_orphans = 1048576\n\
                    net.ipv4.tcp_max_orphans = 1048577\n\
                    net.ipv4.tcp_max_orphans = 262144\n";
        assert_eq!(
            found("SL605", text, &Options::default()),
            vec![(1, "3276800".into()), (3, "1048577".into())]
        );
        let o = Options {
            memory: Some(16 << 30),
            ..Options::default()
        };
        assert_eq!(
            found("SL605", text, &o),
            vec![
                (1, "3276800".into()),
                (2, "1048576".into()),
                (3, "1048577".into()),
                (4, "262144".into()),
            ]
        );
        let small = "net.ipv4.tcp_max_orphans = 131072\n";
        assert!(found("SL605", small, &o).is_empty());
    }
}
