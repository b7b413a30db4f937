//! `sysctl-lint fleet REPORT...` from the built binary, as a user runs it: each
//! host's `audit --format json` report, then the fleet view of them all, which
//! must say what `audit --snapshot DIR` says of the same hosts' snapshots.

mod common;
use common::promtool_check;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const HOSTS: [(&str, &str, &str, &str, &str); 3] = [
    // host, kernel, somaxconn, tcp_syncookies, ip_forward
    ("web01", "6.8.0-45-generic", "4096", "1", "0"),
    ("web02", "6.8.0-45-generic", "128", "1", "0"),
    ("db01", "6.1.0-25-amd64", "4096", "0", "1"),
];

/// A configuration tree, one `sysctl -a` snapshot per host, and each host's
/// JSON audit report (as `audit` on that host writes it) under `reports/`.
fn fleet_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("root/etc/sysctl.d")).unwrap();
    fs::create_dir_all(d.join("snapshots")).unwrap();
    fs::create_dir_all(d.join("reports")).unwrap();
    fs::write(
        d.join("root/etc/sysctl.d/50-fleet.conf"),
        "net.core.somaxconn = 4096\nnet.ipv4.tcp_syncookies = 1\nnet.ipv4.ip_forward = 0\n",
    )
    .unwrap();
    for (host, kernel, somaxconn, syncookies, forward) in HOSTS {
        fs::write(
            d.join(format!("snapshots/{host}.txt")),
            format!(
                "kernel.osrelease = {kernel}\nkernel.hostname = {host}\nnet.core.somaxconn = {somaxconn}\n\
                 net.ipv4.tcp_syncookies = {syncookies}\nnet.ipv4.ip_forward = {forward}\n"
            ),
        )
        .unwrap();
        let out = sysctl_lint(d)
            .args([
                "audit",
                "--root",
                "root",
                "--format",
                "json",
                "--output-file",
            ])
            .arg(format!("reports/{host}.json"))
            .arg("--snapshot")
            .arg(format!("snapshots/{host}.txt"))
            .output()
            .unwrap();
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "audit of {host}: {out:?}"
        );
    }
    dir
}

fn sysctl_lint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("sysctl-lint").unwrap();
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd.env_remove("SYSCTL_LINT_CONFIG");
    cmd
}

fn json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// (code, key, hosts) of each fleet finding, and (key, [(value, count)]) of each difference.
type View = (
    Vec<(String, String, Vec<String>)>,
    Vec<(String, Vec<(String, u64)>)>,
);

fn view(fleet: &Value) -> View {
    let s = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let findings = fleet["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                s(&f["code"]),
                s(&f["key"]),
                f["hosts"].as_array().unwrap().iter().map(s).collect(),
            )
        })
        .collect();
    let differences = fleet["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                s(&d["key"]),
                d["values"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| (s(&v["value"]), v["count"].as_u64().unwrap()))
                    .collect(),
            )
        })
        .collect();
    (findings, differences)
}

