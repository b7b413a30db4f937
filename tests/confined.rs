//! Safe by construction (issue 12): every read and write under `--root` stays in
//! the tree, every read is bounded and never blocks, file names are bytes, and
//! exit codes hold in every combination.
//!
//! The trees here are built as an attacker would build a container image:
//! absolute and relative links out of the tree, `..` chains, a `dev` that links to
//! a host directory or to `/proc`, `sysctl.d` itself a link to a host directory,
//! loops, FIFOs and devices. Next to each tree (outside the root) lie sentinel
//! files with known contents. After every command (`check`, `--fix`,
//! `--fix --unsafe-fixes`, `--diff`, `effective`, `audit`), under both resolver
//! backends (`openat2` and the user-space walk), no sentinel changed, no file
//! appeared outside the root, and no sentinel's content is in any output.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{symlink, FileTypeExt};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;
use proptest::prelude::*;

/// In every sentinel: if it shows up in an output, a host file was read.
const MARK: &str = "SENTINEL-7f3a";
/// A fixable file (SL305 inline comment, SL402 repeat) that carries the mark.
const SENTINEL_CONF: &str =
    "net.core.rmem_max = 16777216 #SENTINEL-7f3a\nnet.ipv4.tcp_syncookies = 1\nnet.ipv4.tcp_syncookies = 1\n";
/// The same faults without the mark: what the tree may legitimately hold.
const DECOY_CONF: &str =
    "net.core.rmem_max = 16777216 #decoy\nnet.ipv4.tcp_syncookies = 1\nnet.ipv4.tcp_syncookies = 1\n";

const BACKENDS: [&str; 2] = ["openat2", "userspace"];

/// The binary under test (`SYSCTL_LINT_BIN` runs these cases against another
/// build, e.g. an older release, to see them fail there).
fn exe() -> PathBuf {
    std::env::var_os("SYSCTL_LINT_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| assert_cmd::cargo::cargo_bin("sysctl-lint"))
}

/// Runs a command with the host's `/etc` and `/usr` read-only (bind mounts in a
/// private mount namespace), so that a regression (or `SYSCTL_LINT_BIN` pointing
/// at a build with the escapes these tests look for) cannot damage the host's
/// sysctl configuration: links here name host paths such as `/etc/sysctl.conf`.
const PROTECT: &str = r#"for d in /etc /usr; do mount --bind "$d" "$d" && mount -o remount,bind,ro "$d" || exit 97; done; exec "$@""#;

fn protected() -> bool {
    use std::sync::OnceLock;
    static OK: OnceLock<bool> = OnceLock::new();
    *OK.get_or_init(|| {
        let ok = std::process::Command::new("unshare")
            .args(["-m", "--propagation", "private", "sh", "-c", PROTECT, "sh", "true"])
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("notice: no private mount namespace here; commands run without the read-only /etc and /usr safety net");
        }
        ok
    })
}

fn bin(backend: &str) -> Command {
    let mut c = if protected() {
        let mut c = Command::new("unshare");
        c.args(["-m", "--propagation", "private", "sh", "-c", PROTECT, "sh"]);
        c.arg(exe());
        c
    } else {
        Command::new(exe())
    };
    c.env_remove("NO_COLOR");
    if backend == "userspace" {
        c.env("SYSCTL_LINT_RESOLVER", "userspace");
    }
    // A secret in the environment: `/proc/self/environ` must never be read.
    c.env("CI_SECRET", MARK);
    // Only a safety net: every case here finishes at once when it is right.
    c.timeout(Duration::from_secs(120));
    c
}

