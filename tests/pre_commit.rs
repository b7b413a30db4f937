//! The pre-commit hooks of `.pre-commit-hooks.yaml` as the real pre-commit runs
//! them (issue 14, part 6).
//!
//! A throw-away hook repository holds this checkout's `.pre-commit-hooks.yaml`; a
//! throw-away configuration repository holds 20 sysctl.d files whose findings
//! depend on each other (one key overridden from file to file, `tcp_tw_reuse` in one
//! file made useless by `tcp_timestamps = 0` in another) and a
//! `.pre-commit-config.yaml` that uses both hooks with `language: unsupported`
//! (`system` before pre-commit 4.4), so pre-commit runs the binary built here instead
//! of building one. `pre-commit run --all-files` must print, for each hook, exactly
//! what `sysctl-lint check` prints when run directly on the same files (the file
//! hook) or on the same tree (`--root .`, the system hook): findings in boot order,
//! one summary.
//!
//! pre-commit comes from PyPI, installed with pip into a virtual environment under
//! `target/tmp` (kept between runs). Without python3's venv or PyPI the test prints
//! `SKIPPED: <reason>` and passes, unless `SYSCTL_LINT_REQUIRE_PRE_COMMIT=1` (set by
//! `.ci/run`) makes that a failure. `SYSCTL_LINT_BIN` runs the hooks with another
//! build of the binary.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GIT_ENV: [&str; 4] = [
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
];

fn manifest() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"))
        .expect(".pre-commit-hooks.yaml")
}

/// `key: value` lines of the hook whose `id` is `id` (the manifest is a flat list
/// of maps with one-line values).
fn hook_fields(manifest: &str, id: &str) -> Vec<(String, String)> {
    let mut hooks: Vec<Vec<(String, String)>> = Vec::new();
    for line in manifest.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("- ") {
            hooks.push(Vec::new());
            push_field(hooks.last_mut().unwrap(), rest);
        } else if let Some(hook) = hooks.last_mut() {
            push_field(hook, line.trim_start());
        }
    }
    hooks
        .into_iter()
        .find(|h| h.iter().any(|(k, v)| k == "id" && v == id))
        .unwrap_or_else(|| panic!("no hook `{id}` in .pre-commit-hooks.yaml"))
}

fn push_field(hook: &mut Vec<(String, String)>, line: &str) {
    let (k, v) = line.split_once(':').expect("key: value");
    hook.push((k.trim().to_owned(), v.trim().to_owned()));
}

fn field<'a>(hook: &'a [(String, String)], key: &str) -> Option<&'a str> {
    hook.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// The manifest itself: the file hook runs once on all files, in pre-commit's
/// order; the system hook checks the tree, not the file names.
#[test]
fn manifest_has_serial_file_hook_and_system_hook() {
    let m = manifest();
    let file = hook_fields(&m, "sysctl-lint");
    assert_eq!(field(&file, "entry"), Some("sysctl-lint check"));
    assert_eq!(field(&file, "require_serial"), Some("true"));
    assert_eq!(field(&file, "pass_filenames"), None);
    let system = hook_fields(&m, "sysctl-lint-system");
    assert_eq!(field(&system, "entry"), Some("sysctl-lint check"));
    assert_eq!(field(&system, "args"), Some("[--root, .]"));
    assert_eq!(field(&system, "pass_filenames"), Some("false"));
    assert_eq!(field(&system, "files"), field(&file, "files"));
    for hook in [&file, &system] {
        assert_eq!(field(hook, "language"), Some("rust"));
    }
}

fn run(cmd: &mut Command) -> Output {
    for v in GIT_ENV {
        cmd.env_remove(v);
    }
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

fn tail(out: &Output) -> String {
    let text =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(5)..].join("\n")
}

