//! `.sysctl-lint.toml`: discovery, every setting, errors with line:col and a
//! did-you-mean, and what `Config::apply` does to findings.

use std::path::Path;

use sysctl_lint::config::{self, key_is_known, Config, FailOn, Selector};
use sysctl_lint::system::Loader;
use sysctl_lint::{lint, lint_source, Diagnostic, FileData, Options, Severity, SourceFile};

fn parse(text: &str) -> Result<Config, config::ConfigError> {
    config::parse(text, Path::new(".sysctl-lint.toml"))
}

fn err(text: &str) -> config::ConfigError {
    parse(text).expect_err("the configuration is invalid")
}

fn codes(diags: &[Diagnostic]) -> Vec<&'static str> {
    diags.iter().map(|d| d.code).collect()
}

#[test]
fn discovers_the_nearest_file_upwards() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b/c");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::write(dir.path().join(config::FILE_NAME), "kernel = \"5.10\"\n").unwrap();

    let found = config::discover(&nested)
        .unwrap()
        .loaded()
        .expect("found upwards");
    assert_eq!(found.path, dir.path().join(config::FILE_NAME));
    assert_eq!(found.config.kernel.as_deref(), Some("5.10"));
    assert_eq!(found.config.path.as_deref(), Some(found.path.as_path()));

    // A nearer file wins; the files are not merged.
    std::fs::write(
        dir.path().join("a").join(config::FILE_NAME),
        "fail-on = \"never\"\n",
    )
    .unwrap();
    let found = config::discover(&nested).unwrap().loaded().expect("found");
    assert_eq!(found.path, dir.path().join("a").join(config::FILE_NAME));
    assert_eq!(found.config.kernel, None);
    assert_eq!(found.config.fail_on, Some(FailOn::Never));
    assert_eq!(FailOn::Never.threshold(), None);
}

#[test]
fn discovery_without_a_file_is_none_and_a_broken_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    // (Assumes no .sysctl-lint.toml in the temp directory's ancestors.)
    assert!(config::discover(dir.path()).unwrap().loaded().is_none());
    std::fs::write(dir.path().join(config::FILE_NAME), "selct = []\n").unwrap();
    let e = config::discover(dir.path()).unwrap_err();
    assert_eq!(e.path, dir.path().join(config::FILE_NAME));
    assert_eq!(e.message, "unknown setting `selct`");
}

#[test]
fn load_reads_every_setting() {
    let loaded = config::load(Path::new("tests/fixtures/config/full.toml")).unwrap();
    let c = &loaded.config;
    assert_eq!(c.kernel.as_deref(), Some("5.15"));
    assert_eq!(c.loader, Some(Loader::Systemd));
    assert_eq!(c.profile.as_deref(), Some("server"));
    assert_eq!(
        c.select,
        Some(vec![
            Selector::Prefix("SL1".into()),
            Selector::Prefix("SL2".into()),
            Selector::Prefix("SL3".into()),
            Selector::Prefix("SL4".into()),
        ])
    );
    assert_eq!(c.extend_select, vec![Selector::Code("SL501")]);
    assert_eq!(
        c.ignore,
        vec![Selector::Code("SL110"), Selector::Code("SL202")]
    );
    assert_eq!(c.fail_on, Some(FailOn::Error));
    assert_eq!(c.known_keys(), ["net.mydriver.*", "dev.vendor.**"]);
    assert_eq!(c.listening_ports(), [(8443, 8443), (9000, 9100)]);
    assert_eq!(c.severity_for("SL305"), Some(Severity::Error));
    assert_eq!(c.severity_for("SL201"), Some(Severity::Warning));
    assert_eq!(c.severity_for("SL401"), None);
    assert_eq!(c.per_file_ignores.len(), 1);
    assert_eq!(c.lines.get("kernel"), Some(&2));
    assert_eq!(c.lines.get("per-file-ignores"), Some(&16));
}

#[test]
fn unknown_setting_has_line_col_and_did_you_mean() {
    let e = err("kernel = \"6.1\"\nselct = [\"SL2\"]\n");
    assert_eq!(e.message, "unknown setting `selct`");
    assert_eq!(e.help.as_deref(), Some("did you mean `select`?"));
    assert_eq!(e.position(), Some((2, 1)));
    assert_eq!(
        e.to_string(),
        ".sysctl-lint.toml:2:1: unknown setting `selct` (help: did you mean `select`?)"
    );
    let e = err("extend_select = []\n");
    assert_eq!(e.help.as_deref(), Some("did you mean `extend-select`?"));
    let e = err("colour = \"always\"\n");
    assert!(e
        .help
        .unwrap()
        .starts_with("the settings are: kernel, loader"));
}

