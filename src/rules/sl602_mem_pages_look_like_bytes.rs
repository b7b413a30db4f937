//! SL602 mem-pages-look-like-bytes: a `tcp_mem`, `udp_mem` or `sctp_mem` value so
//! large that it reads like a byte count pasted into a page-counted key.

use crate::diagnostic::Diagnostic;
use crate::lint::LineContext;
use crate::msg;
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

/// What a scalar key counted in KiB or pages measures, which sets the size from
/// which its value reads as a byte count.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Memory the kernel keeps free or held back: more than 256 GiB (or than the
    /// host, with `--memory`) is no reserve a kernel picks (`min_free_kbytes` is at
    /// most 256 MiB of its own choosing).
    Reserve,
    /// Memory the kernel allocates: more than 16 TiB (or than the host).
    Pool,
    /// A limit: more than 16 TiB, whatever the host.
    Limit,
}

/// The size of a huge page the `nr_*hugepages` keys count (2 MiB, the default on
/// x86-64; see /proc/meminfo `Hugepagesize`).
const HUGE_PAGE: u128 = 2 << 20;

/// Without `--memory`: more than any host has (x86-64's 4-level page tables
/// address 64 TiB; hosts with more than 16 TiB of RAM are rare).
const POOL_LIMIT_BYTES: u128 = 16 << 40;

/// The scalar keys counted in KiB, pages or huge pages: role and bytes per unit.
const SCALARS: &[(&str, Role, u128)] = &[
    ("vm.min_free_kbytes", Role::Reserve, 1024),
    ("vm.admin_reserve_kbytes", Role::Reserve, 1024),
    ("vm.user_reserve_kbytes", Role::Reserve, 1024),
    ("vm.extra_free_kbytes", Role::Reserve, 1024),
    ("vm.nr_hugepages", Role::Pool, HUGE_PAGE),
    ("vm.nr_hugepages_mempolicy", Role::Pool, HUGE_PAGE),
    ("vm.nr_overcommit_hugepages", Role::Pool, HUGE_PAGE),
    ("vm.overcommit_kbytes", Role::Limit, 1024),
    ("kernel.perf_event_mlock_kb", Role::Limit, 1024),
    ("fs.nfs.nfs_congestion_kb", Role::Limit, 1024),
    ("net.ipv4.vs.amemthresh", Role::Limit, PAGE as u128),
];

const PAGE: u64 = crate::units::PAGE_SIZE;

fn check(cx: &LineContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.setting else { return };
    if check_scalar(cx, s, out) || check_shmall(cx, s, out) {
        return;
    }
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
        (if low >= pressure { 0 } else { 1 }, "pressure")
    } else if too_big(low.max(high)) {
        (if low > high { 0 } else { 2 }, "limit")
    } else {
        return;
    };
    let (against, memory_text) = match memory {
        Some(m) => ("host", format_bytes(u128::from(m))),
        None => ("default", String::new()),
    };
    let example = match proto {
        "TCP" => Some("287901 383868 575802"),
        "UDP" => Some("575802 767736 1151604"),
        _ => None,
    };
    let help = match example {
        Some(e) => msg!("sl602-help-example", key = &key, example = e),
        None => msg!("sl602-help", key = &key),
    };
    out.push(
        s.diag(
            "SL602",
            cx.file_index,
            tokens[index].span.clone(),
            msg!(
                "sl602-headline",
                name = key.rsplit('.').next().unwrap_or(&key),
                value = &v[index].to_string(),
                bytes = &format_bytes(pages_to_bytes(v[index]))
            ),
        )
        .note(msg!(
            "sl602-note",
            key = &key,
            what = what,
            pages = &pages(v[index]),
            proto = proto,
            against = against,
            memory = &memory_text,
            limit = &format_bytes(DEFAULT_LIMIT_BYTES)
        ))
        .help(help),
    );
}

