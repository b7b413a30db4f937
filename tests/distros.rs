//! Stock layouts check clean (issue 14, part 8): the sysctl files that Debian,
//! Ubuntu, Fedora, Arch and Alpine install, as trees under `tests/fixtures/distros/`
//! (sources in `SOURCES.md` there), checked with `check --root` under the loader
//! detection picks. No distribution ships a file this tool should complain about,
//! and a `README*` in a sysctl.d directory is documentation, not a finding.

use std::path::Path;

use assert_cmd::Command;
use sysctl_lint::system::{self, Loader};

fn bin() -> Command {
    let mut c = Command::cargo_bin("sysctl-lint").expect("binary");
    c.env_remove("NO_COLOR");
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// `check --root` on one distribution's tree: the loader detection picks, exit 0,
/// no error and no warning, and a snapshot of the boot order, the files left out
/// (and why) and the short output.
fn stock(name: &str, loader: Loader) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/distros")
        .join(name);
    assert!(root.is_dir(), "{}", root.display());
    assert_eq!(system::detect_loader(&root), loader, "{name}");
    let sys = system::load(&root, loader);

    let out = bin()
        .args(["check", "--isolated", "--format", "short", "--root"])
        .arg(&root)
        .output()
        .expect("run");
    let short = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(out.status.code(), Some(0), "{name}: {short}");
    for bad in ["error[", "warning["] {
        assert!(!short.contains(bad), "{name}: {short}");
    }

    let mut text = format!("loader: {loader} (detected)\nboot order:\n");
    for f in &sys.files {
        text.push_str(&format!("  {}\n", f.source.name));
    }
    text.push_str("left out:\n");
    for k in &sys.skipped {
        text.push_str(&format!("  {k} [{}]\n", k.reason.id()));
    }
    text.push_str(&format!("check --format short (exit 0):\n{short}"));
    insta::assert_snapshot!(name, text);
}

#[test]
fn debian_bookworm() {
    stock("debian", Loader::Systemd);
}

#[test]
fn ubuntu_noble() {
    stock("ubuntu", Loader::Systemd);
}

#[test]
fn fedora() {
    stock("fedora", Loader::Systemd);
}

#[test]
fn arch() {
    stock("arch", Loader::Systemd);
}

#[test]
fn alpine() {
    stock("alpine", Loader::Procps);
}

/// The trees hold what SOURCES.md says: every file and link in a tree is named
/// there, so a file added without its source fails.
#[test]
fn every_tree_file_has_a_source() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/distros");
    let sources = std::fs::read_to_string(dir.join("SOURCES.md")).expect("SOURCES.md");
    let mut missing = Vec::new();
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("dir") {
            let e = e.expect("entry");
            let p = e.path();
            let t = e.file_type().expect("type");
            if t.is_dir() {
                stack.push(p);
                continue;
            }
            let rel = p.strip_prefix(&dir).expect("prefix");
            let mut parts = rel.components();
            let Some(tree) = parts.next() else { continue };
            let inner = parts.as_path().to_string_lossy().into_owned();
            if inner.is_empty() {
                continue; // SOURCES.md itself
            }
            let section = format!("## {}:", tree.as_os_str().to_string_lossy());
            let body = sources
                .split("\n## ")
                .find(|s| format!("## {s}").starts_with(&section))
                .unwrap_or_default();
            if !body.contains(&format!("`{inner}")) {
                missing.push(rel.display().to_string());
            }
        }
    }
    missing.sort();
    assert!(missing.is_empty(), "not in SOURCES.md: {missing:?}");
}

/// `README`, `README.sysctl`, `readme.md` in any sysctl.d directory are the
/// directory's documentation: no SL405, for both loaders. Other names that do not
/// end in `.conf` are still reported.
#[test]
fn readme_in_sysctl_d_is_documentation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    for (path, text) in [
        ("etc/sysctl.d/README.sysctl", "Kernel system variables\n"),
        ("etc/sysctl.d/readme.md", "# notes\n"),
        ("usr/lib/sysctl.d/README", "Files in this directory\n"),
        ("usr/lib/sysctl.d/50-x.conf", "vm.swappiness = 10\n"),
        ("etc/sysctl.d/notes.txt", "net.ipv4.ip_forward = 1\n"),
    ] {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    for loader in ["systemd", "procps"] {
        let out = bin()
            .args([
                "check",
                "--isolated",
                "--format",
                "short",
                "--fail-on",
                "info",
            ])
            .args(["--loader", loader, "--root"])
            .arg(root)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{loader}");
        // Short names the tree's own file (here outside the current directory).
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            format!(
                "{}/etc/sysctl.d/notes.txt:1:1: info[SL405] `/etc/sysctl.d/notes.txt` is not read: the name does not end in .conf\n",
                root.display()
            ),
            "{loader}"
        );
    }
}
