//! Unit tests of the audit.

use super::*;
#[allow(unused_imports)]
use crate::report::audit::*;

/// Audit n glob lines (`net.ipv4.conf.vethNNNNNN*.rp_filter`) against n live
/// keys, one matching each glob: the glob matching work, and the drifts found.
fn glob_audit_work(n: usize) -> (usize, usize) {
    let conf: String = (0..n)
        .map(|i| format!("net.ipv4.conf.veth{i:06}*.rp_filter = 1\n"))
        .collect();
    let file = FileData::new(SourceFile::new(
        "/etc/sysctl.d/50-globs.conf",
        conf.into_bytes(),
    ));
    let mut live = Snapshot::default();
    for i in 0..n {
        live.values.insert(
            format!("net.ipv4.conf.veth{i:06}.rp_filter"),
            "2".to_owned(),
        );
    }
    let config = Config::new(vec![file], Loader::Systemd);
    let audit = audit_host(
        &config,
        &live,
        "live",
        &Options::default(),
        None,
        &Evidence::default(),
    );
    let drifts = audit
        .diagnostics
        .iter()
        .filter(|d| d.code == "SL801")
        .count();
    (config.glob_index.work(), drifts)
}

/// Merge a fleet of n hosts where each of 3 keys has a distinct value on each
/// host, and 2 keys the same value everywhere: the comparisons made.
fn fleet_merge_work(n: u32) -> usize {
    FLEET_WORK.with(|w| w.set(0));
    let mut values: HashMap<&str, KeyValues> = HashMap::new();
    for host in 0..n {
        for key in ["a", "b", "c"] {
            values
                .entry(key)
                .or_default()
                .add(format!("{key}{host}"), host);
        }
        for key in ["d", "e"] {
            values.entry(key).or_default().add("1".to_owned(), host);
        }
    }
    assert_eq!(values["a"].values.len(), n as usize);
    assert_eq!(
        values["d"].values,
        vec![("1".to_owned(), HostSet(vec![(0, n - 1)]))]
    );
    let a = &values["a"];
    for (i, (v, hosts)) in a.values.iter().enumerate() {
        assert_eq!(
            (v.as_str(), hosts),
            (
                format!("a{i}").as_str(),
                &HostSet(vec![(i as u32, i as u32)])
            )
        );
    }
    FLEET_WORK.with(std::cell::Cell::get)
}

#[test]
fn fleet_differences_are_linear() {
    let small = fleet_merge_work(1_000);
    let big = fleet_merge_work(4_000);
    assert!(
        big <= 4 * small + 100,
        "work {small} for 1,000 hosts, {big} for 4,000"
    );
}

/// Merge n single-host JSON reports (`sysctl-lint fleet`): one key with a
/// distinct value per host, one with three values, one the same everywhere; a
/// finding every host shares and one of its own per host. The work counted.
fn reports_merge_work(n: u32) -> usize {
    FLEET_WORK.with(|w| w.set(0));
    let mut merger = FleetMerger::default();
    for i in 0..n {
        let report = serde_json::json!({
            "version": 1,
            "host": format!("h{i:05}"),
            "kernel_release": "6.8.0-45-generic",
            "config_files": 1,
            "files": [{"path": "/etc/sysctl.conf"}, {"path": "/proc/sys/kernel/pid_max"}],
            "diagnostics": [
                {"code": "SL801", "severity": "warning", "message": "`vm.swappiness` drifted",
                 "file": "/etc/sysctl.conf", "line": 2, "key": "vm.swappiness", "value": "10", "live": "60"},
                {"code": "SL801", "severity": "warning", "message": format!("`kernel.pid_max` is {i}"),
                 "file": "/proc/sys/kernel/pid_max", "line": 1, "key": "kernel.pid_max", "live": i.to_string()},
            ],
            "values": {"kernel.pid_max": i.to_string(), "net.core.somaxconn": (i % 3).to_string(), "vm.swappiness": "60"},
            "fleet": null,
        });
        let host = parse_report(report.to_string().as_bytes(), "x").expect("a report");
        merger.add(host);
    }
    let report = merger.finish(false);
    assert_eq!(report.hosts.len(), n as usize);
    assert_eq!(report.findings.len(), n as usize + 1);
    let shared = report
        .findings
        .iter()
        .find(|f| f.key.as_deref() == Some("vm.swappiness"))
        .expect("the shared finding");
    assert_eq!(
        (shared.file.as_deref(), shared.line, shared.hosts.len()),
        (Some("/etc/sysctl.conf"), Some(2), n as usize)
    );
    let own = report
        .findings
        .iter()
        .find(|f| f.key.as_deref() == Some("kernel.pid_max"))
        .expect("a host's own finding");
    assert_eq!((own.file.as_deref(), own.value.as_deref()), (None, None));
    let keys: Vec<(&str, usize)> = report
        .differences
        .iter()
        .map(|d| (d.key.as_str(), d.values.len()))
        .collect();
    assert_eq!(
        keys,
        [("kernel.pid_max", n as usize), ("net.core.somaxconn", 3)]
    );
    FLEET_WORK.with(std::cell::Cell::get)
}

#[test]
#[allow(clippy::print_stderr)] // the counts, for `--nocapture` (the linearity figures)
fn fleet_of_reports_is_linear() {
    let small = reports_merge_work(2_000);
    let big = reports_merge_work(4_000);
    eprintln!("fleet of reports: work {small} for 2,000 reports, {big} for 4,000");
    assert!(
        big <= 2 * small + 100,
        "work {small} for 2,000 reports, {big} for 4,000"
    );
}

