//! TCP socket-state summary for `sysctl-lint audit`, read from `/proc/net/tcp`,
//! `/proc/net/tcp6` and `/proc/net/sockstat` (no netstat/ss needed), and compared with
//! the sysctl limits that govern those states (reference/kernel-facts.md §1, §3):
//! TIME-WAIT against `tcp_max_tw_buckets`, orphans against `tcp_max_orphans`, and the
//! busiest destination against the usable ephemeral port range
//! (`ip_local_port_range` minus `ip_local_reserved_ports`).
//!
//! Read-only: every file is read with [`crate::fsroot::read_text_in`] (resolved
//! inside the proc tree, regular files only, opened read-only and non-blocking,
//! bounded); nothing here writes anywhere.
//!
//! Addresses in `/proc/net/tcp*` are printed in the host's byte order (`%08X` of the
//! network-order word); this module decodes them as little-endian (x86, arm64), which
//! only affects how addresses are shown, never the counts.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::Path;

use serde::Serialize;

/// The `st` codes 0x01..=0x0B of `/proc/net/tcp`, in code order (include/net/tcp_states.h).
pub const TCP_STATES: [&str; 11] = [
    "ESTABLISHED",
    "SYN_SENT",
    "SYN_RECV",
    "FIN_WAIT1",
    "FIN_WAIT2",
    "TIME_WAIT",
    "CLOSE",
    "CLOSE_WAIT",
    "LAST_ACK",
    "LISTEN",
    "CLOSING",
];

const ST_TIME_WAIT: u8 = 0x06;
const ST_LISTEN: u8 = 0x0A;

/// The name of a state code (`0x06` -> `TIME_WAIT`); `UNKNOWN_0C` for others
/// (`NEW_SYN_RECV`, 0x0C, is shown as SYN_RECV by the kernel and never appears).
pub fn state_name(code: u8) -> String {
    match code {
        1..=11 => TCP_STATES[usize::from(code) - 1].to_owned(),
        _ => format!("UNKNOWN_{code:02X}"),
    }
}

/// One row of `/proc/net/tcp` or `/proc/net/tcp6`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TcpSocket {
    pub local: (IpAddr, u16),
    pub remote: (IpAddr, u16),
    /// The `st` column (0x01 ESTABLISHED .. 0x0B CLOSING).
    pub state: u8,
}

/// Parse the text of `/proc/net/tcp` or `/proc/net/tcp6`: the header line and rows
/// that do not parse are skipped.
pub fn parse_tcp(text: &str) -> Vec<TcpSocket> {
    text.lines().filter_map(parse_row).collect()
}

fn parse_row(line: &str) -> Option<TcpSocket> {
    let mut cols = line.split_whitespace();
    let sl = cols.next()?;
    if !sl.ends_with(':') {
        return None; // the header (`sl local_address ...`)
    }
    let local = parse_endpoint(cols.next()?)?;
    let remote = parse_endpoint(cols.next()?)?;
    let state = u8::from_str_radix(cols.next()?, 16).ok()?;
    Some(TcpSocket {
        local,
        remote,
        state,
    })
}

/// `0100007F:0050` -> 127.0.0.1:80; 32 hex digits for IPv6 (four host-order words).
fn parse_endpoint(s: &str) -> Option<(IpAddr, u16)> {
    let (addr, port) = s.split_once(':')?;
    let port = u16::from_str_radix(port, 16).ok()?;
    let ip = match addr.len() {
        8 => IpAddr::V4(Ipv4Addr::from(
            u32::from_str_radix(addr, 16).ok()?.to_le_bytes(),
        )),
        32 => {
            let mut bytes = [0u8; 16];
            for (i, chunk) in bytes.chunks_mut(4).enumerate() {
                let word = u32::from_str_radix(addr.get(i * 8..i * 8 + 8)?, 16).ok()?;
                chunk.copy_from_slice(&word.to_le_bytes());
            }
            let v6 = Ipv6Addr::from(bytes);
            // IPv4-mapped addresses (::ffff:a.b.c.d) are shown as IPv4.
            match v6.to_ipv4_mapped() {
                Some(v4) => IpAddr::V4(v4),
                None => IpAddr::V6(v6),
            }
        }
        _ => return None,
    };
    Some((ip, port))
}

