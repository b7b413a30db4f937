//! Helpers shared by the integration tests that read `../shared/` (the corpus and
//! the references next to the repository) or run procps.
//!
//! A test that reads `../shared/` carries
//! `#[cfg_attr(shared_absent, ignore = "../shared is absent")]`: `build.rs` sets
//! `shared_absent` in a clone without it (or when `SYSCTL_LINT_SHARED` names a
//! directory that does not exist), so `cargo test` reports the test as ignored.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `../shared` (or `SYSCTL_LINT_SHARED`), as `build.rs` found it.
pub fn shared_dir() -> PathBuf {
    PathBuf::from(env!("SYSCTL_LINT_SHARED_DIR"))
}

/// A file or directory under `../shared/`. A test that needs it is ignored when
/// `../shared` is absent; run anyway (`--include-ignored`), it fails here.
pub fn shared(path: &str) -> PathBuf {
    let p = shared_dir().join(path);
    assert!(
        p.exists(),
        "{} is absent: the tests that read ../shared are ignored without it \
         (SYSCTL_LINT_SHARED names another directory)",
        p.display()
    );
    p
}

/// `../shared/corpus/real`.
pub fn corpus_dir() -> PathBuf {
    shared("corpus/real")
}

/// The corpus files (not the manifest), sorted by name.
pub fn corpus_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "MANIFEST.tsv"))
        .collect();
    files.sort();
    files
}

/// `file name -> category` from the corpus manifest.
pub fn corpus_categories(dir: &Path) -> std::collections::BTreeMap<String, String> {
    let text = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("manifest");
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            Some((cells.first()?.to_string(), cells.get(3)?.to_string()))
        })
        .collect()
}

/// procps `sysctl`, if installed.
pub fn procps_sysctl() -> Option<PathBuf> {
    for p in [
        "/usr/sbin/sysctl",
        "/sbin/sysctl",
        "/usr/bin/sysctl",
        "/bin/sysctl",
    ] {
        if Path::new(p).is_file() {
            return Some(PathBuf::from(p));
        }
    }
    eprintln!(
        "notice: procps sysctl not found; skipping the differential test (.ci/run installs it)"
    );
    None
}

/// Line numbers that `sysctl --dry-run -p FILE` reports as `FILE(N): invalid syntax`.
/// Only `--dry-run` is ever used: procps then writes nothing to /proc/sys.
pub fn procps_invalid_lines(sysctl: &Path, file: &Path) -> Vec<usize> {
    let out = std::process::Command::new(sysctl)
        .arg("--dry-run")
        .arg("-p")
        .arg(file)
        .output()
        .expect("run sysctl --dry-run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let prefix = format!("sysctl: {}(", file.display());
    stderr
        .lines()
        .filter(|l| l.ends_with("): invalid syntax, continuing..."))
        .filter_map(|l| l.strip_prefix(&prefix)?.split(')').next()?.parse().ok())
        .collect()
}

/// A test that needs a tool which is not installed: fails when CI requires the
/// tool (`require`, e.g. `SYSCTL_LINT_REQUIRE_ANSIBLE=1`), else says `SKIPPED:
/// <reason>` straight to standard error, which the test harness does not
/// capture, so the skip shows in `cargo test`'s output although the test passes.
pub fn skip(require: &str, reason: &str) {
    use std::io::Write;
    if std::env::var_os(require).is_some_and(|v| !v.is_empty() && v != "0") {
        panic!("{require} is set but {reason}");
    }
    let _ = writeln!(std::io::stderr(), "SKIPPED: {reason}");
}

/// The real `promtool check metrics` on `text` (Debian's `prometheus`
/// package; `.ci/run` installs it and sets `SYSCTL_LINT_REQUIRE_PROMTOOL`).
pub fn promtool_check(text: &str) {
    use std::io::Write;
    let Ok(mut child) = std::process::Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        skip(
            "SYSCTL_LINT_REQUIRE_PROMTOOL",
            "promtool is not installed (Debian: apt-get install prometheus)",
        );
        return;
    };
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write to promtool");
    let out = child.wait_with_output().expect("promtool");
    assert!(
        out.status.success(),
        "promtool check metrics failed:\n{}{}\n{text}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `--kernel`, `--memory` and `--profile` from a fixture's directive lines
/// (`# kernel: 6.1`, `# memory: 16G`, `# profile: server`), as tests/fixtures.rs
/// reads them.
pub fn fixture_directives(text: &str) -> Vec<String> {
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

/// The fixtures `SL<family>xx_*.conf` of the rule families in `families`
/// (`'1'..='3'`), sorted by name.
pub fn fixtures_of(families: std::ops::RangeInclusive<char>) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir("tests/fixtures")
        .expect("fixtures dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.ends_with(".conf")
                && n.strip_prefix("SL")
                    .and_then(|r| r.chars().next())
                    .is_some_and(|c| families.contains(&c))
        })
        .collect();
    names.sort();
    names
}

/// `check --lang zh-CN` of a fixture in `format` at 100 columns, with the
/// options its directive lines ask for and `extra` arguments: the report.
pub fn check_fixture_zh(name: &str, format: &str, extra: &[&str]) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    // Bytes, not text: SL109's fixture is not UTF-8 on purpose.
    let bytes = std::fs::read(dir.join(name)).expect("read fixture");
    let text = String::from_utf8_lossy(&bytes);
    let mut c = assert_cmd::Command::cargo_bin("sysctl-lint").expect("binary");
    for v in ["LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"] {
        c.env_remove(v);
    }
    let out = c
        .current_dir(&dir)
        .env("COLUMNS", "100")
        .args(["check", "--isolated", "--lang", "zh-CN", "--color", "never"])
        .args(extra)
        .args(["--format", format])
        .args(fixture_directives(&text))
        .arg(name)
        .output()
        .expect("run");
    String::from_utf8(out.stdout).expect("utf-8")
}
