//! Autofix (issue 8): golden `--diff` output per fixable rule, the fix fixtures in
//! `tests/fixtures/fix/`, the tuning guide fixed with unsafe fixes, safe writes,
//! and the real corpus (every fix applied: it removes what it claims, leaves the
//! other lines alone, is idempotent, and procps reads no new `invalid syntax`).

mod common;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use sysctl_lint::diagnostic::FixSafety;
use sysctl_lint::fix::{self, FixResult};
use sysctl_lint::{lint_source, Options, Severity};

/// The report the golden snapshots keep: what was fixed, then the diff.
fn report(name: &str, old: &[u8], r: &FixResult) -> String {
    let mut out = String::new();
    for f in &r.fixed {
        writeln!(
            out,
            "fixed {} line {} ({}, pass {}){}",
            f.code,
            f.line,
            f.safety.as_str(),
            f.pass,
            f.key
                .as_deref()
                .map(|k| format!(" `{k}`"))
                .unwrap_or_default()
        )
        .unwrap();
    }
    out.push_str(&fix::unified_diff(name, old, &r.new_bytes));
    out
}

fn fix_file(path: &str, unsafe_fixes: bool) -> (Vec<u8>, FixResult) {
    fix_file_only(path, unsafe_fixes, &[])
}

fn fix_file_only(path: &str, unsafe_fixes: bool, codes: &[&str]) -> (Vec<u8>, FixResult) {
    let bytes = std::fs::read(path).expect("read fixture");
    let name = Path::new(path).file_name().unwrap().to_string_lossy();
    let r = fix::fix_source_only(&name, &bytes, &Options::default(), unsafe_fixes, codes);
    (bytes, r)
}

/// Rules with a fix, their fixture and whether the fix is unsafe.
const FIXABLE: &[(&str, bool)] = &[
    ("SL101_missing_equals.conf", true),
    ("SL104_double_equals.conf", false),
    ("SL105_shell_command.conf", false),
    ("SL106_quoted_value.conf", true),
    ("SL107_byte_order_mark.conf", false),
    ("SL110_semicolon_comment.conf", false),
    ("SL111_whitespace_in_key.conf", false),
    ("SL201_unknown_key.conf", false),
    ("SL202_removed_key.conf", true),
    ("SL303_extra_values.conf", false),
    ("SL305_inline_comment.conf", false),
    ("SL401_duplicate_key.conf", true),
    ("SL402_redundant_duplicate.conf", false),
    ("SL510_port_range_rejected.conf", true),
    ("SL530_ip_forward_resets_conf.conf", true),
];

#[test]
fn golden_diffs_per_rule() {
    for &(file, unsafe_fixes) in FIXABLE {
        // Only the rule's own fixes, so that the diff shows just them.
        let code = &file[..5];
        let (old, r) = fix_file_only(&format!("tests/fixtures/{file}"), unsafe_fixes, &[code]);
        assert!(
            !r.fixed.is_empty() && r.fixed.iter().all(|f| f.code == code),
            "{file}: {:?}",
            r.fixed
        );
        let name = file.trim_end_matches(".conf");
        insta::assert_snapshot!(name, report(file, &old, &r));
    }
}

#[test]
fn fix_fixtures() {
    for file in [
        "crlf.conf",
        "invalid_utf8.conf",
        "chain.conf",
        "forwarding.conf",
        "passes.conf",
    ] {
        let path = format!("tests/fixtures/fix/{file}");
        let (old, r) = fix_file(&path, true);
        let name = format!("fix_{}", file.trim_end_matches(".conf"));
        insta::assert_snapshot!(name, report(file, &old, &r));
        assert_idempotent(file, &r);
    }
}

#[test]
fn crlf_stays_crlf() {
    let (_, r) = fix_file("tests/fixtures/fix/crlf.conf", false);
    let text = String::from_utf8(r.new_bytes.clone()).unwrap();
    assert!(!r.fixed.is_empty());
    // Every line ending is CRLF (the file's last line has none).
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    assert!(text.contains("#max buffer\r\nnet.core.rmem_max = 16777216\r\n"));
}

