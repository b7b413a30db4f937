//! Issue 16: headlines fit a 100-column terminal. For every finding of every
//! code (all of [`sysctl_lint::rules::docs`], no list kept here) the first line
//! `severity[CODE name]: message` is at most 100 display columns, and no
//! message, note or help prints a range as Rust syntax (`1..=4`).
//!
//! The inputs: each fixture (with its `# kernel:`, `# memory:` and `# profile:`
//! directives), a file of long and wide user text in every place a headline
//! quotes it plus a missing file (SL100), `audit` on the drift fixture (SL801,
//! SL802), and the real corpus when `../shared` is present. Every code with a
//! fixture of its own (`tests/fixtures/SLNNN_*.conf`) must have been checked.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use sysctl_lint::text::width;

const MAX: usize = 100;

/// What the findings checked so far were found wanting, and their codes.
#[derive(Default)]
struct Checked {
    codes: BTreeSet<String>,
    findings: usize,
    offenders: Vec<String>,
}

impl Checked {
    /// Check the diagnostics of one JSON report (`origin` names it in a failure).
    fn report(&mut self, origin: &str, json: &[u8]) {
        let report: serde_json::Value = serde_json::from_slice(json)
            .unwrap_or_else(|e| panic!("{origin}: no JSON report ({e})"));
        let known: BTreeSet<&str> = sysctl_lint::rules::docs().iter().map(|d| d.code).collect();
        for d in report["diagnostics"].as_array().expect("diagnostics") {
            let text = |k: &str| d[k].as_str().unwrap_or_default();
            let code = text("code");
            let at = format!("{origin}:{}", d["line"]);
            assert!(known.contains(code), "{at}: undocumented code {code}");
            self.codes.insert(code.to_owned());
            self.findings += 1;
            let head = format!(
                "{}[{code} {}]: {}",
                text("severity"),
                text("name"),
                text("message")
            );
            if width(&head) > MAX {
                self.offenders
                    .push(format!("{at}: {} columns: {head}", width(&head)));
            }
            for k in ["message", "note", "help"] {
                if text(k).contains("..=") {
                    self.offenders
                        .push(format!("{at}: `..=` in the {k}: {}", text(k)));
                }
            }
        }
    }

    /// `check` on each file, with the options of its directive lines.
    fn check_files(&mut self, files: &[PathBuf]) {
        for path in files {
            let text = std::fs::read(path)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            let out = bin()
                .args(["check", "--isolated", "--format", "json", "--exit-zero"])
                .args(common::fixture_directives(&text))
                .arg(path)
                .output()
                .expect("run sysctl-lint");
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            self.report(&sysctl_lint::text::clip(&name, 40), &out.stdout);
        }
    }

    fn assert_fit(&self) {
        assert!(
            self.offenders.is_empty(),
            "{} headline(s) over {MAX} columns or with Rust range syntax:\n{}",
            self.offenders.len(),
            self.offenders.join("\n")
        );
    }
}

fn bin() -> Command {
    let mut c = Command::cargo_bin("sysctl-lint").expect("binary");
    c.env_remove("SYSCTL_LINT_CONFIG");
    c
}

fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/fixtures")
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "conf"))
        .collect();
    files.sort();
    files
}

/// Long and wide user text in every place a headline quotes it: keys, values,
/// comments, directives, template expressions, interface names, file names.
fn long_user_text(dir: &Path) -> Vec<PathBuf> {
    let long = "x".repeat(150);
    let wide = "最大".repeat(60);
    let lines = [
        format!("net.ipv4.{long} = 1"),
        format!("net.ipv4.tcp_{long}"),
        format!("net.{long}.tcp_timestamps = 1"),
        format!("{long} = 1"),
        format!("net.ipv4.conf.eth0.{long}.rp_filter = 1"),
        format!("net.ipv4.conf.{long}.rp_filter = 1"),
        format!("net.ipv4.conf.{{{{ {long} }}}}.rp_filter = 1"),
        format!("net.ipv4 .tcp_{long} = 1"),
        format!("-  net.ipv4.{long} = 1"),
        format!("net.ipv4..{long} = 1"),
        format!("net.ipv4.tcp_syncookies == {long}"),
        format!("kernel.domainname = \"{wide}\""),
        format!("net.ipv4.tcp_syncookies = \"{long}\""),
        format!("net.core.rmem_max = 16777216 #{wide}"),
        format!("net.ipv4.tcp_congestion_control = cubic # {long}"),
        format!("net.ipv4.ip_local_reserved_ports = {long}"),
        format!("net.ipv4.tcp_keepalive_time = {long}"),
        format!("net.ipv4.tcp_keepalive_time = 9{}", "9".repeat(80)),
        format!("vm.swappiness = 1{}", "0".repeat(30)),
        format!("net.ipv4.tcp_keepalive_time = 1 {long}"),
        format!("net.ipv4.tcp_fin_timeout = -9{}", "9".repeat(15)),
        format!("net.ipv4.tcp_rmem = 4096{}", " 8".repeat(60)),
        format!("sysctl -w {long}=1"),
        format!("kernel.domainname = a # sysctl-lint: disable=SL201 {long}"),
        format!("# sysctl-lint: {long}=SL201"),
        format!("# sysctl-lint: disable=SL201,{long}"),
        format!("# {wide}\u{1}"),
        format!("kernel.domainname = {long}\u{7}"),
        format!("net.ipv4.tcp_syncookies = 1 \\{long}\\"),
        format!("net.ipv6.conf.{long}.accept_ra = 2"),
        format!("net.ipv4.tcp_timestamps = 1 {long}"),
    ];
    let file = dir.join(format!("{}.conf", "long-name-".repeat(20)));
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let missing = dir.join(format!("{}/x.conf", "missing-".repeat(20)));
    vec![file, missing]
}

/// The fixtures, long user text and the audit drift fixture: every code with a
/// fixture of its own is among the codes checked.
#[test]
fn headlines_fit_for_every_code() {
    let mut checked = Checked::default();
    checked.check_files(&fixtures());
    let dir = tempfile::tempdir().unwrap();
    checked.check_files(&long_user_text(dir.path()));
    let out = bin()
        .args(["audit", "--isolated", "--format", "json", "--exit-zero"])
        .args(["--root", "tests/fixtures/audit/root"])
        .args(["--proc", "tests/fixtures/audit/proc-drift"])
        .output()
        .expect("run audit");
    checked.report("audit proc-drift", &out.stdout);
    checked.assert_fit();
    let unchecked: Vec<&str> = sysctl_lint::rules::docs()
        .iter()
        .map(|d| d.code)
        .filter(|code| !checked.codes.contains(*code))
        .filter(|code| {
            fixtures().iter().any(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{code}_")))
            })
        })
        .collect();
    assert!(
        unchecked.is_empty(),
        "codes with a fixture but no finding checked: {unchecked:?}"
    );
    assert!(
        checked.codes.contains("SL100") && checked.codes.contains("SL801"),
        "{:?}",
        checked.codes
    );
}

#[test]
#[cfg_attr(shared_absent, ignore = "../shared is absent")]
fn corpus_headlines_fit() {
    let mut checked = Checked::default();
    checked.check_files(&common::corpus_files(&common::corpus_dir()));
    assert!(checked.findings > 0);
    checked.assert_fit();
}