/// `TCP: inuse 3 orphan 0 tw 0 alloc 3 mem 362` -> the `orphan` and `tw` counts.
pub fn parse_sockstat(text: &str) -> (Option<u64>, Option<u64>) {
    let Some(line) = text.lines().find(|l| l.starts_with("TCP:")) else {
        return (None, None);
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    let field = |name: &str| {
        words
            .windows(2)
            .find(|w| w[0] == name)
            .and_then(|w| w[1].parse().ok())
    };
    (field("orphan"), field("tw"))
}

/// The sysctl values the summary compares with (absent when unreadable).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Limits {
    pub max_tw_buckets: Option<u64>,
    pub max_orphans: Option<u64>,
    /// `ip_local_port_range`: (low, high).
    pub port_range: Option<(u16, u16)>,
    /// `ip_local_reserved_ports` as the kernel prints it (`8080,9000-9010`).
    pub reserved_ports: String,
    pub tw_reuse: Option<i64>,
    pub timestamps: Option<i64>,
}

impl Limits {
    /// Read the limits from `PROC/sys/net/ipv4/...` (read-only).
    pub fn read(proc_root: &Path) -> Limits {
        let get = |name: &str| {
            crate::fsroot::read_text_in(proc_root, &format!("sys/net/ipv4/{name}"))
                .map(|s| s.trim().to_owned())
        };
        Limits::from_lookup(&get)
    }

    /// The limits from a lookup of `net.ipv4.<name>` values (live or a snapshot).
    pub fn from_lookup(get: &dyn Fn(&str) -> Option<String>) -> Limits {
        let int = |name: &str| get(name).and_then(|v| v.trim().parse::<i64>().ok());
        let port_range = get("ip_local_port_range").and_then(|v| {
            let mut it = v.split_whitespace().map(|t| t.parse::<u16>().ok());
            Some((it.next()??, it.next()??))
        });
        Limits {
            max_tw_buckets: int("tcp_max_tw_buckets").and_then(|v| u64::try_from(v).ok()),
            max_orphans: int("tcp_max_orphans").and_then(|v| u64::try_from(v).ok()),
            port_range,
            reserved_ports: get("ip_local_reserved_ports").unwrap_or_default(),
            tw_reuse: int("tcp_tw_reuse"),
            timestamps: int("tcp_timestamps"),
        }
    }
}

/// Ports listed in `ip_local_reserved_ports` (`8080,9000-9010`) that fall in `low..=high`.
pub fn reserved_in_range(list: &str, low: u16, high: u16) -> usize {
    let mut ranges: Vec<(u16, u16)> = list
        .split(',')
        .filter_map(|part| {
            let part = part.trim();
            if part.is_empty() {
                return None;
            }
            let (a, b) = match part.split_once('-') {
                Some((a, b)) => (a.trim().parse().ok()?, b.trim().parse().ok()?),
                None => {
                    let p: u16 = part.parse().ok()?;
                    (p, p)
                }
            };
            let (a, b) = (a.max(low), b.min(high));
            (a <= b).then_some((a, b))
        })
        .collect();
    ranges.sort_unstable();
    let mut count = 0usize;
    let mut next = low as usize; // first port not yet counted
    for (a, b) in ranges {
        let start = (a as usize).max(next);
        if start <= b as usize {
            count += b as usize - start + 1;
            next = b as usize + 1;
        }
    }
    count
}

/// A count next to the limit it is measured against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Usage {
    pub count: u64,
    pub limit: Option<u64>,
    /// `count / limit` in percent, one decimal (absent without a positive limit).
    pub percent: Option<f64>,
}

