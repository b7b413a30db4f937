//! `--format prometheus`: node_exporter textfile-collector metrics, checked by
//! the real `promtool check metrics` (Debian's `prometheus` package; `.ci/run`
//! installs it) where it is installed, and exactly by a golden snapshot.

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

fn promtool_check(text: &str) {
    let Ok(mut child) = std::process::Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        assert!(
            std::env::var_os("SYSCTL_LINT_REQUIRE_PROMTOOL").is_none(),
            "promtool is required (SYSCTL_LINT_REQUIRE_PROMTOOL) but not installed"
        );
        eprintln!("SKIPPED: promtool is not installed (Debian: apt-get install prometheus)");
        return;
    };
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "promtool check metrics failed:\n{}{}\n{text}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
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