/// A temporary world: `host/` (sentinels), `img/` (the tree), `proc/` (a fake
/// proc tree for `audit`).
struct World {
    _dir: tempfile::TempDir,
    outer: PathBuf,
    host: PathBuf,
    img: PathBuf,
    proc_: PathBuf,
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().unwrap();
        let outer = fs::canonicalize(dir.path()).unwrap();
        let host = outer.join("host");
        let img = outer.join("img");
        let proc_ = outer.join("proc");
        for d in [&host, &img, &proc_] {
            fs::create_dir_all(d).unwrap();
        }
        for name in ["secret.conf", "passwd", "environ"] {
            fs::write(host.join(name), SENTINEL_CONF).unwrap();
        }
        fs::create_dir_all(host.join("confdir")).unwrap();
        fs::write(host.join("confdir/50-host.conf"), SENTINEL_CONF).unwrap();
        fs::create_dir_all(proc_.join("sys/kernel")).unwrap();
        fs::create_dir_all(proc_.join("sys/net/ipv4")).unwrap();
        fs::create_dir_all(proc_.join("net")).unwrap();
        fs::write(proc_.join("sys/kernel/osrelease"), "6.18.0\n").unwrap();
        fs::write(proc_.join("sys/net/ipv4/tcp_syncookies"), "1\n").unwrap();
        World {
            _dir: dir,
            outer,
            host,
            img,
            proc_,
        }
    }

    fn put(&self, rel: &str, contents: &str) {
        let p = self.img.join(rel);
        assert!(self.no_link_on_the_way(&p), "{rel}: through a link");
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, contents).unwrap();
    }

    fn link(&self, rel: impl AsRef<Path>, target: impl AsRef<Path>) {
        let p = self.img.join(rel);
        assert!(
            self.no_link_on_the_way(&p),
            "{}: through a link",
            p.display()
        );
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        symlink(target, p).unwrap();
    }

    /// Whether no directory between the tree and `p` is a link (or anything but
    /// a directory): the test itself must never build through a link it made.
    fn no_link_on_the_way(&self, p: &Path) -> bool {
        let rel = p.strip_prefix(&self.img).unwrap();
        let mut at = self.img.clone();
        let parts: Vec<_> = rel.components().collect();
        for c in &parts[..parts.len().saturating_sub(1)] {
            at.push(c);
            match fs::symlink_metadata(&at) {
                Ok(m) if m.file_type().is_dir() => {}
                Ok(_) => return false,
                Err(_) => return true,
            }
        }
        true
    }

    /// Everything outside the tree (and the fake proc), with contents.
    fn outside(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        inventory(&self.outer, &[&self.img], &mut out);
        out
    }

    /// Run every command on the tree under both backends; the world outside
    /// the tree never changes and no output holds a sentinel.
    fn assert_contained(&self) {
        let before = self.outside();
        let img = self.img.as_os_str();
        let proc_ = self.proc_.as_os_str();
        let commands: Vec<Vec<&OsStr>> = vec![
            vec!["check".as_ref(), "--root".as_ref(), img],
            vec![
                "check".as_ref(),
                "--root".as_ref(),
                img,
                "--format".as_ref(),
                "json".as_ref(),
            ],
            vec![
                "check".as_ref(),
                "--root".as_ref(),
                img,
                "--format".as_ref(),
                "short".as_ref(),
            ],
            vec!["check".as_ref(), "--root".as_ref(), img, "--diff".as_ref()],
            vec![
                "check".as_ref(),
                "--root".as_ref(),
                img,
                "--diff".as_ref(),
                "--unsafe-fixes".as_ref(),
            ],
            vec!["check".as_ref(), "--root".as_ref(), img, "--fix".as_ref()],
            vec![
                "check".as_ref(),
                "--root".as_ref(),
                img,
                "--fix".as_ref(),
                "--unsafe-fixes".as_ref(),
            ],
            vec!["effective".as_ref(), "--root".as_ref(), img],
            vec![
                "effective".as_ref(),
                "--root".as_ref(),
                img,
                "--format".as_ref(),
                "conf".as_ref(),
            ],
            vec![
                "audit".as_ref(),
                "--root".as_ref(),
                img,
                "--proc".as_ref(),
                proc_,
                "--sockets".as_ref(),
            ],
            vec![
                "audit".as_ref(),
                "--root".as_ref(),
                img,
                "--proc".as_ref(),
                proc_,
                "--format".as_ref(),
                "json".as_ref(),
            ],
        ];
        for backend in BACKENDS {
            for args in &commands {
                let out = bin(backend).args(args).output().unwrap();
                assert_no_mark(&out, args, backend);
                let after = self.outside();
                assert_same(&before, &after, args, backend);
            }
        }
    }
}

