//! The running kernel as an oracle (issue 13, part 3).
//!
//! In namespaces made for the test (`unshare --net --ipc --uts`), every
//! catalogued key that the namespace exposes writable is written with a set of
//! probes (its catalogued minimum and maximum and one past each, 0, -1, ±10^12,
//! 2^31, 2^63, `abc`, one value too many, an empty value and, for vectors, one
//! too few; see `kernel_truth/probes.rs`). The kernel's answer (accepted, or
//! rejected with an errno, and the value read back) is compared with what
//! sysctl-lint predicts for the running kernel, through the library
//! (`lint_source`): whether SL103/SL204/SL301/SL302/SL510/SL514 say the write is
//! rejected, what SL303/SL304 say is kept, and whether SL201-SL204 call the key
//! unusable.
//!
//! **Known differences.** Every difference must be listed in
//! `tests/kernel-truth-known.tsv` (kernel series, key, probe, kernel answer,
//! prediction, cause, reason); the test fails on a difference that is not
//! listed and on a listed one (for the running kernel series) that no longer
//! occurs. After a catalogue or rule change, regenerate the rows of the running
//! kernel with
//!
//! ```text
//! KERNEL_TRUTH_WRITE=1 cargo test --test kernel_truth -- --nocapture
//! ```
//!
//! and review the diff: rows of other kernel series are kept, and a reason
//! edited by hand is kept as long as the same key, probe and cause remain.
//!
//! **Safety.** Writes happen only in a child process (this test binary run again
//! as `unshare --net --ipc --uts -- <test binary> kernel_truth_child`, selected
//! by `KERNEL_TRUTH_CHILD`), which first checks that its network, IPC and UTS
//! namespaces differ from the parent's and from pid 1's, and that it does not
//! see the initial network namespace's tables. A key is written only if it is in
//! a family the project allows (`net.*` in the network namespace; `kernel.shm*`,
//! `kernel.msg*`, `kernel.sem`, `fs.mqueue.*` in the IPC namespace;
//! `kernel.hostname` and `kernel.domainname` in the UTS namespace) and in the
//! allow-list derived from the kernel's sysctl tables and their register calls
//! (`kernel_truth/tables.rs`, from `../shared/reference/kernel/ctl-tables/`).
//! Writable keys it leaves out are listed in the known-differences file (cause
//! `left-out`). Network keys are probed only from Linux 5.13, whose
//! `ensure_safe_net_sysctl()` makes every child-namespace entry that points to
//! global data read-only.
//!
//! **When it runs.** As root on Linux where `unshare` can make the namespaces
//! and the reference tables are present (as in CI). Without `../shared` it is
//! reported as ignored (`build.rs` sets `shared_absent`; with the tables
//! elsewhere, run it with `KERNEL_TRUTH_TABLES=DIR cargo test --test kernel_truth
//! -- --include-ignored`); otherwise it prints `SKIPPED: <reason>` to stderr and
//! passes. Set `KERNEL_TRUTH_REQUIRE=1` to
//! make a skip fail. The counts (keys and probes per namespace kind, agreement,
//! differences by cause) are printed to stderr: run with `--nocapture`.

#[path = "kernel_truth/child.rs"]
mod child;
#[path = "kernel_truth/oracle.rs"]
mod oracle;
#[path = "kernel_truth/probes.rs"]
mod probes;
#[path = "kernel_truth/tables.rs"]
mod tables;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use sysctl_lint::{KernelVersion, Options};

use oracle::{Difference, Write};
use probes::unescape;
use tables::{AllowList, Kind};

const CHILD: &str = "KERNEL_TRUTH_CHILD";
const CHILD_TEST: &str = "kernel_truth_child";
const KNOWN: &str = "tests/kernel-truth-known.tsv";

const PREAMBLE: &str = "\
# Known differences between the running kernel and sysctl-lint's prediction
# (tests/kernel_truth.rs). One row per difference: the kernel series it was seen
# on, the key written (the instance probed), the probe (see kernel_truth/probes.rs;
# `(key)`: the key itself; `-`: left out, never written), what the kernel did,
# what sysctl-lint predicted (the findings that decide it), a cause tag and the
# reason. Regenerate the rows of the running kernel with
#   KERNEL_TRUTH_WRITE=1 cargo test --test kernel_truth -- --nocapture
# (reasons edited by hand are kept while the key, probe and cause stay the same).
";

/// Everything the oracle needs, or why it cannot run here.
struct Setup {
    kernel: KernelVersion,
    tables: PathBuf,
}

fn tables_dir() -> PathBuf {
    std::env::var_os("KERNEL_TRUTH_TABLES").map_or_else(
        || Path::new(env!("SYSCTL_LINT_SHARED_DIR")).join("reference/kernel/ctl-tables"),
        PathBuf::from,
    )
}

