//! `--format prometheus`: the node_exporter textfile-collector format (the
//! Prometheus text exposition format, version 0.0.4), for fleets that already
//! scrape node_exporter: write it to `textfile_collector/sysctl-lint.prom`
//! (atomically: `--output-file` renames a complete file into place) from a timer.
//!
//! Metrics (every value a gauge):
//! - `sysctl_lint_findings{code,severity,key}`: findings per rule, severity and key
//!   (for a fleet: how many hosts have the finding);
//! - `sysctl_lint_drift{key}`: 1 for each key whose live value differs from the
//!   configuration (SL801);
//! - `sysctl_lint_unreadable_inputs`: inputs that could not be read (SL100);
//! - `sysctl_lint_tcp_sockets{state}`: TCP sockets per state (`audit --sockets`);
//! - `sysctl_lint_audit_timestamp_seconds`: when the report was made.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::audit::AuditOutcome;
use crate::diagnostic::Diagnostic;

/// A label value as the exposition format writes it: `\`, `"` and newline escaped.
fn label(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

fn header(out: &mut String, name: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} gauge");
}

/// `(code, severity, key) -> count` of findings.
type Counts = BTreeMap<(&'static str, &'static str, String), usize>;

fn count(diags: &[Diagnostic], counts: &mut Counts) {
    for d in diags {
        *counts
            .entry((
                d.code,
                d.severity.as_str(),
                d.key.clone().unwrap_or_default(),
            ))
            .or_default() += 1;
    }
}

fn findings(out: &mut String, counts: &Counts) {
    header(
        out,
        "sysctl_lint_findings",
        "Findings per rule, severity and key (for a fleet: hosts with the finding).",
    );
    for ((code, severity, key), n) in counts {
        let _ = writeln!(
            out,
            "sysctl_lint_findings{{code=\"{code}\",severity=\"{severity}\",key=\"{}\"}} {n}",
            label(key)
        );
    }
}

fn timestamp(out: &mut String, now: u64) {
    header(
        out,
        "sysctl_lint_audit_timestamp_seconds",
        "When sysctl-lint made this report, in seconds since the epoch.",
    );
    let _ = writeln!(out, "sysctl_lint_audit_timestamp_seconds {now}");
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The metrics of `check` findings.
pub fn render(diags: &[Diagnostic]) -> String {
    render_at(diags, now())
}

/// [`render`] at a given time (tests).
pub fn render_at(diags: &[Diagnostic], now: u64) -> String {
    let mut out = String::new();
    let mut counts = Counts::new();
    count(diags, &mut counts);
    findings(&mut out, &counts);
    unreadable(&mut out, diags.iter().filter(|d| d.code == "SL100").count());
    timestamp(&mut out, now);
    out
}

fn unreadable(out: &mut String, n: usize) {
    header(
        out,
        "sysctl_lint_unreadable_inputs",
        "Inputs that could not be read (SL100).",
    );
    let _ = writeln!(out, "sysctl_lint_unreadable_inputs {n}");
}

fn count_fleet(f: &crate::audit::FleetReport, counts: &mut Counts) {
    for x in &f.findings {
        *counts
            .entry((
                x.code,
                x.severity.as_str(),
                x.key.clone().unwrap_or_default(),
            ))
            .or_default() += x.hosts.len();
    }
}

/// The metrics of `sysctl-lint fleet`: findings (hosts with each), the inputs
/// that were not readable reports, and `sysctl_lint_fleet_hosts`.
pub fn render_reports(r: &crate::audit::ReportsFleet) -> String {
    render_reports_at(r, now())
}

/// [`render_reports`] at a given time (tests).
pub fn render_reports_at(r: &crate::audit::ReportsFleet, now: u64) -> String {
    let mut out = String::new();
    let mut counts = Counts::new();
    count_fleet(&r.fleet, &mut counts);
    findings(&mut out, &counts);
    header(
        &mut out,
        "sysctl_lint_fleet_hosts",
        "Hosts in the fleet report (one per input).",
    );
    let _ = writeln!(out, "sysctl_lint_fleet_hosts {}", r.fleet.hosts.len());
    unreadable(&mut out, r.unreadable);
    timestamp(&mut out, now);
    out
}

/// The metrics of an audit.
pub fn render_audit(o: &AuditOutcome) -> String {
    render_audit_at(o, now())
}

/// [`render_audit`] at a given time (tests).
pub fn render_audit_at(o: &AuditOutcome, now: u64) -> String {
    let mut out = String::new();
    let mut counts = Counts::new();
    count(&o.diagnostics, &mut counts);
    if let Some(f) = &o.fleet {
        count_fleet(f, &mut counts);
    }
    findings(&mut out, &counts);
    header(
        &mut out,
        "sysctl_lint_drift",
        "1 for each key whose live value differs from the configuration (SL801).",
    );
    let drifted: std::collections::BTreeSet<&str> = o
        .diagnostics
        .iter()
        .filter(|d| d.code == "SL801")
        .filter_map(|d| d.key.as_deref())
        .collect();
    for key in drifted {
        let _ = writeln!(out, "sysctl_lint_drift{{key=\"{}\"}} 1", label(key));
    }
    unreadable(&mut out, o.unreadable_files);
    if let Some(s) = &o.sockets {
        header(
            &mut out,
            "sysctl_lint_tcp_sockets",
            "TCP sockets per state, from /proc/net/tcp and tcp6.",
        );
        for st in &s.states {
            let _ = writeln!(
                out,
                "sysctl_lint_tcp_sockets{{state=\"{}\"}} {}",
                label(&st.state),
                st.count
            );
        }
    }
    timestamp(&mut out, now);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped() {
        assert_eq!(label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