fn inventory(dir: &Path, skip: &[&Path], out: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if skip.contains(&p.as_path()) {
            continue;
        }
        let m = fs::symlink_metadata(&p).unwrap();
        let t = m.file_type();
        let what = if t.is_symlink() {
            let mut v = b"link -> ".to_vec();
            v.extend(fs::read_link(&p).unwrap().as_os_str().as_bytes());
            v
        } else if t.is_dir() {
            inventory(&p, skip, out);
            b"dir".to_vec()
        } else if t.is_file() {
            fs::read(&p).unwrap()
        } else {
            format!("special {:?}", t).into_bytes()
        };
        out.insert(p, what);
    }
}

fn assert_no_mark(out: &Output, args: &[&OsStr], backend: &str) {
    for (name, stream) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(stream);
        assert!(
            !text.contains(MARK),
            "{args:?} ({backend}) printed a host file's contents on {name}:\n{text}"
        );
    }
}

fn assert_same(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
    args: &[&OsStr],
    backend: &str,
) {
    if before != after {
        let changed: Vec<_> = after
            .iter()
            .filter(|(k, v)| before.get(*k) != Some(v))
            .map(|(k, _)| k)
            .chain(before.keys().filter(|k| !after.contains_key(*k)))
            .collect();
        panic!("{args:?} ({backend}) changed files outside the root: {changed:?}");
    }
}

fn mkfifo(path: &Path) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    rustix::fs::mknodat(
        rustix::fs::CWD,
        path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
}

/// A character device node (as root; `None` elsewhere).
fn mkchar(path: &Path, major: u32, minor: u32) -> Option<()> {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    rustix::fs::mknodat(
        rustix::fs::CWD,
        path,
        rustix::fs::FileType::CharacterDevice,
        rustix::fs::Mode::from_raw_mode(0o644),
        rustix::fs::makedev(major, minor),
    )
    .ok()
}

/// `check --format short --root TREE` exits with `code` and prints `expected`.
fn check_short(backend: &str, tree: &Path, code: i32, expected: &str) {
    bin(backend)
        .args(["check", "--format", "short", "--root"])
        .arg(tree)
        .assert()
        .code(code)
        .stdout(predicates::str::contains(expected));
}

// ---------------------------------------------------------------------------
// Links out of the tree

#[test]
fn links_out_of_the_tree_read_and_write_inside_it() {
    let w = World::new();
    let secret = w.host.join("secret.conf");
    // Absolute link to a host path: inside the tree it means IMG/<that path>,
    // where the image has its own (decoy) copy.
    w.link("etc/sysctl.d/10-abs.conf", &secret);
    w.put(
        secret.strip_prefix("/").unwrap().to_str().unwrap(),
        DECOY_CONF,
    );
    // Relative links that climb out of the tree on the host.
    w.link("etc/sysctl.d/11-up.conf", "../../../host/secret.conf");
    let mut deep = PathBuf::from("../../../../../../../../../..");
    deep.push(secret.strip_prefix("/").unwrap());
    w.link("etc/sysctl.d/12-dotdot.conf", &deep);
    // The common Debian link, absolute, as images carry it.
    w.link("etc/sysctl.d/99-sysctl.conf", "/etc/sysctl.conf");
    w.link("etc/sysctl.conf", &secret);
    w.link("etc/sysctl.d/15-loop.conf", "15-loop.conf");
    w.link("etc/sysctl.d/16-a.conf", "16-b.conf");
    w.link("etc/sysctl.d/16-b.conf", "16-a.conf");
    // The package directory is a host directory.
    w.link("usr/lib/sysctl.d", w.host.join("confdir"));
    w.assert_contained();
    // The decoy inside the tree was the file read, and the one fixed.
    let decoy = fs::read_to_string(w.img.join(secret.strip_prefix("/").unwrap())).unwrap();
    assert_ne!(decoy, DECOY_CONF, "the tree's own copy was fixed");
}