impl Usage {
    fn new(count: u64, limit: Option<u64>) -> Usage {
        Usage {
            count,
            limit,
            percent: limit.filter(|l| *l > 0).map(|l| percent(count, l)),
        }
    }
}

fn percent(part: u64, whole: u64) -> f64 {
    ((part as f64) * 1000.0 / (whole as f64)).round() / 10.0
}

/// The usable ephemeral range: `ip_local_port_range` minus reserved ports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ephemeral {
    pub low: u16,
    pub high: u16,
    pub reserved: usize,
    pub usable: usize,
}

/// The destination that holds the most local ephemeral ports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Destination {
    /// `addr:port` (IPv6 as `[addr]:port`).
    pub remote: String,
    /// The local address the connections come from.
    pub local_address: String,
    /// Connections to it whose local port is in the ephemeral range (TIME_WAIT included:
    /// it still holds the 4-tuple).
    pub ports_in_use: usize,
    /// Of those, how many are in TIME_WAIT.
    pub time_wait: usize,
    /// `ports_in_use / usable` in percent, one decimal.
    pub percent_of_usable: Option<f64>,
    pub loopback: bool,
}

/// The summary `audit --sockets` reports (the `sockets` object of the JSON report).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SocketSummary {
    /// Every state, in code order, with its count (zero counts included).
    pub states: Vec<StateCount>,
    pub total: usize,
    /// TIME_WAIT sockets (from the tables) against `tcp_max_tw_buckets`.
    pub time_wait: Usage,
    /// Orphans (`/proc/net/sockstat`) against `tcp_max_orphans`; absent without sockstat.
    pub orphans: Option<Usage>,
    pub ephemeral: Option<Ephemeral>,
    pub busiest: Option<Destination>,
    /// The busiest destination uses more than half of the usable ephemeral ports (SL803).
    pub exhaustion: bool,
    /// What to do (English; [`SocketSummary::advice_text`] has the run's language).
    pub advice: Vec<String>,
    /// `advice` in English and the run's language, for the human report.
    #[serde(skip)]
    pub advice_text: Vec<crate::diagnostic::Text>,
    /// The advice against port exhaustion (the last items of `advice`), in
    /// English and the run's language: the help of SL803.
    #[serde(skip)]
    pub exhaustion_help: Vec<crate::diagnostic::Text>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StateCount {
    pub state: String,
    pub count: usize,
}

/// Read `PROC/net/tcp`, `PROC/net/tcp6` and `PROC/net/sockstat` (read-only) and
/// summarise them with the limits. Fails only when neither table can be read.
pub fn summarize(
    proc_root: &Path,
    limits: &Limits,
) -> Result<SocketSummary, crate::diagnostic::Text> {
    let read = |name: &str| crate::fsroot::read_text_in(proc_root, &format!("net/{name}"));
    let (tcp, tcp6) = (read("tcp"), read("tcp6"));
    if tcp.is_none() && tcp6.is_none() {
        return Err(crate::msg!("fs-no-tcp-tables"));
    }
    let mut sockets = parse_tcp(tcp.as_deref().unwrap_or_default());
    sockets.extend(parse_tcp(tcp6.as_deref().unwrap_or_default()));
    let sockstat = read("sockstat");
    Ok(summarize_sockets(&sockets, sockstat.as_deref(), limits))
}

/// The TCP ports this host listens on (`PROC/net/tcp` and `tcp6`, read-only),
/// sorted, each once; `None` when neither table can be read. SL511 takes them
/// as the evidence of the services the host runs.
pub fn listening_ports(proc_root: &Path) -> Option<Vec<u16>> {
    let read = |name: &str| crate::fsroot::read_text_in(proc_root, &format!("net/{name}"));
    let (tcp, tcp6) = (read("tcp"), read("tcp6"));
    if tcp.is_none() && tcp6.is_none() {
        return None;
    }
    let mut ports: Vec<u16> = parse_tcp(tcp.as_deref().unwrap_or_default())
        .into_iter()
        .chain(parse_tcp(tcp6.as_deref().unwrap_or_default()))
        .filter(|s| s.state == ST_LISTEN)
        .map(|s| s.local.1)
        .collect();
    ports.sort_unstable();
    ports.dedup();
    Some(ports)
}

