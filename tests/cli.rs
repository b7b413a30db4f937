//! The binary as a user runs it: exit codes, stdin, directories, unreadable inputs,
//! `rules` and `explain`.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

fn bin() -> Command {
    let mut c = Command::cargo_bin("sysctl-lint").expect("binary");
    c.env_remove("NO_COLOR");
    c
}

/// A temporary directory with `files` (relative paths; their directories are made).
fn tmp_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
    }
    dir
}

#[test]
fn clean_file_exits_0() {
    bin()
        .args(["check", "tests/fixtures/clean.conf"])
        .assert()
        .code(0)
        .stdout(contains("No problems found in 1 file."));
}

#[test]
fn findings_exit_1_with_summary_and_explain_pointer() {
    bin()
        .args([
            "check",
            "--color",
            "never",
            "tests/fixtures/tuning-guide.conf",
        ])
        .assert()
        .code(1)
        .stdout(contains("error[SL201 unknown-key] [*]:"))
        .stdout(contains("did you mean `net.ipv4.tcp_timestamps`?"))
        .stdout(contains(
            "Run `sysctl-lint explain CODE` for details: SL101 SL201 SL202",
        ));
}

/// Issue #16: one severity word (`info`, not codespan's `note`), `[*]` on what
/// `--fix` fixes, and a footer that names each code once and counts the fixes.
#[test]
fn human_says_info_marks_fixes_and_lists_codes_once() {
    let out = bin()
        .args([
            "check",
            "--color",
            "never",
            "tests/fixtures/tuning-guide.conf",
        ])
        .env("COLUMNS", "100")
        .output()
        .expect("run");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("info[SL402 redundant-duplicate] [*]: "),
        "{text}"
    );
    assert!(!text.contains("note["), "{text}");
    assert!(
        text.contains("\n[*] 11 fixable with the --fix option"),
        "{text}"
    );
    assert_eq!(
        text.matches("SL305").count(),
        2,
        "one finding and the footer: {text}"
    );
    assert!(text.contains("(18 shown, repeats grouped)."), "{text}");
    assert!(!text.contains("For more information"), "{text}");
}

/// Issue #16: without a terminal the human report wraps at `COLUMNS`: every
/// line but the source lines and their carets fits (`--quiet` too, grouped).
#[test]
fn human_wraps_at_columns() {
    for quiet in [false, true] {
        let mut cmd = bin();
        cmd.args(["check", "--color", "never"]);
        if quiet {
            cmd.arg("--quiet");
        }
        let out = cmd
            .arg("tests/fixtures/tuning-guide.conf")
            .env("COLUMNS", "80")
            .output()
            .expect("run");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        assert_eq!(text.matches("[SL402 ").count(), 1, "{text}");
        for line in text.lines() {
            assert!(
                snippet_line(line) || sysctl_lint::text::width(line) <= 80,
                "wider than 80 columns: {line}"
            );
        }
    }
}

/// A line of a snippet, which the human report shows whole: a source line
/// (`12 │ key = value`) or its carets (`   │     ^^^ label`).
fn snippet_line(line: &str) -> bool {
    line.trim_start().starts_with(|c: char| c.is_ascii_digit())
        || line
            .split_once('│')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with(['^', '-']))
}

/// Issue #16: `audit`'s human report wraps at the width `check`'s does
/// (`COLUMNS` without a terminal): the header, the findings, a fleet's
/// differences, notes, helps and host lists. Not wrapped: source lines, their
/// carets, and the location line of a snippet (`┌─ FILE:LINE:COL`, a path).
#[test]
fn audit_human_wraps_at_columns() {
    for args in [
        &[
            "--root",
            "tests/fixtures/audit/root",
            "--proc",
            "tests/fixtures/audit/proc-drift",
        ][..],
        &["--snapshot", "tests/fixtures/audit/fleet"][..],
    ] {
        let out = bin()
            .args(["audit", "--color", "never"])
            .args(args)
            .env("COLUMNS", "80")
            .output()
            .expect("run");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        assert!(text.contains("warning[SL"), "{text}");
        let mut wrapped = 0;
        for line in text.lines() {
            let snippet = snippet_line(line) || line.trim_start().starts_with("┌─");
            assert!(
                snippet || sysctl_lint::text::width(line) <= 80,
                "wider than 80 columns: {line}\n{text}"
            );
            wrapped += usize::from(line.starts_with("            ") && !line.contains('│'));
        }
        // The fleet's notes and helps are continued under their text.
        if args[0] == "--snapshot" {
            assert!(wrapped > 0, "{text}");
            assert!(text.contains("\n      note: "), "{text}");
        }
    }
}

