//! Hostile inputs (issue 6): paths that cannot be read, bytes that are not text,
//! forms procps accepts but the kernel rejects, pipes, and a guarantee that input
//! files are never modified.
//!
//! Every unreadable input must make `check` exit 2 with an SL100 finding that
//! names the path and the reason, while the other inputs are still linted and
//! reported, in every output format.
//!
//! We run as root, also in CI, so permission bits cannot make a file unreadable
//! (root bypasses them, even in a `chmod 000` directory). `/proc/self/mem` can:
//! it is a regular file that opens (a process may always access its own memory),
//! but a read at offset 0 fails with EIO because address 0 is never mapped
//! (`vm.mmap_min_addr`).

use std::ffi::OsString;
use std::fs;
use std::os::unix::ffi::OsStringExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

fn bin() -> Command {
    let mut c = Command::cargo_bin("sysctl-lint").expect("binary");
    c.env_remove("NO_COLOR");
    // Nothing here may block for long: /dev/zero or a FIFO without a writer would.
    c.timeout(Duration::from_secs(60));
    c
}

/// A file with one finding we know: SL201 on line 1.
const TYPO: &str = "net.ipv4.tcp_timestsmps = 0\n";

fn good_file(dir: &Path) -> PathBuf {
    let p = dir.join("good.conf");
    fs::write(&p, TYPO).unwrap();
    p
}

/// A finding expected in every format.
struct Expect<'a> {
    file: &'a str,
    code: &'a str,
    line: u64,
    /// A part of the message.
    message: &'a str,
}

/// Run `check` on `paths` in the human, short and JSON formats; each must exit
/// with `code` and report every expected finding. Returns the JSON report.
fn check_all_formats(paths: &[OsString], code: i32, expects: &[Expect]) -> serde_json::Value {
    let run = |format: &str| {
        // Wide enough that no headline is wrapped (the messages are matched whole).
        let out = bin()
            .args(["check", "--color", "never", "--format", format])
            .env("COLUMNS", "10000")
            .args(paths)
            .assert()
            .code(code)
            .get_output()
            .clone();
        String::from_utf8(out.stdout).expect("UTF-8 output")
    };
    let human = run("human");
    let short = run("short");
    let json = run("json");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    for e in expects {
        let location = format!("{}:{}:", e.file, e.line);
        assert!(
            // (The human report shows an unreadable file without a line.)
            human.contains(e.file) && human.contains(e.code) && human.contains(e.message),
            "human output lacks {} {} {:?}:\n{human}",
            e.code,
            e.file,
            e.message
        );
        assert!(
            short.lines().any(|l| l.starts_with(&location)
                && l.contains(&format!("[{}]", e.code))
                && l.contains(e.message)),
            "short output lacks {} {location} {:?}:\n{short}",
            e.code,
            e.message
        );
        let found = v["diagnostics"].as_array().unwrap().iter().any(|d| {
            d["file"] == e.file
                && d["code"] == e.code
                && d["line"] == e.line
                && d["message"].as_str().unwrap().contains(e.message)
        });
        assert!(
            found,
            "json lacks {} {location} {:?}:\n{json}",
            e.code, e.message
        );
    }
    // Every input is listed in the report.
    assert!(v["summary"]["files"].as_u64().unwrap() >= paths.len() as u64);
    v
}

/// `path` is unreadable for `reason`: exit 2, SL100 naming path and reason, and
/// the good file beside it still linted.
fn assert_unreadable(path: &Path, reason: &str) {
    let dir = tempfile::tempdir().unwrap();
    let good = good_file(dir.path());
    let name = path.to_str().unwrap();
    // The headline fits 100 columns: the path's end and the reason, clipped.
    let message = sysctl_lint::Diagnostic::unreadable(0, name, reason).message;
    check_all_formats(
        &[path.into(), good.clone().into()],
        2,
        &[
            Expect {
                file: name,
                code: "SL100",
                line: 1,
                message: &message,
            },
            Expect {
                file: good.to_str().unwrap(),
                code: "SL201",
                line: 1,
                message: "unknown key `net.ipv4.tcp_timestsmps`",
            },
        ],
    );
}