#[test]
fn dev_linked_to_a_host_directory_or_proc_reads_nothing_of_the_host() {
    for dev in [PathBuf::from("/proc"), World::new().host.clone()] {
        let w = World::new();
        let dev = if dev == Path::new("/proc") {
            dev
        } else {
            w.host.clone()
        };
        w.link("dev", &dev);
        w.link("etc/sysctl.d/20-passwd.conf", "/dev/passwd");
        w.link("etc/sysctl.d/21-secret.conf", "/dev/secret.conf");
        w.link("etc/sysctl.d/22-environ.conf", "/dev/self/environ");
        w.link("etc/sysctl.d/23-fd.conf", "/dev/self/fd/0");
        w.link("etc/sysctl.d/24-zero.conf", "/dev/zero");
        w.put("etc/sysctl.d/30-good.conf", DECOY_CONF);
        w.assert_contained();
    }
}

#[test]
fn sysctl_d_linked_to_a_host_directory_is_not_read_or_written() {
    let w = World::new();
    w.link("etc/sysctl.d", w.host.join("confdir"));
    w.link("run/sysctl.d", w.host.join("confdir"));
    // A package file with a fix: the override drop-in must not land in the
    // host directory that /etc/sysctl.d points to on the host.
    w.put("usr/lib/sysctl.d/50-pkg.conf", DECOY_CONF);
    w.assert_contained();
    assert_eq!(
        fs::read_dir(w.host.join("confdir")).unwrap().count(),
        1,
        "no drop-in in the host directory"
    );
}

#[test]
fn package_files_reached_through_links_are_never_edited() {
    let w = World::new();
    w.put("usr/lib/sysctl.d/50-pkg.conf", DECOY_CONF);
    // /etc/sysctl.d is the package directory, through a link inside the tree.
    w.link("etc/sysctl.d", "../usr/lib/sysctl.d");
    for backend in BACKENDS {
        let out = bin(backend)
            .args(["check", "--fix", "--root"])
            .arg(&w.img)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("resolves to the package directory /usr/lib/sysctl.d"),
            "{err}"
        );
        assert_eq!(
            fs::read_to_string(w.img.join("usr/lib/sysctl.d/50-pkg.conf")).unwrap(),
            DECOY_CONF
        );
        assert_eq!(
            fs::read_dir(w.img.join("usr/lib/sysctl.d"))
                .unwrap()
                .count(),
            1
        );
    }
    // A link in /etc/sysctl.d to a package file: the package file is not edited,
    // an override drop-in is written beside the link.
    let w = World::new();
    w.put("usr/lib/sysctl.d/50-pkg.conf", DECOY_CONF);
    w.link("etc/sysctl.d/60-link.conf", "/usr/lib/sysctl.d/50-pkg.conf");
    bin("openat2")
        .args(["check", "--fix", "--root"])
        .arg(&w.img)
        .assert()
        .stderr(predicates::str::contains(
            "wrote the override /etc/sysctl.d/50-pkg.sysctl-lint.conf",
        ));
    assert_eq!(
        fs::read_to_string(w.img.join("usr/lib/sysctl.d/50-pkg.conf")).unwrap(),
        DECOY_CONF
    );
}

// ---------------------------------------------------------------------------
// Hangs and unbounded reads

#[test]
fn fifos_and_devices_are_refused_without_blocking() {
    let w = World::new();
    mkfifo(&w.img.join("etc/sysctl.d/40-fifo.conf"));
    let dev = mkchar(&w.img.join("etc/sysctl.d/41-zero.conf"), 1, 5).is_some();
    w.put("etc/sysctl.d/50-good.conf", DECOY_CONF);
    for backend in BACKENDS {
        let out = bin(backend)
            .args(["check", "--format", "short", "--root"])
            .arg(&w.img)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{text}");
        assert!(text.contains("/etc/sysctl.d/40-fifo.conf:1:1: error[SL100] cannot read `/etc/sysctl.d/40-fifo.conf`: not a regular file (a FIFO)"), "{text}");
        if dev {
            assert!(
                text.contains("not a regular file (a character device)"),
                "{text}"
            );
        }
        assert!(text.contains("/etc/sysctl.d/50-good.conf:1:"), "{text}");
    }
    // `check DIR` on a directory holding a FIFO named x.conf.
    let d = tempfile::tempdir().unwrap();
    mkfifo(&d.path().join("x.conf"));
    fs::write(d.path().join("y.conf"), DECOY_CONF).unwrap();
    let out = bin("openat2")
        .args(["check", "--format", "short"])
        .arg(d.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("not a regular file (a FIFO)"));
}

