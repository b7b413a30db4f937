//! The machine report formats for CI systems: SARIF (GitHub code scanning), GitHub
//! Actions workflow commands, GitLab Code Quality and JSON Lines. Golden snapshots
//! of each for two fixtures, plus the properties the consumers rely on: escaping,
//! fingerprints that survive moved lines, and SARIF that validates against the
//! official 2.1.0 schema.

use std::path::Path;

use serde_json::Value;
use sysctl_lint::diagnostic::Diagnostic;
use sysctl_lint::report::{github, gitlab, json, jsonl, sarif};
use sysctl_lint::{lint, lint_source, rules, FileData, Options, SourceFile};

const FIXTURES: &[&str] = &["tuning-guide.conf", "SL401_duplicate_key.conf"];

fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(path).expect("read fixture")
}

fn lint_fixture(name: &str) -> (Vec<FileData>, Vec<Diagnostic>) {
    lint_source(name, &fixture_bytes(name), &Options::default())
}

/// A single file with one hand-made diagnostic.
fn one(name: &str, text: &str, diag: Diagnostic) -> (Vec<FileData>, Vec<Diagnostic>) {
    let files = vec![FileData::new(SourceFile::new(
        name,
        text.as_bytes().to_vec(),
    ))];
    (files, vec![diag])
}

fn parse(s: &str) -> Value {
    serde_json::from_str(s).expect("valid JSON")
}

/// The SARIF log for a snapshot: the (long, documentation-heavy) rule list is
/// replaced by one line per rule, and the tool version by a placeholder.
fn sarif_for_snapshot(out: &str) -> String {
    let mut v = parse(out);
    let driver = &mut v["runs"][0]["tool"]["driver"];
    let rules: Vec<Value> = driver["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| {
            Value::String(format!(
                "{} {} {} {}",
                r["id"].as_str().unwrap_or_default(),
                r["name"].as_str().unwrap_or_default(),
                r["defaultConfiguration"]["level"]
                    .as_str()
                    .unwrap_or_default(),
                r["properties"]["tags"]
                    .as_array()
                    .expect("tags")
                    .iter()
                    .map(|t| t.as_str().unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join(",")
            ))
        })
        .collect();
    driver["rules"] = Value::Array(rules);
    driver["version"] = Value::String("[version]".into());
    driver["semanticVersion"] = Value::String("[version]".into());
    serde_json::to_string_pretty(&v).expect("serialize")
}

#[test]
fn snapshots() {
    for name in FIXTURES {
        let (files, diags) = lint_fixture(name);
        assert!(!diags.is_empty(), "{name} has findings");
        let cwd = Some(Path::new("/repo"));
        insta::assert_snapshot!(
            format!("sarif@{name}"),
            sarif_for_snapshot(&sarif::render_with_cwd(&files, &diags, cwd))
        );
        insta::assert_snapshot!(
            format!("github@{name}"),
            github::render_with_cwd(&files, &diags, cwd)
        );
        insta::assert_snapshot!(
            format!("gitlab@{name}"),
            gitlab::render_with_cwd(&files, &diags, cwd)
        );
        insta::assert_snapshot!(format!("jsonl@{name}"), jsonl::render(&files, &diags));
    }
}

#[test]
fn render_uses_the_current_directory_only_for_absolute_paths() {
    for name in FIXTURES {
        let (files, diags) = lint_fixture(name);
        // (Only the declaration of %SRCROOT% names the directory.)
        let without_base = |text: String| {
            let mut v = parse(&text);
            v["runs"][0]
                .as_object_mut()
                .unwrap()
                .remove("originalUriBaseIds");
            v
        };
        assert_eq!(
            without_base(sarif::render(&files, &diags)),
            without_base(sarif::render_with_cwd(&files, &diags, None))
        );
        assert_eq!(
            github::render(&files, &diags),
            github::render_with_cwd(&files, &diags, None)
        );
        assert_eq!(
            gitlab::render(&files, &diags),
            gitlab::render_with_cwd(&files, &diags, None)
        );
    }
}