// ---------------------------------------------------------------------------
// Paths that cannot be read

#[test]
fn missing_path() {
    let dir = tempfile::tempdir().unwrap();
    assert_unreadable(
        &dir.path().join("missing.conf"),
        "no such file or directory",
    );
    assert_unreadable(
        &dir.path().join("no/such/dir/x.conf"),
        "no such file or directory",
    );
}

#[test]
fn path_through_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = good_file(dir.path());
    assert_unreadable(&file.join("x.conf"), "not a directory");
}

#[test]
fn directory_without_conf_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("README"), "x\n").unwrap();
    fs::write(dir.path().join("a.conf.bak"), "x\n").unwrap();
    assert_unreadable(dir.path(), "directory contains no *.conf files");
    let empty = tempfile::tempdir().unwrap();
    assert_unreadable(empty.path(), "directory contains no *.conf files");
}

#[test]
fn symlink_loop() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.conf");
    let b = dir.path().join("b.conf");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    assert_unreadable(&a, "symbolic link loop (too many levels of symbolic links)");
    let own = dir.path().join("self.conf");
    std::os::unix::fs::symlink("self.conf", &own).unwrap();
    assert_unreadable(
        &own,
        "symbolic link loop (too many levels of symbolic links)",
    );
}

#[test]
fn dangling_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("d.conf");
    std::os::unix::fs::symlink("gone.conf", &link).unwrap();
    assert_unreadable(&link, "dangling symbolic link (-> gone.conf)");
}

/// Root reads through any permission bits; `/proc/self/mem` fails on read (EIO).
#[test]
fn unreadable_file() {
    let mem = Path::new("/proc/self/mem");
    if !mem.exists() {
        eprintln!("skipped: /proc is not mounted");
        return;
    }
    assert_unreadable(mem, "input/output error");
}

#[test]
fn socket_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.conf");
    let _listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
    assert_unreadable(&path, "not a regular file (a socket)");
}

/// `/dev/zero` never ends: refused before it is opened, not read forever.
#[test]
fn character_devices_are_refused() {
    assert_unreadable(
        Path::new("/dev/zero"),
        "not a regular file (a character device)",
    );
    assert_unreadable(
        Path::new("/dev/urandom"),
        "not a regular file (a character device)",
    );
    // Even when it is standard input, `/dev/stdin` on /dev/zero is refused.
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("sysctl-lint"))
        .args(["check", "--format", "short", "/dev/stdin"])
        .stdin(fs::File::open("/dev/zero").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "/dev/stdin:1:1: error[SL100] cannot read `/dev/stdin`: not a regular file (a character device)\n"
    );
}

#[test]
fn block_device_is_refused() {
    let Some(dev) = fs::read_dir("/dev").ok().and_then(|entries| {
        entries.flatten().map(|e| e.path()).find(|p| {
            use std::os::unix::fs::FileTypeExt;
            fs::metadata(p).is_ok_and(|m| m.file_type().is_block_device())
        })
    }) else {
        eprintln!("skipped: no block device in /dev");
        return;
    };
    assert_unreadable(&dev, "not a regular file (a block device)");
}

/// `/dev/null` is an empty file (the loaders' mask), not an error.
#[test]
fn dev_null_is_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let good = good_file(dir.path());
    let v = check_all_formats(
        &["/dev/null".into(), good.clone().into()],
        1,
        &[Expect {
            file: good.to_str().unwrap(),
            code: "SL201",
            line: 1,
            message: "unknown key",
        }],
    );
    assert_eq!(v["files"][0]["path"], "/dev/null");
    assert_eq!(v["files"][0]["lines"], 0);
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1);
}

/// A sparse file past the 64 MiB bound is refused without being read.
#[test]
fn huge_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.conf");
    let f = fs::File::create(&path).unwrap();
    f.set_len(sysctl_lint::input::MAX_INPUT_BYTES + 1).unwrap();
    assert_unreadable(
        &path,
        "larger than 64 MiB, too large for a sysctl configuration file",
    );
}

