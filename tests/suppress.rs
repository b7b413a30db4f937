//! Inline suppressions: `# sysctl-lint: disable=` (next setting line) and
//! `disable-file=` (whole file), SL115 for unused or unreadable directives, and
//! SL116 for a directive written after a value.

use sysctl_lint::suppress::{self, Scope};
use sysctl_lint::{lint_source, Diagnostic, FileData, Options, Severity, SourceFile};

/// Lint (the rules alone, before suppressions), apply the suppressions, and return
/// (files, remaining, new SL115 findings).
fn run(text: &str) -> (Vec<FileData>, Vec<Diagnostic>, Vec<Diagnostic>) {
    let files = vec![FileData::new(SourceFile::new(
        "a.conf",
        text.as_bytes().to_vec(),
    ))];
    let mut diags = sysctl_lint::lint(&files, &Options::default());
    let new = suppress::apply(&files, &mut diags);
    (files, diags, new)
}

/// `(line, code)` of each finding.
fn at(files: &[FileData], diags: &[Diagnostic]) -> Vec<(usize, &'static str)> {
    diags
        .iter()
        .map(|d| (files[d.file].source.position(d.span.start).0, d.code))
        .collect()
}

#[test]
fn disable_applies_to_the_next_setting_line_only() {
    let (files, diags, new) = run(
        "# sysctl-lint: disable=SL201 -- out-of-tree driver\nnet.ipv4.tcp_timestsmps = 0\nnet.ipv4.tcp_sakc = 1\n",
    );
    assert_eq!(at(&files, &diags), [(3, "SL201")]);
    assert!(new.is_empty(), "{new:?}");
}

#[test]
fn directives_stack_and_skip_blank_and_comment_lines() {
    let (files, diags, new) = run(concat!(
        "# sysctl-lint: disable=unknown-key\n",
        "\n",
        "# a plain comment\n",
        "# sysctl-lint: disable=SL305\n",
        "net.ipv4.tcp_timestsmps = 0 #x\n",
    ));
    assert_eq!(at(&files, &diags), []);
    assert!(new.is_empty(), "{new:?}");
}

#[test]
fn names_prefixes_and_lists_work() {
    let (_, diags, new) = run(concat!(
        "# sysctl-lint: disable = SL2 , inline-comment\n",
        "net.ipv4.tcp_timestsmps = 0 #x\n",
    ));
    assert!(diags.is_empty(), "{diags:?}");
    assert!(new.is_empty(), "{new:?}");
}

#[test]
fn disable_file_applies_anywhere_in_the_file() {
    let (files, diags, new) = run(concat!(
        "net.ipv4.tcp_timestsmps = 0\n",
        "net.ipv4.tcp_sakc = 1 #x\n",
        "; sysctl-lint: disable-file=SL201\n",
    ));
    // The `;` comment itself is still SL110; the SL305 stays.
    assert_eq!(at(&files, &diags), [(2, "SL305"), (3, "SL110")]);
    assert!(new.is_empty(), "{new:?}");
}

#[test]
fn unused_code_is_sl115_info_at_the_code() {
    let text = "# sysctl-lint: disable=SL201,SL402 -- why\nnet.ipv4.tcp_timestsmps = 0\n";
    let (files, diags, new) = run(text);
    assert!(diags.is_empty());
    assert_eq!(new.len(), 1);
    let d = &new[0];
    assert_eq!(d.code, "SL115");
    assert_eq!(d.name, "unused-suppression");
    assert_eq!(d.severity, Severity::Info);
    assert_eq!(&text[d.span.clone()], "SL402");
    assert_eq!(files[0].source.position(d.span.start), (1, 30));
    assert_eq!(
        d.message,
        "nothing to suppress: line 2 has no `SL402` finding"
    );
}

#[test]
fn unused_file_directive_and_directive_without_a_line() {
    let text =
        "net.ipv4.tcp_sack = 1\n# sysctl-lint: disable-file=SL305\n# sysctl-lint: disable=SL201\n";
    let (_, diags, new) = run(text);
    assert!(diags.is_empty());
    let messages: Vec<&str> = new.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "nothing to suppress: this file has no `SL305` finding",
            "nothing to suppress: no setting line follows `disable=SL201`",
        ]
    );
    assert!(new.iter().all(|d| d.severity == Severity::Info));
}