#[test]
fn audit_of_a_hostile_proc_tree_finishes() {
    let w = World::new();
    w.put("etc/sysctl.d/50-good.conf", "net.ipv4.tcp_syncookies = 1\n");
    fs::remove_file(w.proc_.join("sys/kernel/osrelease")).unwrap();
    mkfifo(&w.proc_.join("sys/kernel/osrelease"));
    mkfifo(&w.proc_.join("net/tcp"));
    mkfifo(&w.proc_.join("net/sockstat"));
    symlink("/dev/zero", w.proc_.join("net/tcp6")).unwrap();
    // A sparse 3 GiB value file.
    let big = fs::File::create(w.proc_.join("sys/net/ipv4/tcp_fin_timeout")).unwrap();
    big.set_len(3 << 30).unwrap();
    for backend in BACKENDS {
        // It ends at once: the FIFOs and the device are refused unopened, the
        // 3 GiB value is not read, and the socket tables are an SL100 (exit 2).
        let tcp = w.proc_.join("net/tcp");
        let tcp = tcp.display();
        bin(backend)
            .args(["audit", "--sockets", "--format", "short", "--root"])
            .arg(&w.img)
            .arg("--proc")
            .arg(&w.proc_)
            .assert()
            .code(2)
            .stdout(format!(
                "{tcp}:1:1: error[SL100] {}\n",
                sysctl_lint::Diagnostic::unreadable(
                    0,
                    &tcp.to_string(),
                    "neither net/tcp nor net/tcp6 is a readable regular file (missing, a FIFO, a device, or too large)"
                )
                .message
            ));
    }
}

#[test]
fn oversized_and_endless_inputs_are_sl100() {
    let w = World::new();
    let big = fs::File::create(w.img.join("big.conf")).unwrap();
    big.set_len(2 << 30).unwrap();
    fs::create_dir_all(w.img.join("etc/sysctl.d")).unwrap();
    fs::rename(w.img.join("big.conf"), w.img.join("etc/sysctl.d/big.conf")).unwrap();
    for backend in BACKENDS {
        check_short(
            backend,
            &w.img,
            2,
            "cannot read `/etc/sysctl.d/big.conf`: larger than 64 MiB",
        );
        bin(backend)
            .args([
                "audit",
                "--format",
                "short",
                "--snapshot",
                "/dev/zero",
                "--root",
            ])
            .arg(&w.img)
            .assert()
            .code(2);
    }
    bin("openat2")
        .args([
            "audit",
            "--snapshot",
            "/dev/zero",
            "--format",
            "json",
            "--root",
        ])
        .arg(&w.img)
        .assert()
        .code(2)
        .stdout(predicates::str::contains(
            "cannot read `/dev/zero`: not a regular file (a character device)",
        ));
}

// ---------------------------------------------------------------------------
// File names are bytes

fn latin1() -> OsString {
    OsString::from_vec(b"a\xff.conf".to_vec())
}

#[test]
fn a_name_that_is_not_utf8_is_linted_fixed_in_place_and_reported() {
    // A directory named on the command line.
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join(latin1()), DECOY_CONF).unwrap();
    bin("openat2")
        .args(["check", "--format", "short"])
        .arg(d.path())
        .assert()
        .code(1)
        .stdout(predicates::str::contains("a\\xff.conf:1:"));
    bin("openat2")
        .args(["check", "--fix"])
        .arg(d.path())
        .output()
        .unwrap();
    let names: Vec<OsString> = fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![latin1()], "fixed in place, no new file");
    assert_ne!(
        fs::read_to_string(d.path().join(latin1())).unwrap(),
        DECOY_CONF
    );

    // Under --root, beside a look-alike whose name is the lossy form.
    let w = World::new();
    fs::create_dir_all(w.img.join("etc/sysctl.d")).unwrap();
    fs::write(w.img.join("etc/sysctl.d").join(latin1()), DECOY_CONF).unwrap();
    w.put("etc/sysctl.d/a\u{FFFD}.conf", "kernel.panic = 0\n");
    for backend in BACKENDS {
        check_short(
            backend,
            &w.img,
            1,
            "/etc/sysctl.d/a\\xff.conf:1:30: warning[SL305]",
        );
    }
    bin("openat2")
        .args(["check", "--fix", "--root"])
        .arg(&w.img)
        .output()
        .unwrap();
    assert_ne!(
        fs::read_to_string(w.img.join("etc/sysctl.d").join(latin1())).unwrap(),
        DECOY_CONF
    );
    assert_eq!(
        fs::read_to_string(w.img.join("etc/sysctl.d/a\u{FFFD}.conf")).unwrap(),
        "kernel.panic = 0\n"
    );
}

