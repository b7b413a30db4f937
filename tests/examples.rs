//! The examples people read are what the binary prints: every block between
//! `<!-- NAME:start -->` and `<!-- NAME:end -->` in `README.md`, `README.zh-CN.md` and the book's
//! guide chapters (`docs/src/guide/*.md`) is a fenced block whose first line is
//! `$ sysctl-lint ARGS`, followed by that command's standard output (run from
//! the repository root, 100 columns, no colour, English).
//!
//! `UPDATE_EXAMPLES=1 cargo test --test examples` rewrites the blocks from the
//! current binary (then read the diff).

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = vec![root.join("README.md"), root.join("README.zh-CN.md")];
    let mut guide: Vec<PathBuf> = std::fs::read_dir(root.join("docs/src/guide"))
        .expect("docs/src/guide")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    guide.sort();
    docs.extend(guide);
    docs
}

/// `'a b' c` -> [`a b`, `c`]: the single quotes the examples use.
fn words(command: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in command.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    out
}

fn run(command: &str) -> String {
    let args = words(command);
    assert_eq!(
        args.first().map(String::as_str),
        Some("sysctl-lint"),
        "{command}"
    );
    let mut cmd = Command::cargo_bin("sysctl-lint").expect("binary");
    for v in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(v);
    }
    let out = cmd
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .args(&args[1..])
        .output()
        .expect("run");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The document with every example block replaced by the current output, and
/// the number of blocks.
fn refreshed(text: &str, doc: &Path) -> (String, usize) {
    let mut out = String::new();
    let mut rest = text;
    let mut blocks = 0;
    while let Some(at) = rest.find("<!-- ") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let Some((marker, after)) = from.split_once(" -->\n") else {
            out.push_str(from);
            rest = "";
            break;
        };
        let Some(name) = marker
            .strip_prefix("<!-- ")
            .and_then(|m| m.strip_suffix(":start"))
        else {
            out.push_str(marker);
            out.push_str(" -->\n");
            rest = after;
            continue;
        };
        let end = format!("<!-- {name}:end -->");
        let (block, tail) = after
            .split_once(&end)
            .unwrap_or_else(|| panic!("{}: `{name}` block not closed", doc.display()));
        let (fence, body) = block
            .split_once('\n')
            .unwrap_or_else(|| panic!("{}: `{name}` block empty", doc.display()));
        let (command, _) = body
            .split_once('\n')
            .unwrap_or_else(|| panic!("{}: `{name}` block without a command", doc.display()));
        let command = command.strip_prefix("$ ").unwrap_or_else(|| {
            panic!(
                "{}: `{name}` must start with `$ sysctl-lint`",
                doc.display()
            )
        });
        let output = run(command);
        out.push_str(&format!(
            "<!-- {name}:start -->\n{fence}\n$ {command}\n{output}```\n{end}"
        ));
        blocks += 1;
        rest = tail;
    }
    out.push_str(rest);
    (out, blocks)
}

#[test]
fn examples_are_what_the_binary_prints() {
    let update = std::env::var_os("UPDATE_EXAMPLES").is_some();
    let mut stale = Vec::new();
    let mut total = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).expect("read");
        let (new, blocks) = refreshed(&text, &doc);
        total += blocks;
        if new != text {
            if update {
                std::fs::write(&doc, &new).expect("write");
            } else {
                stale.push(doc.display().to_string());
            }
        }
    }
    assert!(total >= 4, "example blocks found: {total}");
    assert!(
        stale.is_empty(),
        "examples out of date (UPDATE_EXAMPLES=1 cargo test --test examples, then read the diff):\n{}",
        stale.join("\n")
    );
}

#[test]
fn quoting() {
    assert_eq!(
        words("sysctl-lint effective --key 'kernel.*'"),
        ["sysctl-lint", "effective", "--key", "kernel.*"]
    );
}