/// pre-commit in a virtual environment under target/tmp, installed from PyPI on
/// first use; `None` (after a notice) when that is not possible here.
fn pre_commit() -> Option<(PathBuf, String)> {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-venv");
    let exe = venv.join("bin/pre-commit");
    let version = |exe: &Path| -> Option<String> {
        let out = Command::new(exe).arg("--version").output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    };
    if let Some(v) = version(&exe) {
        return Some((exe, v));
    }
    let _ = fs::remove_dir_all(&venv);
    match Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .output()
    {
        Err(e) => {
            skip(&format!("python3 is not available ({e})"));
            return None;
        }
        Ok(out) if !out.status.success() => {
            skip(&format!("`python3 -m venv` failed: {}", tail(&out)));
            return None;
        }
        Ok(_) => {}
    }
    let out = run(Command::new(venv.join("bin/pip")).args([
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--timeout",
        "30",
        "pre-commit",
    ]));
    if !out.status.success() {
        let _ = fs::remove_dir_all(&venv);
        skip(&format!(
            "`pip install pre-commit` failed (is PyPI reachable?): {}",
            tail(&out)
        ));
        return None;
    }
    match version(&exe) {
        Some(v) => Some((exe, v)),
        None => {
            skip("pre-commit was installed but does not run");
            None
        }
    }
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = run(Command::new("git")
        .args([
            "-c",
            "user.name=sysctl-lint test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir));
    assert!(out.status.success(), "git {args:?}: {}", tail(&out));
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The binary under test, as `sysctl-lint` in a directory of its own (for PATH).
fn bin_dir(tmp: &Path) -> PathBuf {
    let bin = std::env::var_os("SYSCTL_LINT_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_sysctl-lint")));
    let dir = tmp.join("bin");
    fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink(
        fs::canonicalize(&bin).expect("binary"),
        dir.join("sysctl-lint"),
    )
    .unwrap();
    dir
}

/// File NN sets `net.core.somaxconn = NN*100`: each later file overrides the one
/// before, so boot order shows as rising values. File 07 turns timestamps off and
/// file 12 asks for tw_reuse, which needs them: a warning that only a run seeing
/// both files gives.
fn config_repo(dir: &Path, hooks_repo: &Path, rev: &str, language: &str) {
    fs::create_dir_all(dir.join("etc/sysctl.d")).unwrap();
    for n in 1..=20 {
        let mut text = format!("# drop-in {n:02}\nnet.core.somaxconn = {}\n", n * 100);
        match n {
            7 => text.push_str("net.ipv4.tcp_timestamps = 0\n"),
            12 => text.push_str("net.ipv4.tcp_tw_reuse = 1\n"),
            _ => {}
        }
        fs::write(dir.join(format!("etc/sysctl.d/{n:02}-tuning.conf")), text).unwrap();
    }
    fs::write(dir.join("README.md"), "sysctl settings of the fleet\n").unwrap();
    let config = [
        "repos:".to_owned(),
        format!("- repo: {}", hooks_repo.display()),
        format!("  rev: {rev}"),
        "  hooks:".to_owned(),
        "  - id: sysctl-lint".to_owned(),
        format!("    language: {language}"),
        "  - id: sysctl-lint-system".to_owned(),
        format!("    language: {language}"),
    ];
    fs::write(
        dir.join(".pre-commit-config.yaml"),
        config.join("\n") + "\n",
    )
    .unwrap();
    git(dir, &["init", "-q"]);
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "fleet sysctl settings"]);
}

/// One hook's part of `pre-commit run` output.
#[derive(Debug)]
struct HookRun {
    status: String,
    id: String,
    exit: Option<i32>,
    output: String,
}

/// Split pre-commit's report: a status line (`name....Failed`), `- hook id: ID`,
/// `- exit code: N`, a blank line, the hook's output (trimmed), a blank line.
fn parse_runs(report: &str) -> Vec<HookRun> {
    let status_line =
        regex::Regex::new(r"^.+?\.{3,}(?:\(no files to check\))?(Passed|Failed|Skipped)$").unwrap();
    let mut parts: Vec<(String, Vec<&str>)> = Vec::new();
    for line in report.lines() {
        if let Some(c) = status_line.captures(line) {
            parts.push((c[1].to_owned(), Vec::new()));
        } else if let Some((_, body)) = parts.last_mut() {
            body.push(line);
        }
    }
    parts
        .into_iter()
        .map(|(status, body)| {
            let mut run = HookRun {
                status,
                id: String::new(),
                exit: None,
                output: String::new(),
            };
            let details = body.iter().take_while(|l| l.starts_with("- ")).count();
            for l in &body[..details] {
                if let Some(id) = l.strip_prefix("- hook id: ") {
                    run.id = id.to_owned();
                } else if let Some(code) = l.strip_prefix("- exit code: ") {
                    run.exit = code.parse().ok();
                }
            }
            run.output = body[details..].join("\n").trim().to_owned();
            run
        })
        .collect()
}

