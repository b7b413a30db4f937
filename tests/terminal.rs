//! Terminal safety (issue 12, part 5): control characters from an input (C0,
//! DEL, C1, bytes that are not UTF-8) never reach the terminal raw in the `human`
//! and `short` reports, in file names, or in the audit report; they are shown
//! escaped (`\x1b`, `\r`, `\x9b`). Tab and newline stay, the CR of a CRLF line
//! ending is not shown, and the tool's own colour sequences (`--color always`)
//! stay. The machine formats escape what their syntax requires.

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use assert_cmd::Command;
use sysctl_lint::escape::is_control;

const FIXTURE: &str = "tests/fixtures/terminal/controls.conf";

fn bin() -> Command {
    let mut c = Command::cargo_bin("sysctl-lint").expect("binary");
    c.env_remove("NO_COLOR");
    c
}

/// Run the binary; stdout and stderr.
fn run(args: &[&OsStr], code: i32) -> (Vec<u8>, Vec<u8>) {
    let out = bin().args(args).assert().code(code).get_output().clone();
    (out.stdout, out.stderr)
}

/// The output is UTF-8 (a raw byte 0x9b would be a C1 CSI to an 8-bit terminal)
/// and holds no control character but newline, tab and the tool's own SGR
/// colour sequences (`ESC [ digits ; ... m`).
fn assert_no_raw_controls(out: &[u8], what: &str) {
    let text = std::str::from_utf8(out)
        .unwrap_or_else(|e| panic!("{what}: output is not UTF-8 ({e}): {out:?}"));
    let sgr = regex::Regex::new(r"\x1b\[[0-9;]*m").expect("regex");
    let stripped = sgr.replace_all(text, "");
    if let Some((i, c)) = stripped
        .char_indices()
        .find(|&(_, c)| is_control(c) && c != '\n' && c != '\t')
    {
        let around = &stripped[i.saturating_sub(40)..(i + 40).min(stripped.len())];
        panic!("{what}: raw control {c:?} at {i}: {around:?}");
    }
}

fn s(x: &str) -> &OsStr {
    OsStr::new(x)
}

/// Colour output made readable for a snapshot.
fn visible(out: &[u8]) -> String {
    String::from_utf8_lossy(out).replace('\x1b', "␛")
}

#[test]
fn human_and_short_reports_escape_controls() {
    for format in ["human", "short"] {
        for color in ["never", "always"] {
            let (out, err) = run(
                &[
                    s("check"),
                    s("--format"),
                    s(format),
                    s("--color"),
                    s(color),
                    s(FIXTURE),
                ],
                1,
            );
            let what = format!("--format {format} --color {color}");
            assert_no_raw_controls(&out, &what);
            assert_no_raw_controls(&err, &what);
            let text = String::from_utf8_lossy(&out);
            // `short` shows only the messages, which quote keys and values.
            let shown: &[&str] = if format == "human" {
                &["\\x1b[2J", "\\x07", "\\r", "\\x9b", "\\x7f"]
            } else {
                &["\\x1b[2J", "\\x9b", "\\x7f"]
            };
            for shown in shown {
                assert!(text.contains(shown), "{what}: {shown} not shown:\n{text}");
            }
            insta::assert_snapshot!(format!("controls_{format}_{color}"), visible(&out));
        }
    }
}

#[test]
fn carets_point_at_the_escaped_characters_and_columns_are_the_files() {
    let (out, _) = run(&[s("check"), s("--color"), s("never"), s(FIXTURE)], 1);
    let text = String::from_utf8_lossy(&out);
    // The ESC of line 3 is column 24 in the file (as `short` and `json` say),
    // and the caret covers its four shown characters.
    let at = text
        .find("controls.conf:3:24")
        .expect("ESC finding at 3:24");
    let block: Vec<&str> = text[at..].lines().take(4).collect();
    assert_eq!(block[2], "3 │ net.ipv4.tcp_timestsmps\\x1b[2J = 0");
    assert_eq!(block[3], "  │                        ^^^^");
}

#[test]
fn crlf_line_endings_are_not_noise() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crlf.conf");
    fs::write(
        &path,
        "net.ipv4.tcp_timestsmps = 0\r\nkernel.domainname = a\rb\r\nvm.swappiness = 10\r\n",
    )
    .expect("write");
    let (out, _) = run(&[s("check"), s("--color"), s("never"), path.as_os_str()], 1);
    assert_no_raw_controls(&out, "crlf");
    let text = String::from_utf8_lossy(&out);
    // Only the CR inside the value is shown, in its snippet.
    assert!(text.contains("1 │ net.ipv4.tcp_timestsmps = 0\n"), "{text}");
    assert!(text.contains("2 │ kernel.domainname = a\\rb\n"), "{text}");
    assert_eq!(text.matches("\\r").count(), 1, "{text}");
}

