//! Headlines fit a 100-column terminal: for every finding on the fixtures (and
//! the real corpus, when `../shared` is present) of a code in [`CODES_CHECKED`],
//! the first line `severity[CODE name]: message` is at most 100 display columns,
//! and no message, note or help prints a range as Rust syntax (`1..=4`).

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use sysctl_lint::text::width;

/// The codes whose messages were rewritten for the 100-column budget.
const CODES_CHECKED: &[&str] = &[
    "SL100", "SL101", "SL102", "SL103", "SL104", "SL105", "SL106", "SL107", "SL108", "SL109",
    "SL110", "SL111", "SL112", "SL113", "SL114", "SL115", "SL116", "SL117", "SL201", "SL202",
    "SL203", "SL204", "SL205", "SL206", "SL207", "SL208", "SL209", "SL210", "SL301", "SL302",
    "SL303", "SL304", "SL305", "SL306", "SL307", "SL308", "SL310",
];

const MAX: usize = 100;

fn conf_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// The offending lines among the findings of `file`.
fn offenders(file: &Path) -> Vec<String> {
    let out = Command::cargo_bin("sysctl-lint")
        .unwrap()
        .args(["check", "--format", "json", "--color", "never"])
        .arg(file)
        .output()
        .expect("run sysctl-lint");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{}: no JSON report ({e})", file.display()));
    let mut bad = Vec::new();
    for d in v["diagnostics"].as_array().expect("diagnostics") {
        let code = d["code"].as_str().unwrap_or_default();
        if !CODES_CHECKED.contains(&code) {
            continue;
        }
        let head = format!(
            "{}[{code} {}]: {}",
            d["severity"].as_str().unwrap_or_default(),
            d["name"].as_str().unwrap_or_default(),
            d["message"].as_str().unwrap_or_default()
        );
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        let at = format!("{}:{}", sysctl_lint::text::clip(&name, 40), d["line"]);
        if width(&head) > MAX {
            bad.push(format!("{at}: {} columns: {head}", width(&head)));
        }
        for field in ["message", "note", "help"] {
            if d[field].as_str().is_some_and(|t| t.contains("..=")) {
                bad.push(format!("{at}: `..=` in the {field}: {}", d[field]));
            }
        }
    }
    bad
}

fn assert_fits(files: &[PathBuf]) {
    let bad: Vec<String> = files.iter().flat_map(|f| offenders(f)).collect();
    assert!(
        bad.is_empty(),
        "{} headline(s) over {MAX} columns or with Rust range syntax:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn fixture_headlines_fit() {
    let files: Vec<PathBuf> = conf_files(Path::new("tests/fixtures"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "conf"))
        .collect();
    assert!(files.len() > 50, "fixtures found: {}", files.len());
    assert_fits(&files);
}

/// Long and wide user text in every place a headline quotes it: keys, values,
/// comments, directives, template expressions, interface names, file names.
#[test]
fn long_user_text_is_clipped() {
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
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{}.conf", "long-name-".repeat(20)));
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let missing = dir.path().join(format!("{}/x.conf", "missing-".repeat(20)));
    assert_fits(&[file, missing]);
}

#[test]
#[cfg_attr(shared_absent, ignore = "../shared is absent")]
fn corpus_headlines_fit() {
    assert_fits(&common::corpus_files(&common::corpus_dir()));
}