#[test]
fn not_an_audit_report() {
    for (text, why) in [
        ("{", "invalid JSON"),
        ("[]", "not a JSON object"),
        (r#"{"version": 1, "diagnostics": []}"#, "no `host`"),
        (
            r#"{"version": 1, "host": "a", "diagnostics": [], "fleet": {"hosts": []}}"#,
            "a fleet report",
        ),
        (
            r#"{"version": 1, "host": "a", "diagnostics": [{"code": "SL999", "severity": "info", "message": "m"}]}"#,
            "unknown rule code `SL999`",
        ),
    ] {
        let e = parse_report(text.as_bytes(), "x").err().expect(text);
        assert!(e.starts_with(why), "{text}: {e}");
    }
}

#[test]
fn absent_hosts_from_runs() {
    let sets = [HostSet(vec![(2, 3), (7, 7)]), HostSet(vec![(0, 0), (5, 5)])];
    assert_eq!(
        HostSet::complement(sets.iter(), 10),
        HostSet(vec![(1, 1), (4, 4), (6, 6), (8, 9)])
    );
    assert_eq!(
        HostSet::complement(sets[..0].iter(), 3),
        HostSet(vec![(0, 2)])
    );
    assert_eq!(
        HostSet::complement([HostSet(vec![(0, 2)])].iter(), 3),
        HostSet::default()
    );
}

#[test]
fn glob_matching_is_linear() {
    let (small, drifts_small) = glob_audit_work(500);
    let (big, drifts_big) = glob_audit_work(2_000);
    assert_eq!((drifts_small, drifts_big), (500, 2_000));
    assert!(
        big <= 4 * small + 100,
        "work {small} for 500, {big} for 2,000"
    );
}

#[test]
fn snapshot_lines() {
    let s = parse_snapshot(
        "net.ipv4.tcp_rmem = 4096\t131072\t6291456\nkernel.domainname = (none)\nfs.empty =\n\
         sysctl: permission denied on key 'vm.compact_memory'\n\
         sysctl: reading key \"net.ipv6.conf.all.stable_secret\": Input/output error\n\
         dev.cdrom.info = CD-ROM information\ndev.cdrom.info = drive name:\ngarbage\n",
    );
    assert_eq!(s.get("net.ipv4.tcp_rmem"), Some("4096\t131072\t6291456"));
    assert_eq!(s.get("fs.empty"), Some(""));
    assert_eq!(
        s.get("dev.cdrom.info"),
        Some("CD-ROM information\ndrive name:")
    );
    assert_eq!(s.unreadable["vm.compact_memory"], "permission denied");
    assert_eq!(
        s.unreadable["net.ipv6.conf.all.stable_secret"],
        "Input/output error"
    );
    assert_eq!(s.ignored_lines, 1);
}

#[test]
fn values_compare_as_the_kernel_reads_them() {
    let info = |k: &str| catalog::lookup(&Key::parse(k));
    let rmem = info("net.ipv4.tcp_rmem");
    assert!(same_value(
        rmem,
        "4096 131072  6291456",
        "4096\t131072\t6291456"
    ));
    assert!(!same_value(
        rmem,
        "4096 131072 6291457",
        "4096\t131072\t6291456"
    ));
    let one = info("net.core.somaxconn");
    assert!(same_value(one, "0x10", "16"));
    assert!(same_value(one, "020", "16"));
    assert!(same_value(one, "0016", "14")); // octal, as the kernel reads it
    assert!(same_value(one, "16  ", "16\n"));
    let s = info("kernel.core_pattern");
    assert!(same_value(s, "core", "core"));
    assert!(!same_value(s, "core.%p", "core"));
    let ports = info("net.ipv4.ip_local_reserved_ports");
    assert!(same_value(ports, "9000-9010, 8080", "8080,9000-9010"));
    assert!(same_value(None, "a  b", "a\tb"));
}

#[test]
fn host_sets_are_runs() {
    let mut h = HostSet::default();
    for i in [0, 1, 2, 5, 6, 9] {
        h.push(i);
    }
    assert_eq!(h.0, vec![(0, 2), (5, 6), (9, 9)]);
    assert_eq!(h.len(), 6);
    assert_eq!(h.iter().collect::<Vec<_>>(), vec![0, 1, 2, 5, 6, 9]);
}

#[test]
fn unsafe_keys_never_become_paths() {
    for k in [
        "kernel/../../etc/passwd",
        "a.//.b",
        "net.ipv4.conf.*.rp_filter",
        "",
    ] {
        assert_eq!(safe_path(&Key::parse(k)), None, "{k}");
    }
}

/// The proc-reading code has no write path: no API that can create, truncate or
/// write a file appears in this module or in `sockets`.
#[test]
fn no_write_calls_in_audit_sources() {
    let forbidden = [
        concat!("Open", "Options"),
        concat!("File::", "create"),
        concat!("fs::", "write"),
        concat!(".write", "_all("),
        concat!("set_", "permissions"),
        concat!("remove_", "file"),
        concat!("fs::", "rename"),
        concat!("fs::", "copy"),
    ];
    for (name, src) in [
        ("audit/mod.rs", include_str!("mod.rs")),
        ("audit/live.rs", include_str!("live.rs")),
        ("audit/snapshot.rs", include_str!("snapshot.rs")),
        ("audit/host.rs", include_str!("host.rs")),
        ("audit/causes.rs", include_str!("causes.rs")),
        ("audit/fleet.rs", include_str!("fleet.rs")),
        ("sockets.rs", include_str!("../sockets.rs")),
    ] {
        for f in forbidden {
            assert!(!src.contains(f), "{name} contains {f}");
        }
    }
}