#[test]
fn file_names_are_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    // (Clap takes paths as UTF-8 for now: a name that is not UTF-8 is issue 12
    // part 3; `escape::escape_bytes` shows its bytes as `\xNN`.)
    let name = b"a\x1b]0;t\x07\r\n\x7f\xc2\x9b.conf";
    let path = dir.path().join(OsStr::from_bytes(name));
    fs::write(&path, "net.ipv4.tcp_timestsmps = 0\n").expect("write");
    let shown = "a\\x1b]0;t\\x07\\r\\n\\x7f\\x9b.conf";
    for format in ["human", "short"] {
        for color in ["never", "always"] {
            let (out, err) = run(
                &[
                    s("check"),
                    s("--format"),
                    s(format),
                    s("--color"),
                    s(color),
                    path.as_os_str(),
                ],
                1,
            );
            let what = format!("name, --format {format} --color {color}");
            assert_no_raw_controls(&out, &what);
            assert_no_raw_controls(&err, &what);
            let text = String::from_utf8_lossy(&out);
            assert!(text.contains(shown), "{what}: {shown} not in:\n{text}");
        }
    }
    // `short` keeps one finding per line, whatever the name holds.
    let (out, _) = run(
        &[s("check"), s("--format"), s("short"), path.as_os_str()],
        1,
    );
    assert_eq!(String::from_utf8_lossy(&out).lines().count(), 1);
}

#[test]
fn machine_formats_escape_as_their_syntax_requires() {
    for format in ["json", "json-lines", "sarif", "gitlab"] {
        let (out, _) = run(&[s("check"), s("--format"), s(format), s(FIXTURE)], 1);
        let text = String::from_utf8(out).expect("UTF-8");
        // JSON escapes every C0 control; the only raw one left is the newline
        // between (pretty-printed) tokens.
        assert!(
            !text.chars().any(|c| c < ' ' && c != '\n'),
            "{format}: raw C0 control"
        );
        let docs: Vec<&str> = if format == "json-lines" {
            text.lines().collect()
        } else {
            vec![&text]
        };
        for doc in docs {
            serde_json::from_str::<serde_json::Value>(doc)
                .unwrap_or_else(|e| panic!("{format}: not JSON ({e})"));
        }
    }
    // GitHub: one workflow command per line; `%`, CR and LF escaped as the
    // runner reads them, the other controls shown as `\xNN`.
    let (out, _) = run(
        &[s("check"), s("--format"), s("github"), FIXTURE.as_ref()],
        1,
    );
    let text = String::from_utf8(out).expect("UTF-8");
    assert_no_raw_controls(text.as_bytes(), "github");
    assert!(text.lines().all(|l| l.starts_with("::")), "{text}");
    assert!(text.contains("\\x1b[2J"), "{text}");
}

#[test]
fn config_errors_escape_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("cfg.toml");
    fs::write(&cfg, "kernel = \"5.15\"\nselect = [\"SL2\x1b[2J\"]\n").expect("write");
    let conf = dir.path().join("a.conf");
    fs::write(&conf, "vm.swappiness = 10\n").expect("write");
    for color in ["never", "always"] {
        let (out, err) = run(
            &[
                s("check"),
                s("--color"),
                s(color),
                s("--config"),
                cfg.as_os_str(),
                conf.as_os_str(),
            ],
            2,
        );
        assert_no_raw_controls(&out, "config error stdout");
        assert_no_raw_controls(&err, "config error stderr");
        assert!(String::from_utf8_lossy(&err).contains("\\x1b[2J"));
    }
}

