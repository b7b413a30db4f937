//! A real editor as the client: Neovim, headless, with its built-in LSP client
//! (`tests/nvim/lsp.lua`), opens the tuning guide and must show the same findings
//! as `sysctl-lint check`, apply the SL305 fix through a code action, get the
//! diagnostics of the edited buffer, and hover a key.
//!
//! Needs `nvim` (Debian's `neovim` package; `.ci/run` installs it). Without it the
//! test prints `SKIPPED: ...` to standard error and passes.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn nvim_version() -> Option<String> {
    let out = Command::new("nvim").arg("--version").output().ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_owned()
    })
}

#[test]
fn neovim_shows_the_diagnostics_of_the_tuning_guide() {
    let Some(version) = nvim_version() else {
        eprintln!(
            "SKIPPED: nvim not found (install Debian's `neovim` package; .ci/run does) - \
             the Neovim LSP client test did not run"
        );
        return;
    };
    eprintln!("using {version}");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixture = root.join("tests/fixtures/tuning-guide.conf");
    let script = root.join("tests/nvim/lsp.lua");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-i", "NONE", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("SYSCTL_LINT_BIN", env!("CARGO_BIN_EXE_sysctl-lint"))
        .env("SYSCTL_LINT_FILE", &fixture)
        .env("SYSCTL_LINT_OUT", &out)
        // Neovim's own state (the LSP log) goes to the temporary directory.
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start nvim");
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("nvim did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "nvim: {status}");
    let report = std::fs::read_to_string(&out).expect("the script's output");
    assert!(!report.lines().any(|l| l.starts_with("error ")), "{report}");

    // What Neovim shows: line, column, severity and code of each diagnostic.
    let mut shown: Vec<(u64, u64, u64, String)> = report
        .lines()
        .filter_map(|l| l.strip_prefix("diag "))
        .map(|l| {
            let f: Vec<&str> = l.split(' ').collect();
            assert_eq!(f[4], "sysctl-lint", "{l}");
            (
                f[0].parse().unwrap(),
                f[1].parse().unwrap(),
                f[2].parse().unwrap(),
                f[3].to_owned(),
            )
        })
        .collect();
    shown.sort();

    // What `sysctl-lint check` reports (run from the fixture's directory, so it
    // finds the same .sysctl-lint.toml, if any, as the server).
    let check = Command::new(env!("CARGO_BIN_EXE_sysctl-lint"))
        .args(["check", "--format", "json", "tuning-guide.conf"])
        .current_dir(fixture.parent().unwrap())
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&check.stdout).unwrap();
    let mut expected: Vec<(u64, u64, u64, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let severity = match d["severity"].as_str().unwrap() {
                "error" => 1,
                "warning" => 2,
                _ => 3,
            };
            (
                d["line"].as_u64().unwrap(),
                // Neovim columns count bytes; the lines' findings start after ASCII.
                d["column"].as_u64().unwrap(),
                severity,
                d["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    expected.sort();
    assert!(expected.len() > 20, "{json}");
    assert_eq!(shown, expected);

    // The SL305 fix, applied by Neovim: the comment moves above the setting.
    assert!(
        report.contains("action SL305 inline-comment: move `#最大socket读buffer"),
        "{report}"
    );
    assert!(
        report.contains(
            "line #最大socket读buffer,可参考的优化值:873200\nline net.core.rmem_max = 16777216\n"
        ),
        "{report}"
    );
    assert!(
        report.contains(&format!("after {}\n", expected.len() - 1)),
        "{report}"
    );
    assert!(
        report.contains("hover ### `net.ipv4.tcp_syncookies`"),
        "{report}"
    );
}