#[test]
fn fleet_of_reports_matches_fleet_of_snapshots() {
    let dir = fleet_dir();
    let d = dir.path();
    let host = json(
        &std::process::Command::new("cat")
            .arg(d.join("reports/web02.json"))
            .output()
            .unwrap(),
    );
    assert_eq!(host["host"], "web02");
    assert_eq!(host["config_files"], 1);
    assert_eq!(host["values"]["net.core.somaxconn"], "128");

    let out = sysctl_lint(d)
        .args(["fleet", "--format", "json", "reports"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let merged = json(&out);
    assert_eq!(merged["reports"], 3);
    assert_eq!(merged["unreadable"], 0);
    assert_eq!(merged["summary"]["hosts"], 3);
    assert_eq!(merged["summary"]["warnings"], 3);

    let out = sysctl_lint(d)
        .args([
            "audit",
            "--root",
            "root",
            "--snapshot",
            "snapshots",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let snapshots = json(&out);
    assert_eq!(view(&merged["fleet"]), view(&snapshots["fleet"]));
    let (findings, differences) = view(&merged["fleet"]);
    let keys: Vec<&str> = differences.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "net.core.somaxconn",
            "net.ipv4.ip_forward",
            "net.ipv4.tcp_syncookies"
        ]
    );
    assert!(findings.contains(&(
        "SL801".to_owned(),
        "net.core.somaxconn".to_owned(),
        vec!["web02".to_owned()]
    )));
}

#[test]
fn human_report_and_exit_codes() {
    let dir = fleet_dir();
    let d = dir.path();
    let out = sysctl_lint(d).args(["fleet", "reports"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "Fleet of 3 hosts, from 3 audit reports",
        "Keys that differ between hosts (3):",
        "  net.core.somaxconn\n    = 4096: db01, web01\n    = 128: web02\n",
        "root/etc/sysctl.d/50-fleet.conf:1: warning[SL801 live-drift]",
        "      hosts: web02\n",
        "Found 0 errors, 3 warnings and 0 infos (2 of 3 hosts have findings).",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
    // --fail-on and --exit-zero as for audit; the rule selection applies.
    for (args, code) in [
        (&["--fail-on", "error"][..], 0),
        (&["--exit-zero"][..], 0),
        (&["--ignore", "SL801"][..], 0),
        (&["--fail-on", "info"][..], 1),
    ] {
        let out = sysctl_lint(d)
            .args(["fleet", "--isolated"])
            .args(args)
            .arg("reports")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
    }
    // Standard input: the host is named by its report.
    let out = sysctl_lint(d)
        .args(["fleet", "--format", "json", "-"])
        .pipe_stdin(d.join("reports/db01.json"))
        .unwrap()
        .output()
        .unwrap();
    assert_eq!(json(&out)["fleet"]["hosts"][0]["name"], "db01");
    // Two reports of one name (a copy): told apart by the input.
    fs::copy(d.join("reports/db01.json"), d.join("db01-again.json")).unwrap();
    let out = sysctl_lint(d)
        .args([
            "fleet",
            "--format",
            "json",
            "reports/db01.json",
            "db01-again.json",
        ])
        .output()
        .unwrap();
    let names: Vec<String> = json(&out)["fleet"]["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["db01", "db01 (db01-again.json)"]);
    // Metrics: the hosts with each finding.
    let out = sysctl_lint(d)
        .args(["fleet", "--format", "prometheus", "reports"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(
        "sysctl_lint_findings{code=\"SL801\",severity=\"warning\",key=\"net.core.somaxconn\"} 1\n"
    ));
    assert!(text.contains("sysctl_lint_fleet_hosts 3\n"));
    promtool_check(&text);
    // One line per finding, then per differing key.
    let out = sysctl_lint(d)
        .args(["fleet", "--format", "short", "reports"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().any(|l| l
            .starts_with("root/etc/sysctl.d/50-fleet.conf:1: warning[SL801] `somaxconn`")
            && l.ends_with(" (1 host: web02)")),
        "{text}"
    );
    assert!(
        text.contains(
            "differs: net.core.somaxconn: `4096` (2 hosts: db01, web01), `128` (1 host: web02)\n"
        ),
        "{text}"
    );
    // Formats a fleet report has no use for are refused.
    let out = sysctl_lint(d)
        .args(["fleet", "--format", "sarif", "reports"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn inputs_that_are_not_audit_reports_fail_the_run_not_the_merge() {
    let dir = fleet_dir();
    let d = dir.path();
    fs::write(
        d.join("reports/truncated.json"),
        "{\"version\": 1, \"host\"",
    )
    .unwrap();
    let check = sysctl_lint(d)
        .args([
            "check",
            "--format",
            "json",
            "root/etc/sysctl.d/50-fleet.conf",
        ])
        .output()
        .unwrap();
    fs::write(d.join("reports/check.json"), &check.stdout).unwrap();
    let out = sysctl_lint(d)
        .args(["fleet", "--format", "json", "--exit-zero", "reports"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let merged = json(&out);
    assert_eq!(merged["reports"], 5);
    assert_eq!(merged["unreadable"], 2);
    let errors: Vec<(&str, &str)> = merged["fleet"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "SL100")
        .map(|f| {
            (
                f["hosts"][0].as_str().unwrap(),
                f["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors
        .iter()
        .any(|(h, m)| *h == "check" && m.contains("is not a sysctl-lint audit report: no `host`")));
    assert!(errors
        .iter()
        .any(|(h, m)| *h == "truncated" && m.contains("invalid JSON")));
    // The three reports are still merged.
    assert_eq!(merged["summary"]["warnings"], 3);
}

/// The likely cause of a drift is in the note, not the headline: hosts with
/// the same drift but different causes are two findings (each with its own
/// note and help), hosts with the same cause one.
#[test]
fn drift_with_different_causes_stays_apart() {
    let dir = fleet_dir();
    let d = dir.path();
    let web02: Value =
        serde_json::from_slice(&fs::read(d.join("reports/web02.json")).unwrap()).unwrap();
    let drift = web02["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .position(|x| x["code"] == "SL801" && x["key"] == "net.core.somaxconn")
        .expect("web02 drifts on somaxconn");
    let runtime = web02["diagnostics"][drift]["note"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(runtime.contains("changed at runtime"), "{runtime}");
    let never = "`net.core.somaxconn` is `128` on the running system, not the configured `4096`: \
                 likely: the configuration was never applied.";
    fs::create_dir_all(d.join("causes")).unwrap();
    for (host, note) in [
        ("a", runtime.as_str()),
        ("b", runtime.as_str()),
        ("c", never),
    ] {
        let mut r = web02.clone();
        r["host"] = Value::from(host);
        r["diagnostics"][drift]["note"] = Value::from(note);
        fs::write(
            d.join(format!("causes/{host}.json")),
            serde_json::to_vec(&r).unwrap(),
        )
        .unwrap();
    }
    let out = sysctl_lint(d)
        .args(["fleet", "--format", "json", "causes"])
        .output()
        .unwrap();
    let merged = json(&out);
    let drifts: Vec<(&str, Vec<&str>)> = merged["fleet"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "SL801" && f["key"] == "net.core.somaxconn")
        .map(|f| {
            (
                f["note"].as_str().unwrap(),
                f["hosts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|h| h.as_str().unwrap())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        drifts,
        // Sorted by note after file, line, code, key and message.
        [(never, vec!["c"]), (runtime.as_str(), vec!["a", "b"])],
        "{merged:#}"
    );
    // The human report shows each finding's note above its help (wide enough
    // not to wrap).
    let out = sysctl_lint(d)
        .args(["fleet", "causes"])
        .env("COLUMNS", "1000")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!("      note: {never}\n      help: ")),
        "{text}"
    );
    assert!(text.contains("      hosts: a, b\n"), "{text}");
}

/// Reports written in Chinese (`audit --lang zh-CN`) give a Chinese fleet view:
/// the findings' messages, notes and helps come from their `message_localized`
/// (JSON keeps the English `message` beside them); an English run shows English.
#[test]
fn fleet_of_chinese_reports_speaks_chinese() {
    let dir = fleet_dir();
    let d = dir.path();
    std::fs::create_dir_all(d.join("reports-zh")).unwrap();
    for (host, ..) in HOSTS {
        let out = sysctl_lint(d)
            .args([
                "--lang", "zh-CN", "audit", "--root", "root", "--format", "json",
            ])
            .args(["--output-file", &format!("reports-zh/{host}.json")])
            .args(["--snapshot", &format!("snapshots/{host}.txt")])
            .output()
            .unwrap();
        assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    }
    let out = sysctl_lint(d)
        .args(["--lang", "zh-CN", "fleet", "--isolated", "reports-zh"])
        .env("COLUMNS", "300")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "root/etc/sysctl.d/50-fleet.conf:1: 警告[SL801 live-drift] `somaxconn` 当前为 `128`，而不是配置的 `4096`\n",
        "      主机: web02\n",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
    // JSON: the English message stays, the Chinese one beside it.
    let out = sysctl_lint(d)
        .args([
            "--lang",
            "zh-CN",
            "fleet",
            "--isolated",
            "--format",
            "json",
            "reports-zh",
        ])
        .output()
        .unwrap();
    let fleet = json(&out);
    let f = &fleet["fleet"]["findings"][0];
    assert!(f["message"].as_str().unwrap().is_ascii(), "{f}");
    assert!(!f["message_localized"].as_str().unwrap().is_ascii(), "{f}");
    // The same reports in an English run: English.
    let out = sysctl_lint(d)
        .args(["--lang", "en", "fleet", "--isolated", "reports-zh"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.is_ascii(), "{text}");
}