#[test]
fn bad_values_have_line_col_and_did_you_mean() {
    let e = err("[severity]\nSL305 = \"eror\"\n");
    assert_eq!(e.message, "invalid severity `eror` for `SL305`");
    assert_eq!(e.position(), Some((2, 9)));
    assert!(e.help.unwrap().starts_with("did you mean \"error\"?"));

    let e = err("ignore = [\"SL305\", \"SL2O1\"]\n");
    assert_eq!(e.message, "unknown rule `SL2O1`");
    assert_eq!(e.position(), Some((1, 20)));
    assert!(e.help.unwrap().starts_with("did you mean `SL201`?"));

    let e = err("[severity]\nunknwn-key = \"info\"\n");
    assert_eq!(e.message, "unknown rule `unknwn-key`");
    assert_eq!(e.position(), Some((2, 1)));
    assert!(e.help.unwrap().starts_with("did you mean `unknown-key`?"));

    let e = err("loader = \"systemmd\"\n");
    assert_eq!(e.message, "invalid `loader`: `systemmd`");
    assert!(e.help.unwrap().starts_with("did you mean \"systemd\"?"));

    let e = err("profile = \"sever\"\n");
    assert_eq!(e.message, "unknown `profile`: `sever`");
    assert!(e.help.unwrap().starts_with("did you mean \"server\"?"));

    let e = err("fail-on = \"warnings\"\n");
    assert!(e.help.unwrap().starts_with("did you mean \"warning\"?"));

    let e = err("kernel = \"six\"\n");
    assert!(e.message.starts_with("invalid `kernel`: "), "{}", e.message);
    assert_eq!(e.position(), Some((1, 10)));

    let e = err("listening-ports = [8443, \"9100-9000\"]\n");
    assert_eq!(e.message, "invalid port \"9100-9000\" in `listening-ports`");
    assert_eq!(e.position(), Some((1, 26)));
    let e = err("listening-ports = [70000]\n");
    assert_eq!(e.message, "invalid port `70000` in `listening-ports`");

    let e = err("select = \"SL201\"\n");
    assert_eq!(e.position(), Some((1, 10)));
    assert_eq!(
        e.help.as_deref(),
        Some("expected select = [\"SL2\", \"unknown-key\"]")
    );

    let e = err("[per-file-ignores]\n\"etc/[sysctl.d/*.conf\" = [\"SL4\"]\n");
    assert!(
        e.message.starts_with("invalid glob `etc/[sysctl.d/*.conf`"),
        "{}",
        e.message
    );
    assert_eq!(e.position(), Some((2, 1)));
}

#[test]
fn running_kernel_and_all_are_accepted() {
    let c = parse("kernel = \"running\"\nselect = [\"ALL\"]\n").unwrap();
    assert_eq!(c.kernel.as_deref(), Some("running"));
    assert!(c.enabled("SL701"));
}

/// Every file in `tests/fixtures/config/`: a valid one is shown with `show`, an
/// invalid one rendered as the CLI prints it.
#[test]
fn fixture_snapshots() {
    insta::glob!("fixtures/config/*.toml", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = Path::new(path.file_name().unwrap());
        match config::parse(&text, name) {
            Ok(c) => insta::assert_snapshot!("show", c.show()),
            Err(e) => insta::assert_snapshot!("error", e.render(false)),
        }
    });
}

#[test]
fn render_points_at_the_span() {
    let e = err("kernel = \"6.1\"\nselct = [\"SL2\"]\n");
    let text = e.render(false);
    assert!(
        text.starts_with("error: unknown setting `selct`\n"),
        "{text}"
    );
    assert!(text.contains("┌─ .sysctl-lint.toml:2:1"), "{text}");
    assert!(text.contains("= help: did you mean `select`?"), "{text}");
    assert!(e.render(true).contains('\u{1b}'));
}

