//! SL602 mem-pages-look-like-bytes: a `tcp_mem`, `udp_mem` or `sctp_mem` value so
//! large that it reads like a byte count pasted into a page-counted key.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::units::{format_bytes, pages_to_bytes};

use super::sl601_mem_vector_order::{mem_vector, pages};
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL602",
    check: Check::Line(check),
    supersedes: &[],
};

/// Without `--memory`: 256 GiB. The kernel sizes the pressure threshold of
/// `tcp_mem` at boot to about 1/16 of RAM and high to about 3/32 (live 6.18 on a
/// 24 GiB host: 383868 and 575802 pages, 1.5 and 2.2 GiB), so a default pressure
/// above 256 GiB needs a host with 4 TiB of RAM, and a default high above it one
/// with more than 2.7 TiB.
pub(super) const DEFAULT_LIMIT_BYTES: u128 = 256 << 30;

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    let Some((proto, v, tokens)) = mem_vector(s) else {
        return;
    };
    let key = s.dotted_key().unwrap_or_default();
    let memory = cx.cx.options.memory;
    let limit = memory.map_or(DEFAULT_LIMIT_BYTES, u128::from);
    let too_big = |n: i128| pages_to_bytes(n) > limit;
    let (low, pressure, high) = (v[0], v[1], v[2]);
    let has_pressure = proto != "UDP";
    // Memory pressure starts above max(low, pressure), and the hard limit is
    // max(low, high): every allocation is allowed up to low (see SL601).
    let (index, what) = if has_pressure && too_big(low.max(pressure)) {
        let i = if low >= pressure { 0 } else { 1 };
        (
            i,
            format!("{} before {proto} feels memory pressure", pages(v[i])),
        )
    } else if too_big(low.max(high)) {
        let i = if low > high { 0 } else { 2 };
        (
            i,
            format!("{} that all {proto} sockets together may use", pages(v[i])),
        )
    } else {
        return;
    };
    let against = match memory {
        Some(m) => format!(
            "more than this host's {} of memory (--memory), so the limit can never be reached; if these are byte counts, divide them by 4096",
            format_bytes(u128::from(m))
        ),
        None => format!(
            "more than {}, which the kernel's own boot-time value reaches only on hosts with terabytes of RAM: the numbers look like byte counts",
            format_bytes(DEFAULT_LIMIT_BYTES)
        ),
    };
    let example = match proto {
        "TCP" => " (live 6.18 on a 24 GiB host: `287901 383868 575802`)",
        "UDP" => " (live 6.18 on a 24 GiB host: `575802 767736 1151604`)",
        _ => "",
    };
    out.push(
        s.diag(
            "SL602",
            cx.file_index,
            tokens[index].span.clone(),
            format!(
                "`{key}` counts pages of 4096 bytes, not bytes: {what}, {against}"
            ),
        )
        .help(format!(
            "give `{key}` in pages (bytes / 4096), or delete the line: the kernel sizes it from RAM at boot{example}"
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::super::sl601_mem_vector_order::tests::found;
    use crate::Options;

    #[test]
    fn without_memory() {
        let o = Options::default();
        let text = "net.ipv4.tcp_mem = 94500000 91500000 92700000\n\
                    net.ipv4.tcp_mem = 94500000 915000000 927000000\n\
                    net.ipv4.tcp_mem = 1024000 8738000 1677721600\n\
                    net.ipv4.tcp_mem = 16777216 16777216 16777216\n\
                    net.ipv4.udp_mem = 65536 100000000 131072\n\
                    net.ipv4.tcp_mem = 786432 1048576 26777216\n";
        assert_eq!(
            found("SL602", text, &o),
            vec![
                (1, "94500000".into()),
                (2, "915000000".into()),
                (3, "1677721600".into()),
            ]
        );
    }

    #[test]
    fn with_memory() {
        let o = Options {
            memory: Some(16 << 30),
            ..Options::default()
        };
        let text = "net.ipv4.tcp_mem = 16777216 16777216 16777216\n\
                    net.ipv4.tcp_mem = 786432 1048576 26777216\n\
                    net.ipv4.tcp_mem = 786432 1048576 1572864\n\
                    net.ipv4.udp_mem = 65536 100000000 131072\n";
        assert_eq!(
            found("SL602", text, &o),
            vec![(1, "16777216".into()), (2, "26777216".into())]
        );
    }
}
