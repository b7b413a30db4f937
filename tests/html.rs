//! `--format html`: golden snapshots of the page for `check` and `audit` (one
//! host, sockets, a fleet), everything from an input escaped, no external
//! resource, and the page as the real Chromium (Debian's `chromium`; `.ci/run`
//! installs it) renders it: a screenshot in `target/test-artifacts/` and the DOM's
//! text, with the network log showing that the page requested nothing.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;

/// The HTML report of `args` (and the exit code), the version in it replaced.
fn html(args: &[&str]) -> (String, i32) {
    let out = Command::cargo_bin("sysctl-lint")
        .unwrap()
        .args(args)
        .args(["--format", "html"])
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    (
        text.replace(env!("CARGO_PKG_VERSION"), "VERSION"),
        out.status.code().unwrap_or(-1),
    )
}

const TUNING_GUIDE: &[&str] = &["check", "tests/fixtures/tuning-guide.conf"];
const AUDIT_DRIFT: &[&str] = &[
    "audit",
    "--root",
    "tests/fixtures/audit/root",
    "--proc",
    "tests/fixtures/audit/proc-drift",
];
const AUDIT_SOCKETS: &[&str] = &[
    "audit",
    "--root",
    "tests/fixtures/audit/root",
    "--proc",
    "tests/fixtures/audit/proc-sockets",
    "--sockets",
];
const AUDIT_FLEET: &[&str] = &["audit", "--snapshot", "tests/fixtures/audit/fleet"];

/// The attribute values and CSS references through which a page can load
/// something (text between tags is not looked at: what comes from an input is
/// there, escaped, and `src=x` in it is text).
fn resource_references(page: &str) -> Vec<String> {
    let mut refs = Vec::new();
    let mut rest = page;
    while let Some(open) = rest.find('<') {
        let tag_end = rest[open..].find('>').map_or(rest.len(), |e| open + e);
        let tag = &rest[open..tag_end];
        for attr in [
            " src=", " href=", " srcset=", " action=", " poster=", " data=", " style=",
        ] {
            let mut t = tag;
            while let Some(i) = t.find(attr) {
                let after = &t[i + attr.len()..];
                let quote = after.chars().next().unwrap_or('"');
                let value: String = after[quote.len_utf8()..]
                    .chars()
                    .take_while(|&c| c != quote)
                    .collect();
                if attr == " style=" {
                    // Inline styles may not load anything either.
                    assert!(
                        !value.contains("url(") && !value.contains("@import"),
                        "{value}"
                    );
                } else {
                    refs.push(format!("{}{value}", attr.trim_start()));
                }
                t = after;
            }
        }
        rest = &rest[tag_end..];
    }
    let style = page
        .split_once("<style>")
        .and_then(|(_, s)| s.split_once("</style>"))
        .map_or("", |(s, _)| s);
    assert!(
        !style.contains("url(") && !style.contains("@import"),
        "CSS loads nothing"
    );
    refs
}

fn assert_self_contained(page: &str) {
    assert!(page.starts_with("<!DOCTYPE html>\n"));
    assert!(page.ends_with("</html>\n"));
    assert!(page.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
    ));
    for r in resource_references(page) {
        let value = r.split_once('=').map_or("", |(_, v)| v);
        assert!(
            value.starts_with('#') || value.starts_with("data:"),
            "a reference that is not a fragment or data: {r}"
        );
        assert!(
            !value.contains("http:") && !value.contains("https:") && !value.contains("//"),
            "{r}"
        );
    }
    assert!(!page.contains("<script"), "no script, not even inline");
    assert!(!page.contains("<link rel=\"stylesheet\""));
}

#[test]
fn check_report_of_the_tuning_guide() {
    let (page, code) = html(TUNING_GUIDE);
    assert_eq!(code, 1);
    assert_self_contained(&page);
    // Summary, groups, anchors, the rules section.
    assert!(page.contains(
        "<tr class=\"error\"><td><a href=\"#errors\">Errors</a></td><td class=\"num\">5</td></tr>"
    ));
    assert!(page.contains("<article class=\"finding error\" id=\"SL201-1\">"));
    assert!(
        page.contains("<a class=\"code\" href=\"#rule-SL201\"><code>SL201</code> unknown-key</a>")
    );
    assert!(page.contains("<dt id=\"rule-SL201\" class=\"error\"><code>SL201</code> unknown-key"));
    assert!(page.contains("<span class=\"ln\">37</span><mark>net.ipv4.tcp_timestsmps</mark> = 0\n"));
    assert!(page.contains("[*] fixable"));
    insta::assert_snapshot!("check_tuning_guide", page);
}