/// An endless pipe is cut at the bound, not read until memory runs out.
#[test]
fn endless_pipe_is_refused() {
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(r#""$0" check --format short <(yes net.ipv4.ip_forward=1) 2>&1; echo "rc=$?""#)
        .arg(assert_cmd::cargo::cargo_bin("sysctl-lint"))
        .output()
        .expect("bash");
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains("error[SL100] cannot read `/dev/fd/")
            && out.contains("larger than 64 MiB")
            && out.ends_with("rc=2\n"),
        "{out}"
    );
}

/// A directory's entries are read as files: a `*.conf` that is a directory is
/// reported, not descended into, so `x.conf -> .` links cannot multiply the walk;
/// the other entries are linted, sorted by name, even non-UTF-8 names.
#[test]
fn hostile_directory_entries() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("10-sub.conf")).unwrap();
    for name in ["20-a.conf", "21-b.conf", "22-c.conf"] {
        std::os::unix::fs::symlink(".", d.join(name)).unwrap();
    }
    std::os::unix::fs::symlink("nowhere", d.join("30-dangling.conf")).unwrap();
    std::os::unix::fs::symlink("40-loop.conf", d.join("40-loop.conf")).unwrap();
    let _listener = std::os::unix::net::UnixListener::bind(d.join("50-socket.conf")).unwrap();
    fs::write(d.join("60-good.conf"), TYPO).unwrap();
    let latin1 = OsString::from_vec(b"70-r\xe9seau.conf".to_vec());
    fs::write(d.join(&latin1), TYPO).unwrap();
    let p = |name: &str| d.join(name).to_str().unwrap().to_owned();
    let names: Vec<String> = [
        "10-sub.conf",
        "20-a.conf",
        "21-b.conf",
        "22-c.conf",
        "30-dangling.conf",
        "40-loop.conf",
        "50-socket.conf",
        "60-good.conf",
        "70-r\\xe9seau.conf",
    ]
    .iter()
    .map(|n| p(n))
    .collect();
    let reasons = [
        "is a directory",
        "is a directory",
        "is a directory",
        "is a directory",
        "dangling symbolic link (-> nowhere)",
        "symbolic link loop (too many levels of symbolic links)",
        "not a regular file (a socket)",
    ];
    let messages: Vec<String> = names
        .iter()
        .zip(reasons)
        .map(|(n, r)| sysctl_lint::Diagnostic::unreadable(0, n, r).message)
        .collect();
    let mut expects: Vec<Expect> = names
        .iter()
        .zip(&messages)
        .map(|(n, m)| Expect {
            file: n,
            code: "SL100",
            line: 1,
            message: m,
        })
        .collect();
    for n in &names[7..] {
        expects.push(Expect {
            file: n,
            code: "SL201",
            line: 1,
            message: "unknown key `net.ipv4.tcp_timestsmps`",
        });
    }
    let v = check_all_formats(&[d.into()], 2, &expects);
    let files: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(files, names, "one entry per *.conf, in byte order");
}

// ---------------------------------------------------------------------------
// Bytes that are not text: no panic, findings on the valid lines around them

/// `before` (line 1: a removed key, SL202), the hostile bytes, then the typo on
/// `typo_line` (SL201): both are found, in every format.
fn assert_survives(hostile: &[u8], typo_line: u64, extra: &[(&str, u64)]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.conf");
    let mut bytes = b"net.ipv4.tcp_tw_recycle = 1\n".to_vec();
    bytes.extend_from_slice(hostile);
    bytes.extend_from_slice(TYPO.as_bytes());
    fs::write(&path, &bytes).unwrap();
    let name = path.to_str().unwrap();
    let mut expects = vec![
        Expect {
            file: name,
            code: "SL202",
            line: 1,
            message: "`tcp_tw_recycle` was removed",
        },
        Expect {
            file: name,
            code: "SL201",
            line: typo_line,
            message: "unknown key `net.ipv4.tcp_timestsmps`",
        },
    ];
    for &(code, line) in extra {
        expects.push(Expect {
            file: name,
            code,
            line,
            message: "",
        });
    }
    let v = check_all_formats(&[path.clone().into()], 1, &expects);
    assert_eq!(v["files"][0]["lines"], typo_line);
}

