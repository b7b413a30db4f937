//! SL511 port-range-overlaps-services: the ephemeral port range in force covers
//! ports the host's services listen on (`listening-ports`, or the live sockets in
//! `audit`: a warning), or without that evidence, reaches beyond the kernel
//! default (32768-60999) over ports that common server packages bind by default
//! (`rules/ports.tsv`: an info), that `ip_local_reserved_ports` does not exclude.

use crate::diagnostic::{Diagnostic, Severity, Text};
use crate::i18n::{tr_in, Arg, Lang};
use crate::lint::Context;
use crate::{msg, tr};

use super::sl510_port_range_rejected::{default_range, in_force};
use super::sl514_reserved_ports_invalid::reserved_in_force;
use super::{headline, Check, Rule};

pub(super) const RULE: Rule = Rule {
    code: "SL511",
    check: Check::Config(check),
    supersedes: &[],
};

const PORTS_TSV: &str = include_str!("../../rules/ports.tsv");

/// How many ports the note names; the rest are counted.
const NAMED: usize = 5;

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

/// The service of the built-in list that listens on `port`, if any.
fn service_at(list: &[Service], port: i128) -> Option<&str> {
    list.iter()
        .find(|s| s.low <= port && port <= s.high)
        .map(|s| s.name.as_str())
}

/// A port or a range as a list item: `6379` or `30000-32767`.
fn ports_text(first: i128, last: i128) -> String {
    if first == last {
        format!("{first}")
    } else {
        format!("{first}-{last}")
    }
}