/// A `sysctl -a` snapshot whose host name, release and values carry controls;
/// a fleet whose file names do.
#[test]
fn audit_human_report_escapes_controls() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("root");
    fs::create_dir_all(root.join("etc/sysctl.d")).expect("mkdir");
    fs::write(
        root.join("etc/sysctl.d/50-x.conf"),
        "net.core.somaxconn = 4096\nkernel.domainname = a\x1b[2Jb\n",
    )
    .expect("write");
    let snapshot = |host: &str, somaxconn: &str| {
        let mut text = format!(
            "kernel.hostname = {host}\nkernel.osrelease = 6.8.0\x07-x\n\
             net.core.somaxconn = {somaxconn}\nkernel.domainname = x\x1b]0;t\x07\n\
             vm.swappiness = 60\u{9b}\nvm.overcommit_memory = 1"
        )
        .into_bytes();
        text.extend_from_slice(b"\x9b\n");
        text
    };
    let single = dir.path().join("one.txt");
    fs::write(&single, snapshot("web\x1b[31m01", "128\x1b[2J")).expect("write");
    let fleet = dir.path().join("fleet");
    fs::create_dir(&fleet).expect("mkdir");
    for (i, name) in [
        &b"web\x1b[31m01.txt"[..],
        b"web\x0702\xff.txt",
        b"web03.txt",
    ]
    .iter()
    .enumerate()
    {
        fs::write(
            fleet.join(OsStr::from_bytes(name)),
            snapshot("h", &format!("{}\x07", 100 + i)),
        )
        .expect("write");
    }
    for (kind, snap) in [("single", &single), ("fleet", &fleet)] {
        for color in ["never", "always"] {
            let out = bin()
                .args([
                    s("audit"),
                    s("--color"),
                    s(color),
                    s("--loader"),
                    s("systemd"),
                ])
                .args([
                    s("--root"),
                    root.as_os_str(),
                    s("--snapshot"),
                    snap.as_os_str(),
                ])
                .output()
                .expect("run");
            let what = format!("audit {kind} --color {color}");
            assert_no_raw_controls(&out.stdout, &what);
            assert_no_raw_controls(&out.stderr, &what);
            if color == "never" {
                let text = String::from_utf8_lossy(&out.stdout)
                    .replace(&*dir.path().to_string_lossy(), "TMP");
                insta::assert_snapshot!(format!("audit_{kind}"), text);
            }
        }
    }
}

#[test]
fn the_fixture_holds_every_kind_of_control() {
    let bytes = fs::read(Path::new(FIXTURE)).expect("fixture");
    for b in [0x1b, 0x07, 0x00, 0x7f, 0x9b] {
        assert!(bytes.contains(&b), "fixture lacks byte {b:#x}");
    }
    assert!(bytes.windows(2).any(|w| w == b"\xc2\x9b"), "no UTF-8 C1");
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "no CRLF");
    assert!(
        bytes.windows(2).any(|w| w[0] == b'\r' && w[1] != b'\n'),
        "no lone CR"
    );
}

/// `effective`: the human table escapes keys, values and file names; the
/// generated sysctl.conf keeps values as they are (it is a configuration file)
/// but its comments stay one line each whatever a file name holds.
#[test]
fn effective_escapes_its_report_and_keeps_comments_on_their_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path().join("etc/sysctl.d");
    fs::create_dir_all(&d).expect("mkdir");
    fs::write(
        d.join(OsStr::from_bytes(
            b"50-a\nkernel.core_pattern = |x\x1b.conf",
        )),
        "kernel.domainname = a\x1b[2Jb\nkernel.domainname = c\x07\n",
    )
    .expect("write");
    let root = dir.path().as_os_str();
    let (out, err) = run(
        &[
            s("effective"),
            s("--loader"),
            s("systemd"),
            s("--root"),
            root,
        ],
        0,
    );
    assert_no_raw_controls(&out, "effective human");
    assert_no_raw_controls(&err, "effective human");
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("kernel.domainname = c\\x07"), "{text}");
    assert!(
        text.contains("replaces kernel.domainname = a\\x1b[2Jb"),
        "{text}"
    );
    assert!(
        text.contains("50-a\\nkernel.core_pattern = |x\\x1b.conf:2"),
        "{text}"
    );

    let (out, _) = run(
        &[
            s("effective"),
            s("--loader"),
            s("systemd"),
            s("--format"),
            s("conf"),
            s("--root"),
            root,
        ],
        0,
    );
    let conf = String::from_utf8(out).expect("UTF-8");
    // The only setting line is the value itself, byte for byte.
    let settings: Vec<&str> = conf
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    assert_eq!(settings, ["kernel.domainname = c\x07"], "{conf}");
}

/// `config --show` is TOML with control characters as `\uXXXX` escapes.
#[test]
fn config_show_escapes_controls() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("cfg.toml");
    fs::write(
        &cfg,
        "known-keys = [\"net.x\\u001b]0;t.*\", \"net.y\\u0007\"]\n",
    )
    .expect("write");
    let (out, _) = run(
        &[s("config"), s("--show"), s("--config"), cfg.as_os_str()],
        0,
    );
    assert_no_raw_controls(&out, "config --show");
    let text = String::from_utf8(out).expect("UTF-8");
    let parsed: toml::Table = toml::from_str(&text).expect("TOML");
    assert_eq!(
        parsed["known-keys"],
        toml::Value::Array(vec!["net.x\x1b]0;t.*".into(), "net.y\x07".into()])
    );
}