#[test]
fn binary_file() {
    // An ELF-like header and every byte value, then a line end.
    let mut bin: Vec<u8> = b"\x7fELF\x02\x01\x01\0\0\0".to_vec();
    bin.extend((0..=255u8).filter(|&b| b != b'\n'));
    bin.push(b'\n');
    assert_survives(&bin, 3, &[("SL108", 2), ("SL109", 2)]);
}

#[test]
fn nul_bytes() {
    assert_survives(b"net.ipv4.ip_forward = 1\0\0\n\0\n", 4, &[("SL108", 2)]);
}

#[test]
fn invalid_utf8() {
    assert_survives(
        b"net.ipv4.ip_forward = \xff\xfe\n\xc3\x28 = 1\n",
        4,
        &[("SL109", 2), ("SL109", 3)],
    );
}

/// A GBK comment (`# 中文注释`) does not hide the typo on the next line.
#[test]
fn gbk_comment_then_typo() {
    assert_survives(b"# \xd6\xd0\xce\xc4\xd7\xa2\xca\xcd\n", 3, &[]);
    // The same on its own, as the issue puts it: the typo is on line 2.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gbk.conf");
    let mut bytes = b"# \xd6\xd0\xce\xc4\xd7\xa2\xca\xcd\n".to_vec();
    bytes.extend_from_slice(TYPO.as_bytes());
    fs::write(&path, &bytes).unwrap();
    bin()
        .args(["check", "--format", "short"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicates::str::contains(format!(
            "{}:2:1: error[SL201]",
            path.display()
        )));
}

#[test]
fn latin1_text() {
    assert_survives(
        b"# r\xe9glages r\xe9seau\nkernel.hostname = caf\xe9\n",
        4,
        &[],
    );
}

#[test]
fn lone_bom() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.conf");
    fs::write(&path, b"\xef\xbb\xbf").unwrap();
    let name = path.to_str().unwrap();
    check_all_formats(
        &[path.clone().into()],
        1,
        &[Expect {
            file: name,
            code: "SL107",
            line: 1,
            message: "byte order mark",
        }],
    );
}

/// Old Mac line ends: procps and the kernel see one line; the CRs are reported.
#[test]
fn cr_only_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cr.conf");
    fs::write(
        &path,
        "net.ipv4.tcp_syncookies = 1\rnet.ipv4.ip_forward = 1\r",
    )
    .unwrap();
    let name = path.to_str().unwrap();
    let v = check_all_formats(
        &[path.clone().into()],
        1,
        &[Expect {
            file: name,
            code: "SL108",
            line: 1,
            message: "carriage return",
        }],
    );
    assert_eq!(v["files"][0]["lines"], 1);
}

/// Slow in a debug build (tens of seconds per format): the time goes to pest
/// matching the 20 MiB value character by character, and to rendering it, since
/// the SL301 message quotes the whole value. `cargo test --release -- --ignored`.
#[test]
fn twenty_mib_single_line() {
    let mut line = b"net.ipv4.ip_forward = ".to_vec();
    line.resize(20 * 1024 * 1024, b'1');
    line.push(b'\n');
    assert_survives(&line, 3, &[("SL301", 2)]);
}

/// Slow in a debug build (seconds of CPU per format): `catalog::closest` runs
/// Damerau-Levenshtein between the 2 MiB key and every one-component catalogued
/// key. `cargo test --release -- --ignored`.
#[test]
fn two_mib_key() {
    let mut line = vec![b'k'; 2 * 1024 * 1024];
    line.extend_from_slice(b" = 1\n");
    assert_survives(&line, 3, &[("SL201", 2)]);
}

