//! The manual pages (`sysctl-lint man`, `sysctl-lint man --dir DIR`): every page
//! that one page names exists, and groff formats each without a warning
//! (`groff -man -Tutf8 -ww`).
//!
//! groff comes with Debian's `groff-base` (a dependency of man-db); `.ci/run`
//! installs it and sets `SYSCTL_LINT_REQUIRE_GROFF=1`, so that in CI a missing
//! groff fails instead of skipping.

use std::path::Path;
use std::process::{Command, Output};

fn sysctl_lint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sysctl-lint"))
        .args(args)
        .output()
        .expect("run sysctl-lint")
}

/// `NAME(1)` references to this program's pages in a roff page.
fn own_references(roff: &str) -> Vec<String> {
    let text = roff
        .replace("\\-", "-")
        .replace("\\fB", "")
        .replace("\\fR", "");
    let mut found: Vec<String> = text
        .match_indices("sysctl-lint")
        .filter_map(|(at, _)| {
            let rest = &text[at..];
            let end = rest.find("(1)")?;
            let name = &rest[..end];
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c == '-')
                .then(|| name.to_owned())
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

/// groff's warnings for one page, or `None` without groff.
fn groff_warnings(page: &Path) -> Option<String> {
    let out = match Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .arg(page)
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            assert!(
                std::env::var_os("SYSCTL_LINT_REQUIRE_GROFF").is_none(),
                "groff cannot run and SYSCTL_LINT_REQUIRE_GROFF is set: {e}"
            );
            eprintln!("SKIPPED: groff cannot run ({e}); install groff-base");
            return None;
        }
    };
    assert!(out.status.success(), "groff failed on {}", page.display());
    Some(String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn man_dir_writes_every_page_and_groff_has_no_warning() {
    let dir = tempfile::tempdir().unwrap();
    let out = sysctl_lint(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    for command in [
        "audit",
        "check",
        "completions",
        "config",
        "describe",
        "effective",
        "explain",
        "man",
        "profiles",
        "rules",
    ] {
        let name = format!("sysctl-lint-{command}.1");
        assert!(names.contains(&name), "{name} not in {names:?}");
    }
    assert!(names.contains(&"sysctl-lint.1".to_owned()));
    let mut warnings = String::new();
    for name in &names {
        let path = dir.path().join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(".SH \"SEE ALSO\""), "{name}");
        // Every page of ours that a page names was written.
        for page in own_references(&text) {
            assert!(
                names.contains(&format!("{page}.1")),
                "{name} names {page}(1), which is not written"
            );
        }
        if name != "sysctl-lint.1" {
            assert!(
                own_references(&text).contains(&"sysctl-lint".to_owned()),
                "{name} does not refer to sysctl-lint(1)"
            );
        }
        match groff_warnings(&path) {
            Some(w) => warnings.push_str(&w),
            None => return,
        }
    }
    assert!(warnings.is_empty(), "groff -ww:\n{warnings}");
    // The main page names every command's page.
    let main = std::fs::read_to_string(dir.path().join("sysctl-lint.1")).unwrap();
    assert_eq!(own_references(&main).len(), names.len() - 1, "{names:?}");
}

#[test]
fn man_alone_is_the_full_page_and_names_no_missing_page() {
    let out = sysctl_lint(&["man"]);
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    // It names no page of ours: only the one printed exists.
    assert_eq!(own_references(&page), Vec::<String>::new());
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        ".SH COMMANDS",
        ".SH \"EXIT STATUS\"",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH EXAMPLES",
        ".SH \"SEE ALSO\"",
    ] {
        assert!(page.contains(section), "no {section}");
    }
    // Every command with its options, the files and the environment.
    for text in [
        ".SS check",
        ".SS audit",
        ".SS describe",
        "\\-\\-fail\\-on",
        "\\-\\-stdin\\-filename",
        "\\-\\-snapshot",
        "json\\-lines",
        ".sysctl\\-lint.toml",
        "/usr/local/lib/sysctl.d",
        "NO_COLOR",
        "SYSCTL_LINT_RESOLVER",
    ] {
        assert!(page.contains(text), "no {text}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sysctl-lint.1");
    std::fs::write(&path, &page).unwrap();
    if let Some(w) = groff_warnings(&path) {
        assert!(w.is_empty(), "groff -ww:\n{w}");
    }
}
