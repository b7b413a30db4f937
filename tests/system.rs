//! Whole-system loading (`system::load`) and the effective configuration
//! (`effective`) over the tree `tests/fixtures/root/`, for both loaders.
//!
//! The expected orders are spelled out from reference/syntax.md:
//! - §3 systemd: dirs /etc, /run, /usr/local/lib, /usr/lib (highest first), `*.conf`
//!   only, hidden names skipped, same basename masks, survivors sorted by basename;
//!   /etc/sysctl.conf only through the 99-sysctl.conf link.
//! - §2 procps: the same dirs plus /lib (here a merged-usr link to usr/lib, so the
//!   same directory), hidden `.conf` included, first dir wins, strcmp order, then
//!   /etc/sysctl.conf last even though 99-sysctl.conf already links to it (E13).

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use sysctl_lint::effective::{self, Effective};
use sysctl_lint::system::{self, Loader, SkipReason, System};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/root")
}

fn names(sys: &System) -> Vec<&str> {
    sys.files.iter().map(|f| f.source.name.as_str()).collect()
}

/// The file order and the skipped list, one per line.
fn layout(sys: &System) -> String {
    let mut s = format!("loader: {}\nfiles (application order):\n", sys.loader);
    for f in &sys.files {
        s.push_str(&format!("  {}", f.source.name));
        if let Some(e) = &f.read_error {
            s.push_str(&format!("  [unreadable: {}]", e.en));
        } else if f.source.bytes().is_empty() {
            s.push_str("  [empty]");
        }
        s.push('\n');
    }
    s.push_str("skipped:\n");
    for k in &sys.skipped {
        s.push_str(&format!("  {} [{}]\n", k, k.reason.id()));
    }
    s
}

fn effective_of(loader: Loader) -> Vec<Effective> {
    let sys = system::load(&root(), loader);
    effective::compute(&sys.files, loader)
}

fn find<'a>(effs: &'a [Effective], key: &str) -> &'a Effective {
    effs.iter()
        .find(|e| e.key == key)
        .unwrap_or_else(|| panic!("no {key}"))
}

#[test]
fn systemd_order_follows_sysctl_d() {
    let sys = system::load(&root(), Loader::Systemd);
    assert_eq!(
        names(&sys),
        [
            "/etc/sysctl.d/10-override.conf", // masks /usr/lib/sysctl.d/10-override.conf
            "/etc/sysctl.d/20-masked.conf",   // -> /dev/null: parsed as empty
            "/etc/sysctl.d/30-emptymask.conf", // empty: masks /run/sysctl.d/30-emptymask.conf
            "/run/sysctl.d/40-run.conf",
            "/usr/lib/sysctl.d/50-default.conf", // "50-default" < "50-local": basename order
            "/usr/local/lib/sysctl.d/50-local.conf", // across directories
            "/etc/sysctl.d/60-exclude.conf",
            "/usr/lib/sysctl.d/70-dup.conf",
            "/etc/sysctl.d/99-sysctl.conf", // -> ../sysctl.conf
        ]
    );
    for f in &sys.files[1..3] {
        assert!(f.source.bytes().is_empty() && f.read_error.is_none());
    }
    let skipped: Vec<(&str, SkipReason, Option<&str>)> = sys
        .skipped
        .iter()
        .map(|s| (s.path.as_str(), s.reason, s.by.as_deref()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("/etc/sysctl.d/.h.conf", SkipReason::Hidden, None),
            ("/etc/sysctl.d/README", SkipReason::Documentation, None),
            ("/etc/sysctl.d/w.conf~", SkipReason::BackupFile, None),
            ("/etc/sysctl.d/x.conf.bak", SkipReason::BackupFile, None),
            (
                "/run/sysctl.d/30-emptymask.conf",
                SkipReason::MaskedByEmptyFile,
                Some("/etc/sysctl.d/30-emptymask.conf")
            ),
            (
                "/run/sysctl.d/y.conf.rpmnew",
                SkipReason::PendingPackageUpdate,
                None
            ),
            (
                "/usr/local/lib/sysctl.d/z.conf.dpkg-dist",
                SkipReason::PendingPackageUpdate,
                None
            ),
            (
                "/usr/lib/sysctl.d/10-override.conf",
                SkipReason::MaskedBy,
                Some("/etc/sysctl.d/10-override.conf")
            ),
            (
                "/usr/lib/sysctl.d/20-masked.conf",
                SkipReason::MaskedByDevNull,
                Some("/etc/sysctl.d/20-masked.conf")
            ),
        ]
    );
}

