//! Baselines: record today's findings, report only new ones. Matching ignores line
//! numbers: a moved line stays baselined, a changed value resurfaces.

use sysctl_lint::baseline::{self, Baseline};
use sysctl_lint::{lint_source, Diagnostic, FileData, Options};

fn lint(text: &str) -> (Vec<FileData>, Vec<Diagnostic>) {
    lint_source("a.conf", text.as_bytes(), &Options::default())
}

fn codes(diags: &[Diagnostic]) -> Vec<&'static str> {
    diags.iter().map(|d| d.code).collect()
}

const BEFORE: &str = "net.ipv4.tcp_timestsmps = 0\n; old comment\nnet.ipv4.tcp_tw_recycle = 1\n";

fn recorded() -> Baseline {
    let (files, diags) = lint(BEFORE);
    assert_eq!(codes(&diags), ["SL201", "SL110", "SL202"]);
    baseline::build(&files, &diags)
}

#[test]
fn write_and_load_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("baseline.json");
    let (files, diags) = lint(BEFORE);
    baseline::write(&path, &files, &diags).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["tool"]["name"], "sysctl-lint");
    let entries = json["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    let e = entries
        .iter()
        .find(|e| e["code"] == "SL201")
        .expect("SL201 entry");
    assert_eq!(e["file"], "a.conf");
    assert_eq!(e["key"], "net.ipv4.tcp_timestsmps");
    assert_eq!(e["value"], "0");
    assert_eq!(e["fingerprint"].as_str().unwrap().len(), 16);
    assert!(e.get("line").is_none(), "no line numbers in a baseline");
    let loaded = baseline::load(&path).unwrap();
    assert_eq!(loaded, baseline::build(&files, &diags));
    // Deterministic: writing again gives the same bytes.
    baseline::write(&path, &files, &diags).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn unchanged_findings_are_dropped() {
    let b = recorded();
    let (files, mut diags) = lint(BEFORE);
    assert_eq!(baseline::filter(&b, &files, &mut diags), 3);
    assert!(diags.is_empty());
}

#[test]
fn a_moved_line_stays_suppressed() {
    let b = recorded();
    let moved = "# a new comment line\n\nnet.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_sack = 1\n; old comment\nnet.ipv4.tcp_timestsmps = 0\n";
    let (files, mut diags) = lint(moved);
    assert_eq!(baseline::filter(&b, &files, &mut diags), 3);
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn a_changed_value_resurfaces() {
    let b = recorded();
    let (files, mut diags) =
        lint("net.ipv4.tcp_timestsmps = 1\n; old comment\nnet.ipv4.tcp_tw_recycle = 1\n");
    assert_eq!(baseline::filter(&b, &files, &mut diags), 2);
    assert_eq!(codes(&diags), ["SL201"]);
    assert_eq!(diags[0].value.as_deref(), Some("1"));
}

#[test]
fn a_changed_keyless_line_resurfaces() {
    let b = recorded();
    let (files, mut diags) =
        lint("net.ipv4.tcp_timestsmps = 0\n; a different comment\nnet.ipv4.tcp_tw_recycle = 1\n");
    assert_eq!(baseline::filter(&b, &files, &mut diags), 2);
    assert_eq!(codes(&diags), ["SL110"]);
}

#[test]
fn a_new_finding_shows() {
    let b = recorded();
    let (files, mut diags) = lint(&format!("{BEFORE}net.ipv4.tcp_sakc = 1\n"));
    assert_eq!(baseline::filter(&b, &files, &mut diags), 3);
    assert_eq!(codes(&diags), ["SL201"]);
    assert_eq!(diags[0].key.as_deref(), Some("net.ipv4.tcp_sakc"));
}

#[test]
fn another_file_is_not_matched() {
    let b = recorded();
    let (files, mut diags) = lint_source("b.conf", BEFORE.as_bytes(), &Options::default());
    assert_eq!(baseline::filter(&b, &files, &mut diags), 0);
    assert_eq!(diags.len(), 3);
}

#[test]
fn duplicates_are_counted() {
    let twice = "net.ipv4.tcp_timestsmps = 0\nnet.ipv4.tcp_timestsmps = 0\n";
    let (files, diags) = lint(twice);
    let n201 = codes(&diags).iter().filter(|c| **c == "SL201").count();
    assert_eq!(n201, 2);
    let b = baseline::build(&files, &diags);
    // A third identical line is one more than the baseline absorbs.
    let (files, mut diags) = lint(&format!("{twice}net.ipv4.tcp_timestsmps = 0\n"));
    baseline::filter(&b, &files, &mut diags);
    assert_eq!(
        codes(&diags).iter().filter(|c| **c == "SL201").count(),
        1,
        "{diags:?}"
    );
}

#[test]
fn unreadable_inputs_are_never_baselined() {
    let files = vec![FileData::unreadable(
        "gone.conf",
        "No such file or directory",
    )];
    let mut diags = sysctl_lint::lint(&files, &Options::default());
    let b = baseline::build(&files, &diags);
    assert!(b.entries.is_empty());
    let everything = Baseline {
        entries: vec![baseline::entry(&files, &diags[0])],
    };
    assert_eq!(baseline::filter(&everything, &files, &mut diags), 0);
    assert_eq!(codes(&diags), ["SL100"]);
}

#[test]
fn load_errors_name_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.json");
    let e = baseline::load(&path).unwrap_err();
    assert!(e.starts_with("cannot read baseline `"), "{e}");
    std::fs::write(&path, "{\"version\": 2, \"entries\": []}").unwrap();
    let e = baseline::load(&path).unwrap_err();
    assert!(
        e.ends_with("baseline version 2 is not supported (this sysctl-lint reads version 1)"),
        "{e}"
    );
    std::fs::write(&path, "[1, 2").unwrap();
    let e = baseline::load(&path).unwrap_err();
    assert!(e.contains(": not valid JSON: "), "{e}");
    std::fs::write(&path, "{\"version\": 1}").unwrap();
    let e = baseline::load(&path).unwrap_err();
    assert!(
        e.contains("not a sysctl-lint baseline: missing field `entries`"),
        "{e}"
    );
    assert_eq!(
        Baseline::from_json("{\"version\": 1, \"entries\": []}").unwrap(),
        Baseline::default()
    );
}