#[test]
fn unknown_code_is_sl115_warning_with_did_you_mean() {
    let text = "# sysctl-lint: disable=SL2O1\nnet.ipv4.tcp_timestsmps = 0\n";
    let (files, diags, new) = run(text);
    assert_eq!(
        at(&files, &diags),
        [(2, "SL201")],
        "the finding is not suppressed"
    );
    assert_eq!(new.len(), 1);
    let d = &new[0];
    assert_eq!((d.code, d.severity), ("SL115", Severity::Warning));
    assert_eq!(&text[d.span.clone()], "SL2O1");
    assert_eq!(
        d.message,
        "unknown rule `SL2O1`: the directive suppresses nothing for it"
    );
    assert!(d
        .help
        .as_deref()
        .unwrap()
        .starts_with("did you mean `SL201`?"));
}

#[test]
fn malformed_directives_are_sl115_warnings() {
    for (text, message, spanned) in [
        (
            "# sysctl-lint: disabel=SL201\nnet.ipv4.tcp_sack = 1\n",
            "unknown directive `disabel`: the comment suppresses nothing",
            "disabel",
        ),
        (
            "# sysctl-lint: disable SL201\nnet.ipv4.tcp_sack = 1\n",
            "`disable` names no codes: the comment suppresses nothing",
            "disable",
        ),
        (
            "# sysctl-lint: disable=\nnet.ipv4.tcp_sack = 1\n",
            "empty code in a suppression directive",
            "=",
        ),
    ] {
        let (_, _, new) = run(text);
        assert_eq!(new.len(), 1, "{text}: {new:?}");
        assert_eq!(new[0].code, "SL115");
        assert_eq!(new[0].severity, Severity::Warning);
        assert_eq!(new[0].message, message, "{text}");
        assert_eq!(&text[new[0].span.clone()], spanned, "{text}");
    }
    // A comment that merely mentions the tool is not a directive.
    let (_, _, new) = run("# checked with sysctl-lint\nnet.ipv4.tcp_sack = 1\n");
    assert!(new.is_empty());
}

#[test]
fn disable_file_sl115_silences_sl115() {
    let (_, _, new) = run(concat!(
        "# sysctl-lint: disable-file=unused-suppression\n",
        "# sysctl-lint: disable=SL201\n",
        "net.ipv4.tcp_sack = 1\n",
    ));
    assert!(new.is_empty(), "{new:?}");
}

#[test]
fn directives_are_parsed_with_scope_and_reason() {
    let text =
        "# sysctl-lint: disable=SL201 -- TICKET-12\n\nnet.x.y = 1\n#sysctl-lint:disable-file=SL4\n";
    let (files, _) = lint_source("a.conf", text.as_bytes(), &Options::default());
    let (dirs, problems) = suppress::directives(0, &files[0]);
    assert!(problems.is_empty());
    assert_eq!(dirs.len(), 2);
    assert_eq!(dirs[0].scope, Scope::Line(Some(3)));
    assert_eq!(dirs[0].reason.as_deref(), Some("TICKET-12"));
    assert_eq!(dirs[0].codes[0].text, "SL201");
    assert_eq!(dirs[1].scope, Scope::File);
    assert_eq!(dirs[1].line, 4);
    assert_eq!(&text[dirs[1].codes[0].span.clone()], "SL4");
}

#[test]
fn a_directive_after_a_value_suppresses_nothing() {
    let (files, diags, new) = run("net.ipv4.tcp_timestsmps = 0 # sysctl-lint: disable=SL201\n");
    assert!(new.is_empty());
    let got = at(&files, &diags);
    assert!(got.contains(&(1, "SL201")), "{got:?}");
}