/// 3 MB of printable ASCII with line ends at random places (a fixed seed).
/// Slow in a debug build (about 50 s of CPU per format): ~10,000 unknown keys, and
/// for each `catalog::closest` runs Damerau-Levenshtein against every catalogued
/// key. `cargo test --release -- --ignored`.
#[test]
fn three_mb_of_printable_noise() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut noise = Vec::with_capacity(3_000_000);
    let mut lines = 0;
    while noise.len() < 3_000_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let r = (state >> 32) as u32;
        if r % 61 == 0 {
            noise.push(b'\n');
            lines += 1;
        } else {
            noise.push(b' ' + (r % 95) as u8);
        }
    }
    noise.push(b'\n');
    lines += 1;
    assert_survives(&noise, lines + 2, &[]);
}

// ---------------------------------------------------------------------------
// Forms procps passes but the kernel rejects or misreads

fn assert_error(line: &str, code: &str, column: u64, what_happens: &str) {
    let out = bin()
        .args(["check", "--format", "json", "-"])
        .write_stdin(format!("{line}\n"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} for {line:?}: {v:#}"));
    assert_eq!(d["severity"], "error", "{line:?}");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(column))
    );
    let message = d["message"].as_str().unwrap();
    assert!(message.contains(what_happens), "{line:?}: {message}");
}

#[test]
fn empty_value() {
    assert_error(
        "net.ipv4.ip_forward =",
        "SL103",
        1,
        "the kernel rejects the empty write",
    );
}

#[test]
fn empty_key() {
    assert_error("= 1", "SL102", 1, "the line sets nothing");
}

#[test]
fn double_equals() {
    assert_error(
        "net.ipv4.ip_forward == 1",
        "SL104",
        21,
        "the kernel gets `= 1`",
    );
}

#[test]
fn quoted_value() {
    assert_error(
        "net.ipv4.ip_forward = \"1\"",
        "SL106",
        23,
        "quotes are kept: the kernel gets `\"1\"`",
    );
}

#[test]
fn shell_command() {
    assert_error(
        "sysctl -w net.ipv4.ip_forward=1",
        "SL105",
        1,
        "`sysctl` is a shell command, not a setting",
    );
}

// ---------------------------------------------------------------------------
// Pipes

#[test]
fn fifo_with_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.conf");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    let writer_path = fifo.clone();
    // Opening for write blocks until the linter opens the FIFO for reading.
    let writer = std::thread::spawn(move || fs::write(writer_path, TYPO));
    let name = fifo.to_str().unwrap();
    bin()
        .args(["check", "--format", "short"])
        .arg(&fifo)
        .assert()
        .code(1)
        .stdout(format!(
            "{name}:1:1: error[SL201] [*] unknown key `net.ipv4.tcp_timestsmps`: the setting is lost\n"
        ));
    writer.join().unwrap().unwrap();
}

#[test]
fn dev_stdin_pipe() {
    bin()
        .args(["check", "--format", "short", "/dev/stdin"])
        .write_stdin(TYPO)
        .assert()
        .code(1)
        .stdout(predicates::str::starts_with(
            "/dev/stdin:1:1: error[SL201] [*] unknown key `net.ipv4.tcp_timestsmps`",
        ));
}

#[test]
fn process_substitution() {
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(r#""$0" check --format short <(printf 'net.ipv4.tcp_timestsmps = 0\n') 2>&1; echo "rc=$?""#)
        .arg(assert_cmd::cargo::cargo_bin("sysctl-lint"))
        .output()
        .expect("bash");
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.starts_with("/dev/fd/"), "{out}");
    assert!(
        out.contains(":1:1: error[SL201] [*] unknown key `net.ipv4.tcp_timestsmps`"),
        "{out}"
    );
    assert!(out.ends_with("rc=1\n"), "{out}");
}

// ---------------------------------------------------------------------------
// Inputs are never written, renamed or touched

