//! Issue 16: the headline of every finding of SL4xx to SL8xx fits a 100-column
//! terminal. For each fixture (and each file of the real-world corpus when it is
//! on this machine), `check --format json` runs, and for every diagnostic with a
//! code from SL400 to SL899 the first line `severity[CODE name]: message` must
//! be at most 100 display columns, and no message, note or help may print a Rust
//! range (`..=`). `audit` on the drift fixture covers SL801 and SL802.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use sysctl_lint::text::width;

const MAX: usize = 100;
const CORPUS: &str = "/work/shared/corpus/real";

fn bin() -> Command {
    let mut c = Command::cargo_bin("sysctl-lint").expect("binary");
    c.env_remove("NO_COLOR").env("COLUMNS", "100");
    c
}

/// `--kernel`, `--memory` and `--profile` from a fixture's directive lines
/// (`# kernel: 6.1`), as tests/fixtures.rs reads them.
fn directives(text: &str) -> Vec<String> {
    let mut args = Vec::new();
    for name in ["kernel", "memory", "profile"] {
        let prefix = format!("# {name}: ");
        if let Some(v) = text.lines().find_map(|l| {
            l.trim_start_matches('\u{FEFF}')
                .strip_prefix(&prefix)
                .map(str::trim)
        }) {
            args.push(format!("--{name}"));
            args.push(v.to_owned());
        }
    }
    args
}

fn late(code: &str) -> bool {
    code.len() == 5 && code.starts_with("SL") && ("SL400".."SL900").contains(&code)
}

/// The offenders among the diagnostics of one JSON report.
fn offenders(origin: &str, json: &[u8], checked: &mut usize, out: &mut Vec<String>) {
    let report: serde_json::Value =
        serde_json::from_slice(json).unwrap_or_else(|e| panic!("{origin}: not JSON ({e})"));
    let diags = report["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for d in diags {
        let code = d["code"].as_str().unwrap_or_default();
        if !late(code) {
            continue;
        }
        *checked += 1;
        let text = |k: &str| d[k].as_str().unwrap_or_default().to_owned();
        let first = format!(
            "{}[{code} {}]: {}",
            text("severity"),
            text("name"),
            text("message")
        );
        let line = d["line"].as_u64().unwrap_or(0);
        if width(&first) > MAX {
            out.push(format!(
                "{origin}:{line}: {} columns: {first}",
                width(&first)
            ));
        }
        for k in ["message", "note", "help"] {
            if text(k).contains("..=") {
                out.push(format!("{origin}:{line}: `..=` in the {k}: {}", text(k)));
            }
        }
    }
}

fn inputs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/fixtures")
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "conf"))
        .collect();
    if Path::new(CORPUS).is_dir() {
        files.extend(
            std::fs::read_dir(CORPUS)
                .expect("corpus")
                .map(|e| e.expect("entry").path())
                .filter(|p| p.is_file()),
        );
    }
    files.sort();
    files
}

#[test]
fn late_headlines_fit_in_100_columns() {
    let mut checked = 0;
    let mut out = Vec::new();
    for path in inputs() {
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("read")).into_owned();
        let output = bin()
            .args(["check", "--isolated", "--format", "json", "--exit-zero"])
            .args(directives(&text))
            .arg(&path)
            .output()
            .expect("run");
        offenders(
            &path.display().to_string(),
            &output.stdout,
            &mut checked,
            &mut out,
        );
    }
    // SL801 and SL802 come from `audit`.
    let output = bin()
        .args(["audit", "--isolated", "--format", "json", "--exit-zero"])
        .arg("--root")
        .arg("tests/fixtures/audit/root")
        .arg("--proc")
        .arg("tests/fixtures/audit/proc-drift")
        .output()
        .expect("run audit");
    offenders("audit proc-drift", &output.stdout, &mut checked, &mut out);
    assert!(
        checked > 50,
        "too few SL4xx-SL8xx findings checked: {checked}"
    );
    assert!(
        out.is_empty(),
        "{} headline(s) of SL4xx-SL8xx too long or with Rust range syntax:\n{}",
        out.len(),
        out.join("\n")
    );
}
