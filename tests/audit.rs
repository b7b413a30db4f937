//! `sysctl-lint audit`: fixture /proc trees and `sysctl -a` snapshots for each finding
//! (SL801 drift, SL802 missing key, SL803 ephemeral ports, the value and profile rules
//! on live values), fleets, golden snapshots of the human and JSON reports, and a
//! read-only run on this machine's /proc whose socket counts are checked against an
//! independent parse of a captured copy.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sysctl_lint::audit::{self, AuditOptions, Live};
use sysctl_lint::sockets;
use sysctl_lint::system::Loader;
use sysctl_lint::Options;

const FIX: &str = "tests/fixtures/audit";

fn fixture(p: &str) -> PathBuf {
    Path::new(FIX).join(p)
}

fn opts(root: &str, proc_root: &str) -> AuditOptions {
    AuditOptions {
        root: Some(fixture(root)),
        loader: Some(Loader::Procps),
        proc_root: fixture(proc_root),
        snapshots: Vec::new(),
        sockets: false,
        options: Options::default(),
        running_kernel: true,
        exclude: Default::default(),
    }
}

/// `(code, key)` of every finding, sorted.
fn codes(o: &audit::AuditOutcome) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = o
        .diagnostics
        .iter()
        .map(|d| (d.code.to_owned(), d.key.clone().unwrap_or_default()))
        .collect();
    v.sort();
    v
}

fn has(o: &audit::AuditOutcome, code: &str, key: &str) -> bool {
    o.diagnostics
        .iter()
        .any(|d| d.code == code && d.key.as_deref() == Some(key))
}

fn find<'a>(o: &'a audit::AuditOutcome, code: &str, key: &str) -> &'a sysctl_lint::Diagnostic {
    o.diagnostics
        .iter()
        .find(|d| d.code == code && d.key.as_deref() == Some(key))
        .unwrap_or_else(|| panic!("no {code} for {key}: {:#?}", codes(o)))
}

