//! Every fixture in `tests/fixtures/`: the findings match the fixture's own
//! `# expect: CODE` markers exactly (a marker names the code the next line must
//! get; every other line must get nothing), and golden snapshots of the human and
//! JSON reports make every change in wording visible in review.

use std::collections::BTreeSet;
use std::path::Path;

use sysctl_lint::{lint_source, report, KernelVersion, Options};

/// Options from directive lines in a fixture: `# kernel: 6.1`, `# memory: 16G`,
/// `# profile: server`.
fn options_for(text: &str) -> Options {
    let directive = |name: &str| {
        text.lines().find_map(|l| {
            l.trim_start_matches('\u{FEFF}')
                .strip_prefix(&format!("# {name}: "))
                .map(str::trim)
        })
    };
    Options {
        kernel: directive("kernel")
            .map(|v| KernelVersion::parse_lenient(v).expect("fixture kernel"))
            .unwrap_or_default(),
        memory: directive("memory")
            .map(|m| sysctl_lint::units::parse_size(m).expect("fixture memory")),
        profile: directive("profile")
            .map(|p| sysctl_lint::profile::find(p).expect("fixture profile")),
        ..Options::default()
    }
}

fn lint_fixture(
    path: &Path,
) -> (
    Vec<sysctl_lint::FileData>,
    Vec<sysctl_lint::Diagnostic>,
    Options,
) {
    let bytes = std::fs::read(path).expect("read fixture");
    let name = path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let options = options_for(&String::from_utf8_lossy(&bytes));
    let (files, diags) = lint_source(&name, &bytes, &options);
    (files, diags, options)
}

/// `(line, code)` pairs named by `# expect: SL101` (or `# expect: SL101, SL305`)
/// markers: the code applies to the next line. `# expect-here: SL107` applies to
/// the marker's own line.
fn expected(text: &str) -> BTreeSet<(usize, String)> {
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{FEFF}');
        for (marker, offset) in [("# expect: ", 2), ("# expect-here: ", 1)] {
            if let Some(codes) = line.strip_prefix(marker) {
                for code in codes.split(',') {
                    out.insert((i + offset, code.trim().to_owned()));
                }
            }
        }
    }
    out
}

#[test]
fn findings_match_expect_markers() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir("tests/fixtures").expect("fixtures dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "conf") {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("read")).into_owned();
        let want = expected(&text);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if want.is_empty()
            && !name.starts_with("clean")
            && !name.starts_with("crlf")
            && !name.starts_with("no_final")
        {
            continue; // fixtures without markers are covered by snapshots only
        }
        let (files, diags, _) = lint_fixture(&path);
        let got: BTreeSet<(usize, String)> = diags
            .iter()
            .map(|d| {
                (
                    files[d.file].source.position(d.span.start).0,
                    d.code.to_owned(),
                )
            })
            .collect();
        if got != want {
            failures.push(format!(
                "{name}:\n  unexpected: {:?}\n  missing:    {:?}",
                got.difference(&want).collect::<Vec<_>>(),
                want.difference(&got).collect::<Vec<_>>()
            ));
        }
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "findings differ from # expect markers:\n{}",
        failures.join("\n")
    );
    assert!(checked > 20, "only {checked} fixtures checked");
}

#[test]
fn snapshots() {
    insta::glob!("fixtures/*.conf", |path| {
        let (files, diags, options) = lint_fixture(path);
        insta::assert_snapshot!("human", report::human::render(&files, &diags, false));
        insta::assert_json_snapshot!(
            "json",
            report::json::to_value(&files, &diags, &options.kernel.to_string())
        );
    });
}

#[test]
fn parse_round_trips_every_fixture() {
    insta::glob!("fixtures/*.conf", |path| {
        let bytes = std::fs::read(path).unwrap();
        let source = sysctl_lint::SourceFile::new("f", bytes.clone());
        let tree = sysctl_lint::syntax::parse(&source.text);
        assert_eq!(tree.print(source.bytes()), bytes);
    });
}