#[test]
fn procps_order_follows_sysctl_system() {
    let sys = system::load(&root(), Loader::Procps);
    assert_eq!(
        names(&sys),
        [
            "/etc/sysctl.d/.h.conf", // hidden names are read; '.' < '1'
            "/etc/sysctl.d/10-override.conf",
            "/etc/sysctl.d/20-masked.conf",
            "/etc/sysctl.d/30-emptymask.conf",
            "/run/sysctl.d/40-run.conf",
            "/usr/lib/sysctl.d/50-default.conf",
            "/usr/local/lib/sysctl.d/50-local.conf",
            "/etc/sysctl.d/60-exclude.conf",
            "/usr/lib/sysctl.d/70-dup.conf",
            "/etc/sysctl.d/99-sysctl.conf",
            "/etc/sysctl.conf", // last, a second time (E13)
        ]
    );
    // /lib -> usr/lib: the fifth directory is the fourth again, nothing new.
    assert!(sys.skipped.iter().all(|s| !s.path.starts_with("/lib/")));
    assert!(!sys.skipped.iter().any(|s| s.reason == SkipReason::Hidden));
}

#[test]
fn layout_snapshots() {
    insta::assert_snapshot!(
        "layout_systemd",
        layout(&system::load(&root(), Loader::Systemd))
    );
    insta::assert_snapshot!(
        "layout_procps",
        layout(&system::load(&root(), Loader::Procps))
    );
}

#[test]
fn effective_snapshots() {
    for loader in [Loader::Systemd, Loader::Procps] {
        let effs = effective_of(loader);
        let name = loader.name();
        insta::assert_snapshot!(
            format!("effective_human_{name}"),
            effective::render_human(&effs)
        );
        insta::assert_snapshot!(
            format!("effective_conf_{name}"),
            effective::render_conf(&effs)
        );
        insta::assert_snapshot!(
            format!("effective_json_{name}"),
            serde_json::to_string_pretty(&effective::to_json(&effs, loader)).unwrap()
        );
    }
}

#[test]
fn effective_semantics() {
    let sd = effective_of(Loader::Systemd);
    let pp = effective_of(Loader::Procps);

    // Overridden across files: the later file in basename order wins.
    for effs in [&sd, &pp] {
        let pid = find(effs, "kernel.pid_max");
        assert_eq!(pid.value.as_deref(), Some("65536"));
        assert_eq!(pid.set_by.file, "/usr/local/lib/sysctl.d/50-local.conf");
        assert_eq!(pid.overridden[0].value, "32768");
        // Masked files contribute nothing.
        assert_eq!(find(effs, "kernel.panic").value.as_deref(), Some("30"));
        assert!(effs.iter().all(|e| e.key != "kernel.sysrq"));
    }
    let sw = find(&sd, "vm.swappiness");
    assert_eq!(sw.value.as_deref(), Some("10"));
    assert_eq!(sw.set_by.file, "/etc/sysctl.d/99-sysctl.conf");
    // procps reads /etc/sysctl.conf twice; the last read decides.
    let sw = find(&pp, "vm.swappiness");
    assert_eq!(sw.set_by.file, "/etc/sysctl.conf");
    assert_eq!(
        sw.overridden
            .iter()
            .map(|a| a.value.as_str())
            .collect::<Vec<_>>(),
        ["30", "60", "10"]
    );

    // Hidden file: procps only.
    assert!(sd.iter().all(|e| e.key != "kernel.kptr_restrict"));
    assert_eq!(
        find(&pp, "kernel.kptr_restrict").value.as_deref(),
        Some("2")
    );

    // A later -key drops the key under systemd only.
    let fwd = find(&sd, "net.ipv4.ip_forward");
    assert_eq!(fwd.value, None);
    assert!(fwd.set_by.exclusion);
    assert_eq!(
        fwd.note.as_deref(),
        Some("dropped by -net.ipv4.ip_forward at /etc/sysctl.d/60-exclude.conf:2")
    );
    assert_eq!(find(&pp, "net.ipv4.ip_forward").value.as_deref(), Some("1"));

    // Globs stay entries; explicit keys win over them whatever the order.
    for effs in [&sd, &pp] {
        let g = find(effs, "net.ipv4.conf.*.rp_filter");
        assert!(g.glob);
        assert_eq!(g.value.as_deref(), Some("2"));
        let lo = find(effs, "net.ipv4.conf.lo.rp_filter");
        assert_eq!(lo.value.as_deref(), Some("0"));
        assert_eq!(
            lo.note.as_deref(),
            Some("explicit setting wins over glob net.ipv4.conf.*.rp_filter (/usr/lib/sysctl.d/50-default.conf:3)")
        );
        let all = find(effs, "net.ipv4.conf.all.rp_filter");
        assert_eq!(all.value, None);
        assert!(all.note.as_deref().unwrap().contains("excluded from glob"));
        assert!(find(effs, "net.ipv4.conf.ifb*.rp_filter").glob);
    }

    // Identical repeat: merged (systemd keeps the earlier position), still listed.
    let ps = find(&sd, "fs.protected_symlinks");
    assert_eq!(ps.set_by.file, "/usr/lib/sysctl.d/70-dup.conf");
    assert_eq!(ps.overridden.len(), 1);
}