#[test]
fn drift_and_missing_keys() {
    let o = audit::run(&opts("root", "proc-drift")).expect("audit");
    assert_eq!(o.host, "drift-host");
    assert_eq!(o.kernel_release.as_deref(), Some("6.18.44-fc-v595"));
    assert_eq!(o.kernel.to_string(), "6.18.44");
    // Findings on live values sit on the value's own source.
    let source = |d: &sysctl_lint::Diagnostic| o.files[d.file].source.name.clone();

    // Drift, with the cause in the note and the live value in a label.
    let d = find(&o, "SL801", "net.ipv4.tcp_syncookies");
    assert!(d
        .note
        .as_deref()
        .unwrap_or_default()
        .contains("is `0` on the running system, not the configured `1`"));
    assert!(
        d.note
            .as_deref()
            .unwrap_or_default()
            .contains("changed at runtime"),
        "{}",
        d.note.as_deref().unwrap_or_default()
    );
    assert_eq!(
        d.message,
        "`tcp_syncookies` is `0` now, not the configured `1`"
    );
    assert_eq!(d.labels[0].message, "live value: 0");
    assert_eq!(
        o.files[d.labels[0].file].source.name,
        "tests/fixtures/audit/proc-drift/sys/net/ipv4/tcp_syncookies"
    );
    assert_eq!(d.value.as_deref(), Some("1"));
    assert!(find(&o, "SL801", "net.ipv4.ip_forward")
        .note
        .as_deref()
        .unwrap_or_default()
        .contains("docker"));
    let iface = find(&o, "SL801", "net.ipv4.conf.eth1.rp_filter");
    assert!(iface
        .note
        .as_deref()
        .unwrap_or_default()
        .contains("`eth1` was probably created after"));
    assert!(iface
        .note
        .as_deref()
        .unwrap_or_default()
        .contains("the same as this interface's value"));
    let glob = find(&o, "SL801", "net.ipv4.conf.eth1.log_martians");
    assert!(glob
        .note
        .as_deref()
        .unwrap_or_default()
        .contains("set by the glob `net.ipv4.conf.*.log_martians`"));
    assert!(glob
        .note
        .as_deref()
        .unwrap_or_default()
        .contains("the glob matched nothing for it"));
    assert!(find(&o, "SL801", "net.netfilter.nf_conntrack_max")
        .note
        .as_deref()
        .unwrap_or_default()
        .contains("module `nf_conntrack`"));
    assert!(find(&o, "SL801", "net.ipv4.tcp_fin_timeout")
        .note
        .as_deref()
        .unwrap_or_default()
        .contains("the kernel rejects the written value"));
    assert!(has(&o, "SL801", "kernel.core_pattern"));
    // Equal once normalised: tabs vs spaces, 0x1000 = 4096, 010 = 8 (octal), port sets.
    for same in [
        "net.ipv4.tcp_rmem",
        "net.core.somaxconn",
        "vm.swappiness",
        "net.ipv4.ip_local_reserved_ports",
        "net.ipv4.conf.all.log_martians",
        "net.ipv4.conf.default.log_martians",
    ] {
        assert!(!has(&o, "SL801", same), "{same}");
    }

    // Missing keys, naming the running kernel and the cause.
    let removed = find(&o, "SL802", "net.ipv4.tcp_tw_recycle");
    assert!(removed
        .note
        .as_deref()
        .unwrap_or_default()
        .contains("running kernel (6.18.44-fc-v595)"));
    assert!(removed
        .note
        .as_deref()
        .unwrap_or_default()
        .contains("cannot stat /proc/sys/net/ipv4/tcp_tw_recycle"));
    assert!(removed
        .help
        .as_deref()
        .unwrap()
        .contains("removed in Linux 4.12"));
    assert!(find(&o, "SL802", "net.bridge.bridge-nf-call-iptables")
        .help
        .as_deref()
        .unwrap()
        .contains("module `br_netfilter`, which is not loaded"));
    let eth9 = find(&o, "SL802", "net.ipv4.conf.eth9.rp_filter");
    assert_eq!(eth9.severity, sysctl_lint::Severity::Info);
    assert!(eth9
        .help
        .as_deref()
        .unwrap()
        .contains("no interface `eth9`"));
    assert!(find(&o, "SL802", "net.ipv4.tcp_timestsmps")
        .help
        .as_deref()
        .unwrap()
        .contains("did you mean `net.ipv4.tcp_timestamps`"));

    // Value rules on the live values (tcp_timestamps = 0 live, which no file
    // sets and is not the kernel's default), nothing else; the help says how
    // to set it.
    let ts = find(&o, "SL503", "net.ipv4.tcp_timestamps");
    assert_eq!(
        source(ts),
        "tests/fixtures/audit/proc-drift/sys/net/ipv4/tcp_timestamps"
    );
    assert!(ts
        .help
        .as_deref()
        .unwrap()
        .contains("no file sets `net.ipv4.tcp_timestamps`: to change it, add"));
    for d in &o.diagnostics {
        if d.file >= o.config_files {
            assert!(
                ["SL3", "SL5", "SL6", "SL7"]
                    .iter()
                    .any(|p| d.code.starts_with(p)),
                "{}",
                d.code
            );
        } else {
            assert!(d.code.starts_with("SL80"), "{}", d.code);
        }
    }
    // Read-only keys are never judged.
    assert!(!o
        .diagnostics
        .iter()
        .any(|d| d.key.as_deref() == Some("fs.file-nr")));

    insta::assert_snapshot!("drift_human", audit::render_human(&o, false));
    insta::assert_json_snapshot!("drift_json", audit::to_json(&o));
}

#[test]
fn profile_audits_the_live_values() {
    let mut o = opts("root", "proc-drift");
    o.options.profile = Some(sysctl_lint::profile::find("server").expect("server"));
    let out = audit::run(&o).expect("audit");
    // kptr_restrict = 0 only live: no file sets it, the live file does.
    let d = find(&out, "SL701", "kernel.kptr_restrict");
    assert_eq!(
        out.files[d.file].source.name,
        "tests/fixtures/audit/proc-drift/sys/kernel/kptr_restrict"
    );
    assert_eq!(d.live.as_deref(), Some("0"));
    // SL702 does not fire for keys that have a live value.
    for d in out.diagnostics.iter().filter(|d| d.code == "SL702") {
        let key = d.key.as_deref().unwrap();
        assert!(
            !out.files
                .last()
                .unwrap()
                .source
                .text
                .contains(&format!("{key} = ")),
            "{key}"
        );
    }
    insta::assert_snapshot!("profile_human", audit::render_human(&out, false));
}

