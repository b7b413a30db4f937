//! The fixtures of the rules SL100 to SL399 in Simplified Chinese (`--lang zh-CN`):
//! golden snapshots of the human (100 columns) and short reports, through the
//! command line, so every headline, note, help and label of these rules is read
//! in Chinese in review; and one JSON report with `message_localized`. Only
//! these rules are selected: a fixture's findings of other rules are reviewed
//! with those rules.

use std::path::Path;

use assert_cmd::Command;

/// The command-line options a fixture's directive lines ask for: `# kernel: 6.1`,
/// `# memory: 16G`, `# profile: server`.
fn directives(text: &str) -> Vec<String> {
    let mut args = Vec::new();
    for name in ["kernel", "memory", "profile"] {
        if let Some(v) = text.lines().find_map(|l| {
            l.trim_start_matches('\u{FEFF}')
                .strip_prefix(&format!("# {name}: "))
                .map(str::trim)
        }) {
            args.push(format!("--{name}"));
            args.push(v.to_owned());
        }
    }
    args
}

fn run(name: &str, format: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    // Bytes, not text: SL109's fixture is not UTF-8 on purpose.
    let bytes = std::fs::read(dir.join(name)).expect("read fixture");
    let text = String::from_utf8_lossy(&bytes);
    let mut c = Command::cargo_bin("sysctl-lint").expect("binary");
    for v in ["LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"] {
        c.env_remove(v);
    }
    let out = c
        .current_dir(&dir)
        .env("COLUMNS", "100")
        .args(["check", "--isolated", "--lang", "zh-CN", "--color", "never"])
        // Only these rules: the snapshots review their texts, and do not change
        // when another rule's messages do.
        .args(["--select", "SL1,SL2,SL3"])
        .args(["--format", format])
        .args(directives(&text))
        .arg(name)
        .output()
        .expect("run");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The fixtures of SL1xx to SL3xx.
fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir("tests/fixtures")
        .expect("fixtures dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.ends_with(".conf")
                && n.strip_prefix("SL")
                    .and_then(|r| r.chars().next())
                    .is_some_and(|c| ('1'..='3').contains(&c))
        })
        .collect();
    names.sort();
    names
}

#[test]
fn snapshots_zh() {
    let names = fixtures();
    assert!(names.len() >= 20, "{names:?}");
    for name in names {
        insta::assert_snapshot!(format!("zh_human@{name}"), run(&name, "human"));
        insta::assert_snapshot!(format!("zh_short@{name}"), run(&name, "short"));
    }
}

#[test]
fn json_keeps_english_and_adds_the_localized_message() {
    let json = run("SL307_documented_advice.conf", "json");
    assert!(json.contains("\"message_localized\""), "{json}");
    insta::assert_snapshot!("zh_json@SL307_documented_advice.conf", json);
}