/// What must not change about a file: its bytes, inode, size, mtime and ctime
/// (ctime also moves on chmod, chown, rename and link).
#[derive(Debug, PartialEq, Eq)]
struct Snapshot {
    bytes: Vec<u8>,
    ino: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

fn snapshot(dir: &Path) -> Vec<(OsString, Snapshot)> {
    let mut all: Vec<(OsString, Snapshot)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let m = fs::symlink_metadata(e.path()).unwrap();
            let snap = Snapshot {
                bytes: fs::read(e.path()).unwrap(),
                ino: m.ino(),
                mtime: (m.mtime(), m.mtime_nsec()),
                ctime: (m.ctime(), m.ctime_nsec()),
            };
            (e.file_name(), snap)
        })
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all
}

/// `[possible values: a, b, c]` from a help text, after `option`.
fn possible_values(help: &str, option: &str) -> Vec<String> {
    // Help text is wrapped to the terminal: undo that first.
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = help.find(option).unwrap_or(0);
    let rest = &help[at..];
    let Some(start) = rest.find("[possible values: ") else {
        return Vec::new();
    };
    let rest = &rest[start + "[possible values: ".len()..];
    rest[..rest.find(']').unwrap()]
        .split(", ")
        .map(str::to_owned)
        .collect()
}

#[test]
fn inputs_are_never_modified() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("conf");
    fs::create_dir(&conf).unwrap();
    for entry in fs::read_dir("tests/fixtures").unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "conf") {
            fs::copy(&p, conf.join(p.file_name().unwrap())).unwrap();
        }
    }
    // Outputs a command might write land here, not beside the inputs.
    let cwd = tempfile::tempdir().unwrap();
    let before = snapshot(&conf);
    assert!(before.len() > 10);
    let run = |args: &[OsString]| {
        bin()
            .current_dir(cwd.path())
            .args(args)
            .write_stdin("")
            .output()
            .expect("run");
    };
    let files: Vec<OsString> = before.iter().map(|(n, _)| conf.join(n).into()).collect();
    let help = String::from_utf8(bin().args(["check", "-h"]).output().unwrap().stdout).unwrap();
    let formats = possible_values(&help, "--format");
    assert!(formats.iter().any(|f| f == "json"), "{help}");
    for format in &formats {
        let mut args: Vec<OsString> = vec!["check".into(), "--format".into(), format.into()];
        args.push(conf.clone().into());
        run(&args);
        args.truncate(3);
        args.extend(files.iter().cloned());
        run(&args);
    }
    for extra in [
        &["--kernel", "4.9", "--fail-on", "never"][..],
        &["--memory", "1G", "--profile", "server"],
        &["--color", "always"],
    ] {
        let mut args: Vec<OsString> = vec!["check".into()];
        args.extend(extra.iter().map(OsString::from));
        args.push(conf.clone().into());
        run(&args);
    }
    run(&["rules".into()]);
    run(&["rules".into(), "--format".into(), "json".into()]);
    run(&["profiles".into()]);
    run(&["profiles".into(), "server".into()]);
    for rule in sysctl_lint::rules::docs() {
        run(&["explain".into(), rule.code.into()]);
    }
    run(&["describe".into(), "net.ipv4.tcp_tw_reuse".into()]);
    run(&[
        "describe".into(),
        "--format".into(),
        "json".into(),
        "net.ipv4.ip_forward".into(),
    ]);
    // Every other subcommand, given the inputs the way `check` takes them.
    let top = String::from_utf8(bin().arg("--help").output().unwrap().stdout).unwrap();
    let commands: Vec<&str> = top
        .split("Commands:")
        .nth(1)
        .unwrap_or("")
        .lines()
        .take_while(|l| !l.trim().is_empty())
        // A command starts a line; a wrapped description is indented further.
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| !["check", "rules", "explain", "describe", "profiles", "help"].contains(c))
        .collect();
    for command in commands {
        run(&[command.into(), conf.clone().into()]);
        let mut args: Vec<OsString> = vec![command.into()];
        args.extend(files.iter().cloned());
        run(&args);
    }
    assert_eq!(snapshot(&conf), before, "an input changed");
}