/// A KiB-, page- or huge-page-counted scalar whose value in bytes is more than
/// any host (or than this host) has: it reads like a byte count.
fn check_scalar(cx: &LineContext<'_>, s: &crate::lint::Setting, out: &mut Vec<Diagnostic>) -> bool {
    let Some(info) = s.info() else { return false };
    let Some(&(key, role, unit)) = SCALARS.iter().find(|(k, _, _)| *k == info.key) else {
        return false;
    };
    let Some(&v) = s.numbers().as_ref().and_then(|n| n.first()) else {
        return true;
    };
    if v <= 0 {
        return true;
    }
    let bytes = (v as u128).saturating_mul(unit);
    let memory = cx.cx.options.memory.map(u128::from);
    let limit = match (role, memory) {
        (Role::Reserve | Role::Pool, Some(m)) => m,
        (Role::Reserve, None) => DEFAULT_LIMIT_BYTES,
        _ => POOL_LIMIT_BYTES,
    };
    if bytes <= limit {
        return true;
    }
    let unit_kind = match unit {
        1024 => "kib",
        HUGE_PAGE => "huge",
        _ => "pages",
    };
    let role_kind = match role {
        Role::Reserve => "reserve",
        Role::Pool => "pool",
        Role::Limit => "limit",
    };
    let against = match memory {
        Some(_) if role != Role::Limit => match (key, role) {
            ("vm.min_free_kbytes", _) => "host-min-free",
            (_, Role::Pool) => "host-pool",
            _ => "host",
        },
        _ if role == Role::Reserve => "reserve",
        _ => "other",
    };
    let (value, size, bytes_text) = (v.to_string(), unit.to_string(), format_bytes(bytes));
    let span = s.first_token_span();
    out.push(
        s.diag(
            "SL602",
            cx.file_index,
            span,
            msg!(
                "sl602-headline-scalar",
                name = key.rsplit('.').next().unwrap_or(key),
                value = &value,
                bytes = &bytes_text,
                unit = unit_kind
            ),
        )
        .note(msg!(
            "sl602-note-scalar",
            key = key,
            unit = unit_kind,
            size = &size,
            value = &value,
            bytes = &bytes_text,
            role = role_kind,
            against = against,
            memory = &memory.map(format_bytes).unwrap_or_default(),
            limit = &format_bytes(limit)
        ))
        .help(msg!(
            "sl602-help-scalar",
            key = key,
            unit = unit_kind,
            size = &size
        )),
    );
    true
}

/// `kernel.shmall` (pages) set to the same number as `kernel.shmmax` (bytes):
/// the byte count was copied into a page-counted key.
fn check_shmall(cx: &LineContext<'_>, s: &crate::lint::Setting, out: &mut Vec<Diagnostic>) -> bool {
    let Some(info) = s.info() else { return false };
    if info.key != "kernel.shmall" {
        return false;
    }
    let Some(&v) = s.numbers().as_ref().and_then(|n| n.first()) else {
        return true;
    };
    let shmmax = cx
        .cx
        .last_numbers("kernel.shmmax")
        .and_then(|n| n.first().copied());
    // The kernel default (no limit) in both is not a byte count.
    if shmmax != Some(v) || v < 1 << 20 || info.default == v.to_string() {
        return true;
    }
    let span = s.first_token_span();
    out.push(
        s.diag("SL602", cx.file_index, span, {
            let total = format_bytes((v as u128).saturating_mul(u128::from(PAGE)));
            super::headline::fit_text("SL602", &v.to_string(), |v| {
                msg!("sl602-headline-shmall", value = v, bytes = &total)
            })
        })
        .note(msg!(
            "sl602-note-shmall",
            page = &PAGE.to_string(),
            value = &v.to_string(),
            bytes = &format_bytes((v as u128).saturating_mul(u128::from(PAGE)))
        ))
        .help(msg!(
            "sl602-help-shmall",
            pages = &(v / i128::from(PAGE)).to_string(),
            total = &format_bytes(v as u128)
        )),
    );
    true
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
