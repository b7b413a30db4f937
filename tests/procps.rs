//! Differential test against procps: every line that `sysctl --dry-run -p FILE`
//! reports as `invalid syntax` gets a warning or an error from sysctl-lint.
//! Only `--dry-run` is ever used: nothing is written to /proc/sys.

mod common;

use std::path::{Path, PathBuf};

use sysctl_lint::{lint_source, Options, Severity};

/// The fixtures (`tests/fixtures/*.conf`), sorted.
fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
            .expect("fixtures")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "conf"))
            .collect();
    files.sort();
    files
}

#[test]
fn every_procps_invalid_line_is_flagged() {
    every_invalid_line_is_flagged(&fixtures());
}

/// The same on the real files of `../shared/corpus/real`.
#[test]
#[cfg_attr(shared_absent, ignore = "../shared is absent")]
fn every_procps_invalid_line_in_the_corpus_is_flagged() {
    every_invalid_line_is_flagged(&common::corpus_files(&common::corpus_dir()));
}

fn every_invalid_line_is_flagged(inputs: &[PathBuf]) {
    let Some(sysctl) = common::procps_sysctl() else {
        return;
    };
    let mut missed = Vec::new();
    let mut invalid_seen = 0;
    for file in inputs {
        let lines = common::procps_invalid_lines(&sysctl, file);
        if lines.is_empty() {
            continue;
        }
        let bytes = std::fs::read(file).expect("read");
        let (files, diags) = lint_source("f", &bytes, &Options::default());
        for n in lines {
            invalid_seen += 1;
            // On the line itself, or a line a file-level finding labels (SL117
            // reports a shell script once and labels each command).
            let line_of = |at: usize| files[0].source.position(at).0;
            let flagged = diags.iter().any(|d| {
                d.severity >= Severity::Warning
                    && (line_of(d.span.start) == n
                        || d.labels
                            .iter()
                            .any(|l| l.file == 0 && line_of(l.span.start) == n))
            });
            if !flagged {
                missed.push(format!("{}:{n}", file.display()));
            }
        }
    }
    assert!(
        invalid_seen > 0,
        "procps reported no invalid line at all: is the test reading its output?"
    );
    assert!(
        missed.is_empty(),
        "procps says `invalid syntax`, sysctl-lint is silent:\n{}",
        missed.join("\n")
    );
}