#[test]
fn filter_by_key_pattern() {
    let effs = effective_of(Loader::Systemd);
    let keys = |p: &str| -> Vec<String> {
        effective::filter(&effs, p)
            .into_iter()
            .map(|e| e.key)
            .collect()
    };
    assert_eq!(keys("kernel.p*"), ["kernel.panic", "kernel.pid_max"]);
    assert_eq!(keys("kernel/pid_max"), ["kernel.pid_max"]);
    // A literal key also brings the globs that would cover it.
    assert_eq!(
        keys("net.ipv4.conf.eth0.rp_filter"),
        ["net.ipv4.conf.*.rp_filter"]
    );
    assert!(keys("no.such.key").is_empty());
}

#[test]
fn detect_loader_looks_for_systemd_sysctl() {
    assert_eq!(system::detect_loader(&root()), Loader::Systemd);
    let t = tempfile::tempdir().unwrap();
    fs::create_dir_all(t.path().join("usr/lib/sysctl.d")).unwrap();
    assert_eq!(system::detect_loader(t.path()), Loader::Procps);
    // Split-usr: found through /lib, and /lib -> usr/lib resolves inside the tree.
    fs::create_dir_all(t.path().join("lib/systemd")).unwrap();
    fs::write(t.path().join("lib/systemd/systemd-sysctl"), "").unwrap();
    assert_eq!(system::detect_loader(t.path()), Loader::Systemd);
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

fn link(root: &Path, rel: &str, target: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    symlink(target, p).unwrap();
}

#[test]
fn sysctl_conf_without_link_is_not_read_by_systemd() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "etc/sysctl.conf", "vm.swappiness = 1\n");
    write(t.path(), "usr/lib/sysctl.d/50-a.conf", "kernel.panic = 1\n");
    let sd = system::load(t.path(), Loader::Systemd);
    assert_eq!(names(&sd), ["/usr/lib/sysctl.d/50-a.conf"]);
    assert_eq!(sd.skipped.len(), 1);
    assert_eq!(sd.skipped[0].path, "/etc/sysctl.conf");
    assert_eq!(sd.skipped[0].reason, SkipReason::NotReadViaSystemd);
    let pp = system::load(t.path(), Loader::Procps);
    assert_eq!(
        names(&pp),
        ["/usr/lib/sysctl.d/50-a.conf", "/etc/sysctl.conf"]
    );
}

#[test]
fn split_usr_lib_sysctl_d() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "lib/sysctl.d/10-lib.conf", "kernel.panic = 1\n");
    write(t.path(), "lib/sysctl.d/20-both.conf", "kernel.panic = 2\n");
    write(
        t.path(),
        "usr/lib/sysctl.d/20-both.conf",
        "kernel.panic = 3\n",
    );
    for loader in [Loader::Systemd, Loader::Procps] {
        let sys = system::load(t.path(), loader);
        assert_eq!(
            names(&sys),
            [
                "/lib/sysctl.d/10-lib.conf",
                "/usr/lib/sysctl.d/20-both.conf"
            ],
            "{loader}"
        );
        assert_eq!(sys.skipped[0].path, "/lib/sysctl.d/20-both.conf");
        assert_eq!(sys.skipped[0].reason, SkipReason::MaskedBy);
    }
    // Merged usr: systemd does not scan /lib/sysctl.d, procps finds the same dir.
    let m = tempfile::tempdir().unwrap();
    write(m.path(), "usr/lib/sysctl.d/10-a.conf", "kernel.panic = 1\n");
    link(m.path(), "lib", "usr/lib");
    for loader in [Loader::Systemd, Loader::Procps] {
        let sys = system::load(m.path(), loader);
        assert_eq!(names(&sys), ["/usr/lib/sysctl.d/10-a.conf"]);
        assert!(sys.skipped.is_empty());
    }
}