#[test]
fn live_values_read_single_keys() {
    let got = audit::live_values(
        &fixture("proc-drift"),
        &[
            "net.ipv4.tcp_rmem".to_owned(),
            "net/ipv4/tcp_syncookies".to_owned(),
            "net.ipv4.tcp_tw_recycle".to_owned(),
            "kernel/../../../etc/passwd".to_owned(),
            "net.ipv4.conf.*.rp_filter".to_owned(),
        ],
    );
    assert_eq!(
        got,
        vec![
            (
                "net.ipv4.tcp_rmem".to_owned(),
                Live::Value("4096\t131072\t6291456".to_owned())
            ),
            (
                "net.ipv4.tcp_syncookies".to_owned(),
                Live::Value("0".to_owned())
            ),
            ("net.ipv4.tcp_tw_recycle".to_owned(), Live::Missing),
            ("kernel.//.//.//.etc.passwd".to_owned(), Live::Missing),
            ("net.ipv4.conf.*.rp_filter".to_owned(), Live::Missing),
        ]
    );
}

#[test]
fn sockets_and_ephemeral_port_exhaustion() {
    let mut o = opts("root-sockets", "proc-sockets");
    o.sockets = true;
    let out = audit::run(&o).expect("audit");
    let s = out.sockets.as_ref().expect("sockets");
    let count = |st: &str| s.states.iter().find(|x| x.state == st).unwrap().count;
    assert_eq!(s.total, 20);
    assert_eq!(count("LISTEN"), 3);
    assert_eq!(count("TIME_WAIT"), 9);
    assert_eq!(count("ESTABLISHED"), 5);
    assert_eq!(s.time_wait.limit, Some(10));
    assert_eq!(
        s.orphans.as_ref().map(|u| (u.count, u.limit)),
        Some((4, Some(4)))
    );
    let e = s.ephemeral.as_ref().unwrap();
    assert_eq!((e.low, e.high, e.reserved, e.usable), (50000, 50019, 2, 18));
    let b = s.busiest.as_ref().unwrap();
    assert_eq!(b.remote, "10.0.0.5:5432");
    assert_eq!(b.ports_in_use, 13); // 12 over IPv4, 1 IPv4-mapped over IPv6
    assert_eq!(b.time_wait, 9);
    assert!(s.exhaustion);
    assert!(s.advice.iter().any(|a| a.contains("tcp_tw_reuse = 1")));
    assert!(s.advice.iter().any(|a| a.contains("removed in Linux 4.12")));
    let d = find(&out, "SL803", "net.ipv4.ip_local_port_range");
    assert_eq!(out.files[d.file].source.name, "/etc/sysctl.d/50-ports.conf");
    assert!(d
        .note
        .as_deref()
        .unwrap_or_default()
        .contains("hold 13 of the 18 usable ephemeral ports"));
    insta::assert_snapshot!("sockets_human", audit::render_human(&out, false));
    insta::assert_json_snapshot!("sockets_json", audit::to_json(&out));
}

#[test]
fn timestamps_off_make_reuse_useless() {
    let limits = sockets::Limits {
        port_range: Some((50000, 50003)),
        tw_reuse: Some(1),
        timestamps: Some(0),
        ..Default::default()
    };
    let text = std::fs::read_to_string(fixture("proc-sockets/net/tcp")).unwrap();
    let s = sockets::summarize_sockets(&sockets::parse_tcp(&text), None, &limits);
    assert!(s.exhaustion);
    assert!(s
        .advice
        .iter()
        .any(|a| a.contains("cannot help while net.ipv4.tcp_timestamps = 0")));
}

#[test]
fn single_snapshot() {
    let mut o = opts("root", "does-not-exist");
    o.snapshots = vec![fixture("fleet/web02.txt")];
    let out = audit::run(&o).expect("audit");
    assert_eq!(out.host, "web02");
    assert!(out.fleet.is_none());
    assert!(!has(&out, "SL801", "net.ipv4.tcp_syncookies"));
    assert!(has(&out, "SL801", "net.ipv4.ip_forward"));
    // Unreadable keys count as existing.
    let snap = audit::parse_snapshot(&std::fs::read_to_string(fixture("fleet/web02.txt")).unwrap());
    assert!(snap.exists("vm.compact_memory"));
    assert_eq!(snap.get("net.ipv4.tcp_rmem"), Some("4096\t131072\t6291456"));
    insta::assert_json_snapshot!("snapshot_json", audit::to_json(&out));
    let rendered: serde_json::Value =
        serde_json::from_str(&audit::render_json(&out)).expect("JSON");
    assert_eq!(rendered, audit::to_json(&out));
}

