//! `contrib/ansible/playbook.yml` as the real `ansible-playbook` runs it: against
//! localhost over the local connection (`-c local -i localhost,`), with the binary
//! built here, into a temporary directory. The gathered report, the snapshot and
//! both fleet views (`fleet`, `audit --snapshot`) must exist and parse.
//!
//! ansible-core comes from PyPI (`.ci/run` installs it into a virtual environment
//! and puts it on PATH). Without `ansible-playbook` on PATH the test prints
//! `SKIPPED: <reason>` and passes, unless `SYSCTL_LINT_REQUIRE_ANSIBLE=1` (set by
//! `.ci/run`) makes that a failure.
//!
//! The playbook reads the host's values with `sysctl -a`; here it is given
//! `sysctl --dry-run -a`, the same read-only listing (procps' `--dry-run` only
//! affects writes), because the tests run on shared machines where `sysctl` is
//! only ever run with `--dry-run`.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn parse(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", path.display()))
}

#[test]
fn playbook_gathers_reports_and_builds_the_fleet_views() {
    let version = match Command::new("ansible-playbook").arg("--version").output() {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned(),
        Ok(out) => return skip(&format!("`ansible-playbook --version` failed: {out:?}")),
        Err(e) => {
            return skip(&format!(
                "ansible-playbook is not on PATH ({e}; PyPI: pip install ansible-core)"
            ))
        }
    };
    if !Path::new("/proc/sys/kernel").is_dir() {
        return skip("no /proc/sys here to audit");
    }
    eprintln!("running the playbook with {version}");
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let playbook = Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib/ansible/playbook.yml");
    let extra = serde_json::json!({
        "sysctl_lint_bin": env!("CARGO_BIN_EXE_sysctl-lint"),
        "sysctl_lint_output_dir": out_dir,
        "sysctl_lint_sysctl_argv": ["sysctl", "--dry-run", "-a"],
        // The controller's own Python, not one found on PATH (pyenv shims, ...).
        "ansible_python_interpreter": "{{ ansible_playbook_python }}",
    });
    let out = Command::new("ansible-playbook")
        .args(["-c", "local", "-i", "localhost,"])
        .arg("-e")
        .arg(extra.to_string())
        .arg(&playbook)
        .current_dir(dir.path())
        .env("ANSIBLE_NOCOLOR", "1")
        .env("ANSIBLE_LOCAL_TEMP", dir.path().join("ansible-local"))
        .env("ANSIBLE_REMOTE_TEMP", dir.path().join("ansible-remote"))
        .output()
        .expect("ansible-playbook runs");
    let log =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "ansible-playbook failed:\n{log}");
    assert!(log.contains("failed=0"), "{log}");

    // The host's own report, fetched.
    let report = parse(&out_dir.join("reports/localhost.json"));
    assert_eq!(report["version"], 1);
    assert!(report["host"].is_string(), "{report}");
    assert!(report["values"].is_object(), "{report}");
    // The snapshot, fetched: `key = value` lines.
    let snapshot = fs::read_to_string(out_dir.join("snapshots/localhost.sysctl")).unwrap();
    assert!(
        snapshot
            .lines()
            .any(|l| l.starts_with("kernel.osrelease = ")),
        "{}",
        &snapshot[..snapshot.len().min(500)]
    );
    // The fleet view of the reports: the one host and its findings.
    let fleet = parse(&out_dir.join("fleet.json"));
    assert_eq!(fleet["reports"], 1);
    assert_eq!(fleet["unreadable"], 0);
    assert_eq!(fleet["fleet"]["hosts"][0]["name"], report["host"]);
    let findings = report["diagnostics"].as_array().unwrap().len();
    assert_eq!(
        fleet["fleet"]["findings"].as_array().unwrap().len(),
        findings
    );
    let text = fs::read_to_string(out_dir.join("fleet.txt")).unwrap();
    assert!(
        text.starts_with("Fleet of 1 host, from 1 audit report\n"),
        "{text}"
    );
    // The fleet view of the snapshots.
    let snapshots = parse(&out_dir.join("snapshots-fleet.json"));
    assert_eq!(snapshots["fleet"]["hosts"][0]["name"], "localhost");
    let text = fs::read_to_string(out_dir.join("snapshots-fleet.txt")).unwrap();
    assert!(text.starts_with("Fleet audit of 1 hosts"), "{text}");
    eprintln!(
        "playbook: {} finding(s) in the report, fleet.txt {} lines, snapshot {} keys",
        findings,
        fs::read_to_string(out_dir.join("fleet.txt"))
            .unwrap()
            .lines()
            .count(),
        snapshot.lines().count()
    );
}

fn skip(reason: &str) {
    common::skip("SYSCTL_LINT_REQUIRE_ANSIBLE", reason);
}