/// The `somaxconn` values of the override findings, in output order.
fn override_chain(output: &str) -> Vec<(u32, u32)> {
    let re = regex::Regex::new(r"`somaxconn = (\d+)` overrides `(\d+)`").unwrap();
    re.captures_iter(output)
        .map(|c| (c[1].parse().unwrap(), c[2].parse().unwrap()))
        .collect()
}

fn direct(bin_dir: &Path, repo: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = run(Command::new(bin_dir.join("sysctl-lint"))
        .args(args)
        .current_dir(repo)
        .env("NO_COLOR", "1"));
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code(), text.trim().to_owned())
}

#[test]
fn hooks_under_pre_commit_report_in_boot_order_with_one_summary() {
    let Some((pre_commit, version)) = pre_commit() else {
        return;
    };
    eprintln!("pre-commit under test: {version}");
    // pre-commit 4.4 renamed the language that runs `entry` as it is.
    let language = match version
        .split_whitespace()
        .nth(1)
        .and_then(|v| semver::Version::parse(v).ok())
    {
        Some(v) if v < semver::Version::new(4, 4, 0) => "system",
        _ => "unsupported",
    };

    let tmp = tempfile::tempdir().expect("tempdir");
    let bin_dir = bin_dir(tmp.path());
    let hooks_repo = tmp.path().join("hooks");
    fs::create_dir_all(&hooks_repo).unwrap();
    fs::write(hooks_repo.join(".pre-commit-hooks.yaml"), manifest()).unwrap();
    git(&hooks_repo, &["init", "-q"]);
    git(&hooks_repo, &["add", "."]);
    git(&hooks_repo, &["commit", "-q", "-m", "hooks"]);
    let rev = git(&hooks_repo, &["rev-parse", "HEAD"]).trim().to_owned();
    let repo = tmp.path().join("config");
    config_repo(&repo, &hooks_repo, &rev, language);

    let path = std::env::join_paths(
        std::iter::once(bin_dir.clone()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )),
    )
    .unwrap();
    let out = run(Command::new(&pre_commit)
        .args(["run", "--all-files", "--color", "never"])
        .current_dir(&repo)
        .env("PATH", path)
        .env("PRE_COMMIT_HOME", tmp.path().join("pre-commit-home"))
        .env("NO_COLOR", "1"));
    let report =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{report}");
    let runs = parse_runs(&report);
    assert_eq!(
        runs.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["sysctl-lint", "sysctl-lint-system"],
        "{report}"
    );

    // The file hook: what a direct run on the same files, in the order pre-commit
    // lists them (git's), prints.
    let files_re =
        regex::Regex::new(field(&hook_fields(&manifest(), "sysctl-lint"), "files").expect("files"))
            .unwrap();
    let files: Vec<String> = git(&repo, &["ls-files"])
        .lines()
        .filter(|f| files_re.is_match(f))
        .map(str::to_owned)
        .collect();
    assert_eq!(files.len(), 20);
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let want_files = direct(&bin_dir, &repo, &args);
    // The system hook: what `check --root .` prints.
    let want_system = direct(&bin_dir, &repo, &["check", "--root", "."]);

    for (run, (code, want)) in runs.iter().zip([want_files, want_system]) {
        assert_eq!(run.status, "Failed", "{report}");
        assert_eq!(run.exit, code, "{}: {report}", run.id);
        assert_eq!(run.output, want, "{}: the hook printed\n{report}", run.id);
        // One run: one summary, every relation between files kept.
        let summaries = run
            .output
            .lines()
            .filter(|l| l.starts_with("Found "))
            .count();
        assert_eq!(summaries, 1, "{}: {}", run.id, run.output);
        assert!(run.output.contains("SL502"), "{}", run.id);
        // Boot order: file NN+1 overrides file NN, 19 times, rising.
        let chain = override_chain(&run.output);
        let want_chain: Vec<(u32, u32)> = (2..=20).map(|n| (n * 100, (n - 1) * 100)).collect();
        assert_eq!(chain, want_chain, "{}: {}", run.id, run.output);
    }
}

fn skip(reason: &str) {
    common::skip("SYSCTL_LINT_REQUIRE_PRE_COMMIT", reason);
}
