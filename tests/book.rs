//! The documentation book (`docs/`, an mdBook) is what `cargo run --example
//! gen-docs` generates from `rules/` (so it cannot go stale), every page that
//! `SUMMARY.md` lists exists, and every relative link between its pages
//! resolves (to a page, and to an anchor on it where one is given).

#[path = "../examples/gen-docs/book.rs"]
mod book;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs")
}

#[test]
fn docs_are_generated_from_rules() {
    let files = book::generate();
    let mut stale = Vec::new();
    for (rel, text) in &files {
        match std::fs::read_to_string(docs().join(rel)) {
            Ok(on_disk) if on_disk == *text => {}
            Ok(_) => stale.push(format!("docs/{rel} differs")),
            Err(e) => stale.push(format!("docs/{rel}: {e}")),
        }
    }
    for dir in book::GENERATED_DIRS {
        for entry in std::fs::read_dir(docs().join("src").join(dir)).expect("generated dir") {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let rel = format!("src/{dir}/{name}");
            if !files.contains_key(&rel) {
                stale.push(format!("docs/{rel} is not generated any more"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "docs/ is stale; run `cargo run --example gen-docs` and commit docs/:\n{}",
        stale.join("\n")
    );
}

/// Every Markdown page under `docs/src`, relative to it.
fn pages() -> Vec<String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, base, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(
                    path.strip_prefix(base)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    let src = docs().join("src");
    let mut out = Vec::new();
    walk(&src, &src, &mut out);
    out.sort();
    out
}

/// The targets of inline links `](target)` in Markdown text, outside code.
fn links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_fence = false;
    for line in text.lines() {
        if line.starts_with("```") || line.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("](") {
            rest = &rest[at + 2..];
            if let Some(end) = rest.find(')') {
                out.push(rest[..end].to_owned());
                rest = &rest[end..];
            }
        }
    }
    out
}

#[test]
fn summary_and_links_resolve() {
    let src = docs().join("src");
    let pages = pages();
    assert!(pages.contains(&"SUMMARY.md".to_owned()));
    for (path, _) in book::HAND_WRITTEN {
        assert!(pages.contains(&(*path).to_owned()), "{path} is missing");
    }
    let anchors = |page: &str| -> BTreeSet<String> {
        let text = std::fs::read_to_string(src.join(page)).unwrap_or_default();
        text.match_indices("<a id=\"")
            .map(|(at, m)| {
                let rest = &text[at + m.len()..];
                rest[..rest.find('"').unwrap()].to_owned()
            })
            .collect()
    };
    let mut broken = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(src.join(page)).unwrap();
        let dir = Path::new(page).parent().unwrap_or(Path::new(""));
        for link in links(&text) {
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            let (file, fragment) = match link.split_once('#') {
                Some((f, a)) => (f, Some(a)),
                None => (link.as_str(), None),
            };
            let target = if file.is_empty() {
                PathBuf::from(page)
            } else {
                normalize(&dir.join(file))
            };
            let target = target.to_string_lossy().into_owned();
            if !pages.contains(&target) {
                broken.push(format!("{page}: {link} (no page {target})"));
            } else if let Some(a) = fragment {
                if !anchors(&target).contains(a) {
                    broken.push(format!("{page}: {link} (no anchor {a} in {target})"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// `a/../b` -> `b`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}
