//! The 100 real files in `../shared/corpus/real/`: each lints without a panic, the
//! distro and vendor defaults raise no warning or error, and a snapshot of the
//! per-file counts by code makes every change in findings visible in review.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sysctl_lint::{lint_source, Options, Severity};

#[test]
#[cfg_attr(shared_absent, ignore = "../shared is absent")]
fn corpus_counts_by_code() {
    let dir = common::corpus_dir();
    let mut table = String::new();
    for path in common::corpus_files(&dir) {
        let bytes = std::fs::read(&path).expect("read corpus file");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let (_, diags) = lint_source(&name, &bytes, &Options::default());
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for d in &diags {
            *counts
                .entry(format!("{}:{}", d.code, d.severity))
                .or_default() += 1;
        }
        let cells: Vec<String> = counts.iter().map(|(k, v)| format!("{k}={v}")).collect();
        writeln!(table, "{name}: {}", cells.join(" ")).unwrap();
    }
    insta::assert_snapshot!(table);
}

/// Findings on distro defaults that were read and judged right (not false alarms):
/// (file, code, key, why).
const JUDGED_RIGHT: &[(&str, &str, &str, &str)] = &[
    (
        STEAMOS,
        "SL201",
        "kernel.sched_cfs_bandwidth_slice_u",
        "a truncated `sched_cfs_bandwidth_slice_us`: no kernel has this key",
    ),
    (STEAMOS, "SL202", "kernel.sched_latency_ns", MOVED),
    (STEAMOS, "SL202", "kernel.sched_min_granularity_ns", MOVED),
    (
        STEAMOS,
        "SL202",
        "kernel.sched_wakeup_granularity_ns",
        MOVED,
    ),
    (STEAMOS, "SL202", "kernel.sched_migration_cost_ns", MOVED),
    (STEAMOS, "SL202", "kernel.sched_nr_migrate", MOVED),
    (GALLIUM, "SL302", "vm.dirty_background_bytes", ZERO_BYTES),
    (GALLIUM, "SL302", "vm.dirty_bytes", ZERO_BYTES),
];
const GALLIUM: &str = "GalliumOS-unmaintained__procps__debian_sysctl.conf";
const ZERO_BYTES: &str = "0 is below the enforced minimum (1 byte, two pages): vm.rst says lower values are ignored, and the 6.1 source rejects them with EINVAL; `sysctl --system` prints `setting key ... Invalid argument`";
const STEAMOS: &str = "evlaV__jupiter-hw-support__etc_sysctl.d_99-sysctl.conf";
const MOVED: &str = "SteamOS 3 runs kernels >= 5.13, where the SCHED_DEBUG tunables moved to debugfs (ScyllaDB PR 16122 hit the same)";

#[test]
#[cfg_attr(shared_absent, ignore = "../shared is absent")]
fn distro_defaults_have_no_warnings() {
    let dir = common::corpus_dir();
    let categories = common::corpus_categories(&dir);
    let mut alarms = Vec::new();
    for path in common::corpus_files(&dir) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if categories.get(&name).map(String::as_str) != Some("distro-default") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read");
        let (files, diags) = lint_source(&name, &bytes, &Options::default());
        for d in diags.iter().filter(|d| d.severity >= Severity::Warning) {
            let key = d.key.clone().unwrap_or_default();
            if JUDGED_RIGHT
                .iter()
                .any(|(f, c, k, _)| *f == name && *c == d.code && *k == key)
            {
                continue;
            }
            let line = files[0].source.position(d.span.start).0;
            alarms.push(format!(
                "{name}:{line}: {}[{}] {}",
                d.severity, d.code, d.message
            ));
        }
    }
    assert!(
        alarms.is_empty(),
        "warnings or errors on distro defaults:\n{}",
        alarms.join("\n")
    );
}
