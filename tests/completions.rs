//! Shell completion: bash's completion function, driven as bash drives it on
//! TAB (`COMP_WORDS`, `COMP_CWORD`, the function named by `complete -p`), must
//! complete subcommands, their options and the options' values.

use std::process::Command;

/// The bash script from `sysctl-lint completions bash`, in a file.
fn bash_script() -> tempfile::NamedTempFile {
    let out = Command::new(env!("CARGO_BIN_EXE_sysctl-lint"))
        .args(["completions", "bash"])
        .output()
        .expect("run sysctl-lint");
    assert!(out.status.success());
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), &out.stdout).unwrap();
    file
}

/// What bash offers for the command line `words` (the last word is the one
/// being completed, possibly empty).
fn complete(script: &tempfile::NamedTempFile, words: &[&str]) -> Vec<String> {
    const DRIVER: &str = r#"
source "$0" || exit 1
fn=$(complete -p sysctl-lint | sed -E 's/.* -F ([^ ]+) .*/\1/')
[ -n "$fn" ] || { echo "no completion function registered" >&2; exit 1; }
COMP_WORDS=("$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="${COMP_WORDS[*]}"
COMP_POINT=${#COMP_LINE}
"$fn" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", DRIVER])
        .arg(script.path())
        .args(words)
        .output()
        .expect("run bash");
    assert!(
        out.status.success(),
        "{words:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut offered: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    offered.sort();
    offered
}

/// The values of `--format` for `check` and `audit`, as bash offers them (sorted).
const FORMATS: &[&str] = &[
    "github",
    "gitlab",
    "html",
    "human",
    "json",
    "json-lines",
    "prometheus",
    "sarif",
    "short",
];

#[test]
fn bash_completes_options_and_values_after_the_subcommand() {
    let script = bash_script();
    let cases: &[(&[&str], &[&str])] = &[
        (&["sysctl-lint", "ch"], &["check"]),
        (&["sysctl-lint", "check", "--form"], &["--format"]),
        (&["sysctl-lint", "check", "--format", ""], FORMATS),
        (
            &["sysctl-lint", "check", "--fail-on", ""],
            &["error", "info", "never", "warning"],
        ),
        (
            &["sysctl-lint", "check", "a.conf", "--unsafe"],
            &["--unsafe-fixes"],
        ),
        (&["sysctl-lint", "audit", "--sock"], &["--sockets"]),
        (&["sysctl-lint", "audit", "--format", ""], FORMATS),
        (&["sysctl-lint", "effective", "--format", "c"], &["conf"]),
        (&["sysctl-lint", "describe", "--form"], &["--format"]),
        (
            &["sysctl-lint", "completions", ""],
            &[
                "--help",
                "--lang",
                "-h",
                "bash",
                "elvish",
                "fish",
                "powershell",
                "zsh",
            ],
        ),
        (&["sysctl-lint", "man", "--d"], &["--dir"]),
        (&["sysctl-lint", "explain", "--la"], &["--lang"]),
        // Called by a path, as from a build directory.
        (
            &["./target/debug/sysctl-lint", "check", "--form"],
            &["--format"],
        ),
    ];
    let mut wrong = Vec::new();
    for (words, expected) in cases {
        let offered = complete(&script, words);
        if offered != *expected {
            wrong.push(format!(
                "{:?}: offered {offered:?}, expected {expected:?}",
                words.join(" ")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