/// The summary of parsed sockets (see [`summarize`]).
pub fn summarize_sockets(
    sockets: &[TcpSocket],
    sockstat: Option<&str>,
    limits: &Limits,
) -> SocketSummary {
    let mut counts = [0usize; 11];
    let mut unknown: Vec<(u8, usize)> = Vec::new();
    for s in sockets {
        match s.state {
            1..=11 => counts[usize::from(s.state) - 1] += 1,
            other => match unknown.iter_mut().find(|(c, _)| *c == other) {
                Some((_, n)) => *n += 1,
                None => unknown.push((other, 1)),
            },
        }
    }
    unknown.sort_unstable();
    let mut states: Vec<StateCount> = TCP_STATES
        .iter()
        .zip(counts)
        .map(|(name, count)| StateCount {
            state: (*name).to_owned(),
            count,
        })
        .collect();
    states.extend(unknown.iter().map(|(c, n)| StateCount {
        state: state_name(*c),
        count: *n,
    }));
    let time_wait_count = counts[usize::from(ST_TIME_WAIT) - 1] as u64;
    let time_wait = Usage::new(time_wait_count, limits.max_tw_buckets);
    let orphans = sockstat
        .map(parse_sockstat)
        .and_then(|(o, _)| o)
        .map(|o| Usage::new(o, limits.max_orphans));

    let ephemeral = limits.port_range.map(|(low, high)| {
        let size = if high >= low {
            usize::from(high - low) + 1
        } else {
            0
        };
        let reserved = reserved_in_range(&limits.reserved_ports, low, high);
        Ephemeral {
            low,
            high,
            reserved,
            usable: size.saturating_sub(reserved),
        }
    });

    // Outgoing connections: not a listener, remote known, local port not a listening port.
    let listening: std::collections::HashSet<u16> = sockets
        .iter()
        .filter(|s| s.state == ST_LISTEN)
        .map(|s| s.local.1)
        .collect();
    let in_range = |p: u16| match &ephemeral {
        Some(e) => p >= e.low && p <= e.high,
        None => true,
    };
    let mut per_dest: HashMap<(IpAddr, IpAddr, u16), (usize, usize)> = HashMap::new();
    for s in sockets {
        if s.state == ST_LISTEN || s.remote.1 == 0 || listening.contains(&s.local.1) {
            continue;
        }
        if !in_range(s.local.1) {
            continue;
        }
        let e = per_dest
            .entry((s.local.0, s.remote.0, s.remote.1))
            .or_default();
        e.0 += 1;
        if s.state == ST_TIME_WAIT {
            e.1 += 1;
        }
    }
    // Deterministic: most ports, then the smallest addresses.
    let busiest = per_dest
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then_with(|| b.0.cmp(&a.0)))
        .map(|((local, ip, port), (n, tw))| Destination {
            remote: endpoint(ip, port),
            local_address: local.to_string(),
            ports_in_use: n,
            time_wait: tw,
            percent_of_usable: ephemeral
                .as_ref()
                .filter(|e| e.usable > 0)
                .map(|e| percent(n as u64, e.usable as u64)),
            loopback: ip.is_loopback(),
        });
    let exhaustion = match (&busiest, &ephemeral) {
        (Some(b), Some(e)) => b.ports_in_use * 2 > e.usable,
        _ => false,
    };
    let mut summary = SocketSummary {
        states,
        total: sockets.len(),
        time_wait,
        orphans,
        ephemeral,
        busiest,
        exhaustion,
        advice: Vec::new(),
        advice_text: Vec::new(),
        exhaustion_help: Vec::new(),
    };
    summary.advice_text = advice(&summary);
    if let Some(b) = summary.busiest.as_ref().filter(|_| summary.exhaustion) {
        summary.exhaustion_help = exhaustion_advice(b, limits);
        summary
            .advice_text
            .extend(summary.exhaustion_help.iter().cloned());
    }
    summary.advice = summary.advice_text.iter().map(|t| t.en.clone()).collect();
    summary
}