/// Whether the oracle can run on this machine: Linux, root, `unshare` able to
/// make the three namespaces, the reference tables present.
fn setup() -> Result<Setup, String> {
    if !cfg!(target_os = "linux") {
        return Err("not Linux".into());
    }
    // SAFETY: geteuid(2) cannot fail and has no side effects.
    if unsafe { libc::geteuid() } != 0 {
        return Err("not root: making namespaces and writing in them needs root".into());
    }
    let kernel = KernelVersion::running()?;
    let ok = Command::new("unshare")
        .args(["--net", "--ipc", "--uts", "--", "true"])
        .output()
        .map_err(|e| format!("cannot run unshare: {e}"))?;
    if !ok.status.success() {
        return Err(format!(
            "`unshare --net --ipc --uts true` fails: {}",
            String::from_utf8_lossy(&ok.stderr).trim()
        ));
    }
    let tables = tables_dir();
    if !tables.is_dir() {
        return Err(format!(
            "{} is absent (the allow-list is derived from it)",
            tables.display()
        ));
    }
    Ok(Setup { kernel, tables })
}

/// The child's side: runs only when the parent started this binary with
/// `KERNEL_TRUTH_CHILD` inside the new namespaces; a no-op otherwise.
#[test]
fn kernel_truth_child() {
    let Some(kind) = std::env::var(CHILD).ok() else {
        return;
    };
    let kind = Kind::parse(&kind).expect("KERNEL_TRUTH_CHILD is net, ipc or uts");
    let var = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name} is set"));
    let allow = AllowList::from_tsv(
        &std::fs::read_to_string(var("KERNEL_TRUTH_ALLOW")).expect("allow-list"),
    );
    let out = PathBuf::from(var("KERNEL_TRUTH_OUT"));
    if let Err(e) = child::run(kind, &allow, &var("KERNEL_TRUTH_PARENT_NS"), &out) {
        eprintln!("kernel_truth child ({}): {e}", kind.name());
        std::process::exit(3);
    }
}

/// What one child reported.
#[derive(Default)]
struct Report {
    writes: Vec<Write>,
    left_out: Vec<(String, String)>,
    uncatalogued: Vec<String>,
}

fn parse_report(text: &str) -> Report {
    let mut r = Report::default();
    for line in text.lines() {
        let f: Vec<String> = line.split('\t').map(unescape).collect();
        let res = |s: &str| match s.strip_prefix('=') {
            Some(v) => Ok(v.to_owned()),
            None => Err(s.trim_start_matches('!').to_owned()),
        };
        match f.first().map(String::as_str) {
            Some("P") if f.len() == 8 => r.writes.push(Write {
                path: f[2].clone(),
                probe: f[3].clone(),
                value: f[4].clone(),
                old: res(&f[5]),
                result: (f[6] != "ok").then(|| f[6].clone()),
                after: res(&f[7]),
            }),
            Some("L") if f.len() == 4 => r.left_out.push((f[2].clone(), f[3].clone())),
            Some("U") if f.len() == 3 => r.uncatalogued.push(f[2].clone()),
            _ => panic!("kernel_truth child: bad record `{line}`"),
        }
    }
    r
}