/// Issue #16: the short format shows a cause once with its other lines; the
/// JSON report keeps one entry per line, with a `group` id shared by them.
#[test]
fn short_groups_and_json_tags_groups() {
    let dir = tmp_with(&[(
        "a.conf",
        "net.core.rmem_max = 16777216 # a\nvm.swappiness = 10 # b\nnet.core.wmem_max = 16777216 # c\nkernel.sysrq = 0\n",
    )]);
    let path = dir.path().join("a.conf");
    let short = bin()
        .args(["check", "--format", "short"])
        .arg(&path)
        .output()
        .expect("run");
    let short = String::from_utf8(short.stdout).expect("utf-8");
    assert_eq!(short.lines().count(), 1, "{short}");
    assert!(
        short.contains(":1:30: warning[SL305] [*] inline comments become part of the value (also lines 2 and 3)"),
        "{short}"
    );
    let json = bin()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let diags = v["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 3);
    let group = format!("{}:1:SL305", path.display());
    for d in diags {
        assert_eq!(d["group"], serde_json::Value::String(group.clone()));
    }
}

#[test]
fn fail_on_threshold() {
    let dir = tmp_with(&[(
        "a.conf",
        "net.ipv4.tcp_syncookies = 1\nnet.ipv4.tcp_syncookies = 1\n",
    )]);
    let path = dir.path().join("a.conf");
    // Only an info (SL402): below the default threshold.
    bin().arg("check").arg(&path).assert().code(0);
    bin()
        .args(["check", "--fail-on", "info"])
        .arg(&path)
        .assert()
        .code(1);
    bin()
        .args([
            "check",
            "--fail-on",
            "never",
            "tests/fixtures/tuning-guide.conf",
        ])
        .assert()
        .code(0);
    bin()
        .args([
            "check",
            "--fail-on",
            "error",
            "tests/fixtures/SL401_duplicate_key.conf",
        ])
        .assert()
        .code(0);
}

#[test]
fn stdin_with_name() {
    bin()
        .args(["check", "--format", "short", "--stdin-filename", "guide.conf", "-"])
        .write_stdin("net.ipv4.tcp_timestsmps = 0\n")
        .assert()
        .code(1)
        .stdout("guide.conf:1:1: error[SL201] [*] unknown key `net.ipv4.tcp_timestsmps`: the setting is lost\n");
}

#[test]
fn directory_lints_conf_files_sorted_by_name() {
    let dir = tmp_with(&[
        ("20-b.conf", "net.ipv4.tcp_timestsmps = 0\n"),
        ("10-a.conf", "net.ipv4.tcp_syncookie = 1\n"),
        ("README", "not a conf file\n"),
        ("30-c.conf.bak", "garbage\n"),
    ]);
    let out = bin()
        .args(["check", "--format", "short"])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].contains("10-a.conf:1:1: error[SL201]"), "{out}");
    assert!(lines[1].contains("20-b.conf:1:1: error[SL201]"), "{out}");
}

#[test]
fn missing_file_beside_a_good_one_exits_2_and_still_lints() {
    let out = bin()
        .args([
            "check",
            "--format",
            "json",
            "no/such/file.conf",
            "tests/fixtures/tuning-guide.conf",
        ])
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "SL100");
    assert_eq!(d["file"], "no/such/file.conf");
    assert_eq!(
        d["message"],
        "cannot read `no/such/file.conf`: no such file or directory"
    );
    assert_eq!(v["summary"]["files"], 2);
    assert!(v["files"][1]["errors"].as_u64().unwrap() > 0);
}