#[test]
fn select_ignore_most_specific_wins() {
    let c =
        parse("select = [\"SL2\", \"SL3\"]\nignore = [\"SL20\"]\nextend-select = [\"SL202\"]\n")
            .unwrap();
    assert!(!c.enabled("SL201")); // SL20 beats SL2
    assert!(c.enabled("SL202")); // a code beats SL20
    assert!(c.enabled("SL301"));
    assert!(!c.enabled("SL401")); // not selected
    let c = parse("ignore = [\"SL3\"]\nextend-select = [\"SL3\"]\n").unwrap();
    assert!(!c.enabled("SL305"), "on a tie ignore wins");
    assert!(c.enabled("SL401"), "without select every rule is on");
    assert!(Config::default().enabled("SL999"));
}

#[test]
fn apply_filters_and_overrides_severity() {
    let text = b"net.ipv4.tcp_timestsmps = 0\nnet.core.rmem_max = 16777216 #max\nnet.ipv4.tcp_sack = 1\nnet.ipv4.tcp_sack = 1\n";
    let (files, diags) = lint_source("a.conf", text, &Options::default());
    assert_eq!(codes(&diags), ["SL201", "SL305", "SL402"]);
    assert_eq!(diags[1].severity, Severity::Warning);

    let c = parse("ignore = [\"unknown-key\"]\n[severity]\nSL305 = \"error\"\nSL4 = \"info\"\n")
        .unwrap();
    let mut d = diags.clone();
    c.apply(&mut d, &files);
    assert_eq!(codes(&d), ["SL305", "SL402"]);
    assert_eq!(d[0].severity, Severity::Error);
    assert_eq!(d[1].severity, Severity::Info);

    let c = parse("select = [\"SL3\"]\n").unwrap();
    let mut d = diags.clone();
    c.apply(&mut d, &files);
    assert_eq!(codes(&d), ["SL305"]);
}

#[test]
fn apply_keeps_unreadable_inputs() {
    let files = vec![FileData::unreadable(
        "gone.conf",
        "No such file or directory",
    )];
    let mut diags = lint(&files, &Options::default());
    let c = parse("select = [\"SL2\"]\nignore = [\"SL1\"]\n").unwrap();
    c.apply(&mut diags, &files);
    assert_eq!(codes(&diags), ["SL100"]);
}

#[test]
fn per_file_ignores_match_the_path_or_a_trailing_part() {
    let text: &[u8] = b"net.ipv4.tcp_sack = 1\nnet.ipv4.tcp_sack = 1\n";
    let files: Vec<FileData> = [
        "/usr/lib/sysctl.d/50-default.conf",
        "root/usr/lib/sysctl.d/60-x.conf",
        "./usr/lib/sysctl.d/70-y.conf",
        "/etc/sysctl.d/99-local.conf",
    ]
    .iter()
    .map(|n| FileData::new(SourceFile::new(*n, text.to_vec())))
    .collect();
    let mut diags = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let one = lint(std::slice::from_ref(file), &Options::default());
        diags.extend(one.into_iter().map(|mut d| {
            d.file = i;
            d
        }));
    }
    assert_eq!(codes(&diags), ["SL402"; 4]);
    let c = parse("[per-file-ignores]\n\"usr/lib/sysctl.d/*.conf\" = [\"SL4\"]\n").unwrap();
    assert!(c.ignored_in_file("/usr/lib/sysctl.d/a.conf", "SL402"));
    assert!(!c.ignored_in_file("/usr/lib/sysctl.d/a.conf", "SL305"));
    assert!(!c.ignored_in_file("/usr/lib/sysctl.d/sub/a.conf", "SL402"));
    c.apply(&mut diags, &files);
    assert_eq!(diags.len(), 1);
    assert_eq!(
        files[diags[0].file].source.name,
        "/etc/sysctl.d/99-local.conf"
    );

    let c = parse("[per-file-ignores]\n\"*.conf\" = [\"redundant-duplicate\"]\n").unwrap();
    assert!(c.ignored_in_file("/etc/sysctl.d/99-local.conf", "SL402"));
    assert!(c.ignored_in_file("a.conf", "SL402"));
    assert!(!c.ignored_in_file("a.conf.bak", "SL402"));
}

#[test]
fn known_keys_patterns() {
    let patterns = vec![
        "net.mydriver.*".to_owned(),
        "dev/vendor/**".to_owned(),
        "kernel.exact_key".to_owned(),
    ];
    assert!(key_is_known(&patterns, "net.mydriver.debug"));
    assert!(!key_is_known(&patterns, "net.mydriver.eth0.debug"));
    assert!(key_is_known(&patterns, "dev.vendor.a.b.c"));
    assert!(key_is_known(&patterns, "kernel.exact_key"));
    assert!(key_is_known(&patterns, "kernel/exact_key"));
    assert!(!key_is_known(&patterns, "kernel.exact_key2"));
    assert!(!key_is_known(&patterns, "net.other.debug"));
    assert!(!key_is_known(&[], "net.mydriver.debug"));
}

