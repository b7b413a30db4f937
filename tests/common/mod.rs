//! Helpers shared by the integration tests that read `../shared/` (the corpus and
//! the references next to the repository) or run procps.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `../shared/corpus/real`, or `None` (with a notice) in a clone without it.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "notice: {} is absent; skipping the corpus test (it always runs in CI)",
            dir.display()
        );
        None
    }
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