#[test]
fn audit_reports() {
    let (drift, code) = html(AUDIT_DRIFT);
    assert_eq!(code, 1);
    assert_self_contained(&drift);
    assert!(drift.contains("<b>live value:</b>"));
    insta::assert_snapshot!("audit_drift", drift);

    let (sockets, _) = html(AUDIT_SOCKETS);
    assert_self_contained(&sockets);
    assert!(sockets.contains("<h2>TCP sockets (20 in total)</h2>"));
    assert!(sockets.contains(
        "<tr><td>TIME_WAIT</td><td class=\"num\">9</td><td><div class=\"bar \"><span style=\"width:100.0%\"></span></div></td></tr>"
    ));
    insta::assert_snapshot!("audit_sockets", sockets);

    let (fleet, _) = html(AUDIT_FLEET);
    assert_self_contained(&fleet);
    assert!(fleet.contains("<table class=\"differences\">"));
    assert!(fleet.contains(
        "<tr><td rowspan=\"2\"><code>net.core.somaxconn</code></td><td><code>4096</code></td><td class=\"num\">2</td><td class=\"hosts\">db01, web01</td></tr>"
    ));
    assert!(fleet.contains("(3 of 3 hosts have findings)"));
    insta::assert_snapshot!("audit_fleet", fleet);
}

/// The page's own English words, none of which may be left in a Chinese page.
const ENGLISH_WORDS: &[&str] = &[
    "lang=\"en\"",
    ">Summary<",
    ">Findings<",
    ">Rules<",
    ">Severity<",
    ">Errors<",
    ">Warnings<",
    ">Infos<",
    ">Errors (",
    ">Warnings (",
    ">Infos (",
    "Fixable with",
    "No problems found",
    "[*] fixable",
    "fixable with --unsafe-fixes",
    "<b>note:</b>",
    "<b>help:</b>",
    "<b>live value:</b>",
    "<b>key:</b>",
    "<b>value:</b>",
    "<b>hosts (",
    "more lines",
    "sysctl-lint check report",
    "sysctl-lint audit of",
    "sysctl-lint fleet audit of",
    ">host<",
    ">kernel<",
    ">live values from<",
    ">judged as kernel<",
    ">configuration<",
    "hosts have findings",
    ">Hosts (",
    "Keys that differ",
    "Fleet findings",
    ">live values<",
    ">live<",
    "TCP sockets (",
    ">state<",
    ">count<",
    ">orphans<",
    ">ephemeral ports<",
    ">busiest destination<",
    "of the usable range",
    " in TIME_WAIT)",
    "Report by sysctl-lint",
    ">error<",
    ">warning<",
    ">info<",
];

fn assert_no_english_words(page: &str) {
    for w in ENGLISH_WORDS {
        assert!(!page.contains(w), "{w:?} is left in the Chinese page");
    }
}

#[test]
fn check_report_in_chinese() {
    let mut args = vec!["--lang", "zh-CN"];
    args.extend(TUNING_GUIDE);
    let (page, code) = html(&args);
    assert_eq!(code, 1);
    assert_self_contained(&page);
    assert!(page.contains("<html lang=\"zh-CN\">"));
    assert_no_english_words(&page);
    assert!(page.contains("<title>sysctl-lint 检查报告</title>"));
    assert!(page.contains("<h2>汇总</h2>"));
    assert!(page.contains("<h3>错误（5）</h3>"));
    assert!(page.contains(
        "<tr class=\"error\"><td><a href=\"#errors\">错误</a></td><td class=\"num\">5</td></tr>"
    ));
    assert!(page
        .contains("<tr><td>可用 <code>--fix</code> 自动修复</td><td class=\"num\">11</td></tr>"));
    // No space after a full-width colon; Chinese text escaped like any other.
    assert!(page.contains("<p class=\"note\"><b>原因：</b>"));
    assert!(page.contains("&quot;ip_local_port_range: prefer different parity"));
    insta::assert_snapshot!("check_tuning_guide_zh", page);

    // English stays English: the same run without --lang.
    let (english, _) = html(TUNING_GUIDE);
    assert!(english.contains("<html lang=\"en\">"));
    assert!(english.contains("<h2>Findings</h2>"));

    let (fixes, _) = html(&[
        "--lang",
        "zh-CN",
        "check",
        "--show-fixes",
        "tests/fixtures/tuning-guide.conf",
    ]);
    assert!(fixes.contains("<section id=\"fixes\">\n<h2>修复</h2>\n<pre>"));
}