#[test]
fn links_resolve_inside_the_root_and_never_panic() {
    const LOOP: &str = "symbolic link loop (too many levels of symbolic links)";
    let t = tempfile::tempdir().unwrap();
    let r = t.path();
    write(r, "usr/share/sysctl/real.conf", "kernel.panic = 5\n");
    link(r, "etc/sysctl.d/10-abs.conf", "/usr/share/sysctl/real.conf");
    link(
        r,
        "etc/sysctl.d/11-rel.conf",
        "../../usr/share/sysctl/real.conf",
    );
    link(r, "etc/sysctl.d/20-loop.conf", "20-loop.conf");
    link(r, "etc/sysctl.d/21-loop-a.conf", "21-loop-b.conf");
    link(r, "etc/sysctl.d/21-loop-b.conf", "21-loop-a.conf");
    link(r, "etc/sysctl.d/30-dangling.conf", "/nowhere/x.conf");
    // Escapes: clamped at the root, so these look for ROOT/etc/hostname and
    // ROOT/etc/passwd, which do not exist; the host's files are never read.
    link(
        r,
        "etc/sysctl.d/40-escape.conf",
        "../../../../../../../../etc/hostname",
    );
    link(r, "etc/sysctl.d/41-abs-host.conf", "/etc/passwd");
    // A directory link through a loop inside a path.
    link(r, "run/sysctl.d", "/run/sysctl.d");
    fs::create_dir_all(r.join("etc/sysctl.d/50-dir.conf")).unwrap();

    for loader in [Loader::Systemd, Loader::Procps] {
        let sys = system::load(r, loader);
        let errors: Vec<(&str, Option<&str>)> = sys
            .files
            .iter()
            .map(|f| {
                let e = f.read_error.as_ref().map(|e| e.en.as_str());
                (f.source.name.as_str(), e)
            })
            .collect();
        assert_eq!(errors[0], ("/etc/sysctl.d/10-abs.conf", None));
        assert_eq!(errors[1], ("/etc/sysctl.d/11-rel.conf", None));
        assert_eq!(&*sys.files[0].source.text, "kernel.panic = 5\n");
        assert_eq!(errors[2].1, Some(LOOP));
        assert_eq!(errors[3].1, Some(LOOP));
        assert_eq!(errors[4].1, Some(LOOP));
        assert_eq!(
            errors[5].1,
            Some("dangling symbolic link (-> /nowhere/x.conf)")
        );
        assert_eq!(
            errors[6].1,
            Some("dangling symbolic link (-> ../../../../../../../../etc/hostname)")
        );
        assert_eq!(errors[7].1, Some("dangling symbolic link (-> /etc/passwd)"));
        match loader {
            Loader::Systemd => {
                assert_eq!(errors.len(), 8);
                assert!(sys
                    .skipped
                    .iter()
                    .any(|s| s.path == "/etc/sysctl.d/50-dir.conf"
                        && s.reason == SkipReason::NotAFile));
            }
            Loader::Procps => {
                assert_eq!(
                    errors[8],
                    ("/etc/sysctl.d/50-dir.conf", Some("is a directory"))
                );
            }
        }
        // Unreadable files do not disturb the effective view.
        let effs = effective::compute(&sys.files, loader);
        assert_eq!(effs.len(), 1);
        assert_eq!(effs[0].overridden.len(), 1);
    }
}

/// Not a check: prints what the loaders make of this machine's `/`, to compare
/// by hand with `sysctl --dry-run --system 2>&1 | grep Applying`.
#[test]
fn host_tree_loads_without_panic() {
    // The host's own / (read-only): whatever is installed, loading never panics
    // and every file it reads is a .conf file or /etc/sysctl.conf.
    for loader in [Loader::Procps, Loader::Systemd] {
        let sys = system::load(Path::new("/"), loader);
        for f in &sys.files {
            let name = &f.source.name;
            assert!(name.ends_with(".conf"), "{name}");
        }
        eprintln!("{}", layout(&sys));
    }
}