// ---- SARIF ----

fn sarif_validator() -> jsonschema::Validator {
    let schema = parse(include_str!("sarif-schema-2.1.0.json"));
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("SARIF schema compiles")
}

fn assert_valid_sarif(out: &str) {
    let validator = sarif_validator();
    let instance = parse(out);
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF schema violations:\n{}",
        errors.join("\n")
    );
}

/// An unreadable input, a path with characters a URI must encode, an absolute
/// path outside the current directory and one under it.
fn awkward_inputs() -> (Vec<FileData>, Vec<Diagnostic>) {
    let files = vec![
        FileData::unreadable("/etc/sysctl.d/missing.conf", "No such file or directory"),
        FileData::new(SourceFile::new(
            ".\\conf d\\50-a:b,c%#.conf",
            b"net.ipv4.tcp_timestsmps = 0\nnet.ipv4.tcp_fin_timeout = 30\nnet/ipv4/tcp_fin_timeout = 15\nno equals here\n".to_vec(),
        )),
        FileData::new(SourceFile::new(
            "/repo/sysctl.d/90-中文.conf",
            "net.ipv4.tcp_tw_recycle = 1 # 中文\n".as_bytes().to_vec(),
        )),
    ];
    let diags = lint(&files, &Options::default());
    (files, diags)
}

#[test]
fn sarif_validates_against_the_schema() {
    for name in FIXTURES {
        let (files, diags) = lint_fixture(name);
        assert_valid_sarif(&sarif::render(&files, &diags));
    }
    let (files, diags) = awkward_inputs();
    assert_valid_sarif(&sarif::render_with_cwd(
        &files,
        &diags,
        Some(Path::new("/repo")),
    ));
    // No findings at all: still a valid log with the rules.
    let (files, diags) = lint_source("clean.conf", b"vm.swappiness = 10\n", &Options::default());
    assert!(diags.is_empty());
    assert_valid_sarif(&sarif::render(&files, &diags));
}

#[test]
fn the_schema_check_catches_invalid_sarif() {
    let validator = sarif_validator();
    let (files, diags) = lint_fixture("SL401_duplicate_key.conf");
    let mut v = parse(&sarif::render(&files, &diags));
    v["runs"][0]["results"][0]["level"] = Value::String("fatal".into());
    assert!(!validator.is_valid(&v));
    let mut v = parse(&sarif::render(&files, &diags));
    v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    assert!(!validator.is_valid(&v));
}

#[test]
fn sarif_lists_every_rule_with_its_documentation() {
    let (files, diags) = lint_fixture("tuning-guide.conf");
    let v = parse(&sarif::render(&files, &diags));
    assert_eq!(v["$schema"], sarif::SCHEMA);
    assert_eq!(v["version"], "2.1.0");
    let driver = &v["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "sysctl-lint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules_out = driver["rules"].as_array().expect("rules");
    let docs = rules::docs();
    assert_eq!(rules_out.len(), docs.len());
    for (r, doc) in rules_out.iter().zip(docs) {
        assert_eq!(r["id"], doc.code);
        assert_eq!(r["name"], doc.name);
        assert_eq!(r["shortDescription"]["text"], doc.summary);
        assert_eq!(r["fullDescription"]["text"], doc.summary);
        assert_eq!(r["help"]["markdown"], doc.body);
        assert!(!r["help"]["text"].as_str().unwrap_or_default().is_empty());
        assert_eq!(
            r["defaultConfiguration"]["level"],
            sarif::level(doc.severity)
        );
    }
    // Every result points at its rule, has a location and a fingerprint.
    let results = v["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), diags.len());
    for (r, d) in results.iter().zip(&diags) {
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules_out[index]["id"], r["ruleId"]);
        assert_eq!(r["ruleId"], d.code);
        assert_eq!(r["level"], sarif::level(d.severity));
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "tuning-guide.conf");
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(loc["region"]["startLine"].as_u64().expect("startLine") >= 1);
        let text = r["message"]["text"].as_str().expect("message");
        assert!(text.starts_with(&d.message));
        if let Some(help) = &d.help {
            assert!(text.ends_with(&format!("\n{help}")));
        }
        assert_eq!(
            r["partialFingerprints"]["sysctlLint/v1"]
                .as_str()
                .expect("fingerprint")
                .len(),
            16
        );
    }
}