fn run_child(kind: Kind, allow_file: &Path, dir: &Path) -> std::process::Child {
    let exe = std::env::current_exe().expect("test binary");
    let parent_ns = child::namespace_ids("self").expect("own namespaces");
    Command::new("unshare")
        .args(["--net", "--ipc", "--uts", "--"])
        .arg(exe)
        .args([CHILD_TEST, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, kind.name())
        .env("KERNEL_TRUTH_ALLOW", allow_file)
        .env("KERNEL_TRUTH_OUT", dir.join(format!("{}.tsv", kind.name())))
        .env("KERNEL_TRUTH_PARENT_NS", parent_ns)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn unshare")
}

#[test]
#[cfg_attr(shared_absent, ignore = "../shared is absent")]
fn kernel_agrees_with_sysctl_lint() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let setup = match setup() {
        Ok(s) => s,
        Err(why) => {
            assert!(
                std::env::var_os("KERNEL_TRUTH_REQUIRE").is_none(),
                "kernel_truth cannot run and KERNEL_TRUTH_REQUIRE is set: {why}"
            );
            eprintln!("SKIPPED: kernel_truth: {why}");
            return;
        }
    };
    let series = format!("{}.{}", setup.kernel.0.major, setup.kernel.0.minor);
    let (release, file) = tables::release_for(&setup.tables, setup.kernel.series())
        .unwrap_or_else(|| panic!("no reference tables at or below {series}"));
    let allow = tables::derive(
        &release,
        &std::fs::read_to_string(&file).expect("reference tables"),
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let allow_file = dir.path().join("allow.tsv");
    std::fs::write(&allow_file, allow.to_tsv()).expect("write allow-list");

    let kinds: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|k| {
            let ok = *k != Kind::Net || setup.kernel.series() >= (5, 13);
            if !ok {
                eprintln!("SKIPPED: kernel_truth: network keys need Linux 5.13 (ensure_safe_net_sysctl); running {series}");
            }
            ok
        })
        .collect();
    let started = std::time::Instant::now();
    let children: Vec<(Kind, std::process::Child)> = kinds
        .iter()
        .map(|&k| (k, run_child(k, &allow_file, dir.path())))
        .collect();
    let mut reports: BTreeMap<Kind, Report> = BTreeMap::new();
    for (kind, c) in children {
        let out = c.wait_with_output().expect("child");
        assert!(
            out.status.success(),
            "kernel_truth child ({}) failed: {}\n{}",
            kind.name(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(dir.path().join(format!("{}.tsv", kind.name())))
            .expect("child output");
        reports.insert(kind, parse_report(&text));
    }
    let probe_time = started.elapsed();

    let options = Options {
        kernel: setup.kernel.clone(),
        ..Options::default()
    };
    let mut found: Vec<(Difference, Option<String>)> = Vec::new();
    let mut summary = Vec::new();
    let (mut all_probes, mut all_agree) = (0usize, 0usize);
    for (kind, r) in &reports {
        let keys: BTreeSet<&str> = r.writes.iter().map(|w| w.path.as_str()).collect();
        let mut agree = 0;
        for w in &r.writes {
            match oracle::compare(&series, w, &options) {
                None => agree += 1,
                Some(d) => found.push((d, None)),
            }
        }
        let mut key_diffs = 0;
        for path in &keys {
            let w = r.writes.iter().find(|w| w.path == *path).expect("a write");
            if let Some(d) = oracle::compare_key(&series, w, &options) {
                key_diffs += 1;
                found.push((d, None));
            }
        }
        for (path, reason) in &r.left_out {
            found.push((
                Difference {
                    kernel: series.clone(),
                    key: child::key_of(path).dotted(),
                    probe: "-".into(),
                    answer: "writable in the namespace".into(),
                    prediction: "-".into(),
                    cause: "left-out".into(),
                },
                Some(reason.clone()),
            ));
        }
        all_probes += r.writes.len();
        all_agree += agree;
        summary.push(format!(
            "  {:<3}: {} keys probed ({} differ as keys), {} probes, {} agree ({:.1}%); {} writable catalogued keys left out; {} writable keys not catalogued",
            kind.name(),
            keys.len(),
            key_diffs,
            r.writes.len(),
            agree,
            100.0 * agree as f64 / r.writes.len().max(1) as f64,
            r.left_out.len(),
            r.uncatalogued.len(),
        ));
    }
    found.sort();
    found.dedup();

    let known_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(KNOWN);
    let known_text = std::fs::read_to_string(&known_path).unwrap_or_default();
    let known = oracle::read_known(&known_text);
    let mut by_cause: BTreeMap<&str, usize> = BTreeMap::new();
    for (d, _) in &found {
        *by_cause.entry(d.cause.as_str()).or_default() += 1;
    }
    eprintln!(
        "kernel_truth: Linux {} (tables of {release}), writes in {:.1} s, predictions in {:.1} s",
        setup.kernel,
        probe_time.as_secs_f64(),
        (started.elapsed() - probe_time).as_secs_f64()
    );
    for s in &summary {
        eprintln!("{s}");
    }
    eprintln!(
        "  all: {all_probes} probes, {all_agree} agree ({:.1}%); {} differences: {}",
        100.0 * all_agree as f64 / all_probes.max(1) as f64,
        found.len(),
        by_cause
            .iter()
            .map(|(c, n)| format!("{c} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );

    if std::env::var_os("KERNEL_TRUTH_WRITE").is_some() {
        let text = oracle::write_known(PREAMBLE, &known, &series, &found);
        std::fs::write(&known_path, text).expect("write known differences");
        eprintln!("  wrote {} rows for {series} to {KNOWN}", found.len());
        return;
    }
    let listed: BTreeSet<&Difference> = known
        .iter()
        .filter(|k| k.diff.kernel == series)
        .map(|k| &k.diff)
        .collect();
    if listed.is_empty() && !found.is_empty() {
        // A kernel series nobody has recorded yet (a new CI image): the counts
        // above are the result; the comparison needs its rows first.
        let why = format!(
            "{KNOWN} has no rows for Linux {series}: run `KERNEL_TRUTH_WRITE=1 cargo test --test kernel_truth` on it, review and commit"
        );
        assert!(std::env::var_os("KERNEL_TRUTH_REQUIRE").is_none(), "{why}");
        eprintln!("SKIPPED: kernel_truth comparison: {why}");
        return;
    }
    let found_set: BTreeSet<&Difference> = found.iter().map(|(d, _)| d).collect();
    let new: Vec<String> = found_set
        .difference(&listed)
        .map(|d| {
            format!(
                "  {} {}: kernel {}; sysctl-lint {} [{}]",
                d.key, d.probe, d.answer, d.prediction, d.cause
            )
        })
        .collect();
    // A row whose reason starts with `build-dependent:` differs between builds of
    // the same release (a vendor or stable patch): it may be absent.
    let optional: BTreeSet<&Difference> = known
        .iter()
        .filter(|k| k.diff.kernel == series && k.reason.starts_with("build-dependent:"))
        .map(|k| &k.diff)
        .collect();
    let gone: Vec<String> = listed
        .difference(&found_set)
        .filter(|d| !optional.contains(*d))
        .map(|d| {
            format!(
                "  {} {}: kernel {}; sysctl-lint {} [{}]",
                d.key, d.probe, d.answer, d.prediction, d.cause
            )
        })
        .collect();
    eprintln!(
        "  listed in {KNOWN}: {}; new: {}; no longer occurring: {}",
        listed.len(),
        new.len(),
        gone.len()
    );
    let show = |v: &[String]| {
        let mut s = v.iter().take(40).cloned().collect::<Vec<_>>().join("\n");
        if v.len() > 40 {
            s.push_str(&format!("\n  … and {} more", v.len() - 40));
        }
        s
    };
    assert!(
        new.is_empty() && gone.is_empty(),
        "the kernel and sysctl-lint differ where {KNOWN} does not say so.\n\
         New differences ({}):\n{}\nListed differences that no longer occur ({}):\n{}\n\
         Fix the catalogue or the rule, or regenerate the list: KERNEL_TRUTH_WRITE=1 cargo test --test kernel_truth",
        new.len(),
        show(&new),
        gone.len(),
        show(&gone)
    );
}

/// The allow-list derivation, on every reference release from 5.13 (no root
/// needed): the anchors each kind must have, and keys it must never allow.
#[test]
#[cfg_attr(shared_absent, ignore = "../shared is absent")]
fn allow_list_from_the_tables() {
    let dir = tables_dir();
    assert!(dir.is_dir(), "{} is absent", dir.display());
    let mut releases: Vec<(u64, u64)> = std::fs::read_dir(&dir)
        .expect("tables")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            let mut nums = name
                .strip_suffix(".txt")?
                .split('.')
                .map(|n| n.parse().ok());
            Some((nums.next()??, nums.next()??))
        })
        .filter(|v| *v >= (5, 13))
        .collect();
    releases.sort();
    assert!(!releases.is_empty());
    for series in releases {
        let (release, file) = tables::release_for(&dir, series).expect("release");
        let allow = tables::derive(&release, &std::fs::read_to_string(file).expect("read"));
        for (kind, path) in [
            (Kind::Net, "net/ipv4/tcp_sack"),
            (Kind::Net, "net/ipv4/conf/lo/rp_filter"),
            (Kind::Net, "net/ipv6/conf/default/accept_ra"),
            (Kind::Net, "net/ipv4/neigh/lo/mcast_solicit"),
            (Kind::Net, "net/core/somaxconn"),
            (Kind::Ipc, "kernel/shmmax"),
            (Kind::Ipc, "kernel/sem"),
            (Kind::Ipc, "fs/mqueue/queues_max"),
            (Kind::Uts, "kernel/hostname"),
            (Kind::Uts, "kernel/domainname"),
        ] {
            assert!(
                allow.allows(kind, path).is_some(),
                "{release}: {path} not allowed"
            );
        }
        for (kind, path) in [
            (Kind::Net, "net/ipv4/tcp_mem"),
            (Kind::Net, "net/core/rmem_max"),
            (Kind::Net, "net/core/netdev_max_backlog"),
            (Kind::Net, "net/ipv4/tcp_congestion_control"),
            (Kind::Net, "net/netfilter/nf_conntrack_max"),
            (Kind::Net, "net/netfilter/nf_hooks_lwtunnel"),
            (Kind::Ipc, "kernel/panic"),
            (Kind::Ipc, "kernel/sem_next_id"),
            (Kind::Ipc, "vm/swappiness"),
            (Kind::Ipc, "fs/file-max"),
            (Kind::Uts, "kernel/ostype"),
            (Kind::Uts, "kernel/core_pattern"),
        ] {
            assert!(
                allow.allows(kind, path).is_none(),
                "{release}: {path} allowed"
            );
        }
    }
}