#[test]
fn audit_reports_in_chinese() {
    for run in [AUDIT_DRIFT, AUDIT_SOCKETS, AUDIT_FLEET] {
        let mut args = vec!["--lang", "zh-CN"];
        args.extend(run);
        let (page, _) = html(&args);
        assert_self_contained(&page);
        assert!(page.contains("<html lang=\"zh-CN\">"));
        assert_no_english_words(&page);
    }
    let mut args = vec!["--lang", "zh-CN"];
    args.extend(AUDIT_SOCKETS);
    let (sockets, _) = html(&args);
    assert!(sockets.contains("<h2>TCP 套接字（共 20 个）</h2>"));
    assert!(sockets.contains(
        "<tr><th>TIME_WAIT</th><td>9 个，占 <code>tcp_max_tw_buckets</code>（10）的 90%</td>"
    ));
    let mut args = vec!["--lang", "zh-CN"];
    args.extend(AUDIT_FLEET);
    let (fleet, _) = html(&args);
    assert!(fleet.contains("<title>sysctl-lint 集群审计报告（3 台主机）</title>"));
    assert!(fleet.contains("；3 台主机中有 3 台存在问题。"), "{fleet}");
    assert!(fleet.contains("<p class=\"hosts\"><b>主机（2 台）：</b>web01, web02</p>"));
}

#[test]
fn input_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a<b>\"c'.conf";
    let path = dir.path().join(name);
    std::fs::write(
        &path,
        "# <script>alert(1)</script>\n\
         net.ipv4.tcp_syncookies = 1 # <script>alert(1)</script>\n\
         net.ipv4.tcp_timestamps = \"onerror=alert(1)\n\
         net.ipv4.<img src=x onerror=alert(1)> = 1\n\
         kernel.x\x1b[2J = 1\n",
    )
    .unwrap();
    let (page, code) = html(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_self_contained(&page);
    for raw in ["<script>", "<img", "\"onerror", "a<b>", "\x1b"] {
        assert!(!page.contains(raw), "{raw:?} is in the page unescaped");
    }
    // The comment in a snippet, in a message (as code), the value, the file name.
    assert!(page.contains("1 <mark># &lt;script&gt;alert(1)&lt;/script&gt;</mark>\n"));
    assert!(page.contains("<code># &lt;script&gt;alert(1)&lt;/script&gt;</code>"));
    assert!(page.contains("<mark>&quot;onerror=alert(1)</mark>"));
    assert!(page.contains("net.ipv4.&lt;img<mark> </mark>src=x onerror=alert(1)&gt; = 1\n"));
    assert!(page.contains("a&lt;b&gt;&quot;c&#39;.conf:2:29"));
    // Control characters as the text formats show them.
    assert!(page.contains("kernel.x\\x1b[2J"));
}

#[test]
fn a_clean_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ok.conf");
    std::fs::write(&path, "net.ipv4.tcp_syncookies = 1\n").unwrap();
    let (page, code) = html(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_self_contained(&page);
    assert!(page.contains("<p class=\"clean\">No problems found.</p>"));
    assert!(!page.contains("id=\"rules\""));
}

#[test]
fn show_fixes_is_a_section_of_the_page() {
    let (page, _) = html(&["check", "--show-fixes", "tests/fixtures/tuning-guide.conf"]);
    assert_self_contained(&page);
    let fixes = page
        .find("<section id=\"fixes\">\n<h2>Fixes</h2>\n<pre>Fixes --fix would apply (11):\n")
        .expect("the fixes");
    assert!(fixes < page.find("</main>").unwrap());
}

/// Chromium, Chrome, or `None` (then the test says it skipped, and fails
/// when `SYSCTL_LINT_REQUIRE_CHROMIUM` is set, as in CI).
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    assert!(
        std::env::var_os("SYSCTL_LINT_REQUIRE_CHROMIUM").is_none(),
        "Chromium is required (SYSCTL_LINT_REQUIRE_CHROMIUM) but none of chromium, \
         chromium-browser, google-chrome is on PATH"
    );
    // Straight to standard error: the test harness does not capture it, so the
    // skip shows in `cargo test`'s output even though the test passes.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED chromium_renders_the_report: Chromium is not installed \
         (Debian: apt-get install chromium)"
    );
    None
}