#[test]
fn sarif_related_locations_come_from_labels() {
    let (files, diags) = lint_fixture("SL401_duplicate_key.conf");
    let v = parse(&sarif::render(&files, &diags));
    let r = v["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["ruleId"] == "SL401")
        .expect("an SL401");
    let related = &r["relatedLocations"][0];
    assert_eq!(related["id"], 1);
    assert_eq!(related["message"]["text"], "first set to `1024` here");
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 3);
    assert_eq!(related["physicalLocation"]["region"]["startColumn"], 1);
}

#[test]
fn sarif_paths_and_unreadable_inputs() {
    let (files, diags) = awkward_inputs();
    let v = parse(&sarif::render_with_cwd(
        &files,
        &diags,
        Some(Path::new("/repo")),
    ));
    let results = v["runs"][0]["results"].as_array().expect("results");

    // An unreadable input is still a result, on line 1 of its (absolute) file.
    let sl100 = results
        .iter()
        .find(|r| r["ruleId"] == "SL100")
        .expect("SL100");
    let loc = &sl100["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "file:///etc/sysctl.d/missing.conf"
    );
    assert!(loc["artifactLocation"].get("uriBaseId").is_none());
    assert_eq!(loc["region"], serde_json::json!({"startLine": 1}));

    let uris: Vec<&str> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .expect("uri")
        })
        .collect();
    // `./` stripped, `\` -> `/`, URI-unsafe characters encoded.
    assert!(uris.contains(&"conf%20d/50-a%3Ab,c%25%23.conf"), "{uris:?}");
    // Under the current directory: relative, UTF-8 percent-encoded.
    assert!(
        uris.contains(&"sysctl.d/90-%E4%B8%AD%E6%96%87.conf"),
        "{uris:?}"
    );

    // Columns count characters, end exclusive.
    assert_eq!(v["runs"][0]["columnKind"], "unicodeCodePoints");
}

// ---- GitHub ----

#[test]
fn github_escapes_messages_and_properties() {
    let text = "net.ipv4.tcp_timestsmps = 0\n";
    let d = Diagnostic::new("SL201", 0, 0..23, "100% wrong: a, b\r\nsecond line")
        .help("fix: this, now");
    let (files, diags) = one("dir,x/a:b%.conf", text, d);
    let out = github::render_with_cwd(&files, &diags, None);
    assert_eq!(
        out,
        "::error file=dir%2Cx/a%3Ab%25.conf,line=1,col=1,endLine=1,endColumn=24,\
         title=SL201 unknown-key::100%25 wrong: a, b%0D%0Asecond line%0Afix: this, now\n"
    );
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn github_escape_functions() {
    assert_eq!(github::escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
    assert_eq!(
        github::escape_property("a%b\r\nc:d,e"),
        "a%25b%0D%0Ac%3Ad%2Ce"
    );
    // `%` first: an escape is never escaped twice.
    assert_eq!(github::escape_property("%3A"), "%253A");
}

#[test]
fn github_levels_and_locations() {
    let text = "vm.swappiness = 10\nabc\n";
    let files = vec![FileData::new(SourceFile::new(
        "./a.conf",
        text.as_bytes().to_vec(),
    ))];
    let diags = vec![
        Diagnostic::new("SL201", 0, 0..13, "e").severity(sysctl_lint::Severity::Warning),
        Diagnostic::new("SL201", 0, 0..13, "i").severity(sysctl_lint::Severity::Info),
        // Spans two lines: columns left out.
        Diagnostic::new("SL201", 0, 3..21, "m"),
        // Empty span mid-file: a point.
        Diagnostic::new("SL201", 0, 16..16, "p"),
        // File-level.
        Diagnostic::new("SL201", 0, 0..0, "f"),
    ];
    let out = github::render_with_cwd(&files, &diags, None);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "::warning file=a.conf,line=1,col=1,endLine=1,endColumn=14,title=SL201 unknown-key::e",
            "::notice file=a.conf,line=1,col=1,endLine=1,endColumn=14,title=SL201 unknown-key::i",
            "::error file=a.conf,line=1,endLine=2,title=SL201 unknown-key::m",
            "::error file=a.conf,line=1,col=17,title=SL201 unknown-key::p",
            "::error file=a.conf,line=1,title=SL201 unknown-key::f",
        ]
    );
}