fn endpoint(ip: IpAddr, port: u16) -> String {
    match ip {
        IpAddr::V4(a) => format!("{a}:{port}"),
        IpAddr::V6(a) => format!("[{a}]:{port}"),
    }
}

/// Advice on the TIME_WAIT and orphan caps and the busiest destination
/// (net/ipv4/inet_timewait_sock.c, net/ipv4/tcp.c: `tcp_too_many_orphans()`).
fn advice(s: &SocketSummary) -> Vec<crate::diagnostic::Text> {
    use crate::msg;
    let mut out = Vec::new();
    if let Some(p) = s.time_wait.percent.filter(|p| *p >= 80.0) {
        out.push(msg!("sockets-advice-time-wait", percent = &p.to_string()));
    }
    if let Some(p) = s
        .orphans
        .as_ref()
        .and_then(|o| o.percent)
        .filter(|p| *p >= 80.0)
    {
        out.push(msg!("sockets-advice-orphans", percent = &p.to_string()));
    }
    if !s.exhaustion {
        return out;
    }
    let Some(b) = &s.busiest else { return out };
    out.push(msg!(
        "sockets-advice-busiest",
        remote = &b.remote,
        ports = &b.ports_in_use.to_string(),
        usable = &s.ephemeral.as_ref().map_or(0, |e| e.usable).to_string()
    ));
    out
}

/// What to do against port exhaustion at the busiest destination `b` (the
/// advice after the one that names it, and the help of SL803).
fn exhaustion_advice(b: &Destination, limits: &Limits) -> Vec<crate::diagnostic::Text> {
    use crate::msg;
    let mut out = Vec::new();
    let timestamps_on = limits.timestamps.is_none_or(|t| t != 0);
    match (limits.tw_reuse, timestamps_on) {
        (_, false) => out.push(msg!("sl803-advice-tw-reuse-no-timestamps")),
        (Some(1), true) => {}
        (Some(2), true) if b.loopback => {}
        (reuse, true) => out.push(msg!(
            "sl803-advice-tw-reuse",
            loopback = if reuse == Some(2) { "yes" } else { "no" }
        )),
    }
    out.push(msg!("sl803-advice-tw-recycle"));
    out.push(msg!("sl803-advice-widen"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_decode_little_endian() {
        assert_eq!(
            parse_endpoint("0100007F:0050"),
            Some((IpAddr::V4(Ipv4Addr::LOCALHOST), 80))
        );
        assert_eq!(
            parse_endpoint("00000000000000000000000001000000:1F90"),
            Some((IpAddr::V6(Ipv6Addr::LOCALHOST), 8080))
        );
        assert_eq!(
            parse_endpoint("0000000000000000FFFF00000100007F:0016"),
            Some((IpAddr::V4(Ipv4Addr::LOCALHOST), 22))
        );
    }

    #[test]
    fn reserved_ports_are_clipped_and_merged() {
        assert_eq!(reserved_in_range("", 32768, 60999), 0);
        assert_eq!(reserved_in_range("8080,9000-9010", 32768, 60999), 0);
        assert_eq!(
            reserved_in_range("32768-32777,32770,60999", 32768, 60999),
            11
        );
        assert_eq!(
            reserved_in_range("30000-40000", 32768, 60999),
            40000 - 32768 + 1
        );
    }

    #[test]
    fn sockstat() {
        assert_eq!(
            parse_sockstat("sockets: used 24\nTCP: inuse 3 orphan 7 tw 2 alloc 3 mem 362\n"),
            (Some(7), Some(2))
        );
        assert_eq!(parse_sockstat("UDP: inuse 0\n"), (None, None));
    }
}