#[test]
fn empty_directory_is_an_input_error() {
    let dir = tmp_with(&[("notes.txt", "x\n")]);
    bin()
        .args(["check", "--format", "short"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout(
            contains("error[SL100] cannot read")
                .and(contains("directory contains no *.conf files")),
        );
}

#[test]
fn bad_kernel_version_is_a_usage_error() {
    bin()
        .args(["check", "--kernel", "latest", "tests/fixtures/clean.conf"])
        .assert()
        .code(2)
        .stderr(contains("--kernel: `latest` is not a kernel version"));
}

#[test]
fn kernel_option_changes_findings() {
    // tcp_tw_recycle exists before 4.12.
    let conf = "net.ipv4.tcp_tw_recycle = 0\n";
    bin()
        .args(["check", "-"])
        .write_stdin(conf)
        .assert()
        .code(1);
    bin()
        .args(["check", "--kernel", "4.9.0-16-amd64", "-"])
        .write_stdin(conf)
        .assert()
        .code(0);
}

#[test]
fn usage_errors_exit_2() {
    bin().assert().code(2);
    bin()
        .args([
            "check",
            "--root",
            "tests/fixtures/root",
            "tests/fixtures/clean.conf",
        ])
        .assert()
        .code(2);
    bin()
        .args(["check", "--format", "xml", "a"])
        .assert()
        .code(2);
    bin()
        .args(["--version"])
        .assert()
        .code(0)
        .stdout(contains("sysctl-lint"));
}

#[test]
fn rules_lists_every_code() {
    let out = bin()
        .arg("rules")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    for d in sysctl_lint::rules::docs() {
        assert!(out.contains(d.code) && out.contains(d.name), "{}", d.code);
    }
    let json = bin()
        .args(["rules", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(
        v.as_array().unwrap().len(),
        sysctl_lint::rules::docs().len()
    );
    assert_eq!(v[0]["code"], "SL100");
}

#[test]
fn explain_by_code_and_name() {
    for d in sysctl_lint::rules::docs() {
        bin()
            .args(["explain", d.code])
            .assert()
            .code(0)
            .stdout(contains(format!("# {} {}", d.code, d.name)).and(contains("## Sources")));
        bin().args(["explain", d.name]).assert().code(0);
    }
    bin().args(["explain", "sl201"]).assert().code(0);
    bin()
        .args(["explain", "unknown-kye"])
        .assert()
        .code(2)
        .stderr(contains("did you mean `unknown-key`?"));
}

#[test]
fn color_always_and_never() {
    bin()
        .args([
            "check",
            "--color",
            "always",
            "tests/fixtures/tuning-guide.conf",
        ])
        .assert()
        .stdout(contains("\u{1b}["));
    bin()
        .args([
            "check",
            "--color",
            "never",
            "tests/fixtures/tuning-guide.conf",
        ])
        .assert()
        .stdout(contains("\u{1b}[").not());
}

#[test]
fn check_root_reads_the_tree_like_its_loader() {
    let out = bin()
        .args([
            "check",
            "--format",
            "short",
            "--root",
            "tests/fixtures/root",
            "--loader",
            "systemd",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    insta::assert_snapshot!("check_root_systemd", String::from_utf8(out).unwrap());
    let out = bin()
        .args([
            "check",
            "--color",
            "never",
            "--root",
            "tests/fixtures/root",
            "--loader",
            "procps",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.starts_with(
            "Checked tests/fixtures/root as procps loads it (--loader): 11 files applied"
        ),
        "{out}"
    );
}

#[test]
fn effective_command() {
    for (loader, format) in [
        ("systemd", "human"),
        ("procps", "conf"),
        ("systemd", "json"),
    ] {
        let out = bin()
            .args([
                "effective",
                "--root",
                "tests/fixtures/root",
                "--loader",
                loader,
                "--format",
                format,
            ])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        insta::assert_snapshot!(
            format!("effective_{loader}_{format}"),
            String::from_utf8(out).unwrap()
        );
    }
    bin()
        .args([
            "effective",
            "--root",
            "tests/fixtures/root",
            "--key",
            "kernel.pid_max",
        ])
        .assert()
        .code(0)
        .stdout(contains("kernel.pid_max = 65536").and(contains("vm.swappiness").not()));
}

#[test]
fn every_format_renders_from_the_cli() {
    for format in [
        "human",
        "short",
        "json",
        "json-lines",
        "sarif",
        "github",
        "gitlab",
    ] {
        bin()
            .args([
                "check",
                "--color",
                "never",
                "--format",
                format,
                "tests/fixtures/tuning-guide.conf",
            ])
            .assert()
            .code(1)
            .stdout(contains("SL201"));
    }
    bin()
        .args(["check", "--format", "github", "tests/fixtures/tuning-guide.conf"])
        .assert()
        .stdout(contains("::error file=tests/fixtures/tuning-guide.conf,line=37,col=1,endLine=37,endColumn=24,title=SL201 unknown-key::"));
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        bin()
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(contains("sysctl-lint"));
    }
    bin()
        .arg("man")
        .assert()
        .code(0)
        .stdout(contains(".TH SYSCTL-LINT 1"));
}

#[test]
fn describe_and_profiles() {
    bin()
        .args(["describe", "net.ipv4.conf.eth0.rp_filter"])
        .assert()
        .code(0)
        .stdout(contains("catalogue entry: net.ipv4.conf.<dev>.rp_filter").and(contains("SL531")));
    bin()
        .args(["describe", "net.ipv4.tcp_timestsmps"])
        .assert()
        .code(2)
        .stderr(contains("did you mean: net.ipv4.tcp_timestamps"));
    bin()
        .arg("profiles")
        .assert()
        .code(0)
        .stdout(contains("k8s-node"));
    bin()
        .args(["profiles", "server"])
        .assert()
        .code(0)
        .stdout(contains("kernel.kptr_restrict"));
    bin().args(["profiles", "nope"]).assert().code(2);
    bin()
        .args(["check", "--profile", "nope", "tests/fixtures/clean.conf"])
        .assert()
        .code(2)
        .stderr(contains("--profile: no profile `nope`"));
}

/// The pre-commit hook: its `files` pattern picks sysctl files, and its `entry`
/// run on them the way pre-commit runs it (entry + file names) lints them.
#[test]
fn pre_commit_hook() {
    let yaml = std::fs::read_to_string(".pre-commit-hooks.yaml").expect("hook file");
    let field = |name: &str| {
        yaml.lines()
            .find_map(|l| {
                l.trim_start_matches(['-', ' '])
                    .strip_prefix(&format!("{name}: "))
            })
            .expect(name)
            .to_owned()
    };
    assert_eq!(field("id"), "sysctl-lint");
    assert_eq!(field("language"), "rust");
    let files = regex::Regex::new(&field("files")).expect("files regex");
    for (path, wanted) in [
        ("etc/sysctl.conf", true),
        ("sysctl.conf", true),
        ("roles/x/files/sysctl.d/99-tuning.conf", true),
        ("etc/sysctl.d/README", false),
        ("etc/mysysctl.conf", false),
        ("docs/sysctl.conf.md", false),
    ] {
        assert_eq!(files.is_match(path), wanted, "{path}");
    }
    let entry = field("entry");
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("sysctl-lint"));
    let args: Vec<&str> = words.collect();
    let dir = tmp_with(&[("sysctl.conf", "net.ipv4.tcp_syncookies = 1\n")]);
    let good = dir.path().join("sysctl.conf");
    bin().args(&args).arg(&good).assert().code(0);
    bin()
        .args(&args)
        .arg(&good)
        .arg("tests/fixtures/tuning-guide.conf")
        .assert()
        .code(1);
}

#[test]
fn config_file_is_found_upwards_and_applied() {
    let dir = tmp_with(&[
        (".sysctl-lint.toml", "ignore = [\"SL402\"]\nfail-on = \"info\"\n[severity]\nSL305 = \"error\"\n"),
        ("a.conf", "net.ipv4.tcp_syncookies = 1\nnet.ipv4.tcp_syncookies = 1\nnet.core.rmem_max = 16777216 # c\n"),
    ]);
    let sub = dir.path().join("deep/er");
    std::fs::create_dir_all(&sub).unwrap();
    bin()
        .current_dir(&sub)
        .args(["check", "--format", "short", "../../a.conf"])
        .assert()
        .code(1)
        .stdout(
            "../../a.conf:3:30: error[SL305] [*] `# c` is not a comment; the kernel ignores it here\n",
        );
    // --isolated ignores it: SL402 is back (info, below the default threshold).
    bin()
        .current_dir(&sub)
        .args(["check", "--isolated", "--format", "short", "../../a.conf"])
        .assert()
        .code(1)
        .stdout(contains("info[SL402]").and(contains("warning[SL305]")));
}

#[test]
fn bad_config_file_is_a_usage_error_with_its_location() {
    let dir = tmp_with(&[(
        ".sysctl-lint.toml",
        "fail-on = \"warning\"\nknwon-keys = [\"x.y\"]\n",
    )]);
    bin()
        .current_dir(dir.path())
        .args(["check", "--color", "never", "-"])
        .write_stdin("vm.swappiness = 10\n")
        .assert()
        .code(2)
        .stderr(
            contains("unknown setting `knwon-keys`")
                .and(contains(".sysctl-lint.toml:2:1"))
                .and(contains("did you mean `known-keys`?")),
        );
    bin()
        .current_dir(dir.path())
        .args(["config", "--show"])
        .assert()
        .code(2);
}

#[test]
fn baseline_survives_moved_lines_and_catches_changed_values() {
    let dir = tmp_with(&[(
        "a.conf",
        "net.ipv4.tcp_timestsmps = 0\nnet.ipv4.tcp_tw_reuse = 1\n",
    )]);
    let conf = dir.path().join("a.conf");
    let base = dir.path().join("baseline.json");
    bin().arg("check").arg(&conf).assert().code(1);
    bin()
        .arg("check")
        .arg("--write-baseline")
        .arg(&base)
        .arg(&conf)
        .assert()
        .code(0);
    bin()
        .arg("check")
        .arg("--baseline")
        .arg(&base)
        .arg(&conf)
        .assert()
        .code(0);
    std::fs::write(
        &conf,
        "\n\n# moved\nnet.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_timestsmps = 0\n",
    )
    .unwrap();
    bin()
        .arg("check")
        .arg("--baseline")
        .arg(&base)
        .arg(&conf)
        .assert()
        .code(0);
    std::fs::write(&conf, "net.ipv4.tcp_timestsmps = 1\n").unwrap();
    bin()
        .args(["check", "--format", "short", "--baseline"])
        .arg(&base)
        .arg(&conf)
        .assert()
        .code(1)
        .stdout(contains("error[SL201]"));
}

#[test]
fn inline_suppressions() {
    bin()
        .args(["check", "--format", "short", "--fail-on", "info", "-"])
        .write_stdin("# sysctl-lint: disable=SL201 -- vendor kernel\nnet.ipv4.tcp_foo = 1\n")
        .assert()
        .code(0)
        .stdout("");
    bin()
        .args(["check", "--format", "short", "--fail-on", "info", "-"])
        .write_stdin("# sysctl-lint: disable=SL305\nnet.ipv4.tcp_syncookies = 1\n")
        .assert()
        .code(1)
        .stdout(contains("info[SL115]"));
}

/// Under --root, package files are never edited: the fixes become an override
/// drop-in in /etc/sysctl.d that sorts after the package file.
#[test]
fn fix_under_root_writes_an_override_for_package_files() {
    let original = "net.core.rmem_max = 16777216 # big\nnet.ipv4.tcp_syncookies = \"1\"\n";
    let dir = tmp_with(&[("usr/lib/sysctl.d/50-pkg.conf", original)]);
    let pkg = dir.path().join("usr/lib/sysctl.d");
    bin()
        .args(["check", "--fix", "--format", "short", "--root"])
        .arg(dir.path())
        .assert()
        .stderr(contains("belongs to a package: wrote the override"));
    assert_eq!(
        std::fs::read_to_string(pkg.join("50-pkg.conf")).unwrap(),
        original
    );
    let dropin =
        std::fs::read_to_string(dir.path().join("etc/sysctl.d/50-pkg.sysctl-lint.conf")).unwrap();
    assert!(
        dropin.ends_with("net.core.rmem_max = 16777216\nnet.ipv4.tcp_syncookies = 1\n"),
        "{dropin}"
    );
    bin()
        .args(["effective", "--format", "conf", "--root"])
        .arg(dir.path())
        .assert()
        .stdout(contains("net.ipv4.tcp_syncookies = 1\n"));
}

#[test]
fn memory_needs_a_unit() {
    for cmd in ["check", "audit"] {
        let mut c = bin();
        c.args([cmd, "--memory", "16"]);
        if cmd == "check" {
            c.arg("tests/fixtures/clean.conf");
        }
        c.assert().code(2).stderr(contains(
            "--memory: `16` has no unit: did you mean `16G` or `16M`?",
        ));
    }
    bin()
        .args(["check", "--memory", "16G", "tests/fixtures/clean.conf"])
        .assert()
        .code(0);
}

#[test]
fn fix_with_stdin_is_only_stdin() {
    bin()
        .args(["check", "--fix", "-", "tests/fixtures/clean.conf"])
        .write_stdin("net.ipv4.tcp_syncookies = 1\n")
        .assert()
        .code(2)
        .stderr(contains("give `-` alone"));
}

#[test]
fn effective_conf_keeps_ignore_failure_prefix() {
    let dir = tmp_with(&[(
        "etc/sysctl.d/10-a.conf",
        "-net.ipv4.tcp_syncookies = 1\nkernel.panic = 5\n",
    )]);
    bin()
        .args(["effective", "--format", "conf", "--root"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(contains("-net.ipv4.tcp_syncookies = 1\n"))
        .stdout(contains("\nkernel.panic = 5\n"));
}

// ---------------------------------------------------------------------------
// audit has check's controls and formats (issue 14)

fn audit_fixture() -> Command {
    let mut c = bin();
    let root = std::fs::canonicalize("tests/fixtures/audit/root").unwrap();
    let proc_root = std::fs::canonicalize("tests/fixtures/audit/proc-drift").unwrap();
    c.arg("audit")
        .arg("--root")
        .arg(root)
        .arg("--proc")
        .arg(proc_root);
    c
}

#[test]
fn audit_speaks_every_format_of_check() {
    for (format, marker) in [
        ("human", "warning[SL801 live-drift]"),
        // Machine formats name the tree's file as the repository has it.
        (
            "short",
            "tests/fixtures/audit/root/etc/sysctl.d/90-audit.conf:2:27: warning[SL801]",
        ),
        ("json", "\"code\": \"SL801\""),
        ("json-lines", "\"code\":\"SL801\""),
        ("sarif", "\"ruleId\": \"SL801\""),
        (
            "github",
            "::warning file=tests/fixtures/audit/root/etc/sysctl.d/90-audit.conf,line=2",
        ),
        ("gitlab", "\"check_name\": \"SL801\""),
    ] {
        audit_fixture()
            .args(["--format", format])
            .assert()
            .code(1)
            .stdout(contains(marker));
    }
}

#[test]
fn select_and_ignore_on_the_command_line() {
    // check: only the SL2 findings of the guide.
    let out = bin()
        .args(["check", "--format", "short", "--select", "SL2"])
        .arg("tests/fixtures/tuning-guide.conf")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() >= 2, "{text}");
    assert!(text.lines().all(|l| l.contains("[SL2")), "{text}");
    // --ignore and --extend-ignore, by code and by name, comma-separated.
    bin()
        .args(["check", "--format", "short", "--select", "SL2", "--ignore"])
        .arg("removed-key,SL201")
        .arg("tests/fixtures/tuning-guide.conf")
        .assert()
        .code(0)
        .stdout("");
    // audit: the same options.
    audit_fixture()
        .args([
            "--format",
            "short",
            "--select",
            "SL802",
            "--extend-ignore",
            "SL802",
        ])
        .assert()
        .code(0)
        .stdout("");
    audit_fixture()
        .args(["--format", "short", "--ignore", "SL801,SL503"])
        .assert()
        .code(1)
        .stdout(contains("[SL802]").and(contains("[SL801]").not()));
    // An unknown selector is a usage error with a did-you-mean.
    bin()
        .args([
            "check",
            "--select",
            "unknown-kee",
            "tests/fixtures/clean.conf",
        ])
        .assert()
        .code(2)
        .stderr(contains("did you mean `unknown-key`?"));
}

#[test]
fn audit_reads_the_project_configuration() {
    let dir = tmp_with(&[(
        ".sysctl-lint.toml",
        "ignore = [\"SL801\"]\nfail-on = \"error\"\n",
    )]);
    // Discovered from the working directory: SL801 ignored; SL802 errors fail.
    let run = |extra: &[&str]| {
        let mut c = audit_fixture();
        c.current_dir(dir.path())
            .args(["--format", "short"])
            .args(extra);
        c
    };
    run(&[])
        .assert()
        .code(1)
        .stdout(contains("[SL802]").and(contains("[SL801]").not()));
    // --isolated: defaults again.
    run(&["--isolated"])
        .assert()
        .code(1)
        .stdout(contains("[SL801]"));
    // --config names one explicitly.
    let cfg = dir.path().join("other.toml");
    std::fs::write(&cfg, "select = [\"SL801\"]\n").unwrap();
    let out = run(&["--config", cfg.to_str().unwrap()]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.contains("[SL801]")), "{text}");
}

#[test]
fn audit_honours_inline_suppressions_and_baselines() {
    let dir = tmp_with(&[(
        "etc/sysctl.d/90-audit.conf",
        "# sysctl-lint: disable=SL801 -- the CNI turns it on\nnet.ipv4.ip_forward = 0\nnet.ipv4.tcp_syncookies = 1\n",
    )]);
    let proc_root = std::fs::canonicalize("tests/fixtures/audit/proc-drift").unwrap();
    let audit = || {
        let mut c = bin();
        c.args(["audit", "--format", "short", "--root"])
            .arg(dir.path())
            .arg("--proc")
            .arg(&proc_root);
        c
    };
    audit()
        .assert()
        .code(1)
        .stdout(contains("tcp_syncookies").and(contains("ip_forward").not()));
    let baseline = dir.path().join("baseline.json");
    audit()
        .arg("--write-baseline")
        .arg(&baseline)
        .assert()
        .code(0)
        .stderr(contains("recorded 2 findings in"));
    audit()
        .arg("--baseline")
        .arg(&baseline)
        .assert()
        .code(0)
        .stdout("");
}

// ---------------------------------------------------------------------------
// The ruff-style command line of check and audit (issue 16, part 4)

const SL305: &str = "tests/fixtures/SL305_inline_comment.conf";

#[test]
fn statistics_counts_per_code_with_fixable_counts() {
    // check: one line per code, the most frequent first; the exit code as usual.
    bin()
        .args(["check", "--statistics", SL305])
        .assert()
        .code(1)
        .stdout("  5  SL305  [*] inline-comment\n");
    let out = bin()
        .args(["check", "--statistics", "tests/fixtures/tuning-guide.conf"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("  8  SL402  [*] "), "{text}");
    assert!(text.contains("  2  SL202  [ ] removed-key\n"), "{text}");
    assert!(!text.contains("Found"), "{text}");
    // JSON with --format json.
    let out = bin()
        .args(["check", "--statistics", "--format", "json", SL305])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        v,
        serde_json::json!([{"code": "SL305", "name": "inline-comment", "count": 5, "fixable": 5}])
    );
    // audit too.
    audit_fixture()
        .arg("--statistics")
        .assert()
        .code(1)
        .stdout(predicate::str::is_match(r"(?m)^  \d+  SL801  \[ \] live-drift$").unwrap())
        .stdout(contains("Audit of").not());
}

#[test]
fn quiet_prints_the_findings_only() {
    for args in [
        vec!["check", "-q", "--color", "never", SL305],
        vec!["check", "--quiet", "--color", "never", SL305],
    ] {
        bin()
            .args(&args)
            .assert()
            .code(1)
            .stdout(contains("SL305 inline-comment"))
            .stdout(contains("Found").not())
            .stdout(contains("sysctl-lint explain").not())
            .stdout(contains("explain:").not());
    }
    // No header under --root either.
    bin()
        .args([
            "check",
            "-q",
            "--color",
            "never",
            "--root",
            "tests/fixtures/root",
        ])
        .assert()
        .stdout(contains("Checked").not())
        .stdout(contains("Found").not());
    audit_fixture()
        .args(["-q", "--color", "never"])
        .assert()
        .code(1)
        .stdout(contains("SL801 live-drift"))
        .stdout(contains("Audit of").not())
        .stdout(contains("Found").not());
}

#[test]
fn silent_prints_nothing_and_keeps_the_exit_code() {
    bin()
        .args(["check", "--silent", SL305])
        .assert()
        .code(1)
        .stdout("");
    bin()
        .args(["check", "--silent", "tests/fixtures/clean.conf"])
        .assert()
        .code(0)
        .stdout("");
    audit_fixture().arg("--silent").assert().code(1).stdout("");
    bin()
        .args(["check", "--silent", "--diff", SL305])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn output_file_gets_the_report_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    std::fs::write(&report, "old").unwrap();
    bin()
        .args(["check", "--format", "json", "--output-file"])
        .arg(&report)
        .arg(SL305)
        .assert()
        .code(1)
        .stdout("");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 5);
    // Replaced through a new file: no temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
    let audit_report = dir.path().join("audit.txt");
    audit_fixture()
        .args(["--color", "never", "--output-file"])
        .arg(&audit_report)
        .assert()
        .code(1)
        .stdout("");
    assert!(std::fs::read_to_string(&audit_report)
        .unwrap()
        .contains("SL801"));
    // A file that cannot be written is an error (2).
    bin()
        .args(["check", "--output-file"])
        .arg(dir.path().join("missing/dir/report.txt"))
        .arg(SL305)
        .assert()
        .code(2)
        .stderr(contains("cannot write"));
}

#[test]
fn exit_zero_ignores_findings_but_not_unreadable_inputs() {
    bin()
        .args(["check", "--exit-zero", "--color", "never", SL305])
        .assert()
        .code(0)
        .stdout(contains("SL305"));
    bin()
        .args(["check", "--exit-zero", SL305, "/nonexistent/a.conf"])
        .assert()
        .code(2);
    bin()
        .args(["check", "--exit-zero", "--diff", SL305])
        .assert()
        .code(0)
        .stdout(contains("+++"));
    audit_fixture().arg("--exit-zero").assert().code(0);
}

#[test]
fn show_fixes_lists_the_fixes_to_apply_or_applied() {
    bin()
        .args(["check", "--show-fixes", "--color", "never", SL305])
        .assert()
        .code(1)
        .stdout(contains("Fixes --fix would apply (5):"))
        .stdout(contains(format!(
            "  {SL305}:5  SL305  use `net.ipv4.tcp_congestion_control = cubic` with the comment on its own line above"
        )));
    bin()
        .args(["check", "--show-fixes", "tests/fixtures/clean.conf"])
        .assert()
        .code(0)
        .stdout(contains("No fixes available."));
    // With --fix: what was applied.
    let dir = tmp_with(&[("a.conf", "net.ipv4.tcp_keepalive_time = 7202 # two hours\n")]);
    let path = dir.path().join("a.conf");
    bin()
        .args(["check", "--fix", "--show-fixes", "--color", "never"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout(contains("Fixes applied (1):"))
        .stdout(contains(
            ":1  SL305  use `net.ipv4.tcp_keepalive_time = 7202` with the comment",
        ));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "# two hours\nnet.ipv4.tcp_keepalive_time = 7202\n"
    );
    audit_fixture()
        .arg("--show-fixes")
        .assert()
        .stdout(contains("Fixes --fix would apply").or(contains("No fixes available.")));
}

#[test]
fn help_documents_the_report_flags_with_examples() {
    for command in ["check", "audit"] {
        let out = bin().args([command, "--help"]).assert().code(0);
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        for flag in [
            "--statistics",
            "--quiet",
            "--silent",
            "--output-file",
            "--exit-zero",
            "--show-fixes",
            "--exclude",
        ] {
            assert!(text.contains(flag), "{command} --help lacks {flag}");
        }
        assert!(text.contains("Examples:"), "{command}");
        assert!(text.contains(&format!("sysctl-lint {command} --statistics")));
    }
}

/// `--statistics` has no HTML page: refused (exit 2) with a message saying
/// which formats it has; `--quiet` is for human and short, an HTML page stays
/// whole (and `--help` says so).
#[test]
fn html_with_statistics_is_refused_and_with_quiet_is_the_page() {
    for args in [
        &["check", "tests/fixtures/tuning-guide.conf"][..],
        &["audit", "--snapshot", "tests/fixtures/audit/fleet"][..],
    ] {
        bin()
            .args(args)
            .args(["--format", "html", "--statistics"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(
                contains("--statistics has no HTML rendering")
                    .and(contains("use it with --format human, short or json")),
            );
        let full = bin()
            .args(args)
            .args(["--format", "html"])
            .output()
            .expect("run");
        let quiet = bin()
            .args(args)
            .args(["--format", "html", "--quiet"])
            .output()
            .expect("run");
        assert!(String::from_utf8_lossy(&quiet.stdout).starts_with("<!DOCTYPE html>"));
        assert_eq!(quiet.stdout, full.stdout, "{args:?}");
        assert_eq!(quiet.status.code(), full.status.code());
    }
    let help = bin().args(["check", "--help"]).output().expect("run");
    let help = String::from_utf8(help.stdout).expect("utf-8");
    assert!(help.contains("human and short only"), "{help}");
}

#[test]
fn explain_several_codes_and_all() {
    let out = bin()
        .args(["explain", "SL201", "inline-comment"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("# SL201 unknown-key"), "{text}");
    assert!(text.contains("\n# SL305 inline-comment"), "{text}");
    assert_eq!(text.matches("Default severity: ").count(), 2);
    let out = bin()
        .args(["explain", "--all"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(
        text.matches("Default severity: ").count(),
        sysctl_lint::rules::docs().len()
    );
    // One unknown rule: an error, and nothing printed.
    bin()
        .args(["explain", "SL201", "nope-key"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("no rule `nope-key`"));
    bin().args(["explain"]).assert().code(2);
    bin().args(["explain", "--all", "SL201"]).assert().code(2);
}

#[test]
fn rules_as_a_markdown_table() {
    let out = bin()
        .args(["rules", "--format", "markdown"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "| Code | Name | Severity | Summary |");
    assert_eq!(lines.len(), 2 + sysctl_lint::rules::docs().len());
    for (line, d) in lines[2..].iter().zip(sysctl_lint::rules::docs()) {
        assert!(
            line.starts_with(&format!("| {} | {} | {} | ", d.code, d.name, d.severity)),
            "{line}"
        );
        assert_eq!(
            line.matches(" | ").count() - line.matches("\\|").count(),
            3,
            "{line}"
        );
    }
}

#[test]
fn exclude_leaves_files_out_unread() {
    let dir = tmp_with(&[
        ("10-a.conf", "net.ipv4.tcp_syncookies = 1\n"),
        ("20-b.local.conf", "net.bogus.key = 1\n"),
    ]);
    // An unreadable file that is excluded is not read at all: no SL100.
    std::fs::create_dir(dir.path().join("30-c.conf")).unwrap();
    bin()
        .args([
            "check",
            "--color",
            "never",
            "--exclude",
            "*.local.conf",
            "--exclude",
        ])
        .arg(dir.path().join("30-c.conf"))
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(contains("No problems found in 1 file."));
    // Without it, both are read.
    bin().arg("check").arg(dir.path()).assert().code(2);
    // A path given on the command line is matched too.
    bin()
        .args([
            "check",
            "--exclude",
            "clean.conf",
            "tests/fixtures/clean.conf",
            SL305,
        ])
        .assert()
        .code(1)
        .stdout(contains("in 1 file ("));
    // Under --root: the boot path.
    let all = bin()
        .args(["check", "--format", "json", "--root", "tests/fixtures/root"])
        .assert()
        .get_output()
        .stdout
        .clone();
    let some = bin()
        .args([
            "check",
            "--format",
            "json",
            "--root",
            "tests/fixtures/root",
            "--exclude",
            "/usr/lib/sysctl.d/*",
        ])
        .assert()
        .get_output()
        .stdout
        .clone();
    let names = |out: &[u8]| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(out).unwrap();
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                f["boot_path"]
                    .as_str()
                    .or(f["path"].as_str())
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    };
    let (all, some) = (names(&all), names(&some));
    assert!(
        all.iter().any(|f| f.contains("/usr/lib/sysctl.d/")),
        "{all:?}"
    );
    assert!(
        !some.iter().any(|f| f.contains("/usr/lib/sysctl.d/")),
        "{some:?}"
    );
    assert!(some.len() < all.len());
    // audit: a configuration file left out is not compared.
    audit_fixture()
        .args(["--exclude", "90-audit.conf", "--format", "short"])
        .assert()
        .stdout(contains("90-audit.conf").not());
    bin()
        .args(["check", "--exclude", "[", SL305])
        .assert()
        .code(2)
        .stderr(contains("--exclude"));
}

/// Command-line text in an error never reaches the terminal raw: control
/// characters in an argument are shown escaped.
#[test]
fn control_characters_in_arguments_are_escaped_in_errors() {
    for args in [
        &["check", "--select", "a\u{1b}[31mb", "-"][..],
        &["explain", "x\u{1b}]0;t\u{7}"][..],
        &["describe", "net.\u{1b}[2Jx"][..],
    ] {
        let out = bin().args(args).write_stdin("").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
        assert!(err.contains("\\x1b"), "{err:?}");
    }
}