// ---------------------------------------------------------------------------
// Exit codes

#[test]
fn unreadable_inputs_exit_2_in_every_mode() {
    let d = tempfile::tempdir().unwrap();
    let good = d.path().join("good.conf");
    fs::write(&good, DECOY_CONF).unwrap();
    let missing = d.path().join("missing.conf");
    let plain = d.path().join("plain");
    fs::write(&plain, "x").unwrap();
    let empty = d.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let sl100 = predicates::str::contains("SL100");
    // --diff: the patch on stdout, the SL100 on stderr.
    bin("openat2")
        .args(["check", "--diff"])
        .args([&missing, &good])
        .assert()
        .code(2)
        .stdout(predicates::str::contains("+++ b/"))
        .stderr(sl100.clone());
    for format in [
        "human",
        "short",
        "json",
        "sarif",
        "github",
        "gitlab",
        "json-lines",
    ] {
        for fail_on in ["warning", "never"] {
            bin("openat2")
                .args(["check", "--format", format, "--fail-on", fail_on])
                .args([&missing, &good])
                .assert()
                .code(2)
                .stdout(sl100.clone());
            bin("openat2")
                .args(["check", "--format", format, "--fail-on", fail_on, "--root"])
                .arg(d.path().join("no-such-dir"))
                .assert()
                .code(2)
                .stdout(sl100.clone());
            bin("openat2")
                .args(["check", "--format", format, "--fail-on", fail_on, "--root"])
                .arg(&plain)
                .assert()
                .code(2)
                .stdout(predicates::str::contains("not a directory"));
        }
    }
    for format in ["human", "json", "conf"] {
        bin("openat2")
            .args(["effective", "--format", format, "--root"])
            .arg(d.path().join("no-such-dir"))
            .assert()
            .code(2)
            .stdout(sl100.clone());
    }
    let baseline = d.path().join("b.json");
    bin("openat2")
        .args(["check", "--write-baseline"])
        .arg(&baseline)
        .arg(&missing)
        .assert()
        .code(2)
        .stdout(sl100.clone())
        .stderr(predicates::str::contains("recorded 0 findings"));
    bin("openat2")
        .args(["check", "--write-baseline"])
        .arg(&baseline)
        .arg(&good)
        .assert()
        .code(0)
        .stderr(predicates::str::contains("recorded 2 findings"));
    bin("openat2")
        .args(["check", "--fix"])
        .args([&missing, &good])
        .assert()
        .code(2)
        .stdout(sl100.clone());
    // audit: an empty snapshot directory, and an unreadable snapshot in a fleet.
    for format in ["human", "json", "sarif"] {
        bin("openat2")
            .args([
                "audit",
                "--format",
                format,
                "--fail-on",
                "never",
                "--snapshot",
            ])
            .arg(&empty)
            .args(["--root"])
            .arg(&empty)
            .assert()
            .code(2)
            .stdout(sl100.clone());
    }
    let fleet = d.path().join("fleet");
    fs::create_dir(&fleet).unwrap();
    fs::write(fleet.join("a.txt"), "kernel.panic = 0\n").unwrap();
    mkfifo(&fleet.join("b.txt"));
    bin("openat2")
        .args(["audit", "--snapshot"])
        .arg(&fleet)
        .args(["--root"])
        .arg(&empty)
        .assert()
        .code(2)
        .stdout(sl100);
}

// ---------------------------------------------------------------------------
// --fix and --diff on real trees