#[test]
fn github_one_line_per_diagnostic() {
    for name in FIXTURES {
        let (files, diags) = lint_fixture(name);
        let out = github::render(&files, &diags);
        assert_eq!(out.lines().count(), diags.len());
        for l in out.lines() {
            assert!(
                l.starts_with("::error file=")
                    || l.starts_with("::warning file=")
                    || l.starts_with("::notice file="),
                "{l}"
            );
        }
    }
}

// ---- GitLab ----

#[test]
fn gitlab_escapes_json() {
    let text = "kernel.core_pattern = \"|/x\\y\"\n";
    let message = "value \"|/x\\y\" has quotes\tand a backslash";
    let d = Diagnostic::new("SL106", 0, 22..29, message)
        .severity(sysctl_lint::Severity::Warning)
        .key("kernel.core_pattern");
    let (files, diags) = one("dir\\sub \"q\".conf", text, d);
    let out = gitlab::render_with_cwd(&files, &diags, None);
    assert!(
        out.contains(r#""description": "value \"|/x\\y\" has quotes\tand a backslash""#),
        "{out}"
    );
    let v = parse(&out);
    let issue = &v[0];
    assert_eq!(issue["description"], message);
    assert_eq!(issue["check_name"], "SL106");
    assert_eq!(issue["severity"], "major");
    assert_eq!(issue["location"]["path"], "dir/sub \"q\".conf");
    assert_eq!(issue["location"]["lines"]["begin"], 1);
    assert_eq!(issue["location"]["lines"]["end"], 1);
}

#[test]
fn a_span_ending_with_its_newline_ends_on_its_line() {
    let text = "no equals here
vm.swappiness = 10
";
    let d = Diagnostic::new("SL101", 0, 0..15, "m");
    let (files, diags) = one("a.conf", text, d);
    let v = parse(&gitlab::render_with_cwd(&files, &diags, None));
    assert_eq!(
        v[0]["location"]["lines"],
        serde_json::json!({"begin": 1, "end": 1})
    );
    assert_eq!(
        github::render_with_cwd(&files, &diags, None),
        "::error file=a.conf,line=1,col=1,endLine=1,endColumn=15,title=SL101 missing-equals::m\n"
    );
}

#[test]
fn gitlab_report_shape() {
    for name in FIXTURES {
        let (files, diags) = lint_fixture(name);
        let v = parse(&gitlab::render(&files, &diags));
        let issues = v.as_array().expect("an array");
        assert_eq!(issues.len(), diags.len());
        for (i, d) in issues.iter().zip(&diags) {
            assert_eq!(i["check_name"], d.code);
            assert_eq!(i["severity"], gitlab::severity(d.severity));
            assert!(["info", "minor", "major", "critical", "blocker"]
                .contains(&i["severity"].as_str().expect("severity")));
            assert_eq!(i["location"]["path"], *name);
            assert!(i["location"]["lines"]["begin"].as_u64().expect("begin") >= 1);
        }
    }
    // An empty report is an empty array.
    let (files, diags) = lint_source("clean.conf", b"vm.swappiness = 10\n", &Options::default());
    assert_eq!(gitlab::render(&files, &diags), "[]\n");
}

// ---- Fingerprints ----

fn sarif_prints(out: &str) -> Vec<(String, u64)> {
    parse(out)["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            (
                r["partialFingerprints"]["sysctlLint/v1"]
                    .as_str()
                    .expect("fingerprint")
                    .to_owned(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .expect("line"),
            )
        })
        .collect()
}