#[test]
fn show_names_where_each_setting_came_from() {
    let c = config::parse(
        "kernel = \"5.4\"\n\n[severity]\nSL305 = \"error\"\n",
        Path::new("/p/.sysctl-lint.toml"),
    )
    .unwrap();
    let shown = c.show();
    assert!(
        shown.starts_with("# configuration: /p/.sysctl-lint.toml\n"),
        "{shown}"
    );
    assert!(
        shown.contains("kernel = \"5.4\"  # /p/.sysctl-lint.toml:1\n"),
        "{shown}"
    );
    assert!(
        shown.contains("[severity]  # /p/.sysctl-lint.toml:3\nSL305 = \"error\"\n"),
        "{shown}"
    );
    assert!(
        shown.contains("# select: not set (every rule)\n"),
        "{shown}"
    );
    let d = Config::default().show();
    assert!(
        d.starts_with("# configuration: none (.sysctl-lint.toml not found); defaults\n"),
        "{d}"
    );
}

// ---------------------------------------------------------------------------
// Discovery trusts only files nobody else could have written (issue 12, part 7).
// We run as root: another owner comes from `chown`, shared directories from `chmod`.

mod trust {
    use std::fs;
    use std::os::unix::fs::{chown, PermissionsExt};
    use std::path::{Path, PathBuf};

    use assert_cmd::Command;
    use sysctl_lint::config::{self, Discovery};

    /// Not root, not us.
    const OTHER: u32 = 4242;

    /// `TMP/proj/.sysctl-lint.toml` (ignores SL201) above `TMP/proj/sub/a.conf`
    /// (one SL201 typo): with the configuration `check` exits 0, without it 1.
    struct Tree {
        dir: tempfile::TempDir,
    }

    impl Tree {
        fn new() -> Tree {
            let dir = tempfile::tempdir().unwrap();
            fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
            let sub = dir.path().join("proj/sub");
            fs::create_dir_all(&sub).unwrap();
            fs::write(sub.join("a.conf"), "net.ipv4.tcp_timestsmps = 0\n").unwrap();
            let t = Tree { dir };
            fs::write(t.config(), "ignore = [\"SL201\"]\n").unwrap();
            t.chmod(&t.config(), 0o644);
            t.chmod(&t.proj(), 0o755);
            t
        }
        fn proj(&self) -> PathBuf {
            self.dir.path().join("proj")
        }
        fn sub(&self) -> PathBuf {
            self.proj().join("sub")
        }
        fn config(&self) -> PathBuf {
            self.proj().join(config::FILE_NAME)
        }
        fn chmod(&self, p: &Path, mode: u32) {
            fs::set_permissions(p, fs::Permissions::from_mode(mode)).unwrap();
        }
        fn discover(&self) -> Discovery {
            config::discover(&self.sub()).unwrap()
        }
        /// The reason discovery gives for skipping the file (panics if it is used).
        fn refused(&self) -> String {
            match self.discover() {
                Discovery::Untrusted(u) => {
                    assert_eq!(u.path, self.config());
                    u.reason
                }
                other => panic!("{} was not refused: {other:?}", self.config().display()),
            }
        }
        fn used(&self) {
            let found = self.discover().loaded().expect("the configuration is used");
            assert_eq!(found.path, self.config());
        }
    }

    #[test]
    fn a_file_owned_by_root_or_the_current_user_is_used() {
        let t = Tree::new();
        t.used();
    }

    #[test]
    fn a_file_owned_by_another_user_is_refused() {
        let t = Tree::new();
        chown(t.config(), Some(OTHER), None).unwrap();
        let reason = t.refused();
        assert!(
            reason.contains("it is owned by uid 4242 (not by you, uid 0, or root)"),
            "{reason}"
        );
        chown(t.config(), Some(0), None).unwrap();
        t.used();
    }

    #[test]
    fn a_directory_owned_by_another_user_is_refused() {
        let t = Tree::new();
        chown(t.proj(), Some(OTHER), Some(OTHER)).unwrap();
        let reason = t.refused();
        assert!(reason.starts_with("its directory "), "{reason}");
        assert!(reason.contains("/proj is owned by uid 4242"), "{reason}");
    }