/// The headline (`$kind`: `listening` or `server` ports) with as many of
/// `items` in its list as fit, then `+N` for the rest; in each language.
fn fit_list(items: &[String], kind: &str) -> Text {
    let pick = |lang: Lang| {
        let make = |list: &str| {
            tr_in(
                lang,
                "sl511-headline",
                &[("kind", Arg::Str(kind)), ("list", Arg::Str(list))],
            )
        };
        for k in (1..=items.len().min(NAMED)).rev() {
            let mut list = items[..k].join(", ");
            if items.len() > k {
                list.push_str(&format!(", +{}", items.len() - k));
            }
            let m = make(&list);
            if headline::fits("SL511", &m) {
                return m;
            }
        }
        make(&tr_in(
            lang,
            "sl511-count",
            &[("count", Arg::from(items.len()))],
        ))
    };
    let run = crate::i18n::lang();
    Text {
        en: pick(Lang::En),
        localized: (run != Lang::En).then(|| pick(run)),
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(w) = in_force(cx) else { return };
    let (low, high) = (w.low, w.high);
    let default = default_range(&cx.options.kernel);
    let outside_default = |p: i128| p < default.0 || p > default.1;
    let builtin = services(PORTS_TSV);
    let declared = &cx.options.listening_ports;
    let live = cx.options.live_listening.as_deref();
    // The services the host runs: declared in `listening-ports`, or listening
    // now (audit). Without either, the built-in list of common servers.
    let evidence = !declared.is_empty() || live.is_some();
    let candidates: Vec<Service> = if evidence {
        let declared_ports = declared.iter().map(|&(a, b)| Service {
            low: i128::from(a),
            high: i128::from(b),
            name: String::new(),
            configured: true,
        });
        let live_ports = live.unwrap_or_default().iter().map(|&p| Service {
            low: i128::from(p),
            high: i128::from(p),
            name: String::new(),
            configured: false,
        });
        let mut all: Vec<Service> = declared_ports.chain(live_ports).collect();
        all.sort_by_key(|s| (s.low, s.high, !s.configured));
        all.dedup_by_key(|s| (s.low, s.high));
        all
    } else {
        builtin.clone()
    };
    // Quick exit: a range inside the default exposes nothing new.
    if !outside_default(low) && !outside_default(high) && declared.is_empty() {
        return;
    }
    let reserved = reserved_in_force(cx);
    // (first port, last port, service name), in priority order.
    let mut exposed: Vec<(i128, i128, Option<&str>)> = Vec::new();
    let mut spared: usize = 0;
    for svc in &candidates {
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
        let name = if evidence {
            service_at(&builtin, first)
        } else {
            Some(svc.name.as_str())
        };
        exposed.push((first, last, name));
    }
    if exposed.is_empty() {
        return;
    }
    let n = exposed.len();
    let ports: Vec<String> = exposed.iter().map(|&(a, b, _)| ports_text(a, b)).collect();
    // The note names the first few (the built-in list is in priority order), by port.
    let mut first: Vec<(i128, i128, Option<&str>)> = exposed.iter().take(NAMED).copied().collect();
    first.sort();
    let mut named: Vec<Text> = first
        .iter()
        .map(|&(a, b, name)| match name {
            Some(name) => msg!("sl511-named", ports = &ports_text(a, b), name = name),
            None => ports_text(a, b).into(),
        })
        .collect();
    if n > NAMED {
        named.push(msg!("sl511-more", count = n - NAMED));
    }
    let named = headline::join(&named, "out-list-separator");
    let span = w.setting.body_span();
    let range = format!("{low}-{high}");
    let mut d = if evidence {
        let source = match (declared.is_empty(), live.is_some()) {
            (false, true) => "both",
            (false, false) => "declared",
            _ => "live",
        };
        w.setting
            .diag("SL511", w.file, span, fit_list(&ports, "listening"))
            .note(headline::compose(
                "sl511-note-evidence",
                &[("named", &named)],
                &[
                    ("range", Arg::Str(&range)),
                    ("count", Arg::from(n)),
                    ("source", Arg::Str(source)),
                ],
            ))
    } else {
        let default = format!("{}-{}", default.0, default.1);
        w.setting
            .diag("SL511", w.file, span, fit_list(&ports, "server"))
            .severity(Severity::Info)
            .note(headline::compose(
                "sl511-note-builtin",
                &[("named", &named)],
                &[
                    ("range", Arg::Str(&range)),
                    ("default", Arg::Str(&default)),
                    ("count", Arg::from(n)),
                ],
            ))
    };
    if let Some((f, r)) = reserved.set_at {
        let label = if spared > 0 {
            tr!("sl511-label-spared", spared = spared)
        } else {
            tr!("sl511-label-none")
        };
        d = d.label(f, r.body_span(), label);
    }
    let reserve = |list: &str| match reserved.set_at {
        Some((_, r)) => format!("{},{list}", r.value_text()),
        None => list.to_owned(),
    };
    let help = if evidence {
        msg!("sl511-help-reserve", value = &reserve(&ports.join(",")))
    } else {
        let example: Vec<String> = ports
            .iter()
            .take(2)
            .map(|p| {
                if p.contains('-') {
                    format!("\"{p}\"")
                } else {
                    p.clone()
                }
            })
            .collect();
        msg!("sl511-help-declare", example = &example.join(", "))
    };
    out.push(d.help(help));
}

#[cfg(test)]
mod tests {
    use super::{services, PORTS_TSV};
    use crate::{lint_source, Diagnostic, Options, Severity};

    fn sl511(options: &Options) -> Vec<Diagnostic> {
        let text = "net.ipv4.ip_local_port_range = 1024 65535\n";
        let (_, diags) = lint_source("t.conf", text.as_bytes(), options);
        diags.into_iter().filter(|d| d.code == "SL511").collect()
    }

    #[test]
    fn evidence_of_the_hosts_services_decides() {
        // No evidence: one info about the common ports, and how to declare the host's own.
        let found = sl511(&Options::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        assert!(found[0]
            .help
            .as_deref()
            .unwrap()
            .contains("listening-ports"));
        // Declared ports: a warning that reserves exactly those.
        let declared = Options {
            listening_ports: vec![(5432, 5432), (9000, 9100)],
            ..Options::default()
        };
        let found = sl511(&declared);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].message.contains("5432, 9000-9100"), "{found:?}");
        assert!(found[0]
            .help
            .as_deref()
            .unwrap()
            .ends_with("`net.ipv4.ip_local_reserved_ports = 5432,9000-9100`"));
        // Live sockets that listen only inside the default range: nothing at risk.
        let live = Options {
            live_listening: Some(vec![22, 40000]),
            ..Options::default()
        };
        assert!(sl511(&live).is_empty());
        let live = Options {
            live_listening: Some(vec![6379]),
            ..Options::default()
        };
        assert!(sl511(&live)[0]
            .note
            .as_deref()
            .unwrap()
            .contains("6379 (redis)"));
    }

    #[test]
    fn ports_tsv_parses_and_stays_clear_of_the_default_ends() {
        let list = services(PORTS_TSV);
        assert!(
            (10..=25).contains(&list.len()),
            "a short list: {}",
            list.len()
        );
        let rows = PORTS_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(rows, list.len() + 1, "every row but the header parses");
        for s in &list {
            assert!(0 < s.low && s.low <= s.high && s.high <= 65535, "{s:?}");
            // Below the default range, which never covers them.
            assert!(s.high < 32768, "{s:?}");
        }
        assert!(list.iter().any(|s| s.low == 11211));
    }
}