fn gitlab_prints(out: &str) -> Vec<(String, u64)> {
    parse(out)
        .as_array()
        .expect("array")
        .iter()
        .map(|i| {
            (
                i["fingerprint"].as_str().expect("fingerprint").to_owned(),
                i["location"]["lines"]["begin"].as_u64().expect("line"),
            )
        })
        .collect()
}

#[test]
fn fingerprints_survive_moved_lines() {
    for name in FIXTURES {
        let bytes = fixture_bytes(name);
        let mut moved = b"\n\n".to_vec();
        moved.extend_from_slice(&bytes);
        let (files_a, diags_a) = lint_source(name, &bytes, &Options::default());
        let (files_b, diags_b) = lint_source(name, &moved, &Options::default());
        assert_eq!(diags_a.len(), diags_b.len());

        for (a, b) in [
            (
                sarif_prints(&sarif::render(&files_a, &diags_a)),
                sarif_prints(&sarif::render(&files_b, &diags_b)),
            ),
            (
                gitlab_prints(&gitlab::render(&files_a, &diags_a)),
                gitlab_prints(&gitlab::render(&files_b, &diags_b)),
            ),
        ] {
            for ((print_a, line_a), (print_b, line_b)) in a.iter().zip(&b) {
                assert_eq!(print_a, print_b, "{name}");
                assert_eq!(line_a + 2, *line_b, "{name}");
            }
        }
        // GitLab and SARIF agree.
        assert_eq!(
            sarif_prints(&sarif::render(&files_a, &diags_a))
                .into_iter()
                .map(|p| p.0)
                .collect::<Vec<_>>(),
            gitlab_prints(&gitlab::render(&files_a, &diags_a))
                .into_iter()
                .map(|p| p.0)
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn fingerprints_are_unique_and_depend_on_path_not_spelling() {
    for name in FIXTURES {
        let (files, diags) = lint_fixture(name);
        let prints = sarif::fingerprints(&files, &diags, None);
        let unique: std::collections::BTreeSet<&String> = prints.iter().collect();
        assert_eq!(unique.len(), prints.len(), "{name}: duplicate fingerprints");
        assert!(prints
            .iter()
            .all(|p| p.len() == 16 && p.bytes().all(|b| b.is_ascii_hexdigit())));

        // `./x` and `x` are the same file; another file is another finding.
        let bytes = fixture_bytes(name);
        let (f2, d2) = lint_source(&format!("./{name}"), &bytes, &Options::default());
        assert_eq!(prints, sarif::fingerprints(&f2, &d2, None));
        let (f3, d3) = lint_source(&format!("other/{name}"), &bytes, &Options::default());
        let others = sarif::fingerprints(&f3, &d3, None);
        assert!(prints.iter().zip(&others).all(|(a, b)| a != b));
    }
}

#[test]
fn fingerprints_are_fixed_values() {
    // The hash must never change between builds or platforms: pin one.
    let d = Diagnostic::new("SL201", 0, 0..23, "m").key("net.ipv4.tcp_timestsmps");
    let (files, diags) = one("a.conf", "net.ipv4.tcp_timestsmps = 0\n", d);
    let expected = format!(
        "{:016x}",
        sarif::fnv1a64(b"SL201\0a.conf\0key:net.ipv4.tcp_timestsmps")
    );
    assert_eq!(sarif::fingerprints(&files, &diags, None), [expected]);
    assert_eq!(sarif::fnv1a64(b"foobar"), 0x85944171f73967e8);
}

// ---- JSON Lines ----

#[test]
fn jsonl_lines_are_the_json_report_diagnostics() {
    for name in FIXTURES {
        let (files, diags) = lint_fixture(name);
        let out = jsonl::render(&files, &diags);
        let full = json::to_value(&files, &diags, "6.1");
        let expected = full["diagnostics"].as_array().expect("diagnostics");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), expected.len());
        for (l, e) in lines.iter().zip(expected) {
            assert!(!l.contains('\n'));
            assert_eq!(&parse(l), e);
        }
        assert!(out.ends_with('\n'));
    }
    let (files, diags) = lint_source("clean.conf", b"vm.swappiness = 10\n", &Options::default());
    assert_eq!(jsonl::render(&files, &diags), "");
}

// ---- --root in a repository (issue 14) ----

/// `check --root image` run from a repository: every machine format names the
/// tree's own files relative to the repository, so code scanning and GitLab
/// attach the findings to them; SARIF validates and its `uri`s resolve.
#[test]
fn root_in_a_repository_names_repository_files() {
    let repo = tempfile::tempdir().unwrap();
    let d = repo.path().join("image/etc/sysctl.d");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("10-a.conf"), "net.ipv4.tcp_timestsmps = 0\n").unwrap();
    std::fs::write(
        repo.path().join("image/etc/sysctl.conf"),
        "kernel.panic = x\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("../sysctl.conf", d.join("99-sysctl.conf")).unwrap();
    let run = |format: &str| {
        let out = assert_cmd::Command::cargo_bin("sysctl-lint")
            .unwrap()
            .current_dir(repo.path())
            .args([
                "check", "--root", "image", "--loader", "systemd", "--format", format,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        String::from_utf8(out.stdout).unwrap()
    };
    // SARIF: valid, relative uris against %SRCROOT%, which names the repository.
    let text = run("sarif");
    assert_valid_sarif(&text);
    let v = parse(&text);
    let run0 = &v["runs"][0];
    let base = run0["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    let repo_uri = format!(
        "file://{}/",
        std::fs::canonicalize(repo.path()).unwrap().display()
    );
    assert_eq!(base, repo_uri);
    let uris: Vec<&str> = run0["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            assert_eq!(loc["uriBaseId"], "%SRCROOT%");
            loc["uri"].as_str().unwrap()
        })
        .collect();
    assert!(uris.contains(&"image/etc/sysctl.d/10-a.conf"), "{uris:?}");
    // The link's finding sits on the file that holds the line.
    assert!(uris.contains(&"image/etc/sysctl.conf"), "{uris:?}");
    for u in &uris {
        assert!(
            repo.path().join(u).is_file(),
            "{u} is a file of the repository"
        );
    }
    // GitHub and GitLab: repository-relative paths too.
    assert!(run("github").contains("::error file=image/etc/sysctl.d/10-a.conf,line=1"));
    let gitlab = parse(&run("gitlab"));
    for issue in gitlab.as_array().unwrap() {
        let path = issue["location"]["path"].as_str().unwrap();
        assert!(repo.path().join(path).is_file(), "{path}");
    }
    // Short and JSON: the repository path; JSON keeps the boot path beside it.
    assert!(run("short").starts_with("image/etc/sysctl.d/10-a.conf:1:1: error[SL201]"));
    let json = parse(&run("json"));
    let f = &json["files"][0];
    assert_eq!(f["path"], "image/etc/sysctl.d/10-a.conf");
    assert_eq!(f["boot_path"], "/etc/sysctl.d/10-a.conf");
    // Human: both.
    assert!(run("human").contains("┌─ /etc/sysctl.d/10-a.conf (image/etc/sysctl.d/10-a.conf):1:1"));
}
