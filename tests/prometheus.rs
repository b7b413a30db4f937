//! `--format prometheus`: node_exporter textfile-collector metrics, checked by
//! the real `promtool check metrics` (Debian's `prometheus` package; `.ci/run`
//! installs it) where it is installed, and exactly by a golden snapshot.

mod common;
use common::promtool_check;

use assert_cmd::Command;

fn metrics(args: &[&str]) -> String {
    let out = Command::cargo_bin("sysctl-lint")
        .unwrap()
        .args(args)
        .args(["--format", "prometheus"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The timestamp line varies; everything else is fixed.
fn without_timestamp(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with("sysctl_lint_audit_timestamp_seconds "))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn audit_metrics_pass_promtool() {
    let text = metrics(&[
        "audit",
        "--root",
        "tests/fixtures/audit/root",
        "--proc",
        "tests/fixtures/audit/proc-sockets",
        "--sockets",
    ]);
    promtool_check(&text);
    assert!(text.contains("sysctl_lint_tcp_sockets{state=\"ESTABLISHED\"} 5\n"));
    assert!(text.contains("sysctl_lint_drift{key=\"net.ipv4.ip_local_reserved_ports\"} 1\n"));
    assert!(text.contains("\nsysctl_lint_audit_timestamp_seconds "));
    insta::assert_snapshot!("audit_sockets", without_timestamp(&text));
}

#[test]
fn fleet_and_check_metrics_pass_promtool() {
    let fleet = metrics(&["audit", "--snapshot", "tests/fixtures/audit/fleet"]);
    promtool_check(&fleet);
    // A fleet counts the hosts with each finding.
    assert!(fleet.contains(
        "sysctl_lint_findings{code=\"SL503\",severity=\"warning\",key=\"net.ipv4.tcp_timestamps\"} 3\n"
    ));
    let check = metrics(&["check", "tests/fixtures/tuning-guide.conf"]);
    promtool_check(&check);
    assert!(check.contains("sysctl_lint_unreadable_inputs 0\n"));
}