#[test]
fn one_unwritable_file_does_not_stop_the_others() {
    if !Path::new("/usr/bin/unshare").exists() && !Path::new("/bin/unshare").exists() {
        eprintln!("SKIPPED one_unwritable_file_does_not_stop_the_others: unshare is not installed");
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let ro = d.path().join("ro");
    let rw = d.path().join("rw");
    fs::create_dir_all(&ro).unwrap();
    fs::create_dir_all(&rw).unwrap();
    fs::write(ro.join("a.conf"), DECOY_CONF).unwrap();
    fs::write(rw.join("b.conf"), DECOY_CONF).unwrap();
    let exe = exe();
    // A read-only bind mount in a private mount namespace: even root cannot
    // write there.
    let script = format!(
        "mount --bind {ro} {ro} && mount -o remount,bind,ro {ro} && exec {exe} check --fix {ro}/a.conf {rw}/b.conf",
        ro = ro.display(),
        rw = rw.display(),
        exe = exe.display()
    );
    let out = std::process::Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-c", &script])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    if err.contains("unshare failed") || err.contains("Operation not permitted") {
        eprintln!(
            "SKIPPED one_unwritable_file_does_not_stop_the_others: no mount namespace here ({err})"
        );
        return;
    }
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("a.conf: cannot write it: read-only file system; the file is unchanged"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(ro.join("a.conf")).unwrap(), DECOY_CONF);
    assert_ne!(fs::read_to_string(rw.join("b.conf")).unwrap(), DECOY_CONF);
}

/// The Debian layout: `/etc/sysctl.d/99-sysctl.conf -> ../sysctl.conf`. Under
/// both loaders, `--diff` gives one patch, against `etc/sysctl.conf`, that
/// `git apply` and `patch -p1` apply, with the same result as `--fix`; a name
/// with a space is quoted as git quotes it.
#[test]
fn diff_of_a_real_tree_applies_with_git_and_patch() {
    for loader in ["procps", "systemd"] {
        let w = World::new();
        w.put("etc/sysctl.conf", DECOY_CONF);
        w.link("etc/sysctl.d/99-sysctl.conf", "../sysctl.conf");
        w.put("etc/sysctl.d/my file.conf", DECOY_CONF);
        if loader == "systemd" {
            w.put("usr/lib/systemd/systemd-sysctl", "");
        }
        let out = bin("openat2")
            .args(["check", "--diff", "--loader", loader, "--root"])
            .arg(&w.img)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let patch = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            patch.matches("--- a/etc/sysctl.conf\n").count(),
            1,
            "{patch}"
        );
        assert!(
            patch.contains("--- a/etc/sysctl.d/my file.conf\t\n"),
            "{patch}"
        );
        assert!(!patch.contains("99-sysctl.conf"), "{patch}");
        // The expected result: --fix on a copy.
        let fixed = tempfile::tempdir().unwrap();
        copy_tree(&w.img, fixed.path());
        bin("openat2")
            .args(["check", "--fix", "--loader", loader, "--root"])
            .arg(fixed.path())
            .output()
            .unwrap();
        for tool in ["git", "patch"] {
            let copy = tempfile::tempdir().unwrap();
            copy_tree(&w.img, copy.path());
            let patch_file = copy.path().join("..").join(format!(
                "{}.patch",
                copy.path().file_name().unwrap().to_string_lossy()
            ));
            fs::write(&patch_file, &patch).unwrap();
            let status = if tool == "git" {
                std::process::Command::new("git")
                    .args(["apply", "--unsafe-paths", "-p1"])
                    .arg(&patch_file)
                    .current_dir(copy.path())
                    .status()
            } else {
                std::process::Command::new("patch")
                    .args(["-p1", "-s", "-i"])
                    .arg(&patch_file)
                    .current_dir(copy.path())
                    .status()
            };
            let _ = fs::remove_file(&patch_file);
            match status {
                Ok(s) => assert!(s.success(), "{tool} apply failed:\n{patch}"),
                Err(e) => {
                    eprintln!("SKIPPED applying with {tool}: {e}");
                    continue;
                }
            }
            for f in ["etc/sysctl.conf", "etc/sysctl.d/my file.conf"] {
                assert_eq!(
                    fs::read(copy.path().join(f)).unwrap(),
                    fs::read(fixed.path().join(f)).unwrap(),
                    "{tool} {loader} {f}"
                );
            }
            assert!(
                fs::symlink_metadata(copy.path().join("etc/sysctl.d/99-sysctl.conf"))
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
        }
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let t = e.file_type().unwrap();
        let dest = to.join(e.file_name());
        if t.is_symlink() {
            symlink(fs::read_link(e.path()).unwrap(), dest).unwrap();
        } else if t.is_dir() {
            fs::create_dir_all(&dest).unwrap();
            copy_tree(&e.path(), &dest);
        } else if t.is_file() {
            fs::copy(e.path(), dest).unwrap();
        } else if t.is_fifo() {
            mkfifo(&dest);
        }
    }
}