    #[test]
    fn a_file_or_directory_writable_by_group_or_others_is_refused() {
        let t = Tree::new();
        for (mode, by) in [
            (0o664, "its group (mode 0664)"),
            (0o646, "other users (mode 0646)"),
            (0o666, "its group and other users (mode 0666)"),
        ] {
            t.chmod(&t.config(), mode);
            let reason = t.refused();
            assert_eq!(reason, format!("it is writable by {by}"));
        }
        t.chmod(&t.config(), 0o644);
        for (mode, by) in [
            (0o777, "its group and other users (mode 0777)"),
            (0o1777, "its group and other users (mode 1777)"),
            (0o775, "its group (mode 0775)"),
        ] {
            t.chmod(&t.proj(), mode);
            let reason = t.refused();
            assert!(
                reason.ends_with(&format!("/proj is writable by {by}")),
                "{reason}"
            );
        }
        t.chmod(&t.proj(), 0o755);
        t.used();
    }

    fn check_in(dir: &Path, args: &[&str]) -> (i32, String) {
        let out = Command::cargo_bin("sysctl-lint")
            .unwrap()
            .current_dir(dir)
            .args(["check", "--format", "short"])
            .args(args)
            .arg("a.conf")
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    #[test]
    fn the_cli_says_once_why_and_config_still_uses_the_file() {
        let t = Tree::new();
        t.chmod(&t.proj(), 0o777);
        // Not used: SL201 is reported, and stderr says so once, naming the file,
        // the reason and how to use it anyway.
        let (code, stderr) = check_in(&t.sub(), &[]);
        assert_eq!(code, 1, "{stderr}");
        let config = t.config().display().to_string();
        assert_eq!(
            stderr,
            format!(
                "sysctl-lint: not using {config}: its directory {} is writable by its group \
                 and other users (mode 0777), so someone else could have written it; the \
                 defaults apply. If you trust it, name it: --config {config}\n",
                t.proj().display()
            )
        );
        // Named explicitly, it is used, silently.
        let (code, stderr) = check_in(&t.sub(), &["--config", &config]);
        assert_eq!((code, stderr.as_str()), (0, ""));
        // Trusted again.
        t.chmod(&t.proj(), 0o755);
        let (code, stderr) = check_in(&t.sub(), &[]);
        assert_eq!((code, stderr.as_str()), (0, ""));
    }

    /// A file owned by the user who runs sysctl-lint is used (run as uid 4242
    /// through `setpriv`, when it is installed).
    #[test]
    fn a_file_owned_by_the_user_running_the_tool_is_used() {
        if Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("skipped: no setpriv");
            return;
        }
        let t = Tree::new();
        chown(t.config(), Some(OTHER), Some(OTHER)).unwrap();
        chown(t.proj(), Some(OTHER), Some(OTHER)).unwrap();
        let bin = assert_cmd::cargo::cargo_bin("sysctl-lint");
        let run = |uid: u32| {
            let out = Command::new("setpriv")
                .args([
                    format!("--reuid={uid}"),
                    format!("--regid={uid}"),
                    "--clear-groups".to_owned(),
                ])
                .arg(&bin)
                .args(["check", "--format", "short", "a.conf"])
                .current_dir(t.sub())
                .output()
                .unwrap();
            (
                out.status.code().unwrap(),
                String::from_utf8(out.stderr).unwrap(),
            )
        };
        assert_eq!(run(OTHER), (0, String::new()));
        // Another unprivileged user does not trust it.
        let (code, stderr) = run(OTHER + 1);
        assert_eq!(code, 1, "{stderr}");
        assert!(
            stderr.contains("it is owned by uid 4242 (not by you, uid 4243, or root)"),
            "{stderr}"
        );
    }

    #[test]
    fn notice_quotes_and_escapes_the_path() {
        let u = config::Untrusted {
            path: PathBuf::from("/tmp/a b\x1b[2J/.sysctl-lint.toml"),
            reason: "it is writable by other users (mode 0646)".to_owned(),
        };
        let shown = u.to_string();
        assert!(!shown.contains('\x1b'));
        assert!(
            shown.ends_with("--config '/tmp/a b\\x1b[2J/.sysctl-lint.toml'"),
            "{shown}"
        );
    }
}
