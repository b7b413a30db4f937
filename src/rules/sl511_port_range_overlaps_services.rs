//! SL511 port-range-overlaps-services: the ephemeral port range in force reaches
//! beyond the kernel default (32768-60999) over well-known server ports
//! (`rules/ports.tsv`) that `ip_local_reserved_ports` does not exclude.

use crate::diagnostic::Diagnostic;
use crate::lint::Context;

use super::sl510_port_range_rejected::{default_range, in_force};
use super::sl514_reserved_ports_invalid::reserved_in_force;
use super::{Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL511",
    check: Check::Config(check),
    supersedes: &[],
};

const PORTS_TSV: &str = include_str!("../../rules/ports.tsv");

/// How many services the message names; the rest are counted.
const NAMED: usize = 8;

/// One row of `rules/ports.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Service {
    low: i128,
    high: i128,
    name: String,
    /// From `listening-ports` in `.sysctl-lint.toml`: protected even inside the
    /// default range.
    configured: bool,
}

/// Parse `rules/ports.tsv`: `port<TAB>service<TAB>source`, the port a number or
/// `LOW-HIGH`; a header line, blank lines and `#` lines are skipped.
fn services(text: &str) -> Vec<Service> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let port = cols.next()?.trim();
            let name = cols.next()?.trim();
            let (low, high) = match port.split_once('-') {
                Some((a, b)) => (a.parse().ok()?, b.parse().ok()?),
                None => {
                    let p = port.parse().ok()?; // the header line fails here
                    (p, p)
                }
            };
            Some(Service {
                low,
                high,
                name: name.to_owned(),
                configured: false,
            })
        })
        .collect()
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(w) = in_force(cx) else { return };
    let (low, high) = (w.low, w.high);
    let default = default_range(&cx.options.kernel);
    let outside_default = |p: i128| p < default.0 || p > default.1;
    let configured: Vec<Service> = cx
        .options
        .listening_ports
        .iter()
        .map(|&(a, b)| Service {
            low: i128::from(a),
            high: i128::from(b),
            name: "listening-ports".to_owned(),
            configured: true,
        })
        .collect();
    // Quick exit: a range inside the default exposes nothing new.
    if !outside_default(low) && !outside_default(high) && configured.is_empty() {
        return;
    }
    let reserved = reserved_in_force(cx);
    let mut exposed: Vec<(i128, String)> = Vec::new(); // (first port, text), in priority order
    let mut spared = 0;
    for svc in configured.into_iter().chain(services(PORTS_TSV)) {
        let (a, b) = (svc.low.max(low), svc.high.min(high));
        if a > b {
            continue;
        }
        let ports: Vec<i128> = (a..=b)
            .filter(|&p| svc.configured || outside_default(p))
            .collect();
        if ports.is_empty() {
            continue;
        }
        let open: Vec<i128> = ports
            .iter()
            .copied()
            .filter(|&p| !reserved.contains(p))
            .collect();
        if open.is_empty() {
            spared += 1;
            continue;
        }
        let (first, last) = (open[0], open[open.len() - 1]);
        let text = if first == last {
            format!("{first} ({})", svc.name)
        } else {
            format!("{first}-{last} ({})", svc.name)
        };
        exposed.push((first, text));
    }
    if exposed.is_empty() {
        return;
    }
    let n = exposed.len();
    // The first rows of ports.tsv are the most common services; name those, by port.
    let mut first: Vec<(i128, String)> = exposed.iter().take(NAMED).cloned().collect();
    first.sort();
    let mut named: Vec<String> = first.iter().map(|(_, t)| t.clone()).collect();
    if n > NAMED {
        named.push(format!("and {} more", n - NAMED));
    }
    let what = if n == 1 {
        "the listening port of a well-known service".to_owned()
    } else {
        format!("the listening ports of {n} well-known services")
    };
    let span = w.setting.body_span();
    let mut d = w
        .setting
        .diag(
            "SL511",
            w.file,
            span,
            format!(
                "ephemeral ports {low}-{high} cover {what} outside the default range {}-{}: {}; an outgoing connection can take such a port before its service binds it, and the service then fails to start with EADDRINUSE",
                default.0,
                default.1,
                named.join(", ")
            ),
        );
    if let Some((f, r)) = reserved.set_at {
        let note = if spared > 0 {
            format!("ip_local_reserved_ports already excludes {spared} of the listed services")
        } else {
            "ip_local_reserved_ports in force (it excludes none of these)".to_owned()
        };
        d = d.label(f, r.body_span(), note);
    }
    let example: Vec<String> = first
        .iter()
        .map(|(_, t)| t.split(' ').next().unwrap_or_default().to_owned())
        .collect();
    let help = if reserved.set_at.is_some() {
        format!(
            "start the range above the services this host runs (the default is `{} {}`), or add their ports to the existing ip_local_reserved_ports list (e.g. {})",
            default.0,
            default.1,
            example.join(",")
        )
    } else {
        format!(
            "start the range above the services this host runs (the default is `{} {}`), or reserve their ports: `net.ipv4.ip_local_reserved_ports = {}`",
            default.0,
            default.1,
            example.join(",")
        )
    };
    out.push(d.help(help));
}

#[cfg(test)]
mod tests {
    use super::{services, PORTS_TSV};

    #[test]
    fn ports_tsv_parses_and_stays_clear_of_the_default_ends() {
        let list = services(PORTS_TSV);
        assert!(list.len() > 40, "{}", list.len());
        let rows = PORTS_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(rows, list.len() + 1, "every row but the header parses");
        for s in &list {
            assert!(0 < s.low && s.low <= s.high && s.high <= 65535, "{s:?}");
            // 61000 was the default high end before about 4.4-4.6.
            assert!(!(s.low <= 61000 && 61000 <= s.high), "{s:?}");
        }
        assert!(list.iter().any(|s| s.low == 11211));
    }
}