#[test]
fn fleet_report() {
    let mut o = opts("root", "does-not-exist");
    o.snapshots = vec![fixture("fleet")];
    let out = audit::run(&o).expect("audit");
    let f = out.fleet.as_ref().expect("fleet");
    let names: Vec<&str> = f.hosts.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(names, ["db01", "web01", "web02"]);
    let diff: BTreeMap<&str, Vec<(String, Vec<u32>)>> = f
        .differences
        .iter()
        .map(|d| {
            (
                d.key.as_str(),
                d.values
                    .iter()
                    .map(|(v, h)| (v.clone(), h.iter().collect()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        diff["net.core.somaxconn"],
        vec![("4096".to_owned(), vec![0, 1]), ("128".to_owned(), vec![2])]
    );
    // Kernels are per host (kernel.osrelease is read-only, like the counters).
    assert_eq!(f.hosts[0].kernel.as_deref(), Some("6.1.0-18-amd64"));
    // Per host by design, or read-only counters: not differences.
    assert!(!diff.contains_key("kernel.hostname"));
    assert!(!diff.contains_key("fs.file-nr"));
    let eth1 = f
        .differences
        .iter()
        .find(|d| d.key == "net.ipv4.conf.eth1.rp_filter")
        .unwrap();
    assert_eq!(eth1.absent.iter().collect::<Vec<_>>(), vec![0]);
    // Findings grouped across hosts.
    let syn = f
        .findings
        .iter()
        .find(|x| x.code == "SL801" && x.key.as_deref() == Some("net.ipv4.tcp_syncookies"))
        .unwrap();
    assert_eq!(syn.hosts.iter().collect::<Vec<_>>(), vec![0, 1]);
    assert_eq!(syn.file.as_deref(), Some("/etc/sysctl.d/90-audit.conf"));
    assert_eq!(syn.line, Some(2));
    // A key that other hosts have is a difference between snapshots (above:
    // absent on db01), not a key missing from db01's kernel.
    assert!(!f
        .findings
        .iter()
        .any(|x| x.code == "SL802" && x.key.as_deref() == Some("net.ipv4.conf.eth1.rp_filter")));
    assert_eq!(f.hosts[2].unreadable_keys, 2);
    assert_eq!(
        out.counts().errors,
        f.hosts.iter().map(|h| h.counts.errors).sum::<usize>()
    );
    insta::assert_snapshot!("fleet_human", audit::render_human(&out, false));
    insta::assert_json_snapshot!("fleet_json", audit::to_json(&out));
    // The CLI writes the same document without building it as a value.
    let rendered: serde_json::Value =
        serde_json::from_str(&audit::render_json(&out)).expect("JSON");
    assert_eq!(rendered, audit::to_json(&out));
}

#[test]
fn errors_are_reported() {
    // An unreadable live source is an SL100 in the report and counts as an
    // unreadable input (exit code 2), whatever the format.
    let sl100 = |out: &audit::AuditOutcome| {
        assert_eq!(out.unreadable_files, 1);
        let d = &out.diagnostics[0];
        assert_eq!((d.code, out.diagnostics.len()), ("SL100", 1));
        d.message.clone()
    };
    let mut o = opts("root", "does-not-exist");
    assert!(sl100(&audit::run(&o).unwrap()).ends_with("sys`: not a directory"));
    o.snapshots = vec![fixture("no-such-snapshot.txt")];
    assert!(sl100(&audit::run(&o).unwrap())
        .ends_with("no-such-snapshot.txt`: no such file or directory"));
}

// ---------------------------------------------------------------------------
// This machine, read-only.

/// An independent parse of `/proc/net/tcp*`: the 4th column is the state in hex.
fn independent_counts(text: &str) -> BTreeMap<String, usize> {
    const NAMES: [&str; 11] = [
        "ESTABLISHED",
        "SYN_SENT",
        "SYN_RECV",
        "FIN_WAIT1",
        "FIN_WAIT2",
        "TIME_WAIT",
        "CLOSE",
        "CLOSE_WAIT",
        "LAST_ACK",
        "LISTEN",
        "CLOSING",
    ];
    let mut out = BTreeMap::new();
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() < 4 {
            continue;
        }
        let st = usize::from_str_radix(cols[3], 16).expect("state");
        *out.entry(NAMES[st - 1].to_owned()).or_insert(0) += 1;
    }
    out
}

#[test]
fn this_machine_read_only() {
    let proc_root = Path::new("/proc");
    if !proc_root.join("sys/kernel/osrelease").is_file() {
        eprintln!("notice: no /proc/sys here; skipping");
        return;
    }
    // Capture one copy (sockets change between reads) into a /proc-like tree, and
    // compare both parses on that copy.
    let tmp = tempfile::tempdir().expect("tempdir");
    let copy = tmp.path().join("proc");
    let mut independent: BTreeMap<String, usize> = BTreeMap::new();
    for rel in ["net/tcp", "net/tcp6", "net/sockstat"] {
        let Ok(text) = std::fs::read_to_string(proc_root.join(rel)) else {
            continue;
        };
        let dst = copy.join(rel);
        std::fs::create_dir_all(dst.parent().unwrap()).unwrap();
        std::fs::write(&dst, &text).unwrap();
        if rel != "net/sockstat" {
            for (state, n) in independent_counts(&text) {
                *independent.entry(state).or_insert(0) += n;
            }
        }
    }
    let limits = sockets::Limits::read(proc_root);
    let s = sockets::summarize(&copy, &limits).expect("summary of the copy");
    assert_eq!(s.total, independent.values().sum::<usize>());
    for sc in &s.states {
        assert_eq!(
            independent.get(&sc.state).copied().unwrap_or(0),
            sc.count,
            "{}",
            sc.state
        );
    }

    // A smoke run of the whole audit on the live /proc (configuration: an empty tree).
    let empty = tempfile::tempdir().expect("tempdir");
    let out = audit::run(&AuditOptions {
        root: Some(empty.path().to_path_buf()),
        loader: Some(Loader::Systemd),
        proc_root: proc_root.to_path_buf(),
        snapshots: Vec::new(),
        sockets: true,
        options: Options {
            profile: sysctl_lint::profile::find("server"),
            ..Options::default()
        },
        running_kernel: true,
        exclude: Default::default(),
    })
    .expect("audit of this machine");
    assert!(out.kernel_release.is_some());
    assert!(
        out.files.len() > out.config_files,
        "findings on live values"
    );
    assert!(out.sockets.is_some());
    let _ = audit::render_human(&out, false);
    let _ = audit::to_json(&out);
}

// ---------------------------------------------------------------------------
// Scale (run by hand: `cargo test --release --test audit -- --ignored --nocapture`).

/// Generate `FLEET_HOSTS` snapshots (default 20 in the test suite; the 10,000-host
/// measurement is `FLEET_HOSTS=10000 cargo test --release --test audit fleet_scale
/// -- --nocapture`) from the reference `sysctl -a` of the 6.18 machine, each with a
/// few random differences, and audit them as a fleet.
#[test]
#[cfg_attr(shared_absent, ignore = "../shared is absent")]
fn fleet_scale() {
    let text = this_machine_snapshot();
    let hosts: usize = std::env::var("FLEET_HOSTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let lines: Vec<&str> = text.lines().collect();
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("fleet");
    std::fs::create_dir_all(&dir).unwrap();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut rand = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let t0 = std::time::Instant::now();
    for h in 0..hosts {
        let mut out = String::with_capacity(text.len() + 64);
        let changed: Vec<usize> = (0..3).map(|_| (rand() as usize) % lines.len()).collect();
        for (i, l) in lines.iter().enumerate() {
            if changed.contains(&i) {
                if let Some((k, v)) = l.split_once(" = ") {
                    let bumped = v
                        .split('\t')
                        .map(|t| match t.parse::<i64>() {
                            Ok(n) => (n + 1 + (rand() % 3) as i64).to_string(),
                            Err(_) => t.to_owned(),
                        })
                        .collect::<Vec<_>>()
                        .join("\t");
                    out.push_str(&format!("{k} = {bumped}\n"));
                    continue;
                }
            }
            out.push_str(l);
            out.push('\n');
        }
        std::fs::write(dir.join(format!("host{h:05}.txt")), out).unwrap();
    }
    let generated = t0.elapsed();
    let root = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(root.path().join("etc/sysctl.d")).unwrap();
    std::fs::write(
        root.path().join("etc/sysctl.d/90-tuning.conf"),
        "net.core.somaxconn = 4096\nnet.ipv4.tcp_syncookies = 1\nnet.ipv4.tcp_rmem = 4096 131072 33554432\nvm.swappiness = 10\n",
    )
    .unwrap();
    let t1 = std::time::Instant::now();
    let out = audit::run(&AuditOptions {
        root: Some(root.path().to_path_buf()),
        loader: Some(Loader::Systemd),
        proc_root: PathBuf::from("/nonexistent"),
        snapshots: vec![dir.clone()],
        sockets: false,
        options: Options {
            profile: sysctl_lint::profile::find("server"),
            ..Options::default()
        },
        running_kernel: true,
        exclude: Default::default(),
    })
    .expect("fleet audit");
    let audited = t1.elapsed();
    let t2 = std::time::Instant::now();
    let json = serde_json::to_string(&audit::to_json(&out)).unwrap();
    let rendered = t2.elapsed();
    let f = out.fleet.as_ref().unwrap();
    eprintln!(
        "fleet_scale: {hosts} hosts x {} lines: generated in {generated:?}, audited in {audited:?}, JSON ({} bytes) in {rendered:?}; {} differing keys, {} distinct findings",
        lines.len(),
        json.len(),
        f.differences.len(),
        f.findings.len()
    );
    assert_eq!(f.hosts.len(), hosts);
}

// ---------------------------------------------------------------------------
// Live values judged as live values; drift causes from evidence (issue 14).

/// This machine's `sysctl -a` (a stock 6.18 kernel), from `../shared/` (the
/// tests that read it are ignored without it: see `build.rs`).
fn this_machine_snapshot() -> String {
    let p = Path::new(env!("SYSCTL_LINT_SHARED_DIR"))
        .join("reference/kernel/sysctl-a.this-machine.txt");
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn audit_snapshot(root: &Path, text: &str, loader: Loader) -> audit::AuditOutcome {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("host.txt");
    std::fs::write(&snap, text).unwrap();
    audit::run(&AuditOptions {
        root: Some(root.to_path_buf()),
        loader: Some(loader),
        proc_root: dir.path().join("no-proc"),
        snapshots: vec![snap],
        sockets: false,
        options: Options::default(),
        running_kernel: true,
        exclude: Default::default(),
    })
    .expect("audit")
}

fn no_error_or_warning(o: &audit::AuditOutcome) {
    let c = o.counts();
    assert_eq!(
        (c.errors, c.warnings),
        (0, 0),
        "{}",
        audit::render_human(o, false)
    );
}

/// A stock kernel with no configuration: its own values are never findings.
#[test]
#[cfg_attr(shared_absent, ignore = "../shared is absent")]
fn a_stock_machine_audits_clean() {
    let text = this_machine_snapshot();
    let empty = tempfile::tempdir().unwrap();
    let o = audit_snapshot(empty.path(), &text, Loader::Systemd);
    no_error_or_warning(&o);
    assert!(o.diagnostics.is_empty(), "{:#?}", codes(&o));
}

/// A distribution's stock files, applied: no error and no warning either.
#[test]
#[cfg_attr(shared_absent, ignore = "../shared is absent")]
fn stock_distro_files_applied_audit_clean() {
    let text = this_machine_snapshot();
    for distro in ["debian", "ubuntu", "fedora", "arch", "alpine"] {
        let root = Path::new("tests/fixtures/distros").join(distro);
        let l = sysctl_lint::layout::load(&root, None);
        let effs = sysctl_lint::effective::compute(&l.files[..l.applied], l.loader);
        // The snapshot as the host would show it after the loader ran (on a
        // kernel built with every key the files set: this machine's lacks
        // kernel.sysrq, which Debian and Ubuntu set).
        let mut values: BTreeMap<String, String> = text
            .lines()
            .filter_map(|l| l.split_once(" = "))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        // Globs first (in application order), then the explicit keys, which win.
        let mut globs: Vec<_> = effs.iter().filter(|e| e.glob).collect();
        globs.sort_by_key(|e| e.order);
        for g in globs {
            let (Some(v), pattern) = (&g.value, sysctl_lint::key::Key::parse(&g.key)) else {
                continue;
            };
            for (k, slot) in values.iter_mut() {
                if pattern.matches(&sysctl_lint::key::Key::parse(k)) {
                    *slot = v.clone();
                }
            }
        }
        for e in effs.iter().filter(|e| !e.glob) {
            if let Some(v) = &e.value {
                // `sysctl -a` prints vectors of numbers with tabs.
                let numbers = v.split_whitespace().all(|t| t.parse::<i64>().is_ok());
                let shown = if numbers {
                    v.split_whitespace().collect::<Vec<_>>().join("\t")
                } else {
                    v.clone()
                };
                values.insert(e.key.clone(), shown);
            }
        }
        let applied: String = values.iter().map(|(k, v)| format!("{k} = {v}\n")).collect();
        let o = audit_snapshot(&root, &applied, l.loader);
        no_error_or_warning(&o);
    }
}

fn fake_proc(pid1: Option<&str>, values: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (k, v) in values {
        let p = dir.path().join("sys").join(k.replace('.', "/"));
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, format!("{v}\n")).unwrap();
    }
    std::fs::create_dir_all(dir.path().join("sys/kernel")).unwrap();
    std::fs::write(dir.path().join("sys/kernel/osrelease"), "6.18.0\n").unwrap();
    if let Some(p) = pid1 {
        std::fs::create_dir_all(dir.path().join("1")).unwrap();
        std::fs::write(dir.path().join("1/comm"), format!("{p}\n")).unwrap();
    }
    dir
}

fn audit_proc(config: &str, proc_root: &Path) -> audit::AuditOutcome {
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("etc/sysctl.d")).unwrap();
    std::fs::write(root.path().join("etc/sysctl.d/90-site.conf"), config).unwrap();
    audit::run(&AuditOptions {
        root: Some(root.path().to_path_buf()),
        loader: Some(Loader::Procps),
        proc_root: proc_root.to_path_buf(),
        snapshots: Vec::new(),
        sockets: false,
        options: Options::default(),
        running_kernel: true,
        exclude: Default::default(),
    })
    .expect("audit")
}

const SITE: &str = "net.ipv4.tcp_syncookies = 1\nkernel.kptr_restrict = 1\nnet.core.somaxconn = 4096\nvm.swappiness = 10\n";

#[test]
fn drift_causes_follow_the_evidence() {
    let live = [
        ("net.ipv4.tcp_syncookies", "0"),
        ("kernel.kptr_restrict", "0"),
        ("net.core.somaxconn", "128"),
        ("vm.swappiness", "60"),
    ];
    // PID 1 is not systemd: nobody applied the configuration.
    let proc_root = fake_proc(Some("tini"), &live);
    let o = audit_proc(SITE, proc_root.path());
    let d = find(&o, "SL801", "net.ipv4.tcp_syncookies");
    assert!(
        d.note
            .as_deref()
            .unwrap_or_default()
            .contains("likely: the configuration was never applied: PID 1 is `tini`, not systemd"),
        "{}",
        d.note.as_deref().unwrap_or_default()
    );
    assert!(d
        .help
        .as_deref()
        .unwrap()
        .contains("less likely: it was changed at runtime"));
    // systemd is PID 1 but every configured key differs: never applied, likely.
    let proc_root = fake_proc(Some("systemd"), &live);
    let o = audit_proc(SITE, proc_root.path());
    assert!(find(&o, "SL801", "vm.swappiness")
        .note
        .as_deref()
        .unwrap_or_default()
        .contains(
            "likely: the configuration was never applied: 4 of the 4 configured keys differ"
        ));
    // systemd is PID 1 and one key of four differs: a runtime change, likely.
    let mut one = live;
    one[1].1 = "1";
    one[2].1 = "4096";
    one[3].1 = "10";
    let proc_root = fake_proc(Some("systemd"), &one);
    let o = audit_proc(SITE, proc_root.path());
    let d = find(&o, "SL801", "net.ipv4.tcp_syncookies");
    assert!(
        d.note
            .as_deref()
            .unwrap_or_default()
            .contains("likely: it was changed at runtime"),
        "{}",
        d.note.as_deref().unwrap_or_default()
    );
    assert!(!d.help.as_deref().unwrap().contains("never applied"));
}

/// Rules that predict a write never judge a live value, and keys no file sets
/// are told how to set them.
#[test]
fn live_values_are_not_writes() {
    // Values a write could not set (the kernel's own boot values), and a
    // default no file sets: nothing to report.
    let proc_root = fake_proc(
        Some("systemd"),
        &[
            ("vm.dirty_bytes", "0"),
            ("vm.dirty_background_bytes", "0"),
            ("kernel.max_rcu_stall_to_panic", "0"),
            ("net.ipv4.conf.all.accept_source_route", "0"),
            ("net.ipv4.conf.default.accept_source_route", "1"),
            ("net.ipv4.conf.lo.accept_source_route", "1"),
            ("net.ipv4.ip_local_port_range", "32768\t60999"),
        ],
    );
    let o = audit_proc("", proc_root.path());
    assert!(o.diagnostics.is_empty(), "{:#?}", codes(&o));
}

/// SL511 in `audit`: the live listening sockets are the evidence of the services
/// the host runs, so the finding names them and reserves only them.
#[test]
fn port_range_findings_use_the_live_listening_sockets() {
    let proc_root = fake_proc(
        Some("systemd"),
        &[("net.ipv4.ip_local_port_range", "1024\t65535")],
    );
    // LISTEN sockets on 22 (below the range) and 5432 (PostgreSQL).
    let tcp = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0\n   1: 00000000:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0 100 0 0 10 0\n";
    std::fs::create_dir_all(proc_root.path().join("net")).unwrap();
    std::fs::write(proc_root.path().join("net/tcp"), tcp).unwrap();
    let o = audit_proc("vm.swappiness = 10\n", proc_root.path());
    let d = find(&o, "SL511", "net.ipv4.ip_local_port_range");
    assert_eq!(d.severity, sysctl_lint::Severity::Warning);
    assert_eq!(d.message, "connect() may take listening ports 5432");
    let help = d.help.as_deref().unwrap();
    assert!(
        help.contains("`net.ipv4.ip_local_reserved_ports = 5432`"),
        "{help}"
    );
}

/// `audit` through the command line in Simplified Chinese (`--lang zh-CN`, human
/// at 100 columns): `args` after `audit`, in the repository's directory.
fn audit_zh(args: &[&str]) -> String {
    let mut c = assert_cmd::Command::cargo_bin("sysctl-lint").expect("binary");
    for v in ["LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"] {
        c.env_remove(v);
    }
    let out = c
        .env("COLUMNS", "100")
        .args([
            "audit", "--loader", "procps", "--lang", "zh-CN", "--color", "never",
        ])
        .args(args)
        .output()
        .expect("run");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// SL801 (each drift cause), SL802 (each missing-key cause) and a live-value
/// finding's help in Chinese; SL803 with its note and help.
#[test]
fn drift_and_sockets_in_chinese() {
    let drift = audit_zh(&[
        "--root",
        "tests/fixtures/audit/root",
        "--proc",
        "tests/fixtures/audit/proc-drift",
    ]);
    assert!(drift.contains("警告[SL801 live-drift]"), "{drift}");
    insta::assert_snapshot!("zh_drift_human", drift);
    let sockets = audit_zh(&[
        "--root",
        "tests/fixtures/audit/root-sockets",
        "--proc",
        "tests/fixtures/audit/proc-sockets",
        "--sockets",
    ]);
    assert!(sockets.contains("SL803"), "{sockets}");
    insta::assert_snapshot!("zh_sockets_human", sockets);
}

/// SL511 on the live range in Chinese: its own help, then how to set the key.
#[test]
fn live_value_help_in_chinese() {
    let proc_root = fake_proc(
        Some("systemd"),
        &[("net.ipv4.ip_local_port_range", "1024\t65535")],
    );
    let tcp = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n   0: 00000000:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0 100 0 0 10 0\n";
    std::fs::create_dir_all(proc_root.path().join("net")).unwrap();
    std::fs::write(proc_root.path().join("net/tcp"), tcp).unwrap();
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("etc/sysctl.d")).unwrap();
    std::fs::write(
        root.path().join("etc/sysctl.d/90-site.conf"),
        "vm.swappiness = 10\n",
    )
    .unwrap();
    let out = audit_zh(&[
        "--root",
        root.path().to_str().unwrap(),
        "--proc",
        proc_root.path().to_str().unwrap(),
    ]);
    let help: String = out
        .lines()
        .skip_while(|l| !l.contains("[SL511"))
        .skip_while(|l| !l.contains("= 建议:"))
        .take_while(|l| !l.is_empty())
        .map(str::trim_start)
        .collect();
    assert!(help.contains("；或者缩小端口范围：没有文件设置"), "{out}");
    assert!(!help.contains("narrow the range"), "{out}");
}
