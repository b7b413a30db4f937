//! Every fixture in `tests/fixtures/`: the findings match the fixture's own
//! `# expect: CODE` markers exactly (a marker names the code the next line must
//! get; every other line must get nothing), and golden snapshots of the human and
//! JSON reports make every change in wording visible in review.

use std::collections::BTreeSet;
use std::path::Path;

use sysctl_lint::report::human::Style;
use sysctl_lint::{lint_source, report, KernelVersion, Options};

/// Options from directive lines in a fixture: `# kernel: 6.1`, `# memory: 16G`,
/// `# profile: server`.
fn options_for(text: &str) -> Options {
    let directive = |name: &str| {
        text.lines().find_map(|l| {
            l.trim_start_matches('\u{FEFF}')
                .strip_prefix(&format!("# {name}: "))
                .map(str::trim)
        })
    };
    Options {
        kernel: directive("kernel")
            .map(|v| KernelVersion::parse_lenient(v).expect("fixture kernel"))
            .unwrap_or_default(),
        memory: directive("memory")
            .map(|m| sysctl_lint::units::parse_size(m).expect("fixture memory")),
        profile: directive("profile")
            .map(|p| sysctl_lint::profile::find(p).expect("fixture profile")),
        ..Options::default()
    }
}

fn lint_fixture(
    path: &Path,
) -> (
    Vec<sysctl_lint::FileData>,
    Vec<sysctl_lint::Diagnostic>,
    Options,
) {
    let bytes = std::fs::read(path).expect("read fixture");
    let name = path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let options = options_for(&String::from_utf8_lossy(&bytes));
    let (files, diags) = lint_source(&name, &bytes, &options);
    (files, diags, options)
}

/// `(line, code)` pairs named by `# expect: SL101` (or `# expect: SL101, SL305`)
/// markers: the code applies to the next line. `# expect-here: SL107` applies to
/// the marker's own line.
fn expected(text: &str) -> BTreeSet<(usize, String)> {
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{FEFF}');
        for (marker, offset) in [("# expect: ", 2), ("# expect-here: ", 1)] {
            if let Some(codes) = line.strip_prefix(marker) {
                for code in codes.split(',') {
                    out.insert((i + offset, code.trim().to_owned()));
                }
            }
        }
    }
    out
}

#[test]
fn findings_match_expect_markers() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir("tests/fixtures").expect("fixtures dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "conf") {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("read")).into_owned();
        let want = expected(&text);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if want.is_empty()
            && !name.starts_with("clean")
            && !name.starts_with("crlf")
            && !name.starts_with("no_final")
        {
            continue; // fixtures without markers are covered by snapshots only
        }
        let (files, diags, _) = lint_fixture(&path);
        let got: BTreeSet<(usize, String)> = diags
            .iter()
            .map(|d| {
                (
                    files[d.file].source.position(d.span.start).0,
                    d.code.to_owned(),
                )
            })
            .collect();
        if got != want {
            failures.push(format!(
                "{name}:\n  unexpected: {:?}\n  missing:    {:?}",
                got.difference(&want).collect::<Vec<_>>(),
                want.difference(&got).collect::<Vec<_>>()
            ));
        }
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "findings differ from # expect markers:\n{}",
        failures.join("\n")
    );
    assert!(checked > 20, "only {checked} fixtures checked");
}

#[test]
fn snapshots() {
    insta::glob!("fixtures/*.conf", |path| {
        let (files, diags, options) = lint_fixture(path);
        insta::assert_snapshot!("human", report::human::render(&files, &diags, false));
        for width in [80, 120] {
            insta::assert_snapshot!(
                format!("human_{width}"),
                report::human::render_with(&files, &diags, Style::new(false, width))
            );
        }
        insta::assert_json_snapshot!(
            "json",
            report::json::to_value(&files, &diags, &options.kernel.to_string())
        );
    });
}

#[test]
fn parse_round_trips_every_fixture() {
    insta::glob!("fixtures/*.conf", |path| {
        let bytes = std::fs::read(path).unwrap();
        let source = sysctl_lint::SourceFile::new("f", bytes.clone());
        let tree = sysctl_lint::syntax::parse(&source.text);
        assert_eq!(tree.print(source.bytes()), bytes);
    });
}

