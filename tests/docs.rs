//! What users read cites public sources only (issue 13 part 4, issue 16 part 5):
//! the rule pages (`rules/docs/*.md`, also shown by `explain` and embedded in
//! SARIF help), the hardening profiles (`rules/profiles/*.toml`, shown by
//! `profiles NAME`) and `describe` for every catalogued key never name a file
//! of the development environment's reference folder.

use std::path::Path;

use sysctl_lint::{catalog, describe, profile, rules};

/// Paths and tags of the development environment that no user has.
const PRIVATE: &[&str] = &[
    "reference/",
    "kernel-facts",
    "syntax.md",
    "kernel-write-behaviour",
    "../shared",
    "sysctl-a",
];

/// `what: found ...` for each private name in `text`.
fn private_names(what: &str, text: &str, out: &mut Vec<String>) {
    for name in PRIVATE {
        if let Some(at) = text.find(name) {
            let line = text[..at].matches('\n').count() + 1;
            out.push(format!("{what}:{line}: `{name}`"));
        }
    }
}

/// The files of a directory with the given extension, sorted.
fn files(dir: &str, ext: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

#[test]
fn rule_pages_cite_public_sources_only() {
    let mut found = Vec::new();
    let pages = files("rules/docs", "md");
    assert!(pages.len() >= 60, "rule pages: {}", pages.len());
    let translated = files("rules/docs/zh-CN", "md");
    for page in pages.iter().chain(&translated) {
        let text = std::fs::read_to_string(page).expect("read");
        private_names(&page.display().to_string(), &text, &mut found);
    }
    // What `explain` and SARIF show: the embedded bodies.
    for doc in rules::docs() {
        private_names(&format!("{} (embedded)", doc.code), doc.body, &mut found);
        private_names(&format!("{} summary", doc.code), doc.summary, &mut found);
    }
    assert!(
        found.is_empty(),
        "private sources cited:\n{}",
        found.join("\n")
    );
}

#[test]
fn profiles_cite_public_sources_only() {
    let mut found = Vec::new();
    let toml = files("rules/profiles", "toml");
    assert_eq!(toml.len(), profile::all().len());
    for file in &toml {
        let text = std::fs::read_to_string(file).expect("read");
        private_names(&file.display().to_string(), &text, &mut found);
    }
    // What `profiles NAME` shows.
    for p in profile::all() {
        for c in &p.checks {
            let shown = format!("{} {}\n{}", c.key, c.rationale, c.sources.join("; "));
            private_names(&format!("profile {} {}", p.name, c.key), &shown, &mut found);
        }
    }
    assert!(
        found.is_empty(),
        "private sources cited:\n{}",
        found.join("\n")
    );
}

#[test]
fn describe_cites_public_sources_only() {
    let mut found = Vec::new();
    for info in catalog::all() {
        let key = catalog::example_key(info);
        let d = describe::describe(&key).unwrap_or_else(|_| panic!("{key} is not described"));
        private_names(
            &format!("describe {key}"),
            &describe::render_human(&d),
            &mut found,
        );
        private_names(
            &format!("describe --format json {key}"),
            &describe::to_json(&d).to_string(),
            &mut found,
        );
    }
    assert!(
        found.is_empty(),
        "{} private sources cited:\n{}",
        found.len(),
        found.join("\n")
    );
}