// ---------------------------------------------------------------------------
// Random trees

#[derive(Debug, Clone)]
enum Entry {
    File(bool),
    Dir,
    Link(usize),
    Fifo,
}

/// Link targets an attacker would try; `{host}` is the sentinel directory.
const TARGETS: &[&str] = &[
    "/{host}/secret.conf",
    "/{host}",
    "/{host}/confdir",
    "../../../../../../../../../{host}/secret.conf",
    "../../../host/secret.conf",
    "../../host/passwd",
    "/etc/sysctl.conf",
    "/dev/null",
    "/dev/zero",
    "/proc/self/environ",
    "/dev/passwd",
    "/dev/self/environ",
    ".",
    "..",
    "a.conf",
    "../sysctl.conf",
    "/usr/lib/sysctl.d/10-p.conf",
    "/etc/sysctl.d",
];

/// Places in the tree the generated entries go.
const PLACES: &[&str] = &[
    "etc/sysctl.d/a.conf",
    "etc/sysctl.d/b.conf",
    "etc/sysctl.d/99-sysctl.conf",
    "etc/sysctl.conf",
    "run/sysctl.d/c.conf",
    "usr/lib/sysctl.d/10-p.conf",
    "usr/local/lib/sysctl.d/d.conf",
    "dev",
    "etc/sysctl.d",
    "run/sysctl.d",
    "usr/lib/sysctl.d",
    "lib",
];

/// Mostly links, half of them to the escapes at the head of [`TARGETS`].
fn entry() -> impl Strategy<Value = Entry> {
    prop_oneof![
        1 => any::<bool>().prop_map(Entry::File),
        1 => Just(Entry::Dir),
        3 => (0..6usize).prop_map(Entry::Link),
        3 => (0..TARGETS.len()).prop_map(Entry::Link),
        1 => Just(Entry::Fifo),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(12),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_trees_of_links_stay_inside(entries in proptest::collection::vec((0..PLACES.len(), entry()), 1..10)) {
        let w = World::new();
        let host = w.host.to_str().unwrap().trim_start_matches('/').to_owned();
        // The image's own copies of the host paths its links name: reading them
        // is right, writing through the link on the host is the escape.
        w.put(&format!("{host}/secret.conf"), DECOY_CONF);
        w.put(&format!("{host}/confdir/50-img.conf"), DECOY_CONF);
        for (place, e) in &entries {
            let p = w.img.join(PLACES[*place]);
            if fs::symlink_metadata(&p).is_ok() || !w.no_link_on_the_way(&p) {
                continue;
            }
            if let Some(parent) = p.parent() {
                if fs::create_dir_all(parent).is_err() {
                    continue;
                }
            }
            match e {
                Entry::File(fixable) => {
                    let _ = fs::write(&p, if *fixable { DECOY_CONF } else { "kernel.panic = 0\n" });
                }
                Entry::Dir => {
                    let _ = fs::create_dir_all(&p);
                }
                Entry::Link(t) => {
                    let _ = symlink(TARGETS[*t].replace("{host}", &host), &p);
                }
                Entry::Fifo => {
                    let _ = rustix::fs::mknodat(
                        rustix::fs::CWD,
                        &p,
                        rustix::fs::FileType::Fifo,
                        rustix::fs::Mode::from_raw_mode(0o644),
                        0,
                    );
                }
            }
        }
        w.assert_contained();
    }
}