/// SL116 is a line rule: this test passes once `sl116_suppression_after_value::RULE`
/// is registered in `rules::RULES`.
#[test]
fn sl116_reports_a_directive_after_a_value() {
    let text = "net.ipv4.tcp_timestsmps = 0 # sysctl-lint: disable=SL201\nnet.ipv4.tcp_sack = 1\n";
    let (files, diags) = lint_source("a.conf", text.as_bytes(), &Options::default());
    let d: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == "SL116").collect();
    assert_eq!(d.len(), 1, "{diags:?}");
    let d = d[0];
    assert_eq!(d.name, "suppression-after-value");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(&text[d.span.clone()], "# sysctl-lint: disable=SL201");
    assert_eq!(files[0].source.position(d.span.start), (1, 29));
    assert_eq!(
        d.message,
        "this directive is part of the value: it suppresses nothing"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("put the directive on its own line above the setting: `# sysctl-lint: disable=SL201` then `net.ipv4.tcp_timestsmps = 0`")
    );
    assert_eq!(d.key.as_deref(), Some("net.ipv4.tcp_timestsmps"));
    // SL201 and SL305 still report the line: the directive is part of the value.
    let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    assert!(
        codes.contains(&"SL201") && codes.contains(&"SL305"),
        "{codes:?}"
    );
}

#[test]
fn crlf_files_work() {
    let (files, diags, new) = run(
        "# sysctl-lint: disable=SL201\r\nnet.ipv4.tcp_timestsmps = 0\r\n# sysctl-lint: disable=SL305 -- why\r\nnet.ipv4.tcp_sakc = 1\r\n",
    );
    assert_eq!(at(&files, &diags), [(4, "SL201")]);
    assert_eq!(new.len(), 1);
    assert_eq!(
        new[0].message,
        "nothing to suppress: line 4 has no `SL305` finding"
    );
}

/// A rule the configuration turns off does not run (`--ignore`, `select`), and a
/// directive that names it is not reported unused; the other rules' findings and
/// a directive of a rule that runs are as before.
#[test]
fn rules_turned_off_do_not_run_and_their_directives_are_not_unused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.conf");
    std::fs::write(
        &path,
        "# sysctl-lint: disable=SL209\nnet.ipv4.conf.eth0.rp_filter = 1\n\
         # sysctl-lint: disable=SL201\nnet.ipv4.tcp_fin_timeout = 30\n",
    )
    .expect("write");
    let run = |extra: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("sysctl-lint")
            .expect("binary")
            .args(["check", "--isolated", "--format", "short"])
            .args(extra)
            .arg(&path)
            .output()
            .expect("run");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    // Both rules run: the SL209 directive is used, the SL201 one is not.
    let all = run(&[]);
    assert!(all.contains(":3:24: info[SL115]"), "{all}");
    assert!(!all.contains("SL209"), "{all}");
    // SL209 turned off: its directive is not reported unused either way.
    let ignored = run(&["--ignore", "SL209"]);
    assert_eq!(ignored, all, "--ignore SL209");
    // Only SL1xx selected: neither SL209 nor SL201 runs, so neither directive can
    // be judged, and none is reported.
    let selected = run(&["--select", "SL1"]);
    assert_eq!(selected, "", "--select SL1");
}

/// The library leaves a skipped rule unrun (`Options::skip`), but never one whose
/// findings others depend on: SL106 supersedes SL301 on its line, so skipping
/// SL106 must not bring SL301 back (the configuration drops SL106 afterwards).
#[test]
fn skipped_rules_are_not_run_unless_others_depend_on_them() {
    let text = "net.ipv4.conf.eth0.rp_filter = 1\nnet.ipv4.tcp_syncookies = \"1\"\n";
    let codes = |skip: Vec<&'static str>| -> Vec<&'static str> {
        let options = Options {
            skip,
            ..Options::default()
        };
        let (_, diags) = lint_source("a.conf", text.as_bytes(), &options);
        diags.iter().map(|d| d.code).collect()
    };
    assert_eq!(codes(vec![]), ["SL209", "SL106"]);
    assert_eq!(codes(vec!["SL209"]), ["SL106"]);
    assert_eq!(codes(vec!["SL106"]), ["SL209", "SL106"]);
}