/// Run headless Chromium on a page with the network out of reach (a proxy on a
/// closed port, every name unresolvable) and the background services off, and
/// its network log in `net_log`; `what` is `--screenshot=...` or `--dump-dom`.
/// Returns standard output.
fn run_chromium(browser: &Path, page: &Path, what: &str, net_log: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Process::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--proxy-server=127.0.0.1:9",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--window-size=1280,2000",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--log-net-log={}", net_log.display()))
        .arg(what)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    // Read the pipes while waiting, with a deadline.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).ok();
        s
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!("chromium {what} did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let (out, err) = (out.join().unwrap(), err.join().unwrap());
    assert!(
        status.success(),
        "chromium {what} failed ({status}):\n{err}"
    );
    out
}

/// The URLs the page itself requested, from Chromium's network log: requests
/// whose initiator is the page's origin (a `file://` page's is `null`). The
/// browser's own background requests have none, or `not an origin`.
fn page_requests(net_log: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(net_log).expect("the network log");
    // Chromium may end the log without closing it when killed; it was not.
    let log: serde_json::Value = serde_json::from_str(&text).expect("the network log is JSON");
    let mut urls = Vec::new();
    for e in log["events"].as_array().expect("events") {
        let params = &e["params"];
        let (Some(url), Some(initiator)) = (params["url"].as_str(), params["initiator"].as_str())
        else {
            continue;
        };
        if initiator == "null" || initiator.starts_with("file:") {
            urls.push(url.to_owned());
        }
    }
    urls.sort();
    urls.dedup();
    urls
}

#[test]
fn chromium_renders_the_report() {
    let Some(browser) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (page, _) = html(AUDIT_SOCKETS);
    let (check, _) = html(TUNING_GUIDE);
    let report = dir.path().join("report.html");
    std::fs::write(&report, &check).unwrap();
    let audit = dir.path().join("audit.html");
    std::fs::write(&audit, &page).unwrap();

    // The screenshots, kept as test artifacts.
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    for (source, png) in [(&report, "report.png"), (&audit, "audit.png")] {
        let shot = artifacts.join(png);
        let _ = std::fs::remove_file(&shot);
        run_chromium(
            &browser,
            source,
            &format!("--screenshot={}", shot.display()),
            &dir.path().join(format!("{png}.netlog.json")),
        );
        let bytes = std::fs::read(&shot).expect("the screenshot");
        assert!(
            bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "{png} is not a PNG"
        );
        assert!(bytes.len() > 10_000, "{png} is only {} bytes", bytes.len());
        eprintln!("chromium: {} ({} bytes)", shot.display(), bytes.len());
    }

    // The DOM as Chromium built it holds the findings' codes and messages.
    let net_log = dir.path().join("dom.netlog.json");
    let dom = run_chromium(&browser, &report, "--dump-dom", &net_log);
    for text in [
        "<title>sysctl-lint check report</title>",
        "SL201",
        "unknown-key",
        "unknown key <code>net.ipv4.tcp_timestsmps</code>",
        "did you mean <code>net.ipv4.tcp_timestamps</code>?",
        "SL202",
        "was removed in Linux 4.12",
        "Found 5 errors, 8 warnings and 14 infos in 1 file.",
        "id=\"rule-SL601\"",
    ] {
        assert!(dom.contains(text), "the DOM lacks {text:?}");
    }
    let requested = page_requests(&net_log);
    assert!(requested.is_empty(), "the page requested {requested:?}");

    // The Chinese page: the browser reads it as UTF-8 in its language.
    let (zh, _) = html(&[
        "--lang",
        "zh-CN",
        "check",
        "tests/fixtures/tuning-guide.conf",
    ]);
    let zh_page = dir.path().join("report-zh.html");
    std::fs::write(&zh_page, &zh).unwrap();
    let zh_log = dir.path().join("zh.netlog.json");
    let dom = run_chromium(&browser, &zh_page, "--dump-dom", &zh_log);
    for text in [
        "<html lang=\"zh-CN\">",
        "<title>sysctl-lint 检查报告</title>",
        "<h2>汇总</h2>",
        "<h3>错误（5）</h3>",
        "发现 5 个错误、8 个警告、14 条提示（共 1 个文件）。",
        "<b>原因：</b>",
    ] {
        assert!(dom.contains(text), "the Chinese DOM lacks {text:?}");
    }
    assert!(page_requests(&zh_log).is_empty());

    // The check above sees a page's requests: a page that loads two resources
    // (and has no Content-Security-Policy) shows them.
    let bad = dir.path().join("bad.html");
    std::fs::write(
        &bad,
        "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"https://sysctl-lint.invalid/a.css\">\
         </head><body><img src=\"http://sysctl-lint.invalid/x.png\">x</body></html>",
    )
    .unwrap();
    let bad_log = dir.path().join("bad.netlog.json");
    run_chromium(&browser, &bad, "--dump-dom", &bad_log);
    assert_eq!(
        page_requests(&bad_log),
        [
            "http://sysctl-lint.invalid/x.png",
            "https://sysctl-lint.invalid/a.css"
        ]
    );
}