#[test]
fn invalid_utf8_lines_are_kept_byte_for_byte() {
    let (old, r) = fix_file("tests/fixtures/fix/invalid_utf8.conf", true);
    let new = &r.new_bytes;
    // The typo line (valid UTF-8) is fixed, the repeated line with invalid UTF-8
    // is deleted whole, and the other invalid lines are not touched.
    assert!(contains(new, b"net.ipv4.tcp_timestamps = 1\n"));
    assert!(contains(new, b"# invalid UTF-8 (\xff) is kept"));
    assert!(contains(new, b"net.core.wmem_max = 16777216 #\xe9crit\n"));
    assert!(contains(new, b"kernel.hostname = caf\xe9 # c\n"));
    let count = |b: &[u8]| b.windows(6).filter(|w| w == b"\xe9crit\n").count();
    assert_eq!((count(&old), count(new)), (2, 1));
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn assert_idempotent(name: &str, r: &FixResult) {
    let again = fix::fix_source(name, &r.new_bytes, &Options::default(), true);
    assert_eq!(
        again.new_bytes, r.new_bytes,
        "{name}: a second run changed the file"
    );
    assert!(again.fixed.is_empty(), "{name}: {:?}", again.fixed);
}

#[test]
fn safe_fixes_leave_unsafe_ones() {
    let (old, r) = fix_file("tests/fixtures/tuning-guide.conf", false);
    assert!(r.fixed.iter().all(|f| f.safety == FixSafety::Safe));
    assert!(r
        .remaining
        .iter()
        .any(|d| d.code == "SL202" && d.fix() == Some(FixSafety::Unsafe)));
    insta::assert_snapshot!("tuning_guide_safe", report("tuning-guide.conf", &old, &r));
}

/// The tuning guide with `--unsafe-fixes` lints clean of errors. `tcp_mem`'s
/// thresholds are sorted (an unsafe fix: which number was mistyped is a guess), so
/// SL602 (page counts that look like bytes) still warns about it.
#[test]
fn tuning_guide_with_unsafe_fixes() {
    let (old, r) = fix_file("tests/fixtures/tuning-guide.conf", true);
    insta::assert_snapshot!("tuning_guide_unsafe", report("tuning-guide.conf", &old, &r));
    let errors: Vec<String> = r
        .remaining
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}", d.code, d.key.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    assert_idempotent("tuning-guide.conf", &r);
}

#[test]
fn diff_applies_with_git_and_patch() {
    let (old, r) = fix_file("tests/fixtures/tuning-guide.conf", true);
    let diff = fix::unified_diff_bytes("tuning-guide.conf", &old, &r.new_bytes);
    for tool in [&["git", "apply", "-p1"][..], &["patch", "-s", "-p1"][..]] {
        let available = Command::new(tool[0]).arg("--version").output().is_ok();
        if !available {
            eprintln!("notice: {} not found; skipping", tool[0]);
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("tuning-guide.conf"), &old).unwrap();
        std::fs::write(dir.path().join("fix.patch"), &diff).unwrap();
        let mut cmd = Command::new(tool[0]);
        cmd.args(&tool[1..]).current_dir(dir.path());
        if tool[0] == "git" {
            cmd.arg("fix.patch");
        } else {
            cmd.args(["-i", "fix.patch"]);
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{tool:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let patched = std::fs::read(dir.path().join("tuning-guide.conf")).unwrap();
        assert_eq!(patched, r.new_bytes, "{tool:?}");
    }
}

#[test]
fn write_atomic_keeps_link_mode_and_contents() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.conf");
    std::fs::write(&target, b"old\n").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.conf");
    symlink("real.conf", &link).unwrap();
    fix::write_atomic(&link, b"new\n").unwrap();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read(&target).unwrap(), b"new\n");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o640);
    let names: BTreeSet<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        BTreeSet::from(["link.conf".into(), "real.conf".into()])
    );
}