/// Integer keys, each with a value it accepts.
const INTEGER_KEYS: &[(&str, &str)] = &[
    ("net.core.rmem_max", "16777216"),
    ("net.core.wmem_max", "16777216"),
    ("net.core.rmem_default", "262144"),
    ("net.core.wmem_default", "262144"),
    ("net.core.somaxconn", "4096"),
    ("net.core.netdev_max_backlog", "16384"),
    ("net.core.optmem_max", "65536"),
    ("net.ipv4.tcp_max_syn_backlog", "4096"),
    ("net.ipv4.tcp_fin_timeout", "30"),
    ("net.ipv4.tcp_keepalive_time", "1200"),
    ("net.ipv4.tcp_keepalive_intvl", "30"),
    ("net.ipv4.tcp_keepalive_probes", "5"),
    ("net.ipv4.tcp_syncookies", "1"),
    ("net.ipv4.tcp_tw_reuse", "1"),
    ("net.ipv4.tcp_timestamps", "1"),
    ("net.ipv4.tcp_sack", "1"),
    ("net.ipv4.tcp_window_scaling", "1"),
    ("net.ipv4.tcp_mtu_probing", "1"),
    ("net.ipv4.tcp_slow_start_after_idle", "0"),
    ("net.ipv4.tcp_no_metrics_save", "1"),
    ("net.ipv4.tcp_max_orphans", "262144"),
    ("net.ipv4.tcp_orphan_retries", "3"),
    ("net.ipv4.tcp_retries2", "8"),
    ("net.ipv4.ip_forward", "0"),
    ("net.ipv4.conf.all.rp_filter", "1"),
    ("net.ipv4.conf.default.rp_filter", "1"),
    ("net.ipv4.conf.all.accept_redirects", "0"),
    ("net.ipv4.conf.default.accept_redirects", "0"),
    ("net.ipv4.conf.all.send_redirects", "0"),
    ("net.ipv4.conf.all.accept_source_route", "0"),
    ("net.ipv4.icmp_echo_ignore_broadcasts", "1"),
    ("net.ipv4.icmp_ignore_bogus_error_responses", "1"),
    ("net.ipv4.conf.all.log_martians", "1"),
    ("net.ipv6.conf.all.accept_redirects", "0"),
    ("net.ipv6.conf.default.accept_redirects", "0"),
    ("net.ipv6.conf.all.accept_ra", "0"),
    ("vm.swappiness", "10"),
    ("vm.dirty_ratio", "20"),
    ("vm.dirty_background_ratio", "5"),
    ("vm.vfs_cache_pressure", "50"),
    ("vm.overcommit_memory", "0"),
    ("vm.max_map_count", "262144"),
    ("vm.min_free_kbytes", "65536"),
    ("fs.file-max", "2097152"),
    ("fs.nr_open", "2097152"),
    ("fs.inotify.max_user_watches", "524288"),
    ("fs.inotify.max_user_instances", "512"),
    ("kernel.pid_max", "4194304"),
    ("kernel.threads-max", "4194304"),
    ("kernel.sysrq", "0"),
];

/// Issue #16: a 50-line file with a Chinese inline comment on every line (the
/// tuning-guide habit) gives at most a screenful, and no line is wider than 100
/// columns (CJK counted as two).
#[test]
fn comment_on_every_line_is_one_screenful() {
    const COMMENTS: &[&str] = &[
        "最大socket读buffer,可参考的优化值:873200",
        "最大socket写buffer,可参考的优化值:873200",
        "默认的接收窗口大小",
        "监听队列的最大长度",
        "表示SYN队列的长度，默认为1024",
        "表示开启重用。允许将TIME-WAIT sockets重新用于新的TCP连接",
        "尽量使用物理内存",
    ];
    assert_eq!(INTEGER_KEYS.len(), 50);
    let text: String = INTEGER_KEYS
        .iter()
        .enumerate()
        .map(|(i, (key, value))| {
            format!(
                "{key} = {value} #{}（{}）\n",
                COMMENTS[i % COMMENTS.len()],
                i + 1
            )
        })
        .collect();
    let (files, diags) = lint_source("tuning.conf", text.as_bytes(), &Options::default());
    assert_eq!(diags.iter().filter(|d| d.code == "SL305").count(), 50);
    let out = report::human::render_with(&files, &diags, Style::new(false, 100));
    assert!(
        out.lines().count() <= 60,
        "{} lines:\n{out}",
        out.lines().count()
    );
    for line in out.lines() {
        assert!(
            sysctl_lint::text::width(line) <= 100,
            "wider than 100 columns: {line}"
        );
    }
}

/// Issue #16: the tuning guide's human report fits in 100 columns, and grouping
/// loses no fault: every code found is shown.
#[test]
fn tuning_guide_fits_and_shows_every_code() {
    let (files, diags, _) = lint_fixture(Path::new("tests/fixtures/tuning-guide.conf"));
    let out = report::human::render_with(&files, &diags, Style::new(false, 100));
    for line in out.lines() {
        assert!(
            sysctl_lint::text::width(line) <= 100,
            "wider than 100 columns: {line}"
        );
    }
    let codes: BTreeSet<&str> = diags.iter().map(|d| d.code).collect();
    for code in codes {
        assert!(
            out.contains(&format!("[{code} ")),
            "{code} is not shown:\n{out}"
        );
    }
}