/// A write that cannot happen leaves the original intact. A read-only directory
/// does not stop root (CAP_DAC_OVERRIDE), so the failing directories are ones
/// nobody can create files in: a directory of procfs (`/proc/self/`, where even
/// root gets EACCES/ENOENT creating a file) for a real file that exists, and a
/// path whose parent is a regular file (ENOTDIR). A read-only directory is
/// tested too when not running as root. (The failure between writing the
/// temporary file and the rename is covered by a unit test in `src/fix.rs`.)
#[test]
fn write_atomic_failure_leaves_the_original() {
    use std::os::unix::fs::PermissionsExt;
    // procfs: the target exists and is readable; no temporary file can be made.
    let status = Path::new("/proc/self/status");
    if status.exists() {
        assert!(fix::write_atomic(status, b"x").is_err());
        let now = std::fs::read_to_string(status).unwrap();
        assert!(now.starts_with("Name:"), "procfs file unchanged");
    }
    // Parent is a regular file.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain");
    std::fs::write(&file, b"keep\n").unwrap();
    assert!(fix::write_atomic(&file.join("x.conf"), b"x").is_err());
    assert_eq!(std::fs::read(&file).unwrap(), b"keep\n");
    // Read-only directory (only meaningful when not root).
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    let conf = ro.join("a.conf");
    std::fs::write(&conf, b"old\n").unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let root = std::fs::File::create(ro.join("probe")).is_ok();
    if !root {
        assert!(fix::write_atomic(&conf, b"new\n").is_err());
        assert_eq!(std::fs::read(&conf).unwrap(), b"old\n");
        assert_eq!(
            std::fs::read_dir(&ro).unwrap().count(),
            1,
            "no temporary file left"
        );
    } else {
        eprintln!("notice: running as root: a read-only directory does not stop the write");
    }
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// How many lines `sysctl --dry-run -p FILE` reports as `invalid syntax`.
fn invalid_syntax_lines(sysctl: &Path, file: &Path) -> usize {
    common::procps_invalid_lines(sysctl, file).len()
}

/// 0-based lines of `old` that the diff to `new` deletes or changes.
fn changed_lines(old: &[u8], new: &[u8]) -> BTreeSet<usize> {
    let diff = String::from_utf8_lossy(&fix::unified_diff_bytes("f", old, new)).into_owned();
    let mut out = BTreeSet::new();
    let mut line = 0usize;
    for l in diff.lines().skip(2) {
        if let Some(h) = l.strip_prefix("@@ -") {
            let start: usize = h.split([',', ' ']).next().unwrap().parse().unwrap();
            line = start.saturating_sub(1);
            let len: usize = h.split([',', ' ']).nth(1).unwrap().parse().unwrap();
            if len == 0 {
                line = start;
            }
        } else if l.starts_with('-') {
            out.insert(line);
            line += 1;
        } else if l.starts_with(' ') {
            line += 1;
        }
    }
    out
}

#[test]
#[cfg_attr(shared_absent, ignore = "../shared is absent")]
fn corpus_fixes() {
    let dir = common::corpus_dir();
    let sysctl = common::procps_sysctl();
    let work = tempfile::tempdir().unwrap();
    let options = Options::default();
    let mut summary = String::new();
    let mut total = 0usize;
    for path in common::corpus_files(&dir) {
        let old = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let r = fix::fix_source(&name, &old, &options, true);
        total += r.fixed.len();

        // 1. The fix removes what it claims: no finding with the same code and key
        //    that still has a fix (a finding the fixer could not fix stays, e.g. on
        //    a line with invalid UTF-8), and none of a fixed (code, key) for codes
        //    whose fix removes the whole finding class of the line.
        let (files, _) = lint_source(&name, &r.new_bytes, &options);
        let has_invalid = !files[0].source.invalid_utf8.is_empty();
        for d in &r.remaining {
            if d.fix().is_some() {
                assert!(
                    has_invalid,
                    "{name}: {} line {} still has a fix after fixing",
                    d.code,
                    files[0].source.position(d.span.start).0
                );
            }
        }
        for f in &r.fixed {
            if matches!(f.code, "SL510" | "SL530" | "SL401") {
                continue; // another finding of the key may remain (other cause)
            }
            assert!(
                !r.remaining
                    .iter()
                    .any(|d| d.code == f.code && d.key == f.key && f.key.is_some()),
                "{name}: {} `{:?}` fixed but still reported",
                f.code,
                f.key
            );
        }

        // 2. Untouched lines are byte-identical: every original line the diff
        //    deletes or changes had a fixable finding or an edit on it (in the
        //    original lint), or is an assignment of a key some fix was about.
        let (ofiles, odiags) = lint_source(&name, &old, &options);
        let src = &ofiles[0].source;
        let mut touched = BTreeSet::new();
        for d in odiags.iter().filter(|d| d.fix().is_some()) {
            for e in &d.edits {
                let first = src.line_index(e.range.start);
                let last = src.line_index(e.range.end.saturating_sub(1).max(e.range.start));
                touched.extend(first..=last);
            }
        }
        let fixed_keys: BTreeSet<String> = r
            .fixed
            .iter()
            .filter_map(|f| f.key.clone())
            .chain(odiags.iter().filter(|d| d.fix().is_some()).filter_map(|d| {
                d.help
                    .as_ref()
                    .and_then(|h| h.split('`').nth(1).map(str::to_owned))
            }))
            .collect();
        for s in &ofiles[0].settings {
            if s.dotted_key().is_some_and(|k| fixed_keys.contains(&k)) {
                touched.insert(s.line());
            }
        }
        for line in changed_lines(&old, &r.new_bytes) {
            assert!(
                touched.contains(&line),
                "{name}: line {} changed without a fix on it",
                line + 1
            );
        }

        // 3. A second run is a no-op.
        let again = fix::fix_source(&name, &r.new_bytes, &options, true);
        assert_eq!(
            again.new_bytes, r.new_bytes,
            "{name}: second run changed it"
        );

        // 4. procps reads no new `invalid syntax` line.
        if let Some(sysctl) = &sysctl {
            let before = work.path().join(format!("old-{name}"));
            let after = work.path().join(format!("new-{name}"));
            std::fs::write(&before, &old).unwrap();
            std::fs::write(&after, &r.new_bytes).unwrap();
            let (b, a) = (
                invalid_syntax_lines(sysctl, &before),
                invalid_syntax_lines(sysctl, &after),
            );
            assert!(a <= b, "{name}: invalid syntax lines {b} -> {a}");
        }
        if !r.fixed.is_empty() {
            let codes: BTreeSet<&str> = r.fixed.iter().map(|f| f.code).collect();
            writeln!(
                summary,
                "{name}: {} fixes ({})",
                r.fixed.len(),
                codes.into_iter().collect::<Vec<_>>().join(" ")
            )
            .unwrap();
        }
    }
    eprintln!("{summary}corpus: {total} fixes applied");
    assert!(total > 0);
}

#[test]
fn unclear_rewrites_are_not_fixed() {
    // Quotes left by a shell command, an ambiguous typo: the finding stays, no fix.
    let src = b"sysctl -w \"net.ipv4.ip_forward=1\"\nsysctl -w net.ipv4.ip_forward=1\n";
    let r = fix::fix_source("q.conf", src, &Options::default(), true);
    assert_eq!(
        r.new_bytes,
        b"sysctl -w \"net.ipv4.ip_forward=1\"\nnet.ipv4.ip_forward = 1\n"
    );
    assert!(r
        .remaining
        .iter()
        .any(|d| d.code == "SL105" && d.fix().is_none()));
}

/// A finding an inline directive suppresses, or the configuration ignores, is not
/// fixed (found by the language server's tests).
#[test]
fn suppressed_and_ignored_findings_are_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.conf");
    let text = "# sysctl-lint: disable=SL305 -- kept on purpose\nnet.core.rmem_max = 16777216 #one\nnet.core.wmem_max = 16777216 #two\n";
    std::fs::write(&path, text).unwrap();
    let out = assert_cmd::Command::cargo_bin("sysctl-lint")
        .unwrap()
        .args(["check", "--isolated", "--diff"])
        .arg(&path)
        .output()
        .unwrap();
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(!diff.contains("-net.core.rmem_max"), "{diff}");
    assert!(
        diff.contains("-net.core.wmem_max = 16777216 #two"),
        "{diff}"
    );
    let out = assert_cmd::Command::cargo_bin("sysctl-lint")
        .unwrap()
        .args(["check", "--isolated", "--diff", "--ignore", "SL305"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "");
}

/// Under --root, the findings an override drop-in handles are reported as fixed,
/// not as remaining on the package file.
#[test]
fn findings_handled_by_an_override_are_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path().join("usr/lib/sysctl.d");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("50-x.conf"), "net.core.rmem_max = 16777216 #big\n").unwrap();
    let run = |extra: &[&str]| {
        assert_cmd::Command::cargo_bin("sysctl-lint")
            .unwrap()
            .args(["check", "--isolated", "--format", "short", "--root"])
            .arg(dir.path())
            .args(extra)
            .output()
            .unwrap()
    };
    let before = String::from_utf8(run(&[]).stdout).unwrap();
    assert!(
        before.contains("50-x.conf:1:30: warning[SL305]"),
        "{before}"
    );
    // --diff shows the drop-in --fix would create (and leaves the package file).
    let diff = String::from_utf8(run(&["--diff"]).stdout).unwrap();
    assert!(
        diff.starts_with("--- /dev/null\n+++ b/etc/sysctl.d/50-x.sysctl-lint.conf\n"),
        "{diff}"
    );
    assert!(!diff.contains("a/usr/lib"), "{diff}");
    let out = run(&["--fix"]);
    let after = String::from_utf8(out.stdout).unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("wrote the override /etc/sysctl.d/50-x.sysctl-lint.conf"),
        "{err}"
    );
    assert!(err.contains("fixed 1 finding"), "{err}");
    assert!(!after.contains("[SL305]"), "{after}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("etc/sysctl.d/50-x.sysctl-lint.conf"))
            .unwrap()
            .lines()
            .last(),
        Some("net.core.rmem_max = 16777216")
    );
}
